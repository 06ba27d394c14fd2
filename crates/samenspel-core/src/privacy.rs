//! A person's own data under the GDPR: what an export holds (articles 15
//! and 20), and the log of privacy requests with their answer date.
//!
//! The export holds what is about the person or by them: their account,
//! memberships, sign-in devices, settings, and what they wrote — never what
//! others wrote, which is the client's and the writers' data.

use crate::Timestamp;
use serde::Serialize;

/// Everything an export holds. Times are RFC 3339 in UTC.
#[derive(Clone, Debug, Default, Serialize)]
pub struct MyData {
    pub account: Account,
    pub memberships: Vec<Membership>,
    pub sessions: Vec<Session>,
    pub api_tokens: Vec<ApiToken>,
    pub push_devices: Vec<PushDevice>,
    pub entries: Vec<WrittenEntry>,
    pub replies: Vec<WrittenReply>,
    pub check_ins: Vec<CheckIn>,
    pub signals: Vec<Signal>,
    pub help_asked: Vec<HelpAsked>,
    pub help_offered: Vec<HelpOffered>,
    pub shifts: Vec<Shift>,
    pub requests: Vec<PrivacyRequest>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Account {
    pub id: String,
    pub display_name: String,
    pub email: String,
    pub language: String,
    pub created_at: Option<Timestamp>,
    pub email_verified_at: Option<Timestamp>,
    pub has_password: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct Membership {
    pub circle_id: String,
    /// The name of the person the circle is for.
    pub circle_of: String,
    pub role: String,
    pub relation: String,
    pub manager: bool,
    pub joined_at: Timestamp,
    pub access_until: Option<Timestamp>,
    pub ended_at: Option<Timestamp>,
    pub immediate_mail: Option<bool>,
    pub digest: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Session {
    pub created_at: Timestamp,
    pub last_seen_at: Timestamp,
    pub revoked_at: Option<Timestamp>,
    pub user_agent: String,
    pub ip: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ApiToken {
    pub name: String,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
    pub revoked_at: Option<Timestamp>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PushDevice {
    pub browser: String,
    pub created_at: Timestamp,
}

#[derive(Clone, Debug, Serialize)]
pub struct WrittenEntry {
    pub id: String,
    pub circle_of: String,
    pub kind: String,
    pub audience: String,
    pub body: String,
    pub created_at: Timestamp,
    pub edited_at: Option<Timestamp>,
    pub deleted_at: Option<Timestamp>,
    /// The photos and files, as paths inside the export.
    pub files: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct WrittenReply {
    pub entry_id: String,
    pub circle_of: String,
    pub body: String,
    pub created_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CheckIn {
    pub circle_of: String,
    pub instrument: String,
    pub filled_in_at: Timestamp,
    pub total: i64,
    /// Each item's answer (code or number), by the instrument's item id.
    pub answers: Vec<(String, String)>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Signal {
    pub circle_of: String,
    pub shared_with: String,
    pub message: String,
    pub shared_at: Timestamp,
    pub withdrawn_at: Option<Timestamp>,
}

#[derive(Clone, Debug, Serialize)]
pub struct HelpAsked {
    pub circle_of: String,
    pub title: String,
    pub details: String,
    pub status: String,
    pub created_at: Timestamp,
}

#[derive(Clone, Debug, Serialize)]
pub struct HelpOffered {
    pub circle_of: String,
    pub title: String,
    pub message: String,
    pub created_at: Timestamp,
}

#[derive(Clone, Debug, Serialize)]
pub struct Shift {
    pub circle_of: String,
    pub title: String,
    pub on_date: String,
    pub signed_up_at: Timestamp,
}

/// The kinds of privacy request a person makes themselves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    Export,
    Correct,
    Delete,
}

impl RequestKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestKind::Export => "export",
            RequestKind::Correct => "correct",
            RequestKind::Delete => "delete",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [RequestKind::Export, RequestKind::Correct, RequestKind::Delete].into_iter().find(|k| k.as_str() == raw)
    }
}

/// A request and when it was answered (the law gives a month; self-service
/// answers at once).
#[derive(Clone, Debug, Serialize)]
pub struct PrivacyRequest {
    pub kind: RequestKind,
    pub requested_at: Timestamp,
    pub answered_at: Option<Timestamp>,
}
