//! The volunteer pool (issue 14): the volunteers of an organisation who are
//! not (yet) in a circle, with what they can do and when, their certificate
//! of conduct (VOG), training and expenses, and the help requests and open
//! shifts that are put to them.

pub mod expenses;
pub mod offers;
pub mod vog;

use crate::error::{Result, Validator};
use crate::ids::UserId;
use crate::keys::keys;
use crate::social_map::topics;
use jiff::civil::{Date, Weekday};
use serde::Deserialize;

keys! {
    /// A part of the day, as volunteers give their availability.
    pub enum DayPart {
        /// Ochtend: until noon.
        Morning = "morning",
        /// Middag: noon to six.
        Afternoon = "afternoon",
        /// Avond: from six.
        Evening = "evening",
    }
}

impl DayPart {
    /// The part of the day an hour falls in.
    pub fn of_hour(hour: i8) -> DayPart {
        match hour {
            ..12 => DayPart::Morning,
            12..18 => DayPart::Afternoon,
            _ => DayPart::Evening,
        }
    }
}

/// The weekdays, Monday first, with their keys.
pub const DAYS: [(Weekday, &str); 7] = [
    (Weekday::Monday, "mon"),
    (Weekday::Tuesday, "tue"),
    (Weekday::Wednesday, "wed"),
    (Weekday::Thursday, "thu"),
    (Weekday::Friday, "fri"),
    (Weekday::Saturday, "sat"),
    (Weekday::Sunday, "sun"),
];

/// When a volunteer is free: weekdays × parts of the day, one bit each
/// (bit `day * 3 + part`, Monday and morning first), stored as a number.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Availability(pub u32);

impl Availability {
    fn bit(day: Weekday, part: DayPart) -> u32 {
        let d = u32::from(day.to_monday_zero_offset().unsigned_abs());
        let p = DayPart::ALL.iter().position(|x| *x == part).unwrap_or(0) as u32;
        1 << (d * 3 + p)
    }

    pub fn has(self, day: Weekday, part: DayPart) -> bool {
        self.0 & Self::bit(day, part) != 0
    }

    pub fn with(self, day: Weekday, part: DayPart) -> Availability {
        Availability(self.0 | Self::bit(day, part))
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The form's key of one slot: "mon-morning".
    pub fn key(day: Weekday, part: DayPart) -> String {
        let d = DAYS.iter().find(|(w, _)| *w == day).map(|(_, k)| *k).unwrap_or("mon");
        format!("{d}-{}", part.as_str())
    }

    /// From the form's ticked slots; unknown keys are an error.
    pub fn from_keys(keys: &[String]) -> Option<Availability> {
        let mut a = Availability::default();
        for k in keys {
            let (d, p) = k.split_once('-')?;
            let day = DAYS.iter().find(|(_, key)| *key == d).map(|(w, _)| *w)?;
            a = a.with(day, DayPart::parse(p)?);
        }
        Some(a)
    }

    /// The ticked slots, as form keys.
    pub fn keys(self) -> Vec<String> {
        let mut out = Vec::new();
        for (day, _) in DAYS {
            for part in DayPart::ALL {
                if self.has(day, part) {
                    out.push(Availability::key(day, part));
                }
            }
        }
        out
    }
}

/// One volunteer in an organisation's pool, as its coordinators see them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Volunteer {
    pub id: String,
    pub user_id: UserId,
    pub name: String,
    pub email: String,
    pub profile: Profile,
    /// When their VOG was issued, if they have one.
    pub vog_issued_on: Option<Date>,
    /// How they are insured while volunteering ("VNG-vrijwilligersverzekering").
    pub insurance: String,
    /// Taking part in matching; a volunteer who stopped stays on record.
    pub active: bool,
    pub trainings: Vec<Training>,
}

/// What a volunteer says about themselves (they keep it, and so do the coordinators).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    pub availability: Availability,
    /// Where they like to help: neighbourhoods or places, separated by commas.
    pub area: Vec<String>,
    pub interests: Vec<String>,
    pub skills: Vec<String>,
    pub languages: Vec<String>,
}

/// A course a volunteer followed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Training {
    pub id: String,
    pub title: String,
    pub done_on: Date,
}

