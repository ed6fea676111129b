//! Field-metadata lexicons: what a field's `name`, `label`, `placeholder` and `autocomplete`
//! say about its category.
//!
//! The tables are data files in `data/` (one term per line, with the category, a weight and a
//! note on where the term comes from), compiled into the binary with `include_str!` and parsed
//! once on first use:
//!
//! | file | matched against | how |
//! |---|---|---|
//! | `autocomplete.tsv` | the `autocomplete` attribute | first listed WHATWG field-name token |
//! | `en.tsv` | words of name, label, placeholder | contiguous word runs (`date of birth`) |
//! | `zh.tsv` | name, label, placeholder | substrings (`监护人手机号` contains `手机号`) |
//! | `intl.tsv` | name, label, placeholder | ja, ko, vi, hi, pt, es, fr, de: substrings when non-ASCII (`보호자 성명`), words when ASCII (`bairro`) |
//! | `pinyin.tsv` | words of the name only | whole words (`sfzh`, `xingming`) |
//!
//! Words come from splitting camelCase, snake_case, kebab-case, digits and punctuation
//! (`guardianPhone` → `guardian phone`); an all-lowercase run that is not itself a word is split
//! into known words when it can be (`homeaddress` → `home address`, `jhrxm` → `jhr xm`). Where
//! matches overlap, the longest wins, so compounds in the tables override their parts
//! (`order number` over `number`, `图形验证码` over `验证码`). Which of the remaining matches
//! decides the field is the classifier's business, not this module's.
//!
//! Matching uses small tries rather than a regex or Aho-Corasick crate: the tables are a few
//! thousand short terms, labels are short, and the tries cost a few kB of wasm.
#![forbid(unsafe_code)]

pub(crate) mod trie;
mod words;

use std::cell::RefCell;
use std::sync::OnceLock;

use crate::taxonomy::Category;
use trie::{CharTrie, Trie, NONE};
pub use words::{words, Word};

/// How much one term says on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weight {
    /// A hint (`guardian`, bare kinship words): only decides when nothing else is said.
    Weak,
    /// Usually means the category (`contact`, `联系方式`), but a strong term elsewhere wins.
    Medium,
    /// Decides the field by itself (`身份证号`, `date of birth`, `sfzh`).
    Strong,
}

/// Which part of the field's metadata a term was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// The `name` attribute (or the record key).
    Name,
    /// The visible label.
    Label,
    /// The placeholder text.
    Placeholder,
    /// The text of one of the choices offered (a select's option, a radio group's label).
    Option,
}

impl Source {
    /// The prefix of reasons from this source (`label:手机`).
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Name => "name",
            Source::Label => "label",
            Source::Placeholder => "placeholder",
            Source::Option => "option",
        }
    }
}

/// A lexicon term found in a piece of metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The category the term stands for.
    pub category: Category,
    /// How much it says on its own.
    pub weight: Weight,
    /// The term as written in the table.
    pub term: &'static str,
    /// The term's index in the lexicon (see [`Lexicon::term`]).
    pub entry: u32,
    /// Char span of the match in the (truncated) text, for overlap and position rules.
    pub start: u32,
    /// End of the span (exclusive).
    pub end: u32,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    term: &'static str,
    category: Category,
    weight: Weight,
}

