//! What a form or API client sends for an agenda item, checked into a
//! [`NewItem`]: every field's rule in one place, every problem reported.

use super::{Kind, MAX_COUNT, MAX_INTERVAL, MAX_NOTES, MAX_PLACE, MAX_PLACES, MAX_TITLE, MAX_WHOLE_DAYS, in_range};
use crate::audience::Audience;
use crate::error::Validator;
use crate::ids::MemberId;
use crate::recurrence::{End, Frequency, Length, Series};
use jiff::civil::{DateTime, Time, Weekday};

/// An item as a form or API client sends it.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct ItemInput {
    /// appointment, activity or shift.
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub title: String,
    /// The first day, YYYY-MM-DD.
    #[serde(default)]
    pub date: String,
    /// HH:MM local time; empty for a whole-day item.
    #[serde(default)]
    pub start_time: String,
    /// HH:MM; an end at or before the start ends the next day (a night shift).
    #[serde(default)]
    pub end_time: String,
    /// For a whole-day item: how many days (1 when empty).
    #[serde(default)]
    pub days: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub notes: String,
    /// An appointment the client has elsewhere.
    #[serde(default)]
    pub elsewhere: bool,
    /// Member ids of those who go along.
    #[serde(default)]
    pub along: Vec<String>,
    /// For a shift: how many people it needs (1 when empty).
    #[serde(default)]
    pub places: String,
    /// once, daily, weekly or monthly (once when empty).
    #[serde(default)]
    pub repeat: String,
    /// Every how many days, weeks or months (1 when empty).
    #[serde(default)]
    pub interval: String,
    /// For weekly: mo, tu, we, th, fr, sa, su (the first day's weekday when empty).
    #[serde(default)]
    pub weekdays: Vec<String>,
    /// YYYY-MM-DD: the last day the series may run (empty: no end).
    #[serde(default)]
    pub until: String,
    /// Or: this many times.
    #[serde(default)]
    pub count: String,
    /// circle, professionals, informal or chosen; the whole circle when empty.
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub chosen: Vec<String>,
}

/// A checked item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewItem {
    pub kind: Kind,
    pub title: String,
    pub place: String,
    pub notes: String,
    pub elsewhere: bool,
    pub series: Series,
    pub places: u32,
    pub audience: Audience,
    pub chosen: Vec<MemberId>,
    pub along: Vec<MemberId>,
}

pub const WEEKDAYS: [(&str, Weekday); 7] = [
    ("mo", Weekday::Monday),
    ("tu", Weekday::Tuesday),
    ("we", Weekday::Wednesday),
    ("th", Weekday::Thursday),
    ("fr", Weekday::Friday),
    ("sa", Weekday::Saturday),
    ("su", Weekday::Sunday),
];

pub fn weekday_code(d: Weekday) -> &'static str {
    WEEKDAYS.iter().find(|(_, w)| *w == d).map(|(c, _)| *c).unwrap_or("mo")
}

pub fn parse_weekday(raw: &str) -> Option<Weekday> {
    WEEKDAYS.iter().find(|(c, _)| *c == raw).map(|(_, w)| *w)
}

/// "19:00" or "9:30" as a local time.
pub fn parse_time(raw: &str) -> Option<Time> {
    let (h, m) = raw.trim().split_once(':')?;
    let (h, m): (i8, i8) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
    Time::new(h, m, 0, 0).ok()
}

fn number<T: std::str::FromStr>(v: &mut Validator, raw: &str, field: &'static str, code: &'static str) -> Option<T> {
    match raw.trim() {
        "" => None,
        raw => {
            let n = raw.parse::<T>().ok();
            if n.is_none() {
                v.push(field, code);
            }
            n
        }
    }
}

