// Staff data is never silently lost (src/local/): imported actuals and scenarios live only in this
// browser's localStorage, so every way that storage can fail or disagree is tried here, and each test
// ends with nothing lost and a visible message: storage full, storage throwing on every call, a second
// tab, a data release that no longer has an imported value's indicator, a reload in the middle of
// applying, and one backup file for everything.
import { readFileSync } from "node:fs";
import { test, expect, openWhatIf, openStaffTools } from "./fixtures.mjs";

const PLAN = "itabashi-dx2025";
const LIST = `./?plan=${PLAN}`;
const KEY = "plan-explorer:local-actuals";
const SCENARIOS = "plan-explorer:scenarios";
const csv = (...rows) => Buffer.from(["施策ID,指標名,年度,実績値", ...rows].join("\r\n") + "\r\n");
const ONLINE = `${PLAN}.c1-1,オンライン申請件数,2025,130000`;
const WINDOWS = `${PLAN}.c1-2,対応窓口,2025,5`;

const stored = (page, key = KEY) => page.evaluate((k) => localStorage.getItem(k), key);
const alerts = (page) => page.locator(".local-alerts");

async function openStaff(page, url = LIST) {
  await page.goto(url);
  await expect(page.locator(".result-count")).toBeVisible();
  await openStaffTools(page);
}

/** Imports a CSV through the staff tools and applies it. */
async function importRows(page, buffer) {
  const panel = page.locator("details.import");
  if (!(await panel.evaluate((d) => d.open))) await page.getByText("実績値を取り込む（CSV/TSV）").click();
  await page.locator("#import-file").setInputFiles({ name: "actuals.csv", mimeType: "text/csv", buffer });
  await page.getByRole("button", { name: "この内容で取り込む" }).click();
}

/** The text of the file the page downloads when `action` runs. */
async function downloaded(page, action) {
  const [download] = await Promise.all([page.waitForEvent("download"), action()]);
  return readFileSync(await download.path(), "utf8");
}

/** Fills localStorage until it refuses even one more character. */
const fillStorage = (page) =>
  page.evaluate(() => {
    let i = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      const chunk = "x".repeat(size);
      try {
        for (;;) localStorage.setItem(`filler-${i++}`, chunk);
      } catch {}
    }
  });
const emptyFiller = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("filler-")).forEach((k) => localStorage.removeItem(k)));

/** Opens a measure inside the page, without a reload (what a reload would lose must still be there). */
async function openMeasure(page, name) {
  await page.getByRole("link", { name }).first().click();
  await expect(page.locator("article.measure-detail")).toBeVisible();
}

test("storage full: the import says it was not saved, keeps the value for the session and downloads it", async ({ page }) => {
  await openStaff(page);
  await fillStorage(page);
  await importRows(page, csv(WINDOWS));
  const panel = page.locator("details.import");
  await expect(panel.getByRole("alert")).toContainText("1件の実績値を取り込みましたが、このブラウザに保存できませんでした");
  await expect(panel).not.toContainText("このブラウザで取り込んだ実績値が");
  expect(await stored(page)).toBeNull();
  const file = await downloaded(page, () => panel.getByRole("button", { name: "保存できなかった実績値をCSVで保存" }).click());
  expect(file).toBe(`\uFEFF施策ID,指標ID,年度,実績値\r\n${PLAN}.c1-2,i1,2025,5\r\n`);
  // Said once, where it happened; on the next view, above the results, until it is stored.
  await expect(alerts(page)).not.toContainText("保存できていない");
  await page.getByRole("link", { name: "計画の体系" }).click();
  await expect(alerts(page).getByRole("alert")).toContainText("このブラウザに保存できていない実績値が1件あります");
  expect(await downloaded(page, () => alerts(page).getByRole("button", { name: "保存できなかった実績値をCSVで保存" }).click())).toBe(file);

  // Still applied in this page.
  await page.getByRole("link", { name: "一覧" }).click();
  await openMeasure(page, "キャッシュレス決済の拡大");
  await expect(page.locator("article.measure-detail tbody tr").filter({ hasText: "（2025年度）" })).toContainText("5か所拡大");

  // With room again, the downloaded file brings the value back into storage.
  await emptyFiller(page);
  await page.goto(LIST);
  await openStaffTools(page);
  await importRows(page, Buffer.from(file));
  await expect(page.locator("details.import .success")).toContainText("1件の実績値を取り込みました");
  expect(await stored(page)).toContain(`${PLAN}.c1-2\ti1\t2025\t`);
});

