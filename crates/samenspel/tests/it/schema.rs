//! The two engines really in step: both migration trees, applied, give the
//! same tables, columns (type, nullability, default), keys, indexes, check
//! constraints, foreign keys and triggers. What differs on purpose is listed
//! in [`INTENDED`] with its reason; anything else that differs is drift and
//! fails the test. The description is read from each engine's catalog, so the
//! upgrade test uses it too (an upgraded database must equal a fresh one).

use crate::support::{Engine, TestDb, postgres_url, scratch_dir};
use samenspel_store::{ConnectOptions, Store};
use sqlx::Connection;
use std::collections::{BTreeMap, BTreeSet};

/// Differences between the engines that are meant to be there. Each is
/// (engine that has it, the line `describe` writes, why). The test fails if
/// one of these is missing too, so the list cannot go stale.
///
/// Rules that apply everywhere, rather than to one line:
/// - Types: SQLite (STRICT tables) has one 64-bit INTEGER; PostgreSQL's
///   BIGINT is the same thing. A PostgreSQL INTEGER or SMALLINT is not (it
///   would overflow where SQLite does not) and counts as drift.
/// - Booleans: PostgreSQL BOOLEAN is SQLite INTEGER with `CHECK (x IN (0, 1))`
///   (that check is how the column is read as a boolean, so it is not listed
///   as a check); `DEFAULT FALSE` is `DEFAULT 0`. BYTEA is BLOB.
/// - Triggers are compared by table, timing and event, not by name: SQLite
///   needs one trigger per event, PostgreSQL calls one function for several.
/// - SQLite's FTS5 table `entries_fts` and the tables FTS5 keeps for it
///   (`entries_fts_data`, …) are virtual and shadow tables, not compared.
/// - Indexes that only back a primary key or UNIQUE constraint are compared
///   as that key, not as an index (their names are generated differently).
const INTENDED: &[(Engine, &str, &str)] = &[
    (
        Engine::Sqlite,
        "table entries_fts_rows",
        "full-text search: SQLite's FTS5 index is keyed by this table's integer id \
         (an entry's rowid may change on VACUUM); PostgreSQL indexes entries directly",
    ),
    (Engine::Sqlite, "column entries_fts_rows.entry_id text not null", "see table entries_fts_rows"),
    (Engine::Sqlite, "column entries_fts_rows.id integer not null", "see table entries_fts_rows"),
    (Engine::Sqlite, "key entries_fts_rows primary key (id)", "see table entries_fts_rows"),
    (Engine::Sqlite, "key entries_fts_rows unique (entry_id)", "see table entries_fts_rows"),
    (
        Engine::Sqlite,
        "foreign key entries_fts_rows (entry_id) -> entries (id) on update no action on delete no action",
        "see table entries_fts_rows",
    ),
    (
        Engine::Sqlite,
        "column audit_head.id integer not null",
        "the audit chain's one-row head table: its key is always 1 (CHECK (id = 1)), \
         so PostgreSQL's 32-bit INTEGER there is no overflow risk",
    ),
    (Engine::Postgres, "column audit_head.id integer (32-bit) not null", "see column audit_head.id on SQLite"),
    (
        Engine::Postgres,
        "index entries_search on entries using gin (to_tsvector'dutch',body) where deleted_atisnull",
        "full-text search with Dutch stemming; SQLite searches its FTS5 table entries_fts instead",
    ),
];

/// One database's schema as comparable lines, by kind ("column", "index", …).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Schema {
    pub lines: BTreeSet<String>,
    /// Tables that are not STRICT (SQLite only; must stay empty).
    pub loose_tables: Vec<String>,
}

/// Where a database is: a SQLite URL, or a PostgreSQL URL and schema (the
/// connection's default schema when `None`).
pub enum Target<'a> {
    Sqlite(&'a str),
    Postgres(&'a str, Option<&'a str>),
}

