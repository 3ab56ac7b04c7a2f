// The app loads the bundled dataset and lists every measure; a missing, unreachable or malformed
// dataset gives a clear bilingual message with a retry, never a blank page. Views across plans read the
// search index (data/search/index.json) and then only what they show (src/parts.rs); the start page only
// data/wards.json and the first file of the plans it lists.
import { test, expect, builtDataset } from "./fixtures.mjs";

const DATA = "**/data/search/index.json";
const dataRequests = (requested) => requested.filter((p) => p.includes("/data/"));

test("lists every measure of the bundled dataset, in Japanese", async ({ page }) => {
  const dataset = builtDataset();
  const expected = dataset.plans.flatMap((p) => p.measures.map((m) => m.id));
  await page.goto("./?view=list");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  const items = page.locator("[data-measure-id]");
  await expect(items.first()).toBeVisible();
  while (await page.getByRole("button", { name: /さらに表示/ }).count()) {
    await page.getByRole("button", { name: /さらに表示/ }).click();
  }
  await expect(items).toHaveCount(expected.length);
  expect(await items.evaluateAll((els) => els.map((e) => e.dataset.measureId))).toEqual(expected);
  const first = page.locator('[data-measure-id="taito-dx2026.t01"]');
  await expect(first).toContainText("行政手続きのオンライン化");
  await expect(first).toContainText("情報政策課");
});

test("the start page lists every plan from the municipalities' names and the first file of their plans alone", async ({ page }) => {
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("区のDX計画エクスプローラー");
  for (const plan of builtDataset().plans) {
    await expect(page.locator(`[data-plan-id="${plan.id}"]`)).toContainText(plan.title);
  }
  expect(requested.filter((p) => p.includes("/data/")).sort()).toEqual(["/data/wards.json", "/data/wards/0.json"]);
});

test("a file of the start page's plans that doesn't fit its names is refused once, naming the problem, and retry reads it again", async ({ page }) => {
  let broken = true;
  await page.route("**/data/wards/0.json", async (route) => {
    if (!broken) return route.continue();
    const response = await route.fetch();
    const file = await response.json();
    file.plans = file.plans.filter((p) => p.municipality.name !== "北区");
    await route.fulfill({ response, json: file });
  });
  await page.goto("./");
  await expect(page.locator(".error-panel")).toHaveCount(1);
  await page.locator(".error-panel summary").click();
  await expect(page.locator(".error-panel")).toContainText("has no plan of 北区");
  await expect(page.locator("[data-plan-id]")).toHaveCount(0);
  broken = false;
  await page.locator(".error-panel").getByRole("button").click();
  await expect(page.locator('[data-plan-id="kita-dx2025"]')).toBeVisible();
  await expect(page.locator(".error-panel")).toHaveCount(0);
});

test("a view of one plan loads only that plan's file", async ({ page }) => {
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.goto("./?plan=taito-dx2026");
  await expect(page.locator("[data-measure-id]")).toHaveCount(27);
  expect(requested.filter((p) => p.includes("/data/"))).toEqual(["/data/plans/taito-dx2026.json"]);
});

// The start script (scripts/postbuild.mjs) asks for the first view's file beside the wasm: it must be the
// file the app reads, and the app must take the preloaded copy rather than download it again.
for (const [url, file, view] of [
  ["./", "wards.json", "[data-plan-id]"],
  ["./", "wards/0.json", "[data-plan-id]"],
  ["./?lang=en", "wards/0.en.json", "[data-plan-id]"],
  ["./?plan=kita-dx2025", "plans/kita-dx2025.json", "[data-measure-id]"],
  ["./?plan=kita-dx2025&view=tree", "plans/kita-dx2025.json", "[data-plan-id]"],
  ["./?plan=kita-dx2025&view=tree", "index.json", ".outlook-answer"],
  ["./?view=tree&lang=en", "records.en.json", ".outlook-answer"],
  ["./?plan=itabashi-ict2025&view=sim", "plans/itabashi-ict2025.json", ".outlook-answer"],
  ["./?plan=itabashi-ict2025&view=sim", "index.json", ".outlook-answer"],
  ["./?measure=kita-dx2025.m1-1-1-1", "plans/kita-dx2025.json", "article.measure-detail"],
  ["./?view=compare", "search/index.json", "[data-theme-id]"],
  ["./?plan=taito-dx2026&lang=en", "plans/taito-dx2026.en.json", "[data-measure-id]"],
  ["./?plan=taito-dx2026&lang=en", "terms.en.json", "[data-measure-id]"],
  ["./?measure=kita-dx2025.m1-1-1-1&lang=en", "terms.en.json", "article.measure-detail"],
  ["./?plan=kita-dx2025&policy=kita-dx2025.p1-1&embed=1", "plans/kita-dx2025.json", "[data-measure-id]"],
]) {
  test(`${url} starts downloading ${file} before the wasm runs, and reads that copy`, async ({ page }) => {
    await page.goto(url);
    await expect(page.locator(view).first()).toBeVisible();
    const loaded = await page.evaluate(() =>
      performance.getEntriesByType("resource").filter((e) => e.name.includes("/data/")).map((e) => `${e.initiatorType} ${e.name.split("/data/")[1]}`),
    );
    expect(loaded).toContain(`link ${file}`);
    expect(loaded).not.toContain(`fetch ${file}`);
  });
}

