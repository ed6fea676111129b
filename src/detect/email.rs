//! E-mail addresses: the pragmatic subset of RFC 5322 §3.4.1 `addr-spec` that RFC 5321
//! mailboxes use in practice.
//!
//! * local part: a dot-atom — `atext` characters (letters, digits and
//!   ``!#$%&'*+/=?^_`{|}~-``) with single dots, not at either end; at most 64 octets. Quoted
//!   local parts are not accepted.
//! * domain: at least two labels separated by dots; each label 1–63 octets of letters,
//!   digits and hyphens, not starting or ending with a hyphen (RFC 1035 LDH rule, RFC 5890
//!   IDN labels with non-ASCII letters are allowed, e.g. `例子.中国`); the top-level label is
//!   alphabetic with at least two letters (or an IDN / `xn--` label); at most 253 octets.
//!   Address literals (`[192.0.2.1]`) are not accepted.
//! * the whole address is at most 254 octets (RFC 5321 §4.5.3.1 path limit).
//!
//! In free text, an address is found from its `@`: the local part is the run of `atext`
//! before it (starting at a letter, digit or `_`, so quotes and brackets around it stay out),
//! the domain the run of labels after it (a trailing dot or hyphen is not part of it, and an
//! ASCII top-level label ends where CJK text starts: "a@b.com谢谢").

use super::{push, Detection, Kind, Strength};

const MAX_LOCAL: usize = 64;
const MAX_DOMAIN: usize = 253;
const MAX_TOTAL: usize = 254;

/// RFC 5322 `atext`.
pub fn is_atext(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~-".contains(&c)
}

/// A dot-atom local part of 1–64 octets.
pub fn is_valid_local(l: &[u8]) -> bool {
    !l.is_empty()
        && l.len() <= MAX_LOCAL
        && l.first() != Some(&b'.')
        && l.last() != Some(&b'.')
        && !l.windows(2).any(|w| w == b"..")
        && l.iter().all(|&c| is_atext(c) || c == b'.')
}

/// Non-ASCII characters allowed in an IDN label: anything but whitespace, controls and
/// punctuation/symbol blocks (so "。", "，", "：" end a domain in Chinese text).
fn is_idn_char(c: char) -> bool {
    !c.is_ascii()
        && !c.is_whitespace()
        && !c.is_control()
        && !matches!(c,
            '\u{80}'..='\u{BF}'
            | '\u{D7}'
            | '\u{F7}'
            | '\u{2000}'..='\u{2BFF}'
            | '\u{3000}'..='\u{303F}'
            | '\u{FE10}'..='\u{FE6F}'
            | '\u{FF00}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}'
            | '\u{FF5B}'..='\u{FF65}'
            | '\u{FFF0}'..='\u{FFFF}')
}

fn is_label_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || is_idn_char(c)
}

fn is_valid_label(l: &str) -> bool {
    !l.is_empty()
        && l.len() <= 63
        && !l.starts_with('-')
        && !l.ends_with('-')
        && l.chars().all(is_label_char)
}

fn is_valid_tld(l: &str) -> bool {
    if l.is_ascii() {
        (l.len() >= 2 && l.bytes().all(|c| c.is_ascii_alphabetic()))
            || (l.len() > 4 && l.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("xn--")))
    } else {
        l.chars().all(|c| is_idn_char(c) && c.is_alphabetic())
    }
}

/// A domain of at least two valid labels with a valid top-level label.
pub fn is_valid_domain(d: &str) -> bool {
    if d.is_empty() || d.len() > MAX_DOMAIN {
        return false;
    }
    let mut labels = 0;
    let mut last = "";
    for l in d.split('.') {
        if !is_valid_label(l) {
            return false;
        }
        labels += 1;
        last = l;
    }
    labels >= 2 && is_valid_tld(last)
}

/// The whole value (surrounding whitespace ignored) is an e-mail address.
pub fn is_valid(s: &str) -> bool {
    let s = s.trim();
    if s.len() > MAX_TOTAL {
        return false;
    }
    match s.rsplit_once('@') {
        Some((local, domain)) => is_valid_local(local.as_bytes()) && is_valid_domain(domain),
        None => false,
    }
}

/// Whole-value detection.
pub(crate) fn detect(v: &str, out: &mut Vec<Detection>) {
    if is_valid(v) {
        push(out, Kind::Email, Strength::Validated);
    }
}

/// The domain run starting at byte `start`: labels joined by single dots (a dot is taken
/// only between a character that may end a label and one that may open one: not a hyphen,
/// RFC 1035 2.3.1), at most 253 bytes. Returns its end.
fn domain_run(text: &str, start: usize) -> Option<usize> {
    let rest = text.get(start..)?;
    let mut end = 0;
    let mut prev_dot = true; // the domain cannot start with a dot
    let mut iter = rest.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if i > MAX_DOMAIN {
            return None;
        }
        if c == '.' {
            let next_ok = iter
                .peek()
                .is_some_and(|&(_, n)| is_label_char(n) && n != '-');
            if prev_dot || !next_ok || rest[..i].ends_with('-') {
                break;
            }
            prev_dot = true;
            continue;
        }
        if !is_label_char(c) {
            break;
        }
        prev_dot = false;
        end = i + c.len_utf8();
    }
    (end > 0).then_some(start + end)
}

