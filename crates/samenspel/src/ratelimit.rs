//! Rate limiting of sign-in attempts and link requests: a fixed window per
//! key (an IP address, an e-mail address). Kept in memory, per instance —
//! enough to make guessing and mail-bombing slow; a deployment with many
//! instances divides the limits by its instance count at worst.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

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

#[derive(Default)]
pub struct RateLimiter {
    windows: Mutex<HashMap<(&'static str, String), (Instant, u32)>>,
}

impl RateLimiter {
    /// Counts one event for `key`. `Err(seconds)` when over the limit: try
    /// again after that many seconds.
    pub fn hit(&self, limit: Limit, key: &str) -> Result<(), u64> {
        self.hit_at(limit, key, Instant::now())
    }

    /// A lock-out: `Err(seconds)` while `key` has had `limit.max` failures,
    /// until a whole window after the last of them.
    pub fn locked(&self, limit: Limit, key: &str) -> Result<(), u64> {
        let windows = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        match windows.get(&(limit.name, key.to_owned())) {
            Some((start, count)) if *count >= limit.max => {
                let wait = limit.window.saturating_sub(start.elapsed());
                if wait.is_zero() { Ok(()) } else { Err(wait.as_secs().max(1)) }
            }
            _ => Ok(()),
        }
    }

    /// Counts a failure for a lock-out; the `max`-th starts the lock-out's
    /// window anew, so it lasts a whole window.
    pub fn fail(&self, limit: Limit, key: &str) {
        let now = Instant::now();
        let mut windows = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        let entry = windows.entry((limit.name, key.to_owned())).or_insert((now, 0));
        if now.duration_since(entry.0) >= limit.window {
            *entry = (now, 0);
        }
        entry.1 += 1;
        if entry.1 >= limit.max {
            entry.0 = now;
        }
    }

    /// Forgets the failures of `key` (after a good code).
    pub fn clear(&self, limit: Limit, key: &str) {
        let mut windows = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        windows.remove(&(limit.name, key.to_owned()));
    }

    fn hit_at(&self, limit: Limit, key: &str, now: Instant) -> Result<(), u64> {
        let mut windows = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        if windows.len() > 100_000 {
            windows.retain(|_, (start, _)| now.duration_since(*start) < Duration::from_secs(3600));
        }
        let entry = windows.entry((limit.name, key.to_owned())).or_insert((now, 0));
        if now.duration_since(entry.0) >= limit.window {
            *entry = (now, 0);
        }
        if entry.1 >= limit.max {
            let wait = limit.window.saturating_sub(now.duration_since(entry.0));
            return Err(wait.as_secs().max(1));
        }
        entry.1 += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_key_and_window() {
        let l = Limit { name: "t", max: 3, window: Duration::from_secs(60) };
        let r = RateLimiter::default();
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(r.hit_at(l, "a", t0).is_ok());
        }
        let wait = r.hit_at(l, "a", t0 + Duration::from_secs(20)).expect_err("fourth is over");
        assert_eq!(wait, 40);
        assert!(r.hit_at(l, "b", t0).is_ok(), "other keys are independent");
        assert!(r.hit_at(l, "a", t0 + Duration::from_secs(61)).is_ok(), "a new window starts");
    }
}
