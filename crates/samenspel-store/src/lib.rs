//! Samenspel's storage: one [`Store`] with the same behaviour on SQLite (the
//! embedded default) and PostgreSQL (for larger deployments).
//!
//! Every public function takes a proof and puts its scope in the `WHERE`
//! clause: a capability from [`access`] (`Can<A>` for a circle's data,
//! `LocationCan<A>`, `OrgCan<A>`), the signed-in [`access::CurrentUser`] for
//! their own account, a [`access::Verified`] sign-in proof, or the hash of a
//! secret token (sign-in links, invitations, sessions, API tokens, calendar
//! addresses). The proofs are minted only in [`access`]. Everything else —
//! plain ids, for the command line, the demo, jobs and tests — is behind
//! [`Store::internal`], which clippy forbids in request paths.

#![expect(
    clippy::disallowed_methods,
    reason = "the store itself reads what its proofs are made from; the rule is for its callers"
)]

pub mod access;
mod db;
mod group_commit;
mod in_thread;
mod internal;
mod migrate;
mod migrations;
mod readers;
mod sql;
mod statements;

pub mod about;
pub mod agenda;
pub mod agreements;
pub mod api_tokens;
pub mod audit;
pub mod changes;
pub mod checkins;
pub mod circles;
pub mod consent;
pub mod conversations;
pub mod generate;
pub mod help;
pub mod idempotency;
pub mod inbox;
pub mod invitations;
pub mod jobs;
pub mod knowledge;
pub mod location_agenda;
pub mod logbook;
pub mod members;
pub mod monitor;
pub mod network;
pub mod organisations;
pub mod pool;
pub mod practice;
pub mod privacy;
pub mod profiles;
pub mod push;
pub mod rate_limits;
pub mod second_factor;
pub mod sessions;
pub mod sign_in_links;
pub mod social_map;
pub mod sso;
pub mod users;

pub use db::{ConnectOptions, Engine, Store, Synchronous, redact};
pub use internal::Internal;
pub use migrate::{PendingMigration, SchemaStatus};
pub use statements::{count_statements, trace_statements};