impl<'a> Target<'a> {
    pub fn of(db: &'a TestDb) -> Target<'a> {
        match db.engine {
            Engine::Sqlite => Target::Sqlite(&db.url),
            Engine::Postgres => Target::Postgres(&db.url, db.schema.as_deref()),
        }
    }
}

pub async fn describe(target: Target<'_>) -> Schema {
    match target {
        Target::Sqlite(url) => describe_sqlite(url).await,
        Target::Postgres(url, schema) => describe_postgres(url, schema).await,
    }
}

/// The lines of `mine` and `theirs` that differ and are not intended, as a
/// readable report (empty when the engines are in step).
fn drift(engine: Engine, mine: &Schema, theirs: &Schema) -> Vec<String> {
    let (lite, pg) = if engine == Engine::Sqlite { (mine, theirs) } else { (theirs, mine) };
    let mut report = Vec::new();
    for (only, here, there) in [(Engine::Sqlite, lite, pg), (Engine::Postgres, pg, lite)] {
        for line in here.lines.difference(&there.lines) {
            if !INTENDED.iter().any(|(e, l, _)| *e == only && l == line) {
                report.push(format!("only on {}: {line}", only.name()));
            }
        }
    }
    for (engine, line, _) in INTENDED {
        let (here, there) = if *engine == Engine::Sqlite { (lite, pg) } else { (pg, lite) };
        if !here.lines.contains(*line) || there.lines.contains(*line) {
            report.push(format!("listed as intended but not found only on {}: {line}", engine.name()));
        }
    }
    report.extend(lite.loose_tables.iter().map(|t| format!("SQLite table {t} is not STRICT")));
    report
}

pub async fn schemas_match_across_engines(db: TestDb) {
    // The two migration trees describe the same tables and columns file by file…
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../samenspel-store/migrations");
    for entry in std::fs::read_dir(root.join("sqlite")).expect("migrations").flatten() {
        let name = entry.file_name();
        let lite = std::fs::read_to_string(entry.path()).expect("sqlite migration");
        let pg = std::fs::read_to_string(root.join("postgres").join(&name))
            .unwrap_or_else(|_| panic!("{name:?} has no PostgreSQL twin"));
        assert_eq!(parse_columns(&lite), parse_columns(&pg), "{name:?} differs between the engines");
    }
    // …and the live databases agree in everything: this engine against the other one.
    let mine = describe(Target::of(&db)).await;
    assert!(mine.lines.contains("column memberships.access_until integer null"), "{:#?}", mine.lines);
    let Some(other) = other_engine(db.engine).await else {
        eprintln!("PostgreSQL is not configured: only the migration files were compared");
        return;
    };
    let theirs = match &other {
        Other::Postgres(url, schema) => describe(Target::Postgres(url, Some(schema))).await,
        Other::Sqlite(url) => describe(Target::Sqlite(url)).await,
    };
    other.drop().await;
    let report = drift(db.engine, &mine, &theirs);
    if std::env::var_os("SAMENSPEL_TEST_SHOW_SCHEMA").is_some() {
        for line in &mine.lines {
            eprintln!("{line}");
        }
    }
    assert!(
        report.is_empty(),
        "the engines' schemas differ. Fix the migration, or, if the difference is intended, \
         list it in INTENDED in tests/it/schema.rs with the reason:\n  {}",
        report.join("\n  ")
    );
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for line in &mine.lines {
        *kinds.entry(line.split(' ').next().unwrap_or("")).or_default() += 1;
    }
    eprintln!("compared on both engines: {kinds:?}");
}

/// A freshly migrated database on the other engine.
enum Other {
    Sqlite(String),
    Postgres(String, String),
}

async fn other_engine(engine: Engine) -> Option<Other> {
    let (url, schema) = match engine {
        Engine::Sqlite => (postgres_url()?, Some(format!("t_{}", uuid::Uuid::new_v4().simple()))),
        Engine::Postgres => (format!("sqlite://{}", scratch_dir().join("other.db").display()), None),
    };
    let mut o = ConnectOptions::new(url.clone());
    o.pg_schema = schema.clone();
    let store = Store::connect(&o).await.expect("the other engine opens");
    store.migrate().await.expect("the other engine migrates");
    store.close().await;
    Some(match schema {
        Some(schema) => Other::Postgres(url, schema),
        None => Other::Sqlite(url),
    })
}

impl Other {
    async fn drop(&self) {
        match self {
            Other::Postgres(url, schema) => {
                let mut c = sqlx::PgConnection::connect(url).await.expect("pg");
                sqlx::raw_sql(&format!("DROP SCHEMA {schema} CASCADE")).execute(&mut c).await.expect("drop");
            }
            Other::Sqlite(url) => {
                if let Some(dir) = std::path::Path::new(url.trim_start_matches("sqlite://")).parent() {
                    let _ = std::fs::remove_dir_all(dir);
                }
            }
        }
    }
}

/// Table and column names with nullability, from a migration file.
fn parse_columns(sql: &str) -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    let mut table: Option<String> = None;
    for line in sql.lines() {
        let l = line.trim();
        if let Some(rest) = l.strip_prefix("CREATE TABLE ") {
            let name = rest.split_whitespace().next().unwrap_or("");
            // The full-text index is each engine's own (see INTENDED).
            table = (!name.starts_with("entries_fts")).then(|| name.to_owned());
            continue;
        }
        if l.starts_with(')') {
            table = None;
            continue;
        }
        if let Some(t) = &table {
            let first = l.split_whitespace().next().unwrap_or("");
            if first.is_empty() || ["PRIMARY", "UNIQUE", "CHECK", "FOREIGN"].contains(&first) || first.starts_with("--")
            {
                continue;
            }
            let nullable = !l.contains("NOT NULL") && !l.contains("PRIMARY KEY");
            out.push((t.clone(), first.to_owned(), nullable));
        }
    }
    // A table rebuilt under a temporary name (SQLite cannot change a CHECK
    // constraint in place) is one engine's way of doing it; the live schemas
    // compare what it ends up as.
    let rebuilt: Vec<String> = sql
        .lines()
        .filter_map(|l| l.trim().strip_prefix("ALTER TABLE "))
        .filter(|rest| rest.contains(" RENAME TO "))
        .filter_map(|rest| rest.split_whitespace().next().map(str::to_owned))
        .collect();
    out.retain(|(t, _, _)| !rebuilt.contains(t));
    out.sort();
    out
}

