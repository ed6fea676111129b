//! Values read by their grammar in words, beyond Chinese (Chinese is `lexical`): street
//! addresses of several countries (`9298 Miller Skyway`, `4, rue Legendre`, `Casparstraße 529`,
//! `Rua X, 45`, `Số 6 Ngõ 90 Phố …`, `인천광역시 성북구 백제고분로 685`, `1079 रजनी लोबो`), places
//! (`Lewisborough`, `New Lauraview`, `Laroche-les-Bains`, `Mühldorf am Inn`, `TP. Cần Thơ`,
//! `수원시 영통구`, `भागलपुर`), occupations (`Data scientist`, `chef de mission`, `Analista de
//! compliance`, `Friseur`, `Nhân viên kinh doanh`, `여행 사무원`), user names made of an initial
//! and a family name (`rsmith`), Hindi names, and what is not about a person: company names
//! (`Fields Ltd`, `Reynolds, Finch and Richardson`, `合同会社清水建設`, `(주) 마루네트웍스`,
//! `… Công ty TNHH`) and prices in any currency (`₫3.14`, `67,35 €`).
//!
//! Every reading is [`Strength::Shaped`]: it decides a field only when its name and label say
//! nothing. Each rule needs a grammatical marker (a street-type word, a house number, a job
//! head word, a place suffix, a company form), so a bare word or a sentence is not read.
//! Called only for values no other detector read, after a one-pass gate in `detect_value`.

use super::{push, Detection, Kind, Strength};

/// Adds the word-grammar reading of the whole value `v` (trimmed) to `out`.
pub(crate) fn detect(v: &str, digits: usize, out: &mut Vec<Detection>) {
    if v.len() > 160 {
        return;
    }
    // Chinese and Japanese text opening with a Han character: `lexical` read what it could;
    // only a Japanese company form (…会社) is left to find here.
    let first = v.chars().next().unwrap_or(' ');
    if matches!(first, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}') {
        if v.contains("会社") && COMPANY_MARKS.iter().any(|m| v.contains(m)) {
            push(out, Kind::NotPersonal, Strength::Shaped);
        }
        return;
    }
    if v.contains(['@', '?', '!', ':', ';', '，', '。', '？', '！']) {
        return;
    }
    let kind = if is_price(v, digits) || is_company(v) {
        Kind::NotPersonal
    } else if digits > 0 {
        if !is_address(v) {
            return;
        }
        Kind::StreetAddress
    } else if is_street_without_number(v) {
        Kind::StreetAddress
    } else if is_region(v) {
        Kind::RegionName
    } else if is_occupation(v) {
        Kind::OccupationValue
    } else if is_hindi_name(v) {
        Kind::PersonName
    } else if is_initial_username(v) {
        Kind::UsernameValue
    } else {
        return;
    };
    push(out, kind, Strength::Shaped);
}

// ---------------------------------------------------------------------------------------------
// Prices and companies.

const CURRENCY: &[&str] = &[
    "R$", "US$", "$", "€", "£", "¥", "₫", "₹", "₩", "₽", "₺", "₱", "฿",
];

/// A number with a currency sign before or after it (`₫3.14`, `67,35 €`, `R$ 1.204,84`).
fn is_price(v: &str, digits: usize) -> bool {
    if digits == 0 || v.len() > 32 {
        return false;
    }
    let number = |s: &str| {
        let s = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{202F}');
        s.starts_with(|c: char| c.is_ascii_digit())
            && s.ends_with(|c: char| c.is_ascii_digit())
            && s.chars().all(|c| {
                c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{A0}' | '\u{202F}' | '\'')
            })
    };
    CURRENCY
        .iter()
        .any(|c| v.strip_prefix(c).is_some_and(number) || v.strip_suffix(c).is_some_and(number))
}

/// Legal forms written after a company's name (lower-cased, dots removed).
const LEGAL_FORMS: &[&str] = &[
    "ltd",
    "inc",
    "llc",
    "plc",
    "corp",
    "gmbh",
    "ag",
    "kg",
    "kgaa",
    "ohg",
    "se",
    "sa",
    "sarl",
    "sas",
    "sasu",
    "eurl",
    "ltda",
    "eg",
    "bv",
    "nv",
    "oy",
    "ab",
    "spa",
    "srl",
    "pty",
    "llp",
    "lp",
    "sl",
    "slu",
    "eireli",
    "mei",
    "tnhh",
    "jsc",
    "pvt",
    "limited",
    "incorporated",
    "company",
    "gbr",
    "ug",
];
/// Words closing a firm's name (`e Filhos`, `& Co.`, `and Sons`).
const FIRM_TAILS: &[&str] = &[
    "filhos",
    "fils",
    "hijos",
    "söhne",
    "sons",
    "co",
    "cie",
    "partners",
    "associates",
    "asociados",
    "associados",
    "irmãos",
    "hermanos",
    "frères",
    "brothers",
];
/// Company forms in CJK and Korean and Vietnamese, anywhere in the value.
const COMPANY_MARKS: &[&str] = &[
    "株式会社",
    "有限会社",
    "合同会社",
    "合資会社",
    "合名会社",
    "주식회사",
    "유한회사",
    "(주)",
    "(유)",
    "㈜",
    "Công ty",
    "công ty",
    "CÔNG TY",
    "Tập Đoàn",
    "Tập đoàn",
    "TNHH",
];

fn is_company(v: &str) -> bool {
    if !v.is_ascii() && COMPANY_MARKS.iter().any(|m| v.contains(m)) {
        return true;
    }
    if !v.contains([' ', '-']) {
        return false;
    }
    let words: Vec<&str> = v.split_whitespace().collect();
    if words.len() >= 2 {
        let last = words[words.len() - 1];
        let form: String = last
            .chars()
            .filter(|&c| c != '.')
            .flat_map(char::to_lowercase)
            .collect();
        // Short forms (SA, AG) only as written, in capitals or with a capital first.
        let written =
            last.starts_with(|c: char| c.is_uppercase()) || form.len() > 3 || last.contains('.');
        if written && LEGAL_FORMS.contains(&form.as_str()) {
            return true;
        }
        let before = words[words.len() - 2];
        if matches!(before, "e" | "et" | "y" | "and" | "&" | "und" | "và")
            && FIRM_TAILS.contains(&form.as_str())
        {
            return true;
        }
    }
    // `Reynolds, Finch and Richardson`, `दास, चटर्जी and मित्रा`: names listed as a firm.
    if let Some((first, rest)) = v.split_once(", ") {
        let joined = [" and ", " e ", " et ", " und ", " y ", " & ", " và "]
            .iter()
            .find_map(|j| rest.split_once(j));
        if let Some((second, third)) = joined {
            let name = |w: &str| {
                !w.is_empty()
                    && !w.contains(' ')
                    && w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || !c.is_ascii())
            };
            return name(first) && name(second) && name(third);
        }
    }
    // `दास-थापा`: two family names joined, in a script without capitals (the Latin-script
    // `Whitaker-Pham` is a code-like value to the classifier already).
    if let Some((a, b)) = v.split_once('-') {
        let indic = |w: &str| {
            w.chars().count() >= 2 && w.chars().all(|c| ('\u{0900}'..='\u{0DFF}').contains(&c))
        };
        return indic(a) && indic(b);
    }
    false
}

// ---------------------------------------------------------------------------------------------
// Addresses in running Chinese, Japanese and Korean text.

