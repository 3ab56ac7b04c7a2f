// Phone first (issue 14): at 360 × 740 the search stays at the top, and every view's own content starts
// within the first 400 px, without a page that scrolls sideways.
import { test, expect } from "./fixtures.mjs";

test.use({ viewport: { width: 360, height: 740 } });

const views = [
  ["the list", "./?plan=kita-dx2025", ".result-count"],
  ["a search", `./?q=${encodeURIComponent("窓口")}`, ".result-count"],
  ["the plan view", "./?plan=kita-dx2025&view=tree", ".content h2"],
  ["the timeline", "./?plan=kita-dx2025&view=timeline", ".content h2"],
  ["the compare view", "./?view=compare", ".content h2"],
  ["a measure", "./?measure=kita-dx2025.m1-1-1-1", "article.measure-detail h2"],
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

test("the search hint shows while the search box has focus, and stays its description", async ({ page }) => {
  await page.goto("./?plan=kita-dx2025");
  const hint = page.locator("#search-hint");
  await expect(hint).toBeHidden();
  await page.locator("#search-input").focus();
  await expect(hint).toBeVisible();
  await expect(page.locator("#search-input")).toHaveAttribute("aria-describedby", /search-hint/);
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
