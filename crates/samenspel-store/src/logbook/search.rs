//! Searching the logbook, and SQLite's full-text index kept in step.

use super::*;

impl Store {
    /// Entries matching a search, newest first, as the reader may see them.
    /// SQLite searches an FTS5 index (accents folded, words as prefixes);
    /// PostgreSQL uses its Dutch text-search configuration (with stemming).
    pub async fn search_entries(&self, cap: &Can<act::ReadLogbook>, query: &str, limit: i64) -> Result<Vec<Entry>> {
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
             WHERE entries_fts MATCH $6 AND e.circle_id = $1 AND ",
            visible!(),
            " AND e.deleted_at IS NULL ORDER BY f.rowid DESC LIMIT $7"
        );
        let sql_postgres = concat!(
            entry_select!(),
            "WHERE e.circle_id = $1 AND ",
            visible!(),
            " AND e.deleted_at IS NULL AND to_tsvector('dutch', e.body) @@ websearch_to_tsquery('dutch', $6) \
             ORDER BY e.created_at DESC, e.id DESC LIMIT $7"
        );
        let rows: Vec<EntryRow> = match self.engine() {
            crate::Engine::Sqlite => {
                let matching = format!("circle : {} AND body : ({fts})", circle_token(cap.circle_id()));
                self.all(sql_sqlite, &reader_args(cap, args![matching, limit])).await?
            }
            crate::Engine::Postgres => self.all(sql_postgres, &reader_args(cap, args![query.trim(), limit])).await?,
        };
        let mut rows = rows;
        // Newest first by time on both engines (SQLite's index order can differ by moments).
        rows.sort_by(|a, b| (b.created_at, &b.id).cmp(&(a.created_at, &a.id)));
        let mut entries = rows.into_iter().map(|r| r.into_entry(cap.circle_id())).collect::<Result<Vec<_>>>()?;
        self.attach_related(cap.member_id(), &mut entries).await?;
        Ok(entries)
    }
}

/// Keeps SQLite's full-text index in step (PostgreSQL indexes the column
/// itself). The index row's key comes from `entries_fts_rows`.
pub(super) async fn index_for_search(tx: &mut Tx, circle: &CircleId, entry: &str, body: &str) -> Result<()> {
    if let Tx::Sqlite(_) = tx {
        let (key,): (i64,) = tx
            .one(
                "INSERT INTO entries_fts_rows (entry_id) VALUES ($1) \
             ON CONFLICT (entry_id) DO UPDATE SET entry_id = excluded.entry_id RETURNING id",
                args![entry],
            )
            .await?;
        tx.exec("DELETE FROM entries_fts WHERE rowid = $1", args![key]).await?;
        tx.exec(
            "INSERT INTO entries_fts (rowid, circle, body) VALUES ($1, $2, $3)",
            args![key, circle_token(circle), body],
        )
        .await?;
    }
    Ok(())
}

pub(super) async fn unindex_for_search(tx: &mut Tx, entry: &str) -> Result<()> {
    if let Tx::Sqlite(_) = tx {
        tx.exec(
            "DELETE FROM entries_fts WHERE rowid = (SELECT id FROM entries_fts_rows WHERE entry_id = $1)",
            args![entry],
        )
        .await?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_queries_are_safe() {
        for (given, wanted) in [
            ("Henk viel", "\"Henk\"* \"viel\"*"),
            ("\" OR 1=1 --", "\"OR\"* \"1\"* \"1\"*"),
            ("  ", ""),
            ("cliënt", "\"cliënt\"*"),
        ] {
            assert_eq!(fts_query(given), wanted, "{given:?}");
        }
    }
}
