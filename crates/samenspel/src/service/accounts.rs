//! Signing in and out, sessions, personal API tokens and account settings.

use super::Ctx;
use crate::app::AppState;
use crate::crypto::{self, random_token, token_hash};
use crate::i18n::Tr;
use crate::mail::{Joining, no_account_mail, sign_in_mail};
use crate::ratelimit;
use samenspel_core::audit::Source;
use samenspel_core::ids::{ApiTokenId, CircleId, InvitationId, SessionId};
use samenspel_core::locale::Locale;
use samenspel_core::{Error, Result, Timestamp, validate};
use samenspel_store::access::CurrentUser;
use samenspel_store::access::Verified;
use samenspel_store::api_tokens::ApiTokenInfo;
use samenspel_store::sessions::{NewSession, SessionInfo};
use samenspel_store::sign_in_links::{LinkPreview, LinkRecipient, NewLink};

/// Opens a session for whoever just proved who they are, and returns the
/// cookie value.
pub async fn start_session(state: &AppState, proof: &Verified, source: &Source, now: Timestamp) -> Result<String> {
    Ok(new_session(state, proof, source, now).await?.0)
}

/// A new session's cookie value and id.
pub(crate) async fn new_session(
    state: &AppState,
    proof: &Verified,
    source: &Source,
    now: Timestamp,
) -> Result<(String, samenspel_core::ids::SessionId)> {
    let token = random_token();
    let new = NewSession {
        proof,
        token_hash: &token_hash(&token),
        user_agent: source.user_agent.as_deref().unwrap_or(""),
        ip: source.ip.as_deref().unwrap_or(""),
    };
    let id = state.store.create_session(new, state.session_lifetime(), now).await?;
    Ok((token, id))
}

/// The signed-in user behind a session cookie, if it is valid; with their
/// membership in `circle` (the request's) read in the same statement.
pub async fn user_from_session(
    state: &AppState,
    token: &str,
    circle: Option<&CircleId>,
    now: Timestamp,
) -> Result<CurrentUser> {
    state.store.authenticate_session(&token_hash(token), state.session_lifetime(), circle, now).await
}

/// The user behind an `Authorization: Bearer` token; with their membership
/// in `circle` (the request's) read in the same statement.
pub async fn user_from_api_token(
    state: &AppState,
    token: &str,
    circle: Option<&CircleId>,
    now: Timestamp,
) -> Result<CurrentUser> {
    if !token.starts_with(crypto::API_TOKEN_PREFIX) {
        return Err(Error::Unauthenticated);
    }
    state.store.authenticate_api_token(&token_hash(token), circle, now).await
}

/// Password sign-in: the first factor. Wrong address or wrong password give
/// the same answer.
pub async fn sign_in_with_password(state: &AppState, email: &str, password: &str, source: &Source) -> Result<Verified> {
    let email = validate::email("email", email).map_err(|e| Error::Validation(vec![e]))?;
    state.limiter.hit(ratelimit::SIGN_IN_PER_IP, source.ip.as_deref().unwrap_or("")).await?;
    state.limiter.hit(ratelimit::SIGN_IN_PER_ACCOUNT, &email).await?;
    state.store.check_password(&email, password).await?.ok_or(Error::field("password", "sign-in-failed"))
}

