//! Passkeys (WebAuthn, with webauthn-rs): adding one to my account,
//! removing one, and using one — to sign in on its own, as the second step
//! of a sign-in, or for step-up. A passkey always asks the person to unlock
//! their device (user verification), so one passkey is both factors.
//!
//! Every ceremony takes two requests: the first keeps the challenge's state
//! in the database behind a cookie token ([`Ceremony`]), the second takes it
//! back, once, for the same purpose and account. Every use, failure and
//! change is in the audit trail; failures count towards the same lock-out
//! as wrong codes.

use super::{Ctx, audit, guard, secrets, what, wrong};
use crate::app::AppState;
use crate::crypto::{random_token, token_hash};
use crate::ratelimit::{CODE_FAILURES_PER_ACCOUNT, SIGN_IN_PER_IP};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use samenspel_core::audit::{Operation, Outcome, Source};
use samenspel_core::ids::UserId;
use samenspel_core::{Error, Result, Timestamp};
use samenspel_store::access::Verified;
use samenspel_store::second_factor::{Account, Purpose, StoredPasskey};
use webauthn_rs::prelude::{Passkey, PublicKeyCredential, RegisterPublicKeyCredential, Uuid};
use webauthn_rs::{Webauthn, WebauthnBuilder};

/// The cookie that binds a ceremony to the browser that started it.
pub const CEREMONY_COOKIE: &str = "samenspel_passkey";

/// The longest name a passkey may have.
pub const NAME_MAX: usize = 60;

/// The relying party: this server, by its public address. Browsers offer
/// passkeys only to a domain name over HTTPS (or `localhost`, for trying
/// out), so a server reached by an IP address or plain HTTP has none.
pub struct Passkeys {
    webauthn: Webauthn,
}

impl Passkeys {
    /// `None` where browsers refuse passkeys: an IP address, or plain HTTP
    /// to anything but `localhost`.
    pub fn from_public_url(public_url: &url::Url) -> Option<Passkeys> {
        let domain = public_url.domain()?;
        let local = domain == "localhost" || domain.ends_with(".localhost");
        if public_url.scheme() != "https" && !local {
            return None;
        }
        let webauthn = WebauthnBuilder::new(domain, public_url).ok()?.rp_name("Samenspel").build().ok()?;
        Some(Passkeys { webauthn })
    }
}

/// A ceremony for the browser: the cookie's token, and the options to give
/// `navigator.credentials` (JSON, safe to put inside a `<script>` element).
#[derive(Debug)]
pub struct Ceremony {
    pub token: String,
    pub options: String,
}

fn passkeys(state: &AppState) -> Result<&Passkeys> {
    state.passkeys.as_ref().ok_or(Error::Conflict("passkeys-unavailable-error"))
}

/// JSON that cannot end the `<script>` element it is put in.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

fn to_json(value: &impl serde::Serialize) -> Result<String> {
    serde_json::to_string(value).map_err(Error::internal)
}

fn credential_id(passkey: &Passkey) -> String {
    URL_SAFE_NO_PAD.encode::<&[u8]>(passkey.cred_id().as_ref())
}

fn parse(stored: &StoredPasskey) -> Result<Passkey> {
    serde_json::from_str(&stored.credential).map_err(Error::internal)
}

/// The passkeys that can be read; one that cannot (stored by a version of
/// webauthn-rs that wrote it differently) is left out and logged, so the
/// others and the recovery codes keep working.
fn readable(stored: &[StoredPasskey]) -> Vec<Passkey> {
    stored
        .iter()
        .filter_map(|p| match parse(p) {
            Ok(key) => Some(key),
            Err(e) => {
                tracing::warn!(passkey = %p.id, error = %e, "a stored passkey could not be read");
                None
            }
        })
        .collect()
}

/// What the browser sent back could not be read, or the ceremony is gone.
fn start_again() -> Error {
    Error::field("response", "passkey-start-again")
}

async fn hold(
    state: &AppState,
    purpose: Purpose,
    who: Option<&UserId>,
    ceremony_state: &impl serde::Serialize,
    options: String,
    now: Timestamp,
) -> Result<Ceremony> {
    let token = random_token();
    state.store.hold_passkey_ceremony(&token_hash(&token), purpose, who, &to_json(ceremony_state)?, now).await?;
    Ok(Ceremony { token, options: script_safe(&options) })
}

async fn take<T: serde::de::DeserializeOwned>(
    state: &AppState,
    token: &str,
    purpose: Purpose,
    who: Option<&UserId>,
    now: Timestamp,
) -> Result<T> {
    let held = state.store.take_passkey_ceremony(&token_hash(token), purpose, who, now).await?;
    serde_json::from_str(&held.ok_or_else(start_again)?).map_err(Error::internal)
}

