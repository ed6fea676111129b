//! Fail closed the way families fill in forms and attackers write records (issue 9): whose data
//! a record is, unreadable fields, the stricter reading, masks, obfuscated values, consents,
//! names that are data. Each test is one way data used to leave the page.
#![cfg(not(target_arch = "wasm32"))]

use minform::minimize::{CivilDate, Consents, Done, MinimizeOptions, Minimizer, SubjectBasis};
use minform::policy::{check, Policy};
use minform::{Category, Sensitivity};

const KEY: [u8; 32] = [9; 32];
const TODAY: CivilDate = CivilDate {
    year: 2026,
    month: 12,
    day: 4,
};

/// A policy with one required `service` purpose and the given rules (JSON objects).
fn policy(audience: &str, categories: &str, fields: &str) -> Policy {
    Policy::from_json(&policy_json(audience, categories, fields)).unwrap()
}

fn policy_json(audience: &str, categories: &str, fields: &str) -> String {
    format!(
        r#"{{ "id": "t", "version": "1", "jurisdiction": "CN", "audience": "{audience}",
            "controller": {{ "name": "C", "contact": "c@example.cn" }},
            "storage": {{ "location": {{ "zh-CN": "中国境内", "en": "mainland China" }},
                         "afterRetention": {{ "zh-CN": "删除", "en": "deleted" }} }},
            "security": {{ "zh-CN": "最小授权访问", "en": "least-privilege access" }},
            "complaints": "c@example.cn",
            "rights": {{ "zh-CN": "在设置中更正或删除", "en": "correct or delete in settings" }},
            "purposes": {{
              "service": {{ "kind": "service", "required": true, "retention": "P1Y",
                            "description": {{ "en": "the service", "zh-CN": "服务" }} }},
              "extra": {{ "kind": "service", "required": false, "retention": "P1Y",
                          "description": {{ "en": "extras", "zh-CN": "附加" }} }} }},
            "categories": {{ {categories} }}, "fields": {{ {fields} }} }}"#
    )
}

fn record(pairs: &[(&str, &str)]) -> Vec<(String, Vec<String>)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), vec![v.to_string()]))
        .collect()
}

fn consents(sensitive: &[&str], guardian: bool) -> Consents {
    Consents {
        purposes: vec!["service".into(), "extra".into()],
        sensitive_categories: sensitive.iter().map(|s| s.to_string()).collect(),
        guardian_verified: guardian,
    }
}

fn options(age: Option<f64>, subject_child: Option<bool>, c: Option<Consents>) -> MinimizeOptions {
    MinimizeOptions {
        subject_age: age,
        consents: c,
        today: TODAY,
        subject_child,
    }
}

fn sent<'a>(out: &'a minform::minimize::Minimized, field: &str) -> Option<&'a [String]> {
    out.payload
        .iter()
        .find(|(k, _)| k == field)
        .map(|(_, v)| v.as_slice())
}

const PHONE_KEEP: &str = r#""phone": { "purposes": ["service"], "action": "keep" },
    "name": { "purposes": ["service"], "action": "keep" },
    "birth_date": { "purposes": ["service"], "action": "generalize", "to": "year" },
    "age": { "purposes": ["service"], "action": "keep" }"#;

