//! The age-appropriate consent flow, as a headless state machine: the web renderer
//! (`src/web/consent.rs`) and mini-program adapters draw the same [`View`]s and send the same
//! [`FlowAction`]s, so the rules live here once.
//!
//! ```text
//!  whose ─▶ age_gate ─ child ─▶ child_notice ─▶ guardian_notice ─▶ guardian_verify ─▶ consent ─▶ done
//!  (children,    │  └ child, a guardian answering ───▲                                  ▲        │ withdraw
//!   mixed)       └── adult ─▶ adult_notice ───────────────────────────────────────────┘        ▼
//!                                 └────── decline (any notice, verify, consent) ──▶ declined
//! ```
//!
//! Rules, with their sources (see `../shared/PRODUCT.md`):
//! - **Whose data** (policies whose audience is `children` or `mixed`): most children's forms
//!   are filled in by a parent, so the flow first asks who the form is about — the person
//!   answering, or a child in their care — with no default and no hint of what either answer
//!   leads to, and then the birth date *of that person*. The answer is sticky like the age
//!   gate's. A guardian answering for a child below the threshold reads the guardian notice
//!   first (the child's version is one action away), then verifies; where the child consents
//!   jointly, the child notice still comes first, for the child. Receipts record the
//!   respondent (`self` or `guardian`). Policies for a `general` audience ask only the date.
//! - **Neutral age gate** (FTC COPPA FAQ H.3): free entry of a birth date (year and month are
//!   enough), no default, no text that reveals the threshold; the answer is sticky — once given,
//!   the gate does not take another (back button, reload with the same storage) until a guardian
//!   resets it. Only the age band and the outcome are kept, never the date.
//! - **Below the threshold** of the jurisdiction (`jurisdictions.tsv`): a child notice for the
//!   child's age band, then the guardian notice (CAC 2019 Art. 10, PIPL Art. 17), then guardian
//!   verification by the integrator's method (PIPL Art. 31; COPPA 16 CFR 312.5(b)), then
//!   per-purpose consent and a separate item per sensitive category (PIPL Art. 29). Where the
//!   child consents jointly (Vietnam from 7, France), the child notice asks the child too.
//! - **At or above it**: the adult notice and the same consents.
//! - Commercial purposes are never offered for a child; under Global Privacy Control,
//!   advertising and profiling are not offered to anyone and stay refused.
//! - Withdrawal at any time, per purpose; a new notice (another digest) asks again.
//! - Every grant and withdrawal produces a receipt ([`receipt`]) chained to the previous one.
#![forbid(unsafe_code)]

mod age;
mod flow;
mod notice;
pub mod receipt;

use serde::{Deserialize, Serialize};

pub use age::{AgeBand, BirthDate};
pub use flow::{ConsentFlow, Consents, FlowAction, FlowOptions, STATE_VERSION};
pub use receipt::{verify_receipt, verify_receipts, Verification};

/// The steps of the flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Asks who the form is about: the person answering or a child in their care.
    Whose,
    /// Asks for a birth date.
    #[default]
    AgeGate,
    /// The notice written for the child.
    ChildNotice,
    /// The notice for the child's parent or guardian.
    GuardianNotice,
    /// Waits for the integrator to verify the guardian.
    GuardianVerify,
    /// The notice for an adult.
    AdultNotice,
    /// Per-purpose and per-sensitive-category choices.
    Consent,
    /// Consent given (some purposes may have been refused or withdrawn).
    Done,
    /// Consent refused: nothing is collected.
    Declined,
}

impl Step {
    /// The contract name (`age_gate`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Whose => "whose",
            Step::AgeGate => "age_gate",
            Step::ChildNotice => "child_notice",
            Step::GuardianNotice => "guardian_notice",
            Step::GuardianVerify => "guardian_verify",
            Step::AdultNotice => "adult_notice",
            Step::Consent => "consent",
            Step::Done => "done",
            Step::Declined => "declined",
        }
    }
}

/// Who is answering, as the `whose` step found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Respondent {
    /// The person the form is about (`self`).
    #[serde(rename = "self")]
    Subject,
    /// A parent or guardian answering for a child in their care (`guardian`).
    #[serde(rename = "guardian")]
    Guardian,
}

impl Respondent {
    /// The contract name: `self` or `guardian`.
    pub fn as_str(self) -> &'static str {
        match self {
            Respondent::Subject => "self",
            Respondent::Guardian => "guardian",
        }
    }

    /// The respondent named `self` or `guardian`.
    pub fn parse(s: &str) -> Option<Respondent> {
        match s {
            "self" => Some(Respondent::Subject),
            "guardian" => Some(Respondent::Guardian),
            _ => None,
        }
    }
}

/// Whom a screen's text is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reader {
    /// Anyone: the `whose` step and the age gate, before the age is known.
    Anyone,
    /// The child.
    Child,
    /// The child's parent or guardian.
    Guardian,
    /// An adult (or a young person at or above the threshold).
    Adult,
}

/// A screen: what to show and what can be done. Renderers draw it as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct View {
    /// The step.
    pub step: Step,
    /// Whom the text is written for.
    pub audience: Reader,
    /// The subject's age band, once known (`10-12`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_band: Option<&'static str>,
    /// The language of the text (BCP 47; the renderer sets `lang`).
    pub lang: &'static str,
    /// The heading.
    pub title: String,
    /// The text, one paragraph each.
    pub paragraphs: Vec<String>,
    /// The consent items (empty outside `consent` and `done`).
    pub choices: Vec<Choice>,
    /// The buttons, in order; the first is the main one.
    pub actions: Vec<ActionButton>,
    /// The birth-date entry of the age gate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<DateInput>,
    /// The answers of the `whose` step, none chosen: the one chosen is sent as the action's
    /// `respondent` (`{ type: "respondent", respondent: "guardian" }`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<AnswerOption>,
    /// Messages a renderer shows for an error of this step, by error code (`invalid_argument`
    /// on the age gate; `verification_failed` / `verification_unavailable` while verifying;
    /// `error` for anything else).
    pub errors: std::collections::BTreeMap<&'static str, String>,
    /// The label of a button that closes a renderer's dialog (on `done` and `declined`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dismiss: Option<String>,
}

/// What a consent item is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChoiceKind {
    /// A purpose (its id is the purpose id).
    Purpose,
    /// A sensitive category (its id is the category id).
    Sensitive,
}

/// One consent item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    /// Purpose or category id.
    pub id: String,
    /// Purpose or sensitive category.
    pub kind: ChoiceKind,
    /// The label to show.
    pub label: String,
    /// The service needs it: shown ticked and fixed; the alternative is to decline.
    pub required: bool,
    /// Ticked initially (only required items are; nothing optional is ticked for the user).
    pub checked: bool,
    /// What it is needed for and what refusing means (sensitive categories on `consent`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// One answer of a single-choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerOption {
    /// The value to send (`self`, `guardian`).
    pub value: &'static str,
    /// The label.
    pub label: String,
}

/// A button: the action `type` it dispatches and its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionButton {
    /// The action type (`continue`, `grant`, …).
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The label.
    pub label: String,
}

/// The labels of the age gate's entry: year, month (with the month names) and optional day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DateInput {
    /// Label of the year.
    pub year: String,
    /// Label of the month.
    pub month: String,
    /// Label of the (optional) day.
    pub day: String,
    /// Month names, January first.
    pub months: Vec<String>,
    /// The empty first option of a select ("Choose"): there is no default.
    pub choose: String,
}
