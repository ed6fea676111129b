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

/** A category of personal information (the taxonomy ids are a contract). */
export type Category =
  | 'name' | 'username' | 'gender' | 'birth_date' | 'age' | 'ethnicity' | 'nationality'
  | 'phone' | 'email' | 'address' | 'region' | 'postal_code' | 'precise_location'
  | 'national_id' | 'bank_account' | 'credential' | 'biometric' | 'health' | 'religion'
  | 'school' | 'student_id' | 'relationship' | 'social_account' | 'device_id' | 'ip_address'
  | 'photo' | 'occupation' | 'vehicle' | 'free_text' | 'non_personal';

/** `sensitive` covers PIPL Art. 28 sensitive PI, and every personal category for a child. */
export type Sensitivity = 'none' | 'personal' | 'sensitive';

/** A form field as the classifier reads it. Only `name` is required. */
export interface FieldInput {
  name: string;
  label?: string | null;
  /** The WHATWG `autocomplete` attribute, e.g. `"section-kid tel"`. */
  autocomplete?: string | null;
  /** The input `type`, or `textarea` / `select` for those elements. */
  type?: string | null;
  placeholder?: string | null;
  /** The current value; arrays for multi-selects and checkbox groups. */
  value?: string | number | boolean | null | Array<string | number | boolean>;
  /**
   * The choices offered, as the person sees them (a select's option texts, a radio group's
   * labels). When two or more of them name one category (`女士`/`先生` → gender, `身份证`/`护照`
   * → national_id), that counts as much as a medium word of the name: a clear label still decides.
   * The first 32 are read.
   */
  options?: string | Array<string | number | boolean> | null;
}

/** Who the data is about. */
export interface ClassifyOptions {
  /** Age in years. Below the jurisdiction's threshold, every personal category is `sensitive`. */
  subjectAge?: number;
  /** ISO 3166-1 alpha-2 code or `EU`; default `CN` (threshold 14). */
  jurisdiction?: string;
}

export interface Classification {
  name: string;
  category: Category;
  sensitivity: Sensitivity;
  /** In [0, 1]. */
  confidence: number;
  /** Machine-readable reasons, e.g. `autocomplete:tel`, `label:手机`, `value:cn_resident_id`, `content:cn_mobile`, `option:身份证`, `option_value:gender_value`, `child:CN<14`. */
  reasons: string[];
}

/**
 * Sorts every field into a category and a sensitivity, from its metadata and (validated) value.
 * Returns one result per field, in the same order.
 * @throws {MinformError} `invalid_argument` (with the path, e.g. `fields[3].name`), `unknown_jurisdiction`.
 */
export function classifyFields(fields: FieldInput[], options?: ClassifyOptions): Classification[];

/**
 * Browser only. Classifies the named `<input>`, `<select>` and `<textarea>` controls under
 * `form` (a `<form>` or any element containing controls), in document order. Labels are read as
 * a person sees them (`<label for>`, a wrapping `<label>`, `aria-labelledby`, `aria-label`,
 * `title`); password and file inputs are classified by type, their values are never read.
 * @throws {MinformError} `invalid_argument` if `form` is not an element; the errors of {@link classifyFields}.
 */
export function classifyForm(form: Element, options?: ClassifyOptions): Classification[];

/** Personal data found inside free text; `text.slice(start, end)` is the match. */
export interface PersonalDataMatch {
  category: Category;
  start: number;
  end: number;
}

/**
 * Finds personal data (phone numbers, ID numbers, e-mail, bank cards, coordinates, …) inside
 * free text, with UTF-16 offsets.
 * @throws {MinformError} `invalid_argument` if `text` is not a string.
 */
export function findPersonalData(text: string): PersonalDataMatch[];

/** A text in one language, or by locale (`{ "zh-CN": "…", "en": "…" }`). */
export type LocalizedText = string | Record<string, string>;

/** A minimization policy (JSON Schema: `minform/policy.schema.json`). */
export interface Policy {
  id: string;
  version: string;
  /** ISO 3166-1 alpha-2 code or `EU`. */
  jurisdiction: string;
  audience: 'children' | 'general' | 'mixed';
  controller: { name: string; contact: string };
  storage: { location: LocalizedText; afterRetention: LocalizedText };
  security: LocalizedText;
  complaints: string;
  rights: LocalizedText;
  purposes: Record<string, PolicyPurpose>;
  /** Rules by category id. */
  categories?: Partial<Record<Category, PolicyRule>>;
  /** Rules by field name (checked before category rules). */
  fields?: Record<string, PolicyRule>;
}

