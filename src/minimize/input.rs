//! Records and consents from JSON, with paths in every error (`record.email`,
//! `consents.guardianVerified`). A record is an object of field name → a string, number,
//! boolean or an array of them, read in the order written.

use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use super::Consents;
use crate::classify::json::{located, Values};
use crate::error::Error;

/// A record's fields in order: name → values (as text), and whether the value was written as
/// an array (so the payload can keep that shape).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Name → values.
    pub fields: Vec<(String, Vec<String>)>,
    /// Per field: written as an array.
    pub lists: Vec<bool>,
}

struct RecordVisitor;

impl<'de> Visitor<'de> for RecordVisitor {
    type Value = Record;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of field name → value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record, A::Error> {
        let mut out = Record::default();
        while let Some((name, values)) = map.next_entry::<String, Values<'de>>()? {
            out.lists.push(values.list);
            out.fields
                .push((name, values.iter().map(str::to_owned).collect()));
        }
        Ok(out)
    }
}

struct RecordSeed(Record);

impl<'de> Deserialize<'de> for RecordSeed {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(RecordVisitor).map(RecordSeed)
    }
}

/// Reads a record.
///
/// # Errors
/// `invalid_argument` with the path of the bad part.
pub fn record_from_json(json: &str) -> Result<Record, Error> {
    // Fast path; only a failure is parsed again, tracking the path.
    if let Ok(RecordSeed(record)) = serde_json::from_str(json) {
        return Ok(record);
    }
    let mut de = serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize::<_, RecordSeed>(&mut de)
        .map(|r| r.0)
        .map_err(|e| located(e, "record"))
}

/// A record in the flat encoding the npm package builds when every value is plain: per field
/// the name, the number of values, then the values, all separated by U+0000
/// ([`crate::classify::FLAT_SEPARATOR`]). Borrows the text: no per-field copies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FlatRecord<'a> {
    /// Per field: the name and the range of its values in `values`.
    names: Vec<(&'a str, std::ops::Range<usize>)>,
    values: Vec<&'a str>,
}

impl<'a> FlatRecord<'a> {
    /// Reads the flat encoding.
    ///
    /// # Errors
    /// `invalid_argument` (path `record`) if the text is not in this encoding.
    pub fn parse(flat: &'a str) -> Result<FlatRecord<'a>, Error> {
        Self::parse_fields(flat, None)
    }

    /// [`FlatRecord::parse`], and the package's count of the fields it encoded must match.
    ///
    /// # Errors
    /// As [`FlatRecord::parse`], also for another number of fields.
    pub fn parse_counted(flat: &'a str, expected: usize) -> Result<FlatRecord<'a>, Error> {
        Self::parse_fields(flat, Some(expected))
    }

    fn parse_fields(flat: &'a str, expected: Option<usize>) -> Result<FlatRecord<'a>, Error> {
        let malformed = || Error::InvalidArgument {
            path: "record".into(),
            expected: "the flat record encoding of the minform package".into(),
        };
        let mut parts = crate::classify::json::flat_parts(flat);
        let mut out = FlatRecord::default();
        while let Some(name) = parts.next() {
            let n: usize = parts
                .next()
                .and_then(|n| n.parse().ok())
                .ok_or_else(malformed)?;
            let start = out.values.len();
            for _ in 0..n {
                out.values.push(parts.next().ok_or_else(malformed)?);
            }
            out.names.push((name, start..out.values.len()));
        }
        if expected.is_some_and(|n| n != out.len()) {
            return Err(malformed());
        }
        Ok(out)
    }

    /// The number of fields.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether there are no fields.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Name → values, in order.
    pub fn fields(&self) -> impl Iterator<Item = (&'a str, &[&'a str])> + '_ {
        self.names
            .iter()
            .map(|(name, range)| (*name, &self.values[range.clone()]))
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RawConsents {
    #[serde(default)]
    purposes: Vec<String>,
    #[serde(default)]
    sensitive_categories: Vec<String>,
    #[serde(default)]
    guardian_verified: bool,
}

/// Reads consents (`{ purposes, sensitiveCategories, guardianVerified }`, as
/// `ConsentFlow.consents()` gives them).
///
/// # Errors
/// `invalid_argument` with the path of the bad part.
pub fn consents_from_json(json: &str) -> Result<Consents, Error> {
    let mut de = serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize::<_, RawConsents>(&mut de)
        .map(|c| Consents {
            purposes: c.purposes,
            sensitive_categories: c.sensitive_categories,
            guardian_verified: c.guardian_verified,
        })
        .map_err(|e| located(e, "consents"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_keep_order_and_types_become_text() {
        let r = record_from_json(r#"{"z":"1","a":2,"m":[true,"x"],"n":null}"#).unwrap();
        let names: Vec<&str> = r.fields.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["z", "a", "m", "n"]);
        assert_eq!(r.fields[1].1, ["2"]);
        assert_eq!(r.fields[2].1, ["true", "x"]);
        assert!(r.fields[3].1.is_empty());
        assert_eq!(r.lists, [false, false, true, false]);
        let e = record_from_json(r#"{"a":{"b":1}}"#).unwrap_err();
        assert_eq!(e.path(), Some("record.a"));
        assert_eq!(record_from_json("[]").unwrap_err().path(), Some("record"));
    }

    #[test]
    fn flat_records_borrow_their_values() {
        let r = FlatRecord::parse("a\u{0}1\u{0}x\u{0}b\u{0}0\u{0}c\u{0}2\u{0}\u{0}y").unwrap();
        let fields: Vec<(&str, Vec<&str>)> = r.fields().map(|(k, v)| (k, v.to_vec())).collect();
        assert_eq!(
            fields,
            [("a", vec!["x"]), ("b", vec![]), ("c", vec!["", "y"])]
        );
        assert!(FlatRecord::parse("").unwrap().is_empty());
        assert_eq!(
            FlatRecord::parse_counted("a\u{0}1\u{0}x", 1).unwrap().len(),
            1
        );
        let e = FlatRecord::parse_counted("a\u{0}1\u{0}x", 2).unwrap_err();
        assert_eq!((e.code(), e.path()), ("invalid_argument", Some("record")));
        for bad in ["a", "a\u{0}x", "a\u{0}2\u{0}x"] {
            let e = FlatRecord::parse(bad).unwrap_err();
            assert_eq!((e.code(), e.path()), ("invalid_argument", Some("record")));
        }
    }

    #[test]
    fn consents_with_paths() {
        let c = consents_from_json(
            r#"{"purposes":["a"],"sensitiveCategories":["health"],"guardianVerified":true}"#,
        )
        .unwrap();
        assert!(c.guardian_verified && c.purposes == ["a"] && c.sensitive_categories == ["health"]);
        assert_eq!(
            consents_from_json(r#"{"guardianVerified":"yes"}"#)
                .unwrap_err()
                .path(),
            Some("consents.guardianVerified")
        );
        assert_eq!(
            consents_from_json(r#"{"purpose":[]}"#).unwrap_err().code(),
            "invalid_argument"
        );
    }
}
