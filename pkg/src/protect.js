// protectForm: one call that keeps a form's raw fields from being submitted natively and sends
// only what the Minimizer lets leave the device. It attaches synchronously — before the
// WebAssembly module has loaded, even before `init()` was called — and blocks every native
// submission until the module is ready; if loading fails, the form stays blocked for good.
//
// This module only wires DOM events, loading and the public API (init, ConsentFlow,
// mountConsent, Minimizer, describePolicy). What may be sent is decided by the Rust core.
// Never logs, and never puts a field value in a message, an attribute or a URL.
import { MinformError } from './errors.js';
import { fromFormData } from './api.js';
import { TEXTS } from './protect-text.js';

/** Marks server-rendered elements kept `inert`/`disabled` until protectForm has attached. */
const PENDING = 'data-minform-pending';
const HTML_NS = 'http://www.w3.org/1999/xhtml';
const OPTIONS = ['policy', 'key', 'subjectAge', 'subject', 'consents', 'flow', 'jurisdiction', 'locale', 'send', 'verifyGuardian'];
/** Submitter attributes that override the form's, and the form attribute each overrides. */
const OVERRIDES = [
  ['method', 'formmethod'],
  ['action', 'formaction'],
  ['enctype', 'formenctype'],
  ['target', 'formtarget'],
];

/** Forms protected now: a second protectForm on one would be hidden by the first. */
const PROTECTED = new WeakSet();

const bad = (path, expected) => new MinformError(`${path}: expected ${expected}`, { code: 'invalid_argument', path });

function isForm(v) {
  return v !== null && typeof v === 'object' && v.nodeType === 1 && v.namespaceURI === HTML_NS && v.localName === 'form';
}

/** The texts for a locale, resolved by language as ConsentFlow does: `en…` → en, else zh-CN. */
function textsFor(locale) {
  const language = typeof locale === 'string' ? locale.trim().split(/[-_]/)[0].toLowerCase() : '';
  const tag = language === 'en' ? 'en' : 'zh-CN';
  return { tag, t: TEXTS[tag] };
}

const fill = (template, name, value) => template.replace(`{${name}}`, () => value);

/**
 * The id of the purpose a `consent_required` error names: its `purpose` property; before the
 * core set that property, the id quoted in its message (only ever used to look the purpose up
 * in the policy, never shown).
 */
function purposeOf(err) {
  if (typeof err.purpose === 'string') return err.purpose;
  const m = typeof err.message === 'string' ? /purpose "([^"\\]+)"/.exec(err.message) : null;
  return m ? m[1] : undefined;
}

/**
 * What to tell the person when `minimize` refused: for `consent_required`, the sensitive
 * category (`err.category`) or the purpose (its description, from `describe(id)`) whose consent
 * is missing; for anything else, that nothing was sent. Never a value: only texts from the
 * table and the policy.
 * @param {{ code?: string, purpose?: string, category?: string, message?: string }} err
 * @param {(typeof TEXTS)['en']} t
 * @param {(purpose: string) => string | undefined} describe
 */
export function refusalText(err, t, describe) {
  if (err?.code !== 'consent_required') return t.failed;
  if (typeof err.category === 'string') return fill(t.consent_category, 'category', t.categories[err.category] ?? t.category_other);
  const purpose = purposeOf(err);
  const description = purpose === undefined ? undefined : describe(purpose);
  return description ? fill(t.consent_purpose, 'purpose', description) : t.consent_missing;
}

/**
 * @param {{ init: Function, Minimizer: Function, ConsentFlow: Function, mountConsent: Function, describePolicy: Function }} api
 */
