//! Knowledge's pages: the organisation's FAQ and its versions, the staff
//! quiz ([`quiz`]), a location's placemat ([`placemat`]) and a circle's
//! printable welcome card ([`welcome`]).

mod placemat;
mod quiz;
mod welcome;

use super::monitor::OrganisationPage;
use super::{Chrome, Done, Empty, Errors, Form, Object, PageResult, Pages, render, save_form, see_other};
use crate::http::errors::PageError;
use crate::http::routes::Access::{Circle, Location, Organisation};
use crate::service::knowledge as service;
use askama::Template;
use axum::extract::Query;
use samenspel_core::access::CircleAction as A;
use samenspel_core::access::OrgAction as O;
use samenspel_core::access::location::LocationAction as L;
use samenspel_core::knowledge::faq::{Entry, EntryInput, Topic, Version};

pub(super) fn routes(p: Pages) -> Pages {
    p.get("/organisations/{organisation}/faq", Organisation(O::ReadKnowledge), list)
        .post("/organisations/{organisation}/faq", Organisation(O::KeepKnowledge), add)
        .post("/organisations/{organisation}/faq/starter", Organisation(O::KeepKnowledge), starter)
        .get("/organisations/{organisation}/faq/{entry}", Organisation(O::KeepKnowledge), edit_form)
        .post("/organisations/{organisation}/faq/{entry}", Organisation(O::KeepKnowledge), change)
        .post("/organisations/{organisation}/faq/{entry}/remove", Organisation(O::KeepKnowledge), remove)
        .get("/organisations/{organisation}/quiz", Organisation(O::TakeQuiz), quiz::form)
        .post("/organisations/{organisation}/quiz", Organisation(O::TakeQuiz), quiz::take)
        .get("/organisations/{organisation}/quiz/results", Organisation(O::KeepKnowledge), quiz::results)
        .get("/locations/{location}/placemat", Location(L::ViewPlacemat), placemat::show)
        .post("/locations/{location}/placemat", Location(L::KeepPlacemat), placemat::add)
        .post("/locations/{location}/placemat/starter", Location(L::KeepPlacemat), placemat::starter)
        .post("/locations/{location}/placemat/{item}/remove", Location(L::KeepPlacemat), placemat::remove)
        .get("/circles/{circle}/welcome-card", Circle(A::InviteMembers), welcome::form)
        .post("/circles/{circle}/welcome-card", Circle(A::InviteMembers), welcome::card)
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct FaqQuery {
    q: String,
    topic: String,
    done: Option<String>,
}

pub struct EntryView {
    pub e: Entry,
    pub html: String,
    pub topic: String,
}

#[derive(Template)]
#[template(path = "faq.html")]
struct FaqPage {
    c: Chrome,
    org: String,
    organisation: String,
    entries: Vec<EntryView>,
    total: usize,
    may_keep: bool,
    q: String,
    topic: String,
    topics: Vec<(String, String)>,
    form: EntryInput,
    errors: Errors,
    notice: Option<&'static str>,
}

fn topics(c: &Chrome) -> Vec<(String, String)> {
    Topic::ALL.iter().map(|t| (t.as_str().to_owned(), c.tr.t(&format!("faq-topic-{}", t.as_str())))).collect()
}

async fn faq_page(p: &OrganisationPage, q: FaqQuery, form: EntryInput, errors: Errors) -> Result<FaqPage, PageError> {
    let topic = Topic::parse(q.topic.trim());
    let view = service::faq(&p.ctx(), &p.id, &q.q, topic).await?;
    let c = p.chrome();
    Ok(FaqPage {
        org: p.id.to_string(),
        organisation: view.organisation,
        entries: view
            .entries
            .into_iter()
            .map(|e| EntryView {
                html: crate::text::to_html(&e.answer),
                topic: c.tr.t(&format!("faq-topic-{}", e.topic.as_str())),
                e,
            })
            .collect(),
        total: view.total,
        may_keep: view.may_keep,
        q: q.q,
        topic: topic.map(|t| t.as_str().to_owned()).unwrap_or_default(),
        topics: topics(&c),
        form,
        errors,
        notice: Done { done: q.done }.notice(),
        c,
    })
}

pub async fn list(p: OrganisationPage, Query(q): Query<FaqQuery>) -> PageResult {
    render(&faq_page(&p, q, EntryInput::default(), Errors::default()).await?)
}

pub async fn add(p: OrganisationPage, Form(f): Form<EntryInput>) -> PageResult {
    let r = service::add(&p.ctx(), &p.id, &f).await;
    let org = p.id.to_string();
    save_form(
        r,
        |_| format!("/organisations/{org}/faq?done=faq-added-notice"),
        async |e| faq_page(&p, FaqQuery::default(), f.clone(), e).await,
    )
    .await
}

pub async fn starter(p: OrganisationPage, Form(_): Form<Empty>) -> PageResult {
    service::add_starter_set(&p.ctx(), &p.id).await?;
    Ok(see_other(&format!("/organisations/{}/faq?done=faq-starter-notice", p.id)))
}

#[derive(Template)]
#[template(path = "faq_entry.html")]
struct EntryPage {
    c: Chrome,
    org: String,
    id: String,
    form: EntryInput,
    topics: Vec<(String, String)>,
    versions: Vec<Version>,
    errors: Errors,
}

async fn entry_page(
    p: &OrganisationPage,
    id: &str,
    form: Option<EntryInput>,
    errors: Errors,
) -> Result<EntryPage, PageError> {
    let (entry, versions) = service::entry(&p.ctx(), &p.id, id).await?;
    let c = p.chrome();
    let form = form.unwrap_or(EntryInput {
        topic: entry.topic.as_str().into(),
        question: entry.question,
        answer: entry.answer,
    });
    Ok(EntryPage { org: p.id.to_string(), id: id.to_owned(), form, topics: topics(&c), versions, errors, c })
}

pub async fn edit_form(p: OrganisationPage, Object(id): Object) -> PageResult {
    render(&entry_page(&p, &id, None, Errors::default()).await?)
}

pub async fn change(p: OrganisationPage, Object(id): Object, Form(f): Form<EntryInput>) -> PageResult {
    let r = service::change(&p.ctx(), &p.id, &id, &f).await;
    let org = p.id.to_string();
    save_form(
        r,
        |_| format!("/organisations/{org}/faq?done=faq-changed-notice"),
        async |e| entry_page(&p, &id, Some(f.clone()), e).await,
    )
    .await
}

pub async fn remove(p: OrganisationPage, Object(id): Object, Form(_): Form<Empty>) -> PageResult {
    service::remove(&p.ctx(), &p.id, &id).await?;
    Ok(see_other(&format!("/organisations/{}/faq?done=faq-removed-notice", p.id)))
}
