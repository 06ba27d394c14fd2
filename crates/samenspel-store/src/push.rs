//! Web Push: the browsers (devices) a person allowed notifications on, the
//! per-circle "push on or off" beside the e-mail settings, and the
//! instance's VAPID key. A person's devices are scoped by `&CurrentUser`;
//! the worker's reads sit behind `store.internal()`.

use crate::access::{Can, CurrentUser, MemberLink};
use crate::db::{Store, ms, ts};
use crate::internal::Internal;
use crate::sql::{args, db_row};
use samenspel_core::ids::MemberId;
use samenspel_core::locale::Locale;
use samenspel_core::{Error, Result, Timestamp};

/// At most this many devices per person: enough for a phone, a tablet and
/// a few computers, and a bound on what one account can make us send.
pub const MAX_DEVICES: i64 = 20;

/// A browser's subscription as it arrives, already checked by the service.
#[derive(Clone, Debug)]
pub struct NewSubscription {
    pub endpoint: String,
    /// The browser's P-256 public key, base64url (RFC 8291 `p256dh`).
    pub p256dh: String,
    /// The browser's 16-byte authentication secret, base64url.
    pub auth: String,
    /// "Firefox op Android": shown in the device list.
    pub browser: String,
}

/// One of my devices, as the account page lists it (never the keys).
#[derive(Clone, Debug, serde::Serialize)]
pub struct Device {
    pub id: String,
    pub browser: String,
    pub created_at: Timestamp,
}

/// What the worker needs to send to one device.
#[derive(Clone, Debug)]
pub struct Target {
    pub id: String,
    pub endpoint: String,
    pub p256dh: String,
    pub auth: String,
}

impl Store {
    /// Adds this browser to my devices. The same endpoint again (the page
    /// subscribes on every "turn on") updates its keys; an endpoint another
    /// account had moves to me, since the browser is now signed in as me.
    pub async fn add_my_push_device(&self, me: &CurrentUser, s: &NewSubscription, now: Timestamp) -> Result<String> {
        let mut tx = self.begin().await?;
        let count: (i64,) = tx
            .one(
                "SELECT COUNT(*) FROM push_subscriptions WHERE user_id = $1 AND endpoint <> $2",
                args![me.id().as_str(), s.endpoint.as_str()],
            )
            .await?;
        if count.0 >= MAX_DEVICES {
            return Err(Error::field("endpoint", "push-too-many-devices"));
        }
        let id = uuid::Uuid::now_v7().to_string();
        let (id,): (String,) = tx
            .one(
                "INSERT INTO push_subscriptions (id, user_id, endpoint, p256dh, auth, browser, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (endpoint) DO UPDATE SET user_id = $2, \
                 p256dh = $4, auth = $5, browser = $6 RETURNING id",
                args![
                    id,
                    me.id().as_str(),
                    s.endpoint.as_str(),
                    s.p256dh.as_str(),
                    s.auth.as_str(),
                    s.browser.as_str(),
                    ms(now)
                ],
            )
            .await?;
        tx.finish(&[], now).await?;
        Ok(id)
    }

    /// My devices, newest first.
    pub async fn my_push_devices(&self, me: &CurrentUser) -> Result<Vec<Device>> {
        db_row! { struct Row { id: String, browser: String, created_at: i64 } }
        let rows: Vec<Row> = self
            .all(
                "SELECT id, browser, created_at FROM push_subscriptions WHERE user_id = $1 ORDER BY created_at DESC, id DESC",
                args![me.id().as_str()],
            )
            .await?;
        Ok(rows.into_iter().map(|r| Device { id: r.id, browser: r.browser, created_at: ts(r.created_at) }).collect())
    }

    /// Removes one of my devices; someone else's is "not found".
    pub async fn remove_my_push_device(&self, me: &CurrentUser, id: &str) -> Result<()> {
        self.exec_found("DELETE FROM push_subscriptions WHERE id = $1 AND user_id = $2", args![id, me.id().as_str()])
            .await
    }