test("storage full: a scenario that was not saved says so and can be exported", async ({ page }) => {
  await openWhatIf(page, `./?plan=${PLAN}&view=sim`);
  await expect(page.locator(".scenarios")).toBeVisible();
  await fillStorage(page);
  await page.getByLabel("今の前提に名前をつけて保存").fill("満杯のとき");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.locator(".scenarios [role=alert]")).toContainText("シナリオをこのブラウザに保存できませんでした");
  await expect(page.locator(".scenarios li")).toContainText("満杯のとき");
  const file = await downloaded(page, () => page.locator(".scenarios [role=alert]").getByRole("button", { name: "シナリオをJSONで保存" }).click());
  expect(JSON.parse(file).map((s) => s.name)).toEqual(["満杯のとき"]);
  expect(await stored(page, SCENARIOS)).toBeNull();
});

test.describe("storage that throws on every call", () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      for (const name of ["getItem", "setItem", "removeItem", "clear", "key"]) {
        Storage.prototype[name] = () => {
          throw new DOMException("The operation is insecure.", "SecurityError");
        };
      }
    });
  });

  test("the app works, says storage can't be used, and an import is applied but not claimed saved", async ({ page }) => {
    await openStaff(page);
    await expect(alerts(page)).toContainText("このブラウザでは保存領域を使えません");
    await importRows(page, csv(WINDOWS));
    await expect(page.locator("details.import [role=alert]")).toContainText("保存できませんでした");
    await page.getByRole("link", { name: "計画の体系" }).click();
    await expect(alerts(page)).toContainText("このブラウザに保存できていない実績値が1件あります");
    await page.getByRole("link", { name: "一覧" }).click();
    await openMeasure(page, "キャッシュレス決済の拡大");
    await expect(page.locator("article.measure-detail .chip.local")).toHaveText("このブラウザで取り込んだ値");
  });
});

test("a save keeps what another tab saved, per measure, indicator and year", async ({ page }) => {
  await openStaff(page);
  // Another tab's save, written behind this page's back: a page gets no storage event for its own writes.
  await page.evaluate(
    ([key, measure]) => {
      const bits = new DataView(new ArrayBuffer(8));
      bits.setFloat64(0, 130000);
      localStorage.setItem(key, `v1\n${measure}\ti1\t2025\t${bits.getBigUint64(0).toString(16)}\n`);
    },
    [KEY, `${PLAN}.c1-1`],
  );
  await importRows(page, csv(WINDOWS));
  await expect(page.locator("details.import .success")).toBeVisible();
  const lines = (await stored(page)).trim().split("\n");
  expect(lines[0]).toBe("v1");
  expect(lines.slice(1).map((l) => l.split("\t").slice(0, 3).join(" ")).sort()).toEqual([`${PLAN}.c1-1 i1 2025`, `${PLAN}.c1-2 i1 2025`]);
  // And this page shows the other tab's value once it reads storage again (the import did).
  await openMeasure(page, "オンライン申請手続き数の拡大");
  await expect(page.locator("article.measure-detail tbody tr").filter({ hasText: "（2025年度）" })).toContainText("130,000件");
});

