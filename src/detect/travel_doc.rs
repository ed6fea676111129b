//! Travel documents and the Hong Kong identity card.
//!
//! None of the mainland documents carries a check character, so all of them are only
//! [`Strength::Shaped`]: it is the field label that confirms them. Shapes (letters in any
//! case):
//!
//! * **Passport** (ICAO Doc 9303 document numbers are up to 9 characters): Chinese ordinary
//!   e-passports `E` + 8 digits or `E` + letter (not I/O) + 7 digits, the older `G` + 8 digits,
//!   and generally 1–2 letters + 6–9 digits.
//! * **往来港澳通行证 / 回乡证** ([`Kind::HkMacauPermit`]): card permits `C` + 8 digits or
//!   `C` + letter + 7 digits; the older booklet `W` + 8 digits; 港澳居民来往内地通行证
//!   `H`/`M` + 8 digits, or `H`/`M` + 10 digits for the older booklet (2 digits of renewal
//!   count).
//! * **往来台湾通行证** ([`Kind::TaiwanPermit`]): `L` + 8 digits. The 8-digit 台胞证 number
//!   has no letter and is indistinguishable from any 8-digit number, so it is left to the
//!   field label.
//! * **Hong Kong identity card** (香港身份證): 1–2 letters + 6 digits + check character
//!   (0–9 or A), usually written `A123456(3)`. Check: with a leading space (value 36) for
//!   single-letter prefixes, letters A=10…Z=35, weights 9…2, the check is
//!   `(11 − Σ mod 11) mod 11` with 10 written `A`. Reported as [`Kind::HkMacauPermit`] (the
//!   identity document of a Hong Kong resident): Validated when written with the bracketed
//!   check character; the bare form `A1234563` is only Shaped, because one in eleven
//!   letter-plus-seven-digit codes (invoice or product numbers) passes the check by chance.

use super::{boundary_before, digit_end_ok, push, Detection, Kind, Strength};

fn letters_then_digits(b: &[u8]) -> (usize, usize) {
    let l = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let d = b
        .get(l..)
        .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
    (l, d)
}

/// Generic passport shape: 1–2 letters + 6–9 digits, and not an EU VAT number.
pub fn is_passport_shaped(s: &str) -> bool {
    let b = s.trim().as_bytes();
    let (l, d) = letters_then_digits(b);
    (1..=2).contains(&l) && (6..=9).contains(&d) && l + d == b.len() && !is_eu_vat_shaped(s)
}

/// EU VAT numbers whose shape is a country code and digits, with each country's digit count
/// (European Commission, VIES: "VAT number validation"): `DE123456789`, `DK12345678`. A
/// company's number, not a person's.
pub fn is_eu_vat_shaped(s: &str) -> bool {
    const LENGTHS: &[(&[u8; 2], &[usize])] = &[
        (b"DE", &[9]),
        (b"GB", &[9, 12]),
        (b"EL", &[9]),
        (b"PT", &[9]),
        (b"EE", &[9]),
        (b"LT", &[9, 12]),
        (b"BG", &[9, 10]),
        (b"IT", &[11]),
        (b"LV", &[11]),
        (b"HR", &[11]),
        (b"PL", &[10]),
        (b"SK", &[10]),
        (b"BE", &[10]),
        (b"SE", &[12]),
        (b"DK", &[8]),
        (b"FI", &[8]),
        (b"LU", &[8]),
        (b"HU", &[8]),
        (b"SI", &[8]),
        (b"MT", &[8]),
        (b"CZ", &[8, 9, 10]),
    ];
    let b = s.trim().as_bytes();
    let (Some(prefix), Some(rest)) = (b.get(..2), b.get(2..)) else {
        return false;
    };
    rest.iter().all(u8::is_ascii_digit)
        && LENGTHS
            .iter()
            .any(|(c, n)| prefix == &c[..] && n.contains(&rest.len()))
}

