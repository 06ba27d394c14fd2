//! The agenda and the rota: appointments, activities and shifts, each a
//! series in Europe/Amsterdam; members sign up for shifts, give them back
//! and swap them; open places show as gaps. The people involved in an item
//! hear about changes through the outbox, within their notification settings.

use super::{Ctx, InCircle, in_circle, what};
use crate::i18n::{TIME_ZONE, Tr};
use jiff::Zoned;
use jiff::civil::Date;
use samenspel_core::access::{act, may_change_agenda_item};
use samenspel_core::agenda::{Item, ItemInput, Kind, SignUp, Swap};
use samenspel_core::audit::Operation;
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::member::Member;
use samenspel_core::recurrence::Occurrence;
use samenspel_core::{Error, Result, Timestamp};
use samenspel_store::access::{Can, Place};
use samenspel_store::agenda::{Hours, OccurrenceChange};
use samenspel_store::jobs::NewJob;
use samenspel_store::logbook::{Digest, Recipient};

pub fn tz() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::get(TIME_ZONE).unwrap_or(jiff::tz::TimeZone::UTC)
}

/// The start of a local day.
pub fn day_start(d: Date) -> Zoned {
    d.to_zoned(tz()).unwrap_or_else(|_| Timestamp::UNIX_EPOCH.to_zoned(tz()))
}

/// One occurrence of an item with the people in it.
#[derive(Clone, Debug)]
pub struct Slot {
    pub item: Item,
    pub occurrence: Occurrence,
    /// For a shift: who signed up for this occurrence.
    pub people: Vec<SignUp>,
}

impl Slot {
    pub fn is_shift(&self) -> bool {
        self.item.kind == Kind::Shift
    }

    /// Places still open (shifts only).
    pub fn open_places(&self) -> u32 {
        if self.is_shift() { self.item.places.saturating_sub(self.people.len() as u32) } else { 0 }
    }

    pub fn has(&self, member: &MemberId) -> bool {
        self.people.iter().any(|p| &p.member_id == member) || self.item.along.iter().any(|(m, _)| m == member)
    }

    pub fn signed_up(&self, member: &MemberId) -> bool {
        self.people.iter().any(|p| &p.member_id == member)
    }

    pub fn overlaps(&self, other: &Slot) -> bool {
        self.occurrence.start < other.occurrence.end && other.occurrence.start < self.occurrence.end
    }

    pub fn minutes(&self) -> u32 {
        let secs = self.occurrence.end.timestamp().as_second() - self.occurrence.start.timestamp().as_second();
        u32::try_from(secs / 60).unwrap_or(0)
    }
}

/// The occurrences of `items` overlapping `[from, to)`, with their sign-ups.
fn slots(items: &[Item], signups: &[SignUp], from: &Zoned, to: &Zoned) -> Vec<Slot> {
    let tz = tz();
    let mut out: Vec<Slot> = items
        .iter()
        .flat_map(|item| {
            item.series.occurrences(&tz, from, to).into_iter().map(move |occurrence| Slot {
                people: signups
                    .iter()
                    .filter(|s| s.item_id == item.id && s.on == occurrence.original)
                    .cloned()
                    .collect(),
                item: item.clone(),
                occurrence,
            })
        })
        .collect();
    out.sort_by(|a, b| a.occurrence.start.cmp(&b.occurrence.start).then_with(|| a.item.title.cmp(&b.item.title)));
    out
}

async fn slots_between(
    ctx: &Ctx<'_>,
    cap: &Can<act::ViewAgenda>,
    items: &[Item],
    from: Date,
    to: Date,
) -> Result<Vec<Slot>> {
    let refs: Vec<&Item> = items.iter().collect();
    // Moved occurrences keep their original date: look a little wider.
    let wide_from = from.checked_sub(jiff::Span::new().days(31)).unwrap_or(from);
    let wide_to = to.checked_add(jiff::Span::new().days(31)).unwrap_or(to);
    let signups = ctx.state.store.shift_signups(cap, &refs, wide_from, wide_to).await?;
    Ok(slots(items, &signups, &day_start(from), &day_start(to)))
}

