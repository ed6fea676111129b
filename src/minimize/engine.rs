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

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::classify::{ClassifyOptions, Meta, Workspace};
use crate::error::Error;
use crate::jurisdiction::{self, Jurisdiction};
use crate::policy::{reject_errors, Action, Audience, Policy, Rule};
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
    /// Whether the consent flow's age gate found a child (`Some(true)`) or an adult; used when
    /// `subject_age` is not given.
    pub subject_child: Option<bool>,
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
    /// Every outcome, in index order (`Done as usize`).
    pub const ALL: [Done; 5] = [
        Done::Keep,
        Done::Hash,
        Done::Mask,
        Done::Generalize,
        Done::Dropped,
    ];

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

/// Why a field was sent or dropped: the report's `reason` as data. [`Minimizer::reason`]
/// puts it in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Why {
    /// Sent with this action, for the entry's purposes.
    Sent(Action),
    /// The field had no value.
    NoValue,
    /// Neither its name nor its category has a rule (default deny).
    NoRule,
    /// Its only purposes are commercial, which never apply to a child's data.
    CommercialOnly,
    /// A child's personal data without verified guardian consent.
    NeedsGuardian,
    /// None of its purposes was consented to.
    NotConsented,
    /// An inherently sensitive category without its own consent.
    NeedsSensitiveConsent,
    /// The policy's action for it is `drop`.
    PolicyDrops,
    /// The action could not be applied to the value (fail closed).
    Untransformable(Action),
}

/// A set of the policy's purposes: bit `i` is the `i`-th purpose of [`Policy::purposes`]
/// (in id order; the parser allows at most [`PurposeSet::CAPACITY`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PurposeSet(u64);

impl PurposeSet {
    /// How many purposes a policy may declare.
    pub const CAPACITY: usize = 64;

    /// No purpose.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether the `i`-th purpose is in the set.
    pub fn contains(self, i: usize) -> bool {
        i < Self::CAPACITY && self.0 >> i & 1 == 1
    }

    /// The bits, for packing.
    pub fn bits(self) -> u64 {
        self.0
    }

    fn with(self, i: usize) -> Self {
        PurposeSet(self.0 | 1u64.checked_shl(i as u32).unwrap_or(0))
    }
}

/// What was decided for one field, without its name or values. Never contains a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Its category.
    pub category: Category,
    /// Its sensitivity for this subject.
    pub sensitivity: Sensitivity,
    /// What was done.
    pub action: Done,
    /// The purposes it was sent for (empty when dropped).
    pub purposes: PurposeSet,
    /// Why.
    pub why: Why,
}

/// One report entry, self-contained. Never contains a value.
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
    /// The purposes it was sent for (empty when dropped), in id order.
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

/// A rule with its purposes as a set.
#[derive(Debug, Clone, Copy)]
struct Compiled {
    purposes: PurposeSet,
    action: Action,
}

