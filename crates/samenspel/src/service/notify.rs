//! Who hears about what, and when: immediate e-mails about concerns,
//! questions, thanks and answers; quiet hours; the schedule of the daily or
//! weekly summary. Every notification e-mail carries a link to change the
//! settings without signing in, and a note that makes its push (see
//! `crate::jobs::push`).

use crate::app::AppState;
use crate::i18n::{TIME_ZONE, Tr};
use crate::jobs::push::PushNote;
use crate::mail::{MailKind, MailLinks, OutgoingMail, notice_mail};
use samenspel_core::Timestamp;
use samenspel_core::consent::Category;
use samenspel_core::ids::MemberId;
use samenspel_core::logbook::{Entry, EntryKind};
use samenspel_store::jobs::NewJob;
use samenspel_store::logbook::{Digest, Recipient};

fn tz() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::get(TIME_ZONE).unwrap_or(jiff::tz::TimeZone::UTC)
}

/// The moment `minutes` after local midnight, on or after `after`.
fn next_local(after: Timestamp, minutes: i64) -> Timestamp {
    let tz = tz();
    let local = after.to_zoned(tz.clone());
    let (h, m) = ((minutes / 60).clamp(0, 23) as i8, (minutes % 60).clamp(0, 59) as i8);
    for day in 0..3 {
        let date = local.date().checked_add(jiff::Span::new().days(day)).unwrap_or(local.date());
        if let Ok(t) = date.at(h, m, 0, 0).to_zoned(tz.clone()).map(|z| z.timestamp())
            && t >= after
        {
            return t;
        }
    }
    after
}

/// When an immediate e-mail may go out: now, or at the end of the
/// recipient's quiet hours (local time, e.g. 22:00–07:00).
pub fn after_quiet_hours(now: Timestamp, quiet: Option<(i64, i64)>) -> Timestamp {
    let Some((from, until)) = quiet else { return now };
    if from == until {
        return now;
    }
    let local = now.to_zoned(tz());
    let minute = i64::from(local.hour()) * 60 + i64::from(local.minute());
    let quiet_now = if from < until { minute >= from && minute < until } else { minute >= from || minute < until };
    if quiet_now { next_local(now, until) } else { now }
}

/// The next summary: daily at 18:00, weekly on Sunday at 18:00 (local time).
pub fn next_digest(now: Timestamp, digest: Digest) -> Option<Timestamp> {
    const SIX_PM: i64 = 18 * 60;
    match digest {
        Digest::Off => None,
        Digest::Daily => Some(next_local(now.checked_add(jiff::SignedDuration::from_secs(60)).unwrap_or(now), SIX_PM)),
        Digest::Weekly => {
            let mut t = next_local(now.checked_add(jiff::SignedDuration::from_secs(60)).unwrap_or(now), SIX_PM);
            for _ in 0..7 {
                if t.to_zoned(tz()).weekday() == jiff::civil::Weekday::Sunday {
                    return Some(t);
                }
                t = next_local(t.checked_add(jiff::SignedDuration::from_hours(1)).unwrap_or(t), SIX_PM);
            }
            Some(t)
        }
    }
}

/// The links in a notification e-mail to this membership's settings:
/// signed, so they work without signing in, and only for this membership.
/// The footer of a news mail opens the settings; that of a reminder opens
/// the page that stops that kind of reminder (with the settings below).
pub fn mail_links(state: &AppState, member: &MemberId, kind: MailKind) -> MailLinks {
    let token = samenspel_store::access::MemberLink::token(state.config.secret_key.expose(), member);
    let settings = state.config.link(&format!("/notifications/{member}/{token}"));
    let stop = format!("{settings}/off{}", kind.path());
    let footer = if kind == MailKind::News { settings } else { stop.clone() };
    MailLinks { kind, footer, stop }
}

/// The e-mails to send at once about a new entry: concerns and questions go
/// to everyone in their audience, thanks to whom they thank — each only to
/// members who want immediate e-mail, in their language, after their quiet
/// hours. The writer gets nothing.
pub fn about_entry(
    state: &AppState,
    client_name: &str,
    entry: &Entry,
    link: &str,
    people: &[Recipient],
    now: Timestamp,
) -> Vec<NewJob> {
    if !entry.kind.notifies_immediately() {
        return Vec::new();
    }
    let chosen: Vec<MemberId> = entry.chosen.iter().map(|p| p.member_id.clone()).collect();
    let thanked: Vec<&MemberId> = entry.recipients.iter().map(|p| &p.member_id).collect();
    people
        .iter()
        .filter(|r| r.member_id != entry.author.member_id && r.settings.immediate)
        .filter(|r| {
            r.scope().addressed_in(Category::of_kind(entry.kind), entry.audience, &entry.author.member_id, &chosen)
        })
        .filter(|r| entry.kind != EntryKind::Thanks || thanked.contains(&&r.member_id))
        .filter_map(|r| {
            let tr = Tr::new(r.locale);
            let own = Tr::own(r.role == samenspel_core::role::Role::Client);
            let (subject, lead) = match entry.kind {
                EntryKind::Concern => (
                    tr.t("mail-entry-concern-subject"),
                    tr.t3("mail-entry-concern-lead", "author", &entry.author.name, "client", client_name, "own", own),
                ),
                EntryKind::Question => (
                    tr.t("mail-entry-question-subject"),
                    tr.t3("mail-entry-question-lead", "author", &entry.author.name, "client", client_name, "own", own),
                ),
                _ => (
                    tr.t("mail-entry-thanks-subject"),
                    tr.t3("mail-entry-thanks-lead", "author", &entry.author.name, "client", client_name, "own", own),
                ),
            };
            mail_job(state, r, tr, subject, lead, &entry.body, tr.t("mail-entry-button"), link, now)
        })
        .collect()
}

