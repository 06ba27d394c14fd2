//! The gate in front of every circle, location and organisation route. The route table
//! ([`super::routes::RouteSpec`]) says what each route requires; after
//! routing, and before the handler reads a byte of the body or parses any
//! input, the gate asks the store whether the visitor may do that in the
//! circle or at the location in the path. An outsider hears "not found" (a
//! member without the right "forbidden"), with an audit record — never which
//! fields were wrong, and no upload is read for them. The handler's service
//! then authorizes again and gets its capability; the gate only refuses early.

use super::context::{Visitor, header_str, source};
use super::errors::{ApiError, PageError};
use super::routes::{Access, RouteSpec};
use crate::app::AppState;
use axum::extract::{MatchedPath, RawPathParams, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use samenspel_core::audit::{Operation, What};
use samenspel_core::ids::{CircleId, LocationId, OrganisationId};
use samenspel_core::{Error, Timestamp};
use samenspel_store::access::CurrentUser;
use std::collections::HashMap;
use std::sync::Arc;

/// What every route of one router requires, by method and route pattern.
#[derive(Clone, Debug, Default)]
pub struct Table {
    by_route: HashMap<(Method, &'static str), Access>,
    /// The prefix the router is nested under (`/api/v1`), if any.
    prefix: &'static str,
}

impl Table {
    pub fn new(specs: &[RouteSpec], prefix: &'static str) -> Arc<Table> {
        let by_route = specs.iter().map(|s| ((s.method.clone(), s.path), s.access)).collect();
        Arc::new(Table { by_route, prefix })
    }

    /// The rule for a matched route; `HEAD` is answered by the `GET` route,
    /// so it follows the `GET` rule.
    pub fn access(&self, method: &Method, matched: &str) -> Option<Access> {
        let path = matched.strip_prefix(self.prefix).unwrap_or(matched);
        let method = if *method == Method::HEAD { Method::GET } else { method.clone() };
        self.by_route.get(&(method, path)).copied()
    }

    /// Whether the matched path has a rule for some method: then a request
    /// with another method is axum's "405 Method Not Allowed", not a gap.
    fn has_path(&self, matched: &str) -> bool {
        let path = matched.strip_prefix(self.prefix).unwrap_or(matched);
        self.by_route.keys().any(|(_, p)| *p == path)
    }
}

/// The id in the path, under either naming (`{circle}` on pages, `{circle_id}` in the API).
fn param<'a>(params: &'a RawPathParams, names: [&str; 2]) -> Option<&'a str> {
    params.iter().find(|(k, _)| names.contains(k)).map(|(_, v)| v)
}

/// How a refusal is described in the audit trail.
fn refused(method: &Method, object_type: &'static str, id: &str) -> What {
    let op = if *method == Method::GET || *method == Method::HEAD { Operation::Read } else { Operation::Update };
    What::new(op, "request.refused", object_type, Some(id.to_owned()))
}

/// Decides for the route's access requirement; `Ok` lets the request on,
/// with the user carrying what the store read of their circle membership
/// (the handler's `authorize` uses it instead of reading it again).
async fn decide(
    state: &AppState,
    access: Access,
    user: Option<&CurrentUser>,
    params: &RawPathParams,
    method: &Method,
    source: &samenspel_core::audit::Source,
) -> Result<Option<CurrentUser>, Error> {
    let now = Timestamp::now();
    match access {
        Access::Public | Access::Token | Access::SignedIn => Ok(None),
        Access::Circle(action) | Access::CircleObject(action) => {
            let user = user.ok_or(Error::Unauthenticated)?;
            let raw = param(params, ["circle", "circle_id"]).unwrap_or("");
            let circle = CircleId::parse(raw).ok_or(Error::NotFound)?;
            let what = refused(method, "circle", circle.as_str());
            state.store.admit(user, &circle, action, what, source, &state.audit, now).await.map(Some)
        }
        Access::Location(action) => {
            let user = user.ok_or(Error::Unauthenticated)?;
            let raw = param(params, ["location", "location_id"]).unwrap_or("");
            let location = LocationId::parse(raw).ok_or(Error::NotFound)?;
            let what = refused(method, "location", location.as_str());
            state.store.admit_location(user, &location, action, what, source, &state.audit, now).await.map(|()| None)
        }
        Access::Organisation(action) => {
            let user = user.ok_or(Error::Unauthenticated)?;
            let raw = param(params, ["organisation", "organisation_id"]).unwrap_or("");
            let org = OrganisationId::parse(raw).ok_or(Error::NotFound)?;
            let what = refused(method, "organisation", org.as_str());
            state.store.admit_org(user, &org, action, what, source, &state.audit, now).await.map(|()| None)
        }
    }
}

