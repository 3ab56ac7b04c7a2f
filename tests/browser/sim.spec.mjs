// The simulation view as a new user meets it: what is assumed, what is projected, how likely; the
// assumptions live in the URL (same link, same numbers); charts have a text equivalent; scenarios
// can be saved, compared, exported and imported.
import { test, expect, openWhatIf, watchCount } from "./fixtures.mjs";

const tableText = (page) => page.locator(".sim-table").innerText();
// The whole table: its rows are drawn a few at a time, the table busy until the last.
const ready = (page) => expect(page.locator(".sim-table:not([aria-busy]) tbody tr").first()).toBeVisible();

test("explains the assumptions, counts every kind of indicator and shows formulas", async ({ page }) => {
  await openWhatIf(page, "./?plan=itabashi-ict2025&view=sim");
  await ready(page);
  await expect(page.getByRole("heading", { name: /目標は達成できそうか/ })).toBeVisible();
  await expect(page.getByLabel("計画に対するペース（%）")).toHaveValue("100");
  await expect(page.getByLabel("ばらつき（%）")).toHaveValue("10");
  await expect(page.locator("#sim-tally + p")).toContainText(/定性的な目標（実施・検討など）\d+件/);
  const chart = page.locator(".sim-chart").first();
  await expect(chart).toHaveAttribute("role", "img");
  await expect(page.locator(".sim-rollup").first()).toContainText("80%区間");
  await page.locator(".formula summary").first().click();
  await expect(page.locator(".formula pre").first()).toContainText("起点");
});

test("the same link gives the same numbers, and the assumptions change them", async ({ page }) => {
  const link = "./?plan=itabashi-ict2025&view=sim&pace=80&seed=7";
  await page.goto(link);
  await ready(page);
  const first = await tableText(page);
  await page.goto(link);
  await ready(page);
  expect(await tableText(page)).toBe(first);
  await page.getByLabel("計画に対するペース（%）").fill("120");
  await page.getByLabel("計画に対するペース（%）").press("Enter");
  await page.getByLabel("ばらつき（%）").focus();
  await expect(page).toHaveURL(/pace=120/);
  await expect.poll(() => tableText(page)).not.toBe(first);
});

// Guards the regression where the indicator table was drawn in one task: its rows arrive a group at a time,
// each group in a task of its own (components/in_groups.rs).
test("the indicator table is drawn a few rows at a time", async ({ page }) => {
  const countsSeen = await watchCount(page, ".sim-table tbody tr");
  // A link with a scenario (here the default model) starts the staff bundle at once.
  await page.goto("./?plan=itabashi-ict2025&view=sim&model=pace");
  await ready(page);
  const rows = await page.locator(".sim-table tbody tr").count();
  const counts = await countsSeen();
  expect(counts.at(-1)).toBe(rows);
  expect(counts.length).toBeGreaterThan(2);
  expect(counts[0]).toBeLessThan(rows);
});

// Guards the regression where the whole run was one task: at 100,000 draws the page could not be scrolled,
// typed into or tapped for 0.5–0.9 s. Counted in turns of a zero-delay timer, not in time: a run of one piece
// lets the timer run once, before it starts; in slices, it ran 19 to 22 times here (a turn every 10–40 ms,
// nested timers being held back 4 ms).
test("the page keeps answering while the simulation runs", async ({ page }) => {
  await page.goto("./?plan=itabashi-ict2025&view=sim&draws=100000");
  await ready(page);
  const turns = await page.evaluate(async () => {
    const table = document.querySelector(".sim-table");
    let running = true;
    let turns = 0;
    const tick = () => {
      turns += 1;
      if (running) setTimeout(tick, 0);
    };
    const replaced = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (document.querySelector(".sim-table") && document.querySelector(".sim-table") !== table) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    const seed = document.getElementById("sim-seed");
    seed.value = "3";
    seed.dispatchEvent(new Event("change", { bubbles: true }));
    tick();
    await replaced;
    running = false;
    return turns;
  });
  expect(turns).toBeGreaterThan(5);
});

