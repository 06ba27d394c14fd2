//! Signing in with a second factor: after the first factor (an e-mail link
//! or a password) someone with a factor waits in a short-lived pending
//! sign-in — no session — until they give a code, unless this browser is
//! remembered for them. Someone who must have a factor and has none gets a
//! session that can only set one up.

use super::{audit, check_code, passkeys, what};
use crate::app::AppState;
use crate::crypto::{random_token, sign, signed_valid, token_hash};
use samenspel_core::audit::{Operation, Outcome, Source};
use samenspel_core::ids::UserId;
use samenspel_core::{Error, Result, Timestamp};
use samenspel_store::access::Verified;
use samenspel_store::second_factor::{PendingSignIn, Purpose};

/// How long the code page waits after the first factor.
pub const PENDING_MINUTES: i64 = 10;
/// How long a browser stays remembered.
pub const REMEMBER_DAYS: i64 = 30;

/// Where the first factor leads.
#[derive(Debug)]
pub enum Next {
    /// A session (its cookie value); `must_set_up` sends it to the set-up page.
    Session { token: String, must_set_up: bool },
    /// The code is needed: the pending sign-in's cookie value.
    Code { pending: String },
}

/// The cookie that remembers this browser for one account: its name is
/// per account, so people sharing a computer each keep their own.
pub fn device_cookie_name(server_key: &str, user: &UserId) -> String {
    let tag = sign(server_key, "device-cookie-name", user.as_str());
    format!("samenspel_device_{}", &tag[..tag.len().min(12)])
}

fn device_cookie_value(server_key: &str, user: &UserId, token: &str) -> String {
    format!("{token}.{}", sign(server_key, "device", &format!("{}:{token}", user.as_str())))
}

/// The token in a remembered-device cookie whose signature holds.
fn device_token<'a>(server_key: &str, user: &UserId, value: &'a str) -> Option<&'a str> {
    let (token, mac) = value.split_once('.')?;
    signed_valid(server_key, "device", &format!("{}:{token}", user.as_str()), mac).then_some(token)
}

/// Opens a session with its second-factor marks.
async fn open_session(
    state: &AppState,
    proof: &Verified,
    verified_at: Option<Timestamp>,
    must_set_up: bool,
    source: &Source,
    now: Timestamp,
) -> Result<String> {
    let (token, id) = crate::service::accounts::new_session(state, proof, source, now).await?;
    state.store.mark_new_session(proof, &id, verified_at, must_set_up).await?;
    Ok(token)
}

/// A session after signing in with a passkey alone: the passkey was both
/// factors, so this session counts as having just passed a check.
pub async fn session_with_passkey(
    state: &AppState,
    proof: &Verified,
    source: &Source,
    now: Timestamp,
) -> Result<String> {
    open_session(state, proof, Some(now), false, source, now).await
}

/// A session for someone without a second factor (after a sign-in link or
/// a password, or joining as a new account): where one is required, the
/// session can only set one up (`true`).
pub async fn session_without_factor(
    state: &AppState,
    proof: &Verified,
    source: &Source,
    now: Timestamp,
) -> Result<(String, bool)> {
    let must_set_up = state.store.second_factor_required_at_sign_in(proof, now).await?;
    Ok((open_session(state, proof, None, must_set_up, source, now).await?, must_set_up))
}

/// After the first factor: a session, or the code page. `cookie` reads a
/// cookie of this request by name (for a remembered device); `next` is
/// where to go once signed in.
pub async fn after_first_factor(
    state: &AppState,
    proof: Verified,
    next: &str,
    cookie: impl Fn(&str) -> Option<String>,
    source: &Source,
    now: Timestamp,
) -> Result<Next> {
    let key = state.config.secret_key.expose();
    // The app always asks for its code; a passkey is the second step only
    // for someone who must have one — others (family, volunteers) keep
    // signing in with a link alone and use their passkey instead of one.
    let factors = state.store.factors(&proof).await?;
    let ask =
        factors.app || (factors.passkeys > 0 && state.store.second_factor_required_at_sign_in(&proof, now).await?);
    if !ask {
        let (token, must_set_up) = session_without_factor(state, &proof, source, now).await?;
        return Ok(Next::Session { token, must_set_up });
    }
    let remembered = match cookie(&device_cookie_name(key, proof.user_id())) {
        Some(value) => match device_token(key, proof.user_id(), &value) {
            Some(t) => state.store.device_remembered(&proof, &token_hash(t), now).await?,
            None => false,
        },
        None => false,
    };
    if remembered {
        let token = open_session(state, &proof, None, false, source, now).await?;
        return Ok(Next::Session { token, must_set_up: false });
    }
    let pending = random_token();
    let expires = now.saturating_add(jiff::SignedDuration::from_mins(PENDING_MINUTES)).map_err(Error::internal)?;
    state.store.hold_sign_in(proof, &token_hash(&pending), next, expires, now).await?;
    Ok(Next::Code { pending })
}

