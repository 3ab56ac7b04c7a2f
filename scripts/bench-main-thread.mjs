// What blocks the main thread while a view loads on a phone, from a real trace rather than Lighthouse's
// simulation (whose blocking time moves by ±300 ms between runs on this machine, README, Speed): each view
// is opened at 360 × 740 in headless Chromium with the CPU slowed down 4 times (Lighthouse's phone), traced
// until it has been still for 3 s, and every task of the page's main thread is read from the trace.
// Prints per view: the tasks over 50 ms, their time beyond 50 ms (as total blocking time counts it), the
// longest task, and the time spent in layout and style. Median of --runs (3). Figures only, never a failure.
//   node scripts/bench-main-thread.mjs [--dir dist] [--runs 3] [--path "./?view=compare"]
import { launch, serve } from "./chromium.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = option("dir", "dist");
const runs = Number(option("runs", 3));
const port = 8086;
const VIEWS = [
  ["list, one plan", "./?plan=kita-dx2025"],
  ["timeline, one plan", "./?plan=kita-dx2025&view=timeline"],
  ["compare", "./?view=compare"],
  ["simulation (staff bundle)", "./?plan=itabashi-ict2025&view=sim"],
];
const views = option("path", null) ? [[option("path"), option("path")]] : VIEWS;
const SLOWDOWN = 4;
const LONG_MS = 50;

async function trace(browser, url) {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: SLOWDOWN });
  const events = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
  const done = new Promise((resolve) => cdp.on("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", { traceConfig: { includedCategories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] } });
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  // Still for 3 s: no task over 50 ms starts in that time.
  let quietSince = Date.now();
  await page.evaluate(() => {
    window.lastLongTask = performance.now();
    new PerformanceObserver((list) => list.getEntries().forEach(() => (window.lastLongTask = performance.now()))).observe({ type: "longtask" });
  });
  while (Date.now() - quietSince < 3000) {
    await page.waitForTimeout(500);
    const sinceLong = await page.evaluate(() => performance.now() - window.lastLongTask);
    if (sinceLong < 3000) quietSince = Date.now() - sinceLong;
  }
  await cdp.send("Tracing.end");
  await done;
  await page.close();
  const main = events.find((e) => e.name === "thread_name" && e.args.name === "CrRendererMain");
  const onMain = (e) => e.ph === "X" && e.pid === main.pid && e.tid === main.tid;
  const tasks = events.filter((e) => onMain(e) && e.name === "RunTask").map((e) => e.dur / 1000);
  const long = tasks.filter((ms) => ms > LONG_MS);
  const layout = events.filter((e) => onMain(e) && (e.name === "Layout" || e.name === "UpdateLayoutTree")).reduce((sum, e) => sum + e.dur / 1000, 0);
  return { long: long.length, blocking: long.reduce((sum, ms) => sum + ms - LONG_MS, 0), longest: Math.max(0, ...tasks), layout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serve(dir, port, "--compress");
const browser = await launch();
try {
  console.log(`main thread while each view loads, 360 × 740, CPU ${SLOWDOWN}× slower, median of ${runs} (${dir})`);
  console.log("view".padEnd(28), "tasks > 50 ms".padStart(14), "beyond 50 ms".padStart(13), "longest".padStart(9), "layout+style".padStart(13));
  for (const [name, path] of views) {
    const results = [];
    for (let run = 0; run < runs; run++) results.push(await trace(browser, new URL(path, `http://127.0.0.1:${port}/`).href));
    const ms = (key) => `${Math.round(median(results.map((r) => r[key])))} ms`;
    console.log(name.padEnd(28), String(median(results.map((r) => r.long))).padStart(14), ms("blocking").padStart(13), ms("longest").padStart(9), ms("layout").padStart(13));
  }
} finally {
  await browser.close();
  server.kill();
}