#[test]
fn a_parent_who_answers_for_themselves_does_not_make_a_childs_record_an_adults() {
    let m = Minimizer::new(policy("mixed", PHONE_KEEP, ""), &KEY).unwrap();
    let child_record = record(&[
        ("childName", "王小明"),
        ("childBirthDate", "2017-05-12"),
        ("guardianPhone", "13912345678"),
    ]);
    // The parent typed their own age, or the flow found an adult: the record says 2017.
    for opts in [
        options(Some(39.0), None, Some(consents(&[], false))),
        options(None, Some(false), Some(consents(&[], false))),
    ] {
        let out = m.minimize(&child_record, &opts).unwrap();
        assert!(out.payload.is_empty(), "{:?}", out.payload);
        assert_eq!(
            (out.subject.child, out.subject.basis),
            (true, SubjectBasis::RecordBirthDate)
        );
        assert!(out
            .report
            .iter()
            .all(|r| r.action == Done::Dropped && r.sensitivity == Sensitivity::Sensitive));
        assert!(out.report.iter().all(|r| !r.reason.contains("2017")));
    }
    // With verified guardian consent the child's data goes out, under child rules.
    let out = m
        .minimize(
            &child_record,
            &options(Some(39.0), None, Some(consents(&[], true))),
        )
        .unwrap();
    assert_eq!(sent(&out, "childBirthDate").unwrap(), ["2017"]);
    // An age field does the same; month-only and year-only dates are read as the youngest
    // they allow.
    for (field, value, basis) in [
        ("age", "9岁", SubjectBasis::RecordAge),
        ("年龄", "９", SubjectBasis::RecordAge),
        ("birthMonth", "2013-12", SubjectBasis::RecordBirthDate),
        ("出生年份", "2013年", SubjectBasis::RecordBirthDate),
    ] {
        let out = m
            .minimize(
                &record(&[(field, value)]),
                &options(Some(39.0), None, Some(consents(&[], false))),
            )
            .unwrap();
        assert_eq!(
            (out.subject.child, out.subject.basis),
            (true, basis),
            "{field}"
        );
    }
    // An adult's own birth date in the record changes nothing.
    let out = m
        .minimize(
            &record(&[("birthday", "1986-03-01"), ("phone", "13912345678")]),
            &options(Some(39.0), None, Some(consents(&[], false))),
        )
        .unwrap();
    assert!(!out.subject.child);
    assert_eq!(out.subject.basis, SubjectBasis::SubjectAge);
    assert_eq!(sent(&out, "phone").unwrap(), ["13912345678"]);
}

#[test]
fn unreadable_ages_read_as_a_child_under_a_childrens_or_mixed_policy() {
    let unreadable = record(&[("birthday", "sometime in spring"), ("phone", "13912345678")]);
    for audience in ["children", "mixed"] {
        let m = Minimizer::new(policy(audience, PHONE_KEEP, ""), &KEY).unwrap();
        let out = m
            .minimize(
                &unreadable,
                &options(Some(30.0), None, Some(consents(&[], false))),
            )
            .unwrap();
        assert_eq!(
            (out.subject.child, out.subject.basis),
            (true, SubjectBasis::UnreadableAge),
            "{audience}"
        );
        assert!(out.payload.is_empty());
    }
    let m = Minimizer::new(policy("general", PHONE_KEEP, ""), &KEY).unwrap();
    let out = m
        .minimize(
            &unreadable,
            &options(Some(30.0), None, Some(consents(&[], false))),
        )
        .unwrap();
    assert!(!out.subject.child);
    // A future birth date is unreadable too.
    let m = Minimizer::new(policy("children", PHONE_KEEP, ""), &KEY).unwrap();
    let out = m
        .minimize(
            &record(&[("birthday", "2031-01-01")]),
            &options(Some(30.0), None, Some(consents(&[], false))),
        )
        .unwrap();
    assert_eq!(out.subject.basis, SubjectBasis::UnreadableAge);
}

#[test]
fn a_childs_unreadable_field_is_sensitive_and_only_a_rule_naming_it_releases_it() {
    let categories = r#""free_text": { "purposes": ["service"], "action": "keep" },
        "non_personal": { "purposes": ["service"], "action": "keep" }"#;
    let m = Minimizer::new(policy("children", categories, ""), &KEY).unwrap();
    let rec = record(&[
        ("q7", "blue and green"),
        ("answer_4", "7"),
        ("备注", "喜欢画画"),
    ]);
    let out = m
        .minimize(&rec, &options(Some(10.0), None, Some(consents(&[], true))))
        .unwrap();
    for r in &out.report[..2] {
        assert_eq!(r.category, Category::FreeText, "{}", r.field);
        assert_eq!(r.sensitivity, Sensitivity::Sensitive, "{}", r.field);
        assert_eq!(r.action, Done::Dropped, "{}", r.field);
    }
    // A remarks box the label names is free text by evidence: a category rule may release it
    // (with verified guardian consent), and it is sensitive for a child.
    assert_eq!(out.report[2].sensitivity, Sensitivity::Sensitive);
    assert_eq!(out.report[2].action, Done::Keep);
    // For an adult too, a category rule never releases a fallback field.
    let out = m
        .minimize(&rec, &options(Some(30.0), None, Some(consents(&[], false))))
        .unwrap();
    assert_eq!(out.report[0].action, Done::Dropped);
    assert_eq!(out.report[0].sensitivity, Sensitivity::None);
    // A rule naming the field releases it.
    let m = Minimizer::new(
        policy(
            "children",
            categories,
            r#""q7": { "purposes": ["service"], "action": "keep" }"#,
        ),
        &KEY,
    )
    .unwrap();
    let out = m
        .minimize(&rec, &options(Some(10.0), None, Some(consents(&[], true))))
        .unwrap();
    assert_eq!(sent(&out, "q7").unwrap(), ["blue and green"]);
    assert!(sent(&out, "answer_4").is_none());
}

