//! Telephone numbers: mainland China mobile and fixed-line numbers (YD/T 2378 / 工信部
//! 电信网编号计划) and international numbers in ITU-T E.164 form.
//!
//! * **CN mobile**: 11 digits `1[3-9]xxxxxxxxx`, optionally after `+86`, `(+86)`, `0086` or
//!   `86`, written contiguously or in groups separated by single spaces or dashes
//!   ("+86 138 0013 8000", "138-0013-8000").
//! * **CN fixed line**: trunk prefix `0` + area code (`10`, `2x` except `26`, or three digits
//!   `[3-9]xx`) + a local number of 8 digits (two-digit area codes) or 7–8 digits (three-digit
//!   area codes) that does not start with 0 or 1. Separators: `-`, space, parentheses
//!   (`(010)62751234`, full-width `（010）` too). After `+86` the trunk `0` is dropped
//!   ("+86 10 6275 1234"). An extension may follow: `-123`, ` ext 123`, `x123`, `#123`,
//!   `转123`, `分机123`. Service numbers `400`/`800` are company hotlines and are not reported.
//! * **E.164**: `+`, an assigned country calling code (ITU-T E.164 Annex to Operational
//!   Bulletin, list below), 8–15 digits in all, with spaces, dashes, dots or parentheses
//!   between groups, and an optional `(0)` trunk marker ("+44 (0)20 7946 0958"). +1 numbers
//!   must follow the NANP (`NXX NXX XXXX`); +86 numbers must be CN mobile or fixed-line
//!   numbers; non-geographic service codes (800, 808, 878, 888, 979, 991) are not accepted.
//!   Without `+`, a long number is not an international phone number.
//! * **NANP national format** (US, Canada, …), whole values only: `(NXX) NXX-XXXX`,
//!   `NXX-NXX-XXXX`, `NXX.NXX.XXXX`, `NXX NXX XXXX`, optionally after `1-`/`1 `; N is 2–9
//!   and neither the area code nor the exchange is an `N11` service code; `N00` area codes
//!   (toll-free, premium, China's 400/800 hotlines) are not a person's. Ten bare digits are
//!   not accepted (order numbers look like that).
//! * **National formats elsewhere** ([`is_national_format`]), whole values only: the trunk
//!   prefix `0` of most numbering plans (JP, KR, TW, GB, DE, FR, VN, IN, …) and 9–12 digits
//!   in at least two groups (`090-5717-8472`, `0191 498 0093`, `05 47 63 44 00`,
//!   `(02) 8978 7534`, `(07848) 64887`); Brazil's `DD NNNN-NNNN` / `DD 9NNNN-NNNN` with its
//!   two-digit area code; any of these or a NANP/E.164 number followed by an extension
//!   (`x177`, `ext. 12`, `#3`, `转123`); and `00` + country code in place of `+`. Bare digit
//!   runs are not read this way (order numbers look like that).

use super::{
    boundary_before, digit_at, digit_end_ok, digit_start_ok, push, starts_at, Detection, Digits,
    Kind, Strength,
};

/// Two-digit country calling codes.
const CC2: [u16; 44] = [
    20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56,
    57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
];

/// Three-digit country calling codes (geographic, plus 870/881/882/883 which are personal
/// satellite / international-network subscriptions).
const CC3: &[u16] = &[
    211, 212, 213, 216, 218, // North Africa
    220, 221, 222, 223, 224, 225, 226, 227, 228, 229, // West Africa
    230, 231, 232, 233, 234, 235, 236, 237, 238, 239, //
    240, 241, 242, 243, 244, 245, 246, 247, 248, 249, //
    250, 251, 252, 253, 254, 255, 256, 257, 258, // East Africa
    260, 261, 262, 263, 264, 265, 266, 267, 268, 269, // Southern Africa
    290, 291, 297, 298, 299, //
    350, 351, 352, 353, 354, 355, 356, 357, 358, 359, // Europe
    370, 371, 372, 373, 374, 375, 376, 377, 378, 379, //
    380, 381, 382, 383, 385, 386, 387, 389, //
    420, 421, 423, //
    500, 501, 502, 503, 504, 505, 506, 507, 508, 509, // Central America
    590, 591, 592, 593, 594, 595, 596, 597, 598, 599, // South America, Caribbean
    670, 672, 673, 674, 675, 676, 677, 678, 679, // Oceania
    680, 681, 682, 683, 685, 686, 687, 688, 689, //
    690, 691, 692, //
    850, 852, 853, 855, 856, // East Asia
    870, 880, 881, 882, 883, 886, //
    960, 961, 962, 963, 964, 965, 966, 967, 968, // Middle East
    970, 971, 972, 973, 974, 975, 976, 977, //
    992, 993, 994, 995, 996, 998, // Central Asia
];

