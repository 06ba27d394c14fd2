//! The coach's inbox over the API: what needs a person across the circles I
//! coordinate, and taking an item on or marking it done.

use super::{Api, Body, CircleApi};
use crate::http::errors::{ApiResult, ErrorBody};
use crate::service::inbox::{self as service, Mark};
use axum::Json;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// One thing that needs a person.
#[derive(Serialize, ToSchema)]
pub struct InboxItemDto {
    pub circle_id: String,
    pub client_name: String,
    /// signal, help, shift, review or newcomer.
    pub kind: String,
    /// Names the item in its circle (what the marks take).
    pub key: String,
    pub subject: String,
    pub detail: String,
    /// Since when it waits (RFC 3339), when it has such a moment.
    pub since: Option<String>,
    /// Who took it on, if anyone.
    pub claimed_by: Option<String>,
    pub claimed_by_me: bool,
}

#[derive(Serialize, ToSchema)]
pub struct InboxDto {
    /// The circles I coordinate (whose items are listed).
    pub circles: usize,
    pub items: Vec<InboxItemDto>,
}

#[utoipa::path(get, path = "/inbox", tag = "inbox", responses((status = 200, body = InboxDto)))]
pub async fn list(api: Api) -> ApiResult<Json<InboxDto>> {
    let inbox = service::mine(&api.ctx()).await?;
    let me = api.user.id().clone();
    Ok(Json(InboxDto {
        circles: inbox.circles,
        items: inbox
            .items
            .into_iter()
            .map(|i| InboxItemDto {
                circle_id: i.circle_id.to_string(),
                client_name: i.client_name,
                kind: i.kind.as_str().into(),
                key: i.key,
                subject: i.subject,
                detail: i.detail,
                since: i.since.map(|t| t.to_string()),
                claimed_by_me: i.claimed_by.as_ref().is_some_and(|(u, _)| *u == me),
                claimed_by: i.claimed_by.map(|(_, name)| name),
            })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct MarkInput {
    /// The item's key, as the inbox lists it.
    pub key: String,
}

/// I take the item on: other coordinators see who is on it.
#[utoipa::path(post, path = "/circles/{circle_id}/inbox/claim", tag = "inbox", params(("circle_id" = String, Path)),
    request_body = MarkInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn claim(c: CircleApi, Body(body): Body<MarkInput>) -> ApiResult<StatusCode> {
    service::mark(&c.ctx(), &c.circle, &body.key, Mark::Claim).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The item is done (a carer's signal: followed up).
#[utoipa::path(post, path = "/circles/{circle_id}/inbox/done", tag = "inbox", params(("circle_id" = String, Path)),
    request_body = MarkInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn done(c: CircleApi, Body(body): Body<MarkInput>) -> ApiResult<StatusCode> {
    service::mark(&c.ctx(), &c.circle, &body.key, Mark::Done).await?;
    Ok(StatusCode::NO_CONTENT)
}
