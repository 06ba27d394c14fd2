//! Unscoped access — for the command line, the demo data, background jobs,
//! benchmarks and tests, never for a request: `store.internal()` is the one
//! door to functions that take plain ids instead of a proof, and clippy's
//! `disallowed-methods` (see `clippy.toml`) refuses that door everywhere
//! except in the modules allowed to use it.
//!
//! Its functions live next to the data they touch, in the aggregate's own
//! module, as `impl Internal<'_>` blocks.

use crate::access::{CurrentUser, Membership, Verified};
use crate::circles::{MembershipRow, circle_from, membership_active, membership_columns, membership_from_row};
use crate::db::{Store, ms};
use crate::sql::args;
use samenspel_core::Timestamp;
use samenspel_core::error::Result;
use samenspel_core::ids::{CircleId, UserId};
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
    /// made only by `Store::authorize`), with the circle as read in the same
    /// statement: a request's gate reads both in one go.
    pub async fn active_membership(
        &self,
        user: &UserId,
        circle: &CircleId,
        now: Timestamp,
    ) -> Result<Option<Membership>> {
        let row: Option<MembershipRow> = self
            .opt(
                concat!(
                    "SELECT ",
                    membership_columns!(),
                    circle_from!(),
                    "JOIN memberships m ON m.circle_id = c.id WHERE m.user_id = $2 AND m.circle_id = $3 AND ",
                    membership_active!()
                ),
                args![ms(now), user.as_str(), circle.as_str()],
            )
            .await?;
        row.map(membership_from_row).transpose()
    }
}