/// Chinese ordinary passport: `E`/`G` + 8 digits, or `E` + letter (not I/O) + 7 digits.
pub fn is_cn_passport(s: &str) -> bool {
    let b = s.trim().as_bytes();
    if b.len() != 9 {
        return false;
    }
    let up = |i: usize| b.get(i).map_or(0, u8::to_ascii_uppercase);
    let rest_digits = |from: usize| {
        b.get(from..)
            .is_some_and(|r| r.iter().all(u8::is_ascii_digit))
    };
    match up(0) {
        b'E' | b'G' if rest_digits(1) => true,
        b'E' => up(1).is_ascii_uppercase() && !matches!(up(1), b'I' | b'O') && rest_digits(2),
        _ => false,
    }
}

/// 往来港澳通行证 or 港澳居民来往内地通行证 shape.
pub fn is_hk_macau_permit(s: &str) -> bool {
    let b = s.trim().as_bytes();
    let (l, d) = letters_then_digits(b);
    let first = b.first().map_or(0, u8::to_ascii_uppercase);
    matches!(
        (first, l, d, b.len()),
        (b'C', 1, 8, 9)
            | (b'C', 2, 7, 9)
            | (b'W', 1, 8, 9)
            | (b'H' | b'M', 1, 8, 9)
            | (b'H' | b'M', 1, 10, 11)
    )
}

/// 往来台湾通行证 shape: `L` + 8 digits.
pub fn is_taiwan_permit(s: &str) -> bool {
    let b = s.trim().as_bytes();
    b.len() == 9
        && b.first().is_some_and(|c| c.eq_ignore_ascii_case(&b'L'))
        && b.get(1..).is_some_and(|r| r.iter().all(u8::is_ascii_digit))
}

/// Hong Kong identity card check character for a 1–2 letter prefix and 6 digits.
pub fn hkid_check_char(prefix: &[u8], digits: &[u8]) -> Option<u8> {
    if !(1..=2).contains(&prefix.len())
        || digits.len() != 6
        || !prefix.iter().all(u8::is_ascii_alphabetic)
        || !digits.iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    let mut vals = [36u32; 8];
    let off = 2 - prefix.len();
    for (k, &c) in prefix.iter().enumerate() {
        *vals.get_mut(off + k)? = u32::from(c.to_ascii_uppercase() - b'A') + 10;
    }
    for (k, &c) in digits.iter().enumerate() {
        *vals.get_mut(2 + k)? = u32::from(c - b'0');
    }
    let sum: u32 = vals.iter().zip((2..=9).rev()).map(|(v, w)| v * w).sum();
    Some(match (11 - sum % 11) % 11 {
        10 => b'A',
        n => b'0' + n as u8,
    })
}

