//! Display masks as used in China: what a receipt or a confirmation page shows of a value.
//!
//! A mask is only as safe as the value it is applied to: masking "Wang Xiaoming 13912345678"
//! as a phone number would send the name through, and masking `139１２３４5678` digit by
//! ASCII digit would send the full-width digits through. So a value is masked only if it
//! **validates** for its category (after folding, see [`crate::detect::fold`]), the mask is
//! built from its **normalized** form, and it has a **fixed shape** (the number of stars does
//! not reveal the length). Anything else is `None`, and the engine drops the field.

use crate::detect::{self, fold::fold, lexical::family_name_len, phone, resident_id, Strength};
use crate::taxonomy::Category;

use super::normalize;

/// `value` masked for `category`, or `None` when it does not validate as one (the field is
/// then dropped):
///
/// * phone: a CN mobile as `138****5678`; other numbers as `+CC ****5678`;
/// * national ID: a resident ID as the first 6 and last 4 (`110105********0235`), other
///   documents as the first character and the last 2 (`E*****78`);
/// * bank account (Luhn card or IBAN): `****` and the last 4;
/// * e-mail: the first character of the mailbox and the domain (`z***@163.com`);
/// * name: the family name of a Chinese name (`王**`, `欧阳**`), the initials of a Latin one
///   (`M. L.`);
/// * student number (letters and digits only): `****` and the last 2;
/// * anything else: `None` — no category without a validator is masked.
pub fn mask(category: Category, value: &str) -> Option<String> {
    let folded = fold(value);
    let v = folded.trim();
    if v.is_empty() {
        return None;
    }
    let validates = |c: Category| {
        detect::detect_value(v)
            .iter()
            .any(|d| d.strength == Strength::Validated && d.kind.category() == c)
    };
    match category {
        Category::Phone if validates(Category::Phone) => phone_mask(&normalize(category, v)),
        Category::NationalId if validates(Category::NationalId) => {
            let id = normalize(category, v);
            if resident_id::is_valid(&id) {
                Some(format!("{}********{}", &id[..6], &id[id.len() - 4..]))
            } else {
                let chars: Vec<char> = id.chars().collect();
                let (first, last) = (chars.first()?, chars.get(chars.len().checked_sub(2)?..)?);
                Some(format!("{first}*****{}", last.iter().collect::<String>()))
            }
        }
        Category::BankAccount if validates(Category::BankAccount) => {
            let account = normalize(category, v);
            let tail: String = account
                .chars()
                .skip(account.chars().count().checked_sub(4)?)
                .collect();
            Some(format!("****{tail}"))
        }
        Category::Email if validates(Category::Email) => {
            let email = normalize(category, v);
            let (local, domain) = email.rsplit_once('@')?;
            Some(format!("{}***@{domain}", local.chars().next()?))
        }
        Category::Name => name(v),
        Category::StudentId => {
            let id = normalize(category, v);
            let ok = (4..=32).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric());
            ok.then(|| format!("****{}", &id[id.len() - 2..]))
        }
        _ => None,
    }
}

/// `+8613812345678` → `138****5678`; another E.164 number → `+CC ****` and its last 4 digits.
fn phone_mask(e164: &str) -> Option<String> {
    let digits = e164.strip_prefix('+').unwrap_or(e164);
    if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() < 7 {
        return None;
    }
    if let Some(national) = digits
        .strip_prefix("86")
        .filter(|n| phone::is_cn_mobile_digits(n.as_bytes()))
    {
        return Some(format!(
            "{}****{}",
            &national[..3],
            &national[national.len() - 4..]
        ));
    }
    let last = &digits[digits.len() - 4..];
    match phone::country_code_len(digits.as_bytes()).filter(|_| e164.starts_with('+')) {
        Some(cc) => Some(format!("+{} ****{last}", &digits[..cc])),
        None => Some(format!("****{last}")),
    }
}

/// A person's name: 2–4 Han characters starting with a known family name, or 1–4 words of
/// letters (with `-`, `'`, `.` inside). Nothing else is read as a name.
fn name(v: &str) -> Option<String> {
    if let Some(family) = family_name_len(v) {
        let kept: String = v.chars().take(family).collect();
        return Some(format!("{kept}**"));
    }
    let words: Vec<&str> = v.split_whitespace().collect();
    let latin = |w: &&str| {
        w.chars().next().is_some_and(char::is_alphabetic)
            && w.chars()
                .all(|c| c.is_alphabetic() && !is_han(c) || matches!(c, '-' | '\'' | '.'))
    };
    if words.is_empty() || words.len() > 4 || v.chars().count() > 64 || !words.iter().all(latin) {
        return None;
    }
    Some(
        words
            .iter()
            .map(|w| format!("{}.", w.chars().next().unwrap_or('*')))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn china_display_conventions() {
        assert_eq!(mask(Category::Phone, "13812345678").unwrap(), "138****5678");
        assert_eq!(
            mask(Category::Phone, "+86 138 1234 5678").unwrap(),
            "138****5678"
        );
        assert_eq!(
            mask(Category::Phone, "+44 20 7946 0958").unwrap(),
            "+44 ****0958"
        );
        assert_eq!(
            mask(Category::NationalId, "110105201305120235").unwrap(),
            "110105********0235"
        );
        assert_eq!(
            mask(Category::BankAccount, "6222 0281 0033 9075 798").unwrap(),
            "****5798"
        );
        assert_eq!(mask(Category::Name, "王小明").unwrap(), "王**");
        assert_eq!(mask(Category::Name, "王明").unwrap(), "王**", "fixed shape");
        assert_eq!(mask(Category::Name, "欧阳娜娜").unwrap(), "欧阳**");
        assert_eq!(mask(Category::Name, "Ming Li").unwrap(), "M. L.");
        assert_eq!(
            mask(Category::Email, "Zhang.San@163.com").unwrap(),
            "z***@163.com"
        );
    }

    #[test]
    fn obfuscated_values_are_masked_from_their_normalized_form() {
        for v in [
            "139１２３４5678",
            "139\u{00A0}1234\u{200B}5678",
            "一三九一二三四五六七八",
            "139.1234.5678",
        ] {
            assert_eq!(mask(Category::Phone, v).unwrap(), "139****5678", "{v}");
        }
    }

    #[test]
    fn values_that_do_not_validate_are_not_masked() {
        for (c, v) in [
            (Category::Phone, "Wang Xiaoming 13912345678"),
            (Category::Phone, "A-Aa"),
            (Category::Phone, "12345"),
            (Category::Name, "Wang Xiaoming 13912345678"),
            (Category::Name, "王小明13912345678"),
            (Category::NationalId, "110105201305120236"),
            (Category::BankAccount, "6222 0281 0033 9075 799"),
            (Category::Email, "not an address"),
            (Category::Address, "北京市海淀区"),
            (Category::StudentId, "2023 001 张三"),
            (Category::Address, "  "),
        ] {
            assert_eq!(mask(c, v), None, "{c:?} {v}");
        }
    }
}
