//! The social map's pages: the organisation's local initiatives, searched
//! and filtered (and printable: the print style leaves out the forms), and
//! the form its managers and its locations' coaches keep it with.

use super::monitor::OrganisationPage;
use super::{Chrome, Done, Empty, Errors, Form, Object, PageResult, render, save_form, see_other, urlencode};
use crate::http::errors::PageError;
use crate::service::social_map::{self as service};
use askama::Template;
use axum::extract::Query;
use samenspel_core::organisation::Location;
use samenspel_core::social_map::{Category, Initiative, InitiativeInput};
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct MapQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    category: String,
    done: Option<String>,
}

#[derive(Template)]
#[template(path = "social_map.html")]
struct MapPage {
    c: Chrome,
    org: String,
    organisation: String,
    initiatives: Vec<Initiative>,
    total: usize,
    may_edit: bool,
    q: String,
    category: String,
    categories: [Category; 9],
    notice: Option<&'static str>,
}

impl MapPage {
    fn category_name(&self, c: &Category) -> String {
        self.c.tr.t(&format!("social-map-category-{}", c.as_str()))
    }
}

pub async fn show(p: OrganisationPage, Query(q): Query<MapQuery>) -> PageResult {
    // An unknown category filters nothing rather than failing the page.
    let category = service::category(&q.category).unwrap_or(None);
    let view = service::list(&p.ctx(), &p.id, &q.q, category).await?;
    let notice = Done { done: q.done.clone() }.notice();
    render(&MapPage {
        c: p.chrome(),
        org: p.id.to_string(),
        organisation: view.organisation,
        initiatives: view.initiatives,
        total: view.total,
        may_edit: view.may_edit,
        q: q.q,
        category: category.map(|c| c.as_str().to_owned()).unwrap_or_default(),
        categories: Category::ALL,
        notice,
    })
}

#[derive(Template)]
#[template(path = "social_map_form.html")]
struct FormPage {
    c: Chrome,
    org: String,
    /// The initiative being changed, or none for a new one.
    id: Option<String>,
    form: InitiativeInput,
    locations: Vec<Location>,
    categories: [Category; 9],
    errors: Errors,
}

async fn form_page(
    p: &OrganisationPage,
    id: Option<&str>,
    form: Option<InitiativeInput>,
    errors: Errors,
) -> Result<FormPage, PageError> {
    let ctx = p.ctx();
    let (form, locations) = match (id, form) {
        (Some(id), None) => {
            let (i, locations) = service::get(&ctx, &p.id, id).await?;
            let form = InitiativeInput {
                name: i.name,
                category: i.category.as_str().into(),
                description: i.description,
                address: i.address,
                opening_hours: i.opening_hours,
                contact: i.contact,
                website: i.website,
                topics: i.topics.join(", "),
                location_id: i.location_id.map(|l| l.to_string()).unwrap_or_default(),
            };
            (form, locations)
        }
        (_, form) => (form.unwrap_or_default(), service::form(&ctx, &p.id).await?),
    };
    Ok(FormPage {
        c: p.chrome(),
        org: p.id.to_string(),
        id: id.map(str::to_owned),
        form,
        locations,
        categories: Category::ALL,
        errors,
    })
}

pub async fn new_form(p: OrganisationPage) -> PageResult {
    render(&form_page(&p, None, None, Errors::default()).await?)
}

pub async fn edit_form(p: OrganisationPage, Object(id): Object) -> PageResult {
    render(&form_page(&p, Some(&id), None, Errors::default()).await?)
}

fn back(p: &OrganisationPage, done: &str, name: &str) -> String {
    format!("/organisations/{}/social-map?done={done}&q={}", p.id, urlencode(name))
}

pub async fn add(p: OrganisationPage, Form(f): Form<InitiativeInput>) -> PageResult {
    let r = service::add(&p.ctx(), &p.id, &f).await;
    save_form(
        r,
        |_| back(&p, "social-map-added-notice", &f.name),
        async |e| form_page(&p, None, Some(f.clone()), e).await,
    )
    .await
}

pub async fn change(p: OrganisationPage, Object(id): Object, Form(f): Form<InitiativeInput>) -> PageResult {
    let r = service::change(&p.ctx(), &p.id, &id, &f).await;
    save_form(
        r,
        |_| back(&p, "social-map-changed-notice", &f.name),
        async |e| form_page(&p, Some(&id), Some(f.clone()), e).await,
    )
    .await
}

pub async fn remove(p: OrganisationPage, Object(id): Object, Form(_): Form<Empty>) -> PageResult {
    service::remove(&p.ctx(), &p.id, &id).await?;
    Ok(see_other(&format!("/organisations/{}/social-map?done=social-map-removed-notice", p.id)))
}
