//! The second factor's pages: setting it up on the account page, the code
//! page after the first factor, and step-up before the audit trail and
//! exports ([`SteppedUp`]). [`guard`] keeps a session that must set up a
//! factor on the set-up page.

mod code;
mod passkeys;
mod setup;

pub(super) use code::{after_first_factor, cookie_reader};

use super::Pages;
use crate::app::AppState;
use crate::http::context::Visitor;
use crate::http::routes::Access;
use crate::service::second_factor::recent;
use axum::extract::{FromRequestParts, MatchedPath, Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use samenspel_store::second_factor::SessionFactor;

/// The second factor's routes (one group, registered by the pages builder).
pub(super) fn routes(p: Pages) -> Pages {
    use Access::*;
    p.get("/account/second-factor", SignedIn, setup::show)
        .post("/account/second-factor/setup", SignedIn, setup::start)
        .post("/account/second-factor/confirm", SignedIn, setup::confirm)
        .post("/account/second-factor/off", SignedIn, setup::off)
        .post("/account/second-factor/devices/forget", SignedIn, setup::forget_devices)
        .get("/sign-in/code", Public, code::page)
        .post("/sign-in/code", Public, code::submit)
        .get("/second-factor/check", SignedIn, code::step_up_page)
        .post("/second-factor/check", SignedIn, code::step_up)
        .get("/account/passkeys/new", SignedIn, passkeys::new_page)
        .post("/account/passkeys/new", SignedIn, passkeys::add)
        .get("/account/passkeys/{passkey}/remove", SignedIn, passkeys::remove_page)
        .post("/account/passkeys/{passkey}/remove", SignedIn, passkeys::remove)
        .post("/sign-in/passkey", Public, passkeys::sign_in_start)
        .post("/sign-in/passkey/finish", Public, passkeys::sign_in_finish)
        .post("/sign-in/code/passkey", Public, passkeys::second_step_start)
        .post("/sign-in/code/passkey/finish", Public, passkeys::second_step_finish)
        .post("/second-factor/check/passkey", SignedIn, passkeys::step_up_start)
        .post("/second-factor/check/passkey/finish", SignedIn, passkeys::step_up_finish)
}

/// Where a session that must set up a factor may still go.
fn open_while_setting_up(path: &str) -> bool {
    path.starts_with("/account/second-factor")
        || path.starts_with("/account/passkeys")
        || path.starts_with("/sign-in")
        || ["/sign-out", "/language", "/words", "/offline", "/"].contains(&path)
}

/// Takes how the session stands with the second factor (read with the
/// session itself), leaves it for [`SteppedUp`], and sends a session
/// that must set up a factor to the set-up page from everywhere else.
pub(super) async fn guard(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let user = req.extensions().get::<Visitor>().and_then(|v| v.user.clone());
    if let Some(user) = user.filter(|u| u.session_id().is_some()) {
        // Read with the session for this request; asked again only when not.
        let factor = match user.session_factor() {
            Some(f) => f,
            None => match state.store.session_factor(&user).await {
                Ok(f) => f,
                Err(e) => return super::super::errors::PageError::Domain(e).into_response(),
            },
        };
        let path = req.extensions().get::<MatchedPath>().map(|m| m.as_str().to_owned()).unwrap_or_default();
        if factor.must_set_up && !factor.enabled && !open_while_setting_up(&path) {
            // A page they were opening is where they go once set up.
            let to = match req.method() == axum::http::Method::GET {
                true => req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/"),
                false => "/",
            };
            let next = match to {
                "/circles" | "/" => String::new(),
                _ => format!("?next={}", super::urlencode(to)),
            };
            return Redirect::to(&format!("/account/second-factor{next}")).into_response();
        }
        req.extensions_mut().insert(factor);
    }
    next.run(req).await
}

/// Step-up: a handler that takes this runs only when the visitor, if their
/// account has a second factor, entered a code in this session within the
/// last 15 minutes; otherwise they get the code page, which brings them back.
/// Someone required to have a factor who has none is sent to set one up.
#[derive(Debug)]
pub struct SteppedUp;

impl FromRequestParts<AppState> for SteppedUp {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Some(visitor) = parts.extensions.get::<Visitor>() else {
            return Ok(SteppedUp);
        };
        let factor = parts.extensions.get::<SessionFactor>().copied().unwrap_or_default();
        if !factor.enabled {
            // Someone who must have a factor and has none (a session from
            // before it was required) sets one up first; others go on.
            let required = match &visitor.user {
                Some(user) => state.store.second_factor_required(user, visitor.now).await,
                None => Ok(false),
            };
            return match required {
                Ok(false) => Ok(SteppedUp),
                Ok(true) => Err(Redirect::to("/account/second-factor").into_response()),
                Err(e) => Err(super::super::errors::PageError::Domain(e).into_response()),
            };
        }
        if recent(factor.verified_at, visitor.now) {
            return Ok(SteppedUp);
        }
        let back = super::urlencode(&visitor.path);
        Err(Redirect::to(&format!("/second-factor/check?next={back}")).into_response())
    }
}

/// For changing the factors themselves (adding or removing a passkey):
/// someone with a factor passed a check in this session within the last 15
/// minutes (else the code page, which brings them back); someone without
/// one goes on — adding a first passkey is how they set one up.
#[derive(Debug)]
pub struct RecentCheck;

impl FromRequestParts<AppState> for RecentCheck {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        let Some(visitor) = parts.extensions.get::<Visitor>() else {
            return Ok(RecentCheck);
        };
        let factor = parts.extensions.get::<SessionFactor>().copied().unwrap_or_default();
        if !factor.enabled || recent(factor.verified_at, visitor.now) {
            return Ok(RecentCheck);
        }
        let back = super::urlencode(&visitor.path);
        Err(Redirect::to(&format!("/second-factor/check?next={back}")).into_response())
    }
}
