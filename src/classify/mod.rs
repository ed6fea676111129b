//! Classification: from a field's metadata and value to one category, a sensitivity, a
//! confidence and the reasons for the decision.
//!
//! Evidence comes from four places, each with its own weight:
//!
//! | evidence | example reason | weight |
//! |---|---|---|
//! | WHATWG `autocomplete` token | `autocomplete:tel` | 0.97 |
//! | `type` | `type:password` | 0.25–0.95 by type |
//! | lexicon terms in label, name, placeholder | `label:手机`, `name:sfzh` | 0.3–0.9 by source and term weight |
//! | a **validated** value (checksum, calendar, structure) | `value:cn_resident_id` | 0.95 |
//!
//! Evidence for the same category from different places is combined (1 − Π(1 − wᵢ)); within
//! one place only its strongest term counts, so two hints never outweigh one clear word. The
//! decision then follows three rules, in order:
//!
//! 1. **A validated value decides** when the metadata says nothing useful (`field_7` holding a
//!    valid resident ID), agrees with it, or is *less sensitive* than the value (an "order
//!    number" holding a valid resident ID is treated as an ID: fail closed). A free-text field
//!    stays free text, raised to the sensitivity of what it contains.
//! 2. Otherwise **the metadata decides**; a value of the right *shape* that does not validate
//!    only adds confidence to a matching category (a label that says "order number" wins over
//!    an 18-character value that looks like an ID but fails its check).
//! 3. With neither, a shaped value decides with low confidence (dates excepted: a date is only a
//!    birth date when the metadata says so); a value that is only a number or code (`4`,
//!    `SKU-2231`) in a field with no label is `non_personal`; anything else is `free_text`,
//!    whose value is scanned for personal data like any comment box.
//!
//! Among metadata terms the strongest category wins, then the more sensitive, then the one
//! named last (compounds are head-final in both English and Chinese: 学生姓名, guardian phone).
//! Two categories that each have a clear (strong) word count as equally strong (unless an
//! autocomplete token declares the field), so the more sensitive wins ("현재 건강문제로 인한 학교 내 활동…" is health, not school); a category named
//! only by the `name` attribute yields to a strong word the user is shown in the label or
//! placeholder (`UserName` under "Số CMND"). An address picked from a list is its region, an
//! address checkbox ("same as above") is not an address, and an address-labelled input named
//! `zip` is the postal code.
//! Terms in parentheses count one level weaker ("Nationality (as shown on passport)"), and a
//! comment box whose label or name strongly names something specific is that thing
//! ("主诉/症状描述" is health, not free text).
//!
//! Where the value validates as one category and the metadata names another, the more
//! sensitive of the two wins (fail closed); at equal sensitivity the value wins only if the
//! metadata mentions its category too.
//!
//! A value that does not validate as the category chosen for it is scanned for personal data
//! inside it, like a comment box: a "non-personal" field (`数量`) holding "请联系 139…" is free
//! text with a phone number in it, and the minimizer's stricter reading sees the phone number.
//! Values are folded first ([`crate::detect::fold`]: full-width and other scripts' digits,
//! invisible characters, Chinese numerals, dotted groups).
//!
//! Finally, for a subject who is a child under the jurisdiction's threshold ([`for_subject`]):
//! a personal category is escalated to `sensitive` (PIPL Art. 28: all PI of a child under 14 is
//! sensitive), free text is `sensitive`, and a field read by fallback alone (nothing positively
//! shows it is not personal) is `free_text`, `sensitive` — never `none`.
#![forbid(unsafe_code)]

pub(crate) mod json;
mod reason;

use serde::Serialize;

use crate::detect::{self, Strength};
use crate::error::Error;
use crate::jurisdiction::{self, Jurisdiction};
use crate::lexicon::{lexicon, Source, Weight};
use crate::taxonomy::{Category, Sensitivity};

pub use json::{classify_flat_each, classify_json_each, fields_from_json, FLAT_SEPARATOR};
pub use reason::Reason;

/// A form field as the classifier sees it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Field {
    /// The `name` attribute or record key.
    pub name: String,
    /// The visible label text.
    pub label: Option<String>,
    /// The `autocomplete` attribute.
    pub autocomplete: Option<String>,
    /// The `type` attribute (`text`, `tel`, `password`, …; `textarea`/`select` for those elements).
    pub input_type: Option<String>,
    /// The placeholder text.
    pub placeholder: Option<String>,
    /// The current value(s): one for most inputs, several for multi-selects and checkbox groups.
    pub values: Vec<String>,
    /// The choices offered, as the person sees them (a select's options, the labels of a
    /// radio group): where the label says little ("Select Service", none at all), what the
    /// choices are about says what the field is (女士 / 先生 is a gender; Tooth Extraction /
    /// Oral Surgery is health).
    pub options: Vec<String>,
}

impl Field {
    /// A field with only a name.
    pub fn new(name: impl Into<String>) -> Self {
        Field {
            name: name.into(),
            ..Field::default()
        }
    }

    /// Sets the label.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Sets the `autocomplete` attribute.
    pub fn autocomplete(mut self, autocomplete: impl Into<String>) -> Self {
        self.autocomplete = Some(autocomplete.into());
        self
    }

    /// Sets the `type`.
    pub fn input_type(mut self, input_type: impl Into<String>) -> Self {
        self.input_type = Some(input_type.into());
        self
    }

    /// Sets the placeholder.
    pub fn placeholder(mut self, placeholder: impl Into<String>) -> Self {
        self.placeholder = Some(placeholder.into());
        self
    }

    /// Adds a choice offered (a select's option text, a radio group's label).
    pub fn option(mut self, option: impl Into<String>) -> Self {
        self.options.push(option.into());
        self
    }

    /// Adds a value.
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.values.push(value.into());
        self
    }
}

/// A field's metadata, borrowed: what the classifier reads besides the values.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Meta<'a> {
    pub(crate) name: &'a str,
    pub(crate) label: Option<&'a str>,
    pub(crate) autocomplete: Option<&'a str>,
    pub(crate) input_type: Option<&'a str>,
    pub(crate) placeholder: Option<&'a str>,
    pub(crate) options: Choices<'a>,
}

