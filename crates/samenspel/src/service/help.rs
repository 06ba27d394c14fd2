//! Help requests: ask (for yourself or on someone's behalf, from a
//! ready-made template), respond, pick a helper — and the task lands in the
//! helper's agenda and calendar feed. The people involved hear about each
//! step through the outbox, within their notification settings.

use super::{Ctx, InCircle, in_circle, what};
use crate::i18n::Tr;
use samenspel_core::access::act;
use samenspel_core::agenda::{Kind, NewItem};
use samenspel_core::audit::Operation;
use samenspel_core::help::{Request, RequestInput, Status, check_message};
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::member::Member;
use samenspel_core::recurrence::{End, Frequency, Length, Series};
use samenspel_core::{Error, Result};
use samenspel_store::access::Can;
use samenspel_store::logbook::Recipient;

pub struct HelpView {
    pub requests: Vec<Request>,
    pub may_ask: bool,
    pub may_respond: bool,
    pub me: MemberId,
    pub manages: bool,
}

pub async fn list(ctx: &Ctx<'_>, circle: &CircleId) -> Result<InCircle<HelpView>> {
    let cap = ctx.can::<act::ViewAgenda>(circle, what(Operation::Read, "help.list", "circle", circle)).await?;
    let requests = ctx.state.store.help_requests(&cap, ctx.now).await?;
    view(&cap, requests)
}

/// The requests with what the reader may do with them.
fn view(cap: &Can<act::ViewAgenda>, requests: Vec<Request>) -> Result<InCircle<HelpView>> {
    let view = HelpView {
        requests,
        may_ask: cap.also::<act::PlanAgenda>().is_some(),
        may_respond: cap.also::<act::TakeShifts>().is_some(),
        me: cap.member_id().clone(),
        manages: cap.manages(),
    };
    in_circle(cap, view)
}

/// Open requests, for the overview.
pub async fn open<A>(ctx: &Ctx<'_>, cap: &Can<A>) -> Result<Vec<Request>> {
    let Some(view) = cap.also::<act::ViewAgenda>() else { return Ok(Vec::new()) };
    let now = crate::i18n::local(&ctx.now).datetime();
    Ok(ctx
        .state
        .store
        .help_requests(&view, ctx.now)
        .await?
        .into_iter()
        .filter(|r| r.status == Status::Open && r.until > now)
        .collect())
}

/// A request whose window has passed takes no more offers or choices.
fn still_open(ctx: &Ctx<'_>, r: &Request) -> Result<()> {
    if r.until <= crate::i18n::local(&ctx.now).datetime() {
        return Err(Error::Conflict("help-expired"));
    }
    Ok(())
}

pub async fn request(ctx: &Ctx<'_>, circle: &CircleId, id: &str) -> Result<InCircle<HelpView>> {
    let cap = ctx.can::<act::ViewAgenda>(circle, what(Operation::Read, "help.view", "help_request", id)).await?;
    let requests: Vec<Request> =
        ctx.state.store.help_requests(&cap, ctx.now).await?.into_iter().filter(|r| r.id == id).collect();
    if requests.is_empty() {
        return Err(Error::NotFound);
    }
    view(&cap, requests)
}

/// For the form: the members one may ask on behalf of.
pub async fn form(ctx: &Ctx<'_>, circle: &CircleId) -> Result<InCircle<(Vec<Member>, MemberId)>> {
    let cap = ctx.can::<act::PlanAgenda>(circle, what(Operation::Read, "help.form", "circle", circle)).await?;
    let members = match cap.also::<act::ViewMembers>() {
        Some(view) => ctx.state.store.members(&view, ctx.now).await?,
        None => Vec::new(),
    };
    let me = cap.member_id().clone();
    in_circle(&cap, (members, me))
}

async fn readable<A>(ctx: &Ctx<'_>, cap: &Can<A>, id: &str) -> Result<Request> {
    let view = cap.also::<act::ViewAgenda>().ok_or(Error::Forbidden)?;
    ctx.state.store.help_requests(&view, ctx.now).await?.into_iter().find(|r| r.id == id).ok_or(Error::NotFound)
}

