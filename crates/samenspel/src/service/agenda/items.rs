//! One agenda item: its page, its form, saving and removing it, and
//! changing one occurrence (cancel, move, restore).

use super::*;
use crate::service::{Ctx, InCircle, in_circle, what};
use jiff::civil::Date;
use samenspel_core::access::{act, may_change_agenda_item};
use samenspel_core::agenda::{Item, ItemInput, Swap};
use samenspel_core::audit::Operation;
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::member::Member;
use samenspel_core::recurrence::Occurrence;
use samenspel_core::{Error, Result};
use samenspel_store::access::{Can, Place};
use samenspel_store::agenda::OccurrenceChange;

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
    /// The circle's consent, to offer swaps only to who may see the agenda.
    pub consent: samenspel_core::consent::Consent,
}

/// How far ahead an item's page and the feed look.
pub const AHEAD_DAYS: i64 = 84;

pub async fn item(ctx: &Ctx<'_>, circle: &CircleId, id: &str) -> Result<InCircle<ItemView>> {
    let cap = ctx.can::<act::ViewAgenda>(circle, what(Operation::Read, "agenda.item", "agenda_item", id)).await?;
    // Every item, so that a past one still has its page.
    let items = ctx.state.store.agenda_items(&cap, samenspel_core::recurrence::EARLIEST).await?;
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
        consent: cap.consent(),
        may_change: may_change(&place, &item.created_by),
        may_take: take.is_some(),
        item,
        slots,
        mine_elsewhere,
        me,
        members,
        swaps,
    };
    in_circle(&cap, view)
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
    in_circle(&cap, (existing, members))
}

pub(super) async fn readable<A>(ctx: &Ctx<'_>, cap: &Can<A>, id: &str) -> Result<Item> {
    let view = cap.also::<act::ViewAgenda>().ok_or(Error::Forbidden)?;
    ctx.state
        .store
        .agenda_items(&view, samenspel_core::recurrence::EARLIEST)
        .await?
        .into_iter()
        .find(|i| i.id == id)
        .ok_or(Error::NotFound)
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
    if let OccurrenceChange::Move(to) = change
        && !samenspel_core::agenda::in_range(to.date())
    {
        return Err(Error::field("start", "agenda-date-out-of-range"));
    }
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
pub(super) fn still_to_come(ctx: &Ctx<'_>, item: &Item, on: Date) -> Result<()> {
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

/// The occurrence of `series` that the series gave date `on`.
pub(crate) fn occurrence_on(series: &samenspel_core::recurrence::Series, on: Date) -> Option<Occurrence> {
    let from = day_start(on.yesterday().ok()?);
    let to = day_start(on.checked_add(jiff::Span::new().days(2)).ok()?);
    series.occurrences(&tz(), &from, &to).into_iter().find(|o| o.original == on)
}
