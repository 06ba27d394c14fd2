//! The roles a person can have in a circle and in an organisation.

use crate::keys::keys;
use serde::{Deserialize, Serialize};

keys! {
    /// A member's role in one circle. The same person can have different roles in
    /// different circles (a nurse in one, a daughter in another).
    #[derive(Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Role {
        /// Cliënt: the person the circle is for.
        Client = "client",
        /// Vertegenwoordiger: legal representative (curator, mentor, gemachtigde, parent).
        Representative = "representative",
        /// Naaste / mantelzorger: partner, child, neighbour, friend.
        Relative = "relative",
        /// Vrijwilliger.
        Volunteer = "volunteer",
        /// Beroepskracht: nurse, care worker, case manager.
        Professional = "professional",
        /// Coördinator / coach informele zorg of the organisation.
        Coordinator = "coordinator",
    }
}

impl Role {
    /// Paid members of the circle: they count as "professionals" for audiences.
    pub fn is_professional(self) -> bool {
        matches!(self, Role::Professional | Role::Coordinator)
    }

    /// Unpaid members around the client: family carers and volunteers.
    pub fn is_informal(self) -> bool {
        matches!(self, Role::Relative | Role::Volunteer)
    }

    /// The client and the person who legally speaks for them. What is written
    /// about a client is theirs to read, so they see every group audience.
    pub fn speaks_for_client(self) -> bool {
        matches!(self, Role::Client | Role::Representative)
    }

    /// Roles that always manage the circle, whatever the member's flags say:
    /// the client decides, the representative acts for the client, and the
    /// coordinator guides the circle for the organisation.
    pub fn always_manages(self) -> bool {
        matches!(self, Role::Client | Role::Representative | Role::Coordinator)
    }
}

keys! {
    /// A person's role in an organisation (outside any circle).
    #[derive(Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum OrgRole {
        /// Beheerder: locations, staff, policies. Sees no circle content by this role.
        Admin = "admin",
        /// Coördinator: may start circles for the organisation.
        Coordinator = "coordinator",
    }
}

keys! {
    /// A person's role at one location of an organisation: they work for
    /// that location only and see nothing of the organisation's others.
    #[derive(Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum LocationRole {
        /// Coach informele zorg / coördinator of this location: its monitor,
        /// its agenda, and (later) its coach's inbox.
        Coordinator = "coordinator",
        /// Locatiemanager: the location's monitor.
        Manager = "manager",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("admin"), None);
        for role in OrgRole::ALL {
            assert_eq!(OrgRole::parse(role.as_str()), Some(role));
        }
    }

    #[test]
    fn every_role_is_exactly_one_of_client_side_informal_or_professional() {
        for role in Role::ALL {
            let kinds = [role.speaks_for_client(), role.is_informal(), role.is_professional()];
            assert_eq!(kinds.iter().filter(|k| **k).count(), 1, "{role:?}");
        }
    }
}
