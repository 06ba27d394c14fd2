//! Rate limits kept in the database, so that every instance on one database
//! counts the same attempts: a fixed window per limit and key. Keys arrive
//! hashed (see `samenspel::ratelimit`); nothing here is client data, so no
//! proof is asked for.
//!
//! Each count is one atomic upsert: two instances counting the same key at
//! once both land, and neither can let an attempt through that the other
//! already counted as the last one allowed.

use crate::db::{Store, ms};
use crate::sql::args;
use samenspel_core::Timestamp;
use samenspel_core::error::Result;

/// A window: `max` counted events per `window_ms`.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    pub name: &'static str,
    pub max: u32,
    pub window_ms: i64,
}

/// The time left in a window when it refuses, in whole seconds (at least 1).
fn wait_secs(w: Window, started_at: i64, now: i64) -> u64 {
    let left = (started_at + w.window_ms - now).max(0);
    u64::try_from((left + 999) / 1000).unwrap_or(1).max(1)
}

impl Store {
    /// Counts one event for `key`. `Ok(None)` when it is allowed,
    /// `Ok(Some(seconds))` when the window is full: try again after that.
    /// A refused event is not counted, so refusals do not lengthen the wait.
    pub async fn rate_hit(&self, w: Window, key: &str, now: Timestamp) -> Result<Option<u64>> {
        let now = ms(now);
        let max = i64::from(w.max);
        let mut tx = self.begin().await?;
        // hits stops at max + 1: "over" whatever the window's history.
        let (started_at, hits): (i64, i64) = tx
            .one(
                "INSERT INTO rate_windows (limit_name, key_hash, started_at, hits) VALUES ($1, $2, $3, 1) \
                 ON CONFLICT (limit_name, key_hash) DO UPDATE SET \
                   started_at = CASE WHEN rate_windows.started_at <= $3 - $4 THEN $3 ELSE rate_windows.started_at END, \
                   hits = CASE WHEN rate_windows.started_at <= $3 - $4 THEN 1 \
                               WHEN rate_windows.hits > $5 THEN rate_windows.hits \
                               ELSE rate_windows.hits + 1 END \
                 RETURNING started_at, hits",
                args![w.name, key, now, w.window_ms, max],
            )
            .await?;
        tx.commit().await?;
        Ok((hits > max).then(|| wait_secs(w, started_at, now)))
    }

    /// A lock-out: `Some(seconds)` while `key` has had `max` failures, until a
    /// whole window after the last of them; `None` when it is not locked.
    pub async fn rate_locked(&self, w: Window, key: &str, now: Timestamp) -> Result<Option<u64>> {
        let now = ms(now);
        let row: Option<(i64, i64)> = self
            .opt(
                "SELECT started_at, hits FROM rate_windows WHERE limit_name = $1 AND key_hash = $2",
                args![w.name, key],
            )
            .await?;
        Ok(row
            .filter(|(started_at, hits)| *hits >= i64::from(w.max) && *started_at + w.window_ms > now)
            .map(|(started_at, _)| wait_secs(w, started_at, now)))
    }

    /// Counts a failure for a lock-out. The `max`-th (and any later one)
    /// starts the window anew, so the lock-out lasts a whole window after the
    /// last failure.
    pub async fn rate_fail(&self, w: Window, key: &str, now: Timestamp) -> Result<()> {
        let now = ms(now);
        self.exec(
            "INSERT INTO rate_windows (limit_name, key_hash, started_at, hits) VALUES ($1, $2, $3, 1) \
             ON CONFLICT (limit_name, key_hash) DO UPDATE SET \
               started_at = CASE WHEN rate_windows.started_at <= $3 - $4 THEN $3 \
                                 WHEN rate_windows.hits + 1 >= $5 THEN $3 \
                                 ELSE rate_windows.started_at END, \
               hits = CASE WHEN rate_windows.started_at <= $3 - $4 THEN 1 ELSE rate_windows.hits + 1 END",
            args![w.name, key, now, w.window_ms, i64::from(w.max)],
        )
        .await?;
        Ok(())
    }

    /// Forgets the count of `key` (after a good code).
    pub async fn rate_clear(&self, w: Window, key: &str) -> Result<()> {
        self.exec("DELETE FROM rate_windows WHERE limit_name = $1 AND key_hash = $2", args![w.name, key]).await?;
        Ok(())
    }

    /// Deletes the windows that started more than a day before `now` (every
    /// limit's window is shorter); returns how many.
    pub async fn purge_rate_windows(&self, now: Timestamp) -> Result<u64> {
        self.exec("DELETE FROM rate_windows WHERE started_at < $1", args![ms(now) - 24 * 3600 * 1000]).await
    }

    /// The secret key every instance on this database uses, when the
    /// settings give none: `candidate` (this instance's own) when none was
    /// kept yet, otherwise the one the first instance kept.
    pub async fn shared_secret(&self, candidate: &str, now: Timestamp) -> Result<String> {
        let mut tx = self.begin().await?;
        tx.exec(
            "INSERT INTO instance_secrets (name, value, created_at) VALUES ('secret_key', $1, $2) \
             ON CONFLICT (name) DO NOTHING",
            args![candidate, ms(now)],
        )
        .await?;
        let kept: String = tx.one("SELECT value FROM instance_secrets WHERE name = 'secret_key'", args![]).await?;
        tx.commit().await?;
        Ok(kept)
    }
}