const MAX_DIGITS: usize = 24;
const MAX_GROUPS: usize = 12;

/// Length of the country calling code at the start of `d` (E.164 codes are prefix-free).
pub fn country_code_len(d: &[u8]) -> Option<usize> {
    match d.first()? {
        b'1' | b'7' => return Some(1),
        b'0' => return None,
        _ => {}
    }
    let two = super::digits_value(d.get(..2)?)?;
    if CC2.contains(&(two as u16)) {
        return Some(2);
    }
    let three = super::digits_value(d.get(..3)?)?;
    CC3.contains(&(three as u16)).then_some(3)
}

/// One digit group of a phone-number-like token.
#[derive(Clone, Copy, Default)]
struct Group {
    /// Number of digits up to and including this group.
    dend: usize,
    /// Byte offset just after the group (after its closing parenthesis, if any).
    end: usize,
    /// No parenthesis is left open after this group.
    balanced: bool,
    /// The group is enclosed in parentheses.
    paren: bool,
    /// The separator before the group: 0, b' ', b'-', b'.', b'(' or b')'.
    sep: u8,
}

/// A phone-number-like token: optional `(`, optional `+`, digit groups with short separators.
#[derive(Clone, Copy)]
struct Lex {
    plus: bool,
    digits: [u8; MAX_DIGITS],
    groups: [Group; MAX_GROUPS],
    ng: usize,
}

fn open_paren(b: &[u8], i: usize) -> usize {
    if b.get(i) == Some(&b'(') {
        1
    } else if starts_at(b, i, "（") {
        3
    } else {
        0
    }
}

fn close_paren(b: &[u8], i: usize) -> usize {
    if b.get(i) == Some(&b')') {
        1
    } else if starts_at(b, i, "）") {
        3
    } else {
        0
    }
}

/// Reads a phone-number-like token starting at `start` (bounded: at most 24 digits in 12
/// groups; a group running past the digit cap is dropped).
fn lex(b: &[u8], start: usize) -> Option<Lex> {
    let mut lx = Lex {
        plus: false,
        digits: [0; MAX_DIGITS],
        groups: [Group::default(); MAX_GROUPS],
        ng: 0,
    };
    let mut i = start;
    let mut depth = 0u8;
    let mut open_before = false;
    let n = open_paren(b, i);
    if n > 0 {
        depth = 1;
        i += n;
        open_before = true;
    }
    if b.get(i) == Some(&b'+') {
        lx.plus = true;
        i += 1;
    }
    let mut nd = 0;
    let mut sep_before = 0u8;
    loop {
        let gs = i;
        while digit_at(b, i) {
            match (lx.digits.get_mut(nd), b.get(i)) {
                (Some(slot), Some(&c)) => *slot = c,
                _ => return (lx.ng > 0).then_some(lx), // too long: drop the partial group
            }
            nd += 1;
            i += 1;
        }
        if i == gs || lx.ng == MAX_GROUPS {
            break;
        }
        let mut end = i;
        let mut paren = false;
        if depth == 1 {
            let n = close_paren(b, i);
            if n > 0 {
                depth = 0;
                i += n;
                end = i;
                paren = open_before;
            }
        }
        if let Some(g) = lx.groups.get_mut(lx.ng) {
            *g = Group {
                dend: nd,
                end,
                balanced: depth == 0,
                paren,
                sep: sep_before,
            };
        }
        lx.ng += 1;
        // Separator run: at most one '-' or '.', at most one '(', single spaces around them.
        let mut j = i;
        let mut prev_space = false;
        let mut mark = false;
        let mut opened = false;
        let mut sep = if paren { b')' } else { 0 };
        loop {
            match b.get(j) {
                Some(b' ') if !prev_space => {
                    prev_space = true;
                    j += 1;
                    if sep == 0 || sep == b')' {
                        sep = b' ';
                    }
                }
                Some(&c @ (b'-' | b'.')) if !mark && !opened => {
                    prev_space = false;
                    mark = true;
                    j += 1;
                    sep = c;
                }
                _ => {
                    let n = open_paren(b, j);
                    if n > 0 && depth == 0 && !opened {
                        prev_space = false;
                        opened = true;
                        j += n;
                        sep = b'(';
                    } else {
                        break;
                    }
                }
            }
        }
        if !digit_at(b, j) {
            break;
        }
        if opened {
            depth = 1;
        }
        open_before = opened;
        sep_before = sep;
        i = j;
    }
    (lx.ng > 0).then_some(lx)
}

