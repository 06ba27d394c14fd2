//! The client's consent per kind of information over the API: read it (every
//! member may), and replace it (the client or the representative).

use super::Body;
use crate::http::api::CircleApi;
use crate::http::errors::{ApiResult, ErrorBody};
use crate::service::consent::{self, ConsentInput};
use axum::Json;
use samenspel_core::consent::{Category, DECIDED_ROLES};
use samenspel_store::consent::ConsentView;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// One kind of information and who may not see it.
#[derive(Serialize, ToSchema)]
pub struct CategoryDto {
    /// updates, moments, concerns, questions, thanks, agenda, about_client,
    /// agreements, network, conversations or carer_signals.
    pub category: String,
    /// The roles kept out (of relative, volunteer, professional,
    /// coordinator). The client and the representative always see everything.
    pub hidden_from: Vec<String>,
    /// Who last changed this category, if anyone did.
    pub decided_by: Option<String>,
    pub decided_at: Option<String>,
}

/// The circle's consent.
#[derive(Serialize, ToSchema)]
pub struct ConsentDto {
    pub categories: Vec<CategoryDto>,
    /// The roles the client decides about.
    pub roles: Vec<String>,
}

impl From<ConsentView> for ConsentDto {
    fn from(v: ConsentView) -> Self {
        ConsentDto {
            categories: Category::ALL
                .into_iter()
                .map(|c| CategoryDto {
                    category: c.as_str().into(),
                    hidden_from: v.consent.hidden_from(c).into_iter().map(|r| r.as_str().into()).collect(),
                    decided_by: v.decision(c).map(|d| d.by.clone()),
                    decided_at: v.decision(c).map(|d| d.at.to_string()),
                })
                .collect(),
            roles: DECIDED_ROLES.iter().map(|r| r.as_str().into()).collect(),
        }
    }
}

/// A new decision: per category, the roles kept out. A category left out
/// hides nothing; the whole decision is replaced.
#[derive(Deserialize, ToSchema)]
pub struct ConsentBody {
    #[serde(default)]
    pub hidden_from: BTreeMap<String, Vec<String>>,
}

/// Who may see which kind of information in this circle.
#[utoipa::path(get, path = "/circles/{circle_id}/consent", tag = "consent", params(("circle_id" = String, Path)),
    responses((status = 200, body = ConsentDto), (status = 404, body = ErrorBody)))]
pub async fn get(c: CircleApi) -> ApiResult<Json<ConsentDto>> {
    Ok(Json(consent::show(&c.ctx(), &c.circle).await?.data.view.into()))
}

/// Replaces the decision (the client or the representative). It holds from
/// the next request of every member, token, calendar feed and summary.
#[utoipa::path(put, path = "/circles/{circle_id}/consent", tag = "consent", params(("circle_id" = String, Path)),
    request_body = ConsentBody,
    responses((status = 200, body = ConsentDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn put(c: CircleApi, Body(body): Body<ConsentBody>) -> ApiResult<Json<ConsentDto>> {
    let hidden = body
        .hidden_from
        .iter()
        .flat_map(|(category, roles)| roles.iter().map(move |r| (category.clone(), r.clone())))
        .collect();
    consent::save(&c.ctx(), &c.circle, &ConsentInput { hidden }).await?;
    Ok(Json(consent::show(&c.ctx(), &c.circle).await?.data.view.into()))
}
