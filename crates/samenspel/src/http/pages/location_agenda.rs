//! A location's rota and open meetings: the coming four weeks with a place
//! to join each, and a form for the organisation's coordinators.

use super::{Chrome, Errors, Form, path_id, render, render_with, save_form, see_other};
use crate::app::AppState;
use crate::http::context::Visitor;
use crate::http::errors::PageError;
use crate::service::location_agenda::{self as service};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_core::Error;
use samenspel_core::agenda::ItemInput;
use samenspel_core::ids::LocationId;
use serde::Deserialize;

fn location_id(raw: &str) -> Result<LocationId, PageError> {
    path_id(raw, LocationId::parse)
}

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
struct LocationPage {
    c: Chrome,
    id: String,
    name: String,
    slots: Vec<LocationSlotView>,
    may_plan: bool,
    may_join: bool,
    notice: Option<&'static str>,
    alert: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    done: Option<String>,
}

async fn page(
    state: &AppState,
    v: &Visitor,
    id: &LocationId,
    notice: Option<&'static str>,
    alert: Option<String>,
) -> Result<LocationPage, PageError> {
    let view = service::agenda(&v.ctx(state)?, id).await?;
    let c = Chrome::new(v);
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
    Ok(LocationPage {
        id: id.to_string(),
        name: view.name,
        slots,
        may_plan: view.may_plan,
        may_join: view.may_join,
        notice,
        alert,
        c,
    })
}

pub async fn show(
    State(state): State<AppState>,
    v: Visitor,
    Path(location): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, PageError> {
    let id = location_id(&location)?;
    let notice = super::Done { done: q.done }.notice();
    render(&page(&state, &v, &id, notice, None).await?)
}

async fn after(
    state: &AppState,
    v: &Visitor,
    id: &LocationId,
    r: samenspel_core::Result<()>,
    notice: &str,
) -> Result<Response, PageError> {
    match r {
        Ok(()) => Ok(see_other(&format!("/locations/{id}/agenda?done={notice}"))),
        Err(Error::Conflict(code)) => {
            let tr = Chrome::new(v).tr;
            render_with(StatusCode::CONFLICT, &page(state, v, id, None, Some(tr.t(code))).await?)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn join(
    State(state): State<AppState>,
    v: Visitor,
    Path((location, item, on)): Path<(String, String, String)>,
    Form(_): Form<super::Empty>,
) -> Result<Response, PageError> {
    let id = location_id(&location)?;
    let r = service::join(&v.ctx(&state)?, &id, &item, &on).await;
    after(&state, &v, &id, r, "notice-signed-up").await
}

pub async fn leave(
    State(state): State<AppState>,
    v: Visitor,
    Path((location, item, on)): Path<(String, String, String)>,
    Form(_): Form<super::Empty>,
) -> Result<Response, PageError> {
    let id = location_id(&location)?;
    let r = service::leave(&v.ctx(&state)?, &id, &item, &on).await;
    after(&state, &v, &id, r, "notice-left-place").await
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct LocationForm {
    kind: String,
    title: String,
    date: String,
    start_time: String,
    end_time: String,
    place: String,
    notes: String,
    places: String,
    repeat: String,
    weekdays: Vec<String>,
    until: String,
}

impl LocationForm {
    fn input(&self) -> ItemInput {
        ItemInput {
            kind: self.kind.clone(),
            title: self.title.clone(),
            date: self.date.clone(),
            start_time: self.start_time.clone(),
            end_time: self.end_time.clone(),
            place: self.place.clone(),
            notes: self.notes.clone(),
            places: self.places.clone(),
            repeat: self.repeat.clone(),
            weekdays: self.weekdays.clone(),
            until: self.until.clone(),
            ..Default::default()
        }
    }

    pub fn on_weekday(&self, code: &str) -> bool {
        self.weekdays.iter().any(|c| c == code)
    }
}

#[derive(Template)]
#[template(path = "location_form.html")]
struct FormPage {
    c: Chrome,
    id: String,
    name: String,
    weekdays: Vec<(&'static str, &'static str)>,
    form: LocationForm,
    errors: Errors,
}

async fn form_page(
    state: &AppState,
    v: &Visitor,
    id: &LocationId,
    form: Option<LocationForm>,
    errors: Errors,
) -> Result<FormPage, PageError> {
    let name = service::form(&v.ctx(state)?, id).await?;
    let c = Chrome::new(v);
    let weekdays = samenspel_core::agenda::WEEKDAYS.iter().map(|(code, d)| (*code, c.tr.weekday_long(*d))).collect();
    Ok(FormPage {
        id: id.to_string(),
        name,
        weekdays,
        form: form.unwrap_or_else(|| LocationForm {
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

pub async fn new_form(
    State(state): State<AppState>,
    v: Visitor,
    Path(location): Path<String>,
) -> Result<Response, PageError> {
    render(&form_page(&state, &v, &location_id(&location)?, None, Errors::default()).await?)
}

pub async fn add(
    State(state): State<AppState>,
    v: Visitor,
    Path(location): Path<String>,
    Form(f): Form<LocationForm>,
) -> Result<Response, PageError> {
    let id = location_id(&location)?;
    save_form(
        service::add(&v.ctx(&state)?, &id, &f.input()).await,
        |_| format!("/locations/{id}/agenda?done=notice-saved"),
        async |errors| form_page(&state, &v, &id, Some(f), errors).await,
    )
    .await
}
