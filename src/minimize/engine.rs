//! The minimizer: a record in, the smallest payload the declared and consented purposes need
//! out, with a report of what was done to every field.
//!
//! The record is read once into name/value pairs (what is classified is what is sent), then:
//!
//! 1. **who it is about**: a child if `subjectAge` (or else the consent flow's answer, or else
//!    a `children`/`mixed` audience) says so — *or if the record itself* holds a birth date or
//!    an age below the jurisdiction's threshold; under a `children`/`mixed` policy an
//!    unreadable birth date or age also means a child (fail closed). [`Subject`] says why.
//! 2. every field is classified from its name and value; a child's personal data, free text
//!    and unreadable fields are `sensitive` ([`crate::classify::for_subject`]);
//! 3. its rule: by name in `fields`, else by category in `categories`, else **dropped** (default
//!    deny); a category rule never releases a field read by fallback alone, and a field whose
//!    name is itself personal data (a phone number as a key) is dropped and not named;
//! 4. for a child, commercial purposes never apply, and without `guardianVerified` no personal
//!    field leaves the device (PIPL Art. 31);
//! 5. consents: missing consents are no consents. A required purpose not consented, or one that
//!    needs a sensitive category present in the record without that category's own consent
//!    (PIPL Art. 29), refuses the whole record (`consent_required`) — never a partial
//!    submission. Other purposes apply only if consented;
//! 6. **the stricter reading wins**: where the value validates as a category the metadata does
//!    not name (a phone number in `favoriteAnimal`), that category's rule applies too and the
//!    stricter action wins (two different transforms, or no rule: dropped);
//! 7. the action: keep, drop, hash (normalized, keyed BLAKE3 per policy and category), mask
//!    (only a value that validates, from its normalized form, in a fixed shape), generalize —
//!    and a value that cannot be transformed is dropped (fail closed).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::classify::{for_subject, ClassifyOptions, Meta, Workspace};
use crate::error::Error;
use crate::jurisdiction::{self, Jurisdiction};
use crate::policy::{reject_errors, Action, Audience, Policy, Rule};
use crate::pseudonym::{Pseudonymizer, MIN_KEY_LEN};
use crate::taxonomy::{Category, Sensitivity};

use super::age::{age_in_years, birth_date_age};
use super::{generalize, mask, normalize, redact, CivilDate, Counts};

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
    /// The consents; `None` means no consent at all (never "no checks"): required purposes
    /// then refuse the record, and nothing that needs consent passes.
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
    /// Sent with the personal data found in it replaced by its category (free text).
    Redact,
}

impl Done {
    /// Every outcome, in index order (`Done as usize`).
    pub const ALL: [Done; 6] = [
        Done::Keep,
        Done::Hash,
        Done::Mask,
        Done::Generalize,
        Done::Dropped,
        Done::Redact,
    ];

    /// The report's `action` string.
    pub fn as_str(self) -> &'static str {
        match self {
            Done::Keep => "keep",
            Done::Hash => "hash",
            Done::Mask => "mask",
            Done::Generalize => "generalize",
            Done::Dropped => "dropped",
            Done::Redact => "redact",
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
    /// Read by fallback alone (no evidence of what it is): only a rule naming the field
    /// releases it.
    Unreadable,
    /// Its value is this category, which the metadata does not name, and that category's rule
    /// does not allow what the field's rule asks (or there is none).
    ValueIs(Category),
    /// The field's name is itself personal data; neither the field nor its name is sent.
    NameIsPersonal,
}

impl Why {
    /// A stable code for the report (`reasonCode`), never containing a value.
    pub fn code(self) -> &'static str {
        match self {
            Why::Sent(_) => "sent",
            Why::NoValue => "no_value",
            Why::NoRule => "no_rule",
            Why::CommercialOnly => "commercial_on_child_data",
            Why::NeedsGuardian => "guardian_consent_required",
            Why::NotConsented => "not_consented",
            Why::NeedsSensitiveConsent => "sensitive_consent_required",
            Why::PolicyDrops => "policy_drops",
            Why::Untransformable(_) => "untransformable",
            Why::Unreadable => "unreadable_field",
            Why::ValueIs(_) => "value_category_stricter",
            Why::NameIsPersonal => "name_is_personal_data",
        }
    }
}

/// Why the record was read as a child's or an adult's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SubjectBasis {
    /// `subjectAge`.
    SubjectAge,
    /// The consent flow's age gate (`subject`).
    ConsentFlow,
    /// Nothing said: the policy's audience (`children`/`mixed` → child).
    Audience,
    /// A birth date in the record is below the threshold.
    RecordBirthDate,
    /// An age in the record is below the threshold.
    RecordAge,
    /// A birth date or age in the record could not be read (children/mixed policies).
    UnreadableAge,
}

