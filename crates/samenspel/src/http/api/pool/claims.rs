//! Expense claims over the API: the keepers list and decide them.

use super::super::{Api, Body, Query, id};
use crate::http::errors::{ApiResult, ErrorBody};
use crate::service::pool::expenses as service;
use axum::Json;
use axum::extract::Path;
use axum::http::StatusCode;
use samenspel_core::ids::OrganisationId;
use samenspel_core::pool::expenses::Claim;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct ClaimDto {
    pub id: String,
    pub volunteer_id: String,
    pub volunteer: String,
    /// YYYY-MM-DD.
    pub on_date: String,
    pub km: i64,
    /// The kilometre rate when it was claimed, in cents.
    pub km_cents: i64,
    pub costs_cents: i64,
    pub total_cents: i64,
    pub description: String,
    /// submitted, approved or rejected.
    pub status: String,
    pub decided_by: Option<String>,
}

pub(super) fn claim_dto(c: Claim) -> ClaimDto {
    ClaimDto {
        total_cents: c.total_cents(),
        id: c.id,
        volunteer_id: c.volunteer_id,
        volunteer: c.volunteer_name,
        on_date: c.on_date.to_string(),
        km: c.km,
        km_cents: c.km_cents,
        costs_cents: c.costs_cents,
        description: c.description,
        status: c.status.as_str().into(),
        decided_by: c.decided_by_name,
    }
}

#[derive(Serialize, ToSchema)]
pub struct ClaimsDto {
    pub organisation: String,
    pub claims: Vec<ClaimDto>,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ClaimsQuery {
    /// submitted, approved or rejected; all when absent.
    pub status: Option<String>,
    /// A month, "2026-11"; all when absent.
    pub month: Option<String>,
}

#[utoipa::path(get, path = "/organisations/{organisation_id}/expenses", tag = "pool", operation_id = "pool_claims_list",
    params(("organisation_id" = String, Path), ClaimsQuery),
    responses((status = 200, body = ClaimsDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list(api: Api, Path(org): Path<String>, Query(q): Query<ClaimsQuery>) -> ApiResult<Json<ClaimsDto>> {
    let org = id(&org, OrganisationId::parse)?;
    let view =
        service::list(&api.ctx(), &org, q.status.as_deref().unwrap_or(""), q.month.as_deref().unwrap_or("")).await?;
    Ok(Json(ClaimsDto { organisation: view.organisation, claims: view.claims.into_iter().map(claim_dto).collect() }))
}

#[derive(Deserialize, ToSchema)]
pub struct DecisionInput {
    /// approve or reject.
    pub decision: String,
}

/// Approves or refuses a submitted claim (never one's own: 403).
#[utoipa::path(post, path = "/organisations/{organisation_id}/expenses/{claim_id}/decision", tag = "pool",
    params(("organisation_id" = String, Path), ("claim_id" = String, Path)), request_body = DecisionInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn decide(
    api: Api,
    Path((org, claim)): Path<(String, String)>,
    Body(input): Body<DecisionInput>,
) -> ApiResult<StatusCode> {
    let org = id(&org, OrganisationId::parse)?;
    service::decide(&api.ctx(), &org, &claim, &input.decision).await?;
    Ok(StatusCode::NO_CONTENT)
}
