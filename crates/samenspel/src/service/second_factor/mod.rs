//! The second factor: setting up an authenticator app (TOTP) with recovery
//! codes, checking codes (rate-limited, locked after five wrong ones),
//! turning it off, and who must have one; passkeys in [`passkeys`]. Every
//! step is in the audit trail.

pub mod passkeys;
pub mod secrets;
pub mod sign_in;

use super::Ctx;
use crate::app::AppState;
use crate::ratelimit::{CODE_FAILURES_PER_ACCOUNT, CODES_PER_IP};
use samenspel_core::audit::{AuditEvent, AuditSink, Operation, Outcome, Source, What};
use samenspel_core::ids::UserId;
use samenspel_core::{Error, Result, Timestamp, totp};
use samenspel_store::second_factor::{Account, Purpose};

/// How long a code entered in a session counts for step-up.
pub const STEP_UP_MINUTES: i64 = 15;

/// The account page's view of my second factor.
#[derive(Clone, Debug, Default)]
pub struct Status {
    /// The authenticator app is on.
    pub enabled: bool,
    pub required: bool,
    pub recovery_left: i64,
    pub devices: i64,
    pub passkeys: Vec<samenspel_store::second_factor::StoredPasskey>,
    /// This server can use passkeys (its public address has a domain name).
    pub passkeys_available: bool,
}

impl Status {
    /// Any second factor: the app or a passkey.
    pub fn any(&self) -> bool {
        self.enabled || !self.passkeys.is_empty()
    }

    /// The app may not be turned off: required, and no passkey instead.
    pub fn app_must_stay(&self) -> bool {
        self.required && self.passkeys.is_empty()
    }

    /// No passkey may go: required, no app, and this is the last one.
    pub fn last_passkey_must_stay(&self) -> bool {
        self.required && !self.enabled && self.passkeys.len() <= 1
    }
}

pub async fn status(ctx: &Ctx<'_>) -> Result<Status> {
    let store = &ctx.state.store;
    let factors = store.factors(ctx.user).await?;
    Ok(Status {
        enabled: factors.app,
        required: store.second_factor_required(ctx.user, ctx.now).await?,
        recovery_left: factors.recovery_left,
        devices: store.my_remembered_devices(ctx.user, ctx.now).await?,
        passkeys: store.passkeys(ctx.user).await?,
        passkeys_available: ctx.state.passkeys.is_some(),
    })
}

/// What the set-up page shows: the secret written out and as a QR code.
#[derive(Clone, Debug)]
pub struct Setup {
    pub grouped_secret: String,
    pub qr_svg: String,
}

/// Starts setting up, or shows the set-up in progress again.
pub async fn setup(ctx: &Ctx<'_>) -> Result<Setup> {
    let key = ctx.state.config.secret_key.expose();
    let secret = match ctx.state.store.second_factor(ctx.user).await? {
        Some(f) if f.confirmed => return Err(Error::Conflict("second-factor-already-on")),
        Some(f) => secrets::open(key, ctx.user.id(), &f.sealed_secret)?,
        None => {
            let secret = secrets::new_secret()?;
            ctx.state
                .store
                .begin_second_factor(ctx.user, &secrets::seal(key, ctx.user.id(), &secret)?, ctx.now)
                .await?;
            secret
        }
    };
    let uri = totp::otpauth_uri("Samenspel", ctx.user.email(), &secret);
    Ok(Setup { grouped_secret: totp::grouped(&secret), qr_svg: secrets::qr_svg(&uri)? })
}

