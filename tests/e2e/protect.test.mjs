// End-to-end: protectForm (www/protect.html, under a strict CSP) in Debian's Chromium. A form
// holding a child's name, resident ID and guardian phone, method GET, is protected before the
// WebAssembly module has loaded. Route interception holds the module back (or answers 404) to
// show that no native submission gets through while it loads or after it failed, and that once
// it is ready only the minimized payload leaves. Every request URL and body is checked for the
// raw values.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { launchChromium } from '../support/chromium.mjs';
import { TEXTS } from '../../pkg/src/protect-text.js';

const RAW = ['王小明', '110105201305120235', '13912345678', '2013-05-12'];
/** The raw values as they may appear in a URL or a form body. */
const RAW_FORMS = [...new Set(RAW.flatMap((v) => [v, encodeURIComponent(v), new URLSearchParams({ v }).toString().slice(2)]))];
const WASM = '**/minform_bg.wasm';

let server, browser;
const open = [];

before(async () => {
  server = await startServer({ root: fileURLToPath(new URL('../../www/', import.meta.url)) });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  while (open.length) await open.pop().close();
});

/** A fresh page that records requests, navigations and console errors. */
async function newPage() {
  const context = await browser.newContext();
  open.push(context);
  const page = await context.newPage();
  const seen = { requests: [], navigations: [], console: [], foreign: [] };
  page.on('request', (r) => {
    seen.requests.push({ url: r.url(), body: r.postData() ?? '' });
    if (!r.url().startsWith(server.url)) seen.foreign.push(r.url());
  });
  page.on('framenavigated', (f) => f === page.mainFrame() && seen.navigations.push(f.url()));
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && seen.console.push(m.text()));
  page.on('pageerror', (e) => seen.console.push(String(e)));
  return { page, seen };
}

/** Holds the wasm request until `release()` (which lets it through to the server). */
async function holdWasm(page) {
  let held;
  const arrived = new Promise((ok) => {
    page.route(WASM, (route) => {
      held = route;
      ok();
    });
  });
  return { arrived, release: async () => { await arrived; await held.continue(); } };
}

const pageUrl = (query = '') => new URL(`protect.html${query}`, server.url).href;

/** No raw value in any request URL or body, in the console, and nothing left 127.0.0.1. */
function assertClean(seen, { consoleErrors = [] } = {}) {
  for (const { url, body } of seen.requests) {
    for (const raw of RAW_FORMS) {
      assert.ok(!url.includes(raw), `a request URL carries a raw value: ${url}`);
      assert.ok(!body.includes(raw), `a request body carries a raw value (${url})`);
    }
  }
  for (const line of seen.console) for (const raw of RAW_FORMS) assert.ok(!line.includes(raw), 'a console message carries a raw value');
  assert.deepEqual(seen.console.filter((line) => !consoleErrors.some((re) => re.test(line))), [], 'no console errors');
  assert.deepEqual(seen.foreign, [], 'no request leaves 127.0.0.1');
}

const state = (page) => page.getAttribute('#signup', 'data-minform-state');
const settle = (page) => page.waitForTimeout(400);
const sentParams = (page) => Object.fromEntries(new URL(page.url()).searchParams);

test('Enter while the wasm is still loading: nothing is submitted; once loaded, only the minimized payload', async () => {
  const { page, seen } = await newPage();
  const wasm = await holdWasm(page);
  await page.goto(pageUrl());
  await wasm.arrived;
  await page.waitForSelector('#signup[data-minform-state="loading"]');
  assert.equal(await page.isEnabled('#idCard'), true, 'the pending fieldset is enabled once attached');
  await page.focus('#idCard');
  await page.keyboard.press('Enter');
  await settle(page);
  assert.equal(page.url(), pageUrl(), 'no navigation');
  assert.deepEqual(seen.navigations, [pageUrl()]);
  assert.equal(await page.textContent('#signup [role="status"]'), TEXTS['zh-CN'].loading);
  assertClean(seen);

  await wasm.release();
  await page.waitForURL(/protect-sent\.html/, { timeout: 15_000 });
  const sent = sentParams(page);
  assert.deepEqual(sent, { guardianPhone: '139****5678', birthday: '2013' }, 'only what the policy lets leave');
  assert.equal(seen.navigations.length, 2, 'the queued submission went through once');
  assertClean(seen);
});

