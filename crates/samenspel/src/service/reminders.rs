//! Check-in reminders on the rhythm a family carer chooses: an e-mail
//! through the outbox ("tijd voor je mantelzorgcheck") with a link, never a
//! score. A check-in filled in moves the next reminder a whole rhythm on.

use super::{Ctx, notify, what};
use crate::app::AppState;
use crate::i18n::Tr;
use samenspel_core::access::act;
use samenspel_core::audit::Operation;
use samenspel_core::ids::CircleId;
use samenspel_core::{Error, Result, Timestamp};
use samenspel_store::checkins::{REMINDER_WEEKS, ReminderDue};

/// Sets the rhythm: a number of weeks from [`REMINDER_WEEKS`], or none.
pub async fn set(ctx: &Ctx<'_>, circle: &CircleId, every_weeks: Option<i64>) -> Result<()> {
    if every_weeks.is_some_and(|n| !REMINDER_WEEKS.contains(&n)) {
        return Err(Error::field("every_weeks", "reminder-weeks-invalid"));
    }
    let cap = ctx.can::<act::CarerCheckIn>(circle, what(Operation::Update, "reminders.set", "circle", circle)).await?;
    ctx.state.store.set_reminder(&cap, super::checkins::INSTRUMENT, every_weeks, ctx.now).await
}

/// Sends the reminders that are due; returns how many were sent.
pub async fn run_due(state: &AppState, now: Timestamp) -> Result<usize> {
    let mut sent = 0;
    for due in state.store.internal_reminders_due(now, 50).await? {
        let mail = mail(state, &due, now);
        if state.store.internal_reminder_done(&due, mail.as_ref(), now).await? && mail.is_some() {
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
    let settings = state.config.link(&format!("/circles/{}/check-in#reminder", due.circle_id));
    let rendered = crate::mail::notice_mail(
        tr,
        &due.email,
        &due.name,
        tr.t("mail-reminder-subject"),
        &tr.t1("mail-reminder-lead", "client", &due.client_name),
        &tr.count("mail-reminder-text", due.every_weeks),
        &tr.t("mail-reminder-button"),
        &link,
        &settings,
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
