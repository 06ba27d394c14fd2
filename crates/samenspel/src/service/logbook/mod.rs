//! The logbook: writing, reading, replying, reacting, closing open items
//! and files; the circle's overview ("de rode draad") is in `overview`.

use super::{Ctx, InCircle, in_circle, notify, what};
use crate::uploads::{self, Upload};
use samenspel_core::access::{act, may_close_entry};
use samenspel_core::audience::Audience;
use samenspel_core::audit::Operation;
use samenspel_core::error::Validator;
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::logbook::{self, Card, Cursor, Entry, EntryKind, NewEntry, Reaction, Reply, Revision, SeenBy};
use samenspel_core::{Error, FieldError, Result};
use samenspel_store::idempotency::IdempotencyKey;
use samenspel_store::logbook::{EntryFilter, FileData, MAX_FILES, NewAttachment};

/// Entries per page of the timeline.
pub const PAGE: i64 = 20;

mod overview;
pub use overview::{Overview, UNREAD_CAP, overview, unread};

/// What someone fills in (page form or API).
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct WriteEntry {
    /// update, moment, concern, question or thanks
    pub kind: String,
    /// circle, professionals, informal or chosen
    #[serde(default = "circle")]
    pub audience: String,
    /// With audience `chosen`: member ids.
    #[serde(default)]
    pub chosen: Vec<String>,
    /// With kind `thanks`: the member ids thanked.
    #[serde(default)]
    pub recipients: Vec<String>,
    #[serde(default)]
    pub body: String,
    /// With kind `thanks`: a picture for the card (sun, flower, heart, coffee, star).
    #[serde(default)]
    pub card: String,
    /// The id of a wellbeing goal this entry tells about.
    #[serde(default)]
    pub goal: String,
}

fn circle() -> String {
    "circle".into()
}

fn member_ids(raw: &[String]) -> Vec<MemberId> {
    raw.iter().filter_map(|r| MemberId::parse(r)).collect()
}

/// Checks and re-encodes uploaded files on the blocking pool.
pub async fn prepare_files(files: Vec<Upload>) -> Result<Vec<NewAttachment>> {
    if files.len() > MAX_FILES {
        return Err(Error::field("files", "too-many-files"));
    }
    let mut out = Vec::with_capacity(files.len());
    for f in files {
        let prepared = uploads::prepare_bounded(f).await?;
        out.push(prepared.map_err(|e| Error::Validation(vec![e]))?);
    }
    Ok(out)
}