// A run outlives nothing it belongs to: leaving the view while it runs must not touch the view's state
// (a panic there would show the fatal error page; fixtures.mjs fails on its console error).
test("leaving the simulation while it runs is safe", async ({ page }) => {
  await page.goto("./?plan=itabashi-ict2025&view=sim&draws=100000");
  await ready(page);
  await page.locator("#sim-seed").fill("4");
  await page.locator("#sim-seed").press("Enter");
  await expect(page.getByText("計算しています…")).toBeVisible();
  await page.getByRole("link", { name: "一覧", exact: true }).click();
  await expect(page.locator("[data-measure-id]").first()).toBeVisible();
  await page.waitForTimeout(1500);
  await expect(page.locator("#fatal")).toBeHidden();
  await expect(page.locator("[data-measure-id]").first()).toBeVisible();
});

test("malformed assumptions in the URL fall back to the defaults", async ({ page }) => {
  await page.goto("./?plan=itabashi-ict2025&view=sim&pace=abc&spread=-5&draws=1e99&model=magic");
  await ready(page);
  await expect(page.getByLabel("計画に対するペース（%）")).toHaveValue("100");
  await expect(page.getByLabel("ばらつき（%）")).toHaveValue("10");
  await expect(page.getByLabel("試行回数")).toHaveValue("10000");
});

test("scenarios are saved, compared side by side, and exported", async ({ page }) => {
  await page.goto("./?plan=itabashi-ict2025&view=sim&pace=80");
  await ready(page);
  await page.getByLabel("今の前提に名前をつけて保存").fill("8割");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await page.goto("./?plan=itabashi-ict2025&view=sim&pace=100");
  await ready(page);
  await page.getByLabel("今の前提に名前をつけて保存").fill("計画どおり");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await page.locator("#compare-a").selectOption({ label: "8割" });
  await page.locator("#compare-b").selectOption({ label: "計画どおり" });
  const table = page.locator(".sim-compare");
  await expect(table).toContainText("8割");
  await expect(table).toContainText("計画どおり");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "シナリオをJSONで保存" }).click();
  const saved = JSON.parse(await (await (await download).createReadStream()).toArray().then((c) => Buffer.concat(c).toString("utf8")));
  expect(saved.map((s) => s.name)).toEqual(["8割", "計画どおり"]);
  expect(saved[0].assumptions.pace).toBe("80");
});

test("a scenario file can be imported, and a broken one is refused with a message", async ({ page }) => {
  await openWhatIf(page, "./?plan=itabashi-ict2025&view=sim");
  await ready(page);
  const file = (name, text) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });
  await page.locator("#scenario-file").setInputFiles(file("s.json", JSON.stringify({ name: "急ぎ", assumptions: { model: "pace", pace: "150" } })));
  await expect(page.getByText("1件のシナリオを読み込みました。")).toBeVisible();
  await page.getByRole("button", { name: "この前提にする" }).click();
  await expect(page).toHaveURL(/pace=150/);
  await page.locator("#scenario-file").setInputFiles(file("bad.json", "{not json"));
  await expect(page.getByText("シナリオのJSONとして読めませんでした。")).toBeVisible();
});

test("in English, the grades the app supplies are labelled as its own wording", async ({ page }) => {
  await openWhatIf(page, "./?plan=kita-dx2025&view=sim&lang=en");
  await expect(page.locator(".sim-plan").first()).toContainText("The plan gives no thresholds");
});

test("imported actuals change the simulation at once", async ({ page }) => {
  await page.goto("./?plan=itabashi-ict2025&view=sim&pace=80&spread=0");
  await ready(page);
  const row = page.locator(".sim-table tbody tr", { hasText: "RPA事業の拡大 / 実行シナリオ数" });
  const before = await row.innerText();
  await page.getByText("実績値を取り込む（CSV/TSV）").click();
  const csv = "施策ID,指標名,年度,実績値\r\nitabashi-ict2025.m02,実行シナリオ数,2021,5\r\n";
  await page.locator("#import-file").setInputFiles({ name: "actuals.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "この内容で取り込む" }).click();
  await expect.poll(() => row.innerText()).not.toBe(before);
  await row.locator(".formula summary").click();
  await expect(row.locator(".formula pre")).toContainText("起点: 5");
});
