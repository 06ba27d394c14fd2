//! Members of a circle.

use super::dto::MemberDto;
use super::{Body, id};
use crate::http::api::{CircleApi, Object};
use crate::http::errors::ApiResult;
use crate::http::errors::ErrorBody;
use crate::service::members;
use axum::Json;
use axum::http::StatusCode;
use samenspel_core::ids::MemberId;

/// Everybody in the circle.
#[utoipa::path(get, path = "/circles/{circle_id}/members", tag = "members", params(("circle_id" = String, Path)),
    responses((status = 200, body = Vec<MemberDto>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list(c: CircleApi) -> ApiResult<Json<Vec<MemberDto>>> {
    let members = members::list(&c.ctx(), &c.circle).await?;
    Ok(Json(members.into_iter().map(Into::into).collect()))
}

/// One member.
#[utoipa::path(get, path = "/circles/{circle_id}/members/{member_id}", tag = "members", params(("circle_id" = String, Path), ("member_id" = String, Path)),
    responses((status = 200, body = MemberDto), (status = 404, body = ErrorBody)))]
pub async fn get(c: CircleApi, Object(member_id): Object) -> ApiResult<Json<MemberDto>> {
    let m = members::get(&c.ctx(), &c.circle, &id(&member_id, MemberId::parse)?).await?;
    Ok(Json(m.into()))
}

/// Changes a member's role, relation, flags or end date (managers). Only the
/// client and representative change client-side memberships.
#[utoipa::path(patch, path = "/circles/{circle_id}/members/{member_id}", tag = "members", params(("circle_id" = String, Path), ("member_id" = String, Path)),
    request_body = members::ChangeMember,
    responses((status = 200, body = MemberDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn change(
    c: CircleApi,
    Object(member_id): Object,
    Body(body): Body<members::ChangeMember>,
) -> ApiResult<Json<MemberDto>> {
    let ctx = c.ctx();
    let m = id(&member_id, MemberId::parse)?;
    members::change(&ctx, &c.circle, &m, &body).await?;
    Ok(Json(members::get(&ctx, &c.circle, &m).await?.into()))
}

/// Removes a member; their access ends at once, also in open sessions.
#[utoipa::path(delete, path = "/circles/{circle_id}/members/{member_id}", tag = "members", params(("circle_id" = String, Path), ("member_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn remove(c: CircleApi, Object(member_id): Object) -> ApiResult<StatusCode> {
    members::remove(&c.ctx(), &c.circle, &id(&member_id, MemberId::parse)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
