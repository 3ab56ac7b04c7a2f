// Hostile text is shown as text: markup, script URLs, bidi overrides, huge and control-laden strings in
// the dataset or in the URL never run, never become elements, and leave the page usable.
import { readFileSync } from "node:fs";
import { test, expect, openWhatIf, builtDataset, openStaffTools } from "./fixtures.mjs";

const NASTY = {
  script: "<script>alert(1)</script>",
  jsUrl: "javascript:alert(1)",
  img: '"><img src=x onerror=alert(1)>',
  rlo: "\u202Eevil\u202C課",
  long: "長".repeat(10_000),
  control: "a\u0000b\u0007c\u001bd\u007fe",
};
const PLAN = "taito-dx2026";

/** The built dataset with the nasty strings in a plan title, a policy name and measures' fields. */
function nastyDataset() {
  const dataset = builtDataset();
  const plan = dataset.plans.find((p) => p.id === PLAN);
  plan.title = `${NASTY.img}${NASTY.script}${plan.title}`;
  plan.municipality = { ...plan.municipality, name: NASTY.img + NASTY.script + plan.municipality.name };
  plan.policies[0].name = NASTY.img;
  const [m1, m2, m3] = plan.measures;
  Object.assign(m1, { name: NASTY.script + NASTY.img, summary: NASTY.jsUrl, departments: [NASTY.img] });
  Object.assign(m2, { name: NASTY.rlo, summary: NASTY.control, departments: [NASTY.control] });
  Object.assign(m3, { name: NASTY.long });
  return dataset;
}

/** Serves `dataset` in place of every data file a view may load. */
async function serve(page, dataset) {
  const json = (body) => ({ status: 200, contentType: "application/json", body: JSON.stringify(body) });
  const index = {
    schema_version: dataset.schema_version,
    plans: dataset.plans.map((p) => ({
      id: p.id, title: p.title, municipality: p.municipality, period: p.period, status: p.status,
      measures: p.measures.length, policies: p.policies.length, file: `plans/${p.id}.json`,
    })),
  };
  // The start page: the municipalities' names, and their plans in one file (`plan_core::wards`).
  const wards = [...new Set(index.plans.map((p) => p.municipality.name))];
  await page.route("**/data/wards.json", (route) => route.fulfill(json({ schema_version: index.schema_version, per_file: wards.length, names: wards })));
  await page.route("**/data/wards/0.json", (route) => route.fulfill(json(index)));
  await page.route("**/data/plans.json", (route) => route.fulfill(json(dataset)));
  await page.route("**/data/plans/*.json", (route) => {
    const id = new URL(route.request().url()).pathname.split("/").pop().replace(/\.json$/, "");
    route.fulfill(json({ ...dataset, plans: dataset.plans.filter((p) => p.id === id) }));
  });
  // Views across plans (docs/DATA.md, Files for the app): the built index with the nasty plan title, and
  // the nasty plans' overviews, names and cards.
  const search = JSON.parse(readFileSync("dist/data/search/index.json", "utf8"));
  search.ids.forEach((id, p) => {
    const { title, municipality } = dataset.plans.find((plan) => plan.id === id);
    search.titles[p] = title;
    search.municipalities[p] = municipality.name;
  });
  await page.route("**/data/search/index.json", (route) => route.fulfill(json(search)));
  const part = (url) => new URL(url).pathname.split("/").slice(-2).map((x) => x.replace(/\.json$/, ""));
  const planOf = (id) => dataset.plans.find((p) => p.id === id);
  await page.route("**/data/overview/*.json", (route) => {
    const [, id] = part(route.request().url());
    route.fulfill(json({ schema_version: dataset.schema_version, plans: [planOf(id)], themes: [] }));
  });
  await page.route("**/data/names/*.json", (route) => {
    const [, id] = part(route.request().url());
    route.fulfill(json({ schema_version: dataset.schema_version, plan: id, measures: planOf(id).measures.map((m) => [m.id, m.code, m.name]) }));
  });
  await page.route("**/data/cards/*/*.json", (route) => {
    const [id, k] = part(route.request().url());
    const measure = { ...planOf(id).measures[Number(k)], note: undefined };
    route.fulfill(json({ schema_version: dataset.schema_version, plan: id, from: Number(k), measures: [measure] }));
  });
}

