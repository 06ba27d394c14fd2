//! What every API handler extracts from a request: the token's user
//! ([`Api`]), or nobody ([`Anonymous`]); a JSON body, a query string and an
//! `Idempotency-Key` whose problems come back in the API's error format; and
//! ids from the path, where a malformed one is simply "not found".

use crate::app::AppState;
use crate::http::context::{header_str, source};
use crate::http::errors::ApiError;
use crate::i18n::Tr;
use crate::service::Ctx;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::http::request::Parts;
use samenspel_core::audit::Source;
use samenspel_core::ids::CircleId;
use samenspel_core::locale::Locale;
use samenspel_core::{Error, FieldError, Timestamp};
use samenspel_store::access::CurrentUser;
use samenspel_store::idempotency::IdempotencyKey;

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
            None => crate::http::gate::bearer(state, &parts.headers, None).await?,
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

/// The value of the path parameter `name`; a missing or malformed one is
/// simply "not found", like a thing that does not exist.
async fn path_param<T, S: Send + Sync>(
    parts: &mut Parts,
    state: &S,
    name: &str,
    parse: fn(&str) -> Option<T>,
) -> Result<T, ApiError> {
    let params = RawPathParams::from_request_parts(parts, state).await.map_err(|_| ApiError(Error::NotFound))?;
    let raw = params.iter().find(|(k, _)| *k == name).map(|(_, v)| v).unwrap_or("");
    id(raw, parse)
}

/// An authenticated request about the circle in the path (`{circle_id}`):
/// the API's twin of the pages' `CirclePage`. The caller is authenticated
/// first (401), then a malformed circle id is "not found" (404), before any
/// body is read.
pub struct CircleApi {
    pub api: Api,
    pub circle: CircleId,
}

impl CircleApi {
    pub fn ctx(&self) -> Ctx<'_> {
        self.api.ctx()
    }
}

impl FromRequestParts<AppState> for CircleApi {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let api = Api::from_request_parts(parts, state).await?;
        let circle = path_param(parts, state, "circle_id", CircleId::parse).await?;
        Ok(CircleApi { api, circle })
    }
}

crate::http::path_ids::path_ids!(ApiError);
