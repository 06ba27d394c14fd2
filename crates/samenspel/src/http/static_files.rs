//! Static files, compiled into the binary and served under content-hashed
//! names so browsers may cache them for a year.

use crate::app::AppState;
use axum::Router;
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sha2::{Digest, Sha256};
use std::sync::LazyLock;

struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

const ASSETS: &[Asset] = &[
    Asset { name: "app.css", content_type: "text/css; charset=utf-8", body: include_bytes!("../../static/app.css") },
    Asset {
        name: "app.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../../static/app.js"),
    },
    Asset { name: "icon.svg", content_type: "image/svg+xml", body: include_bytes!("../../static/icon.svg") },
];

/// `app.css` → `app.3f9a…c1.css`
static HASHED: LazyLock<Vec<(String, &'static Asset)>> = LazyLock::new(|| {
    ASSETS
        .iter()
        .map(|a| {
            let hash = hex::encode(&Sha256::digest(a.body)[..6]);
            let (stem, ext) = a.name.rsplit_once('.').unwrap_or((a.name, ""));
            (format!("{stem}.{hash}.{ext}"), a)
        })
        .collect()
});

/// The URL of a static file, for templates.
pub fn url(name: &str) -> String {
    HASHED
        .iter()
        .find(|(_, a)| a.name == name)
        .map(|(h, _)| format!("/static/{h}"))
        .unwrap_or_else(|| format!("/static/{name}"))
}

pub fn router() -> Router<AppState> {
    Router::new().route("/static/{file}", get(serve))
}

async fn serve(Path(file): Path<String>) -> Response {
    match HASHED.iter().find(|(h, _)| *h == file) {
        Some((_, a)) => (
            [(header::CONTENT_TYPE, a.content_type), (header::CACHE_CONTROL, "public, max-age=31536000, immutable")],
            a.body,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
