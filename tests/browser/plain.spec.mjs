// Plain words first (issue 13, item 5): a measure page and a plan view read as a resident reads them, and
// everything for those who check (file names, line numbers, field names, the editors' notes) is in one
// 「出典と注記」 per page, whose one tap shows the source passage. Notes are in Japanese, as written.
import { test, expect, builtDataset } from "./fixtures.mjs";

test.use({ viewport: { width: 360, height: 740 } });

/** What the page shows, as a reader sees it: closed disclosures hide their text from innerText. */
const shown = (page) => page.locator("main").evaluate((main) => main.innerText);

const FOR_CHECKERS = [/\.txt/, /\d+行目/, /cumulative|direction|fy_from|not_stated/, /[A-Za-z]+ [A-Za-z]+ [A-Za-z]+ [A-Za-z]+/];

test("a measure page keeps its file, lines, field names and notes in one 「出典と注記」, and one tap shows the passage", async ({ page }) => {
  const measure = builtDataset().plans.flatMap((p) => p.measures).find((m) => m.indicators.some((i) => i.note?.includes("cumulative = false")));
  await page.goto(`./?measure=${measure.id}`);
  await expect(page.locator("article.measure-detail h2")).toContainText(measure.name);
  const before = await shown(page);
  for (const jargon of FOR_CHECKERS) expect(before, `${jargon} in the reading path`).not.toMatch(jargon);

  const disclosure = page.locator("article.measure-detail .source-notes");
  await expect(disclosure).toHaveCount(1);
  await disclosure.locator("> summary").click();
  await expect(disclosure).toContainText(`出典: ${measure.source.file}`);
  await expect(disclosure.locator("figure.source mark")).toBeVisible();
  const indicator = measure.indicators.find((i) => i.note?.includes("cumulative = false"));
  await expect(disclosure).toContainText(indicator.note);
  expect(await shown(page)).toMatch(/cumulative = false/);
});

test("北区's notes, once written in English, are in Japanese; the English view has the source, and says the Japanese has the notes", async ({ page }) => {
  await page.goto("./?measure=kita-dx2025.m1-1-1-1");
  const disclosure = page.locator("article.measure-detail .source-notes");
  await disclosure.locator("> summary").click();
  await expect(disclosure.locator(".note").first()).toContainText("年度別計画：「電子申請フォーム作成支援、職員研修」（225行目）");
  await expect(disclosure).not.toContainText("No indicator name is printed");
  await expect(disclosure).toContainText("指標名は印字されていない");

  await page.goto("./?measure=kita-dx2025.m1-1-1-1&lang=en");
  const english = page.locator("article.measure-detail .source-notes");
  await expect(page.locator(".english-notice")).toContainText("the ward's Japanese original (日本語) prevails and has the notes");
  await english.locator("> summary", { hasText: "Sources and notes" }).click();
  await expect(english).toContainText("Source: 002_772d6f7aee0d8246.txt");
  await expect(english.locator('figure.source pre[lang="ja"] mark')).toBeVisible();
  await expect(english.locator(".note")).toHaveCount(0);
});

test.describe("a source that could not be read", () => {
  test.use({ expectedConsoleErrors: [/ERR_FAILED|Failed to load resource|Failed to fetch/i] });

  test("says so, and is read again the next time the disclosure opens", async ({ page }) => {
    let fail = true;
    await page.route("**/data/sources/**", (route) => (fail ? route.abort("failed") : route.continue()));
    await page.goto("./?measure=kita-dx2025.m1-1-1-1");
    const disclosure = page.locator("article.measure-detail .source-notes");
    await disclosure.locator("> summary").click();
    await expect(disclosure.getByRole("alert")).toHaveText("原文を読み込めませんでした。");
    fail = false;
    await disclosure.locator("> summary").click();
    await disclosure.locator("> summary").click();
    await expect(disclosure.locator("figure.source mark")).toBeVisible();
    await expect(disclosure.getByRole("alert")).toHaveCount(0);
  });
});

test("the plan view puts its tree first, then the printed counts checked, then 「出典と注記」 with the plan's notes and source", async ({ page }) => {
  const plan = builtDataset().plans.find((p) => p.id === "taito-dx2026");
  await page.goto("./?plan=taito-dx2026&view=tree");
  const section = page.locator('.plan-tree[data-plan-id="taito-dx2026"]');
  await expect(section.locator(".summary-table")).toHaveCount(plan.summaries.length);
  // The outlook's evidence has passages of its own; the page's 「出典と注記」 is a child of the plan's section.
  const order = await section.evaluate((s) => {
    const children = [...s.children];
    const at = (q) => children.findIndex((c) => c.matches(q) || c.querySelector(q));
    return [at(".tree"), at(".summary-table"), children.findIndex((c) => c.matches(".source-notes"))];
  });
  expect(order[0]).toBeLessThan(order[1]);
  expect(order[1]).toBeLessThan(order[2]);
  const notes = section.locator(":scope > .source-notes");
  expect(await shown(page)).not.toContain(plan.notes[0]);
  await notes.locator("> summary").click();
  await expect(notes.locator(".plan-notes li")).toHaveCount(plan.notes.length);
  await expect(notes).toContainText(`出典: ${plan.source}`);
  await expect(notes.locator("figure.source mark")).toBeVisible();
});