/// The choices of a field, borrowed from wherever they were read.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) enum Choices<'a> {
    #[default]
    None,
    Owned(&'a [String]),
    Parsed(&'a json::Values<'a>),
}

impl<'a> Choices<'a> {
    /// Each choice's text, at most [`MAX_CHOICES`] of them.
    fn each(self, mut f: impl FnMut(&str)) {
        match self {
            Choices::None => {}
            Choices::Owned(v) => v.iter().take(MAX_CHOICES).for_each(|o| f(o)),
            Choices::Parsed(v) => v.iter().take(MAX_CHOICES).for_each(f),
        }
    }
}

/// Choices read per field: a country list says what it is in its first few dozen entries.
const MAX_CHOICES: usize = 32;

impl Field {
    fn meta(&self) -> Meta<'_> {
        Meta {
            name: &self.name,
            label: self.label.as_deref(),
            autocomplete: self.autocomplete.as_deref(),
            input_type: self.input_type.as_deref(),
            placeholder: self.placeholder.as_deref(),
            options: Choices::Owned(&self.options),
        }
    }
}

/// Who the data is about, and where.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClassifyOptions {
    /// The subject's age in years, when known.
    pub subject_age: Option<f64>,
    /// The jurisdiction code (default `CN`).
    pub jurisdiction: Option<String>,
}

/// The decision for one field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Classification {
    /// The field's name, as given.
    pub name: String,
    /// The category.
    pub category: Category,
    /// Its sensitivity for this subject.
    pub sensitivity: Sensitivity,
    /// How sure the decision is, in [0, 1].
    pub confidence: f64,
    /// Short machine-readable reasons (`autocomplete:tel`, `label:手机`, `value:cn_resident_id`,
    /// `content:cn_mobile`, `child:CN<14`), in the order found. Never contains a field value.
    pub reasons: Vec<Reason>,
}

impl ClassifyOptions {
    /// The jurisdiction, if the subject is a child there.
    ///
    /// # Errors
    /// `invalid_argument` for a negative or non-finite age; `unknown_jurisdiction`.
    pub fn child_in(&self) -> Result<Option<&'static Jurisdiction>, Error> {
        let j = jurisdiction::lookup(
            self.jurisdiction
                .as_deref()
                .unwrap_or(jurisdiction::DEFAULT),
            "jurisdiction",
        )?;
        match self.subject_age {
            None => Ok(None),
            Some(age) if !age.is_finite() || age < 0.0 => Err(Error::InvalidArgument {
                path: "subjectAge".into(),
                expected: "a finite, non-negative number of years".into(),
            }),
            Some(age) => Ok(j.is_child(age).then_some(j)),
        }
    }
}

/// One field's decision; its reasons are borrowed from the classifier's working buffers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision<'a> {
    /// The category.
    pub category: Category,
    /// Its sensitivity for this subject.
    pub sensitivity: Sensitivity,
    /// How sure the decision is, in [0, 1] (three decimals).
    pub confidence: f64,
    /// The reasons, in the order found.
    pub reasons: &'a [Reason],
    /// Nothing positively said what the field is (no known word, no recognised value): the
    /// category is a guess (`free_text`, or `non_personal` for a bare code or a choice).
    pub fallback: bool,
    /// The categories its value(s) validate as, and of personal data found inside free text,
    /// without repeats: what the value itself is, whatever the metadata says.
    pub detected: &'a [Category],
    /// The categories the metadata (autocomplete, type, label, name, placeholder) names.
    pub named: &'a [Category],
    /// What the metadata alone says the field is (its strongest category), if anything.
    pub said: Option<Category>,
}

/// A category and sensitivity as they apply to a subject who is (or is not) a child: the one
/// place that says how a child's data is read (PIPL Art. 28, `../shared/PRODUCT.md`).
///
/// * a personal category becomes `sensitive`;
/// * `free_text` is `sensitive` (a child's comment box is presumed to hold their PI);
/// * a field read by fallback alone (nothing positively shows it is not personal) is
///   `free_text`, `sensitive`, never `none`.
///
/// Returns the category, the sensitivity, and whether the child rule raised anything.
pub fn for_subject(
    category: Category,
    sensitivity: Sensitivity,
    fallback: bool,
    child: bool,
) -> (Category, Sensitivity, bool) {
    if !child {
        return (category, sensitivity, false);
    }
    let category = if fallback {
        Category::FreeText
    } else {
        category
    };
    let raised = sensitivity < Sensitivity::Sensitive
        && (sensitivity == Sensitivity::Personal || category == Category::FreeText);
    if raised {
        (category, Sensitivity::Sensitive, true)
    } else {
        (category, sensitivity, false)
    }
}

/// Classifies every field, in order.
///
/// # Errors
/// Only for bad options (see [`ClassifyOptions::child_in`]); every field gets an answer.
pub fn classify_fields(
    fields: &[Field],
    options: &ClassifyOptions,
) -> Result<Vec<Classification>, Error> {
    let mut out = Vec::with_capacity(fields.len());
    classify_each(fields, options, |field, d| {
        out.push(d.to_classification(&field.name))
    })?;
    Ok(out)
}

/// Classifies every field, in order, handing each decision to `each` without building a
/// [`Classification`] (no per-field allocation): the fast path of the JavaScript face.
///
/// # Errors
/// Only for bad options (see [`ClassifyOptions::child_in`]).
pub fn classify_each(
    fields: &[Field],
    options: &ClassifyOptions,
    mut each: impl FnMut(&Field, Decision<'_>),
) -> Result<(), Error> {
    let child = options.child_in()?;
    let mut work = Workspace::default();
    for field in fields {
        let values = || field.values.iter().map(String::as_str);
        each(field, work.decide(field.meta(), values, child));
    }
    Ok(())
}

/// Classifies one field; `child` is the jurisdiction in which the subject is a child, if so.
pub fn classify_field(field: &Field, child: Option<&Jurisdiction>) -> Classification {
    let values = || field.values.iter().map(String::as_str);
    Workspace::default()
        .decide(field.meta(), values, child)
        .to_classification(&field.name)
}

impl Decision<'_> {
    /// The owned [`Classification`] of the field named `name`.
    pub fn to_classification(&self, name: &str) -> Classification {
        Classification {
            name: name.to_owned(),
            category: self.category,
            sensitivity: self.sensitivity,
            confidence: self.confidence,
            reasons: self.reasons.to_vec(),
        }
    }
}

