//! The circle's agenda and rota: appointments (also those the client has
//! elsewhere, such as the GP), activities, and shifts that need someone.
//! Every item is a [`Series`] in the circle's time zone, so one form makes a
//! one-off visit or "every Tuesday evening"; a shift says how many people it
//! needs, and members sign up for its occurrences themselves.

use crate::Timestamp;
use crate::audience::Audience;
use crate::error::Validator;
use crate::ids::MemberId;
use crate::recurrence::{End, Frequency, Length, Series};
use jiff::civil::{Date, DateTime, Time, Weekday};

/// What an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// An appointment: the GP, the hospital, the hairdresser.
    Appointment,
    /// Something to do together: a walk, a birthday, a family evening.
    Activity,
    /// A shift or visit that needs someone: "Tuesday evening company".
    Shift,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Appointment, Kind::Activity, Kind::Shift];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Appointment => "appointment",
            Kind::Activity => "activity",
            Kind::Shift => "shift",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Kind::ALL.into_iter().find(|k| k.as_str() == raw)
    }
}

pub const MAX_TITLE: usize = 120;
pub const MAX_PLACE: usize = 200;
pub const MAX_NOTES: usize = 4_000;
/// A shift needs at most this many people; more is an event, not a shift.
pub const MAX_PLACES: u32 = 50;
pub const MAX_COUNT: u32 = 500;
pub const MAX_INTERVAL: u16 = 52;
pub const MAX_WHOLE_DAYS: u16 = 31;

/// An item as a reader sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub place: String,
    pub notes: String,
    /// An appointment the client has elsewhere, entered so members can look along.
    pub elsewhere: bool,
    pub series: Series,
    /// For a shift: how many people each occurrence needs. Zero otherwise.
    pub places: u32,
    pub audience: Audience,
    pub chosen: Vec<MemberId>,
    /// Members who go along (appointments and activities).
    pub along: Vec<(MemberId, String)>,
    pub created_by: MemberId,
    pub created_by_name: String,
    pub updated_at: Timestamp,
    /// Goes up with every change, for calendar apps (iCalendar SEQUENCE).
    pub revision: u32,
}

/// Someone signed up for one occurrence of a shift.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignUp {
    pub item_id: String,
    /// The occurrence's original date (see [`crate::recurrence::Occurrence::original`]).
    pub on: Date,
    pub member_id: MemberId,
    pub name: String,
    /// The member confirmed after the reminder.
    pub confirmed: bool,
}

/// A proposed swap: `from` hands their place in one occurrence to `to`,
/// optionally taking one of `to`'s occurrences in return.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Swap {
    pub id: String,
    pub item_id: String,
    pub on: Date,
    pub from: MemberId,
    pub from_name: String,
    pub to: MemberId,
    pub to_name: String,
    /// The occurrence `from` takes in return: (item id, date).
    pub in_return: Option<(String, Date)>,
    pub created_at: Timestamp,
}

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
        let kind = Kind::parse(self.kind.trim());
        if kind.is_none() {
            v.push("kind", "agenda-kind-invalid");
        }
        let title = crate::validate::collapse_spaces(&self.title);
        if title.is_empty() {
            v.push("title", "agenda-title-required");
        } else if title.chars().count() > MAX_TITLE {
            v.push("title", "agenda-title-too-long");
        }
        let date = self.date.trim().parse::<Date>().ok();
        match date {
            None => v.push("date", "date-invalid"),
            Some(d) if !in_range(d) => v.push("date", "agenda-date-out-of-range"),
            Some(_) => {}
        }
        let start_time = match self.start_time.trim() {
            "" => None,
            raw => {
                let t = parse_time(raw);
                if t.is_none() {
                    v.push("start_time", "time-invalid");
                }
                t
            }
        };
        let length = match start_time {
            Some(start) => match self.end_time.trim() {
                "" => {
                    v.push("end_time", "agenda-end-required");
                    None
                }
                raw => match parse_time(raw) {
                    None => {
                        v.push("end_time", "time-invalid");
                        None
                    }
                    Some(end) => {
                        let minutes = |t: Time| i32::from(t.hour()) * 60 + i32::from(t.minute());
                        let mut m = minutes(end) - minutes(start);
                        if m <= 0 {
                            m += 24 * 60;
                        }
                        Some(Length::Minutes(m.unsigned_abs()))
                    }
                },
            },
            None if self.start_time.trim().is_empty() => {
                let days = number::<u16>(&mut v, &self.days, "days", "agenda-days-invalid").unwrap_or(1);
                if !(1..=MAX_WHOLE_DAYS).contains(&days) {
                    v.push("days", "agenda-days-invalid");
                }
                Some(Length::WholeDays(days.clamp(1, MAX_WHOLE_DAYS)))
            }
            None => None,
        };
        let place = crate::validate::collapse_spaces(&self.place);
        if place.chars().count() > MAX_PLACE {
            v.push("place", "agenda-place-too-long");
        }
        let notes = self.notes.trim().replace("\r\n", "\n");
        if notes.chars().count() > MAX_NOTES {
            v.push("notes", "agenda-notes-too-long");
        }
        let mut along = Vec::new();
        for raw in &self.along {
            match MemberId::parse(raw.trim()) {
                Some(id) if !along.contains(&id) => along.push(id),
                Some(_) => {}
                None => v.push("along", "member-not-in-circle"),
            }
        }
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
                let mut days = Vec::new();
                for raw in &self.weekdays {
                    match parse_weekday(raw.trim()) {
                        Some(d) if !days.contains(&d) => days.push(d),
                        Some(_) => {}
                        None => v.push("weekdays", "agenda-weekday-invalid"),
                    }
                }
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
            let until = match self.until.trim() {
                "" => None,
                raw => {
                    let d = raw.parse::<Date>().ok();
                    match (d, date) {
                        (None, _) => v.push("until", "date-invalid"),
                        (Some(u), _) if !in_range(u) => v.push("until", "agenda-date-out-of-range"),
                        (Some(u), Some(first)) if u < first => v.push("until", "agenda-until-before-start"),
                        _ => {}
                    }
                    d
                }
            };
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
        let audience = crate::about::parse_audience(&mut v, &self.audience, &self.chosen);
        v.finish()?;
        let (audience, chosen) = audience.unwrap_or((Audience::Circle, Vec::new()));
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