impl SubjectBasis {
    /// The stable code (`subject.basis` in the JS result).
    pub fn code(self) -> &'static str {
        match self {
            SubjectBasis::SubjectAge => "subject_age",
            SubjectBasis::ConsentFlow => "consent_flow",
            SubjectBasis::Audience => "audience",
            SubjectBasis::RecordBirthDate => "record_birth_date",
            SubjectBasis::RecordAge => "record_age",
            SubjectBasis::UnreadableAge => "unreadable_age",
        }
    }
}

/// Who the minimizer took the record to be about, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subject {
    /// Child rules applied.
    pub child: bool,
    /// Why.
    pub basis: SubjectBasis,
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
    /// For `redact`: how many spans of each category were replaced (first-seen order); empty
    /// otherwise. Counts only, never a value.
    pub redacted: Vec<(Category, u32)>,
}

/// The result: what to submit, and what was done.
#[derive(Debug, Clone, PartialEq)]
pub struct Minimized {
    /// Field name → the value(s) to submit, in record order.
    pub payload: Vec<(String, Vec<String>)>,
    /// One entry per input field, in record order.
    pub report: Vec<ReportEntry>,
    /// Whose data the record was read as, and why.
    pub subject: Subject,
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
    /// Purposes declared `required`.
    required: PurposeSet,
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

/// A set of categories (bit `Category as usize`), without allocation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Categories(u64);

impl Categories {
    fn of(list: &[Category]) -> Self {
        Categories(list.iter().fold(0, |s, &c| s | 1u64 << (c as u32)))
    }

    fn contains(self, c: Category) -> bool {
        self.0 >> (c as u32) & 1 == 1
    }

