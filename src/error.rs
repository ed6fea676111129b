//! The one error type of the crate.
//!
//! Every failure the SDK reports — natively or across the JavaScript boundary — is a variant of
//! [`Error`]. Each variant has a **stable code string** ([`Error::code`]) that JavaScript callers
//! match on (`err.code === 'key_too_short'`), and, where the failure is about one part of the
//! caller's input, the **path** of that part ([`Error::path`], e.g. `options.key`). Messages are
//! for humans and may change; codes and paths are a contract.
//!
//! No message ever contains a field value: errors are logged by integrators, and a logged value
//! would be exactly the leak this SDK exists to prevent.
#![forbid(unsafe_code)]

use std::borrow::Cow;
use std::fmt;

/// What went wrong. New variants may be added in minor releases, so match with a wildcard arm.
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The integrator's secret key is shorter than [`crate::pseudonym::MIN_KEY_LEN`] bytes.
    /// Code `key_too_short`. A short key makes pseudonyms of low-entropy values (phone numbers,
    /// birth dates) reversible by enumeration, so it is refused rather than stretched.
    KeyTooShort {
        /// Where the key was given (`key` natively, `options.key` from JavaScript).
        path: String,
        /// The length that was given, in bytes.
        len: usize,
    },
    /// The pseudonym context (domain-separation label) is empty. Code `context_empty`.
    /// Without a context, pseudonyms of unrelated data sets could be joined.
    ContextEmpty {
        /// Where the context was given.
        path: String,
    },
    /// An argument has the wrong type or shape. Code `invalid_argument`.
    InvalidArgument {
        /// The argument, e.g. `value` or `options.key`.
        path: String,
        /// What was expected there, e.g. `a Uint8Array`.
        expected: Cow<'static, str>,
    },
    /// A string is not valid Unicode (a lone UTF-16 surrogate from JavaScript). Code
    /// `invalid_string`. It is refused rather than repaired, because repairing would make two
    /// different inputs produce the same pseudonym.
    InvalidString {
        /// The string argument, e.g. `value`.
        path: String,
    },
    /// A minimization policy that does not have the contract's shape. Code `policy_invalid`;
    /// the message names the allowed values.
    PolicyInvalid {
        /// The bad part of the policy, e.g. `fields.phone.action`.
        path: String,
        /// What is wrong and what is allowed.
        message: String,
    },
    /// A policy that parses but that [`crate::policy::check`] finds errors in. Code
    /// `policy_rejected`; the message lists them.
    PolicyRejected {
        /// Always `policy`.
        path: String,
        /// The findings, one per line.
        message: String,
    },
    /// A required purpose was not consented to, or it needs a sensitive category present in
    /// the record whose separate consent is missing. Code `consent_required`: nothing is
    /// submitted rather than a partial record.
    ConsentRequired {
        /// `consents.purposes`, or `consents.sensitiveCategories` when `category` is set.
        path: String,
        /// The required purpose.
        purpose: String,
        /// The sensitive category whose own consent is missing, if that is what is missing.
        category: Option<String>,
    },
    /// A jurisdiction code that minform has no age threshold for. Code `unknown_jurisdiction`.
    /// Refused rather than defaulted, because the wrong threshold would treat a child as an adult.
    UnknownJurisdiction {
        /// Where the code was given, e.g. `options.jurisdiction`.
        path: String,
        /// The known codes, comma-separated, for the message.
        known: String,
    },
    /// A consent-flow action that does not fit the flow's current step (answering the age gate
    /// twice, granting before the notice). Code `invalid_action`; the flow is unchanged.
    InvalidAction {
        /// `action` or `action.type`.
        path: String,
        /// The action's type.
        action: String,
        /// The current step.
        step: &'static str,
        /// The actions the step takes.
        allowed: String,
    },
}

impl Error {
    /// The stable, machine-readable code of this error (`snake_case`).
    pub fn code(&self) -> &'static str {
        match self {
            Error::KeyTooShort { .. } => "key_too_short",
            Error::ContextEmpty { .. } => "context_empty",
            Error::InvalidArgument { .. } => "invalid_argument",
            Error::InvalidString { .. } => "invalid_string",
            Error::UnknownJurisdiction { .. } => "unknown_jurisdiction",
            Error::PolicyInvalid { .. } => "policy_invalid",
            Error::PolicyRejected { .. } => "policy_rejected",
            Error::ConsentRequired { .. } => "consent_required",
            Error::InvalidAction { .. } => "invalid_action",
        }
    }

    /// The path of the bad part of the input, when the error is about one.
    pub fn path(&self) -> Option<&str> {
        match self {
            Error::KeyTooShort { path, .. }
            | Error::ContextEmpty { path }
            | Error::InvalidArgument { path, .. }
            | Error::InvalidString { path }
            | Error::UnknownJurisdiction { path, .. }
            | Error::PolicyInvalid { path, .. }
            | Error::PolicyRejected { path, .. }
            | Error::ConsentRequired { path, .. }
            | Error::InvalidAction { path, .. } => Some(path),
        }
    }
}

