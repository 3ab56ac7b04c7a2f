// Trunk post-build hook (Trunk.toml), run on the staging folder before it becomes dist/:
// 1. Moves trunk's inline loader <script type="module"> into a hashed file, so the site runs under
//    `Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'` (no inline script).
// 2. Writes sw.js, the service worker, with the list of every file to precache and a version
//    derived from their contents: a new build is a new version, an identical one is not.
//   node scripts/postbuild.mjs <staging dir>
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("usage: postbuild.mjs <staging dir>");

const htmlPath = join(dir, "index.html");
let html = readFileSync(htmlPath, "utf8");
const inline = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (inline) {
  const body = inline[1].trim() + "\n";
  const name = `start-${createHash("sha256").update(body).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(dir, name), body);
  html = html.replace(inline[0], `<script type="module" src="./${name}"></script>`);
  writeFileSync(htmlPath, html);
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) throw new Error("index.html still has an inline script");

const files = [];
const walk = (at) => {
  for (const entry of readdirSync(at)) {
    const path = join(at, entry);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(relative(dir, path).split("\\").join("/"));
  }
};
walk(dir);
const precache = files.filter((f) => f !== "sw.js" && !f.endsWith(".schema.json") && !f.endsWith(".csv")).sort();
const version = createHash("sha256");
for (const f of precache) version.update(f).update(readFileSync(join(dir, f)));
const template = readFileSync(new URL("../public/sw.template.js", import.meta.url), "utf8");
writeFileSync(
  join(dir, "sw.js"),
  template
    .replace("__VERSION__", version.digest("hex").slice(0, 16))
    .replace("__FILES__", JSON.stringify(["./", ...precache.map((f) => `./${f}`)])),
);
console.log(`postbuild: loader moved to a file, sw.js precaches ${precache.length} files`);
