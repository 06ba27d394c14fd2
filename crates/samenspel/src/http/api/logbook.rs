//! The logbook over the API: the overview, the timeline with cursor
//! pagination, entries, replies, reactions, files and notification settings.

use super::Query;
use super::{Api, Body, Idempotency, id};
use crate::http::errors::{ApiError, ErrorBody};
use crate::service::{logbook, notifications};
use axum::Json;
use axum::extract::Path;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;
use samenspel_core::Error;
use samenspel_core::ids::CircleId;
use samenspel_core::logbook::{Entry, EntryKind, Reply, Revision};
use samenspel_store::logbook::{EntryFilter, NotificationSettings};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct PersonDto {
    pub member_id: String,
    pub name: String,
    pub role: String,
}

impl From<&samenspel_core::logbook::Person> for PersonDto {
    fn from(p: &samenspel_core::logbook::Person) -> Self {
        PersonDto { member_id: p.member_id.to_string(), name: p.name.clone(), role: p.role.as_str().into() }
    }
}

#[derive(Serialize, ToSchema)]
pub struct StampDto {
    pub by: String,
    pub at: Timestamp,
}

#[derive(Serialize, ToSchema)]
pub struct AttachmentDto {
    pub id: String,
    /// image or pdf
    pub kind: String,
    pub content_type: String,
    pub file_name: String,
    pub byte_size: i64,
    pub width: Option<i64>,
    pub height: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct ReactionDto {
    /// thanks, seen or heart
    pub reaction: String,
    pub count: i64,
    pub mine: bool,
}

#[derive(Serialize, ToSchema)]
pub struct EntryDto {
    pub id: String,
    /// update, moment, concern, question or thanks
    pub kind: String,
    /// circle, professionals, informal or chosen
    pub audience: String,
    pub chosen: Vec<PersonDto>,
    pub recipients: Vec<PersonDto>,
    pub author: PersonDto,
    /// The text as written (simple formatting: blank lines, "- " lists, links). Empty when removed.
    pub body: String,
    pub created_at: Timestamp,
    pub edited_at: Option<Timestamp>,
    pub revision: i64,
    pub deleted: Option<StampDto>,
    /// none, open, answered or closed
    pub status: String,
    pub closed: Option<StampDto>,
    pub reply_count: i64,
    pub attachments: Vec<AttachmentDto>,
    pub reactions: Vec<ReactionDto>,
    pub seen_by_me: bool,
}

impl From<Entry> for EntryDto {
    fn from(e: Entry) -> Self {
        EntryDto {
            kind: e.kind.as_str().into(),
            audience: e.audience.as_str().into(),
            chosen: e.chosen.iter().map(Into::into).collect(),
            recipients: e.recipients.iter().map(Into::into).collect(),
            author: (&e.author).into(),
            created_at: e.created_at,
            edited_at: e.edited_at,
            revision: e.revision,
            deleted: e.deleted.map(|s| StampDto { by: s.by, at: s.at }),
            status: e.status.as_str().into(),
            closed: e.closed.map(|s| StampDto { by: s.by, at: s.at }),
            reply_count: e.reply_count,
            attachments: e
                .attachments
                .into_iter()
                .map(|a| AttachmentDto {
                    id: a.id,
                    kind: a.kind.as_str().into(),
                    content_type: a.content_type,
                    file_name: a.file_name,
                    byte_size: a.byte_size,
                    width: a.width,
                    height: a.height,
                })
                .collect(),
            reactions: e
                .reactions
                .into_iter()
                .map(|r| ReactionDto { reaction: r.reaction.as_str().into(), count: r.count, mine: r.mine })
                .collect(),
            seen_by_me: e.seen_by_me,
            body: e.body,
            id: e.id,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ReplyDto {
    pub id: String,
    pub author: PersonDto,
    pub body: String,
    pub created_at: Timestamp,
    pub deleted: Option<StampDto>,
}

impl From<Reply> for ReplyDto {
    fn from(r: Reply) -> Self {
        ReplyDto {
            author: (&r.author).into(),
            body: r.body,
            created_at: r.created_at,
            deleted: r.deleted.map(|s| StampDto { by: s.by, at: s.at }),
            id: r.id,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SeenDto {
    pub member_id: String,
    pub name: String,
    pub at: Timestamp,
}

#[derive(Serialize, ToSchema)]
pub struct EntryDetailDto {
    pub entry: EntryDto,
    pub replies: Vec<ReplyDto>,
    /// Who in the audience has seen it.
    pub seen_by: Vec<SeenDto>,
    /// Who in the audience has not seen it yet.
    pub not_seen_by: Vec<PersonDto>,
}

#[derive(Serialize, ToSchema)]
pub struct PageDto {
    pub entries: Vec<EntryDto>,
    /// Pass as `cursor` for the next (older) page; absent on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct OverviewDto {
    /// Entries I have not seen (at most 100).
    pub unread: i64,
    pub new: Vec<EntryDto>,
    pub unresolved: Vec<EntryDto>,
    pub thanks: Vec<EntryDto>,
    /// Agreements to talk about again (marked by a change, or their review date has come).
    pub due_agreements: Vec<DueAgreementDto>,
}

#[derive(Serialize, ToSchema)]
pub struct DueAgreementDto {
    pub id: String,
    pub domain: String,
    pub description: String,
    pub needs_review: bool,
    /// YYYY-MM-DD
    pub review_on: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedDto {
    pub id: String,
}

#[derive(Serialize, ToSchema)]
pub struct RevisionDto {
    pub revision: i64,
    pub body: String,
    pub written_at: Timestamp,
}

impl From<Revision> for RevisionDto {
    fn from(r: Revision) -> Self {
        RevisionDto { revision: r.revision, body: r.body, written_at: r.written_at }
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct NotificationSettingsDto {
    pub immediate: bool,
    /// off, daily or weekly
    pub digest: String,
    /// "HH:MM" local time, or null for no quiet hours.
    pub quiet_from: Option<String>,
    pub quiet_until: Option<String>,
}

impl From<NotificationSettings> for NotificationSettingsDto {
    fn from(s: NotificationSettings) -> Self {
        NotificationSettingsDto {
            immediate: s.immediate,
            digest: s.digest.as_str().into(),
            quiet_from: s.quiet.map(|q| notifications::hhmm(q.0)),
            quiet_until: s.quiet.map(|q| notifications::hhmm(q.1)),
        }
    }
}

fn circle(raw: &str) -> Result<CircleId, ApiError> {
    id(raw, CircleId::parse)
}

/// What is new for me, what is open, recent thanks.
#[utoipa::path(get, path = "/circles/{circle_id}/overview", tag = "logbook", params(("circle_id" = String, Path)),
    responses((status = 200, body = OverviewDto), (status = 404, body = ErrorBody)))]
pub async fn overview(api: Api, Path(circle_id): Path<String>) -> Result<Json<OverviewDto>, ApiError> {
    let page = logbook::overview(&api.ctx(), &circle(&circle_id)?).await?;
    let o = page.data;
    Ok(Json(OverviewDto {
        unread: o.unread,
        new: o.new.into_iter().map(Into::into).collect(),
        unresolved: o.unresolved.into_iter().map(Into::into).collect(),
        thanks: o.thanks.into_iter().map(Into::into).collect(),
        due_agreements: o
            .due_agreements
            .into_iter()
            .map(|a| DueAgreementDto {
                id: a.id,
                domain: a.domain.as_str().into(),
                description: a.description,
                needs_review: a.needs_review,
                review_on: a.review_on.map(|d| d.to_string()),
            })
            .collect(),
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
pub async fn list(
    api: Api,
    Path(circle_id): Path<String>,
    Query(q): Query<ListQuery>,
) -> Result<Json<PageDto>, ApiError> {
    let kind = match q.kind.as_deref().filter(|k| !k.is_empty()) {
        Some(k) => Some(EntryKind::parse(k).ok_or(ApiError(Error::field("kind", "kind-invalid")))?),
        None => None,
    };
    let ctx = api.ctx();
    let filter = EntryFilter {
        kind,
        unresolved_only: q.unresolved,
        unread_as_of: q.unread.then_some(ctx.now),
        before: logbook::parse_cursor(q.cursor.as_deref())?,
        ..Default::default()
    };
    let page =
        logbook::timeline(&ctx, &circle(&circle_id)?, &filter, q.q.as_deref().filter(|s| !s.trim().is_empty())).await?;
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
    api: Api,
    Path(circle_id): Path<String>,
    Idempotency(key): Idempotency,
    Body(body): Body<logbook::WriteEntry>,
) -> Result<(StatusCode, Json<CreatedDto>), ApiError> {
    let id = logbook::write(&api.ctx(), &circle(&circle_id)?, &body, Vec::new(), key.as_ref()).await?;
    Ok((StatusCode::CREATED, Json(CreatedDto { id })))
}

/// One entry with its replies and who has seen it. Counts as seen.
#[utoipa::path(get, path = "/circles/{circle_id}/entries/{entry_id}", tag = "logbook", params(("circle_id" = String, Path), ("entry_id" = String, Path)),
    responses((status = 200, body = EntryDetailDto), (status = 404, body = ErrorBody)))]
pub async fn get(
    api: Api,
    Path((circle_id, entry_id)): Path<(String, String)>,
) -> Result<Json<EntryDetailDto>, ApiError> {
    let view = logbook::view(&api.ctx(), &circle(&circle_id)?, &entry_id).await?.data;
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
pub async fn edit(
    api: Api,
    Path((circle_id, entry_id)): Path<(String, String)>,
    Body(body): Body<EditBody>,
) -> Result<StatusCode, ApiError> {
    logbook::edit(&api.ctx(), &circle(&circle_id)?, &entry_id, &body.body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes an entry (my own, or any as a manager), leaving a tombstone.
#[utoipa::path(delete, path = "/circles/{circle_id}/entries/{entry_id}", tag = "logbook", params(("circle_id" = String, Path), ("entry_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete(api: Api, Path((circle_id, entry_id)): Path<(String, String)>) -> Result<StatusCode, ApiError> {
    logbook::delete(&api.ctx(), &circle(&circle_id)?, &entry_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Closes an open concern or question.
#[utoipa::path(post, path = "/circles/{circle_id}/entries/{entry_id}/close", tag = "logbook", params(("circle_id" = String, Path), ("entry_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn close(api: Api, Path((circle_id, entry_id)): Path<(String, String)>) -> Result<StatusCode, ApiError> {
    logbook::close(&api.ctx(), &circle(&circle_id)?, &entry_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Earlier versions of an entry's text, newest first.
#[utoipa::path(get, path = "/circles/{circle_id}/entries/{entry_id}/history", tag = "logbook", params(("circle_id" = String, Path), ("entry_id" = String, Path)),
    responses((status = 200, body = Vec<RevisionDto>), (status = 404, body = ErrorBody)))]
pub async fn history(
    api: Api,
    Path((circle_id, entry_id)): Path<(String, String)>,
) -> Result<Json<Vec<RevisionDto>>, ApiError> {
    let page = logbook::history(&api.ctx(), &circle(&circle_id)?, &entry_id).await?;
    Ok(Json(page.data.1.into_iter().map(Into::into).collect()))
}

/// Replies to an entry.
#[utoipa::path(post, path = "/circles/{circle_id}/entries/{entry_id}/replies", tag = "logbook", params(("circle_id" = String, Path), ("entry_id" = String, Path)),
    request_body = EditBody,
    responses((status = 201, body = CreatedDto), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn reply(
    api: Api,
    Path((circle_id, entry_id)): Path<(String, String)>,
    Body(body): Body<EditBody>,
) -> Result<(StatusCode, Json<CreatedDto>), ApiError> {
    let id = logbook::reply(&api.ctx(), &circle(&circle_id)?, &entry_id, &body.body).await?;
    Ok((StatusCode::CREATED, Json(CreatedDto { id })))
}

/// Removes a reply (my own, or any as a manager).
#[utoipa::path(delete, path = "/circles/{circle_id}/entries/{entry_id}/replies/{reply_id}", tag = "logbook",
    params(("circle_id" = String, Path), ("entry_id" = String, Path), ("reply_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete_reply(
    api: Api,
    Path((circle_id, entry_id, reply_id)): Path<(String, String, String)>,
) -> Result<StatusCode, ApiError> {
    logbook::delete_reply(&api.ctx(), &circle(&circle_id)?, &entry_id, &reply_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Adds my reaction (thanks, seen or heart).
#[utoipa::path(put, path = "/circles/{circle_id}/entries/{entry_id}/reactions/{reaction}", tag = "logbook",
    params(("circle_id" = String, Path), ("entry_id" = String, Path), ("reaction" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_reaction(
    api: Api,
    Path((circle_id, entry_id, reaction)): Path<(String, String, String)>,
) -> Result<StatusCode, ApiError> {
    logbook::react(&api.ctx(), &circle(&circle_id)?, &entry_id, &reaction, true).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Takes my reaction back.
#[utoipa::path(delete, path = "/circles/{circle_id}/entries/{entry_id}/reactions/{reaction}", tag = "logbook",
    params(("circle_id" = String, Path), ("entry_id" = String, Path), ("reaction" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn remove_reaction(
    api: Api,
    Path((circle_id, entry_id, reaction)): Path<(String, String, String)>,
) -> Result<StatusCode, ApiError> {
    logbook::react(&api.ctx(), &circle(&circle_id)?, &entry_id, &reaction, false).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// The file's name as the sender knows it.
    pub file_name: Option<String>,
}

/// Adds a photo (JPEG, PNG, WebP, GIF) or a PDF to my own entry: the raw
/// bytes as the request body, at most 12 MB. The type is read from the
/// content; photos are re-encoded without metadata.
#[utoipa::path(post, path = "/circles/{circle_id}/entries/{entry_id}/attachments", tag = "logbook",
    params(("circle_id" = String, Path), ("entry_id" = String, Path), UploadQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses((status = 201, body = CreatedDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 413, description = "The file is larger than 12 MB", body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn upload(
    api: Api,
    Path((circle_id, entry_id)): Path<(String, String)>,
    Query(q): Query<UploadQuery>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Result<(StatusCode, Json<CreatedDto>), Response> {
    let file = crate::http::uploads::api_file(&api.state, q.file_name.unwrap_or_default(), &headers, body).await?;
    let circle = circle(&circle_id).map_err(IntoResponse::into_response)?;
    let ids = logbook::add_files(&api.ctx(), &circle, &entry_id, vec![file])
        .await
        .map_err(|e| ApiError(e).into_response())?;
    Ok((StatusCode::CREATED, Json(CreatedDto { id: ids.into_iter().next().unwrap_or_default() })))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FileQuery {
    /// The small version of a photo.
    #[serde(default)]
    pub thumb: bool,
}

/// A photo or file of an entry I may see.
#[utoipa::path(get, path = "/circles/{circle_id}/entries/{entry_id}/attachments/{attachment_id}", tag = "logbook",
    params(("circle_id" = String, Path), ("entry_id" = String, Path), ("attachment_id" = String, Path), FileQuery),
    responses((status = 200, content_type = "application/octet-stream"), (status = 404, body = ErrorBody)))]
pub async fn download(
    api: Api,
    Path((circle_id, entry_id, attachment_id)): Path<(String, String, String)>,
    Query(q): Query<FileQuery>,
) -> Result<Response, ApiError> {
    let f = logbook::file(&api.ctx(), &circle(&circle_id)?, &entry_id, &attachment_id, q.thumb).await?;
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&f.content_type).unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, max-age=3600"));
    Ok((headers, f.data).into_response())
}

/// My e-mail notification settings for this circle.
#[utoipa::path(get, path = "/circles/{circle_id}/notification-settings", tag = "logbook", params(("circle_id" = String, Path)),
    responses((status = 200, body = NotificationSettingsDto), (status = 404, body = ErrorBody)))]
pub async fn get_settings(api: Api, Path(circle_id): Path<String>) -> Result<Json<NotificationSettingsDto>, ApiError> {
    Ok(Json(notifications::mine(&api.ctx(), &circle(&circle_id)?).await?.data.into()))
}

/// Changes my e-mail notification settings for this circle.
#[utoipa::path(put, path = "/circles/{circle_id}/notification-settings", tag = "logbook", params(("circle_id" = String, Path)),
    request_body = NotificationSettingsDto,
    responses((status = 200, body = NotificationSettingsDto), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_settings(
    api: Api,
    Path(circle_id): Path<String>,
    Body(body): Body<NotificationSettingsDto>,
) -> Result<Json<NotificationSettingsDto>, ApiError> {
    let input = notifications::SettingsInput {
        immediate: body.immediate,
        digest: body.digest,
        quiet_from: body.quiet_from.unwrap_or_default(),
        quiet_until: body.quiet_until.unwrap_or_default(),
    };
    let ctx = api.ctx();
    let c = circle(&circle_id)?;
    notifications::set_mine(&ctx, &c, &input).await?;
    Ok(Json(notifications::mine(&ctx, &c).await?.data.into()))
}
