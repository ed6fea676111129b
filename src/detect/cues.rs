//! Cue phrases in free text: "我叫陈思远", "my name is Ashley Walker", "生年月日は2015年3月4日です".
//! Names, addresses, birth dates, postcodes and user names have no checksum and no shape of
//! their own, so in prose they are found by the words written before them
//! (`data/cues.tsv`): the span after a cue, up to the end of its clause, is reported if it
//! has the shape of the cue's category (a name has no digits and opens with a capital in Latin
//! scripts, a birth date has a digit or a month, a postcode has a digit and no spaces…).
//! Phone numbers and ID numbers after their cue are taken in national formats that the
//! validated scanners do not know. The cue itself is not reported.
//!
//! Matching walks a byte trie of the lower-cased cues from each character start (an ASCII cue
//! only at a word start), so the pass is linear in the text.

use std::sync::OnceLock;

use super::{Kind, Match};
use crate::lexicon::trie::{Trie, NONE};
use crate::lexicon::{lexicon, Lexicon, Source, Weight};
use crate::taxonomy::Category;

const CUES: &str = include_str!("data/cues.tsv");

/// The categories whose field labels are read as cues (those [`shape`] can read a value of).
const LABEL_CATEGORIES: &[Category] = &[
    Category::Name,
    Category::BirthDate,
    Category::Address,
    Category::PostalCode,
    Category::Username,
    Category::Phone,
    Category::NationalId,
    Category::BankAccount,
];

/// How a cue reads its value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// A phrase of `data/cues.tsv`: the value follows ("我叫…", "my name is …").
    Phrase,
    /// A phrase after which only a name the name tables recognise counts ("我是王芳", "I'm
    /// Benjamin Marshall", a sign-off): `name?` in the table.
    Intro,
    /// A phrase that follows its value ("2021年9月8日出生", "斎藤 翔太と申します"): written
    /// `…出生` in the table.
    Before,
    /// A field label from the lexicon: the label of a "label: value" pair, or of a value
    /// written before it ("23559 is an invalid zip code").
    Label,
}

struct Cues {
    trie: Trie<u8>,
    /// Each cue's category, how it reads its value, and the next reading of the same words
    /// (`NONE` for the last).
    categories: Vec<(Category, Cue, u32)>,
    /// Which characters (of the Basic Multilingual Plane, ASCII lower-cased) open a cue.
    first: Vec<u64>,
    /// Which pairs of bytes (ASCII lower-cased) open a cue, as bits `b0 << 8 | b1`: most words
    /// and characters of a text are passed over on one bit test, without decoding them.
    pairs: Box<[u64; 1024]>,
    /// Which pairs of bytes are a whole cue, as in `pairs`.
    short: Box<[u64; 1024]>,
    /// Which triples of bytes (ASCII lower-cased) open a cue, hashed to 16 bits: an ASCII word
    /// opening with a pair some cue opens with ("the", "and", "for" in English prose) is
    /// passed over without walking the trie.
    triples: Box<[u64; 1024]>,
    /// Which characters are a cue of their own (most CJK cues are two characters or more).
    alone: Vec<u64>,
    /// Which pairs of characters open a cue, hashed to 16 bits (see [`bigram`]): a character
    /// that opens cues but not with the character after it is passed over without walking the
    /// trie (in Chinese text, nearly every walk was such a false start).
    bigrams: Box<[u64; 1024]>,
}

/// The bit of the byte pair `(b0, b1)` in [`Cues::pairs`] (ASCII lower-cased).
fn pair_bit(b0: u8, b1: u8) -> usize {
    usize::from(b0.to_ascii_lowercase()) << 8 | usize::from(b1.to_ascii_lowercase())
}

/// The bit of the byte triple `(b0, b1, b2)` in [`Cues::triples`] (ASCII lower-cased).
fn triple_bit(b0: u8, b1: u8, b2: u8) -> usize {
    bigram(pair_bit(b0, b1) as u32, u32::from(b2.to_ascii_lowercase()))
}

/// The bit of the character pair `(a, b)` in [`Cues::bigrams`] (ASCII lower-cased).
fn bigram(a: u32, b: u32) -> usize {
    (a.wrapping_mul(0x9E37_79B1) ^ b.wrapping_mul(0x85EB_CA77)) as usize >> 16 & 0xFFFF
}

impl Cues {
    /// The readings of the cue stored as `first`, in table order.
    fn readings(&self, first: u32) -> impl Iterator<Item = (Category, Cue)> + '_ {
        let mut at = first;
        std::iter::from_fn(move || {
            let &(category, how, next) = self.categories.get(at as usize)?;
            at = next;
            Some((category, how))
        })
    }

    fn pair(&self, b0: u8, b1: u8) -> bool {
        bit(&self.pairs[..], pair_bit(b0, b1))
    }

    /// A cue may open at byte `i` of `text` (a character's start), by the prefilters: an ASCII
    /// one by its first two and three bytes, another by its first two characters. Most words
    /// and characters of a text are passed over on these bit tests, without walking the trie.
    // (inlined into the scan's loop: called out of line it cost 7% of `findPersonalData`)
    #[inline(always)]
    fn may_open(&self, text: &str, i: usize) -> bool {
        let b = text.as_bytes();
        let Some(&x) = b.get(i) else {
            return false;
        };
        if x < 0x80 {
            let next = b.get(i + 1).copied().unwrap_or(0);
            self.pair(x, next) && self.opens_word(x, next, b.get(i + 2).copied())
        } else {
            let code = code_at(text, i);
            self.opens(code) && self.opens_pair(code, code_at(text, i + utf8_len(x)))
        }
    }

    /// A cue may open with the bytes `b0`, `b1`, `b2` (ASCII lower-cased), or is `b0`, `b1`.
    fn opens_word(&self, b0: u8, b1: u8, b2: Option<u8>) -> bool {
        bit(&self.short[..], pair_bit(b0, b1))
            || b2.is_some_and(|b2| bit(&self.triples[..], triple_bit(b0, b1, b2)))
    }

    /// A cue opens with the character `code` (not an ASCII capital: the text's are lower-cased
    /// before they are looked up).
    fn opens(&self, code: u32) -> bool {
        bit(&self.first, code as usize)
    }

    /// A cue may open with the characters `a`, `b` (ASCII lower-cased), or is `a` alone.
    fn opens_pair(&self, a: u32, b: u32) -> bool {
        bit(&self.alone, a as usize) || bit(&self.bigrams[..], bigram(a, b))
    }
}

