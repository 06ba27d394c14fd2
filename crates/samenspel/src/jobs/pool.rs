//! Warnings before a volunteer's VOG lapses: an e-mail to the volunteer
//! (once per certificate) with the day it lapses, so they can ask for a new
//! one in time; the pool's keepers see the same on the pool page.

use crate::app::AppState;
use crate::i18n::Tr;
use samenspel_core::{Result, Timestamp};

/// Sends the warnings that are due; returns how many were sent.
pub async fn warn_lapsing_vogs(state: &AppState, now: Timestamp) -> Result<usize> {
    let mut sent = 0;
    let link = state.config.link("/pool");
    for due in state.store.internal().vog_warnings_due(now, 200).await? {
        let tr = Tr::new(due.locale);
        let day = tr.day(&due.until);
        let lead = if due.lapsed {
            tr.t1("pool-mail-vog-lapsed-lead", "day", &day)
        } else {
            tr.t1("pool-mail-vog-lead", "day", &day)
        };
        let mail = crate::mail::pool_mail(
            tr,
            &due.email,
            &due.name,
            tr.t("pool-mail-vog-subject"),
            &lead,
            &tr.t("pool-mail-vog-text"),
            &link,
            &due.organisation,
        );
        let job = match mail {
            Ok(m) => Some(m.into_job(now)),
            Err(e) => {
                tracing::error!(error = %e, "could not render a VOG warning");
                None
            }
        };
        if state.store.internal().vog_warned(&due, job.as_ref(), now).await? && job.is_some() {
            sent += 1;
        }
    }
    if sent > 0 {
        state.jobs_waiting.notify_one();
    }
    Ok(sent)
}
