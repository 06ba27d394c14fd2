//! Passkeys (WebAuthn): the credentials an account registered, and the
//! ceremonies on their way between their two requests.
//!
//! The cryptography is checked before the store is asked (`samenspel`'s
//! `service::second_factor::passkeys`, with webauthn-rs); what the store adds
//! is that a ceremony is used once, only by the browser and the account that
//! started it, within [`CEREMONY_MINUTES`], and that a passkey signs in only
//! the account it belongs to, when that account is not disabled.

use super::Account;
use crate::access::{CurrentUser, Verified};
use crate::db::{Store, ms, ts, ts_opt};
use crate::sql::{args, db_row};
use samenspel_core::ids::UserId;
use samenspel_core::{Error, Result, Timestamp};

/// How long a ceremony may take (the browser's own prompt times out sooner).
pub const CEREMONY_MINUTES: i64 = 5;

/// A registered passkey.
#[derive(Clone, Debug)]
pub struct StoredPasskey {
    pub id: String,
    /// The credential id, base64url: what the browser names it by.
    pub credential_id: String,
    pub name: String,
    /// The credential as webauthn-rs keeps it (JSON).
    pub credential: String,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
}

db_row! {
    struct Row { id: String, credential_id: String, name: String, credential: String, created: i64, used: Option<i64> }
}

impl From<Row> for StoredPasskey {
    fn from(r: Row) -> Self {
        StoredPasskey {
            id: r.id,
            credential_id: r.credential_id,
            name: r.name,
            credential: r.credential,
            created_at: ts(r.created),
            last_used_at: ts_opt(r.used),
        }
    }
}

const COLUMNS: &str = "id, credential_id, name, credential, created_at, last_used_at";

/// What a ceremony is for: it can only be finished for the same purpose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Adding a passkey to the signed-in account.
    Register,
    /// The second step of a sign-in (after an e-mail link, a password or SSO).
    SecondStep,
    /// Step-up in a session, before the audit trail or an export.
    StepUp,
    /// Signing in with a passkey alone: the passkey says whose it is.
    SignIn,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::Register => "register",
            Purpose::SecondStep => "second-step",
            Purpose::StepUp => "step-up",
            Purpose::SignIn => "sign-in",
        }
    }
}

impl Store {
    /// My passkeys (or those of a sign-in waiting for its second step),
    /// oldest first.
    pub async fn passkeys(&self, who: &impl Account) -> Result<Vec<StoredPasskey>> {
        let rows: Vec<Row> = self
            .all(
                &format!("SELECT {COLUMNS} FROM passkeys WHERE user_id = $1 ORDER BY created_at, id"),
                args![who.account().as_str()],
            )
            .await?;
        Ok(rows.into_iter().map(StoredPasskey::from).collect())
    }

    /// How many passkeys the account has.
    pub async fn passkey_count(&self, who: &impl Account) -> Result<i64> {
        self.one("SELECT COUNT(*) FROM passkeys WHERE user_id = $1", args![who.account().as_str()]).await
    }

