//! E-mail: messages are rendered when their cause happens and stored in the
//! job outbox in the same transaction; the worker hands them to a transport.

mod messages;
mod transport;

pub use messages::{DigestItem, digest_mail, invitation_mail, no_account_mail, notice_mail, sign_in_mail};
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
    /// For notifications: where the recipient changes or stops them. Sent as
    /// `List-Unsubscribe` (with one-click, RFC 8058) besides the link in the text.
    #[serde(default)]
    pub settings_link: Option<String>,
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