/// Administrative units of Chinese and Japanese addresses (province, prefecture, city, county,
/// district, town, village).
const CJK_ADMIN: &[char] = &[
    '省', '市', '县', '縣', '区', '區', '県', '都', '府', '道', '町', '村', '镇', '鎮', '乡', '鄉',
];
/// What ends the street part of a Chinese or Japanese address, after a number: 号 / 號
/// (number), 座 (block), 室 (room), 楼 / 樓 (floor), 番 / 番地 (lot), 丁目 (block).
const CJK_NUMBERED: &[&str] = &["号", "號", "座", "室", "楼", "樓", "番地", "番", "丁目"];
/// The bytes that open a number marker.
const CJK_NUMBERED_FIRST: [bool; 256] = super::opening_bytes(CJK_NUMBERED);
/// Words after which an address starts in a sentence ("新家在…", "改成…", "送到…").
const CJK_BEFORE: &[char] = &['在', '到', '是', '成', '至', '往', '于', '於'];

/// Chinese and Japanese addresses in text: a run of Han characters, katakana, Latin letters
/// and digits holding two administrative units and a numbered street part ("愛知県横浜市金沢区
/// 東三島1丁目19番3号", "豐原縣萬隆巷624號之2"); Korean ones as words: a province or city, more
/// place words, a road (…로, …길, …가) and a house number ("경기도 남양주시 잠실길 559").
pub(crate) fn cjk_addresses_in(text: &str, out: &mut Vec<super::Match>) {
    // Chinese and Japanese: a run is read only if a letter or digit in it is followed by a
    // number marker ("12号", "M座"), so the markers are found on the bytes first (where ASCII
    // gives way to another script: a letter or digit, then a byte that opens a marker) and
    // only the runs around them read.
    let b = text.as_bytes();
    let mut read_to = 0;
    for p in super::ascii_exits(b) {
        if !CJK_NUMBERED_FIRST[usize::from(b[p])]
            || !b[p - 1].is_ascii_alphanumeric()
            || p < read_to
            || !CJK_NUMBERED.iter().any(|m| super::starts_at(b, p, m))
        {
            continue;
        }
        let (start, end) = cjk_run_around(text, p);
        read_to = end;
        if let Some(start) = start {
            cjk_address_in_run(text, start, end, out);
        }
    }
    // Korean: words, in a text that holds Hangul (lead bytes EA–ED).
    if !super::may_hold_hangul(b) || !text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)) {
        return;
    }
    let words: Vec<(usize, &str)> = super::words_at(text).collect();
    let hangul_word = |w: &str| {
        w.chars().count() >= 2
            && w.chars()
                .all(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c) || c.is_ascii_digit())
    };
    let mut i = 0;
    while i < words.len() {
        let w = words[i].1;
        let region = hangul_word(w) && (w.ends_with('도') || w.ends_with('시'));
        if !region {
            i += 1;
            continue;
        }
        // A road word within the next three, then a house number (a particle may be glued:
        // "713-29로").
        let mut found = None;
        for j in i + 1..(i + 4).min(words.len()) {
            let r = words[j].1;
            if !hangul_word(r) {
                break;
            }
            if r.ends_with(['로', '길', '가']) {
                if let Some(&(at, n)) = words.get(j + 1) {
                    let digits = n
                        .char_indices()
                        .take_while(|(_, c)| c.is_ascii_digit() || *c == '-')
                        .last()
                        .map(|(k, c)| k + c.len_utf8());
                    if let Some(d) = digits.filter(|&d| n[..d].bytes().any(|b| b.is_ascii_digit()))
                    {
                        found = Some(at + d);
                    }
                }
                break;
            }
        }
        match found {
            Some(end) => {
                out.push(super::Match {
                    kind: Kind::StreetAddress,
                    start: words[i].0,
                    end,
                });
                while i < words.len() && words[i].0 < end {
                    i += 1;
                }
            }
            None => i += 1,
        }
    }
}

/// Han characters (the CJK Unified Ideographs and Extension A).
fn han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// What a Chinese or Japanese address run is made of: Han characters, katakana, dashes, ASCII
/// letters and digits.
fn in_cjk_run(c: char) -> bool {
    han(c) || matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | '-' | '－') || c.is_ascii_alphanumeric()
}

/// The address run around byte `p`: the stretch of run characters holding it, from its first
/// Han character (`None` if it has none) to its end.
fn cjk_run_around(text: &str, p: usize) -> (Option<usize>, usize) {
    let from = text[..p]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| in_cjk_run(c))
        .last()
        .map_or(p, |(k, _)| k);
    let end = p + text[p..]
        .char_indices()
        .take_while(|&(_, c)| in_cjk_run(c))
        .last()
        .map_or(0, |(k, c)| k + c.len_utf8());
    let start = text[from..end]
        .char_indices()
        .find(|&(_, c)| han(c))
        .map(|(k, _)| from + k);
    (start, end)
}

/// Reads the run `text[start..end]` (a Han character, then run characters): an address if it
/// holds two administrative units (or one and a street word) and, after them, a number marker
/// that follows a letter or digit.
fn cjk_address_in_run(text: &str, start: usize, end: usize, out: &mut Vec<super::Match>) {
    let run = &text[start..end];
    if !run.bytes().any(|b| b.is_ascii_alphanumeric()) {
        return;
    }
    // One pass: the units, a street word, and the end of the last number marker that
    // follows a digit or letter ("19番3号", "d座").
    let (mut first_admin, mut admins, mut street, mut numbered) = (None, 0, false, None);
    let mut prev = ' ';
    for (k, c) in run.char_indices() {
        if CJK_ADMIN.contains(&c) {
            first_admin.get_or_insert(k);
            admins += 1;
        }
        street |= matches!(c, '路' | '街' | '巷' | '弄') || run[k..].starts_with("胡同");
        if prev.is_ascii_alphanumeric() {
            if let Some(m) = CJK_NUMBERED.iter().find(|m| run[k..].starts_with(**m)) {
                numbered = Some(k + m.len());
            }
        }
        prev = c;
    }
    let (Some(first_admin), Some(mut stop)) = (first_admin, numbered) else {
        return;
    };
    if !(admins >= 2 || (admins == 1 && street)) || stop <= first_admin {
        return;
    }
    // "…號之2": the sub-number after 之.
    if let Some(rest) = run[stop..].strip_prefix('之') {
        let n = rest.bytes().take_while(u8::is_ascii_digit).count();
        if n > 0 {
            stop += '之'.len_utf8() + n;
        }
    }
    // The address starts after the last word that leads into it, before its first unit.
    let from = run[..first_admin]
        .char_indices()
        .filter(|(_, c)| CJK_BEFORE.contains(c))
        .map(|(k, c)| k + c.len_utf8())
        .next_back()
        .unwrap_or(0);
    // Japanese: a building after a space ("…17号 パレス百村653") is left out.
    if stop - from >= 6 {
        out.push(super::Match {
            kind: Kind::StreetAddress,
            start: start + from,
            end: start + stop,
        });
    }
}

// ---------------------------------------------------------------------------------------------
// Street addresses.

