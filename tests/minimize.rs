//! The minimizer on the contract example policy: default deny, child rules, consents, actions.
#![cfg(not(target_arch = "wasm32"))]

use minform::minimize::{CivilDate, Consents, Done, MinimizeOptions, Minimizer, SubjectBasis};
use minform::policy::Policy;
use proptest::prelude::*;

const KEY: [u8; 32] = [7; 32];
const TODAY: CivilDate = CivilDate {
    year: 2026,
    month: 11,
    day: 28,
};

fn policy(name: &str) -> Policy {
    Policy::from_json(
        &std::fs::read_to_string(format!(
            "{}/tests/policies/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap(),
    )
    .unwrap()
}

fn record(pairs: &[(&str, &str)]) -> Vec<(String, Vec<String>)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), vec![v.to_string()]))
        .collect()
}

fn options(age: f64, consents: Option<Consents>) -> MinimizeOptions {
    MinimizeOptions {
        subject_age: Some(age),
        consents,
        today: TODAY,
        subject_child: None,
    }
}

fn all_consents() -> Consents {
    Consents {
        purposes: vec!["enrolment".into(), "notices".into()],
        sensitive_categories: vec![],
        guardian_verified: true,
    }
}

const SIGNUP: &[(&str, &str)] = &[
    ("guardianPhone", "13812345678"),
    ("mobile", "139 1234 5678"),
    ("birthday", "2014-03-09"),
    ("email", "Ming.Li@Example.com"),
    ("idCard", "110105201305120235"),
    ("nickname", "小明"),
];

#[test]
fn child_with_guardian_consent_gets_each_rule_applied() {
    let m = Minimizer::new(policy("kids-signup.json"), &KEY).unwrap();
    let out = m
        .minimize(&record(SIGNUP), &options(11.0, Some(all_consents())))
        .unwrap();
    let sent = |k: &str| {
        out.payload
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v[0].clone())
    };
    let done = |k: &str| out.report.iter().find(|r| r.field == k).unwrap().action;
    assert_eq!(
        sent("guardianPhone").as_deref(),
        Some("138****5678"),
        "field rule: mask"
    );
    assert_eq!(done("mobile"), Done::Hash, "category rule: phone → hash");
    assert_eq!(sent("mobile").unwrap().len(), 64);
    assert_eq!(
        sent("birthday").as_deref(),
        Some("2014"),
        "generalize to year"
    );
    assert_eq!(
        sent("email").as_deref(),
        Some("Ming.Li@Example.com"),
        "keep"
    );
    assert_eq!(done("idCard"), Done::Dropped, "no rule: default deny");
    assert_eq!(done("nickname"), Done::Dropped);
    assert_eq!(out.report.len(), SIGNUP.len());
    let mobile = out.report.iter().find(|r| r.field == "mobile").unwrap();
    assert_eq!(mobile.purposes, ["enrolment"]);
    assert_eq!(
        mobile.sensitivity,
        minform::Sensitivity::Sensitive,
        "a child's phone is sensitive"
    );
}

#[test]
fn hashes_are_normalized_keyed_and_domain_separated() {
    let m = Minimizer::new(policy("kids-signup.json"), &KEY).unwrap();
    let hash = |v: &str| {
        m.minimize(
            &record(&[("mobile", v)]),
            &options(11.0, Some(all_consents())),
        )
        .unwrap()
        .payload[0]
            .1[0]
            .clone()
    };
    assert_eq!(
        hash("13812345678"),
        hash("+86 138-1234-5678"),
        "E.164 before hashing"
    );
    assert_ne!(hash("13812345678"), hash("13812345679"));
    let other = Minimizer::new(policy("kids-signup.json"), &[8; 32]).unwrap();
    let other_hash = other
        .minimize(
            &record(&[("mobile", "13812345678")]),
            &options(11.0, Some(all_consents())),
        )
        .unwrap();
    assert_ne!(
        other_hash.payload[0].1[0],
        hash("13812345678"),
        "another key, an unrelated hash"
    );
}

#[test]
fn a_child_without_verified_guardian_sends_no_personal_data() {
    let m = Minimizer::new(policy("kids-signup.json"), &KEY).unwrap();
    let mut consents = all_consents();
    consents.guardian_verified = false;
    for opts in [
        options(11.0, Some(consents.clone())),
        MinimizeOptions {
            subject_age: None,
            consents: Some(consents),
            today: TODAY,
            subject_child: None,
        },
    ] {
        let out = m.minimize(&record(SIGNUP), &opts).unwrap();
        assert!(out.payload.is_empty(), "{:?}", out.payload);
        assert!(out.report.iter().all(|r| r.action == Done::Dropped));
    }
    // Missing consents are no consents (never "checks off"): the required purpose refuses.
    for age in [11.0, 30.0] {
        let e = m
            .minimize(&record(SIGNUP), &options(age, None))
            .unwrap_err();
        assert_eq!(e.code(), "consent_required");
    }
    // An adult's record passes by the policy and the consents (the birthday field is dropped
    // from it here: a 2014 birthday in the record would make the subject a child).
    let adult: Vec<_> = record(SIGNUP)
        .into_iter()
        .filter(|(k, _)| k != "birthday")
        .collect();
    let mut consents = all_consents();
    consents.guardian_verified = false;
    let out = m.minimize(&adult, &options(30.0, Some(consents))).unwrap();
    assert_eq!(out.payload.len(), 3, "{:?}", out.report);
    assert!(!out.subject.child);
}