/// The parsed tables. Obtain with [`lexicon`].
pub struct Lexicon {
    entries: Vec<Entry>,
    autocomplete: Vec<(&'static str, Category)>,
    /// Chinese (and mixed) terms, matched as substrings.
    zh: CharTrie,
    /// Every English word used in a phrase → word id (used for splitting and phrase walks).
    en_words: CharTrie,
    /// Phrases over word ids → entry.
    en_phrases: Trie<u32>,
    /// Pinyin tokens → entry; also the vocabulary for splitting pinyin runs.
    pinyin: CharTrie,
    /// Terms that count only as the whole text (`=date` in a table): a bare "Date" or "月" is
    /// a date, or a part of one, but "date" inside "update" or 月 inside 月收入 is not.
    whole: CharTrie,
    /// The longest whole-text term, in chars: longer texts are not looked up at all.
    whole_max: usize,
}

/// Reused working buffers of [`Lexicon::find_into`].
#[derive(Default)]
struct Scratch {
    cased: Vec<char>,
    lower: Vec<char>,
    words: Vec<Word>,
    seq: Vec<(u32, usize, usize)>,
    hits: Vec<Hit>,
    depth: Vec<u32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Metadata longer than this is truncated before matching: labels are short, and a megabyte of
/// "label" must not cost more than a label.
pub const MAX_METADATA_CHARS: usize = 256;

// The tables as compacted by build.rs (notes and comments stripped).
const AUTOCOMPLETE: &str = include_str!(concat!(env!("OUT_DIR"), "/autocomplete.tsv"));
const EN: &str = include_str!(concat!(env!("OUT_DIR"), "/en.tsv"));
const ZH: &str = include_str!(concat!(env!("OUT_DIR"), "/zh.tsv"));
const INTL: &str = include_str!(concat!(env!("OUT_DIR"), "/intl.tsv"));
const PINYIN: &str = include_str!(concat!(env!("OUT_DIR"), "/pinyin.tsv"));

/// The lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static PARSED: OnceLock<Lexicon> = OnceLock::new();
    PARSED.get_or_init(Lexicon::parse)
}

/// The data lines of a table: `(line number, columns)`, comments and blanks skipped.
fn rows(table: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    table
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

fn parse_weight(s: &str) -> Option<Weight> {
    match s {
        "strong" => Some(Weight::Strong),
        "medium" => Some(Weight::Medium),
        "weak" => Some(Weight::Weak),
        _ => None,
    }
}

/// A table line that does not parse. Only tests see these: a bad line is skipped at run time.
#[cfg(test)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    /// `en.tsv:12`.
    pub at: String,
    /// What is wrong.
    pub problem: String,
}

fn entry_of(cols: &[&'static str]) -> Result<Entry, String> {
    let term = *cols.first().ok_or("empty line")?;
    let category = cols
        .get(1)
        .and_then(|c| Category::from_id(c))
        .ok_or_else(|| format!("unknown category {:?}", cols.get(1)))?;
    let weight = cols.get(2).and_then(|w| parse_weight(w)).ok_or_else(|| {
        format!(
            "weight must be strong, medium or weak, not {:?}",
            cols.get(2)
        )
    })?;
    if term.is_empty() || term != term.to_lowercase() {
        return Err(format!("term {term:?} must be non-empty and lowercase"));
    }
    Ok(Entry {
        term,
        category,
        weight,
    })
}

impl Lexicon {
    fn parse() -> Lexicon {
        let mut lex = Lexicon {
            entries: Vec::new(),
            autocomplete: Vec::new(),
            zh: CharTrie::default(),
            en_words: CharTrie::default(),
            en_phrases: Trie::default(),
            pinyin: CharTrie::default(),
            whole: CharTrie::default(),
            whole_max: 0,
        };
        for (_, cols) in rows(AUTOCOMPLETE) {
            if let (Some(token), Some(cat)) =
                (cols.first(), cols.get(1).and_then(|c| Category::from_id(c)))
            {
                lex.autocomplete.push((token, cat));
            }
        }
        lex.autocomplete.sort_unstable_by_key(|(t, _)| *t);
        // Other languages go with Chinese: substrings when non-ASCII, words when ASCII.
        for (table, kind) in [
            (EN, Table::En),
            (ZH, Table::Zh),
            (INTL, Table::Zh),
            (PINYIN, Table::Pinyin),
        ] {
            for (_, cols) in rows(table) {
                if let Ok(entry) = entry_of(&cols) {
                    lex.insert(entry, kind);
                }
            }
        }
        // Direct tables for the roots: ASCII for the word tries, the CJK block for Chinese
        // terms (~160 kB of memory, one lookup instead of a binary search per character).
        lex.en_words.index_root(128);
        lex.pinyin.index_root(128);
        lex.zh.index_root(0xA000);
        let words = lex.en_words.len();
        lex.en_phrases.index_root(words);
        lex
    }

    fn insert(&mut self, mut entry: Entry, table: Table) {
        let id = self.entries.len() as u32;
        if let Some(term) = entry.term.strip_prefix('=') {
            entry.term = term;
            self.whole_max = self.whole_max.max(term.chars().count());
            if self.whole.insert(term.chars(), id) {
                self.entries.push(entry);
            }
            return;
        }
        // A "Chinese" term that is plain ASCII words is an English term: substring matching
        // would find `ip` inside `zip`.
        let table = match table {
            Table::Zh
                if entry
                    .term
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b' ') =>
            {
                Table::En
            }
            t => t,
        };
        match table {
            Table::Zh => {
                if self.zh.insert(entry.term.chars(), id) {
                    self.entries.push(entry);
                }
            }
            Table::Pinyin => {
                if self.pinyin.insert(entry.term.chars(), id) {
                    self.entries.push(entry);
                }
            }
            Table::En => {
                let mut path = Vec::new();
                for word in entry.term.split_whitespace() {
                    let word_id = self.en_words.get(word.chars()).unwrap_or_else(|| {
                        let next = self.en_words.len() as u32;
                        self.en_words.insert(word.chars(), next);
                        next
                    });
                    path.push(word_id);
                }
                if self.en_phrases.insert(path, id) {
                    self.entries.push(entry);
                }
            }
        }
    }

    /// The category named by an `autocomplete` attribute, with the index of the token that
    /// named it (see [`Lexicon::autocomplete_token`]).
    pub fn autocomplete(&self, attribute: &str) -> Option<(u32, Category)> {
        attribute.split_ascii_whitespace().find_map(|token| {
            let i = self
                .autocomplete
                .binary_search_by(|(t, _)| {
                    // Case-insensitive compare without allocating: table tokens are lowercase.
                    t.bytes().cmp(token.bytes().map(|b| b.to_ascii_lowercase()))
                })
                .ok()?;
            Some((i as u32, self.autocomplete[i].1))
        })
    }

    /// The autocomplete token with this index.
    pub fn autocomplete_token(&self, index: u32) -> Option<&'static str> {
        self.autocomplete.get(index as usize).map(|(t, _)| *t)
    }

