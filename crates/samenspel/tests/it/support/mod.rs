//! Test support: a fresh database per test on either engine, the app on top
//! of it, an HTTP client that keeps cookies and CSRF tokens, fixtures, a
//! local SMTP sink and helpers to run the real binary.

pub mod binary;
pub mod client;
pub mod fixtures;
pub mod photos;
pub mod smtp;

pub use client::{Client, Resp};
pub use fixtures::{Part, TUser, TestApp, client, coordinator, professional, relative, representative, volunteer};

use samenspel_store::{ConnectOptions, Store};
use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Sqlite => "sqlite",
            Engine::Postgres => "postgres",
        }
    }
}

/// Test futures need not be `Send`: each runs on its own runtime's main task.
pub type TestFn = fn(TestDb) -> Pin<Box<dyn Future<Output = ()>>>;

/// Lists test functions as (name, fn) pairs.
macro_rules! tests {
    ($($module:ident :: $name:ident),* $(,)?) => {
        vec![$(
            (concat!(stringify!($module), "::", stringify!($name)), {
                fn boxed(db: $crate::support::TestDb) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()>>> {
                    Box::pin($module::$name(db))
                }
                boxed as $crate::support::TestFn
            }),
        )*]
    };
}
pub(crate) use tests;

/// A database of its own for one test, and a scratch directory.
pub struct TestDb {
    pub engine: Engine,
    pub store: Store,
    pub dir: PathBuf,
    /// The URL the store was opened with (plus the schema on PostgreSQL).
    pub url: String,
    pub schema: Option<String>,
}

pub fn postgres_url() -> Option<String> {
    std::env::var("SAMENSPEL_TEST_POSTGRES").ok().filter(|v| !v.is_empty())
}

pub fn scratch_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("samenspel-it-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

impl TestDb {
    pub async fn new(engine: Engine) -> TestDb {
        let dir = scratch_dir();
        let (url, schema) = match engine {
            Engine::Sqlite => (format!("sqlite://{}", dir.join("samenspel.db").display()), None),
            Engine::Postgres => {
                let url = postgres_url().expect("SAMENSPEL_TEST_POSTGRES is set for PostgreSQL tests");
                (url, Some(format!("t_{}", uuid::Uuid::new_v4().simple())))
            }
        };
        let mut opts = ConnectOptions::new(url.clone());
        opts.pg_schema = schema.clone();
        opts.max_connections = 6;
        let store = Store::connect(&opts)
            .await
            .unwrap_or_else(|e| panic!("cannot open the {} test database: {e}", engine.name()));
        store.migrate().await.expect("migrations");
        TestDb { engine, store, dir, url, schema }
    }

    /// A connection of its own, around the store (PostgreSQL: in the test's schema).
    async fn connect(&self) -> Result<Raw, sqlx::Error> {
        use sqlx::Connection;
        Ok(match self.engine {
            Engine::Sqlite => Raw::Sqlite(sqlx::SqliteConnection::connect(&self.url).await?),
            Engine::Postgres => {
                let mut c = sqlx::PgConnection::connect(&self.url).await?;
                let schema = self.schema.clone().unwrap_or_default();
                sqlx::raw_sql(&format!("SET search_path TO {schema}")).execute(&mut c).await?;
                Raw::Postgres(c)
            }
        })
    }

    /// Runs SQL directly, around the store (to tamper with data in tests).
    pub async fn raw(&self, sql: &str) -> Result<u64, sqlx::Error> {
        Ok(match self.connect().await? {
            Raw::Sqlite(mut c) => sqlx::raw_sql(sql).execute(&mut c).await?.rows_affected(),
            Raw::Postgres(mut c) => sqlx::raw_sql(sql).execute(&mut c).await?.rows_affected(),
        })
    }

    /// The one number a `SELECT COUNT(*) …` answers, read around the store.
    pub async fn count(&self, sql: &str) -> i64 {
        let one = match self.connect().await.expect("a connection") {
            Raw::Sqlite(mut c) => sqlx::query_as::<_, (i64,)>(sql).fetch_one(&mut c).await,
            Raw::Postgres(mut c) => sqlx::query_as::<_, (i64,)>(sql).fetch_one(&mut c).await,
        };
        one.expect("a count").0
    }

    /// The first column of every row a `SELECT` of text answers, read around the store.
    pub async fn strings(&self, sql: &str) -> Vec<String> {
        let rows = match self.connect().await.expect("a connection") {
            Raw::Sqlite(mut c) => sqlx::query_as::<_, (String,)>(sql).fetch_all(&mut c).await,
            Raw::Postgres(mut c) => sqlx::query_as::<_, (String,)>(sql).fetch_all(&mut c).await,
        };
        rows.expect("rows").into_iter().map(|r| r.0).collect()
    }
}

/// A connection of the test's engine.
enum Raw {
    Sqlite(sqlx::SqliteConnection),
    Postgres(sqlx::PgConnection),
}

/// Drops what a test left behind: its PostgreSQL schema and scratch directory.
pub async fn cleanup(engine: Engine, dir: PathBuf, url: String, schema: Option<String>) {
    if let (Engine::Postgres, Some(schema)) = (engine, &schema) {
        use sqlx::Connection;
        if let Ok(mut c) = sqlx::PgConnection::connect(&url).await {
            let _ = sqlx::raw_sql(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE")).execute(&mut c).await;
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Runs one test on one engine in its own runtime; a panic fails the test.
pub fn run(engine: Engine, test: TestFn) -> Result<(), libtest_mimic::Failed> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let db = runtime.block_on(TestDb::new(engine));
    let leftovers = (db.dir.clone(), db.url.clone(), db.schema.clone());
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| runtime.block_on(test(db))));
    // The test consumed the database; clean up what it left.
    runtime.block_on(cleanup(engine, leftovers.0, leftovers.1, leftovers.2));
    outcome.map_err(|payload| {
        payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "test panicked".into())
            .into()
    })
}
