//! SQLite reads on the request's own thread.
//!
//! sqlx runs every SQLite connection on a thread of its own, so each statement
//! is a hand-off there and back: two context switches and a wake-up, about
//! 50 µs of CPU on the machines we measure on, more than most of our reads
//! cost SQLite itself. A page that reads six times paid that six times.
//!
//! Here a read runs where the request already is: a connection is taken from
//! a small stack, the statement (prepared once per connection and cached)
//! runs, the rows are decoded, and the connection goes back. There is no
//! waiting for a connection: when the stack is empty another is opened, and
//! at most `keep` idle ones are kept. So the number of connections follows the
//! number of threads that read at the same moment (the runtime's workers),
//! not the number of requests in flight.
//!
//! Reads are bounded by design (no page walks a circle's history, see
//! `docs/PERFORMANCE.md`), so running them on a worker thread costs the other
//! requests on that worker no more than the hand-off did. Writes keep going
//! through the one writer and its group commit (`group_commit.rs`), on sqlx.
//!
//! A connection is opened read-only, and WAL mode (set on the file before the
//! pools open) lets it read while the writer writes.
//!
//! ## One snapshot per request
//!
//! A statement on its own is a read transaction of its own: SQLite takes a
//! read mark in the WAL index (an `fcntl` lock), looks at the WAL, and at the
//! end gives it all back. For a page of twenty reads that was a fifth of its
//! CPU. Inside [`scope`] (the HTTP layer runs every request in one) the
//! first read opens a read transaction on a connection that the request then
//! keeps, and its later reads run in it: one mark, and one consistent view of
//! the circle for the whole page. The snapshot ends, and the connection goes
//! back, when the scope ends, and earlier at the moments where a later read
//! must see newer data or where the request waits for something else:
//! - when the request begins a write transaction, and when its commit is
//!   durable, so that it reads what it wrote ([`end_snapshot`] in
//!   `Store::begin` and `Tx::commit`);
//! - before it waits for its audit record (`Store::authorize`), so that the
//!   number of connections follows the requests reading, not the requests
//!   waiting for the disk.

use crate::in_thread::{self, sqlite_err};
use crate::sql::{Arg, FromDb};
use rusqlite::{Connection, OpenFlags};
use samenspel_core::{Error, Result};
use std::cell::RefCell;
use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How many prepared statements each connection keeps: every read statement
/// of a busy page, with room to spare (the store has a few hundred in all).
const STATEMENTS_CACHED: usize = 128;

/// How much of the database file a reading connection maps into memory.
/// Every request commits an audit record, and a commit makes every other
/// connection drop its page cache at its next read (SQLite cannot tell which
/// pages changed): without a map, each request read its B-tree pages again
/// with a system call and a copy each (about 66 for the overview). Mapped,
/// a page of the file is read where it lies. Pages the kernel maps count as
/// the process's resident file memory, but they are the kernel's page cache,
/// shared and dropped under pressure; the raw limit maps 512 MiB the same way.
const MAPPED_BYTES: i64 = 512 * 1024 * 1024;

tokio::task_local! {
    /// The request's read snapshot, once its first read has opened one.
    static SNAPSHOT: RefCell<Option<Held>>;
}

/// Read connections to one SQLite file, used on the caller's thread.
pub(crate) struct Readers {
    stack: Arc<Stack>,
}

/// The idle connections, shared with the snapshots that hold one.
struct Stack {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    keep: usize,
    closed: AtomicBool,
}

/// A connection inside a read transaction, kept by one request. Dropped, it
/// ends the transaction and goes back to its stack.
struct Held {
    conn: Option<Connection>,
    home: Arc<Stack>,
}

impl Drop for Held {
    fn drop(&mut self) {
        let Some(conn) = self.conn.take() else { return };
        // A read transaction has nothing to keep: COMMIT only gives back the
        // read mark. Should it fail, the connection is not reused.
        let ended = conn.is_autocommit() || conn.prepare_cached("COMMIT").and_then(|mut s| s.execute([])).is_ok();
        if ended {
            self.home.give_back(conn);
        }
    }
}

/// Runs `fut` with one read snapshot for its SQLite reads (see the module's
/// documentation). Outside a scope every read is a transaction of its own.
pub(crate) async fn scope<F: Future>(fut: F) -> F::Output {
    SNAPSHOT.scope(RefCell::new(None), fut).await
}