/// Splits `A123456(3)`, `A123456 (3)`, `A1234563` into (prefix, digits, check).
fn hkid_parts(b: &[u8]) -> Option<(&[u8], &[u8], u8)> {
    let (l, d) = letters_then_digits(b);
    if !(1..=2).contains(&l) {
        return None;
    }
    let prefix = b.get(..l)?;
    let rest = b.get(l..)?;
    match (d, rest.len()) {
        (7, 7) => Some((prefix, rest.get(..6)?, *rest.get(6)?)),
        (6, 7) if rest.get(6).is_some_and(|c| c.eq_ignore_ascii_case(&b'A')) => {
            Some((prefix, rest.get(..6)?, b'A'))
        }
        (6, 9) | (6, 10) => {
            let tail = rest.get(6..)?;
            let tail = tail.strip_prefix(b" ").unwrap_or(tail);
            match tail {
                [b'(', c, b')'] => Some((prefix, rest.get(..6)?, *c)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A Hong Kong identity card number with a correct check character.
pub fn is_valid_hkid(s: &str) -> bool {
    match hkid_parts(s.trim().as_bytes()) {
        Some((prefix, digits, check)) => {
            hkid_check_char(prefix, digits) == Some(check.to_ascii_uppercase())
        }
        None => false,
    }
}

/// Whole-value detection.
pub(crate) fn detect(v: &str, out: &mut Vec<Detection>) {
    if v.len() > 16 {
        return;
    }
    if is_valid_hkid(v) {
        let strength = if v.ends_with(')') {
            Strength::Validated
        } else {
            Strength::Shaped
        };
        push(out, Kind::HkMacauPermit, strength);
    }
    if is_hk_macau_permit(v) {
        push(out, Kind::HkMacauPermit, Strength::Shaped);
    }
    if is_taiwan_permit(v) {
        push(out, Kind::TaiwanPermit, Strength::Shaped);
    }
    if is_passport_shaped(v) || is_cn_passport(v) {
        push(out, Kind::Passport, Strength::Shaped);
    } else if is_eu_vat_shaped(v) {
        push(out, Kind::NotPersonal, Strength::Shaped);
    }
}

/// Free-text matcher for Hong Kong identity cards written with the bracketed check
/// character (`A123456(3)`), the only form distinctive enough for running text.
pub(crate) fn scan_hkid_at(b: &[u8], i: usize) -> Option<usize> {
    if !boundary_before(b, i) || !b.get(i)?.is_ascii_uppercase() {
        return None;
    }
    let (l, d) = letters_then_digits(b.get(i..(i + 12).min(b.len()))?);
    if !(1..=2).contains(&l) || d != 6 {
        return None;
    }
    let end = i + l + 9;
    let cand = b.get(i..end)?;
    if cand.get(l + 6) != Some(&b'(') || !digit_end_ok(b, end) {
        return None;
    }
    let (prefix, digits, check) = hkid_parts(cand)?;
    (hkid_check_char(prefix, digits) == Some(check)).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passports() {
        for s in [
            "E12345678",
            "G12345678",
            "EA1234567",
            "e12345678",
            "P1234567",
            "AB123456",
        ] {
            assert!(is_passport_shaped(s), "{s}");
        }
        assert!(is_cn_passport("E12345678"));
        assert!(is_cn_passport("EB1234567"));
        assert!(!is_cn_passport("EI1234567"));
        assert!(!is_cn_passport("E1234567"));
        assert!(!is_cn_passport("X12345678"));
        for s in [
            "E1234",
            "ABC123456",
            "E1234567890",
            "12345678",
            "E12345678X",
            "E1234 5678",
        ] {
            assert!(!is_passport_shaped(s), "{s}");
        }
    }

    #[test]
    fn permits() {
        for s in [
            "C12345678",
            "CA1234567",
            "W12345678",
            "H12345678",
            "M1234567801",
        ] {
            assert!(is_hk_macau_permit(s), "{s}");
        }
        for s in ["C1234567", "D12345678", "H123456789", "CAB123456"] {
            assert!(!is_hk_macau_permit(s), "{s}");
        }
        assert!(is_taiwan_permit("L12345678"));
        assert!(!is_taiwan_permit("L1234567"));
        assert!(!is_taiwan_permit("12345678"));
    }

    #[test]
    fn hong_kong_identity_cards() {
        assert_eq!(hkid_check_char(b"A", b"123456"), Some(b'3'));
        assert_eq!(hkid_check_char(b"AB", b"987654"), Some(b'3'));
        for s in [
            "A123456(3)",
            "A123456 (3)",
            "A1234563",
            "a123456(3)",
            "AB987654(3)",
        ] {
            assert!(is_valid_hkid(s), "{s}");
        }
        for s in [
            "A123456(4)",
            "A123457(3)",
            "A123456(3",
            "A12345(3)",
            "ABC123456(3)",
        ] {
            assert!(!is_valid_hkid(s), "{s}");
        }
        // Check character A (value 10) exists.
        let digits = (0..1_000_000u32)
            .map(|n| format!("{n:06}"))
            .find(|d| hkid_check_char(b"B", d.as_bytes()) == Some(b'A'))
            .unwrap();
        assert!(is_valid_hkid(&format!("B{digits}(A)")));
    }

    #[test]
    fn scanner() {
        let t = "香港身份证A123456(3)。";
        let i = t.find('A').unwrap();
        assert_eq!(scan_hkid_at(t.as_bytes(), i), Some(i + 10));
        assert_eq!(scan_hkid_at(b"A123456(4)", 0), None);
        assert_eq!(scan_hkid_at(b"A1234563", 0), None);
    }
}
