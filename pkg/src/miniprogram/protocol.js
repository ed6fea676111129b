// The messages between the Alipay page (./alipay.js) and its Worker (./alipay-worker.js).
// Every message is plain JSON-safe data marked with `minform: 1`, so a worker that also carries
// the integrator's own messages can tell them apart.
//
// page → worker  { minform: 1, id, op: 'init', options }
//                { minform: 1, id, op: 'call', name, args }            a plain function
//                { minform: 1, id, op: 'new', handle, cls, args, storage? }
//                { minform: 1, id, op: 'method', handle, name, args, storage? }
//                { minform: 1, op: 'free', handle }                    no reply
// worker → page  { minform: 1, id, value, writes? } or { minform: 1, id, error, writes? }
//
// `storage` is the page's stored values for the keys a ConsentFlow reads ({ key: value|null });
// `writes` are the values it set, which the page writes to its storage (the worker has no `my`).
import { MinformError } from '../errors.js';

export const MARK = 'minform';

/** Functions of the API that take and return plain data. */
export const FUNCTIONS = ['pseudonymize', 'classifyFields', 'findPersonalData', 'checkPolicy', 'describePolicy', 'verifyReceipt'];
/** Classes, and the methods the page may call on them. */
export const CLASSES = {
  Minimizer: ['minimize'],
  ConsentFlow: ['view', 'dispatch', 'consents', 'subject', 'respondent', 'receipt'],
};

/** Storage keys a ConsentFlow for `policyId` reads (the same as api.js's). */
export const storageKeys = (policyId) => [
  `minform.consent.v1.${policyId}`,
  'minform.principal.v1',
  'minform.receipts.head.v1',
  'minform.receipts.v1',
];

const BYTES = '\u0000minform.bytes';

/**
 * Arguments as data the worker decodes exactly: each is JSON text (`{ j }`), with byte arrays
 * (a Minimizer key) kept as bytes, or `{ u: 1 }` for undefined (which JSON would drop).
 */
export function encodeArgs(args) {
  const replacer = (_, v) => (ArrayBuffer.isView(v) ? { [BYTES]: Array.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) } : v);
  try {
    return args.map((a) => (a === undefined ? { u: 1 } : { j: JSON.stringify(a, replacer) ?? 'null' }));
  } catch (cause) {
    throw new MinformError(`arguments: cannot be read as plain data (${cause?.message ?? cause})`, {
      code: 'invalid_argument',
      path: 'arguments',
    });
  }
}

export function decodeArgs(args) {
  const reviver = (_, v) => (v !== null && typeof v === 'object' && Array.isArray(v[BYTES]) ? Uint8Array.from(v[BYTES]) : v);
  return Array.isArray(args) ? args.map((a) => (a && typeof a.j === 'string' ? JSON.parse(a.j, reviver) : undefined)) : [];
}

/** An error as data. */
export function errorToData(err) {
  const e = err !== null && typeof err === 'object' ? err : { message: String(err) };
  const out = { name: e.name, message: String(e.message ?? e) };
  for (const k of ['code', 'path', 'purpose', 'category']) if (typeof e[k] === 'string') out[k] = e[k];
  return out;
}

/** The error again: a MinformError when it carried a code. */
export function errorFromData(data) {
  if (data && typeof data.code === 'string') {
    return new MinformError(data.message, { code: data.code, path: data.path, purpose: data.purpose, category: data.category });
  }
  const err = new Error(data?.message ?? 'minform worker error');
  if (data?.name) err.name = data.name;
  return err;
}

/** The message itself, whether the runtime hands it over bare or as `{ data }`. */
export function unwrap(event) {
  if (event && event[MARK] === 1) return event;
  if (event && event.data && event.data[MARK] === 1) return event.data;
  return null;
}
