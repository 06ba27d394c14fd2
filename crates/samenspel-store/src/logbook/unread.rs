//! What is new for the reader, and who has seen an entry.

use super::*;
use crate::internal::Internal;

/// Where "new for you" starts: [`NEW_FOR_DAYS`] ago. Entries from before the
/// reader joined never had a row in `entry_unseen`, so that need not be read.
pub(super) fn new_since(now: Timestamp) -> i64 {
    ms(now) - NEW_FOR_DAYS * 24 * 3600 * 1000
}

/// Gives everyone in the circle but the writer an "unseen" row for a new
/// entry. Whether they may see it is decided when reading, as for any entry.
/// An entry dated before someone joined is never new for them (this matters
/// for history written with earlier dates: imports and the demo).
pub(super) async fn fan_out(tx: &mut Tx, circle: &CircleId, writer: &MemberId, entry: &str, at: i64) -> Result<()> {
    tx.exec(
        "INSERT INTO entry_unseen (member_id, created_at, entry_id) SELECT m.id, $1, $2 FROM memberships m \
         WHERE m.circle_id = $3 AND m.ended_at IS NULL AND m.id <> $4 AND m.joined_at <= $1 \
         AND (m.access_until IS NULL OR m.access_until > $1)",
        args![at, entry, circle.as_str(), writer.as_str()],
    )
    .await?;
    Ok(())
}

/// Records in the transaction that `member` has seen `entry` (replying counts).
pub(super) async fn seen_one(tx: &mut Tx, member: &MemberId, entry: &str, now: Timestamp) -> Result<()> {
    tx.exec(
        "INSERT INTO entry_reads (entry_id, member_id, read_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        args![entry, member.as_str(), ms(now)],
    )
    .await?;
    tx.exec("DELETE FROM entry_unseen WHERE entry_id = $1 AND member_id = $2", args![entry, member.as_str()]).await?;
    Ok(())
}

impl Store {
    /// How many entries the reader has not seen, up to `cap_at`. Reads the
    /// reader's own unseen rows, never the circle's history.
    pub async fn unread_count(&self, cap: &Can<act::ReadLogbook>, cap_at: i64, now: Timestamp) -> Result<i64> {
        let sql = concat!(
            "SELECT COUNT(*) FROM (SELECT e.id FROM entry_unseen u JOIN entries e ON e.id = u.entry_id \
             WHERE u.member_id = $2 AND u.created_at >= $6 AND e.circle_id = $1 AND e.deleted_at IS NULL AND ",
            visible!(),
            " LIMIT $7) unread"
        );
        let (n,): (i64,) = self.one(sql, &reader_args(cap, args![new_since(now), cap_at])).await?;
        Ok(n)
    }

    /// Records that the reader has seen these entries (ids of other circles
    /// are ignored). The first time counts; seeing again changes nothing.
    pub async fn mark_seen(&self, cap: &Can<act::ReadLogbook>, ids: &[String], now: Timestamp) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        let member = cap.member_id().as_str();
        let mut tx = self.begin().await?;
        for chunk in ids.chunks(500) {
            let sql = format!(
                "INSERT INTO entry_reads (entry_id, member_id, read_at) SELECT e.id, $1, $2 FROM entries e \
                 WHERE e.circle_id = $3 AND e.id IN ({}) ON CONFLICT DO NOTHING",
                placeholders(4, chunk.len())
            );
            let mut values = args![member, ms(now), cap.circle_id().as_str()].to_vec();
            values.extend(chunk.iter().map(Arg::from));
            tx.exec(&sql, &values).await?;
            let sql = format!(
                "DELETE FROM entry_unseen WHERE member_id = $1 AND entry_id IN ({})",
                placeholders(2, chunk.len())
            );
            let mut values = args![member].to_vec();
            values.extend(chunk.iter().map(Arg::from));
            tx.exec(&sql, &values).await?;
        }
        tx.commit().await
    }

    /// Who in the entry's audience has seen it, and who not yet.
    pub async fn seen_by(&self, cap: &Can<act::ReadLogbook>, entry: &Entry, now: Timestamp) -> Result<SeenBy> {
        let rows: Vec<(String, String, String, Option<i64>)> = self
            .all(
                "SELECT m.id, u.display_name, m.role, r.read_at FROM memberships m JOIN users u ON u.id = m.user_id \
             LEFT JOIN entry_reads r ON r.member_id = m.id AND r.entry_id = $2 \
             WHERE m.circle_id = $1 AND m.ended_at IS NULL AND (m.access_until IS NULL OR m.access_until > $3) \
             ORDER BY u.display_name, m.id",
                args![cap.circle_id().as_str(), &entry.id, ms(now)],
            )
            .await?;
        let chosen: Vec<MemberId> = entry.chosen.iter().map(|p| p.member_id.clone()).collect();
        let mut out = SeenBy { seen: Vec::new(), not_yet: Vec::new() };
        for (id, name, r, read_at) in rows {
            let member = MemberId::from_db(id);
            let role = role(&r)?;
            if member == entry.author.member_id {
                continue;
            }
            // Who read it, of those who may; who has not yet, of those it is addressed to.
            let scope = AudienceScope::for_role(member.clone(), role, cap.consent());
            let category = Category::of_kind(entry.kind);
            let person = Person { member_id: member, name, role };
            match read_at {
                Some(at) if scope.can_see_in(category, entry.audience, &entry.author.member_id, &chosen) => {
                    out.seen.push((person, ts(at)))
                }
                None if scope.addressed_in(category, entry.audience, &entry.author.member_id, &chosen) => {
                    out.not_yet.push(person)
                }
                _ => {}
            }
        }
        out.seen.sort_by_key(|(_, at)| *at);
        Ok(out)
    }
}

impl Internal<'_> {
    /// Forgets "unseen" rows older than [`NEW_FOR_DAYS`]: they can never be
    /// new again. At most `batch` rows per call, oldest first; returns how many.
    pub async fn purge_old_unseen(&self, now: Timestamp, batch: i64) -> Result<u64> {
        self.exec(
                "DELETE FROM entry_unseen WHERE (member_id, created_at, entry_id) IN \
                 (SELECT member_id, created_at, entry_id FROM entry_unseen WHERE created_at < $1 ORDER BY created_at LIMIT $2)",
                args![new_since(now), batch],
            )
            .await
    }
}
