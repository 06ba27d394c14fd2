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

impl Series {
    /// The occurrences that overlap `[from, to)`, in order of start.
    pub fn occurrences(&self, tz: &TimeZone, from: &Zoned, to: &Zoned) -> Vec<Occurrence> {
        let mut out = Vec::new();
        for (n, date) in self.dates().enumerate() {
            if out.len() >= MAX_OCCURRENCES || !self.within_end(n, date) {
                break;
            }
            // Dates only grow: once a day starts after `to`, nothing later overlaps.
            if date.to_datetime(Time::midnight()) > to.datetime().saturating_add(Span::new().days(1)) {
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
    fn within_end(&self, n: usize, date: Date) -> bool {
        match self.end {
            End::Never => true,
            End::Count(count) => (n as u64) < u64::from(count),
            End::Until(until) => date <= until,
        }
    }

    /// Is `date` one of the series' own dates (within its end)?
    pub fn has_date(&self, date: Date) -> bool {
        self.dates()
            .enumerate()
            .take_while(|(n, d)| *d <= date && *n < MAX_OCCURRENCES * 50)
            .any(|(n, d)| d == date && self.within_end(n, d))
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

    /// The series' dates in order, without end or cancellations.
    fn dates(&self) -> Box<dyn Iterator<Item = Date> + '_> {
        let first = self.start.date();
        match &self.frequency {
            Frequency::Once => Box::new(std::iter::once(first)),
            Frequency::Daily { interval } => {
                let step = i64::from((*interval).max(1));
                Box::new((0..).map_while(move |i: i64| first.checked_add(Span::new().days(i * step)).ok()))
            }
            Frequency::Weekly { interval, days } => {
                let step = i64::from((*interval).max(1));
                let mut days: Vec<Weekday> = if days.is_empty() { vec![first.weekday()] } else { days.clone() };
                days.sort_by_key(|d| d.to_monday_zero_offset());
                days.dedup();
                // Weeks start on Monday, as in the Netherlands (and RFC 5545's default WKST).
                let monday = first.checked_sub(Span::new().days(i64::from(first.weekday().to_monday_zero_offset())));
                let Ok(monday) = monday else { return Box::new(std::iter::empty()) };
                Box::new(
                    (0..)
                        .map_while(move |w: i64| monday.checked_add(Span::new().weeks(w * step)).ok())
                        .flat_map(move |week| {
                            let days = days.clone();
                            days.into_iter().filter_map(move |d| {
                                week.checked_add(Span::new().days(i64::from(d.to_monday_zero_offset()))).ok()
                            })
                        })
                        .filter(move |d| *d >= first),
                )
            }
            Frequency::Monthly { interval } => {
                let step = i64::from((*interval).max(1));
                let day = first.day();
                Box::new(
                    (0..)
                        .map_while(move |i: i64| first.first_of_month().checked_add(Span::new().months(i * step)).ok())
                        .take_while(|m| m.year() < 9_000)
                        .filter_map(move |month| Date::new(month.year(), month.month(), day).ok()),
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
    fn an_endless_daily_series_asked_about_a_long_time_stays_bounded() {
        let tz = amsterdam();
        let s = series(datetime(2026, 1, 1, 8, 0, 0, 0), Frequency::Daily { interval: 1 }, End::Never);
        let got =
            s.occurrences(&tz, &at(&tz, datetime(2026, 1, 1, 0, 0, 0, 0)), &at(&tz, datetime(2100, 1, 1, 0, 0, 0, 0)));
        assert_eq!(got.len(), MAX_OCCURRENCES);
    }
}
