//! Geographic coordinates (WGS 84 / GCJ-02 / BD-09 all share the same notation): decimal
//! degrees as in ISO 6709 Annex D, and degrees–minutes–seconds as written by people.
//!
//! * A **pair** is two angles separated by `,` `;` `/` (ASCII or full-width), optionally with
//!   single spaces, or by a single space. Which one is the latitude is not decided (Chinese
//!   map APIs write "lng,lat", most others "lat,lng"): the pair is valid when one of the two
//!   readings has |lat| ≤ 90 and |lng| ≤ 180. Bare decimals need at least 3 fractional digits
//!   each (≈ 100 m); degree notation needs minutes or at least 2 decimals. With hemisphere
//!   letters, one angle must be N/S and the other E/W. `0,0` ("null island") is not a place.
//!   Valid pairs are [`Kind::Coordinates`], Validated.
//! * **Degree notation**: `39°54'15"N`, `39°54′15″N`, `39.9042°N`, `N39.9042`, `39.9042 N`,
//!   `北纬39.9042°`; degree signs `°` `º` `˚`, minute marks `'` `′` `’`, second marks `"` `″`
//!   `”` `''`. Minutes and seconds are below 60. A single angle with N/S is a Validated
//!   [`Kind::Latitude`], with E/W a Validated [`Kind::Longitude`].
//! * A single bare decimal with at least 4 fractional digits ("31.230416") is a Shaped
//!   latitude (if within ±90) and a Shaped longitude (if within ±180).

use super::{
    boundary_before, digit_at, digit_end_ok, digit_run, digit_start_ok, push, starts_at, Detection,
    Kind, Strength,
};

/// One written angle.
#[derive(Debug, Clone, Copy)]
struct Angle {
    /// Whole degrees.
    deg: u32,
    /// Digits after the decimal point of the degrees.
    frac_digits: usize,
    /// The degrees' fractional part is all zeros (or absent).
    frac_zero: bool,
    /// Minutes (whole part, and whether it is exactly that value).
    min: Option<(u32, bool)>,
    /// Seconds (whole part, and whether it is exactly that value).
    sec: Option<(u32, bool)>,
    /// Hemisphere letter N/S/E/W.
    hemi: Option<u8>,
    /// A degree sign was written.
    symbol: bool,
    /// Byte offset after the angle.
    end: usize,
}

impl Angle {
    fn rest_zero(&self) -> bool {
        self.frac_zero
            && self.min.is_none_or(|(m, exact)| m == 0 && exact)
            && self.sec.is_none_or(|(s, exact)| s == 0 && exact)
    }

    /// |angle| ≤ limit degrees.
    fn within(&self, limit: u32) -> bool {
        self.deg < limit || (self.deg == limit && self.rest_zero())
    }

    fn is_zero(&self) -> bool {
        self.deg == 0 && self.rest_zero()
    }

    /// Precise enough to locate a person (degree notation).
    fn precise(&self) -> bool {
        self.min.is_some() || self.frac_digits >= 2
    }

    fn is_lat(&self) -> bool {
        matches!(self.hemi, Some(b'N' | b'S'))
    }

    fn is_lng(&self) -> bool {
        matches!(self.hemi, Some(b'E' | b'W'))
    }
}

/// `int[.frac]` with 1..=max_int integer digits: (int, frac digits, frac all zero, end).
fn number(b: &[u8], i: usize, max_int: usize) -> Option<(u32, usize, bool, usize)> {
    let n = digit_run(b, i, max_int);
    if n == 0 || n > max_int {
        return None;
    }
    let int = super::digits_value(b.get(i..i + n)?)?;
    let mut j = i + n;
    if b.get(j) == Some(&b'.') && digit_at(b, j + 1) {
        let f = digit_run(b, j + 1, 20);
        if f > 20 {
            return None;
        }
        let frac = b.get(j + 1..j + 1 + f)?;
        let zero = frac.iter().all(|&c| c == b'0');
        j += 1 + f;
        return Some((int, f, zero, j));
    }
    Some((int, 0, true, j))
}

fn first_of(b: &[u8], i: usize, pats: &[&str]) -> Option<usize> {
    pats.iter().find(|p| starts_at(b, i, p)).map(|p| p.len())
}

fn degree_sign(b: &[u8], i: usize) -> Option<usize> {
    first_of(b, i, &["°", "º", "˚"])
}

