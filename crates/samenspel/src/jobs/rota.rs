//! The background work of the rota, once a minute: the reminder the day
//! before a shift, and asking for cover one member at a time — those who see
//! the shift, are free that day and helped least recently.

use crate::app::AppState;
use crate::i18n::Tr;
use crate::mail::MailKind;
use crate::service::agenda::occurrence_on;
use crate::service::notify;
use samenspel_core::ids::MemberId;
use samenspel_core::{Result, Timestamp};
use samenspel_store::jobs::NewJob;

/// How long an asked member has before the next one is asked: half a day,
/// or less when the shift is close (a third of the time left, at least half an hour).
fn answer_time(now: Timestamp, start: Timestamp) -> jiff::SignedDuration {
    let left = start.duration_since(now);
    let third = left / 3;
    third.clamp(jiff::SignedDuration::from_mins(30), jiff::SignedDuration::from_hours(12))
}

/// Who a rota e-mail goes to.
struct To<'a> {
    member: &'a MemberId,
    email: &'a str,
    name: &'a str,
    locale: samenspel_core::locale::Locale,
    quiet: Option<(i64, i64)>,
}

/// A rota e-mail: its footer and one-click address stop e-mail about shifts
/// (and nothing else), without signing in.
fn reminder_mail(
    state: &AppState,
    to: To<'_>,
    subject: String,
    lead: String,
    text: &str,
    link: &str,
    now: Timestamp,
) -> Option<NewJob> {
    let tr = Tr::new(to.locale);
    let links = notify::mail_links(state, to.member, MailKind::Shifts);
    let button = tr.t("mail-agenda-button");
    let mail = crate::mail::notice_mail(tr, to.email, to.name, subject, &lead, text, &button, link, &links);
    let push = super::push::PushNote::new(state, to.member, link);
    notify::held_until_quiet_hours_end(mail, now, to.quiet).map(|job| push.attach(job))
}

/// The background work of the rota, once a minute: the reminder the day
/// before a shift, and asking for cover one member at a time. Returns how
/// many e-mails were queued.
pub async fn run_due(state: &AppState, now: Timestamp) -> Result<usize> {
    let mut sent = 0;
    let today = crate::i18n::local(&now).date();
    let day_after = today.checked_add(jiff::Span::new().days(2)).unwrap_or(today);
    let horizon = now.checked_add(jiff::SignedDuration::from_hours(24)).unwrap_or(now);
    for r in state.store.internal().shift_reminders_due(today, day_after, 200).await? {
        let Some(o) = occurrence_on(&r.series, r.on) else { continue };
        let start = o.start.timestamp();
        // A day before: from 24 hours ahead until it starts.
        if start > horizon {
            continue;
        }
        // Also marked done when it is too late or the member stopped these e-mails.
        let mail = (start > now && r.wants_mail).then(|| {
            let tr = Tr::new(r.locale);
            let link = state.config.link(&format!("/circles/{}/agenda/{}#on-{}", r.circle_id, r.item_id, r.on));
            let mut text = tr.occurrence(&o);
            if !r.place.is_empty() {
                text.push_str(&format!("\n{}", r.place));
            }
            reminder_mail(
                state,
                To { member: &r.member_id, email: &r.email, name: &r.name, locale: r.locale, quiet: r.quiet },
                tr.t1("mail-shift-reminder-subject", "title", &r.title),
                tr.t2("mail-shift-reminder-lead", "client", &r.client_name, "title", &r.title),
                &text,
                &link,
                now,
            )
        });
        let mail = mail.flatten();
        if state.store.internal().shift_reminded(&r, mail.as_ref(), now).await? && mail.is_some() {
            sent += 1;
        }
    }
    for search in state.store.internal().cover_searches().await? {
        let occurrence = occurrence_on(&search.series, search.on);
        let over = occurrence.as_ref().is_none_or(|o| o.start.timestamp() <= now);
        if over || search.taken >= search.places {
            state.store.internal().cover_done(&search, None, now).await?;
            continue;
        }
        let Some(o) = occurrence else { continue };
        // Still waiting for the member asked last?
        if let Some((_, asked_at, false)) = &search.last_ask
            && now < asked_at.checked_add(answer_time(*asked_at, o.start.timestamp())).unwrap_or(now)
        {
            continue;
        }
        let link =
            state.config.link(&format!("/circles/{}/agenda/{}#on-{}", search.circle_id, search.item_id, search.on));
        // Only those who see the shift are asked; for a shift the whole
        // circle sees, the family carers and volunteers (professionals work
        // to their own schedules), unless it is for professionals.
        let candidate = state.store.internal().cover_candidates(&search, now).await?.into_iter().find(|c| {
            let scope = samenspel_core::audience::AudienceScope::for_role(c.member_id.clone(), c.role, search.consent);
            let sees = scope.can_see_in(
                samenspel_core::consent::Category::Agenda,
                search.audience,
                &search.created_by,
                &search.chosen,
            );
            let fits = match search.audience {
                samenspel_core::audience::Audience::Professionals => c.role.is_professional(),
                samenspel_core::audience::Audience::Chosen => true,
                _ => c.role.is_informal(),
            };
            sees && fits
        });
        match candidate {
            Some(c) => {
                let tr = Tr::new(c.locale);
                let mail = reminder_mail(
                    state,
                    To { member: &c.member_id, email: &c.email, name: &c.name, locale: c.locale, quiet: c.quiet },
                    tr.t1("mail-cover-subject", "title", &search.title),
                    tr.t2("mail-cover-lead", "client", &search.client_name, "when", tr.occurrence(&o)),
                    &tr.t("mail-cover-text"),
                    &link,
                    now,
                );
                if state.store.internal().cover_ask(&search, &c.member_id, mail.as_ref(), now).await? && mail.is_some()
                {
                    sent += 1;
                }
            }
            None => {
                // Nobody left to ask: whoever started the search hears so.
                let starter = state.store.internal().member_contact(&search.started_by).await?;
                let mail = starter.and_then(|s| {
                    let tr = Tr::new(s.locale);
                    reminder_mail(
                        state,
                        To { member: &s.member_id, email: &s.email, name: &s.name, locale: s.locale, quiet: s.quiet },
                        tr.t1("mail-cover-none-subject", "title", &search.title),
                        tr.t1("mail-cover-none-lead", "when", tr.occurrence(&o)),
                        "",
                        &link,
                        now,
                    )
                });
                state.store.internal().cover_done(&search, mail.as_ref(), now).await?;
            }
        }
    }
    if sent > 0 {
        state.jobs_waiting.notify_one();
    }
    Ok(sent)
}
