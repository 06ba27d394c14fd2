//! What every signed-in page starts from ([`UserPage`]: the visitor, their
//! account and the app, the pages' twin of the API's `Api`). A page about a
//! circle or a location adds the place in the path to it
//! ([`super::CirclePage`], [`super::LocationPage`]) and derefs to it, so
//! `p.ctx()` and `p.chrome()` read the same on every page.

use super::Chrome;
use crate::app::AppState;
use crate::http::context::Visitor;
use crate::http::errors::PageError;
use crate::service::Ctx;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use samenspel_store::access::CurrentUser;

/// A request from a signed-in visitor; anyone else is sent to sign in.
pub struct UserPage {
    pub state: AppState,
    pub v: Visitor,
    pub user: CurrentUser,
}

impl UserPage {
    /// The service context for this request.
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx { state: &self.state, user: &self.user, source: &self.v.source, now: self.v.now, tr: self.v.tr }
    }

    /// The page frame (language, CSRF token, user name).
    pub fn chrome(&self) -> Chrome {
        Chrome::new(&self.v)
    }
}

impl FromRequestParts<AppState> for UserPage {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, PageError> {
        let v = Visitor::from_request_parts(parts, state).await?;
        let user = v.user()?.clone();
        Ok(UserPage { state: state.clone(), v, user })
    }
}