    fn iter(self) -> impl Iterator<Item = Category> + Clone {
        Category::ALL
            .iter()
            .copied()
            .filter(move |&c| self.contains(c))
    }
}

/// A field as read in the first pass: its classification for an adult, before any rule.
#[derive(Debug, Clone, Copy)]
struct Read {
    category: Category,
    sensitivity: Sensitivity,
    fallback: bool,
    detected: Categories,
    named: Categories,
    /// What the metadata alone says the field is.
    said: Option<Category>,
    has_value: bool,
    /// The name is itself personal data.
    withheld: bool,
}

/// What the record says of its subject's age.
#[derive(Debug, Clone, Copy, Default)]
struct RecordAges {
    birth_date_child: bool,
    age_child: bool,
    unreadable: bool,
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
        let set_where = |pick: &dyn Fn(&crate::policy::Purpose) -> bool| {
            policy
                .purposes
                .values()
                .enumerate()
                .filter(|(_, p)| pick(p))
                .fold(PurposeSet::default(), |s, (i, _)| s.with(i))
        };
        let commercial = set_where(&|p| p.kind.is_commercial());
        let required = set_where(&|p| p.required);
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
            required,
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
            Why::Untransformable(Action::Mask) => format!(
                "the value is not a valid {} to mask; dropped (fail closed)",
                outcome.category.id()
            ),
            Why::Untransformable(Action::Redact(_)) => format!(
                "redact applies to free text, and this field holds {}; dropped (fail closed)",
                outcome.category.id()
            ),
            Why::Untransformable(_) => {
                "the value does not have the form to generalize; dropped (fail closed)".into()
            }
            Why::Unreadable => "nothing shows what this field holds, and only a rule naming \
                the field releases such a field; dropped (fail closed)"
                .into(),
            Why::ValueIs(c) => format!(
                "its value is a {}, which the policy handles more strictly; dropped (fail closed)",
                c.id()
            ),
            Why::NameIsPersonal => {
                "the field's name is itself personal data; neither name nor value is sent".into()
            }
        }
    }

    /// The report's stand-in for the name of the field at `index` when the name is withheld.
    pub fn withheld_name(index: usize) -> String {
        format!("[withheld:{index}]")
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
        let mut payload = Vec::new();
        let mut report = Vec::with_capacity(record.len());
        let subject = self.minimize_each(
            record.iter().map(|(k, v)| (k.as_str(), v.as_slice())),
            options,
            |name, outcome, sent, redacted| {
                if outcome.action != Done::Dropped {
                    payload.push((name.to_owned(), sent.to_vec()));
                }
                let field = if outcome.why == Why::NameIsPersonal {
                    Minimizer::withheld_name(report.len())
                } else {
                    name.to_owned()
                };
                report.push(ReportEntry {
                    field,
                    category: outcome.category,
                    sensitivity: outcome.sensitivity,
                    action: outcome.action,
                    purposes: self
                        .purpose_ids(outcome.purposes)
                        .map(str::to_owned)
                        .collect(),
                    reason: self.reason(&outcome),
                    redacted: redacted.to_vec(),
                });
            },
        )?;
        Ok(Minimized {
            payload,
            report,
            subject,
        })
    }

    /// Minimizes `record` (field name → values), calling `each` per field in record order with
    /// the name, the outcome, the values to send (empty when dropped) and, for `redact`, how
    /// many spans of each category were replaced (empty otherwise). The record is read
    /// once; nothing is called when the record as a whole is refused. Returns whose data the
    /// record was taken to be.
    ///
    /// # Errors
    /// `consent_required` when a required purpose is not consented (missing consents are none),
    /// or needs a sensitive category present in the record without its own consent;
    /// `invalid_argument` for a bad age.
    pub fn minimize_each<'r, V: AsRef<str> + 'r>(
        &self,
        record: impl IntoIterator<Item = (&'r str, &'r [V])>,
        options: &MinimizeOptions,
        mut each: impl FnMut(&'r str, Outcome, &[String], &[(Category, u32)]),
    ) -> Result<Subject, Error> {
        let fields: Vec<(&'r str, &'r [V])> = record.into_iter().collect();
        // Pass 1: what every field is, and what the record says of its subject's age.
        let mut work = Workspace::default();
        let mut reads = Vec::with_capacity(fields.len());
        let mut ages = RecordAges::default();
        for &(name, values) in &fields {
            let withheld = name_is_personal(name);
            let meta = Meta {
                name: if withheld { "" } else { name },
                ..Meta::default()
            };
            let d = work.decide(meta, || values.iter().map(AsRef::as_ref), None);
            let has_value = values.iter().any(|v| !v.as_ref().trim().is_empty());
            if has_value {
                self.read_ages(d.category, values, options.today, &mut ages);
            }
            reads.push(Read {
                category: d.category,
                sensitivity: d.sensitivity,
                fallback: d.fallback,
                detected: Categories::of(d.detected),
                named: Categories::of(d.named),
                said: d.said,
                has_value,
                withheld,
            });
        }
        let subject = self.subject(options, ages)?;

        // Missing consents are no consents.
        let none = Consents::default();
        let consents = options.consents.as_ref().unwrap_or(&none);
        let consented = set_of(&self.purpose_ids, &consents.purposes);
        let unconsented = PurposeSet(self.required.0 & !consented.0);
        if let Some(i) = (0..self.purpose_ids.len()).find(|&i| unconsented.contains(i)) {
            return Err(Error::ConsentRequired {
                path: "consents.purposes".into(),
                purpose: self.purpose_ids[i].clone(),
                category: None,
            });
        }
        let ctx = Context {
            child: subject.child,
            guardian: consents.guardian_verified,
            consented,
            consents,
        };

        // Pass 2: decide and transform every field; nothing is handed out until all are done.
        let mut outcomes = Vec::with_capacity(fields.len());
        let mut sent: Vec<String> = Vec::new();
        let mut redacted = Counts::new();
        let mut missing: Option<(usize, Category)> = None;
        for (&(name, values), read) in fields.iter().zip(&reads) {
            let (category, sensitivity, _) = for_subject(
                read.category,
                read.sensitivity,
                read.fallback,
                subject.child,
            );
            let mut outcome = Outcome {
                category,
                sensitivity,
                action: Done::Dropped,
                purposes: PurposeSet::default(),
                why: Why::NoValue,
            };
            let start = sent.len();
            let counted = redacted.len();
            match self.decide(name, read, &outcome, &ctx, &mut missing) {
                Err(why) => outcome.why = why,
                Ok((action, purposes, target)) => {
                    let mut counts = Counts::new();
                    match self.apply(
                        action,
                        target,
                        values,
                        options.today,
                        &mut sent,
                        &mut counts,
                    ) {
                        Ok(()) => {
                            outcome.action = match action {
                                Action::Keep => Done::Keep,
                                Action::Hash => Done::Hash,
                                Action::Mask => Done::Mask,
                                Action::Generalize(_) => Done::Generalize,
                                Action::Redact(_) => Done::Redact,
                                Action::Drop => Done::Dropped,
                            };
                            outcome.purposes = purposes;
                            outcome.why = Why::Sent(action);
                            redacted.extend(counts);
                        }
                        Err(why) => {
                            sent.truncate(start); // fail closed: nothing of a half-done field
                            outcome.why = why;
                        }
                    }
                }
            }
            outcomes.push((outcome, start..sent.len(), counted..redacted.len()));
        }
        if let Some((i, category)) = missing {
            return Err(Error::ConsentRequired {
                path: "consents.sensitiveCategories".into(),
                purpose: self.purpose_ids[i].clone(),
                category: Some(category.id().to_owned()),
            });
        }
        for (&(name, _), (outcome, range, counts)) in fields.iter().zip(outcomes) {
            each(name, outcome, &sent[range], &redacted[counts]);
        }
        Ok(subject)
    }

    /// Notes what a birth-date or age field says of its subject.
    fn read_ages<V: AsRef<str>>(
        &self,
        category: Category,
        values: &[V],
        today: CivilDate,
        ages: &mut RecordAges,
    ) {
        for v in values
            .iter()
            .map(AsRef::as_ref)
            .filter(|v| !v.trim().is_empty())
        {
            let age = match category {
                Category::BirthDate => birth_date_age(v, today),
                Category::Age => age_in_years(v),
                _ => return,
            };
            match age {
                None => ages.unreadable = true,
                Some(a) if self.jurisdiction.is_child(a) => match category {
                    Category::BirthDate => ages.birth_date_child = true,
                    _ => ages.age_child = true,
                },
                Some(_) => {}
            }
        }
    }

    /// Whose data the record is: what the caller says, made stricter by what the record says.
    fn subject(&self, options: &MinimizeOptions, ages: RecordAges) -> Result<Subject, Error> {
        let declared = match (options.subject_age, options.subject_child) {
            (Some(_), _) => Subject {
                child: ClassifyOptions {
                    subject_age: options.subject_age,
                    jurisdiction: Some(self.jurisdiction.code.to_owned()),
                }
                .child_in()?
                .is_some(),
                basis: SubjectBasis::SubjectAge,
            },
            (None, Some(child)) => Subject {
                child,
                basis: SubjectBasis::ConsentFlow,
            },
            // Fail closed: a children's or mixed audience means a child.
            (None, None) => Subject {
                child: self.policy.audience != Audience::General,
                basis: SubjectBasis::Audience,
            },
        };
        if declared.child {
            return Ok(declared);
        }
        let basis = if ages.birth_date_child {
            SubjectBasis::RecordBirthDate
        } else if ages.age_child {
            SubjectBasis::RecordAge
        } else if ages.unreadable && self.policy.audience != Audience::General {
            SubjectBasis::UnreadableAge
        } else {
            return Ok(declared);
        };
        Ok(Subject { child: true, basis })
    }

    /// The rule, purposes and category to transform in that apply to a field, or why it is
    /// dropped. Notes in `missing` a required purpose that lacks a sensitive category's consent.
    fn decide(
        &self,
        name: &str,
        read: &Read,
        outcome: &Outcome,
        ctx: &Context<'_>,
        missing: &mut Option<(usize, Category)>,
    ) -> Result<(Action, PurposeSet, Category), Why> {
        if read.withheld {
            return Err(Why::NameIsPersonal);
        }
        if !read.has_value {
            return Err(Why::NoValue);
        }
        let category = outcome.category;
        let (rule, by_name) = match self.fields.get(name) {
            Some(rule) => (rule, true),
            None => match &self.categories[category as usize] {
                Some(_) if read.fallback => return Err(Why::Unreadable),
                Some(rule) => (rule, false),
                None => return Err(Why::NoRule),
            },
        };
        // The value's own categories that the metadata does not name: their rules apply too,
        // and the stricter action wins (a phone number typed into `favoriteAnimal`). Without a
        // rule of their own the field goes no further.
        // Redacted free text sends none of what the detectors found in it, so the rules of those
        // categories have nothing to apply to.
        let redacted = category == Category::FreeText && matches!(rule.action, Action::Redact(_));
        let others = read
            .detected
            .iter()
            // (a category rule for the value's own category is the rule already applied)
            .filter(|&c| !read.named.contains(c) && (c != category || by_name))
            .filter(|_| !redacted);
        for c in others.clone() {
            self.categories[c as usize]
                .as_ref()
                .ok_or(Why::ValueIs(c))?;
        }
        let (mut action, mut purposes) =
            self.admit(rule, category, outcome.sensitivity, ctx, missing)?;
        let mut target = category;
        // A field whose metadata says one category and whose value is another (an address box
        // holding a resident ID): the rule of what the metadata says applies too.
        let said = read
            .said
            .filter(|&m| !by_name && m != category)
            .filter(|&m| self.categories[m as usize].is_some())
            .map(|m| (m, Why::ValueIs(category)));
        for (c, why) in others.map(|c| (c, Why::ValueIs(c))).chain(said) {
            let Some(other) = self.categories[c as usize].as_ref() else {
                continue;
            };
            let (_, sensitivity, _) = for_subject(c, c.default_sensitivity(), false, ctx.child);
            let (theirs, their_purposes) = self
                .admit(other, c, sensitivity, ctx, &mut None)
                .map_err(|_| why)?;
            purposes = PurposeSet(purposes.0 & their_purposes.0);
            if purposes.is_empty() {
                return Err(why);
            }
            let stricter = stricter(action, theirs).ok_or(why)?;
            // Personal data inside a comment: a transform for that data cannot be applied to
            // the whole text.
            if category == Category::FreeText && c != category && stricter != Action::Keep {
                return Err(why);
            }
            // The transform is the value's: what the metadata says only makes it stricter.
            if stricter != action && read.detected.contains(c) {
                target = c;
            }
            action = stricter;
        }
        Ok((action, purposes, target))
    }

    /// A rule's action and purposes for a field of `category` and `sensitivity`, after the
    /// child, guardian and consent checks; or why it is dropped.
    fn admit(
        &self,
        rule: &Compiled,
        category: Category,
        sensitivity: Sensitivity,
        ctx: &Context<'_>,
        missing: &mut Option<(usize, Category)>,
    ) -> Result<(Action, PurposeSet), Why> {
        if rule.action == Action::Drop {
            return Err(Why::PolicyDrops);
        }
        let mut purposes = rule.purposes;
        if ctx.child {
            purposes = PurposeSet(purposes.0 & !self.commercial.0);
        }
        if purposes.is_empty() {
            return Err(Why::CommercialOnly);
        }
        if ctx.child && sensitivity > Sensitivity::None && !ctx.guardian {
            return Err(Why::NeedsGuardian);
        }
        purposes = PurposeSet(purposes.0 & ctx.consented.0);
        if purposes.is_empty() {
            return Err(Why::NotConsented);
        }
        if category.default_sensitivity() == Sensitivity::Sensitive
            && !ctx
                .consents
                .sensitive_categories
                .iter()
                .any(|s| s == category.id())
        {
            let required = purposes.0 & self.required.0;
            if required != 0 && missing.is_none() {
                *missing = Some((required.trailing_zeros() as usize, category));
            }
            return Err(Why::NeedsSensitiveConsent);
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
        counts: &mut Counts,
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
            // Only text is redacted: a value of any other category would leave whatever the
            // detectors do not recognise (a name without a cue).
            Action::Redact(_) if category != Category::FreeText => Err(fail),
            Action::Redact(labels) => {
                for v in values {
                    sent.push(redact(v.as_ref(), labels, counts));
                }
                Ok(())
            }
        }
    }
}

