//! Consent by data category: the client (or, when the client cannot, the
//! representative) decides per kind of information which roles in the circle
//! may read it. The client side always reads everything about the client;
//! the other four roles can each be kept out of each category.
//!
//! The whole decision of one circle is a [`Consent`]: one small bit set, read
//! with the asker's own membership when a capability is minted, so a change
//! takes effect at the next request of every session, API token, calendar
//! feed and summary. What it hides from one reader is a [`Hidden`] set of
//! categories, carried by the capability and its [`crate::audience::AudienceScope`].

use crate::access::CircleAction;
use crate::keys::keys;
use crate::logbook::EntryKind;
use crate::role::Role;
use serde::Serialize;

keys! {
    /// A kind of information about the client that consent is given for.
    #[derive(Hash, Serialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Category {
        /// Logbook updates: what was done, how it went.
        Updates = "updates",
        /// Logbook moments: mooie momenten.
        Moments = "moments",
        /// Logbook concerns (observaties, zorgen).
        Concerns = "concerns",
        /// Logbook questions.
        Questions = "questions",
        /// Logbook thank-yous.
        Thanks = "thanks",
        /// The agenda and the rota.
        Agenda = "agenda",
        /// "Dit ben ik", the empathy maps and the wellbeing plan.
        AboutClient = "about_client",
        /// The agreements: who does what.
        Agreements = "agreements",
        /// The network map.
        Network = "network",
        /// The answers recorded in conversations held with the guides.
        Conversations = "conversations",
        /// Carers' signals that they could use some help.
        CarerSignals = "carer_signals",
        /// Exporting the circle to a care record system (FHIR). Only
        /// professionals and coordinators can; consent can take it from them.
        Export = "export",
    }
}

impl Category {
    /// The category a logbook entry of this kind belongs to.
    pub fn of_kind(kind: EntryKind) -> Category {
        match kind {
            EntryKind::Update => Category::Updates,
            EntryKind::Moment => Category::Moments,
            EntryKind::Concern => Category::Concerns,
            EntryKind::Question => Category::Questions,
            EntryKind::Thanks => Category::Thanks,
        }
    }

    /// The category a whole action reads or writes, if consent governs it.
    /// Writing follows reading: who may not see the agreements does not
    /// make them either. The logbook is decided per entry kind, in the
    /// store's queries, so its actions have no single category.
    pub fn of_action(action: CircleAction) -> Option<Category> {
        use CircleAction::*;
        match action {
            // Putting a help request or shift to the pool passes on what and when.
            ViewAgenda | PlanAgenda | TakeShifts | AskPool => Some(Category::Agenda),
            ViewAboutClient | WriteAboutClient => Some(Category::AboutClient),
            ViewAgreements | WriteAgreements => Some(Category::Agreements),
            ViewNetwork | EditNetwork => Some(Category::Network),
            ViewConversations | HoldConversations => Some(Category::Conversations),
            ExportRecord => Some(Category::Export),
            ViewCircle | ViewMembers | InviteMembers | ManageMembers | EditCircle | ArchiveCircle | ViewAuditTrail
            | Leave | ReadLogbook | WriteLogbook | ModerateLogbook | KeepOwnProfile | MarkCarerRoles | CarerCheckIn
            | VolunteerCheckIn | ManageConsent => None,
            // Each part of the inbox is read with its own capability, and so under its own category.
            KeepInbox => None,
        }
    }

    /// Whether this category is one of the logbook's entry kinds.
    pub fn is_logbook(self) -> bool {
        EntryKind::ALL.into_iter().any(|k| Category::of_kind(k) == self)
    }

    /// The roles the client decides about for this category: everyone but
    /// the client side, and for the export only those who can export.
    pub fn decided_roles(self) -> &'static [Role] {
        match self {
            Category::Export => &[Role::Professional, Role::Coordinator],
            _ => &DECIDED_ROLES,
        }
    }

    fn index(self) -> u32 {
        Category::ALL.iter().position(|c| *c == self).unwrap_or(0) as u32
    }
}

/// The roles the client decides about: everyone but the client side.
pub const DECIDED_ROLES: [Role; 4] = [Role::Relative, Role::Volunteer, Role::Professional, Role::Coordinator];

fn role_index(role: Role) -> Option<u32> {
    DECIDED_ROLES.iter().position(|r| *r == role).map(|i| i as u32)
}

/// One circle's decision: which roles are kept out of which categories.
/// The default hides nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Consent {
    hidden: u64,
}

impl Consent {
    fn bit(category: Category, role: Role) -> Option<u64> {
        role_index(role).map(|r| 1u64 << (category.index() * DECIDED_ROLES.len() as u32 + r))
    }

    /// As stored (a non-negative integer; unknown bits are dropped).
    pub fn from_db(raw: i64) -> Consent {
        let all = (1u64 << (Category::ALL.len() * DECIDED_ROLES.len())) - 1;
        Consent { hidden: (raw as u64) & all }
    }

