//! Push notifications through the API: the server's public key, and my
//! devices (a browser's subscription, as `PushSubscription.toJSON()` gives
//! it, flattened to endpoint, p256dh and auth).

use super::{Api, Body, id};
use crate::http::errors::{ApiResult, ErrorBody};
use crate::service::notifications::push::{self, SubscriptionInput};
use axum::Json;
use axum::extract::Path;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct PushKeyDto {
    /// The VAPID public key (RFC 8292), base64url: `applicationServerKey`.
    pub public_key: String,
}

#[derive(Serialize, ToSchema)]
pub struct PushDeviceDto {
    pub id: String,
    /// The browser and system, as far as its User-Agent told ("Firefox · Android").
    pub browser: String,
    pub created_at: jiff::Timestamp,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedPushDeviceDto {
    pub id: String,
}

/// The key a browser subscribes with.
#[utoipa::path(get, path = "/push/key", tag = "account", responses((status = 200, body = PushKeyDto), (status = 401, body = ErrorBody)))]
pub async fn key(api: Api) -> ApiResult<Json<PushKeyDto>> {
    Ok(Json(PushKeyDto { public_key: push::public_key(&api.state, api.now).await? }))
}

/// My devices that get push notifications (never their keys).
#[utoipa::path(get, path = "/me/push-devices", tag = "account", responses((status = 200, body = Vec<PushDeviceDto>), (status = 401, body = ErrorBody)))]
pub async fn devices(api: Api) -> ApiResult<Json<Vec<PushDeviceDto>>> {
    let list = push::devices(&api.ctx()).await?;
    Ok(Json(
        list.into_iter().map(|d| PushDeviceDto { id: d.id, browser: d.browser, created_at: d.created_at }).collect(),
    ))
}

/// Adds a browser's push subscription to my devices (the same endpoint
/// again updates it). The endpoint must be https.
#[utoipa::path(post, path = "/me/push-devices", tag = "account", request_body = SubscriptionInput,
    responses((status = 201, body = CreatedPushDeviceDto), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add(api: Api, Body(body): Body<SubscriptionInput>) -> ApiResult<(StatusCode, Json<CreatedPushDeviceDto>)> {
    let id = push::subscribe(&api.ctx(), &body).await?;
    Ok((StatusCode::CREATED, Json(CreatedPushDeviceDto { id })))
}

/// Removes one of my devices: it gets no more notifications.
#[utoipa::path(delete, path = "/me/push-devices/{device_id}", tag = "account", params(("device_id" = String, Path)),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn remove(api: Api, Path(device_id): Path<String>) -> ApiResult<StatusCode> {
    let device = id(&device_id, |raw| uuid::Uuid::parse_str(raw).ok().map(|u| u.to_string()))?;
    push::remove(&api.ctx(), &device).await?;
    Ok(StatusCode::NO_CONTENT)
}
