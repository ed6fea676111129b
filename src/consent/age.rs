//! The neutral age gate's answer: a birth date typed as `YYYY-MM` or `YYYY-MM-DD`, turned into
//! an age band and an outcome, after which the date itself is forgotten (only the band is kept
//! or put in a receipt).
//!
//! With only a year and a month the age is ambiguous within that month; the gate takes the
//! youngest reading (born on the month's last day), so a child is never read as older than
//! they may be (fail closed). Someone born on 29 February turns a year older on 1 March in
//! common years, for the same reason.

use crate::error::Error;
use crate::minimize::CivilDate;

/// The oldest age the gate accepts; anything earlier is a typing error, not an age.
const MAX_AGE: i32 = 130;

/// What the gate accepts, for error messages.
const EXPECTED: &str =
    "a birth date as YYYY-MM or YYYY-MM-DD, not in the future and at most 130 years ago";

/// A typed birth date; the day is optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BirthDate {
    year: i32,
    month: u32,
    day: Option<u32>,
}

impl BirthDate {
    /// Reads `YYYY-MM` or `YYYY-MM-DD` (digits only, as an `<input type="month">`/`date`
    /// gives them). `path` names the part in errors.
    ///
    /// # Errors
    /// `invalid_argument` at `path` for any other text or an impossible date.
    pub fn parse(text: &str, path: &str) -> Result<BirthDate, Error> {
        let bad = || Error::InvalidArgument {
            path: path.into(),
            expected: EXPECTED.into(),
        };
        let digits = |s: &str, n: usize| {
            (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u32>().ok())
                .flatten()
                .ok_or_else(bad)
        };
        let parts: Vec<&str> = text.trim().split('-').collect();
        let (year, month, day) = match parts.as_slice() {
            [y, m] => (digits(y, 4)?, digits(m, 2)?, None),
            [y, m, d] => (digits(y, 4)?, digits(m, 2)?, Some(digits(d, 2)?)),
            _ => return Err(bad()),
        };
        let year = i32::try_from(year).map_err(|_| bad())?;
        let days = CivilDate::days_in_month(year, month).ok_or_else(bad)?;
        if day.is_some_and(|d| d == 0 || d > days) {
            return Err(bad());
        }
        Ok(BirthDate { year, month, day })
    }

    /// Whole years on `today`, reading a date without a day as the month's last day.
    ///
    /// # Errors
    /// `invalid_argument` at `path` for a date after `today` or more than 130 years before.
    pub fn age_on(&self, today: CivilDate, path: &str) -> Result<u32, Error> {
        let bad = || Error::InvalidArgument {
            path: path.into(),
            expected: EXPECTED.into(),
        };
        let last = CivilDate::days_in_month(self.year, self.month).ok_or_else(bad)?;
        let born = CivilDate {
            year: self.year,
            month: self.month,
            day: self.day.unwrap_or(last),
        };
        if born > today
            && (self.day.is_some() || (born.year, born.month) > (today.year, today.month))
        {
            return Err(bad());
        }
        let age = if born > today {
            0
        } else {
            born.age_on(today).ok_or_else(bad)?
        };
        if today.year - self.year > MAX_AGE {
            return Err(bad());
        }
        Ok(age)
    }
}

/// The age bands notices are written for (UK Age Appropriate Design Code, annex B): what a child
/// of each band can read and decide differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AgeBand {
    /// 0–5: pre-literate; a grown-up reads with them.
    UpTo5,
    /// 6–9.
    From6To9,
    /// 10–12.
    From10To12,
    /// 13–15.
    From13To15,
    /// 16–17.
    From16To17,
    /// 18 and over.
    Adult,
}

impl AgeBand {
    /// The band of an age in whole years.
    pub fn of(age: u32) -> AgeBand {
        match age {
            0..=5 => AgeBand::UpTo5,
            6..=9 => AgeBand::From6To9,
            10..=12 => AgeBand::From10To12,
            13..=15 => AgeBand::From13To15,
            16..=17 => AgeBand::From16To17,
            _ => AgeBand::Adult,
        }
    }

