//! Photos and files of an entry over the API: adding one, fetching one.

use super::{Created, CreatedDto};
use crate::http::api::Query;
use crate::http::api::{CircleApi, Detail, Object};
use crate::http::errors::ApiResult;
use crate::http::errors::{ApiError, ErrorBody};
use crate::service::logbook;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

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
    c: CircleApi,
    Object(entry_id): Object,
    Query(q): Query<UploadQuery>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Result<Created, Response> {
    let file = crate::http::uploads::api_file(&c.api.state, q.file_name.unwrap_or_default(), &headers, body).await?;
    let ids = logbook::add_files(&c.ctx(), &c.circle, &entry_id, vec![file])
        .await
        .map_err(|e| ApiError(e).into_response())?;
    Ok(Created(ids.into_iter().next().unwrap_or_default()))
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
    c: CircleApi,
    Object(entry_id): Object,
    Detail(attachment_id): Detail,
    Query(q): Query<FileQuery>,
) -> ApiResult<Response> {
    let f = logbook::file(&c.ctx(), &c.circle, &entry_id, &attachment_id, q.thumb).await?;
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&f.content_type).unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, max-age=3600"));
    Ok((headers, f.data).into_response())
}
