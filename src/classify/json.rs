//! Fields from JSON, with the path of any bad part.
//!
//! The JavaScript face crosses the wasm boundary once per call: the package serializes the
//! fields with `JSON.stringify` (native and fast), and this module parses them in one pass.
//! Every type error names where it is (`fields[3].value`). `JSON.stringify` escapes lone UTF-16
//! surrogates as `\udXXX`; they are replaced by U+FFFD here, which is harmless for
//! classification (nothing is hashed) and keeps every other character as typed.

use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;

use super::Field;
use crate::error::Error;

#[derive(Deserialize)]
#[serde(expecting = "a field object { name, label?, autocomplete?, type?, placeholder?, value? }")]
struct RawField {
    name: Option<String>,
    label: Option<String>,
    autocomplete: Option<String>,
    #[serde(rename = "type")]
    input_type: Option<String>,
    placeholder: Option<String>,
    #[serde(default)]
    value: Values,
}

/// The top level: an array of fields.
struct RawFields(Vec<RawField>);

impl<'de> Deserialize<'de> for RawFields {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> Visitor<'de> for Fields {
            type Value = RawFields;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of field objects")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawFields, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(f) = seq.next_element()? {
                    out.push(f);
                }
                Ok(RawFields(out))
            }
        }
        d.deserialize_seq(Fields)
    }
}

/// A field value: a string, number or boolean, or an array of them; `null` for none.
#[derive(Default)]
struct Values(Vec<String>);

impl<'de> Deserialize<'de> for Values {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValuesVisitor { nested: false })
    }
}

struct ValuesVisitor {
    nested: bool,
}