/// Street addresses in running text, with no label before them ("Pick me up at 0527 Jamie
/// Road Suite 472", "Können Sie an die Damian-Schulz-Weg 8/6 liefern?", "au 6, rue de Gros",
/// "a Rua Marina Vargas, 94", "Số 547 Ngõ 11 Võ Thị Sáu"). Stricter than a value alone: an
/// English address needs its street word ("2 Apple Watches" is not one).
pub(crate) fn streets_in(text: &str, out: &mut Vec<super::Match>) {
    // Every reading holds a house number (a word opening with a digit) and reads from at most
    // six words before it to eight after it (see `streets_in_words`): only the stretches of
    // words around such numbers are split into words and read, with margin.
    const BEFORE: usize = 7;
    const AFTER: usize = 12;
    let b = text.as_bytes();
    let mut zone: Option<(usize, usize)> = None;
    let mut q = 0;
    while let Some(k) = b
        .get(q..)
        .and_then(|rest| rest.iter().position(u8::is_ascii_digit))
    {
        q += k;
        if q > 0 && space_before(b, q).is_none() {
            // (the rest of a number glued to something else)
            while super::digit_at(b, q) {
                q += 1;
            }
            continue;
        }
        // (inside the current zone, its start stands)
        let from = match zone {
            Some((start, end)) if q < end => start,
            _ => words_back(b, q, BEFORE),
        };
        let to = words_ahead(b, q, AFTER);
        zone = match zone {
            Some((start, end)) if from <= end => Some((start, to)),
            Some((start, end)) => {
                streets_in_words(text, start, end, out);
                Some((from, to))
            }
            None => Some((from, to)),
        };
        q += 1;
    }
    if let Some((start, end)) = zone {
        streets_in_words(text, start, end, out);
    }
}

/// The length of the white space character that ends just before byte `q`, if one does.
fn space_before(b: &[u8], q: usize) -> Option<usize> {
    (1..=3).find(|&n| q >= n && super::space_len(b, q - n) == n)
}

/// The start of the word `n` words before the word starting at byte `q` (or of the text).
fn words_back(b: &[u8], mut q: usize, n: usize) -> usize {
    for _ in 0..n {
        while let Some(len) = space_before(b, q) {
            q -= len;
        }
        while q > 0 && space_before(b, q).is_none() {
            q -= 1;
        }
    }
    q
}

/// Where the `n`th word from the word starting at byte `q` and the spaces after it end (or the
/// text does).
fn words_ahead(b: &[u8], mut q: usize, n: usize) -> usize {
    for _ in 0..n {
        while q < b.len() && super::space_len(b, q) == 0 {
            q += 1;
        }
        loop {
            match super::space_len(b, q) {
                0 => break,
                len => q += len,
            }
        }
    }
    q
}

/// The street addresses read from the words of `text[from..to]` (see [`streets_in`]).
fn streets_in_words(text: &str, from: usize, to: usize, out: &mut Vec<super::Match>) {
    fn bare(w: &str) -> &str {
        w.trim_end_matches(['.', ',', ';', '!', '?', ':', ')'])
    }
    let words: Vec<(usize, &str)> = super::words_at(&text[from..to])
        .map(|(at, w)| (from + at, w))
        .collect();
    // Membership without allocating for ASCII words (most are).
    let one_of = |w: &str, list: &[&str]| {
        let b = bare(w);
        if b.is_ascii() {
            list.iter().any(|x| x.eq_ignore_ascii_case(b))
        } else {
            let l = b.to_lowercase();
            list.contains(&l.as_str())
        }
    };
    let named = |w: &str| {
        let b = bare(w);
        b.chars().next().is_some_and(char::is_uppercase)
            && b.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && b.chars().count() >= 2
    };
    const PARTICLES: &[&str] = &[
        "de", "du", "des", "la", "le", "l'", "d'", "do", "da", "dos", "das", "del",
    ];
    let mut i = 0;
    while i < words.len() {
        let w = words[i].1;
        // Every reading opens with a number or a capital letter.
        if !w
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c.is_uppercase())
        {
            i += 1;
            continue;
        }
        let mut end_word = None;
        // `0527 Jamie Road Suite 472`, `Studio 0, Janet Key`
        let (num_at, unit_first) =
            if words.get(i + 1).is_some_and(|n| house_number(n.1)) && one_of(w, UNITS) {
                (i + 1, true)
            } else {
                (i, false)
            };
        if house_number(words[num_at].1) {
            let mut j = num_at + 1;
            while j < words.len()
                && j - num_at <= 4
                && named(words[j].1)
                && !one_of(words[j].1, UNITS)
            {
                j += 1;
            }
            let names = j - num_at - 1;
            if names >= 2 && one_of(words[j - 1].1, STREET_EN) {
                let mut last = j - 1;
                if !unit_first
                    && !words[last].1.ends_with([',', '.', ';', '!', '?'])
                    && words.get(j).is_some_and(|u| one_of(u.1, UNITS))
                    && words.get(j + 1).is_some_and(|n| house_number(n.1))
                {
                    last = j + 1;
                }
                end_word = Some(last);
            }
            // `6, rue de Gros`, `12, avenue de Guillou`
            if end_word.is_none()
                && words
                    .get(num_at + 1)
                    .is_some_and(|s| one_of(s.1, STREET_FIRST))
            {
                let mut j = num_at + 2;
                let mut last = None;
                while j < words.len() && j - num_at <= 6 {
                    let l = bare(words[j].1);
                    if named(words[j].1) {
                        last = Some(j);
                    } else if !PARTICLES.contains(&l) {
                        break;
                    }
                    if words[j].1.ends_with([',', '.', ';', '!', '?']) {
                        break;
                    }
                    j += 1;
                }
                end_word = last;
            }
        }
        // `Damian-Schulz-Weg 8/6`, `Segebahnstraße 87`
        if end_word.is_none()
            && !w.ends_with([',', '.'])
            && words.get(i + 1).is_some_and(|n| house_number(n.1))
            && STREET_LAST_DE.iter().any(|t| {
                // (case-blind on ASCII letters, byte for byte: no lower-cased copy)
                w.len() > t.len()
                    && w.is_char_boundary(w.len() - t.len())
                    && w[w.len() - t.len()..].eq_ignore_ascii_case(t)
            })
            && named(w)
        {
            end_word = Some(i + 1);
        }
        // `Rua Marina Vargas, 94`, `Avenida Paulista, 1000`
        if end_word.is_none()
            && words.get(i + 1).is_some_and(|n| named(n.1))
            && named(w)
            && one_of(w, STREET_FIRST)
        {
            let mut j = i + 1;
            while j < words.len() && j - i <= 5 {
                let x = words[j].1;
                if x.ends_with(',') && named(x) {
                    if words.get(j + 1).is_some_and(|n| house_number(n.1)) {
                        end_word = Some(j + 1);
                    }
                    break;
                }
                if !(named(x) || one_of(x, PARTICLES)) {
                    break;
                }
                j += 1;
            }
        }
        // `Số 547 Ngõ 11 Võ Thị Sáu`, `9/26 Ngõ 12 Đường Nguyễn Trãi`
        if end_word.is_none() {
            let opens = (one_of(w, &["số"]) && words.get(i + 1).is_some_and(|n| house_number(n.1)))
                || (house_number(w) && words.get(i + 1).is_some_and(|s| one_of(s.1, VI_STREET)));
            if opens {
                let mut j = i + 1;
                let mut last = i + 1;
                while j < words.len() && j - i <= 8 {
                    let x = words[j].1;
                    if !(named(x) || house_number(x) || one_of(x, VI_STREET)) {
                        break;
                    }
                    last = j;
                    if x.ends_with([',', '.', '!', '?']) {
                        break;
                    }
                    j += 1;
                }
                if last >= i + 2 {
                    end_word = Some(last);
                }
            }
        }
        match end_word {
            Some(last) => {
                let (at, word) = words[last];
                let end = at
                    + word
                        .trim_end_matches(['.', ',', ';', '!', '?', ':', ')'])
                        .len();
                let start = words[i].0;
                // (`Apt.` keeps its dot when a number follows it)
                out.push(super::Match {
                    kind: Kind::StreetAddress,
                    start,
                    end,
                });
                i = last + 1;
            }
            None => i += 1,
        }
    }
}