/// Sends a one-time sign-in link to an address — or, when it has no
/// account, an e-mail that says so. Both take the same path (a mail queued in
/// one transaction), so neither the answer nor its timing reveals which
/// addresses are registered. `invitation` is finished when the link is used.
pub async fn request_sign_in_link(
    state: &AppState,
    email: &str,
    invitation: Option<(&InvitationId, Joining<'_>)>,
    tr: Tr,
    source: &Source,
    now: Timestamp,
) -> Result<()> {
    let email = validate::email("email", email).map_err(|e| Error::Validation(vec![e]))?;
    state.limiter.hit(ratelimit::LINK_PER_IP, source.ip.as_deref().unwrap_or("")).await?;
    state.limiter.hit(ratelimit::LINK_PER_ADDRESS, &email).await?;
    let token = random_token();
    let minutes = state.config.sign_in_link_minutes;
    let link = state.config.link(&format!("/sign-in/link/{token}"));
    let expires_at =
        now.saturating_add(jiff::SignedDuration::from_mins(i64::from(minutes))).map_err(Error::internal)?;
    let new = NewLink { token_hash: &token_hash(&token), invitation: invitation.map(|i| i.0), expires_at };
    let joining = invitation.map(|i| i.1);
    let mail = |to: Option<&LinkRecipient>| {
        match to {
            Some(r) => sign_in_mail(Tr::new(r.locale), &email, &r.display_name, &link, minutes, joining),
            None => no_account_mail(tr, &email),
        }
        .map(|m| m.into_job(now))
        .map_err(Error::internal)
    };
    state.store.request_sign_in_link(&email, new, mail, now).await?;
    state.jobs_waiting.notify_one();
    Ok(())
}

pub async fn preview_sign_in_link(state: &AppState, token: &str, now: Timestamp) -> Result<Option<LinkPreview>> {
    state.store.preview_sign_in_link(&token_hash(token), now).await
}

/// Uses a sign-in link: once, before it expires. Proves the address (the
/// first factor), finishes the invitation the link was sent for, and opens
/// a session or asks for the second factor (see [`super::second_factor::sign_in`]).
pub async fn use_sign_in_link(
    state: &AppState,
    token: &str,
    cookie: impl Fn(&str) -> Option<String>,
    source: &Source,
    now: Timestamp,
) -> Result<(super::second_factor::sign_in::Next, Option<CircleId>)> {
    let who = state.store.preview_sign_in_link(&token_hash(token), now).await?;
    let (proof, circle) =
        state.store.consume_sign_in_link(&token_hash(token), now).await?.ok_or(Error::Conflict("link-not-valid"))?;
    if let (Some(circle), Some(who)) = (&circle, &who) {
        // The link finished joining: recorded as joining straight from the invitation is.
        super::invitations::record_accept(state, Some((&who.user_id, &who.display_name)), circle, source, now).await?;
    }
    let next = circle.as_ref().map(|c| format!("/circles/{c}?done=notice-joined")).unwrap_or_else(|| "/circles".into());
    let next = super::second_factor::sign_in::after_first_factor(state, proof, &next, cookie, source, now).await?;
    Ok((next, circle))
}

pub async fn sign_out(state: &AppState, user: &CurrentUser, now: Timestamp) -> Result<()> {
    match user.session_id() {
        Some(id) => state.store.revoke_my_session(user, id, now).await,
        None => Ok(()),
    }
}

pub async fn sessions(ctx: &Ctx<'_>) -> Result<Vec<SessionInfo>> {
    ctx.state.store.my_sessions(ctx.user, ctx.now).await
}

pub async fn revoke_session(ctx: &Ctx<'_>, id: &SessionId) -> Result<()> {
    ctx.state.store.revoke_my_session(ctx.user, id, ctx.now).await
}

pub async fn revoke_other_sessions(ctx: &Ctx<'_>) -> Result<u64> {
    ctx.state.store.revoke_my_other_sessions(ctx.user, ctx.now).await
}

pub async fn tokens(ctx: &Ctx<'_>) -> Result<Vec<ApiTokenInfo>> {
    ctx.state.store.my_api_tokens(ctx.user).await
}

/// Creates a personal API token; returns it (shown once) and its id.
pub async fn create_token(ctx: &Ctx<'_>, name: &str) -> Result<(String, ApiTokenId)> {
    super::second_factor::may_create_token(ctx).await?;
    let name = validate::collapse_spaces(name);
    if name.is_empty() {
        return Err(Error::field("name", "name-required"));
    }
    if name.chars().count() > validate::MAX_NAME {
        return Err(Error::field("name", "name-too-long"));
    }
    let (token, shown) = crypto::new_api_token();
    let id = ctx.state.store.create_my_api_token(ctx.user, &name, &token_hash(&token), &shown, ctx.now).await?;
    Ok((token, id))
}

pub async fn revoke_token(ctx: &Ctx<'_>, id: &ApiTokenId) -> Result<()> {
    ctx.state.store.revoke_my_api_token(ctx.user, id, ctx.now).await
}

pub async fn set_locale(state: &AppState, user: &CurrentUser, locale: Locale) -> Result<()> {
    state.store.set_my_locale(user, locale).await
}

pub async fn set_name(ctx: &Ctx<'_>, name: &str) -> Result<()> {
    let name = validate::name("display_name", name).map_err(|e| Error::Validation(vec![e]))?;
    if name == ctx.user.display_name() {
        return Ok(());
    }
    ctx.state.store.set_my_display_name(ctx.user, &name).await?;
    // A changed name is a correction of my details (GDPR article 16), logged as answered.
    super::privacy::log_correction(ctx).await
}

/// Sets or changes my password. With a password already set, the current one
/// must be given; signing in by e-mail link only needs none.
pub async fn set_password(ctx: &Ctx<'_>, current: &str, new: &str) -> Result<()> {
    let new = validate::new_password("new_password", new).map_err(|e| Error::Validation(vec![e]))?;
    ctx.state.limiter.hit(ratelimit::SIGN_IN_PER_ACCOUNT, ctx.user.email()).await?;
    ctx.state.store.set_my_password(ctx.user, current, &new).await?;
    // A new password forgets the browsers that skipped the second factor.
    ctx.state.store.revoke_my_remembered_devices(ctx.user, ctx.now).await.map(|_| ())
}