fn bit(bits: &[u64], k: usize) -> bool {
    bits.get(k / 64).is_some_and(|w| w & (1 << (k % 64)) != 0)
}

fn set_bit(bits: &mut [u64], k: usize) {
    if let Some(w) = bits.get_mut(k / 64) {
        *w |= 1 << (k % 64);
    }
}

fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| {
        let mut trie = Trie::default();
        let mut categories = Vec::new();
        let mut pairs = Box::new([0u64; 1024]);
        let mut short = Box::new([0u64; 1024]);
        let mut triples = Box::new([0u64; 1024]);
        let mut first = vec![0u64; 0x10000 / 64];
        let mut alone = vec![0u64; 0x10000 / 64];
        let mut bigrams = Box::new([0u64; 1024]);
        let mut add = |cue: &str, category: Category, how: Cue| {
            // Text is matched with its ASCII letters lower-cased; a cue opening with another
            // letter (Địa chỉ, Él) is also stored capitalised, as a sentence starts.
            let key = cue.to_ascii_lowercase();
            let mut chars = key.chars();
            let capital: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            let capital = capital.to_ascii_lowercase();
            let keys = if capital == key {
                vec![key]
            } else {
                vec![key, capital]
            };
            for k in keys {
                let mut chars = k.chars().map(u32::from);
                match (chars.next(), chars.next()) {
                    (Some(a), None) => set_bit(&mut alone, a as usize),
                    (Some(a), Some(b)) => set_bit(&mut bigrams[..], bigram(a, b)),
                    _ => {}
                }
                let id = categories.len() as u32;
                if trie.insert(k.bytes(), id) {
                    categories.push((category, how, NONE));
                    continue;
                }
                // The same words may cue more than one category ("ich bin" 8 Jahre alt / Mirja
                // Hornich): each reading is tried in turn, the table's first.
                let Some(mut at) = trie.get(k.bytes()) else {
                    continue;
                };
                loop {
                    let (c, _, next) = categories[at as usize];
                    if c == category {
                        break;
                    }
                    if next == NONE {
                        categories[at as usize].2 = id;
                        categories.push((category, how, NONE));
                        break;
                    }
                    at = next;
                }
            }
            // The scan's prefilters: the characters and the pairs of bytes that open a cue.
            let Some(opening) = cue.chars().next() else {
                return;
            };
            let rest = &cue[opening.len_utf8()..];
            for c in std::iter::once(opening).chain(opening.to_uppercase()) {
                let k = c.to_ascii_lowercase() as usize;
                if let Some(w) = first.get_mut(k / 64) {
                    *w |= 1 << (k % 64);
                }
                let mut bytes = [0u8; 4];
                let mut opened = c.encode_utf8(&mut bytes).bytes().chain(rest.bytes());
                if let (Some(b0), Some(b1)) = (opened.next(), opened.next()) {
                    set_bit(&mut pairs[..], pair_bit(b0, b1));
                    match opened.next() {
                        Some(b2) => set_bit(&mut triples[..], triple_bit(b0, b1, b2)),
                        None => set_bit(&mut short[..], pair_bit(b0, b1)),
                    }
                }
            }
        };
        for line in CUES
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let mut cols = line.split('\t');
            let (Some(cue), Some(cat)) = (cols.next(), cols.next()) else {
                continue;
            };
            let (cat, intro) = match cat.trim().strip_suffix('?') {
                Some(c) => (c, true),
                None => (cat.trim(), false),
            };
            let (cue, before) = match cue.trim().strip_prefix('…') {
                Some(c) => (c, true),
                None => (cue.trim(), false),
            };
            let how = match (intro, before) {
                (_, true) => Cue::Before,
                (true, false) => Cue::Intro,
                (false, false) => Cue::Phrase,
            };
            if let Some(category) = Category::from_id(cat) {
                add(cue, category, how);
            }
        }
        // Field labels of the categories a value can be read for ("Geburtsdatum", "收件人",
        // "PLZ"): a phrase of the table above wins where both have the same words. Terms of
        // two bytes or less (`ip`) open too many words to be worth trying.
        for (term, category, weight) in Lexicon::label_terms() {
            if weight > Weight::Weak && LABEL_CATEGORIES.contains(&category) && term.len() > 2 {
                add(term, category, Cue::Label);
            }
        }
        trie.index_root(256);
        Cues {
            trie,
            categories,
            first,
            pairs,
            short,
            triples,
            alone,
            bigrams,
        }
    })
}

/// Words that close a clause after a value (Japanese, Korean, Hindi copulas; Vietnamese ạ).
const CLOSERS: &[&str] = &[
    "です",
    "でした",
    "と申します",
    "입니다",
    "이에요",
    "예요",
    "이고",
    "है",
    "हैं",
    " ạ",
];

/// The bytes that open a closer: the closers are looked for only where one of them stands.
const CLOSER_FIRST: [bool; 256] = super::opening_bytes(CLOSERS);

/// Words that make a lower-case phrase an address ("chemin de Laroche", "rua das Flores").
const STREET_WORDS: &[&str] = &[
    "rue",
    "avenue",
    "chemin",
    "boulevard",
    "allée",
    "impasse",
    "place",
    "route",
    "street",
    "road",
    "lane",
    "drive",
    "straße",
    "strasse",
    "weg",
    "gasse",
    "platz",
    "rua",
    "avenida",
    "travessa",
    "calle",
    "carrera",
    "camino",
    "đường",
    "phố",
    "hẻm",
    "ngõ",
];