/// Street-type words that open a street's name (French, Portuguese, Spanish, Italian).
const STREET_FIRST: &[&str] = &[
    "rue",
    "avenue",
    "boulevard",
    "bd",
    "chemin",
    "allée",
    "impasse",
    "quai",
    "route",
    "cours",
    "rua",
    "avenida",
    "av",
    "travessa",
    "alameda",
    "praça",
    "estrada",
    "rodovia",
    "largo",
    "chácara",
    "pátio",
    "recanto",
    "setor",
    "trecho",
    "vale",
    "quadra",
    "conjunto",
    "condomínio",
    "fazenda",
    "sítio",
    "vila",
    "viela",
    "vereda",
    "ladeira",
    "esplanada",
    "calle",
    "camino",
    "paseo",
    "carrera",
    "via",
    "viale",
    "piazza",
    "corso",
];
/// Street-type endings of German and Dutch street names (`Casparstraße`, `Fischerstr.`).
const STREET_LAST_DE: &[&str] = &[
    "straße", "strasse", "str.", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer",
    "chaussee", "pfad", "steig", "markt", "straat", "laan", "gracht",
];
/// English street-type words and unit words.
const STREET_EN: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "lane",
    "ln",
    "drive",
    "dr",
    "way",
    "court",
    "ct",
    "place",
    "pl",
    "terrace",
    "square",
    "close",
    "crescent",
    "gardens",
    "boulevard",
    "blvd",
    "parkway",
    "highway",
    "hwy",
    "row",
    "walk",
    "hill",
    "park",
    "grove",
    "mews",
    // More of the USPS street suffixes (Publication 28, Appendix C1) that name a street.
    "pike",
    "key",
    "falls",
    "valley",
    "valleys",
    "land",
    "streets",
    "trail",
    "circle",
    "loop",
    "ridge",
    "crossing",
    "heights",
    "plaza",
    "turnpike",
    "expressway",
    "freeway",
    "skyway",
    "alley",
    "bypass",
];
const UNITS: &[&str] = &[
    "flat",
    "studio",
    "apartment",
    "apt",
    "unit",
    "suite",
    "room",
];
/// Vietnamese street words (`Đường`, `Phố`, `Hẻm`, `Ngõ`, …), lower-cased.
const VI_STREET: &[&str] = &[
    "đường",
    "phố",
    "hẻm",
    "ngõ",
    "ngách",
    "kiệt",
    "khóm",
    "tổ",
    "ấp",
    "số",
];

/// A house number: digits, maybe a letter or `/n`, `-n` after (`12`, `48Z`, `6/3`, `42-88`).
fn house_number(w: &str) -> bool {
    let w = w.trim_end_matches(',');
    let d = w.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=5).contains(&d) {
        return false;
    }
    let rest = &w[d..];
    rest.is_empty()
        || (rest.len() == 1 && rest.as_bytes()[0].is_ascii_alphabetic())
        || (rest.len() >= 2
            && matches!(rest.as_bytes()[0], b'/' | b'-')
            && rest[1..].len() <= 5
            && rest[1..].bytes().all(|c| c.is_ascii_digit()))
}

fn capital(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).all(char::is_alphabetic)
}

fn is_address(v: &str) -> bool {
    let words: Vec<&str> = v.split_whitespace().collect();
    if !(2..=12).contains(&words.len()) {
        return false;
    }
    let first = words[0];
    let lower0 = first.trim_end_matches(',').to_lowercase();
    // `Flat 44\nRyan Drive`, `Studio 48Z, Nelson Locks`.
    if UNITS.contains(&lower0.as_str()) && words.len() >= 3 && house_number(words[1]) {
        return words[2..].iter().all(|w| capital(w.trim_end_matches(',')));
    }
    // Vietnamese: `Số 11 Hoàng Diệu`, `4 Hẻm 17 Đường 99`, `Số 6 Ngõ 90 Phố Phan Văn Trị`.
    if !v.is_ascii() {
        let vi_words = words
            .iter()
            .filter(|w| VI_STREET.contains(&w.to_lowercase().as_str()))
            .count();
        if vi_words >= 1
            && (lower0 == "số" || house_number(first))
            && words.iter().any(|w| house_number(w))
        {
            return true;
        }
        // Korean: `인천광역시 성북구 백제고분로 685` (a city or province, then a street and number).
        let hangul = |w: &str| w.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
        if words.len() >= 3 && hangul(first) && (first.ends_with('시') || first.ends_with('도')) {
            return words.iter().skip(2).any(|w| {
                w.bytes().any(|c| c.is_ascii_digit())
                    && (house_number(w) || w.starts_with("지하") || w.ends_with(['가', '로', '길']))
            });
        }
    }
    if house_number(first) {
        let rest = &words[1..];
        let next = rest[0].to_lowercase();
        // `41, avenue de Rodrigues`, `4, rue Legendre`.
        if STREET_FIRST.contains(&next.as_str()) && rest.len() >= 2 {
            return true;
        }
        // `1079 रजनी लोबो`: a house number and the house's name or owner, in Devanagari.
        let indic = |w: &str| w.chars().all(|c| ('\u{0900}'..='\u{097F}').contains(&c));
        if rest.iter().all(|w| indic(w)) {
            return rest.len() <= 4;
        }
        // `9298 Miller Skyway`, `16105 Michael Burg Apt. 875`, `57 Jennifer Spurs`.
        let mut names: usize = 0;
        let mut i = 0;
        while i < rest.len() && capital(rest[i].trim_end_matches(['.', ','])) {
            let w = rest[i].trim_end_matches(['.', ',']).to_ascii_lowercase();
            if UNITS.contains(&w.as_str())
                && i > 0
                && rest.get(i + 1).is_some_and(|n| house_number(n))
            {
                break;
            }
            names += 1;
            i += 1;
        }
        let unit_tail = match &rest[i..] {
            [] => true,
            [u, n] => {
                UNITS.contains(&u.trim_end_matches('.').to_ascii_lowercase().as_str())
                    && house_number(n)
            }
            _ => false,
        };
        let street_word = rest
            .get(names.saturating_sub(1))
            .is_some_and(|w| STREET_EN.contains(&w.to_ascii_lowercase().as_str()));
        return unit_tail && (names >= 2 || (names == 1 && street_word)) && names <= 4;
    }
    // `Casparstraße 529`, `Ditmar-Ackermann-Straße 49`, `Fischerstr. 7601`.
    if let [street @ .., number] = words.as_slice() {
        if house_number(number) && !street.is_empty() && street.len() <= 4 {
            let s = street[street.len() - 1].to_lowercase();
            if STREET_LAST_DE.iter().any(|t| s.ends_with(t))
                && street[0].starts_with(|c: char| c.is_uppercase())
            {
                return true;
            }
        }
    }
    // `Rua X, 45`, `Chácara Abreu, 99`, `Recanto Davi Lucas Rezende, 67`.
    if STREET_FIRST.contains(&lower0.as_str()) && first.starts_with(|c: char| c.is_uppercase()) {
        if let Some((_, n)) = v.rsplit_once(", ") {
            return house_number(n) || n.starts_with("nº") || n.starts_with("n°");
        }
    }
    false
}

