//! The request's read snapshot, on a scratch SQLite file. Each test returns
//! its setup's errors instead of panicking on them.

use crate::db::{ConnectOptions, Store};
use crate::sql::args;
use std::path::PathBuf;

type Outcome = Result<(), Box<dyn std::error::Error + Send + Sync>>;

async fn store(name: &str) -> Result<(Store, PathBuf), Box<dyn std::error::Error + Send + Sync>> {
    let dir = std::env::temp_dir().join(format!("samenspel-readers-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let file = dir.join("t.db");
    let store = Store::connect(&ConnectOptions::new(format!("sqlite://{}", file.display()))).await?;
    store.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)", args![]).await?;
    Ok((store, file))
}

async fn count(store: &Store) -> samenspel_core::Result<i64> {
    store.one::<i64>("SELECT COUNT(*) FROM t", args![]).await
}

/// Another request's write, committed and durable before this returns.
async fn written_elsewhere(store: &Store, id: i64) -> Outcome {
    let store = store.clone();
    tokio::spawn(async move { store.exec("INSERT INTO t (id) VALUES ($1)", args![id]).await }).await??;
    Ok(())
}

/// Whether a checkpoint could take the whole WAL back into the file: not
/// while some connection holds a read transaction on an older state.
fn checkpoint_blocked(file: &std::path::Path) -> rusqlite::Result<bool> {
    let conn = rusqlite::Connection::open(file)?;
    let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
    Ok(busy != 0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_reads_one_snapshot_and_sees_its_own_writes() -> Outcome {
    let (store, file) = store("scope").await?;
    store
        .one_snapshot(async {
            assert_eq!(count(&store).await?, 0);
            written_elsewhere(&store, 1).await?;
            assert_eq!(count(&store).await?, 0, "the page reads one consistent state");
            assert!(checkpoint_blocked(&file)?, "the snapshot is a real read transaction");
            store.exec("INSERT INTO t (id) VALUES (2)", args![]).await?;
            assert_eq!(count(&store).await?, 2, "after its own write the request reads what is committed");
            written_elsewhere(&store, 3).await?;
            assert_eq!(count(&store).await?, 2, "and from then on one state again");
            Outcome::Ok(())
        })
        .await?;
    assert!(!checkpoint_blocked(&file)?, "the scope's end ends the read transaction");
    assert_eq!(count(&store).await?, 3);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outside_a_scope_every_read_sees_the_latest() -> Outcome {
    let (store, file) = store("alone").await?;
    assert_eq!(count(&store).await?, 0);
    written_elsewhere(&store, 1).await?;
    assert_eq!(count(&store).await?, 1);
    assert!(!checkpoint_blocked(&file)?, "no read transaction stays open");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dropped_request_gives_its_snapshot_back() -> Outcome {
    let (store, file) = store("dropped").await?;
    let (opened, wait) = tokio::sync::oneshot::channel::<samenspel_core::Result<i64>>();
    let request = {
        let store = store.clone();
        tokio::spawn(async move {
            store
                .one_snapshot(async {
                    let _ = opened.send(count(&store).await);
                    std::future::pending::<()>().await;
                })
                .await
        })
    };
    assert_eq!(wait.await??, 0, "the request read");
    assert!(checkpoint_blocked(&file)?, "the request holds its snapshot");
    request.abort();
    let _ = request.await;
    assert!(!checkpoint_blocked(&file)?, "an aborted request ends its read transaction");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_read_starts_the_snapshot_afresh() -> Outcome {
    let (store, _file) = store("failed").await?;
    store
        .one_snapshot(async {
            assert_eq!(count(&store).await?, 0);
            let wrong = store.all::<i64>("SELECT nothing FROM t", args![]).await;
            assert!(wrong.is_err(), "an unknown column is an error");
            written_elsewhere(&store, 1).await?;
            assert_eq!(count(&store).await?, 1, "the next read opens a new snapshot");
            Outcome::Ok(())
        })
        .await
}

/// `.cargo/config.toml` builds SQLite without memory statistics (a mutex
/// per allocation) and without one page cache for all connections (a mutex
/// per page); a build that lost the setting fails here.
#[test]
fn sqlite_is_built_without_process_wide_mutexes() -> rusqlite::Result<()> {
    let conn = rusqlite::Connection::open_in_memory()?;
    let mut options = conn.prepare("PRAGMA compile_options")?;
    let options = options.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    assert!(options.iter().any(|o| o == "DEFAULT_MEMSTATUS=0"), "compile options: {options:?}");
    assert!(!options.iter().any(|o| o == "ENABLE_MEMORY_MANAGEMENT"), "compile options: {options:?}");
    Ok(())
}