impl<'de> Visitor<'de> for ValuesVisitor {
    type Value = Values;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.nested {
            f.write_str("a string, number or boolean")
        } else {
            f.write_str("a string, number, boolean, or an array of them")
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Values, E> {
        Ok(Values(vec![v.to_owned()]))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Values, E> {
        Ok(Values(vec![v]))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Values, E> {
        Ok(Values(vec![v.to_string()]))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Values, E> {
        Ok(Values(vec![v.to_string()]))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Values, E> {
        Ok(Values(vec![v.to_string()]))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Values, E> {
        Ok(Values(vec![v.to_string()]))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Values, E> {
        Ok(Values::default())
    }
    fn visit_none<E: de::Error>(self) -> Result<Values, E> {
        Ok(Values::default())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Values, A::Error> {
        if self.nested {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        let mut out = Vec::new();
        while let Some(Scalar(v)) = seq.next_element::<Scalar>()? {
            out.extend(v);
        }
        Ok(Values(out))
    }
}

/// One element of an array value.
struct Scalar(Vec<String>);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValuesVisitor { nested: true })
            .map(|v| Scalar(v.0))
    }
}

/// Parses a JSON array of fields (`[{ name, label?, autocomplete?, type?, placeholder?, value? }]`).
/// Unknown members are ignored. Paths in errors start with `root` (`fields[3].name`).
///
/// # Errors
/// `invalid_argument` with the path of the first bad part.
pub fn fields_from_json(json: &str, root: &str) -> Result<Vec<Field>, Error> {
    let repaired = replace_lone_surrogate_escapes(json);
    // Fast path: plain parsing. Only when it fails is the input parsed again, tracking the
    // path, to say where.
    let raw: RawFields = match serde_json::from_str(&repaired) {
        Ok(raw) => raw,
        Err(_) => return Err(path_error(&repaired, root)),
    };
    raw.0
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let name = r.name.ok_or_else(|| Error::InvalidArgument {
                path: format!("{root}[{i}].name"),
                expected: "a string (every field needs a name)".into(),
            })?;
            Ok(Field {
                name,
                label: r.label,
                autocomplete: r.autocomplete,
                input_type: r.input_type,
                placeholder: r.placeholder,
                values: r.value.0,
            })
        })
        .collect()
}

/// The error for JSON that does not parse as fields, with the path of the first bad part.
fn path_error(json: &str, root: &str) -> Error {
    let mut de = serde_json::Deserializer::from_str(json);
    let message = match serde_path_to_error::deserialize::<_, RawFields>(&mut de) {
        Err(e) => {
            let path = e.path().to_string();
            let path = match path.as_str() {
                "." => String::new(),
                p if p.starts_with('[') => path,
                _ => format!(".{path}"),
            };
            return Error::InvalidArgument {
                path: format!("{root}{path}"),
                expected: without_position(&e.into_inner().to_string()).into(),
            };
        }
        Ok(_) => "an array of field objects",
    };
    Error::InvalidArgument {
        path: root.into(),
        expected: message.into(),
    }
}

/// serde_json messages end in " at line 1 column 42"; the path says more, so drop it.
fn without_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Replaces `\uD800`–`\uDFFF` escapes that are not part of a surrogate pair with `\uFFFD`.
/// Same length, so it is done on a copy only when such an escape exists.
fn replace_lone_surrogate_escapes(json: &str) -> std::borrow::Cow<'_, str> {
    fn surrogate_at(b: &[u8], i: usize) -> Option<u16> {
        // `\uXXXX` starting at i
        if b.get(i) != Some(&b'\\') || b.get(i + 1) != Some(&b'u') {
            return None;
        }
        let hex = std::str::from_utf8(b.get(i + 2..i + 6)?).ok()?;
        let unit = u16::from_str_radix(hex, 16).ok()?;
        (0xD800..=0xDFFF).contains(&unit).then_some(unit)
    }
    let b = json.as_bytes();
    if !json.contains("\\u") {
        return json.into();
    }
    let mut out: Option<Vec<u8>> = None;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match surrogate_at(b, i) {
            Some(high @ 0xD800..=0xDBFF)
                if surrogate_at(b, i + 6).is_some_and(|low| low >= 0xDC00) =>
            {
                let _ = high;
                i += 12; // a proper pair
            }
            Some(_) => {
                out.get_or_insert_with(|| b.to_vec())[i..i + 6].copy_from_slice(b"\\ufffd");
                i += 6;
            }
            None => i += 2, // any other escape, including `\\`
        }
    }
    match out {
        // Only ASCII was replaced by ASCII, so this stays valid UTF-8.
        Some(bytes) => String::from_utf8(bytes)
            .map(Into::into)
            .unwrap_or_else(|_| json.into()),
        None => json.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_of_every_json_type() {
        let f = fields_from_json(
            r#"[{"name":"a","value":"x"},{"name":"b","value":11},{"name":"c","value":true},
               {"name":"d","value":["母亲",2,false]},{"name":"e","value":null},{"name":"f"},
               {"name":"g","label":"L","autocomplete":"tel","type":"tel","placeholder":"P","extra":{"x":1}}]"#,
            "fields",
        )
        .unwrap();
        let values: Vec<Vec<String>> = f.iter().map(|f| f.values.clone()).collect();
        assert_eq!(values[0], ["x"]);
        assert_eq!(values[1], ["11"]);
        assert_eq!(values[2], ["true"]);
        assert_eq!(values[3], ["母亲", "2", "false"]);
        assert!(values[4].is_empty() && values[5].is_empty());
        assert_eq!(f[6].input_type.as_deref(), Some("tel"));
        assert_eq!(f[6].placeholder.as_deref(), Some("P"));
    }

    #[test]
    fn bad_parts_are_reported_with_paths() {
        let err = |json: &str| {
            let e = fields_from_json(json, "fields").unwrap_err();
            (e.code(), e.path().unwrap().to_owned(), e.to_string())
        };
        assert_eq!(err(r#"{"name":"a"}"#).1, "fields");
        assert_eq!(err("null").1, "fields");
        assert_eq!(err(r#"[{"name":"a"},{"label":"x"}]"#).1, "fields[1].name");
        assert_eq!(err(r#"[{"name":"a"},{"name":5}]"#).1, "fields[1].name");
        let (code, path, message) = err(r#"[{"name":"a","value":{"nested":1}}]"#);
        assert_eq!(
            (code, path.as_str()),
            ("invalid_argument", "fields[0].value")
        );
        assert!(
            message.contains("a string, number, boolean, or an array of them"),
            "{message}"
        );
        assert!(!message.contains("line 1"), "{message}");
        assert_eq!(
            err(r#"[{"name":"a","value":[["x"]]}]"#).1,
            "fields[0].value[0]"
        );
        assert_eq!(err(r#"[{"name":"a","label":7}]"#).1, "fields[0].label");
        assert_eq!(err(r#"[1]"#).1, "fields[0]");
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let f = fields_from_json(
            r#"[{"name":"a\ud800b","value":"\udc00 and \ud83d\ude00 and \\ud800"}]"#,
            "fields",
        )
        .unwrap();
        assert_eq!(f[0].name, "a\u{FFFD}b");
        assert_eq!(f[0].values[0], "\u{FFFD} and 😀 and \\ud800");
    }
}
