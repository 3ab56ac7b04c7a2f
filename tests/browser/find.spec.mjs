// Search that knows the plan's structure and its words (issue 13, items 1 and 2), across plans on a
// phone: a word in a policy's name, or in one of its indicators, finds the measures under it and says so;
// a theme's word also finds the theme's measures, said above the results, and one tap searches only the
// words as typed. The plan view shows the targets set on policies.
import { test, expect, builtDataset } from "./fixtures.mjs";

test.use({ viewport: { width: 360, height: 740 } });

/** The measures linked (◎) to a policy. */
function under(policy) {
  const measures = builtDataset().plans.flatMap((p) => p.measures);
  return measures.filter((m) => m.policies.some((l) => l.policy === policy && l.role === "primary")).map((m) => m.id);
}

/** Every result of the list, after 「さらに表示」 until there is no more. */
async function allResults(page) {
  await expect(page.locator("[data-measure-id]").first()).toBeVisible();
  while (await page.locator("button.more").count()) {
    const before = await page.locator("[data-measure-id]").count();
    await page.locator("button.more").click();
    await expect.poll(() => page.locator("[data-measure-id]").count()).toBeGreaterThan(before);
  }
  return page.locator("[data-measure-id]").evaluateAll((els) => els.map((e) => e.dataset.measureId));
}

test("「子育て」 finds the seven 北区 measures under 「子育て・教育DX」, saying which were found through it", async ({ page }) => {
  await page.goto(`./?view=list&exact=1&q=${encodeURIComponent("子育て")}`);
  const found = await allResults(page);
  const expected = under("kita-dx2025.p1-2-3");
  expect(expected).toHaveLength(7);
  for (const id of expected) expect(found).toContain(id);
  const through = page.locator("[data-measure-id]").filter({ has: page.locator(".found-through", { hasText: "子育て・教育DX" }) });
  await expect(through).toHaveCount(6);
  // Found in their own text first: no own match after the first found through a policy.
  const flags = await page.locator("[data-measure-id]").evaluateAll((els) => els.map((e) => !!e.querySelector(".found-through")));
  expect(flags.slice(flags.indexOf(true)).every(Boolean)).toBe(true);
});

test("「業務削減」 finds the measures under 台東区's 施策9, whose indicator is 業務削減時間数", async ({ page }) => {
  await page.goto(`./?view=list&q=${encodeURIComponent("業務削減")}`);
  const found = await allResults(page);
  const expected = under("taito-dx2026.s9");
  expect(expected.length).toBeGreaterThan(0);
  expect(found.sort()).toEqual(expected.sort());
  await expect(page.locator(".found-through").first()).toContainText("施策9");

  // The reason is a link to the policy's list, which starts with the targets set on the policy (item 3).
  await page.locator(".found-through a").first().click();
  await expect(page).toHaveURL(/policy=taito-dx2026\.s9/);
  const targets = page.locator("details.policy-indicators");
  await expect(targets).toHaveCount(1);
  await targets.locator("summary").click();
  await expect(targets).toContainText("業務削減時間数");
  await expect(targets).toContainText("9,300時間/年");
  await expect(page.locator("[data-measure-id]")).toHaveCount(expected.length);
});

test("「オンライン申請」 also finds its theme's measures, says so, and one tap searches the words as typed", async ({ page }) => {
  await page.goto(`./?view=list&q=${encodeURIComponent("オンライン申請")}`);
  const widened = await allResults(page);
  for (const id of ["kita-dx2025.m1-1-1-1", "taito-dx2026.t01"]) expect(widened).toContain(id);
  const line = page.locator(".synonyms");
  await expect(line).toContainText("同じテーマ「オンライン申請」の施策も含めて表示しています。");
  // 北区's 電子申請の推進 shows what it was found by.
  await expect(page.locator('[data-measure-id="kita-dx2025.m1-1-1-1"] mark').first()).toHaveText("電子申請");

  await line.getByRole("link", { name: "入力した語だけで探す" }).click();
  await expect(page).toHaveURL(/exact=1/);
  const exact = await allResults(page);
  expect(exact.length).toBeGreaterThan(0);
  expect(exact.every((id) => id.startsWith("itabashi"))).toBe(true);
  await expect(page.locator(".synonyms")).toContainText("入力した語だけで探しています。");
  await page.locator(".synonyms").getByRole("link", { name: "同じテーマの施策も含める" }).click();
  await expect(page).not.toHaveURL(/exact=1/);
});

test("in English, the reason and the theme line are in English", async ({ page }) => {
  await page.goto(`./?view=list&lang=en&q=${encodeURIComponent("業務削減")}`);
  const reason = page.locator(".found-through").first();
  await expect(reason).toContainText("Matched the policy above it: “施策9 Transforming operations with AI and digital technology”");
  // The policy's code stays as printed, marked Japanese for screen readers and fonts, as on the cards.
  const unmarked = await reason.evaluate((p) =>
    [...p.querySelectorAll("*"), p].flatMap((e) => [...e.childNodes])
      .filter((n) => n.nodeType === Node.TEXT_NODE && /[\u3040-\u30ff\u4e00-\u9fff]/.test(n.textContent) && !n.parentElement.closest('[lang="ja"]'))
      .map((n) => n.textContent));
  expect(unmarked).toEqual([]);
  await page.goto(`./?view=list&lang=en&q=${encodeURIComponent("オンライン申請")}`);
  await expect(page.locator(".synonyms")).toContainText("Also showing the measures of the same theme: “Online applications”.");
});

test("the plan view shows the targets set on a policy: 台東区's hours saved, 施策9 (issue 13, item 3)", async ({ page }) => {
  await page.goto("./?plan=taito-dx2026&view=tree");
  const s9 = page.locator(".tree").getByRole("link", { name: /^施策9 / }).locator("xpath=ancestor::li[1]");
  const disclosure = s9.locator(":scope > details.policy-indicators");
  await disclosure.locator("summary").click();
  // Its one printed figure can't be told as current or target, so it is in the note: no table of headers only.
  await expect(disclosure).toContainText("業務削減時間数（単位: 時間/年）：数値として記録された目標・実績はありません。");
  await expect(disclosure.locator("table")).toHaveCount(0);
  await expect(disclosure).toContainText("9,300時間/年");
});