/** Fails on any sign that a string became code: a dialog, an <img>, an inline handler, a script URL, a <script> of its own. */
function watchForExecution(page) {
  const dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  return async () => {
    const injected = await page.evaluate(() => [
      ...[...document.querySelectorAll("img, iframe, object, embed")].map((e) => e.outerHTML),
      ...[...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).map((e) => e.outerHTML.slice(0, 80)),
      ...[...document.querySelectorAll("[href^='javascript' i], [src^='javascript' i]")].map((e) => e.outerHTML.slice(0, 80)),
      ...[...document.scripts].filter((s) => /alert/.test(s.outerHTML)).map((s) => s.outerHTML.slice(0, 80)),
    ]);
    expect(dialogs, "a dialog opened").toEqual([]);
    expect(injected, "elements the data or the URL created").toEqual([]);
  };
}

/** The exact text content of the first element matching `selector`. */
const textOf = (page, selector) => page.locator(selector).first().evaluate((e) => e.textContent);

test.describe("nasty strings in the dataset", () => {
  test("are shown literally on every view and the page stays usable", async ({ page }) => {
    const dataset = nastyDataset();
    const [m1, m2, m3] = dataset.plans.find((p) => p.id === PLAN).measures;
    await serve(page, dataset);
    const noExecution = watchForExecution(page);

    await page.goto("./");
    await expect(page.locator(`[data-plan-id="${PLAN}"] .plan-link`)).toContainText(NASTY.img + NASTY.script);
    await noExecution();

    await page.goto(`./?plan=${PLAN}`);
    const card = (m) => page.locator(`[data-measure-id="${m.id}"]`);
    await expect(card(m3)).toBeVisible();
    await noExecution();
    await expect(card(m1).locator(".measure-title")).toContainText(NASTY.script + NASTY.img);
    await expect(card(m1)).toContainText(NASTY.jsUrl);
    await expect(card(m1).locator(".measure-meta")).toContainText(NASTY.img);
    expect(await textOf(page, `[data-measure-id="${m2.id}"] .measure-title a`)).toContain(NASTY.rlo);
    expect(await textOf(page, `[data-measure-id="${m2.id}"] .measure-summary`)).toBe(NASTY.control);
    expect(await textOf(page, `[data-measure-id="${m3.id}"] .measure-title a`)).toContain(NASTY.long);
    await expect(page.locator("#facet-dept")).toContainText(NASTY.img);

    // Still usable: filters, search and links work, and the long name wraps instead of widening the page.
    await page.locator("#facet-dept").selectOption(NASTY.img);
    await expect(page.locator(".result-count")).toHaveText("1件の施策が見つかりました");
    await page.locator("#facet-dept").selectOption("");
    await page.getByLabel("キーワードで探す").fill("alert");
    // Its own text first; the others have it in a policy above them (issue 13).
    await expect(page.locator("[data-measure-id]").first()).toHaveAttribute("data-measure-id", m1.id);
    await expect(page.locator("[data-measure-id]").nth(1).locator(".found-through")).toContainText(NASTY.img);
    await page.getByLabel("キーワードで探す").fill("");
    await card(m3).getByRole("link").click();
    await expect(page.locator("article.measure-detail h2")).toContainText(NASTY.long);
    await page.goBack();
    await expect(card(m3)).toBeVisible();
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await noExecution();

    await page.goto(`./?measure=${m1.id}`);
    await expect(page.locator("article.measure-detail h2")).toContainText(NASTY.script);
    await expect(page.locator("article.measure-detail .facts")).toContainText(NASTY.jsUrl);
    await page.goto(`./?plan=${PLAN}&view=tree`);
    await expect(page.locator(".tree")).toContainText(NASTY.img);
    await page.goto(`./?plan=${PLAN}&view=timeline`);
    await expect(card(m1)).toContainText(NASTY.script);
    await page.goto("./?view=compare");
    await expect(page.locator(".theme").first()).toBeVisible();
    // Across plans the same text comes from the index, the cards and the names (src/parts.rs).
    await page.goto(`./?plan=itabashi-dx2025&plan=${PLAN}`);
    await expect(card(m1)).toContainText(NASTY.script);
    await expect(card(m1).locator(".measure-plan")).toContainText(NASTY.img);
    // The departments' groups are named by ward (issue 13), here the nasty one.
    expect(await page.locator("#facet-dept optgroup").evaluateAll((els) => els.map((g) => g.label))).toContain(NASTY.img + NASTY.script + "台東区");
    await noExecution();
    await openWhatIf(page, `./?plan=${PLAN}&view=sim`);
    await expect(page.locator(".sim-table")).toBeVisible();
    await page.goto(`./?embed=1&plan=${PLAN}`);
    await expect(card(m1)).toContainText(NASTY.script);
    await noExecution();

    // The embed code a ward pastes into its own page carries the plan title escaped, not as markup.
    await page.goto(`./?plan=${PLAN}`);
    await openStaffTools(page);
    await page.getByText("埋め込みコード").click();
    const snippet = await page.locator("#embed-snippet").inputValue();
    expect(snippet).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;");
    expect(snippet).not.toContain(NASTY.img);
  });

  test("a lone surrogate escape (\\ud800) is refused whole with the error panel, not a crash", async ({ page }) => {
    const dataset = builtDataset();
    dataset.plans.find((p) => p.id === PLAN).measures[0].name = "\ud800";
    // JSON.stringify writes a lone surrogate as the escape \ud800, which is what a hostile file would hold.
    expect(JSON.stringify(dataset)).toContain("\\ud800");
    await serve(page, dataset);
    const noExecution = watchForExecution(page);
    await page.goto(`./?plan=${PLAN}`);
    const alert = page.getByRole("alert").filter({ hasText: "データを読み込めませんでした" });
    await expect(alert).toContainText("形式に誤り");
    await alert.getByText("詳しい情報 / Details").click();
    // The browser's JSON.parse takes the escape, so the app's reader, which refuses it, names the likely causes.
    await expect(alert.locator("pre")).toContainText("not valid Unicode");
    await expect(page.locator("[data-measure-id]")).toHaveCount(0);
    await expect(page.locator("#fatal")).toBeHidden();
    await noExecution();
  });
});

