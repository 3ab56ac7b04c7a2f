// Shared test setup: every test fails on a console error or an uncaught exception, unless it
// declares the exact messages it expects (e.g. the 404 that the broken-dataset test provokes).
import { test as base, expect } from "@playwright/test";
import { readFileSync } from "node:fs";

export const test = base.extend({
  expectedConsoleErrors: [[], { option: true }],
  page: async ({ page, expectedConsoleErrors }, use) => {
    const problems = [];
    page.on("console", (msg) => {
      if (msg.type() !== "error") return;
      const text = msg.text();
      if (!expectedConsoleErrors.some((pattern) => pattern.test(text))) problems.push(`console error: ${text}`);
    });
    page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
    await use(page);
    expect(problems, "the page logged errors").toEqual([]);
  },
});

export { expect };

/** The dataset exactly as the build published it. */
export function builtDataset() {
  return JSON.parse(readFileSync("dist/data/plans.json", "utf8"));
}

/** Loads the staff tools (export, embed code, import) the way staff do: the resident bundle's
 *  「職員向けツール」 button hands the page over to the staff bundle (src/bundle.rs). */
/** Opens one plan's simulation: the resident bundle shows the answer from the record, and the what-if (the
 *  staff bundle) loads when asked for (components/staff_handover.rs). */
export async function openWhatIf(page, url) {
  await page.goto(url);
  await page.getByRole("button", { name: /^(「もしも」の試算を開く|Open the "what if" calculation)$/ }).click();
}

export async function openStaffTools(page) {
  await page.getByRole("button", { name: "職員向けツール" }).click();
  await expect(page.getByRole("button", { name: "CSVで保存（Excel用）" })).toBeVisible();
}

/** Watches, from the page's start, how many elements match `selector` each time the page changes: call
 *  before `page.goto`; the result reads the counts seen, each change of count once (0 left out). */
export async function watchCount(page, selector) {
  await page.addInitScript((selector) => {
    window.countsSeen = [];
    new MutationObserver(() => {
      const count = document.querySelectorAll(selector).length;
      if (count && window.countsSeen.at(-1) !== count) window.countsSeen.push(count);
    }).observe(document, { childList: true, subtree: true });
  }, selector);
  return () => page.evaluate(() => window.countsSeen);
}
