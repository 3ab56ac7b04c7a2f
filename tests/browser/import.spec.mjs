// Importing actuals as ward staff do (docs/DATA.md, "Importing actuals"): a file in any encoding Excel or
// an editor saves, a preview of every row with its status, all or nothing, values kept in this browser
// and marked as local, and a way to clear them. Then the round trip: the app's own CSV export, edited and
// imported, exports again the same but for the edited cell.
import iconv from "iconv-lite";
import { test, expect, openStaffTools } from "./fixtures.mjs";

const PLAN = "itabashi-dx2025"; // FY2024–2025; four measures with one numeric indicator each
const HEADER = ["施策ID", "指標名", "年度", "実績値"];
const LIST = `./?plan=${PLAN}`;

/** CSV (quoted where a cell needs it, CRLF) or TSV text of a header and rows. */
function table(rows, delimiter = ",") {
  const cell = (c) => (delimiter === "," && /[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  return rows.map((r) => r.map(cell).join(delimiter) + "\r\n").join("");
}

async function openImport(page, url = LIST) {
  await page.goto(url);
  await expect(page.locator(".result-count")).toBeVisible();
  await openStaffTools(page);
  await page.getByText("実績値を取り込む（CSV/TSV）").click();
}

/** Gives the file to the import and waits for its preview or its error. */
async function importFile(page, name, buffer) {
  await page.locator("#import-file").setInputFiles({ name, mimeType: name.endsWith(".tsv") ? "text/tab-separated-values" : "text/csv", buffer });
  await expect(page.locator(".import .import-preview, .import .error-panel").first()).toBeVisible();
}

/** The preview as [row number, status, detail] lists. */
const preview = (page) =>
  page.locator(".import-preview tbody tr").evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent.trim())));
const applyButton = (page) => page.getByRole("button", { name: "この内容で取り込む" });
const saved = (page) => page.evaluate(() => localStorage.getItem("plan-explorer:local-actuals"));

/** The row of `fy`'s actual in a measure's indicator table. */
const yearRow = (page, fy) => page.locator("article.measure-detail tbody tr").filter({ hasText: `（${fy}年度）` });

// Four rows for FY2025 (no actual yet): full-width digits, a thousands separator, a blank, a plain number.
const ROWS = [
  HEADER,
  [`${PLAN}.c1-1`, "オンライン申請件数", "令和7年度", "１３００００"],
  [`${PLAN}.c1-2`, "対応窓口", "2025", "5"],
  [`${PLAN}.c2-1`, "よろず相談DX実施件数", "2025", ""],
  [`${PLAN}.c2-2`, "受講人数", "２０２５", "1,234"],
];
const EXPECTED_PREVIEW = [
  ["2", "取り込む", `${PLAN}.c1-1 / i1 / 2025: — → 130,000`],
  ["3", "取り込む", `${PLAN}.c1-2 / i1 / 2025: — → 5`],
  ["4", "スキップ", "実績値が空欄です（値なし）。変更しません。"],
  ["5", "取り込む", `${PLAN}.c2-2 / i1 / 2025: — → 1,234`],
];

const ENCODINGS = [
  ["UTF-8", "actuals.csv", () => Buffer.from(table(ROWS))],
  ["UTF-8 (BOM)", "actuals.csv", () => Buffer.from("\uFEFF" + table(ROWS))],
  ["UTF-16LE", "actuals.txt", () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(table(ROWS, "\t"), "utf16le")])],
  ["Shift_JIS (CP932)", "actuals.csv", () => iconv.encode(table(ROWS), "cp932")],
  ["UTF-8", "actuals.tsv", () => Buffer.from(table(ROWS, "\t"))],
];

