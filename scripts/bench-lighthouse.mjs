// Lighthouse gate (PRODUCT.md §6, issue 14) on the release build, served compressed as a web server would:
// every view (the start page, a list, the plan view, a measure, the timeline, the compare view, the
// simulation and an embed), with Lighthouse's mobile defaults (emulated phone, simulated slow 4G and CPU
// slowdown), in Debian's Chromium. Prints each view's scores, the median of each category where a view runs
// more than once, and what kept a score under 100. Exits 1 when any view's median accessibility or
// best-practices score is under 100. Performance is reported against its budget (95) but never fails the
// run: it depends on the machine's speed and load.
//   node scripts/bench-lighthouse.mjs [--dir dist] [--runs 1] [--path ./?view=compare]   (--path: one view only)
import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM, CHROMIUM_FLAGS } from "./chromium.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = option("dir", "dist");
const runs = Number(option("runs", 1));
const port = 8094;
const VIEWS = [
  ["start page", "./"],
  ["list, one plan", "./?plan=kita-dx2025"],
  ["plan view", "./?plan=kita-dx2025&view=tree"],
  ["a measure", "./?measure=kita-dx2025.m1-1-1-1"],
  ["timeline", "./?plan=kita-dx2025&view=timeline"],
  ["compare", "./?view=compare"],
  // A link to one plan's simulation: its answer from the record; the what-if loads when asked for.
  ["simulation, one plan", "./?plan=itabashi-ict2025&view=sim"],
  // A link that carries a scenario starts the staff bundle, which draws the what-if at once.
  ["simulation, a scenario (staff)", "./?plan=itabashi-ict2025&view=sim&model=pace"],
  ["embed, one policy", "./?plan=kita-dx2025&policy=kita-dx2025.p1-1&embed=1"],
];
const views = option("path", null) ? [[option("path"), option("path")]] : VIEWS;
const CATEGORIES = [
  ["performance", 95, false],
  ["accessibility", 100, true],
  ["best-practices", 100, true],
];

const server = spawn("node", ["scripts/serve.mjs", "--dir", dir, "--port", String(port), "--compress"], { stdio: "ignore" });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: CHROMIUM_FLAGS,
});
const results = [];
const problems = new Map();
try {
  const base = `http://127.0.0.1:${port}/`;
  // The server is up once it answers.
  while (!(await fetch(base).then((r) => r.ok, () => false))) await new Promise((r) => setTimeout(r, 100));
  // Every file once before measuring, so that the server has compressed it (scripts/serve.mjs), as a web
  // server serving precompressed files would have: no view pays for compressing what it loads.
  for (const file of readdirSync(dir, { recursive: true })) {
    if (statSync(join(dir, file)).isFile()) await fetch(new URL(file.split(sep).join("/"), base), { headers: { "Accept-Encoding": "br" } }).then((r) => r.arrayBuffer());
  }
  for (const [name, path] of views) {
    const url = new URL(path, base).href;
    const scores = Object.fromEntries(CATEGORIES.map(([id]) => [id, []]));
    for (let run = 1; run <= runs; run++) {
      const { lhr } = await lighthouse(url, { port: chrome.port, logLevel: "error", onlyCategories: CATEGORIES.map(([id]) => id) });
      if (lhr.runtimeError) throw new Error(`Lighthouse, ${name}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      for (const [id] of CATEGORIES) {
        const category = lhr.categories[id];
        scores[id].push(Math.round(category.score * 100));
        // Audits that cost points, with their details (which console error, which element).
        for (const ref of category.auditRefs.filter((r) => r.weight > 0)) {
          const audit = lhr.audits[ref.id];
          if (audit.score === null || audit.score >= 1 || id === "performance") continue;
          const describe = (item) => (item.node ? `${item.node.selector} ${item.node.snippet}` : item.description || item.source || JSON.stringify(item));
          const items = (audit.details?.items || []).map((item) => describe(item).slice(0, 200));
          problems.set(`${name}, ${id}: ${audit.id} (${audit.title})`, items);
        }
      }
      const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];
      console.log(`${name} (${path}), run ${run}: ${CATEGORIES.map(([id]) => `${id} ${scores[id].at(-1)}`).join(", ")}`);
      console.log(`       ${metrics.map((m) => `${m} ${lhr.audits[m].displayValue}`).join(", ")}`);
    }
    results.push([name, scores]);
  }
} finally {
  await chrome.kill();
  server.kill();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`\nLighthouse, ${runs} run(s) per view, mobile defaults (${dir}, compressed); budgets: ${CATEGORIES.map(([id, b]) => `${id} ${b}`).join(", ")}`);
console.log("view".padEnd(32), ...CATEGORIES.map(([id]) => id.padStart(15)));
let failed = false;
for (const [name, scores] of results) {
  const cells = CATEGORIES.map(([id, budget, gated]) => {
    const m = median(scores[id]);
    if (gated && m < budget) failed = true;
    return `${m}${m < budget ? (gated ? " UNDER" : " under") : ""}`.padStart(15);
  });
  console.log(name.padEnd(32), ...cells);
}
console.log("(performance is reported, not gated; accessibility and best practices under 100 fail the run)");
for (const [audit, items] of problems) {
  const more = items.length > 10 ? [`... and ${items.length - 10} more`] : [];
  console.log(`\nlost points, ${audit}${items.length ? ":\n  " + [...items.slice(0, 10), ...more].join("\n  ") : ""}`);
}
if (failed) process.exit(1);
