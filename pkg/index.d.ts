/**
 * minform — client-side minimization of children's personal information.
 *
 * Call and await {@link init} once before anything else; every other function throws a
 * {@link MinformError} with code `not_initialized` until then.
 */

/** Where the browser build loads its WebAssembly from; ignored under Node. */
export type InitSource =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module
  | Promise<string | URL | Request | Response | BufferSource | WebAssembly.Module>;

/**
 * Loads the WebAssembly module. Idempotent: later and concurrent calls share the first load.
 * In browsers and bundlers it fetches `minform_bg.wasm` next to the package's glue unless a
 * `source` is given; under Node it reads the file from the package.
 * @throws {MinformError} `init_failed` if the module cannot be loaded (the call may be retried).
 */
export function init(source?: InitSource): Promise<void>;

/** Options of {@link pseudonymize}. */
export interface PseudonymizeOptions {
  /** The integrator's secret: at least 32 random bytes. Never sent anywhere by minform. */
  key: Uint8Array;
  /** Names the data set or use (domain separation); a non-empty string. */
  context: string;
}

/**
 * The keyed BLAKE3 pseudonym of `value`, as 64 lowercase hex characters. The same value, key
 * and context give the same pseudonym on every device; another key or context gives an
 * unrelated one. The value is hashed exactly as given (no trimming or case folding).
 *
 * Scheme: `subkey = BLAKE3.derive_key("minform 2026-11 pseudonym subkey v1",
 * le64(len(context)) ‖ context ‖ key)`, `pseudonym = hex(BLAKE3.keyed_hash(subkey, value))`.
 * @throws {MinformError} `invalid_argument`, `invalid_string`, `key_too_short`, `context_empty`.
 */
export function pseudonymize(value: string, options: PseudonymizeOptions): string;

/** A live preview started by {@link attachPseudonymPreview}. */
export interface PseudonymPreview {
  /** Stops updating the output; it keeps its last text. */
  detach(): void;
}

/**
 * Browser only. Shows in `output` the pseudonym of what is typed in `input`, updated on every
 * `input` event (empty while the input is empty).
 * @throws {MinformError} `invalid_argument` if `input` is not an `HTMLInputElement` or `output`
 * not an `Element`, and the errors of {@link pseudonymize} for `options`.
 */
export function attachPseudonymPreview(
  input: HTMLInputElement,
  output: Element,
  options: PseudonymizeOptions,
): PseudonymPreview;

/** The stable error codes. New codes may be added in minor versions. */
export type MinformErrorCode =
  | 'not_initialized'
  | 'init_failed'
  | 'invalid_argument'
  | 'invalid_string'
  | 'key_too_short'
  | 'context_empty';

/** Every error minform throws. Match on `code`, not on `message`. */
export class MinformError extends Error {
  constructor(message: string, details: { code: MinformErrorCode; path?: string });
  readonly name: 'MinformError';
  readonly code: MinformErrorCode;
  /** The path of the bad part of the input, e.g. `options.key`, when there is one. */
  readonly path?: string;
}