test.describe("nasty strings in the URL", () => {
  // 10,000 kanji in two parameters is a 180 KB request line: servers refuse it (Node answers 431), so the
  // URL carries a long value that a server still accepts.
  const values = { ...NASTY, long: "x".repeat(4_000) };
  for (const [name, value] of Object.entries(values)) {
    test(`${name} in q, dept, plan and measure is inert`, async ({ page }) => {
      const noExecution = watchForExecution(page);
      const e = encodeURIComponent(value);
      await page.goto(`./?plan=${PLAN}&q=${e}&dept=${e}`);
      await expect(page.locator(".result-count")).toBeVisible();
      // The parser keeps what could be typed (shown as typed, as text) and drops control characters and
      // anything over 200 characters, keeping the rest of the query (core/src/query.rs).
      const kept = !/[\u0000-\u001f\u007f]/.test(value) && value.length <= 200;
      if (kept) {
        await expect(page.getByLabel("キーワードで探す")).toHaveValue(value);
        expect(await page.locator(".active-filters").evaluate((e) => e.textContent)).toContain(value);
        await expect(page.locator(".result-count")).toHaveText("0件の施策が見つかりました");
      } else {
        await expect(page.getByLabel("キーワードで探す")).toHaveValue("");
        await expect(page.locator("[data-measure-id]")).toHaveCount(27);
      }
      await noExecution();
      // Not an id: ignored, so the list shows every plan and no measure opens.
      await page.goto(`./?plan=${e}&measure=${e}&view=list`);
      const all = builtDataset().plans.reduce((n, p) => n + p.measures.length, 0);
      await expect(page.locator(".result-count")).toHaveText(`${all}件の施策が見つかりました`);
      await expect(page.locator("article.measure-detail")).toHaveCount(0);
      await noExecution();
    });
  }
});
