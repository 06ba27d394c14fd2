//! Recurring agenda items and rota shifts (issue 5): a series starts at a
//! local date and time in the circle's time zone (Europe/Amsterdam) and
//! repeats daily, weekly on chosen days, or monthly, until a date or for a
//! number of times. Occurrences are worked out in local civil time and only
//! then placed in the time zone, so "Tuesday 19:00" stays 19:00 across the
//! changes to and from summer time. One occurrence can be cancelled or moved
//! without touching the rest of the series.
//!
//! The rule also writes itself as an RFC 5545 `RRULE`, for the iCalendar feed.

use jiff::civil::{Date, DateTime, Time, Weekday};
use jiff::tz::TimeZone;
use jiff::{Span, Zoned};
use std::collections::BTreeMap;

/// How often a series repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Frequency {
    /// Once only.
    Once,
    /// Every `interval` days.
    Daily { interval: u16 },
    /// Every `interval` weeks, on the given days (the start's weekday when empty).
    Weekly { interval: u16, days: Vec<Weekday> },
    /// Every `interval` months, on the start's day of the month. A month
    /// without that day (the 31st in April) is skipped, as RFC 5545 does.
    Monthly { interval: u16 },
}

/// When a series stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    Never,
    /// The last day an occurrence may start on (inclusive).
    Until(Date),
    /// This many occurrences, counted before cancellations.
    Count(u32),
}

/// A series: its first occurrence, its length, and how it repeats. Whole-day
/// items have no time and last `days` days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    pub start: DateTime,
    pub length: Length,
    pub frequency: Frequency,
    pub end: End,
    /// Occurrences (by their original date) that are cancelled.
    pub cancelled: Vec<Date>,
    /// Occurrences (by their original date) moved to another local start.
    pub moved: BTreeMap<Date, DateTime>,
}

/// How long each occurrence lasts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Length {
    /// A timed item of this many minutes.
    Minutes(u32),
    /// A whole-day item of this many days.
    WholeDays(u16),
}

/// One occurrence, placed in the time zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// The date the series gave it: what a cancellation or move refers to,
    /// and (with the series id) its stable identity in calendars.
    pub original: Date,
    pub start: Zoned,
    pub end: Zoned,
    pub whole_day: bool,
    pub moved: bool,
}

/// A series can yield at most this many occurrences for one question, so a
/// daily series asked about a century stays cheap.
pub const MAX_OCCURRENCES: usize = 2_000;

/// The first day a series may start on, and the last day it may run to.
/// An agenda is about the years around now; the bounds keep every date the
/// rules compute far from the calendar's edges.
pub const EARLIEST: Date = jiff::civil::date(2000, 1, 1);
pub const LATEST: Date = jiff::civil::date(2099, 12, 31);

/// How many days before a window an occurrence may have started and still
/// reach into it: its length, plus one for a time zone's shift. Lengths are
/// validated far below this cap; it only bounds stored data of another age.
const MAX_REACH_DAYS: i64 = 400;

impl Series {
    /// The occurrences that overlap `[from, to)`, in order of start. The work
    /// is proportional to the window, not to the series' age: the rule jumps
    /// straight to the window's first day.
    pub fn occurrences(&self, tz: &TimeZone, from: &Zoned, to: &Zoned) -> Vec<Occurrence> {
        let mut out = Vec::new();
        let reach = match self.length {
            Length::Minutes(m) => i64::from(m).div_euclid(24 * 60) + 2,
            Length::WholeDays(d) => i64::from(d) + 1,
        }
        .min(MAX_REACH_DAYS);
        let earliest = add_days(from.date(), -reach).unwrap_or(Date::MIN);
        // Dates only grow: once a day starts after `to`, nothing later overlaps.
        let last = add_days(to.date(), 1).unwrap_or(Date::MAX);
        for (n, date) in self.dates_from(earliest) {
            if out.len() >= MAX_OCCURRENCES || date > last || !self.within_end(n, date) {
                break;
            }
            // Moved occurrences are placed below, wherever they moved to.
            if self.cancelled.contains(&date) || self.moved.contains_key(&date) {
                continue;
            }
            let Some(occurrence) = self.place(tz, date, date.to_datetime(self.start.time())) else { continue };
            if occurrence.end > *from && occurrence.start < *to {
                out.push(occurrence);
            }
        }
        for (original, local_start) in &self.moved {
            if self.cancelled.contains(original) || !self.has_date(*original) {
                continue;
            }
            if let Some(occurrence) = self.place(tz, *original, *local_start)
                && occurrence.end > *from
                && occurrence.start < *to
            {
                out.push(occurrence);
            }
        }
        out.sort_by(|a, b| a.start.cmp(&b.start));
        out
    }

