// The public API, written once for every platform entry (browser.js, node.js). An entry supplies
// `load`, which instantiates its wasm-bindgen glue and returns the glue's exports; this module
// adds the idempotent `init()`, the `not_initialized` guard and the error class. It holds no rule
// of the product: those live in the Rust core.
import { MinformError } from './errors.js';

/**
 * @param {(source?: unknown) => Promise<Record<string, Function>>} load
 */
export function bindApi(load) {
  let glue = null;
  let loading = null;
  let taxonomy = null;
  const reasonTexts = new Map();

  /** Loads the WebAssembly module once; later and concurrent calls share the first load. */
  function init(source) {
    if (glue) return Promise.resolve();
    loading ??= load(source).then(
      (exports) => {
        exports.__minformRegisterErrorClass(MinformError);
        taxonomy = JSON.parse(exports.taxonomyJson());
        glue = exports;
      },
      (cause) => {
        loading = null; // a failed load (e.g. network) may be retried
        throw new MinformError(`minform: the WebAssembly module could not be loaded: ${cause?.message ?? cause}`, {
          code: 'init_failed',
        });
      },
    );
    return loading;
  }

  function ready() {
    if (glue) return glue;
    throw new MinformError('minform is not initialized: call and await `init()` before using the API', {
      code: 'not_initialized',
    });
  }

  return {
    init,
    /** Keyed BLAKE3 pseudonym of `value` (64 lowercase hex characters). */
    pseudonymize: (value, options) => ready().pseudonymize(value, options),
    /** Browser only: live pseudonym of an `<input>` shown in `output`. */
    attachPseudonymPreview: (input, output, options) => ready().attachPseudonymPreview(input, output, options),

    /**
     * Category, sensitivity, confidence and reasons for every field, in order. The whole form
     * crosses into WebAssembly once, as JSON.
     */
    classifyFields(fields, options) {
      const glue = ready();
      let json;
      try {
        json = JSON.stringify(fields);
      } catch (cause) {
        throw new MinformError(`fields: cannot be read as plain data (${cause?.message ?? cause})`, {
          code: 'invalid_argument',
          path: 'fields',
        });
      }
      // Packed layout (src/wasm/mod.rs): per field [category, sensitivity, confidence×1000,
      // n, reason ids×n]; each distinct reason id is turned into text once and cached.
      const packed = glue.classifyFieldsPacked(json ?? 'null', options);
      const { categories, sensitivities } = taxonomy;
      const out = new Array(fields.length);
      for (let f = 0, i = 0; f < out.length; f++) {
        const category = categories[packed[i++]];
        const sensitivity = sensitivities[packed[i++]];
        const confidence = packed[i++] / 1000;
        const reasons = new Array(packed[i++]);
        for (let r = 0; r < reasons.length; r++) {
          const id = packed[i++];
          let text = reasonTexts.get(id);
          if (text === undefined) reasonTexts.set(id, (text = glue.reasonText(id)));
          reasons[r] = text;
        }
        // Names are echoed exactly as given (the JSON path reads lone surrogates as U+FFFD).
        out[f] = { name: fields[f].name, category, sensitivity, confidence, reasons };
      }
      return out;
    },

    /** Browser only: classifies the named controls of a form element, in document order. */
    classifyForm: (form, options) => JSON.parse(ready().classifyFormJson(form, options)),

    /** Personal data inside free text: `[{ category, start, end }]`, UTF-16 offsets. */
    findPersonalData: (text) => JSON.parse(ready().findPersonalDataJson(text)),
  };
}
