//! The daily or weekly summary ("wat er gebeurde in de kring van …"). The
//! worker asks for due summaries; each is read through the access layer as
//! the recipient, so it holds exactly what they may see, and is recorded in
//! the audit trail like any other read.

use super::notify;
use crate::app::AppState;
use samenspel_core::access::{Credential, CredentialRecord, act, authenticate, authorize};
use samenspel_core::audit::{Operation, Source, What};
use samenspel_core::{Error, Result, Timestamp};
use samenspel_store::logbook::{DigestDue, EntryFilter};

/// Makes the summaries that are due; returns how many were looked at.
pub async fn run_due(state: &AppState, now: Timestamp) -> Result<usize> {
    let first = notify::next_digest(now, samenspel_store::logbook::Digest::Weekly).unwrap_or(now);
    let due = state.store.internal_digests_due(now, first, 50).await?;
    let n = due.len();
    for d in due {
        let next = notify::next_digest(now, d.digest).unwrap_or(now);
        let mail = match summary(state, &d, now).await {
            Ok(mail) => mail,
            // No longer allowed to read (removed, archived): no summary.
            Err(Error::NotFound | Error::Forbidden) => None,
            Err(e) => return Err(e),
        };
        let job = mail.map(|m| m.into_job(now));
        state.store.internal_digest_done(&d.member_id, job.as_ref(), next, now).await?;
        if job.is_some() {
            state.jobs_waiting.notify_one();
        }
    }
    Ok(n)
}

async fn summary(state: &AppState, d: &DigestDue, now: Timestamp) -> Result<Option<crate::mail::OutgoingMail>> {
    let user = authenticate(
        Some(CredentialRecord {
            user_id: d.user_id.clone(),
            display_name: d.name.clone(),
            email: d.email.clone(),
            locale: d.locale,
            user_disabled: false,
            credential: Credential::Job("digest"),
            expires_at: None,
            revoked: false,
        }),
        now,
    )?;
    let membership = state.store.my_membership(&d.user_id, &d.circle_id, now).await?;
    let cap = authorize::<act::ReadLogbook>(
        &user,
        &d.circle_id,
        membership,
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
