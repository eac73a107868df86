//! Proleptic Gregorian calendar arithmetic: day numbers, weekdays, ISO
//! weeks. Days are counted from 1970-01-01 (day 0).

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    /// Year (proleptic Gregorian).
    pub y: i32,
    /// Month, 1–12.
    pub m: u32,
    /// Day of month, 1–31.
    pub d: u32,
}

/// Whether `y` is a leap year.
pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in month `m` of year `y` (0 for an invalid month).
pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Ymd {
    /// A valid day, or `None`.
    pub fn new(y: i32, m: u32, d: u32) -> Option<Ymd> {
        (d >= 1 && d <= days_in_month(y, m) && (1..=9999).contains(&y)).then_some(Ymd { y, m, d })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Ymd> {
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let y = s.get(0..4)?.parse().ok()?;
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        Ymd::new(y, m, d)
    }

    /// Day number (days since 1970-01-01).
    pub fn day_number(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.y) - i64::from(self.m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.m);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day with day number `n`.
    pub fn from_day_number(n: i64) -> Ymd {
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Ymd { y, m, d }
    }

    /// This day plus `n` days.
    pub fn add_days(self, n: i64) -> Ymd {
        Ymd::from_day_number(self.day_number() + n)
    }

    /// ISO weekday: Monday = 1 … Sunday = 7.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        ((self.day_number() + 3).rem_euclid(7) + 1) as u32
    }

    /// ISO week-numbering year and week.
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.add_days(4 - i64::from(self.weekday()));
        let jan1 = Ymd {
            y: thursday.y,
            m: 1,
            d: 1,
        };
        let week = (thursday.day_number() - jan1.day_number()) / 7 + 1;
        (thursday.y, week as u32)
    }

    /// The first day of the month `n` months after this day's month.
    pub fn add_months(self, n: i64) -> (i32, u32) {
        let total = i64::from(self.y) * 12 + i64::from(self.m) - 1 + n;
        (
            total.div_euclid(12) as i32,
            (total.rem_euclid(12) + 1) as u32,
        )
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        for n in -800_000..800_000 {
            if n % 997 != 0 {
                continue;
            }
            assert_eq!(Ymd::from_day_number(n).day_number(), n);
        }
        assert_eq!(Ymd::new(1970, 1, 1).map(Ymd::day_number), Some(0));
    }

    #[test]
    fn weekdays_and_iso_weeks() {
        let d = |y, m, d| Ymd::new(y, m, d).unwrap();
        assert_eq!(d(2003, 12, 29).weekday(), 1);
        assert_eq!(d(2024, 1, 11).iso_week(), (2024, 2));
        assert_eq!(d(2024, 1, 1).iso_week(), (2024, 1));
        assert_eq!(d(2021, 1, 3).iso_week(), (2020, 53));
        assert_eq!(d(2008, 12, 29).iso_week(), (2009, 1));
        assert_eq!(d(2023, 1, 31).add_months(1), (2023, 2));
        assert_eq!(d(2023, 1, 31).add_months(-1), (2022, 12));
        assert!(Ymd::new(2023, 2, 29).is_none());
        assert!(Ymd::new(2024, 2, 29).is_some());
    }
}
