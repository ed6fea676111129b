//! Free-text scanner: finds personal information inside remarks, comments and other prose.
//!
//! What is reported (all Validated by a checksum or a strict structure): resident IDs
//! (GB 11643), national student numbers (`G` + resident ID), Hong Kong identity cards
//! written with their bracketed check digit, CN mobiles, CN fixed-line numbers with area code,
//! E.164 numbers written with `+`, e-mail addresses, payment cards (Luhn + IIN, 13–19 digits,
//! single spaces/dashes between groups), IBANs (mod 97), IPv4/IPv6 addresses, coordinate
//! pairs, MAC addresses, UUID advertising IDs, IMEIs (Luhn) only right after the word
//! "IMEI", VINs with a valid ISO 3779 check digit and Chinese licence plates (GA 36 grammar:
//! "接孩子的车是京N·8Z2B6").
//!
//! What is not: bare dates, postal codes, single latitudes/longitudes, passport- or
//! permit-shaped codes, company codes — in prose these shapes are mostly order numbers, prices
//! and times, and the value alone cannot tell.
//!
//! Boundaries: a candidate must not be glued to an ASCII letter or digit on either side
//! ("abc13812345678" and a mobile inside a 20-digit run are not mobiles), while CJK characters
//! and punctuation are fine boundaries ("打我电话13912345678"). A number is also not taken
//! out of a decimal ("3.13912345678").
//!
//! Complexity: candidates start only at token starts (a byte after a non-alphanumeric one),
//! each matcher reads a bounded number of bytes (≤ 64 for numbers, ≤ 320 around an `@`), and
//! after a match the scan resumes at its end, so the scan is linear in the text length.
//! Overlaps between e-mail addresses and the other findings are resolved by keeping the
//! longer span (then the more specific kind).

use super::{
    boundary_before, card, device, email, geo, iban, national_id, network, phone, resident_id,
    starts_at, travel_doc, vehicle, Kind, Match,
};

/// Scans `text`; see the module documentation.
pub(crate) fn scan_text(text: &str) -> Vec<Match> {
    with_cued(text, scan_validated(text))
}

/// What the validated matchers find, in the text and in its folded windows.
fn scan_validated(text: &str) -> Vec<Match> {
    // Obfuscated numbers (full-width, zero-width spaces, Chinese numerals, dotted groups) are
    // found in the folded text and reported at their place in the original.
    let mut windows = super::fold::fold_windows(text);
    let mut found = scan_folded(text);
    if windows.is_empty() {
        return found;
    }
    // A window also covers what the plain reading found across its edges, so that the folded
    // reading sees those matches whole.
    for w in &mut windows {
        let (start, end) = (w.start, w.end);
        for m in found.iter().filter(|m| m.start < end && start < m.end) {
            w.start = w.start.min(m.start);
            w.end = w.end.max(m.end);
        }
    }
    let mut merged: Vec<std::ops::Range<usize>> = Vec::with_capacity(windows.len());
    for w in windows {
        match merged.last_mut() {
            Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
            _ => merged.push(w),
        }
    }
    found.retain(|m| !merged.iter().any(|w| m.start < w.end && w.start < m.end));
    for w in merged {
        let part = &text[w.clone()];
        let (folded, map) = super::fold::fold_mapped(part);
        found.extend(scan_folded(&folded).into_iter().map(|m| Match {
            kind: m.kind,
            start: w.start + map[m.start],
            end: w.start + map[m.end],
        }));
    }
    found.sort_by_key(|m| m.start);
    found
}

/// Adds the values found after cue phrases (`cues`) that no validated finding overlaps.
fn with_cued(text: &str, mut found: Vec<Match>) -> Vec<Match> {
    let mut cued = Vec::new();
    super::cues::scan(text, &found, &mut cued);
    let cues = cued.len();
    super::words::streets_in(text, &mut cued);
    super::words::cjk_addresses_in(text, &mut cued);
    // (a street the cues already read is not reported twice)
    let (read, streets) = cued.split_at(cues);
    let streets: Vec<Match> = streets
        .iter()
        .filter(|s| !read.iter().any(|c| s.start < c.end && c.start < s.end))
        .copied()
        .collect();
    cued.truncate(cues);
    cued.extend(streets);
    if cued.is_empty() {
        return found;
    }
    cued.retain(|c| !found.iter().any(|m| c.start < m.end && m.start < c.end));
    found.extend(cued);
    found.sort_by_key(|m| m.start);
    found
}