/// Abbreviations whose dot does not end a clause.
const ABBREVIATIONS: &[&str] = &[
    "st", "str", "ave", "av", "rd", "blvd", "nr", "no", "dr", "jr", "sr", "apt", "mr", "mrs", "ms",
    "prof",
];

const MONTHS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "janv",
    "févr",
    "mars",
    "avr",
    "mai",
    "juin",
    "juil",
    "août",
    "sept",
    "déc",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "dezember",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "tháng",
];

/// Adds what follows each cue in `text` to `out`. `found` (sorted, disjoint) is what the
/// validated scanners found: a value after a cue that starts inside it (the number after
/// "电话") is not read again, as anything read there would overlap the finding.
pub(crate) fn scan(text: &str, found: &[Match], out: &mut Vec<Match>) {
    let c = cues();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        // Cheap rejections first (`may_open`): a whole ASCII word is passed over (ASCII cues
        // open only at a word start), a character by its UTF-8 length.
        if x < 0x80 {
            let inside = x.is_ascii_alphanumeric() && i > 0 && b[i - 1].is_ascii_alphanumeric();
            if inside || !c.may_open(text, i) {
                i += 1;
                if x.is_ascii_alphanumeric() {
                    while b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                        i += 1;
                    }
                }
                continue;
            }
        } else if x & 0xC0 == 0x80 {
            i += 1;
            continue;
        } else if !c.may_open(text, i) {
            i += utf8_len(x);
            continue;
        }
        let mut node = c.trie.root();
        let mut best = None;
        let mut j = i;
        while let Some(next) = b
            .get(j)
            .and_then(|&x| c.trie.child(node, x.to_ascii_lowercase()))
        {
            node = next;
            j += 1;
            let glued =
                b[j - 1].is_ascii_alphanumeric() && b.get(j).is_some_and(u8::is_ascii_alphanumeric);
            if let (Some(v), false) = (c.trie.value(node), glued) {
                best = Some((j, v));
            }
        }
        match best {
            Some((end, first)) => match c
                .readings(first)
                .find_map(|(category, how)| read_value(text, i, end, category, how, found))
            {
                Some(m) => {
                    // (a value read backwards ends before its cue: go on after the cue)
                    i = m.end.max(end);
                    out.push(m);
                }
                None => i = end,
            },
            None => i += 1,
        }
    }
}

