//! Vehicles: vehicle identification numbers and Chinese licence plates.
//!
//! **VIN** — ISO 3779:2009 *Road vehicles — Vehicle identification number (VIN) — Content and
//! structure*, adopted in China as GB 16735-2019 《道路车辆 车辆识别代号(VIN)》 (车辆识别代号,
//! 车架号). 17 characters from `0-9` and `A-Z` without `I`, `O` and `Q`:
//!
//! | chars | meaning |
//! |-------|---------|
//! | 1–3   | WMI, world manufacturer identifier (ISO 3780; `L` = mainland China) |
//! | 4–8   | VDS, vehicle descriptor section |
//! | 9     | check digit (`0`–`9` or `X`) — mandatory in China (GB 16735) and North America (49 CFR 565), optional elsewhere |
//! | 10    | model year: `A`–`Y` without `I O Q U Z`, or `1`–`9` |
//! | 11    | plant |
//! | 14–17 | the last four characters of the VIS are numeric (ISO 3779 § 5.4, GB 16735 § 4.4.3) |
//!
//! Check digit: transliterate letters (`A`–`H` → 1–8, `J`–`N` → 1–5, `P` → 7, `R` → 9,
//! `S`–`Z` → 2–9), multiply by the weights 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2, sum mod 11;
//! 10 is written `X`. A value with that structure and the right check digit is
//! [`Strength::Validated`]; with a wrong (or unused, as in many European VINs) check digit it
//! is only [`Strength::Shaped`]: a mistyped VIN is still about a vehicle (fail closed), but
//! alone it decides only a field that says nothing. All-digit strings are never VINs here:
//! every assigned WMI has a letter in practice, and 17-digit strings are order and serial
//! numbers.
//!
//! **Licence plates** — GA 36-2018 《中华人民共和国机动车号牌》: a province abbreviation
//! (one of the 31 below), the letter of the issuing office (`A`–`Z` without `I` and `O`), an
//! optional separator (`·` on the plate; typed as `•`, a space or `-`), then a serial:
//!
//! * 5 characters of `0-9 A-Z` without `I`/`O`, at most two of them letters (ordinary plates);
//! * 6 characters for new-energy vehicles: a letter (`D` battery-electric, `F` other, and the
//!   2020s extension `A`–`K`) then a letter or digit then 4 digits (small vehicles), or 5 digits
//!   then `D`/`F` (large vehicles);
//! * 4 characters followed by 学 (driving school), 警 (police), 挂 (trailer), 领 (consulate),
//!   港 / 澳 (Hong Kong / Macau cross-border).
//!
//! A plate has no check character; its grammar — a province character, an office letter and a
//! constrained serial — is strict enough to read as [`Strength::Validated`], in a value and in
//! free text (a plate in a comment is personal data).
//!
//! **Other countries' plates** ([`foreign_plate`]), whole values only, where a national format
//! has a signature of its own: Korea (`12가3456`, `123가4567`, a Hangul syllable between the
//! digit groups), Japan (`品川 300 さ 12-34`: office name, class number, one hiragana, a serial
//! padded with `・`), the UK's current format (`AB12 CDE`: two letters, the two-digit age
//! identifier, three letters), Vietnam (`29A-123.45`, `80E-84585`), France (SIV `AB-123-CD`
//! and the older FNI `1234-AB-75`), Germany (`M-AB 1234`), Brazil's Mercosur plates
//! (`ABC1D23`) and India (`MH 12 AB 1234`). Korea's and Japan's are [`Strength::Validated`]; the Latin
//! formats share their shape with product codes, so they are [`Strength::Shaped`] and decide
//! only a field that says nothing else. US and Taiwanese plates (`ABC-1234`) have no signature
//! and are left to the field's label.

use super::{alnum_at, boundary_before, push, Detection, Kind, Strength};

