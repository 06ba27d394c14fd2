//! Statements on a rusqlite connection, on the caller's thread: binding
//! the store's [`Arg`]s to `$1`, `$2`, … and decoding rows into the same row
//! structs ([`FromDb`]) the sqlx paths fill. The readers (`readers.rs`) and
//! the writer (`group_commit.rs`) run their statements through here.

use crate::sql::{Arg, Cols, FromDb};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Statement};
use samenspel_core::{Error, Result};

/// Runs a statement, decoding up to `limit` of the rows it returns.
pub(crate) fn query<T: FromDb>(conn: &Connection, sql: &str, args: &[Arg], limit: usize) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql).map_err(sqlite_err)?;
    bind(&mut stmt, args)?;
    let mut rows = stmt.raw_query();
    let mut out = Vec::new();
    while out.len() < limit {
        let Some(row) = rows.next().map_err(sqlite_err)? else { break };
        out.push(T::decode(&mut Cols::sqlite_thread(row)).map_err(crate::db::db_err)?);
    }
    Ok(out)
}

/// Runs a change (or any statement), stepping through whatever it returns:
/// the rows it changed.
pub(crate) fn execute(conn: &Connection, sql: &str, args: &[Arg]) -> Result<u64> {
    let mut stmt = conn.prepare_cached(sql).map_err(sqlite_err)?;
    bind(&mut stmt, args)?;
    let changes = !stmt.readonly();
    let mut rows = stmt.raw_query();
    while rows.next().map_err(sqlite_err)?.is_some() {}
    Ok(if changes { conn.changes() } else { 0 })
}

/// Binds `args` to the statement's `$1`, `$2`, … by number.
fn bind(stmt: &mut Statement<'_>, args: &[Arg]) -> Result<()> {
    let count = stmt.parameter_count();
    for i in 1..=count {
        // Statements are written with `$1`, `$2`, …, which SQLite numbers in
        // the order they first appear; bind by the number in the name.
        let n = stmt.parameter_name(i).and_then(|name| name.get(1..)?.parse::<usize>().ok()).unwrap_or(i);
        let arg = args
            .get(n.wrapping_sub(1))
            .ok_or_else(|| Error::internal(format!("no value for ${n} in a statement with {} values", args.len())))?;
        match arg {
            Arg::Text(v) => stmt.raw_bind_parameter(i, v.as_deref()),
            Arg::Int(v) => stmt.raw_bind_parameter(i, v),
            Arg::Bool(v) => stmt.raw_bind_parameter(i, i64::from(*v)),
            Arg::Bytes(v) => stmt.raw_bind_parameter(i, v.as_slice()),
        }
        .map_err(sqlite_err)?;
    }
    if args.len() > count {
        return Err(Error::internal(format!("{} values for a statement with {count} parameters", args.len())));
    }
    Ok(())
}

/// Maps an error as `db::db_err` does for sqlx's: a unique or primary key
/// violation is a conflict the caller can name, anything else is internal.
pub(crate) fn sqlite_err(e: rusqlite::Error) -> Error {
    const UNIQUE: i32 = 2067;
    const PRIMARY_KEY: i32 = 1555;
    match &e {
        rusqlite::Error::SqliteFailure(f, _) if matches!(f.extended_code, UNIQUE | PRIMARY_KEY) => {
            Error::Conflict("already-exists")
        }
        _ => Error::internal(e),
    }
}