fn scan_folded(text: &str) -> Vec<Match> {
    scan_folded_with(text, true)
}

/// [`scan_folded`]; `skip_words` off tries every matcher at every word (the tests compare).
fn scan_folded_with(text: &str, skip_words: bool) -> Vec<Match> {
    let b = text.as_bytes();
    let mut cands: Vec<Match> = Vec::new();
    email::scan_into(text, &mut cands);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if can_start(b, i) && !(skip_words && c.is_ascii_alphabetic() && !letters_may_open(b, i)) {
            if let Some(m) = best_at(text, i) {
                cands.push(m);
                i = m.end;
                continue;
            }
        }
        // Passed over whole: the rest of a run of letters and digits (a candidate is not glued
        // to what precedes it) and the rest of a character.
        i += 1;
        if c.is_ascii_alphanumeric() {
            while super::alnum_at(b, i) {
                i += 1;
            }
        } else if c >= 0xC0 {
            while b.get(i).is_some_and(|x| x & 0xC0 == 0x80) {
                i += 1;
            }
        }
    }
    resolve(cands)
}

/// A candidate can start at `i`: an ASCII letter/digit, `+`, `-`, `(` / `（`, a Chinese
/// hemisphere prefix or a plate's province character, not glued to a preceding letter or
/// digit.
fn can_start(b: &[u8], i: usize) -> bool {
    let Some(&c) = b.get(i) else {
        return false;
    };
    // By the first byte: UTF-8 continuation bytes and most characters are out on one test.
    let plausible = match c {
        0..0x80 => c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'('),
        // (纬 and 经, the second characters of `geo::HEMI_WORDS`, are rare: tested first)
        0xE4..=0xE9 => {
            let second = b.get(i + 3..i + 6);
            b.get(i + 3).is_some_and(u8::is_ascii_alphabetic)
                || (matches!(second, Some(c) if c == "纬".as_bytes() || c == "经".as_bytes())
                    && geo::hemi_word_at(b, i).is_some())
        }
        0xEF => starts_at(b, i, "（"),
        _ => false,
    };
    plausible && boundary_before(b, i)
}

/// A word opening with an ASCII letter at `i` can open a finding: it holds a digit (an IBAN,
/// a VIN, a Hong Kong ID card, a student number), it is made of hex digits (a MAC or IPv6
/// address, an advertising ID), or it is at most three capitals (a UK NI number's "QQ 12 34 56
/// C", a hemisphere's "N 39.9"). Other words ("the", "Please") are passed over without trying
/// every matcher.
fn letters_may_open(b: &[u8], i: usize) -> bool {
    let mut j = i;
    let mut hex = true;
    while let Some(&x) = b.get(j) {
        if x.is_ascii_digit() {
            return true;
        }
        if !x.is_ascii_alphabetic() {
            break;
        }
        hex &= x.is_ascii_hexdigit();
        j += 1;
    }
    hex || (b.get(i).is_some_and(u8::is_ascii_uppercase) && j - i <= 3)
}

