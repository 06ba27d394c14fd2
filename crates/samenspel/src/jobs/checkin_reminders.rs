//! Check-in reminders on the rhythm a family carer chooses: an e-mail
//! through the outbox ("tijd voor je mantelzorgcheck") with a link, never a
//! score. A check-in filled in moves the next reminder a whole rhythm on.

use crate::app::AppState;
use crate::i18n::Tr;
use crate::service::notify;
use samenspel_core::{Result, Timestamp};
use samenspel_store::checkins::ReminderDue;

/// Sends the reminders that are due; returns how many were sent.
pub async fn run_due(state: &AppState, now: Timestamp) -> Result<usize> {
    let mut sent = 0;
    for due in state.store.internal().reminders_due(now, 50).await? {
        let mail = mail(state, &due, now);
        if state.store.internal().reminder_done(&due, mail.as_ref(), now).await? && mail.is_some() {
            sent += 1;
        }
    }
    if sent > 0 {
        state.jobs_waiting.notify_one();
    }
    Ok(sent)
}

fn mail(state: &AppState, due: &ReminderDue, now: Timestamp) -> Option<samenspel_store::jobs::NewJob> {
    let tr = Tr::new(due.locale);
    let link = state.config.link(&format!("/circles/{}/check-in", due.circle_id));
    let links = notify::mail_links(state, &due.member_id, crate::mail::MailKind::CheckIn);
    let rendered = crate::mail::notice_mail(
        tr,
        &due.email,
        &due.name,
        tr.t("mail-reminder-subject"),
        &tr.t1("mail-reminder-lead", "client", &due.client_name),
        &tr.count("mail-reminder-text", due.every_weeks),
        &tr.t("mail-reminder-button"),
        &link,
        &links,
    );
    match rendered {
        Ok(m) => {
            let mut job = m.into_job(now);
            job.run_at = notify::after_quiet_hours(now, due.quiet);
            Some(job)
        }
        Err(e) => {
            tracing::error!(error = %e, "could not render a reminder e-mail");
            None
        }
    }
}
