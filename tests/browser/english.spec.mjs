// The plans in English (issue 16): with `lang=en` the English bundle shows the plans' own text in English,
// says once that the translation is unofficial, marks what stays Japanese with lang="ja", and searches the
// English; a Japanese page loads none of it; the language switch loads the other bundle and keeps the page.
import { test, expect } from "./fixtures.mjs";

const ENGLISH = /\/english-[0-9a-f]+(_bg\.wasm|\.js)$|\.en\.json$|\/search\/en\//;
const MEASURE = "kita-dx2025.m1-1-1-1";

/** Paths of English files (the bundle, `*.en.json`, the word files) the page requested. */
function englishRequests(page) {
  const seen = [];
  page.on("request", (r) => ENGLISH.test(new URL(r.url()).pathname) && seen.push(new URL(r.url()).pathname));
  return seen;
}

for (const [name, query] of [
  ["the start page", "./"],
  ["a view of one plan", "./?plan=kita-dx2025"],
  ["a search across plans", "./?q=子育て"],
  ["a measure", `./?measure=${MEASURE}`],
]) {
  test(`${name} in Japanese loads nothing English`, async ({ page }) => {
    const english = englishRequests(page);
    await page.goto(query);
    await expect(page.locator("main h2, main h3, .plan-list").first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(english).toEqual([]);
  });
}

test("a measure in English: its text in English, the notice, and the Japanese marked as such", async ({ page }) => {
  const english = englishRequests(page);
  await page.goto(`./?measure=${MEASURE}&lang=en`);
  await expect(page.locator("#measure-title")).toContainText("Promoting electronic applications");
  await expect(page.locator(".english-notice")).toHaveCount(1);
  await expect(page.locator(".english-notice")).toContainText("Unofficial translation");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(english.some((p) => p.endsWith("/plans/kita-dx2025.en.json"))).toBe(true);
  // The schedule and the status line are English; nothing Japanese is left unmarked in the measure's facts.
  await expect(page.locator(".status-line")).toContainText("This fiscal year");
  const unmarked = await page.locator("article.measure-detail").evaluate((article) => {
    const out = [];
    const walk = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const text = n.textContent.trim();
      if (/[\u3040-\u30ff\u4e00-\u9fff]/.test(text) && !n.parentElement.closest('[lang="ja"]')) out.push(text);
    }
    return out;
  });
  expect(unmarked).toEqual([]);
});

