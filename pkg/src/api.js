// The public API, written once for every platform entry (browser.js, node.js). An entry supplies
// `load`, which instantiates its wasm-bindgen glue and returns the glue's exports; this module
// adds the idempotent `init()`, the `not_initialized` guard and the error class. It holds no rule
// of the product: those live in the Rust core.
import { MinformError } from './errors.js';

const SEP = '\0';

/** `value` as JSON text for the wasm face, or a MinformError naming `path`. */
function toJson(value, path) {
  let json;
  try {
    json = JSON.stringify(value);
  } catch (cause) {
    throw new MinformError(`${path}: cannot be read as plain data (${cause?.message ?? cause})`, {
      code: 'invalid_argument',
      path,
    });
  }
  return json ?? 'null';
}

/** A policy given as an object or as JSON text. */
function policyJson(policy) {
  return typeof policy === 'string' ? policy : toJson(policy, 'policy');
}

/** A FormData's text entries as a plain object (repeated names become arrays; files are skipped). */
export function fromFormData(form) {
  const out = {};
  for (const name of new Set(form.keys())) {
    const values = form.getAll(name).filter((v) => typeof v === 'string');
    if (values.length) out[name] = values.length === 1 ? values[0] : values;
  }
  return out;
}

/** Appends a string member (`null`/`undefined` as empty); false if it is not a plain string. */
function member(parts, v) {
  if (v === null || v === undefined) {
    parts.push('');
    return true;
  }
  if (typeof v !== 'string' || v.includes(SEP)) return false;
  parts.push(v);
  return true;
}

/** A plain scalar value as text, `''` for none, or `null` if it is not plain. */
function scalar(v) {
  if (typeof v === 'string') return v.includes(SEP) ? null : v;
  if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) return String(v);
  return v === null || v === undefined || typeof v === 'number' ? '' : null;
}

/**
 * Appends a value in the flat encodings: the number of values, then each as text (an array's
 * `null`s and non-finite numbers are no value). False if a value is not plain.
 */
function values(parts, v) {
  if (!Array.isArray(v)) {
    const text = scalar(v);
    if (text === null) return false;
    if (text === '' && typeof v !== 'string') parts.push('0');
    else parts.push('1', text);
    return true;
  }
  const at = parts.push('') - 1;
  let n = 0;
  for (let j = 0; j < v.length; j++) {
    const text = scalar(v[j]);
    if (text === null) return false;
    if (text !== '' || typeof v[j] === 'string') {
      parts.push(text);
      n++;
    }
  }
  parts[at] = String(n);
  return true;
}

/**
 * The flat encoding of `classify::classify_flat_each` (src/classify/json.rs): per field name,
 * label, autocomplete, type, placeholder, value count, values, joined by U+0000. `null` when a
 * field is not plain, so the caller uses JSON instead (which reports errors with paths).
 */
function flatten(fields) {
  try {
    if (!Array.isArray(fields)) return null;
    const parts = [];
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      if (f === null || typeof f !== 'object' || typeof f.name !== 'string') return null;
      // (the flat encoding has no choices: fields offering them go over as JSON)
      if (f.options !== undefined && f.options !== null) return null;
      if (!member(parts, f.name) || !member(parts, f.label) || !member(parts, f.autocomplete)) return null;
      if (!member(parts, f.type) || !member(parts, f.placeholder)) return null;
      if (!values(parts, f.value)) return null;
    }
    return parts.join(SEP);
  } catch {
    return null; // a throwing getter or proxy: the JSON path reports it
  }
}

/**
 * A string without lone UTF-16 surrogates. A loop rather than a regular expression: the one
 * that does this needs lookbehind, a syntax error on the iOS JavaScriptCore of older
 * mini-program hosts.
 */
function wellFormed(s) {
  if (typeof s.isWellFormed === 'function') return s.isWellFormed();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff) return false; // a trail without a lead
    const d = s.charCodeAt(i + 1); // NaN past the end
    if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
    i++;
  }
  return true;
}

/**
 * Refuses a record holding a lone surrogate in a name or a string value (`invalid_string`): it
 * would be sent repaired (U+FFFD) or hashed as another value, never silently. The path names
 * the field by its position (`record[3]`, `record[3][0]`), since a name may itself be data.
 */
function checkStrings(names, values) {
  const refuse = (path) => {
    throw new MinformError(`${path}: the string holds a lone UTF-16 surrogate`, { code: 'invalid_string', path });
  };
  for (let f = 0; f < names.length; f++) {
    if (!wellFormed(names[f])) refuse(`record[${f}]`);
    const v = values[f];
    if (typeof v === 'string' && !wellFormed(v)) refuse(`record[${f}]`);
    if (Array.isArray(v)) v.forEach((x, i) => typeof x === 'string' && !wellFormed(x) && refuse(`record[${f}][${i}]`));
  }
}

