//! E-mail: messages are rendered when their cause happens and stored in the
//! job outbox in the same transaction; the worker hands them to a transport.

mod messages;
mod transport;

pub use messages::{
    DigestItem, Joining, digest_mail, invitation_mail, no_account_mail, notice_mail, pool_mail, sign_in_mail,
};
pub use transport::Mailer;

use samenspel_core::Timestamp;
use samenspel_store::jobs::NewJob;
use serde::{Deserialize, Serialize};

/// The job kind for outgoing e-mail.
pub const JOB_KIND: &str = "mail";

/// A rendered e-mail, as stored in the outbox.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// For notifications: where the recipient changes or stops them.
    #[serde(default)]
    pub settings_link: Option<String>,
    /// The one-click address that stops this kind of e-mail, sent as
    /// `List-Unsubscribe` (RFC 8058). Mails queued before it existed have
    /// none: for them it is the settings link + `/off`, which stops news.
    #[serde(default)]
    pub stop_link: Option<String>,
}

/// Which e-mails a one-click "stop" ends: each kind has its own address, so
/// that stopping shift reminders keeps the news, and the other way round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailKind {
    /// News about the circle: at once, and the summaries.
    News,
    /// The reminder the day before my shift, and requests to cover a shift.
    Shifts,
    /// Reminders to fill in my carer check-in.
    CheckIn,
    /// Every e-mail about the circle: the button at the bottom of the page.
    All,
}

impl MailKind {
    pub const ALL: [MailKind; 4] = [MailKind::News, MailKind::Shifts, MailKind::CheckIn, MailKind::All];

    /// The address part after `…/off`: none for news, the oldest address.
    pub fn path(self) -> &'static str {
        match self {
            MailKind::News => "",
            MailKind::Shifts => "/shifts",
            MailKind::CheckIn => "/check-in",
            MailKind::All => "/all",
        }
    }

    pub fn parse(segment: Option<&str>) -> Option<Self> {
        let path = segment.map(|s| format!("/{s}")).unwrap_or_default();
        Self::ALL.into_iter().find(|k| k.path() == path)
    }

    /// The question on the page a one-click address opens, its explanation,
    /// and the confirmation after stopping.
    pub fn stop_keys(self) -> (&'static str, &'static str, &'static str) {
        match self {
            MailKind::News => ("stop-title-news", "stop-explain-news", "notice-news-mail-stopped"),
            MailKind::Shifts => ("stop-title-shifts", "stop-explain-shifts", "notice-shift-mail-stopped"),
            MailKind::CheckIn => ("stop-title-check-in", "stop-explain-check-in", "notice-check-in-reminders-stopped"),
            MailKind::All => ("notifications-stop", "notifications-stop-explain", "notice-notifications-stopped"),
        }
    }

    /// The sentence above the link at the bottom of the e-mail.
    pub fn footer_key(self) -> &'static str {
        match self {
            MailKind::News | MailKind::All => "mail-settings-footer",
            MailKind::Shifts => "mail-shifts-footer",
            MailKind::CheckIn => "mail-check-in-footer",
        }
    }

    /// The words of that link.
    pub fn link_key(self) -> &'static str {
        match self {
            MailKind::News | MailKind::All => "mail-settings-link",
            MailKind::Shifts => "mail-shifts-link",
            MailKind::CheckIn => "mail-check-in-link",
        }
    }
}

/// The two links every notification carries: the settings page behind the
/// footer, and the one-click address that stops this kind of e-mail.
#[derive(Clone, Debug)]
pub struct MailLinks {
    pub kind: MailKind,
    /// The page the footer links to (it works without signing in).
    pub footer: String,
    /// The one-click address for the mail program.
    pub stop: String,
}

impl OutgoingMail {
    /// The outbox job that sends this mail: up to 10 attempts over about a day.
    pub fn into_job(self, now: Timestamp) -> NewJob {
        NewJob {
            kind: JOB_KIND,
            payload: serde_json::to_string(&self).unwrap_or_default(),
            run_at: now,
            max_attempts: 10,
        }
    }
}
