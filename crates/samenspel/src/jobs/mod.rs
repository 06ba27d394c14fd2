//! The background worker: claims due jobs from the outbox and runs them,
//! with retries and back-off. Runs inside `serve` (and `demo`) by default, or
//! alone as `samenspel worker`.

mod checkin_reminders;
mod digest;
mod monitor;
mod pool;
pub mod push;
mod rota;

pub use checkin_reminders::run_due as send_checkin_reminders;
pub use digest::run_due as send_digests;
pub use monitor::{keep_last_monitor_month, keep_monitor_months, refresh_live_monitors};
pub use pool::warn_lapsing_vogs;
pub use rota::run_due as run_rota;

use crate::app::AppState;
use crate::mail::{JOB_KIND, OutgoingMail};
use samenspel_core::Timestamp;
use samenspel_store::jobs::Job;
use std::time::Duration;
use tokio::sync::watch;

/// How long a claimed job is reserved for this worker. Longer than any single
/// attempt may take (SMTP has a 30-second timeout), so no other worker picks
/// it up while it is being sent: that is what prevents double sends.
const LEASE: jiff::SignedDuration = jiff::SignedDuration::from_mins(5);
const IDLE_POLL: Duration = Duration::from_secs(5);
const DIGEST_CHECK: Duration = Duration::from_secs(60);
/// Archived circles past their organisation's retention period are looked
/// for hourly: the period is counted in days.
const RETENTION_CHECK: Duration = Duration::from_secs(60 * 60);

/// Runs until `shutdown` turns true.
pub async fn run(state: AppState, mut shutdown: watch::Receiver<bool>) {
    let worker = format!("worker-{}", uuid::Uuid::new_v4());
    tracing::info!(%worker, transport = %state.mailer.describe(), "background worker started");
    let mut digests_checked: Option<std::time::Instant> = None;
    let mut retention_checked: Option<std::time::Instant> = None;
    loop {
        if *shutdown.borrow() {
            break;
        }
        // Summaries, check-in and shift reminders and cover requests are due at most once a minute;
        // several workers may check at once safely (each is marked done with
        // its e-mail in one transaction).
        if digests_checked.is_none_or(|t| t.elapsed() >= DIGEST_CHECK) {
            digests_checked = Some(std::time::Instant::now());
            if let Err(e) = send_digests(&state, Timestamp::now()).await {
                tracing::error!(error = %e, "could not make the summaries");
            }
            if let Err(e) = send_checkin_reminders(&state, Timestamp::now()).await {
                tracing::error!(error = %e, "could not send the check-in reminders");
            }
            if let Err(e) = run_rota(&state, Timestamp::now()).await {
                tracing::error!(error = %e, "could not send the shift reminders or ask for cover");
            }
            if let Err(e) = refresh_live_monitors(&state, Timestamp::now()).await {
                tracing::error!(error = %e, "could not count this month for the samenspelmonitor");
            }
        }
        if retention_checked.is_none_or(|t| t.elapsed() >= RETENTION_CHECK) {
            retention_checked = Some(std::time::Instant::now());
            if let Err(e) = purge_expired_circles(&state, Timestamp::now()).await {
                tracing::error!(error = %e, "could not delete the circles past their retention period");
            }
            // Last month's monitor figures, once a month has ended (the
            // first check after it does the work; later ones find it kept).
            match keep_last_monitor_month(&state, Timestamp::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(scopes = n, "kept last month's samenspelmonitor figures"),
                Err(e) => tracing::error!(error = %e, "could not keep last month's samenspelmonitor figures"),
            }
            match warn_lapsing_vogs(&state, Timestamp::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(volunteers = n, "warned volunteers whose VOG lapses soon"),
                Err(e) => tracing::error!(error = %e, "could not warn about lapsing VOGs"),
            }
            match forget_old_unseen(&state, Timestamp::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(rows = n, "forgot \"new for you\" marks older than 90 days"),
                Err(e) => tracing::error!(error = %e, "could not forget old \"new for you\" marks"),
            }
            match state.store.purge_rate_windows(Timestamp::now()).await {
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "could not forget old rate-limit counts"),
            }
            match state.store.internal().forget_failed_payloads(Timestamp::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(jobs = n, "forgot what failed e-mails held, after 30 days"),
                Err(e) => tracing::error!(error = %e, "could not forget what failed e-mails held"),
            }
        }
        let worked = match run_due(&state, &worker).await {
            Ok(n) => n > 0,
            Err(e) => {
                tracing::error!(error = %e, "could not claim jobs");
                false
            }
        };
        if worked {
            continue;
        }
        let wait = match state.store.internal().next_job_due().await {
            Ok(Some(due)) => {
                let ms = due.as_millisecond() - Timestamp::now().as_millisecond();
                Duration::from_millis(ms.clamp(0, IDLE_POLL.as_millis() as i64) as u64)
            }
            _ => IDLE_POLL,
        };
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = state.jobs_waiting.notified() => {}
            _ = shutdown.changed() => {}
        }
    }
    tracing::info!(%worker, "background worker stopped");
}

