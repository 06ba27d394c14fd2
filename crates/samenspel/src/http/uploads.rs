//! Receiving files. Who asks is decided by the gate before a byte of the
//! body is read; the CSRF token of a page form must come before its first
//! file; files are streamed to temporary files in `<data_dir>/tmp` while
//! their bytes are counted, so a body is never held in memory whole; past a
//! limit the answer is 413 — on the declared length at once, else as soon as
//! the limit is passed.

use super::context::Visitor;
use super::errors::{ApiError, ErrorBody, ErrorDetail, ErrorPage, PageError};
use crate::app::AppState;
use crate::crypto;
use crate::uploads::{MAX_FILE_BYTES, Spooled, Upload};
use axum::Json;
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use samenspel_core::Error;
use serde::de::DeserializeOwned;
use std::path::PathBuf;
use std::pin::Pin;
use tokio::io::AsyncWriteExt;

/// Which kind of answer a refusal takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Surface {
    /// An error page in the visitor's language (rendered by the pages layer).
    Page,
    /// The API's JSON error.
    Api,
}

/// Text fields of an upload form together may be at most this long.
const MAX_TEXT: usize = super::MAX_BODY;

/// 413: the body is larger than this route accepts.
pub fn too_large(surface: Surface) -> Response {
    let status = StatusCode::PAYLOAD_TOO_LARGE;
    match surface {
        Surface::Page => {
            let mut r = status.into_response();
            r.extensions_mut().insert(ErrorPage { status, message: "error-upload-too-large" });
            r
        }
        Surface::Api => {
            let message = crate::i18n::Tr::new(samenspel_core::locale::Locale::En).t("error-upload-too-large");
            let error = ErrorDetail { code: "payload_too_large".into(), message, fields: None, request_id: None };
            (status, Json(ErrorBody { error })).into_response()
        }
    }
}

/// True when the request says it is longer than `limit`.
pub fn declared_over(headers: &HeaderMap, limit: usize) -> bool {
    headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .is_some_and(|n| n > limit as u64)
}

/// Where temporary upload files go.
fn spool_dir(state: &AppState) -> PathBuf {
    state.config.data_dir.join("tmp")
}

/// Removes upload files older than `age` that a stopped process left
/// behind (files in use are removed by their owner when done).
fn sweep(dir: &std::path::Path, age: std::time::Duration) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let old = e.metadata().and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok()).is_some_and(|a| a > age);
        if old && e.file_name().to_string_lossy().starts_with("upload-") {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Why a file could not be received.
enum Refused {
    TooLarge,
    Other(Error),
}

/// A temporary file being written, counting bytes; refused past `limit`.
/// The file is removed when the result is dropped (or on refusal).
struct Spool {
    spooled: Spooled,
    file: tokio::fs::File,
    len: usize,
    limit: usize,
}

impl Spool {
    async fn new(state: &AppState, limit: usize) -> Result<Spool, Refused> {
        let dir = spool_dir(state);
        tokio::fs::create_dir_all(&dir).await.map_err(|e| Refused::Other(Error::internal(e)))?;
        static SWEPT: std::sync::Once = std::sync::Once::new();
        SWEPT.call_once(|| {
            let dir = dir.clone();
            tokio::task::spawn_blocking(move || sweep(&dir, std::time::Duration::from_secs(3600)));
        });
        let spooled = Spooled::new_in(&dir);
        let file = tokio::fs::File::create(spooled.path()).await.map_err(|e| Refused::Other(Error::internal(e)))?;
        Ok(Spool { spooled, file, len: 0, limit })
    }

    async fn push(&mut self, chunk: &[u8]) -> Result<(), Refused> {
        self.len += chunk.len();
        if self.len > self.limit {
            return Err(Refused::TooLarge);
        }
        self.file.write_all(chunk).await.map_err(|e| Refused::Other(Error::internal(e)))
    }

    async fn finish(mut self) -> Result<Spooled, Refused> {
        self.file.flush().await.map_err(|e| Refused::Other(Error::internal(e)))?;
        Ok(self.spooled.with_len(self.len as u64))
    }
}

impl From<axum::extract::multipart::MultipartError> for Refused {
    fn from(e: axum::extract::multipart::MultipartError) -> Self {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Refused::TooLarge
        } else {
            Refused::Other(Error::Validation(vec![]))
        }
    }
}

impl From<axum::Error> for Refused {
    fn from(e: axum::Error) -> Self {
        Refused::Other(Error::internal(e))
    }
}