impl Lex {
    fn group(&self, k: usize) -> Group {
        self.groups.get(k).copied().unwrap_or_default()
    }

    /// Digits of groups `0..=k`.
    fn digits_upto(&self, k: usize) -> &[u8] {
        self.digits.get(..self.group(k).dend).unwrap_or(&[])
    }

    /// Digit index range of group `g`.
    fn range(&self, g: usize) -> (usize, usize) {
        let lo = if g == 0 { 0 } else { self.group(g - 1).dend };
        (lo, self.group(g).dend)
    }

    /// Some group among `0..=k` ends exactly after `idx` digits.
    fn boundary_at(&self, idx: usize, k: usize) -> bool {
        (0..=k).any(|g| self.group(g).dend == idx)
    }

    /// Some group among `0..=k` ends strictly between `lo` and `hi` digits.
    fn boundary_between(&self, lo: usize, hi: usize, k: usize) -> bool {
        (0..=k).any(|g| {
            let e = self.group(g).dend;
            lo < e && e < hi
        })
    }

    fn has_dot(&self, k: usize) -> bool {
        (0..=k).any(|g| self.group(g).sep == b'.')
    }
}

/// Where the national number starts after a China prefix, and whether there was one.
fn cn_prefix(lx: &Lex, d: &[u8], mobile: bool) -> Option<(usize, bool)> {
    if lx.plus {
        return d.starts_with(b"86").then_some((2, true));
    }
    if d.starts_with(b"0086") {
        return Some((4, true));
    }
    if mobile && d.starts_with(b"86") && d.len() == 13 {
        return Some((2, true));
    }
    Some((0, false))
}

/// An allocated mainland mobile number: `1` + a network prefix in use (MIIT numbering plan:
/// 13x, 145–149, 15x except 154, 162/165/166/167, 17x, 18x, 19x) + 8 digits. Unallocated
/// prefixes (`168…`, `160…`) are order and tracking numbers, not phones.
pub fn is_cn_mobile_digits(nat: &[u8]) -> bool {
    if nat.len() != 11 || !nat.iter().all(u8::is_ascii_digit) || nat[0] != b'1' {
        return false;
    }
    match (nat[1], nat[2]) {
        (b'3' | b'7' | b'8' | b'9', _) => true,
        (b'4', c) => (b'5'..=b'9').contains(&c),
        (b'5', c) => c != b'4',
        (b'6', c) => matches!(c, b'2' | b'5' | b'6' | b'7'),
        _ => false,
    }
}

fn is_mobile(lx: &Lex, k: usize) -> bool {
    let d = lx.digits_upto(k);
    match cn_prefix(lx, d, true) {
        Some((p, _)) => d.get(p..).is_some_and(is_cn_mobile_digits),
        None => false,
    }
}

/// Area code (without trunk 0) and local number of a CN fixed-line national number, which
/// starts right after the trunk prefix. Returns the area-code length.
fn split_landline(nat: &[u8]) -> Option<usize> {
    let area_len = match nat.first()? {
        b'1' if nat.get(1) == Some(&b'0') => 2,
        b'2' if nat.get(1).is_some_and(|c| c.is_ascii_digit() && *c != b'6') => 2,
        b'3'..=b'9' => 3,
        _ => return None,
    };
    if nat.starts_with(b"400") || nat.starts_with(b"800") {
        return None; // company service numbers
    }
    let local = nat.get(area_len..)?;
    let len_ok = if area_len == 2 {
        local.len() == 8
    } else {
        local.len() == 7 || local.len() == 8
    };
    (len_ok
        && local.iter().all(u8::is_ascii_digit)
        && local.first().is_some_and(|c| (b'2'..=b'9').contains(c)))
    .then_some(area_len)
}

/// Groups `0..=m` are a CN fixed-line number (area code + local number).
fn is_landline_main(lx: &Lex, m: usize) -> bool {
    let d = lx.digits_upto(m);
    let Some((p, has_cc)) = cn_prefix(lx, d, false) else {
        return false;
    };
    let mut q = p;
    if d.get(q) == Some(&b'0') {
        q += 1; // trunk prefix (required without a country code, tolerated after +86 as "(0)")
    } else if !has_cc {
        return false;
    }
    let Some(area_len) = d.get(q..).and_then(split_landline) else {
        return false;
    };
    // The area code is its own group, or the number after the prefix is contiguous.
    let area_end = q + area_len;
    lx.boundary_at(area_end, m) || !lx.boundary_between(p, d.len(), m)
}

