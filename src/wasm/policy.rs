//! The policy and minimizer face: JSON in, JSON out; every rule lives in `policy` and
//! `minimize`.

use serde_json::json;
use wasm_bindgen::prelude::*;

use super::convert::{self, js_error};
use crate::error::Error;
use std::cell::RefCell;
use std::collections::BTreeMap;

use crate::minimize::{
    consents_from_json, record_from_json, CivilDate, Done, FlatRecord, MinimizeOptions, Minimizer,
    Outcome, PurposeSet, Subject, Why,
};
use crate::policy::{check, describe, Policy};
use crate::taxonomy::Category;

/// `checkPolicy`: `{ ok, findings: [{ severity, code, path, message }] }`. A policy that does
/// not parse is reported as one `policy_invalid` error finding, so a linter can print it.
#[wasm_bindgen(js_name = checkPolicyJson)]
pub fn check_policy_json(policy_json: &str) -> String {
    let findings: Vec<serde_json::Value> = match Policy::from_json(policy_json) {
        Ok(policy) => check(&policy)
            .into_iter()
            .map(|f| json!({ "severity": f.severity.as_str(), "code": f.code, "path": f.path, "message": f.message }))
            .collect(),
        Err(e) => {
            let message = e.to_string();
            let path = e.path().unwrap_or("policy").to_owned();
            let message = message.strip_prefix(&format!("{path}: ")).unwrap_or(&message).to_owned();
            vec![json!({ "severity": "error", "code": e.code(), "path": path, "message": message })]
        }
    };
    let ok = !findings.iter().any(|f| f["severity"] == "error");
    json!({ "ok": ok, "findings": findings }).to_string()
}

/// `describePolicy`: the notice data map in `locale` (default `zh-CN`).
///
/// # Errors
/// `policy_invalid`; `invalid_argument` for a non-string locale.
#[wasm_bindgen(js_name = describePolicyJson)]
pub fn describe_policy_json(policy_json: &str, locale: JsValue) -> Result<String, JsValue> {
    let run = || -> Result<String, Error> {
        let locale = if locale.is_undefined() || locale.is_null() {
            "zh-CN".to_owned()
        } else {
            convert::string(&locale, "locale")?
        };
        let policy = Policy::from_json(policy_json)?;
        Ok(serde_json::to_string(&describe(&policy, &locale)).unwrap_or_default())
    };
    run().map_err(|e| js_error(&e))
}

/// A policy bound to a key (the npm package's `Minimizer` wraps it).
///
/// `minimize` answers in two parts, so that nothing is written as JSON and parsed again: the
/// decisions packed as numbers, and the values to send as one text (fetched with
/// [`WasmMinimizer::payload_text`]). Per field, in record order:
/// `[category, sensitivity, action, entry id, n, UTF-16 length × n]`, the indexes being into
/// `taxonomyJson()`'s arrays, `n` the number of values sent (0 when dropped, and 0 for `keep`,
/// whose values the package takes from the record as given), and the entry id naming the
/// report's `{ reason, purposes }` (interned per minimizer; [`WasmMinimizer::entry_json`]).
#[wasm_bindgen(js_name = MinformMinimizer)]
pub struct WasmMinimizer {
    inner: Minimizer,
    /// The values of the last `minimize`, concatenated.
    payload: RefCell<String>,
    /// Distinct report entries seen, by id.
    entries: RefCell<Interned>,
    /// Whose data the last `minimize` read the record as (`{ child, basis }`).
    subject: RefCell<Option<Subject>>,
}

#[derive(Default)]
struct Interned {
    ids: BTreeMap<(Why, Category, PurposeSet), u32>,
    keys: Vec<Outcome>,
}

