//! International Bank Account Numbers, ISO 13616-1:2020.
//!
//! An IBAN is a two-letter ISO 3166-1 country code, two check digits and a country-specific
//! BBAN of fixed length (at most 34 characters in all). It is valid when, after moving the
//! first four characters to the end and replacing letters by 10–35 (A=10 … Z=35), the number
//! is ≡ 1 (mod 97) (ISO 7064 MOD 97-10); check digits 00, 01 and 99 never occur.
//!
//! Lengths are those of the SWIFT IBAN registry, plus the countries that issue IBANs outside
//! it (mostly in Africa). In print, IBANs are written in groups of four separated by single
//! spaces ("GB82 WEST 1234 5698 7654 32"); both forms are accepted, letters in any case.

use super::{alnum_at, boundary_before, push, Detection, Kind, Strength};

/// Country code and total IBAN length.
const LENGTHS: &[(&[u8; 2], usize)] = &[
    (b"AD", 24),
    (b"AE", 23),
    (b"AL", 28),
    (b"AO", 25),
    (b"AT", 20),
    (b"AZ", 28),
    (b"BA", 20),
    (b"BE", 16),
    (b"BF", 28),
    (b"BG", 22),
    (b"BH", 22),
    (b"BI", 27),
    (b"BJ", 28),
    (b"BR", 29),
    (b"BY", 28),
    (b"CF", 27),
    (b"CG", 27),
    (b"CH", 21),
    (b"CI", 28),
    (b"CM", 27),
    (b"CR", 22),
    (b"CV", 25),
    (b"CY", 28),
    (b"CZ", 24),
    (b"DE", 22),
    (b"DJ", 27),
    (b"DK", 18),
    (b"DO", 28),
    (b"DZ", 26),
    (b"EE", 20),
    (b"EG", 29),
    (b"ES", 24),
    (b"FI", 18),
    (b"FK", 18),
    (b"FO", 18),
    (b"FR", 27),
    (b"GA", 27),
    (b"GB", 22),
    (b"GE", 22),
    (b"GI", 23),
    (b"GL", 18),
    (b"GQ", 27),
    (b"GR", 27),
    (b"GT", 28),
    (b"GW", 25),
    (b"HN", 28),
    (b"HR", 21),
    (b"HU", 28),
    (b"IE", 22),
    (b"IL", 23),
    (b"IQ", 23),
    (b"IR", 26),
    (b"IS", 26),
    (b"IT", 27),
    (b"JO", 30),
    (b"KM", 27),
    (b"KW", 30),
    (b"KZ", 20),
    (b"LB", 28),
    (b"LC", 32),
    (b"LI", 21),
    (b"LT", 20),
    (b"LU", 20),
    (b"LV", 21),
    (b"LY", 25),
    (b"MA", 28),
    (b"MC", 27),
    (b"MD", 24),
    (b"ME", 22),
    (b"MG", 27),
    (b"MK", 19),
    (b"ML", 28),
    (b"MN", 20),
    (b"MR", 27),
    (b"MT", 31),
    (b"MU", 30),
    (b"MZ", 25),
    (b"NE", 28),
    (b"NI", 28),
    (b"NL", 18),
    (b"NO", 15),
    (b"OM", 23),
    (b"PK", 24),
    (b"PL", 28),
    (b"PS", 29),
    (b"PT", 25),
    (b"QA", 29),
    (b"RO", 24),
    (b"RS", 22),
    (b"RU", 33),
    (b"SA", 24),
    (b"SC", 31),
    (b"SD", 18),
    (b"SE", 24),
    (b"SI", 19),
    (b"SK", 24),
    (b"SM", 27),
    (b"SN", 28),
    (b"SO", 23),
    (b"ST", 25),
    (b"SV", 28),
    (b"TD", 27),
    (b"TG", 28),
    (b"TL", 23),
    (b"TN", 24),
    (b"TR", 26),
    (b"UA", 29),
    (b"VA", 22),
    (b"VG", 24),
    (b"XK", 20),
    (b"YE", 30),
];

/// The IBAN length for a country code (case-insensitive), if the country issues IBANs.
pub fn country_length(cc: &[u8]) -> Option<usize> {
    let (a, b) = (
        cc.first()?.to_ascii_uppercase(),
        cc.get(1)?.to_ascii_uppercase(),
    );
    LENGTHS
        .iter()
        .find(|(c, _)| c[0] == a && c[1] == b)
        .map(|&(_, n)| n)
}

