//! [`LocationCan<A>`]: permission to do `A` at one location, minted by
//! [`Store::authorize_location`] from how the asker stands there — their
//! staff roles in its organisation and their roles in its active circles —
//! read in that call.

use super::CurrentUser;
use crate::db::{Store, ms};
use crate::sql::args;
use samenspel_core::Timestamp;
use samenspel_core::access::location::{LocationAction, LocationStanding, decide_location, lact, may_location};
use samenspel_core::audit::{AuditEvent, AuditSink, Outcome, Source, What};
use samenspel_core::error::{Error, Result};
use samenspel_core::ids::{LocationId, OrganisationId, UserId};
use samenspel_core::role::{LocationRole, OrgRole, Role};
use std::marker::PhantomData;

/// Permission for a user to do `A` at a location, with the standing it was
/// granted on.
#[derive(Debug)]
pub struct LocationCan<A> {
    location_id: LocationId,
    location_name: String,
    user_id: UserId,
    standing: LocationStanding,
    _action: PhantomData<fn() -> A>,
}

impl<A> LocationCan<A> {
    pub fn location_id(&self) -> &LocationId {
        &self.location_id
    }
    pub fn location_name(&self) -> &str {
        &self.location_name
    }
    pub fn user_id(&self) -> &UserId {
        &self.user_id
    }
    /// Is the holder on the organisation's staff, or on this location's?
    pub fn staff(&self) -> bool {
        !self.standing.staff.is_empty() || !self.standing.location_staff.is_empty()
    }
    /// The organisation the location belongs to.
    pub fn organisation_id(&self) -> Option<&OrganisationId> {
        self.standing.organisation_id.as_ref()
    }
    /// The same holder's permission for another location action, decided
    /// on the standing this capability was granted on.
    pub fn also<B: lact::LocationActionMarker>(&self) -> Option<LocationCan<B>> {
        may_location(&self.standing, B::ACTION).then(|| LocationCan {
            location_id: self.location_id.clone(),
            location_name: self.location_name.clone(),
            user_id: self.user_id.clone(),
            standing: self.standing.clone(),
            _action: PhantomData,
        })
    }
}

impl Store {
    /// Decides a location action and records the attempt in the audit trail.
    /// Someone with no standing at the location, or a location that does
    /// not exist, gets `NotFound`.
    pub async fn authorize_location<A: lact::LocationActionMarker>(
        &self,
        user: &CurrentUser,
        location: &LocationId,
        what: What,
        source: &Source,
        audit: &impl AuditSink,
        now: Timestamp,
    ) -> Result<LocationCan<A>> {
        let found = self.own_location_standing(user.id(), location, now).await?;
        let decision = match &found {
            Some((standing, _)) => decide_location(standing, A::ACTION),
            None => Err(Error::NotFound),
        };
        let outcome = if decision.is_ok() { Outcome::Allowed } else { Outcome::Denied };
        super::record(audit, AuditEvent::new(Some((user.id(), user.display_name())), None, what, outcome, source, now))
            .await?;
        decision?;
        let (standing, location_name) = found.ok_or(Error::NotFound)?;
        Ok(LocationCan {
            location_id: location.clone(),
            location_name,
            user_id: user.id().clone(),
            standing,
            _action: PhantomData,
        })
    }

    /// As [`Store::admit`], for a location: the gate in front of a request.
    pub async fn admit_location(
        &self,
        user: &CurrentUser,
        location: &LocationId,
        action: LocationAction,
        what: What,
        source: &Source,
        audit: &impl AuditSink,
        now: Timestamp,
    ) -> Result<()> {
        let decision = match self.own_location_standing(user.id(), location, now).await? {
            Some((standing, _)) => decide_location(&standing, action),
            None => Err(Error::NotFound),
        };
        if decision.is_err() {
            let who = Some((user.id(), user.display_name()));
            super::record(audit, AuditEvent::new(who, None, what, Outcome::Denied, source, now)).await?;
        }
        decision
    }

    /// How a user stands towards a location, with its name. `None` when the
    /// location does not exist.
    async fn own_location_standing(
        &self,
        user: &UserId,
        location: &LocationId,
        now: Timestamp,
    ) -> Result<Option<(LocationStanding, String)>> {
        let loc: Option<(String, String)> =
            self.opt("SELECT organisation_id, name FROM locations WHERE id = $1", args![location.as_str()]).await?;
        let Some((org, name)) = loc else { return Ok(None) };
        let org = OrganisationId::from_db(org);
        let staff: Vec<OrgRole> = self.own_staff_roles(user, &org).await?;
        let location_staff: Vec<String> = self
            .all(
                "SELECT role FROM location_staff WHERE user_id = $1 AND location_id = $2",
                args![user.as_str(), location.as_str()],
            )
            .await?;
        let roles: Vec<String> = self
            .all(
                "SELECT m.role FROM memberships m JOIN circles c ON c.id = m.circle_id WHERE m.user_id = $1 \
             AND c.location_id = $2 AND c.archived_at IS NULL AND m.ended_at IS NULL \
             AND (m.access_until IS NULL OR m.access_until > $3)",
                args![user.as_str(), location.as_str(), ms(now)],
            )
            .await?;
        Ok(Some((
            LocationStanding {
                organisation_id: Some(org),
                staff,
                location_staff: location_staff.iter().filter_map(|r| LocationRole::parse(r)).collect(),
                circle_roles: roles.iter().filter_map(|r| Role::parse(r)).collect(),
            },
            name,
        )))
    }
}
