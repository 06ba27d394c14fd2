//! Agreements over the API: who does what.

use super::Body;
use super::logbook::{Created, CreatedDto};
use crate::http::api::{CircleApi, Object};
use crate::http::errors::ApiResult;
use crate::http::errors::ErrorBody;
use crate::service::agreements;
use axum::Json;
use axum::http::StatusCode;
use samenspel_core::agreement::{Agreement, AgreementInput, Party, shares};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A member of the circle, or somebody named.
#[derive(Serialize, ToSchema)]
pub struct PartyDto {
    /// Set when this is a member of the circle.
    pub member_id: Option<String>,
    pub name: String,
}

fn party(p: &Party) -> Option<PartyDto> {
    match p {
        Party::Nobody => None,
        Party::Member { id, name } => Some(PartyDto { member_id: Some(id.to_string()), name: name.clone() }),
        Party::Named(name) => Some(PartyDto { member_id: None, name: name.clone() }),
    }
}

#[derive(Serialize, ToSchema)]
pub struct AgreementDto {
    pub id: String,
    /// personal_care, household, meals, medication, finances, company, mobility, appointments, other
    pub domain: String,
    /// The Schijf van Vijf: 1 the client, 2 aids, 3 family and carers, 4 network and other services, 5 professional.
    pub step: i64,
    pub description: String,
    pub doer: Option<PartyDto>,
    pub backup: Option<PartyDto>,
    pub frequency: String,
    /// YYYY-MM-DD
    pub since: Option<String>,
    /// Who has the say ("regie").
    pub lead: Option<PartyDto>,
    /// YYYY-MM-DD
    pub review_on: Option<String>,
    /// Marked by a change in the situation; cleared when the agreement is changed.
    pub needs_review: bool,
    /// The member who made it.
    pub owner_member_id: String,
    /// Whether I may change or end it.
    pub may_change: bool,
}

#[derive(Serialize, ToSchema)]
pub struct StepShareDto {
    pub step: i64,
    pub count: usize,
    /// Whole percent; the shares add up to 100 when there are agreements.
    pub percent: u32,
}

#[derive(Serialize, ToSchema)]
pub struct AgreementsDto {
    pub may_write: bool,
    /// May family carers and volunteers change agreements professionals made?
    pub informal_edits_professional: bool,
    pub shares: Vec<StepShareDto>,
    /// By domain (in the order above), then step.
    pub agreements: Vec<AgreementDto>,
}

#[derive(Deserialize, Serialize, ToSchema)]
pub struct PolicyDto {
    pub informal_edits_professional: bool,
}

fn dto(a: &Agreement, may_change: bool) -> AgreementDto {
    AgreementDto {
        id: a.id.clone(),
        domain: a.domain.as_str().into(),
        step: a.step.number(),
        description: a.description.clone(),
        doer: party(&a.doer),
        backup: party(&a.backup),
        frequency: a.frequency.clone(),
        since: a.since.map(|d| d.to_string()),
        lead: party(&a.lead),
        review_on: a.review_on.map(|d| d.to_string()),
        needs_review: a.needs_review,
        owner_member_id: a.owner.to_string(),
        may_change,
    }
}

/// Who does what: every agreement in the circle, and the share of each step.
#[utoipa::path(get, path = "/circles/{circle_id}/agreements", tag = "agreements", params(("circle_id" = String, Path)),
    responses((status = 200, body = AgreementsDto), (status = 404, body = ErrorBody)))]
pub async fn list(c: CircleApi) -> ApiResult<Json<AgreementsDto>> {
    let page = agreements::list(&c.ctx(), &c.circle).await?;
    let data = &page.data;
    Ok(Json(AgreementsDto {
        may_write: data.may_write,
        informal_edits_professional: data.informal_edits_professional,
        shares: shares(&data.list)
            .into_iter()
            .map(|(s, count, percent)| StepShareDto { step: s.number(), count, percent })
            .collect(),
        agreements: data.list.iter().map(|a| dto(a, data.may_change(a, &page.place))).collect(),
    }))
}

