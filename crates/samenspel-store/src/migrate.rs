//! Schema migrations, one tree per engine with the same numbers and names.
//! Applied at start-up and by `samenspel migrate`; on PostgreSQL the migrator
//! takes an advisory lock, so several instances starting together are safe.

use crate::db::{Pools, Store, db_err};
use samenspel_core::{Error, Result};
use sqlx::error::BoxDynError;
use sqlx::migrate::{Migration, MigrationSource, MigrationType, Migrator};

/// (version, name, SQLite, PostgreSQL)
const MIGRATIONS: &[(i64, &str, &str, &str)] = &[
    (
        1,
        "foundation",
        include_str!("../migrations/sqlite/0001_foundation.sql"),
        include_str!("../migrations/postgres/0001_foundation.sql"),
    ),
    (
        2,
        "logbook",
        include_str!("../migrations/sqlite/0002_logbook.sql"),
        include_str!("../migrations/postgres/0002_logbook.sql"),
    ),
    (
        3,
        "network",
        include_str!("../migrations/sqlite/0003_network.sql"),
        include_str!("../migrations/postgres/0003_network.sql"),
    ),
    (
        4,
        "agreements",
        include_str!("../migrations/sqlite/0004_agreements.sql"),
        include_str!("../migrations/postgres/0004_agreements.sql"),
    ),
    (
        5,
        "changes",
        include_str!("../migrations/sqlite/0005_changes.sql"),
        include_str!("../migrations/postgres/0005_changes.sql"),
    ),
    (
        6,
        "conversations",
        include_str!("../migrations/sqlite/0006_conversations.sql"),
        include_str!("../migrations/postgres/0006_conversations.sql"),
    ),
    (
        7,
        "profiles",
        include_str!("../migrations/sqlite/0007_profiles.sql"),
        include_str!("../migrations/postgres/0007_profiles.sql"),
    ),
    (
        8,
        "checkins",
        include_str!("../migrations/sqlite/0008_checkins.sql"),
        include_str!("../migrations/postgres/0008_checkins.sql"),
    ),
    (
        9,
        "about_client",
        include_str!("../migrations/sqlite/0009_about_client.sql"),
        include_str!("../migrations/postgres/0009_about_client.sql"),
    ),
    (
        10,
        "appreciation_reminders",
        include_str!("../migrations/sqlite/0010_appreciation_reminders.sql"),
        include_str!("../migrations/postgres/0010_appreciation_reminders.sql"),
    ),
    (
        11,
        "intake",
        include_str!("../migrations/sqlite/0011_intake.sql"),
        include_str!("../migrations/postgres/0011_intake.sql"),
    ),
    (
        12,
        "agenda",
        include_str!("../migrations/sqlite/0012_agenda.sql"),
        include_str!("../migrations/postgres/0012_agenda.sql"),
    ),
    (
        13,
        "help_requests",
        include_str!("../migrations/sqlite/0013_help_requests.sql"),
        include_str!("../migrations/postgres/0013_help_requests.sql"),
    ),
    (
        14,
        "location_agenda",
        include_str!("../migrations/sqlite/0014_location_agenda.sql"),
        include_str!("../migrations/postgres/0014_location_agenda.sql"),
    ),
];

/// The compiled-in migrations for one engine, as sqlx's migrator reads them.
#[derive(Debug)]
struct Embedded {
    sqlite: bool,
}

impl<'s> MigrationSource<'s> for Embedded {
    fn resolve(self) -> std::pin::Pin<Box<dyn Future<Output = Result<Vec<Migration>, BoxDynError>> + Send + 's>> {
        let migrations = MIGRATIONS
            .iter()
            .map(|(version, name, lite, pg)| {
                let sql = if self.sqlite { *lite } else { *pg };
                Migration::new(*version, (*name).into(), MigrationType::Simple, sql.into(), false)
            })
            .collect();
        Box::pin(async move { Ok(migrations) })
    }
}

async fn migrator(sqlite: bool) -> Result<Migrator> {
    Migrator::new(Embedded { sqlite }).await.map_err(|e| Error::internal(format!("reading migrations: {e}")))
}

impl Store {
    /// Brings the schema up to date. Refuses a database that has migrations
    /// this version does not know (a newer Samenspel ran against it).
    pub async fn migrate(&self) -> Result<()> {
        let result = match &*self.pools {
            Pools::Sqlite { write, .. } => migrator(true).await?.run(write).await,
            Pools::Postgres { pool } => migrator(false).await?.run(pool).await,
        };
        result.map_err(|e| Error::internal(format!("database migration failed: {e}")))
    }

    /// The newest schema version this binary knows.
    pub fn schema_version() -> i64 {
        MIGRATIONS.last().map(|m| m.0).unwrap_or(0)
    }

    /// Tables and their columns as (table, column, nullable), sorted — used
    /// to prove that both engines' schemas match.
    pub async fn describe_schema(&self) -> Result<Vec<(String, String, bool)>> {
        let mut cols: Vec<(String, String, bool)> = match &*self.pools {
            Pools::Sqlite { read, .. } => {
                let rows: Vec<(String, String, i64)> = sqlx::query_as(
                    "SELECT m.name, p.name, p.\"notnull\" FROM sqlite_master m, pragma_table_info(m.name) p \
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%' \
                     AND m.name NOT LIKE 'entries_fts%'",
                )
                .fetch_all(read)
                .await
                .map_err(db_err)?;
                // SQLite reports a primary-key column as nullable unless declared NOT NULL.
                let pks: Vec<(String, String)> = sqlx::query_as(
                    "SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p \
                     WHERE m.type = 'table' AND p.pk > 0",
                )
                .fetch_all(read)
                .await
                .map_err(db_err)?;
                rows.into_iter()
                    .map(|(t, c, notnull)| {
                        let pk = pks.iter().any(|(pt, pc)| *pt == t && *pc == c);
                        (t, c, notnull == 0 && !pk)
                    })
                    .collect()
            }
            Pools::Postgres { pool } => {
                let rows: Vec<(String, String, String)> = sqlx::query_as(
                    "SELECT table_name::text, column_name::text, is_nullable::text FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%'",
                )
                .fetch_all(pool)
                .await
                .map_err(db_err)?;
                rows.into_iter().map(|(t, c, n)| (t, c, n == "YES")).collect()
            }
        };
        cols.sort();
        Ok(cols)
    }
}
