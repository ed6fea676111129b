// Entry for browsers, bundlers, Deno and plain <script type="module">: the wasm-bindgen web target.
// `init()` fetches minform_bg.wasm next to the glue (bundlers copy it through the
// `new URL(..., import.meta.url)` pattern); pass a URL, Response, bytes or WebAssembly.Module to
// load it from elsewhere (a CDN, a CSP-approved origin, an inlined asset).
import loadWeb, * as glue from '../dist/web/minform.js';
import { bindApi } from './api.js';
import { bindProtect } from './protect.js';

export { MinformError } from './errors.js';
const api = bindApi(
  async (source) => {
    await loadWeb(source === undefined ? undefined : { module_or_path: source });
    return glue;
  },
);
export const {
  init,
  pseudonymize,
  attachPseudonymPreview,
  classifyFields,
  classifyForm,
  findPersonalData,
  checkPolicy,
  describePolicy,
  Minimizer,
  ConsentFlow,
  verifyReceipt,
  mountConsent,
} = api;
/** Keeps a form's raw fields from being submitted; sends only what the Minimizer lets leave. */
export const protectForm = /* @__PURE__ */ bindProtect(api);