/// Starts adding a passkey to my account.
pub async fn start_adding(ctx: &Ctx<'_>) -> Result<Ceremony> {
    let passkeys = passkeys(ctx.state)?;
    let existing = ctx.state.store.passkeys(ctx.user).await?;
    let exclude = readable(&existing).iter().map(|p| p.cred_id().clone()).collect();
    let handle = Uuid::parse_str(ctx.user.id().as_str()).map_err(Error::internal)?;
    let (options, registration) = passkeys
        .webauthn
        .start_passkey_registration(handle, ctx.user.email(), ctx.user.display_name(), Some(exclude))
        .map_err(Error::internal)?;
    // A passkey the device keeps with the account's handle (a discoverable
    // credential) can sign in without an address first; webauthn-rs asks
    // for none by default, so ask for one where the device can.
    let mut options = serde_json::to_value(&options).map_err(Error::internal)?;
    if let Some(selection) = options.pointer_mut("/publicKey/authenticatorSelection").and_then(|v| v.as_object_mut()) {
        selection.insert("residentKey".into(), "preferred".into());
    }
    hold(ctx.state, Purpose::Register, Some(ctx.user.id()), &registration, options.to_string(), ctx.now).await
}

/// What adding a passkey gave: the recovery codes when it was the
/// account's first factor (shown once).
#[derive(Debug)]
pub struct Added {
    pub recovery_codes: Option<Vec<String>>,
}

/// Finishes adding a passkey under the name its owner gave it.
pub async fn finish_adding(ctx: &Ctx<'_>, token: &str, response: &str, name: &str) -> Result<Added> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::field("name", "passkey-name-missing"));
    }
    if name.chars().count() > NAME_MAX {
        return Err(Error::field("name", "passkey-name-too-long"));
    }
    let passkeys = passkeys(ctx.state)?;
    let registration = take(ctx.state, token, Purpose::Register, Some(ctx.user.id()), ctx.now).await?;
    let credential: RegisterPublicKeyCredential = serde_json::from_str(response).map_err(|_| start_again())?;
    let passkey = match passkeys.webauthn.finish_passkey_registration(&credential, &registration) {
        Ok(p) => p,
        Err(e) => {
            tracing::info!(error = %e, "a passkey could not be added");
            let what = what(Operation::Create, "passkey.refused", ctx.user.id());
            audit(
                ctx.state,
                Some((ctx.user.id(), ctx.user.display_name())),
                what,
                Outcome::Denied,
                ctx.source,
                ctx.now,
            )
            .await?;
            return Err(Error::field("response", "passkey-failed"));
        }
    };
    let before = ctx.state.store.factors(ctx.user).await?;
    ctx.state.store.add_passkey(ctx.user, &credential_id(&passkey), name, &to_json(&passkey)?, ctx.now).await?;
    // The first factor of the account: recovery codes, as with the app.
    let recovery_codes = if before.any() {
        None
    } else {
        let (codes, hashes) = secrets::recovery_codes()?;
        ctx.state.store.replace_recovery_codes(ctx.user, &hashes, ctx.now).await?;
        Some(codes)
    };
    let what = what(Operation::Create, "passkey.added", ctx.user.id());
    audit(ctx.state, Some((ctx.user.id(), ctx.user.display_name())), what, Outcome::Allowed, ctx.source, ctx.now)
        .await?;
    Ok(Added { recovery_codes })
}

/// Removes one of my passkeys. Someone who must have a second factor keeps
/// at least one: not their last passkey when they have no app.
pub async fn remove(ctx: &Ctx<'_>, id: &str) -> Result<()> {
    if !ctx.state.store.passkeys(ctx.user).await?.iter().any(|p| p.id == id) {
        return Err(Error::NotFound);
    }
    let factors = ctx.state.store.factors(ctx.user).await?;
    if !factors.app && factors.passkeys <= 1 && ctx.state.store.second_factor_required(ctx.user, ctx.now).await? {
        return Err(Error::Conflict("passkey-last-required-error"));
    }
    ctx.state.store.remove_passkey(ctx.user, id).await?;
    let what = what(Operation::Delete, "passkey.removed", ctx.user.id());
    audit(ctx.state, Some((ctx.user.id(), ctx.user.display_name())), what, Outcome::Allowed, ctx.source, ctx.now).await
}

/// Starts a check with one of the account's own passkeys: the second step
/// of a sign-in, or step-up.
pub async fn start_check(state: &AppState, who: &impl Account, purpose: Purpose, now: Timestamp) -> Result<Ceremony> {
    let passkeys = passkeys(state)?;
    let keys = readable(&state.store.passkeys(who).await?);
    if keys.is_empty() {
        return Err(Error::Conflict("passkey-none"));
    }
    let (options, authentication) = passkeys.webauthn.start_passkey_authentication(&keys).map_err(Error::internal)?;
    hold(state, purpose, Some(who.account()), &authentication, to_json(&options)?, now).await
}