/// Writes an entry. Concerns, questions and thanks are e-mailed at once to
/// those who want that (in the same transaction as the entry).
pub async fn write(
    ctx: &Ctx<'_>,
    circle: &CircleId,
    input: &WriteEntry,
    files: Vec<Upload>,
    idem: Option<&IdempotencyKey>,
) -> Result<String> {
    let cap = ctx.can::<act::WriteLogbook>(circle, what(Operation::Create, "entry.create", "circle", circle)).await?;
    let mut v = Validator::new();
    let kind = EntryKind::parse(&input.kind);
    if kind.is_none() {
        v.push("kind", "kind-invalid");
    }
    let audience = Audience::parse(&input.audience);
    if audience.is_none() {
        v.push("audience", "audience-invalid");
    }
    let card = match input.card.trim() {
        "" => None,
        raw => {
            let card = Card::parse(raw);
            if card.is_none() {
                v.push("card", "card-invalid");
            }
            card
        }
    };
    let goal = Some(input.goal.trim()).filter(|g| !g.is_empty()).map(str::to_owned);
    v.finish()?;
    if let Some(goal) = &goal {
        // Progress may only be written about a goal the writer can read.
        let view = cap.also::<act::ViewAboutClient>().ok_or(Error::Forbidden)?;
        if !ctx.state.store.goals(&view, None).await?.iter().any(|g| &g.id == goal) {
            return Err(Error::field("goal", "goal-not-found"));
        }
    }
    let (Some(kind), Some(audience)) = (kind, audience) else {
        return Err(Error::internal("validated fields missing"));
    };
    let chosen = if audience == Audience::Chosen { member_ids(&input.chosen) } else { Vec::new() };
    let recipients = if kind == EntryKind::Thanks { member_ids(&input.recipients) } else { Vec::new() };
    // Like the recipients, a picture belongs to a thank-you only: a form that
    // switched kind after one was picked still sends it, hidden.
    let card = if kind == EntryKind::Thanks { card } else { None };
    let body = logbook::body("body", &input.body, logbook::MAX_BODY, !files.is_empty())
        .map_err(|e| Error::Validation(vec![e]))?;
    let new = NewEntry { kind, audience, chosen, recipients, body, card, goal };
    let view = cap.also::<act::ViewMembers>().ok_or(Error::Forbidden)?;
    let members = ctx.state.store.members(&view, ctx.now).await?;
    let ids: Vec<MemberId> = members.iter().map(|m| m.id.clone()).collect();
    new.validate(&ids, !files.is_empty())?;
    let prepared = prepare_files(files).await?;
    let id = uuid::Uuid::now_v7().to_string();
    let mails = if kind.notifies_immediately() {
        let circle_info = cap.also::<act::ViewCircle>().ok_or(Error::Forbidden)?.circle().clone();
        let people = ctx.state.store.notification_recipients(&cap, ctx.now).await?;
        let person = |id: &MemberId| {
            members.iter().find(|m| &m.id == id).map(|m| logbook::Person {
                member_id: m.id.clone(),
                name: m.display_name.clone(),
                role: m.role,
            })
        };
        let draft = Entry {
            id: id.clone(),
            circle_id: circle.clone(),
            kind,
            audience,
            chosen: new.chosen.iter().filter_map(person).collect(),
            recipients: new.recipients.iter().filter_map(person).collect(),
            author: logbook::Person {
                member_id: cap.member_id().clone(),
                name: ctx.user.display_name().to_owned(),
                role: cap.role(),
            },
            body: new.body.clone(),
            created_at: ctx.now,
            edited_at: None,
            revision: 1,
            deleted: None,
            status: logbook::Status::None,
            closed: None,
            reply_count: 0,
            attachments: Vec::new(),
            reactions: Vec::new(),
            seen_by_me: true,
            card,
        };
        let link = ctx.state.config.link(&format!("/circles/{circle}/logbook/{id}"));
        notify::about_entry(ctx.state, &circle_info.client_name, &draft, &link, &people, ctx.now)
    } else {
        Vec::new()
    };
    let (id, _) = ctx.state.store.create_entry(&cap, &id, &new, &prepared, &mails, idem, ctx.now).await?;
    if !mails.is_empty() {
        ctx.state.jobs_waiting.notify_one();
    }
    Ok(id)
}

/// What the writing form needs: the circle's members, to choose an
/// audience or whom to thank.
pub async fn compose(ctx: &Ctx<'_>, circle: &CircleId) -> Result<InCircle<Vec<samenspel_core::member::Member>>> {
    let cap = ctx.can::<act::WriteLogbook>(circle, what(Operation::Read, "members.list", "circle", circle)).await?;
    let view = cap.also::<act::ViewMembers>().ok_or(Error::Forbidden)?;
    let members = ctx.state.store.members(&view, ctx.now).await?;
    in_circle(&cap, members)
}

/// A page of the timeline, and the cursor of the next page.
#[derive(Debug)]
pub struct Page {
    pub entries: Vec<Entry>,
    pub next: Option<Cursor>,
}

