//! The state machine: one [`State`] (serializable, so a storage adapter can keep it across
//! reloads), one [`FlowAction`] at a time, and a [`View`] of the current step.

use serde::{Deserialize, Serialize};

use super::age::{AgeBand, BirthDate};
use super::notice::{offered, sentence_case, Notices, Text};
use super::{
    ActionButton, AnswerOption, Choice, ChoiceKind, DateInput, Reader, Respondent, Step, View,
};
use crate::error::Error;
use crate::jurisdiction::{self, Jurisdiction};
use crate::locale::{self, Locale};
use crate::minimize::CivilDate;
use crate::policy::{Audience, Policy};
use crate::taxonomy::Category;

/// The version of the stored state. Version 2 added the respondent (the `whose` step); a
/// version-1 state is read as answered by the subject themselves (what its age gate asked), so
/// its answer stays sticky. A state of any other version is not read: the flow starts again.
pub const STATE_VERSION: u32 = 2;

/// How a flow is set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowOptions {
    /// The jurisdiction whose threshold applies (default: the policy's).
    pub jurisdiction: Option<String>,
    /// The language of the texts (default `zh-CN`).
    pub locale: Option<String>,
    /// Today, for the age.
    pub today: CivilDate,
    /// Global Privacy Control is on: advertising and profiling are not offered.
    pub gpc: bool,
}

/// What the flow produced, for `Minimizer::minimize` (`{ purposes, sensitiveCategories,
/// guardianVerified }`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Consents {
    /// Granted, not withdrawn, purposes.
    pub purposes: Vec<String>,
    /// Sensitive categories consented to separately.
    pub sensitive_categories: Vec<String>,
    /// The guardian was verified (child subjects only).
    pub guardian_verified: bool,
}

/// An action, as `dispatch` takes it (`{ "type": "age", "birthDate": "2014-05" }`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlowAction {
    /// The `whose` step's answer: who is filling in the form.
    Respondent {
        /// The person the form is about, or their guardian.
        respondent: Respondent,
    },
    /// The age gate's answer.
    Age {
        /// `YYYY-MM` or `YYYY-MM-DD`.
        birth_date: String,
    },
    /// Next (from a notice).
    Continue,
    /// The integrator verified the guardian, with this method (`sms`, `payment`, `id_check`…).
    GuardianVerified {
        /// How.
        method: String,
    },
    /// Consent to these purposes and sensitive categories.
    Grant {
        /// Purpose ids.
        purposes: Vec<String>,
        /// Sensitive category ids.
        sensitive_categories: Vec<String>,
    },
    /// Refuse.
    Decline,
    /// Withdraw consent to these purposes (and sensitive categories).
    Withdraw {
        /// Purpose ids.
        purposes: Vec<String>,
        /// Sensitive category ids.
        sensitive_categories: Vec<String>,
    },
    /// Show the text written for the other audience (and back).
    OtherAudience,
    /// A verified guardian starts the flow again, its questions (`whose`, age) included.
    Reset {
        /// How the guardian was verified.
        method: String,
    },
}

impl FlowAction {
    /// The `type` of the action.
    pub fn kind(&self) -> &'static str {
        match self {
            FlowAction::Respondent { .. } => "respondent",
            FlowAction::Age { .. } => "age",
            FlowAction::Continue => "continue",
            FlowAction::GuardianVerified { .. } => "guardian_verified",
            FlowAction::Grant { .. } => "grant",
            FlowAction::Decline => "decline",
            FlowAction::Withdraw { .. } => "withdraw",
            FlowAction::OtherAudience => "other_audience",
            FlowAction::Reset { .. } => "reset",
        }
    }

    /// Reads an action from JSON (`respondent`, `birthDate`, `method`, `purposes`,
    /// `sensitiveCategories` as the contract names them; members another type does not use are ignored).
    ///
    /// # Errors
    /// `invalid_argument` with the path under `action`.
    pub fn from_json(json: &str) -> Result<FlowAction, Error> {
        use serde_json::Value;
        let bad = |path: String, expected: &'static str| Error::InvalidArgument {
            path,
            expected: expected.into(),
        };
        let value: Value = serde_json::from_str(json)
            .map_err(|_| bad("action".into(), "an object { type, … }"))?;
        let obj = value
            .as_object()
            .ok_or_else(|| bad("action".into(), "an object { type, … }"))?;
        let string = |key: &str| {
            obj.get(key)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| bad(format!("action.{key}"), "a string"))
        };
        let list = |key: &str| -> Result<Vec<String>, Error> {
            match obj.get(key) {
                None | Some(Value::Null) => Ok(Vec::new()),
                Some(Value::Array(items)) => items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| {
                        x.as_str()
                            .map(str::to_owned)
                            .ok_or_else(|| bad(format!("action.{key}[{i}]"), "a string"))
                    })
                    .collect(),
                Some(_) => Err(bad(format!("action.{key}"), "an array of strings")),
            }
        };
        Ok(match obj.get("type").and_then(Value::as_str) {
            Some("respondent") => FlowAction::Respondent {
                respondent: obj
                    .get("respondent")
                    .and_then(Value::as_str)
                    .and_then(Respondent::parse)
                    .ok_or_else(|| bad("action.respondent".into(), "\"self\" or \"guardian\""))?,
            },
            Some("age") => FlowAction::Age {
                birth_date: string("birthDate")?,
            },
            Some("continue") => FlowAction::Continue,
            Some("guardian_verified") => FlowAction::GuardianVerified {
                method: string("method")?,
            },
            Some("grant") => FlowAction::Grant {
                purposes: list("purposes")?,
                sensitive_categories: list("sensitiveCategories")?,
            },
            Some("decline") => FlowAction::Decline,
            Some("withdraw") => FlowAction::Withdraw {
                purposes: list("purposes")?,
                sensitive_categories: list("sensitiveCategories")?,
            },
            Some("other_audience") => FlowAction::OtherAudience,
            Some("reset") => FlowAction::Reset {
                method: string("method")?,
            },
            _ => {
                return Err(bad(
                    "action.type".into(),
                    "one of respondent, age, continue, guardian_verified, grant, decline, withdraw, other_audience, reset",
                ))
            }
        })
    }
}

