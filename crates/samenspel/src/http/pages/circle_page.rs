//! What every page about one circle starts from: the circle in the path
//! ([`CirclePath`]), the page context ([`CirclePage`]: the signed-in user,
//! language, CSRF token and the circle — the pages' twin of the API's `Api`)
//! and the circle's header and tabs ([`CircleNav`], `circle_page.html`).
//!
//! The gate ([`crate::http::gate`]) has already refused an outsider before a
//! handler runs; the service a handler calls authorizes once more, obtains
//! the capability and hands back the circle and the visitor's place in it
//! ([`InCircle`]), so a page costs one capability and one audit record.
//!
//! A new page, in short (its template extends `circle_page.html`):
//!
//! ```ignore
//! pub async fn show(p: CirclePage, Query(done): Query<Done>) -> PageResult {
//!     let page = service::thing::list(&p.ctx(), &p.id).await?;
//!     render(&ThingPage { c: p.chrome(), nav: p.nav(&page, "things"), things: page.data, notice: done.notice() })
//! }
//!
//! pub async fn add(p: CirclePage, Form(f): Form<ThingForm>) -> PageResult {
//!     save_form(
//!         service::thing::add(&p.ctx(), &p.id, &f.input()).await,
//!         |id| p.at(&format!("/things/{id}?done=notice-saved")),
//!         async |errors| form_page(&p, f, errors).await,
//!     )
//!     .await
//! }
//! ```

use super::CircleNav;
use super::user_page::{PathId, PathPage, path_id};
use crate::http::errors::PageError;
use crate::service::InCircle;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use samenspel_core::ids::CircleId;

/// The `{circle}` segment of the path. A malformed id is simply "not found"
/// (the normal 404 page), like a circle that does not exist.
pub struct CirclePath(pub CircleId);

impl<S: Send + Sync> FromRequestParts<S> for CirclePath {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, PageError> {
        Ok(CirclePath(path_id(parts, state).await?))
    }
}

impl PathId for CircleId {
    const PARAM: &'static str = "circle";

    fn parse(raw: &str) -> Option<Self> {
        CircleId::parse(raw)
    }
}

crate::http::path_ids::path_ids!(PageError);

/// A signed-in request for a page about one circle.
pub type CirclePage = PathPage<CircleId>;

impl CirclePage {
    /// The circle's header and tabs, with `active` marked.
    pub fn nav<T>(&self, page: &InCircle<T>, active: &'static str) -> CircleNav {
        CircleNav::new(&page.circle, &page.place, active)
    }

    /// A path inside this circle: `at("/logbook")` is `/circles/{id}/logbook`.
    pub fn at(&self, rest: &str) -> String {
        format!("/circles/{}{rest}", self.id)
    }
}
