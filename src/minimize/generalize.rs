//! Coarser values: what a purpose needs instead of the value itself.

use crate::policy::Target;

/// A calendar date (proleptic Gregorian), supplied by the caller as "today" so the core needs no
/// clock (WebAssembly has none of its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CivilDate {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
}

impl CivilDate {
    /// Parses the date forms people type: `2014-03-09`, `2014/3/9`, `2014.03.09`, `20140309`,
    /// `2014年3月9日`, with an optional time after a `T` or a space. `None` for anything else or
    /// an impossible date.
    pub fn parse(s: &str) -> Option<CivilDate> {
        let s = s.trim();
        let date = s.split(['T', ' ']).next()?;
        let parts: Vec<&str> = if date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit()) {
            vec![&date[..4], &date[4..6], &date[6..]]
        } else {
            date.split(['-', '/', '.', '年', '月', '日'])
                .filter(|p| !p.is_empty())
                .collect()
        };
        let [y, m, d] = parts.as_slice() else {
            return None;
        };
        if y.len() != 4 {
            return None;
        }
        let (year, month, day) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        let days = CivilDate::days_in_month(year, month)?;
        (1900..=2100).contains(&year).then_some(())?;
        (1..=days)
            .contains(&day)
            .then_some(CivilDate { year, month, day })
    }

    /// The number of days in `month` of `year`; `None` for a month outside 1–12.
    pub fn days_in_month(year: i32, month: u32) -> Option<u32> {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        Some(match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        })
    }

    /// Whole years from `self` (a birth date) to `today`; `None` if `today` is earlier. Someone
    /// born on 29 February turns a year older on 1 March in common years.
    pub fn age_on(self, today: CivilDate) -> Option<u32> {
        let mut age = today.year - self.year;
        if (today.month, today.day) < (self.month, self.day) {
            age -= 1;
        }
        u32::try_from(age).ok()
    }
}

/// The age band of the UK Children's Code (0–5, 6–9, 10–12, 13–15, 16–17) and `18+`.
pub fn age_band(age: u32) -> &'static str {
    match age {
        0..=5 => "0-5",
        6..=9 => "6-9",
        10..=12 => "10-12",
        13..=15 => "13-15",
        16..=17 => "16-17",
        _ => "18+",
    }
}

/// `value` generalized to `target`, or `None` if the value does not have the expected form
/// (the engine then drops the field).
pub fn generalize(target: Target, value: &str, today: CivilDate) -> Option<String> {
    let folded = crate::detect::fold::fold(value);
    let v = folded.trim();
    match target {
        Target::Year => CivilDate::parse(v).map(|d| d.year.to_string()),
        Target::YearMonth => CivilDate::parse(v).map(|d| format!("{}-{:02}", d.year, d.month)),
        Target::Age => CivilDate::parse(v)?.age_on(today).map(|a| a.to_string()),
        Target::AgeBand => CivilDate::parse(v)?
            .age_on(today)
            .map(|a| age_band(a).to_owned()),
        Target::Band => {
            let age: f64 = v.parse().ok()?;
            (age.is_finite() && (0.0..150.0).contains(&age))
                .then(|| age_band(age as u32).to_owned())
        }
        Target::Region => region(v),
        Target::Decimals(n) => coordinates(v).map(|(a, b)| match b {
            Some(b) => format!("{},{}", fixed(a, n), fixed(b, n)),
            None => fixed(a, n),
        }),
        Target::Geohash(n) => {
            let (a, b) = coordinates(v)?;
            let b = b?;
            // Pairs come as "lat,lng" or "lng,lat"; a value beyond ±90 is the longitude.
            let (lat, lng) = if a.abs() > 90.0 { (b, a) } else { (a, b) };
            Some(geohash(lat, lng, n as usize))
        }
        Target::Digits(n) => {
            let digits: String = v.chars().filter(char::is_ascii_digit).collect();
            (digits.len() > n as usize).then(|| digits[..n as usize].to_owned())
        }
    }
}

/// `x` rounded to `decimals` places, written without float formatting (whose exact mode
/// would add ~30 kB of tables to the wasm module). `|x| ≤ 180`, `decimals ≤ 8`.
fn fixed(x: f64, decimals: u8) -> String {
    let scale = 10i64.pow(u32::from(decimals));
    let scaled = (x * scale as f64).round_ties_even() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (int, frac) = (scaled.abs() / scale, scaled.abs() % scale);
    if decimals == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac:0width$}", width = usize::from(decimals))
    }
}

