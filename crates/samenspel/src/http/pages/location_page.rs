//! What every page about one location starts from: the signed-in visitor and
//! the location in the path ([`LocationPage`], the twin of [`super::CirclePage`]).
//! A malformed location id is simply "not found". The gate has already
//! refused a visitor without standing at the location; the service a handler
//! calls authorizes again and obtains the capability.

use super::UserPage;
use crate::app::AppState;
use crate::http::errors::PageError;
use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;
use samenspel_core::Error;
use samenspel_core::ids::LocationId;

/// A signed-in request for a page about one location.
pub struct LocationPage {
    pub page: UserPage,
    /// The location in the path.
    pub id: LocationId,
}

impl std::ops::Deref for LocationPage {
    type Target = UserPage;

    fn deref(&self) -> &UserPage {
        &self.page
    }
}

impl LocationPage {
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
        Ok(LocationPage { page: UserPage::from_request_parts(parts, state).await?, id })
    }
}