/// The timeline (or a search), newest first. What is shown counts as seen.
pub async fn timeline(
    ctx: &Ctx<'_>,
    circle: &CircleId,
    filter: &EntryFilter,
    search: Option<&str>,
) -> Result<InCircle<Page>> {
    let action = if search.is_some() { "logbook.search" } else { "logbook.list" };
    let cap = ctx.can::<act::ReadLogbook>(circle, what(Operation::Read, action, "circle", circle)).await?;
    let page = match search.map(str::trim).filter(|q| !q.is_empty()) {
        Some(q) => Page { entries: ctx.state.store.search_entries(&cap, q, 50).await?, next: None },
        None => {
            let mut entries = ctx.state.store.entries(&cap, filter, PAGE + 1).await?;
            let next = (entries.len() as i64 > PAGE).then(|| {
                entries.truncate(PAGE as usize);
                entries.last().map(|e| Cursor { created_at: e.created_at.as_millisecond(), id: e.id.clone() })
            });
            Page { entries, next: next.flatten() }
        }
    };
    let shown: Vec<String> =
        page.entries.iter().filter(|e| e.deleted.is_none() && !e.seen_by_me).map(|e| e.id.clone()).collect();
    ctx.state.store.mark_seen(&cap, &shown, ctx.now).await?;
    in_circle(&cap, page)
}

/// One entry with everything around it, and what the reader may do with it.
#[derive(Debug)]
pub struct EntryView {
    pub entry: Entry,
    pub replies: Vec<Reply>,
    pub seen_by: SeenBy,
    pub can_write: bool,
    pub can_edit: bool,
    pub can_delete: bool,
    pub can_close: bool,
    pub can_moderate: bool,
}

pub async fn view(ctx: &Ctx<'_>, circle: &CircleId, id: &str) -> Result<InCircle<EntryView>> {
    let cap = ctx.can::<act::ReadLogbook>(circle, what(Operation::Read, "entry.view", "entry", id)).await?;
    let store = &ctx.state.store;
    let entry = store.entry(&cap, id).await?;
    let replies = store.replies(&cap, id).await?;
    let seen_by = store.seen_by(&cap, &entry, ctx.now).await?;
    if !entry.seen_by_me && entry.deleted.is_none() {
        store.mark_seen(&cap, std::slice::from_ref(&entry.id), ctx.now).await?;
    }
    let place = cap.place();
    let mine = entry.author.member_id == place.member_id;
    let can_write = cap.also::<act::WriteLogbook>().is_some() && entry.deleted.is_none();
    let can_moderate = cap.also::<act::ModerateLogbook>().is_some();
    let view = EntryView {
        can_edit: can_write && mine,
        can_delete: can_write && (mine || can_moderate),
        can_close: can_write && entry.status.unresolved() && may_close_entry(place.role, place.manager, mine),
        can_moderate,
        can_write,
        entry,
        replies,
        seen_by,
    };
    in_circle(&cap, view)
}

pub async fn history(ctx: &Ctx<'_>, circle: &CircleId, id: &str) -> Result<InCircle<(Entry, Vec<Revision>)>> {
    let cap = ctx.can::<act::ReadLogbook>(circle, what(Operation::Read, "entry.history", "entry", id)).await?;
    let entry = ctx.state.store.entry(&cap, id).await?;
    let revisions = ctx.state.store.revisions(&cap, id).await?;
    in_circle(&cap, (entry, revisions))
}

pub async fn edit(ctx: &Ctx<'_>, circle: &CircleId, id: &str, body: &str) -> Result<()> {
    let cap = ctx.can::<act::WriteLogbook>(circle, what(Operation::Update, "entry.edit", "entry", id)).await?;
    let read = cap.also::<act::ReadLogbook>().ok_or(Error::Forbidden)?;
    let entry = ctx.state.store.entry(&read, id).await?;
    let text = logbook::body("body", body, logbook::MAX_BODY, !entry.attachments.is_empty())
        .map_err(|e| Error::Validation(vec![e]))?;
    ctx.state.store.edit_entry(&cap, id, &text, ctx.now).await
}

pub async fn delete(ctx: &Ctx<'_>, circle: &CircleId, id: &str) -> Result<()> {
    let cap = ctx.can::<act::WriteLogbook>(circle, what(Operation::Delete, "entry.delete", "entry", id)).await?;
    let read = cap.also::<act::ReadLogbook>().ok_or(Error::Forbidden)?;
    ctx.state.store.entry(&read, id).await?;
    ctx.state.store.delete_entry(&cap, id, ctx.now).await
}

