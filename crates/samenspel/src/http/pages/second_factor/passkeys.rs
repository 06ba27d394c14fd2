//! Passkey pages. Every use of a passkey is one page (the ceremony page):
//! the server keeps the challenge behind a cookie and puts the options in
//! the page; `passkey.js` hands them to the browser when the person presses
//! the button, and posts the browser's answer back with the form. Without
//! JavaScript a passkey cannot work; the page says so, and every other way
//! to sign in stays.

use super::super::{Chrome, Errors, Form, PageResult, form_errors, render_with, see_other};
use super::RecentCheck;
use super::code::{NextQuery, PENDING_COOKIE};
use super::setup::{Codes, onward};
use crate::app::AppState;
use crate::crypto::token_hash;
use crate::http::context::{SESSION_COOKIE, Visitor, cookie, removal_cookie};
use crate::http::pages::sign_in::safe_next;
use crate::service::second_factor::passkeys::{self as service, CEREMONY_COOKIE, Ceremony};
use crate::service::second_factor::{self as second_factor, sign_in};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::Response;
use axum_extra::extract::cookie::CookieJar;
use samenspel_core::Error;
use samenspel_store::second_factor::Purpose;
use serde::Deserialize;

/// What a ceremony page is for: its words, and where the answer goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Add,
    SignIn,
    SecondStep,
    StepUp,
}

impl Kind {
    fn finish(self) -> &'static str {
        match self {
            Kind::Add => "/account/passkeys/new",
            Kind::SignIn => "/sign-in/passkey/finish",
            Kind::SecondStep => "/sign-in/code/passkey/finish",
            Kind::StepUp => "/second-factor/check/passkey/finish",
        }
    }
    /// The page's words: title, explanation, button, the way back.
    fn words(self) -> [&'static str; 4] {
        match self {
            Kind::Add => ["passkey-add-title", "passkey-add-explain", "passkey-add-button", "passkey-add-back"],
            Kind::SignIn => {
                ["passkey-sign-in-title", "passkey-sign-in-explain", "passkey-sign-in-button", "passkey-sign-in-back"]
            }
            Kind::SecondStep | Kind::StepUp => {
                ["passkey-check-title", "passkey-check-explain", "passkey-check-button", "passkey-check-back"]
            }
        }
    }
    fn back(self) -> &'static str {
        match self {
            Kind::Add => "/account/second-factor",
            Kind::SignIn => "/sign-in",
            Kind::SecondStep => "/sign-in/code",
            Kind::StepUp => "/second-factor/check",
        }
    }
}

#[derive(Template)]
#[template(path = "passkey_ceremony.html")]
struct CeremonyPage {
    c: Chrome,
    kind: Kind,
    options: String,
    next: String,
    name: String,
    remember: bool,
    errors: Errors,
}

impl CeremonyPage {
    fn title(&self) -> &'static str {
        self.kind.words()[0]
    }
    fn explain(&self) -> &'static str {
        self.kind.words()[1]
    }
    fn button(&self) -> &'static str {
        self.kind.words()[2]
    }
    fn back_words(&self) -> &'static str {
        self.kind.words()[3]
    }
    fn create(&self) -> bool {
        self.kind == Kind::Add
    }
    fn finish(&self) -> &'static str {
        self.kind.finish()
    }
    fn back(&self) -> String {
        match self.kind {
            Kind::StepUp | Kind::Add if !self.next.is_empty() => {
                format!("{}?next={}", self.kind.back(), super::super::urlencode(&self.next))
            }
            _ => self.kind.back().to_owned(),
        }
    }
    fn second_step(&self) -> bool {
        self.kind == Kind::SecondStep
    }
}

/// The ceremony page, with the ceremony's cookie.
fn ceremony_page(state: &AppState, page: CeremonyPage, token: &str) -> PageResult {
    let status = if page.errors.any() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let mut r = render_with(status, &page)?;
    r.headers_mut().append(header::SET_COOKIE, cookie(state, CEREMONY_COOKIE, token, None));
    Ok(r)
}

fn page_for(v: &Visitor, kind: Kind, ceremony: &Ceremony) -> CeremonyPage {
    CeremonyPage {
        c: Chrome::new(v),
        kind,
        options: ceremony.options.clone(),
        next: String::new(),
        name: String::new(),
        remember: false,
        errors: Errors::default(),
    }
}

fn ceremony_token(jar: &CookieJar) -> String {
    jar.get(CEREMONY_COOKIE).map(|c| c.value().to_owned()).unwrap_or_default()
}

