//! Upgrades as an operator runs them: a filled database from every schema
//! version there has been (upgrade/{sqlite,postgres}/vNN.sql.gz, made from a
//! Samenspel binary's demo data by upgrade/make-fixture) is loaded, the real
//! binary's `migrate --dry-run` says what would change and changes nothing,
//! `migrate` brings it up to date with nothing lost, and the result equals a
//! fresh database, verifies its audit chain and serves its circles, entries
//! and search. A database that a newer Samenspel has upgraded is refused.

use crate::schema::{Target, describe};
use crate::support::binary::{Install, last_line};
use crate::support::{Engine, TestDb};
use samenspel_store::Store;
use sqlx::Connection;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A table's columns and every row, each row as one text in the engine's
/// own quoting, sorted.
type Snapshot = BTreeMap<String, (Vec<String>, Vec<String>)>;

/// Changes that a migration makes on purpose to rows that were there:
/// (schema version that does it, table, why).
const REWRITTEN_BY_MIGRATION: &[(i64, &str, &str)] = &[
    (22, "jobs", "a sent e-mail's payload (its address and text) is no longer kept"),
    (30, "logbook_progress", "the \"caught up\" mark became `entry_unseen` rows, made from it"),
];

fn fixtures(engine: Engine) -> Vec<(i64, PathBuf)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/upgrade").join(engine.name());
    let mut out: Vec<(i64, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let version = name.strip_prefix('v')?.strip_suffix(".sql.gz")?.parse().ok()?;
            Some((version, e.path()))
        })
        .collect();
    out.sort();
    out
}

pub async fn every_earlier_schema_upgrades_with_nothing_lost(db: TestDb) {
    let current = Store::schema_version();
    let all = fixtures(db.engine);
    assert!(all.len() >= 2, "a fixture for today's schema and at least one earlier one: {all:?}");
    assert!(all.iter().all(|(v, _)| *v <= current), "a fixture newer than the code: {all:?}");
    let fresh = describe(Target::of(&db)).await;
    let last = all.len() - 1;
    for (i, (version, path)) in all.iter().enumerate() {
        let install = Install::new(&db).await;
        let label = format!("{} fixture v{version}", db.engine.name());
        load(&install, db.engine, path).await;
        let before = snapshot(&install.database_url, db.engine, None).await;
        assert!(before.get("entries").is_some_and(|t| !t.1.is_empty()), "{label} is filled");

        // A dry run names the database's version and each migration to run, and changes nothing.
        let (code, out, err) = install.run(&["migrate", "--dry-run"], &[]).await;
        assert_eq!(code, 0, "{label}: {out}{err}");
        assert!(out.contains(&format!("schema version {version} ")), "{label}: {out}");
        for (v, name) in Store::known_migrations().into_iter().filter(|(v, _)| *v > *version) {
            assert!(out.contains(&format!("{v:>3} {name}\n")), "{label}: the dry run names {v} {name}: {out}");
        }
        if *version == current {
            assert!(out.contains("up to date"), "{label}: {out}");
        }
        assert_eq!(
            snapshot(&install.database_url, db.engine, None).await,
            before,
            "{label}: the dry run changed nothing"
        );

        let (code, out, err) = install.run(&["migrate"], &[]).await;
        assert_eq!(code, 0, "{label}: {out}{err}");
        assert!(out.contains(&format!("now at schema version {current}")), "{label}: {out}");
        let after = snapshot(&install.database_url, db.engine, Some(&before)).await;
        nothing_lost(&label, *version, &before, &after);
        let upgraded = describe(match db.engine {
            Engine::Sqlite => Target::Sqlite(&install.database_url),
            Engine::Postgres => Target::Postgres(&install.database_url, None),
        })
        .await;
        assert_eq!(upgraded, fresh, "{label}: the upgraded schema is the schema of a new database");

        // Samenspel itself reads it: the audit chain, a member's circles, entries and search.
        let audit_rows = before.get("audit_log").map(|t| t.1.len()).unwrap_or(0);
        let (code, out, _) = install.run(&["audit", "verify"], &[]).await;
        assert_eq!(code, 0, "{label}: {out}");
        assert!(out.contains(&format!("intact: {audit_rows} records")), "{label}: {out}");
        serves_what_was_written(&install, db.engine, &label).await;

        if i == last {
            a_newer_database_is_refused(&install, db.engine, current).await;
        }
        install.drop_database().await;
        for file in ["samenspel.db", "samenspel.db-wal", "samenspel.db-shm"] {
            let _ = std::fs::remove_file(install.path(file));
        }
    }
}

/// Loads a fixture into the install's (empty) database.
async fn load(install: &Install, engine: Engine, path: &std::path::Path) {
    let mut sql = String::new();
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(file), &mut sql)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match engine {
        Engine::Sqlite => {
            let url = format!("{}?mode=rwc", install.database_url);
            let mut c = sqlx::SqliteConnection::connect(&url).await.expect("sqlite");
            sqlx::raw_sql(&sql).execute(&mut c).await.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            c.close().await.ok();
        }
        Engine::Postgres => {
            let mut c = sqlx::PgConnection::connect(&install.database_url).await.expect("postgres");
            sqlx::raw_sql(&sql).execute(&mut c).await.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            c.close().await.ok();
        }
    }
}

