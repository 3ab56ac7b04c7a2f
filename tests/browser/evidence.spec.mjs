// The answer from the wards' record (issue 12): the one-sentence outlook on the plan view (resident bundle)
// and at the top of the simulation, the evidence a tap away, DX推進計画2025's printed results with the
// targets they imply, the backtest against ICT計画2025's printed 令和3年度 counts, and the phone layout.
// The figures are the ones datagen/tests/evidence.rs pins against hand-worked values.
import { test, expect, openWhatIf } from "./fixtures.mjs";

test("the plan view answers first, from 板橋区's record, with the evidence one tap away", async ({ page }) => {
  await page.goto("./?plan=itabashi-ict2025&view=tree");
  const outlook = page.locator(".outlook");
  await expect(outlook.locator(".outlook-answer")).toHaveText(
    "板橋区のこれまでの評価（2計画の66施策のうち未達成2件）から見ると、この計画の22施策のうち未達成で終わるのは0〜2件と見込まれます（80%の確率でこの範囲、平均1件）。",
  );
  await outlook.locator("summary").first().click();
  const records = outlook.locator(".outlook-evidence li");
  await expect(records).toHaveCount(2);
  await expect(records.nth(0)).toContainText("令和2年度（2020年度）の評価：41施策のうち未達成1件");
  await expect(records.nth(1)).toContainText("令和3年度（2021年度）の評価：25施策のうち未達成1件");
  await expect(outlook.locator(".outlook-evidence")).toContainText("Beta(3, 65)");
  // The printed count itself: 004 line 9.
  await records.nth(1).locator("summary", { hasText: "原文を読む" }).click();
  await expect(records.nth(1).locator("mark")).toContainText("25");
  // The link promises the what-if and its backtest: it carries a scenario, which loads them at once.
  const toSim = outlook.getByRole("link", { name: /試算と、この方法の検証/ });
  await expect(toSim).toHaveAttribute("href", /view=sim.*model=pace/);
  await toSim.click();
  await expect(page.locator(".bt-table")).toBeVisible();
});

for (const lang of ["", "&lang=en"]) {
  test(`the plan view across plans gives each plan the outlook of its own plan view, from the search index${lang}`, async ({ page }) => {
    // Across plans the records come from records.json, the plans that have one, and each plan's own line
    // from its file (issue 17: index.json was 8.7 KB gzip at 100 times the plans); the outlook must be the
    // one each plan's own view gives from index.json.
    const requested = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`./?view=tree${lang}`);
    const sections = page.locator("section.plan-tree");
    await expect(sections.first().locator(".outlook-answer")).toBeVisible();
    const across = await sections.evaluateAll((all) => all.map((s) => [s.dataset.planId, s.querySelector(".outlook-answer")?.textContent]));
    expect(across.length).toBeGreaterThan(1);
    expect(requested.filter((p) => /\/data\/index(\.en)?\.json$/.test(p))).toEqual([]);
    expect(requested).toContain(`/data/records${lang ? ".en" : ""}.json`);
    for (const [id, answer] of across) {
      await page.goto(`./?plan=${id}&view=tree${lang}`);
      await expect(page.locator(".outlook-answer")).toHaveText(answer);
    }
  });
}

test("a ward with no record says so, and borrows 板橋区's record only as a labelled reference", async ({ page }) => {
  await page.goto("./?plan=kita-dx2025&view=tree&lang=en");
  await expect(page.locator(".outlook-answer")).toContainText("This data has no record of how Kita City's measures were evaluated. Borrowing Itabashi City's record");
  await expect(page.locator(".outlook-answer")).toContainText("0 to 5 of this plan's 49 measures would end not achieved");
  await page.goto("./?plan=taito-dx2026&view=tree");
  await expect(page.locator(".outlook-answer")).toContainText("台東区自身の実績にもとづく値ではありません");
});

