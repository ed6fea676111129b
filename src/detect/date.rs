//! Calendar dates, as typed into birthday fields.
//!
//! Dates follow the proleptic Gregorian calendar of ISO 8601 (leap year: divisible by 4 and
//! not by 100, or divisible by 400), restricted to the years 1900–2100. Accepted notations:
//!
//! * ISO 8601 / GB/T 7408 numeric: `2014-03-09`, `2014/3/9`, `2014.03.09`, basic `20140309`;
//! * Chinese: `2014年3月9日` (also `…9号`, or without the day suffix, spaces allowed);
//!   Korean the same with 년 월 일 (`2014년 03월 09일`);
//! * day/month/year and month/day/year: `09/03/2014`, `03/09/2014` (either reading must be a
//!   real date; which one is not decided);
//! * English month names: `March 9, 2014`, `Mar. 9 2014`, `9 Mar 2014`, `9th of March 2014`,
//!   optionally after a weekday.
//!
//! A date on its own is only ever [`Strength::Shaped`]: it becomes a
//! birth date only next to a label that says so.

use super::{digits_value, push, Detection, Kind, Strength};

/// Earliest year accepted.
pub const MIN_YEAR: u32 = 1900;
/// Latest year accepted.
pub const MAX_YEAR: u32 = 2100;

/// Gregorian leap year.
pub fn is_leap_year(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Days in `month` (1–12) of `year`; 0 for an invalid month.
pub fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A real calendar date with `MIN_YEAR <= year <= MAX_YEAR`.
pub fn is_valid_ymd(year: u32, month: u32, day: u32) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&year) && day >= 1 && day <= days_in_month(year, month)
}

/// `YYYYMMDD` (exactly 8 ASCII digits) is a valid date.
pub fn is_valid_yyyymmdd(b: &[u8]) -> bool {
    if b.len() != 8 {
        return false;
    }
    match (
        digits_value(b.get(0..4).unwrap_or(&[])),
        digits_value(b.get(4..6).unwrap_or(&[])),
        digits_value(b.get(6..8).unwrap_or(&[])),
    ) {
        (Some(y), Some(m), Some(d)) => is_valid_ymd(y, m, d),
        _ => false,
    }
}

/// The whole value (surrounding whitespace ignored) is a date in one of the notations above.
pub fn is_date(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.len() > 48 {
        return false;
    }
    let b = s.as_bytes();
    if b.len() == 8 && b.iter().all(u8::is_ascii_digit) {
        return is_valid_yyyymmdd(b);
    }
    numeric_separated(s) || chinese(s) || month_name(s) || iso_datetime(s)
}

/// `2014-03-09T00:00:00Z`, `2014-03-09 08:30`, `2014-03-09T00:00:00.000+08:00`: what date
/// pickers and APIs send for a birthday.
fn iso_datetime(s: &str) -> bool {
    let Some((date, time)) = s.split_once(['T', ' ']) else {
        return false;
    };
    let t = time.as_bytes();
    date.len() == 10
        && numeric_separated(date)
        && date.as_bytes().get(4) == Some(&b'-')
        && (5..=29).contains(&t.len())
        && t.get(..2).is_some_and(|h| h.iter().all(u8::is_ascii_digit))
        && t.get(2) == Some(&b':')
        && t.iter()
            .all(|c| c.is_ascii_digit() || matches!(c, b':' | b'.' | b'Z' | b'+' | b'-'))
}

/// `Y-M-D`, `D/M/Y` or `M/D/Y` with one separator kind among `-`, `/`, `.`.
fn numeric_separated(s: &str) -> bool {
    let Some(sep) = s.bytes().find(|c| !c.is_ascii_digit()) else {
        return false;
    };
    if !matches!(sep, b'-' | b'/' | b'.') {
        return false;
    }
    let mut parts = s.split(char::from(sep));
    let (Some(a), Some(b), Some(c), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let short = |p: &str| (1..=2).contains(&p.len());
    let (Some(va), Some(vb), Some(vc)) = (
        digits_value(a.as_bytes()),
        digits_value(b.as_bytes()),
        digits_value(c.as_bytes()),
    ) else {
        return false;
    };
    if a.len() == 4 && short(b) && short(c) {
        return is_valid_ymd(va, vb, vc);
    }
    if short(a) && short(b) && c.len() == 4 {
        return is_valid_ymd(vc, vb, va) || is_valid_ymd(vc, va, vb);
    }
    false
}

/// Takes 1..=max ASCII digits from the front of `s`.
fn take_digits(s: &str, max: usize) -> Option<(u32, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > max {
        return None;
    }
    let (d, rest) = s.split_at(n);
    Some((digits_value(d.as_bytes())?, rest))
}

/// `2014年3月9日`, `2014 年 03 月 09 日`, `2014年3月9号`, `2014年3月9`; in Korean
/// `2014년 3월 9일`.
fn chinese(s: &str) -> bool {
    ymd_with(s, ['年', '月', '日'], Some('号')) || ymd_with(s, ['년', '월', '일'], None)
}

/// Year, month and day, each followed by its unit character (the day's may be left out).
fn ymd_with(s: &str, units: [char; 3], other_day: Option<char>) -> bool {
    let Some((y, rest)) = take_digits(s, 4) else {
        return false;
    };
    if s.bytes().take_while(u8::is_ascii_digit).count() != 4 {
        return false;
    }
    let Some(rest) = rest.trim_start().strip_prefix(units[0]) else {
        return false;
    };
    let Some((m, rest)) = take_digits(rest.trim_start(), 2) else {
        return false;
    };
    let Some(rest) = rest.trim_start().strip_prefix(units[1]) else {
        return false;
    };
    let Some((d, rest)) = take_digits(rest.trim_start(), 2) else {
        return false;
    };
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix(units[2])
        .or_else(|| other_day.and_then(|c| rest.strip_prefix(c)))
        .unwrap_or(rest);
    rest.is_empty() && is_valid_ymd(y, m, d)
}

/// English month name or abbreviation (case-insensitive) to 1–12.
fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if word.len() < 3 || word.len() > 9 {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    for (i, name) in MONTHS.iter().enumerate() {
        if *name == lower
            || (lower.len() == 3 && name.starts_with(&lower))
            || lower == "sept" && i == 8
        {
            return Some(i as u32 + 1);
        }
    }
    None
}

fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let lower = word.to_ascii_lowercase();
    DAYS.iter()
        .any(|d| *d == lower || (lower.len() == 3 && d.starts_with(&lower)))
}

