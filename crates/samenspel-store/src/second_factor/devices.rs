//! Remembered devices ("Dit apparaat 30 dagen onthouden"): a signed cookie
//! per account whose token's hash is stored here, so it can be revoked —
//! one by one, all at once, when the factor is turned off or the password
//! changes.

use super::Account;
use crate::access::CurrentUser;
use crate::db::{Store, ms};
use crate::sessions::truncate;
use crate::sql::args;
use samenspel_core::{Result, Timestamp};

impl Store {
    /// Remembers this browser for the account until `expires_at`.
    pub async fn remember_device(
        &self,
        who: &impl Account,
        token_hash: &str,
        browser: &str,
        expires_at: Timestamp,
        now: Timestamp,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO remembered_devices (id, user_id, token_hash, browser, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
            args![uuid::Uuid::now_v7().to_string(), who.account().as_str(), token_hash, truncate(browser, 300), ms(now), ms(expires_at)],
        )
        .await?;
        Ok(())
    }

    /// Whether this browser is remembered for the account (not revoked, not expired).
    pub async fn device_remembered(&self, who: &impl Account, token_hash: &str, now: Timestamp) -> Result<bool> {
        let found: Option<String> = self
            .opt(
                "SELECT id FROM remembered_devices WHERE user_id = $1 AND token_hash = $2 AND revoked_at IS NULL AND expires_at > $3",
                args![who.account().as_str(), token_hash, ms(now)],
            )
            .await?;
        Ok(found.is_some())
    }

    /// How many browsers are remembered for me now.
    pub async fn my_remembered_devices(&self, me: &CurrentUser, now: Timestamp) -> Result<i64> {
        self.one(
            "SELECT COUNT(*) FROM remembered_devices WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2",
            args![me.id().as_str(), ms(now)],
        )
        .await
    }

    /// Forgets every browser remembered for me; returns how many.
    pub async fn revoke_my_remembered_devices(&self, me: &CurrentUser, now: Timestamp) -> Result<u64> {
        self.exec(
            "UPDATE remembered_devices SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL",
            args![me.id().as_str(), ms(now)],
        )
        .await
    }
}
