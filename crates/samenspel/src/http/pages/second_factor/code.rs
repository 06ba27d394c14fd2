//! The code page: after the first factor (no session yet), and for step-up
//! in a session (then back to where the visitor was).

use super::super::{Chrome, Errors, Form, PageResult, form_errors, render_with, see_other};
use crate::app::AppState;
use crate::crypto::token_hash;
use crate::http::context::{SESSION_COOKIE, Visitor, cookie, removal_cookie};
use crate::http::errors::PageError;
use crate::http::pages::sign_in::safe_next;
use crate::service::second_factor::{self as service, sign_in};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use axum_extra::extract::cookie::CookieJar;
use samenspel_core::{Error, Timestamp};
use samenspel_store::second_factor::Account;
use serde::Deserialize;

/// The cookie holding a pending sign-in's token (until the code is given).
pub const PENDING_COOKIE: &str = "samenspel_pending";

#[derive(Template)]
#[template(path = "second_factor_code.html")]
struct CodePage {
    c: Chrome,
    action: &'static str,
    next: String,
    step_up: bool,
    errors: Errors,
    locked_minutes: Option<i64>,
    ways: Ways,
}

/// Which ways to pass the check the page offers.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Ways {
    /// A code from the authenticator app (else only a recovery code).
    app: bool,
    /// A passkey (the account has one and this server can use them).
    passkey: bool,
}

impl Ways {
    async fn of(state: &AppState, who: &impl Account) -> Result<Ways, PageError> {
        let factors = state.store.factors(who).await?;
        Ok(Ways { app: factors.app, passkey: factors.passkeys > 0 && state.passkeys.is_some() })
    }

    /// The ways of the sign-in waiting behind this browser's cookie.
    async fn of_pending(state: &AppState, jar: &CookieJar, now: Timestamp) -> Result<Ways, PageError> {
        let Some(token) = jar.get(PENDING_COOKIE) else { return Ok(Ways::default()) };
        match state.store.pending_sign_in(&token_hash(token.value()), now).await? {
            Some(pending) => Ways::of(state, &pending).await,
            None => Ok(Ways::default()),
        }
    }
}

fn code_page(v: &Visitor, step_up: bool, next: String, outcome: Result<Errors, u64>, ways: Ways) -> PageResult {
    let action = if step_up { "/second-factor/check" } else { "/sign-in/code" };
    let (status, errors, locked_minutes) = match outcome {
        Ok(e) if e.any() => (StatusCode::UNPROCESSABLE_ENTITY, e, None),
        Ok(e) => (StatusCode::OK, e, None),
        Err(seconds) => {
            (StatusCode::TOO_MANY_REQUESTS, Errors::default(), Some(i64::try_from(seconds.div_ceil(60)).unwrap_or(15)))
        }
    };
    render_with(status, &CodePage { c: Chrome::new(v), action, next, step_up, errors, locked_minutes, ways })
}

/// The code page saying the account is locked for now.
pub(super) fn locked_page(v: &Visitor, step_up: bool, seconds: u64) -> PageResult {
    code_page(v, step_up, String::new(), Err(seconds), Ways::default())
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    pub(super) next: Option<String>,
}

pub async fn page(State(state): State<AppState>, v: Visitor, jar: CookieJar) -> PageResult {
    if jar.get(PENDING_COOKIE).is_none() {
        return Ok(see_other("/sign-in"));
    }
    let ways = Ways::of_pending(&state, &jar, v.now).await?;
    code_page(&v, false, String::new(), Ok(Errors::default()), ways)
}

#[derive(Deserialize, Default)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    remember: Option<String>,
    next: Option<String>,
}

