//! Group commit for SQLite's one writer: many requests' transactions share
//! one `COMMIT`, and so one flush to disk, without any of them answering
//! before its change is durable.
//!
//! SQLite writes through one connection at a time, and with
//! `synchronous=FULL` every `COMMIT` waits for the disk. One commit per
//! request makes the disk's flush rate the ceiling on writes. Here the writer
//! connection keeps one transaction open (a *group*); each request's
//! transaction is a savepoint inside it. A request that finishes releases its
//! savepoint and then waits until its group is committed. The first of them
//! to get the writer after that commits the group — with every request that
//! joined in the meantime — and the others find their group already ended.
//! While one group's `COMMIT` waits for the disk, the next requests queue and
//! form the next group.
//!
//! What stays true:
//! - a request's change is durable before `commit` returns, as before;
//! - a request that fails (or is dropped) rolls back its own savepoint only;
//! - if SQLite loses the group's transaction (a full disk, an I/O error), or
//!   its `COMMIT` fails, every request of that group gets the error: none
//!   answers as if its change were kept;
//! - the writer connection goes back to the pool between groups, so a
//!   migration or `VACUUM INTO` on the pool takes its turn, and another
//!   process on the same file waits at most one group for the lock.

use crate::db::db_err;
use samenspel_core::{Error, Result};
use sqlx::Sqlite;
use sqlx::pool::PoolConnection;
use sqlx::sqlite::{SqliteConnection, SqlitePool};
use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use tokio::sync::{Mutex, OwnedMutexGuard};

/// The writer, shared by every transaction of one store.
pub(crate) struct Writer {
    pool: SqlitePool,
    state: Arc<Mutex<State>>,
    /// Transactions kept, and the commits that kept them.
    kept: AtomicU64,
    commits: AtomicU64,
}

struct State {
    /// The group's connection, while a group is open.
    conn: Option<PoolConnection<Sqlite>>,
    /// The number of the group that is open, or opens next.
    group: u64,
    /// Every group up to this one has ended (committed or failed).
    ended_through: u64,
    /// The last groups that failed, with why.
    failed: VecDeque<(u64, String)>,
    /// A transaction is inside its savepoint (or was dropped there): the
    /// next holder rolls it back before anything else.
    inside: bool,
}

/// How many failed groups are remembered for their waiting members.
const FAILURES_KEPT: usize = 64;

impl Writer {
    pub(crate) fn new(pool: SqlitePool) -> Arc<Writer> {
        let state = State { conn: None, group: 1, ended_through: 0, failed: VecDeque::new(), inside: false };
        let (kept, commits) = (AtomicU64::new(0), AtomicU64::new(0));
        Arc::new(Writer { pool, state: Arc::new(Mutex::new(state)), kept, commits })
    }

    /// (transactions kept, commits that kept them): how much commits are shared.
    pub(crate) fn stats(&self) -> (u64, u64) {
        (self.kept.load(Ordering::Relaxed), self.commits.load(Ordering::Relaxed))
    }

    /// A transaction: a savepoint in the open group (opening one if needed).
    pub(crate) async fn begin(self: &Arc<Writer>) -> Result<GroupTx> {
        let mut state = self.state.clone().lock_owned().await;
        state.settle().await;
        if state.conn.is_none() {
            let mut conn = self.pool.acquire().await.map_err(db_err)?;
            // IMMEDIATE: take the file's write lock now (another process
            // may hold it; the busy timeout waits), not halfway through.
            sqlx::query("BEGIN IMMEDIATE").execute(&mut *conn).await.map_err(db_err)?;
            state.conn = Some(conn);
        }
        if let Err(e) = sqlx::query("SAVEPOINT request").execute(state.conn()).await {
            // The group's transaction is in a state we do not know: end it.
            state.fail_group(&e.to_string()).await;
            return Err(db_err(e));
        }
        state.inside = true;
        Ok(GroupTx { state: Some(state), writer: self.clone() })
    }

    /// Waits until group `mine` has ended, committing it when nobody has.
    async fn commit_through(&self, mine: u64) -> Result<()> {
        let mut state = self.state.lock().await;
        if state.ended_through < mine {
            state.settle().await;
        }
        if state.ended_through < mine {
            // Still open: ours to commit, with everyone who joined since.
            debug_assert_eq!(state.group, mine);
            match sqlx::query("COMMIT").execute(state.conn()).await {
                Ok(_) => {
                    self.commits.fetch_add(1, Ordering::Relaxed);
                    state.conn = None;
                    state.ended_through = state.group;
                    state.group += 1;
                }
                Err(e) => state.fail_group(&e.to_string()).await,
            }
        }
        match state.failed.iter().find(|(g, _)| *g == mine) {
            Some((_, why)) => Err(Error::internal(format!("the change was not saved: {why}"))),
            None => Ok(()),
        }
    }

