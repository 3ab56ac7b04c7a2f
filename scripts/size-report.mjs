// Prints the compressed size of everything the first view loads: index.html, the files it links
// (js, wasm, css) and the data the app fetches on start. Run after `trunk build --release`.
//   node scripts/size-report.mjs [--dir dist] [--budget 250000]
// With --budget (bytes, PRODUCT.md §6: 250 KB), exits 1 when the gzip total is over it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = option("dir", "dist");
const budget = option("budget", null);

// The data the first view fetches (see src/data.rs).
const FIRST_VIEW_DATA = ["data/plans.json"];

const html = readFileSync(join(dir, "index.html"), "utf8");
const linked = [...html.matchAll(/(?:href|src)="\.?\/?([^"#?]+\.(?:js|wasm|css))"/g)].map((m) => m[1]);
const files = ["index.html", ...new Set(linked), ...FIRST_VIEW_DATA];

let raw = 0, gz = 0, br = 0;
const rows = files.map((file) => {
  const body = readFileSync(join(dir, file));
  const g = gzipSync(body, { level: 9 }).length;
  const b = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  raw += body.length; gz += g; br += b;
  return [file, body.length, g, b];
});
const kb = (n) => (n / 1000).toFixed(1).padStart(8);
console.log("first-view bytes (KB = 1000 bytes)");
console.log("file".padEnd(48), "raw".padStart(8), "gzip".padStart(8), "brotli".padStart(8));
for (const [file, r, g, b] of rows) console.log(file.padEnd(48), kb(r), kb(g), kb(b));
console.log("total".padEnd(48), kb(raw), kb(gz), kb(br));
if (budget) {
  const limit = Number(budget);
  const verdict = gz <= limit ? "within" : "OVER";
  console.log(`size budget: gzip total ${gz} bytes ${verdict} the budget of ${limit} bytes`);
  if (gz > limit) process.exit(1);
}
