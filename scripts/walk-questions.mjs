// The eight-question walk of issue 13, scripted, against a served build:
//   node scripts/serve.mjs --dir dist --port 8099 &  then  node scripts/walk-questions.mjs http://127.0.0.1:8099/
// Prints one row per question: words typed, taps, where the answer is (document y, px; — when it shows
// without scrolling to it), and the answer. Run on demand; not a test (the tests pin each point).
// Each question starts where a resident starts (the start page, or the page the question is about), at
// 360 x 740; a tap is a click or a choice.
import { launch } from "./chromium.mjs";
const base = process.argv[2];
const browser = await launch();
const results = [];
async function ask(name, fn) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: "block" });
  const page = await ctx.newPage();
  const s = { taps: 0, typed: 0, answer: "", y: null };
  const tap = async (loc) => { await loc.first().click({ timeout: 5000 }); s.taps++; await page.waitForTimeout(900); };
  const type = async (text) => {
    const box = page.getByRole("searchbox").first();
    await box.fill(text); s.typed++; await page.waitForTimeout(1200);
  };
  const at = async (loc) => (s.y = Math.round(await loc.first().evaluate((e) => e.getBoundingClientRect().top + window.scrollY)));
  const all = async () => { while (await page.locator("button.more").count()) await tap(page.locator("button.more")); };
  try { await fn(page, s, { tap, type, at, all }); } catch (e) { s.answer ||= `not answered (${e.message.split("\n")[0].slice(0, 80)})`; }
  results.push([name, s]);
  await ctx.close();
}
const plans = await (await fetch(base + "data/plans.json")).json();
const UNDER_CHILDCARE = plans.plans.find((p) => p.id === "kita-dx2025").measures
  .filter((m) => m.policies.some((l) => l.policy === "kita-dx2025.p1-2-3" && l.role === "primary")).map((m) => m.id);
const go = async (page, q = "") => { await page.goto(base + q); await page.waitForTimeout(2000); };

await ask("1 北区の子育ての施策は？ (子育て・教育DXの7事業)", async (page, s, { type, all }) => {
  await go(page); await type("子育て"); await all();
  const ids = await page.locator("[data-measure-id]").evaluateAll((els) => els.map((e) => e.dataset.measureId));
  const found = UNDER_CHILDCARE.filter((id) => ids.includes(id)).length;
  s.answer = `北区 ${found} of the ${UNDER_CHILDCARE.length} under 子育て・教育DX; ${ids.length} results in all`;
});
await ask("2 オンライン申請はどの区が？", async (page, s, { type, all }) => {
  await go(page); await type("オンライン申請"); await all();
  const wards = await page.locator(".measure-plan").evaluateAll((els) => [...new Set(els.map((e) => e.textContent.split(" · ")[0].trim()))]);
  s.answer = `${wards.join("、") || "none"}`;
});
await ask("3 台東区の業務削減時間の目標は？", async (page, s, { type, tap, at }) => {
  await go(page); await type("業務削減");
  const n = await page.locator("[data-measure-id]").count();
  if (!n) { s.answer = "no result"; return; }
  await tap(page.locator(".found-through a"));
  await tap(page.locator("details.policy-indicators summary"));
  const figure = page.getByText("9,300時間/年");
  await figure.first().waitFor({ timeout: 3000 });
  await at(figure); s.answer = "9,300時間/年 (printed, as a note)";
});
await ask("4 北区 電子申請の推進、今年度は？", async (page, s, { type, tap, at }) => {
  await go(page); await type("電子申請の推進");
  await tap(page.locator('[data-measure-id="kita-dx2025.m1-1-1-1"] a'));
  const line = page.locator(".status-line").or(page.locator(".timeline li", { hasText: "令和8年度" }));
  await line.first().waitFor({ timeout: 5000 });
  await at(line); s.answer = (await line.first().innerText()).replace(/\s+/g, " ").slice(0, 70);
});
await ask("5 板橋区のRPAで削減した時間は？ (DX2025 基本方針Ⅰ)", async (page, s, { tap, at }) => {
  // From the plan's own page, as a link from the ward's site would open it.
  await go(page, "?plan=itabashi-dx2025&view=tree");
  const figure = page.getByText(/1,643/);
  if (!(await figure.count())) {
    const fold = page.locator(".tree details.policy-indicators summary");
    if (!(await fold.count())) { s.answer = "not shown"; return; }
    await tap(fold);
  }
  await figure.first().waitFor({ timeout: 3000 });
  await at(figure); s.answer = (await figure.first().innerText()).replace(/\s+/g, " ").slice(0, 70);
});
await ask("6 キャッシュレスの取組を区ごとに", async (page, s, { tap, at }) => {
  await go(page);
  await tap(page.locator("main a", { hasText: "キャッシュレス" }));
  await tap(page.locator("a", { hasText: "区の比較" }));
  const theme = page.locator('[data-theme-id="cashless"]');
  await theme.waitFor({ timeout: 5000 });
  await at(theme);
  const counts = await theme.locator(".ward-column h4").allInnerTexts();
  s.answer = counts.join(" / ");
});
await ask("7 一覧の31番目から戻る (北区)", async (page, s, { tap }) => {
  await go(page, "?plan=kita-dx2025");
  const card = page.locator("[data-measure-id]").nth(30);
  await card.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.scrollY);
  await tap(card.locator("a"));
  await tap(page.getByRole("link", { name: /一覧に戻る/ }));
  await page.waitForTimeout(1000);
  const after = await page.evaluate(() => window.scrollY);
  s.y = after; s.answer = `scrollY ${before} → ${after}, ${await page.locator("[data-measure-id]").count()} shown`;
});
await ask("8 この施策の原文は？ (北区 1-(1))", async (page, s, { tap, at }) => {
  await go(page, "?measure=kita-dx2025.m1-1-1-1");
  const text = await page.locator("main").evaluate((m) => m.innerText);
  const jargon = (text.match(/\d+行目|\.txt|line \d+|cumulative|[A-Za-z]+ [A-Za-z]+ [A-Za-z]+ [A-Za-z]+/g) || []).length;
  const control = page.locator("summary", { hasText: "出典と注記" }).or(page.getByRole("button", { name: "原文を読む" }));
  await at(control);
  await tap(control);
  await page.locator("figure.source mark").waitFor({ timeout: 5000 });
  s.answer = `passage shown; before any tap, ${jargon} pieces of file/line/field/English in the reading path`;
});
for (const [name, s] of results) console.log(`| ${name} | ${s.typed} | ${s.taps} | ${s.y ?? "—"} | ${s.answer} |`);
await browser.close();
