// The core for mini-programs: the same `api.js` as the web and Node entries, over wasm-bindgen's
// bundler glue (which has no loader of its own), instantiated through the platform's loader
// (WXWebAssembly, TTWebAssembly, MyWebAssembly) from a package path. scripts/build bundles this
// with esbuild into CommonJS and injects ./utf8.js as the glue's TextEncoder/TextDecoder.
import * as glue from '../../dist/miniprogram/minform_bg.js';
import { bindApi } from '../api.js';
import { MinformError } from '../errors.js';
import { instantiate } from './platform.js';

/** `init()` / `init({ wasmPath })`, checked before anything is loaded. */
function wasmPathOf(options) {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object') {
    throw new MinformError('options: expected an object { wasmPath? }', { code: 'invalid_argument', path: 'options' });
  }
  for (const key of Object.keys(options)) {
    if (key !== 'wasmPath') {
      throw new MinformError(`options.${key}: unknown option (expected wasmPath)`, {
        code: 'invalid_argument',
        path: `options.${key}`,
      });
    }
  }
  return options.wasmPath;
}

/** The public API (`init`, `classifyFields`, …) bound to the platform loader. */
export function bindMiniProgramApi() {
  return bindApi(async (options) => {
    const instance = await instantiate({ './minform_bg.js': glue }, wasmPathOf(options));
    glue.__wbg_set_wasm(instance.exports);
    if (typeof instance.exports.__wbindgen_start === 'function') instance.exports.__wbindgen_start();
    return glue;
  });
}
