// Opens the reference as a frontend developer would: authorizes with a pasted bearer token, runs
// "List your incidents" with "Try it out", and reports what the page shows. Usage:
//   node try-it.mjs <chromium> <reference URL> <token> <screenshot.png>
import puppeteer from "puppeteer-core";

const [chromium, url, token, screenshot] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"],
});
const seen = { schemas: 0, examples: 0, status: null, rows: null };
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1800 });
  await page.goto(url, { waitUntil: "networkidle0", timeout: 60000 });
  await page.waitForSelector(".opblock-tag", { timeout: 60000 });
  seen.operations = await page.$$eval(".opblock", (blocks) => blocks.length);
  seen.schemas = await page.$$eval("section.models .models-virtual-item", (models) => models.length);

  await page.click("button.authorize");
  await page.waitForSelector(".auth-container input", { timeout: 10000 });
  await page.type(".auth-container input", token);
  await page.click(".auth-btn-wrapper button.authorize");
  await page.click(".auth-btn-wrapper button.btn-done");

  const operation = '[id$="-listIncidents"]';
  await page.click(`${operation} .opblock-summary`);
  await page.waitForSelector(`${operation} .try-out__btn`, { timeout: 10000 });
  seen.examples = await page.$$eval(`${operation} .example, ${operation} .microlight`, (e) => e.length);
  await page.click(`${operation} .try-out__btn`);
  await page.click(`${operation} button.execute`);
  await page.waitForSelector(`${operation} .live-responses-table .response-col_status`, { timeout: 30000 });
  seen.status = await page.$eval(`${operation} .live-responses-table .response .response-col_status`, (e) =>
    e.textContent.trim());
  const body = await page.$eval(`${operation} .live-responses-table .response-col_description pre`, (e) =>
    e.textContent);
  seen.rows = JSON.parse(body).items.length;
  seen.curl = await page.$eval(`${operation} .curl-command`, (e) => e.textContent.replace(/Bearer [^'"]+/, "Bearer …"));
  await page.screenshot({ path: screenshot, fullPage: false });
} finally {
  await browser.close();
  console.log(JSON.stringify(seen));
}
