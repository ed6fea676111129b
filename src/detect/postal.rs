//! Postal codes. None carries a check digit, so every match is only
//! [`Strength::Shaped`] and means something only next to a label.
//!
//! * China (邮政编码, GB/T 2260-aligned postal zones of 中国邮政): 6 digits whose first two
//!   digits are a postal province zone 01–86 (Hong Kong, Macau and Taiwan use other systems;
//!   9xxxxx is not a mainland code).
//! * United States ZIP / ZIP+4 (USPS Publication 28): `12345` or `12345-6789`, not `00000`.
//! * United Kingdom (BS 7666 postcode format): outward code `A9`, `A99`, `AA9`, `AA99`,
//!   `A9A` or `AA9A`, an optional space, inward code `9AA`, with the Royal Mail letter
//!   restrictions per position; `GIR 0AA` too.
//! * Canada (Canada Post): `A1A 1A1` (space optional), without the letters D F I O Q U, and
//!   W or Z not first.
//! * Japan (郵便番号): `123-4567`.
//! * Brazil (CEP, Correios): `12345-678` (five digits, a dash, three); written without the
//!   dash it is eight bare digits, which says nothing, so only the dashed form is read.

use super::{push, Detection, Kind, Strength};

/// A mainland-China postal code.
pub fn is_cn_postal(s: &str) -> bool {
    let b = s.trim().as_bytes();
    b.len() == 6
        && b.iter().all(u8::is_ascii_digit)
        && super::digits_value(b.get(..2).unwrap_or(&[])).is_some_and(|z| (1..=86).contains(&z))
}

/// A US ZIP or ZIP+4 code.
pub fn is_us_zip(s: &str) -> bool {
    let b = s.trim().as_bytes();
    let five = |p: &[u8]| p.len() == 5 && p.iter().all(u8::is_ascii_digit) && p != b"00000";
    match b.len() {
        5 => five(b),
        10 => {
            five(b.get(..5).unwrap_or(&[]))
                && b.get(5) == Some(&b'-')
                && b.get(6..).is_some_and(|p| p.iter().all(u8::is_ascii_digit))
        }
        _ => false,
    }
}

/// A UK postcode (case-insensitive, space optional).
pub fn is_uk_postcode(s: &str) -> bool {
    let mut buf = [0u8; 7];
    let mut n = 0;
    let b = s.trim().as_bytes();
    if b.len() > 8 {
        return false;
    }
    for (i, &c) in b.iter().enumerate() {
        if c == b' ' {
            // one space, right before the 3-character inward code
            if b.len() < 4 || i != b.len() - 4 {
                return false;
            }
            continue;
        }
        match buf.get_mut(n) {
            Some(slot) => *slot = c.to_ascii_uppercase(),
            None => return false,
        }
        n += 1;
    }
    let code = buf.get(..n).unwrap_or(&[]);
    if code == b"GIR0AA" {
        return true;
    }
    if !(5..=7).contains(&n) {
        return false;
    }
    let (out, inw) = code.split_at(n - 3);
    // Inward code: digit + two letters, without C I K M O V.
    let in_letter = |c: &u8| c.is_ascii_uppercase() && !b"CIKMOV".contains(c);
    let inward_ok = inw.first().is_some_and(u8::is_ascii_digit)
        && inw.get(1).is_some_and(in_letter)
        && inw.get(2).is_some_and(in_letter);
    let first = |c: &u8| c.is_ascii_uppercase() && !b"QVX".contains(c);
    let second = |c: &u8| c.is_ascii_uppercase() && !b"IJZ".contains(c);
    let d = |c: &u8| c.is_ascii_digit();
    let outward_ok = match out {
        [a, b] => first(a) && d(b),
        [a, b, c] => {
            (first(a) && d(b) && d(c))
                || (first(a) && second(b) && d(c))
                || (first(a) && d(b) && b"ABCDEFGHJKPSTUW".contains(c))
        }
        [a, b, c, e] => first(a) && second(b) && d(c) && (d(e) || b"ABEHMNPRVWXY".contains(e)),
        _ => false,
    };
    inward_ok && outward_ok
}

