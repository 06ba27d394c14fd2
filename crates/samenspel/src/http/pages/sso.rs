//! Signing in with the organisation's OpenID provider: the way out
//! (`/sign-in/sso`) and the way back (`/sign-in/sso/callback`). The state
//! is single use and bound to the browser that started (a cookie); after the
//! provider, the second factor follows as for any other sign-in.

use super::second_factor;
use super::sign_in::safe_next;
use super::{Chrome, render_with, see_other};
use crate::app::AppState;
use crate::crypto::{random_token, token_hash};
use crate::http::context::{Visitor, cookie, removal_cookie};
use crate::http::errors::PageError;
use crate::http::pages::PageResult;
use crate::service::second_factor::sign_in as sf;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use samenspel_core::Error;
use samenspel_store::sso::Attempt;
use serde::Deserialize;

/// Binds a sign-in on its way to the browser that started it.
pub const SSO_COOKIE: &str = "samenspel_sso";
/// The session came through the provider: signing out goes there too.
pub const SSO_SESSION_COOKIE: &str = "samenspel_sso_session";

#[derive(Template)]
#[template(path = "sso_failed.html")]
struct Failed {
    c: Chrome,
    label: String,
    /// Why, as a message key.
    reason: &'static str,
}

fn failed(state: &AppState, v: &Visitor, status: StatusCode, reason: &'static str) -> PageResult {
    let label = state.sso.as_ref().map(|s| s.label.clone()).unwrap_or_default();
    let mut r = render_with(status, &Failed { c: Chrome::new(v), label, reason })?;
    r.headers_mut().append(header::SET_COOKIE, removal_cookie(state, SSO_COOKIE));
    Ok(r)
}

#[derive(Deserialize, Default)]
pub struct StartQuery {
    next: Option<String>,
}

/// To the provider, with a fresh state, nonce and PKCE challenge.
pub async fn start(State(state): State<AppState>, v: Visitor, Query(q): Query<StartQuery>) -> PageResult {
    let sso = state.sso.as_ref().ok_or(PageError::Domain(Error::NotFound))?;
    // Each start keeps a row: as limited as signing in with a password.
    let ip = v.source.ip.as_deref().unwrap_or("");
    state.limiter.hit(crate::ratelimit::SIGN_IN_PER_IP, ip).await?;
    let out = match sso.start().await {
        Ok(out) => out,
        Err(e) => {
            tracing::warn!(error = %e, "single sign-on could not start");
            return failed(&state, &v, StatusCode::BAD_GATEWAY, "sso-provider-down");
        }
    };
    let browser = random_token();
    let attempt = Attempt { pkce_verifier: out.pkce_verifier, nonce: out.nonce, next: safe_next(q.next.as_deref()) };
    state.store.start_sso(&token_hash(&out.state), &token_hash(&browser), &attempt, v.now).await?;
    let mut r = see_other(out.url.as_str());
    r.headers_mut().append(header::SET_COOKIE, cookie(&state, SSO_COOKIE, &browser, Some(1)));
    Ok(r)
}

#[derive(Deserialize, Default)]
pub struct Callback {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// Back from the provider: the attempt taken back once, the code exchanged,
/// the ID token checked, the account found; then the second factor.
pub async fn callback(
    State(state): State<AppState>,
    v: Visitor,
    headers: HeaderMap,
    Query(q): Query<Callback>,
) -> PageResult {
    let sso = state.sso.as_ref().ok_or(PageError::Domain(Error::NotFound))?;
    let browser = second_factor::cookie_reader(&headers)(SSO_COOKIE);
    let attempt = match (q.state.as_deref(), browser) {
        (Some(s), Some(b)) => state.store.take_sso_attempt(&token_hash(s), &token_hash(&b), v.now).await?,
        _ => None,
    };
    // Unknown, used before, too old, or from another browser: a replayed or
    // forged answer looks exactly like an old one.
    let Some(attempt) = attempt else {
        return failed(&state, &v, StatusCode::BAD_REQUEST, "sso-attempt-gone");
    };
    let code = match (q.code.as_deref(), q.error.as_deref()) {
        (Some(code), None) => code,
        (_, error) => {
            tracing::info!(error = error.unwrap_or("no code"), "the provider did not sign the person in");
            return failed(&state, &v, StatusCode::BAD_REQUEST, "sso-cancelled");
        }
    };
    let identity = match sso.finish(code, &attempt.pkce_verifier, &attempt.nonce).await {
        Ok(identity) => identity,
        Err(e) => {
            tracing::warn!(error = %e, "single sign-on refused");
            return failed(&state, &v, StatusCode::BAD_REQUEST, "sso-refused");
        }
    };
    let proof = match state.store.sso_sign_in(&identity, v.now).await {
        Ok(proof) => proof,
        Err(Error::NotFound) => {
            // Why, for the operator (the person sees one plain message).
            tracing::info!(
                subject = %identity.subject,
                has_email = identity.email.is_some(),
                email_verified = identity.email_verified,
                "single sign-on found no account: no address, an unverified one, or no account with it"
            );
            return failed(&state, &v, StatusCode::FORBIDDEN, "sso-no-account");
        }
        Err(e) => return Err(e.into()),
    };
    let cookies = second_factor::cookie_reader(&headers);
    let then = sf::after_first_factor(&state, proof, &attempt.next, cookies, &v.source, v.now).await?;
    let mut r = second_factor::after_first_factor(&state, then, &attempt.next);
    r.headers_mut().append(header::SET_COOKIE, removal_cookie(&state, SSO_COOKIE));
    r.headers_mut().append(header::SET_COOKIE, cookie(&state, SSO_SESSION_COOKIE, "1", None));
    Ok(r)
}

/// Where signing out leads: to the provider's sign-out (and back to the
/// sign-in page) when the session came through it, else the sign-in page.
pub async fn after_sign_out(state: &AppState, headers: &HeaderMap) -> String {
    let back = state.config.public_url.join("/sign-in").ok();
    match (&state.sso, second_factor::cookie_reader(headers)(SSO_SESSION_COOKIE), back) {
        (Some(sso), Some(_), Some(back)) => match sso.sign_out_url(&back).await {
            Some(url) => url.to_string(),
            None => "/sign-in".into(),
        },
        _ => "/sign-in".into(),
    }
}
