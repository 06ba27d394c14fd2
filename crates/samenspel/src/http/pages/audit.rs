//! "Wie keek mee": who looked at or changed the client's data.

use super::CircleNav;
use super::{Chrome, CirclePage, render};
use crate::http::pages::PageResult;
use crate::service::audit;
use askama::Template;
use axum::extract::Query;
use samenspel_core::audit::AuditRecord;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    c: Chrome,
    nav: CircleNav,
    records: Vec<AuditRecord>,
    /// Link to older records, when there are more.
    older: Option<i64>,
}

#[derive(Deserialize, Default)]
pub struct Before {
    before: Option<i64>,
}

pub async fn show(p: CirclePage, Query(q): Query<Before>) -> PageResult {
    let ctx = p.ctx();
    let page = audit::circle_trail_page(&ctx, &p.id, q.before).await?;
    let (records, c, me) = (page.data, page.circle, page.place);
    let older = (records.len() as i64 == audit::PAGE).then(|| records.last().map(|r| r.seq)).flatten();
    render(&AuditPage { c: p.chrome(), nav: CircleNav::new(&c, &me, "audit"), records, older })
}
