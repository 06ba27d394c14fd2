//! Inviting people into a circle and accepting invitations.

use super::{Ctx, what};
use crate::app::AppState;
use crate::crypto::{random_token, token_hash};
use crate::i18n::Tr;
use crate::mail::Joining;
use crate::mail::invitation_mail;
use crate::ratelimit;
use samenspel_core::access::act;
use samenspel_core::audit::{AuditEvent, AuditSink, Operation, Outcome, Source};
use samenspel_core::error::Validator;
use samenspel_core::ids::{CircleId, InvitationId, UserId};
use samenspel_core::invitation::{Invitation, InvitationPreview, InvitationState, NewInvitation};
use samenspel_core::locale::Locale;
use samenspel_core::role::Role;
use samenspel_core::{Error, Result, Timestamp, validate};
use samenspel_store::access::CurrentUser;
use samenspel_store::idempotency::IdempotencyKey;
use samenspel_store::invitations::Newcomer;

pub const MAX_MESSAGE: usize = 1000;

#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct Invite {
    /// Send the invitation to this address. Without it, the link is only
    /// returned, for the inviter to pass on (by text message, in person).
    #[serde(default)]
    pub email: Option<String>,
    pub role: String,
    #[serde(default)]
    pub relation: String,
    #[serde(default)]
    pub contact_person: bool,
    #[serde(default)]
    pub manager: bool,
    /// `YYYY-MM-DD`: the last day with access, today at the earliest (for a
    /// stand-in or a short-term volunteer); access ends when the next day starts.
    #[serde(default)]
    pub access_until: Option<String>,
    /// A personal note shown in the invitation.
    #[serde(default)]
    pub message: String,
    /// The id of a contact on the network map: when the invited person
    /// joins, they take that contact's place on the map.
    #[serde(default)]
    pub contact: Option<String>,
}

/// A new invitation. `link` holds the secret link; it is shown once and is
/// `None` when a retried request found the invitation it already made.
#[derive(Clone, Debug)]
pub struct Created {
    pub id: InvitationId,
    pub link: Option<String>,
    pub emailed: bool,
}

pub fn link_path(token: &str) -> String {
    format!("/invitations/{token}")
}

pub async fn create(
    ctx: &Ctx<'_>,
    circle: &CircleId,
    input: &Invite,
    idem: Option<&IdempotencyKey>,
) -> Result<Created> {
    let cap =
        ctx.can::<act::InviteMembers>(circle, what(Operation::Create, "invitation.create", "circle", circle)).await?;
    ctx.state.limiter.hit(ratelimit::INVITE_PER_USER, ctx.user.id().as_str()).await?;
    let mut v = Validator::new();
    let email = match input.email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
        Some(raw) => v.check(validate::email("email", raw)),
        None => None,
    };
    let role = Role::parse(&input.role);
    if role.is_none() {
        v.push("role", "role-invalid");
    }
    let relation = v.check(validate::relation("relation", &input.relation)).unwrap_or_default();
    let access_until =
        match super::members::parse_end_date("access_until", input.access_until.as_deref().unwrap_or(""), ctx.now) {
            Ok(d) => d,
            Err(e) => {
                v.push(e.field, e.code);
                None
            }
        };
    let message = input.message.trim().to_owned();
    if message.chars().count() > MAX_MESSAGE {
        v.push("message", "text-too-long");
    }
    v.finish()?;
    let role = role.ok_or_else(|| Error::internal("validated role missing"))?;
    // Once the client or a representative is in the circle, they decide who
    // else gets a client-side role.
    if role.speaks_for_client() && !cap.role().speaks_for_client() {
        let view = cap.also::<act::ViewMembers>().ok_or(Error::Forbidden)?;
        let members = ctx.state.store.members(&view, ctx.now).await?;
        if members.iter().any(|m| m.role.speaks_for_client()) {
            return Err(Error::field("role", "role-client-side-only"));
        }
    }
    let new = NewInvitation {
        email: email.clone(),
        role,
        relation,
        contact_person: input.contact_person,
        manager: input.manager,
        access_until,
        message,
        network_contact: input.contact.clone().filter(|c| !c.is_empty()),
    };
    let token = random_token();
    let link = ctx.state.config.link(&link_path(&token));
    let expires = ctx
        .now
        .saturating_add(jiff::SignedDuration::from_hours(24 * i64::from(ctx.state.config.invitation_days)))
        .map_err(Error::internal)?;
    let job = match &email {
        Some(to) => {
            let view = cap.also::<act::ViewCircle>().ok_or(Error::Forbidden)?;
            let circle_info = view.circle();
            let mail = invitation_mail(
                ctx.tr,
                to,
                ctx.user.display_name(),
                &circle_info.client_name,
                &new.message,
                &link,
                &ctx.tr.date(&expires),
            )
            .map_err(Error::internal)?;
            Some(mail.into_job(ctx.now))
        }
        None => None,
    };
    let (id, fresh) = ctx
        .state
        .store
        .create_invitation(&cap, &new, &token_hash(&token), expires, job.as_ref(), idem, ctx.now)
        .await?;
    if job.is_some() {
        ctx.state.jobs_waiting.notify_one();
    }
    Ok(Created { id, link: fresh.then_some(link), emailed: email.is_some() })
}

