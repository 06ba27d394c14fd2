//! What every page about one location starts from: the signed-in visitor and
//! the location in the path ([`LocationPage`], the twin of [`super::CirclePage`]).
//! A malformed location id is simply "not found". The gate has already
//! refused a visitor without standing at the location; the service a handler
//! calls authorizes again and obtains the capability.

use super::Chrome;
use crate::app::AppState;
use crate::http::context::Visitor;
use crate::http::errors::PageError;
use crate::service::Ctx;
use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;
use samenspel_core::Error;
use samenspel_core::ids::LocationId;
use samenspel_store::access::CurrentUser;

/// A signed-in request for a page about one location.
pub struct LocationPage {
    pub state: AppState,
    pub v: Visitor,
    pub user: CurrentUser,
    /// The location in the path.
    pub id: LocationId,
}

impl LocationPage {
    /// The service context for this request.
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx { state: &self.state, user: &self.user, source: &self.v.source, now: self.v.now, tr: self.v.tr }
    }

    /// The page frame (language, CSRF token, user name).
    pub fn chrome(&self) -> Chrome {
        Chrome::new(&self.v)
    }

    /// A path inside this location: `at("/agenda")` is `/locations/{id}/agenda`.
    pub fn at(&self, rest: &str) -> String {
        format!("/locations/{}{rest}", self.id)
    }
}

impl FromRequestParts<AppState> for LocationPage {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, PageError> {
        let params = RawPathParams::from_request_parts(parts, state).await.map_err(|_| Error::NotFound)?;
        let raw = params.iter().find(|(k, _)| *k == "location").map(|(_, v)| v).unwrap_or("");
        let id = LocationId::parse(raw).ok_or(Error::NotFound)?;
        let v = Visitor::from_request_parts(parts, state).await?;
        let user = v.user()?.clone();
        Ok(LocationPage { state: state.clone(), v, user, id })
    }
}