/// A signed-in session after a good code, and where to go.
#[derive(Debug)]
pub struct Finished {
    pub session: String,
    pub next: String,
    /// The remembered-device cookie to set: (name, value).
    pub device: Option<(String, String)>,
}

/// The code page's answer: a good code (from the app or a recovery code)
/// opens the session. `None`: the pending sign-in expired or is unknown.
pub async fn finish_with_code(
    state: &AppState,
    pending_token: &str,
    code: &str,
    remember: bool,
    source: &Source,
    now: Timestamp,
) -> Result<Option<Finished>> {
    let Some(pending) = state.store.pending_sign_in(&token_hash(pending_token), now).await? else {
        return Ok(None);
    };
    let (user, name) = (pending.user_id().clone(), pending.display_name().to_owned());
    let checked = check_code(state, &pending, (&user, &name), code, source, now).await;
    finish(state, pending, checked, remember, source, now).await
}

/// The second step with a passkey (the ceremony [`passkeys::start_check`]
/// began for the pending sign-in). `None`: the pending sign-in expired.
pub async fn finish_with_passkey(
    state: &AppState,
    pending_token: &str,
    ceremony_token: &str,
    response: &str,
    remember: bool,
    source: &Source,
    now: Timestamp,
) -> Result<Option<Finished>> {
    let Some(pending) = state.store.pending_sign_in(&token_hash(pending_token), now).await? else {
        return Ok(None);
    };
    let (user, name) = (pending.user_id().clone(), pending.display_name().to_owned());
    let checked =
        passkeys::check(state, &pending, (&user, &name), ceremony_token, response, Purpose::SecondStep, source, now)
            .await;
    finish(state, pending, checked, remember, source, now).await
}

/// Opens the session once the second step `checked` out.
async fn finish(
    state: &AppState,
    pending: PendingSignIn,
    checked: Result<()>,
    remember: bool,
    source: &Source,
    now: Timestamp,
) -> Result<Option<Finished>> {
    let (user, name) = (pending.user_id().clone(), pending.display_name().to_owned());
    match checked {
        Ok(()) => {}
        Err(Error::RateLimited(s)) => {
            // Locked out: this wait ends; signing in starts again after the lock.
            state.store.drop_sign_in(pending).await?;
            return Err(Error::RateLimited(s));
        }
        Err(e) => return Err(e),
    }
    let next = pending.next().to_owned();
    let proof = state.store.finish_sign_in(pending, now).await?;
    let device = if remember {
        let key = state.config.secret_key.expose();
        let token = random_token();
        let expires =
            now.saturating_add(jiff::SignedDuration::from_hours(24 * REMEMBER_DAYS)).map_err(Error::internal)?;
        let browser = source.user_agent.as_deref().unwrap_or("");
        state.store.remember_device(&proof, &token_hash(&token), browser, expires, now).await?;
        let what = what(Operation::Create, "second-factor.device-remembered", &user);
        audit(state, Some((&user, &name)), what, Outcome::Allowed, source, now).await?;
        Some((device_cookie_name(key, &user), device_cookie_value(key, &user, &token)))
    } else {
        None
    };
    let session = open_session(state, &proof, Some(now), false, source, now).await?;
    let what = what(Operation::Create, "second-factor.signed-in", &user);
    audit(state, Some((&user, &name)), what, Outcome::Allowed, source, now).await?;
    Ok(Some(Finished { session, next, device }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_cookies_are_signed_per_account() {
        let (a, b) = (UserId::generate(), UserId::generate());
        assert_ne!(device_cookie_name("k", &a), device_cookie_name("k", &b));
        let value = device_cookie_value("k", &a, "tok");
        assert_eq!(device_token("k", &a, &value), Some("tok"));
        assert_eq!(device_token("k", &b, &value), None, "another account's cookie");
        assert_eq!(device_token("other", &a, &value), None, "another server key");
        assert_eq!(device_token("k", &a, "tok.forged"), None);
    }
}