/// The length of the UTF-8 character whose first byte is `x`.
fn utf8_len(x: u8) -> usize {
    match x {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// The code point at byte `at` of `text` (ASCII lower-cased; `u32::MAX` past the end), with
/// three-byte characters decoded in place.
fn code_at(text: &str, at: usize) -> u32 {
    let b = text.as_bytes();
    match (b.get(at), b.get(at + 2)) {
        (Some(&x), _) if x < 0x80 => u32::from(x.to_ascii_lowercase()),
        (Some(&x @ 0xE0..=0xEF), Some(&z)) => {
            u32::from(x & 0x0F) << 12 | u32::from(b[at + 1] & 0x3F) << 6 | u32::from(z & 0x3F)
        }
        _ => text
            .get(at..)
            .and_then(|t| t.chars().next())
            .map_or(u32::MAX, u32::from),
    }
}

/// Words that stand between a label and its value: "PLZ ist 55700", "邮编是221001",
/// "우편번호는 56441" (Korean particles glued to the label), "update my address to …".
const COPULAS: &[&str] = &[
    "是", "为", "為", "は", "が", "填", "写", "寫", "改成", "改为", "改為",
];
const PARTICLES: &[&str] = &["는", "은", "이", "가", "를", "을", "로"];
const COPULA_WORDS: &[&str] = &[
    "is", "was", "are", "to", "est", "sont", "pour", "ist", "lautet", "auf", "é", "es", "era",
    "para", "là", "thành",
];
/// Possessives between a Vietnamese label and its copula ("ngày sinh của em là …").
const FILLERS: &[&str] = &[
    "của em",
    "của tôi",
    "của mình",
    "của con",
    "nhà em",
    "mình",
    "em",
];

/// How many bytes of `rest` (the text after a cue) lie before the value: spaces, `:` `=` and
/// dashes, an opening bracket, copulas. Returns `(bytes, separated, bracket)`: whether a mark or
/// a copula said "the value comes now", and whether the value sits in brackets.
fn separators(rest: &str, category: Category) -> (usize, bool, bool) {
    let (mut k, mut separated, mut bracket) = (0, false, false);
    loop {
        let r = &rest[k..];
        let t = r.trim_start_matches([' ', '\u{3000}', '\t']);
        k += r.len() - t.len();
        let spaced = k > 0;
        match t.chars().next() {
            // (a dash only between spaces: "TS-BLK-M-0419" is a code, not "blk: M-0419")
            Some(c @ (':' | '：' | '=' | '-' | '–' | '—'))
                if spaced || !matches!(c, '-' | '–' | '—') =>
            {
                k += c.len_utf8();
                separated = true;
                continue;
            }
            // ("(02) 8978 7534": a phone number's brackets are its own)
            Some(c @ ('(' | '（')) if !bracket && category != Category::Phone => {
                k += c.len_utf8();
                separated = true;
                bracket = true;
                continue;
            }
            _ => {}
        }
        if let Some(w) = COPULAS.iter().find(|w| t.starts_with(**w)) {
            k += w.len();
            separated = true;
            continue;
        }
        // A Korean particle is glued to the label and followed by a space or a Latin value.
        if let Some(w) = PARTICLES.iter().find(|w| {
            !spaced
                && t.starts_with(**w)
                && t[w.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c == ' ' || c.is_ascii_alphanumeric())
        }) {
            k += w.len();
            separated = true;
            continue;
        }
        let word = |w: &&&str| {
            t.len() > w.len()
                && t.is_char_boundary(w.len())
                && t[..w.len()].eq_ignore_ascii_case(w)
                && t[w.len()..].starts_with(' ')
        };
        if let Some(w) = COPULA_WORDS.iter().find(word) {
            k += w.len();
            separated = true;
            continue;
        }
        if let Some(w) = FILLERS.iter().find(word) {
            k += w.len();
            continue;
        }
        return (k, separated, bracket);
    }
}

/// The value a cue from `from` to `at` points at.
fn read_value(
    text: &str,
    from: usize,
    at: usize,
    category: Category,
    how: Cue,
    found: &[Match],
) -> Option<Match> {
    // (a sign-off's name is on the next line)
    let at = match how {
        Cue::Intro => text.len() - text[at..].trim_start_matches([' ', '\r', '\n']).len(),
        _ => at,
    };
    // The value after the cue starts inside a validated finding: it is that finding (the
    // number after "电话"), or, for a finding of another category, only a value before the
    // cue may be read ("23559 is my zip code 13912345678").
    let after_found = match how {
        Cue::Before => None,
        _ => {
            let (skipped, _, _) = separators(&text[at..], category);
            inside(found, at + skipped)
        }
    };
    if let Some(m) = after_found {
        if how == Cue::Intro || category == Category::Name || m.kind.category() == category {
            return None;
        }
    }
    let after_found = after_found.is_some();
    if how != Cue::Label && vetoed(text, from, category) {
        return None;
    }
    // (a name is read backwards only before its own phrase: "…と申します")
    let before = || {
        (category != Category::Name)
            .then(|| value_before(text, from, category))
            .flatten()
    };
    match how {
        _ if after_found => before(),
        Cue::Phrase => value_after(text, from, at, category, false).or_else(before),
        Cue::Label => value_after(text, from, at, category, true).or_else(before),
        Cue::Before => value_before(text, from, category),
        Cue::Intro => {
            let m = value_after(text, from, at, category, false)?;
            super::names::recognised(&text[m.start..m.end]).then_some(m)
        }
    }
}

/// The finding of `found` (sorted, disjoint) that holds byte `at`.
fn inside(found: &[Match], at: usize) -> Option<Match> {
    let k = found.partition_point(|m| m.start <= at);
    found[..k].last().filter(|m| at < m.end).copied()
}

/// The start of the clause holding byte `from`: after the last mark that ends one, at most 64
/// bytes back.
fn clause_start(text: &str, from: usize) -> usize {
    let mut begin = from.saturating_sub(64);
    while !text.is_char_boundary(begin) {
        begin += 1;
    }
    let before = &text[begin..from];
    before
        .rfind([
            '.', '!', '?', '。', '！', '？', '\n', ';', '；', ',', '，', ':', '：',
        ])
        .map_or(begin, |k| {
            begin + k + before[k..].chars().next().map_or(1, char::len_utf8)
        })
}

/// A phrase cue that is the end of a longer term of another category in the lexicon
/// ("name:" in "Product name: Widget Pro").
fn vetoed(text: &str, from: usize, category: Category) -> bool {
    let clause = clause_start(text, from);
    if clause == from {
        return false;
    }
    let start = text[clause..from].chars().count() as u32;
    let end = text[from..]
        .find(|c: char| !c.is_alphanumeric() && c != ' ')
        .map_or(text.len(), |k| from + k);
    lexicon()
        .find(&text[clause..end], Source::Label)
        .iter()
        .any(|h| h.start < start && h.end > start && h.category != category)
}

/// Words between a value and the label after it: "23559 is an invalid zip code", "51939 als
/// Postleitzahl", "648-53-4523 as my SSN", "587336816208 카드로" (particles glued to the value
/// are cut by the value's shape).
const BETWEEN_BEFORE: &[&str] = &[
    "as", "is", "an", "a", "the", "my", "your", "invalid", "valid", "wrong", "correct", "new",
    "als", "meine", "mein", "meinen", "ist", "comme", "mon", "ma", "est", "no", "na", "o", "como",
    "meu", "minha", "é", "の", "を", "は", "が", "为", "作为",
];

/// Categories whose values are written with digits (a postcode, a phone, ID or card number, a
/// birth date): the ones read backwards, and after a label with only a space between.
fn written_with_digits(category: Category) -> bool {
    matches!(
        category,
        Category::PostalCode
            | Category::Phone
            | Category::NationalId
            | Category::BankAccount
            | Category::BirthDate
    )
}

/// The value written before a cue starting at `from`: "2021年9月8日出生", "am 3.8.2020 geboren",
/// "23559 is an invalid zip code". Only values with digits are read backwards (a birth date, a
/// postcode, a phone, ID or card number), with only connecting words between it and the cue.
fn value_before(text: &str, from: usize, category: Category) -> Option<Match> {
    if category == Category::Name {
        return name_before(text, from);
    }
    if !written_with_digits(category) {
        return None;
    }
    // Connecting words, from the end.
    let mut end = from;
    loop {
        let t = text[..end].trim_end_matches([' ', '\u{3000}']);
        let word = BETWEEN_BEFORE.iter().find(|w| {
            t.len() >= w.len()
                && t.is_char_boundary(t.len() - w.len())
                && t[t.len() - w.len()..].eq_ignore_ascii_case(w)
                && (!w.is_ascii()
                    || t[..t.len() - w.len()]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric()))
        });
        match word {
            Some(w) => end = t.len() - w.len(),
            None => {
                end = t.len();
                break;
            }
        }
    }
    // The value: the run of characters a value of this kind is written with, back to the
    // first word holding a digit (or, for a date, a month).
    let date_char = |c: char| "年月日号號년월일".contains(c);
    let begin = text[..end]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| {
            c.is_ascii_alphanumeric()
                || matches!(c, ' ' | '-' | '.' | '/' | ',')
                || (category == Category::BirthDate && (date_char(c) || c.is_alphabetic()))
        })
        .last()
        .map_or(end, |(k, _)| k);
    let mut start = begin;
    for w in text[begin..end].split(' ') {
        let lower = w.to_lowercase();
        let month = category == Category::BirthDate && MONTHS.iter().any(|m| lower.starts_with(m));
        if w.chars().any(|c| c.is_ascii_digit()) || month {
            break;
        }
        start += w.len() + 1;
    }
    if start >= end {
        return None;
    }
    // In a script without spaces the run may open with words: "孩子是2021年…" → from the digit.
    if category == Category::BirthDate {
        start += text[start..end].find(|c: char| c.is_ascii_digit() || c.is_ascii_alphabetic())?;
    }
    let v = text[start..end].trim_end_matches([' ', ',', '.']);
    let got = shape(v, category)?;
    // The shape must be the whole run: the value ends where the cue's words begin.
    if got.len() != v.len()
        || (category == Category::BirthDate && got.bytes().filter(u8::is_ascii_digit).count() < 4)
    {
        return None;
    }
    if !super::digit_start_ok(text.as_bytes(), start) {
        return None;
    }
    let kind = kind_of(category)?;
    Some(Match {
        kind,
        start,
        end: start + got.len(),
    })
}