/// A street named without a number: `chemin de Laroche`, `Pátio Casa Grande`.
fn is_street_name(v: &str, words: &[&str]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    let lower = first.to_lowercase();
    words.len() >= 2
        && words.len() <= 6
        && STREET_FIRST.contains(&lower.as_str())
        && !["vale", "via", "vila", "av", "bd", "cours", "route"].contains(&lower.as_str())
        && words[1..]
            .iter()
            .all(|w| capital(w) || PARTICLES.contains(w))
        && words[1..].iter().any(|w| capital(w))
        && !v.contains(',')
}

// ---------------------------------------------------------------------------------------------
// Places.

/// Endings of town names (English, German, French, Indian), lower-cased; words ending so
/// that are common nouns (report, comfort, preview) are not among them.
const PLACE_ENDS: &[&str] = &[
    "town", "ville", "burgh", "borough", "brough", "bury", "mouth", "chester", "stad", "haven",
    "shire", "furt", "bourg", "dorf", "hausen", "heim", "stadt", "stedt", "pur", "abad", "nagar",
    "garh", "ganj",
];
/// Words that open a town's name (`New Lauraview`, `Lake Vincentfort`), lower-cased.
const PLACE_OPENERS: &[&str] = &[
    "north", "south", "east", "west", "new", "lake", "port", "fort", "mount", "saint", "st.",
    "san", "santa", "são", "los", "las", "el", "bad", "sankt", "upper", "lower", "great", "little",
    "old",
];
/// Joints inside a town's name (`Mühldorf am Inn`, `Newcastle upon Tyne`).
const PLACE_JOINTS: &[&str] = &["am", "an", "im", "bei", "upon", "on", "sur", "lès"];
const PLACE_HYPHENS: &[&str] = &[
    "-les-", "-lès-", "-sur-", "-sous-", "-en-", "-aux-", "-le-", "-upon-", "-on-",
];
/// Brazilian town-name tails (`… das Pedras`, `… do Sul`).
const PLACE_TAILS_PT: &[&str] = &[
    " do sul",
    " do norte",
    " do oeste",
    " d'oeste",
    " do leste",
    " da serra",
    " das pedras",
    " do campo",
    " da mata",
    " das flores",
    " da praia",
    " de minas",
    " do rio",
    " da bahia",
];
/// Vietnamese administrative units opening a place name.
const VI_UNITS: &[&str] = &[
    "tp.",
    "tp",
    "thành phố",
    "tỉnh",
    "quận",
    "huyện",
    "thị xã",
    "thị trấn",
    "phường",
    "xã",
];
/// Indian town endings in Devanagari (-pur, -garh, -nagar, -abad, -ganj).
const HI_PLACE_ENDS: &[&str] = &["पुर", "गढ़", "गढ़", "नगर", "बाद", "गंज"];
const PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "du", "des", "la", "le", "d'",
];

fn is_region(v: &str) -> bool {
    // One Latin-script word is a place only when capitalised and made of letters.
    if v.is_ascii()
        && !v.contains(' ')
        && (!v.starts_with(|c: char| c.is_ascii_uppercase())
            || !v.bytes().all(|c| c.is_ascii_alphabetic() || c == b'-'))
    {
        return false;
    }
    let words: Vec<&str> = v.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    // Korean: `수원시 영통구` (a city, then its district).
    if words.len() >= 2 && words.iter().all(|w| super::names::is_korean_region(w)) {
        return true;
    }
    if !v.is_ascii() && words.len() == 1 && HI_PLACE_ENDS.iter().any(|e| v.ends_with(e)) {
        return v.chars().count() >= 4;
    }
    let lower = v.to_lowercase();
    if VI_UNITS.iter().any(|u| {
        lower.starts_with(u)
            && v.get(u.len()..).is_some_and(|r| {
                r.starts_with(' ') && r.trim_start().starts_with(char::is_uppercase)
            })
    }) {
        return true;
    }
    if !words.iter().all(|w| {
        w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''))
    }) || !words[0].starts_with(char::is_uppercase)
    {
        return false;
    }
    if words.len() == 1 {
        let w = lower.as_str();
        return (w.len() >= 7 && PLACE_ENDS.iter().any(|e| w.ends_with(e)))
            || (PLACE_HYPHENS.iter().any(|h| w.contains(h)) && w.len() >= 8)
            || ((w.starts_with("saint-") || w.starts_with("sainte-")) && w.len() >= 9);
    }
    let lw: Vec<&str> = lower.split_whitespace().collect();
    if PLACE_OPENERS.contains(&lw[0]) && words[1..].iter().all(|w| capital(w)) {
        return words.len() <= 3;
    }
    if words.len() == 3
        && PLACE_JOINTS.contains(&words[1])
        && capital(words[0])
        && capital(words[2])
    {
        return true;
    }
    PLACE_TAILS_PT.iter().any(|t| lower.ends_with(t))
        && words.iter().all(|w| capital(w) || PARTICLES.contains(w))
}

// ---------------------------------------------------------------------------------------------
// Occupations.