/// What the agenda pages need besides the slots.
pub struct AgendaView {
    pub from: Date,
    pub to: Date,
    pub slots: Vec<Slot>,
    pub may_plan: bool,
    pub may_take: bool,
    pub me: MemberId,
    /// Swaps I proposed or am asked to accept.
    pub swaps: Vec<Swap>,
    /// Items for naming the shifts in swaps.
    pub items: Vec<Item>,
}

/// The agenda from `from` (inclusive) to `to` (exclusive).
pub async fn agenda(ctx: &Ctx<'_>, circle: &CircleId, from: Date, to: Date) -> Result<InCircle<AgendaView>> {
    let cap = ctx.can::<act::ViewAgenda>(circle, what(Operation::Read, "agenda.view", "circle", circle)).await?;
    let items = ctx.state.store.agenda_items(&cap).await?;
    let slots = slots_between(ctx, &cap, &items, from, to).await?;
    let take = cap.also::<act::TakeShifts>();
    let swaps = match &take {
        Some(t) => ctx.state.store.open_swaps(t).await?,
        None => Vec::new(),
    };
    let view = AgendaView {
        from,
        to,
        slots,
        may_plan: cap.also::<act::PlanAgenda>().is_some(),
        may_take: take.is_some(),
        me: cap.member_id().clone(),
        swaps,
        items,
    };
    in_circle(ctx, &cap, view).await
}

/// Open places in shifts over the coming days, for the overview.
pub async fn gaps<A>(ctx: &Ctx<'_>, cap: &Can<A>, days: i64) -> Result<Vec<Slot>> {
    let Some(view) = cap.also::<act::ViewAgenda>() else { return Ok(Vec::new()) };
    let items: Vec<Item> =
        ctx.state.store.agenda_items(&view).await?.into_iter().filter(|i| i.kind == Kind::Shift).collect();
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let today = crate::i18n::local(&ctx.now).date();
    let to = today.checked_add(jiff::Span::new().days(days)).unwrap_or(today);
    let now = ctx.now.to_zoned(tz());
    Ok(slots_between(ctx, &view, &items, today, to)
        .await?
        .into_iter()
        .filter(|s| s.open_places() > 0 && s.occurrence.end > now)
        .collect())
}

/// One item with its coming occurrences.
pub struct ItemView {
    pub item: Item,
    pub slots: Vec<Slot>,
    /// My other occurrences in the same period, to warn about clashes.
    pub mine_elsewhere: Vec<Slot>,
    pub may_change: bool,
    pub may_take: bool,
    pub me: MemberId,
    /// Active members, to choose whom to swap with.
    pub members: Vec<Member>,
    pub swaps: Vec<Swap>,
    /// Occurrences the circle seeks cover for: (item, date, asked me).
    pub cover: Vec<(String, Date, bool)>,
}

/// How far ahead an item's page and the feed look.
pub const AHEAD_DAYS: i64 = 84;

