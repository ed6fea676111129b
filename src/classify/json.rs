//! Fields from JSON, with the path of any bad part.
//!
//! The JavaScript face crosses the wasm boundary once per call: the package serializes the
//! fields with `JSON.stringify` (native and fast), and this module parses them in one pass.
//! Every type error names where it is (`fields[3].value`). `JSON.stringify` escapes lone UTF-16
//! surrogates as `\udXXX`; they are replaced by U+FFFD here, which is harmless for
//! classification (nothing is hashed) and keeps every other character as typed.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;

use super::{ClassifyOptions, Decision, Field, Meta, Workspace};
use crate::error::Error;

/// A field as parsed, borrowing from the JSON text wherever a string has no escapes (most do),
/// so classifying a form allocates no per-field strings.
#[derive(Deserialize)]
#[serde(
    expecting = "a field object { name, label?, autocomplete?, type?, placeholder?, value?, options? }"
)]
struct RawField<'a> {
    #[serde(borrow)]
    name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    label: Option<Cow<'a, str>>,
    #[serde(borrow)]
    autocomplete: Option<Cow<'a, str>>,
    #[serde(borrow, rename = "type")]
    input_type: Option<Cow<'a, str>>,
    #[serde(borrow)]
    placeholder: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    value: Values<'a>,
    #[serde(borrow, default)]
    options: Values<'a>,
}

impl RawField<'_> {
    fn meta(&self) -> Meta<'_> {
        Meta {
            name: self.name.as_deref().unwrap_or_default(),
            label: self.label.as_deref(),
            autocomplete: self.autocomplete.as_deref(),
            input_type: self.input_type.as_deref(),
            placeholder: self.placeholder.as_deref(),
            options: super::Choices::Parsed(&self.options),
        }
    }
}

/// The top level: an array of fields.
struct RawFields<'a>(Vec<RawField<'a>>);

impl<'de: 'a, 'a> Deserialize<'de> for RawFields<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Fields<'a> {
            type Value = RawFields<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of field objects")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawFields<'a>, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(f) = seq.next_element()? {
                    out.push(f);
                }
                Ok(RawFields(out))
            }
        }
        d.deserialize_seq(Fields(std::marker::PhantomData))
    }
}

/// A field value: a string, number or boolean, or an array of them; `null` for none. One value
/// (the usual case) is held without a heap allocation.
#[derive(Debug, Default)]
pub(crate) struct Values<'a> {
    first: Option<Cow<'a, str>>,
    rest: Vec<Cow<'a, str>>,
    /// Written as an array (`["a"]`), not as a single value.
    pub(crate) list: bool,
}

impl<'a> Values<'a> {
    fn one(v: Cow<'a, str>) -> Self {
        Values {
            first: Some(v),
            rest: Vec::new(),
            list: false,
        }
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.first.iter().chain(&self.rest).map(|v| v.as_ref())
    }

    fn push(&mut self, v: Cow<'a, str>) {
        if self.first.is_none() {
            self.first = Some(v);
        } else {
            self.rest.push(v);
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Values<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValuesVisitor {
            nested: false,
            lifetime: std::marker::PhantomData,
        })
    }
}

struct ValuesVisitor<'a> {
    nested: bool,
    lifetime: std::marker::PhantomData<&'a ()>,
}

impl<'de: 'a, 'a> Visitor<'de> for ValuesVisitor<'a> {
    type Value = Values<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.nested {
            f.write_str("a string, number or boolean")
        } else {
            f.write_str("a string, number, boolean, or an array of them")
        }
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Values<'a>, E> {
        Ok(Values::one(Cow::Borrowed(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Values<'a>, E> {
        Ok(Values::one(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Values<'a>, E> {
        Ok(Values::one(Cow::Owned(v)))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Values<'a>, E> {
        Ok(Values::one(Cow::Borrowed(if v { "true" } else { "false" })))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Values<'a>, E> {
        Ok(Values::one(Cow::Owned(v.to_string())))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Values<'a>, E> {
        Ok(Values::one(Cow::Owned(v.to_string())))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Values<'a>, E> {
        Ok(Values::one(Cow::Owned(v.to_string())))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Values<'a>, E> {
        Ok(Values::default())
    }
    fn visit_none<E: de::Error>(self) -> Result<Values<'a>, E> {
        Ok(Values::default())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Values<'a>, A::Error> {
        if self.nested {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        let mut out = Values {
            list: true,
            ..Values::default()
        };
        while let Some(Scalar(v)) = seq.next_element::<Scalar<'a>>()? {
            if let Some(first) = v.first {
                out.push(first);
            }
        }
        Ok(out)
    }
}

/// One element of an array value.
struct Scalar<'a>(Values<'a>);

impl<'de: 'a, 'a> Deserialize<'de> for Scalar<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValuesVisitor {
            nested: true,
            lifetime: std::marker::PhantomData,
        })
        .map(Scalar)
    }
}

