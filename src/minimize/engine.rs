//! The minimizer: a record in, the smallest payload the declared and consented purposes need
//! out, with a report of what was done to every field.
//!
//! Order of decisions for each field (first that applies):
//! 1. classify it (name and value) — a child's personal data is `sensitive`;
//! 2. its rule: by name in `fields`, else by category in `categories`, else **dropped**
//!    (default deny);
//! 3. for a child, commercial purposes (marketing, advertising, profiling) never apply;
//!    without `guardianVerified` no personal field of a child leaves the device (PIPL Art. 31);
//! 4. with consents: only consented purposes apply (a required purpose not consented is an
//!    error for the whole record — no partial submission); an inherently sensitive category
//!    passes only if listed in `sensitiveCategories` (PIPL Art. 29, separate consent);
//! 5. the action: keep, drop, hash (normalized, keyed BLAKE3 per policy and category), mask,
//!    generalize — and a value that cannot be transformed is dropped (fail closed).

use crate::classify::{ClassifyOptions, Meta, Workspace};
use crate::error::Error;
use crate::jurisdiction::{self, Jurisdiction};
use crate::policy::{check, Action, Audience, Policy, Severity};
use crate::pseudonym::{Pseudonymizer, MIN_KEY_LEN};
use crate::taxonomy::{Category, Sensitivity};

use super::{generalize, mask, normalize, CivilDate};

/// What the subject agreed to (produced by the consent flow).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Consents {
    /// Consented purpose ids.
    pub purposes: Vec<String>,
    /// Sensitive category ids consented to separately.
    pub sensitive_categories: Vec<String>,
    /// Whether a guardian's identity and consent were verified.
    pub guardian_verified: bool,
}

/// Who the record is about, what was agreed, and today's date (for ages).
#[derive(Debug, Clone, PartialEq)]
pub struct MinimizeOptions {
    /// The subject's age in years, if known. Unknown with a `children` or `mixed` audience is
    /// treated as a child (fail closed).
    pub subject_age: Option<f64>,
    /// The consents; `None` means none were collected through minform: an adult's fields pass
    /// by the policy alone, a child's personal fields do not pass.
    pub consents: Option<Consents>,
    /// Today, for generalizing birth dates to ages.
    pub today: CivilDate,
}

/// What was done to a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    /// Sent as typed.
    Keep,
    /// Sent as a pseudonym.
    Hash,
    /// Sent masked.
    Mask,
    /// Sent generalized.
    Generalize,
    /// Not sent.
    Dropped,
}

impl Done {
    /// The report's `action` string.
    pub fn as_str(self) -> &'static str {
        match self {
            Done::Keep => "keep",
            Done::Hash => "hash",
            Done::Mask => "mask",
            Done::Generalize => "generalize",
            Done::Dropped => "dropped",
        }
    }
}

/// One report entry. Never contains a value.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportEntry {
    /// The field name.
    pub field: String,
    /// Its category.
    pub category: Category,
    /// Its sensitivity for this subject.
    pub sensitivity: Sensitivity,
    /// What was done.
    pub action: Done,
    /// The purposes it was sent for (empty when dropped).
    pub purposes: Vec<String>,
    /// Why, in words.
    pub reason: String,
}

/// The result: what to submit, and what was done.
#[derive(Debug, Clone, PartialEq)]
pub struct Minimized {
    /// Field name → the value(s) to submit, in record order.
    pub payload: Vec<(String, Vec<String>)>,
    /// One entry per input field, in record order.
    pub report: Vec<ReportEntry>,
}

/// A policy bound to the integrator's key.
pub struct Minimizer {
    policy: Policy,
    key: Vec<u8>,
    jurisdiction: &'static Jurisdiction,
}

impl std::fmt::Debug for Minimizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Minimizer")
            .field("policy", &self.policy.id)
            .field("key", &"<redacted>")
            .finish()
    }
}

