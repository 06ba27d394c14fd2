//! The volunteer pool over the API, for rostering and volunteer-management
//! systems: the keepers' pool, a volunteer's record, the rules and the
//! expense claims ([`claims`]); a circle's offers ([`circle`]); and the
//! volunteer's own side ([`mine`]).

pub mod circle;
pub mod claims;
pub mod mine;

use super::logbook::{Created, CreatedDto};
use super::{Api, Body, Query, id};
use crate::http::errors::{ApiResult, ErrorBody};
use crate::service::pool::{self as service, Listed, Search};
use axum::Json;
use axum::extract::Path;
use axum::http::StatusCode;
use samenspel_core::ids::OrganisationId;
use samenspel_core::pool::vog::{Rules, RulesInput};
use samenspel_core::pool::{NewVolunteerInput, ProfileInput, RecordInput, TrainingInput};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct RulesDto {
    pub vog_required: bool,
    pub vog_months: i32,
    pub warn_days: i32,
    /// What a kilometre is paid, in cents.
    pub km_cents: i64,
}

pub(super) fn rules_dto(r: &Rules) -> RulesDto {
    RulesDto { vog_required: r.vog_required, vog_months: r.vog_months, warn_days: r.warn_days, km_cents: r.km_cents }
}

#[derive(Serialize, ToSchema)]
pub struct TrainingDto {
    pub title: String,
    /// YYYY-MM-DD.
    pub done_on: String,
}

#[derive(Serialize, ToSchema)]
pub struct VolunteerDto {
    pub id: String,
    pub name: String,
    pub email: String,
    /// Ticked slots: "mon-morning", "sat-evening".
    pub slots: Vec<String>,
    pub area: Vec<String>,
    pub interests: Vec<String>,
    pub skills: Vec<String>,
    pub languages: Vec<String>,
    /// YYYY-MM-DD, when there is a VOG.
    pub vog_issued_on: Option<String>,
    /// valid, lapsing, lapsed or missing.
    pub vog: String,
    /// The VOG's last valid day, YYYY-MM-DD.
    pub vog_until: Option<String>,
    pub insurance: String,
    pub active: bool,
    pub trainings: Vec<TrainingDto>,
}

