//! A location's own agenda: its volunteer rota and its open meetings, seen
//! and joined by everyone in the location's circles and planned by the
//! organisation's coordinators. Each request decides through
//! [`authorize_location`] and leaves an audit record.

use super::agenda::{day_start, tz};
use super::{Ctx, what};
use samenspel_core::access::location::lact;
use samenspel_core::agenda::{ItemInput, Kind};
use samenspel_core::audit::Operation;
use samenspel_core::ids::{LocationId, UserId};
use samenspel_core::recurrence::Occurrence;
use samenspel_core::{Error, Result};
use samenspel_store::access::LocationCan;
use samenspel_store::location_agenda::{Joined, LocationItem};

/// How far the location's agenda looks ahead.
pub const AHEAD_DAYS: i64 = 28;

async fn can<A: lact::LocationActionMarker>(
    ctx: &Ctx<'_>,
    location: &LocationId,
    what: samenspel_core::audit::What,
) -> Result<LocationCan<A>> {
    ctx.state.store.authorize_location::<A>(ctx.user, location, what, ctx.source, &ctx.state.audit, ctx.now).await
}

/// One occurrence with the people in it.
#[derive(Clone, Debug)]
pub struct LocationSlot {
    pub item: LocationItem,
    pub occurrence: Occurrence,
    pub people: Vec<Joined>,
}

impl LocationSlot {
    pub fn open_places(&self) -> u32 {
        self.item.places.saturating_sub(self.people.len() as u32)
    }
    pub fn joined(&self, user: &UserId) -> bool {
        self.people.iter().any(|p| &p.user_id == user)
    }
}

pub struct LocationView {
    pub name: String,
    pub slots: Vec<LocationSlot>,
    pub may_plan: bool,
    pub may_join: bool,
    pub me: UserId,
}

pub async fn agenda(ctx: &Ctx<'_>, location: &LocationId) -> Result<LocationView> {
    let cap =
        can::<lact::ViewLocationAgenda>(ctx, location, what(Operation::Read, "location.agenda", "location", location))
            .await?;
    let items = ctx.state.store.location_items(&cap).await?;
    let today = crate::i18n::local(&ctx.now).date();
    let to = today.checked_add(jiff::Span::new().days(AHEAD_DAYS)).unwrap_or(today);
    let joined = ctx.state.store.location_joined(&cap, today, to).await?;
    let now = ctx.now.to_zoned(tz());
    let mut slots: Vec<LocationSlot> = items
        .iter()
        .flat_map(|item| {
            let joined = &joined;
            item.series.occurrences(&tz(), &day_start(today), &day_start(to)).into_iter().map(move |o| LocationSlot {
                people: joined.iter().filter(|j| j.item_id == item.id && j.on == o.original).cloned().collect(),
                item: item.clone(),
                occurrence: o,
            })
        })
        .filter(|s| s.occurrence.end > now)
        .collect();
    slots.sort_by(|a, b| a.occurrence.start.cmp(&b.occurrence.start));
    Ok(LocationView {
        may_plan: cap.also::<lact::PlanLocationAgenda>().is_some(),
        may_join: cap.also::<lact::JoinLocationAgenda>().is_some(),
        me: cap.user_id().clone(),
        name: cap.location_name().to_owned(),
        slots,
    })
}

/// The location's name, for the form (planners only).
pub async fn form(ctx: &Ctx<'_>, location: &LocationId) -> Result<String> {
    let cap =
        can::<lact::PlanLocationAgenda>(ctx, location, what(Operation::Read, "location.form", "location", location))
            .await?;
    Ok(cap.location_name().to_owned())
}

/// Adds a rota shift (`kind` shift) or an open meeting (`kind` activity),
/// each with a limit of places.
pub async fn add(ctx: &Ctx<'_>, location: &LocationId, input: &ItemInput) -> Result<String> {
    // Who asks is decided (and audited) before what they send is read.
    let cap =
        can::<lact::PlanLocationAgenda>(ctx, location, what(Operation::Create, "location.add", "location", location))
            .await?;
    if !matches!(Kind::parse(input.kind.trim()), Some(Kind::Shift | Kind::Activity)) {
        return Err(Error::field("kind", "location-kind-invalid"));
    }
    // Meetings have a limit of places too: read it as a shift's.
    let mut new = ItemInput { kind: "shift".into(), ..input.clone() }.parse()?;
    new.kind = Kind::parse(input.kind.trim()).unwrap_or(Kind::Shift);
    new.along.clear();
    ctx.state.store.add_location_item(&cap, &new, ctx.now).await
}

async fn occurrence(
    ctx: &Ctx<'_>,
    cap: &LocationCan<lact::JoinLocationAgenda>,
    id: &str,
    on: &str,
) -> Result<(LocationItem, jiff::civil::Date)> {
    let view = cap.also::<lact::ViewLocationAgenda>().ok_or(Error::Forbidden)?;
    let item = ctx.state.store.location_items(&view).await?.into_iter().find(|i| i.id == id).ok_or(Error::NotFound)?;
    let on = on.parse::<jiff::civil::Date>().map_err(|_| Error::NotFound)?;
    let next = on.tomorrow().map_err(|_| Error::NotFound)?;
    let o = item
        .series
        .occurrences(&tz(), &day_start(on), &day_start(next))
        .into_iter()
        .find(|o| o.original == on)
        .ok_or(Error::NotFound)?;
    if o.end.timestamp() <= ctx.now {
        return Err(Error::Conflict("shift-over"));
    }
    Ok((item, on))
}

pub async fn join(ctx: &Ctx<'_>, location: &LocationId, id: &str, on: &str) -> Result<()> {
    let cap =
        can::<lact::JoinLocationAgenda>(ctx, location, what(Operation::Create, "location.join", "location_item", id))
            .await?;
    let (item, on) = occurrence(ctx, &cap, id, on).await?;
    ctx.state.store.join_location_item(&cap, &item.id, on, ctx.now).await
}

pub async fn leave(ctx: &Ctx<'_>, location: &LocationId, id: &str, on: &str) -> Result<()> {
    let cap =
        can::<lact::JoinLocationAgenda>(ctx, location, what(Operation::Delete, "location.leave", "location_item", id))
            .await?;
    let (item, on) = occurrence(ctx, &cap, id, on).await?;
    ctx.state.store.leave_location_item(&cap, &item.id, on).await
}
