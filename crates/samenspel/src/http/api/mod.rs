//! The JSON API under `/api/v1`, authenticated with personal API tokens
//! (`Authorization: Bearer ssp_…`). Cookies are ignored here, so the API
//! needs no CSRF protection. The OpenAPI document is generated from the
//! handlers and served at `/api/v1/openapi.json`.

mod about;
mod agenda;
mod agreements;
mod checkins;
mod circles;
mod conversations;
mod dto;
mod help;
mod instruments;
mod invitations;
mod location_agenda;
mod logbook;
mod me;
mod members;
mod network;
pub mod openapi;
mod profiles;
mod volunteer_checkins;

use super::context::{header_str, source};
use super::errors::{ApiError, ErrorBody};
use super::routes::{Access, RouteSpec};
use crate::app::AppState;
use crate::i18n::Tr;
use crate::service::Ctx;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::Method;
use axum::http::request::Parts;
use axum::routing::get;
use axum::{Json, Router};
use samenspel_core::access::CircleAction as A;
use samenspel_core::audit::Source;
use samenspel_core::locale::Locale;
use samenspel_core::{Error, FieldError, Timestamp};
use samenspel_store::access::CurrentUser;
use samenspel_store::idempotency::IdempotencyKey;
use utoipa::OpenApi;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

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

/// The API's router (to nest under `/api/v1`) and its OpenAPI document.
pub fn router() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, doc) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(me::me))
        .routes(routes!(me::sessions))
        .routes(routes!(me::revoke_session))
        .routes(routes!(me::tokens, me::create_token))
        .routes(routes!(me::revoke_token))
        .routes(routes!(circles::list, circles::start))
        .routes(routes!(circles::get, circles::edit))
        .routes(routes!(circles::archive))
        .routes(routes!(circles::restore))
        .routes(routes!(circles::leave))
        .routes(routes!(circles::contact_audience))
        .routes(routes!(circles::audit))
        .routes(routes!(members::list))
        .routes(routes!(members::get, members::change, members::remove))
        .routes(routes!(invitations::list, invitations::create))
        .routes(routes!(invitations::revoke))
        .routes(routes!(invitations::preview))
        .routes(routes!(invitations::accept))
        .routes(routes!(logbook::overview))
        .routes(routes!(logbook::list, logbook::create))
        .routes(routes!(logbook::get, logbook::edit, logbook::delete))
        .routes(routes!(logbook::close))
        .routes(routes!(logbook::history))
        .routes(routes!(logbook::reply))
        .routes(routes!(logbook::delete_reply))
        .routes(routes!(logbook::add_reaction, logbook::remove_reaction))
        .routes(routes!(logbook::upload))
        .routes(routes!(logbook::download))
        .routes(routes!(logbook::get_settings, logbook::put_settings))
        .routes(routes!(agreements::list, agreements::add))
        .routes(routes!(agreements::change, agreements::end))
        .routes(routes!(agreements::set_policy))
        .routes(routes!(agreements::changes, agreements::record_change))
        .routes(routes!(agreements::close_change))
        .routes(routes!(conversations::guides))
        .routes(routes!(instruments::list))
        .routes(routes!(checkins::list, checkins::submit))
        .routes(routes!(checkins::signals, checkins::share_signal))
        .routes(routes!(checkins::withdraw_signal))
        .routes(routes!(checkins::set_reminder))
        .routes(routes!(volunteer_checkins::list, volunteer_checkins::submit))
        .routes(routes!(volunteer_checkins::share))
        .routes(routes!(volunteer_checkins::shared))
        .routes(routes!(about::sections))
        .routes(routes!(about::save_section))
        .routes(routes!(about::maps, about::add_map))
        .routes(routes!(about::change_map, about::remove_map))
        .routes(routes!(about::goals, about::add_goal))
        .routes(routes!(about::change_goal, about::remove_goal))
        .routes(routes!(conversations::list, conversations::hold))
        .routes(routes!(conversations::get, conversations::change, conversations::remove))
        .routes(routes!(profiles::mine, profiles::save, profiles::share, profiles::remove))
        .routes(routes!(profiles::circle_view))
        .routes(routes!(profiles::set_carer_roles))
        .routes(routes!(network::get))
        .routes(routes!(network::add))
        .routes(routes!(network::change, network::remove))
        .routes(routes!(network::place_member))
        .routes(routes!(agenda::list))
        .routes(routes!(agenda::gaps))
        .routes(routes!(agenda::create))
        .routes(routes!(agenda::get, agenda::change, agenda::remove))
        .routes(routes!(agenda::change_occurrence))
        .routes(routes!(agenda::sign_up, agenda::give_back))
        .routes(routes!(agenda::confirm))
        .routes(routes!(agenda::propose_swap))
        .routes(routes!(agenda::swaps))
        .routes(routes!(agenda::accept_swap))
        .routes(routes!(agenda::decline_swap))
        .routes(routes!(agenda::withdraw_swap))
        .routes(routes!(agenda::hours))
        .routes(routes!(help::list, help::ask))
        .routes(routes!(help::get))
        .routes(routes!(help::respond))
        .routes(routes!(help::choose))
        .routes(routes!(help::withdraw))
        .routes(routes!(location_agenda::agenda, location_agenda::plan))
        .routes(routes!(location_agenda::join, location_agenda::leave))
        .split_for_parts();
    let doc = openapi::finish(doc);
    let served = doc.clone();
    let router = router.route("/openapi.json", get(move || async move { Json(served) })).fallback(not_found);
    (router, doc)
}

