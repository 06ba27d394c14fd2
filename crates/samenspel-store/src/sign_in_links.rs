//! One-time sign-in links sent by e-mail. Single use, short-lived; only the
//! token's hash is stored. A link may also finish accepting an invitation.

use crate::access::Verified;
use crate::db::{Store, Tx, ms};
use crate::invitations::{Accept, accept_in};
use crate::jobs::{NewJob, enqueue};
use crate::sql::{args, db_row};
use samenspel_core::ids::{CircleId, InvitationId, UserId};
use samenspel_core::locale::Locale;
use samenspel_core::{Error, Result, Timestamp};

/// Who a valid, unused link is for (shown on the confirmation page).
#[derive(Clone, Debug)]
pub struct LinkPreview {
    pub user_id: UserId,
    pub display_name: String,
    pub email: String,
    /// Sent to finish accepting an invitation: (the client's name, who invited).
    pub joining: Option<(String, String)>,
}

/// The account a requested link is for, to address the e-mail.
#[derive(Clone, Debug)]
pub struct LinkRecipient {
    pub display_name: String,
    pub locale: Locale,
}

/// A new link: its token's hash, what it finishes, until when it works.
#[derive(Clone, Copy, Debug)]
pub struct NewLink<'a> {
    pub token_hash: &'a str,
    pub invitation: Option<&'a InvitationId>,
    pub expires_at: Timestamp,
}

async fn insert_link(tx: &mut Tx, user: &str, link: &NewLink<'_>, now: Timestamp) -> Result<()> {
    tx.exec(
        "INSERT INTO sign_in_links (id, token_hash, user_id, invitation_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
        args![uuid::Uuid::now_v7().to_string(), link.token_hash, user, link.invitation.map(|i| i.as_str()), ms(now), ms(link.expires_at)],
    ).await?;
    Ok(())
}

impl Store {
    /// Someone asks for a sign-in link for an address. When the address has
    /// an account that is not disabled, the link is stored; either way the
    /// e-mail `mail` makes is queued in the same transaction — for an unknown
    /// address it says so — so the answer takes the same path and time and
    /// reveals nothing about which addresses have an account. The link goes
    /// only to the address's owner, so anyone may ask (rate-limited).
    pub async fn request_sign_in_link(
        &self,
        email: &str,
        link: NewLink<'_>,
        mail: impl FnOnce(Option<&LinkRecipient>) -> Result<NewJob>,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let found: Option<(String, String, String)> = tx
            .opt("SELECT id, display_name, locale FROM users WHERE email = $1 AND disabled_at IS NULL", args![email])
            .await?;
        let recipient = match &found {
            Some((id, display_name, locale)) => {
                insert_link(&mut tx, id, &link, now).await?;
                Some(LinkRecipient {
                    display_name: display_name.clone(),
                    locale: Locale::parse(locale).unwrap_or_default(),
                })
            }
            None => None,
        };
        enqueue(&mut tx, &mail(recipient.as_ref())?, now).await?;
        tx.commit().await
    }

    /// Looks at a link without using it: e-mail scanners that open links must
    /// not burn them, so using one takes a deliberate POST.
    pub async fn preview_sign_in_link(&self, token_hash: &str, now: Timestamp) -> Result<Option<LinkPreview>> {
        db_row! {
            struct Row { id: String, display_name: String, email: String, client: Option<String>, inviter: Option<String> }
        }
        let row: Option<Row> = self
            .opt(
                "SELECT u.id, u.display_name, u.email, c.client_name, b.display_name FROM sign_in_links l \
                 JOIN users u ON u.id = l.user_id LEFT JOIN invitations i ON i.id = l.invitation_id \
                 LEFT JOIN circles c ON c.id = i.circle_id LEFT JOIN users b ON b.id = i.invited_by \
                 WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > $2 AND u.disabled_at IS NULL",
                args![token_hash, ms(now)],
            )
            .await?;
        Ok(row.map(|Row { id, display_name, email, client, inviter }| LinkPreview {
            user_id: UserId::from_db(id),
            display_name,
            email,
            joining: client.zip(inviter),
        }))
    }

    /// Uses a link: succeeds once, before it expires, for an account that is
    /// not disabled. Proves the address, and accepts the invitation the link
    /// was sent for when it is still open — all in one transaction. Returns
    /// the sign-in proof and the circle joined, if any.
    pub async fn consume_sign_in_link(
        &self,
        token_hash: &str,
        now: Timestamp,
    ) -> Result<Option<(Verified, Option<CircleId>)>> {
        let mut tx = self.begin().await?;
        let row: Option<(String, Option<String>)> = tx
            .opt(
                "UPDATE sign_in_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 \
             AND user_id IN (SELECT id FROM users WHERE disabled_at IS NULL) RETURNING user_id, invitation_id",
                args![token_hash, ms(now)],
            )
            .await?;
        let Some((user, invitation)) = row else {
            return Ok(None);
        };
        let user = UserId::from_db(user);
        tx.exec(
            "UPDATE users SET email_verified_at = COALESCE(email_verified_at, $2) WHERE id = $1",
            args![user.as_str(), ms(now)],
        )
        .await?;
        let circle = match invitation.map(InvitationId::from_db) {
            Some(inv) => match accept_in(&mut tx, Accept::ViaSignInLink(&inv), &user, now).await {
                Ok(c) => Some(c),
                // The invitation was revoked or expired meanwhile: still sign in.
                Err(Error::Conflict(_)) => None,
                Err(e) => return Err(e),
            },
            None => None,
        };
        tx.commit().await?;
        Ok(Some((Verified::new(user), circle)))
    }
}

impl crate::Internal<'_> {
    /// Stores a link for any account, with its e-mail if there is one: for
    /// the command line and the demo (`admin sign-in-link`), which print it.
    pub async fn create_sign_in_link(
        &self,
        user: &UserId,
        link: NewLink<'_>,
        mail: Option<&NewJob>,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        insert_link(&mut tx, user.as_str(), &link, now).await?;
        if let Some(job) = mail {
            enqueue(&mut tx, job, now).await?;
        }
        tx.commit().await
    }
}
