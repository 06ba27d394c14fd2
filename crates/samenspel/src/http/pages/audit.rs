//! "Wie keek mee": who looked at or changed the client's data, filtered by
//! period and person, and downloaded as CSV.

use super::CircleNav;
use super::forms::{Errors, form_errors};
use super::{Chrome, CirclePage, render_with};
use crate::http::csv;
use crate::http::pages::PageResult;
use crate::i18n::Tr;
use crate::service::audit::{self, FilterInput, People};
use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use samenspel_core::audit::{AuditFilter, AuditRecord, Outcome};
use samenspel_core::ids::UserId;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    c: Chrome,
    nav: CircleNav,
    records: Vec<AuditRecord>,
    people: People,
    input: FilterInput,
    errors: Errors,
    /// The filter repeated in links ("older", the download).
    query: String,
    /// Link to older records, when there are more.
    older: Option<i64>,
}

impl AuditPage {
    fn filtered(&self) -> bool {
        !(self.input.from.is_empty() && self.input.until.is_empty() && self.input.who.is_empty())
    }

    /// The role someone had in this circle, when they were a member.
    fn role_of(&self, actor: &Option<UserId>) -> String {
        role_of(&self.c.tr, &self.people, actor)
    }
}

fn role_of(tr: &Tr, people: &People, actor: &Option<UserId>) -> String {
    actor
        .as_ref()
        .and_then(|a| people.iter().find(|(id, _, _)| id == a))
        .map(|(_, _, role)| tr.role(role))
        .unwrap_or_default()
}

#[derive(Deserialize, Default)]
pub struct TrailQuery {
    before: Option<i64>,
    #[serde(default)]
    from: String,
    #[serde(default)]
    until: String,
    #[serde(default)]
    who: String,
}

pub async fn show(p: CirclePage, _: super::SteppedUp, Query(q): Query<TrailQuery>) -> PageResult {
    let input = FilterInput { from: q.from, until: q.until, who: q.who };
    let (filter, errors) = match form_errors(input.parse())? {
        Ok(f) => (f, Errors::default()),
        // The wrong fields are named above the list; the list is unfiltered.
        Err(errors) => (AuditFilter::default(), errors),
    };
    page(p, input, filter, q.before, errors).await
}

async fn page(
    p: CirclePage,
    input: FilterInput,
    filter: AuditFilter,
    before: Option<i64>,
    errors: Errors,
) -> PageResult {
    let ctx = p.ctx();
    let page = audit::circle_trail_page(&ctx, &p.id, &filter, before).await?;
    let ((records, people), c, me) = (page.data, page.circle, page.place);
    let older = (records.len() as i64 == audit::PAGE).then(|| records.last().map(|r| r.seq)).flatten();
    let status = if errors.any() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let query = input.query();
    let page = AuditPage {
        c: p.chrome(),
        nav: CircleNav::new(&c, &me, "audit"),
        records,
        people,
        input,
        errors,
        query,
        older,
    };
    render_with(status, &page)
}

/// The filtered trail as a CSV file; a wrong or too long period shows the page with the reason.
pub async fn export(p: CirclePage, _: super::SteppedUp, Query(input): Query<FilterInput>) -> PageResult {
    let filter = match form_errors(input.parse())? {
        Ok(f) => f,
        Err(errors) => return page(p, input, AuditFilter::default(), None, errors).await,
    };
    let (records, people) = match form_errors(audit::export(&p.ctx(), &p.id, &filter).await)? {
        Ok(r) => r,
        Err(errors) => return page(p, input, filter, None, errors).await,
    };
    let tr = p.chrome().tr;
    let header = ["audit-when", "audit-who", "audit-role", "audit-what", "audit-result", "audit-from", "audit-request"]
        .map(|k| tr.t(k));
    let rows = records.iter().map(|r| {
        let e = &r.event;
        vec![
            crate::i18n::local(&e.at).strftime("%Y-%m-%d %H:%M:%S").to_string(),
            if e.actor_name.is_empty() { tr.t("audit-someone-with-link") } else { e.actor_name.clone() },
            role_of(&tr, &people, &e.actor_user_id),
            tr.audit_action(&e.action),
            tr.t(if e.outcome == Outcome::Allowed { "audit-allowed" } else { "audit-denied" }),
            e.source.ip.clone().unwrap_or_default(),
            e.source.request_id.clone().unwrap_or_default(),
        ]
    });
    let bytes = csv::to_bytes(&header.iter().map(String::as_str).collect::<Vec<_>>(), rows);
    let today = crate::i18n::local(&jiff::Timestamp::now()).date();
    Ok(csv::download(&format!("{}-{today}.csv", tr.t("audit-file-name")), bytes))
}