/// Confirms the set-up with a first code; returns the recovery codes (shown once).
pub async fn confirm(ctx: &Ctx<'_>, code: &str) -> Result<Vec<String>> {
    let key = ctx.state.config.secret_key.expose();
    let factor =
        ctx.state.store.second_factor(ctx.user).await?.ok_or(Error::field("code", "second-factor-start-again"))?;
    if factor.confirmed {
        return Err(Error::Conflict("second-factor-already-on"));
    }
    guard(ctx.state, ctx.user, ctx.source).await?;
    let secret = secrets::open(key, ctx.user.id(), &factor.sealed_secret)?;
    let Some(step) = totp::verify(&secret, code, ctx.now.as_second(), None) else {
        return Err(
            wrong(ctx.state, ctx.user.id(), (ctx.user.id(), ctx.user.display_name()), ctx.source, ctx.now).await
        );
    };
    let (codes, hashes) = secrets::recovery_codes()?;
    ctx.state.store.confirm_second_factor(ctx.user, step, &hashes, ctx.now).await?;
    let what = what(Operation::Create, "second-factor.enabled", ctx.user.id());
    audit(ctx.state, Some((ctx.user.id(), ctx.user.display_name())), what, Outcome::Allowed, ctx.source, ctx.now)
        .await?;
    Ok(codes)
}

/// Turns the factor off; needs a current code (or a recovery code).
pub async fn turn_off(ctx: &Ctx<'_>, code: &str) -> Result<()> {
    check_code(ctx.state, ctx.user, (ctx.user.id(), ctx.user.display_name()), code, ctx.source, ctx.now).await?;
    ctx.state.store.remove_my_second_factor(ctx.user, ctx.now).await?;
    let what = what(Operation::Delete, "second-factor.disabled", ctx.user.id());
    audit(ctx.state, Some((ctx.user.id(), ctx.user.display_name())), what, Outcome::Allowed, ctx.source, ctx.now).await
}

/// Step-up: a code entered in this session, good for [`STEP_UP_MINUTES`].
pub async fn step_up(ctx: &Ctx<'_>, code: &str) -> Result<()> {
    check_code(ctx.state, ctx.user, (ctx.user.id(), ctx.user.display_name()), code, ctx.source, ctx.now).await?;
    stepped_up(ctx).await
}

/// Step-up with one of my passkeys (the ceremony [`passkeys::start_check`] began).
pub async fn step_up_with_passkey(ctx: &Ctx<'_>, token: &str, response: &str) -> Result<()> {
    let actor = (ctx.user.id(), ctx.user.display_name());
    passkeys::check(ctx.state, ctx.user, actor, token, response, Purpose::StepUp, ctx.source, ctx.now).await?;
    stepped_up(ctx).await
}

async fn stepped_up(ctx: &Ctx<'_>) -> Result<()> {
    ctx.state.store.mark_session_verified(ctx.user, ctx.now).await?;
    let what = what(Operation::Update, "second-factor.step-up", ctx.user.id());
    audit(ctx.state, Some((ctx.user.id(), ctx.user.display_name())), what, Outcome::Allowed, ctx.source, ctx.now).await
}

/// Forgets every remembered browser.
pub async fn forget_devices(ctx: &Ctx<'_>) -> Result<()> {
    ctx.state.store.revoke_my_remembered_devices(ctx.user, ctx.now).await?;
    let what = what(Operation::Delete, "second-factor.devices-forgotten", ctx.user.id());
    audit(ctx.state, Some((ctx.user.id(), ctx.user.display_name())), what, Outcome::Allowed, ctx.source, ctx.now).await
}

/// A new personal API token needs the factor where one is required.
pub async fn may_create_token(ctx: &Ctx<'_>) -> Result<()> {
    let enabled = ctx.state.store.factors(ctx.user).await?.any();
    if !enabled && ctx.state.store.second_factor_required(ctx.user, ctx.now).await? {
        return Err(Error::field("name", "second-factor-needed-for-token"));
    }
    Ok(())
}

/// Refuses while the account or the address is locked out.
pub(crate) async fn guard(state: &AppState, who: &impl Account, source: &Source) -> Result<()> {
    state.limiter.locked(CODE_FAILURES_PER_ACCOUNT, who.account().as_str()).await?;
    state.limiter.hit(CODES_PER_IP, source.ip.as_deref().unwrap_or("")).await
}

