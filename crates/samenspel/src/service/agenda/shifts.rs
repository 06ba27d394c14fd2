//! Shifts: signing up (with a clash warning), giving back, confirming,
//! asking for cover, and the hours each helper gave.

use super::*;
use crate::service::{Ctx, InCircle, in_circle, what};
use jiff::civil::Date;
use samenspel_core::access::act;
use samenspel_core::agenda::{Item, Kind};
use samenspel_core::audit::Operation;
use samenspel_core::ids::CircleId;
use samenspel_core::{Error, Result};
use samenspel_store::access::Can;
use samenspel_store::agenda::Hours;

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
    let from = on.yesterday().unwrap_or(on);
    let items = ctx.state.store.agenda_items(&view, from).await?;
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
        .agenda_items(&cap, from)
        .await?
        .into_iter()
        .filter(|i| i.kind == Kind::Shift && may_change(&place, &i.created_by))
        .collect();
    let slots = slots_between(ctx, &cap, &shifts, from, to).await?;
    let occurrences: Vec<(String, Date, u32)> =
        slots.iter().map(|s| (s.item.id.clone(), s.occurrence.original, s.minutes())).collect();
    let last = to.yesterday().unwrap_or(to);
    let hours = ctx.state.store.rota_hours(&cap, &occurrences, from, last).await?;
    in_circle(&cap, (hours, slots))
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
