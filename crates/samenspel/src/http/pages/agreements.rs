//! "Wie doet wat": the agreements by life domain and Schijf-van-Vijf step,
//! with the share each step carries; the forms to make and change them.

use super::Empty;
use super::{Chrome, CirclePage, Errors, Form, render, save_form, see_other};
use super::{CircleNav, Done};
use crate::http::errors::PageError;
use crate::http::pages::{Object, PageResult};
use crate::service::{agreements, conversations};
use askama::Template;
use axum::extract::Query;
use samenspel_core::Error;
use samenspel_core::agreement::{Agreement, AgreementInput, Domain, Party, Step, shares};
use samenspel_core::member::Member;
use serde::Deserialize;

/// One domain's agreements, with whether the reader may change each.
pub struct DomainGroup {
    domain: Domain,
    items: Vec<(Agreement, bool)>,
}

#[derive(Template)]
#[template(path = "agreements.html")]
struct ListPage {
    c: Chrome,
    nav: CircleNav,
    client_name: String,
    groups: Vec<DomainGroup>,
    empty_domains: Vec<Domain>,
    due: Vec<Agreement>,
    shares: Vec<(Step, i64, u32)>,
    total: usize,
    may_write: bool,
    may_set_policy: bool,
    informal_edits_professional: bool,
    changes: Vec<samenspel_core::change::Change>,
    notice: Option<&'static str>,
}

fn today(now: &jiff::Timestamp) -> jiff::civil::Date {
    crate::i18n::local(now).date()
}

pub async fn list(p: CirclePage, Query(done): Query<Done>) -> PageResult {
    let page = agreements::list(&p.ctx(), &p.id).await?;
    let data = &page.data;
    let today = today(&p.v.now);
    let groups: Vec<DomainGroup> = Domain::ALL
        .into_iter()
        .filter_map(|domain| {
            let items: Vec<(Agreement, bool)> = data
                .list
                .iter()
                .filter(|a| a.domain == domain)
                .map(|a| (a.clone(), data.may_change(a, &page.place)))
                .collect();
            (!items.is_empty()).then_some(DomainGroup { domain, items })
        })
        .collect();
    let empty_domains =
        Domain::ALL.into_iter().filter(|d| *d != Domain::Other && !data.list.iter().any(|a| a.domain == *d)).collect();
    render(&ListPage {
        c: p.chrome(),
        nav: p.nav(&page, "agreements"),
        client_name: page.circle.client_name.clone(),
        due: data.list.iter().filter(|a| a.due(today)).cloned().collect(),
        shares: shares(&data.list).into_iter().map(|(s, n, p)| (s, n as i64, p)).collect(),
        total: data.list.len(),
        groups,
        empty_domains,
        may_write: data.may_write,
        may_set_policy: data.may_set_policy,
        informal_edits_professional: data.informal_edits_professional,
        changes: data.changes.clone(),
        notice: done.notice(),
    })
}

/// The form's values as shown.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AgreementForm {
    domain: String,
    step: String,
    description: String,
    doer: String,
    doer_name: String,
    backup: String,
    backup_name: String,
    frequency: String,
    since: String,
    lead: String,
    review_on: String,
    /// Made from a conversation's answer (a hidden field).
    conversation_id: String,
}

fn party_fields(p: &Party) -> (String, String) {
    match p {
        Party::Nobody => (String::new(), String::new()),
        Party::Member { id, .. } => (id.to_string(), String::new()),
        Party::Named(n) => (String::new(), n.clone()),
    }
}

impl AgreementForm {
    fn from(a: &Agreement) -> Self {
        let (doer, doer_name) = party_fields(&a.doer);
        let (backup, backup_name) = party_fields(&a.backup);
        AgreementForm {
            domain: a.domain.as_str().into(),
            step: a.step.number().to_string(),
            description: a.description.clone(),
            doer,
            doer_name,
            backup,
            backup_name,
            frequency: a.frequency.clone(),
            since: a.since.map(|d| d.to_string()).unwrap_or_default(),
            lead: a.lead.member_id().map(|m| m.to_string()).unwrap_or_default(),
            review_on: a.review_on.map(|d| d.to_string()).unwrap_or_default(),
            conversation_id: String::new(),
        }
    }

    fn input(&self) -> AgreementInput {
        AgreementInput {
            domain: self.domain.clone(),
            // Not a number: 0, which the check refuses as "choose a step".
            step: self.step.trim().parse().unwrap_or(0),
            description: self.description.clone(),
            doer: self.doer.clone(),
            doer_name: self.doer_name.clone(),
            backup: self.backup.clone(),
            backup_name: self.backup_name.clone(),
            frequency: self.frequency.clone(),
            since: self.since.clone(),
            lead: self.lead.clone(),
            review_on: self.review_on.clone(),
            conversation_id: self.conversation_id.clone(),
        }
    }

    fn step_is(&self, s: &Step) -> bool {
        self.step == s.number().to_string()
    }
}