/// Trims a domain found in running text: trailing hyphens go, and an ASCII top-level label
/// ends where non-ASCII text starts ("b.com谢谢" → "b.com").
fn trim_domain(d: &str) -> &str {
    let mut d = d;
    let last_start = d.rfind('.').map_or(0, |p| p + 1);
    if let Some(last) = d.get(last_start..) {
        if last.chars().next().is_some_and(|c| c.is_ascii()) {
            if let Some(cut) = last.find(|c: char| !c.is_ascii()) {
                d = d.get(..last_start + cut).unwrap_or(d);
            }
        }
    }
    d.trim_end_matches('-')
}

/// Every e-mail address in `text`, found from its `@` (linear: the runs scanned left and
/// right of one `@` never cross another `@`).
pub(crate) fn scan_into(text: &str, out: &mut Vec<super::Match>) {
    let b = text.as_bytes();
    // (`match_indices` on a char finds it with the standard library's memchr)
    for (at, _) in text.match_indices('@') {
        // Local part: the atext/dot run before '@' (too long → not an address).
        let mut s = at;
        while s > 0 && at - s <= MAX_LOCAL {
            match b.get(s - 1) {
                Some(&c) if is_atext(c) || c == b'.' => s -= 1,
                _ => break,
            }
        }
        if at - s > MAX_LOCAL {
            continue;
        }
        while s < at
            && !b
                .get(s)
                .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')
        {
            s += 1;
        }
        let Some(local) = b.get(s..at) else { continue };
        if !is_valid_local(local) {
            continue;
        }
        let Some(dend) = domain_run(text, at + 1) else {
            continue;
        };
        let Some(domain) = text.get(at + 1..dend).map(trim_domain) else {
            continue;
        };
        let end = at + 1 + domain.len();
        if end - s <= MAX_TOTAL && is_valid_domain(domain) {
            out.push(super::Match {
                kind: Kind::Email,
                start: s,
                end,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_addresses() {
        for s in [
            "Ming.Li@Example.com",
            "zhang.san@163.com",
            "13912345678@qq.com",
            "a@b.cn",
            "user+tag@sub.example.co.uk",
            "o'brien@example.ie",
            "x_y-z@my-domain.org",
            "test@例子.中国",
            "a@b.xn--fiqs8s",
            "a@münchen.de",
            "!#$%&'*+/=?^_`{|}~-@example.com",
        ] {
            assert!(is_valid(s), "{s}");
        }
        assert!(!is_valid("a@xn--fiqs8s")); // one label
        assert!(!is_valid("张@例子.中国")); // non-ASCII local part is not dot-atom
    }

    #[test]
    fn invalid_addresses() {
        let long_local = format!("{}@example.com", "a".repeat(65));
        let long_label = format!("a@{}.com", "b".repeat(64));
        for s in [
            "plainaddress",
            "@example.com",
            "a@",
            "a@b",
            "a@b.c",
            "a@b.c1",
            "a@1.2.3.4",
            ".a@b.com",
            "a.@b.com",
            "a..b@b.com",
            "a@b..com",
            "a@-b.com",
            "a@b-.com",
            "a@.b.com",
            "a@b.com.",
            "a b@c.com",
            "a@b c.com",
            "a@b@c.com",
            "\"a b\"@c.com",
            "a@[192.0.2.1]",
            long_local.as_str(),
            long_label.as_str(),
        ] {
            assert!(!is_valid(s), "{s}");
        }
    }

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        scan_into(text, &mut out);
        out.iter().map(|m| &text[m.start..m.end]).collect()
    }

    #[test]
    fn scanner() {
        assert_eq!(found("email me: a.b@example.com."), ["a.b@example.com"]);
        assert_eq!(found("请发邮件到zhang@163.com谢谢"), ["zhang@163.com"]);
        assert_eq!(found("(ming@x.cn)"), ["ming@x.cn"]);
        assert_eq!(found("'ming@x.cn'"), ["ming@x.cn"]);
        assert_eq!(found("a@例子.中国。"), ["a@例子.中国"]);
        assert_eq!(found("a@b.com-"), ["a@b.com"]);
        assert_eq!(found("a@b.com.-"), ["a@b.com"]);
        assert_eq!(found("a@b.com-.x"), ["a@b.com"]);
        assert_eq!(found("two: a@b.com,c@d.org"), ["a@b.com", "c@d.org"]);
        assert!(found("@@@ a@ @b.com x@y").is_empty());
        assert!(found(&format!("{}@example.com", "a".repeat(80))).is_empty());
    }
}
