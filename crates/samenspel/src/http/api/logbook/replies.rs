//! Replies and reactions to an entry over the API.

use super::entries::EditBody;
use super::{Created, CreatedDto};
use crate::http::api::Body;
use crate::http::api::{CircleApi, Detail, Object};
use crate::http::errors::ApiResult;
use crate::http::errors::ErrorBody;
use crate::service::logbook;
use axum::http::StatusCode;

/// Replies to an entry.
#[utoipa::path(post, path = "/circles/{circle_id}/entries/{entry_id}/replies", tag = "logbook", params(("circle_id" = String, Path), ("entry_id" = String, Path)),
    request_body = EditBody,
    responses((status = 201, body = CreatedDto), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn reply(c: CircleApi, Object(entry_id): Object, Body(body): Body<EditBody>) -> ApiResult<Created> {
    let id = logbook::reply(&c.ctx(), &c.circle, &entry_id, &body.body).await?;
    Ok(Created(id))
}

/// Removes a reply (my own, or any as a manager).
#[utoipa::path(delete, path = "/circles/{circle_id}/entries/{entry_id}/replies/{reply_id}", tag = "logbook",
    params(("circle_id" = String, Path), ("entry_id" = String, Path), ("reply_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete_reply(c: CircleApi, Object(entry_id): Object, Detail(reply_id): Detail) -> ApiResult<StatusCode> {
    logbook::delete_reply(&c.ctx(), &c.circle, &entry_id, &reply_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Adds my reaction (thanks, seen or heart).
#[utoipa::path(put, path = "/circles/{circle_id}/entries/{entry_id}/reactions/{reaction}", tag = "logbook",
    params(("circle_id" = String, Path), ("entry_id" = String, Path), ("reaction" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_reaction(c: CircleApi, Object(entry_id): Object, Detail(reaction): Detail) -> ApiResult<StatusCode> {
    logbook::react(&c.ctx(), &c.circle, &entry_id, &reaction, true).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Takes my reaction back.
#[utoipa::path(delete, path = "/circles/{circle_id}/entries/{entry_id}/reactions/{reaction}", tag = "logbook",
    params(("circle_id" = String, Path), ("entry_id" = String, Path), ("reaction" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn remove_reaction(
    c: CircleApi,
    Object(entry_id): Object,
    Detail(reaction): Detail,
) -> ApiResult<StatusCode> {
    logbook::react(&c.ctx(), &c.circle, &entry_id, &reaction, false).await?;
    Ok(StatusCode::NO_CONTENT)
}
