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
//! The writer is a rusqlite connection used on the request's own thread
//! while the request holds it: a statement inside a savepoint touches only
//! pages in memory, so it costs less than handing it to another thread would
//! (see `readers.rs`). The two steps that may wait — `BEGIN IMMEDIATE` for
//! another process's write lock, and `COMMIT` for the disk — run on Tokio's
//! blocking threads, once per group.
//!
//! What stays true:
//! - a request's change is durable before `commit` returns;
//! - a request that fails (or is dropped) rolls back its own savepoint only;
//! - if SQLite loses the group's transaction (a full disk, an I/O error), or
//!   its `COMMIT` fails, every request of that group gets the error: none
//!   answers as if its change were kept;
//! - between groups no transaction is open, so a migration, a `VACUUM INTO`
//!   or another process on the same file waits at most one group for the lock.

use crate::db::Synchronous;
use crate::in_thread::sqlite_err;
use rusqlite::{Connection, OpenFlags};
use samenspel_core::{Error, Result};
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::{Mutex, OwnedMutexGuard};

/// The writer, shared by every transaction of one store.
pub(crate) struct Writer {
    state: Arc<Mutex<State>>,
    /// Transactions kept, and the commits that kept them.
    kept: AtomicU64,
    commits: AtomicU64,
}

struct State {
    /// The connection; `None` once the store is closed.
    conn: Option<Connection>,
    path: PathBuf,
    synchronous: Synchronous,
    /// A group's transaction is open.
    open: bool,
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

/// How many prepared statements the writer keeps.
const STATEMENTS_CACHED: usize = 256;

fn connect(path: &Path, synchronous: Synchronous) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(sqlite_err)?;
    conn.busy_timeout(Duration::from_secs(10)).map_err(sqlite_err)?;
    conn.pragma_update(None, "foreign_keys", "ON").map_err(sqlite_err)?;
    let synchronous = match synchronous {
        Synchronous::Full => "FULL",
        Synchronous::Normal => "NORMAL",
    };
    conn.pragma_update(None, "synchronous", synchronous).map_err(sqlite_err)?;
    conn.pragma_update(None, "temp_store", "memory").map_err(sqlite_err)?;
    conn.set_prepared_statement_cache_capacity(STATEMENTS_CACHED);
    Ok(conn)
}

/// Runs `work` on the writer's state on one of Tokio's blocking threads,
/// for the steps that may wait on the disk or another process.
async fn off_thread<R: Send + 'static>(
    mut state: OwnedMutexGuard<State>,
    work: impl FnOnce(&mut State) -> R + Send + 'static,
) -> Result<(OwnedMutexGuard<State>, R)> {
    tokio::task::spawn_blocking(move || {
        let out = work(&mut state);
        (state, out)
    })
    .await
    .map_err(Error::internal)
}

impl Writer {
    pub(crate) fn open(path: &Path, synchronous: Synchronous) -> Result<Arc<Writer>> {
        let state = State {
            conn: Some(connect(path, synchronous)?),
            path: path.to_owned(),
            synchronous,
            open: false,
            group: 1,
            ended_through: 0,
            failed: VecDeque::new(),
            inside: false,
        };
        let (kept, commits) = (AtomicU64::new(0), AtomicU64::new(0));
        Ok(Arc::new(Writer { state: Arc::new(Mutex::new(state)), kept, commits }))
    }

    /// (transactions kept, commits that kept them): how much commits are shared.
    pub(crate) fn stats(&self) -> (u64, u64) {
        (self.kept.load(Ordering::Relaxed), self.commits.load(Ordering::Relaxed))
    }

    /// Closes the connection once the group in progress has ended.
    pub(crate) async fn close(&self) {
        let mut state = self.state.lock().await;
        state.settle();
        if state.open {
            let group = state.group;
            drop(state);
            let _ = self.commit_through(group).await;
            state = self.state.lock().await;
        }
        state.conn = None;
    }

