//! Help requests (hulpvragen): a one-off task with a time window — a ride to
//! the hospital, shopping, company, a few hours off for a carer. Any member
//! asks, for themselves or on behalf of someone else (asking is hard; a
//! coordinator or a relative often asks for the carer). Members respond; the
//! person asking picks one and confirms, and the task lands in the helper's
//! agenda. Ready-made templates lower the threshold.

use crate::Timestamp;
use crate::audience::Audience;
use crate::error::Validator;
use crate::ids::MemberId;
use crate::keys::keys;
use jiff::civil::{Date, DateTime, Time};

keys! {
    /// A ready-made request: each gives a first title and a hint.
    #[derive(Hash)]
    pub enum Template {
        /// Vervoer: a ride to the hospital, the GP, a visit.
        Ride = "ride",
        /// Boodschappen.
        Shopping = "shopping",
        /// Gezelschap: company, a walk, a cup of coffee.
        Company = "company",
        /// Even vrij: a few hours off for a family carer (respijt).
        Respite = "respite",
        /// Een klusje in en om het huis.
        Chore = "chore",
        /// Iets anders.
        Other = "other",
    }
}

/// Where a request stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Open,
    /// A helper was chosen; the task is in their agenda (`item` unless removed since).
    Confirmed {
        helper: MemberId,
        helper_name: String,
        item: Option<String>,
    },
    /// Withdrawn by whoever asked.
    Withdrawn,
}

impl Status {
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Confirmed { .. } => "confirmed",
            Status::Withdrawn => "withdrawn",
        }
    }
}

/// Someone who offered to help.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    pub member_id: MemberId,
    pub name: String,
    pub message: String,
    pub at: Timestamp,
}

/// A request as a reader sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub id: String,
    pub template: Template,
    pub title: String,
    pub details: String,
    /// The time window, local (Europe/Amsterdam).
    pub from: DateTime,
    pub until: DateTime,
    /// Who it is for (the carer or client who needs it).
    pub asked_for: MemberId,
    pub asked_for_name: String,
    /// Who wrote it (the same member, or someone on their behalf).
    pub asked_by: MemberId,
    pub asked_by_name: String,
    pub audience: Audience,
    pub chosen: Vec<MemberId>,
    pub status: Status,
    pub responses: Vec<Response>,
    pub created_at: Timestamp,
}

impl Request {
    /// May this member pick a helper or withdraw the request? Whoever asked,
    /// whoever it is for, and managers.
    pub fn decided_by(&self, member: &MemberId, manages: bool) -> bool {
        manages || &self.asked_by == member || &self.asked_for == member
    }
}

pub const MAX_TITLE: usize = 120;
pub const MAX_DETAILS: usize = 2_000;
pub const MAX_MESSAGE: usize = 500;

/// A request as a form or API client sends it.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct RequestInput {
    /// ride, shopping, company, respite, chore or other.
    #[serde(default)]
    pub template: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub details: String,
    /// YYYY-MM-DD: the day (or first day) of the window.
    #[serde(default)]
    pub date: String,
    /// HH:MM, or empty for "any time that day".
    #[serde(default)]
    pub from_time: String,
    /// YYYY-MM-DD, or empty for the same day.
    #[serde(default)]
    pub until_date: String,
    /// HH:MM, or empty for the end of the day.
    #[serde(default)]
    pub until_time: String,
    /// The member it is for; the writer when empty.
    #[serde(default)]
    pub asked_for: String,
    /// circle, professionals, informal or chosen; the whole circle when empty.
    #[serde(default)]
    pub audience: String,
    #[serde(default)]
    pub chosen: Vec<String>,
}

/// A checked request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewRequest {
    pub template: Template,
    pub title: String,
    pub details: String,
    pub from: DateTime,
    pub until: DateTime,
    pub asked_for: Option<MemberId>,
    pub audience: Audience,
    pub chosen: Vec<MemberId>,
}

impl RequestInput {
    /// `today` keeps requests out of the past.
    pub fn parse(&self, today: Date) -> crate::Result<NewRequest> {
        let mut v = Validator::new();
        let template = v.known("template", Template::parse(self.template.trim()), "help-template-invalid");
        let title = v.required_line("title", &self.title, MAX_TITLE, "help-title-required", "help-title-too-long");
        let details = v.text("details", &self.details, MAX_DETAILS, "help-details-too-long");
        let date = v.date("date", &self.date);
        if date.is_some_and(|d| d < today) {
            v.push("date", "help-date-past");
        }
        let from_time = v.time_or("from_time", &self.from_time, Some(Time::midnight()));
        let until_time = v.time_or("until_time", &self.until_time, Some(Time::constant(23, 59, 0, 0)));
        let until_date = v.date_or("until_date", &self.until_date, date);
        let asked_for = v.check(crate::validate::member("asked_for", &self.asked_for)).flatten();
        let (from, until) = match (date, from_time, until_date, until_time) {
            (Some(d), Some(ft), Some(ud), Some(ut)) => {
                let (from, until) = (d.to_datetime(ft), ud.to_datetime(ut));
                if until <= from {
                    v.push("until_time", "help-window-backwards");
                }
                (Some(from), Some(until))
            }
            _ => (None, None),
        };
        let (audience, chosen) = crate::about::audience_or_circle(&mut v, &self.audience, &self.chosen);
        v.finish()?;
        match (template, from, until) {
            (Some(template), Some(from), Some(until)) => {
                Ok(NewRequest { template, title, details, from, until, asked_for, audience, chosen })
            }
            _ => Err(crate::Error::internal("a checked help request lacks a field")),
        }
    }
}

/// An offer to help, checked.
pub fn check_message(raw: &str) -> crate::Result<String> {
    let mut v = Validator::new();
    let message = v.text("message", raw, MAX_MESSAGE, "help-message-too-long");
    v.finish()?;
    Ok(message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::codes;
    use jiff::civil::{date, datetime};

    #[test]
    fn a_window_defaults_to_the_whole_day() {
        let r = RequestInput {
            template: "ride".into(),
            title: " Rit naar   het ziekenhuis ".into(),
            date: "2026-11-26".into(),
            ..Default::default()
        }
        .parse(date(2026, 11, 23))
        .unwrap();
        assert_eq!(r.title, "Rit naar het ziekenhuis");
        assert_eq!((r.from, r.until), (datetime(2026, 11, 26, 0, 0, 0, 0), datetime(2026, 11, 26, 23, 59, 0, 0)));
        assert_eq!(r.asked_for, None);
    }

    #[test]
    fn bad_requests_name_each_field() {
        let bad = RequestInput {
            template: "party".into(),
            date: "2026-11-01".into(),
            from_time: "15:00".into(),
            until_time: "14:00".into(),
            ..Default::default()
        };
        assert_eq!(
            codes(bad.parse(date(2026, 11, 23)).unwrap_err()),
            vec![
                ("template", "help-template-invalid"),
                ("title", "help-title-required"),
                ("date", "help-date-past"),
                ("until_time", "help-window-backwards"),
            ]
        );
        assert!(check_message(&"x".repeat(501)).is_err());
    }
}
