//! The second factor: an authenticator app (TOTP: the sealed secret, the
//! last step used) and passkeys ([`passkeys`]), the recovery codes, and who
//! must have one. Scoped by a proof of who is
//! asking: the signed-in [`CurrentUser`], or a [`PendingSignIn`] — someone
//! who passed the first factor and is now asked for the code.

mod devices;
mod passkeys;
mod pending;

pub use passkeys::{CEREMONY_MINUTES, Purpose, StoredPasskey};
pub use pending::PendingSignIn;

use crate::access::CurrentUser;
use crate::db::{Store, ms, ts_opt};
use crate::sql::args;
use samenspel_core::ids::UserId;
use samenspel_core::{Error, Result, Timestamp};

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::access::CurrentUser {}
    impl Sealed for super::PendingSignIn {}
}

/// Someone the store has proof of: the signed-in user, or a pending sign-in.
/// Sealed: only this crate's proofs are accounts.
pub trait Account: sealed::Sealed + Sync {
    fn account(&self) -> &UserId;
}

impl Account for CurrentUser {
    fn account(&self) -> &UserId {
        self.id()
    }
}

/// A stored authenticator: the sealed secret, whether it was confirmed with
/// a first code, and the last time step a code was used for.
#[derive(Clone, Debug)]
pub struct StoredFactor {
    pub sealed_secret: String,
    pub confirmed: bool,
    pub last_step: Option<i64>,
}

/// Which factors an account has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Factors {
    /// A confirmed authenticator app.
    pub app: bool,
    pub passkeys: i64,
    pub recovery_left: i64,
}

impl Factors {
    /// Any second factor at all.
    pub fn any(&self) -> bool {
        self.app || self.passkeys > 0
    }
}

/// How a browser session stands with the second factor.
#[derive(Clone, Copy, Debug, Default)]
pub struct SessionFactor {
    /// The account has a second factor: a confirmed app or a passkey.
    pub enabled: bool,
    /// Signed in without one where one is required: set it up first.
    pub must_set_up: bool,
    /// When a code was last entered in this session.
    pub verified_at: Option<Timestamp>,
}

/// Active memberships, as SQL (`$1` the user, `$2` now).
const ACTIVE: &str = "m.user_id = $1 AND m.ended_at IS NULL AND (m.access_until IS NULL OR m.access_until > $2)";

impl Store {
    /// The account's authenticator, confirmed or being set up.
    pub async fn second_factor(&self, who: &impl Account) -> Result<Option<StoredFactor>> {
        let row: Option<(String, Option<i64>, Option<i64>)> = self
            .opt(
                "SELECT secret, confirmed_at, last_step FROM second_factors WHERE user_id = $1",
                args![who.account().as_str()],
            )
            .await?;
        Ok(row.map(|(sealed_secret, confirmed, last_step)| StoredFactor {
            sealed_secret,
            confirmed: confirmed.is_some(),
            last_step,
        }))
    }

    /// Which factors the account has (one query).
    pub async fn factors(&self, who: &impl Account) -> Result<Factors> {
        let (app, passkeys, recovery_left): (bool, i64, i64) = self
            .one(
                "SELECT EXISTS (SELECT 1 FROM second_factors WHERE user_id = $1 AND confirmed_at IS NOT NULL), \
                 (SELECT COUNT(*) FROM passkeys WHERE user_id = $1), \
                 (SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL)",
                args![who.account().as_str()],
            )
            .await?;
        Ok(Factors { app, passkeys, recovery_left })
    }

