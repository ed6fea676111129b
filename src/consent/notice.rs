//! The texts of every screen, generated from the policy and a locale file, so that what a child
//! or guardian reads is exactly what the policy collects: the data items come from its rules,
//! the methods from their actions, the periods from its retention, the rest from its words.
//!
//! The guardian and adult notices cover what CAC 2019 Art. 10 and PIPL Art. 17 require a notice
//! to say: who processes (controller and contact), purpose, method and scope (per purpose: the
//! data and in what form it leaves the device), storage place, retention and what happens after,
//! security measures, the consequences of refusing, the complaint channel, and how to correct or
//! delete and to withdraw. Child notices say less, more plainly, by age band.

use crate::classify::{classify_field, Field};
use crate::jurisdiction::Jurisdiction;
use crate::locale::Locale;
use crate::policy::{Action, Policy, Purpose, PurposeKind, Target};
use crate::taxonomy::{Category, Sensitivity};

use super::age::AgeBand;

/// How many items a list for young readers names before "and a few other things".
const SHORT_LIST: usize = 3;

/// One item of data a purpose uses, as the notice names it.
#[derive(Debug, Clone)]
struct Item {
    /// The category it is (by rule, or by classifying the field name); `None` if unknown.
    category: Option<Category>,
    /// The field name, for field rules whose name says nothing classifiable.
    field: Option<String>,
    action: Action,
}

/// Everything a flow's notices say, for one policy, locale, jurisdiction and kind of subject.
#[derive(Debug)]
pub(crate) struct Notices<'p> {
    policy: &'p Policy,
    pub(crate) locale: &'static Locale,
    jurisdiction: &'static Jurisdiction,
    /// The purposes offered, required first, with the data each uses.
    offered: Vec<(&'p str, &'p Purpose, Vec<Item>)>,
}

/// A title and paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Text {
    pub(crate) title: String,
    pub(crate) paragraphs: Vec<String>,
}

impl Text {
    /// The exact text shown, as its digest is computed: title and paragraphs, one per line.
    pub(crate) fn exact(&self) -> String {
        let mut s = self.title.clone();
        for p in &self.paragraphs {
            s.push('\n');
            s.push_str(p);
        }
        s
    }

    /// The BLAKE3 digest (hex) of [`Text::exact`]: what a receipt records of a notice.
    pub(crate) fn digest(&self) -> String {
        blake3::hash(self.exact().as_bytes()).to_hex().to_string()
    }
}

/// Whether a purpose is offered: commercial purposes never for a child (PIPL Art. 31 with
/// Art. 24, DPDP Act s9(3)); under Global Privacy Control, not advertising or profiling, nor a
/// commercial purpose that gives the data to third parties — the "sale or sharing" GPC opts
/// out of (Cal. Civ. Code § 1798.120, § 1798.135; CCPA Regs. § 7025).
pub(crate) fn offered(p: &Purpose, child: bool, gpc: bool) -> bool {
    let kind = p.kind;
    let sold = matches!(kind, PurposeKind::Advertising | PurposeKind::Profiling)
        || kind.is_commercial() && !p.recipients.is_empty();
    !(child && kind.is_commercial() || gpc && sold)
}