    /// The terms of the word tables (English, Chinese and the other languages; not pinyin
    /// field names, not whole-text terms) with their category and weight: free text reads them
    /// as the label of a "label: value" pair (`detect::cues`).
    pub(crate) fn label_terms() -> impl Iterator<Item = (&'static str, Category, Weight)> {
        [EN, ZH, INTL]
            .into_iter()
            .flat_map(rows)
            .filter_map(|(_, cols)| entry_of(&cols).ok())
            .filter(|e| !e.term.starts_with('='))
            .map(|e| (e.term, e.category, e.weight))
    }

    /// The term with this index.
    pub fn term(&self, entry: u32) -> Option<&'static str> {
        self.entries.get(entry as usize).map(|e| e.term)
    }

    /// Every lexicon term in `text` (from `source`), overlaps resolved longest-first.
    pub fn find(&self, text: &str, source: Source) -> Vec<Hit> {
        let mut out = Vec::new();
        self.find_into(text, source, &mut out);
        out
    }

    /// [`Lexicon::find`], appending to `out`. Working buffers are reused between calls, so a
    /// form's worth of lookups allocates almost nothing.
    pub fn find_into(&self, text: &str, source: Source, out: &mut Vec<Hit>) {
        SCRATCH.with(|scratch| {
            let mut guard = scratch.borrow_mut();
            let s = &mut *guard;
            s.cased.clear();
            s.cased
                .extend(text.chars().take(MAX_METADATA_CHARS).map(fold_width));
            s.lower.clear();
            s.lower.extend(s.cased.iter().map(|&c| lower_char(c)));
            s.hits.clear();
            words::words_into(&s.cased, &mut s.words);
            self.find_words(&s.words, &s.lower, source, &mut s.seq, &mut s.hits);
            if !s.lower.iter().all(char::is_ascii) {
                // Every Chinese-table term has a non-ASCII char (ASCII ones live in en).
                self.find_zh(&s.lower, &mut s.hits);
            }
            self.find_whole(&s.lower, &mut s.hits);
            let first = out.len();
            resolve_overlaps(&mut s.hits, out);
            demote_parenthesized(&s.lower, &mut s.depth, &mut out[first..]);
        });
    }

    fn hit(&self, id: u32, start: usize, end: usize) -> Hit {
        let e = self.entries[id as usize];
        Hit {
            category: e.category,
            weight: e.weight,
            term: e.term,
            entry: id,
            start: start as u32,
            end: end as u32,
        }
    }

    fn find_words(
        &self,
        words: &[Word],
        chars: &[char],
        source: Source,
        seq: &mut Vec<(u32, usize, usize)>,
        hits: &mut Vec<Hit>,
    ) {
        // (word id, start, end) of every English word, after splitting unknown runs.
        seq.clear();
        for w in words {
            let token = &chars[w.start..w.end];
            let id = self
                .en_words
                .get(token.iter().copied())
                .or_else(|| self.singular(token));
            if let Some(id) = id {
                seq.push((id, w.start, w.end));
            } else if let Some(parts) = split_into(&self.en_words, token) {
                seq.extend(
                    parts
                        .into_iter()
                        .map(|(id, s, e)| (id, w.start + s, w.start + e)),
                );
            } else {
                seq.push((NONE, w.start, w.end));
            }
            // Pinyin only for words that are not English (the tables share no word).
            if source == Source::Name && id.is_none() {
                if let Some(direct) = self.pinyin.get(token.iter().copied()) {
                    hits.push(self.hit(direct, w.start, w.end));
                } else {
                    for (pid, s, e) in split_into(&self.pinyin, token).unwrap_or_default() {
                        hits.push(self.hit(pid, w.start + s, w.start + e));
                    }
                }
            }
        }
        for i in 0..seq.len() {
            let mut node = self.en_phrases.root();
            for &(word, _, end) in &seq[i..] {
                if word == NONE {
                    break;
                }
                match self.en_phrases.child(node, word) {
                    Some(next) => node = next,
                    None => break,
                }
                if let Some(id) = self.en_phrases.value(node) {
                    hits.push(self.hit(id, seq[i].1, end));
                }
            }
        }
    }

    /// The word id of the singular of an English plural (`immunizations`, `addresses`,
    /// `allergies`), so the tables need only one form.
    fn singular(&self, token: &[char]) -> Option<u32> {
        if token.len() < 4 || token.last() != Some(&'s') {
            return None;
        }
        let stem = &token[..token.len() - 1];
        let get = |w: &[char]| self.en_words.get(w.iter().copied());
        get(stem)
            .or_else(|| stem.strip_suffix(&['e']).and_then(get))
            .or_else(|| {
                let ies = stem.strip_suffix(&['i', 'e'])?;
                let mut y: Vec<char> = ies.to_vec();
                y.push('y');
                get(&y)
            })
    }

    /// A whole-text term: the text, trimmed of spaces, `:*?.` marks and a trailing
    /// parenthesis (`月(mm)`, `Năm:`, `Date *`), is the term. Spans the whole trimmed text, so
    /// it wins any overlap.
    fn find_whole(&self, chars: &[char], hits: &mut Vec<Hit>) {
        let mark = |c: &char| {
            c.is_whitespace() || matches!(c, ':' | '：' | '*' | '＊' | '?' | '？' | '.' | '。')
        };
        let mut end = chars.len();
        while end > 0 && mark(&chars[end - 1]) {
            end -= 1;
        }
        if end > 0 && chars[end - 1] == ')' {
            if let Some(open) = chars[..end].iter().rposition(|&c| c == '(') {
                end = open;
                while end > 0 && mark(&chars[end - 1]) {
                    end -= 1;
                }
            }
        }
        let start = chars[..end].iter().position(|c| !mark(c)).unwrap_or(end);
        if start >= end || end - start > self.whole_max {
            return;
        }
        if let Some(id) = self.whole.get(chars[start..end].iter().copied()) {
            hits.push(self.hit(id, start, end));
        }
    }

    fn find_zh(&self, chars: &[char], hits: &mut Vec<Hit>) {
        let ascii_word = |c: char| c.is_ascii_alphanumeric();
        for start in 0..chars.len() {
            if start > 0 && ascii_word(chars[start]) && ascii_word(chars[start - 1]) {
                continue; // a mixed term may not start inside an ASCII word
            }
            let mut node = self.zh.root();
            for (end, &c) in chars.iter().enumerate().skip(start) {
                match self.zh.child(node, c) {
                    Some(next) => node = next,
                    None => break,
                }
                let ends_inside_word =
                    ascii_word(c) && chars.get(end + 1).is_some_and(|&n| ascii_word(n));
                match self.zh.value(node) {
                    Some(id) if !ends_inside_word => hits.push(self.hit(id, start, end + 1)),
                    _ => {}
                }
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Table {
    En,
    Zh,
    Pinyin,
}

/// Folds full-width ASCII (`ＱＱ`) and the ideographic space to ASCII, so labels typed with a
/// Chinese input method match.
fn fold_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    }
}

/// Lower-cases one char, beyond ASCII too (`Địa chỉ`, `EMERGÊNCIA`, `Données`), keeping one char
/// for one char so that spans stay aligned with the cased text.
fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // Kana, CJK ideographs and Hangul have no case: no table search for them.
    if matches!(c, '\u{3000}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}') {
        return c;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Splits an unknown lowercase run into the fewest known words of at least two letters
/// (`homeaddress` → `home` `address`). `None` unless the whole run is covered.
fn split_into(vocabulary: &CharTrie, token: &[char]) -> Option<Vec<(u32, usize, usize)>> {
    const MAX_SPLIT_LEN: usize = 40;
    let n = token.len();
    if !(4..=MAX_SPLIT_LEN).contains(&n) || !token.iter().all(char::is_ascii_lowercase) {
        return None;
    }
    // best[i] = (pieces, previous cut, word id) for the prefix token[..i].
    let mut best: Vec<Option<(u8, usize, u32)>> = vec![None; n + 1];
    best[0] = Some((0, 0, NONE));
    for i in 0..n {
        let Some((pieces, _, _)) = best[i] else {
            continue;
        };
        let mut node = vocabulary.root();
        for (j, &c) in token.iter().enumerate().skip(i) {
            match vocabulary.child(node, c) {
                Some(next) => node = next,
                None => break,
            }
            if let Some(id) = vocabulary.value(node).filter(|_| j + 1 - i >= 2) {
                let candidate = (pieces + 1, i, id);
                if best[j + 1].is_none_or(|(p, _, _)| candidate.0 < p) {
                    best[j + 1] = Some(candidate);
                }
            }
        }
    }
    let mut parts = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, start, id) = best[end]?;
        parts.push((id, start, end));
        end = start;
    }
    parts.reverse();
    (parts.len() >= 2).then_some(parts)
}

