//! The logbook: entries, replies, reactions, read receipts and attachments.
//!
//! Every query that reads entries puts the reader's audience in its `WHERE`
//! clause, with the same five parameters in every statement: `$1` the
//! circle, `$2` the reading member, `$3` whether they see professionals-only
//! entries, `$4` whether they see informal-only entries, `$5` the entry kinds
//! the client's consent keeps from them (a bit set, see
//! [`samenspel_core::consent::Hidden::kinds_mask`]). Counts, pages, search
//! and digests therefore agree with what the reader may see.

use crate::access::{Can, MemberLink};
use crate::db::{Store, Tx, ms, role, ts, ts_opt};
use crate::idempotency::{IdempotencyKey, earlier_result, remember};
use crate::jobs::NewJob;
use crate::sql::{Arg, args, db_row, member_name};
use samenspel_core::access::{act, may_close_entry};
use samenspel_core::audience::{Audience, AudienceScope};
use samenspel_core::consent::Category;
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::logbook::{
    AttachmentInfo, AttachmentKind, Card, Cursor, Entry, EntryKind, NewEntry, Person, Reaction, ReactionCount, Reply,
    Revision, SeenBy, Stamp, Status,
};
use samenspel_core::role::Role;
use samenspel_core::{Error, Result, Timestamp};
use std::collections::HashMap;

/// Who may see an entry `e`, for the reader in `$2`–`$5` (see the module doc).
/// `$3 AND $4` holds exactly for the client and the representative, who read
/// every entry about the client, also one for chosen members without them
/// (`AudienceScope::reads_everything`). The writer always sees their own
/// entry; anyone else only a kind that consent does not keep from them.
macro_rules! visible {
    () => {
        concat!(addressed!(), " AND (e.author_member_id = $2 OR (", kind_bit!(), " & CAST($5 AS BIGINT)) = 0)")
    };
}

/// The audience half of [`visible!`]: whether the writer's choice of
/// audience reaches the reader in `$2`–`$4`, whatever consent says.
macro_rules! addressed {
    () => {
        "(e.audience = 'circle' OR e.author_member_id = $2 \
          OR (e.audience = 'professionals' AND $3) OR (e.audience = 'informal' AND $4) \
          OR (e.audience = 'chosen' AND (($3 AND $4) \
              OR EXISTS (SELECT 1 FROM entry_audience a WHERE a.entry_id = e.id AND a.member_id = $2))))"
    };
}

/// An entry's kind as its bit in [`samenspel_core::consent::Hidden::kinds_mask`]:
/// bit `i` for the `i`-th of `EntryKind::ALL` (a test keeps the two in step).
macro_rules! kind_bit {
    () => {
        "(CASE e.kind WHEN 'update' THEN 1 WHEN 'moment' THEN 2 WHEN 'concern' THEN 4 \
          WHEN 'question' THEN 8 WHEN 'thanks' THEN 16 ELSE 0 END)"
    };
}

/// How long an entry can be new: older ones are history, never "new for you",
/// however long someone stayed away; their "unseen" rows are then purged.
pub const NEW_FOR_DAYS: i64 = 90;

/// The columns of an entry with its author, remover and closer, and whether
/// the reader (`$2`) has seen it (writers have always seen their own).
macro_rules! entry_columns {
    () => {
        concat!(
        "e.id, e.kind, e.audience, e.author_member_id, \
         ", member_name!("e.author_member_id"), ", \
         (SELECT m.role FROM memberships m WHERE m.id = e.author_member_id), \
         e.body, e.created_at, e.edited_at, e.revision, e.deleted_at, \
         ", member_name!("e.deleted_by"), ", \
         e.status, e.closed_at, \
         ", member_name!("e.closed_by"), ", \
         e.reply_count, \
         CASE WHEN e.author_member_id = $2 THEN 1 ELSE (SELECT COUNT(*) FROM entry_reads r WHERE r.entry_id = e.id AND r.member_id = $2) END, \
         e.card "
        )
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

fn scope<A>(cap: &Can<A>) -> AudienceScope {
    cap.audience()
}

/// The reader's `$1`–`$5` (see the module doc), then `more` from `$6` on.
fn reader_args<A>(cap: &Can<A>, more: &[Arg]) -> Vec<Arg> {
    let s = scope(cap);
    let mut all = args![
        cap.circle_id().as_str(),
        s.member_id.as_str(),
        s.sees_professionals,
        s.sees_informal,
        s.hidden.kinds_mask()
    ]
    .to_vec();
    all.extend_from_slice(more);
    all
}

/// Numbered placeholders `$start, $start+1, …` for `n` values.
fn placeholders(start: usize, n: usize) -> String {
    (start..start + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

db_row! {
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

mod attachments;
mod entries;
mod notifications;
mod related;
mod replies;
mod search;
mod unread;
mod view_as;

use attachments::insert_attachment;
pub use attachments::{FileData, MAX_FILES, NewAttachment};
pub use notifications::{Digest, DigestDue, NotificationSettings, Recipient};
pub use search::fts_query;
use search::{index_for_search, unindex_for_search};
use unread::{fan_out, new_since, seen_one};
pub use view_as::KindCount;

#[cfg(test)]
mod tests {
    use super::*;

    /// The SQL's bit per kind is the bit `Hidden::kinds_mask` sets for it.
    #[test]
    fn kind_bits_follow_entry_kinds() {
        for (i, kind) in EntryKind::ALL.into_iter().enumerate() {
            let when = format!("WHEN '{}' THEN {}", kind.as_str(), 1 << i);
            assert!(kind_bit!().contains(&when), "{when}");
            let one = samenspel_core::consent::Consent::default().with(Category::of_kind(kind), Role::Volunteer, false);
            assert_eq!(one.hidden_for(Role::Volunteer).kinds_mask(), 1 << i);
        }
    }

    #[test]
    fn placeholders_count_from_start() {
        assert_eq!(placeholders(2, 3), "$2, $3, $4");
    }
}
