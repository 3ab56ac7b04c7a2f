// Prints the compressed size of everything each kind of first view loads, as measured: each view is opened
// in headless Chromium (no service worker, empty cache) against the built site, and every file it
// requested is counted, gzip and brotli, from disk. So the figure is what the app really fetches for that
// view (src/app.rs, src/parts.rs), not a model of it. Run after `trunk build --release`.
//   node scripts/size-report.mjs [--dir dist] [--data DIR] [--budget 250000] [--report] [--port 8094]
// --budget (bytes, PRODUCT.md §6: 250 KB): exits 1 when a gated first view is over it under gzip.
// --data DIR: the data files come from DIR instead of dist/data, e.g. a dataset made larger by
// `cargo run -p plan-data -- synth --factor 16 --out DIR` (docs/TESTING.md, Data at scale).
// --report: verdicts are printed and nothing fails.
// --files: under each view, every file it loaded with its gzip size, largest first.
// --scaled-only: gates only the views whose bytes grow with the number of plans (the start page and the views
// across plans); a view of one plan reads that plan's file, whatever the number of plans. On a synthetic
// dataset the largest plan is a copy whose prose is made less compressible on purpose (docs/TESTING.md, Data
// at scale), so its figure is reported there and gated on the real data.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { launch, serve } from "./chromium.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = option("dir", "dist");
const budget = option("budget", null);
const dataDir = option("data", null);
const reportOnly = args.includes("--report");
const scaledOnly = args.includes("--scaled-only");
const listFiles = args.includes("--files");
const port = Number(option("port", 8094));
const path = (file) => (dataDir && file.startsWith("data/") ? join(dataDir, file.slice("data/".length)) : join(dir, file));

const index = JSON.parse(readFileSync(path("data/index.json"), "utf8"));
const largest = index.plans
  .map((p) => p.id)
  .sort((a, b) => statSync(path(`data/plans/${b}.json`)).size - statSync(path(`data/plans/${a}.json`)).size)[0];
const largestPlan = JSON.parse(readFileSync(path(`data/plans/${largest}.json`), "utf8")).plans[0];
const largestEn = index.plans
  .map((p) => p.id)
  .sort((a, b) => statSync(path(`data/plans/${b}.en.json`)).size - statSync(path(`data/plans/${a}.en.json`)).size)[0];
const largestEnPlan = JSON.parse(readFileSync(path(`data/plans/${largestEn}.en.json`), "utf8")).plans[0];
const SEARCH = "子育て";
const SEARCH_EN = "child";
// [name, query, what shows the view is there, gated]. The staff bundle is reported, not gated: residents'
// first views never load it (README, Size).
const views = [
  ["start page", "", "[data-plan-id]", true],
  [`one plan, the largest (${largest})`, `?plan=${largest}`, "[data-measure-id]", !scaledOnly],
  ["a measure of it", `?measure=${largestPlan.measures[0].id}`, "article.measure-detail", !scaledOnly],
  ["list across plans", "?view=list", "[data-measure-id]", true],
  [`a search across plans (${SEARCH})`, `?q=${encodeURIComponent(SEARCH)}`, "[data-measure-id]", true],
  ["compare across plans", "?view=compare", "[data-theme-id]", true],
  ["plan view across plans", "?view=tree", ".plan-tree", true],
  ["timeline across plans", "?view=timeline", "[data-measure-id]", true],
  // In English the English bundle starts, and reads each file of plan text in English (src/english.rs).
  // Gated like the Japanese ones, at 16 times the plans too.
  ["English: start page", "?lang=en", "[data-plan-id]", true],
  [`English: one plan, the largest (${largestEn})`, `?plan=${largestEn}&lang=en`, "[data-measure-id]", !scaledOnly],
  ["English: a measure of it", `?measure=${largestEnPlan.measures[0].id}&lang=en`, "article.measure-detail", !scaledOnly],
  ["English: list across plans", "?view=list&lang=en", "[data-measure-id]", true],
  [`English: a search across plans (${SEARCH_EN})`, `?q=${SEARCH_EN}&lang=en`, "[data-measure-id]", true],
  ["English: compare across plans", "?view=compare&lang=en", "[data-theme-id]", true],
  ["English: plan view across plans", "?view=tree&lang=en", ".plan-tree", true],
  ["English: timeline across plans", "?view=timeline&lang=en", "[data-measure-id]", true],
  // A link to one plan's simulation shows its answer from the record in the resident bundle; the what-if
  // (the staff bundle) loads when asked for, or at once for a link that carries a scenario.
  [`simulation link, one plan (${largest})`, `?plan=${largest}&view=sim`, ".outlook-answer", !scaledOnly],
  ["simulation link with a scenario (staff)", `?plan=${largest}&view=sim&model=pace`, ".sim-table", false],
];

const sizes = new Map();
const measure = (file) => {
  if (!sizes.has(file)) {
    const body = readFileSync(path(file));
    sizes.set(file, [
      body.length,
      gzipSync(body, { level: 9 }).length,
      brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    ]);
  }
  return sizes.get(file);
};
const kb = (n) => (n / 1000).toFixed(1).padStart(8);

const server = await serve(dir, port, ...(dataDir ? ["--data", dataDir] : []));
const browser = await launch();
let over = false;
try {
  console.log(`first-view bytes, as loaded in headless Chromium (KB = 1000 bytes)${dataDir ? `; data from ${dataDir}` : ""}`);
  console.log("view".padEnd(44), "files".padStart(6), "raw".padStart(8), "gzip".padStart(8), "brotli".padStart(8));
  for (const [name, query, ready, gated] of views) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    const files = new Set();
    page.on("requestfinished", (request) => {
      const url = new URL(request.url());
      if (url.origin === `http://127.0.0.1:${port}`) files.add(url.pathname === "/" ? "index.html" : decodeURIComponent(url.pathname.slice(1)));
    });
    await page.goto(`http://127.0.0.1:${port}/${query}`);
    await page.locator(ready).first().waitFor({ timeout: 30000 });
    await page.waitForLoadState("networkidle");
    await context.close();
    const total = [...files].map(measure).reduce((t, s) => t.map((v, i) => v + s[i]), [0, 0, 0]);
    const within = total[1] <= Number(budget);
    const verdict = !budget ? "" : `gzip ${within ? "within" : "OVER"}` + (gated && !reportOnly ? " (gated)" : " (reported)");
    if (budget && gated && !reportOnly && !within) over = true;
    console.log(`${name}:`.padEnd(44), String(files.size).padStart(6), kb(total[0]), kb(total[1]), kb(total[2]), verdict);
    if (listFiles) {
      for (const file of [...files].sort((a, b) => measure(b)[1] - measure(a)[1])) {
        const [raw, gzip, brotli] = measure(file);
        console.log(`  ${file}`.padEnd(51), kb(raw), kb(gzip), kb(brotli));
      }
    }
  }
} finally {
  await browser.close();
  server.kill();
}
if (budget) console.log(`budget: ${budget} bytes per first view`);
if (over) {
  console.log("size: a gated first view is OVER BUDGET");
  process.exit(1);
}