    /// The youngest and oldest ages in the band (`u32::MAX` for `18+`).
    pub fn bounds(self) -> (u32, u32) {
        match self {
            AgeBand::UpTo5 => (0, 5),
            AgeBand::From6To9 => (6, 9),
            AgeBand::From10To12 => (10, 12),
            AgeBand::From13To15 => (13, 15),
            AgeBand::From16To17 => (16, 17),
            AgeBand::Adult => (18, u32::MAX),
        }
    }

    /// `0-5`, `6-9`, `10-12`, `13-15`, `16-17` or `18+`.
    pub fn as_str(self) -> &'static str {
        crate::minimize::age_band(match self {
            AgeBand::UpTo5 => 0,
            AgeBand::From6To9 => 6,
            AgeBand::From10To12 => 10,
            AgeBand::From13To15 => 13,
            AgeBand::From16To17 => 16,
            AgeBand::Adult => 18,
        })
    }

    /// The band for [`AgeBand::as_str`]'s text.
    pub fn parse(s: &str) -> Option<AgeBand> {
        [
            AgeBand::UpTo5,
            AgeBand::From6To9,
            AgeBand::From10To12,
            AgeBand::From13To15,
            AgeBand::From16To17,
            AgeBand::Adult,
        ]
        .into_iter()
        .find(|b| b.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> CivilDate {
        CivilDate::parse(s).unwrap()
    }

    fn age(birth: &str, today: &str) -> Result<u32, Error> {
        BirthDate::parse(birth, "b")?.age_on(day(today), "b")
    }

    #[test]
    fn forms_and_errors() {
        assert!(BirthDate::parse("2012-05", "b").is_ok());
        assert!(BirthDate::parse("2012-05-31", "b").is_ok());
        for bad in [
            "2012",
            "2012-5",
            "2012-13",
            "2012-02-30",
            "12-05-01",
            "2012/05",
            "",
            "2012-05-",
            "２０１２-05",
        ] {
            let e = BirthDate::parse(bad, "action.birthDate").unwrap_err();
            assert_eq!(
                (e.code(), e.path()),
                ("invalid_argument", Some("action.birthDate")),
                "{bad}"
            );
        }
        assert!(age("2027-01", "2026-11-28").is_err(), "future month");
        assert!(age("2026-11-29", "2026-11-28").is_err(), "future day");
        assert_eq!(
            age("2026-11", "2026-11-28").unwrap(),
            0,
            "this month, day unknown"
        );
        assert!(age("1890-01", "2026-11-28").is_err(), "not an age");
    }

    #[test]
    fn birthdays_and_the_youngest_reading() {
        assert_eq!(
            age("2012-11-28", "2026-11-28").unwrap(),
            14,
            "on the birthday"
        );
        assert_eq!(
            age("2012-11-29", "2026-11-28").unwrap(),
            13,
            "the day before"
        );
        assert_eq!(
            age("2012-11", "2026-11-28").unwrap(),
            13,
            "month only: could be the 30th"
        );
        assert_eq!(age("2012-11", "2026-11-30").unwrap(), 14);
        assert_eq!(age("2012-10", "2026-11-28").unwrap(), 14);
        // Leap day: 14 on 1 March in a common year, on 29 February in a leap year.
        assert_eq!(age("2012-02-29", "2026-02-28").unwrap(), 13);
        assert_eq!(age("2012-02-29", "2026-03-01").unwrap(), 14);
        assert_eq!(
            age("2014-02-29", "2028-02-29").unwrap_err().code(),
            "invalid_argument",
            "2014 is not leap"
        );
        assert_eq!(age("2012-02-29", "2028-02-29").unwrap(), 16);
        assert_eq!(
            age("2012-02", "2026-02-28").unwrap(),
            13,
            "Feb 2012 had 29 days"
        );
    }

    #[test]
    fn bands() {
        let bands: Vec<&str> = [0, 5, 6, 9, 10, 12, 13, 15, 16, 17, 18, 90]
            .map(|a| AgeBand::of(a).as_str())
            .to_vec();
        assert_eq!(
            bands,
            [
                "0-5", "0-5", "6-9", "6-9", "10-12", "10-12", "13-15", "13-15", "16-17", "16-17",
                "18+", "18+"
            ]
        );
        assert_eq!(AgeBand::parse("10-12"), Some(AgeBand::From10To12));
        assert_eq!(AgeBand::parse("x"), None);
    }
}
