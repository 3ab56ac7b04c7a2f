// Lighthouse gate (PRODUCT.md §6) on the release build, served compressed as a web server would: the start
// page, three runs with Lighthouse's mobile defaults (emulated phone, simulated slow 4G and CPU slowdown),
// in Debian's Chromium. Prints the median score of each category and what kept a score under 100.
// Exits 1 when the median accessibility or best-practices score is under 100. Performance is reported
// against its budget (95) but never fails the run: it depends on the machine's speed.
//   node scripts/bench-lighthouse.mjs [--dir dist] [--runs 3] [--path ./]
import { spawn } from "node:child_process";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM, CHROMIUM_FLAGS } from "./chromium.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = option("dir", "dist");
const runs = Number(option("runs", 3));
const port = 8094;
const url = new URL(option("path", "./"), `http://127.0.0.1:${port}/`).href;
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
const scores = Object.fromEntries(CATEGORIES.map(([id]) => [id, []]));
const problems = new Map();
try {
  // The server is up once it answers.
  while (!(await fetch(url).then((r) => r.ok, () => false))) await new Promise((r) => setTimeout(r, 100));
  for (let run = 1; run <= runs; run++) {
    const { lhr } = await lighthouse(url, { port: chrome.port, logLevel: "error", onlyCategories: CATEGORIES.map(([id]) => id) });
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const line = [];
    for (const [id] of CATEGORIES) {
      const category = lhr.categories[id];
      scores[id].push(Math.round(category.score * 100));
      line.push(`${id} ${Math.round(category.score * 100)}`);
      // Audits that cost points, with their details (which console error, which element).
      for (const ref of category.auditRefs.filter((r) => r.weight > 0)) {
        const audit = lhr.audits[ref.id];
        if (audit.score === null || audit.score >= 1 || id === "performance") continue;
        const describe = (item) => (item.node ? `${item.node.selector} ${item.node.snippet}` : item.description || item.source || JSON.stringify(item));
        const items = (audit.details?.items || []).map((item) => describe(item).slice(0, 200));
        problems.set(`${id}: ${audit.id} (${audit.title})`, items);
      }
    }
    console.log(`run ${run}: ${line.join(", ")}`);
    const metrics = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"];
    console.log(`       ${metrics.map((m) => `${m} ${lhr.audits[m].displayValue}`).join(", ")}`);
  }
} finally {
  await chrome.kill();
  server.kill();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`\nLighthouse ${runs} runs, mobile defaults, ${url} (${dir}, compressed)`);
let failed = false;
for (const [id, budget, gated] of CATEGORIES) {
  const m = median(scores[id]);
  const within = m >= budget;
  if (gated && !within) failed = true;
  console.log(`${id.padEnd(16)} median ${String(m).padStart(3)}  budget ${budget}: ${within ? "within" : "UNDER"}${gated ? "" : " (reported, not gated)"}`);
}
for (const [audit, items] of problems) {
  const more = items.length > 10 ? [`... and ${items.length - 10} more`] : [];
  console.log(`\nlost points, ${audit}${items.length ? ":\n  " + [...items.slice(0, 10), ...more].join("\n  ") : ""}`);
}
if (failed) process.exit(1);