/// Head words of English job titles (the last word: `Data scientist`, `Estate agent`),
/// matched as endings, so `developer` also covers `games developer` and `software developer`.
const JOBS_EN: &[&str] = &[
    "officer",
    "manager",
    "engineer",
    "teacher",
    "developer",
    "designer",
    "worker",
    "writer",
    "producer",
    "maker",
    "keeper",
    "trainer",
    "builder",
    "planner",
    "broker",
    "buyer",
    "lecturer",
    "forwarder",
    "researcher",
    "programmer",
    "grapher",
    "farmer",
    "adviser",
    "advisor",
    "auditor",
    "inspector",
    "director",
    "editor",
    "operator",
    "administrator",
    "curator",
    "coordinator",
    "instructor",
    "surveyor",
    "tutor",
    "counsellor",
    "counselor",
    "controller",
    "player",
    "dancer",
    "singer",
    "painter",
    "driver",
    "cleaner",
    "labourer",
    "carpenter",
    "plumber",
    "gardener",
    "banker",
    "lawyer",
    "minister",
    "dealer",
    "leader",
    "supervisor",
    "doctor",
    "professor",
    "examiner",
    "underwriter",
    "assessor",
    "accountant",
    "assistant",
    "consultant",
    "attendant",
    "agent",
    "executive",
    "architect",
    "surgeon",
    "nurse",
    "clerk",
    "chef",
    "cook",
    "pilot",
    "actuary",
    "secretary",
    "midwife",
    "librarian",
    "technician",
    "physician",
    "mechanic",
    "paramedic",
    "student",
    "sailor",
    "soldier",
    "guard",
    "waiter",
    "waitress",
    "actor",
    "actress",
    "author",
    "poet",
    "judge",
    "barrister",
    "solicitor",
    "trader",
    "merchant",
    "butcher",
    "baker",
    "fitter",
    "welder",
    "translator",
    "interpreter",
    "investigator",
    "estimator",
    "negotiator",
    "practitioner",
    "registrar",
    "warden",
    "steward",
    "ranger",
    "conservator",
    "restorer",
    "therapist",
    "scientist",
    "analyst",
    "technologist",
    "specialist",
    "pharmacist",
    "dentist",
    "journalist",
    "artist",
    "economist",
    "chemist",
    "psychologist",
    "hygienist",
    "optometrist",
    "psychotherapist",
    "presenter",
    "reporter",
    "musician",
    "optician",
    "engineer",
    "tester",
    "geologist",
    "estate manager",
    "caretaker",
    "housekeeper",
    "labourer",
    "machinist",
    "copywriter",
    "illustrator",
    "animator",
    "archivist",
    "archaeologist",
    "astronomer",
    "biologist",
    "broadcaster",
    "cartographer",
    "chiropodist",
    "choreographer",
    "clinician",
    "dietitian",
    "ecologist",
    "educator",
    "embryologist",
    "ergonomist",
    "horticulturist",
    "lexicographer",
    "magistrate",
    "meteorologist",
    "oceanographer",
    "osteopath",
    "podiatrist",
    "radiographer",
    "sonographer",
    "toxicologist",
    "audiologist",
    "immunologist",
    "pathologist",
];
/// Head words of French, Portuguese and Spanish job titles (the first word: `chef de mission`,
/// `Analista de compliance`), matched whole.
const JOBS_ROMANCE: &[&str] = &[
    "chef",
    "agent",
    "agente",
    "consultant",
    "consultante",
    "consultor",
    "consultora",
    "médecin",
    "infirmier",
    "infirmière",
    "ouvrier",
    "ouvrière",
    "employé",
    "employée",
    "conseiller",
    "conseillère",
    "responsable",
    "assistant",
    "assistante",
    "assistente",
    "commercial",
    "avocat",
    "avocate",
    "boulanger",
    "boucher",
    "chauffeur",
    "pilote",
    "policier",
    "militaire",
    "étudiant",
    "étudiante",
    "enseignant",
    "enseignante",
    "aide",
    "juriste",
    "notaire",
    "huissier",
    "chargé",
    "chargée",
    "attaché",
    "attachée",
    "gestionnaire",
    "secrétaire",
    "comptable",
    "architecte",
    "plombier",
    "charpentier",
    "menuisier",
    "maçon",
    "jardinier",
    "cuisinier",
    "cuisinière",
    "sage-femme",
    "monitor",
    "monitora",
    "auxiliar",
    "supervisor",
    "supervisora",
    "mecânico",
    "mecánico",
    "técnico",
    "técnica",
    "médico",
    "médica",
    "professor",
    "professora",
    "profesor",
    "profesora",
    "gerente",
    "operador",
    "operadora",
    "motorista",
    "vendedor",
    "vendedora",
    "advogado",
    "advogada",
    "abogado",
    "abogada",
    "contador",
    "contadora",
    "coordenador",
    "coordenadora",
    "coordinador",
    "diretor",
    "diretora",
    "director",
    "directora",
    "administrador",
    "administradora",
    "programador",
    "programadora",
    "desenvolvedor",
    "pedreiro",
    "cozinheiro",
    "cozinheira",
    "garçom",
    "atendente",
    "secretário",
    "secretária",
    "farmacêutico",
    "farmacêutica",
    "arquiteto",
    "arquiteta",
    "arquitecto",
    "estagiário",
    "estagiária",
    "policial",
    "bombeiro",
    "carpinteiro",
    "pintor",
    "pintora",
    "montador",
    "ajudante",
    "encarregado",
    "encarregada",
    "instrutor",
    "inspetor",
    "fiscal",
    "zelador",
    "porteiro",
    "vigilante",
    "costureira",
    "cabeleireiro",
    "cabeleireira",
    "fisioterapeuta",
    "veterinário",
    "veterinária",
    "engenheiro",
    "engenheira",
    "ingeniero",
    "ingeniera",
    "enfermeiro",
    "enfermeira",
    "enfermero",
    "enfermera",
    "maestro",
    "maestra",
    "ingénieur",
    "ingénieure",
    "technicien",
    "technicienne",
    "opérateur",
    "opératrice",
    "analyste",
    "officier",
    "directeur",
    "directrice",
    "professeur",
    "gérant",
    "gérante",
    "vendeur",
    "vendeuse",
    "serveur",
    "serveuse",
    "coiffeur",
    "coiffeuse",
    "éducateur",
    "éducatrice",
    "animateur",
    "animatrice",
    "rédacteur",
    "rédactrice",
    "traducteur",
    "traductrice",
    "psicólogo",
    "psicóloga",
    "psychologue",
    "analista",
];
/// Endings that make a single word a job title in several languages (`Curator`, `Friseur`,
/// `Programmierer`, `Koreanistiker`, `Chemikant`, `orthoptiste`, `décolleteur`, `Artist`).
const JOB_ENDS: &[&str] = &[
    "ologist",
    "ologe",
    "ologin",
    "ólogo",
    "óloga",
    "ician",
    "icien",
    "icienne",
    "ist",
    "iste",
    "ista",
    "istin",
    "eur",
    "euse",
    "trice",
    "ierer",
    "iker",
    "ikant",
    "geon",
    "ator",
    "ateur",
    "atrice",
    "ographer",
    "ograf",
    "ografin",
    "arbeiter",
    "meister",
    "techniker",
    "ingenieur",
    "lehrer",
    "berater",
    "pfleger",
    "erzieher",
    "verkäufer",
    "fahrer",
];
/// CJK job endings (teacher 师, staff 员, worker 工, manager 经理, supervisor 主管, doctor 医生,
/// qualified 士, craftsman 職人, student 校生).
const CJK_JOB_ENDS: &[&str] = &[
    "师",
    "師",
    "员",
    "員",
    "工",
    "经理",
    "經理",
    "主管",
    "医生",
    "醫生",
    "士",
    "职人",
    "職人",
    "校生",
    "官",
    "技術者",
    "研究者",
    "作業者",
];
/// CJK words ending so that are not jobs (processing 加工, member 会员, gentleman 绅士, …).
const CJK_NOT_JOBS: &[&str] = &[
    "加工", "施工", "手工", "化工", "竣工", "开工", "完工", "人工", "分工", "会员", "會員", "成员",
    "成員", "动员", "全员", "满员", "人士", "博士", "学士", "硕士", "女士", "男士", "绅士", "紳士",
    "富士", "武士", "器官", "五官", "感官", "巴士", "的士", "卫士",
];
/// Japanese job titles in katakana, matched as endings (`ゲームクリエイター`).
const KANA_JOBS: &[&str] = &[
    "クリエイター",
    "ディレクター",
    "ライター",
    "デザイナー",
    "エンジニア",
    "アナウンサー",
    "プロデューサー",
    "マネージャー",
    "マネジャー",
    "プログラマー",
    "カウンセラー",
    "トレーナー",
    "オペレーター",
    "インストラクター",
    "コンサルタント",
    "アーティスト",
    "スタイリスト",
    "カメラマン",
    "パイロット",
    "ドライバー",
    "アドバイザー",
    "アシスタント",
    "シェフ",
    "コーチ",
    "セラピスト",
    "アナリスト",
    "スタッフ",
    "ナース",
];
/// Korean job endings (원 staff, 자 -er, 가 -ist, 사 qualified, 관 officer, 공 worker, 코치).
const KO_JOB_ENDS: &[char] = &['원', '자', '가', '사', '관', '공', '치'];
const KO_NOT_JOBS: &[&str] = &[
    "병원", "학원", "공원", "회원", "회사", "남자", "여자", "가정", "국가", "도시", "부자",
];

