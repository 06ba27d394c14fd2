//! One volunteer's record, for the pool's keepers: what they say about
//! themselves (availability, area, interests, skills, languages), their VOG,
//! insurance and taking part, and the training they followed.

use super::{GridRow, grid, part_names, vog_words};
use crate::http::errors::PageError;
use crate::http::pages::monitor::OrganisationPage;
use crate::http::pages::{Chrome, Done, Errors, Form, Object, PageResult, render, save_form};
use crate::service::pool as service;
use askama::Template;
use axum::extract::Query;
use samenspel_core::pool::{ProfileInput, RecordInput, Training, TrainingInput};

#[derive(Template)]
#[template(path = "pool_volunteer.html")]
struct VolunteerPage {
    c: Chrome,
    org: String,
    id: String,
    name: String,
    email: String,
    vog: String,
    vog_attention: bool,
    trainings: Vec<Training>,
    profile: ProfileInput,
    grid: Vec<GridRow>,
    parts: Vec<String>,
    record: RecordInput,
    training: TrainingInput,
    /// The failed form's errors (its fields' names differ from the other forms').
    errors: Errors,
    notice: Option<&'static str>,
}

/// The page, with one form's input and errors kept when it failed.
struct Kept {
    profile: Option<ProfileInput>,
    record: Option<RecordInput>,
    training: Option<TrainingInput>,
}

async fn page(
    p: &OrganisationPage,
    id: &str,
    kept: Kept,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<VolunteerPage, PageError> {
    let (listed, _) = service::volunteer(&p.ctx(), &p.id, id).await?;
    let c = p.chrome();
    let v = listed.volunteer;
    let profile = kept.profile.unwrap_or_else(|| ProfileInput::of(&v.profile));
    let record = kept.record.unwrap_or_else(|| RecordInput {
        vog_issued_on: v.vog_issued_on.map(|d| d.to_string()).unwrap_or_default(),
        insurance: v.insurance.clone(),
        active: if v.active { "on".into() } else { String::new() },
    });
    Ok(VolunteerPage {
        org: p.id.to_string(),
        id: v.id.clone(),
        name: v.name,
        email: v.email,
        vog: vog_words(&c.tr, listed.vog),
        vog_attention: listed.vog.attention(),
        trainings: v.trainings,
        grid: grid(&c.tr, &profile.slots),
        parts: part_names(&c.tr),
        profile,
        record,
        training: kept.training.unwrap_or_default(),
        errors,
        notice,
        c,
    })
}

const FRESH: Kept = Kept { profile: None, record: None, training: None };

pub async fn show(p: OrganisationPage, Object(id): Object, Query(done): Query<Done>) -> PageResult {
    render(&page(&p, &id, FRESH, Errors::default(), done.notice()).await?)
}

fn back(p: &OrganisationPage, id: &str) -> String {
    format!("/organisations/{}/pool/{id}?done=pool-saved-notice", p.id)
}

pub async fn profile(p: OrganisationPage, Object(id): Object, Form(f): Form<ProfileInput>) -> PageResult {
    let r = service::set_profile(&p.ctx(), &p.id, &id, &f).await;
    let kept = Kept { profile: Some(f.clone()), ..FRESH };
    save_form(r, |_| back(&p, &id), async |e| page(&p, &id, kept, e, None).await).await
}

pub async fn record(p: OrganisationPage, Object(id): Object, Form(f): Form<RecordInput>) -> PageResult {
    let r = service::set_record(&p.ctx(), &p.id, &id, &f).await;
    let kept = Kept { record: Some(f.clone()), ..FRESH };
    save_form(r, |_| back(&p, &id), async |e| page(&p, &id, kept, e, None).await).await
}

pub async fn training(p: OrganisationPage, Object(id): Object, Form(f): Form<TrainingInput>) -> PageResult {
    let r = service::add_training(&p.ctx(), &p.id, &id, &f).await;
    let kept = Kept { training: Some(f.clone()), ..FRESH };
    save_form(r, |_| back(&p, &id), async |e| page(&p, &id, kept, e, None).await).await
}
