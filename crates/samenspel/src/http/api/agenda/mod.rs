//! The agenda and the rota over the API: appointments, activities and
//! shifts as occurrences in a period; items with their recurrence; one
//! occurrence cancelled, moved or restored; signing up, giving back,
//! confirming and swapping shifts; open places; hours per helper. Items
//! outside the caller's audience do not exist for them. Times are RFC 3339
//! with the offset of Europe/Amsterdam; `on` is an occurrence's own date,
//! which stays the same when the occurrence is moved.
//!
//! Here: the occurrences in a period and the open places; items and their
//! occurrences in [`items`], the rota (sign-ups, swaps, hours) in [`shifts`].

pub(super) mod items;
pub(super) mod shifts;

use super::Api;
use super::Query;
use crate::http::api::CircleApi;
use crate::http::errors::ApiResult;
use crate::http::errors::{ApiError, ErrorBody};
use crate::service::agenda::{self, Slot};
use axum::Json;
use jiff::civil::{Date, DateTime};
use jiff::{Span, Zoned};
use samenspel_core::ids::MemberId;
use samenspel_core::{Error, FieldError};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The agenda's default period: this many days from today.
const DEFAULT_DAYS: i64 = 28;
/// The longest period one request may ask for.
const MAX_DAYS: i64 = 366;
/// How far ahead the gaps look.
const GAP_DAYS: i64 = 14;

