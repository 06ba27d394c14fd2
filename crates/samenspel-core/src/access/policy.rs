//! The policy: a plain truth table of role × action, and the rules about who
//! may change whose membership. Pure functions, tested exhaustively.

use super::actions::{CircleAction, OrgAction};
use crate::consent::{Category, Consent};
use crate::role::{LocationRole, OrgRole, Role};

/// May a member with this role (and manager flag) do this, in a circle that
/// is or is not archived?
///
/// * Every member sees the circle and its members, reads and writes the
///   logbook (within their audiences), and may leave.
/// * Managers — the client, the representative, the coordinator, and members
///   given the manager flag — invite, manage members, edit, archive, and
///   moderate the logbook.
/// * Every member sees the network map. The client side, family carers,
///   professionals and managers draw it; a volunteer sees it (they meet the
///   neighbour and the GP too) but does not redraw the client's network.
/// * Every member sees the agreements and may make them: who does what is
///   agreed together.
/// * Every member may hold and record a conversation with a guide, and reads
///   the recorded ones within their audience.
/// * Every member keeps their own collaboration profile.
/// * Family carers mark their own SOFA roles; professionals mark them for the
///   family carers they work with.
/// * Family carers fill in their own check-in; its answers are theirs alone.
/// * Every member reads "Dit ben ik", the empathy maps and the wellbeing plan
///   within their audiences, and writes in them: the client's world is
///   described together.
/// * Volunteers fill in their own volunteer check-in.
/// * Every member sees the agenda within their audiences and plans in it.
///   Everyone but the client takes shifts: the rota is how the circle helps
///   the client.
/// * The client side and the professionals export the circle for a care
///   record system (FHIR); the client's consent can take that from
///   professionals or coordinators. An archived circle only the client side.
/// * Only the client and the representative read the audit trail and decide
///   consent (the client's right; the representative acts when the client
///   cannot, WGBO).
/// * An archived circle is read-only and visible only to managers, the client
///   and the representative; a manager may bring it back.
pub fn may(role: Role, manager_flag: bool, archived: bool, action: CircleAction) -> bool {
    use CircleAction::*;
    let manages = manager_flag || role.always_manages();
    if archived {
        return match action {
            ViewCircle | ViewMembers | ReadLogbook | ViewNetwork | ViewAgreements | ViewConversations
            | ViewAboutClient | ViewAgenda => manages || role.speaks_for_client(),
            ViewAuditTrail | ExportRecord => role.speaks_for_client(),
            ArchiveCircle => manages,
            ManageConsent => false,
            InviteMembers | ManageMembers | EditCircle | Leave | WriteLogbook | ModerateLogbook | EditNetwork
            | WriteAgreements | HoldConversations | KeepOwnProfile | MarkCarerRoles | CarerCheckIn
            | WriteAboutClient | VolunteerCheckIn | PlanAgenda | TakeShifts | KeepInbox | AskPool => false,
        };
    }
    match action {
        ViewCircle | ViewMembers | Leave | ReadLogbook | WriteLogbook | ViewNetwork | ViewAgreements
        | WriteAgreements | ViewConversations | HoldConversations | KeepOwnProfile | ViewAboutClient
        | WriteAboutClient | ViewAgenda | PlanAgenda => true,
        TakeShifts => role != Role::Client,
        MarkCarerRoles => role == Role::Relative || role.is_professional(),
        CarerCheckIn => role == Role::Relative,
        VolunteerCheckIn => role == Role::Volunteer,
        InviteMembers | ManageMembers | EditCircle | ArchiveCircle | ModerateLogbook => manages,
        EditNetwork => manages || role != Role::Volunteer,
        ViewAuditTrail | ManageConsent => role.speaks_for_client(),
        ExportRecord => role.speaks_for_client() || role.is_professional(),
        KeepInbox | AskPool => role == Role::Coordinator,
    }
}

