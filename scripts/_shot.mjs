import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
const [dir, port, out, ...pairs] = process.argv.slice(2);
const server = spawn("node", ["scripts/serve.mjs", "--dir", dir, "--port", port], { stdio: "ignore" });
await new Promise(r => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
for (let i = 0; i < pairs.length; i += 4) {
  const [name, q, w, h] = pairs.slice(i, i + 4);
  const page = await browser.newPage({ viewport: { width: +w, height: +h } });
  await page.goto(`http://127.0.0.1:${port}/${q}`);
  await page.waitForTimeout(1500);
  const info = await page.evaluate(() => { const h = document.querySelector('.site-header'); const c = document.querySelector('.content h2, article h2, .result-count'); return { header: h?.getBoundingClientRect().height, content: c?.getBoundingClientRect().y, width: document.documentElement.scrollWidth }; });
  console.log(name, JSON.stringify(info));
  await page.screenshot({ path: `${out}-${name}.png` });
  await page.close();
}
await browser.close(); server.kill();
