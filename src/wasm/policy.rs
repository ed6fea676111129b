//! The policy and minimizer face: JSON in, JSON out; every rule lives in `policy` and
//! `minimize`.

use serde_json::json;
use wasm_bindgen::prelude::*;

use super::convert::{self, js_error};
use crate::error::Error;
use crate::minimize::{
    consents_from_json, record_from_json, CivilDate, MinimizeOptions, Minimizer,
};
use crate::policy::{check, describe, Policy};

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
#[wasm_bindgen(js_name = MinformMinimizer)]
pub struct WasmMinimizer {
    inner: Minimizer,
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
            Ok(WasmMinimizer { inner })
        };
        run().map_err(|e| js_error(&e))
    }

    /// `minimize(record, { subjectAge?, consents? })` with `record` and `consents` as JSON and
    /// today's date from the caller's clock. Returns `{ payload, report }` as JSON.
    ///
    /// # Errors
    /// `invalid_argument` with paths under `record`, `options.subjectAge`, `options.consents`;
    /// `consent_required`.
    pub fn minimize(
        &self,
        record_json: &str,
        subject_age: JsValue,
        consents_json: Option<String>,
        year: i32,
        month: u32,
        day: u32,
    ) -> Result<String, JsValue> {
        let run = || -> Result<String, Error> {
            let record = record_from_json(record_json)?;
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
            let options = MinimizeOptions {
                subject_age,
                consents,
                today: CivilDate { year, month, day },
            };
            let out = self
                .inner
                .minimize(&record.fields, &options)
                .map_err(|e| match e {
                    Error::InvalidArgument { .. } | Error::ConsentRequired { .. } => {
                        e.under("options")
                    }
                    e => e,
                })?;
            Ok(serde_json::to_string(&Output {
                record: &record,
                out: &out,
            })
            .unwrap_or_default())
        };
        run().map_err(|e| js_error(&e))
    }
}

/// `{ payload, report }` written straight to JSON (no intermediate value tree): payload
/// entries in record order, a scalar where the record had one, an array where it had an array.
struct Output<'a> {
    record: &'a crate::minimize::Record,
    out: &'a crate::minimize::Minimized,
}

impl serde::Serialize for Output<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Payload<'a>(&'a Output<'a>);
        impl serde::Serialize for Payload<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(Some(self.0.out.payload.len()))?;
                for (name, values) in &self.0.out.payload {
                    let list = self
                        .0
                        .record
                        .fields
                        .iter()
                        .position(|(k, _)| k == name)
                        .is_some_and(|i| self.0.record.lists[i]);
                    match values.as_slice() {
                        [one] if !list => map.serialize_entry(name, one)?,
                        _ => map.serialize_entry(name, values)?,
                    }
                }
                map.end()
            }
        }
        struct Entry<'a>(&'a crate::minimize::ReportEntry);
        impl serde::Serialize for Entry<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let r = self.0;
                let mut map = s.serialize_map(Some(6))?;
                map.serialize_entry("field", &r.field)?;
                map.serialize_entry("category", r.category.id())?;
                map.serialize_entry("sensitivity", r.sensitivity.as_str())?;
                map.serialize_entry("action", r.action.as_str())?;
                map.serialize_entry("purposes", &r.purposes)?;
                map.serialize_entry("reason", &r.reason)?;
                map.end()
            }
        }
        let report: Vec<Entry<'_>> = self.out.report.iter().map(Entry).collect();
        let mut map = s.serialize_map(Some(2))?;
        map.serialize_entry("payload", &Payload(self))?;
        map.serialize_entry("report", &report)?;
        map.end()
    }
}