/// `ext 123`, `ext.123`, `x123`, `#123`, `转123`, `分机123` right after `e` (one optional
/// space on each side of the marker). Returns the end of the extension digits.
fn ext_suffix(b: &[u8], e: usize) -> Option<usize> {
    let mut j = e;
    if b.get(j) == Some(&b' ') {
        j += 1;
    }
    let marker = if b
        .get(j..j + 4)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"ext."))
    {
        4
    } else if b
        .get(j..j + 3)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"ext"))
    {
        3
    } else if matches!(b.get(j), Some(b'x' | b'X' | b'#')) {
        1
    } else if starts_at(b, j, "转") {
        "转".len()
    } else if starts_at(b, j, "分机") {
        "分机".len()
    } else {
        return None;
    };
    j += marker;
    if b.get(j) == Some(&b' ') {
        j += 1;
    }
    let n = super::digit_run(b, j, 6);
    if n == 0 || n > 6 {
        return None;
    }
    Some(j + n)
}

/// A CN fixed-line number made of groups `0..=k` (the last group may be a `-` extension),
/// possibly followed by a worded extension. Returns the end offset.
fn landline_end(lx: &Lex, k: usize, b: &[u8]) -> Option<usize> {
    let g = lx.group(k);
    if g.balanced && is_landline_main(lx, k) {
        return Some(ext_suffix(b, g.end).unwrap_or(g.end));
    }
    if k >= 1 && lx.group(k - 1).balanced && is_landline_main(lx, k - 1) {
        let (lo, hi) = lx.range(k);
        if g.sep == b'-' && (1..=6).contains(&(hi - lo)) && g.balanced {
            return Some(g.end);
        }
    }
    None
}

/// Groups `0..=k` (after a `+`) are a plausible E.164 number.
fn e164_groups(lx: &Lex, k: usize) -> bool {
    if !lx.plus {
        return false;
    }
    let d = lx.digits_upto(k);
    let Some(cc) = country_code_len(d) else {
        return false;
    };
    if d.starts_with(b"86") {
        return is_mobile(lx, k) || is_landline_main(lx, k);
    }
    // National significant number, without a parenthesised "(0)" trunk marker after the code.
    let mut nat = Digits::new();
    for g in 0..=k {
        let (lo, hi) = lx.range(g);
        if lx.group(g).paren && lo == cc && d.get(lo..hi) == Some(b"0".as_slice()) {
            continue;
        }
        for idx in lo.max(cc)..hi {
            if let Some(&c) = d.get(idx) {
                nat.push(c);
            }
        }
    }
    let nat = nat.as_slice();
    let total = cc + nat.len();
    if !(8..=15).contains(&total) {
        return false;
    }
    match cc {
        1 if d.first() == Some(&b'1') => {
            nat.len() == 10
                && nat.first().is_some_and(|c| (b'2'..=b'9').contains(c))
                && nat.get(3).is_some_and(|c| (b'2'..=b'9').contains(c))
        }
        1 => nat.len() == 10, // +7
        _ => true,
    }
}

/// The value (surrounding whitespace ignored) is a CN mobile number.
pub fn is_cn_mobile(s: &str) -> bool {
    whole(s.trim()).0
}

/// The value is a CN fixed-line number with area code (extension allowed).
pub fn is_cn_landline(s: &str) -> bool {
    whole(s.trim()).1
}

/// The value is an international number with `+` and a valid country code.
pub fn is_e164(s: &str) -> bool {
    whole(s.trim()).2
}

/// A 400/800 company service number ("400-810-8888"), which is never reported as a phone.
pub fn is_service_number(s: &str) -> bool {
    super::grouped_digits(s.trim()).is_some_and(|d| {
        let d = d.as_slice();
        d.len() == 10 && (d.starts_with(b"400") || d.starts_with(b"800"))
    })
}

/// (mobile, landline, e164) readings of a whole value.
fn whole(v: &str) -> (bool, bool, bool) {
    let b = v.as_bytes();
    if b.is_empty() || b.len() > 64 {
        return (false, false, false);
    }
    let Some(lx) = lex(b, 0) else {
        return (false, false, false);
    };
    let Some(k) = lx.ng.checked_sub(1) else {
        return (false, false, false);
    };
    let g = lx.group(k);
    let full = g.end == b.len() && g.balanced;
    let dots = lx.has_dot(k);
    let mobile = full && !dots && is_mobile(&lx, k);
    let landline = !dots && landline_end(&lx, k, b) == Some(b.len());
    let e164 = (full && e164_groups(&lx, k)) || (lx.plus && (mobile || landline));
    (mobile, landline, e164)
}

