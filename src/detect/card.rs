//! Payment card numbers (ISO/IEC 7812) and IMEIs (3GPP TS 23.003), both protected by the Luhn
//! mod-10 check digit.
//!
//! A card number is Validated when it has 13–19 digits, passes Luhn (ISO/IEC 7812-1 Annex B)
//! and its issuer identification number (IIN) and length fit a real scheme:
//!
//! | IIN | scheme | lengths |
//! |-----|--------|---------|
//! | 4 | Visa, and Chinese banks' Visa-range debit BINs | 13, 16–19 |
//! | 51–55, other 5 | Mastercard, Maestro, Chinese bank BINs | 16–19 |
//! | 2221–2720 | Mastercard 2-series | 16 |
//! | 34, 37 | American Express | 15 |
//! | 3528–3589 | JCB | 16–19 |
//! | 1800, 2131 | JCB (its older 15-digit ranges) | 15 |
//! | 300–305, 36, 38, 39 | Diners Club | 14–19 |
//! | 62, 6011, 644–649, 65, other 6 | UnionPay, Discover, Chinese bank BINs | 16–19 |
//! | 81 | UnionPay (8100–8171) | 16–19 |
//! | 9558, 95599 | ICBC / ABC legacy debit cards | 19 |
//!
//! UnionPay does not mandate Luhn on every card, so a 62-prefixed 16–19 digit number that
//! fails Luhn is still a Shaped bank card.
//!
//! An IMEI is 15 digits whose last digit is the Luhn check digit of the first 14: Validated.
//! An IMEISV (16 digits) or a MEID (14 hex digits, 3GPP2 S.R0048) has no check digit: Shaped.
//! In free text an IMEI is reported only after the word "IMEI".

use super::{
    digit_at, digit_end_ok, digit_run, digit_start_ok, grouped_digits, push, Detection, Kind,
    Strength,
};

