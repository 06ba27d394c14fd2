//! The volunteer check-in over the API: one's own answers, sharing one with
//! the coordinators, and — for a coordinator — the shared ones.

use super::Body;
use super::logbook::{Created, CreatedDto};
use crate::http::api::{CircleApi, Object};
use crate::http::errors::ApiResult;
use crate::http::errors::ErrorBody;
use crate::service::volunteer_checkins;
use axum::Json;
use axum::http::StatusCode;
use samenspel_store::checkins::VolunteerCheckIn;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct VolunteerCheckInDto {
    pub id: String,
    pub member_id: String,
    pub member_name: String,
    /// RFC 3339
    pub authored_at: String,
    /// An answer code per item link id (see `GET /instruments`, instrument "wifa-volunteer").
    pub answers: BTreeMap<String, String>,
    /// RFC 3339, when shared with the coordinators.
    pub shared_at: Option<String>,
}

impl From<VolunteerCheckIn> for VolunteerCheckInDto {
    fn from(c: VolunteerCheckIn) -> Self {
        VolunteerCheckInDto {
            id: c.id,
            member_id: c.member_id.to_string(),
            member_name: c.member_name,
            authored_at: c.authored_at.to_string(),
            answers: c.answers,
            shared_at: c.shared_at.map(|t| t.to_string()),
        }
    }
}

/// My own volunteer check-ins, newest first.
#[utoipa::path(get, path = "/circles/{circle_id}/volunteer-check-ins", tag = "volunteer-check-ins", params(("circle_id" = String, Path)),
    responses((status = 200, body = Vec<VolunteerCheckInDto>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list(c: CircleApi) -> ApiResult<Json<Vec<VolunteerCheckInDto>>> {
    let page = volunteer_checkins::mine(&c.ctx(), &c.circle).await?;
    Ok(Json(page.data.history.into_iter().map(VolunteerCheckInDto::from).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct VolunteerCheckInInput {
    /// An answer code per item link id.
    pub answers: BTreeMap<String, String>,
    /// Share it with the coordinators at once.
    #[serde(default)]
    pub share: bool,
}

/// Fills in the volunteer check-in (volunteers, for themselves).
#[utoipa::path(post, path = "/circles/{circle_id}/volunteer-check-ins", tag = "volunteer-check-ins", params(("circle_id" = String, Path)),
    request_body = VolunteerCheckInInput,
    responses((status = 201, body = CreatedDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn submit(c: CircleApi, Body(body): Body<VolunteerCheckInInput>) -> ApiResult<Created> {
    let id = volunteer_checkins::submit(&c.ctx(), &c.circle, &body.answers, body.share).await?;
    Ok(Created(id))
}

/// Shares one of my check-ins with the coordinators.
#[utoipa::path(post, path = "/circles/{circle_id}/volunteer-check-ins/{response_id}/share", tag = "volunteer-check-ins",
    params(("circle_id" = String, Path), ("response_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn share(c: CircleApi, Object(response_id): Object) -> ApiResult<StatusCode> {
    volunteer_checkins::share(&c.ctx(), &c.circle, &response_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The check-ins volunteers shared with the coordinators: a coordinator gets
/// them all, anyone else an empty list.
#[utoipa::path(get, path = "/circles/{circle_id}/volunteer-check-ins/shared", tag = "volunteer-check-ins", params(("circle_id" = String, Path)),
    responses((status = 200, body = Vec<VolunteerCheckInDto>), (status = 404, body = ErrorBody)))]
pub async fn shared(c: CircleApi) -> ApiResult<Json<Vec<VolunteerCheckInDto>>> {
    let list = volunteer_checkins::shared(&c.ctx(), &c.circle).await?;
    Ok(Json(list.into_iter().map(VolunteerCheckInDto::from).collect()))
}