    pub fn to_db(self) -> i64 {
        self.hidden as i64
    }

    /// May a member with `role` read `category`? The client side always may.
    pub fn allows(self, role: Role, category: Category) -> bool {
        match Consent::bit(category, role) {
            Some(bit) => self.hidden & bit == 0,
            None => true,
        }
    }

    /// This decision with `role`'s access to `category` set; the client
    /// side cannot be kept out, so asking to hide from them changes nothing.
    pub fn with(self, category: Category, role: Role, allowed: bool) -> Consent {
        match Consent::bit(category, role) {
            Some(bit) if allowed => Consent { hidden: self.hidden & !bit },
            Some(bit) => Consent { hidden: self.hidden | bit },
            None => self,
        }
    }

    /// The roles kept out of `category` (of those decided about for it).
    pub fn hidden_from(self, category: Category) -> Vec<Role> {
        category.decided_roles().iter().copied().filter(|r| !self.allows(*r, category)).collect()
    }

    /// What this decision hides from a member with `role`.
    pub fn hidden_for(self, role: Role) -> Hidden {
        let mut bits = 0u16;
        for c in Category::ALL {
            if !self.allows(role, c) {
                bits |= 1 << c.index();
            }
        }
        Hidden { bits }
    }

    /// The categories whose roles differ between two decisions.
    pub fn changed(self, other: Consent) -> Vec<Category> {
        Category::ALL.into_iter().filter(|c| self.hidden_from(*c) != other.hidden_from(*c)).collect()
    }
}

/// The categories kept from one reader.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Hidden {
    bits: u16,
}

impl Hidden {
    pub fn contains(self, category: Category) -> bool {
        self.bits & (1 << category.index()) != 0
    }

    pub fn is_empty(self) -> bool {
        self.bits == 0
    }

    /// The hidden entry kinds as a bit set over [`EntryKind::ALL`]: bit `i`
    /// for the `i`-th kind. The store's queries test `bit & mask = 0`.
    pub fn kinds_mask(self) -> i64 {
        EntryKind::ALL
            .into_iter()
            .enumerate()
            .filter(|(_, k)| self.contains(Category::of_kind(*k)))
            .fold(0, |mask, (i, _)| mask | (1 << i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_hidden_by_default_and_the_client_side_never_is() {
        let none = Consent::default();
        for role in Role::ALL {
            for c in Category::ALL {
                assert!(none.allows(role, c));
            }
        }
        let all = Category::ALL
            .into_iter()
            .fold(none, |acc, c| Role::ALL.into_iter().fold(acc, |acc, r| acc.with(c, r, false)));
        for c in Category::ALL {
            assert!(all.allows(Role::Client, c) && all.allows(Role::Representative, c));
            assert_eq!(all.hidden_from(c), c.decided_roles().to_vec());
        }
        assert_eq!(Consent::from_db(all.to_db()), all);
        assert!(all.hidden_for(Role::Client).is_empty());
    }

    #[test]
    fn one_choice_touches_one_role_and_one_category() {
        let c = Consent::default().with(Category::Agenda, Role::Volunteer, false);
        for role in Role::ALL {
            for cat in Category::ALL {
                assert_eq!(
                    c.allows(role, cat),
                    !(role == Role::Volunteer && cat == Category::Agenda),
                    "{role:?} {cat:?}"
                );
            }
        }
        assert_eq!(c.with(Category::Agenda, Role::Volunteer, true), Consent::default());
        assert_eq!(c.changed(Consent::default()), vec![Category::Agenda]);
    }

    #[test]
    fn hidden_entry_kinds_as_a_mask() {
        let c = Consent::default()
            .with(Category::Concerns, Role::Volunteer, false)
            .with(Category::Thanks, Role::Volunteer, false)
            .with(Category::Updates, Role::Relative, false);
        let concern = EntryKind::ALL.iter().position(|k| *k == EntryKind::Concern).unwrap();
        let thanks = EntryKind::ALL.iter().position(|k| *k == EntryKind::Thanks).unwrap();
        assert_eq!(c.hidden_for(Role::Volunteer).kinds_mask(), (1 << concern) | (1 << thanks));
        assert_eq!(c.hidden_for(Role::Relative).kinds_mask(), 1);
        assert_eq!(c.hidden_for(Role::Professional).kinds_mask(), 0);
    }

    #[test]
    fn every_logbook_kind_has_its_category_and_keys_round_trip() {
        for k in EntryKind::ALL {
            assert!(Category::of_kind(k).is_logbook());
        }
        assert!(!Category::Agenda.is_logbook());
        for c in Category::ALL {
            assert_eq!(Category::parse(c.as_str()), Some(c));
        }
    }
}
