//! The volunteer's own side of the pool over the API (a phone app's):
//! what reaches them, answering, accepting or declining, their availability
//! and their expense claims.

use super::super::logbook::{Created, CreatedDto};
use super::super::{Api, Body, id};
use super::claims::{ClaimDto, claim_dto};
use super::{RulesDto, rules_dto};
use crate::http::errors::{ApiResult, ErrorBody};
use crate::service::pool::{self as service, expenses, offers};
use axum::Json;
use axum::extract::Path;
use axum::http::StatusCode;
use samenspel_core::ids::OrganisationId;
use samenspel_core::pool::ProfileInput;
use samenspel_core::pool::expenses::ClaimInput;
use samenspel_core::pool::offers::Invitation;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct MyPoolDto {
    pub organisation_id: String,
    pub organisation: String,
    pub rules: RulesDto,
    /// valid, lapsing, lapsed or missing.
    pub vog: String,
    pub vog_until: Option<String>,
    pub slots: Vec<String>,
    pub area: Vec<String>,
    pub interests: Vec<String>,
    pub skills: Vec<String>,
    pub languages: Vec<String>,
    /// Open offers that fit me, and those I was asked for or placed in.
    pub invitations: Vec<Invitation>,
    pub claims: Vec<ClaimDto>,
}

#[derive(Serialize, ToSchema)]
pub struct MyPoolsDto {
    pub pools: Vec<MyPoolDto>,
}

#[utoipa::path(get, path = "/pool", tag = "pool", responses((status = 200, body = MyPoolsDto)))]
pub async fn mine(api: Api) -> ApiResult<Json<MyPoolsDto>> {
    let pools = service::mine(&api.ctx()).await?;
    Ok(Json(MyPoolsDto {
        pools: pools
            .into_iter()
            .map(|p| MyPoolDto {
                organisation_id: p.organisation_id.to_string(),
                organisation: p.organisation,
                rules: rules_dto(&p.rules),
                vog: p.vog.key().trim_start_matches("pool-vog-").to_owned(),
                vog_until: p.vog.until().map(|d| d.to_string()),
                slots: p.me.profile.availability.keys(),
                area: p.me.profile.area,
                interests: p.me.profile.interests,
                skills: p.me.profile.skills,
                languages: p.me.profile.languages,
                invitations: p.invitations,
                claims: p.claims.into_iter().map(claim_dto).collect(),
            })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct AnswerInput {
    pub offer: String,
    /// yes or no (for answering; accepting and declining take only the offer).
    pub answer: String,
}

#[utoipa::path(post, path = "/organisations/{organisation_id}/my-pool/answer", tag = "pool",
    params(("organisation_id" = String, Path)), request_body = AnswerInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn answer(api: Api, Path(org): Path<String>, Body(input): Body<AnswerInput>) -> ApiResult<StatusCode> {
    let org = id(&org, OrganisationId::parse)?;
    offers::answer(&api.ctx(), &org, &input.offer, &input.answer).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct PlacedDto {
    pub circle_id: String,
    pub member_id: String,
}

/// Accepts being asked: I become a volunteer in the circle.
#[utoipa::path(post, path = "/organisations/{organisation_id}/my-pool/accept", tag = "pool",
    params(("organisation_id" = String, Path)), request_body = AnswerInput,
    responses((status = 200, body = PlacedDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn accept(api: Api, Path(org): Path<String>, Body(input): Body<AnswerInput>) -> ApiResult<Json<PlacedDto>> {
    let org = id(&org, OrganisationId::parse)?;
    let (circle, member) = offers::accept(&api.ctx(), &org, &input.offer).await?;
    Ok(Json(PlacedDto { circle_id: circle.to_string(), member_id: member.to_string() }))
}

#[utoipa::path(post, path = "/organisations/{organisation_id}/my-pool/decline", tag = "pool",
    params(("organisation_id" = String, Path)), request_body = AnswerInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn decline(api: Api, Path(org): Path<String>, Body(input): Body<AnswerInput>) -> ApiResult<StatusCode> {
    let org = id(&org, OrganisationId::parse)?;
    offers::decline(&api.ctx(), &org, &input.offer).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(put, path = "/organisations/{organisation_id}/my-pool/profile", tag = "pool",
    params(("organisation_id" = String, Path)), request_body = ProfileInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn profile(api: Api, Path(org): Path<String>, Body(input): Body<ProfileInput>) -> ApiResult<StatusCode> {
    let org = id(&org, OrganisationId::parse)?;
    service::set_my_profile(&api.ctx(), &org, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/organisations/{organisation_id}/my-pool/claims", tag = "pool",
    params(("organisation_id" = String, Path)), request_body = ClaimInput,
    responses((status = 201, body = CreatedDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn claim(api: Api, Path(org): Path<String>, Body(input): Body<ClaimInput>) -> ApiResult<Created> {
    let org = id(&org, OrganisationId::parse)?;
    Ok(Created(expenses::submit(&api.ctx(), &org, &input).await?))
}