pub async fn close(ctx: &Ctx<'_>, circle: &CircleId, id: &str) -> Result<()> {
    let cap = ctx.can::<act::WriteLogbook>(circle, what(Operation::Update, "entry.close", "entry", id)).await?;
    let read = cap.also::<act::ReadLogbook>().ok_or(Error::Forbidden)?;
    ctx.state.store.entry(&read, id).await?;
    ctx.state.store.close_entry(&cap, id, ctx.now).await
}

/// Replies to an entry; the writer of a concern or question hears at once.
pub async fn reply(ctx: &Ctx<'_>, circle: &CircleId, id: &str, body: &str) -> Result<String> {
    let cap = ctx.can::<act::WriteLogbook>(circle, what(Operation::Create, "reply.create", "entry", id)).await?;
    let text = logbook::body("body", body, logbook::MAX_REPLY, false).map_err(|e| Error::Validation(vec![e]))?;
    let read = cap.also::<act::ReadLogbook>().ok_or(Error::Forbidden)?;
    let entry = ctx.state.store.entry(&read, id).await?;
    let mails = if entry.kind.stays_open() && entry.author.member_id != *cap.member_id() {
        let circle_info = cap.also::<act::ViewCircle>().ok_or(Error::Forbidden)?.circle().clone();
        let people = ctx.state.store.notification_recipients(&cap, ctx.now).await?;
        let link = ctx.state.config.link(&format!("/circles/{circle}/logbook/{id}"));
        notify::about_reply(
            ctx.state,
            &circle_info.client_name,
            &entry,
            ctx.user.display_name(),
            &text,
            &link,
            &people,
            ctx.now,
        )
    } else {
        Vec::new()
    };
    let reply = ctx.state.store.add_reply(&cap, id, &text, &mails, ctx.now).await?;
    if !mails.is_empty() {
        ctx.state.jobs_waiting.notify_one();
    }
    Ok(reply)
}

pub async fn delete_reply(ctx: &Ctx<'_>, circle: &CircleId, id: &str, reply: &str) -> Result<()> {
    let cap = ctx.can::<act::WriteLogbook>(circle, what(Operation::Delete, "reply.delete", "reply", reply)).await?;
    let read = cap.also::<act::ReadLogbook>().ok_or(Error::Forbidden)?;
    ctx.state.store.entry(&read, id).await?;
    ctx.state.store.delete_reply(&cap, id, reply, ctx.now).await
}

pub async fn react(ctx: &Ctx<'_>, circle: &CircleId, id: &str, reaction: &str, on: bool) -> Result<()> {
    let cap = ctx.can::<act::WriteLogbook>(circle, what(Operation::Update, "reaction.set", "entry", id)).await?;
    // Checked after the capability: an outsider hears "not found", whatever was sent.
    let reaction = Reaction::parse(reaction).ok_or(Error::field("reaction", "reaction-invalid"))?;
    ctx.state.store.set_reaction(&cap, id, reaction, on, ctx.now).await
}

pub async fn file(ctx: &Ctx<'_>, circle: &CircleId, entry: &str, attachment: &str, thumb: bool) -> Result<FileData> {
    let cap = ctx.can::<act::ReadLogbook>(circle, what(Operation::Read, "file.view", "attachment", attachment)).await?;
    ctx.state.store.attachment(&cap, entry, attachment, thumb).await
}

/// Adds files to one's own entry (the API sends them one at a time).
pub async fn add_files(ctx: &Ctx<'_>, circle: &CircleId, entry: &str, files: Vec<Upload>) -> Result<Vec<String>> {
    let cap = ctx.can::<act::WriteLogbook>(circle, what(Operation::Create, "file.add", "entry", entry)).await?;
    let prepared = prepare_files(files).await?;
    ctx.state.store.add_attachments(&cap, entry, &prepared, ctx.now).await
}

/// Reads `?before=` / `cursor` for the next page; a bad value is a clear error.
pub fn parse_cursor(raw: Option<&str>) -> Result<Option<Cursor>> {
    match raw.filter(|r| !r.is_empty()) {
        None => Ok(None),
        Some(r) => {
            Cursor::decode(r).map(Some).ok_or(Error::Validation(vec![FieldError::new("cursor", "cursor-invalid")]))
        }
    }
}
