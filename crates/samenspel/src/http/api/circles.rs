//! Circles: mine, starting one, editing, archiving, leaving; the audit trail.

use super::Query;
use super::dto::{AuditRecordDto, CircleDto, MyCircleDto};
use super::{Api, Body, Idempotency};
use crate::http::api::CircleApi;
use crate::http::errors::ApiResult;
use crate::http::errors::ErrorBody;
use crate::service::{audit, circles, members};
use axum::Json;
use axum::http::StatusCode;

/// The circles I am a member of.
#[utoipa::path(get, path = "/circles", tag = "circles", responses((status = 200, body = Vec<MyCircleDto>), (status = 401, body = ErrorBody)))]
pub async fn list(api: Api) -> ApiResult<Json<Vec<MyCircleDto>>> {
    Ok(Json(circles::my_circles(&api.ctx()).await?.into_iter().map(Into::into).collect()))
}

/// Starts a circle; I become a member who manages it. Send an
/// `Idempotency-Key` header to make retries safe.
#[utoipa::path(post, path = "/circles", tag = "circles", request_body = circles::StartCircle,
    params(("Idempotency-Key" = Option<String>, Header, description = "8–100 letters, digits, - or _")),
    responses((status = 201, body = CircleDto), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn start(
    api: Api,
    Idempotency(key): Idempotency,
    Body(body): Body<circles::StartCircle>,
) -> ApiResult<(StatusCode, Json<CircleDto>)> {
    let ctx = api.ctx();
    let id = circles::start(&ctx, &body, key.as_ref()).await?;
    Ok((StatusCode::CREATED, Json(circles::view(&ctx, &id).await?.into())))
}

/// One circle.
#[utoipa::path(get, path = "/circles/{circle_id}", tag = "circles", params(("circle_id" = String, Path)),
    responses((status = 200, body = CircleDto), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get(c: CircleApi) -> ApiResult<Json<CircleDto>> {
    Ok(Json(circles::view(&c.ctx(), &c.circle).await?.into()))
}

/// Changes the circle's name and description (managers).
#[utoipa::path(patch, path = "/circles/{circle_id}", tag = "circles", params(("circle_id" = String, Path)), request_body = circles::EditCircle,
    responses((status = 200, body = CircleDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn edit(c: CircleApi, Body(body): Body<circles::EditCircle>) -> ApiResult<Json<CircleDto>> {
    let ctx = c.ctx();
    circles::edit(&ctx, &c.circle, &body).await?;
    Ok(Json(circles::view(&ctx, &c.circle).await?.into()))
}

/// Archives the circle when care has ended (managers).
#[utoipa::path(post, path = "/circles/{circle_id}/archive", tag = "circles", params(("circle_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn archive(c: CircleApi) -> ApiResult<StatusCode> {
    circles::set_archived(&c.ctx(), &c.circle, true).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Brings an archived circle back (managers).
#[utoipa::path(post, path = "/circles/{circle_id}/restore", tag = "circles", params(("circle_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn restore(c: CircleApi) -> ApiResult<StatusCode> {
    circles::set_archived(&c.ctx(), &c.circle, false).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Leaves the circle. The last member who manages it cannot leave.
#[utoipa::path(post, path = "/circles/{circle_id}/leave", tag = "circles", params(("circle_id" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn leave(c: CircleApi) -> ApiResult<StatusCode> {
    members::leave(&c.ctx(), &c.circle).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
pub struct ContactAudience {
    /// circle, professionals or informal
    pub contact_audience: String,
}

/// Chooses who in the circle may see my e-mail address.
#[utoipa::path(put, path = "/circles/{circle_id}/contact-audience", tag = "circles", params(("circle_id" = String, Path)), request_body = ContactAudience,
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn contact_audience(c: CircleApi, Body(body): Body<ContactAudience>) -> ApiResult<StatusCode> {
    members::set_contact_audience(&c.ctx(), &c.circle, &body.contact_audience).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Return records older than this sequence number (for the next page).
    pub before: Option<i64>,
    /// Only records from this day on (`YYYY-MM-DD`, Dutch time).
    pub from: Option<String>,
    /// Only records up to and including this day (`YYYY-MM-DD`, Dutch time).
    pub until: Option<String>,
    /// Only what this person (a user id) did.
    pub who: Option<String>,
}

/// Who looked at or changed this client's data, newest first, 100 at a
/// time (the client and their representative only), optionally for a
/// period and one person.
#[utoipa::path(get, path = "/circles/{circle_id}/audit", tag = "circles", params(("circle_id" = String, Path), AuditQuery),
    responses((status = 200, body = Vec<AuditRecordDto>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn audit(c: CircleApi, Query(q): Query<AuditQuery>) -> ApiResult<Json<Vec<AuditRecordDto>>> {
    let input = audit::FilterInput {
        from: q.from.unwrap_or_default(),
        until: q.until.unwrap_or_default(),
        who: q.who.unwrap_or_default(),
    };
    let filter = input.parse()?;
    let records = audit::circle_trail(&c.ctx(), &c.circle, &filter, q.before).await?;
    Ok(Json(records.into_iter().map(Into::into).collect()))
}
