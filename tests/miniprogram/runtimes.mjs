// Simulated mini-program runtimes: Node `vm` contexts shaped like WeChat, Douyin and Alipay, in
// which the package's mini-program build must run. What each one has and lacks follows the
// platforms' documentation (docs/mini-programs.md):
//   - no WebAssembly, TextEncoder, TextDecoder, fetch, window, document, process, Buffer;
//     CommonJS `require` limited to the package (a mini-program's module system);
//   - WeChat `WXWebAssembly.instantiate(path, imports)`: a package path to `.wasm`/`.wasm.br`
//     only (no bytes, no URL); in "iOS" mode it refuses modules exporting Globals, and the
//     context also lacks FinalizationRegistry and WeakRef (older JavaScriptCore);
//   - Douyin `TTWebAssembly` the same way, `tt` storage;
//   - Alipay: the page has `my` (object-style storage, createWorker) but no MyWebAssembly; the
//     worker has MyWebAssembly (absolute paths only), a `worker` global, no `my` and no
//     `globalThis`, may require only files inside its own folder, and talks to the page by
//     copied messages.
// Everything the code logs is recorded, so tests can assert that nothing was logged.
import vm from 'node:vm';
import { readFileSync, existsSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import path from 'node:path';

/** The host's WebAssembly, captured before any context exists. */
const HostWasm = WebAssembly;

/** A fresh context with only what a mini-program's JavaScript engine provides. */
function bareContext(extra, { oldEngine = false, noGlobalThis = false } = {}) {
  const logs = [];
  const record = (level) => (...args) => logs.push({ level, text: args.map(String).join(' ') });
  const context = vm.createContext({
    console: { log: record('log'), info: record('info'), warn: record('warn'), error: record('error'), debug: record('debug') },
    setTimeout,
    clearTimeout,
    ...extra,
  });
  // V8 gives every context WebAssembly (and these): the mini-program engines do not.
  const remove = ['WebAssembly', 'SharedArrayBuffer', 'Atomics'];
  if (oldEngine) remove.push('FinalizationRegistry', 'WeakRef');
  for (const name of remove) vm.runInContext(`delete globalThis[${JSON.stringify(name)}]`, context);
  if (noGlobalThis) vm.runInContext('delete globalThis.globalThis', context);
  return { context, logs };
}

/** The package's file for a package path (`/miniprogram_npm/minform/x`), inside `root` only. */
function packageFile(root, p, { absoluteOnly = false } = {}) {
  if (typeof p !== 'string') throw new TypeError('path: a string path inside the package is required');
  if (absoluteOnly && !p.startsWith('/')) throw new Error(`path must be absolute: ${p}`);
  if (/^[a-z]+:/i.test(p)) throw new Error(`not a package path: ${p}`);
  const file = path.resolve(root, `.${path.posix.resolve('/', p)}`);
  if (!file.startsWith(root)) throw new Error(`outside the package: ${p}`);
  return file;
}

/** `XXWebAssembly` for a package rooted at `root`. */
function wasmLoader(root, { ios = false, absoluteOnly = false, loads }) {
  return {
    async instantiate(p, imports) {
      if (typeof p !== 'string') throw new TypeError('instantiate: the first argument must be a package path string');
      if (!/\.wasm(\.br)?$/.test(p)) throw new Error(`instantiate: only .wasm or .wasm.br: ${p}`);
      const file = packageFile(root, p, { absoluteOnly });
      if (!existsSync(file)) throw new Error(`instantiate: no such file in the package: ${p}`);
      let bytes = readFileSync(file);
      if (p.endsWith('.br')) bytes = brotliDecompressSync(bytes);
      const module = await HostWasm.compile(bytes);
      if (ios) {
        const globals = HostWasm.Module.exports(module).filter((e) => e.kind === 'global');
        if (globals.length) throw new Error(`iOS: exporting Globals is not supported (${globals.map((g) => g.name).join(', ')})`);
      }
      const instance = await HostWasm.instantiate(module, imports);
      loads.push(p);
      return { module, instance };
    },
  };
}

/** CommonJS in a context, resolving relative requires inside `scope` (a folder). */
function moduleSystem(context, scope) {
  const cache = new Map();
  function load(file) {
    if (!file.startsWith(scope)) throw new Error(`require outside ${scope}: ${file}`);
    let f = file;
    if (!existsSync(f) && existsSync(`${f}.js`)) f = `${f}.js`;
    if (cache.has(f)) return cache.get(f).exports;
    const module = { exports: {} };
    cache.set(f, module);
    const wrapper = vm.runInContext(`(function (module, exports, require) {${readFileSync(f, 'utf8')}\n})`, context, { filename: f });
    const req = (spec) => {
      if (spec.startsWith('.')) return load(path.resolve(path.dirname(f), spec));
      if (spec.startsWith('/')) return load(path.join(scope, spec));
      // A package name: the nearest miniprogram_npm/<name> above, as WeChat resolves npm.
      for (let dir = path.dirname(f); dir.startsWith(scope); dir = path.dirname(dir)) {
        const candidate = path.join(dir, 'miniprogram_npm', spec);
        if (existsSync(path.join(candidate, 'index.js'))) return load(path.join(candidate, 'index.js'));
        if (existsSync(`${candidate}.js`)) return load(`${candidate}.js`);
        if (dir === scope) break;
      }
      throw new Error(`cannot find module ${spec} in miniprogram_npm (run "Build npm")`);
    };
    wrapper(module, module.exports, req);
    return module.exports;
  }
  return load;
}

/** WeChat-style synchronous storage over a Map: getStorageSync(key) is '' when missing. */
function keyStorage(map) {
  return {
    getStorageSync: (key) => (map.has(key) ? map.get(key) : ''),
    setStorageSync: (key, value) => void map.set(key, value),
    removeStorageSync: (key) => void map.delete(key),
  };
}

/**
 * A WeChat (`wx`) or Douyin (`tt`) page context for the mini-program at `root`. `require(file)`
 * loads a file of the package; `storage` is the platform's storage; `api` adds methods to
 * `wx`/`tt` (e.g. `request`), `globals` adds globals (e.g. `Page`).
 */
export function pageRuntime(root, { platform = 'wechat', ios = false, storage = new Map(), api: more = {}, globals = {} } = {}) {
  const loads = [];
  const api = platform === 'douyin' ? 'tt' : 'wx';
  const loaderName = platform === 'douyin' ? 'TTWebAssembly' : 'WXWebAssembly';
  const { context, logs } = bareContext(
    { [api]: { ...keyStorage(storage), ...more }, [loaderName]: wasmLoader(root, { ios, loads }), ...globals },
    { oldEngine: ios },
  );
  const load = moduleSystem(context, root);
  return { context, logs, loads, storage, require: (rel) => load(path.resolve(root, rel)) };
}

/**
 * An Alipay page and its worker. `my.createWorker(path)` starts `path` (relative to the root,
 * inside the `workers` folder) in its own context; messages are copied (JSON) and delivered
 * asynchronously.
 */
export function alipayRuntime(root, { storage = new Map(), workersDir = 'workers' } = {}) {
  const loads = [];
  const workerLogs = [];
  let workers = 0;
  const copy = (m) => JSON.parse(JSON.stringify(m));
  const my = {
    // Alipay's storage takes and answers objects.
    getStorageSync: ({ key }) => ({ data: storage.has(key) ? storage.get(key) : null }),
    setStorageSync: ({ key, data }) => void storage.set(key, data),
    createWorker(scriptPath, options) {
      if (typeof scriptPath !== 'string' || scriptPath.startsWith('/')) throw new Error('createWorker: an absolute path without a leading /');
      // iOS runs MyWebAssembly only in the experimental worker.
      if (!options || options.useExperimentalWorker !== true) throw new Error('createWorker: MyWebAssembly needs { useExperimentalWorker: true } on iOS');
      if (workers++) throw new Error('createWorker: only one worker at a time');
      const file = path.resolve(root, scriptPath);
      const scope = path.resolve(root, workersDir);
      if (!file.startsWith(`${scope}/`)) throw new Error(`createWorker: ${scriptPath} is not inside the workers folder`);
      const toPage = [];
      const toWorker = [];
      const w = bareContext(
        {
          MyWebAssembly: wasmLoader(root, { absoluteOnly: true, loads }),
          worker: {
            onMessage: (cb) => toWorker.push(cb),
            postMessage: (m) => {
              const c = copy(m);
              setTimeout(() => toPage.forEach((cb) => cb(c)), 0);
            },
          },
        },
        { noGlobalThis: true },
      );
      workerLogs.push(w.logs);
      moduleSystem(w.context, scope)(file);
      return {
        onMessage: (cb) => toPage.push(cb),
        postMessage: (m) => {
          const c = copy(m);
          setTimeout(() => toWorker.forEach((cb) => cb(c)), 0);
        },
        terminate() {
          workers--;
        },
      };
    },
  };
  const { context, logs } = bareContext({ my });
  const load = moduleSystem(context, root);
  return {
    context,
    logs,
    workerLogs,
    loads,
    storage,
    require: (rel) => load(path.resolve(root, rel)),
  };
}
