//! Loading of the checked-in test vectors, shared by the native and wasm test crates.
#![allow(dead_code)] // each test crate uses a different part

use serde::Deserialize;

/// `tests/vectors/pseudonymize.json`, embedded so the wasm tests need no file system.
pub const PSEUDONYMIZE_JSON: &str = include_str!("../vectors/pseudonymize.json");

#[derive(Deserialize)]
pub struct PseudonymizeVectors {
    pub vectors: Vec<Vector>,
    pub errors: Vec<ErrorCase>,
}

#[derive(Deserialize)]
pub struct Vector {
    pub key: String,
    pub context: String,
    pub value: String,
    pub pseudonym: String,
}

#[derive(Deserialize)]
pub struct ErrorCase {
    pub key: String,
    pub context: String,
    pub value: String,
    pub code: String,
    pub field: String,
}

pub fn pseudonymize_vectors() -> PseudonymizeVectors {
    let v: PseudonymizeVectors =
        serde_json::from_str(PSEUDONYMIZE_JSON).expect("tests/vectors/pseudonymize.json parses");
    assert!(
        v.vectors.len() >= 30 && v.errors.len() >= 3,
        "vector file truncated"
    );
    v
}

pub fn from_hex(hex: &str) -> Vec<u8> {
    assert!(hex.len().is_multiple_of(2), "odd-length hex in vectors");
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex in vectors"))
        .collect()
}
