//! The logbook over the API: the overview, the timeline with cursor
//! pagination, entries, replies, reactions, files and notification settings.
//! The answers' shapes are here; the handlers are in one file per feature.

pub(super) mod entries;
pub(super) mod files;
pub(super) mod replies;
pub(super) mod settings;

use crate::service::notifications;
use jiff::Timestamp;
use samenspel_core::logbook::{Entry, Reply, Revision};
use samenspel_store::logbook::NotificationSettings;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct PersonDto {
    pub member_id: String,
    pub name: String,
    pub role: String,
}

impl From<&samenspel_core::logbook::Person> for PersonDto {
    fn from(p: &samenspel_core::logbook::Person) -> Self {
        PersonDto { member_id: p.member_id.to_string(), name: p.name.clone(), role: p.role.as_str().into() }
    }
}

#[derive(Serialize, ToSchema)]
pub struct StampDto {
    pub by: String,
    pub at: Timestamp,
}

#[derive(Serialize, ToSchema)]
pub struct AttachmentDto {
    pub id: String,
    /// image or pdf
    pub kind: String,
    pub content_type: String,
    pub file_name: String,
    pub byte_size: i64,
    pub width: Option<i64>,
    pub height: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct ReactionDto {
    /// thanks, seen or heart
    pub reaction: String,
    pub count: i64,
    pub mine: bool,
}

#[derive(Serialize, ToSchema)]
pub struct EntryDto {
    pub id: String,
    /// update, moment, concern, question or thanks
    pub kind: String,
    /// circle, professionals, informal or chosen
    pub audience: String,
    pub chosen: Vec<PersonDto>,
    pub recipients: Vec<PersonDto>,
    pub author: PersonDto,
    /// The text as written (simple formatting: blank lines, "- " lists, links). Empty when removed.
    pub body: String,
    pub created_at: Timestamp,
    pub edited_at: Option<Timestamp>,
    pub revision: i64,
    pub deleted: Option<StampDto>,
    /// none, open, answered or closed
    pub status: String,
    pub closed: Option<StampDto>,
    pub reply_count: i64,
    pub attachments: Vec<AttachmentDto>,
    pub reactions: Vec<ReactionDto>,
    pub seen_by_me: bool,
}

impl From<Entry> for EntryDto {
    fn from(e: Entry) -> Self {
        EntryDto {
            kind: e.kind.as_str().into(),
            audience: e.audience.as_str().into(),
            chosen: e.chosen.iter().map(Into::into).collect(),
            recipients: e.recipients.iter().map(Into::into).collect(),
            author: (&e.author).into(),
            created_at: e.created_at,
            edited_at: e.edited_at,
            revision: e.revision,
            deleted: e.deleted.map(|s| StampDto { by: s.by, at: s.at }),
            status: e.status.as_str().into(),
            closed: e.closed.map(|s| StampDto { by: s.by, at: s.at }),
            reply_count: e.reply_count,
            attachments: e
                .attachments
                .into_iter()
                .map(|a| AttachmentDto {
                    id: a.id,
                    kind: a.kind.as_str().into(),
                    content_type: a.content_type,
                    file_name: a.file_name,
                    byte_size: a.byte_size,
                    width: a.width,
                    height: a.height,
                })
                .collect(),
            reactions: e
                .reactions
                .into_iter()
                .map(|r| ReactionDto { reaction: r.reaction.as_str().into(), count: r.count, mine: r.mine })
                .collect(),
            seen_by_me: e.seen_by_me,
            body: e.body,
            id: e.id,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ReplyDto {
    pub id: String,
    pub author: PersonDto,
    pub body: String,
    pub created_at: Timestamp,
    pub deleted: Option<StampDto>,
}

impl From<Reply> for ReplyDto {
    fn from(r: Reply) -> Self {
        ReplyDto {
            author: (&r.author).into(),
            body: r.body,
            created_at: r.created_at,
            deleted: r.deleted.map(|s| StampDto { by: s.by, at: s.at }),
            id: r.id,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SeenDto {
    pub member_id: String,
    pub name: String,
    pub at: Timestamp,
}

#[derive(Serialize, ToSchema)]
pub struct EntryDetailDto {
    pub entry: EntryDto,
    pub replies: Vec<ReplyDto>,
    /// Who in the audience has seen it.
    pub seen_by: Vec<SeenDto>,
    /// Who in the audience has not seen it yet.
    pub not_seen_by: Vec<PersonDto>,
}

#[derive(Serialize, ToSchema)]
pub struct PageDto {
    pub entries: Vec<EntryDto>,
    /// Pass as `cursor` for the next (older) page; absent on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct OverviewDto {
    /// Entries I have not seen (at most 100).
    pub unread: i64,
    pub new: Vec<EntryDto>,
    pub unresolved: Vec<EntryDto>,
    pub thanks: Vec<EntryDto>,
    /// Agreements to talk about again (marked by a change, or their review date has come).
    pub due_agreements: Vec<DueAgreementDto>,
}

#[derive(Serialize, ToSchema)]
pub struct DueAgreementDto {
    pub id: String,
    pub domain: String,
    pub description: String,
    pub needs_review: bool,
    /// YYYY-MM-DD
    pub review_on: Option<String>,
}

impl From<samenspel_core::agreement::Agreement> for DueAgreementDto {
    fn from(a: samenspel_core::agreement::Agreement) -> Self {
        DueAgreementDto {
            id: a.id,
            domain: a.domain.as_str().into(),
            description: a.description,
            needs_review: a.needs_review,
            review_on: a.review_on.map(|d| d.to_string()),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CreatedDto {
    pub id: String,
}

/// The answer to a create: 201 with the new thing's id ([`CreatedDto`]).
pub struct Created(pub String);

impl axum::response::IntoResponse for Created {
    fn into_response(self) -> axum::response::Response {
        (axum::http::StatusCode::CREATED, axum::Json(CreatedDto { id: self.0 })).into_response()
    }
}

#[derive(Serialize, ToSchema)]
pub struct RevisionDto {
    pub revision: i64,
    pub body: String,
    pub written_at: Timestamp,
}

impl From<Revision> for RevisionDto {
    fn from(r: Revision) -> Self {
        RevisionDto { revision: r.revision, body: r.body, written_at: r.written_at }
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct NotificationSettingsDto {
    pub immediate: bool,
    /// off, daily or weekly
    pub digest: String,
    /// "HH:MM" local time, or null for no quiet hours.
    pub quiet_from: Option<String>,
    pub quiet_until: Option<String>,
    /// E-mail the day before my shifts and when a shift I could take needs
    /// cover; true when left out.
    #[serde(default = "yes")]
    pub shifts: bool,
}

fn yes() -> bool {
    true
}

impl From<NotificationSettings> for NotificationSettingsDto {
    fn from(s: NotificationSettings) -> Self {
        NotificationSettingsDto {
            immediate: s.immediate,
            digest: s.digest.as_str().into(),
            quiet_from: s.quiet.map(|q| notifications::hhmm(q.0)),
            quiet_until: s.quiet.map(|q| notifications::hhmm(q.1)),
            shifts: s.shifts,
        }
    }
}