    /// Starts setting up (or starts again): a new secret, not yet confirmed.
    /// A confirmed factor is not replaced (`second-factor-already-on`).
    pub async fn begin_second_factor(&self, me: &CurrentUser, sealed_secret: &str, now: Timestamp) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.exec("DELETE FROM second_factors WHERE user_id = $1 AND confirmed_at IS NULL", args![me.id().as_str()])
            .await?;
        let done = tx
            .exec(
                "INSERT INTO second_factors (user_id, secret, created_at) VALUES ($1, $2, $3) ON CONFLICT (user_id) DO NOTHING",
                args![me.id().as_str(), sealed_secret, ms(now)],
            )
            .await?;
        if done == 0 {
            return Err(Error::Conflict("second-factor-already-on"));
        }
        tx.commit().await
    }

    /// Confirms the factor being set up with its first code's step, and
    /// stores the recovery codes' hashes (replacing any). This session
    /// counts as having just entered a code and need not set up any more.
    pub async fn confirm_second_factor(
        &self,
        me: &CurrentUser,
        step: i64,
        recovery_hashes: &[String],
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.exec_found(
            "UPDATE second_factors SET confirmed_at = $2, last_step = $3 WHERE user_id = $1 AND confirmed_at IS NULL",
            args![me.id().as_str(), ms(now), step],
        )
        .await?;
        tx.exec("DELETE FROM recovery_codes WHERE user_id = $1", args![me.id().as_str()]).await?;
        for hash in recovery_hashes {
            tx.exec(
                "INSERT INTO recovery_codes (id, user_id, code_hash, created_at) VALUES ($1, $2, $3, $4)",
                args![uuid::Uuid::now_v7().to_string(), me.id().as_str(), hash.as_str(), ms(now)],
            )
            .await?;
        }
        tx.exec("UPDATE sessions SET must_set_up = $2 WHERE user_id = $1", args![me.id().as_str(), false]).await?;
        if let Some(session) = me.session_id() {
            tx.exec(
                "UPDATE sessions SET second_factor_at = $3 WHERE id = $1 AND user_id = $2",
                args![session.as_str(), me.id().as_str(), ms(now)],
            )
            .await?;
        }
        tx.commit().await
    }

    /// Uses a code's time step: succeeds once per step, and only for a
    /// later step than the last one used (`false`: used already).
    pub async fn use_second_factor_step(&self, who: &impl Account, step: i64) -> Result<bool> {
        let done = self
            .exec(
                "UPDATE second_factors SET last_step = $2 WHERE user_id = $1 AND confirmed_at IS NOT NULL \
                 AND (last_step IS NULL OR last_step < $2)",
                args![who.account().as_str(), step],
            )
            .await?;
        Ok(done == 1)
    }

    /// Uses a recovery code by its hash: once (`false`: unknown or used).
    pub async fn use_recovery_code(&self, who: &impl Account, code_hash: &str, now: Timestamp) -> Result<bool> {
        let done = self
            .exec(
                "UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
                args![who.account().as_str(), code_hash, ms(now)],
            )
            .await?;
        Ok(done > 0)
    }

    /// How many of my recovery codes are still unused.
    pub async fn recovery_codes_left(&self, me: &CurrentUser) -> Result<i64> {
        self.one("SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL", args![me.id().as_str()])
            .await
    }

    /// Turns my authenticator app off. When no passkey is left either, the
    /// recovery codes and every remembered device go too.
    pub async fn remove_my_second_factor(&self, me: &CurrentUser, now: Timestamp) -> Result<()> {
        let user = me.id().as_str();
        let mut tx = self.begin().await?;
        tx.exec("DELETE FROM second_factors WHERE user_id = $1", args![user]).await?;
        let passkeys: i64 = tx.one("SELECT COUNT(*) FROM passkeys WHERE user_id = $1", args![user]).await?;
        if passkeys == 0 {
            remove_in(&mut tx, me.id(), now).await?;
        }
        tx.commit().await
    }

    /// Replaces my recovery codes (their hashes): when a first passkey
    /// becomes the second factor of someone who must have one.
    pub async fn replace_recovery_codes(&self, me: &CurrentUser, hashes: &[String], now: Timestamp) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.exec("DELETE FROM recovery_codes WHERE user_id = $1", args![me.id().as_str()]).await?;
        for hash in hashes {
            tx.exec(
                "INSERT INTO recovery_codes (id, user_id, code_hash, created_at) VALUES ($1, $2, $3, $4)",
                args![uuid::Uuid::now_v7().to_string(), me.id().as_str(), hash.as_str(), ms(now)],
            )
            .await?;
        }
        tx.commit().await
    }

    /// Whether I must have a second factor: staff of an organisation, a
    /// professional or coordinator in a circle, or a member of a circle of
    /// an organisation that requires it of everyone.
    pub async fn second_factor_required(&self, me: &CurrentUser, now: Timestamp) -> Result<bool> {
        required(self, me.id(), now).await
    }

    /// How this browser session stands (for every page a signed-in person
    /// opens: one query).
    pub async fn session_factor(&self, me: &CurrentUser) -> Result<SessionFactor> {
        let Some(session) = me.session_id() else {
            return Ok(SessionFactor::default());
        };
        let row: Option<(bool, bool, Option<i64>)> = self
            .opt(
                "SELECT (EXISTS (SELECT 1 FROM second_factors f WHERE f.user_id = s.user_id AND f.confirmed_at IS NOT NULL) \
                 OR EXISTS (SELECT 1 FROM passkeys p WHERE p.user_id = s.user_id)), s.must_set_up, s.second_factor_at FROM sessions s WHERE s.id = $1 AND s.user_id = $2",
                args![session.as_str(), me.id().as_str()],
            )
            .await?;
        Ok(row
            .map(|(enabled, must_set_up, at)| SessionFactor { enabled, must_set_up, verified_at: ts_opt(at) })
            .unwrap_or_default())
    }

    /// Records that a code was entered in this session just now (step-up).
    pub async fn mark_session_verified(&self, me: &CurrentUser, now: Timestamp) -> Result<()> {
        let Some(session) = me.session_id() else { return Ok(()) };
        self.exec_found(
            "UPDATE sessions SET second_factor_at = $3 WHERE id = $1 AND user_id = $2",
            args![session.as_str(), me.id().as_str(), ms(now)],
        )
        .await
    }
}

