//! My e-mail notification settings for a circle, over the API.

use super::NotificationSettingsDto;
use crate::http::api::Body;
use crate::http::api::CircleApi;
use crate::http::errors::ApiResult;
use crate::http::errors::ErrorBody;
use crate::service::notifications;
use axum::Json;

/// My e-mail notification settings for this circle.
#[utoipa::path(get, path = "/circles/{circle_id}/notification-settings", tag = "logbook", params(("circle_id" = String, Path)),
    responses((status = 200, body = NotificationSettingsDto), (status = 404, body = ErrorBody)))]
pub async fn get_settings(c: CircleApi) -> ApiResult<Json<NotificationSettingsDto>> {
    Ok(Json(notifications::mine(&c.ctx(), &c.circle).await?.data.into()))
}

/// Changes my e-mail notification settings for this circle.
#[utoipa::path(put, path = "/circles/{circle_id}/notification-settings", tag = "logbook", params(("circle_id" = String, Path)),
    request_body = NotificationSettingsDto,
    responses((status = 200, body = NotificationSettingsDto), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_settings(
    c: CircleApi,
    Body(body): Body<NotificationSettingsDto>,
) -> ApiResult<Json<NotificationSettingsDto>> {
    let input = notifications::SettingsInput {
        immediate: body.immediate,
        digest: body.digest,
        quiet_from: body.quiet_from.unwrap_or_default(),
        quiet_until: body.quiet_until.unwrap_or_default(),
        shifts: body.shifts,
    };
    let ctx = c.ctx();
    notifications::set_mine(&ctx, &c.circle, &input).await?;
    Ok(Json(notifications::mine(&ctx, &c.circle).await?.data.into()))
}