test("a finished plan shows its recorded outcome, and a plan without measures says there is no outlook", async ({ page }) => {
  await page.goto("./?plan=itabashi-ict2020&view=tree");
  await expect(page.locator(".outlook-answer")).toHaveText("この計画の結果は記録されています。令和2年度（2020年度）の評価で、41施策のうち未達成は1件でした。");
  await page.goto("./?plan=itabashi-dx2030&view=tree");
  await expect(page.locator(".outlook-answer")).toHaveText("この計画には施策が記録されていないため、見通しは出せません。");
});

test("DX推進計画2025's printed FY2024 results show on the plan view and, with the targets they imply, in the simulation", async ({ page }) => {
  await page.goto("./?plan=itabashi-dx2025&view=tree");
  const printed = page.locator(".printed-results");
  await expect(printed).toContainText("オンライン申請件数: 令和6年度（2024年度） 122,609件（達成率285%、資料の記載）");
  await expect(printed).toContainText("RPAによる業務削減時間: 令和6年度（2024年度） 1,643時間（達成率126%、資料の記載）");

  await openWhatIf(page, "./?plan=itabashi-dx2025&view=sim");
  const evidence = page.locator('.sim-outlook[data-plan-id="itabashi-dx2025"]');
  await expect(evidence.locator(".outlook-answer")).toContainText("6施策のうち未達成で終わるのは0〜1件");
  const online = evidence.locator(".ev-table tr", { hasText: "オンライン申請件数" });
  await expect(online).toContainText("43,021件（42,945〜43,096）");
  await expect(online).toContainText("目標を達成（記載の達成率が100%以上）");
  await expect(evidence.locator(".ev-table tr", { hasText: "RPAによる業務削減時間" })).toContainText("1,304時間（1,299〜1,309）");
  // The policy's indicator is in the what-if table too: all five of the plan's indicators are listed.
  await expect(page.locator(".sim-table tbody tr")).toHaveCount(5);
  // Only this plan is loaded, so the backtest (of ICT計画2025) is a link away.
  await expect(page.locator(".sim-backtest a")).toHaveAttribute("href", /view=sim/);
});

test("the backtest puts the printed FY2021 counts beside both predictions and says which did better", async ({ page }) => {
  await openWhatIf(page, "./?plan=itabashi-ict2025&view=sim");
  const table = page.locator(".bt-table");
  await expect(table.locator("tbody tr")).toHaveCount(5);
  const total = table.locator("tbody tr").first();
  await expect(total).toContainText("計");
  await expect(total.locator("td").nth(0)).toHaveText("25");
  await expect(total.locator("td").nth(1)).toHaveText("1");
  await expect(total.locator("td").nth(2)).toHaveText("平均1.2件（80%範囲 0〜3件）、スコア −1.21");
  await expect(total.locator("td").nth(3)).toContainText("スコア −5.11");
  await expect(page.locator(".bt-verdict").first()).toContainText("記録にもとづく予測の方が、資料の数をよく当てていました。");
  // A what-if that says every measure ends 未達成 can't do better: the verdict follows the scores.
  await page.goto("./?plan=itabashi-ict2025&view=sim&milestone=0&pace=0");
  await expect(page.locator(".bt-verdict").first()).toContainText("記録にもとづく予測の方が");
  await expect(page.locator(".bt-table tbody tr").first().locator("td").nth(3)).toContainText("スコア −∞");
});

test("at 360 px the simulation reads without squeezed columns or a page that scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openWhatIf(page, "./?plan=itabashi-ict2025&view=sim");
  await expect(page.locator(".sim-table:not([aria-busy]) tbody tr").first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // Every cell shown of the stacked tables is a full-width card line, never a column a few characters wide
  // (cells with nothing in them are not drawn).
  const narrowest = await page.evaluate(() =>
    Math.min(...[...document.querySelectorAll("table.stack td, table.stack tbody th")].filter((c) => c.offsetParent).map((c) => c.getBoundingClientRect().width)),
  );
  expect(narrowest).toBeGreaterThan(250);
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(await page.locator(".sim-table td").first().evaluate((c) => getComputedStyle(c).display)).toBe("table-cell");
});