/// Deletes the archived circles whose organisation's retention period has
/// passed (each in one transaction with its audit record); returns how many.
/// Several workers may run this at once: a circle already gone is not found.
pub async fn purge_expired_circles(state: &AppState, now: Timestamp) -> anyhow::Result<usize> {
    let purged = state.store.purge_expired_circles(now).await?;
    for c in &purged {
        tracing::info!(circle = %c.id, organisation = %c.organisation_id, "deleted an archived circle after its retention period");
    }
    Ok(purged.len())
}

/// Deletes the "unseen" rows that can no longer be new, in batches so the
/// writer is never held for long; returns how many.
pub async fn forget_old_unseen(state: &AppState, now: Timestamp) -> anyhow::Result<u64> {
    const BATCH: i64 = 5_000;
    let mut total = 0;
    loop {
        let gone = state.store.internal().purge_old_unseen(now, BATCH).await?;
        total += gone;
        if gone < BATCH as u64 {
            return Ok(total);
        }
    }
}

/// Claims and runs one batch of due jobs; returns how many ran.
pub async fn run_due(state: &AppState, worker: &str) -> anyhow::Result<usize> {
    run_due_at(state, worker, Timestamp::now()).await
}

/// Like [`run_due`], with the clock given: jobs due at `at` run, and
/// retries are scheduled from `at`.
pub async fn run_due_at(state: &AppState, worker: &str, at: Timestamp) -> anyhow::Result<usize> {
    let jobs = state.store.internal().claim_jobs(worker, at, LEASE, 16).await?;
    let n = jobs.len();
    for job in jobs {
        let result = perform(state, &job, at).await;
        let now = at.max(Timestamp::now());
        match result {
            Ok(()) => {
                if !state.store.internal().finish_job(&job.id, worker, now).await? {
                    tracing::warn!(job = %job.id, "job finished after its lease ran out");
                }
            }
            Err(e) => {
                let retry =
                    (job.attempts < job.max_attempts).then(|| now.saturating_add(backoff(job.attempts)).unwrap_or(now));
                if retry.is_some() {
                    tracing::warn!(job = %job.id, kind = %job.kind, attempt = job.attempts, error = %format!("{e:#}"), "job failed; will retry");
                } else {
                    tracing::error!(job = %job.id, kind = %job.kind, attempt = job.attempts, error = %format!("{e:#}"), "job failed for the last time");
                }
                state.store.internal().fail_job(&job.id, worker, &format!("{e:#}"), retry, now).await?;
            }
        }
    }
    refresh_gauges(state).await;
    Ok(n)
}

/// 30 s, 1 min, 2 min, … capped at 2 hours.
fn backoff(attempt: i64) -> jiff::SignedDuration {
    let secs = 30i64.saturating_mul(1 << attempt.clamp(1, 12).saturating_sub(1));
    jiff::SignedDuration::from_secs(secs.min(2 * 3600))
}

async fn perform(state: &AppState, job: &Job, at: Timestamp) -> anyhow::Result<()> {
    match job.kind.as_str() {
        JOB_KIND => {
            let mail: OutgoingMail = serde_json::from_str(&job.payload)?;
            // A notification e-mail's first attempt also queues its push
            // (see `push`): after quiet hours, once, with its own retries.
            if job.attempts == 1
                && let Some(note) = push::PushNote::in_mail(&job.payload)
                && let Err(e) = push::queue_for_mail(state, note, at).await
            {
                tracing::error!(job = %job.id, error = %format!("{e:#}"), "could not queue the push for a notification");
            }
            let sent = state.mailer.send(&job.id, &mail).await;
            match &sent {
                Ok(()) => state.metrics.mails_sent.inc(),
                Err(_) => state.metrics.mail_failures.inc(),
            };
            sent
        }
        push::JOB_KIND => push::deliver(state, job).await,
        other => anyhow::bail!("unknown job kind {other:?}"),
    }
}

pub async fn refresh_gauges(state: &AppState) {
    if let Ok((waiting, failed)) = state.store.internal().job_counts().await {
        state.metrics.jobs_waiting.set(waiting);
        state.metrics.jobs_failed.set(failed);
    }
    if let Some((kept, commits)) = state.store.group_commits() {
        state.metrics.sqlite_transactions.set(i64::try_from(kept).unwrap_or(i64::MAX));
        state.metrics.sqlite_commits.set(i64::try_from(commits).unwrap_or(i64::MAX));
    }
}

#[cfg(test)]
mod tests {
    use super::backoff;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff(1).as_secs(), 30);
        assert_eq!(backoff(2).as_secs(), 60);
        assert_eq!(backoff(5).as_secs(), 480);
        assert_eq!(backoff(30).as_secs(), 7200);
    }
}