/// ISO 7064 MOD 97-10 remainder of the rearranged IBAN (`None` on a non-alphanumeric byte).
fn mod97(iban: &[u8]) -> Option<u32> {
    let (head, tail) = (iban.get(..4)?, iban.get(4..)?);
    let mut rem: u32 = 0;
    for &c in tail.iter().chain(head) {
        let c = c.to_ascii_uppercase();
        rem = match c {
            b'0'..=b'9' => (rem * 10 + u32::from(c - b'0')) % 97,
            b'A'..=b'Z' => (rem * 100 + u32::from(c - b'A') + 10) % 97,
            _ => return None,
        };
    }
    Some(rem)
}

/// A compact IBAN (no spaces) is valid: known country, its exact length, check digits
/// 02–98, alphanumeric BBAN, mod 97 = 1.
pub fn is_valid_compact(b: &[u8]) -> bool {
    let Some(len) = country_length(b) else {
        return false;
    };
    if b.len() != len
        || !b
            .get(..2)
            .is_some_and(|c| c.iter().all(u8::is_ascii_alphabetic))
        || !b
            .get(2..4)
            .is_some_and(|c| c.iter().all(u8::is_ascii_digit))
        || matches!(b.get(2..4), Some(b"00" | b"01" | b"99"))
        || !b.iter().all(u8::is_ascii_alphanumeric)
    {
        return false;
    }
    mod97(b) == Some(1)
}

/// The value (surrounding whitespace ignored, single spaces between groups allowed) is a
/// valid IBAN.
pub fn is_valid(s: &str) -> bool {
    let s = s.trim();
    if s.len() > 48 {
        return false;
    }
    let mut buf = [0u8; 34];
    let mut n = 0;
    let mut prev_space = true; // no leading space
    for c in s.bytes() {
        if c == b' ' {
            if prev_space {
                return false;
            }
            prev_space = true;
            continue;
        }
        prev_space = false;
        match buf.get_mut(n) {
            Some(slot) => *slot = c,
            None => return false,
        }
        n += 1;
    }
    !prev_space && is_valid_compact(buf.get(..n).unwrap_or(&[]))
}

/// Whole-value detection.
pub(crate) fn detect(v: &str, out: &mut Vec<Detection>) {
    if is_valid(v) {
        push(out, Kind::Iban, Strength::Validated);
    }
}

/// Free-text matcher: a valid IBAN starting at `i` (compact or with single spaces between
/// characters), not glued to other letters or digits.
pub(crate) fn scan_at(b: &[u8], i: usize) -> Option<usize> {
    if !boundary_before(b, i)
        || !b.get(i..i + 2)?.iter().all(u8::is_ascii_alphabetic)
        || !b.get(i + 2..i + 4)?.iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    let len = country_length(b.get(i..i + 2)?)?;
    let mut buf = [0u8; 34];
    let mut n = 0;
    let mut j = i;
    while n < len {
        match b.get(j) {
            Some(&c) if c.is_ascii_alphanumeric() => {
                *buf.get_mut(n)? = c;
                n += 1;
                j += 1;
            }
            Some(b' ') if n >= 4 && alnum_at(b, j + 1) => j += 1,
            _ => return None,
        }
    }
    if alnum_at(b, j) {
        return None;
    }
    is_valid_compact(buf.get(..n)?).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_ibans() {
        for s in [
            "GB82 WEST 1234 5698 7654 32",
            "GB82WEST12345698765432",
            "DE89370400440532013000",
            "DE89 3704 0044 0532 0130 00",
            "FR1420041010050500013M02606",
            "NL91ABNA0417164300",
            "NO9386011117947",
            "CH9300762011623852957",
            "gb82 west 1234 5698 7654 32",
        ] {
            assert!(is_valid(s), "{s}");
        }
    }

    #[test]
    fn invalid_ibans() {
        for s in [
            "GB82 WEST 1234 5698 7654 33", // one digit changed
            "GB83WEST12345698765432",      // check digits
            "DE89370400440532013001",
            "DE8937040044053201300",  // too short
            "XX82WEST12345698765432", // unknown country
            "GB82  WEST 1234 5698 7654 32",
            "GB82-WEST-1234-5698-7654-32",
            "",
        ] {
            assert!(!is_valid(s), "{s}");
        }
    }

    #[test]
    fn scanner() {
        let t = b"IBAN: GB82 WEST 1234 5698 7654 32 thanks";
        assert_eq!(scan_at(t, 6), Some(6 + 27));
        assert_eq!(scan_at(b"DE89370400440532013000", 0), Some(22));
        assert_eq!(scan_at(b"DE893704004405320130001", 0), None);
        assert_eq!(scan_at(b"xDE89370400440532013000", 1), None);
    }
}
