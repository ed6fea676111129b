//! Properties of the consent flow under random sequences of actions: no panic; an action that
//! fails changes nothing; the birth date is never kept; nothing is consented that is not
//! offered; a child's consent needs a verified guardian; the age answer and the answer to whose
//! data it is change only through a reset; a general-audience policy never asks whose; every
//! receipt verifies and names the respondent the flow has.
#![cfg(not(target_arch = "wasm32"))]

use minform::consent::{verify_receipt, ConsentFlow, FlowAction, FlowOptions, Respondent, Step};
use minform::minimize::CivilDate;
use minform::policy::Policy;
use proptest::prelude::*;

fn policy(name: &str) -> Policy {
    let path = format!("{}/tests/policies/{name}", env!("CARGO_MANIFEST_DIR"));
    Policy::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn action() -> impl Strategy<Value = FlowAction> {
    let ids = prop::sample::subsequence(
        vec![
            "enrolment",
            "safety",
            "photos",
            "account",
            "newsletter",
            "ads",
            "lottery",
        ],
        0..4,
    )
    .prop_map(|v| v.into_iter().map(String::from).collect::<Vec<_>>());
    let cats = prop::sample::subsequence(
        vec![
            "health",
            "national_id",
            "precise_location",
            "biometric",
            "name",
        ],
        0..3,
    )
    .prop_map(|v| v.into_iter().map(String::from).collect::<Vec<_>>());
    prop_oneof![
        respondent(),
        (1990i32..2027, 1u32..13, prop::option::of(1u32..32)).prop_map(|(y, m, d)| {
            FlowAction::Age {
                birth_date: match d {
                    Some(d) => format!("{y}-{m:02}-{d:02}"),
                    None => format!("{y}-{m:02}"),
                },
            }
        }),
        Just(FlowAction::Continue),
        Just(FlowAction::Continue),
        Just(FlowAction::Decline),
        Just(FlowAction::OtherAudience),
        "[a-z]{0,6}".prop_map(|method| FlowAction::GuardianVerified { method }),
        (ids.clone(), cats.clone()).prop_map(|(purposes, sensitive_categories)| {
            FlowAction::Grant {
                purposes,
                sensitive_categories,
            }
        }),
        (ids, cats).prop_map(|(purposes, sensitive_categories)| FlowAction::Withdraw {
            purposes,
            sensitive_categories
        }),
        Just(FlowAction::Reset {
            method: "sms".into()
        }),
    ]
}

fn respondent() -> impl Strategy<Value = FlowAction> {
    prop::sample::select(vec![Respondent::Subject, Respondent::Guardian])
        .prop_map(|respondent| FlowAction::Respondent { respondent })
}

/// Mostly the way through (whose, age, notices, verification, a grant that names the required
/// purposes), then anything: random sequences alone rarely get past the first steps.
fn sequence() -> impl Strategy<Value = Vec<FlowAction>> {
    let age = (1990i32..2026, 1u32..13, 1u32..29).prop_map(|(y, m, d)| FlowAction::Age {
        birth_date: format!("{y}-{m:02}-{d:02}"),
    });
    let through = (
        respondent(),
        age,
        prop::sample::subsequence(vec!["photos", "newsletter", "ads", "lottery"], 0..3),
        prop::sample::subsequence(vec!["health", "national_id", "precise_location"], 0..3),
        prop::collection::vec(action(), 0..8),
    )
        .prop_map(|(whose, age, optional, sensitive, tail)| {
            let mut purposes: Vec<String> = ["enrolment", "safety", "account"]
                .map(String::from)
                .to_vec();
            purposes.extend(optional.into_iter().map(String::from));
            let mut v = vec![
                whose,
                age,
                FlowAction::Continue,
                FlowAction::Continue,
                FlowAction::GuardianVerified {
                    method: "sms".into(),
                },
                FlowAction::Grant {
                    purposes,
                    sensitive_categories: sensitive.into_iter().map(String::from).collect(),
                },
            ];
            v.extend(tail);
            v
        });
    prop_oneof![prop::collection::vec(action(), 1..14), through]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn random_sequences_keep_the_invariants(
        name in prop::sample::select(vec!["kids-camp.json", "general-ads.json", "kids-signup.json"]),
        jurisdiction in prop::sample::select(vec!["CN", "US", "VN", "IN", "FR", "BR"]),
        gpc in any::<bool>(),
        actions in sequence(),
    ) {
        let p = policy(name);
        let options = FlowOptions {
            jurisdiction: Some(jurisdiction.into()),
            locale: Some("en".into()),
            today: CivilDate { year: 2026, month: 11, day: 28 },
            gpc,
        };
        let mut flow = ConsentFlow::new(p.clone(), &options, None, "p", "t0").unwrap();
        // Grants name purposes of every example policy: keep those this one declares, so that
        // a guided sequence gets through (unknown ids are exercised by the other grants).
        let actions: Vec<FlowAction> = actions
            .into_iter()
            .enumerate()
            .map(|(i, a)| match a {
                FlowAction::Grant { purposes, sensitive_categories } if i == 5 => FlowAction::Grant {
                    purposes: purposes.into_iter().filter(|id| p.purposes.contains_key(id)).collect(),
                    sensitive_categories,
                },
                a => a,
            })
            .collect();
        let mut head: Option<String> = None;
        for (i, action) in actions.into_iter().enumerate() {
            let before = flow.state_json();
            let subject_before = flow.subject();
            let respondent_before = flow.respondent();
            let typed = match &action { FlowAction::Age { birth_date } => Some(birth_date.clone()), _ => None };
            let is_reset = matches!(action, FlowAction::Reset { .. });
            let now = format!("t{}", i + 1);
            match flow.dispatch(action, &now, head.as_deref()) {
                Err(_) => prop_assert_eq!(flow.state_json(), before, "a failed action changes nothing"),
                Ok(()) => {
                    if !is_reset && subject_before.is_some() {
                        prop_assert_eq!(flow.subject(), subject_before, "the age answer sticks");
                    }
                    if !is_reset && respondent_before.is_some() {
                        prop_assert_eq!(flow.respondent(), respondent_before, "the whose answer sticks");
                    }
                }
            }
            if name == "general-ads.json" {
                prop_assert!(flow.step() != Step::Whose, "a general audience is not asked whose");
            }
            if flow.subject().is_some() {
                prop_assert!(flow.respondent().is_some(), "an age answer has a respondent");
            }
            let state = flow.state_json();
            if let Some(date) = typed {
                prop_assert!(!state.contains(&date), "the birth date is not kept");
            }
            let c = flow.consents();
            if flow.step() != Step::Done {
                prop_assert!(c.purposes.is_empty() && c.sensitive_categories.is_empty());
            }
            for id in &c.purposes {
                prop_assert!(flow.offers(id), "{} was consented but is not offered", id);
                let kind = p.purposes[id].kind;
                if flow.subject() == Some("child") {
                    prop_assert!(!kind.is_commercial(), "commercial purpose for a child");
                }
            }
            if flow.step() == Step::Done && flow.subject() == Some("child") {
                prop_assert!(c.guardian_verified, "a child's consent needs a verified guardian");
            }
            if let Some(r) = flow.receipt() {
                let v = verify_receipt(r, &p);
                prop_assert!(v.valid, "receipt does not verify: {:?}", v);
                prop_assert!(!r.to_string().contains("birthDate"));
                if flow.step() == Step::Done {
                    prop_assert_eq!(r["respondent"].as_str(), flow.respondent(), "the receipt names the respondent");
                }
                head = r["receiptDigest"].as_str().map(str::to_owned);
            }
        }
    }
}