#[derive(Template)]
#[template(path = "agreement_form.html")]
struct FormPage {
    c: Chrome,
    nav: CircleNav,
    client_name: String,
    heading: &'static str,
    action: String,
    end: Option<String>,
    form: AgreementForm,
    parties: [PartyField; 2],
    members: Vec<Member>,
    domains: [Domain; 9],
    steps: [Step; 5],
    errors: Errors,
}

async fn form_page(
    p: &CirclePage,
    existing: Option<&str>,
    form: Option<AgreementForm>,
    errors: Errors,
) -> Result<FormPage, PageError> {
    let page = agreements::list(&p.ctx(), &p.id).await?;
    if !page.data.may_write {
        return Err(Error::Forbidden.into());
    }
    let current = match existing {
        Some(id) => {
            let a = page.data.list.iter().find(|a| a.id == id).ok_or(Error::NotFound)?;
            if !page.data.may_change(a, &page.place) {
                return Err(Error::Forbidden.into());
            }
            Some(a.clone())
        }
        None => None,
    };
    let (heading, action, end) = match existing {
        Some(id) => {
            ("agreement-edit-title", p.at(&format!("/agreements/{id}")), Some(p.at(&format!("/agreements/{id}/end"))))
        }
        None => ("agreement-new-title", p.at("/agreements"), None),
    };
    let fallback = || current.as_ref().map(AgreementForm::from).unwrap_or_default();
    let form = form.unwrap_or_else(fallback);
    let parties = [
        PartyField { field: "doer", label: "agreement-doer", member: form.doer.clone(), name: form.doer_name.clone() },
        PartyField {
            field: "backup",
            label: "agreement-backup",
            member: form.backup.clone(),
            name: form.backup_name.clone(),
        },
    ];
    Ok(FormPage {
        parties,
        c: p.chrome(),
        nav: p.nav(&page, "agreements"),
        client_name: page.circle.client_name.clone(),
        heading,
        action,
        end,
        form,
        members: page.data.members,
        domains: Domain::ALL,
        steps: Step::ALL,
        errors,
    })
}

/// The doer or the backup in the form: a member, or a name.
pub struct PartyField {
    field: &'static str,
    label: &'static str,
    member: String,
    name: String,
}

/// An agreement can start from an answer in a held conversation.
#[derive(Deserialize, Default)]
pub struct FromAnswer {
    conversation: Option<String>,
    question: Option<String>,
}

pub async fn new_form(p: CirclePage, Query(from): Query<FromAnswer>) -> PageResult {
    let form = match (&from.conversation, &from.question) {
        (Some(conversation), Some(question)) => {
            let page = conversations::view(&p.ctx(), &p.id, conversation).await?;
            let conv = page.data.conversation;
            let q = conv.guide.question(question).ok_or(Error::NotFound)?;
            let answer = conv.answers.get(q.key).ok_or(Error::NotFound)?;
            Some(AgreementForm {
                description: answer.chars().take(samenspel_core::agreement::MAX_DESCRIPTION).collect(),
                step: q.step.map(|s| s.number().to_string()).unwrap_or_default(),
                conversation_id: conv.id,
                ..Default::default()
            })
        }
        _ => None,
    };
    render(&form_page(&p, None, form, Errors::default()).await?)
}

pub async fn add(p: CirclePage, Form(f): Form<AgreementForm>) -> PageResult {
    save_form(
        agreements::add(&p.ctx(), &p.id, &f.input()).await,
        |_| p.at("/agreements?done=notice-agreement-saved"),
        async |errors| form_page(&p, None, Some(f), errors).await,
    )
    .await
}

pub async fn edit_form(p: CirclePage, Object(agreement): Object) -> PageResult {
    render(&form_page(&p, Some(&agreement), None, Errors::default()).await?)
}

pub async fn change(p: CirclePage, Object(agreement): Object, Form(f): Form<AgreementForm>) -> PageResult {
    save_form(
        agreements::change(&p.ctx(), &p.id, &agreement, &f.input()).await,
        |()| p.at("/agreements?done=notice-agreement-saved"),
        async |errors| form_page(&p, Some(&agreement), Some(f), errors).await,
    )
    .await
}

pub async fn end(p: CirclePage, Object(agreement): Object, Form(_): Form<Empty>) -> PageResult {
    agreements::end(&p.ctx(), &p.id, &agreement).await?;
    Ok(see_other(&p.at("/agreements?done=notice-agreement-ended")))
}

#[derive(Deserialize, Default)]
pub struct PolicyForm {
    informal_edits_professional: Option<String>,
}

pub async fn set_policy(p: CirclePage, Form(f): Form<PolicyForm>) -> PageResult {
    agreements::set_policy(&p.ctx(), &p.id, f.informal_edits_professional.is_some()).await?;
    Ok(see_other(&p.at("/agreements?done=notice-saved")))
}

/// For the templates: is this member the one chosen?
pub fn chosen(current: &str, m: &Member) -> bool {
    current == m.id.as_str()
}
