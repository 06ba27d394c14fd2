//! The frame around every page: the visitor layer (who is asking, error
//! markers rendered as pages, cookies, no caching), the shared template
//! parts ([`Chrome`]) and rendering.

use super::super::context::{ANON_COOKIE, SESSION_COOKIE, Visitor, cookie, removal_cookie, resolve_visitor};
use super::super::errors::{ErrorPage, PageError};
use crate::app::AppState;
use crate::http::pages::PageResult;
use crate::i18n::Tr;
use askama::Template;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use samenspel_core::Error;
use serde::Deserialize;
use std::sync::LazyLock;

/// Resolves the visitor (session, language, CSRF token) for every page,
/// renders error markers as pages, and sets or clears cookies.
pub(super) async fn visitor_layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let (mut parts, body) = req.into_parts();
    let resolved = match resolve_visitor(&state, &parts).await {
        Ok(r) => r,
        Err(e) => return PageError::Domain(e).into_response(),
    };
    let visitor = resolved.visitor.clone();
    let is_get = parts.method == Method::GET;
    parts.extensions.insert(resolved.visitor);
    let mut response = next.run(Request::from_parts(parts, body)).await;
    if let Some(error) = response.extensions().get::<ErrorPage>().cloned() {
        let retry_after = response.headers().get(header::RETRY_AFTER).cloned();
        response = if error.message == "error-sign-in-needed" {
            let next = if is_get { format!("?next={}", urlencode(&visitor.path)) } else { String::new() };
            Redirect::to(&format!("/sign-in{next}")).into_response()
        } else {
            render_error(&visitor, error)
        };
        if let Some(v) = retry_after {
            response.headers_mut().insert(header::RETRY_AFTER, v);
        }
    }
    let headers = response.headers_mut();
    if let Some(anon) = resolved.new_anon {
        headers.append(header::SET_COOKIE, cookie(&state, ANON_COOKIE, &anon, None));
    }
    if resolved.clear_session {
        headers.append(header::SET_COOKIE, removal_cookie(&state, SESSION_COOKIE));
    }
    // Pages show personal data: never keep them in shared or back-button caches.
    headers.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
    response
}

pub fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The parts of the page frame every template shares.
pub struct Chrome {
    pub tr: Tr,
    pub user_name: Option<String>,
    pub csrf: String,
    /// Where the language switch comes back to.
    pub path: String,
    pub css: &'static str,
    pub js: &'static str,
    pub icon: &'static str,
    /// A fresh key for forms that create something (idempotency).
    pub idem: String,
}

static ASSET_URLS: LazyLock<(String, String, String)> = LazyLock::new(|| {
    use super::super::static_files::url;
    (url("app.css"), url("app.js"), url("icon.svg"))
});

impl Chrome {
    pub fn new(v: &Visitor) -> Self {
        Chrome {
            tr: v.tr,
            user_name: v.user.as_ref().map(|u| u.display_name().to_owned()),
            csrf: v.csrf.clone(),
            path: v.path.clone(),
            css: &ASSET_URLS.0,
            js: &ASSET_URLS.1,
            icon: &ASSET_URLS.2,
            idem: uuid::Uuid::new_v4().simple().to_string(),
        }
    }
}

pub fn render(t: &impl Template) -> PageResult {
    render_with(StatusCode::OK, t)
}

pub fn render_with(status: StatusCode, t: &impl Template) -> PageResult {
    let html = t.render().map_err(Error::internal)?;
    Ok((status, Html(html)).into_response())
}

/// After a successful form post: go to `to` (303, so a reload does not post again).
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate {
    c: Chrome,
    status: u16,
    message: &'static str,
    request_id: String,
}

fn render_error(v: &Visitor, e: ErrorPage) -> Response {
    let t = ErrorTemplate {
        c: Chrome::new(v),
        status: e.status.as_u16(),
        message: e.message,
        request_id: super::super::context::current_request_id().unwrap_or_default(),
    };
    match t.render() {
        Ok(html) => (e.status, Html(html)).into_response(),
        Err(_) => e.status.into_response(),
    }
}

/// A short confirmation after a redirect (`?done=…`); only known keys show.
#[derive(Deserialize, Default)]
pub struct Done {
    pub done: Option<String>,
}

impl Done {
    pub fn notice(&self) -> Option<&'static str> {
        const KNOWN: &[&str] = &[
            "notice-saved",
            "notice-member-removed",
            "notice-invitation-revoked",
            "notice-circle-archived",
            "notice-circle-restored",
            "notice-left-circle",
            "notice-session-revoked",
            "notice-sessions-revoked",
            "notice-token-revoked",
            "notice-password-saved",
            "notice-joined",
            "notice-entry-saved",
            "notice-entry-removed",
            "notice-entry-closed",
            "notice-reply-saved",
            "notice-reply-removed",
            "notice-notifications-saved",
            "notice-consent-saved",
            "notice-notifications-stopped",
            "notice-contact-added",
            "notice-contact-removed",
            "notice-agreement-saved",
            "notice-agreement-ended",
            "notice-change-recorded",
            "notice-change-closed",
            "notice-conversation-saved",
            "notice-conversation-removed",
            "notice-profile-saved",
            "notice-profile-removed",
            "notice-checkin-saved",
            "notice-signal-shared",
            "notice-signal-withdrawn",
            "notice-removed",
            "notice-thanks-sent",
            "notice-volunteer-saved",
            "notice-signed-up",
            "notice-given-back",
            "notice-confirmed",
            "notice-occurrence-cancelled",
            "notice-swap-proposed",
            "notice-swap-accepted",
            "notice-swap-answered",
            "notice-calendar-revoked",
            "notice-left-place",
            "notice-occurrence-moved",
            "notice-given-back-cover",
            "notice-cover-started",
            "notice-cover-declined",
            "notice-help-asked",
            "notice-help-offered",
            "notice-help-confirmed",
            "notice-help-withdrawn",
            "notice-reminder-saved",
            "social-map-added-notice",
            "pool-added-notice",
            "faq-added-notice",
            "faq-starter-notice",
            "faq-changed-notice",
            "faq-removed-notice",
            "placemat-added-notice",
            "placemat-removed-notice",
            "pool-saved-notice",
            "pool-rules-saved-notice",
            "pool-claim-approved-notice",
            "pool-claim-rejected-notice",
            "pool-claim-sent-notice",
            "pool-answer-yes-notice",
            "pool-answer-no-notice",
            "pool-accepted-notice",
            "pool-declined-notice",
            "pool-offer-sent-notice",
            "pool-asked-notice",
            "pool-closed-notice",
            "social-map-changed-notice",
            "social-map-removed-notice",
            "practice-added-notice",
            "practice-changed-notice",
            "practice-removed-notice",
        ];
        let d = self.done.as_deref()?;
        KNOWN.iter().copied().find(|k| *k == d)
    }
}
