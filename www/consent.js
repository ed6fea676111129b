// The consent demo: a ConsentFlow over localStorage, drawn by mountConsent, and what the
// minimizer sends with the consents it produces. Imports the package copy in vendor/ directly
// (no import map: an inline script would need 'unsafe-inline' under this page's CSP).
import {
  init,
  ConsentFlow,
  mountConsent,
  verifyReceipt,
  Minimizer,
} from './vendor/minform/src/browser.js';

const $ = (id) => document.getElementById(id);
const storage = { get: (k) => localStorage.getItem(k), set: (k, v) => localStorage.setItem(k, v) };
const record = {
  studentName: '王小明', birthday: '2014-03-09', idCard: '110105201305120235', guardianPhone: '13912345678',
  allergies: '青霉素过敏', location: '116.310003,39.991957', guardianEmail: 'wang.jg@example.cn',
};
const key = Uint8Array.from({ length: 32 }, (_, i) => i); // demo key: a real one is a secret

await init();
const policy = await (await fetch('vendor/policies/kids-camp.json')).json();
const minimizer = new Minimizer(policy, { key });
$('gpc').checked = navigator.globalPrivacyControl === true;

function flow() {
  return new ConsentFlow(policy, {
    locale: $('locale').value,
    jurisdiction: $('jurisdiction').value,
    gpc: $('gpc').checked,
    storage,
  });
}

function show(f) {
  const view = f.view();
  const respondent = f.respondent();
  $('state').textContent = `Step: ${view.step}${view.ageBand ? ` · age band ${view.ageBand}` : ''}${respondent ? ` · answered by ${respondent === 'guardian' ? 'a guardian' : 'the subject'}` : ''}`;
  const consents = f.consents();
  $('consents').textContent = JSON.stringify(consents, null, 2);
  try {
    $('payload').textContent = JSON.stringify(minimizer.minimize(record, { subject: f.subject() ?? undefined, consents }).payload, null, 2);
  } catch (err) {
    // A required purpose lacks a consent (a sensitive category's, if `category` is set): the
    // minimizer refuses the whole record rather than send part of it.
    const missing = err.category ? `${err.category} needs its own consent (required by ${err.purpose})` : err.purpose ? `${err.purpose} needs consent` : '';
    $('payload').textContent = `${err.code}: nothing is sent${missing ? ` — ${missing}` : ''}`;
  }
  const receipt = f.receipt();
  $('receipt').textContent = receipt ? JSON.stringify(receipt, null, 2) : '';
  const v = receipt ? verifyReceipt(receipt, policy) : null;
  $('verified').textContent = v ? (v.valid ? 'verified against the policy' : `not valid: ${v.reason}`) : 'none yet';
}

$('open').addEventListener('click', () => {
  const f = flow();
  window.__minformDemoFlow = f; // for the end-to-end test of a page that dispatches itself
  mountConsent(document.body, f, {
    verifyGuardian: () => new Promise((ok) => setTimeout(() => ok('sms'), 50)),
    onDone: () => show(f),
  });
});
$('reset').addEventListener('click', () => {
  const f = flow();
  if (f.view().step !== 'age_gate') f.dispatch({ type: 'reset', method: 'sms' });
  show(f);
});
for (const id of ['locale', 'jurisdiction', 'gpc']) $(id).addEventListener('change', () => show(flow()));
show(flow());
document.documentElement.dataset.ready = 'true';
