//! Idempotency keys: a retried form post or API call (a shaky phone
//! connection, a double tap) returns the first result instead of creating a
//! second circle or invitation. The key is stored in the same transaction as
//! the write it protects.

use crate::db::{Tx, db_err, ms, on_tx};
use samenspel_core::ids::UserId;
use samenspel_core::{Error, Result, Timestamp};

/// A client-chosen key: 8 to 100 characters of letters, digits, `-` and `_`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    pub fn parse(raw: &str) -> Option<Self> {
        let ok =
            (8..=100).contains(&raw.len()) && raw.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        ok.then(|| IdempotencyKey(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The result stored for this key, if the write already happened.
pub(crate) async fn earlier_result(tx: &mut Tx, user: &UserId, key: Option<&IdempotencyKey>) -> Result<Option<String>> {
    let Some(key) = key else { return Ok(None) };
    let row: Option<(String,)> =
        on_tx!(tx, |c| sqlx::query_as("SELECT result FROM idempotency_keys WHERE user_id = $1 AND key = $2")
            .bind(user.as_str())
            .bind(key.as_str())
            .fetch_optional(c)
            .await)
        .map_err(db_err)?;
    Ok(row.map(|r| r.0))
}

/// Stores the result of the write under the key, in the write's transaction.
pub(crate) async fn remember(
    tx: &mut Tx,
    user: &UserId,
    key: Option<&IdempotencyKey>,
    result: &str,
    now: Timestamp,
) -> Result<()> {
    let Some(key) = key else { return Ok(()) };
    on_tx!(tx, |c| sqlx::query(
        "INSERT INTO idempotency_keys (user_id, key, result, created_at) VALUES ($1, $2, $3, $4)"
    )
    .bind(user.as_str())
    .bind(key.as_str())
    .bind(result)
    .bind(ms(now))
    .execute(c)
    .await
    .map(|r| r.rows_affected()))
    .map_err(|e| match db_err(e) {
        // A concurrent twin committed first; the caller retries and finds its result.
        Error::Conflict(_) => Error::Conflict("duplicate-request"),
        other => other,
    })?;
    Ok(())
}
