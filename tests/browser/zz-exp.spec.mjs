import { test, expect } from "./fixtures.mjs";
test("x", async ({ page }) => {
  await page.goto("./?plan=itabashi-dx2025");
  await page.getByText("実績値を取り込む（CSV/TSV）").click();
  const csv = "施策ID,指標名,年度,実績値,メモ\r\nitabashi-dx2025.c1-1,オンライン申請件数,2025,\"１，２３４\",x\r\nitabashi-dx2025.c1-2,対応窓口,2025,,\r\n";
  await page.locator("#import-file").setInputFiles({ name: "a.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.locator(".import-preview")).toBeVisible();
  console.log(await page.locator(".import").innerText());
  await page.getByRole("button", { name: "この内容で取り込む" }).click();
  await page.waitForTimeout(500);
  console.log("AFTER", await page.locator(".toolbar").innerText(), await page.locator(".import").getAttribute("open"));
  console.log(await page.evaluate(() => localStorage.getItem("plan-explorer:local-actuals")));
  await page.goto("./?measure=itabashi-dx2025.c1-1");
  console.log(await page.locator("article").innerText());
});
