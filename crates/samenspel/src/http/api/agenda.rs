//! The agenda and the rota over the API: appointments, activities and
//! shifts as occurrences in a period; items with their recurrence; one
//! occurrence cancelled, moved or restored; signing up, giving back,
//! confirming and swapping shifts; open places; hours per helper. Items
//! outside the caller's audience do not exist for them. Times are RFC 3339
//! with the offset of Europe/Amsterdam; `on` is an occurrence's own date,
//! which stays the same when the occurrence is moved.

use super::Query;
use super::logbook::CreatedDto;
use super::{Api, Body, id};
use crate::http::errors::{ApiError, ErrorBody};
use crate::service::agenda::{self, Slot, SwapAnswer};
use axum::Json;
use axum::extract::Path;
use axum::http::StatusCode;
use jiff::civil::{Date, DateTime};
use jiff::{Span, Zoned};
use samenspel_core::agenda::{Item, ItemInput, Swap, weekday_code};
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::recurrence::{End, Frequency, Length};
use samenspel_core::{Error, FieldError, Timestamp};
use samenspel_store::agenda::OccurrenceChange;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

/// The agenda's default period: this many days from today.
const DEFAULT_DAYS: i64 = 28;
/// The longest period one request may ask for.
const MAX_DAYS: i64 = 366;
/// How far ahead the gaps look.
const GAP_DAYS: i64 = 14;

fn circle(raw: &str) -> Result<CircleId, ApiError> {
    id(raw, CircleId::parse)
}

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
fn range(q: &RangeQuery, default: impl FnOnce() -> (Date, Date)) -> Result<(Date, Date), ApiError> {
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
pub async fn list(
    api: Api,
    Path(circle_id): Path<String>,
    Query(q): Query<RangeQuery>,
) -> Result<Json<Vec<AgendaOccurrenceDto>>, ApiError> {
    let circle = circle(&circle_id)?;
    let t = today(&api);
    let (from, to) = range(&q, || (t, t.checked_add(Span::new().days(DEFAULT_DAYS)).unwrap_or(t)))?;
    let page = agenda::agenda(&api.ctx(), &circle, from, to).await?;
    Ok(Json(page.data.slots.iter().map(AgendaOccurrenceDto::from).collect()))
}

/// Shifts with open places in the coming 14 days (those still to come).
#[utoipa::path(get, path = "/circles/{circle_id}/agenda/gaps", tag = "agenda", params(("circle_id" = String, Path)),
    responses((status = 200, body = [AgendaOccurrenceDto]), (status = 404, body = ErrorBody)))]
pub async fn gaps(api: Api, Path(circle_id): Path<String>) -> Result<Json<Vec<AgendaOccurrenceDto>>, ApiError> {
    let slots = agenda::circle_gaps(&api.ctx(), &circle(&circle_id)?, GAP_DAYS).await?;
    Ok(Json(slots.iter().map(AgendaOccurrenceDto::from).collect()))
}

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
pub async fn create(
    api: Api,
    Path(circle_id): Path<String>,
    Body(body): Body<ItemInput>,
) -> Result<(StatusCode, Json<CreatedDto>), ApiError> {
    let id = agenda::save(&api.ctx(), &circle(&circle_id)?, None, &body).await?;
    Ok((StatusCode::CREATED, Json(CreatedDto { id })))
}

/// One item with its recurrence and coming occurrences.
#[utoipa::path(get, path = "/circles/{circle_id}/agenda/items/{item_id}", tag = "agenda",
    params(("circle_id" = String, Path), ("item_id" = String, Path)),
    responses((status = 200, body = AgendaItemDto), (status = 404, body = ErrorBody)))]
