//! Jurisdictions and the age below which a child's personal information needs a guardian.
//!
//! The table is data (`jurisdictions.tsv`), one row per jurisdiction with the law and the
//! provision it comes from, so adding a jurisdiction is adding a line. The classifier uses the
//! threshold to escalate every personal category to `sensitive` for a child (PIPL Art. 28
//! treats all PI of a child under 14 as sensitive), and the consent flow uses the same table for
//! its age gate (with `joint_from`, the age from which the child consents too).
#![forbid(unsafe_code)]

use std::sync::OnceLock;

use crate::error::Error;

/// The jurisdiction assumed when a caller names none: minform is built for the Chinese market.
pub const DEFAULT: &str = "CN";

/// One row of `jurisdictions.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jurisdiction {
    /// ISO 3166-1 alpha-2 code (or `EU` for the GDPR default).
    pub code: &'static str,
    /// A subject younger than this (in whole years) is a child here.
    pub child_below: u8,
    /// From this age a child consents too, jointly with the guardian (Vietnam: from 7, Decree
    /// 13/2023 Art. 20; France: every child under 15, Loi 78-17 Art. 45). `None`: the guardian
    /// alone.
    pub joint_from: Option<u8>,
    /// The law that sets the threshold.
    pub law: &'static str,
    /// The provision cited.
    pub source: &'static str,
    /// Position in [`all`].
    pub index: u32,
}

const TABLE: &str = include_str!("jurisdictions.tsv");

fn table() -> &'static [Jurisdiction] {
    static PARSED: OnceLock<Vec<Jurisdiction>> = OnceLock::new();
    PARSED.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .enumerate()
            .map(|(index, line)| {
                let mut cols = line.split('\t');
                let mut next = || cols.next().unwrap_or("");
                let code = next();
                let child_below = next().parse().unwrap_or(u8::MAX);
                let joint_from = next().parse().ok();
                Jurisdiction {
                    code,
                    child_below,
                    joint_from,
                    law: next(),
                    source: next(),
                    index: index as u32,
                }
            })
            .collect()
    })
}

/// Every known jurisdiction, in table order.
pub fn all() -> &'static [Jurisdiction] {
    table()
}

/// The jurisdiction for `code` (case-insensitive; `UK` means `GB`, `EL` means `GR`).
///
/// # Errors
/// [`Error::UnknownJurisdiction`] for a code not in the table, with `path`.
pub fn lookup(code: &str, path: &str) -> Result<&'static Jurisdiction, Error> {
    let upper = code.trim().to_ascii_uppercase();
    let canonical = match upper.as_str() {
        "UK" => "GB",
        "EL" => "GR",
        other => other,
    };
    table()
        .iter()
        .find(|j| j.code == canonical)
        .ok_or_else(|| Error::UnknownJurisdiction {
            path: path.into(),
            known: table()
                .iter()
                .map(|j| j.code)
                .collect::<Vec<_>>()
                .join(", "),
        })
}

impl Jurisdiction {
    /// Whether a subject of `age` years is a child here. Ages are compared as given, so 13.9 is
    /// under 14.
    pub fn is_child(&self, age: f64) -> bool {
        age < f64::from(self.child_below)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_every_row_cites_a_source() {
        assert!(all().len() >= 30);
        for j in all() {
            assert!(j.code.len() == 2, "{j:?}");
            assert!((12..=18).contains(&j.child_below), "{j:?}");
            assert!(!j.law.is_empty() && !j.source.is_empty(), "{j:?}");
        }
    }

    #[test]
    fn thresholds_from_product_md() {
        let t = |c: &str| lookup(c, "j").unwrap().child_below;
        assert_eq!(
            [
                t("CN"),
                t("US"),
                t("EU"),
                t("FR"),
                t("GB"),
                t("KR"),
                t("BR"),
                t("IN"),
                t("VN")
            ],
            [14, 13, 16, 15, 13, 14, 12, 18, 16]
        );
        assert_eq!(t("cn"), 14);
        let joint = |c: &str| lookup(c, "j").unwrap().joint_from;
        assert_eq!(
            [joint("VN"), joint("FR"), joint("CN")],
            [Some(7), Some(0), None]
        );
        assert_eq!(t("UK"), 13);
        assert_eq!(t("EL"), 15);
    }

    #[test]
    fn unknown_codes_are_errors_with_the_path() {
        let err = lookup("XX", "options.jurisdiction").unwrap_err();
        assert_eq!(err.code(), "unknown_jurisdiction");
        assert_eq!(err.path(), Some("options.jurisdiction"));
        assert!(err.to_string().contains("CN"));
    }

    #[test]
    fn child_is_strictly_below_the_threshold() {
        let cn = lookup("CN", "j").unwrap();
        assert!(cn.is_child(13.99));
        assert!(!cn.is_child(14.0));
    }
}
