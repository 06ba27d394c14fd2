//! Layers that wrap every request: a request id (also in logs and error
//! pages), metrics, and the security headers.

use super::context::REQUEST_ID;
use crate::app::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use std::time::Instant;

/// Gives the request an id, runs it inside a span and the task-local
/// [`REQUEST_ID`], and returns the id in `x-request-id`.
pub async fn request_id(req: Request, next: Next) -> Response {
    let id = uuid::Uuid::now_v7().simple().to_string();
    let method = req.method().clone();
    let path = loggable_path(req.uri().path());
    let started = Instant::now();
    let span = tracing::info_span!("request", request_id = %id, %method, %path);
    let mut response = REQUEST_ID.scope(id.clone(), tracing::Instrument::instrument(next.run(req), span.clone())).await;
    let status = response.status().as_u16();
    span.in_scope(|| tracing::info!(status, millis = started.elapsed().as_millis() as u64, "answered"));
    if let Ok(v) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", v);
    }
    response
}

/// The path as it may appear in logs: the secret in sign-in and invitation
/// links is replaced, so logs never hold a usable link.
pub fn loggable_path(path: &str) -> String {
    for prefix in ["/sign-in/link/", "/invitations/", "/api/v1/invitations/"] {
        if let Some(rest) = path.strip_prefix(prefix) {
            let tail = rest.find('/').map(|i| &rest[i..]).unwrap_or("");
            return format!("{prefix}{{token}}{tail}");
        }
    }
    path.to_owned()
}

/// Counts requests and their latency per route template (never per concrete
/// path, which would leak ids into metrics).
pub async fn metrics(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let route =
        req.extensions().get::<MatchedPath>().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "(unmatched)".into());
    let method = req.method().to_string();
    let started = Instant::now();
    let response = next.run(req).await;
    let labels = crate::metrics::RequestLabels {
        method: method.clone(),
        route: route.clone(),
        status: response.status().as_u16(),
    };
    state.metrics.requests.get_or_create(&labels).inc();
    state
        .metrics
        .latency
        .get_or_create(&crate::metrics::RouteLabels { method, route })
        .observe(started.elapsed().as_secs_f64());
    response
}

/// Runs the request with its reads in one snapshot of the database (see
/// `Store::one_snapshot`).
pub async fn one_snapshot(State(state): State<AppState>, req: Request, next: Next) -> Response {
    state.store.one_snapshot(next.run(req)).await
}

/// No inline scripts or styles, no framing, no referrer (links carry
/// one-time tokens), no sniffing; HSTS when served over HTTPS.
pub async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    h.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    if state.config.secure_cookies() {
        h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn secrets_stay_out_of_logs() {
        for (given, wanted) in [
            ("/sign-in/link/abcDEF123", "/sign-in/link/{token}"),
            ("/invitations/abc/accept", "/invitations/{token}/accept"),
            ("/api/v1/invitations/abc", "/api/v1/invitations/{token}"),
            ("/circles/42", "/circles/42"),
        ] {
            assert_eq!(loggable_path(given), wanted, "{given:?}");
        }
    }
}