/// A wrong code: counted towards the lock-out and audited; the error to show.
pub(crate) async fn wrong(
    state: &AppState,
    key: &UserId,
    actor: (&UserId, &str),
    source: &Source,
    now: Timestamp,
) -> Error {
    if let Err(e) = state.limiter.fail(CODE_FAILURES_PER_ACCOUNT, key.as_str()).await {
        return e;
    }
    let locked = match state.limiter.locked(CODE_FAILURES_PER_ACCOUNT, key.as_str()).await {
        Ok(()) => None,
        Err(Error::RateLimited(seconds)) => Some(seconds),
        Err(e) => return e,
    };
    let what = match locked {
        Some(_) => what(Operation::Update, "second-factor.locked", key),
        None => what(Operation::Update, "second-factor.wrong-code", key),
    };
    if let Err(e) = audit(state, Some(actor), what, Outcome::Denied, source, now).await {
        return e;
    }
    match locked {
        Some(seconds) => Error::RateLimited(seconds),
        None => Error::field("code", "second-factor-code-wrong"),
    }
}

/// Checks a code from the app, or a recovery code (each works once).
/// Wrong: a field error on `code`; locked: `RateLimited`.
pub(crate) async fn check_code(
    state: &AppState,
    who: &impl Account,
    actor: (&UserId, &str),
    code: &str,
    source: &Source,
    now: Timestamp,
) -> Result<()> {
    guard(state, who, source).await?;
    if !state.store.factors(who).await?.any() {
        return Err(Error::Conflict("second-factor-not-on"));
    }
    // Someone with only passkeys has no app: only a recovery code is a code.
    let app = state.store.second_factor(who).await?.filter(|f| f.confirmed);
    let ok = if secrets::looks_like_recovery_code(code) {
        let used = state.store.use_recovery_code(who, &secrets::recovery_hash(code), now).await?;
        if used {
            let what = what(Operation::Update, "second-factor.recovery-code-used", who.account());
            audit(state, Some(actor), what, Outcome::Allowed, source, now).await?;
        }
        used
    } else if let Some(factor) = app {
        let secret = secrets::open(state.config.secret_key.expose(), who.account(), &factor.sealed_secret)?;
        match totp::verify(&secret, code, now.as_second(), factor.last_step) {
            Some(step) => state.store.use_second_factor_step(who, step).await?,
            None => false,
        }
    } else {
        false
    };
    if !ok {
        return Err(wrong(state, who.account(), actor, source, now).await);
    }
    state.limiter.clear(CODE_FAILURES_PER_ACCOUNT, who.account().as_str()).await
}

/// What happened to whose account (the object of a second-factor record).
pub(crate) fn what(operation: Operation, action: &'static str, account: &UserId) -> What {
    What::new(operation, action, "account", Some(account.to_string()))
}

/// An account-level audit record (no circle). `actor` is `None` for the
/// operator at the console.
pub(crate) async fn audit(
    state: &AppState,
    actor: Option<(&UserId, &str)>,
    what: What,
    outcome: Outcome,
    source: &Source,
    now: Timestamp,
) -> Result<()> {
    state.audit.record(AuditEvent::new(actor, None, what, outcome, source, now)).await
}

/// Whether `user`'s session entered a code recently enough for step-up.
pub fn recent(verified_at: Option<Timestamp>, now: Timestamp) -> bool {
    verified_at.is_some_and(|at| now.duration_since(at) < jiff::SignedDuration::from_mins(STEP_UP_MINUTES))
}

/// An operator's reset for someone who lost their factor (`samenspel admin
/// second-factor-reset`): the factor, recovery codes, remembered devices,
/// waiting sign-ins and sessions go, and the trail says who it was done to.
/// Returns whether there was a factor. Unscoped (any account): for the
/// command line only, hence the loud name.
#[expect(clippy::disallowed_methods, reason = "the operator's command acts outside any request")]
pub async fn internal_reset(state: &AppState, user: &UserId, source: &Source, now: Timestamp) -> Result<bool> {
    let had = state.store.internal().reset_second_factor(user, now).await?;
    // A wrong-code lock-out ends with the reset: the person starts afresh.
    state.limiter.clear(CODE_FAILURES_PER_ACCOUNT, user.as_str()).await?;
    let what = what(Operation::Delete, "second-factor.reset", user);
    audit(state, None, what, Outcome::Allowed, source, now).await?;
    Ok(had)
}
