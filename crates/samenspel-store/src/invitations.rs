//! Invitations: created by a manager (with an e-mail in the outbox, or as a
//! link to copy), previewed and accepted by whoever holds the link.

use crate::access::{Can, CurrentUser, Verified};
use crate::circles::{insert_membership, lock_circle, one_client};
use crate::db::{Store, Tx, ms, role, ts, ts_opt};
use crate::idempotency::{IdempotencyKey, earlier_result, remember};
use crate::jobs::NewJob;
use crate::sql::{args, db_row};
use samenspel_core::access::act;
use samenspel_core::ids::{CircleId, InvitationId, UserId};
use samenspel_core::invitation::{Invitation, InvitationPreview, InvitationState, NewInvitation};
use samenspel_core::locale::Locale;
use samenspel_core::role::Role;
use samenspel_core::{Error, Result, Timestamp};

fn state(accepted: Option<i64>, revoked: Option<i64>, expires: i64, now: Timestamp) -> InvitationState {
    if accepted.is_some() {
        InvitationState::Accepted
    } else if revoked.is_some() {
        InvitationState::Revoked
    } else if expires <= ms(now) {
        InvitationState::Expired
    } else {
        InvitationState::Open
    }
}

/// What became of a newcomer accepting an invitation.
#[derive(Debug)]
pub enum Newcomer {
    /// A new account with the invited address: made, joined, and proven.
    Joined { proof: Verified, circle: CircleId },
    /// The address must be confirmed by a sign-in link first, which then
    /// finishes accepting this invitation.
    MustConfirm { invitation: InvitationId },
}

