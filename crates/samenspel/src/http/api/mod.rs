//! The JSON API under `/api/v1`, authenticated with personal API tokens
//! (`Authorization: Bearer ssp_…`). Cookies are ignored here, so the API
//! needs no CSRF protection. Every route is declared once, in [`table`]:
//! the router, the OpenAPI document (served at `/api/v1/openapi.json`) and
//! the gate's access rules are built from it.

mod about;
mod agenda;
mod agreements;
mod checkins;
mod circles;
mod consent;
mod conversations;
mod dto;
mod extract;
mod fhir;
mod help;
mod inbox;
mod instruments;
mod invitations;
mod knowledge;
mod location_agenda;
mod logbook;
mod me;
mod members;
mod monitor;
mod network;
pub mod openapi;
mod pool;
mod practice;
mod profiles;
mod push;
mod social_map;
mod table;
mod volunteer_checkins;

pub use extract::{Anonymous, Api, Body, CircleApi, Detail, Idempotency, Object, Query, id};

use super::errors::{ApiError, ErrorBody};
use super::gate;
use super::routes::{Access, RouteSpec};
use crate::app::AppState;
use axum::Router;
use axum::http::Method;
use axum::routing::get;
use samenspel_core::Error;
use std::sync::OnceLock;
use utoipa::OpenApi;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouter};

/// Where the API is nested; the gate matches route patterns without it.
const PREFIX: &str = "/api/v1";

#[derive(OpenApi)]
#[openapi(
    info(title = "Samenspel API", version = "1", description = "Everything a person can do in Samenspel's pages, for programs. Authenticate with a personal API token from your account page: `Authorization: Bearer ssp_…`."),
    servers((url = "/api/v1")),
    components(schemas(ErrorBody)),
    modifiers(&BearerAuth),
    security(("bearer" = []))
)]
struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// One row of the route table: the access the gate checks, and one handler
/// with its OpenAPI entry (from which its method and path come).
pub(crate) struct Route {
    access: Access,
    handler: UtoipaMethodRouter<AppState>,
}

impl Route {
    fn new(access: Access, handler: UtoipaMethodRouter<AppState>) -> Route {
        Route { access, handler }
    }

    /// The method and path of each operation the handler's annotation declares.
    fn operations(&self) -> Vec<(Method, String)> {
        let mut out = Vec::new();
        for (path, item) in &self.handler.1.paths {
            let methods = [
                (Method::GET, &item.get),
                (Method::PUT, &item.put),
                (Method::POST, &item.post),
                (Method::DELETE, &item.delete),
                (Method::PATCH, &item.patch),
                (Method::HEAD, &item.head),
                (Method::OPTIONS, &item.options),
                (Method::TRACE, &item.trace),
            ];
            out.extend(methods.into_iter().filter(|(_, op)| op.is_some()).map(|(m, _)| (m, path.clone())));
        }
        out
    }
}

/// The table's handlers as one router, and the OpenAPI document they
/// declare, finished and written out as JSON once.
fn assemble(rows: Vec<Route>) -> (Router<AppState>, axum::body::Bytes) {
    let api = rows.into_iter().fold(OpenApiRouter::with_openapi(ApiDoc::openapi()), |api, row| api.routes(row.handler));
    let (router, doc) = api.split_for_parts();
    (router, openapi::finish(doc).into())
}

/// The API's router, to nest under `/api/v1`: every route of the table
/// behind the gate, which refuses a route it has no rule for; then the
/// OpenAPI document and the fallback, which need none.
pub fn router(state: &AppState) -> Router<AppState> {
    // The rules first: building the table's documents takes tens of
    // megabytes for a moment, and what the allocator has once grown to it
    // keeps, so the two builds go one after the other, not side by side.
    let rules = gate::Table::new(&specs(), PREFIX);
    let (router, doc) = assemble(table::table());
    // Innermost first: the idempotency fingerprint and the NUL check of the
    // body run after the gate; the NUL check of path and query before it.
    let router = router
        .route_layer(axum::middleware::from_fn(super::idempotency::fingerprint))
        .route_layer(axum::middleware::from_fn_with_state(super::uploads::Surface::Api, super::nul::body))
        .route_layer(axum::middleware::from_fn_with_state((state.clone(), rules), gate::api))
        .route_layer(axum::middleware::from_fn_with_state(super::uploads::Surface::Api, super::nul::target));
    let json = move || {
        let doc = doc.clone();
        async move { ([(axum::http::header::CONTENT_TYPE, "application/json")], doc) }
    };
    router.route("/openapi.json", get(json)).fallback(not_found)
}

async fn not_found() -> ApiError {
    ApiError(Error::NotFound)
}

/// What every API route requires, by method and path, from the table. The
/// route matrix test walks these as every kind of visitor.
pub fn specs() -> Vec<RouteSpec> {
    static SPECS: OnceLock<Vec<(Method, String, Access)>> = OnceLock::new();
    let specs = SPECS.get_or_init(|| {
        let rows = table::table();
        rows.iter().flat_map(|r| r.operations().into_iter().map(|(m, p)| (m, p, r.access))).collect()
    });
    specs.iter().map(|(method, path, access)| RouteSpec { method: method.clone(), path, access: *access }).collect()
}

#[cfg(test)]
mod tests;
