//! Expense claims for the pool's keepers: to decide (approve or refuse,
//! never one's own), by month, and the approved ones of a month as CSV.

use crate::http::csv;
use crate::http::pages::monitor::OrganisationPage;
use crate::http::pages::{Chrome, Form, Object, PageResult, render, see_other};
use crate::service::pool::expenses as service;
use askama::Template;
use axum::extract::Query;
use samenspel_core::pool::expenses::{Claim, Status, euros};

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct ClaimsQuery {
    status: String,
    month: String,
    done: Option<String>,
}

pub struct ClaimRow {
    pub claim: Claim,
    pub km: String,
    pub costs: String,
    pub total: String,
    pub status: String,
    pub open: bool,
}

#[derive(Template)]
#[template(path = "pool_claims.html")]
struct ClaimsPage {
    c: Chrome,
    org: String,
    organisation: String,
    rows: Vec<ClaimRow>,
    status: String,
    month: String,
    total: String,
    statuses: Vec<(String, String)>,
    notice: Option<&'static str>,
}

pub fn row(tr: &crate::i18n::Tr, claim: Claim) -> ClaimRow {
    ClaimRow {
        km: if claim.km > 0 { format!("{} km × € {}", claim.km, euros(claim.km_cents)) } else { String::new() },
        costs: euros(claim.costs_cents),
        total: euros(claim.total_cents()),
        status: tr.t(&format!("pool-claim-{}", claim.status.as_str())),
        open: claim.status == Status::Submitted,
        claim,
    }
}

pub async fn list(p: OrganisationPage, Query(q): Query<ClaimsQuery>) -> PageResult {
    // Without a choice: what waits for a decision.
    let status = if q.status.is_empty() && q.month.is_empty() { "submitted".to_owned() } else { q.status.clone() };
    let view = service::list(&p.ctx(), &p.id, &status, &q.month).await?;
    let c = p.chrome();
    let total = euros(view.claims.iter().map(Claim::total_cents).sum());
    let rows = view.claims.into_iter().map(|cl| row(&c.tr, cl)).collect();
    let statuses =
        Status::ALL.iter().map(|s| (s.as_str().to_owned(), c.tr.t(&format!("pool-claim-{}", s.as_str())))).collect();
    let notice = crate::http::pages::Done { done: q.done }.notice();
    render(&ClaimsPage {
        org: p.id.to_string(),
        organisation: view.organisation,
        rows,
        status,
        month: q.month,
        total,
        statuses,
        notice,
        c,
    })
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct Decision {
    decision: String,
}

pub async fn decide(p: OrganisationPage, Object(id): Object, Form(f): Form<Decision>) -> PageResult {
    service::decide(&p.ctx(), &p.id, &id, &f.decision).await?;
    let done = if f.decision == "approve" { "pool-claim-approved-notice" } else { "pool-claim-rejected-notice" };
    Ok(see_other(&format!("/organisations/{}/expenses?done={done}", p.id)))
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct MonthQuery {
    month: String,
}

pub async fn csv(p: OrganisationPage, Query(q): Query<MonthQuery>) -> PageResult {
    let (name, rows) = service::csv(&p.ctx(), &p.id, &q.month).await?;
    let mut rows = rows.into_iter();
    let header = rows.next().unwrap_or_default();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    Ok(csv::download(&name, csv::to_bytes(&header, rows)))
}