pub(crate) async fn required(store: &Store, user: &UserId, now: Timestamp) -> Result<bool> {
    let sql = format!(
        "SELECT EXISTS (SELECT 1 FROM organisation_staff WHERE user_id = $1) \
         OR EXISTS (SELECT 1 FROM location_staff WHERE user_id = $1) \
         OR EXISTS (SELECT 1 FROM memberships m WHERE {ACTIVE} AND m.role IN ('professional', 'coordinator')) \
         OR EXISTS (SELECT 1 FROM memberships m JOIN circles c ON c.id = m.circle_id \
                    JOIN organisations o ON o.id = c.organisation_id WHERE {ACTIVE} AND o.require_second_factor) \
         OR EXISTS (SELECT 1 FROM organisation_staff st JOIN organisations o ON o.id = st.organisation_id \
                    WHERE st.user_id = $1 AND o.require_second_factor)"
    );
    store.one(&sql, args![user.as_str(), ms(now)]).await
}

/// The app, the recovery codes and every remembered device go (passkeys
/// are removed one by one, or all by an administrator's reset).
async fn remove_in(tx: &mut crate::db::Tx, user: &UserId, now: Timestamp) -> Result<()> {
    tx.exec("DELETE FROM second_factors WHERE user_id = $1", args![user.as_str()]).await?;
    tx.exec("DELETE FROM recovery_codes WHERE user_id = $1", args![user.as_str()]).await?;
    tx.exec(
        "UPDATE remembered_devices SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL",
        args![user.as_str(), ms(now)],
    )
    .await?;
    Ok(())
}

impl crate::Internal<'_> {
    /// An administrator's reset for someone who lost their factor: the
    /// app, every passkey, the recovery codes, every remembered device,
    /// waiting sign-ins and every session go, together. `false`: there was
    /// no factor (the rest still goes).
    pub async fn reset_second_factor(&self, user: &UserId, now: Timestamp) -> Result<bool> {
        let mut tx = self.begin().await?;
        let had: bool = tx
            .one(
                "SELECT EXISTS (SELECT 1 FROM second_factors WHERE user_id = $1) \
                 OR EXISTS (SELECT 1 FROM passkeys WHERE user_id = $1)",
                args![user.as_str()],
            )
            .await?;
        remove_in(&mut tx, user, now).await?;
        tx.exec("DELETE FROM passkeys WHERE user_id = $1", args![user.as_str()]).await?;
        tx.exec("DELETE FROM passkey_ceremonies WHERE user_id = $1", args![user.as_str()]).await?;
        tx.exec(
            "UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL",
            args![user.as_str(), ms(now)],
        )
        .await?;
        tx.exec("DELETE FROM pending_sign_ins WHERE user_id = $1", args![user.as_str()]).await?;
        tx.commit().await?;
        Ok(had)
    }

    /// Whether `user` must have a second factor (see [`Store::second_factor_required`]).
    pub async fn second_factor_required_for(&self, user: &UserId, now: Timestamp) -> Result<bool> {
        required(self, user, now).await
    }
}