/// Transliteration of VIN characters (ISO 3779 Annex A); `None` for `I`, `O`, `Q` and
/// anything else.
fn vin_value(c: u8) -> Option<u32> {
    Some(match c.to_ascii_uppercase() {
        d @ b'0'..=b'9' => u32::from(d - b'0'),
        l @ b'A'..=b'H' => u32::from(l - b'A') + 1,
        l @ b'J'..=b'N' => u32::from(l - b'J') + 1,
        b'P' => 7,
        b'R' => 9,
        l @ b'S'..=b'Z' => u32::from(l - b'S') + 2,
        _ => return None,
    })
}

/// Check-digit weights per position (position 9, the check digit itself, weighs 0).
const VIN_WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/// The check digit of a 17-character VIN (`b'0'..=b'9'` or `b'X'`).
pub fn vin_check_char(b: &[u8]) -> Option<u8> {
    if b.len() != 17 {
        return None;
    }
    let mut sum = 0;
    for (&c, w) in b.iter().zip(VIN_WEIGHTS) {
        sum += vin_value(c)? * w;
    }
    Some(match sum % 11 {
        10 => b'X',
        n => b'0' + n as u8,
    })
}

/// The structure of a VIN without its check digit: 17 VIN characters, at least one letter, a
/// model-year character and four final digits. (Position 9 is any VIN character: European
/// VINs need not carry a check digit.)
fn vin_shaped(b: &[u8]) -> bool {
    // (the four digits at the end first: the test that turns most words away)
    b.len() == 17
        && b.get(13..)
            .is_some_and(|t| t.iter().all(u8::is_ascii_digit))
        && b.iter().all(|&c| vin_value(c).is_some())
        && b.iter().any(u8::is_ascii_alphabetic)
        && b.get(9)
            .is_some_and(|c| !matches!(c.to_ascii_uppercase(), b'0' | b'U' | b'Z'))
}

/// The 17 bytes are a VIN with the right check digit.
pub fn is_valid_vin_compact(b: &[u8]) -> bool {
    vin_shaped(b)
        && match (vin_check_char(b), b.get(8)) {
            (Some(expected), Some(got)) => expected == got.to_ascii_uppercase(),
            _ => false,
        }
}

/// The value (surrounding whitespace ignored) is a VIN with the right check digit.
pub fn is_valid_vin(s: &str) -> bool {
    is_valid_vin_compact(s.trim().as_bytes())
}

/// Province abbreviations on plates (GA 36-2018 Annex: 省、自治区、直辖市简称).
pub const PROVINCES: &str = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

/// Characters that end a 4-character serial (driving school, police, trailer, consulate,
/// Hong Kong and Macau cross-border vehicles).
const SUFFIXES: &str = "学警挂领港澳";

/// A plate's serial character: a digit or a letter other than `I` and `O`.
fn serial_char(c: u8) -> bool {
    c.is_ascii_digit()
        || (c.is_ascii_alphabetic() && !matches!(c.to_ascii_uppercase(), b'I' | b'O'))
}

/// The province character starting at byte `i`, if any: its UTF-8 length.
fn province_at(b: &[u8], i: usize) -> Option<usize> {
    // Every province character is a 3-byte CJK ideograph.
    let s = std::str::from_utf8(b.get(i..i + 3)?).ok()?;
    PROVINCES.contains(s).then_some(3)
}

/// Byte length of a separator at `i` between office letter and serial (`·`, `•`, space, `-`).
fn separator_at(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b' ' | b'-') => 1,
        Some(0xC2) if b.get(i + 1) == Some(&0xB7) => 2,
        Some(0xE2) if b.get(i + 1..i + 3) == Some(&[0x80, 0xA2]) => 3,
        _ => 0,
    }
}

