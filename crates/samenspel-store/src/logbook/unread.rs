//! What is new for the reader, and who has seen an entry.

use super::*;

/// [`unseen`] with the floor's placeholder chosen at run time.
pub(super) fn unseen_sql(floor: &str) -> String {
    unseen!("{floor}").replace("{floor}", floor)
}

impl Store {
    /// How many entries the reader has not seen, up to `cap_at`.
    pub async fn unread_count(&self, cap: &Can<act::ReadLogbook>, cap_at: i64, now: Timestamp) -> Result<i64> {
        let floor = self.unread_floor(cap, now).await?;
        let sql = concat!(
            "SELECT COUNT(*) FROM (SELECT e.id FROM entries e WHERE e.circle_id = $1 AND ",
            visible!(),
            " AND ",
            unseen!("$6"),
            " LIMIT $7) unread"
        );
        let (n,): (i64,) = self.one(sql, &reader_args(cap, args![floor, cap_at])).await?;
        Ok(n)
    }

    /// Where "new for you" starts: the latest of when the reader joined,
    /// where they had caught up, and [`NEW_FOR_DAYS`] ago.
    pub(super) async fn unread_floor(&self, cap: &Can<act::ReadLogbook>, now: Timestamp) -> Result<i64> {
        let (joined, caught_up): (i64, Option<i64>) = self
            .one(
                "SELECT m.joined_at, p.caught_up_at FROM memberships m \
             LEFT JOIN logbook_progress p ON p.member_id = m.id WHERE m.id = $1",
                args![cap.member_id().as_str()],
            )
            .await?;
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
            let mut values = args![cap.member_id().as_str(), ms(now), cap.circle_id().as_str()].to_vec();
            values.extend(chunk.iter().map(Arg::from));
            tx.exec(&sql, &values).await?;
        }
        // Move the reader's "caught up" mark to the oldest entry still unseen
        // (or close to now), so counting what is new need not look further back.
        let s = scope(cap);
        let sql = concat!(
            "SELECT e.created_at FROM entries e WHERE e.circle_id = $1 AND ",
            visible!(),
            " AND ",
            unseen!("$6"),
            " ORDER BY e.created_at LIMIT 1"
        );
        let oldest_unseen: Option<(i64,)> = tx.opt(sql, &reader_args(cap, args![floor])).await?;
        let recent = ms(now) - CAUGHT_UP_MARGIN_MS;
        let mark = oldest_unseen.map_or(recent, |(at,)| at.min(recent));
        if mark > floor {
            tx.exec(
                "INSERT INTO logbook_progress (member_id, caught_up_at) VALUES ($1, $2) \
                 ON CONFLICT (member_id) DO UPDATE SET caught_up_at = excluded.caught_up_at \
                 WHERE excluded.caught_up_at > logbook_progress.caught_up_at",
                args![s.member_id.as_str(), mark],
            )
            .await?;
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
