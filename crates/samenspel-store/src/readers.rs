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

use crate::in_thread::{self, sqlite_err};
use crate::sql::{Arg, FromDb};
use rusqlite::{Connection, OpenFlags};
use samenspel_core::{Error, Result};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How many prepared statements each connection keeps: every read statement
/// of a busy page, with room to spare (the store has a few hundred in all).
const STATEMENTS_CACHED: usize = 128;

/// Read connections to one SQLite file, used on the caller's thread.
pub(crate) struct Readers {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    keep: usize,
    closed: AtomicBool,
}

impl Readers {
    /// Opens one connection now, so a file that cannot be read fails the
    /// start rather than the first page.
    pub(crate) fn open(path: &Path, keep: usize) -> Result<Readers> {
        let readers = Readers {
            path: path.to_owned(),
            idle: Mutex::new(Vec::new()),
            keep: keep.max(1),
            closed: AtomicBool::new(false),
        };
        let first = readers.connect()?;
        readers.give_back(first);
        Ok(readers)
    }

    fn connect(&self) -> Result<Connection> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&self.path, flags).map_err(sqlite_err)?;
        // Wait for a checkpoint's or a recovery's brief lock as the sqlx
        // connections do, instead of failing the page.
        conn.busy_timeout(Duration::from_secs(10)).map_err(sqlite_err)?;
        conn.pragma_update(None, "temp_store", "memory").map_err(sqlite_err)?;
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

    /// Closes the idle connections; reads after this fail.
    pub(crate) fn close(&self) {
        self.closed.store(true, Ordering::Release);
        self.idle.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clear();
    }

    /// Runs a read, decoding up to `limit` rows.
    pub(crate) fn rows<T: FromDb>(&self, sql: &str, args: &[Arg], limit: usize) -> Result<Vec<T>> {
        let conn = self.take()?;
        let out = in_thread::query(&conn, sql, args, limit);
        // A connection whose statement failed is still sound: SQLite ends
        // the statement's implicit read transaction when it is reset.
        self.give_back(conn);
        out
    }
}
