//! The volunteer check-in: the questions along the WIFA model, the
//! volunteer's earlier answers, and sharing one with the coordinators.

use super::Empty;
use super::{Chrome, CirclePage, Errors, Form, render, save_form, see_other};
use super::{CircleNav, Done};
use crate::http::errors::PageError;
use crate::http::pages::{Object, PageResult};
use crate::service::volunteer_checkins;
use askama::Template;
use axum::extract::Query;
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
    p: &CirclePage,
    form: BTreeMap<String, String>,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<VolunteerPage, PageError> {
    let page = volunteer_checkins::mine(&p.ctx(), &p.id).await?;
    Ok(VolunteerPage {
        c: p.chrome(),
        nav: p.nav(&page, "members"),
        def: page.data.instrument.definition().clone(),
        history: page.data.history,
        has_coordinator: page.data.has_coordinator,
        form,
        errors,
        notice,
    })
}

pub async fn show(p: CirclePage, Query(done): Query<Done>) -> PageResult {
    render(&page(&p, BTreeMap::new(), Errors::default(), done.notice()).await?)
}

pub async fn submit(p: CirclePage, Form(pairs): Form<Vec<(String, String)>>) -> PageResult {
    let share = pairs.iter().any(|(k, _)| k == "share");
    let answers = super::answers(pairs, &["share"]);
    save_form(
        volunteer_checkins::submit(&p.ctx(), &p.id, &answers, share).await,
        |_| p.at("/volunteer-check-in?done=notice-volunteer-saved#history"),
        async |errors| page(&p, answers, errors, None).await,
    )
    .await
}

pub async fn share(p: CirclePage, Object(response): Object, Form(_): Form<Empty>) -> PageResult {
    volunteer_checkins::share(&p.ctx(), &p.id, &response).await?;
    Ok(see_other(&p.at("/volunteer-check-in?done=notice-saved#history")))
}