/// Which invitation to accept: by the secret from the link, or by id after a
/// sign-in link (which was itself sent for that invitation) was used.
pub(crate) enum Accept<'a> {
    Token(&'a str),
    ViaSignInLink(&'a InvitationId),
}

impl Store {
    /// Creates an invitation; `mail` (the invitation e-mail) is queued in the
    /// same transaction, so it is sent exactly when the invitation exists.
    pub async fn create_invitation(
        &self,
        cap: &Can<act::InviteMembers>,
        new: &NewInvitation,
        token_hash: &str,
        expires_at: Timestamp,
        mail: Option<&NewJob>,
        idem: Option<&IdempotencyKey>,
        now: Timestamp,
    ) -> Result<(InvitationId, bool)> {
        let mut tx = self.begin().await?;
        if let Some(earlier) = earlier_result(&mut tx, cap.user_id(), idem).await? {
            return Ok((InvitationId::from_db(earlier), false));
        }
        if let Some(contact) = &new.network_contact {
            // Only somebody on this circle's map who is not a member yet.
            let found: Option<(String,)> = tx
                .opt(
                    "SELECT id FROM network_contacts WHERE id = $1 AND circle_id = $2 AND member_id IS NULL",
                    args![contact, cap.circle_id().as_str()],
                )
                .await?;
            if found.is_none() {
                return Err(Error::field("contact", "contact-not-found"));
            }
        }
        if new.role == Role::Client {
            one_client(&mut tx, cap.circle_id(), None, now).await.map_err(crate::circles::on_role)?;
        }
        let id = InvitationId::generate();
        tx.exec(
            "INSERT INTO invitations (id, circle_id, token_hash, email, role, relation, contact_person, manager, access_until, message, invited_by, created_at, expires_at, network_contact_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
            args![id.as_str(), cap.circle_id().as_str(), token_hash, new.email.as_deref(), new.role.as_str(), &new.relation, new.contact_person, new.manager, new.access_until.map(ms), &new.message, cap.user_id().as_str(), ms(now), ms(expires_at), new.network_contact.as_deref()],
        ).await?;
        remember(&mut tx, cap.user_id(), idem, id.as_str(), now).await?;
        tx.finish(mail.map(std::slice::from_ref).unwrap_or_default(), now).await?;
        Ok((id, true))
    }

    /// The circle's invitations, newest first (open, accepted, revoked, expired).
    pub async fn invitations(&self, cap: &Can<act::InviteMembers>, now: Timestamp) -> Result<Vec<Invitation>> {
        db_row! {
            struct Row {
                id: String,
                email: Option<String>,
                role: String,
                relation: String,
                contact_person: bool,
                manager: bool,
                until: Option<i64>,
                message: String,
                by: String,
                created: i64,
                expires: i64,
                accepted: Option<i64>,
                revoked: Option<i64>,
            }
        }
        let rows: Vec<Row> = self.all(
            "SELECT i.id, i.email, i.role, i.relation, i.contact_person, i.manager, i.access_until, i.message, u.display_name, \
                    i.created_at, i.expires_at, i.accepted_at, i.revoked_at \
             FROM invitations i JOIN users u ON u.id = i.invited_by WHERE i.circle_id = $1 ORDER BY i.created_at DESC LIMIT 200",
            args![cap.circle_id().as_str()],
        ).await?;
        rows.into_iter()
            .map(
                |Row {
                     id,
                     email,
                     role: r,
                     relation,
                     contact_person,
                     manager,
                     until,
                     message,
                     by,
                     created,
                     expires,
                     accepted,
                     revoked,
                 }| {
                    Ok(Invitation {
                        id: InvitationId::from_db(id),
                        circle_id: cap.circle_id().clone(),
                        email,
                        role: role(&r)?,
                        relation,
                        contact_person,
                        manager,
                        access_until: ts_opt(until),
                        message,
                        invited_by_name: by,
                        created_at: ts(created),
                        expires_at: ts(expires),
                        state: state(accepted, revoked, expires, now),
                    })
                },
            )
            .collect()
    }

    pub async fn revoke_invitation(
        &self,
        cap: &Can<act::InviteMembers>,
        id: &InvitationId,
        now: Timestamp,
    ) -> Result<()> {
        self.exec_found("UPDATE invitations SET revoked_at = $3, revoked_by = $4 WHERE id = $1 AND circle_id = $2 AND accepted_at IS NULL AND revoked_at IS NULL",
            args![id.as_str(), cap.circle_id().as_str(), ms(now), cap.user_id().as_str()]).await
    }

    /// What the holder of an invitation link may see before accepting: the
    /// client's name, who invites, the role. Nothing else of the circle.
    pub async fn invitation_by_token(&self, token_hash: &str, now: Timestamp) -> Result<Option<InvitationPreview>> {
        db_row! {
            struct Row {
                id: String,
                circle: String,
                client_name: String,
                by: String,
                email: Option<String>,
                role: String,
                relation: String,
                message: String,
                until: Option<i64>,
                expires: i64,
                accepted: Option<i64>,
                revoked: Option<i64>,
                archived: Option<i64>,
            }
        }
        let row: Option<Row> = self.opt(
            "SELECT i.id, i.circle_id, c.client_name, u.display_name, i.email, i.role, i.relation, i.message, i.access_until, \
                    i.expires_at, i.accepted_at, i.revoked_at, c.archived_at \
             FROM invitations i JOIN circles c ON c.id = i.circle_id JOIN users u ON u.id = i.invited_by WHERE i.token_hash = $1",
            args![token_hash],
        ).await?;
        let Some(Row {
            id,
            circle,
            client_name,
            by,
            email,
            role: r,
            relation,
            message,
            until,
            expires,
            accepted,
            revoked,
            archived,
        }) = row
        else {
            return Ok(None);
        };
        // An archived circle takes no new members: its invitations count as revoked.
        let revoked = revoked.or(archived);
        Ok(Some(InvitationPreview {
            id: InvitationId::from_db(id),
            circle_id: CircleId::from_db(circle),
            client_name,
            invited_by_name: by,
            email,
            role: role(&r)?,
            relation,
            message,
            access_until: ts_opt(until),
            state: state(accepted, revoked, expires, now),
        }))
    }

    /// The signed-in person accepts an invitation: it is marked used and the
    /// membership added in one transaction. Accepting into a circle one
    /// already belongs to keeps the existing membership.
    pub async fn accept_invitation(&self, token_hash: &str, me: &CurrentUser, now: Timestamp) -> Result<CircleId> {
        let mut tx = self.begin().await?;
        let circle = accept_in(&mut tx, Accept::Token(token_hash), me.id(), now).await?;
        tx.commit().await?;
        Ok(circle)
    }

    /// Someone without a session accepts with their name and address.
    ///
    /// * A new address that is the one the invitation was e-mailed to is
    ///   proven by the invitation itself: the account is made, the invitation
    ///   accepted, and a sign-in proof returned.
    /// * Any other address — also an existing account's, so a forwarded
    ///   invitation never signs anybody in as someone else — must first
    ///   follow a sign-in link ([`Newcomer::MustConfirm`]).
    pub async fn accept_invitation_as_newcomer(
        &self,
        token_hash: &str,
        name: &str,
        email: &str,
        locale: Locale,
        now: Timestamp,
    ) -> Result<Newcomer> {
        let preview = self.invitation_by_token(token_hash, now).await?.ok_or(Error::NotFound)?;
        if preview.state != InvitationState::Open {
            return Err(Error::Conflict("invitation-not-open"));
        }
        let proven = preview.email.as_deref() == Some(email);
        let internal = self.internal();
        let created = match internal.find_user_for_sign_in(email).await? {
            Some(user) if user.disabled => return Err(Error::field("email", "account-disabled")),
            Some(_) => false,
            None => match internal.create_user(email, name, None, locale, proven, now).await {
                Ok(_) => true,
                // Someone made the account a moment ago: continue as for an existing one.
                Err(Error::Conflict(_)) => false,
                Err(e) => return Err(e),
            },
        };
        let user = internal.find_user_for_sign_in(email).await?.ok_or(Error::NotFound)?;
        if !(created && proven) {
            return Ok(Newcomer::MustConfirm { invitation: preview.id });
        }
        let mut tx = self.begin().await?;
        let circle = accept_in(&mut tx, Accept::Token(token_hash), &user.id, now).await?;
        tx.commit().await?;
        Ok(Newcomer::Joined { proof: Verified::new(user.id), circle })
    }
}

/// Marks an invitation used for `user` and adds the membership, inside `tx`.
pub(crate) async fn accept_in(tx: &mut Tx, which: Accept<'_>, user: &UserId, now: Timestamp) -> Result<CircleId> {
    {
        let (filter, value) = match which {
            Accept::Token(hash) => ("token_hash", hash),
            Accept::ViaSignInLink(id) => ("id", id.as_str()),
        };
        let sql = if filter == "id" {
            "UPDATE invitations SET accepted_at = $2, accepted_by = $3 \
             WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2 \
             RETURNING circle_id, role, relation, contact_person, manager, access_until, invited_by, network_contact_id"
        } else {
            "UPDATE invitations SET accepted_at = $2, accepted_by = $3 \
             WHERE token_hash = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2 \
             RETURNING circle_id, role, relation, contact_person, manager, access_until, invited_by, network_contact_id"
        };
        db_row! {
            struct Row {
                circle: String,
                role: String,
                relation: String,
                contact_person: bool,
                manager: bool,
                until: Option<i64>,
                invited_by: String,
                contact: Option<String>,
            }
        }
        let row: Option<Row> = tx.opt(sql, args![value, ms(now), user.as_str()]).await?;
        let Row { circle, role: r, relation, contact_person, manager, until, invited_by, contact } =
            row.ok_or(Error::Conflict("invitation-not-open"))?;
        let circle = CircleId::from_db(circle);
        lock_circle(tx, &circle).await?;
        if circle_archived(tx, &circle).await? {
            return Err(Error::Conflict("invitation-not-open"));
        }
        let existing: Option<(String,)> = tx
            .opt(
                "SELECT id FROM memberships WHERE circle_id = $1 AND user_id = $2 AND ended_at IS NULL",
                args![circle.as_str(), user.as_str()],
            )
            .await?;
        match existing {
            // Still listed but past its end date: renew it with the invitation's terms.
            Some((member,)) => {
                tx.exec(
                    "UPDATE memberships SET access_until = $2 WHERE id = $1 AND access_until IS NOT NULL AND access_until <= $3",
                    args![&member, until, ms(now)],
                ).await?;
            }
            None => {
                let member = insert_membership(
                    tx,
                    &circle,
                    user,
                    role(&r)?,
                    &relation,
                    contact_person,
                    manager,
                    ts_opt(until),
                    Some(&invited_by),
                    now,
                )
                .await?;
                if let Some(contact) = contact {
                    // The contact becomes the member on the map, keeping their place.
                    tx.exec(
                        "UPDATE network_contacts SET member_id = $1, name = '', reach = '', updated_at = $4, updated_by = $1 \
                         WHERE id = $2 AND circle_id = $3 AND member_id IS NULL",
                        args![member.as_str(), &contact, circle.as_str(), ms(now)],
                    ).await?;
                }
            }
        }
        Ok(circle)
    }
}

async fn circle_archived(tx: &mut Tx, circle: &CircleId) -> Result<bool> {
    let (archived,): (Option<i64>,) =
        tx.one("SELECT archived_at FROM circles WHERE id = $1", args![circle.as_str()]).await?;
    Ok(archived.is_some())
}
