// The explorer as people use it: links that show exactly what they promise, filters with honest
// counts, Japanese search, Back and Forward, and the plan view's reported-versus-computed table.
import { test, expect, builtDataset } from "./fixtures.mjs";

const ids = (page) => page.locator("[data-measure-id]").evaluateAll((els) => els.map((e) => e.dataset.measureId));
const count = (page) => page.locator(".result-count");
// A search across plans fetches the files of its words, then the cards of its first page (src/parts.rs).
const waitForList = async (page) => {
  await expect(count(page)).toHaveText(/件の施策が見つかりました/);
  await expect(page.locator(".content p.status")).toHaveCount(0);
};
/** Every measure of the result: across plans a list shows 20 at a time. */
const allIds = async (page) => {
  await waitForList(page);
  while (await page.getByRole("button", { name: /さらに表示/ }).count()) {
    const before = await page.locator("[data-measure-id]").count();
    await page.getByRole("button", { name: /さらに表示/ }).click();
    await expect.poll(() => page.locator("[data-measure-id]").count()).toBeGreaterThan(before);
    await waitForList(page);
  }
  return ids(page);
};

test("a shared link shows exactly that department's measures active in that year", async ({ page }) => {
  await page.goto("./?plan=itabashi-ict2025&dept=戸籍住民課&year=2022");
  await waitForList(page);
  // 施策 11, 12 and 16 name 戸籍住民課 as 担当部署 and have a 令和4年度 plan (seed 001, lines 2343-2812).
  expect(await ids(page)).toEqual(["itabashi-ict2025.m11", "itabashi-ict2025.m12", "itabashi-ict2025.m16"]);
  await expect(count(page)).toHaveText("3件の施策が見つかりました");
  await expect(page.locator("#facet-dept")).toHaveValue("戸籍住民課");
  await expect(page.locator("#facet-year")).toHaveValue("2022");
});

test.describe("every URL parameter", () => {
  const cases = [
    ["plan", "?plan=taito-dx2026", 27],
    ["policy", "?policy=itabashi-ict2025.p2", 4],
    ["policy with related", "?policy=itabashi-ict2025.p2&related=1", null],
    ["dept", "?dept=戸籍住民課", null],
    ["year", "?plan=kita-dx2025&year=2029", null],
    ["grade", "?grade=未達成", 1],
    ["new", "?new=1", null],
    ["q", "?q=RPA", null],
  ];
  for (const [name, query, expected] of cases) {
    test(`${name} filters the list`, async ({ page }) => {
      await page.goto(`./${query}`);
      await waitForList(page);
      const shown = (await ids(page)).length;
      if (expected !== null) expect(shown).toBe(expected);
      expect(shown).toBeGreaterThan(0);
      const all = builtDataset().plans.reduce((n, p) => n + p.measures.length, 0);
      expect(shown).toBeLessThan(all);
    });
  }

  test("malformed values are ignored and the rest still applies", async ({ page }) => {
    await page.goto("./?plan=taito-dx2026&plan=nope&year=abc&dept=存在しない課&view=bogus&grade=%00&embed=maybe&lang=xx");
    expect((await allIds(page)).length).toBe(27);
    await expect(page.locator("html")).toHaveAttribute("lang", "ja");
    // The URL is rewritten without what was ignored.
    expect(new URL(page.url()).search).toBe("?plan=taito-dx2026");
  });

  test("an unknown measure says so instead of showing nothing", async ({ page }) => {
    await page.goto("./?measure=taito-dx2026.nope");
    await expect(page.getByText("指定された施策は見つかりませんでした。")).toBeVisible();
  });

  test("view and measure open the matching pages", async ({ page }) => {
    await page.goto("./?plan=taito-dx2026&view=timeline");
    await expect(page.getByRole("heading", { name: "年度別の計画", level: 2 })).toBeVisible();
    await page.goto("./?view=compare&lang=en");
    await expect(page.getByRole("heading", { name: "Compare wards by theme" })).toBeVisible();
    await page.goto("./?measure=itabashi-ict2025.m02");
    await expect(page.getByRole("heading", { level: 2, name: /RPA事業の拡大/ })).toBeVisible();
    await expect(page.getByRole("table", { name: /実行シナリオ数/ })).toContainText("延 16シナリオ以上");
  });
});

test("filter changes replace the history entry; opening a measure pushes one, and Back returns", async ({ page }) => {
  await page.goto("./?plan=itabashi-ict2025");
  await waitForList(page);
  const before = await page.evaluate(() => history.length);
  await page.locator("#facet-dept").selectOption("IT推進課");
  await expect(page).toHaveURL(/dept=IT%E6%8E%A8%E9%80%B2%E8%AA%B2/);
  await page.getByLabel("キーワードで探す").fill("研修");
  await expect(page).toHaveURL(/q=/);
  expect(await page.evaluate(() => history.length)).toBe(before);
  const first = (await ids(page))[0];
  await page.locator(`[data-measure-id="${first}"] a`).first().click();
  await expect(page).toHaveURL(new RegExp(`measure=${first.replace(".", "\\.")}`));
  await expect(page.locator("article.measure-detail")).toBeVisible();
  await page.goBack();
  await expect(page.locator("article.measure-detail")).toHaveCount(0);
  await expect(page.getByLabel("キーワードで探す")).toHaveValue("研修");
  expect(await ids(page)).toContain(first);
  await page.goForward();
  await expect(page.locator("article.measure-detail")).toBeVisible();
});