/// A term inside parentheses or brackets qualifies the label rather than naming the field
/// ("Nationality (as shown on passport)", "支付宝账号（邮箱）"): it counts one level weaker.
fn demote_parenthesized(chars: &[char], depth: &mut Vec<u32>, hits: &mut [Hit]) {
    if !chars.iter().any(|c| matches!(c, '(' | '[' | '【')) {
        return;
    }
    depth.clear();
    let mut d = 0u32;
    for &c in chars {
        match c {
            '(' | '[' | '【' => d += 1,
            ')' | ']' | '】' => d = d.saturating_sub(1),
            _ => {}
        }
        depth.push(d);
    }
    for h in hits {
        if depth.get(h.start as usize).is_some_and(|&d| d > 0) {
            h.weight = match h.weight {
                Weight::Strong => Weight::Medium,
                _ => Weight::Weak,
            };
        }
    }
}

/// Appends to `out` the longest of overlapping `hits` (then the earliest), in text order.
fn resolve_overlaps(hits: &mut [Hit], out: &mut Vec<Hit>) {
    let first = out.len();
    crate::small_sort::sort_small_by_key(hits, |h| (std::cmp::Reverse(h.end - h.start), h.start));
    for &h in hits.iter() {
        if out[first..]
            .iter()
            .all(|k| h.end <= k.start || h.start >= k.end)
        {
            out.push(h);
        }
    }
    crate::small_sort::sort_small_by_key(&mut out[first..], |h| h.start);
}

