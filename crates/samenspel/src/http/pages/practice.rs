//! Practice examples' pages: the list with finding by word and topic, one
//! example, and the form (new, or the writer's own to change).

use super::monitor::OrganisationPage;
use super::{Chrome, Done, Empty, Errors, Form, Object, PageResult, render, save_form, see_other};
use crate::http::errors::PageError;
use crate::service::practice as service;
use askama::Template;
use axum::extract::Query;
use samenspel_core::practice::{Example, ExampleInput};
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    topic: String,
    done: Option<String>,
}

/// One example as listed: its text as HTML, and whether I wrote it.
pub struct ExampleView {
    pub e: Example,
    pub html: String,
    pub mine: bool,
}

#[derive(Template)]
#[template(path = "practice.html")]
struct ListPage {
    c: Chrome,
    org: String,
    organisation: String,
    examples: Vec<ExampleView>,
    topics: Vec<String>,
    total: usize,
    q: String,
    topic: String,
    notice: Option<&'static str>,
}

pub async fn list(p: OrganisationPage, Query(q): Query<ListQuery>) -> PageResult {
    let view = service::list(&p.ctx(), &p.id, &q.q, &q.topic).await?;
    let notice = Done { done: q.done.clone() }.notice();
    render(&ListPage {
        c: p.chrome(),
        org: p.id.to_string(),
        organisation: view.organisation,
        examples: view
            .examples
            .into_iter()
            .map(|e| ExampleView {
                html: crate::text::to_html(&e.body),
                mine: e.author.as_ref() == Some(p.user.id()),
                e,
            })
            .collect(),
        topics: view.topics,
        total: view.total,
        q: q.q,
        topic: q.topic,
        notice,
    })
}

#[derive(Template)]
#[template(path = "practice_form.html")]
struct FormPage {
    c: Chrome,
    org: String,
    id: Option<String>,
    form: ExampleInput,
    errors: Errors,
}

async fn form_page(
    p: &OrganisationPage,
    id: Option<&str>,
    form: Option<ExampleInput>,
    errors: Errors,
) -> Result<FormPage, PageError> {
    let form = match (id, form) {
        (Some(id), None) => {
            let e = service::own(&p.ctx(), &p.id, id).await?;
            ExampleInput { title: e.title, body: e.body, topics: e.topics.join(", ") }
        }
        (_, Some(form)) => form,
        (None, None) => {
            // Only those who share examples get the form.
            service::list(&p.ctx(), &p.id, "", "").await?;
            ExampleInput::default()
        }
    };
    Ok(FormPage { c: p.chrome(), org: p.id.to_string(), id: id.map(str::to_owned), form, errors })
}

pub async fn new_form(p: OrganisationPage) -> PageResult {
    render(&form_page(&p, None, None, Errors::default()).await?)
}

pub async fn edit_form(p: OrganisationPage, Object(id): Object) -> PageResult {
    render(&form_page(&p, Some(&id), None, Errors::default()).await?)
}

pub async fn add(p: OrganisationPage, Form(f): Form<ExampleInput>) -> PageResult {
    let r = service::add(&p.ctx(), &p.id, &f).await;
    let org = p.id.to_string();
    save_form(
        r,
        |_| format!("/organisations/{org}/practice?done=practice-added-notice"),
        async |e| form_page(&p, None, Some(f.clone()), e).await,
    )
    .await
}

pub async fn change(p: OrganisationPage, Object(id): Object, Form(f): Form<ExampleInput>) -> PageResult {
    let r = service::change(&p.ctx(), &p.id, &id, &f).await;
    let org = p.id.to_string();
    save_form(
        r,
        |_| format!("/organisations/{org}/practice?done=practice-changed-notice"),
        async |e| form_page(&p, Some(&id), Some(f.clone()), e).await,
    )
    .await
}

pub async fn remove(p: OrganisationPage, Object(id): Object, Form(_): Form<Empty>) -> PageResult {
    service::remove(&p.ctx(), &p.id, &id).await?;
    Ok(see_other(&format!("/organisations/{}/practice?done=practice-removed-notice", p.id)))
}