test('the wasm answering 404: blocked for good, an alert in the chosen language, nothing sent', async () => {
  const { page, seen } = await newPage();
  await page.route(WASM, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  await page.goto(pageUrl('?locale=en'));
  await page.waitForSelector('html[data-ready="init_failed"]', { timeout: 15_000 });
  assert.equal(await state(page), 'failed');
  const alert = page.locator('#signup [role="alert"]');
  assert.equal(await alert.textContent(), TEXTS.en.load_failed);
  assert.equal(await alert.getAttribute('lang'), 'en');
  await page.focus('#childName');
  await page.keyboard.press('Enter');
  await page.click('#go');
  await page.evaluate(() => document.getElementById('signup').requestSubmit());
  await page.evaluate(() => document.getElementById('signup').submit());
  await settle(page);
  assert.deepEqual(seen.navigations, [pageUrl('?locale=en')], 'no navigation');
  assert.equal(await page.locator('#signup [role="alert"]').count(), 1, 'one alert, announced again on each try');
  assertClean(seen, { consoleErrors: [/404/] });
});

test('the 404 alert in zh-CN', async () => {
  const { page, seen } = await newPage();
  await page.route(WASM, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  await page.goto(pageUrl());
  await page.waitForSelector('#signup [role="alert"]', { timeout: 15_000 });
  assert.equal(await page.textContent('#signup [role="alert"]'), TEXTS['zh-CN'].load_failed);
  assert.equal(await page.getAttribute('#signup [role="alert"]', 'lang'), 'zh-CN');
  assertClean(seen, { consoleErrors: [/404/] });
});

test('requestSubmit(), form.submit() and a click on the submit button while loading: blocked', async () => {
  const { page, seen } = await newPage();
  const wasm = await holdWasm(page);
  await page.goto(pageUrl());
  await wasm.arrived;
  await page.waitForSelector('#signup[data-minform-state="loading"]');
  await page.evaluate(() => document.getElementById('signup').requestSubmit());
  await page.evaluate(() => document.getElementById('signup').submit());
  await page.click('#go');
  await settle(page);
  assert.deepEqual(seen.navigations, [pageUrl()], 'no navigation');
  assertClean(seen);
  await wasm.release();
  await page.waitForURL(/protect-sent\.html/, { timeout: 15_000 });
  // The last one asked for was the button, whose name and value are read with the form
  // (no declared purpose: dropped like the rest).
  assert.deepEqual(sentParams(page), { guardianPhone: '139****5678', birthday: '2013' });
  assert.equal(seen.navigations.length, 2);
  assertClean(seen);
});

test('send(payload, report): the callback gets them and nothing navigates', async () => {
  const { page, seen } = await newPage();
  await page.goto(pageUrl('?mode=send'));
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15_000 });
  await page.focus('#guardianPhone');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__minformSent);
  const { payload, report } = await page.evaluate(() => window.__minformSent);
  assert.deepEqual(payload, { guardianPhone: '139****5678', birthday: '2013' });
  const byField = Object.fromEntries(report.map((r) => [r.field, r]));
  assert.equal(byField.idCard.action, 'dropped');
  assert.equal(byField.childName.action, 'dropped');
  assert.equal(byField.guardianPhone.action, 'mask');
  assert.equal(byField.action.action, 'dropped', 'the submitter is read as a native submission would');
  await settle(page);
  assert.deepEqual(seen.navigations, [pageUrl('?mode=send')], 'no navigation');
  assertClean(seen);
});

/**
 * Goes through the consent dialog to the consent step and ends with `last`. By default a
 * parent fills in for the child of the form (born 2013): whose → a child in my care, the
 * child's birth date, the guardian notice, verification. `{ respondent: 'self', year: '1986' }`
 * is a parent who answers about themselves (the adult notice, no verification).
 */
async function throughDialog(page, last, { respondent = 'guardian', year = '2013', sensitive = [] } = {}) {
  const dialog = page.locator('[role="dialog"]');
  await dialog.waitFor();
  const at = (step) => page.waitForFunction((s) => document.querySelector('[role="dialog"]')?.dataset.step === s, step);
  assert.equal(await dialog.getAttribute('data-step'), 'whose');
  await dialog.locator(`input[type="radio"][value="${respondent}"]`).check();
  await dialog.locator('[data-action="respondent"]').click();
  await at('age_gate');
  await dialog.locator('input').first().fill(year);
  await dialog.locator('select').first().selectOption({ index: 5 });
  await dialog.locator('[data-action="age"]').click();
  if (year === '1986') {
    await at('adult_notice');
    await dialog.locator('[data-action="continue"]').click();
  } else {
    await at('guardian_notice');
    await dialog.locator('[data-action="continue"]').click();
    await at('guardian_verify');
    await dialog.locator('[data-action="guardian_verified"]').click(); // the page's verifyGuardian()
  }
  await at('consent');
  for (const id of sensitive) await dialog.locator(`input[data-id="${id}"]`).check();
  await dialog.locator(`[data-action="${last}"]`).click();
  await dialog.waitFor({ state: 'detached' });
}