    /// Does the `n`th date (counting from 0) fall within the series' end?
    fn within_end(&self, n: u64, date: Date) -> bool {
        match self.end {
            End::Never => true,
            End::Count(count) => n < u64::from(count),
            End::Until(until) => date <= until,
        }
    }

    /// Is `date` one of the series' own dates (within its end)?
    pub fn has_date(&self, date: Date) -> bool {
        self.dates_from(date).next().is_some_and(|(n, d)| d == date && self.within_end(n, d))
    }

    fn place(&self, tz: &TimeZone, original: Date, local_start: DateTime) -> Option<Occurrence> {
        let (start, end, whole_day) = match self.length {
            Length::Minutes(m) => {
                let start = local_start.to_zoned(tz.clone()).ok()?;
                // The length is real time: an evening that spans the change
                // to winter time still lasts its minutes.
                let end = start.checked_add(Span::new().minutes(i64::from(m))).ok()?;
                (start, end, false)
            }
            Length::WholeDays(d) => {
                let day = local_start.date();
                let start = day.to_zoned(tz.clone()).ok()?;
                let end = day.checked_add(Span::new().days(i64::from(d))).ok()?.to_zoned(tz.clone()).ok()?;
                (start, end, true)
            }
        };
        Some(Occurrence { original, start, end, whole_day, moved: self.moved.contains_key(&original) })
    }

    /// The series' own dates from `from` on (ignoring its end and
    /// cancellations), each with its place in the series counted from 0 —
    /// what `End::Count` counts. Computed, not stepped: the first date costs
    /// the same for a series that started yesterday as for one that started
    /// centuries ago.
    fn dates_from(&self, from: Date) -> Box<dyn Iterator<Item = (u64, Date)> + '_> {
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

    /// The rule as an RFC 5545 RRULE value (without the `RRULE:` name), or
    /// `None` for a one-off item. `UNTIL` is inclusive. For a whole-day series
    /// (DTSTART a DATE) it is a date; for a timed one (DTSTART a local time
    /// with a TZID) RFC 5545 wants it in UTC: the end of that local day.
    pub fn rrule(&self, tz: &TimeZone) -> Option<String> {
        let mut rule = match &self.frequency {
            Frequency::Once => return None,
            Frequency::Daily { interval } => format!("FREQ=DAILY;INTERVAL={}", interval.max(&1)),
            Frequency::Weekly { interval, days } => {
                let mut days: Vec<Weekday> =
                    if days.is_empty() { vec![self.start.date().weekday()] } else { days.clone() };
                days.sort_by_key(|d| d.to_monday_zero_offset());
                days.dedup();
                let names: Vec<&str> = days.iter().map(|d| ical_day(*d)).collect();
                format!("FREQ=WEEKLY;INTERVAL={};BYDAY={}", interval.max(&1), names.join(","))
            }
            Frequency::Monthly { interval } => {
                format!("FREQ=MONTHLY;INTERVAL={};BYMONTHDAY={}", interval.max(&1), self.start.date().day())
            }
        };
        match self.end {
            End::Never => {}
            End::Until(d) => match self.length {
                Length::WholeDays(_) => rule.push_str(&format!(";UNTIL={}", d.strftime("%Y%m%d"))),
                Length::Minutes(_) => {
                    let last = d.to_datetime(Time::constant(23, 59, 59, 0)).to_zoned(tz.clone()).ok()?;
                    rule.push_str(&format!(";UNTIL={}", last.timestamp().strftime("%Y%m%dT%H%M%SZ")));
                }
            },
            End::Count(n) => rule.push_str(&format!(";COUNT={n}")),
        }
        Some(rule)
    }
}