test("two tabs: each keeps the other's values and shows them without a reload", async ({ page, context }) => {
  const other = await context.newPage();
  await openStaff(page);
  await openStaff(other);
  await importRows(page, csv(ONLINE));
  await expect(page.locator("details.import .success")).toBeVisible();
  // The other tab, opened before, picks the value up.
  await expect(alerts(other)).toContainText("別のタブで実績値が変更されたため、その内容を反映しました");
  await importRows(other, csv(WINDOWS));
  await expect(other.locator("details.import .success")).toBeVisible();
  await expect(page.locator(".local-note")).toContainText("このブラウザで取り込んだ実績値が2件あります");
  await expect(other.locator(".local-note")).toContainText("このブラウザで取り込んだ実績値が2件あります");
  await openMeasure(page, "キャッシュレス決済の拡大");
  await expect(page.locator("article.measure-detail tbody tr").filter({ hasText: "（2025年度）" })).toContainText("5か所拡大");
  await other.close();
});

test("a data release without an imported value's indicator lists the value, exports it, and clears it only when asked", async ({ page }) => {
  await openStaff(page);
  await importRows(page, csv(ONLINE, WINDOWS));
  await expect(page.locator("details.import .success")).toBeVisible();

  // The next release drops the indicator of c1-1.
  await page.route(`**/data/plans/${PLAN}.json`, async (route) => {
    const plan = await (await route.fetch()).json();
    const measure = plan.plans[0].measures.find((m) => m.id === `${PLAN}.c1-1`);
    measure.indicators = [];
    measure.not_stated = [...(measure.not_stated ?? []), "indicators"];
    await route.fulfill({ json: plan });
  });
  await openStaff(page);
  const notice = page.locator(".local-alerts .unfit");
  await expect(notice).toContainText("1件は、今のデータに当てはまる施策・指標・年度がないため反映していません");
  expect(await notice.locator("li").allTextContents()).toEqual([`${PLAN}.c1-1 / i1 / 2025 / 130,000`]);
  expect(await stored(page)).toContain(`${PLAN}.c1-1\ti1\t2025`);
  const file = await downloaded(page, () => notice.getByRole("button", { name: "これらをCSVで保存" }).click());
  expect(file).toBe(`\uFEFF施策ID,指標ID,年度,実績値\r\n${PLAN}.c1-1,i1,2025,130000\r\n`);

  // Still listed after a reload: nothing was dropped by reading it.
  await openStaff(page);
  await expect(notice).toBeVisible();
  await notice.getByRole("button", { name: "これらの値を消去" }).click();
  await expect(notice).toHaveCount(0);
  const left = await stored(page);
  expect(left).not.toContain(`${PLAN}.c1-1\t`);
  expect(left).toContain(`${PLAN}.c1-2\ti1\t2025`);
});

test("a reload in the middle of applying keeps the value and says so", async ({ page }) => {
  await openStaff(page);
  await page.getByText("実績値を取り込む（CSV/TSV）").click();
  await page.locator("#import-file").setInputFiles({ name: "actuals.csv", mimeType: "text/csv", buffer: csv(WINDOWS) });
  await expect(page.getByRole("button", { name: "この内容で取り込む" })).toBeEnabled();
  // Timers stop here, and the click and the reload run in one task: a save left for later (a timer,
  // an idle callback) never runs, as when the tab is closed or reloaded at that moment.
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 60_000);
  await page.evaluate(() => {
    [...document.querySelectorAll("button")].find((b) => b.textContent === "この内容で取り込む").click();
    location.reload();
  });
  await expect(page.locator(".result-count")).toBeVisible();
  await openStaffTools(page);
  await expect(page.locator(".local-note")).toContainText("このブラウザで取り込んだ実績値が1件あります");
  await openMeasure(page, "キャッシュレス決済の拡大");
  await expect(page.locator("article.measure-detail .chip.local")).toHaveText("このブラウザで取り込んだ値");
});

