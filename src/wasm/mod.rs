//! The `#[wasm_bindgen]` face of the core: JavaScript values in, JavaScript values out.
//!
//! This module only converts and delegates. It checks the *types* of JavaScript arguments (a
//! string is a string, a key is a `Uint8Array`) and reports the path of a bad one; every rule of
//! the product lives in the core modules. Errors cross the boundary as real JavaScript `Error`
//! objects — instances of the npm package's `MinformError` class once `init()` has registered it,
//! otherwise plain `Error`s named `MinformError` — always with a stable `code` and, where there is
//! one, a `path`. Nothing here panics on bad input, and no message contains a field value.

mod convert;

use wasm_bindgen::prelude::*;

use crate::error::Error;

pub(crate) use convert::{classify_options, js_error, PseudonymOptions};

/// Registers the `MinformError` class of the npm package, so that errors thrown from Rust are
/// `instanceof MinformError`. Called by `init()`; not part of the public API.
#[wasm_bindgen(js_name = "__minformRegisterErrorClass")]
pub fn register_error_class(class: js_sys::Function) {
    convert::register_error_class(class);
}

/// `pseudonymize(value, { key, context })`: the keyed BLAKE3 pseudonym of `value`, as 64
/// lowercase hex characters (scheme in [`crate::pseudonym`]).
///
/// # Errors
/// Throws `MinformError` with `code` `invalid_argument` (wrong type; `path` names it),
/// `invalid_string` (lone surrogate), `key_too_short` or `context_empty`.
#[wasm_bindgen(js_name = pseudonymize)]
pub fn pseudonymize(value: JsValue, options: JsValue) -> Result<String, JsValue> {
    let run = || -> Result<String, Error> {
        let value = convert::string(&value, "value")?;
        let options = PseudonymOptions::read(&options, "options")?;
        Ok(options.pseudonymizer()?.pseudonymize(&value))
    };
    run().map_err(|e| js_error(&e))
}

/// `classifyFields` for the npm package: `fields_json` is `JSON.stringify(fields)` (one
/// boundary crossing for the whole form), `options` the `{ subjectAge?, jurisdiction? }` object;
/// returns the classifications as a JSON array, in order.
///
/// # Errors
/// `invalid_argument` with the path of the bad part (`fields[3].value`, `options.subjectAge`),
/// `unknown_jurisdiction`.
#[wasm_bindgen(js_name = classifyFieldsJson)]
pub fn classify_fields_json(fields_json: &str, options: JsValue) -> Result<String, JsValue> {
    let run = || -> Result<String, Error> {
        let options = convert::classify_options(&options, "options")?;
        let fields = crate::classify::fields_from_json(fields_json, "fields")?;
        let out =
            crate::classify::classify_fields(&fields, &options).map_err(|e| e.under("options"))?;
        Ok(serde_json::to_string(&out).unwrap_or_else(|_| "[]".into()))
    };
    run().map_err(|e| js_error(&e))
}

/// `findPersonalData(text)` for the npm package: personal data inside free text as a JSON
/// array of `{ category, start, end }` with UTF-16 offsets. A lone surrogate in `text` is read
/// as U+FFFD, which has the same UTF-16 length, so offsets stay exact.
///
/// # Errors
/// `invalid_argument` if `text` is not a string.
#[wasm_bindgen(js_name = findPersonalDataJson)]
pub fn find_personal_data_json(text: JsValue) -> Result<String, JsValue> {
    let text = text.as_string().ok_or_else(|| {
        js_error(&Error::InvalidArgument {
            path: "text".into(),
            expected: "a string".into(),
        })
    })?;
    let found = crate::classify::find_personal_data_utf16(&text);
    Ok(serde_json::to_string(&found).unwrap_or_else(|_| "[]".into()))
}
