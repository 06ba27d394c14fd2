//! The carer check-in over the API: one's own results only.

use super::{Api, Body, id};
use crate::http::errors::{ApiError, ErrorBody};
use crate::service::checkins;
use axum::Json;
use axum::extract::Path;
use axum::http::StatusCode;
use samenspel_core::ids::CircleId;
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
pub async fn list(api: Api, Path(circle_id): Path<String>) -> Result<Json<Vec<CheckInDto>>, ApiError> {
    let page = checkins::mine(&api.ctx(), &id(&circle_id, CircleId::parse)?).await?;
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
pub async fn submit(
    api: Api,
    Path(circle_id): Path<String>,
    Body(body): Body<CheckInInput>,
) -> Result<(StatusCode, Json<ScoreDto>), ApiError> {
    let (id, score) = checkins::submit(&api.ctx(), &id(&circle_id, CircleId::parse)?, &body.answers).await?;
    Ok((StatusCode::CREATED, Json(ScoreDto { id, total: score.total, range: score.range })))
}
