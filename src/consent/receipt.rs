//! Consent receipts: a record of one consent, shaped after ISO/IEC TS 27560:2023 (consent
//! record information structure) and the Kantara Initiative Consent Receipt Specification v1.1,
//! that the integrator keeps and the guardian can be given.
//!
//! A receipt names the pseudonymous principal, the policy (id and version), the notice (its
//! language, audience and the BLAKE3 digest of the exact text shown — and of the child notice
//! for a child), the jurisdiction, the age band (never the birth date), who answered
//! (`respondent`: `self`, or `guardian` for a parent filling in for a child), how the guardian was
//! verified, the purposes granted with their retention, the sensitive categories, the
//! controller's contact, how to withdraw, the events with their times, and the digest of the
//! previous receipt in the same storage. Its own digest (`receiptDigest`) is BLAKE3 over its
//! canonical JSON (keys sorted, no spaces) without that member, so an edit is detected, and
//! the chain of `previousReceiptDigest`s makes a removed or edited receipt in a sequence
//! evident. Receipts are not signed: anyone who can rewrite the whole chain can forge it; keep
//! the chain head server-side if that matters.

use serde::Serialize;
use serde_json::{json, Value};

use super::flow::{child_notice_text, receipt_notice_digest, ConsentFlow, State};
use super::notice::Notices;
use super::{AgeBand, Reader, Respondent};
use crate::policy::Policy;

/// The `schemaVersion` of receipts this crate writes and reads.
pub const SCHEMA: &str = "minform-consent-receipt/1";

/// The result of checking a receipt (or a chain).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verification {
    /// Whether it holds.
    pub valid: bool,
    /// Why not: `malformed`, `unsupported_schema`, `digest_mismatch` (edited),
    /// `policy_mismatch` (another policy or version), `notice_changed` (the policy's notice
    /// text is no longer the one consented to), `chain_broken` (a link does not match).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
    /// In a chain, the position of the first receipt that fails.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
}

impl Verification {
    fn ok() -> Verification {
        Verification {
            valid: true,
            reason: None,
            index: None,
        }
    }

    fn fail(reason: &'static str) -> Verification {
        Verification {
            valid: false,
            reason: Some(reason),
            index: None,
        }
    }
}

/// The receipt for `state` (the flow's next state) at `now`, linked to `previous`.
pub(crate) fn build(flow: &ConsentFlow, state: &State, now: &str, previous: Option<&str>) -> Value {
    let policy = &flow.policy;
    let child = state.age.as_ref().is_some_and(|a| a.child);
    let notices = Notices::new(policy, flow.locale, flow.jurisdiction, child, flow.gpc);
    let purposes: Vec<Value> = notices
        .purposes()
        .filter(|(id, _)| state.granted.iter().any(|g| g == id))
        .map(|(id, p)| {
            json!({
                "id": id,
                "kind": p.kind.as_str(),
                "required": p.required,
                "retention": p.retention,
                "granted": true,
            })
        })
        .collect();
    let age_band = state.age.as_ref().map(|a| a.band.clone());
    let id_input = format!(
        "{}\0{now}\0{}\0{}",
        flow.principal,
        previous.unwrap_or(""),
        state.events.len()
    );
    let mut receipt = json!({
        "schemaVersion": SCHEMA,
        "conformsTo": ["ISO/IEC TS 27560:2023", "Kantara Initiative Consent Receipt Specification v1.1"],
        "receiptId": blake3::hash(id_input.as_bytes()).to_hex()[..32].to_string(),
        "timestamp": now,
        "piiPrincipalId": flow.principal,
        "controller": { "name": policy.controller.name, "contact": policy.controller.contact },
        "policy": { "id": policy.id, "version": policy.version },
        "notice": state.notice,
        "jurisdiction": flow.jurisdiction.code,
        "ageBand": age_band,
        "respondent": state.respondent.map(Respondent::as_str),
        "gpc": flow.gpc,
        "guardianVerification": state.guardian_method.as_ref().map(|m| json!({ "method": m })),
        "purposes": purposes,
        "sensitiveCategories": state.sensitive,
        "withdrawalMethod": notices.withdrawal(),
        "events": state.events,
        "previousReceiptDigest": previous,
    });
    if let (Some(record), Value::Object(map)) = (&state.child_notice, &mut receipt) {
        let joint = state.age.as_ref().is_some_and(|a| a.joint);
        map.insert(
            "childNotice".into(),
            json!({ "language": record.language, "ageBand": age_band, "joint": joint, "digest": record.digest }),
        );
        if joint {
            map.insert("childConsent".into(), Value::Bool(state.child_agreed));
        }
    }
    let digest = digest(&receipt);
    if let Value::Object(map) = &mut receipt {
        map.insert("receiptDigest".into(), Value::String(digest));
    }
    receipt
}

