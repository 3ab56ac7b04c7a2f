// Times the simulation in headless Chromium: from a change of the random seed to the updated results
// (10,000 draws over every numeric indicator of the dataset, then rendering). Figures only.
//   node scripts/bench-sim.mjs [--dir dist]
import { launch, serve } from "./chromium.mjs";

const dir = process.argv.includes("--dir") ? process.argv[process.argv.indexOf("--dir") + 1] : "dist";
const port = 8096;
const server = await serve(dir, port);
const browser = await launch();
try {
  // The service worker would answer from its cache, past page.route(): measure without it.
  const page = await browser.newPage({ serviceWorkers: "block" });
  await page.goto(`http://127.0.0.1:${port}/?view=sim&draws=10000`);
  await page.locator(".sim-table tbody tr").first().waitFor();
  const times = [];
  for (let seed = 2; seed <= 12; seed++) {
    times.push(
      await page.evaluate(async (seed) => {
        const input = document.getElementById("sim-seed");
        const table = document.querySelector(".sim-table");
        const done = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (!document.querySelector(".sim-table") || document.querySelector(".sim-table") === table) return;
            observer.disconnect();
            resolve(performance.now());
          });
          observer.observe(document.querySelector(".content"), { childList: true, subtree: true });
        });
        const start = performance.now();
        input.value = String(seed);
        input.dispatchEvent(new Event("change", { bubbles: true }));
        return (await done) - start;
      }, seed),
    );
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`simulation, 10,000 draws, every plan (headless Chromium): median ${median.toFixed(1)} ms, min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)} (n=${times.length}; includes one frame's wait and re-rendering; budget 100 ms: ${median <= 100 ? "within" : "OVER"})`);
} finally {
  await browser.close();
  server.kill();
}
