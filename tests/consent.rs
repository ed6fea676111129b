//! The consent flow's state machine: jurisdiction boundaries, neutrality and stickiness of the
//! age gate, child and adult paths, receipts and their chain, withdrawal, GPC.
#![cfg(not(target_arch = "wasm32"))]

use minform::consent::{
    verify_receipt, verify_receipts, ConsentFlow, FlowAction, FlowOptions, Step,
};
use minform::minimize::CivilDate;
use minform::policy::Policy;
use serde_json::Value;

const NOW: &str = "2026-11-28T10:00:00Z";

fn policy_text(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/policies/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn policy(name: &str) -> Policy {
    Policy::from_json(&policy_text(name)).unwrap()
}

fn date(s: &str) -> CivilDate {
    CivilDate::parse(s).unwrap()
}

fn options(jurisdiction: Option<&str>, locale: &str, today: &str) -> FlowOptions {
    FlowOptions {
        jurisdiction: jurisdiction.map(str::to_owned),
        locale: Some(locale.into()),
        today: date(today),
        gpc: false,
    }
}

fn flow(name: &str, jurisdiction: Option<&str>) -> ConsentFlow {
    ConsentFlow::new(
        policy(name),
        &options(jurisdiction, "en", "2026-11-28"),
        None,
        "p-1",
        NOW,
    )
    .unwrap()
}

fn act(json: &str) -> FlowAction {
    FlowAction::from_json(json).unwrap()
}

fn go(f: &mut ConsentFlow, json: &str) {
    f.dispatch(act(json), NOW, None)
        .unwrap_or_else(|e| panic!("{json}: {e}"));
}

/// Answers the age gate about oneself (the `whose` step first, where the policy asks it).
fn age(f: &mut ConsentFlow, birth: &str) -> Step {
    if f.step() == Step::Whose {
        go(f, r#"{"type":"respondent","respondent":"self"}"#);
    }
    go(f, &format!(r#"{{"type":"age","birthDate":"{birth}"}}"#));
    f.step()
}

#[test]
fn every_jurisdiction_boundary_exactly_at_and_one_month_below() {
    // Today 2026-11-28: exactly N years old means born 2026-N-11-28; a month younger, 2026-N-12-28.
    // The thresholds the issue names, then every row of the table.
    let named = [
        ("CN", 14),
        ("US", 13),
        ("GB", 13),
        ("KR", 14),
        ("BR", 12),
        ("IN", 18),
        ("VN", 16),
        ("EU", 16),
    ];
    for (code, threshold) in named {
        assert_eq!(
            minform::jurisdiction::lookup(code, "j")
                .unwrap()
                .child_below,
            threshold
        );
    }
    let table: Vec<(&str, i32)> = minform::jurisdiction::all()
        .iter()
        .map(|j| (j.code, i32::from(j.child_below)))
        .collect();
    assert!(table.len() >= 35, "the EU member states are in the table");
    for (code, threshold) in table {
        let at = format!("{}-11-28", 2026 - threshold);
        let day_below = format!("{}-11-29", 2026 - threshold);
        assert_eq!(
            age(&mut flow("kids-signup.json", Some(code)), &day_below),
            Step::ChildNotice,
            "{code} {day_below}"
        );
        let below = format!("{}-12-28", 2026 - threshold);
        let below_month_only = format!("{}-12", 2026 - threshold);
        let at_month_only = format!("{}-10", 2026 - threshold);
        assert_eq!(
            age(&mut flow("kids-signup.json", Some(code)), &at),
            Step::AdultNotice,
            "{code} at {at}"
        );
        assert_eq!(
            age(&mut flow("kids-signup.json", Some(code)), &below),
            Step::ChildNotice,
            "{code} {below}"
        );
        assert_eq!(
            age(&mut flow("kids-signup.json", Some(code)), &below_month_only),
            Step::ChildNotice,
            "{code}"
        );
        assert_eq!(
            age(&mut flow("kids-signup.json", Some(code)), &at_month_only),
            Step::AdultNotice,
            "{code}"
        );
        // The month of the birthday, day not given: read as the month's last day (fail closed).
        let birthday_month = format!("{}-11", 2026 - threshold);
        assert_eq!(
            age(&mut flow("kids-signup.json", Some(code)), &birthday_month),
            Step::ChildNotice,
            "{code}"
        );
    }
}

#[test]
fn leap_day_birthdays_turn_on_the_first_of_march_in_common_years() {
    let on = |today: &str| {
        let mut f = ConsentFlow::new(
            policy("kids-signup.json"),
            &options(None, "en", today),
            None,
            "p",
            NOW,
        )
        .unwrap();
        age(&mut f, "2012-02-29")
    };
    assert_eq!(
        on("2026-02-28"),
        Step::ChildNotice,
        "CN 14: still 13 on 28 February"
    );
    assert_eq!(on("2026-03-01"), Step::AdultNotice);
    let leap = |today: &str| {
        let mut f = ConsentFlow::new(
            policy("kids-signup.json"),
            &options(Some("IE"), "en", today),
            None,
            "p",
            NOW,
        )
        .unwrap();
        age(&mut f, "2012-02-29")
    };
    assert_eq!(
        leap("2028-02-28"),
        Step::ChildNotice,
        "IE 16 in a leap year: not yet"
    );
    assert_eq!(leap("2028-02-29"), Step::AdultNotice);
}

#[test]
fn the_age_gate_is_neutral() {
    for code in ["CN", "US", "GB", "KR", "BR", "IN", "VN", "EU", "FR"] {
        for locale in ["en", "zh-CN"] {
            let f = ConsentFlow::new(
                policy("kids-camp.json"),
                &options(Some(code), locale, "2026-11-28"),
                None,
                "p",
                NOW,
            )
            .unwrap();
            let mut f = f;
            go(&mut f, r#"{"type":"respondent","respondent":"self"}"#);
            let view = f.view();
            assert_eq!(view.step, Step::AgeGate);
            assert!(view.choices.is_empty(), "nothing to tick");
            let json = serde_json::to_value(&view).unwrap();
            let input = &json["input"];
            assert!(
                input.get("value").is_none() && input.get("default").is_none(),
                "no default value"
            );
            let texts: Vec<String> = [view.title.clone()]
                .into_iter()
                .chain(view.paragraphs.clone())
                .chain(view.actions.iter().map(|a| a.label.clone()))
                .chain([
                    input["year"].as_str().unwrap().into(),
                    input["month"].as_str().unwrap().into(),
                    input["day"].as_str().unwrap().into(),
                ])
                .collect();
            let threshold = minform::jurisdiction::lookup(code, "j")
                .unwrap()
                .child_below
                .to_string();
            for t in &texts {
                assert!(
                    !t.contains(&threshold),
                    "{code}/{locale}: {t:?} reveals {threshold}"
                );
                for word in [
                    "child",
                    "parent",
                    "guardian",
                    "adult",
                    "under",
                    "old enough",
                    "儿童",
                    "孩子",
                    "监护",
                    "未成年",
                    "家长",
                    "周岁",
                ] {
                    assert!(
                        !t.to_lowercase().contains(word),
                        "{code}/{locale}: {t:?} says {word:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_answer_is_sticky_until_a_guardian_resets() {
    let mut f = flow("kids-signup.json", None);
    assert_eq!(age(&mut f, "2015-03"), Step::ChildNotice);
    let before = f.state_json();
    let e = f
        .dispatch(act(r#"{"type":"age","birthDate":"1990-01"}"#), NOW, None)
        .unwrap_err();
    assert_eq!(
        (e.code(), e.path()),
        ("invalid_action", Some("action.type"))
    );
    assert_eq!(f.state_json(), before, "unchanged");
    assert!(
        !before.contains("2015"),
        "the birth date is not kept: {before}"
    );
    // A reload with the same storage resumes at the child notice; the gate takes no answer.
    let mut again = ConsentFlow::new(
        policy("kids-signup.json"),
        &options(None, "en", "2026-11-28"),
        Some(&before),
        "p-1",
        NOW,
    )
    .unwrap();
    assert_eq!(again.step(), Step::ChildNotice);
    assert_eq!(
        again
            .dispatch(act(r#"{"type":"age","birthDate":"1990-01"}"#), NOW, None)
            .unwrap_err()
            .code(),
        "invalid_action"
    );
    // A verified guardian can reset it.
    go(&mut again, r#"{"type":"reset","method":"sms"}"#);
    assert_eq!(again.step(), Step::Whose, "its questions included");
    assert_eq!(again.respondent(), None);
    assert_eq!(age(&mut again, "1990-01"), Step::AdultNotice);
    // Unreadable or foreign stored state starts afresh (at the first question).
    for stored in ["not json", r#"{"version":99,"step":"done"}"#] {
        let f = ConsentFlow::new(
            policy("kids-signup.json"),
            &options(None, "en", "2026-11-28"),
            Some(stored),
            "p",
            NOW,
        )
        .unwrap();
        assert_eq!(f.step(), Step::Whose);
    }
}

#[test]
fn bad_dates_and_actions_are_typed_errors_and_change_nothing() {
    let mut f = flow("kids-signup.json", None);
    go(&mut f, r#"{"type":"respondent","respondent":"self"}"#);
    for (json, code, path) in [
        (
            r#"{"type":"age","birthDate":"2030-01"}"#,
            "invalid_argument",
            "action.birthDate",
        ),
        (
            r#"{"type":"age","birthDate":"14/05/2012"}"#,
            "invalid_argument",
            "action.birthDate",
        ),
        (r#"{"type":"continue"}"#, "invalid_action", "action.type"),
        (
            r#"{"type":"grant","purposes":["enrolment"]}"#,
            "invalid_action",
            "action.type",
        ),
    ] {
        let before = f.state_json();
        let e = f.dispatch(act(json), NOW, None).unwrap_err();
        assert_eq!((e.code(), e.path()), (code, Some(path)), "{json}");
        assert_eq!(f.state_json(), before);
    }
    for json in [
        r#"{"type":"fly"}"#,
        r#"{"type":"age"}"#,
        r#"{"type":"grant","purposes":"all"}"#,
        "[]",
    ] {
        let e = FlowAction::from_json(json).unwrap_err();
        assert_eq!(e.code(), "invalid_argument", "{json}");
        assert!(e.path().unwrap().starts_with("action"), "{json}: {e}");
    }
}

fn child_to_consent(f: &mut ConsentFlow) {
    assert_eq!(age(f, "2016-06"), Step::ChildNotice);
    go(f, r#"{"type":"continue"}"#);
    assert_eq!(f.step(), Step::GuardianNotice);
    go(f, r#"{"type":"continue"}"#);
    assert_eq!(f.step(), Step::GuardianVerify);
    assert!(
        f.consents().purposes.is_empty() && !f.consents().guardian_verified,
        "nothing before done"
    );
    go(f, r#"{"type":"guardian_verified","method":"sms"}"#);
    assert_eq!(f.step(), Step::Consent);
}

#[test]
fn the_child_flow_notices_verification_consents_and_receipt() {
    let mut f = flow("kids-camp.json", None);
    child_to_consent(&mut f);
    let view = f.view();
    let ids: Vec<(&str, bool, bool)> = view
        .choices
        .iter()
        .map(|c| (c.id.as_str(), c.required, c.checked))
        .collect();
    assert_eq!(
        ids,
        [
            ("enrolment", true, true),
            ("safety", true, true),
            ("photos", false, false),
            ("precise_location", false, false),
            ("national_id", false, false),
            ("health", false, false),
        ],
        "required purposes fixed, optional unticked, one item per sensitive category"
    );
    // Leaving out a required purpose is an error, not a partial consent.
    let before = f.state_json();
    let e = f
        .dispatch(
            act(r#"{"type":"grant","purposes":["enrolment"]}"#),
            NOW,
            None,
        )
        .unwrap_err();
    assert_eq!(
        (e.code(), e.path()),
        ("consent_required", Some("action.purposes"))
    );
    assert_eq!(f.state_json(), before);
    let e = f
        .dispatch(
            act(r#"{"type":"grant","purposes":["enrolment","safety","lottery"]}"#),
            NOW,
            None,
        )
        .unwrap_err();
    assert_eq!(
        (e.code(), e.path()),
        ("invalid_argument", Some("action.purposes[2]"))
    );
    // Optional purposes may be refused and the flow completes.
    go(
        &mut f,
        r#"{"type":"grant","purposes":["enrolment","safety"],"sensitiveCategories":["health"]}"#,
    );
    assert_eq!(f.step(), Step::Done);
    let c = f.consents();
    assert_eq!(c.purposes, ["enrolment", "safety"]);
    assert_eq!(c.sensitive_categories, ["health"]);
    assert!(c.guardian_verified);
    let r = f.receipt().unwrap().clone();
    assert_eq!(r["ageBand"], "10-12");
    assert_eq!(r["guardianVerification"]["method"], "sms");
    assert_eq!(r["policy"]["version"], "2.1.0");
    assert_eq!(r["notice"]["audience"], "guardian");
    assert_eq!(
        r["purposes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["retention"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["P1Y", "P6M"]
    );
    assert_eq!(r["controller"]["contact"], "privacy@camp.example.cn");
    assert!(r["withdrawalMethod"].as_str().unwrap().contains("Privacy"));
    assert!(r["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["type"] == "guardian_verified"));
    assert!(
        !r.to_string().contains("2016"),
        "no birth date in the receipt"
    );
    assert_eq!(r["previousReceiptDigest"], Value::Null);
    assert!(verify_receipt(&r, &policy("kids-camp.json")).valid);
}

#[test]
fn notices_cover_what_the_law_lists_and_child_notices_get_simpler_when_younger() {
    let mut f = flow("kids-camp.json", None);
    age(&mut f, "2016-06");
    go(&mut f, r#"{"type":"continue"}"#);
    let g = f.view();
    let text = g.paragraphs.join("\n");
    for must in [
        "示例夏令营有限公司",
        "privacy@camp.example.cn",
        "Enrol the child in the camp",
        "Keep the child safe at camp",
        "Send activity photos to parents",
        "1 year",
        "6 months",
        "3 months",
        "Camp Clinic",
        "mainland China",
        "deleted",
        "encrypted at rest",
        "cannot be provided",
        "correct or delete under Me > Privacy",
        "withdraw",
        "under 14",
        "partly hidden",
        "the year only",
        "health information",
    ] {
        assert!(
            text.contains(must),
            "guardian notice lacks {must:?}:\n{text}"
        );
    }
    let words = |band_birth: &str| {
        let mut f = flow("kids-camp.json", None);
        age(&mut f, band_birth);
        let v = f.view();
        assert_eq!(v.audience, minform::consent::Reader::Child);
        v.paragraphs.join(" ").split_whitespace().count()
    };
    let (b0, b6, b10, b13) = (
        words("2023-01"),
        words("2018-01"),
        words("2015-01"),
        words("2013-01"),
    );
    assert!(b0 < b6 && b6 < b10 && b10 < b13, "{b0} {b6} {b10} {b13}");
    let mut zh = ConsentFlow::new(
        policy("kids-camp.json"),
        &options(None, "zh-CN", "2026-11-28"),
        None,
        "p",
        NOW,
    )
    .unwrap();
    age(&mut zh, "2018-01");
    let v = zh.view();
    assert_eq!((v.lang, v.age_band), ("zh-CN", Some("6-9")));
    assert!(v.paragraphs.join("").contains("大人"), "{:?}", v.paragraphs);
}

#[test]
fn anyone_can_open_the_other_audiences_text() {
    let mut f = flow("kids-camp.json", None);
    age(&mut f, "2016-06");
    let own = f.view();
    go(&mut f, r#"{"type":"other_audience"}"#);
    let other = f.view();
    assert_eq!(
        (own.audience, other.audience),
        (
            minform::consent::Reader::Child,
            minform::consent::Reader::Guardian
        )
    );
    assert_eq!(other.step, Step::ChildNotice, "same step");
    go(&mut f, r#"{"type":"other_audience"}"#);
    assert_eq!(f.view(), own);
    let mut adult = flow("kids-camp.json", None);
    age(&mut adult, "1990-01");
    go(&mut adult, r#"{"type":"other_audience"}"#);
    assert_eq!(adult.view().audience, minform::consent::Reader::Child);
}

#[test]
fn joint_consent_where_the_child_decides_too() {
    let mut vn = flow("kids-signup.json", Some("VN"));
    assert_eq!(age(&mut vn, "2016-06"), Step::ChildNotice);
    let kinds: Vec<&str> = vn.view().actions.iter().map(|a| a.kind).collect();
    assert_eq!(kinds, ["continue", "decline", "other_audience"]);
    go(&mut vn, r#"{"type":"decline"}"#);
    assert_eq!(vn.step(), Step::Declined);
    let c = vn.consents();
    assert!(c.purposes.is_empty() && c.sensitive_categories.is_empty() && !c.guardian_verified);
    assert_eq!(vn.subject(), Some("child"));
    let mut cn = flow("kids-signup.json", None);
    age(&mut cn, "2016-06");
    let kinds: Vec<&str> = cn.view().actions.iter().map(|a| a.kind).collect();
    assert_eq!(
        kinds,
        ["continue", "other_audience"],
        "the guardian alone decides in CN"
    );
    let mut young_vn = flow("kids-signup.json", Some("VN"));
    age(&mut young_vn, "2021-06");
    assert_eq!(young_vn.view().actions[0].kind, "continue");
    assert_eq!(
        young_vn.view().actions.len(),
        2,
        "under 7: no joint consent"
    );
}

#[test]
fn withdrawal_and_the_receipt_chain() {
    let p = policy("kids-camp.json");
    let mut f = flow("kids-camp.json", None);
    child_to_consent(&mut f);
    go(
        &mut f,
        r#"{"type":"grant","purposes":["enrolment","safety","photos"],"sensitiveCategories":["health","national_id"]}"#,
    );
    let first = f.receipt().unwrap().clone();
    let head = first["receiptDigest"].as_str().unwrap().to_owned();
    let done = f.view();
    assert_eq!(done.actions[0].kind, "withdraw");
    assert!(done.choices.iter().all(|c| !c.checked));
    f.dispatch(
        act(r#"{"type":"withdraw","purposes":["photos"],"sensitiveCategories":["health"]}"#),
        "2026-11-29T08:00:00Z",
        Some(&head),
    )
    .unwrap();
    assert_eq!(f.step(), Step::Done);
    assert_eq!(f.consents().purposes, ["enrolment", "safety"]);
    assert_eq!(f.consents().sensitive_categories, ["national_id"]);
    let second = f.receipt().unwrap().clone();
    assert_eq!(second["previousReceiptDigest"], head.as_str());
    let events = second["events"].as_array().unwrap();
    let last = events.last().unwrap();
    assert_eq!(
        (last["type"].as_str(), last["time"].as_str()),
        (Some("withdrawn"), Some("2026-11-29T08:00:00Z"))
    );
    assert_eq!(last["purposes"][0], "photos");
    assert!(verify_receipts(&[first.clone(), second.clone()], &p).valid);
    // An edited receipt fails; so does the chain after it, even if its digest is recomputed.
    let mut edited = first.clone();
    edited["purposes"][0]["retention"] = "P10Y".into();
    assert_eq!(verify_receipt(&edited, &p).reason, Some("digest_mismatch"));
    let v = verify_receipts(&[edited.clone(), second.clone()], &p);
    assert_eq!(
        (v.valid, v.reason, v.index),
        (false, Some("digest_mismatch"), Some(0))
    );
    let mut forged = edited.clone();
    forged["receiptDigest"] = minform::consent::receipt::digest(&forged).into();
    assert!(
        verify_receipt(&forged, &p).valid,
        "self-consistent on its own"
    );
    let v = verify_receipts(&[forged, second.clone()], &p);
    assert_eq!((v.reason, v.index), (Some("chain_broken"), Some(1)));
    // Withdrawal fits only after consent.
    let mut early = flow("kids-camp.json", None);
    assert_eq!(
        early
            .dispatch(
                act(r#"{"type":"withdraw","purposes":["photos"]}"#),
                NOW,
                None
            )
            .unwrap_err()
            .code(),
        "invalid_action"
    );
}

#[test]
fn a_changed_notice_invalidates_consent_and_fails_receipts() {
    let mut f = flow("kids-camp.json", None);
    child_to_consent(&mut f);
    go(
        &mut f,
        r#"{"type":"grant","purposes":["enrolment","safety"]}"#,
    );
    let receipt = f.receipt().unwrap().clone();
    let stored = f.state_json();
    // Same policy: the reload resumes at done with the consents.
    let same = ConsentFlow::new(
        policy("kids-camp.json"),
        &options(None, "en", "2026-11-28"),
        Some(&stored),
        "p-1",
        NOW,
    )
    .unwrap();
    assert_eq!(
        (same.step(), same.consents().purposes.len()),
        (Step::Done, 2)
    );
    // A new version whose notice says something else: ask again.
    let mut changed: Value = serde_json::from_str(&policy_text("kids-camp.json")).unwrap();
    changed["version"] = "2.2.0".into();
    changed["purposes"]["safety"]["retention"] = "P2Y".into();
    let changed = Policy::from_json(&changed.to_string()).unwrap();
    assert_eq!(
        verify_receipt(&receipt, &changed).reason,
        Some("policy_mismatch")
    );
    let again = ConsentFlow::new(
        changed.clone(),
        &options(None, "en", "2026-11-28"),
        Some(&stored),
        "p-1",
        NOW,
    )
    .unwrap();
    assert_eq!(
        again.step(),
        Step::ChildNotice,
        "the age answer stays; the notice is read again"
    );
    assert!(again.consents().purposes.is_empty() && again.receipt().is_none());
    // A new version with the same notice text: asked again too.
    let mut bumped: Value = serde_json::from_str(&policy_text("kids-camp.json")).unwrap();
    bumped["version"] = "2.1.1".into();
    let bumped = Policy::from_json(&bumped.to_string()).unwrap();
    let again = ConsentFlow::new(
        bumped,
        &options(None, "en", "2026-11-28"),
        Some(&stored),
        "p-1",
        NOW,
    )
    .unwrap();
    assert_eq!(again.step(), Step::ChildNotice);
    // Same version, edited notice text: the receipt no longer matches the policy.
    let mut same_version: Value = serde_json::from_str(&policy_text("kids-camp.json")).unwrap();
    same_version["security"]["en"] = "encrypted".into();
    let same_version = Policy::from_json(&same_version.to_string()).unwrap();
    assert_eq!(
        verify_receipt(&receipt, &same_version).reason,
        Some("notice_changed")
    );
    let again = ConsentFlow::new(
        same_version,
        &options(None, "en", "2026-11-28"),
        Some(&stored),
        "p-1",
        NOW,
    )
    .unwrap();
    assert_eq!(again.step(), Step::ChildNotice);
}

#[test]
fn gpc_keeps_advertising_refused_and_children_never_see_commercial_purposes() {
    let gpc = |on: bool, birth: &str| {
        let mut o = options(None, "en", "2026-11-28");
        o.gpc = on;
        let mut f = ConsentFlow::new(policy("general-ads.json"), &o, None, "p", NOW).unwrap();
        age(&mut f, birth);
        while matches!(
            f.step(),
            Step::ChildNotice | Step::GuardianNotice | Step::AdultNotice
        ) {
            go(&mut f, r#"{"type":"continue"}"#);
        }
        if f.step() == Step::GuardianVerify {
            go(&mut f, r#"{"type":"guardian_verified","method":"payment"}"#);
        }
        let offered: Vec<String> = f.view().choices.iter().map(|c| c.id.clone()).collect();
        go(
            &mut f,
            r#"{"type":"grant","purposes":["account","newsletter","ads"],"sensitiveCategories":["precise_location"]}"#,
        );
        (offered, f.consents())
    };
    let (offered, c) = gpc(false, "1990-01");
    assert_eq!(
        offered,
        ["account", "ads", "newsletter", "precise_location"]
    );
    assert_eq!(c.purposes, ["account", "ads", "newsletter"]);
    let (offered, c) = gpc(true, "1990-01");
    assert_eq!(
        offered,
        ["account", "newsletter"],
        "GPC: advertising is not offered"
    );
    assert_eq!(c.purposes, ["account", "newsletter"], "and stays refused");
    assert!(c.sensitive_categories.is_empty());
    let (offered, c) = gpc(false, "2016-01");
    assert_eq!(
        offered,
        ["account"],
        "a child (US 13) is never offered marketing or advertising"
    );
    assert_eq!(c.purposes, ["account"]);
    assert!(c.guardian_verified);
}

#[test]
fn receipts_verify_in_both_locales_and_fail_on_foreign_input() {
    for locale in ["en", "zh-CN"] {
        let mut f = ConsentFlow::new(
            policy("kids-camp.json"),
            &options(None, locale, "2026-11-28"),
            None,
            "p",
            NOW,
        )
        .unwrap();
        child_to_consent(&mut f);
        go(
            &mut f,
            r#"{"type":"grant","purposes":["enrolment","safety"]}"#,
        );
        let r = f.receipt().unwrap();
        assert_eq!(r["notice"]["language"], locale);
        assert!(
            verify_receipt(r, &policy("kids-camp.json")).valid,
            "{locale}"
        );
        assert_eq!(
            verify_receipt(r, &policy("kids-signup.json")).reason,
            Some("policy_mismatch")
        );
    }
    assert_eq!(
        verify_receipt(&Value::Null, &policy("kids-camp.json")).reason,
        Some("malformed")
    );
    assert_eq!(
        verify_receipt(
            &serde_json::json!({"schemaVersion": "x"}),
            &policy("kids-camp.json")
        )
        .reason,
        Some("unsupported_schema")
    );
}

#[test]
fn a_kept_answer_is_judged_again_under_another_jurisdiction_failing_closed() {
    let mut us = flow("kids-camp.json", Some("US"));
    assert_eq!(
        age(&mut us, "2012-05"),
        Step::AdultNotice,
        "14 in the US (13)"
    );
    go(&mut us, r#"{"type":"continue"}"#);
    go(
        &mut us,
        r#"{"type":"grant","purposes":["enrolment","safety"]}"#,
    );
    let stored = us.state_json();
    let reopen = |code: &str| {
        ConsentFlow::new(
            policy("kids-camp.json"),
            &options(Some(code), "en", "2026-11-28"),
            Some(&stored),
            "p-1",
            NOW,
        )
        .unwrap()
    };
    // Only the band 13-15 was kept; in CN (14) it may be a child: asked again, as a child,
    // and the gate still takes no new answer.
    let mut cn = reopen("CN");
    assert_eq!(cn.step(), Step::ChildNotice);
    assert!(cn.consents().purposes.is_empty());
    let e = cn
        .dispatch(act(r#"{"type":"age","birthDate":"1990-01"}"#), NOW, None)
        .unwrap_err();
    assert_eq!(e.code(), "invalid_action");
    // In Brazil (12) the whole band is above the threshold and the adult notice is the same
    // text: the consent stands.
    let br = reopen("BR");
    assert_eq!((br.step(), br.consents().purposes.len()), (Step::Done, 2));
}

#[test]
fn child_notices_use_short_sentences_and_words_for_the_child() {
    let sentences = |birth: &str, jurisdiction: &str| -> Vec<String> {
        let mut f = flow("kids-camp.json", Some(jurisdiction));
        assert_eq!(
            age(&mut f, birth),
            Step::ChildNotice,
            "{birth} {jurisdiction}"
        );
        f.view()
            .paragraphs
            .join(" ")
            .split(['.', '!', '?'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let words = |s: &str| s.split_whitespace().count();
    // Bands 0-5, 6-9, 10-12, 13-15 (CN) and 16-17 (India, under 18).
    for (birth, jurisdiction, limit) in [
        ("2023-01", "CN", 16),
        ("2018-01", "CN", 20),
        ("2015-01", "CN", 30),
        ("2013-01", "CN", 30),
        ("2009-06", "IN", 30),
    ] {
        let s = sentences(birth, jurisdiction);
        let longest = s.iter().map(|x| words(x)).max().unwrap();
        assert!(longest <= limit, "{birth}: {longest} words in {s:#?}");
        let text = s.join(" ");
        assert!(
            !text.contains("the child"),
            "{birth}: written to the child, not about them: {text}"
        );
    }
    let six = sentences("2018-01", "CN").join(" ");
    assert!(
        six.contains("sign you up for the camp"),
        "childDescription is used: {six}"
    );
    assert!(
        six.contains("a few other things"),
        "a few examples, not the whole list: {six}"
    );
}

// ---- Whose data (issue 9): a parent filling in for a child ----

fn answer_whose(f: &mut ConsentFlow, respondent: &str) {
    assert_eq!(f.step(), Step::Whose);
    go(
        f,
        &format!(r#"{{"type":"respondent","respondent":"{respondent}"}}"#),
    );
    assert_eq!(f.step(), Step::AgeGate);
}

fn flow_in(name: &str, jurisdiction: Option<&str>, locale: &str) -> ConsentFlow {
    ConsentFlow::new(
        policy(name),
        &options(jurisdiction, locale, "2026-11-28"),
        None,
        "p-1",
        NOW,
    )
    .unwrap()
}

#[test]
fn a_general_policy_asks_no_whose_question() {
    let mut f = flow("general-ads.json", None);
    assert_eq!(f.step(), Step::AgeGate, "today's flow, unchanged");
    assert!(f.view().options.is_empty());
    assert_eq!(f.respondent(), None);
    let e = f
        .dispatch(
            act(r#"{"type":"respondent","respondent":"guardian"}"#),
            NOW,
            None,
        )
        .unwrap_err();
    assert_eq!(
        (e.code(), e.path()),
        ("invalid_action", Some("action.type"))
    );
    assert_eq!(age(&mut f, "1986-04"), Step::AdultNotice);
    assert_eq!(f.respondent(), Some("self"), "the gate asked about oneself");
    go(&mut f, r#"{"type":"continue"}"#);
    go(&mut f, r#"{"type":"grant","purposes":["account"]}"#);
    let r = f.receipt().unwrap();
    assert_eq!(r["respondent"], "self");
    assert!(verify_receipt(r, &policy("general-ads.json")).valid);
    // A mixed audience asks it, like children.
    let mut mixed: Value = serde_json::from_str(&policy_text("general-ads.json")).unwrap();
    mixed["audience"] = "mixed".into();
    mixed["purposes"]
        .as_object_mut()
        .unwrap()
        .retain(|k, _| k == "account");
    mixed["categories"]
        .as_object_mut()
        .unwrap()
        .retain(|k, _| k != "precise_location");
    mixed["categories"]["email"]["purposes"] = serde_json::json!(["account"]);
    let mixed = Policy::from_json(&mixed.to_string()).unwrap();
    let f = ConsentFlow::new(mixed, &options(None, "en", "2026-11-28"), None, "p", NOW).unwrap();
    assert_eq!(f.step(), Step::Whose);
}

#[test]
fn the_whose_step_offers_two_answers_and_chooses_none() {
    let f = flow("kids-camp.json", None);
    let v = f.view();
    assert_eq!(
        (v.step, v.audience),
        (Step::Whose, minform::consent::Reader::Anyone)
    );
    let json = serde_json::to_value(&v).unwrap();
    assert_eq!(json["step"], "whose");
    assert_eq!(
        json["options"],
        serde_json::json!([
            { "value": "self", "label": "Myself" },
            { "value": "guardian", "label": "A child in my care" }
        ]),
        "two answers, neither chosen (no checked or default member)"
    );
    assert_eq!(
        json["actions"],
        serde_json::json!([{ "type": "respondent", "label": "Continue" }])
    );
    assert!(v.choices.is_empty() && v.input.is_none() && v.age_band.is_none());
    assert!(
        v.errors.contains_key("invalid_argument"),
        "no answer chosen"
    );
    for (json, path) in [
        (r#"{"type":"respondent"}"#, "action.respondent"),
        (
            r#"{"type":"respondent","respondent":""}"#,
            "action.respondent",
        ),
        (
            r#"{"type":"respondent","respondent":"parent"}"#,
            "action.respondent",
        ),
    ] {
        let e = FlowAction::from_json(json).unwrap_err();
        assert_eq!((e.code(), e.path()), ("invalid_argument", Some(path)));
    }
    // Only the answer fits here: not the age, not a notice's actions.
    let mut f = f;
    let before = f.state_json();
    for json in [
        r#"{"type":"age","birthDate":"2017-03"}"#,
        r#"{"type":"continue"}"#,
        r#"{"type":"decline"}"#,
    ] {
        let e = f.dispatch(act(json), NOW, None).unwrap_err();
        assert_eq!(e.code(), "invalid_action", "{json}");
        assert_eq!(f.state_json(), before);
    }
}

#[test]
fn a_parent_answering_for_a_child_reads_the_guardian_notice_then_verifies() {
    // The reported case: a parent born in 1986 fills in for a child born in 2017 (CN, 14).
    let mut f = flow("kids-camp.json", None);
    answer_whose(&mut f, "guardian");
    assert_eq!(f.respondent(), Some("guardian"));
    assert_eq!(f.subject(), None, "the age is not known yet");
    let gate = f.view();
    assert_eq!(gate.title, "The child's date of birth");
    assert!(gate.paragraphs[0].contains("the child was born"));
    assert!(gate.input.is_some());
    go(&mut f, r#"{"type":"age","birthDate":"2017-03"}"#);
    assert_eq!(
        f.step(),
        Step::GuardianNotice,
        "straight to the guardian notice"
    );
    let notice = f.view();
    assert_eq!(notice.audience, minform::consent::Reader::Guardian);
    assert_eq!(notice.age_band, Some("6-9"));
    let kinds: Vec<&str> = notice.actions.iter().map(|a| a.kind).collect();
    assert_eq!(kinds, ["continue", "decline", "other_audience"]);
    // The child's version is one action away, and back.
    go(&mut f, r#"{"type":"other_audience"}"#);
    let child = f.view();
    assert_eq!(
        (child.step, child.audience),
        (Step::GuardianNotice, minform::consent::Reader::Child)
    );
    assert!(child.paragraphs.join(" ").contains("grown-up"));
    go(&mut f, r#"{"type":"other_audience"}"#);
    assert_eq!(f.view(), notice);
    go(&mut f, r#"{"type":"continue"}"#);
    assert_eq!(f.step(), Step::GuardianVerify);
    go(&mut f, r#"{"type":"guardian_verified","method":"sms"}"#);
    assert_eq!(f.step(), Step::Consent);
    assert_eq!(f.view().audience, minform::consent::Reader::Guardian);
    go(
        &mut f,
        r#"{"type":"grant","purposes":["enrolment","safety"],"sensitiveCategories":["health"]}"#,
    );
    assert_eq!(f.step(), Step::Done);
    assert_eq!(
        (f.subject(), f.respondent()),
        (Some("child"), Some("guardian"))
    );
    let c = f.consents();
    assert!(c.guardian_verified);
    assert_eq!(c.purposes, ["enrolment", "safety"]);
    let r = f.receipt().unwrap().clone();
    assert_eq!(r["respondent"], "guardian");
    assert_eq!(r["ageBand"], "6-9");
    assert_eq!(r["notice"]["audience"], "guardian");
    assert_eq!(r["guardianVerification"]["method"], "sms");
    assert!(
        r.get("childNotice").is_none(),
        "the child notice was not the one read"
    );
    let events: Vec<(&str, Option<&str>)> = r["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["type"].as_str().unwrap(), e["respondent"].as_str()))
        .collect();
    assert_eq!(events[0], ("respondent_answered", Some("guardian")));
    assert_eq!(events[1].0, "age_answered");
    for text in [r.to_string(), f.state_json()] {
        assert!(!text.contains("2017"), "no birth date kept: {text}");
    }
    assert!(verify_receipt(&r, &policy("kids-camp.json")).valid);
    // The respondent is part of what the digest covers.
    let mut edited = r.clone();
    edited["respondent"] = "self".into();
    assert_eq!(
        verify_receipt(&edited, &policy("kids-camp.json")).reason,
        Some("digest_mismatch")
    );
    edited["respondent"] = "robot".into();
    edited["receiptDigest"] = minform::consent::receipt::digest(&edited).into();
    assert_eq!(
        verify_receipt(&edited, &policy("kids-camp.json")).reason,
        Some("malformed")
    );
    // A receipt written before the respondent existed still verifies.
    let mut old = r.clone();
    old.as_object_mut().unwrap().remove("respondent");
    old["receiptDigest"] = minform::consent::receipt::digest(&old).into();
    assert!(verify_receipt(&old, &policy("kids-camp.json")).valid);
}

#[test]
fn the_subject_answering_keeps_todays_paths() {
    // Myself, a child: child notice, then the guardian.
    let mut f = flow("kids-camp.json", None);
    answer_whose(&mut f, "self");
    let gate = f.view();
    assert_eq!(gate.title, "Your date of birth");
    go(&mut f, r#"{"type":"age","birthDate":"2016-06"}"#);
    assert_eq!(f.step(), Step::ChildNotice);
    go(&mut f, r#"{"type":"continue"}"#);
    assert_eq!(f.step(), Step::GuardianNotice);
    go(&mut f, r#"{"type":"continue"}"#);
    go(&mut f, r#"{"type":"guardian_verified","method":"sms"}"#);
    go(
        &mut f,
        r#"{"type":"grant","purposes":["enrolment","safety"]}"#,
    );
    let r = f.receipt().unwrap();
    assert_eq!(r["respondent"], "self");
    assert_eq!(r["childNotice"]["ageBand"], "10-12");
    assert!(verify_receipt(r, &policy("kids-camp.json")).valid);
    // Myself, an adult (the parent who typed their own date, answering "myself").
    let mut f = flow("kids-camp.json", None);
    answer_whose(&mut f, "self");
    go(&mut f, r#"{"type":"age","birthDate":"1986-04"}"#);
    assert_eq!(f.step(), Step::AdultNotice);
    go(&mut f, r#"{"type":"continue"}"#);
    assert_eq!(f.step(), Step::Consent);
    go(
        &mut f,
        r#"{"type":"grant","purposes":["enrolment","safety"]}"#,
    );
    assert_eq!((f.subject(), f.respondent()), (Some("adult"), Some("self")));
    assert_eq!(f.receipt().unwrap()["respondent"], "self");
}

#[test]
fn a_guardian_answering_for_someone_at_or_above_the_threshold_gets_the_adult_notice() {
    let mut f = flow("kids-camp.json", None);
    answer_whose(&mut f, "guardian");
    go(&mut f, r#"{"type":"age","birthDate":"2011-06"}"#); // 15 in CN (14)
    assert_eq!(f.step(), Step::AdultNotice);
    assert_eq!(f.view().audience, minform::consent::Reader::Adult);
    go(&mut f, r#"{"type":"continue"}"#);
    assert_eq!(f.step(), Step::Consent, "no guardian verification");
    go(
        &mut f,
        r#"{"type":"grant","purposes":["enrolment","safety"]}"#,
    );
    assert_eq!(
        (f.subject(), f.respondent()),
        (Some("adult"), Some("guardian"))
    );
    assert!(!f.consents().guardian_verified);
    let r = f.receipt().unwrap();
    assert_eq!(r["respondent"], "guardian");
    assert_eq!(r["ageBand"], "13-15");
    assert_eq!(r["notice"]["audience"], "adult");
    assert_eq!(r["guardianVerification"], Value::Null);
    assert!(verify_receipt(r, &policy("kids-camp.json")).valid);
    // The same 15-year-old in Vietnam (16) is a child: the guardian notice... after the child's
    // own, because there the child consents jointly (from 7).
    let mut vn = flow("kids-camp.json", Some("VN"));
    answer_whose(&mut vn, "guardian");
    go(&mut vn, r#"{"type":"age","birthDate":"2011-06"}"#);
    assert_eq!(vn.step(), Step::ChildNotice, "the child agrees too");
    go(&mut vn, r#"{"type":"continue"}"#);
    assert_eq!(vn.step(), Step::GuardianNotice);
    // Under 7 in Vietnam the guardian alone decides: straight to the guardian notice.
    let mut young = flow("kids-camp.json", Some("VN"));
    answer_whose(&mut young, "guardian");
    go(&mut young, r#"{"type":"age","birthDate":"2021-06"}"#);
    assert_eq!(young.step(), Step::GuardianNotice);
}

#[test]
fn the_whose_answer_is_sticky_like_the_age_gate() {
    let mut f = flow("kids-camp.json", None);
    answer_whose(&mut f, "guardian");
    let before = f.state_json();
    let e = f
        .dispatch(
            act(r#"{"type":"respondent","respondent":"self"}"#),
            NOW,
            None,
        )
        .unwrap_err();
    assert_eq!(
        (e.code(), e.path()),
        ("invalid_action", Some("action.type"))
    );
    assert_eq!(f.state_json(), before, "unchanged");
    // A reload with the same storage resumes at the child's date, asked of the guardian.
    let reopen = |stored: &str| {
        ConsentFlow::new(
            policy("kids-camp.json"),
            &options(None, "en", "2026-11-28"),
            Some(stored),
            "p-1",
            NOW,
        )
        .unwrap()
    };
    let mut again = reopen(&before);
    assert_eq!(again.step(), Step::AgeGate);
    assert_eq!(again.view().title, "The child's date of birth");
    assert_eq!(
        again
            .dispatch(
                act(r#"{"type":"respondent","respondent":"self"}"#),
                NOW,
                None
            )
            .unwrap_err()
            .code(),
        "invalid_action"
    );
    go(&mut again, r#"{"type":"age","birthDate":"2017-03"}"#);
    let answered = again.state_json();
    let mut later = reopen(&answered);
    assert_eq!(later.step(), Step::GuardianNotice);
    for json in [
        r#"{"type":"respondent","respondent":"self"}"#,
        r#"{"type":"age","birthDate":"1986-01"}"#,
    ] {
        assert_eq!(
            later.dispatch(act(json), NOW, None).unwrap_err().code(),
            "invalid_action"
        );
    }
    // Only a verified guardian's reset asks both questions again.
    go(&mut later, r#"{"type":"reset","method":"sms"}"#);
    assert_eq!((later.step(), later.respondent()), (Step::Whose, None));
    answer_whose(&mut later, "self");
}

#[test]
fn stored_states_of_the_previous_version_still_load_and_unknown_ones_fail_closed() {
    let reopen = |stored: &str| {
        ConsentFlow::new(
            policy("kids-camp.json"),
            &options(None, "en", "2026-11-28"),
            Some(stored),
            "p-1",
            NOW,
        )
        .unwrap()
    };
    // A version-1 state (no respondent) with consent given: read as answered by the subject.
    let mut f = flow("kids-camp.json", None);
    child_to_consent(&mut f);
    go(
        &mut f,
        r#"{"type":"grant","purposes":["enrolment","safety"]}"#,
    );
    let mut v1: Value = serde_json::from_str(&f.state_json()).unwrap();
    v1["version"] = 1.into();
    v1.as_object_mut().unwrap().remove("respondent");
    for e in v1["events"].as_array_mut().unwrap() {
        e.as_object_mut().unwrap().remove("respondent");
    }
    v1["events"].as_array_mut().unwrap().remove(0); // no respondent_answered in version 1
    let old = reopen(&v1.to_string());
    assert_eq!((old.step(), old.respondent()), (Step::Done, Some("self")));
    assert_eq!(old.consents().purposes, ["enrolment", "safety"]);
    // A version-1 state whose gate was answered stays answered (sticky across the upgrade).
    let mut answered = flow("kids-camp.json", None);
    age(&mut answered, "2015-03");
    let mut v1: Value = serde_json::from_str(&answered.state_json()).unwrap();
    v1["version"] = 1.into();
    v1.as_object_mut().unwrap().remove("respondent");
    let mut old = reopen(&v1.to_string());
    assert_eq!(old.step(), Step::ChildNotice);
    assert_eq!(
        old.dispatch(act(r#"{"type":"age","birthDate":"1990-01"}"#), NOW, None)
            .unwrap_err()
            .code(),
        "invalid_action"
    );
    // A version-1 state still at the gate: the new first question is asked.
    let v1_gate = r#"{"version":1,"step":"age_gate","age":null,"notice":null,"childNotice":null,"guardianMethod":null,"childAgreed":false,"granted":[],"sensitive":[],"events":[],"receipt":null}"#;
    assert_eq!(reopen(v1_gate).step(), Step::Whose);
    // Unknown or inconsistent states never count as consent: they start afresh.
    for stored in [
        r#"{"version":3,"step":"done","granted":["enrolment"]}"#,
        r#"{"version":2,"step":"done","age":null,"notice":null,"childNotice":null,"guardianMethod":null,"childAgreed":false,"granted":["enrolment","safety"],"sensitive":[],"events":[],"receipt":null}"#,
        r#"{"version":2,"step":"teleport","age":null}"#,
    ] {
        let f = reopen(stored);
        assert_eq!(f.step(), Step::Whose, "{stored}");
        assert!(f.consents().purposes.is_empty() && f.receipt().is_none());
    }
}

#[test]
fn the_whose_step_and_the_date_prompts_are_neutral_everywhere() {
    let hints_everywhere = [
        "parent",
        "guardian",
        "adult",
        "under",
        "old enough",
        "minor",
        "consent",
        "permission",
        "allowed",
        "younger",
        "older",
        "监护",
        "未成年",
        "成年",
        "家长",
        "周岁",
        "同意",
        "允许",
        "儿童",
        "年满",
        "以下",
        "以上",
    ];
    for j in minform::jurisdiction::all() {
        for locale in ["en", "zh-CN"] {
            let mut texts: Vec<(&str, String)> = Vec::new();
            let mut f = flow_in("kids-camp.json", Some(j.code), locale);
            let whose = f.view();
            texts.extend(
                [whose.title.clone()]
                    .into_iter()
                    .chain(whose.paragraphs.clone())
                    .chain(whose.options.iter().map(|o| o.label.clone()))
                    .chain(whose.actions.iter().map(|a| a.label.clone()))
                    .chain(whose.errors.values().cloned())
                    .map(|t| ("whose", t)),
            );
            go(&mut f, r#"{"type":"respondent","respondent":"guardian"}"#);
            let gate = f.view();
            let input = gate.input.clone().unwrap();
            texts.extend(
                [gate.title.clone()]
                    .into_iter()
                    .chain(gate.paragraphs.clone())
                    .chain(gate.actions.iter().map(|a| a.label.clone()))
                    .chain([input.year, input.month, input.day, input.choose])
                    .map(|t| ("guardian's gate", t)),
            );
            let mut own = flow_in("kids-camp.json", Some(j.code), locale);
            go(&mut own, r#"{"type":"respondent","respondent":"self"}"#);
            let gate = own.view();
            texts.extend(
                [gate.title.clone()]
                    .into_iter()
                    .chain(gate.paragraphs.clone())
                    .map(|t| ("own gate", t)),
            );
            for (screen, t) in &texts {
                let lower = t.to_lowercase();
                assert!(
                    !t.chars().any(|c| c.is_ascii_digit()),
                    "{}/{locale} {screen}: {t:?} has a number",
                    j.code
                );
                for word in hints_everywhere {
                    assert!(
                        !lower.contains(word),
                        "{}/{locale} {screen}: {t:?} says {word:?}",
                        j.code
                    );
                }
                if *screen == "own gate" {
                    for word in ["child", "孩子"] {
                        assert!(!lower.contains(word), "{t:?}");
                    }
                }
            }
            // The answers read alike: neither is the main button, neither is chosen.
            assert_eq!(whose.options.len(), 2);
            assert_eq!(whose.actions.len(), 1);
        }
    }
}

#[test]
fn each_sensitive_item_says_what_needs_it_and_what_refusing_means() {
    let mut f = flow("kids-camp.json", None);
    child_to_consent(&mut f);
    let v = f.view();
    let about = |id: &str| {
        v.choices
            .iter()
            .find(|c| c.id == id)
            .and_then(|c| c.description.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        about("national_id"),
        "Needed for: enrol the child in the camp (required). If you refuse, the form cannot be submitted with it filled in."
    );
    assert!(about("health").contains("keep the child safe at camp (required)"));
    assert!(
        v.choices
            .iter()
            .filter(|c| c.kind == minform::consent::ChoiceKind::Purpose)
            .all(|c| c.description.is_none()),
        "purposes carry their own words"
    );
    // An optional purpose: refusing only keeps it from that purpose.
    let mut shop = flow("general-ads.json", None);
    age(&mut shop, "1986-04");
    go(&mut shop, r#"{"type":"continue"}"#);
    let loc = shop
        .view()
        .choices
        .into_iter()
        .find(|c| c.id == "precise_location")
        .unwrap();
    assert_eq!(
        loc.description.as_deref(),
        Some("Needed for: show you ads based on where you are (optional). If you refuse, it is not sent and is not used to show you ads based on where you are.")
    );
    // Chinese.
    let mut zh = flow_in("kids-camp.json", None, "zh-CN");
    child_to_consent(&mut zh);
    let health = zh
        .view()
        .choices
        .into_iter()
        .find(|c| c.id == "health")
        .unwrap();
    assert_eq!(
        health.description.as_deref(),
        Some("用于：在营期间保障孩子安全（必需）。如不同意，填写了该信息的表单将无法提交。")
    );
}
