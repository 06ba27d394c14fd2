//! The agenda and the rota: a list of the coming weeks (or one week, day by
//! day), each item's page with its coming occurrences — sign up, give back,
//! confirm, swap, cancel one — the form for a new appointment or shift, and
//! each helper's hours for whoever set up the rota.

use super::Empty;
use super::circles::{CircleNav, Done};
use super::{Chrome, Errors, Form, form_errors, path_id, render, render_with, see_other};
use crate::app::AppState;
use crate::http::context::Visitor;
use crate::http::errors::PageError;
use crate::i18n::Tr;
use crate::service::agenda::{self, Slot};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use jiff::civil::Date;
use samenspel_core::Error;
use samenspel_core::agenda::{Item, ItemInput, Kind, WEEKDAYS, weekday_code};
use samenspel_core::audience::Audience;
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::member::Member;
use samenspel_core::recurrence::{End, Frequency, Length};
use samenspel_store::agenda::{Hours, OccurrenceChange};
use serde::Deserialize;

fn circle_id(raw: &str) -> Result<CircleId, PageError> {
    path_id(raw, CircleId::parse)
}

fn today(v: &Visitor) -> Date {
    let _ = v;
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

pub struct SwapView {
    pub id: String,
    pub text: String,
    pub asked_of_me: bool,
    pub item_id: String,
}

fn swap_views(tr: &Tr, swaps: &[samenspel_core::agenda::Swap], items: &[Item], me: &MemberId) -> Vec<SwapView> {
    swaps
        .iter()
        .map(|s| {
            let title = items.iter().find(|i| i.id == s.item_id).map(|i| i.title.as_str()).unwrap_or_default();
            let back = s.in_return.as_ref().map(|(i, d)| {
                let t = items.iter().find(|x| &x.id == i).map(|x| x.title.as_str()).unwrap_or_default();
                format!("{t}, {}", tr.weekday_date(d))
            });
            let day = tr.weekday_date(&s.on);
            let text = if &s.to == me {
                match back {
                    Some(b) => tr.t3(
                        "swap-asked-in-return",
                        "name",
                        &s.from_name,
                        "shift",
                        format!("{title}, {day}"),
                        "back",
                        b,
                    ),
                    None => tr.t2("swap-asked", "name", &s.from_name, "shift", format!("{title}, {day}")),
                }
            } else {
                tr.t2("swap-proposed", "name", &s.to_name, "shift", format!("{title}, {day}"))
            };
            SwapView { id: s.id.clone(), text, asked_of_me: &s.to == me, item_id: s.item_id.clone() }
        })
        .collect()
}

// ---------------------------------------------------------------- the agenda

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

pub async fn show(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Query(q): Query<AgendaQuery>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let week = q.view.as_deref() == Some("week");
    let today = today(&v);
    let asked = q.from.as_deref().and_then(|f| f.parse::<Date>().ok());
    let (from, days) = if week { (monday(asked.unwrap_or(today)), 7) } else { (asked.unwrap_or(today), 28) };
    let to = add_days(from, days);
    let page = agenda::agenda(&v.ctx(&state)?, &id, from, to).await?;
    let c = Chrome::new(&v);
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
    let link = |d: Date| format!("/circles/{id}/agenda?view={view}&from={d}");
    render(&AgendaPage {
        nav: CircleNav::new(&page.circle, &page.place, "agenda"),
        week,
        days: out,
        heading,
        prev: link(add_days(from, -days)),
        next: link(to),
        this_period: format!("/circles/{id}/agenda?view={view}"),
        may_plan: data.may_plan,
        may_take: data.may_take,
        swaps: swap_views(&c.tr, &data.swaps, &data.items, &data.me),
        notice: Done { done: q.done }.notice(),
        c,
    })
}

// ---------------------------------------------------------------- one item

#[derive(Template)]
#[template(path = "agenda_item.html")]
struct ItemPage {
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

async fn item_page(
    state: &AppState,
    v: &Visitor,
    circle: &CircleId,
    item: &str,
    notice: Option<&'static str>,
    alert: Option<String>,
) -> Result<ItemPage, PageError> {
    let page = agenda::item(&v.ctx(state)?, circle, item).await?;
    let c = Chrome::new(v);
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
        .filter(|day| **day >= today(v))
        .map(|day| (day.to_string(), c.tr.weekday_date(day)))
        .collect();
    let swaps = swap_views(&c.tr, &d.swaps, std::slice::from_ref(&d.item), &d.me)
        .into_iter()
        .filter(|s| s.item_id == d.item.id)
        .collect();
    Ok(ItemPage {
        nav: CircleNav::new(&page.circle, &page.place, "agenda"),
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
                samenspel_core::audience::AudienceScope::for_role(m.id.clone(), m.role).can_see(
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

pub async fn item(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, item)): Path<(String, String)>,
    Query(done): Query<Done>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    render(&item_page(&state, &v, &id, &item, done.notice(), None).await?)
}

/// After an action on an occurrence: back to the item, or — from the
/// agenda list — back to the agenda.
#[derive(Deserialize, Default)]
pub struct Back {
    #[serde(default)]
    back: String,
}

fn back_to(id: &CircleId, item: &str, back: &str, notice: &str) -> Response {
    if back == "agenda" {
        see_other(&format!("/circles/{id}/agenda?done={notice}"))
    } else {
        see_other(&format!("/circles/{id}/agenda/{item}?done={notice}"))
    }
}

/// A conflict (the last place just went, the shift is over) is said on the
/// item's page, with the current state of the occurrences.
async fn refused(
    state: &AppState,
    v: &Visitor,
    id: &CircleId,
    item: &str,
    r: Result<Response, Error>,
) -> Result<Response, PageError> {
    match r {
        Err(Error::Conflict(code)) => {
            let tr = Chrome::new(v).tr;
            let page = item_page(state, v, id, item, None, Some(tr.t(code))).await?;
            render_with(StatusCode::CONFLICT, &page)
        }
        other => Ok(other?),
    }
}

pub async fn sign_up(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, item, on)): Path<(String, String, String)>,
    Form(b): Form<Back>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let r = agenda::sign_up(&v.ctx(&state)?, &id, &item, &on).await;
    match r {
        Ok(clashes) if !clashes.is_empty() => {
            let tr = Chrome::new(&v).tr;
            let names: Vec<String> =
                clashes.iter().map(|s| format!("{} ({})", s.item.title, tr.occurrence(&s.occurrence))).collect();
            let warning = tr.t1("shift-clash-after", "items", names.join(", "));
            render(&item_page(&state, &v, &id, &item, Some("notice-signed-up"), Some(warning)).await?)
        }
        Ok(_) => Ok(back_to(&id, &item, &b.back, "notice-signed-up")),
        Err(e) => refused(&state, &v, &id, &item, Err(e)).await,
    }
}

#[derive(Deserialize, Default)]
pub struct GiveBackForm {
    #[serde(default)]
    back: String,
    /// "on": ask others to take it over.
    find_cover: Option<String>,
}

pub async fn give_back(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, item, on)): Path<(String, String, String)>,
    Form(f): Form<GiveBackForm>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let ctx = v.ctx(&state)?;
    let r = if f.find_cover.is_some() {
        agenda::give_back_and_find_cover(&ctx, &id, &item, &on)
            .await
            .map(|_| back_to(&id, &item, &f.back, "notice-given-back-cover"))
    } else {
        agenda::give_back(&ctx, &id, &item, &on).await.map(|_| back_to(&id, &item, &f.back, "notice-given-back"))
    };
    refused(&state, &v, &id, &item, r).await
}

