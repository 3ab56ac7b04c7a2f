// Phone first (issue 14): at 360 × 740 the search stays at the top, and every view's own content starts
// within the first 400 px, without a page that scrolls sideways.
import { test, expect, watchCount } from "./fixtures.mjs";

test.use({ viewport: { width: 360, height: 740 } });

const views = [
  ["the list", "./?plan=kita-dx2025", ".result-count"],
  ["a search", `./?q=${encodeURIComponent("窓口")}`, ".result-count"],
  ["the plan view", "./?plan=kita-dx2025&view=tree", ".content h2"],
  ["the timeline", "./?plan=kita-dx2025&view=timeline", ".content h2"],
  ["the compare view", "./?view=compare", ".content h2"],
  ["a measure", "./?measure=kita-dx2025.m1-1-1-1", "article.measure-detail h2"],
  ["the simulation", "./?plan=itabashi-ict2025&view=sim", ".content h2"],
];

for (const [name, url, first] of views) {
  test(`${name} starts its content within the first 400 px`, async ({ page }) => {
    await page.goto(url);
    const content = page.locator(first).first();
    await expect(content).toBeVisible();
    expect((await content.boundingBox()).y).toBeLessThan(400);
    await expect(page.locator("#search-input")).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
}

test("at 320 px (the narrowest the standard asks to reflow to) no view scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const [name, url, first] of views) {
    await page.goto(url);
    await expect(page.locator(first).first(), name).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(320);
  }
});

test("a measure's labels leave its values most of a phone's width, in Japanese and in English", async ({ page }) => {
  for (const url of ["./?measure=itabashi-ict2025.m01", "./?measure=itabashi-ict2025.m01&lang=en"]) {
    await page.goto(url);
    await expect(page.locator(".facts dd").first()).toBeVisible();
    const [width, values] = await page.evaluate(() => [
      document.querySelector(".facts").getBoundingClientRect().width,
      [...document.querySelectorAll(".facts dd")].map((dd) => dd.getBoundingClientRect().width),
    ]);
    expect(Math.min(...values) / width, url).toBeGreaterThan(0.55);
  }
});

test("no table cell shown is narrower than 4 em on a phone, and at 1280 px tables use the width", async ({ page }) => {
  const tableViews = [
    ...views.map(([name, url, first]) => [name, url, first]),
    ["a measure with actuals", "./?measure=itabashi-dx2025.c1-1", ".measure-detail table"],
    ["the plan view with printed counts", "./?plan=itabashi-ict2025&view=tree", ".plan-tree table"],
  ];
  // Cells of a header row kept for screen readers only (clipped) are not shown.
  const narrowest = () =>
    page.evaluate(() => {
      const em = parseFloat(getComputedStyle(document.body).fontSize);
      const shown = [...document.querySelectorAll("td, th")].filter((c) => c.offsetParent && !c.closest("thead[style], table.stack thead") && c.textContent.trim());
      const widths = shown.filter((c) => getComputedStyle(c.closest("thead") || c).clipPath === "none").map((c) => c.getBoundingClientRect().width / em);
      return widths.length ? Math.min(...widths) : Infinity;
    });
  for (const [name, url, first] of tableViews) {
    await page.goto(url);
    await expect(page.locator(first).first(), name).toBeVisible();
    expect(await narrowest(), name).toBeGreaterThanOrEqual(4);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const url of ["./?measure=itabashi-dx2025.c1-1", "./?plan=itabashi-ict2025&view=tree"]) {
    await page.goto(url);
    const table = page.locator("main table").first();
    await expect(table).toBeVisible();
    // Wider than the reading column (48 rem) the running text keeps.
    expect((await table.boundingBox()).width, url).toBeGreaterThan(48 * 16);
  }
});

test("the first tap on a result after typing opens it: nothing moves when the search box loses focus", async ({ page }) => {
  // The hint once showed while the box had focus; the tap that took the focus away hid it, the results
  // moved up under the finger, and the tap opened nothing (issue 13's walk).
  await page.goto("./");
  const input = page.locator("#search-input");
  await input.fill("電子申請の推進");
  const link = page.locator('[data-measure-id="kita-dx2025.m1-1-1-1"] a').first();
  await expect(link).toBeVisible();
  const before = await link.boundingBox();
  await link.click();
  await expect(page).toHaveURL(/measure=kita-dx2025\.m1-1-1-1/);
  expect(before.y).toBeGreaterThan(0);
  // Not shown on a phone, the hint is still what the box is described by.
  await expect(page.locator("#search-hint")).toBeHidden();
  await expect(input).toHaveAccessibleDescription(/ひらがな・カタカナ、全角・半角は区別しません/);
});

