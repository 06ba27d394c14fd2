//! My account: name, password, sessions, personal API tokens and the
//! devices that get push notifications.

use super::Done;
use super::Empty;
use super::UserPage;
use super::{Chrome, Errors, Form, form_errors, path_id, render, render_with, save_form, see_other};
use crate::app::AppState;
use crate::http::context::Visitor;
use crate::http::errors::PageError;
use crate::http::pages::PageResult;
use crate::service::accounts;
use crate::service::notifications::push;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use samenspel_core::ids::{ApiTokenId, SessionId};
use samenspel_core::user::User;
use samenspel_store::api_tokens::ApiTokenInfo;
use samenspel_store::sessions::SessionInfo;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    c: Chrome,
    account: User,
    name: String,
    sessions: Vec<SessionInfo>,
    tokens: Vec<ApiTokenInfo>,
    new_token: Option<String>,
    /// When my calendar address was made, if I have one.
    calendar_since: Option<samenspel_core::Timestamp>,
    /// A calendar address just made: shown once, like a token.
    new_calendar: Option<String>,
    /// The devices that get push notifications, and the key a browser
    /// subscribes with (the button appears only where push works).
    devices: Vec<samenspel_store::push::Device>,
    push_key: String,
    errors: Errors,
    notice: Option<&'static str>,
}

async fn page(
    p: &UserPage,
    name: Option<String>,
    new_token: Option<String>,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<AccountPage, PageError> {
    let ctx = p.ctx();
    let account = p.state.store.my_account(ctx.user).await?;
    Ok(AccountPage {
        c: p.chrome(),
        name: name.unwrap_or_else(|| account.display_name.clone()),
        account,
        sessions: accounts::sessions(&ctx).await?,
        tokens: accounts::tokens(&ctx).await?,
        new_token,
        calendar_since: crate::service::calendar::since(&ctx).await?,
        new_calendar: None,
        devices: push::devices(&ctx).await?,
        push_key: push::public_key(&p.state, ctx.now).await?,
        errors,
        notice,
    })
}

pub async fn show(p: UserPage, Query(done): Query<Done>) -> PageResult {
    let notice = done.notice().or(match done.done.as_deref() {
        Some("push-added") => Some("push-added"),
        Some("push-removed") => Some("push-removed"),
        _ => None,
    });
    render(&page(&p, None, None, Errors::default(), notice).await?)
}

/// This browser's push subscription, sent by `push.js` through the form on
/// this page (so the CSRF token and the error page work as for any form).
pub async fn add_device(p: UserPage, Form(f): Form<push::SubscriptionInput>) -> PageResult {
    save_form(
        push::subscribe(&p.ctx(), &f).await,
        |_| "/account?done=push-added#push",
        async |errors| page(&p, None, None, errors, None).await,
    )
    .await
}

pub async fn remove_device(p: UserPage, Path(device): Path<String>, Form(_): Form<Empty>) -> PageResult {
    push::remove(&p.ctx(), &device).await?;
    Ok(see_other("/account?done=push-removed#push"))
}

#[derive(Deserialize, Default)]
pub struct NameForm {
    #[serde(default)]
    display_name: String,
}

pub async fn set_name(p: UserPage, Form(f): Form<NameForm>) -> PageResult {
    save_form(
        accounts::set_name(&p.ctx(), &f.display_name).await,
        |()| "/account?done=notice-saved",
        async |errors| page(&p, Some(f.display_name), None, errors, None).await,
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PasswordForm {
    current_password: String,
    new_password: String,
}

pub async fn set_password(p: UserPage, Form(f): Form<PasswordForm>) -> PageResult {
    save_form(
        accounts::set_password(&p.ctx(), &f.current_password, &f.new_password).await,
        |()| "/account?done=notice-password-saved",
        async |errors| page(&p, None, None, errors, None).await,
    )
    .await
}

pub async fn revoke_session(p: UserPage, Path(session): Path<String>, Form(_): Form<Empty>) -> PageResult {
    let id = path_id(&session, SessionId::parse)?;
    accounts::revoke_session(&p.ctx(), &id).await?;
    Ok(see_other("/account?done=notice-session-revoked"))
}

pub async fn revoke_other_sessions(p: UserPage, Form(_): Form<Empty>) -> PageResult {
    accounts::revoke_other_sessions(&p.ctx()).await?;
    Ok(see_other("/account?done=notice-sessions-revoked"))
}

#[derive(Deserialize, Default)]
pub struct TokenForm {
    #[serde(default)]
    name: String,
}

pub async fn create_token(p: UserPage, Form(f): Form<TokenForm>) -> PageResult {
    match form_errors(accounts::create_token(&p.ctx(), &f.name).await)? {
        Ok((token, _)) => render(&page(&p, None, Some(token), Errors::default(), None).await?),
        Err(errors) => render_with(StatusCode::UNPROCESSABLE_ENTITY, &page(&p, None, None, errors, None).await?),
    }
}

pub async fn revoke_token(p: UserPage, Path(token_id): Path<String>, Form(_): Form<Empty>) -> PageResult {
    let id = path_id(&token_id, ApiTokenId::parse)?;
    accounts::revoke_token(&p.ctx(), &id).await?;
    Ok(see_other("/account?done=notice-token-revoked"))
}

/// Makes a new secret calendar address (the old one stops working) and shows it once.
pub async fn renew_calendar(p: UserPage, Form(_): Form<Empty>) -> PageResult {
    let address = crate::service::calendar::renew(&p.ctx()).await?;
    let mut view = page(&p, None, None, Errors::default(), None).await?;
    view.new_calendar = Some(address);
    render(&view)
}

pub async fn revoke_calendar(p: UserPage, Form(_): Form<Empty>) -> PageResult {
    crate::service::calendar::revoke(&p.ctx()).await?;
    Ok(see_other("/account?done=notice-calendar-revoked#calendar"))
}

/// The calendar feed itself: no session, the secret address is the key.
pub async fn calendar_feed(State(state): State<AppState>, v: Visitor, Path(token): Path<String>) -> PageResult {
    use axum::response::IntoResponse;
    let body = crate::service::calendar::feed(&state, &token, &v.source, v.now).await?;
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (axum::http::header::CACHE_CONTROL, "private, max-age=300"),
        ],
        body,
    )
        .into_response())
}
