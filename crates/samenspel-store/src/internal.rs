//! Unscoped access — for the command line, the demo data, background jobs,
//! benchmarks and tests, never for a request: `store.internal()` is the one
//! door to functions that take plain ids instead of a proof, and clippy's
//! `disallowed-methods` (see `clippy.toml`) refuses that door everywhere
//! except in the modules allowed to use it.
//!
//! Its functions live next to the data they touch, in the aggregate's own
//! module, as `impl Internal<'_>` blocks.

use crate::access::{CurrentUser, Verified};
use crate::db::{Store, ms};
use crate::sql::{args, db_row};
use samenspel_core::Timestamp;
use samenspel_core::access::MemberFacts;
use samenspel_core::consent::Consent;
use samenspel_core::error::{Error, Result};
use samenspel_core::ids::{CircleId, MemberId, UserId};
use samenspel_core::role::Role;
use std::ops::Deref;

/// The store, without the requirement of a proof.
pub struct Internal<'a> {
    store: &'a Store,
}

impl Deref for Internal<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        self.store
    }
}

impl Store {
    /// Unscoped access: see the module documentation. Not for request paths.
    pub fn internal(&self) -> Internal<'_> {
        Internal { store: self }
    }
}

impl Internal<'_> {
    /// Acts as `user` in a background job, the CLI or the demo: the same
    /// scoped functions then apply as for a request. `job` names the actor
    /// in the audit trail. A disabled account gets `Unauthenticated`.
    pub async fn act_as(&self, user: &UserId, job: &'static str) -> Result<CurrentUser> {
        self.user_for_job(user, job).await
    }

    /// A sign-in proof for `user`, for the CLI, the demo and tests.
    pub fn verified(&self, user: &UserId) -> Verified {
        Verified::new(user.clone())
    }

    /// Someone's active membership in a circle, as plain facts (a proof is
    /// made only by `Store::authorize`).
    pub async fn active_membership(
        &self,
        user: &UserId,
        circle: &CircleId,
        now: Timestamp,
    ) -> Result<Option<(MemberId, MemberFacts)>> {
        db_row! {
            struct Row { member_id: String, role: String, manager: bool, archived: Option<i64>, consent: i64 }
        }
        let row: Option<Row> = self.opt(
            "SELECT m.id, m.role, m.manager, c.archived_at, c.consent_hidden FROM memberships m JOIN circles c ON c.id = m.circle_id \
             WHERE m.user_id = $1 AND m.circle_id = $2 AND m.ended_at IS NULL AND (m.access_until IS NULL OR m.access_until > $3)",
            args![user.as_str(), circle.as_str(), ms(now)],
        )
        .await?;
        let Some(Row { member_id, role, manager, archived, consent }) = row else {
            return Ok(None);
        };
        let role = Role::parse(&role).ok_or_else(|| Error::internal(format!("unknown role {role:?}")))?;
        Ok(Some((
            MemberId::from_db(member_id),
            MemberFacts { role, manager, circle_archived: archived.is_some(), consent: Consent::from_db(consent) },
        )))
    }
}
