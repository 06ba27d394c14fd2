//! A location's rota and open meetings: the coming four weeks with a place
//! to join each, and a form for the organisation's coordinators.

use super::agenda::ItemForm;
use super::{Chrome, Detail, Done, Empty, Errors, Form, LocationPage, Object, PageResult};
use super::{render, render_with, save_form, see_other};
use crate::http::errors::PageError;
use crate::service::location_agenda::{self as service};
use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use samenspel_core::Error;

pub struct LocationSlotView {
    pub item_id: String,
    pub on: String,
    pub title: String,
    pub meeting: bool,
    pub when: String,
    pub place: String,
    pub notes: String,
    pub people: String,
    pub open: u32,
    pub mine: bool,
}

#[derive(Template)]
#[template(path = "location_agenda.html")]
struct AgendaPage {
    c: Chrome,
    id: String,
    name: String,
    slots: Vec<LocationSlotView>,
    may_plan: bool,
    may_join: bool,
    notice: Option<&'static str>,
    alert: Option<String>,
}

async fn page(p: &LocationPage, notice: Option<&'static str>, alert: Option<String>) -> Result<AgendaPage, PageError> {
    let view = service::agenda(&p.ctx(), &p.id).await?;
    let c = p.chrome();
    let slots = view
        .slots
        .iter()
        .map(|s| LocationSlotView {
            item_id: s.item.id.clone(),
            on: s.occurrence.original.to_string(),
            title: s.item.title.clone(),
            meeting: s.item.kind == samenspel_core::agenda::Kind::Activity,
            when: c.tr.occurrence(&s.occurrence),
            place: s.item.place.clone(),
            notes: s.item.notes.clone(),
            people: s.people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", "),
            open: s.open_places(),
            mine: s.joined(&view.me),
        })
        .collect();
    Ok(AgendaPage {
        id: p.id.to_string(),
        name: view.name,
        slots,
        may_plan: view.may_plan,
        may_join: view.may_join,
        notice,
        alert,
        c,
    })
}

pub async fn show(p: LocationPage, Query(q): Query<Done>) -> PageResult {
    render(&page(&p, q.notice(), None).await?)
}

/// After joining or leaving: back to the agenda, or the agenda again with
/// what stood in the way (the meeting is full, or has passed).
async fn after(p: &LocationPage, r: samenspel_core::Result<()>, notice: &str) -> PageResult {
    match r {
        Ok(()) => Ok(see_other(&p.at(&format!("/agenda?done={notice}")))),
        Err(Error::Conflict(code)) => {
            render_with(StatusCode::CONFLICT, &page(p, None, Some(p.chrome().tr.t(code))).await?)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn join(p: LocationPage, Object(item): Object, Detail(on): Detail, Form(_): Form<Empty>) -> PageResult {
    let r = service::join(&p.ctx(), &p.id, &item, &on).await;
    after(&p, r, "notice-signed-up").await
}

pub async fn leave(p: LocationPage, Object(item): Object, Detail(on): Detail, Form(_): Form<Empty>) -> PageResult {
    let r = service::leave(&p.ctx(), &p.id, &item, &on).await;
    after(&p, r, "notice-left-place").await
}

#[derive(Template)]
#[template(path = "location_form.html")]
struct FormPage {
    c: Chrome,
    id: String,
    name: String,
    weekdays: Vec<(&'static str, &'static str)>,
    form: ItemForm,
    errors: Errors,
}

async fn form_page(p: &LocationPage, form: Option<ItemForm>, errors: Errors) -> Result<FormPage, PageError> {
    let name = service::form(&p.ctx(), &p.id).await?;
    let c = p.chrome();
    let weekdays = samenspel_core::agenda::WEEKDAYS.iter().map(|(code, d)| (*code, c.tr.weekday_long(*d))).collect();
    Ok(FormPage {
        id: p.id.to_string(),
        name,
        weekdays,
        form: form.unwrap_or_else(|| ItemForm {
            kind: "activity".into(),
            date: crate::i18n::local(&jiff::Timestamp::now()).date().to_string(),
            places: "12".into(),
            repeat: "once".into(),
            ..Default::default()
        }),
        errors,
        c,
    })
}

pub async fn new_form(p: LocationPage) -> PageResult {
    render(&form_page(&p, None, Errors::default()).await?)
}

pub async fn add(p: LocationPage, Form(f): Form<ItemForm>) -> PageResult {
    save_form(
        service::add(&p.ctx(), &p.id, &f.input()).await,
        |_| p.at("/agenda?done=notice-saved"),
        async |errors| form_page(&p, Some(f), errors).await,
    )
    .await
}
