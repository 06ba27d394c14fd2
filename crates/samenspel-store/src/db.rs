//! Connections for both engines and the write transaction ([`Tx`]).
//! Statements run through the helpers of `sql.rs`.
//!
//! The SQL is written once with `$1` placeholders, which both engines accept;
//! where a statement must differ it is written twice, side by side. SQLite gets
//! readers on the request's thread (`readers.rs`) and one writer whose
//! transactions share commits (`group_commit.rs`), so writes queue in the
//! application instead of failing with `SQLITE_BUSY`; sqlx's pools remain
//! for migrations, backups and the audit trail's snapshot.

use crate::group_commit::{GroupTx, Writer};
use crate::readers::Readers;
use samenspel_core::{Error, Result, Timestamp};
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// SQLite's `synchronous` setting. `Full` (the default) makes every
/// acknowledged commit survive a power cut; `Normal` may lose the last
/// commits on power loss (never on a process crash) in exchange for speed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Synchronous {
    #[default]
    Full,
    Normal,
}

#[derive(Clone, Debug)]
pub struct ConnectOptions {
    /// `sqlite://path/to/file.db` or `postgres://…`.
    pub url: String,
    pub synchronous: Synchronous,
    pub max_connections: u32,
    /// PostgreSQL only: run in this schema (created if missing). Tests use
    /// one schema each so they can run in parallel against one server.
    pub pg_schema: Option<String>,
}

impl ConnectOptions {
    pub fn new(url: impl Into<String>) -> Self {
        ConnectOptions { url: url.into(), synchronous: Synchronous::Full, max_connections: 8, pg_schema: None }
    }
}

pub(crate) enum Pools {
    /// `readers` run reads on the request's thread (see `readers`); `read`
    /// is sqlx's pool for the few reads that need a transaction of their own
    /// (the audit trail's snapshot) or a long run (the integrity check).
    /// `writer` is the one connection requests write through, sharing
    /// commits (see `group_commit`); `write` is sqlx's single write
    /// connection for migrations and `VACUUM INTO`, opened when they come.
    Sqlite {
        readers: Readers,
        read: SqlitePool,
        write: SqlitePool,
        writer: Arc<Writer>,
        path: PathBuf,
    },
    Postgres {
        pool: PgPool,
    },
}

/// The storage handle. Cheap to clone.
#[derive(Clone)]
pub struct Store {
    pub(crate) pools: Arc<Pools>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Store({:?})", self.engine())
    }
}

/// A transaction on either engine: a write one from [`Store::begin`] (the
/// audit snapshot opens a read one on the read pool the same way).
pub(crate) enum Tx {
    Sqlite(SqliteTx),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// A SQLite transaction: a write one in the writer's group (rusqlite, on
/// the request's thread), or a read one on sqlx's read pool (the audit
/// trail's snapshot).
pub(crate) enum SqliteTx {
    Write(GroupTx),
    Read(sqlx::Transaction<'static, sqlx::Sqlite>),
}

impl Tx {
    /// Commits; a write on SQLite returns once its group is durable.
    pub(crate) async fn commit(self) -> Result<()> {
        crate::statements::counted("COMMIT");
        match self {
            Tx::Sqlite(SqliteTx::Write(t)) => {
                let kept = t.commit().await;
                // The request's next read must see what it wrote.
                crate::readers::end_snapshot();
                kept
            }
            Tx::Sqlite(SqliteTx::Read(t)) => t.commit().await.map_err(db_err),
            Tx::Postgres(t) => t.commit().await.map_err(db_err),
        }
    }

    pub(crate) fn engine(&self) -> Engine {
        match self {
            Tx::Sqlite(_) => Engine::Sqlite,
            Tx::Postgres(_) => Engine::Postgres,
        }
    }
}

impl Store {
    /// Opens (and for SQLite creates) the database. Does not migrate.
    pub async fn connect(opts: &ConnectOptions) -> Result<Store> {
        let pools = if let Some(rest) = opts.url.strip_prefix("sqlite:") {
            connect_sqlite(rest.trim_start_matches("//"), opts).await?
        } else if opts.url.starts_with("postgres://") || opts.url.starts_with("postgresql://") {
            connect_postgres(opts).await?
        } else {
            return Err(Error::internal(format!(
                "unsupported database URL (expected sqlite://… or postgres://…): {}",
                redact(&opts.url)
            )));
        };
        Ok(Store { pools: Arc::new(pools) })
    }