/// A column value as the store's row structs read it, with the same
/// conversions sqlx makes: text from TEXT, numbers and booleans from INTEGER,
/// bytes from BLOB (or TEXT), `NULL` only into an `Option`.
pub(crate) trait FromValue: Sized {
    fn from_value(v: ValueRef<'_>) -> std::result::Result<Self, String>;
}

impl FromValue for String {
    fn from_value(v: ValueRef<'_>) -> std::result::Result<Self, String> {
        match v {
            ValueRef::Text(b) | ValueRef::Blob(b) => String::from_utf8(b.to_vec()).map_err(|e| e.to_string()),
            other => Err(format!("expected text, found {:?}", other.data_type())),
        }
    }
}

impl FromValue for i64 {
    fn from_value(v: ValueRef<'_>) -> std::result::Result<Self, String> {
        match v {
            ValueRef::Integer(i) => Ok(i),
            other => Err(format!("expected an integer, found {:?}", other.data_type())),
        }
    }
}

impl FromValue for bool {
    fn from_value(v: ValueRef<'_>) -> std::result::Result<Self, String> {
        i64::from_value(v).map(|i| i != 0)
    }
}

impl FromValue for Vec<u8> {
    fn from_value(v: ValueRef<'_>) -> std::result::Result<Self, String> {
        match v {
            ValueRef::Blob(b) | ValueRef::Text(b) => Ok(b.to_vec()),
            other => Err(format!("expected bytes, found {:?}", other.data_type())),
        }
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: ValueRef<'_>) -> std::result::Result<Self, String> {
        match v {
            ValueRef::Null => Ok(None),
            v => T::from_value(v).map(Some),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sql::args;

    fn conn() -> Connection {
        let c = Connection::open_in_memory().expect("open");
        c.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, data BLOB, flag INTEGER)")
            .expect("table");
        c
    }

    #[test]
    fn values_bind_by_their_number_not_their_place() {
        let c = conn();
        assert_eq!(execute(&c, "INSERT INTO t (name, id) VALUES ($2, $1)", args![7i64, "zeven"]).expect("insert"), 1);
        let rows: Vec<(i64, String)> =
            query(&c, "SELECT id, name FROM t WHERE name = $2 AND (id = $1 OR id = $1 + 1)", args![7i64, "zeven"], 9)
                .expect("select");
        assert_eq!(rows, vec![(7, "zeven".to_owned())]);
        let missing = query::<i64>(&c, "SELECT id FROM t WHERE id = $2", args![7i64], 9);
        assert!(missing.is_err(), "a statement's $2 without a second value is refused");
        let extra = query::<i64>(&c, "SELECT id FROM t WHERE id = $1", args![7i64, 8i64], 9);
        assert!(extra.is_err(), "a value the statement does not use is refused");
    }

    #[test]
    fn changes_are_counted_and_a_duplicate_is_a_conflict() {
        let c = conn();
        execute(&c, "INSERT INTO t (id, name) VALUES ($1, $2)", args![1i64, "een"]).expect("insert");
        execute(&c, "INSERT INTO t (id, name) VALUES ($1, $2)", args![2i64, "twee"]).expect("insert");
        assert_eq!(execute(&c, "UPDATE t SET flag = $1", args![true]).expect("update"), 2);
        assert_eq!(execute(&c, "UPDATE t SET flag = 0 WHERE id = $1", args![9i64]).expect("update"), 0);
        let again = execute(&c, "INSERT INTO t (id, name) VALUES ($1, $2)", args![3i64, "een"]);
        assert!(matches!(again, Err(Error::Conflict("already-exists"))), "{again:?}");
        let key = execute(&c, "INSERT INTO t (id, name) VALUES ($1, $2)", args![1i64, "drie"]);
        assert!(matches!(key, Err(Error::Conflict("already-exists"))), "{key:?}");
        let returned: Vec<i64> =
            query(&c, "INSERT INTO t (id, name) VALUES ($1, $2) RETURNING id", args![4i64, "vier"], 1)
                .expect("returning");
        assert_eq!(returned, vec![4]);
        assert_eq!(query::<i64>(&c, "SELECT COUNT(*) FROM t", args![], 1).expect("count"), vec![3]);
    }

    #[test]
    fn columns_decode_as_sqlx_decodes_them() {
        let c = conn();
        let bytes: &[u8] = &[0, 159, 146, 150];
        execute(&c, "INSERT INTO t (id, name, data, flag) VALUES (1, NULL, $1, 1)", args![bytes]).expect("insert");
        let (data, flag, name): (Vec<u8>, bool, Option<String>) =
            query(&c, "SELECT data, flag, name FROM t", args![], 1).expect("select").remove(0);
        assert_eq!((data.as_slice(), flag, name), (bytes, true, None));
        assert!(query::<String>(&c, "SELECT name FROM t", args![], 1).is_err(), "NULL is not a text");
        assert!(query::<String>(&c, "SELECT id FROM t", args![], 1).is_err(), "a number is not a text");
        assert!(query::<i64>(&c, "SELECT 'x'", args![], 1).is_err(), "a text is not a number");
    }
}