/// The best (longest, then most specific) match starting at `i`.
fn best_at(text: &str, i: usize) -> Option<Match> {
    let b = text.as_bytes();
    let c = *b.get(i)?;
    let mut best: Option<Match> = None;
    let offer = |best: &mut Option<Match>, end: Option<usize>, kind: Kind| {
        let Some(end) = end else { return };
        if end <= i || !text.is_char_boundary(end) {
            return;
        }
        let better = match *best {
            None => true,
            Some(m) => end > m.end || (end == m.end && kind.priority() < m.kind.priority()),
        };
        if better {
            *best = Some(Match {
                kind,
                start: i,
                end,
            });
        }
    };
    if c.is_ascii_digit() {
        offer(&mut best, resident_id::scan_at(b, i), Kind::ResidentId);
        offer(&mut best, network::scan_ipv4_at(b, i), Kind::Ipv4);
        if let Some((end, kind)) = card::scan_at(b, i) {
            offer(&mut best, Some(end), kind);
        }
    }
    if c.is_ascii_digit() || matches!(c, b'+' | b'(') || starts_at(b, i, "（") {
        if let Some((end, kind)) = phone::scan_at(b, i) {
            offer(&mut best, Some(end), kind);
        }
    }
    if c.is_ascii_digit() || c == b'(' {
        offer(&mut best, phone::scan_nanp_at(b, i), Kind::IntlPhone);
    }
    if c.is_ascii_digit() {
        offer(
            &mut best,
            vehicle::scan_kr_plate_at(b, i),
            Kind::ForeignPlate,
        );
    }
    // A national format is made of digits, capitals and separators: where what was found
    // already ends before another character, it cannot reach further, and is not tried.
    let national_could_extend = best.is_none_or(|m| {
        b.get(m.end).is_some_and(|&x| {
            x.is_ascii_alphanumeric() || matches!(x, b' ' | b'-' | b'.' | b'/' | b'(' | b')')
        })
    });
    if national_could_extend && (c.is_ascii_digit() || c == b'(' || c.is_ascii_uppercase()) {
        if let Some((end, kind)) = national_at(text, i) {
            offer(&mut best, Some(end), kind);
        }
    }
    if c.is_ascii_hexdigit() {
        offer(&mut best, network::scan_ipv6_at(b, i), Kind::Ipv6);
        offer(&mut best, network::scan_mac_at(b, i), Kind::Mac);
        offer(&mut best, device::scan_at(b, i), Kind::AdId);
    }
    if c >= 0xE4 {
        offer(&mut best, vehicle::scan_plate_at(b, i), Kind::LicencePlate);
    }
    if c.is_ascii_alphanumeric() {
        offer(&mut best, vehicle::scan_vin_at(b, i), Kind::Vin);
    }
    if c.is_ascii_alphabetic() {
        offer(&mut best, iban::scan_at(b, i), Kind::Iban);
        offer(
            &mut best,
            resident_id::scan_student_at(b, i),
            Kind::StudentNumber,
        );
        offer(
            &mut best,
            travel_doc::scan_hkid_at(b, i),
            Kind::HkMacauPermit,
        );
    }
    if c != b'(' && !starts_at(b, i, "（") {
        offer(&mut best, geo::scan_at(b, i), Kind::Coordinates);
    }
    best
}

/// A phone number in a national format or a national ID number (Korea, Brazil, France, UK,
/// India) starting at `i`: the longest span of digits, single separators, brackets and the
/// letters those schemes have that [`phone::is_national_format`] or [`national_id`] accepts.
/// Only spans with eight digits or more are tried, so years, prices and times cost one pass
/// over their bytes.
fn national_at(text: &str, i: usize) -> Option<(usize, Kind)> {
    const LONGEST: usize = 24;
    let b = text.as_bytes();
    // Not the tail of a longer code (`ZJ330106-2025-0418-00273`).
    let inside =
        i >= 2 && matches!(b[i - 1], b'-' | b'.' | b'/') && b[i - 2].is_ascii_alphanumeric();
    if !super::digit_start_ok(b, i) || inside {
        return None;
    }
    let mut ends = [0usize; LONGEST];
    let mut n = 0;
    let mut digits = 0;
    let mut j = i;
    let mut letters = 0;
    while j < b.len() && j < i + LONGEST {
        let c = b[j];
        let next = j + 1;
        if c.is_ascii_digit() {
            digits += 1;
        } else if c.is_ascii_uppercase() {
            // Letters open a UK NI number (two) and close it (one): `QQ 12 34 56 C`.
            letters += 1;
            if letters > 3 || (digits > 0 && digits < 6) {
                break;
            }
        } else if matches!(c, b' ' | b'-' | b'.' | b'/' | b'(' | b')') {
            // One separator between groups.
            if j > i && matches!(b[j - 1], b' ' | b'-' | b'.' | b'/') && c != b'(' {
                break;
            }
        } else {
            break;
        }
        let enough = digits >= 8 || (letters >= 2 && digits >= 6);
        if enough && (c.is_ascii_alphanumeric() || c == b')') && super::digit_end_ok(b, next) {
            ends[n] = next;
            n += 1;
        }
        j = next;
    }
    let mut tmp = Vec::new();
    for &end in ends[..n].iter().rev() {
        let Some(span) = text.get(i..end) else {
            continue;
        };
        tmp.clear();
        national_id::detect(span, &mut tmp);
        if let Some(d) = tmp.first() {
            // A company's number (CNPJ) is found, and not reported as a person's.
            return (d.kind == Kind::NationalIdNumber).then_some((end, d.kind));
        }
        if (b[i] != b'(' || span.contains(')')) && phone::is_national_format(span) {
            return Some((end, Kind::NationalPhone));
        }
    }
    None
}

