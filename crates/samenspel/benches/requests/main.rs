//! Request benchmarks: what a read, a page and a write cost with every check
//! on (authentication, membership, the audit record, the query, rendering),
//! and what group commit buys the audit writer. Requests go straight into the
//! router in-process (no TCP, no HTTP parsing), on a fresh SQLite database in
//! a temporary directory and, when `SAMENSPEL_TEST_POSTGRES` holds a URL, on
//! PostgreSQL in a schema of its own.
//!
//! ```sh
//! cargo bench -p samenspel --bench requests                 # the full run
//! cargo bench -p samenspel --bench requests -- --quick      # a few hundred requests
//! cargo test  -p samenspel --bench requests                 # smoke run in the dev profile
//! ```
//!
//! Options after `--`: `--quick`, `--full` (the full run also under `cargo
//! test`), `--seconds N` (time per measurement, default 3), `--engine sqlite`
//! or `--engine postgres`, `--synchronous normal` (SQLite without an fsync per
//! commit, to see what the flush costs), `--max-connections N` (the pool
//! size, default 8 as in `serve`), and words that select measurements by name.
//! Without `--bench` on the command line (which `cargo bench` adds), the run
//! is quick: `cargo test --all-targets` then only smoke-tests the paths.
//!
//! These are benchmarks, not tests: nothing here asserts a duration. A run
//! fails only when a request does not answer as expected.
//! `SAMENSPEL_BENCH_LOG=1` prints the app's warnings and errors (why a
//! request failed; another value is a log filter, such as `sqlx::query=debug`); `SAMENSPEL_BENCH_KEEP=1` keeps the database afterwards
//! (the SQLite file, or the PostgreSQL schema) to look at its query plans.
//! Results: a table on standard output and one JSON object per measurement,
//! each on a line of its own starting with `{` (`grep '^{'`).

#![expect(clippy::disallowed_methods, reason = "the benchmark sets up its data directly, as an operator")]

mod agenda;
mod baseline;
mod env;
mod logbook;
mod monitor;
mod options;
mod timing;

use axum::body::Body;
use axum::http::{Method, StatusCode};
use samenspel_core::Timestamp;
use samenspel_core::audit::{AuditEvent, AuditSink, Operation, Outcome, Source, What};
use std::process::ExitCode;
use std::sync::Arc;

/// Concurrent clients for the throughput runs.
const CLIENTS: usize = 16;
/// Concurrent callers of the audit writer in its concurrent run.
const AUDIT_CALLERS: usize = 64;
/// Rows per commit in the batched baseline.
const BATCH_ROWS: u64 = 100;

use baseline::*;
use env::*;
use options::*;
use timing::*;

// ---------------------------------------------------------------------------
// The measurements