/// A Canadian postal code (case-insensitive; space or nothing in the middle).
pub fn is_ca_postal(s: &str) -> bool {
    let b = s.trim().as_bytes();
    let code: [u8; 6] = match b.len() {
        6 => [b[0], b[1], b[2], b[3], b[4], b[5]],
        7 if b[3] == b' ' || b[3] == b'-' => [b[0], b[1], b[2], b[4], b[5], b[6]],
        _ => return false,
    };
    let letter = |c: u8| {
        let c = c.to_ascii_uppercase();
        c.is_ascii_uppercase() && !b"DFIOQU".contains(&c)
    };
    let [a, b1, c, d, e, f] = code;
    letter(a)
        && !matches!(a.to_ascii_uppercase(), b'W' | b'Z')
        && b1.is_ascii_digit()
        && letter(c)
        && d.is_ascii_digit()
        && letter(e)
        && f.is_ascii_digit()
}

/// A Japanese postal code `123-4567`.
pub fn is_jp_postal(s: &str) -> bool {
    let b = s.trim().as_bytes();
    b.len() == 8
        && b.get(3) == Some(&b'-')
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 3 || c.is_ascii_digit())
}

/// Brazil's CEP with its dash: `01310-100`.
pub fn is_br_cep(s: &str) -> bool {
    let b = s.trim().as_bytes();
    b.len() == 9
        && b[5] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 5 || c.is_ascii_digit())
}

/// Any supported postal-code format (surrounding whitespace ignored).
pub fn is_postal_code(s: &str) -> bool {
    let s = s.trim();
    is_cn_postal(s)
        || is_us_zip(s)
        || is_uk_postcode(s)
        || is_ca_postal(s)
        || is_jp_postal(s)
        || is_br_cep(s)
}

/// Whole-value detection.
pub(crate) fn detect(v: &str, out: &mut Vec<Detection>) {
    if is_postal_code(v) {
        push(out, Kind::PostalCode, Strength::Shaped);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn china() {
        for s in ["100080", "518057", "200000", "010000", "850000"] {
            assert!(is_cn_postal(s), "{s}");
        }
        for s in ["999078", "000000", "870000", "10008", "1000800", "10008a"] {
            assert!(!is_cn_postal(s), "{s}");
        }
    }

    #[test]
    fn brazil() {
        for s in ["01310-100", "79922-983", " 20040-020 "] {
            assert!(is_br_cep(s), "{s}");
        }
        for s in ["01310100", "0131-0100", "01310-10", "0131a-100"] {
            assert!(!is_br_cep(s), "{s}");
        }
    }

    #[test]
    fn us() {
        assert!(is_us_zip("94103"));
        assert!(is_us_zip("94103-1234"));
        assert!(is_us_zip("00501"));
        assert!(!is_us_zip("00000"));
        assert!(!is_us_zip("9410"));
        assert!(!is_us_zip("94103-123"));
        assert!(!is_us_zip("94103 1234"));
    }

    #[test]
    fn uk() {
        for s in [
            "SW1A 1AA", "EC1A 1BB", "W1A 0AX", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT",
            "sw1a1aa", "GIR 0AA",
        ] {
            assert!(is_uk_postcode(s), "{s}");
        }
        for s in [
            "SW1A 1CA", // C not allowed in the inward code
            "QW1 1AA",  // Q not allowed first
            "SW1A  1AA",
            "S 1AA",
            "SW1A1A",
            "123 4AB",
            "AI1 1AA", // I not allowed second
        ] {
            assert!(!is_uk_postcode(s), "{s}");
        }
    }

    #[test]
    fn canada_and_japan() {
        assert!(is_ca_postal("K1A 0B1"));
        assert!(is_ca_postal("k1a0b1"));
        assert!(!is_ca_postal("D1A 0B1"));
        assert!(!is_ca_postal("W1A 0B1"));
        assert!(!is_ca_postal("K1A 0B"));
        assert!(is_jp_postal("100-0001"));
        assert!(!is_jp_postal("100-000"));
        assert!(!is_jp_postal("1000-001"));
    }
}
