// The service worker: after one visit the whole app works with the network off, and a new version is
// only taken when the user clicks the #update banner, whole (old and new files never mix). Each test
// serves its own copy of dist/, so that it can stop the server or change a file without touching the
// other tests.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect } from "./fixtures.mjs";
import { serve, tempSite } from "./servers.mjs";

test.use({ serviceWorkers: "allow" });

/** Waits until the service worker controls the page (after its install and activation). */
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null);
const cacheNames = (page) => page.evaluate(() => caches.keys());

/** Serves a copy of the site, visits its start page until the service worker controls it, then runs
 * `body(server, site)`; the server and the copy are gone afterwards. */
async function afterFirstVisit(page, body) {
  const site = tempSite(".");
  const server = await serve(site.dir);
  try {
    await page.goto(server.url);
    await expect(page.locator(".wards")).toBeVisible();
    await controlled(page);
    await body(server, site);
  } finally {
    await server.stop();
    site.remove();
  }
}

test("after one visit, every view works offline", async ({ page, context }) => {
  await afterFirstVisit(page, async (server) => {
    // Network off: the browser is offline, and the server is gone too, so nothing can come from it.
    await context.setOffline(true);
    await server.stop();

    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("区のDX計画エクスプローラー");
    await expect(page.locator('[data-plan-id="taito-dx2026"]')).toBeVisible();

    await page.goto(`${server.url}?view=list`);
    await expect(page.locator(".result-count")).toHaveText("145件の施策が見つかりました");

    await page.goto(`${server.url}?measure=taito-dx2026.t01`);
    await expect(page.locator("article.measure-detail")).toContainText("情報政策課");
    await page.locator("summary", { hasText: "出典と注記" }).click();
    await expect(page.locator("figure.source mark")).toContainText("取組1 行政手続きのオンライン化");

    await page.goto(`${server.url}?plan=itabashi-ict2025&view=tree`);
    await expect(page.locator(".tree")).toBeVisible();

    await page.goto(`${server.url}?view=compare`);
    await expect(page.locator("[data-theme-id]").first()).toBeVisible();
  });
});

test("the worker takes the first view's hashed files from the HTTP cache instead of downloading them again", async ({ page }) => {
  await afterFirstVisit(page, async (server) => {
    const count = (pattern) => server.requests.filter((request) => pattern.test(request)).length;
    // Downloaded once, by the page: the worker took them from the HTTP cache (scripts/serve.mjs lets the
    // browser keep hashed files, as docs/EMBED.md advises ward servers to).
    expect(count(/^GET \/plan-explorer-[0-9a-f]+_bg\.wasm$/)).toBe(1);
    expect(count(/^GET \/plan-explorer-[0-9a-f]+\.js$/)).toBe(1);
    expect(count(/^GET \/app-[0-9a-f]+\.css$/)).toBe(1);
    // Unhashed files could be stale in the HTTP cache, so the worker asks the server again.
    expect(count(/^GET \/data\/wards\.json$/)).toBe(2);
    // What the first view didn't need is downloaded once, by the worker.
    expect(count(/^GET \/staff-[0-9a-f]{16}_bg\.wasm$/)).toBe(1);
  });
});

test("a new version waits for the user's click, then replaces the old one whole", async ({ page }) => {
  await afterFirstVisit(page, async (server, site) => {
    const [oldCache] = await cacheNames(page);
    expect(oldCache).toMatch(/^plan-explorer-[0-9a-f]+$/);

    // A new build on the server: a new sw.js version, a changed page and changed data. The page and
    // the data are checked together below: both old, or both new, never one of each.
    const sw = join(site.dir, "sw.js");
    const oldVersion = oldCache.slice("plan-explorer-".length);
    writeFileSync(sw, readFileSync(sw, "utf8").replace(`"${oldVersion}"`, '"0000000000000new"'));
    const html = join(site.dir, "index.html");
    writeFileSync(html, readFileSync(html, "utf8").replace("<head>", '<head>\n  <meta name="build" content="new">'));
    const index = join(site.dir, "data/wards/0.json");
    writeFileSync(index, readFileSync(index, "utf8").replace("板橋区DX推進計画2025", "板橋区DX推進計画2025（新版）"));
    const build = async () => {
      const shell = (await page.locator('meta[name="build"]').count()) ? "new" : "old";
      const data = (await page.locator('[data-plan-id="itabashi-dx2025"]').textContent()).includes("（新版）") ? "new" : "old";
      return `page ${shell}, data ${data}`;
    };

    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const banner = page.locator("#update");
    // The new version is offered once it has precached the whole build, about 1,100 files with the
    // English word files (ARCHITECTURE.md, Decisions): several seconds on this machine.
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(banner).toContainText("新しいバージョンがあります");

    // Until the click, a reload still gets the old version whole, and the offer stays.
    await page.reload();
    await expect(page.locator('[data-plan-id="itabashi-dx2025"]')).toBeVisible();
    expect(await build()).toBe("page old, data old");
    await expect(banner).toBeVisible();

    await Promise.all([page.waitForEvent("load"), banner.getByRole("button").click()]);
    await expect(page.locator('[data-plan-id="itabashi-dx2025"]')).toBeVisible();
    expect(await build()).toBe("page new, data new");
    await expect(banner).toBeHidden();
    expect(await cacheNames(page)).toEqual(["plan-explorer-0000000000000new"]);
  });
});
