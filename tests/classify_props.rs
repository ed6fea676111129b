//! Property tests: the classifier answers every input, never panics, and keeps its invariants.
#![cfg(not(target_arch = "wasm32"))]

use minform::classify::{
    classify_fields, fields_from_json, find_personal_data, find_personal_data_utf16,
    ClassifyOptions, Field,
};
use minform::{Category, Sensitivity};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z_\\-\\[\\]. ]{0,24}",
        "[\\p{Han}a-z0-9（）() ]{0,16}",
        "[0-9 +\\-().@xX]{0,24}",
        any::<String>(),
    ]
}

fn field() -> impl Strategy<Value = Field> {
    (
        text(),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::collection::vec(text(), 0..3),
        proptest::collection::vec(text(), 0..4),
    )
        .prop_map(
            |(name, label, autocomplete, input_type, placeholder, values, options)| Field {
                name,
                label,
                autocomplete,
                input_type,
                placeholder,
                values,
                options,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_field_gets_a_consistent_answer(fields in proptest::collection::vec(field(), 0..8), age in proptest::option::of(0.0f64..30.0)) {
        let options = ClassifyOptions { subject_age: age, jurisdiction: None };
        let out = classify_fields(&fields, &options).unwrap();
        prop_assert_eq!(out.len(), fields.len());
        for (f, c) in fields.iter().zip(&out) {
            prop_assert_eq!(&c.name, &f.name);
            prop_assert!((0.0..=1.0).contains(&c.confidence));
            prop_assert!(!c.reasons.is_empty());
            let inherent = c.category.default_sensitivity();
            prop_assert!(c.sensitivity >= inherent);
            if c.category == Category::NonPersonal {
                prop_assert_eq!(c.sensitivity, Sensitivity::None);
            }
            let child = age.is_some_and(|a| a < 14.0);
            if inherent == Sensitivity::Personal {
                prop_assert_eq!(c.sensitivity, if child { Sensitivity::Sensitive } else { Sensitivity::Personal });
            }
        }
    }

    #[test]
    fn json_input_never_panics(json in any::<String>()) {
        let _ = fields_from_json(&json, "fields");
    }

    #[test]
    fn found_offsets_slice_utf16_text(text in any::<String>()) {
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let mut last = 0;
        for f in find_personal_data_utf16(&text) {
            prop_assert!(f.start < f.end && f.end <= utf16.len() && f.start >= last);
            prop_assert!(String::from_utf16(&utf16[f.start..f.end]).is_ok(), "a match never splits a surrogate pair");
            last = f.end;
        }
    }

    #[test]
    fn utf16_offsets_cut_what_byte_offsets_cut(
        parts in prop::collection::vec("😀|é|电话|13912345678|a.b@example.com|𠀋|, | ", 0..16)
    ) {
        let text = parts.concat();
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let bytes = find_personal_data(&text);
        let units = find_personal_data_utf16(&text);
        prop_assert_eq!(bytes.len(), units.len());
        for (b, u) in bytes.iter().zip(&units) {
            let cut = String::from_utf16(&utf16[u.start..u.end]).ok();
            prop_assert_eq!(cut.as_deref(), Some(&text[b.start..b.end]));
        }
    }
}
