//! Minimization: the value transformations a policy can ask for, applied before anything
//! leaves the device.
//!
//! * [`normalize`]: the canonical form of a value before it is hashed, so that the same person
//!   typed two ways gives the same pseudonym (e-mail case, E.164 phone numbers, ID case).
//! * [`mask`]: the display masks used in China (`138****5678`, first 6 and last 4 of a resident
//!   ID, last 4 of a card, the family name of a person: `王**`).
//! * [`generalize`]: coarser values (birth year, age band, region, rounded coordinates,
//!   geohash, postal prefix).
//! * [`redact`]: free text with the personal data the detectors find replaced by its category.
//!
//! Every function either returns a transformed value that does not contain the raw value, or
//! `None` — and the engine drops a field whose value cannot be transformed (fail closed).
#![forbid(unsafe_code)]

pub mod age;
mod engine;
mod generalize;
mod input;
mod mask;
mod normalize;
mod redact;

pub use engine::{
    Consents, Done, MinimizeOptions, Minimized, Minimizer, Outcome, PurposeSet, ReportEntry,
    Subject, SubjectBasis, Why,
};
pub use generalize::{age_band, generalize, CivilDate};
pub use input::{consents_from_json, record_from_json, FlatRecord, Record};
pub use mask::mask;
pub use normalize::normalize;
pub use redact::{redact, Counts};