/// A plate starting at byte `i`: the byte offset just past it. The serial must not be glued
/// to a following ASCII letter or digit.
pub(crate) fn plate_at(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + province_at(b, i)?;
    let office = *b.get(j)?;
    if !office.is_ascii_alphabetic() || matches!(office.to_ascii_uppercase(), b'I' | b'O') {
        return None;
    }
    j += 1;
    j += separator_at(b, j);
    let start = j;
    while j - start < 7 && b.get(j).is_some_and(|&c| serial_char(c)) {
        j += 1;
    }
    let serial = b.get(start..j)?;
    if alnum_at(b, j) {
        return None;
    }
    let digits = serial.iter().filter(|c| c.is_ascii_digit()).count();
    let upper = |k: usize| serial.get(k).map(u8::to_ascii_uppercase);
    let ok = match serial.len() {
        5 => digits >= 3,
        6 => {
            let small = upper(0).is_some_and(|c| (b'A'..=b'K').contains(&c))
                && serial
                    .get(2..)
                    .is_some_and(|t| t.iter().all(u8::is_ascii_digit));
            let large = serial
                .get(..5)
                .is_some_and(|t| t.iter().all(u8::is_ascii_digit))
                && matches!(upper(5), Some(b'D' | b'F'));
            small || large
        }
        4 if digits >= 3 => {
            // Every suffix is a 3-byte CJK character: read only those 3 bytes (the scanner
            // calls this at every candidate, so it must not look further).
            let suffix = std::str::from_utf8(b.get(j..j + 3)?).ok()?;
            if !SUFFIXES.contains(suffix) {
                return None;
            }
            j += 3;
            true
        }
        _ => false,
    };
    ok.then_some(j)
}

/// The whole value is a Chinese licence plate.
pub fn is_plate(s: &str) -> bool {
    let b = s.trim().as_bytes();
    plate_at(b, 0) == Some(b.len())
}