/// Is `d` a day an item may start on, run until, or move to? Items belong
/// to the years around now (see [`crate::recurrence::EARLIEST`]); a date in
/// year 1 or 9999 is a typing error, and would make every read of the
/// agenda work through centuries.
pub fn in_range(d: Date) -> bool {
    (crate::recurrence::EARLIEST..=crate::recurrence::LATEST).contains(&d)
}

/// Who takes part in an item: the people who go along and, for a shift, the
/// people signed up for any of its occurrences. They always see it.
pub fn takes_part(item: &Item, signups: &[SignUp], member: &MemberId) -> bool {
    item.along.iter().any(|(m, _)| m == member)
        || signups.iter().any(|s| s.item_id == item.id && s.member_id == *member)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;
    use jiff::civil::date;

    fn codes(err: Error) -> Vec<(&'static str, &'static str)> {
        match err {
            Error::Validation(f) => f.into_iter().map(|f| (f.field, f.code)).collect(),
            other => panic!("not a validation error: {other:?}"),
        }
    }

    fn shift() -> ItemInput {
        ItemInput {
            kind: "shift".into(),
            title: " Dinsdagavond   gezelschap ".into(),
            date: "2026-11-24".into(),
            start_time: "19:00".into(),
            end_time: "21:30".into(),
            repeat: "weekly".into(),
            weekdays: vec!["tu".into()],
            places: "2".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_weekly_shift_is_checked() {
        let item = shift().parse().unwrap();
        assert_eq!(item.title, "Dinsdagavond gezelschap");
        assert_eq!(item.places, 2);
        assert_eq!(item.series.length, Length::Minutes(150));
        assert_eq!(item.series.frequency, Frequency::Weekly { interval: 1, days: vec![Weekday::Tuesday] });
        assert_eq!(item.series.start.date(), date(2026, 11, 24));
        assert_eq!(item.series.end, End::Never);
    }

    #[test]
    fn a_night_shift_ends_the_next_day_and_a_whole_day_item_has_no_time() {
        let night = ItemInput { start_time: "22:00".into(), end_time: "07:00".into(), ..shift() }.parse().unwrap();
        assert_eq!(night.series.length, Length::Minutes(9 * 60));
        let day = ItemInput {
            kind: "activity".into(),
            title: "Verjaardag".into(),
            date: "2026-12-03".into(),
            ..Default::default()
        }
        .parse()
        .unwrap();
        assert_eq!(day.series.length, Length::WholeDays(1));
        assert_eq!(day.places, 0, "only shifts have places");
    }

    #[test]
    fn bad_input_names_each_field() {
        let bad = ItemInput {
            kind: "party".into(),
            date: "dinsdag".into(),
            start_time: "25:00".into(),
            repeat: "weekly".into(),
            weekdays: vec!["xx".into()],
            until: "2026-01-01".into(),
            count: "3".into(),
            ..Default::default()
        };
        assert_eq!(
            codes(bad.parse().unwrap_err()),
            vec![
                ("kind", "agenda-kind-invalid"),
                ("title", "agenda-title-required"),
                ("date", "date-invalid"),
                ("start_time", "time-invalid"),
                ("weekdays", "agenda-weekday-invalid"),
                ("count", "agenda-until-or-count"),
            ]
        );
        // Start dates and end dates stay within the agenda's years; counts are bounded.
        let ancient = ItemInput { date: "0001-01-01".into(), until: "9999-12-31".into(), ..shift() };
        assert_eq!(
            codes(ancient.parse().unwrap_err()),
            vec![("date", "agenda-date-out-of-range"), ("until", "agenda-date-out-of-range")]
        );
        let many = ItemInput { count: "501".into(), ..shift() };
        assert_eq!(codes(many.parse().unwrap_err()), vec![("count", "agenda-count-invalid")]);
        assert!(ItemInput { date: "2000-01-01".into(), until: "2099-12-31".into(), ..shift() }.parse().is_ok());
        let early = ItemInput { until: "2026-11-01".into(), ..shift() };
        assert_eq!(codes(early.parse().unwrap_err()), vec![("until", "agenda-until-before-start")]);
        let none = ItemInput { places: "0".into(), end_time: String::new(), ..shift() };
        assert_eq!(
            codes(none.parse().unwrap_err()),
            vec![("end_time", "agenda-end-required"), ("places", "agenda-places-invalid")]
        );
    }
}
