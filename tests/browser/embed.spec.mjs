// Embedding in a ward's page, with the code the app's 「埋め込みコード」 tool gives (so the snippet is
// tested too), under a strict Content-Security-Policy on the host page (docs/EMBED.md): from another
// origin, and under a sub-path of the ward's own origin. The embedded view is compact, shows the view it
// was made from, links to the full app, and (with embed.js) takes its content's height, believing only
// messages from its own frame.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test, expect, openStaffTools } from "./fixtures.mjs";
import { serve, tempSite } from "./servers.mjs";

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** The embed code of the app at `appUrl` for the list of one plan, as the toolbar shows it. */
async function snippet(page, appUrl, plan) {
  await page.goto(`${appUrl}?plan=${plan}`);
  await openStaffTools(page);
  await page.getByText("埋め込みコード").click();
  const code = await page.locator("#embed-snippet").inputValue();
  expect(code).toContain(`src="${appUrl}?`);
  expect(code).toContain(`<script src="${appUrl}embed.js"></script>`);
  return code;
}

/** Writes a ward's page at `dir`/index.html with the snippet under the given CSP, with a style sheet as
 * ward sites have (a border-box reset, a framed iframe) and an icon (else the browser asks for a
 * favicon.ico that isn't there). */
function hostPage(dir, csp, code) {
  writeFileSync(join(dir, "icon.svg"), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
  writeFileSync(join(dir, "host.css"), "*, *::before, *::after { box-sizing: border-box; }\niframe { border: 3px solid #767676; padding: 2px; }\n");
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="icon" href="icon.svg">
<link rel="stylesheet" href="host.css">
<title>区のホームページ</title>
</head>
<body>
<h1>区のDX推進計画</h1>
${code}
<p>ページの終わり</p>
</body>
</html>
`,
  );
}

/** Checks the embedded view of taito-dx2026's list, and that its link opens the full app in a new tab. */
async function checkEmbeddedList(page, appUrl) {
  const frame = page.frameLocator("iframe[data-plan-explorer]");
  await expect(frame.locator("[data-measure-id]")).toHaveCount(27);
  await expect(frame.locator("main.embed")).toBeVisible();
  for (const absent of [".site-header", ".search", "input[type=search]", ".sidebar", "#facet-dept", ".toolbar", ".tabs"]) {
    await expect(frame.locator(absent), `${absent} in the embedded view`).toHaveCount(0);
  }
  const full = frame.getByRole("link", { name: "全体を見る" });
  await expect(full).toHaveAttribute("target", "_blank");
  const [tab] = await Promise.all([page.context().waitForEvent("page"), full.click()]);
  await tab.waitForLoadState();
  const url = new URL(tab.url());
  expect(`${url.origin}${url.pathname}`).toBe(appUrl);
  expect(url.searchParams.get("plan")).toBe("taito-dx2026");
  expect(url.searchParams.has("embed")).toBe(false);
  await expect(tab.locator(".site-header")).toBeVisible();
  await expect(tab.locator("[data-measure-id]")).toHaveCount(27);
  await tab.close();
}

/** The iframe's height on the host page, the height of its viewport, and the height of the content in it. */
async function heights(page) {
  const outer = await page.locator("iframe[data-plan-explorer]").evaluate((f) => f.getBoundingClientRect().height);
  const [viewport, content] = await page
    .frameLocator("iframe[data-plan-explorer]")
    .locator("html")
    .evaluate((html) => [window.innerHeight, Math.ceil(html.getBoundingClientRect().height)]);
  return { outer, viewport, content };
}
/** True when the frame's viewport is exactly its content: no inner scroll bar, no blank space below. */
const fits = async (page) => {
  const h = await heights(page);
  return h.viewport === h.content;
};

test("embeds in a page of another origin under a strict CSP", async ({ page, baseURL }) => {
  const host = tempSite();
  const server = await serve(host.dir);
  try {
    const app = new URL(baseURL).origin;
    // What a host page needs beyond its own CSP: the app's origin for the frame and for embed.js.
    const csp = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${app}; style-src 'self'; frame-src ${app}`;
    hostPage(host.dir, csp, await snippet(page, baseURL, "taito-dx2026"));
    await page.goto(server.url);
    await checkEmbeddedList(page, baseURL);
    // embed.js believes the frame's messages although they come from another origin than the page's.
    await expect.poll(() => fits(page)).toBe(true);
  } finally {
    await server.stop();
    host.remove();
  }
});