#[wasm_bindgen(js_class = MinformMinimizer)]
impl WasmMinimizer {
    /// `new Minimizer(policy, { key })`.
    ///
    /// # Errors
    /// `policy_invalid` (with the path inside the policy), `policy_rejected`, `invalid_argument` /
    /// `key_too_short` (path `options.key`).
    #[wasm_bindgen(constructor)]
    pub fn new(policy_json: &str, options: JsValue) -> Result<WasmMinimizer, JsValue> {
        let run = || -> Result<WasmMinimizer, Error> {
            let policy = Policy::from_json(policy_json)?;
            let opts = convert::object(&options, "options")?;
            let key = convert::bytes(
                &convert::property(opts, "key", "options.key")?,
                "options.key",
            )?;
            let inner = Minimizer::new(policy, &key).map_err(|e| match e {
                Error::KeyTooShort { .. } => e.under("options"),
                e => e,
            })?;
            Ok(WasmMinimizer {
                inner,
                payload: RefCell::default(),
                entries: RefCell::default(),
                subject: RefCell::default(),
            })
        };
        run().map_err(|e| js_error(&e))
    }

    /// `minimize` of a record in the flat encoding of [`FlatRecord`] (the package's path for
    /// plain records); `expected` is the number of fields it encoded. `consents_json` is
    /// `JSON.stringify(options.consents)`; the date is the caller's today.
    ///
    /// # Errors
    /// `invalid_argument` (`record`, `options.subjectAge`, `options.consents…`);
    /// `consent_required`.
    #[wasm_bindgen(js_name = minimizeFlat)]
    #[allow(clippy::too_many_arguments)]
    pub fn minimize_flat(
        &self,
        flat: &str,
        expected: u32,
        subject_age: JsValue,
        subject: JsValue,
        consents_json: Option<String>,
        year: i32,
        month: u32,
        day: u32,
    ) -> Result<Vec<u32>, JsValue> {
        let run = || -> Result<Vec<u32>, Error> {
            let record = FlatRecord::parse_counted(flat, expected as usize)?;
            let options = read_options(subject_age, subject, consents_json, year, month, day)?;
            let mut fields = record.fields();
            self.run(&mut fields, &options)
        };
        run().map_err(|e| js_error(&e))
    }

    /// `minimize` of a record given as JSON (any record the flat encoding cannot carry; its
    /// parser reports the path of a bad part). Answers like [`WasmMinimizer::minimize_flat`].
    ///
    /// # Errors
    /// As [`WasmMinimizer::minimize_flat`].
    #[wasm_bindgen(js_name = minimizeJson)]
    #[allow(clippy::too_many_arguments)]
    pub fn minimize_json(
        &self,
        record_json: &str,
        subject_age: JsValue,
        subject: JsValue,
        consents_json: Option<String>,
        year: i32,
        month: u32,
        day: u32,
    ) -> Result<Vec<u32>, JsValue> {
        let run = || -> Result<Vec<u32>, Error> {
            let record = record_from_json(record_json)?;
            let options = read_options(subject_age, subject, consents_json, year, month, day)?;
            // Borrowed as the flat path is, so the minimizer is compiled once.
            let values: Vec<Vec<&str>> = record
                .fields
                .iter()
                .map(|(_, v)| v.iter().map(String::as_str).collect())
                .collect();
            let mut fields = record
                .fields
                .iter()
                .zip(&values)
                .map(|((k, _), v)| (k.as_str(), v.as_slice()));
            self.run(&mut fields, &options)
        };
        run().map_err(|e| js_error(&e))
    }

    /// The values sent by the last `minimize`, concatenated (taken: a second call is empty).
    #[wasm_bindgen(js_name = payloadText)]
    pub fn payload_text(&self) -> String {
        std::mem::take(&mut *self.payload.borrow_mut())
    }

