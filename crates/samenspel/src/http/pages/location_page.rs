//! What every page about one location starts from: the signed-in visitor and
//! the location in the path ([`LocationPage`], the twin of [`super::CirclePage`]).
//! The gate has already refused a visitor without standing at the location;
//! the service a handler calls authorizes again and obtains the capability.

use super::user_page::{PathId, PathPage};
use samenspel_core::ids::LocationId;

/// A signed-in request for a page about one location.
pub type LocationPage = PathPage<LocationId>;

impl PathId for LocationId {
    const PARAM: &'static str = "location";

    fn parse(raw: &str) -> Option<Self> {
        LocationId::parse(raw)
    }
}

impl LocationPage {
    /// A path inside this location: `at("/agenda")` is `/locations/{id}/agenda`.
    pub fn at(&self, rest: &str) -> String {
        format!("/locations/{}{rest}", self.id)
    }
}
