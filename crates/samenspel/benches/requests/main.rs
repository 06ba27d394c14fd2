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
mod logbook;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use samenspel::app::{AppState, Background};
use samenspel::config::RawConfig;
use samenspel::crypto;
use samenspel_core::Timestamp;
use samenspel_core::audit::{AuditEvent, AuditSink, Operation, Outcome, Source, What};
use samenspel_core::ids::{CircleId, MemberId, UserId};
use samenspel_core::locale::Locale;
use samenspel_core::role::Role;
use samenspel_store::{ConnectOptions, Store};
use std::future::Future;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tower::ServiceExt;

/// Concurrent clients for the throughput runs.
const CLIENTS: usize = 16;
/// Concurrent callers of the audit writer in its concurrent run.
const AUDIT_CALLERS: usize = 64;
/// Rows per commit in the batched baseline.
const BATCH_ROWS: u64 = 100;

// ---------------------------------------------------------------------------
// Options

#[derive(Clone, Debug)]
struct Options {
    quick: bool,
    seconds: f64,
    /// SQLite's `synchronous`: `full` (the default, as shipped) or `normal`.
    synchronous: &'static str,
    /// The pool size (`database_max_connections`); `None`: the default.
    max_connections: Option<u32>,
    engines: Vec<EngineChoice>,
    filters: Vec<String>,
    /// Entries in the logbook measurements' circle.
    entries: usize,
}

#[derive(Clone, Debug)]
enum EngineChoice {
    Sqlite,
    Postgres(String),
}

impl EngineChoice {
    fn name(&self) -> &'static str {
        match self {
            EngineChoice::Sqlite => "sqlite",
            EngineChoice::Postgres(_) => "postgres",
        }
    }
}

fn options() -> Result<Options, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let under_cargo_bench = args.iter().any(|a| a == "--bench");
    let mut quick = !under_cargo_bench;
    let mut seconds = 3.0;
    let mut synchronous = "full";
    let mut max_connections = None;
    let mut engine: Option<String> = None;
    let mut filters = Vec::new();
    let mut entries = None;
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--bench" => {}
            "--quick" => quick = true,
            "--full" => quick = false,
            "--seconds" => {
                let v = it.next().ok_or("--seconds needs a number")?;
                seconds = v.parse().map_err(|_| format!("--seconds: not a number: {v}"))?;
            }
            "--entries" => {
                let v = it.next().ok_or("--entries needs a number")?;
                entries = Some(v.parse().map_err(|_| format!("--entries: not a number: {v}"))?);
            }
            "--engine" => engine = Some(it.next().ok_or("--engine needs sqlite or postgres")?),
            "--max-connections" => {
                let v = it.next().ok_or("--max-connections needs a number")?;
                max_connections = Some(v.parse().map_err(|_| format!("--max-connections: not a number: {v}"))?);
            }
            "--synchronous" => {
                synchronous = match it.next().as_deref() {
                    Some("full") => "full",
                    Some("normal") => "normal",
                    _ => return Err("--synchronous needs full or normal (SQLite)".into()),
                }
            }
            "-h" | "--help" => {
                return Err("options: --quick | --full | --seconds N | --engine sqlite|postgres | --synchronous full|normal | --max-connections N | --entries N | NAME-FILTER…".into());
            }
            other if other.starts_with('-') => {} // libtest-style flags cargo may pass; not ours
            other => filters.push(other.to_owned()),
        }
    }
    let pg = std::env::var("SAMENSPEL_TEST_POSTGRES").ok().filter(|v| !v.is_empty());
    let engines = match engine.as_deref() {
        None => std::iter::once(EngineChoice::Sqlite).chain(pg.map(EngineChoice::Postgres)).collect(),
        Some("sqlite") => vec![EngineChoice::Sqlite],
        Some("postgres") => {
            vec![EngineChoice::Postgres(pg.ok_or("--engine postgres needs SAMENSPEL_TEST_POSTGRES=postgres://…")?)]
        }
        Some(other) => return Err(format!("--engine: expected sqlite or postgres, got {other}")),
    };
    let entries = entries.unwrap_or(if quick { 2_000 } else { 100_000 });
    Ok(Options { quick, seconds, synchronous, max_connections, engines, filters, entries })
}

impl Options {
    fn wants(&self, name: &str) -> bool {
        self.filters.is_empty() || self.filters.iter().any(|f| name.contains(f.as_str()))
    }