    /// `{"reason": …, "reasonCode": …, "purposes": [...], "withheld"?: true}` of an entry id,
    /// or `undefined`. `withheld`: the field's name is itself personal data and is not echoed.
    #[wasm_bindgen(js_name = entryJson)]
    pub fn entry_json(&self, id: u32) -> Option<String> {
        let entries = self.entries.borrow();
        let outcome = entries.keys.get(id as usize)?;
        let purposes: Vec<&str> = self.inner.purpose_ids(outcome.purposes).collect();
        let mut entry = json!({
            "reason": self.inner.reason(outcome),
            "reasonCode": outcome.why.code(),
            "purposes": purposes,
        });
        if outcome.why == Why::NameIsPersonal {
            entry["withheld"] = true.into();
        }
        Some(entry.to_string())
    }

    /// `{"child": bool, "basis": code}` for the last `minimize`, or `undefined` before one.
    #[wasm_bindgen(js_name = subjectJson)]
    pub fn subject_json(&self) -> Option<String> {
        let subject = (*self.subject.borrow())?;
        Some(json!({ "child": subject.child, "basis": subject.basis.code() }).to_string())
    }
}

impl WasmMinimizer {
    /// Minimizes and packs; on any error nothing is packed and the payload text is empty.
    fn run<'r>(
        &self,
        record: &mut dyn Iterator<Item = (&'r str, &'r [&'r str])>,
        options: &MinimizeOptions,
    ) -> Result<Vec<u32>, Error> {
        let mut packed = Vec::new();
        let mut payload = self.payload.borrow_mut();
        let mut entries = self.entries.borrow_mut();
        payload.clear();
        let result = self
            .inner
            .minimize_each(record, options, |_, outcome, sent, redacted| {
                let key = (outcome.why, outcome.category, outcome.purposes);
                let next = entries.keys.len() as u32;
                let id = *entries.ids.entry(key).or_insert(next);
                if id == next {
                    entries.keys.push(outcome);
                }
                let sent = if outcome.action == Done::Keep {
                    &[][..]
                } else {
                    sent
                };
                packed.extend([
                    outcome.category as u32,
                    outcome.sensitivity as u32,
                    outcome.action as u32,
                    id,
                    sent.len() as u32,
                ]);
                for value in sent {
                    packed.push(value.encode_utf16().count() as u32);
                    payload.push_str(value);
                }
                if outcome.action == Done::Redact {
                    packed.push(redacted.len() as u32);
                    for &(category, count) in redacted {
                        packed.extend([category as u32, count]);
                    }
                }
            });
        match result {
            Ok(subject) => *self.subject.borrow_mut() = Some(subject),
            Err(e) => {
                payload.clear();
                *self.subject.borrow_mut() = None;
                return Err(match e {
                    Error::InvalidArgument { .. } | Error::ConsentRequired { .. } => {
                        e.under("options")
                    }
                    e => e,
                });
            }
        }
        Ok(packed)
    }
}

/// `{ subjectAge?, consents? }` as read by the package, with today's date.
fn read_options(
    subject_age: JsValue,
    subject: JsValue,
    consents_json: Option<String>,
    year: i32,
    month: u32,
    day: u32,
) -> Result<MinimizeOptions, Error> {
    let subject_child = match subject.as_string().as_deref() {
        _ if subject.is_undefined() || subject.is_null() => None,
        Some("child") => Some(true),
        Some("adult") => Some(false),
        _ => {
            return Err(Error::InvalidArgument {
                path: "options.subject".into(),
                expected: "\"child\" or \"adult\" (ConsentFlow.subject())".into(),
            })
        }
    };
    let subject_age = if subject_age.is_undefined() || subject_age.is_null() {
        None
    } else {
        Some(subject_age.as_f64().ok_or_else(|| Error::InvalidArgument {
            path: "options.subjectAge".into(),
            expected: "a number of years".into(),
        })?)
    };
    let consents = consents_json
        .as_deref()
        .map(consents_from_json)
        .transpose()
        .map_err(|e| e.under("options"))?;
    Ok(MinimizeOptions {
        subject_age,
        consents,
        today: CivilDate { year, month, day },
        subject_child,
    })
}