#[test]
fn the_stricter_reading_of_a_value_wins_over_a_field_rule() {
    let hash_phones = r#""phone": { "purposes": ["service"], "action": "hash" }"#;
    let keep_animal = r#""favoriteAnimal": { "purposes": ["service"], "action": "keep" },
        "guardianPhone": { "purposes": ["service"], "action": "keep" }"#;
    let m = Minimizer::new(policy("general", hash_phones, keep_animal), &KEY).unwrap();
    let out = m
        .minimize(
            &record(&[
                ("favoriteAnimal", "13912345678"),
                ("guardianPhone", "13812345678"),
                ("favoriteAnimal2", "cat"),
            ]),
            &options(Some(30.0), None, Some(consents(&[], false))),
        )
        .unwrap();
    let animal = sent(&out, "favoriteAnimal").unwrap();
    assert_eq!(out.report[0].action, Done::Hash);
    assert_eq!(out.report[0].category, Category::Phone);
    // Hashed as a phone: the same pseudonym as the phone number written another way.
    let same = m
        .minimize(
            &record(&[("phone", "+86 139 1234 5678")]),
            &options(Some(30.0), None, Some(consents(&[], false))),
        )
        .unwrap();
    assert_eq!(animal, sent(&same, "phone").unwrap());
    // A field whose name says phone keeps what its own rule says.
    assert_eq!(sent(&out, "guardianPhone").unwrap(), ["13812345678"]);
    // No rule for the value's category: dropped.
    let m = Minimizer::new(policy("general", "", keep_animal), &KEY).unwrap();
    let out = m
        .minimize(
            &record(&[
                ("favoriteAnimal", "13912345678"),
                ("favoriteAnimal2", "cat"),
            ]),
            &options(Some(30.0), None, Some(consents(&[], false))),
        )
        .unwrap();
    assert_eq!(out.report[0].action, Done::Dropped);
    assert!(out.report[0].reason.contains("phone"));
    // Two different transforms have no order: dropped.
    let m = Minimizer::new(
        policy(
            "general",
            hash_phones,
            r#""favoriteAnimal": { "purposes": ["service"], "action": "mask" }"#,
        ),
        &KEY,
    )
    .unwrap();
    let out = m
        .minimize(
            &record(&[("favoriteAnimal", "13912345678")]),
            &options(Some(30.0), None, Some(consents(&[], false))),
        )
        .unwrap();
    assert_eq!(out.report[0].action, Done::Dropped);
}

#[test]
fn personal_data_inside_free_text_is_not_sent_under_a_keep_rule_for_comments() {
    let categories = r#""free_text": { "purposes": ["service"], "action": "keep" },
        "phone": { "purposes": ["service"], "action": "hash" }"#;
    let m = Minimizer::new(policy("general", categories, ""), &KEY).unwrap();
    for text in [
        "放学后请打我电话13912345678",
        "放学后请打我电话一三九一二三四五六七八",
        "call me on 139\u{00A0}1234\u{200B}5678 after school",
        "call me on 139.1234.5678",
        "电话：１３９１２３４５６７８",
    ] {
        let out = m
            .minimize(
                &record(&[("remarks", text)]),
                &options(Some(30.0), None, Some(consents(&[], false))),
            )
            .unwrap();
        assert!(out.payload.is_empty(), "{text}: {:?}", out.payload);
    }
    let out = m
        .minimize(
            &record(&[("remarks", "likes drawing")]),
            &options(Some(30.0), None, Some(consents(&[], false))),
        )
        .unwrap();
    assert_eq!(sent(&out, "remarks").unwrap(), ["likes drawing"]);
}

