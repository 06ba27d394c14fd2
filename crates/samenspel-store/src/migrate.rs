//! Schema migrations, one tree per engine with the same numbers and names.
//! Applied at start-up and by `samenspel migrate`; on PostgreSQL the migrator
//! takes an advisory lock, so several instances starting together are safe.
//! A database that a newer Samenspel has migrated is refused, naming both
//! schema versions; [`Store::schema_status`] says what `migrate` would do
//! without changing anything (`samenspel migrate --dry-run`).

use crate::db::{Pools, Store, db_err};
use crate::migrations::MIGRATIONS;
use samenspel_core::{Error, Result};
use sqlx::error::BoxDynError;
use sqlx::migrate::{Migration, MigrationSource, MigrationType, Migrator};
use std::borrow::Cow;

/// The compiled-in migrations for one engine up to a version, as sqlx's
/// migrator reads them.
#[derive(Debug)]
struct Embedded {
    sqlite: bool,
    up_to: i64,
}

/// The first line of a SQLite migration that rebuilds a table others refer
/// to. SQLite's way to do that needs foreign keys off, and SQLite ignores
/// that setting inside a transaction, so such a migration runs on a
/// connection of its own that has them off (the migrator still wraps it in
/// a transaction; the migration checks its own references before it ends).
const FOREIGN_KEYS_OFF: &str = "-- foreign keys off\n";

fn migration(sqlite: bool, (version, name, lite, pg): &(i64, &'static str, &'static str, &'static str)) -> Migration {
    let sql = if sqlite { *lite } else { *pg };
    Migration::new(*version, Cow::Borrowed(*name), MigrationType::Simple, Cow::Borrowed(sql), false)
}

impl<'s> MigrationSource<'s> for Embedded {
    fn resolve(self) -> std::pin::Pin<Box<dyn Future<Output = Result<Vec<Migration>, BoxDynError>> + Send + 's>> {
        let migrations = MIGRATIONS.iter().filter(|m| m.0 <= self.up_to).map(|m| migration(self.sqlite, m)).collect();
        Box::pin(async move { Ok(migrations) })
    }
}

/// A migrator for the migrations up to `up_to`. Versions the database has
/// beyond it are not an error here: `migrate` refuses unknown versions
/// itself, before any migrator runs.
async fn migrator(sqlite: bool, up_to: i64) -> Result<Migrator> {
    let mut migrator = Migrator::new(Embedded { sqlite, up_to })
        .await
        .map_err(|e| Error::internal(format!("reading migrations: {e}")))?;
    migrator.set_ignore_missing(true);
    Ok(migrator)
}

/// SQLite's migrations in order, each rebuild with foreign keys off on a
/// connection of its own (see [`FOREIGN_KEYS_OFF`]) and the rest on the
/// pool's writer. A migrator that finds nothing to do only reads its table.
async fn migrate_sqlite(write: &sqlx::SqlitePool, path: &std::path::Path) -> Result<()> {
    for (version, ..) in MIGRATIONS.iter().filter(|m| m.2.starts_with(FOREIGN_KEYS_OFF)) {
        migrator(true, version - 1).await?.run(write).await.map_err(failed)?;
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(path)
            .foreign_keys(false)
            .busy_timeout(std::time::Duration::from_secs(10));
        let mut conn = sqlx::ConnectOptions::connect(&options).await.map_err(db_err)?;
        migrator(true, *version).await?.run(&mut conn).await.map_err(failed)?;
        sqlx::Connection::close(conn).await.map_err(db_err)?;
    }
    migrator(true, i64::MAX).await?.run(write).await.map_err(failed)
}

fn failed(e: sqlx::migrate::MigrateError) -> Error {
    Error::internal(format!("database migration failed: {e}"))
}

/// One migration this binary knows and has not applied yet.
#[derive(Debug, Clone)]
pub struct PendingMigration {
    pub version: i64,
    pub name: &'static str,
    /// What it does, one line per statement ("CREATE TABLE location_items").
    pub statements: Vec<String>,
}