/**
 * The flat encoding of `minimize::FlatRecord` (src/minimize/input.rs): per field name, value
 * count, values, joined by U+0000. Every value is read exactly once, here: the returned
 * `values` are what was classified, and what `keep` sends (a getter or a Proxy cannot answer
 * one thing to the classifier and another to the payload). `null` when the record is not a
 * plain object of plain values, so the caller goes through JSON instead.
 */
function flattenRecord(record) {
  try {
    if (record === null || typeof record !== 'object') return null;
    const proto = Object.getPrototypeOf(record);
    if (proto !== Object.prototype && proto !== null) return null;
    const names = Object.keys(record);
    const read = new Array(names.length);
    const parts = [];
    for (let f = 0; f < names.length; f++) {
      const name = names[f];
      if (typeof name !== 'string' || name.includes(SEP)) return null;
      parts.push(name);
      const v = record[name];
      read[f] = Array.isArray(v) ? v.slice() : v;
      if (!values(parts, read[f])) return null;
    }
    return { text: parts.join(SEP), names, values: read };
  } catch {
    return null; // a throwing getter or proxy: the JSON path reports it
  }
}

/** Storage keys (see docs: one state per policy id, one principal and one chain per storage). */
const STORE = {
  state: (policyId) => `minform.consent.v1.${policyId}`,
  principal: 'minform.principal.v1',
  head: 'minform.receipts.head.v1',
  receipts: 'minform.receipts.v1',
};

