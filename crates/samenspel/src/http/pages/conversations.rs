//! Conversation guides: the list of guides and held conversations, the
//! guided form (one question after another), and a held conversation with
//! a way to turn each answer into an agreement.

use super::Empty;
use super::{Chrome, CirclePage, Errors, Form, form_errors, render, render_with, save_form, see_other};
use super::{CircleNav, Done};
use crate::http::errors::PageError;
use crate::http::pages::{Object, PageResult};
use crate::service::conversations;
use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use samenspel_core::Error;
use samenspel_core::audience::Audience;
use samenspel_core::change::Change;
use samenspel_core::conversation::{Conversation, ConversationInput, Guide, Question};
use samenspel_core::member::Member;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Template)]
#[template(path = "conversations.html")]
struct ListPage {
    c: Chrome,
    nav: CircleNav,
    client_name: String,
    guides: [Guide; 4],
    list: Vec<Conversation>,
    may_hold: bool,
    notice: Option<&'static str>,
}

pub async fn list(p: CirclePage, Query(done): Query<Done>) -> PageResult {
    list_page(&p, done.notice(), false).await
}

async fn list_page(p: &CirclePage, notice: Option<&'static str>, to_hold_one: bool) -> PageResult {
    let page = conversations::list(&p.ctx(), &p.id).await?;
    let nav = p.nav(&page, "agreements");
    if to_hold_one && !page.data.may_hold {
        return Err(Error::Forbidden.into());
    }
    render(&ListPage {
        c: p.chrome(),
        nav,
        client_name: page.circle.client_name.clone(),
        guides: Guide::ALL,
        list: page.data.list,
        may_hold: page.data.may_hold,
        notice,
    })
}

/// The form as shown: answers by question key, the rest as typed.
#[derive(Default, Clone)]
pub struct ConversationForm {
    guide: String,
    held_on: String,
    participants: Vec<String>,
    others: String,
    audience: String,
    answers: BTreeMap<String, String>,
    closes_changes: Vec<String>,
}

impl ConversationForm {
    /// Reads the posted pairs; answer fields are named after their question.
    fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut f = ConversationForm::default();
        for (name, value) in pairs {
            match name.as_str() {
                "guide" => f.guide = value,
                "held_on" => f.held_on = value,
                "participants" => f.participants.push(value),
                "others" => f.others = value,
                "audience" => f.audience = value,
                "closes_changes" => f.closes_changes.push(value),
                "csrf" | "idem" => {}
                _ => {
                    f.answers.insert(name, value);
                }
            }
        }
        f
    }

    fn from(c: &Conversation) -> Self {
        ConversationForm {
            guide: c.guide.as_str().into(),
            held_on: c.held_on.to_string(),
            participants: c.participants.iter().map(|(m, _)| m.to_string()).collect(),
            others: c.others.clone(),
            audience: c.audience.as_str().into(),
            answers: c.answers.clone(),
            closes_changes: Vec::new(),
        }
    }

    fn input(&self) -> ConversationInput {
        ConversationInput {
            guide: self.guide.clone(),
            held_on: self.held_on.clone(),
            participants: self.participants.clone(),
            others: self.others.clone(),
            audience: self.audience.clone(),
            // Only this guide's questions are fields; anything else is ignored by the form.
            answers: self.answers.clone(),
            closes_changes: self.closes_changes.clone(),
        }
    }

    pub fn answer(&self, q: &Question) -> &str {
        self.answers.get(q.key).map(String::as_str).unwrap_or("")
    }

    pub fn took_part(&self, m: &Member) -> bool {
        self.participants.iter().any(|p| p == m.id.as_str())
    }

    pub fn audience_is(&self, a: &Audience) -> bool {
        self.audience == a.as_str() || (self.audience.is_empty() && *a == Audience::Circle)
    }

    pub fn closes(&self, ch: &Change) -> bool {
        self.closes_changes.contains(&ch.id)
    }
}

#[derive(Template)]
#[template(path = "conversation_form.html")]
struct FormPage {
    c: Chrome,
    nav: CircleNav,
    client_name: String,
    guide: Guide,
    action: String,
    editing: bool,
    form: ConversationForm,
    members: Vec<Member>,
    audiences: [Audience; 4],
    /// Open changes a review conversation can close (new review conversations only).
    changes: Vec<Change>,
    errors: Errors,
}