pub async fn list(ctx: &Ctx<'_>, circle: &CircleId) -> Result<Vec<Invitation>> {
    let cap =
        ctx.can::<act::InviteMembers>(circle, what(Operation::Read, "invitations.list", "circle", circle)).await?;
    ctx.state.store.invitations(&cap, ctx.now).await
}

/// The invitations page: the same, with the circle.
pub async fn list_page(ctx: &Ctx<'_>, circle: &CircleId) -> Result<super::InCircle<Vec<Invitation>>> {
    let cap =
        ctx.can::<act::InviteMembers>(circle, what(Operation::Read, "invitations.list", "circle", circle)).await?;
    let list = ctx.state.store.invitations(&cap, ctx.now).await?;
    super::in_circle(&cap, list)
}

pub async fn revoke(ctx: &Ctx<'_>, circle: &CircleId, id: &InvitationId) -> Result<()> {
    let cap =
        ctx.can::<act::InviteMembers>(circle, what(Operation::Delete, "invitation.revoke", "invitation", id)).await?;
    ctx.state.store.revoke_invitation(&cap, id, ctx.now).await
}

/// What the holder of a link sees. Unknown tokens are "not found".
pub async fn preview(
    state: &AppState,
    token: &str,
    viewer: Option<&CurrentUser>,
    source: &Source,
    now: Timestamp,
) -> Result<InvitationPreview> {
    let preview = state.store.invitation_by_token(&token_hash(token), now).await?.ok_or(Error::NotFound)?;
    let event = AuditEvent::new(
        viewer.map(|u| (u.id(), u.display_name())),
        Some(&preview.circle_id),
        what(Operation::Read, "invitation.preview", "invitation", &preview.id),
        Outcome::Allowed,
        source,
        now,
    );
    state.audit.record(event).await?;
    Ok(preview)
}

/// A signed-in person accepts: their account joins the circle.
pub async fn accept_signed_in(
    state: &AppState,
    user: &CurrentUser,
    token: &str,
    source: &Source,
    now: Timestamp,
) -> Result<CircleId> {
    let circle = state.store.accept_invitation(&token_hash(token), user, now).await?;
    record_accept(state, Some((user.id(), user.display_name())), &circle, source, now).await?;
    Ok(circle)
}

/// What happened when someone without a session accepted.
#[derive(Debug)]
pub enum Accepted {
    /// A new account was made and signed in (the address is the one the invitation was sent to).
    SignedIn { session_token: String, circle: CircleId },
    /// A sign-in link was sent to the address; following it finishes joining
    /// the client's circle, to which the inviter asked them.
    CheckMail { email: String, client_name: String, inviter: String },
}

/// Someone without a session accepts, giving their name and address.
///
/// * A new address that is the one the invitation was e-mailed to is proven
///   by the link itself: the account is made and signed in at once.
/// * Any other address gets a sign-in link first — also an existing
///   account's, so a forwarded invitation never signs anybody in as someone else.
pub async fn accept_new(
    state: &AppState,
    token: &str,
    name: &str,
    email: &str,
    locale: Locale,
    source: &Source,
    now: Timestamp,
) -> Result<Accepted> {
    // The invitation is the newcomer's only standing: check it before the input.
    let preview = state.store.invitation_by_token(&token_hash(token), now).await?.ok_or(Error::NotFound)?;
    if preview.state != InvitationState::Open {
        return Err(Error::Conflict("invitation-not-open"));
    }
    let mut v = Validator::new();
    let name = v.check(validate::name("name", name));
    let email = v.check(validate::email("email", email));
    v.finish()?;
    let (Some(name), Some(email)) = (name, email) else {
        return Err(Error::internal("validated fields missing"));
    };
    let ip = source.ip.clone().unwrap_or_default();
    state.limiter.hit(ratelimit::LINK_PER_IP, &ip).await?;
    match state.store.accept_invitation_as_newcomer(&token_hash(token), &name, &email, locale, now).await? {
        Newcomer::Joined { proof, circle } => {
            // A newcomer invited as a professional or coordinator sets up a second factor first.
            let (session_token, _) =
                super::second_factor::sign_in::session_without_factor(state, &proof, source, now).await?;
            // The account is theirs now: the trail names them, not "someone with a link".
            record_accept(state, Some((proof.user_id(), &name)), &circle, source, now).await?;
            Ok(Accepted::SignedIn { session_token, circle })
        }
        Newcomer::MustConfirm { invitation } => {
            let joining = Joining { client_name: &preview.client_name, inviter: &preview.invited_by_name };
            let for_invitation = Some((&invitation, joining));
            super::accounts::request_sign_in_link(state, &email, for_invitation, Tr::new(locale), source, now).await?;
            Ok(Accepted::CheckMail { email, client_name: preview.client_name, inviter: preview.invited_by_name })
        }
    }
}

/// Records that `actor` joined `circle` through an invitation (also when a
/// sign-in link sent for it finished joining).
pub(crate) async fn record_accept(
    state: &AppState,
    actor: Option<(&UserId, &str)>,
    circle: &CircleId,
    source: &Source,
    now: Timestamp,
) -> Result<()> {
    let event = AuditEvent::new(
        actor,
        Some(circle),
        what(Operation::Create, "invitation.accept", "circle", circle),
        Outcome::Allowed,
        source,
        now,
    );
    state.audit.record(event).await
}