pub async fn find_cover(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, item, on)): Path<(String, String, String)>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let r = agenda::find_cover(&v.ctx(&state)?, &id, &item, &on)
        .await
        .map(|_| back_to(&id, &item, "", "notice-cover-started"));
    refused(&state, &v, &id, &item, r).await
}

pub async fn decline_cover(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, item, on)): Path<(String, String, String)>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let r = agenda::decline_cover(&v.ctx(&state)?, &id, &item, &on)
        .await
        .map(|_| back_to(&id, &item, "", "notice-cover-declined"));
    refused(&state, &v, &id, &item, r).await
}

pub async fn confirm(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, item, on)): Path<(String, String, String)>,
    Form(b): Form<Back>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let r = agenda::confirm(&v.ctx(&state)?, &id, &item, &on)
        .await
        .map(|_| back_to(&id, &item, &b.back, "notice-confirmed"));
    refused(&state, &v, &id, &item, r).await
}

pub async fn cancel_occurrence(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, item, on)): Path<(String, String, String)>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    agenda::change_occurrence(&v.ctx(&state)?, &id, &item, &on, OccurrenceChange::Cancel).await?;
    Ok(see_other(&format!("/circles/{id}/agenda/{item}?done=notice-occurrence-cancelled")))
}

#[derive(Deserialize, Default)]
pub struct MoveForm {
    #[serde(default)]
    date: String,
    #[serde(default)]
    time: String,
}