/// A Japanese name before "と申します": kanji or kana, with at most one space between family
/// and given name, back to the clause's start.
fn name_before(text: &str, from: usize) -> Option<Match> {
    let name_char = |c: char| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '々');
    let before = &text[..from];
    let mut spaces = 0;
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| {
            spaces += usize::from(c == ' ' || c == '\u{3000}');
            name_char(c) || ((c == ' ' || c == '\u{3000}') && spaces <= 1)
        })
        .last()
        .map_or(from, |(k, _)| k);
    let v = text[start..from].trim_start();
    let start = from - v.len();
    let n = v.chars().filter(|&c| name_char(c)).count();
    ((2..=8).contains(&n)).then_some(Match {
        kind: Kind::PersonName,
        start,
        end: from,
    })
}

/// The value after a cue from `from` to `at`: skips separators, ends at the clause's end. A
/// `label` cue (a field label from the lexicon) counts only as a label: followed by a mark or a
/// copula, or by a number, or (a label in a script without spaces) by the value itself; and
/// the lexicon, reading the clause up to it, must agree on the category ("product name:" is
/// not a person's name).
fn value_after(
    text: &str,
    from: usize,
    at: usize,
    category: Category,
    label: bool,
) -> Option<Match> {
    let rest = &text[at..];
    let (skipped, separated, bracket) = separators(rest, category);
    let start = at + skipped;
    if label && !label_holds(text, from, at, category, separated, &text[start..]) {
        return None;
    }
    let tail = &text[start..];
    let mut end = tail.len();
    let mut prev: Option<char> = None;
    for (k, ch) in tail.char_indices() {
        let stop = match ch {
            '。' | ';' | '；' | '!' | '！' | '?' | '？' | '\n' | '"' | '」' => true,
            ')' | '）' => bracket,
            // Addresses have commas in them ("41, avenue de …"); other values end there.
            '，' | ',' | '、' => category != Category::Address,
            // "(02) 8978 7534" opens with one; after a name it is a remark ("Ashley (mum)").
            '(' | '（' => k > 0,
            // A full stop ends the clause; a dot inside a date, a number or an initial does not.
            '.' => {
                let next = tail[k + 1..].chars().next();
                let inner = next.is_some_and(|n| !n.is_whitespace());
                let initial = prev.is_some_and(char::is_uppercase)
                    && tail[..k]
                        .chars()
                        .rev()
                        .nth(1)
                        .is_none_or(|c| !c.is_alphanumeric());
                // Street and title abbreviations: "Stadelmannstr. 42", "St. Mary's Rd."
                let word = tail[..k]
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                let abbreviation = ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a))
                    || (word.len() > 3 && word.to_ascii_lowercase().ends_with("str"));
                !inner && !initial && !abbreviation
            }
            _ => false,
        };
        if stop {
            end = k;
            break;
        }
        prev = Some(ch);
    }
    let mut value = &tail[..end];
    // Cut at the first closer; one pass over the bytes (a closer opens on a character boundary).
    let b = value.as_bytes();
    if let Some(k) = (0..b.len()).find(|&k| {
        CLOSER_FIRST[usize::from(b[k])] && CLOSERS.iter().any(|c| b[k..].starts_with(c.as_bytes()))
    }) {
        value = &value[..k];
    }
    let value = value.trim_end_matches([' ', '\u{3000}', '\'', '’', '」']);
    // A value opens with a letter or a digit (a phone number also with + or a bracket):
    // ", 户籍地址" or "`xm`" after a label is the text going on, not a value.
    let opens = value.chars().next()?;
    if !(opens.is_alphanumeric() || (category == Category::Phone && matches!(opens, '+' | '('))) {
        return None;
    }
    let value = shape(value, category)?;
    let kind = kind_of(category)?;
    Some(Match {
        kind,
        start,
        end: start + value.len(),
    })
}

/// The kind of a value read for `category`.
fn kind_of(category: Category) -> Option<Kind> {
    Some(match category {
        Category::Name => Kind::PersonName,
        Category::BirthDate => Kind::Date,
        Category::Address => Kind::StreetAddress,
        Category::PostalCode => Kind::PostalCode,
        Category::Username => Kind::UsernameValue,
        Category::Phone => Kind::NationalPhone,
        Category::NationalId => Kind::NationalIdNumber,
        Category::School => Kind::SchoolValue,
        Category::Age => Kind::AgeValue,
        Category::BankAccount => Kind::BankCard,
        _ => return None,
    })
}

