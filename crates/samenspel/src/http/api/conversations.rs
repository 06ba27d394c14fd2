//! Conversation guides over the API: the guides' questions, and the
//! conversations held in a circle.

use super::logbook::{Created, CreatedDto};
use super::{Api, Body};
use crate::http::api::{CircleApi, Object};
use crate::http::errors::ApiResult;
use crate::http::errors::ErrorBody;
use crate::i18n::Tr;
use crate::service::conversations;
use axum::Json;
use axum::http::StatusCode;
use samenspel_core::conversation::{Conversation, ConversationInput, Guide};
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct QuestionDto {
    /// The answer's key in a conversation.
    pub key: String,
    /// The Schijf-van-Vijf step an agreement made from the answer starts in.
    pub step: Option<i64>,
    /// The question in the account's language.
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct GuideDto {
    /// intake, family_start, collaboration or review
    pub guide: String,
    pub name: String,
    pub questions: Vec<QuestionDto>,
}

/// The conversation guides and their questions, in order.
#[utoipa::path(get, path = "/guides", tag = "conversations", responses((status = 200, body = Vec<GuideDto>)))]
pub async fn guides(api: Api) -> Json<Vec<GuideDto>> {
    let tr = Tr::new(api.user.locale());
    let client = tr.t("guide-client-word");
    Json(
        Guide::ALL
            .iter()
            .map(|g| GuideDto {
                guide: g.as_str().into(),
                name: tr.guide(g),
                questions: g
                    .questions()
                    .iter()
                    .map(|q| QuestionDto {
                        key: q.key.into(),
                        step: q.step.map(|s| s.number()),
                        text: tr.question(q, &client),
                    })
                    .collect(),
            })
            .collect(),
    )
}

#[derive(Serialize, ToSchema)]
pub struct ParticipantDto {
    pub member_id: String,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct LinkedAgreementDto {
    pub id: String,
    pub description: String,
}

#[derive(Serialize, ToSchema)]
pub struct ConversationDto {
    pub id: String,
    pub guide: String,
    /// YYYY-MM-DD
    pub held_on: String,
    /// circle, professionals, informal, or chosen (only those who took part).
    pub audience: String,
    pub participants: Vec<ParticipantDto>,
    /// Others who took part, by name.
    pub others: String,
    /// Answers by question key.
    pub answers: BTreeMap<String, String>,
    pub recorded_by: String,
    /// Agreements made from its answers.
    pub agreements: Vec<LinkedAgreementDto>,
}

impl From<Conversation> for ConversationDto {
    fn from(c: Conversation) -> Self {
        ConversationDto {
            id: c.id,
            guide: c.guide.as_str().into(),
            held_on: c.held_on.to_string(),
            audience: c.audience.as_str().into(),
            participants: c
                .participants
                .into_iter()
                .map(|(m, name)| ParticipantDto { member_id: m.to_string(), name })
                .collect(),
            others: c.others,
            answers: c.answers,
            recorded_by: c.recorded_by.to_string(),
            agreements: c
                .agreements
                .into_iter()
                .map(|(id, description)| LinkedAgreementDto { id, description })
                .collect(),
        }
    }
}

/// The conversations I may read, most recent first.
#[utoipa::path(get, path = "/circles/{circle_id}/conversations", tag = "conversations", params(("circle_id" = String, Path)),
    responses((status = 200, body = Vec<ConversationDto>), (status = 404, body = ErrorBody)))]
pub async fn list(c: CircleApi) -> ApiResult<Json<Vec<ConversationDto>>> {
    let page = conversations::list(&c.ctx(), &c.circle).await?;
    Ok(Json(page.data.list.into_iter().map(ConversationDto::from).collect()))
}

/// Writes down a conversation. `closes_changes` closes the changes a review conversation discussed.
#[utoipa::path(post, path = "/circles/{circle_id}/conversations", tag = "conversations", params(("circle_id" = String, Path)),
    request_body = ConversationInput,
    responses((status = 201, body = CreatedDto), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn hold(c: CircleApi, Body(body): Body<ConversationInput>) -> ApiResult<Created> {
    let id = conversations::hold(&c.ctx(), &c.circle, &body).await?;
    Ok(Created(id))
}

/// One conversation.
#[utoipa::path(get, path = "/circles/{circle_id}/conversations/{conversation_id}", tag = "conversations",
    params(("circle_id" = String, Path), ("conversation_id" = String, Path)),
    responses((status = 200, body = ConversationDto), (status = 404, body = ErrorBody)))]
pub async fn get(c: CircleApi, Object(conversation_id): Object) -> ApiResult<Json<ConversationDto>> {
    let page = conversations::view(&c.ctx(), &c.circle, &conversation_id).await?;
    Ok(Json(page.data.conversation.into()))
}

/// Replaces a conversation's notes (who recorded it, took part, or manages).
#[utoipa::path(put, path = "/circles/{circle_id}/conversations/{conversation_id}", tag = "conversations",
    params(("circle_id" = String, Path), ("conversation_id" = String, Path)),
    request_body = ConversationInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn change(
    c: CircleApi,
    Object(conversation_id): Object,
    Body(body): Body<ConversationInput>,
) -> ApiResult<StatusCode> {
    conversations::change(&c.ctx(), &c.circle, &conversation_id, &body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes a conversation's notes; agreements made from it stay.
#[utoipa::path(delete, path = "/circles/{circle_id}/conversations/{conversation_id}", tag = "conversations",
    params(("circle_id" = String, Path), ("conversation_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn remove(c: CircleApi, Object(conversation_id): Object) -> ApiResult<StatusCode> {
    conversations::remove(&c.ctx(), &c.circle, &conversation_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
