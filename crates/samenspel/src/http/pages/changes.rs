//! Passing on a change in the situation: first what kind of change, then
//! what happened and which agreements it touches (the usual ones ticked).

use super::CircleNav;
use super::Empty;
use super::{Chrome, CirclePage, Errors, Form, render, save_form, see_other};
use crate::http::errors::PageError;
use crate::http::pages::{Object, PageResult};
use crate::service::{agreements, changes};
use askama::Template;
use axum::extract::Query;
use samenspel_core::Error;
use samenspel_core::agreement::Agreement;
use samenspel_core::change::{ChangeInput, ChangeKind};
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
#[serde(default)]
pub struct ChangeForm {
    kind: String,
    description: String,
    occurred_on: String,
    /// One checkbox per agreement: repeated `agreement_ids=…`.
    agreement_ids: Vec<String>,
}

#[derive(Deserialize, Default)]
pub struct KindQuery {
    kind: Option<String>,
}

async fn form_page(p: &CirclePage, form: ChangeForm, sent: bool, errors: Errors) -> Result<FormPage, PageError> {
    let page = agreements::list(&p.ctx(), &p.id).await?;
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
        c: p.chrome(),
        nav: p.nav(&page, "agreements"),
        client_name: page.circle.client_name.clone(),
        kinds: ChangeKind::ALL,
        kind,
        form,
        agreements,
        errors,
    })
}

pub async fn new_form(p: CirclePage, Query(q): Query<KindQuery>) -> PageResult {
    let form = ChangeForm { kind: q.kind.unwrap_or_default(), ..Default::default() };
    render(&form_page(&p, form, false, Errors::default()).await?)
}

pub async fn record(p: CirclePage, Form(f): Form<ChangeForm>) -> PageResult {
    let input = ChangeInput {
        kind: f.kind.clone(),
        description: f.description.clone(),
        occurred_on: f.occurred_on.clone(),
        // The form always says which: none ticked means none.
        agreement_ids: Some(f.agreement_ids.clone()),
    };
    save_form(
        changes::record(&p.ctx(), &p.id, &input).await,
        |_| p.at("/agreements?done=notice-change-recorded"),
        async |errors| form_page(&p, f, true, errors).await,
    )
    .await
}

pub async fn close(p: CirclePage, Object(change): Object, Form(_): Form<Empty>) -> PageResult {
    changes::close(&p.ctx(), &p.id, &change).await?;
    Ok(see_other(&p.at("/agreements?done=notice-change-closed")))
}