pub async fn item(ctx: &Ctx<'_>, circle: &CircleId, id: &str) -> Result<InCircle<ItemView>> {
    let cap = ctx.can::<act::ViewAgenda>(circle, what(Operation::Read, "agenda.item", "agenda_item", id)).await?;
    let items = ctx.state.store.agenda_items(&cap).await?;
    let item = items.iter().find(|i| i.id == id).cloned().ok_or(Error::NotFound)?;
    let today = crate::i18n::local(&ctx.now).date();
    let to = today.checked_add(jiff::Span::new().days(AHEAD_DAYS)).unwrap_or(today);
    let all = slots_between(ctx, &cap, &items, today, to).await?;
    let me = cap.member_id().clone();
    let now = ctx.now.to_zoned(tz());
    let (slots, mine_elsewhere): (Vec<Slot>, Vec<Slot>) = all
        .into_iter()
        .filter(|s| s.occurrence.end > now)
        .filter(|s| s.item.id == id || s.has(&me))
        .partition(|s| s.item.id == id);
    let place = cap.place();
    let take = cap.also::<act::TakeShifts>();
    let members = match cap.also::<act::ViewMembers>() {
        Some(view) => ctx.state.store.members(&view, ctx.now).await?,
        None => Vec::new(),
    };
    let swaps = match &take {
        Some(t) => ctx.state.store.open_swaps(t).await?,
        None => Vec::new(),
    };
    let cover = ctx.state.store.cover_state(&cap).await?;
    let view = ItemView {
        cover,
        may_change: may_change(&place, &item.created_by),
        may_take: take.is_some(),
        item,
        slots,
        mine_elsewhere,
        me,
        members,
        swaps,
    };
    in_circle(ctx, &cap, view).await
}

/// May the reader change, cancel or remove an item planned by `author`?
pub fn may_change(place: &Place, author: &MemberId) -> bool {
    place.may(samenspel_core::access::CircleAction::PlanAgenda)
        && may_change_agenda_item(place.role, place.manager, author == &place.member_id)
}

/// For the item form: the item as the reader may see it, and the members.
pub async fn form(ctx: &Ctx<'_>, circle: &CircleId, id: Option<&str>) -> Result<InCircle<(Option<Item>, Vec<Member>)>> {
    let subject = id.unwrap_or(circle.as_str()).to_owned();
    let cap = ctx.can::<act::PlanAgenda>(circle, what(Operation::Read, "agenda.form", "agenda_item", subject)).await?;
    let existing = match id {
        Some(id) => Some(readable(ctx, &cap, id).await?),
        None => None,
    };
    if let Some(item) = &existing
        && !may_change(&cap.place(), &item.created_by)
    {
        return Err(Error::Forbidden);
    }
    let members = match cap.also::<act::ViewMembers>() {
        Some(view) => ctx.state.store.members(&view, ctx.now).await?,
        None => Vec::new(),
    };
    in_circle(ctx, &cap, (existing, members)).await
}

async fn readable<A>(ctx: &Ctx<'_>, cap: &Can<A>, id: &str) -> Result<Item> {
    let view = cap.also::<act::ViewAgenda>().ok_or(Error::Forbidden)?;
    ctx.state.store.agenda_items(&view).await?.into_iter().find(|i| i.id == id).ok_or(Error::NotFound)
}

/// Saves a new item (`id` None) or a change; tells the people in it. Returns its id.
pub async fn save(ctx: &Ctx<'_>, circle: &CircleId, id: Option<&str>, input: &ItemInput) -> Result<String> {
    let (op, kind, subject) = match id {
        None => (Operation::Create, "circle", circle.as_str()),
        Some(id) => (Operation::Update, "agenda_item", id),
    };
    let cap = ctx.can::<act::PlanAgenda>(circle, what(op, "agenda.save", kind, subject)).await?;
    // Checked after the capability: a refusal is the same refusal (and audited) whatever was sent.
    let new = input.parse()?;
    let existing = match id {
        Some(id) => Some(readable(ctx, &cap, id).await?),
        None => None,
    };
    let saved = ctx.state.store.save_agenda_item(&cap, existing.as_ref(), &new, ctx.now).await?;
    if let Some(old) = &existing {
        tell(ctx, &cap, old, None, News::Changed).await?;
    }
    Ok(saved)
}

pub async fn remove(ctx: &Ctx<'_>, circle: &CircleId, id: &str) -> Result<()> {
    let cap = ctx.can::<act::PlanAgenda>(circle, what(Operation::Delete, "agenda.remove", "agenda_item", id)).await?;
    let item = readable(ctx, &cap, id).await?;
    // Told first: afterwards nobody is signed up any more.
    let people = involved(ctx, &cap, &item, None).await?;
    ctx.state.store.delete_agenda_item(&cap, &item).await?;
    send(ctx, &cap, &item, None, News::Removed, &people).await
}