fn minute_mark(b: &[u8], i: usize) -> Option<usize> {
    if starts_at(b, i, "''") {
        return None; // that is a second mark
    }
    first_of(b, i, &["'", "′", "’"])
}

fn second_mark(b: &[u8], i: usize) -> Option<usize> {
    first_of(b, i, &["''", "\"", "″", "”"])
}

fn skip_space(b: &[u8], i: usize) -> usize {
    if b.get(i) == Some(&b' ') {
        i + 1
    } else {
        i
    }
}

/// The Chinese hemisphere words (north latitude, south latitude, east and west longitude).
const HEMI_WORDS: [&str; 4] = ["北纬", "南纬", "东经", "西经"];
const HEMI_LETTERS: [u8; 4] = [b'N', b'S', b'E', b'W'];
const HEMI_WORD_FIRST: [bool; 256] = super::opening_bytes(&HEMI_WORDS);

/// The Chinese hemisphere word at byte `i`: its index in [`HEMI_WORDS`].
pub(crate) fn hemi_word_at(b: &[u8], i: usize) -> Option<usize> {
    if !HEMI_WORD_FIRST[usize::from(*b.get(i)?)] {
        return None;
    }
    HEMI_WORDS.iter().position(|w| starts_at(b, i, w))
}

/// A hemisphere written before the number: `N`, `S`, `E`, `W` (upper case) or 北纬 / 南纬 /
/// 东经 / 西经, followed by an optional space and a digit.
fn hemi_prefix(b: &[u8], i: usize) -> Option<(u8, usize)> {
    let (h, n) = match b.get(i)? {
        &c @ (b'N' | b'S' | b'E' | b'W') => (c, 1),
        _ => hemi_word_at(b, i).map(|k| (HEMI_LETTERS[k], HEMI_WORDS[k].len()))?,
    };
    let j = skip_space(b, i + n);
    digit_at(b, j).then_some((h, j - i))
}

/// Parses one angle at `i`.
fn angle(b: &[u8], i: usize) -> Option<Angle> {
    let mut j = i;
    let mut hemi = None;
    if let Some((h, n)) = hemi_prefix(b, j) {
        hemi = Some(h);
        j += n;
    }
    let mut signed = false;
    if hemi.is_none() && matches!(b.get(j), Some(b'-' | b'+')) {
        signed = true;
        j += 1;
    }
    let (deg, frac_digits, frac_zero, e) = number(b, j, 3)?;
    j = e;
    let mut a = Angle {
        deg,
        frac_digits,
        frac_zero,
        min: None,
        sec: None,
        hemi,
        symbol: false,
        end: j,
    };
    if let Some(n) = degree_sign(b, j) {
        a.symbol = true;
        j += n;
        if frac_digits == 0 {
            if let Some((m, mf, mz, e)) = number(b, skip_space(b, j), 2) {
                if let Some(n) = minute_mark(b, e) {
                    a.min = Some((m, mz));
                    j = e + n;
                    if mf == 0 {
                        if let Some((s, _, sz, e)) = number(b, skip_space(b, j), 2) {
                            if let Some(n) = second_mark(b, e) {
                                a.sec = Some((s, sz));
                                j = e + n;
                            }
                        }
                    }
                }
            }
        }
    }
    if hemi.is_none() {
        let k = skip_space(b, j);
        if let Some(&c @ (b'N' | b'S' | b'E' | b'W')) = b.get(k) {
            if !super::alnum_at(b, k + 1) {
                a.hemi = Some(c);
                j = k + 1;
            }
        }
    }
    a.end = j;
    if (signed && a.hemi.is_some())
        || a.min.is_some_and(|(m, _)| m >= 60)
        || a.sec.is_some_and(|(s, _)| s >= 60)
    {
        return None;
    }
    Some(a)
}

/// The separator between the two angles of a pair; returns where the second starts.
fn pair_sep(b: &[u8], i: usize) -> Option<usize> {
    let mut j = skip_space(b, i);
    if let Some(n) = first_of(b, j, &[",", ";", "/", "，", "；"]) {
        j = skip_space(b, j + n);
    }
    (j > i).then_some(j)
}

