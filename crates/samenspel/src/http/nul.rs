//! NUL characters (U+0000). PostgreSQL cannot store them in text and
//! SQLite can, so both engines refuse them the same way, before any query:
//! 422 with a clear message (a page in the visitor's language, or the API's
//! JSON error naming `path`, `query` or `body`). Checked here: the decoded
//! path and query string (before the gate, which reads ids from the path),
//! and form and JSON bodies (after the gate, so nobody unknown makes us read
//! a body). Multipart forms are checked field by field as they stream in
//! ([`super::uploads::UploadForm`]); other bodies (file uploads) are not
//! text and are left alone.

use super::errors::{ApiError, ErrorPage};
use super::uploads::{Surface, declared_over, too_large};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use samenspel_core::Error;

/// The answer to a NUL character in `part` (`path`, `query` or `body`).
pub fn refusal(surface: Surface, part: &'static str) -> Response {
    match surface {
        Surface::Api => ApiError(Error::field(part, "nul-character")).into_response(),
        Surface::Page => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            let mut r = status.into_response();
            r.extensions_mut().insert(ErrorPage { status, message: "error-nul-character" });
            r
        }
    }
}

/// True when percent-decoding `raw` gives a NUL: only `%00` decodes to one
/// (a `%` that starts a valid escape is never the end of another).
pub fn escapes_nul(raw: &str) -> bool {
    raw.contains("%00") || raw.contains('\0')
}

/// Refuses a NUL in the path or query string.
pub async fn target(State(surface): State<Surface>, req: Request, next: Next) -> Response {
    let uri = req.uri();
    if escapes_nul(uri.path()) {
        return refusal(surface, "path");
    }
    if uri.query().is_some_and(escapes_nul) {
        return refusal(surface, "query");
    }
    next.run(req).await
}

/// Whether a JSON value holds a NUL in a string or key.
fn json_has_nul(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::String(s) => s.contains('\0'),
        serde_json::Value::Array(items) => items.iter().any(json_has_nul),
        serde_json::Value::Object(map) => map.iter().any(|(k, v)| k.contains('\0') || json_has_nul(v)),
        _ => false,
    }
}

/// Refuses a NUL in a form or JSON body (read whole: these are small).
pub async fn body(State(surface): State<Surface>, req: Request, next: Next) -> Response {
    let content_type =
        req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_ascii_lowercase();
    let form = content_type.starts_with("application/x-www-form-urlencoded");
    let json = content_type.starts_with("application/json") || content_type.contains("+json");
    // Too large to be accepted anyway: the route's extractor says so.
    if !(form || json) || declared_over(req.headers(), super::MAX_BODY) {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, super::MAX_BODY).await {
        Ok(b) => b,
        Err(_) => return too_large(surface),
    };
    let has_nul = if form {
        bytes.contains(&0) || url::form_urlencoded::parse(&bytes).any(|(k, v)| k.contains('\0') || v.contains('\0'))
    } else {
        serde_json::from_slice::<serde_json::Value>(&bytes).is_ok_and(|v| json_has_nul(&v))
    };
    if has_nul {
        return refusal(surface, "body");
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_nuls_are_found() {
        assert!(escapes_nul("/circles/a%00b"));
        assert!(escapes_nul("q=%%00"));
        assert!(!escapes_nul("/circles/a%2500"));
        assert!(!escapes_nul("q=100%25"));
        assert!(json_has_nul(&serde_json::json!({"a": ["x", {"b": "c\u{0}"}]})));
        assert!(!json_has_nul(&serde_json::json!({"a": ["x", {"b": "c"}]})));
    }
}
