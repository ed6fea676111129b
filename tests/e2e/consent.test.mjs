// End-to-end: the consent demo (www/consent.html, under a strict Content-Security-Policy) in
// Debian's Chromium. The child flow, the adult flow and a parent filling in for a child are
// completed by keyboard only, axe-core scans every screen of the dialog, focus stays inside it,
// and the answers stick.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { launchChromium } from '../support/chromium.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));

let server, browser, page;
const problems = [];

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  server = await startServer({ root: fileURLToPath(new URL('../../www/', import.meta.url)) });
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => { problems.push(String(e)); if (process.env.DEBUG) console.log(e.stack); });
  page.on('request', (r) => !r.url().startsWith(server.url) && problems.push(`request to ${r.url()}`));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  // A fresh device for each flow (setup, not part of the flow).
  await page.goto(new URL('consent.html', server.url).href);
  await page.evaluate(() => localStorage.clear());
  await page.goto(new URL('consent.html', server.url).href);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15_000 });
});

const dialog = () => page.locator('[role="dialog"]');
const step = () => dialog().getAttribute('data-step');
const active = () =>
  page.evaluate(() => {
    const a = document.activeElement;
    return { tag: a?.tagName.toLowerCase(), id: a?.id, text: a?.textContent?.trim() ?? '', action: a?.dataset?.action, inDialog: !!a?.closest('[role="dialog"]') };
  });

/** Presses Tab until the focused element matches `want` (or fails after `max` presses). */
async function tabTo(want, max = 30) {
  for (let i = 0; i < max; i++) {
    const a = await active();
    if (want(a)) return a;
    await page.keyboard.press('Tab');
  }
  assert.fail(`focus never reached the wanted element; last: ${JSON.stringify(await active())}`);
}

/** axe-core on the dialog: zero violations (WCAG 2.x A/AA and best practices). */
async function axe(label) {
  await page.evaluate(axeSource); // through the debugging protocol, so the page's CSP allows it
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  assert.deepEqual(result, [], `axe violations on ${label}`);
}

async function openByKeyboard() {
  await tabTo((a) => a.id === 'open');
  await page.keyboard.press('Enter');
  await dialog().waitFor();
  const d = dialog();
  assert.equal(await d.getAttribute('aria-modal'), 'true');
  const labelledby = await d.getAttribute('aria-labelledby');
  const describedby = await d.getAttribute('aria-describedby');
  assert.ok((await page.locator(`[id="${labelledby}"]`).textContent()).length > 0, 'labelled by its heading');
  assert.ok((await page.locator(`[id="${describedby}"]`).count()) === 1, 'described by its text');
  assert.equal((await active()).inDialog, true, 'focus moved into the dialog');
}

/** Answers "who is this form about?" by keyboard: Tab into the radio group, choose, Continue. */
async function answerWhose(respondent) {
  await waitStep('whose');
  await tabTo((a) => a.tag === 'input' && /-option-\d$/.test(a.id));
  // No answer is chosen beforehand: Space chooses the first, ArrowDown moves to and chooses the next.
  await page.keyboard.press(respondent === 'guardian' ? 'ArrowDown' : 'Space');
  assert.equal(await page.locator('[role="dialog"] input[type="radio"]:checked').getAttribute('value'), respondent);
  await tabTo((a) => a.action === 'respondent');
  await page.keyboard.press('Enter');
  await waitStep('age_gate');
}

async function answerAge(year, monthIndex) {
  await tabTo((a) => a.tag === 'input' && a.id.endsWith('-year'));
  await page.keyboard.type(year);
  await page.keyboard.press('Tab');
  for (let i = 0; i < monthIndex; i++) await page.keyboard.press('ArrowDown');
  await tabTo((a) => a.action === 'age');
  await page.keyboard.press('Enter');
}

async function press(action) {
  const before = await step();
  await tabTo((a) => a.action === action);
  await page.keyboard.press('Enter');
  return before;
}