/** Opens `url` with a data file (the records, `index.json`, unless `file` says another) arriving late, as on a
 *  slow network where the preload has not finished; once every locator shows, the layout shifts the page made. */
async function shiftsWithLateRecords(page, url, shown, file = "index.json") {
  await page.route(`**/data/${file}`, async (route) => {
    await new Promise((r) => setTimeout(r, 600));
    await route.continue();
  });
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => e.value))).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(url);
  for (const selector of shown) await expect(page.locator(selector).first()).toBeVisible();
  return page.evaluate(() => window.shifts);
}

test("the plan view waits for the records, so its outlook never pushes the tree down (no layout shift)", async ({ page }) => {
  expect(await shiftsWithLateRecords(page, "./?plan=kita-dx2025&view=tree", [".outlook-answer", "ul.tree"])).toEqual([]);
});

test("the simulation waits for the records, so its outlooks never push the what-if down (no layout shift)", async ({ page }) => {
  const shown = [".sim-outlook .outlook-answer", ".sim-table"];
  // With a scenario, so that the staff bundle draws the what-if at once.
  expect(await shiftsWithLateRecords(page, "./?plan=kita-dx2025&view=sim&model=pace", shown)).toEqual([]);
});

test("the start page draws its cards with their plans, so the first municipality's plans never push the others down (no layout shift)", async ({ page }) => {
  // On a phone, where the cards are on the first screen.
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await shiftsWithLateRecords(page, "./", ["#ward-1 [data-plan-id]"], "wards/0.json")).toEqual([]);
});

