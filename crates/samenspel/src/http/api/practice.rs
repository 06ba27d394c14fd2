//! Practice examples over the API: the organisation's examples (found by
//! words and topic) and sharing one. For its staff and its locations' staff.

use super::logbook::{Created, CreatedDto};
use super::{Api, Body, Query, id};
use crate::http::errors::{ApiResult, ErrorBody};
use crate::service::practice as service;
use axum::Json;
use axum::extract::Path;
use samenspel_core::ids::OrganisationId;
use samenspel_core::practice::ExampleInput;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExamplesQuery {
    /// Words that must all appear (title, text or topics).
    pub q: Option<String>,
    /// Only examples with this topic.
    pub topic: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ExampleDto {
    pub id: String,
    pub title: String,
    pub body: String,
    pub topics: Vec<String>,
    /// The writer's name; none once their account is gone.
    pub author: Option<String>,
    /// RFC 3339.
    pub updated_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct ExamplesDto {
    pub organisation: String,
    pub total: usize,
    /// Every topic in use.
    pub topics: Vec<String>,
    pub examples: Vec<ExampleDto>,
}

#[utoipa::path(get, path = "/organisations/{organisation_id}/practice", tag = "practice",
    params(("organisation_id" = String, Path), ExamplesQuery),
    responses((status = 200, body = ExamplesDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list(api: Api, Path(org): Path<String>, Query(q): Query<ExamplesQuery>) -> ApiResult<Json<ExamplesDto>> {
    let org = id(&org, OrganisationId::parse)?;
    let view = service::list(&api.ctx(), &org, q.q.as_deref().unwrap_or(""), q.topic.as_deref().unwrap_or("")).await?;
    Ok(Json(ExamplesDto {
        organisation: view.organisation,
        total: view.total,
        topics: view.topics,
        examples: view
            .examples
            .into_iter()
            .map(|e| ExampleDto {
                id: e.id,
                title: e.title,
                body: e.body,
                topics: e.topics,
                author: e.author_name,
                updated_at: e.updated_at.to_string(),
            })
            .collect(),
    }))
}

#[utoipa::path(post, path = "/organisations/{organisation_id}/practice", tag = "practice",
    params(("organisation_id" = String, Path)), request_body = ExampleInput,
    responses((status = 201, body = CreatedDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn add(api: Api, Path(org): Path<String>, Body(input): Body<ExampleInput>) -> ApiResult<Created> {
    let org = id(&org, OrganisationId::parse)?;
    Ok(Created(service::add(&api.ctx(), &org, &input).await?))
}
