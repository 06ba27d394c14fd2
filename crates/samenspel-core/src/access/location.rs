//! Location-level actions: a location's own rota (the living-room host, the
//! duo-bike rides) and its open meetings (family evenings, "lege stoel"
//! meetings). Who may see and join them follows from the people themselves:
//! the organisation's staff, and everyone who is an active member of a
//! circle at that location. Planning is for the organisation's coordinators
//! and administrators.

use crate::error::Result;
use crate::ids::OrganisationId;
use crate::role::{OrgRole, Role};

super::actions::actions! {
    /// What someone does with a location's agenda.
    pub enum LocationAction in lact: LocationActionMarker {
        /// See the location's rota and open meetings.
        ViewLocationAgenda,
        /// Put rota shifts and meetings in it.
        PlanLocationAgenda,
        /// Take a place in a shift or a meeting, or give it back.
        JoinLocationAgenda,
    }
}

/// How someone stands towards a location: their staff roles in its
/// organisation, and their roles in the circles there (active memberships
/// of circles that are not archived). Facts the store reads; a standing
/// grants nothing by itself (only the store mints a `LocationCan`).
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

/// The answer to someone with this standing asking to do `action` at a
/// location: no standing at all is "not found", as for a circle.
pub fn decide_location(standing: &LocationStanding, action: LocationAction) -> Result<()> {
    let known = !standing.staff.is_empty() || !standing.circle_roles.is_empty();
    super::decide::answer(known, may_location(standing, action))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

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
        assert!(matches!(decide_location(&standing(&[], &[]), ViewLocationAgenda), Err(Error::NotFound)));
        assert!(matches!(
            decide_location(&standing(&[], &[Role::Volunteer]), PlanLocationAgenda),
            Err(Error::Forbidden)
        ));
        assert!(decide_location(&standing(&[OrgRole::Coordinator], &[]), PlanLocationAgenda).is_ok());
    }
}
