//! Capabilities: proofs, made only here, that an actor may do one kind of
//! thing in one circle (or organisation).

use super::CurrentUser;
use super::policy::{CircleAction, OrgAction, may, may_org};
use crate::Timestamp;
use crate::audience::AudienceScope;
use crate::audit::{AuditEvent, AuditSink, Outcome, Source, What};
use crate::error::{Error, Result};
use crate::ids::{CircleId, MemberId, OrganisationId, UserId};
use crate::member::ActiveMembership;
use crate::role::{OrgRole, Role};
use std::marker::PhantomData;

/// Marker types, one per [`CircleAction`], so a store function can demand
/// exactly the capability it needs (`&Can<act::ManageMembers>`).
pub mod act {
    use super::{CircleAction, OrgAction};

    pub trait Action {
        const ACTION: CircleAction;
    }
    pub trait OrgActionMarker {
        const ACTION: OrgAction;
    }

    macro_rules! marker {
        ($trait:ident, $enum:ident, $($name:ident),+) => {
            $(
                #[derive(Debug)]
                pub struct $name;
                impl $trait for $name {
                    const ACTION: $enum = $enum::$name;
                }
            )+
        };
    }

    marker!(
        Action,
        CircleAction,
        ViewCircle,
        ViewMembers,
        InviteMembers,
        ManageMembers,
        EditCircle,
        ArchiveCircle,
        ViewAuditTrail,
        Leave,
        ReadLogbook,
        WriteLogbook,
        ModerateLogbook,
        ViewNetwork,
        EditNetwork,
        ViewAgreements,
        WriteAgreements,
        ViewConversations,
        HoldConversations,
        KeepOwnProfile,
        MarkCarerRoles,
        CarerCheckIn,
        ViewAboutClient,
        WriteAboutClient,
        VolunteerCheckIn,
        ViewAgenda,
        PlanAgenda,
        TakeShifts
    );
    marker!(OrgActionMarker, OrgAction, ManageOrganisation, StartCircle);
}

/// Permission for the member `member_id` (user `user_id`) to do `A` in
/// `circle_id`. No public constructor: see [`authorize`].
#[derive(Debug)]
pub struct Can<A> {
    circle_id: CircleId,
    member_id: MemberId,
    user_id: UserId,
    role: Role,
    manager: bool,
    archived: bool,
    _action: PhantomData<fn() -> A>,
}

/// The acting member's place in the circle, as the capability knows it
/// (for showing only what the member may open).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub member_id: MemberId,
    pub role: Role,
    pub manager: bool,
    pub archived: bool,
}

impl Place {
    pub fn may(&self, action: CircleAction) -> bool {
        may(self.role, self.manager, self.archived, action)
    }
}

impl<A> Can<A> {
    pub fn circle_id(&self) -> &CircleId {
        &self.circle_id
    }
    pub fn member_id(&self) -> &MemberId {
        &self.member_id
    }
    pub fn user_id(&self) -> &UserId {
        &self.user_id
    }
    /// The acting member's role, for rules that depend on it.
    pub fn role(&self) -> Role {
        self.role
    }
    pub fn manages(&self) -> bool {
        self.manager || self.role.always_manages()
    }
    /// Which audiences the acting member belongs to.
    pub fn audience(&self) -> AudienceScope {
        AudienceScope::for_role(self.member_id.clone(), self.role)
    }

    pub fn place(&self) -> Place {
        Place { member_id: self.member_id.clone(), role: self.role, manager: self.manager, archived: self.archived }
    }

    /// The capability for another action in the same request, when the
    /// policy allows it for this membership. No second audit record: the
    /// request's purpose was recorded when this capability was granted.
    pub fn also<B: act::Action>(&self) -> Option<Can<B>> {
        may(self.role, self.manager, self.archived, B::ACTION).then(|| Can {
            circle_id: self.circle_id.clone(),
            member_id: self.member_id.clone(),
            user_id: self.user_id.clone(),
            role: self.role,
            manager: self.manager,
            archived: self.archived,
            _action: PhantomData,
        })
    }
}