/// Moves one time to another day or hour (the same length); the people in it hear so.
pub async fn move_occurrence(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, item, on)): Path<(String, String, String)>,
    Form(f): Form<MoveForm>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let date = f.date.trim().parse::<Date>().ok();
    let time = match f.time.trim() {
        "" => Some(jiff::civil::Time::midnight()),
        raw => samenspel_core::agenda::parse_time(raw),
    };
    let start = date.filter(|d| samenspel_core::agenda::in_range(*d)).zip(time).map(|(d, t)| d.to_datetime(t));
    let Some(start) = start else {
        let tr = Chrome::new(&v).tr;
        let page = item_page(&state, &v, &id, &item, None, Some(tr.t("agenda-move-invalid"))).await?;
        return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    agenda::change_occurrence(&v.ctx(&state)?, &id, &item, &on, OccurrenceChange::Move(start)).await?;
    Ok(see_other(&format!("/circles/{id}/agenda/{item}?done=notice-occurrence-moved")))
}

pub async fn restore_occurrence(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, item, on)): Path<(String, String, String)>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    agenda::change_occurrence(&v.ctx(&state)?, &id, &item, &on, OccurrenceChange::Restore).await?;
    Ok(see_other(&format!("/circles/{id}/agenda/{item}?done=notice-saved")))
}

#[derive(Deserialize, Default)]
pub struct SwapForm {
    #[serde(default)]
    to: String,
    /// "member|item|date" of an occurrence to take in return, or empty.
    #[serde(default)]
    in_return: String,
}

pub async fn propose_swap(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, item, on)): Path<(String, String, String)>,
    Form(f): Form<SwapForm>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let mut to = f.to.clone();
    let back: Option<(String, String)> = match f.in_return.split('|').collect::<Vec<_>>().as_slice() {
        [member, back_item, back_on] => {
            // Taking one of their shifts in return: the swap is with them.
            to = (*member).to_owned();
            Some(((*back_item).to_owned(), (*back_on).to_owned()))
        }
        _ => None,
    };
    let r = agenda::propose_swap(
        &v.ctx(&state)?,
        &id,
        &item,
        &on,
        &to,
        back.as_ref().map(|(i, d)| (i.as_str(), d.as_str())),
    )
    .await;
    match r {
        Ok(_) => Ok(see_other(&format!("/circles/{id}/agenda/{item}?done=notice-swap-proposed"))),
        Err(Error::Validation(fields)) => {
            let tr = Chrome::new(&v).tr;
            let text = fields.iter().map(|f| tr.t(f.code)).collect::<Vec<_>>().join(" ");
            let page = item_page(&state, &v, &id, &item, None, Some(text)).await?;
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
        Err(e) => refused(&state, &v, &id, &item, Err(e)).await,
    }
}

async fn answer(
    state: AppState,
    v: Visitor,
    circle: String,
    swap: String,
    answer: agenda::SwapAnswer,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let notice = match answer {
        agenda::SwapAnswer::Accept => "notice-swap-accepted",
        _ => "notice-swap-answered",
    };
    agenda::answer_swap_as(&v.ctx(&state)?, &id, &swap, answer).await?;
    Ok(see_other(&format!("/circles/{id}/agenda?done={notice}")))
}

pub async fn accept_swap(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, swap)): Path<(String, String)>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    answer(state, v, circle, swap, agenda::SwapAnswer::Accept).await
}

pub async fn decline_swap(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, swap)): Path<(String, String)>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    answer(state, v, circle, swap, agenda::SwapAnswer::Decline).await
}

