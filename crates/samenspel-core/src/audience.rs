//! Audiences: who in a circle may see an item. Later capabilities (logbook,
//! agenda, profile) attach an audience to each item; the member list uses it
//! for a member's own contact details. The rule lives here once; the store
//! turns the same rule into a `WHERE` clause so that counts and pagination agree.

use crate::consent::{Category, Consent, Hidden};
use crate::ids::MemberId;
use crate::keys::keys;
use crate::role::Role;
use serde::{Deserialize, Serialize};

keys! {
    /// Who may see an item.
    #[derive(Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Audience {
        /// Iedereen in de kring.
        Circle = "circle",
        /// Alleen beroepskrachten (plus the client and representative).
        Professionals = "professionals",
        /// Alleen naasten en vrijwilligers (plus the client and representative).
        Informal = "informal",
        /// Gekozen leden: exactly the chosen members and the author.
        Chosen = "chosen",
    }
}

impl Audience {
    /// The audiences that need no list of members.
    pub const GROUPS: [Audience; 3] = [Audience::Circle, Audience::Professionals, Audience::Informal];
}

/// What one member may see, computed from their membership by the access
/// layer. The store uses exactly these fields in its audience predicate.
///
/// One rule for everything written about the client: the client and the
/// representative read all of it, whatever audience a writer chose (the
/// client's right of access). They are exactly the members who see both the
/// professionals' and the informal members' audiences, so the store's SQL
/// writes "reads everything" as `sees_professionals AND sees_informal`
/// ([`AudienceScope::reads_everything`]). What belongs to another person (a
/// carer's own check-ins, an unshared profile, a member's e-mail address) is
/// not about the client and follows its owner's choice ([`AudienceScope::addressed`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AudienceScope {
    pub member_id: MemberId,
    pub sees_professionals: bool,
    pub sees_informal: bool,
    /// What the client's consent keeps from this reader (see [`crate::consent`]).
    pub hidden: Hidden,
}

impl AudienceScope {
    /// The scope of a member with `role` in a circle whose consent is `consent`.
    pub fn for_role(member_id: MemberId, role: Role, consent: Consent) -> Self {
        AudienceScope {
            member_id,
            sees_professionals: role.is_professional() || role.speaks_for_client(),
            sees_informal: role.is_informal() || role.speaks_for_client(),
            hidden: consent.hidden_for(role),
        }
    }

    /// Whether the client's consent lets this reader see `category` at all.
    pub fn sees(&self, category: Category) -> bool {
        !self.hidden.contains(category)
    }

    /// [`AudienceScope::can_see`] for an item of `category`: its writer
    /// always sees it, anyone else only when consent allows the category.
    pub fn can_see_in(&self, category: Category, audience: Audience, author: &MemberId, chosen: &[MemberId]) -> bool {
        (*author == self.member_id || self.sees(category)) && self.can_see(audience, author, chosen)
    }

    /// [`AudienceScope::addressed`] for an item of `category`: nobody is told
    /// about what consent keeps from them.
    pub fn addressed_in(&self, category: Category, audience: Audience, author: &MemberId, chosen: &[MemberId]) -> bool {
        (*author == self.member_id || self.sees(category)) && self.addressed(audience, author, chosen)
    }

    /// The client and the representative: they read everything about the client.
    pub fn reads_everything(&self) -> bool {
        self.sees_professionals && self.sees_informal
    }

    /// Whether an item about the client with this audience is visible to this
    /// member: to whom it is addressed, and always to the client side.
    /// `author` is the member who wrote it; `chosen` the members picked for a
    /// `Chosen` audience.
    pub fn can_see(&self, audience: Audience, author: &MemberId, chosen: &[MemberId]) -> bool {
        self.reads_everything() || self.addressed(audience, author, chosen)
    }

    /// Whether the item is addressed to this member: its writer, the groups
    /// it names, the members chosen. Notifications go to whom an item is
    /// addressed; a member's own details (their e-mail address) are shown to
    /// whom they address them, the client side included only through a group.
    pub fn addressed(&self, audience: Audience, author: &MemberId, chosen: &[MemberId]) -> bool {
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
        AudienceScope::for_role(MemberId::from_db("viewer".into()), role, Consent::default())
    }

    /// The truth table, written out by hand: rows are the viewer's role,
    /// columns circle / professionals / informal / chosen-without-viewer.
    #[test]
    fn audience_truth_table() {
        let other = MemberId::from_db("author".into());
        let table: [(Role, [bool; 4]); 6] = [
            (Role::Client, [true, true, true, true]),
            (Role::Representative, [true, true, true, true]),
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
        let client = AudienceScope::for_role(MemberId::from_db("client".into()), Role::Client, Consent::default());
        assert!(!client.addressed(Audience::Chosen, &other, std::slice::from_ref(&viewer.member_id)));
    }

    /// The client's right of access: the client and the representative read
    /// every item about the client, also one for chosen members without
    /// them; nobody else does. And they are exactly the members for whom the
    /// SQL's `sees_professionals AND sees_informal` holds.
    #[test]
    fn the_client_side_reads_everything_about_the_client() {
        let other = MemberId::from_db("author".into());
        let someone = [MemberId::from_db("someone".into())];
        for role in Role::ALL {
            let s = scope(role);
            assert_eq!(s.reads_everything(), role.speaks_for_client(), "{role:?}");
            assert_eq!(s.can_see(Audience::Chosen, &other, &someone), role.speaks_for_client(), "{role:?}");
            for audience in Audience::ALL {
                if role.speaks_for_client() {
                    assert!(s.can_see(audience, &other, &[]), "{role:?} / {audience:?}");
                }
            }
        }
    }

    #[test]
    fn consent_keeps_a_category_from_everyone_but_its_writer() {
        let consent = Consent::default().with(Category::Concerns, Role::Professional, false);
        let nurse = AudienceScope::for_role(MemberId::from_db("nurse".into()), Role::Professional, consent);
        let other = MemberId::from_db("author".into());
        assert!(!nurse.can_see_in(Category::Concerns, Audience::Circle, &other, &[]));
        assert!(!nurse.addressed_in(Category::Concerns, Audience::Professionals, &other, &[]));
        assert!(nurse.can_see_in(Category::Concerns, Audience::Circle, &nurse.member_id.clone(), &[]), "the writer");
        assert!(nurse.can_see_in(Category::Questions, Audience::Circle, &other, &[]));
        let client = AudienceScope::for_role(MemberId::from_db("client".into()), Role::Client, consent);
        assert!(client.can_see_in(Category::Concerns, Audience::Professionals, &other, &[]));
    }

    #[test]
    fn names_round_trip() {
        for a in Audience::ALL {
            assert_eq!(Audience::parse(a.as_str()), Some(a));
        }
    }
}
