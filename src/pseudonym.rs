//! Keyed pseudonyms: the one hashing scheme of minform.
//!
//! A pseudonym lets an integrator join records about the same person (the same phone number in
//! two sign-ups) without receiving the value itself. Plain hashing does not do this safely:
//! phone numbers, birth dates and ID numbers have so little entropy that an unkeyed hash is
//! reversed by enumerating every candidate (Presidio's unsalted hash was broken exactly this
//! way). minform therefore only ever hashes **under the integrator's secret key**, and separates
//! domains so that a pseudonym made for one purpose cannot be matched against another.
//!
//! # Scheme (version 1)
//!
//! ```text
//! material  = le64(len(context)) ‖ context ‖ key        (context as UTF-8, key as given)
//! subkey    = BLAKE3-derive_key("minform 2026-11 pseudonym subkey v1", material)   // 32 bytes
//! pseudonym = lowercase-hex(BLAKE3-keyed_hash(subkey, value))                      // 64 chars
//! ```
//!
//! * `key` is the integrator's secret, at least [`MIN_KEY_LEN`] (32) bytes of random data. It
//!   never leaves the device and is never part of a policy or an output.
//! * `context` names the data set or use (`"signup-2026"`, a policy id and field category, …). It
//!   must be non-empty. Different contexts give unrelated pseudonyms for the same value and key.
//! * The BLAKE3 context string is a hard-coded constant, as the BLAKE3 documentation asks; the
//!   caller's context travels in the key material, length-prefixed so that no two
//!   `(context, key)` pairs produce the same material.
//! * `value` is hashed as its exact UTF-8 bytes. Normalization (trimming, lower-casing e-mail,
//!   E.164 phone numbers) is the caller's decision and is done by the minimizer before it calls
//!   this module, so that this scheme stays simple enough to re-implement anywhere.
//!
//! Any BLAKE3 implementation reproduces a pseudonym; `tests/vectors/pseudonymize.json` holds
//! vectors computed with an independent implementation and checked by every test layer.
#![forbid(unsafe_code)]

use crate::error::Error;

/// Minimum length of the integrator's secret key, in bytes (256 bits).
pub const MIN_KEY_LEN: usize = 32;

/// The BLAKE3 key-derivation context of scheme version 1. Changing it changes every pseudonym.
pub const SUBKEY_CONTEXT: &str = "minform 2026-11 pseudonym subkey v1";

/// A pseudonymizer bound to one key and one context: derive once, hash many values.
///
/// Holds only the derived subkey, not the integrator's key. Its `Debug` output never shows the
/// subkey.
#[derive(Clone)]
pub struct Pseudonymizer {
    subkey: [u8; blake3::KEY_LEN],
}

impl Pseudonymizer {
    /// Derives the subkey for `context` from `key`.
    ///
    /// # Errors
    /// [`Error::KeyTooShort`] if `key` has fewer than [`MIN_KEY_LEN`] bytes;
    /// [`Error::ContextEmpty`] if `context` is empty.
    pub fn new(key: &[u8], context: &str) -> Result<Self, Error> {
        if key.len() < MIN_KEY_LEN {
            return Err(Error::KeyTooShort {
                path: "key".into(),
                len: key.len(),
            });
        }
        if context.is_empty() {
            return Err(Error::ContextEmpty {
                path: "context".into(),
            });
        }
        let mut deriver = blake3::Hasher::new_derive_key(SUBKEY_CONTEXT);
        deriver.update(&(context.len() as u64).to_le_bytes());
        deriver.update(context.as_bytes());
        deriver.update(key);
        Ok(Pseudonymizer {
            subkey: *deriver.finalize().as_bytes(),
        })
    }

    /// The pseudonym of `value`: 64 lowercase hex characters.
    pub fn pseudonymize(&self, value: &str) -> String {
        blake3::keyed_hash(&self.subkey, value.as_bytes())
            .to_hex()
            .to_string()
    }
}

impl std::fmt::Debug for Pseudonymizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pseudonymizer { subkey: <redacted> }")
    }
}

/// The pseudonym of `value` under `key` in `context` (see the [module docs](self) for the scheme).
///
/// ```
/// let key = [7u8; 32]; // in real use: 32 random bytes kept secret by the integrator
/// let p = minform::pseudonymize(&key, "signup-2026", "13800138000").unwrap();
/// assert_eq!(p.len(), 64);
/// assert_ne!(p, minform::pseudonymize(&key, "newsletter", "13800138000").unwrap());
/// ```
///
/// # Errors
/// [`Error::KeyTooShort`] if `key` has fewer than [`MIN_KEY_LEN`] bytes;
/// [`Error::ContextEmpty`] if `context` is empty.
pub fn pseudonymize(key: &[u8], context: &str, value: &str) -> Result<String, Error> {
    Ok(Pseudonymizer::new(key, context)?.pseudonymize(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: [u8; 32] = [0x42; 32];

    #[test]
    fn output_is_64_lowercase_hex() {
        let p = pseudonymize(&KEY, "ctx", "王小明").unwrap();
        assert_eq!(p.len(), 64);
        assert!(p.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')));
    }

    #[test]
    fn deterministic_and_separated_by_key_context_and_value() {
        let base = pseudonymize(&KEY, "ctx", "v").unwrap();
        assert_eq!(base, pseudonymize(&KEY, "ctx", "v").unwrap());
        assert_ne!(base, pseudonymize(&[0x43; 32], "ctx", "v").unwrap());
        assert_ne!(base, pseudonymize(&KEY, "ctx2", "v").unwrap());
        assert_ne!(base, pseudonymize(&KEY, "ctx", "v ").unwrap());
    }

    #[test]
    fn context_and_key_boundary_is_unambiguous() {
        // Without the length prefix, ("ab", key) and ("a", "b" ‖ key) would share key material.
        let mut shifted = vec![b'b'];
        shifted.extend_from_slice(&KEY);
        assert_ne!(
            pseudonymize(&KEY, "ab", "v").unwrap(),
            pseudonymize(&shifted, "a", "v").unwrap()
        );
    }

    #[test]
    fn short_keys_and_empty_contexts_are_refused() {
        for len in [0, 1, 16, 31] {
            let err = pseudonymize(&vec![1; len], "ctx", "v").unwrap_err();
            assert_eq!(
                err,
                Error::KeyTooShort {
                    path: "key".into(),
                    len
                }
            );
        }
        assert!(pseudonymize(&[1; 32], "ctx", "v").is_ok());
        assert!(pseudonymize(&[1; 64], "ctx", "v").is_ok());
        assert_eq!(
            pseudonymize(&KEY, "", "v").unwrap_err().code(),
            "context_empty"
        );
    }

    #[test]
    fn debug_does_not_reveal_the_subkey() {
        let p = Pseudonymizer::new(&KEY, "ctx").unwrap();
        assert_eq!(format!("{p:?}"), "Pseudonymizer { subkey: <redacted> }");
    }

    #[test]
    fn reference_matches_explicit_construction() {
        // The readable statement of the scheme, spelled out with the blake3 free functions.
        let mut material = Vec::new();
        material.extend_from_slice(&3u64.to_le_bytes());
        material.extend_from_slice(b"ctx");
        material.extend_from_slice(&KEY);
        let subkey = blake3::derive_key(SUBKEY_CONTEXT, &material);
        let expect = blake3::keyed_hash(&subkey, "值".as_bytes())
            .to_hex()
            .to_string();
        assert_eq!(pseudonymize(&KEY, "ctx", "值").unwrap(), expect);
    }
}