/// A licence plate of another country (see the module docs): its strength, or `None`.
pub fn foreign_plate(v: &str) -> Option<Strength> {
    let v = v.trim();
    if v.is_empty() || v.len() > 40 {
        return None;
    }
    // Every Latin format below is 5–13 characters with a separator, or 7 without one.
    if v.is_ascii() && (v.len() > 13 || (v.len() != 7 && !v.contains(['-', ' ']))) {
        return None;
    }
    let is_digit = |c: &char| c.is_ascii_digit();
    let hangul = |c: &char| ('\u{AC00}'..='\u{D7A3}').contains(c);
    // Korea: 2–3 digits, one Hangul syllable, 4 digits (an older plate opens with its region).
    let kr = |cs: &[char]| {
        cs.len() >= 7
            && hangul(&cs[cs.len() - 5])
            && cs[cs.len() - 4..].iter().all(is_digit)
            && matches!(
                cs[..cs.len() - 5].iter().filter(|c| is_digit(c)).count(),
                2 | 3
            )
            && cs[..cs.len() - 5].iter().all(|c| is_digit(c) || hangul(c))
    };
    if !v.is_ascii() {
        let chars: Vec<char> = v.chars().filter(|c| *c != ' ').collect();
        if kr(&chars) {
            return Some(Strength::Validated);
        }
        // Japan: office (kanji/kana), 2–3 digits, one hiragana, a serial of digits and `・`.
        if let Some([office, class, kana, serial]) = exactly(v.split_whitespace()) {
            let cjk = |c: char| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3040}'..='\u{30FF}');
            let hira = |c: char| ('\u{3041}'..='\u{3096}').contains(&c);
            let serial_ok = serial
                .chars()
                .all(|c| c.is_ascii_digit() || c == '・' || c == '-')
                && serial.chars().any(|c| c.is_ascii_digit())
                && (2..=5).contains(&serial.chars().count());
            if (1..=4).contains(&office.chars().count())
                && office.chars().all(cjk)
                && (2..=3).contains(&class.len())
                && class.bytes().all(|c| c.is_ascii_digit())
                && kana.chars().count() == 1
                && kana.chars().all(hira)
                && serial_ok
            {
                return Some(Strength::Validated);
            }
        }
        return None;
    }
    // At most 13 bytes here (checked above): compacted on the stack, without allocating.
    let mut spaced = [0u8; 13];
    let b = compact(v.as_bytes(), b' ', &mut spaced);
    let up = |c: &u8| c.is_ascii_uppercase();
    let dg = |c: &u8| c.is_ascii_digit();
    let all = |r: &[u8], f: &dyn Fn(&u8) -> bool| r.iter().all(f);
    // UK since 2001: AB12CDE (a space before the last three letters is usual).
    let uk = b.len() == 7 && all(&b[..2], &up) && all(&b[2..4], &dg) && all(&b[4..], &up);
    // Vietnam: 2 digits, 1–2 letters (and an optional digit), a dash, 4–5 digits (`123.45`).
    let vn = match v.split_once('-') {
        Some((head, tail)) => {
            let h = head.as_bytes();
            let mut dotted = [0u8; 13];
            let t = compact(tail.as_bytes(), b'.', &mut dotted);
            h.len() >= 3
                && h.len() <= 4
                && all(&h[..2], &dg)
                && up(&h[2])
                && h[3..].iter().all(|c| up(c) || dg(c))
                && (4..=5).contains(&t.len())
                && all(t, &dg)
                && tail.bytes().filter(|c| *c == b'.').count() <= 1
        }
        None => false,
    };
    // France: SIV AB-123-CD; FNI 1234-AB-75 (département last, 2A/2B for Corsica).
    let fr = match exactly(v.split('-')) {
        Some([a, n, z]) => {
            let siv = a.len() == 2
                && n.len() == 3
                && z.len() == 2
                && all(a.as_bytes(), &up)
                && all(n.as_bytes(), &dg)
                && all(z.as_bytes(), &up);
            let fni = (1..=4).contains(&a.len())
                && (2..=3).contains(&n.len())
                && z.len() == 2
                && all(a.as_bytes(), &dg)
                && all(n.as_bytes(), &up)
                && (all(z.as_bytes(), &dg) || z == "2A" || z == "2B");
            siv || fni
        }
        _ => false,
    };
    // Germany: district (1–3 letters), 1–2 letters, 1–4 digits (`M-AB 1234`, `GRZ-Z-16`),
    // with an optional E (electric) or H (historic) suffix.
    let de = {
        match exactly(v.split(['-', ' ']).filter(|p| !p.is_empty())) {
            Some([district, letters, number]) => {
                let n = number.trim_end_matches(['E', 'H']);
                (1..=3).contains(&district.len())
                    && all(district.as_bytes(), &up)
                    && (1..=2).contains(&letters.len())
                    && all(letters.as_bytes(), &up)
                    && (1..=4).contains(&n.len())
                    && all(n.as_bytes(), &dg)
                    && v.contains('-')
            }
            _ => false,
        }
    };
    // Brazil's Mercosur plate: ABC1D23 (`NIK-9E12`).
    let br = {
        let mut undashed = [0u8; 13];
        let t = compact(b, b'-', &mut undashed);
        t.len() == 7 && all(&t[..3], &up) && dg(&t[3]) && up(&t[4]) && all(&t[5..], &dg)
    };
    // India: state, district number, series letters, number (`MH 12 AB 1234`).
    let india = {
        match exactly(v.split([' ', '-']).filter(|p| !p.is_empty())) {
            Some([st, district, series, number]) => {
                st.len() == 2
                    && all(st.as_bytes(), &up)
                    && (1..=2).contains(&district.len())
                    && all(district.as_bytes(), &dg)
                    && (1..=3).contains(&series.len())
                    && all(series.as_bytes(), &up)
                    && number.len() == 4
                    && all(number.as_bytes(), &dg)
            }
            _ => false,
        }
    };
    (uk || vn || fr || de || br || india).then_some(Strength::Shaped)
}

/// Exactly `N` parts from `parts`, or `None`.
fn exactly<'a, const N: usize>(mut parts: impl Iterator<Item = &'a str>) -> Option<[&'a str; N]> {
    let mut out = [""; N];
    for slot in &mut out {
        *slot = parts.next()?;
    }
    parts.next().is_none().then_some(out)
}

