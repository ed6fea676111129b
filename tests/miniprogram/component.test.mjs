// <minform-consent> in miniprogram-simulate (WeChat's own component test tool): the child path
// from "whose form is this" through the age gate, the notices, guardian verification and
// consent, by simulated taps and input events, asserting on the rendered nodes and on the
// consents and receipt the component hands to the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { simulate, pkg, host, until } from './component-host.mjs';

const camp = JSON.parse(readFileSync(new URL('../policies/kids-camp.json', import.meta.url), 'utf8'));
const { id, storage, loads } = host();

/**
 * The shipped template's accessibility (miniprogram-simulate renders built-in components
 * without their aria-* properties, so they are read from the WXML itself): a dialog labelled by
 * its heading, an alert for errors, a label on every control.
 */
test('the template marks roles and labels every control', () => {
  const wxml = readFileSync(path.join(pkg, 'miniprogram/minform-consent/index.wxml'), 'utf8');
  const tags = [...wxml.matchAll(/<([a-z-]+)\b([^>]*)>/g)].map(([, tag, attrs]) => ({ tag, attrs }));
  const root = tags.find((t) => t.attrs.includes('class="minform-consent"'));
  assert.match(root.attrs, /aria-role="dialog"/);
  assert.match(root.attrs, /aria-labelledby="minform-consent-title"/);
  assert.match(tags.find((t) => t.attrs.includes('id="minform-consent-title"')).attrs, /aria-role="heading"/);
  assert.match(tags.find((t) => t.attrs.includes('minform-consent__error')).attrs, /aria-role="alert"/);
  const controls = tags.filter((t) => ['button', 'radio', 'checkbox', 'input', 'picker', 'radio-group', 'checkbox-group'].includes(t.tag));
  assert.ok(controls.length >= 8);
  for (const c of controls) assert.match(c.attrs, /aria-label="\{\{/, `<${c.tag}> has a label from the view`);
});

const text = (comp, selector) => comp.querySelector(selector)?.dom.textContent.trim();
/** Taps the action button for `type` (buttons carry data-action); events arrive a tick later. */
async function tapAction(comp, type) {
  const button = comp.querySelectorAll('.minform-consent__button').find((b) => b.dom.getAttribute('data-action') === type);
  assert.ok(button, `a button for ${type} on ${comp.instance.data.view?.step}`);
  button.dispatchEvent('tap');
  await simulate.sleep(10);
}
/** Sends a component event (change, input) and lets it arrive. */
async function send(node, event, detail) {
  node.dispatchEvent(event, { detail });
  await simulate.sleep(10);
}

test('the child path by taps: whose → age gate → notices → guardian verification → consent → done', async () => {
  const comp = simulate.render(id, { policy: camp, locale: 'zh-CN' });
  const parent = document.createElement('parent-wrapper');
  comp.attach(parent);
  let done = null;
  comp.addEventListener('done', (evt) => {
    done = evt.detail;
  });
  await until(() => comp.instance.data.view);
  assert.deepEqual(loads, ['/miniprogram_npm/minform/minform_bg.wasm.br']);

  // whose: the question and its answers as the view gives them, nothing chosen.
  const view = comp.instance.data.view;
  assert.equal(comp.querySelector('.minform-consent').dom.getAttribute('data-step'), 'whose');
  assert.equal(text(comp, '.minform-consent__title'), view.title);
  assert.match(view.title, /[\u4e00-\u9fff]/);
  const labels = comp.querySelectorAll('.minform-consent__choice').map((l) => l.dom.textContent.trim());
  assert.deepEqual(labels, view.options.map((o) => o.label));
  assert.equal(comp.instance.data.chosen, '');
  // Answering without choosing shows the view's message, and stays.
  await tapAction(comp, 'respondent');
  assert.ok(text(comp, '.minform-consent__error').length > 0, 'an announced error');
  await send(comp.querySelector('.minform-consent__options'), 'change', { value: 'self' });
  await tapAction(comp, 'respondent');

  // The age gate: a typed year, a chosen month, no defaults.
  assert.equal(comp.querySelector('.minform-consent').dom.getAttribute('data-step'), 'age_gate');
  assert.equal(comp.instance.data.year, '');
  assert.equal(comp.instance.data.month, 0, 'no month chosen for the child');
  await send(comp.querySelector('.minform-consent__year'), 'input', { value: '2016' });
  await send(comp.querySelector('.minform-consent__month'), 'change', { value: 5 });
  await tapAction(comp, 'age');
  assert.equal(comp.querySelector('.minform-consent').dom.getAttribute('data-step'), 'child_notice');
  assert.ok(comp.querySelectorAll('.minform-consent__paragraph').length > 0, 'a notice a child can read');
  await tapAction(comp, 'continue');
  assert.equal(comp.querySelector('.minform-consent').dom.getAttribute('data-step'), 'guardian_notice');
  await tapAction(comp, 'continue');
  assert.equal(comp.querySelector('.minform-consent').dom.getAttribute('data-step'), 'guardian_verify');

  // No verifier set: the view's message, and no way forward.
  await tapAction(comp, 'guardian_verified');
  assert.ok(text(comp, '.minform-consent__error').length > 0);
  assert.equal(comp.instance.getFlow().view().step, 'guardian_verify');
  // A failing verifier keeps it there too; then the page's SMS check succeeds.
  comp.instance.setGuardianVerifier(() => Promise.reject(new Error('wrong code')));
  await tapAction(comp, 'guardian_verified');
  await simulate.sleep(10);
  assert.equal(comp.instance.getFlow().view().step, 'guardian_verify');
  comp.instance.setGuardianVerifier(async () => 'sms');
  await tapAction(comp, 'guardian_verified');
  await until(() => comp.instance.data.view?.step === 'consent');

  // Consent: required purposes ticked and fixed, the rest unticked; each has a label.
  const boxes = comp.querySelectorAll('.minform-consent__checkbox');
  const choices = comp.instance.data.view.choices;
  assert.equal(boxes.length, choices.length);
  const shown = comp.querySelectorAll('.minform-consent__choice-text').map((t) => t.dom.textContent);
  choices.forEach((c, i) => {
    assert.ok(shown[i].includes(c.label), `${c.id} is labelled`);
    if (c.description) assert.ok(shown[i].includes(c.description), `${c.id} says what it is for`);
    assert.equal(comp.instance.data.checked[i], c.required, `${c.id} ticked only if required`);
  });
  const health = choices.findIndex((c) => c.id === 'health');
  // Unticking a required purpose is not possible; ticking health is.
  await send(comp.querySelector('.minform-consent__choices'), 'change', { value: [String(health)] });
  await tapAction(comp, 'grant');
  await until(() => done);

  assert.equal(done.step, 'done');
  assert.deepEqual(done.consents, { purposes: ['enrolment', 'safety'], sensitiveCategories: ['health'], guardianVerified: true });
  assert.equal(done.subject, 'child');
  assert.equal(done.receipt.guardianVerification.method, 'sms');
  assert.equal(comp.instance.data.view, null, 'closed');
  // The flow lived in wx storage: the receipt chain is there, with no birth date.
  assert.equal(JSON.parse(storage.get('minform.receipts.v1')).length, 1);
  assert.ok(!JSON.stringify([...storage.values()]).includes('2016'));
});

test('relaunched on the same storage, the age gate stays answered', async () => {
  const comp = simulate.render(id, { policy: camp, locale: 'en' });
  comp.attach(document.createElement('parent-wrapper'));
  await until(() => comp.instance.data.view);
  assert.notEqual(comp.instance.data.view.step, 'age_gate');
  assert.notEqual(comp.instance.data.view.step, 'whose');
  assert.equal(comp.instance.getFlow().subject(), 'child');
});