// ---- SQLite -------------------------------------------------------------

async fn describe_sqlite(url: &str) -> Schema {
    let mut c = sqlx::SqliteConnection::connect(url).await.expect("sqlite");
    let mut schema = Schema::default();
    // Virtual (FTS5) and shadow tables have their own types in table_list.
    let tables: Vec<(String, i64, String)> = sqlx::query_as(
        "SELECT l.name, l.strict, m.sql FROM pragma_table_list l JOIN sqlite_master m ON m.name = l.name \
         WHERE l.schema = 'main' AND l.type = 'table' AND l.name NOT LIKE 'sqlite_%' AND l.name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut c)
    .await
    .expect("tables");
    for (table, strict, sql) in &tables {
        schema.lines.insert(format!("table {table}"));
        if *strict == 0 {
            schema.loose_tables.push(table.clone());
        }
        let cols: Vec<(String, String, i64, Option<String>, i64)> =
            sqlx::query_as("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info($1)")
                .bind(table)
                .fetch_all(&mut c)
                .await
                .expect("columns");
        let names: Vec<String> = cols.iter().map(|c| c.0.clone()).collect();
        let mut booleans = BTreeSet::new();
        for check in checks_in(sql) {
            match boolean_check(&check, &names) {
                Some(col) => {
                    booleans.insert(col);
                }
                None => {
                    schema.lines.insert(check_line(table, &check, &names));
                }
            }
        }
        let mut pk: Vec<(i64, String)> = Vec::new();
        for (name, ty, notnull, default, pk_pos) in &cols {
            let boolean = booleans.contains(name) && ty.eq_ignore_ascii_case("INTEGER");
            let ty = if boolean { "boolean".to_owned() } else { ty.to_ascii_lowercase() };
            // STRICT tables refuse NULL in a primary key, declared or not.
            let null = if *notnull != 0 || *pk_pos > 0 { "not null" } else { "null" };
            schema.lines.insert(column_line(table, name, &ty, null, default.as_deref(), boolean));
            if *pk_pos > 0 {
                pk.push((*pk_pos, name.clone()));
            }
        }
        pk.sort();
        if !pk.is_empty() {
            let cols: Vec<String> = pk.into_iter().map(|p| p.1).collect();
            schema.lines.insert(format!("key {table} primary key ({})", cols.join(", ")));
        }
        // UNIQUE constraints (origin "u"); CREATE INDEX ones come from sqlite_master below.
        let uniques: Vec<(String,)> = sqlx::query_as("SELECT name FROM pragma_index_list($1) WHERE origin = 'u'")
            .bind(table)
            .fetch_all(&mut c)
            .await
            .expect("indexes");
        for (index,) in &uniques {
            let cols: Vec<(String,)> = sqlx::query_as("SELECT name FROM pragma_index_info($1) ORDER BY seqno")
                .bind(index)
                .fetch_all(&mut c)
                .await
                .expect("index columns");
            let cols: Vec<String> = cols.into_iter().map(|c| c.0).collect();
            schema.lines.insert(format!("key {table} unique ({})", cols.join(", ")));
        }
        let fks: Vec<(i64, i64, String, String, Option<String>, String, String)> = sqlx::query_as(
            "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list($1) \
             ORDER BY id, seq",
        )
        .bind(table)
        .fetch_all(&mut c)
        .await
        .expect("foreign keys");
        let mut by_id: BTreeMap<i64, Vec<&(i64, i64, String, String, Option<String>, String, String)>> =
            BTreeMap::new();
        for fk in &fks {
            by_id.entry(fk.0).or_default().push(fk);
        }
        for parts in by_id.values() {
            let target = &parts[0].2;
            let from: Vec<&str> = parts.iter().map(|p| p.3.as_str()).collect();
            let mut to: Vec<String> = parts.iter().filter_map(|p| p.4.clone()).collect();
            if to.is_empty() {
                // `REFERENCES t` without columns means t's primary key.
                let pk: Vec<(String,)> =
                    sqlx::query_as("SELECT name FROM pragma_table_info($1) WHERE pk > 0 ORDER BY pk")
                        .bind(target)
                        .fetch_all(&mut c)
                        .await
                        .expect("primary key");
                to = pk.into_iter().map(|p| p.0).collect();
            }
            schema.lines.insert(fk_line(table, &from.join(", "), target, &to.join(", "), &parts[0].5, &parts[0].6));
        }
    }
    let objects: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger', 'view') \
         AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%'",
    )
    .fetch_all(&mut c)
    .await
    .expect("objects");
    for (kind, name, table, sql) in objects {
        let sql = sql.unwrap_or_default();
        match kind.as_str() {
            "index" => {
                let unique = sql.to_ascii_uppercase().starts_with("CREATE UNIQUE");
                let on = after_keyword(&sql, "ON").unwrap_or_default();
                let (keys, predicate) = split_where(on.split_once('(').map(|(_, k)| k).unwrap_or(""));
                let keys = keys.trim_end().strip_suffix(')').unwrap_or(keys);
                schema.lines.insert(index_line(&name, &table, unique, "", keys, predicate));
            }
            "trigger" => {
                for (timing, event) in trigger_events(&sql) {
                    schema.lines.insert(format!("trigger on {table} {timing} {event} for each row"));
                }
            }
            _ => {
                schema.lines.insert(format!("view {name}"));
            }
        }
    }
    c.close().await.ok();
    schema
}