test('without consents, the consent dialog asks first; granting sends the minimized payload', async () => {
  const { page, seen } = await newPage();
  await page.goto(pageUrl('?mode=flow&locale=en'));
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15_000 });
  await page.click('#go');
  await throughDialog(page, 'grant');
  await page.waitForURL(/protect-sent\.html/, { timeout: 15_000 });
  assert.deepEqual(sentParams(page), { guardianPhone: '139****5678', birthday: '2013' }, 'what the guardian agreed to, minimized');
  assertClean(seen);
});

test('declining in the dialog: nothing is sent, and an alert says which consent is missing', async () => {
  const { page, seen } = await newPage();
  await page.goto(pageUrl('?mode=flow&locale=en'));
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15_000 });
  await page.focus('#childName');
  await page.keyboard.press('Enter');
  await throughDialog(page, 'decline');
  const alert = page.locator('#signup [role="alert"]');
  await alert.waitFor();
  // The purpose is named by its description in the policy, in the chosen language.
  assert.equal(await alert.textContent(), TEXTS.en.consent_purpose.replace('{purpose}', 'enrol the child'));
  await settle(page);
  assert.deepEqual(seen.navigations, [pageUrl('?mode=flow&locale=en')], 'no navigation');
  assertClean(seen);
});

test('a parent who gives their own adult birth date while the form holds a child\'s: child rules apply', async () => {
  const { page, seen } = await newPage();
  await page.goto(pageUrl('?mode=flow&locale=en'));
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15_000 });
  await page.click('#go');
  // "Myself", born 1986: the adult notice and no guardian verification.
  await throughDialog(page, 'grant', { respondent: 'self', year: '1986' });
  await page.waitForURL(/protect-sent\.html/, { timeout: 15_000 });
  // The form's own birth date (2013) is a child's: without a verified guardian nothing personal leaves.
  assert.deepEqual(sentParams(page), {});
  assertClean(seen);
});

test('a required sensitive item left unticked: the alert says which, nothing is sent; ticked, it goes', async () => {
  const { page, seen } = await newPage();
  const url = pageUrl('?mode=flow&locale=en&policy=kids-camp');
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15_000 });
  await page.click('#go');
  // Enrolment (required) needs the resident ID; its separate consent stays unticked.
  await throughDialog(page, 'grant');
  const alert = page.locator('#signup [role="alert"]');
  await alert.waitFor();
  assert.equal(await alert.textContent(), TEXTS.en.consent_category.replace('{category}', TEXTS.en.categories.national_id));
  await settle(page);
  assert.deepEqual(seen.navigations, [url], 'no navigation');
  assertClean(seen);
  // Ticked: the same form goes, the ID pseudonymized.
  const second = await newPage();
  await second.page.goto(url);
  await second.page.waitForSelector('html[data-ready="true"]', { timeout: 15_000 });
  await second.page.click('#go');
  await throughDialog(second.page, 'grant', { sensitive: ['national_id'] });
  await second.page.waitForURL(/protect-sent\.html/, { timeout: 15_000 });
  const sent = sentParams(second.page);
  assert.match(sent.idCard, /^[0-9a-f]{64}$/);
  assertClean(second.seen);
});

test('the server-rendered form stays disabled until the script attaches', async () => {
  const { page, seen } = await newPage();
  let held;
  const arrived = new Promise((ok) => page.route(new URL('protect.js', server.url).href, (route) => { held = route; ok(); }));
  await page.goto(pageUrl(), { waitUntil: 'commit' }); // DOMContentLoaded waits for the module script
  await arrived;
  await page.waitForSelector('#go', { state: 'attached' });
  assert.equal(await page.isDisabled('#idCard'), true);
  assert.equal(await page.isDisabled('#go'), true);
  await page.click('#go', { force: true });
  await page.evaluate(() => document.getElementById('childName').focus());
  await page.keyboard.press('Enter');
  await settle(page);
  assert.deepEqual(seen.navigations, [pageUrl()], 'no navigation');
  await held.continue();
  await page.waitForSelector('#signup[data-minform-state]');
  assert.equal(await page.isEnabled('#idCard'), true);
  assert.equal(await page.locator('[data-minform-pending]').count(), 0, 'the marker is removed');
  assertClean(seen);
});