    /// Adds a passkey to my account. A credential registered before (to any
    /// account) is refused: `passkey-already-added`. Using it to register
    /// counts as a check in this session, and no session of mine need set up
    /// a factor any more.
    pub async fn add_passkey(
        &self,
        me: &CurrentUser,
        credential_id: &str,
        name: &str,
        credential: &str,
        now: Timestamp,
    ) -> Result<String> {
        let id = uuid::Uuid::now_v7().to_string();
        let mut tx = self.begin().await?;
        let done = tx
            .exec(
                "INSERT INTO passkeys (id, user_id, credential_id, name, credential, created_at) VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (credential_id) DO NOTHING",
                args![&id, me.id().as_str(), credential_id, name, credential, ms(now)],
            )
            .await?;
        if done == 0 {
            return Err(Error::Conflict("passkey-already-added"));
        }
        tx.exec("UPDATE sessions SET must_set_up = $2 WHERE user_id = $1", args![me.id().as_str(), false]).await?;
        if let Some(session) = me.session_id() {
            tx.exec(
                "UPDATE sessions SET second_factor_at = $3 WHERE id = $1 AND user_id = $2",
                args![session.as_str(), me.id().as_str(), ms(now)],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Removes one of my passkeys; its name, for the audit trail. When it
    /// was my last factor (no authenticator app, no other passkey), the
    /// recovery codes go with it.
    pub async fn remove_passkey(&self, me: &CurrentUser, id: &str) -> Result<String> {
        let mut tx = self.begin().await?;
        let name: Option<String> = tx
            .opt("DELETE FROM passkeys WHERE id = $1 AND user_id = $2 RETURNING name", args![id, me.id().as_str()])
            .await?;
        let name = name.ok_or(Error::NotFound)?;
        tx.exec(
            "DELETE FROM recovery_codes WHERE user_id = $1 \
             AND NOT EXISTS (SELECT 1 FROM passkeys WHERE user_id = $1) \
             AND NOT EXISTS (SELECT 1 FROM second_factors WHERE user_id = $1 AND confirmed_at IS NOT NULL)",
            args![me.id().as_str()],
        )
        .await?;
        tx.commit().await?;
        Ok(name)
    }

    /// After a passkey was used: when, and its counter and flags as the
    /// check updated them. Only the account's own passkey.
    pub async fn passkey_used(
        &self,
        who: &impl Account,
        credential_id: &str,
        credential: &str,
        now: Timestamp,
    ) -> Result<()> {
        self.exec_found(
            "UPDATE passkeys SET credential = $3, last_used_at = $4 WHERE user_id = $1 AND credential_id = $2",
            args![who.account().as_str(), credential_id, credential, ms(now)],
        )
        .await
    }

    /// The passkey a browser presented to sign in with, and whose it is
    /// (the account and its name): `None` when it is unknown or its account
    /// is disabled.
    pub async fn passkey_for_sign_in(&self, credential_id: &str) -> Result<Option<(UserId, String, StoredPasskey)>> {
        db_row! {
            struct Owned { user: String, display_name: String, id: String, credential_id: String, name: String, credential: String, created: i64, used: Option<i64> }
        }
        let row: Option<Owned> = self
            .opt(
                "SELECT p.user_id, u.display_name, p.id, p.credential_id, p.name, p.credential, p.created_at, p.last_used_at \
                 FROM passkeys p JOIN users u ON u.id = p.user_id WHERE p.credential_id = $1 AND u.disabled_at IS NULL",
                args![credential_id],
            )
            .await?;
        Ok(row.map(|r| {
            let passkey = Row {
                id: r.id,
                credential_id: r.credential_id,
                name: r.name,
                credential: r.credential,
                created: r.created,
                used: r.used,
            };
            (UserId::from_db(r.user), r.display_name, passkey.into())
        }))
    }

    /// Signs in with a checked passkey: the proof is for the account the
    /// passkey belongs to (not disabled), and the passkey's counter and
    /// last use are stored in the same step.
    pub async fn passkey_sign_in(&self, credential_id: &str, credential: &str, now: Timestamp) -> Result<Verified> {
        let mut tx = self.begin().await?;
        let user: Option<String> = tx
            .opt(
                "UPDATE passkeys SET credential = $2, last_used_at = $3 WHERE credential_id = $1 \
                 AND user_id IN (SELECT id FROM users WHERE disabled_at IS NULL) RETURNING user_id",
                args![credential_id, credential, ms(now)],
            )
            .await?;
        let user = user.ok_or(Error::NotFound)?;
        tx.commit().await?;
        Ok(Verified::new(UserId::from_db(user)))
    }

    /// Keeps a ceremony's state until the browser answers; old ones are
    /// cleared at the same time. `who` is `None` only for [`Purpose::SignIn`].
    pub async fn hold_passkey_ceremony(
        &self,
        token_hash: &str,
        purpose: Purpose,
        who: Option<&UserId>,
        state: &str,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.exec("DELETE FROM passkey_ceremonies WHERE created_at < $1", args![ms(now) - CEREMONY_MINUTES * 60_000])
            .await?;
        tx.exec(
            "INSERT INTO passkey_ceremonies (token_hash, purpose, user_id, state, created_at) VALUES ($1, $2, $3, $4, $5)",
            args![token_hash, purpose.as_str(), who.map(UserId::as_str), state, ms(now)],
        )
        .await?;
        tx.commit().await
    }

    /// Takes a ceremony's state back, once: `None` when the token is
    /// unknown, used, too old, for another purpose or another account.
    pub async fn take_passkey_ceremony(
        &self,
        token_hash: &str,
        purpose: Purpose,
        who: Option<&UserId>,
        now: Timestamp,
    ) -> Result<Option<String>> {
        db_row! {
            struct Taken { purpose: String, user: Option<String>, state: String, created: i64 }
        }
        let mut tx = self.begin().await?;
        let row: Option<Taken> = tx
            .opt(
                "DELETE FROM passkey_ceremonies WHERE token_hash = $1 RETURNING purpose, user_id, state, created_at",
                args![token_hash],
            )
            .await?;
        tx.commit().await?;
        Ok(row
            .filter(|r| {
                r.purpose == purpose.as_str()
                    && r.user.as_deref() == who.map(UserId::as_str)
                    && ms(now) - r.created <= CEREMONY_MINUTES * 60_000
            })
            .map(|r| r.state))
    }
}