test.describe("one backup file", () => {
  async function backupWithData(page) {
    await openWhatIf(page, `./?plan=${PLAN}&view=sim`);
    await page.getByLabel("今の前提に名前をつけて保存").fill("控えめ");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.locator(".scenarios li")).toContainText("控えめ");
    await page.goto(LIST);
    await openStaffTools(page);
    await importRows(page, csv(ONLINE));
    await expect(page.locator("details.import .success")).toBeVisible();
    await page.getByText("このブラウザのデータ").click();
    await expect(page.locator(".local-data")).toContainText("このブラウザ（この端末）の中にだけ保存されています");
    await expect(page.locator(".local-counts")).toHaveText("保存済み: 実績値 1件、シナリオ 1件");
    return downloaded(page, () => page.getByRole("button", { name: "バックアップを保存（JSON）" }).click());
  }

  test("backs up actuals and scenarios, and restores both after a preview", async ({ page }) => {
    const backup = await backupWithData(page);
    expect(JSON.parse(backup)).toMatchObject({
      plan_explorer_backup: 1,
      actuals: [{ measure: `${PLAN}.c1-1`, indicator: "i1", fy: 2025, value: "130000" }],
      scenarios: [{ name: "控えめ" }],
    });
    await page.evaluate(() => localStorage.clear());
    await openStaff(page);
    await page.getByText("このブラウザのデータ").click();
    await expect(page.locator(".local-counts")).toHaveText("保存済み: 実績値 0件、シナリオ 0件");
    await page.locator("#backup-file").setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(backup) });
    await expect(page.locator(".local-data .import-preview tbody tr")).toHaveCount(1);
    await expect(page.locator(".local-data")).toContainText("シナリオ 1件");
    await page.getByRole("button", { name: "この内容で復元する" }).click();
    await expect(page.locator(".local-data .success")).toHaveText("復元しました: 実績値 1件、シナリオ 1件。");
    await expect(page.locator(".local-counts")).toHaveText("保存済み: 実績値 1件、シナリオ 1件");
    await expect(page.locator(".local-note")).toContainText("このブラウザで取り込んだ実績値が1件あります");
  });

  test("a backup with a value the data has no place for restores nothing", async ({ page }) => {
    const backup = JSON.parse(await backupWithData(page));
    backup.actuals.push({ measure: `${PLAN}.zz`, indicator: "i1", fy: 2025, value: "1" });
    await page.evaluate(() => localStorage.clear());
    await openStaff(page);
    await page.getByText("このブラウザのデータ").click();
    await page.locator("#backup-file").setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(backup)) });
    await expect(page.locator(".local-data .import-preview")).toContainText(`施策「${PLAN}.zz」はありません`);
    await expect(page.getByRole("button", { name: "この内容で復元する" })).toBeDisabled();
    expect(await stored(page)).toBeNull();
  });

  test("when storage refuses the scenarios, the actuals written before are undone", async ({ page }) => {
    const backup = await backupWithData(page);
    await page.evaluate(() => localStorage.clear());
    await openStaff(page);
    await page.evaluate((key) => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k === key) throw new DOMException("full", "QuotaExceededError");
        return setItem.call(this, k, v);
      };
    }, SCENARIOS);
    await page.getByText("このブラウザのデータ").click();
    await page.locator("#backup-file").setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(backup) });
    await page.getByRole("button", { name: "この内容で復元する" }).click();
    await expect(page.locator(".local-data .error-panel")).toHaveText("このブラウザに保存できなかったため、復元していません。何も変更していません。");
    expect(await stored(page)).toBeNull();
  });

  test("a file that is not a backup changes nothing and says what to choose", async ({ page }) => {
    await openStaff(page);
    await page.getByText("このブラウザのデータ").click();
    await page.locator("#backup-file").setInputFiles({ name: "scenarios.json", mimeType: "application/json", buffer: Buffer.from("[]") });
    await expect(page.locator(".local-data .error-panel")).toContainText("plan-explorer のバックアップファイルとして読めませんでした");
  });
});
