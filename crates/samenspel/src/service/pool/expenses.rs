//! Expense claims: a volunteer claims, a keeper of the pool decides, and the
//! approved claims of a month go to the bookkeeping as CSV.

use super::{org_can, today};
use crate::service::Ctx;
use samenspel_core::access::oact;
use samenspel_core::audit::Operation;
use samenspel_core::ids::OrganisationId;
use samenspel_core::pool::expenses::{Claim, ClaimInput, Status, euros};
use samenspel_core::{Error, Result};
use samenspel_store::pool::expenses::ClaimFilter;

pub async fn submit(ctx: &Ctx<'_>, org: &OrganisationId, input: &ClaimInput) -> Result<String> {
    let cap = org_can::<oact::VolunteerInPool>(ctx, org, "pool.claim", Operation::Create).await?;
    let new = input.parse(today(ctx.now))?;
    ctx.state.store.submit_claim(ctx.user, &cap, &new, ctx.source, ctx.now).await
}

/// A month as "2026-11": its first day and the first of the next.
pub fn month(raw: &str) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
    let (y, m) = raw.trim().split_once('-')?;
    let first = jiff::civil::Date::new(y.parse().ok()?, m.parse().ok()?, 1).ok()?;
    Some((first, first.checked_add(jiff::Span::new().months(1)).ok()?))
}

pub struct ClaimsView {
    pub organisation: String,
    pub claims: Vec<Claim>,
    pub km_cents: i64,
}

/// The pool's claims: by status ("submitted" to decide) and month ("2026-11").
pub async fn list(ctx: &Ctx<'_>, org: &OrganisationId, status: &str, month_raw: &str) -> Result<ClaimsView> {
    let cap = org_can::<oact::KeepPool>(ctx, org, "pool.claims.view", Operation::Read).await?;
    let filter = ClaimFilter { status: Status::parse(status.trim()), between: month(month_raw) };
    let store = &ctx.state.store;
    Ok(ClaimsView {
        organisation: store.organisation_name(&cap).await?,
        claims: store.claims(&cap, filter).await?,
        km_cents: store.pool_rules(&cap).await?.km_cents,
    })
}

pub async fn decide(ctx: &Ctx<'_>, org: &OrganisationId, id: &str, decision: &str) -> Result<()> {
    let cap = org_can::<oact::KeepPool>(ctx, org, "pool.claim.decide", Operation::Update).await?;
    let approve = match decision.trim() {
        "approve" => true,
        "reject" => false,
        _ => return Err(Error::field("decision", "pool-decision-invalid")),
    };
    ctx.state.store.decide_claim(ctx.user, &cap, id.trim(), approve, ctx.source, ctx.now).await
}

/// The approved claims of a month, as rows for the bookkeeping.
pub async fn csv(ctx: &Ctx<'_>, org: &OrganisationId, month_raw: &str) -> Result<(String, Vec<Vec<String>>)> {
    let cap = org_can::<oact::KeepPool>(ctx, org, "pool.claims.export", Operation::Read).await?;
    let between = month(month_raw).ok_or(Error::field("month", "pool-month-invalid"))?;
    let filter = ClaimFilter { status: Some(Status::Approved), between: Some(between) };
    let claims = ctx.state.store.claims(&cap, filter).await?;
    let t = |k: &str| ctx.tr.t(k);
    let mut rows = vec![vec![
        t("pool-csv-name"),
        t("pool-csv-date"),
        t("pool-csv-km"),
        t("pool-csv-km-amount"),
        t("pool-csv-costs"),
        t("pool-csv-total"),
        t("pool-csv-description"),
        t("pool-csv-approved-by"),
    ]];
    for c in &claims {
        rows.push(vec![
            c.volunteer_name.clone(),
            c.on_date.to_string(),
            c.km.to_string(),
            euros(c.km_total_cents()),
            euros(c.costs_cents),
            euros(c.total_cents()),
            c.description.clone(),
            c.decided_by_name.clone().unwrap_or_default(),
        ]);
    }
    Ok((format!("declaraties-{}.csv", between.0.strftime("%Y-%m")), rows))
}

pub async fn mine(ctx: &Ctx<'_>, org: &OrganisationId) -> Result<Vec<Claim>> {
    let cap = org_can::<oact::VolunteerInPool>(ctx, org, "pool.claims.mine", Operation::Read).await?;
    ctx.state.store.my_claims(&cap).await
}
