//! Chinese citizen identification numbers (公民身份号码), GB 11643-1999, and the national
//! student number (全国学籍号) built on them.
//!
//! An 18-character number is laid out as
//!
//! | chars | meaning |
//! |-------|---------|
//! | 1–6   | address code (GB/T 2260 administrative division; first two digits = province) |
//! | 7–14  | date of birth `YYYYMMDD` |
//! | 15–17 | sequence code (odd for men, even for women) |
//! | 18    | check character, ISO 7064 MOD 11-2 |
//!
//! The check character is `"10X98765432"[Σ aᵢ·wᵢ mod 11]` with weights
//! `wᵢ = 2^(17-i) mod 11` = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2.
//!
//! Province codes accepted: the GB/T 2260 provinces (11–15, 21–23, 31–37, 41–46, 50–54,
//! 61–65, 71), 81/82/83 (residence permits of Hong Kong, Macau and Taiwan residents, which use
//! the same number format), and 91 (listed as "abroad" by widely used validators). Numbers
//! starting with `9` followed by a mainland province code are the 2023 Foreign Permanent
//! Resident ID Card (外国人永久居留身份证), which keeps the date and check-character layout.
//!
//! Pre-1999 15-digit numbers (6 address + `YYMMDD` + 3 sequence, no check) are only
//! [`Strength::Shaped`].
//!
//! A Unified Social Credit Code (GB 32100-2015, see [`super::uscc`]) is also 18 characters
//! and may be all digits. A company code practically never passes these rules (its
//! characters 7–14 are the end of a division code and the start of an organisation code,
//! almost never a real date, and then the MOD 11-2 check must also hold: ≈ 1 in 10⁵ all-digit
//! codes). A number that passes every rule here *is* a well-formed resident ID and is reported
//! as one; an ID-shaped number that fails the check character but is a valid USCC is not
//! reported as a (mistyped) resident ID.
//!
//! 全国学籍号 (the national student number of the 中小学生学籍信息管理系统) is `G` + the
//! student's resident ID; `L` (temporary) and `J` prefixes exist as well. A letter from
//! {G, L, J} followed by a valid resident ID is a Validated [`Kind::StudentNumber`]; followed
//! by an ID-shaped but invalid number it is Shaped.

use super::{
    boundary_before, date, digit_end_ok, digit_run, digit_start_ok, digits_value, push, uscc,
    Detection, Kind, Strength,
};

/// First two digits of the address code that are accepted.
pub const PROVINCE_CODES: [u32; 36] = [
    11, 12, 13, 14, 15, // 华北
    21, 22, 23, // 东北
    31, 32, 33, 34, 35, 36, 37, // 华东
    41, 42, 43, 44, 45, 46, // 中南
    50, 51, 52, 53, 54, // 西南
    61, 62, 63, 64, 65, // 西北
    71, // 台湾
    81, 82, 83, // 港澳台居民居住证
    91, // 国外
];

/// ISO 7064 MOD 11-2 weights for the first 17 characters.
pub const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/// Check character for each value of the weighted sum mod 11.
const CHECK_CHARS: &[u8; 11] = b"10X98765432";

/// `code` (two digits) is an accepted province code.
pub fn is_province_code(code: u32) -> bool {
    PROVINCE_CODES.contains(&code)
}

/// A mainland province (GB/T 2260), as used by the foreigners' permanent residence card.
fn is_mainland_province(code: u32) -> bool {
    is_province_code(code) && code < 70
}

fn two_digits(b: &[u8], i: usize) -> Option<u32> {
    digits_value(b.get(i..i + 2)?)
}

/// The ISO 7064 MOD 11-2 check character (`0`–`9` or `X`) for 17 ASCII digits.
pub fn check_char(first17: &[u8]) -> Option<u8> {
    if first17.len() != 17 || !first17.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sum: u32 = first17
        .iter()
        .zip(WEIGHTS)
        .map(|(&c, w)| u32::from(c - b'0') * w)
        .sum();
    CHECK_CHARS.get((sum % 11) as usize).copied()
}

