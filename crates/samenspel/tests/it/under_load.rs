//! Black-box tests of the real binary under load: `audit verify` while
//! requests keep appending to the chain; `kill -9` at random moments under
//! concurrent writes (every acknowledged write survives, the chain stays
//! whole); and a PostgreSQL restart under load (the server recovers and
//! loses nothing it acknowledged).
//!
//! Rounds of the crash test: `SAMENSPEL_TEST_CRASH_ROUNDS` (default 3 in the
//! ordinary suite; `.ci/reliability` runs 20, the long run in
//! docs/PERFORMANCE.md 200 or more).

use crate::support::binary::Install;
use crate::support::{Engine, TestDb};
use rand::RngExt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Writers that keep at it during a crash or restart.
const WRITERS: usize = 4;

/// An organisation administrator with an API token ("Bearer …") and a circle of theirs.
async fn admin_with_circle(install: &Install) -> (String, String) {
    let auth = install.org_admin_token("Zorggroep Belast").await;
    let server = install.serve().await;
    let (status, body) = server.start_henks_circle(&auth).await;
    assert_eq!(status, 201, "{body}");
    let circle =
        serde_json::from_str::<serde_json::Value>(&body).expect("JSON")["id"].as_str().expect("circle id").to_owned();
    server.terminate().await;
    (auth, circle)
}

/// One request to a server that may be gone: `None` when the connection
/// fails or the answer does not come within ten seconds.
async fn try_http(addr: &str, method: &str, path: &str, auth: &str, body: &str) -> Option<(u16, String)> {
    let exchange = async {
        let mut stream = tokio::net::TcpStream::connect(addr).await.ok()?;
        let req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nAuthorization: {auth}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(req.as_bytes()).await.ok()?;
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await.ok()?;
        let text = String::from_utf8_lossy(&raw).into_owned();
        let status = text.split(' ').nth(1)?.parse().ok()?;
        Some((status, text))
    };
    tokio::time::timeout(Duration::from_secs(10), exchange).await.ok().flatten()
}

/// What the writers saw: the entries acknowledged with 201, and the other answers.
#[derive(Default)]
struct Tally {
    acknowledged: Vec<String>,
    refused: Vec<u16>,
    failed_connections: usize,
}

/// Starts `WRITERS` tasks that write logbook entries until `stop` is set or
/// (when `until_gone`) the server stops answering.
fn start_writers(
    addr: &str,
    auth: &str,
    circle: &str,
    label: &str,
    stop: &Arc<AtomicBool>,
    until_gone: bool,
) -> (Arc<Mutex<Tally>>, Vec<tokio::task::JoinHandle<()>>) {
    let tally = Arc::new(Mutex::new(Tally::default()));
    let tasks = (0..WRITERS)
        .map(|w| {
            let (addr, auth, tally, stop) = (addr.to_owned(), auth.to_owned(), tally.clone(), stop.clone());
            let path = format!("/api/v1/circles/{circle}/entries");
            let label = label.to_owned();
            tokio::spawn(async move {
                for n in 0.. {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let text = format!("{label} schrijver {w} bericht {n}");
                    let body = serde_json::json!({"kind": "update", "body": text}).to_string();
                    match try_http(&addr, "POST", &path, &auth, &body).await {
                        Some((201, _)) => tally.lock().expect("tally").acknowledged.push(text),
                        Some((status, _)) => tally.lock().expect("tally").refused.push(status),
                        None => {
                            tally.lock().expect("tally").failed_connections += 1;
                            if until_gone {
                                break;
                            }
                            tokio::time::sleep(Duration::from_millis(20)).await;
                        }
                    }
                }
            })
        })
        .collect();
    (tally, tasks)
}

/// Every entry body in the installation's database, read around the server.
async fn stored_bodies(install: &Install, engine: Engine) -> std::collections::HashSet<String> {
    use sqlx::Connection;
    let rows: Vec<(String,)> = match engine {
        Engine::Sqlite => {
            let mut c = sqlx::SqliteConnection::connect(&install.database_url).await.expect("sqlite");
            let rows = sqlx::query_as("SELECT body FROM entries").fetch_all(&mut c).await.expect("entries");
            c.close().await.ok();
            rows
        }
        Engine::Postgres => {
            let mut c = sqlx::PgConnection::connect(&install.database_url).await.expect("postgres");
            let rows = sqlx::query_as("SELECT body FROM entries").fetch_all(&mut c).await.expect("entries");
            c.close().await.ok();
            rows
        }
    };
    rows.into_iter().map(|(b,)| b).collect()
}