/// Checks every line of the source tables (with their real line numbers); used by tests so that
/// a typo in a data file fails the tests instead of silently dropping a term.
#[cfg(test)]
pub fn validate_tables() -> Vec<TableError> {
    let mut problems = Vec::new();
    let sources = [
        ("en.tsv", include_str!("data/en.tsv")),
        ("zh.tsv", include_str!("data/zh.tsv")),
        ("intl.tsv", include_str!("data/intl.tsv")),
        ("pinyin.tsv", include_str!("data/pinyin.tsv")),
    ];
    for (name, table) in sources {
        let mut seen = std::collections::HashSet::new();
        for (line, cols) in rows(table) {
            let at = format!("{name}:{line}");
            match entry_of(&cols) {
                Err(problem) => problems.push(TableError { at, problem }),
                Ok(e) => {
                    if !seen.insert(e.term) {
                        problems.push(TableError {
                            at: at.clone(),
                            problem: format!("duplicate term {:?}", e.term),
                        });
                    }
                    let shape_ok = match name {
                        "en.tsv" => e
                            .term
                            .split(' ')
                            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())),
                        "pinyin.tsv" => e.term.bytes().all(|b| b.is_ascii_lowercase()),
                        _ => !e.term.contains('\t'),
                    };
                    if !shape_ok {
                        problems.push(TableError {
                            at,
                            problem: format!("term {:?} has the wrong shape for {name}", e.term),
                        });
                    }
                }
            }
        }
    }
    for (line, cols) in rows(include_str!("data/autocomplete.tsv")) {
        if cols.len() < 2 || Category::from_id(cols[1]).is_none() {
            problems.push(TableError {
                at: format!("autocomplete.tsv:{line}"),
                problem: format!("bad row {cols:?}"),
            });
        }
    }
    problems
}

#[cfg(test)]
mod tests;