    /// A transaction: a savepoint in the open group (opening one if needed).
    pub(crate) async fn begin(self: &Arc<Writer>) -> Result<GroupTx> {
        let mut state = self.state.clone().lock_owned().await;
        state.settle();
        if !state.open {
            // IMMEDIATE: take the file's write lock now (another process
            // may hold it; the busy timeout waits), not halfway through.
            // Should this request go away meanwhile, the group it opened is
            // ended for it, so the lock is not held with nobody in it.
            let mut orphan = TidyOnDrop(Some(self.clone()));
            let opened;
            (state, opened) = off_thread(state, |s| {
                let opened = s.conn()?.execute_batch("BEGIN IMMEDIATE").map_err(sqlite_err);
                s.open = opened.is_ok();
                opened
            })
            .await?;
            orphan.0 = None;
            opened?;
        }
        if let Err(e) = state.conn()?.execute_batch("SAVEPOINT request") {
            // The group's transaction is in a state we do not know: end it.
            state.fail_group(&e.to_string());
            return Err(sqlite_err(e));
        }
        state.inside = true;
        Ok(GroupTx { state: Some(state), writer: self.clone() })
    }

    /// Waits until group `mine` has ended, committing it when nobody has.
    async fn commit_through(&self, mine: u64) -> Result<()> {
        let mut state = self.state.clone().lock_owned().await;
        if state.ended_through < mine {
            state.settle();
        }
        if state.ended_through < mine {
            // Still open: ours to commit, with everyone who joined since.
            debug_assert_eq!(state.group, mine);
            let committed;
            (state, committed) =
                off_thread(state, |s| s.conn().and_then(|c| c.execute_batch("COMMIT").map_err(sqlite_err))).await?;
            match committed {
                Ok(()) => {
                    self.commits.fetch_add(1, Ordering::Relaxed);
                    state.open = false;
                    state.ended_through = state.group;
                    state.group += 1;
                }
                Err(e) => state.fail_group(&e.to_string()),
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
        state.settle();
        if state.open && !state.inside {
            // Released members commit the group themselves; an empty group
            // (only the dropped one was in it) commits nothing.
            let group = state.group;
            drop(state);
            let _ = self.commit_through(group).await;
        }
    }
}

impl State {
    fn conn(&mut self) -> Result<&mut Connection> {
        self.conn.as_mut().ok_or_else(|| Error::internal("the database is closed"))
    }

    /// Rolls back a savepoint left behind by a dropped transaction.
    fn settle(&mut self) {
        if !self.inside {
            return;
        }
        self.inside = false;
        let undo = self.conn().and_then(|c| {
            c.execute_batch("ROLLBACK TO request; RELEASE request").map_err(|e| Error::internal(e.to_string()))
        });
        if let Err(e) = undo {
            // SQLite rolled the whole group back on its own (I/O error, full
            // disk): nobody in it may think their change was kept.
            self.fail_group(&e.to_string());
        }
    }

    /// Ends the open group without keeping anything: its members get `why`.
    fn fail_group(&mut self, why: &str) {
        tracing::error!(group = self.group, error = why, "a group of writes could not be saved");
        let (path, synchronous) = (self.path.clone(), self.synchronous);
        if let Some(conn) = self.conn.as_mut() {
            // Roll back whatever is left; if the connection is still inside
            // a transaction after that, it is in a state we do not know:
            // open a new one.
            let _ = conn.execute_batch("ROLLBACK");
            if !conn.is_autocommit() {
                match connect(&path, synchronous) {
                    Ok(fresh) => *conn = fresh,
                    Err(e) => tracing::error!(error = %e, "could not reopen the SQLite writer"),
                }
            }
        }
        self.open = false;
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
    /// The writer's connection, for the transaction's statements.
    pub(crate) fn conn(&mut self) -> Result<&Connection> {
        match self.state.as_mut() {
            Some(state) => state.conn().map(|c| &*c),
            None => Err(Error::internal("the transaction has ended")),
        }
    }

    /// Keeps the change: releases the savepoint, then waits until its group
    /// is durable (committing it when nobody else has).
    pub(crate) async fn commit(mut self) -> Result<()> {
        let Some(mut state) = self.state.take() else {
            return Err(Error::internal("the transaction has ended"));
        };
        let mine = state.group;
        let released = state.conn().and_then(|c| c.execute_batch("RELEASE request").map_err(sqlite_err));
        state.inside = false;
        if let Err(e) = released {
            state.fail_group(&e.to_string());
            return Err(e);
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

/// Ends an empty group on drop, unless defused (see `Writer::begin`).
struct TidyOnDrop(Option<Arc<Writer>>);

impl Drop for TidyOnDrop {
    fn drop(&mut self) {
        if let Some(writer) = self.0.take()
            && let Ok(rt) = tokio::runtime::Handle::try_current()
        {
            rt.spawn(async move { writer.tidy().await });
        }
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
mod tests;