/// Finishes a check started by [`start_check`]: only a passkey of `who`
/// answers it. Wrong: a field error on `response`; locked: `RateLimited`.
pub async fn check(
    state: &AppState,
    who: &impl Account,
    actor: (&UserId, &str),
    token: &str,
    response: &str,
    purpose: Purpose,
    source: &Source,
    now: Timestamp,
) -> Result<()> {
    guard(state, who, source).await?;
    let passkeys = passkeys(state)?;
    let authentication = take(state, token, purpose, Some(who.account()), now).await?;
    let credential: PublicKeyCredential = serde_json::from_str(response).map_err(|_| start_again())?;
    let presented = URL_SAFE_NO_PAD.encode(credential.get_credential_id());
    let stored = state.store.passkeys(who).await?;
    let Some(stored) = stored.iter().find(|p| p.credential_id == presented) else {
        return Err(failed(state, who.account(), actor, source, now).await);
    };
    let Ok(mut passkey) = parse(stored) else {
        return Err(failed(state, who.account(), actor, source, now).await);
    };
    match passkeys.webauthn.finish_passkey_authentication(&credential, &authentication) {
        Ok(result) => {
            passkey.update_credential(&result);
            state.store.passkey_used(who, &stored.credential_id, &to_json(&passkey)?, now).await?;
            state.limiter.clear(CODE_FAILURES_PER_ACCOUNT, who.account().as_str()).await?;
            Ok(())
        }
        Err(e) => {
            tracing::info!(error = %e, "a passkey check failed");
            Err(failed(state, who.account(), actor, source, now).await)
        }
    }
}

/// A passkey that did not prove itself: counted like a wrong code.
async fn failed(state: &AppState, key: &UserId, actor: (&UserId, &str), source: &Source, now: Timestamp) -> Error {
    match wrong(state, key, actor, source, now).await {
        Error::Validation(_) => Error::field("response", "passkey-failed"),
        other => other,
    }
}

/// Starts signing in with a passkey alone: the browser offers the passkeys
/// it has for this server, and the one chosen says whose it is.
pub async fn start_sign_in(state: &AppState, source: &Source, now: Timestamp) -> Result<Ceremony> {
    let passkeys = passkeys(state)?;
    state.limiter.hit(SIGN_IN_PER_IP, source.ip.as_deref().unwrap_or("")).await?;
    let (mut options, authentication) =
        passkeys.webauthn.start_discoverable_authentication().map_err(Error::internal)?;
    // webauthn-rs asks for the address field's autofill ("conditional"
    // mediation); the sign-in page starts it from a button instead.
    options.mediation = None;
    hold(state, Purpose::SignIn, None, &authentication, to_json(&options)?, now).await
}

/// Finishes signing in with a passkey alone: a sign-in proof for the
/// account the passkey belongs to.
pub async fn finish_sign_in(
    state: &AppState,
    token: &str,
    response: &str,
    source: &Source,
    now: Timestamp,
) -> Result<Verified> {
    let passkeys = passkeys(state)?;
    let authentication = take(state, token, Purpose::SignIn, None, now).await?;
    let credential: PublicKeyCredential = serde_json::from_str(response).map_err(|_| start_again())?;
    let unknown = || Error::field("response", "passkey-unknown");
    let (handle, presented) =
        passkeys.webauthn.identify_discoverable_authentication(&credential).map_err(|_| unknown())?;
    let presented = URL_SAFE_NO_PAD.encode(presented);
    let Some((owner, name, stored)) = state.store.passkey_for_sign_in(&presented).await? else {
        tracing::info!("sign-in with a passkey this server does not know");
        return Err(unknown());
    };
    // The handle the device keeps must be the owner's: a passkey of one
    // account never signs in another.
    if Uuid::parse_str(owner.as_str()).ok() != Some(handle) {
        return Err(unknown());
    }
    state.limiter.locked(CODE_FAILURES_PER_ACCOUNT, owner.as_str()).await?;
    let Ok(mut passkey) = parse(&stored) else {
        tracing::warn!(passkey = %stored.id, "a stored passkey could not be read");
        return Err(unknown());
    };
    match passkeys.webauthn.finish_discoverable_authentication_v2(&credential, authentication, &passkey) {
        Ok(result) => {
            passkey.update_credential(&result);
            let proof = state.store.passkey_sign_in(&presented, &to_json(&passkey)?, now).await?;
            state.limiter.clear(CODE_FAILURES_PER_ACCOUNT, owner.as_str()).await?;
            let what = what(Operation::Create, "passkey.signed-in", &owner);
            audit(state, Some((&owner, &name)), what, Outcome::Allowed, source, now).await?;
            Ok(proof)
        }
        Err(e) => {
            tracing::info!(error = %e, "a passkey sign-in failed");
            Err(failed(state, &owner, (&owner, &name), source, now).await)
        }
    }
}