/// Decides whether `user` may do `A` in `circle_id`, given the user's own
/// active membership there (as the store found it, or `None`). Records the
/// attempt — allowed or denied — in the audit trail before answering.
///
/// Not a member: [`Error::NotFound`], exactly as if the circle did not exist.
/// A member without the right: [`Error::Forbidden`].
pub async fn authorize<A: act::Action>(
    user: &CurrentUser,
    circle_id: &CircleId,
    membership: Option<ActiveMembership>,
    what: What,
    source: &Source,
    audit: &impl AuditSink,
    now: Timestamp,
) -> Result<Can<A>> {
    let membership = membership.filter(|m| m.user_id == *user.id() && m.circle_id == *circle_id);
    let decision = match &membership {
        None => Err(Error::NotFound),
        Some(m) if may(m.role, m.manager, m.circle_archived, A::ACTION) => Ok(()),
        // An archived circle is hidden from those who may not see it at all.
        Some(m) if m.circle_archived && !may(m.role, m.manager, true, CircleAction::ViewCircle) => Err(Error::NotFound),
        Some(_) => Err(Error::Forbidden),
    };
    let outcome = if decision.is_ok() { Outcome::Allowed } else { Outcome::Denied };
    let event = AuditEvent::new(Some((user.id(), user.display_name())), Some(circle_id), what, outcome, source, now);
    audit.record(event).await?;
    decision?;
    let m = membership.ok_or(Error::NotFound)?;
    Ok(Can {
        circle_id: m.circle_id,
        member_id: m.member_id,
        user_id: m.user_id,
        role: m.role,
        manager: m.manager,
        archived: m.circle_archived,
        _action: PhantomData,
    })
}

/// Permission for `user_id` to do `A` in organisation `organisation_id`.
#[derive(Debug)]
pub struct OrgCan<A> {
    organisation_id: OrganisationId,
    user_id: UserId,
    _action: PhantomData<fn() -> A>,
}

impl<A> OrgCan<A> {
    pub fn organisation_id(&self) -> &OrganisationId {
        &self.organisation_id
    }
    pub fn user_id(&self) -> &UserId {
        &self.user_id
    }
}

