//! Appending to and reading the audit chain. Appends lock the chain's head
//! (a row lock on PostgreSQL; the single writer on SQLite), so records get
//! consecutive sequence numbers and each hash covers its predecessor.

use crate::access::Can;
use crate::db::{Store, Tx, db_err, ms, role, ts};
use crate::sql::{Arg, args, db_row};
use samenspel_core::access::act;
use samenspel_core::audit::{AuditEvent, AuditFilter, AuditRecord, Operation, Outcome, Source, chain_hash};
use samenspel_core::ids::{CircleId, UserId};
use samenspel_core::role::Role;
use samenspel_core::{Error, Result};

db_row! {
    /// The `audit_columns!`, in order.
    struct Row {
        seq: i64,
        at: i64,
        actor: Option<String>,
        actor_name: String,
        circle: Option<String>,
        operation: String,
        action: String,
        object_type: String,
        object_id: Option<String>,
        outcome: String,
        ip: Option<String>,
        user_agent: Option<String>,
        request_id: Option<String>,
        prev_hash: String,
        hash: String,
    }
}

macro_rules! audit_columns {
    () => {
        "seq, at, actor_user_id, actor_name, circle_id, operation, action, object_type, object_id, outcome, ip, user_agent, request_id, prev_hash, hash"
    };
}

fn record_from_row(r: Row) -> Result<AuditRecord> {
    let Row {
        seq,
        at,
        actor,
        actor_name,
        circle,
        operation,
        action,
        object_type,
        object_id,
        outcome,
        ip,
        user_agent,
        request_id,
        prev_hash,
        hash,
    } = r;
    Ok(AuditRecord {
        seq,
        event: AuditEvent {
            at: ts(at),
            actor_user_id: actor.map(UserId::from_db),
            actor_name,
            circle_id: circle.map(CircleId::from_db),
            operation: Operation::parse(&operation)
                .ok_or_else(|| Error::internal(format!("audit record {seq}: unknown operation {operation:?}")))?,
            action,
            object_type,
            object_id,
            outcome: if outcome == "allowed" { Outcome::Allowed } else { Outcome::Denied },
            source: Source { ip, user_agent, request_id },
        },
        prev_hash,
        hash,
    })
}

/// Rows per SQLite INSERT: 15 parameters each stays far below its limit.
const ROWS_PER_INSERT: usize = 64;

/// `INSERT INTO audit_log (…) VALUES ($1, …, $15), ($16, …), …` for `n` rows.
fn multi_row_insert(n: usize) -> String {
    let mut sql = String::from(concat!("INSERT INTO audit_log (", audit_columns!(), ") VALUES "));
    for row in 0..n {
        if row > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for col in 0..15 {
            if col > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("${}", row * 15 + col + 1));
        }
        sql.push(')');
    }
    sql
}

/// One change by `me` to an object outside any circle (a social map entry, a
/// practice example), in the audit trail in the change's own transaction.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn record_change(
    tx: &mut Tx,
    me: &crate::access::CurrentUser,
    op: samenspel_core::audit::Operation,
    action: &'static str,
    object_type: &'static str,
    id: &str,
    source: &samenspel_core::audit::Source,
    now: samenspel_core::Timestamp,
) -> Result<()> {
    let what = samenspel_core::audit::What::new(op, action, object_type, Some(id.to_owned()));
    let who = Some((me.id(), me.display_name()));
    let event = AuditEvent::new(who, None, what, samenspel_core::audit::Outcome::Allowed, source, now);
    append(tx, &[event]).await
}

