//! Entries over the API: the overview, the timeline with cursor pagination,
//! writing, reading, editing, removing and closing an entry, its history.

use super::{Created, CreatedDto, EntryDetailDto, OverviewDto, PageDto, RevisionDto, SeenDto};
use crate::http::api::Query;
use crate::http::api::{Body, Idempotency};
use crate::http::api::{CircleApi, Object};
use crate::http::errors::ApiResult;
use crate::http::errors::{ApiError, ErrorBody};
use crate::service::logbook;
use axum::Json;
use axum::http::StatusCode;
use samenspel_core::Error;
use samenspel_core::logbook::EntryKind;
use samenspel_store::logbook::EntryFilter;
use serde::Deserialize;
use utoipa::ToSchema;

/// What is new for me, what is open, recent thanks.
#[utoipa::path(get, path = "/circles/{circle_id}/overview", tag = "logbook", params(("circle_id" = String, Path)),
    responses((status = 200, body = OverviewDto), (status = 404, body = ErrorBody)))]
pub async fn overview(c: CircleApi) -> ApiResult<Json<OverviewDto>> {
    let page = logbook::overview(&c.ctx(), &c.circle).await?;
    let o = page.data;
    Ok(Json(OverviewDto {
        unread: o.unread,
        new: o.new.into_iter().map(Into::into).collect(),
        unresolved: o.unresolved.into_iter().map(Into::into).collect(),
        thanks: o.thanks.into_iter().map(Into::into).collect(),
        due_agreements: o.due_agreements.into_iter().map(Into::into).collect(),
    }))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Only this kind: update, moment, concern, question or thanks.
    pub kind: Option<String>,
    /// Only open or answered concerns and questions.
    #[serde(default)]
    pub unresolved: bool,
    /// Only what I have not seen yet.
    #[serde(default)]
    pub unread: bool,
    /// Full-text search (no pagination: the 50 newest matches).
    pub q: Option<String>,
    /// From `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// The logbook, newest first, 20 at a time, as I may see it. Listed entries count as seen.
#[utoipa::path(get, path = "/circles/{circle_id}/entries", tag = "logbook", params(("circle_id" = String, Path), ListQuery),
    responses((status = 200, body = PageDto), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list(c: CircleApi, Query(q): Query<ListQuery>) -> ApiResult<Json<PageDto>> {
    let kind = match q.kind.as_deref().filter(|k| !k.is_empty()) {
        Some(k) => Some(EntryKind::parse(k).ok_or(ApiError(Error::field("kind", "kind-invalid")))?),
        None => None,
    };
    let ctx = c.ctx();
    let filter = EntryFilter {
        kind,
        unresolved_only: q.unresolved,
        unread_as_of: q.unread.then_some(ctx.now),
        before: logbook::parse_cursor(q.cursor.as_deref())?,
        ..Default::default()
    };
    let page = logbook::timeline(&ctx, &c.circle, &filter, q.q.as_deref().filter(|s| !s.trim().is_empty())).await?;
    Ok(Json(PageDto {
        next_cursor: page.data.next.map(|c| c.encode()),
        entries: page.data.entries.into_iter().map(Into::into).collect(),
    }))
}

/// Writes an entry (without files; add those with `…/attachments`). Send an
/// `Idempotency-Key` header to make retries safe.
#[utoipa::path(post, path = "/circles/{circle_id}/entries", tag = "logbook", params(("circle_id" = String, Path), ("Idempotency-Key" = Option<String>, Header)),
    request_body = logbook::WriteEntry,
    responses((status = 201, body = CreatedDto), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    c: CircleApi,
    Idempotency(key): Idempotency,
    Body(body): Body<logbook::WriteEntry>,
) -> ApiResult<Created> {
    let id = logbook::write(&c.ctx(), &c.circle, &body, Vec::new(), key.as_ref()).await?;
    Ok(Created(id))
}

/// One entry with its replies and who has seen it. Counts as seen.
#[utoipa::path(get, path = "/circles/{circle_id}/entries/{entry_id}", tag = "logbook", params(("circle_id" = String, Path), ("entry_id" = String, Path)),
    responses((status = 200, body = EntryDetailDto), (status = 404, body = ErrorBody)))]
pub async fn get(c: CircleApi, Object(entry_id): Object) -> ApiResult<Json<EntryDetailDto>> {
    let view = logbook::view(&c.ctx(), &c.circle, &entry_id).await?.data;
    Ok(Json(EntryDetailDto {
        seen_by: view
            .seen_by
            .seen
            .iter()
            .map(|(p, at)| SeenDto { member_id: p.member_id.to_string(), name: p.name.clone(), at: *at })
            .collect(),
        not_seen_by: view.seen_by.not_yet.iter().map(Into::into).collect(),
        replies: view.replies.into_iter().map(Into::into).collect(),
        entry: view.entry.into(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct EditBody {
    pub body: String,
}

/// Changes the text of my own entry; the earlier text is kept.
#[utoipa::path(patch, path = "/circles/{circle_id}/entries/{entry_id}", tag = "logbook", params(("circle_id" = String, Path), ("entry_id" = String, Path)),
    request_body = EditBody,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn edit(c: CircleApi, Object(entry_id): Object, Body(body): Body<EditBody>) -> ApiResult<StatusCode> {
    logbook::edit(&c.ctx(), &c.circle, &entry_id, &body.body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes an entry (my own, or any as a manager), leaving a tombstone.
#[utoipa::path(delete, path = "/circles/{circle_id}/entries/{entry_id}", tag = "logbook", params(("circle_id" = String, Path), ("entry_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete(c: CircleApi, Object(entry_id): Object) -> ApiResult<StatusCode> {
    logbook::delete(&c.ctx(), &c.circle, &entry_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Closes an open concern or question.
#[utoipa::path(post, path = "/circles/{circle_id}/entries/{entry_id}/close", tag = "logbook", params(("circle_id" = String, Path), ("entry_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn close(c: CircleApi, Object(entry_id): Object) -> ApiResult<StatusCode> {
    logbook::close(&c.ctx(), &c.circle, &entry_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Earlier versions of an entry's text, newest first.
#[utoipa::path(get, path = "/circles/{circle_id}/entries/{entry_id}/history", tag = "logbook", params(("circle_id" = String, Path), ("entry_id" = String, Path)),
    responses((status = 200, body = Vec<RevisionDto>), (status = 404, body = ErrorBody)))]
pub async fn history(c: CircleApi, Object(entry_id): Object) -> ApiResult<Json<Vec<RevisionDto>>> {
    let page = logbook::history(&c.ctx(), &c.circle, &entry_id).await?;
    Ok(Json(page.data.1.into_iter().map(Into::into).collect()))
}
