//! Baselines: bare commits on the same database, without the app.

use std::future::Future;

pub(crate) async fn sqlite_baseline(
    dir: &std::path::Path,
    name: &str,
    synchronous: &str,
) -> Result<impl BaselineConn, String> {
    use sqlx::ConnectOptions as _;
    use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
    let path = dir.join(format!("{name}.db"));
    let mut conn = SqliteConnectOptions::new()
        .filename(&path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(if synchronous == "normal" { SqliteSynchronous::Normal } else { SqliteSynchronous::Full })
        .connect()
        .await
        .map_err(|e| format!("baseline database: {e}"))?;
    sqlx::query("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, v TEXT NOT NULL)")
        .execute(&mut conn)
        .await
        .map_err(|e| e.to_string())?;
    Ok(conn)
}

pub(crate) async fn postgres_baseline(url: &str, schema: &str) -> Result<impl BaselineConn, String> {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(url).await.map_err(|e| format!("baseline connection: {e}"))?;
    for sql in [
        format!("SET search_path TO {schema}"),
        "CREATE TABLE IF NOT EXISTS bench_baseline (id BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL, v TEXT NOT NULL)"
            .to_owned(),
    ] {
        sqlx::raw_sql(&sql).execute(&mut conn).await.map_err(|e| e.to_string())?;
    }
    Ok(conn)
}

/// A connection that can commit `rows` small inserts in one transaction:
/// one statement per row, or (`one_statement`) all rows in one INSERT.
pub(crate) trait BaselineConn: Send + 'static {
    fn commit_rows(&mut self, rows: u64, one_statement: bool) -> impl Future<Output = Result<(), String>> + Send;
}

pub(crate) const BASELINE_TEXT: &str = "a row about the size of an audit record's text fields";

/// `INSERT INTO table (at, v) VALUES ($1, $2), ($3, $4), …` for `rows` rows.
pub(crate) fn multi_row_insert(table: &str, rows: u64) -> String {
    let values: Vec<String> = (0..rows).map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2)).collect();
    format!("INSERT INTO {table} (at, v) VALUES {}", values.join(", "))
}

/// [`BaselineConn`] for one engine's connection, writing to `$table`.
macro_rules! baseline_conn {
    ($conn:ty, $table:literal) => {
        impl BaselineConn for $conn {
            async fn commit_rows(&mut self, rows: u64, one_statement: bool) -> Result<(), String> {
                use sqlx::Connection;
                let mut tx = self.begin().await.map_err(|e| e.to_string())?;
                if one_statement {
                    let sql = multi_row_insert($table, rows);
                    let mut q = sqlx::query(&sql);
                    for i in 0..rows {
                        q = q.bind(i as i64).bind(BASELINE_TEXT);
                    }
                    q.execute(&mut *tx).await.map_err(|e| e.to_string())?;
                } else {
                    for i in 0..rows {
                        sqlx::query(concat!("INSERT INTO ", $table, " (at, v) VALUES ($1, $2)"))
                            .bind(i as i64)
                            .bind(BASELINE_TEXT)
                            .execute(&mut *tx)
                            .await
                            .map_err(|e| e.to_string())?;
                    }
                }
                tx.commit().await.map_err(|e| e.to_string())
            }
        }
    };
}

baseline_conn!(sqlx::SqliteConnection, "t");
baseline_conn!(sqlx::PgConnection, "bench_baseline");