/// Parses an occurrence date from a path and checks that the item has it.
pub fn occurrence_of(item: &Item, raw: &str) -> Result<Date> {
    let on = raw.parse::<Date>().map_err(|_| Error::NotFound)?;
    let tz = tz();
    let (from, to) = (day_start(on), day_start(on.tomorrow().map_err(|_| Error::NotFound)?));
    // A cancelled occurrence is still the series' own date (to restore it).
    let mut series = item.series.clone();
    series.cancelled.clear();
    series.moved.clear();
    if series.occurrences(&tz, &from, &to).iter().any(|o| o.original == on) { Ok(on) } else { Err(Error::NotFound) }
}

pub async fn change_occurrence(
    ctx: &Ctx<'_>,
    circle: &CircleId,
    id: &str,
    on: &str,
    change: OccurrenceChange,
) -> Result<()> {
    let cap =
        ctx.can::<act::PlanAgenda>(circle, what(Operation::Update, "agenda.occurrence", "agenda_item", id)).await?;
    let item = readable(ctx, &cap, id).await?;
    let on = occurrence_of(&item, on)?;
    let people = involved(ctx, &cap, &item, Some(on)).await?;
    ctx.state.store.change_occurrence(&cap, &item, on, change, ctx.now).await?;
    let news = match change {
        OccurrenceChange::Cancel => News::Cancelled,
        _ => News::Changed,
    };
    send(ctx, &cap, &item, Some(on), news, &people).await
}

/// The occurrence must not have ended: nobody signs up for the past.
fn still_to_come(ctx: &Ctx<'_>, item: &Item, on: Date) -> Result<()> {
    let tz = tz();
    // A moved occurrence is looked for from its own date to the day it moved to.
    let moved_to = item.series.moved.get(&on).map(|d| d.date()).unwrap_or(on);
    let (first, last) = (on.min(moved_to), on.max(moved_to));
    let ended = item
        .series
        .occurrences(&tz, &day_start(first), &day_start(last.tomorrow().unwrap_or(last)))
        .iter()
        .find(|o| o.original == on)
        .is_none_or(|o| o.end.timestamp() <= ctx.now);
    if ended { Err(Error::Conflict("shift-over")) } else { Ok(()) }
}

/// Takes a place. Returns my other occurrences that overlap it (a warning,
/// not a refusal: the member knows best whether both fit).
pub async fn sign_up(ctx: &Ctx<'_>, circle: &CircleId, id: &str, on: &str) -> Result<Vec<Slot>> {
    let cap = ctx.can::<act::TakeShifts>(circle, what(Operation::Create, "shift.sign_up", "agenda_item", id)).await?;
    let item = readable(ctx, &cap, id).await?;
    let on = occurrence_of(&item, on)?;
    still_to_come(ctx, &item, on)?;
    ctx.state.store.sign_up_for_shift(&cap, &item, on, ctx.now).await?;
    tell(ctx, &cap, &item, Some(on), News::SignedUp(ctx.user.display_name().to_owned())).await?;
    clashes(ctx, &cap, id, on).await
}

/// My occurrences that overlap the given one.
pub async fn clashes<A>(ctx: &Ctx<'_>, cap: &Can<A>, id: &str, on: Date) -> Result<Vec<Slot>> {
    let view = cap.also::<act::ViewAgenda>().ok_or(Error::Forbidden)?;
    let items = ctx.state.store.agenda_items(&view).await?;
    let from = on.yesterday().unwrap_or(on);
    let to = on.checked_add(jiff::Span::new().days(2)).unwrap_or(on);
    let all = slots_between(ctx, &view, &items, from, to).await?;
    let Some(this) = all.iter().find(|s| s.item.id == id && s.occurrence.original == on).cloned() else {
        return Ok(Vec::new());
    };
    Ok(all.into_iter().filter(|s| s.item.id != id && s.has(view.member_id()) && s.overlaps(&this)).collect())
}