/// Working buffers reused from one field to the next.
#[derive(Default)]
pub(crate) struct Workspace {
    evidence: Evidence,
    detections: Vec<detect::Detection>,
    hits: Vec<crate::lexicon::Hit>,
    reasons: Vec<Reason>,
    found: Vec<detect::Kind>,
    detected: Vec<Category>,
    named: Vec<Category>,
}

impl Workspace {
    /// The decision for a field: its metadata, and `all_values` giving its values (called more
    /// than once, so values are never copied).
    pub(crate) fn decide<'v, I: Iterator<Item = &'v str>>(
        &mut self,
        field: Meta<'_>,
        all_values: impl Fn() -> I,
        child: Option<&Jurisdiction>,
    ) -> Decision<'_> {
        let evidence = &mut self.evidence;
        evidence.clear();
        evidence.metadata(field, &mut self.hits);
        // Trimmed once; a field rarely has more than one value, so no allocation for up to four.
        let mut inline = [""; 4];
        let mut more = Vec::new();
        let mut count = 0;
        for v in all_values().map(str::trim).filter(|v| !v.is_empty()) {
            match inline.get_mut(count) {
                Some(slot) => *slot = v,
                None => more.push(v),
            }
            count += 1;
        }
        let values = || inline.iter().take(count).chain(more.iter()).copied();
        self.detected.clear();
        for v in values() {
            detect::detect_value_into(v, &mut self.detections);
            for d in &self.detections {
                evidence.value(d.kind, d.strength);
                let c = d.kind.category();
                if d.strength == Strength::Validated && !self.detected.contains(&c) {
                    self.detected.push(c);
                }
            }
        }
        // A bare number or code, in a field with no words around it to say otherwise.
        let says_nothing = |t: Option<&str>| t.is_none_or(|t| t.trim().is_empty());
        evidence.code_like = says_nothing(field.label)
            && says_nothing(field.placeholder)
            && values().next().is_some()
            && values().all(|v| v.chars().all(is_code_char));
        // Picked from options (a select, radio buttons, checkboxes, several values): nothing
        // typed, so not free text.
        evidence.choice_like = type_is(&field, PICKED) || values().nth(1).is_some();
        // Set by the page, never typed: with no word saying what it holds, a hidden input is
        // the page's own state (`mode`, `uniqid`, a redirect `url`), not free text. Its value,
        // if any, is still detected and scanned like any other.
        evidence.hidden = type_is(&field, &["hidden"]);
        let (mut category, mut confidence) = evidence.decide();
        let reasons = &mut self.reasons;
        evidence.reasons_for(category, reasons);
        if !self.detected.contains(&category) {
            category = picked_part(&field, evidence, category);
        }

        // Personal data inside the value: scanned in a comment box, and in any value that does
        // not validate as what the field is said to be ("数量" holding "请联系 139…"), so that
        // the stricter reading can win.
        let mut sensitivity = category.default_sensitivity();
        if category == Category::FreeText || !self.detected.contains(&category) {
            self.found.clear();
            let text = category == Category::FreeText;
            // Everything the scanner finds is six characters or more and holds a digit or an
            // `@` once folded.
            let may_hold = |v: &str| {
                v.len() >= 6
                    && (v.bytes().any(|b| b.is_ascii_digit() || b == b'@')
                        || detect::fold::needs_fold(v))
            };
            for v in values().filter(|v| may_hold(v)) {
                // Outside a comment box, a match that is the whole value was already judged
                // as a value (a look-alike the label outweighs: a UUID in `_csrf`); only
                // personal data *inside* other text counts there.
                self.found.extend(
                    detect::scan(v)
                        .into_iter()
                        .filter(|m| text || m.end - m.start < v.len())
                        .map(|m| m.kind),
                );
            }
            crate::small_sort::sort_small_by_key(&mut self.found, |k| *k);
            self.found.dedup();
            self.found
                .retain(|k| k.category().default_sensitivity() > Sensitivity::None);
            // A "non-personal" field that holds personal data is not non-personal: it is text
            // with personal data in it.
            if category == Category::NonPersonal && !self.found.is_empty() {
                category = Category::FreeText;
                sensitivity = Sensitivity::None;
                reasons.clear();
            }
        }
        if category == Category::FreeText {
            for &kind in &self.found {
                let c = kind.category();
                sensitivity = sensitivity.max(c.default_sensitivity());
                reasons.push(Reason::Content(kind));
            }
            if reasons.is_empty() {
                confidence = confidence.min(0.2);
            }
        }
        for &kind in &self.found {
            let c = kind.category();
            if !self.detected.contains(&c) {
                self.detected.push(c);
            }
        }
        // Nothing positively says what the field is: no evidence at all, or a comment box that
        // only a weak word of a generic name suggests (`answer_3`, `q_text`) and that holds no
        // personal data anyone could see.
        let fallback = reasons.is_empty()
            || (category == Category::FreeText
                && self.found.is_empty()
                && evidence.score(Category::FreeText, META) < WEAK_ONLY);
        let (category, sensitivity, raised) =
            for_subject(category, sensitivity, fallback, child.is_some());
        if fallback {
            reasons.push(Reason::Fallback(category));
        }
        if let (true, Some(j)) = (raised, child) {
            reasons.push(Reason::Child(j.index));
        }
        self.named.clear();
        for v in &evidence.votes {
            if META.contains(&v.place) && !self.named.contains(&v.category) {
                self.named.push(v.category);
            }
        }
        let said = self
            .named
            .iter()
            .copied()
            .max_by(|&a, &b| evidence.score(a, META).total_cmp(&evidence.score(b, META)));
        Decision {
            category,
            sensitivity,
            confidence: (confidence * 1000.0).round_ties_even() / 1000.0,
            reasons,
            fallback,
            detected: &self.detected,
            named: &self.named,
            said,
        }
    }
}