/// A day of month, optionally with an English ordinal suffix ("9", "09", "9th", "1st").
fn day_number(word: &str) -> Option<u32> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let (d, suffix) = word.split_at(digits);
    let ok = suffix.is_empty()
        || ["st", "nd", "rd", "th"]
            .iter()
            .any(|x| x.eq_ignore_ascii_case(suffix));
    if ok {
        digits_value(d.as_bytes())
    } else {
        None
    }
}

/// `March 9, 2014`, `9 Mar 2014`, `Sunday, 9th of March 2014`.
fn month_name(s: &str) -> bool {
    if !s
        .bytes()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b' ' | b',' | b'.'))
    {
        return false;
    }
    let mut words = [""; 6];
    let mut n = 0;
    for w in s.split([' ', ',', '.']).filter(|w| !w.is_empty()) {
        match words.get_mut(n) {
            Some(slot) => *slot = w,
            None => return false,
        }
        n += 1;
    }
    let mut w: &[&str] = words.get(..n).unwrap_or(&[]);
    if let Some((first, rest)) = w.split_first() {
        if is_weekday(first) {
            w = rest;
        }
    }
    let year = |t: &str| {
        if t.len() == 4 {
            digits_value(t.as_bytes())
        } else {
            None
        }
    };
    let (m, d, y) = match w {
        [m, d, y] if month_number(m).is_some() => (month_number(m), day_number(d), year(y)),
        [d, m, y] => (month_number(m), day_number(d), year(y)),
        [d, of, m, y] if of.eq_ignore_ascii_case("of") => (month_number(m), day_number(d), year(y)),
        _ => return false,
    };
    matches!((y, m, d), (Some(y), Some(m), Some(d)) if is_valid_ymd(y, m, d))
}

/// Adds a Shaped [`Kind::Date`] when the whole value is a date.
pub(crate) fn detect(v: &str, out: &mut Vec<Detection>) {
    if is_date(v) {
        push(out, Kind::Date, Strength::Shaped);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years() {
        assert!(is_leap_year(2000));
        assert!(is_leap_year(2012));
        assert!(!is_leap_year(1900));
        assert!(!is_leap_year(2100));
        assert!(!is_leap_year(2013));
        assert_eq!(days_in_month(2012, 2), 29);
        assert_eq!(days_in_month(2013, 2), 28);
        assert_eq!(days_in_month(2013, 13), 0);
    }

    #[test]
    fn accepts_real_dates_in_many_notations() {
        for s in [
            "2014-03-09",
            "2014/3/9",
            "2014.03.09",
            "20140309",
            "2014年3月9日",
            "2014 年 03 月 09 日",
            "2014年3月9号",
            "2014년 03월 09일",
            "2022년 6월 29일",
            "09/03/2014",
            "03/09/2014",
            "31/12/2013",
            "12/31/2013",
            "March 9, 2014",
            "Mar 9 2014",
            "Mar. 9, 2014",
            "9 Mar 2014",
            "9th March 2014",
            "9th of March 2014",
            "Sunday, March 9, 2014",
            "sept 9 2014",
            "2012-02-29",
            "2000-02-29",
            "  2014-03-09 ",
            "2014-03-09T00:00:00Z",
            "2014-03-09T00:00:00.000+08:00",
            "2014-03-09 08:30",
        ] {
            assert!(is_date(s), "{s}");
        }
    }

    #[test]
    fn rejects_impossible_dates_and_other_shapes() {
        for s in [
            "2014-02-30",
            "2013-02-29",
            "1900-02-29",
            "2014-13-01",
            "2014-00-10",
            "2014-01-00",
            "20140230",
            "20141301",
            "1899-12-31",
            "2101-01-01",
            "13/13/2014",
            "32/01/2014",
            "2014-03/09",
            "2014-03-09-01",
            "2014年13月9日",
            "2014年2月30日",
            "Mar 32 2014",
            "Foo 9 2014",
            "March 9",
            "1.2.3",
            "12345678",
            "2014",
            "",
            "2014-3-9x",
            "2014-02-30T00:00:00Z",
            "2014-03-09T",
            "2014-03-09Tabc",
            "2014/03/09T00:00",
        ] {
            assert!(!is_date(s), "{s}");
        }
    }

    #[test]
    fn detect_is_shaped_only() {
        let mut out = Vec::new();
        detect("2014-03-09", &mut out);
        assert_eq!(
            out,
            [Detection {
                kind: Kind::Date,
                strength: Strength::Shaped
            }]
        );
    }
}