/// The raw body of an API upload (one file, at most [`MAX_FILE_BYTES`]),
/// streamed to a temporary file.
pub async fn api_file(
    state: &AppState,
    file_name: String,
    headers: &HeaderMap,
    body: Body,
) -> Result<Upload, Response> {
    if declared_over(headers, MAX_FILE_BYTES) {
        return Err(too_large(Surface::Api));
    }
    let result = async {
        let mut spool = Spool::new(state, MAX_FILE_BYTES).await?;
        let mut body = body;
        while let Some(frame) = std::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
            if let Ok(data) = frame.map_err(Refused::from)?.into_data() {
                spool.push(&data).await?;
            }
        }
        spool.finish().await
    };
    match result.await {
        Ok(spooled) => Ok(Upload::spooled(file_name, spooled)),
        Err(Refused::TooLarge) => Err(too_large(Surface::Api)),
        Err(Refused::Other(e)) => Err(ApiError(e).into_response()),
    }
}

/// A body that hands out one chunk per poll (then yields once), so that a
/// reader that takes everything ready at once (the multipart parser) holds
/// no more than a chunk ahead of what has been written to disk.
struct Paced {
    inner: Body,
    yielded: bool,
}

impl HttpBody for Paced {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Bytes>, axum::Error>>> {
        if self.yielded {
            self.yielded = false;
            cx.waker().wake_by_ref();
            return std::task::Poll::Pending;
        }
        let polled = Pin::new(&mut self.inner).poll_frame(cx);
        self.yielded = matches!(polled, std::task::Poll::Ready(Some(Ok(_))));
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

/// A `multipart/form-data` form (text fields and files), accepted only with
/// a valid CSRF token, which must come before the first file. Empty file
/// fields (nothing chosen) are left out. Text fields are refused with 422
/// when they hold a NUL character.
pub struct UploadForm<T> {
    pub fields: T,
    pub files: Vec<Upload>,
}

impl<T: DeserializeOwned> FromRequest<AppState> for UploadForm<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Response> {
        let page = |e: Error| PageError::from(e).into_response();
        let visitor =
            req.extensions().get::<Visitor>().cloned().ok_or_else(|| page(Error::internal("form without visitor")))?;
        if declared_over(req.headers(), super::pages::UPLOAD_BODY) {
            return Err(too_large(Surface::Page));
        }
        let csrf_ok = |token: &str| crypto::csrf_valid(state.config.secret_key.expose(), &visitor.csrf_binding, token);
        // Paced: the multipart parser takes what is ready, and would otherwise hold all of it.
        let req = req.map(|body| Body::new(Paced { inner: body, yielded: false }));
        let mut multipart = Multipart::from_request(req, state).await.map_err(|_| page(Error::Validation(vec![])))?;
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut text_len = 0usize;
        let mut files = Vec::new();
        let refused = |r: Refused| match r {
            Refused::TooLarge => too_large(Surface::Page),
            Refused::Other(e) => page(e),
        };
        while let Some(mut field) = multipart.next_field().await.map_err(|e| refused(e.into()))? {
            let name = field.name().unwrap_or("").to_owned();
            match field.file_name().map(str::to_owned) {
                Some(file_name) => {
                    // Who sends a file must have shown the form's token first.
                    let csrf = pairs.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v.as_str()).unwrap_or("");
                    if !csrf_ok(csrf) {
                        return Err(PageError::BadCsrf.into_response());
                    }
                    let mut spool = Spool::new(state, MAX_FILE_BYTES).await.map_err(refused)?;
                    while let Some(chunk) = field.chunk().await.map_err(|e| refused(e.into()))? {
                        spool.push(&chunk).await.map_err(refused)?;
                    }
                    let spooled = spool.finish().await.map_err(refused)?;
                    if !spooled.is_empty() || !file_name.is_empty() {
                        files.push(Upload::spooled(file_name, spooled));
                    }
                }
                None => {
                    let mut text = Vec::new();
                    while let Some(chunk) = field.chunk().await.map_err(|e| refused(e.into()))? {
                        text_len += chunk.len();
                        if text_len > MAX_TEXT {
                            return Err(too_large(Surface::Page));
                        }
                        text.extend_from_slice(&chunk);
                    }
                    let text = String::from_utf8(text).map_err(|_| page(Error::Validation(vec![])))?;
                    if text.contains('\0') {
                        return Err(super::nul::refusal(Surface::Page, "body"));
                    }
                    pairs.push((name, text));
                }
            }
        }
        let csrf = pairs.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v.as_str()).unwrap_or("");
        if !csrf_ok(csrf) {
            return Err(PageError::BadCsrf.into_response());
        }
        let encoded = serde_urlencoded::to_string(&pairs).map_err(|e| page(Error::internal(e)))?;
        let fields = serde_html_form::from_str(&encoded).map_err(|e| {
            tracing::debug!(error = %e, "form did not parse");
            page(Error::Validation(vec![]))
        })?;
        Ok(UploadForm { fields, files })
    }
}