/// Whether a label cue from `from` to `at`, with `value` after it, is a label of `category`.
fn label_holds(
    text: &str,
    from: usize,
    at: usize,
    category: Category,
    separated: bool,
    value: &str,
) -> bool {
    let digit_kind = written_with_digits(category);
    // A label inside a code or a path ("TS-BLK-M", "user.name") is not one.
    if text[..from]
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '-' | '_' | '.' | '/' | '@' | '#'))
    {
        return false;
    }
    let first = value.chars().next();
    // A label in a script without spaces, glued to more of that script, is a word of the
    // sentence ("地址后面加上…"); its value follows after a space or is written in Latin
    // letters or digits ("账号juanzhu").
    let gap = text[at..].len() > value.len()
        && text[at..text.len() - value.len()].contains(char::is_whitespace);
    let unspaced =
        !text[from..at].is_ascii() && (gap || first.is_some_and(|c| c.is_ascii_alphanumeric()));
    let clause_alone = category == Category::Username
        && value
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
            .is_none_or(|k| !value[k..].starts_with(' '));
    if !(separated
        || (digit_kind && first.is_some_and(|c| c.is_ascii_digit()))
        || unspaced
        || clause_alone)
    {
        return false;
    }
    let window = &text[clause_start(text, from)..at];
    let chars = window.chars().count() as u32;
    lexicon()
        .find(window, Source::Label)
        .iter()
        .any(|h| h.end == chars && h.category == category)
}

/// The date at the start of `v`, without the sentence going on after it ("4 March 2015 and I
/// love cats" → "4 March 2015"): words with a digit, month names and the small words between
/// them; in text without spaces, up to the last digit or date character (2015年3月4日).
fn date_part(v: &str) -> &str {
    const BETWEEN: &[&str] = &["de", "of", "the", "del", "le", "am", "der", "năm", "ngày"];
    let date_char = |c: char| c.is_ascii_digit() || "年月日号號년월일".contains(c);
    let mut end = 0;
    for w in v.split([' ', '\u{3000}']) {
        let bare = w.trim_matches(|c: char| matches!(c, ',' | '.' | '/' | '-'));
        let lower = bare.to_lowercase();
        let month = bare.len() <= 12 && MONTHS.iter().any(|m| lower.starts_with(m));
        let digit = bare.chars().any(|c| c.is_ascii_digit());
        if !(digit || month || BETWEEN.contains(&lower.as_str())) || w.is_empty() {
            break;
        }
        let at = w.as_ptr() as usize - v.as_ptr() as usize;
        end = if digit && !w.is_ascii() {
            // "2015年3月4日出生": up to the last date character.
            at + w.rfind(date_char).map_or(w.len(), |k| {
                k + w[k..].chars().next().map_or(1, char::len_utf8)
            })
        } else if BETWEEN.contains(&lower.as_str()) {
            end // not the end unless a date word follows
        } else {
            at + w.trim_end_matches([',', '-', '/']).len()
        };
    }
    &v[..end]
}

