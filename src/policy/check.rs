//! The policy checker: findings a reviewer of a children's data policy would raise, like a
//! linter (severity, code, path, message). Errors make a policy unusable by the minimizer and
//! the consent flow.

use super::{Action, Audience, Policy, Rule};
use crate::classify::{classify_field, Field};
use crate::error::Error;
use crate::taxonomy::{Category, Sensitivity};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth a look.
    Warning,
    /// The policy must not be used as it is.
    Error,
}

impl Severity {
    /// `warning` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// How serious.
    pub severity: Severity,
    /// Stable code, e.g. `retention_missing`.
    pub code: &'static str,
    /// Where in the policy, e.g. `purposes.notices.retention`.
    pub path: String,
    /// What is wrong and what to do.
    pub message: String,
}

/// The safer action for a sensitive category kept raw, for the warning's message.
fn safer_action(category: Category) -> &'static str {
    match category {
        Category::PreciseLocation => "generalize (decimals:2 or geohash:5) or drop",
        Category::NationalId | Category::BankAccount => {
            "hash (to match records) or mask (to display)"
        }
        Category::Credential => {
            "drop (verify credentials where they are entered, never store them raw)"
        }
        _ => "drop, or hash if records must be matched",
    }
}

/// `policy_rejected` (listing them) if [`check`] finds errors: what may not be used to collect
/// data or to ask for consent.
///
/// # Errors
/// [`Error::PolicyRejected`].
pub fn reject_errors(policy: &Policy) -> Result<(), Error> {
    let errors: Vec<String> = check(policy)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("  {} [{}] {}", f.path, f.code, f.message))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::PolicyRejected {
            path: "policy".into(),
            message: errors.join("\n"),
        })
    }
}

/// Every finding for `policy`, errors first, then by path.
pub fn check(policy: &Policy) -> Vec<Finding> {
    let mut out = Vec::new();
    let children = policy.audience != Audience::General;

    for (name, p) in &policy.purposes {
        if p.retention.is_none() {
            out.push(Finding {
                severity: Severity::Error,
                code: "retention_missing",
                path: format!("purposes.{name}.retention"),
                message: "every purpose needs a retention period (ISO 8601, e.g. P1Y): CAC 2019 Art. 10 and PIPL Art. 17 require telling the guardian how long data is kept".into(),
            });
        }
        if children && p.kind.is_commercial() && uses(policy, name) {
            out.push(Finding {
                severity: Severity::Error,
                code: "commercial_purpose_on_child_data",
                path: format!("purposes.{name}.kind"),
                message: format!(
                    "a {} purpose must not process children's data (PIPL Art. 31, DPDP Act s9(3), UK Children's Code std. 12); remove it from every rule or set the audience to general",
                    kind_name(p.kind)
                ),
            });
        }
        if !p.required && p.kind == super::PurposeKind::Security {
            out.push(Finding {
                severity: Severity::Warning,
                code: "optional_purpose_required",
                path: format!("purposes.{name}.required"),
                message: "a security purpose is marked optional, but the service cannot run safely without it; mark it required or explain why it can be declined".into(),
            });
        }
    }

    let rules = policy
        .categories
        .iter()
        .map(|(k, r)| (format!("categories.{k}"), Category::from_id(k), r))
        .chain(policy.fields.iter().map(|(k, r)| {
            // A field rule's category is what its name says (classified from the name alone).
            let category = classify_field(&Field::new(k.as_str()), None).category;
            (format!("fields.{k}"), Some(category), r)
        }));
    for (path, category, rule) in rules {
        let Some(category) = category else {
            out.push(Finding {
                severity: Severity::Error,
                code: "unknown_category",
                path,
                message: "not a category id of the taxonomy (name, phone, national_id, …, free_text, non_personal)".into(),
            });
            continue;
        };
        if children
            && rule.action == Action::Keep
            && category.default_sensitivity() == Sensitivity::Sensitive
        {
            out.push(Finding {
                severity: Severity::Warning,
                code: "sensitive_kept_raw",
                path: format!("{path}.action"),
                message: format!(
                    "{} of a child is kept raw; safer: {}",
                    category.id(),
                    safer_action(category)
                ),
            });
        }
        // A child's comment box is presumed to hold their PI (PRODUCT.md, fail closed): sent
        // raw, whatever a child typed into it leaves the page.
        if children && rule.action == Action::Keep && category == Category::FreeText {
            out.push(Finding {
                severity: Severity::Warning,
                code: "free_text_kept_raw",
                path: format!("{path}.action"),
                message: "free text of a child is kept raw: whatever a child types there (a phone number, an address, a school) leaves the page; safer: redact (the personal data found in it replaced by its category), or drop it and name only the fields you need".into(),
            });
        }
        if category == Category::Credential && only_optional(policy, rule) {
            out.push(Finding {
                severity: Severity::Warning,
                code: "optional_purpose_required",
                path: format!("{path}.purposes"),
                message: "credentials serve only optional purposes, but a form cannot sign anyone in without them; make the purpose required".into(),
            });
        }
    }
    crate::small_sort::sort_small_by(&mut out, |a, b| {
        (b.severity, &a.path) < (a.severity, &b.path)
    });
    out
}

fn uses(policy: &Policy, purpose: &str) -> bool {
    policy
        .categories
        .values()
        .chain(policy.fields.values())
        .any(|r| r.action != Action::Drop && r.purposes.iter().any(|p| p == purpose))
}

fn only_optional(policy: &Policy, rule: &Rule) -> bool {
    rule.purposes
        .iter()
        .all(|p| policy.purposes.get(p).is_some_and(|p| !p.required))
}

fn kind_name(kind: super::PurposeKind) -> &'static str {
    use super::PurposeKind::*;
    match kind {
        Service => "service",
        Security => "security",
        Analytics => "analytics",
        Marketing => "marketing",
        Advertising => "advertising",
        Profiling => "profiling",
    }
}
