//! The DOM face (`web-sys`): helpers that wire the core to live form elements.
//!
//! Like `wasm`, this module converts and delegates: it reads what the page shows (names,
//! labels, attributes, values) into core types and writes the core's answers back. No rule of
//! the product lives here, and nothing here logs a value.

mod consent;
mod form;
mod preview;

pub use consent::{mount_consent, ConsentDialog};
pub use form::classify_form;
pub use preview::{attach_pseudonym_preview, PseudonymPreview};