/// Every table's rows; with `like`, each table's rows are written with the
/// columns it had there (those that still exist), so rows from before an
/// upgrade compare with rows after it even when a migration added columns.
async fn snapshot(url: &str, engine: Engine, like: Option<&Snapshot>) -> Snapshot {
    let mut out = Snapshot::new();
    match engine {
        Engine::Sqlite => {
            let mut c = sqlx::SqliteConnection::connect(url).await.expect("sqlite");
            let tables: Vec<(String,)> = sqlx::query_as(
                "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'shadow') \
                 AND name NOT LIKE 'sqlite_%'",
            )
            .fetch_all(&mut c)
            .await
            .expect("tables");
            for (table,) in tables {
                let cols: Vec<(String,)> = sqlx::query_as("SELECT name FROM pragma_table_info($1) ORDER BY cid")
                    .bind(&table)
                    .fetch_all(&mut c)
                    .await
                    .expect("columns");
                let cols: Vec<String> = cols.into_iter().map(|c| c.0).collect();
                let shown = projection(&table, &cols, like);
                let row = shown.iter().map(|c| format!("quote(\"{c}\")")).collect::<Vec<_>>().join(" || '|' || ");
                let rows: Vec<(String,)> =
                    sqlx::query_as(&format!("SELECT {row} FROM \"{table}\"")).fetch_all(&mut c).await.expect("rows");
                let mut rows: Vec<String> = rows.into_iter().map(|r| r.0).collect();
                rows.sort();
                out.insert(table, (cols, rows));
            }
            c.close().await.ok();
        }
        Engine::Postgres => {
            let mut c = sqlx::PgConnection::connect(url).await.expect("postgres");
            let tables: Vec<(String,)> = sqlx::query_as(
                "SELECT table_name::text FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
            )
            .fetch_all(&mut c)
            .await
            .expect("tables");
            for (table,) in tables {
                let cols: Vec<(String,)> = sqlx::query_as(
                    "SELECT column_name::text FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
                )
                .bind(&table)
                .fetch_all(&mut c)
                .await
                .expect("columns");
                let cols: Vec<String> = cols.into_iter().map(|c| c.0).collect();
                let shown = projection(&table, &cols, like);
                let row = shown.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
                let rows: Vec<(String,)> = sqlx::query_as(&format!("SELECT ROW({row})::text FROM \"{table}\""))
                    .fetch_all(&mut c)
                    .await
                    .expect("rows");
                let mut rows: Vec<String> = rows.into_iter().map(|r| r.0).collect();
                rows.sort();
                out.insert(table, (cols, rows));
            }
            c.close().await.ok();
        }
    }
    out
}

/// The columns to write a table's rows with: all of them, or those it had in `like`.
fn projection(table: &str, cols: &[String], like: Option<&Snapshot>) -> Vec<String> {
    match like.and_then(|l| l.get(table)) {
        Some((before, _)) => before.iter().filter(|c| cols.contains(c)).cloned().collect(),
        None => cols.to_vec(),
    }
}

/// Every table that was there is still there, with every row it had (in
/// the columns it had; `after` is written that way). A table or column that
/// a migration removed shows here as lost.
fn nothing_lost(label: &str, version: i64, before: &Snapshot, after: &Snapshot) {
    for (table, (cols, rows)) in before {
        if REWRITTEN_BY_MIGRATION.iter().any(|(v, t, _)| *v > version && t == table) {
            continue;
        }
        let (after_cols, after_rows) = after.get(table).unwrap_or_else(|| panic!("{label}: table {table} is gone"));
        let missing: Vec<&String> = cols.iter().filter(|c| !after_cols.contains(c)).collect();
        assert!(missing.is_empty(), "{label}: {table} lost columns {missing:?}");
        let mut left = after_rows.clone();
        for row in rows {
            let at = left.iter().position(|r| r == row);
            assert!(at.is_some(), "{label}: a row of {table} is gone or changed: {row}");
            if let Some(at) = at {
                left.swap_remove(at);
            }
        }
    }
}