/// 17 digits followed by a digit or `X`/`x`.
pub(crate) fn is_id_shaped(b: &[u8]) -> bool {
    b.len() == 18
        && b.get(..17)
            .is_some_and(|p| p.iter().all(u8::is_ascii_digit))
        && b.get(17)
            .is_some_and(|&c| c.is_ascii_digit() || c == b'X' || c == b'x')
}

fn address_ok(b: &[u8]) -> bool {
    match (two_digits(b, 0), two_digits(b, 1)) {
        (Some(p), _) if is_province_code(p) => true,
        (_, Some(q)) => b.first() == Some(&b'9') && is_mainland_province(q),
        _ => false,
    }
}

/// Shape, address code and date of birth are right (the check character is not looked at).
pub(crate) fn structure_ok(b: &[u8]) -> bool {
    is_id_shaped(b) && address_ok(b) && b.get(6..14).is_some_and(date::is_valid_yyyymmdd)
}

/// An 18-character number (no separators) passes every GB 11643 rule.
pub fn is_valid_compact(b: &[u8]) -> bool {
    structure_ok(b)
        && match (b.get(..17).and_then(check_char), b.get(17)) {
            (Some(expected), Some(&got)) => expected == got.to_ascii_uppercase(),
            _ => false,
        }
}

/// Removes grouping separators: single spaces or single dashes between groups, in any
/// grouping people type ("110105 20130512 0235", "4403 0520 1007 1510 9X"); one kind of
/// separator per value, never leading, trailing or doubled. Contiguous numbers are returned as
/// they are. Does not validate.
pub fn compact(s: &str) -> Option<[u8; 18]> {
    let b = s.as_bytes();
    if !(18..=26).contains(&b.len()) {
        return None;
    }
    let sep = b.iter().copied().find(|c| matches!(c, b' ' | b'-'));
    let mut out = [0u8; 18];
    let mut n = 0;
    for (i, &c) in b.iter().enumerate() {
        if Some(c) == sep {
            let inner = i > 0 && i + 1 < b.len() && b[i - 1] != c && b[i + 1] != c;
            if !inner {
                return None;
            }
            continue;
        }
        *out.get_mut(n)? = c;
        n += 1;
    }
    (n == 18).then_some(out)
}

/// The value (surrounding whitespace ignored; 6-8-4 grouping allowed) is a valid 18-character
/// resident ID. Pure GB 11643 check: it does not look at the USCC ambiguity.
pub fn is_valid(s: &str) -> bool {
    compact(s.trim()).is_some_and(|c| is_valid_compact(&c))
}

/// A pre-1999 15-digit number: 6-digit address code with a real province, `YYMMDD` a real
/// 19YY date, 3-digit sequence.
pub fn is_legacy_15(s: &str) -> bool {
    let b = s.trim().as_bytes();
    if b.len() != 15 || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut ymd = [b'1', b'9', 0, 0, 0, 0, 0, 0];
    match (b.get(6..12), ymd.get_mut(2..)) {
        (Some(src), Some(dst)) => dst.copy_from_slice(src),
        _ => return false,
    }
    two_digits(b, 0).is_some_and(is_province_code) && date::is_valid_yyyymmdd(&ymd)
}

/// How an 18-character value reads as a resident ID: Validated when every check passes;
/// Shaped when address and date are right but the check character is wrong (a mistyped ID)
/// and it is not a valid company code (USCC); otherwise nothing.
pub(crate) fn strength18(c: &[u8]) -> Option<Strength> {
    if !structure_ok(c) {
        return None;
    }
    if is_valid_compact(c) {
        Some(Strength::Validated)
    } else if uscc::is_valid_compact(c) {
        None
    } else {
        Some(Strength::Shaped)
    }
}

