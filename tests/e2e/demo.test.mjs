// End-to-end: the demo page (www/) served on 127.0.0.1, driven in Debian's Chromium with
// playwright-core. The page computes a pseudonym in WebAssembly; this test reads it and checks it
// against the checked-in vectors, types new values, breaks the key, and takes a screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { launchChromium } from '../support/chromium.mjs';

const vectors = JSON.parse(readFileSync(new URL('../vectors/pseudonymize.json', import.meta.url), 'utf8')).vectors;
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));

let server, browser, page;
const consoleErrors = [];
const foreignRequests = [];

before(async () => {
  server = await startServer({ root: fileURLToPath(new URL('../../www/', import.meta.url)) });
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => !r.url().startsWith(server.url) && foreignRequests.push(r.url()));
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15_000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const text = (testid) => page.locator(`[data-testid="${testid}"]`).textContent();
const findVector = (key, context, value) => vectors.find((v) => v.key === key && v.context === context && v.value === value);

test('the page loads the wasm and shows the pseudonym of its sample, matching the vectors', async () => {
  const key = await page.inputValue('#key');
  const context = await page.inputValue('#context');
  const value = await page.inputValue('#guardian-phone');
  const vector = findVector(key, context, value);
  assert.ok(vector, 'the demo sample is one of the checked-in vectors');
  assert.equal(await text('pseudonym'), vector.pseudonym);
  assert.equal(await text('raw'), value);
  assert.match(await text('status'), /^Ready/);
});

test('typing updates the pseudonym live (computed by the web-sys layer)', async () => {
  const key = await page.inputValue('#key');
  const context = await page.inputValue('#context');
  const next = vectors.find((v) => v.key === key && v.context === context && v.value === '+8613800138000');
  assert.ok(next);
  await page.fill('#guardian-phone', '');
  assert.equal(await text('pseudonym'), '', 'an empty field shows no pseudonym');
  await page.locator('#guardian-phone').pressSequentially(next.value);
  assert.equal(await text('pseudonym'), next.pseudonym);
  assert.equal(await text('raw'), next.value);
});

test('a short key shows the typed error code instead of a pseudonym', async () => {
  await page.locator('summary').click();
  await page.fill('#key', '00112233');
  assert.equal(await page.locator('[data-testid="error"]').isVisible(), true);
  assert.match(await text('error'), /^key_too_short: options\.key/);
  assert.equal(await text('pseudonym'), '');
  await page.click('#random-key');
  assert.equal(await page.locator('[data-testid="error"]').isVisible(), false);
  assert.match(await text('pseudonym'), /^[0-9a-f]{64}$/);
});

const row = async (field) => {
  const tr = page.locator(`[data-testid="classification"] tr[data-field="${field}"]`);
  return { category: await tr.getAttribute('data-category'), sensitivity: await tr.getAttribute('data-sensitivity') };
};

test('classifyForm reads the live sample form in the page (web-sys layer)', async () => {
  assert.deepEqual(await row('idCard'), { category: 'national_id', sensitivity: 'sensitive' });
  assert.deepEqual(await row('studentName'), { category: 'name', sensitivity: 'sensitive' }, 'an 11-year-old in CN: all PI sensitive');
  assert.deepEqual(await row('parentEmail'), { category: 'email', sensitivity: 'sensitive' });
  assert.deepEqual(await row('field_7'), { category: 'precise_location', sensitivity: 'sensitive' }, 'a hidden, unlabelled coordinate pair');
  assert.deepEqual(await row('shirtSize'), { category: 'non_personal', sensitivity: 'none' });
  assert.deepEqual(await row('remark'), { category: 'free_text', sensitivity: 'sensitive' });
  assert.equal(await page.locator('[data-testid="remark-scan"] mark').textContent(), '13912345678');
});

test('the table follows the subject age, the jurisdiction and edits to the form', async () => {
  await page.fill('#subject-age', '15');
  assert.deepEqual(await row('studentName'), { category: 'name', sensitivity: 'personal' }, '15 is not a child in CN');
  await page.selectOption('#jurisdiction', 'IN');
  assert.deepEqual(await row('studentName'), { category: 'name', sensitivity: 'sensitive' }, 'India: under 18');
  await page.fill('#f-remark', '我喜欢画画');
  // A child's free text is sensitive whatever it holds (India: under 18).
  assert.deepEqual(await row('remark'), { category: 'free_text', sensitivity: 'sensitive' });
  assert.equal(await page.locator('[data-testid="remark-scan"] mark').count(), 0);
});

test('minimize: the page shows what leaves the device under the example policy', async () => {
  await page.fill('#subject-age', '11');
  const payload = async () => JSON.parse(await text('payload'));
  const action = (field) => page.locator(`[data-testid="report"] tr[data-field="${field}"]`).getAttribute('data-action');
  assert.deepEqual(await payload(), { guardianPhone: '139****5678', birthday: '2014' });
  assert.equal(await action('guardianPhone'), 'mask');
  assert.equal(await action('birthday'), 'generalize');
  assert.equal(await action('idCard'), 'dropped', 'no declared purpose: default deny');
  assert.ok(!(await text('payload')).includes('110105201305120235'));
  await page.uncheck('#c-guardian');
  assert.deepEqual(await payload(), {}, 'a child without a verified guardian: nothing about the child leaves');
  await page.check('#c-guardian');
  await page.uncheck('#c-enrolment');
  assert.match(await text('minimize-error'), /^consent_required/);
  await page.check('#c-enrolment');
  assert.equal(await page.locator('[data-testid="minimize-error"]').isVisible(), false);
});

test('screenshot, no console errors, and no request leaves 127.0.0.1', async () => {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}demo.png`, fullPage: true });
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(foreignRequests, []);
});
