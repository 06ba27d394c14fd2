//! The group commit's promises, on a scratch SQLite file.

use crate::db::{ConnectOptions, Pools, Store};
use crate::sql::args;
use samenspel_core::Error;
use std::time::Duration;

async fn store(name: &str) -> Store {
    let dir = std::env::temp_dir().join(format!("samenspel-group-commit-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    let store =
        Store::connect(&ConnectOptions::new(format!("sqlite://{}", dir.join("t.db").display()))).await.expect("open");
    store.exec("CREATE TABLE parent (id INTEGER PRIMARY KEY)", args![]).await.expect("table");
    store
        .exec(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, parent INTEGER \
             REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)",
            args![],
        )
        .await
        .expect("table");
    store
}

fn stats(store: &Store) -> (u64, u64) {
    match &*store.pools {
        Pools::Sqlite { writer, .. } => writer.stats(),
        Pools::Postgres { .. } => unreachable!("a SQLite store"),
    }
}

async fn ids(store: &Store) -> Vec<i64> {
    store.all::<i64>("SELECT id FROM t ORDER BY id", args![]).await.expect("rows")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_share_commits_and_a_failed_one_undoes_only_itself() {
    let store = store("share").await;
    let (kept_before, commits_before) = stats(&store);
    let tasks: Vec<_> = (0..40i64)
        .map(|i| {
            let store = store.clone();
            tokio::spawn(async move {
                let mut tx = store.begin().await?;
                tx.exec("INSERT INTO t (id) VALUES ($1)", args![i]).await?;
                if i % 10 == 3 {
                    // Fails after writing: dropped without a commit.
                    return Err(Error::Conflict("test"));
                }
                tx.commit().await
            })
        })
        .collect();
    for (i, t) in tasks.into_iter().enumerate() {
        let result = t.await.expect("task");
        assert_eq!(result.is_ok(), i % 10 != 3, "transaction {i}: {result:?}");
    }
    let want: Vec<i64> = (0..40).filter(|i| i % 10 != 3).collect();
    assert_eq!(ids(&store).await, want, "every kept write is there, the failed ones are not");
    let (kept, commits) = stats(&store);
    assert_eq!(kept - kept_before, 36);
    assert!(commits - commits_before < 36, "36 transactions shared {} commits", commits - commits_before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_transaction_dropped_halfway_leaves_nothing_and_blocks_nobody() {
    let store = store("dropped").await;
    let mut tx = store.begin().await.expect("begin");
    tx.exec("INSERT INTO t (id) VALUES (1)", args![]).await.expect("insert");
    drop(tx);
    let next = tokio::time::timeout(Duration::from_secs(5), store.exec("INSERT INTO t (id) VALUES (2)", args![]));
    next.await.expect("the writer is free again").expect("insert");
    assert_eq!(ids(&store).await, vec![2]);
    // Dropped with nobody after it: the group ends, so another process
    // (here: a connection of its own) can take the file's write lock.
    let mut tx = store.begin().await.expect("begin");
    tx.exec("INSERT INTO t (id) VALUES (3)", args![]).await.expect("insert");
    drop(tx);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let Pools::Sqlite { path, .. } = &*store.pools else { unreachable!("a SQLite store") };
    let url = format!("sqlite://{}", path.display());
    let mut other = <sqlx::SqliteConnection as sqlx::Connection>::connect(&url).await.expect("connect");
    sqlx::query("BEGIN IMMEDIATE; INSERT INTO parent (id) VALUES (9); COMMIT")
        .execute(&mut other)
        .await
        .expect("another writer gets the lock");
    assert_eq!(ids(&store).await, vec![2]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_a_group_cannot_commit_every_member_hears_it() {
    let store = store("failed").await;
    // The first member breaks a deferred foreign key: SQLite refuses the
    // group's COMMIT, not the member's own release.
    let mut first = store.begin().await.expect("begin");
    first.exec("INSERT INTO t (id, parent) VALUES (1, 42)", args![]).await.expect("insert");
    let second = {
        let store = store.clone();
        tokio::spawn(async move {
            let mut tx = store.begin().await?;
            tx.exec("INSERT INTO t (id) VALUES (2)", args![]).await?;
            tx.commit().await
        })
    };
    // The second waits for the writer; it joins the first's group.
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(first.commit().await.is_err(), "the first is told");
    assert!(second.await.expect("task").is_err(), "so is the second, in the same group");
    assert!(ids(&store).await.is_empty(), "nothing of the group was kept");
    // The next group starts clean.
    store.exec("INSERT INTO t (id) VALUES (3)", args![]).await.expect("insert");
    assert_eq!(ids(&store).await, vec![3]);
}
