//! The logbook as a list: newest first, filtered by kind or "open", or the
//! results of a search, a page at a time.

use super::{Card, cards};
use crate::http::pages::PageResult;
use crate::http::pages::{Chrome, CirclePage, render, urlencode};
use crate::http::pages::{CircleNav, Done};
use crate::service::logbook;
use askama::Template;
use axum::extract::Query;
use samenspel_core::access::CircleAction;
use samenspel_core::logbook::EntryKind;
use samenspel_store::logbook::EntryFilter;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "logbook.html")]
struct LogbookPage {
    c: Chrome,
    nav: CircleNav,
    cards: Vec<Card>,
    /// The filter in use: "", a kind, or "open".
    filter: String,
    q: String,
    searching: bool,
    next: Option<String>,
    can_write: bool,
    notice: Option<&'static str>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TimelineQuery {
    show: String,
    q: String,
    before: Option<String>,
    done: Option<String>,
}

pub async fn timeline(p: CirclePage, Query(q): Query<TimelineQuery>) -> PageResult {
    let before = logbook::parse_cursor(q.before.as_deref())?;
    let filter = EntryFilter {
        kind: EntryKind::parse(&q.show),
        unresolved_only: q.show == "open",
        before,
        ..Default::default()
    };
    let search = Some(q.q.as_str()).filter(|s| !s.trim().is_empty());
    let page = logbook::timeline(&p.ctx(), &p.id, &filter, search).await?;
    let base = format!("{}?show={}", p.at("/logbook"), urlencode(&q.show));
    render(&LogbookPage {
        c: p.chrome(),
        nav: p.nav(&page, "logbook"),
        next: page.data.next.map(|c| format!("{base}&before={}", c.encode())),
        cards: cards(p.v.tr, &p.id, page.data.entries),
        filter: if filter.kind.is_some() || filter.unresolved_only { q.show.clone() } else { String::new() },
        searching: search.is_some(),
        q: q.q,
        can_write: page.place.may(CircleAction::WriteLogbook),
        notice: Done { done: q.done }.notice(),
    })
}
