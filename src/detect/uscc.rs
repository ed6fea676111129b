//! Unified Social Credit Codes (统一社会信用代码), GB 32100-2015.
//!
//! 18 characters from the 31-character alphabet `0123456789ABCDEFGHJKLMNPQRTUWXY` (no I, O,
//! Z, S, V):
//!
//! | chars | meaning |
//! |-------|---------|
//! | 1     | registration authority (1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商, A 中央军委改革和编制办公室, N 农业, Y 其他) |
//! | 2     | organisation type (1, 2, 3, 4, 5 or 9 depending on the authority) |
//! | 3–8   | administrative division code (GB/T 2260, digits; `100000` for national level) |
//! | 9–17  | organisation code (GB 11714: 8 characters + its own check character) |
//! | 18    | check character: `(31 − Σ cᵢ·wᵢ mod 31) mod 31` through the alphabet, weights `3^(i-1) mod 31` = 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28 |
//!
//! A company code is not personal information ([`Kind::Uscc`] maps to `NonPersonal`); it is
//! detected so that the classifier can tell a company-code field from an ID field.
//! [`is_valid`] checks the GB 32100 rules; [`org_code_check_ok`] the GB 11714 check of the
//! embedded organisation code, which every genuine code also satisfies.
//!
//! An all-digit code looks like a resident ID (17 digits + digit/X). Such a value is reported
//! as a USCC only when it passes both the GB 32100 and the GB 11714 checks and does *not*
//! pass the GB 11643 resident-ID rules: genuine company codes almost never have a real date
//! in characters 7–14 plus a valid MOD 11-2 check (≈ 1 in 10⁵), whereas about 1 in 340
//! resident IDs happens to pass both company-code checks, and losing a child's ID number is
//! the worse mistake.

use super::{push, resident_id, Detection, Kind, Strength};

