//! Setting up, checking and turning off the second factor on the account page.

use super::super::{Chrome, Errors, Form, PageResult, form_errors, render, render_with, see_other};
use crate::app::AppState;
use crate::http::context::Visitor;
use crate::service::second_factor::{self as service, Setup, Status};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use samenspel_core::Error;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "second_factor.html")]
struct Page {
    c: Chrome,
    status: Status,
    setup: Option<Setup>,
    must_set_up: bool,
    errors: Errors,
    done: String,
    /// Where the person was going when they had to set up a factor first
    /// (empty: nowhere in particular).
    next: String,
}

impl Page {
    fn next_query(&self) -> String {
        if self.next.is_empty() { String::new() } else { format!("?next={}", super::super::urlencode(&self.next)) }
    }
}

/// The recovery codes, shown once; then on to where the person was going.
#[derive(Template)]
#[template(path = "second_factor_codes.html")]
pub(super) struct Codes {
    pub c: Chrome,
    pub codes: Vec<String>,
    pub next: String,
}

/// A local path to go on to after setting up, or empty.
pub(super) fn onward(next: Option<&str>) -> String {
    crate::http::redirect::local_or(next, "")
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    done: Option<String>,
    next: Option<String>,
}

/// Only our own notices are shown.
fn notice(done: Option<&str>) -> String {
    match done {
        Some(
            k @ ("second-factor-disabled-notice"
            | "second-factor-devices-forgotten-notice"
            | "passkey-added-notice"
            | "passkey-removed-notice"),
        ) => k.to_owned(),
        _ => String::new(),
    }
}

async fn page(state: &AppState, v: &Visitor, errors: Errors, done: String, next: String) -> PageResult {
    let ctx = v.ctx(state)?;
    let status = service::status(&ctx).await?;
    // A set-up in progress is shown again (same secret) until it is confirmed.
    let in_progress = !status.enabled && state.store.second_factor(ctx.user).await?.is_some();
    let setup = if in_progress { Some(service::setup(&ctx).await?) } else { None };
    let must_set_up = !status.any() && state.store.session_factor(ctx.user).await?.must_set_up;
    let code = if errors.any() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    render_with(code, &Page { c: Chrome::new(v), status, setup, must_set_up, errors, done, next })
}

pub async fn show(State(state): State<AppState>, v: Visitor, Query(q): Query<DoneQuery>) -> PageResult {
    page(&state, &v, Errors::default(), notice(q.done.as_deref()), onward(q.next.as_deref())).await
}

#[derive(Deserialize, Default)]
pub struct NextForm {
    next: Option<String>,
}

pub async fn start(State(state): State<AppState>, v: Visitor, Form(f): Form<NextForm>) -> PageResult {
    let next = onward(f.next.as_deref());
    let back = if next.is_empty() {
        "/account/second-factor".to_owned()
    } else {
        format!("/account/second-factor?next={}", super::super::urlencode(&next))
    };
    match service::setup(&v.ctx(&state)?).await {
        Ok(_) | Err(Error::Conflict(_)) => Ok(see_other(&back)),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    next: Option<String>,
}

pub async fn confirm(State(state): State<AppState>, v: Visitor, Form(f): Form<CodeForm>) -> PageResult {
    let next = onward(f.next.as_deref());
    match form_errors(service::confirm(&v.ctx(&state)?, &f.code).await)? {
        Ok(codes) => render(&Codes { c: Chrome::new(&v), codes, next }),
        Err(errors) => page(&state, &v, errors, String::new(), next).await,
    }
}

pub async fn off(State(state): State<AppState>, v: Visitor, Form(f): Form<CodeForm>) -> PageResult {
    let ctx = v.ctx(&state)?;
    // Required of this person and no passkey instead: it stays on (the page
    // offers no form for it).
    if service::status(&ctx).await?.app_must_stay() {
        return Err(Error::Conflict("second-factor-off-required").into());
    }
    match form_errors(service::turn_off(&ctx, &f.code).await)? {
        Ok(()) => Ok(see_other("/account/second-factor?done=second-factor-disabled-notice")),
        Err(errors) => page(&state, &v, errors, String::new(), String::new()).await,
    }
}

pub async fn forget_devices(
    State(state): State<AppState>,
    v: Visitor,
    Form(_): Form<super::super::Empty>,
) -> PageResult {
    service::forget_devices(&v.ctx(&state)?).await?;
    Ok(see_other("/account/second-factor?done=second-factor-devices-forgotten-notice"))
}