/// The age gate's outcome. The birth date itself is not kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AgeAnswer {
    pub(crate) band: String,
    pub(crate) child: bool,
    /// The child consents too (jointly with the guardian).
    pub(crate) joint: bool,
    /// The jurisdiction the outcome was decided under.
    #[serde(default)]
    pub(crate) jurisdiction: String,
}

/// A notice as shown: language, audience and the BLAKE3 digest of its exact text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct NoticeRecord {
    pub(crate) language: String,
    pub(crate) audience: Reader,
    pub(crate) digest: String,
}

/// Something that happened, with the caller's time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Event {
    #[serde(rename = "type")]
    pub(crate) kind: String,
    pub(crate) time: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) age_band: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) method: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) respondent: Option<Respondent>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) purposes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) sensitive_categories: Vec<String>,
}

impl Event {
    fn new(kind: &str, time: &str) -> Event {
        Event {
            kind: kind.into(),
            time: time.into(),
            age_band: None,
            method: None,
            respondent: None,
            purposes: Vec::new(),
            sensitive_categories: Vec::new(),
        }
    }
}

/// Everything the flow remembers (what a storage adapter keeps).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct State {
    pub(crate) version: u32,
    pub(crate) step: Step,
    /// Who answers (the `whose` step, or `self` where the age gate asked about oneself).
    #[serde(default)]
    pub(crate) respondent: Option<Respondent>,
    pub(crate) age: Option<AgeAnswer>,
    /// The notice consent is based on (guardian or adult), once read.
    pub(crate) notice: Option<NoticeRecord>,
    /// The policy version that notice was read under.
    #[serde(default)]
    pub(crate) policy_version: Option<String>,
    /// The child notice, once read (child subjects).
    pub(crate) child_notice: Option<NoticeRecord>,
    pub(crate) guardian_method: Option<String>,
    pub(crate) child_agreed: bool,
    pub(crate) granted: Vec<String>,
    pub(crate) sensitive: Vec<String>,
    pub(crate) events: Vec<Event>,
    /// The latest receipt.
    pub(crate) receipt: Option<serde_json::Value>,
}

/// A consent flow for one policy and subject.
#[derive(Debug)]
pub struct ConsentFlow {
    pub(crate) policy: Policy,
    pub(crate) jurisdiction: &'static Jurisdiction,
    pub(crate) locale: &'static Locale,
    today: CivilDate,
    pub(crate) gpc: bool,
    pub(crate) principal: String,
    pub(crate) state: State,
    /// Showing the text written for the other audience (not kept: a reload shows one's own).
    other: bool,
}

