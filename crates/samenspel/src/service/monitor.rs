//! The samenspelmonitor (issue 14): a location's or an organisation's
//! figures for this month so far and for the kept months before it, and the
//! organisation's locations side by side. Counts only; the store decides who
//! may see which scope (a location's own staff see their location, the
//! organisation's managers see all of it) and every look is audited.

use super::agenda::tz;
use super::{Ctx, what};
use samenspel_core::Result;
use samenspel_core::access::location::lact;
use samenspel_core::access::oact;
use samenspel_core::audit::Operation;
use samenspel_core::ids::{LocationId, OrganisationId};
use samenspel_core::monitor::{Figures, Period};
use samenspel_core::organisation::Location;
use samenspel_store::monitor::MonthFigures;

/// What one monitor page shows.
pub struct Monitor {
    /// The location's or the organisation's name.
    pub name: String,
    /// This month so far: its label ("2026-12"), figures, and when they were counted.
    pub month: String,
    pub now: Figures,
    pub counted_at: samenspel_core::Timestamp,
    /// The kept months before it, oldest first.
    pub trend: Vec<MonthFigures>,
    /// For an organisation: each location this month so far.
    pub locations: Vec<(Location, Figures)>,
}

/// A monitor someone may open: an organisation's or one location's.
pub enum Scope {
    Organisation { id: OrganisationId, name: String },
    Location { id: LocationId, name: String, organisation: OrganisationId },
}

pub async fn location(ctx: &Ctx<'_>, location: &LocationId) -> Result<Monitor> {
    let cap = ctx
        .state
        .store
        .authorize_location::<lact::ViewLocationMonitor>(
            ctx.user,
            location,
            what(Operation::Read, "monitor.location", "location", location),
            ctx.source,
            &ctx.state.audit,
            ctx.now,
        )
        .await?;
    let period = Period::month_so_far(ctx.now, &tz())?;
    let so_far = ctx.state.store.location_monitor(&cap, &period, ctx.now).await?;
    Ok(Monitor {
        name: cap.location_name().to_owned(),
        month: period.label(),
        now: so_far.figures,
        counted_at: so_far.counted_at,
        trend: ctx.state.store.location_trend(&cap).await?,
        locations: Vec::new(),
    })
}

pub async fn organisation(ctx: &Ctx<'_>, org: &OrganisationId) -> Result<Monitor> {
    let cap = ctx
        .state
        .store
        .authorize_org::<oact::ViewOrganisationMonitor>(
            ctx.user,
            org,
            what(Operation::Read, "monitor.organisation", "organisation", org),
            ctx.source,
            &ctx.state.audit,
            ctx.now,
        )
        .await?;
    let period = Period::month_so_far(ctx.now, &tz())?;
    let (so_far, locations) = ctx.state.store.organisation_monitor(&cap, &period, ctx.now).await?;
    Ok(Monitor {
        name: ctx.state.store.organisation_name(&cap).await?,
        month: period.label(),
        now: so_far.figures,
        counted_at: so_far.counted_at,
        trend: ctx.state.store.organisation_trend(&cap).await?,
        locations,
    })
}

/// Whether someone with these organisations (and staff roles) and these
/// locations of their own may open any monitor (the way to it on the
/// circles page, which reads both lists anyway).
pub fn any(
    organisations: &[(samenspel_core::organisation::Organisation, Vec<samenspel_core::role::OrgRole>)],
    locations: &[(Location, Vec<samenspel_core::role::LocationRole>)],
) -> bool {
    let manages = organisations.iter().any(|(_, roles)| {
        samenspel_core::access::may_org(
            &samenspel_core::access::OrgStanding::staff(roles),
            samenspel_core::access::OrgAction::ViewOrganisationMonitor,
        )
    });
    manages || !locations.is_empty()
}

/// The monitors I may open: each organisation I manage followed by its
/// locations, then the locations I work for myself.
pub async fn mine(ctx: &Ctx<'_>) -> Result<Vec<Scope>> {
    let mut out = Vec::new();
    for (org, roles) in ctx.state.store.my_organisations(ctx.user).await? {
        let standing = samenspel_core::access::OrgStanding::staff(&roles);
        if !samenspel_core::access::may_org(&standing, samenspel_core::access::OrgAction::ViewOrganisationMonitor) {
            continue;
        }
        let cap = ctx
            .state
            .store
            .authorize_org::<oact::ViewOrganisationMonitor>(
                ctx.user,
                &org.id,
                what(Operation::Read, "organisation.locations", "organisation", &org.id),
                ctx.source,
                &ctx.state.audit,
                ctx.now,
            )
            .await?;
        let locations = ctx.state.store.locations(&cap).await?;
        out.push(Scope::Organisation { id: org.id, name: org.name });
        out.extend(locations.into_iter().map(|l| Scope::Location {
            id: l.id,
            name: l.name,
            organisation: l.organisation_id,
        }));
    }
    for (location, _) in ctx.state.store.my_locations(ctx.user).await? {
        if !out.iter().any(|s| matches!(s, Scope::Location { id, .. } if *id == location.id)) {
            out.push(Scope::Location { id: location.id, name: location.name, organisation: location.organisation_id });
        }
    }
    Ok(out)
}