/// Makes an agreement.
#[utoipa::path(post, path = "/circles/{circle_id}/agreements", tag = "agreements", params(("circle_id" = String, Path)),
    request_body = AgreementInput,
    responses((status = 201, body = CreatedDto), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add(c: CircleApi, Body(body): Body<AgreementInput>) -> ApiResult<Created> {
    let id = agreements::add(&c.ctx(), &c.circle, &body).await?;
    Ok(Created(id))
}

/// Changes an agreement (all fields); this also counts as reviewing it.
#[utoipa::path(put, path = "/circles/{circle_id}/agreements/{agreement_id}", tag = "agreements", params(("circle_id" = String, Path), ("agreement_id" = String, Path)),
    request_body = AgreementInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn change(
    c: CircleApi,
    Object(agreement_id): Object,
    Body(body): Body<AgreementInput>,
) -> ApiResult<StatusCode> {
    agreements::change(&c.ctx(), &c.circle, &agreement_id, &body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Ends an agreement.
#[utoipa::path(delete, path = "/circles/{circle_id}/agreements/{agreement_id}", tag = "agreements", params(("circle_id" = String, Path), ("agreement_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn end(c: CircleApi, Object(agreement_id): Object) -> ApiResult<StatusCode> {
    agreements::end(&c.ctx(), &c.circle, &agreement_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Whether family carers and volunteers may change agreements professionals made (managers).
#[utoipa::path(put, path = "/circles/{circle_id}/agreement-settings", tag = "agreements", params(("circle_id" = String, Path)),
    request_body = PolicyDto,
    responses((status = 200, body = PolicyDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn set_policy(c: CircleApi, Body(body): Body<PolicyDto>) -> ApiResult<Json<PolicyDto>> {
    agreements::set_policy(&c.ctx(), &c.circle, body.informal_edits_professional).await?;
    Ok(Json(body))
}

#[derive(Serialize, ToSchema)]
pub struct ChangeDto {
    pub id: String,
    /// moved_to_care_home, moved_home, professional_changed, carer_availability, more_care, less_care, other
    pub kind: String,
    pub description: String,
    /// YYYY-MM-DD
    pub occurred_on: String,
    /// YYYY-MM-DD: talk about the agreements before this day.
    pub review_by: String,
    pub recorded_by: String,
    /// How many agreements it marked for review.
    pub agreements: i64,
}

/// Changes in the situation whose review conversation is still to come, newest first.
#[utoipa::path(get, path = "/circles/{circle_id}/changes", tag = "agreements", params(("circle_id" = String, Path)),
    responses((status = 200, body = Vec<ChangeDto>), (status = 404, body = ErrorBody)))]
pub async fn changes(c: CircleApi) -> ApiResult<Json<Vec<ChangeDto>>> {
    let list = crate::service::changes::open(&c.ctx(), &c.circle).await?;
    Ok(Json(
        list.into_iter()
            .map(|c| ChangeDto {
                id: c.id,
                kind: c.kind.as_str().into(),
                description: c.description,
                occurred_on: c.occurred_on.to_string(),
                review_by: c.review_by.to_string(),
                recorded_by: c.recorded_by,
                agreements: c.agreements,
            })
            .collect(),
    ))
}

/// Passes on a change: the agreements it touches (`agreement_ids`, or the
/// usual ones for its kind) are marked for review and those involved get an e-mail.
#[utoipa::path(post, path = "/circles/{circle_id}/changes", tag = "agreements", params(("circle_id" = String, Path)),
    request_body = samenspel_core::change::ChangeInput,
    responses((status = 201, body = CreatedDto), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record_change(c: CircleApi, Body(body): Body<samenspel_core::change::ChangeInput>) -> ApiResult<Created> {
    let id = crate::service::changes::record(&c.ctx(), &c.circle, &body).await?;
    Ok(Created(id))
}

/// The review conversation took place: the change is dealt with.
#[utoipa::path(post, path = "/circles/{circle_id}/changes/{change_id}/close", tag = "agreements", params(("circle_id" = String, Path), ("change_id" = String, Path)),
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn close_change(c: CircleApi, Object(change_id): Object) -> ApiResult<StatusCode> {
    crate::service::changes::close(&c.ctx(), &c.circle, &change_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