    pub fn engine(&self) -> Engine {
        match &*self.pools {
            Pools::Sqlite { .. } => Engine::Sqlite,
            Pools::Postgres { .. } => Engine::Postgres,
        }
    }

    /// The SQLite file, when that is the engine.
    pub fn sqlite_path(&self) -> Option<&Path> {
        match &*self.pools {
            Pools::Sqlite { path, .. } => Some(path),
            Pools::Postgres { .. } => None,
        }
    }

    /// On SQLite: (write transactions kept, the commits that kept them)
    /// since the store opened. Their quotient is how many requests share a
    /// flush to disk (see `group_commit`). `None` on PostgreSQL.
    pub fn group_commits(&self) -> Option<(u64, u64)> {
        match &*self.pools {
            Pools::Sqlite { writer, .. } => Some(writer.stats()),
            Pools::Postgres { .. } => None,
        }
    }

    /// Runs `fut`, one request, with its SQLite reads in one read snapshot
    /// (see `readers`): one consistent view, and a read mark taken once
    /// instead of for every statement. On PostgreSQL every statement stays
    /// on its own.
    pub async fn one_snapshot<F: std::future::Future>(&self, fut: F) -> F::Output {
        match &*self.pools {
            Pools::Sqlite { .. } => crate::readers::scope(fut).await,
            Pools::Postgres { .. } => fut.await,
        }
    }

    /// Is the database reachable? (for `/readyz`)
    pub async fn ping(&self) -> Result<()> {
        match &*self.pools {
            Pools::Sqlite { readers, .. } => return readers.rows::<i64>("SELECT 1", &[], 1).map(|_| ()),
            Pools::Postgres { pool } => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()),
        }
        .map_err(db_err)
    }

    /// Closes every connection; waits for running queries.
    pub async fn close(&self) {
        match &*self.pools {
            Pools::Sqlite { readers, read, write, writer, .. } => {
                readers.close();
                writer.close().await;
                write.close().await;
                read.close().await;
            }
            Pools::Postgres { pool } => pool.close().await,
        }
    }

    pub(crate) async fn begin(&self) -> Result<Tx> {
        crate::statements::counted("BEGIN");
        Ok(match &*self.pools {
            Pools::Sqlite { writer, .. } => {
                crate::readers::end_snapshot();
                Tx::Sqlite(SqliteTx::Write(writer.begin().await?))
            }
            Pools::Postgres { pool } => Tx::Postgres(pool.begin().await.map_err(db_err)?),
        })
    }
}

async fn connect_sqlite(path: &str, opts: &ConnectOptions) -> Result<Pools> {
    let path = PathBuf::from(path.split('?').next().unwrap_or(path));
    if path.as_os_str() == ":memory:" {
        // Readers and the writer are separate connections: in memory each
        // would have a database of its own.
        return Err(Error::internal("SQLite needs a file (sqlite://path/to/samenspel.db), not :memory:"));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(Error::internal)?;
    }
    let base = SqliteConnectOptions::from_str(&format!("sqlite://{}", path.display()))
        .map_err(db_err)?
        .create_if_missing(true)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10))
        .synchronous(match opts.synchronous {
            Synchronous::Full => SqliteSynchronous::Full,
            Synchronous::Normal => SqliteSynchronous::Normal,
        })
        // Keep temporary b-trees in memory and let SQLite checkpoint on its own.
        .pragma("temp_store", "memory");
    switch_to_wal(&base).await?;
    // One writer: writes wait their turn here rather than hitting SQLITE_BUSY.
    // A local file cannot drop a connection the way a network can, so skip
    // sqlx's ping before every query (it costs a round trip each time).
    let write = SqlitePoolOptions::new()
        .max_connections(1)
        .min_connections(0)
        .idle_timeout(Duration::from_secs(60))
        .test_before_acquire(false)
        .connect_with(base.clone())
        .await
        .map_err(db_err)?;
    // Only the audit trail's snapshot and the integrity check read here, so
    // it opens connections when they come and lets them go when idle.
    let read = SqlitePoolOptions::new()
        .max_connections(2)
        .min_connections(0)
        .idle_timeout(Duration::from_secs(60))
        .test_before_acquire(false)
        .connect_with(base.read_only(true))
        .await
        .map_err(db_err)?;
    let readers = Readers::open(&path, opts.max_connections as usize)?;
    let writer = Writer::open(&path, opts.synchronous)?;
    Ok(Pools::Sqlite { readers, read, write, writer, path })
}

