// Prints the compressed size of everything a first view loads: index.html, the files it links
// (css, scripts), the bundle the start script starts (js + wasm; see ARCHITECTURE.md, Bundles) and
// the data that view fetches (src/app.rs loads as little as the view needs):
//   start page          -> resident bundle + data/index.json
//   a view of one plan  -> resident bundle + data/plans/<id>.json (the largest plan is counted)
//   a view across plans -> resident bundle + data/plans-overview.json (Dataset::overview)
//   a link to the simulation -> staff bundle + the largest plan (reported; the staff bundle is
//                               loaded on demand, not by a resident's first view)
// Run after `trunk build --release`.
//   node scripts/size-report.mjs [--dir dist] [--budget 250000]
// With --budget (bytes, PRODUCT.md §6: 250 KB), exits 1 when a gated first view is over it under gzip.
// With --data DIR, the data files come from DIR instead of dist/data, e.g. a dataset made larger by
// `cargo run -p plan-data -- synth --factor 16 --out DIR` (docs/TESTING.md, Data at scale); with --report
// too, the verdicts are printed and nothing fails.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = option("dir", "dist");
const budget = option("budget", null);
const dataDir = option("data", null);
const reportOnly = args.includes("--report");
// A file of the site, or of --data for the files under data/.
const path = (file) => (dataDir && file.startsWith("data/") ? join(dataDir, file.slice("data/".length)) : join(dir, file));

const html = readFileSync(join(dir, "index.html"), "utf8");
const linked = [...html.matchAll(/(?:href|src)="\.?\/?([^"#?]+\.(?:js|css|svg))"/g)].map((m) => m[1]);
const startScript = linked.find((f) => /^start-.*\.js$/.test(f));
const bundle = (name) => {
  const files = readFileSync(join(dir, startScript), "utf8").match(new RegExp(`${name}: (\\[[^\\]]*\\])`));
  if (!files) throw new Error(`${startScript} names no ${name} bundle`);
  return JSON.parse(files[1]).map((f) => f.replace(/^\.\//, ""));
};
const shell = ["index.html", ...new Set(linked)];
const largestPlan = readdirSync(path("data/plans"))
  .map((f) => `data/plans/${f}`)
  .sort((a, b) => statSync(path(b)).size - statSync(path(a)).size)[0];
// [name, files, gated]. Gated on gzip, the larger of the two and what any server sends. The staff
// bundle is reported, not gated: residents' first views never load it (README, Size).
const views = [
  ["start page", [...bundle("resident"), "data/index.json"], true],
  ["one plan (largest)", [...bundle("resident"), largestPlan], true],
  ["across plans", [...bundle("resident"), "data/plans-overview.json"], true],
  ["simulation link, one plan", [...bundle("staff"), largestPlan], false],
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
console.log("first-view bytes (KB = 1000 bytes)");
console.log("file".padEnd(48), "raw".padStart(8), "gzip".padStart(8), "brotli".padStart(8));
for (const file of new Set([...shell, ...views.flatMap((v) => v[1])])) {
  const [r, g, b] = measure(file);
  console.log(file.padEnd(48), kb(r), kb(g), kb(b));
}
console.log();
let over = false;
for (const [name, files, gated] of views) {
  const total = [...shell, ...files].map(measure).reduce((t, s) => t.map((v, i) => v + s[i]), [0, 0, 0]);
  const verdict = !budget
    ? ""
    : ["gzip", "brotli"].map((kind, i) => `${kind} ${total[i + 1] <= Number(budget) ? "within" : "OVER"}`).join(", ") +
      (gated && !reportOnly ? " (gated on gzip)" : " (reported, not gated)");
  if (budget && gated && !reportOnly && total[1] > Number(budget)) over = true;
  console.log(`first view, ${name}:`.padEnd(48), kb(total[0]), kb(total[1]), kb(total[2]), verdict);
}
if (budget) console.log(`budget: ${budget} bytes per first view${dataDir ? `, data from ${dataDir}` : ""}`);
if (over) {
  console.log("size: a gated first view is OVER BUDGET");
  process.exit(1);
}