/// Where a piece of evidence came from. Votes from one place do not add up (its strongest vote
/// counts); votes from different places do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Autocomplete,
    Type,
    Label,
    Name,
    Placeholder,
    Value,
    Shape,
    Options,
}

const PLACES: usize = 8;
/// What choices count for when two or more of them name one category: as much as a medium
/// word of a name, so a clear label still decides.
const CHOICES_AGREE: f64 = 0.6;
/// The score of a strong lexicon term in a name or label (see `term_score`).
const STRONG_TERM: f64 = 0.85;

/// The score of a strong lexicon term in a placeholder (see `term_score`).
const PLACEHOLDER_STRONG: f64 = 0.7;
/// What an input `type` counts for when two categories are compared by their clear words: a
/// type is a format or a mask (a password box hides whatever it is labelled), not a word the
/// user reads, so it never ties with a strong word of the label, name or placeholder.
const TYPE_CLEAR: f64 = 0.8;

/// Below this, metadata is only weak terms (a weak name term scores 0.3, a weak label 0.35).
const WEAK_ONLY: f64 = 0.4;
/// The places that describe the field rather than its content.
const META: &[Place] = &[
    Place::Autocomplete,
    Place::Type,
    Place::Label,
    Place::Name,
    Place::Placeholder,
    Place::Options,
];
/// The places of words: label, name, placeholder.
const WORDS: &[Place] = &[Place::Label, Place::Name, Place::Placeholder];
const ALL: &[Place] = &[
    Place::Autocomplete,
    Place::Type,
    Place::Label,
    Place::Name,
    Place::Placeholder,
    Place::Value,
    Place::Shape,
    Place::Options,
];

/// One piece of evidence; its reason is formatted only if it explains the decision.
#[derive(Debug, Clone, Copy)]
struct Vote {
    category: Category,
    place: Place,
    /// Char position of the end of the term in its text, for "the head word is last" ties.
    position: u32,
    reason: Reason,
}

/// The evidence gathered for one field: every vote, and for each category that got one the
/// strongest score per place (a field rarely has votes for more than a handful of categories).
#[derive(Default)]
struct Evidence {
    votes: Vec<Vote>,
    best: Vec<(Category, [f64; PLACES])>,
    /// Every value is a number or a code (ASCII letters, digits, `-_./#`, no spaces) that no
    /// detector recognised: with no metadata either, such a field is a quantity, a code or a
    /// reference number, not free text.
    code_like: bool,
    /// The value is picked from options (select, radio, checkbox, several values) and no
    /// metadata or detector says what it is: a choice of the service's, not free text.
    choice_like: bool,
    /// A hidden input: set by the page, not typed by anyone.
    hidden: bool,
}

impl Evidence {
    fn push(
        &mut self,
        category: Category,
        score: f64,
        place: Place,
        position: u32,
        reason: Reason,
    ) {
        let row = match self.best.iter().position(|(c, _)| *c == category) {
            Some(i) => &mut self.best[i].1,
            None => {
                self.best.push((category, [0.0; PLACES]));
                &mut self.best.last_mut().expect("just pushed").1
            }
        };
        row[place as usize] = row[place as usize].max(score);
        self.votes.push(Vote {
            category,
            place,
            position,
            reason,
        });
    }

    fn clear(&mut self) {
        self.votes.clear();
        self.best.clear();
        self.code_like = false;
        self.choice_like = false;
        self.hidden = false;
    }

    fn metadata(&mut self, field: Meta<'_>, hits: &mut Vec<crate::lexicon::Hit>) {
        let lex = lexicon();
        if let Some((token, category)) = field.autocomplete.and_then(|a| lex.autocomplete(a)) {
            self.push(
                category,
                0.97,
                Place::Autocomplete,
                0,
                Reason::Autocomplete(token),
            );
        }
        if let Some((t, category, score)) = field.input_type.and_then(type_evidence) {
            self.push(category, score, Place::Type, 0, Reason::Type(t));
        }
        let sources = [
            (Some(field.name), Source::Name, Place::Name),
            (field.label, Source::Label, Place::Label),
            (field.placeholder, Source::Placeholder, Place::Placeholder),
        ];
        for (text, source, place) in sources {
            let Some(text) = text else { continue };
            hits.clear();
            lex.find_into(text, source, hits);
            let object = if source == Source::Name {
                object_path_end(text, hits)
            } else {
                0
            };
            for hit in hits.iter() {
                // In a path (`BillingAddress.ShipHour`, `guardian[phone]`) the last segment
                // names the field; the segments before it name the object it belongs to.
                let weight = if hit.end <= object {
                    crate::lexicon::Weight::Weak
                } else {
                    hit.weight
                };
                let score = term_score(source, weight);
                self.push(
                    hit.category,
                    score,
                    place,
                    hit.end,
                    Reason::Term(source, hit.entry),
                );
            }
        }
        self.choices(field.options, lex, hits);
    }

    /// The choices offered: a category that two or more of them name (by a lexicon term, or
    /// by a value detector: 男 / 女, a province) is what the field asks about.
    fn choices(
        &mut self,
        options: Choices<'_>,
        lex: &crate::lexicon::Lexicon,
        hits: &mut Vec<crate::lexicon::Hit>,
    ) {
        let mut named: [(Category, u32, Reason); 4] = [(
            Category::NonPersonal,
            0,
            Reason::Fallback(Category::NonPersonal),
        ); 4];
        let mut kinds = Vec::new();
        let mut seen = 0;
        let mut count = |c: Category, reason: Reason, seen_in: &mut u64| {
            // one vote per category per choice
            let bit = 1u64 << (c as u32 % 64);
            if *seen_in & bit != 0 {
                return;
            }
            *seen_in |= bit;
            if let Some(slot) = named.iter_mut().find(|(n, k, _)| *n == c && *k > 0) {
                slot.1 += 1;
            } else if let Some(slot) = named.iter_mut().find(|(_, k, _)| *k == 0) {
                *slot = (c, 1, reason);
            }
        };
        options.each(|o| {
            let o = o.trim();
            if o.is_empty() || o.chars().count() > 64 {
                return;
            }
            seen += 1;
            let mut seen_in = 0u64;
            hits.clear();
            lex.find_into(o, Source::Option, hits);
            for h in hits.iter() {
                count(
                    h.category,
                    Reason::Term(Source::Option, h.entry),
                    &mut seen_in,
                );
            }
            detect::detect_value_into(o, &mut kinds);
            for d in &kinds {
                let c = d.kind.category();
                if c != Category::NonPersonal && c != Category::FreeText {
                    count(c, Reason::Choice(d.kind), &mut seen_in);
                }
            }
        });
        for (category, n, reason) in named {
            if n >= 2 {
                self.push(category, CHOICES_AGREE, Place::Options, 0, reason);
            }
        }
    }

