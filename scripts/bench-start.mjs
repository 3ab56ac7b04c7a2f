// The blocking time of each first view as it starts: in headless Chromium at Lighthouse's 4x CPU slowdown,
// the sum over the page's long tasks (Long Tasks API) of what each lasts beyond 50 ms, from the page's
// start until its view is shown and the network is quiet, and the longest of those tasks (how long a tap
// could wait). The median of --runs loads per view; with
// several --dir, the builds take turns, view by view, so that they share the machine's moods.
// --no-lazy starts Chromium with V8's lazy compilation of wasm off (each function is otherwise compiled on
// the page's thread when first called): what that compiling costs (README, Speed).
//   node scripts/bench-start.mjs [--dir dist]... [--runs 7] [--no-lazy] [--path "?plan=kita-dx2025"]
import { chromium } from "@playwright/test";
import { CHROMIUM, CHROMIUM_FLAGS, serve } from "./chromium.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dirs = args.flatMap((a, i) => (a === "--dir" ? [args[i + 1]] : []));
if (!dirs.length) dirs.push("dist");
const runs = Number(option("runs", 7));
// [name, query, what shows the view is there]: the views scripts/bench-lighthouse.mjs scores.
const VIEWS = [
  ["start page", "", "[data-plan-id]"],
  ["list, one plan", "?plan=kita-dx2025", "[data-measure-id]"],
  ["plan view", "?plan=kita-dx2025&view=tree", ".plan-tree"],
  ["a measure", "?measure=kita-dx2025.m1-1-1-1", "article.measure-detail"],
  ["timeline", "?plan=kita-dx2025&view=timeline", "[data-measure-id]"],
  ["compare", "?view=compare", "[data-theme-id]"],
  ["simulation, one plan", "?plan=itabashi-ict2025&view=sim", ".outlook-answer"],
  ["simulation, a scenario (staff bundle)", "?plan=itabashi-ict2025&view=sim&model=pace", ".sim-table"],
  ["embed, one policy", "?plan=kita-dx2025&policy=kita-dx2025.p1-1&embed=1", "[data-measure-id]"],
];
const views = option("path", null) ? VIEWS.filter(([, query]) => query === option("path")) : VIEWS;
if (!views.length) throw new Error(`no view has the path ${option("path")}`);

const flags = args.includes("--no-lazy") ? ["--js-flags=--no-wasm-lazy-compilation"] : [];
const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS, ...flags] });
const servers = await Promise.all(dirs.map((dir, i) => serve(dir, 8070 + i)));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  console.log(`blocking time as each view starts (ms, 4x CPU slowdown${flags.length ? ", lazy wasm compilation off" : ""}), ${runs} runs`);
  for (const [name, query, ready] of views) {
    const blocking = dirs.map(() => []);
    const longest = dirs.map(() => []);
    for (let run = 0; run < runs; run++) {
      for (const [i] of dirs.entries()) {
        const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 412, height: 823 } });
        const page = await context.newPage();
        await page.addInitScript(() => {
          window.longTasks = [];
          new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask", buffered: true });
        });
        const cdp = await context.newCDPSession(page);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
        await page.goto(`http://127.0.0.1:${8070 + i}/${query}`);
        await page.locator(ready).first().waitFor({ timeout: 60000 });
        await page.waitForLoadState("networkidle");
        const tasks = await page.evaluate(() => window.longTasks);
        blocking[i].push(Math.round(tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0)));
        longest[i].push(Math.round(Math.max(0, ...tasks)));
        await context.close();
      }
    }
    for (const [i, dir] of dirs.entries()) {
      console.log(`${name}${dirs.length > 1 ? ` (${dir})` : ""}:`.padEnd(44), `median ${median(blocking[i])}`.padEnd(12), `longest ${median(longest[i])}`.padEnd(13), `runs ${blocking[i].join(", ")}`);
    }
  }
} finally {
  await browser.close();
  for (const server of servers) server.kill();
}