/// The CHECK (…) bodies in a CREATE TABLE statement, as tokens.
fn checks_in(sql: &str) -> Vec<Vec<Token>> {
    let tokens = tokenize(sql);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if matches!(&tokens[i], Token::Word(w) if w.eq_ignore_ascii_case("check"))
            && let Some(Token::Punct('(')) = tokens.get(i + 1)
        {
            let mut depth = 0;
            let mut body = Vec::new();
            for t in &tokens[i + 1..] {
                match t {
                    Token::Punct('(') => depth += 1,
                    Token::Punct(')') => depth -= 1,
                    _ => {}
                }
                body.push(t.clone());
                if depth == 0 {
                    break;
                }
            }
            i += body.len();
            out.push(body);
        }
        i += 1;
    }
    out
}

/// `(x IN (0, 1))` on one column: that column is a boolean.
fn boolean_check(check: &[Token], columns: &[String]) -> Option<String> {
    let words: Vec<String> = check
        .iter()
        .filter(|t| !matches!(t, Token::Punct('(' | ')' | ',')))
        .map(|t| match t {
            Token::Word(w) => w.to_ascii_lowercase(),
            Token::Str(s) => format!("'{s}'"),
            Token::Num(n) => n.clone(),
            Token::Punct(p) => p.to_string(),
        })
        .collect();
    match words.as_slice() {
        [col, kw, zero, one] if kw == "in" && zero == "0" && one == "1" && columns.contains(col) => Some(col.clone()),
        _ => None,
    }
}