export interface PolicyPurpose {
  kind: 'service' | 'security' | 'analytics' | 'marketing' | 'advertising' | 'profiling';
  required?: boolean;
  /** ISO 8601 duration, e.g. `P1Y`. */
  retention?: string;
  description: LocalizedText;
  recipients?: string[];
}

export interface PolicyRule {
  purposes: string[];
  /**
   * `redact` (free text only): every span of personal data `findPersonalData` finds is replaced
   * by its category (`[phone]`), the rest of the text kept. Spans it does not recognise stay.
   */
  action: 'keep' | 'drop' | 'hash' | 'mask' | 'generalize' | 'redact';
  /** For `generalize`: `year`, `year_month`, `age`, `age_band`, `band`, `region`, `decimals:N`, `geohash:N`, `digits:N`. */
  to?: string;
  /** For `redact`: a locale tag (`zh-CN`, `en`) whose category names label the spans (`[电话号码]`); without it, category ids (`[phone]`). */
  labels?: string;
}

export interface PolicyFinding {
  severity: 'error' | 'warning';
  /** e.g. `retention_missing`, `commercial_purpose_on_child_data`, `sensitive_kept_raw`, `unknown_category`, `optional_purpose_required`, `policy_invalid`. */
  code: string;
  /** e.g. `purposes.notices.retention`. */
  path: string;
  message: string;
}

/** Lints a policy. Never throws for a bad policy: a structural error is a `policy_invalid` finding. */
export function checkPolicy(policy: Policy | string): { ok: boolean; findings: PolicyFinding[] };

/** The data a notice is generated from, in one locale. */
export interface PolicyDescription {
  id: string;
  version: string;
  locale: string;
  jurisdiction: string;
  audience: 'children' | 'general' | 'mixed';
  controller: string;
  contact: string;
  storageLocation: string;
  afterRetention: string;
  security: string;
  complaints: string;
  rights: string;
  purposes: Array<{
    id: string;
    kind: string;
    required: boolean;
    description: string;
    retention: string | null;
    /** e.g. `1 year`, `1年`. */
    retentionText: string | null;
    recipients: string[];
    data: Array<{ category?: Category; field?: string; action: string; to?: string }>;
  }>;
}

/** @throws {MinformError} `policy_invalid`. */
export function describePolicy(policy: Policy | string, locale?: 'zh-CN' | 'en' | string): PolicyDescription;

/** What the subject agreed to (the consent flow produces this). */
export interface Consents {
  purposes?: string[];
  sensitiveCategories?: Category[];
  guardianVerified?: boolean;
}

export interface MinimizeOptions {
  subjectAge?: number;
  /** What the consent flow's age gate found (`ConsentFlow.subject()`), when the age is not known. */
  subject?: 'child' | 'adult';
  consents?: Consents;
}

/** A value in a record. */
export type FieldValue = string | number | boolean | null;

export interface ReportEntry {
  /** The field's name; `[withheld:<index>]` when the name is itself personal data. */
  field: string;
  category: Category;
  sensitivity: Sensitivity;
  /** What was actually done: `keep`, `hash`, `mask`, `generalize`, `redact` or `dropped`. */
  action: 'keep' | 'hash' | 'mask' | 'generalize' | 'redact' | 'dropped';
  purposes: string[];
  /** Why, in words (English; never a value). */
  reason: string;
  /** Why, as a stable code. */
  reasonCode: ReasonCode;
  /** For `redact`: how many spans of each category were replaced (counts only, never values). */
  redacted?: Partial<Record<Category, number>>;
}

/** The stable codes of {@link ReportEntry.reasonCode}. */
export type ReasonCode =
  | 'sent'
  | 'no_value'
  | 'no_rule'
  | 'commercial_on_child_data'
  | 'guardian_consent_required'
  | 'not_consented'
  | 'sensitive_consent_required'
  | 'policy_drops'
  | 'untransformable'
  | 'unreadable_field'
  | 'value_category_stricter'
  | 'name_is_personal_data';