test("the cards of a search, arriving one file after another, don't draw the filters again (issue 17)", async ({ page }) => {
  await page.route("**/data/cards/**", async (route) => {
    await new Promise((r) => setTimeout(r, 300));
    await route.continue();
  });
  await page.goto("./?view=list");
  await expect(page.locator("[data-measure-id]").first()).toBeVisible();
  await page.evaluate(() => {
    window.facetChanges = 0;
    const count = (list) => (window.facetChanges += list.length);
    new MutationObserver(count).observe(document.querySelector(".facets"), { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.getByRole("searchbox").fill("子育て");
  // The result is known (its counts are in the filters); its cards are still on their way.
  await expect(page.locator(".result-count")).toHaveText(/\d+件/);
  await expect(page.locator(".content p.status")).toBeVisible();
  const withResult = await page.evaluate(() => window.facetChanges);
  expect(withResult).toBeGreaterThan(0);
  await expect(page.locator("[data-measure-id]")).toHaveCount(10);
  expect(await page.evaluate(() => window.facetChanges)).toBe(withResult);
});

test("where the URL names no one file (a list of two plans), nothing is preloaded", async ({ page }) => {
  await page.goto("./?plan=kita-dx2025&plan=taito-dx2026");
  await expect(page.locator("[data-measure-id]").first()).toBeVisible();
  expect(await page.locator('link[rel="preload"]').count()).toBe(0);
});

test("a list across plans reads the index, then the cards of its first page only; more come with 「さらに表示」", async ({ page }) => {
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  const dataset = builtDataset();
  await page.goto("./?view=list");
  await expect(page.locator("[data-measure-id]")).toHaveCount(10);
  // One measure a file (CARDS_PER_FILE, core/src/search/index.rs).
  const ordered = dataset.plans.flatMap((p) => p.measures.map((m, i) => ({ plan: p.id, file: i })));
  const firstPage = [...new Set(ordered.slice(0, 10).map((m) => `/data/cards/${m.plan}/${m.file}.json`))];
  expect(dataRequests(requested).sort()).toEqual(["/data/search/index.json", ...firstPage].sort());
  await page.getByRole("button", { name: /さらに表示/ }).click();
  await expect(page.locator("[data-measure-id]")).toHaveCount(20);
});

test("a search across plans reads the gram files of its words only, and finds a compound and a part of it", async ({ page }) => {
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`./?q=${encodeURIComponent("電子申請")}`);
  await expect(page.locator('[data-measure-id="kita-dx2025.m1-1-1-1"]')).toBeVisible();
  const grams = dataRequests(requested).filter((p) => p.includes("/grams/"));
  // 電子申請: the bigrams 電子, 子申, 申請, in at most three files of the index's many.
  expect(grams.length).toBeGreaterThan(0);
  expect(grams.length).toBeLessThanOrEqual(3);
  const files = JSON.parse(await (await page.request.get("./data/search/index.json")).text()).gram_files;
  expect(files).toBeGreaterThan(10);
  await page.goto(`./?q=${encodeURIComponent("申請")}`);
  await expect(page.locator('[data-measure-id="kita-dx2025.m1-1-1-1"]')).toBeVisible();
});

test("the plan view across plans shows two plans at a time, each from its file without notes; notes and printed counts are a click away, and a measure shows its own", async ({ page }) => {
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  const dataset = builtDataset();
  await page.goto("./?view=tree");
  await expect(page.locator(".plan-tree")).toHaveCount(2);
  await expect(page.locator(".outlook-answer")).toHaveCount(2);
  const overviews = dataset.plans.slice(0, 2).map((p) => `/data/overview/${p.id}.json`);
  // The plan view's outlooks read the plans that have a record, once (records.json; index.json grows with every plan).
  expect(dataRequests(requested).sort()).toEqual(["/data/records.json", "/data/search/index.json", ...overviews].sort());
  for (let shown = 4; shown < dataset.plans.length + 2; shown += 2) {
    await page.getByRole("button", { name: /次の計画を表示/ }).click();
    await expect(page.locator(".plan-tree")).toHaveCount(Math.min(shown, dataset.plans.length));
  }
  await expect(page.getByRole("button", { name: /次の計画を表示/ })).toHaveCount(0);
  await expect(page.locator(".summary-table")).toHaveCount(0);

  // The overview leaves the plans' own notes and printed counts out: a link leads to the plan's view, which reads them.
  const plan = dataset.plans.find((p) => p.id === "itabashi-ict2025");
  await page.locator('[data-plan-id="itabashi-ict2025"]').getByRole("link", { name: /注記/ }).click();
  await page.locator(".plan-tree > .source-notes > summary").click();
  await expect(page.locator(".plan-notes")).toContainText(plan.notes[0]);
  await expect(page.locator(".summary-table")).toHaveCount(plan.summaries.length);

  // A measure found across plans reads its plan's whole file, so its note and its indicators' show.
  const measure = dataset.plans.flatMap((p) => p.measures).find((m) => m.note && m.indicators.some((i) => i.note));
  await page.goto(`./?view=list&q=${encodeURIComponent(measure.name)}`);
  await page.locator(`[data-measure-id="${measure.id}"] a`).first().click();
  const detail = page.locator("article.measure-detail");
  await detail.locator(".source-notes > summary").click();
  await expect(detail).toContainText(measure.note);
  await expect(detail).toContainText(measure.indicators.find((i) => i.note).note);
  expect(requested).toContain(`/data/plans/${measure.id.split(".")[0]}.json`);
});

test("the compare view reads each plan's names, not its text", async ({ page }) => {
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.goto("./?view=compare");
  await expect(page.locator("[data-theme-id]").first()).toBeVisible();
  await expect(page.locator('[data-theme-id] [data-measure-id="kita-dx2025.m1-1-1-1"]').first()).toBeVisible();
  const data = dataRequests(requested);
  expect(data.every((p) => p === "/data/search/index.json" || p.startsWith("/data/names/"))).toBe(true);
});

test("lang=en shows the interface and the plans in English, codes as printed", async ({ page }) => {
  await page.goto("./?plan=taito-dx2026&lang=en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator(".site-title")).toHaveText("Ward DX Plan Explorer");
  const card = page.locator('[data-measure-id="taito-dx2026.t01"]');
  await expect(card).toContainText("Moving administrative procedures online");
  await expect(card.locator('.code[lang="ja"]')).toHaveText("取組1");
});

test.describe("a missing dataset", () => {
  test.use({ expectedConsoleErrors: [/404/] });

  test("says so in Japanese and English, and retry recovers", async ({ page }) => {
    let fail = true;
    await page.route(DATA, (route) => (fail ? route.fulfill({ status: 404, body: "not found" }) : route.continue()));
    await page.goto("./?view=list");
    const alert = page.getByRole("alert").filter({ hasText: "データを読み込めませんでした" });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("見つかりませんでした（HTTP 404）");
    await expect(alert).toContainText("was not found (HTTP 404)");
    fail = false;
    await alert.getByRole("button", { name: /もう一度読み込む/ }).click();
    await expect(page.locator("[data-measure-id]").first()).toBeVisible();
    await expect(alert).toHaveCount(0);
  });
});

test.describe("a server error", () => {
  test.use({ expectedConsoleErrors: [/503/] });

  test("is not called a missing file: it says the server erred and to try again later", async ({ page }) => {
    await page.route(DATA, (route) => route.fulfill({ status: 503, body: "busy" }));
    await page.goto("./?view=list");
    const alert = page.getByRole("alert").filter({ hasText: "データを読み込めませんでした" });
    await expect(alert).toContainText("サーバーがエラーを返しました（HTTP 503）");
    await expect(alert).toContainText("The server answered with an error (HTTP 503)");
    await expect(alert).not.toContainText("見つかりませんでした");
  });
});

test.describe("an unreachable dataset", () => {
  test.use({ expectedConsoleErrors: [/ERR_FAILED|Failed to load resource|Failed to fetch/i] });

  test("asks to check the network", async ({ page }) => {
    await page.route(DATA, (route) => route.abort("failed"));
    await page.goto("./?view=list");
    const alert = page.getByRole("alert").filter({ hasText: "データを読み込めませんでした" });
    await expect(alert).toContainText("ネットワークの接続を確かめて");
    await expect(alert).toContainText("Check your network connection");
    await expect(alert.getByRole("button", { name: /Retry/ })).toBeVisible();
  });
});

test("malformed JSON is reported with where it breaks, in the browser's words, not a crash", async ({ page }) => {
  await page.route(DATA, (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{"schema_version": 1, "plans": [}' }));
  await page.goto("./?view=list");
  const alert = page.getByRole("alert").filter({ hasText: "データを読み込めませんでした" });
  await expect(alert).toContainText("形式に誤り");
  await expect(alert).toContainText("malformed");
  await alert.getByText("詳しい情報 / Details").click();
  // Chromium quotes the text around the first character that isn't JSON.
  await expect(alert.locator("pre")).toContainText(`not JSON: Unexpected token '}'`);
  await expect(alert.locator("pre")).toContainText(`"plans": [}`);
  await expect(page.locator("[data-measure-id]")).toHaveCount(0);
  await expect(page.locator("#fatal")).toBeHidden();
});

test("a plan's file that breaks a rule is refused whole, naming the problem", async ({ page }) => {
  const dataset = builtDataset();
  const plan = dataset.plans.find((p) => p.id === "taito-dx2026");
  plan.measures[1].id = plan.measures[0].id;
  const file = { schema_version: dataset.schema_version, plans: [plan], themes: dataset.themes };
  await page.route("**/data/plans/taito-dx2026.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(file) }));
  await page.goto("./?plan=taito-dx2026");
  const alert = page.getByRole("alert").filter({ hasText: "データを読み込めませんでした" });
  await alert.getByText("詳しい情報 / Details").click();
  await expect(alert.locator("pre")).toContainText("is used twice");
  // What would be right is the data tool's to say (the `fixes` feature of plan-core stays out of the wasm).
  await expect(alert.locator("pre")).toContainText("plan-data -- check-json");
  await expect(page.locator("[data-measure-id]")).toHaveCount(0);
});

test("a search index whose rows don't fit it, or a card file that doesn't fit the index, is refused with the error panel", async ({ page }) => {
  const index = JSON.parse(await (await page.request.get("./data/search/index.json")).text());
  const broken = structuredClone(index);
  broken.plans[0].measures[0] = [0, 1, 0, 99];
  await page.route(DATA, (route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(broken) }));
  await page.goto("./?view=list");
  const alert = page.getByRole("alert").filter({ hasText: "データを読み込めませんでした" });
  await alert.getByText("詳しい情報 / Details").click();
  await expect(alert.locator("pre")).toContainText("does not fit the index");
  await expect(page.locator("[data-measure-id]")).toHaveCount(0);

  await page.unroute(DATA);
  const first = index.ids[0];
  await page.route(`**/data/cards/${first}/0.json`, (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ schema_version: 1, plan: "another-plan", from: 0, measures: [] }) }),
  );
  await page.goto("./?view=list");
  await alert.getByText("詳しい情報 / Details").click();
  await expect(alert.locator("pre")).toContainText("do not match data/search/index.json");
  await expect(alert.getByRole("button", { name: /もう一度読み込む/ })).toBeVisible();
});
