//! Agenda items over the API: planning an appointment, activity or shift,
//! one item with its recurrence and coming occurrences, changing and
//! removing it, and cancelling, moving or restoring one occurrence.

use super::{AgendaOccurrenceDto, AgendaPersonDto, hh_mm, people};
use crate::http::api::Body;
use crate::http::api::logbook::{Created, CreatedDto};
use crate::http::api::{CircleApi, Detail, Object};
use crate::http::errors::ApiResult;
use crate::http::errors::{ApiError, ErrorBody};
use crate::service::agenda::{self};
use axum::Json;
use axum::http::StatusCode;
use jiff::Span;
use jiff::civil::{Date, DateTime};
use samenspel_core::agenda::{Item, ItemInput, weekday_code};
use samenspel_core::recurrence::{End, Frequency, Length};
use samenspel_core::{Error, Timestamp};
use samenspel_store::agenda::OccurrenceChange;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One occurrence moved to another start.
#[derive(Serialize, ToSchema)]
pub struct MovedOccurrenceDto {
    #[schema(value_type = String)]
    pub on: Date,
    /// Local time, YYYY-MM-DDTHH:MM.
    pub start: String,
}

/// How an item repeats, in the fields of the item form (and of `ItemInput`).
#[derive(Serialize, ToSchema)]
pub struct RecurrenceDto {
    /// The first day.
    #[schema(value_type = String)]
    pub date: Date,
    /// HH:MM local time; null for a whole-day item.
    pub start_time: Option<String>,
    /// HH:MM; at or before the start means the next day.
    pub end_time: Option<String>,
    /// Length in minutes; null for a whole-day item.
    pub minutes: Option<u32>,
    /// For a whole-day item: how many days.
    pub days: Option<u16>,
    /// once, daily, weekly or monthly.
    pub repeat: String,
    pub interval: u16,
    /// For weekly: mo, tu, we, th, fr, sa, su.
    pub weekdays: Vec<String>,
    /// The last day the series may run.
    #[schema(value_type = Option<String>)]
    pub until: Option<Date>,
    /// Or: this many times.
    pub count: Option<u32>,
    /// The RFC 5545 RRULE, for calendar programs; null for a one-off item.
    pub rrule: Option<String>,
    /// Occurrences (by their date) that are cancelled.
    #[schema(value_type = Vec<String>)]
    pub cancelled: Vec<Date>,
    pub moved: Vec<MovedOccurrenceDto>,
}

/// An item with its recurrence and its coming occurrences.
#[derive(Serialize, ToSchema)]
pub struct AgendaItemDto {
    pub id: String,
    /// appointment, activity or shift.
    pub kind: String,
    pub title: String,
    pub place: String,
    pub notes: String,
    pub elsewhere: bool,
    pub audience: String,
    pub chosen: Vec<String>,
    pub along: Vec<AgendaPersonDto>,
    /// For a shift: how many people each occurrence needs.
    pub places: u32,
    pub created_by: AgendaPersonDto,
    #[schema(value_type = String)]
    pub updated_at: Timestamp,
    /// Goes up with every change.
    pub revision: u32,
    /// Whether I may change, cancel or remove it.
    pub may_change: bool,
    pub recurrence: RecurrenceDto,
    /// The occurrences of the coming twelve weeks that have not ended.
    pub occurrences: Vec<AgendaOccurrenceDto>,
}

fn recurrence(item: &Item) -> RecurrenceDto {
    let s = &item.series;
    let (start_time, end_time, minutes, days) = match s.length {
        Length::Minutes(m) => {
            let end = s.start.checked_add(Span::new().minutes(i64::from(m))).unwrap_or(s.start);
            (Some(hh_mm(s.start)), Some(hh_mm(end)), Some(m), None)
        }
        Length::WholeDays(d) => (None, None, None, Some(d)),
    };
    let (repeat, interval, weekdays) = match &s.frequency {
        Frequency::Once => ("once", 1, Vec::new()),
        Frequency::Daily { interval } => ("daily", *interval, Vec::new()),
        Frequency::Weekly { interval, days } => {
            ("weekly", *interval, days.iter().map(|d| weekday_code(*d).to_owned()).collect())
        }
        Frequency::Monthly { interval } => ("monthly", *interval, Vec::new()),
    };
    let (until, count) = match s.end {
        End::Never => (None, None),
        End::Until(d) => (Some(d), None),
        End::Count(n) => (None, Some(n)),
    };
    let mut cancelled = s.cancelled.clone();
    cancelled.sort();
    RecurrenceDto {
        date: s.start.date(),
        start_time,
        end_time,
        minutes,
        days,
        repeat: repeat.into(),
        interval,
        weekdays,
        until,
        count,
        rrule: s.rrule(&agenda::tz()),
        cancelled,
        moved: s
            .moved
            .iter()
            .map(|(on, to)| MovedOccurrenceDto { on: *on, start: to.strftime("%Y-%m-%dT%H:%M").to_string() })
            .collect(),
    }
}