/// Strength of a 全国学籍号: a prefix letter G/L/J followed by an ID-shaped number.
pub fn student_number_strength(s: &str) -> Option<Strength> {
    let b = s.trim().as_bytes();
    let (&first, rest) = b.split_first()?;
    if !matches!(first.to_ascii_uppercase(), b'G' | b'L' | b'J') || !is_id_shaped(rest) {
        return None;
    }
    if is_valid_compact(rest) {
        Some(Strength::Validated)
    } else {
        Some(Strength::Shaped)
    }
}

/// A valid national student number (`G` + valid resident ID, or `L`/`J` + valid resident ID).
pub fn is_valid_student_number(s: &str) -> bool {
    student_number_strength(s) == Some(Strength::Validated)
}

/// Whole-value detection.
pub(crate) fn detect(v: &str, out: &mut Vec<Detection>) {
    if let Some(c) = compact(v) {
        if let Some(strength) = strength18(&c) {
            push(out, Kind::ResidentId, strength);
        }
    }
    if is_legacy_15(v) {
        push(out, Kind::ResidentId, Strength::Shaped);
    }
    if let Some(strength) = student_number_strength(v) {
        push(out, Kind::StudentNumber, strength);
    }
}

/// Free-text matcher: a Validated resident ID starting at byte `i` (contiguous, or 6-8-4
/// grouped), not glued to other letters or digits. Returns the end offset.
pub(crate) fn scan_at(b: &[u8], i: usize) -> Option<usize> {
    if !digit_start_ok(b, i) {
        return None;
    }
    let first = digit_run(b, i, 18);
    let end = match first {
        17 | 18 => {
            let end = i + 18;
            let c = b.get(i..end)?;
            if !is_id_shaped(c) {
                return None;
            }
            end
        }
        6 => {
            let sep = *b.get(i + 6)?;
            if !matches!(sep, b' ' | b'-')
                || digit_run(b, i + 7, 8) != 8
                || b.get(i + 15) != Some(&sep)
            {
                return None;
            }
            i + 20
        }
        _ => return None,
    };
    if !digit_end_ok(b, end) {
        return None;
    }
    let c = compact(std::str::from_utf8(b.get(i..end)?).ok()?)?;
    (strength18(&c) == Some(Strength::Validated)).then_some(end)
}