#[test]
fn consents_decide_purposes_and_a_missing_required_one_is_an_error() {
    let m = Minimizer::new(policy("kids-signup.json"), &KEY).unwrap();
    let only_required = Consents {
        purposes: vec!["enrolment".into()],
        sensitive_categories: vec![],
        guardian_verified: true,
    };
    let out = m
        .minimize(&record(SIGNUP), &options(11.0, Some(only_required)))
        .unwrap();
    assert!(
        out.payload.iter().all(|(k, _)| k != "email"),
        "optional purpose declined: its field is dropped"
    );
    let none = Consents {
        purposes: vec!["notices".into()],
        sensitive_categories: vec![],
        guardian_verified: true,
    };
    let err = m
        .minimize(&record(SIGNUP), &options(11.0, Some(none)))
        .unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("consent_required", Some("consents.purposes"))
    );
}

#[test]
fn rejected_policies_and_short_keys() {
    let bad = policy("bad-children-ads.json");
    let err = Minimizer::new(bad, &KEY).unwrap_err();
    assert_eq!(err.code(), "policy_rejected");
    assert!(
        err.to_string().contains("commercial_purpose_on_child_data"),
        "{err}"
    );
    assert_eq!(
        Minimizer::new(policy("kids-signup.json"), &[1; 31])
            .unwrap_err()
            .code(),
        "key_too_short"
    );
    assert!(
        !format!(
            "{:?}",
            Minimizer::new(policy("kids-signup.json"), &KEY).unwrap()
        )
        .contains('7'),
        "the key is never shown"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// No raw value of a field that was not kept appears anywhere in the output.
    #[test]
    fn no_raw_value_escapes(values in proptest::collection::vec("[0-9a-zA-Z@.王小明 +\\-]{4,24}", 6), age in 0.0f64..40.0, verified in any::<bool>()) {
        let m = Minimizer::new(policy("kids-signup.json"), &KEY).unwrap();
        let names = ["guardianPhone", "mobile", "birthday", "email", "idCard", "remark"];
        let rec: Vec<(String, Vec<String>)> = names.iter().zip(&values).map(|(k, v)| (k.to_string(), vec![v.clone()])).collect();
        let consents = Consents { purposes: vec!["enrolment".into(), "notices".into()], sensitive_categories: vec![], guardian_verified: verified };
        let out = m.minimize(&rec, &options(age, Some(consents))).unwrap();
        let text = format!("{:?} {:?}", out.payload, out.report);
        let kept: Vec<&str> = out.report.iter().zip(&rec).filter(|(e, _)| e.action == Done::Keep).map(|(_, (_, v))| v[0].as_str()).collect();
        for (entry, (_, v)) in out.report.iter().zip(&rec) {
            let raw = v[0].trim();
            // Only values long enough not to occur in a hash by chance, and not inside a kept value.
            if entry.action != Done::Keep && raw.chars().count() >= 6 && !kept.iter().any(|k| k.contains(raw)) {
                prop_assert!(!text.contains(raw), "{} leaked: {}", entry.field, text);
            }
        }
    }
}

#[test]
fn the_consent_flows_subject_stands_in_for_an_unknown_age() {
    let m = Minimizer::new(policy("kids-signup.json"), &KEY).unwrap();
    let no_age = |subject_child: Option<bool>| MinimizeOptions {
        subject_age: None,
        subject_child,
        consents: Some(Consents {
            purposes: vec!["enrolment".into(), "notices".into()],
            ..Consents::default()
        }),
        today: TODAY,
    };
    let kept = |o: &MinimizeOptions| m.minimize(&record(SIGNUP), o).unwrap().payload.len();
    assert_eq!(
        kept(&no_age(None)),
        0,
        "children's audience, age unknown: a child without a verified guardian"
    );
    assert_eq!(
        kept(&no_age(Some(true))),
        0,
        "the age gate found a child; no verified guardian"
    );
    // The age gate found an adult, but the record's own birthday (2014) is a child's: child
    // rules apply whatever the caller says.
    let out = m.minimize(&record(SIGNUP), &no_age(Some(false))).unwrap();
    assert!(out.payload.is_empty());
    assert_eq!(
        (out.subject.child, out.subject.basis),
        (true, SubjectBasis::RecordBirthDate)
    );
    let adult: Vec<_> = record(SIGNUP)
        .into_iter()
        .filter(|(k, _)| k != "birthday")
        .collect();
    let out = m.minimize(&adult, &no_age(Some(false))).unwrap();
    assert!(out.payload.len() >= 3, "the age gate found an adult");
    assert_eq!(out.subject.basis, SubjectBasis::ConsentFlow);
}
