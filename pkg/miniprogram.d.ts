// Types of `minform/miniprogram` (WeChat, Douyin; uni-app and Taro builds for them): the web
// package's API, synchronous once `init()` has resolved, without the DOM functions.
import type { ConsentFlow as WebConsentFlow, ConsentFlowOptions, ConsentStorage, Policy } from './index.js';

export {
  MinformError,
  pseudonymize,
  classifyFields,
  findPersonalData,
  checkPolicy,
  describePolicy,
  Minimizer,
  verifyReceipt,
} from './index.js';
export type * from './index.js';

export interface MiniProgramInitOptions {
  /**
   * Package path of `minform_bg.wasm.br`; default `/miniprogram_npm/minform/minform_bg.wasm.br`
   * (where WeChat's and Douyin's "Build npm" put it). Set it for a subpackage or a copy made
   * by uni-app or Taro.
   */
  wasmPath?: string;
}

/**
 * Loads the module once through WXWebAssembly / TTWebAssembly.
 * @throws {MinformError} `unsupported_platform` (no loader here: on Alipay use `minform/alipay`),
 * `invalid_argument` (`options.wasmPath`), `init_failed`.
 */
export function init(options?: MiniProgramInitOptions): Promise<void>;

/** As the web ConsentFlow; without `storage` it keeps its state in wx/tt storage, `null` for memory only. */
export class ConsentFlow extends WebConsentFlow {
  constructor(policy: Policy | string, options?: Omit<ConsentFlowOptions, 'storage'> & { storage?: ConsentStorage | null });
}

/** A ConsentFlow storage adapter over `wx`, `tt` or `my` synchronous storage; `null` where there is none. */
export function platformStorage(api?: 'wx' | 'tt' | 'my' | { getStorageSync: Function; setStorageSync: Function }): ConsentStorage | null;
