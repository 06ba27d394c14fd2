//! My devices for push notifications (subscribe, list, remove) and push on
//! or off per circle. A subscription is checked before it is stored: an
//! https push service address of sensible length (plain http only to this
//! machine, and only while the instance itself runs on plain http, as in
//! tests and the demo), and keys of the right size and curve.

use super::super::{Ctx, InCircle, in_circle, what};
use super::SettingsInput;
use crate::app::AppState;
use crate::jobs::push;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use samenspel_core::access::act;
use samenspel_core::audit::Operation;
use samenspel_core::error::Validator;
use samenspel_core::ids::CircleId;
use samenspel_core::{Error, Result, Timestamp};
use samenspel_store::logbook::NotificationSettings;
use samenspel_store::push::{Device, NewSubscription};

/// Push service addresses are a few hundred characters (FCM's ~200,
/// Mozilla's ~250, Apple's ~150); anything much longer is not one.
pub const MAX_ENDPOINT: usize = 1000;

/// A subscription as the browser's `PushSubscription.toJSON()` gives it.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct SubscriptionInput {
    /// The push service address (https).
    #[serde(default)]
    pub endpoint: String,
    /// The browser's P-256 public key, base64url (65 bytes, uncompressed).
    #[serde(default)]
    pub p256dh: String,
    /// The browser's authentication secret, base64url (16 bytes).
    #[serde(default)]
    pub auth: String,
}

/// Plain http, and pushes to this machine, only for a loopback push service
/// while the instance itself runs on plain http (tests and the demo).
pub(crate) fn plain_http_allowed(state: &AppState, url: &url::Url) -> bool {
    let loopback = match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d == "localhost",
        None => false,
    };
    loopback && state.config.public_url.scheme() != "https"
}

/// An address we may POST to: https, a host name (not an IP address or
/// `localhost`, so a subscription cannot aim the server at its own
/// network), no user name or password; or the loopback exception above.
fn check_endpoint(state: &AppState, raw: &str) -> Option<String> {
    if raw.len() > MAX_ENDPOINT {
        return None;
    }
    let url = url::Url::parse(raw.trim()).ok()?;
    if !url.username().is_empty() || url.password().is_some() || url.fragment().is_some() {
        return None;
    }
    let ok = match url.scheme() {
        "https" => {
            matches!(url.host(), Some(url::Host::Domain(d)) if d != "localhost" && d.contains('.'))
                || plain_http_allowed(state, &url)
        }
        "http" => plain_http_allowed(state, &url),
        _ => false,
    };
    ok.then(|| url.to_string())
}

fn check_keys(p256dh: &str, auth: &str) -> bool {
    let key = URL_SAFE_NO_PAD.decode(p256dh.trim().trim_end_matches('='));
    let secret = URL_SAFE_NO_PAD.decode(auth.trim().trim_end_matches('='));
    matches!((key, secret), (Ok(k), Ok(a)) if k.len() == 65 && a.len() == 16 && p256::PublicKey::from_sec1_bytes(&k).is_ok())
}

