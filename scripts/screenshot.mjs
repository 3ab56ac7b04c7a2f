// Refreshes docs/screenshot.png (the README's picture) from the built site.
//   node scripts/serve.mjs --port 8092 & node scripts/screenshot.mjs http://127.0.0.1:8092/
import { chromium } from "@playwright/test";

const url = process.argv[2] || "http://127.0.0.1:8080/";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
await page.goto(url);
await page.locator("[data-measure-id]").first().waitFor();
await page.screenshot({ path: process.argv[3] || "docs/screenshot.png" });
await browser.close();