/// `b` without the bytes `drop`, written into `buf` (at most `buf.len()` bytes are kept).
fn compact<'b>(b: &[u8], drop: u8, buf: &'b mut [u8]) -> &'b [u8] {
    let mut n = 0;
    for &c in b.iter().filter(|&&c| c != drop) {
        let Some(slot) = buf.get_mut(n) else { break };
        *slot = c;
        n += 1;
    }
    &buf[..n]
}

/// Whole-value detection.
pub(crate) fn detect(v: &str, out: &mut Vec<Detection>) {
    let b = v.as_bytes();
    if b.len() == 17 && vin_shaped(b) {
        let strength = if is_valid_vin_compact(b) {
            Strength::Validated
        } else {
            Strength::Shaped
        };
        push(out, Kind::Vin, strength);
    } else if !v.is_ascii() && plate_at(b, 0) == Some(b.len()) {
        push(out, Kind::LicencePlate, Strength::Validated);
    } else if let Some(strength) = foreign_plate(v) {
        push(out, Kind::ForeignPlate, strength);
    }
}

/// A VIN with a valid check digit starting at `i` in free text, not glued to letters or
/// digits on either side: its end.
pub(crate) fn scan_vin_at(b: &[u8], i: usize) -> Option<usize> {
    let end = i + 17;
    (boundary_before(b, i) && !alnum_at(b, end) && is_valid_vin_compact(b.get(i..end)?))
        .then_some(end)
}

/// A licence plate starting at `i` in free text: its end. The character before may be
/// anything but an ASCII letter or digit.
pub(crate) fn scan_plate_at(b: &[u8], i: usize) -> Option<usize> {
    if !boundary_before(b, i) {
        return None;
    }
    plate_at(b, i)
}

