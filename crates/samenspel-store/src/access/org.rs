//! [`OrgCan<A>`]: permission to do `A` in one organisation, minted by
//! [`Store::authorize_org`] from how the asker stands there — their staff
//! roles in it and at its locations, whether they are in one of its
//! circles, and whether they are in its volunteer pool — read in that call.

use super::CurrentUser;
use crate::db::Store;
use crate::sql::args;
use samenspel_core::Timestamp;
use samenspel_core::access::{OrgStanding, decide_org, oact};
use samenspel_core::audit::{AuditEvent, AuditSink, Outcome, Source, What};
use samenspel_core::error::Result;
use samenspel_core::ids::{OrganisationId, UserId};
use samenspel_core::role::{LocationRole, OrgRole};
use std::marker::PhantomData;

/// Permission for `user_id` to do `A` in organisation `organisation_id`,
/// with the staff roles it was granted on.
#[derive(Debug)]
pub struct OrgCan<A> {
    organisation_id: OrganisationId,
    user_id: UserId,
    standing: OrgStanding,
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
        &self.standing.staff
    }
    /// How the holder stood towards the organisation when granted.
    pub fn standing(&self) -> &OrgStanding {
        &self.standing
    }
    /// The holder's staff roles at the organisation's locations.
    pub fn location_roles(&self) -> &[LocationRole] {
        &self.standing.location_staff
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
        let standing = self.own_org_standing(user.id(), organisation, now).await?;
        let decision = decide_org(&standing, A::ACTION);
        let outcome = if decision.is_ok() { Outcome::Allowed } else { Outcome::Denied };
        super::record(audit, AuditEvent::new(Some((user.id(), user.display_name())), None, what, outcome, source, now))
            .await?;
        decision?;
        Ok(OrgCan { organisation_id: organisation.clone(), user_id: user.id().clone(), standing, _action: PhantomData })
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
        let decision = decide_org(&self.own_org_standing(user.id(), organisation, now).await?, action);
        if decision.is_err() {
            let who = Some((user.id(), user.display_name()));
            super::record(audit, AuditEvent::new(who, None, what, Outcome::Denied, source, now)).await?;
        }
        decision
    }

    /// How the user stands towards one organisation.
    async fn own_org_standing(&self, me: &UserId, org: &OrganisationId, now: Timestamp) -> Result<OrgStanding> {
        let staff = self.own_staff_roles(me, org).await?;
        let location_staff: Vec<String> = self
            .all(
                "SELECT s.role FROM location_staff s JOIN locations l ON l.id = s.location_id \
                 WHERE s.user_id = $1 AND l.organisation_id = $2",
                args![me.as_str(), org.as_str()],
            )
            .await?;
        let member: bool = self
            .one(
                "SELECT EXISTS (SELECT 1 FROM memberships m JOIN circles c ON c.id = m.circle_id \
                 WHERE m.user_id = $1 AND c.organisation_id = $2 AND c.archived_at IS NULL AND m.ended_at IS NULL \
                 AND (m.access_until IS NULL OR m.access_until > $3))",
                args![me.as_str(), org.as_str(), crate::db::ms(now)],
            )
            .await?;
        let pool: bool = self
            .one(
                "SELECT EXISTS (SELECT 1 FROM pool_volunteers WHERE user_id = $1 AND organisation_id = $2)",
                args![me.as_str(), org.as_str()],
            )
            .await?;
        Ok(OrgStanding {
            staff,
            location_staff: location_staff.iter().filter_map(|r| LocationRole::parse(r)).collect(),
            member,
            pool,
        })
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