/// The administrative part of a Chinese address: everything up to the last province, city,
/// district or county marker before the street (`北京市海淀区中关村大街27号` → `北京市海淀区`).
fn region(v: &str) -> Option<String> {
    const MARKERS: &[char] = &['省', '市', '区', '县', '旗', '州', '盟'];
    let mut end = None;
    for (i, c) in v.char_indices() {
        if MARKERS.contains(&c) {
            end = Some(i + c.len_utf8());
        } else if matches!(
            c,
            '路' | '街' | '道' | '巷' | '弄' | '号' | '镇' | '乡' | '村'
        ) || c.is_ascii_digit()
        {
            break;
        }
    }
    end.map(|e| v[..e].to_owned())
        .filter(|r| r.chars().count() >= 2)
}

/// One or two decimal numbers (`39.9042, 116.4074` or `31.2304`).
fn coordinates(v: &str) -> Option<(f64, Option<f64>)> {
    let mut nums = v.split([',', ';', ' ']).filter(|p| !p.is_empty()).map(|p| {
        p.parse::<f64>()
            .ok()
            .filter(|x| x.is_finite() && x.abs() <= 180.0)
    });
    let a = nums.next()??;
    let b = match nums.next() {
        Some(b) => Some(b?),
        None => None,
    };
    nums.next().is_none().then_some((a, b))
}

/// Standard geohash (base32 `0123456789bcdefghjkmnpqrstuvwxyz`) of `len` characters.
fn geohash(lat: f64, lng: f64, len: usize) -> String {
    const BASE32: &[u8] = b"0123456789bcdefghjkmnpqrstuvwxyz";
    let (mut lat_range, mut lng_range) = ((-90.0, 90.0), (-180.0, 180.0));
    let mut out = String::with_capacity(len);
    let (mut bits, mut value, mut even) = (0, 0usize, true);
    while out.len() < len {
        let (range, x) = if even {
            (&mut lng_range, lng)
        } else {
            (&mut lat_range, lat)
        };
        let mid = (range.0 + range.1) / 2.0;
        value <<= 1;
        if x >= mid {
            value |= 1;
            range.0 = mid;
        } else {
            range.1 = mid;
        }
        even = !even;
        bits += 1;
        if bits == 5 {
            out.push(BASE32[value] as char);
            bits = 0;
            value = 0;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: CivilDate = CivilDate {
        year: 2026,
        month: 11,
        day: 28,
    };

    #[test]
    fn birth_dates() {
        for v in [
            "2014-03-09",
            "2014/3/9",
            "2014.03.09",
            "20140309",
            "2014年3月9日",
            "2014-03-09T00:00:00Z",
        ] {
            assert_eq!(
                generalize(Target::Year, v, TODAY).as_deref(),
                Some("2014"),
                "{v}"
            );
            assert_eq!(
                generalize(Target::YearMonth, v, TODAY).as_deref(),
                Some("2014-03"),
                "{v}"
            );
        }
        assert_eq!(
            generalize(Target::Age, "2014-11-28", TODAY).as_deref(),
            Some("12")
        );
        assert_eq!(
            generalize(Target::Age, "2014-11-29", TODAY).as_deref(),
            Some("11"),
            "birthday tomorrow"
        );
        assert_eq!(
            generalize(Target::AgeBand, "2014-03-09", TODAY).as_deref(),
            Some("10-12")
        );
        assert_eq!(
            generalize(Target::Year, "2014-02-30", TODAY),
            None,
            "no such date"
        );
        assert_eq!(
            generalize(Target::Age, "2030-01-01", TODAY),
            None,
            "born in the future"
        );
    }

    #[test]
    fn ages_addresses_locations_postcodes() {
        assert_eq!(
            generalize(Target::Band, "11", TODAY).as_deref(),
            Some("10-12")
        );
        assert_eq!(generalize(Target::Band, "eleven", TODAY), None);
        assert_eq!(
            generalize(Target::Region, "北京市海淀区中关村大街27号3单元502", TODAY).as_deref(),
            Some("北京市海淀区")
        );
        assert_eq!(
            generalize(Target::Region, "广东省深圳市南山区科技园路1号", TODAY).as_deref(),
            Some("广东省深圳市南山区")
        );
        assert_eq!(
            generalize(Target::Region, "1600 Amphitheatre Parkway", TODAY),
            None
        );
        assert_eq!(
            generalize(Target::Decimals(2), "39.9042, 116.4074", TODAY).as_deref(),
            Some("39.90,116.41")
        );
        assert_eq!(
            generalize(Target::Geohash(5), "39.9042,116.4074", TODAY).as_deref(),
            Some("wx4g0")
        );
        assert_eq!(
            generalize(Target::Geohash(5), "116.4074,39.9042", TODAY).as_deref(),
            Some("wx4g0"),
            "lng,lat order"
        );
        assert_eq!(
            generalize(Target::Digits(3), "100080", TODAY).as_deref(),
            Some("100")
        );
        assert_eq!(
            generalize(Target::Digits(6), "100080", TODAY),
            None,
            "nothing would be removed"
        );
    }
}