test.describe("a ward hosting the app under a sub-path of its own origin", () => {
  let site;
  let server;
  test.beforeAll(async () => {
    site = tempSite("plan-explorer");
    server = await serve(site.dir);
  });
  test.afterAll(async () => {
    await server.stop();
    site.remove();
  });

  test("embeds with exactly the strict CSP", async ({ page }) => {
    const appUrl = `${server.url}plan-explorer/`;
    hostPage(site.dir, CSP, await snippet(page, appUrl, "taito-dx2026"));
    await page.goto(server.url);
    await checkEmbeddedList(page, appUrl);
  });

  test("a measure opened from far down the host page shows its top (issue 13)", async ({ page }) => {
    const appUrl = `${server.url}plan-explorer/`;
    const dir = join(site.dir, "top");
    mkdirSync(dir, { recursive: true });
    hostPage(dir, CSP, await snippet(page, appUrl, "taito-dx2026"));
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.url}top/`);
    const frame = page.frameLocator("iframe[data-plan-explorer]");
    await expect(frame.locator("[data-measure-id]")).toHaveCount(27);
    await expect.poll(() => fits(page)).toBe(true);
    const last = frame.locator("[data-measure-id]").last().locator("a").first();
    await last.scrollIntoViewIfNeeded();
    const frameTop = () => page.locator("iframe[data-plan-explorer]").evaluate((f) => f.getBoundingClientRect().top);
    expect(await frameTop()).toBeLessThan(-1000);
    await last.click();
    await expect(frame.locator("article.measure-detail")).toBeVisible();
    await expect.poll(frameTop).toBeGreaterThan(-1);
    expect(await frameTop()).toBeLessThan(100);
  });

  test("embed.js gives the frame its content's height, and ignores messages from elsewhere", async ({ page }) => {
    const appUrl = `${server.url}plan-explorer/`;
    const dir = join(site.dir, "resize");
    mkdirSync(dir, { recursive: true });
    hostPage(dir, CSP, await snippet(page, appUrl, "taito-dx2026"));
    await page.goto(`${server.url}resize/`);
    const frame = page.frameLocator("iframe[data-plan-explorer]");
    await expect(frame.locator("[data-measure-id]")).toHaveCount(27);
    // 27 measures are far taller than the snippet's 600 px: the frame grows to the content.
    await expect.poll(async () => (await heights(page)).content).toBeGreaterThan(1200);
    await expect.poll(() => fits(page)).toBe(true);

    // A shorter page in the frame: the frame shrinks to it.
    const tall = (await heights(page)).outer;
    await frame.locator('[data-measure-id="taito-dx2026.t01"] a').first().click();
    await expect(frame.locator("article.measure-detail")).toBeVisible();
    await expect.poll(async () => (await heights(page)).outer).toBeLessThan(tall);
    await expect.poll(() => fits(page)).toBe(true);

    // A message that claims to be a resize but comes from the host page itself changes nothing. The
    // second listener runs after embed.js's, so when it fires embed.js has seen the message.
    const before = (await heights(page)).outer;
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          window.addEventListener("message", (e) => e.data?.fake && resolve());
          window.postMessage({ type: "plan-explorer:resize", height: 150, fake: true }, "*");
        }),
    );
    expect((await heights(page)).outer).toBe(before);
  });
});
