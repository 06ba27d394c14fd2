//! The private calendar feed address of an account.

use super::*;

impl Store {
    /// Sets a new secret calendar address for me (the old one stops
    /// working). Only the hash is kept.
    pub async fn set_my_calendar_feed(&self, me: &CurrentUser, token_hash: &str, now: Timestamp) -> Result<()> {
        let user = me.id();
        let mut tx = self.begin().await?;
        tx.exec("DELETE FROM calendar_feeds WHERE user_id = $1", args![user.as_str()]).await?;
        tx.exec(
            "INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES ($1, $2, $3)",
            args![user.as_str(), token_hash, ms(now)],
        )
        .await?;
        tx.commit().await
    }

    pub async fn revoke_my_calendar_feed(&self, me: &CurrentUser) -> Result<()> {
        self.exec("DELETE FROM calendar_feeds WHERE user_id = $1", args![me.id().as_str()]).await?;
        Ok(())
    }

    /// When my calendar address was made, if I have one.
    pub async fn my_calendar_feed_since(&self, me: &CurrentUser) -> Result<Option<Timestamp>> {
        let at: Option<i64> =
            self.opt("SELECT created_at FROM calendar_feeds WHERE user_id = $1", args![me.id().as_str()]).await?;
        Ok(at.map(ts))
    }

    /// The user behind a calendar address (`Unauthenticated` for an unknown
    /// or withdrawn address, or a disabled account).
    pub async fn authenticate_calendar_feed(&self, token_hash: &str, now: Timestamp) -> Result<CurrentUser> {
        db_row! {
            struct Row { id: String, name: String, email: String, locale: String, disabled: Option<i64> }
        }
        let row: Option<Row> = self
            .opt(
                "SELECT u.id, u.display_name, u.email, u.locale, u.disabled_at FROM calendar_feeds f \
             JOIN users u ON u.id = f.user_id WHERE f.token_hash = $1",
                args![token_hash],
            )
            .await?;
        let record = row.map(|Row { id, name, email, locale, disabled }| CredentialRecord {
            user_id: UserId::from_db(id),
            display_name: name,
            email,
            locale: samenspel_core::locale::Locale::parse(&locale).unwrap_or_default(),
            user_disabled: disabled.is_some(),
            credential: Credential::CalendarFeed,
            expires_at: None,
            revoked: false,
        });
        authenticate(record, now)
    }
}