/// "Firefox op Android": enough to tell devices apart, from the User-Agent.
pub fn browser_name(user_agent: &str) -> String {
    let ua = user_agent;
    let browser = [
        ("Edg/", "Edge"),
        ("SamsungBrowser", "Samsung Internet"),
        ("OPR/", "Opera"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Chromium/", "Chromium"),
        ("Safari/", "Safari"),
    ]
    .iter()
    .find(|(needle, _)| ua.contains(needle))
    .map(|(_, name)| *name);
    let system = [
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Windows", "Windows"),
        ("Mac OS X", "Mac"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ]
    .iter()
    .find(|(needle, _)| ua.contains(needle))
    .map(|(_, name)| *name);
    match (browser, system) {
        (Some(b), Some(s)) => format!("{b} · {s}"),
        (Some(b), None) => b.to_owned(),
        (None, Some(s)) => s.to_owned(),
        (None, None) => String::new(),
    }
}

/// The public key pages hand to `pushManager.subscribe`.
pub async fn public_key(state: &AppState, now: Timestamp) -> Result<String> {
    let vapid = push::vapid(state, now).await.map_err(|e| Error::internal(format!("{e:#}")))?;
    Ok(vapid.public_key().to_owned())
}

/// Adds this browser to my devices; answers its id.
pub async fn subscribe(ctx: &Ctx<'_>, input: &SubscriptionInput) -> Result<String> {
    let mut v = Validator::new();
    let endpoint = check_endpoint(ctx.state, &input.endpoint);
    if endpoint.is_none() {
        v.push("endpoint", "push-endpoint-invalid");
    }
    if !check_keys(&input.p256dh, &input.auth) {
        v.push("p256dh", "push-keys-invalid");
    }
    v.finish()?;
    let s = NewSubscription {
        endpoint: endpoint.unwrap_or_default(),
        p256dh: input.p256dh.trim().trim_end_matches('=').to_owned(),
        auth: input.auth.trim().trim_end_matches('=').to_owned(),
        browser: browser_name(ctx.source.user_agent.as_deref().unwrap_or("")),
    };
    ctx.state.store.add_my_push_device(ctx.user, &s, ctx.now).await
}

pub async fn devices(ctx: &Ctx<'_>) -> Result<Vec<Device>> {
    ctx.state.store.my_push_devices(ctx.user).await
}

pub async fn remove(ctx: &Ctx<'_>, id: &str) -> Result<()> {
    if uuid::Uuid::parse_str(id).is_err() {
        return Err(Error::NotFound);
    }
    ctx.state.store.remove_my_push_device(ctx.user, id).await
}

/// My settings for a circle with "push on", under one capability.
pub async fn mine(ctx: &Ctx<'_>, circle: &CircleId) -> Result<InCircle<(NotificationSettings, bool)>> {
    let cap = ctx.can::<act::ViewCircle>(circle, what(Operation::Read, "notifications.view", "circle", circle)).await?;
    let settings = ctx.state.store.my_notification_settings(&cap).await?;
    let on = ctx.state.store.my_push_on(&cap).await?;
    in_circle(&cap, (settings, on))
}

/// Saves my settings for a circle and whether push is on.
pub async fn set_mine(ctx: &Ctx<'_>, circle: &CircleId, input: &SettingsInput, on: bool) -> Result<()> {
    let cap =
        ctx.can::<act::ViewCircle>(circle, what(Operation::Update, "notifications.change", "circle", circle)).await?;
    let settings = input.parse()?;
    let next = super::notify::next_digest(ctx.now, settings.digest);
    ctx.state.store.set_my_notification_settings(&cap, &settings, next).await?;
    ctx.state.store.set_my_push(&cap, on).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_names() {
        let cases = [
            ("Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0", "Firefox · Android"),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Version/18.1 Mobile/15E148 Safari/604.1",
                "Safari · iPhone",
            ),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 Edg/131.0",
                "Edge · Windows",
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36",
                "Chrome · Linux",
            ),
            ("curl/8", ""),
        ];
        for (ua, name) in cases {
            assert_eq!(browser_name(ua), name, "{ua}");
        }
    }

    #[test]
    fn keys_must_be_a_point_and_sixteen_bytes() {
        let point =
            URL_SAFE_NO_PAD.encode(p256::SecretKey::from_slice(&[7; 32]).expect("key").public_key().to_sec1_bytes());
        let auth = URL_SAFE_NO_PAD.encode([1u8; 16]);
        assert!(check_keys(&point, &auth));
        assert!(!check_keys(&point, &URL_SAFE_NO_PAD.encode([1u8; 15])));
        assert!(!check_keys(&URL_SAFE_NO_PAD.encode([4u8; 65]), &auth));
        assert!(!check_keys("not base64!", &auth));
    }
}