pub(crate) async fn append(tx: &mut Tx, events: &[AuditEvent]) -> Result<()> {
    if events.is_empty() {
        return Ok(());
    }
    let head_sql = match tx.engine() {
        crate::Engine::Sqlite => "SELECT seq, hash FROM audit_head WHERE id = 1",
        crate::Engine::Postgres => "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE",
    };
    let (mut seq, mut prev): (i64, String) = tx.one(head_sql, args![]).await?;
    // Chain first, then insert in multi-row statements: one statement per
    // row would make the group commit's rows cost ten times more.
    let mut rows = Vec::with_capacity(events.len());
    for e in events {
        seq += 1;
        let hash = chain_hash(&prev, seq, e);
        rows.push((seq, e, std::mem::replace(&mut prev, hash.clone()), hash));
    }
    match tx {
        // SQLite: multi-row VALUES, in chunks.
        Tx::Sqlite(_) => {
            for chunk in rows.chunks(ROWS_PER_INSERT) {
                let mut values: Vec<Arg> = Vec::with_capacity(chunk.len() * 15);
                for (seq, e, prev_hash, hash) in chunk {
                    values.extend_from_slice(args![
                        *seq,
                        ms(e.at),
                        e.actor_user_id.as_ref().map(|u| u.as_str()),
                        &e.actor_name,
                        e.circle_id.as_ref().map(|c| c.as_str()),
                        e.operation.as_str(),
                        &e.action,
                        &e.object_type,
                        e.object_id.as_deref(),
                        e.outcome.as_str(),
                        e.source.ip.as_deref(),
                        e.source.user_agent.as_deref().map(|u| crate::sessions::truncate(u, 300)),
                        e.source.request_id.as_deref(),
                        prev_hash,
                        hash,
                    ]);
                }
                tx.exec(&multi_row_insert(chunk.len()), &values).await?;
            }
        }
        // PostgreSQL: one statement with a column array each, whatever the
        // batch size, so it is prepared once. (`Arg` carries no arrays, so
        // these stay bound directly.)
        Tx::Postgres(t) => {
            let col = |f: &dyn Fn(&(i64, &AuditEvent, String, String)) -> Option<String>| {
                rows.iter().map(f).collect::<Vec<_>>()
            };
            sqlx::query(concat!(
                "INSERT INTO audit_log (",
                audit_columns!(),
                ") SELECT * FROM UNNEST($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], \
                 $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])"
            ))
            .bind(rows.iter().map(|r| r.0).collect::<Vec<i64>>())
            .bind(rows.iter().map(|r| ms(r.1.at)).collect::<Vec<i64>>())
            .bind(col(&|r| r.1.actor_user_id.as_ref().map(|u| u.to_string())))
            .bind(col(&|r| Some(r.1.actor_name.clone())))
            .bind(col(&|r| r.1.circle_id.as_ref().map(|c| c.to_string())))
            .bind(col(&|r| Some(r.1.operation.as_str().to_owned())))
            .bind(col(&|r| Some(r.1.action.clone())))
            .bind(col(&|r| Some(r.1.object_type.clone())))
            .bind(col(&|r| r.1.object_id.clone()))
            .bind(col(&|r| Some(r.1.outcome.as_str().to_owned())))
            .bind(col(&|r| r.1.source.ip.clone()))
            .bind(col(&|r| r.1.source.user_agent.as_deref().map(|u| crate::sessions::truncate(u, 300).to_owned())))
            .bind(col(&|r| r.1.source.request_id.clone()))
            .bind(col(&|r| Some(r.2.clone())))
            .bind(col(&|r| Some(r.3.clone())))
            .execute(&mut **t)
            .await
            .map_err(db_err)?;
        }
    }
    tx.exec("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1", args![seq, &prev]).await?;
    Ok(())
}

impl Store {
    /// Appends events in one transaction (the audit writer batches many
    /// requests' events into one commit).
    pub async fn append_audit(&self, events: &[AuditEvent]) -> Result<()> {
        let mut tx = self.begin().await?;
        append(&mut tx, events).await?;
        tx.commit().await
    }

    /// Who did what in this circle, newest first by the time it happened,
    /// `limit` records after the one numbered `before_seq` in that order, of
    /// those `filter` lets through. (A record can be written after a later
    /// one — a read is recorded when its answer goes out — so sequence
    /// numbers alone are not newest first.)
    pub async fn circle_audit(
        &self,
        cap: &Can<act::ViewAuditTrail>,
        filter: &AuditFilter,
        before_seq: Option<i64>,
        limit: i64,
    ) -> Result<Vec<AuditRecord>> {
        // A member's own private data is theirs: see `MEMBERS_OWN_ACTIONS`.
        let own = samenspel_core::audit::MEMBERS_OWN_ACTIONS.iter().map(|a| format!("'{a}'")).collect::<Vec<_>>();
        let after = match before_seq {
            Some(_) => {
                "AND (at < (SELECT at FROM audit_log WHERE seq = $3) \
                 OR (at = (SELECT at FROM audit_log WHERE seq = $3) AND seq < $3))"
            }
            None => "AND $3 IS NULL",
        };
        // Each condition is written so that a missing value lets all through
        // (one statement for every combination, prepared once).
        let sql = format!(
            "SELECT {} FROM audit_log WHERE circle_id = $1 AND action NOT IN ({}) {after} \
             AND ($4 IS NULL OR at >= $4) AND ($5 IS NULL OR at < $5) AND ($6 IS NULL OR actor_user_id = $6) \
             ORDER BY at DESC, seq DESC LIMIT $2",
            audit_columns!(),
            own.join(", ")
        );
        let values = args![
            cap.circle_id().as_str(),
            limit,
            before_seq,
            filter.from.map(ms),
            filter.until.map(ms),
            filter.actor.as_ref().map(UserId::as_str),
        ];
        let rows: Vec<Row> = self.all(&sql, values).await?;
        rows.into_iter().map(record_from_row).collect()
    }