test('detach() removes what protectForm added and gives the form back', async () => {
  const { page } = await newPage();
  await page.goto(pageUrl());
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15_000 });
  assert.equal(await page.locator('#signup .minform-protect__status').count(), 1);
  const restored = await page.evaluate(() => {
    const form = document.getElementById('signup');
    window.__minformProtect.detach();
    return {
      submit: form.submit === HTMLFormElement.prototype.submit && !Object.hasOwn(form, 'submit'),
      state: form.hasAttribute('data-minform-state'),
      added: form.querySelectorAll('.minform-protect__status, .minform-protect__alert, [role="status"], [role="alert"]').length,
      forms: document.querySelectorAll('form').length,
    };
  });
  assert.deepEqual(restored, { submit: true, state: false, added: 0, forms: 1 });
  // The form submits natively again (raw values in the URL: exactly what protectForm prevents).
  await page.focus('#childName');
  await page.keyboard.press('Enter');
  await page.waitForURL(/protect-sent\.html/);
  assert.equal(sentParams(page).idCard, '110105201305120235');
});

test('a form in a shadow root is protected too; arguments are checked at once; one protection per form', async () => {
  const { page, seen } = await newPage();
  const wasm = await holdWasm(page);
  await page.goto(pageUrl('?mode=send'));
  await wasm.arrived;
  await page.waitForSelector('#signup[data-minform-state="loading"]');
  const checks = await page.evaluate(async () => {
    const { protectForm } = await import('./vendor/minform/src/browser.js'); // the page's module instance
    const code = (f) => { try { f(); return 'none'; } catch (e) { return `${e.code} ${e.path}`; } };
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<form method="get" action="protect-sent.html"><input name="idCard" value="110105201305120235"><input name="guardianPhone" value="13912345678"><button>Go</button></form>';
    const form = shadow.querySelector('form');
    const key = new Uint8Array(32);
    const policy = fetch('vendor/policies/kids-signup.json').then((r) => r.json());
    const consents = { purposes: ['enrolment'], sensitiveCategories: [], guardianVerified: true };
    const results = {
      notForm: code(() => protectForm(host, { policy, key })),
      noKey: code(() => protectForm(form, { policy })),
      unknown: code(() => protectForm(form, { policy, key, sendTo: '/x' })),
      again: code(() => protectForm(document.getElementById('signup'), { policy, key })),
    };
    window.__shadowSent = null;
    window.__shadowProtect = protectForm(form, { policy, key, subjectAge: 11, consents, send: (payload) => { window.__shadowSent = payload; } });
    form.requestSubmit();
    form.submit();
    return results;
  });
  assert.deepEqual(checks, {
    notForm: 'invalid_argument form',
    noKey: 'invalid_argument options.key',
    unknown: 'invalid_argument options.sendTo',
    again: 'invalid_argument form',
  });
  await page.locator('form:not(#signup) input[name="idCard"]').focus(); // in the shadow root (locators pierce it)
  await page.keyboard.press('Enter');
  await settle(page);
  assert.deepEqual(seen.navigations, [pageUrl('?mode=send')], 'no navigation');
  assert.equal(await page.evaluate(() => window.__shadowSent), null);
  await wasm.release();
  await page.waitForFunction(() => window.__shadowSent);
  assert.deepEqual(await page.evaluate(() => window.__shadowSent), { guardianPhone: '139****5678' });
  assertClean(seen);
});

test("protectForm's category names are the core's locale texts", () => {
  for (const tag of ['en', 'zh-CN']) {
    const data = JSON.parse(readFileSync(new URL(`../../src/locale/data/${tag}.json`, import.meta.url), 'utf8'));
    for (const [id, name] of Object.entries(TEXTS[tag].categories)) {
      if (`category.${id}` in data) assert.equal(name, data[`category.${id}`], `${tag} category.${id}`);
    }
    for (const key of Object.keys(data).filter((k) => /^category\.[a-z_]+$/.test(k))) {
      assert.ok(key.slice('category.'.length) in TEXTS[tag].categories, `${tag}: protect-text.js lacks ${key}`);
    }
    assert.deepEqual(Object.keys(TEXTS[tag]).sort(), Object.keys(TEXTS.en).sort(), `${tag} has every message`);
  }
});