/// The code alphabet; a character's value is its index.
pub const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights of the first 17 characters.
pub const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// GB 11714 organisation-code weights (first 8 characters).
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// Value of a code character (case-insensitive), `None` outside the alphabet.
pub fn char_value(c: u8) -> Option<u32> {
    let c = c.to_ascii_uppercase();
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

/// The check character for the first 17 characters.
pub fn check_char(first17: &[u8]) -> Option<u8> {
    if first17.len() != 17 {
        return None;
    }
    let mut sum: u32 = 0;
    for (&c, w) in first17.iter().zip(WEIGHTS) {
        sum += char_value(c)? * w;
    }
    ALPHABET.get(((31 - sum % 31) % 31) as usize).copied()
}

/// Registration authority and organisation type are a known combination.
fn authority_and_type_ok(b: &[u8]) -> bool {
    let (Some(a), Some(t)) = (b.first(), b.get(1)) else {
        return false;
    };
    matches!(a.to_ascii_uppercase(), b'1'..=b'9' | b'A' | b'N' | b'Y')
        && matches!(t, b'1'..=b'5' | b'9')
}

/// 18 alphabet characters with a numeric division code (chars 3–8).
pub(crate) fn is_shaped(b: &[u8]) -> bool {
    b.len() == 18
        && b.iter().all(|&c| char_value(c).is_some())
        && b.get(2..8)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
}

/// An 18-character code (no separators) passes the GB 32100 rules: alphabet, authority/type,
/// numeric division code and the mod-31 check character.
pub fn is_valid_compact(b: &[u8]) -> bool {
    is_shaped(b)
        && authority_and_type_ok(b)
        && match (b.get(..17).and_then(check_char), b.get(17)) {
            (Some(expected), Some(&got)) => expected == got.to_ascii_uppercase(),
            _ => false,
        }
}

/// The value (surrounding whitespace ignored) is a valid USCC.
pub fn is_valid(s: &str) -> bool {
    is_valid_compact(s.trim().as_bytes())
}

/// The GB 11714 check character of the organisation code (chars 9–17) is right.
pub fn org_code_check_ok(b: &[u8]) -> bool {
    let Some(org) = b.get(8..17) else {
        return false;
    };
    let mut sum: u32 = 0;
    for (&c, w) in org.iter().zip(ORG_WEIGHTS) {
        let v = match c.to_ascii_uppercase() {
            d @ b'0'..=b'9' => u32::from(d - b'0'),
            l @ b'A'..=b'Z' => u32::from(l - b'A') + 10,
            _ => return false,
        };
        sum += v * w;
    }
    let expected = match 11 - sum % 11 {
        10 => b'X',
        11 => b'0',
        n => b'0' + n as u8,
    };
    org.get(8)
        .is_some_and(|c| c.to_ascii_uppercase() == expected)
}

/// Whole-value detection. A value that reads as a resident ID (17 digits + digit/X) is
/// reported (Validated) only when both company-code checks pass and the resident-ID rules do
/// not; a code with letters is Validated when [`is_valid_compact`] holds and Shaped otherwise.
pub(crate) fn detect(v: &str, out: &mut Vec<Detection>) {
    let b = v.as_bytes();
    if !is_shaped(b) {
        return;
    }
    if resident_id::is_id_shaped(b) {
        if is_valid_compact(b) && org_code_check_ok(b) && !resident_id::is_valid_compact(b) {
            push(out, Kind::Uscc, Strength::Validated);
        }
        return;
    }
    let strength = if is_valid_compact(b) {
        Strength::Validated
    } else {
        Strength::Shaped
    };
    push(out, Kind::Uscc, strength);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Codes checked by hand against the algorithm (all pass both the GB 32100 and the
    /// GB 11714 check).
    const REAL: [&str; 6] = [
        "91110000100006485K",
        "911100007109288314",
        "91350100M000100Y43",
        "91440300708461136T",
        "914403001922038216",
        "91110000802100433B",
    ];

    #[test]
    fn known_codes_validate() {
        for s in REAL {
            assert!(is_valid(s), "{s}");
            assert!(org_code_check_ok(s.as_bytes()), "{s}");
        }
        // Made-up example: passes the GB 32100 check but not the organisation-code check.
        assert!(is_valid("91110108MA01ABCDEN"));
        assert!(!org_code_check_ok(b"91110108MA01ABCDEN"));
        assert!(is_valid("91110108ma01abcden"));
    }

    #[test]
    fn check_char_computation() {
        assert_eq!(check_char(b"91110000100006485"), Some(b'K'));
        assert_eq!(check_char(b"91110108MA01ABCDE"), Some(b'N'));
        assert_eq!(check_char(b"91110108MA01ABCDI"), None); // I is not in the alphabet
    }

    #[test]
    fn rejects_near_misses() {
        assert!(!is_valid("91110000100006485J")); // wrong check char
        assert!(!is_valid("91110000100006486K")); // one char changed
        assert!(!is_valid("91110108MA01ABCDE0"));
        assert!(!is_valid("9111010SMA01ABCDEN")); // letter in the division code
        assert!(!is_valid("91110108MA01ABCDEI")); // I not allowed
        assert!(!is_valid("01110000100006485K")); // authority 0
        assert!(!is_valid("9111000010000648K")); // 17 chars
        for s in REAL {
            let b = s.as_bytes();
            for i in 0..17 {
                let mut m = b.to_vec();
                m[i] = if b[i] == b'0' { b'1' } else { b'0' };
                assert!(!is_valid_compact(&m), "{}", String::from_utf8_lossy(&m));
            }
        }
    }

    #[test]
    fn detect_strengths() {
        let mut out = Vec::new();
        detect("91110108MA01ABCDEN", &mut out);
        assert_eq!(out[0].strength, Strength::Validated);
        let mut out = Vec::new();
        detect("91110108MA01ABCDE0", &mut out);
        assert_eq!(out[0].strength, Strength::Shaped);
        // An all-digit valid company code is a USCC.
        let mut out = Vec::new();
        detect("914403001922038216", &mut out);
        assert_eq!(out[0].kind, Kind::Uscc);
        // A resident ID is not.
        let mut out = Vec::new();
        detect("110105201305120235", &mut out);
        assert!(out.is_empty());
    }
}