    /// The people who can appear in the circle's trail as members, former
    /// members included, with their role: to choose whom to filter on, and to
    /// say in which role someone acted.
    pub async fn circle_audit_people(&self, cap: &Can<act::ViewAuditTrail>) -> Result<Vec<(UserId, String, Role)>> {
        let rows: Vec<(String, String, String)> = self
            .all(
                "SELECT u.id, u.display_name, m.role FROM memberships m JOIN users u ON u.id = m.user_id \
                 WHERE m.circle_id = $1 ORDER BY u.display_name, u.id, m.joined_at DESC",
                args![cap.circle_id().as_str()],
            )
            .await?;
        let mut out: Vec<(UserId, String, Role)> = Vec::with_capacity(rows.len());
        for (id, name, r) in rows {
            let id = UserId::from_db(id);
            // Someone who left and came back: their latest membership.
            if out.last().is_some_and(|(last, _, _)| *last == id) {
                continue;
            }
            out.push((id, name, role(&r)?));
        }
        Ok(out)
    }

    /// The newest (seq, hash): the value to write down elsewhere to anchor the chain.
    pub async fn audit_head(&self) -> Result<(i64, String)> {
        self.one("SELECT seq, hash FROM audit_head WHERE id = 1", args![]).await
    }
}

impl crate::Internal<'_> {
    /// `limit` records of the chain after `after_seq`, in order (tests read
    /// runs of it; `audit verify` reads [`Internal::audit_snapshot`]).
    pub async fn audit_run(&self, after_seq: i64, limit: i64) -> Result<Vec<AuditRecord>> {
        let rows: Vec<Row> = self
            .all(
                concat!("SELECT ", audit_columns!(), " FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2"),
                args![after_seq, limit],
            )
            .await?;
        rows.into_iter().map(record_from_row).collect()
    }

    /// Walks the whole chain and its head as they were at one moment, for
    /// `audit verify` on a running server: the head first, then the chain in
    /// runs of `batch` records, all in one read transaction (on PostgreSQL
    /// REPEATABLE READ, one snapshot; on SQLite a read transaction in WAL
    /// mode sees one snapshot). Reading them in separate statements let a
    /// record appended in between look like a broken chain. `visit` gets
    /// each run in order and returns `false` to stop. Returns the head.
    pub async fn audit_snapshot(
        &self,
        batch: i64,
        mut visit: impl FnMut(&[AuditRecord]) -> bool,
    ) -> Result<(i64, String)> {
        const HEAD: &str = "SELECT seq, hash FROM audit_head WHERE id = 1";
        const RUN: &str = concat!("SELECT ", audit_columns!(), " FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2");
        let mut tx = match &*self.pools {
            // The first SELECT inside BEGIN fixes the snapshot until COMMIT.
            crate::db::Pools::Sqlite { read, .. } => {
                Tx::Sqlite(crate::db::SqliteTx::Read(read.begin().await.map_err(db_err)?))
            }
            crate::db::Pools::Postgres { pool } => {
                let mut tx = Tx::Postgres(pool.begin().await.map_err(db_err)?);
                tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", args![]).await?;
                tx
            }
        };
        let head: (i64, String) = tx.one(HEAD, args![]).await?;
        let mut after = 0i64;
        loop {
            let rows: Vec<Row> = tx.all(RUN, args![after, batch]).await?;
            let Some(last) = rows.last().map(|r| r.seq) else { break };
            let run = rows.into_iter().map(record_from_row).collect::<Result<Vec<_>>>()?;
            if !visit(&run) {
                break;
            }
            after = last;
        }
        tx.commit().await?;
        Ok(head)
    }
}