/// Sets the cookies of a new session on a redirect, and ends the ceremony's.
fn signed_in(state: &AppState, to: &str, session: &str, device: Option<(String, String)>) -> Response {
    let mut r = see_other(to);
    let h = r.headers_mut();
    let days = i64::from(state.config.session_max_days);
    h.append(header::SET_COOKIE, cookie(state, SESSION_COOKIE, session, Some(days)));
    h.append(header::SET_COOKIE, removal_cookie(state, CEREMONY_COOKIE));
    h.append(header::SET_COOKIE, removal_cookie(state, PENDING_COOKIE));
    if let Some((name, value)) = device {
        h.append(header::SET_COOKIE, cookie(state, &name, &value, Some(sign_in::REMEMBER_DAYS)));
    }
    r
}

#[derive(Deserialize, Default)]
pub struct FinishForm {
    #[serde(default)]
    response: String,
    #[serde(default)]
    name: String,
    next: Option<String>,
    remember: Option<String>,
}

// Adding a passkey (after a fresh check when the account has a factor).

pub async fn new_page(
    State(state): State<AppState>,
    v: Visitor,
    _: RecentCheck,
    Query(q): Query<NextQuery>,
) -> PageResult {
    let ceremony = service::start_adding(&v.ctx(&state)?).await?;
    let page = CeremonyPage { next: onward(q.next.as_deref()), ..page_for(&v, Kind::Add, &ceremony) };
    ceremony_page(&state, page, &ceremony.token)
}

pub async fn add(
    State(state): State<AppState>,
    v: Visitor,
    _: RecentCheck,
    jar: CookieJar,
    Form(f): Form<FinishForm>,
) -> PageResult {
    let ctx = v.ctx(&state)?;
    match form_errors(service::finish_adding(&ctx, &ceremony_token(&jar), &f.response, &f.name).await)? {
        Ok(added) => {
            let mut r = match added.recovery_codes {
                Some(codes) => {
                    render_with(StatusCode::OK, &Codes { c: Chrome::new(&v), codes, next: onward(f.next.as_deref()) })?
                }
                None => see_other("/account/second-factor?done=passkey-added-notice"),
            };
            r.headers_mut().append(header::SET_COOKIE, removal_cookie(&state, CEREMONY_COOKIE));
            Ok(r)
        }
        Err(errors) => {
            // The ceremony was used (or never began): a new one, with what was typed.
            let ceremony = service::start_adding(&ctx).await?;
            let next = onward(f.next.as_deref());
            let page = CeremonyPage { name: f.name, next, errors, ..page_for(&v, Kind::Add, &ceremony) };
            ceremony_page(&state, page, &ceremony.token)
        }
    }
}

// Removing a passkey: a page that asks first.

#[derive(Template)]
#[template(path = "passkey_remove.html")]
struct RemovePage {
    c: Chrome,
    id: String,
    name: String,
    must_stay: bool,
}

pub async fn remove_page(
    State(state): State<AppState>,
    v: Visitor,
    _: RecentCheck,
    Path(id): Path<String>,
) -> PageResult {
    let ctx = v.ctx(&state)?;
    let status = second_factor::status(&ctx).await?;
    let must_stay = status.last_passkey_must_stay();
    let passkey = status.passkeys.into_iter().find(|p| p.id == id).ok_or(Error::NotFound)?;
    render_with(StatusCode::OK, &RemovePage { c: Chrome::new(&v), id: passkey.id, name: passkey.name, must_stay })
}

pub async fn remove(
    State(state): State<AppState>,
    v: Visitor,
    _: RecentCheck,
    Path(id): Path<String>,
    Form(_): Form<super::super::Empty>,
) -> PageResult {
    service::remove(&v.ctx(&state)?, &id).await?;
    Ok(see_other("/account/second-factor?done=passkey-removed-notice"))
}

// Signing in with a passkey alone.

#[derive(Deserialize, Default)]
pub struct StartForm {
    next: Option<String>,
    remember: Option<String>,
}

pub async fn sign_in_start(State(state): State<AppState>, v: Visitor, Form(f): Form<StartForm>) -> PageResult {
    let ceremony = service::start_sign_in(&state, &v.source, v.now).await?;
    let page = CeremonyPage { next: safe_next(f.next.as_deref()), ..page_for(&v, Kind::SignIn, &ceremony) };
    ceremony_page(&state, page, &ceremony.token)
}

