//! The logbook: entries, replies, reactions, read receipts and attachments.
//!
//! Every query that reads entries puts the reader's audience in its `WHERE`
//! clause, with the same four parameters in every statement: `$1` the
//! circle, `$2` the reading member, `$3` whether they see professionals-only
//! entries, `$4` whether they see informal-only entries. Counts, pages,
//! search and digests therefore agree with what the reader may see.

use crate::access::{Can, MemberLink};
use crate::db::{Store, Tx, db_err, ms, on_tx, read, ts, ts_opt};
use crate::idempotency::{IdempotencyKey, earlier_result, remember};
use crate::jobs::{NewJob, enqueue};
use samenspel_core::access::{act, may_close_entry};
use samenspel_core::audience::{Audience, AudienceScope};
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::logbook::{
    AttachmentInfo, AttachmentKind, Card, Cursor, Entry, EntryKind, NewEntry, Person, Reaction, ReactionCount, Reply,
    Revision, SeenBy, Stamp, Status,
};
use samenspel_core::role::Role;
use samenspel_core::{Error, Result, Timestamp};
use sqlx::Row;
use std::collections::HashMap;

/// Who may see an entry `e`, for the reader in `$2`–`$4` (see the module doc).
/// `$3 AND $4` holds exactly for the client and the representative, who read
/// every entry about the client, also one for chosen members without them
/// (`AudienceScope::reads_everything`).
macro_rules! visible {
    () => {
        "(e.audience = 'circle' OR e.author_member_id = $2 \
          OR (e.audience = 'professionals' AND $3) OR (e.audience = 'informal' AND $4) \
          OR (e.audience = 'chosen' AND (($3 AND $4) \
              OR EXISTS (SELECT 1 FROM entry_audience a WHERE a.entry_id = e.id AND a.member_id = $2))))"
    };
}

/// Entries the reader (`$2`) has not seen and did not write, written at or
/// after the placeholder given (the reader's floor, see `Store::unread_floor`).
/// "Not seen" is a count per entry rather than `NOT EXISTS`: PostgreSQL turns
/// the latter into a join that reads all of the reader's receipts, while only
/// the few entries after the floor need looking up.
macro_rules! unseen {
    ($floor:literal) => {
        concat!(
            "e.deleted_at IS NULL AND e.author_member_id <> $2 AND e.created_at >= ",
            $floor,
            " AND (SELECT COUNT(*) FROM entry_reads r WHERE r.entry_id = e.id AND r.member_id = $2) = 0"
        )
    };
}

/// [`unseen`] with the floor's placeholder chosen at run time.
fn unseen_sql(floor: &str) -> String {
    unseen!("{floor}").replace("{floor}", floor)
}

/// A value bound to a statement built at run time.
enum Arg {
    Int(i64),
    Text(String),
}

/// How long an entry can be new: older ones are history, never "new for you",
/// however long someone stayed away. This also bounds what counting costs.
pub const NEW_FOR_DAYS: i64 = 90;

/// How far behind the present the "caught up" mark stays, so that an entry
/// whose transaction was still open when the mark moved is not skipped.
const CAUGHT_UP_MARGIN_MS: i64 = 5 * 60 * 1000;

/// The columns of an entry with its author, remover and closer, and whether
/// the reader (`$2`) has seen it (writers have always seen their own).
macro_rules! entry_columns {
    () => {
        "e.id, e.kind, e.audience, e.author_member_id, \
         (SELECT u.display_name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.id = e.author_member_id), \
         (SELECT m.role FROM memberships m WHERE m.id = e.author_member_id), \
         e.body, e.created_at, e.edited_at, e.revision, e.deleted_at, \
         (SELECT u.display_name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.id = e.deleted_by), \
         e.status, e.closed_at, \
         (SELECT u.display_name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.id = e.closed_by), \
         e.reply_count, \
         CASE WHEN e.author_member_id = $2 THEN 1 ELSE (SELECT COUNT(*) FROM entry_reads r WHERE r.entry_id = e.id AND r.member_id = $2) END, \
         e.card "
    };
}

/// An entry query over `entries e`. The names come from subqueries rather
/// than joins: PostgreSQL plans a seven-table join in about a millisecond,
/// four times what the query itself takes for a page of twenty.
macro_rules! entry_select {
    () => {
        concat!("SELECT ", entry_columns!(), "FROM entries e ")
    };
}

/// An attachment as handed to the store: already checked and re-encoded.
#[derive(Clone, Debug)]
pub struct NewAttachment {
    pub kind: AttachmentKind,
    pub content_type: String,
    pub file_name: String,
    pub full: Vec<u8>,
    pub thumb: Option<Vec<u8>>,
    pub width: Option<i64>,
    pub height: Option<i64>,
}

/// What to list.
#[derive(Clone, Debug, Default)]
pub struct EntryFilter {
    pub kind: Option<EntryKind>,
    /// Only concerns and questions that are open or answered.
    pub unresolved_only: bool,
    /// Only entries the reader has not seen (and did not write) that are
    /// still new at this moment (see [`NEW_FOR_DAYS`]).
    pub unread_as_of: Option<Timestamp>,
    /// Only entries written at or after this time.
    pub since: Option<Timestamp>,
    /// Leave out the reader's own entries.
    pub exclude_mine: bool,
    /// Only thank-yous addressed to this member (and not removed).
    pub thanked: Option<MemberId>,
    /// Older than this position (the next page).
    pub before: Option<Cursor>,
}

/// A file to serve.
#[derive(Clone, Debug)]
pub struct FileData {
    pub content_type: String,
    pub file_name: String,
    pub kind: AttachmentKind,
    pub data: Vec<u8>,
}

/// Someone who may get a notification about an entry.
#[derive(Clone, Debug)]
pub struct Recipient {
    pub member_id: MemberId,
    pub role: Role,
    pub email: String,
    pub name: String,
    pub locale: samenspel_core::locale::Locale,
    pub settings: NotificationSettings,
}

/// How a member wants to hear about the logbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotificationSettings {
    /// E-mail at once about concerns, questions and thanks to me.
    pub immediate: bool,
    pub digest: Digest,
    /// Quiet hours, minutes after local midnight: no immediate mail from..until.
    pub quiet: Option<(i64, i64)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Digest {
    Off,
    Daily,
    Weekly,
}

impl Digest {
    pub fn as_str(self) -> &'static str {
        match self {
            Digest::Off => "off",
            Digest::Daily => "daily",
            Digest::Weekly => "weekly",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Digest::Off, Digest::Daily, Digest::Weekly].into_iter().find(|d| d.as_str() == raw)
    }
}

impl Default for NotificationSettings {
    /// At once for what concerns me, a weekly summary, quiet from 22:00 to 07:00.
    fn default() -> Self {
        NotificationSettings { immediate: true, digest: Digest::Weekly, quiet: Some((22 * 60, 7 * 60)) }
    }
}

fn scope<A>(cap: &Can<A>) -> AudienceScope {
    cap.audience()
}

fn role(raw: &str) -> Result<Role> {
    Role::parse(raw).ok_or_else(|| Error::internal(format!("unknown role {raw:?}")))
}

