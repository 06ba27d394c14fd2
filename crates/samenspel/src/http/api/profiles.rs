//! Collaboration profiles and SOFA roles over the API.

use super::{Body, id};
use crate::http::api::{CircleApi, Object};
use crate::http::errors::ApiResult;
use crate::http::errors::ErrorBody;
use crate::service::profiles;
use axum::Json;
use axum::http::StatusCode;
use samenspel_core::ids::MemberId;
use samenspel_core::profile::{Perspective, Profile, ProfileInput};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

fn names(ps: &[Perspective]) -> Vec<String> {
    ps.iter().map(|p| p.as_str().to_string()).collect()
}

/// My own collaboration profile.
#[derive(Serialize, ToSchema)]
pub struct MyProfileDto {
    pub filled_in: bool,
    /// One perspective per question (verbinder, kenner, luisteraar, rebel, prater).
    pub answers: Vec<String>,
    /// The perspectives that fit best (more than one on a tie).
    pub best: Vec<String>,
    /// Whether the other members see it.
    pub shared: bool,
}

impl From<Option<Profile>> for MyProfileDto {
    fn from(p: Option<Profile>) -> Self {
        match p {
            Some(p) => {
                MyProfileDto { filled_in: true, answers: names(&p.answers), best: names(&p.best), shared: p.shared }
            }
            None => MyProfileDto { filled_in: false, answers: Vec::new(), best: Vec::new(), shared: false },
        }
    }
}

/// My collaboration profile in this circle. A conversation aid, not a validated test.
#[utoipa::path(get, path = "/circles/{circle_id}/profile", tag = "profiles", params(("circle_id" = String, Path)),
    responses((status = 200, body = MyProfileDto), (status = 404, body = ErrorBody)))]
pub async fn mine(c: CircleApi) -> ApiResult<Json<MyProfileDto>> {
    Ok(Json(profiles::mine(&c.ctx(), &c.circle).await?.data.into()))
}

/// Answers the six questions (again); returns the result.
#[utoipa::path(put, path = "/circles/{circle_id}/profile", tag = "profiles", params(("circle_id" = String, Path)),
    request_body = ProfileInput,
    responses((status = 200, body = MyProfileDto), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn save(c: CircleApi, Body(body): Body<ProfileInput>) -> ApiResult<Json<MyProfileDto>> {
    Ok(Json(Some(profiles::save(&c.ctx(), &c.circle, &body).await?).into()))
}

#[derive(Deserialize, ToSchema)]
pub struct ShareInput {
    pub shared: bool,
}

/// Shows my result to the circle, or stops showing it.
#[utoipa::path(patch, path = "/circles/{circle_id}/profile", tag = "profiles", params(("circle_id" = String, Path)),
    request_body = ShareInput,
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn share(c: CircleApi, Body(body): Body<ShareInput>) -> ApiResult<StatusCode> {
    profiles::share(&c.ctx(), &c.circle, body.shared).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes my answers and result.
#[utoipa::path(delete, path = "/circles/{circle_id}/profile", tag = "profiles", params(("circle_id" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn remove(c: CircleApi) -> ApiResult<StatusCode> {
    profiles::remove(&c.ctx(), &c.circle).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct MemberProfileDto {
    pub member_id: String,
    pub best: Vec<String>,
    /// False only for my own, unshared profile.
    pub shared: bool,
}

#[derive(Serialize, ToSchema)]
pub struct CarerRolesDto {
    pub member_id: String,
    /// samenwerken, ondersteunen, faciliteren (always), afstemmen
    pub roles: Vec<String>,
    pub set_by: String,
    pub set_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct CollaborationDto {
    /// Shared profiles, and my own.
    pub profiles: Vec<MemberProfileDto>,
    /// SOFA roles of family carers.
    pub carer_roles: Vec<CarerRolesDto>,
}

/// How members stand in the collaboration: shared perspectives and carers' SOFA roles.
#[utoipa::path(get, path = "/circles/{circle_id}/profiles", tag = "profiles", params(("circle_id" = String, Path)),
    responses((status = 200, body = CollaborationDto), (status = 404, body = ErrorBody)))]
pub async fn circle_view(c: CircleApi) -> ApiResult<Json<CollaborationDto>> {
    let (profiles, roles) = profiles::circle_view(&c.ctx(), &c.circle).await?;
    Ok(Json(CollaborationDto {
        profiles: profiles
            .into_iter()
            .map(|p| MemberProfileDto { member_id: p.member_id.to_string(), best: names(&p.best), shared: p.shared })
            .collect(),
        carer_roles: roles
            .into_iter()
            .map(|r| CarerRolesDto {
                member_id: r.member_id.to_string(),
                roles: r.roles.iter().map(|x| x.as_str().to_string()).collect(),
                set_by: r.set_by,
                set_at: r.set_at.to_string(),
            })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct RolesDto {
    /// samenwerken, ondersteunen, afstemmen (or S, O, A); faciliteren is always there.
    pub roles: Vec<String>,
}

/// Marks which SOFA roles apply now to a family carer (the carer, or a professional).
#[utoipa::path(put, path = "/circles/{circle_id}/members/{member_id}/carer-roles", tag = "profiles",
    params(("circle_id" = String, Path), ("member_id" = String, Path)),
    request_body = RolesDto,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_carer_roles(
    c: CircleApi,
    Object(member_id): Object,
    Body(body): Body<RolesDto>,
) -> ApiResult<StatusCode> {
    let member = id(&member_id, MemberId::parse)?;
    profiles::set_carer_roles(&c.ctx(), &c.circle, &member, &body.roles).await?;
    Ok(StatusCode::NO_CONTENT)
}
