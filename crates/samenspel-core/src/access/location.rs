//! Location-level actions: a location's own rota (the living-room host, the
//! duo-bike rides) and its open meetings (family evenings, "lege stoel"
//! meetings). Who may see and join them follows from the people themselves:
//! the organisation's staff, and everyone who is an active member of a
//! circle at that location. Planning is for the organisation's coordinators
//! and administrators, and for the location's own coordinators. The
//! location's monitor is for its own staff and the organisation's managers.

use crate::error::Result;
use crate::ids::OrganisationId;
use crate::role::{LocationRole, OrgRole, Role};

super::actions::actions! {
    /// What someone does with a location's agenda.
    pub enum LocationAction in lact: LocationActionMarker {
        /// See the location's rota and open meetings.
        ViewLocationAgenda,
        /// Put rota shifts and meetings in it.
        PlanLocationAgenda,
        /// Take a place in a shift or a meeting, or give it back.
        JoinLocationAgenda,
        /// See the location's samenspelmonitor (counts only).
        ViewLocationMonitor,
        /// Start a circle at this location (for the organisation).
        StartCircleHere,
        /// See (and print) the location's placemat: what relatives may do.
        ViewPlacemat,
        /// Keep the placemat.
        KeepPlacemat,
    }
}

/// How someone stands towards a location: their staff roles in its
/// organisation, their staff roles at this location, and their roles in the
/// circles there (active memberships
/// of circles that are not archived). Facts the store reads; a standing
/// grants nothing by itself (only the store mints a `LocationCan`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocationStanding {
    pub organisation_id: Option<OrganisationId>,
    pub staff: Vec<OrgRole>,
    pub location_staff: Vec<LocationRole>,
    pub circle_roles: Vec<Role>,
}

impl LocationStanding {
    /// Known at the location at all: on some staff, or in one of its circles.
    fn known(&self) -> bool {
        !self.staff.is_empty() || !self.location_staff.is_empty() || !self.circle_roles.is_empty()
    }
}

/// * Staff and members of the location's circles see its agenda and join it.
/// * The organisation's coordinators and administrators, and the location's
///   own coordinators, plan it and start circles there.
/// * The location's monitor is for the organisation's coordinators and
///   administrators and for the location's own staff; a member of a circle
///   there is refused.
/// * Anyone else does not know it exists.
pub fn may_location(standing: &LocationStanding, action: LocationAction) -> bool {
    let manager = standing.staff.contains(&OrgRole::Admin) || standing.staff.contains(&OrgRole::Coordinator);
    match action {
        LocationAction::ViewLocationAgenda | LocationAction::JoinLocationAgenda | LocationAction::ViewPlacemat => {
            standing.known()
        }
        LocationAction::PlanLocationAgenda | LocationAction::StartCircleHere | LocationAction::KeepPlacemat => {
            manager || standing.location_staff.contains(&LocationRole::Coordinator)
        }
        LocationAction::ViewLocationMonitor => manager || !standing.location_staff.is_empty(),
    }
}

/// The answer to someone with this standing asking to do `action` at a
/// location: no standing at all is "not found", as for a circle.
pub fn decide_location(standing: &LocationStanding, action: LocationAction) -> Result<()> {
    super::decide::answer(standing.known(), may_location(standing, action))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    fn standing(staff: &[OrgRole], roles: &[Role]) -> LocationStanding {
        LocationStanding {
            organisation_id: None,
            staff: staff.to_vec(),
            location_staff: vec![],
            circle_roles: roles.to_vec(),
        }
    }

    fn location_staff(roles: &[LocationRole]) -> LocationStanding {
        LocationStanding { location_staff: roles.to_vec(), ..standing(&[], &[]) }
    }

    #[test]
    fn who_sees_plans_and_joins_a_locations_agenda_and_sees_its_monitor() {
        use LocationAction::*;
        let table: [(LocationStanding, [bool; 5]); 8] = [
            (standing(&[], &[]), [false, false, false, false, false]),
            (standing(&[], &[Role::Volunteer]), [true, false, true, false, false]),
            (standing(&[], &[Role::Client]), [true, false, true, false, false]),
            (standing(&[], &[Role::Relative, Role::Coordinator]), [true, false, true, false, false]),
            (standing(&[OrgRole::Coordinator], &[]), [true, true, true, true, true]),
            (standing(&[OrgRole::Admin], &[]), [true, true, true, true, true]),
            (location_staff(&[LocationRole::Coordinator]), [true, true, true, true, true]),
            (location_staff(&[LocationRole::Manager]), [true, false, true, true, false]),
        ];
        for (s, row) in table {
            let actions =
                [ViewLocationAgenda, PlanLocationAgenda, JoinLocationAgenda, ViewLocationMonitor, StartCircleHere];
            for (action, want) in actions.into_iter().zip(row) {
                assert_eq!(may_location(&s, action), want, "{s:?} {action:?}");
            }
        }
        assert!(matches!(decide_location(&standing(&[], &[]), ViewLocationAgenda), Err(Error::NotFound)));
        assert!(matches!(
            decide_location(&standing(&[], &[Role::Volunteer]), PlanLocationAgenda),
            Err(Error::Forbidden)
        ));
        assert!(decide_location(&standing(&[OrgRole::Coordinator], &[]), PlanLocationAgenda).is_ok());
        assert!(matches!(
            decide_location(&standing(&[], &[Role::Professional]), ViewLocationMonitor),
            Err(Error::Forbidden)
        ));
    }
}