/// A North American number written the national way, with its groups marked.
pub fn is_nanp_national(s: &str) -> bool {
    let s = s.trim();
    let s = s
        .strip_prefix("1-")
        .or_else(|| s.strip_prefix("1 "))
        .unwrap_or(s);
    let b = s.as_bytes();
    let digits = |r: &[u8]| r.iter().all(u8::is_ascii_digit);
    let (area, rest) = if b.first() == Some(&b'(') {
        if b.len() < 5 || b[4] != b')' || !digits(&b[1..4]) {
            return false;
        }
        let rest = &b[5..];
        (&b[1..4], rest.strip_prefix(b" ").unwrap_or(rest))
    } else {
        if b.len() != 12 || !digits(&b[..3]) {
            return false;
        }
        let sep = b[3];
        if !matches!(sep, b'-' | b'.' | b' ') || b[7] != sep {
            return false;
        }
        (&b[..3], &b[4..])
    };
    // rest: NXX-XXXX (or NXX.XXXX / NXX XXXX for the dotted and spaced forms)
    if rest.len() != 8 || !digits(&rest[..3]) || !matches!(rest[3], b'-' | b'.' | b' ') {
        return false;
    }
    let (exchange, line) = (&rest[..3], &rest[4..]);
    let nxx = |g: &[u8]| g[0] >= b'2' && !(g[1] == b'1' && g[2] == b'1');
    // N00 area codes are non-geographic (toll-free 800, premium 900, and China's 400/800
    // company hotlines share the shape): not a person's number.
    let service = area[1] == b'0' && area[2] == b'0';
    digits(line) && nxx(area) && nxx(exchange) && !service
}

/// Free-text matcher for North American numbers written the national way (`415-555-2671`,
/// `(415) 555-2671`, `415.555.2671`, after an optional `1-`): the whole-value grammar of
/// [`is_nanp_national`], not glued to letters or digits on either side.
pub(crate) fn scan_nanp_at(b: &[u8], i: usize) -> Option<usize> {
    if !boundary_before(b, i) {
        return None;
    }
    [12usize, 13, 14, 16].into_iter().rev().find_map(|len| {
        let end = i.checked_add(len)?;
        let candidate = std::str::from_utf8(b.get(i..end)?).ok()?;
        let last_digit = candidate.bytes().last().is_some_and(|c| c.is_ascii_digit());
        (last_digit
            && digit_end_ok(b, end)
            && !super::alnum_at(b, end)
            && is_nanp_national(candidate))
        .then_some(end)
    })
}

/// The value without a trailing extension (`x177`, `ext. 12`, `#3`, `转123`, `分机 8`, `內線 5`).
fn strip_extension(v: &str) -> &str {
    let t = v.trim_end();
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 6 {
        return v;
    }
    let head = t[..t.len() - digits].trim_end();
    if !head.ends_with(|c: char| {
        matches!(c, 'x' | 'X' | 't' | 'T' | 'n' | 'N' | '.' | '#') || !c.is_ascii()
    }) {
        return v; // no extension mark: the common case, decided without allocating
    }
    let lower = head.to_ascii_lowercase();
    for mark in [
        "extension",
        "ext.",
        "ext",
        "x",
        "#",
        "转",
        "分机",
        "內線",
        "内线",
        "内線",
    ] {
        if let Some(rest) = lower.strip_suffix(mark) {
            let rest = rest.trim_end_matches([' ', ',', ';']);
            // The mark must follow the number (`…7273x177`), not be part of a word.
            if rest.ends_with(|c: char| c.is_ascii_digit() || c == ')') {
                return &head[..rest.len()];
            }
        }
    }
    v
}

