//! Serving an entry's photos and files.

use crate::http::pages::CirclePage;
use crate::http::pages::{Detail, Object, PageResult};
use crate::service::logbook;
use axum::extract::Query;
use axum::http::{HeaderValue, header};
use axum::response::IntoResponse;
use samenspel_core::logbook::AttachmentKind;
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct FileQuery {
    thumb: Option<String>,
}

/// A photo or file, only for those who may see its entry. Cached privately
/// by the browser; photos shown inline, other files downloaded.
pub async fn file(
    p: CirclePage,
    Object(entry): Object,
    Detail(attachment): Detail,
    Query(q): Query<FileQuery>,
) -> PageResult {
    let f = logbook::file(&p.ctx(), &p.id, &entry, &attachment, q.thumb.is_some()).await?;
    let disposition = match f.kind {
        AttachmentKind::Image => "inline",
        AttachmentKind::Pdf => "attachment",
    };
    let encoded: String =
        url::form_urlencoded::byte_serialize(f.file_name.as_bytes()).collect::<String>().replace('+', "%20");
    let mut r = f.data.into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&f.content_type).unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("{disposition}; filename*=UTF-8''{encoded}")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, max-age=3600"));
    Ok(r)
}
