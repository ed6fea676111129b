//! Why a field was classified as it was: small `Copy` values that display as the contract
//! strings (`autocomplete:tel`, `label:手机`, `value:cn_resident_id`, `content:cn_mobile`,
//! `child:CN<14`, `fallback:free_text`) and never contain a field value.
//!
//! Each reason also has a compact numeric [`Reason::id`], so the JavaScript face can send a
//! form's reasons across the wasm boundary as numbers and turn each distinct one into text once.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::detect::Kind;
use crate::jurisdiction;
use crate::lexicon::{lexicon, Source};
use crate::taxonomy::Category;

/// One reason. Displays as `place:detail`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// A WHATWG autocomplete token (index into the autocomplete table).
    Autocomplete(u32),
    /// An input `type` (index into the classifier's type table).
    Type(u32),
    /// A lexicon term (its index) found in the name, label or placeholder.
    Term(Source, u32),
    /// The value validates (or has the shape) of this kind.
    Value(Kind),
    /// Free text contains this kind of personal data.
    Content(Kind),
    /// Two or more of the choices offered are values of this kind (`option_value:gender_value`).
    Choice(Kind),
    /// The subject is a child in this jurisdiction (index into the jurisdiction table).
    Child(u32),
    /// Nothing was recognised; the field falls back to this category (`free_text`, or
    /// `non_personal` for a bare number or code).
    Fallback(Category),
}

const AUTOCOMPLETE: u32 = 1;
const TYPE: u32 = 2;
const NAME: u32 = 3;
const LABEL: u32 = 4;
const PLACEHOLDER: u32 = 5;
const VALUE: u32 = 6;
const CONTENT: u32 = 7;
const CHILD: u32 = 8;
const FALLBACK: u32 = 9;
const OPTION: u32 = 10;
const CHOICE: u32 = 11;

impl Reason {
    /// A compact id: the reason's place in the top byte, its table index below.
    pub fn id(self) -> u32 {
        let (place, index) = match self {
            Reason::Autocomplete(i) => (AUTOCOMPLETE, i),
            Reason::Type(i) => (TYPE, i),
            Reason::Term(Source::Name, i) => (NAME, i),
            Reason::Term(Source::Label, i) => (LABEL, i),
            Reason::Term(Source::Placeholder, i) => (PLACEHOLDER, i),
            Reason::Term(Source::Option, i) => (OPTION, i),
            Reason::Value(k) => (VALUE, k as u32),
            Reason::Content(k) => (CONTENT, k as u32),
            Reason::Choice(k) => (CHOICE, k as u32),
            Reason::Child(i) => (CHILD, i),
            Reason::Fallback(c) => (FALLBACK, c as u32),
        };
        (place << 24) | (index & 0x00FF_FFFF)
    }

    /// The reason with this id, if it names one.
    pub fn from_id(id: u32) -> Option<Reason> {
        let index = id & 0x00FF_FFFF;
        let kind = || Kind::ALL.get(index as usize).copied();
        let reason = match id >> 24 {
            AUTOCOMPLETE => Reason::Autocomplete(index),
            TYPE => Reason::Type(index),
            NAME => Reason::Term(Source::Name, index),
            LABEL => Reason::Term(Source::Label, index),
            PLACEHOLDER => Reason::Term(Source::Placeholder, index),
            OPTION => Reason::Term(Source::Option, index),
            VALUE => Reason::Value(kind()?),
            CONTENT => Reason::Content(kind()?),
            CHOICE => Reason::Choice(kind()?),
            CHILD => Reason::Child(index),
            FALLBACK => Reason::Fallback(*Category::ALL.get(index as usize)?),
            _ => return None,
        };
        // Only ids whose index exists in its table.
        reason.detail().map(|_| reason)
    }

    fn detail(self) -> Option<String> {
        Some(match self {
            Reason::Autocomplete(i) => lexicon().autocomplete_token(i)?.to_owned(),
            Reason::Type(i) => super::TYPES.get(i as usize)?.0.to_owned(),
            Reason::Term(_, i) => lexicon().term(i)?.to_owned(),
            Reason::Value(k) | Reason::Content(k) | Reason::Choice(k) => k.id().to_owned(),
            Reason::Child(i) => {
                let j = jurisdiction::all().get(i as usize)?;
                format!("{}<{}", j.code, j.child_below)
            }
            Reason::Fallback(c) => c.id().to_owned(),
        })
    }

    fn place(self) -> &'static str {
        match self {
            Reason::Autocomplete(_) => "autocomplete",
            Reason::Type(_) => "type",
            Reason::Term(source, _) => source.as_str(),
            Reason::Value(_) => "value",
            Reason::Content(_) => "content",
            Reason::Choice(_) => "option_value",
            Reason::Child(_) => "child",
            Reason::Fallback(_) => "fallback",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.place(), self.detail().unwrap_or_default())
    }
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_display_as_contract_strings() {
        let tel = lexicon().autocomplete("tel").unwrap().0;
        let cn = jurisdiction::all()
            .iter()
            .position(|j| j.code == "CN")
            .unwrap() as u32;
        let cases = [
            (Reason::Autocomplete(tel), "autocomplete:tel"),
            (Reason::Value(Kind::ResidentId), "value:cn_resident_id"),
            (Reason::Content(Kind::CnMobile), "content:cn_mobile"),
            (
                Reason::Choice(Kind::GenderValue),
                "option_value:gender_value",
            ),
            (Reason::Child(cn), "child:CN<14"),
            (Reason::Fallback(Category::FreeText), "fallback:free_text"),
            (
                Reason::Fallback(Category::NonPersonal),
                "fallback:non_personal",
            ),
        ];
        for (reason, text) in cases {
            assert_eq!(reason.to_string(), text);
            assert_eq!(Reason::from_id(reason.id()), Some(reason));
        }
        let hit = lexicon().find("手机号", Source::Label)[0];
        assert_eq!(
            Reason::Term(Source::Label, hit.entry).to_string(),
            "label:手机号"
        );
    }

    #[test]
    fn unknown_ids_are_none() {
        for id in [
            0,
            u32::MAX,
            (1 << 24) | 0x00FF_FFFF,
            (6 << 24) | 999,
            42 << 24,
        ] {
            assert_eq!(Reason::from_id(id), None, "{id:#x}");
        }
    }
}