pub async fn sign_in_finish(
    State(state): State<AppState>,
    v: Visitor,
    jar: CookieJar,
    Form(f): Form<FinishForm>,
) -> PageResult {
    let next = safe_next(f.next.as_deref());
    let outcome = service::finish_sign_in(&state, &ceremony_token(&jar), &f.response, &v.source, v.now).await;
    match form_errors(outcome)? {
        Ok(proof) => {
            let session = sign_in::session_with_passkey(&state, &proof, &v.source, v.now).await?;
            Ok(signed_in(&state, &next, &session, None))
        }
        Err(errors) => {
            let ceremony = service::start_sign_in(&state, &v.source, v.now).await?;
            let page = CeremonyPage { next, errors, ..page_for(&v, Kind::SignIn, &ceremony) };
            ceremony_page(&state, page, &ceremony.token)
        }
    }
}

// The second step of a sign-in, with a passkey instead of a code.

async fn second_step_page(
    state: &AppState,
    v: &Visitor,
    jar: &CookieJar,
    remember: bool,
    errors: Errors,
) -> PageResult {
    let Some(pending_token) = jar.get(PENDING_COOKIE).map(|c| c.value().to_owned()) else {
        return Ok(see_other("/sign-in"));
    };
    let Some(pending) = state.store.pending_sign_in(&token_hash(&pending_token), v.now).await? else {
        return Ok(see_other("/sign-in"));
    };
    let ceremony = service::start_check(state, &pending, Purpose::SecondStep, v.now).await?;
    let page = CeremonyPage { remember, errors, ..page_for(v, Kind::SecondStep, &ceremony) };
    ceremony_page(state, page, &ceremony.token)
}

pub async fn second_step_start(
    State(state): State<AppState>,
    v: Visitor,
    jar: CookieJar,
    Form(f): Form<StartForm>,
) -> PageResult {
    second_step_page(&state, &v, &jar, f.remember.is_some(), Errors::default()).await
}

pub async fn second_step_finish(
    State(state): State<AppState>,
    v: Visitor,
    jar: CookieJar,
    Form(f): Form<FinishForm>,
) -> PageResult {
    let Some(pending) = jar.get(PENDING_COOKIE).map(|c| c.value().to_owned()) else {
        return Ok(see_other("/sign-in"));
    };
    let remember = f.remember.is_some();
    let outcome =
        sign_in::finish_with_passkey(&state, &pending, &ceremony_token(&jar), &f.response, remember, &v.source, v.now)
            .await;
    match outcome {
        Ok(Some(done)) => Ok(signed_in(&state, &safe_next(Some(&done.next)), &done.session, done.device)),
        Ok(None) => {
            let mut r = see_other("/sign-in");
            r.headers_mut().append(header::SET_COOKIE, removal_cookie(&state, PENDING_COOKIE));
            Ok(r)
        }
        // Locked out: this sign-in ends; the code page says for how long.
        Err(Error::RateLimited(seconds)) => {
            let mut r = super::code::locked_page(&v, false, seconds)?;
            r.headers_mut().append(header::SET_COOKIE, removal_cookie(&state, PENDING_COOKIE));
            Ok(r)
        }
        Err(e) => match form_errors(Err::<(), _>(e))? {
            Ok(()) => Ok(see_other("/sign-in")),
            Err(errors) => second_step_page(&state, &v, &jar, remember, errors).await,
        },
    }
}

// Step-up with a passkey.

pub async fn step_up_start(State(state): State<AppState>, v: Visitor, Form(f): Form<StartForm>) -> PageResult {
    let ctx = v.ctx(&state)?;
    let ceremony = service::start_check(&state, ctx.user, Purpose::StepUp, v.now).await?;
    let page = CeremonyPage { next: safe_next(f.next.as_deref()), ..page_for(&v, Kind::StepUp, &ceremony) };
    ceremony_page(&state, page, &ceremony.token)
}

pub async fn step_up_finish(
    State(state): State<AppState>,
    v: Visitor,
    jar: CookieJar,
    Form(f): Form<FinishForm>,
) -> PageResult {
    let next = safe_next(f.next.as_deref());
    let ctx = v.ctx(&state)?;
    match second_factor::step_up_with_passkey(&ctx, &ceremony_token(&jar), &f.response).await {
        Ok(()) => {
            let mut r = see_other(&next);
            r.headers_mut().append(header::SET_COOKIE, removal_cookie(&state, CEREMONY_COOKIE));
            Ok(r)
        }
        Err(Error::RateLimited(seconds)) => super::code::locked_page(&v, true, seconds),
        Err(e) => match form_errors(Err::<(), _>(e))? {
            Ok(()) => Ok(see_other(&next)),
            Err(errors) => {
                let ceremony = service::start_check(&state, ctx.user, Purpose::StepUp, v.now).await?;
                let page = CeremonyPage { next, errors, ..page_for(&v, Kind::StepUp, &ceremony) };
                ceremony_page(&state, page, &ceremony.token)
            }
        },
    }
}
