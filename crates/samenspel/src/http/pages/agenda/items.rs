//! One agenda item's page with its coming occurrences, and changing one
//! occurrence (cancel, move, restore). A refusal on any action about an
//! occurrence is said on this page.

use super::swaps::{SwapView, swap_views};
use super::{SlotView, today};
use crate::http::errors::PageError;
use crate::http::pages::{Chrome, CirclePage, Empty, Form, render, render_with, see_other};
use crate::http::pages::{CircleNav, Done};
use crate::http::pages::{Detail, Object, PageResult};
use crate::i18n::Tr;
use crate::service::agenda;
use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use jiff::civil::Date;
use samenspel_core::Error;
use samenspel_core::agenda::Item;
use samenspel_core::audience::Audience;
use samenspel_core::member::Member;
use samenspel_core::recurrence::{End, Frequency, Length};
use samenspel_store::agenda::OccurrenceChange;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "agenda_item.html")]
pub(super) struct ItemPage {
    c: Chrome,
    nav: CircleNav,
    item: Item,
    kind_key: String,
    repeats: String,
    length: String,
    audience: String,
    notes_html: String,
    slots: Vec<SlotView>,
    may_change: bool,
    may_take: bool,
    /// Members to swap with: everyone but me and the client.
    swap_with: Vec<Member>,
    /// Occurrences of this item someone else has, to take in return.
    in_return: Vec<(String, String)>,
    swaps: Vec<SwapView>,
    cancelled: Vec<(String, String)>,
    notice: Option<&'static str>,
    /// A refusal (the last place just went) or a warning (a clash), said at the top.
    alert: Option<String>,
}

/// "Elke dinsdag", "Elke 2 weken op dinsdag en zaterdag", "Eenmalig" …
pub fn repeats(tr: &Tr, item: &Item) -> String {
    let s = &item.series;
    let base = match &s.frequency {
        Frequency::Once => return tr.t("agenda-repeat-once-text"),
        Frequency::Daily { interval } => tr.count("agenda-repeat-daily-text", i64::from(*interval)),
        Frequency::Weekly { interval, days } => {
            let mut days = if days.is_empty() { vec![s.start.date().weekday()] } else { days.clone() };
            days.sort_by_key(|d| d.to_monday_zero_offset());
            let names: Vec<&str> = days.iter().map(|d| tr.weekday_long(*d)).collect();
            tr.count_with("agenda-repeat-weekly-text", i64::from(*interval), "days", names.join(", "))
        }
        Frequency::Monthly { interval } => {
            tr.count_with("agenda-repeat-monthly-text", i64::from(*interval), "day", s.start.date().day())
        }
    };
    match s.end {
        End::Never => base,
        End::Until(d) => format!("{base}, {}", tr.t1("agenda-until-text", "date", tr.day(&d))),
        End::Count(n) => format!("{base}, {}", tr.count("agenda-count-text", i64::from(n))),
    }
}

pub(super) async fn item_page(
    p: &CirclePage,
    item: &str,
    notice: Option<&'static str>,
    alert: Option<String>,
) -> Result<ItemPage, PageError> {
    let page = agenda::item(&p.ctx(), &p.id, item).await?;
    let c = p.chrome();
    let nav = p.nav(&page, "agenda");
    let d = page.data;
    let mut mine = d.mine_elsewhere.clone();
    mine.extend(d.slots.iter().filter(|s| s.signed_up(&d.me)).cloned());
    let slots: Vec<SlotView> = d
        .slots
        .iter()
        .take(16)
        .map(|s| {
            let mut v = SlotView::new(&c.tr, s, &d.me, &mine);
            if let Some((_, _, asked)) =
                d.cover.iter().find(|(i, on, _)| *i == s.item.id && *on == s.occurrence.original)
            {
                v.seeking = v.open > 0;
                v.asked_me = *asked && v.open > 0 && !v.mine;
            }
            v
        })
        .collect();
    let in_return = d
        .slots
        .iter()
        .flat_map(|s| {
            s.people.iter().filter(|p| p.member_id != d.me).map(move |p| {
                (
                    format!("{}|{}|{}", p.member_id, s.item.id, s.occurrence.original),
                    s.occurrence.original,
                    p.name.clone(),
                )
            })
        })
        .map(|(value, on, name)| (value, format!("{} ({name})", c.tr.weekday_date(&on))))
        .collect();
    let length = match d.item.series.length {
        Length::Minutes(_) => String::new(),
        Length::WholeDays(n) => c.tr.count("agenda-days-text", i64::from(n)),
    };
    let audience = match d.item.audience {
        Audience::Chosen => {
            let names: Vec<&str> = d
                .item
                .chosen
                .iter()
                .filter_map(|id| d.members.iter().find(|m| &m.id == id).map(|m| m.display_name.as_str()))
                .collect();
            c.tr.t1("audience-chosen-names", "names", names.join(", "))
        }
        a => c.tr.audience(&a),
    };
    let cancelled = d
        .item
        .series
        .cancelled
        .iter()
        .filter(|day| **day >= today())
        .map(|day| (day.to_string(), c.tr.weekday_date(day)))
        .collect();
    let swaps = swap_views(&c.tr, &d.swaps, std::slice::from_ref(&d.item), &d.me)
        .into_iter()
        .filter(|s| s.item_id == d.item.id)
        .collect();
    Ok(ItemPage {
        nav,
        kind_key: format!("agenda-kind-{}", d.item.kind.as_str()),
        repeats: repeats(&c.tr, &d.item),
        length,
        audience,
        notes_html: crate::text::to_html(&d.item.notes),
        slots,
        may_change: d.may_change,
        may_take: d.may_take,
        // Only those who may take the place: not the client (who takes no
        // shifts), and only people who see the shift.
        swap_with: d
            .members
            .into_iter()
            .filter(|m| m.id != d.me && m.role != samenspel_core::role::Role::Client)
            .filter(|m| {
                samenspel_core::audience::AudienceScope::for_role(m.id.clone(), m.role, d.consent).can_see_in(
                    samenspel_core::consent::Category::Agenda,
                    d.item.audience,
                    &d.item.created_by,
                    &d.item.chosen,
                )
            })
            .collect(),
        in_return,
        swaps,
        cancelled,
        item: d.item,
        notice,
        alert,
        c,
    })
}