/// A Korean plate starting at `i` in free text (`12가3456`, `326보2705`): 2–3 digits, one
/// Hangul syllable, 4 digits, not glued to other digits. Korean prose has no spaces inside it,
/// so the end is where the four digits end.
pub(crate) fn scan_kr_plate_at(b: &[u8], i: usize) -> Option<usize> {
    if !boundary_before(b, i) {
        return None;
    }
    let head = b
        .get(i..)?
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let at = i + head;
    let syllable = std::str::from_utf8(b.get(at..at + 3)?)
        .ok()?
        .chars()
        .next()?;
    if !(2..=3).contains(&head) || !('\u{AC00}'..='\u{D7A3}').contains(&syllable) {
        return None;
    }
    let tail = b
        .get(at + 3..)?
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    (tail == 4).then_some(at + 3 + tail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::{detect_value, scan, Detection};

    fn strength(v: &str, kind: Kind) -> Option<Strength> {
        detect_value(v)
            .into_iter()
            .find(|d| d.kind == kind)
            .map(|d: Detection| d.strength)
    }

    #[test]
    fn vin_check_digits() {
        // 1HGCM82633A004352: the textbook example (49 CFR 565); the others are real-form
        // shaped (a Chinese SAIC-GM and FAW-VW body with computed check digits, a Honda).
        for vin in [
            "1HGCM82633A004352",
            "JHMCM56557C404453",
            "LSGKB54H7KA123456",
            "LFV2A21K8G4012345",
            "lsgkb54h7ka123456",
        ] {
            assert!(is_valid_vin(vin), "{vin}");
            assert_eq!(strength(vin, Kind::Vin), Some(Strength::Validated), "{vin}");
        }
        assert_eq!(vin_check_char(b"1HGCM82603A004352"), Some(b'3'));
    }

    #[test]
    fn vin_look_alikes() {
        // Wrong check digit: a VIN by shape only.
        for vin in [
            "1HGCM82643A004352",
            "LSGKB54H0KA123456",
            "WVWZZZ3CZWE123456",
        ] {
            assert!(!is_valid_vin(vin), "{vin}");
            assert_eq!(strength(vin, Kind::Vin), Some(Strength::Shaped), "{vin}");
        }
        // Not VINs at all: 17-digit order numbers, I/O/Q, letters at the end, wrong length,
        // a model-year character that cannot be one.
        for v in [
            "20240309123456789",
            "12345678901234567",
            "AB12CD34EF56GH78J",
            "ORD20240309123456",
            "1HGCM82633A00435",
            "1HGCM82633A0043521",
            "1HGCM8263QA004352",
            "1HGCM8263ZA004352",
            "1HGCM82630A004352",
            "1HGCM8263UA004352",
        ] {
            assert_eq!(strength(v, Kind::Vin), None, "{v}");
        }
    }

    #[test]
    fn plates() {
        for p in [
            "京A12345",
            "京A·12345",
            "粤B·D12345",
            "粤BD12345",
            "沪C-8K2J7",
            "浙A 3B2C8",
            "苏E•NX123",
            "川A1234学",
            "京A1234警",
            "粤Z1234港",
            "粤Z1234澳",
            "鲁B12345D",
            "京a12345",
            " 闽D·88888 ",
            "琼B5678挂",
        ] {
            assert!(is_plate(p), "{p}");
            assert_eq!(
                strength(p, Kind::LicencePlate),
                Some(Strength::Validated),
                "{p}"
            );
        }
        for p in [
            "京I12345",   // no I as office letter
            "京A1O345",   // no O in the serial
            "京AABC12",   // three letters in an ordinary serial
            "京A1234",    // too short without a suffix
            "京A123456",  // 6 digits is not a new-energy serial
            "京A12345X",  // too long
            "港A12345",   // not a province abbreviation on mainland plates
            "北京A12345", // a city name, not a plate
            "京A1234车",  // unknown suffix
            "云ECSX12",   // three letters
            "京 A12345",
        ] {
            assert!(!is_plate(p), "{p}");
            assert_eq!(strength(p, Kind::LicencePlate), None, "{p}");
        }
    }

    #[test]
    fn other_countries_plates() {
        for (v, strength) in [
            ("12가3456", Some(Strength::Validated)),
            ("326보2705", Some(Strength::Validated)),
            ("서울12가3456", Some(Strength::Validated)),
            ("川崎 59 い ・380", Some(Strength::Validated)),
            ("品川 300 さ 12-34", Some(Strength::Validated)),
            ("AJ14WKJ", Some(Strength::Shaped)),
            ("XD10 FTD", Some(Strength::Shaped)),
            ("80E-84585", Some(Strength::Shaped)),
            ("29A-123.45", Some(Strength::Shaped)),
            ("AB-123-CD", Some(Strength::Shaped)),
            ("541-AJW-46", Some(Strength::Shaped)),
            ("GRZ-Z-16", Some(Strength::Shaped)),
            ("M-AB 1234", Some(Strength::Shaped)),
            ("NIK-9E12", Some(Strength::Shaped)),
            ("MH 12 AB 1234", Some(Strength::Shaped)),
            ("GWS-490", None),
            ("SKU-12345", None),
            ("2024-01-05", None),
            ("978-1-885576-52-1", None),
            ("가나다라", None),
            ("12345", None),
        ] {
            assert_eq!(foreign_plate(v), strength, "{v}");
        }
    }

    #[test]
    fn in_free_text() {
        let found = |t: &str| -> Vec<(Kind, String)> {
            scan(t)
                .into_iter()
                .map(|m| (m.kind, t[m.start..m.end].to_owned()))
                .collect()
        };
        assert_eq!(
            found("接孩子的车是京N·8Z2B6，白色大众"),
            [(Kind::LicencePlate, "京N·8Z2B6".to_owned())]
        );
        assert_eq!(
            found("车架号LSGKB54H7KA123456请核对"),
            [(Kind::Vin, "LSGKB54H7KA123456".to_owned())]
        );
        assert_eq!(
            found("VIN: 1HGCM82633A004352."),
            [(Kind::Vin, "1HGCM82633A004352".to_owned())]
        );
        for t in [
            "车架号LSGKB54H0KA123456",
            "订单AB12CD34EF56GH78J",
            "X1HGCM82633A004352",
            "1HGCM82633A0043521",
            "我在北京工作",
            "京东订单123456",
            "京A12345678",
        ] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }
}