impl Error {
    /// The same error with its path placed under `prefix` (`key` under `options` becomes
    /// `options.key`), for callers that received the failing value inside a larger argument.
    pub fn under(mut self, prefix: &str) -> Self {
        match &mut self {
            Error::KeyTooShort { path, .. }
            | Error::ContextEmpty { path }
            | Error::InvalidArgument { path, .. }
            | Error::InvalidString { path }
            | Error::UnknownJurisdiction { path, .. }
            | Error::PolicyInvalid { path, .. }
            | Error::PolicyRejected { path, .. }
            | Error::ConsentRequired { path, .. }
            | Error::InvalidAction { path, .. } => *path = join_path(prefix, path),
        }
        self
    }
}

/// `prefix` + `path`, with a dot unless `path` is an index (`fields` + `[3]` = `fields[3]`).
fn join_path(prefix: &str, path: &str) -> String {
    if path.starts_with('[') {
        format!("{prefix}{path}")
    } else {
        format!("{prefix}.{path}")
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::KeyTooShort { path, len } => write!(
                f,
                "{path}: the key must be at least {} bytes of secret random data; got {len} bytes",
                crate::pseudonym::MIN_KEY_LEN
            ),
            Error::ContextEmpty { path } => write!(
                f,
                "{path}: the context must be a non-empty string naming the data set, e.g. \"signup-2026\""
            ),
            Error::InvalidArgument { path, expected } => {
                write!(f, "{path}: expected {expected}")
            }
            Error::InvalidString { path } => write!(
                f,
                "{path}: the string contains a lone UTF-16 surrogate and is not valid Unicode"
            ),
            Error::UnknownJurisdiction { path, known } => write!(
                f,
                "{path}: unknown jurisdiction; expected one of {known}"
            ),
            Error::PolicyInvalid { path, message } => write!(f, "{path}: {message}"),
            Error::PolicyRejected { path, message } => {
                write!(f, "{path}: the policy has errors and cannot be used:\n{message}")
            }
            Error::ConsentRequired {
                path,
                purpose,
                category: None,
            } => write!(
                f,
                "{path}: the required purpose {purpose:?} was not consented to; nothing may be submitted"
            ),
            Error::ConsentRequired {
                path,
                purpose,
                category: Some(category),
            } => write!(
                f,
                "{path}: the required purpose {purpose:?} needs {category:?}, whose separate consent was not given; nothing may be submitted"
            ),
            Error::InvalidAction {
                path,
                action,
                step,
                allowed,
            } => write!(
                f,
                "{path}: {action:?} does not fit the step {step:?}, which takes: {allowed}; the flow is unchanged"
            ),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable_snake_case_and_paths_are_reported() {
        let cases = [
            (
                Error::KeyTooShort {
                    path: "key".into(),
                    len: 3,
                },
                "key_too_short",
            ),
            (
                Error::ContextEmpty {
                    path: "context".into(),
                },
                "context_empty",
            ),
            (
                Error::InvalidArgument {
                    path: "options.key".into(),
                    expected: "a Uint8Array".into(),
                },
                "invalid_argument",
            ),
            (
                Error::InvalidString {
                    path: "value".into(),
                },
                "invalid_string",
            ),
            (
                Error::UnknownJurisdiction {
                    path: "jurisdiction".into(),
                    known: "CN, US".into(),
                },
                "unknown_jurisdiction",
            ),
            (
                Error::PolicyInvalid {
                    path: "fields.phone.action".into(),
                    message: "expected one of keep, drop".into(),
                },
                "policy_invalid",
            ),
            (
                Error::InvalidAction {
                    path: "action".into(),
                    action: "age".into(),
                    step: "done",
                    allowed: "withdraw".into(),
                },
                "invalid_action",
            ),
        ];
        for (err, code) in cases {
            assert_eq!(err.code(), code);
            let path = err.path().expect("every current error has a path");
            assert!(err.to_string().starts_with(path), "{err}");
            let nested = err.clone().under("options");
            assert_eq!(nested.path(), Some(format!("options.{path}").as_str()));
            assert_eq!(nested.code(), code);
        }
    }
}