/// SQLite triggers: (timing, event) pairs from `CREATE TRIGGER name BEFORE UPDATE ON t`.
fn trigger_events(sql: &str) -> Vec<(String, String)> {
    let words: Vec<String> = sql.split_whitespace().map(|w| w.to_ascii_lowercase()).collect();
    let timing = words.iter().position(|w| ["before", "after", "instead"].contains(&w.as_str()));
    let Some(t) = timing else { return Vec::new() };
    let timing = if words[t] == "instead" { "instead of".to_owned() } else { words[t].clone() };
    let event = words.iter().skip(t + 1).find(|w| ["insert", "update", "delete"].contains(&w.as_str()));
    event.map(|e| vec![(timing, e.clone())]).unwrap_or_default()
}

// ---- PostgreSQL -----------------------------------------------------------

async fn describe_postgres(url: &str, schema_name: Option<&str>) -> Schema {
    let mut c = sqlx::PgConnection::connect(url).await.expect("postgres");
    if let Some(s) = schema_name {
        sqlx::raw_sql(&format!("SET search_path TO {s}")).execute(&mut c).await.expect("search path");
    }
    let mut schema = Schema::default();
    let tables: Vec<(String,)> = sqlx::query_as(
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() \
         AND table_type = 'BASE TABLE' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut c)
    .await
    .expect("tables");
    let mut columns: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (table,) in &tables {
        schema.lines.insert(format!("table {table}"));
        let cols: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
            "SELECT column_name::text, data_type::text, is_nullable::text, column_default::text \
             FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1",
        )
        .bind(table)
        .fetch_all(&mut c)
        .await
        .expect("columns");
        for (name, ty, nullable, default) in &cols {
            let ty = match ty.as_str() {
                "bigint" => "integer",
                "integer" => "integer (32-bit)",
                "smallint" => "integer (16-bit)",
                "bytea" => "blob",
                "double precision" => "real",
                other => other,
            };
            let null = if nullable == "YES" { "null" } else { "not null" };
            schema.lines.insert(column_line(table, name, ty, null, default.as_deref(), ty == "boolean"));
        }
        columns.insert(table.clone(), cols.into_iter().map(|c| c.0).collect());
    }
    // Constraints: primary keys, unique, checks and foreign keys.
    let constraints: Vec<(String, String, String, Option<String>, Option<String>, Option<String>, String, String)> =
        sqlx::query_as(
            "SELECT t.relname::text, c.contype::text, pg_get_constraintdef(c.oid), \
               (SELECT string_agg(a.attname::text, ', ' ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n) \
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum), \
               r.relname::text, \
               (SELECT string_agg(a.attname::text, ', ' ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, n) \
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum), \
               c.confupdtype::text, c.confdeltype::text \
             FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid \
             JOIN pg_namespace n ON n.oid = t.relnamespace LEFT JOIN pg_class r ON r.oid = c.confrelid \
             WHERE n.nspname = current_schema() AND t.relname <> '_sqlx_migrations'",
        )
        .fetch_all(&mut c)
        .await
        .expect("constraints");
    for (table, kind, def, cols, target, target_cols, on_update, on_delete) in constraints {
        let cols = cols.unwrap_or_default();
        match kind.as_str() {
            "p" => {
                schema.lines.insert(format!("key {table} primary key ({cols})"));
            }
            "u" => {
                schema.lines.insert(format!("key {table} unique ({cols})"));
            }
            "c" => {
                let names = columns.get(&table).cloned().unwrap_or_default();
                let body = def.strip_prefix("CHECK ").unwrap_or(&def);
                schema.lines.insert(check_line(&table, &tokenize(body), &names));
            }
            "f" => {
                let action = |a: &str| {
                    match a {
                        "r" => "RESTRICT",
                        "c" => "CASCADE",
                        "n" => "SET NULL",
                        "d" => "SET DEFAULT",
                        _ => "NO ACTION",
                    }
                    .to_owned()
                };
                schema.lines.insert(fk_line(
                    &table,
                    &cols,
                    &target.unwrap_or_default(),
                    &target_cols.unwrap_or_default(),
                    &action(&on_update),
                    &action(&on_delete),
                ));
            }
            other => {
                schema.lines.insert(format!("constraint {table} of kind {other}: {def}"));
            }
        }
    }
    // Indexes of their own (not those behind a key).
    let indexes: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT i.relname::text, t.relname::text, pg_get_indexdef(i.oid) FROM pg_index x \
         JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid \
         JOIN pg_namespace n ON n.oid = t.relnamespace \
         WHERE n.nspname = current_schema() AND t.relname <> '_sqlx_migrations' AND NOT EXISTS \
           (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.contype IN ('p', 'u', 'x'))",
    )
    .fetch_all(&mut c)
    .await
    .expect("indexes");
    for (name, table, def) in indexes {
        let unique = def.starts_with("CREATE UNIQUE");
        // CREATE INDEX n ON t USING method (keys) [WITH (…)] [WHERE (…)]
        let rest = after_keyword(&def, "USING").unwrap_or_default();
        let (method, rest) = rest.split_once(' ').unwrap_or((rest, ""));
        let (keys, predicate) = split_where(rest.trim_start().strip_prefix('(').unwrap_or(rest));
        let keys = match keys.find(") WITH (") {
            Some(at) => &keys[..at],
            None => keys.trim_end().strip_suffix(')').unwrap_or(keys),
        };
        let method = if method == "btree" { "" } else { method };
        schema.lines.insert(index_line(&name, &table, unique, method, keys, predicate));
    }
    let triggers: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT event_object_table::text, action_timing::text, event_manipulation::text, action_orientation::text \
         FROM information_schema.triggers WHERE trigger_schema = current_schema()",
    )
    .fetch_all(&mut c)
    .await
    .expect("triggers");
    for (table, timing, event, orientation) in triggers {
        let each = if orientation == "ROW" { "for each row" } else { "for each statement" };
        schema.lines.insert(format!(
            "trigger on {table} {} {} {each}",
            timing.to_ascii_lowercase(),
            event.to_ascii_lowercase()
        ));
    }
    let views: Vec<(String,)> =
        sqlx::query_as("SELECT table_name::text FROM information_schema.views WHERE table_schema = current_schema()")
            .fetch_all(&mut c)
            .await
            .expect("views");
    schema.lines.extend(views.into_iter().map(|v| format!("view {}", v.0)));
    c.close().await.ok();
    schema
}

