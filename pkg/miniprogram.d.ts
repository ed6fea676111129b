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

/**
 * protectForm's counterpart for `<form bindsubmit="onSubmit">`: waits for the module, minimizes
 * `event.detail.value` under the policy and the flow's consents (or `consents`/`subject`), and
 * calls `send(payload, report)`; when it cannot decide (no module, no key, no consent, a bad
 * value) `send` is not called and `onError(error)` is. The handler resolves to the result, or
 * `null` when nothing was sent. A second submit while one is being sent is ignored.
 * @throws {MinformError} `invalid_argument` (with the option's path), at once.
 */
export function protectSubmit(options: {
  policy: Policy | string;
  /** The pseudonym key, or a promise of it (fetched from your server). */
  key: Uint8Array | Promise<Uint8Array>;
  send: (payload: Record<string, unknown>, report: import('./index.js').ReportEntry[]) => unknown;
  flow?: WebConsentFlow;
  consents?: import('./index.js').Consents;
  subject?: 'child' | 'adult';
  subjectAge?: number;
  onError?: (error: Error) => void;
}): (event: { detail: { value: Record<string, unknown> } }) => Promise<import('./index.js').MinimizeResult | null>;
