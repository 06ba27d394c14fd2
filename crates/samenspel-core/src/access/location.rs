//! Location-level actions: a location's own rota (the living-room host, the
//! duo-bike rides) and its open meetings (family evenings, "lege stoel"
//! meetings). Who may see and join them follows from the people themselves:
//! the organisation's staff, and everyone who is an active member of a
//! circle at that location. Planning is for the organisation's coordinators
//! and administrators.

use super::CurrentUser;
use crate::Timestamp;
use crate::audit::{AuditEvent, AuditSink, Outcome, Source, What};
use crate::error::{Error, Result};
use crate::ids::{LocationId, OrganisationId, UserId};
use crate::role::OrgRole;
use crate::role::Role;
use std::marker::PhantomData;

/// What someone does with a location's agenda.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LocationAction {
    /// See the location's rota and open meetings.
    ViewLocationAgenda,
    /// Put rota shifts and meetings in it.
    PlanLocationAgenda,
    /// Take a place in a shift or a meeting, or give it back.
    JoinLocationAgenda,
}

/// How someone stands towards a location: their staff roles in its
/// organisation, and their roles in the circles there (active memberships
/// of circles that are not archived).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocationStanding {
    pub organisation_id: Option<OrganisationId>,
    pub staff: Vec<OrgRole>,
    pub circle_roles: Vec<Role>,
}

/// * Staff and members of the location's circles see its agenda and join it.
/// * Coordinators and administrators plan it.
/// * Anyone else does not know it exists.
pub fn may_location(standing: &LocationStanding, action: LocationAction) -> bool {
    let staff = !standing.staff.is_empty();
    let member = !standing.circle_roles.is_empty();
    match action {
        LocationAction::ViewLocationAgenda | LocationAction::JoinLocationAgenda => staff || member,
        LocationAction::PlanLocationAgenda => {
            standing.staff.contains(&OrgRole::Admin) || standing.staff.contains(&OrgRole::Coordinator)
        }
    }
}

pub mod lact {
    //! Type-level markers for location actions.
    use super::LocationAction;

    pub trait LocationActionMarker {
        const ACTION: LocationAction;
    }

    macro_rules! marker {
        ($($name:ident),+) => {
            $(
                #[derive(Debug)]
                pub enum $name {}
                impl LocationActionMarker for $name {
                    const ACTION: LocationAction = LocationAction::$name;
                }
            )+
        };
    }

    marker!(ViewLocationAgenda, PlanLocationAgenda, JoinLocationAgenda);
}

/// Permission for a user to do `A` at a location.
#[derive(Debug)]
pub struct LocationCan<A> {
    location_id: LocationId,
    user_id: UserId,
    staff: bool,
    _action: PhantomData<fn() -> A>,
}

impl<A> LocationCan<A> {
    pub fn location_id(&self) -> &LocationId {
        &self.location_id
    }
    pub fn user_id(&self) -> &UserId {
        &self.user_id
    }
    /// Is the holder on the organisation's staff?
    pub fn staff(&self) -> bool {
        self.staff
    }
    /// The same holder's permission for another location action, if allowed.
    pub fn also<B: lact::LocationActionMarker>(&self, standing: &LocationStanding) -> Option<LocationCan<B>> {
        may_location(standing, B::ACTION).then(|| LocationCan {
            location_id: self.location_id.clone(),
            user_id: self.user_id.clone(),
            staff: self.staff,
            _action: PhantomData,
        })
    }
}

/// Decides a location action and records the attempt in the audit trail.
/// Someone with no standing at the location gets [`Error::NotFound`].
pub async fn authorize_location<A: lact::LocationActionMarker>(
    user: &CurrentUser,
    location_id: &LocationId,
    standing: &LocationStanding,
    what: What,
    source: &Source,
    audit: &impl AuditSink,
    now: Timestamp,
) -> Result<LocationCan<A>> {
    let decision = if standing.staff.is_empty() && standing.circle_roles.is_empty() {
        Err(Error::NotFound)
    } else if may_location(standing, A::ACTION) {
        Ok(())
    } else {
        Err(Error::Forbidden)
    };
    let outcome = if decision.is_ok() { Outcome::Allowed } else { Outcome::Denied };
    audit.record(AuditEvent::new(Some((user.id(), user.display_name())), None, what, outcome, source, now)).await?;
    decision?;
    Ok(LocationCan {
        location_id: location_id.clone(),
        user_id: user.id().clone(),
        staff: !standing.staff.is_empty(),
        _action: PhantomData,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standing(staff: &[OrgRole], roles: &[Role]) -> LocationStanding {
        LocationStanding { organisation_id: None, staff: staff.to_vec(), circle_roles: roles.to_vec() }
    }

    #[test]
    fn who_sees_plans_and_joins_a_locations_agenda() {
        use LocationAction::*;
        let table: [(LocationStanding, [bool; 3]); 6] = [
            (standing(&[], &[]), [false, false, false]),
            (standing(&[], &[Role::Volunteer]), [true, false, true]),
            (standing(&[], &[Role::Client]), [true, false, true]),
            (standing(&[], &[Role::Relative, Role::Coordinator]), [true, false, true]),
            (standing(&[OrgRole::Coordinator], &[]), [true, true, true]),
            (standing(&[OrgRole::Admin], &[]), [true, true, true]),
        ];
        for (s, row) in table {
            for (action, want) in [ViewLocationAgenda, PlanLocationAgenda, JoinLocationAgenda].into_iter().zip(row) {
                assert_eq!(may_location(&s, action), want, "{s:?} {action:?}");
            }
        }
    }
}