// ---- Lines both engines write the same way --------------------------------

fn column_line(table: &str, name: &str, ty: &str, null: &str, default: Option<&str>, boolean: bool) -> String {
    let mut line = format!("column {table}.{name} {ty} {null}");
    if let Some(d) = default {
        let mut d = strip_casts(d.trim());
        while d.starts_with('(') && d.ends_with(')') {
            d = d[1..d.len() - 1].to_owned();
        }
        if boolean {
            d = match d.to_ascii_lowercase().as_str() {
                "false" => "0".into(),
                "true" => "1".into(),
                _ => d,
            };
        }
        line.push_str(&format!(" default {d}"));
    }
    line
}

/// A check as the columns it names and the values it mentions: operators are
/// written differently by each engine (`IN (…)` comes back from PostgreSQL as
/// `= ANY (ARRAY[…])`), the columns and values are not.
fn check_line(table: &str, check: &[Token], columns: &[String]) -> String {
    let mut cols = BTreeSet::new();
    let mut values = Vec::new();
    for t in check {
        match t {
            Token::Word(w) if columns.iter().any(|c| c.eq_ignore_ascii_case(w)) => {
                cols.insert(w.to_ascii_lowercase());
            }
            Token::Word(w) if ["null", "true", "false"].contains(&w.to_ascii_lowercase().as_str()) => {
                values.push(w.to_ascii_lowercase());
            }
            Token::Str(s) => values.push(format!("'{s}'")),
            Token::Num(n) => values.push(n.clone()),
            _ => {}
        }
    }
    values.sort();
    let cols: Vec<String> = cols.into_iter().collect();
    format!("check on {table} ({}) with [{}]", cols.join(", "), values.join(", "))
}

