//! A location's rota and open meetings over the API: the coming four weeks
//! with who joined, planning (the organisation's coordinators), and joining
//! or leaving one occurrence. Someone with no standing at the location gets
//! 404, as for a circle.

use super::logbook::{Created, CreatedDto};
use super::{Api, Body, id};
use crate::http::errors::ApiResult;
use crate::http::errors::ErrorBody;
use crate::service::location_agenda as service;
use axum::Json;
use axum::extract::Path;
use axum::http::StatusCode;
use samenspel_core::agenda::ItemInput;
use samenspel_core::ids::LocationId;
use serde::Serialize;
use utoipa::ToSchema;

fn location(raw: &str) -> ApiResult<LocationId> {
    id(raw, LocationId::parse)
}

/// One occurrence of a location's shift or meeting.
#[derive(Serialize, ToSchema)]
pub struct LocationOccurrenceDto {
    pub item_id: String,
    /// shift (the volunteer rota) or activity (an open meeting).
    pub kind: String,
    pub title: String,
    pub place: String,
    pub notes: String,
    /// The occurrence's own date (YYYY-MM-DD): what joining refers to.
    pub on: String,
    /// RFC 3339 with the offset of Europe/Amsterdam.
    pub start: String,
    pub end: String,
    pub places: u32,
    pub open_places: u32,
    /// Names of those who joined.
    pub people: Vec<String>,
    /// Whether I joined.
    pub joined: bool,
}

/// The location's agenda for the coming four weeks.
#[derive(Serialize, ToSchema)]
pub struct LocationAgendaDto {
    pub location_id: String,
    pub name: String,
    pub may_plan: bool,
    pub may_join: bool,
    pub occurrences: Vec<LocationOccurrenceDto>,
}

#[utoipa::path(get, path = "/locations/{location_id}/agenda", tag = "agenda", params(("location_id" = String, Path)),
    responses((status = 200, body = LocationAgendaDto), (status = 404, body = ErrorBody)))]
pub async fn agenda(api: Api, Path(location_id): Path<String>) -> ApiResult<Json<LocationAgendaDto>> {
    let id = location(&location_id)?;
    let view = service::agenda(&api.ctx(), &id).await?;
    let stamp = |z: &jiff::Zoned| z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string();
    Ok(Json(LocationAgendaDto {
        location_id: id.to_string(),
        may_plan: view.may_plan,
        may_join: view.may_join,
        occurrences: view
            .slots
            .iter()
            .map(|s| LocationOccurrenceDto {
                item_id: s.item.id.clone(),
                kind: s.item.kind.as_str().into(),
                title: s.item.title.clone(),
                place: s.item.place.clone(),
                notes: s.item.notes.clone(),
                on: s.occurrence.original.to_string(),
                start: stamp(&s.occurrence.start),
                end: stamp(&s.occurrence.end),
                places: s.item.places,
                open_places: s.open_places(),
                people: s.people.iter().map(|p| p.name.clone()).collect(),
                joined: s.joined(&view.me),
            })
            .collect(),
        name: view.name,
    }))
}

/// Plans a rota shift (`kind` shift) or an open meeting (`kind` activity),
/// with `places` the limit of places. Coordinators and administrators only.
#[utoipa::path(post, path = "/locations/{location_id}/agenda", tag = "agenda", params(("location_id" = String, Path)),
    request_body = ItemInput,
    responses((status = 201, body = CreatedDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn plan(api: Api, Path(location_id): Path<String>, Body(body): Body<ItemInput>) -> ApiResult<Created> {
    let id = service::add(&api.ctx(), &location(&location_id)?, &body).await?;
    Ok(Created(id))
}

/// Takes a place. Of two taking the last place at once, exactly one gets it;
/// the other hears 409 shift-full or meeting-full.
#[utoipa::path(post, path = "/locations/{location_id}/agenda/{item_id}/occurrences/{on}/join", tag = "agenda",
    params(("location_id" = String, Path), ("item_id" = String, Path), ("on" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn join(api: Api, Path((location_id, item_id, on)): Path<(String, String, String)>) -> ApiResult<StatusCode> {
    service::join(&api.ctx(), &location(&location_id)?, &item_id, &on).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Gives one's place back.
#[utoipa::path(delete, path = "/locations/{location_id}/agenda/{item_id}/occurrences/{on}/join", tag = "agenda",
    params(("location_id" = String, Path), ("item_id" = String, Path), ("on" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn leave(
    api: Api,
    Path((location_id, item_id, on)): Path<(String, String, String)>,
) -> ApiResult<StatusCode> {
    service::leave(&api.ctx(), &location(&location_id)?, &item_id, &on).await?;
    Ok(StatusCode::NO_CONTENT)
}
