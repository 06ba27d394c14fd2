//! Putting a help request or an open shift to the pool: volunteers who fit
//! see it with as little of the client as will do (a first name, the area,
//! what and when: nothing from the circle's logbook), answer, and the
//! coordinator asks one of them, who accepts and joins the circle.

use super::vog::Rules;
use super::{DayPart, Profile};
use crate::error::{Error, Result, Validator};
use crate::ids::{CircleId, OrganisationId};
use crate::keys::keys;
use jiff::civil::{Date, DateTime};
use serde::Deserialize;

keys! {
    #[derive(serde::Serialize, utoipa::ToSchema)]
    #[schema(as = PoolOfferStatus)]
    #[serde(rename_all = "snake_case")]
    pub enum Status {
        /// Waiting for volunteers to answer and the coordinator to ask one.
        Open = "open",
        /// One volunteer was asked; waiting for their yes.
        Asked = "asked",
        /// The volunteer accepted: they are in the circle.
        Placed = "placed",
        /// Taken back by the coordinator.
        Closed = "closed",
    }
}

keys! {
    #[derive(serde::Serialize, utoipa::ToSchema)]
    #[schema(as = PoolAnswer)]
    #[serde(rename_all = "snake_case")]
    pub enum Answer {
        /// Ik wil dit doen.
        Yes = "yes",
        /// Niet voor mij.
        No = "no",
    }
}

/// What is put to the pool.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Help(String),
    Shift { item: String, on: Date },
}

impl Source {
    /// "help:ID" or "shift:ITEM:YYYY-MM-DD", as forms send it.
    pub fn parse(raw: &str) -> Option<Source> {
        match raw.trim().split(':').collect::<Vec<_>>()[..] {
            ["help", id] if !id.is_empty() => Some(Source::Help(id.to_owned())),
            ["shift", item, on] if !item.is_empty() => {
                Some(Source::Shift { item: item.to_owned(), on: on.parse().ok()? })
            }
            _ => None,
        }
    }

    pub fn key(&self) -> String {
        match self {
            Source::Help(id) => format!("help:{id}"),
            Source::Shift { item, on } => format!("shift:{item}:{on}"),
        }
    }
}

/// A request to the pool, as the circle's coordinators see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    pub id: String,
    pub organisation_id: OrganisationId,
    pub circle_id: CircleId,
    pub source: Source,
    pub first_name: String,
    pub area: String,
    pub what: String,
    pub starts: DateTime,
    pub ends: DateTime,
    /// A short-term placement ends after this day.
    pub until_on: Option<Date>,
    pub status: Status,
    /// The volunteer asked (or placed): pool id and name.
    pub asked: Option<(String, String)>,
}

/// What a volunteer in the pool sees of an offer: nothing more.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[schema(as = PoolInvitation)]
pub struct Invitation {
    pub id: String,
    pub organisation_id: String,
    pub first_name: String,
    pub area: String,
    pub what: String,
    #[schema(value_type = String)]
    pub starts: DateTime,
    #[schema(value_type = String)]
    pub ends: DateTime,
    /// How long the placement lasts, when it is short-term.
    #[schema(value_type = Option<String>)]
    pub until_on: Option<Date>,
    pub my_answer: Option<Answer>,
    /// The coordinator asked me: accept or decline.
    pub asked_me: bool,
    /// I accepted: I am in the circle.
    pub placed: bool,
}

/// How well one volunteer fits an offer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fit {
    /// Free on that weekday and part of the day.
    pub available: bool,
    /// The offer's area is one of theirs.
    pub near: bool,
    /// Their interests and skills that appear in what is asked.
    pub matches: Vec<String>,
}

impl Fit {
    pub fn of(profile: &Profile, offer_area: &str, what: &str, starts: DateTime) -> Fit {
        let area = offer_area.to_lowercase();
        let what = what.to_lowercase();
        let near = profile.area.iter().any(|a| !a.is_empty() && (area.contains(a.as_str()) || a.contains(&area)));
        let matches = profile
            .interests
            .iter()
            .chain(&profile.skills)
            .filter(|w| w.chars().count() >= 3 && what.contains(w.as_str()))
            .cloned()
            .collect();
        Fit { available: profile.availability.has(starts.weekday(), DayPart::of_hour(starts.hour())), near, matches }
    }

    /// Ranked higher first: nearby, then more matching words.
    pub fn score(&self) -> usize {
        usize::from(self.near) * 10 + self.matches.len()
    }
}

/// When a short-term placement ends: the start of the day after `until`,
/// in the circles' time zone (Europe/Amsterdam).
pub fn placement_ends(until: Date) -> Option<crate::Timestamp> {
    let tz = jiff::tz::TimeZone::get("Europe/Amsterdam").ok()?;
    until.tomorrow().ok()?.to_zoned(tz).ok().map(|z| z.timestamp())
}

/// Sees the offer in the pool: taking part, free then, and placeable under the rules.
pub fn reaches(active: bool, fit: &Fit, rules: &Rules, vog: Option<Date>, today: Date) -> bool {
    active && fit.available && rules.placeable(vog, today)
}

/// The coordinator's form for putting something to the pool.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct OfferInput {
    /// "help:ID" or "shift:ITEM:YYYY-MM-DD".
    pub source: String,
    /// How the client is named to volunteers: a first name only.
    pub first_name: String,
    pub area: String,
    pub what: String,
    /// For a short-term placement: the last day (YYYY-MM-DD); empty for lasting.
    pub until_on: String,
}

/// A checked offer form (the times come from its source).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewOffer {
    pub source: Source,
    pub first_name: String,
    pub area: String,
    pub what: String,
    pub until_on: Option<Date>,
}

impl OfferInput {
    pub fn parse(&self, today: Date) -> Result<NewOffer> {
        let mut v = Validator::default();
        let source = Source::parse(&self.source);
        if source.is_none() {
            v.push("source", "pool-source-required");
        }
        let first_name = self.first_name.trim();
        if first_name.is_empty() {
            v.push("first_name", "pool-first-name-required");
        } else if first_name.split_whitespace().count() > 2 || first_name.chars().count() > 40 {
            // A first name, not a full name: volunteers outside the circle read it.
            v.push("first_name", "pool-first-name-only");
        }
        let area = self.area.trim();
        if area.chars().count() > 80 {
            v.push("area", "text-too-long");
        }
        let what = self.what.trim();
        if what.is_empty() {
            v.push("what", "pool-what-required");
        } else if what.chars().count() > 300 {
            v.push("what", "text-too-long");
        }
        let until_on = match super::form_date(&self.until_on, None) {
            Ok(Some(d)) if d < today => {
                v.push("until_on", "pool-until-past");
                None
            }
            Ok(d) => d,
            Err(code) => {
                v.push("until_on", code);
                None
            }
        };
        v.finish()?;
        Ok(NewOffer {
            source: source.ok_or(Error::NotFound)?,
            first_name: first_name.to_owned(),
            area: area.to_owned(),
            what: what.to_owned(),
            until_on,
        })
    }
}