/// RFC 3339 with the local offset: "2026-11-24T19:00:00+01:00".
fn rfc3339(z: &Zoned) -> String {
    z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

fn hh_mm(d: DateTime) -> String {
    d.strftime("%H:%M").to_string()
}

/// A member, by id and name.
#[derive(Serialize, ToSchema)]
pub struct AgendaPersonDto {
    pub member_id: String,
    pub name: String,
}

/// Someone signed up for one occurrence of a shift.
#[derive(Serialize, ToSchema)]
pub struct SignedUpDto {
    pub member_id: String,
    pub name: String,
    /// Said "I'll be there".
    pub confirmed: bool,
}

/// One occurrence of an item, with the people in it.
#[derive(Serialize, ToSchema)]
pub struct AgendaOccurrenceDto {
    pub item_id: String,
    /// appointment, activity or shift.
    pub kind: String,
    pub title: String,
    pub place: String,
    pub notes: String,
    /// An appointment the client has elsewhere.
    pub elsewhere: bool,
    /// circle, professionals, informal or chosen.
    pub audience: String,
    /// Member ids, for the chosen audience.
    pub chosen: Vec<String>,
    /// Who goes along.
    pub along: Vec<AgendaPersonDto>,
    /// The occurrence's own date (YYYY-MM-DD): the `{on}` of its routes. It
    /// stays the same when the occurrence is moved.
    #[schema(value_type = String)]
    pub on: Date,
    /// RFC 3339 with offset.
    pub start: String,
    /// RFC 3339 with offset (exclusive; for a whole-day item the next midnight).
    pub end: String,
    pub whole_day: bool,
    /// This occurrence was moved away from the series' time.
    pub moved: bool,
    /// For a shift: how many people it needs. Zero otherwise.
    pub places: u32,
    /// For a shift: who signed up.
    pub people: Vec<SignedUpDto>,
    /// For a shift: places still open.
    pub open_places: u32,
}

impl From<&Slot> for AgendaOccurrenceDto {
    fn from(s: &Slot) -> Self {
        let i = &s.item;
        AgendaOccurrenceDto {
            item_id: i.id.clone(),
            kind: i.kind.as_str().into(),
            title: i.title.clone(),
            place: i.place.clone(),
            notes: i.notes.clone(),
            elsewhere: i.elsewhere,
            audience: i.audience.as_str().into(),
            chosen: i.chosen.iter().map(ToString::to_string).collect(),
            along: people(&i.along),
            on: s.occurrence.original,
            start: rfc3339(&s.occurrence.start),
            end: rfc3339(&s.occurrence.end),
            whole_day: s.occurrence.whole_day,
            moved: s.occurrence.moved,
            places: i.places,
            people: s
                .people
                .iter()
                .map(|p| SignedUpDto {
                    member_id: p.member_id.to_string(),
                    name: p.name.clone(),
                    confirmed: p.confirmed,
                })
                .collect(),
            open_places: s.open_places(),
        }
    }
}

fn people(list: &[(MemberId, String)]) -> Vec<AgendaPersonDto> {
    list.iter().map(|(m, n)| AgendaPersonDto { member_id: m.to_string(), name: n.clone() }).collect()
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RangeQuery {
    /// The first day, YYYY-MM-DD.
    pub from: Option<String>,
    /// The day after the last (exclusive), YYYY-MM-DD. At most 366 days after `from`.
    pub to: Option<String>,
}

fn day(v: &mut Vec<FieldError>, field: &'static str, raw: Option<&str>) -> Option<Option<Date>> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Some(None),
        Some(raw) => match raw.parse::<Date>() {
            Ok(d) => Some(Some(d)),
            Err(_) => {
                v.push(FieldError::new(field, "date-invalid"));
                None
            }
        },
    }
}

/// Reads `from` and `to`; missing ones come from `default`.
fn range(q: &RangeQuery, default: impl FnOnce() -> (Date, Date)) -> ApiResult<(Date, Date)> {
    let mut v = Vec::new();
    let from = day(&mut v, "from", q.from.as_deref());
    let to = day(&mut v, "to", q.to.as_deref());
    let (Some(from), Some(to)) = (from, to) else { return Err(ApiError(Error::Validation(v))) };
    let (default_from, default_to) = default();
    let (from, to) = match (from, to) {
        (Some(f), Some(t)) => (f, t),
        (Some(f), None) => (f, f.checked_add(Span::new().days(DEFAULT_DAYS)).unwrap_or(f)),
        (None, Some(t)) => (t.checked_sub(Span::new().days(DEFAULT_DAYS)).unwrap_or(t), t),
        (None, None) => (default_from, default_to),
    };
    if to < from {
        return Err(ApiError(Error::field("to", "agenda-range-invalid")));
    }
    let days = from.until(to).map(|s| s.get_days()).unwrap_or(i32::MAX);
    if i64::from(days) > MAX_DAYS {
        return Err(ApiError(Error::field("to", "agenda-range-too-long")));
    }
    Ok((from, to))
}

fn today(api: &Api) -> Date {
    crate::i18n::local(&api.now).date()
}

/// The occurrences of the items I may see in a period (default: today and
/// the 27 days after), in order of start.
#[utoipa::path(get, path = "/circles/{circle_id}/agenda", tag = "agenda", params(("circle_id" = String, Path), RangeQuery),
    responses((status = 200, body = [AgendaOccurrenceDto]), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list(c: CircleApi, Query(q): Query<RangeQuery>) -> ApiResult<Json<Vec<AgendaOccurrenceDto>>> {
    let circle = c.circle.clone();
    let t = today(&c.api);
    let (from, to) = range(&q, || (t, t.checked_add(Span::new().days(DEFAULT_DAYS)).unwrap_or(t)))?;
    let page = agenda::agenda(&c.ctx(), &circle, from, to).await?;
    Ok(Json(page.data.slots.iter().map(AgendaOccurrenceDto::from).collect()))
}

/// Shifts with open places in the coming 14 days (those still to come).
#[utoipa::path(get, path = "/circles/{circle_id}/agenda/gaps", tag = "agenda", params(("circle_id" = String, Path)),
    responses((status = 200, body = [AgendaOccurrenceDto]), (status = 404, body = ErrorBody)))]
pub async fn gaps(c: CircleApi) -> ApiResult<Json<Vec<AgendaOccurrenceDto>>> {
    let slots = agenda::circle_gaps(&c.ctx(), &c.circle, GAP_DAYS).await?;
    Ok(Json(slots.iter().map(AgendaOccurrenceDto::from).collect()))
}