/// The e-mails about a change in the situation to the members involved in
/// the agreements it touched.
#[allow(clippy::too_many_arguments)]
pub fn about_change(
    state: &AppState,
    client_name: &str,
    recorder: &str,
    change: &samenspel_core::change::NewChange,
    agreements: &[&str],
    link: &str,
    people: &[Recipient],
    now: Timestamp,
) -> Vec<NewJob> {
    people
        .iter()
        .filter_map(|r| {
            let tr = Tr::new(r.locale);
            let subject = tr.t1("mail-change-subject", "client", client_name);
            let lead = tr.t2("mail-change-lead", "author", recorder, "change", tr.change_kind(&change.kind));
            let mut text = change.description.clone();
            if !agreements.is_empty() {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                text.push_str(&tr.t("mail-change-agreements"));
                for a in agreements {
                    text.push_str("\n- ");
                    text.push_str(a);
                }
            }
            mail_job(state, r, tr, subject, lead, &text, tr.t("mail-change-button"), link, now)
        })
        .collect()
}

/// The e-mail to a concern's or question's writer when someone answers it.
pub fn about_reply(
    state: &AppState,
    client_name: &str,
    entry: &Entry,
    replier: &str,
    reply: &str,
    link: &str,
    people: &[Recipient],
    now: Timestamp,
) -> Vec<NewJob> {
    if !entry.kind.stays_open() {
        return Vec::new();
    }
    people
        .iter()
        .filter(|r| r.member_id == entry.author.member_id && r.settings.immediate)
        .filter_map(|r| {
            let tr = Tr::new(r.locale);
            let own = Tr::own(r.role == samenspel_core::role::Role::Client);
            let lead = tr.t3("mail-reply-lead", "author", replier, "client", client_name, "own", own);
            mail_job(state, r, tr, tr.t("mail-reply-subject"), lead, reply, tr.t("mail-entry-button"), link, now)
        })
        .collect()
}

/// An e-mail about an agenda item or shift the recipient is in: sent at once
/// (after their quiet hours), since a shift does not wait for the summary.
#[allow(clippy::too_many_arguments)]
pub fn agenda_mail(
    state: &AppState,
    r: &Recipient,
    tr: Tr,
    subject: String,
    lead: String,
    text: &str,
    link: &str,
    now: Timestamp,
) -> Option<NewJob> {
    let button = tr.t("mail-agenda-button");
    mail_job(state, r, tr, subject, lead, text, button, link, now)
}

fn mail_job(
    state: &AppState,
    r: &Recipient,
    tr: Tr,
    subject: String,
    lead: String,
    text: &str,
    button: String,
    link: &str,
    now: Timestamp,
) -> Option<NewJob> {
    let links = mail_links(state, &r.member_id, MailKind::News);
    let excerpt = crate::text::excerpt(text, 600);
    let mail = notice_mail(tr, &r.email, &r.name, subject, &lead, &excerpt, &button, link, &links);
    let push = PushNote::new(state, &r.member_id, link);
    held_until_quiet_hours_end(mail, now, r.settings.quiet).map(|job| push.attach(job))
}

/// The members of the capability's circle whom news by e-mail may reach
/// (not those who turned every e-mail about the circle off), among those
/// `keep` picks.
pub async fn mail_recipients<A>(
    ctx: &super::Ctx<'_>,
    cap: &samenspel_store::access::Can<A>,
    keep: impl Fn(&Recipient) -> bool,
) -> samenspel_core::Result<Vec<Recipient>> {
    let all = ctx.state.store.notification_recipients(cap, ctx.now).await?;
    Ok(all.into_iter().filter(|r| r.settings.wants_mail() && keep(r)).collect())
}

