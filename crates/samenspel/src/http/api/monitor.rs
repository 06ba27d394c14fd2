//! The samenspelmonitor over the API, for the organisation's own reporting
//! and rostering tools: the same figures as the pages, with the same
//! suppression of small numbers, by key. A location's own staff read their
//! location; the organisation's managers read the organisation and every
//! location in it. Anyone else gets 404 (403 for a member of a circle there).

use super::{Api, id};
use crate::http::errors::{ApiResult, ErrorBody};
use crate::service::monitor::{self as service, Monitor};
use axum::Json;
use axum::extract::Path;
use samenspel_core::ids::{LocationId, OrganisationId};
use samenspel_core::monitor::{Figures, Shown, Unit, rows};
use serde::Serialize;
use utoipa::ToSchema;

/// One figure.
#[derive(Serialize, ToSchema)]
pub struct FigureDto {
    /// The figure's key, the same as the CSV's column (e.g. `help-answered-share`).
    pub key: String,
    /// count, percent (0–100), tenths (22 is 2.2), hours or days.
    pub unit: String,
    /// exact; fewer_than_five (a count of 1 to 4); too_few (a share or
    /// median over fewer than 5 circles, people or events); none (nothing to count).
    pub shown: String,
    /// The number, only when `shown` is exact.
    pub value: Option<i64>,
}

/// One month's figures.
#[derive(Serialize, ToSchema)]
pub struct MonthDto {
    /// YYYY-MM.
    pub month: String,
    pub figures: Vec<FigureDto>,
}

/// One location's figures this month so far.
#[derive(Serialize, ToSchema)]
pub struct LocationFiguresDto {
    pub location_id: String,
    pub name: String,
    pub figures: Vec<FigureDto>,
}

/// A monitor: this month so far, the kept months before it (oldest first)
/// and, for an organisation, each location this month.
#[derive(Serialize, ToSchema)]
pub struct MonitorDto {
    pub name: String,
    pub now: MonthDto,
    /// When this month so far was counted (RFC 3339): a large organisation
    /// is counted at most every few minutes.
    pub counted_at: String,
    pub trend: Vec<MonthDto>,
    pub locations: Vec<LocationFiguresDto>,
}

fn figures(f: &Figures) -> Vec<FigureDto> {
    rows(f)
        .into_iter()
        .map(|r| {
            let unit = match r.unit {
                Unit::Count => "count",
                Unit::Percent => "percent",
                Unit::Tenths => "tenths",
                Unit::Hours => "hours",
                Unit::Days => "days",
            };
            let (shown, value) = match r.value {
                Shown::Exact(v) => ("exact", Some(v)),
                Shown::FewerThanFive => ("fewer_than_five", None),
                Shown::TooFew => ("too_few", None),
                Shown::None => ("none", None),
            };
            FigureDto { key: r.key.into(), unit: unit.into(), shown: shown.into(), value }
        })
        .collect()
}

fn dto(m: Monitor) -> MonitorDto {
    MonitorDto {
        now: MonthDto { month: m.month.clone(), figures: figures(&m.now) },
        counted_at: m.counted_at.to_string(),
        trend: m.trend.iter().map(|t| MonthDto { month: t.month.clone(), figures: figures(&t.figures) }).collect(),
        locations: m
            .locations
            .iter()
            .map(|(l, f)| LocationFiguresDto {
                location_id: l.id.to_string(),
                name: l.name.clone(),
                figures: figures(f),
            })
            .collect(),
        name: m.name,
    }
}

#[utoipa::path(get, path = "/locations/{location_id}/monitor", tag = "monitor", params(("location_id" = String, Path)),
    responses((status = 200, body = MonitorDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn location(api: Api, Path(location_id): Path<String>) -> ApiResult<Json<MonitorDto>> {
    let location = id(&location_id, LocationId::parse)?;
    Ok(Json(dto(service::location(&api.ctx(), &location).await?)))
}

#[utoipa::path(get, path = "/organisations/{organisation_id}/monitor", tag = "monitor",
    params(("organisation_id" = String, Path)),
    responses((status = 200, body = MonitorDto), (status = 404, body = ErrorBody)))]
pub async fn organisation(api: Api, Path(organisation_id): Path<String>) -> ApiResult<Json<MonitorDto>> {
    let org = id(&organisation_id, OrganisationId::parse)?;
    Ok(Json(dto(service::organisation(&api.ctx(), &org).await?)))
}
