//! Server-side browser sessions. The cookie holds a random token; only its
//! SHA-256 hash is stored, so a leaked database cannot be replayed.

use crate::access::{Credential, CredentialRecord, CurrentUser, Verified, authenticate, with_membership};
use crate::circles::{MembershipRow, with_membership_in_path};
use crate::db::{Store, ms, ts, ts_opt};
use crate::second_factor::SessionFactor;
use crate::sql::{Joined, args, db_row};
use samenspel_core::ids::{CircleId, SessionId, UserId};
use samenspel_core::locale::Locale;
use samenspel_core::{Error, Result, Timestamp};
use serde::Serialize;

/// A session as its owner sees it on the account page.
#[derive(Clone, Debug, Serialize)]
pub struct SessionInfo {
    pub id: SessionId,
    pub created_at: Timestamp,
    pub last_seen_at: Timestamp,
    pub expires_at: Timestamp,
    pub user_agent: String,
    pub ip: String,
    pub current: bool,
}

/// How long sessions live: extended by use up to an absolute maximum.
#[derive(Clone, Copy, Debug)]
pub struct SessionLifetime {
    pub idle: jiff::SignedDuration,
    pub absolute: jiff::SignedDuration,
}

pub struct NewSession<'a> {
    /// Who showed, just now, who they are: a session is opened only for them.
    pub proof: &'a Verified,
    pub token_hash: &'a str,
    pub user_agent: &'a str,
    pub ip: &'a str,
}

impl Store {
    pub async fn create_session(
        &self,
        s: NewSession<'_>,
        lifetime: SessionLifetime,
        now: Timestamp,
    ) -> Result<SessionId> {
        let id = SessionId::generate();
        let expires = now.saturating_add(lifetime.idle).map_err(Error::internal)?;
        self.exec("INSERT INTO sessions (id, token_hash, user_id, created_at, last_seen_at, expires_at, user_agent, ip) VALUES ($1, $2, $3, $4, $4, $5, $6, $7)",
            args![id.as_str(), s.token_hash, s.proof.user_id().as_str(), ms(now), ms(expires), truncate(s.user_agent, 300), truncate(s.ip, 64)]).await?;
        Ok(id)
    }

    /// The user behind a session cookie (`Unauthenticated` for an unknown,
    /// expired or revoked session, or a disabled account). Extends the
    /// session when it was last seen more than a few minutes ago (so browsing
    /// does not write on every request).
    ///
    /// With `circle` (the circle in the request's path), the user's own
    /// membership there is read in the same statement and carried for the
    /// gate and `authorize`, which then need no statement of their own.
    pub async fn authenticate_session(
        &self,
        token_hash: &str,
        lifetime: SessionLifetime,
        circle: Option<&CircleId>,
        now: Timestamp,
    ) -> Result<CurrentUser> {
        db_row! {
            struct Row {
                sid: String,
                uid: String,
                name: String,
                email: String,
                locale: String,
                disabled: Option<i64>,
                _token_hash: String,
                created: i64,
                last_seen: i64,
                expires: i64,
                revoked: Option<i64>,
                factor_enabled: bool,
                must_set_up: bool,
                factor_at: Option<i64>,
                membership: Joined<MembershipRow>,
            }
        }
        // The session's second-factor state comes along (as
        // `Store::session_factor` reads it), so a page costs one query less.
        let row: Option<Row> = self.opt(
            with_membership_in_path!(
                select "s.id, u.id, u.display_name, u.email, u.locale, u.disabled_at, s.token_hash, s.created_at, s.last_seen_at, s.expires_at, s.revoked_at, \
                 (EXISTS (SELECT 1 FROM second_factors f WHERE f.user_id = s.user_id AND f.confirmed_at IS NOT NULL) \
                  OR EXISTS (SELECT 1 FROM passkeys p WHERE p.user_id = s.user_id)), s.must_set_up, s.second_factor_at"
                from "sessions s JOIN users u ON u.id = s.user_id"
                user "s.user_id"
                where "s.token_hash = $2"
            ),
            args![ms(now), token_hash, circle.map(CircleId::as_str)],
        )
        .await?;
        let Some(Row {
            sid,
            uid,
            name,
            email,
            locale,
            disabled,
            created,
            last_seen,
            expires,
            revoked,
            factor_enabled,
            must_set_up,
            factor_at,
            membership,
            ..
        }) = row
        else {
            return Err(Error::Unauthenticated);
        };
        let mut expires_at = ts(expires);
        let live = revoked.is_none() && expires_at > now;
        if live && now.as_millisecond() - last_seen > 5 * 60 * 1000 {
            let idle_end = now.saturating_add(lifetime.idle).map_err(Error::internal)?;
            let hard_end = ts(created).saturating_add(lifetime.absolute).map_err(Error::internal)?;
            expires_at = idle_end.min(hard_end);
            self.exec(
                "UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE id = $1 AND revoked_at IS NULL",
                args![&sid, ms(now), ms(expires_at)],
            )
            .await?;
        }
        let record = CredentialRecord {
            user_id: UserId::from_db(uid),
            display_name: name,
            email,
            locale: Locale::parse(&locale).unwrap_or_default(),
            user_disabled: disabled.is_some(),
            credential: Credential::Session(SessionId::from_db(sid)),
            expires_at: Some(expires_at),
            revoked: revoked.is_some(),
        };
        let factor = SessionFactor { enabled: factor_enabled, must_set_up, verified_at: ts_opt(factor_at) };
        let user = authenticate(Some(record), now)?.with_session_factor(factor);
        with_membership(user, circle, membership, now)
    }