/// The profile form.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[schema(as = PoolProfileInput)]
#[serde(default)]
pub struct ProfileInput {
    /// Ticked slots: "mon-morning", "sat-evening".
    pub slots: Vec<String>,
    pub area: String,
    pub interests: String,
    pub skills: String,
    pub languages: String,
}

fn words_list(v: &mut Validator, field: &'static str, raw: &str) -> Vec<String> {
    let list = topics(raw);
    if raw.chars().count() > 400 || list.len() > 20 {
        v.push(field, "text-too-long");
    }
    list
}

impl ProfileInput {
    pub fn parse(&self) -> Result<Profile> {
        let mut v = Validator::default();
        let availability = Availability::from_keys(&self.slots).unwrap_or_else(|| {
            v.push("slots", "pool-slots-invalid");
            Availability::default()
        });
        let profile = Profile {
            availability,
            area: words_list(&mut v, "area", &self.area),
            interests: words_list(&mut v, "interests", &self.interests),
            skills: words_list(&mut v, "skills", &self.skills),
            languages: words_list(&mut v, "languages", &self.languages),
        };
        v.finish()?;
        Ok(profile)
    }

    pub fn of(p: &Profile) -> ProfileInput {
        ProfileInput {
            slots: p.availability.keys(),
            area: p.area.join(", "),
            interests: p.interests.join(", "),
            skills: p.skills.join(", "),
            languages: p.languages.join(", "),
        }
    }
}

/// What only the coordinators record: the VOG, insurance, taking part.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[schema(as = PoolRecordInput)]
#[serde(default)]
pub struct RecordInput {
    /// The VOG's date of issue (YYYY-MM-DD), empty when there is none.
    pub vog_issued_on: String,
    pub insurance: String,
    /// "on" (or "true") while the volunteer takes part in matching.
    pub active: String,
}

/// A checked record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub vog_issued_on: Option<Date>,
    pub insurance: String,
    pub active: bool,
}

/// A date from a form: YYYY-MM-DD, not in the future when `not_after` says so.
pub fn form_date(raw: &str, not_after: Option<Date>) -> std::result::Result<Option<Date>, &'static str> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let d: Date = raw.parse().map_err(|_| "date-invalid")?;
    if not_after.is_some_and(|t| d > t) || d.year() < 1950 {
        return Err("pool-date-in-future");
    }
    Ok(Some(d))
}

impl RecordInput {
    pub fn parse(&self, today: Date) -> Result<Record> {
        let mut v = Validator::default();
        let vog_issued_on = form_date(&self.vog_issued_on, Some(today)).unwrap_or_else(|code| {
            v.push("vog_issued_on", code);
            None
        });
        let insurance = self.insurance.trim();
        if insurance.chars().count() > 200 {
            v.push("insurance", "text-too-long");
        }
        v.finish()?;
        Ok(Record {
            vog_issued_on,
            insurance: insurance.to_owned(),
            active: matches!(self.active.as_str(), "on" | "true" | "1"),
        })
    }
}

/// A course to record.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[schema(as = PoolTrainingInput)]
#[serde(default)]
pub struct TrainingInput {
    pub title: String,
    /// YYYY-MM-DD.
    pub done_on: String,
}

impl TrainingInput {
    pub fn parse(&self, today: Date) -> Result<(String, Date)> {
        let mut v = Validator::default();
        let title = self.title.trim();
        if title.is_empty() {
            v.push("title", "pool-training-title-required");
        } else if title.chars().count() > 120 {
            v.push("title", "text-too-long");
        }
        let done_on = match form_date(&self.done_on, Some(today)) {
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                v.push("done_on", "date-required");
                None
            }
            Err(code) => {
                v.push("done_on", code);
                None
            }
        };
        v.finish()?;
        Ok((title.to_owned(), done_on.unwrap_or(today)))
    }
}

/// Someone to add to the pool: found by e-mail, or a new account.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct NewVolunteerInput {
    pub name: String,
    pub email: String,
}

impl NewVolunteerInput {
    pub fn parse(&self) -> Result<(String, String)> {
        let mut v = Validator::default();
        let name = v.check(crate::validate::name("name", &self.name));
        let email = v.check(crate::validate::email("email", &self.email));
        v.finish()?;
        Ok((name.unwrap_or_default(), email.unwrap_or_default()))
    }
}

#[cfg(test)]
mod tests;
