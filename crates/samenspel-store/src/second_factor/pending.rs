//! The wait between the first factor and the code: no session yet, only a
//! short-lived record behind a cookie token (its hash stored). Finishing it
//! with a good code is the only way to a [`Verified`] proof for someone
//! whose account has a second factor.

use super::{Account, sealed};
use crate::access::Verified;
use crate::db::{Store, ms};
use crate::sql::args;
use samenspel_core::ids::{SessionId, UserId};
use samenspel_core::{Error, Result, Timestamp};

/// Someone who passed the first factor and is asked for the code. Private
/// fields: only the store makes one, from a stored, unexpired record.
#[derive(Debug)]
pub struct PendingSignIn {
    id: String,
    user_id: UserId,
    display_name: String,
    next: String,
}

impl PendingSignIn {
    pub fn user_id(&self) -> &UserId {
        &self.user_id
    }
    pub fn display_name(&self) -> &str {
        &self.display_name
    }
    /// Where to go once the code is given.
    pub fn next(&self) -> &str {
        &self.next
    }
}

impl Account for PendingSignIn {
    fn account(&self) -> &UserId {
        &self.user_id
    }
}

impl sealed::Sealed for Verified {}
impl Account for Verified {
    fn account(&self) -> &UserId {
        self.user_id()
    }
}

impl Store {
    /// Holds a first factor until the code is given: takes the proof, so
    /// no session can be opened with it meanwhile.
    pub async fn hold_sign_in(
        &self,
        proof: Verified,
        token_hash: &str,
        next: &str,
        expires_at: Timestamp,
        now: Timestamp,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO pending_sign_ins (id, token_hash, user_id, next, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
            args![uuid::Uuid::now_v7().to_string(), token_hash, proof.user_id().as_str(), next, ms(now), ms(expires_at)],
        )
        .await?;
        Ok(())
    }

    /// The waiting sign-in behind a cookie token: unused, unexpired, for an
    /// account that is not disabled.
    pub async fn pending_sign_in(&self, token_hash: &str, now: Timestamp) -> Result<Option<PendingSignIn>> {
        let row: Option<(String, String, String, String)> = self
            .opt(
                "SELECT p.id, p.user_id, u.display_name, p.next FROM pending_sign_ins p JOIN users u ON u.id = p.user_id \
                 WHERE p.token_hash = $1 AND p.used_at IS NULL AND p.expires_at > $2 AND u.disabled_at IS NULL",
                args![token_hash, ms(now)],
            )
            .await?;
        Ok(row.map(|(id, user, display_name, next)| PendingSignIn {
            id,
            user_id: UserId::from_db(user),
            display_name,
            next,
        }))
    }

    /// The code was good: the waiting sign-in is used up (once) and becomes
    /// a sign-in proof.
    pub async fn finish_sign_in(&self, pending: PendingSignIn, now: Timestamp) -> Result<Verified> {
        let done = self
            .exec(
                "UPDATE pending_sign_ins SET used_at = $2 WHERE id = $1 AND used_at IS NULL",
                args![pending.id.as_str(), ms(now)],
            )
            .await?;
        if done != 1 {
            return Err(Error::Conflict("second-factor-sign-in-expired"));
        }
        Ok(Verified::new(pending.user_id))
    }

    /// Ends a waiting sign-in (too many wrong codes, or signing out).
    pub async fn drop_sign_in(&self, pending: PendingSignIn) -> Result<()> {
        self.exec("DELETE FROM pending_sign_ins WHERE id = $1", args![pending.id.as_str()]).await?;
        Ok(())
    }

    /// Sets a new session's second-factor marks: when a code was entered
    /// (`None`: none in this session) and whether it must set one up first.
    pub async fn mark_new_session(
        &self,
        proof: &Verified,
        session: &SessionId,
        verified_at: Option<Timestamp>,
        must_set_up: bool,
    ) -> Result<()> {
        self.exec_found(
            "UPDATE sessions SET second_factor_at = $3, must_set_up = $4 WHERE id = $1 AND user_id = $2",
            args![session.as_str(), proof.user_id().as_str(), verified_at.map(ms), must_set_up],
        )
        .await
    }

    /// Whether the person behind a sign-in proof must have a second factor.
    pub async fn second_factor_required_at_sign_in(&self, proof: &Verified, now: Timestamp) -> Result<bool> {
        super::required(self, proof.user_id(), now).await
    }
}
