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
