// Entry for Node.js (ESM): the wasm-bindgen nodejs target, which reads minform_bg.wasm from the
// package with `fs` when `init()` first runs. `init()` takes no argument here; one given is
// ignored, so isomorphic code can call `init(url)` unchanged.
import { createRequire } from 'node:module';
import { bindApi } from './api.js';
import { MinformError } from './errors.js';

export { MinformError };
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
} = bindApi(
  async () => createRequire(import.meta.url)('../dist/node/minform.js'),
);

/** Browser only: Node has no DOM forms to protect. */
export function protectForm() {
  throw new MinformError('protectForm: there are no DOM forms to protect under Node; use Minimizer.minimize on the record instead', {
    code: 'unsupported_platform',
  });
}
