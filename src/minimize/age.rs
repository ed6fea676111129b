//! Reading the subject's age from a record the way families write it, so that the minimizer can
//! tell that a record is a child's whatever the caller said (a parent who typed their own age).
//!
//! A reading that can mean two dates (`12/05/2017`: 12 May or 5 December) or only names a
//! month or a year is read as the **youngest** it allows: the fail-closed reading, since a
//! younger subject gets the stricter rules. Anything else is `None`, which a `children`/`mixed`
//! policy reads as a child.

use super::CivilDate;
use crate::detect::fold::{chinese_numbers_to_ascii, fold};

/// English month names and their common abbreviations, by month.
const MONTHS: [&[&str]; 12] = [
    &["january", "jan"],
    &["february", "feb"],
    &["march", "mar"],
    &["april", "apr"],
    &["may"],
    &["june", "jun"],
    &["july", "jul"],
    &["august", "aug"],
    &["september", "sept", "sep"],
    &["october", "oct"],
    &["november", "nov"],
    &["december", "dec"],
];

/// The birth date `v` says, at its youngest: `2017-05-12`, `2017/5/12`, `20170512`,
/// `2017年5月12日`, `二〇一七年五月十二日`, `May 12, 2017`, `12 May 2017`, `12/05/2017`,
/// `2017-05` (the month's last day), `2017` (31 December).
pub fn birth_date(v: &str) -> Option<CivilDate> {
    let folded = fold(v.trim());
    let text = chinese_numbers_to_ascii(&folded).to_lowercase();
    if let Some(d) = CivilDate::parse(&text) {
        return Some(d);
    }
    let mut numbers: Vec<&str> = Vec::new();
    let mut month_name = None;
    for token in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        // `12th` is 12.
        let number = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| token.strip_suffix(s))
            .unwrap_or(token);
        if number.bytes().all(|b| b.is_ascii_digit()) {
            numbers.push(number);
        } else if let Some(m) = MONTHS.iter().position(|names| names.contains(&token)) {
            month_name = Some(m as u32 + 1);
        } else if token != "of" {
            return None;
        }
    }
    let year_at = numbers.iter().position(|n| n.len() == 4)?;
    let year: i32 = numbers.remove(year_at).parse().ok()?;
    if !(1900..=2100).contains(&year) {
        return None;
    }
    let small: Vec<u32> = numbers.iter().filter_map(|n| n.parse().ok()).collect();
    if small.len() != numbers.len() {
        return None;
    }
    let date = |month: u32, day: Option<u32>| {
        let last = CivilDate::days_in_month(year, month)?;
        let day = day.unwrap_or(last);
        (1..=last)
            .contains(&day)
            .then_some(CivilDate { year, month, day })
    };
    match (month_name, small.as_slice()) {
        (Some(m), []) => date(m, None),
        (Some(m), [d]) => date(m, Some(*d)),
        (None, []) => date(12, None),
        (None, [m]) => date(*m, None),
        // Year first: year, month, day (ISO 8601, GB/T 7408).
        (None, [m, d]) if year_at == 0 => date(*m, Some(*d)),
        // Year last: day and month in either order (12/05/2017); the later date of the two
        // readings (the younger).
        (None, [a, b]) => match (date(*a, Some(*b)), date(*b, Some(*a))) {
            (Some(x), Some(y)) => Some(x.max(y)),
            (x, y) => x.or(y),
        },
        _ => None,
    }
}

/// The age on `today` of someone born on the date `v` says (see [`birth_date`]); `None` if
/// unreadable or in the future.
pub fn birth_date_age(v: &str, today: CivilDate) -> Option<f64> {
    birth_date(v)?.age_on(today).map(f64::from)
}

/// The number of years an age field says: `9`, `9岁`, `九岁`, `十二歲`, `age: 9`,
/// `9 years old`, `10.5`, `18个月` / `18 months` (1.5), `3 weeks`; `None` otherwise.
pub fn age_in_years(v: &str) -> Option<f64> {
    let folded = fold(v.trim());
    let text = chinese_numbers_to_ascii(&folded).to_lowercase();
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = &text[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let n: f64 = rest[..end].parse().ok()?;
    let unit = rest[end..].trim_start();
    let starts = |words: &[&str]| words.iter().any(|w| unit.starts_with(w));
    let years = if starts(&["个月", "個月", "月", "month", "mo"]) {
        n / 12.0
    } else if starts(&["周", "週", "星期", "week", "wk"]) {
        n / 52.0
    } else if starts(&["天", "日", "day"]) {
        n / 365.0
    } else {
        n
    };
    (years.is_finite() && (0.0..150.0).contains(&years)).then_some(years)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: CivilDate = CivilDate {
        year: 2026,
        month: 12,
        day: 4,
    };

    #[test]
    fn birth_dates_as_families_write_them() {
        let d = |y, m, day| {
            Some(CivilDate {
                year: y,
                month: m,
                day,
            })
        };
        for (v, want) in [
            ("2017-05-12", d(2017, 5, 12)),
            ("2017/5/12", d(2017, 5, 12)),
            ("20170512", d(2017, 5, 12)),
            ("2017年5月12日", d(2017, 5, 12)),
            ("二〇一七年五月十二日", d(2017, 5, 12)),
            ("２０１７－０５－１２", d(2017, 5, 12)),
            ("May 12, 2017", d(2017, 5, 12)),
            ("12 May 2017", d(2017, 5, 12)),
            ("12th of May 2017", d(2017, 5, 12)),
            ("2017-05", d(2017, 5, 31)),
            ("2017年", d(2017, 12, 31)),
            ("12/05/2017", d(2017, 12, 5)),
            ("05/12/2017", d(2017, 12, 5)),
            ("31/12/2017", d(2017, 12, 31)),
            ("2017-13-01", None),
            ("sometime in spring", None),
            ("2017-13-45", None),
            ("1850", None),
        ] {
            assert_eq!(birth_date(v), want, "{v}");
        }
        assert_eq!(birth_date_age("2031-01-01", TODAY), None, "the future");
        assert_eq!(birth_date_age("2017-05-12", TODAY), Some(9.0));
    }

    #[test]
    fn ages_as_families_write_them() {
        for (v, want) in [
            ("9", Some(9.0)),
            ("9岁", Some(9.0)),
            ("九岁", Some(9.0)),
            ("十二歲", Some(12.0)),
            ("age: 9", Some(9.0)),
            ("9 years old", Some(9.0)),
            ("10.5", Some(10.5)),
            ("18个月", Some(1.5)),
            ("18 months", Some(1.5)),
            ("unknown", None),
            ("999", None),
        ] {
            assert_eq!(age_in_years(v), want, "{v}");
        }
    }
}
