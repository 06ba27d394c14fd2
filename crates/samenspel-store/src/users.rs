//! Accounts.

use crate::access::{CurrentUser, Verified, password};
use crate::db::{Store, ms, ts};
use crate::sql::{args, db_row};
use samenspel_core::ids::UserId;
use samenspel_core::locale::Locale;
use samenspel_core::user::User;
use samenspel_core::{Error, Result, Timestamp};

/// What sign-in needs to know about an account.
#[derive(Clone, Debug)]
pub struct SignInRecord {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub locale: Locale,
    pub disabled: bool,
}

db_row! {
    struct UserRow {
        id: String,
        email: String,
        display_name: String,
        password_hash: Option<String>,
        locale: String,
        created_at: i64,
        disabled_at: Option<i64>,
    }
}

macro_rules! user_columns {
    () => {
        "id, email, display_name, password_hash, locale, created_at, disabled_at"
    };
}

fn user_from_row(UserRow { id, email, display_name, password_hash, locale, created_at, disabled_at }: UserRow) -> User {
    User {
        id: UserId::from_db(id),
        email,
        display_name,
        locale: Locale::parse(&locale).unwrap_or_default(),
        has_password: password_hash.is_some(),
        created_at: ts(created_at),
        disabled: disabled_at.is_some(),
    }
}

impl Store {
    /// Checks a password for the account with this address. Wrong address,
    /// wrong password and a disabled account all give `None`, in the same
    /// time (the hash work is done either way).
    pub async fn check_password(&self, email: &str, password: &str) -> Result<Option<Verified>> {
        let user = self.internal().find_user_for_sign_in(email).await?;
        let stored = user.as_ref().and_then(|u| u.password_hash.clone());
        let ok = password::verify(password.to_owned(), stored).await;
        Ok(user.filter(|u| ok && !u.disabled).map(|u| Verified::new(u.id)))
    }

    /// Sets or changes my password. With a password already set, the current
    /// one must be given (`current_password`: `password-wrong` otherwise);
    /// someone who signs in by e-mail link only needs none.
    pub async fn set_my_password(&self, me: &CurrentUser, current: &str, new: &str) -> Result<()> {
        let stored: Option<Option<String>> =
            self.opt("SELECT password_hash FROM users WHERE id = $1", args![me.id().as_str()]).await?;
        let stored = stored.ok_or(Error::NotFound)?;
        if stored.is_some() && !password::verify(current.to_owned(), stored).await {
            return Err(Error::field("current_password", "password-wrong"));
        }
        let hash = password::hash(new.to_owned()).await?;
        self.update_user_field(me.id(), "UPDATE users SET password_hash = $2 WHERE id = $1", &hash).await
    }

    /// The signed-in person's own account.
    pub async fn my_account(&self, me: &CurrentUser) -> Result<User> {
        self.internal().user(me.id()).await
    }

    pub async fn set_my_locale(&self, me: &CurrentUser, locale: Locale) -> Result<()> {
        self.update_user_field(me.id(), "UPDATE users SET locale = $2 WHERE id = $1", locale.as_str()).await
    }

    pub async fn set_my_display_name(&self, me: &CurrentUser, name: &str) -> Result<()> {
        self.update_user_field(me.id(), "UPDATE users SET display_name = $2 WHERE id = $1", name).await
    }

    async fn update_user_field(&self, id: &UserId, sql: &'static str, value: &str) -> Result<()> {
        self.exec_found(sql, args![id.as_str(), value]).await
    }
}

impl crate::Internal<'_> {
    /// Creates an account. `verified` says the e-mail address was proven (by
    /// an invitation e-mail or a sign-in link). Conflict `email-taken` if the
    /// address has an account.
    pub async fn create_user(
        &self,
        email: &str,
        display_name: &str,
        password_hash: Option<&str>,
        locale: Locale,
        verified: bool,
        now: Timestamp,
    ) -> Result<UserId> {
        let id = UserId::generate();
        let mut tx = self.begin().await?;
        let r = tx.exec(
            "INSERT INTO users (id, email, display_name, password_hash, locale, created_at, email_verified_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            args![id.as_str(), email, display_name, password_hash, locale.as_str(), ms(now), verified.then_some(ms(now))],
        )
        .await;
        match r {
            Err(Error::Conflict(_)) => return Err(Error::Conflict("email-taken")),
            other => other?,
        };
        tx.commit().await?;
        Ok(id)
    }

    /// Looks an account up by e-mail for signing in (there is no actor yet).
    pub async fn find_user_for_sign_in(&self, email: &str) -> Result<Option<SignInRecord>> {
        db_row! {
            struct Row {
                id: String,
                email: String,
                display_name: String,
                password_hash: Option<String>,
                locale: String,
                disabled_at: Option<i64>,
            }
        }
        let row: Option<Row> = self
            .opt(
                "SELECT id, email, display_name, password_hash, locale, disabled_at FROM users WHERE email = $1",
                args![email],
            )
            .await?;
        Ok(row.map(|Row { id, email, display_name, password_hash, locale, disabled_at }| SignInRecord {
            id: UserId::from_db(id),
            email,
            display_name,
            password_hash,
            locale: Locale::parse(&locale).unwrap_or_default(),
            disabled: disabled_at.is_some(),
        }))
    }

    /// Any account by id: for the command line, jobs and sign-in flows only.
    pub async fn user(&self, id: &UserId) -> Result<User> {
        let row: UserRow =
            self.one(concat!("SELECT ", user_columns!(), " FROM users WHERE id = $1"), args![id.as_str()]).await?;
        Ok(user_from_row(row))
    }

    /// Every account, by name: for operators.
    pub async fn list_users(&self) -> Result<Vec<User>> {
        let rows: Vec<UserRow> =
            self.all(concat!("SELECT ", user_columns!(), " FROM users ORDER BY display_name, email"), args![]).await?;
        Ok(rows.into_iter().map(user_from_row).collect())
    }

    /// Sets a password, for an operator or the demo.
    pub async fn set_password(&self, id: &UserId, password: &str) -> Result<()> {
        let hash = password::hash(password.to_owned()).await?;
        self.update_user_field(id, "UPDATE users SET password_hash = $2 WHERE id = $1", &hash).await
    }

    /// Records that the person proved they own their e-mail address.
    pub async fn mark_email_verified(&self, id: &UserId, now: Timestamp) -> Result<()> {
        self.exec(
            "UPDATE users SET email_verified_at = COALESCE(email_verified_at, $2) WHERE id = $1",
            args![id.as_str(), ms(now)],
        )
        .await?;
        Ok(())
    }
}
