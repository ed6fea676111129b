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

test('screenshot, no console errors, and no request leaves 127.0.0.1', async () => {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: `${screenshots}demo.png`, fullPage: true });
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(foreignRequests, []);
});