impl Minimizer {
    /// Binds `policy` to `key`.
    ///
    /// # Errors
    /// `key_too_short`; `policy_rejected` when [`check`] finds errors.
    pub fn new(policy: Policy, key: &[u8]) -> Result<Minimizer, Error> {
        if key.len() < MIN_KEY_LEN {
            return Err(Error::KeyTooShort {
                path: "key".into(),
                len: key.len(),
            });
        }
        let errors: Vec<String> = check(&policy)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("  {} [{}] {}", f.path, f.code, f.message))
            .collect();
        if !errors.is_empty() {
            return Err(Error::PolicyRejected {
                path: "policy".into(),
                message: errors.join("\n"),
            });
        }
        let jurisdiction = jurisdiction::lookup(&policy.jurisdiction, "jurisdiction")?;
        Ok(Minimizer {
            policy,
            key: key.to_vec(),
            jurisdiction,
        })
    }

    /// The policy.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Minimizes `record` (field name → values).
    ///
    /// # Errors
    /// `consent_required` when consents are given but a required purpose is not among them;
    /// `invalid_argument` for a bad age.
    pub fn minimize(
        &self,
        record: &[(String, Vec<String>)],
        options: &MinimizeOptions,
    ) -> Result<Minimized, Error> {
        // The classifier's own age check and threshold; an unknown age defers to the audience.
        let child = match options.subject_age {
            Some(_) => ClassifyOptions {
                subject_age: options.subject_age,
                jurisdiction: Some(self.jurisdiction.code.to_owned()),
            }
            .child_in()?
            .is_some(),
            None => self.policy.audience != Audience::General,
        };
        if let Some(c) = &options.consents {
            if let Some((name, _)) = self
                .policy
                .purposes
                .iter()
                .find(|(name, p)| p.required && !c.purposes.contains(name))
            {
                return Err(Error::ConsentRequired {
                    path: "consents.purposes".into(),
                    purpose: name.clone(),
                });
            }
        }
        let mut out = Minimized {
            payload: Vec::new(),
            report: Vec::with_capacity(record.len()),
        };
        // Classified from name and value, borrowing both (no per-field copies).
        let mut work = Workspace::default();
        let child_in = child.then_some(self.jurisdiction);
        let mut pseudonymizers: Vec<(Category, Pseudonymizer)> = Vec::new();
        for (name, values) in record {
            let meta = Meta {
                name,
                ..Meta::default()
            };
            let d = work.decide(meta, || values.iter().map(String::as_str), child_in);
            let c = (d.category, d.sensitivity);
            let mut entry = ReportEntry {
                field: name.clone(),
                category: c.0,
                sensitivity: c.1,
                action: Done::Dropped,
                purposes: Vec::new(),
                reason: String::new(),
            };
            let decision = if values.iter().all(|v| v.trim().is_empty()) {
                Err("no value".to_owned())
            } else {
                self.decide(name, c.0, c.1, child, options)
            };
            match decision {
                Err(reason) => entry.reason = reason,
                Ok((action, purposes)) => match self.apply(
                    action,
                    c.0,
                    values,
                    options.today,
                    &mut pseudonymizers,
                ) {
                    Some(sent) => {
                        entry.action = match action {
                            Action::Keep => Done::Keep,
                            Action::Hash => Done::Hash,
                            Action::Mask => Done::Mask,
                            Action::Generalize(_) => Done::Generalize,
                            Action::Drop => Done::Dropped,
                        };
                        entry.reason = format!("{} for {}", action.name(), purposes.join(", "));
                        entry.purposes = purposes;
                        out.payload.push((name.clone(), sent));
                    }
                    None => entry.reason = match action {
                        Action::Drop => "the policy drops it".into(),
                        Action::Hash => {
                            "the value could not be hashed; dropped (fail closed)".into()
                        }
                        Action::Mask => {
                            "the value could not be masked; dropped (fail closed)".into()
                        }
                        _ => {
                            "the value does not have the form to generalize; dropped (fail closed)"
                                .into()
                        }
                    },
                },
            }
            out.report.push(entry);
        }
        Ok(out)
    }

    /// The action and purposes that apply to a field, or why it is dropped.
    fn decide(
        &self,
        name: &str,
        category: Category,
        sensitivity: Sensitivity,
        child: bool,
        options: &MinimizeOptions,
    ) -> Result<(Action, Vec<String>), String> {
        let rule = self
            .policy
            .fields
            .get(name)
            .or_else(|| self.policy.category_rule(category))
            .ok_or_else(|| {
                format!(
                    "no rule for this field or for {}: default deny",
                    category.id()
                )
            })?;
        let personal = sensitivity > Sensitivity::None;
        let mut purposes: Vec<String> = rule
            .purposes
            .iter()
            .filter(|p| {
                !(child
                    && self
                        .policy
                        .purposes
                        .get(*p)
                        .is_some_and(|p| p.kind.is_commercial()))
            })
            .cloned()
            .collect();
        if purposes.is_empty() {
            return Err(
                "its only purposes are commercial, which never apply to a child's data".into(),
            );
        }
        if child
            && personal
            && !options
                .consents
                .as_ref()
                .is_some_and(|c| c.guardian_verified)
        {
            return Err("a child's personal data needs verified guardian consent".into());
        }
        if let Some(c) = &options.consents {
            purposes.retain(|p| c.purposes.contains(p));
            if purposes.is_empty() {
                return Err("none of its purposes was consented to".into());
            }
            if category.default_sensitivity() == Sensitivity::Sensitive
                && !c.sensitive_categories.iter().any(|s| s == category.id())
            {
                return Err(format!(
                    "{} needs its own consent (sensitiveCategories)",
                    category.id()
                ));
            }
        }
        Ok((rule.action, purposes))
    }

    /// The values to send for `action`, or `None` to drop the field.
    fn apply(
        &self,
        action: Action,
        category: Category,
        values: &[String],
        today: CivilDate,
        pseudonymizers: &mut Vec<(Category, Pseudonymizer)>,
    ) -> Option<Vec<String>> {
        let each = |f: &dyn Fn(&str) -> Option<String>| {
            values.iter().map(|v| f(v)).collect::<Option<Vec<_>>>()
        };
        match action {
            Action::Drop => None,
            Action::Keep => Some(values.to_vec()),
            Action::Hash => {
                // One subkey per policy and category (domain separation), derived once per call.
                let i = match pseudonymizers.iter().position(|(c, _)| *c == category) {
                    Some(i) => i,
                    None => {
                        let context = format!("{}/{}", self.policy.id, category.id());
                        pseudonymizers
                            .push((category, Pseudonymizer::new(&self.key, &context).ok()?));
                        pseudonymizers.len() - 1
                    }
                };
                let p = &pseudonymizers[i].1;
                each(&|v| Some(p.pseudonymize(&normalize(category, v))))
            }
            Action::Mask => each(&|v| mask(category, v)),
            Action::Generalize(t) => {
                if !t.fits().contains(&category) {
                    return None;
                }
                each(&|v| generalize(t, v, today))
            }
        }
    }
}
