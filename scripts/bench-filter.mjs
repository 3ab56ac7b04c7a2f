// Times a search keystroke or a filter change to the updated list, in headless Chromium against the
// release build: on the real dataset and on one 100 times larger (`plan-data synth`: every plan copied
// under a made-up municipality). Prints median and max per case; budgets are PRODUCT.md §6 (16 ms real, 50 ms at 100x).
// Figures only: a slow run is reported, never a test failure.
//   node scripts/bench-filter.mjs [--dir dist] [--factor 100]
import { launch, serve } from "./chromium.mjs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = option("dir", "dist");
const factor = Number(option("factor", 100));
const port = 8093;

/** The data/ folder of a dataset `times` larger, written by the data tool (docs/TESTING.md, Data at scale). */
function synthesize(times) {
  const out = mkdtempSync(join(tmpdir(), "plan-synth-"));
  execFileSync("cargo", ["run", "--release", "--locked", "-q", "-p", "plan-data", "--", "synth", "--factor", String(times), "--out", out], { stdio: ["ignore", "ignore", "inherit"] });
  return out;
}

async function timeUpdate(page, action) {
  return page.evaluate(async (action) => {
    const list = document.querySelector(".content") || document.body;
    const done = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(list, { childList: true, subtree: true, characterData: true });
    });
    const start = performance.now();
    if (action.kind === "type") {
      const input = document.getElementById("search-input");
      input.value = action.value;
      input.dispatchEvent(new InputEvent("input", { bubbles: true }));
    } else {
      const select = document.getElementById(action.id);
      select.value = action.value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }
    return (await done) - start;
  }, action);
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], max: s[s.length - 1], n: s.length };
};

async function run(page, label, budget, body) {
  await page.goto(`http://127.0.0.1:${port}/?view=list`);
  await page.locator(".result-count").waitFor();
  const measures = await page.evaluate(() => document.querySelector(".result-count").textContent);
  const word = "マイナンバーカード";
  const times = [];
  for (let round = 0; round < 3; round++) {
    for (let i = 1; i <= word.length; i++) times.push(await timeUpdate(page, { kind: "type", value: word.slice(0, i) }));
    for (let i = word.length - 1; i >= 0; i--) times.push(await timeUpdate(page, { kind: "type", value: word.slice(0, i) }));
    for (const year of ["2022", "2026", ""]) times.push(await timeUpdate(page, { kind: "select", id: "facet-year", value: year }));
  }
  const { median, max, n } = stats(times);
  const verdict = median <= budget ? "within" : "OVER";
  console.log(`${label.padEnd(34)} ${measures.padEnd(22)} n=${n} median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms (budget ${budget} ms: ${verdict})`);
  return Number(measures.match(/\d+/)[0]);
}

const server = await serve(dir, port);
const browser = await launch();
try {
  // The list across plans reads the overview (src/app.rs): the large run is served a larger one.
  const synth = synthesize(factor);
  // The service worker would answer from its cache, past page.route(): measure without it.
  const page = await browser.newPage({ serviceWorkers: "block" });
  console.log("keystroke / filter change -> updated list (headless Chromium, release build)");
  const measures = await run(page, "real dataset", 16);
  const large = readFileSync(join(synth, "plans-overview.json"), "utf8");
  rmSync(synth, { recursive: true });
  await page.route("**/data/plans-overview.json", (route) => route.fulfill({ contentType: "application/json", body: large }));
  const enlarged = await run(page, `${factor}x synthetic dataset`, 50);
  // Not a timing check: a run on the wrong data would report figures that mean nothing.
  if (enlarged !== measures * factor) throw new Error(`the large run listed ${enlarged} measures, not ${measures * factor}`);
} finally {
  await browser.close();
  server.kill();
}