impl ItemInput {
    pub fn parse(&self) -> crate::Result<NewItem> {
        let mut v = Validator::new();
        let kind = v.known("kind", Kind::parse(self.kind.trim()), "agenda-kind-invalid");
        let title = v.required_line("title", &self.title, MAX_TITLE, "agenda-title-required", "agenda-title-too-long");
        let date = v.date("date", &self.date);
        if date.is_some_and(|d| !in_range(d)) {
            v.push("date", "agenda-date-out-of-range");
        }
        let start_time = v.time_or("start_time", &self.start_time, None);
        let length = match start_time {
            Some(start) => {
                if self.end_time.trim().is_empty() {
                    v.push("end_time", "agenda-end-required");
                }
                v.time_or("end_time", &self.end_time, None).map(|end| {
                    let minutes = |t: Time| i32::from(t.hour()) * 60 + i32::from(t.minute());
                    let mut m = minutes(end) - minutes(start);
                    if m <= 0 {
                        m += 24 * 60;
                    }
                    Length::Minutes(m.unsigned_abs())
                })
            }
            None if self.start_time.trim().is_empty() => {
                let days = number::<u16>(&mut v, &self.days, "days", "agenda-days-invalid").unwrap_or(1);
                if !(1..=MAX_WHOLE_DAYS).contains(&days) {
                    v.push("days", "agenda-days-invalid");
                }
                Some(Length::WholeDays(days.clamp(1, MAX_WHOLE_DAYS)))
            }
            None => None,
        };
        let place = v.line("place", &self.place, MAX_PLACE, "agenda-place-too-long");
        let notes = v.text("notes", &self.notes, MAX_NOTES, "agenda-notes-too-long");
        let along = v.members("along", &self.along);
        let places = if kind == Some(Kind::Shift) {
            let n = number::<u32>(&mut v, &self.places, "places", "agenda-places-invalid").unwrap_or(1);
            if !(1..=MAX_PLACES).contains(&n) {
                v.push("places", "agenda-places-invalid");
            }
            n
        } else {
            0
        };
        let interval = number::<u16>(&mut v, &self.interval, "interval", "agenda-interval-invalid").unwrap_or(1);
        if !(1..=MAX_INTERVAL).contains(&interval) {
            v.push("interval", "agenda-interval-invalid");
        }
        let frequency = match self.repeat.trim() {
            "" | "once" => Some(Frequency::Once),
            "daily" => Some(Frequency::Daily { interval }),
            "weekly" => {
                let days = v.distinct("weekdays", "agenda-weekday-invalid", &self.weekdays, parse_weekday);
                Some(Frequency::Weekly { interval, days })
            }
            "monthly" => Some(Frequency::Monthly { interval }),
            _ => {
                v.push("repeat", "agenda-repeat-invalid");
                None
            }
        };
        let mut end = End::Never;
        if !matches!(frequency, Some(Frequency::Once) | None) {
            let until = v.date_or("until", &self.until, None);
            match (until, date) {
                (Some(u), _) if !in_range(u) => v.push("until", "agenda-date-out-of-range"),
                (Some(u), Some(first)) if u < first => v.push("until", "agenda-until-before-start"),
                _ => {}
            }
            let count = number::<u32>(&mut v, &self.count, "count", "agenda-count-invalid");
            if count.is_some_and(|n| !(1..=MAX_COUNT).contains(&n)) {
                v.push("count", "agenda-count-invalid");
            }
            end = match (until, count) {
                (Some(_), Some(_)) => {
                    v.push("count", "agenda-until-or-count");
                    End::Never
                }
                (Some(u), None) => End::Until(u),
                (None, Some(n)) => End::Count(n),
                (None, None) => End::Never,
            };
        }
        let (audience, chosen) = crate::about::audience_or_circle(&mut v, &self.audience, &self.chosen);
        v.finish()?;
        match (kind, date, length, frequency) {
            (Some(kind), Some(date), Some(length), Some(frequency)) => Ok(NewItem {
                kind,
                title,
                place,
                notes,
                elsewhere: self.elsewhere && kind == Kind::Appointment,
                series: Series {
                    start: DateTime::from_parts(date, start_time.unwrap_or(Time::midnight())),
                    length,
                    frequency,
                    end,
                    cancelled: Vec::new(),
                    moved: Default::default(),
                },
                places,
                audience,
                chosen,
                along,
            }),
            _ => Err(crate::Error::internal("a checked agenda item lacks a field")),
        }
    }
}
