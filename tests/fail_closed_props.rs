//! Property: for a child without verified guardian consent, whatever the record and whatever
//! policy `checkPolicy` accepts, the payload holds no field that is not positively
//! non-personal. Records draw values from every detector, obfuscated the ways people and
//! attackers write them (full-width digits, no-break and zero-width spaces, Chinese numerals,
//! dotted groups, inside free text), under random and misleading field names.
#![cfg(not(target_arch = "wasm32"))]

use minform::classify::find_personal_data;
use minform::detect::Strength;
use minform::minimize::{CivilDate, Consents, Done, MinimizeOptions, Minimizer};
use minform::policy::Policy;
use minform::{Category, Sensitivity};
use proptest::prelude::*;

const TODAY: CivilDate = CivilDate {
    year: 2026,
    month: 12,
    day: 4,
};

/// Personal values, one or more per detector family.
const PERSONAL: &[&str] = &[
    "13912345678",
    "+86 138 0013 8000",
    "010-62751234",
    "+1 (415) 555-2671",
    "110105201305120235",
    "11010519491231002X",
    "E12345678",
    "zhang.san@163.com",
    "6222028100339075798",
    "4111 1111 1111 1111",
    "GB82 WEST 1234 5698 7654 32",
    "192.168.31.7",
    "2001:db8::8a2e:370:7334",
    "39.9042,116.4074",
    "北纬39.9042 东经116.4074",
    "2017-05-12",
    "2014年3月9日",
    "490154203237518",
    "00:1A:2B:3C:4D:5E",
    "6F9619FF-8B86-D011-B42D-00C04FC964FF",
    "100080",
    "王小明",
    "欧阳娜娜",
    "北京市海淀区中关村大街1号",
    "北京市第一实验小学",
    "汉族",
    "母亲",
    "O型",
    "哮喘",
    "9岁",
];

/// Values with nothing personal in them.
const OTHER: &[&str] = &[
    "3",
    "SKU-2231",
    "¥128.00",
    "blue",
    "likes drawing",
    "是",
    "A",
];

/// Field names: personal, misleading, generic, non-personal, empty-ish.
const NAMES: &[&str] = &[
    "favoriteAnimal",
    "q7",
    "field_3",
    "remark",
    "备注",
    "orderNo",
    "quantity",
    "productId",
    "captcha",
    "xm",
    "lxdh",
    "guardianPhone",
    "childName",
    "birthday",
    "school",
    "notes",
    "answer_4",
    "uni-input-8",
    "x",
    "数量",
    "订单号",
    "hobby",
];

/// The ways a value is written to slip past a detector.
fn obfuscate(v: &str, how: u8) -> String {
    const CN: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let map_digits = |f: &dyn Fn(char) -> String| {
        v.chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    f(c)
                } else {
                    c.to_string()
                }
            })
            .collect::<String>()
    };
    match how % 8 {
        0 => v.to_owned(),
        1 => map_digits(&|c| char::from_u32(u32::from(c) + 0xFEE0).unwrap().to_string()),
        2 => map_digits(&|c| format!("{c}\u{200B}")),
        3 => v.replace(' ', "\u{00A0}"),
        4 => map_digits(&|c| CN[c.to_digit(10).unwrap() as usize].to_string()),
        5 => v.replace([' ', '-'], "."),
        6 => format!("请联系 {v} 谢谢"),
        _ => format!("my info: {v}"),
    }
}

const ACTIONS: &[&str] = &[
    r#""action": "keep""#,
    r#""action": "hash""#,
    r#""action": "mask""#,
    r#""action": "drop""#,
    r#""action": "generalize", "to": "year""#,
    r#""action": "generalize", "to": "region""#,
];

fn rule(purposes: &[&str], action: usize) -> String {
    let purposes: Vec<String> = purposes.iter().map(|p| format!("\"{p}\"")).collect();
    format!(
        r#"{{ "purposes": [{}], {} }}"#,
        purposes.join(","),
        ACTIONS[action % ACTIONS.len()]
    )
}

#[derive(Debug, Clone)]
struct Case {
    audience: usize,
    required: bool,
    category_rules: Vec<(usize, usize, bool)>,
    field_rules: Vec<(usize, usize, bool)>,
    fields: Vec<(usize, bool, usize, u8)>,
    age: f64,
    consented: Vec<bool>,
    sensitive: Vec<usize>,
    with_consents: bool,
}

fn case() -> impl Strategy<Value = Case> {
    (
        0..3usize,
        any::<bool>(),
        prop::collection::vec(
            (0..Category::ALL.len(), 0..ACTIONS.len(), any::<bool>()),
            0..12,
        ),
        prop::collection::vec((0..NAMES.len(), 0..ACTIONS.len(), any::<bool>()), 0..6),
        prop::collection::vec(
            (
                0..NAMES.len(),
                any::<bool>(),
                0..PERSONAL.len(),
                any::<u8>(),
            ),
            1..8,
        ),
        0.0..14.0f64,
        prop::collection::vec(any::<bool>(), 2),
        prop::collection::vec(0..Category::ALL.len(), 0..4),
        any::<bool>(),
    )
        .prop_map(
            |(
                audience,
                required,
                category_rules,
                field_rules,
                fields,
                age,
                consented,
                sensitive,
                with_consents,
            )| Case {
                audience,
                required,
                category_rules,
                field_rules,
                fields,
                age,
                consented,
                sensitive,
                with_consents,
            },
        )
}

