// Printing (style/app.css, @media print): only the content, no controls, and nothing wider than an A4
// page. The viewport is set to the width an A4 page prints at (210 mm less the 15 mm margins of @page,
// at 96 px per inch: 180 mm ≈ 680 px), so the layout is the one the printer gets.
import { test, expect } from "./fixtures.mjs";

const A4_PRINTABLE = Math.floor((180 / 25.4) * 96);

// [name, query, an element that is there once the view has rendered its data]
const PAGES = [
  ["a list", "?plan=itabashi-ict2025", "[data-measure-id]"],
  ["a measure", "?measure=itabashi-ict2025.m02", "article.measure-detail table"],
  // With a scenario, so that the staff bundle draws the what-if at once.
  ["the simulation", "?plan=itabashi-ict2025&view=sim&model=pace", ".sim-plan"],
];

for (const [name, query, ready] of PAGES) {
  test(`${name} prints its content alone, within an A4 width`, async ({ page }) => {
    await page.setViewportSize({ width: A4_PRINTABLE, height: 1000 });
    await page.emulateMedia({ media: "print" });
    await page.goto(`./${query}`);
    await expect(page.locator(ready).first()).toBeVisible();
    for (const hidden of [".site-header", ".search", ".tabs", ".sidebar", ".toolbar", ".facets-panel", "#update"]) {
      const shown = await page.locator(hidden).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).length);
      expect(shown, `${hidden} is printed`).toBe(0);
    }
    // Anything wider than the page would be cut off on paper: the document must not scroll sideways,
    // and no element may reach past the right edge.
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll("main *")]
        .filter((e) => e.getBoundingClientRect().right > width + 0.5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`);
      return { scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5) };
    });
    expect(overflow).toEqual({ scroll: 0, wide: [] });
  });
}
