//! The daily or weekly summary ("wat er gebeurde in de kring van …"). The
//! worker asks for due summaries; each is read through the access layer as
//! the recipient, so it holds exactly what they may see, and is recorded in
//! the audit trail like any other read.

use crate::app::AppState;
use crate::service::notify;
use samenspel_core::access::act;
use samenspel_core::audit::{Operation, Source, What};
use samenspel_core::{Error, Result, Timestamp};
use samenspel_store::logbook::{DigestDue, EntryFilter};

/// Makes the summaries that are due; returns how many were looked at.
pub async fn run_due(state: &AppState, now: Timestamp) -> Result<usize> {
    let first = notify::next_digest(now, samenspel_store::logbook::Digest::Weekly).unwrap_or(now);
    let due = state.store.internal().digests_due(now, first, 50).await?;
    let n = due.len();
    for d in due {
        let next = notify::next_digest(now, d.digest).unwrap_or(now);
        let mail = match summary(state, &d, now).await {
            Ok(mail) => mail,
            // No longer allowed to read (removed, archived): no summary.
            Err(Error::NotFound | Error::Forbidden | Error::Unauthenticated) => None,
            Err(e) => return Err(e),
        };
        let job = mail.map(|m| m.into_job(now));
        state.store.internal().digest_done(&d.member_id, job.as_ref(), next, now).await?;
        if job.is_some() {
            state.jobs_waiting.notify_one();
        }
    }
    Ok(n)
}

async fn summary(state: &AppState, d: &DigestDue, now: Timestamp) -> Result<Option<crate::mail::OutgoingMail>> {
    // The summary is read as its recipient: exactly what they may see.
    let user = state.store.internal().act_as(&d.user_id, "digest").await?;
    let cap = state
        .store
        .authorize::<act::ReadLogbook>(
            &user,
            &d.circle_id,
            What::new(Operation::Read, "logbook.digest", "circle", Some(d.circle_id.to_string())),
            &Source::system("samenspel digest"),
            &state.audit,
            now,
        )
        .await?;
    let filter = EntryFilter { since: Some(d.since), exclude_mine: true, ..Default::default() };
    let entries = state.store.entries(&cap, &filter, 30).await?;
    Ok(notify::digest_mail(state, d, &entries, now))
}