    /// After a transaction was dropped without committing: undo it, and end
    /// the group when nobody else is in it, so the file's write lock is not
    /// held for nothing.
    async fn tidy(&self) {
        let mut state = self.state.lock().await;
        state.settle().await;
        if state.conn.is_some() && !state.inside {
            // Released members commit the group themselves; an empty group
            // (only the dropped one was in it) commits nothing.
            let group = state.group;
            drop(state);
            let _ = self.commit_through(group).await;
        }
    }
}

impl State {
    fn conn(&mut self) -> &mut SqliteConnection {
        // Only called while a group is open (`begin` opens one first).
        self.conn.as_deref_mut().expect("the writer's group is open")
    }

    /// Rolls back a savepoint left behind by a dropped transaction.
    async fn settle(&mut self) {
        if !self.inside {
            return;
        }
        self.inside = false;
        let mut undo = sqlx::query("ROLLBACK TO request").execute(self.conn()).await;
        if undo.is_ok() {
            undo = sqlx::query("RELEASE request").execute(self.conn()).await;
        }
        if let Err(e) = undo {
            // SQLite rolled the whole group back on its own (I/O error, full
            // disk): nobody in it may think their change was kept.
            self.fail_group(&e.to_string()).await;
        }
    }

    /// Ends the open group without keeping anything: its members get `why`.
    async fn fail_group(&mut self, why: &str) {
        tracing::error!(group = self.group, error = why, "a group of writes could not be saved");
        if let Some(mut conn) = self.conn.take() {
            // Roll back whatever is left; if even that fails, do not give the
            // connection back in an unknown state.
            if sqlx::query("ROLLBACK").execute(&mut *conn).await.is_err() {
                conn.close_on_drop();
            }
        }
        self.inside = false;
        self.failed.push_back((self.group, why.to_owned()));
        if self.failed.len() > FAILURES_KEPT {
            self.failed.pop_front();
        }
        self.ended_through = self.group;
        self.group += 1;
    }
}

/// One request's write transaction: a savepoint in the open group, holding
/// the writer until it commits or is dropped.
pub(crate) struct GroupTx {
    state: Option<OwnedMutexGuard<State>>,
    writer: Arc<Writer>,
}

impl GroupTx {
    /// Keeps the change: releases the savepoint, then waits until its group
    /// is durable (committing it when nobody else has).
    pub(crate) async fn commit(mut self) -> Result<()> {
        let Some(mut state) = self.state.take() else {
            return Err(Error::internal("the transaction has ended"));
        };
        let mine = state.group;
        let released = sqlx::query("RELEASE request").execute(state.conn()).await;
        state.inside = false;
        if let Err(e) = released {
            state.fail_group(&e.to_string()).await;
            return Err(db_err(e));
        }
        drop(state);
        // In a task of its own: the group is committed even when the request
        // that waits for it goes away.
        let writer = self.writer.clone();
        tokio::spawn(async move {
            let kept = writer.commit_through(mine).await;
            if kept.is_ok() {
                // Counted here, not in `commit_through`: `tidy` commits
                // through it too, for a transaction that was not kept.
                writer.kept.fetch_add(1, Ordering::Relaxed);
            }
            kept
        })
        .await
        .map_err(Error::internal)?
    }
}

impl std::ops::Deref for GroupTx {
    type Target = SqliteConnection;
    fn deref(&self) -> &SqliteConnection {
        // `state` is taken only by `commit`, which consumes the transaction.
        self.state.as_ref().and_then(|s| s.conn.as_deref()).expect("the transaction is open")
    }
}

impl std::ops::DerefMut for GroupTx {
    fn deref_mut(&mut self) -> &mut SqliteConnection {
        self.state.as_mut().and_then(|s| s.conn.as_deref_mut()).expect("the transaction is open")
    }
}

impl Drop for GroupTx {
    fn drop(&mut self) {
        // Dropped inside its savepoint (an error, or a request that went
        // away): `inside` stays set, so the next holder rolls it back; with
        // nobody waiting, a task of its own does.
        if self.state.take().is_some()
            && let Ok(rt) = tokio::runtime::Handle::try_current()
        {
            let writer = self.writer.clone();
            rt.spawn(async move { writer.tidy().await });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::db::{ConnectOptions, Pools, Store};
    use crate::sql::args;
    use samenspel_core::Error;
    use std::time::Duration;

    async fn store(name: &str) -> Store {
        let dir = std::env::temp_dir().join(format!("samenspel-group-commit-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch directory");
        let store = Store::connect(&ConnectOptions::new(format!("sqlite://{}", dir.join("t.db").display())))
            .await
            .expect("open");
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
}