fn pair_ok(a: &Angle, c: &Angle) -> bool {
    if a.is_zero() && c.is_zero() {
        return false;
    }
    match (a.hemi, c.hemi) {
        (Some(_), Some(_)) => {
            let (lat, lng) = if a.is_lat() && c.is_lng() {
                (a, c)
            } else if a.is_lng() && c.is_lat() {
                (c, a)
            } else {
                return false;
            };
            lat.within(90) && lng.within(180) && a.precise() && c.precise()
        }
        (None, None) => {
            if a.symbol != c.symbol {
                return false;
            }
            let in_range = (a.within(90) && c.within(180)) || (a.within(180) && c.within(90));
            let precise = if a.symbol {
                a.precise() && c.precise()
            } else {
                a.frac_digits >= 3 && c.frac_digits >= 3
            };
            in_range && precise
        }
        _ => false,
    }
}

/// A valid coordinate pair starting at `i`; returns its end.
fn pair_at(b: &[u8], i: usize) -> Option<usize> {
    let a = angle(b, i)?;
    let c = angle(b, pair_sep(b, a.end)?)?;
    pair_ok(&a, &c).then_some(c.end)
}

/// The whole value is a coordinate pair.
pub fn is_coordinate_pair(s: &str) -> bool {
    let b = s.trim().as_bytes();
    b.len() <= 96 && pair_at(b, 0) == Some(b.len())
}

/// Single-angle readings of a whole value: (latitude, longitude) strengths.
pub fn single_angle(s: &str) -> (Option<Strength>, Option<Strength>) {
    let b = s.trim().as_bytes();
    let none = (None, None);
    if b.len() > 48 {
        return none;
    }
    let Some(a) = angle(b, 0).filter(|a| a.end == b.len()) else {
        return none;
    };
    if a.is_zero() {
        return none;
    }
    let both = |s: Strength| (a.within(90).then_some(s), a.within(180).then_some(s));
    if a.hemi.is_some() {
        if !a.precise() {
            return none;
        }
        if a.is_lat() {
            return (a.within(90).then_some(Strength::Validated), None);
        }
        return (None, a.within(180).then_some(Strength::Validated));
    }
    if a.symbol {
        return if a.precise() {
            both(Strength::Shaped)
        } else {
            none
        };
    }
    if a.frac_digits >= 4 {
        both(Strength::Shaped)
    } else {
        none
    }
}

/// Whole-value detection.
pub(crate) fn detect(v: &str, out: &mut Vec<Detection>) {
    if is_coordinate_pair(v) || is_keyed_pair(v) {
        push(out, Kind::Coordinates, Strength::Validated);
        return;
    }
    let (lat, lng) = single_angle(v);
    if let Some(s) = lat {
        push(out, Kind::Latitude, s);
    }
    if let Some(s) = lng {
        push(out, Kind::Longitude, s);
    }
}

/// A pair written with keys, as query strings, JSON and form posts carry it:
/// `lng=114.057868&lat=22.543099`, `{"lat":22.54,"lng":114.05}`, `latitude: 31.23, longitude: 121.47`.
/// Both keys must be present with values in range and at least three decimals (coarser
/// values are city-level, not a precise location).
pub fn is_keyed_pair(v: &str) -> bool {
    const LAT: &[&str] = &["latitude", "lat"];
    const LNG: &[&str] = &["longitude", "long", "lng", "lon"];
    let b = v.as_bytes();
    let has_key_syntax =
        b.iter().any(|&c| c == b'=' || c == b':') && b.iter().any(|&c| c == b'l' || c == b'L');
    if v.len() > 200 || !has_key_syntax {
        return false;
    }
    let lower = v.to_ascii_lowercase();
    let value_after = |keys: &[&str]| -> Option<f64> {
        keys.iter().find_map(|key| {
            lower.match_indices(key).find_map(|(at, _)| {
                let before_ok = at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphabetic();
                let rest = lower[at + key.len()..].trim_start_matches(['"', '\'', ' ']);
                let rest = rest
                    .strip_prefix(['=', ':'])?
                    .trim_start_matches(['"', '\'', ' ']);
                let end = rest
                    .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+')))
                    .unwrap_or(rest.len());
                let number = &rest[..end];
                let decimals = number.split_once('.').map_or(0, |(_, f)| f.len());
                (before_ok && decimals >= 3)
                    .then(|| number.parse().ok())
                    .flatten()
            })
        })
    };
    match (value_after(LAT), value_after(LNG)) {
        (Some(lat), Some(lng)) => lat.abs() <= 90.0 && lng.abs() <= 180.0,
        _ => false,
    }
}

