//! Who is asking, from where, in which language: worked out once per request
//! and handed to handlers as extractors.

use crate::app::AppState;
use crate::crypto;
use crate::i18n::Tr;
use crate::service::Ctx;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use axum_extra::extract::cookie::CookieJar;
use samenspel_core::Timestamp;
use samenspel_core::audit::Source;
use samenspel_core::locale::Locale;
use samenspel_store::access::CurrentUser;
use std::net::SocketAddr;

pub const SESSION_COOKIE: &str = "samenspel_session";
pub const ANON_COOKIE: &str = "samenspel_visitor";
pub const LANG_COOKIE: &str = "samenspel_lang";

tokio::task_local! {
    /// The current request's id, for error pages and logs.
    pub static REQUEST_ID: String;
}

pub fn current_request_id() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

/// Where a request came from, for the audit trail and rate limits.
pub fn source(state: &AppState, parts: &Parts) -> Source {
    let headers = &parts.headers;
    let forwarded = state
        .config
        .trust_proxy_headers
        .then(|| header_str(headers, "x-forwarded-for").and_then(|v| v.split(',').next()).map(|v| v.trim().to_owned()))
        .flatten();
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string());
    Source {
        ip: forwarded.or(peer),
        user_agent: header_str(headers, "user-agent").map(|u| u.chars().take(300).collect()),
        request_id: current_request_id(),
    }
}

pub fn header_str<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// Everything a page handler needs about the visitor. Built by the pages
/// middleware ([`super::pages::visitor_layer`]) and read with [`Visitor`]'s extractor.
#[derive(Clone, Debug)]
pub struct Visitor {
    pub user: Option<CurrentUser>,
    pub tr: Tr,
    /// The CSRF token every form on the page carries.
    pub csrf: String,
    /// What the CSRF token is bound to (the session, or the anonymous visitor cookie).
    pub csrf_binding: String,
    pub source: Source,
    pub now: Timestamp,
    /// The path and query of this request (to come back to after signing in).
    pub path: String,
}

impl Visitor {
    /// The signed-in user, or the "please sign in" error.
    pub fn user(&self) -> Result<&CurrentUser, super::errors::PageError> {
        self.user.as_ref().ok_or(super::errors::PageError::SignInNeeded)
    }

    /// A service context for the signed-in user.
    pub fn ctx<'a>(&'a self, state: &'a AppState) -> Result<Ctx<'a>, super::errors::PageError> {
        Ok(Ctx { state, user: self.user()?, source: &self.source, now: self.now, tr: self.tr })
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Visitor {
    type Rejection = super::errors::PageError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts.extensions.get::<Visitor>().cloned().ok_or_else(|| {
            super::errors::PageError::from(samenspel_core::Error::internal("page route without the visitor layer"))
        })
    }
}

/// What the pages middleware found in the cookies.
pub struct Resolved {
    pub visitor: Visitor,
    /// A new anonymous-visitor cookie to set.
    pub new_anon: Option<String>,
    /// The session cookie was stale and should be removed.
    pub clear_session: bool,
}

pub async fn resolve_visitor(state: &AppState, parts: &Parts) -> Result<Resolved, samenspel_core::Error> {
    let now = Timestamp::now();
    let jar = CookieJar::from_headers(&parts.headers);
    let mut clear_session = false;
    let user = match jar.get(SESSION_COOKIE).map(|c| c.value().to_owned()) {
        Some(token) => match crate::service::accounts::user_from_session(
            state,
            &token,
            super::gate::circle_in_path(parts.uri.path()).as_ref(),
            now,
        )
        .await
        {
            Ok(u) => Some(u),
            Err(samenspel_core::Error::Unauthenticated) => {
                clear_session = true;
                None
            }
            Err(e) => return Err(e),
        },
        None => None,
    };
    let locale = user
        .as_ref()
        .map(CurrentUser::locale)
        .or_else(|| jar.get(LANG_COOKIE).and_then(|c| Locale::parse(c.value())))
        .unwrap_or_else(|| Locale::from_accept_language(header_str(&parts.headers, "accept-language").unwrap_or("")));
    let mut new_anon = None;
    let binding = match &user {
        Some(u) => u.session_id().map(|s| s.as_str().to_owned()).unwrap_or_default(),
        None => match jar.get(ANON_COOKIE).map(|c| c.value().to_owned()).filter(|v| v.len() >= 32) {
            Some(v) => v,
            None => {
                let v = crypto::random_token();
                new_anon = Some(v.clone());
                v
            }
        },
    };
    let path = parts.uri.path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "/".into());
    Ok(Resolved {
        visitor: Visitor {
            user,
            tr: Tr::new(locale),
            csrf: crypto::csrf_token(state.config.secret_key.expose(), &binding),
            csrf_binding: binding,
            source: source(state, parts),
            now,
            path,
        },
        new_anon,
        clear_session,
    })
}

/// A cookie with our defaults: HttpOnly, SameSite=Lax, Path=/, Secure over
/// HTTPS. Our cookie values are base64url tokens or language codes, which
/// need no quoting.
pub fn cookie(state: &AppState, name: &str, value: &str, max_age_days: Option<i64>) -> HeaderValue {
    let secure = if state.config.secure_cookies() { "; Secure" } else { "" };
    let max_age = max_age_days.map(|d| format!("; Max-Age={}", d * 86_400)).unwrap_or_default();
    HeaderValue::from_str(&format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax{secure}{max_age}"))
        .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// A Set-Cookie header that removes the cookie.
pub fn removal_cookie(state: &AppState, name: &'static str) -> HeaderValue {
    cookie(state, name, "", Some(0))
}
