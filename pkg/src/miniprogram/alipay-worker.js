// Entry for the Alipay Worker (the only place Alipay has MyWebAssembly). Copy the built
// `alipay/worker.js` (node_modules/minform/alipay/worker.js) into the folder `app.json` names as `"workers"`: it is one
// self-contained file, since a worker may only require files inside that folder. It answers
// the page's ./alipay.js with the same core as every other build; it holds no storage of its
// own (there is no `my` in a worker): a ConsentFlow reads the values the page sends with each
// call and hands back what it wrote.
import { bindMiniProgramApi } from './core.js';
import { MARK, FUNCTIONS, CLASSES, decodeArgs, errorToData, unwrap } from './protocol.js';
import { MinformError } from '../errors.js';

const api = bindMiniProgramApi();
/** Live objects by the handle the page gave them: `{ object, store }`. */
const objects = new Map();

/** A storage adapter over the values sent by the page, recording what is set. */
function pageStorage() {
  let values = new Map();
  let writes = {};
  return {
    adapter: {
      get: (key) => (values.has(key) ? values.get(key) : null),
      set: (key, value) => {
        values.set(key, value);
        writes[key] = value;
      },
    },
    load(snapshot) {
      values = new Map(Object.entries(snapshot ?? {}));
      writes = {};
    },
    take() {
      const out = writes;
      writes = {};
      return out;
    },
  };
}

const bad = (what) => new MinformError(`worker: ${what}`, { code: 'invalid_argument' });

async function handle(msg) {
  const { id, op } = msg;
  let store = null;
  try {
    const args = decodeArgs(msg.args);
    let value = null;
    if (op === 'init') {
      await api.init(msg.options ?? undefined);
    } else if (op === 'call') {
      if (!FUNCTIONS.includes(msg.name)) throw bad(`unknown function ${msg.name}`);
      value = api[msg.name](...args);
    } else if (op === 'new') {
      if (!(msg.cls in CLASSES)) throw bad(`unknown class ${msg.cls}`);
      if (msg.cls === 'ConsentFlow' && msg.storage) {
        store = pageStorage();
        store.load(msg.storage);
        const options = args[1] !== null && typeof args[1] === 'object' ? args[1] : {};
        args[1] = { ...options, storage: store.adapter };
      }
      const object = new api[msg.cls](...args);
      objects.set(msg.handle, { object, store, cls: msg.cls });
    } else if (op === 'method') {
      const entry = objects.get(msg.handle);
      if (!entry) throw bad('the object was not created (see the error of its constructor) or was freed');
      if (!CLASSES[entry.cls].includes(msg.name)) throw bad(`unknown method ${msg.name}`);
      store = entry.store;
      if (store) store.load(msg.storage);
      value = entry.object[msg.name](...args);
    } else if (op === 'free') {
      objects.delete(msg.handle);
      return null;
    } else {
      throw bad(`unknown operation ${op}`);
    }
    const reply = { [MARK]: 1, id, value: value === undefined ? null : value };
    if (store) reply.writes = store.take();
    return reply;
  } catch (err) {
    const reply = { [MARK]: 1, id, error: errorToData(err) };
    if (store) reply.writes = store.take();
    return reply;
  }
}

/**
 * A message handler for a worker that carries other messages too: returns false for messages
 * that are not minform's. Replies go through `post`, in the order the messages came.
 */
export function createHandler(post) {
  let queue = Promise.resolve();
  return (event) => {
    const msg = unwrap(event);
    if (!msg || msg.id === undefined && msg.op !== 'free') return false;
    queue = queue.then(() => handle(msg)).then((reply) => reply && post(reply));
    return true;
  };
}

// The worker's global `worker` (Alipay, WeChat and Douyin workers all expose one).
if (typeof worker !== 'undefined' && worker && typeof worker.onMessage === 'function') {
  worker.onMessage(createHandler((reply) => worker.postMessage(reply)));
}
