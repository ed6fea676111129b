//! Personal names beyond Chinese (Chinese names are `lexical`): Korean (a family name from the
//! table and one to three more syllables), Japanese (family and given name in kanji or kana
//! with a space between, as forms write them), Vietnamese (a family name from the table, then
//! capitalised words) and Latin-script names whose first word is a common given name, with the
//! particles of French, Spanish, Portuguese, Dutch and German names between. The tables are
//! `data/names.txt` with their sources. Like every dictionary reading this is only
//! [`Strength::Shaped`]: it decides a field whose name and label say nothing.

use std::sync::OnceLock;

use super::{push, Detection, Kind, Strength};

const NAMES: &str = include_str!("data/names.txt");

/// Name particles (lower-cased), allowed between the words of a Latin-script name.
const PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "di", "da", "das", "do", "dos", "du", "la", "le", "van", "von",
    "y", "e", "bin", "ben", "al",
];

struct Tables {
    korean: Vec<&'static str>,
    vietnamese: Vec<&'static str>,
    given: Vec<&'static str>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Tables {
            korean: Vec::new(),
            vietnamese: Vec::new(),
            given: Vec::new(),
        };
        let mut section = "";
        for line in NAMES.lines() {
            if let Some(name) = line.strip_prefix("# --- ") {
                section = name.trim_end_matches(" ---").trim();
                continue;
            }
            if line.starts_with('#') {
                continue;
            }
            let list = match section {
                "korean_surname" => &mut t.korean,
                "vietnamese_surname" => &mut t.vietnamese,
                "given" => &mut t.given,
                _ => continue,
            };
            list.extend(line.split_whitespace());
        }
        for list in [&mut t.korean, &mut t.vietnamese, &mut t.given] {
            list.sort_unstable();
            list.dedup();
        }
        t
    })
}

fn hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

fn kanji_or_kana(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '々')
}

/// A word written as a name: an upper-case letter, then lower-case letters, with inner `'`,
/// `-` or `.` (O'Brien, Jean-Luc, St. …).
fn capitalised(w: &str) -> bool {
    w.chars().count() >= 2
        && w.split(['-', '\'', '’']).all(|part| {
            let mut chars = part.chars();
            chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
        })
}

/// Adds a name reading of the whole value `v` to `out`.
pub(crate) fn detect(v: &str, out: &mut Vec<Detection>) {
    if v.len() > 80 || v.chars().any(|c| c.is_ascii_digit() || c == '@') {
        return;
    }
    if is_name(v) {
        push(out, Kind::PersonName, Strength::Shaped);
    } else if is_korean_region(v) {
        push(out, Kind::RegionName, Strength::Shaped);
    }
}

/// After a self-introduction or a sign-off ("我是…", "I'm …", "Cheers,"), whether `v` is a name
/// rather than the sentence going on ("我是学生", "I'm happy"): a Chinese name opening with a
/// family name from the table, a name [`is_name`] reads, or two or more capitalised words.
pub(crate) fn recognised(v: &str) -> bool {
    if super::lexical::family_name_len(v).is_some() || is_name(v) {
        return true;
    }
    // Words a title-cased phrase has and a name does not ("I am Not Sure", "I'm In Town").
    const NOT_IN_NAMES: &[&str] = &[
        "not", "sure", "the", "an", "and", "or", "in", "on", "at", "to", "from", "for", "with",
        "here", "there", "very", "so", "just", "still", "also", "ready", "fine", "good", "happy",
        "sorry", "glad", "new", "back", "home", "going", "now", "your", "my", "our", "team", "ein",
        "eine", "der", "die", "das", "nicht", "hier", "und", "les", "un", "une", "pas", "très",
        "ici", "et", "um", "uma", "não", "aqui", "muito",
    ];
    let words: Vec<&str> = v.split(' ').collect();
    words.len() >= 2
        && words.len() <= 5
        && !words
            .iter()
            .any(|w| NOT_IN_NAMES.iter().any(|n| w.eq_ignore_ascii_case(n)))
        && words
            .iter()
            .all(|w| capitalised(w) || PARTICLES.contains(w))
        && capitalised(words[0])
}

