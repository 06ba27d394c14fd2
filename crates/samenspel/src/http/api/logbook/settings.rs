//! My e-mail notification settings for a circle, over the API.

use super::{NotificationSettingsDto, circle};
use crate::http::api::{Api, Body};
use crate::http::errors::{ApiError, ErrorBody};
use crate::service::notifications;
use axum::Json;
use axum::extract::Path;

/// My e-mail notification settings for this circle.
#[utoipa::path(get, path = "/circles/{circle_id}/notification-settings", tag = "logbook", params(("circle_id" = String, Path)),
    responses((status = 200, body = NotificationSettingsDto), (status = 404, body = ErrorBody)))]
pub async fn get_settings(api: Api, Path(circle_id): Path<String>) -> Result<Json<NotificationSettingsDto>, ApiError> {
    Ok(Json(notifications::mine(&api.ctx(), &circle(&circle_id)?).await?.data.into()))
}

/// Changes my e-mail notification settings for this circle.
#[utoipa::path(put, path = "/circles/{circle_id}/notification-settings", tag = "logbook", params(("circle_id" = String, Path)),
    request_body = NotificationSettingsDto,
    responses((status = 200, body = NotificationSettingsDto), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_settings(
    api: Api,
    Path(circle_id): Path<String>,
    Body(body): Body<NotificationSettingsDto>,
) -> Result<Json<NotificationSettingsDto>, ApiError> {
    let input = notifications::SettingsInput {
        immediate: body.immediate,
        digest: body.digest,
        quiet_from: body.quiet_from.unwrap_or_default(),
        quiet_until: body.quiet_until.unwrap_or_default(),
    };
    let ctx = api.ctx();
    let c = circle(&circle_id)?;
    notifications::set_mine(&ctx, &c, &input).await?;
    Ok(Json(notifications::mine(&ctx, &c).await?.data.into()))
}
