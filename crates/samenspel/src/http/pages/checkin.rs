//! The carer check-in page: the EDIZ, the latest score explained, and the
//! trend as a chart with a table beside it. Only the carer ever sees it.

use super::{Chrome, CirclePage, Errors, Form, render, save_form, see_other};
use super::{CircleNav, Done};
use crate::http::errors::PageError;
use crate::http::pages::PageResult;
use crate::service::checkins;
use crate::trend_chart;
use askama::Template;
use axum::extract::Query;
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
    p: &CirclePage,
    form: BTreeMap<String, String>,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<CheckInPage, PageError> {
    let page = checkins::mine(&p.ctx(), &p.id).await?;
    let nav = p.nav(&page, "members");
    let c = p.chrome();
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
        nav,
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

pub async fn show(p: CirclePage, Query(done): Query<Done>) -> PageResult {
    render(&page(&p, BTreeMap::new(), Errors::default(), done.notice()).await?)
}

pub async fn submit(p: CirclePage, Form(pairs): Form<Vec<(String, String)>>) -> PageResult {
    let answers = super::answers(pairs, &[]);
    save_form(
        checkins::submit(&p.ctx(), &p.id, &answers).await,
        |_| p.at("/check-in?done=notice-checkin-saved#score"),
        async |errors| page(&p, answers, errors, None).await,
    )
    .await
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct SignalForm {
    audience: String,
    message: String,
}

pub async fn share_signal(p: CirclePage, Form(f): Form<SignalForm>) -> PageResult {
    save_form(
        checkins::share_signal(&p.ctx(), &p.id, &f.audience, &f.message).await,
        |_| p.at("/check-in?done=notice-signal-shared#signal"),
        async |errors| page(&p, BTreeMap::new(), errors, None).await,
    )
    .await
}

pub async fn withdraw_signal(p: CirclePage, Form(_): Form<super::Empty>) -> PageResult {
    checkins::withdraw_signal(&p.ctx(), &p.id).await?;
    Ok(see_other(&p.at("/check-in?done=notice-signal-withdrawn#signal")))
}

#[derive(serde::Deserialize, Default)]
pub struct ReminderForm {
    /// A number of weeks, or empty for no reminders.
    #[serde(default)]
    every_weeks: String,
}

pub async fn set_reminder(p: CirclePage, Form(f): Form<ReminderForm>) -> PageResult {
    let weeks = match f.every_weeks.trim() {
        "" => None,
        raw => Some(
            raw.parse::<i64>().map_err(|_| samenspel_core::Error::field("every_weeks", "reminder-weeks-invalid"))?,
        ),
    };
    crate::service::checkins::set_reminder(&p.ctx(), &p.id, weeks).await?;
    Ok(see_other(&p.at("/check-in?done=notice-reminder-saved#reminder")))
}
