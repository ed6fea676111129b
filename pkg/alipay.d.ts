// Types of `minform/alipay`: Alipay runs WebAssembly only in a Worker, so every function and
// method here returns a promise of what the synchronous API returns.
import type * as sync from './index.js';

export { MinformError } from './index.js';
export type * from './index.js';

type Async<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;

/** The worker entry's default path (`my.createWorker`): the `"workers"` folder of app.json. */
export const DEFAULT_WORKER_PATH: 'workers/minform.js';

export interface AlipayWorker {
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
}

/**
 * Starts the worker (or uses `options.worker`) and loads the module in it, once.
 * @throws {MinformError} `unsupported_platform`, `invalid_argument`, `init_failed`.
 */
export function init(options?: {
  worker?: AlipayWorker;
  workerPath?: string;
  /** Passed to my.createWorker; default `{ useExperimentalWorker: true }` (needed on iOS). */
  workerOptions?: Record<string, unknown>;
  wasmPath?: string;
  /** Milliseconds to wait for the worker's answer (default 30 000), then `init_failed`. */
  timeout?: number;
}): Promise<void>;

export const pseudonymize: Async<typeof sync.pseudonymize>;
export const classifyFields: Async<typeof sync.classifyFields>;
export const findPersonalData: Async<typeof sync.findPersonalData>;
export const checkPolicy: Async<typeof sync.checkPolicy>;
export const describePolicy: Async<typeof sync.describePolicy>;
export const verifyReceipt: Async<typeof sync.verifyReceipt>;

export class Minimizer {
  constructor(policy: sync.Policy | string, options: { key: Uint8Array });
  minimize(record: Record<string, sync.FieldValue | sync.FieldValue[]>, options?: sync.MinimizeOptions): Promise<sync.MinimizeResult>;
}

/** Kept in `my` storage unless `storage` is given (`null`: memory only). */
export class ConsentFlow {
  constructor(policy: sync.Policy | string, options?: Omit<sync.ConsentFlowOptions, 'storage'> & { storage?: sync.ConsentStorage | null });
  view(): Promise<sync.ConsentView>;
  dispatch(action: sync.ConsentAction): Promise<sync.ConsentView>;
  consents(): Promise<Required<sync.Consents>>;
  subject(): Promise<'child' | 'adult' | null>;
  respondent(): Promise<'self' | 'guardian' | null>;
  receipt(): Promise<sync.ConsentReceipt | null>;
}

export function platformStorage(api?: 'wx' | 'tt' | 'my' | { getStorageSync: Function; setStorageSync: Function }): sync.ConsentStorage | null;