fn fk_line(table: &str, cols: &str, target: &str, target_cols: &str, on_update: &str, on_delete: &str) -> String {
    format!(
        "foreign key {table} ({cols}) -> {target} ({target_cols}) on update {} on delete {}",
        on_update.to_ascii_lowercase(),
        on_delete.to_ascii_lowercase()
    )
}

fn index_line(name: &str, table: &str, unique: bool, method: &str, keys: &str, predicate: Option<&str>) -> String {
    let mut line = format!("index {name} on {table}");
    if !method.is_empty() {
        line.push_str(&format!(" using {method}"));
    }
    line.push_str(&format!(" ({})", normalize_expr(keys)));
    if unique {
        line.push_str(" unique");
    }
    if let Some(p) = predicate {
        line.push_str(&format!(" where {}", normalize_expr(p)));
    }
    line
}

/// Lower case, without casts, parentheses or spaces (beyond single spaces
/// between key columns): `(deleted_at IS NULL)` and `deleted_at IS NULL`
/// compare equal.
fn normalize_expr(s: &str) -> String {
    // PostgreSQL quotes identifiers that are keywords ("position").
    let s = strip_casts(s).replace('"', "");
    if s.contains('\'') || s.to_ascii_lowercase().contains(" is ") || s.contains('=') {
        let flat: String =
            s.chars().filter(|c| !c.is_whitespace() && *c != '(' && *c != ')').collect::<String>().to_lowercase();
        // PostgreSQL writes `x IN ('a', 'b')` back as `x = ANY (ARRAY['a', 'b'])`.
        return flat.replace("=anyarray[", "in").replace(']', "");
    }
    let parts: Vec<String> = s
        .split(',')
        .map(|p| p.chars().filter(|c| *c != '(' && *c != ')').collect::<String>().trim().to_lowercase())
        .collect();
    parts.join(",")
}

fn strip_casts(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find("::") {
        out.push_str(&rest[..at]);
        rest = rest[at + 2..].trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    }
    out.push_str(rest);
    out
}

/// The text after the first ` KEYWORD ` (case-insensitive).
fn after_keyword<'s>(s: &'s str, keyword: &str) -> Option<&'s str> {
    let upper = s.to_ascii_uppercase();
    let at = upper.find(&format!(" {keyword} "))?;
    Some(s[at + keyword.len() + 2..].trim_start())
}

/// `keys) WHERE predicate` → (`keys)`, `predicate`).
fn split_where(s: &str) -> (&str, Option<&str>) {
    let upper = s.to_ascii_uppercase();
    match upper.find(" WHERE ") {
        Some(at) => (&s[..at], Some(s[at + 7..].trim())),
        None => (s, None),
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Word(String),
    Str(String),
    Num(String),
    Punct(char),
}

/// SQL tokens, without comments or white space.
fn tokenize(sql: &str) -> Vec<Token> {
    let chars: Vec<char> = sql.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '-' && chars.get(i + 1) == Some(&'-') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '\'' || c == '"' {
            let mut text = String::new();
            i += 1;
            while i < chars.len() {
                if chars[i] == c && chars.get(i + 1) == Some(&c) {
                    text.push(c);
                    i += 2;
                } else if chars[i] == c {
                    i += 1;
                    break;
                } else {
                    text.push(chars[i]);
                    i += 1;
                }
            }
            out.push(if c == '\'' { Token::Str(text) } else { Token::Word(text) });
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            out.push(Token::Num(chars[start..i].iter().collect()));
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Token::Word(chars[start..i].iter().collect()));
        } else {
            out.push(Token::Punct(c));
            i += 1;
        }
    }
    out
}