/// Parses a JSON array of fields (`[{ name, label?, autocomplete?, type?, placeholder?, value?,
/// options? }]`; `options` as a value: a string or an array of them).
/// Unknown members are ignored. Paths in errors start with `root` (`fields[3].name`).
///
/// # Errors
/// `invalid_argument` with the path of the first bad part.
pub fn fields_from_json(json: &str, root: &str) -> Result<Vec<Field>, Error> {
    let repaired = replace_lone_surrogate_escapes(json);
    let raw = parse(&repaired, root)?;
    Ok(raw
        .into_iter()
        .map(|r| Field {
            name: r.name.map(Cow::into_owned).unwrap_or_default(),
            label: r.label.map(Cow::into_owned),
            autocomplete: r.autocomplete.map(Cow::into_owned),
            input_type: r.input_type.map(Cow::into_owned),
            placeholder: r.placeholder.map(Cow::into_owned),
            values: r.value.iter().map(str::to_owned).collect(),
            options: r.options.iter().map(str::to_owned).collect(),
        })
        .collect())
}

/// Classifies the fields of a JSON array (as [`fields_from_json`] reads it) without copying
/// their strings, handing each decision and the field's name to `each`: the fast path of the
/// JavaScript face.
///
/// # Errors
/// `invalid_argument` with the path of the first bad part; bad `options` as in
/// [`super::classify_fields`] (paths relative to the options).
pub fn classify_json_each(
    json: &str,
    root: &str,
    options: &ClassifyOptions,
    mut each: impl FnMut(&str, Decision<'_>),
) -> Result<(), Error> {
    let child = options.child_in()?;
    let repaired = replace_lone_surrogate_escapes(json);
    let fields = parse(&repaired, root)?;
    let mut work = Workspace::default();
    for f in &fields {
        let values = || f.value.iter();
        each(f.meta().name, work.decide(f.meta(), values, child));
    }
    Ok(())
}

/// Parses and checks that every field has a name. Fast path: plain parsing; only when it fails
/// is the input parsed again, tracking the path, to say where.
fn parse<'a>(json: &'a str, root: &str) -> Result<Vec<RawField<'a>>, Error> {
    let raw: RawFields<'a> = serde_json::from_str(json).map_err(|_| path_error(json, root))?;
    if let Some(i) = raw.0.iter().position(|r| r.name.is_none()) {
        return Err(Error::InvalidArgument {
            path: format!("{root}[{i}].name"),
            expected: "a string (every field needs a name)".into(),
        });
    }
    Ok(raw.0)
}

/// The error for JSON that does not parse as fields, with the path of the first bad part.
fn path_error(json: &str, root: &str) -> Error {
    let mut de = serde_json::Deserializer::from_str(json);
    match serde_path_to_error::deserialize::<_, RawFields>(&mut de) {
        Err(e) => located(e, root),
        Ok(_) => Error::InvalidArgument {
            path: root.into(),
            expected: "an array of field objects".into(),
        },
    }
}

/// A JSON type error as `invalid_argument` at its path under `root` (`fields[3].value`,
/// `record.email`); serde_json's "at line 1 column 42" is dropped: the path says more.
pub(crate) fn located(e: serde_path_to_error::Error<serde_json::Error>, root: &str) -> Error {
    let path = e.path().to_string();
    let path = match path.as_str() {
        "." => String::new(),
        p if p.starts_with('[') => path,
        _ => format!(".{path}"),
    };
    Error::InvalidArgument {
        path: format!("{root}{path}"),
        expected: expected_text(&without_position(&e.into_inner().to_string())).into(),
    }
}

