//! Reading everything that is about a person or by them, for an export.

use super::Store;
use crate::access::CurrentUser;
use crate::db::{ts, ts_opt};
use crate::sql::{args, db_row};
use samenspel_core::Result;
use samenspel_core::privacy::{
    Account, ApiToken, CheckIn, HelpAsked, HelpOffered, Membership, MyData, PushDevice, Session, Shift, Signal,
    WrittenEntry, WrittenReply,
};

/// A photo or file attached to one of the person's entries.
#[derive(Clone, Debug)]
pub struct Attachment {
    pub id: String,
    pub entry_id: String,
    pub file_name: String,
    pub content_type: String,
}

db_row! {
    struct AccountRow { id: String, name: String, email: String, locale: String, created: i64, verified: Option<i64>, password: bool }
}
db_row! {
    struct MembershipRow {
        circle: String, client: String, role: String, relation: String, manager: bool, joined: i64,
        until: Option<i64>, ended: Option<i64>, immediate: Option<bool>, digest: Option<String>,
    }
}
db_row! {
    struct EntryRow {
        id: String, client: String, kind: String, audience: String, body: String, created: i64,
        edited: Option<i64>, deleted: Option<i64>,
    }
}
db_row! {
    struct ReplyRow { entry: String, client: String, body: String, created: i64, deleted: Option<i64> }
}
db_row! {
    struct CheckInRow { id: String, client: String, instrument: String, at: i64, total: i64 }
}
db_row! {
    struct SignalRow { client: String, audience: String, message: String, at: i64, withdrawn: Option<i64> }
}
db_row! {
    struct SessionRow { created: i64, seen: i64, revoked: Option<i64>, agent: String, ip: String }
}
db_row! {
    struct HelpRow { client: String, title: String, details: String, status: String, at: i64 }
}

/// The person's memberships (also ended ones), joined to what is read by them.
const MINE: &str = "SELECT id FROM memberships WHERE user_id = $1";

