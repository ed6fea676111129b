//! Folding values before detection, so that a number written to slip past a detector is read
//! like the plain one.
//!
//! People (and attackers) type `１３９１２３４５６７８` in a full-width input method,
//! paste `139 1234 5678` with no-break or zero-width spaces, write `139.1234.5678`,
//! `139/1234/5678`, `一三九一二三四五六七八` or `①③⑨…`. All of these are a child's phone
//! number, and a detector that only reads ASCII digits lets them leave the page raw.
//! [`fold`] rewrites a value into the form the detectors read:
//!
//! * the compatibility forms Unicode NFKC maps to ASCII: full-width ASCII (U+FF01–FF5E), the
//!   ideographic space, no-break and other fixed-width spaces (→ space), superscript and
//!   subscript digits, circled and parenthesized numbers and digits with a full stop (①→1,
//!   ⑴→(1), ⒈→1.), mathematical digits (𝟏→1);
//! * invisible characters removed: zero-width space/joiners, word joiner, soft hyphen, BOM,
//!   Mongolian vowel separator, invisible operators (NFKC keeps these; they only hide text);
//! * decimal digits of other scripts (Arabic-Indic, Devanagari, Bengali, Thai, …) → ASCII;
//! * inside a run of at least seven digits: Chinese numerals (〇零一二三四五六七八九, and 幺
//!   as 1 is read aloud in phone numbers) → ASCII digits, and one separator repeated between
//!   three or more digit groups (`.` `/` `_` `·` `・` `、` `,` and dash look-alikes) → `-`,
//!   the separator the detectors read (a dotted quad of short groups stays: it is an IPv4).
//!
//! Why not the `unicode-normalization` crate's NFKC: measured in a wasm32 cdylib at opt-level
//! "z" + `wasm-opt -Oz`, `nfkc()` adds 123 kB raw / 63 kB gzip (its composition and
//! compatibility tables) — a sixth of the whole minform module again, on every page — while NFKC keeps
//! zero-width characters and other scripts' digits as they are, and does nothing for Chinese
//! numerals, separators or spelled-out `[at]`. The cases NFKC covers that matter to a detector
//! (digits, ASCII letters and punctuation, spaces) are all here, tested one by one.
//!
//! [`fold_mapped`] also returns, for every byte of the folded text, the byte offset in the
//! original it came from, so that spans found in the folded text can be reported in the
//! original (`findPersonalData` offsets).

use std::borrow::Cow;

/// `text` folded for detection (see the module docs); borrowed when nothing changes.
pub fn fold(text: &str) -> Cow<'_, str> {
    match fold_changed(text) {
        None => Cow::Borrowed(text),
        Some((folded, _)) => Cow::Owned(folded),
    }
}

/// [`fold`], with the original byte offset of every byte of the result, plus one entry for
/// the end (`map[folded.len()] == text.len()`).
pub fn fold_mapped(text: &str) -> (String, Vec<usize>) {
    fold_changed(text).unwrap_or_else(|| {
        let mut map: Vec<usize> = (0..text.len()).collect();
        map.push(text.len());
        (text.to_owned(), map)
    })
}

