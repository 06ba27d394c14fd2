//! Fingerprints of API requests that carry an `Idempotency-Key`: SHA-256 of
//! the method, the path and the body. The store keeps it beside the key, so
//! the same key sent again with another request answers 422 instead of the
//! first result (IETF draft httpapi-idempotency-key-header). Computed after
//! the gate, for JSON and form bodies (the create requests that take a key).

use super::uploads::{Surface, declared_over, too_large};
use axum::body::Body;
use axum::extract::Request;
use axum::http::header;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use samenspel_store::idempotency::IdempotencyKey;
use sha2::{Digest, Sha256};

/// The fingerprint of this request, left for the `Idempotency` extractor.
#[derive(Clone, Debug)]
pub struct Fingerprint(pub String);

/// The fingerprint of a request with this method, path and body (hex).
pub fn of(method: &str, path: &str, body: &[u8]) -> String {
    let mut h = Sha256::new();
    for part in [method.as_bytes(), path.as_bytes()] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part);
    }
    h.update(body);
    hex::encode(h.finalize())
}

/// Computes the fingerprint of a request with an `Idempotency-Key`.
pub async fn fingerprint(req: Request, next: Next) -> Response {
    if !req.headers().contains_key("idempotency-key") {
        return next.run(req).await;
    }
    let content_type = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let text = content_type.is_empty()
        || content_type.starts_with("application/json")
        || content_type.starts_with("application/x-www-form-urlencoded");
    // Files are not fingerprinted; bodies too large for any route are refused by their extractor.
    if !text || declared_over(req.headers(), super::MAX_BODY) {
        return next.run(req).await;
    }
    let (mut parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, super::MAX_BODY).await else {
        return too_large(Surface::Api);
    };
    parts.extensions.insert(Fingerprint(of(parts.method.as_str(), parts.uri.path(), &bytes)));
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

/// `key` with the request's fingerprint, when one was computed.
pub fn fingerprinted(key: IdempotencyKey, parts: &Parts) -> IdempotencyKey {
    match parts.extensions.get::<Fingerprint>() {
        Some(f) => key.with_fingerprint(f.0.clone()),
        None => key,
    }
}

#[cfg(test)]
mod tests {
    use super::of;

    #[test]
    fn every_part_counts() {
        let a = of("POST", "/circles", b"{}");
        assert_eq!(a, of("POST", "/circles", b"{}"));
        assert_ne!(a, of("PUT", "/circles", b"{}"));
        assert_ne!(a, of("POST", "/circles/x", b"{}"));
        assert_ne!(a, of("POST", "/circles", b"{ }"));
        assert_ne!(of("POST", "/a", b"b"), of("POST", "/ab", b""));
    }
}