/// Sorts candidates and removes overlaps, keeping the longer span (then the more specific
/// kind, then the earlier one).
fn resolve(mut cands: Vec<Match>) -> Vec<Match> {
    cands.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end), m.kind.priority()));
    let mut out: Vec<Match> = Vec::with_capacity(cands.len());
    let mut cur: Option<Match> = None;
    for m in cands {
        match cur {
            None => cur = Some(m),
            Some(c) if m.start >= c.end => {
                out.push(c);
                cur = Some(m);
            }
            Some(c) => {
                let (lm, lc) = (m.end - m.start, c.end - c.start);
                if lm > lc || (lm == lc && m.kind.priority() < c.kind.priority()) {
                    cur = Some(m);
                }
            }
        }
    }
    out.extend(cur);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values of every validated kind and words that look like their openings: what the
    /// word skipping of [`scan_folded`] must never pass over.
    const PIECES: &[&str] = &[
        "the",
        "Please",
        "N",
        "E",
        "QQ",
        "AB",
        "ABCD",
        "deadbeef",
        "face",
        "add",
        "G",
        "lat",
        "IMEI",
        "fe80::1",
        "abcd::1",
        "ABCD:EF01::1",
        "aa:bb:cc:dd:ee:ff",
        "00:1A:2B:3C:4D:5E",
        "001a.2b3c.4d5e",
        "6D92078A-8246-4BA4-AE5B-76104861E7DC",
        "deadbeef-dead-4eef-beef-deadbeefdead",
        "N39.9042 E116.4074",
        "N 39.9042, E 116.4074",
        "39.9042, 116.4074",
        "GB82 WEST 1234 5698 7654 32",
        "gb82west12345698765432",
        "DE89370400440532013000",
        "G110105201305120235",
        "g110105201305120235",
        "A123456(3)",
        "AB 12 34 56 C",
        "ab 12 34 56 c",
        "1HGCM82633A004352",
        "1hgcm82633a004352",
        "110105201305120235",
        "13912345678",
        "+44 20 7946 0958",
        "(415) 555-2671",
        "京A12345",
        "354218096792908",
        "203.0.113.7",
        "北纬39.9",
        "12가3456",
    ];
    const GLUE: &[&str] = &[" ", "", "-", ":", ".", "(", ")", "，", "号", "\n", "x"];

    #[test]
    fn words_passed_over_hold_no_finding_on_the_examples() {
        for a in PIECES {
            for g in GLUE {
                for z in PIECES {
                    let text = format!("{a}{g}{z}");
                    assert_eq!(
                        scan_folded_with(&text, true),
                        scan_folded_with(&text, false),
                        "{text:?}"
                    );
                }
            }
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn words_passed_over_hold_no_finding(
            parts in proptest::collection::vec((0..PIECES.len(), 0..GLUE.len()), 1..8),
        ) {
            let text: String = parts.iter().map(|&(p, g)| format!("{}{}", PIECES[p], GLUE[g])).collect();
            proptest::prop_assert_eq!(scan_folded_with(&text, true), scan_folded_with(&text, false), "{:?}", text);
        }
    }

    fn found(text: &str) -> Vec<(Kind, &str)> {
        scan_text(text)
            .into_iter()
            .map(|m| (m.kind, &text[m.start..m.end]))
            .collect()
    }

    /// A cue whose value a validated scanner found is not read again; a cue followed by a
    /// finding of another category may still read its value before it.
    #[test]
    fn cues_before_validated_findings() {
        assert_eq!(
            found("请联系电话13912345678，谢谢"),
            [(Kind::CnMobile, "13912345678")]
        );
        assert_eq!(
            found("23559 is my zip code 13912345678"),
            [(Kind::PostalCode, "23559"), (Kind::CnMobile, "13912345678")]
        );
    }

    #[test]
    fn required_findings() {
        assert_eq!(
            found("放学后请打我电话13912345678"),
            [(Kind::CnMobile, "13912345678")]
        );
        assert_eq!(
            found("email me: a.b@example.com."),
            [(Kind::Email, "a.b@example.com")]
        );
        assert_eq!(
            found("住在39.9042, 116.4074附近"),
            [(Kind::Coordinates, "39.9042, 116.4074")]
        );
        assert_eq!(
            found("身份证110105201305120235"),
            [(Kind::ResidentId, "110105201305120235")]
        );
        assert_eq!(
            found("卡号6222 0281 0033 9075 798"),
            [(Kind::BankCard, "6222 0281 0033 9075 798")]
        );
        assert_eq!(found("IP 203.0.113.7"), [(Kind::Ipv4, "203.0.113.7")]);
    }

    #[test]
    fn required_silence() {
        for t in [
            "我喜欢画画和踢足球",
            "See you at the park",
            "Order 2024-03-09 #12345",
            "price 13.50",
            "abc13812345678",
            "订单号123456789012345678",
            "13912345678901234567890",
            "354218096792908",
            "call 400-810-8888",
            "E12345678",
            "100080",
            "31.230416",
        ] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }

    #[test]
    fn reading_folded_windows_finds_what_folding_the_whole_text_finds() {
        let parts = [
            "电话", "1", "3", "9", "１", "３", "一", "三", "九", " ", "\u{00A0}", "\u{200B}", ".",
            "，", "：", "-", "@", "a", "x.cn", " [at] ", "邮箱", "王", "或者", "(", ")", "0", "8",
            "5", "。", "．", "－", "／", "＿",
        ];
        let mut x = 0x2545_F491u32;
        for _ in 0..3_000 {
            let mut text = String::new();
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            let n = 8 + x % 160;
            let mut y = x;
            // Half the texts have few places where folding matters, so that windows end
            // inside the text.
            let rare = x.is_multiple_of(2);
            for _ in 0..n {
                y = y.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                let mut k = (y >> 16) as usize % parts.len();
                if rare && (4..=13).contains(&k) && !(y >> 8).is_multiple_of(16) {
                    k = [1, 2, 3, 8, 24, 25, 26, 27][(y >> 4) as usize % 8];
                }
                text.push_str(parts[k]);
            }
            let (folded, map) = crate::detect::fold::fold_mapped(&text);
            let whole: Vec<(Kind, usize, usize)> = scan_folded(&folded)
                .into_iter()
                .map(|m| (m.kind, map[m.start], map[m.end]))
                .collect();
            let windowed: Vec<(Kind, usize, usize)> = scan_validated(&text)
                .into_iter()
                .map(|m| (m.kind, m.start, m.end))
                .collect();
            assert_eq!(windowed, whole, "{text:?}");
        }
    }

    #[test]
    fn more_findings() {
        for text in [
            "John Smith 415-555-2671",
            "call (415) 555-2671 after 5",
            "home: 415.555.2671.",
            "tel 1-415-555-2671",
        ] {
            assert_eq!(
                found(text).iter().map(|f| f.0).collect::<Vec<_>>(),
                [Kind::IntlPhone],
                "{text}"
            );
        }
        for text in [
            "order 415-555-26711",
            "v415-555-2671",
            "800-555-2671",
            "2026-12-04",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
        assert_eq!(
            found("mail lily.chen [at] example [dot] com today"),
            [(Kind::Email, "lily.chen [at] example [dot] com")]
        );
        assert_eq!(
            found("IMEI: 354218096792908"),
            [(Kind::Imei, "354218096792908")]
        );
        assert_eq!(
            found("联系13912345678@163.com"),
            [(Kind::Email, "13912345678@163.com")]
        );
        assert_eq!(
            found("电话：010-62751234，手机：138 0013 8000"),
            [
                (Kind::CnLandline, "010-62751234"),
                (Kind::CnMobile, "138 0013 8000")
            ]
        );
        assert_eq!(
            found("call +44 20 7946 0958."),
            [(Kind::IntlPhone, "+44 20 7946 0958")]
        );
        assert_eq!(
            found("学籍号G110105201305120235"),
            [(Kind::StudentNumber, "G110105201305120235")]
        );
        assert_eq!(
            found("IBAN GB82 WEST 1234 5698 7654 32"),
            [(Kind::Iban, "GB82 WEST 1234 5698 7654 32")]
        );
        assert_eq!(
            found("mac 00:1A:2B:3C:4D:5E, ip fe80::1"),
            [(Kind::Mac, "00:1A:2B:3C:4D:5E"), (Kind::Ipv6, "fe80::1")]
        );
        assert_eq!(
            found("idfa 6D92078A-8246-4BA4-AE5B-76104861E7DC"),
            [(Kind::AdId, "6D92078A-8246-4BA4-AE5B-76104861E7DC")]
        );
        assert_eq!(
            found("位置 N39.9042 E116.4074 附近"),
            [(Kind::Coordinates, "N39.9042 E116.4074")]
        );
        assert_eq!(
            found("13800138000,13912345678"),
            [
                (Kind::CnMobile, "13800138000"),
                (Kind::CnMobile, "13912345678")
            ]
        );
        assert_eq!(found("version 1.2.3.4"), [(Kind::Ipv4, "1.2.3.4")]);
        assert!(found("version 1.2.3.4.5").is_empty());
    }

    #[test]
    fn national_phone_numbers_and_ids_in_prose() {
        for (text, kind, span) in [
            (
                "Meu CPF é 123.456.789-09, obrigado",
                Kind::NationalIdNumber,
                "123.456.789-09",
            ),
            (
                "seu cpf 52998224725 ok",
                Kind::NationalIdNumber,
                "52998224725",
            ),
            (
                "주민번호 900101-1234568 입니다",
                Kind::NationalIdNumber,
                "900101-1234568",
            ),
            (
                "NIR 1 85 05 78 006 084 91 merci",
                Kind::NationalIdNumber,
                "1 85 05 78 006 084 91",
            ),
            (
                "my NI number is AB 12 34 56 C thanks",
                Kind::NationalIdNumber,
                "AB 12 34 56 C",
            ),
            (
                "Aadhaar 2341 2341 2346 here",
                Kind::NationalIdNumber,
                "2341 2341 2346",
            ),
            (
                "電話 03-1234-5678 まで",
                Kind::NationalPhone,
                "03-1234-5678",
            ),
            (
                "call 010-1234-5678 now",
                Kind::NationalPhone,
                "010-1234-5678",
            ),
            ("gọi 0912 345 678 nhé", Kind::NationalPhone, "0912 345 678"),
            (
                "Ruf mich an: 030 12345678",
                Kind::NationalPhone,
                "030 12345678",
            ),
            (
                "appelle-moi au 06 12 34 56 78",
                Kind::NationalPhone,
                "06 12 34 56 78",
            ),
            (
                "Liga pra (11) 98765-4321",
                Kind::NationalPhone,
                "(11) 98765-4321",
            ),
            ("제 차는 12가3456입니다", Kind::ForeignPlate, "12가3456"),
        ] {
            assert_eq!(found(text), [(kind, span)], "{text}");
        }
        // A company's number, dates, prices, times and the tail of a longer code are not.
        for text in [
            "CNPJ 11.222.333/0001-81 da empresa",
            "Order 2023-12-15 total 1234.56 on 12/05/2023, code 20231215083000",
            "办件编号 ZJ330106-2025-0418-00273",
        ] {
            assert_eq!(found(text), [], "{text}");
        }
        // A NIR with a wrong key is not an ID (a part of it may still read as a number).
        let wrong = found("NIR 1 85 05 78 006 084 36 (wrong key)");
        assert!(!wrong.iter().any(|(k, _)| *k == Kind::NationalIdNumber));
    }

    /// What the field classifier reads in a value by its structure or check rule is also found
    /// in prose, with the same category (IMEIs only after the word "IMEI": a bare 15-digit Luhn number in prose is as
    /// often an order number; shaped-only formats — passports, SSNs — are not read in prose).
    #[test]
    fn validated_value_formats_are_found_in_prose() {
        let values = [
            "110105201305120235",
            "11010519491231002X",
            "A123456(3)",
            "13700137000",
            "+86 138 0013 8000",
            "138-0013-8000",
            "010-62751234",
            "0755-86001234",
            "(021) 5432 1234",
            "+1 (415) 555-2671",
            "+44 20 7946 0958",
            "+82-10-1234-5678",
            "Ming.Li@Example.com",
            "4787789328792170",
            "6222 0281 0033 9075 798",
            "GB82 WEST 1234 5698 7654 32",
            "DE89370400440532013000",
            "00:1A:2B:3C:4D:5E",
            "001a.2b3c.4d5e",
            "39.9042, 116.4074",
            "N39.9042 E116.4074",
            "G110105201305120235",
            "京A12345",
            "粤B·D12345",
            "900101-1234568",
            "123.456.789-09",
            "AB 12 34 56 C",
            "2341 2341 2346",
            "1 85 05 78 006 084 91",
            "03-1234-5678",
            "(11) 98765-4321",
            "6D92078A-8246-4BA4-AE5B-76104861E7DC",
            "fe80::1",
            "203.0.113.7",
            "12가3456",
        ];
        for v in values {
            let whole = super::super::detect_value(v);
            let validated = whole.first().unwrap_or_else(|| panic!("{v}: {whole:?}"));
            for text in [format!("请联系{v}谢谢"), format!("contact {v} thanks")] {
                let hit = scan_text(&text).into_iter().any(|m| {
                    &text[m.start..m.end] == v && m.kind.category() == validated.kind.category()
                });
                assert!(hit, "{text}: {:?}", found(&text));
            }
        }
    }

    #[test]
    fn company_codes_are_not_resident_ids() {
        assert!(found("统一社会信用代码914403001922038216").is_empty());
    }
}
