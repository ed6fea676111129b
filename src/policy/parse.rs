//! Reading a policy from a JSON value, with the path and the allowed values in every error.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::{Action, Audience, Controller, Policy, Purpose, PurposeKind, Rule, Target, Text};
use crate::error::Error;
use crate::jurisdiction;
use crate::taxonomy::Category;

fn invalid(path: &str, message: impl Into<String>) -> Error {
    Error::PolicyInvalid {
        path: path.into(),
        message: message.into(),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn object<'a>(v: &'a Value, path: &str) -> Result<&'a Map<String, Value>, Error> {
    v.as_object()
        .ok_or_else(|| invalid(path, "expected an object"))
}

fn member<'a>(obj: &'a Map<String, Value>, path: &str, key: &str) -> Result<&'a Value, Error> {
    obj.get(key)
        .ok_or_else(|| invalid(&join(path, key), "is required"))
}

fn string(v: &Value, path: &str) -> Result<String, Error> {
    match v.as_str() {
        Some(s) if !s.trim().is_empty() => Ok(s.to_owned()),
        Some(_) => Err(invalid(path, "must not be empty")),
        None => Err(invalid(path, "expected a string")),
    }
}

fn one_of<T: Copy>(v: &Value, path: &str, allowed: &[(&str, T)]) -> Result<T, Error> {
    let names = allowed
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ");
    let s = v
        .as_str()
        .ok_or_else(|| invalid(path, format!("expected one of {names}")))?;
    allowed
        .iter()
        .find(|(n, _)| *n == s)
        .map(|(_, t)| *t)
        .ok_or_else(|| {
            invalid(
                path,
                format!("{s:?} is not allowed; expected one of {names}"),
            )
        })
}

fn text(v: &Value, path: &str) -> Result<Text, Error> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Ok(Text::Plain(s.clone())),
        Value::Object(map) if !map.is_empty() => {
            let mut out = BTreeMap::new();
            for (locale, t) in map {
                out.insert(locale.clone(), string(t, &join(path, locale))?);
            }
            Ok(Text::Localized(out))
        }
        _ => Err(invalid(
            path,
            "expected a non-empty string or an object of locale → text ({\"zh-CN\": …, \"en\": …})",
        )),
    }
}

const AUDIENCES: &[(&str, Audience)] = &[
    ("children", Audience::Children),
    ("general", Audience::General),
    ("mixed", Audience::Mixed),
];

const KINDS: &[(&str, PurposeKind)] = &[
    ("service", PurposeKind::Service),
    ("security", PurposeKind::Security),
    ("analytics", PurposeKind::Analytics),
    ("marketing", PurposeKind::Marketing),
    ("advertising", PurposeKind::Advertising),
    ("profiling", PurposeKind::Profiling),
];

/// The minimizer keeps purposes as bits of a `u64` (`minimize::PurposeSet`).
const MAX_PURPOSES: usize = crate::minimize::PurposeSet::CAPACITY;

const ACTIONS: &str = "keep, drop, hash, mask, generalize, redact";
const TARGETS: &str =
    "year, year_month, age, age_band, band, region, decimals:N (0–8), geohash:N (1–12), digits:N (1–6)";

fn target(v: &Value, path: &str) -> Result<Target, Error> {
    let s = v
        .as_str()
        .ok_or_else(|| invalid(path, format!("expected one of {TARGETS}")))?;
    let numbered = |prefix: &str, range: std::ops::RangeInclusive<u8>| -> Option<u8> {
        let n: u8 = s.strip_prefix(prefix)?.parse().ok()?;
        range.contains(&n).then_some(n)
    };
    let t = match s {
        "year" => Some(Target::Year),
        "year_month" => Some(Target::YearMonth),
        "age" => Some(Target::Age),
        "age_band" => Some(Target::AgeBand),
        "band" => Some(Target::Band),
        "region" => Some(Target::Region),
        _ => numbered("decimals:", 0..=8)
            .map(Target::Decimals)
            .or_else(|| numbered("geohash:", 1..=12).map(Target::Geohash))
            .or_else(|| numbered("digits:", 1..=6).map(Target::Digits)),
    };
    t.ok_or_else(|| {
        invalid(
            path,
            format!("{s:?} is not allowed; expected one of {TARGETS}"),
        )
    })
}

