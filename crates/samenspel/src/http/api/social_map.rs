//! The social map over the API: the organisation's local initiatives,
//! searched and filtered, and adding one (its coordinators and its
//! locations' coaches).

use super::logbook::{Created, CreatedDto};
use super::{Api, Body, Query, id};
use crate::http::errors::{ApiResult, ErrorBody};
use crate::service::social_map as service;
use axum::Json;
use axum::extract::Path;
use samenspel_core::ids::OrganisationId;
use samenspel_core::social_map::{Initiative, InitiativeInput};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MapQuery {
    /// Words that must all appear (in the name, description, topics, address or location).
    pub q: Option<String>,
    /// Only this kind: meeting, exercise, culture, learning, support, practical, transport, meaning, other.
    pub category: Option<String>,
}

/// One initiative.
#[derive(Serialize, ToSchema)]
pub struct InitiativeDto {
    pub id: String,
    pub name: String,
    pub category: String,
    /// The location it is near; none for the whole area.
    pub location_id: Option<String>,
    pub location_name: Option<String>,
    pub description: String,
    pub address: String,
    pub opening_hours: String,
    pub contact: String,
    pub website: String,
    pub topics: Vec<String>,
}

impl From<Initiative> for InitiativeDto {
    fn from(i: Initiative) -> Self {
        InitiativeDto {
            id: i.id,
            name: i.name,
            category: i.category.as_str().into(),
            location_id: i.location_id.map(|l| l.to_string()),
            location_name: i.location_name,
            description: i.description,
            address: i.address,
            opening_hours: i.opening_hours,
            contact: i.contact,
            website: i.website,
            topics: i.topics,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SocialMapDto {
    pub organisation: String,
    /// How many initiatives there are without the search.
    pub total: usize,
    pub may_edit: bool,
    pub initiatives: Vec<InitiativeDto>,
}

#[utoipa::path(get, path = "/organisations/{organisation_id}/social-map", tag = "social-map",
    params(("organisation_id" = String, Path), MapQuery),
    responses((status = 200, body = SocialMapDto), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn list(api: Api, Path(org): Path<String>, Query(q): Query<MapQuery>) -> ApiResult<Json<SocialMapDto>> {
    let org = id(&org, OrganisationId::parse)?;
    let category = service::category(q.category.as_deref().unwrap_or(""))?;
    let view = service::list(&api.ctx(), &org, q.q.as_deref().unwrap_or(""), category).await?;
    Ok(Json(SocialMapDto {
        organisation: view.organisation,
        total: view.total,
        may_edit: view.may_edit,
        initiatives: view.initiatives.into_iter().map(Into::into).collect(),
    }))
}

#[utoipa::path(post, path = "/organisations/{organisation_id}/social-map", tag = "social-map",
    params(("organisation_id" = String, Path)), request_body = InitiativeInput,
    responses((status = 201, body = CreatedDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn add(api: Api, Path(org): Path<String>, Body(input): Body<InitiativeInput>) -> ApiResult<Created> {
    let org = id(&org, OrganisationId::parse)?;
    Ok(Created(service::add(&api.ctx(), &org, &input).await?))
}
