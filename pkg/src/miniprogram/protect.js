// protectSubmit: protectForm's counterpart for mini-program forms. A mini-program has no DOM form
// to intercept: its `<form bindsubmit>` hands the page `event.detail.value`, and the page sends it
// with wx.request. protectSubmit wraps that handler: it waits for the module, minimizes the values
// under the policy and the flow's consents, and calls `send` with the payload only; when anything
// cannot be decided (no module, no key, no consent, a bad value), `send` is not called.
//
//   Page({ onSubmit: protectSubmit({ policy, key: fetchKey(), flow, send(payload) { wx.request({ url, method: 'POST', data: payload }) } }) })
//
// Never logs, and never puts a field value in an error.
import { MinformError } from '../errors.js';

const OPTIONS = ['policy', 'key', 'flow', 'consents', 'subject', 'subjectAge', 'send', 'onError'];

const bad = (path, expected) => new MinformError(`${path}: expected ${expected}`, { code: 'invalid_argument', path });

/** `protectSubmit(options)` bound to an API (`init`, `Minimizer`). */
export function bindProtectSubmit(api) {
  return function protectSubmit(options) {
    if (options === null || typeof options !== 'object') throw bad('options', 'an object { policy, key, send, flow?, consents?, subject?, subjectAge?, onError? }');
    for (const k of Object.keys(options)) if (!OPTIONS.includes(k)) throw bad(`options.${k}`, `one of ${OPTIONS.join(', ')}`);
    if (options.policy === undefined || options.policy === null) throw bad('options.policy', 'the policy (object or JSON text)');
    if (options.key === undefined || options.key === null) throw bad('options.key', 'a Uint8Array of at least 32 secret bytes, or a promise of one');
    if (typeof options.send !== 'function') throw bad('options.send', 'a function (payload, report) that sends the payload');
    if (options.onError !== undefined && typeof options.onError !== 'function') throw bad('options.onError', 'a function (error)');
    if (options.flow !== undefined && (options.flow === null || typeof options.flow.consents !== 'function')) throw bad('options.flow', 'a ConsentFlow');

    let minimizer = null;
    let sending = false;
    /**
     * The `bindsubmit` handler. Resolves to `{ payload, report, subject }` once `send` was called,
     * or `null` when nothing was sent (the reason goes to `onError`).
     */
    return async function onSubmit(event) {
      if (sending) return null; // a second tap while the first is on its way
      sending = true;
      try {
        const record = event && event.detail ? event.detail.value : undefined;
        if (record === null || typeof record !== 'object' || Array.isArray(record)) {
          throw bad('event.detail.value', "the form's values (bind this to <form bindsubmit>)");
        }
        await api.init();
        if (!minimizer) minimizer = new api.Minimizer(options.policy, { key: await options.key });
        const flow = options.flow;
        const result = minimizer.minimize(record, {
          consents: flow ? flow.consents() : options.consents,
          subject: flow ? (flow.subject() ?? undefined) : options.subject,
          subjectAge: options.subjectAge,
        });
        await options.send.call(this, result.payload, result.report);
        return result;
      } catch (err) {
        if (options.onError) {
          try {
            options.onError.call(this, err);
          } catch {
            // the page's own handler failing must not turn a refusal into a send
          }
        }
        return null;
      } finally {
        sending = false;
      }
    };
  };
}