/// Decides an organisation-level action from the user's own staff roles in
/// that organisation. Outsiders get [`Error::NotFound`].
pub fn authorize_org<A: act::OrgActionMarker>(
    user: &CurrentUser,
    organisation_id: &OrganisationId,
    roles: &[OrgRole],
) -> Result<OrgCan<A>> {
    if roles.is_empty() {
        return Err(Error::NotFound);
    }
    if !may_org(roles, A::ACTION) {
        return Err(Error::Forbidden);
    }
    Ok(OrgCan { organisation_id: organisation_id.clone(), user_id: user.id().clone(), _action: PhantomData })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::{Credential, CredentialRecord, authenticate};
    use crate::audit::Operation;
    use crate::ids::SessionId;
    use crate::locale::Locale;
    use std::sync::Mutex;

    #[derive(Default)]
    struct Recorded(Mutex<Vec<AuditEvent>>);
    impl AuditSink for Recorded {
        async fn record(&self, event: AuditEvent) -> Result<()> {
            self.0.lock().expect("poisoned").push(event);
            Ok(())
        }
    }

    fn user() -> CurrentUser {
        authenticate(
            Some(CredentialRecord {
                user_id: UserId::generate(),
                display_name: "Thijs".into(),
                email: "thijs@example.nl".into(),
                locale: Locale::Nl,
                user_disabled: false,
                credential: Credential::Session(SessionId::generate()),
                expires_at: None,
                revoked: false,
            }),
            Timestamp::now(),
        )
        .expect("valid")
    }

    fn membership(user: &CurrentUser, circle: &CircleId, role: Role) -> ActiveMembership {
        ActiveMembership {
            member_id: MemberId::generate(),
            circle_id: circle.clone(),
            user_id: user.id().clone(),
            role,
            manager: false,
            circle_archived: false,
        }
    }

    fn what() -> What {
        What::new(Operation::Read, "members.list", "circle", None)
    }

    fn block_on<F: Future>(f: F) -> F::Output {
        // The futures here never wait, so polling once with a no-op waker suffices.
        let mut f = std::pin::pin!(f);
        match f.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop())) {
            std::task::Poll::Ready(v) => v,
            std::task::Poll::Pending => panic!("test future must not wait"),
        }
    }

    #[test]
    fn a_member_gets_a_capability_and_an_audit_record() {
        let (u, c, sink) = (user(), CircleId::generate(), Recorded::default());
        let m = membership(&u, &c, Role::Volunteer);
        let cap = block_on(authorize::<act::ViewMembers>(
            &u,
            &c,
            Some(m),
            what(),
            &Source::default(),
            &sink,
            Timestamp::now(),
        ))
        .expect("allowed");
        assert_eq!(cap.circle_id(), &c);
        let events = sink.0.lock().expect("poisoned");
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].outcome, Outcome::Allowed);
    }

    #[test]
    fn an_outsider_gets_not_found_and_the_attempt_is_recorded() {
        let (u, c, sink) = (user(), CircleId::generate(), Recorded::default());
        let r =
            block_on(authorize::<act::ViewMembers>(&u, &c, None, what(), &Source::default(), &sink, Timestamp::now()));
        assert!(matches!(r, Err(Error::NotFound)));
        assert_eq!(sink.0.lock().expect("poisoned")[0].outcome, Outcome::Denied);
    }

    #[test]
    fn a_membership_of_someone_else_or_elsewhere_does_not_count() {
        let (u, c, sink) = (user(), CircleId::generate(), Recorded::default());
        let mut elsewhere = membership(&u, &CircleId::generate(), Role::Client);
        let r = block_on(authorize::<act::ViewMembers>(
            &u,
            &c,
            Some(elsewhere.clone()),
            what(),
            &Source::default(),
            &sink,
            Timestamp::now(),
        ));
        assert!(matches!(r, Err(Error::NotFound)));
        elsewhere.circle_id = c.clone();
        elsewhere.user_id = UserId::generate();
        let r = block_on(authorize::<act::ViewMembers>(
            &u,
            &c,
            Some(elsewhere),
            what(),
            &Source::default(),
            &sink,
            Timestamp::now(),
        ));
        assert!(matches!(r, Err(Error::NotFound)));
    }

    #[test]
    fn a_member_without_the_right_is_forbidden() {
        let (u, c, sink) = (user(), CircleId::generate(), Recorded::default());
        let m = membership(&u, &c, Role::Volunteer);
        let r = block_on(authorize::<act::ManageMembers>(
            &u,
            &c,
            Some(m),
            what(),
            &Source::default(),
            &sink,
            Timestamp::now(),
        ));
        assert!(matches!(r, Err(Error::Forbidden)));
    }

    #[test]
    fn narrowing_follows_the_policy() {
        let (u, c, sink) = (user(), CircleId::generate(), Recorded::default());
        let m = membership(&u, &c, Role::Volunteer);
        let cap = block_on(authorize::<act::ViewMembers>(
            &u,
            &c,
            Some(m),
            what(),
            &Source::default(),
            &sink,
            Timestamp::now(),
        ))
        .expect("allowed");
        assert!(cap.also::<act::ViewCircle>().is_some());
        assert!(cap.also::<act::ManageMembers>().is_none(), "a volunteer does not manage");
        assert_eq!(cap.place().role, Role::Volunteer);
        assert_eq!(sink.0.lock().expect("poisoned").len(), 1, "narrowing writes no second record");
    }

    #[test]
    fn archived_circles_vanish_for_ordinary_members() {
        let (u, c, sink) = (user(), CircleId::generate(), Recorded::default());
        let mut m = membership(&u, &c, Role::Volunteer);
        m.circle_archived = true;
        let r = block_on(authorize::<act::ViewCircle>(
            &u,
            &c,
            Some(m),
            what(),
            &Source::default(),
            &sink,
            Timestamp::now(),
        ));
        assert!(matches!(r, Err(Error::NotFound)));
    }
}
