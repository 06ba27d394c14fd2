//! The carer check-in over the API: one's own results only.

use super::Body;
use crate::http::api::CircleApi;
use crate::http::errors::ApiResult;
use crate::http::errors::ErrorBody;
use crate::service::checkins;
use axum::Json;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct CheckInDto {
    pub id: String,
    pub instrument: String,
    /// RFC 3339
    pub authored_at: String,
    pub total: i64,
    pub range: [i64; 2],
}

/// My own check-ins, oldest first. Nobody else can read them.
#[utoipa::path(get, path = "/circles/{circle_id}/check-ins", tag = "check-ins", params(("circle_id" = String, Path)),
    responses((status = 200, body = Vec<CheckInDto>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list(c: CircleApi) -> ApiResult<Json<Vec<CheckInDto>>> {
    let page = checkins::mine(&c.ctx(), &c.circle).await?;
    Ok(Json(
        page.data
            .history
            .into_iter()
            .map(|h| CheckInDto {
                id: h.id,
                instrument: checkins::INSTRUMENT.into(),
                authored_at: h.authored_at.to_string(),
                total: h.total,
                range: h.range,
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct CheckInInput {
    /// An answer code per item link id (see `GET /instruments`, instrument "ediz").
    pub answers: BTreeMap<String, String>,
}

#[derive(Serialize, ToSchema)]
pub struct ScoreDto {
    pub id: String,
    pub total: i64,
    pub range: [i64; 2],
}

/// Fills in the check-in (family carers, for themselves).
#[utoipa::path(post, path = "/circles/{circle_id}/check-ins", tag = "check-ins", params(("circle_id" = String, Path)),
    request_body = CheckInInput,
    responses((status = 201, body = ScoreDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn submit(c: CircleApi, Body(body): Body<CheckInInput>) -> ApiResult<(StatusCode, Json<ScoreDto>)> {
    let (id, score) = checkins::submit(&c.ctx(), &c.circle, &body.answers).await?;
    Ok((StatusCode::CREATED, Json(ScoreDto { id, total: score.total, range: score.range })))
}

#[derive(Serialize, ToSchema)]
pub struct SignalDto {
    pub id: String,
    pub member_id: String,
    pub name: String,
    /// coordinator or circle
    pub audience: String,
    pub message: String,
    /// RFC 3339
    pub shared_at: String,
}

/// Carers who shared that they could use some help, as far as I may see them.
/// A signal never holds answers or scores.
#[utoipa::path(get, path = "/circles/{circle_id}/signals", tag = "check-ins", params(("circle_id" = String, Path)),
    responses((status = 200, body = Vec<SignalDto>), (status = 404, body = ErrorBody)))]
pub async fn signals(c: CircleApi) -> ApiResult<Json<Vec<SignalDto>>> {
    let list = checkins::signals(&c.ctx(), &c.circle).await?;
    Ok(Json(
        list.into_iter()
            .map(|s| SignalDto {
                id: s.id,
                member_id: s.member_id.to_string(),
                name: s.name,
                audience: s.audience.as_str().into(),
                message: s.message,
                shared_at: s.shared_at.to_string(),
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct SignalInput {
    /// coordinator or circle
    pub audience: String,
    #[serde(default)]
    pub message: String,
}

/// Shares "I could use some help" (family carers, for themselves).
#[utoipa::path(post, path = "/circles/{circle_id}/signals", tag = "check-ins", params(("circle_id" = String, Path)),
    request_body = SignalInput,
    responses((status = 201, body = super::logbook::CreatedDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn share_signal(c: CircleApi, Body(body): Body<SignalInput>) -> ApiResult<super::logbook::Created> {
    let id = checkins::share_signal(&c.ctx(), &c.circle, &body.audience, &body.message).await?;
    Ok(super::logbook::Created(id))
}

/// Takes my signal back (also fine when none is open).
#[utoipa::path(delete, path = "/circles/{circle_id}/signals/mine", tag = "check-ins", params(("circle_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn withdraw_signal(c: CircleApi) -> ApiResult<StatusCode> {
    checkins::withdraw_signal(&c.ctx(), &c.circle).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct ReminderInput {
    /// 1, 2, 4, 8 or 13 weeks; null stops the reminders.
    pub every_weeks: Option<i64>,
}

/// Sets the rhythm of my check-in reminders (by e-mail, never with a score).
#[utoipa::path(put, path = "/circles/{circle_id}/check-in-reminder", tag = "check-ins", params(("circle_id" = String, Path)),
    request_body = ReminderInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_reminder(c: CircleApi, Body(body): Body<ReminderInput>) -> ApiResult<StatusCode> {
    crate::service::checkins::set_reminder(&c.ctx(), &c.circle, body.every_weeks).await?;
    Ok(StatusCode::NO_CONTENT)
}
