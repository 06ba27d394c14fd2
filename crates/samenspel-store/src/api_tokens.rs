//! Personal API tokens for the JSON API. Stored hashed; shown once; revocable.

use crate::access::{Credential, CredentialRecord, CurrentUser, authenticate, with_membership};
use crate::circles::{MembershipRow, with_membership_in_path};
use crate::db::{Store, ms, ts, ts_opt};
use crate::sessions::truncate;
use crate::sql::{Joined, args, db_row};
use samenspel_core::ids::{ApiTokenId, CircleId, UserId};
use samenspel_core::locale::Locale;
use samenspel_core::{Error, Result, Timestamp};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct ApiTokenInfo {
    pub id: ApiTokenId,
    pub name: String,
    /// The first characters of the token, so its owner can tell tokens apart.
    pub prefix: String,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
}

impl Store {
    /// Creates a token for me (the command line acts as the user through
    /// `store.internal().act_as`).
    pub async fn create_my_api_token(
        &self,
        me: &CurrentUser,
        name: &str,
        token_hash: &str,
        prefix: &str,
        now: Timestamp,
    ) -> Result<ApiTokenId> {
        let id = ApiTokenId::generate();
        self.exec("INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
            args![id.as_str(), me.id().as_str(), truncate(name, 100), token_hash, prefix, ms(now)]).await?;
        Ok(id)
    }

    /// The user behind a bearer token (`Unauthenticated` for an unknown or
    /// revoked token, or a disabled account); notes when it was last used (at
    /// most once a minute, to keep API reads from writing every time).
    /// With `circle` (the circle in the request's path), the user's own
    /// membership there is read in the same statement and carried for the
    /// gate and `authorize`.
    pub async fn authenticate_api_token(
        &self,
        token_hash: &str,
        circle: Option<&CircleId>,
        now: Timestamp,
    ) -> Result<CurrentUser> {
        db_row! {
            struct Row {
                tid: String,
                uid: String,
                name: String,
                email: String,
                locale: String,
                disabled: Option<i64>,
                revoked: Option<i64>,
                last_used: Option<i64>,
                membership: Joined<MembershipRow>,
            }
        }
        let row: Option<Row> = self
            .opt(
                with_membership_in_path!(
                    select "t.id, u.id, u.display_name, u.email, u.locale, u.disabled_at, t.revoked_at, t.last_used_at"
                    from "api_tokens t JOIN users u ON u.id = t.user_id"
                    user "t.user_id"
                    where "t.token_hash = $2"
                ),
                args![ms(now), token_hash, circle.map(CircleId::as_str)],
            )
            .await?;
        let Some(Row { tid, uid, name, email, locale, disabled, revoked, last_used, membership }) = row else {
            return Err(Error::Unauthenticated);
        };
        if revoked.is_none() && last_used.is_none_or(|l| now.as_millisecond() - l > 60_000) {
            self.exec("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1", args![&tid, ms(now)]).await?;
        }
        let record = CredentialRecord {
            user_id: UserId::from_db(uid),
            display_name: name,
            email,
            locale: Locale::parse(&locale).unwrap_or_default(),
            user_disabled: disabled.is_some(),
            credential: Credential::ApiToken(ApiTokenId::from_db(tid)),
            expires_at: None,
            revoked: revoked.is_some(),
        };
        with_membership(authenticate(Some(record), now)?, circle, membership, now)
    }

    pub async fn my_api_tokens(&self, me: &CurrentUser) -> Result<Vec<ApiTokenInfo>> {
        db_row! {
            struct Row { id: String, name: String, prefix: String, created: i64, used: Option<i64> }
        }
        let rows: Vec<Row> = self.all(
            "SELECT id, name, prefix, created_at, last_used_at FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC",
            args![me.id().as_str()],
        ).await?;
        Ok(rows
            .into_iter()
            .map(|Row { id, name, prefix, created, used }| ApiTokenInfo {
                id: ApiTokenId::from_db(id),
                name,
                prefix,
                created_at: ts(created),
                last_used_at: ts_opt(used),
            })
            .collect())
    }

    pub async fn revoke_my_api_token(&self, me: &CurrentUser, id: &ApiTokenId, now: Timestamp) -> Result<()> {
        self.exec_found(
            "UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL",
            args![id.as_str(), me.id().as_str(), ms(now)],
        )
        .await
    }
}
