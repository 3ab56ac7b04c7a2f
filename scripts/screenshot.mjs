// Refreshes docs/screenshot.png (the README's picture) from the built site.
//   node scripts/serve.mjs --port 8092 & node scripts/screenshot.mjs http://127.0.0.1:8092/
import { launch } from "./chromium.mjs";

const url = process.argv[2] || "http://127.0.0.1:8080/";
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
await page.goto(url);
// The start page lists plans; the other views list measures.
await page.locator("[data-plan-id], [data-measure-id]").first().waitFor();
await page.screenshot({ path: process.argv[3] || "docs/screenshot.png" });
await browser.close();