/** Whose data `minimize` read the record as, and why. */
export interface MinimizeSubject {
  /** Child rules applied. */
  child: boolean;
  /**
   * `subject_age` (options.subjectAge), `consent_flow` (options.subject), `audience` (neither:
   * a children's or mixed policy means a child), or — stricter than what the caller said —
   * `record_birth_date` / `record_age` (the record holds a child's), `unreadable_age` (a birth
   * date or age in the record could not be read, under a children's or mixed policy).
   */
  basis: 'subject_age' | 'consent_flow' | 'audience' | 'record_birth_date' | 'record_age' | 'unreadable_age';
}

export interface MinimizeResult {
  payload: Record<string, FieldValue | FieldValue[]>;
  report: ReportEntry[];
  subject: MinimizeSubject;
}

/** A policy bound to the integrator's key. */
export class Minimizer {
  /**
   * @throws {MinformError} `policy_invalid` (with the path in the policy), `policy_rejected`
   * (checkPolicy has errors), `key_too_short` / `invalid_argument` (`options.key`).
   */
  constructor(policy: Policy | string, options: { key: Uint8Array });
  /**
   * The payload to submit and what was done to every field. Kept values are sent exactly as
   * given (a number stays a number); hashed, masked and generalized values are text, one per
   * value given (an array stays an array).
   * Missing `consents` are no consents: a policy with a required purpose then throws
   * `consent_required`.
   * @throws {MinformError} `consent_required` (with `purpose`, and `category` when a sensitive
   * category's separate consent is missing), `invalid_argument` (with paths), `invalid_string`
   * (a name or value with a lone UTF-16 surrogate: refused, never repaired).
   */
  minimize(
    record: Record<string, FieldValue | FieldValue[]> | FormData,
    options?: MinimizeOptions,
  ): MinimizeResult;
}

/** Where a ConsentFlow keeps its state (localStorage, a mini-program storage adapter, …). */
export interface ConsentStorage {
  get(key: string): string | null | undefined;
  set(key: string, value: string): void;
}

export interface ConsentFlowOptions {
  /** Whose age threshold applies; default: the policy's jurisdiction. */
  jurisdiction?: string;
  /** `zh-CN` (default) or `en`; `en-US`, `zh-Hans` resolve by language. */
  locale?: string;
  /** Today, `YYYY-MM-DD` or a `Date` (for tests); default: the local date. */
  today?: string | Date;
  /** Global Privacy Control (`navigator.globalPrivacyControl`): advertising and profiling are not offered. */
  gpc?: boolean;
  /** Keeps the age answer (sticky), the consents and the receipt chain across reloads. */
  storage?: ConsentStorage;
}

export type ConsentStep =
  | 'whose' | 'age_gate' | 'child_notice' | 'guardian_notice' | 'guardian_verify' | 'adult_notice' | 'consent' | 'done' | 'declined';

/** A screen of the flow, to render as it is. */
export interface ConsentView {
  step: ConsentStep;
  /** Whom the text is written for. */
  audience: 'anyone' | 'child' | 'guardian' | 'adult';
  /** `0-5`, `6-9`, `10-12`, `13-15`, `16-17` or `18+`, once the age gate is answered. */
  ageBand?: string;
  /** The language of the texts (set it as `lang`). */
  lang: string;
  title: string;
  paragraphs: string[];
  /**
   * Consent items (the `consent` step) or items that can be withdrawn (`done`). A sensitive
   * category's item has a `description`: which purposes need it and what refusing means.
   */
  choices: Array<{ id: string; kind: 'purpose' | 'sensitive'; label: string; required: boolean; checked: boolean; description?: string }>;
  /** Buttons: `type` is the action to dispatch. */
  actions: Array<{ type: ConsentAction['type']; label: string }>;
  /** The age gate's entry: labels of year, month (with month names) and optional day. */
  input?: { year: string; month: string; day: string; months: string[]; choose: string };
  /**
   * The `whose` step's answers (who the form is about), none chosen: send the chosen `value`
   * as `{ type: 'respondent', respondent: value }`.
   */
  options?: Array<{ value: 'self' | 'guardian'; label: string }>;
  /** Messages to show for an error code of this step. */
  errors: Record<string, string>;
  /** Label of a close button (`done`, `declined`). */
  dismiss?: string;
}

export type ConsentAction =
  /** Who the form is about: the person answering (`self`) or a child in their care (`guardian`). */
  | { type: 'respondent'; respondent: 'self' | 'guardian' }
  | { type: 'age'; birthDate: string }
  | { type: 'continue' }
  | { type: 'guardian_verified'; method: string }
  | { type: 'grant'; purposes: string[]; sensitiveCategories?: Category[] }
  | { type: 'decline' }
  | { type: 'withdraw'; purposes: string[]; sensitiveCategories?: Category[] }
  | { type: 'other_audience' }
  /**
   * For the integrator, after verifying a guardian out of band (no button offers it): starts
   * again at the first question (`whose`, or the age gate); a consent given before is closed with a receipt.
   */
  | { type: 'reset'; method: string };