fn ical_day(d: Weekday) -> &'static str {
    match d {
        Weekday::Monday => "MO",
        Weekday::Tuesday => "TU",
        Weekday::Wednesday => "WE",
        Weekday::Thursday => "TH",
        Weekday::Friday => "FR",
        Weekday::Saturday => "SA",
        Weekday::Sunday => "SU",
    }
}

/// `d` moved by `n` days, if the calendar reaches that far.
fn add_days(d: Date, n: i64) -> Option<Date> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, datetime};

    fn amsterdam() -> TimeZone {
        TimeZone::get("Europe/Amsterdam").expect("the bundled time zone data knows Amsterdam")
    }

    fn at(tz: &TimeZone, d: DateTime) -> Zoned {
        d.to_zoned(tz.clone()).expect("a real local time")
    }

    fn series(start: DateTime, frequency: Frequency, end: End) -> Series {
        Series { start, length: Length::Minutes(120), frequency, end, cancelled: vec![], moved: BTreeMap::new() }
    }

    #[test]
    fn a_weekly_evening_keeps_its_local_hour_across_the_change_to_winter_time() {
        let tz = amsterdam();
        // Tuesday evening company, 19:00; summer time ends on Sunday 25 October 2026.
        let s = series(
            datetime(2026, 10, 13, 19, 0, 0, 0),
            Frequency::Weekly { interval: 1, days: vec![Weekday::Tuesday] },
            End::Never,
        );
        let got = s.occurrences(
            &tz,
            &at(&tz, datetime(2026, 10, 1, 0, 0, 0, 0)),
            &at(&tz, datetime(2026, 11, 1, 0, 0, 0, 0)),
        );
        let dates: Vec<Date> = got.iter().map(|o| o.original).collect();
        assert_eq!(dates, [date(2026, 10, 13), date(2026, 10, 20), date(2026, 10, 27)]);
        for o in &got {
            assert_eq!(o.start.time(), Time::constant(19, 0, 0, 0), "always 19:00 local");
            assert_eq!(o.end.timestamp().as_second() - o.start.timestamp().as_second(), 2 * 3600);
        }
        // The same local hour is another UTC hour: 17:00 in summer, 18:00 in winter.
        assert_eq!(got[1].start.timestamp().to_string(), "2026-10-20T17:00:00Z");
        assert_eq!(got[2].start.timestamp().to_string(), "2026-10-27T18:00:00Z");
    }

    #[test]
    fn weekly_on_chosen_days_every_other_week_until_a_date() {
        let tz = amsterdam();
        let s = series(
            datetime(2026, 11, 3, 10, 0, 0, 0), // a Tuesday
            Frequency::Weekly { interval: 2, days: vec![Weekday::Saturday, Weekday::Tuesday] },
            End::Until(date(2026, 12, 1)),
        );
        let got =
            s.occurrences(&tz, &at(&tz, datetime(2026, 1, 1, 0, 0, 0, 0)), &at(&tz, datetime(2027, 1, 1, 0, 0, 0, 0)));
        let dates: Vec<Date> = got.iter().map(|o| o.original).collect();
        assert_eq!(
            dates,
            [date(2026, 11, 3), date(2026, 11, 7), date(2026, 11, 17), date(2026, 11, 21), date(2026, 12, 1)],
            "Tuesdays and Saturdays of every other week, the until date included"
        );
        assert_eq!(s.rrule(&tz).as_deref(), Some("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SA;UNTIL=20261201T225959Z"));
    }

    #[test]
    fn monthly_on_the_31st_skips_shorter_months_and_counts() {
        let tz = amsterdam();
        let s = series(datetime(2027, 1, 31, 9, 0, 0, 0), Frequency::Monthly { interval: 1 }, End::Count(3));
        let got =
            s.occurrences(&tz, &at(&tz, datetime(2027, 1, 1, 0, 0, 0, 0)), &at(&tz, datetime(2028, 1, 1, 0, 0, 0, 0)));
        let dates: Vec<Date> = got.iter().map(|o| o.original).collect();
        assert_eq!(dates, [date(2027, 1, 31), date(2027, 3, 31), date(2027, 5, 31)]);
        assert_eq!(s.rrule(&tz).as_deref(), Some("FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=31;COUNT=3"));
    }

    #[test]
    fn one_occurrence_cancelled_and_one_moved_leave_the_rest() {
        let tz = amsterdam();
        let mut s = series(datetime(2026, 11, 2, 14, 0, 0, 0), Frequency::Daily { interval: 1 }, End::Count(5));
        s.cancelled.push(date(2026, 11, 3));
        s.moved.insert(date(2026, 11, 4), datetime(2026, 11, 4, 16, 30, 0, 0));
        let got = s.occurrences(
            &tz,
            &at(&tz, datetime(2026, 11, 1, 0, 0, 0, 0)),
            &at(&tz, datetime(2026, 12, 1, 0, 0, 0, 0)),
        );
        let starts: Vec<String> = got.iter().map(|o| o.start.datetime().to_string()).collect();
        assert_eq!(
            starts,
            ["2026-11-02T14:00:00", "2026-11-04T16:30:00", "2026-11-05T14:00:00", "2026-11-06T14:00:00"],
            "the 3rd is gone, the 4th moved; the count still ends the series on the 6th"
        );
        assert!(got[1].moved && !got[0].moved);
    }

    #[test]
    fn whole_days_and_the_window() {
        let tz = amsterdam();
        let mut s = series(datetime(2026, 12, 24, 0, 0, 0, 0), Frequency::Once, End::Never);
        s.length = Length::WholeDays(2);
        let one = s.occurrences(
            &tz,
            &at(&tz, datetime(2026, 12, 25, 12, 0, 0, 0)),
            &at(&tz, datetime(2026, 12, 26, 0, 0, 0, 0)),
        );
        assert_eq!(one.len(), 1, "a two-day item overlaps its second day");
        assert!(one[0].whole_day);
        assert_eq!(one[0].end.datetime(), datetime(2026, 12, 26, 0, 0, 0, 0));
        let none = s.occurrences(
            &tz,
            &at(&tz, datetime(2026, 12, 26, 0, 0, 0, 0)),
            &at(&tz, datetime(2026, 12, 31, 0, 0, 0, 0)),
        );
        assert!(none.is_empty(), "it ends where the window starts");
        assert_eq!(s.rrule(&tz), None);
    }

    #[test]
    fn an_occurrence_moved_weeks_earlier_shows_where_it_moved_to() {
        let tz = amsterdam();
        let mut s = series(
            datetime(2026, 11, 3, 19, 0, 0, 0),
            Frequency::Weekly { interval: 1, days: vec![Weekday::Tuesday] },
            End::Count(6),
        );
        // The fourth evening (24 November) moves to Wednesday 4 November.
        s.moved.insert(date(2026, 11, 24), datetime(2026, 11, 4, 19, 30, 0, 0));
        let week = s.occurrences(
            &tz,
            &at(&tz, datetime(2026, 11, 2, 0, 0, 0, 0)),
            &at(&tz, datetime(2026, 11, 9, 0, 0, 0, 0)),
        );
        let got: Vec<(Date, bool)> = week.iter().map(|o| (o.original, o.moved)).collect();
        assert_eq!(got, [(date(2026, 11, 3), false), (date(2026, 11, 24), true)]);
        // A move of a date the series does not have (past its count) is ignored.
        s.moved.insert(date(2026, 12, 15), datetime(2026, 11, 5, 10, 0, 0, 0));
        let week = s.occurrences(
            &tz,
            &at(&tz, datetime(2026, 11, 2, 0, 0, 0, 0)),
            &at(&tz, datetime(2026, 11, 9, 0, 0, 0, 0)),
        );
        assert_eq!(week.len(), 2);
        assert!(s.has_date(date(2026, 12, 8)) && !s.has_date(date(2026, 12, 15)) && !s.has_date(date(2026, 11, 5)));
    }

    #[test]
    fn a_time_that_does_not_exist_moves_forward() {
        let tz = amsterdam();
        // 02:30 on 28 March 2027 does not exist (summer time starts at 02:00).
        let s = series(datetime(2027, 3, 27, 2, 30, 0, 0), Frequency::Daily { interval: 1 }, End::Count(3));
        let got =
            s.occurrences(&tz, &at(&tz, datetime(2027, 3, 1, 0, 0, 0, 0)), &at(&tz, datetime(2027, 4, 1, 0, 0, 0, 0)));
        let times: Vec<String> = got.iter().map(|o| o.start.datetime().time().to_string()).collect();
        assert_eq!(times, ["02:30:00", "03:30:00", "02:30:00"]);
    }

    #[test]
    fn a_series_from_year_one_is_read_at_the_window_and_keeps_its_count() {
        let tz = amsterdam();
        // Stored before start dates were bounded: every other day since year 1.
        let mut s = series(datetime(1, 1, 1, 9, 0, 0, 0), Frequency::Daily { interval: 2 }, End::Never);
        let (from, to) = (at(&tz, datetime(2026, 11, 2, 0, 0, 0, 0)), at(&tz, datetime(2026, 11, 9, 0, 0, 0, 0)));
        let dates: Vec<Date> = s.occurrences(&tz, &from, &to).iter().map(|o| o.original).collect();
        assert_eq!(dates, [date(2026, 11, 3), date(2026, 11, 5), date(2026, 11, 7)]);
        // A move of one of them is found, however far the series reaches back.
        s.moved.insert(date(2026, 11, 5), datetime(2026, 11, 6, 10, 0, 0, 0));
        let got: Vec<(Date, bool)> = s.occurrences(&tz, &from, &to).iter().map(|o| (o.original, o.moved)).collect();
        assert_eq!(got, [(date(2026, 11, 3), false), (date(2026, 11, 5), true), (date(2026, 11, 7), false)]);
        // Counting still starts at the first date: the 1000th is day 1998 after it.
        s.end = End::Count(1000);
        assert!(s.has_date(date(1, 1, 1).checked_add(Span::new().days(1998)).unwrap()));
        assert!(!s.has_date(date(1, 1, 1).checked_add(Span::new().days(2000)).unwrap()));
        assert!(s.occurrences(&tz, &from, &to).is_empty(), "the count ended the series long ago");
    }

    #[test]
    fn twenty_series_from_year_one_cost_next_to_nothing() {
        let tz = amsterdam();
        let all: Vec<Series> = (0..20)
            .map(|i| {
                let frequency = match i % 3 {
                    0 => Frequency::Daily { interval: 1 },
                    1 => Frequency::Weekly { interval: 1, days: vec![Weekday::Monday, Weekday::Friday] },
                    _ => Frequency::Monthly { interval: 1 },
                };
                series(datetime(1, 1, 31, 9, 0, 0, 0), frequency, End::Never)
            })
            .collect();
        let (from, to) = (at(&tz, datetime(2026, 11, 1, 0, 0, 0, 0)), at(&tz, datetime(2026, 12, 1, 0, 0, 0, 0)));
        let started = std::time::Instant::now();
        let found: usize = all.iter().map(|s| s.occurrences(&tz, &from, &to).len()).sum();
        let took = started.elapsed();
        assert_eq!(found, 7 * 30 + 7 * 9, "daily; Mondays and Fridays; no 31 November");
        // Stepping from year 1 took seconds; jumping to the window takes microseconds.
        assert!(took < std::time::Duration::from_millis(250), "{took:?}");
    }

    #[test]
    fn an_endless_daily_series_asked_about_a_long_time_stays_bounded() {
        let tz = amsterdam();
        let s = series(datetime(2026, 1, 1, 8, 0, 0, 0), Frequency::Daily { interval: 1 }, End::Never);
        let got =
            s.occurrences(&tz, &at(&tz, datetime(2026, 1, 1, 0, 0, 0, 0)), &at(&tz, datetime(2100, 1, 1, 0, 0, 0, 0)));
        assert_eq!(got.len(), MAX_OCCURRENCES);
    }
}