/// CJK occupation: `数学研究员`, `攝影師`, `综合门诊/全科医生`, `和紙職人`, `ゲームクリエイター`.
pub(crate) fn is_cjk_occupation(v: &str) -> bool {
    // The last character of every ending below: most values are rejected on it.
    if !v.ends_with([
        '师', '師', '员', '員', '工', '理', '管', '生', '士', '人', '官', '者', 'ー', 'ア', 'ト',
        'ン', 'フ', 'チ', 'ス',
    ]) {
        return false;
    }
    let last = v.rsplit(['/', '／', '・']).next().unwrap_or(v);
    let n = last.chars().count();
    if !(2..=12).contains(&n) || v.chars().count() > 20 {
        return false;
    }
    if KANA_JOBS.iter().any(|j| last.ends_with(j)) {
        return true;
    }
    let cjk = |c: char| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3041}'..='\u{30FA}' | 'ー');
    last.chars().all(cjk)
        && CJK_JOB_ENDS
            .iter()
            .any(|e| last.ends_with(e) && last.len() > e.len())
        && !CJK_NOT_JOBS.iter().any(|e| last.ends_with(e))
        && (n >= 3 || !last.ends_with('工'))
}

fn is_occupation(v: &str) -> bool {
    let first = v.chars().next().unwrap_or(' ');
    if !first.is_ascii() && is_cjk_occupation(v) {
        return true;
    }
    let hangul = |c: char| ('\u{AC00}'..='\u{D7A3}').contains(&c);
    if hangul(first) {
        let words: Vec<&str> = v.split(' ').collect();
        let last = words[words.len() - 1];
        return words.len() <= 8
            && words.iter().all(|w| !w.is_empty() && w.chars().all(hangul))
            && last.chars().count() >= 2
            && last.ends_with(KO_JOB_ENDS)
            && !KO_NOT_JOBS.iter().any(|e| last.ends_with(e))
            && (words.len() >= 2 || (last.chars().count() >= 3 && !super::names::is_name(v)));
    }
    if !first.is_alphabetic()
        || v.len() > 100
        || (v.is_ascii() && !v.contains(' ') && !v.bytes().all(|c| c.is_ascii_alphabetic()))
    {
        return false;
    }
    let lower = v.to_lowercase();
    // Vietnamese: `Nhân viên kinh doanh`, `Kỹ sư giám sát`, `Kiến trúc sư phần mềm`.
    if !v.is_ascii() {
        let lw: Vec<&str> = lower.split(' ').collect();
        let vi = v.split(' ').collect::<Vec<_>>();
        if lw.len() >= 2
            && (1..lw.len().min(3)).any(|i| {
                matches!(lw[i], "viên" | "sư" | "sĩ") && !vi[i].starts_with(char::is_uppercase)
            })
        {
            return true;
        }
    }
    if !v
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | ',' | '/' | '(' | ')' | '\'' | '’' | '-'))
    {
        return false;
    }
    let words: Vec<&str> = lower.split([' ', '/']).filter(|w| !w.is_empty()).collect();
    let orig: Vec<&str> = v.split([' ', '/']).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 10 || words.len() != orig.len() {
        return false;
    }
    let ends = |w: &str| {
        JOB_ENDS
            .iter()
            .any(|e| w.ends_with(e) && w.len() >= e.len() + 3)
    };
    if words.len() == 1 {
        return words[0].len() >= 6 && ends(words[0]);
    }
    // Words after the first are lower-case: a title, not a name or a place.
    if orig[1..]
        .iter()
        .any(|w| w.starts_with(|c: char| c.is_uppercase()))
    {
        return false;
    }
    // A sentence is not a job title, whatever its last word (`I am a teacher`).
    if SENTENCE_OPENERS.contains(&words[0]) {
        return false;
    }
    let head_first = words[0].trim_end_matches(',');
    let head_last = lower
        .split(',')
        .next()
        .unwrap_or_default()
        .rsplit([' ', '/'])
        .next()
        .unwrap_or_default();
    JOBS_ROMANCE.contains(&head_first)
        || ends(head_first) && words.len() <= 6
        || JOBS_EN.iter().any(|j| head_last.ends_with(j))
        || ends(head_last)
}

/// First words of sentences and phrases, never of a job title.
const SENTENCE_OPENERS: &[&str] = &[
    "i", "we", "you", "he", "she", "they", "it", "my", "our", "your", "his", "her", "their", "the",
    "a", "an", "this", "that", "these", "there", "is", "are", "was", "please", "not", "no", "need",
    "looking", "je", "nous", "il", "elle", "le", "la", "les", "un", "une", "eu", "ele", "ela", "o",
    "os", "um", "uma", "ich", "wir", "er", "sie", "der", "die", "das", "ein", "eine", "el", "los",
    "yo",
];

/// A name written in Devanagari: two or three words (`सीता मालिकजी`), no digits or marks.
fn is_hindi_name(v: &str) -> bool {
    let words: Vec<&str> = v.split(' ').collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().count() >= 2 && w.chars().all(|c| ('\u{0900}'..='\u{097F}').contains(&c))
        })
        && !words
            .iter()
            .any(|w| ["और", "का", "की", "के", "है", "में"].contains(w))
}

/// Two consonants that open English (and pinyin, Vietnamese) words.
const ONSETS: &[&str] = &[
    "bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gh", "gl", "gr", "kl", "kn", "kr", "ph",
    "pl", "pr", "ps", "qu", "rh", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "sq", "st", "sw", "th",
    "tr", "ts", "tw", "wh", "wr", "zh", "ng", "pn", "mn", "kh", "sv", "vl", "dj", "ll", "sz", "cz",
];

/// A user name made of an initial and a family name (`rsmith`, `nchou`, `wwatanabe`): two
/// consonants no word opens with, then letters with a vowel.
fn is_initial_username(v: &str) -> bool {
    let b = v.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    (4..=16).contains(&b.len())
        && b.iter().all(u8::is_ascii_lowercase)
        && !vowel(b[0])
        && !vowel(b[1])
        && !ONSETS.iter().any(|o| b.starts_with(o.as_bytes()))
        && b[2..].iter().any(|&c| vowel(c))
}

/// A street named without a number (`chemin de Laroche`, `Pátio Casa Grande`).
fn is_street_without_number(v: &str) -> bool {
    if !v.contains(' ') {
        return false;
    }
    let words: Vec<&str> = v.split_whitespace().collect();
    is_street_name(v, &words)
}

#[cfg(test)]
mod tests {
    use super::*;
    // proptest is a native-only dev-dependency (it does not build for wasm32-unknown-unknown).
    #[cfg(not(target_arch = "wasm32"))]
    use proptest::prelude::*;

    /// The reference reading of Chinese and Japanese runs: every run, one after another, with
    /// no marker found first.
    fn cjk_addresses_every_run(text: &str) -> Vec<super::super::Match> {
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(c) = text[i..].chars().next() {
            if !han(c) {
                i += c.len_utf8();
                continue;
            }
            let end = i + text[i..]
                .char_indices()
                .take_while(|&(_, d)| in_cjk_run(d))
                .last()
                .map_or(0, |(k, d)| k + d.len_utf8());
            cjk_address_in_run(text, i, end, &mut out);
            i = end;
        }
        out
    }

    fn streets(text: &str) -> Vec<super::super::Match> {
        let mut out = Vec::new();
        streets_in(text, &mut out);
        out
    }

    fn streets_in_every_word(text: &str) -> Vec<super::super::Match> {
        let mut out = Vec::new();
        streets_in_words(text, 0, text.len(), &mut out);
        out
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn streets_read_around_house_numbers_as_from_every_word(
            words in prop::collection::vec("12|8/6|94|3a|0527|Road|Jamie|Suite|Apt\\.|rue|de|Gros|6,|Rua|Marina|Vargas,|Số|Ngõ|Võ|Segebahnstraße|the|at|and|x|é|北京", 0..40),
            spaces in prop::collection::vec(" |  |\n|\u{3000}|\u{A0}|\t", 40)
        ) {
            let text: String = words.iter().zip(&spaces).map(|(w, s)| format!("{w}{s}")).collect();
            prop_assert_eq!(streets(&text), streets_in_every_word(&text));
        }
    }