pub(super) fn volunteer_dto(l: Listed) -> VolunteerDto {
    let v = l.volunteer;
    VolunteerDto {
        id: v.id,
        name: v.name,
        email: v.email,
        slots: v.profile.availability.keys(),
        area: v.profile.area,
        interests: v.profile.interests,
        skills: v.profile.skills,
        languages: v.profile.languages,
        vog_issued_on: v.vog_issued_on.map(|d| d.to_string()),
        vog: l.vog.key().trim_start_matches("pool-vog-").to_owned(),
        vog_until: l.vog.until().map(|d| d.to_string()),
        insurance: v.insurance,
        active: v.active,
        trainings: v
            .trainings
            .into_iter()
            .map(|t| TrainingDto { title: t.title, done_on: t.done_on.to_string() })
            .collect(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct PoolDto {
    pub organisation: String,
    pub rules: RulesDto,
    pub total: usize,
    /// VOGs that need attention (lapsing, lapsed, or missing while required).
    pub attention: usize,
    pub volunteers: Vec<VolunteerDto>,
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PoolQuery {
    /// Words, each in the name, area, interests, skills or languages.
    pub q: Option<String>,
    /// Free then: "wed-afternoon".
    pub slot: Option<String>,
    /// Any value: only those whose VOG needs attention.
    pub vog: Option<String>,
}

#[utoipa::path(get, path = "/organisations/{organisation_id}/pool", tag = "pool",
    params(("organisation_id" = String, Path), PoolQuery),
    responses((status = 200, body = PoolDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list(api: Api, Path(org): Path<String>, Query(q): Query<PoolQuery>) -> ApiResult<Json<PoolDto>> {
    let org = id(&org, OrganisationId::parse)?;
    let search =
        Search { q: q.q.unwrap_or_default(), slot: q.slot.unwrap_or_default(), vog: q.vog.unwrap_or_default() };
    let view = service::list(&api.ctx(), &org, &search).await?;
    Ok(Json(PoolDto {
        organisation: view.organisation,
        rules: rules_dto(&view.rules),
        total: view.total,
        attention: view.attention,
        volunteers: view.volunteers.into_iter().map(volunteer_dto).collect(),
    }))
}

/// Adds someone by name and e-mail (their account, or a new one); they get an e-mail.
#[utoipa::path(post, path = "/organisations/{organisation_id}/pool", tag = "pool",
    params(("organisation_id" = String, Path)), request_body = NewVolunteerInput,
    responses((status = 201, body = CreatedDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn add(api: Api, Path(org): Path<String>, Body(input): Body<NewVolunteerInput>) -> ApiResult<Created> {
    let org = id(&org, OrganisationId::parse)?;
    Ok(Created(service::add(&api.ctx(), &org, &input).await?))
}

#[utoipa::path(get, path = "/organisations/{organisation_id}/pool/{volunteer_id}", tag = "pool",
    params(("organisation_id" = String, Path), ("volunteer_id" = String, Path)),
    responses((status = 200, body = VolunteerDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get(api: Api, Path((org, volunteer)): Path<(String, String)>) -> ApiResult<Json<VolunteerDto>> {
    let org = id(&org, OrganisationId::parse)?;
    let (listed, _) = service::volunteer(&api.ctx(), &org, &volunteer).await?;
    Ok(Json(volunteer_dto(listed)))
}

#[utoipa::path(put, path = "/organisations/{organisation_id}/pool/{volunteer_id}/profile", tag = "pool",
    params(("organisation_id" = String, Path), ("volunteer_id" = String, Path)), request_body = ProfileInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_profile(
    api: Api,
    Path((org, volunteer)): Path<(String, String)>,
    Body(input): Body<ProfileInput>,
) -> ApiResult<StatusCode> {
    let org = id(&org, OrganisationId::parse)?;
    service::set_profile(&api.ctx(), &org, &volunteer, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The VOG's date of issue, insurance and taking part.
#[utoipa::path(put, path = "/organisations/{organisation_id}/pool/{volunteer_id}/record", tag = "pool",
    params(("organisation_id" = String, Path), ("volunteer_id" = String, Path)), request_body = RecordInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_record(
    api: Api,
    Path((org, volunteer)): Path<(String, String)>,
    Body(input): Body<RecordInput>,
) -> ApiResult<StatusCode> {
    let org = id(&org, OrganisationId::parse)?;
    service::set_record(&api.ctx(), &org, &volunteer, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/organisations/{organisation_id}/pool/{volunteer_id}/trainings", tag = "pool",
    params(("organisation_id" = String, Path), ("volunteer_id" = String, Path)), request_body = TrainingInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_training(
    api: Api,
    Path((org, volunteer)): Path<(String, String)>,
    Body(input): Body<TrainingInput>,
) -> ApiResult<StatusCode> {
    let org = id(&org, OrganisationId::parse)?;
    service::add_training(&api.ctx(), &org, &volunteer, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/organisations/{organisation_id}/pool-rules", tag = "pool",
    params(("organisation_id" = String, Path)),
    responses((status = 200, body = RulesDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn rules(api: Api, Path(org): Path<String>) -> ApiResult<Json<RulesDto>> {
    let org = id(&org, OrganisationId::parse)?;
    let (_, rules) = service::rules(&api.ctx(), &org).await?;
    Ok(Json(rules_dto(&rules)))
}

#[utoipa::path(put, path = "/organisations/{organisation_id}/pool-rules", tag = "pool",
    params(("organisation_id" = String, Path)), request_body = RulesInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_rules(api: Api, Path(org): Path<String>, Body(input): Body<RulesInput>) -> ApiResult<StatusCode> {
    let org = id(&org, OrganisationId::parse)?;
    service::set_rules(&api.ctx(), &org, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}
