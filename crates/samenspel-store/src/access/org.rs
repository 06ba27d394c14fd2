//! [`OrgCan<A>`]: permission to do `A` in one organisation, minted by
//! [`Store::authorize_org`] from the asker's own staff roles, read in that call.

use super::CurrentUser;
use crate::db::Store;
use crate::sql::args;
use samenspel_core::Timestamp;
use samenspel_core::access::{decide_org, oact};
use samenspel_core::audit::{AuditEvent, AuditSink, Outcome, Source, What};
use samenspel_core::error::Result;
use samenspel_core::ids::{OrganisationId, UserId};
use samenspel_core::role::OrgRole;
use std::marker::PhantomData;

/// Permission for `user_id` to do `A` in organisation `organisation_id`,
/// with the staff roles it was granted on.
#[derive(Debug)]
pub struct OrgCan<A> {
    organisation_id: OrganisationId,
    user_id: UserId,
    roles: Vec<OrgRole>,
    _action: PhantomData<fn() -> A>,
}

impl<A> OrgCan<A> {
    pub fn organisation_id(&self) -> &OrganisationId {
        &self.organisation_id
    }
    pub fn user_id(&self) -> &UserId {
        &self.user_id
    }
    /// The holder's staff roles in the organisation, as read when granted.
    pub fn roles(&self) -> &[OrgRole] {
        &self.roles
    }
}

impl Store {
    /// Decides an organisation-level action from the user's own staff roles
    /// in that organisation, and records the attempt in the audit trail.
    /// Someone not on its staff gets `NotFound`.
    pub async fn authorize_org<A: oact::OrgActionMarker>(
        &self,
        user: &CurrentUser,
        organisation: &OrganisationId,
        what: What,
        source: &Source,
        audit: &impl AuditSink,
        now: Timestamp,
    ) -> Result<OrgCan<A>> {
        let roles = self.own_staff_roles(user.id(), organisation).await?;
        let decision = decide_org(&roles, A::ACTION);
        let outcome = if decision.is_ok() { Outcome::Allowed } else { Outcome::Denied };
        audit.record(AuditEvent::new(Some((user.id(), user.display_name())), None, what, outcome, source, now)).await?;
        decision?;
        Ok(OrgCan { organisation_id: organisation.clone(), user_id: user.id().clone(), roles, _action: PhantomData })
    }

    /// As [`Store::admit`], for an organisation: the gate in front of a
    /// request. Someone not on its staff hears "not found".
    pub async fn admit_org(
        &self,
        user: &CurrentUser,
        organisation: &OrganisationId,
        action: samenspel_core::access::OrgAction,
        what: What,
        source: &Source,
        audit: &impl AuditSink,
        now: Timestamp,
    ) -> Result<()> {
        let decision = decide_org(&self.own_staff_roles(user.id(), organisation).await?, action);
        if decision.is_err() {
            let who = Some((user.id(), user.display_name()));
            audit.record(AuditEvent::new(who, None, what, Outcome::Denied, source, now)).await?;
        }
        decision
    }

    /// The user's own roles in one organisation.
    pub(crate) async fn own_staff_roles(&self, me: &UserId, org: &OrganisationId) -> Result<Vec<OrgRole>> {
        let rows: Vec<String> = self
            .all(
                "SELECT role FROM organisation_staff WHERE user_id = $1 AND organisation_id = $2",
                args![me.as_str(), org.as_str()],
            )
            .await?;
        Ok(rows.iter().filter_map(|r| OrgRole::parse(r)).collect())
    }
}