/// [`fold_mapped`] when folding changes something; `None` (without allocating) when it does
/// not, which one pass over the text decides.
pub fn fold_changed(text: &str) -> Option<(String, Vec<usize>)> {
    // Most values: ASCII without the separators of digit runs or brackets.
    if text.is_ascii()
        && !text
            .bytes()
            .any(|b| matches!(b, b'.' | b'/' | b'_' | b',' | b'[' | b'(' | b'{'))
    {
        return None;
    }
    let (chars, runs, words) = what_changes(text);
    if !chars && !runs && !words {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut map: Vec<usize> = Vec::with_capacity(text.len() + 1);
    // Unchanged stretches are copied whole; only folded characters are handled one by one.
    let mut start = 0;
    if chars {
        for (at, c) in text.char_indices() {
            let folded = fold_char(c);
            if matches!(folded, Folded::Same) {
                continue;
            }
            out.push_str(&text[start..at]);
            map.extend(start..at);
            start = at + c.len_utf8();
            let mut push = |f: char| {
                out.push(f);
                map.extend(std::iter::repeat_n(at, f.len_utf8()));
            };
            match folded {
                Folded::Same | Folded::Drop => {}
                Folded::Char(f) => push(f),
                Folded::Text(s) => s.chars().for_each(push),
            }
        }
    }
    out.push_str(&text[start..]);
    map.extend(start..text.len());
    map.push(text.len());
    // Digit runs and spelled-out `[at]`/`[dot]` are rewritten on characters, only where one
    // qualifies (rare in long text); folding characters can make a run (full-width digits).
    let runs = runs || (chars && rewritable_run(&out));
    let words = words || (chars && has_bracket_word(&out));
    if runs || words {
        let mut units: Vec<(char, usize)> = out.char_indices().map(|(i, c)| (c, map[i])).collect();
        if runs {
            digit_runs(&mut units);
        }
        if words {
            units = bracket_words(&units);
        }
        out.clear();
        map.clear();
        for (c, at) in units {
            out.push(c);
            map.extend(std::iter::repeat_n(at, c.len_utf8()));
        }
        map.push(text.len());
    }
    (out != text).then_some((out, map))
}

/// In one pass: whether a character folds, whether a digit run may be rewritten
/// ([`rewritable_run`]), whether a spelled-out `[at]`/`[dot]` may be there (an opening
/// bracket; [`has_bracket_word`] decides).
fn what_changes(text: &str) -> (bool, bool, bool) {
    let (mut chars, mut words, mut runs) = (false, false, false);
    let mut run = DigitRun::default();
    for (at, c) in text.char_indices() {
        if !c.is_ascii() && !chars {
            chars = !matches!(fold_char(c), Folded::Same);
        }
        words |= matches!(c, '[' | '(' | '{');
        runs |= run.step(at, c).is_some();
    }
    (chars, runs, words && has_bracket_word(text))
}

/// Whether folding can change what a detector reads in `text` (see [`fold_windows`]). One
/// pass and no allocation: most values and texts need nothing.
pub fn needs_fold(text: &str) -> bool {
    let mut any = false;
    each_trigger(text, |_| {
        any = true;
        false
    });
    any
}

/// How far around a place where folding matters a window reaches: longer than any format a
/// detector reads (an e-mail address's local part is at most 64 bytes).
const REACH: usize = 96;

/// The stretches of `text` (byte ranges on char boundaries, sorted, disjoint) around every
/// place where folding changes what a detector reads: a character that folds to a letter, a
/// digit, `@`, `+` or a space, or to punctuation next to a letter or digit (full-width
/// punctuation inside Chinese prose, the `，` and `：` of every sentence, changes nothing a
/// detector reads); invisible characters; digit runs [`fold`] rewrites; spelled-out
/// `[at]`/`[dot]`. The scanner reads the text as it is and only these stretches folded, so a
/// long text pays for folding only where it matters.
pub fn fold_windows(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut windows: Vec<std::ops::Range<usize>> = Vec::new();
    // A window never starts or ends inside a token (letters and digits, and separators between
    // digits), so that a part of a longer code is not read as a code of its own.
    let alnum = |c: char| match fold_char(c) {
        Folded::Char(f) => f.is_ascii_alphanumeric(),
        Folded::Text(_) => true,
        _ => c.is_ascii_alphanumeric() || chinese_digit(c).is_some(),
    };
    let inside = |before: Option<char>, c: char, after: Option<char>| {
        alnum(c) || (is_group_separator(c) && before.is_some_and(alnum) && after.is_some_and(alnum))
    };
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        let mut steps = 0;
        while steps < REACH {
            let mut back = text[..i].chars().rev();
            let (Some(c), before) = (back.next(), back.next()) else {
                break;
            };
            if !inside(before, c, text[i..].chars().next()) {
                break;
            }
            i -= c.len_utf8();
            steps += 1;
        }
        i
    };
    let ceil = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i += 1;
        }
        let mut steps = 0;
        while steps < REACH {
            let mut ahead = text[i..].chars();
            let (Some(c), after) = (ahead.next(), ahead.next()) else {
                break;
            };
            if !inside(text[..i].chars().next_back(), c, after) {
                break;
            }
            i += c.len_utf8();
            steps += 1;
        }
        i
    };
    each_trigger(text, |at| {
        let w = floor(at.start.saturating_sub(REACH))..ceil(at.end + REACH);
        match windows.last_mut() {
            Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
            _ => windows.push(w),
        }
        true
    });
    windows
}