async fn verify_chain(install: &Install, when: &str) {
    let (code, out, err) = install.run(&["audit", "verify"], &[]).await;
    assert_eq!(code, 0, "audit verify {when}: {out}{err}");
    assert!(out.contains("audit trail intact"), "{out}");
}

/// Issue 17, item 9: `audit verify` against a running server read the chain
/// and the head in two queries, and reported "tampering" when a request
/// appended in between. It reads one snapshot now.
pub async fn audit_verify_reads_one_snapshot_while_requests_append(db: TestDb) {
    let install = Install::new(&db).await;
    let (auth, circle) = admin_with_circle(&install).await;
    let server = install.serve().await;
    let stop = Arc::new(AtomicBool::new(false));
    // Every read is audited, so readers append to the chain as fast as writers.
    let readers: Vec<_> = (0..WRITERS)
        .map(|_| {
            let (addr, auth, stop) = (server.addr.clone(), auth.clone(), stop.clone());
            let path = format!("/api/v1/circles/{circle}/members");
            tokio::spawn(async move {
                while !stop.load(Ordering::Relaxed) {
                    let answer = try_http(&addr, "GET", &path, &auth, "").await;
                    assert_eq!(answer.map(|a| a.0), Some(200));
                }
            })
        })
        .collect();
    let before = install_head(&install, &db).await;
    for round in 0..12 {
        verify_chain(&install, &format!("run {round}, while requests append")).await;
    }
    stop.store(true, Ordering::Relaxed);
    for r in readers {
        r.await.expect("reader");
    }
    assert!(install_head(&install, &db).await > before + 20, "the chain grew while it was verified");
    server.terminate().await;
    verify_chain(&install, "at rest").await;
    install.drop_database().await;
}

/// The newest sequence number of the installation's audit chain.
async fn install_head(install: &Install, db: &TestDb) -> i64 {
    use sqlx::Connection;
    let sql = "SELECT seq FROM audit_head WHERE id = 1";
    match db.engine {
        Engine::Sqlite => {
            let mut c = sqlx::SqliteConnection::connect(&install.database_url).await.expect("sqlite");
            sqlx::query_as::<_, (i64,)>(sql).fetch_one(&mut c).await.expect("head").0
        }
        Engine::Postgres => {
            let mut c = sqlx::PgConnection::connect(&install.database_url).await.expect("postgres");
            sqlx::query_as::<_, (i64,)>(sql).fetch_one(&mut c).await.expect("head").0
        }
    }
}