/// serde's message turned around to read after "expected": `invalid type: integer `5`,
/// expected a string` → `a string (got integer `5`)`.
fn expected_text(message: &str) -> String {
    for prefix in ["invalid type: ", "invalid value: ", "invalid length "] {
        if let Some((got, want)) = message
            .strip_prefix(prefix)
            .and_then(|rest| rest.rsplit_once(", expected "))
        {
            return format!("{want} (got {got})");
        }
    }
    if let Some((got, want)) = message
        .strip_prefix("unknown field ")
        .and_then(|rest| rest.split_once(", expected "))
    {
        return format!("{want} (got the unknown field {got})");
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return format!("the member {field}");
    }
    message.to_owned()
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
    // Most forms have no escapes at all: one memchr for a backslash settles it.
    if !b.contains(&b'\\') {
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

/// The separator of the flat encoding read by [`classify_flat_each`].
pub const FLAT_SEPARATOR: char = '\0';

/// The parts of a flat encoding (nothing for an empty text).
pub(crate) fn flat_parts(flat: &str) -> impl Iterator<Item = &str> {
    // A byte loop: separators are a few bytes apart, where memchr's setup costs more than it
    // saves. Slicing at an ASCII byte is always on a char boundary.
    let mut start = if flat.is_empty() { 1 } else { 0 };
    std::iter::from_fn(move || {
        if start > flat.len() {
            return None;
        }
        let rest = &flat.as_bytes()[start..];
        let len = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        let part = &flat[start..start + len];
        start += len + 1;
        Some(part)
    })
}

/// Classifies fields given in the flat encoding the JavaScript package sends when every field
/// is plain (strings, numbers, booleans): per field, `name`, `label`, `autocomplete`, `type`,
/// `placeholder`, the number of values, then the values, all separated by U+0000 (absent
/// members are empty strings). The package falls back to JSON for anything else, and for any
/// string that contains U+0000 itself. Returns the number of fields read.
///
/// # Errors
/// `invalid_argument` (path `fields`) if the text is not in this encoding; bad `options` as in
/// [`super::classify_fields`].
pub fn classify_flat_each(
    flat: &str,
    options: &ClassifyOptions,
    mut each: impl FnMut(&str, Decision<'_>),
) -> Result<usize, Error> {
    let child = options.child_in()?;
    let malformed = || Error::InvalidArgument {
        path: "fields".into(),
        expected: "the flat field encoding of the minform package".into(),
    };
    let mut parts = flat_parts(flat);
    let mut work = Workspace::default();
    let mut count = 0;
    while let Some(name) = parts.next() {
        let mut next = || parts.next().ok_or_else(malformed);
        let (label, autocomplete, input_type, placeholder) = (next()?, next()?, next()?, next()?);
        let n: usize = next()?.parse().map_err(|_| malformed())?;
        let meta = Meta {
            name,
            label: non_empty(label),
            autocomplete: non_empty(autocomplete),
            input_type: non_empty(input_type),
            placeholder: non_empty(placeholder),
            options: super::Choices::None,
        };
        let mut values: [&str; 4] = [""; 4];
        let mut more: Vec<&str> = Vec::new();
        for i in 0..n {
            let v = next()?;
            match values.get_mut(i) {
                Some(slot) => *slot = v,
                None => more.push(v),
            }
        }
        let all = || values.iter().take(n.min(4)).chain(more.iter()).copied();
        each(name, work.decide(meta, all, child));
        count += 1;
    }
    Ok(count)
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_read_after_expected() {
        assert_eq!(
            expected_text("invalid type: integer `5`, expected a string"),
            "a string (got integer `5`)"
        );
        assert_eq!(
            expected_text("unknown field `colour`, expected one of `a`, `b`"),
            "one of `a`, `b` (got the unknown field `colour`)"
        );
        assert_eq!(expected_text("missing field `today`"), "the member `today`");
        assert_eq!(expected_text("trailing characters"), "trailing characters");
    }

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

    #[test]
    fn flat_and_json_encodings_classify_alike() {
        let json = r#"[{"name":"xm","label":"姓名","value":"王小明"},{"name":"f2","value":13700137000},
                       {"name":"phones","label":"联系电话","value":["13912345678",true]},{"name":"empty"}]"#;
        let flat = [
            "xm",
            "姓名",
            "",
            "",
            "",
            "1",
            "王小明",
            "f2",
            "",
            "",
            "",
            "",
            "1",
            "13700137000",
            "phones",
            "联系电话",
            "",
            "",
            "",
            "2",
            "13912345678",
            "true",
            "empty",
            "",
            "",
            "",
            "",
            "0",
        ]
        .join("\0");
        let options = ClassifyOptions::default();
        let mut a = Vec::new();
        classify_json_each(json, "fields", &options, |n, d| {
            a.push((n.to_owned(), d.to_classification(n)))
        })
        .unwrap();
        let mut b = Vec::new();
        let count = classify_flat_each(&flat, &options, |n, d| {
            b.push((n.to_owned(), d.to_classification(n)))
        })
        .unwrap();
        assert_eq!(count, 4);
        assert_eq!(a, b);
        assert!(
            classify_flat_each("xm\0姓名", &options, |_, _| {}).is_err(),
            "truncated"
        );
        assert!(
            classify_flat_each("xm\0\0\0\0\0x", &options, |_, _| {}).is_err(),
            "bad count"
        );
        assert_eq!(classify_flat_each("", &options, |_, _| {}).unwrap(), 0);
    }
}
