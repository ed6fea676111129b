//! `redact`: free text with every span of personal data the detectors find replaced by its
//! category (`[phone]`, or `[电话号码]` with `"labels": "zh-CN"`), the rest kept.
//!
//! Why an action of its own: a comment box is presumed to hold a child's personal data (fail
//! closed), so `keep` sends whatever a child typed and `drop` loses what the box is for. Redacting
//! keeps the message and removes what `findPersonalData` recognises: every validated format (phone
//! numbers, IDs, e-mail, cards, plates, coordinates…) and the spans that cue phrases mark ("我叫…",
//! "my date of birth is …"). It is not a guarantee: a name or an address written without a cue is
//! not recognised and stays; the README says so.
//!
//! A value that is as a whole one of the personal formats (a bare name or date the field's label
//! outweighed) is replaced as a whole: reading it as free text must not let it through.

use crate::detect;
use crate::taxonomy::{Category, Sensitivity};

/// How many spans of each category were replaced, in first-seen order. Never holds a value.
pub type Counts = Vec<(Category, u32)>;

/// `text` with each personal span replaced by its label; adds what it replaced to `counts`.
pub fn redact(text: &str, labels: Option<&'static str>, counts: &mut Counts) -> String {
    let personal = |c: Category| c.default_sensitivity() > Sensitivity::None;
    let mut note = |c: Category| match counts.iter_mut().find(|(k, _)| *k == c) {
        Some((_, n)) => *n += 1,
        None => counts.push((c, 1)),
    };
    // The whole value first: what the field classifier would have called it on its own.
    if let Some(c) = detect::detect_value(text)
        .iter()
        .map(|d| d.kind.category())
        .find(|&c| personal(c))
    {
        note(c);
        return label(c, labels);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for m in detect::scan(text) {
        let c = m.kind.category();
        // (spans come sorted and apart; one that overlaps a replaced span is already gone)
        if !personal(c) || m.start < at || m.end > text.len() {
            continue;
        }
        out.push_str(&text[at..m.start]);
        out.push_str(&label(c, labels));
        note(c);
        at = m.end;
    }
    out.push_str(&text[at..]);
    out
}

/// `[phone]`, or the category's name in the locale (`[电话号码]`).
fn label(category: Category, labels: Option<&'static str>) -> String {
    match labels {
        None => format!("[{}]", category.id()),
        Some(tag) => {
            let key = format!("category.{}", category.id());
            format!("[{}]", crate::locale::get_or_fallback(tag).text(&key))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, labels: Option<&'static str>) -> (String, Counts) {
        let mut counts = Counts::new();
        let out = redact(text, labels, &mut counts);
        (out, counts)
    }

    #[test]
    fn replaces_each_span_and_keeps_the_rest() {
        let (out, counts) = run("我的电话是13812345678，邮箱 li.lei@example.com，谢谢", None);
        assert_eq!(out, "我的电话是[phone]，邮箱 [email]，谢谢");
        assert_eq!(counts, vec![(Category::Phone, 1), (Category::Email, 1)]);
    }

    #[test]
    fn localized_labels() {
        let (out, _) = run("请打13812345678找我", Some("zh-CN"));
        assert_eq!(out, "请打[电话号码]找我");
    }

    #[test]
    fn cue_marked_spans_go_too() {
        let (out, counts) = run("大家好，我叫王小明，今年上三年级。", None);
        assert!(!out.contains("王小明"), "{out}");
        assert!(
            counts.iter().any(|&(c, _)| c == Category::Name),
            "{counts:?}"
        );
        let (out, _) = run(
            "Hi! My date of birth is 4 March 2015 and I love cats.",
            None,
        );
        assert!(!out.contains("2015"), "{out}");
        assert!(out.contains("I love cats"), "{out}");
    }

    #[test]
    fn a_whole_value_format_is_replaced_whole() {
        let (out, counts) = run(" 110101201503041234 ", None);
        assert_eq!(out, "[national_id]");
        assert_eq!(counts, vec![(Category::NationalId, 1)]);
    }

    #[test]
    fn harmless_text_is_unchanged_and_counts_nothing() {
        let text = "今天在公园看到了很多小鸟，真开心！We played football after lunch.";
        let (out, counts) = run(text, None);
        assert_eq!(out, text);
        assert!(counts.is_empty());
    }

    #[test]
    fn repeated_categories_are_counted() {
        let (out, counts) = run("13812345678 或 13987654321", None);
        assert_eq!(out, "[phone] 或 [phone]");
        assert_eq!(counts, vec![(Category::Phone, 2)]);
    }
}