pub async fn ask(ctx: &Ctx<'_>, circle: &CircleId, input: &RequestInput) -> Result<String> {
    let cap = ctx.can::<act::PlanAgenda>(circle, what(Operation::Create, "help.ask", "circle", circle)).await?;
    // Checked after the capability: a refusal is the same refusal (and audited) whatever was sent.
    let new = input.parse(crate::i18n::local(&ctx.now).date())?;
    let id = ctx.state.store.ask_for_help(&cap, &new, ctx.now).await?;
    // Everyone who sees it and may help hears about it at once.
    let request = readable(ctx, &cap, &id).await?;
    let people: Vec<Recipient> = recipients(ctx, &cap)
        .await?
        .into_iter()
        .filter(|r| r.settings.immediate && r.role != samenspel_core::role::Role::Client)
        .filter(|r| {
            r.scope().addressed_in(
                samenspel_core::consent::Category::Agenda,
                request.audience,
                &request.asked_by,
                &request.chosen,
            )
        })
        .collect();
    send(ctx, &cap, &request, &people, |tr, r| {
        let lead = if r.asked_by == r.asked_for {
            tr.t2("mail-help-asked-lead", "name", &r.asked_by_name, "when", window(tr, r))
        } else {
            // "Marieke vraagt hulp voor Ans", never "Marieke, voor Ans vraagt om hulp".
            let (by, asked_for) = (&r.asked_by_name, &r.asked_for_name);
            tr.t3("mail-help-asked-for-lead", "by", by, "for", asked_for, "when", window(tr, r))
        };
        (tr.t1("mail-help-asked-subject", "title", &r.title), lead)
    })
    .await?;
    Ok(id)
}

pub async fn respond(ctx: &Ctx<'_>, circle: &CircleId, id: &str, message: &str) -> Result<()> {
    let cap = ctx.can::<act::TakeShifts>(circle, what(Operation::Create, "help.respond", "help_request", id)).await?;
    let request = readable(ctx, &cap, id).await?;
    let message = check_message(message)?;
    still_open(ctx, &request)?;
    // Whoever the help is for does not offer it to themselves.
    if &request.asked_for == cap.member_id() {
        return Err(Error::Conflict("help-own-request"));
    }
    ctx.state.store.respond_to_help(&cap, &request, &message, ctx.now).await?;
    let people: Vec<Recipient> = recipients(ctx, &cap)
        .await?
        .into_iter()
        .filter(|r| r.member_id == request.asked_by || r.member_id == request.asked_for)
        .collect();
    let name = ctx.user.display_name().to_owned();
    send(ctx, &cap, &request, &people, |tr, r| {
        (
            tr.t1("mail-help-offer-subject", "name", &name),
            tr.t2("mail-help-offer-lead", "name", &name, "title", &r.title),
        )
    })
    .await
}