impl ConsentFlow {
    /// A flow for `policy`, resumed from `stored` (the JSON of [`ConsentFlow::state_json`]) if
    /// given and readable. `principal` is the pseudonymous id receipts name; `now` the time
    /// events are recorded at if the stored consent no longer matches the policy's notice.
    ///
    /// # Errors
    /// `policy_rejected` when [`crate::policy::check`] finds errors (no notice is shown for a
    /// policy that may not be used); `unknown_jurisdiction` (`options.jurisdiction`);
    /// `invalid_argument` (`options.locale`).
    pub fn new(
        policy: Policy,
        options: &FlowOptions,
        stored: Option<&str>,
        principal: &str,
        now: &str,
    ) -> Result<ConsentFlow, Error> {
        crate::policy::reject_errors(&policy)?;
        let jurisdiction = match &options.jurisdiction {
            Some(code) => jurisdiction::lookup(code, "options.jurisdiction")?,
            None => jurisdiction::lookup(&policy.jurisdiction, "policy.jurisdiction")?,
        };
        let locale = locale::get(
            options.locale.as_deref().unwrap_or("zh-CN"),
            "options.locale",
        )?;
        let mut flow = ConsentFlow {
            policy,
            jurisdiction,
            locale,
            today: options.today,
            gpc: options.gpc,
            principal: principal.to_owned(),
            state: State {
                version: STATE_VERSION,
                ..State::default()
            },
            other: false,
        };
        flow.state.step = flow.first_step();
        if let Some(mut state) = stored
            .and_then(|s| serde_json::from_str::<State>(s).ok())
            .filter(|s| s.version == STATE_VERSION || s.version == 1)
        {
            if state.version == 1 {
                // Version 1 asked "your date of birth" only: an answer given was about oneself.
                state.version = STATE_VERSION;
                if state.age.is_some() {
                    state.respondent = Some(Respondent::Subject);
                }
            }
            if let Some(state) = flow.settled(state) {
                flow.state = state;
                flow.rejudge(now);
                flow.revalidate(now);
            }
        }
        Ok(flow)
    }

    /// Whether the flow asks whose data the form holds: for a policy whose audience includes
    /// children (most children's forms are filled in by a parent).
    fn asks_whose(&self) -> bool {
        self.policy.audience != Audience::General
    }

    /// Where a new flow (or a reset one) starts.
    fn first_step(&self) -> Step {
        if self.asks_whose() {
            Step::Whose
        } else {
            Step::AgeGate
        }
    }

    /// A stored state made consistent with this policy, failing closed: a state past the
    /// questions without an age answer is not read at all (`None`: the flow starts afresh, and
    /// nothing counts as consented); an answered question is never asked again.
    fn settled(&self, mut state: State) -> Option<State> {
        match (&state.age, state.respondent) {
            (None, respondent) => {
                if !matches!(state.step, Step::Whose | Step::AgeGate) {
                    return None;
                }
                state.step = if respondent.is_some() || !self.asks_whose() {
                    Step::AgeGate
                } else {
                    Step::Whose
                };
            }
            (Some(_), None) => {
                // Answered without the question (a policy whose audience changed): the age
                // gate asked about oneself.
                state.respondent = Some(Respondent::Subject);
            }
            (Some(_), Some(_)) => {}
        }
        if let (Some(age), Step::Whose | Step::AgeGate) = (&state.age, state.step) {
            // Not a state this flow writes: the answer stands, the notice is read next.
            state.step = notice_step(age, state.respondent);
            state.granted.clear();
            state.sensitive.clear();
        }
        Some(state)
    }

    /// The state to keep (JSON), so that a reload resumes here.
    pub fn state_json(&self) -> String {
        serde_json::to_string(&self.state).unwrap_or_default()
    }

    /// The current step.
    pub fn step(&self) -> Step {
        self.state.step
    }

    fn child(&self) -> bool {
        self.state.age.as_ref().is_some_and(|a| a.child)
    }

    fn band(&self) -> Option<AgeBand> {
        self.state
            .age
            .as_ref()
            .and_then(|a| AgeBand::parse(&a.band))
    }

