//! The token's own account: profile, sessions and tokens.

use super::dto::{CreatedTokenDto, MeDto, OrganisationDto, SessionDto, TokenDto};
use super::{Api, Body, id};
use crate::http::errors::ApiResult;
use crate::http::errors::ErrorBody;
use crate::service::accounts;
use axum::Json;
use axum::extract::Path;
use axum::http::StatusCode;
use samenspel_core::ids::{ApiTokenId, SessionId};

/// Who I am, and the organisations I work for.
#[utoipa::path(get, path = "/me", tag = "account", responses((status = 200, body = MeDto), (status = 401, body = ErrorBody)))]
pub async fn me(api: Api) -> ApiResult<Json<MeDto>> {
    let account = api.state.store.my_account(&api.user).await?;
    let organisations = api
        .state
        .store
        .my_organisations(&api.user)
        .await?
        .into_iter()
        .map(|(o, roles)| OrganisationDto {
            id: o.id.to_string(),
            name: o.name,
            roles: roles.iter().map(|r| r.as_str().to_owned()).collect(),
        })
        .collect();
    Ok(Json(MeDto {
        id: account.id.to_string(),
        email: account.email,
        display_name: account.display_name,
        locale: account.locale.as_str().into(),
        has_password: account.has_password,
        organisations,
    }))
}

/// My signed-in browser sessions.
#[utoipa::path(get, path = "/me/sessions", tag = "account", responses((status = 200, body = Vec<SessionDto>), (status = 401, body = ErrorBody)))]
pub async fn sessions(api: Api) -> ApiResult<Json<Vec<SessionDto>>> {
    Ok(Json(accounts::sessions(&api.ctx()).await?.into_iter().map(Into::into).collect()))
}

/// Signs one of my browser sessions out.
#[utoipa::path(delete, path = "/me/sessions/{session_id}", tag = "account", params(("session_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn revoke_session(api: Api, Path(session_id): Path<String>) -> ApiResult<StatusCode> {
    accounts::revoke_session(&api.ctx(), &id(&session_id, SessionId::parse)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// My personal API tokens (never the tokens themselves).
#[utoipa::path(get, path = "/me/tokens", tag = "account", responses((status = 200, body = Vec<TokenDto>), (status = 401, body = ErrorBody)))]
pub async fn tokens(api: Api) -> ApiResult<Json<Vec<TokenDto>>> {
    Ok(Json(accounts::tokens(&api.ctx()).await?.into_iter().map(Into::into).collect()))
}

#[derive(serde::Deserialize, utoipa::ToSchema)]
pub struct NewToken {
    pub name: String,
}

/// Creates a personal API token. The token is in this response only.
#[utoipa::path(post, path = "/me/tokens", tag = "account", request_body = NewToken,
    responses((status = 201, body = CreatedTokenDto), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_token(api: Api, Body(body): Body<NewToken>) -> ApiResult<(StatusCode, Json<CreatedTokenDto>)> {
    let (token, id) = accounts::create_token(&api.ctx(), &body.name).await?;
    Ok((StatusCode::CREATED, Json(CreatedTokenDto { id: id.to_string(), token })))
}

/// Revokes one of my API tokens (also the one in use).
#[utoipa::path(delete, path = "/me/tokens/{token_id}", tag = "account", params(("token_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn revoke_token(api: Api, Path(token_id): Path<String>) -> ApiResult<StatusCode> {
    accounts::revoke_token(&api.ctx(), &id(&token_id, ApiTokenId::parse)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