async fn not_found() -> ApiError {
    ApiError(Error::NotFound)
}

/// What every API route requires; the matrix test checks this table covers
/// exactly the routes in the OpenAPI document.
pub fn specs() -> Vec<RouteSpec> {
    use Access::*;
    use samenspel_core::access::location::LocationAction as L;
    let r = |method: Method, path: &'static str, access: Access| RouteSpec { method, path, access };
    vec![
        r(Method::GET, "/me", SignedIn),
        r(Method::GET, "/me/sessions", SignedIn),
        r(Method::DELETE, "/me/sessions/{session_id}", SignedIn),
        r(Method::GET, "/me/tokens", SignedIn),
        r(Method::POST, "/me/tokens", SignedIn),
        r(Method::DELETE, "/me/tokens/{token_id}", SignedIn),
        r(Method::GET, "/circles", SignedIn),
        r(Method::POST, "/circles", SignedIn),
        r(Method::GET, "/circles/{circle_id}", Circle(A::ViewCircle)),
        r(Method::PATCH, "/circles/{circle_id}", Circle(A::EditCircle)),
        r(Method::POST, "/circles/{circle_id}/archive", Circle(A::ArchiveCircle)),
        r(Method::POST, "/circles/{circle_id}/restore", Circle(A::ArchiveCircle)),
        r(Method::POST, "/circles/{circle_id}/leave", Circle(A::Leave)),
        r(Method::PUT, "/circles/{circle_id}/contact-audience", Circle(A::ViewCircle)),
        r(Method::GET, "/circles/{circle_id}/audit", Circle(A::ViewAuditTrail)),
        r(Method::GET, "/circles/{circle_id}/members", Circle(A::ViewMembers)),
        r(Method::GET, "/circles/{circle_id}/members/{member_id}", Circle(A::ViewMembers)),
        r(Method::PATCH, "/circles/{circle_id}/members/{member_id}", Circle(A::ManageMembers)),
        r(Method::DELETE, "/circles/{circle_id}/members/{member_id}", Circle(A::ManageMembers)),
        r(Method::GET, "/circles/{circle_id}/invitations", Circle(A::InviteMembers)),
        r(Method::POST, "/circles/{circle_id}/invitations", Circle(A::InviteMembers)),
        r(Method::DELETE, "/circles/{circle_id}/invitations/{invitation_id}", Circle(A::InviteMembers)),
        r(Method::GET, "/invitations/{token}", Token),
        r(Method::POST, "/invitations/{token}/accept", Token),
        r(Method::GET, "/circles/{circle_id}/overview", Circle(A::ReadLogbook)),
        r(Method::GET, "/circles/{circle_id}/entries", Circle(A::ReadLogbook)),
        r(Method::POST, "/circles/{circle_id}/entries", Circle(A::WriteLogbook)),
        r(Method::GET, "/circles/{circle_id}/entries/{entry_id}", Circle(A::ReadLogbook)),
        r(Method::PATCH, "/circles/{circle_id}/entries/{entry_id}", CircleObject(A::WriteLogbook)),
        r(Method::DELETE, "/circles/{circle_id}/entries/{entry_id}", CircleObject(A::WriteLogbook)),
        r(Method::POST, "/circles/{circle_id}/entries/{entry_id}/close", CircleObject(A::WriteLogbook)),
        r(Method::GET, "/circles/{circle_id}/entries/{entry_id}/history", Circle(A::ReadLogbook)),
        r(Method::POST, "/circles/{circle_id}/entries/{entry_id}/replies", Circle(A::WriteLogbook)),
        r(Method::DELETE, "/circles/{circle_id}/entries/{entry_id}/replies/{reply_id}", CircleObject(A::WriteLogbook)),
        r(Method::PUT, "/circles/{circle_id}/entries/{entry_id}/reactions/{reaction}", Circle(A::WriteLogbook)),
        r(Method::DELETE, "/circles/{circle_id}/entries/{entry_id}/reactions/{reaction}", Circle(A::WriteLogbook)),
        r(Method::POST, "/circles/{circle_id}/entries/{entry_id}/attachments", CircleObject(A::WriteLogbook)),
        r(Method::GET, "/circles/{circle_id}/entries/{entry_id}/attachments/{attachment_id}", Circle(A::ReadLogbook)),
        r(Method::GET, "/circles/{circle_id}/notification-settings", Circle(A::ViewCircle)),
        r(Method::PUT, "/circles/{circle_id}/notification-settings", Circle(A::ViewCircle)),
        r(Method::GET, "/circles/{circle_id}/agreements", Circle(A::ViewAgreements)),
        r(Method::POST, "/circles/{circle_id}/agreements", Circle(A::WriteAgreements)),
        r(Method::PUT, "/circles/{circle_id}/agreements/{agreement_id}", CircleObject(A::WriteAgreements)),
        r(Method::DELETE, "/circles/{circle_id}/agreements/{agreement_id}", CircleObject(A::WriteAgreements)),
        r(Method::PUT, "/circles/{circle_id}/agreement-settings", Circle(A::EditCircle)),
        r(Method::GET, "/circles/{circle_id}/changes", Circle(A::ViewAgreements)),
        r(Method::POST, "/circles/{circle_id}/changes", Circle(A::WriteAgreements)),
        r(Method::POST, "/circles/{circle_id}/changes/{change_id}/close", Circle(A::WriteAgreements)),
        r(Method::GET, "/guides", SignedIn),
        r(Method::GET, "/instruments", SignedIn),
        r(Method::GET, "/circles/{circle_id}/check-ins", Circle(A::CarerCheckIn)),
        r(Method::POST, "/circles/{circle_id}/check-ins", Circle(A::CarerCheckIn)),
        r(Method::GET, "/circles/{circle_id}/signals", Circle(A::ViewMembers)),
        r(Method::POST, "/circles/{circle_id}/signals", Circle(A::CarerCheckIn)),
        r(Method::DELETE, "/circles/{circle_id}/signals/mine", Circle(A::CarerCheckIn)),
        r(Method::PUT, "/circles/{circle_id}/check-in-reminder", Circle(A::CarerCheckIn)),
        r(Method::GET, "/circles/{circle_id}/volunteer-check-ins", Circle(A::VolunteerCheckIn)),
        r(Method::POST, "/circles/{circle_id}/volunteer-check-ins", Circle(A::VolunteerCheckIn)),
        r(
            Method::POST,
            "/circles/{circle_id}/volunteer-check-ins/{response_id}/share",
            CircleObject(A::VolunteerCheckIn),
        ),
        r(Method::GET, "/circles/{circle_id}/volunteer-check-ins/shared", Circle(A::ViewMembers)),
        r(Method::GET, "/circles/{circle_id}/about", Circle(A::ViewAboutClient)),
        r(Method::PUT, "/circles/{circle_id}/about/{part}", Circle(A::WriteAboutClient)),
        r(Method::GET, "/circles/{circle_id}/empathy-maps", Circle(A::ViewAboutClient)),
        r(Method::POST, "/circles/{circle_id}/empathy-maps", Circle(A::WriteAboutClient)),
        r(Method::PUT, "/circles/{circle_id}/empathy-maps/{map_id}", CircleObject(A::WriteAboutClient)),
        r(Method::DELETE, "/circles/{circle_id}/empathy-maps/{map_id}", CircleObject(A::WriteAboutClient)),
        r(Method::GET, "/circles/{circle_id}/goals", Circle(A::ViewAboutClient)),
        r(Method::POST, "/circles/{circle_id}/goals", Circle(A::WriteAboutClient)),
        r(Method::PUT, "/circles/{circle_id}/goals/{goal_id}", CircleObject(A::WriteAboutClient)),
        r(Method::DELETE, "/circles/{circle_id}/goals/{goal_id}", CircleObject(A::WriteAboutClient)),
        r(Method::GET, "/circles/{circle_id}/conversations", Circle(A::ViewConversations)),
        r(Method::POST, "/circles/{circle_id}/conversations", Circle(A::HoldConversations)),
        r(Method::GET, "/circles/{circle_id}/conversations/{conversation_id}", Circle(A::ViewConversations)),
        r(Method::PUT, "/circles/{circle_id}/conversations/{conversation_id}", CircleObject(A::HoldConversations)),
        r(Method::DELETE, "/circles/{circle_id}/conversations/{conversation_id}", CircleObject(A::HoldConversations)),
        r(Method::GET, "/circles/{circle_id}/profile", Circle(A::KeepOwnProfile)),
        r(Method::PUT, "/circles/{circle_id}/profile", Circle(A::KeepOwnProfile)),
        r(Method::PATCH, "/circles/{circle_id}/profile", Circle(A::KeepOwnProfile)),
        r(Method::DELETE, "/circles/{circle_id}/profile", Circle(A::KeepOwnProfile)),
        r(Method::GET, "/circles/{circle_id}/profiles", Circle(A::ViewMembers)),
        r(Method::PUT, "/circles/{circle_id}/members/{member_id}/carer-roles", CircleObject(A::MarkCarerRoles)),
        r(Method::GET, "/circles/{circle_id}/network", Circle(A::ViewNetwork)),
        r(Method::POST, "/circles/{circle_id}/network/contacts", Circle(A::EditNetwork)),
        r(Method::PUT, "/circles/{circle_id}/network/contacts/{contact_id}", Circle(A::EditNetwork)),
        r(Method::DELETE, "/circles/{circle_id}/network/contacts/{contact_id}", Circle(A::EditNetwork)),
        r(Method::PUT, "/circles/{circle_id}/network/members/{member_id}", Circle(A::EditNetwork)),
        r(Method::GET, "/circles/{circle_id}/agenda", Circle(A::ViewAgenda)),
        r(Method::GET, "/circles/{circle_id}/agenda/gaps", Circle(A::ViewAgenda)),
        r(Method::POST, "/circles/{circle_id}/agenda/items", Circle(A::PlanAgenda)),
        r(Method::GET, "/circles/{circle_id}/agenda/items/{item_id}", Circle(A::ViewAgenda)),
        r(Method::PUT, "/circles/{circle_id}/agenda/items/{item_id}", CircleObject(A::PlanAgenda)),
        r(Method::DELETE, "/circles/{circle_id}/agenda/items/{item_id}", CircleObject(A::PlanAgenda)),
        r(Method::PUT, "/circles/{circle_id}/agenda/items/{item_id}/occurrences/{on}", CircleObject(A::PlanAgenda)),
        r(Method::POST, "/circles/{circle_id}/agenda/items/{item_id}/occurrences/{on}/sign-up", Circle(A::TakeShifts)),
        r(
            Method::DELETE,
            "/circles/{circle_id}/agenda/items/{item_id}/occurrences/{on}/sign-up",
            Circle(A::TakeShifts),
        ),
        r(Method::POST, "/circles/{circle_id}/agenda/items/{item_id}/occurrences/{on}/confirm", Circle(A::TakeShifts)),
        r(Method::POST, "/circles/{circle_id}/agenda/items/{item_id}/occurrences/{on}/swaps", Circle(A::TakeShifts)),
        r(Method::GET, "/circles/{circle_id}/swaps", Circle(A::TakeShifts)),
        r(Method::POST, "/circles/{circle_id}/swaps/{swap_id}/accept", Circle(A::TakeShifts)),
        r(Method::POST, "/circles/{circle_id}/swaps/{swap_id}/decline", Circle(A::TakeShifts)),
        r(Method::POST, "/circles/{circle_id}/swaps/{swap_id}/withdraw", Circle(A::TakeShifts)),
        r(Method::GET, "/circles/{circle_id}/rota/hours", Circle(A::ViewAgenda)),
        r(Method::GET, "/locations/{location_id}/agenda", Location(L::ViewLocationAgenda)),
        r(Method::POST, "/locations/{location_id}/agenda", Location(L::PlanLocationAgenda)),
        r(
            Method::POST,
            "/locations/{location_id}/agenda/{item_id}/occurrences/{on}/join",
            Location(L::JoinLocationAgenda),
        ),
        r(
            Method::DELETE,
            "/locations/{location_id}/agenda/{item_id}/occurrences/{on}/join",
            Location(L::JoinLocationAgenda),
        ),
        r(Method::GET, "/circles/{circle_id}/help-requests", Circle(A::ViewAgenda)),
        r(Method::POST, "/circles/{circle_id}/help-requests", Circle(A::PlanAgenda)),
        r(Method::GET, "/circles/{circle_id}/help-requests/{request_id}", Circle(A::ViewAgenda)),
        r(Method::POST, "/circles/{circle_id}/help-requests/{request_id}/responses", Circle(A::TakeShifts)),
        r(Method::POST, "/circles/{circle_id}/help-requests/{request_id}/choose", CircleObject(A::PlanAgenda)),
        r(Method::POST, "/circles/{circle_id}/help-requests/{request_id}/withdraw", CircleObject(A::PlanAgenda)),
    ]
}

