//! Texts shown to people, by locale: the consent flow's screens, category and method names in
//! notices, durations in words. Each locale is one data file, `data/<tag>.json` (a flat map of
//! key → text or list of texts), found by `build.rs`, so adding a locale is adding a file; a
//! test checks that every file has every key of `en.json`.
//!
//! Templates name their inputs in braces (`{controller}`). [`fill`] leaves a template out
//! (returns `None`) when one of its inputs is empty, so a sentence about sensitive data is not
//! shown when the policy collects none.
#![forbid(unsafe_code)]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::error::Error;

mod files {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

/// The locale used when a text is missing from another locale's file.
pub const FALLBACK: &str = "en";

/// One locale's texts.
#[derive(Debug)]
pub struct Locale {
    /// Its tag (`zh-CN`, `en`): the file name.
    pub tag: &'static str,
    entries: BTreeMap<String, Entry>,
}

#[derive(Debug)]
enum Entry {
    One(String),
    Many(Vec<String>),
}

fn all() -> &'static [Locale] {
    static PARSED: OnceLock<Vec<Locale>> = OnceLock::new();
    PARSED.get_or_init(|| {
        files::FILES
            .iter()
            .map(|(tag, json)| {
                // The files are checked by the tests below; a key that is not text is skipped.
                let map: BTreeMap<String, serde_json::Value> =
                    serde_json::from_str(json).unwrap_or_default();
                let entries = map
                    .into_iter()
                    .filter_map(|(k, v)| match v {
                        serde_json::Value::String(s) => Some((k, Entry::One(s))),
                        serde_json::Value::Array(a) => Some((
                            k,
                            Entry::Many(
                                a.into_iter()
                                    .filter_map(|s| s.as_str().map(str::to_owned))
                                    .collect(),
                            ),
                        )),
                        _ => None,
                    })
                    .collect();
                Locale { tag, entries }
            })
            .collect()
    })
}

/// The tags of every locale, sorted.
pub fn tags() -> Vec<&'static str> {
    all().iter().map(|l| l.tag).collect()
}

/// The locale for `tag`: exact (case-insensitive), else one with the same language (`en-US` →
/// `en`, `zh-Hans-CN` → `zh-CN`).
///
/// # Errors
/// `invalid_argument` at `path`, naming the locales there are.
pub fn get(tag: &str, path: &str) -> Result<&'static Locale, Error> {
    let tag = tag.trim();
    let language = |t: &str| {
        t.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    all()
        .iter()
        .find(|l| l.tag.eq_ignore_ascii_case(tag))
        .or_else(|| {
            all()
                .iter()
                .find(|l| !tag.is_empty() && language(l.tag) == language(tag))
        })
        .ok_or_else(|| Error::InvalidArgument {
            path: path.into(),
            expected: format!("a locale: one of {}", tags().join(", ")).into(),
        })
}

/// The locale for `tag`, or [`FALLBACK`] when there is none.
pub fn get_or_fallback(tag: &str) -> &'static Locale {
    get(tag, "locale")
        .or_else(|_| get(FALLBACK, "locale"))
        .unwrap_or(&all()[0])
}