pub async fn withdraw_swap(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, swap)): Path<(String, String)>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    answer(state, v, circle, swap, agenda::SwapAnswer::Withdraw).await
}

// ---------------------------------------------------------------- the form

#[derive(Deserialize, Default, Clone)]
pub struct ItemForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    start_time: String,
    #[serde(default)]
    end_time: String,
    #[serde(default)]
    days: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    notes: String,
    elsewhere: Option<String>,
    #[serde(default)]
    along: Vec<String>,
    #[serde(default)]
    places: String,
    #[serde(default)]
    repeat: String,
    #[serde(default)]
    interval: String,
    #[serde(default)]
    weekdays: Vec<String>,
    #[serde(default)]
    until: String,
    #[serde(default)]
    count: String,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    chosen: Vec<String>,
}

impl ItemForm {
    pub fn has_chosen(&self, id: &str) -> bool {
        self.chosen.iter().any(|c| c == id)
    }

    pub fn goes_along(&self, id: &str) -> bool {
        self.along.iter().any(|c| c == id)
    }

    pub fn on_weekday(&self, code: &str) -> bool {
        self.weekdays.iter().any(|c| c == code)
    }

    fn input(&self) -> ItemInput {
        ItemInput {
            kind: self.kind.clone(),
            title: self.title.clone(),
            date: self.date.clone(),
            start_time: self.start_time.clone(),
            end_time: self.end_time.clone(),
            days: self.days.clone(),
            place: self.place.clone(),
            notes: self.notes.clone(),
            elsewhere: self.elsewhere.is_some(),
            along: self.along.clone(),
            places: self.places.clone(),
            repeat: self.repeat.clone(),
            interval: self.interval.clone(),
            weekdays: self.weekdays.clone(),
            until: self.until.clone(),
            count: self.count.clone(),
            audience: self.audience.clone(),
            chosen: self.chosen.clone(),
        }
    }

    fn of(i: &Item) -> Self {
        let s = &i.series;
        let (start_time, end_time, days) = match s.length {
            Length::Minutes(m) => {
                let end = s.start.time().wrapping_add(jiff::Span::new().minutes(i64::from(m)));
                (s.start.strftime("%H:%M").to_string(), end.strftime("%H:%M").to_string(), String::new())
            }
            Length::WholeDays(n) => (String::new(), String::new(), n.to_string()),
        };
        let (repeat, interval, weekdays) = match &s.frequency {
            Frequency::Once => ("once", 1, vec![]),
            Frequency::Daily { interval } => ("daily", *interval, vec![]),
            Frequency::Weekly { interval, days } => {
                ("weekly", *interval, days.iter().map(|d| weekday_code(*d).to_owned()).collect())
            }
            Frequency::Monthly { interval } => ("monthly", *interval, vec![]),
        };
        let (until, count) = match s.end {
            End::Never => (String::new(), String::new()),
            End::Until(d) => (d.to_string(), String::new()),
            End::Count(n) => (String::new(), n.to_string()),
        };
        ItemForm {
            kind: i.kind.as_str().into(),
            title: i.title.clone(),
            date: s.start.date().to_string(),
            start_time,
            end_time,
            days,
            place: i.place.clone(),
            notes: i.notes.clone(),
            elsewhere: i.elsewhere.then(|| "on".into()),
            along: i.along.iter().map(|(m, _)| m.to_string()).collect(),
            places: if i.kind == Kind::Shift { i.places.to_string() } else { String::new() },
            repeat: repeat.into(),
            interval: interval.to_string(),
            weekdays,
            until,
            count,
            audience: i.audience.as_str().into(),
            chosen: i.chosen.iter().map(|m| m.to_string()).collect(),
        }
    }
}

#[derive(Template)]
#[template(path = "agenda_form.html")]
struct FormPage {
    /// The hint above the list of people of a "chosen" audience.
    chosen_hint: &'static str,
    c: Chrome,
    nav: CircleNav,
    item_id: Option<String>,
    decides: bool,
    current_audience: String,
    members: Vec<Member>,
    audiences: [Audience; 4],
    kinds: [Kind; 3],
    weekdays: Vec<(&'static str, &'static str)>,
    form: ItemForm,
    errors: Errors,
}