async fn bench_engine(opts: &Options, ticks: f64, choice: &EngineChoice) -> Result<Vec<Measurement>, String> {
    let env = setup(choice, opts).await?;
    let engine = env.engine;
    let mut out = Vec::new();
    let profile = profile();
    let mut emit = |m: Measurement| {
        println!("{}", m.json(profile, opts.synchronous));
        if let Some(f) = &m.first_failure {
            eprintln!("  {engine} {}: {} failure(s); the first: {f}", m.name, m.failures);
        }
        out.push(m);
    };
    let members_uri = format!("/api/v1/circles/{}/members", env.circle);
    let page_uri = format!("/circles/{}", env.circle);

    // 1. API read: token, membership, audit append (a commit), members query, JSON.
    // 2. Page read: session, circle + membership, two audit records, members, HTML.
    // Each client presents its own credential (round robin over the prepared ones).
    let reads = [
        (
            ["api_read_seq", "api_read_conc"],
            members_uri,
            "authorization",
            env.read_tokens.iter().map(|t| format!("Bearer {t}")).collect::<Vec<_>>(),
            "GET /api/v1/circles/{id}/members (8 members, bearer token)",
        ),
        (
            ["page_read_seq", "page_read_conc"],
            page_uri,
            "cookie",
            env.sessions.iter().map(|s| format!("samenspel_session={s}")).collect(),
            "GET /circles/{id} (HTML, session cookie, no compression)",
        ),
    ];
    for ([seq, conc], uri, header, credentials, what) in reads {
        let credentials = Arc::new(credentials);
        for (name, clients, kind) in [(seq, 1, Kind::Sequential), (conc, CLIENTS, Kind::Concurrent)] {
            if !opts.wants(name) {
                continue;
            }
            let (router, uri, credentials) = (env.router.clone(), uri.clone(), credentials.clone());
            let op = move |client: usize, _n: u64| {
                let req = request(Method::GET, &uri)
                    .header(header, credentials[client % credentials.len()].as_str())
                    .body(Body::empty())
                    .expect("request");
                send(router.clone(), req, StatusCode::OK)
            };
            emit(measure(opts, ticks, engine, name, what.to_owned(), clients, kind, "req", 1, op).await);
        }
    }

    // 3. A write: audit (update), the change in its own transaction, audit (view), JSON.
    for (name, clients, kind) in [("write_seq", 1, Kind::Sequential), ("write_conc", CLIENTS, Kind::Concurrent)] {
        if !opts.wants(name) {
            continue;
        }
        let router = env.router.clone();
        let tokens = Arc::new(env.manager_tokens.clone());
        let targets = Arc::new(env.targets.clone());
        let circle = env.circle.clone();
        let op = move |client: usize, n: u64| {
            let target = &targets[n as usize % targets.len()];
            let req = request(Method::PATCH, &format!("/api/v1/circles/{circle}/members/{target}"))
                .header("authorization", format!("Bearer {}", tokens[client % tokens.len()]))
                .header("content-type", "application/json")
                .body(Body::from(serde_json::json!({ "relation": format!("buurman {n}") }).to_string()))
                .expect("request");
            send(router.clone(), req, StatusCode::OK)
        };
        let what = "PATCH /api/v1/circles/{id}/members/{member} {\"relation\": …}".to_owned();
        emit(measure(opts, ticks, engine, name, what, clients, kind, "req", 1, op).await);
    }

    // 4. The audit writer alone.
    for (name, clients, kind) in [("audit_1", 1, Kind::Sequential), ("audit_64", AUDIT_CALLERS, Kind::Concurrent)] {
        if !opts.wants(name) {
            continue;
        }
        let state = env.state.clone();
        let circle = env.circle.clone();
        let actor = env.starter.clone();
        let op = move |_client: usize, _n: u64| {
            let event = AuditEvent::new(
                Some((&actor, "Ans de Vries")),
                Some(&circle),
                What::new(Operation::Read, "members.list", "circle", Some(circle.to_string())),
                Outcome::Allowed,
                &Source::system("bench"),
                Timestamp::now(),
            );
            let state = state.clone();
            async move { state.audit.record(event).await.map(|()| 0).map_err(|e| e.to_string()) }
        };
        let what = format!("AuditSink::record with {clients} concurrent caller(s)");
        emit(measure(opts, ticks, engine, name, what, clients, kind, "rec", 1, op).await);
    }

    // 5. Baselines: bare commits of small rows, same engine and settings, no app.
    for (name, rows, one_statement) in [
        ("baseline_1row", 1, false),
        ("baseline_100rows", BATCH_ROWS, false),
        ("baseline_100rows_1stmt", BATCH_ROWS, true),
    ] {
        if !opts.wants(name) {
            continue;
        }
        let (what, unit) = match (rows, one_statement) {
            (1, _) => ("bare INSERT + COMMIT, one row per commit".to_owned(), "commit"),
            (_, false) => (format!("bare INSERTs + COMMIT, {rows} rows, one INSERT each, per commit"), "row"),
            (_, true) => (format!("bare INSERT + COMMIT, {rows} rows in one INSERT, per commit"), "row"),
        };
        let m = match choice {
            EngineChoice::Sqlite => {
                let conn = Arc::new(tokio::sync::Mutex::new(sqlite_baseline(&env.dir, name, opts.synchronous).await?));
                let op = move |_c: usize, _n: u64| {
                    let conn = conn.clone();
                    async move { conn.lock().await.commit_rows(rows, one_statement).await.map(|()| 0) }
                };
                measure(opts, ticks, engine, name, what, 1, Kind::Sequential, unit, rows, op).await
            }
            EngineChoice::Postgres(url) => {
                let schema = env.schema.clone().unwrap_or_default();
                let conn = Arc::new(tokio::sync::Mutex::new(postgres_baseline(url, &schema).await?));
                let op = move |_c: usize, _n: u64| {
                    let conn = conn.clone();
                    async move { conn.lock().await.commit_rows(rows, one_statement).await.map(|()| 0) }
                };
                measure(opts, ticks, engine, name, what, 1, Kind::Sequential, unit, rows, op).await
            }
        };
        emit(m);
    }

    // 6. One point query on a pool, as the store runs its reads: sqlx pings a
    // connection before handing it out (`test_before_acquire`, on by default),
    // which is a round trip of its own; the second run turns that off.
    for (name, ping) in [("baseline_pool_query", true), ("baseline_pool_query_noping", false)] {
        if !opts.wants(name) {
            continue;
        }
        let what = format!("SELECT display_name FROM users WHERE id = $1 on a pool of 8, test_before_acquire({ping})");
        let user = env.starter.as_str().to_owned();
        let sql = "SELECT display_name FROM users WHERE id = $1";
        // The measured operation, the same on either engine's pool.
        macro_rules! point_query {
            ($pool:expr) => {{
                let pool = $pool;
                move |_c: usize, _n: u64| {
                    let (pool, user) = (pool.clone(), user.clone());
                    async move {
                        let name: String =
                            sqlx::query_scalar(sql).bind(user).fetch_one(&pool).await.map_err(|e| e.to_string())?;
                        Ok(name.len())
                    }
                }
            }};
        }
        let pool_err = |e: sqlx::Error| format!("baseline pool: {e}");
        let m = match choice {
            EngineChoice::Sqlite => {
                use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
                let path = env.store.sqlite_path().ok_or("no SQLite path")?.to_owned();
                let connect =
                    SqliteConnectOptions::new().filename(path).journal_mode(SqliteJournalMode::Wal).read_only(true);
                let pool = SqlitePoolOptions::new().max_connections(8).test_before_acquire(ping);
                let pool = pool.connect_with(connect).await.map_err(pool_err)?;
                measure(opts, ticks, engine, name, what, 1, Kind::Sequential, "query", 1, point_query!(pool)).await
            }
            EngineChoice::Postgres(url) => {
                use std::str::FromStr;
                let schema = env.schema.clone().unwrap_or_default();
                let connect = sqlx::postgres::PgConnectOptions::from_str(url)
                    .map_err(|e| e.to_string())?
                    .options([("search_path", schema.as_str())]);
                let pool = sqlx::postgres::PgPoolOptions::new().max_connections(8).test_before_acquire(ping);
                let pool = pool.connect_with(connect).await.map_err(pool_err)?;
                measure(opts, ticks, engine, name, what, 1, Kind::Sequential, "query", 1, point_query!(pool)).await
            }
        };
        emit(m);
    }

    // 7. The logbook with years of history.
    if logbook::NAMES.iter().any(|name| opts.wants(name)) {
        let history = logbook::seed(&env, choice, opts.entries).await?;
        logbook::bench(&env, opts, ticks, &history, &mut emit).await?;
    }

    // 8. The agenda of a busy circle.
    if agenda::NAMES.iter().any(|name| opts.wants(name)) {
        let feed = agenda::seed(&env).await?;
        agenda::bench(&env, opts, ticks, &feed, &mut emit).await;
    }

    // 9. The samenspelmonitor of an organisation of 2,000 circles.
    if monitor::NAMES.iter().any(|name| opts.wants(name)) {
        let fixture = monitor::seed(&env).await?;
        monitor::bench(&env, opts, ticks, &fixture, &mut emit).await;
    }

    env.teardown().await;
    Ok(out)
}