    /// Whether push is on for my membership in the capability's circle.
    pub async fn my_push_on<A>(&self, cap: &Can<A>) -> Result<bool> {
        self.push_on(cap.member_id()).await
    }

    /// Turns push on or off for my membership (after the e-mail settings
    /// were saved, so the settings row exists).
    pub async fn set_my_push<A>(&self, cap: &Can<A>, on: bool) -> Result<()> {
        self.set_push(cap.member_id(), on).await
    }

    pub async fn push_on_by_link(&self, link: &MemberLink) -> Result<bool> {
        self.push_on(link.member_id()).await
    }

    pub async fn set_push_by_link(&self, link: &MemberLink, on: bool) -> Result<()> {
        self.set_push(link.member_id(), on).await
    }

    async fn push_on(&self, member: &MemberId) -> Result<bool> {
        let row: Option<(Option<bool>,)> =
            self.opt("SELECT push FROM notification_settings WHERE member_id = $1", args![member.as_str()]).await?;
        Ok(row.and_then(|r| r.0).unwrap_or(true))
    }

    async fn set_push(&self, member: &MemberId, on: bool) -> Result<()> {
        self.exec_found("UPDATE notification_settings SET push = $2 WHERE member_id = $1", args![member.as_str(), on])
            .await
    }

    /// The instance's VAPID private key (32 bytes, base64url): the stored
    /// one, or `fresh` stored first when there is none. Several instances
    /// starting at once agree, because only the first insert wins.
    pub async fn vapid_key(&self, fresh: &str, now: Timestamp) -> Result<String> {
        self.exec(
            "INSERT INTO vapid_keys (id, private_key, created_at) VALUES (1, $1, $2) ON CONFLICT (id) DO NOTHING",
            args![fresh, ms(now)],
        )
        .await?;
        let (key,): (String,) = self.one("SELECT private_key FROM vapid_keys WHERE id = 1", args![]).await?;
        Ok(key)
    }
}

impl Internal<'_> {
    /// The devices a push about this membership goes to: the member's
    /// person's devices, while the membership is active and push is on for
    /// it (NULL means on).
    pub async fn push_targets(&self, member: &MemberId, now: Timestamp) -> Result<Vec<Target>> {
        db_row! { struct Row { id: String, endpoint: String, p256dh: String, auth: String } }
        let rows: Vec<Row> = self
            .all(
                "SELECT s.id, s.endpoint, s.p256dh, s.auth FROM memberships m \
                 JOIN push_subscriptions s ON s.user_id = m.user_id \
                 LEFT JOIN notification_settings n ON n.member_id = m.id \
                 WHERE m.id = $1 AND (m.ended_at IS NULL OR m.ended_at > $2) AND (n.push IS NULL OR n.push) \
                 ORDER BY s.created_at",
                args![member.as_str(), ms(now)],
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| Target { id: r.id, endpoint: r.endpoint, p256dh: r.p256dh, auth: r.auth })
            .collect())
    }

    /// The client's name, the member's language and whether the member is the
    /// client ("je kring"), for the words of a push.
    pub async fn push_words(&self, member: &MemberId) -> Result<Option<(String, Locale, bool)>> {
        let row: Option<(String, String, String)> = self
            .opt(
                "SELECT c.client_name, u.locale, m.role FROM memberships m JOIN circles c ON c.id = m.circle_id \
                 JOIN users u ON u.id = m.user_id WHERE m.id = $1",
                args![member.as_str()],
            )
            .await?;
        Ok(row.map(|(name, locale, role)| {
            (name, Locale::parse(&locale).unwrap_or_default(), role == samenspel_core::role::Role::Client.as_str())
        }))
    }

    /// Forgets a device the push service says is gone (404 or 410).
    pub async fn remove_push_target(&self, id: &str) -> Result<()> {
        self.exec("DELETE FROM push_subscriptions WHERE id = $1", args![id]).await.map(|_| ())
    }
}
