//! One way to run a statement on either engine: values to bind ([`Arg`],
//! written with [`args!`]), named row structs decoded by hand ([`FromDb`], no
//! `FromRow` derive: it costs much build time), and the few ways a statement
//! runs — on the store's read pool, or inside a write transaction:
//!
//! - [`Store::exec`]: begin, run one statement, commit;
//! - [`Tx::exec`], [`Tx::all`], [`Tx::opt`], [`Tx::one`]: a step inside a
//!   transaction opened with `Store::begin`;
//! - [`Tx::finish`]: enqueue the e-mails (jobs) the change causes, then commit,
//!   so the change and its mail land together or not at all.
//!
//! The SQL that names a member ([`member_name!`]) is written here once too.

use crate::db::{Pools, SqliteTx, Store, Tx, db_err};
use crate::jobs::{NewJob, enqueue};
use samenspel_core::{Result, Timestamp};
use sqlx::postgres::{PgRow, Postgres};
use sqlx::sqlite::{Sqlite, SqliteRow};
use sqlx::{Decode, Row as _, Type};

/// The start of the scalar subquery that names a member: the member's id
/// column and a closing parenthesis follow (see [`member_name!`], [`NAME`]).
macro_rules! name_of {
    () => {
        "(SELECT u.display_name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.id = "
    };
}

/// The display name of the member whose id is in column `$col` (a literal
/// such as `"e.author_member_id"`), as a scalar subquery.
macro_rules! member_name {
    ($col:expr) => {
        concat!($crate::sql::name_of!(), $col, ")")
    };
}
pub(crate) use {member_name, name_of};

/// [`member_name!`] for statements built with `format!`: `{NAME}e.written_by)`.
pub(crate) const NAME: &str = name_of!();

/// A value bound to a statement. `None` binds a typed `NULL` (PostgreSQL
/// wants to know whether it is text or a number).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Arg {
    Text(Option<String>),
    Int(Option<i64>),
    Bool(bool),
    /// A file's bytes (attachments).
    Bytes(Vec<u8>),
}

impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Arg::Text(Some(v.to_owned()))
    }
}
impl From<String> for Arg {
    fn from(v: String) -> Self {
        Arg::Text(Some(v))
    }
}
impl From<&String> for Arg {
    fn from(v: &String) -> Self {
        Arg::Text(Some(v.clone()))
    }
}
impl From<Option<&str>> for Arg {
    fn from(v: Option<&str>) -> Self {
        Arg::Text(v.map(str::to_owned))
    }
}
impl From<Option<String>> for Arg {
    fn from(v: Option<String>) -> Self {
        Arg::Text(v)
    }
}
impl From<&Option<String>> for Arg {
    fn from(v: &Option<String>) -> Self {
        Arg::Text(v.clone())
    }
}
impl From<i64> for Arg {
    fn from(v: i64) -> Self {
        Arg::Int(Some(v))
    }
}
impl From<Option<i64>> for Arg {
    fn from(v: Option<i64>) -> Self {
        Arg::Int(v)
    }
}
impl From<&[u8]> for Arg {
    fn from(v: &[u8]) -> Self {
        Arg::Bytes(v.to_vec())
    }
}
impl From<bool> for Arg {
    fn from(v: bool) -> Self {
        Arg::Bool(v)
    }
}

/// The values for a statement's `$1, $2, …`, in order: `args![a, b, c]`.
macro_rules! args {
    ($($a:expr),* $(,)?) => {
        &[$($crate::sql::Arg::from($a)),*][..]
    };
}
pub(crate) use args;

/// Binds `$args` to the query `$q` (either engine).
macro_rules! bind_args {
    ($q:expr, $args:expr) => {{
        let mut q = $q;
        for a in $args {
            q = match a {
                Arg::Text(v) => q.bind(v.as_deref()),
                Arg::Int(v) => q.bind(*v),
                Arg::Bool(v) => q.bind(*v),
                Arg::Bytes(v) => q.bind(v.as_slice()),
            };
        }
        q
    }};
}

/// A row of either engine, read column by column from the left.
pub(crate) struct Cols<'r> {
    row: EngineRow<'r>,
    next: usize,
}

