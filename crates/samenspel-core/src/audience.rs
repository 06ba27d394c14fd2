//! Audiences: who in a circle may see an item. Later capabilities (logbook,
//! agenda, profile) attach an audience to each item; the member list uses it
//! for a member's own contact details. The rule lives here once; the store
//! turns the same rule into a `WHERE` clause so that counts and pagination agree.

use crate::ids::MemberId;
use crate::role::Role;
use serde::{Deserialize, Serialize};

/// Who may see an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Iedereen in de kring.
    Circle,
    /// Alleen beroepskrachten (plus the client and representative).
    Professionals,
    /// Alleen naasten en vrijwilligers (plus the client and representative).
    Informal,
    /// Gekozen leden: exactly the chosen members and the author.
    Chosen,
}

impl Audience {
    pub const ALL: [Audience; 4] = [Audience::Circle, Audience::Professionals, Audience::Informal, Audience::Chosen];

    /// The audiences that need no list of members.
    pub const GROUPS: [Audience; 3] = [Audience::Circle, Audience::Professionals, Audience::Informal];

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Circle => "circle",
            Audience::Professionals => "professionals",
            Audience::Informal => "informal",
            Audience::Chosen => "chosen",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Audience::ALL.into_iter().find(|a| a.as_str() == raw)
    }
}

/// What one member may see, computed from their membership by the access
/// layer. The store uses exactly these fields in its audience predicate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AudienceScope {
    pub member_id: MemberId,
    pub sees_professionals: bool,
    pub sees_informal: bool,
}

impl AudienceScope {
    pub fn for_role(member_id: MemberId, role: Role) -> Self {
        AudienceScope {
            member_id,
            sees_professionals: role.is_professional() || role.speaks_for_client(),
            sees_informal: role.is_informal() || role.speaks_for_client(),
        }
    }

    /// Whether an item with this audience is visible. `author` is the member
    /// who wrote it; `chosen` the members picked for a `Chosen` audience.
    pub fn can_see(&self, audience: Audience, author: &MemberId, chosen: &[MemberId]) -> bool {
        if *author == self.member_id {
            return true;
        }
        match audience {
            Audience::Circle => true,
            Audience::Professionals => self.sees_professionals,
            Audience::Informal => self.sees_informal,
            Audience::Chosen => chosen.contains(&self.member_id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope(role: Role) -> AudienceScope {
        AudienceScope::for_role(MemberId::from_db("viewer".into()), role)
    }

    /// The truth table, written out by hand: rows are the viewer's role,
    /// columns circle / professionals / informal / chosen-without-viewer.
    #[test]
    fn audience_truth_table() {
        let other = MemberId::from_db("author".into());
        let table: [(Role, [bool; 4]); 6] = [
            (Role::Client, [true, true, true, false]),
            (Role::Representative, [true, true, true, false]),
            (Role::Relative, [true, false, true, false]),
            (Role::Volunteer, [true, false, true, false]),
            (Role::Professional, [true, true, false, false]),
            (Role::Coordinator, [true, true, false, false]),
        ];
        for (role, expected) in table {
            let s = scope(role);
            for (audience, want) in Audience::ALL.into_iter().zip(expected) {
                assert_eq!(s.can_see(audience, &other, &[]), want, "{role:?} / {audience:?}");
            }
        }
    }

    #[test]
    fn chosen_members_and_author_see_chosen_items() {
        let viewer = scope(Role::Volunteer);
        let other = MemberId::from_db("author".into());
        assert!(viewer.can_see(Audience::Chosen, &other, std::slice::from_ref(&viewer.member_id)));
        assert!(viewer.can_see(Audience::Professionals, &viewer.member_id.clone(), &[]));
        let client = AudienceScope::for_role(MemberId::from_db("client".into()), Role::Client);
        assert!(!client.can_see(Audience::Chosen, &other, std::slice::from_ref(&viewer.member_id)));
    }

    #[test]
    fn names_round_trip() {
        for a in Audience::ALL {
            assert_eq!(Audience::parse(a.as_str()), Some(a));
        }
    }
}
