//! The carer check-in page: the EDIZ, the latest score explained, and the
//! trend as a chart with a table beside it. Only the carer ever sees it.

use super::circles::{CircleNav, Done};
use super::{Chrome, Errors, Form, form_errors, path_id, render, render_with, see_other};
use crate::app::AppState;
use crate::http::context::Visitor;
use crate::http::errors::PageError;
use crate::service::checkins;
use crate::trend_chart;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_core::ids::CircleId;
use samenspel_core::questionnaire::{Definition, ItemDef};
use samenspel_store::checkins::CheckIn;
use std::collections::BTreeMap;

#[derive(Template)]
#[template(path = "checkin.html")]
struct CheckInPage {
    c: Chrome,
    nav: CircleNav,
    def: Definition,
    history: Vec<CheckIn>,
    latest: Option<CheckIn>,
    chart: String,
    signal: Option<samenspel_core::carer_signal::Signal>,
    coordinators: Vec<(samenspel_core::ids::MemberId, String)>,
    reminder: Option<samenspel_store::checkins::Reminder>,
    reminder_weeks: [i64; 5],
    /// Answers as sent (kept when something is missing).
    form: BTreeMap<String, String>,
    errors: Errors,
    notice: Option<&'static str>,
}

impl CheckInPage {
    fn every(&self, weeks: &i64) -> bool {
        self.reminder.as_ref().is_some_and(|r| r.every_weeks == *weeks)
    }

    fn chose(&self, item: &ItemDef, code: &str) -> bool {
        self.form.get(&item.link_id).is_some_and(|c| c == code)
    }

    fn missing(&self, item: &ItemDef) -> bool {
        !self.errors.0.is_empty() && !self.form.contains_key(&item.link_id)
    }

    /// Where the error summary sends the reader: the first statement left
    /// open, else the instruction above the statements.
    fn first_missing(&self) -> String {
        self.def.items.iter().find(|i| self.missing(i)).map(|i| i.link_id.clone()).unwrap_or_else(|| "answers".into())
    }
}

async fn page(
    state: &AppState,
    v: &Visitor,
    circle: &CircleId,
    form: BTreeMap<String, String>,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<CheckInPage, PageError> {
    let page = checkins::mine(&v.ctx(state)?, circle).await?;
    let c = Chrome::new(v);
    let def = page.data.instrument.definition().clone();
    let history = page.data.history;
    let (signal, coordinators, reminder) = (page.data.signal, page.data.coordinators, page.data.reminder);
    let points: Vec<trend_chart::Point> =
        history.iter().map(|h| trend_chart::Point { label: c.tr.date(&h.authored_at), value: h.total }).collect();
    let chart = if history.len() >= 2 {
        let values: Vec<String> = history.iter().map(|h| h.total.to_string()).collect();
        let summary = c.tr.t2("checkin-chart-summary", "count", history.len(), "scores", values.join(", "));
        trend_chart::render(
            &points,
            def.scoring.range[0],
            def.scoring.range[1],
            &c.tr.t("checkin-chart-title"),
            &summary,
        )
    } else {
        String::new()
    };
    Ok(CheckInPage {
        nav: CircleNav::new(&page.circle, &page.place, "members"),
        c,
        latest: history.last().cloned(),
        def,
        history,
        chart,
        signal,
        coordinators,
        reminder,
        reminder_weeks: samenspel_store::checkins::REMINDER_WEEKS,
        form,
        errors,
        notice,
    })
}

fn circle_id(raw: &str) -> Result<CircleId, PageError> {
    path_id(raw, CircleId::parse)
}

pub async fn show(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Query(done): Query<Done>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    render(&page(&state, &v, &id, BTreeMap::new(), Errors::default(), done.notice()).await?)
}

pub async fn submit(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let answers: BTreeMap<String, String> =
        pairs.into_iter().filter(|(k, v)| k != "csrf" && !v.trim().is_empty()).collect();
    match form_errors(checkins::submit(&v.ctx(&state)?, &id, &answers).await)? {
        Ok(_) => Ok(see_other(&format!("/circles/{id}/check-in?done=notice-checkin-saved#score"))),
        Err(errors) => {
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &page(&state, &v, &id, answers, errors, None).await?)
        }
    }
}

#[derive(serde::Deserialize, Default)]
pub struct SignalForm {
    #[serde(default)]
    audience: String,
    #[serde(default)]
    message: String,
}

pub async fn share_signal(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Form(f): Form<SignalForm>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    match form_errors(checkins::share_signal(&v.ctx(&state)?, &id, &f.audience, &f.message).await)? {
        Ok(_) => Ok(see_other(&format!("/circles/{id}/check-in?done=notice-signal-shared#signal"))),
        Err(errors) => {
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &page(&state, &v, &id, BTreeMap::new(), errors, None).await?)
        }
    }
}

pub async fn withdraw_signal(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Form(_): Form<super::Empty>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    checkins::withdraw_signal(&v.ctx(&state)?, &id).await?;
    Ok(see_other(&format!("/circles/{id}/check-in?done=notice-signal-withdrawn#signal")))
}

#[derive(serde::Deserialize, Default)]
pub struct ReminderForm {
    /// A number of weeks, or empty for no reminders.
    #[serde(default)]
    every_weeks: String,
}

pub async fn set_reminder(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Form(f): Form<ReminderForm>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let weeks = match f.every_weeks.trim() {
        "" => None,
        raw => Some(
            raw.parse::<i64>().map_err(|_| samenspel_core::Error::field("every_weeks", "reminder-weeks-invalid"))?,
        ),
    };
    crate::service::checkins::set_reminder(&v.ctx(&state)?, &id, weeks).await?;
    Ok(see_other(&format!("/circles/{id}/check-in?done=notice-reminder-saved#reminder")))
}