    /// How long (and how many operations at most) one measurement runs.
    fn budget(&self, kind: Kind) -> Budget {
        let time = Duration::from_secs_f64(self.seconds);
        match (self.quick, kind) {
            (true, Kind::Sequential) => Budget { max_ops: 200, max_time: Duration::from_secs(60), warmup_ops: 10 },
            (true, Kind::Concurrent) => Budget { max_ops: 400, max_time: Duration::from_secs(60), warmup_ops: 32 },
            (false, Kind::Sequential) => Budget { max_ops: 50_000, max_time: time, warmup_ops: 100 },
            (false, Kind::Concurrent) => {
                Budget { max_ops: u64::MAX, max_time: time + Duration::from_secs(1), warmup_ops: 200 }
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Sequential,
    Concurrent,
}

#[derive(Clone, Copy, Debug)]
struct Budget {
    max_ops: u64,
    max_time: Duration,
    warmup_ops: u64,
}

// ---------------------------------------------------------------------------
// Measuring

/// CPU time used so far: by this process, and by the whole machine (all
/// processes, so including PostgreSQL — and anything else that runs).
#[derive(Clone, Copy, Debug, Default)]
struct CpuTime {
    user: Duration,
    sys: Duration,
    machine: Duration,
}

impl CpuTime {
    fn process(&self) -> Duration {
        self.user + self.sys
    }
}

fn clock_ticks_per_second() -> f64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|t| *t > 0.0)
        .unwrap_or(100.0)
}

fn cpu_time(ticks: f64) -> CpuTime {
    let to_duration = |t: u64| Duration::from_secs_f64(t as f64 / ticks);
    // /proc/self/stat: fields after the command name; utime and stime are the 14th and 15th.
    let (user, sys) = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1.to_owned();
            let f: Vec<&str> = rest.split_whitespace().collect();
            Some((f.get(11)?.parse::<u64>().ok()?, f.get(12)?.parse::<u64>().ok()?))
        })
        .unwrap_or((0, 0));
    // /proc/stat "cpu" line: user nice system idle iowait irq softirq steal …; busy = all but idle and iowait.
    let machine = std::fs::read_to_string("/proc/stat")
        .ok()
        .and_then(|s| {
            let line = s.lines().next()?.strip_prefix("cpu ")?.to_owned();
            let v: Vec<u64> = line.split_whitespace().take(8).filter_map(|x| x.parse().ok()).collect();
            (v.len() == 8).then(|| v.iter().sum::<u64>() - v[3] - v[4])
        })
        .unwrap_or(0);
    CpuTime { user: to_duration(user), sys: to_duration(sys), machine: to_duration(machine) }
}

/// The outcome of one measured phase.
#[derive(Default)]
struct Phase {
    latencies_ns: Vec<u64>,
    bytes: u64,
    failures: u64,
    first_failure: Option<String>,
}

/// Runs `op` from `clients` tasks until `max_ops` operations were started or
/// `max_time` passed. `op(client, n)` returns the bytes it read.
async fn run_phase<F, Fut>(clients: usize, max_ops: u64, max_time: Duration, op: F) -> Phase
where
    F: Fn(usize, u64) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<usize, String>> + Send + 'static,
{
    let counter = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + max_time;
    let mut tasks = Vec::with_capacity(clients);
    for client in 0..clients {
        let counter = counter.clone();
        let op = op.clone();
        tasks.push(tokio::spawn(async move {
            let mut phase = Phase::default();
            loop {
                if Instant::now() >= deadline {
                    break;
                }
                let n = counter.fetch_add(1, Ordering::Relaxed);
                if n >= max_ops {
                    break;
                }
                let started = Instant::now();
                match op(client, n).await {
                    Ok(bytes) => {
                        phase.latencies_ns.push(started.elapsed().as_nanos() as u64);
                        phase.bytes += bytes as u64;
                    }
                    Err(e) => {
                        phase.failures += 1;
                        phase.first_failure.get_or_insert(e);
                    }
                }
            }
            phase
        }));
    }
    let mut all = Phase::default();
    for t in tasks {
        match t.await {
            Ok(p) => {
                all.latencies_ns.extend(p.latencies_ns);
                all.bytes += p.bytes;
                all.failures += p.failures;
                if all.first_failure.is_none() {
                    all.first_failure = p.first_failure;
                }
            }
            Err(e) => {
                all.failures += 1;
                all.first_failure.get_or_insert(format!("benchmark task failed: {e}"));
            }
        }
    }
    all
}

