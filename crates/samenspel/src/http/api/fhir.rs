//! The circle as a FHIR R4 Bundle over the API.

use crate::http::api::CircleApi;
use crate::http::errors::{ApiResult, ErrorBody};
use axum::http::header;
use axum::response::{IntoResponse, Response};

/// The circle as a FHIR R4 `Bundle` (type `collection`), holding only what
/// the caller may see: for the client, the representative, and professionals
/// and coordinators the client's consent allows. Content type
/// `application/fhir+json`.
#[utoipa::path(get, path = "/circles/{circle_id}/fhir", tag = "fhir", params(("circle_id" = String, Path)),
    responses((status = 200, description = "A FHIR R4 Bundle", content_type = "application/fhir+json", body = Object),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn bundle(c: CircleApi) -> ApiResult<Response> {
    let bundle = crate::service::fhir::export(&c.ctx(), &c.circle).await?;
    let body = serde_json::to_vec(&bundle).unwrap_or_default();
    // Exactly the documented media type (the download page adds `fhirVersion`).
    Ok(([(header::CONTENT_TYPE, "application/fhir+json")], body).into_response())
}
