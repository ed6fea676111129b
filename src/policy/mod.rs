//! Minimization policies: what the integrator declares it collects, why, for how long, and in
//! what form each field may leave the device.
//!
//! A policy is JSON with a contract shape (see `tests/policies/` for complete examples):
//! `id`, `version`, `jurisdiction`, `audience`, `controller`, `storage`, `security`,
//! `complaints`, `rights`, `purposes`, `categories` and `fields`. [`Policy::from_json`] reads it
//! and reports the first bad part with its path (`fields.phone.action`) and the allowed values
//! (error code `policy_invalid`). Questions of judgement — a purpose without a retention
//! period, advertising on children's data, a sensitive category kept raw — are not parse errors
//! but findings of [`check`], so that a linter can list them all.
//!
//! Everything a notice says comes from here (CAC 2019 Provisions Art. 10, PIPL Art. 17:
//! purpose, method, scope, storage place and period, what happens after, security measures,
//! complaint channel, how to correct or delete), so the notice cannot drift from what is
//! collected.
#![forbid(unsafe_code)]

mod check;
mod describe;
mod duration;
mod parse;

use std::collections::BTreeMap;

pub use check::{check, reject_errors, Finding, Severity};
pub use describe::{describe, duration_text, DataItem, Description, PurposeDescription};
pub use duration::{duration_days, duration_parts, DurationUnit};

use crate::error::Error;
use crate::taxonomy::Category;

/// Who the form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Children (below the jurisdiction's threshold).
    Children,
    /// Adults.
    General,
    /// Both: treated like children wherever that is stricter.
    Mixed,
}

/// Why data is processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PurposeKind {
    /// Providing the service the user asked for.
    Service,
    /// Security and fraud prevention.
    Security,
    /// Measuring use.
    Analytics,
    /// Marketing to the user.
    Marketing,
    /// Advertising, including targeted advertising.
    Advertising,
    /// Building a profile of the user.
    Profiling,
}

impl PurposeKind {
    /// The contract name (`service`, `advertising`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            PurposeKind::Service => "service",
            PurposeKind::Security => "security",
            PurposeKind::Analytics => "analytics",
            PurposeKind::Marketing => "marketing",
            PurposeKind::Advertising => "advertising",
            PurposeKind::Profiling => "profiling",
        }
    }

    /// Kinds that never apply to a child's data (PIPL Art. 24, 31; DPDP Act s9(3); UK
    /// Children's Code std. 12): commercial use against the child's interest.
    pub fn is_commercial(self) -> bool {
        matches!(
            self,
            PurposeKind::Marketing | PurposeKind::Advertising | PurposeKind::Profiling
        )
    }
}

/// A text in one language or several (`{"zh-CN": "…", "en": "…"}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// The same text for every locale.
    Plain(String),
    /// Locale → text.
    Localized(BTreeMap<String, String>),
}

impl Text {
    /// The text for `locale`: that locale, else `en`, else `zh-CN`, else any.
    pub fn get(&self, locale: &str) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Localized(map) => map
                .get(locale)
                .or_else(|| map.get("en"))
                .or_else(|| map.get("zh-CN"))
                .or_else(|| map.values().next())
                .map_or("", String::as_str),
        }
    }
}

/// A declared purpose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purpose {
    /// Its kind.
    pub kind: PurposeKind,
    /// Whether the service cannot be provided without it (consent to it is a condition).
    pub required: bool,
    /// ISO 8601 duration (`P1Y`, `P6M`, `P30D`), if declared.
    pub retention: Option<String>,
    /// What it is for, as the notice says it.
    pub description: Text,
    /// What it is for in words a child understands (`childDescription`, optional; the child
    /// notices use `description` without it).
    pub child_description: Option<Text>,
    /// Third parties the data is given to for this purpose.
    pub recipients: Vec<String>,
}

/// What to generalize a value to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// A birth date to its year.
    Year,
    /// A birth date to year and month.
    YearMonth,
    /// A birth date to the age in whole years.
    Age,
    /// A birth date to an age band.
    AgeBand,
    /// An age to a band.
    Band,
    /// An address to its region (province/city/district).
    Region,
    /// Coordinates rounded to this many decimals.
    Decimals(u8),
    /// Coordinates to a geohash of this length.
    Geohash(u8),
    /// A postal code truncated to this many leading digits.
    Digits(u8),
}

impl Target {
    /// The categories this target can generalize.
    pub fn fits(self) -> &'static [Category] {
        match self {
            Target::Year | Target::YearMonth | Target::Age | Target::AgeBand => {
                &[Category::BirthDate]
            }
            Target::Band => &[Category::Age],
            Target::Region => &[Category::Address],
            Target::Decimals(_) | Target::Geohash(_) => &[Category::PreciseLocation],
            Target::Digits(_) => &[Category::PostalCode],
        }
    }
}

/// What may leave the device for a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Action {
    /// The value as typed.
    Keep,
    /// Nothing.
    Drop,
    /// A keyed BLAKE3 pseudonym of the normalized value.
    Hash,
    /// The value with most characters hidden, as displayed in China (`138****5678`).
    Mask,
    /// A coarser value.
    Generalize(Target),
    /// Free text with every span of personal data the detectors find replaced by its category
    /// (`[phone]`; with a locale tag, the category's name in that locale: `[姓名]`). Only for
    /// `free_text`: on a field of any other category it is not applied and the field is dropped.
    Redact(Option<&'static str>),
}

impl Action {
    /// The action's contract name (`generalize` for every target).
    pub fn name(self) -> &'static str {
        match self {
            Action::Keep => "keep",
            Action::Drop => "drop",
            Action::Hash => "hash",
            Action::Mask => "mask",
            Action::Generalize(_) => "generalize",
            Action::Redact(_) => "redact",
        }
    }
}

/// A rule for a field or a category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// The purposes the data serves (declared in `purposes`).
    pub purposes: Vec<String>,
    /// What may leave the device.
    pub action: Action,
}

/// Who is responsible, and how to reach them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Controller {
    /// Legal name.
    pub name: String,
    /// Contact for privacy questions.
    pub contact: String,
}

/// A parsed, structurally valid policy.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// Identifier; also separates pseudonyms of different policies.
    pub id: String,
    /// Version; a consent receipt is bound to it.
    pub version: String,
    /// Jurisdiction code (see [`crate::jurisdiction`]).
    pub jurisdiction: String,
    /// Who the form is for.
    pub audience: Audience,
    /// The controller.
    pub controller: Controller,
    /// Where data is stored.
    pub storage_location: Text,
    /// What happens after the retention period.
    pub after_retention: Text,
    /// Security measures.
    pub security: Text,
    /// Complaint channel.
    pub complaints: String,
    /// How to correct or delete.
    pub rights: Text,
    /// Declared purposes by id.
    pub purposes: BTreeMap<String, Purpose>,
    /// Rules by category id as written (unknown ids are a [`check`] finding).
    pub categories: BTreeMap<String, Rule>,
    /// Rules by field name.
    pub fields: BTreeMap<String, Rule>,
}

impl Policy {
    /// Reads a policy from JSON text.
    ///
    /// # Errors
    /// `policy_invalid` with the path of the first bad part and the allowed values.
    pub fn from_json(json: &str) -> Result<Policy, Error> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| Error::PolicyInvalid {
                path: "policy".into(),
                message: format!("not valid JSON ({e})"),
            })?;
        parse::policy(&value)
    }

    /// The rule for a category id, if it is a known category with a rule.
    pub fn category_rule(&self, category: Category) -> Option<&Rule> {
        self.categories.get(category.id())
    }
}
