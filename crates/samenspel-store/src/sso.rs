//! Single sign-on with the organisation's OpenID provider: the sign-ins on
//! their way (state, PKCE verifier, nonce; single use, bound to the browser
//! that started them) and which account a provider's subject signs in to.
//!
//! The ID token itself is checked before [`Store::sso_sign_in`] is called
//! (signature, issuer, audience, expiry, nonce: `samenspel::sso`); what the
//! store adds is that a sign-in proof comes only from an attempt this store
//! started, used once, and only for an account that exists and is not
//! disabled — linked by an address the provider says it verified, never
//! created here (the administrator or an invitation creates accounts).

use crate::access::Verified;
use crate::db::{Store, ms};
use crate::sql::{args, db_row};
use samenspel_core::ids::UserId;
use samenspel_core::{Error, Result, Timestamp};

/// How long a sign-in may take at the provider.
pub const ATTEMPT_MINUTES: i64 = 10;

/// A sign-in started here, taken back when the provider sends the browser back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    pub pkce_verifier: String,
    pub nonce: String,
    /// Where to go once signed in (a local path).
    pub next: String,
}

/// What the provider says about the person (from a checked ID token).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub issuer: String,
    pub subject: String,
    pub email: Option<String>,
    pub email_verified: bool,
}

impl Store {
    /// Keeps a sign-in on its way; old ones are cleared at the same time.
    pub async fn start_sso(
        &self,
        state_hash: &str,
        browser_hash: &str,
        attempt: &Attempt,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.exec("DELETE FROM sso_attempts WHERE created_at < $1", args![ms(now) - 24 * 3_600_000]).await?;
        tx.exec(
            "INSERT INTO sso_attempts (state_hash, browser_hash, pkce_verifier, nonce, next, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            args![state_hash, browser_hash, &attempt.pkce_verifier, &attempt.nonce, &attempt.next, ms(now)],
        )
        .await?;
        tx.commit().await
    }

    /// Takes back the attempt `state` names, once: `None` when it is
    /// unknown, used before, too old, or started in another browser.
    pub async fn take_sso_attempt(
        &self,
        state_hash: &str,
        browser_hash: &str,
        now: Timestamp,
    ) -> Result<Option<Attempt>> {
        db_row! {
            struct Row { browser: String, verifier: String, nonce: String, next: String, created: i64 }
        }
        let mut tx = self.begin().await?;
        let row: Option<Row> = tx
            .opt(
                "UPDATE sso_attempts SET used_at = $2 WHERE state_hash = $1 AND used_at IS NULL \
                 RETURNING browser_hash, pkce_verifier, nonce, next, created_at",
                args![state_hash, ms(now)],
            )
            .await?;
        tx.commit().await?;
        Ok(row
            .filter(|r| r.browser == browser_hash && ms(now) - r.created <= ATTEMPT_MINUTES * 60_000)
            .map(|r| Attempt { pkce_verifier: r.verifier, nonce: r.nonce, next: r.next }))
    }

    /// The account `identity` signs in to: the one linked to the subject
    /// before, or else the account with the address the provider verified
    /// (which is then linked). No account, a disabled one, or an address the
    /// provider did not verify: [`Error::NotFound`].
    pub async fn sso_sign_in(&self, identity: &Identity, now: Timestamp) -> Result<Verified> {
        let mut tx = self.begin().await?;
        let linked: Option<(String,)> = tx
            .opt(
                "SELECT u.id FROM sso_identities s JOIN users u ON u.id = s.user_id \
                 WHERE s.issuer = $1 AND s.subject = $2 AND u.disabled_at IS NULL",
                args![&identity.issuer, &identity.subject],
            )
            .await?;
        let user = match linked {
            Some((id,)) => id,
            None => {
                let email = match (&identity.email, identity.email_verified) {
                    (Some(email), true) => email.trim().to_lowercase(),
                    _ => return Err(Error::NotFound),
                };
                let (id,): (String,) = tx
                    .opt("SELECT id FROM users WHERE email = $1 AND disabled_at IS NULL", args![&email])
                    .await?
                    .ok_or(Error::NotFound)?;
                tx.exec(
                    "INSERT INTO sso_identities (issuer, subject, user_id, linked_at) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (issuer, subject) DO NOTHING",
                    args![&identity.issuer, &identity.subject, &id, ms(now)],
                )
                .await?;
                id
            }
        };
        tx.commit().await?;
        Ok(Verified::new(UserId::from_db(user)))
    }
}