pub async fn give_back(ctx: &Ctx<'_>, circle: &CircleId, id: &str, on: &str) -> Result<()> {
    let cap = ctx.can::<act::TakeShifts>(circle, what(Operation::Delete, "shift.give_back", "agenda_item", id)).await?;
    let item = readable(ctx, &cap, id).await?;
    let on = occurrence_of(&item, on)?;
    ctx.state.store.give_shift_back(&cap, &item, on).await?;
    tell(ctx, &cap, &item, Some(on), News::GivenBack(ctx.user.display_name().to_owned())).await
}

pub async fn confirm(ctx: &Ctx<'_>, circle: &CircleId, id: &str, on: &str) -> Result<()> {
    let cap = ctx.can::<act::TakeShifts>(circle, what(Operation::Update, "shift.confirm", "agenda_item", id)).await?;
    let item = readable(ctx, &cap, id).await?;
    let on = occurrence_of(&item, on)?;
    ctx.state.store.confirm_shift(&cap, &item, on, ctx.now).await
}

/// Proposes to hand my place to `to`, maybe for one of theirs (`return_item`, `return_on`).
pub async fn propose_swap(
    ctx: &Ctx<'_>,
    circle: &CircleId,
    id: &str,
    on: &str,
    to: &str,
    in_return: Option<(&str, &str)>,
) -> Result<String> {
    let cap = ctx.can::<act::TakeShifts>(circle, what(Operation::Create, "shift.swap", "agenda_item", id)).await?;
    let item = readable(ctx, &cap, id).await?;
    let on = occurrence_of(&item, on)?;
    still_to_come(ctx, &item, on)?;
    let to = MemberId::parse(to.trim()).ok_or(Error::field("to", "member-not-in-circle"))?;
    let back = match in_return {
        Some((back_id, back_on)) => {
            let back =
                readable(ctx, &cap, back_id).await.map_err(|_| Error::field("in_return", "swap-return-not-theirs"))?;
            let back_on =
                occurrence_of(&back, back_on).map_err(|_| Error::field("in_return", "swap-return-not-theirs"))?;
            Some((back, back_on))
        }
        None => None,
    };
    let swap = ctx.state.store.propose_swap(&cap, &item, on, &to, back.as_ref().map(|(i, d)| (i, *d)), ctx.now).await?;
    tell_one(ctx, &cap, &item, on, &to, SwapNews::Proposed(ctx.user.display_name().to_owned())).await?;
    Ok(swap)
}

/// Hours per helper over a period: for the person who set up the rota and managers.
pub async fn hours(
    ctx: &Ctx<'_>,
    circle: &CircleId,
    from: Date,
    to: Date,
) -> Result<InCircle<(Vec<Hours>, Vec<Slot>)>> {
    let cap = ctx.can::<act::ViewAgenda>(circle, what(Operation::Read, "agenda.hours", "circle", circle)).await?;
    let place = cap.place();
    let shifts: Vec<Item> = ctx
        .state
        .store
        .agenda_items(&cap)
        .await?
        .into_iter()
        .filter(|i| i.kind == Kind::Shift && may_change(&place, &i.created_by))
        .collect();
    let slots = slots_between(ctx, &cap, &shifts, from, to).await?;
    let occurrences: Vec<(String, Date, u32)> =
        slots.iter().map(|s| (s.item.id.clone(), s.occurrence.original, s.minutes())).collect();
    let last = to.yesterday().unwrap_or(to);
    let hours = ctx.state.store.rota_hours(&cap, &occurrences, from, last).await?;
    in_circle(ctx, &cap, (hours, slots)).await
}

