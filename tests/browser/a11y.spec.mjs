// Accessibility gate (PRODUCT.md §7: JIS X 8341-3 AA, i.e. WCAG 2.x AA). axe-core finds no violation on
// any view, in Japanese and in English; and the keyboard reaches every control, always with a visible
// focus, and never gets trapped. A new view is one line in VIEWS.
import { createRequire } from "node:module";
import { test, expect, openWhatIf } from "./fixtures.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// [name, query, an element that is there once the view has rendered its data]
const VIEWS = [
  ["start page", "", ".wards"],
  ["plan view", "plan=itabashi-ict2025&view=tree", ".tree"],
  ["list with filters", "plan=itabashi-ict2025&dept=IT推進課&year=2022", "[data-measure-id]"],
  ["measure", "measure=itabashi-ict2025.m02", "article.measure-detail"],
  ["timeline", "plan=kita-dx2025&view=timeline", ".timeline-list [data-measure-id]"],
  ["compare", "view=compare", "[data-theme-id]"],
  ["simulation", "view=sim", ".sim-table"],
  ["simulation of one plan, before its what-if", "plan=itabashi-ict2025&view=sim", ".outlook-answer"],
  ["embed", "embed=1&plan=taito-dx2026", "[data-measure-id]"],
];

const url = (query, lang) => "./?" + [query, lang === "en" ? "lang=en" : ""].filter(Boolean).join("&");

/** Runs axe on the page as it is and returns its violations as readable text ("" when there are none). */
async function axeReport(page) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate((tags) => axe.run(document, { runOnly: { type: "tag", values: tags } }).then((r) => r.violations), TAGS);
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `  - ${n.target.join(" ")}\n      ${n.html.slice(0, 160)}\n      ${n.failureSummary.replace(/\n/g, "\n      ")}`);
      return `${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n${nodes.join("\n")}`;
    })
    .join("\n\n");
}

test.describe("axe finds no WCAG 2.1 A/AA violation", () => {
  // The injected axe script is inline; the app's Content-Security-Policy would refuse it.
  test.use({ bypassCSP: true });

  for (const lang of ["ja", "en"]) {
    for (const [name, query, ready] of VIEWS) {
      test(`${name} (${lang})`, async ({ page }) => {
        await page.goto(url(query, lang));
        await expect(page.locator(ready).first()).toBeVisible();
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        expect(await axeReport(page), `axe violations on ${url(query, lang)}`).toBe("");
      });
    }

    test(`staff data kept in this browser, with a value the data no longer fits (${lang})`, async ({ page }) => {
      await page.addInitScript(() => {
        const bits = new DataView(new ArrayBuffer(8));
        bits.setFloat64(0, 42);
        localStorage.setItem("plan-explorer:local-actuals", `v1\nitabashi-dx2025.c1-1\ti9\t2025\t${bits.getBigUint64(0).toString(16)}\n`);
      });
      await openWhatIf(page, url("plan=itabashi-dx2025&view=sim", lang));
      await expect(page.locator(".local-alerts .unfit")).toBeVisible();
      await page.locator("details.local-data summary").click();
      await expect(page.locator(".local-counts")).toBeVisible();
      expect(await axeReport(page), `axe violations on the staff data tools (${lang})`).toBe("");
    });

    test.describe(() => {
      test.use({ expectedConsoleErrors: [/404/] });
      test(`error page (${lang})`, async ({ page }) => {
        await page.route(/\/data\/wards(\.en)?\.json$/, (route) => route.fulfill({ status: 404, body: "not found" }));
        await page.goto(url("", lang));
        await expect(page.getByRole("alert").filter({ hasText: "データを読み込めませんでした" })).toBeVisible();
        expect(await axeReport(page), `axe violations on the error page (${lang})`).toBe("");
      });
    });
  }
});

test.describe("the keyboard alone", () => {
  const pages = [
    ["start page", "./", ".wards"],
    ["list page", "./?plan=itabashi-ict2025&dept=IT推進課&year=2022", "[data-measure-id]"],
  ];
  for (const [name, path, ready] of pages) {
    test(`reaches every control of the ${name} with a visible focus, and Tab cycles back to the start`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator(ready).first()).toBeVisible();
      // Number every control a keyboard user must be able to reach.
      const controls = await page.evaluate(() => {
        const selector = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";
        // checkVisibility: not display:none, not visibility:hidden, not inside a closed <details>.
        return [...document.querySelectorAll(selector)].filter((e) => e.checkVisibility({ visibilityProperty: true })).map((e, i) => {
          e.dataset.kbd = i;
          return `${e.tagName.toLowerCase()} "${(e.textContent || e.getAttribute("aria-label") || e.id).trim().slice(0, 40)}"`;
        });
      });
      expect(controls.length).toBeGreaterThan(5);
      // Tab until focus leaves the document (back on <body>) or comes round to the first control: the cycle.
      const order = [];
      let cycled = false;
      for (let press = 0; press < controls.length + 10 && !cycled; press++) {
        await page.keyboard.press("Tab");
        const focus = await page.evaluate(() => {
          const e = document.activeElement;
          if (!e || e === document.body) return null;
          const s = getComputedStyle(e);
          const outlined = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
          return { kbd: e.dataset.kbd, what: e.outerHTML.slice(0, 120), indicated: outlined || s.boxShadow !== "none" };
        });
        cycled = order.length > 0 && (focus === null || focus.kbd === order[0]);
        if (cycled || focus === null) continue;
        expect(focus.kbd, `focus went to an element that is not a visible control: ${focus.what}`).toBeDefined();
        expect(order, `Tab kept or sent focus back to ${focus.what} (a keyboard trap)`).not.toContain(focus.kbd);
        expect(focus.indicated, `no visible focus indicator on ${focus.what}`).toBe(true);
        order.push(focus.kbd);
      }
      expect(cycled, "Tab never came back to the start of the document (a keyboard trap)").toBe(true);
      const missed = controls.filter((_, i) => !order.includes(String(i)));
      expect(missed, "controls the keyboard never reached").toEqual([]);
    });
  }
});