for (const [encoding, name, bytes] of ENCODINGS) {
  test(`${name} in ${encoding}: preview, apply, kept across a reload, marked, cleared`, async ({ page }) => {
    await openImport(page);
    await importFile(page, name, bytes());
    await expect(page.locator(".import")).toContainText(`${name}（${encoding}）`);
    expect(await preview(page)).toEqual(EXPECTED_PREVIEW);
    await applyButton(page).click();
    await expect(page.locator(".import")).toContainText("3件の実績値を取り込みました");
    await expect(page.locator(".import")).toContainText("このブラウザで取り込んだ実績値が3件あります");

    await page.reload();
    await page.goto(`./?measure=${PLAN}.c1-1`);
    await expect(yearRow(page, 2025)).toContainText("130,000件");
    await expect(yearRow(page, 2025).locator(".chip.local")).toHaveText("このブラウザで取り込んだ値");
    await expect(yearRow(page, 2024).locator(".chip.local")).toHaveCount(0);
    await page.goto(`./?measure=${PLAN}.c2-2`);
    await expect(yearRow(page, 2025)).toContainText("1,234人");
    // Blank is no value, not 0: the measure has no actual for 2025.
    await page.goto(`./?measure=${PLAN}.c2-1`);
    await expect(page.locator("article.measure-detail")).toBeVisible();
    await expect(yearRow(page, 2025)).toHaveCount(0);

    await openImport(page);
    await page.getByRole("button", { name: "取り込んだ値を消去" }).click();
    await expect(page.locator(".result-count")).toBeVisible();
    expect(await saved(page)).toBeNull();
    await page.goto(`./?measure=${PLAN}.c1-1`);
    await expect(page.locator("article.measure-detail")).toBeVisible();
    await expect(yearRow(page, 2025)).toHaveCount(0);
    await expect(page.locator(".chip.local")).toHaveCount(0);
  });
}

// Each file has a good row and a bad one: the preview shows both, and nothing can be applied.
const GOOD = [`${PLAN}.c1-2`, "対応窓口", "2025", "5"];
const ROW_ERRORS = [
  ["an unknown measure", [`${PLAN}.zz`, "対応窓口", "2025", "5"], `施策「${PLAN}.zz」はありません`],
  ["an unknown indicator", [`${PLAN}.c1-1`, "存在しない指標", "2025", "5"], /指標「存在しない指標」はありません。.*（この施策の指標: オンライン申請件数）/],
  ["a year outside the plan", [`${PLAN}.c1-1`, "オンライン申請件数", "2030", "5"], "2030年度は計画「板橋区DX推進計画2025」の期間（2024〜2025年度）の外です"],
  ["a value that is not a number", [`${PLAN}.c1-1`, "オンライン申請件数", "2025", "約5千"], "「約5千」は数値として読めません"],
  ["a duplicate row", GOOD, "2行目と同じ施策・指標・年度です"],
];

for (const [name, bad, message] of ROW_ERRORS) {
  test(`${name} is an error on its row, and nothing is applied`, async ({ page }) => {
    await openImport(page);
    await importFile(page, "actuals.csv", Buffer.from(table([HEADER, GOOD, bad])));
    const rows = await preview(page);
    expect(rows.map(([n, status]) => [n, status])).toEqual([["2", "取り込む"], ["3", "エラー"]]);
    expect(rows[1][2]).toContain("3行目「");
    expect(rows[1][2]).toMatch(message);
    await expect(page.locator(".import .error-text")).toHaveText("1行にエラーがあるため取り込めません。各行の内容を直してから、もう一度選んでください。");
    await expect(applyButton(page)).toBeDisabled();
    await page.reload();
    expect(await saved(page)).toBeNull();
  });
}

// Whole-file errors: a message that says what to do, and no preview.
const FILE_ERRORS = [
  [
    "bytes that are neither UTF-8 nor Shift_JIS in the header",
    () => Buffer.concat([Buffer.from("施策ID,指標名,年度,実績値"), Buffer.from([0xfd, 0xfe]), Buffer.from(`\r\n${GOOD.join(",")}\r\n`)]),
    "「CSV UTF-8（コンマ区切り）」を選んで保存し直してください",
  ],
  ["missing columns", () => Buffer.from(table([["施策ID", "年度"], [`${PLAN}.c1-2`, "2025"]])), "必要な列がありません: 指標名、実績値"],
  ["an empty file", () => Buffer.alloc(0), "データの行がありません"],
  ["a header alone", () => Buffer.from(table([HEADER])), "データの行がありません"],
  ["a file over 10 MB", () => Buffer.alloc(10 * 1024 * 1024 + 1, "a"), "ファイルが大きすぎます（10.1 MB、上限 10 MB）"],
];

for (const [name, bytes, message] of FILE_ERRORS) {
  test(`${name} is refused whole with what to do`, async ({ page }) => {
    await openImport(page);
    await importFile(page, "actuals.csv", bytes());
    await expect(page.locator(".import .error-panel")).toContainText(message);
    await expect(page.locator(".import-preview")).toHaveCount(0);
    await expect(applyButton(page)).toHaveCount(0);
  });
}

test("an unknown column is a warning, and the file still applies", async ({ page }) => {
  await openImport(page);
  await importFile(page, "actuals.csv", Buffer.from(table([[...HEADER, "メモ"], [...GOOD, "確認済み"]])));
  await expect(page.locator(".import")).toContainText("読み取らない列：メモ");
  expect(await preview(page)).toEqual([["2", "取り込む", `${PLAN}.c1-2 / i1 / 2025: — → 5`]]);
  await applyButton(page).click();
  await expect(page.locator(".import")).toContainText("1件の実績値を取り込みました");
  expect(await saved(page)).toContain(`${PLAN}.c1-2\ti1\t2025\t`);
});