/// A member who wrote an entry to the whole circle finds it through the API,
/// in the list and by searching for a word in it.
async fn serves_what_was_written(install: &Install, engine: Engine, label: &str) {
    let query = "SELECT u.email, e.circle_id, e.id, e.body FROM entries e \
                 JOIN memberships m ON m.id = e.author_member_id JOIN users u ON u.id = m.user_id \
                 WHERE e.audience = 'circle' AND e.deleted_at IS NULL AND m.ended_at IS NULL \
                 ORDER BY e.created_at DESC LIMIT 1";
    let (email, circle, entry, body): (String, String, String, String) = match engine {
        Engine::Sqlite => {
            let mut c = sqlx::SqliteConnection::connect(&install.database_url).await.expect("sqlite");
            sqlx::query_as(query).fetch_one(&mut c).await.expect("an entry to the whole circle")
        }
        Engine::Postgres => {
            let mut c = sqlx::PgConnection::connect(&install.database_url).await.expect("postgres");
            sqlx::query_as(query).fetch_one(&mut c).await.expect("an entry to the whole circle")
        }
    };
    let word = body
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 6)
        .max_by_key(|w| w.chars().count())
        .unwrap_or_else(|| panic!("{label}: a word to search for in {body:?}"))
        .to_owned();
    let (code, out, err) = install.run(&["admin", "token", "--email", &email], &[]).await;
    assert_eq!(code, 0, "{label}: {out}{err}");
    let auth = format!("Bearer {}", last_line(&out));
    let server = install.serve().await;
    let (status, _) = server.request("GET", "/healthz", &[], "").await;
    assert_eq!(status, 200, "{label}");
    let (status, circles) = server.request("GET", "/api/v1/circles", &[("Authorization", &auth)], "").await;
    assert_eq!(status, 200, "{label}: {circles}");
    assert!(circles.contains(&circle), "{label}: {circles}");
    let path = format!("/api/v1/circles/{circle}/entries");
    let (status, page) = server.request("GET", &path, &[("Authorization", &auth)], "").await;
    assert_eq!(status, 200, "{label}: {page}");
    assert!(page.contains(&entry), "{label}: the newest entry is listed: {page}");
    let search = format!("{path}?q={}", url::form_urlencoded::byte_serialize(word.as_bytes()).collect::<String>());
    let (status, found) = server.request("GET", &search, &[("Authorization", &auth)], "").await;
    assert_eq!(status, 200, "{label}: {found}");
    assert!(found.contains(&entry), "{label}: searching for {word:?} finds the entry: {found}");
    assert_eq!(server.terminate().await, Some(0), "{label}: stops cleanly");
}

/// A database recording a migration this binary does not know is refused
/// by `migrate` (exit code 3) and by `serve`, naming both schema versions.
async fn a_newer_database_is_refused(install: &Install, engine: Engine, current: i64) {
    let newer = current + 1;
    let insert = format!(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES ({newer}, 'from a newer samenspel', TRUE, {}, 0)",
        if engine == Engine::Sqlite { "x'00'" } else { "'\\x00'::bytea" }
    );
    match engine {
        Engine::Sqlite => {
            let mut c = sqlx::SqliteConnection::connect(&install.database_url).await.expect("sqlite");
            sqlx::raw_sql(&insert).execute(&mut c).await.expect("a newer migration");
        }
        Engine::Postgres => {
            let mut c = sqlx::PgConnection::connect(&install.database_url).await.expect("postgres");
            sqlx::raw_sql(&insert).execute(&mut c).await.expect("a newer migration");
        }
    }
    let both = [format!("schema version {newer}"), format!("schema version {current}")];
    for args in [&["migrate"][..], &["migrate", "--dry-run"], &["serve", "--bind", "127.0.0.1:0"]] {
        let (code, out, err) = install.run(args, &[]).await;
        assert_ne!(code, 0, "{args:?} refuses a newer database: {out}{err}");
        assert!(both.iter().all(|v| err.contains(v.as_str())), "{args:?} names both versions: {err}");
    }
    let (code, _, _) = install.run(&["migrate"], &[]).await;
    assert_eq!(code, 3, "migrate's own exit code for a newer database");
}

/// Several processes migrating one empty database at once (instances that
/// start together, or the service starting while the backup timer opens the
/// database): every one succeeds and each migration is applied once. On
/// PostgreSQL an advisory lock serialises them, on SQLite a lock file.
pub async fn instances_starting_together_migrate_once(db: TestDb) {
    let install = Install::new(&db).await;
    // All six are started before any is waited for (a new SQLite file is
    // switched to WAL by whichever comes first; the others wait their turn).
    let children: Vec<_> = (0..6)
        .map(|_| {
            install
                .command(&["migrate"], &[])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("migrate starts")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().await.expect("migrate ran");
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let query = "SELECT count(*), count(DISTINCT version), max(version) FROM _sqlx_migrations";
    let counts: (i64, i64, i64) = match db.engine {
        Engine::Sqlite => {
            let mut c = sqlx::SqliteConnection::connect(&install.database_url).await.expect("sqlite");
            sqlx::query_as(query).fetch_one(&mut c).await.expect("migrations")
        }
        Engine::Postgres => {
            let mut c = sqlx::PgConnection::connect(&install.database_url).await.expect("postgres");
            sqlx::query_as(query).fetch_one(&mut c).await.expect("migrations")
        }
    };
    let current = Store::schema_version();
    assert_eq!(counts, (current, current, current), "each migration applied once");
    install.drop_database().await;
}