test.describe("search folds Japanese text", () => {
  for (const [a, b] of [["ＲＰＡ", "rpa"], ["マイナンバー", "まいなんばー"], ["ﾏｲﾅﾝﾊﾞｰ", "マイナンバー"]]) {
    test(`${a} finds what ${b} finds`, async ({ page }) => {
      await page.goto(`./?q=${encodeURIComponent(a)}`);
      const left = await allIds(page);
      await page.goto(`./?q=${encodeURIComponent(b)}`);
      expect(left.length).toBeGreaterThan(0);
      expect(await allIds(page)).toEqual(left);
    });
  }

  test("several words narrow the result, and matches are marked", async ({ page }) => {
    await page.goto("./?q=マイナンバー");
    const one = await allIds(page);
    await page.getByLabel("キーワードで探す").fill("マイナンバー　交付");
    await expect.poll(async () => (await allIds(page)).length).toBeLessThan(one.length);
    const two = await allIds(page);
    expect(two.length).toBeGreaterThan(0);
    expect(two.every((id) => one.includes(id))).toBe(true);
    await expect(page.locator("mark").first()).toBeVisible();
  });

  test("no result shows an empty state, announced", async ({ page }) => {
    await page.goto("./?q=存在しないキーワードxyz");
    await expect(count(page)).toHaveText("0件の施策が見つかりました");
    await expect(count(page)).toHaveAttribute("role", "status");
    await expect(page.getByText("条件に合う施策はありません。")).toBeVisible();
  });
});

test("every department count equals the measures that choosing it shows", async ({ page }) => {
  await page.goto("./?plan=itabashi-ict2025&year=2021");
  await waitForList(page);
  const options = await page.locator("#facet-dept option:not([value=''])").evaluateAll((els) =>
    els.map((o) => [o.value, Number(o.textContent.match(/（(\d+)）$/)[1])]),
  );
  expect(options.length).toBeGreaterThan(3);
  for (const [dept, expected] of options.filter(([, n]) => n > 0)) {
    await page.locator("#facet-dept").selectOption(dept);
    await expect(count(page)).toHaveText(`${expected}件の施策が見つかりました`);
    await page.locator("#facet-dept").selectOption("");
  }
});

test("one click clears every filter", async ({ page }) => {
  await page.goto("./?plan=itabashi-ict2025&dept=IT推進課&year=2022&q=研修&view=list");
  await waitForList(page);
  await page.getByRole("button", { name: "絞り込みをすべて解除" }).click();
  await expect(page).toHaveURL(/\?view=list$/);
  await expect(page.getByLabel("キーワードで探す")).toHaveValue("");
});

test("the plan view shows printed figures next to recomputed ones, differences included", async ({ page }) => {
  await page.goto("./?plan=itabashi-ict2020&view=tree");
  const fig14 = page.locator('[data-summary-id="itabashi-ict2020.fig14"]');
  await expect(fig14.locator("tbody tr")).toHaveCount(30);
  await expect(fig14.locator("tbody tr.agrees")).toHaveCount(30);
  await page.goto("./?plan=itabashi-ict2025&view=tree");
  const fy2021 = page.locator('[data-summary-id="itabashi-ict2025.fy2021-grades"]');
  await expect(fy2021).toContainText("25");
  await expect(fy2021.locator("tbody tr.unknown").first()).toContainText("施策ごとの記載がないため計算できません");
  await page.goto("./?plan=taito-dx2026&view=tree");
  await expect(page.locator('[data-summary-id="taito-dx2026.counts"] tbody tr.agrees')).toHaveCount(8);
  await expect(page.locator(".tree")).toContainText("目標1");
});

test("the measure detail cites its source and shows the passage", async ({ page }) => {
  await page.goto("./?measure=taito-dx2026.t01");
  await expect(page.locator("article.measure-detail")).toContainText("情報政策課");
  // One tap on 「出典と注記」 shows the file, the line and the passage (issue 13).
  await expect(page.locator("figure.source")).toBeHidden();
  await page.locator("summary", { hasText: "出典と注記" }).click();
  await expect(page.locator(".source-notes")).toContainText("出典: 003_3f0b34cac50a9be8.txt");
  const passage = page.locator("figure.source");
  await expect(passage).toContainText("行政手続きのオンライン化");
  await expect(passage.locator("mark")).toContainText("取組1 行政手続きのオンライン化");
});

test("the list reflows at 320 px without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto("./?plan=itabashi-ict2025");
  await waitForList(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