async fn form_page(
    p: &CirclePage,
    existing: Option<&str>,
    form: ConversationForm,
    errors: Errors,
) -> Result<FormPage, PageError> {
    let page = conversations::list(&p.ctx(), &p.id).await?;
    let nav = p.nav(&page, "agreements");
    if !page.data.may_hold {
        return Err(Error::Forbidden.into());
    }
    let guide = Guide::parse(&form.guide).ok_or(Error::NotFound)?;
    let (action, changes) = match existing {
        Some(id) => (p.at(&format!("/conversations/{id}")), Vec::new()),
        None if guide == Guide::Review => (p.at("/conversations"), page.data.changes),
        None => (p.at("/conversations"), Vec::new()),
    };
    Ok(FormPage {
        c: p.chrome(),
        nav,
        client_name: page.circle.client_name.clone(),
        guide,
        action,
        editing: existing.is_some(),
        form,
        members: page.data.members,
        audiences: Audience::ALL,
        changes,
        errors,
    })
}

#[derive(Deserialize, Default)]
pub struct NewQuery {
    guide: Option<String>,
    /// A change to discuss: ticked in a new review conversation.
    change: Option<String>,
}

pub async fn new_form(p: CirclePage, Query(q): Query<NewQuery>) -> PageResult {
    // No guide chosen (yet): the list is where one chooses.
    if q.guide.as_deref().and_then(Guide::parse).is_none() {
        return list_page(&p, None, true).await;
    }
    let today = crate::i18n::local(&p.v.now).date().to_string();
    let form = ConversationForm {
        guide: q.guide.unwrap_or_default(),
        held_on: today,
        closes_changes: q.change.into_iter().collect(),
        ..Default::default()
    };
    render(&form_page(&p, None, form, Errors::default()).await?)
}

pub async fn hold(p: CirclePage, Form(pairs): Form<Vec<(String, String)>>) -> PageResult {
    let f = ConversationForm::from_pairs(pairs);
    match form_errors(conversations::hold(&p.ctx(), &p.id, &f.input()).await)? {
        Ok(conversation) => {
            Ok(see_other(&p.at(&format!("/conversations/{conversation}?done=notice-conversation-saved"))))
        }
        Err(errors) => render_with(StatusCode::UNPROCESSABLE_ENTITY, &form_page(&p, None, f, errors).await?),
    }
}

#[derive(Template)]
#[template(path = "conversation.html")]
struct ViewPage {
    c: Chrome,
    nav: CircleNav,
    client_name: String,
    conv: Conversation,
    may_change: bool,
    may_make_agreements: bool,
    in_about: Vec<samenspel_core::about::Part>,
    notice: Option<&'static str>,
}

pub async fn show(p: CirclePage, Object(conversation): Object, Query(done): Query<Done>) -> PageResult {
    let page = conversations::view(&p.ctx(), &p.id, &conversation).await?;
    let nav = p.nav(&page, "agreements");
    render(&ViewPage {
        c: p.chrome(),
        nav,
        client_name: page.circle.client_name.clone(),
        conv: page.data.conversation,
        may_change: page.data.may_change,
        may_make_agreements: page.data.may_make_agreements,
        in_about: page.data.in_about,
        notice: done.notice(),
    })
}

pub async fn edit_form(p: CirclePage, Object(conversation): Object) -> PageResult {
    let page = conversations::view(&p.ctx(), &p.id, &conversation).await?;
    if !page.data.may_change {
        return Err(Error::Forbidden.into());
    }
    let form = ConversationForm::from(&page.data.conversation);
    render(&form_page(&p, Some(&conversation), form, Errors::default()).await?)
}

pub async fn change(
    p: CirclePage,
    Object(conversation): Object,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    let f = ConversationForm::from_pairs(pairs);
    save_form(
        conversations::change(&p.ctx(), &p.id, &conversation, &f.input()).await,
        |()| p.at(&format!("/conversations/{conversation}?done=notice-conversation-saved")),
        async |errors| form_page(&p, Some(&conversation), f, errors).await,
    )
    .await
}

pub async fn remove(p: CirclePage, Object(conversation): Object, Form(_): Form<Empty>) -> PageResult {
    conversations::remove(&p.ctx(), &p.id, &conversation).await?;
    Ok(see_other(&p.at("/conversations?done=notice-conversation-removed")))
}
