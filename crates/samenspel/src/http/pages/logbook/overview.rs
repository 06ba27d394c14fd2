//! The overview of a circle ("de rode draad"): what is new, what is open,
//! thanks, agreements due, changes, signals, gaps in the rota, help asked.

use super::{Card, cards};
use crate::http::pages::PageResult;
use crate::http::pages::agenda::SlotView;
use crate::http::pages::help::RequestView;
use crate::http::pages::{Chrome, CirclePage, render};
use crate::http::pages::{CircleNav, Done};
use crate::service::logbook;
use askama::Template;
use axum::extract::Query;
use samenspel_core::access::CircleAction;
use samenspel_core::logbook::EntryKind;

#[derive(Template)]
#[template(path = "overview.html")]
struct OverviewPage {
    c: Chrome,
    nav: CircleNav,
    unread: i64,
    new: Vec<Card>,
    unresolved: Vec<Card>,
    thanks: Vec<Card>,
    due_agreements: Vec<samenspel_core::agreement::Agreement>,
    changes: Vec<samenspel_core::change::Change>,
    signals: Vec<samenspel_core::carer_signal::Signal>,
    gaps: Vec<SlotView>,
    help: Vec<RequestView>,
    /// The circle's location (id, name), for its rota and open meetings.
    location: Option<(String, String)>,
    may_plan: bool,
    may_take: bool,
    me: samenspel_core::ids::MemberId,
    kinds: [EntryKind; 5],
    can_write: bool,
    notice: Option<&'static str>,
}

pub async fn overview(p: CirclePage, Query(done): Query<Done>) -> PageResult {
    let page = logbook::overview(&p.ctx(), &p.id).await?;
    let c = p.chrome();
    let me = page.place.member_id.clone();
    let gaps = page.data.gaps.iter().map(|s| SlotView::new(&c.tr, s, &me, &[])).collect();
    let manages = page.place.manager || page.place.role.always_manages();
    let help = page.data.help.iter().map(|r| RequestView::new(&c.tr, r, &me, manages)).collect();
    let location = page
        .circle
        .location_id
        .as_ref()
        .map(|l| (l.to_string(), page.circle.location_name.clone().unwrap_or_default()));
    let nav = p.nav(&page, "overview");
    let o = page.data;
    render(&OverviewPage {
        location,
        gaps,
        help,
        may_plan: page.place.may(CircleAction::PlanAgenda),
        may_take: page.place.may(CircleAction::TakeShifts),
        c,
        nav,
        unread: o.unread,
        new: cards(p.v.tr, &p.id, o.new),
        unresolved: cards(p.v.tr, &p.id, o.unresolved),
        thanks: cards(p.v.tr, &p.id, o.thanks),
        due_agreements: o.due_agreements,
        changes: o.changes,
        signals: o.signals,
        me,
        kinds: EntryKind::ALL,
        can_write: page.place.may(CircleAction::WriteLogbook),
        notice: done.notice(),
    })
}