/// The stricter of two actions: `keep` yields to anything, `drop` beats anything; two different
/// transforms (a mask and a hash, two generalizations) have no order: `None` (dropped).
fn stricter(a: Action, b: Action) -> Option<Action> {
    match (a, b) {
        _ if a == b => Some(a),
        (Action::Drop, _) | (_, Action::Drop) => Some(Action::Drop),
        (Action::Keep, x) | (x, Action::Keep) => Some(x),
        _ => None,
    }
}

/// A field name that is, or holds, personal data: a phone number, an ID, an e-mail, a card, an
/// IP address, coordinates, a plate as a key. Only formats with a structure or a checksum count
/// (dictionary readings such as a name or a school are not used on names), and not device ids:
/// form builders name fields by UUIDs.
fn name_is_personal(name: &str) -> bool {
    // All of these have three digits, an `@` or a `:` once folded; most names have none.
    let digits = name.bytes().filter(u8::is_ascii_digit).count();
    if digits < 3 && !name.contains(['@', ':']) && !crate::detect::fold::needs_fold(name) {
        return false;
    }
    let identifying = |c: Category| {
        matches!(
            c,
            Category::Phone
                | Category::Email
                | Category::NationalId
                | Category::BankAccount
                | Category::IpAddress
                | Category::PreciseLocation
                | Category::Vehicle
        )
    };
    // The whole name, or a part of it ("请联系15987654321" as a key).
    crate::detect::detect_value(name)
        .iter()
        .any(|d| d.strength == crate::detect::Strength::Validated && identifying(d.kind.category()))
        || crate::detect::scan(name)
            .iter()
            .any(|m| identifying(m.kind.category()))
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
    /// The consented purposes.
    consented: PurposeSet,
    consents: &'a Consents,
}
