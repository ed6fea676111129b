//! Splitting identifiers and labels into words: camelCase, PascalCase, snake_case, kebab-case,
//! dotted and bracketed names, digits, punctuation and non-Latin text all separate words.

/// A word: the char span `start..end` of a run of ASCII letters or of ASCII digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// First char of the word.
    pub start: usize,
    /// One past its last char.
    pub end: usize,
}

/// The words of `chars` (original case, so that camelCase boundaries are visible).
///
/// `guardianPhone` → `guardian`, `Phone`; `IDCard` → `ID`, `Card`; `addr1` → `addr`, `1`;
/// `设备IMEI` → `IMEI`.
pub fn words(chars: &[char]) -> Vec<Word> {
    let mut out = Vec::new();
    words_into(chars, &mut out);
    out
}

/// [`words`] into a reused buffer (cleared first).
pub fn words_into(chars: &[char], out: &mut Vec<Word>) {
    out.clear();
    let mut start = None;
    for i in 0..chars.len() {
        let c = chars[i];
        if !c.is_ascii_alphanumeric() {
            if let Some(s) = start.take() {
                out.push(Word { start: s, end: i });
            }
            continue;
        }
        if let Some(s) = start {
            let prev = chars[i - 1];
            let next = chars.get(i + 1).copied().unwrap_or(' ');
            let boundary = prev.is_ascii_digit() != c.is_ascii_digit()
                || (prev.is_ascii_lowercase() && c.is_ascii_uppercase())
                || (prev.is_ascii_uppercase()
                    && c.is_ascii_uppercase()
                    && next.is_ascii_lowercase());
            if boundary {
                out.push(Word { start: s, end: i });
                start = Some(i);
            }
        } else {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: chars.len(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        words(&chars)
            .into_iter()
            .map(|w| {
                chars[w.start..w.end]
                    .iter()
                    .collect::<String>()
                    .to_ascii_lowercase()
            })
            .collect()
    }

    #[test]
    fn identifier_conventions() {
        assert_eq!(split("guardianPhone"), ["guardian", "phone"]);
        assert_eq!(split("GuardianPhone"), ["guardian", "phone"]);
        assert_eq!(split("guardian_phone"), ["guardian", "phone"]);
        assert_eq!(split("guardian-phone"), ["guardian", "phone"]);
        assert_eq!(split("user[email]"), ["user", "email"]);
        assert_eq!(split("contact.phone"), ["contact", "phone"]);
        assert_eq!(split("IDCard"), ["id", "card"]);
        assert_eq!(split("hkMacauPermit"), ["hk", "macau", "permit"]);
        assert_eq!(split("addr1"), ["addr", "1"]);
        assert_eq!(split("ZIP / Postal code"), ["zip", "postal", "code"]);
        assert_eq!(split("设备IMEI"), ["imei"]);
        assert_eq!(split("CSRF_TOKEN"), ["csrf", "token"]);
        assert!(split("姓名").is_empty());
    }
}
