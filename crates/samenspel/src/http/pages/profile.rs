//! The collaboration profile: a short self-assessment about how one looks
//! at working together, private until the member shares it. And the SOFA
//! roles of a family carer, marked on the member card.

use super::Empty;
use super::circles::{CircleNav, Done};
use super::{Chrome, Errors, Form, form_errors, path_id, render, render_with, see_other};
use crate::app::AppState;
use crate::http::context::Visitor;
use crate::http::errors::PageError;
use crate::service::profiles;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::profile::{PROFILE_QUESTIONS, Perspective, Profile, ProfileInput, ProfileQuestion};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "profile.html")]
struct ProfilePage {
    c: Chrome,
    nav: CircleNav,
    profile: Option<Profile>,
    questions: &'static [ProfileQuestion],
    perspectives: [Perspective; 5],
    form: ProfileForm,
    errors: Errors,
    notice: Option<&'static str>,
}

#[derive(Deserialize, Default, Clone)]
pub struct ProfileForm {
    #[serde(default)]
    q1: String,
    #[serde(default)]
    q2: String,
    #[serde(default)]
    q3: String,
    #[serde(default)]
    q4: String,
    #[serde(default)]
    q5: String,
    #[serde(default)]
    q6: String,
    shared: Option<String>,
}

impl ProfileForm {
    fn answers(&self) -> [&String; 6] {
        [&self.q1, &self.q2, &self.q3, &self.q4, &self.q5, &self.q6]
    }

    fn from(p: &Profile) -> Self {
        let a = |i: usize| p.answers.get(i).map(|p| p.as_str().to_string()).unwrap_or_default();
        ProfileForm {
            q1: a(0),
            q2: a(1),
            q3: a(2),
            q4: a(3),
            q5: a(4),
            q6: a(5),
            shared: p.shared.then(|| "on".into()),
        }
    }

    pub fn chose(&self, n: impl std::borrow::Borrow<usize>, p: &Perspective) -> bool {
        self.answers().get(n.borrow().wrapping_sub(1)).is_some_and(|a| a.as_str() == p.as_str())
    }
}

fn circle_id(raw: &str) -> Result<CircleId, PageError> {
    path_id(raw, CircleId::parse)
}

async fn page(
    state: &AppState,
    v: &Visitor,
    circle: &CircleId,
    form: Option<ProfileForm>,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<ProfilePage, PageError> {
    let page = profiles::mine(&v.ctx(state)?, circle).await?;
    Ok(ProfilePage {
        c: Chrome::new(v),
        nav: CircleNav::new(&page.circle, &page.place, "members"),
        form: form.unwrap_or_else(|| page.data.as_ref().map(ProfileForm::from).unwrap_or_default()),
        profile: page.data,
        questions: &PROFILE_QUESTIONS,
        perspectives: Perspective::ALL,
        errors,
        notice,
    })
}

pub async fn show(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Query(done): Query<Done>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    render(&page(&state, &v, &id, None, Errors::default(), done.notice()).await?)
}

pub async fn save(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Form(f): Form<ProfileForm>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let input = ProfileInput { answers: f.answers().map(String::clone).to_vec(), shared: f.shared.is_some() };
    match form_errors(profiles::save(&v.ctx(&state)?, &id, &input).await)? {
        Ok(_) => Ok(see_other(&format!("/circles/{id}/profile?done=notice-profile-saved#result"))),
        Err(errors) => {
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &page(&state, &v, &id, Some(f), errors, None).await?)
        }
    }
}

#[derive(Deserialize, Default)]
pub struct ShareForm {
    shared: Option<String>,
}

pub async fn share(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Form(f): Form<ShareForm>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    profiles::share(&v.ctx(&state)?, &id, f.shared.is_some()).await?;
    Ok(see_other(&format!("/circles/{id}/profile?done=notice-saved")))
}

pub async fn remove(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    profiles::remove(&v.ctx(&state)?, &id).await?;
    Ok(see_other(&format!("/circles/{id}/profile?done=notice-profile-removed")))
}

#[derive(Deserialize, Default)]
pub struct RolesForm {
    /// One checkbox per role: repeated `roles=…`.
    #[serde(default)]
    roles: Vec<String>,
}

pub async fn set_carer_roles(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, member)): Path<(String, String)>,
    Form(f): Form<RolesForm>,
) -> Result<Response, PageError> {
    let id = circle_id(&circle)?;
    let member = path_id(&member, MemberId::parse)?;
    profiles::set_carer_roles(&v.ctx(&state)?, &id, &member, &f.roles).await?;
    Ok(see_other(&format!("/circles/{id}/members/{member}?done=notice-saved#sofa")))
}