    fn value(&mut self, kind: detect::Kind, strength: Strength) {
        let (place, score) = match strength {
            Strength::Validated => (Place::Value, 0.95),
            Strength::Shaped => (Place::Shape, 0.3),
        };
        self.push(kind.category(), score, place, 0, Reason::Value(kind));
    }

    /// The strongest vote for `category` from one place.
    fn place_score(&self, category: Category, place: Place) -> f64 {
        self.best
            .iter()
            .find(|(c, _)| *c == category)
            .map_or(0.0, |(_, row)| row[place as usize])
    }

    /// The combined score of `category` over `places`: 1 − Π(1 − sₚ), sₚ the strongest vote
    /// from place p.
    fn score(&self, category: Category, places: &[Place]) -> f64 {
        self.best
            .iter()
            .find(|(c, _)| *c == category)
            .map_or(0.0, |(_, row)| {
                1.0 - places
                    .iter()
                    .map(|&p| 1.0 - row[p as usize])
                    .product::<f64>()
            })
    }

    /// The decision (rules in the module docs). Among metadata votes the strongest category
    /// wins: by combined score, then sensitivity (fail closed), then the position of its last
    /// term (head words come last in both English and Chinese compounds: 学生姓名, guardian phone).
    fn decide(&self) -> (Category, f64) {
        let meta_score = |c: Category| self.score(c, META);
        let declared = self.votes.iter().any(|v| v.place == Place::Autocomplete);
        let meta = self
            .votes
            .iter()
            .filter(|v| META.contains(&v.place))
            .map(|v| {
                (
                    v.category,
                    meta_score(v.category),
                    v.category.default_sensitivity(),
                    v.position,
                )
            })
            .max_by(|a, b| {
                // Two categories each named by a clear word of the label, name or placeholder:
                // the more sensitive one (fail closed; a yes/no about a health problem at
                // school is health). Where an autocomplete token declares the field, scores
                // count in full. An input type is no word: it counts below a strong term
                // (a password box labelled 姓名 is a name; one named `captcha` under an
                // ambiguous 验证码 is the captcha).
                let clear = |c: Category, s: f64| {
                    if declared {
                        s
                    } else {
                        self.score(c, WORDS)
                            .max(self.place_score(c, Place::Type).min(TYPE_CLEAR))
                            .min(STRONG_TERM)
                    }
                };
                clear(a.0, a.1)
                    .total_cmp(&clear(b.0, b.1))
                    .then(a.2.cmp(&b.2))
                    .then(a.1.total_cmp(&b.1))
                    .then(a.3.cmp(&b.3))
            })
            .map(|(c, s, _, _)| (c, s));
        // What the user is shown beats what only the `name` attribute says: names are often
        // copied from another form (`UserName` under "Số CMND", `PasswordHash` under
        // "Nguyên quán"), while a strong word in the label or placeholder is what gets typed.
        let visible = |c: Category| {
            self.place_score(c, Place::Label)
                .max(self.place_score(c, Place::Placeholder))
        };
        let meta = match meta {
            Some((m, _))
                if self
                    .votes
                    .iter()
                    .filter(|v| v.category == m)
                    .all(|v| v.place == Place::Name) =>
            {
                self.votes
                    .iter()
                    .filter(|v| matches!(v.place, Place::Label | Place::Placeholder))
                    .filter(|v| v.category != m && visible(v.category) >= 0.7)
                    .max_by(|a, b| {
                        visible(a.category).total_cmp(&visible(b.category)).then(
                            a.category
                                .default_sensitivity()
                                .cmp(&b.category.default_sensitivity()),
                        )
                    })
                    .map(|v| (v.category, meta_score(v.category)))
                    .or(meta)
            }
            other => other,
        };
        // Validated readings of the value, in the detector's order of specificity (a valid
        // resident ID before the card number the same digits might also be); the one the
        // metadata supports comes first.
        let mut validated = self
            .votes
            .iter()
            .filter(|v| v.place == Place::Value)
            .map(|v| v.category);
        let first_validated = validated.clone().next();
        let from_value = validated.find(|&c| meta_score(c) > 0.0).or(first_validated);

        // A comment box whose label names something specific ("主诉/症状描述", "allergies" as a
        // textarea) is that thing: free text yields to a strong term in the label or name.
        let meta = match meta {
            Some((Category::FreeText, _)) => self
                .votes
                .iter()
                .filter(|v| {
                    matches!(v.place, Place::Label | Place::Name)
                        && v.category != Category::FreeText
                })
                .filter(|v| self.score(v.category, &[v.place]) >= STRONG_TERM)
                .max_by_key(|v| v.category.default_sensitivity())
                .map(|v| (v.category, meta_score(v.category)))
                .or(meta),
            other => other,
        };
        // The most sensitive shape reading of the value (a date, a kinship word, an address…).
        let shaped = self
            .votes
            .iter()
            .filter(|v| v.place == Place::Shape)
            .max_by_key(|v| v.category.default_sensitivity())
            .map(|v| v.category);
        // Only weak words of the name or label: no autocomplete token, no telling input type.
        let words_only = !self
            .votes
            .iter()
            .any(|v| matches!(v.place, Place::Autocomplete | Place::Type));
        let category = match (meta, from_value) {
            // A weak hint alone (`answer_4`, `uni-input-8`: words of generic field names) does
            // not outweigh what the value is.
            (Some((_, s)), Some(v)) if s < WEAK_ONLY && words_only => v,
            (Some((_, s)), None) if s < WEAK_ONLY && words_only && shaped.is_some() => {
                shaped.unwrap_or(Category::FreeText)
            }
            // …nor does it make a bare code something: `uni-input-8` holding an order number.
            (Some((_, s)), None)
                if s < WEAK_ONLY && words_only && (self.code_like || self.hidden) =>
            {
                return (Category::NonPersonal, 0.3)
            }
            (Some((m, _)), Some(_)) if m == Category::FreeText => m,
            (Some((m, s)), Some(v)) => {
                let (sv, sm) = (v.default_sensitivity(), m.default_sensitivity());
                if v == m || sv > sm || s < 0.5 {
                    v
                } else if sm > sv {
                    // The metadata names something more sensitive than the value's format
                    // ("支付宝账号" holding an e-mail address): fail closed.
                    m
                } else if meta_score(v) > 0.0 {
                    v
                } else {
                    m
                }
            }
            (None, Some(v)) => v,
            (Some((m, _)), None) => m,
            (None, None) => {
                // A bare date counts as a birth date here (fail closed): with nothing said
                // about it, a date typed about a person is most likely when they were born.
                match shaped {
                    Some(v) => v,
                    None if self.code_like || self.choice_like || self.hidden => {
                        return (Category::NonPersonal, 0.3)
                    }
                    None => return (Category::FreeText, 0.1),
                }
            }
        };
        let rival = self
            .best
            .iter()
            .filter(|(c, _)| *c != category)
            .map(|&(c, _)| self.score(c, ALL))
            .fold(0.0, f64::max);
        (
            category,
            (self.score(category, ALL) * (1.0 - 0.5 * rival)).clamp(0.05, 0.99),
        )
    }

