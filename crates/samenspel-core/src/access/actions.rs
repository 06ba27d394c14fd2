//! Every action an actor can try, declared once: the enum, the list of all
//! of them (for truth tables and the route matrix) and a marker type per
//! action (so a store function can demand exactly the capability it needs,
//! `&Can<act::ManageMembers>`) come from one list per scope.

/// Declares an action enum, its `ALL` list, its `name`, and a module of
/// marker types implementing a trait whose `ACTION` is the variant.
macro_rules! actions {
    (
        $(#[$meta:meta])*
        pub enum $enum:ident in $markers:ident: $marker_trait:ident {
            $( $(#[$doc:meta])* $name:ident, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $enum {
            $( $(#[$doc])* $name, )+
        }

        impl $enum {
            /// Every action, in declaration order.
            pub const ALL: [$enum; <[&str]>::len(&[$(stringify!($name)),+])] = [$($enum::$name),+];

            /// The action's name, as in code (for audit descriptions and tests).
            pub fn name(self) -> &'static str {
                match self {
                    $( $enum::$name => stringify!($name), )+
                }
            }
        }

        /// Marker types, one per action.
        pub mod $markers {
            /// Implemented by each marker; ties the type to its action.
            pub trait $marker_trait {
                const ACTION: super::$enum;
            }
            $(
                #[derive(Debug)]
                pub enum $name {}
                impl $marker_trait for $name {
                    const ACTION: super::$enum = super::$enum::$name;
                }
            )+
        }
    };
}

pub(crate) use actions;

actions! {
    /// Everything a member can try to do in a circle.
    pub enum CircleAction in act: Action {
        /// See the circle itself: the client's name, the description.
        ViewCircle,
        /// See who is in the circle.
        ViewMembers,
        /// Invite people and see or revoke open invitations.
        InviteMembers,
        /// Change a member's role, flags or end date; remove a member.
        ManageMembers,
        /// Change the circle's name and description.
        EditCircle,
        /// Archive the circle when care ends, or bring it back.
        ArchiveCircle,
        /// See who looked at the client's data (the audit trail).
        ViewAuditTrail,
        /// Leave the circle oneself.
        Leave,
        /// Read the logbook (within one's audiences).
        ReadLogbook,
        /// Write in the logbook, reply, react.
        WriteLogbook,
        /// Remove other people's entries and replies; close anyone's open items.
        ModerateLogbook,
        /// See the network map: who is around the client.
        ViewNetwork,
        /// Add, change and remove people on the network map.
        EditNetwork,
        /// See the agreements: who does what.
        ViewAgreements,
        /// Make agreements, and change or end them (the agreement decides too:
        /// see [`super::may_change_agreement`]).
        WriteAgreements,
        /// Read the conversations held with the guides (within their audiences).
        ViewConversations,
        /// Hold a conversation with a guide and record it.
        HoldConversations,
        /// Fill in one's own collaboration profile and decide who sees it.
        KeepOwnProfile,
        /// Mark which SOFA roles apply to a family carer (see [`super::may_mark_carer_roles`]).
        MarkCarerRoles,
        /// Fill in one's own carer check-in (EDIZ) and see one's own results.
        /// Nobody else has an action that reads them.
        CarerCheckIn,
        /// Read "Dit ben ik", the empathy maps and the wellbeing plan (within
        /// their audiences).
        ViewAboutClient,
        /// Write in "Dit ben ik", make an empathy map, add goals to the wellbeing
        /// plan (who may change what someone else wrote: see [`super::may_change_about`]).
        WriteAboutClient,
        /// Fill in one's own volunteer check-in (WIFA) and decide whether the
        /// coordinator sees it.
        VolunteerCheckIn,
        /// See the agenda and the rota (within their audiences).
        ViewAgenda,
        /// Put appointments, activities and shifts in the agenda (who may change
        /// what someone else planned: see [`super::may_change_agenda_item`]).
        PlanAgenda,
        /// Sign up for shifts, give them back, swap them.
        TakeShifts,
        /// Decide which roles may read which kinds of information (consent),
        /// and see the circle as another role sees it.
        ManageConsent,
        /// Export the circle as a FHIR R4 Bundle for a care record system
        /// (holding only what the exporter may read).
        ExportRecord,
        /// Keep the coach's inbox: what in the circle needs a person, who is
        /// on it, and what is done (the circle's coordinator).
        KeepInbox,
        /// Put a help request or an open shift to the organisation's volunteer
        /// pool, and ask one of the volunteers who answered (the circle's coordinator).
        AskPool,
    }
}

actions! {
    /// Organisation-level actions.
    pub enum OrgAction in oact: OrgActionMarker {
        /// Locations, staff and settings of the organisation.
        ManageOrganisation,
        /// Start a circle that belongs to the organisation.
        StartCircle,
        /// See the samenspelmonitor of the whole organisation and compare its locations.
        ViewOrganisationMonitor,
        /// See the organisation's social map (sociale kaart): local initiatives.
        ViewSocialMap,
        /// Add to the social map, and change or remove what is on it.
        EditSocialMap,
        /// Read and write the practice examples the organisation's coaches share.
        SharePractice,
        /// Keep the volunteer pool: its volunteers, their VOG, training and
        /// insurance, and their expense claims.
        KeepPool,
        /// Set the pool's rules: the VOG's renewal, the kilometre rate.
        SetPoolRules,
        /// Be a volunteer in the pool: keep one's own availability, answer
        /// what is put to the pool, claim expenses.
        VolunteerInPool,
        /// Read the organisation's FAQ (staff, its circles' members, its volunteers).
        ReadKnowledge,
        /// Keep the FAQ (with its versions) and see the quiz's counts.
        KeepKnowledge,
        /// Take the staff quiz.
        TakeQuiz,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_and_lists_come_from_one_declaration() {
        use act::Action;
        assert_eq!(CircleAction::ALL.len(), 30);
        assert_eq!(CircleAction::ALL[0], CircleAction::ViewCircle);
        assert_eq!(<act::TakeShifts as Action>::ACTION, CircleAction::TakeShifts);
        assert_eq!(CircleAction::ManageMembers.name(), "ManageMembers");
        assert_eq!(
            OrgAction::ALL,
            [
                OrgAction::ManageOrganisation,
                OrgAction::StartCircle,
                OrgAction::ViewOrganisationMonitor,
                OrgAction::ViewSocialMap,
                OrgAction::EditSocialMap,
                OrgAction::SharePractice,
                OrgAction::KeepPool,
                OrgAction::SetPoolRules,
                OrgAction::VolunteerInPool,
                OrgAction::ReadKnowledge,
                OrgAction::KeepKnowledge,
                OrgAction::TakeQuiz
            ]
        );
    }
}