pub async fn submit(State(state): State<AppState>, v: Visitor, jar: CookieJar, Form(f): Form<CodeForm>) -> PageResult {
    let Some(pending) = jar.get(PENDING_COOKIE).map(|c| c.value().to_owned()) else {
        return Ok(see_other("/sign-in"));
    };
    let remember = f.remember.is_some();
    let outcome = sign_in::finish_with_code(&state, &pending, &f.code, remember, &v.source, v.now).await;
    match outcome {
        Ok(Some(done)) => {
            let mut r = see_other(&safe_next(Some(&done.next)));
            let h = r.headers_mut();
            let days = i64::from(state.config.session_max_days);
            h.append(header::SET_COOKIE, cookie(&state, SESSION_COOKIE, &done.session, Some(days)));
            h.append(header::SET_COOKIE, removal_cookie(&state, PENDING_COOKIE));
            if let Some((name, value)) = done.device {
                h.append(header::SET_COOKIE, cookie(&state, &name, &value, Some(sign_in::REMEMBER_DAYS)));
            }
            Ok(r)
        }
        Ok(None) => {
            let mut r = see_other("/sign-in");
            r.headers_mut().append(header::SET_COOKIE, removal_cookie(&state, PENDING_COOKIE));
            Ok(r)
        }
        Err(Error::RateLimited(seconds)) => {
            let mut r = locked_page(&v, false, seconds)?;
            r.headers_mut().append(header::SET_COOKIE, removal_cookie(&state, PENDING_COOKIE));
            Ok(r)
        }
        Err(e) => match form_errors(Err::<(), _>(e))? {
            Ok(()) => Ok(see_other("/sign-in")),
            Err(errors) => {
                let ways = Ways::of_pending(&state, &jar, v.now).await?;
                code_page(&v, false, f.next.unwrap_or_default(), Ok(errors), ways)
            }
        },
    }
}

pub async fn step_up_page(State(state): State<AppState>, v: Visitor, Query(q): Query<NextQuery>) -> PageResult {
    // Signed in only: a visitor without a session is sent to sign in.
    let ways = Ways::of(&state, v.ctx(&state)?.user).await?;
    code_page(&v, true, safe_next(q.next.as_deref()), Ok(Errors::default()), ways)
}

pub async fn step_up(State(state): State<AppState>, v: Visitor, Form(f): Form<CodeForm>) -> PageResult {
    let next = safe_next(f.next.as_deref());
    let ctx = v.ctx(&state)?;
    match service::step_up(&ctx, &f.code).await {
        Ok(()) => Ok(see_other(&next)),
        Err(Error::RateLimited(seconds)) => locked_page(&v, true, seconds),
        Err(e) => match form_errors(Err::<(), _>(e))? {
            Ok(()) => Ok(see_other(&next)),
            Err(errors) => code_page(&v, true, next, Ok(errors), Ways::of(&state, ctx.user).await?),
        },
    }
}

/// Sets the cookies of a first factor's outcome on a redirect.
pub fn after_first_factor(state: &AppState, next: sign_in::Next, to: &str) -> Response {
    match next {
        sign_in::Next::Session { token, must_set_up } => {
            // Someone who must set up a factor first goes on afterwards to
            // where they were going (the list of circles is the default).
            let set_up = match to {
                "/circles" | "/" => "/account/second-factor".to_owned(),
                _ => format!("/account/second-factor?next={}", super::super::urlencode(to)),
            };
            let mut r = see_other(if must_set_up { &set_up } else { to });
            let days = i64::from(state.config.session_max_days);
            r.headers_mut().append(header::SET_COOKIE, cookie(state, SESSION_COOKIE, &token, Some(days)));
            r
        }
        sign_in::Next::Code { pending } => {
            let mut r = see_other("/sign-in/code");
            r.headers_mut().append(header::SET_COOKIE, cookie(state, PENDING_COOKIE, &pending, None));
            r
        }
    }
}

/// Reads a cookie of this request by name (for a remembered device).
pub fn cookie_reader(headers: &HeaderMap) -> impl Fn(&str) -> Option<String> + '_ {
    move |name| CookieJar::from_headers(headers).get(name).map(|c| c.value().to_owned())
}