    fn notices(&self) -> Notices<'_> {
        Notices::new(
            &self.policy,
            self.locale,
            self.jurisdiction,
            self.child(),
            self.gpc,
        )
    }

    /// The notice consent is based on, in the flow's locale: guardian's or adult's.
    fn basis_notice(&self) -> (Reader, Text) {
        let n = self.notices();
        if self.child() {
            (Reader::Guardian, n.guardian())
        } else {
            (Reader::Adult, n.adult())
        }
    }

    /// After a reload under another jurisdiction: the outcome is decided again from the kept
    /// band (the date is not kept). A band that straddles the new threshold counts as a child
    /// (fail closed); if the outcome changes, the notice is read again.
    fn rejudge(&mut self, now: &str) {
        let j = self.jurisdiction;
        let Some(age) = self.state.age.as_mut() else {
            return;
        };
        if age.jurisdiction == j.code {
            return;
        }
        let Some(band) = AgeBand::parse(&age.band) else {
            return;
        };
        let (youngest, _) = band.bounds();
        let child = youngest < u32::from(j.child_below);
        let joint = child && j.joint_from.is_some_and(|from| youngest >= u32::from(from));
        let changed = child != age.child;
        age.child = child;
        age.joint = joint;
        age.jurisdiction = j.code.into();
        if changed {
            self.ask_again("jurisdiction_changed", now);
        }
    }

    /// Forgets the consent (not the age answer) and goes back to the notice, recording why.
    fn ask_again(&mut self, why: &str, now: &str) {
        let s = &mut self.state;
        if let Some(age) = &s.age {
            s.step = notice_step(age, s.respondent);
        }
        s.notice = None;
        s.policy_version = None;
        s.child_notice = None;
        s.guardian_method = None;
        s.child_agreed = false;
        s.granted.clear();
        s.sensitive.clear();
        s.receipt = None;
        s.events.push(Event::new(why, now));
    }

    /// After a reload: a consent given on another notice (a new policy version, other texts)
    /// no longer counts; the flow goes back to the notice and asks again.
    fn revalidate(&mut self, now: &str) {
        let Some(record) = self.state.notice.clone() else {
            return;
        };
        let current = receipt_notice_digest(
            &self.policy,
            &record.language,
            self.jurisdiction.code,
            record.audience,
            self.gpc,
        );
        let version = self.state.policy_version.as_deref();
        if current.as_deref() != Some(record.digest.as_str())
            || version != Some(self.policy.version.as_str())
        {
            self.ask_again("notice_changed", now);
        }
    }

    /// What the flow has produced for `Minimizer::minimize`: empty until `done`.
    pub fn consents(&self) -> Consents {
        if self.state.step != Step::Done {
            return Consents::default();
        }
        Consents {
            purposes: self.state.granted.clone(),
            sensitive_categories: self.state.sensitive.clone(),
            guardian_verified: self.child() && self.state.guardian_method.is_some(),
        }
    }

    /// What the age gate found: `child` or `adult` (`None` before it is answered), so that
    /// `Minimizer::minimize` needs no separate age (`MinimizeOptions::subject_child`).
    pub fn subject(&self) -> Option<&'static str> {
        self.state
            .age
            .as_ref()
            .map(|a| if a.child { "child" } else { "adult" })
    }

    /// Who answers: `self` or `guardian` (`None` before it is known). Where the flow does not
    /// ask whose data it is (a `general` audience), the age gate's answer is about oneself.
    pub fn respondent(&self) -> Option<&'static str> {
        self.state.respondent.map(Respondent::as_str)
    }

    /// The latest receipt, if consent was given.
    pub fn receipt(&self) -> Option<&serde_json::Value> {
        self.state.receipt.as_ref()
    }

    /// The actions the current step takes.
    fn allowed(&self) -> &'static [&'static str] {
        match self.state.step {
            Step::Whose => &["respondent"],
            Step::AgeGate => &["age"],
            // The child declines only where the child consents too (joint consent); otherwise
            // the decision is the guardian's.
            Step::ChildNotice if !self.state.age.as_ref().is_some_and(|a| a.joint) => {
                &["continue", "other_audience", "reset"]
            }
            Step::ChildNotice | Step::GuardianNotice | Step::AdultNotice => {
                &["continue", "decline", "other_audience", "reset"]
            }
            Step::GuardianVerify => &["guardian_verified", "decline", "reset"],
            Step::Consent => &["grant", "decline", "reset"],
            Step::Done => &["withdraw", "reset"],
            Step::Declined => &["reset"],
        }
    }

    /// Applies `action` at time `now` (ISO 8601, the caller's clock); `chain_head` is the
    /// digest of the last receipt in the same storage, which a new receipt links to. On error
    /// the flow is unchanged.
    ///
    /// # Errors
    /// `invalid_action` when the action does not fit the step; `invalid_argument` for a bad
    /// date, method or id (path under `action`); `consent_required` when a grant leaves out a
    /// required purpose.
    pub fn dispatch(
        &mut self,
        action: FlowAction,
        now: &str,
        chain_head: Option<&str>,
    ) -> Result<(), Error> {
        if !self.allowed().contains(&action.kind()) {
            return Err(Error::InvalidAction {
                path: "action.type".into(),
                action: action.kind().into(),
                step: self.state.step.as_str(),
                allowed: self.allowed().join(", "),
            });
        }
        let mut next = self.state.clone();
        let mut other = false;
        match action {
            FlowAction::Respondent { respondent } => {
                next.respondent = Some(respondent);
                next.step = Step::AgeGate;
                let mut e = Event::new("respondent_answered", now);
                e.respondent = Some(respondent);
                next.events.push(e);
            }
            FlowAction::Age { birth_date } => {
                let age = BirthDate::parse(&birth_date, "action.birthDate")?
                    .age_on(self.today, "action.birthDate")?;
                let band = AgeBand::of(age);
                let child = self.jurisdiction.is_child(f64::from(age));
                let joint = child
                    && self
                        .jurisdiction
                        .joint_from
                        .is_some_and(|j| age >= u32::from(j));
                let answer = AgeAnswer {
                    band: band.as_str().into(),
                    child,
                    joint,
                    jurisdiction: self.jurisdiction.code.into(),
                };
                // Without the `whose` step the gate asked about oneself.
                let respondent = next.respondent.unwrap_or(Respondent::Subject);
                next.respondent = Some(respondent);
                next.step = notice_step(&answer, Some(respondent));
                next.age = Some(answer);
                let mut e = Event::new("age_answered", now);
                e.age_band = Some(band.as_str().into());
                next.events.push(e);
            }
            FlowAction::Continue => match next.step {
                Step::ChildNotice => {
                    let text = self.child_text(&self.notices());
                    next.child_notice = Some(self.record(Reader::Child, &text));
                    if next.age.as_ref().is_some_and(|a| a.joint) {
                        next.child_agreed = true;
                        next.events.push(Event::new("child_agreed", now));
                    }
                    next.step = Step::GuardianNotice;
                }
                Step::GuardianNotice | Step::AdultNotice => {
                    let (reader, text) = self.basis_notice();
                    next.notice = Some(self.record(reader, &text));
                    next.policy_version = Some(self.policy.version.clone());
                    next.events.push(Event::new("notice_read", now));
                    next.step = if self.child() {
                        Step::GuardianVerify
                    } else {
                        Step::Consent
                    };
                }
                _ => {} // `allowed` lets `continue` through on notice steps only
            },
            FlowAction::GuardianVerified { method } => {
                let method = method_text(&method, "action.method")?;
                let mut e = Event::new("guardian_verified", now);
                e.method = Some(method.clone());
                next.guardian_method = Some(method);
                next.events.push(e);
                next.step = Step::Consent;
            }
            FlowAction::Grant {
                purposes,
                sensitive_categories,
            } => {
                let (purposes, sensitive) = self.offered_among(&purposes, &sensitive_categories)?;
                if let Some((id, _)) = self
                    .notices()
                    .purposes()
                    .find(|(id, p)| p.required && !purposes.iter().any(|g| g == id))
                {
                    return Err(Error::ConsentRequired {
                        path: "action.purposes".into(),
                        purpose: id.into(),
                        category: None,
                    });
                }
                let mut e = Event::new("granted", now);
                e.purposes = purposes.clone();
                e.sensitive_categories = sensitive.clone();
                next.granted = purposes;
                next.sensitive = sensitive;
                next.events.push(e);
                next.step = Step::Done;
                next.receipt = Some(super::receipt::build(self, &next, now, chain_head));
            }
            FlowAction::Decline => {
                next.events.push(Event::new("declined", now));
                next.step = Step::Declined;
            }
            FlowAction::Withdraw {
                purposes,
                sensitive_categories,
            } => {
                self.known(&purposes, &sensitive_categories)?;
                next.granted.retain(|p| !purposes.contains(p));
                // A sensitive category counts only while a granted purpose uses it.
                let still_used: Vec<String> = self
                    .notices()
                    .sensitive_of(|p| next.granted.iter().any(|g| g == p))
                    .into_iter()
                    .map(|c| c.id().to_owned())
                    .collect();
                next.sensitive
                    .retain(|c| !sensitive_categories.contains(c) && still_used.contains(c));
                let mut e = Event::new("withdrawn", now);
                e.purposes = self
                    .state
                    .granted
                    .iter()
                    .filter(|p| !next.granted.contains(p))
                    .cloned()
                    .collect();
                e.sensitive_categories = self
                    .state
                    .sensitive
                    .iter()
                    .filter(|c| !next.sensitive.contains(c))
                    .cloned()
                    .collect();
                if e.purposes.is_empty() && e.sensitive_categories.is_empty() {
                    return Ok(()); // nothing granted was named: nothing to record
                }
                next.events.push(e);
                next.receipt = Some(super::receipt::build(self, &next, now, chain_head));
            }
            FlowAction::OtherAudience => other = !self.other,
            FlowAction::Reset { method } => {
                let method = method_text(&method, "action.method")?;
                let mut e = Event::new("reset", now);
                e.method = Some(method);
                next.events.push(e);
                // A reset while consent is in effect withdraws it all: the chain gets a closing
                // receipt. (Otherwise the last receipt, if any, stays the latest.)
                let closing = (self.state.step == Step::Done).then(|| {
                    let mut closing = next.clone();
                    closing.granted.clear();
                    closing.sensitive.clear();
                    super::receipt::build(self, &closing, now, chain_head)
                });
                next = State {
                    version: STATE_VERSION,
                    step: self.first_step(),
                    events: std::mem::take(&mut next.events),
                    receipt: closing.or(next.receipt.take()),
                    ..State::default()
                };
            }
        }
        self.state = next;
        self.other = other;
        Ok(())
    }

    fn record(&self, audience: Reader, text: &Text) -> NoticeRecord {
        NoticeRecord {
            language: self.locale.tag.into(),
            audience,
            digest: text.digest(),
        }
    }

    /// Checks that every id is declared (`invalid_argument` with its path otherwise).
    fn known(&self, purposes: &[String], sensitive: &[String]) -> Result<(), Error> {
        for (i, p) in purposes.iter().enumerate() {
            if !self.policy.purposes.contains_key(p) {
                return Err(Error::InvalidArgument {
                    path: format!("action.purposes[{i}]"),
                    expected: format!(
                        "a purpose of the policy: {}",
                        self.policy
                            .purposes
                            .keys()
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                    .into(),
                });
            }
        }
        for (i, c) in sensitive.iter().enumerate() {
            let ok = Category::from_id(c).is_some_and(|c| {
                c.default_sensitivity() == crate::taxonomy::Sensitivity::Sensitive
            });
            if !ok {
                return Err(Error::InvalidArgument {
                    path: format!("action.sensitiveCategories[{i}]"),
                    expected: "a sensitive category id (national_id, health, biometric, precise_location, bank_account, credential, religion)".into(),
                });
            }
        }
        Ok(())
    }

    /// The given purposes and sensitive categories that are offered (others — commercial ones
    /// for a child, advertising under GPC, categories the policy does not use — stay refused).
    fn offered_among(
        &self,
        purposes: &[String],
        sensitive: &[String],
    ) -> Result<(Vec<String>, Vec<String>), Error> {
        self.known(purposes, sensitive)?;
        let notices = self.notices();
        let purposes: Vec<String> = notices
            .purposes()
            .map(|(id, _)| id.to_owned())
            .filter(|id| purposes.contains(id))
            .collect();
        // A sensitive category counts only for a granted purpose that uses it.
        let sensitive = notices
            .sensitive_of(|p| purposes.iter().any(|g| g == p))
            .into_iter()
            .map(|c| c.id().to_owned())
            .filter(|id| sensitive.contains(id))
            .collect();
        Ok((purposes, sensitive))
    }

    /// The current screen.
    pub fn view(&self) -> View {
        let l = self.locale;
        let notices = self.notices();
        let band = self.band();
        let button = |kind: &'static str, key: &str| ActionButton {
            kind,
            label: l.text(key).to_owned(),
        };
        let other_button = |own: bool, key_other: &str| {
            button(
                "other_audience",
                if own { key_other } else { "notice.show_own" },
            )
        };
        let mut view = View {
            step: self.state.step,
            audience: Reader::Anyone,
            age_band: band.map(AgeBand::as_str),
            lang: l.tag,
            title: String::new(),
            paragraphs: Vec::new(),
            choices: Vec::new(),
            actions: Vec::new(),
            input: None,
            options: Vec::new(),
            errors: [("error", l.text("dialog.error").to_owned())].into(),
            dismiss: None,
        };
        let set = |view: &mut View, reader: Reader, text: Text| {
            view.audience = reader;
            view.title = text.title;
            view.paragraphs = text.paragraphs;
        };
        let child_text = || self.child_text(&notices);
        match self.state.step {
            Step::Whose => {
                // Neutral like the age gate: no default, and no word on what either answer
                // leads to.
                set(&mut view, Reader::Anyone, notices.screen("whose", &[]));
                view.options = [Respondent::Subject, Respondent::Guardian]
                    .into_iter()
                    .map(|r| AnswerOption {
                        value: r.as_str(),
                        label: l.text(&format!("whose.{}", r.as_str())).to_owned(),
                    })
                    .collect();
                view.actions = vec![button("respondent", "whose.continue")];
                view.errors
                    .insert("invalid_argument", l.text("whose.invalid").into());
            }
            Step::AgeGate => {
                // Neutral: no input from the policy or the jurisdiction, so nothing can reveal
                // the threshold. A guardian is asked for the child's date.
                let key = match self.state.respondent {
                    Some(Respondent::Guardian) => "age_gate.guardian",
                    _ => "age_gate",
                };
                set(&mut view, Reader::Anyone, notices.screen(key, &[]));
                view.input = Some(DateInput {
                    year: l.text("age_gate.year").into(),
                    month: l.text("age_gate.month").into(),
                    day: l.text("age_gate.day").into(),
                    months: l.texts("age_gate.months").to_vec(),
                    choose: l.text("age_gate.choose").into(),
                });
                view.actions = vec![button("age", "age_gate.continue")];
                view.errors
                    .insert("invalid_argument", l.text("age_gate.invalid").into());
            }
            Step::ChildNotice => {
                if self.other {
                    set(&mut view, Reader::Guardian, notices.guardian());
                } else {
                    set(&mut view, Reader::Child, child_text());
                }
                let joint = self.state.age.as_ref().is_some_and(|a| a.joint);
                view.actions = if joint {
                    vec![
                        button("continue", "child.agree"),
                        button("decline", "child.decline"),
                    ]
                } else {
                    // The youngest get the simplest words, where the locale has them.
                    let banded = band.map(|b| format!("child.{}.continue", b.as_str()));
                    match banded.filter(|k| l.has(k)) {
                        Some(key) => vec![ActionButton {
                            kind: "continue",
                            label: l.text(&key).to_owned(),
                        }],
                        None => vec![button("continue", "child.continue")],
                    }
                };
                view.actions
                    .push(other_button(!self.other, "notice.show_guardian"));
            }
            Step::GuardianNotice | Step::AdultNotice => {
                let (reader, text) = self.basis_notice();
                if self.other {
                    set(&mut view, Reader::Child, child_text());
                } else {
                    set(&mut view, reader, text);
                }
                view.actions = vec![
                    button("continue", "notice.continue"),
                    button("decline", "notice.decline"),
                    other_button(!self.other, "notice.show_child"),
                ];
            }
            Step::GuardianVerify => {
                set(&mut view, Reader::Guardian, notices.screen("verify", &[]));
                view.actions = vec![
                    button("guardian_verified", "verify.action"),
                    button("decline", "verify.decline"),
                ];
                view.errors
                    .insert("verification_failed", l.text("verify.failed").into());
                view.errors.insert(
                    "verification_unavailable",
                    l.text("verify.unavailable").into(),
                );
            }
            Step::Consent => {
                let reader = if self.child() {
                    Reader::Guardian
                } else {
                    Reader::Adult
                };
                set(&mut view, reader, notices.screen("consent", &[]));
                view.choices = self.consent_choices(&notices);
                view.actions = vec![
                    button("grant", "consent.grant"),
                    button("decline", "consent.decline"),
                ];
            }
            Step::Done => {
                let reader = if self.child() {
                    Reader::Guardian
                } else {
                    Reader::Adult
                };
                // What was granted, in plain words (descriptions and category names).
                let granted: Vec<Choice> = notices
                    .purposes()
                    .filter(|(id, _)| self.state.granted.iter().any(|g| g == id))
                    .map(|(id, p)| (id.to_owned(), ChoiceKind::Purpose, notices.describe(p)))
                    .chain(
                        notices
                            .sensitive()
                            .into_iter()
                            .filter(|c| self.state.sensitive.iter().any(|s| s == c.id()))
                            .map(|c| {
                                (
                                    c.id().to_owned(),
                                    ChoiceKind::Sensitive,
                                    notices.category_label(c, false),
                                )
                            }),
                    )
                    .map(|(id, kind, label)| Choice {
                        id,
                        kind,
                        label: sentence_case(label),
                        required: false,
                        checked: false,
                        description: None,
                    })
                    .collect();
                let labels: Vec<&str> = granted.iter().map(|c| c.label.as_str()).collect();
                let list = if labels.is_empty() {
                    l.text("done.nothing").to_owned()
                } else {
                    l.list(&labels)
                };
                set(
                    &mut view,
                    reader,
                    notices.screen("done", &[("granted", list)]),
                );
                view.choices = granted
                    .into_iter()
                    .map(|c| Choice {
                        label: l
                            .fill("done.withdraw_item", &[("label", &c.label)])
                            .unwrap_or(c.label),
                        ..c
                    })
                    .collect();
                if !view.choices.is_empty() {
                    view.actions = vec![button("withdraw", "done.withdraw")];
                }
                view.dismiss = Some(l.text("dialog.close").into());
            }
            Step::Declined => {
                let reader = match &self.state.age {
                    Some(a) if a.child => Reader::Guardian,
                    Some(_) => Reader::Adult,
                    None => Reader::Anyone,
                };
                set(&mut view, reader, notices.screen("declined", &[]));
                view.dismiss = Some(l.text("dialog.close").into());
            }
        }
        view
    }

    /// The child notice as shown: for the subject's band (an adult reading the children's
    /// version sees the 10–12 one), with the sentence on joint consent where it applies.
    fn child_text(&self, notices: &Notices<'_>) -> Text {
        let joint = self.state.age.as_ref().is_some_and(|a| a.joint);
        child_notice_text(notices, self.band(), joint)
    }

    /// The consent items: each offered purpose (required ones ticked and fixed), then each
    /// sensitive category the offered purposes use (never ticked).
    fn consent_choices(&self, notices: &Notices<'_>) -> Vec<Choice> {
        let l = self.locale;
        let mut out: Vec<Choice> = notices
            .purposes()
            .map(|(id, p)| {
                let key = if p.required {
                    "consent.purpose.required"
                } else {
                    "consent.purpose.optional"
                };
                let description = notices.describe(p);
                Choice {
                    id: id.into(),
                    kind: ChoiceKind::Purpose,
                    label: l
                        .fill(key, &[("description", &description)])
                        .unwrap_or(description),
                    required: p.required,
                    checked: p.required,
                    description: None,
                }
            })
            .collect();
        out.extend(notices.sensitive().into_iter().map(|c| {
            let label = notices.category_label(c, false);
            Choice {
                id: c.id().into(),
                kind: ChoiceKind::Sensitive,
                label: l
                    .fill("consent.sensitive", &[("category", &label)])
                    .unwrap_or(label),
                required: false,
                checked: false,
                description: Some(sensitive_description(notices, c)),
            }
        }));
        out
    }

    /// Whether a purpose of this policy would be offered to this subject.
    pub fn offers(&self, purpose: &str) -> bool {
        self.policy
            .purposes
            .get(purpose)
            .is_some_and(|p| offered(p, self.child(), self.gpc))
    }
}