/// Where a database stands against this binary's migrations, read without
/// changing anything.
#[derive(Debug, Clone)]
pub struct SchemaStatus {
    /// The newest version recorded in the database; 0 for an empty database.
    pub database_version: i64,
    /// The newest version this binary knows.
    pub binary_version: i64,
    /// Known here and not applied yet, oldest first: what `migrate` would do.
    pub pending: Vec<PendingMigration>,
    /// Recorded in the database but unknown here: a newer Samenspel applied them.
    pub unknown: Vec<(i64, String)>,
    /// Applied, but failed halfway or applied from a different text than the
    /// one compiled in here: (version, name, what is wrong).
    pub damaged: Vec<(i64, String, &'static str)>,
}

impl SchemaStatus {
    /// Why this binary must not touch the database, if it must not.
    pub fn refusal(&self) -> Option<String> {
        if !self.unknown.is_empty() {
            return Some(format!(
                "the database is at schema version {}, newer than this Samenspel knows (schema version {}): \
                 a newer Samenspel has upgraded it. Run that newer version; going back means restoring the \
                 backup made before the upgrade",
                self.database_version, self.binary_version
            ));
        }
        self.damaged.first().map(|(version, name, problem)| {
            format!("migration {version} ({name}) {problem}; restore the backup made before it ran")
        })
    }
}

impl Store {
    /// Brings the schema up to date. Refuses a database that has migrations
    /// this version does not know (a newer Samenspel ran against it), naming
    /// both schema versions.
    pub async fn migrate(&self) -> Result<()> {
        // PostgreSQL: sqlx's migrator takes an advisory lock. SQLite: it does
        // not, and two processes migrating one file at once (the service
        // starting while the backup timer opens the database) would both try
        // the same migration; a lock file beside the database serialises them.
        let _lock = match &*self.pools {
            Pools::Sqlite { path, .. } => Some(lock_beside(path).await?),
            Pools::Postgres { .. } => None,
        };
        if let Some(why) = self.schema_status().await?.refusal() {
            return Err(Error::internal(why));
        }
        match &*self.pools {
            Pools::Sqlite { write, path, .. } => migrate_sqlite(write, path).await,
            Pools::Postgres { pool } => migrator(false, i64::MAX).await?.run(pool).await.map_err(failed),
        }
    }

    /// The newest schema version this binary knows.
    pub fn schema_version() -> i64 {
        MIGRATIONS.last().map(|m| m.0).unwrap_or(0)
    }

    /// Every migration this binary knows: (version, name), oldest first.
    pub fn known_migrations() -> Vec<(i64, &'static str)> {
        MIGRATIONS.iter().map(|m| (m.0, m.1)).collect()
    }

    /// Compares the database's migration table with the compiled-in
    /// migrations. Reads only.
    pub async fn schema_status(&self) -> Result<SchemaStatus> {
        let sqlite = matches!(&*self.pools, Pools::Sqlite { .. });
        // (version, description, success, checksum)
        let applied: Vec<(i64, String, bool, Vec<u8>)> = match &*self.pools {
            Pools::Sqlite { write, .. } => {
                let (exists,): (i64,) = sqlx::query_as(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
                )
                .fetch_one(write)
                .await
                .map_err(db_err)?;
                if exists == 0 { Vec::new() } else { sqlx::query_as(APPLIED).fetch_all(write).await.map_err(db_err)? }
            }
            Pools::Postgres { pool } => {
                let (exists,): (bool,) = sqlx::query_as("SELECT to_regclass('_sqlx_migrations') IS NOT NULL")
                    .fetch_one(pool)
                    .await
                    .map_err(db_err)?;
                if exists { sqlx::query_as(APPLIED).fetch_all(pool).await.map_err(db_err)? } else { Vec::new() }
            }
        };
        let mut status = SchemaStatus {
            database_version: applied.iter().map(|a| a.0).max().unwrap_or(0),
            binary_version: Self::schema_version(),
            pending: Vec::new(),
            unknown: Vec::new(),
            damaged: Vec::new(),
        };
        for (version, name, success, checksum) in &applied {
            match MIGRATIONS.iter().find(|m| m.0 == *version) {
                None => status.unknown.push((*version, name.clone())),
                Some(m) if !success => status.damaged.push((m.0, m.1.into(), "failed halfway")),
                Some(m) if migration(sqlite, m).checksum.as_ref() != checksum.as_slice() => {
                    status.damaged.push((m.0, m.1.into(), "was applied from a different text than this Samenspel has"))
                }
                Some(_) => {}
            }
        }
        for m in MIGRATIONS.iter().filter(|m| !applied.iter().any(|a| a.0 == m.0)) {
            let sql = if sqlite { m.2 } else { m.3 };
            status.pending.push(PendingMigration { version: m.0, name: m.1, statements: summarize(sql) });
        }
        Ok(status)
    }
}

/// An exclusive lock on `<database>.migrate-lock`, held until dropped. Not
/// on the database file itself: closing another descriptor of that file
/// would drop SQLite's own locks in this process.
async fn lock_beside(db: &std::path::Path) -> Result<std::fs::File> {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".migrate-lock");
    let path = db.with_file_name(name);
    tokio::task::spawn_blocking(move || -> std::io::Result<std::fs::File> {
        let file = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path)?;
        file.lock()?;
        Ok(file)
    })
    .await
    .map_err(Error::internal)?
    .map_err(|e| Error::internal(format!("locking the database for migrations: {e}")))
}

