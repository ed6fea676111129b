// What differs between mini-program runtimes, in one place: which global loads WebAssembly,
// where each platform's npm build puts the module, and how each one's synchronous storage is
// called. Facts and their sources: docs/mini-programs.md.
import { MinformError } from '../errors.js';

/** The module's file name inside the package's mini-program folder (brotli only: no `.wasm`). */
export const WASM_FILE = 'minform_bg.wasm.br';

/**
 * Each runtime: the global holding its API (`wx`, `tt`, `my`), the WebAssembly loader global,
 * and the default package path of the module.
 * - WeChat: "Build npm" copies the package's `miniprogram` folder to `miniprogram_npm/minform/`;
 *   `WXWebAssembly` from base library 2.13.0, `.wasm.br` from 2.14.0.
 * - Douyin: "构建 npm" does the same into `miniprogram_npm/`; `TTWebAssembly` from 2.34.0.0,
 *   `.wasm.br` from 2.92.0.0.
 * - Alipay: no npm build (node_modules is read in place); `MyWebAssembly` only inside a Worker
 *   (base library 2.9.7, client 10.5.60), and only with an absolute path.
 */
export const PLATFORMS = {
  wechat: { api: 'wx', loader: 'WXWebAssembly', wasmPath: `/miniprogram_npm/minform/${WASM_FILE}` },
  douyin: { api: 'tt', loader: 'TTWebAssembly', wasmPath: `/miniprogram_npm/minform/${WASM_FILE}` },
  alipay: { api: 'my', loader: 'MyWebAssembly', wasmPath: `/node_modules/minform/miniprogram/${WASM_FILE}` },
};

/** A global by name, or undefined (some workers have no `globalThis`: read names directly). */
function global(name) {
  switch (name) {
    case 'wx':
      return typeof wx === 'undefined' ? undefined : wx;
    case 'tt':
      return typeof tt === 'undefined' ? undefined : tt;
    case 'my':
      return typeof my === 'undefined' ? undefined : my;
    case 'WXWebAssembly':
      return typeof WXWebAssembly === 'undefined' ? undefined : WXWebAssembly;
    case 'TTWebAssembly':
      return typeof TTWebAssembly === 'undefined' ? undefined : TTWebAssembly;
    case 'MyWebAssembly':
      return typeof MyWebAssembly === 'undefined' ? undefined : MyWebAssembly;
    default:
      return undefined;
  }
}

/**
 * The runtime that can load the module here: the first whose loader global exists. Douyin's
 * runtime is checked before WeChat's, since some hosts alias `wx` to their own API.
 */
export function detectLoader() {
  for (const name of ['douyin', 'wechat', 'alipay']) {
    const loader = global(PLATFORMS[name].loader);
    if (loader && typeof loader.instantiate === 'function') return { ...PLATFORMS[name], name, loader, loaderName: PLATFORMS[name].loader };
  }
  return null;
}

/**
 * Instantiates the module through the platform's loader (a package path, never bytes or a URL)
 * with the glue's imports. `wasmPath` overrides the default path (a subpackage, a copy made
 * by uni-app or Taro).
 */
export async function instantiate(imports, wasmPath) {
  const runtime = detectLoader();
  if (!runtime) {
    const alipayPage = global('my') !== undefined;
    throw new MinformError(
      alipayPage
        ? 'minform: MyWebAssembly exists only inside an Alipay Worker; use minform/alipay on the page and its worker entry (see the README)'
        : 'minform: no WXWebAssembly, TTWebAssembly or MyWebAssembly here; in web pages and Node use the package root',
      { code: 'unsupported_platform' },
    );
  }
  if (wasmPath !== undefined && (typeof wasmPath !== 'string' || wasmPath.trim() === '')) {
    throw new MinformError('options.wasmPath: expected a package path to minform_bg.wasm.br', {
      code: 'invalid_argument',
      path: 'options.wasmPath',
    });
  }
  const path = wasmPath ?? runtime.wasmPath;
  const result = await runtime.loader.instantiate(path, imports);
  // The loaders answer `{ instance, module }` like WebAssembly.instantiate.
  const instance = result && result.instance ? result.instance : result;
  if (!instance || !instance.exports) throw new Error(`${runtime.loaderName} returned no instance for ${path}`);
  return instance;
}

/**
 * A storage adapter `{ get, set }` for `ConsentFlow` over the platform's synchronous storage
 * (`wx`/`tt` `getStorageSync(key)`, Alipay `my.getStorageSync({ key })`), so the age gate stays
 * answered and the receipt chain grows across launches. `null` where there is none (a worker).
 * `api` picks one explicitly: `'wx'`, `'tt'` or `'my'`, or an object with the same methods.
 */
export function platformStorage(api) {
  let host = api;
  let kind = typeof api === 'string' ? api : undefined;
  if (typeof api === 'string') host = global(api);
  if (api === undefined) {
    for (const name of ['tt', 'my', 'wx']) {
      host = global(name);
      if (host && typeof host.getStorageSync === 'function') {
        kind = name;
        break;
      }
    }
  }
  if (!host || typeof host.getStorageSync !== 'function' || typeof host.setStorageSync !== 'function') {
    if (api === undefined) return null;
    throw new MinformError('storage: expected wx, tt or my (or an object with getStorageSync and setStorageSync)', {
      code: 'invalid_argument',
      path: 'storage',
    });
  }
  if (kind === 'my') {
    // Alipay takes and answers objects: getStorageSync({ key }) → { data }.
    return {
      get: (key) => {
        const r = host.getStorageSync({ key });
        return r && r.data !== undefined && r.data !== null && r.data !== '' ? r.data : null;
      },
      set: (key, data) => {
        host.setStorageSync({ key, data });
      },
    };
  }
  return {
    // A missing key reads as '' on WeChat and Douyin.
    get: (key) => {
      const v = host.getStorageSync(key);
      return v === '' || v === undefined ? null : v;
    },
    set: (key, value) => {
      host.setStorageSync(key, value);
    },
  };
}
