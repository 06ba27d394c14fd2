//! One-time sign-in links sent by e-mail. Single use, short-lived; only the
//! token's hash is stored. A link may also finish accepting an invitation.

use crate::db::{Store, db_err, ms, on_tx, read};
use crate::jobs::{NewJob, enqueue};
use samenspel_core::ids::{InvitationId, UserId};
use samenspel_core::{Result, Timestamp};

/// Who a valid, unused link is for (shown on the confirmation page).
#[derive(Clone, Debug)]
pub struct LinkPreview {
    pub user_id: UserId,
    pub display_name: String,
    pub email: String,
}

impl Store {
    /// Stores a link and queues the e-mail that carries it, in one transaction.
    pub async fn create_sign_in_link(
        &self,
        user_id: &UserId,
        token_hash: &str,
        invitation: Option<&InvitationId>,
        expires_at: Timestamp,
        mail: Option<&NewJob>,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        on_tx!(&mut tx, |c| sqlx::query(
            "INSERT INTO sign_in_links (id, token_hash, user_id, invitation_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)"
        )
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(token_hash)
        .bind(user_id.as_str())
        .bind(invitation.map(|i| i.as_str()))
        .bind(ms(now))
        .bind(ms(expires_at))
        .execute(c)
        .await.map(|r| r.rows_affected()))
        .map_err(db_err)?;
        if let Some(job) = mail {
            enqueue(&mut tx, job, now).await?;
        }
        tx.commit().await
    }

    /// Looks at a link without using it: e-mail scanners that open links must
    /// not burn them, so using one takes a deliberate POST.
    pub async fn preview_sign_in_link(&self, token_hash: &str, now: Timestamp) -> Result<Option<LinkPreview>> {
        let row: Option<(String, String, String)> = read!(self, |db| sqlx::query_as(
            "SELECT u.id, u.display_name, u.email FROM sign_in_links l JOIN users u ON u.id = l.user_id \
             WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > $2 AND u.disabled_at IS NULL"
        )
        .bind(token_hash)
        .bind(ms(now))
        .fetch_optional(db)
        .await)
        .map_err(db_err)?;
        Ok(row.map(|(id, display_name, email)| LinkPreview { user_id: UserId::from_db(id), display_name, email }))
    }

    /// Uses a link: succeeds once, before it expires. Returns the user and the
    /// invitation the link should accept, if any.
    pub async fn consume_sign_in_link(
        &self,
        token_hash: &str,
        now: Timestamp,
    ) -> Result<Option<(UserId, Option<InvitationId>)>> {
        let mut tx = self.begin().await?;
        let row: Option<(String, Option<String>)> = on_tx!(&mut tx, |c| sqlx::query_as(
            "UPDATE sign_in_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 \
             RETURNING user_id, invitation_id"
        )
        .bind(token_hash)
        .bind(ms(now))
        .fetch_optional(c)
        .await)
        .map_err(db_err)?;
        tx.commit().await?;
        Ok(row.map(|(u, i)| (UserId::from_db(u), i.map(InvitationId::from_db))))
    }
}