impl Locale {
    fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries.get(key).or_else(|| {
            all()
                .iter()
                .find(|l| l.tag == FALLBACK)
                .and_then(|en| en.entries.get(key))
        })
    }

    /// The text for `key` (from [`FALLBACK`] if this locale lacks it; the key itself if no
    /// locale has it, which a test rules out for the keys the code uses).
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        match self.entry(key) {
            Some(Entry::One(s)) => s,
            _ => key,
        }
    }

    /// The texts for `key` (a list), or none.
    pub fn texts(&self, key: &str) -> &[String] {
        match self.entry(key) {
            Some(Entry::Many(v)) => v,
            _ => &[],
        }
    }

    /// Whether this locale (or the fallback) has `key`.
    pub fn has(&self, key: &str) -> bool {
        self.entry(key).is_some()
    }

    /// `items` as a list in words: `a, b and c` / `a、b和c`.
    pub fn list<S: AsRef<str>>(&self, items: &[S]) -> String {
        let (sep, last) = (self.text("list.separator"), self.text("list.last"));
        let mut out = String::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(if i + 1 == items.len() { last } else { sep });
            }
            out.push_str(item.as_ref());
        }
        out
    }

    /// An ISO 8601 duration in words (`P1Y6M` → `1 year 6 months`, `1年6个月`); `None` if it
    /// is not one.
    pub fn duration(&self, iso: &str) -> Option<String> {
        let words = crate::policy::duration_parts(iso.trim())?
            .into_iter()
            .map(|(n, unit)| {
                let forms = self.texts(&format!("duration.{}", unit.designator()));
                let form = forms.get(usize::from(n != 1)).or(forms.first())?;
                Some(form.replace("{n}", &n.to_string()))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(words.join(self.text("duration.join")))
    }

    /// A distance in metres in words, rounded to two significant digits (`1.1 km`, `110 m`).
    pub fn distance(&self, metres: f64) -> String {
        let round2 = |x: f64| {
            if x <= 0.0 {
                return 0.0;
            }
            let scale = 10f64.powi(1 - x.log10().floor() as i32);
            (x * scale).round() / scale
        };
        let (n, key) = if metres >= 1000.0 {
            (round2(metres / 1000.0), "distance.km")
        } else {
            (round2(metres), "distance.m")
        };
        self.text(key).replace("{n}", &n.to_string())
    }

    /// [`fill`] on the text for `key`.
    pub fn fill(&self, key: &str, vars: &[(&str, &str)]) -> Option<String> {
        fill(self.text(key), vars)
    }
}

/// `template` with every `{name}` replaced by its value in `vars`; `None` when a value it uses
/// is empty. A name not in `vars` is left as written (a test keeps templates and code in step).
pub fn fill(template: &str, vars: &[(&str, &str)]) -> Option<String> {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match vars.iter().find(|(k, _)| *k == name) {
                    Some((_, "")) => return None,
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_every_key_of_the_fallback_with_the_same_shape() {
        let en = get(FALLBACK, "l").unwrap();
        assert!(tags().contains(&"zh-CN") && tags().contains(&"en"));
        for l in all() {
            for (key, entry) in &en.entries {
                let theirs = l.entries.get(key);
                let same = matches!(
                    (entry, theirs),
                    (Entry::One(_), Some(Entry::One(_))) | (Entry::Many(_), Some(Entry::Many(_)))
                );
                assert!(same, "{}: {key} missing or of another shape", l.tag);
                if let (Entry::Many(a), Some(Entry::Many(b))) = (entry, theirs) {
                    if key.ends_with(".paragraphs")
                        || key.starts_with("duration.")
                        || key.ends_with(".months")
                    {
                        assert_eq!(a.len(), b.len(), "{}: {key}", l.tag);
                    }
                }
            }
            assert_eq!(
                l.entries.len(),
                en.entries.len(),
                "{}: keys not in en",
                l.tag
            );
        }
    }

    /// A pseudonym is a keyed code: the organisation holding the key can check whether a given
    /// value matches it, and nobody without the key can. It is not encryption, and "cannot be
    /// reversed" is not true for whoever holds the key: no text may say otherwise.
    #[test]
    fn no_text_claims_a_keyed_code_is_encrypted_or_irreversible() {
        let claims = [
            "encrypt",
            "irreversib",
            "cannot be reversed",
            "can't be reversed",
            "cannot be turned back",
            "cannot be undone",
            "加密",
            "无法还原",
            "不可逆",
            "不能还原",
            "无法恢复",
        ];
        for l in all() {
            for (key, entry) in &l.entries {
                let texts: Vec<&String> = match entry {
                    Entry::One(s) => vec![s],
                    Entry::Many(v) => v.iter().collect(),
                };
                for t in texts {
                    let lower = t.to_lowercase();
                    for claim in claims {
                        assert!(
                            !lower.contains(claim),
                            "{}: {key} says {claim:?}: {t}",
                            l.tag
                        );
                    }
                }
            }
        }
        let en = get("en", "l").unwrap();
        assert!(en.text("method.hash").contains("holding the key"));
    }

    #[test]
    fn tags_resolve_by_language() {
        assert_eq!(get("en-US", "l").unwrap().tag, "en");
        assert_eq!(get("zh-Hans-CN", "l").unwrap().tag, "zh-CN");
        assert_eq!(get("ZH-cn", "l").unwrap().tag, "zh-CN");
        let e = get("fr", "options.locale").unwrap_err();
        assert_eq!(
            (e.code(), e.path()),
            ("invalid_argument", Some("options.locale"))
        );
        assert!(e.to_string().contains("zh-CN"));
        assert_eq!(get_or_fallback("fr").tag, "en");
    }

    #[test]
    fn durations_lists_distances_and_templates() {
        let (en, zh) = (get("en", "l").unwrap(), get("zh-CN", "l").unwrap());
        assert_eq!(en.duration("P1Y").as_deref(), Some("1 year"));
        assert_eq!(en.duration("P6M").as_deref(), Some("6 months"));
        assert_eq!(zh.duration("P1Y6M").as_deref(), Some("1年6个月"));
        assert_eq!(en.duration("PT12H").as_deref(), Some("12 hours"));
        assert_eq!(en.duration("P1DT30M").as_deref(), Some("1 day 30 minutes"));
        assert_eq!(en.duration("30 days"), None);
        assert_eq!(en.duration("P1"), None);
        assert_eq!(en.list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(zh.list(&["甲", "乙", "丙"]), "甲、乙和丙");
        assert_eq!(en.list(&["a"]), "a");
        assert_eq!(en.distance(1110.0), "1.1 km");
        assert_eq!(en.distance(111.0), "110 m");
        assert_eq!(zh.distance(11_100.0), "11公里");
        assert_eq!(
            fill("a {x} b {y}", &[("x", "1"), ("y", "2")]).as_deref(),
            Some("a 1 b 2")
        );
        assert_eq!(fill("a {x}", &[("x", "")]), None);
        assert_eq!(fill("{unknown} {", &[]).as_deref(), Some("{unknown} {"));
    }
}
