//! A location's placemat: what relatives may do there, printable on A4 or
//! A3 (the print style leaves out everything but the mat).

use crate::http::errors::PageError;
use crate::http::pages::{
    Chrome, Done, Empty, Errors, Form, LocationPage, Object, PageResult, render, save_form, see_other,
};
use crate::service::knowledge as service;
use askama::Template;
use axum::extract::Query;
use samenspel_core::knowledge::placemat::{Item, ItemInput};

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct PlacematQuery {
    size: String,
    done: Option<String>,
}

#[derive(Template)]
#[template(path = "placemat.html")]
struct PlacematPage {
    c: Chrome,
    loc: String,
    location: String,
    items: Vec<Item>,
    may_keep: bool,
    /// "a3" or "a4": the paper it is laid out for.
    size: &'static str,
    form: ItemInput,
    errors: Errors,
    notice: Option<&'static str>,
}

async fn page(
    p: &LocationPage,
    size: &str,
    form: ItemInput,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<PlacematPage, PageError> {
    let view = service::placemat(&p.ctx(), &p.id).await?;
    Ok(PlacematPage {
        c: p.chrome(),
        loc: p.id.to_string(),
        location: view.location,
        items: view.items,
        may_keep: view.may_keep,
        size: if size == "a3" { "a3" } else { "a4" },
        form,
        errors,
        notice,
    })
}

pub async fn show(p: LocationPage, Query(q): Query<PlacematQuery>) -> PageResult {
    let notice = Done { done: q.done.clone() }.notice();
    render(&page(&p, &q.size, ItemInput::default(), Errors::default(), notice).await?)
}

pub async fn add(p: LocationPage, Form(f): Form<ItemInput>) -> PageResult {
    let r = service::add_placemat_item(&p.ctx(), &p.id, &f).await;
    let loc = p.id.to_string();
    save_form(
        r,
        |_| format!("/locations/{loc}/placemat?done=placemat-added-notice"),
        async |e| page(&p, "a4", f.clone(), e, None).await,
    )
    .await
}

pub async fn starter(p: LocationPage, Form(_): Form<Empty>) -> PageResult {
    service::add_placemat_starter(&p.ctx(), &p.id).await?;
    Ok(see_other(&format!("/locations/{}/placemat?done=placemat-added-notice", p.id)))
}

pub async fn remove(p: LocationPage, Object(id): Object, Form(_): Form<Empty>) -> PageResult {
    service::remove_placemat_item(&p.ctx(), &p.id, &id).await?;
    Ok(see_other(&format!("/locations/{}/placemat?done=placemat-removed-notice", p.id)))
}