/// May a member with this role do this, once the client's consent is taken
/// into account? The role table ([`may`]) first; then an action that reads or
/// writes a category ([`Category::of_action`]) needs that category not to be
/// hidden from the role.
pub fn permitted(role: Role, manager_flag: bool, archived: bool, consent: Consent, action: CircleAction) -> bool {
    may(role, manager_flag, archived, action) && Category::of_action(action).is_none_or(|c| consent.allows(role, c))
}

/// May an actor with `actor_role` change (or remove) a member who has
/// `target_role`, possibly giving them `new_role`? The client decides: only
/// the client and representative touch client-side memberships or hand out
/// those roles.
pub fn may_change_member(actor_role: Role, target_role: Role, new_role: Option<Role>) -> bool {
    let touches_client_side = target_role.speaks_for_client() || new_role.is_some_and(Role::speaks_for_client);
    !touches_client_side || actor_role.speaks_for_client()
}

/// May this member close an open concern or question? Its writer may, the
/// professionals who answer such items may, and so may managers.
pub fn may_close_entry(role: Role, manager_flag: bool, is_author: bool) -> bool {
    is_author || role.is_professional() || manager_flag || role.always_manages()
}

/// May this member change (or end) an agreement made by a member with
/// `owner_role`? Its maker may, the client side may, professionals may. A
/// family carer or volunteer may change what a professional agreed only
/// when the circle allows that (`informal_edits_professional`).
pub fn may_change_agreement(
    actor_role: Role,
    is_owner: bool,
    owner_role: Role,
    informal_edits_professional: bool,
) -> bool {
    is_owner
        || actor_role.speaks_for_client()
        || actor_role.is_professional()
        || !owner_role.is_professional()
        || informal_edits_professional
}

/// May this member mark the SOFA roles of a member with `target_role`? Only
/// family carers have SOFA roles; they mark their own, and professionals
/// mark them for the carers they work with.
pub fn may_mark_carer_roles(actor_role: Role, is_self: bool, target_role: Role) -> bool {
    target_role == Role::Relative && (is_self || actor_role.is_professional())
}

/// May this member change the audience of, or remove, something in "Dit ben
/// ik", an empathy map or a goal that someone else wrote? Its writer may, the
/// client side may (the client decides who sees what about them), and
/// managers may. Anyone who may write adds to the text itself; every version
/// is kept with who wrote it.
pub fn may_change_about(actor_role: Role, manager_flag: bool, is_author: bool) -> bool {
    is_author || actor_role.speaks_for_client() || manager_flag || actor_role.always_manages()
}

/// May this member change, cancel or remove an agenda item or shift that
/// `author` planned? Its planner may, the client side may, and managers may.
/// Going along or signing up is for everyone; changing someone's plan is not.
pub fn may_change_agenda_item(actor_role: Role, manager_flag: bool, is_author: bool) -> bool {
    is_author || actor_role.speaks_for_client() || manager_flag || actor_role.always_manages()
}

/// How someone stands towards an organisation: their staff roles in it,
/// their staff roles at any of its locations, and whether they are an
/// active member of one of its circles. Facts the store reads; a standing
/// grants nothing by itself (only the store mints an `OrgCan`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrgStanding {
    pub staff: Vec<OrgRole>,
    pub location_staff: Vec<LocationRole>,
    pub member: bool,
    /// A volunteer in its pool.
    pub pool: bool,
}

impl OrgStanding {
    /// Someone on the organisation's own staff with these roles.
    pub fn staff(roles: &[OrgRole]) -> OrgStanding {
        OrgStanding { staff: roles.to_vec(), ..Default::default() }
    }

    /// Known to the organisation at all.
    pub fn known(&self) -> bool {
        !self.staff.is_empty() || !self.location_staff.is_empty() || self.member || self.pool
    }

    fn manager(&self) -> bool {
        self.staff.contains(&OrgRole::Admin) || self.staff.contains(&OrgRole::Coordinator)
    }
}