fn profile() -> &'static str {
    if cfg!(debug_assertions) { "debug" } else { "release" }
}

fn print_table(all: &[Measurement]) {
    println!();
    println!(
        "{:<9} {:<26} {:>4} {:>8} {:>13} {:>8} {:>8} {:>8} {:>9} {:>7} {:>9} {:>6}",
        "engine",
        "measurement",
        "conc",
        "ops",
        "throughput/s",
        "p50 µs",
        "p95 µs",
        "p99 µs",
        "cpu µs/op",
        "of sys",
        "all µs/op",
        "bytes"
    );
    println!("{}", "-".repeat(126));
    for m in all {
        println!(
            "{:<9} {:<26} {:>4} {:>8} {:>13} {:>8.0} {:>8.0} {:>8.0} {:>9.0} {:>7.0} {:>9.0} {:>6}",
            m.engine,
            m.name,
            m.clients,
            m.ops,
            format!("{:.0} {}", m.throughput(), m.unit),
            m.percentile_us(50.0),
            m.percentile_us(95.0),
            m.percentile_us(99.0),
            m.cpu_us_per_op(m.cpu.process()),
            m.cpu_us_per_op(m.cpu.sys),
            m.cpu_us_per_op(m.cpu.machine),
            m.bytes_per_op(),
        );
    }
    println!();
    println!("conc: concurrent clients. cpu µs/op: this process's CPU time per operation (for SQLite the whole");
    println!("server; for PostgreSQL without the database server), \"of sys\" the part spent in the kernel.");
    println!("all µs/op: CPU of every process on the machine per operation (includes PostgreSQL, and anything");
    println!("else running). Latency per operation; for the 100-row baselines per commit.");
}

fn main() -> ExitCode {
    let opts = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    // The app's own log (warnings and errors) on standard error, to see why a request failed.
    // A filter other than "1" is used as given (`sqlx::query=debug` shows every statement).
    if let Some(filter) = std::env::var("SAMENSPEL_BENCH_LOG").ok().filter(|v| !v.is_empty()) {
        let filter = if filter == "1" { "warn".to_owned() } else { filter };
        tracing_subscriber::fmt().with_writer(std::io::stderr).with_env_filter(filter).init();
    }
    let ticks = clock_ticks_per_second();
    println!(
        "samenspel request benchmarks: {} profile, {} mode, {} CPU(s), SQLite synchronous={}, pool size {}, engines: {}",
        profile(),
        if opts.quick { "quick" } else { "full" },
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        opts.synchronous,
        opts.max_connections.map_or("8 (default)".to_owned(), |n| n.to_string()),
        opts.engines.iter().map(EngineChoice::name).collect::<Vec<_>>().join(", ")
    );
    let mut all = Vec::new();
    let mut failed = false;
    for choice in &opts.engines {
        match runtime.block_on(bench_engine(&opts, ticks, choice)) {
            Ok(ms) => {
                failed |= ms.iter().any(|m| m.failures > 0);
                all.extend(ms);
            }
            Err(e) => {
                eprintln!("{}: {e}", choice.name());
                failed = true;
            }
        }
    }
    print_table(&all);
    if failed {
        eprintln!("some requests failed (see above)");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
