//! Knowledge over the API: the organisation's FAQ (read by everyone who
//! stands at it, kept by its keepers), the quiz's counts, and a location's
//! placemat.

use super::logbook::{Created, CreatedDto};
use super::{Api, Body, Query, id};
use crate::http::errors::{ApiResult, ErrorBody};
use crate::service::knowledge as service;
use axum::Json;
use axum::extract::Path;
use axum::http::StatusCode;
use samenspel_core::ids::{LocationId, OrganisationId};
use samenspel_core::knowledge::faq::{EntryInput, Topic};
use samenspel_core::knowledge::placemat::ItemInput;
use samenspel_core::monitor::Shown;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct FaqEntryDto {
    pub id: String,
    /// family, legal, practice or other.
    pub topic: String,
    pub question: String,
    pub answer: String,
    /// Still the starter set's text.
    pub starter: bool,
    pub version: i64,
    /// RFC 3339.
    pub updated_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct FaqDto {
    pub organisation: String,
    pub total: usize,
    pub entries: Vec<FaqEntryDto>,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FaqQuery {
    /// Words that must all appear in the question or answer.
    pub q: Option<String>,
    /// family, legal, practice or other.
    pub topic: Option<String>,
}

#[utoipa::path(get, path = "/organisations/{organisation_id}/faq", tag = "knowledge", operation_id = "knowledge_faq",
    params(("organisation_id" = String, Path), FaqQuery),
    responses((status = 200, body = FaqDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn faq(api: Api, Path(org): Path<String>, Query(q): Query<FaqQuery>) -> ApiResult<Json<FaqDto>> {
    let org = id(&org, OrganisationId::parse)?;
    let topic = q.topic.as_deref().and_then(Topic::parse);
    let view = service::faq(&api.ctx(), &org, q.q.as_deref().unwrap_or(""), topic).await?;
    Ok(Json(FaqDto {
        organisation: view.organisation,
        total: view.total,
        entries: view
            .entries
            .into_iter()
            .map(|e| FaqEntryDto {
                id: e.id,
                topic: e.topic.as_str().into(),
                question: e.question,
                answer: e.answer,
                starter: e.starter,
                version: e.version,
                updated_at: e.updated_at.to_string(),
            })
            .collect(),
    }))
}

#[utoipa::path(post, path = "/organisations/{organisation_id}/faq", tag = "knowledge", operation_id = "knowledge_faq_add",
    params(("organisation_id" = String, Path)), request_body = EntryInput,
    responses((status = 201, body = CreatedDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn add(api: Api, Path(org): Path<String>, Body(input): Body<EntryInput>) -> ApiResult<Created> {
    let org = id(&org, OrganisationId::parse)?;
    Ok(Created(service::add(&api.ctx(), &org, &input).await?))
}

#[derive(Serialize, ToSchema)]
pub struct QuizResultsDto {
    /// Rounds taken; none below five (too few to show).
    pub rounds: Option<i64>,
    /// Per question: the percentage that chose the best answer, none below five rounds.
    pub questions: Vec<(String, Option<i64>)>,
}

fn exact(s: Shown) -> Option<i64> {
    match s {
        Shown::Exact(n) => Some(n),
        _ => None,
    }
}

#[utoipa::path(get, path = "/organisations/{organisation_id}/quiz/results", tag = "knowledge",
    operation_id = "knowledge_quiz_results", params(("organisation_id" = String, Path)),
    responses((status = 200, body = QuizResultsDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn quiz_results(api: Api, Path(org): Path<String>) -> ApiResult<Json<QuizResultsDto>> {
    let org = id(&org, OrganisationId::parse)?;
    let r = service::quiz_results(&api.ctx(), &org).await?;
    Ok(Json(QuizResultsDto {
        rounds: exact(r.rounds),
        questions: r.questions.into_iter().map(|q| (q.question.to_owned(), exact(q.right))).collect(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct PlacematDto {
    pub location: String,
    pub items: Vec<String>,
}

#[utoipa::path(get, path = "/locations/{location_id}/placemat", tag = "knowledge", operation_id = "knowledge_placemat",
    params(("location_id" = String, Path)),
    responses((status = 200, body = PlacematDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn placemat(api: Api, Path(location): Path<String>) -> ApiResult<Json<PlacematDto>> {
    let location = id(&location, LocationId::parse)?;
    let view = service::placemat(&api.ctx(), &location).await?;
    Ok(Json(PlacematDto { location: view.location, items: view.items.into_iter().map(|i| i.text).collect() }))
}

/// Changes an entry: a new version; the earlier ones are kept.
#[utoipa::path(put, path = "/organisations/{organisation_id}/faq/{entry_id}", tag = "knowledge",
    operation_id = "knowledge_faq_change", params(("organisation_id" = String, Path), ("entry_id" = String, Path)),
    request_body = EntryInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn change(
    api: Api,
    Path((org, entry)): Path<(String, String)>,
    Body(input): Body<EntryInput>,
) -> ApiResult<StatusCode> {
    let org = id(&org, OrganisationId::parse)?;
    service::change(&api.ctx(), &org, &entry, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(delete, path = "/organisations/{organisation_id}/faq/{entry_id}", tag = "knowledge",
    operation_id = "knowledge_faq_remove", params(("organisation_id" = String, Path), ("entry_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn remove(api: Api, Path((org, entry)): Path<(String, String)>) -> ApiResult<StatusCode> {
    let org = id(&org, OrganisationId::parse)?;
    service::remove(&api.ctx(), &org, &entry).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Adds a line to the location's placemat.
#[utoipa::path(post, path = "/locations/{location_id}/placemat", tag = "knowledge", operation_id = "knowledge_placemat_add",
    params(("location_id" = String, Path)), request_body = ItemInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_placemat_item(
    api: Api,
    Path(location): Path<String>,
    Body(input): Body<ItemInput>,
) -> ApiResult<StatusCode> {
    let location = id(&location, LocationId::parse)?;
    service::add_placemat_item(&api.ctx(), &location, &input).await?;
    Ok(StatusCode::NO_CONTENT)
}