/// A rule; `category` is known for category rules (the target must fit it).
fn rule(
    v: &Value,
    path: &str,
    purposes: &BTreeMap<String, Purpose>,
    category: Option<Category>,
) -> Result<Rule, Error> {
    let obj = object(v, path)?;
    let list_path = join(path, "purposes");
    let list = member(obj, path, "purposes")?
        .as_array()
        .ok_or_else(|| invalid(&list_path, "expected an array of purpose ids"))?;
    if list.is_empty() {
        return Err(invalid(
            &list_path,
            "must name at least one declared purpose (a field with no purpose is dropped: omit the rule)",
        ));
    }
    let mut names = Vec::with_capacity(list.len());
    for (i, p) in list.iter().enumerate() {
        let item = format!("{list_path}[{i}]");
        let name = string(p, &item)?;
        if !purposes.contains_key(&name) {
            let declared = purposes.keys().cloned().collect::<Vec<_>>().join(", ");
            return Err(invalid(
                &item,
                format!("{name:?} is not a declared purpose; declared: {declared}"),
            ));
        }
        names.push(name);
    }
    let action_path = join(path, "action");
    let action = match member(obj, path, "action")?.as_str() {
        Some("keep") => Action::Keep,
        Some("drop") => Action::Drop,
        Some("hash") => Action::Hash,
        Some("mask") => Action::Mask,
        Some("generalize") => {
            let to_path = join(path, "to");
            let to = obj.get("to").ok_or_else(|| {
                invalid(
                    &to_path,
                    format!("generalize needs a target: one of {TARGETS}"),
                )
            })?;
            let t = target(to, &to_path)?;
            if let Some(c) = category.filter(|c| !t.fits().contains(c)) {
                let fits = t
                    .fits()
                    .iter()
                    .map(|c| c.id())
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(invalid(
                    &to_path,
                    format!(
                        "{:?} does not fit category {}; it generalizes {fits}",
                        to.as_str().unwrap_or(""),
                        c.id()
                    ),
                ));
            }
            Action::Generalize(t)
        }
        Some("redact") => {
            if let Some(c) = category.filter(|&c| c != Category::FreeText) {
                return Err(invalid(
                    &action_path,
                    format!(
                        "redact applies to free_text, not {}: replacing what the detectors find would leave the rest of a {} value",
                        c.id(),
                        c.id()
                    ),
                ));
            }
            let labels = match obj.get("labels") {
                None => None,
                Some(v) => {
                    let labels_path = join(path, "labels");
                    let tag = v.as_str().ok_or_else(|| {
                        invalid(&labels_path, "expected a locale tag (zh-CN, en)")
                    })?;
                    let locale = crate::locale::get(tag, &labels_path).map_err(|_| {
                        invalid(
                            &labels_path,
                            format!(
                                "{tag:?} is not a locale; one of {}",
                                crate::locale::tags().join(", ")
                            ),
                        )
                    })?;
                    Some(locale.tag)
                }
            };
            Action::Redact(labels)
        }
        Some(other) => {
            return Err(invalid(
                &action_path,
                format!("{other:?} is not allowed; expected one of {ACTIONS}"),
            ))
        }
        None => return Err(invalid(&action_path, format!("expected one of {ACTIONS}"))),
    };
    if !matches!(action, Action::Generalize(_)) && obj.contains_key("to") {
        return Err(invalid(
            &join(path, "to"),
            "only a generalize action takes a target",
        ));
    }
    if !matches!(action, Action::Redact(_)) && obj.contains_key("labels") {
        return Err(invalid(
            &join(path, "labels"),
            "only a redact action takes labels",
        ));
    }
    Ok(Rule {
        purposes: names,
        action,
    })
}

