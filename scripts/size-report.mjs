// Prints the compressed size of everything a first view loads: index.html, the files it links
// (js, wasm, css) and the data that view fetches (src/app.rs loads as little as the view needs):
//   start page          -> data/index.json
//   a view of one plan  -> data/plans/<id>.json (the largest plan is counted)
//   a view across plans -> data/plans.json
// Run after `trunk build --release`.
//   node scripts/size-report.mjs [--dir dist] [--budget 250000]
// With --budget (bytes, PRODUCT.md §6: 250 KB), exits 1 when any first view's gzip total is over it.
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

const html = readFileSync(join(dir, "index.html"), "utf8");
const linked = [...html.matchAll(/(?:href|src)="\.?\/?([^"#?]+\.(?:js|wasm|css|svg))"/g)].map((m) => m[1]);
const shell = ["index.html", ...new Set(linked)];
const largestPlan = readdirSync(join(dir, "data/plans"))
  .map((f) => `data/plans/${f}`)
  .sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0];
// [name, data file, gated]: the view across plans is reported but not yet gated (see README, Size).
const views = [
  ["start page", "data/index.json", true],
  ["one plan (largest)", largestPlan, true],
  ["across plans", "data/plans.json", false],
];

const sizes = new Map();
const measure = (file) => {
  if (!sizes.has(file)) {
    const body = readFileSync(join(dir, file));
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
for (const file of [...shell, ...views.map((v) => v[1])]) {
  const [r, g, b] = measure(file);
  console.log(file.padEnd(48), kb(r), kb(g), kb(b));
}
console.log();
let over = false;
for (const [name, data, gated] of views) {
  const total = [...shell, data].map(measure).reduce((t, s) => t.map((v, i) => v + s[i]), [0, 0, 0]);
  const within = total[1] <= Number(budget);
  const verdict = budget ? `${within ? "within budget" : "OVER BUDGET"}${gated ? "" : " (reported, not gated)"}` : "";
  if (budget && gated && !within) over = true;
  console.log(`first view, ${name}:`.padEnd(48), kb(total[0]), kb(total[1]), kb(total[2]), verdict);
}
if (budget) console.log(`budget: ${budget} bytes gzip per gated first view`);
if (over) process.exit(1);
