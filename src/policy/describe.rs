//! The data map a notice is generated from: for each purpose, what is collected, in what form,
//! for how long and for whom, in one locale. The consent flow renders notices from this, so a
//! notice cannot say anything the policy does not do.

use serde::Serialize;

use super::{Action, Policy, Target};

/// The notice data for one locale.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Description {
    /// Policy id.
    pub id: String,
    /// Policy version.
    pub version: String,
    /// The locale the texts are in.
    pub locale: String,
    /// Jurisdiction code.
    pub jurisdiction: String,
    /// `children`, `general` or `mixed`.
    pub audience: &'static str,
    /// Controller name.
    pub controller: String,
    /// Controller contact.
    pub contact: String,
    /// Where data is stored.
    pub storage_location: String,
    /// What happens after retention.
    pub after_retention: String,
    /// Security measures.
    pub security: String,
    /// Complaint channel.
    pub complaints: String,
    /// How to correct or delete.
    pub rights: String,
    /// One entry per purpose, required ones first.
    pub purposes: Vec<PurposeDescription>,
}

/// One purpose in a notice.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PurposeDescription {
    /// Purpose id.
    pub id: String,
    /// Purpose kind.
    pub kind: &'static str,
    /// Whether the service needs it.
    pub required: bool,
    /// What it is for.
    pub description: String,
    /// ISO 8601 retention, if declared.
    pub retention: Option<String>,
    /// The retention in words (`1 year`, `1年`).
    pub retention_text: Option<String>,
    /// Third-party recipients.
    pub recipients: Vec<String>,
    /// The data it uses.
    pub data: Vec<DataItem>,
}

/// One item of data a purpose uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DataItem {
    /// A category id (for category rules) …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// … or a field name (for field rules).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// `keep`, `hash`, `mask`, `generalize` or `drop`.
    pub action: &'static str,
    /// The generalization target (`year`, `decimals:2`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// `P1Y6M` in words in `locale` (`1 year 6 months`, `1年6个月`; unknown locales in English).
pub fn duration_text(iso: &str, locale: &str) -> Option<String> {
    crate::locale::get_or_fallback(locale).duration(iso)
}

fn target_name(t: Target) -> String {
    match t {
        Target::Year => "year".into(),
        Target::YearMonth => "year_month".into(),
        Target::Age => "age".into(),
        Target::AgeBand => "age_band".into(),
        Target::Band => "band".into(),
        Target::Region => "region".into(),
        Target::Decimals(n) => format!("decimals:{n}"),
        Target::Geohash(n) => format!("geohash:{n}"),
        Target::Digits(n) => format!("digits:{n}"),
    }
}

/// The notice data of `policy` in `locale` (texts fall back to `en`, then `zh-CN`).
pub fn describe(policy: &Policy, locale: &str) -> Description {
    let item = |category: Option<&String>, field: Option<&String>, action: Action| DataItem {
        category: category.cloned(),
        field: field.cloned(),
        action: action.name(),
        to: match action {
            Action::Generalize(t) => Some(target_name(t)),
            _ => None,
        },
    };
    let mut purposes: Vec<PurposeDescription> = policy
        .purposes
        .iter()
        .map(|(id, p)| {
            let uses =
                |r: &super::Rule| r.purposes.iter().any(|x| x == id) && r.action != Action::Drop;
            let data = policy
                .categories
                .iter()
                .filter(|(_, r)| uses(r))
                .map(|(c, r)| item(Some(c), None, r.action))
                .chain(
                    policy
                        .fields
                        .iter()
                        .filter(|(_, r)| uses(r))
                        .map(|(f, r)| item(None, Some(f), r.action)),
                )
                .collect();
            PurposeDescription {
                id: id.clone(),
                kind: p.kind.as_str(),
                required: p.required,
                description: p.description.get(locale).to_owned(),
                retention: p.retention.clone(),
                retention_text: p
                    .retention
                    .as_deref()
                    .and_then(|r| duration_text(r, locale)),
                recipients: p.recipients.clone(),
                data,
            }
        })
        .collect();
    crate::small_sort::sort_small_by_key(&mut purposes, |p| !p.required);
    Description {
        id: policy.id.clone(),
        version: policy.version.clone(),
        locale: locale.to_owned(),
        jurisdiction: policy.jurisdiction.clone(),
        audience: match policy.audience {
            super::Audience::Children => "children",
            super::Audience::General => "general",
            super::Audience::Mixed => "mixed",
        },
        controller: policy.controller.name.clone(),
        contact: policy.controller.contact.clone(),
        storage_location: policy.storage_location.get(locale).to_owned(),
        after_retention: policy.after_retention.get(locale).to_owned(),
        security: policy.security.get(locale).to_owned(),
        complaints: policy.complaints.clone(),
        rights: policy.rights.get(locale).to_owned(),
        purposes,
    }
}
