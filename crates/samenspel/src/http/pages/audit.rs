//! "Wie keek mee": who looked at or changed the client's data.

use super::circles::CircleNav;
use super::{Chrome, path_id, render};
use crate::app::AppState;
use crate::http::context::Visitor;
use crate::http::errors::PageError;
use crate::service::audit;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use samenspel_core::audit::AuditRecord;
use samenspel_core::ids::CircleId;
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

pub async fn show(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Query(q): Query<Before>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    let ctx = v.ctx(&state)?;
    let page = audit::circle_trail_page(&ctx, &id, q.before).await?;
    let (records, c, me) = (page.data, page.circle, page.place);
    let older = (records.len() as i64 == audit::PAGE).then(|| records.last().map(|r| r.seq)).flatten();
    render(&AuditPage { c: Chrome::new(&v), nav: CircleNav::new(&c, &me, "audit"), records, older })
}