    #[test]
    fn streets_read_around_house_numbers_as_from_every_word_on_the_examples() {
        for text in [
            "Pick me up at 0527 Jamie Road Suite 472 tomorrow",
            "Können Sie an die Damian-Schulz-Weg 8/6 liefern?",
            "Livrez au 6, rue de Gros s'il vous plaît",
            "Entregue a Rua Marina Vargas, 94 por favor",
            "Giao đến Số 547 Ngõ 11 Võ Thị Sáu nhé",
        ] {
            let found = streets(text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found, streets_in_every_word(text), "{text}");
        }
    }

    fn cjk_addresses(text: &str) -> Vec<super::super::Match> {
        let mut out = Vec::new();
        cjk_addresses_in(text, &mut out);
        out
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn cjk_runs_found_by_their_markers_read_as_every_run_does(
            text in "(北京|市|区|県|町|路|胡同|号|號|番地|番|丁目|座|之|在|カ|ー|-|1|2|A|x| |，|한)*"
        ) {
            prop_assert_eq!(cjk_addresses(&text), cjk_addresses_every_run(&text));
        }
    }

    #[test]
    fn cjk_addresses_found_by_markers_match_every_run_on_the_examples() {
        for text in [
            "我们搬家了，新家在北京市海淀区中关村大街27号，欢迎来玩",
            "愛知県横浜市金沢区東三島1丁目19番3号 パレス百村653",
            "豐原縣萬隆巷624號之2",
            "寄到上海市浦东新区A座1203室",
            "カ北京市区1号",
        ] {
            let found = cjk_addresses(text);
            assert!(!found.is_empty(), "{text}");
            assert_eq!(found, cjk_addresses_every_run(text), "{text}");
        }
    }

    fn kind(v: &str) -> Option<Kind> {
        let mut out = Vec::new();
        let digits = v.bytes().filter(u8::is_ascii_digit).count();
        detect(v, digits, &mut out);
        assert!(out.iter().all(|d| d.strength == Strength::Shaped));
        out.first().map(|d| d.kind)
    }

    fn addresses(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        streets_in(text, &mut out);
        cjk_addresses_in(text, &mut out);
        out.iter().map(|m| &text[m.start..m.end]).collect()
    }

    #[test]
    fn addresses_in_running_text() {
        let cases: &[(&str, &str)] = &[
            (
                "Pick me up at 0527 Jamie Road Suite 472 around 7?",
                "0527 Jamie Road Suite 472",
            ),
            (
                "Können Sie an die Damian-Schulz-Weg 8/6 liefern?",
                "Damian-Schulz-Weg 8/6",
            ),
            (
                "Pouvez-vous livrer au 6, rue de Gros plutôt ?",
                "6, rue de Gros",
            ),
            (
                "Me mudei para a Rua Marina Vargas, 94, aparece lá!",
                "Rua Marina Vargas, 94",
            ),
            (
                "Em mới chuyển về Số 547 Ngõ 11 Võ Thị Sáu, mọi người",
                "Số 547 Ngõ 11 Võ Thị Sáu",
            ),
            (
                "荷物は愛知県横浜市金沢区東三島1丁目19番3号まで",
                "愛知県横浜市金沢区東三島1丁目19番3号",
            ),
            (
                "新家在豐原縣萬隆巷624號之2，歡迎來玩",
                "豐原縣萬隆巷624號之2",
            ),
            (
                "택배는 울산광역시 동작구 잠실가 938-7 경비실에",
                "울산광역시 동작구 잠실가 938-7",
            ),
        ];
        for &(text, address) in cases {
            assert_eq!(addresses(text), [address], "{text}");
        }
        for text in [
            "I bought 2 Apple Watches on Sale",
            "Flight 372 Park Lane Hotel",
            "北京市第三中学2号楼",
            "请到市里的3号窗口办理",
            "订单号202405180093476，什么时候发货？",
            "서울시 날씨는 맑음 25도",
        ] {
            assert_eq!(addresses(text), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn readings() {
        let table: &[(&str, Kind)] = &[
            ("221 Baker Street", Kind::StreetAddress),
            ("742 Evergreen Terrace Apt. 3", Kind::StreetAddress),
            ("Flat 3\nKing Road", Kind::StreetAddress),
            ("8, rue de la Paix", Kind::StreetAddress),
            ("Rua Augusta, 1500", Kind::StreetAddress),
            ("avenue des Champs", Kind::StreetAddress),
            ("Königsallee 12", Kind::StreetAddress),
            ("Hauptstr. 5a", Kind::StreetAddress),
            ("Số 12 Phố Huế", Kind::StreetAddress),
            ("서울특별시 종로구 세종대로 175", Kind::StreetAddress),
            ("12 राम नगर", Kind::StreetAddress),
            ("Georgetown", Kind::RegionName),
            ("Middlesbrough", Kind::RegionName),
            ("Edinburgh", Kind::RegionName),
            ("North Berwick", Kind::RegionName),
            ("Frankfurt am Main", Kind::RegionName),
            ("Aix-les-Bains", Kind::RegionName),
            ("Rio Grande do Sul", Kind::RegionName),
            ("Tỉnh Nghệ An", Kind::RegionName),
            ("성남시 분당구", Kind::RegionName),
            ("जयपुर", Kind::RegionName),
            ("Software engineer", Kind::OccupationValue),
            ("Nurse, mental health", Kind::OccupationValue),
            ("Journalist", Kind::OccupationValue),
            ("Elektriker", Kind::OccupationValue),
            ("infirmier de bloc", Kind::OccupationValue),
            ("Engenheiro civil", Kind::OccupationValue),
            ("Giáo viên", Kind::OccupationValue),
            ("간호사", Kind::OccupationValue),
            ("소프트웨어 개발자", Kind::OccupationValue),
            ("デザイナー", Kind::OccupationValue),
            ("Acme Ltd", Kind::NotPersonal),
            ("Dupont et Fils", Kind::NotPersonal),
            ("Smith, Jones and Brown", Kind::NotPersonal),
            ("株式会社山田", Kind::NotPersonal),
            ("Công ty TNHH ABC", Kind::NotPersonal),
            ("₹1,250.00", Kind::NotPersonal),
            ("12,50\u{A0}€", Kind::NotPersonal),
            ("jdoe", Kind::UsernameValue),
            ("mwang", Kind::UsernameValue),
            ("राहुल शर्मा", Kind::PersonName),
        ];
        for &(v, k) in table {
            assert_eq!(kind(v), Some(k), "{v}");
        }
    }

    #[test]
    fn prose_and_plain_words_are_not_read() {
        for v in [
            "I am a teacher",
            "Please call me at 5 Main",
            "Phone number",
            "Bank transfer",
            "Prefer not to answer",
            "Report",
            "Support",
            "Preview",
            "Comfort",
            "Oliveira",
            "Charpentier",
            "html",
            "xml",
            "nginx",
            "street",
            "3 apples",
            "We have 2 dogs",
            "New",
            "Christian",
            "Restaurant",
            "会员",
            "加工",
            "男士",
            "김영수",
            "병원",
            "Jean-Luc",
            "Monday",
        ] {
            assert_eq!(kind(v), None, "{v}");
        }
    }
}