pub async fn get(
    api: Api,
    Path((circle_id, item_id)): Path<(String, String)>,
) -> Result<Json<AgendaItemDto>, ApiError> {
    let page = agenda::item(&api.ctx(), &circle(&circle_id)?, &item_id).await?;
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
pub async fn change(
    api: Api,
    Path((circle_id, item_id)): Path<(String, String)>,
    Body(body): Body<ItemInput>,
) -> Result<StatusCode, ApiError> {
    agenda::save(&api.ctx(), &circle(&circle_id)?, Some(&item_id), &body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes an item with all its occurrences and sign-ups; the people in it hear about it.
#[utoipa::path(delete, path = "/circles/{circle_id}/agenda/items/{item_id}", tag = "agenda",
    params(("circle_id" = String, Path), ("item_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn remove(api: Api, Path((circle_id, item_id)): Path<(String, String)>) -> Result<StatusCode, ApiError> {
    agenda::remove(&api.ctx(), &circle(&circle_id)?, &item_id).await?;
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

fn occurrence_change(input: &OccurrenceChangeInput) -> Result<OccurrenceChange, ApiError> {
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
    api: Api,
    Path((circle_id, item_id, on)): Path<(String, String, String)>,
    Body(body): Body<OccurrenceChangeInput>,
) -> Result<StatusCode, ApiError> {
    let change = occurrence_change(&body)?;
    agenda::change_occurrence(&api.ctx(), &circle(&circle_id)?, &item_id, &on, change).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The result of signing up.
#[derive(Serialize, ToSchema)]
pub struct SignUpDto {
    /// My other occurrences at the same time: a warning, not a refusal.
    pub clashes: Vec<AgendaOccurrenceDto>,
}

/// Takes a place in one occurrence of a shift. Of two members taking the
/// last place at once, exactly one gets it; the other hears `shift-full`.
#[utoipa::path(post, path = "/circles/{circle_id}/agenda/items/{item_id}/occurrences/{on}/sign-up", tag = "agenda",
    params(("circle_id" = String, Path), ("item_id" = String, Path), ("on" = String, Path, description = "YYYY-MM-DD")),
    responses((status = 201, body = SignUpDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "shift-full, already-signed-up, shift-over or not-a-shift")))]
pub async fn sign_up(
    api: Api,
    Path((circle_id, item_id, on)): Path<(String, String, String)>,
) -> Result<(StatusCode, Json<SignUpDto>), ApiError> {
    let clashes = agenda::sign_up(&api.ctx(), &circle(&circle_id)?, &item_id, &on).await?;
    Ok((StatusCode::CREATED, Json(SignUpDto { clashes: clashes.iter().map(AgendaOccurrenceDto::from).collect() })))
}

/// Gives my place back: the place is open again, and the planner hears about it.
#[utoipa::path(delete, path = "/circles/{circle_id}/agenda/items/{item_id}/occurrences/{on}/sign-up", tag = "agenda",
    params(("circle_id" = String, Path), ("item_id" = String, Path), ("on" = String, Path, description = "YYYY-MM-DD")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "not-signed-up")))]
pub async fn give_back(
    api: Api,
    Path((circle_id, item_id, on)): Path<(String, String, String)>,
) -> Result<StatusCode, ApiError> {
    agenda::give_back(&api.ctx(), &circle(&circle_id)?, &item_id, &on).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Says "I'll be there" for a shift I signed up for.
#[utoipa::path(post, path = "/circles/{circle_id}/agenda/items/{item_id}/occurrences/{on}/confirm", tag = "agenda",
    params(("circle_id" = String, Path), ("item_id" = String, Path), ("on" = String, Path, description = "YYYY-MM-DD")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "not-signed-up")))]
pub async fn confirm(
    api: Api,
    Path((circle_id, item_id, on)): Path<(String, String, String)>,
) -> Result<StatusCode, ApiError> {
    agenda::confirm(&api.ctx(), &circle(&circle_id)?, &item_id, &on).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct SwapInput {
    /// The member id of whom I ask to take my place.
    pub to: String,
    /// With `return_on`: one of their occurrences I take in return.
    #[serde(default)]
    pub return_item: Option<String>,
    /// YYYY-MM-DD, the date of that occurrence.
    #[serde(default)]
    pub return_on: Option<String>,
}

/// Asks another member to take my place in this occurrence, maybe for one of
/// theirs. They accept or decline; until then my place stays mine.
#[utoipa::path(post, path = "/circles/{circle_id}/agenda/items/{item_id}/occurrences/{on}/swaps", tag = "agenda",
    params(("circle_id" = String, Path), ("item_id" = String, Path), ("on" = String, Path, description = "YYYY-MM-DD")),
    request_body = SwapInput,
    responses((status = 201, body = CreatedDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "not-signed-up, swap-already-proposed or shift-over"),
        (status = 422, body = ErrorBody)))]
pub async fn propose_swap(
    api: Api,
    Path((circle_id, item_id, on)): Path<(String, String, String)>,
    Body(body): Body<SwapInput>,
) -> Result<(StatusCode, Json<CreatedDto>), ApiError> {
    let present = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    let in_return = match (present(&body.return_item), present(&body.return_on)) {
        (Some(item), Some(on)) => Some((item, on)),
        (None, None) => None,
        _ => return Err(ApiError(Error::field("in_return", "swap-return-not-theirs"))),
    };
    let id = agenda::propose_swap(
        &api.ctx(),
        &circle(&circle_id)?,
        &item_id,
        &on,
        &body.to,
        in_return.as_ref().map(|(i, d)| (i.as_str(), d.as_str())),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(CreatedDto { id })))
}

/// The occurrence a proposer takes in return.
#[derive(Serialize, ToSchema)]
pub struct SwapReturnDto {
    pub item_id: String,
    /// Empty when I cannot see that item.
    pub title: String,
    #[schema(value_type = String)]
    pub on: Date,
}

