//! The collaboration profile: a short self-assessment about how one looks
//! at working together, private until the member shares it. And the SOFA
//! roles of a family carer, marked on the member card.

use super::Empty;
use super::{Chrome, CirclePage, Errors, Form, path_id, render, save_form, see_other};
use super::{CircleNav, Done};
use crate::http::errors::PageError;
use crate::http::pages::{Object, PageResult};
use crate::service::profiles;
use askama::Template;
use axum::extract::Query;
use samenspel_core::ids::MemberId;
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
#[serde(default)]
pub struct ProfileForm {
    q1: String,
    q2: String,
    q3: String,
    q4: String,
    q5: String,
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

async fn page(
    p: &CirclePage,
    form: Option<ProfileForm>,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<ProfilePage, PageError> {
    let page = profiles::mine(&p.ctx(), &p.id).await?;
    Ok(ProfilePage {
        c: p.chrome(),
        nav: p.nav(&page, "members"),
        form: form.unwrap_or_else(|| page.data.as_ref().map(ProfileForm::from).unwrap_or_default()),
        profile: page.data,
        questions: &PROFILE_QUESTIONS,
        perspectives: Perspective::ALL,
        errors,
        notice,
    })
}

pub async fn show(p: CirclePage, Query(done): Query<Done>) -> PageResult {
    render(&page(&p, None, Errors::default(), done.notice()).await?)
}

pub async fn save(p: CirclePage, Form(f): Form<ProfileForm>) -> PageResult {
    let input = ProfileInput { answers: f.answers().map(String::clone).to_vec(), shared: f.shared.is_some() };
    save_form(
        profiles::save(&p.ctx(), &p.id, &input).await,
        |_| p.at("/profile?done=notice-profile-saved#result"),
        async |errors| page(&p, Some(f), errors, None).await,
    )
    .await
}

#[derive(Deserialize, Default)]
pub struct ShareForm {
    shared: Option<String>,
}

pub async fn share(p: CirclePage, Form(f): Form<ShareForm>) -> PageResult {
    profiles::share(&p.ctx(), &p.id, f.shared.is_some()).await?;
    Ok(see_other(&p.at("/profile?done=notice-saved")))
}

pub async fn remove(p: CirclePage, Form(_): Form<Empty>) -> PageResult {
    profiles::remove(&p.ctx(), &p.id).await?;
    Ok(see_other(&p.at("/profile?done=notice-profile-removed")))
}

#[derive(Deserialize, Default)]
pub struct RolesForm {
    /// One checkbox per role: repeated `roles=…`.
    #[serde(default)]
    roles: Vec<String>,
}

pub async fn set_carer_roles(p: CirclePage, Object(member): Object, Form(f): Form<RolesForm>) -> PageResult {
    let member = path_id(&member, MemberId::parse)?;
    profiles::set_carer_roles(&p.ctx(), &p.id, &member, &f.roles).await?;
    Ok(see_other(&p.at(&format!("/members/{member}?done=notice-saved#sofa"))))
}