/// A rendered notification as a job that waits for the end of the
/// recipient's quiet hours. A mail that cannot be rendered is logged and
/// left out, so one bad template does not stop the others.
pub(crate) fn held_until_quiet_hours_end(
    mail: askama::Result<crate::mail::OutgoingMail>,
    now: Timestamp,
    quiet: Option<(i64, i64)>,
) -> Option<NewJob> {
    match mail {
        Ok(mail) => {
            let mut job = mail.into_job(now);
            job.run_at = after_quiet_hours(now, quiet);
            Some(job)
        }
        Err(e) => {
            tracing::error!(error = %e, "could not render a notification e-mail");
            None
        }
    }
}

/// A summary e-mail, or `None` when nothing new happened.
pub fn digest_mail(
    state: &AppState,
    to: &samenspel_store::logbook::DigestDue,
    entries: &[Entry],
    now: Timestamp,
) -> Option<OutgoingMail> {
    let news: Vec<&Entry> = entries.iter().filter(|e| e.deleted.is_none()).collect();
    if news.is_empty() {
        return None;
    }
    let tr = Tr::new(to.locale);
    let links = mail_links(state, &to.member_id, MailKind::News);
    let link = state.config.link(&format!("/circles/{}", to.circle_id));
    let items: Vec<crate::mail::DigestItem> = news
        .iter()
        .map(|e| crate::mail::DigestItem {
            when: tr.datetime(&e.created_at),
            who: e.author.name.clone(),
            kind: tr.t(&format!("kind-{}", e.kind.as_str())),
            text: crate::text::excerpt(&e.body, 280),
            link: state.config.link(&format!("/circles/{}/logbook/{}", to.circle_id, e.id)),
        })
        .collect();
    let _ = now;
    crate::mail::digest_mail(
        tr,
        &to.email,
        &to.name,
        (&to.client_name, to.for_client),
        to.digest,
        &items,
        &link,
        &links,
    )
    .map_err(|e| tracing::error!(error = %e, "could not render a summary e-mail"))
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse::<jiff::Zoned>().expect("zoned").timestamp()
    }

    fn local(t: Timestamp) -> String {
        t.to_zoned(tz()).strftime("%Y-%m-%d %H:%M").to_string()
    }

    #[test]
    fn quiet_hours_overnight() {
        let q = Some((22 * 60, 7 * 60));
        assert_eq!(local(after_quiet_hours(at("2026-11-20T21:59[Europe/Amsterdam]"), q)), "2026-11-20 21:59");
        assert_eq!(local(after_quiet_hours(at("2026-11-20T23:30[Europe/Amsterdam]"), q)), "2026-11-21 07:00");
        assert_eq!(local(after_quiet_hours(at("2026-11-21T03:00[Europe/Amsterdam]"), q)), "2026-11-21 07:00");
        assert_eq!(local(after_quiet_hours(at("2026-11-21T07:00[Europe/Amsterdam]"), q)), "2026-11-21 07:00");
        assert_eq!(local(after_quiet_hours(at("2026-11-21T03:00[Europe/Amsterdam]"), None)), "2026-11-21 03:00");
    }

    #[test]
    fn quiet_hours_across_the_change_to_summer_time() {
        // The night of 28 to 29 March 2026 has no 02:00-03:00: 07:00 is still 07:00.
        let q = Some((22 * 60, 7 * 60));
        assert_eq!(local(after_quiet_hours(at("2026-03-28T23:00[Europe/Amsterdam]"), q)), "2026-03-29 07:00");
    }

    #[test]
    fn quiet_hours_within_a_day() {
        let q = Some((13 * 60, 15 * 60));
        assert_eq!(local(after_quiet_hours(at("2026-11-20T14:00[Europe/Amsterdam]"), q)), "2026-11-20 15:00");
        assert_eq!(local(after_quiet_hours(at("2026-11-20T16:00[Europe/Amsterdam]"), q)), "2026-11-20 16:00");
    }

    #[test]
    fn summaries_are_scheduled_at_six() {
        // Friday 20 November 2026.
        assert_eq!(
            local(next_digest(at("2026-11-20T10:00[Europe/Amsterdam]"), Digest::Daily).expect("daily")),
            "2026-11-20 18:00"
        );
        assert_eq!(
            local(next_digest(at("2026-11-20T18:00[Europe/Amsterdam]"), Digest::Daily).expect("daily")),
            "2026-11-21 18:00"
        );
        assert_eq!(
            local(next_digest(at("2026-11-20T10:00[Europe/Amsterdam]"), Digest::Weekly).expect("weekly")),
            "2026-11-22 18:00"
        );
        assert_eq!(
            local(next_digest(at("2026-11-22T18:00[Europe/Amsterdam]"), Digest::Weekly).expect("weekly")),
            "2026-11-29 18:00"
        );
        assert_eq!(next_digest(at("2026-11-20T10:00[Europe/Amsterdam]"), Digest::Off), None);
        // Across the change to winter time (25 October 2026) it stays at 18:00 local.
        assert_eq!(
            local(next_digest(at("2026-10-24T19:00[Europe/Amsterdam]"), Digest::Daily).expect("daily")),
            "2026-10-25 18:00"
        );
    }
}