/// A phone number written the national way outside mainland China and North America (see the
/// module docs), or a NANP/E.164 number with an extension, or `00` in place of `+`.
pub fn is_national_format(v: &str) -> bool {
    let v = v.trim();
    let core = strip_extension(v);
    let extended = core.len() != v.len();
    if extended && (is_nanp_national(core) || whole(core).2) {
        return true;
    }
    if let Some(rest) = core.strip_prefix("00") {
        let digits: Vec<u8> = rest.bytes().filter(u8::is_ascii_digit).collect();
        // Grouped, as people write numbers: a bare run of digits starting 00 is a barcode.
        let grouped = digits.len() < rest.len();
        if grouped
            && rest.starts_with(|c: char| c.is_ascii_digit())
            && country_code_len(&digits).is_some()
        {
            let plus = format!("+{rest}");
            if whole(&plus).2 || is_nanp_national(rest.strip_prefix("1-").unwrap_or("")) {
                return true;
            }
        }
        return false;
    }
    // Cheap first-byte tests before either grammar: a trunk prefix `0` (maybe in brackets),
    // or Brazil's bracketed or space-separated two-digit area code.
    let b = core.as_bytes();
    let trunk = b.first() == Some(&b'0') || b.starts_with(b"(0");
    let brazil = b.first() == Some(&b'(') || b.get(2) == Some(&b' ');
    (trunk && trunk_format(core)) || (brazil && brazil_format(core))
}

/// `0` + 9–12 digits in groups: `090-5717-8472`, `(02) 89787534`, `05 47 63 44 00`.
fn trunk_format(v: &str) -> bool {
    let b = v.as_bytes();
    let (open, rest) = match b.first() {
        Some(b'(') => match b.iter().position(|&c| c == b')') {
            Some(close) if (3..=6).contains(&close) => (Some(&b[1..close]), &b[close + 1..]),
            _ => return false,
        },
        _ => (None, b),
    };
    let mut groups: Vec<&[u8]> = Vec::new();
    if let Some(area) = open {
        if !area.iter().all(u8::is_ascii_digit) {
            return false;
        }
        groups.push(area);
    }
    for g in rest.split(|&c| matches!(c, b' ' | b'-' | b'.')) {
        if g.is_empty() {
            // One separator between groups (a space after the area code's parenthesis is fine).
            if groups.len() == usize::from(open.is_some()) && rest.first() == Some(&b' ') {
                continue;
            }
            return false;
        }
        if !g.iter().all(u8::is_ascii_digit) {
            return false;
        }
        groups.push(g);
    }
    let digits: usize = groups.iter().map(|g| g.len()).sum();
    let first = groups.first().copied().unwrap_or_default();
    // `023-62-6000` is a US Social Security number's shape, not a trunk-prefixed number.
    let ssn = groups.len() == 3
        && open.is_none()
        && [3, 2, 4] == [groups[0].len(), groups[1].len(), groups[2].len()];
    groups.len() >= 2
        && !ssn
        && (9..=12).contains(&digits)
        && (2..=5).contains(&first.len())
        && first[0] == b'0'
        && first[1] != b'0'
        && groups.iter().skip(1).all(|g| (2..=8).contains(&g.len()))
}