// The CI run of f1c4977 failed on the test above: the plan's file came before the English of departments,
// so the page showed 「DX推進担当課」 unmarked, as English, until it came. The page now waits for that English.
test("a measure in English waits for the English of its departments: none shows in Japanese first", async ({ page }) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/data/terms.en.json", async (route) => {
    await held;
    await route.continue();
  });
  // Every state of the facts the page ever showed, not only the last: a check at one moment could come
  // before the plan's file was read, and pass whatever the page would do next.
  await page.addInitScript(() => {
    window.japaneseShown = false;
    new MutationObserver(() => {
      if (document.querySelector(".facts")?.textContent.includes("DX推進担当課")) window.japaneseShown = true;
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  const plan = page.waitForResponse((r) => r.url().endsWith("/plans/kita-dx2025.en.json"));
  await page.goto(`./?measure=${MEASURE}&lang=en`);
  await plan;
  await expect(page.locator("main [role=status]")).toBeVisible();
  release();
  await expect(page.locator(".facts")).toContainText("DX Promotion Division");
  expect(await page.evaluate(() => window.japaneseShown)).toBe(false);
});

// The CI run of 3005246 failed on this: the English of departments and grades arrived after the reader
// opened 「Sources and notes」, and the page was drawn again, closed and without its passage. It arrives late
// now only when the first read failed and the reader asks again.
test.describe("the English of departments could not be read", () => {
  test.use({ expectedConsoleErrors: [/ERR_FAILED|Failed to load resource|Failed to fetch/i] });

  test("the English of departments read again after a failure changes them in place: an open 「Sources and notes」 stays open", async ({ page }) => {
    let fail = true;
    await page.route("**/data/terms.en.json", (route) => (fail ? route.abort() : route.continue()));
    await page.goto(`./?measure=${MEASURE}&lang=en`);
    const alert = page.locator(".english-notice[role=alert]");
    await expect(alert).toContainText("show in Japanese");
    const notes = page.locator("article.measure-detail .source-notes");
    await notes.locator("> summary").click();
    await expect(notes.locator('figure.source pre[lang="ja"] mark')).toBeVisible();
    await expect(page.locator(".facts")).toContainText("DX推進担当課");
    fail = false;
    await alert.getByRole("button", { name: "Retry" }).click();
    await expect(page.locator(".facts")).toContainText("DX Promotion Division");
    await expect(alert).toHaveCount(0);
    await expect(notes).toHaveJSProperty("open", true);
    await expect(notes.locator('figure.source pre[lang="ja"] mark')).toBeVisible();
  });
});

test("departments show in English, and the filter keeps the URL's Japanese value", async ({ page }) => {
  await page.goto(`./?plan=kita-dx2025&lang=en&dept=${encodeURIComponent("DX推進担当課")}`);
  await expect(page.locator(".result-count")).toBeVisible();
  await expect(page.locator(".active-filters .chip", { hasText: "DX Promotion Division" })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("dept")).toBe("DX推進担当課");
});

// A removable filter's name was one aria-label, "Remove filter 子育て", read whole in an English voice:
// the Japanese in it can't be marked there (JIS X 8341-3, language of parts).
test("a removable filter's name is said in English around the filter, a Japanese one marked as such", async ({ page }) => {
  await page.goto(`./?lang=en&dept=${encodeURIComponent("DX推進担当課")}&q=${encodeURIComponent("子育て")}`);
  const dept = page.getByRole("button", { name: "Remove filter DX Promotion Division", exact: true });
  await expect(dept).toBeVisible();
  await expect(dept.locator("[lang]")).toHaveCount(0);
  const search = page.getByRole("button", { name: "Remove filter “子育て”", exact: true });
  await expect(search).toBeVisible();
  await expect(search.locator('[lang="ja"]')).toHaveText("“子育て”");
  expect(await search.getAttribute("aria-label")).toBeNull();
  await page.goto(`./?dept=${encodeURIComponent("DX推進担当課")}`);
  await expect(page.getByRole("button", { name: "DX推進担当課 の条件を外す", exact: true })).toBeVisible();
});

test("a search in English finds 北区's 電子申請の推進, highlighted", async ({ page }) => {
  await page.goto("./?q=electronic%20application&lang=en");
  const card = page.locator(`[data-measure-id="${MEASURE}"]`);
  await expect(card).toBeVisible();
  await expect(card.locator("mark").first()).toHaveText(/electronic/i);
  // A Japanese word still finds its measures in English.
  await page.goto("./?q=電子申請&lang=en");
  await expect(page.locator(`[data-measure-id="${MEASURE}"]`)).toBeVisible();
  await expect(page.locator(`[data-measure-id="${MEASURE}"] h3`)).toContainText("Promoting electronic applications");
});

test("the language switch loads the other bundle and keeps the page", async ({ page }) => {
  const english = englishRequests(page);
  await page.goto(`./?measure=${MEASURE}`);
  await expect(page.locator("#measure-title")).toContainText("電子申請の推進");
  expect(english).toEqual([]);
  await page.locator(".lang-switch").click();
  await expect(page).toHaveURL(/lang=en/);
  await expect(page.locator("#measure-title")).toContainText("Promoting electronic applications");
  expect(english.some((p) => /\/english-[0-9a-f]+_bg\.wasm$/.test(p))).toBe(true);
  await page.locator(".lang-switch").click();
  await expect(page).not.toHaveURL(/lang=en/);
  await expect(page.locator("#measure-title")).toContainText("電子申請の推進");
});

test("counts of one read in the singular: the plan view's 「1 measure」, a search's 「1 measure found」", async ({ page }) => {
  await page.goto("./?plan=kita-dx2025&view=tree&lang=en");
  await expect(page.locator(".plan-tree")).toBeVisible();
  await expect(page.getByText(/^1 measure$/).first()).toBeVisible();
  await expect(page.getByText(/\b1 measures\b/)).toHaveCount(0);
  await page.goto("./?q=telework&plan=kita-dx2025&lang=en");
  await expect(page.locator(".result-count")).toHaveText("1 measure found");
});
