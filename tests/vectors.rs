//! The checked-in vectors, checked against the native core.
mod common;

use common::{from_hex, pseudonymize_vectors};

#[test]
fn pseudonymize_matches_every_vector() {
    let file = pseudonymize_vectors();
    for v in &file.vectors {
        let got = minform::pseudonymize(&from_hex(&v.key), &v.context, &v.value).unwrap();
        assert_eq!(
            got,
            v.pseudonym,
            "context {:?}, value of {} chars",
            v.context,
            v.value.chars().count()
        );
    }
}

#[test]
fn pseudonymize_reports_every_error_case() {
    for case in &pseudonymize_vectors().errors {
        let err =
            minform::pseudonymize(&from_hex(&case.key), &case.context, &case.value).unwrap_err();
        assert_eq!(err.code(), case.code);
        assert_eq!(err.path(), Some(case.field.as_str()));
    }
}
