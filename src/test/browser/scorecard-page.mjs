// The scorecard page in a real browser (headless Debian Chromium), run by ScorecardPageIT against
// the application it has just started and filled with September 2025's cases:
//   node src/test/browser/scorecard-page.mjs <baseUrl> <screenshotDir> <expectedCases>
// Without a login the page is refused (401); wulei (supervisors) opens it, the figures and both
// charts render, the case table pages. Any page error or failed request fails it. The screenshot
// is target/screenshots/scorecard.png (npm run publish-screenshots copies it to docs/images/).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openBrowser } from '../../../tools/chromium.mjs';

const [baseUrl, screenshots, expectedCases] = process.argv.slice(2);
if (!baseUrl || !screenshots || !expectedCases) {
  throw new Error('usage: scorecard-page.mjs <baseUrl> <screenshotDir> <expectedCases>');
}
mkdirSync(screenshots, { recursive: true });
const PAGE = `${baseUrl}/scorecard/?from=2025-09-01&to=2025-09-30`;

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

// Nobody sees it without logging in: the page and its data ask for a login (the browser shows its dialog).
for (const url of [PAGE, `${baseUrl}/api/scorecard`]) {
  const response = await fetch(url);
  check(response.status === 401 && (response.headers.get('www-authenticate') || '').startsWith('Basic '),
    `${url} without login answered ${response.status}, expected 401 with a Basic challenge`);
}

const problems = [];
const { context, close } = await openBrowser({
  timezoneId: 'Asia/Shanghai',
  viewport: { width: 1400, height: 1000 },
  httpCredentials: { username: 'wulei', password: 'demo' }
});
context.setDefaultTimeout(20_000);
context.on('response', (response) => {
  if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
});
context.on('request', (request) => {
  if (!request.url().startsWith(baseUrl)) problems.push(`request outside the application: ${request.url()}`);
});
const page = await context.newPage();
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

await page.goto(PAGE);
await page.waitForFunction(() => document.getElementById('status').textContent.includes('至'));
const connected = await page.locator('#connectedCases').innerText();
check(connected === expectedCases, `通水件数 shows ${connected}, expected ${expectedCases}`);
for (const id of ['workingDays', 'utilityDays', 'withinTarget', 'fee', 'satisfaction']) {
  const text = await page.locator(`#${id}`).innerText();
  check(text && !text.includes('–'), `#${id} shows "${text}"`);
}
const drawn = await page.evaluate(() => ['stageChart', 'seriesChart'].map((id) => Boolean(Chart.getChart(id))));
check(drawn.every(Boolean), `charts drawn: ${drawn}`);
check(await page.locator('#stages tbody tr').count() === 7, 'seven stages in the stage table');
check(await page.locator('#cases tbody tr').count() === 20, 'twenty cases on the first page');
await page.screenshot({ path: join(screenshots, 'scorecard.png'), fullPage: false });
console.log(`[browser] scorecard: ${connected} cases, screenshot taken`);

await page.click('#next');
await page.waitForFunction(() => document.getElementById('pageNote').textContent.startsWith('第 2'));

await close();
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