test("a measure's targets table drops the columns no row fills, says so, and stacks on a phone", async ({ page }) => {
  await page.goto("./?measure=kita-dx2025.m1-1-1-1");
  const table = page.locator(".measure-detail table").first();
  await expect(table.locator("td").first()).toContainText("優先度の高い500手続");
  await expect(page.locator(".measure-detail").getByText("実績の記録はまだありません").first()).toBeVisible();
  expect(await table.locator("td:visible").count()).toBe(await table.locator("tbody tr").count());
  expect(await table.locator("td").first().evaluate((c) => c.getBoundingClientRect().width)).toBeGreaterThan(250);
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(table.locator("thead th:visible")).toHaveText(["年度", "目標"]);
  // With a recorded actual, the columns stay.
  await page.goto("./?measure=itabashi-dx2025.c1-1");
  await expect(page.locator(".measure-detail table thead th:visible")).toHaveCount(5);
});

test("a measure's page answers first: its latest result and what it plans for this fiscal year", async ({ page }) => {
  // The current fiscal year comes from the browser's clock: FY2026 from April 2026 to March 2027.
  await page.clock.setFixedTime(new Date("2027-03-15T12:00:00+09:00"));
  await page.goto("./?measure=kita-dx2025.m1-1-1-1");
  const status = page.locator(".measure-detail .status-line");
  await expect(status).toContainText("評価・実績の記録はまだありません");
  await expect(status).toContainText("今年度（令和8年度（2026年度））の予定：比較的優先度の高い600手続の電子申請化 / 決済機能の導入");
  // It comes before the details.
  const [line, facts] = await Promise.all([status.boundingBox(), page.locator(".measure-detail .facts").boundingBox()]);
  expect(line.y).toBeLessThan(facts.y);
  // A measure with a recorded actual says it; a year the plan says nothing about says so.
  await page.goto("./?measure=itabashi-dx2025.c1-1&lang=en");
  await expect(status).toContainText("Latest actual: Number of online applications 122,609 cases (FY2024 (Reiwa 6))");
  await expect(status).toContainText("This fiscal year (FY2026 (Reiwa 8)): nothing stated in the plan");
});

test("the timeline draws each measure's years as a band on one axis, outlines the chosen year, and keeps the text", async ({ page }) => {
  await page.goto("./?plan=kita-dx2025&view=timeline&year=2026");
  const first = page.locator('.timeline-list [data-measure-id="kita-dx2025.m1-1-1-1"]');
  const other = page.locator(".timeline-list li.measure").nth(1);
  // One cell per fiscal year of the page's axis (2025–2029), on every measure.
  await expect(first.locator(".gantt span")).toHaveText(["25", "26", "27", "28", "29"]);
  await expect(first.locator(".gantt")).toHaveAttribute("aria-hidden", "true");
  await expect(first.locator(".gantt span.on")).toHaveText(["25", "26", "27", "28"]);
  await expect(first.locator(".gantt span.chosen")).toHaveText("26");
  // The bands line up: the same year is in the same column on every measure.
  const x = async (locator) => (await locator.boundingBox()).x;
  expect(await x(first.locator(".gantt span").nth(3))).toBeCloseTo(await x(other.locator(".gantt span").nth(3)), 0);
  // What a screen reader reads, and what is printed, is still every year's plan as text.
  await expect(first.locator("ol.timeline li").first()).toContainText("令和7年度（2025年度）");
});

// Guards the regression where a plan's timeline was drawn in one task, a median 110–157 ms of blocking time
// at a phone's speed as it started (scripts/bench-start.mjs): its cards arrive ten at a time.
test("a plan's timeline is drawn ten cards at a time", async ({ page }) => {
  const countsSeen = await watchCount(page, "ul.measures > [data-measure-id]");
  await page.goto("./?plan=kita-dx2025&view=timeline");
  await expect(page.locator("ul.measures > [data-measure-id]")).toHaveCount(49);
  expect(await countsSeen()).toEqual([10, 20, 30, 40, 49]);
});