/** A consent record shaped after ISO/IEC TS 27560 and the Kantara Consent Receipt v1.1. */
export interface ConsentReceipt {
  schemaVersion: 'minform-consent-receipt/1';
  receiptId: string;
  timestamp: string;
  piiPrincipalId: string;
  controller: { name: string; contact: string };
  policy: { id: string; version: string };
  notice: { language: string; audience: 'guardian' | 'adult'; digest: string };
  childNotice?: { language: string; ageBand: string; joint: boolean; digest: string };
  jurisdiction: string;
  ageBand: string;
  /** Who answered: the subject (`self`) or a guardian for a child in their care. Absent from receipts written before it was recorded. */
  respondent?: 'self' | 'guardian';
  gpc: boolean;
  guardianVerification: { method: string } | null;
  purposes: Array<{ id: string; kind: string; required: boolean; retention: string | null; granted: true }>;
  sensitiveCategories: Category[];
  withdrawalMethod: string;
  events: Array<{ type: string; time: string; [detail: string]: unknown }>;
  previousReceiptDigest: string | null;
  receiptDigest: string;
  [member: string]: unknown;
}

/** The age-appropriate consent flow: a state machine every renderer draws the same way. */
export class ConsentFlow {
  /** @throws {MinformError} `policy_invalid`, `unknown_jurisdiction`, `invalid_argument`, `storage_failed`. */
  constructor(policy: Policy | string, options?: ConsentFlowOptions);
  view(): ConsentView;
  /**
   * Applies an action and returns the next view. The flow is unchanged on error.
   * @throws {MinformError} `invalid_action` (does not fit the step), `invalid_argument`, `consent_required`.
   */
  dispatch(action: ConsentAction): ConsentView;
  /** For `Minimizer.minimize`: empty until the flow is done. */
  consents(): Required<Consents>;
  /** What the age gate found (`null` before it is answered); pass it to `minimize` as `subject`. */
  subject(): 'child' | 'adult' | null;
  /** Who is answering (`null` before it is known): the subject, or a guardian for a child in their care. */
  respondent(): 'self' | 'guardian' | null;
  /** The latest receipt, or `null` before consent is given. */
  receipt(): ConsentReceipt | null;
}

/**
 * Checks a receipt, or a chain of receipts (oldest first), against a policy.
 * `reason`: `malformed`, `unsupported_schema`, `digest_mismatch`, `policy_mismatch`, `notice_changed`, `chain_broken`.
 */
export function verifyReceipt(
  receipt: ConsentReceipt | ConsentReceipt[],
  policy: Policy | string,
): { valid: boolean; reason?: string; index?: number };

/**
 * Browser only: shows the flow as an accessible modal dialog appended to `element` (style it
 * with `minform/consent.css`).
 */
export function mountConsent(
  element: Element,
  flow: ConsentFlow,
  options?: {
    /**
     * The integrator's guardian verification, run when "Verify" is pressed; returns or resolves
     * to the method used (`sms`, `payment`, …). Without it, verify in your own UI and call
     * `flow.dispatch({ type: 'guardian_verified', method })`: the dialog follows the flow.
     */
    verifyGuardian?: () => string | Promise<string>;
    /** Called when the flow is done or declined, or the dialog is closed. */
    onDone?: (consents: Required<Consents>, receipt: ConsentReceipt | null) => void;
  },
): { unmount(): void };