/// A policy bound to the integrator's key, with its rules compiled for lookups by name and
/// category and its pseudonymizers derived once per category (domain separation).
pub struct Minimizer {
    policy: Policy,
    key: Vec<u8>,
    jurisdiction: &'static Jurisdiction,
    /// Purpose ids in [`PurposeSet`] order.
    purpose_ids: Vec<String>,
    /// Purposes of a commercial kind (never for a child).
    commercial: PurposeSet,
    fields: BTreeMap<String, Compiled>,
    /// By `Category as usize`.
    categories: Vec<Option<Compiled>>,
    /// By `Category as usize`, derived on first use.
    pseudonymizers: Vec<OnceLock<Option<Pseudonymizer>>>,
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
        reject_errors(&policy)?;
        let jurisdiction = jurisdiction::lookup(&policy.jurisdiction, "jurisdiction")?;
        if policy.purposes.len() > PurposeSet::CAPACITY {
            return Err(Error::PolicyInvalid {
                path: "purposes".into(),
                message: format!("declare at most {} purposes", PurposeSet::CAPACITY),
            });
        }
        let purpose_ids: Vec<String> = policy.purposes.keys().cloned().collect();
        let compile = |r: &Rule| Compiled {
            purposes: set_of(&purpose_ids, &r.purposes),
            action: r.action,
        };
        let commercial = policy
            .purposes
            .values()
            .enumerate()
            .filter(|(_, p)| p.kind.is_commercial())
            .fold(PurposeSet::default(), |s, (i, _)| s.with(i));
        // Inserted one by one: already in order, and `collect` would bring in a sort.
        let mut fields = BTreeMap::new();
        for (name, r) in &policy.fields {
            fields.insert(name.clone(), compile(r));
        }
        let categories = Category::ALL
            .iter()
            .map(|&c| policy.category_rule(c).map(compile))
            .collect();
        Ok(Minimizer {
            key: key.to_vec(),
            jurisdiction,
            purpose_ids,
            commercial,
            fields,
            categories,
            pseudonymizers: Category::ALL.iter().map(|_| OnceLock::new()).collect(),
            policy,
        })
    }

    /// The policy.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The ids of the purposes in `set`, in id order.
    pub fn purpose_ids(&self, set: PurposeSet) -> impl Iterator<Item = &str> {
        self.purpose_ids
            .iter()
            .enumerate()
            .filter(move |(i, _)| set.contains(*i))
            .map(|(_, id)| id.as_str())
    }

    /// The report's `reason` for an outcome, in words.
    pub fn reason(&self, outcome: &Outcome) -> String {
        match outcome.why {
            Why::Sent(action) => format!(
                "{} for {}",
                action.name(),
                self.purpose_ids(outcome.purposes)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Why::NoValue => "no value".into(),
            Why::NoRule => format!(
                "no rule for this field or for {}: default deny",
                outcome.category.id()
            ),
            Why::CommercialOnly => {
                "its only purposes are commercial, which never apply to a child's data".into()
            }
            Why::NeedsGuardian => "a child's personal data needs verified guardian consent".into(),
            Why::NotConsented => "none of its purposes was consented to".into(),
            Why::NeedsSensitiveConsent => format!(
                "{} needs its own consent (sensitiveCategories)",
                outcome.category.id()
            ),
            Why::PolicyDrops => "the policy drops it".into(),
            Why::Untransformable(Action::Hash) => {
                "the value could not be hashed; dropped (fail closed)".into()
            }
            Why::Untransformable(Action::Mask) => {
                "the value could not be masked; dropped (fail closed)".into()
            }
            Why::Untransformable(_) => {
                "the value does not have the form to generalize; dropped (fail closed)".into()
            }
        }
    }

    /// Minimizes `record` (field name → values) into a self-contained result.
    ///
    /// # Errors
    /// As [`Minimizer::minimize_each`].
    pub fn minimize<V: AsRef<str>>(
        &self,
        record: &[(String, Vec<V>)],
        options: &MinimizeOptions,
    ) -> Result<Minimized, Error> {
        let mut out = Minimized {
            payload: Vec::new(),
            report: Vec::with_capacity(record.len()),
        };
        self.minimize_each(
            record.iter().map(|(k, v)| (k.as_str(), v.as_slice())),
            options,
            |name, outcome, sent| {
                if outcome.action != Done::Dropped {
                    out.payload.push((name.to_owned(), sent.to_vec()));
                }
                out.report.push(ReportEntry {
                    field: name.to_owned(),
                    category: outcome.category,
                    sensitivity: outcome.sensitivity,
                    action: outcome.action,
                    purposes: self
                        .purpose_ids(outcome.purposes)
                        .map(str::to_owned)
                        .collect(),
                    reason: self.reason(&outcome),
                });
            },
        )?;
        Ok(out)
    }

    /// Minimizes `record` (field name → values), calling `each` per field in record order with
    /// the name, the outcome and the values to send (empty when dropped). Nothing is called
    /// when the record as a whole is refused.
    ///
    /// # Errors
    /// `consent_required` when consents are given but a required purpose is not among them;
    /// `invalid_argument` for a bad age.
    pub fn minimize_each<'r, V: AsRef<str> + 'r>(
        &self,
        record: impl IntoIterator<Item = (&'r str, &'r [V])>,
        options: &MinimizeOptions,
        mut each: impl FnMut(&'r str, Outcome, &[String]),
    ) -> Result<(), Error> {
        // The classifier's own age check and threshold; an unknown age defers to the audience.
        let child = match options.subject_age {
            Some(_) => ClassifyOptions {
                subject_age: options.subject_age,
                jurisdiction: Some(self.jurisdiction.code.to_owned()),
            }
            .child_in()?
            .is_some(),
            // Else what the consent flow's age gate found; else the audience decides (fail
            // closed: a children's or mixed audience means a child).
            None => match options.subject_child {
                Some(child) => child,
                None => self.policy.audience != Audience::General,
            },
        };
        let consented = match &options.consents {
            Some(c) => {
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
                Some(set_of(&self.purpose_ids, &c.purposes))
            }
            None => None,
        };
        let guardian = options
            .consents
            .as_ref()
            .is_some_and(|c| c.guardian_verified);
        let ctx = Context {
            child,
            guardian,
            consented,
            consents: options.consents.as_ref(),
        };
        let child_in = child.then_some(self.jurisdiction);
        // Classified from name and value, borrowing both (no per-field copies).
        let mut work = Workspace::default();
        let mut sent: Vec<String> = Vec::new();
        for (name, values) in record {
            let meta = Meta {
                name,
                ..Meta::default()
            };
            let d = work.decide(meta, || values.iter().map(AsRef::as_ref), child_in);
            let mut outcome = Outcome {
                category: d.category,
                sensitivity: d.sensitivity,
                action: Done::Dropped,
                purposes: PurposeSet::default(),
                why: Why::NoValue,
            };
            sent.clear();
            let decision = if values.iter().all(|v| v.as_ref().trim().is_empty()) {
                Err(Why::NoValue)
            } else {
                self.decide(name, &outcome, &ctx)
            };
            match decision {
                Err(why) => outcome.why = why,
                Ok((action, purposes)) => {
                    outcome.why = match self.apply(
                        action,
                        outcome.category,
                        values,
                        options.today,
                        &mut sent,
                    ) {
                        Ok(()) => {
                            outcome.action = match action {
                                Action::Keep => Done::Keep,
                                Action::Hash => Done::Hash,
                                Action::Mask => Done::Mask,
                                Action::Generalize(_) => Done::Generalize,
                                Action::Drop => Done::Dropped,
                            };
                            outcome.purposes = purposes;
                            Why::Sent(action)
                        }
                        Err(why) => {
                            sent.clear(); // fail closed: nothing of a half-done field
                            why
                        }
                    };
                }
            }
            each(name, outcome, &sent);
        }
        Ok(())
    }

    /// The action and purposes that apply to a field, or why it is dropped.
    fn decide(
        &self,
        name: &str,
        outcome: &Outcome,
        ctx: &Context<'_>,
    ) -> Result<(Action, PurposeSet), Why> {
        let category = outcome.category;
        let rule = self
            .fields
            .get(name)
            .or_else(|| self.categories[category as usize].as_ref())
            .ok_or(Why::NoRule)?;
        let mut purposes = rule.purposes;
        if ctx.child {
            purposes = PurposeSet(purposes.0 & !self.commercial.0);
        }
        if purposes.is_empty() {
            return Err(Why::CommercialOnly);
        }
        if ctx.child && outcome.sensitivity > Sensitivity::None && !ctx.guardian {
            return Err(Why::NeedsGuardian);
        }
        if let (Some(consented), Some(c)) = (ctx.consented, ctx.consents) {
            purposes = PurposeSet(purposes.0 & consented.0);
            if purposes.is_empty() {
                return Err(Why::NotConsented);
            }
            if category.default_sensitivity() == Sensitivity::Sensitive
                && !c.sensitive_categories.iter().any(|s| s == category.id())
            {
                return Err(Why::NeedsSensitiveConsent);
            }
        }
        Ok((rule.action, purposes))
    }

    /// Appends the values to send for `action` to `sent`, or says why the field is dropped.
    fn apply<V: AsRef<str>>(
        &self,
        action: Action,
        category: Category,
        values: &[V],
        today: CivilDate,
        sent: &mut Vec<String>,
    ) -> Result<(), Why> {
        let fail = Why::Untransformable(action);
        let mut each = |f: &dyn Fn(&str) -> Option<String>| {
            for v in values {
                sent.push(f(v.as_ref()).ok_or(fail)?);
            }
            Ok(())
        };
        match action {
            Action::Drop => Err(Why::PolicyDrops),
            Action::Keep => each(&|v| Some(v.to_owned())),
            Action::Hash => {
                // One subkey per policy and category (domain separation), derived on first use.
                let p = self.pseudonymizers[category as usize]
                    .get_or_init(|| {
                        let context = format!("{}/{}", self.policy.id, category.id());
                        Pseudonymizer::new(&self.key, &context).ok()
                    })
                    .as_ref()
                    .ok_or(fail)?;
                each(&|v| Some(p.pseudonymize(&normalize(category, v))))
            }
            Action::Mask => each(&|v| mask(category, v)),
            Action::Generalize(t) => {
                if !t.fits().contains(&category) {
                    return Err(fail);
                }
                each(&|v| generalize(t, v, today))
            }
        }
    }
}

/// The purposes among `names` that `ids` (the policy's, in [`PurposeSet`] order) declares.
fn set_of(ids: &[String], names: &[String]) -> PurposeSet {
    names
        .iter()
        .filter_map(|n| ids.iter().position(|p| p == n))
        .fold(PurposeSet::default(), PurposeSet::with)
}

/// What holds for the whole record.
struct Context<'a> {
    child: bool,
    guardian: bool,
    /// The consented purposes, when consents were given.
    consented: Option<PurposeSet>,
    consents: Option<&'a Consents>,
}