impl Store {
    /// Everything about the current user or by them, and the files of their
    /// entries (read one at a time with [`Store::my_attachment`]).
    pub async fn my_data(&self, user: &CurrentUser) -> Result<(MyData, Vec<Attachment>)> {
        let me = user.id().as_str();
        let a: AccountRow = self
            .one(
                "SELECT id, display_name, email, locale, created_at, email_verified_at, \
                 password_hash IS NOT NULL FROM users WHERE id = $1",
                args![me],
            )
            .await?;
        let account = Account {
            id: a.id,
            display_name: a.name,
            email: a.email,
            language: a.locale,
            created_at: Some(ts(a.created)),
            email_verified_at: ts_opt(a.verified),
            has_password: a.password,
        };
        let memberships: Vec<MembershipRow> = self
            .all(
                "SELECT m.circle_id, c.client_name, m.role, m.relation, m.manager, m.joined_at, m.access_until, \
                 m.ended_at, n.immediate, n.digest FROM memberships m JOIN circles c ON c.id = m.circle_id \
                 LEFT JOIN notification_settings n ON n.member_id = m.id WHERE m.user_id = $1 ORDER BY m.joined_at, m.id",
                args![me],
            )
            .await?;
        let sessions: Vec<SessionRow> = self
            .all(
                "SELECT created_at, last_seen_at, revoked_at, user_agent, ip FROM sessions WHERE user_id = $1 ORDER BY created_at",
                args![me],
            )
            .await?;
        let tokens: Vec<(String, i64, Option<i64>, Option<i64>)> = self
            .all(
                "SELECT name, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY created_at",
                args![me],
            )
            .await?;
        let devices: Vec<(String, i64)> = self
            .all("SELECT browser, created_at FROM push_subscriptions WHERE user_id = $1 ORDER BY created_at", args![me])
            .await?;
        let entries: Vec<EntryRow> = self
            .all(
                &format!(
                    "SELECT e.id, c.client_name, e.kind, e.audience, e.body, e.created_at, e.edited_at, e.deleted_at \
                     FROM entries e JOIN circles c ON c.id = e.circle_id WHERE e.author_member_id IN ({MINE}) \
                     ORDER BY e.created_at, e.id"
                ),
                args![me],
            )
            .await?;
        let attachments: Vec<(String, String, String, String)> = self
            .all(
                &format!(
                    "SELECT a.id, a.entry_id, a.file_name, a.content_type FROM attachments a \
                     JOIN entries e ON e.id = a.entry_id WHERE e.author_member_id IN ({MINE}) ORDER BY a.entry_id, a.position"
                ),
                args![me],
            )
            .await?;
        let replies: Vec<ReplyRow> = self
            .all(
                &format!(
                    "SELECT r.entry_id, c.client_name, r.body, r.created_at, r.deleted_at FROM replies r \
                     JOIN entries e ON e.id = r.entry_id JOIN circles c ON c.id = e.circle_id \
                     WHERE r.author_member_id IN ({MINE}) ORDER BY r.created_at, r.id"
                ),
                args![me],
            )
            .await?;
        let check_ins: Vec<CheckInRow> = self
            .all(
                &format!(
                    "SELECT q.id, c.client_name, q.instrument, q.authored_at, q.total FROM questionnaire_responses q \
                     JOIN circles c ON c.id = q.circle_id WHERE q.member_id IN ({MINE}) ORDER BY q.authored_at, q.id"
                ),
                args![me],
            )
            .await?;
        let answers: Vec<(String, String, Option<String>, Option<i64>)> = self
            .all(
                &format!(
                    "SELECT a.response_id, a.link_id, a.answer_code, a.answer_number FROM questionnaire_answers a \
                     JOIN questionnaire_responses q ON q.id = a.response_id WHERE q.member_id IN ({MINE}) \
                     ORDER BY a.response_id, a.link_id"
                ),
                args![me],
            )
            .await?;
        let signals: Vec<SignalRow> = self
            .all(
                &format!(
                    "SELECT c.client_name, s.audience, s.message, s.shared_at, s.withdrawn_at FROM care_signals s \
                     JOIN circles c ON c.id = s.circle_id WHERE s.member_id IN ({MINE}) ORDER BY s.shared_at"
                ),
                args![me],
            )
            .await?;
        let asked: Vec<HelpRow> = self
            .all(
                &format!(
                    "SELECT c.client_name, h.title, h.details, h.status, h.created_at FROM help_requests h \
                     JOIN circles c ON c.id = h.circle_id WHERE h.asked_by IN ({MINE}) ORDER BY h.created_at"
                ),
                args![me],
            )
            .await?;
        let offered: Vec<(String, String, String, i64)> = self
            .all(
                &format!(
                    "SELECT c.client_name, h.title, r.message, r.created_at FROM help_responses r \
                     JOIN help_requests h ON h.id = r.request_id JOIN circles c ON c.id = h.circle_id \
                     WHERE r.member_id IN ({MINE}) ORDER BY r.created_at"
                ),
                args![me],
            )
            .await?;
        let shifts: Vec<(String, String, String, i64)> = self
            .all(
                &format!(
                    "SELECT c.client_name, i.title, s.on_date, s.signed_up_at FROM shift_signups s \
                     JOIN agenda_items i ON i.id = s.item_id JOIN circles c ON c.id = i.circle_id \
                     WHERE s.member_id IN ({MINE}) ORDER BY s.on_date, s.signed_up_at"
                ),
                args![me],
            )
            .await?;
        let requests = self.privacy_requests(user).await?;

        let files_of = |entry: &str| -> Vec<String> {
            attachments.iter().filter(|(_, e, _, _)| e == entry).map(|(id, _, name, _)| file_path(id, name)).collect()
        };
        let data = MyData {
            account,
            memberships: memberships
                .into_iter()
                .map(|m| Membership {
                    circle_id: m.circle,
                    circle_of: m.client,
                    role: m.role,
                    relation: m.relation,
                    manager: m.manager,
                    joined_at: ts(m.joined),
                    access_until: ts_opt(m.until),
                    ended_at: ts_opt(m.ended),
                    immediate_mail: m.immediate,
                    digest: m.digest,
                })
                .collect(),
            sessions: sessions
                .into_iter()
                .map(|s| Session {
                    created_at: ts(s.created),
                    last_seen_at: ts(s.seen),
                    revoked_at: ts_opt(s.revoked),
                    user_agent: s.agent,
                    ip: s.ip,
                })
                .collect(),
            api_tokens: tokens
                .into_iter()
                .map(|(name, c, u, r)| ApiToken {
                    name,
                    created_at: ts(c),
                    last_used_at: ts_opt(u),
                    revoked_at: ts_opt(r),
                })
                .collect(),
            push_devices: devices.into_iter().map(|(browser, c)| PushDevice { browser, created_at: ts(c) }).collect(),
            entries: entries
                .into_iter()
                .map(|e| WrittenEntry {
                    files: files_of(&e.id),
                    id: e.id,
                    circle_of: e.client,
                    kind: e.kind,
                    audience: e.audience,
                    body: e.body,
                    created_at: ts(e.created),
                    edited_at: ts_opt(e.edited),
                    deleted_at: ts_opt(e.deleted),
                })
                .collect(),
            replies: replies
                .into_iter()
                .map(|r| WrittenReply {
                    entry_id: r.entry,
                    circle_of: r.client,
                    body: r.body,
                    created_at: ts(r.created),
                    deleted_at: ts_opt(r.deleted),
                })
                .collect(),
            check_ins: check_ins
                .into_iter()
                .map(|q| CheckIn {
                    answers: answers
                        .iter()
                        .filter(|(r, _, _, _)| *r == q.id)
                        .map(|(_, link, code, number)| {
                            let value = code.clone().or_else(|| number.map(|n| n.to_string())).unwrap_or_default();
                            (link.clone(), value)
                        })
                        .collect(),
                    circle_of: q.client,
                    instrument: q.instrument,
                    filled_in_at: ts(q.at),
                    total: q.total,
                })
                .collect(),
            signals: signals
                .into_iter()
                .map(|s| Signal {
                    circle_of: s.client,
                    shared_with: s.audience,
                    message: s.message,
                    shared_at: ts(s.at),
                    withdrawn_at: ts_opt(s.withdrawn),
                })
                .collect(),
            help_asked: asked
                .into_iter()
                .map(|h| HelpAsked {
                    circle_of: h.client,
                    title: h.title,
                    details: h.details,
                    status: h.status,
                    created_at: ts(h.at),
                })
                .collect(),
            help_offered: offered
                .into_iter()
                .map(|(circle_of, title, message, c)| HelpOffered { circle_of, title, message, created_at: ts(c) })
                .collect(),
            shifts: shifts
                .into_iter()
                .map(|(circle_of, title, on_date, at)| Shift { circle_of, title, on_date, signed_up_at: ts(at) })
                .collect(),
            requests,
        };
        let files = attachments
            .into_iter()
            .map(|(id, entry_id, file_name, content_type)| Attachment { id, entry_id, file_name, content_type })
            .collect();
        Ok((data, files))
    }

    /// The bytes of one of the current user's attachments (the full version),
    /// or nothing when it is not theirs.
    pub async fn my_attachment(&self, user: &CurrentUser, attachment: &Attachment) -> Result<Option<Vec<u8>>> {
        let row: Option<(Vec<u8>,)> = self
            .opt(
                &format!(
                    "SELECT d.data FROM attachment_data d JOIN attachments a ON a.id = d.attachment_id \
                     JOIN entries e ON e.id = a.entry_id WHERE d.attachment_id = $2 AND d.variant = 'full' \
                     AND e.author_member_id IN ({MINE})"
                ),
                args![user.id().as_str(), &attachment.id],
            )
            .await?;
        Ok(row.map(|(d,)| d))
    }
}

/// Where an attachment goes in the export: `files/<id>-<name>`, the name
/// reduced to safe characters.
pub fn file_path(id: &str, name: &str) -> String {
    let safe: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' }).collect();
    format!("files/{id}-{safe}")
}