// ---------------------------------------------------------------- telling people

enum News {
    SignedUp(String),
    GivenBack(String),
    Changed,
    Cancelled,
    Removed,
}

/// What happened to a swap, and who did it.
enum SwapNews {
    Proposed(String),
    Accepted(String),
    Declined(String),
}

/// The members involved in an item (or one occurrence): who planned it, who
/// goes along, who signed up; with their e-mail settings. Only members who
/// see the item, so a professionals-only appointment mails nobody else.
async fn involved<A>(ctx: &Ctx<'_>, cap: &Can<A>, item: &Item, on: Option<Date>) -> Result<Vec<Recipient>> {
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
    Ok(ctx
        .state
        .store
        .notification_recipients(cap, ctx.now)
        .await?
        .into_iter()
        .filter(|r| ids.contains(&&r.member_id) && (r.settings.immediate || r.settings.digest != Digest::Off))
        .collect())
}

async fn tell<A>(ctx: &Ctx<'_>, cap: &Can<A>, item: &Item, on: Option<Date>, news: News) -> Result<()> {
    let people = involved(ctx, cap, item, on).await?;
    send(ctx, cap, item, on, news, &people).await
}

async fn send<A>(
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
        jobs.extend(super::notify::agenda_mail(ctx.state, r, tr, subject, lead, &item.title, &link, ctx.now));
    }
    for job in &jobs {
        ctx.state.store.enqueue_job(job, ctx.now).await?;
    }
    Ok(())
}

async fn tell_one<A>(
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
    if let Some(job) = super::notify::agenda_mail(ctx.state, &r, tr, subject, lead, &item.title, &link, ctx.now) {
        ctx.state.store.enqueue_job(&job, ctx.now).await?;
    }
    Ok(())
}

// ---------------------------------------------------------------- reminders and cover

/// Looks for cover for an open occurrence: planners and managers may start
/// it for any open time; a member who gives a shift back starts it for theirs.
pub async fn find_cover(ctx: &Ctx<'_>, circle: &CircleId, id: &str, on: &str) -> Result<()> {
    let cap =
        ctx.can::<act::TakeShifts>(circle, what(Operation::Create, "shift.find_cover", "agenda_item", id)).await?;
    let item = readable(ctx, &cap, id).await?;
    let on = occurrence_of(&item, on)?;
    still_to_come(ctx, &item, on)?;
    if !may_change(&cap.place(), &item.created_by) {
        return Err(Error::Forbidden);
    }
    ctx.state.store.start_cover_search(&cap, &item, on, ctx.now).await?;
    ctx.state.jobs_waiting.notify_one();
    Ok(())
}

/// Gives a shift back and asks others to cover it.
pub async fn give_back_and_find_cover(ctx: &Ctx<'_>, circle: &CircleId, id: &str, on: &str) -> Result<()> {
    give_back(ctx, circle, id, on).await?;
    let cap =
        ctx.can::<act::TakeShifts>(circle, what(Operation::Create, "shift.find_cover", "agenda_item", id)).await?;
    let item = readable(ctx, &cap, id).await?;
    let on = occurrence_of(&item, on)?;
    ctx.state.store.start_cover_search(&cap, &item, on, ctx.now).await?;
    Ok(())
}

/// The asked member cannot: the next one is asked.
pub async fn decline_cover(ctx: &Ctx<'_>, circle: &CircleId, id: &str, on: &str) -> Result<()> {
    let cap =
        ctx.can::<act::TakeShifts>(circle, what(Operation::Update, "shift.decline_cover", "agenda_item", id)).await?;
    let item = readable(ctx, &cap, id).await?;
    let on = occurrence_of(&item, on)?;
    ctx.state.store.decline_cover(&cap, &item, on, ctx.now).await?;
    ctx.state.jobs_waiting.notify_one();
    Ok(())
}

