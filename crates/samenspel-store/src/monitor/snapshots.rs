//! The kept months: one row of figures per scope and month, written once.

use super::{MonthFigures, Scope};
use crate::db::{Store, ms};
use crate::sql::args;
use samenspel_core::ids::{LocationId, OrganisationId};
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

    /// Keeps `period` for every organisation and location without it.
    pub(super) async fn keep_month(&self, period: &Period, now: Timestamp) -> Result<usize> {
        let month = period.label();
        let missing: Vec<(String, Option<String>)> = self
            .all(
                "SELECT o.id, NULL FROM organisations o WHERE NOT EXISTS \
                 (SELECT 1 FROM monitor_snapshots s WHERE s.scope_id = o.id AND s.month = $1) \
                 UNION ALL SELECT l.organisation_id, l.id FROM locations l WHERE NOT EXISTS \
                 (SELECT 1 FROM monitor_snapshots s WHERE s.scope_id = l.id AND s.month = $1)",
                args![month.as_str()],
            )
            .await?;
        let mut kept = 0;
        for (org, location) in missing {
            let org = OrganisationId::from_db(org);
            let (scope_id, figures) = match location {
                Some(l) => {
                    let l = LocationId::from_db(l);
                    let figures = self.count_figures(Scope::Location(&l), period).await?;
                    (l.to_string(), figures)
                }
                None => (org.to_string(), self.count_figures(Scope::Organisation(&org), period).await?),
            };
            let json = serde_json::to_string(&figures).map_err(|e| Error::internal(format!("monitor figures: {e}")))?;
            kept += self
                .exec(
                    "INSERT INTO monitor_snapshots (organisation_id, scope_id, month, figures, computed_at) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (scope_id, month) DO NOTHING",
                    args![org.as_str(), scope_id.as_str(), month.as_str(), json.as_str(), ms(now)],
                )
                .await? as usize;
        }
        Ok(kept)
    }
}
