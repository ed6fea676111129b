// Entry for Alipay mini-program pages. Alipay runs WebAssembly only inside a Worker, so this
// client sends each call to ./alipay-worker.js and every function and method returns a promise;
// the names are those of the web package. The page keeps the storage (my.getStorageSync): a
// ConsentFlow's stored values go to the worker with each call and what it writes comes back.
//
//   const minform = require('minform/alipay');
//   await minform.init();                        // my.createWorker('workers/minform.js')
//   const flow = new minform.ConsentFlow(policy); // stored in my storage by default
//   const view = await flow.view();
import { MinformError } from '../errors.js';
import { platformStorage } from './platform.js';
import { MARK, storageKeys, encodeArgs, errorFromData, unwrap } from './protocol.js';

export { MinformError, platformStorage };

/** The worker entry's default path: the folder `app.json` names as `"workers"`. */
export const DEFAULT_WORKER_PATH = 'workers/minform.js';

/** The worker's connection once the module has loaded in it; `started` as soon as it exists. */
let connection = null;
let started = null;
let loading = null;
let nextHandle = 1;

const notInitialized = () =>
  new MinformError('minform is not initialized: call and await `init()` before using the API', { code: 'not_initialized' });

function connect(worker) {
  const pending = new Map();
  let nextId = 1;
  worker.onMessage((event) => {
    const msg = unwrap(event);
    if (!msg || !pending.has(msg.id)) return;
    const { resolve, reject, storage } = pending.get(msg.id);
    pending.delete(msg.id);
    try {
      // What the flow wrote is stored before its answer is seen, as in the synchronous API.
      if (msg.writes && storage) for (const [key, value] of Object.entries(msg.writes)) storage.set(key, value);
    } catch (cause) {
      reject(new MinformError(`options.storage: set failed (${cause?.message ?? cause})`, { code: 'storage_failed', path: 'options.storage' }));
      return;
    }
    if (msg.error) reject(errorFromData(msg.error));
    else resolve(msg.value);
  });
  return {
    worker,
    send(message, storage) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject, storage });
        try {
          worker.postMessage({ [MARK]: 1, id, ...message });
        } catch (cause) {
          pending.delete(id);
          reject(new MinformError(`minform: the worker could not be reached (${cause?.message ?? cause})`, { code: 'init_failed' }));
        }
      });
    },
  };
}

/**
 * Starts the worker and loads the module in it, once (later calls share the first).
 * `options.worker`: a Worker already created (e.g. one the app shares); else
 * `my.createWorker(options.workerPath ?? 'workers/minform.js', options.workerOptions ??
 * { useExperimentalWorker: true })` (MyWebAssembly needs the experimental worker on iOS).
 * `options.wasmPath`: the absolute package path of minform_bg.wasm.br (default
 * `/node_modules/minform/miniprogram/…`). `options.timeout`: how long to wait for the worker's
 * answer (default 30 000 ms), then `init_failed`.
 */
export function init(options = {}) {
  if (loading) return loading;
  if (options === null || typeof options !== 'object') {
    return Promise.reject(new MinformError('options: expected an object { worker?, workerPath?, workerOptions?, wasmPath?, timeout? }', { code: 'invalid_argument', path: 'options' }));
  }
  const { worker, workerPath, workerOptions, timeout = 30000, ...rest } = options;
  if (typeof timeout !== 'number' || !(timeout > 0)) {
    return Promise.reject(new MinformError('options.timeout: expected milliseconds > 0', { code: 'invalid_argument', path: 'options.timeout' }));
  }
  let conn = started;
  if (!conn || (worker !== undefined && worker !== conn.worker)) {
    let w = worker;
    try {
      if (w === undefined) {
        if (typeof my === 'undefined' || typeof my.createWorker !== 'function') {
          throw new MinformError('minform: my.createWorker is not available (an Alipay page is needed, or pass options.worker)', { code: 'unsupported_platform' });
        }
        try {
          // MyWebAssembly needs the experimental worker on iOS.
          w = my.createWorker(workerPath ?? DEFAULT_WORKER_PATH, workerOptions ?? { useExperimentalWorker: true });
        } catch (cause) {
          throw new MinformError(`minform: the worker could not be started (${cause?.message ?? cause}); declare "workers" in app.json and copy minform/alipay/worker.js there`, { code: 'init_failed' });
        }
      }
      if (!w || typeof w.postMessage !== 'function' || typeof w.onMessage !== 'function') {
        throw new MinformError('options.worker: expected a Worker with postMessage and onMessage', { code: 'invalid_argument', path: 'options.worker' });
      }
    } catch (err) {
      return Promise.reject(err);
    }
    // One worker per page (the platforms allow one at a time): a retry after a failed load
    // asks the same worker again.
    conn = started = connect(w);
  }
  // A worker that never answers (a missing or wrong worker file) must not leave init() pending.
  let timer;
  const silent = new Promise((_, reject) => {
    timer = setTimeout(() => {
      // A silent worker is of no use: end it (one worker at a time), so a retry starts afresh.
      if (started === conn) {
        started = null;
        if (typeof conn.worker.terminate === 'function' && conn.worker !== worker) conn.worker.terminate();
      }
      reject(new MinformError(`minform: the worker did not answer within ${timeout} ms (is minform/alipay/worker.js in the workers folder?)`, { code: 'init_failed' }));
    }, timeout);
  });
  const answered = conn.send({ op: 'init', options: rest });
  answered.catch(() => {}); // a late failure after the timeout is already reported
  loading = Promise.race([answered, silent]).finally(() => clearTimeout(timer)).then(
    () => {
      connection = conn;
    },
    (err) => {
      loading = null; // may be retried
      throw err;
    },
  );
  return loading;
}

