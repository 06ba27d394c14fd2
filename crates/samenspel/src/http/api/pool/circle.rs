//! A circle's offers over the API: what can go to the pool, what went, who
//! answered and fits; putting something to the pool, asking a volunteer,
//! taking an offer back. For the circle's coordinator who keeps the pool.

use super::super::logbook::{Created, CreatedDto};
use super::super::{Body, CircleApi};
use super::{VolunteerDto, volunteer_dto};
use crate::http::errors::{ApiResult, ErrorBody};
use crate::service::pool::offers as service;
use axum::Json;
use axum::http::StatusCode;
use samenspel_core::pool::offers::OfferInput;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct ChoiceDto {
    /// What `source` takes: "help:ID" or "shift:ITEM:YYYY-MM-DD".
    pub source: String,
    pub title: String,
    /// Local date-times, YYYY-MM-DDTHH:MM:SS.
    pub starts: String,
    pub ends: String,
}

#[derive(Serialize, ToSchema)]
pub struct CandidateDto {
    pub volunteer: VolunteerDto,
    /// yes or no, when they answered.
    pub answer: Option<String>,
    pub available: bool,
    pub near: bool,
    pub matches: Vec<String>,
    /// May be asked: taking part, and a VOG in order where required.
    pub askable: bool,
}

#[derive(Serialize, ToSchema)]
pub struct OfferDto {
    pub id: String,
    pub source: String,
    pub first_name: String,
    pub area: String,
    pub what: String,
    pub starts: String,
    pub ends: String,
    pub until_on: Option<String>,
    /// open, asked, placed or closed.
    pub status: String,
    /// The volunteer asked or placed.
    pub asked: Option<String>,
    pub candidates: Vec<CandidateDto>,
}

#[derive(Serialize, ToSchema)]
pub struct CirclePoolDto {
    /// False when the circle belongs to no organisation: there is no pool.
    pub has_pool: bool,
    pub choices: Vec<ChoiceDto>,
    pub offers: Vec<OfferDto>,
}

#[utoipa::path(get, path = "/circles/{circle_id}/pool", tag = "pool", operation_id = "pool_circle_get", params(("circle_id" = String, Path)),
    responses((status = 200, body = CirclePoolDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get(c: CircleApi) -> ApiResult<Json<CirclePoolDto>> {
    let page = service::page(&c.ctx(), &c.circle).await?;
    let data = page.data;
    Ok(Json(CirclePoolDto {
        has_pool: data.organisation.is_some(),
        choices: data
            .choices
            .into_iter()
            .map(|ch| ChoiceDto {
                source: ch.key,
                title: ch.title,
                starts: ch.starts.to_string(),
                ends: ch.ends.to_string(),
            })
            .collect(),
        offers: data
            .offers
            .into_iter()
            .map(|o| OfferDto {
                id: o.offer.id,
                source: o.offer.source.key(),
                first_name: o.offer.first_name,
                area: o.offer.area,
                what: o.offer.what,
                starts: o.offer.starts.to_string(),
                ends: o.offer.ends.to_string(),
                until_on: o.offer.until_on.map(|d| d.to_string()),
                status: o.offer.status.as_str().into(),
                asked: o.offer.asked.map(|(_, name)| name),
                candidates: o
                    .candidates
                    .into_iter()
                    .map(|c| CandidateDto {
                        answer: c.answer.map(|a| a.as_str().into()),
                        available: c.fit.available,
                        near: c.fit.near,
                        matches: c.fit.matches,
                        askable: c.askable,
                        volunteer: volunteer_dto(c.listed),
                    })
                    .collect(),
            })
            .collect(),
    }))
}

#[utoipa::path(post, path = "/circles/{circle_id}/pool", tag = "pool", params(("circle_id" = String, Path)),
    request_body = OfferInput,
    responses((status = 201, body = CreatedDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put(c: CircleApi, Body(input): Body<OfferInput>) -> ApiResult<Created> {
    Ok(Created(service::put(&c.ctx(), &c.circle, &input).await?))
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(default)]
pub struct AskInput {
    pub offer: String,
    pub volunteer: String,
}

/// Asks one volunteer to take an open offer; they accept on their own side.
#[utoipa::path(post, path = "/circles/{circle_id}/pool/ask", tag = "pool", params(("circle_id" = String, Path)),
    request_body = AskInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn ask(c: CircleApi, Body(input): Body<AskInput>) -> ApiResult<StatusCode> {
    service::ask(&c.ctx(), &c.circle, &input.offer, &input.volunteer).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Takes an open (or asked) offer back from the pool.
#[utoipa::path(post, path = "/circles/{circle_id}/pool/close", tag = "pool", params(("circle_id" = String, Path)),
    request_body = AskInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn close(c: CircleApi, Body(input): Body<AskInput>) -> ApiResult<StatusCode> {
    service::close(&c.ctx(), &c.circle, &input.offer).await?;
    Ok(StatusCode::NO_CONTENT)
}