export function bindProtect({ init, Minimizer, ConsentFlow, mountConsent, describePolicy }) {
  /**
   * Protects `form`: see `protectForm` in index.d.ts. Throws only `invalid_argument`, for
   * arguments that are wrong whatever the module does; everything found later (the module does
   * not load, the policy or key is refused) is shown in the form and rejects `ready`.
   */
  return function protectForm(form, options) {
    if (!isForm(form)) throw bad('form', 'a <form> element');
    if (options === null || typeof options !== 'object') throw bad('options', 'an object { policy, key, … }');
    for (const name of Object.keys(options)) {
      if (!OPTIONS.includes(name)) {
        throw new MinformError(`options.${name}: unknown option (expected ${OPTIONS.join(', ')})`, {
          code: 'invalid_argument',
          path: `options.${name}`,
        });
      }
    }
    const { policy, key, subjectAge, subject, consents, flow: givenFlow, jurisdiction, locale, send, verifyGuardian } = options;
    // The policy and the key may still be on their way (a fetch): attaching must not wait for them.
    const thenable = (v) => v !== null && typeof v === 'object' && typeof v.then === 'function';
    if (policy === undefined || policy === null) throw bad('options.policy', 'a policy (an object, JSON text, or a promise of one)');
    if (Object.prototype.toString.call(key) !== '[object Uint8Array]' && !thenable(key)) {
      throw bad('options.key', 'a Uint8Array of at least 32 secret bytes, or a promise of one');
    }
    if (consents !== undefined && (consents === null || typeof consents !== 'object')) {
      throw bad('options.consents', 'an object { purposes, sensitiveCategories, guardianVerified }');
    }
    if (givenFlow !== undefined && (givenFlow === null || typeof givenFlow?.view !== 'function' || typeof givenFlow?.consents !== 'function')) {
      throw bad('options.flow', 'a ConsentFlow');
    }
    if (send !== undefined && typeof send !== 'function') throw bad('options.send', 'a function (payload, report)');
    if (verifyGuardian !== undefined && typeof verifyGuardian !== 'function') throw bad('options.verifyGuardian', 'a function');

    if (PROTECTED.has(form)) {
      throw new MinformError('form: already protected; detach() the first protectForm before protecting it again', {
        code: 'invalid_argument',
        path: 'form',
      });
    }

    const doc = form.ownerDocument;
    const win = doc.defaultView;
    // Bound now: a control named "submit" shadows `form.submit`, and a page may patch it later.
    const nativeSubmit = win.HTMLFormElement.prototype.submit;
    const { tag, t } = textsFor(locale);

    /** 'loading' → 'ready', or 'failed' for good; 'detached' after detach(). */
    let state = 'loading';
    /** A submission is in progress (the consent dialog is open, or `send` has not settled). */
    let busy = false;
    /** The submission asked for while loading, continued once ready: `{ submitter }`. */
    let queued;
    let failure = t.load_failed;
    let minimizer;
    /** The policy once resolved (describePolicy names a missing purpose from it). */
    let policyValue;
    let flow = givenFlow ?? null;
    let dialog = null;
    let described = null;
    let alert = null;
    const outgoing = new Set();

    // Messages: a polite status (made before it is needed, so changes are announced) and an
    // alert inserted with its text, so that every error is announced.
    const status = doc.createElement('div');
    status.className = 'minform-protect__status';
    status.setAttribute('role', 'status');
    status.setAttribute('lang', tag);
    form.append(status);

    function announce(text) {
      if (state === 'detached') return;
      alert?.remove();
      status.textContent = '';
      alert = doc.createElement('div');
      alert.className = 'minform-protect__alert';
      alert.setAttribute('role', 'alert');
      alert.setAttribute('lang', tag);
      alert.textContent = text;
      form.append(alert);
    }

    function note(text) {
      if (state === 'detached') return;
      alert?.remove();
      alert = null;
      status.textContent = text;
    }

    function setState(next) {
      state = next;
      form.setAttribute('data-minform-state', next);
    }

    function fail(text) {
      if (state === 'detached') return;
      setState('failed');
      queued = undefined;
      failure = text;
      announce(text);
    }

    /** The description of a purpose in the policy, in the chosen language. */
    function describe(purpose) {
      try {
        described ??= describePolicy(policyValue, tag);
        return described.purposes.find((p) => p.id === purpose)?.description;
      } catch {
        return undefined;
      }
    }

    /** The form's entries once, plus the submitter's name and value (as a native submission has). */
    function read(submitter) {
      const data = new win.FormData(form);
      if (submitter?.name && !submitter.disabled && submitter.type !== 'image') data.append(submitter.name, submitter.value ?? '');
      return fromFormData(data);
    }

    /** Submits the payload alone, in a fresh hidden form with the original's method, action, enctype and target. */
    function submitPayload(payload, submitter) {
      const out = doc.createElement('form');
      for (const [attr, override] of OVERRIDES) {
        const value = submitter?.hasAttribute?.(override) ? submitter.getAttribute(override) : form.getAttribute(attr);
        if (value !== null) out.setAttribute(attr, value);
      }
      const charset = form.getAttribute('accept-charset');
      if (charset !== null) out.setAttribute('accept-charset', charset);
      out.hidden = true;
      out.setAttribute('data-minform-submit', '');
      for (const [name, value] of Object.entries(payload)) {
        for (const v of Array.isArray(value) ? value : [value]) {
          const input = doc.createElement('input');
          input.type = 'hidden';
          input.name = name;
          input.value = v === null || v === undefined ? '' : String(v);
          out.append(input);
        }
      }
      (doc.body ?? doc.documentElement).append(out);
      outgoing.add(out);
      nativeSubmit.call(out);
      // The navigation is planned; the form is not needed once this task is over.
      win.setTimeout(() => {
        out.remove();
        outgoing.delete(out);
      }, 0);
    }

    function finish(record, given, who, submitter) {
      let result;
      try {
        result = minimizer.minimize(record, { subjectAge, subject: who ?? undefined, consents: given });
      } catch (err) {
        announce(refusalText(err, t, describe));
        return;
      }
      if (!send) {
        note('');
        submitPayload(result.payload, submitter);
        return;
      }
      busy = true;
      let sent;
      try {
        sent = Promise.resolve(send(result.payload, result.report));
      } catch (err) {
        sent = Promise.reject(err);
      }
      sent.then(
        () => {
          busy = false;
          note('');
        },
        () => {
          busy = false;
          announce(t.send_failed);
        },
      );
    }

    function run(submitter) {
      try {
        const record = read(submitter);
        if (consents !== undefined) return finish(record, consents, subject, submitter);
        if (flow.view().step === 'done') return finish(record, flow.consents(), subject ?? flow.subject?.(), submitter);
        busy = true;
        dialog = mountConsent(doc.body ?? doc.documentElement, flow, {
          verifyGuardian,
          onDone: () => {
            dialog = null;
            busy = false;
            if (state === 'detached') return;
            try {
              const step = flow.view().step;
              if (step !== 'done' && step !== 'declined') return note(t.cancelled); // closed without deciding
              finish(record, flow.consents(), subject ?? flow.subject?.(), submitter);
            } catch {
              announce(t.failed);
            }
          },
        });
      } catch {
        busy = false;
        announce(t.failed);
      }
      return undefined;
    }

    function request(submitter) {
      if (state === 'detached') return;
      if (state === 'failed') return announce(failure);
      if (busy) return;
      if (state === 'loading') {
        queued = { submitter };
        return note(t.loading);
      }
      run(submitter);
    }

    // Every native submission of this form is stopped, in the capture phase, as early as it
    // can be seen: on the window and the document (or the shadow root the form is in), and on
    // the form. The page's own submit listeners do not see it: minform submits, or `send` does.
    const seen = new WeakSet();
    const onSubmit = (event) => {
      if (event.target !== form || seen.has(event)) return;
      seen.add(event);
      event.preventDefault();
      event.stopImmediatePropagation();
      request(event.submitter ?? null);
    };
    const root = form.getRootNode();
    const targets = [...new Set([root === doc ? win : null, root, form].filter(Boolean))];
    for (const target of targets) target.addEventListener('submit', onSubmit, true);

    // form.submit() fires no event: shadow it on the instance (HTMLFormElement.prototype.submit
    // called directly cannot be intercepted; see the README).
    const ownSubmit = Object.getOwnPropertyDescriptor(form, 'submit');
    let shadowed = false;
    try {
      Object.defineProperty(form, 'submit', {
        configurable: true,
        writable: true,
        value: function submit() {
          request(null);
        },
      });
      shadowed = true;
    } catch {
      // a page that made `submit` non-configurable keeps it
    }

    // Server-rendered markup kept inert until now (see the README): the form itself or
    // elements inside it marked `data-minform-pending`, with `inert` or `disabled`.
    for (const el of [form, ...form.querySelectorAll(`[${PENDING}]`)]) {
      if (!el.hasAttribute(PENDING)) continue;
      el.removeAttribute('inert');
      el.removeAttribute('disabled');
      el.removeAttribute(PENDING);
    }
    setState('loading');
    PROTECTED.add(form);

    const ready = (async () => {
      await null; // an `init(source)` called right after protectForm() is the one that loads
      let keyValue;
      try {
        [policyValue, keyValue] = await Promise.all([policy, key, init()]);
      } catch (err) {
        fail(t.load_failed);
        throw err;
      }
      if (state === 'detached') return;
      try {
        minimizer = new Minimizer(policyValue, { key: keyValue });
        if (consents === undefined && !flow) flow = new ConsentFlow(policyValue, { jurisdiction, locale });
      } catch (err) {
        fail(t.setup_failed);
        throw err;
      }
      setState('ready');
      if (queued) {
        const { submitter } = queued;
        queued = undefined;
        note('');
        run(submitter);
      }
    })();
    ready.catch(() => {}); // shown in the form; `ready` rejects for those who await it

    return {
      ready,
      detach() {
        if (state === 'detached') return;
        state = 'detached';
        PROTECTED.delete(form);
        queued = undefined;
        for (const target of targets) target.removeEventListener('submit', onSubmit, true);
        if (shadowed) {
          if (ownSubmit) Object.defineProperty(form, 'submit', ownSubmit);
          else delete form.submit;
        }
        dialog?.unmount();
        dialog = null;
        status.remove();
        alert?.remove();
        for (const out of outgoing) out.remove();
        outgoing.clear();
        form.removeAttribute('data-minform-state');
      },
    };
  };
}
