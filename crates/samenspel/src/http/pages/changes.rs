//! Passing on a change in the situation: first what kind of change, then
//! what happened and which agreements it touches (the usual ones ticked).

use super::Empty;
use super::circles::CircleNav;
use super::{Chrome, Errors, Form, form_errors, path_id, render, render_with, see_other};
use crate::app::AppState;
use crate::http::context::Visitor;
use crate::http::errors::PageError;
use crate::service::{agreements, changes};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_core::Error;
use samenspel_core::agreement::Agreement;
use samenspel_core::change::{ChangeInput, ChangeKind};
use samenspel_core::ids::CircleId;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "change_form.html")]
struct FormPage {
    c: Chrome,
    nav: CircleNav,
    client_name: String,
    kinds: [ChangeKind; 7],
    /// Chosen in the first step; `None` shows the choice.
    kind: Option<ChangeKind>,
    form: ChangeForm,
    /// Every agreement, and whether it is ticked.
    agreements: Vec<(Agreement, bool)>,
    errors: Errors,
}

#[derive(Deserialize, Default, Clone)]
pub struct ChangeForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    occurred_on: String,
    /// One checkbox per agreement: repeated `agreement_ids=…`.
    #[serde(default)]
    agreement_ids: Vec<String>,
}

#[derive(Deserialize, Default)]
pub struct KindQuery {
    kind: Option<String>,
}

async fn form_page(
    state: &AppState,
    v: &Visitor,
    circle: &CircleId,
    form: ChangeForm,
    sent: bool,
    errors: Errors,
) -> Result<FormPage, PageError> {
    let page = agreements::list(&v.ctx(state)?, circle).await?;
    if !page.data.may_write {
        return Err(Error::Forbidden.into());
    }
    let kind = ChangeKind::parse(&form.kind);
    let agreements = page
        .data
        .list
        .iter()
        .map(|a| {
            // As sent, or the usual ones for this kind of change.
            let ticked = if sent { form.agreement_ids.contains(&a.id) } else { kind.is_some_and(|k| k.touches(a)) };
            (a.clone(), ticked)
        })
        .collect();
    Ok(FormPage {
        c: Chrome::new(v),
        nav: CircleNav::new(&page.circle, &page.place, "agreements"),
        client_name: page.circle.client_name.clone(),
        kinds: ChangeKind::ALL,
        kind,
        form,
        agreements,
        errors,
    })
}

fn circle_id(raw: &str) -> Result<CircleId, PageError> {
    path_id(raw, CircleId::parse)
}

pub async fn new_form(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Query(q): Query<KindQuery>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let form = ChangeForm { kind: q.kind.unwrap_or_default(), ..Default::default() };
    render(&form_page(&state, &v, &id, form, false, Errors::default()).await?)
}

pub async fn record(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Form(f): Form<ChangeForm>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let input = ChangeInput {
        kind: f.kind.clone(),
        description: f.description.clone(),
        occurred_on: f.occurred_on.clone(),
        // The form always says which: none ticked means none.
        agreement_ids: Some(f.agreement_ids.clone()),
    };
    match form_errors(changes::record(&v.ctx(&state)?, &id, &input).await)? {
        Ok(_) => Ok(see_other(&format!("/circles/{id}/agreements?done=notice-change-recorded"))),
        Err(errors) => {
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &form_page(&state, &v, &id, f, true, errors).await?)
        }
    }
}

pub async fn close(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, change)): Path<(String, String)>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    changes::close(&v.ctx(&state)?, &id, &change).await?;
    Ok(see_other(&format!("/circles/{id}/agreements?done=notice-change-closed")))
}