pub async fn item(p: CirclePage, Object(item): Object, Query(done): Query<Done>) -> PageResult {
    render(&item_page(&p, &item, done.notice(), None).await?)
}

/// After an action on an occurrence: back to the item, or — from the
/// agenda list — back to the agenda.
#[derive(Deserialize, Default)]
pub struct Back {
    #[serde(default)]
    pub(super) back: String,
}

pub(super) fn back_to(p: &CirclePage, item: &str, back: &str, notice: &str) -> Response {
    if back == "agenda" {
        see_other(&p.at(&format!("/agenda?done={notice}")))
    } else {
        see_other(&p.at(&format!("/agenda/{item}?done={notice}")))
    }
}

/// A conflict (the last place just went, the shift is over) is said on the
/// item's page, with the current state of the occurrences.
pub(super) async fn refused(p: &CirclePage, item: &str, r: Result<Response, Error>) -> PageResult {
    match r {
        Err(Error::Conflict(code)) => {
            let tr = p.chrome().tr;
            let page = item_page(p, item, None, Some(tr.t(code))).await?;
            render_with(StatusCode::CONFLICT, &page)
        }
        other => Ok(other?),
    }
}

pub async fn cancel_occurrence(
    p: CirclePage,
    Object(item): Object,
    Detail(on): Detail,
    Form(_): Form<Empty>,
) -> PageResult {
    agenda::change_occurrence(&p.ctx(), &p.id, &item, &on, OccurrenceChange::Cancel).await?;
    Ok(see_other(&p.at(&format!("/agenda/{item}?done=notice-occurrence-cancelled"))))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct MoveForm {
    date: String,
    time: String,
}

/// Moves one time to another day or hour (the same length); the people in it hear so.
pub async fn move_occurrence(
    p: CirclePage,
    Object(item): Object,
    Detail(on): Detail,
    Form(f): Form<MoveForm>,
) -> PageResult {
    let date = f.date.trim().parse::<Date>().ok();
    let time = match f.time.trim() {
        "" => Some(jiff::civil::Time::midnight()),
        raw => samenspel_core::agenda::parse_time(raw),
    };
    let start = date.filter(|d| samenspel_core::agenda::in_range(*d)).zip(time).map(|(d, t)| d.to_datetime(t));
    let Some(start) = start else {
        let tr = p.chrome().tr;
        let page = item_page(&p, &item, None, Some(tr.t("agenda-move-invalid"))).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    agenda::change_occurrence(&p.ctx(), &p.id, &item, &on, OccurrenceChange::Move(start)).await?;
    Ok(see_other(&p.at(&format!("/agenda/{item}?done=notice-occurrence-moved"))))
}

pub async fn restore_occurrence(
    p: CirclePage,
    Object(item): Object,
    Detail(on): Detail,
    Form(_): Form<Empty>,
) -> PageResult {
    agenda::change_occurrence(&p.ctx(), &p.id, &item, &on, OccurrenceChange::Restore).await?;
    Ok(see_other(&p.at(&format!("/agenda/{item}?done=notice-saved"))))
}
