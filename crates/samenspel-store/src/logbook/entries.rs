//! Entries: writing, listing, reading one, editing, removing and closing.

use super::*;

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
        tx.exec(
            "INSERT INTO entries (id, circle_id, author_member_id, kind, audience, body, created_at, status, card) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            args![id, cap.circle_id().as_str(), cap.member_id().as_str(), new.kind.as_str(), new.audience.as_str(), &new.body, ms(now), status.as_str(), new.card.map(Card::as_str)],
        ).await?;
        fan_out(&mut tx, cap.circle_id(), cap.member_id(), id, ms(now)).await?;
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
        remember(&mut tx, cap.user_id(), idem, id, now).await?;
        tx.finish(mails, now).await?;
        Ok((id.to_owned(), true))
    }

    /// A page of the timeline, newest first, as the reader may see it.
    pub async fn entries(&self, cap: &Can<act::ReadLogbook>, filter: &EntryFilter, limit: i64) -> Result<Vec<Entry>> {
        let mut entries = self.entries_alone(cap, filter, limit).await?;
        self.attach_related(cap.member_id(), &mut entries).await?;
        Ok(entries)
    }

    /// Several lists at once (the overview's), each as [`Store::entries`]
    /// gives it, with the files, people and reactions of all of them read
    /// in one go rather than once per list.
    pub async fn entry_lists(
        &self,
        cap: &Can<act::ReadLogbook>,
        lists: &[(EntryFilter, i64)],
    ) -> Result<Vec<Vec<Entry>>> {
        let mut out = Vec::with_capacity(lists.len());
        for (filter, limit) in lists {
            out.push(self.entries_alone(cap, filter, *limit).await?);
        }
        // An entry can be on two lists (new and still open): read it once.
        let mut seen = std::collections::HashSet::new();
        let mut unique: Vec<Entry> = out.iter().flatten().filter(|e| seen.insert(e.id.clone())).cloned().collect();
        self.attach_related(cap.member_id(), &mut unique).await?;
        let full: HashMap<&str, &Entry> = unique.iter().map(|e| (e.id.as_str(), e)).collect();
        for e in out.iter_mut().flatten() {
            if let Some(f) = full.get(e.id.as_str()) {
                *e = (*f).clone();
            }
        }
        Ok(out)
    }

    /// [`Store::entries`] without the related rows.
    async fn entries_alone(&self, cap: &Can<act::ReadLogbook>, filter: &EntryFilter, limit: i64) -> Result<Vec<Entry>> {
        let (before_at, before_id) = match &filter.before {
            Some(c) => (c.created_at, c.id.clone()),
            None => (i64::MAX, "~".to_owned()),
        };
        // What is new for the reader is read from their own "unseen" rows,
        // newest first (`u.created_at` is the entry's), so the query never
        // walks entries they wrote or saw; every other listing walks the
        // circle's timeline.
        let unread = filter.unread_as_of.is_some();
        let mut sql = String::from(if unread {
            concat!(
                "SELECT ",
                entry_columns!(),
                "FROM entry_unseen u JOIN entries e ON e.id = u.entry_id \
                 WHERE u.member_id = $2 AND e.circle_id = $1 AND e.deleted_at IS NULL AND ",
                visible!(),
                " AND (u.created_at, u.entry_id) < ($6, $7)"
            )
        } else {
            concat!(entry_select!(), "WHERE e.circle_id = $1 AND ", visible!(), " AND (e.created_at, e.id) < ($6, $7)")
        });
        let mut args = reader_args(cap, args![before_at, before_id]);
        let mut next = |arg: Arg| {
            args.push(arg);
            format!("${}", args.len())
        };
        if let Some(kind) = filter.kind {
            sql.push_str(&format!(" AND e.kind = {}", next(kind.as_str().into())));
        }
        if filter.unresolved_only {
            sql.push_str(" AND e.status IN ('open', 'answered') AND e.deleted_at IS NULL");
        }
        if let Some(now) = filter.unread_as_of {
            sql.push_str(&format!(" AND u.created_at >= {}", next(new_since(now).into())));
        }
        if let Some(since) = filter.since {
            sql.push_str(&format!(" AND e.created_at >= {}", next(ms(since).into())));
        }
        if filter.exclude_mine {
            sql.push_str(" AND e.author_member_id <> $2");
        }
        if let Some(member) = &filter.thanked {
            let p = next(member.as_str().into());
            sql.push_str(&format!(
                " AND e.kind = 'thanks' AND e.deleted_at IS NULL \
                 AND EXISTS (SELECT 1 FROM entry_recipients r WHERE r.entry_id = e.id AND r.member_id = {p})"
            ));
        }
        let limit_at = next(limit.into());
        let order = if unread { "u.created_at DESC, u.entry_id DESC" } else { "e.created_at DESC, e.id DESC" };
        sql.push_str(&format!(" ORDER BY {order} LIMIT {limit_at}"));
        let rows: Vec<EntryRow> = self.all(&sql, &args).await?;
        rows.into_iter().map(|r| r.into_entry(cap.circle_id())).collect()
    }

    /// One entry, if the reader may see it; otherwise "not found".
    pub async fn entry(&self, cap: &Can<act::ReadLogbook>, id: &str) -> Result<Entry> {
        let sql = concat!(entry_select!(), "WHERE e.circle_id = $1 AND ", visible!(), " AND e.id = $6");
        let row: Option<EntryRow> = self.opt(sql, &reader_args(cap, args![id])).await?;
        let mut entries = vec![row.ok_or(Error::NotFound)?.into_entry(cap.circle_id())?];
        self.attach_related(cap.member_id(), &mut entries).await?;
        entries.pop().ok_or(Error::NotFound)
    }

    /// Earlier versions of an entry the reader may see, newest first.
    pub async fn revisions(&self, cap: &Can<act::ReadLogbook>, entry: &str) -> Result<Vec<Revision>> {
        let sql = concat!(
            "SELECT v.revision, v.body, v.written_at FROM entry_revisions v JOIN entries e ON e.id = v.entry_id \
             WHERE e.circle_id = $1 AND e.deleted_at IS NULL AND ",
            visible!(),
            " AND e.id = $6 ORDER BY v.revision DESC"
        );
        let rows: Vec<(i64, String, i64)> = self.all(sql, &reader_args(cap, args![entry])).await?;
        Ok(rows.into_iter().map(|(revision, body, at)| Revision { revision, body, written_at: ts(at) }).collect())
    }

    /// Changes the text of one's own entry; the earlier text is kept.
    pub async fn edit_entry(&self, cap: &Can<act::WriteLogbook>, id: &str, body: &str, now: Timestamp) -> Result<()> {
        let mut tx = self.begin().await?;
        db_row! {
            struct Row { author: String, old: String, revision: i64, created: i64, edited: Option<i64>, deleted: Option<i64> }
        }
        let Row { author, old, revision, created, edited, deleted }: Row = tx.one(
            "SELECT author_member_id, body, revision, created_at, edited_at, deleted_at FROM entries WHERE id = $1 AND circle_id = $2",
            args![id, cap.circle_id().as_str()],
        ).await?;
        if deleted.is_some() {
            return Err(Error::NotFound);
        }
        if author != cap.member_id().as_str() {
            return Err(Error::Forbidden);
        }
        if old == body {
            return Ok(());
        }
        tx.exec(
            "INSERT INTO entry_revisions (entry_id, revision, body, written_at) VALUES ($1, $2, $3, $4)",
            args![id, revision, &old, edited.unwrap_or(created)],
        )
        .await?;
        tx.exec(
            "UPDATE entries SET body = $2, edited_at = $3, revision = revision + 1 WHERE id = $1",
            args![id, body, ms(now)],
        )
        .await?;
        index_for_search(&mut tx, cap.circle_id(), id, body).await?;
        tx.commit().await
    }

    /// Removes an entry, leaving a tombstone: its text, history and files are
    /// deleted; who removed it and when stay. The writer may remove their own
    /// entry; managers may remove any.
    pub async fn delete_entry(&self, cap: &Can<act::WriteLogbook>, id: &str, now: Timestamp) -> Result<()> {
        let mut tx = self.begin().await?;
        // Only an entry the member may see: one hidden from them is "not found".
        let sql = concat!(
            "SELECT e.author_member_id FROM entries e WHERE e.circle_id = $1 AND ",
            visible!(),
            " AND e.id = $6 AND e.deleted_at IS NULL"
        );
        let (author,): (String,) = tx.one(sql, &reader_args(cap, args![id])).await?;
        if author != cap.member_id().as_str() && cap.also::<act::ModerateLogbook>().is_none() {
            return Err(Error::Forbidden);
        }
        tx.exec(
            "UPDATE entries SET deleted_at = $2, deleted_by = $3, body = '', status = CASE WHEN status = 'none' THEN 'none' ELSE 'closed' END WHERE id = $1",
            args![id, ms(now), cap.member_id().as_str()],
        ).await?;
        for sql in [
            "DELETE FROM entry_revisions WHERE entry_id = $1",
            "DELETE FROM attachment_data WHERE attachment_id IN (SELECT id FROM attachments WHERE entry_id = $1)",
            "DELETE FROM attachments WHERE entry_id = $1",
            "DELETE FROM entry_unseen WHERE entry_id = $1",
        ] {
            tx.exec(sql, args![id]).await?;
        }
        unindex_for_search(&mut tx, id).await?;
        tx.commit().await
    }

    /// Closes an open concern or question, recording who closed it.
    pub async fn close_entry(&self, cap: &Can<act::WriteLogbook>, id: &str, now: Timestamp) -> Result<()> {
        let mut tx = self.begin().await?;
        let sql = concat!(
            "SELECT e.author_member_id, e.status FROM entries e WHERE e.circle_id = $1 AND ",
            visible!(),
            " AND e.id = $6 AND e.deleted_at IS NULL"
        );
        let (author, status): (String, String) = tx.one(sql, &reader_args(cap, args![id])).await?;
        if !Status::parse(&status).is_some_and(Status::unresolved) {
            return Err(Error::Conflict("entry-not-open"));
        }
        if !may_close_entry(cap.role(), cap.manages(), author == cap.member_id().as_str()) {
            return Err(Error::Forbidden);
        }
        tx.exec(
            "UPDATE entries SET status = 'closed', closed_at = $2, closed_by = $3 WHERE id = $1",
            args![id, ms(now), cap.member_id().as_str()],
        )
        .await?;
        tx.commit().await
    }
}

async fn insert_pair(tx: &mut Tx, sql: &'static str, entry: &str, member: &MemberId) -> Result<()> {
    tx.exec(sql, args![entry, member.as_str()]).await?;
    Ok(())
}