/** Clicks an export button and returns the file it saves. */
async function download(page, label) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: label }).click()]);
  const chunks = [];
  for await (const chunk of await file.createReadStream()) chunks.push(chunk);
  return { name: file.suggestedFilename(), bytes: Buffer.concat(chunks) };
}

/** The export's text as rows of cells (it quotes no cell of this plan). */
const parse = (bytes) =>
  bytes
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean)
    .map((line) => line.split(","));

test("the export, edited in Excel and saved as CSV (Shift_JIS), imports and exports again", async ({ page }) => {
  await openImport(page);
  const first = await download(page, "CSVで保存（Excel用）");
  expect(first.name).toBe("plan-explorer.csv");
  expect([...first.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = first.bytes.toString("utf8");
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
  const rows = parse(first.bytes);
  expect(rows[0]).toEqual(["全国地方公共団体コード", "地方公共団体名", "計画ID", "計画名", "基本方針ID", "施策ID", "施策名", "担当課", "指標名", "単位", "年度", "目標値", "実績値", "目標（記載）"]);
  expect(rows.slice(1).every((r) => r[2] === PLAN)).toBe(true);
  expect(rows.length).toBe(5);

  // In Excel: one 実績値 changed, another blanked; saved as "CSV (comma delimited)": CP932, no BOM.
  const actual = rows[0].indexOf("実績値");
  const edited = rows.map((r) => [...r]);
  expect([edited[1][5], edited[1][actual]]).toEqual([`${PLAN}.c1-1`, "122609"]);
  edited[1][actual] = "130000";
  expect(edited[2][5]).toBe(`${PLAN}.c1-2`);
  edited[2][actual] = "";
  await importFile(page, "plan-explorer.csv", iconv.encode(table(edited), "cp932"));
  await expect(page.locator(".import")).toContainText("plan-explorer.csv（Shift_JIS (CP932)）");
  expect(await preview(page)).toEqual([
    ["2", "取り込む", `${PLAN}.c1-1 / i1 / 2024: 122,609 → 130,000`],
    ["3", "スキップ", "実績値が空欄です（値なし）。変更しません。"],
    ["4", "変更なし", `${PLAN}.c2-1 / i1 / 2024: 81 → 81`],
    ["5", "変更なし", `${PLAN}.c2-2 / i1 / 2024: 956 → 956`],
  ]);
  await applyButton(page).click();
  await expect(page.locator(".import")).toContainText("1件の実績値を取り込みました");

  // The second export is the first with the changed cell; the blanked one kept its value.
  const second = await download(page, "CSVで保存（Excel用）");
  const expected = rows.map((r) => [...r]);
  expected[1][actual] = "130000";
  expect(parse(second.bytes)).toEqual(expected);
  expect(second.bytes.toString("utf8")).toBe(first.bytes.toString("utf8").replace(",122609,", ",130000,"));

  const json = JSON.parse((await download(page, "JSONで保存")).bytes.toString("utf8"));
  const shown = await page.locator("[data-measure-id]").evaluateAll((els) => els.map((e) => e.dataset.measureId));
  expect(json.plans.map((p) => p.id)).toEqual([PLAN]);
  expect(json.plans[0].measures.map((m) => m.id)).toEqual(shown);
  expect(json.local_actuals).toEqual([{ measure: `${PLAN}.c1-1`, indicator: "i1", fy: 2024, value: 130000 }]);

  await page.goto(`./?measure=${PLAN}.c1-1`);
  await expect(yearRow(page, 2024)).toContainText("130,000件");
  await expect(yearRow(page, 2024).locator(".chip.local")).toBeVisible();
});

test("the JSON export of a filtered list holds only its measures, and no local_actuals before an import", async ({ page }) => {
  await page.goto("./?plan=taito-dx2026&q=オンライン");
  await expect(page.locator(".result-count")).toBeVisible();
  const shown = await page.locator("[data-measure-id]").evaluateAll((els) => els.map((e) => e.dataset.measureId));
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.length).toBeLessThan(27);
  await openStaffTools(page);
  const json = JSON.parse((await download(page, "JSONで保存")).bytes.toString("utf8"));
  expect(json.plans.flatMap((p) => p.measures.map((m) => m.id))).toEqual(shown);
  expect(json).not.toHaveProperty("local_actuals");
});
