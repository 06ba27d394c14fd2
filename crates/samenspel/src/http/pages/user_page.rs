//! What every signed-in page starts from ([`UserPage`]: the visitor, their
//! account and the app, the pages' twin of the API's `Api`). A page about a
//! circle or a location adds the place in the path to it ([`PathPage`]:
//! [`super::CirclePage`], [`super::LocationPage`]) and derefs to it, so
//! `p.ctx()` and `p.chrome()` read the same on every page. A malformed id in
//! the path is simply "not found" (the normal 404 page).

use super::Chrome;
use crate::app::AppState;
use crate::http::context::Visitor;
use crate::http::errors::PageError;
use crate::service::Ctx;
use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;
use samenspel_core::Error;
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

/// An id a page path names, in the path parameter `PARAM`.
pub trait PathId: Sized {
    const PARAM: &'static str;
    fn parse(raw: &str) -> Option<Self>;
}

/// The id in the path's `Id::PARAM` segment; "not found" when it is missing
/// or malformed.
pub async fn path_id<Id: PathId, S: Send + Sync>(parts: &mut Parts, state: &S) -> Result<Id, PageError> {
    let params = RawPathParams::from_request_parts(parts, state).await.map_err(|_| Error::NotFound)?;
    let raw = params.iter().find(|(k, _)| *k == Id::PARAM).map(|(_, v)| v).unwrap_or("");
    Ok(Id::parse(raw).ok_or(Error::NotFound)?)
}

/// A signed-in request for a page about the one thing its path names.
pub struct PathPage<Id> {
    pub page: UserPage,
    /// The circle or location in the path.
    pub id: Id,
}

impl<Id> std::ops::Deref for PathPage<Id> {
    type Target = UserPage;

    fn deref(&self) -> &UserPage {
        &self.page
    }
}

impl<Id: PathId + Send> FromRequestParts<AppState> for PathPage<Id> {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, PageError> {
        let id = path_id(parts, state).await?;
        Ok(PathPage { page: UserPage::from_request_parts(parts, state).await?, id })
    }
}
