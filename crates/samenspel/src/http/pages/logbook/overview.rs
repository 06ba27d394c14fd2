//! The overview of a circle ("de rode draad"). What needs the member comes
//! first ("Voor jou": an answer to my question, a swap asked of me, shifts
//! I could take, help I could give), then what is new for them; the rest
//! (open questions, changes, agreements to review, thanks) is folded, each
//! with its count, so the page stays short on a phone.

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
use samenspel_core::logbook::{Entry, EntryKind, Status};

/// An answered question or concern of mine: it waits for me to close it.
fn answered_mine(e: &Entry, me: &samenspel_core::ids::MemberId) -> bool {
    e.status == Status::Answered && &e.author.member_id == me
}

#[derive(Template)]
#[template(path = "overview.html")]
struct OverviewPage {
    c: Chrome,
    nav: CircleNav,
    unread: i64,
    new: Vec<Card>,
    /// Questions and concerns nobody answered yet.
    open: Vec<Card>,
    /// My questions that have an answer: mine to close.
    answered: Vec<Card>,
    swaps: Vec<SwapView>,
    thanks: Vec<Card>,
    due_agreements: Vec<samenspel_core::agreement::Agreement>,
    changes: Vec<samenspel_core::change::Change>,
    signals: Vec<samenspel_core::carer_signal::Signal>,
    /// Every signal shown is my own (or there are none): a line instead of a card.
    only_own_signals: bool,
    gaps: Vec<SlotView>,
    help: Vec<RequestView>,
    /// Some help request waits for me.
    help_waits: bool,
    /// The circle's location (id, name), for its rota and open meetings.
    location: Option<(String, String)>,
    may_plan: bool,
    may_take: bool,
    me: samenspel_core::ids::MemberId,
    kinds: [EntryKind; 5],
    can_write: bool,
    notice: Option<&'static str>,
}

/// How many new messages the overview shows.
const NEW_SHOWN: usize = 3;

/// A swap asked of me, as the overview shows it.
pub struct SwapView {
    from_name: String,
    title: String,
    day: String,
    link: String,
}

pub async fn overview(p: CirclePage, Query(done): Query<Done>) -> PageResult {
    let page = logbook::overview(&p.ctx(), &p.id).await?;
    let c = p.chrome();
    let me = page.place.member_id.clone();
    let gaps = page.data.gaps.iter().map(|s| SlotView::new(&c.tr, s, &me, &[])).collect();
    let manages = page.place.manager || page.place.role.always_manages();
    let help: Vec<RequestView> = page.data.help.iter().map(|r| RequestView::new(&c.tr, r, &me, manages)).collect();
    let help_waits = help.iter().any(RequestView::waits_for_me);
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
        help_waits,
        may_plan: page.place.may(CircleAction::PlanAgenda),
        may_take: page.place.may(CircleAction::TakeShifts),
        c,
        nav,
        unread: o.unread,
        // Three, so that what else waits stays in sight on a phone; the
        // link under them opens the rest.
        new: cards(p.v.tr, &p.id, o.new.into_iter().take(NEW_SHOWN).collect()),
        swaps: o
            .swaps
            .iter()
            .map(|(s, title)| SwapView {
                from_name: s.from_name.clone(),
                title: title.clone(),
                day: p.v.tr.day(&s.on),
                link: p.at(&format!("/agenda/{}#on-{}", s.item_id, s.on)),
            })
            .collect(),
        answered: cards(p.v.tr, &p.id, o.unresolved.iter().filter(|e| answered_mine(e, &me)).cloned().collect()),
        open: cards(p.v.tr, &p.id, o.unresolved.into_iter().filter(|e| e.status == Status::Open).collect()),
        thanks: cards(p.v.tr, &p.id, o.thanks),
        due_agreements: o.due_agreements,
        changes: o.changes,
        only_own_signals: o.signals.iter().all(|s| s.member_id == me),
        signals: o.signals,
        me,
        kinds: EntryKind::ALL,
        can_write: page.place.may(CircleAction::WriteLogbook),
        notice: done.notice(),
    })
}