/// Calls `found` with the byte range of every place where folding matters, in order, while it
/// returns true.
fn each_trigger(text: &str, mut found: impl FnMut(std::ops::Range<usize>) -> bool) {
    // A character of a token, as written or once folded: a letter or digit, or what an
    // e-mail address holds around them (`＿@x.cn`, `a/＿-@x.cn`).
    let token =
        |c: char| c.is_ascii() && (super::email::is_atext(c as u8) || matches!(c, '@' | '.'));
    let alnum_like = |c: Option<char>| {
        c.is_some_and(|c| match fold_char(c) {
            Folded::Char(f) => token(f),
            Folded::Text(_) => true,
            _ => token(c),
        })
    };
    let b = text.as_bytes();
    let mut run = DigitRun::default();
    let mut prev: Option<char> = None;
    let mut at = 0;
    while at < b.len() {
        let byte = b[at];
        // A run of ASCII letters folds to itself and ends any digit run: passed over whole.
        if byte.is_ascii_alphabetic() {
            run = DigitRun::default();
            at += 1;
            while b.get(at).is_some_and(u8::is_ascii_alphabetic) {
                at += 1;
            }
            prev = Some(char::from(b[at - 1]));
            continue;
        }
        // A space or ASCII punctuation outside a digit run changes nothing (the run stays
        // empty), unless it opens a bracket (`[at]`).
        if byte < 0x80
            && run.digits == 0
            && !byte.is_ascii_digit()
            && !matches!(byte, b'[' | b'(' | b'{')
        {
            prev = Some(char::from(byte));
            at += 1;
            continue;
        }
        // Most bytes are ASCII or CJK ideographs: handled without the general path.
        let (c, len) = if byte < 0x80 {
            (char::from(byte), 1)
        } else if (0xE0..0xF0).contains(&byte) && at + 2 < b.len() {
            // Three bytes (the BMP above U+0800, where CJK lives), decoded in place: the text
            // is valid UTF-8.
            let u = (u32::from(byte & 0x0F) << 12)
                | (u32::from(b[at + 1] & 0x3F) << 6)
                | u32::from(b[at + 2] & 0x3F);
            match char::from_u32(u) {
                Some(c) => (c, 3),
                None => break,
            }
        } else {
            match text[at..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        let end = at + len;
        let u = u32::from(c);
        let ideograph = (0x3400..0xA000).contains(&u) || (0xAC00..0xD7B0).contains(&u);
        // Most characters of Chinese prose: an ideograph that cannot be a numeral, outside a
        // digit run, changes nothing (the run stays empty).
        if ideograph && run.digits == 0 && NUMERAL_BITS >> (u & 63) & 1 == 0 {
            prev = Some(c);
            at = end;
            continue;
        }
        if u >= 0x80 && !ideograph {
            let next = || text[end..].chars().next();
            let matters = match fold_char(c) {
                Folded::Same => false,
                Folded::Drop | Folded::Text(_) => true,
                Folded::Char(f) if f.is_ascii_alphanumeric() || matches!(f, '@' | '+' | ' ') => {
                    true
                }
                // Punctuation a detector reads inside a token, next to a letter or digit
                // (`１３９－１２３４`, `００：１Ａ`); the `，` `；` `（` of Chinese prose it reads
                // as it is.
                Folded::Char('-' | '.' | '/' | '_' | '#' | ':') => {
                    alnum_like(prev) || alnum_like(next())
                }
                Folded::Char(_) => false,
            };
            if matters && !found(at..end) {
                return;
            }
        } else if matches!(byte, b'[' | b'(' | b'{')
            && bracket_word_at(text, at).is_some()
            && !found(at..end)
        {
            return;
        }
        if let Some(start) = run.step(at, c) {
            if !found(start..end) {
                return;
            }
        }
        prev = Some(c);
        at = end;
    }
}

/// `[at]`, `(at)`, `{dot}`… (any case, spaces inside) in `text`.
fn has_bracket_word(text: &str) -> bool {
    text.contains(['[', '(', '{'])
        && text
            .char_indices()
            .any(|(i, c)| matches!(c, '[' | '(' | '{') && bracket_word_at(text, i).is_some())
}

/// At byte `i` (an opening bracket): `(end, '@' or '.')` for a spelled-out `[at]` / `[dot]`.
fn bracket_word_at(text: &str, i: usize) -> Option<(usize, char)> {
    let rest = text.get(i..)?;
    let close = match rest.chars().next()? {
        '[' => ']',
        '(' => ')',
        '{' => '}',
        _ => return None,
    };
    let inner = rest[1..].trim_start_matches(' ');
    let (word, after) = if inner.get(..2).is_some_and(|w| w.eq_ignore_ascii_case("at")) {
        ('@', &inner[2..])
    } else if inner
        .get(..3)
        .is_some_and(|w| w.eq_ignore_ascii_case("dot"))
    {
        ('.', &inner[3..])
    } else {
        return None;
    };
    after
        .trim_start_matches(' ')
        .strip_prefix(close)
        .map(|tail| (text.len() - tail.len(), word))
}

/// Spelled-out e-mail addresses written as addresses: `lily.chen [at] example [dot] com` →
/// `lily.chen@example.com` (spaces around a bracketed word go too). Only when an `[at]` is
/// there: a `(dot)` alone in prose stays.
fn bracket_words(units: &[(char, usize)]) -> Vec<(char, usize)> {
    let text: String = units.iter().map(|u| u.0).collect();
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let at_sign = text
        .char_indices()
        .any(|(i, _)| bracket_word_at(&text, i).is_some_and(|(_, w)| w == '@'));
    if !at_sign {
        return units.to_vec();
    }
    let mut out: Vec<(char, usize)> = Vec::with_capacity(units.len());
    let mut k = 0;
    while k < units.len() {
        if let Some((end, word)) = bracket_word_at(&text, starts[k]) {
            while out.last().is_some_and(|u| u.0 == ' ') {
                out.pop();
            }
            out.push((word, units[k].1));
            k = starts.partition_point(|&b| b < end);
            while units.get(k).is_some_and(|u| u.0 == ' ') {
                k += 1;
            }
            continue;
        }
        out.push(units[k]);
        k += 1;
    }
    out
}

/// A run of seven or more digits (ASCII or Chinese numerals, single separators between) that
/// holds a Chinese numeral or a separator other than space and dash: what `digit_runs` may
/// rewrite (a superset of it).
fn rewritable_run(text: &str) -> bool {
    let mut run = DigitRun::default();
    text.char_indices().any(|(at, c)| run.step(at, c).is_some())
}

/// The digit run being read, one character at a time: digits (ASCII or Chinese numerals) with
/// single separators between them. A run qualifies for [`digit_runs`] once it has seven digits
/// and a Chinese numeral or a separator other than space and dash.
#[derive(Default)]
struct DigitRun {
    start: usize,
    digits: usize,
    special: bool,
    after_separator: bool,
}

impl DigitRun {
    /// Reads `c` at byte `at`; the start of the run when it qualifies (again at every further
    /// digit).
    #[inline]
    fn step(&mut self, at: usize, c: char) -> Option<usize> {
        let u = u32::from(c);
        // Most ideographs are told apart from numerals in one test.
        let ideograph = (0x3400..0xA000).contains(&u);
        let chinese = (ideograph || u == 0x3007)
            && NUMERAL_BITS >> (u & 63) & 1 == 1
            && chinese_digit(c).is_some();
        if c.is_ascii_digit() || chinese {
            if self.digits == 0 {
                self.start = at;
            }
            self.digits += 1;
            self.special |= chinese;
            self.after_separator = false;
            return (self.digits >= 7 && self.special).then_some(self.start);
        }
        if self.digits > 0 && !self.after_separator && !ideograph && is_group_separator(c) {
            self.after_separator = true;
            self.special |= !matches!(c, '-' | ' ');
        } else {
            *self = DigitRun::default();
        }
        None
    }
}

enum Folded {
    Same,
    Drop,
    Char(char),
    Text(&'static str),
}

/// Zero code points of other scripts' decimal digits (each block is `0`–`9` in order).
const DIGIT_ZEROS: &[u32] = &[
    0x0660, // Arabic-Indic
    0x06F0, // Extended Arabic-Indic (Persian, Urdu)
    0x07C0, // NKo
    0x0966, // Devanagari (Hindi, Marathi, Nepali)
    0x09E6, // Bengali
    0x0A66, // Gurmukhi
    0x0AE6, // Gujarati
    0x0B66, // Oriya
    0x0BE6, // Tamil
    0x0C66, // Telugu
    0x0CE6, // Kannada
    0x0D66, // Malayalam
    0x0E50, // Thai
    0x0ED0, // Lao
    0x0F20, // Tibetan
    0x1040, // Myanmar
    0x17E0, // Khmer
    0x1810, // Mongolian
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, // mathematical bold … monospace
    0xFF10,  // full-width (also covered by the full-width block)
];

const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

const NUMBERS: [&str; 20] = [
    "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17",
    "18", "19", "20",
];
const PAREN_NUMBERS: [&str; 20] = [
    "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)", "(13)",
    "(14)", "(15)", "(16)", "(17)", "(18)", "(19)", "(20)",
];
const STOP_NUMBERS: [&str; 20] = [
    "1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9.", "10.", "11.", "12.", "13.", "14.", "15.",
    "16.", "17.", "18.", "19.", "20.",
];

#[inline]
fn fold_char(c: char) -> Folded {
    let u = u32::from(c);
    // ASCII, and the CJK and Hangul blocks (most characters of Chinese, Japanese and Korean
    // text): nothing to fold (Chinese numerals are read in digit runs).
    if u < 0x80 || (0x3400..0xA000).contains(&u) || (0xAC00..0xD7B0).contains(&u) {
        return Folded::Same;
    }
    match c {
        // Invisible: zero-width space and joiners, word joiner and invisible operators, BOM,
        // soft hyphen, Mongolian vowel separator, left-to-right/right-to-left marks.
        '\u{200B}'..='\u{200F}'
        | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{180E}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => Folded::Drop,
        // Spaces of every width (NFKC: no-break, en/em/thin/hair spaces → space).
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Folded::Char(' '),
        // Full-width ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u - 0xFEE0).map_or(Folded::Same, Folded::Char),
        // Dash look-alikes (hyphen, non-breaking hyphen, figure dash, en/em dash, minus).
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' => Folded::Char('-'),
        '⁰' | '¹' | '²' | '³' | '⁴'..='⁹' => SUPERSCRIPTS
            .iter()
            .position(|&s| s == c)
            .map_or(Folded::Same, |d| Folded::Char(char::from(b'0' + d as u8))),
        '\u{2080}'..='\u{2089}' => Folded::Char(char::from(b'0' + (u - 0x2080) as u8)),
        '\u{24EA}' => Folded::Char('0'), // ⓪
        '\u{2460}'..='\u{2473}' => Folded::Text(NUMBERS[(u - 0x2460) as usize]), // ①–⑳
        '\u{2474}'..='\u{2487}' => Folded::Text(PAREN_NUMBERS[(u - 0x2474) as usize]), // ⑴–⒇
        '\u{2488}'..='\u{249B}' => Folded::Text(STOP_NUMBERS[(u - 0x2488) as usize]), // ⒈–⒛
        _ => DIGIT_ZEROS
            .iter()
            .find(|&&zero| (zero..zero + 10).contains(&u))
            .map_or(Folded::Same, |&zero| {
                Folded::Char(char::from(b'0' + (u - zero) as u8))
            }),
    }
}

/// The Chinese numerals of [`chinese_digit`].
const NUMERALS: [char; 24] = [
    '〇', '零', '一', '幺', '壹', '二', '贰', '貳', '三', '叁', '參', '四', '肆', '五', '伍', '六',
    '陆', '陸', '七', '柒', '八', '捌', '九', '玖',
];

/// Bit `u % 64` is set for every numeral `u`: most ideographs are told apart in one test.
const NUMERAL_BITS: u64 = {
    let mut bits = 0u64;
    let mut i = 0;
    while i < NUMERALS.len() {
        bits |= 1 << (NUMERALS[i] as u32 % 64);
        i += 1;
    }
    bits
};

/// The value of a Chinese numeral used digit by digit (phone numbers, IDs read aloud).
/// The value of a Chinese numeral used digit by digit (phone numbers, IDs read aloud), in the
/// ordinary and the financial (大写) forms, simplified and traditional.
fn chinese_digit(c: char) -> Option<u8> {
    Some(match c {
        '〇' | '零' => 0,
        '一' | '幺' | '壹' => 1,
        '二' | '贰' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// `text` with every Chinese number written in ASCII digits: digit by digit (`二〇一七` →
/// `2017`), or with tens (`十二` → `12`, `二十` → `20`, `二十三` → `23`), for numbers below
/// 100 as people write dates and ages (`二〇一七年五月十二日` → `2017年5月12日`, `九岁` → `9岁`).
pub fn chinese_numbers_to_ascii(text: &str) -> std::borrow::Cow<'_, str> {
    let is_ten = |c: char| matches!(c, '十' | '拾');
    if !text
        .chars()
        .any(|c| chinese_digit(c).is_some() || is_ten(c))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let numeral = |c: char| chinese_digit(c).is_some() || is_ten(c);
        if !numeral(chars[i]) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && numeral(chars[i]) {
            i += 1;
        }
        let run = &chars[start..i];
        match run.iter().position(|&c| is_ten(c)) {
            // With a ten: [digit] 十 [digit], below 100.
            Some(t) if run.len() <= 3 && run.iter().filter(|&&c| is_ten(c)).count() == 1 => {
                let tens = if t == 0 {
                    Some(1)
                } else {
                    run.get(t - 1).and_then(|&c| chinese_digit(c))
                };
                let units = match run.get(t + 1) {
                    Some(&c) => chinese_digit(c),
                    None => Some(0),
                };
                match (tens, units, t <= 1) {
                    (Some(tens), Some(units), true) => {
                        out.push_str(&(tens as u32 * 10 + units as u32).to_string())
                    }
                    _ => run.iter().for_each(|&c| out.push(c)),
                }
            }
            Some(_) => run.iter().for_each(|&c| out.push(c)),
            None => run
                .iter()
                .for_each(|&c| out.push(char::from(b'0' + chinese_digit(c).unwrap_or(0)))),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Separators people put between digit groups besides space and dash.
fn is_group_separator(c: char) -> bool {
    matches!(
        c,
        '.' | '/' | '_' | ',' | '·' | '・' | '‧' | '、' | '．' | '。' | '-' | ' '
    )
}

/// Rewrites, in place, runs of digits (ASCII or Chinese numerals) with at least seven digits:
/// Chinese numerals become ASCII digits; a single separator kind repeated between three or more
/// groups becomes `-`. Each rewritten character keeps the offset of the one it replaces.
fn digit_runs(units: &mut [(char, usize)]) {
    let is_digit = |c: char| c.is_ascii_digit() || chinese_digit(c).is_some();
    let mut i = 0;
    while i < units.len() {
        if !is_digit(units[i].0) {
            i += 1;
            continue;
        }
        // A run: digits, and single separators between digits.
        let start = i;
        let mut end = i;
        let mut j = i;
        while j < units.len() {
            let c = units[j].0;
            if is_digit(c) {
                end = j + 1;
                j += 1;
            } else if is_group_separator(c) && units.get(j + 1).is_some_and(|u| is_digit(u.0)) {
                j += 1;
            } else {
                break;
            }
        }
        let run = &units[start..end];
        let digits = run.iter().filter(|u| is_digit(u.0)).count();
        // Glued to ASCII letters it is a code (an order number, a VIN), not a number to read.
        let before = match start.checked_sub(1).map(|p| units[p].0) {
            Some(c) if c != ' ' && is_group_separator(c) => {
                start.checked_sub(2).map(|p| units[p].0)
            }
            c => c,
        };
        let letters_near = before.is_some_and(|c| c.is_ascii_alphabetic())
            || units.get(end).is_some_and(|u| u.0.is_ascii_alphabetic());
        if (7..=24).contains(&digits) && !letters_near {
            let mut seps = run.iter().map(|u| u.0).filter(|&c| !is_digit(c));
            let first = seps.next();
            let one_kind = first.is_some_and(|s| seps.all(|c| c == s));
            let groups = run.split(|u| !is_digit(u.0)).count();
            let short_groups = run.split(|u| !is_digit(u.0)).all(|g| g.len() <= 3);
            let ipv4_like = groups == 4 && short_groups;
            // Two groups only when the first is an area code with its trunk 0 ("010.62751234"):
            // a number with a leading 0 and three or four digits before the point is no decimal.
            let area_code = groups == 2
                && run.split(|u| !is_digit(u.0)).next().is_some_and(|g| {
                    (3..=4).contains(&g.len()) && matches!(g[0].0, '0' | '〇' | '零')
                });
            let rewrite = one_kind
                && (groups >= 3 || area_code)
                && !ipv4_like
                && digits <= 15
                && !matches!(first, Some('-' | ' '));
            for u in &mut units[start..end] {
                if let Some(d) = chinese_digit(u.0) {
                    u.0 = char::from(b'0' + d);
                } else if rewrite && !u.0.is_ascii_digit() {
                    u.0 = '-';
                }
            }
        }
        i = end.max(i + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn obfuscated_phone_numbers_fold_to_digits() {
        for v in [
            "１３９１２３４５６７８",
            "1\u{200B}3\u{200B}9\u{200C}1234\u{FEFF}5678",
            "一三九一二三四五六七八",
            "幺三九幺二三四五六七八",
            "①③⑨①②③④⑤⑥⑦⑧",
            "𝟏𝟑𝟗𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖",
            "١٣٩١٢٣٤٥٦٧٨",
            "१३९१२३४५६७८",
            "139１２３４5678",
        ] {
            assert_eq!(fold(v), "13912345678", "{v}");
        }
        for v in [
            "139.1234.5678",
            "139/1234/5678",
            "139_1234_5678",
            "139·1234·5678",
            "139–1234–5678",
        ] {
            assert_eq!(fold(v), "139-1234-5678", "{v}");
        }
        assert_eq!(fold("139 1234 5678"), "139 1234 5678", "read as it is");
        assert_eq!(fold("139\u{00A0}1234\u{2009}5678"), "139 1234 5678");
    }

    #[test]
    fn ordinary_values_are_left_alone() {
        for v in [
            "39.9042,116.4074",
            "192.168.1.10",
            "3.14",
            "SKU-2231",
            "第一中学",
            "一年级三班",
            "王小明",
            "AB.123.456.789",
        ] {
            assert_eq!(fold(v), v, "{v}");
        }
        assert!(matches!(fold("plain text 123"), Cow::Borrowed(_)));
        for v in [
            "王小明",
            "第一中学一年级三班",
            "北京市海淀区中关村大街1号",
            "电话 139 1234 5678",
        ] {
            assert!(!needs_fold(v), "{v}");
        }
        assert_eq!(fold("2017.05.12"), "2017-05-12");
        assert_eq!(fold("010.62751234"), "010-62751234");
        assert_eq!(fold("0.62751234"), "0.62751234");
        assert_eq!(fold("100.62751234"), "100.62751234");
    }

    #[test]
    fn needs_fold_never_misses_a_change() {
        let parts = [
            "1", "3", "9", "一", "三", "九", ".", "/", " ", "-", "·", "a", "王", "\u{200B}", "１",
            "①", "、", "_", "，", "：", "（", "）", "@", "x.cn", "＿", "／",
        ];
        // Every string of up to 12 parts from a small alphabet, sampled deterministically.
        let mut seed = 0x9E37_79B9u32;
        for _ in 0..20_000 {
            let mut s = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let len = seed % 13;
            let mut x = seed;
            for _ in 0..len {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                s.push_str(parts[(x >> 16) as usize % parts.len()]);
            }
            if !needs_fold(&s) {
                // Nothing a detector reads changes.
                let folded = fold_mapped(&s).0;
                let kinds = |t: &str| {
                    super::super::scan(t)
                        .iter()
                        .map(|m| m.kind)
                        .collect::<Vec<_>>()
                };
                assert_eq!(kinds(&folded), kinds(&s), "{s:?}");
                assert_eq!(
                    super::super::detect_value(&folded),
                    super::super::detect_value(&s),
                    "{s:?}"
                );
            }
        }
    }

    #[test]
    fn every_numeral_is_in_the_table() {
        for c in NUMERALS {
            assert!(chinese_digit(c).is_some(), "{c}");
        }
        let all = (0x3000u32..0xA000).filter_map(char::from_u32);
        assert_eq!(
            all.filter(|&c| chinese_digit(c).is_some()).count(),
            NUMERALS.len()
        );
    }

    #[test]
    fn chinese_numbers_as_dates_and_ages_are_written() {
        for (from, to) in [
            ("二〇一七年五月十二日", "2017年5月12日"),
            ("二零一三年十月", "2013年10月"),
            ("九岁", "9岁"),
            ("十二岁", "12岁"),
            ("二十三", "23"),
            ("壹伍玖", "159"),
            ("十", "10"),
            ("王小明", "王小明"),
        ] {
            assert_eq!(chinese_numbers_to_ascii(from), to, "{from}");
        }
        assert_eq!(fold("壹伍玖捌柒陆伍肆叁贰壹"), "15987654321");
    }

    #[test]
    fn spelled_out_email_addresses_are_written_as_addresses() {
        assert_eq!(
            fold("lily.chen [at] example [dot] com"),
            "lily.chen@example.com"
        );
        assert_eq!(
            fold("write to lily(AT)example(DOT)cn please"),
            "write to lily@example.cn please"
        );
        assert_eq!(fold("see the list (dot) below"), "see the list (dot) below");
        assert_eq!(fold("meet at school (at noon)"), "meet at school (at noon)");
    }

    #[test]
    fn offsets_map_back_to_the_original() {
        let text = "电话：一三九 1234\u{200B}5678。";
        let (folded, map) = fold_mapped(text);
        assert_eq!(folded, "电话:139 12345678。");
        let start = folded.find('1').unwrap();
        let end = folded.find('。').unwrap();
        assert_eq!(&text[map[start]..map[end]], "一三九 1234\u{200B}5678");
        assert_eq!(map[folded.len()], text.len());
    }
}
