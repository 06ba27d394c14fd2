//! The one error type every layer speaks. Each case is something a caller acts
//! on; the HTTP layer maps each to exactly one status code.

use std::fmt;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A problem with one input field. `code` is a message key that the interface
/// translates ("email-invalid"), never a sentence in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub code: &'static str,
}

impl FieldError {
    pub fn new(field: &'static str, code: &'static str) -> Self {
        FieldError { field, code }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Does not exist — or exists but is not yours. The two must look the same.
    #[error("not found")]
    NotFound,
    /// You may see this, but not do this.
    #[error("forbidden")]
    Forbidden,
    /// No valid credentials.
    #[error("not signed in")]
    Unauthenticated,
    /// The request clashes with the current state; `code` is a message key.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// One or more fields are wrong.
    #[error("invalid input: {}", fmt_fields(.0))]
    Validation(Vec<FieldError>),
    /// Too many attempts; try again after this many seconds.
    #[error("rate limited, retry after {0}s")]
    RateLimited(u64),
    /// A bug or an outage. Logged with its cause chain; shown as an opaque message.
    #[error("internal error: {0}")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl Error {
    pub fn internal(err: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Error::Internal(err.into())
    }

    pub fn field(field: &'static str, code: &'static str) -> Self {
        Error::Validation(vec![FieldError::new(field, code)])
    }
}

fn fmt_fields(fields: &[FieldError]) -> String {
    let mut out = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let _ = fmt::Write::write_fmt(&mut out, format_args!("{}: {}", f.field, f.code));
    }
    out
}

/// Collects field errors so a form can report all of them at once.
#[derive(Debug, Default)]
pub struct Validator {
    errors: Vec<FieldError>,
}

impl Validator {
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs one field's check, keeping its value when it passes.
    pub fn check<T>(&mut self, result: std::result::Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.errors.push(e);
                None
            }
        }
    }

    pub fn push(&mut self, field: &'static str, code: &'static str) {
        self.errors.push(FieldError::new(field, code));
    }

    pub fn finish(self) -> Result<()> {
        if self.errors.is_empty() { Ok(()) } else { Err(Error::Validation(self.errors)) }
    }
}
