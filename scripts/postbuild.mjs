// Trunk post-build hook (Trunk.toml), run on the staging folder before it becomes dist/:
// 1. Gives the three bundles names hashed from what is served: trunk names the resident one by its own
//    output, before the steps below change it, and the staff and English ones (built by trunk as
//    "workers", so not started) not at all.
// 2. Replaces trunk's inline loader and preload links with a start script in a hashed file, so the
//    site runs under `Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'` (no inline
//    script). It starts the staff bundle for a link to the simulation, the English resident bundle
//    for `lang=en` and the Japanese one otherwise, and lets a resident bundle hand over to the staff one
//    (src/bundle.rs).
// 3. Writes sw.js, the service worker, with the list of every file to precache and a version
//    derived from their contents: a new build is a new version, an identical one is not.
// First, for each bundle: it drops the exports nothing calls (scripts/wasm-boundary.mjs), minifies the JS
// glue (wasm-bindgen's output) with terser (7.6 -> 5.6 KB gzip of every first view, README, Size; the start
// script and pwa.js too, 2.0 -> 1.2 KB; trunk's own `minify` fails on that glue), optimizes the wasm
// (wasm-opt -Oz, here rather than in trunk, so that those exports go first) and shortens the names between
// the wasm and its glue. Dropping, optimizing here and shortening: 6.4 KB gzip less of every first view.
// And the stylesheet, with lightningcss (what trunk would use): 4.8 -> 3.6 KB gzip of every first view.
//   node scripts/postbuild.mjs <staging dir>
import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { transform } from "lightningcss";
import { minify } from "terser";
import { promisify } from "node:util";
import { shortenNames, withoutExports } from "./wasm-boundary.mjs";

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("usage: postbuild.mjs <staging dir>");
const hash = (...bodies) => bodies.reduce((h, b) => h.update(b), createHash("sha256")).digest("hex").slice(0, 16);

