//! Forms: the CSRF-checked body extractors ([`Form`]; uploads: [`super::UploadForm`]), a
//! form's field errors ([`Errors`]) and the one way to answer a posted form
//! ([`save_form`]: 303 on success, the form again with 422 otherwise).

use super::super::context::Visitor;
use super::super::errors::PageError;
use super::{render_with, see_other};
use crate::app::AppState;
use crate::crypto;
use crate::http::pages::PageResult;
use askama::Template;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use samenspel_core::audience::Audience;
use samenspel_core::{Error, FieldError};
use serde::de::DeserializeOwned;

/// Field errors of a form, looked up by field name in templates.
#[derive(Default)]
pub struct Errors(pub Vec<FieldError>);

impl Errors {
    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|e| e.field == field)
    }

    /// The message key for `field`'s first error (empty when none).
    pub fn code(&self, field: &str) -> &'static str {
        self.0.iter().find(|e| e.field == field).map(|e| e.code).unwrap_or("")
    }

    pub fn any(&self) -> bool {
        !self.0.is_empty()
    }

    pub fn all(&self) -> &[FieldError] {
        &self.0
    }
}

/// Splits a service result: validation errors go back to the form, anything
/// else is an error page.
pub fn form_errors<T>(r: Result<T, Error>) -> Result<Result<T, Errors>, PageError> {
    match r {
        Ok(v) => Ok(Ok(v)),
        Err(Error::Validation(f)) => Ok(Err(Errors(f))),
        Err(e) => Err(e.into()),
    }
}

/// The visitor the pages layer resolved (a form's CSRF token is bound to it).
fn visitor_of(req: &Request) -> Result<Visitor, PageError> {
    req.extensions().get::<Visitor>().cloned().ok_or_else(|| Error::internal("form without visitor").into())
}

/// A form body, accepted only with a valid CSRF token.
pub struct Form<T>(pub T);

#[derive(serde::Deserialize, Default)]
struct CsrfField {
    #[serde(default)]
    csrf: String,
}

impl<T: DeserializeOwned> FromRequest<AppState> for Form<T> {
    type Rejection = PageError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, PageError> {
        let visitor = visitor_of(&req)?;
        let bytes = Bytes::from_request(req, state).await.map_err(|_| PageError::from(Error::Validation(vec![])))?;
        let field: CsrfField = serde_html_form::from_bytes(&bytes).unwrap_or_default();
        if !crypto::csrf_valid(state.config.secret_key.expose(), &visitor.csrf_binding, &field.csrf) {
            return Err(PageError::BadCsrf);
        }
        let value = serde_html_form::from_bytes(&bytes).map_err(|e| {
            tracing::debug!(error = %e, "form did not parse");
            PageError::from(Error::Validation(vec![]))
        })?;
        Ok(Form(value))
    }
}

/// Parses an id from the path; anything malformed is simply "not found".
pub fn path_id<T>(raw: &str, parse: fn(&str) -> Option<T>) -> Result<T, PageError> {
    parse(raw).ok_or(PageError::Domain(Error::NotFound))
}

/// The one way to answer a posted form: on success a 303 to the place
/// `to` names (so a reload does not post again); on validation errors the
/// form page `again` builds — with the errors and what the visitor typed —
/// answered with 422. Any other error becomes an error page.
pub async fn save_form<T, P: Template, S: AsRef<str>>(
    result: Result<T, Error>,
    to: impl FnOnce(T) -> S,
    again: impl AsyncFnOnce(Errors) -> Result<P, PageError>,
) -> PageResult {
    match form_errors(result)? {
        Ok(v) => Ok(see_other(to(v).as_ref())),
        Err(errors) => render_with(StatusCode::UNPROCESSABLE_ENTITY, &again(errors).await?),
    }
}

/// The answers of a questionnaire form: every field filled in, without the
/// CSRF token and the form's own `controls` (such as a "share" checkbox).
pub fn answers(pairs: Vec<(String, String)>, controls: &[&str]) -> std::collections::BTreeMap<String, String> {
    pairs.into_iter().filter(|(k, v)| k != "csrf" && !controls.contains(&k.as_str()) && !v.trim().is_empty()).collect()
}

/// Who may see what a form saves, for `audience_fields.html`: the audiences
/// to choose from, or — for a visitor who may not decide — the current
/// audience in words; and the hint under the chosen members.
pub struct AudienceChoice {
    pub decides: bool,
    pub current: String,
    pub chosen_hint: &'static str,
    pub audiences: [Audience; 4],
}

impl AudienceChoice {
    /// Something new: its writer chooses who sees it.
    pub fn new(chosen_hint: &'static str) -> Self {
        AudienceChoice::of(chosen_hint, true, String::new())
    }

    /// Something that exists: `decides` whether this visitor may change who
    /// sees it, `current` being that audience in words.
    pub fn of(chosen_hint: &'static str, decides: bool, current: String) -> Self {
        AudienceChoice { decides, current, chosen_hint, audiences: Audience::ALL }
    }
}

/// `has_chosen` for a form with a `chosen` list (the members of a "chosen"
/// audience), which `audience_fields.html` asks for each member.
macro_rules! audience_fields {
    ($form:ident) => {
        impl $form {
            pub fn has_chosen(&self, id: &str) -> bool {
                self.chosen.iter().any(|c| c == id)
            }
        }
    };
}
pub(crate) use audience_fields;

/// A form that carries nothing but its CSRF token (a button).
#[derive(serde::Deserialize, Default)]
pub struct Empty {}
