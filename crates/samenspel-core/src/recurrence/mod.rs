//! Recurring agenda items and rota shifts (issue 5): a series starts at a
//! local date and time in the circle's time zone (Europe/Amsterdam) and
//! repeats daily, weekly on chosen days, or monthly, until a date or for a
//! number of times. Occurrences are worked out in local civil time and only
//! then placed in the time zone, so "Tuesday 19:00" stays 19:00 across the
//! changes to and from summer time. One occurrence can be cancelled or moved
//! without touching the rest of the series.
//!
//! The rule also writes itself as an RFC 5545 `RRULE`, for the iCalendar feed.

use jiff::civil::{Date, DateTime, Weekday};
use jiff::tz::TimeZone;
use jiff::{Span, Zoned};
use std::collections::BTreeMap;

use dates::add_days;

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
        let reach = self.reach_days();
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

    /// How many days after its start day an occurrence may still be going
    /// on: its length, plus one for a time zone's shift.
    fn reach_days(&self) -> i64 {
        match self.length {
            Length::Minutes(m) => i64::from(m).div_euclid(24 * 60) + 2,
            Length::WholeDays(d) => i64::from(d) + 1,
        }
        .min(MAX_REACH_DAYS)
    }

    /// The last day an occurrence can still be going on: the last start (of
    /// the series' own dates or of a moved occurrence) plus the reach that
    /// [`Series::occurrences`] looks back. [`LATEST`] for a series without
    /// end. The store keeps it with the series, so that a read of the coming
    /// weeks passes over items that are long past instead of expanding them.
    /// Cancelled dates are counted: the day stays an upper bound.
    pub fn reaches_until(&self) -> Date {
        let own = match (&self.frequency, self.end) {
            (Frequency::Once, _) => Some(self.start.date()),
            (_, End::Never) => return LATEST,
            (_, End::Until(until)) => Some(until),
            (_, End::Count(count)) => self
                .dates_from(self.start.date())
                .take_while(|(n, date)| *n < u64::from(count) && *date <= LATEST)
                .last()
                .map(|(_, date)| date),
        };
        let last = self.moved.values().map(|moved| moved.date()).chain(own).max().unwrap_or(self.start.date());
        add_days(last, self.reach_days()).unwrap_or(LATEST).min(LATEST)
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
}

mod dates;
mod rrule;
#[cfg(test)]
mod tests;
