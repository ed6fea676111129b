//! The `#[wasm_bindgen]` face of the core: JavaScript values in, JavaScript values out.
//!
//! This module only converts and delegates. It checks the *types* of JavaScript arguments (a
//! string is a string, a key is a `Uint8Array`) and reports the path of a bad one; every rule of
//! the product lives in the core modules. Errors cross the boundary as real JavaScript `Error`
//! objects — instances of the npm package's `MinformError` class once `init()` has registered it,
//! otherwise plain `Error`s named `MinformError` — always with a stable `code` and, where there is
//! one, a `path`. Nothing here panics on bad input, and no message contains a field value.

mod consent;
mod convert;
mod policy;

use wasm_bindgen::prelude::*;

use crate::error::Error;

#[cfg(feature = "dom")]
pub(crate) use convert::classify_options;
pub(crate) use convert::{js_error, PseudonymOptions};

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
/// boundary crossing for the whole form), `options` the `{ subjectAge?, jurisdiction? }` object.
///
/// Returns the classifications packed as numbers, so that the result crosses back as one
/// `Uint32Array` instead of a JSON text to parse: per field, in order,
/// `[category index, sensitivity index, confidence × 1000, n, reason id × n]`, where the
/// indexes are into [`taxonomy_json`]'s arrays and each reason id is turned into text once by
/// [`reason_text`] (the package caches it).
///
/// # Errors
/// `invalid_argument` with the path of the bad part (`fields[3].value`, `options.subjectAge`),
/// `unknown_jurisdiction`.
#[wasm_bindgen(js_name = classifyFieldsPacked)]
pub fn classify_fields_packed(fields_json: &str, options: JsValue) -> Result<Vec<u32>, JsValue> {
    let run = || -> Result<Vec<u32>, Error> {
        let options = convert::classify_options(&options, "options")?;
        let mut packed = Vec::with_capacity(fields_json.len() / 16);
        crate::classify::classify_json_each(fields_json, "fields", &options, |_, d| {
            pack(&d, &mut packed)
        })?;
        Ok(packed)
    };
    run().map_err(|e| js_error(&e))
}

/// [`classify_fields_packed`] for fields in the flat encoding of
/// [`crate::classify::classify_flat_each`], which the package builds instead of JSON when every
/// field is plain: cheaper to build in JavaScript and to read here. `expected` is the number
/// of fields the package encoded.
///
/// # Errors
/// As [`classify_fields_packed`]; `invalid_argument` if the encoding is malformed.
#[wasm_bindgen(js_name = classifyFieldsFlat)]
pub fn classify_fields_flat(
    flat: &str,
    expected: u32,
    options: JsValue,
) -> Result<Vec<u32>, JsValue> {
    let run = || -> Result<Vec<u32>, Error> {
        let options = convert::classify_options(&options, "options")?;
        let mut packed = Vec::with_capacity(flat.len() / 16);
        let n = crate::classify::classify_flat_each(flat, &options, |_, d| pack(&d, &mut packed))?;
        if n != expected as usize {
            return Err(Error::InvalidArgument {
                path: "fields".into(),
                expected: "the flat field encoding of the minform package".into(),
            });
        }
        Ok(packed)
    };
    run().map_err(|e| js_error(&e))
}

/// Appends one decision in the packed layout of [`classify_fields_packed`].
fn pack(d: &crate::classify::Decision<'_>, packed: &mut Vec<u32>) {
    packed.extend([
        d.category as u32,
        d.sensitivity as u32,
        (d.confidence * 1000.0).round_ties_even() as u32,
        d.reasons.len() as u32,
    ]);
    packed.extend(d.reasons.iter().map(|r| r.id()));
}

/// The text of a reason id from [`classify_fields_packed`] (`label:手机号`), or `undefined`.
#[wasm_bindgen(js_name = reasonText)]
pub fn reason_text(id: u32) -> Option<String> {
    crate::classify::Reason::from_id(id).map(|r| r.to_string())
}

/// `{"categories":[…],"sensitivities":[…],"actions":[…]}`: the contract ids in index order.
#[wasm_bindgen(js_name = taxonomyJson)]
pub fn taxonomy_json() -> String {
    use crate::taxonomy::{Category, Sensitivity};
    let categories: Vec<&str> = Category::ALL.iter().map(|c| c.id()).collect();
    let sensitivities = [
        Sensitivity::None,
        Sensitivity::Personal,
        Sensitivity::Sensitive,
    ]
    .map(Sensitivity::as_str);
    let actions = crate::minimize::Done::ALL.map(crate::minimize::Done::as_str);
    serde_json::json!({ "categories": categories, "sensitivities": sensitivities, "actions": actions })
        .to_string()
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