/// What a sensitive category's consent item says: which offered purposes need it (each marked
/// required or optional), and what refusing means, as the minimizer acts on it: a record that
/// holds the category for a required purpose without its own consent is refused whole
/// (`consent_required`), and for optional purposes only the value is not sent.
fn sensitive_description(notices: &Notices<'_>, category: Category) -> String {
    let l = notices.locale;
    let users = notices.purposes_using(category);
    let needed: Vec<String> = users
        .iter()
        .map(|(_, p)| {
            let need = l.text(if p.required {
                "notice.required"
            } else {
                "notice.optional"
            });
            let description = notices.describe(p);
            l.fill(
                "consent.sensitive.purpose",
                &[("description", &description), ("need", need)],
            )
            .unwrap_or(description)
        })
        .collect();
    let refusal = if users.iter().any(|(_, p)| p.required) {
        Some(l.text("consent.sensitive.refuse_required").to_owned())
    } else {
        let optional: Vec<String> = users.iter().map(|(_, p)| notices.describe(p)).collect();
        l.fill(
            "consent.sensitive.refuse_optional",
            &[("purposes", &l.list(&optional))],
        )
    };
    let needed = l.fill(
        "consent.sensitive.needed_for",
        &[("purposes", &l.list(&needed))],
    );
    [needed, refusal]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(l.text("consent.sensitive.join"))
}

