//! The kept months: one row of figures per scope and month, written once.

use super::{MonthFigures, Scope};
use crate::db::{Store, ms};
use crate::sql::args;
use samenspel_core::ids::OrganisationId;
use samenspel_core::monitor::{Figures, Period};
use samenspel_core::{Error, Result, Timestamp};

/// How many months a trend shows at most (two years).
pub const TREND_MONTHS: i64 = 24;

impl Store {
    pub(super) async fn snapshots(&self, scope_id: &str) -> Result<Vec<MonthFigures>> {
        let rows: Vec<(String, String)> = self
            .all(
                "SELECT month, figures FROM monitor_snapshots WHERE scope_id = $1 ORDER BY month DESC LIMIT $2",
                args![scope_id, TREND_MONTHS],
            )
            .await?;
        let mut out = rows
            .into_iter()
            .map(|(month, json)| {
                let figures: Figures = serde_json::from_str(&json)
                    .map_err(|e| Error::internal(format!("monitor snapshot {scope_id} {month}: {e}")))?;
                Ok(MonthFigures { month, figures })
            })
            .collect::<Result<Vec<_>>>()?;
        out.reverse();
        Ok(out)
    }

    /// Keeps `period` for every organisation and its locations without it:
    /// one count of the organisation gives its figures and each location's.
    pub(super) async fn keep_month(&self, period: &Period, now: Timestamp) -> Result<usize> {
        let month = period.label();
        let missing: Vec<String> = self
            .all(
                "SELECT o.id FROM organisations o WHERE NOT EXISTS \
                 (SELECT 1 FROM monitor_snapshots s WHERE s.scope_id = o.id AND s.month = $1) \
                 OR EXISTS (SELECT 1 FROM locations l WHERE l.organisation_id = o.id AND NOT EXISTS \
                 (SELECT 1 FROM monitor_snapshots s WHERE s.scope_id = l.id AND s.month = $1))",
                args![month.as_str()],
            )
            .await?;
        let mut kept = 0;
        for org in missing {
            let org = OrganisationId::from_db(org);
            let mut counted = self.count_figures(Scope::Organisation(&org), period).await?;
            let locations: Vec<String> =
                self.all("SELECT id FROM locations WHERE organisation_id = $1", args![org.as_str()]).await?;
            let mut scopes = vec![(org.to_string(), counted.total)];
            for l in locations {
                let figures = counted.by_location.remove(&Some(l.clone())).unwrap_or_default();
                scopes.push((l, figures));
            }
            for (scope_id, figures) in scopes {
                let json =
                    serde_json::to_string(&figures).map_err(|e| Error::internal(format!("monitor figures: {e}")))?;
                kept += self
                    .exec(
                        "INSERT INTO monitor_snapshots (organisation_id, scope_id, month, figures, computed_at) \
                         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (scope_id, month) DO NOTHING",
                        args![org.as_str(), scope_id.as_str(), month.as_str(), json.as_str(), ms(now)],
                    )
                    .await? as usize;
            }
        }
        Ok(kept)
    }
}
