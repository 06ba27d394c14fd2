//! The rule written as an RFC 5545 `RRULE`, for the iCalendar feed.

use super::{End, Frequency, Length, Series};
use jiff::civil::{Time, Weekday};
use jiff::tz::TimeZone;

impl Series {
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
