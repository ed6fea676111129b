// Entry for WeChat and Douyin mini-programs (and uni-app / Taro builds for them): CommonJS after
// the build, in the package's `miniprogram` folder, which the platforms' "Build npm" copies to
// `miniprogram_npm/minform/`. The same names as the web package, synchronous once `init()` has
// resolved. Alipay loads WebAssembly only in a Worker: use ./alipay.js there.
import { bindMiniProgramApi } from './core.js';
import { platformStorage } from './platform.js';
import { bindProtectSubmit } from './protect.js';

export { MinformError } from '../errors.js';
export { platformStorage };

const api = bindMiniProgramApi();

export const { init, pseudonymize, classifyFields, findPersonalData, checkPolicy, describePolicy, Minimizer, verifyReceipt } = api;

/**
 * The consent flow. Without a `storage` option it keeps its state in the platform's storage
 * (`wx`/`tt`), so an answered age gate stays answered and receipts chain across launches;
 * `storage: null` keeps it in memory only.
 */
export class ConsentFlow extends api.ConsentFlow {
  constructor(policy, options = {}) {
    const withStorage =
      options !== null && typeof options === 'object' && options.storage === undefined
        ? { ...options, storage: platformStorage() ?? undefined }
        : options;
    super(policy, withStorage);
  }
}

/**
 * protectForm's counterpart for `<form bindsubmit>`: minimizes `event.detail.value` and calls
 * `send(payload, report)` with what the policy lets leave; nothing when it cannot decide.
 */
export const protectSubmit = bindProtectSubmit(api);