/// The gate for pages: the visitor was resolved by the pages layer.
pub async fn pages(
    State((state, table)): State<(AppState, Arc<Table>)>,
    matched: MatchedPath,
    params: RawPathParams,
    req: Request,
    next: Next,
) -> Response {
    let Some(access) = table.access(req.method(), matched.as_str()) else {
        return next.run(req).await;
    };
    let Some(visitor) = req.extensions().get::<Visitor>().cloned() else {
        return PageError::from(Error::internal("page route without the visitor layer")).into_response();
    };
    match decide(&state, access, visitor.user.as_ref(), &params, req.method(), &visitor.source).await {
        Ok(admitted) => {
            let mut req = req;
            if let Some(user) = admitted {
                req.extensions_mut().insert(Visitor { user: Some(user), ..visitor });
            }
            next.run(req).await
        }
        Err(e) => PageError::from(e).into_response(),
    }
}

/// The gate for the API: authenticates the bearer token once and leaves the
/// user for the handler's `Api` extractor.
pub async fn api(
    State((state, table)): State<(AppState, Arc<Table>)>,
    matched: MatchedPath,
    params: RawPathParams,
    mut req: Request,
    next: Next,
) -> Response {
    // Every API route comes from the route table; one without a rule is a
    // mistake in the code, refused rather than let through.
    let Some(access) = table.access(req.method(), matched.as_str()) else {
        if table.has_path(matched.as_str()) {
            // Another method on a known path: the router answers 405 with Allow.
            return next.run(req).await;
        }
        return ApiError(Error::internal("API route without an access rule")).into_response();
    };
    if matches!(access, Access::Public | Access::Token | Access::SignedIn) {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    // The token's statement also reads the membership in the path's circle.
    let circle = match access {
        Access::Circle(_) | Access::CircleObject(_) => {
            param(&params, ["circle", "circle_id"]).and_then(CircleId::parse)
        }
        _ => None,
    };
    let user = match bearer(&state, &parts.headers, circle.as_ref()).await {
        Ok(u) => u,
        Err(e) => return ApiError(e).into_response(),
    };
    let source = source(&state, &parts);
    let user = match decide(&state, access, Some(&user), &params, &parts.method, &source).await {
        Ok(admitted) => admitted.unwrap_or(user),
        Err(e) => return ApiError(e).into_response(),
    };
    req = Request::from_parts(parts, body);
    req.extensions_mut().insert(user);
    next.run(req).await
}

/// The user behind `Authorization: Bearer …`, with their membership in
/// `circle` when the request is about one.
pub async fn bearer(
    state: &AppState,
    headers: &axum::http::HeaderMap,
    circle: Option<&CircleId>,
) -> Result<CurrentUser, Error> {
    let token = header_str(headers, "authorization")
        .and_then(|h| h.strip_prefix("Bearer ").or_else(|| h.strip_prefix("bearer ")))
        .map(str::trim)
        .ok_or(Error::Unauthenticated)?;
    crate::service::accounts::user_from_api_token(state, token, circle, Timestamp::now()).await
}

/// The circle a page's path is about (`/circles/{id}/…`), for the session's
/// statement to read the visitor's membership there along with it. Only a
/// reading ahead: the gate decides on the routed path's own parameter.
pub fn circle_in_path(path: &str) -> Option<CircleId> {
    let rest = path.strip_prefix("/circles/")?;
    CircleId::parse(rest.split('/').next().unwrap_or(rest))
}

#[cfg(test)]
mod tests {
    use super::circle_in_path;

    #[test]
    fn the_circle_of_a_page_path_is_read_ahead_only_for_an_id() {
        let id = "01a2530d-6129-77ef-b00b-682fa123dd14";
        assert_eq!(circle_in_path(&format!("/circles/{id}/logbook")).map(|c| c.as_str().to_owned()), Some(id.into()));
        assert_eq!(circle_in_path(&format!("/circles/{id}")).map(|c| c.as_str().to_owned()), Some(id.into()));
        assert!(circle_in_path("/circles/new").is_none());
        assert!(circle_in_path("/circles").is_none());
        assert!(circle_in_path(&format!("/locations/{id}")).is_none());
    }
}