/// Puts the file in WAL mode once, before the pools open. WAL is a property of
/// the file, so the pools' connections need not ask for it again. Switching
/// needs an exclusive lock that SQLite's busy timeout does not wait for, so
/// when several instances open a new file at the same moment (an upgrade that
/// starts them together) the losers retry here instead of failing to start.
async fn switch_to_wal(base: &SqliteConnectOptions) -> Result<()> {
    use sqlx::ConnectOptions as _;
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    let mut pause = Duration::from_millis(10);
    loop {
        let attempt = async {
            let mut conn = base.clone().journal_mode(SqliteJournalMode::Wal).connect().await?;
            let mode: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(&mut conn).await?;
            sqlx::Connection::close(conn).await?;
            Ok::<_, sqlx::Error>(mode)
        };
        match attempt.await {
            Ok(mode) if mode.eq_ignore_ascii_case("wal") => return Ok(()),
            Ok(mode) if std::time::Instant::now() >= deadline => {
                return Err(Error::internal(format!("the SQLite file stays in journal mode {mode:?}, not WAL")));
            }
            Err(e) if !is_busy(&e) || std::time::Instant::now() >= deadline => return Err(db_err(e)),
            _ => {}
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(Duration::from_millis(250));
    }
}

/// SQLITE_BUSY and its extended codes (`BUSY_RECOVERY`, `BUSY_SNAPSHOT`, …).
fn is_busy(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .and_then(|d| d.code())
        .and_then(|code| code.parse::<i32>().ok())
        .is_some_and(|code| code & 0xff == 5)
}

async fn connect_postgres(opts: &ConnectOptions) -> Result<Pools> {
    let mut options = PgConnectOptions::from_str(&opts.url).map_err(db_err)?;
    if let Some(schema) = &opts.pg_schema {
        if !schema.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(Error::internal(format!("invalid schema name {schema:?}")));
        }
        // Create the schema with a one-off connection, then point every pooled
        // connection at it.
        let setup = PgPoolOptions::new().max_connections(1).connect_with(options.clone()).await.map_err(db_err)?;
        sqlx::query(&format!("CREATE SCHEMA IF NOT EXISTS {schema}")).execute(&setup).await.map_err(db_err)?;
        setup.close().await;
        options = options.options([("search_path", schema.as_str())]);
    }
    let pool = PgPoolOptions::new()
        .max_connections(opts.max_connections.max(2))
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options)
        .await
        .map_err(db_err)?;
    Ok(Pools::Postgres { pool })
}

/// Hides a password in a database URL before it is shown anywhere.
pub fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_owned(),
    }
}

/// Maps a driver error into the domain's error. Unique violations become a
/// conflict the caller can name more precisely.
pub(crate) fn db_err(e: sqlx::Error) -> Error {
    if let sqlx::Error::RowNotFound = e {
        return Error::NotFound;
    }
    if let Some(db) = e.as_database_error()
        && db.is_unique_violation()
    {
        return Error::Conflict("already-exists");
    }
    Error::internal(e)
}

pub(crate) fn ms(t: Timestamp) -> i64 {
    t.as_millisecond()
}

/// A role as stored.
pub(crate) fn role(raw: &str) -> Result<samenspel_core::role::Role> {
    samenspel_core::role::Role::parse(raw).ok_or_else(|| Error::internal(format!("unknown role {raw:?}")))
}

/// The date in the circles' time zone (Europe/Amsterdam) at `now`.
pub(crate) fn today(now: Timestamp) -> jiff::civil::Date {
    let tz = jiff::tz::TimeZone::get("Europe/Amsterdam").unwrap_or(jiff::tz::TimeZone::UTC);
    now.to_zoned(tz).date()
}

pub(crate) fn ts(ms: i64) -> Timestamp {
    Timestamp::from_millisecond(ms).unwrap_or(Timestamp::UNIX_EPOCH)
}

pub(crate) fn ts_opt(ms: Option<i64>) -> Option<Timestamp> {
    ms.map(ts)
}
