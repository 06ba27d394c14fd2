//! The period the monitor counts over: a calendar month in the
//! organisation's time zone, or the current month up to now.

use crate::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// The period figures are counted over: one calendar month in the
/// organisation's time zone, or the current month up to now.
#[derive(Clone, Debug)]
pub struct Period {
    /// The month's first day.
    pub first_day: Date,
    /// The first moment of the month.
    pub from: Timestamp,
    /// Where counting stops: the first moment of the next month, or now.
    pub to: Timestamp,
    pub tz: TimeZone,
}

impl Period {
    /// The whole month that `day` falls in.
    pub fn month(day: Date, tz: &TimeZone) -> crate::Result<Period> {
        let first_day = day.first_of_month();
        let next = first_day.checked_add(jiff::Span::new().months(1)).map_err(bad_date)?;
        Ok(Period {
            first_day,
            from: first_day.to_zoned(tz.clone()).map_err(bad_date)?.timestamp(),
            to: next.to_zoned(tz.clone()).map_err(bad_date)?.timestamp(),
            tz: tz.clone(),
        })
    }

    /// The current month up to `now`.
    pub fn month_so_far(now: Timestamp, tz: &TimeZone) -> crate::Result<Period> {
        let today = now.to_zoned(tz.clone()).date();
        Ok(Period { to: now, ..Period::month(today, tz)? })
    }

    /// The month before this one (whole).
    pub fn previous(&self) -> crate::Result<Period> {
        let day = self.first_day.checked_sub(jiff::Span::new().days(1)).map_err(bad_date)?;
        Period::month(day, &self.tz)
    }

    /// "2026-11": how snapshots, the API and the CSV name a month.
    pub fn label(&self) -> String {
        self.first_day.strftime("%Y-%m").to_string()
    }

    /// The local day the period ends on (the day of `to`, or the month's last
    /// day when `to` is the next month's first moment).
    pub fn last_day(&self) -> Date {
        let end = self.to.to_zoned(self.tz.clone());
        let day = end.date();
        if end.time() == jiff::civil::Time::midnight() && day > self.first_day {
            day.yesterday().unwrap_or(day)
        } else {
            day
        }
    }
}

fn bad_date(e: jiff::Error) -> crate::Error {
    crate::Error::internal(format!("monitor period: {e}"))
}
