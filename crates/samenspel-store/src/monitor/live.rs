//! This month so far. A scope of up to [`LIVE_CIRCLES`] circles is counted
//! on every look (a few milliseconds). A larger one — an organisation of
//! thousands of circles takes a couple of hundred milliseconds to count — is
//! counted at most every [`LIVE_MINUTES`] minutes: by the worker, which keeps
//! it fresh, or by the look that finds the last count too old. The page says
//! when it was counted.

use super::{Scope, counts::Counted};
use crate::db::{Store, ms, ts};
use crate::sql::args;
use samenspel_core::ids::OrganisationId;
use samenspel_core::monitor::{Figures, Period};
use samenspel_core::{Error, Result, Timestamp};

/// Up to this many circles, a scope is counted on every look.
pub const LIVE_CIRCLES: i64 = 250;
/// How old a count of a larger scope may be before it is counted again.
pub const LIVE_MINUTES: i64 = 10;

fn json(figures: &Figures) -> Result<String> {
    serde_json::to_string(figures).map_err(|e| Error::internal(format!("monitor figures: {e}")))
}

fn parse(scope: &str, text: &str) -> Result<Figures> {
    serde_json::from_str(text).map_err(|e| Error::internal(format!("monitor figures of {scope}: {e}")))
}

impl Store {
    /// The scope's figures for `period` (this month so far) and when they were counted.
    pub(super) async fn so_far(
        &self,
        scope: Scope<'_>,
        org: &OrganisationId,
        period: &Period,
        now: Timestamp,
    ) -> Result<(Counted, Timestamp)> {
        let circles: i64 =
            self.one(&format!("SELECT COUNT(*) FROM circles c WHERE {}", scope.condition()), args![scope.id()]).await?;
        if circles > LIVE_CIRCLES {
            if let Some(kept) = self.recent_count(scope, period, now).await? {
                return Ok(kept);
            }
            let counted = self.count_figures(scope, period).await?;
            self.keep_live(scope, org, period, &counted, now).await?;
            return Ok((counted, now));
        }
        Ok((self.count_figures(scope, period).await?, now))
    }

    /// The last count of the scope this month, when it is recent enough.
    async fn recent_count(
        &self,
        scope: Scope<'_>,
        period: &Period,
        now: Timestamp,
    ) -> Result<Option<(Counted, Timestamp)>> {
        let since = ms(now) - LIVE_MINUTES * 60_000;
        let month = period.label();
        let own: Option<(String, i64)> = self
            .opt(
                "SELECT figures, computed_at FROM monitor_live WHERE scope_id = $1 AND month = $2 AND computed_at >= $3",
                args![scope.id(), month.as_str(), since],
            )
            .await?;
        let Some((figures, at)) = own else { return Ok(None) };
        let mut by_location = std::collections::BTreeMap::new();
        if let Scope::Organisation(org) = scope {
            // Each location's count as recent as the organisation's; without
            // one for every location, the organisation is counted again.
            let rows: Vec<(String, Option<String>)> = self
                .all(
                    "SELECT l.id, v.figures FROM locations l LEFT JOIN monitor_live v ON v.scope_id = l.id \
                     AND v.month = $2 AND v.computed_at >= $3 WHERE l.organisation_id = $1",
                    args![org.as_str(), month.as_str(), since],
                )
                .await?;
            for (location, text) in rows {
                let Some(text) = text else { return Ok(None) };
                let figures = parse(&location, &text)?;
                by_location.insert(Some(location), figures);
            }
        }
        Ok(Some((Counted { total: parse(scope.id(), &figures)?, by_location }, ts(at))))
    }

    /// Keeps a count of this month so far: the scope's own, and for an
    /// organisation each of its locations' (counted in the same pass).
    async fn keep_live(
        &self,
        scope: Scope<'_>,
        org: &OrganisationId,
        period: &Period,
        counted: &Counted,
        now: Timestamp,
    ) -> Result<()> {
        let mut rows = vec![(scope.id().to_owned(), json(&counted.total)?)];
        if let Scope::Organisation(_) = scope {
            let locations: Vec<String> =
                self.all("SELECT id FROM locations WHERE organisation_id = $1", args![org.as_str()]).await?;
            for l in locations {
                let figures = counted.by_location.get(&Some(l.clone())).cloned().unwrap_or_default();
                rows.push((l, json(&figures)?));
            }
        }
        let mut tx = self.begin().await?;
        for (scope_id, figures) in rows {
            tx.exec(
                "INSERT INTO monitor_live (scope_id, organisation_id, month, figures, computed_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (scope_id) DO UPDATE SET organisation_id = excluded.organisation_id, \
                 month = excluded.month, figures = excluded.figures, computed_at = excluded.computed_at",
                args![scope_id.as_str(), org.as_str(), period.label().as_str(), figures.as_str(), ms(now)],
            )
            .await?;
        }
        tx.commit().await
    }

    /// Counts again every large organisation whose count of this month is
    /// older than half of [`LIVE_MINUTES`] (the worker, every minute), so a
    /// look rarely has to wait for a count. The number counted.
    pub(super) async fn refresh_live(&self, period: &Period, now: Timestamp) -> Result<usize> {
        let since = ms(now) - LIVE_MINUTES * 30_000;
        let due: Vec<String> = self
            .all(
                "SELECT c.organisation_id FROM circles c WHERE c.organisation_id IS NOT NULL \
                 GROUP BY c.organisation_id HAVING COUNT(*) > $1 AND NOT EXISTS (SELECT 1 FROM monitor_live v \
                 WHERE v.scope_id = c.organisation_id AND v.month = $2 AND v.computed_at >= $3)",
                args![LIVE_CIRCLES, period.label().as_str(), since],
            )
            .await?;
        for org in &due {
            let org = OrganisationId::from_db(org.clone());
            let counted = self.count_figures(Scope::Organisation(&org), period).await?;
            self.keep_live(Scope::Organisation(&org), &org, period, &counted, now).await?;
        }
        Ok(due.len())
    }
}
