//! The samenspelmonitor's counts (issue 14). Every read here counts rows of
//! a location's or an organisation's circles and returns numbers only: no
//! name, no text, no id of anything inside a circle leaves this module.
//! The capability says which scope may be counted; a location's staff get a
//! [`LocationCan`] for their own location only, and the organisation's
//! managers an [`OrgCan`].

mod counts;
mod live;
mod snapshots;

pub use live::{LIVE_CIRCLES, LIVE_MINUTES};

use crate::access::{LocationCan, OrgCan};
use crate::db::Store;
use samenspel_core::access::location::lact;
use samenspel_core::access::oact;
use samenspel_core::ids::{LocationId, OrganisationId};
use samenspel_core::monitor::{Figures, Period};
use samenspel_core::organisation::Location;
use samenspel_core::{Result, Timestamp};

/// What is counted: the circles of one location, or of a whole organisation
/// (its locations, and its circles without a location).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Scope<'a> {
    Location(&'a LocationId),
    Organisation(&'a OrganisationId),
}

impl Scope<'_> {
    /// The condition on `circles c` for this scope, with the id as `$1`.
    fn condition(&self) -> &'static str {
        match self {
            Scope::Location(_) => "c.location_id = $1",
            Scope::Organisation(_) => "c.organisation_id = $1",
        }
    }

    fn id(&self) -> &str {
        match self {
            Scope::Location(l) => l.as_str(),
            Scope::Organisation(o) => o.as_str(),
        }
    }
}

/// This month so far, and when it was counted.
#[derive(Clone, Debug)]
pub struct SoFar {
    pub figures: Figures,
    pub counted_at: Timestamp,
}

/// One month of the trend: its label ("2026-11") and its figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthFigures {
    pub month: String,
    pub figures: Figures,
}

impl Store {
    /// A location's figures for this month so far (`period` ends `now`).
    pub async fn location_monitor(
        &self,
        cap: &LocationCan<lact::ViewLocationMonitor>,
        period: &Period,
        now: Timestamp,
    ) -> Result<SoFar> {
        let org = cap.organisation_id().ok_or(samenspel_core::Error::NotFound)?;
        let (counted, counted_at) = self.so_far(Scope::Location(cap.location_id()), org, period, now).await?;
        Ok(SoFar { figures: counted.total, counted_at })
    }

    /// The whole organisation's figures for this month so far, and each
    /// location's side by side (counted in one pass), for its managers.
    pub async fn organisation_monitor(
        &self,
        cap: &OrgCan<oact::ViewOrganisationMonitor>,
        period: &Period,
        now: Timestamp,
    ) -> Result<(SoFar, Vec<(Location, Figures)>)> {
        let org = cap.organisation_id();
        let (mut counted, counted_at) = self.so_far(Scope::Organisation(org), org, period, now).await?;
        let locations = self
            .locations(cap)
            .await?
            .into_iter()
            .map(|l| {
                let figures = counted.by_location.remove(&Some(l.id.to_string())).unwrap_or_default();
                (l, figures)
            })
            .collect();
        Ok((SoFar { figures: counted.total, counted_at }, locations))
    }

    /// The kept months of a location, oldest first.
    pub async fn location_trend(&self, cap: &LocationCan<lact::ViewLocationMonitor>) -> Result<Vec<MonthFigures>> {
        self.snapshots(cap.location_id().as_str()).await
    }

    /// The kept months of the organisation as a whole, oldest first.
    pub async fn organisation_trend(&self, cap: &OrgCan<oact::ViewOrganisationMonitor>) -> Result<Vec<MonthFigures>> {
        self.snapshots(cap.organisation_id().as_str()).await
    }
}

impl crate::Internal<'_> {
    /// Keeps the figures of `period` (a whole month) for every organisation
    /// and every location that has none for it yet; the number kept. Safe
    /// to run from several instances at once: a month is kept once.
    pub async fn keep_monitor_month(&self, period: &Period, now: Timestamp) -> Result<usize> {
        self.keep_month(period, now).await
    }

    /// Counts this month again for every large organisation whose last count
    /// is getting old (the worker, every minute); the number counted.
    pub async fn refresh_live_monitors(&self, period: &Period, now: Timestamp) -> Result<usize> {
        self.refresh_live(period, now).await
    }

    /// The figures of a scope, read without a capability: for the job that
    /// keeps the months, and for tests that count by hand beside it.
    pub async fn location_figures(&self, location: &LocationId, period: &Period) -> Result<Figures> {
        Ok(self.count_figures(Scope::Location(location), period).await?.total)
    }

    pub async fn organisation_figures(&self, org: &OrganisationId, period: &Period) -> Result<Figures> {
        Ok(self.count_figures(Scope::Organisation(org), period).await?.total)
    }
}
