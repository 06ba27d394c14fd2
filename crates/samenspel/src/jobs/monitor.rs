//! The samenspelmonitor's kept months (issue 14): once a month has ended,
//! its figures are kept for every organisation and location, so a trend
//! survives circles that are archived or deleted later.

use crate::app::AppState;
use samenspel_core::Timestamp;
use samenspel_core::monitor::Period;

/// Keeps last month's figures for every organisation and location that has
/// none yet (the background worker, hourly; idempotent).
pub async fn keep_last_monitor_month(state: &AppState, now: Timestamp) -> samenspel_core::Result<usize> {
    let last = Period::month_so_far(now, &crate::service::agenda::tz())?.previous()?;
    state.store.internal().keep_monitor_month(&last, now).await
}

/// Keeps the `months` whole months before `now` (the demo fills a year of
/// history this way; the worker keeps one month at a time).
pub async fn keep_monitor_months(state: &AppState, now: Timestamp, months: usize) -> samenspel_core::Result<usize> {
    let mut period = Period::month_so_far(now, &crate::service::agenda::tz())?;
    let mut kept = 0;
    for _ in 0..months {
        period = period.previous()?;
        kept += state.store.internal().keep_monitor_month(&period, now).await?;
    }
    Ok(kept)
}

/// Counts this month so far again for every large organisation whose last
/// count is getting old, so the monitor page rarely waits for a count.
pub async fn refresh_live_monitors(state: &AppState, now: Timestamp) -> samenspel_core::Result<usize> {
    let period = Period::month_so_far(now, &crate::service::agenda::tz())?;
    state.store.internal().refresh_live_monitors(&period, now).await
}