/// BLAKE3 (hex) over the canonical JSON of `receipt` without its `receiptDigest`.
pub fn digest(receipt: &Value) -> String {
    let mut text = String::new();
    match receipt {
        Value::Object(map) => {
            let mut without = map.clone();
            without.remove("receiptDigest");
            canonical(&Value::Object(without), &mut text);
        }
        other => canonical(other, &mut text),
    }
    blake3::hash(text.as_bytes()).to_hex().to_string()
}

/// JSON with object keys sorted (whatever map order the parser kept) and no insignificant
/// whitespace.
fn canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(map) => {
            // A BTreeMap orders by UTF-8 bytes, which is UTF-16 order except between
            // supplementary-plane and U+E000–U+FFFF characters; receipt keys are ASCII.
            // (Inserted one by one: `collect` would compile in a sort.)
            let mut keys = std::collections::BTreeSet::new();
            for k in map.keys() {
                keys.insert(k);
            }
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                canonical(&map[k], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Checks one receipt against `policy`: its own digest, the policy id and version, and that
/// the policy's notice is still the text consented to.
pub fn verify_receipt(receipt: &Value, policy: &Policy) -> Verification {
    let Some(map) = receipt.as_object() else {
        return Verification::fail("malformed");
    };
    let s = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
    if s(map.get("schemaVersion")).as_deref() != Some(SCHEMA) {
        return Verification::fail(if map.contains_key("schemaVersion") {
            "unsupported_schema"
        } else {
            "malformed"
        });
    }
    let Some(claimed) = s(map.get("receiptDigest")) else {
        return Verification::fail("malformed");
    };
    if claimed != digest(receipt) {
        return Verification::fail("digest_mismatch");
    }
    let pol = map.get("policy");
    if s(pol.and_then(|p| p.get("id"))).as_deref() != Some(policy.id.as_str())
        || s(pol.and_then(|p| p.get("version"))).as_deref() != Some(policy.version.as_str())
    {
        return Verification::fail("policy_mismatch");
    }
    let notice = map.get("notice");
    let (Some(language), Some(jurisdiction), Some(digest)) = (
        s(notice.and_then(|n| n.get("language"))),
        s(map.get("jurisdiction")),
        s(notice.and_then(|n| n.get("digest"))),
    ) else {
        return Verification::fail("malformed");
    };
    let audience: Option<Reader> = notice
        .and_then(|n| n.get("audience"))
        .and_then(|a| serde_json::from_value(a.clone()).ok());
    let gpc = map.get("gpc").and_then(Value::as_bool).unwrap_or(false);
    let Some(audience) = audience else {
        return Verification::fail("malformed");
    };
    // Receipts of version-1 flows have no respondent; any other value is not one this crate
    // writes.
    match map.get("respondent") {
        None | Some(Value::Null) => {}
        Some(r) if r.as_str().and_then(Respondent::parse).is_some() => {}
        Some(_) => return Verification::fail("malformed"),
    }
    if receipt_notice_digest(policy, &language, &jurisdiction, audience, gpc).as_deref()
        != Some(digest.as_str())
    {
        return Verification::fail("notice_changed");
    }
    if let Some(child) = map.get("childNotice") {
        let band = s(child.get("ageBand")).and_then(|b| AgeBand::parse(&b));
        let joint = child.get("joint").and_then(Value::as_bool).unwrap_or(false);
        let shown = s(child.get("digest"));
        let current = crate::locale::get(&language, "language")
            .ok()
            .zip(crate::jurisdiction::lookup(&jurisdiction, "jurisdiction").ok())
            .map(|(l, j)| {
                let notices = Notices::new(policy, l, j, true, gpc);
                child_notice_text(&notices, band, joint).digest()
            });
        if current.is_none() || current != shown {
            return Verification::fail("notice_changed");
        }
    }
    Verification::ok()
}

/// Checks a chain of receipts, oldest first: each receipt, and that each links to the digest
/// of the one before it. (A chain cut at its start still verifies: keep the first digest, or
/// the head, where the page cannot rewrite it if that matters.)
pub fn verify_receipts(chain: &[Value], policy: &Policy) -> Verification {
    if chain.is_empty() {
        return Verification::fail("malformed"); // nothing to vouch for
    }
    for (i, receipt) in chain.iter().enumerate() {
        let mut v = verify_receipt(receipt, policy);
        if v.valid && i > 0 {
            let link = receipt.get("previousReceiptDigest").and_then(Value::as_str);
            let before = chain[i - 1].get("receiptDigest").and_then(Value::as_str);
            if link.is_none() || link != before {
                v = Verification::fail("chain_broken");
            }
        }
        if !v.valid {
            v.index = Some(i);
            return v;
        }
    }
    Verification::ok()
}
