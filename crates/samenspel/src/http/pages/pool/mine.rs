//! The volunteer's own pool page (`/pool`): what is put to the pool that
//! fits them (a first name, the area, what and when), what they were asked
//! for, their availability, their VOG, and their expense claims.

use super::claims::{ClaimRow, row};
use super::{GridRow, grid, part_names, vog_words};
use crate::http::errors::PageError;
use crate::http::pages::monitor::OrganisationPage;
use crate::http::pages::{
    Chrome, Done, Errors, Form, PageResult, UserPage, form_errors, render, render_with, see_other,
};
use crate::service::pool::{self as service, MyPool, expenses, offers};
use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use samenspel_core::pool::ProfileInput;
use samenspel_core::pool::expenses::ClaimInput;
use samenspel_core::pool::offers::{Answer, Invitation};

pub struct InvitationView {
    pub i: Invitation,
    pub when: String,
    pub until: String,
    pub answer: String,
}

pub struct PoolSection {
    pub org: String,
    pub organisation: String,
    pub vog: String,
    pub vog_attention: bool,
    pub asked: Vec<InvitationView>,
    pub open: Vec<InvitationView>,
    pub placed: Vec<InvitationView>,
    pub profile: ProfileInput,
    pub grid: Vec<GridRow>,
    pub claims: Vec<ClaimRow>,
    pub claim: ClaimInput,
    pub km_rate: String,
    /// The errors of this pool's form that failed (none for the others).
    pub errors: Errors,
}

#[derive(Template)]
#[template(path = "pool_mine.html")]
struct MinePage {
    c: Chrome,
    pools: Vec<PoolSection>,
    parts: Vec<String>,
    notice: Option<&'static str>,
}

fn section(
    c: &Chrome,
    pool: MyPool,
    profile: Option<ProfileInput>,
    claim: Option<ClaimInput>,
    errors: Errors,
) -> PoolSection {
    let tr = &c.tr;
    let view = |i: Invitation| InvitationView {
        when: tr.span(&i.starts, &i.ends),
        until: i.until_on.map(|d| tr.t1("pool-until", "day", tr.day(&d))).unwrap_or_default(),
        answer: i.my_answer.map(|a| tr.t(&format!("pool-answered-{}", a.as_str()))).unwrap_or_default(),
        i,
    };
    let (mut asked, mut open, mut placed) = (Vec::new(), Vec::new(), Vec::new());
    for i in pool.invitations {
        if i.asked_me {
            asked.push(view(i));
        } else if i.placed {
            placed.push(view(i));
        } else {
            open.push(view(i));
        }
    }
    let profile = profile.unwrap_or_else(|| ProfileInput::of(&pool.me.profile));
    PoolSection {
        org: pool.organisation_id.to_string(),
        organisation: pool.organisation,
        vog: vog_words(tr, pool.vog),
        vog_attention: pool.vog.attention() && pool.rules.vog_required,
        asked,
        open,
        placed,
        grid: grid(tr, &profile.slots),
        profile,
        claims: pool.claims.into_iter().map(|cl| row(tr, cl)).collect(),
        claim: claim.unwrap_or_default(),
        km_rate: samenspel_core::pool::expenses::euros(pool.rules.km_cents),
        errors,
    }
}

async fn page(
    c: Chrome,
    ctx: &crate::service::Ctx<'_>,
    failed: (String, &'static str),
    profile: Option<ProfileInput>,
    claim: Option<ClaimInput>,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<MinePage, PageError> {
    let mut errors = Some(errors);
    let pools = service::mine(ctx)
        .await?
        .into_iter()
        .map(|pool| {
            let this = pool.organisation_id.as_str() == failed.0;
            let profile = if this && failed.1 == "profile" { profile.clone() } else { None };
            let claim = if this && failed.1 == "claim" { claim.clone() } else { None };
            let errors = if this { errors.take().unwrap_or_default() } else { Errors::default() };
            section(&c, pool, profile, claim, errors)
        })
        .collect();
    Ok(MinePage { parts: part_names(&c.tr), c, pools, notice })
}

pub async fn show(p: UserPage, Query(done): Query<Done>) -> PageResult {
    render(&page(p.chrome(), &p.ctx(), (String::new(), ""), None, None, Errors::default(), done.notice()).await?)
}

/// Saves, or shows the page again with the form's input and errors.
async fn saved(
    p: &OrganisationPage,
    r: samenspel_core::Result<()>,
    form: &'static str,
    profile: Option<ProfileInput>,
    claim: Option<ClaimInput>,
    done: &str,
) -> PageResult {
    match form_errors(r)? {
        Ok(()) => Ok(see_other(&format!("/pool?done={done}"))),
        Err(errors) => {
            let page = page(p.chrome(), &p.ctx(), (p.id.to_string(), form), profile, claim, errors, None).await?;
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

pub async fn profile(p: OrganisationPage, Form(f): Form<ProfileInput>) -> PageResult {
    let r = service::set_my_profile(&p.ctx(), &p.id, &f).await;
    saved(&p, r, "profile", Some(f), None, "pool-saved-notice").await
}

pub async fn claim(p: OrganisationPage, Form(f): Form<ClaimInput>) -> PageResult {
    let r = expenses::submit(&p.ctx(), &p.id, &f).await.map(|_| ());
    saved(&p, r, "claim", None, Some(f), "pool-claim-sent-notice").await
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct OfferForm {
    offer: String,
    answer: String,
}

pub async fn answer(p: OrganisationPage, Form(f): Form<OfferForm>) -> PageResult {
    offers::answer(&p.ctx(), &p.id, &f.offer, &f.answer).await?;
    let done = if f.answer == Answer::Yes.as_str() { "pool-answer-yes-notice" } else { "pool-answer-no-notice" };
    Ok(see_other(&format!("/pool?done={done}")))
}

pub async fn accept(p: OrganisationPage, Form(f): Form<OfferForm>) -> PageResult {
    let (circle, _) = offers::accept(&p.ctx(), &p.id, &f.offer).await?;
    Ok(see_other(&format!("/circles/{circle}?done=pool-accepted-notice")))
}

pub async fn decline(p: OrganisationPage, Form(f): Form<OfferForm>) -> PageResult {
    offers::decline(&p.ctx(), &p.id, &f.offer).await?;
    Ok(see_other("/pool?done=pool-declined-notice"))
}
