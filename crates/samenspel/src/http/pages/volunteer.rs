//! The volunteer check-in: the questions along the WIFA model, the
//! volunteer's earlier answers, and sharing one with the coordinators.

use super::Empty;
use super::circles::{CircleNav, Done};
use super::{Chrome, Errors, Form, form_errors, path_id, render, render_with, see_other};
use crate::app::AppState;
use crate::http::context::Visitor;
use crate::http::errors::PageError;
use crate::service::volunteer_checkins;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_core::ids::CircleId;
use samenspel_core::questionnaire::{Definition, ItemDef};
use samenspel_store::checkins::VolunteerCheckIn;
use std::collections::BTreeMap;

#[derive(Template)]
#[template(path = "volunteer_checkin.html")]
struct VolunteerPage {
    c: Chrome,
    nav: CircleNav,
    def: Definition,
    history: Vec<VolunteerCheckIn>,
    has_coordinator: bool,
    form: BTreeMap<String, String>,
    errors: Errors,
    notice: Option<&'static str>,
}

impl VolunteerPage {
    fn chose(&self, item: &ItemDef, code: &str) -> bool {
        self.form.get(&item.link_id).is_some_and(|c| c == code)
    }

    fn missing(&self, item: &ItemDef) -> bool {
        !self.errors.0.is_empty() && !self.form.contains_key(&item.link_id)
    }

    /// The label of the answer given to an item in a check-in.
    fn answer(&self, check_in: &VolunteerCheckIn, item: &ItemDef) -> String {
        let code = check_in.answers.get(&item.link_id);
        code.and_then(|c| self.def.options.iter().find(|o| &o.code == c)).map(|o| o.label.clone()).unwrap_or_default()
    }
}

async fn page(
    state: &AppState,
    v: &Visitor,
    circle: &CircleId,
    form: BTreeMap<String, String>,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<VolunteerPage, PageError> {
    let page = volunteer_checkins::mine(&v.ctx(state)?, circle).await?;
    Ok(VolunteerPage {
        c: Chrome::new(v),
        nav: CircleNav::new(&page.circle, &page.place, "members"),
        def: page.data.instrument.definition().clone(),
        history: page.data.history,
        has_coordinator: page.data.has_coordinator,
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
    let share = pairs.iter().any(|(k, _)| k == "share");
    let answers: BTreeMap<String, String> =
        pairs.into_iter().filter(|(k, v)| k != "csrf" && k != "share" && !v.trim().is_empty()).collect();
    match form_errors(volunteer_checkins::submit(&v.ctx(&state)?, &id, &answers, share).await)? {
        Ok(_) => Ok(see_other(&format!("/circles/{id}/volunteer-check-in?done=notice-volunteer-saved#history"))),
        Err(errors) => {
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &page(&state, &v, &id, answers, errors, None).await?)
        }
    }
}

pub async fn share(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, response)): Path<(String, String)>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    volunteer_checkins::share(&v.ctx(&state)?, &id, &response).await?;
    Ok(see_other(&format!("/circles/{id}/volunteer-check-in?done=notice-saved#history")))
}