impl<'p> Notices<'p> {
    pub(crate) fn new(
        policy: &'p Policy,
        locale: &'static Locale,
        jurisdiction: &'static Jurisdiction,
        child: bool,
        gpc: bool,
    ) -> Notices<'p> {
        let items = |id: &String| -> Vec<Item> {
            let uses = |r: &crate::policy::Rule| {
                r.action != Action::Drop && r.purposes.iter().any(|x| x == id)
            };
            let by_category = policy
                .categories
                .iter()
                .filter(|(_, r)| uses(r))
                .map(|(c, r)| Item {
                    category: Category::from_id(c),
                    field: None,
                    action: r.action,
                });
            let by_field = policy.fields.iter().filter(|(_, r)| uses(r)).map(|(f, r)| {
                let category = classify_field(&Field::new(f.as_str()), None).category;
                let known = !matches!(category, Category::NonPersonal | Category::FreeText);
                Item {
                    category: known.then_some(category),
                    field: (!known).then(|| f.clone()),
                    action: r.action,
                }
            });
            by_category.chain(by_field).collect()
        };
        // Required purposes first, each group in id order (two passes: no sort to compile).
        let mut list = Vec::new();
        for required in [true, false] {
            for (id, p) in &policy.purposes {
                if p.required == required && offered(p, child, gpc) {
                    list.push((id.as_str(), p, items(id)));
                }
            }
        }
        let offered = list;
        Notices {
            policy,
            locale,
            jurisdiction,
            offered,
        }
    }

    /// The offered purposes: id and whether it is required, in notice order.
    pub(crate) fn purposes(&self) -> impl Iterator<Item = (&'p str, &'p Purpose)> + '_ {
        self.offered.iter().map(|(id, p, _)| (*id, *p))
    }

    /// The offered purposes that use `category`, in notice order.
    pub(crate) fn purposes_using(&self, category: Category) -> Vec<(&'p str, &'p Purpose)> {
        self.offered
            .iter()
            .filter(|(_, _, items)| items.iter().any(|i| i.category == Some(category)))
            .map(|(id, p, _)| (*id, *p))
            .collect()
    }

    /// The inherently sensitive categories the offered purposes use (PIPL Art. 28, 29: each
    /// needs its own consent), in taxonomy order.
    pub(crate) fn sensitive(&self) -> Vec<Category> {
        self.sensitive_of(|_| true)
    }

    /// The inherently sensitive categories that the offered purposes `which` accepts use.
    pub(crate) fn sensitive_of(&self, which: impl Fn(&str) -> bool) -> Vec<Category> {
        let used = |c: Category| {
            self.offered
                .iter()
                .filter(|(id, _, _)| which(id))
                .any(|(_, _, items)| items.iter().any(|i| i.category == Some(c)))
        };
        Category::ALL
            .iter()
            .copied()
            .filter(|&c| c.default_sensitivity() == Sensitivity::Sensitive && used(c))
            .collect()
    }

    /// A purpose's description in this locale.
    pub(crate) fn describe(&self, purpose: &Purpose) -> String {
        purpose.description.get(self.locale.tag).to_owned()
    }

    /// A purpose in words for a child: its `childDescription`, else its description.
    fn describe_for_child(&self, purpose: &Purpose) -> String {
        purpose
            .child_description
            .as_ref()
            .unwrap_or(&purpose.description)
            .get(self.locale.tag)
            .to_owned()
    }

    /// A category's name; `child` for the wording written for children.
    pub(crate) fn category_label(&self, category: Category, child: bool) -> String {
        let key = format!("category.{}", category.id());
        let child_key = format!("{key}.child");
        let key = if child && self.locale.has(&child_key) {
            child_key
        } else {
            key
        };
        self.locale.text(&key).to_owned()
    }

    fn item_label(&self, item: &Item, child: bool) -> String {
        match (item.category, &item.field) {
            (Some(c), _) => self.category_label(c, child),
            (None, Some(f)) => f.clone(),
            (None, None) => self.category_label(Category::NonPersonal, child),
        }
    }

    /// How an action sends a value, in words.
    fn method(&self, action: Action) -> String {
        let l = self.locale;
        let metres = |n: u8| 111_320.0 / 10f64.powi(i32::from(n));
        match action {
            Action::Keep => l.text("method.keep").to_owned(),
            Action::Drop => l.text("method.drop").to_owned(),
            Action::Hash => l.text("method.hash").to_owned(),
            Action::Mask => l.text("method.mask").to_owned(),
            Action::Redact(_) => l.text("method.redact").to_owned(),
            Action::Generalize(t) => {
                let (key, vars): (&str, Vec<(&str, String)>) = match t {
                    Target::Year => ("method.generalize.year", vec![]),
                    Target::YearMonth => ("method.generalize.year_month", vec![]),
                    Target::Age => ("method.generalize.age", vec![]),
                    Target::AgeBand => ("method.generalize.age_band", vec![]),
                    Target::Band => ("method.generalize.band", vec![]),
                    Target::Region => ("method.generalize.region", vec![]),
                    Target::Decimals(n) => (
                        "method.generalize.decimals",
                        vec![("distance", l.distance(metres(n)))],
                    ),
                    Target::Geohash(n) => {
                        // A geohash of n characters has ceil(5n/2) longitude bits.
                        let bits = (5 * i32::from(n) + 1) / 2;
                        let width = 40_075_016.0 / 2f64.powi(bits);
                        (
                            "method.generalize.geohash",
                            vec![("distance", l.distance(width))],
                        )
                    }
                    Target::Digits(n) => ("method.generalize.digits", vec![("n", n.to_string())]),
                };
                let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
                l.fill(key, &vars).unwrap_or_default()
            }
        }
    }

    /// Labels of every item the offered purposes use, each once, in order; `only` filters.
    fn labels(&self, child: bool, only: impl Fn(&Item) -> bool) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for item in self.offered.iter().flat_map(|(_, _, items)| items) {
            let label = self.item_label(item, child);
            if only(item) && !out.contains(&label) {
                out.push(label);
            }
        }
        out
    }

    /// `items` for young readers: a few concrete examples, then "and a few other things".
    fn short_list(&self, items: &[String]) -> String {
        let l = self.locale;
        if items.len() <= SHORT_LIST {
            return l.list(items);
        }
        let first = items[..SHORT_LIST].join(l.text("list.separator"));
        l.fill("list.more", &[("list", &first)])
            .unwrap_or_else(|| l.list(items))
    }

    /// The longest retention of the offered purposes, in words.
    fn longest_retention(&self) -> String {
        let days = |iso: &str| crate::policy::duration_days(iso).unwrap_or(0.0);
        self.offered
            .iter()
            .filter_map(|(_, p, _)| p.retention.as_deref())
            .max_by(|a, b| days(a).total_cmp(&days(b)))
            .and_then(|r| self.locale.duration(r))
            .unwrap_or_else(|| self.locale.text("notice.retention_undeclared").to_owned())
    }

    fn retention_of(&self, p: &Purpose) -> String {
        p.retention
            .as_deref()
            .and_then(|r| self.locale.duration(r))
            .unwrap_or_else(|| self.locale.text("notice.retention_undeclared").to_owned())
    }

    /// The values templates may use, for the child (`true`) or the adult wording.
    fn vars(&self, child: bool) -> Vec<(&'static str, String)> {
        let l = self.locale;
        let tag = l.tag;
        let p = self.policy;
        let purposes: Vec<String> = self
            .offered
            .iter()
            .map(|(_, p, _)| {
                if child {
                    self.describe_for_child(p)
                } else {
                    self.describe(p)
                }
            })
            .collect();
        let data = self.labels(child, |_| true);
        let transformed = self.labels(child, |i| {
            matches!(
                i.action,
                Action::Hash | Action::Mask | Action::Generalize(_)
            )
        });
        let sensitive: Vec<String> = self
            .sensitive()
            .into_iter()
            .map(|c| self.category_label(c, child))
            .collect();
        vec![
            ("controller", p.controller.name.clone()),
            ("contact", p.controller.contact.clone()),
            ("data", l.list(&data)),
            ("data_short", self.short_list(&data)),
            ("purposes", l.list(&purposes)),
            ("retention", self.longest_retention()),
            ("after", p.after_retention.get(tag).to_owned()),
            ("location", p.storage_location.get(tag).to_owned()),
            ("security", p.security.get(tag).to_owned()),
            ("rights", p.rights.get(tag).to_owned()),
            ("complaints", p.complaints.clone()),
            ("transformed", l.list(&transformed)),
            ("transformed_short", self.short_list(&transformed)),
            ("sensitive", l.list(&sensitive)),
            ("jurisdiction", {
                let key = format!("jurisdiction.{}", self.jurisdiction.code);
                if l.has(&key) {
                    l.text(&key).to_owned()
                } else {
                    self.jurisdiction.code.to_owned()
                }
            }),
            ("threshold", self.jurisdiction.child_below.to_string()),
        ]
    }

    /// Fills the paragraphs at `key`, leaving out those with an empty input and expanding
    /// `{each_purpose}` (guardian and adult notices) and `{each_child_purpose}` (child notices)
    /// into one paragraph per offered purpose.
    fn paragraphs(&self, key: &str, vars: &[(&'static str, String)]) -> Vec<String> {
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let mut out = Vec::new();
        for template in self.locale.texts(key) {
            if template.trim() == "{each_purpose}" {
                out.extend(self.purpose_paragraphs());
            } else if template.trim() == "{each_child_purpose}" {
                // One short sentence per purpose, in words for the child.
                for (_, p, _) in &self.offered {
                    let description = self.describe_for_child(p);
                    if let Some(s) = self
                        .locale
                        .fill("child.purpose", &[("description", &description)])
                    {
                        out.push(sentence_case(s));
                    }
                }
            } else if let Some(p) = crate::locale::fill(template, &vars) {
                out.push(sentence_case(p));
            }
        }
        out
    }

    fn purpose_paragraphs(&self) -> Vec<String> {
        let l = self.locale;
        self.offered
            .iter()
            .map(|(_, p, items)| {
                let data: Vec<String> = items
                    .iter()
                    .map(|i| {
                        let label = self.item_label(i, false);
                        let method = self.method(i.action);
                        l.fill("notice.item", &[("label", &label), ("method", &method)])
                            .unwrap_or(label)
                    })
                    .collect();
                let recipients = if p.recipients.is_empty() {
                    l.text("notice.no_recipients").to_owned()
                } else {
                    l.fill("notice.recipients", &[("list", &l.list(&p.recipients))])
                        .unwrap_or_default()
                };
                let need = l.text(if p.required {
                    "notice.required"
                } else {
                    "notice.optional"
                });
                let description = self.describe(p);
                let retention = self.retention_of(p);
                let data = l.list(&data);
                let key = if data.is_empty() {
                    "notice.purpose.no_data"
                } else {
                    "notice.purpose"
                };
                let vars = [
                    ("description", description.as_str()),
                    ("need", need),
                    ("data", data.as_str()),
                    ("retention", retention.as_str()),
                    ("recipients", recipients.as_str()),
                ];
                // `data` may be empty only in the no-data form, which does not use it.
                sentence_case(
                    l.fill(key, &vars)
                        .or_else(|| l.fill("notice.purpose.no_data", &vars))
                        .unwrap_or_default(),
                )
            })
            .collect()
    }

    /// The notice written for a child of `band`; `joint` when the child consents too.
    pub(crate) fn child(&self, band: AgeBand) -> Text {
        let band = match band {
            AgeBand::Adult => AgeBand::From16To17,
            b => b,
        };
        let key = format!("child.{}", band.as_str());
        Text {
            title: self.locale.text(&format!("{key}.title")).to_owned(),
            paragraphs: self.paragraphs(&format!("{key}.paragraphs"), &self.vars(true)),
        }
    }

    /// The notice for the child's parent or guardian.
    pub(crate) fn guardian(&self) -> Text {
        Text {
            title: self.locale.text("guardian.title").to_owned(),
            paragraphs: self.paragraphs("guardian.paragraphs", &self.vars(false)),
        }
    }

    /// The notice for an adult (or a child at or above the threshold).
    pub(crate) fn adult(&self) -> Text {
        Text {
            title: self.locale.text("adult.title").to_owned(),
            paragraphs: self.paragraphs("adult.paragraphs", &self.vars(false)),
        }
    }

    /// A screen's title and paragraphs from `<key>.title` / `<key>.paragraphs`, with `extra`
    /// inputs on top of the policy's.
    pub(crate) fn screen(&self, key: &str, extra: &[(&'static str, String)]) -> Text {
        let mut vars = self.vars(false);
        vars.extend(extra.iter().cloned());
        Text {
            title: self.locale.text(&format!("{key}.title")).to_owned(),
            paragraphs: self.paragraphs(&format!("{key}.paragraphs"), &vars),
        }
    }

    /// How to withdraw, for receipts.
    pub(crate) fn withdrawal(&self) -> String {
        let vars = self.vars(false);
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.locale
            .fill("receipt.withdrawal", &vars)
            .unwrap_or_default()
    }
}

/// `text` with its first letter upper-cased (a description written mid-sentence, `enrol the
/// child`, may start a paragraph or a label). Scripts without case are unchanged.
pub(crate) fn sentence_case(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => text,
    }
}