    /// My sessions that are still valid, newest activity first.
    pub async fn my_sessions(&self, me: &CurrentUser, now: Timestamp) -> Result<Vec<SessionInfo>> {
        db_row! {
            struct Row { id: String, created: i64, seen: i64, expires: i64, user_agent: String, ip: String }
        }
        let rows: Vec<Row> = self
            .all(
                "SELECT id, created_at, last_seen_at, expires_at, user_agent, ip FROM sessions \
             WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2 ORDER BY last_seen_at DESC",
                args![me.id().as_str(), ms(now)],
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|Row { id, created, seen, expires, user_agent, ip }| {
                let id = SessionId::from_db(id);
                SessionInfo {
                    current: me.session_id() == Some(&id),
                    id,
                    created_at: ts(created),
                    last_seen_at: ts(seen),
                    expires_at: ts(expires),
                    user_agent,
                    ip,
                }
            })
            .collect())
    }

    /// Ends one of my sessions. Someone else's session is "not found".
    pub async fn revoke_my_session(&self, me: &CurrentUser, id: &SessionId, now: Timestamp) -> Result<()> {
        self.exec_found(
            "UPDATE sessions SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL",
            args![id.as_str(), me.id().as_str(), ms(now)],
        )
        .await
    }

    /// Ends all my sessions except `keep` (for "sign out everywhere else").
    pub async fn revoke_my_other_sessions(&self, me: &CurrentUser, now: Timestamp) -> Result<u64> {
        let keep = me.session_id().map(|s| s.as_str().to_owned()).unwrap_or_default();
        let mut tx = self.begin().await?;
        let done = tx
            .exec(
                "UPDATE sessions SET revoked_at = $3 WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL",
                args![me.id().as_str(), &keep, ms(now)],
            )
            .await?;
        tx.commit().await?;
        Ok(done)
    }
}

pub(crate) fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

impl crate::Internal<'_> {
    /// Whether a session is still valid (used by tests and the sign-out flow).
    pub async fn session_expiry(&self, id: &SessionId) -> Result<Option<Timestamp>> {
        let row: Option<(i64, Option<i64>)> =
            self.opt("SELECT expires_at, revoked_at FROM sessions WHERE id = $1", args![id.as_str()]).await?;
        Ok(row.and_then(|(e, r)| if r.is_some() { None } else { ts_opt(Some(e)) }))
    }
}
