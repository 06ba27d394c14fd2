//! My notification settings for a circle: on the circle's pages when
//! signed in, and through the signed link in every notification e-mail;
//! push notifications in `push`.

pub mod push;

use super::{Ctx, InCircle, in_circle, notify, what};
use crate::app::AppState;
use crate::mail::MailKind;
use samenspel_core::access::act;
use samenspel_core::audit::Operation;
use samenspel_core::error::Validator;
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::{Result, Timestamp};
use samenspel_store::access::MemberLink;
use samenspel_store::logbook::{Digest, NotificationSettings};

/// The settings as a form sends them.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct SettingsInput {
    /// E-mail at once about concerns, questions and thanks to me.
    #[serde(default)]
    pub immediate: bool,
    /// off, daily or weekly
    pub digest: String,
    /// Quiet hours, "HH:MM" local time; both empty for none.
    #[serde(default)]
    pub quiet_from: String,
    #[serde(default)]
    pub quiet_until: String,
    /// E-mail the day before my shifts and when a shift needs cover (yes when left out).
    #[serde(default = "yes")]
    pub shifts: bool,
}

fn yes() -> bool {
    true
}

fn minutes(field: &'static str, raw: &str, v: &mut Validator) -> Option<i64> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let parsed = raw.split_once(':').and_then(|(h, m)| Some((h.parse::<i64>().ok()?, m.parse::<i64>().ok()?)));
    match parsed {
        Some((h, m)) if (0..24).contains(&h) && (0..60).contains(&m) => Some(h * 60 + m),
        _ => {
            v.push(field, "time-invalid");
            None
        }
    }
}

impl SettingsInput {
    pub fn parse(&self) -> Result<NotificationSettings> {
        let mut v = Validator::new();
        let digest = Digest::parse(&self.digest);
        if digest.is_none() {
            v.push("digest", "digest-invalid");
        }
        let from = minutes("quiet_from", &self.quiet_from, &mut v);
        let until = minutes("quiet_until", &self.quiet_until, &mut v);
        if from.is_some() != until.is_some() {
            v.push("quiet_until", "quiet-hours-incomplete");
        }
        v.finish()?;
        Ok(NotificationSettings {
            immediate: self.immediate,
            digest: digest.unwrap_or(Digest::Weekly),
            quiet: from.zip(until),
            shifts: self.shifts,
        })
    }
}

/// "22:00" for a number of minutes after midnight.
pub fn hhmm(minutes: i64) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

pub async fn mine(ctx: &Ctx<'_>, circle: &CircleId) -> Result<InCircle<NotificationSettings>> {
    let cap = ctx.can::<act::ViewCircle>(circle, what(Operation::Read, "notifications.view", "circle", circle)).await?;
    let settings = ctx.state.store.my_notification_settings(&cap).await?;
    in_circle(&cap, settings)
}

pub async fn set_mine(ctx: &Ctx<'_>, circle: &CircleId, input: &SettingsInput) -> Result<()> {
    let cap =
        ctx.can::<act::ViewCircle>(circle, what(Operation::Update, "notifications.change", "circle", circle)).await?;
    let settings = input.parse()?;
    let next = notify::next_digest(ctx.now, settings.digest);
    ctx.state.store.set_my_notification_settings(&cap, &settings, next).await
}

/// Opens the signed link in a notification e-mail; a wrong token is "not found".
async fn open_link(state: &AppState, member: &MemberId, token: &str) -> Result<MemberLink> {
    state.store.open_member_link(state.config.secret_key.expose(), member, token).await
}

/// What the page behind the e-mail link shows: the settings, the circle's
/// name and the check-in reminder rhythm (weeks), if one is set.
pub struct ByLink {
    pub settings: NotificationSettings,
    pub client_name: String,
    /// The link is the client's own.
    pub for_client: bool,
    pub check_in_weeks: Option<i64>,
}

/// For the page behind the e-mail link.
pub async fn by_link(state: &AppState, member: &MemberId, token: &str) -> Result<ByLink> {
    let link = open_link(state, member, token).await?;
    Ok(ByLink {
        settings: state.store.notification_settings_by_link(&link).await?,
        client_name: link.client_name().to_owned(),
        for_client: link.for_client(),
        check_in_weeks: state.store.reminder_by_link(&link).await?,
    })
}

pub async fn set_by_link(
    state: &AppState,
    member: &MemberId,
    token: &str,
    input: &SettingsInput,
    now: Timestamp,
) -> Result<()> {
    set_by_link_with_push(state, member, token, input, None, now).await
}

/// [`set_by_link`], and push on or off when the form had the checkbox.
pub async fn set_by_link_with_push(
    state: &AppState,
    member: &MemberId,
    token: &str,
    input: &SettingsInput,
    push: Option<bool>,
    now: Timestamp,
) -> Result<()> {
    let link = open_link(state, member, token).await?;
    let settings = input.parse()?;
    state.store.set_notification_settings_by_link(&link, &settings, notify::next_digest(now, settings.digest)).await?;
    match push {
        Some(on) => state.store.set_push_by_link(&link, on).await,
        None => Ok(()),
    }
}

/// Whether push is on, for the page behind the e-mail link.
pub async fn push_by_link(state: &AppState, member: &MemberId, token: &str) -> Result<bool> {
    let link = open_link(state, member, token).await?;
    state.store.push_on_by_link(&link).await
}

/// The one-click "stop these e-mails" from the mail program (RFC 8058):
/// stops the kind of e-mail the address names, and only that.
pub async fn stop_by_link(
    state: &AppState,
    member: &MemberId,
    token: &str,
    kind: MailKind,
    now: Timestamp,
) -> Result<()> {
    let link = open_link(state, member, token).await?;
    let current = state.store.notification_settings_by_link(&link).await?;
    let off = match kind {
        MailKind::News => NotificationSettings { immediate: false, digest: Digest::Off, ..current },
        MailKind::Shifts => NotificationSettings { shifts: false, ..current },
        MailKind::CheckIn => return state.store.stop_reminder_by_link(&link).await,
        MailKind::All => {
            state.store.stop_reminder_by_link(&link).await?;
            NotificationSettings { immediate: false, digest: Digest::Off, shifts: false, ..current }
        }
    };
    state.store.set_notification_settings_by_link(&link, &off, notify::next_digest(now, off.digest)).await
}
