//! The series' dates, computed rather than stepped: from any day on, the
//! next date of a daily, weekly or monthly rule costs the same however old
//! the series is.

use super::{Frequency, Series};
use jiff::Span;
use jiff::civil::Date;

impl Series {
    /// The series' own dates from `from` on (ignoring its end and
    /// cancellations), each with its place in the series counted from 0 —
    /// what `End::Count` counts. Computed, not stepped: the first date costs
    /// the same for a series that started yesterday as for one that started
    /// centuries ago.
    pub(super) fn dates_from(&self, from: Date) -> Box<dyn Iterator<Item = (u64, Date)> + '_> {
        let first = self.start.date();
        let from = from.max(first);
        let ahead = day_number(from) - day_number(first);
        match &self.frequency {
            Frequency::Once => Box::new((from == first).then_some((0, first)).into_iter()),
            Frequency::Daily { interval } => {
                let step = i64::from((*interval).max(1));
                let k0 = ahead.div_euclid(step) + i64::from(ahead.rem_euclid(step) != 0);
                Box::new((k0..).map_while(move |k| add_days(first, k * step).map(|d| (k.unsigned_abs(), d))))
            }
            Frequency::Weekly { interval, days } => {
                let step = i64::from((*interval).max(1));
                let mut offsets: Vec<i64> = if days.is_empty() { vec![first.weekday()] } else { days.clone() }
                    .into_iter()
                    .map(|d| i64::from(d.to_monday_zero_offset()))
                    .collect();
                offsets.sort_unstable();
                offsets.dedup();
                // Weeks start on Monday, as in the Netherlands (and RFC 5545's default WKST).
                let first_offset = i64::from(first.weekday().to_monday_zero_offset());
                let Some(monday) = add_days(first, -first_offset) else { return Box::new(std::iter::empty()) };
                let per_week = offsets.len() as i64;
                // The first week's days before the first date are not the series'.
                let skipped = offsets.iter().filter(|o| **o < first_offset).count() as i64;
                // Which week of the rule `from` falls in, and which of its days come first.
                let since_monday = day_number(from) - day_number(monday);
                let (mut week, into) = (since_monday.div_euclid(7 * step), since_monday.rem_euclid(7 * step));
                let mut slot = offsets.iter().position(|o| *o >= into).unwrap_or(offsets.len());
                if slot == offsets.len() {
                    (week, slot) = (week + 1, 0);
                }
                Box::new(
                    (0..)
                        .map(move |i: i64| {
                            let at = slot as i64 + i;
                            (week + at.div_euclid(per_week), at.rem_euclid(per_week))
                        })
                        .map_while(move |(w, j)| {
                            let d = add_days(monday, w * 7 * step + offsets[j as usize])?;
                            Some(((w * per_week + j - skipped).unsigned_abs(), d))
                        }),
                )
            }
            Frequency::Monthly { interval } => {
                let step = i64::from((*interval).max(1));
                let day = first.day();
                let start_month = month_number(first);
                let months_ahead = month_number(from) - start_month;
                let i0 = months_ahead.div_euclid(step) + i64::from(months_ahead.rem_euclid(step) != 0);
                let mut index = valid_months_before(start_month, step, day, i0);
                Box::new(
                    (i0..)
                        .map_while(move |i| {
                            let m = start_month + i * step;
                            let (year, month) = (m.div_euclid(12), m.rem_euclid(12) + 1);
                            // Past the calendar's last year the series simply ends.
                            let year = i16::try_from(year).ok().filter(|y| *y <= Date::MAX.year())?;
                            Some(Date::new(year, month as i8, day).ok())
                        })
                        .flatten()
                        .map(move |d| {
                            index += 1;
                            (index - 1, d)
                        })
                        .filter(move |(_, d)| *d >= from),
                )
            }
        }
    }
}

/// `d` moved by `n` days, if the calendar reaches that far.
pub(super) fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().try_days(n).ok()?).ok()
}

/// A plain count of days (from 1 March of year 0), for arithmetic on dates
/// (H. Hinnant's `days_from_civil`).
fn day_number(d: Date) -> i64 {
    let (month, day) = (i64::from(d.month()), i64::from(d.day()));
    let year = i64::from(d.year()) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    era * 146_097 + year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year
}

/// Months counted from January of year 0.
fn month_number(d: Date) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month()) - 1
}

fn days_in_month(year: i64, month: i64) -> i8 {
    let leap = year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// How many of the first `n` months of a monthly rule (every `step` months
/// from month number `start`) have day `day`. Which months have the 29th,
/// 30th or 31st repeats every 400 years (4,800 months), so this counts one
/// period at most, however far `n` reaches.
fn valid_months_before(start: i64, step: i64, day: i8, n: i64) -> u64 {
    if n <= 0 {
        return 0;
    }
    if day <= 28 {
        return n.unsigned_abs();
    }
    let has_day = |i: &i64| {
        let m = start + i * step;
        days_in_month(m.div_euclid(12), m.rem_euclid(12) + 1) >= day
    };
    let period = 4_800 / gcd(step, 4_800);
    let per_period = (0..period).filter(has_day).count() as u64;
    (n / period).unsigned_abs() * per_period + (0..n % period).filter(has_day).count() as u64
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a.abs().max(1) } else { gcd(b, a % b) }
}
