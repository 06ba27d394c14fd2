//! One mapping from domain errors to HTTP: status codes, JSON bodies for the
//! API, and (through the pages middleware) localized error pages.

use super::context::current_request_id;
use crate::i18n::Tr;
use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use samenspel_core::Error;
use samenspel_core::locale::Locale;
use serde::Serialize;

pub fn status(e: &Error) -> StatusCode {
    match e {
        Error::NotFound => StatusCode::NOT_FOUND,
        Error::Forbidden => StatusCode::FORBIDDEN,
        Error::Unauthenticated => StatusCode::UNAUTHORIZED,
        Error::Conflict(_) => StatusCode::CONFLICT,
        Error::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
        Error::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
        Error::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Stable, machine-readable error codes for the API.
pub fn code(e: &Error) -> &'static str {
    match e {
        Error::NotFound => "not_found",
        Error::Forbidden => "forbidden",
        Error::Unauthenticated => "unauthenticated",
        Error::Conflict(c) => c,
        Error::Validation(_) => "validation",
        Error::RateLimited(_) => "rate_limited",
        Error::Internal(_) => "internal",
    }
}

/// Logs an internal error with its whole cause chain.
fn log_internal(e: &Error) {
    if let Error::Internal(inner) = e {
        let mut chain = inner.to_string();
        let mut cause = inner.source();
        while let Some(c) = cause {
            chain.push_str(": ");
            chain.push_str(&c.to_string());
            cause = c.source();
        }
        tracing::error!(request_id = current_request_id().unwrap_or_default(), error = %chain, "internal error");
    }
}

/// An error from a page handler. The pages middleware turns the marker this
/// leaves on the response into a page in the visitor's language.
#[derive(Debug)]
pub enum PageError {
    Domain(Error),
    /// The page needs a signed-in user: redirect to the sign-in page.
    SignInNeeded,
    /// The form's CSRF token is missing or wrong (often: the page was open too long).
    BadCsrf,
}

impl From<Error> for PageError {
    fn from(e: Error) -> Self {
        match e {
            Error::Unauthenticated => PageError::SignInNeeded,
            other => PageError::Domain(other),
        }
    }
}

/// What a page handler answers.
pub type PageResult = Result<Response, PageError>;

/// Left on an error response for the pages middleware to render.
#[derive(Clone, Debug)]
pub struct ErrorPage {
    pub status: StatusCode,
    /// A message key explaining what happened.
    pub message: &'static str,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, message) = match &self {
            PageError::SignInNeeded => (StatusCode::UNAUTHORIZED, "error-sign-in-needed"),
            PageError::BadCsrf => (StatusCode::FORBIDDEN, "error-form-expired"),
            PageError::Domain(e) => {
                log_internal(e);
                let message = match e {
                    Error::NotFound => "error-not-found",
                    Error::Forbidden => "error-forbidden",
                    Error::Conflict(code) => code,
                    Error::Validation(_) => "error-validation",
                    Error::RateLimited(_) => "error-rate-limited",
                    Error::Internal(_) | Error::Unauthenticated => "error-internal",
                };
                (status(e), message)
            }
        };
        let mut response = status.into_response();
        if let PageError::Domain(Error::RateLimited(secs)) = &self
            && let Ok(v) = HeaderValue::from_str(&secs.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, v);
        }
        response.extensions_mut().insert(ErrorPage { status, message });
        response
    }
}

/// What an API handler answers.
pub type ApiResult<T> = Result<T, ApiError>;

/// An error from an API handler, rendered as
/// `{"error": {"code": …, "message": …, "fields": […]}}`.
#[derive(Debug)]
pub struct ApiError(pub Error);

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        ApiError(e)
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Machine-readable: `not_found`, `forbidden`, `unauthenticated`,
    /// `validation`, `rate_limited`, `internal`, or a conflict such as `last-manager`.
    pub code: String,
    /// For people, in English.
    pub message: String,
    /// With `validation`: what is wrong with which field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<FieldDetail>>,
    /// With `internal`: quote this when reporting the problem.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct FieldDetail {
    pub field: String,
    pub code: String,
    pub message: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let e = &self.0;
        log_internal(e);
        let en = Tr::new(Locale::En);
        let message = match e {
            Error::NotFound => en.t("error-not-found-api"),
            Error::Forbidden => en.t("error-forbidden"),
            Error::Unauthenticated => en.t("error-unauthenticated"),
            Error::Conflict(code) => en.t(code),
            Error::Validation(_) => en.t("error-validation"),
            Error::RateLimited(_) => en.t("error-rate-limited"),
            Error::Internal(_) => en.t("error-internal"),
        };
        let fields = match e {
            Error::Validation(f) => Some(
                f.iter()
                    .map(|f| FieldDetail { field: f.field.to_owned(), code: f.code.to_owned(), message: en.t(f.code) })
                    .collect(),
            ),
            _ => None,
        };
        let request_id = matches!(e, Error::Internal(_)).then(current_request_id).flatten();
        let body = ErrorBody { error: ErrorDetail { code: code(e).to_owned(), message, fields, request_id } };
        let mut response = (status(e), Json(body)).into_response();
        match e {
            Error::Unauthenticated => {
                response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            Error::RateLimited(secs) => {
                if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                    response.headers_mut().insert(header::RETRY_AFTER, v);
                }
            }
            _ => {}
        }
        response
    }
}