    /// The reasons behind `category`, in the order found, without repeats, into `out`
    /// (cleared first).
    fn reasons_for(&self, category: Category, out: &mut Vec<Reason>) {
        out.clear();
        for v in self.votes.iter().filter(|v| v.category == category) {
            if !out.contains(&v.reason) {
                out.push(v.reason);
            }
        }
    }
}

/// Input types whose value is picked, not typed: lists, buttons, sliders, pickers.
const PICKED: &[&str] = &[
    "select",
    "select-one",
    "select-multiple",
    "radio",
    "checkbox",
    "range",
    "number",
    "picker",
    "cascader",
    "datetime",
    "datetime-local",
    "time",
    "week",
];

/// The field's `type` is one of `names` (ASCII case-insensitive).
fn type_is(field: &Meta<'_>, names: &[&str]) -> bool {
    field
        .input_type
        .map(str::trim)
        .is_some_and(|t| names.iter().any(|n| t.eq_ignore_ascii_case(n)))
}

/// What a field the metadata calls `category` holds, given how it is filled in (its value
/// did not validate as that category):
///
/// * an address: see [`address_part`];
/// * free text picked from a list or buttons ("申请原因" as a select, a star rating under
///   "请评论"): nothing is typed, so it is one of the service's choices, not text;
/// * something a person *types* (an e-mail address, a phone or card number, a password, a
///   user name, an account, a photo) under a radio button or checkbox: its value is one of the
///   page's options, so the field is a choice *about* that thing (an opt-in to texts, "pay by
///   credit card", consent to be photographed), not the thing. National IDs are left out on
///   purpose: an ID-type radio (身份证/护照) says which document the child has.
///
/// A choice whose value holds personal data anyway is turned back into free text by the scan
/// that follows.
fn picked_part(field: &Meta<'_>, evidence: &Evidence, category: Category) -> Category {
    match category {
        Category::Address => address_part(field, evidence),
        Category::FreeText
            if type_is(
                field,
                &[
                    "select",
                    "select-one",
                    "select-multiple",
                    "radio",
                    "checkbox",
                ],
            ) =>
        {
            Category::NonPersonal
        }
        Category::Email
        | Category::Phone
        | Category::BankAccount
        | Category::Credential
        | Category::Username
        | Category::SocialAccount
        | Category::Photo
        | Category::PostalCode
            if type_is(field, &["radio", "checkbox"]) =>
        {
            Category::NonPersonal
        }
        other => other,
    }
}

/// What a field the metadata calls an address holds, given how it is filled in:
///
/// * picked from a list (a select, a cascader, a picker): a street address cannot be, so it is
///   the region part (省市区, a city, a district);
/// * a checkbox ("同戶籍地址", "same as home address"): a flag that copies another answer, not
///   an address;
/// * otherwise the address, or its postal-code part when the field's name says so (an address
///   block labelled "주소" whose inputs are named `zip`, `street`…).
///
/// The reasons stay those of the address: they are what the field was recognised by.
fn address_part(field: &Meta<'_>, evidence: &Evidence) -> Category {
    let is = |names: &[&str]| type_is(field, names);
    if is(&[
        "select",
        "select-one",
        "select-multiple",
        "cascader",
        "picker",
    ]) {
        Category::Region
    } else if is(&["checkbox"]) {
        Category::NonPersonal
    } else if evidence.place_score(Category::PostalCode, Place::Name) >= STRONG_TERM
        || evidence.place_score(Category::PostalCode, Place::Placeholder) >= PLACEHOLDER_STRONG
    {
        Category::PostalCode
    } else {
        Category::Address
    }
}

/// Where the object part of a path-like name ends (`BillingAddress.ShipHour`,
/// `student[guardian][phone]`): the char index of the last `.` or `[`, if a term is found
/// after it; 0 otherwise (no path, or a last segment no term names, as in
/// `BillingAddress.DistrictId`, where the object is all the name says).
fn object_path_end(name: &str, hits: &[crate::lexicon::Hit]) -> u32 {
    let last = name
        .chars()
        .take(crate::lexicon::MAX_METADATA_CHARS)
        .enumerate()
        .filter(|&(_, c)| c == '.' || c == '[')
        .map(|(i, _)| i as u32)
        .last();
    match last {
        Some(sep) if hits.iter().any(|h| h.start > sep) => sep,
        _ => 0,
    }
}

/// Characters of numbers, prices and codes (`4`, `SKU-2231`, `¥128.00`, `12.5%`).
fn is_code_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '-' | '_' | '.' | '/' | '#' | ',' | '%' | '+' | ':' | '¥' | '￥' | '$' | '€' | '£'
        )
}