const minifyInPlace = async (path, module = true) => {
  const { code } = await minify(readFileSync(path, "utf8"), { module, compress: true, mangle: true });
  writeFileSync(path, code);
};
const workers = ["staff", "english"];
const glue = readdirSync(dir).filter((f) => /^plan-explorer-[0-9a-f]+\.js$/.test(f) || workers.includes(f.replace(/\.js$/, "")));
if (glue.length !== 3) throw new Error(`expected the three bundles' JS glue, found ${glue.join(", ")}`);
// The features are those rustc's wasm32 target emits; `--low-memory-unused`: ARCHITECTURE.md, Budgets.
const WASM_OPT = ["-Oz", "--low-memory-unused", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
  "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];
await Promise.all(glue.map(async (file) => {
  const wasmFile = join(dir, file.replace(/\.js$/, "_bg.wasm"));
  const trimmed = withoutExports(readFileSync(wasmFile), readFileSync(join(dir, file), "utf8"), ["intounderlying"]);
  writeFileSync(wasmFile, trimmed.wasm);
  writeFileSync(join(dir, file), trimmed.glue);
  await minifyInPlace(join(dir, file));
  const minified = readFileSync(join(dir, file), "utf8");
  const left = trimmed.dropped.filter((name) => minified.includes(name));
  if (left.length) throw new Error(`${file} still calls ${left.join(", ")}, which the wasm no longer exports`);
  // A debug build (`trunk serve`) stays as fast to make as trunk made it without wasm-opt.
  if (process.env.TRUNK_PROFILE !== "debug") await promisify(execFile)("wasm-opt", [wasmFile, ...WASM_OPT, "-o", wasmFile]);
  const { wasm, glue: shortened } = shortenNames(readFileSync(wasmFile), minified);
  writeFileSync(wasmFile, wasm);
  writeFileSync(join(dir, file), shortened);
}));
const styles = readdirSync(dir).filter((f) => /^app-[0-9a-f]+\.css$/.test(f));
if (styles.length !== 1) throw new Error(`expected one stylesheet, found ${styles.join(", ") || "none"} in ${readdirSync(dir).join(", ")}`);
const minifiedStyles = styles.map((file) => {
  const { code } = transform({ filename: file, code: readFileSync(join(dir, file)), minify: true });
  writeFileSync(join(dir, file), code);
  return [file, `sha384-${createHash("sha384").update(code).digest("base64")}`];
});

const hashedNames = (name, built = name) => {
  const named = hash(readFileSync(join(dir, `${built}.js`)), readFileSync(join(dir, `${built}_bg.wasm`)));
  const files = [`${name}-${named}.js`, `${name}-${named}_bg.wasm`];
  renameSync(join(dir, `${built}.js`), join(dir, files[0]));
  renameSync(join(dir, `${built}_bg.wasm`), join(dir, files[1]));
  return files;
};
const [staff, english] = workers.map((name) => hashedNames(name));

const htmlPath = join(dir, "index.html");
let html = readFileSync(htmlPath, "utf8");
// Trunk's subresource integrity names the stylesheet as it wrote it: it must name the minified one.
for (const [file, integrity] of minifiedStyles) {
  const link = new RegExp(`(href="\\./${file.replace(".", "\\.")}" integrity=")[^"]+"`);
  if (!link.test(html)) throw new Error(`the link to ${file} was not found in index.html`);
  html = html.replace(link, `$1${integrity}"`);
}
const inline = html.match(/<script type="module">[\s\S]*?<\/script>/);
const resident = inline?.[0].match(/from '\.\/([^']+\.js)'[\s\S]*module_or_path: '\.\/([^']+\.wasm)'/);
if (!resident || resident[2] !== resident[1].replace(/\.js$/, "_bg.wasm")) throw new Error("trunk's loader script was not found in index.html");
const residentFiles = hashedNames("plan-explorer", resident[1].replace(/\.js$/, ""));
// The what-if's assumptions in a URL (a scenario): read from the app's own list, so the two can't differ.
const simKeys = readFileSync(new URL("../core/src/query.rs", import.meta.url), "utf8").match(/pub const SIM_KEYS: \[&str; \d+\] = \[([^\]]*)\]/);
if (!simKeys) throw new Error("SIM_KEYS was not found in core/src/query.rs");
const start = `// Written by scripts/postbuild.mjs: starts one of the three bundles (ARCHITECTURE.md, Bundles).
const bundles = {
  resident: ${JSON.stringify(residentFiles.map((f) => `./${f}`))},
  english: ${JSON.stringify(english.map((f) => `./${f}`))},
  staff: ${JSON.stringify(staff.map((f) => `./${f}`))},
};
const fetchWasm = (url) => fetch(url).then((r) => (r.ok ? r : Promise.reject(new Error(\`\${url}: HTTP \${r.status}\`))));
const start = async (name, beforeStart) => {
  const [js, wasm] = bundles[name];
  if (!beforeStart) {
    // The wasm downloads while the script that runs it does, not after. If the script fails, the wasm's
    // failure is not the one to report.
    const module_or_path = fetchWasm(wasm);
    module_or_path.catch(() => {});
    const { default: init } = await import(js);
    return init({ module_or_path });
  }
  // The staff app starts beside the running one, hidden, and takes it off once its first page is drawn
  // (\`finish_handover\`, src/bundle.rs): whatever fails before that leaves the running app as it was.
  const [{ default: init }, module] = await Promise.all([import(js), fetchWasm(wasm).then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b))]);
  window.planExplorerHandover = beforeStart;
  return init({ module_or_path: module }).catch((error) => {
    delete window.planExplorerHandover;
    throw error;
  });
};
// The resident bundle calls this (src/bundle.rs) when the simulation or a staff tool is asked for.
window.planExplorerLoadStaff = (unmount) => start("staff", unmount);
// As the app reads the URL (core/src/query.rs): the last value of a key wins; plans are unique.
const asked = new URLSearchParams(location.search);
const last = (key) => asked.getAll(key).at(-1)?.trim();
const view = last("view");
const english = last("lang") === "en";
const suffix = english ? ".en" : "";
// The file of plans the first view reads starts downloading now, beside the wasm, not once the wasm has run
// (README, Speed): the file \`Scope::needed_by\` (src/app.rs) chooses, where that is plain from the URL.
// tests/browser/load.spec.mjs checks that it is the file the app reads, and that the app takes this copy.
// An id is at most 200 characters (\`MAX_VALUE_CHARS\`); a value that is not one is ignored.
const ids = (key) => asked.getAll(key).map((v) => v.trim()).filter((v) => /^[\\w.-]{1,200}$/.test(v));
const plans = [...new Set(ids("plan"))];
const measure = ids("measure").at(-1);
const measurePlan = measure?.includes(".") ? measure.slice(0, measure.indexOf(".")) : null;
const id = measurePlan !== null ? plans.every((p) => p === measurePlan) && measurePlan : plans.length === 1 && !(english && last("q")) && plans[0];
// A link to the simulation opens the staff bundle, which draws the what-if, when the link carries a scenario
// (an assumption: it asks for the what-if) or is across plans (the staff bundle draws every plan's outlook);
// for one plan the resident bundle shows the answer from the record, and the what-if loads when asked for
// (\`HandoverView\`, src/components/staff_handover.rs). The staff bundle reads the plans in Japanese.
const whatIf = view === "sim" && (!id || [${simKeys[1]}].some((key) => asked.has(key)));
const read = whatIf ? "" : suffix;
const file = view === "compare" && measurePlan === null ? \`data/search/index\${suffix}.json\` : id && \`data/plans/\${id}\${read}.json\`;
const preload = (href) => document.head.append(Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", href, crossOrigin: "anonymous" }));
if (file) preload(file);
// The start page (no key but the language) reads the municipalities' names and the first file of their plans
// (\`plan_core::wards\`, src/views/start.rs).
if ([...asked.keys()].every((key) => key === "lang")) ["", "/0"].forEach((part) => preload(\`data/wards\${part}\${suffix}.json\`));
// An English page waits for the English of departments and grades (src/english.rs) before it shows the plans.
if (english) preload("data/terms.en.json");
// The plan view and the simulation show each plan's outlook, from every plan's record (\`fetch_index\`,
// src/components/outlook.rs): arriving after the view, it was the largest paint and pushed the view down.
// Across plans the plan view reads only the plans that have a record, \`records.json\`.
if (view === "tree" || view === "sim") preload(\`data/\${view === "tree" && !id ? "records" : "index"}\${read}.json\`);
// A link to the what-if whose staff bundle can't be fetched opens in the resident bundle, which shows the
// plan's outlook from the record and says that the what-if could not be loaded, with a retry (\`HandoverView\`).
// A bundle that can't be fetched at all says so, instead of loading for ever. One that stopped as it ran (a
// panic, a \`RuntimeError\`) has shown #fatal, and may have drawn: nothing else starts.
const ran = (error) => error instanceof WebAssembly.RuntimeError;
const resident = english ? "english" : "resident";
await (whatIf ? start("staff").catch((error) => (ran(error) ? Promise.reject(error) : start(resident))) : start(resident)).catch((error) => {
  if (ran(error)) return;
  document.getElementById("load-failed").hidden = false;
  document.querySelector("#app .status")?.remove();
});
`;
// Minified like the glue: its bytes count in every first view.
const { code: startCode } = await minify(start, { module: true, compress: true, mangle: true });
const name = `start-${hash(startCode)}.js`;
writeFileSync(join(dir, name), startCode);
await minifyInPlace(join(dir, "pwa.js"), false);
html = html
  .replace(inline[0], `<script type="module" src="./${name}"></script>`)
  .replace(/<link rel="(?:modulepreload|preload)"[^>]*>/g, "");
writeFileSync(htmlPath, html);
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
const version = hash(...precache.flatMap((f) => [f, readFileSync(join(dir, f))]));
const template = readFileSync(new URL("../public/sw.template.js", import.meta.url), "utf8");
writeFileSync(
  join(dir, "sw.js"),
  template
    .replace("__VERSION__", version)
    .replace("__FILES__", JSON.stringify(["./", ...precache.map((f) => `./${f}`)])),
);
console.log(`postbuild: start script ${name}, staff bundle ${staff[0]}, English bundle ${english[0]}, sw.js precaches ${precache.length} files`);
