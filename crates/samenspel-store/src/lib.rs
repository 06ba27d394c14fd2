//! Samenspel's storage: one [`Store`] with the same behaviour on SQLite (the
//! embedded default) and PostgreSQL (for larger deployments).
//!
//! Every function that touches circle data takes a capability from
//! `samenspel_core::access` and uses its circle (and audience) in the `WHERE`
//! clause. Functions without a capability are scoped by the signed-in user
//! (`&CurrentUser`), by a secret token, or carry a loud `internal_` name and
//! are for the command line and background jobs only.

mod db;
mod migrate;

pub mod about;
pub mod agenda;
pub mod agreements;
pub mod api_tokens;
pub mod audit;
pub mod changes;
pub mod checkins;
pub mod circles;
pub mod conversations;
pub mod help;
pub mod idempotency;
pub mod invitations;
pub mod jobs;
pub mod location_agenda;
pub mod logbook;
pub mod members;
pub mod network;
pub mod organisations;
pub mod profiles;
pub mod sessions;
pub mod sign_in_links;
pub mod users;

pub use db::{ConnectOptions, Engine, Store, Synchronous, redact};