fn policy_of(c: &Case) -> Option<Policy> {
    let purpose = |p: usize| if p == 0 { "a" } else { "b" };
    let categories: Vec<String> = c
        .category_rules
        .iter()
        .map(|&(cat, action, both)| {
            let ps: &[&str] = if both {
                &["a", "b"]
            } else {
                &[purpose(action % 2)]
            };
            let category = Category::ALL[cat];
            // A generalization the category has (the parser refuses others).
            let action = match (action % ACTIONS.len(), category) {
                (4 | 5, Category::BirthDate) => 4,
                (4 | 5, Category::Address) => 5,
                (4 | 5, _) => action % 4,
                (a, _) => a,
            };
            format!("\"{}\": {}", category.id(), rule(ps, action))
        })
        .collect();
    let fields: Vec<String> = c
        .field_rules
        .iter()
        .map(|&(name, action, both)| {
            let ps: &[&str] = if both {
                &["a", "b"]
            } else {
                &[purpose(action % 2)]
            };
            format!("\"{}\": {}", NAMES[name], rule(ps, action))
        })
        .collect();
    let dedup = |v: Vec<String>| {
        let mut seen = std::collections::BTreeSet::new();
        v.into_iter()
            .filter(|r| seen.insert(r.split(':').next().unwrap_or("").to_owned()))
            .collect::<Vec<_>>()
            .join(",")
    };
    let json = format!(
        r#"{{ "id": "p", "version": "1", "jurisdiction": "CN", "audience": "{}",
            "controller": {{ "name": "C", "contact": "c@example.cn" }},
            "storage": {{ "location": {{ "zh-CN": "中国境内", "en": "mainland China" }},
                         "afterRetention": {{ "zh-CN": "删除", "en": "deleted" }} }},
            "security": {{ "zh-CN": "最小授权访问", "en": "least-privilege access" }},
            "complaints": "c@example.cn",
            "rights": {{ "zh-CN": "在设置中更正或删除", "en": "correct or delete in settings" }},
            "purposes": {{
              "a": {{ "kind": "service", "required": {}, "retention": "P1Y",
                      "description": {{ "en": "a", "zh-CN": "甲" }} }},
              "b": {{ "kind": "service", "required": false, "retention": "P1Y",
                      "description": {{ "en": "b", "zh-CN": "乙" }} }} }},
            "categories": {{ {} }}, "fields": {{ {} }} }}"#,
        ["children", "mixed", "general"][c.audience],
        c.required,
        dedup(categories),
        dedup(fields),
    );
    Policy::from_json(&json).ok()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn no_personal_field_of_a_child_leaves_without_verified_guardian_consent(c in case()) {
        let Some(policy) = policy_of(&c) else { return Ok(()) };
        // Only policies the checker accepts.
        let Ok(m) = Minimizer::new(policy, &[3u8; 32]) else { return Ok(()) };
        let mut record = Vec::new();
        for &(name, personal, value, how) in &c.fields {
            let v = if personal { PERSONAL[value] } else { OTHER[value % OTHER.len()] };
            let name = NAMES[name].to_owned();
            if record.iter().any(|(k, _): &(String, Vec<String>)| *k == name) {
                continue;
            }
            record.push((name, vec![obfuscate(v, how)]));
        }
        let consents = Consents {
            purposes: ["a", "b"]
                .iter()
                .zip(&c.consented)
                .filter(|(_, &yes)| yes)
                .map(|(p, _)| p.to_string())
                .collect(),
            sensitive_categories: c.sensitive.iter().map(|&i| Category::ALL[i].id().to_owned()).collect(),
            guardian_verified: false,
        };
        // A child by their age (CN: under 14), or, under a children/mixed policy, with the
        // age unknown.
        let age = (c.audience == 2 || c.age < 7.0).then_some(c.age);
        let options = MinimizeOptions {
            subject_age: age,
            consents: c.with_consents.then_some(consents),
            today: TODAY,
            subject_child: None,
        };
        let Ok(out) = m.minimize(&record, &options) else { return Ok(()) };
        prop_assert!(out.subject.child);
        for (entry, (name, values)) in out.report.iter().zip(&record) {
            if entry.action == Done::Dropped {
                continue;
            }
            prop_assert!(
                entry.category == Category::NonPersonal && entry.sensitivity == Sensitivity::None,
                "{name} = {values:?} sent as {:?} ({:?}, {})", entry.category, entry.action, entry.reason
            );
            // And nothing sent is recognisably personal: no value validates as, or contains,
            // personal data. (A date or a postcode-shaped number under a name that says "order
            // number" is read by its name: look-alikes are not over-flagged.)
            for v in values {
                let validated = minform::detect::detect_value(v).iter().any(|d| {
                    d.strength == Strength::Validated
                        && d.kind.category().default_sensitivity() > Sensitivity::None
                });
                // A match that is the whole value is a look-alike unless it validates (a UUID
                // in an order-number field); inside other text it is personal data.
                let inside = find_personal_data(v)
                    .iter()
                    .any(|f| f.end - f.start < v.trim().len());
                prop_assert!(
                    !validated && !inside,
                    "{name} = {v:?} is personal and was sent: {entry:?}"
                );
            }
        }
    }
}