async function waitStep(name) {
  await page.waitForFunction((s) => document.querySelector('[role="dialog"]')?.dataset.step === s, name, { timeout: 5000 });
}

test('the child flow, by keyboard only, with every screen accessible', async () => {
  // English, chosen by keyboard too (the texts below are checked in English).
  await tabTo((a) => a.id === 'locale');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue('#locale'), 'en');
  await openByKeyboard();
  assert.equal(await step(), 'whose');
  assert.equal(await dialog().getAttribute('lang'), 'en');
  assert.equal(await page.locator('[role="dialog"] input[type="radio"]:checked').count(), 0, 'no answer chosen');
  await axe('whose');
  await answerWhose('self');
  assert.equal(await page.locator('[role="dialog"] h2').textContent(), 'Your date of birth');
  assert.equal(await page.inputValue('[role="dialog"] input'), '', 'no default year');
  assert.equal(await page.locator('[role="dialog"] select').first().inputValue(), '', 'no default month');
  await axe('age gate');
  // A bad answer is announced and changes nothing.
  await answerAge('20', 0);
  await page.waitForFunction(() => document.querySelector('[role="alert"]')?.textContent.length > 0);
  assert.equal(await step(), 'age_gate');
  await page.locator('[role="dialog"] input').fill(''); // clear the field (the next answer is typed)
  await answerAge('2016', 5);
  await waitStep('child_notice');
  assert.match(await dialog().textContent(), /grown-up|parent or guardian/);
  await axe('child notice');
  await page.screenshot({ path: `${screenshots}consent-child.png` });
  // Anyone can open the other audience's text, and come back.
  await press('other_audience');
  await page.waitForFunction(() => /parent or guardian/i.test(document.querySelector('[role="dialog"] h2').textContent));
  await press('other_audience');
  await press('continue');
  await waitStep('guardian_notice');
  assert.match(await dialog().textContent(), /under 14/);
  await axe('guardian notice');
  await press('continue');
  await waitStep('guardian_verify');
  await axe('guardian verification');
  await press('guardian_verified');
  await waitStep('consent');
  await axe('consent choices');
  // Tick the optional purpose and one sensitive category, with Space.
  const boxes = page.locator('[role="dialog"] input[type="checkbox"]');
  assert.equal(await boxes.count(), 6);
  assert.equal(await boxes.nth(0).isDisabled(), true, 'required purposes are fixed');
  assert.equal(await boxes.nth(2).isChecked(), false, 'nothing optional is ticked');
  await tabTo((a) => a.tag === 'input' && a.id === 'minform-consent-1-choice-2');
  await page.keyboard.press('Space');
  await tabTo((a) => a.tag === 'input' && a.id === 'minform-consent-1-choice-5');
  await page.keyboard.press('Space');
  await press('grant');
  await dialog().waitFor({ state: 'detached' });
  assert.equal((await active()).id, 'open', 'focus returns to where it was');
  const consents = JSON.parse(await page.locator('[data-testid="consents"]').textContent());
  assert.deepEqual(consents, { purposes: ['enrolment', 'safety', 'photos'], sensitiveCategories: ['health'], guardianVerified: true });
  assert.equal(await page.locator('[data-testid="verified"]').textContent(), 'verified against the policy');
  // The required enrolment needs the resident ID in the record, whose separate consent was left
  // unticked: the minimizer refuses the whole record, and the page says what is missing.
  assert.equal(
    await page.locator('[data-testid="consent-payload"]').textContent(),
    'consent_required: nothing is sent — national_id needs its own consent (required by enrolment)',
  );
  // Sticky: a reload shows the consent given, with withdrawal; not the age question.
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await openByKeyboard();
  assert.equal(await step(), 'done');
  await axe('done');
  // Withdraw the photos purpose: tick it, press withdraw; the screen shows what is left.
  const photos = page.locator('[role="dialog"] input[type="checkbox"][data-id="photos"]');
  const photosId = await photos.getAttribute('id');
  await tabTo((a) => a.id === photosId);
  await page.keyboard.press('Space');
  await press('withdraw');
  await page.waitForFunction(() => !document.querySelector('[role="dialog"] input[data-id="photos"]'));
  assert.equal(await step(), 'done');
  await tabTo((a) => a.tag === 'button' && a.action === undefined);
  await page.keyboard.press('Enter'); // Close
  await dialog().waitFor({ state: 'detached' });
  const after = JSON.parse(await page.locator('[data-testid="consents"]').textContent());
  assert.deepEqual(after.purposes, ['enrolment', 'safety'], 'withdrawn');
  assert.equal(JSON.parse(await page.locator('[data-testid="receipt"]').textContent()).events.at(-1).type, 'withdrawn');
  assert.deepEqual(problems, []);
});

