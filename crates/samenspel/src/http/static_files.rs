//! Static files, compiled into the binary and served under content-hashed
//! names so browsers may cache them for a year; and the installable app's
//! two files that need fixed names: the web app manifest and the service
//! worker (whose scope is the directory it is served from, so `/sw.js`).

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
    Asset {
        name: "push.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../../static/push.js"),
    },
    Asset {
        name: "passkey.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../../static/passkey.js"),
    },
    // Made from icon.svg by scripts/make-icons.py.
    Asset { name: "icon-192.png", content_type: "image/png", body: include_bytes!("../../static/icons/icon-192.png") },
    Asset { name: "icon-512.png", content_type: "image/png", body: include_bytes!("../../static/icons/icon-512.png") },
    Asset {
        name: "icon-maskable-512.png",
        content_type: "image/png",
        body: include_bytes!("../../static/icons/icon-maskable-512.png"),
    },
    Asset {
        name: "apple-touch-icon.png",
        content_type: "image/png",
        body: include_bytes!("../../static/icons/apple-touch-icon.png"),
    },
];

/// The theme colour of the app's bar and splash screen: `--green` and
/// `--paper` in app.css.
pub const THEME_COLOUR: &str = "#1f6b57";
const BACKGROUND_COLOUR: &str = "#fbfaf7";

/// The web app manifest: Dutch name, opens on the list of circles.
static MANIFEST: LazyLock<String> = LazyLock::new(|| {
    let icon = |name: &str, size: &str, purpose: &str| serde_json::json!({"src": url(name), "sizes": size, "type": "image/png", "purpose": purpose});
    serde_json::json!({
        "name": "Samenspel",
        "short_name": "Samenspel",
        "description": "Samen zorgen voor iemand: de kring, het logboek en de agenda.",
        "lang": "nl",
        "dir": "ltr",
        "id": "/circles",
        "start_url": "/circles",
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            icon("icon-192.png", "192x192", "any"),
            icon("icon-512.png", "512x512", "any"),
            icon("icon-maskable-512.png", "512x512", "maskable"),
        ],
    })
    .to_string()
});

/// The service worker with its build facts in front: the version (so a
/// new release installs a new worker and drops the old static cache) and
/// the hashed static files it keeps.
static SERVICE_WORKER: LazyLock<String> = LazyLock::new(|| {
    let assets: Vec<String> = HASHED.iter().map(|(h, _)| format!("/static/{h}")).collect();
    let mut all = Sha256::new();
    for a in &assets {
        all.update(a.as_bytes());
    }
    all.update(include_bytes!("../../static/sw.js"));
    let build = serde_json::json!({"version": hex::encode(&all.finalize()[..6]), "assets": assets});
    format!("const BUILD = {build};\n{}", include_str!("../../static/sw.js"))
});

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
    Router::new()
        .route("/static/{file}", get(serve))
        .route("/manifest.webmanifest", get(manifest))
        .route("/sw.js", get(service_worker))
}

async fn manifest() -> Response {
    (
        [(header::CONTENT_TYPE, "application/manifest+json"), (header::CACHE_CONTROL, "public, max-age=3600")],
        MANIFEST.as_str(),
    )
        .into_response()
}

/// Browsers check for a new worker on every navigation when the answer may
/// not be cached; `no-cache` lets them revalidate instead of download.
async fn service_worker() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")],
        SERVICE_WORKER.as_str(),
    )
        .into_response()
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