/// `kill -9` at a random moment while four clients write; after a restart
/// every write that was acknowledged is there, and the audit chain is whole.
pub async fn acknowledged_writes_survive_kill_9_at_random_moments(db: TestDb) {
    let rounds: usize = std::env::var("SAMENSPEL_TEST_CRASH_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(3);
    let install = Install::new(&db).await;
    let (auth, circle) = admin_with_circle(&install).await;
    let mut acknowledged = 0usize;
    let started = Instant::now();
    for round in 0..rounds {
        let server = install.serve().await;
        let stop = Arc::new(AtomicBool::new(false));
        let (tally, writers) = start_writers(&server.addr, &auth, &circle, &format!("ronde {round}"), &stop, true);
        let moment = Duration::from_millis(rand::rng().random_range(50..1200));
        tokio::time::sleep(moment).await;
        server.kill_hard().await;
        for w in writers {
            w.await.expect("writer");
        }
        let tally = std::mem::take(&mut *tally.lock().expect("tally"));
        assert!(
            tally.refused.iter().all(|s| *s < 500),
            "round {round}: no server errors before the crash: {:?}",
            tally.refused
        );
        let stored = stored_bodies(&install, db.engine).await;
        let lost: Vec<&String> = tally.acknowledged.iter().filter(|b| !stored.contains(*b)).collect();
        assert!(lost.is_empty(), "round {round} (killed after {moment:?}): acknowledged but lost: {lost:?}");
        acknowledged += tally.acknowledged.len();
        // Every fifth round (and the last) the chain is checked; breaks never heal, so none slips by.
        if round % 5 == 4 || round + 1 == rounds {
            verify_chain(&install, &format!("after round {round}")).await;
        }
    }
    // The server starts once more and answers, with everything in place.
    let server = install.serve().await;
    let (status, _) = server.request("GET", "/readyz", &[], "").await;
    assert_eq!(status, 200);
    assert_eq!(server.terminate().await, Some(0));
    assert!(acknowledged > 0 || rounds == 0, "the writers got writes in");
    eprintln!(
        "crash test ({}): {rounds} rounds, {acknowledged} acknowledged writes, none lost, in {:?}",
        db.engine.name(),
        started.elapsed()
    );
    install.drop_database().await;
}

/// Where the PostgreSQL restart test may restart a server: a cluster of its
/// own (`.ci/reliability` creates one), never the server other tests use.
/// `SAMENSPEL_TEST_PG_RESTART` = `<version> <cluster> <admin URL>`.
pub fn restart_cluster() -> Option<(String, String, String)> {
    let v = std::env::var("SAMENSPEL_TEST_PG_RESTART").ok()?;
    let mut parts = v.split_whitespace();
    Some((parts.next()?.to_owned(), parts.next()?.to_owned(), parts.next()?.to_owned()))
}

/// PostgreSQL restarts (fast shutdown: every connection is cut) while four
/// clients write. The server keeps running, answers again once the database
/// is back, and everything it acknowledged — before, during and after — is
/// stored. Runs against a cluster of its own, so restarting it disturbs no
/// other test.
pub async fn postgres_restart_under_load(db: TestDb) {
    let Some((version, cluster, admin_url)) = restart_cluster() else {
        panic!("SAMENSPEL_TEST_PG_RESTART is not set (the harness marks this test ignored then)");
    };
    let install = Install::on_postgres(&db, &admin_url).await;
    let (auth, circle) = admin_with_circle(&install).await;
    let server = install.serve().await;
    let stop = Arc::new(AtomicBool::new(false));
    let (tally, writers) = start_writers(&server.addr, &auth, &circle, "herstart", &stop, false);
    tokio::time::sleep(Duration::from_millis(800)).await;
    let before = tally.lock().expect("tally").acknowledged.len();
    assert!(before > 0, "writes went in before the restart");
    let restart = tokio::process::Command::new("pg_ctlcluster")
        .args(["--skip-systemctl-redirect", &version, &cluster, "restart", "-m", "fast"])
        .output()
        .await
        .expect("pg_ctlcluster runs");
    assert!(restart.status.success(), "restart: {}", String::from_utf8_lossy(&restart.stderr));
    let restarted = tally.lock().expect("tally").acknowledged.len();
    // The server recovers by itself: writes are acknowledged again.
    let deadline = Instant::now() + Duration::from_secs(30);
    while tally.lock().expect("tally").acknowledged.len() < restarted + 20 {
        assert!(Instant::now() < deadline, "no writes acknowledged within 30 s of the restart");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.await.expect("writer");
    }
    let tally = std::mem::take(&mut *tally.lock().expect("tally"));
    assert_eq!(tally.failed_connections, 0, "the server itself never went away");
    assert!(
        tally.refused.iter().all(|s| *s == 503 || *s == 500),
        "while the database was away writes were refused, not mangled: {:?}",
        tally.refused
    );
    let stored = stored_bodies(&install, Engine::Postgres).await;
    let lost: Vec<&String> = tally.acknowledged.iter().filter(|b| !stored.contains(*b)).collect();
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");
    assert_eq!(server.request("GET", "/readyz", &[], "").await.0, 200);
    assert_eq!(server.terminate().await, Some(0));
    verify_chain(&install, "after the restart").await;
    eprintln!(
        "PostgreSQL restart: {} writes acknowledged ({before} before the restart), {} refused while it was down, none lost",
        tally.acknowledged.len(),
        tally.refused.len()
    );
    install.drop_database().await;
}
