//! A person's own data (GDPR): reading it for an export ([`export`]),
//! forgetting the account ([`forget`]), the log of privacy requests, and
//! deleting archived circles after the organisation's retention period
//! ([`retention`]).
//!
//! Every read here is keyed on a [`CurrentUser`], which only the store makes
//! from a checked credential: a person reaches their own rows and nothing
//! else. What they wrote is read by authorship, never through a circle's
//! audience, so nothing someone else wrote can come along.

mod export;
mod forget;
mod retention;

pub use export::{Attachment, file_path};
pub use retention::{KEPT as RETENTION_KEPT, PURGE as RETENTION_PURGE, PurgedCircle};

use crate::access::CurrentUser;
use crate::db::{Store, Tx, ms, ts, ts_opt};
use crate::sql::args;
use samenspel_core::privacy::{PrivacyRequest, RequestKind};
use samenspel_core::{Error, Result, Timestamp};

/// Logs a request that was answered at once (self-service).
pub(crate) async fn log_request(tx: &mut Tx, user: &str, kind: RequestKind, now: Timestamp) -> Result<()> {
    tx.exec(
        "INSERT INTO privacy_requests (id, user_id, kind, requested_at, answered_at) VALUES ($1, $2, $3, $4, $4)",
        args![uuid::Uuid::now_v7().to_string(), user, kind.as_str(), ms(now)],
    )
    .await?;
    Ok(())
}

impl Store {
    /// Records a privacy request of the current user, answered now.
    pub async fn log_privacy_request(&self, user: &CurrentUser, kind: RequestKind, now: Timestamp) -> Result<()> {
        let mut tx = self.begin().await?;
        log_request(&mut tx, user.id().as_str(), kind, now).await?;
        tx.commit().await
    }

    /// The current user's privacy requests, newest first.
    pub async fn privacy_requests(&self, user: &CurrentUser) -> Result<Vec<PrivacyRequest>> {
        let rows: Vec<(String, i64, Option<i64>)> = self
            .all(
                "SELECT kind, requested_at, answered_at FROM privacy_requests WHERE user_id = $1 \
                 ORDER BY requested_at DESC, id DESC LIMIT 100",
                args![user.id().as_str()],
            )
            .await?;
        rows.into_iter()
            .map(|(kind, at, answered)| {
                Ok(PrivacyRequest {
                    kind: RequestKind::parse(&kind).ok_or_else(|| Error::internal("unknown privacy request kind"))?,
                    requested_at: ts(at),
                    answered_at: ts_opt(answered),
                })
            })
            .collect()
    }
}
