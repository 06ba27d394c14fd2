//! The job queue and e-mail outbox. Jobs are written in the same transaction
//! as the change that causes them, so a crash between the two loses nothing.
//! Workers claim jobs with a lease: on PostgreSQL with `FOR UPDATE SKIP
//! LOCKED` so several instances share the queue; on SQLite the single writer
//! makes the claim atomic.

use crate::db::{Store, Tx, ms};
use crate::sql::args;
use samenspel_core::{Result, Timestamp};

/// How long a job that gave up keeps its payload.
pub const FAILED_KEPT_DAYS: i64 = 30;

#[derive(Clone, Debug)]
pub struct NewJob {
    pub kind: &'static str,
    pub payload: String,
    pub run_at: Timestamp,
    pub max_attempts: i64,
}

impl crate::sql::FromDb for Job {
    const WIDTH: usize = 5;
    fn decode(c: &mut crate::sql::Cols<'_>) -> std::result::Result<Self, sqlx::Error> {
        Ok(Job { id: c.get()?, kind: c.get()?, payload: c.get()?, attempts: c.get()?, max_attempts: c.get()? })
    }
}

#[derive(Clone, Debug)]
pub struct Job {
    pub id: String,
    pub kind: String,
    pub payload: String,
    /// Including the current attempt.
    pub attempts: i64,
    pub max_attempts: i64,
}

pub(crate) async fn enqueue(tx: &mut Tx, job: &NewJob, now: Timestamp) -> Result<()> {
    tx.exec(
        "INSERT INTO jobs (id, kind, payload, run_at, max_attempts, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        args![uuid::Uuid::now_v7().to_string(), job.kind, &job.payload, ms(job.run_at), job.max_attempts, ms(now)],
    )
    .await?;
    Ok(())
}

impl Store {
    /// Queues a job on its own (when there is no other change to go with it).
    pub async fn enqueue_job(&self, job: &NewJob, now: Timestamp) -> Result<()> {
        let mut tx = self.begin().await?;
        enqueue(&mut tx, job, now).await?;
        tx.commit().await
    }

    /// Claims up to `limit` due jobs for `worker` until `now + lease`.
    pub async fn claim_jobs(
        &self,
        worker: &str,
        now: Timestamp,
        lease: jiff::SignedDuration,
        limit: i64,
    ) -> Result<Vec<Job>> {
        let until = now.saturating_add(lease).map_err(samenspel_core::Error::internal)?;
        let mut tx = self.begin().await?;
        let sql = match tx.engine() {
            crate::Engine::Sqlite => {
                "UPDATE jobs SET locked_until = $1, locked_by = $2, attempts = attempts + 1 WHERE id IN ( \
                   SELECT id FROM jobs WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $3 \
                   AND (locked_until IS NULL OR locked_until < $3) ORDER BY run_at LIMIT $4) \
                 RETURNING id, kind, payload, attempts, max_attempts"
            }
            crate::Engine::Postgres => {
                "UPDATE jobs SET locked_until = $1, locked_by = $2, attempts = attempts + 1 WHERE id IN ( \
                   SELECT id FROM jobs WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $3 \
                   AND (locked_until IS NULL OR locked_until < $3) ORDER BY run_at LIMIT $4 FOR UPDATE SKIP LOCKED) \
                 RETURNING id, kind, payload, attempts, max_attempts"
            }
        };
        let jobs: Vec<Job> = tx.all(sql, args![ms(until), worker, ms(now), limit]).await?;
        tx.commit().await?;
        Ok(jobs)
    }

    /// Marks a job done and forgets its payload (a sent e-mail's address and
    /// text are not kept). Returns false when the lease was lost meanwhile.
    pub async fn finish_job(&self, id: &str, worker: &str, now: Timestamp) -> Result<bool> {
        let mut tx = self.begin().await?;
        let done = tx
            .exec(
                "UPDATE jobs SET done_at = $3, locked_until = NULL, payload = '' \
             WHERE id = $1 AND locked_by = $2 AND done_at IS NULL",
                args![id, worker, ms(now)],
            )
            .await?;
        tx.commit().await?;
        Ok(done == 1)
    }

    /// Records a failed attempt: retried at `retry_at`, or given up when `None`.
    pub async fn fail_job(
        &self,
        id: &str,
        worker: &str,
        error: &str,
        retry_at: Option<Timestamp>,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let error = crate::sessions::truncate(error, 2000);
        match retry_at {
            Some(at) => tx.exec(
                "UPDATE jobs SET run_at = $3, locked_until = NULL, locked_by = NULL, last_error = $4 WHERE id = $1 AND locked_by = $2",
                args![id, worker, ms(at), error],
            )
            .await?,
            None => tx.exec(
                "UPDATE jobs SET failed_at = $3, locked_until = NULL, last_error = $4 WHERE id = $1 AND locked_by = $2",
                args![id, worker, ms(now), error],
            )
            .await?,
        };
        tx.commit().await
    }

    /// Forgets the payload (an e-mail's address and text) of jobs that gave
    /// up more than [`FAILED_KEPT_DAYS`] ago: long enough for an operator to
    /// see what failed, not kept for ever. Returns how many were emptied.
    pub async fn forget_failed_payloads(&self, now: Timestamp) -> Result<u64> {
        let before = ms(now) - FAILED_KEPT_DAYS * 86_400_000;
        self.exec("UPDATE jobs SET payload = '' WHERE failed_at < $1 AND payload <> ''", args![before]).await
    }

    /// (waiting, failed) jobs, for metrics and operators.
    pub async fn job_counts(&self) -> Result<(i64, i64)> {
        self.one(
            "SELECT COALESCE(SUM(CASE WHEN done_at IS NULL AND failed_at IS NULL THEN 1 ELSE 0 END), 0), \
                    COALESCE(SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END), 0) FROM jobs",
            args![],
        )
        .await
    }

    /// The earliest time a waiting job becomes due, so the worker can sleep until then.
    pub async fn next_job_due(&self) -> Result<Option<Timestamp>> {
        let row: (Option<i64>,) = self.one(
            "SELECT MIN(CASE WHEN locked_until IS NOT NULL AND locked_until > run_at THEN locked_until ELSE run_at END) \
             FROM jobs WHERE done_at IS NULL AND failed_at IS NULL",
            args![],
        )
        .await?;
        Ok(row.0.map(crate::db::ts))
    }
}