/// Ends the current request's read snapshot, if it has one: its next read
/// sees everything committed before that read.
pub(crate) fn end_snapshot() {
    let held = SNAPSHOT.try_with(|cell| cell.try_borrow_mut().ok().and_then(|mut h| h.take()));
    drop(held);
}

impl Stack {
    fn connect(&self) -> Result<Connection> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&self.path, flags).map_err(sqlite_err)?;
        // Wait for a checkpoint's or a recovery's brief lock as the sqlx
        // connections do, instead of failing the page.
        conn.busy_timeout(Duration::from_secs(10)).map_err(sqlite_err)?;
        conn.pragma_update(None, "temp_store", "memory").map_err(sqlite_err)?;
        conn.pragma_update(None, "mmap_size", MAPPED_BYTES).map_err(sqlite_err)?;
        conn.set_prepared_statement_cache_capacity(STATEMENTS_CACHED);
        Ok(conn)
    }

    fn take(&self) -> Result<Connection> {
        if self.closed.load(Ordering::Acquire) {
            return Err(Error::internal("the database is closed"));
        }
        let idle = self.idle.lock().unwrap_or_else(std::sync::PoisonError::into_inner).pop();
        match idle {
            Some(conn) => Ok(conn),
            None => self.connect(),
        }
    }

    fn give_back(&self, conn: Connection) {
        if self.closed.load(Ordering::Acquire) {
            return;
        }
        let mut idle = self.idle.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if idle.len() < self.keep {
            idle.push(conn);
        }
    }
}

impl Readers {
    /// Opens one connection now, so a file that cannot be read fails the
    /// start rather than the first page.
    pub(crate) fn open(path: &Path, keep: usize) -> Result<Readers> {
        let stack = Stack {
            path: path.to_owned(),
            idle: Mutex::new(Vec::new()),
            keep: keep.max(1),
            closed: AtomicBool::new(false),
        };
        let first = stack.connect()?;
        stack.give_back(first);
        Ok(Readers { stack: Arc::new(stack) })
    }

    /// Closes the idle connections; reads after this fail.
    pub(crate) fn close(&self) {
        self.stack.closed.store(true, Ordering::Release);
        self.stack.idle.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clear();
    }

    /// Runs a read, decoding up to `limit` rows: in the request's snapshot
    /// when it runs inside a [`scope`], else as a transaction of its own.
    pub(crate) fn rows<T: FromDb>(&self, sql: &str, args: &[Arg], limit: usize) -> Result<Vec<T>> {
        if let Ok(Some(out)) = SNAPSHOT.try_with(|cell| self.in_snapshot(cell, sql, args, limit)) {
            return out;
        }
        let conn = self.stack.take()?;
        let out = in_thread::query(&conn, sql, args, limit);
        // A connection whose statement failed is still sound: SQLite ends
        // the statement's implicit read transaction when it is reset.
        self.stack.give_back(conn);
        out
    }

    /// The read in the request's snapshot, opening it on first use. `None`
    /// when the snapshot belongs to another store (a test with two) or is
    /// in use further up this thread's stack.
    fn in_snapshot<T: FromDb>(
        &self,
        cell: &RefCell<Option<Held>>,
        sql: &str,
        args: &[Arg],
        limit: usize,
    ) -> Option<Result<Vec<T>>> {
        let mut held = cell.try_borrow_mut().ok()?;
        if held.is_none() {
            let conn = match self.stack.take() {
                Ok(conn) => conn,
                Err(e) => return Some(Err(e)),
            };
            let home = Arc::clone(&self.stack);
            let begun = conn.prepare_cached("BEGIN").and_then(|mut s| s.execute([]));
            let opened = Held { conn: Some(conn), home };
            if let Err(e) = begun {
                return Some(Err(sqlite_err(e)));
            }
            *held = Some(opened);
        }
        let snapshot = held.as_ref()?;
        if !Arc::ptr_eq(&snapshot.home, &self.stack) {
            return None;
        }
        let out = in_thread::query(snapshot.conn.as_ref()?, sql, args, limit);
        if out.is_err() {
            // Start afresh rather than read on in a transaction SQLite may
            // have ended.
            *held = None;
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests;
