// Times the simulation in headless Chromium: from a change of the random seed to the updated results
// (every numeric indicator of the dataset, then rendering), and how long the page went without answering
// meanwhile: the longest wait of a zero-delay timer started with the change, which is how long a tap or a
// key would have waited. At 10,000 draws (the default) and 100,000 (the most the URL allows). Figures only.
//   node scripts/bench-sim.mjs [--dir dist]
import { launch, serve } from "./chromium.mjs";

const dir = process.argv.includes("--dir") ? process.argv[process.argv.indexOf("--dir") + 1] : "dist";
const port = 8096;
const server = await serve(dir, port);
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  for (const [draws, runs] of [[10000, 11], [100000, 3]]) {
    // The service worker would answer from its cache, past page.route(): measure without it.
    const page = await browser.newPage({ serviceWorkers: "block" });
    await page.goto(`http://127.0.0.1:${port}/?view=sim&draws=${draws}`);
    await page.locator(".sim-table tbody tr").first().waitFor({ timeout: 60000 });
    const times = [];
    const waits = [];
    for (let seed = 2; seed < 2 + runs; seed++) {
      const [time, wait] = await page.evaluate(async (seed) => {
        const input = document.getElementById("sim-seed");
        const table = document.querySelector(".sim-table");
        let done = false;
        let longest = 0;
        let last = performance.now();
        const tick = () => {
          const now = performance.now();
          longest = Math.max(longest, now - last);
          last = now;
          if (!done) setTimeout(tick, 0);
        };
        const finished = new Promise((resolve) => {
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
        setTimeout(tick, 0);
        const end = await finished;
        // The drawing of the results is a wait too: measured up to the next turn after it.
        await new Promise((resolve) => setTimeout(resolve, 0));
        done = true;
        return [end - start, longest];
      }, seed);
      times.push(time);
      waits.push(wait);
    }
    await page.close();
    const ms = (x) => `${x.toFixed(1)} ms`;
    console.log(
      `simulation, ${draws.toLocaleString("en")} draws, every plan (headless Chromium, n=${runs}): to the results median ${ms(median(times))} (${ms(Math.min(...times))}–${ms(Math.max(...times))}), page not answering for at most ${ms(median(waits))} (median of the longest waits)` +
        (draws === 10000 ? `; budget 100 ms to the results: ${median(times) <= 100 ? "within" : "OVER"}` : ""),
    );
  }
} finally {
  await browser.close();
  server.kill();
}
