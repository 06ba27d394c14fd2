//! Replies to entries, and reactions.

use super::*;

impl Store {
    /// Replies to an entry the reader may see, oldest first.
    pub async fn replies(&self, cap: &Can<act::ReadLogbook>, entry: &str) -> Result<Vec<Reply>> {
        let sql = concat!(
            "SELECT p.id, p.author_member_id, u.display_name, m.role, p.body, p.created_at, p.deleted_at, du.display_name \
             FROM replies p JOIN entries e ON e.id = p.entry_id \
             JOIN memberships m ON m.id = p.author_member_id JOIN users u ON u.id = m.user_id \
             LEFT JOIN memberships dm ON dm.id = p.deleted_by LEFT JOIN users du ON du.id = dm.user_id \
             WHERE e.circle_id = $1 AND ",
            visible!(),
            " AND e.id = $6 ORDER BY p.created_at, p.id"
        );
        db_row! {
            struct Row {
                id: String,
                member: String,
                name: String,
                role: String,
                body: String,
                created: i64,
                deleted_at: Option<i64>,
                deleted_by: Option<String>,
            }
        }
        let rows: Vec<Row> = self.all(sql, &reader_args(cap, args![entry])).await?;
        rows.into_iter()
            .map(|Row { id, member, name, role: r, body, created, deleted_at, deleted_by }| {
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
        let mut tx = self.begin().await?;
        let sql = concat!(
            "SELECT e.author_member_id, e.status FROM entries e WHERE e.circle_id = $1 AND ",
            visible!(),
            " AND e.id = $6 AND e.deleted_at IS NULL"
        );
        let (author, status): (String, String) = tx.one(sql, &reader_args(cap, args![entry])).await?;
        let id = uuid::Uuid::now_v7().to_string();
        tx.exec(
            "INSERT INTO replies (id, entry_id, author_member_id, body, created_at) VALUES ($1, $2, $3, $4, $5)",
            args![&id, entry, cap.member_id().as_str(), body, ms(now)],
        )
        .await?;
        let answers = status == Status::Open.as_str() && author != cap.member_id().as_str();
        tx.exec(
            "UPDATE entries SET reply_count = reply_count + 1, \
             status = CASE WHEN $2 THEN 'answered' ELSE status END, answered_by = CASE WHEN $2 THEN $3 ELSE answered_by END WHERE id = $1",
            args![entry, answers, cap.member_id().as_str()],
        ).await?;
        // Replying means having seen the entry.
        seen_one(&mut tx, cap.member_id(), entry, now).await?;
        tx.finish(mails, now).await?;
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
        let (author,): (String,) = tx
            .one(
                "SELECT p.author_member_id FROM replies p JOIN entries e ON e.id = p.entry_id \
             WHERE p.id = $1 AND e.id = $2 AND e.circle_id = $3 AND p.deleted_at IS NULL",
                args![reply, entry, cap.circle_id().as_str()],
            )
            .await?;
        if author != cap.member_id().as_str() && cap.also::<act::ModerateLogbook>().is_none() {
            return Err(Error::Forbidden);
        }
        tx.exec(
            "UPDATE replies SET deleted_at = $2, deleted_by = $3, body = '' WHERE id = $1",
            args![reply, ms(now), cap.member_id().as_str()],
        )
        .await?;
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
        let mut tx = self.begin().await?;
        let sql = concat!(
            "SELECT e.id FROM entries e WHERE e.circle_id = $1 AND ",
            visible!(),
            " AND e.id = $6 AND e.deleted_at IS NULL"
        );
        let found: Option<(String,)> = tx.opt(sql, &reader_args(cap, args![entry])).await?;
        found.ok_or(Error::NotFound)?;
        if on {
            tx.exec(
                "INSERT INTO reactions (entry_id, member_id, reaction, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                args![entry, cap.member_id().as_str(), reaction.as_str(), ms(now)],
            ).await?;
        } else {
            tx.exec(
                "DELETE FROM reactions WHERE entry_id = $1 AND member_id = $2 AND reaction = $3",
                args![entry, cap.member_id().as_str(), reaction.as_str()],
            )
            .await?;
        }
        tx.commit().await
    }
}
