//! The same vectors through the `#[wasm_bindgen]` face, run by wasm-bindgen-test under Node and,
//! with `WASM_BINDGEN_USE_BROWSER=1`, in headless Chromium (scripts/test does both).
#![cfg(target_arch = "wasm32")]
mod common;

use common::{from_hex, pseudonymize_vectors};
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn options(key: &[u8], context: &str) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"key".into(), &Uint8Array::from(key)).unwrap();
    Reflect::set(&o, &"context".into(), &context.into()).unwrap();
    o.into()
}

/// Asserts `thrown` is a real JS `Error` named `MinformError` with `code` and `path`.
fn assert_error(thrown: JsValue, code: &str, path: &str) {
    let err = thrown
        .dyn_ref::<js_sys::Error>()
        .expect("a JS Error, not a string");
    assert_eq!(String::from(err.name()), "MinformError");
    assert_eq!(
        Reflect::get(err, &"code".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some(code)
    );
    assert_eq!(
        Reflect::get(err, &"path".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some(path)
    );
}

#[wasm_bindgen_test]
fn pseudonymize_matches_every_vector() {
    for v in pseudonymize_vectors().vectors {
        let got = minform::wasm::pseudonymize(
            v.value.as_str().into(),
            options(&from_hex(&v.key), &v.context),
        );
        assert_eq!(got.ok().as_deref(), Some(v.pseudonym.as_str()));
    }
}

#[wasm_bindgen_test]
fn pseudonymize_throws_coded_errors_with_paths() {
    for case in pseudonymize_vectors().errors {
        let thrown = minform::wasm::pseudonymize(
            case.value.as_str().into(),
            options(&from_hex(&case.key), &case.context),
        )
        .unwrap_err();
        assert_error(thrown, &case.code, &format!("options.{}", case.field));
    }
}

#[wasm_bindgen_test]
fn wrong_types_are_invalid_argument_not_panics() {
    let key = [1u8; 32];
    let bad_value = minform::wasm::pseudonymize(JsValue::from(42), options(&key, "c")).unwrap_err();
    assert_error(bad_value, "invalid_argument", "value");
    let no_options = minform::wasm::pseudonymize("v".into(), JsValue::UNDEFINED).unwrap_err();
    assert_error(no_options, "invalid_argument", "options");
    let string_key = Object::new();
    Reflect::set(&string_key, &"key".into(), &"a string is not a key".into()).unwrap();
    Reflect::set(&string_key, &"context".into(), &"c".into()).unwrap();
    assert_error(
        minform::wasm::pseudonymize("v".into(), string_key.into()).unwrap_err(),
        "invalid_argument",
        "options.key",
    );
}

#[wasm_bindgen_test]
fn lone_surrogates_are_refused_not_repaired() {
    let lone = js_sys::JsString::from_char_code1(0xD800);
    let thrown = minform::wasm::pseudonymize(lone.into(), options(&[1u8; 32], "c")).unwrap_err();
    assert_error(thrown, "invalid_string", "value");
}

/// The public corpus through the packed JS face, so wasm-specific code paths (JSON in, packed
/// numbers out) are checked in Node and in Chromium, not only natively.
#[wasm_bindgen_test]
fn corpus_through_the_packed_face() {
    let corpus = include_str!("corpus/fields.jsonl");
    let rows: Vec<serde_json::Value> = corpus
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let fields: Vec<serde_json::Value> = rows.iter().map(|r| r["field"].clone()).collect();
    let packed = minform::wasm::classify_fields_packed(
        &serde_json::to_string(&fields).unwrap(),
        JsValue::UNDEFINED,
    )
    .unwrap();
    let mut i = 0;
    for row in &rows {
        let category = minform::Category::ALL[packed[i] as usize];
        let reasons = packed[i + 3] as usize;
        assert_eq!(
            category.id(),
            row["expect"].as_str().unwrap(),
            "{}",
            row["field"]
        );
        for &id in &packed[i + 4..i + 4 + reasons] {
            let text = minform::wasm::reason_text(id).expect("every packed reason id has a text");
            assert!(text.contains(':'), "{text}");
        }
        i += 4 + reasons;
    }
    assert_eq!(i, packed.len());
}

#[wasm_bindgen_test]
fn classify_errors_are_coded_with_paths() {
    let thrown = minform::wasm::classify_fields_packed(
        r#"[{"name":"a"},{"label":"x"}]"#,
        JsValue::UNDEFINED,
    )
    .unwrap_err();
    assert_error(thrown, "invalid_argument", "fields[1].name");
    let options = Object::new();
    Reflect::set(&options, &"jurisdiction".into(), &"XX".into()).unwrap();
    let thrown = minform::wasm::classify_fields_packed("[]", options.into()).unwrap_err();
    assert_error(thrown, "unknown_jurisdiction", "options.jurisdiction");
}