/// What an input `type` says: (type, category, score). Indexed by [`Reason::Type`].
const TYPES: &[(&str, Category, f64)] = &[
    // A mask, not a meaning: a strong label term (0.9) says what is masked (주민등록번호 typed
    // into a password box is a resident ID); a name term (0.85) does not outweigh it.
    ("password", Category::Credential, 0.88),
    ("email", Category::Email, 0.9),
    ("tel", Category::Phone, 0.8),
    ("textarea", Category::FreeText, 0.45),
    ("date", Category::BirthDate, 0.3),
    ("month", Category::BirthDate, 0.3),
    ("file", Category::Photo, 0.25),
    ("url", Category::SocialAccount, 0.25),
];

/// The evidence of an input `type`: (index in [`TYPES`], category, score).
fn type_evidence(t: &str) -> Option<(u32, Category, f64)> {
    let t = t.trim();
    TYPES
        .iter()
        .position(|(name, _, _)| name.eq_ignore_ascii_case(t))
        .map(|i| (i as u32, TYPES[i].1, TYPES[i].2))
}

fn term_score(source: Source, weight: Weight) -> f64 {
    match (source, weight) {
        (Source::Label, Weight::Strong) => 0.9,
        (Source::Label, Weight::Medium) => 0.65,
        (Source::Label, Weight::Weak) => 0.35,
        (Source::Name, Weight::Strong) => 0.85,
        (Source::Name, Weight::Medium) => 0.6,
        (Source::Name, Weight::Weak) => 0.3,
        // Placeholders often explain ("如有过敏请说明" under 备注), so they count a level lower.
        (Source::Placeholder, Weight::Strong) => 0.7,
        (Source::Placeholder, Weight::Medium) => 0.45,
        (Source::Placeholder, Weight::Weak) => 0.2,
        (Source::Option, _) => CHOICES_AGREE,
    }
}

/// PI found in free text: category and UTF-8 byte span. See [`find_personal_data_utf16`] for
/// offsets that JavaScript's `String.prototype.slice` understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Found {
    /// The category of what was found.
    pub category: Category,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
}

/// Personal data inside free text, with UTF-8 byte offsets into `text`.
pub fn find_personal_data(text: &str) -> Vec<Found> {
    detect::scan(text)
        .into_iter()
        .filter(|m| m.kind.category().default_sensitivity() > Sensitivity::None)
        .map(|m| Found {
            category: m.kind.category(),
            start: m.start,
            end: m.end,
        })
        .collect()
}

