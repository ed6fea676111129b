// The demo page's script: wires the form to minform as an application would.
import { init, attachPseudonymPreview, classifyForm, findPersonalData, Minimizer, MinformError } from 'minform';

const $ = (id) => document.getElementById(id);
const phone = $('guardian-phone');
const keyInput = $('key');
const contextInput = $('context');
const errorBox = $('error');

const fromHex = (hex) => {
  const clean = hex.trim().toLowerCase();
  if (!/^([0-9a-f]{2})*$/.test(clean)) return null;
  return Uint8Array.from(clean.match(/../g) ?? [], (b) => parseInt(b, 16));
};

let preview = null;

/** (Re)attaches the live preview with the current key and context, or shows why it cannot. */
function attach() {
  preview?.detach();
  preview = null;
  $('pseudonym').textContent = '';
  const key = fromHex(keyInput.value);
  try {
    if (!key) throw new MinformError('the key must be written as hex digits', { code: 'invalid_argument', path: 'options.key' });
    preview = attachPseudonymPreview(phone, $('pseudonym'), { key, context: contextInput.value });
    errorBox.hidden = true;
  } catch (err) {
    if (!(err instanceof MinformError)) throw err;
    errorBox.textContent = `${err.code}: ${err.message}`;
    errorBox.hidden = false;
  }
}

const showRaw = () => ($('raw').textContent = phone.value);

/** Re-classifies the sample form and redraws the table (built with DOM nodes, never innerHTML). */
function showClassification() {
  const age = $('subject-age').value === '' ? undefined : Number($('subject-age').value);
  const rows = classifyForm($('camp-form'), { subjectAge: age, jurisdiction: $('jurisdiction').value });
  const body = $('classification').tBodies[0];
  body.replaceChildren(
    ...rows.map((r) => {
      const tr = document.createElement('tr');
      tr.dataset.field = r.name;
      tr.dataset.category = r.category;
      tr.dataset.sensitivity = r.sensitivity;
      const cell = (text, className) => {
        const td = document.createElement('td');
        td.textContent = text;
        if (className) td.className = className;
        return td;
      };
      tr.append(
        cell(r.name, 'mono'),
        cell(r.category),
        cell(r.sensitivity, `sens sens-${r.sensitivity}`),
        cell(r.reasons.join(' · '), 'mono small'),
      );
      return tr;
    }),
  );
  // Highlight what the free-text scanner finds in the remark.
  const text = $('f-remark').value;
  const out = $('remark-scan');
  const parts = [];
  let at = 0;
  for (const m of findPersonalData(text)) {
    parts.push(document.createTextNode(text.slice(at, m.start)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(m.start, m.end);
    mark.title = m.category;
    parts.push(mark);
    at = m.end;
  }
  parts.push(document.createTextNode(text.slice(at)));
  out.replaceChildren(...parts);
}

let minimizer = null;

/** Minimizes the sample form under the example policy and shows payload and report. */
function showMinimized() {
  if (!minimizer) return;
  const purposes = [['c-enrolment', 'enrolment'], ['c-notices', 'notices']].filter(([id]) => $(id).checked).map(([, p]) => p);
  const age = $('subject-age').value === '' ? undefined : Number($('subject-age').value);
  const errorBox = $('minimize-error');
  try {
    const { payload, report } = minimizer.minimize(new FormData($('camp-form')), {
      subjectAge: age,
      consents: { purposes, sensitiveCategories: [], guardianVerified: $('c-guardian').checked },
    });
    errorBox.hidden = true;
    $('payload').textContent = JSON.stringify(payload, null, 2);
    $('report').tBodies[0].replaceChildren(
      ...report.map((r) => {
        const tr = document.createElement('tr');
        tr.dataset.field = r.field;
        tr.dataset.action = r.action;
        for (const [text, cls] of [[r.field, 'mono'], [r.action, `act act-${r.action}`], [r.reason, 'small']]) {
          const td = document.createElement('td');
          td.textContent = text;
          td.className = cls;
          tr.append(td);
        }
        return tr;
      }),
    );
  } catch (err) {
    if (!(err instanceof MinformError)) throw err;
    $('payload').textContent = '{}';
    $('report').tBodies[0].replaceChildren();
    errorBox.textContent = `${err.code}: ${err.message}`;
    errorBox.hidden = false;
  }
}

try {
  await init();
  const policy = await (await fetch('vendor/policies/kids-signup.json')).json();
  // A demo key made in this page; a real key is a secret your service holds.
  minimizer = new Minimizer(policy, { key: crypto.getRandomValues(new Uint8Array(32)) });
  phone.addEventListener('input', showRaw);
  keyInput.addEventListener('input', attach);
  contextInput.addEventListener('input', attach);
  $('random-key').addEventListener('click', () => {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    keyInput.value = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    attach();
  });
  showRaw();
  attach();
  for (const id of ['camp-form', 'subject-age', 'jurisdiction']) {
    $(id).addEventListener('input', showClassification);
    $(id).addEventListener('change', showClassification);
  }
  for (const id of ['camp-form', 'subject-age', 'c-guardian', 'c-enrolment', 'c-notices']) {
    $(id).addEventListener('input', showMinimized);
    $(id).addEventListener('change', showMinimized);
  }
  showClassification();
  showMinimized();
  $('status').textContent = 'Ready. Type in the field: the pseudonym is computed in this page by WebAssembly.';
  document.documentElement.dataset.ready = 'true';
} catch (err) {
  $('status').textContent = `minform could not start: ${err.code ?? ''} ${err.message}`;
  throw err;
}