/// `v` cut to what a value of `category` can be, or `None` if it does not have its shape.
fn shape(v: &str, category: Category) -> Option<&str> {
    // Values written in ASCII end where another script starts again ("账号juanzhu被封了").
    let v = match category {
        Category::PostalCode
        | Category::Username
        | Category::Phone
        | Category::NationalId
        | Category::BankAccount => {
            v[..v.find(|c: char| !c.is_ascii()).unwrap_or(v.len())].trim_end()
        }
        _ => v,
    };
    let chars = v.chars().count();
    let digits = v.chars().filter(char::is_ascii_digit).count();
    let han = |c: char| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}');
    match category {
        Category::Name => {
            // (digits after the name are the sentence going on: "Rachael Cruz from the 3rd
            // floor"; the name is cut before them below)
            let v = &v[..v
                .find(|c: char| c.is_ascii_digit() || c == '@')
                .unwrap_or(v.len())];
            if v.trim().is_empty() {
                return None;
            }
            let first = v.chars().next()?;
            if han(first) {
                // A Chinese name is two to four characters; more is the sentence going on. A
                // Japanese one may have a space between family and given name.
                let run: usize = v.chars().take_while(|&c| han(c)).map(char::len_utf8).sum();
                let n = v[..run].chars().count();
                if let Some(given) = v[run..].strip_prefix([' ', '\u{3000}']) {
                    let more: usize = given
                        .chars()
                        .take_while(|&c| han(c))
                        .map(char::len_utf8)
                        .sum();
                    if more > 0 && n <= 3 && given[..more].chars().count() <= 3 {
                        return Some(&v[..run + 1 + more]);
                    }
                }
                let cut = if n <= 4 {
                    run
                } else {
                    v.char_indices().nth(3).map_or(run, |(k, _)| k)
                };
                return (n >= 2).then_some(&v[..cut]);
            }
            if first.is_alphabetic() && first.is_lowercase() && first.is_ascii() {
                return None; // "my name is on the list"
            }
            // Latin-script: up to five words, stopping at a lower-case word that is not a particle.
            let mut cut = 0;
            for (n, w) in v.split(' ').enumerate() {
                let lower = w.chars().next().is_some_and(char::is_lowercase)
                    && ![
                        "de", "da", "du", "van", "von", "la", "le", "dos", "das", "del", "y", "e",
                    ]
                    .contains(&w);
                if n >= 5 || w.is_empty() || (n > 0 && lower) {
                    break;
                }
                cut = w.as_ptr() as usize - v.as_ptr() as usize + w.len();
            }
            let name = v[..cut].trim_end();
            (name.chars().count() >= 2 && name.chars().count() <= 40).then_some(name)
        }
        Category::BirthDate => {
            let v = date_part(v);
            let lower = v.to_lowercase();
            let month = MONTHS.iter().any(|m| lower.contains(m));
            let digits = v.bytes().filter(u8::is_ascii_digit).count();
            (v.chars().count() <= 30 && (digits > 0 || month)).then_some(v)
        }
        Category::Address => {
            let words = v.split_whitespace().count();
            let cjk = v
                .chars()
                .filter(|&c| han(c) || ('\u{AC00}'..='\u{D7A3}').contains(&c))
                .count();
            // Street words are looked up only when nothing cheaper decides, one pass over words.
            let street = || {
                v.to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|t| STREET_WORDS.contains(&t))
            };
            let latin_ok =
                digits > 0 || v.chars().next().is_some_and(char::is_uppercase) || street();
            let marked = v.contains([
                '路', '街', '号', '號', '座', '室', '楼', '樓', '弄', '巷', '村',
            ]);
            let ok = (cjk >= 4
                || (cjk >= 3 && marked)
                || (words >= 2 && latin_ok)
                || (digits > 0 && chars >= 6))
                && chars <= 120;
            ok.then_some(v)
        }
        Category::PostalCode => {
            // One token ("55700", "803-0973"), or a British or Canadian outward and inward
            // code ("S42 4WF"); the sentence may go on after it ("PLZ 55700 nicht").
            let mut tokens = v.split(' ');
            let first = tokens.next()?.trim_end_matches(['.', ',']);
            let inward = |t: &str| {
                t.len() == 3
                    && t.as_bytes()[0].is_ascii_digit()
                    && t[1..].bytes().all(|b| b.is_ascii_uppercase())
            };
            let code = match tokens.next().map(|t| t.trim_end_matches(['.', ','])) {
                Some(t) if !first.bytes().all(|b| b.is_ascii_digit() || b == b'-') && inward(t) => {
                    &v[..first.len() + 1 + t.len()]
                }
                _ => first,
            };
            let ok = (3..=10).contains(&code.len())
                && code.bytes().any(|b| b.is_ascii_digit())
                && code
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-');
            ok.then_some(code)
        }
        Category::BankAccount => {
            // A card number: 12 to 19 digits in groups, passing the Luhn check.
            let cut = v
                .find(|c: char| !(c.is_ascii_digit() || c == ' ' || c == '-'))
                .unwrap_or(v.len());
            let number = v[..cut].trim_end_matches([' ', '-']);
            let mut digits = super::Digits::new();
            for b in number.bytes().filter(u8::is_ascii_digit) {
                if !digits.push(b) {
                    return None;
                }
            }
            let d = digits.as_slice();
            ((12..=19).contains(&d.len()) && super::card::luhn(d)).then_some(number)
        }
        Category::Username => {
            // The whole clause is the handle, or the handle has the digits or dots of one
            // ("username: please choose one" is an instruction).
            let token = v.split_whitespace().next()?;
            let alone = v.split_whitespace().count() == 1;
            let handle = token
                .chars()
                .any(|c| c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
            let ok = (3..=32).contains(&token.len())
                && (alone || handle)
                && token
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
            ok.then_some(token)
        }
        Category::Phone => {
            // The number and an extension; the sentence may go on after it ("… an.").
            let phoneish = |c: char| {
                c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '+' | '.' | 'x' | 'X')
            };
            let cut = v.find(|c: char| !phoneish(c)).unwrap_or(v.len());
            let number = v[..cut].trim_end_matches([' ', '-', '.', '(', 'x', 'X']);
            let digits = number.chars().filter(char::is_ascii_digit).count();
            let ok = (7..=18).contains(&digits) && number.chars().count() <= 32;
            ok.then_some(number)
        }
        Category::NationalId => {
            // The number's groups, up to the first word without a digit or a capital letter
            // ("804-23-5347 pls update my file"; France's NIR is written in groups: "1 85 05 78
            // 006 084 36", 2A and 2B for Corsica).
            let mut end = 0;
            for w in v.split(' ') {
                // (a UK NINO's letters stand alone: "QQ 12 34 56 C")
                let letters = w.trim_end_matches(['.', ',']);
                let prefix = (1..=2).contains(&letters.len())
                    && letters.bytes().all(|b| b.is_ascii_uppercase());
                if !w.bytes().any(|b| b.is_ascii_digit()) && !prefix {
                    break;
                }
                end = w.as_ptr() as usize - v.as_ptr() as usize + w.len();
            }
            let token = v[..end].trim_end_matches(['.', ',']);
            let digits = token.bytes().filter(u8::is_ascii_digit).count();
            let chars = token.chars().count();
            let ok = digits >= 4
                && chars <= 24
                && token
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '.' | '/'));
            ok.then_some(token)
        }
        Category::School => {
            // Up to the end of the first school word ("Riverside Primary School", "实验小学").
            let lower = v.to_lowercase();
            let end = SCHOOL_WORDS
                .iter()
                .filter_map(|w| lower.find(w).map(|k| k + w.len()))
                .min()?;
            // (lower-casing keeps these scripts' byte lengths)
            let name = v.get(..end)?;
            let named = SCHOOL_WORDS.iter().any(|w| {
                lower
                    .get(..end)
                    .is_some_and(|l| l.ends_with(w) && l.len() > w.len())
            });
            (named && name.chars().count() <= 40).then_some(name)
        }
        Category::Age => {
            // A number of years with its unit: "8岁", "8 years old", "10 ans", "7살".
            let digits = v
                .char_indices()
                .take_while(|(_, c)| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
                .last()
                .map(|(k, c)| k + c.len_utf8())?;
            let rest = &v[digits..];
            let unit = AGE_UNITS
                .iter()
                .find(|u| rest.trim_start().to_lowercase().starts_with(**u))?;
            let end = digits + (rest.len() - rest.trim_start().len()) + unit.len();
            (digits <= 6).then(|| v.get(..end)).flatten()
        }
        _ => None,
    }
}

/// Words that end a school's name.
const SCHOOL_WORDS: &[&str] = &[
    "幼儿园",
    "幼兒園",
    "小学",
    "小學",
    "中学",
    "中學",
    "学校",
    "學校",
    "学院",
    "學院",
    "大学",
    "大學",
    "高中",
    "初中",
    "学園",
    "学園",
    "학교",
    "유치원",
    "school",
    "academy",
    "kindergarten",
    "college",
    "école",
    "collège",
    "lycée",
    "escola",
    "escuela",
    "colegio",
    "schule",
    "gymnasium",
    "kita",
    "trường",
    "विद्यालय",
];