/// One finished measurement.
struct Measurement {
    engine: &'static str,
    name: &'static str,
    what: String,
    clients: usize,
    /// Things per operation (rows per commit in the batched baseline, else 1).
    items_per_op: u64,
    unit: &'static str,
    ops: u64,
    elapsed: Duration,
    /// Sorted.
    latencies_ns: Vec<u64>,
    bytes: u64,
    cpu: CpuTime,
    failures: u64,
    first_failure: Option<String>,
}

impl Measurement {
    fn throughput(&self) -> f64 {
        (self.ops * self.items_per_op) as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    fn percentile_us(&self, p: f64) -> f64 {
        if self.latencies_ns.is_empty() {
            return f64::NAN;
        }
        let rank = ((p / 100.0) * self.latencies_ns.len() as f64).ceil() as usize;
        self.latencies_ns[rank.clamp(1, self.latencies_ns.len()) - 1] as f64 / 1000.0
    }

    fn mean_us(&self) -> f64 {
        if self.latencies_ns.is_empty() {
            return f64::NAN;
        }
        self.latencies_ns.iter().sum::<u64>() as f64 / self.latencies_ns.len() as f64 / 1000.0
    }

    fn bytes_per_op(&self) -> u64 {
        self.bytes.checked_div(self.ops).unwrap_or(0)
    }

    fn cpu_us_per_op(&self, d: Duration) -> f64 {
        d.as_secs_f64() * 1e6 / self.ops.max(1) as f64
    }

    fn json(&self, profile: &str, synchronous: &str) -> String {
        let num =
            |x: f64| if x.is_finite() { serde_json::json!((x * 10.0).round() / 10.0) } else { serde_json::Value::Null };
        serde_json::json!({
            "bench": "samenspel/requests",
            "profile": profile,
            "engine": self.engine,
            "sqlite_synchronous": if self.engine == "sqlite" { Some(synchronous) } else { None },
            "name": self.name,
            "what": self.what,
            "clients": self.clients,
            "ops": self.ops,
            "items_per_op": self.items_per_op,
            "unit": self.unit,
            "seconds": (self.elapsed.as_secs_f64() * 1000.0).round() / 1000.0,
            "throughput_per_s": num(self.throughput()),
            "mean_us": num(self.mean_us()),
            "p50_us": num(self.percentile_us(50.0)),
            "p95_us": num(self.percentile_us(95.0)),
            "p99_us": num(self.percentile_us(99.0)),
            "max_us": num(self.percentile_us(100.0)),
            "cpu_us_per_op_process": num(self.cpu_us_per_op(self.cpu.process())),
            "cpu_us_per_op_process_sys": num(self.cpu_us_per_op(self.cpu.sys)),
            "cpu_us_per_op_machine": num(self.cpu_us_per_op(self.cpu.machine)),
            "bytes_per_op": self.bytes_per_op(),
            "failures": self.failures,
        })
        .to_string()
    }
}

/// Warms up, then measures `op` with `clients` concurrent callers.
#[allow(clippy::too_many_arguments)]
async fn measure<F, Fut>(
    opts: &Options,
    ticks: f64,
    engine: &'static str,
    name: &'static str,
    what: String,
    clients: usize,
    kind: Kind,
    unit: &'static str,
    items_per_op: u64,
    op: F,
) -> Measurement
where
    F: Fn(usize, u64) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<usize, String>> + Send + 'static,
{
    let budget = opts.budget(kind);
    let warm = run_phase(clients, budget.warmup_ops, budget.max_time, op.clone()).await;
    let before = cpu_time(ticks);
    let started = Instant::now();
    let mut phase = run_phase(clients, budget.max_ops, budget.max_time, op).await;
    let elapsed = started.elapsed();
    let after = cpu_time(ticks);
    phase.latencies_ns.sort_unstable();
    Measurement {
        engine,
        name,
        what,
        clients,
        items_per_op,
        unit,
        ops: phase.latencies_ns.len() as u64,
        elapsed,
        latencies_ns: phase.latencies_ns,
        bytes: phase.bytes,
        cpu: CpuTime {
            user: after.user.saturating_sub(before.user),
            sys: after.sys.saturating_sub(before.sys),
            machine: after.machine.saturating_sub(before.machine),
        },
        failures: phase.failures + warm.failures,
        first_failure: warm.first_failure.or(phase.first_failure),
    }
}

// ---------------------------------------------------------------------------
// The app with a circle in it

struct Env {
    engine: &'static str,
    dir: PathBuf,
    url: String,
    schema: Option<String>,
    store: Store,
    state: AppState,
    router: Router,
    background: Background,
    circle: CircleId,
    starter: UserId,
    /// One API token per reading client (spread over the members).
    read_tokens: Vec<String>,
    /// One session per page-reading client (spread over the members).
    sessions: Vec<String>,
    /// API tokens of the managing starter, one per writing client.
    manager_tokens: Vec<String>,
    /// The members the writes change (everybody but the starter).
    targets: Vec<MemberId>,
    /// Every member, the starter first, in the order of `read_tokens`' users.
    members: Vec<MemberId>,
    /// Their user ids, in the same order.
    users: Vec<UserId>,
}

async fn setup(choice: &EngineChoice, opts: &Options) -> Result<Env, String> {
    let engine = choice.name();
    let dir = std::env::temp_dir().join(format!("samenspel-bench-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("scratch directory {}: {e}", dir.display()))?;
    let (url, schema) = match choice {
        EngineChoice::Sqlite => (format!("sqlite://{}", dir.join("samenspel.db").display()), None),
        EngineChoice::Postgres(url) => (url.clone(), Some(format!("bench_{}", uuid::Uuid::new_v4().simple()))),
    };
    let raw = RawConfig {
        data_dir: Some(dir.display().to_string()),
        database_url: Some(url.clone()),
        public_url: Some("http://samenspel.test".into()),
        secret_key: Some("bench-secret-key-bench-secret-key-bench-secret".into()),
        run_worker: Some("false".into()),
        sqlite_synchronous: Some(opts.synchronous.into()),
        database_max_connections: opts.max_connections.map(|n| n.to_string()),
        ..Default::default()
    };
    let config = raw.build("the benchmark settings").map_err(|e| e.to_string())?;
    // As `serve` opens it: the configured synchronous mode and pool size (defaults: FULL, 8).
    let mut opts = ConnectOptions::new(url.clone());
    opts.synchronous = config.sqlite_synchronous;
    opts.max_connections = config.database_max_connections;
    opts.pg_schema = schema.clone();
    let store = Store::connect(&opts).await.map_err(|e| format!("cannot open the {engine} database: {e}"))?;
    store.migrate().await.map_err(|e| format!("migrations: {e}"))?;
    let (state, background) = AppState::new(config, store.clone()).map_err(|e| e.to_string())?;
    let router = samenspel::http::router(state.clone());

    // Eight members: the starter (a relative who manages the circle) and seven more.
    let now = Timestamp::now();
    let people: [(&str, Role); 8] = [
        ("Ans de Vries", Role::Relative),
        ("Kees de Vries", Role::Relative),
        ("Fatima El Amrani", Role::Relative),
        ("Joop Bakker", Role::Volunteer),
        ("Mieke Jansen", Role::Volunteer),
        ("Sanne Visser", Role::Professional),
        ("Ruud Smit", Role::Professional),
        ("Lotte Mulder", Role::Volunteer),
    ];
    let mut users = Vec::new();
    for (i, (name, _)) in people.iter().enumerate() {
        let email = format!("bench-{i}-{}@bench.example", &uuid::Uuid::new_v4().simple().to_string()[..8]);
        let id = store
            .internal()
            .create_user(&email, name, None, Locale::Nl, true, now)
            .await
            .map_err(|e| format!("create user: {e}"))?;
        users.push((id, email));
    }
    let (starter, starter_email) = users[0].clone();
    let _ = starter_email;
    let me = store.internal().act_as(&starter, "bench").await.map_err(|e| format!("act as: {e}"))?;
    let source = Source::system("bench");
    let ctx = samenspel::service::Ctx {
        state: &state,
        user: &me,
        source: &source,
        now,
        tr: samenspel::i18n::Tr::new(Locale::Nl),
    };
    let input = samenspel::service::circles::StartCircle {
        client_name: "Henk de Vries".into(),
        my_role: people[0].1.as_str().into(),
        my_relation: "dochter".into(),
        ..Default::default()
    };
    let circle =
        samenspel::service::circles::start(&ctx, &input, None).await.map_err(|e| format!("start circle: {e}"))?;
    for ((id, _), (_, role)) in users.iter().zip(people.iter()).skip(1) {
        store
            .internal()
            .add_member(&circle, id, *role, "buur", false, false, None, now)
            .await
            .map_err(|e| format!("add member: {e}"))?;
    }
    let mut members = Vec::new();
    for (id, _) in &users {
        let m = store
            .internal()
            .active_membership(id, &circle, now)
            .await
            .map_err(|e| format!("membership: {e}"))?
            .ok_or("the member is missing")?;
        members.push(m.0);
    }
    let targets = members[1..].to_vec();
    let mut read_tokens = Vec::new();
    let mut sessions = Vec::new();
    let mut manager_tokens = Vec::new();
    for client in 0..CLIENTS {
        let (user, _) = &users[client % users.len()];
        read_tokens.push(new_token(&store, user, now).await?);
        let proof = store.internal().verified(user);
        let session = samenspel::service::accounts::start_session(&state, &proof, &Source::default(), now)
            .await
            .map_err(|e| format!("session: {e}"))?;
        sessions.push(session);
        manager_tokens.push(new_token(&store, &starter, now).await?);
    }
    Ok(Env {
        engine,
        dir,
        url,
        schema,
        store,
        state,
        router,
        background,
        circle,
        starter,
        read_tokens,
        sessions,
        manager_tokens,
        targets,
        members,
        users: users.iter().map(|(id, _)| id.clone()).collect(),
    })
}

async fn new_token(store: &Store, user: &UserId, now: Timestamp) -> Result<String, String> {
    let (token, shown) = crypto::new_api_token();
    let me = store.internal().act_as(user, "bench").await.map_err(|e| format!("act as: {e}"))?;
    store
        .create_my_api_token(&me, "bench", &crypto::token_hash(&token), &shown, now)
        .await
        .map_err(|e| format!("api token: {e}"))?;
    Ok(token)
}

impl Env {
    /// Stops the audit writer, closes the database and removes what the run left.
    async fn teardown(self) {
        let Env { dir, url, schema, store, state, router, background, .. } = self;
        drop(router);
        drop(state);
        let _ = tokio::time::timeout(Duration::from_secs(30), background.audit).await;
        store.close().await;
        if std::env::var_os("SAMENSPEL_BENCH_KEEP").is_some() {
            eprintln!("kept for inspection: {} (schema {schema:?} on PostgreSQL)", dir.display());
            return;
        }
        if let Some(schema) = schema {
            use sqlx::Connection;
            if let Ok(mut c) = sqlx::PgConnection::connect(&url).await {
                let _ = sqlx::raw_sql(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE")).execute(&mut c).await;
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// Sends one request into the router; the body length, or why it failed.
async fn send(router: Router, req: Request<Body>, expect: StatusCode) -> Result<usize, String> {
    let response = router.oneshot(req).await.map_err(|e| format!("router: {e}"))?;
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), 64 * 1024 * 1024).await.map_err(|e| format!("body: {e}"))?;
    if status != expect {
        let text = String::from_utf8_lossy(&body);
        return Err(format!("expected {expect}, got {status}: {}", text.chars().take(300).collect::<String>()));
    }
    Ok(body.len())
}

fn request(method: Method, uri: &str) -> axum::http::request::Builder {
    Request::builder().method(method).uri(uri).header("user-agent", "samenspel-bench")
}

// ---------------------------------------------------------------------------
// Baselines: bare commits on the same database, without the app

async fn sqlite_baseline(dir: &std::path::Path, name: &str, synchronous: &str) -> Result<impl BaselineConn, String> {
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

async fn postgres_baseline(url: &str, schema: &str) -> Result<impl BaselineConn, String> {
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
trait BaselineConn: Send + 'static {
    fn commit_rows(&mut self, rows: u64, one_statement: bool) -> impl Future<Output = Result<(), String>> + Send;
}

const BASELINE_TEXT: &str = "a row about the size of an audit record's text fields";

/// `INSERT INTO table (at, v) VALUES ($1, $2), ($3, $4), …` for `rows` rows.
fn multi_row_insert(table: &str, rows: u64) -> String {
    let values: Vec<String> = (0..rows).map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2)).collect();
    format!("INSERT INTO {table} (at, v) VALUES {}", values.join(", "))
}

impl BaselineConn for sqlx::SqliteConnection {
    async fn commit_rows(&mut self, rows: u64, one_statement: bool) -> Result<(), String> {
        use sqlx::Connection;
        let mut tx = self.begin().await.map_err(|e| e.to_string())?;
        if one_statement {
            let sql = multi_row_insert("t", rows);
            let mut q = sqlx::query(&sql);
            for i in 0..rows {
                q = q.bind(i as i64).bind(BASELINE_TEXT);
            }
            q.execute(&mut *tx).await.map_err(|e| e.to_string())?;
        } else {
            for i in 0..rows {
                sqlx::query("INSERT INTO t (at, v) VALUES ($1, $2)")
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

impl BaselineConn for sqlx::PgConnection {
    async fn commit_rows(&mut self, rows: u64, one_statement: bool) -> Result<(), String> {
        use sqlx::Connection;
        let mut tx = self.begin().await.map_err(|e| e.to_string())?;
        if one_statement {
            let sql = multi_row_insert("bench_baseline", rows);
            let mut q = sqlx::query(&sql);
            for i in 0..rows {
                q = q.bind(i as i64).bind(BASELINE_TEXT);
            }
            q.execute(&mut *tx).await.map_err(|e| e.to_string())?;
        } else {
            for i in 0..rows {
                sqlx::query("INSERT INTO bench_baseline (at, v) VALUES ($1, $2)")
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
    for (name, clients, kind) in [("api_read_seq", 1, Kind::Sequential), ("api_read_conc", CLIENTS, Kind::Concurrent)] {
        if !opts.wants(name) {
            continue;
        }
        let router = env.router.clone();
        let tokens = Arc::new(env.read_tokens.clone());
        let uri = members_uri.clone();
        let op = move |client: usize, _n: u64| {
            let req = request(Method::GET, &uri)
                .header("authorization", format!("Bearer {}", tokens[client % tokens.len()]))
                .body(Body::empty())
                .expect("request");
            send(router.clone(), req, StatusCode::OK)
        };
        let what = "GET /api/v1/circles/{id}/members (8 members, bearer token)".to_owned();
        emit(measure(opts, ticks, engine, name, what, clients, kind, "req", 1, op).await);
    }

    // 2. Page read: session, circle + membership, two audit records, members, HTML.
    for (name, clients, kind) in [("page_read_seq", 1, Kind::Sequential), ("page_read_conc", CLIENTS, Kind::Concurrent)]
    {
        if !opts.wants(name) {
            continue;
        }
        let router = env.router.clone();
        let sessions = Arc::new(env.sessions.clone());
        let uri = page_uri.clone();
        let op = move |client: usize, _n: u64| {
            let req = request(Method::GET, &uri)
                .header("cookie", format!("samenspel_session={}", sessions[client % sessions.len()]))
                .body(Body::empty())
                .expect("request");
            send(router.clone(), req, StatusCode::OK)
        };
        let what = "GET /circles/{id} (HTML, session cookie, no compression)".to_owned();
        emit(measure(opts, ticks, engine, name, what, clients, kind, "req", 1, op).await);
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
        let m = match choice {
            EngineChoice::Sqlite => {
                use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions};
                let path = env.store.sqlite_path().ok_or("no SQLite path")?.to_owned();
                let pool = SqlitePoolOptions::new()
                    .max_connections(8)
                    .test_before_acquire(ping)
                    .connect_with(
                        SqliteConnectOptions::new().filename(path).journal_mode(SqliteJournalMode::Wal).read_only(true),
                    )
                    .await
                    .map_err(|e| format!("baseline pool: {e}"))?;
                let op = move |_c: usize, _n: u64| {
                    let (pool, user) = (pool.clone(), user.clone());
                    async move {
                        let name: String =
                            sqlx::query_scalar(sql).bind(user).fetch_one(&pool).await.map_err(|e| e.to_string())?;
                        Ok(name.len())
                    }
                };
                measure(opts, ticks, engine, name, what, 1, Kind::Sequential, "query", 1, op).await
            }
            EngineChoice::Postgres(url) => {
                use std::str::FromStr;
                let schema = env.schema.clone().unwrap_or_default();
                let options = sqlx::postgres::PgConnectOptions::from_str(url)
                    .map_err(|e| e.to_string())?
                    .options([("search_path", schema.as_str())]);
                let pool = sqlx::postgres::PgPoolOptions::new()
                    .max_connections(8)
                    .test_before_acquire(ping)
                    .connect_with(options)
                    .await
                    .map_err(|e| format!("baseline pool: {e}"))?;
                let op = move |_c: usize, _n: u64| {
                    let (pool, user) = (pool.clone(), user.clone());
                    async move {
                        let name: String =
                            sqlx::query_scalar(sql).bind(user).fetch_one(&pool).await.map_err(|e| e.to_string())?;
                        Ok(name.len())
                    }
                };
                measure(opts, ticks, engine, name, what, 1, Kind::Sequential, "query", 1, op).await
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