/// Numbered placeholders `$start, $start+1, …` for `n` values.
fn placeholders(start: usize, n: usize) -> String {
    (start..start + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// The columns of [`entry_select!`], before the related rows are attached.
struct EntryRow {
    id: String,
    kind: String,
    audience: String,
    author_member_id: String,
    author_name: String,
    author_role: String,
    body: String,
    created_at: i64,
    edited_at: Option<i64>,
    revision: i64,
    deleted_at: Option<i64>,
    deleted_by: Option<String>,
    status: String,
    closed_at: Option<i64>,
    closed_by: Option<String>,
    reply_count: i64,
    seen: i64,
    card: Option<String>,
}

macro_rules! entry_row {
    ($row:expr) => {{
        let r = $row;
        Ok::<EntryRow, sqlx::Error>(EntryRow {
            id: r.try_get(0)?,
            kind: r.try_get(1)?,
            audience: r.try_get(2)?,
            author_member_id: r.try_get(3)?,
            author_name: r.try_get(4)?,
            author_role: r.try_get(5)?,
            body: r.try_get(6)?,
            created_at: r.try_get(7)?,
            edited_at: r.try_get(8)?,
            revision: r.try_get(9)?,
            deleted_at: r.try_get(10)?,
            deleted_by: r.try_get(11)?,
            status: r.try_get(12)?,
            closed_at: r.try_get(13)?,
            closed_by: r.try_get(14)?,
            reply_count: r.try_get(15)?,
            seen: r.try_get(16)?,
            card: r.try_get(17)?,
        })
    }};
}

impl EntryRow {
    fn into_entry(self, circle: &CircleId) -> Result<Entry> {
        let deleted = self.deleted_at.map(|at| Stamp { by: self.deleted_by.clone().unwrap_or_default(), at: ts(at) });
        Ok(Entry {
            kind: EntryKind::parse(&self.kind)
                .ok_or_else(|| Error::internal(format!("unknown kind {:?}", self.kind)))?,
            audience: Audience::parse(&self.audience).ok_or_else(|| Error::internal("unknown audience"))?,
            chosen: Vec::new(),
            recipients: Vec::new(),
            author: Person {
                member_id: MemberId::from_db(self.author_member_id),
                name: self.author_name,
                role: role(&self.author_role)?,
            },
            // A tombstone keeps nothing of what was written.
            body: if deleted.is_some() { String::new() } else { self.body },
            created_at: ts(self.created_at),
            edited_at: ts_opt(self.edited_at),
            revision: self.revision,
            status: Status::parse(&self.status).unwrap_or(Status::None),
            closed: self.closed_at.map(|at| Stamp { by: self.closed_by.unwrap_or_default(), at: ts(at) }),
            deleted,
            reply_count: self.reply_count,
            attachments: Vec::new(),
            reactions: Vec::new(),
            seen_by_me: self.seen > 0,
            card: self.card.as_deref().and_then(Card::parse),
            circle_id: circle.clone(),
            id: self.id,
        })
    }
}

impl Store {
    /// Writes an entry (with the id the caller chose, so e-mails can link to
    /// it) with its audience, recipients, files, search text and
    /// notification e-mails, all in one transaction. A retried request with
    /// the same key returns the first entry's id and `false`.
    pub async fn create_entry(
        &self,
        cap: &Can<act::WriteLogbook>,
        id: &str,
        new: &NewEntry,
        files: &[NewAttachment],
        mails: &[NewJob],
        idem: Option<&IdempotencyKey>,
        now: Timestamp,
    ) -> Result<(String, bool)> {
        let mut tx = self.begin().await?;
        if let Some(earlier) = earlier_result(&mut tx, cap.user_id(), idem).await? {
            return Ok((earlier, false));
        }
        let status = if new.kind.stays_open() { Status::Open } else { Status::None };
        on_tx!(&mut tx, |c| sqlx::query(
            "INSERT INTO entries (id, circle_id, author_member_id, kind, audience, body, created_at, status, card) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
        )
        .bind(id)
        .bind(cap.circle_id().as_str())
        .bind(cap.member_id().as_str())
        .bind(new.kind.as_str())
        .bind(new.audience.as_str())
        .bind(&new.body)
        .bind(ms(now))
        .bind(status.as_str())
        .bind(new.card.map(Card::as_str))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        if let Some(goal) = &new.goal {
            crate::about::link_goal_progress(&mut tx, cap.circle_id().as_str(), goal, id).await?;
        }
        for member in &new.chosen {
            insert_pair(&mut tx, "INSERT INTO entry_audience (entry_id, member_id) VALUES ($1, $2)", id, member)
                .await?;
        }
        for member in &new.recipients {
            insert_pair(&mut tx, "INSERT INTO entry_recipients (entry_id, member_id) VALUES ($1, $2)", id, member)
                .await?;
        }
        for (position, f) in files.iter().enumerate() {
            insert_attachment(&mut tx, id, position as i64, f, now).await?;
        }
        index_for_search(&mut tx, cap.circle_id(), id, &new.body).await?;
        for job in mails {
            enqueue(&mut tx, job, now).await?;
        }
        remember(&mut tx, cap.user_id(), idem, id, now).await?;
        tx.commit().await?;
        Ok((id.to_owned(), true))
    }

    /// A page of the timeline, newest first, as the reader may see it.
    pub async fn entries(&self, cap: &Can<act::ReadLogbook>, filter: &EntryFilter, limit: i64) -> Result<Vec<Entry>> {
        let s = scope(cap);
        let (before_at, before_id) = match &filter.before {
            Some(c) => (c.created_at, c.id.clone()),
            None => (i64::MAX, "~".to_owned()),
        };
        let mut since = filter.since.map(ms);
        if let Some(now) = filter.unread_as_of {
            since = Some(since.unwrap_or(i64::MIN).max(self.unread_floor(cap, now).await?));
        }
        // Only the conditions that apply go into the statement, as literals
        // where they can be: each combination gets a plan of its own (the
        // open items use their partial index), never one plan for all.
        let mut sql = String::from(concat!(
            entry_select!(),
            "WHERE e.circle_id = $1 AND ",
            visible!(),
            " AND (e.created_at, e.id) < ($5, $6)"
        ));
        let mut args: Vec<Arg> = Vec::new();
        let mut next = |arg: Arg| {
            args.push(arg);
            format!("${}", 6 + args.len())
        };
        if let Some(kind) = filter.kind {
            sql.push_str(&format!(" AND e.kind = {}", next(Arg::Text(kind.as_str().to_owned()))));
        }
        if filter.unresolved_only {
            sql.push_str(" AND e.status IN ('open', 'answered') AND e.deleted_at IS NULL");
        }
        if let Some(since) = since {
            let p = next(Arg::Int(since));
            if filter.unread_as_of.is_some() {
                sql.push_str(&format!(" AND {}", unseen_sql(&p)));
            } else {
                sql.push_str(&format!(" AND e.created_at >= {p}"));
            }
        }
        if filter.exclude_mine {
            sql.push_str(" AND e.author_member_id <> $2");
        }
        if let Some(member) = &filter.thanked {
            let p = next(Arg::Text(member.as_str().to_owned()));
            sql.push_str(&format!(
                " AND e.kind = 'thanks' AND e.deleted_at IS NULL \
                 AND EXISTS (SELECT 1 FROM entry_recipients r WHERE r.entry_id = e.id AND r.member_id = {p})"
            ));
        }
        let limit_at = next(Arg::Int(limit));
        sql.push_str(&format!(" ORDER BY e.created_at DESC, e.id DESC LIMIT {limit_at}"));
        let rows: Vec<EntryRow> = read!(self, |db| {
            let mut q = sqlx::query(&sql)
                .bind(cap.circle_id().as_str())
                .bind(s.member_id.as_str())
                .bind(s.sees_professionals)
                .bind(s.sees_informal)
                .bind(before_at)
                .bind(&before_id);
            for a in &args {
                q = match a {
                    Arg::Int(v) => q.bind(*v),
                    Arg::Text(v) => q.bind(v.as_str()),
                };
            }
            let rows = q.fetch_all(db).await;
            rows.and_then(|rows| rows.iter().map(|r| entry_row!(r)).collect::<Result<Vec<_>, sqlx::Error>>())
        })
        .map_err(db_err)?;
        let mut entries = rows.into_iter().map(|r| r.into_entry(cap.circle_id())).collect::<Result<Vec<_>>>()?;
        self.attach_related(cap.member_id(), &mut entries).await?;
        Ok(entries)
    }

    /// Entries matching a search, newest first, as the reader may see them.
    /// SQLite searches an FTS5 index (accents folded, words as prefixes);
    /// PostgreSQL uses its Dutch text-search configuration (with stemming).
    pub async fn search_entries(&self, cap: &Can<act::ReadLogbook>, query: &str, limit: i64) -> Result<Vec<Entry>> {
        let s = scope(cap);
        let fts = fts_query(query);
        if fts.is_empty() {
            return Ok(Vec::new());
        }
        // The index holds each entry's circle as a word of its own, so it
        // finds this circle's matches without touching other circles', and
        // walks them newest first (index keys follow the order of writing),
        // stopping at `limit`: a rare word and a common one cost alike.
        let sql_sqlite = concat!(
            "SELECT ",
            entry_columns!(),
            "FROM entries_fts f CROSS JOIN entries_fts_rows x ON x.id = f.rowid CROSS JOIN entries e ON e.id = x.entry_id \
             WHERE entries_fts MATCH $5 AND e.circle_id = $1 AND ",
            visible!(),
            " AND e.deleted_at IS NULL ORDER BY f.rowid DESC LIMIT $6"
        );
        let sql_postgres = concat!(
            entry_select!(),
            "WHERE e.circle_id = $1 AND ",
            visible!(),
            " AND e.deleted_at IS NULL AND to_tsvector('dutch', e.body) @@ websearch_to_tsquery('dutch', $5) \
             ORDER BY e.created_at DESC, e.id DESC LIMIT $6"
        );
        let rows: Vec<EntryRow> = match &*self.pools {
            crate::db::Pools::Sqlite { read, .. } => {
                let rows = sqlx::query(sql_sqlite)
                    .bind(cap.circle_id().as_str())
                    .bind(s.member_id.as_str())
                    .bind(s.sees_professionals)
                    .bind(s.sees_informal)
                    .bind(format!("circle : {} AND body : ({fts})", circle_token(cap.circle_id())))
                    .bind(limit)
                    .fetch_all(read)
                    .await
                    .map_err(db_err)?;
                rows.iter().map(|r| entry_row!(r)).collect::<Result<Vec<_>, sqlx::Error>>().map_err(db_err)?
            }
            crate::db::Pools::Postgres { pool } => {
                let rows = sqlx::query(sql_postgres)
                    .bind(cap.circle_id().as_str())
                    .bind(s.member_id.as_str())
                    .bind(s.sees_professionals)
                    .bind(s.sees_informal)
                    .bind(query.trim())
                    .bind(limit)
                    .fetch_all(pool)
                    .await
                    .map_err(db_err)?;
                rows.iter().map(|r| entry_row!(r)).collect::<Result<Vec<_>, sqlx::Error>>().map_err(db_err)?
            }
        };
        let mut rows = rows;
        // Newest first by time on both engines (SQLite's index order can differ by moments).
        rows.sort_by(|a, b| (b.created_at, &b.id).cmp(&(a.created_at, &a.id)));
        let mut entries = rows.into_iter().map(|r| r.into_entry(cap.circle_id())).collect::<Result<Vec<_>>>()?;
        self.attach_related(cap.member_id(), &mut entries).await?;
        Ok(entries)
    }

    /// One entry, if the reader may see it; otherwise "not found".
    pub async fn entry(&self, cap: &Can<act::ReadLogbook>, id: &str) -> Result<Entry> {
        let s = scope(cap);
        let sql = concat!(entry_select!(), "WHERE e.circle_id = $1 AND ", visible!(), " AND e.id = $5");
        let row: Option<EntryRow> = read!(self, |db| {
            let row = sqlx::query(sql)
                .bind(cap.circle_id().as_str())
                .bind(s.member_id.as_str())
                .bind(s.sees_professionals)
                .bind(s.sees_informal)
                .bind(id)
                .fetch_optional(db)
                .await;
            row.and_then(|r| r.as_ref().map(|r| entry_row!(r)).transpose())
        })
        .map_err(db_err)?;
        let mut entries = vec![row.ok_or(Error::NotFound)?.into_entry(cap.circle_id())?];
        self.attach_related(cap.member_id(), &mut entries).await?;
        entries.pop().ok_or(Error::NotFound)
    }

    /// How many entries the reader has not seen, up to `cap_at`.
    pub async fn unread_count(&self, cap: &Can<act::ReadLogbook>, cap_at: i64, now: Timestamp) -> Result<i64> {
        let s = scope(cap);
        let floor = self.unread_floor(cap, now).await?;
        let sql = concat!(
            "SELECT COUNT(*) FROM (SELECT e.id FROM entries e WHERE e.circle_id = $1 AND ",
            visible!(),
            " AND ",
            unseen!("$5"),
            " LIMIT $6) unread"
        );
        let (n,): (i64,) = read!(self, |db| sqlx::query_as(sql)
            .bind(cap.circle_id().as_str())
            .bind(s.member_id.as_str())
            .bind(s.sees_professionals)
            .bind(s.sees_informal)
            .bind(floor)
            .bind(cap_at)
            .fetch_one(db)
            .await)
        .map_err(db_err)?;
        Ok(n)
    }

    /// Where "new for you" starts: the latest of when the reader joined,
    /// where they had caught up, and [`NEW_FOR_DAYS`] ago.
    async fn unread_floor(&self, cap: &Can<act::ReadLogbook>, now: Timestamp) -> Result<i64> {
        let (joined, caught_up): (i64, Option<i64>) = read!(self, |db| sqlx::query_as(
            "SELECT m.joined_at, p.caught_up_at FROM memberships m \
             LEFT JOIN logbook_progress p ON p.member_id = m.id WHERE m.id = $1"
        )
        .bind(cap.member_id().as_str())
        .fetch_one(db)
        .await)
        .map_err(db_err)?;
        let window = ms(now) - NEW_FOR_DAYS * 24 * 3600 * 1000;
        Ok(joined.max(caught_up.unwrap_or(i64::MIN)).max(window))
    }

    /// Records that the reader has seen these entries (ids of other circles
    /// are ignored). The first time counts; seeing again changes nothing.
    pub async fn mark_seen(&self, cap: &Can<act::ReadLogbook>, ids: &[String], now: Timestamp) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        // Read before the transaction: a read inside it would take a second
        // connection from the pool while holding one (PostgreSQL shares one pool).
        let floor = self.unread_floor(cap, now).await?;
        let mut tx = self.begin().await?;
        for chunk in ids.chunks(500) {
            let sql = format!(
                "INSERT INTO entry_reads (entry_id, member_id, read_at) SELECT e.id, $1, $2 FROM entries e \
                 WHERE e.circle_id = $3 AND e.id IN ({}) ON CONFLICT DO NOTHING",
                placeholders(4, chunk.len())
            );
            on_tx!(&mut tx, |c| {
                let mut q =
                    sqlx::query(&sql).bind(cap.member_id().as_str()).bind(ms(now)).bind(cap.circle_id().as_str());
                for id in chunk {
                    q = q.bind(id);
                }
                q.execute(c).await.map(|r| r.rows_affected())
            })
            .map_err(db_err)?;
        }
        // Move the reader's "caught up" mark to the oldest entry still unseen
        // (or close to now), so counting what is new need not look further back.
        let s = scope(cap);
        let sql = concat!(
            "SELECT e.created_at FROM entries e WHERE e.circle_id = $1 AND ",
            visible!(),
            " AND ",
            unseen!("$5"),
            " ORDER BY e.created_at LIMIT 1"
        );
        let oldest_unseen: Option<(i64,)> = on_tx!(&mut tx, |c| sqlx::query_as(sql)
            .bind(cap.circle_id().as_str())
            .bind(s.member_id.as_str())
            .bind(s.sees_professionals)
            .bind(s.sees_informal)
            .bind(floor)
            .fetch_optional(c)
            .await)
        .map_err(db_err)?;
        let recent = ms(now) - CAUGHT_UP_MARGIN_MS;
        let mark = oldest_unseen.map_or(recent, |(at,)| at.min(recent));
        if mark > floor {
            on_tx!(&mut tx, |c| sqlx::query(
                "INSERT INTO logbook_progress (member_id, caught_up_at) VALUES ($1, $2) \
                 ON CONFLICT (member_id) DO UPDATE SET caught_up_at = excluded.caught_up_at \
                 WHERE excluded.caught_up_at > logbook_progress.caught_up_at"
            )
            .bind(s.member_id.as_str())
            .bind(mark)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))
            .map_err(db_err)?;
        }
        tx.commit().await
    }

    /// Replies to an entry the reader may see, oldest first.
    pub async fn replies(&self, cap: &Can<act::ReadLogbook>, entry: &str) -> Result<Vec<Reply>> {
        let s = scope(cap);
        let sql = concat!(
            "SELECT p.id, p.author_member_id, u.display_name, m.role, p.body, p.created_at, p.deleted_at, du.display_name \
             FROM replies p JOIN entries e ON e.id = p.entry_id \
             JOIN memberships m ON m.id = p.author_member_id JOIN users u ON u.id = m.user_id \
             LEFT JOIN memberships dm ON dm.id = p.deleted_by LEFT JOIN users du ON du.id = dm.user_id \
             WHERE e.circle_id = $1 AND ",
            visible!(),
            " AND e.id = $5 ORDER BY p.created_at, p.id"
        );
        type Row = (String, String, String, String, String, i64, Option<i64>, Option<String>);
        let rows: Vec<Row> = read!(self, |db| sqlx::query_as(sql)
            .bind(cap.circle_id().as_str())
            .bind(s.member_id.as_str())
            .bind(s.sees_professionals)
            .bind(s.sees_informal)
            .bind(entry)
            .fetch_all(db)
            .await)
        .map_err(db_err)?;
        rows.into_iter()
            .map(|(id, member, name, r, body, created, deleted_at, deleted_by)| {
                let deleted = deleted_at.map(|at| Stamp { by: deleted_by.unwrap_or_default(), at: ts(at) });
                Ok(Reply {
                    id,
                    author: Person { member_id: MemberId::from_db(member), name, role: role(&r)? },
                    body: if deleted.is_some() { String::new() } else { body },
                    created_at: ts(created),
                    deleted,
                })
            })
            .collect()
    }

    /// Earlier versions of an entry the reader may see, newest first.
    pub async fn revisions(&self, cap: &Can<act::ReadLogbook>, entry: &str) -> Result<Vec<Revision>> {
        let s = scope(cap);
        let sql = concat!(
            "SELECT v.revision, v.body, v.written_at FROM entry_revisions v JOIN entries e ON e.id = v.entry_id \
             WHERE e.circle_id = $1 AND e.deleted_at IS NULL AND ",
            visible!(),
            " AND e.id = $5 ORDER BY v.revision DESC"
        );
        let rows: Vec<(i64, String, i64)> = read!(self, |db| sqlx::query_as(sql)
            .bind(cap.circle_id().as_str())
            .bind(s.member_id.as_str())
            .bind(s.sees_professionals)
            .bind(s.sees_informal)
            .bind(entry)
            .fetch_all(db)
            .await)
        .map_err(db_err)?;
        Ok(rows.into_iter().map(|(revision, body, at)| Revision { revision, body, written_at: ts(at) }).collect())
    }

    /// Who in the entry's audience has seen it, and who not yet.
    pub async fn seen_by(&self, cap: &Can<act::ReadLogbook>, entry: &Entry, now: Timestamp) -> Result<SeenBy> {
        let rows: Vec<(String, String, String, Option<i64>)> = read!(self, |db| sqlx::query_as(
            "SELECT m.id, u.display_name, m.role, r.read_at FROM memberships m JOIN users u ON u.id = m.user_id \
             LEFT JOIN entry_reads r ON r.member_id = m.id AND r.entry_id = $2 \
             WHERE m.circle_id = $1 AND m.ended_at IS NULL AND (m.access_until IS NULL OR m.access_until > $3) \
             ORDER BY u.display_name, m.id"
        )
        .bind(cap.circle_id().as_str())
        .bind(&entry.id)
        .bind(ms(now))
        .fetch_all(db)
        .await)
        .map_err(db_err)?;
        let chosen: Vec<MemberId> = entry.chosen.iter().map(|p| p.member_id.clone()).collect();
        let mut out = SeenBy { seen: Vec::new(), not_yet: Vec::new() };
        for (id, name, r, read_at) in rows {
            let member = MemberId::from_db(id);
            let role = role(&r)?;
            if member == entry.author.member_id {
                continue;
            }
            // Who read it, of those who may; who has not yet, of those it is addressed to.
            let scope = AudienceScope::for_role(member.clone(), role);
            let person = Person { member_id: member, name, role };
            match read_at {
                Some(at) if scope.can_see(entry.audience, &entry.author.member_id, &chosen) => {
                    out.seen.push((person, ts(at)))
                }
                None if scope.addressed(entry.audience, &entry.author.member_id, &chosen) => out.not_yet.push(person),
                _ => {}
            }
        }
        out.seen.sort_by_key(|(_, at)| *at);
        Ok(out)
    }

    /// Changes the text of one's own entry; the earlier text is kept.
    pub async fn edit_entry(&self, cap: &Can<act::WriteLogbook>, id: &str, body: &str, now: Timestamp) -> Result<()> {
        let mut tx = self.begin().await?;
        let row: Option<(String, String, i64, i64, Option<i64>, Option<i64>)> = on_tx!(&mut tx, |c| sqlx::query_as(
            "SELECT author_member_id, body, revision, created_at, edited_at, deleted_at FROM entries WHERE id = $1 AND circle_id = $2"
        )
        .bind(id)
        .bind(cap.circle_id().as_str())
        .fetch_optional(c)
        .await)
        .map_err(db_err)?;
        let (author, old, revision, created, edited, deleted) = row.ok_or(Error::NotFound)?;
        if deleted.is_some() {
            return Err(Error::NotFound);
        }
        if author != cap.member_id().as_str() {
            return Err(Error::Forbidden);
        }
        if old == body {
            return Ok(());
        }
        on_tx!(&mut tx, |c| sqlx::query(
            "INSERT INTO entry_revisions (entry_id, revision, body, written_at) VALUES ($1, $2, $3, $4)"
        )
        .bind(id)
        .bind(revision)
        .bind(&old)
        .bind(edited.unwrap_or(created))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        on_tx!(&mut tx, |c| sqlx::query(
            "UPDATE entries SET body = $2, edited_at = $3, revision = revision + 1 WHERE id = $1"
        )
        .bind(id)
        .bind(body)
        .bind(ms(now))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        index_for_search(&mut tx, cap.circle_id(), id, body).await?;
        tx.commit().await
    }

    /// Removes an entry, leaving a tombstone: its text, history and files are
    /// deleted; who removed it and when stay. The writer may remove their own
    /// entry; managers may remove any.
    pub async fn delete_entry(&self, cap: &Can<act::WriteLogbook>, id: &str, now: Timestamp) -> Result<()> {
        let mut tx = self.begin().await?;
        let author: Option<(String,)> = on_tx!(&mut tx, |c| sqlx::query_as(
            "SELECT author_member_id FROM entries WHERE id = $1 AND circle_id = $2 AND deleted_at IS NULL"
        )
        .bind(id)
        .bind(cap.circle_id().as_str())
        .fetch_optional(c)
        .await)
        .map_err(db_err)?;
        let (author,) = author.ok_or(Error::NotFound)?;
        if author != cap.member_id().as_str() && cap.also::<act::ModerateLogbook>().is_none() {
            return Err(Error::Forbidden);
        }
        on_tx!(&mut tx, |c| sqlx::query(
            "UPDATE entries SET deleted_at = $2, deleted_by = $3, body = '', status = CASE WHEN status = 'none' THEN 'none' ELSE 'closed' END WHERE id = $1"
        )
        .bind(id)
        .bind(ms(now))
        .bind(cap.member_id().as_str())
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        for sql in [
            "DELETE FROM entry_revisions WHERE entry_id = $1",
            "DELETE FROM attachment_data WHERE attachment_id IN (SELECT id FROM attachments WHERE entry_id = $1)",
            "DELETE FROM attachments WHERE entry_id = $1",
        ] {
            on_tx!(&mut tx, |c| sqlx::query(sql).bind(id).execute(c).await.map(|r| r.rows_affected()))
                .map_err(db_err)?;
        }
        unindex_for_search(&mut tx, id).await?;
        tx.commit().await
    }

    /// Closes an open concern or question, recording who closed it.
    pub async fn close_entry(&self, cap: &Can<act::WriteLogbook>, id: &str, now: Timestamp) -> Result<()> {
        let mut tx = self.begin().await?;
        let row: Option<(String, String)> = on_tx!(&mut tx, |c| sqlx::query_as(
            "SELECT author_member_id, status FROM entries WHERE id = $1 AND circle_id = $2 AND deleted_at IS NULL"
        )
        .bind(id)
        .bind(cap.circle_id().as_str())
        .fetch_optional(c)
        .await)
        .map_err(db_err)?;
        let (author, status) = row.ok_or(Error::NotFound)?;
        if !Status::parse(&status).is_some_and(Status::unresolved) {
            return Err(Error::Conflict("entry-not-open"));
        }
        if !may_close_entry(cap.role(), cap.manages(), author == cap.member_id().as_str()) {
            return Err(Error::Forbidden);
        }
        on_tx!(&mut tx, |c| sqlx::query(
            "UPDATE entries SET status = 'closed', closed_at = $2, closed_by = $3 WHERE id = $1"
        )
        .bind(id)
        .bind(ms(now))
        .bind(cap.member_id().as_str())
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        tx.commit().await
    }

    /// Adds a reply. A reply by someone other than the writer answers an
    /// open concern or question. The entry must be visible to the replier.
    pub async fn add_reply(
        &self,
        cap: &Can<act::WriteLogbook>,
        entry: &str,
        body: &str,
        mails: &[NewJob],
        now: Timestamp,
    ) -> Result<String> {
        let s = scope(cap);
        let mut tx = self.begin().await?;
        let sql = concat!(
            "SELECT e.author_member_id, e.status FROM entries e WHERE e.circle_id = $1 AND ",
            visible!(),
            " AND e.id = $5 AND e.deleted_at IS NULL"
        );
        let row: Option<(String, String)> = on_tx!(&mut tx, |c| sqlx::query_as(sql)
            .bind(cap.circle_id().as_str())
            .bind(s.member_id.as_str())
            .bind(s.sees_professionals)
            .bind(s.sees_informal)
            .bind(entry)
            .fetch_optional(c)
            .await)
        .map_err(db_err)?;
        let (author, status) = row.ok_or(Error::NotFound)?;
        let id = uuid::Uuid::now_v7().to_string();
        on_tx!(&mut tx, |c| sqlx::query(
            "INSERT INTO replies (id, entry_id, author_member_id, body, created_at) VALUES ($1, $2, $3, $4, $5)"
        )
        .bind(&id)
        .bind(entry)
        .bind(cap.member_id().as_str())
        .bind(body)
        .bind(ms(now))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        let answers = status == Status::Open.as_str() && author != cap.member_id().as_str();
        on_tx!(&mut tx, |c| sqlx::query(
            "UPDATE entries SET reply_count = reply_count + 1, \
             status = CASE WHEN $2 THEN 'answered' ELSE status END, answered_by = CASE WHEN $2 THEN $3 ELSE answered_by END WHERE id = $1"
        )
        .bind(entry)
        .bind(answers)
        .bind(cap.member_id().as_str())
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        // Replying means having seen the entry.
        on_tx!(&mut tx, |c| sqlx::query(
            "INSERT INTO entry_reads (entry_id, member_id, read_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING"
        )
        .bind(entry)
        .bind(cap.member_id().as_str())
        .bind(ms(now))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        for job in mails {
            enqueue(&mut tx, job, now).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Removes a reply (its writer, or a manager), leaving a tombstone.
    pub async fn delete_reply(
        &self,
        cap: &Can<act::WriteLogbook>,
        entry: &str,
        reply: &str,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let row: Option<(String,)> = on_tx!(&mut tx, |c| sqlx::query_as(
            "SELECT p.author_member_id FROM replies p JOIN entries e ON e.id = p.entry_id \
             WHERE p.id = $1 AND e.id = $2 AND e.circle_id = $3 AND p.deleted_at IS NULL"
        )
        .bind(reply)
        .bind(entry)
        .bind(cap.circle_id().as_str())
        .fetch_optional(c)
        .await)
        .map_err(db_err)?;
        let (author,) = row.ok_or(Error::NotFound)?;
        if author != cap.member_id().as_str() && cap.also::<act::ModerateLogbook>().is_none() {
            return Err(Error::Forbidden);
        }
        on_tx!(&mut tx, |c| sqlx::query(
            "UPDATE replies SET deleted_at = $2, deleted_by = $3, body = '' WHERE id = $1"
        )
        .bind(reply)
        .bind(ms(now))
        .bind(cap.member_id().as_str())
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        tx.commit().await
    }

    /// Adds (`on`) or takes back a reaction to an entry the reader may see.
    pub async fn set_reaction(
        &self,
        cap: &Can<act::WriteLogbook>,
        entry: &str,
        reaction: Reaction,
        on: bool,
        now: Timestamp,
    ) -> Result<()> {
        let s = scope(cap);
        let mut tx = self.begin().await?;
        let sql = concat!(
            "SELECT e.id FROM entries e WHERE e.circle_id = $1 AND ",
            visible!(),
            " AND e.id = $5 AND e.deleted_at IS NULL"
        );
        let found: Option<(String,)> = on_tx!(&mut tx, |c| sqlx::query_as(sql)
            .bind(cap.circle_id().as_str())
            .bind(s.member_id.as_str())
            .bind(s.sees_professionals)
            .bind(s.sees_informal)
            .bind(entry)
            .fetch_optional(c)
            .await)
        .map_err(db_err)?;
        found.ok_or(Error::NotFound)?;
        if on {
            on_tx!(&mut tx, |c| sqlx::query(
                "INSERT INTO reactions (entry_id, member_id, reaction, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING"
            )
            .bind(entry)
            .bind(cap.member_id().as_str())
            .bind(reaction.as_str())
            .bind(ms(now))
            .execute(c)
            .await
            .map(|r| r.rows_affected()))
            .map_err(db_err)?;
        } else {
            on_tx!(&mut tx, |c| sqlx::query(
                "DELETE FROM reactions WHERE entry_id = $1 AND member_id = $2 AND reaction = $3"
            )
            .bind(entry)
            .bind(cap.member_id().as_str())
            .bind(reaction.as_str())
            .execute(c)
            .await
            .map(|r| r.rows_affected()))
            .map_err(db_err)?;
        }
        tx.commit().await
    }

    /// The bytes of an attachment of an entry the reader may see.
    pub async fn attachment(
        &self,
        cap: &Can<act::ReadLogbook>,
        entry: &str,
        attachment: &str,
        thumb: bool,
    ) -> Result<FileData> {
        let s = scope(cap);
        let sql = concat!(
            "SELECT a.content_type, a.file_name, a.kind, d.data FROM attachments a JOIN entries e ON e.id = a.entry_id \
             JOIN attachment_data d ON d.attachment_id = a.id \
             WHERE e.circle_id = $1 AND ",
            visible!(),
            " AND e.id = $5 AND a.id = $6 AND e.deleted_at IS NULL \
              AND d.variant = CASE WHEN $7 AND a.kind = 'image' THEN 'thumb' ELSE 'full' END"
        );
        let row: Option<(String, String, String, Vec<u8>)> = read!(self, |db| sqlx::query_as(sql)
            .bind(cap.circle_id().as_str())
            .bind(s.member_id.as_str())
            .bind(s.sees_professionals)
            .bind(s.sees_informal)
            .bind(entry)
            .bind(attachment)
            .bind(thumb)
            .fetch_optional(db)
            .await)
        .map_err(db_err)?;
        let (content_type, file_name, kind, data) = row.ok_or(Error::NotFound)?;
        Ok(FileData {
            content_type,
            file_name,
            kind: if kind == "image" { AttachmentKind::Image } else { AttachmentKind::Pdf },
            data,
        })
    }

    /// Adds files to one's own entry (the API uploads them one by one).
    pub async fn add_attachments(
        &self,
        cap: &Can<act::WriteLogbook>,
        entry: &str,
        files: &[NewAttachment],
        now: Timestamp,
    ) -> Result<Vec<String>> {
        let mut tx = self.begin().await?;
        let row: Option<(String, i64)> = on_tx!(&mut tx, |c| {
            sqlx::query_as(
            "SELECT e.author_member_id, (SELECT COUNT(*) FROM attachments a WHERE a.entry_id = e.id) FROM entries e \
             WHERE e.id = $1 AND e.circle_id = $2 AND e.deleted_at IS NULL"
        )
        .bind(entry)
        .bind(cap.circle_id().as_str())
        .fetch_optional(c)
        .await
        })
        .map_err(db_err)?;
        let (author, count) = row.ok_or(Error::NotFound)?;
        if author != cap.member_id().as_str() {
            return Err(Error::Forbidden);
        }
        if count as usize + files.len() > MAX_FILES {
            return Err(Error::field("files", "too-many-files"));
        }
        let mut ids = Vec::new();
        for (i, f) in files.iter().enumerate() {
            ids.push(insert_attachment(&mut tx, entry, count + i as i64, f, now).await?);
        }
        tx.commit().await?;
        Ok(ids)
    }

    /// The circle's members with their e-mail details and notification
    /// settings, for deciding who hears about an entry.
    pub async fn notification_recipients<A>(&self, cap: &Can<A>, now: Timestamp) -> Result<Vec<Recipient>> {
        type Row = (String, String, String, String, String, Option<bool>, Option<String>, Option<i64>, Option<i64>);
        let rows: Vec<Row> = read!(self, |db| sqlx::query_as(
            "SELECT m.id, m.role, u.email, u.display_name, u.locale, n.immediate, n.digest, n.quiet_from, n.quiet_until \
             FROM memberships m JOIN users u ON u.id = m.user_id LEFT JOIN notification_settings n ON n.member_id = m.id \
             WHERE m.circle_id = $1 AND m.ended_at IS NULL AND (m.access_until IS NULL OR m.access_until > $2) AND u.disabled_at IS NULL"
        )
        .bind(cap.circle_id().as_str())
        .bind(ms(now))
        .fetch_all(db)
        .await)
        .map_err(db_err)?;
        rows.into_iter()
            .map(|(id, r, email, name, locale, immediate, digest, quiet_from, quiet_until)| {
                Ok(Recipient {
                    member_id: MemberId::from_db(id),
                    role: role(&r)?,
                    email,
                    name,
                    locale: samenspel_core::locale::Locale::parse(&locale).unwrap_or_default(),
                    settings: settings_from(immediate, digest, quiet_from, quiet_until),
                })
            })
            .collect()
    }

    /// My notification settings in this circle.
    pub async fn my_notification_settings<A>(&self, cap: &Can<A>) -> Result<NotificationSettings> {
        self.notification_settings(cap.member_id()).await
    }

    /// Saves my settings; `next_digest_at` is when my next summary is due
    /// (none when the summary is off).
    pub async fn set_my_notification_settings(
        &self,
        cap: &Can<act::ViewCircle>,
        s: &NotificationSettings,
        next_digest_at: Option<Timestamp>,
    ) -> Result<()> {
        self.set_notification_settings(cap.member_id(), s, next_digest_at).await
    }

    /// The settings of the membership a signed e-mail link opens.
    pub async fn notification_settings_by_link(&self, link: &MemberLink) -> Result<NotificationSettings> {
        self.notification_settings(link.member_id()).await
    }

    /// Saves the settings of the membership a signed e-mail link opens.
    pub async fn set_notification_settings_by_link(
        &self,
        link: &MemberLink,
        s: &NotificationSettings,
        next_digest_at: Option<Timestamp>,
    ) -> Result<()> {
        self.set_notification_settings(link.member_id(), s, next_digest_at).await
    }

    /// Fills in attachments, chosen members, recipients and reactions for a
    /// page of entries: one query each, whatever the page size.
    async fn attach_related(&self, me: &MemberId, entries: &mut [Entry]) -> Result<()> {
        if entries.is_empty() {
            return Ok(());
        }
        let ids: Vec<String> = entries.iter().map(|e| e.id.clone()).collect();
        let list = placeholders(2, ids.len());
        let attachments_sql = format!(
            "SELECT entry_id, id, kind, content_type, file_name, byte_size, width, height FROM attachments \
             WHERE $1 = $1 AND entry_id IN ({list}) ORDER BY entry_id, position"
        );
        let people_sql = format!(
            "SELECT x.entry_id, x.member_id, u.display_name, m.role, x.which FROM ( \
               SELECT entry_id, member_id, 'chosen' AS which FROM entry_audience WHERE entry_id IN ({list}) \
               UNION ALL SELECT entry_id, member_id, 'recipient' AS which FROM entry_recipients WHERE entry_id IN ({list})) x \
             JOIN memberships m ON m.id = x.member_id JOIN users u ON u.id = m.user_id WHERE $1 = $1 ORDER BY u.display_name"
        );
        let reactions_sql = format!(
            "SELECT entry_id, reaction, COUNT(*), SUM(CASE WHEN member_id = $1 THEN 1 ELSE 0 END) FROM reactions \
             WHERE entry_id IN ({list}) GROUP BY entry_id, reaction"
        );
        type AttRow = (String, String, String, String, String, i64, Option<i64>, Option<i64>);
        let atts: Vec<AttRow> = read!(self, |db| {
            let mut q = sqlx::query_as::<_, AttRow>(&attachments_sql).bind(me.as_str());
            for id in &ids {
                q = q.bind(id);
            }
            q.fetch_all(db).await
        })
        .map_err(db_err)?;
        // Only thanks and entries for chosen members name people.
        let names_people = entries.iter().any(|e| e.kind == EntryKind::Thanks || e.audience == Audience::Chosen);
        let people: Vec<(String, String, String, String, String)> = if names_people {
            read!(self, |db| {
                let mut q =
                    sqlx::query_as::<_, (String, String, String, String, String)>(&people_sql).bind(me.as_str());
                for id in &ids {
                    q = q.bind(id);
                }
                q.fetch_all(db).await
            })
            .map_err(db_err)?
        } else {
            Vec::new()
        };
        let reactions: Vec<(String, String, i64, i64)> = read!(self, |db| {
            let mut q = sqlx::query_as::<_, (String, String, i64, i64)>(&reactions_sql).bind(me.as_str());
            for id in &ids {
                q = q.bind(id);
            }
            q.fetch_all(db).await
        })
        .map_err(db_err)?;
        let mut by_id: HashMap<String, &mut Entry> = entries.iter_mut().map(|e| (e.id.clone(), e)).collect();
        for (entry, id, kind, content_type, file_name, byte_size, width, height) in atts {
            if let Some(e) = by_id.get_mut(&entry) {
                e.attachments.push(AttachmentInfo {
                    id,
                    kind: if kind == "image" { AttachmentKind::Image } else { AttachmentKind::Pdf },
                    content_type,
                    file_name,
                    byte_size,
                    width,
                    height,
                });
            }
        }
        for (entry, member, name, r, which) in people {
            if let Some(e) = by_id.get_mut(&entry) {
                let p = Person { member_id: MemberId::from_db(member), name, role: role(&r)? };
                if which == "chosen" { e.chosen.push(p) } else { e.recipients.push(p) }
            }
        }
        for (entry, reaction, count, mine) in reactions {
            if let (Some(e), Some(reaction)) = (by_id.get_mut(&entry), Reaction::parse(&reaction)) {
                e.reactions.push(ReactionCount { reaction, count, mine: mine > 0 });
            }
        }
        for e in entries.iter_mut() {
            e.reactions.sort_by_key(|r| Reaction::ALL.iter().position(|x| *x == r.reaction));
        }
        Ok(())
    }
}

/// The most files one entry may carry.
pub const MAX_FILES: usize = 6;

/// A membership whose summary is due.
#[derive(Clone, Debug)]
pub struct DigestDue {
    pub member_id: MemberId,
    pub circle_id: samenspel_core::ids::CircleId,
    pub user_id: samenspel_core::ids::UserId,
    pub email: String,
    pub name: String,
    pub locale: samenspel_core::locale::Locale,
    pub digest: Digest,
    pub client_name: String,
    /// News since this time goes in the summary.
    pub since: Timestamp,
}

fn settings_from(
    immediate: Option<bool>,
    digest: Option<String>,
    from: Option<i64>,
    until: Option<i64>,
) -> NotificationSettings {
    let default = NotificationSettings::default();
    NotificationSettings {
        immediate: immediate.unwrap_or(default.immediate),
        digest: digest.as_deref().and_then(Digest::parse).unwrap_or(default.digest),
        quiet: match (from, until) {
            (Some(f), Some(u)) => Some((f, u)),
            _ if digest.is_none() => default.quiet,
            _ => None,
        },
    }
}

async fn insert_pair(tx: &mut Tx, sql: &'static str, entry: &str, member: &MemberId) -> Result<()> {
    on_tx!(tx, |c| sqlx::query(sql).bind(entry).bind(member.as_str()).execute(c).await.map(|r| r.rows_affected()))
        .map_err(db_err)?;
    Ok(())
}

async fn insert_attachment(
    tx: &mut Tx,
    entry: &str,
    position: i64,
    f: &NewAttachment,
    now: Timestamp,
) -> Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    on_tx!(tx, |c| sqlx::query(
        "INSERT INTO attachments (id, entry_id, position, kind, content_type, file_name, byte_size, width, height, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
    )
    .bind(&id)
    .bind(entry)
    .bind(position)
    .bind(f.kind.as_str())
    .bind(&f.content_type)
    .bind(&f.file_name)
    .bind(f.full.len() as i64)
    .bind(f.width)
    .bind(f.height)
    .bind(ms(now))
    .execute(c)
    .await
    .map(|r| r.rows_affected()))
    .map_err(db_err)?;
    for (variant, data) in [("full", Some(&f.full)), ("thumb", f.thumb.as_ref())] {
        if let Some(data) = data {
            on_tx!(tx, |c| sqlx::query(
                "INSERT INTO attachment_data (attachment_id, variant, data) VALUES ($1, $2, $3)"
            )
            .bind(&id)
            .bind(variant)
            .bind(data.as_slice())
            .execute(c)
            .await
            .map(|r| r.rows_affected()))
            .map_err(db_err)?;
        }
    }
    Ok(id)
}

/// Keeps SQLite's full-text index in step (PostgreSQL indexes the column
/// itself). The index row's key comes from `entries_fts_rows`.
async fn index_for_search(tx: &mut Tx, circle: &CircleId, entry: &str, body: &str) -> Result<()> {
    if let Tx::Sqlite(t) = tx {
        let (key,): (i64,) = sqlx::query_as(
            "INSERT INTO entries_fts_rows (entry_id) VALUES ($1) \
             ON CONFLICT (entry_id) DO UPDATE SET entry_id = excluded.entry_id RETURNING id",
        )
        .bind(entry)
        .fetch_one(&mut **t)
        .await
        .map_err(db_err)?;
        sqlx::query("DELETE FROM entries_fts WHERE rowid = $1").bind(key).execute(&mut **t).await.map_err(db_err)?;
        sqlx::query("INSERT INTO entries_fts (rowid, circle, body) VALUES ($1, $2, $3)")
            .bind(key)
            .bind(circle_token(circle))
            .bind(body)
            .execute(&mut **t)
            .await
            .map_err(db_err)?;
    }
    Ok(())
}

async fn unindex_for_search(tx: &mut Tx, entry: &str) -> Result<()> {
    if let Tx::Sqlite(t) = tx {
        sqlx::query("DELETE FROM entries_fts WHERE rowid = (SELECT id FROM entries_fts_rows WHERE entry_id = $1)")
            .bind(entry)
            .execute(&mut **t)
            .await
            .map_err(db_err)?;
    }
    Ok(())
}

/// A circle's id as one word for the search index (no hyphens, which would
/// split it into five).
fn circle_token(circle: &CircleId) -> String {
    format!("c{}", circle.as_str().replace('-', ""))
}

/// Turns what someone typed into an FTS5 query: every word must occur, as a
/// word or the start of one. Quotes and operators in the input are dropped,
/// so no input is an FTS syntax error.
pub fn fts_query(input: &str) -> String {
    input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(12)
        .map(|w| format!("\"{w}\"*"))
        .collect::<Vec<_>>()
        .join(" ")
}

impl crate::Internal<'_> {
    /// Memberships whose summary is due (at most `limit`): active, in a
    /// circle that is not archived, of an account that is not disabled.
    /// Memberships without settings get the default (a weekly summary),
    /// first due at `first_due`.
    pub async fn digests_due(&self, now: Timestamp, first_due: Timestamp, limit: i64) -> Result<Vec<DigestDue>> {
        let mut tx = self.begin().await?;
        on_tx!(&mut tx, |c| sqlx::query(
            "INSERT INTO notification_settings (member_id, immediate, digest, quiet_from, quiet_until, next_digest_at) \
             SELECT m.id, $1, 'weekly', $2, $3, $4 FROM memberships m \
             WHERE m.ended_at IS NULL AND NOT EXISTS (SELECT 1 FROM notification_settings n WHERE n.member_id = m.id)"
        )
        .bind(true)
        .bind(NotificationSettings::default().quiet.map(|q| q.0))
        .bind(NotificationSettings::default().quiet.map(|q| q.1))
        .bind(ms(first_due))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        type Row = (String, String, String, String, String, String, String, String, i64, Option<i64>);
        let rows: Vec<Row> = on_tx!(&mut tx, |c| sqlx::query_as(
            "SELECT m.id, m.circle_id, m.user_id, u.email, u.display_name, u.locale, n.digest, c.client_name, m.joined_at, n.last_digest_at \
             FROM notification_settings n JOIN memberships m ON m.id = n.member_id JOIN users u ON u.id = m.user_id \
             JOIN circles c ON c.id = m.circle_id \
             WHERE n.digest <> 'off' AND n.next_digest_at IS NOT NULL AND n.next_digest_at <= $1 \
               AND m.ended_at IS NULL AND (m.access_until IS NULL OR m.access_until > $1) \
               AND c.archived_at IS NULL AND u.disabled_at IS NULL \
             ORDER BY n.next_digest_at LIMIT $2"
        )
        .bind(ms(now))
        .bind(limit)
        .fetch_all(c)
        .await)
        .map_err(db_err)?;
        tx.commit().await?;
        Ok(rows
            .into_iter()
            .map(|(member, circle, user, email, name, locale, digest, client_name, joined, last)| DigestDue {
                member_id: MemberId::from_db(member),
                circle_id: CircleId::from_db(circle),
                user_id: samenspel_core::ids::UserId::from_db(user),
                email,
                name,
                locale: samenspel_core::locale::Locale::parse(&locale).unwrap_or_default(),
                digest: Digest::parse(&digest).unwrap_or(Digest::Weekly),
                client_name,
                since: ts(last.unwrap_or(joined)),
            })
            .collect())
    }

    /// Records a summary as made (with its e-mail, when there was news) and
    /// when the next one is due — in one transaction, so none is sent twice.
    pub async fn digest_done(
        &self,
        member: &MemberId,
        mail: Option<&NewJob>,
        next: Timestamp,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        on_tx!(&mut tx, |c| sqlx::query(
            "UPDATE notification_settings SET last_digest_at = $2, next_digest_at = $3 WHERE member_id = $1"
        )
        .bind(member.as_str())
        .bind(ms(now))
        .bind(ms(next))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        if let Some(job) = mail {
            enqueue(&mut tx, job, now).await?;
        }
        tx.commit().await
    }
}

/// Settings by membership id: reached only through a capability or a signed link.
impl Store {
    async fn notification_settings(&self, member: &MemberId) -> Result<NotificationSettings> {
        let row: Option<(bool, String, Option<i64>, Option<i64>)> = read!(self, |db| sqlx::query_as(
            "SELECT immediate, digest, quiet_from, quiet_until FROM notification_settings WHERE member_id = $1"
        )
        .bind(member.as_str())
        .fetch_optional(db)
        .await)
        .map_err(db_err)?;
        Ok(match row {
            Some((immediate, digest, from, until)) => settings_from(Some(immediate), Some(digest), from, until),
            None => NotificationSettings::default(),
        })
    }

    /// Saves a membership's settings; `next_digest_at` is when its next
    /// summary is due (none when the summary is off).
    async fn set_notification_settings(
        &self,
        member: &MemberId,
        s: &NotificationSettings,
        next_digest_at: Option<Timestamp>,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        on_tx!(&mut tx, |c| sqlx::query(
            "INSERT INTO notification_settings (member_id, immediate, digest, quiet_from, quiet_until, next_digest_at) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (member_id) DO UPDATE SET immediate = $2, digest = $3, quiet_from = $4, quiet_until = $5, next_digest_at = $6"
        )
        .bind(member.as_str())
        .bind(s.immediate)
        .bind(s.digest.as_str())
        .bind(s.quiet.map(|q| q.0))
        .bind(s.quiet.map(|q| q.1))
        .bind(next_digest_at.map(ms))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        tx.commit().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_queries_are_safe() {
        assert_eq!(fts_query("Henk viel"), "\"Henk\"* \"viel\"*");
        assert_eq!(fts_query("\" OR 1=1 --"), "\"OR\"* \"1\"* \"1\"*");
        assert_eq!(fts_query("  "), "");
        assert_eq!(fts_query("cliënt"), "\"cliënt\"*");
    }

    #[test]
    fn placeholders_count_from_start() {
        assert_eq!(placeholders(2, 3), "$2, $3, $4");
    }
}