enum EngineRow<'r> {
    Sqlite(&'r SqliteRow),
    /// A row read on the request's thread (`readers.rs`).
    SqliteThread(&'r rusqlite::Row<'r>),
    Postgres(&'r PgRow),
}

impl<'r> Cols<'r> {
    pub(crate) fn sqlite_thread(row: &'r rusqlite::Row<'r>) -> Self {
        Cols { row: EngineRow::SqliteThread(row), next: 0 }
    }

    /// The next column.
    pub(crate) fn get<T>(&mut self) -> std::result::Result<T, sqlx::Error>
    where
        T: for<'a> Decode<'a, Sqlite>
            + Type<Sqlite>
            + for<'a> Decode<'a, Postgres>
            + Type<Postgres>
            + crate::in_thread::FromValue,
    {
        let i = self.next;
        self.next += 1;
        match self.row {
            EngineRow::Sqlite(r) => r.try_get(i),
            EngineRow::SqliteThread(r) => r
                .get_ref(i)
                .map_err(|e| e.to_string())
                .and_then(T::from_value)
                .map_err(|why| sqlx::Error::ColumnDecode { index: format!("{i}"), source: why.into() }),
            EngineRow::Postgres(r) => r.try_get(i),
        }
    }
}

/// A row struct read from the columns of a `SELECT`, in the order written.
pub(crate) trait FromDb: Sized {
    /// How many columns it reads.
    const WIDTH: usize;
    fn decode(c: &mut Cols<'_>) -> std::result::Result<Self, sqlx::Error>;
}

/// A row struct from the far side of a `LEFT JOIN`: one column saying
/// whether the row is there (`m.id IS NOT NULL`), then the struct's own
/// columns, which are skipped when it is not.
pub(crate) struct Joined<T>(pub(crate) Option<T>);

impl<T: FromDb> FromDb for Joined<T> {
    const WIDTH: usize = 1 + T::WIDTH;
    fn decode(c: &mut Cols<'_>) -> std::result::Result<Self, sqlx::Error> {
        if c.get::<bool>()? {
            return Ok(Joined(Some(T::decode(c)?)));
        }
        c.next += T::WIDTH;
        Ok(Joined(None))
    }
}

/// A named row struct and its [`FromDb`], the fields in column order:
/// `db_row! { struct Name { id: String, at: i64 } }`. A field may itself be a
/// row struct: it reads its own columns in turn (`circle: CircleRow`). A
/// visibility before `struct` applies to the fields too.
macro_rules! db_row {
    ($(#[$m:meta])* $vis:vis struct $name:ident { $($f:ident : $t:ty),* $(,)? }) => {
        $(#[$m])*
        $vis struct $name {
            $($vis $f: $t),*
        }

        impl $crate::sql::FromDb for $name {
            const WIDTH: usize = 0 $(+ <$t as $crate::sql::FromDb>::WIDTH)*;
            fn decode(c: &mut $crate::sql::Cols<'_>) -> std::result::Result<Self, sqlx::Error> {
                Ok($name { $($f: <$t as $crate::sql::FromDb>::decode(c)?),* })
            }
        }
    };
}
pub(crate) use db_row;

macro_rules! scalar {
    ($($t:ty),*) => {$(
        impl FromDb for $t {
            const WIDTH: usize = 1;
            fn decode(c: &mut Cols<'_>) -> std::result::Result<Self, sqlx::Error> {
                c.get()
            }
        }
    )*};
}
scalar!(String, Option<String>, i64, Option<i64>, bool, Option<bool>, Vec<u8>);

/// Up to four columns stay a tuple; anything larger gets a named struct.
macro_rules! tuple {
    ($($t:ident),*) => {
        impl<$($t: FromDb),*> FromDb for ($($t,)*) {
            const WIDTH: usize = 0 $(+ $t::WIDTH)*;
            fn decode(c: &mut Cols<'_>) -> std::result::Result<Self, sqlx::Error> {
                Ok(($($t::decode(c)?,)*))
            }
        }
    };
}
tuple!(A);
tuple!(A, B);
tuple!(A, B, C);
tuple!(A, B, C, D);

fn sqlite_rows<T: FromDb>(rows: &[SqliteRow]) -> Result<Vec<T>> {
    rows.iter()
        .map(|r| T::decode(&mut Cols { row: EngineRow::Sqlite(r), next: 0 }))
        .collect::<Result<_, _>>()
        .map_err(db_err)
}

fn pg_rows<T: FromDb>(rows: &[PgRow]) -> Result<Vec<T>> {
    rows.iter()
        .map(|r| T::decode(&mut Cols { row: EngineRow::Postgres(r), next: 0 }))
        .collect::<Result<_, _>>()
        .map_err(db_err)
}

impl Store {
    /// Every row of a read.
    pub(crate) async fn all<T: FromDb>(&self, sql: &str, args: &[Arg]) -> Result<Vec<T>> {
        crate::statements::counted(sql);
        match &*self.pools {
            Pools::Sqlite { readers, .. } => readers.rows(sql, args, usize::MAX),
            Pools::Postgres { pool } => {
                pg_rows(&bind_args!(sqlx::query(sql), args).fetch_all(pool).await.map_err(db_err)?)
            }
        }
    }

    /// The first row of a read, if any.
    pub(crate) async fn opt<T: FromDb>(&self, sql: &str, args: &[Arg]) -> Result<Option<T>> {
        crate::statements::counted(sql);
        let row = match &*self.pools {
            Pools::Sqlite { readers, .. } => return Ok(readers.rows(sql, args, 1)?.pop()),
            Pools::Postgres { pool } => bind_args!(sqlx::query(sql), args)
                .fetch_optional(pool)
                .await
                .map_err(db_err)?
                .map(|r| T::decode(&mut Cols { row: EngineRow::Postgres(&r), next: 0 })),
        };
        row.transpose().map_err(db_err)
    }

    /// The one row of a read; "not found" without it.
    pub(crate) async fn one<T: FromDb>(&self, sql: &str, args: &[Arg]) -> Result<T> {
        self.opt(sql, args).await?.ok_or(samenspel_core::Error::NotFound)
    }

    /// Begin, run one statement, commit: the rows it touched.
    pub(crate) async fn exec(&self, sql: &str, args: &[Arg]) -> Result<u64> {
        let mut tx = self.begin().await?;
        let n = tx.exec(sql, args).await?;
        tx.commit().await?;
        Ok(n)
    }

    /// Begin, run one change that must touch a row, commit; "not found"
    /// (and nothing written) when it touched none ([`Tx::exec_found`]).
    pub(crate) async fn exec_found(&self, sql: &str, args: &[Arg]) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.exec_found(sql, args).await?;
        tx.commit().await
    }
}

impl Tx {
    /// Runs a statement in the transaction: the rows it touched.
    pub(crate) async fn exec(&mut self, sql: &str, args: &[Arg]) -> Result<u64> {
        crate::statements::counted(sql);
        match self {
            Tx::Sqlite(SqliteTx::Write(t)) => return crate::in_thread::execute(t.conn()?, sql, args),
            Tx::Sqlite(SqliteTx::Read(t)) => {
                bind_args!(sqlx::query(sql), args).execute(&mut **t).await.map(|r| r.rows_affected())
            }
            Tx::Postgres(t) => bind_args!(sqlx::query(sql), args).execute(&mut **t).await.map(|r| r.rows_affected()),
        }
        .map_err(db_err)
    }

    /// Every row of a read inside the transaction.
    pub(crate) async fn all<T: FromDb>(&mut self, sql: &str, args: &[Arg]) -> Result<Vec<T>> {
        crate::statements::counted(sql);
        match self {
            Tx::Sqlite(SqliteTx::Write(t)) => crate::in_thread::query(t.conn()?, sql, args, usize::MAX),
            Tx::Sqlite(SqliteTx::Read(t)) => {
                sqlite_rows(&bind_args!(sqlx::query(sql), args).fetch_all(&mut **t).await.map_err(db_err)?)
            }
            Tx::Postgres(t) => pg_rows(&bind_args!(sqlx::query(sql), args).fetch_all(&mut **t).await.map_err(db_err)?),
        }
    }

    /// The first row of a read inside the transaction, if any.
    pub(crate) async fn opt<T: FromDb>(&mut self, sql: &str, args: &[Arg]) -> Result<Option<T>> {
        crate::statements::counted(sql);
        let row = match self {
            Tx::Sqlite(SqliteTx::Write(t)) => return Ok(crate::in_thread::query(t.conn()?, sql, args, 1)?.pop()),
            Tx::Sqlite(SqliteTx::Read(t)) => bind_args!(sqlx::query(sql), args)
                .fetch_optional(&mut **t)
                .await
                .map_err(db_err)?
                .map(|r| T::decode(&mut Cols { row: EngineRow::Sqlite(&r), next: 0 })),
            Tx::Postgres(t) => bind_args!(sqlx::query(sql), args)
                .fetch_optional(&mut **t)
                .await
                .map_err(db_err)?
                .map(|r| T::decode(&mut Cols { row: EngineRow::Postgres(&r), next: 0 })),
        };
        row.transpose().map_err(db_err)
    }

    /// The one row of a read inside the transaction; "not found" without it.
    pub(crate) async fn one<T: FromDb>(&mut self, sql: &str, args: &[Arg]) -> Result<T> {
        self.opt(sql, args).await?.ok_or(samenspel_core::Error::NotFound)
    }

    /// Runs a change that must touch a row: "not found" when the row is not
    /// there (another circle's, another user's, or already gone). The caller
    /// returns the error, so the transaction is rolled back.
    pub(crate) async fn exec_found(&mut self, sql: &str, args: &[Arg]) -> Result<()> {
        match self.exec(sql, args).await? {
            0 => Err(samenspel_core::Error::NotFound),
            _ => Ok(()),
        }
    }

    /// Queues the e-mails the change causes, then commits: both or neither.
    pub(crate) async fn finish(mut self, mails: &[NewJob], now: Timestamp) -> Result<()> {
        for job in mails {
            enqueue(&mut self, job, now).await?;
        }
        self.commit().await
    }
}