#[test]
fn masks_apply_only_to_values_that_validate_in_a_fixed_shape() {
    let rules = r#""phone": { "purposes": ["service"], "action": "mask" },
        "name": { "purposes": ["service"], "action": "mask" }"#;
    let m = Minimizer::new(policy("general", rules, ""), &KEY).unwrap();
    let out = m
        .minimize(
            &record(&[
                ("mobile", "Wang Xiaoming 13912345678"),
                ("phone", "139１２３４5678"),
                ("tel", "139 1234 5678"),
                ("姓名", "王小明"),
                ("name", "Wang Xiaoming 13912345678"),
            ]),
            &options(Some(30.0), None, Some(consents(&[], false))),
        )
        .unwrap();
    assert!(sent(&out, "mobile").is_none());
    assert_eq!(sent(&out, "phone").unwrap(), ["139****5678"]);
    assert_eq!(sent(&out, "tel").unwrap(), ["139****5678"]);
    assert_eq!(sent(&out, "姓名").unwrap(), ["王**"]);
    assert!(sent(&out, "name").is_none());
    for (k, v) in &out.payload {
        assert!(!v.iter().any(|v| v.contains("1234")), "{k}: {v:?}");
    }
}

#[test]
fn missing_consents_are_no_consents() {
    let health = r#""health": { "purposes": ["service"], "action": "keep" }"#;
    let m = Minimizer::new(policy("general", health, ""), &KEY).unwrap();
    let e = m
        .minimize(
            &record(&[("allergies", "哮喘")]),
            &options(Some(30.0), None, None),
        )
        .unwrap_err();
    assert_eq!(
        (e.code(), e.path()),
        ("consent_required", Some("consents.purposes"))
    );
}

#[test]
fn a_required_purpose_that_needs_an_unconsented_sensitive_category_refuses_the_record() {
    let health = r#""health": { "purposes": ["service"], "action": "keep" }"#;
    let m = Minimizer::new(policy("general", health, ""), &KEY).unwrap();
    let rec = record(&[("allergies", "哮喘")]);
    let e = m
        .minimize(&rec, &options(Some(30.0), None, Some(consents(&[], false))))
        .unwrap_err();
    assert_eq!(
        (e.code(), e.path()),
        ("consent_required", Some("consents.sensitiveCategories"))
    );
    let minform::Error::ConsentRequired {
        purpose, category, ..
    } = e
    else {
        panic!("{e:?}")
    };
    assert_eq!(
        (purpose.as_str(), category.as_deref()),
        ("service", Some("health"))
    );
    let out = m
        .minimize(
            &rec,
            &options(Some(30.0), None, Some(consents(&["health"], false))),
        )
        .unwrap();
    assert_eq!(sent(&out, "allergies").unwrap(), ["哮喘"]);
    // Not in the record, or only for an optional purpose: no error, the field is dropped.
    let out = m
        .minimize(
            &record(&[("allergies", "")]),
            &options(Some(30.0), None, Some(consents(&[], false))),
        )
        .unwrap();
    assert!(out.payload.is_empty());
    let optional = r#""health": { "purposes": ["extra"], "action": "keep" }"#;
    let m = Minimizer::new(policy("general", optional, ""), &KEY).unwrap();
    let out = m
        .minimize(&rec, &options(Some(30.0), None, Some(consents(&[], false))))
        .unwrap();
    assert!(out.payload.is_empty());
}

#[test]
fn a_name_that_is_personal_data_is_neither_sent_nor_reported() {
    let keep = r#""non_personal": { "purposes": ["service"], "action": "keep" }"#;
    let m = Minimizer::new(policy("general", keep, ""), &KEY).unwrap();
    let out = m
        .minimize(
            &record(&[("13912345678", "yes"), ("110105201305120235", "1")]),
            &options(Some(30.0), None, Some(consents(&[], false))),
        )
        .unwrap();
    assert!(out.payload.is_empty());
    assert_eq!(out.report[0].field, "[withheld:0]");
    assert_eq!(out.report[1].field, "[withheld:1]");
    for r in &out.report {
        assert!(!r.reason.contains("139") && !r.reason.contains("110105"));
    }
}

#[test]
fn the_checker_warns_when_a_childs_free_text_is_kept_raw() {
    let keep = r#""free_text": { "purposes": ["service"], "action": "keep" }"#;
    for audience in ["children", "mixed"] {
        let findings = check(&policy(audience, keep, ""));
        assert!(
            findings
                .iter()
                .any(|f| f.code == "free_text_kept_raw" && f.path == "categories.free_text.action"),
            "{audience}: {findings:?}"
        );
    }
    let findings = check(&policy("general", keep, ""));
    assert!(!findings.iter().any(|f| f.code == "free_text_kept_raw"));
    let remarks = r#""remarks": { "purposes": ["service"], "action": "keep" }"#;
    assert!(check(&policy("children", "", remarks))
        .iter()
        .any(|f| f.code == "free_text_kept_raw"));
}