/** Today as the caller's calendar sees it: YYYY-MM-DD. */
function localDate(d = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** 16 random bytes as hex, for a pseudonymous principal id. */
function randomId() {
  const bytes = new Uint8Array(16);
  // `typeof` first: some mini-program workers have no `globalThis` at all.
  const crypto = typeof globalThis === 'undefined' || !globalThis ? undefined : globalThis.crypto;
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256); // no Web Crypto (some mini-program runtimes): unique, not secret
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A storage adapter `{ get(key), set(key, value) }` (localStorage, a mini-program adapter, a Map
 * wrapper); values are strings. Errors in the adapter are reported with code `storage_failed`.
 */
function storageOf(storage) {
  if (storage === undefined || storage === null) return null;
  const ok = typeof storage === 'object' || typeof storage === 'function';
  if (!ok || typeof storage.get !== 'function' || typeof storage.set !== 'function') {
    throw new MinformError('options.storage: expected an object with get(key) and set(key, value)', {
      code: 'invalid_argument',
      path: 'options.storage',
    });
  }
  const failed = (op, cause) =>
    new MinformError(`options.storage: ${op} failed (${cause?.message ?? cause})`, { code: 'storage_failed', path: 'options.storage' });
  return {
    get(key) {
      let v;
      try {
        v = storage.get(key);
      } catch (cause) {
        throw failed('get', cause);
      }
      if (v !== null && typeof v === 'object' && typeof v.then === 'function') {
        // A promise would lose the sticky answer silently: refuse it.
        throw new MinformError('options.storage: get(key) must return the value, not a promise (read an async store into memory first)', {
          code: 'invalid_argument',
          path: 'options.storage',
        });
      }
      if (v === undefined || v === null || v === '') return null;
      return typeof v === 'string' ? v : JSON.stringify(v);
    },
    set(key, value) {
      try {
        storage.set(key, value);
      } catch (cause) {
        throw failed('set', cause);
      }
    },
  };
}

/**
 * @param {(source?: unknown) => Promise<Record<string, Function>>} load
 */
export function bindApi(load) {
  let glue = null;
  let loading = null;
  let taxonomy = null;
  const reasonTexts = new Map();

  /** Loads the WebAssembly module once; later and concurrent calls share the first load. */
  function init(source) {
    if (glue) return Promise.resolve();
    loading ??= load(source).then(
      (exports) => {
        exports.__minformRegisterErrorClass(MinformError);
        taxonomy = JSON.parse(exports.taxonomyJson());
        glue = exports;
      },
      (cause) => {
        loading = null; // a failed load (e.g. network) may be retried
        if (cause instanceof MinformError) throw cause; // the loader's own verdict (a bad option, no loader here)
        throw new MinformError(`minform: the WebAssembly module could not be loaded: ${cause?.message ?? cause}`, {
          code: 'init_failed',
        });
      },
    );
    return loading;
  }

  function ready() {
    if (glue) return glue;
    throw new MinformError('minform is not initialized: call and await `init()` before using the API', {
      code: 'not_initialized',
    });
  }

  return {
    init,
    /** Keyed BLAKE3 pseudonym of `value` (64 lowercase hex characters). */
    pseudonymize: (value, options) => ready().pseudonymize(value, options),
    /** Browser only: live pseudonym of an `<input>` shown in `output`. */
    attachPseudonymPreview: (input, output, options) => ready().attachPseudonymPreview(input, output, options),

    /**
     * Category, sensitivity, confidence and reasons for every field, in order. The whole form
     * crosses into WebAssembly once, as JSON.
     */
    classifyFields(fields, options) {
      const glue = ready();
      // Plain forms go over in the flat encoding (cheaper than JSON on both sides); anything
      // else goes as JSON, whose parser reports the path of a bad part.
      const flat = flatten(fields);
      let packed;
      if (flat !== null) {
        packed = glue.classifyFieldsFlat(flat, fields.length, options);
      } else {
        let json;
        try {
          json = JSON.stringify(fields);
        } catch (cause) {
          throw new MinformError(`fields: cannot be read as plain data (${cause?.message ?? cause})`, {
            code: 'invalid_argument',
            path: 'fields',
          });
        }
        packed = glue.classifyFieldsPacked(json ?? 'null', options);
      }
      // Packed layout (src/wasm/mod.rs): per field [category, sensitivity, confidence×1000,
      // n, reason ids×n]; each distinct reason id is turned into text once and cached.
      const { categories, sensitivities } = taxonomy;
      const out = new Array(fields.length);
      for (let f = 0, i = 0; f < out.length; f++) {
        const category = categories[packed[i++]];
        const sensitivity = sensitivities[packed[i++]];
        const confidence = packed[i++] / 1000;
        const reasons = new Array(packed[i++]);
        for (let r = 0; r < reasons.length; r++) {
          const id = packed[i++];
          let text = reasonTexts.get(id);
          if (text === undefined) reasonTexts.set(id, (text = glue.reasonText(id)));
          reasons[r] = text;
        }
        // Names are echoed exactly as given (the JSON path reads lone surrogates as U+FFFD).
        out[f] = { name: fields[f].name, category, sensitivity, confidence, reasons };
      }
      return out;
    },

    /** Browser only: classifies the named controls of a form element, in document order. */
    classifyForm: (form, options) => JSON.parse(ready().classifyFormJson(form, options)),

    /** Personal data inside free text: `[{ category, start, end }]`, UTF-16 offsets. */
    findPersonalData: (text) => JSON.parse(ready().findPersonalDataJson(text)),

    /** Lints a policy: `{ ok, findings: [{ severity, code, path, message }] }`. */
    checkPolicy: (policy) => JSON.parse(ready().checkPolicyJson(policyJson(policy))),

    /** The data map a notice is generated from, in `locale` (`zh-CN` or `en`). */
    describePolicy: (policy, locale) => JSON.parse(ready().describePolicyJson(policyJson(policy), locale)),

    /** Checks a receipt (or a chain of them, oldest first) against a policy: `{ valid, reason?, index? }`. */
    verifyReceipt: (receipt, policy) => JSON.parse(ready().verifyReceiptJson(toJson(receipt, 'receipt'), policyJson(policy))),

    /**
     * The age-appropriate consent flow as a state machine: `view()` to render, `dispatch(action)`
     * to move on, `consents()` for `Minimizer.minimize`, `receipt()` once consent is given.
     */
    ConsentFlow: class ConsentFlow {
      #inner;
      #storage;
      #key;
      #text;
      #settings;
      #principal;
      /** The stored state this instance last read or wrote. */
      #seen;
      /** Renderers to tell when the flow moves (mountConsent subscribes). */
      #listeners = new Set();

      constructor(policy, options = {}) {
        if (options === null || typeof options !== 'object') {
          throw new MinformError('options: expected an object { jurisdiction?, locale?, today?, gpc?, storage? }', {
            code: 'invalid_argument',
            path: 'options',
          });
        }
        ready(); // not_initialized before init()
        const text = policyJson(policy);
        let id;
        try {
          id = JSON.parse(text)?.id;
        } catch {
          id = undefined; // the core reports the bad policy with its path
        }
        const { storage, ...rest } = options;
        this.#storage = storageOf(storage);
        this.#key = STORE.state(typeof id === 'string' ? id : '');
        const settings = {
          jurisdiction: rest.jurisdiction,
          locale: rest.locale,
          today: rest.today instanceof Date ? localDate(rest.today) : (rest.today ?? localDate()),
          gpc: rest.gpc === undefined || rest.gpc === null ? false : rest.gpc,
        };
        for (const key of Object.keys(rest)) {
          if (!(key in settings)) {
            throw new MinformError(`options.${key}: unknown option (expected jurisdiction, locale, today, gpc, storage)`, {
              code: 'invalid_argument',
              path: `options.${key}`,
            });
          }
        }
        let principal = this.#storage?.get(STORE.principal) ?? null;
        if (principal === null) {
          principal = randomId();
          this.#storage?.set(STORE.principal, principal);
        }
        this.#text = text;
        this.#settings = toJson(settings, 'options');
        this.#principal = principal;
        this.#load(this.#storage?.get(this.#key) ?? null);
        this.#save();
      }

      #load(stored) {
        const previous = this.#inner;
        this.#inner = new (ready().MinformConsentFlow)(this.#text, this.#settings, stored ?? undefined, this.#principal, new Date().toISOString());
        this.#seen = stored;
        previous?.free();
      }

      #save() {
        if (!this.#storage) return;
        const state = this.#inner.stateJson();
        this.#storage.set(this.#key, state);
        this.#seen = state;
      }

      /**
       * Another instance on the same storage (a second tab, a page restored by the back button)
       * may have moved on: its stored state wins, so an answered age gate stays answered.
       */
      #sync() {
        if (!this.#storage) return;
        const stored = this.#storage.get(this.#key);
        if (stored !== this.#seen) this.#load(stored);
      }

      /** The current screen: `{ step, audience, ageBand?, lang, title, paragraphs, choices, actions, input?, options? }`. */
      view() {
        this.#sync();
        return JSON.parse(this.#inner.viewJson());
      }

      /** Applies an action (`{ type: 'respondent', respondent }`, `{ type: 'age', birthDate }`, …) and returns the next view. */
      dispatch(action) {
        if (action === null || typeof action !== 'object' || Array.isArray(action)) {
          throw new MinformError("action: expected an object { type, … }", { code: 'invalid_argument', path: 'action' });
        }
        this.#sync();
        const before = this.#inner.receiptJson();
        const head = this.#storage?.get(STORE.head) ?? undefined;
        this.#inner.dispatchJson(toJson(action, 'action'), new Date().toISOString(), head);
        this.#save();
        const after = this.#inner.receiptJson();
        if (after !== undefined && after !== before && this.#storage) {
          const receipt = JSON.parse(after);
          let chain = [];
          try {
            chain = JSON.parse(this.#storage.get(STORE.receipts) ?? '[]');
          } catch {
            chain = []; // an unreadable chain starts again; verifyReceipt shows the break
          }
          if (!Array.isArray(chain)) chain = [];
          chain.push(receipt);
          this.#storage.set(STORE.receipts, JSON.stringify(chain));
          this.#storage.set(STORE.head, receipt.receiptDigest);
        }
        const view = this.view();
        for (const listener of [...this.#listeners]) {
          try {
            listener(view);
          } catch {
            // a renderer's failure must not undo a dispatch that succeeded
          }
        }
        return view;
      }

      /**
       * For renderers (mountConsent): `listener(view)` after every dispatch, including those
       * made by the page itself (e.g. after its own guardian verification). Returns a function
       * that unsubscribes.
       */
      [Symbol.for('minform.consent.subscribe')](listener) {
        this.#listeners.add(listener);
        return () => this.#listeners.delete(listener);
      }

      /** `{ purposes, sensitiveCategories, guardianVerified }` for `Minimizer.minimize`. */
      consents() {
        this.#sync();
        return JSON.parse(this.#inner.consentsJson());
      }

      /** What the age gate found, `'child'` or `'adult'` (`null` before it is answered): pass it to `minimize` as `subject`. */
      subject() {
        this.#sync();
        return this.#inner.subject() ?? null;
      }

      /**
       * Who is answering, `'self'` or `'guardian'` (a parent filling in for a child in their
       * care); `null` before it is known.
       */
      respondent() {
        this.#sync();
        return this.#inner.respondent() ?? null;
      }

      /** The latest consent receipt, or `null` before consent is given. */
      receipt() {
        this.#sync();
        const r = this.#inner.receiptJson();
        return r === undefined ? null : JSON.parse(r);
      }
    },

    /**
     * Browser only: shows a ConsentFlow as an accessible modal dialog appended to `element`.
     * `options.verifyGuardian()` returns (or resolves to) the verification method used;
     * `options.onDone(consents, receipt)` runs when the flow ends or the dialog is closed.
     * Returns `{ unmount() }`. Style it with `minform/consent.css`.
     */
    mountConsent: (element, flow, options) => ready().mountConsent(element, flow, options),

    /** Binds a policy to the integrator's key; `minimize(record, options)` does the rest. */
    Minimizer: class Minimizer {
      #inner;
      /** Report `{ reason, purposes }` by entry id, as the wasm face interns them. */
      #entries = [];

      constructor(policy, options) {
        this.#inner = new (ready().MinformMinimizer)(policyJson(policy), options);
      }

      /**
       * The payload to submit and a report of what was done to every field. `record` is a plain
       * object (or a `FormData` in browsers). Kept values are sent exactly as given; hashed,
       * masked and generalized ones as text.
       */
      minimize(record, options = {}) {
        if (options === null || typeof options !== 'object') {
          throw new MinformError('options: expected an object { subjectAge?, consents? }', {
            code: 'invalid_argument',
            path: 'options',
          });
        }
        const inner = this.#inner;
        const source = typeof FormData !== 'undefined' && record instanceof FormData ? fromFormData(record) : record;
        const consents = options.consents === undefined ? undefined : toJson(options.consents, 'options.consents');
        const today = new Date();
        const date = [today.getFullYear(), today.getMonth() + 1, today.getDate()];
        // The record is read once into name/value pairs: plain records directly; anything else
        // (Dates, class instances, toJSON) through one JSON.stringify, whose parsed copy is
        // then the only thing read (so what is classified is what is sent, and names are
        // matched to decisions by the same list, never by a second read's key order).
        const flat = flattenRecord(source);
        let names;
        let read;
        let packed;
        if (flat !== null) {
          ({ names, values: read } = flat);
          checkStrings(names, read);
          packed = inner.minimizeFlat(flat.text, names.length, options.subjectAge, options.subject, consents, ...date);
        } else {
          const json = toJson(source, 'record');
          let plain;
          try {
            plain = JSON.parse(json);
          } catch {
            plain = undefined;
          }
          if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
            inner.minimizeJson(json, options.subjectAge, options.subject, consents, ...date); // throws, naming the bad part
            throw new MinformError('record: expected an object of field name → value', { code: 'invalid_argument', path: 'record' });
          }
          // Written again from the parsed copy, so the core reads the fields in the order of
          // `names` (JSON.parse puts integer-like keys first).
          names = Object.keys(plain);
          read = names.map((name) => plain[name]);
          checkStrings(names, read);
          packed = inner.minimizeJson(JSON.stringify(plain), options.subjectAge, options.subject, consents, ...date);
        }
        const text = inner.payloadText();
        // Packed layout (src/wasm/policy.rs): per field [category, sensitivity, action, entry id,
        // n, UTF-16 length × n]; `keep` sends n = 0 and the value is the one read above;
        // `redact` adds [k, (category, spans replaced) × k].
        const { categories, sensitivities, actions } = taxonomy;
        const payload = {};
        const report = new Array(names.length);
        for (let f = 0, i = 0, at = 0; f < names.length; f++) {
          const category = categories[packed[i++]];
          const sensitivity = sensitivities[packed[i++]];
          const action = actions[packed[i++]];
          const id = packed[i++];
          const entry = (this.#entries[id] ??= JSON.parse(inner.entryJson(id)));
          const n = packed[i++];
          // A name that is itself personal data (a phone number as a key) is never echoed.
          const field = entry.withheld ? `[withheld:${f}]` : names[f];
          if (action !== 'dropped') {
            const given = read[f];
            let value;
            if (action === 'keep') {
              value = Array.isArray(given) ? given.slice() : given;
            } else {
              const values = new Array(n);
              for (let v = 0; v < n; v++) values[v] = text.slice(at, (at += packed[i++]));
              value = Array.isArray(given) ? values : values[0];
            }
            if (field === '__proto__') Object.defineProperty(payload, field, { value, enumerable: true, writable: true, configurable: true });
            else payload[field] = value;
          }
          report[f] = { field, category, sensitivity, action, purposes: entry.purposes.slice(), reason: entry.reason, reasonCode: entry.reasonCode };
          if (action === 'redact') {
            const redacted = {};
            for (let k = packed[i++]; k > 0; k--) redacted[categories[packed[i++]]] = packed[i++];
            report[f].redacted = redacted;
          }
        }
        const subject = JSON.parse(inner.subjectJson());
        return { payload, report, subject };
      }
    },
  };
}