test('the adult flow, by keyboard only', async () => {
  await openByKeyboard();
  assert.equal(await dialog().getAttribute('lang'), 'zh-CN');
  await answerWhose('self');
  await answerAge('1990', 1);
  await waitStep('adult_notice');
  await axe('adult notice (zh-CN)');
  await press('continue');
  await waitStep('consent');
  await press('grant');
  await dialog().waitFor({ state: 'detached' });
  const consents = JSON.parse(await page.locator('[data-testid="consents"]').textContent());
  assert.deepEqual(consents, { purposes: ['enrolment', 'safety'], sensitiveCategories: [], guardianVerified: false });
  assert.deepEqual(problems, []);
});

test('focus stays inside the dialog and the page behind is inert', async () => {
  await openByKeyboard();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    assert.equal((await active()).inDialog, true, `Tab ${i}`);
  }
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Shift+Tab');
    assert.equal((await active()).inDialog, true, `Shift+Tab ${i}`);
  }
  assert.equal(await page.locator('main').getAttribute('inert'), '');
  await page.screenshot({ path: `${screenshots}consent-age-gate.png` });
  assert.deepEqual(problems, [], 'no CSP violation, console error or outside request');
});

test('on a phone-sized screen the dialog fits and its text scrolls', async () => {
  await page.setViewportSize({ width: 360, height: 640 });
  try {
    await openByKeyboard();
    await answerWhose('self');
    await answerAge('2016', 5);
    await waitStep('child_notice');
    await press('continue');
    await waitStep('guardian_notice');
    const box = await dialog().boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 360, `fits the width: ${JSON.stringify(box)}`);
    assert.ok(box.height <= 640, 'no taller than the screen (it scrolls inside)');
    await axe('guardian notice on a phone');
    await tabTo((a) => a.action === 'continue');
    assert.ok(await page.locator('[role="dialog"] [data-action="continue"]').isVisible(), 'the focused button is scrolled into view');
    await page.screenshot({ path: `${screenshots}consent-phone.png` });
  } finally {
    await page.setViewportSize({ width: 1280, height: 720 });
  }
  assert.deepEqual(problems, []);
});

test('the dialog follows actions the page dispatches itself (its own guardian verification)', async () => {
  await page.selectOption('#locale', 'en');
  await openByKeyboard();
  await answerWhose('self');
  await answerAge('2016', 5);
  await waitStep('child_notice');
  await press('continue');
  await press('continue');
  await waitStep('guardian_verify');
  // The page's own verification UI dispatches on the flow; the dialog redraws from it.
  await page.evaluate(() => window.__minformDemoFlow.dispatch({ type: 'guardian_verified', method: 'id_check' }));
  await waitStep('consent');
  assert.equal((await active()).inDialog, true, 'focus is in the redrawn dialog');
  await page.evaluate(() => window.__minformDemoFlow.dispatch({ type: 'grant', purposes: ['enrolment', 'safety'] }));
  await dialog().waitFor({ state: 'detached' });
  const receipt = JSON.parse(await page.locator('[data-testid="receipt"]').textContent());
  assert.equal(receipt.guardianVerification.method, 'id_check');
  assert.deepEqual(problems, []);
});

