//! Canonical forms for hashing. Ad platforms hash e-mail addresses trimmed and lower-cased and
//! phone numbers in E.164; minform does the same so pseudonyms join across forms and devices.

use crate::detect::fold::fold;
use crate::taxonomy::Category;

/// The canonical form of `value` in `category`, before hashing.
///
/// Values are folded first ([`fold`]: full-width forms, invisible characters, Chinese
/// numerals, dotted digit groups).
///
/// * e-mail: trimmed, lower-cased;
/// * phone: E.164 (`+8613800138000`), `+86` assumed for a bare Chinese mobile or a landline with
///   its trunk `0`; `00` read as `+`; other numbers as their digits;
/// * ID numbers and bank accounts: separators removed, letters upper-cased;
/// * vehicles: the same, with the plate's middle dot (`京A·12345` = `京a12345`, VINs in any case);
/// * everything else: whitespace trimmed and folded to single spaces.
pub fn normalize(category: Category, value: &str) -> String {
    // Full-width digits, no-break and zero-width spaces, Chinese numerals: the same value
    // typed another way gets the same pseudonym.
    let value = &*fold(value);
    let folded = || value.split_whitespace().collect::<Vec<_>>().join(" ");
    match category {
        Category::Email => value.trim().to_lowercase(),
        Category::Phone => phone(value).unwrap_or_else(folded),
        Category::NationalId | Category::BankAccount | Category::StudentId | Category::DeviceId => {
            value
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '-')
                .flat_map(char::to_uppercase)
                .collect()
        }
        Category::Vehicle => value
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '·' | '•'))
            .flat_map(char::to_uppercase)
            .collect(),
        _ => folded(),
    }
}

/// E.164 for a phone number, if it has one.
fn phone(value: &str) -> Option<String> {
    let trimmed = value.trim();
    let plus = trimmed.starts_with('+') || trimmed.starts_with("00");
    let mut digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    if trimmed.chars().any(|c| c.is_alphabetic()) || digits.len() < 7 {
        return None;
    }
    if trimmed.starts_with("00") {
        digits.replace_range(..2, "");
    }
    let is_mobile =
        |d: &str| d.len() == 11 && d.starts_with('1') && matches!(d.as_bytes()[1], b'3'..=b'9');
    Some(if plus {
        format!("+{digits}")
    } else if is_mobile(&digits) {
        format!("+86{digits}")
    } else if digits.len() == 13 && digits.starts_with("86") && is_mobile(&digits[2..]) {
        format!("+{digits}")
    } else if let Some(national) = digits
        .strip_prefix('0')
        .filter(|d| (9..=11).contains(&d.len()))
    {
        format!("+86{national}")
    } else {
        digits
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::resident_id;

    #[test]
    fn plates_and_vins_lose_separators_and_case() {
        for v in [
            "京A·12345",
            "京a12345",
            " 京A-12345 ",
            "京A 12345",
            "京A•12345",
        ] {
            assert_eq!(normalize(Category::Vehicle, v), "京A12345", "{v}");
        }
        assert_eq!(
            normalize(Category::Vehicle, "lsgkb54h7ka123456"),
            "LSGKB54H7KA123456"
        );
    }

    #[test]
    fn email_is_trimmed_and_lower_cased() {
        assert_eq!(
            normalize(Category::Email, "  Ming.Li@Example.COM "),
            "ming.li@example.com"
        );
    }

    #[test]
    fn phones_become_e164() {
        for v in [
            "13800138000",
            "138 0013 8000",
            "138-0013-8000",
            "+86 138 0013 8000",
            "0086 13800138000",
            "8613800138000",
            "+86-138-0013-8000",
        ] {
            assert_eq!(normalize(Category::Phone, v), "+8613800138000", "{v}");
        }
        assert_eq!(normalize(Category::Phone, "010-62751234"), "+861062751234");
        assert_eq!(
            normalize(Category::Phone, "(0755) 8600 1234"),
            "+8675586001234"
        );
        assert_eq!(
            normalize(Category::Phone, "+1 (415) 555-2671"),
            "+14155552671"
        );
        assert_eq!(
            normalize(Category::Phone, " ext  12 "),
            "ext 12",
            "not a number: folded text"
        );
    }

    #[test]
    fn ids_lose_separators_and_case() {
        assert_eq!(
            normalize(Category::NationalId, "11010519491231002x"),
            "11010519491231002X"
        );
        assert_eq!(
            normalize(Category::NationalId, "110105 19491231 002x"),
            "11010519491231002X"
        );
        assert!(resident_id::is_valid(&normalize(
            Category::NationalId,
            "110105-19491231-002x"
        )));
        assert_eq!(
            normalize(Category::BankAccount, "6222 0281 0033 9075 798"),
            "6222028100339075798"
        );
    }

    #[test]
    fn other_text_has_whitespace_folded() {
        assert_eq!(normalize(Category::Name, "  王   小明 \n"), "王 小明");
    }
}
