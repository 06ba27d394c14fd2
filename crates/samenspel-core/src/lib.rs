//! Samenspel's domain: identifiers, roles, circles and members, audiences, the
//! audit chain and — in [`access`] — the one place that decides what an actor
//! may do. No I/O lives here: no SQL, no HTTP. The compiler keeps it that way
//! because this crate depends on neither.

pub mod about;
pub mod access;
pub mod agenda;
pub mod agreement;
pub mod audience;
pub mod audit;
pub mod carer_signal;
pub mod change;
pub mod circle;
pub mod consent;
pub mod conversation;
pub mod empathy;
pub mod error;
pub mod help;
pub mod ids;
pub mod invitation;
mod keys;
pub mod knowledge;
pub mod locale;
pub mod logbook;
pub mod member;
pub mod monitor;
pub mod network;
pub mod organisation;
pub mod pool;
pub mod practice;
pub mod privacy;
pub mod profile;
pub mod questionnaire;
pub mod recurrence;
pub mod role;
pub mod signing;
pub mod social_map;
#[cfg(test)]
pub(crate) mod testing;
pub mod totp;
pub mod user;
pub mod validate;
pub mod wellbeing;

pub use error::{Error, FieldError, Result};

/// The clock type used throughout the domain.
pub type Timestamp = jiff::Timestamp;