#[derive(Deserialize, Default)]
pub struct NewQuery {
    kind: Option<String>,
    date: Option<String>,
}

async fn form_page(
    state: &AppState,
    v: &Visitor,
    circle: &CircleId,
    item: Option<&str>,
    form: Option<ItemForm>,
    errors: Errors,
    q: NewQuery,
) -> Result<FormPage, PageError> {
    let page = agenda::form(&v.ctx(state)?, circle, item).await?;
    let (existing, members) = page.data;
    let c = Chrome::new(v);
    let weekdays = WEEKDAYS.iter().map(|(code, d)| (*code, c.tr.weekday_long(*d))).collect();
    let kind = q.kind.filter(|k| Kind::parse(k).is_some()).unwrap_or_else(|| "appointment".into());
    Ok(FormPage {
        chosen_hint: "agenda-chosen-hint",
        nav: CircleNav::new(&page.circle, &page.place, "agenda"),
        item_id: existing.as_ref().map(|i| i.id.clone()),
        decides: true,
        current_audience: String::new(),
        form: form.unwrap_or_else(|| match &existing {
            Some(i) => ItemForm::of(i),
            None => ItemForm {
                places: if kind == "shift" { "1".into() } else { String::new() },
                kind,
                date: q.date.unwrap_or_else(|| today(v).to_string()),
                repeat: "once".into(),
                interval: "1".into(),
                audience: "circle".into(),
                ..Default::default()
            },
        }),
        members,
        audiences: Audience::ALL,
        kinds: Kind::ALL,
        weekdays,
        errors,
        c,
    })
}

pub async fn new_form(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Query(q): Query<NewQuery>,
) -> Result<Response, PageError> {
    render(&form_page(&state, &v, &circle_id(&circle)?, None, None, Errors::default(), q).await?)
}

pub async fn edit_form(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, item)): Path<(String, String)>,
) -> Result<Response, PageError> {
    render(
        &form_page(&state, &v, &circle_id(&circle)?, Some(&item), None, Errors::default(), NewQuery::default()).await?,
    )
}

async fn save(
    state: AppState,
    v: Visitor,
    circle: String,
    item: Option<String>,
    f: ItemForm,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    match form_errors(agenda::save(&v.ctx(&state)?, &id, item.as_deref(), &f.input()).await)? {
        Ok(saved) => Ok(see_other(&format!("/circles/{id}/agenda/{saved}?done=notice-saved"))),
        Err(errors) => render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form_page(&state, &v, &id, item.as_deref(), Some(f), errors, NewQuery::default()).await?,
        ),
    }
}

pub async fn add(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Form(f): Form<ItemForm>,
) -> Result<Response, PageError> {
    save(state, v, circle, None, f).await
}

pub async fn change(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, item)): Path<(String, String)>,
    Form(f): Form<ItemForm>,
) -> Result<Response, PageError> {
    save(state, v, circle, Some(item), f).await
}

pub async fn remove(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, item)): Path<(String, String)>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    agenda::remove(&v.ctx(&state)?, &id, &item).await?;
    Ok(see_other(&format!("/circles/{id}/agenda?done=notice-removed")))
}

// ---------------------------------------------------------------- hours

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

pub async fn hours(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Query(q): Query<HoursQuery>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let today = today(&v);
    let first = today.first_of_month();
    let from = q.from.as_deref().and_then(|d| d.parse::<Date>().ok()).unwrap_or(first);
    let last = q.to.as_deref().and_then(|d| d.parse::<Date>().ok()).unwrap_or(today.last_of_month());
    let last = last.max(from).min(add_days(from, 366));
    let page = agenda::hours(&v.ctx(&state)?, &id, from, add_days(last, 1)).await?;
    let c = Chrome::new(&v);
    let (hours, slots) = page.data;
    let me = page.place.member_id.clone();
    let slots = slots.iter().map(|s| SlotView::new(&c.tr, s, &me, &[])).collect();
    render(&HoursPage {
        nav: CircleNav::new(&page.circle, &page.place, "agenda"),
        from: from.to_string(),
        to: last.to_string(),
        hours,
        slots,
        c,
    })
}