/// An open swap I proposed or am asked to accept.
#[derive(Serialize, ToSchema)]
pub struct SwapDto {
    pub id: String,
    pub item_id: String,
    /// Empty when I cannot see that item.
    pub title: String,
    /// The occurrence whose place changes hands.
    #[schema(value_type = String)]
    pub on: Date,
    /// Who offers their place.
    pub from: AgendaPersonDto,
    /// Who is asked to take it.
    pub to: AgendaPersonDto,
    /// I am the one asked (accept or decline); otherwise I proposed it (withdraw).
    pub asked: bool,
    pub in_return: Option<SwapReturnDto>,
    #[schema(value_type = String)]
    pub created_at: Timestamp,
}

fn swap_dto(s: Swap, items: &[Item], me: &MemberId) -> SwapDto {
    let title = |id: &str| items.iter().find(|i| i.id == id).map(|i| i.title.clone()).unwrap_or_default();
    SwapDto {
        title: title(&s.item_id),
        asked: me == &s.to,
        in_return: s.in_return.map(|(item, on)| SwapReturnDto { title: title(&item), item_id: item, on }),
        id: s.id,
        item_id: s.item_id,
        on: s.on,
        from: AgendaPersonDto { member_id: s.from.to_string(), name: s.from_name },
        to: AgendaPersonDto { member_id: s.to.to_string(), name: s.to_name },
        created_at: s.created_at,
    }
}

/// Open swaps I proposed or am asked to accept, oldest first.
#[utoipa::path(get, path = "/circles/{circle_id}/swaps", tag = "agenda", params(("circle_id" = String, Path)),
    responses((status = 200, body = [SwapDto]), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn swaps(api: Api, Path(circle_id): Path<String>) -> Result<Json<Vec<SwapDto>>, ApiError> {
    let mine = agenda::my_swaps(&api.ctx(), &circle(&circle_id)?).await?;
    Ok(Json(mine.swaps.into_iter().map(|s| swap_dto(s, &mine.items, &mine.me)).collect()))
}

async fn answer(api: Api, circle_id: &str, swap_id: &str, answer: SwapAnswer) -> Result<StatusCode, ApiError> {
    agenda::answer_swap_as(&api.ctx(), &circle(circle_id)?, swap_id, answer).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Accepts a swap I was asked: the places change hands at once.
#[utoipa::path(post, path = "/circles/{circle_id}/swaps/{swap_id}/accept", tag = "agenda",
    params(("circle_id" = String, Path), ("swap_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "swap-no-longer-open, swap-no-longer-possible or already-signed-up")))]
pub async fn accept_swap(api: Api, Path((circle_id, swap_id)): Path<(String, String)>) -> Result<StatusCode, ApiError> {
    answer(api, &circle_id, &swap_id, SwapAnswer::Accept).await
}

/// Declines a swap I was asked.
#[utoipa::path(post, path = "/circles/{circle_id}/swaps/{swap_id}/decline", tag = "agenda",
    params(("circle_id" = String, Path), ("swap_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn decline_swap(
    api: Api,
    Path((circle_id, swap_id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    answer(api, &circle_id, &swap_id, SwapAnswer::Decline).await
}

/// Withdraws a swap I proposed.
#[utoipa::path(post, path = "/circles/{circle_id}/swaps/{swap_id}/withdraw", tag = "agenda",
    params(("circle_id" = String, Path), ("swap_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn withdraw_swap(
    api: Api,
    Path((circle_id, swap_id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    answer(api, &circle_id, &swap_id, SwapAnswer::Withdraw).await
}

/// One helper's hours on the rota.
#[derive(Serialize, ToSchema)]
pub struct RotaHoursDto {
    pub member_id: String,
    pub name: String,
    /// Occurrences signed up for.
    pub shifts: u32,
    pub minutes: u64,
}

/// Hours per helper in the shifts I may change (those I planned; all of
/// them for the client side and managers), in a period (default: this
/// month), most hours first.
#[utoipa::path(get, path = "/circles/{circle_id}/rota/hours", tag = "agenda", params(("circle_id" = String, Path), RangeQuery),
    responses((status = 200, body = [RotaHoursDto]), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn hours(
    api: Api,
    Path(circle_id): Path<String>,
    Query(q): Query<RangeQuery>,
) -> Result<Json<Vec<RotaHoursDto>>, ApiError> {
    let circle = circle(&circle_id)?;
    let first = today(&api).first_of_month();
    let (from, to) = range(&q, || (first, first.checked_add(Span::new().months(1)).unwrap_or(first)))?;
    let page = agenda::hours(&api.ctx(), &circle, from, to).await?;
    Ok(Json(
        page.data
            .0
            .into_iter()
            .map(|h| RotaHoursDto {
                member_id: h.member_id.to_string(),
                name: h.name,
                shifts: h.shifts,
                minutes: h.minutes,
            })
            .collect(),
    ))
}
