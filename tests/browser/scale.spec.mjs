// The app on a dataset 16 times larger (`plan-data synth`, docs/TESTING.md, Data at scale): 96 plans of
// 18 municipalities, 2,320 measures, served as the site's data/. A search and the compare view across
// plans work as on the real data and download only what they show; the start page finds a municipality
// by typing its name.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect } from "./fixtures.mjs";
import { serve } from "./servers.mjs";

const FACTOR = 16;
let data;
let server;

test.beforeAll(async ({}, testInfo) => {
  // Building plan-data first, when the core changed since the last release build, takes minutes.
  testInfo.setTimeout(300_000);
  data = mkdtempSync(join(tmpdir(), "plan-synth-"));
  execFileSync("cargo", ["run", "--release", "--locked", "-q", "-p", "plan-data", "--", "synth", "--factor", String(FACTOR), "--out", data]);
  server = await serve("dist", "--data", data);
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(data, { recursive: true, force: true });
});

/** The data files requested since `from` (an index into the server's log). */
const dataRequests = (from) => server.requests.slice(from).filter((r) => r.includes(" /data/"));

test("a search across 16x the plans finds every copy of a measure, and loads the cards of its results, not the plans", async ({ page }) => {
  const from = server.requests.length;
  await page.goto(`${server.url}?q=${encodeURIComponent("電子申請の推進")}`);
  await expect(page.locator(".result-count")).toHaveText(`${FACTOR}件の施策が見つかりました`);
  await expect(page.locator('[data-measure-id="kita-dx2025.m1-1-1-1"]')).toBeVisible();
  await expect(page.locator('[data-measure-id="kita-dx2025-s0001.m1-1-1-1"]')).toBeVisible();
  // A first page of 10 (PAGE_ACROSS, src/views/list.rs).
  await expect(page.locator("[data-measure-id]")).toHaveCount(10);
  await expect(page.locator("mark").first()).toHaveText("電子申請の推進");
  expect(dataRequests(from).filter((r) => r.includes("/cards/"))).toHaveLength(10);
  await page.locator("button.more").click();
  await expect(page.locator("[data-measure-id]")).toHaveCount(FACTOR);
  const requested = dataRequests(from);
  expect(requested.filter((r) => r.includes("/cards/"))).toHaveLength(FACTOR);
  expect(requested.filter((r) => /\/(plans|overview|names)\//.test(r) || r.endsWith("plans.json"))).toEqual([]);

  // A word of one character, and a part of a compound, find their measures too (the grams, not words).
  await page.getByLabel("キーワードで探す").fill("申請");
  await expect(page.locator(".result-count")).not.toHaveText(`${FACTOR}件の施策が見つかりました`);
  await expect(page.locator('[data-measure-id="kita-dx2025.m1-1-1-1"]')).toBeVisible();
});

test("a search for a theme's word reads the cards of its results only, not of what shows before its words' files", async ({ page }) => {
  // 子育て is a keyword of a theme: until the gram files arrive, the theme's measures are the results,
  // and their cards were asked for too (at 100 times the plans, nine files a first view did not show).
  const from = server.requests.length;
  await page.goto(`${server.url}?q=${encodeURIComponent("子育て")}`);
  await expect(page.locator("[data-measure-id]")).toHaveCount(10);
  await page.waitForLoadState("networkidle");
  const shown = await page.locator("[data-measure-id]").evaluateAll((cards) => cards.map((c) => c.dataset.measureId));
  const cards = dataRequests(from).filter((r) => r.includes("/cards/"));
  expect(cards).toHaveLength(10);
  expect(shown.every((id) => cards.some((r) => r.includes(`/cards/${id.split(".")[0]}/`)))).toBe(true);
});

test("the compare view across 16x the plans shows three municipalities at a time, from their names only", async ({ page }) => {
  const from = server.requests.length;
  await page.goto(`${server.url}?view=compare`);
  const theme = page.locator("[data-theme-id]").first();
  await expect(theme.locator(".ward-column")).toHaveCount(3);
  await expect(theme.locator("h4").first()).toContainText("板橋区");
  await page.getByRole("button", { name: "次の自治体と比べる（残り15）" }).click();
  await expect(theme.locator(".ward-column")).toHaveCount(6);
  const requested = dataRequests(from);
  expect(requested.length).toBeGreaterThan(1);
  expect(requested.every((r) => r.endsWith("/data/search/index.json") || r.includes("/data/names/"))).toBe(true);
});

test("the start page shows twelve of 18 municipalities and finds the others by typing a name, reading their plans then", async ({ page }) => {
  const from = server.requests.length;
  await page.goto(server.url);
  await expect(page.locator(".ward-card:visible")).toHaveCount(12);
  await expect(page.locator(".ward-card:visible [data-plan-id]").first()).toBeVisible();
  await expect(page.locator("#ward-finder-status")).toHaveText("18の自治体のうち12を表示しています。名前を入力すると絞り込めます。");
  // The names and the plans of the twelve shown: not every plan's line (index.json grows with every plan).
  expect(dataRequests(from).map((r) => r.split(" ")[1]).sort()).toEqual(["/data/wards.json", "/data/wards/0.json"]);
  await page.getByLabel("自治体名で探す").fill("試験市0015");
  await expect(page.locator(".ward-card:visible")).toHaveCount(1);
  await expect(page.locator(".ward-card:visible h3")).toHaveText("試験市0015");
  await expect(page.locator(".ward-card:visible [data-plan-id]").first()).toContainText("試験市0015");
  expect(dataRequests(from).map((r) => r.split(" ")[1])).toContain("/data/wards/1.json");
  await expect(page.locator("#ward-finder-status")).toHaveText("1の自治体を表示しています。");
  // Full-width digits fold as a search does.
  await page.getByLabel("自治体名で探す").fill("試験市００１５");
  await expect(page.locator(".ward-card:visible h3")).toHaveText("試験市0015");
  await page.getByLabel("自治体名で探す").fill("北");
  await expect(page.locator(".ward-card:visible h3")).toHaveText("北区");
  await page.getByLabel("自治体名で探す").fill("存在しない市");
  await expect(page.locator(".ward-card:visible")).toHaveCount(0);
  await expect(page.locator("#ward-finder-status")).toHaveText("その名前の自治体はありません。");
  await page.getByLabel("自治体名で探す").fill("");
  await expect(page.locator(".ward-card:visible")).toHaveCount(12);
});

// The plan filter was one list of 96 plans at 16x: now one group a municipality, each its own plans only.
test("the plan filter across 16x the plans groups them by municipality", async ({ page }) => {
  await page.goto(`${server.url}?q=${encodeURIComponent("電子申請の推進")}`);
  await expect(page.locator(".result-count")).toBeVisible();
  const groups = await page.locator("#facet-plan optgroup").evaluateAll((els) =>
    els.map((g) => ({ label: g.label, plans: [...g.querySelectorAll("option")].map((o) => o.textContent) })));
  expect(groups).toHaveLength(18);
  expect(groups.map((g) => g.label).slice(0, 4)).toEqual(["板橋区", "北区", "台東区", "試験市0001"]);
  expect(groups.flatMap((g) => g.plans)).toHaveLength(96);
  for (const { label, plans } of groups) {
    for (const plan of plans) expect(plan, label).toContain(label);
  }
  // By value: an option's text carries its count, which the filters draw again as the cards arrive.
  await page.locator("#facet-plan").selectOption(await page.locator('#facet-plan optgroup[label="北区"] option').first().getAttribute("value"));
  await expect(page.locator(".result-count")).toHaveText("1件の施策が見つかりました");
});
