//! Signing in (by e-mail link or password), signing out, and the language switch.

use super::second_factor;
use super::{Chrome, Errors, Form, form_errors, render, render_with, see_other};
use crate::app::AppState;
use crate::http::context::{LANG_COOKIE, SESSION_COOKIE, Visitor, cookie, removal_cookie};
use crate::http::errors::PageError;
use crate::http::pages::PageResult;
use crate::service::accounts;
use crate::service::second_factor::sign_in as sf;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use samenspel_core::Error;
use samenspel_core::ids::CircleId;
use samenspel_core::locale::Locale;
use serde::Deserialize;

/// Only local paths are followed after signing in (no open redirects).
pub fn safe_next(next: Option<&str>) -> String {
    crate::http::redirect::local_or(next, "/circles")
}

pub async fn home(v: Visitor) -> Response {
    see_other(if v.user.is_some() { "/circles" } else { "/sign-in" })
}

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInPage {
    c: Chrome,
    next: String,
    email: String,
    errors: Errors,
    /// Which form the errors belong to: "link" or "password".
    form: &'static str,
    /// The organisation's OpenID provider, by name, when there is one.
    sso: Option<String>,
    /// Signing in with a passkey (the public address has a domain name).
    passkeys: bool,
}

fn sso_label(state: &AppState) -> Option<String> {
    state.sso.as_ref().map(|s| s.label.clone())
}

#[derive(Deserialize, Default)]
pub struct NextQuery {
    next: Option<String>,
}

pub async fn page(State(state): State<AppState>, v: Visitor, Query(q): Query<NextQuery>) -> PageResult {
    if v.user.is_some() {
        return Ok(see_other(&safe_next(q.next.as_deref())));
    }
    render(&SignInPage {
        c: Chrome::new(&v),
        next: safe_next(q.next.as_deref()),
        email: String::new(),
        errors: Errors::default(),
        form: "",
        sso: sso_label(&state),
        passkeys: state.passkeys.is_some(),
    })
}

#[derive(Deserialize, Default)]
pub struct PasswordForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

pub async fn with_password(
    State(state): State<AppState>,
    v: Visitor,
    headers: HeaderMap,
    Form(f): Form<PasswordForm>,
) -> PageResult {
    let next = safe_next(f.next.as_deref());
    match form_errors(accounts::sign_in_with_password(&state, &f.email, &f.password, &v.source).await)? {
        Ok(proof) => {
            let cookies = second_factor::cookie_reader(&headers);
            let then = sf::after_first_factor(&state, proof, &next, cookies, &v.source, v.now).await?;
            Ok(second_factor::after_first_factor(&state, then, &next))
        }
        Err(errors) => render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &SignInPage {
                c: Chrome::new(&v),
                next,
                email: f.email,
                errors,
                form: "password",
                sso: sso_label(&state),
                passkeys: state.passkeys.is_some(),
            },
        ),
    }
}

#[derive(Template)]
#[template(path = "link_sent.html")]
struct LinkSent {
    c: Chrome,
    email: String,
    minutes: u32,
}

#[derive(Deserialize, Default)]
pub struct LinkForm {
    #[serde(default)]
    email: String,
    next: Option<String>,
}

pub async fn request_link(State(state): State<AppState>, v: Visitor, Form(f): Form<LinkForm>) -> PageResult {
    match form_errors(accounts::request_sign_in_link(&state, &f.email, None, v.tr, &v.source, v.now).await)? {
        Ok(()) => render(&LinkSent {
            c: Chrome::new(&v),
            email: f.email.trim().to_lowercase(),
            minutes: state.config.sign_in_link_minutes,
        }),
        Err(errors) => render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &SignInPage {
                c: Chrome::new(&v),
                next: safe_next(f.next.as_deref()),
                email: f.email,
                errors,
                form: "link",
                sso: sso_label(&state),
                passkeys: state.passkeys.is_some(),
            },
        ),
    }
}

#[derive(Template)]
#[template(path = "link_confirm.html")]
struct LinkConfirm {
    c: Chrome,
    token: String,
    /// `None`: the link is used up or expired.
    name: Option<String>,
    email: String,
    /// The link finishes joining a circle: (the client's name, who invited).
    joining: Option<(String, String)>,
}

pub async fn confirm_link(State(state): State<AppState>, v: Visitor, Path(token): Path<String>) -> PageResult {
    let preview = accounts::preview_sign_in_link(&state, &token, v.now).await?;
    let status = if preview.is_some() { StatusCode::OK } else { StatusCode::GONE };
    let (name, email, joining) = match preview {
        Some(p) => (Some(p.display_name), p.email, p.joining),
        None => (None, String::new(), None),
    };
    render_with(status, &LinkConfirm { c: Chrome::new(&v), token, name, email, joining })
}

#[derive(Deserialize, Default)]
pub struct Empty {}

pub async fn use_link(
    State(state): State<AppState>,
    v: Visitor,
    headers: HeaderMap,
    Path(token): Path<String>,
    Form(_): Form<Empty>,
) -> PageResult {
    match accounts::use_sign_in_link(&state, &token, second_factor::cookie_reader(&headers), &v.source, v.now).await {
        Ok((then, circle)) => {
            // A link sent to finish joining ends in the circle, with its welcome.
            let to = circle
                .map(|c: CircleId| format!("/circles/{c}?done=notice-joined"))
                .unwrap_or_else(|| "/circles".into());
            Ok(second_factor::after_first_factor(&state, then, &to))
        }
        Err(Error::Conflict(_)) => {
            let gone = LinkConfirm { c: Chrome::new(&v), token, name: None, email: String::new(), joining: None };
            render_with(StatusCode::GONE, &gone)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn sign_out(
    State(state): State<AppState>,
    v: Visitor,
    headers: HeaderMap,
    Form(_): Form<Empty>,
) -> PageResult {
    if let Some(user) = &v.user {
        accounts::sign_out(&state, user, v.now).await?;
    }
    let to = super::sso::after_sign_out(&state, &headers).await;
    // To the provider by a page of our own: the form's own redirect may not
    // leave the site (the policy's `form-action 'self'` covers redirects).
    let mut r = if to.starts_with('/') { see_other(&to) } else { render(&SignedOut { c: Chrome::new(&v), to })? };
    r.headers_mut().append(header::SET_COOKIE, removal_cookie(&state, SESSION_COOKIE));
    r.headers_mut().append(header::SET_COOKIE, removal_cookie(&state, super::sso::SSO_SESSION_COOKIE));
    Ok(r)
}

/// Signed out here; on to the organisation's provider to sign out there too.
#[derive(Template)]
#[template(path = "signed_out_sso.html")]
struct SignedOut {
    c: Chrome,
    to: String,
}

#[derive(Deserialize, Default)]
pub struct LanguageForm {
    #[serde(default)]
    lang: String,
    back: Option<String>,
}

pub async fn set_language(State(state): State<AppState>, v: Visitor, Form(f): Form<LanguageForm>) -> PageResult {
    let locale = Locale::parse(&f.lang).ok_or(PageError::Domain(Error::field("lang", "language-invalid")))?;
    if let Some(user) = &v.user {
        accounts::set_locale(&state, user, locale).await?;
    }
    let back = crate::http::redirect::local_or(f.back.as_deref(), "/");
    let mut r = see_other(&back);
    r.headers_mut().append(header::SET_COOKIE, cookie(&state, LANG_COOKIE, locale.as_str(), Some(365)));
    Ok(r.into_response())
}