/// The whole value reads as a Korean, Japanese, Vietnamese or Latin-script personal name.
pub fn is_name(v: &str) -> bool {
    // A Latin-script name has two capitalised words: most values are rejected here, before
    // anything is allocated.
    if v.is_ascii() && (!v.contains(' ') || !v.starts_with(|c: char| c.is_ascii_uppercase())) {
        return false;
    }
    // Every other reading below has two words, except a Korean name written in Hangul.
    if !v.contains([' ', '\u{3000}']) && !v.chars().all(hangul) {
        return false;
    }
    let t = tables();
    let chars: Vec<char> = v.chars().collect();
    // Korean: 2–4 syllables, no space, opening with a family name (two-syllable ones first);
    // not a place (고양시, 홍성군: see `is_korean_region`).
    if (2..=4).contains(&chars.len()) && chars.iter().all(|&c| hangul(c)) {
        if is_korean_region(v) {
            return false;
        }
        let two: String = chars[..2].iter().collect();
        let one: String = chars[..1].iter().collect();
        return (chars.len() >= 3 && t.korean.binary_search(&two.as_str()).is_ok())
            || t.korean.binary_search(&one.as_str()).is_ok();
    }
    let mut words: Vec<&str> = v
        .split([' ', '\u{3000}'])
        .filter(|w| !w.is_empty())
        .collect();
    // Titles before a name and degrees after it (Dr, Prof., Mme, Herr, B.Sc., Jr.).
    let mut titled = false;
    while words.len() > 2
        && TITLES.contains(&words[0].trim_end_matches('.').to_lowercase().as_str())
    {
        words.remove(0);
        titled = true;
    }
    while words.len() > 2
        && words[words.len() - 1].contains('.')
        && words[words.len() - 1].len() <= 6
    {
        words.pop();
    }
    // Japanese: family and given name, each 1–4 kanji or kana, a space between.
    if let [family, given] = words.as_slice() {
        let jp = |w: &str| (1..=4).contains(&w.chars().count()) && w.chars().all(kanji_or_kana);
        if jp(family) && jp(given) {
            return true;
        }
    }
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let particle = |i: usize| PARTICLES.contains(&lower[i].as_str());
    let shaped = words
        .iter()
        .enumerate()
        .all(|(i, w)| capitalised(w) || (i > 0 && i + 1 < words.len() && particle(i)));
    if !shaped || particle(words.len() - 1) {
        return false;
    }
    // A title before capitalised words (`Prof. Klaudia Wagenknecht`) makes them a name.
    if titled && words.len() <= 4 {
        return true;
    }
    // Vietnamese: the family name comes first (or last, as Western forms put it, then with
    // the diacritics that mark the name as Vietnamese somewhere in it).
    if t.vietnamese.binary_search(&lower[0].as_str()).is_ok()
        || (!v.is_ascii()
            && t.vietnamese
                .binary_search(&lower[lower.len() - 1].as_str())
                .is_ok())
    {
        return true;
    }
    // Elsewhere the given name comes first (a hyphenated one by its first part: Jean-Luc).
    let first = lower[0].split('-').next().unwrap_or_default();
    words.len() <= 4 && t.given.binary_search(&first).is_ok()
}

/// Titles that may stand before a name (lower-cased, without a final dot).
const TITLES: &[&str] = &[
    "dr", "prof", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "mme", "mlle", "m", "herr",
    "frau", "sr", "sra", "srta", "dra", "dom", "dona",
];

/// A Korean place name: 2–5 syllables ending in an administrative unit (시 city, 군 county,
/// 구 district, 도 province, 읍 / 면 town, 동 / 리 neighbourhood).
pub fn is_korean_region(v: &str) -> bool {
    let n = v.chars().count();
    (2..=5).contains(&n)
        && v.chars().all(hangul)
        && v.ends_with(['시', '군', '구', '도', '읍', '면', '동', '리'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_several_countries() {
        for v in [
            "김민준",
            "이서연",
            "남궁민수",
            "佐藤 健",
            "山田　花子",
            "すずき はなこ",
            "Nguyễn Văn An",
            "Trần Thị Bích Ngọc",
            "Ashley Walker",
            "Jean-Luc Picard",
            "Caroline de la Brunel",
            "Maria da Silva Santos",
            "Vincent van Gogh",
            "Dr Billy Williams",
            "Prof. Anna Wagner",
            "Thành Mai",
        ] {
            assert!(is_name(v), "{v}");
        }
        for v in [
            "사과나무", // a word, no family name first … (사 is a family name: see below)
            "Data scientist",
            "Walker Ltd",
            "New York",
            "Rose",
            "Mary",
            "Victoria Station Road Main Street",
            "THE END",
            "客服 支持 中心",
            "jean dupont",
            "Jean de",
            "고양시",
            "Welcome To",
        ] {
            if v == "사과나무" {
                // A Korean word that opens with a family-name syllable reads as a name: it is
                // only a shaped reading, overridden by any label.
                assert!(is_name(v));
                continue;
            }
            assert!(!is_name(v), "{v}");
        }
    }
}
