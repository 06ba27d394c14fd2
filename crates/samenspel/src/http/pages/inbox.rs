//! The coach's inbox ("Te doen"): what needs a person across the circles I
//! coordinate, grouped by kind, each with who is on it, a link to where it
//! is in its circle, and buttons to take it on or mark it done.

use super::{Chrome, CirclePage, Form, PageResult, UserPage, render, see_other};
use crate::service::inbox::{self as service, Item, Kind, Mark};
use askama::Template;
use serde::Deserialize;

pub struct ItemView {
    pub circle: String,
    pub client: String,
    pub key: String,
    pub subject: String,
    pub detail: String,
    pub since: String,
    /// Where the item is in its circle.
    pub href: String,
    /// "Joost van Dam", "jij", or empty when nobody is on it.
    pub on_it: String,
    pub mine: bool,
}

pub struct GroupView {
    pub kind: &'static str,
    pub title: String,
    pub items: Vec<ItemView>,
}

#[derive(Template)]
#[template(path = "inbox.html")]
struct InboxPage {
    c: Chrome,
    groups: Vec<GroupView>,
    circles: usize,
    notice: Option<&'static str>,
}

fn href(item: &Item) -> String {
    let circle = format!("/circles/{}", item.circle_id);
    let id = item.key.split(':').nth(1).unwrap_or_default();
    match item.kind {
        Kind::Signal => circle,
        Kind::Help => format!("{circle}/help/{id}"),
        Kind::Shift => format!("{circle}/agenda"),
        Kind::Review => format!("{circle}/agreements"),
        Kind::Newcomer => format!("{circle}/members/{id}"),
    }
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    done: Option<String>,
}

pub async fn show(p: UserPage, axum::extract::Query(q): axum::extract::Query<DoneQuery>) -> PageResult {
    let inbox = service::mine(&p.ctx()).await?;
    let c = p.chrome();
    let me = p.user.id().clone();
    let mut groups: Vec<GroupView> = Vec::new();
    for item in &inbox.items {
        if groups.last().is_none_or(|g| g.kind != item.kind.as_str()) {
            groups.push(GroupView {
                kind: item.kind.as_str(),
                title: c.tr.t(&format!("inbox-kind-{}", item.kind.as_str())),
                items: Vec::new(),
            });
        }
        let mine = item.claimed_by.as_ref().is_some_and(|(u, _)| *u == me);
        let on_it = match &item.claimed_by {
            Some(_) if mine => c.tr.t("inbox-on-it-me"),
            Some((_, name)) => name.clone(),
            None => String::new(),
        };
        let view = ItemView {
            circle: item.circle_id.to_string(),
            client: item.client_name.clone(),
            key: item.key.clone(),
            subject: item.subject.clone(),
            detail: item.detail.clone(),
            since: item.since.map(|t| c.tr.date(&t)).unwrap_or_default(),
            href: href(item),
            on_it,
            mine,
        };
        if let Some(g) = groups.last_mut() {
            g.items.push(view);
        }
    }
    let notice = match q.done.as_deref() {
        Some("claimed") => Some("inbox-claimed-notice"),
        Some("done") => Some("inbox-done-notice"),
        _ => None,
    };
    render(&InboxPage { c, groups, circles: inbox.circles, notice })
}

#[derive(Deserialize, Default)]
pub struct MarkForm {
    #[serde(default)]
    key: String,
}

async fn mark(p: &CirclePage, key: &str, m: Mark) -> PageResult {
    service::mark(&p.ctx(), &p.id, key, m).await?;
    let done = if m == Mark::Claim { "claimed" } else { "done" };
    Ok(see_other(&format!("/inbox?done={done}")))
}

pub async fn claim(p: CirclePage, Form(f): Form<MarkForm>) -> PageResult {
    mark(&p, &f.key, Mark::Claim).await
}

pub async fn done(p: CirclePage, Form(f): Form<MarkForm>) -> PageResult {
    mark(&p, &f.key, Mark::Done).await
}
