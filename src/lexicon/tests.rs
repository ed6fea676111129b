use super::*;

fn terms(text: &str, source: Source) -> Vec<(&'static str, Category)> {
    lexicon()
        .find(text, source)
        .into_iter()
        .map(|h| (h.term, h.category))
        .collect()
}

#[test]
fn tables_are_well_formed() {
    assert_eq!(validate_tables(), []);
}

#[test]
fn autocomplete_takes_the_first_field_name_token() {
    let lex = lexicon();
    let named = |attr: &str| {
        lex.autocomplete(attr)
            .map(|(i, c)| (lex.autocomplete_token(i).unwrap(), c))
    };
    assert_eq!(
        named("section-kid shipping tel"),
        Some(("tel", Category::Phone))
    );
    assert_eq!(named("BDAY"), Some(("bday", Category::BirthDate)));
    assert_eq!(lex.autocomplete("off"), None);
    assert_eq!(lex.autocomplete(""), None);
}

#[test]
fn longest_match_wins_on_overlap() {
    assert_eq!(
        terms("Order number", Source::Label),
        [("order number", Category::NonPersonal)]
    );
    assert_eq!(
        terms("图形验证码", Source::Label),
        [("图形验证码", Category::NonPersonal)]
    );
    assert_eq!(
        terms("Email address", Source::Label),
        [("email address", Category::Email)]
    );
    assert_eq!(
        terms("IP地址", Source::Label),
        [("ip地址", Category::IpAddress)]
    );
}

#[test]
fn identifiers_are_split_and_runs_segmented() {
    let guardian_phone = terms("guardianPhone", Source::Name);
    assert_eq!(guardian_phone.len(), 2);
    assert_eq!(guardian_phone[1], ("phone", Category::Phone));
    assert!(terms("homeaddress", Source::Name)
        .iter()
        .all(|(_, c)| *c == Category::Address));
    assert!(!terms("homeaddress", Source::Name).is_empty());
    assert_eq!(
        terms("zipCode", Source::Name),
        [("zip code", Category::PostalCode)]
    );
    // `ip` is an English word: it must not be found inside `zip` or `ship`.
    assert_eq!(terms("shipping", Source::Name), []);
}

#[test]
fn pinyin_only_in_names_and_only_whole_words() {
    assert_eq!(terms("xm", Source::Name), [("xm", Category::Name)]);
    assert_eq!(terms("xm", Source::Label), []);
    let split = terms("jhr_xm", Source::Name);
    assert_eq!(split.last(), Some(&("xm", Category::Name)));
    let split = terms("jhr_lxdh", Source::Name);
    assert_eq!(split.last(), Some(&("lxdh", Category::Phone)));
    assert_eq!(
        terms("jhrlxdh", Source::Name),
        split,
        "a run of initialisms splits like separate words"
    );
    assert_eq!(terms("xmpp", Source::Name), []);
}

#[test]
fn full_width_and_case_are_folded() {
    assert_eq!(
        terms("ＱＱ号", Source::Label),
        [("qq号", Category::SocialAccount)]
    );
    assert_eq!(
        terms("监护人手机号", Source::Label).last(),
        Some(&("手机号", Category::Phone))
    );
    assert_eq!(
        terms("ＥＭＡＩＬ", Source::Label),
        terms("email", Source::Label)
    );
}

#[test]
fn huge_metadata_is_truncated_not_scanned_whole() {
    let huge = "的".repeat(1 << 20);
    assert_eq!(terms(&huge, Source::Label), []);
    let long_then_term = format!("{}姓名", "的".repeat(MAX_METADATA_CHARS));
    assert_eq!(terms(&long_then_term, Source::Label), []);
}

/// Every term, used alone as a label (English and Chinese) or as a name (pinyin), must come out
/// as its own category: a term that another term overrides by itself is dead data.
#[test]
fn every_entry_classifies_as_its_category_on_its_own() {
    use crate::classify::{classify_field, Field};
    let tables = [
        ("en.tsv", include_str!("data/en.tsv"), Source::Label),
        ("zh.tsv", include_str!("data/zh.tsv"), Source::Label),
        ("intl.tsv", include_str!("data/intl.tsv"), Source::Label),
        ("pinyin.tsv", include_str!("data/pinyin.tsv"), Source::Name),
    ];
    let mut wrong = Vec::new();
    for (file, table, source) in tables {
        for (line, cols) in rows(table) {
            let Ok(e) = entry_of(&cols) else { continue };
            let field = match source {
                Source::Name => Field::new(e.term),
                _ => Field::new("x").label(e.term.trim_start_matches('=')),
            };
            let got = classify_field(&field, None).category;
            if got != e.category {
                wrong.push(format!(
                    "{file}:{line}: {:?} is {} in the table but classifies as {got}",
                    e.term, e.category
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} terms:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn english_plurals_match_their_singular() {
    let cats = |t: &str| {
        terms(t, Source::Label)
            .into_iter()
            .map(|(_, c)| c)
            .collect::<Vec<_>>()
    };
    assert_eq!(cats("Immunizations"), cats("Immunization"));
    assert!(!cats("Home addresses").is_empty());
    assert_eq!(cats("Allergies"), [Category::Health]);
}

/// `find_words` looks a name word up in pinyin only when it is not an English word, which is
/// right only while no word is in both tables.
#[test]
fn english_words_and_pinyin_tokens_are_disjoint() {
    let words = |table: &'static str| -> std::collections::HashSet<&'static str> {
        rows(table)
            .filter_map(|(_, cols)| cols.first().copied())
            .flat_map(str::split_whitespace)
            .collect()
    };
    let en = words(include_str!("data/en.tsv"));
    let pinyin = words(include_str!("data/pinyin.tsv"));
    let shared: Vec<_> = en.intersection(&pinyin).collect();
    assert!(
        shared.is_empty(),
        "in both en.tsv and pinyin.tsv: {shared:?}"
    );
}

#[test]
fn whole_text_terms_count_only_as_the_whole_text() {
    assert_eq!(
        terms("Date", Source::Label),
        [("date", Category::NonPersonal)]
    );
    assert_eq!(
        terms(" 月(mm) ：", Source::Label),
        [("月", Category::BirthDate)]
    );
    assert_eq!(terms("Năm:", Source::Label), [("năm", Category::BirthDate)]);
    // Inside other words or text they say nothing.
    assert_eq!(terms("Update", Source::Label), []);
    assert_eq!(terms("月收入", Source::Label), []);
    assert_eq!(terms("Day of week", Source::Label), []);
}

#[test]
fn labels_are_lower_cased_beyond_ascii() {
    assert_eq!(
        terms("ĐỊA CHỈ", Source::Label),
        [("địa chỉ", Category::Address)]
    );
}