test('Escape closes the dialog without deciding anything', async () => {
  await openByKeyboard();
  await answerWhose('self');
  await answerAge('2016', 5);
  await waitStep('child_notice');
  await page.keyboard.press('Escape');
  await dialog().waitFor({ state: 'detached' });
  assert.equal((await active()).id, 'open', 'focus returns');
  assert.equal(await page.locator('[data-testid="state"]').textContent(), 'Step: child_notice · age band 10-12 · answered by the subject');
  await openByKeyboard();
  assert.equal(await step(), 'child_notice', 'reopened where it was; the age answer stands');
  assert.deepEqual(problems, []);
});

test('a parent fills in for a 9-year-old, by keyboard only', async () => {
  // The reported case: the form is about the child, the parent is at the keyboard (zh-CN, CN).
  await openByKeyboard();
  assert.equal(await step(), 'whose');
  assert.equal(await dialog().getAttribute('lang'), 'zh-CN');
  const legend = await page.locator('[role="dialog"] fieldset legend').textContent();
  assert.equal(legend, await page.locator('[role="dialog"] h2').textContent(), 'the group is named by the question');
  // Continue with nothing chosen: announced, nothing changes.
  await press('respondent');
  await page.waitForFunction(() => document.querySelector('[role="alert"]')?.textContent.length > 0);
  assert.equal(await step(), 'whose');
  await answerWhose('guardian');
  assert.equal(await page.locator('[role="dialog"] h2').textContent(), '孩子的出生日期');
  assert.equal(await page.inputValue('[role="dialog"] input'), '', 'no default year');
  await axe("the child's date of birth");
  // Nine and a half years ago.
  const born = new Date();
  born.setMonth(born.getMonth() - 6);
  await answerAge(String(born.getFullYear() - 9), born.getMonth() + 1);
  await waitStep('guardian_notice');
  assert.match(await page.locator('[role="dialog"] h2').textContent(), /监护人/);
  await axe('guardian notice (guardian answering)');
  // The child's version is one action away.
  await press('other_audience');
  await page.waitForFunction(() => !/监护人/.test(document.querySelector('[role="dialog"] h2').textContent));
  await press('other_audience');
  await press('continue');
  await waitStep('guardian_verify');
  await press('guardian_verified');
  await waitStep('consent');
  // Each sensitive item says what needs it and what refusing means, read with its checkbox.
  const health = page.locator('[role="dialog"] input[data-id="health"]');
  const hint = await page.locator(`[id="${await health.getAttribute('aria-describedby')}"]`).textContent();
  assert.match(hint, /^用于：在营期间保障孩子安全（必需）。如不同意/);
  await axe('consent choices with explanations');
  const healthId = await health.getAttribute('id');
  await tabTo((a) => a.id === healthId);
  await page.keyboard.press('Space');
  await press('grant');
  await dialog().waitFor({ state: 'detached' });
  const consents = JSON.parse(await page.locator('[data-testid="consents"]').textContent());
  assert.deepEqual(consents, { purposes: ['enrolment', 'safety'], sensitiveCategories: ['health'], guardianVerified: true });
  const receipt = JSON.parse(await page.locator('[data-testid="receipt"]').textContent());
  assert.equal(receipt.respondent, 'guardian');
  assert.equal(receipt.ageBand, '6-9');
  assert.equal(receipt.notice.audience, 'guardian');
  assert.equal(await page.locator('[data-testid="verified"]').textContent(), 'verified against the policy');
  assert.match(await page.locator('[data-testid="state"]').textContent(), /answered by a guardian/);
  // Sticky: a reload does not ask again.
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  await openByKeyboard();
  assert.equal(await step(), 'done');
  assert.deepEqual(problems, []);
});