fn purpose(v: &Value, path: &str) -> Result<Purpose, Error> {
    let obj = object(v, path)?;
    let kind = one_of(member(obj, path, "kind")?, &join(path, "kind"), KINDS)?;
    let required = match obj.get("required") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(invalid(&join(path, "required"), "expected true or false")),
    };
    let retention = match obj.get("retention") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let r_path = join(path, "retention");
            let s = string(v, &r_path)?;
            if super::duration::duration_parts(&s).is_none() {
                return Err(invalid(
                    &r_path,
                    format!("{s:?} is not an ISO 8601 duration; expected e.g. P1Y, P6M, P30D"),
                ));
            }
            Some(s)
        }
    };
    let description = text(
        member(obj, path, "description")?,
        &join(path, "description"),
    )?;
    let recipients = match obj.get("recipients") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, r)| string(r, &format!("{}[{i}]", join(path, "recipients"))))
            .collect::<Result<_, _>>()?,
        Some(_) => {
            return Err(invalid(
                &join(path, "recipients"),
                "expected an array of recipient names",
            ))
        }
    };
    let child_description = match obj.get("childDescription") {
        None | Some(Value::Null) => None,
        Some(v) => Some(text(v, &join(path, "childDescription"))?),
    };
    Ok(Purpose {
        kind,
        required,
        retention,
        description,
        child_description,
        recipients,
    })
}

pub(super) fn policy(v: &Value) -> Result<Policy, Error> {
    let root = object(v, "policy")?;
    let id = string(member(root, "", "id")?, "id")?;
    let version = string(member(root, "", "version")?, "version")?;
    let jurisdiction = string(member(root, "", "jurisdiction")?, "jurisdiction")?;
    let jurisdiction = jurisdiction::lookup(&jurisdiction, "jurisdiction")
        .map_err(|e| {
            invalid(
                "jurisdiction",
                e.to_string()
                    .trim_start_matches("jurisdiction: ")
                    .to_owned(),
            )
        })?
        .code
        .to_owned();
    let audience = one_of(member(root, "", "audience")?, "audience", AUDIENCES)?;
    let controller_v = object(member(root, "", "controller")?, "controller")?;
    let controller = Controller {
        name: string(
            member(controller_v, "controller", "name")?,
            "controller.name",
        )?,
        contact: string(
            member(controller_v, "controller", "contact")?,
            "controller.contact",
        )?,
    };
    let storage = object(member(root, "", "storage")?, "storage")?;
    let storage_location = text(member(storage, "storage", "location")?, "storage.location")?;
    let after_retention = text(
        member(storage, "storage", "afterRetention")?,
        "storage.afterRetention",
    )?;
    let security = text(member(root, "", "security")?, "security")?;
    let complaints = string(member(root, "", "complaints")?, "complaints")?;
    let rights = text(member(root, "", "rights")?, "rights")?;

    let mut purposes = BTreeMap::new();
    let purposes_v = object(member(root, "", "purposes")?, "purposes")?;
    if purposes_v.is_empty() {
        return Err(invalid("purposes", "declare at least one purpose"));
    }
    if purposes_v.len() > MAX_PURPOSES {
        return Err(invalid(
            "purposes",
            format!("declare at most {MAX_PURPOSES} purposes"),
        ));
    }
    for (name, p) in purposes_v {
        purposes.insert(name.clone(), purpose(p, &format!("purposes.{name}"))?);
    }
    let mut categories = BTreeMap::new();
    if let Some(c) = root.get("categories") {
        for (name, r) in object(c, "categories")? {
            let path = format!("categories.{name}");
            categories.insert(
                name.clone(),
                rule(r, &path, &purposes, Category::from_id(name))?,
            );
        }
    }
    let mut fields = BTreeMap::new();
    if let Some(f) = root.get("fields") {
        for (name, r) in object(f, "fields")? {
            fields.insert(
                name.clone(),
                rule(r, &format!("fields.{name}"), &purposes, None)?,
            );
        }
    }
    Ok(Policy {
        id,
        version,
        jurisdiction,
        audience,
        controller,
        storage_location,
        after_retention,
        security,
        complaints,
        rights,
        purposes,
        categories,
        fields,
    })
}