/// Brazil: a two-digit area code (11–99, no zero) and 8 or 9 digits split by a dash.
fn brazil_format(v: &str) -> bool {
    let v = v.trim();
    let (area, rest) = if let Some(r) = v.strip_prefix('(') {
        match r.split_once(')') {
            Some((a, rest)) => (a, rest.trim_start()),
            None => return false,
        }
    } else {
        match v.split_once(' ') {
            Some((a, rest)) => (a, rest),
            None => return false,
        }
    };
    let Some((head, tail)) = rest.split_once('-') else {
        return false;
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    area.len() == 2
        && all_digits(area)
        && !area.contains('0')
        && all_digits(head)
        && all_digits(tail)
        && tail.len() == 4
        && (head.len() == 4 || (head.len() == 5 && head.starts_with('9')))
}

/// Whole-value detection.
pub(crate) fn detect(v: &str, out: &mut Vec<Detection>) {
    let (mobile, landline, e164) = whole(v);
    if !mobile && !landline && !e164 && is_nanp_national(v) {
        push(out, Kind::IntlPhone, Strength::Validated);
    }
    if mobile {
        push(out, Kind::CnMobile, Strength::Validated);
    }
    if landline {
        push(out, Kind::CnLandline, Strength::Validated);
    }
    if e164 {
        push(out, Kind::IntlPhone, Strength::Validated);
    }
}

/// Free-text matcher: the longest phone number starting at `i`.
pub(crate) fn scan_at(b: &[u8], i: usize) -> Option<(usize, Kind)> {
    let c = *b.get(i)?;
    let paren_start = open_paren(b, i) > 0;
    if c.is_ascii_digit() {
        // Without '+' or '(' a phone number starts with 1 (mobile), 0 (trunk prefix, 0086)
        // or 86.
        if !matches!(c, b'0' | b'1' | b'8') || !digit_start_ok(b, i) {
            return None;
        }
    } else if (c != b'+' && !paren_start) || !boundary_before(b, i) {
        return None;
    }
    let lx = lex(b, i)?;
    let landline_possible = lx.plus || lx.digits.first() == Some(&b'0');
    let first_dot = (0..lx.ng)
        .find(|&g| lx.group(g).sep == b'.')
        .unwrap_or(usize::MAX);
    for k in (0..lx.ng).rev() {
        // "(13800138000)": leave the parentheses out; the digits are matched on their own.
        if paren_start && k == 0 {
            break;
        }
        let g = lx.group(k);
        let nd = g.dend;
        let dots = first_dot <= k;
        let clean_end = g.balanced && digit_end_ok(b, g.end);
        if clean_end && !dots && (11..=15).contains(&nd) && is_mobile(&lx, k) {
            return Some((g.end, Kind::CnMobile));
        }
        if landline_possible && !dots && (9..=MAX_DIGITS).contains(&nd) {
            if let Some(e) = landline_end(&lx, k, b) {
                if digit_end_ok(b, e) {
                    return Some((e, Kind::CnLandline));
                }
            }
        }
        if clean_end && lx.plus && (8..=16).contains(&nd) && e164_groups(&lx, k) {
            return Some((g.end, Kind::IntlPhone));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn national_formats_by_numbering_plan() {
        for v in [
            "090-5717-8472",    // JP mobile
            "03-1234-5678",     // JP Tokyo
            "019-819-6727",     // KR
            "0191 498 0093",    // GB
            "(07848) 64887",    // DE with the area code in parentheses
            "07534 77876",      // DE
            "05 47 63 44 00",   // FR
            "(02) 89787534",    // TW Taipei
            "0987-663440",      // TW mobile
            "(08)753-4778",     // VN
            "08766 344002",     // IN
            "98 0932-0819",     // BR
            "(11) 98765-4321",  // BR mobile
            "584.872.6714x751", // NANP with an extension
            "(934)377-8768 ext. 45",
            "+1-948-987-6634x40029",
            "001-681-896-7273", // 00 in place of +
            "0044 20 7946 0958",
        ] {
            assert!(is_national_format(v), "{v}");
        }
        for v in [
            "20231105-0012",     // an order number with a date
            "0634400297",        // bare digits: not read this way
            "0048764529122",     // a barcode, not 00 + a country code
            "023-62-6000",       // a US SSN's shape
            "1234-5678",         // no trunk prefix, too short
            "2024-01-05",        // a date
            "978-1-885576-52-1", // an ISBN
            "0000 1234 5678",    // no area code starts with 00
            "10 0932-0819",      // BR area codes have no 0
            "v1.2.3",
            "0.5",
        ] {
            assert!(!is_national_format(v), "{v}");
        }
    }

    use super::*;

    #[test]
    fn nanp_national_numbers_with_their_groups() {
        for yes in [
            "(212) 555-0187",
            "(212)555-0187",
            "415-555-2671",
            "415.555.2671",
            "415 555 2671",
            "1-415-555-2671",
        ] {
            assert!(is_nanp_national(yes), "{yes}");
        }
        for no in [
            "4155552671",
            "(112) 555-0187",
            "(212) 155-0187",
            "(911) 555-0187",
            "212-911-0187",
            "400-810-8888",
            "800-555-0100",
            "415-555-267",
            "415-555.2671",
            "2025-0314-0001",
        ] {
            assert!(!is_nanp_national(no), "{no}");
        }
    }

    #[test]
    fn country_codes_are_prefix_free_and_known() {
        for &c in CC2.iter() {
            assert!(!CC3.iter().any(|&t| t / 10 == c), "{c}");
        }
        assert_eq!(country_code_len(b"14155552671"), Some(1));
        assert_eq!(country_code_len(b"442079460958"), Some(2));
        assert_eq!(country_code_len(b"8521234"), Some(3));
        assert_eq!(country_code_len(b"8001234"), None); // freephone
        assert_eq!(country_code_len(b"2591234"), None); // unassigned
        assert_eq!(country_code_len(b"0123"), None);
    }

    #[test]
    fn cn_mobiles() {
        for s in [
            "13800138000",
            "13700137000",
            "+86 138 0013 8000",
            "138-0013-8000",
            "138 0013 8000",
            "+86-13800138000",
            "+8613800138000",
            "0086 13800138000",
            "8613800138000",
            "(+86) 138 0013 8000",
            "(+86)13800138000",
            "19912345678",
        ] {
            assert!(is_cn_mobile(s), "{s}");
        }
        for s in [
            "12800138000",  // second digit 2
            "1380013800",   // 10 digits
            "138001380001", // 12 digits
            "23800138000",
            "138--0013-8000",
            "138.0013.8000",
            "+1 13800138000",
            "+86 138 0013 8000)",
            "(+86 138 0013 8000",
        ] {
            assert!(!is_cn_mobile(s), "{s}");
        }
    }

    #[test]
    fn cn_landlines() {
        for s in [
            "010-62751234",
            "0755-86001234",
            "(021) 5432 1234",
            "(010)62751234",
            "（010）62751234",
            "01062751234",
            "0755 8600 1234",
            "0571-8765432",
            "+86 10 6275 1234",
            "+86-755-8600-1234",
            "+86 (0)10 6275 1234",
            "0086 10 62751234",
            "010-62751234-123",
            "010-62751234 ext 123",
            "010-62751234 ext. 123",
            "010-62751234转123",
            "010-62751234 转 8",
            "010-62751234分机123",
            "010-62751234#123",
        ] {
            assert!(is_cn_landline(s), "{s}");
        }
        for s in [
            "010-6275123",  // 2-digit area code needs 8 digits
            "010-02751234", // local starts with 0
            "010-12751234", // local starts with 1
            "011-62751234", // no 011 area code
            "026-62751234", // 026 not used
            "0755-860012345",
            "62751234",     // no area code
            "400-810-8888", // service number
            "400 810 8888",
            "800-810-8888",
            "+86 400 810 8888",
            "0400-8108888",
            "0755 86 00 1234 5678 9",
            "010-62751234-1234567",
        ] {
            assert!(!is_cn_landline(s), "{s}");
        }
        assert!(is_service_number("400-810-8888"));
        assert!(!is_e164("+86 400 810 8888"));
    }

    #[test]
    fn international_numbers() {
        for s in [
            "+1 (415) 555-2671",
            "+1 415 555 2671",
            "+14155552671",
            "+44 20 7946 0958",
            "+44 (0)20 7946 0958",
            "+82-10-1234-5678",
            "+33 1 23 45 67 89",
            "+49 30 901820",
            "+852 2345 6789",
            "+1.415.555.2671",
            "+86 138 0013 8000",
            "+7 495 123 4567",
        ] {
            assert!(is_e164(s), "{s}");
        }
        for s in [
            "14155552671",       // no +
            "+1 (415) 155-2671", // NXX starts with 1
            "+1 415 555 267",    // too short for NANP
            "+259 1234 5678",    // unassigned code
            "+800 1234 5678",    // freephone
            "+44 20",            // too short
            "+44 20 7946 0958 1234 5678",
            "+44  20 7946 0958 ",
            "+44 20 7946 0958)",
            "+86 12345678901",
        ] {
            assert!(!is_e164(s), "{s}");
        }
    }

    #[test]
    fn scanner() {
        let t = "放学后请打我电话13912345678";
        let i = t.find('1').unwrap();
        assert_eq!(scan_at(t.as_bytes(), i), Some((t.len(), Kind::CnMobile)));
        assert_eq!(scan_at(b"139123456789", 0), None);
        assert_eq!(scan_at(b"x13912345678", 1), None);
        assert_eq!(scan_at(b"13912345678 12345", 0), Some((11, Kind::CnMobile)));
        assert_eq!(
            scan_at(b"13912345678,13800138000", 0),
            Some((11, Kind::CnMobile))
        );
        assert_eq!(
            scan_at(b"tel 010-62751234, ok", 4),
            Some((16, Kind::CnLandline))
        );
        let t = "电话010-62751234转123。";
        let i = t.find('0').unwrap();
        assert_eq!(
            scan_at(t.as_bytes(), i),
            Some((i + "010-62751234转123".len(), Kind::CnLandline))
        );
        assert_eq!(
            scan_at(b"+1 (415) 555-2671 today", 0),
            Some((17, Kind::IntlPhone))
        );
        assert_eq!(
            scan_at(b"+44 20 7946 0958 2 cats", 0),
            Some((18, Kind::IntlPhone))
        );
        assert_eq!(scan_at(b"(13800138000)", 0), None);
        assert_eq!(scan_at(b"(13800138000)", 1), Some((12, Kind::CnMobile)));
        assert_eq!(
            scan_at(b"(+86) 138 0013 8000", 0),
            Some((19, Kind::CnMobile))
        );
        assert_eq!(scan_at(b"400-810-8888", 0), None);
        assert_eq!(scan_at(b"2024-03-09", 0), None);
    }
}
