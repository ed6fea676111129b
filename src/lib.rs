//! # minform
//!
//! Client-side data minimization for children's personal information. minform runs next to a
//! form — in a web page or a mini-program, compiled to WebAssembly — and decides what may leave
//! the device *before* it is submitted: which fields are personal or sensitive, which the declared
//! purposes need, and in what form (kept, pseudonymized, masked, generalized, or not at all).
//!
//! The crate is one core of plain Rust with thin faces:
//!
//! | module | what it is | depends on JS? |
//! |---|---|---|
//! | [`classify`], [`detect`], [`lexicon`], [`taxonomy`] | what each field is and how sensitive | no |
//! | [`jurisdiction`] | child-consent ages with their legal sources | no |
//! | [`pseudonym`], [`error`] | keyed BLAKE3 pseudonyms; the one error enum with stable codes | no |
//! | [`policy`] | declared purposes and rules; the checker; the notice data map | no |
//! | [`minimize`] | the smallest payload a policy and consents allow, with a report | no |
//! | [`consent`] | the age-appropriate consent flow as a state machine; receipts | no |
//! | [`locale`] | every text shown to people, one data file per locale | no |
//! | `wasm` | `#[wasm_bindgen]` face: converts JS values, delegates, throws `MinformError` | wasm32 only |
//! | `web` | `web-sys` face: the form helpers and the consent dialog over the same core | wasm32 only |
//!
//! Core modules carry `#![forbid(unsafe_code)]` and are tested natively with `cargo test`; no rule of
//! the product lives in `wasm` or `web`.
//!
//! ```
//! let key = [0x5a; 32]; // 32+ secret random bytes, kept by the integrator
//! let p = minform::pseudonymize(&key, "signup-2026", "138 0013 8000")?;
//! assert_eq!(p.len(), 64);
//! # Ok::<(), minform::Error>(())
//! ```
// Natively the whole crate is free of `unsafe`. On wasm32 the `#[wasm_bindgen]` expansions in
// `wasm` and `web` contain unsafe blocks of their own, so there each core module forbids it itself.
#![cfg_attr(not(target_arch = "wasm32"), forbid(unsafe_code))]
#![warn(missing_docs)]

pub mod classify;
pub mod consent;
pub mod detect;
pub mod error;
pub mod jurisdiction;
pub mod lexicon;
pub mod locale;
pub mod minimize;
pub mod policy;
pub mod pseudonym;
pub mod taxonomy;

mod small_sort;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
#[cfg(all(target_arch = "wasm32", feature = "dom"))]
pub mod web;

pub use error::Error;
pub use pseudonym::{pseudonymize, Pseudonymizer, MIN_KEY_LEN};
pub use taxonomy::{Category, Sensitivity};