/// Free-text matcher: a coordinate pair starting at `i` (single angles are not reported in
/// free text).
pub(crate) fn scan_at(b: &[u8], i: usize) -> Option<usize> {
    let c = *b.get(i)?;
    let ok_start = if c.is_ascii_digit() {
        digit_start_ok(b, i)
    } else if c == b'-' || c == b'+' {
        boundary_before(b, i) && digit_at(b, i + 1)
    } else {
        boundary_before(b, i) && hemi_prefix(b, i).is_some()
    };
    if !ok_start {
        return None;
    }
    let end = pair_at(b, i)?;
    digit_end_ok(b, end).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyed_pairs() {
        assert!(is_keyed_pair("lng=114.057868&lat=22.543099"));
        assert!(is_keyed_pair(r#"{"lat":22.543099,"lng":114.057868}"#));
        assert!(is_keyed_pair("latitude: 31.2304, longitude: 121.4737"));
        assert!(!is_keyed_pair("lat=22.5&lng=114.0"), "city-level precision");
        assert!(
            !is_keyed_pair("lat=122.543099&lng=114.057868"),
            "out of range"
        );
        assert!(
            !is_keyed_pair("flat=22.543099&lng=114.057868"),
            "key inside a word"
        );
        assert!(!is_keyed_pair("lng=114.057868"));
    }

    #[test]
    fn pairs() {
        for s in [
            "116.310003,39.991957",
            "39.9042, 116.4074",
            "39.9042,116.4074",
            "39.9042;116.4074",
            "39.9042 116.4074",
            "-33.8688, 151.2093",
            "39.9042，116.4074",
            "39°54'15\"N 116°24'27\"E",
            "39°54′15″N, 116°24′27″E",
            "39° 54' 15\" N, 116° 24' 27\" E",
            "N39.9042 E116.4074",
            "39.9042°N, 116.4074°E",
            "116.4074°E, 39.9042°N",
            "39.9042 N, 116.4074 E",
            "北纬39.9042°，东经116.4074°",
            "39°54'15''N 116°24'27''E",
            "39°54'N 116°24'E",
        ] {
            assert!(is_coordinate_pair(s), "{s}");
        }
        for s in [
            "39.90, 116.40",            // too few decimals
            "139.9042, 116.4074",       // neither is a latitude
            "39.9042, 196.4074",        // longitude out of range
            "0.000, 0.000",             // null island
            "39.9042°N, 116.4074°N",    // two latitudes
            "39°61'15\"N 116°24'27\"E", // 61 minutes
            "39°N 116°E",               // too coarse
            "39.9042, 116",
            "39.9042°, 116.4074",
            "-39.9042°N, 116.4074°E",
            "1.2.3.4",
            "39.9042,,116.4074",
        ] {
            assert!(!is_coordinate_pair(s), "{s}");
        }
    }

    #[test]
    fn single_values() {
        assert_eq!(
            single_angle("31.230416"),
            (Some(Strength::Shaped), Some(Strength::Shaped))
        );
        assert_eq!(single_angle("121.4737"), (None, Some(Strength::Shaped)));
        assert_eq!(single_angle("13.50"), (None, None));
        assert_eq!(single_angle("181.0000"), (None, None));
        assert_eq!(single_angle("0.0000"), (None, None));
        assert_eq!(
            single_angle("39°54'15\"N"),
            (Some(Strength::Validated), None)
        );
        assert_eq!(
            single_angle("39°54′15″N"),
            (Some(Strength::Validated), None)
        );
        assert_eq!(
            single_angle("116°24'27\"E"),
            (None, Some(Strength::Validated))
        );
        assert_eq!(single_angle("91°00'00\"N"), (None, None));
        assert_eq!(
            single_angle("90°00'00\"S"),
            (Some(Strength::Validated), None)
        );
        assert_eq!(single_angle("1.2.3"), (None, None));
    }

    #[test]
    fn scanner() {
        let t = "住在39.9042, 116.4074附近";
        let i = t.find('3').unwrap();
        assert_eq!(
            scan_at(t.as_bytes(), i),
            Some(i + "39.9042, 116.4074".len())
        );
        assert_eq!(scan_at(b"price 13.50", 6), None);
        assert_eq!(scan_at(b"1.39.9042, 116.4074", 2), None);
        assert_eq!(scan_at(b"39.9042, 116.4074.5", 0), None);
        assert_eq!(scan_at(b"N39.9042 E116.4074", 0), Some(18));
        assert_eq!(scan_at(b"See", 0), None);
    }
}