const APPLIED: &str = "SELECT version, description, success, checksum FROM _sqlx_migrations ORDER BY version";

/// One line per statement of a migration: its words up to the first
/// parenthesis ("CREATE TABLE location_items", "CREATE INDEX x ON y").
/// Comments are left out; a trigger's or function's body is one statement.
pub fn summarize(sql: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut in_string = false;
    let mut in_dollar = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '-' if !in_string && !in_dollar && chars.peek() == Some(&'-') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
                current.push(' ');
                continue;
            }
            '\'' if !in_dollar => in_string = !in_string,
            '$' if !in_string && chars.peek() == Some(&'$') => {
                chars.next();
                current.push('$');
                in_dollar = !in_dollar;
            }
            ';' if !in_string && !in_dollar => {
                let words: Vec<&str> = current.split_whitespace().collect();
                let upper: Vec<String> = words.iter().map(|w| w.to_ascii_uppercase()).collect();
                // A SQLite trigger's body has its own semicolons, up to END.
                let open_trigger = upper.iter().any(|w| w == "BEGIN") && upper.last().is_none_or(|w| w != "END");
                if open_trigger && upper.get(1).is_some_and(|w| w == "TRIGGER") {
                    current.push(c);
                    continue;
                }
                if !words.is_empty() {
                    out.push(headline(&words));
                }
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    let words: Vec<&str> = current.split_whitespace().collect();
    if !words.is_empty() {
        out.push(headline(&words));
    }
    out
}

fn headline(words: &[&str]) -> String {
    let mut line: Vec<&str> = Vec::new();
    for w in words.iter().take(12) {
        if w.eq_ignore_ascii_case("BEGIN") {
            break;
        }
        let (before, paren) = match w.split_once('(') {
            Some((before, _)) => (before, true),
            None => (*w, false),
        };
        if !before.is_empty() {
            line.push(before);
        }
        if paren {
            break;
        }
    }
    line.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_name_each_statement() {
        let sql = "-- a comment; with a semicolon\nCREATE TABLE a (\n  x TEXT DEFAULT ';'\n);\n\
                   CREATE INDEX a_x ON a (x);\n\
                   CREATE TRIGGER a_no_delete BEFORE DELETE ON a BEGIN SELECT RAISE(ABORT, 'no'); END;\n\
                   CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'x'; END $$ LANGUAGE plpgsql;\n\
                   ALTER TABLE a ADD COLUMN y INTEGER NOT NULL DEFAULT 0;";
        assert_eq!(
            summarize(sql),
            [
                "CREATE TABLE a",
                "CREATE INDEX a_x ON a",
                "CREATE TRIGGER a_no_delete BEFORE DELETE ON a",
                "CREATE FUNCTION f",
                "ALTER TABLE a ADD COLUMN y INTEGER NOT NULL DEFAULT 0",
            ]
        );
    }

    #[test]
    fn both_trees_list_the_same_migrations_in_order() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.0, i as i64 + 1, "versions count up from 1 without gaps");
            let file = format!("{:04}_{}.sql", m.0, m.1);
            for engine in ["sqlite", "postgres"] {
                let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(engine).join(&file);
                assert!(path.exists(), "{} is missing", path.display());
            }
        }
        assert_eq!(Store::schema_version(), MIGRATIONS.len() as i64);
    }
}
