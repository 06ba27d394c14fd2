//! Rate limiting of sign-in attempts, link requests, second-factor codes and
//! invitations: a fixed window per key (an IP address, an e-mail address, an
//! account). Counted in the database (`samenspel_store::rate_limits`), so
//! every instance on one database counts the same attempts: two instances
//! behind one address allow no more than one would. Keys are hashed before
//! they are stored.

use crate::crypto::token_hash;
use samenspel_core::Timestamp;
use samenspel_core::error::{Error, Result};
use samenspel_store::Store;
use samenspel_store::rate_limits::Window;
use std::time::Duration;

/// One kind of limit: at most `max` events per `window`.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub name: &'static str,
    pub max: u32,
    pub window: Duration,
}

pub const SIGN_IN_PER_IP: Limit = Limit { name: "sign-in-ip", max: 30, window: Duration::from_secs(15 * 60) };
pub const SIGN_IN_PER_ACCOUNT: Limit = Limit { name: "sign-in-account", max: 10, window: Duration::from_secs(15 * 60) };
pub const LINK_PER_IP: Limit = Limit { name: "link-ip", max: 20, window: Duration::from_secs(60 * 60) };
pub const LINK_PER_ADDRESS: Limit = Limit { name: "link-address", max: 5, window: Duration::from_secs(60 * 60) };
/// Wrong second-factor codes per account: the fifth locks it for 15 minutes.
pub const CODE_FAILURES_PER_ACCOUNT: Limit =
    Limit { name: "code-failures-account", max: 5, window: Duration::from_secs(15 * 60) };
/// Second-factor code attempts per IP address, right or wrong.
pub const CODES_PER_IP: Limit = Limit { name: "codes-ip", max: 30, window: Duration::from_secs(15 * 60) };
pub const INVITE_PER_USER: Limit = Limit { name: "invite-user", max: 60, window: Duration::from_secs(60 * 60) };

/// The limits, counted in the store.
pub struct RateLimiter {
    store: Store,
}

impl Limit {
    fn window(self) -> Window {
        let window_ms = i64::try_from(self.window.as_millis()).unwrap_or(i64::MAX);
        Window { name: self.name, max: self.max, window_ms }
    }
}

impl RateLimiter {
    pub fn new(store: Store) -> RateLimiter {
        RateLimiter { store }
    }

    /// Counts one event for `key`; `Error::RateLimited(seconds)` when over
    /// the limit: try again after that many seconds.
    pub async fn hit(&self, limit: Limit, key: &str) -> Result<()> {
        self.hit_at(limit, key, Timestamp::now()).await
    }

    /// [`RateLimiter::hit`] at a given time.
    pub async fn hit_at(&self, limit: Limit, key: &str, now: Timestamp) -> Result<()> {
        match self.store.rate_hit(limit.window(), &token_hash(key), now).await? {
            Some(wait) => Err(Error::RateLimited(wait)),
            None => Ok(()),
        }
    }

    /// A lock-out: `Error::RateLimited(seconds)` while `key` has had
    /// `limit.max` failures, until a whole window after the last of them.
    pub async fn locked(&self, limit: Limit, key: &str) -> Result<()> {
        match self.store.rate_locked(limit.window(), &token_hash(key), Timestamp::now()).await? {
            Some(wait) => Err(Error::RateLimited(wait)),
            None => Ok(()),
        }
    }

    /// Counts a failure for a lock-out; the `max`-th starts the lock-out's
    /// window anew, so it lasts a whole window.
    pub async fn fail(&self, limit: Limit, key: &str) -> Result<()> {
        self.store.rate_fail(limit.window(), &token_hash(key), Timestamp::now()).await
    }

    /// Forgets the failures of `key` (after a good code).
    pub async fn clear(&self, limit: Limit, key: &str) -> Result<()> {
        self.store.rate_clear(limit.window(), &token_hash(key)).await
    }
}
