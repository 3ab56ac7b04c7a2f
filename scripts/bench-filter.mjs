// Times, in headless Chromium against the release build, on the real dataset and on datasets made larger by
// `plan-data synth` (served as the site's data/, docs/TESTING.md, Data at scale):
// - a search keystroke or a filter change to the updated list across plans, once the files the words need
//   are loaded (median and max; budgets from issue 17: 8 ms at 1x, 16 ms at 16x, 50 ms at 100x);
// - the first search of a fresh page across plans, from the keystroke to its first page of results shown,
//   including the files it downloads (budget 300 ms at 100x).
// Figures only: a slow run is reported, never a test failure.
//   node scripts/bench-filter.mjs [--dir dist] [--factors 16,100]   (--factors "": the real data only)
import { launch, serve } from "./chromium.mjs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = option("dir", "dist");
const factors = option("factors", "16,100").split(",").filter(Boolean).map(Number);
const port = 8093;
const KEYSTROKE_BUDGET = { 1: 8, 16: 16, 100: 50 };
const FIRST_SEARCH_BUDGET = 300;

/** The data/ folder of a dataset `times` larger, written by the data tool (docs/TESTING.md, Data at scale). */
function synthesize(times) {
  const out = mkdtempSync(join(tmpdir(), "plan-synth-"));
  execFileSync("cargo", ["run", "--release", "--locked", "-q", "-p", "plan-data", "--", "synth", "--factor", String(times), "--out", out], { stdio: ["ignore", "ignore", "inherit"] });
  return out;
}

/** Whether the list shows a count (not "searching") and no card is still loading. */
const settled = () => {
  const count = document.querySelector(".result-count")?.textContent || "";
  return /\d/.test(count) && !document.querySelector(".content p.status");
};

/** From the input or change event to the DOM change after which the list is settled. */
async function act(page, action) {
  return page.evaluate(
    async ({ action, settled }) => {
      const isSettled = new Function(`return (${settled})()`);
      const done = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (!isSettled()) return;
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(document.querySelector("main"), { childList: true, subtree: true, characterData: true });
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
    },
    { action, settled: settled.toString() },
  );
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], max: s[s.length - 1], n: s.length };
};

async function open(browser, url) {
  const page = await browser.newPage({ serviceWorkers: "block" });
  await page.goto(url);
  await page.locator(".result-count").waitFor();
  await page.waitForFunction(settled);
  return page;
}

async function run(browser, factor, data) {
  const server = await serve(dir, port, ...(data ? ["--data", data] : []));
  try {
    const url = `http://127.0.0.1:${port}/?view=list`;
    const word = "マイナンバーカード";
    let first = null;
    if (factor > 1) {
      const fresh = await open(browser, url);
      first = await act(fresh, { kind: "type", value: "子育て" });
      await fresh.close();
    }
    const page = await open(browser, url);
    const measures = await page.evaluate(() => document.querySelector(".result-count").textContent);
    // Once, so that the files the words need are here: then a keystroke is what the budget is about.
    for (let i = 1; i <= word.length; i++) await act(page, { kind: "type", value: word.slice(0, i) });
    const times = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 1; i <= word.length; i++) times.push(await act(page, { kind: "type", value: word.slice(0, i) }));
      for (let i = word.length - 1; i >= 0; i--) times.push(await act(page, { kind: "type", value: word.slice(0, i) }));
      for (const year of ["2022", "2026", ""]) times.push(await act(page, { kind: "select", id: "facet-year", value: year }));
    }
    await page.close();
    const { median, max, n } = stats(times);
    const budget = KEYSTROKE_BUDGET[factor];
    const verdict = budget ? ` (budget ${budget} ms: ${median <= budget ? "within" : "OVER"})` : "";
    console.log(`${`${factor}x`.padEnd(6)} ${measures.padEnd(24)} keystroke n=${n} median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms${verdict}`);
    if (first !== null) {
      const verdict = factor === 100 ? ` (budget ${FIRST_SEARCH_BUDGET} ms: ${first <= FIRST_SEARCH_BUDGET ? "within" : "OVER"})` : "";
      console.log(`${"".padEnd(6)} ${"".padEnd(24)} first search, files included: ${first.toFixed(0)} ms${verdict}`);
    }
    return Number(measures.match(/[\d,]+/)[0].replace(/,/g, ""));
  } finally {
    server.kill();
    await new Promise((r) => setTimeout(r, 300));
  }
}

const browser = await launch();
try {
  console.log("search keystroke / filter change -> updated list across plans (headless Chromium, release build)");
  const real = await run(browser, 1, null);
  for (const factor of factors) {
    const data = synthesize(factor);
    try {
      const listed = await run(browser, factor, data);
      // Not a timing check: a run on the wrong data would report figures that mean nothing.
      if (listed !== real * factor) throw new Error(`the ${factor}x run listed ${listed} measures, not ${real * factor}`);
    } finally {
      rmSync(data, { recursive: true });
    }
  }
} finally {
  await browser.close();
}
