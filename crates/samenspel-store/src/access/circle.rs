//! [`Can<A>`]: permission to do `A` in one circle, minted by
//! [`Store::authorize`] from the asker's own membership, read in that call.

use super::CurrentUser;
use super::user::{Admission, Membership};
use crate::db::Store;
use samenspel_core::Timestamp;
use samenspel_core::access::{CircleAction, act, decide, permitted};
use samenspel_core::audience::AudienceScope;
use samenspel_core::audit::{AuditEvent, AuditSink, Outcome, Source, What};
use samenspel_core::circle::Circle;
use samenspel_core::consent::{Category, Consent};
use samenspel_core::error::{Error, Result};
use samenspel_core::ids::{CircleId, MemberId, UserId};
use samenspel_core::role::Role;
use std::marker::PhantomData;
use std::sync::Arc;

/// Permission for the member `member_id` (user `user_id`) to do `A` in
/// `circle_id`. No public constructor: see [`Store::authorize`].
#[derive(Debug)]
pub struct Can<A> {
    circle_id: CircleId,
    member_id: MemberId,
    user_id: UserId,
    role: Role,
    manager: bool,
    archived: bool,
    consent: Consent,
    /// The circle as read with the membership that made this proof.
    circle: Arc<Circle>,
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
    /// The circle's consent, as read with the membership.
    pub consent: Consent,
}

impl Place {
    /// Whether the member may do `action`, consent included.
    pub fn may(&self, action: CircleAction) -> bool {
        permitted(self.role, self.manager, self.archived, self.consent, action)
    }

    /// Whether consent lets the member see `category`.
    pub fn sees(&self, category: Category) -> bool {
        self.consent.allows(self.role, category)
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
        AudienceScope::for_role(self.member_id.clone(), self.role, self.consent)
    }

    /// The circle's consent, as read with the membership that made this proof.
    pub fn consent(&self) -> Consent {
        self.consent
    }

    pub fn place(&self) -> Place {
        Place {
            member_id: self.member_id.clone(),
            role: self.role,
            manager: self.manager,
            archived: self.archived,
            consent: self.consent,
        }
    }

    /// The capability for another action in the same request, when the
    /// policy allows it for this membership. No second audit record: the
    /// request's purpose was recorded when this capability was granted.
    pub fn also<B: act::Action>(&self) -> Option<Can<B>> {
        permitted(self.role, self.manager, self.archived, self.consent, B::ACTION).then(|| Can {
            circle_id: self.circle_id.clone(),
            member_id: self.member_id.clone(),
            user_id: self.user_id.clone(),
            role: self.role,
            manager: self.manager,
            archived: self.archived,
            consent: self.consent,
            circle: Arc::clone(&self.circle),
            _action: PhantomData,
        })
    }
}

impl Can<act::ViewCircle> {
    /// The circle (its name, organisation, location, member count), as read
    /// with the membership that made this proof at the start of the request:
    /// no statement of its own. (A request that changes the circle answers
    /// with a redirect, so the next request reads the change.)
    pub fn circle(&self) -> &Circle {
        &self.circle
    }
}

/// Actions that only read. A "view as" proof ([`Can::view_as`]) is made for
/// these alone, so it can never write anything.
pub trait Reads: act::Action {}
impl Reads for act::ViewCircle {}
impl Reads for act::ViewMembers {}
impl Reads for act::ReadLogbook {}
impl Reads for act::ViewNetwork {}
impl Reads for act::ViewAgreements {}
impl Reads for act::ViewConversations {}
impl Reads for act::ViewAboutClient {}
impl Reads for act::ViewAgenda {}

/// The member id of a "view as" proof: no membership has it, so the viewer
/// wrote nothing, was chosen for nothing and has seen nothing.
const VIEWING_AS: &str = "view-as";

impl Can<act::ManageConsent> {
    /// The circle as a member with `role` reads it, for the client side
    /// deciding about consent ("view as"): that role's audiences and what
    /// consent keeps from it, for a member who wrote nothing and was chosen
    /// for nothing. Only for reading actions the role may take. The client
    /// side reads everything already, so this shows them nothing new; it
    /// shows them less.
    pub fn view_as<B: Reads>(&self, role: Role) -> Option<Can<B>> {
        permitted(role, false, self.archived, self.consent, B::ACTION).then(|| Can {
            circle_id: self.circle_id.clone(),
            member_id: MemberId::from_db(VIEWING_AS.to_owned()),
            user_id: self.user_id.clone(),
            role,
            manager: false,
            archived: self.archived,
            consent: self.consent,
            circle: Arc::clone(&self.circle),
            _action: PhantomData,
        })
    }
}

impl Store {
    /// Decides whether `user` may do `A` in `circle`, from the user's own
    /// active membership there (not ended, not past its end date), read
    /// here. Records the attempt — allowed or denied — in the audit trail
    /// before answering.
    ///
    /// Not a member: [`Error::NotFound`], exactly as if the circle did not
    /// exist. A member without the right: [`Error::Forbidden`].
    pub async fn authorize<A: act::Action>(
        &self,
        user: &CurrentUser,
        circle: &CircleId,
        what: What,
        source: &Source,
        audit: &impl AuditSink,
        now: Timestamp,
    ) -> Result<Can<A>> {
        // Only the asker's own membership counts: it is read for `user`, here,
        // or was read with their credential or by the gate in this request.
        let membership = match user.admission(circle, now) {
            Some(read) => read,
            None => self.internal().active_membership(user.id(), circle, now).await?,
        };
        let decision = decide(membership.as_ref().map(|m| m.facts), A::ACTION);
        let outcome = if decision.is_ok() { Outcome::Allowed } else { Outcome::Denied };
        let event = AuditEvent::new(Some((user.id(), user.display_name())), Some(circle), what, outcome, source, now);
        super::record(audit, event).await?;
        decision?;
        let Membership { member_id, facts, circle: read } = membership.ok_or(Error::NotFound)?;
        Ok(Can {
            circle_id: circle.clone(),
            member_id,
            user_id: user.id().clone(),
            role: facts.role,
            manager: facts.manager,
            archived: facts.circle_archived,
            consent: facts.consent,
            circle: read,
            _action: PhantomData,
        })
    }

    /// The answer [`Store::authorize`] would give for `action`, without a
    /// proof: the gate in front of a request, so that who asks is decided
    /// before anything they send is read (an outsider hears "not found",
    /// never which fields were wrong). Only a refusal is recorded here; the
    /// request's own `authorize` records it when it goes on. Admitted, the
    /// user comes back carrying what was read, for that `authorize` to use.
    pub async fn admit(
        &self,
        user: &CurrentUser,
        circle: &CircleId,
        action: CircleAction,
        what: What,
        source: &Source,
        audit: &impl AuditSink,
        now: Timestamp,
    ) -> Result<CurrentUser> {
        let membership = match user.admission(circle, now) {
            Some(read) => read,
            None => self.internal().active_membership(user.id(), circle, now).await?,
        };
        let decision = decide(membership.as_ref().map(|m| m.facts), action);
        if decision.is_err() {
            let who = Some((user.id(), user.display_name()));
            super::record(audit, AuditEvent::new(who, Some(circle), what, Outcome::Denied, source, now)).await?;
        }
        decision?;
        let membership = membership.ok_or(Error::NotFound)?;
        Ok(user.clone().admitted(Admission { circle: circle.clone(), membership: Some(membership), at: now }))
    }
}