/// An authenticated API request: the token's user, where it came from, when.
pub struct Api {
    pub state: AppState,
    pub user: CurrentUser,
    pub source: Source,
    pub now: Timestamp,
}

impl Api {
    pub fn ctx(&self) -> Ctx<'_> {
        Ctx { state: &self.state, user: &self.user, source: &self.source, now: self.now, tr: Tr::new(Locale::En) }
    }
}

impl FromRequestParts<AppState> for Api {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let now = Timestamp::now();
        // The gate authenticated circle and location routes already.
        let user = match parts.extensions.remove::<CurrentUser>() {
            Some(user) => user,
            None => super::gate::bearer(state, &parts.headers).await?,
        };
        Ok(Api { state: state.clone(), user, source: source(state, parts), now })
    }
}

/// An unauthenticated API request (for invitation previews).
pub struct Anonymous {
    pub state: AppState,
    pub source: Source,
    pub now: Timestamp,
}

impl FromRequestParts<AppState> for Anonymous {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        Ok(Anonymous { state: state.clone(), source: source(state, parts), now: Timestamp::now() })
    }
}

/// A JSON body whose problems come back in the API's error format.
pub struct Body<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(Body(v)),
            Err(rejection) => {
                let code = match rejection {
                    JsonRejection::MissingJsonContentType(_) => "body-not-json",
                    _ => "body-invalid",
                };
                tracing::debug!(error = %rejection, "API body refused");
                Err(ApiError(Error::Validation(vec![FieldError::new("body", code)])))
            }
        }
    }
}

/// A query string whose problems come back in the API's error format (422
/// naming `query`), like [`Body`], rather than as axum's plain-text 400.
pub struct Query<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(v)) => Ok(Query(v)),
            Err(rejection) => {
                tracing::debug!(error = %rejection, "API query refused");
                Err(ApiError(Error::Validation(vec![FieldError::new("query", "query-invalid")])))
            }
        }
    }
}

/// The optional `Idempotency-Key` header of a create request.
pub struct Idempotency(pub Option<IdempotencyKey>);

impl<S: Send + Sync> FromRequestParts<S> for Idempotency {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        match header_str(&parts.headers, "idempotency-key") {
            None => Ok(Idempotency(None)),
            Some(raw) => IdempotencyKey::parse(raw)
                .map(|k| Idempotency(Some(crate::http::idempotency::fingerprinted(k, parts))))
                .ok_or(ApiError(Error::field("Idempotency-Key", "idempotency-key-invalid"))),
        }
    }
}

/// Parses an id from the path; a malformed one is simply "not found".
pub fn id<T>(raw: &str, parse: fn(&str) -> Option<T>) -> Result<T, ApiError> {
    parse(raw).ok_or(ApiError(Error::NotFound))
}
