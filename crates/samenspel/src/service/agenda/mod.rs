//! The agenda and the rota: appointments, activities and shifts, each a
//! series in Europe/Amsterdam; members sign up for shifts, give them back
//! and swap them; open places show as gaps. The people involved in an item
//! hear about changes through the outbox, within their notification settings.

mod items;
mod news;
mod shifts;
mod swaps;

pub use items::*;
use news::*;
pub use shifts::*;
pub use swaps::*;

use super::{Ctx, InCircle, in_circle, what};
use crate::i18n::TIME_ZONE;
use jiff::Zoned;
use jiff::civil::Date;
use samenspel_core::access::act;
use samenspel_core::agenda::{Item, Kind, SignUp, Swap};
use samenspel_core::audit::Operation;
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::recurrence::Occurrence;
use samenspel_core::{Result, Timestamp};
use samenspel_store::access::Can;

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
pub(super) fn slots(items: &[Item], signups: &[SignUp], from: &Zoned, to: &Zoned) -> Vec<Slot> {
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

pub(super) async fn slots_between(
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
    let items = ctx.state.store.agenda_items(&cap, from).await?;
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
    in_circle(&cap, view)
}

/// Open places in shifts over the coming days, for the overview.
pub async fn gaps<A>(ctx: &Ctx<'_>, cap: &Can<A>, days: i64) -> Result<Vec<Slot>> {
    let Some(view) = cap.also::<act::ViewAgenda>() else { return Ok(Vec::new()) };
    let today = crate::i18n::local(&ctx.now).date();
    let items: Vec<Item> =
        ctx.state.store.agenda_items(&view, today).await?.into_iter().filter(|i| i.kind == Kind::Shift).collect();
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let to = today.checked_add(jiff::Span::new().days(days)).unwrap_or(today);
    let now = ctx.now.to_zoned(tz());
    Ok(slots_between(ctx, &view, &items, today, to)
        .await?
        .into_iter()
        .filter(|s| s.open_places() > 0 && s.occurrence.end > now)
        .collect())
}

/// Swaps other members asked me to accept (for the overview: they wait for
/// me), each with its shift's title. None for who may not take shifts.
pub async fn swaps_asked_of_me<A>(ctx: &Ctx<'_>, cap: &Can<A>) -> Result<Vec<(samenspel_core::agenda::Swap, String)>> {
    let (Some(take), Some(view)) = (cap.also::<act::TakeShifts>(), cap.also::<act::ViewAgenda>()) else {
        return Ok(Vec::new());
    };
    let asked: Vec<_> =
        ctx.state.store.open_swaps(&take).await?.into_iter().filter(|s| &s.to == cap.member_id()).collect();
    if asked.is_empty() {
        return Ok(Vec::new());
    }
    // Named whatever their date: a swap may be for a time that has passed.
    let items = ctx.state.store.agenda_items(&view, samenspel_core::recurrence::EARLIEST).await?;
    Ok(asked
        .into_iter()
        .filter_map(|s| {
            let title = items.iter().find(|i| i.id == s.item_id)?.title.clone();
            Some((s, title))
        })
        .collect())
}

/// Open places in shifts over the coming `days`, for the API's gaps list.
pub async fn circle_gaps(ctx: &Ctx<'_>, circle: &CircleId, days: i64) -> Result<Vec<Slot>> {
    let cap = ctx.can::<act::ViewAgenda>(circle, what(Operation::Read, "agenda.view", "circle", circle)).await?;
    gaps(ctx, &cap, days).await
}
