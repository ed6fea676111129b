//! The consent flow's face: the npm package's `ConsentFlow` keeps the storage adapter and the
//! clock in JavaScript and hands this struct what it reads (stored state, the chain head, the
//! time); every rule is in `crate::consent`.

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::convert::js_error;
use crate::consent::{verify_receipt, verify_receipts, ConsentFlow, FlowAction, FlowOptions};
use crate::error::Error;
use crate::minimize::CivilDate;
use crate::policy::Policy;

/// `{ jurisdiction?, locale?, today, gpc? }` as the package passes them (storage stays in JS).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawOptions {
    #[serde(default)]
    jurisdiction: Option<String>,
    #[serde(default)]
    locale: Option<String>,
    today: String,
    #[serde(default)]
    gpc: Option<bool>,
}

/// A flow (the npm package's `ConsentFlow` wraps it).
#[wasm_bindgen(js_name = MinformConsentFlow)]
pub struct WasmConsentFlow {
    inner: ConsentFlow,
}

#[wasm_bindgen(js_class = MinformConsentFlow)]
impl WasmConsentFlow {
    /// `options_json`: `{ jurisdiction?, locale?, today: "YYYY-MM-DD", gpc? }`; `stored`: the
    /// state kept by the storage adapter; `principal`: the pseudonymous id; `now`: ISO time.
    ///
    /// # Errors
    /// `policy_invalid`; `invalid_argument` / `unknown_jurisdiction` with paths under `options`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        policy_json: &str,
        options_json: &str,
        stored: Option<String>,
        principal: &str,
        now: &str,
    ) -> Result<WasmConsentFlow, JsValue> {
        let run = || -> Result<WasmConsentFlow, Error> {
            let policy = Policy::from_json(policy_json)?;
            let mut de = serde_json::Deserializer::from_str(options_json);
            let raw: RawOptions = serde_path_to_error::deserialize(&mut de)
                .map_err(|e| crate::classify::json::located(e, "options"))?;
            let today = CivilDate::parse(&raw.today)
                .filter(|_| raw.today.len() == 10)
                .ok_or_else(|| Error::InvalidArgument {
                    path: "options.today".into(),
                    expected: "an ISO date, YYYY-MM-DD".into(),
                })?;
            let options = FlowOptions {
                jurisdiction: raw.jurisdiction,
                locale: raw.locale,
                today,
                gpc: raw.gpc.unwrap_or(false),
            };
            let inner = ConsentFlow::new(policy, &options, stored.as_deref(), principal, now)?;
            Ok(WasmConsentFlow { inner })
        };
        run().map_err(|e| js_error(&e))
    }

    /// The current view as JSON.
    #[wasm_bindgen(js_name = viewJson)]
    pub fn view_json(&self) -> String {
        serde_json::to_string(&self.inner.view()).unwrap_or_default()
    }

    /// Applies an action (JSON) at `now`, linking a new receipt to `chain_head`.
    ///
    /// # Errors
    /// `invalid_action`, `invalid_argument`, `consent_required`; the flow is then unchanged.
    #[wasm_bindgen(js_name = dispatchJson)]
    pub fn dispatch_json(
        &mut self,
        action_json: &str,
        now: &str,
        chain_head: Option<String>,
    ) -> Result<(), JsValue> {
        FlowAction::from_json(action_json)
            .and_then(|a| self.inner.dispatch(a, now, chain_head.as_deref()))
            .map_err(|e| js_error(&e))
    }

    /// `{ purposes, sensitiveCategories, guardianVerified }` as JSON.
    #[wasm_bindgen(js_name = consentsJson)]
    pub fn consents_json(&self) -> String {
        serde_json::to_string(&self.inner.consents()).unwrap_or_default()
    }

    /// The latest receipt as JSON, or `undefined`.
    #[wasm_bindgen(js_name = receiptJson)]
    pub fn receipt_json(&self) -> Option<String> {
        self.inner.receipt().map(|r| r.to_string())
    }

    /// `child` or `adult` once the age gate is answered, else `undefined`.
    pub fn subject(&self) -> Option<String> {
        self.inner.subject().map(str::to_owned)
    }

    /// `self` or `guardian` once known (the `whose` step, or the age gate of a policy for a
    /// general audience), else `undefined`.
    pub fn respondent(&self) -> Option<String> {
        self.inner.respondent().map(str::to_owned)
    }

    /// The state to keep.
    #[wasm_bindgen(js_name = stateJson)]
    pub fn state_json(&self) -> String {
        self.inner.state_json()
    }
}

/// `verifyReceipt(receipt | receipts[], policy)` → `{ valid, reason?, index? }` as JSON.
///
/// # Errors
/// `policy_invalid`; `invalid_argument` (path `receipt`) if the receipt is not JSON.
#[wasm_bindgen(js_name = verifyReceiptJson)]
pub fn verify_receipt_json(receipt_json: &str, policy_json: &str) -> Result<String, JsValue> {
    let run = || -> Result<String, Error> {
        let policy = Policy::from_json(policy_json)?;
        let receipt: serde_json::Value =
            serde_json::from_str(receipt_json).map_err(|_| Error::InvalidArgument {
                path: "receipt".into(),
                expected: "a receipt object, or an array of them oldest first".into(),
            })?;
        let v = match &receipt {
            serde_json::Value::Array(chain) => verify_receipts(chain, &policy),
            one => verify_receipt(one, &policy),
        };
        Ok(serde_json::to_string(&v).unwrap_or_default())
    };
    run().map_err(|e| js_error(&e))
}
