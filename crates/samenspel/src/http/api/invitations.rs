//! Invitations: create, list, revoke; preview and accept with the link's token.

use super::dto::{CreatedInvitationDto, InvitationDto, InvitationPreviewDto, JoinedDto};
use super::{Anonymous, Api, Body, Idempotency, id};
use crate::http::api::{CircleApi, Object};
use crate::http::errors::ApiResult;
use crate::http::errors::ErrorBody;
use crate::service::invitations;
use axum::Json;
use axum::extract::Path;
use axum::http::StatusCode;
use samenspel_core::ids::InvitationId;

/// The circle's invitations, newest first (managers).
#[utoipa::path(get, path = "/circles/{circle_id}/invitations", tag = "invitations", params(("circle_id" = String, Path)),
    responses((status = 200, body = Vec<InvitationDto>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list(c: CircleApi) -> ApiResult<Json<Vec<InvitationDto>>> {
    let list = invitations::list(&c.ctx(), &c.circle).await?;
    Ok(Json(list.into_iter().map(Into::into).collect()))
}

/// Invites someone. With `email`, the invitation is e-mailed; either way the
/// link is returned once, to pass on. Send an `Idempotency-Key` header to
/// make retries safe.
#[utoipa::path(post, path = "/circles/{circle_id}/invitations", tag = "invitations", params(("circle_id" = String, Path), ("Idempotency-Key" = Option<String>, Header)),
    request_body = invitations::Invite,
    responses((status = 201, body = CreatedInvitationDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn create(
    c: CircleApi,
    Idempotency(key): Idempotency,
    Body(body): Body<invitations::Invite>,
) -> ApiResult<(StatusCode, Json<CreatedInvitationDto>)> {
    let created = invitations::create(&c.ctx(), &c.circle, &body, key.as_ref()).await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedInvitationDto { id: created.id.to_string(), link: created.link, emailed: created.emailed }),
    ))
}

/// Revokes an invitation that was not accepted yet (managers).
#[utoipa::path(delete, path = "/circles/{circle_id}/invitations/{invitation_id}", tag = "invitations", params(("circle_id" = String, Path), ("invitation_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn revoke(c: CircleApi, Object(invitation_id): Object) -> ApiResult<StatusCode> {
    invitations::revoke(&c.ctx(), &c.circle, &id(&invitation_id, InvitationId::parse)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// What an invitation link offers, for whoever holds the link.
#[utoipa::path(get, path = "/invitations/{token}", tag = "invitations", params(("token" = String, Path)), security(()),
    responses((status = 200, body = InvitationPreviewDto), (status = 404, body = ErrorBody)))]
pub async fn preview(anon: Anonymous, Path(token): Path<String>) -> ApiResult<Json<InvitationPreviewDto>> {
    let p = invitations::preview(&anon.state, &token, None, &anon.source, anon.now).await?;
    Ok(Json(InvitationPreviewDto {
        client_name: p.client_name,
        invited_by: p.invited_by_name,
        role: p.role.as_str().into(),
        relation: p.relation,
        message: p.message,
        access_until: p.access_until,
        state: serde_json::to_value(p.state).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default(),
    }))
}

/// Accepts an invitation: the token's user joins the circle.
#[utoipa::path(post, path = "/invitations/{token}/accept", tag = "invitations", params(("token" = String, Path)),
    responses((status = 200, body = JoinedDto), (status = 401, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn accept(api: Api, Path(token): Path<String>) -> ApiResult<Json<JoinedDto>> {
    let circle = invitations::accept_signed_in(&api.state, &api.user, &token, &api.source, api.now).await?;
    Ok(Json(JoinedDto { circle_id: circle.to_string() }))
}
