//! Telling the people involved in an item what changed: the planner, who
//! goes along and who signed up, each within their notification settings.

use super::*;
use crate::i18n::Tr;
use crate::service::Ctx;
use jiff::civil::Date;
use samenspel_core::access::act;
use samenspel_core::agenda::Item;
use samenspel_core::ids::MemberId;
use samenspel_core::{Error, Result};
use samenspel_store::access::Can;
use samenspel_store::jobs::NewJob;
use samenspel_store::logbook::{Digest, Recipient};

pub(super) enum News {
    SignedUp(String),
    GivenBack(String),
    Changed,
    Cancelled,
    Removed,
}

/// What happened to a swap, and who did it.
pub(super) enum SwapNews {
    Proposed(String),
    Accepted(String),
    Declined(String),
}

/// The members involved in an item (or one occurrence): who planned it, who
/// goes along, who signed up; with their e-mail settings. Only members who
/// see the item, so a professionals-only appointment mails nobody else.
pub(super) async fn involved<A>(ctx: &Ctx<'_>, cap: &Can<A>, item: &Item, on: Option<Date>) -> Result<Vec<Recipient>> {
    let view = cap.also::<act::ViewAgenda>().ok_or(Error::Forbidden)?;
    let (from, to) = match on {
        Some(d) => (d, d),
        None => {
            let today = crate::i18n::local(&ctx.now).date();
            (today, today.checked_add(jiff::Span::new().days(AHEAD_DAYS)).unwrap_or(today))
        }
    };
    let signups = ctx.state.store.shift_signups(&view, &[item], from, to).await?;
    let ids: Vec<&MemberId> = std::iter::once(&item.created_by)
        .chain(item.along.iter().map(|(m, _)| m))
        .chain(signups.iter().map(|s| &s.member_id))
        .collect();
    crate::service::notify::mail_recipients(ctx, cap, |r| ids.contains(&&r.member_id)).await
}

pub(super) async fn tell<A>(ctx: &Ctx<'_>, cap: &Can<A>, item: &Item, on: Option<Date>, news: News) -> Result<()> {
    let people = involved(ctx, cap, item, on).await?;
    send(ctx, cap, item, on, news, &people).await
}

pub(super) async fn send<A>(
    ctx: &Ctx<'_>,
    cap: &Can<A>,
    item: &Item,
    on: Option<Date>,
    news: News,
    people: &[Recipient],
) -> Result<()> {
    let link = ctx.state.config.link(&format!("/circles/{}/agenda/{}", cap.circle_id(), item.id));
    let mut jobs: Vec<NewJob> = Vec::new();
    for r in people.iter().filter(|r| &r.member_id != cap.member_id()) {
        let tr = Tr::new(r.locale);
        let when = on.map(|d| tr.weekday_date(&d)).unwrap_or_default();
        let (subject, lead) = match &news {
            News::SignedUp(who) => (
                tr.t1("mail-shift-signed-up-subject", "title", &item.title),
                tr.t2("mail-shift-signed-up-lead", "name", who, "when", &when),
            ),
            News::GivenBack(who) => (
                tr.t1("mail-shift-given-back-subject", "title", &item.title),
                tr.t2("mail-shift-given-back-lead", "name", who, "when", &when),
            ),
            News::Changed => (
                tr.t1("mail-agenda-changed-subject", "title", &item.title),
                tr.t1("mail-agenda-changed-lead", "name", ctx.user.display_name()),
            ),
            News::Cancelled => (
                tr.t1("mail-agenda-cancelled-subject", "title", &item.title),
                tr.t2("mail-agenda-cancelled-lead", "name", ctx.user.display_name(), "when", &when),
            ),
            News::Removed => (
                tr.t1("mail-agenda-removed-subject", "title", &item.title),
                tr.t1("mail-agenda-removed-lead", "name", ctx.user.display_name()),
            ),
        };
        jobs.extend(crate::service::notify::agenda_mail(ctx.state, r, tr, subject, lead, &item.title, &link, ctx.now));
    }
    for job in &jobs {
        ctx.state.store.enqueue_job(job, ctx.now).await?;
    }
    Ok(())
}

pub(super) async fn tell_one<A>(
    ctx: &Ctx<'_>,
    cap: &Can<A>,
    item: &Item,
    on: Date,
    to: &MemberId,
    notice: SwapNews,
) -> Result<()> {
    let Some(r) = ctx.state.store.notification_recipients(cap, ctx.now).await?.into_iter().find(|r| &r.member_id == to)
    else {
        return Ok(());
    };
    if !r.settings.immediate && r.settings.digest == Digest::Off {
        return Ok(());
    }
    let tr = Tr::new(r.locale);
    let when = tr.weekday_date(&on);
    let (subject, lead) = match notice {
        SwapNews::Proposed(who) => (
            tr.t1("mail-swap-proposed-subject", "name", &who),
            tr.t2("mail-swap-proposed-lead", "name", &who, "when", &when),
        ),
        SwapNews::Accepted(who) => (
            tr.t1("mail-swap-accepted-subject", "name", &who),
            tr.t2("mail-swap-accepted-lead", "name", &who, "when", &when),
        ),
        SwapNews::Declined(who) => (
            tr.t1("mail-swap-declined-subject", "name", &who),
            tr.t2("mail-swap-declined-lead", "name", &who, "when", &when),
        ),
    };
    let link = ctx.state.config.link(&format!("/circles/{}/agenda/{}", cap.circle_id(), item.id));
    if let Some(job) =
        crate::service::notify::agenda_mail(ctx.state, &r, tr, subject, lead, &item.title, &link, ctx.now)
    {
        ctx.state.store.enqueue_job(&job, ctx.now).await?;
    }
    Ok(())
}
