//! One entry: writing a new one (with photos and files), reading it with its
//! replies, its history, changing, removing and closing it.

use super::Card;
use crate::http::errors::PageError;
use crate::http::pages::AudienceChoice;
use crate::http::pages::{Chrome, CirclePage, Empty, Errors, Form, UploadForm, render, save_form, see_other};
use crate::http::pages::{CircleNav, Done};
use crate::http::pages::{Object, PageResult};
use crate::service::{InCircle, logbook};
use askama::Template;
use axum::extract::Query;
use samenspel_core::Error;
use samenspel_core::logbook::{EntryKind, Reaction, Revision, SeenBy};
use samenspel_core::member::Member;
use samenspel_store::idempotency::IdempotencyKey;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "entry_form.html")]
pub(super) struct EntryFormPage {
    /// Who may see it (`audience_fields.html`).
    who: AudienceChoice,
    c: Chrome,
    nav: CircleNav,
    members: Vec<Member>,
    form: EntryForm,
    kinds: [EntryKind; 5],
    cards: [samenspel_core::logbook::Card; 5],
    /// The goal this entry tells about, in its words, when it came from the plan.
    goal: Option<String>,
    errors: Errors,
    files_lost: bool,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct EntryForm {
    kind: String,
    audience: String,
    chosen: Vec<String>,
    recipients: Vec<String>,
    body: String,
    idem: String,
    /// With kind `thanks`: the picture on the card.
    card: String,
    /// The wellbeing goal this entry tells about.
    goal: String,
}

crate::http::pages::forms::audience_fields!(EntryForm);

impl EntryForm {
    fn has_recipient(&self, id: &str) -> bool {
        self.recipients.iter().any(|c| c == id)
    }
    fn has_card(&self, card: &samenspel_core::logbook::Card) -> bool {
        self.card == card.as_str()
    }
}

async fn form_page(
    p: &CirclePage,
    form: EntryForm,
    errors: Errors,
    files_lost: bool,
) -> Result<EntryFormPage, PageError> {
    let page: InCircle<Vec<Member>> = logbook::compose(&p.ctx(), &p.id).await?;
    let me = page.place.member_id.to_string();
    let goal = match form.goal.as_str() {
        "" => None,
        id => Some(crate::service::about::goal(&p.ctx(), &p.id, id).await?.data.words),
    };
    Ok(EntryFormPage {
        c: p.chrome(),
        // The bar's "Schrijf"; the tabs mark "Logboek" for it.
        nav: p.nav(&page, "write"),
        members: page.data.into_iter().filter(|m| m.id.as_str() != me).collect(),
        form,
        kinds: EntryKind::ALL,
        cards: samenspel_core::logbook::Card::ALL,
        goal,
        who: AudienceChoice::new("entry-form-chosen-hint"),
        errors,
        files_lost,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct KindQuery {
    kind: String,
    /// A member to thank (with kind `thanks`), from "Bedank" on a member card.
    to: String,
    /// A wellbeing goal the entry tells about, from the plan.
    goal: String,
    /// A first sentence to start from (offering help after a carer's signal).
    body: String,
}

pub async fn new_form(p: CirclePage, Query(q): Query<KindQuery>) -> PageResult {
    let kind = EntryKind::parse(&q.kind).unwrap_or(EntryKind::Update);
    let form = EntryForm {
        kind: kind.as_str().into(),
        audience: "circle".into(),
        recipients: if kind == EntryKind::Thanks && !q.to.is_empty() { vec![q.to] } else { Vec::new() },
        goal: q.goal,
        body: q.body.chars().take(samenspel_core::logbook::MAX_BODY).collect(),
        ..Default::default()
    };
    render(&form_page(&p, form, Errors::default(), false).await?)
}

pub async fn write(p: CirclePage, upload: UploadForm<EntryForm>) -> PageResult {
    let f = upload.fields;
    let had_files = !upload.files.is_empty();
    let input = logbook::WriteEntry {
        kind: f.kind.clone(),
        audience: f.audience.clone(),
        chosen: f.chosen.clone(),
        recipients: f.recipients.clone(),
        body: f.body.clone(),
        card: f.card.clone(),
        goal: f.goal.clone(),
    };
    let idem = IdempotencyKey::parse(&f.idem);
    save_form(
        logbook::write(&p.ctx(), &p.id, &input, upload.files, idem.as_ref()).await,
        |entry| p.at(&format!("/logbook/{entry}?done=notice-entry-saved")),
        async |errors| form_page(&p, f, errors, had_files).await,
    )
    .await
}

#[derive(Template)]
#[template(path = "entry.html")]
pub(super) struct EntryPage {
    c: Chrome,
    nav: CircleNav,
    card: Card,
    replies: Vec<(samenspel_core::logbook::Reply, String)>,
    seen_by: SeenBy,
    can_write: bool,
    can_edit: bool,
    can_delete: bool,
    can_close: bool,
    can_moderate: bool,
    me: String,
    reactions: [Reaction; 3],
    reply_text: String,
    errors: Errors,
    notice: Option<&'static str>,
}

impl EntryPage {
    fn reaction_count(&self, r: &Reaction) -> i64 {
        self.card.e.reactions.iter().find(|x| x.reaction == *r).map(|x| x.count).unwrap_or(0)
    }
    fn not_yet(&self) -> String {
        self.seen_by.not_yet.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")
    }
    fn reacted(&self, r: &Reaction) -> bool {
        self.card.e.reactions.iter().any(|x| x.reaction == *r && x.mine)
    }
}

/// An entry's page; with a reply that did not save, its text and errors.
pub(super) async fn entry_page(
    p: &CirclePage,
    entry: &str,
    reply_text: String,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<EntryPage, PageError> {
    let page = logbook::view(&p.ctx(), &p.id, entry).await?;
    let nav = p.nav(&page, "logbook");
    let view = page.data;
    Ok(EntryPage {
        c: p.chrome(),
        nav,
        card: Card::new(p.v.tr, &p.id, view.entry),
        replies: view.replies.into_iter().map(with_html).collect(),
        seen_by: view.seen_by,
        can_write: view.can_write,
        can_edit: view.can_edit,
        can_delete: view.can_delete,
        can_close: view.can_close,
        can_moderate: view.can_moderate,
        me: page.place.member_id.to_string(),
        reactions: Reaction::ALL,
        reply_text,
        errors,
        notice,
    })
}

/// A reply or revision with its text as safe HTML.
fn with_html<T: HasBody>(t: T) -> (T, String) {
    let html = crate::text::to_html(t.body());
    (t, html)
}

trait HasBody {
    fn body(&self) -> &str;
}

impl HasBody for samenspel_core::logbook::Reply {
    fn body(&self) -> &str {
        &self.body
    }
}

impl HasBody for Revision {
    fn body(&self) -> &str {
        &self.body
    }
}

pub async fn show(p: CirclePage, Object(entry): Object, Query(done): Query<Done>) -> PageResult {
    render(&entry_page(&p, &entry, String::new(), Errors::default(), done.notice()).await?)
}

#[derive(Template)]
#[template(path = "entry_history.html")]
struct HistoryPage {
    c: Chrome,
    nav: CircleNav,
    card: Card,
    revisions: Vec<(Revision, String)>,
}

pub async fn history(p: CirclePage, Object(entry): Object) -> PageResult {
    let page = logbook::history(&p.ctx(), &p.id, &entry).await?;
    let nav = p.nav(&page, "logbook");
    let (e, revisions) = page.data;
    render(&HistoryPage {
        c: p.chrome(),
        nav,
        card: Card::new(p.v.tr, &p.id, e),
        revisions: revisions.into_iter().map(with_html).collect(),
    })
}

#[derive(Template)]
#[template(path = "entry_edit.html")]
struct EditPage {
    c: Chrome,
    nav: CircleNav,
    card: Card,
    body: String,
    errors: Errors,
}

#[derive(Deserialize, Default)]
pub struct BodyForm {
    #[serde(default)]
    pub(super) body: String,
}

async fn edit_page(p: &CirclePage, entry: &str, body: Option<String>, errors: Errors) -> Result<EditPage, PageError> {
    let page = logbook::view(&p.ctx(), &p.id, entry).await?;
    if !page.data.can_edit {
        return Err(PageError::Domain(Error::Forbidden));
    }
    let nav = p.nav(&page, "logbook");
    let card = Card::new(p.v.tr, &p.id, page.data.entry);
    Ok(EditPage { c: p.chrome(), nav, body: body.unwrap_or_else(|| card.e.body.clone()), card, errors })
}

pub async fn edit_form(p: CirclePage, Object(entry): Object) -> PageResult {
    render(&edit_page(&p, &entry, None, Errors::default()).await?)
}

pub async fn edit(p: CirclePage, Object(entry): Object, Form(f): Form<BodyForm>) -> PageResult {
    save_form(
        logbook::edit(&p.ctx(), &p.id, &entry, &f.body).await,
        |()| p.at(&format!("/logbook/{entry}?done=notice-saved")),
        async |errors| edit_page(&p, &entry, Some(f.body), errors).await,
    )
    .await
}

pub async fn delete(p: CirclePage, Object(entry): Object, Form(_): Form<Empty>) -> PageResult {
    logbook::delete(&p.ctx(), &p.id, &entry).await?;
    Ok(see_other(&p.at("/logbook?done=notice-entry-removed")))
}

pub async fn close(p: CirclePage, Object(entry): Object, Form(_): Form<Empty>) -> PageResult {
    logbook::close(&p.ctx(), &p.id, &entry).await?;
    Ok(see_other(&p.at(&format!("/logbook/{entry}?done=notice-entry-closed"))))
}
