//! The agenda and the rota: the coming weeks (or one week, day by day) here;
//! each item's page and its occurrences, the form for an appointment or
//! shift, taking shifts, finding cover, swaps, and the helpers' hours in the
//! modules below.

mod cover;
mod form;
mod hours;
mod items;
mod shifts;
mod swaps;

pub use cover::{decline_cover, find_cover};
pub use form::{ItemForm, edit_form, new_form, remove, save};
pub use hours::hours;
pub use items::{cancel_occurrence, item, move_occurrence, restore_occurrence};
pub use shifts::{confirm, give_back, sign_up};
pub use swaps::{accept_swap, decline_swap, propose_swap, withdraw_swap};

use crate::http::pages::{Chrome, CirclePage, PageResult, render};
use crate::http::pages::{CircleNav, Done};
use crate::i18n::Tr;
use crate::service::agenda::{self, Slot};
use askama::Template;
use axum::extract::Query;
use jiff::civil::Date;
use samenspel_core::agenda::Kind;
use samenspel_core::ids::MemberId;
use serde::Deserialize;
use swaps::{SwapView, swap_views};

fn today() -> Date {
    crate::i18n::local(&jiff::Timestamp::now()).date()
}

fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(jiff::Span::new().days(n)).unwrap_or(d)
}

/// Monday of the week `d` is in.
fn monday(d: Date) -> Date {
    add_days(d, -i64::from(d.weekday().to_monday_zero_offset()))
}

/// One occurrence as a line in the agenda or on an item's page.
pub struct SlotView {
    pub item_id: String,
    pub on: String,
    pub kind: Kind,
    pub title: String,
    pub time: String,
    pub when: String,
    pub place: String,
    pub elsewhere: bool,
    pub moved: bool,
    pub is_shift: bool,
    pub open: u32,
    pub people: Vec<(String, String, bool)>,
    pub along: Vec<String>,
    pub mine: bool,
    pub confirmed: bool,
    /// My other items at the same time (for a clash warning).
    pub clashes: Vec<String>,
    /// The local start time ("19:00"), for the move form.
    pub start_time: String,
    /// The circle is looking for cover for this time.
    pub seeking: bool,
    /// …and asked me.
    pub asked_me: bool,
}

impl SlotView {
    pub(crate) fn new(tr: &Tr, s: &Slot, me: &MemberId, mine: &[Slot]) -> Self {
        let o = &s.occurrence;
        let time = if o.whole_day {
            tr.t("agenda-whole-day")
        } else {
            format!("{}–{}", o.start.strftime("%H:%M"), o.end.strftime("%H:%M"))
        };
        SlotView {
            item_id: s.item.id.clone(),
            on: o.original.to_string(),
            kind: s.item.kind,
            title: s.item.title.clone(),
            time,
            when: tr.occurrence(o),
            place: s.item.place.clone(),
            elsewhere: s.item.elsewhere,
            moved: o.moved,
            is_shift: s.is_shift(),
            open: s.open_places(),
            people: s.people.iter().map(|p| (p.member_id.to_string(), p.name.clone(), p.confirmed)).collect(),
            along: s.item.along.iter().map(|(_, n)| n.clone()).collect(),
            mine: s.signed_up(me),
            confirmed: s.people.iter().any(|p| &p.member_id == me && p.confirmed),
            clashes: mine
                .iter()
                .filter(|m| !(m.item.id == s.item.id && m.occurrence.original == o.original) && m.overlaps(s))
                .map(|m| format!("{} ({})", m.item.title, tr.occurrence(&m.occurrence)))
                .collect(),
            start_time: if o.whole_day { String::new() } else { o.start.strftime("%H:%M").to_string() },
            seeking: false,
            asked_me: false,
        }
    }

    pub fn kind_key(&self) -> String {
        format!("agenda-kind-{}", self.kind.as_str())
    }

    pub fn people_names(&self) -> String {
        self.people.iter().map(|p| p.1.as_str()).collect::<Vec<_>>().join(", ")
    }
}

pub struct DayView {
    pub label: String,
    pub date: String,
    pub today: bool,
    pub slots: Vec<SlotView>,
}

#[derive(Deserialize, Default)]
pub struct AgendaQuery {
    view: Option<String>,
    from: Option<String>,
    done: Option<String>,
}

#[derive(Template)]
#[template(path = "agenda.html")]
struct AgendaPage {
    c: Chrome,
    nav: CircleNav,
    week: bool,
    days: Vec<DayView>,
    heading: String,
    prev: String,
    next: String,
    this_period: String,
    may_plan: bool,
    may_take: bool,
    swaps: Vec<SwapView>,
    notice: Option<&'static str>,
}

pub async fn show(p: CirclePage, Query(q): Query<AgendaQuery>) -> PageResult {
    let week = q.view.as_deref() == Some("week");
    let today = today();
    let asked = q.from.as_deref().and_then(|f| f.parse::<Date>().ok());
    let (from, days) = if week { (monday(asked.unwrap_or(today)), 7) } else { (asked.unwrap_or(today), 28) };
    let to = add_days(from, days);
    let page = agenda::agenda(&p.ctx(), &p.id, from, to).await?;
    let c = p.chrome();
    let nav = p.nav(&page, "agenda");
    let data = page.data;
    let mine: Vec<Slot> = data.slots.iter().filter(|s| s.has(&data.me)).cloned().collect();
    let mut out: Vec<DayView> = Vec::new();
    for n in 0..days {
        let d = add_days(from, n);
        let slots: Vec<SlotView> = data
            .slots
            .iter()
            .filter(|s| {
                s.occurrence.start.date() == d || (s.occurrence.start.date() < d && s.occurrence.end.date() > d)
            })
            .map(|s| SlotView::new(&c.tr, s, &data.me, &mine))
            .collect();
        if slots.is_empty() && !week {
            continue;
        }
        out.push(DayView { label: c.tr.weekday_date(&d), date: d.to_string(), today: d == today, slots });
    }
    let view = if week { "week" } else { "list" };
    let heading = if week {
        c.tr.t2("agenda-week-of", "from", c.tr.weekday_date(&from), "to", c.tr.weekday_date(&add_days(to, -1)))
    } else {
        c.tr.t2("agenda-list-of", "from", c.tr.weekday_date(&from), "to", c.tr.weekday_date(&add_days(to, -1)))
    };
    let link = |d: Date| p.at(&format!("/agenda?view={view}&from={d}"));
    render(&AgendaPage {
        nav,
        week,
        days: out,
        heading,
        prev: link(add_days(from, -days)),
        next: link(to),
        this_period: p.at(&format!("/agenda?view={view}")),
        may_plan: data.may_plan,
        may_take: data.may_take,
        swaps: swap_views(&c.tr, &data.swaps, &data.items, &data.me),
        notice: Done { done: q.done }.notice(),
        c,
    })
}