/// The first notice after the age answer: the child's (the subject answering, or a child who
/// consents jointly and reads it first), the guardian's (a guardian answering for a child), or
/// the adult's.
fn notice_step(age: &AgeAnswer, respondent: Option<Respondent>) -> Step {
    match (age.child, respondent) {
        (false, _) => Step::AdultNotice,
        (true, Some(Respondent::Guardian)) if !age.joint => Step::GuardianNotice,
        (true, _) => Step::ChildNotice,
    }
}

/// A verification method as recorded: trimmed, 1–64 characters, no control characters.
fn method_text(method: &str, path: &str) -> Result<String, Error> {
    let m = method.trim();
    if m.is_empty() || m.chars().count() > 64 || m.chars().any(char::is_control) {
        return Err(Error::InvalidArgument {
            path: path.into(),
            expected: "the verification method, 1–64 characters (e.g. sms, payment, id_check)"
                .into(),
        });
    }
    Ok(m.to_owned())
}

/// The child notice for `band` (none or adult: the 10–12 text), with the joint-consent sentence.
pub(crate) fn child_notice_text(notices: &Notices<'_>, band: Option<AgeBand>, joint: bool) -> Text {
    let mut t = notices.child(
        band.filter(|b| *b < AgeBand::Adult)
            .unwrap_or(AgeBand::From10To12),
    );
    if joint {
        t.paragraphs
            .push(notices.locale.text("child.joint").to_owned());
    }
    t
}

/// The digest of the consent-basis notice of `policy` as shown in `language` to `audience`
/// (`guardian` or `adult`) under `jurisdiction`; `None` if the language or jurisdiction is
/// unknown or the audience is not one a consent is based on.
pub(crate) fn receipt_notice_digest(
    policy: &Policy,
    language: &str,
    jurisdiction: &str,
    audience: Reader,
    gpc: bool,
) -> Option<String> {
    let locale = locale::get(language, "language").ok()?;
    let jurisdiction = jurisdiction::lookup(jurisdiction, "jurisdiction").ok()?;
    let child = match audience {
        Reader::Guardian => true,
        Reader::Adult => false,
        _ => return None,
    };
    let notices = Notices::new(policy, locale, jurisdiction, child, gpc);
    let text = if child {
        notices.guardian()
    } else {
        notices.adult()
    };
    Some(text.digest())
}
