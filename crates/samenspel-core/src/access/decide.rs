//! The answers the capability makers give, as pure functions: which facts
//! lead to "allowed", which to "forbidden" and which to "not found". The
//! store reads the facts and mints the capability (`samenspel_store::access`);
//! what the answer is lives here, next to the policy, and is tested here.

use super::actions::{CircleAction, OrgAction};
use super::policy::{OrgStanding, may, may_org, permitted};
use crate::consent::Consent;
use crate::error::{Error, Result};
use crate::role::Role;

/// What the store knows of someone's own active membership in a circle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemberFacts {
    pub role: Role,
    pub manager: bool,
    pub circle_archived: bool,
    /// The circle's consent: which roles are kept out of which categories.
    pub consent: Consent,
}

/// The answer to a member (or not: `None`) asking to do `action` in a circle.
///
/// * Not a member: [`Error::NotFound`], exactly as if the circle did not exist.
/// * An archived circle the member may no longer see: [`Error::NotFound`] too.
/// * A member without the right, or kept out of the action's category by
///   the client's consent: [`Error::Forbidden`].
pub fn decide(membership: Option<MemberFacts>, action: CircleAction) -> Result<()> {
    match membership {
        None => Err(Error::NotFound),
        Some(m) if permitted(m.role, m.manager, m.circle_archived, m.consent, action) => Ok(()),
        Some(m) if m.circle_archived && !may(m.role, m.manager, true, CircleAction::ViewCircle) => Err(Error::NotFound),
        Some(_) => Err(Error::Forbidden),
    }
}

/// The answer to someone with this standing towards an organisation (none
/// at all is "not found").
pub fn decide_org(standing: &OrgStanding, action: OrgAction) -> Result<()> {
    answer(standing.known(), may_org(standing, action))
}

/// The answer once two things are known: whether someone stands anywhere
/// towards the place at all (if not, it is "not found" to them), and
/// whether the policy allows the action.
pub(super) fn answer(known: bool, allowed: bool) -> Result<()> {
    if !known {
        Err(Error::NotFound)
    } else if allowed {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::role::OrgRole;

    fn facts(role: Role, archived: bool) -> Option<MemberFacts> {
        Some(MemberFacts { role, manager: false, circle_archived: archived, consent: Consent::default() })
    }

    #[test]
    fn outsiders_hear_not_found_members_without_the_right_forbidden() {
        assert!(matches!(decide(None, CircleAction::ViewMembers), Err(Error::NotFound)));
        assert!(decide(facts(Role::Volunteer, false), CircleAction::ViewMembers).is_ok());
        assert!(matches!(decide(facts(Role::Volunteer, false), CircleAction::ManageMembers), Err(Error::Forbidden)));
    }

    #[test]
    fn consent_forbids_what_it_hides() {
        let consent = Consent::default().with(crate::consent::Category::Network, Role::Volunteer, false);
        let volunteer = Some(MemberFacts { role: Role::Volunteer, manager: false, circle_archived: false, consent });
        assert!(matches!(decide(volunteer, CircleAction::ViewNetwork), Err(Error::Forbidden)));
        assert!(decide(volunteer, CircleAction::ViewAgenda).is_ok());
    }

    #[test]
    fn archived_circles_vanish_for_ordinary_members() {
        assert!(matches!(decide(facts(Role::Volunteer, true), CircleAction::ViewCircle), Err(Error::NotFound)));
        assert!(decide(facts(Role::Client, true), CircleAction::ViewCircle).is_ok());
        assert!(matches!(decide(facts(Role::Client, true), CircleAction::WriteLogbook), Err(Error::Forbidden)));
    }

    #[test]
    fn organisation_staff() {
        let staff = OrgStanding::staff;
        assert!(matches!(decide_org(&staff(&[]), OrgAction::StartCircle), Err(Error::NotFound)));
        assert!(decide_org(&staff(&[OrgRole::Coordinator]), OrgAction::StartCircle).is_ok());
        assert!(matches!(
            decide_org(&staff(&[OrgRole::Coordinator]), OrgAction::ManageOrganisation),
            Err(Error::Forbidden)
        ));
        let member = OrgStanding { member: true, ..Default::default() };
        assert!(matches!(decide_org(&member, OrgAction::ViewOrganisationMonitor), Err(Error::Forbidden)));
    }
}
