//! Display masks as used in China: what a receipt or a confirmation page shows of a value.

use crate::detect::lexical::family_name_len;
use crate::taxonomy::Category;

const STAR: char = '*';

/// `value` masked for `category`, or `None` when nothing can be hidden (an empty value, a
/// "phone number" without digits): the field is then dropped.
///
/// * phone: first 3 and last 4 digits (`138****5678`), separators kept;
/// * national ID: first 6 and last 4 characters (`110105********0235`);
/// * bank account: last 4 digits only;
/// * name: the family name (`王**`, `欧阳**`; `J*** S****` for Latin names);
/// * e-mail: the first character of the mailbox and the domain (`z***@163.com`);
/// * anything else: the first and last character.
pub fn mask(category: Category, value: &str) -> Option<String> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    let masked = match category {
        Category::Phone => keep_digits(v, 3, 4),
        Category::NationalId | Category::StudentId => keep_chars(v, 6, 4),
        Category::BankAccount => keep_digits(v, 0, 4),
        Category::Name => name(v),
        Category::Email => match v.rsplit_once('@') {
            Some((local, domain)) if !local.is_empty() => {
                format!("{}***@{domain}", local.chars().next().unwrap_or(STAR))
            }
            _ => keep_chars(v, 1, 1),
        },
        _ => keep_chars(v, 1, 1),
    };
    // A mask that hides nothing (a "phone" with no digits) would send the raw value: refuse.
    (masked != v).then_some(masked)
}

/// Keeps the first `head` and last `tail` digits; other digits become `*`, other characters
/// stay. With too few digits, all digits are masked.
fn keep_digits(v: &str, head: usize, tail: usize) -> String {
    let total = v.chars().filter(char::is_ascii_digit).count();
    let (head, tail) = if total > head + tail {
        (head, tail)
    } else {
        (0, 0)
    };
    let mut seen = 0;
    v.chars()
        .map(|c| {
            if !c.is_ascii_digit() {
                return c;
            }
            seen += 1;
            if seen <= head || seen > total - tail {
                c
            } else {
                STAR
            }
        })
        .collect()
}

/// Keeps the first `head` and last `tail` characters (of the value without separators).
fn keep_chars(v: &str, head: usize, tail: usize) -> String {
    let chars: Vec<char> = v
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    let n = chars.len();
    if n <= head + tail {
        return STAR.to_string().repeat(n.max(1));
    }
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| if i < head || i >= n - tail { c } else { STAR })
        .collect()
}

fn name(v: &str) -> String {
    if let Some(family) = family_name_len(v) {
        let (kept, rest) = v.split_at(v.char_indices().nth(family).map_or(v.len(), |(i, _)| i));
        return format!(
            "{kept}{}",
            STAR.to_string().repeat(rest.chars().count().max(1))
        );
    }
    // Latin script: the initial of each word.
    v.split_whitespace()
        .map(|word| {
            let mut chars = word.chars();
            let first = chars.next().unwrap_or(STAR);
            format!("{first}{}", STAR.to_string().repeat(chars.count()))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn china_display_conventions() {
        assert_eq!(mask(Category::Phone, "13812345678").unwrap(), "138****5678");
        assert_eq!(
            mask(Category::Phone, "+86 138 1234 5678").unwrap(),
            "+86 1** **** 5678"
        );
        assert_eq!(
            mask(Category::NationalId, "110105201305120235").unwrap(),
            "110105********0235"
        );
        assert_eq!(
            mask(Category::BankAccount, "6222 0281 0033 9075 798").unwrap(),
            "**** **** **** ***5 798"
        );
        assert_eq!(mask(Category::Name, "王小明").unwrap(), "王**");
        assert_eq!(mask(Category::Name, "欧阳娜娜").unwrap(), "欧阳**");
        assert_eq!(mask(Category::Name, "Ming Li").unwrap(), "M*** L*");
        assert_eq!(
            mask(Category::Email, "zhang.san@163.com").unwrap(),
            "z***@163.com"
        );
        assert_eq!(mask(Category::Address, "  "), None);
        assert_eq!(mask(Category::Address, "北京市海淀区").unwrap(), "北****区");
        assert_eq!(
            mask(Category::Phone, "A-Aa"),
            None,
            "nothing to hide: dropped, not sent raw"
        );
    }
}