/// For the item page: occurrences the circle seeks cover for, and those I was asked about.
pub async fn cover_state<A>(ctx: &Ctx<'_>, cap: &Can<A>) -> Result<Vec<(String, Date, bool)>> {
    match cap.also::<act::ViewAgenda>() {
        Some(view) => ctx.state.store.cover_state(&view).await,
        None => Ok(Vec::new()),
    }
}

/// The occurrence of `series` that the series gave date `on`.
pub(crate) fn occurrence_on(series: &samenspel_core::recurrence::Series, on: Date) -> Option<Occurrence> {
    let from = day_start(on.yesterday().ok()?);
    let to = day_start(on.checked_add(jiff::Span::new().days(2)).ok()?);
    series.occurrences(&tz(), &from, &to).into_iter().find(|o| o.original == on)
}

// ---------------------------------------------------------------- for the API

/// Open places in shifts over the coming `days`, for the API's gaps list.
pub async fn circle_gaps(ctx: &Ctx<'_>, circle: &CircleId, days: i64) -> Result<Vec<Slot>> {
    let cap = ctx.can::<act::ViewAgenda>(circle, what(Operation::Read, "agenda.view", "circle", circle)).await?;
    gaps(ctx, &cap, days).await
}

/// Open swaps a member proposed or is asked to accept.
pub struct MySwaps {
    pub me: MemberId,
    pub swaps: Vec<Swap>,
    /// The items the member sees, to name the shifts in the swaps.
    pub items: Vec<Item>,
}

/// Open swaps I proposed or am asked to accept (for those who take shifts).
pub async fn my_swaps(ctx: &Ctx<'_>, circle: &CircleId) -> Result<MySwaps> {
    let cap = ctx.can::<act::TakeShifts>(circle, what(Operation::Read, "agenda.view", "circle", circle)).await?;
    let view = cap.also::<act::ViewAgenda>().ok_or(Error::Forbidden)?;
    let swaps = ctx.state.store.open_swaps(&cap).await?;
    let items = ctx.state.store.agenda_items(&view).await?;
    Ok(MySwaps { me: cap.member_id().clone(), swaps, items })
}

/// What a member answers to a swap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SwapAnswer {
    /// The asked member takes the place (and gives theirs in return, if asked).
    Accept,
    /// The asked member says no.
    Decline,
    /// The proposer takes the proposal back.
    Withdraw,
}

/// As [`answer_swap`], for a caller who says which answer it means: only the
/// asked member accepts or declines, only the proposer withdraws. A swap the
/// member is not part of does not exist for them.
pub async fn answer_swap_as(ctx: &Ctx<'_>, circle: &CircleId, swap_id: &str, answer: SwapAnswer) -> Result<()> {
    let cap = ctx.can::<act::TakeShifts>(circle, what(Operation::Update, "shift.swap_answer", "swap", swap_id)).await?;
    let swap = ctx.state.store.open_swaps(&cap).await?.into_iter().find(|s| s.id == swap_id).ok_or(Error::NotFound)?;
    let me = cap.member_id();
    let theirs = match answer {
        SwapAnswer::Accept | SwapAnswer::Decline => &swap.to == me,
        SwapAnswer::Withdraw => &swap.from == me,
    };
    if !theirs {
        return Err(Error::Forbidden);
    }
    let item = readable(ctx, &cap, &swap.item_id).await?;
    let accept = answer == SwapAnswer::Accept;
    if accept {
        // Nobody takes over an evening that is already over.
        still_to_come(ctx, &item, swap.on)?;
    }
    ctx.state.store.answer_swap(&cap, &swap, accept, ctx.now).await?;
    if &swap.to == me {
        let notice = if accept { SwapNews::Accepted } else { SwapNews::Declined };
        tell_one(ctx, &cap, &item, swap.on, &swap.from, notice(ctx.user.display_name().to_owned())).await?;
    }
    Ok(())
}