/// [`find_personal_data`] with offsets in UTF-16 code units, as JavaScript strings count them.
pub fn find_personal_data_utf16(text: &str) -> Vec<Found> {
    let mut found = find_personal_data(text);
    // Matches are sorted and disjoint, so one pass over the text converts every offset. A
    // character is one UTF-16 unit, two if it takes four bytes: the units are counted on the
    // bytes (every byte but a continuation byte opens a character; F0–F4 open four bytes).
    let b = text.as_bytes();
    let (mut byte, mut unit) = (0usize, 0usize);
    let mut to_utf16 = |target: usize| {
        let target = target.min(b.len());
        if target > byte {
            unit += b[byte..target]
                .iter()
                .map(|&x| usize::from(x & 0xC0 != 0x80) + usize::from(x >= 0xF0))
                .sum::<usize>();
            byte = target;
        }
        unit
    };
    for f in &mut found {
        f.start = to_utf16(f.start);
        f.end = to_utf16(f.end);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(field: Field) -> Category {
        classify_field(&field, None).category
    }

    #[test]
    fn an_address_is_read_by_how_it_is_filled_in() {
        let address = || Field::new("home").label("Home address");
        assert_eq!(category(address()), Category::Address);
        assert_eq!(category(address().input_type("select")), Category::Region);
        assert_eq!(category(address().input_type("cascader")), Category::Region);
        assert_eq!(
            category(
                Field::new("sameAsHome")
                    .label("Same as home address")
                    .input_type("checkbox")
            ),
            Category::NonPersonal
        );
        assert_eq!(
            category(Field::new("zip").label("住所")),
            Category::PostalCode
        );
    }

    #[test]
    fn words_the_user_is_shown_beat_a_copied_field_name() {
        let f = Field::new("UserName").placeholder("请输入身份证号码");
        assert_eq!(category(f), Category::NationalId);
        // A name that agrees with the type keeps its reading.
        let f = Field::new("email")
            .input_type("email")
            .placeholder("请输入手机号");
        assert_eq!(category(f), Category::Email);
    }

    #[test]
    fn a_password_box_is_what_its_label_says_it_masks() {
        let f = Field::new("rrn2")
            .label("Social security number")
            .input_type("password");
        assert_eq!(category(f), Category::NationalId);
        let f = Field::new("pw").label("Password").input_type("password");
        assert_eq!(category(f), Category::Credential);
    }

    #[test]
    fn two_clear_words_give_the_more_sensitive_category() {
        let f = Field::new("schoolNote")
            .label("School nurse: allergies")
            .input_type("radio");
        assert_eq!(category(f), Category::Health);
    }

    #[test]
    fn a_choice_is_not_typed_text() {
        let reason = || Field::new("reason").label("申请原因").placeholder("请选择");
        assert_eq!(category(reason()), Category::FreeText);
        assert_eq!(
            category(reason().input_type("select")),
            Category::NonPersonal
        );
        let stars = Field::new("comment-star")
            .label("请评论")
            .input_type("radio");
        assert_eq!(category(stars), Category::NonPersonal);
        // A choice that holds personal data anyway is text with that data in it.
        let f = reason().input_type("select").value("请联系13912345678");
        assert_eq!(category(f), Category::FreeText);
    }

    #[test]
    fn a_button_about_something_typed_is_a_choice_not_the_thing() {
        let sms = Field::new("cellsms")
            .label("Allow Text Messaging?")
            .input_type("checkbox");
        assert_eq!(category(sms), Category::NonPersonal);
        let card = Field::new("payment")
            .label("Credit Card")
            .input_type("radio");
        assert_eq!(category(card), Category::NonPersonal);
        // The value decides when it is the thing.
        let email = Field::new("email")
            .label("Email")
            .input_type("radio")
            .value("kid@example.com");
        assert_eq!(category(email), Category::Email);
        // Which ID document a child has, and what the child is, stay what they are.
        let id_type = Field::new("idType").label("证件类型").input_type("radio");
        assert_eq!(category(id_type), Category::NationalId);
        let gender = Field::new("sex").label("性别").input_type("radio");
        assert_eq!(category(gender), Category::Gender);
    }

    #[test]
    fn choices_that_agree_say_what_a_field_is() {
        let with = |f: Field, options: &[&str]| options.iter().fold(f, |f, o| f.option(*o));
        assert_eq!(
            category(with(Field::new("").input_type("radio"), &["女士", "先生"])),
            Category::Gender
        );
        assert_eq!(
            category(with(
                Field::new("service")
                    .label("Select Service")
                    .input_type("select"),
                &[
                    "Select Service",
                    "Tooth Extraction",
                    "Oral Surgery",
                    "Oral Prophylaxis"
                ]
            )),
            Category::Health
        );
        // One choice alone does not decide; a clear label outweighs the choices.
        assert_eq!(
            category(with(
                Field::new("pick").input_type("select"),
                &["护照", "Blue", "Red"]
            )),
            Category::NonPersonal
        );
        assert_eq!(
            category(with(
                Field::new("nationality")
                    .label("Nationality")
                    .input_type("select"),
                &["北京市", "上海市", "广州市"]
            )),
            Category::Nationality
        );
    }

    #[test]
    fn choices_of_harmless_words_never_hide_personal_data_in_the_value() {
        // Fail closed: the choices say "non-personal", the value says otherwise (a combo box
        // typed into, a page that fills a select from what was typed): the value wins.
        let with = |f: Field, options: &[&str]| options.iter().fold(f, |f, o| f.option(*o));
        for value in [
            "13912345678",
            "li.ming@example.cn",
            "110105201305120235",
            "6222 0281 0033 9075 798",
            "call me on 13912345678 after five",
        ] {
            for field in [Field::new(""), Field::new("pick").input_type("select")] {
                let field = with(field.value(value), &["Blue", "Red", "Green", "Small"]);
                assert_ne!(category(field), Category::NonPersonal, "{value}");
            }
        }
    }

    #[test]
    fn a_hidden_input_nothing_names_is_the_page_s_own() {
        assert_eq!(
            category(Field::new("uniqid").input_type("hidden")),
            Category::NonPersonal
        );
        assert_eq!(
            category(Field::new("url").input_type("hidden")),
            Category::NonPersonal
        );
        assert_eq!(
            category(Field::new("email").input_type("hidden")),
            Category::Email
        );
        let phone = Field::new("h1").input_type("hidden").value("13912345678");
        assert_eq!(category(phone), Category::Phone);
        // For a child, a field nothing explains is still free text, sensitive.
        let child = jurisdiction::lookup("CN", "jurisdiction").unwrap();
        let c = classify_field(&Field::new("mode").input_type("hidden"), Some(child));
        assert_eq!(
            (c.category, c.sensitivity),
            (Category::FreeText, Sensitivity::Sensitive)
        );
    }

    #[test]
    fn the_last_segment_of_a_path_names_the_field() {
        let f = Field::new("BillingAddress.ShipHour").input_type("hidden");
        assert_eq!(category(f), Category::NonPersonal);
        assert_eq!(category(Field::new("guardian.phone")), Category::Phone);
        // A last segment no term names leaves the object as what the name says.
        assert_eq!(
            category(Field::new("BillingAddress.Line1")),
            Category::Address
        );
    }

    #[test]
    fn an_input_type_is_not_a_word() {
        let f = Field::new("name").label("姓名").input_type("password");
        assert_eq!(category(f), Category::Name);
        let captcha = || {
            Field::new("inputCaptcha")
                .label("驗證碼")
                .input_type("password")
        };
        assert_eq!(category(captcha()), Category::NonPersonal);
        let sms = Field::new("smsCaptcha")
            .label("驗證碼")
            .input_type("password");
        assert_eq!(category(sms), Category::Credential);
        let bare = Field::new("code").label("验证码").input_type("password");
        assert_eq!(category(bare), Category::Credential);
        assert_eq!(
            category(Field::new("pw").input_type("password")),
            Category::Credential
        );
    }

    #[test]
    fn an_address_block_input_with_a_postal_code_placeholder_is_the_postal_code() {
        let f = Field::new("address1").label("주소").placeholder("우편번호");
        assert_eq!(category(f), Category::PostalCode);
        let f = Field::new("address2").label("주소").placeholder("상세주소");
        assert_eq!(category(f), Category::Address);
    }

    #[test]
    fn words_read_in_their_language() {
        let label = |l: &str| category(Field::new("f").label(l));
        assert_eq!(label("Nombre de couverts :"), Category::NonPersonal);
        assert_eq!(label("Nombre:"), Category::Name);
        assert_eq!(label("Nombre de usuario"), Category::Username);
        assert_eq!(label("Comment vous appelez-vous ?"), Category::Name);
        assert_eq!(label("Commentaires"), Category::FreeText);
        assert_eq!(label("Kontoinhaber"), Category::Name);
        assert_eq!(label("Commune"), Category::Region);
        assert_eq!(label("所属居委会"), Category::Region);
        assert_eq!(label("送付先"), Category::Address);
        assert_eq!(label("Civilité"), Category::Gender);
        assert_eq!(category(Field::new("jumin1")), Category::NationalId);
        assert_eq!(
            category(Field::new("grado").label("Grado:").input_type("select")),
            Category::School
        );
    }

    #[test]
    fn a_bare_date_is_not_a_birth_date_but_a_bare_date_part_is() {
        let date = Field::new("date").input_type("date");
        assert_eq!(category(date), Category::NonPersonal);
        let dob = Field::new("dob").label("Date").input_type("date");
        assert_eq!(category(dob), Category::BirthDate);
        let month = Field::new("m").label("Month").input_type("select");
        assert_eq!(category(month), Category::BirthDate);
    }
}
