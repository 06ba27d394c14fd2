//! Web Push as a notification channel beside e-mail (RFC 8030 delivery,
//! RFC 8291 encryption, RFC 8292 VAPID).
//!
//! A push follows the immediate e-mails: every notification e-mail the
//! services queue for a member carries a note (`PushNote`), and the first
//! attempt to send that e-mail — after the member's quiet hours, when the
//! mail job becomes due — queues one push job for the member, if they have
//! a device. So exactly the events that send an immediate e-mail push, with
//! the same preferences and quiet hours, and push has its own retries.
//!
//! The payload carries no client data beyond the client's first name: "Nieuw
//! in de kring van Henk", the app's name and a path. The page fetches the
//! rest after sign-in.

mod ece;
mod vapid;

pub use ece::{MAX_PAYLOAD, encrypt};
pub use vapid::Vapid;

use crate::app::AppState;
use crate::i18n::Tr;
use samenspel_core::Timestamp;
use samenspel_core::ids::MemberId;
use samenspel_store::jobs::{Job, NewJob};
use samenspel_store::push::Target;
use serde::{Deserialize, Serialize};

pub const JOB_KIND: &str = "push";

/// Who a notification e-mail is for and where its button leads: enough to
/// push about it, and nothing about the content.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct PushNote {
    pub member: String,
    /// A path on this site ("/circles/…"), never a full URL.
    pub url: String,
}

impl PushNote {
    /// For a notification whose button leads to `link` (a full URL on this site).
    pub fn new(state: &AppState, member: &MemberId, link: &str) -> PushNote {
        let base = state.config.public_url.as_str().trim_end_matches('/');
        let path = link.strip_prefix(base).filter(|p| p.starts_with('/')).unwrap_or("/circles");
        PushNote { member: member.to_string(), url: path.to_owned() }
    }

    /// The note added to a mail job's payload (the mail itself ignores it).
    pub fn attach(self, mut job: NewJob) -> NewJob {
        if let Ok(mut v) = serde_json::from_str::<serde_json::Value>(&job.payload)
            && let Some(o) = v.as_object_mut()
        {
            o.insert("push".into(), serde_json::json!(self));
            job.payload = v.to_string();
        }
        job
    }

    /// The note in a mail job's payload, if any.
    pub fn in_mail(payload: &str) -> Option<PushNote> {
        #[derive(Deserialize)]
        struct WithNote {
            push: Option<PushNote>,
        }
        serde_json::from_str::<WithNote>(payload).ok().and_then(|w| w.push)
    }
}

/// Called on a mail job's first attempt: queues the push about it when the
/// member has a device (so members without one add no jobs).
pub async fn queue_for_mail(state: &AppState, note: PushNote, now: Timestamp) -> anyhow::Result<()> {
    let Some(member) = MemberId::parse(&note.member) else { return Ok(()) };
    if state.store.internal().push_targets(&member, now).await?.is_empty() {
        return Ok(());
    }
    let job = NewJob { kind: JOB_KIND, payload: serde_json::to_string(&note)?, run_at: now, max_attempts: 8 };
    state.store.enqueue_job(&job, now).await?;
    Ok(())
}

/// The instance's VAPID key: stored once in the database, shared by every
/// instance that uses it.
pub async fn vapid(state: &AppState, now: Timestamp) -> anyhow::Result<Vapid> {
    Vapid::from_stored(&state.store.vapid_key(&Vapid::generate(), now).await?)
}

/// "Henk" for "Henk de Vries": a lock screen shows no more than that.
fn first_name(client_name: &str) -> &str {
    client_name.split_whitespace().next().unwrap_or("")
}

/// The JSON the service worker shows, encrypted for each device.
pub fn message(tr: Tr, client_name: &str, for_client: bool, url: &str, tag: &str) -> serde_json::Value {
    serde_json::json!({
        "title": "Samenspel",
        "body": tr.t2("push-news", "client", first_name(client_name), "own", Tr::own(for_client)),
        "url": url,
        // A retried push replaces the notification it already showed.
        "tag": tag,
    })
}

enum Outcome {
    Delivered,
    /// 404 or 410: the browser unsubscribed; forget the device.
    Gone,
    /// Another 4xx: retrying will not help.
    Refused(u16),
}

/// Runs a push job: encrypts and sends the message to each of the member's
/// devices. A device that is gone is removed; a failure (network, 429, 5xx)
/// fails the job so it is retried — devices that already have it then see
/// the same notification replaced, thanks to the tag.
pub async fn deliver(state: &AppState, job: &Job) -> anyhow::Result<()> {
    let note: PushNote = serde_json::from_str(&job.payload)?;
    let member = MemberId::parse(&note.member).ok_or_else(|| anyhow::anyhow!("bad member id in a push job"))?;
    let now = Timestamp::now();
    let targets = state.store.internal().push_targets(&member, now).await?;
    let Some((client_name, locale, own)) = state.store.internal().push_words(&member).await? else { return Ok(()) };
    if targets.is_empty() {
        return Ok(());
    }
    let vapid = vapid(state, now).await?;
    let payload = message(Tr::new(locale), &client_name, own, &note.url, &job.id).to_string();
    let mut failure = None;
    for t in &targets {
        match send(state, &vapid, t, payload.as_bytes(), now).await {
            Ok(Outcome::Delivered) => {}
            Ok(Outcome::Gone) => {
                tracing::info!(device = %t.id, "push service says the device is gone; removing it");
                state.store.internal().remove_push_target(&t.id).await?;
            }
            Ok(Outcome::Refused(status)) => {
                tracing::warn!(device = %t.id, status, "push service refused the message; not retrying");
            }
            Err(e) => failure = Some(e),
        }
    }
    failure.map_or(Ok(()), Err)
}

async fn send(state: &AppState, vapid: &Vapid, t: &Target, payload: &[u8], now: Timestamp) -> anyhow::Result<Outcome> {
    use base64::Engine as _;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let url = url::Url::parse(&t.endpoint)?;
    let body = encrypt(&URL_SAFE_NO_PAD.decode(&t.p256dh)?, &URL_SAFE_NO_PAD.decode(&t.auth)?, payload)?;
    let origin = url.origin().ascii_serialization();
    let subject = state.config.public_url.as_str().trim_end_matches('/').to_owned();
    let headers = [
        ("authorization", vapid.authorization(&origin, &subject, now)),
        ("content-encoding", "aes128gcm".to_owned()),
        ("content-type", "application/octet-stream".to_owned()),
        // Kept by the push service for a day while the device is offline.
        ("ttl", "86400".to_owned()),
        ("urgency", "normal".to_owned()),
    ];
    let loopback_allowed = crate::service::notifications::push::plain_http_allowed(state, &url);
    let reach = crate::outbound::Reach::Public { loopback_allowed };
    let status = match crate::outbound::request(hyper::Method::POST, &url, &headers, body, reach).await {
        Ok(answer) => answer.status,
        // An address inside our own network is never a push service.
        Err(e) if e.downcast_ref::<crate::outbound::NotPublic>().is_some() => {
            tracing::warn!(device = %t.id, error = %e, "refusing to push to a non-public address");
            return Ok(Outcome::Gone);
        }
        Err(e) => return Err(e),
    };
    Ok(match status {
        200..=299 => Outcome::Delivered,
        404 | 410 => Outcome::Gone,
        429 | 500.. => anyhow::bail!("push service answered {status}"),
        other => Outcome::Refused(other),
    })
}