// ---- redact (issue 11): free text with the personal data in it replaced ----------------------

const REDACT_TEXT: &str = r#""free_text": { "purposes": ["service"], "action": "redact" }"#;

#[test]
fn redact_replaces_what_is_found_and_reports_counts_never_values() {
    let m = Minimizer::new(policy("children", REDACT_TEXT, ""), &KEY).unwrap();
    let rec = record(&[(
        "aboutMe",
        "我喜欢画画。我叫王小明，妈妈的电话是13912345678，有事找她。",
    )]);
    let out = m
        .minimize(&rec, &options(Some(10.0), None, Some(consents(&[], true))))
        .unwrap();
    let text = &sent(&out, "aboutMe").unwrap()[0];
    assert_eq!(
        text,
        "我喜欢画画。我叫[name]，妈妈的电话是[phone]，有事找她。"
    );
    let entry = &out.report[0];
    assert_eq!(entry.action, Done::Redact);
    assert_eq!(
        entry.redacted,
        vec![(Category::Name, 1), (Category::Phone, 1)]
    );
    assert!(!entry.reason.contains("139") && !entry.reason.contains("王小明"));
}

#[test]
fn redact_labels_in_a_locale() {
    let rules =
        r#""free_text": { "purposes": ["service"], "action": "redact", "labels": "zh-CN" }"#;
    let m = Minimizer::new(policy("children", rules, ""), &KEY).unwrap();
    let rec = record(&[("remarks", "有事请打13912345678")]);
    let out = m
        .minimize(&rec, &options(Some(10.0), None, Some(consents(&[], true))))
        .unwrap();
    assert_eq!(sent(&out, "remarks").unwrap()[0], "有事请打[电话号码]");
}

#[test]
fn redact_never_applies_to_a_field_that_is_not_free_text() {
    // A field rule asking to redact a name field: a name has no shape the detectors could
    // replace, so redacting would send it whole. It is dropped instead.
    let fields = r#""childName": { "purposes": ["service"], "action": "redact" }"#;
    let m = Minimizer::new(policy("children", "", fields), &KEY).unwrap();
    let out = m
        .minimize(
            &record(&[("childName", "王小明")]),
            &options(Some(10.0), None, Some(consents(&[], true))),
        )
        .unwrap();
    assert!(sent(&out, "childName").is_none());
    assert_eq!(out.report[0].action, Done::Dropped);
    assert!(out.report[0].reason.contains("redact applies to free text"));
    // …and a category rule cannot say it at all.
    let name = r#""name": { "purposes": ["service"], "action": "redact" }"#;
    let err = Policy::from_json(&policy_json("children", name, "")).unwrap_err();
    assert_eq!(err.code(), "policy_invalid");
    assert_eq!(err.path(), Some("categories.name.action"));
    let labels = r#""free_text": { "purposes": ["service"], "action": "keep", "labels": "en" }"#;
    let err = Policy::from_json(&policy_json("children", labels, "")).unwrap_err();
    assert_eq!(err.path(), Some("categories.free_text.labels"));
}

#[test]
fn redacted_free_text_is_not_dropped_for_the_categories_it_held() {
    // Kept raw, a comment holding a phone number is dropped unless phones may be kept; redacted,
    // the phone number is gone, so the comment goes.
    let rules = r#""free_text": { "purposes": ["service"], "action": "keep" }"#;
    let m = Minimizer::new(policy("children", rules, ""), &KEY).unwrap();
    let rec = record(&[("comment", "call me on 13912345678 after school")]);
    let opts = options(Some(10.0), None, Some(consents(&[], true)));
    assert!(sent(&m.minimize(&rec, &opts).unwrap(), "comment").is_none());
    let m = Minimizer::new(policy("children", REDACT_TEXT, ""), &KEY).unwrap();
    let out = m.minimize(&rec, &opts).unwrap();
    assert_eq!(
        sent(&out, "comment").unwrap()[0],
        "call me on [phone] after school"
    );
    // Guardian consent is still needed for a child's free text.
    let out = m
        .minimize(&rec, &options(Some(10.0), None, Some(consents(&[], false))))
        .unwrap();
    assert!(sent(&out, "comment").is_none());
}
