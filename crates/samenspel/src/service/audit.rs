//! The audit view: who looked at or changed the client's data (NEN 7513),
//! filtered by period and person, on a page, through the API and as a CSV
//! export.

use super::agenda::day_start;
use super::{Ctx, InCircle, in_circle, what};
use samenspel_core::access::act;
use samenspel_core::audit::{AuditFilter, AuditRecord, Operation};
use samenspel_core::ids::{CircleId, UserId};
use samenspel_core::role::Role;
use samenspel_core::{Error, FieldError, Result};

pub const PAGE: i64 = 100;

/// At most this many records in one export: a longer trail is exported a
/// period at a time (the person is told so), which keeps the server's memory
/// bounded.
pub const EXPORT_MAX: i64 = 50_000;

/// The records fetched from the store per round while exporting.
const EXPORT_BATCH: i64 = 2_000;

/// Who can appear in the trail as a member: id, name and role.
pub type People = Vec<(UserId, String, Role)>;

/// The filter as typed: days as `YYYY-MM-DD` ("van" and "tot en met") and a
/// person's user id, each empty for "all".
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct FilterInput {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub until: String,
    #[serde(default)]
    pub who: String,
}

impl FilterInput {
    /// The filter, or the fields that are wrong. `until` is the last day
    /// included.
    pub fn parse(&self) -> Result<AuditFilter> {
        let mut errors = Vec::new();
        let day = |field: &'static str, raw: &str, errors: &mut Vec<FieldError>| {
            let raw = raw.trim();
            if raw.is_empty() {
                return None;
            }
            match raw.parse::<jiff::civil::Date>() {
                Ok(d) => Some(d),
                Err(_) => {
                    errors.push(FieldError::new(field, "date-invalid"));
                    None
                }
            }
        };
        let from = day("from", &self.from, &mut errors);
        let until = day("until", &self.until, &mut errors);
        if let (Some(f), Some(u)) = (from, until)
            && u < f
        {
            errors.push(FieldError::new("until", "audit-period-backwards"));
        }
        if !errors.is_empty() {
            return Err(Error::Validation(errors));
        }
        let who = self.who.trim();
        Ok(AuditFilter {
            from: from.map(|d| day_start(d).timestamp()),
            until: until.and_then(|d| d.tomorrow().ok()).map(|d| day_start(d).timestamp()),
            actor: (!who.is_empty()).then(|| UserId::from_db(who.to_owned())),
        })
    }

    /// The query string that repeats this filter (for "older" links and the export).
    pub fn query(&self) -> String {
        serde_urlencoded::to_string([("from", &self.from), ("until", &self.until), ("who", &self.who)])
            .unwrap_or_default()
    }
}

/// A page of the circle's audit trail, newest first, before `before_seq`.
pub async fn circle_trail(
    ctx: &Ctx<'_>,
    circle: &CircleId,
    filter: &AuditFilter,
    before_seq: Option<i64>,
) -> Result<Vec<AuditRecord>> {
    let cap = ctx.can::<act::ViewAuditTrail>(circle, what(Operation::Read, "audit.view", "circle", circle)).await?;
    ctx.state.store.circle_audit(&cap, filter, before_seq, PAGE).await
}

/// The audit page: a page of the trail, the people to filter on, and the circle.
pub async fn circle_trail_page(
    ctx: &Ctx<'_>,
    circle: &CircleId,
    filter: &AuditFilter,
    before_seq: Option<i64>,
) -> Result<InCircle<(Vec<AuditRecord>, People)>> {
    let cap = ctx.can::<act::ViewAuditTrail>(circle, what(Operation::Read, "audit.view", "circle", circle)).await?;
    let records = ctx.state.store.circle_audit(&cap, filter, before_seq, PAGE).await?;
    let people = ctx.state.store.circle_audit_people(&cap).await?;
    in_circle(&cap, (records, people))
}

/// Every record the filter lets through, newest first, for a download; the
/// export itself is recorded in the trail. More than [`EXPORT_MAX`] is
/// refused with a field error on `from`: choose a shorter period.
pub async fn export(ctx: &Ctx<'_>, circle: &CircleId, filter: &AuditFilter) -> Result<(Vec<AuditRecord>, People)> {
    let cap = ctx.can::<act::ViewAuditTrail>(circle, what(Operation::Read, "audit.export", "circle", circle)).await?;
    let store = &ctx.state.store;
    let mut records: Vec<AuditRecord> = Vec::new();
    loop {
        let before = records.last().map(|r| r.seq);
        let batch = store.circle_audit(&cap, filter, before, EXPORT_BATCH).await?;
        let done = (batch.len() as i64) < EXPORT_BATCH;
        records.extend(batch);
        if records.len() as i64 > EXPORT_MAX {
            return Err(Error::field("from", "audit-export-too-large"));
        }
        if done {
            break;
        }
    }
    let people = store.circle_audit_people(&cap).await?;
    Ok((records, people))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(from: &str, until: &str) -> FilterInput {
        FilterInput { from: from.into(), until: until.into(), who: String::new() }
    }

    #[test]
    fn a_period_is_from_the_first_day_through_the_last() {
        let f = input("2026-03-01", "2026-03-31").parse().expect("valid");
        // Dutch winter time: the first day starts at 23:00 UTC the day before.
        assert_eq!(f.from.expect("from").to_string(), "2026-02-28T23:00:00Z");
        // The last day is included: the period ends when 1 April starts (summer time by then).
        assert_eq!(f.until.expect("until").to_string(), "2026-03-31T22:00:00Z");
        assert_eq!(f.actor, None);
        assert_eq!(input("", "").parse().expect("valid"), AuditFilter::default());
    }

    #[test]
    fn wrong_periods_name_their_field() {
        let codes = |i: FilterInput| match i.parse() {
            Err(Error::Validation(f)) => f.into_iter().map(|e| (e.field, e.code)).collect::<Vec<_>>(),
            other => panic!("expected field errors, got {other:?}"),
        };
        assert_eq!(codes(input("gisteren", "")), [("from", "date-invalid")]);
        assert_eq!(codes(input("2026-03-02", "2026-03-01")), [("until", "audit-period-backwards")]);
        // The same day is a period of one day.
        assert!(input("2026-03-02", "2026-03-02").parse().is_ok());
    }
}
