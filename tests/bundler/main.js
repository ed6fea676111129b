// A tiny app bundled by Vite from the installed npm package (browser condition of the exports
// map, wasm emitted as an asset via `new URL(..., import.meta.url)`), then run in Chromium by
// bundle.test.mjs. It checks every vector in the browser and publishes a summary on the page.
import { init, pseudonymize, classifyFields, findPersonalData, MinformError, ConsentFlow, mountConsent, verifyReceipt } from 'minform';
import 'minform/consent.css';
import file from '../vectors/pseudonymize.json';
import policy from '../policies/kids-camp.json';
import corpusText from '../corpus/fields.jsonl?raw';

const fromHex = (h) => Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));
const codeOf = (fn) => {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof MinformError ? err.code : `not a MinformError: ${err}`;
  }
};

const summary = { beforeInit: codeOf(() => pseudonymize('v', { key: new Uint8Array(32), context: 'c' })) };
// A failed load is a typed error and may be retried.
summary.badSource = await init(new URL('./missing.wasm', location.href)).then(
  () => 'resolved',
  (err) => (err instanceof MinformError ? err.code : `not a MinformError: ${err}`),
);
await Promise.all([init(), init()]);
summary.vectors = file.vectors.length;
summary.mismatches = file.vectors
  .filter((v) => pseudonymize(v.value, { key: fromHex(v.key), context: v.context }) !== v.pseudonym)
  .map((v) => v.context);
summary.errors = file.errors.map((e) => codeOf(() => pseudonymize(e.value, { key: fromHex(e.key), context: e.context })));
summary.expectedErrors = file.errors.map((e) => e.code);
// The public classification corpus, through the web build.
const rows = corpusText.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const classified = classifyFields(rows.map((r) => r.field), { subjectAge: 11 });
summary.corpusRows = rows.length;
summary.corpusMismatches = rows.filter((r, i) => classified[i].category !== r.expect).map((r) => r.field.name);
summary.childSensitive = classified.every((c) => ['free_text', 'non_personal'].includes(c.category) || c.sensitivity === 'sensitive');
const text = '家长电话13912345678';
summary.found = findPersonalData(text).map((m) => text.slice(m.start, m.end));
// The consent flow and its dialog, from the bundle (the stylesheet came through Vite's CSS).
const flow = new ConsentFlow(policy, { locale: 'en', today: '2026-11-28' });
const dialog = mountConsent(document.body, flow, {});
const shown = document.querySelector('[role="dialog"]');
summary.dialog = {
  step: shown?.dataset.step,
  modal: shown?.getAttribute('aria-modal'),
  styled: getComputedStyle(document.querySelector('.minform-consent-backdrop')).position,
};
dialog.unmount();
flow.dispatch({ type: 'respondent', respondent: 'self' });
flow.dispatch({ type: 'age', birthDate: '1990-01' });
flow.dispatch({ type: 'continue' });
flow.dispatch({ type: 'grant', purposes: ['enrolment', 'safety'] });
summary.receipt = verifyReceipt(flow.receipt(), policy);
summary.dialogGone = document.querySelector('[role="dialog"]') === null;
document.getElementById('out').textContent = JSON.stringify(summary);
document.documentElement.dataset.done = 'true';
