//! Policies: the shipped examples parse and check as expected; every structural error names its
//! path and the allowed values.
#![cfg(not(target_arch = "wasm32"))]

use minform::policy::{check, Action, Policy, Severity, Target};

fn example(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/policies/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn the_contract_example_parses_and_checks_clean() {
    let p = Policy::from_json(&example("kids-signup.json")).unwrap();
    assert_eq!(p.id, "kids-signup");
    assert_eq!(p.purposes["enrolment"].retention.as_deref(), Some("P1Y"));
    assert!(p.purposes["enrolment"].required);
    assert_eq!(
        p.categories["birth_date"].action,
        Action::Generalize(Target::Year)
    );
    assert_eq!(p.fields["guardianPhone"].action, Action::Mask);
    assert_eq!(p.storage_location.get("en"), "mainland China");
    assert_eq!(
        p.storage_location.get("fr"),
        "mainland China",
        "falls back to en"
    );
    assert_eq!(check(&p), []);
}

#[test]
fn the_bad_example_has_the_expected_findings() {
    let p = Policy::from_json(&example("bad-children-ads.json")).unwrap();
    let findings: Vec<(Severity, &str, String)> = check(&p)
        .into_iter()
        .map(|f| (f.severity, f.code, f.path))
        .collect();
    let has = |code: &str, path: &str| findings.iter().any(|(_, c, p)| *c == code && p == path);
    assert!(
        has("commercial_purpose_on_child_data", "purposes.ads.kind"),
        "{findings:?}"
    );
    assert!(
        has("retention_missing", "purposes.ads.retention"),
        "{findings:?}"
    );
    assert!(
        has("unknown_category", "categories.favourite_colour"),
        "{findings:?}"
    );
    assert!(
        has("sensitive_kept_raw", "categories.precise_location.action"),
        "{findings:?}"
    );
    assert!(
        has("optional_purpose_required", "purposes.fraud.required"),
        "{findings:?}"
    );
    assert!(
        has("optional_purpose_required", "fields.password.purposes"),
        "{findings:?}"
    );
    assert_eq!(findings[0].0, Severity::Error, "errors come first");
}

fn error_of(mutate: impl FnOnce(&mut serde_json::Value)) -> (String, String) {
    let mut v: serde_json::Value = serde_json::from_str(&example("kids-signup.json")).unwrap();
    mutate(&mut v);
    let e = Policy::from_json(&v.to_string()).unwrap_err();
    assert_eq!(e.code(), "policy_invalid");
    (e.path().unwrap().to_owned(), e.to_string())
}

#[test]
fn structural_errors_name_the_path_and_the_allowed_values() {
    let (path, msg) = error_of(|v| v["fields"]["guardianPhone"]["action"] = "encrypt".into());
    assert_eq!(path, "fields.guardianPhone.action");
    assert!(msg.contains("keep, drop, hash, mask, generalize"), "{msg}");

    let (path, msg) = error_of(|v| {
        v["categories"]["phone"] =
            serde_json::json!({"purposes": ["enrolment"], "action": "generalize", "to": "year"})
    });
    assert_eq!(path, "categories.phone.to");
    assert!(msg.contains("does not fit category phone"), "{msg}");

    let (path, msg) = error_of(|v| v["categories"]["birth_date"]["to"] = "decade".into());
    assert_eq!(path, "categories.birth_date.to");
    assert!(msg.contains("year_month"), "{msg}");

    let (path, _) =
        error_of(|v| v["fields"]["email"]["purposes"] = serde_json::json!(["newsletter"]));
    assert_eq!(path, "fields.email.purposes[0]");

    let (path, msg) = error_of(|v| v["purposes"]["notices"]["retention"] = "six months".into());
    assert_eq!(path, "purposes.notices.retention");
    assert!(msg.contains("ISO 8601"), "{msg}");

    let (path, msg) = error_of(|v| v["audience"] = "kids".into());
    assert_eq!(path, "audience");
    assert!(msg.contains("children, general, mixed"), "{msg}");

    let (path, _) = error_of(|v| v["purposes"]["enrolment"]["kind"] = "sales".into());
    assert_eq!(path, "purposes.enrolment.kind");
    let (path, _) = error_of(|v| v["jurisdiction"] = "XX".into());
    assert_eq!(path, "jurisdiction");
    let (path, _) = error_of(|v| {
        v.as_object_mut().unwrap().remove("controller");
    });
    assert_eq!(path, "controller");
    let (path, _) = error_of(|v| v["storage"]["location"] = serde_json::json!({}));
    assert_eq!(path, "storage.location");
    assert_eq!(
        Policy::from_json("not json").unwrap_err().code(),
        "policy_invalid"
    );
    assert_eq!(Policy::from_json("[]").unwrap_err().path(), Some("policy"));
}

#[test]
fn describe_gives_the_notice_data_in_each_locale() {
    let p = Policy::from_json(&example("kids-signup.json")).unwrap();
    let zh = minform::policy::describe(&p, "zh-CN");
    assert_eq!(zh.purposes[0].id, "enrolment", "required purposes first");
    assert_eq!(zh.purposes[0].description, "为孩子报名");
    assert_eq!(zh.purposes[0].retention_text.as_deref(), Some("1年"));
    assert_eq!(zh.storage_location, "中国境内");
    let en = minform::policy::describe(&p, "en");
    assert_eq!(en.purposes[1].retention_text.as_deref(), Some("6 months"));
    let enrolment: Vec<String> = en.purposes[0]
        .data
        .iter()
        .map(|d| {
            format!(
                "{}:{}{}",
                d.category.clone().or(d.field.clone()).unwrap(),
                d.action,
                d.to.as_ref().map(|t| format!(":{t}")).unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(
        enrolment,
        [
            "birth_date:generalize:year",
            "phone:hash",
            "guardianPhone:mask"
        ]
    );
    let json = serde_json::to_value(&en).unwrap();
    assert_eq!(json["purposes"][0]["retentionText"], "1 year");
    assert_eq!(json["storageLocation"], "mainland China");
}
