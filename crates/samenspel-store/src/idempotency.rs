//! Idempotency keys: a retried form post or API call (a shaky phone
//! connection, a double tap) returns the first result instead of creating a
//! second circle or invitation. The key is stored in the same transaction as
//! the write it protects. Beside it, a fingerprint of the request (when the
//! caller gives one): the same key with another request is refused (422)
//! instead of answered with the first result.

use crate::db::{Tx, ms};
use crate::sql::args;
use samenspel_core::ids::UserId;
use samenspel_core::{Error, Result, Timestamp};

/// A client-chosen key: 8 to 100 characters of letters, digits, `-` and
/// `_`; with the fingerprint of the request that carries it, if known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdempotencyKey {
    key: String,
    fingerprint: Option<String>,
}

impl IdempotencyKey {
    pub fn parse(raw: &str) -> Option<Self> {
        let ok =
            (8..=100).contains(&raw.len()) && raw.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        ok.then(|| IdempotencyKey { key: raw.to_owned(), fingerprint: None })
    }

    /// The same key, for the request with this fingerprint (for example a
    /// hash of its method, path and body).
    pub fn with_fingerprint(self, fingerprint: impl Into<String>) -> Self {
        IdempotencyKey { fingerprint: Some(fingerprint.into()), ..self }
    }

    pub fn as_str(&self) -> &str {
        &self.key
    }

    pub fn fingerprint(&self) -> Option<&str> {
        self.fingerprint.as_deref()
    }
}

/// The result stored for this key, if the write already happened. A key
/// first used for another request (both fingerprints known, and different)
/// is refused; a key stored without a fingerprint replays as it always did.
pub(crate) async fn earlier_result(tx: &mut Tx, user: &UserId, key: Option<&IdempotencyKey>) -> Result<Option<String>> {
    let Some(key) = key else { return Ok(None) };
    let row: Option<(String, Option<String>)> = tx
        .opt(
            "SELECT result, fingerprint FROM idempotency_keys WHERE user_id = $1 AND key = $2",
            args![user.as_str(), key.as_str()],
        )
        .await?;
    match row {
        Some((_, Some(stored))) if key.fingerprint().is_some_and(|f| f != stored) => {
            Err(Error::field("Idempotency-Key", "idempotency-key-reused"))
        }
        Some((result, _)) => Ok(Some(result)),
        None => Ok(None),
    }
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
    tx.exec(
        "INSERT INTO idempotency_keys (user_id, key, result, created_at, fingerprint) VALUES ($1, $2, $3, $4, $5)",
        args![user.as_str(), key.as_str(), result, ms(now), key.fingerprint()],
    )
    .await
    .map_err(|e| match e {
        // A concurrent twin committed first; the caller retries and finds its result.
        Error::Conflict(_) => Error::Conflict("duplicate-request"),
        other => other,
    })?;
    Ok(())
}