/// Free-text matcher for a Validated student number (`G`/`L`/`J` + valid resident ID).
pub(crate) fn scan_student_at(b: &[u8], i: usize) -> Option<usize> {
    if !boundary_before(b, i) || !matches!(b.get(i)?.to_ascii_uppercase(), b'G' | b'L' | b'J') {
        return None;
    }
    let end = i + 19;
    let id = b.get(i + 1..end)?;
    (is_valid_compact(id) && digit_end_ok(b, end)).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_single_separator_grouping() {
        assert!(is_valid("4403 0520 1107 0141 80"));
        assert!(is_valid("440305-20110701-4180"));
        assert!(!is_valid("440305  201107014180"), "doubled separator");
        assert!(!is_valid(" 440305201107014180-"), "trailing separator");
        assert!(!is_valid("440305 20110701-4180"), "mixed separators");
    }

    const VALID: [&str; 6] = [
        "110105201305120235",
        "440305201107014180",
        "320102201202290610",
        "510104201408180773",
        "11010519491231002X",
        "11010519491231002x",
    ];

    #[test]
    fn check_char_matches_iso_7064() {
        assert_eq!(check_char(b"11010520130512023"), Some(b'5'));
        assert_eq!(check_char(b"11010519491231002"), Some(b'X'));
        assert_eq!(check_char(b"1101052013051202"), None);
        assert_eq!(check_char(b"1101052013051202a"), None);
    }

    #[test]
    fn accepts_the_reference_vectors() {
        for s in VALID {
            assert!(is_valid(s), "{s}");
            let mut out = Vec::new();
            detect(s, &mut out);
            assert!(out.contains(&Detection {
                kind: Kind::ResidentId,
                strength: Strength::Validated
            }));
        }
        assert!(is_valid("110105 20130512 0235"));
        assert!(is_valid("110105-20130512-0235"));
        assert!(!is_valid("110105 20130512-0235"));
        assert!(
            is_valid("1101 0520 1305 1202 35"),
            "4-4-4-4-2, as typed from a card-style mask"
        );
    }

    #[test]
    fn rejects_near_misses() {
        assert!(!is_valid("12345678901234567X"));
        assert!(!is_valid("110105201302300235")); // Feb 30
        assert!(!is_valid("110105201302290235")); // Feb 29 in 2013
        assert!(!is_valid("100105201305120235")); // province 10
        assert!(!is_valid("110105189912310235")); // 1899
        assert!(!is_valid("11010520130512023")); // 17 chars
        assert!(!is_valid("1101052013051202355"));
        assert!(!is_valid("11010519491231002Y"));
        // Every single-digit change in the first 17 digits breaks the check.
        for s in VALID {
            let b = s.as_bytes();
            for i in 0..17 {
                for d in b'0'..=b'9' {
                    if d == b[i] {
                        continue;
                    }
                    let mut m = b.to_vec();
                    m[i] = d;
                    let m = String::from_utf8(m).unwrap();
                    assert!(!is_valid(&m), "{m}");
                }
            }
        }
        // A changed check character too.
        assert!(!is_valid("110105201305120236"));
        assert!(!is_valid("110105201305120230"));
    }

    #[test]
    fn mistyped_ids_are_shaped_at_most() {
        let mut out = Vec::new();
        detect("110105201305120236", &mut out);
        assert!(out.iter().all(|d| d.strength == Strength::Shaped));
        let mut out = Vec::new();
        detect("110105201302300235", &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn legacy_fifteen_digit_numbers() {
        assert!(is_legacy_15("110105491231002"));
        assert!(!is_legacy_15("110105490231002")); // Feb 31
        assert!(!is_legacy_15("100105491231002")); // bad province
        let mut out = Vec::new();
        detect("110105491231002", &mut out);
        assert_eq!(
            out,
            [Detection {
                kind: Kind::ResidentId,
                strength: Strength::Shaped
            }]
        );
    }

    #[test]
    fn foreigners_permanent_residence_card() {
        // 9 + Beijing (11) + nationality 840 + 1990-01-01 + 001 + check.
        let mut s = b"91184019900101001".to_vec();
        s.push(check_char(&s).unwrap());
        assert!(is_valid_compact(&s));
        // 9 + 99 is not a province.
        let mut t = b"99984019900101001".to_vec();
        t.push(check_char(&t).unwrap());
        assert!(!is_valid_compact(&t));
    }

    #[test]
    fn student_numbers() {
        assert!(is_valid_student_number("G110105201305120235"));
        assert!(is_valid_student_number("g11010519491231002X"));
        assert!(!is_valid_student_number("G110105201305120236"));
        assert_eq!(
            student_number_strength("G110105201305120236"),
            Some(Strength::Shaped)
        );
        assert_eq!(student_number_strength("X110105201305120235"), None);
        assert_eq!(student_number_strength("G11010520130512023"), None);
    }

    #[test]
    fn scanner_respects_boundaries() {
        let t = "身份证110105201305120235。";
        let i = t.find('1').unwrap();
        assert_eq!(scan_at(t.as_bytes(), i), Some(i + 18));
        assert_eq!(scan_at(b"a110105201305120235", 1), None);
        assert_eq!(scan_at(b"1101052013051202350", 0), None);
        assert_eq!(scan_at(b"110105201305120235x", 0), None);
        assert_eq!(scan_at(b"110105 20130512 0235", 0), Some(20));
        assert_eq!(scan_at(b"123456789012345678", 0), None);
        assert_eq!(scan_student_at(b"G110105201305120235", 0), Some(19));
    }
}
