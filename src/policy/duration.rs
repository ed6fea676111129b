//! ISO 8601 durations as policies write retention periods (`P1Y`, `P6M`, `P1DT12H`): read once
//! here, for the parser's check, the notices' words and the comparison of periods.

/// A unit of an ISO 8601 duration, in the order the format requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DurationUnit {
    /// `Y`.
    Year,
    /// `M` before `T`.
    Month,
    /// `W`.
    Week,
    /// `D`.
    Day,
    /// `H`.
    Hour,
    /// `M` after `T`.
    Minute,
    /// `S`.
    Second,
}

impl DurationUnit {
    /// The designator, with `T` before the time units (`Y`, `M`, `W`, `D`, `TH`, `TM`, `TS`).
    pub fn designator(self) -> &'static str {
        match self {
            DurationUnit::Year => "Y",
            DurationUnit::Month => "M",
            DurationUnit::Week => "W",
            DurationUnit::Day => "D",
            DurationUnit::Hour => "TH",
            DurationUnit::Minute => "TM",
            DurationUnit::Second => "TS",
        }
    }

    /// Days in one unit, for comparing periods (a year and a month counted long).
    pub fn days(self) -> f64 {
        match self {
            DurationUnit::Year => 366.0,
            DurationUnit::Month => 31.0,
            DurationUnit::Week => 7.0,
            DurationUnit::Day => 1.0,
            DurationUnit::Hour => 1.0 / 24.0,
            DurationUnit::Minute => 1.0 / 1440.0,
            DurationUnit::Second => 1.0 / 86_400.0,
        }
    }
}

/// The parts of an ISO 8601 duration (`P1Y6M` → 1 year, 6 months), or `None` if it is not
/// one: `P`, then whole numbers with date designators in the order `Y M W D`, then optionally
/// `T` and time designators in the order `H M S`, at least one part, `T` only before a time part.
pub fn duration_parts(iso: &str) -> Option<Vec<(u64, DurationUnit)>> {
    let rest = iso.strip_prefix('P')?;
    let (date, time) = match rest.split_once('T') {
        Some((date, time)) if !time.is_empty() => (date, Some(time)),
        Some(_) => return None,
        None => (rest, None),
    };
    let mut parts = Vec::new();
    let read = |parts: &mut Vec<(u64, DurationUnit)>,
                part: &str,
                units: &[(char, DurationUnit)]|
     -> Option<()> {
        let mut number = String::new();
        let mut last: Option<DurationUnit> = None;
        for c in part.chars() {
            if c.is_ascii_digit() {
                number.push(c);
                continue;
            }
            let unit = units.iter().find(|(d, _)| *d == c)?.1;
            if number.is_empty() || last.is_some_and(|l| unit <= l) {
                return None;
            }
            parts.push((number.parse().ok()?, unit));
            number.clear();
            last = Some(unit);
        }
        number.is_empty().then_some(())
    };
    use DurationUnit::*;
    read(
        &mut parts,
        date,
        &[('Y', Year), ('M', Month), ('W', Week), ('D', Day)],
    )?;
    if let Some(time) = time {
        let before = parts.len();
        read(
            &mut parts,
            time,
            &[('H', Hour), ('M', Minute), ('S', Second)],
        )?;
        if parts.len() == before {
            return None;
        }
    }
    (!parts.is_empty()).then_some(parts)
}

/// The length of a duration in days, for comparing periods; `None` if it is not one.
pub fn duration_days(iso: &str) -> Option<f64> {
    duration_parts(iso).map(|parts| parts.iter().map(|&(n, unit)| n as f64 * unit.days()).sum())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_durations() {
        for ok in [
            "P1Y", "P6M", "P2W", "P30D", "P1Y6M", "PT12H", "P1DT12H", "P10Y",
        ] {
            assert!(duration_parts(ok).is_some(), "{ok}");
        }
        for bad in [
            "", "P", "1Y", "P1", "PY", "P6M1Y", "P1YT", "P1H", "P1.5Y", "p1y", "P1Y1Y", "30 days",
        ] {
            assert!(duration_parts(bad).is_none(), "{bad}");
        }
        assert_eq!(
            duration_parts("P1Y6M"),
            Some(vec![(1, DurationUnit::Year), (6, DurationUnit::Month)])
        );
        assert!(duration_days("P1Y").unwrap() > duration_days("P11M").unwrap());
        assert!(duration_days("P1D").unwrap() > duration_days("PT23H").unwrap());
    }
}
