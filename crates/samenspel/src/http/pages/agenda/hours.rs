//! Each helper's hours over a period, and who covers what, for whoever set up the rota.

use super::{SlotView, add_days, today};
use crate::http::pages::CircleNav;
use crate::http::pages::PageResult;
use crate::http::pages::{Chrome, CirclePage, render};
use crate::service::agenda;
use askama::Template;
use axum::extract::Query;
use jiff::civil::Date;
use samenspel_store::agenda::Hours;
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct HoursQuery {
    from: Option<String>,
    to: Option<String>,
}

#[derive(Template)]
#[template(path = "rota_hours.html")]
struct HoursPage {
    c: Chrome,
    nav: CircleNav,
    from: String,
    to: String,
    hours: Vec<Hours>,
    /// Who covers what: each occurrence with its people.
    slots: Vec<SlotView>,
}

impl HoursPage {
    pub fn duration(&self, minutes: &u64) -> String {
        format!("{}:{:02}", minutes / 60, minutes % 60)
    }
}

pub async fn hours(p: CirclePage, Query(q): Query<HoursQuery>) -> PageResult {
    let today = today();
    let first = today.first_of_month();
    let from = q.from.as_deref().and_then(|d| d.parse::<Date>().ok()).unwrap_or(first);
    let last = q.to.as_deref().and_then(|d| d.parse::<Date>().ok()).unwrap_or(today.last_of_month());
    let last = last.max(from).min(add_days(from, 366));
    let page = agenda::hours(&p.ctx(), &p.id, from, add_days(last, 1)).await?;
    let c = p.chrome();
    let nav = p.nav(&page, "agenda");
    let (hours, slots) = page.data;
    let me = page.place.member_id.clone();
    let slots = slots.iter().map(|s| SlotView::new(&c.tr, s, &me, &[])).collect();
    render(&HoursPage { nav, from: from.to_string(), to: last.to_string(), hours, slots, c })
}