/// The Luhn sum (mod 10) of ASCII `digits`, doubling every second digit from the right
/// starting at position `first_doubled` (0 = the rightmost). `None` for a non-digit.
fn luhn_sum(digits: &[u8], first_doubled: usize) -> Option<u32> {
    let mut sum: u32 = 0;
    for (i, &c) in digits.iter().rev().enumerate() {
        if !c.is_ascii_digit() {
            return None;
        }
        let mut d = u32::from(c - b'0');
        if i % 2 == first_doubled {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum = (sum + d) % 10;
    }
    Some(sum)
}

/// Luhn (mod 10) check over ASCII digits. `false` for an empty slice or any non-digit.
pub fn luhn(digits: &[u8]) -> bool {
    !digits.is_empty() && luhn_sum(digits, 1) == Some(0)
}

/// The Luhn check digit to append to `payload` (ASCII digits).
pub fn luhn_check_digit(payload: &[u8]) -> Option<u8> {
    if payload.is_empty() {
        return None;
    }
    // Once the check digit is appended, the payload's rightmost digit is doubled.
    let sum = luhn_sum(payload, 0)?;
    Some(b'0' + ((10 - sum) % 10) as u8)
}

fn prefix_value(d: &[u8], n: usize) -> u32 {
    d.get(..n).and_then(super::digits_value).unwrap_or(0)
}

/// The IIN (first digits) and the length fit a real card scheme.
pub fn iin_fits(d: &[u8]) -> bool {
    let n = d.len();
    if !(13..=19).contains(&n) || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let p2 = prefix_value(d, 2);
    let p3 = prefix_value(d, 3);
    let p4 = prefix_value(d, 4);
    let p5 = prefix_value(d, 5);
    match d.first() {
        Some(b'4') => n == 13 || n >= 16,
        Some(b'5') => n >= 16,
        Some(b'1') => p4 == 1800 && n == 15,
        Some(b'2') => ((2221..=2720).contains(&p4) && n == 16) || (p4 == 2131 && n == 15),
        Some(b'3') => {
            ((p2 == 34 || p2 == 37) && n == 15)
                || ((3528..=3589).contains(&p4) && n >= 16)
                || (((300..=305).contains(&p3) || p2 == 36 || p2 == 38 || p2 == 39) && n >= 14)
        }
        Some(b'6') => n >= 16,
        Some(b'8') => p2 == 81 && n >= 16,
        Some(b'9') => (p4 == 9558 || p5 == 95599) && n == 19,
        _ => false,
    }
}

/// A UnionPay-range (62) number of a UnionPay length, Luhn or not.
pub fn is_unionpay_shaped(d: &[u8]) -> bool {
    (16..=19).contains(&d.len()) && d.starts_with(b"62") && d.iter().all(u8::is_ascii_digit)
}

/// Card strength of a digit string (separators already removed).
pub(crate) fn card_strength(d: &[u8]) -> Option<Strength> {
    if luhn(d) && iin_fits(d) {
        Some(Strength::Validated)
    } else if is_unionpay_shaped(d) {
        Some(Strength::Shaped)
    } else {
        None
    }
}

/// The value (surrounding whitespace ignored; single spaces or dashes between digit groups
/// allowed) is a Validated card number: Luhn + a real IIN and length.
pub fn is_valid_card(s: &str) -> bool {
    grouped_digits(s.trim())
        .is_some_and(|d| card_strength(d.as_slice()) == Some(Strength::Validated))
}

/// The value is a 15-digit IMEI with a correct Luhn check digit (groups allowed, e.g.
/// "35-209900-176148-1").
pub fn is_valid_imei(s: &str) -> bool {
    grouped_digits(s.trim()).is_some_and(|d| d.as_slice().len() == 15 && luhn(d.as_slice()))
}

/// 14 hex digits with a hex letter in them (an MEID). Fourteen decimal digits are read as
/// nothing: an IMEI without its check digit is rare in a form, an order number or a timestamp
/// (`20231215083012`) is not.
fn is_meid(s: &str) -> bool {
    s.len() == 14
        && s.bytes().all(|c| c.is_ascii_hexdigit())
        && s.bytes().any(|c| c.is_ascii_alphabetic())
}

/// Whole-value detection of cards and IMEIs.
pub(crate) fn detect(v: &str, out: &mut Vec<Detection>) {
    if is_meid(v) {
        push(out, Kind::Imei, Strength::Shaped);
    }
    let Some(d) = grouped_digits(v) else {
        return;
    };
    let d = d.as_slice();
    let card = card_strength(d);
    if let Some(strength) = card {
        push(out, Kind::BankCard, strength);
    }
    // A valid card number is a card: an IMEI reading of the same digits loses to it.
    if card == Some(Strength::Validated) {
        return;
    }
    if d.len() == 15 && luhn(d) {
        push(out, Kind::Imei, Strength::Validated);
    }
    if d.len() == 16 {
        push(out, Kind::Imei, Strength::Shaped);
    }
}

/// The word "IMEI" (any case) ends within a few bytes before `i`, with no digits in between
/// other than a slot number right after it ("IMEI1: …", "IMEI号码：…").
pub(crate) fn imei_context(b: &[u8], i: usize) -> bool {
    const WINDOW: usize = 24;
    let lo = i.saturating_sub(WINDOW);
    let Some(window) = b.get(lo..i) else {
        return false;
    };
    let Some(pos) = window
        .windows(4)
        .rposition(|w| w.eq_ignore_ascii_case(b"imei"))
    else {
        return false;
    };
    let mut between = window.get(pos + 4..).unwrap_or(&[]);
    if let Some((first, rest)) = between.split_first() {
        if matches!(first, b'1' | b'2') && !rest.first().is_some_and(u8::is_ascii_digit) {
            between = rest;
        }
    }
    !between.iter().any(u8::is_ascii_digit)
}

/// Free-text matcher for card numbers and (after "IMEI") IMEIs starting at byte `i`.
///
/// Accepts a contiguous run of 13–19 digits, or a chain of 2–6 digit groups (the last may be
/// 1 digit) joined by one kind of single separator (space or dash) totalling 13–19 digits.
/// A run or chain with more digits is a longer number, not a card.
pub(crate) fn scan_at(b: &[u8], i: usize) -> Option<(usize, Kind)> {
    if !digit_start_ok(b, i) {
        return None;
    }
    let first = digit_run(b, i, 19);
    let mut d = super::Digits::new();
    let end;
    if first >= 13 {
        if first > 19 {
            return None;
        }
        end = i + first;
        for &c in b.get(i..end)? {
            d.push(c);
        }
    } else {
        if !(2..=6).contains(&first) {
            return None;
        }
        let sep = *b.get(i + first)?;
        if sep != b' ' && sep != b'-' {
            return None;
        }
        let mut j = i;
        loop {
            let n = digit_run(b, j, 6);
            if n == 0 || n > 6 {
                return None;
            }
            for &c in b.get(j..j + n)? {
                if !d.push(c) {
                    return None;
                }
            }
            j += n;
            if d.as_slice().len() > 19 {
                return None;
            }
            if b.get(j) == Some(&sep) && digit_at(b, j + 1) {
                if n < 2 {
                    return None; // a 1-digit group only at the end
                }
                j += 1;
            } else {
                break;
            }
        }
        end = j;
    }
    if !digit_end_ok(b, end) {
        return None;
    }
    let digits = d.as_slice();
    if digits.len() == 15 && luhn(digits) && imei_context(b, i) {
        return Some((end, Kind::Imei));
    }
    if !(13..=19).contains(&digits.len()) {
        return None;
    }
    // Thirteen digits in one run that carry an EAN-13 check digit are a product's barcode
    // (Germany's 400–440 and Japan's 45/49 prefixes open with a 4): 13-digit Visa numbers are
    // no longer issued, and one in ten would pass both checks by chance.
    if digits.len() == 13 && first == 13 && ean13(digits) {
        return None;
    }
    (card_strength(digits) == Some(Strength::Validated)).then_some((end, Kind::BankCard))
}

/// The GS1 check digit of a 13-digit EAN/JAN (weights 1 and 3 from the left) is right.
fn ean13(d: &[u8]) -> bool {
    let sum: u32 = d
        .iter()
        .take(12)
        .enumerate()
        .map(|(k, c)| u32::from(c - b'0') * if k % 2 == 0 { 1 } else { 3 })
        .sum();
    d.get(12)
        .is_some_and(|&c| u32::from(c - b'0') == (10 - sum % 10) % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_barcode_in_text_is_not_a_card() {
        // 4901234567894 passes both Luhn and the EAN-13 check: a JAN code.
        assert!(luhn(b"4901234567894") && ean13(b"4901234567894"));
        assert_eq!(scan_at(b"JAN 4901234567894", 4), None);
        assert!(!ean13(b"4222222222222"));
        assert_eq!(
            scan_at(b"4222222222222", 0),
            Some((13, Kind::BankCard)),
            "a 13-digit Visa that is not a barcode"
        );
    }

    #[test]
    fn luhn_reference_values() {
        assert!(luhn(b"4787789328792170"));
        assert!(luhn(b"6222028100339075798"));
        assert!(luhn(b"6217003834701746813"));
        assert!(luhn(b"354218096792908"));
        assert!(luhn(b"79927398713"));
        assert!(luhn(b"0"));
        assert!(!luhn(b"4787789328792171"));
        assert!(!luhn(b"79927398710"));
        assert!(!luhn(b""));
        assert!(!luhn(b"4787 7893"));
        assert_eq!(luhn_check_digit(b"7992739871"), Some(b'3'));
        assert_eq!(luhn_check_digit(b"35421809679290"), Some(b'8'));
        assert_eq!(luhn_check_digit(b""), None);
    }

    #[test]
    fn cards_that_validate() {
        for s in [
            "4787789328792170",
            "4787 7893 2879 2170",
            "4787-7893-2879-2170",
            "6222028100339075798",
            "6222 0281 0033 9075 798",
            "6217003834701746813",
            "6217 0038 3470 1746 813",
            "5555555555554444",
            "2223003122003222",
            "378282246310005",
            "3782 822463 10005",
            "3530111333300000",
            "6011111111111117",
            "30569309025904",
            "4222222222222",
            "213100001234567", // JCB's older 15-digit ranges
            "180000006543211",
        ] {
            assert!(is_valid_card(s), "{s}");
        }
    }

    #[test]
    fn cards_that_do_not() {
        for s in [
            "4787789328792171",     // Luhn
            "4787789328792170 ",    // fine after trim, checked below
            "1234567812345670",     // IIN 1
            "378282246310005000",   // Amex length 18
            "555555555555444",      // MC length 15
            "213100001234568",      // JCB 2131 range: Luhn fails
            "4787  7893 2879 2170", // double space
            "4787 7893-2879 2170",  // mixed separators
            "47877893287921700000", // 20 digits
            "0000000000000000",
        ] {
            if s == "4787789328792170 " {
                assert!(is_valid_card(s));
                continue;
            }
            assert!(!is_valid_card(s), "{s}");
        }
    }

    #[test]
    fn unionpay_without_luhn_is_shaped() {
        let mut out = Vec::new();
        detect("6222028100339075799", &mut out);
        assert!(out.contains(&Detection {
            kind: Kind::BankCard,
            strength: Strength::Shaped
        }));
        let mut out = Vec::new();
        detect("4787789328792171", &mut out);
        assert!(!out.iter().any(|d| d.kind == Kind::BankCard));
    }

    #[test]
    fn imei() {
        assert!(is_valid_imei("354218096792908"));
        assert!(is_valid_imei("35-421809-679290-8"));
        assert!(!is_valid_imei("354218096792909"));
        assert!(!is_valid_imei("35421809679290"));
        let mut out = Vec::new();
        detect("354218096792908", &mut out);
        assert!(out.contains(&Detection {
            kind: Kind::Imei,
            strength: Strength::Validated
        }));
        // A valid 15-digit Amex is a card, not an IMEI.
        let mut out = Vec::new();
        detect("378282246310005", &mut out);
        assert!(!out.iter().any(|d| d.kind == Kind::Imei));
        assert!(out.iter().any(|d| d.kind == Kind::BankCard));
        // Fourteen decimal digits (an order number, a timestamp) are no device id.
        let mut out = Vec::new();
        detect("20231215083012", &mut out);
        assert!(out.is_empty(), "{out:?}");
        // MEID and IMEISV are Shaped.
        let mut out = Vec::new();
        detect("A0000049999999", &mut out);
        assert_eq!(out[0].strength, Strength::Shaped);
    }

    #[test]
    fn imei_context_rules() {
        let t = b"IMEI: 354218096792908";
        assert!(imei_context(t, 6));
        assert!(imei_context(b"imei1 354218096792908", 6));
        assert!(!imei_context(b"IMEI 12 354218096792908", 8));
        assert!(!imei_context(b"354218096792908", 0));
        assert_eq!(scan_at(t, 6), Some((21, Kind::Imei)));
        assert_eq!(scan_at(b"x 354218096792908", 2), None);
    }

    #[test]
    fn scanner_groups() {
        let t = "卡号6222 0281 0033 9075 798，谢谢";
        let i = t.find('6').unwrap();
        assert_eq!(
            scan_at(t.as_bytes(), i),
            Some((i + "6222 0281 0033 9075 798".len(), Kind::BankCard))
        );
        assert_eq!(scan_at(b"4787789328792170", 0), Some((16, Kind::BankCard)));
        assert_eq!(scan_at(b"47877893287921701", 0), None);
        assert_eq!(
            scan_at(b"1 4787789328792170", 2),
            Some((18, Kind::BankCard))
        );
        assert_eq!(scan_at(b"4787 7893 2879 2170 1234", 0), None);
        assert_eq!(scan_at(b"a4787789328792170", 1), None);
        assert_eq!(scan_at(b"4787789328792170.5", 0), None);
    }
}