/** Options of {@link protectForm}. */
export interface ProtectFormOptions {
  /** The policy, or a promise of it (e.g. still being fetched): attaching does not wait for it. */
  policy: Policy | string | Promise<Policy | string>;
  /** The integrator's secret (>= 32 random bytes), or a promise of it (e.g. from your server). */
  key: Uint8Array | Promise<Uint8Array>;
  /** The subject's age in years, when known (passed to `minimize`). */
  subjectAge?: number;
  /** `child` or `adult`, when the age is not known; default: what the consent flow found. */
  subject?: 'child' | 'adult';
  /**
   * Consents already given (e.g. by your own flow). With them no dialog is shown; without them
   * the consent dialog runs before the first submission (and is not shown again once done).
   */
  consents?: Consents;
  /**
   * The ConsentFlow to run and read (for its storage, GPC, date…); default: a new
   * `ConsentFlow(policy, { jurisdiction, locale })` without storage.
   */
  flow?: ConsentFlow;
  /** For the default flow: whose age threshold applies; default: the policy's jurisdiction. */
  jurisdiction?: string;
  /** `zh-CN` (default) or `en` (`en-US`… resolve by language): the messages and the default flow. */
  locale?: string;
  /**
   * Sends the payload yourself (fetch, a mini-program request…); may return a promise. Without
   * it, the payload alone is submitted natively: a fresh hidden `<form>` with the original's
   * method, action, enctype and target (a submitter's `formaction`… override them) holding one
   * hidden input per payload value.
   */
  send?: (payload: Record<string, FieldValue | FieldValue[]>, report: ReportEntry[]) => void | Promise<void>;
  /** For the consent dialog: the integrator's guardian verification (see {@link mountConsent}). */
  verifyGuardian?: () => string | Promise<string>;
}

/** A form protected by {@link protectForm}. */
export interface ProtectedForm {
  /**
   * Resolves once the module, the policy and the key are loaded and the form can be submitted;
   * rejects (with `init_failed`, the policy's or key's error, or the error a policy/key promise
   * rejected with) if it never can. The form shows the failure itself; awaiting this is optional.
   */
  readonly ready: Promise<void>;
  /**
   * Removes every listener and element protectForm added (the messages, `data-minform-state`,
   * the instance's `submit` shadow, an open consent dialog): the form submits natively again.
   * Elements it enabled (`data-minform-pending`) stay enabled.
   */
  detach(): void;
}

/**
 * Browser only. Protects a `<form>` in one call: attaches synchronously — before {@link init}
 * has resolved or even been called (it calls `init()` itself) — and blocks every native
 * submission (submit button, Enter in a field, `requestSubmit()`, and `form.submit()`, shadowed
 * on the instance) until the module is ready; if loading fails, the form stays blocked and
 * shows a localized `role="alert"`. On submission it reads the form once (with the submitter's
 * name and value), runs the consent dialog if no `consents` were given, minimizes with
 * `new Minimizer(policy, { key })`, and calls `send(payload, report)` or submits the payload
 * alone. When `minimize` refuses (`consent_required`), nothing is sent and the form says which
 * consent is missing. Raw values never reach a URL, a request body, storage or the console.
 *
 * Adds to the form: `data-minform-state` (`loading`, `ready`, `failed`), a
 * `<div class="minform-protect__status" role="status">` and, on an error, a
 * `<div class="minform-protect__alert" role="alert">` (styled by `minform/consent.css`).
 * Elements of a server-rendered form marked `data-minform-pending` (the form, or e.g. a
 * `<fieldset disabled>` inside it) lose `inert`, `disabled` and the marker when it attaches.
 *
 * Not intercepted: `HTMLFormElement.prototype.submit.call(form)`, and a submit event stopped by
 * a page listener that runs before protectForm's (one registered earlier on `window` in the
 * capture phase).
 * @throws {MinformError} `invalid_argument` (with the path, e.g. `options.key`; also for a form
 * already protected). Under Node: `unsupported_platform`.
 */
export function protectForm(form: HTMLFormElement, options: ProtectFormOptions): ProtectedForm;

/** The stable error codes. New codes may be added in minor versions. */
export type MinformErrorCode =
  | 'not_initialized'
  | 'init_failed'
  | 'invalid_argument'
  | 'invalid_string'
  | 'key_too_short'
  | 'context_empty'
  | 'unknown_jurisdiction'
  | 'policy_invalid'
  | 'policy_rejected'
  | 'consent_required'
  | 'invalid_action'
  | 'storage_failed'
  | 'unsupported_platform';

/** Every error minform throws. Match on `code`, not on `message`. */
export class MinformError extends Error {
  constructor(message: string, details: { code: MinformErrorCode; path?: string; purpose?: string; category?: string });
  readonly name: 'MinformError';
  readonly code: MinformErrorCode;
  /** The path of the bad part of the input, e.g. `options.key`, when there is one. */
  readonly path?: string;
  /** `consent_required`: the required purpose whose consent is missing. */
  readonly purpose?: string;
  /** `consent_required`: the sensitive category whose separate consent is missing. */
  readonly category?: Category;
}