/// Picks a helper; the task goes into the agenda with the helper going
/// along, visible to the same people as the request. Returns the item's id.
pub async fn choose(ctx: &Ctx<'_>, circle: &CircleId, id: &str, helper: &str) -> Result<String> {
    let cap = ctx.can::<act::PlanAgenda>(circle, what(Operation::Update, "help.choose", "help_request", id)).await?;
    let request = readable(ctx, &cap, id).await?;
    // Who may not decide hears so, whatever helper they named.
    if !request.decided_by(cap.member_id(), cap.manages()) {
        return Err(Error::Forbidden);
    }
    still_open(ctx, &request)?;
    let helper = MemberId::parse(helper.trim()).ok_or(Error::field("helper", "help-helper-did-not-respond"))?;
    ctx.state.store.choose_helper(&cap, &request, &helper, ctx.now).await?;
    let whole_day = request.from.time() == jiff::civil::Time::midnight() && request.until.time().hour() == 23;
    let length = if whole_day {
        let days = request.from.date().until(request.until.date()).map(|s| s.get_days()).unwrap_or(0) + 1;
        Length::WholeDays(u16::try_from(days).unwrap_or(1).max(1))
    } else {
        // Real minutes, so a window across the change of clocks keeps its length.
        let zoned = |d: jiff::civil::DateTime| d.to_zoned(super::agenda::tz()).map(|z| z.timestamp());
        let total = match (zoned(request.from), zoned(request.until)) {
            (Ok(a), Ok(b)) => b.duration_since(a).as_mins(),
            _ => request.from.duration_until(request.until).as_mins(),
        };
        Length::Minutes(u32::try_from(total).unwrap_or(60).max(1))
    };
    let tr = Tr::new(samenspel_core::locale::Locale::Nl);
    let item = NewItem {
        kind: Kind::Appointment,
        title: request.title.clone(),
        place: String::new(),
        notes: [request.details.as_str(), &tr.t1("help-item-note", "name", &request.asked_for_name)]
            .iter()
            .filter(|s| !s.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n"),
        elsewhere: false,
        series: Series {
            start: request.from,
            length,
            frequency: Frequency::Once,
            end: End::Never,
            cancelled: Vec::new(),
            moved: Default::default(),
        },
        places: 0,
        audience: request.audience,
        chosen: request.chosen.clone(),
        along: vec![helper.clone()],
    };
    let item_id = ctx.state.store.save_agenda_item(&cap, None, &item, ctx.now).await?;
    ctx.state.store.link_help_item(&cap, &request.id, &item_id).await?;
    let people: Vec<Recipient> = recipients(ctx, &cap)
        .await?
        .into_iter()
        .filter(|r| request.responses.iter().any(|x| x.member_id == r.member_id))
        .collect();
    let helper_id = helper.clone();
    let link_item = item_id.clone();
    let circle_id = circle.clone();
    for r in &people {
        let tr = Tr::new(r.locale);
        let chosen = r.member_id == helper_id;
        let (subject, lead) = if chosen {
            (
                tr.t1("mail-help-chosen-subject", "title", &request.title),
                tr.t2("mail-help-chosen-lead", "name", &request.asked_for_name, "when", window(&tr, &request)),
            )
        } else {
            (tr.t1("mail-help-found-subject", "title", &request.title), tr.t("mail-help-found-lead"))
        };
        let link = if chosen {
            ctx.state.config.link(&format!("/circles/{circle_id}/agenda/{link_item}"))
        } else {
            ctx.state.config.link(&format!("/circles/{circle_id}/help/{}", request.id))
        };
        if let Some(job) = super::notify::agenda_mail(ctx.state, r, tr, subject, lead, &request.title, &link, ctx.now) {
            ctx.state.store.enqueue_job(&job, ctx.now).await?;
        }
    }
    Ok(item_id)
}

pub async fn withdraw(ctx: &Ctx<'_>, circle: &CircleId, id: &str) -> Result<()> {
    let cap = ctx.can::<act::PlanAgenda>(circle, what(Operation::Update, "help.withdraw", "help_request", id)).await?;
    let request = readable(ctx, &cap, id).await?;
    ctx.state.store.withdraw_help(&cap, &request, ctx.now).await
}

/// "di 24 november, 10:00 – 12:00" or "di 24 november" for a whole day.
pub fn window(tr: &Tr, r: &Request) -> String {
    let day = tr.weekday_date(&r.from.date());
    let whole = r.from.time() == jiff::civil::Time::midnight() && r.until.time().hour() == 23;
    if r.from.date() == r.until.date() {
        if whole { day } else { format!("{day}, {}–{}", r.from.strftime("%H:%M"), r.until.strftime("%H:%M")) }
    } else {
        let last = tr.weekday_date(&r.until.date());
        if whole {
            format!("{day} – {last}")
        } else {
            format!("{day} {} – {last} {}", r.from.strftime("%H:%M"), r.until.strftime("%H:%M"))
        }
    }
}

async fn recipients<A>(ctx: &Ctx<'_>, cap: &Can<A>) -> Result<Vec<Recipient>> {
    super::notify::mail_recipients(ctx, cap, |r| &r.member_id != cap.member_id()).await
}

async fn send<A>(
    ctx: &Ctx<'_>,
    cap: &Can<A>,
    request: &Request,
    people: &[Recipient],
    words: impl Fn(&Tr, &Request) -> (String, String),
) -> Result<()> {
    let link = ctx.state.config.link(&format!("/circles/{}/help/{}", cap.circle_id(), request.id));
    for r in people {
        let tr = Tr::new(r.locale);
        let (subject, lead) = words(&tr, request);
        if let Some(job) = super::notify::agenda_mail(ctx.state, r, tr, subject, lead, &request.details, &link, ctx.now)
        {
            ctx.state.store.enqueue_job(&job, ctx.now).await?;
        }
    }
    Ok(())
}
