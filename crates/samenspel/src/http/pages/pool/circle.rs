//! A circle's pool page, for its coordinator: put an open help request or
//! shift to the organisation's volunteer pool, see who answered and who
//! fits, and ask one of them.

use super::vog_words;
use crate::http::errors::PageError;
use crate::http::pages::{Chrome, CircleNav, CirclePage, Done, Errors, Form, PageResult, render, save_form, see_other};
use crate::service::pool::offers::{self as service, Candidate, Choice};
use askama::Template;
use axum::extract::Query;
use samenspel_core::pool::offers::{Answer, Offer, OfferInput, Status};

pub struct CandidateView {
    pub id: String,
    pub name: String,
    pub why: String,
    pub vog: String,
    pub answer: String,
    pub said_yes: bool,
    pub askable: bool,
}

pub struct OfferView {
    pub offer: Offer,
    pub when: String,
    pub status: String,
    pub open: bool,
    pub candidates: Vec<CandidateView>,
}

#[derive(Template)]
#[template(path = "pool_circle.html")]
struct CirclePoolPage {
    c: Chrome,
    nav: CircleNav,
    has_pool: bool,
    choices: Vec<Choice>,
    offers: Vec<OfferView>,
    form: OfferInput,
    errors: Errors,
    notice: Option<&'static str>,
}

fn candidate(tr: &crate::i18n::Tr, c: Candidate) -> CandidateView {
    let mut why = Vec::new();
    if c.fit.available {
        why.push(tr.t("pool-fit-available"));
    }
    if c.fit.near {
        why.push(tr.t("pool-fit-near"));
    }
    if !c.fit.matches.is_empty() {
        why.push(c.fit.matches.join(", "));
    }
    CandidateView {
        id: c.listed.volunteer.id.clone(),
        name: c.listed.volunteer.name.clone(),
        why: why.join(" · "),
        vog: vog_words(tr, c.listed.vog),
        answer: c.answer.map(|a| tr.t(&format!("pool-their-answer-{}", a.as_str()))).unwrap_or_default(),
        said_yes: c.answer == Some(Answer::Yes),
        askable: c.askable,
    }
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct PoolQuery {
    source: String,
    done: Option<String>,
}

async fn page(
    p: &CirclePage,
    form: Option<OfferInput>,
    source: &str,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<CirclePoolPage, PageError> {
    let view = service::page(&p.ctx(), &p.id).await?;
    let nav = p.nav(&view, "help");
    let c = p.chrome();
    let tr = &c.tr;
    let data = view.data;
    let form = form.unwrap_or_else(|| {
        let chosen = data.choices.iter().find(|c| c.key == source);
        OfferInput {
            source: chosen.map(|c| c.key.clone()).unwrap_or_default(),
            first_name: data.first_name.clone(),
            area: data.area.clone(),
            what: chosen.map(|c| c.title.clone()).unwrap_or_default(),
            until_on: String::new(),
        }
    });
    let offers = data
        .offers
        .into_iter()
        .map(|o| OfferView {
            when: tr.span(&o.offer.starts, &o.offer.ends),
            status: match (&o.offer.status, &o.offer.asked) {
                (Status::Asked | Status::Placed, Some((_, name))) => {
                    tr.t1(&format!("pool-offer-{}", o.offer.status.as_str()), "name", name)
                }
                (s, _) => tr.t1(&format!("pool-offer-{}", s.as_str()), "name", ""),
            },
            open: o.offer.status == Status::Open,
            candidates: o.candidates.into_iter().map(|c| candidate(tr, c)).collect(),
            offer: o.offer,
        })
        .collect();
    Ok(CirclePoolPage {
        has_pool: data.organisation.is_some(),
        choices: data.choices,
        offers,
        form,
        errors,
        notice,
        nav,
        c,
    })
}

pub async fn show(p: CirclePage, Query(q): Query<PoolQuery>) -> PageResult {
    let notice = Done { done: q.done.clone() }.notice();
    render(&page(&p, None, &q.source, Errors::default(), notice).await?)
}

pub async fn put(p: CirclePage, Form(f): Form<OfferInput>) -> PageResult {
    let r = service::put(&p.ctx(), &p.id, &f).await;
    save_form(
        r,
        |_| format!("/circles/{}/pool?done=pool-offer-sent-notice", p.id),
        async |e| page(&p, Some(f.clone()), "", e, None).await,
    )
    .await
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct AskForm {
    offer: String,
    volunteer: String,
}

pub async fn ask(p: CirclePage, Form(f): Form<AskForm>) -> PageResult {
    let r = service::ask(&p.ctx(), &p.id, &f.offer, &f.volunteer).await;
    save_form(
        r,
        |_| format!("/circles/{}/pool?done=pool-asked-notice", p.id),
        async |e| page(&p, None, "", e, None).await,
    )
    .await
}

pub async fn close(p: CirclePage, Form(f): Form<AskForm>) -> PageResult {
    service::close(&p.ctx(), &p.id, &f.offer).await?;
    Ok(see_other(&format!("/circles/{}/pool?done=pool-closed-notice", p.id)))
}
