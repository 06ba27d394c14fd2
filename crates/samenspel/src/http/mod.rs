//! The HTTP interface: server-rendered pages, the JSON API under `/api/v1`,
//! static files and the operations endpoints, behind one stack of layers.

pub mod api;
pub mod context;
pub mod csv;
pub mod errors;
pub(crate) mod gate;
pub mod idempotency;
mod middleware;
pub mod nul;
pub mod ops;
pub mod pages;
pub(crate) mod path_ids;
pub mod redirect;
pub mod routes;
pub mod static_files;
pub mod uploads;

use crate::app::AppState;
use axum::Router;
use axum::http::StatusCode;
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::Predicate as _;
use tower_http::timeout::TimeoutLayer;

/// Largest request body for forms and JSON. Routes that take photos set
/// their own limit ([`pages::UPLOAD_BODY`]).
pub const MAX_BODY: usize = 256 * 1024;

/// The whole application as one router.
pub fn router(state: AppState) -> Router {
    let (pages, _) = pages::router(state.clone());
    let api = api::router(&state);
    let mut csrf = tower_http::csrf::CsrfLayer::new();
    let origin = state.config.public_url.origin().ascii_serialization();
    match csrf.clone().add_trusted_origin(&origin) {
        Ok(layer) => csrf = layer,
        Err(e) => {
            tracing::warn!(%origin, error = ?e, "public_url is not usable as a trusted origin")
        }
    }
    Router::new()
        .merge(pages)
        // API answers hold personal data: no cache may keep them.
        .nest(
            "/api/v1",
            api.layer(tower_http::set_header::SetResponseHeaderLayer::overriding(
                axum::http::header::CACHE_CONTROL,
                axum::http::HeaderValue::from_static("no-store"),
            )),
        )
        .merge(ops::router())
        .merge(static_files::router())
        .with_state(state.clone())
        .layer(axum::middleware::from_fn_with_state(state.clone(), middleware::one_snapshot))
        .layer(csrf)
        .layer(axum::middleware::from_fn_with_state(state.clone(), middleware::security_headers))
        .layer(axum::middleware::from_fn_with_state(state.clone(), middleware::metrics))
        // A ZIP (the GDPR export) holds photos that are compressed already.
        .layer(
            CompressionLayer::new().compress_when(
                tower_http::compression::predicate::DefaultPredicate::new()
                    .and(tower_http::compression::predicate::NotForContentType::const_new("application/zip")),
            ),
        )
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY))
        // Long enough for a few photos over a slow phone connection.
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, Duration::from_secs(120)))
        .layer(CatchPanicLayer::new())
        .layer(axum::middleware::from_fn(middleware::request_id))
}