/// Plans an appointment, activity or shift. Every member of the circle may
/// plan; the item is seen within its audience and by whoever takes part.
#[utoipa::path(post, path = "/circles/{circle_id}/agenda/items", tag = "agenda", params(("circle_id" = String, Path)),
    request_body = ItemInput,
    responses((status = 201, body = CreatedDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn create(c: CircleApi, Body(body): Body<ItemInput>) -> ApiResult<Created> {
    let id = agenda::save(&c.ctx(), &c.circle, None, &body).await?;
    Ok(Created(id))
}

/// One item with its recurrence and coming occurrences.
#[utoipa::path(get, path = "/circles/{circle_id}/agenda/items/{item_id}", tag = "agenda",
    params(("circle_id" = String, Path), ("item_id" = String, Path)),
    responses((status = 200, body = AgendaItemDto), (status = 404, body = ErrorBody)))]
pub async fn get(c: CircleApi, Object(item_id): Object) -> ApiResult<Json<AgendaItemDto>> {
    let page = agenda::item(&c.ctx(), &c.circle, &item_id).await?;
    let v = page.data;
    let i = &v.item;
    Ok(Json(AgendaItemDto {
        id: i.id.clone(),
        kind: i.kind.as_str().into(),
        title: i.title.clone(),
        place: i.place.clone(),
        notes: i.notes.clone(),
        elsewhere: i.elsewhere,
        audience: i.audience.as_str().into(),
        chosen: i.chosen.iter().map(ToString::to_string).collect(),
        along: people(&i.along),
        places: i.places,
        created_by: AgendaPersonDto { member_id: i.created_by.to_string(), name: i.created_by_name.clone() },
        updated_at: i.updated_at,
        revision: i.revision,
        may_change: v.may_change,
        recurrence: recurrence(i),
        occurrences: v.slots.iter().map(AgendaOccurrenceDto::from).collect(),
    }))
}

/// Changes an item (its kind stays). Its planner, the client side and
/// managers may; the people in it hear about it.
#[utoipa::path(put, path = "/circles/{circle_id}/agenda/items/{item_id}", tag = "agenda",
    params(("circle_id" = String, Path), ("item_id" = String, Path)),
    request_body = ItemInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn change(c: CircleApi, Object(item_id): Object, Body(body): Body<ItemInput>) -> ApiResult<StatusCode> {
    agenda::save(&c.ctx(), &c.circle, Some(&item_id), &body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes an item with all its occurrences and sign-ups; the people in it hear about it.
#[utoipa::path(delete, path = "/circles/{circle_id}/agenda/items/{item_id}", tag = "agenda",
    params(("circle_id" = String, Path), ("item_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn remove(c: CircleApi, Object(item_id): Object) -> ApiResult<StatusCode> {
    agenda::remove(&c.ctx(), &c.circle, &item_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct OccurrenceChangeInput {
    /// cancel, restore (undo a cancellation or move) or move.
    pub change: String,
    /// For move: the new local start, YYYY-MM-DDTHH:MM (a date alone for a whole-day item).
    #[serde(default)]
    pub start: Option<String>,
}

fn occurrence_change(input: &OccurrenceChangeInput) -> ApiResult<OccurrenceChange> {
    match input.change.trim() {
        "cancel" => Ok(OccurrenceChange::Cancel),
        "restore" => Ok(OccurrenceChange::Restore),
        "move" => {
            let raw = input.start.as_deref().map(str::trim).unwrap_or_default();
            let start = raw
                .parse::<DateTime>()
                .ok()
                .or_else(|| raw.parse::<Date>().ok().map(|d| d.to_datetime(jiff::civil::Time::midnight())));
            start.map(OccurrenceChange::Move).ok_or(ApiError(Error::field("start", "datetime-invalid")))
        }
        _ => Err(ApiError(Error::field("change", "agenda-change-invalid"))),
    }
}

/// Cancels, moves or restores one occurrence (`on` is its own date). A
/// cancelled shift loses its sign-ups; the people in it hear about it.
#[utoipa::path(put, path = "/circles/{circle_id}/agenda/items/{item_id}/occurrences/{on}", tag = "agenda",
    params(("circle_id" = String, Path), ("item_id" = String, Path), ("on" = String, Path, description = "YYYY-MM-DD")),
    request_body = OccurrenceChangeInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn change_occurrence(
    c: CircleApi,
    Object(item_id): Object,
    Detail(on): Detail,
    Body(body): Body<OccurrenceChangeInput>,
) -> ApiResult<StatusCode> {
    let change = occurrence_change(&body)?;
    agenda::change_occurrence(&c.ctx(), &c.circle, &item_id, &on, change).await?;
    Ok(StatusCode::NO_CONTENT)
}