/// * Administrators manage the organisation.
/// * Its managers (administrators and organisation-wide coordinators) start
///   circles and see the whole monitor.
/// * The social map is seen by everyone who stands at the organisation, and
///   kept by its managers and the coaches of its locations.
/// * Practice examples are shared among its staff and its locations' staff,
///   never with the members of its circles.
/// * The volunteer pool is kept by its managers and its locations' coaches;
///   its rules are set by its managers; its volunteers see only their own.
/// * Its FAQ is read by everyone who stands at it and kept like its social
///   map; its staff quiz is for its staff and its locations' staff.
pub fn may_org(s: &OrgStanding, action: OrgAction) -> bool {
    match action {
        OrgAction::ManageOrganisation => s.staff.contains(&OrgRole::Admin),
        OrgAction::StartCircle | OrgAction::ViewOrganisationMonitor => s.manager(),
        OrgAction::ViewSocialMap => s.known(),
        OrgAction::EditSocialMap => s.manager() || s.location_staff.contains(&LocationRole::Coordinator),
        // Coaches learn from each other: the organisation's staff and its locations' staff.
        OrgAction::SharePractice => s.manager() || !s.location_staff.is_empty(),
        OrgAction::KeepPool => s.manager() || s.location_staff.contains(&LocationRole::Coordinator),
        OrgAction::SetPoolRules => s.manager(),
        OrgAction::VolunteerInPool => s.pool,
        OrgAction::ReadKnowledge => s.known(),
        OrgAction::KeepKnowledge => s.manager() || s.location_staff.contains(&LocationRole::Coordinator),
        OrgAction::TakeQuiz => s.manager() || !s.location_staff.is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_carers_change_professionals_agreements_only_when_the_circle_allows() {
        use Role::*;
        assert!(!may_change_agreement(Relative, false, Professional, false));
        assert!(!may_change_agreement(Volunteer, false, Coordinator, false));
        assert!(may_change_agreement(Relative, false, Professional, true));
        assert!(may_change_agreement(Relative, true, Relative, false), "one's own");
        assert!(may_change_agreement(Relative, false, Volunteer, false), "among informal members");
        assert!(may_change_agreement(Client, false, Professional, false), "the client decides");
        assert!(may_change_agreement(Representative, false, Professional, false));
        assert!(may_change_agreement(Professional, false, Relative, false));
    }

    /// The whole table, written out by hand: for each role and manager flag,
    /// what they may do in an active circle and in an archived one. One mark
    /// per action (`y` may, `.` may not), in the order of `CircleAction::ALL`,
    /// in groups of five: view, members, invite, manage, edit | archive,
    /// audit, leave, read logbook, write logbook | moderate logbook, view
    /// network, edit network, view agreements, write agreements | view
    /// conversations, hold conversations, own profile, mark SOFA roles, carer
    /// check-in | view about the client, write about the client, volunteer
    /// check-in, view agenda, plan agenda | take shifts, manage consent, export record, keep inbox, ask the pool.
    #[test]
    fn truth_table() {
        let table = [
            // (role, manager flag, active circle, archived circle)
            (Role::Client, false, "yyyyy yyyyy yyyyy yyy.. yy.yy .yy..", "yy... yy.y. .y.y. y.... y..y. ..y.."),
            (Role::Representative, false, "yyyyy yyyyy yyyyy yyy.. yy.yy yyy..", "yy... yy.y. .y.y. y.... y..y. ..y.."),
            (Role::Coordinator, false, "yyyyy y.yyy yyyyy yyyy. yy.yy y.yyy", "yy... y..y. .y.y. y.... y..y. ....."),
            (Role::Relative, false, "yy... ..yyy .yyyy yyyyy yy.yy y....", "..... ..... ..... ..... ..... ....."),
            (Role::Relative, true, "yyyyy y.yyy yyyyy yyyyy yy.yy y....", "yy... y..y. .y.y. y.... y..y. ....."),
            (Role::Volunteer, false, "yy... ..yyy .y.yy yyy.. yyyyy y....", "..... ..... ..... ..... ..... ....."),
            (Role::Volunteer, true, "yyyyy y.yyy yyyyy yyy.. yyyyy y....", "yy... y..y. .y.y. y.... y..y. ....."),
            (Role::Professional, false, "yy... ..yyy .yyyy yyyy. yy.yy y.y..", "..... ..... ..... ..... ..... ....."),
            (Role::Professional, true, "yyyyy y.yyy yyyyy yyyy. yy.yy y.y..", "yy... y..y. .y.y. y.... y..y. ....."),
        ];
        for (role, flag, active, archived) in table {
            for (in_archive, marks) in [(false, active), (true, archived)] {
                let want: Vec<bool> = marks.chars().filter(|c| !c.is_whitespace()).map(|c| c == 'y').collect();
                assert_eq!(want.len(), CircleAction::ALL.len(), "{role:?} manager={flag}: one mark per action");
                for (action, want) in CircleAction::ALL.into_iter().zip(want) {
                    assert_eq!(
                        may(role, flag, in_archive, action),
                        want,
                        "{role:?} manager={flag} archived={in_archive} {action:?}"
                    );
                }
            }
        }
    }

    /// Consent narrows the table, never widens it: with nothing hidden it is
    /// the table; a hidden category takes exactly its actions from exactly
    /// that role; the client side is never kept out.
    #[test]
    fn consent_narrows_the_table() {
        for role in Role::ALL {
            for flag in [false, true] {
                for action in CircleAction::ALL {
                    assert_eq!(
                        permitted(role, flag, false, Consent::default(), action),
                        may(role, flag, false, action)
                    );
                    for category in Category::ALL {
                        let consent = Consent::default().with(category, role, false);
                        let want = may(role, flag, false, action)
                            && (role.speaks_for_client() || Category::of_action(action) != Some(category));
                        assert_eq!(
                            permitted(role, flag, false, consent, action),
                            want,
                            "{role:?} {action:?} {category:?}"
                        );
                    }
                }
            }
        }
        let no_agenda = Consent::default().with(Category::Agenda, Role::Volunteer, false);
        assert!(!permitted(Role::Volunteer, false, false, no_agenda, CircleAction::TakeShifts));
        assert!(permitted(Role::Relative, false, false, no_agenda, CircleAction::TakeShifts));
    }

    #[test]
    fn only_the_client_side_touches_client_side_memberships() {
        assert!(may_change_member(Role::Coordinator, Role::Volunteer, Some(Role::Relative)));
        assert!(!may_change_member(Role::Coordinator, Role::Client, None));
        assert!(!may_change_member(Role::Coordinator, Role::Relative, Some(Role::Representative)));
        assert!(!may_change_member(Role::Relative, Role::Representative, None));
        assert!(may_change_member(Role::Representative, Role::Client, None));
        assert!(may_change_member(Role::Client, Role::Relative, Some(Role::Representative)));
    }

    #[test]
    fn who_closes_open_items() {
        assert!(may_close_entry(Role::Volunteer, false, true), "the writer");
        assert!(may_close_entry(Role::Professional, false, false), "a professional");
        assert!(may_close_entry(Role::Relative, true, false), "a manager");
        assert!(!may_close_entry(Role::Volunteer, false, false));
        assert!(!may_close_entry(Role::Relative, false, false));
    }

    #[test]
    fn who_marks_sofa_roles() {
        use Role::*;
        assert!(may_mark_carer_roles(Relative, true, Relative), "the carer");
        assert!(may_mark_carer_roles(Professional, false, Relative));
        assert!(may_mark_carer_roles(Coordinator, false, Relative));
        assert!(!may_mark_carer_roles(Relative, false, Relative), "not another carer");
        assert!(!may_mark_carer_roles(Volunteer, false, Relative));
        assert!(!may_mark_carer_roles(Client, false, Relative), "the client does not rate the carer");
        assert!(!may_mark_carer_roles(Professional, false, Volunteer), "only family carers have SOFA roles");
    }

    #[test]
    fn who_changes_what_someone_else_wrote_about_the_client() {
        use Role::*;
        assert!(may_change_about(Volunteer, false, true), "the writer");
        assert!(may_change_about(Client, false, false), "the client decides");
        assert!(may_change_about(Representative, false, false));
        assert!(may_change_about(Coordinator, false, false), "a manager");
        assert!(may_change_about(Relative, true, false), "a relative with the manager flag");
        assert!(!may_change_about(Relative, false, false));
        assert!(!may_change_about(Professional, false, false));
        assert!(!may_change_about(Volunteer, false, false));
    }

    #[test]
    fn who_changes_what_someone_else_planned() {
        use Role::*;
        assert!(may_change_agenda_item(Volunteer, false, true), "the planner");
        assert!(may_change_agenda_item(Client, false, false), "the client decides");
        assert!(may_change_agenda_item(Coordinator, false, false), "a manager");
        assert!(!may_change_agenda_item(Relative, false, false));
        assert!(!may_change_agenda_item(Professional, false, false));
    }

    #[test]
    fn org_policy() {
        let staff = OrgStanding::staff;
        assert!(may_org(&staff(&[OrgRole::Admin]), OrgAction::ManageOrganisation));
        assert!(!may_org(&staff(&[OrgRole::Coordinator]), OrgAction::ManageOrganisation));
        assert!(may_org(&staff(&[OrgRole::Coordinator]), OrgAction::StartCircle));
        assert!(!may_org(&staff(&[]), OrgAction::StartCircle));
        let coach = OrgStanding { location_staff: vec![LocationRole::Coordinator], ..Default::default() };
        let manager = OrgStanding { location_staff: vec![LocationRole::Manager], ..Default::default() };
        let member = OrgStanding { member: true, ..Default::default() };
        for s in [&coach, &manager, &member] {
            assert!(may_org(s, OrgAction::ViewSocialMap), "{s:?}");
            assert!(!may_org(s, OrgAction::ViewOrganisationMonitor), "{s:?}");
            assert!(!may_org(s, OrgAction::StartCircle), "{s:?}");
        }
        assert!(may_org(&coach, OrgAction::EditSocialMap));
        assert!(!may_org(&manager, OrgAction::EditSocialMap));
        assert!(!may_org(&member, OrgAction::EditSocialMap));
        assert!(!may_org(&OrgStanding::default(), OrgAction::ViewSocialMap));
        assert!(may_org(&coach, OrgAction::SharePractice) && may_org(&manager, OrgAction::SharePractice));
        assert!(!may_org(&member, OrgAction::SharePractice));
        assert!(may_org(&staff(&[OrgRole::Coordinator]), OrgAction::SharePractice));
        let volunteer = OrgStanding { pool: true, ..Default::default() };
        assert!(may_org(&volunteer, OrgAction::VolunteerInPool) && may_org(&volunteer, OrgAction::ViewSocialMap));
        for s in [&volunteer, &member, &manager] {
            assert!(!may_org(s, OrgAction::KeepPool), "{s:?}");
            assert!(!may_org(s, OrgAction::SetPoolRules), "{s:?}");
        }
        assert!(may_org(&coach, OrgAction::KeepPool) && !may_org(&coach, OrgAction::SetPoolRules));
        assert!(may_org(&staff(&[OrgRole::Coordinator]), OrgAction::SetPoolRules));
        assert!(!may_org(&coach, OrgAction::VolunteerInPool));
        for s in [&volunteer, &member, &manager, &coach] {
            assert!(may_org(s, OrgAction::ReadKnowledge), "{s:?}");
        }
        assert!(may_org(&coach, OrgAction::KeepKnowledge) && !may_org(&manager, OrgAction::KeepKnowledge));
        assert!(may_org(&manager, OrgAction::TakeQuiz) && !may_org(&member, OrgAction::TakeQuiz));
        assert!(
            !may_org(&volunteer, OrgAction::TakeQuiz) && !may_org(&OrgStanding::default(), OrgAction::ReadKnowledge)
        );
    }
}