/// Units after an age in years.
const AGE_UNITS: &[&str] = &[
    "岁",
    "歲",
    "歳",
    "살",
    "세",
    "years",
    "year",
    "yrs",
    "ans",
    "anos",
    "años",
    "jahre",
    "jahr",
    "tuổi",
    "साल",
    "वर्ष",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(Category, &str)> {
        let mut out = Vec::new();
        scan(text, &[], &mut out);
        out.iter()
            .map(|m| (m.kind.category(), &text[m.start..m.end]))
            .collect()
    }

    /// Every cue of the table and every label read as a cue, as written and capitalised,
    /// passes the prefilters of the scan (a prefilter that rejected one would lose its values
    /// silently).
    #[test]
    fn the_prefilters_let_every_cue_through() {
        let c = cues();
        let table = CUES
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .map(|cue| cue.trim().trim_start_matches('…').to_string());
        let labels = Lexicon::label_terms()
            .filter(|&(term, category, weight)| {
                weight > Weight::Weak && LABEL_CATEGORIES.contains(&category) && term.len() > 2
            })
            .map(|(term, _, _)| term.to_string());
        let mut n = 0;
        for cue in table.chain(labels) {
            let mut chars = cue.chars();
            let capital: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .chain(chars)
                .collect();
            for text in [format!("{cue} 1"), format!("{capital} 1")] {
                assert!(c.may_open(&text, 0), "{text:?}");
                n += 1;
            }
        }
        assert!(n > 1000, "{n} cues");
    }

    #[test]
    fn values_after_their_cues() {
        assert_eq!(
            found("我叫王小明，今年八岁。"),
            [(Category::Name, "王小明"), (Category::Age, "八岁")]
        );
        assert_eq!(
            found("我今年8岁，就读于北京市海淀区实验小学三年级。"),
            [
                (Category::Age, "8岁"),
                (Category::School, "北京市海淀区实验小学")
            ]
        );
        assert_eq!(
            found("I'm Ben. I go to Riverside Primary School and I am aged 9 years."),
            [
                (Category::School, "Riverside Primary School"),
                (Category::Age, "9 years")
            ]
        );
        // A school word alone is not a school's name; a number without a unit is not an age.
        assert_eq!(found("我们学校是最棒的！今年有100个新同学。"), []);
        assert_eq!(
            found("Hi, my name is Ashley Walker and I like cats."),
            [(Category::Name, "Ashley Walker")]
        );
        assert_eq!(
            found("제 이름은 김서윤입니다."),
            [(Category::Name, "김서윤")]
        );
        assert_eq!(
            found("私の名前は佐藤 健です。"),
            [(Category::Name, "佐藤 健")]
        );
        assert_eq!(
            found("My date of birth is 03/14/2015."),
            [(Category::BirthDate, "03/14/2015")]
        );
        assert_eq!(
            found("Ich wohne in der Hauptstraße 5, Berlin."),
            [(Category::Address, "Hauptstraße 5, Berlin")]
        );
        assert_eq!(
            found("我家住在北京市海淀区中关村大街1号。"),
            [(Category::Address, "北京市海淀区中关村大街1号")]
        );
        assert_eq!(
            found("Code postal 75008"),
            [(Category::PostalCode, "75008")]
        );
        assert_eq!(
            found("My username is kid_123."),
            [(Category::Username, "kid_123")]
        );
        assert_eq!(
            found("Call me at 0191 498 0093."),
            [(Category::Phone, "0191 498 0093")]
        );
        assert_eq!(
            found("身分證字號V250378492"),
            [(Category::NationalId, "V250378492")]
        );
    }

    #[test]
    fn labels_introductions_and_values_before_their_cue() {
        let cases: &[(&str, Category, &str)] = &[
            (
                "Geburtsdatum: 21.03.1980",
                Category::BirthDate,
                "21.03.1980",
            ),
            ("邮编是221001，地址在上面", Category::PostalCode, "221001"),
            ("우편번호는 56441입니다", Category::PostalCode, "56441"),
            (
                "生年月日（1979/11/01）が間違って",
                Category::BirthDate,
                "1979/11/01",
            ),
            ("账号juanzhu被封了", Category::Username, "juanzhu"),
            (
                "Card number: 5018 0000 0009",
                Category::BankAccount,
                "5018 0000 0009",
            ),
            (
                "孩子是2021年9月8日出生的",
                Category::BirthDate,
                "2021年9月8日",
            ),
            (
                "Mein Sohn ist am 3.8.2020 geboren.",
                Category::BirthDate,
                "3.8.2020",
            ),
            (
                "It says 23559 is an invalid zip code",
                Category::PostalCode,
                "23559",
            ),
            (
                "はじめまして、斎藤 翔太と申します。",
                Category::Name,
                "斎藤 翔太",
            ),
            ("你好，我是王芳，三年级的家长", Category::Name, "王芳"),
            (
                "Hiya, I'm Benjamin Marshall, just joined.",
                Category::Name,
                "Benjamin Marshall",
            ),
        ];
        for &(text, category, value) in cases {
            assert_eq!(found(text), [(category, value)], "{text}");
        }
    }

    #[test]
    fn cue_words_without_a_value() {
        for text in [
            "我是学生，我是三年级的。",
            "I'm happy to help. I am Not Sure.",
            "Product name: Widget Pro",
            "The account settings page is broken.",
            "Login: click the button below",
            "账号密码都忘了",
            "TS-BLK-M-0419",
            "出生证明已经交了",
            "My name is on the list.",
            "I live at the beach in summer.",
            "Born in Paris, raised in Lyon.",
            "The zip code field is optional.",
            "Call me at noon.",
            "ship it to me tomorrow",
            "username: please choose one",
        ] {
            assert_eq!(found(text), [], "{text}");
        }
    }
}