function send(message, storage) {
  if (!connection) return Promise.reject(notInitialized());
  return connection.send(message, storage);
}

const call = (name) => (...args) => {
  let encoded;
  try {
    encoded = encodeArgs(args);
  } catch (err) {
    return Promise.reject(err);
  }
  return send({ op: 'call', name, args: encoded });
};

/** Keyed BLAKE3 pseudonym of `value`. Resolves to 64 lowercase hex characters. */
export const pseudonymize = call('pseudonymize');
/** Resolves to the category, sensitivity, confidence and reasons of every field. */
export const classifyFields = call('classifyFields');
/** Resolves to the personal data inside free text: `[{ category, start, end }]`. */
export const findPersonalData = call('findPersonalData');
/** Resolves to a policy's findings: `{ ok, findings }`. */
export const checkPolicy = call('checkPolicy');
/** Resolves to the data map a notice is generated from. */
export const describePolicy = call('describePolicy');
/** Resolves to `{ valid, reason?, index? }` for a receipt or a chain. */
export const verifyReceipt = call('verifyReceipt');

/** An object living in the worker: created once, its methods queued after its creation. */
class Remote {
  #handle = nextHandle++;
  #created;
  #storage;
  #keys;

  constructor(cls, args, storage, keys) {
    this.#storage = storage;
    this.#keys = keys;
    let encoded;
    try {
      encoded = encodeArgs(args);
      this.#created = send({ op: 'new', handle: this.#handle, cls, args: encoded, storage: this.#snapshot() }, storage);
    } catch (err) {
      this.#created = Promise.reject(err);
    }
    this.#created.catch(() => {}); // reported by every later call instead
  }

  /** The stored values the worker's flow reads, read now (after earlier writes were applied). */
  #snapshot() {
    if (!this.#storage) return undefined;
    const out = {};
    for (const key of this.#keys) {
      let v;
      try {
        v = this.#storage.get(key);
      } catch (cause) {
        throw new MinformError(`options.storage: get failed (${cause?.message ?? cause})`, { code: 'storage_failed', path: 'options.storage' });
      }
      out[key] = v === undefined || v === '' ? null : typeof v === 'string' ? v : JSON.stringify(v);
    }
    return out;
  }

  call(name, args) {
    const next = this.#created.then(() => send({ op: 'method', handle: this.#handle, name, args: encodeArgs(args), storage: this.#snapshot() }, this.#storage));
    // Calls on one object run in order, each after the one before has finished.
    this.#created = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }
}

function checkedStorage(storage) {
  if (storage === undefined) return platformStorage();
  if (storage === null) return null;
  if (typeof storage !== 'object' || typeof storage.get !== 'function' || typeof storage.set !== 'function') {
    throw new MinformError('options.storage: expected an object with get(key) and set(key, value)', { code: 'invalid_argument', path: 'options.storage' });
  }
  return storage;
}

const pad = (n) => String(n).padStart(2, '0');

/** The consent flow; every method resolves to what the synchronous one returns. */
export class ConsentFlow {
  #remote;

  constructor(policy, options = {}) {
    let args = [policy, options];
    let storage = null;
    let keys = [];
    try {
      if (options !== null && typeof options === 'object') {
        const { storage: given, ...rest } = options;
        storage = checkedStorage(given);
        // The date as the page's calendar sees it (a Date does not survive the message).
        if (rest.today instanceof Date) rest.today = `${rest.today.getFullYear()}-${pad(rest.today.getMonth() + 1)}-${pad(rest.today.getDate())}`;
        args = [policy, rest];
      }
      let id = '';
      try {
        id = (typeof policy === 'string' ? JSON.parse(policy) : policy)?.id;
      } catch {
        id = ''; // the worker reports the bad policy with its path
      }
      keys = storageKeys(typeof id === 'string' ? id : '');
    } catch (err) {
      this.#remote = { call: () => Promise.reject(err) };
      return;
    }
    this.#remote = new Remote('ConsentFlow', args, storage, keys);
  }

  view() {
    return this.#remote.call('view', []);
  }

  dispatch(action) {
    return this.#remote.call('dispatch', [action]);
  }

  consents() {
    return this.#remote.call('consents', []);
  }

  subject() {
    return this.#remote.call('subject', []);
  }

  respondent() {
    return this.#remote.call('respondent', []);
  }

  receipt() {
    return this.#remote.call('receipt', []);
  }
}

/** Binds a policy to the integrator's key; `minimize(record, options)` resolves to `{ payload, report, subject }`. */
export class Minimizer {
  #remote;

  constructor(policy, options) {
    this.#remote = new Remote('Minimizer', [policy, options], null, []);
  }

  minimize(record, options) {
    return this.#remote.call('minimize', [record, options]);
  }
}
