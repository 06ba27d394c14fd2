//! The overview ("de rode draad"), the logbook, one entry with its replies,
//! writing and changing entries, and serving their photos and files.

use super::circles::{CircleNav, Done};
use super::sign_in::Empty;
use super::{Chrome, Errors, Form, UploadForm, form_errors, path_id, render, render_with, see_other};
use crate::app::AppState;
use crate::http::context::Visitor;
use crate::http::errors::PageError;
use crate::i18n::Tr;
use crate::service::{InCircle, logbook};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use samenspel_core::Error;
use samenspel_core::audience::Audience;
use samenspel_core::ids::CircleId;
use samenspel_core::logbook::{AttachmentKind, Entry, EntryKind, Reaction, Revision, SeenBy, Status};
use samenspel_core::member::Member;
use samenspel_store::idempotency::IdempotencyKey;
use samenspel_store::logbook::EntryFilter;
use serde::Deserialize;

/// An entry ready for a template: its text as safe HTML, a short version,
/// and who may see it in words.
pub struct Card {
    pub e: Entry,
    pub html: String,
    pub excerpt: String,
    pub visible_to: String,
    pub link: String,
    pub new: bool,
}

impl Card {
    pub fn new(tr: Tr, circle: &CircleId, e: Entry) -> Self {
        let visible_to = match e.audience {
            Audience::Chosen => {
                let names: Vec<&str> = e.chosen.iter().map(|p| p.name.as_str()).collect();
                tr.t1("audience-chosen-names", "names", names.join(", "))
            }
            a => tr.audience(&a),
        };
        Card {
            html: crate::text::to_html(&e.body),
            excerpt: crate::text::excerpt(&e.body, 180),
            link: format!("/circles/{circle}/logbook/{}", e.id),
            new: !e.seen_by_me,
            visible_to,
            e,
        }
    }

    pub fn is_thanks(&self) -> bool {
        self.e.kind == EntryKind::Thanks
    }

    /// The drawing on a thank-you card, if it has one.
    pub fn art(&self) -> Option<&'static str> {
        self.e.card.map(crate::cards::art)
    }

    pub fn thanked(&self) -> String {
        self.e.recipients.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")
    }

    pub fn file_link(&self, attachment: &str, thumb: bool) -> String {
        format!("{}/files/{attachment}{}", self.link, if thumb { "?thumb=1" } else { "" })
    }

    pub fn is_image(&self, kind: &AttachmentKind) -> bool {
        *kind == AttachmentKind::Image
    }

    pub fn unresolved(&self) -> bool {
        self.e.status.unresolved()
    }

    pub fn answered(&self) -> bool {
        self.e.status == Status::Answered
    }
}

pub fn cards(tr: Tr, circle: &CircleId, entries: Vec<Entry>) -> Vec<Card> {
    entries.into_iter().map(|e| Card::new(tr, circle, e)).collect()
}

#[derive(Template)]
#[template(path = "overview.html")]
struct OverviewPage {
    c: Chrome,
    nav: CircleNav,
    unread: i64,
    new: Vec<Card>,
    unresolved: Vec<Card>,
    thanks: Vec<Card>,
    due_agreements: Vec<samenspel_core::agreement::Agreement>,
    changes: Vec<samenspel_core::change::Change>,
    signals: Vec<samenspel_core::carer_signal::Signal>,
    gaps: Vec<super::agenda::SlotView>,
    help: Vec<super::help::RequestView>,
    /// The circle's location (id, name), for its rota and open meetings.
    location: Option<(String, String)>,
    may_plan: bool,
    may_take: bool,
    me: samenspel_core::ids::MemberId,
    kinds: [EntryKind; 5],
    can_write: bool,
    notice: Option<&'static str>,
}

pub async fn overview(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Query(done): Query<Done>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    let page = logbook::overview(&v.ctx(&state)?, &id).await?;
    let o = page.data;
    let c = Chrome::new(&v);
    let me = page.place.member_id.clone();
    let gaps = o.gaps.iter().map(|s| super::agenda::SlotView::new(&c.tr, s, &me, &[])).collect();
    let manages = page.place.manager || page.place.role.always_manages();
    let help = o.help.iter().map(|r| super::help::RequestView::new(&c.tr, r, &me, manages)).collect();
    let location = page
        .circle
        .location_id
        .as_ref()
        .map(|l| (l.to_string(), page.circle.location_name.clone().unwrap_or_default()));
    render(&OverviewPage {
        location,
        gaps,
        help,
        may_plan: page.place.may(samenspel_core::access::CircleAction::PlanAgenda),
        may_take: page.place.may(samenspel_core::access::CircleAction::TakeShifts),
        c,
        nav: CircleNav::new(&page.circle, &page.place, "overview"),
        unread: o.unread,
        new: cards(v.tr, &id, o.new),
        unresolved: cards(v.tr, &id, o.unresolved),
        thanks: cards(v.tr, &id, o.thanks),
        due_agreements: o.due_agreements,
        changes: o.changes,
        signals: o.signals,
        me: page.place.member_id.clone(),
        kinds: EntryKind::ALL,
        can_write: page.place.may(samenspel_core::access::CircleAction::WriteLogbook),
        notice: done.notice(),
    })
}

#[derive(Template)]
#[template(path = "logbook.html")]
struct LogbookPage {
    c: Chrome,
    nav: CircleNav,
    cards: Vec<Card>,
    /// The filter in use: "", a kind, or "open".
    filter: String,
    q: String,
    searching: bool,
    next: Option<String>,
    can_write: bool,
    notice: Option<&'static str>,
}

#[derive(Deserialize, Default)]
pub struct TimelineQuery {
    #[serde(default)]
    show: String,
    #[serde(default)]
    q: String,
    before: Option<String>,
    done: Option<String>,
}

pub async fn timeline(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Query(q): Query<TimelineQuery>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    let before = logbook::parse_cursor(q.before.as_deref())?;
    let filter = EntryFilter {
        kind: EntryKind::parse(&q.show),
        unresolved_only: q.show == "open",
        before,
        ..Default::default()
    };
    let search = Some(q.q.as_str()).filter(|s| !s.trim().is_empty());
    let page = logbook::timeline(&v.ctx(&state)?, &id, &filter, search).await?;
    let base = format!("/circles/{id}/logbook?show={}", crate::http::pages::urlencode(&q.show));
    render(&LogbookPage {
        c: Chrome::new(&v),
        nav: CircleNav::new(&page.circle, &page.place, "logbook"),
        next: page.data.next.map(|c| format!("{base}&before={}", c.encode())),
        cards: cards(v.tr, &id, page.data.entries),
        filter: if filter.kind.is_some() || filter.unresolved_only { q.show.clone() } else { String::new() },
        searching: search.is_some(),
        q: q.q,
        can_write: page.place.may(samenspel_core::access::CircleAction::WriteLogbook),
        notice: Done { done: q.done }.notice(),
    })
}

#[derive(Template)]
#[template(path = "entry_form.html")]
struct EntryFormPage {
    c: Chrome,
    nav: CircleNav,
    members: Vec<Member>,
    form: EntryForm,
    kinds: [EntryKind; 5],
    audiences: [Audience; 4],
    cards: [samenspel_core::logbook::Card; 5],
    /// The goal this entry tells about, in its words, when it came from the plan.
    goal: Option<String>,
    /// A new entry's writer always chooses its audience (see `audience_fields.html`).
    decides: bool,
    chosen_hint: &'static str,
    current_audience: String,
    errors: Errors,
    files_lost: bool,
}

#[derive(Deserialize, Default, Clone)]
pub struct EntryForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    chosen: Vec<String>,
    #[serde(default)]
    recipients: Vec<String>,
    #[serde(default)]
    body: String,
    #[serde(default)]
    idem: String,
    /// With kind `thanks`: the picture on the card.
    #[serde(default)]
    card: String,
    /// The wellbeing goal this entry tells about.
    #[serde(default)]
    goal: String,
}

impl EntryForm {
    pub fn has_chosen(&self, id: &str) -> bool {
        self.chosen.iter().any(|c| c == id)
    }
    fn has_recipient(&self, id: &str) -> bool {
        self.recipients.iter().any(|c| c == id)
    }
    fn has_card(&self, card: &samenspel_core::logbook::Card) -> bool {
        self.card == card.as_str()
    }
}

async fn form_page(
    state: &AppState,
    v: &Visitor,
    circle: &CircleId,
    form: EntryForm,
    errors: Errors,
    files_lost: bool,
) -> Result<EntryFormPage, PageError> {
    let page: InCircle<Vec<Member>> = logbook::compose(&v.ctx(state)?, circle).await?;
    let me = page.place.member_id.to_string();
    let goal = match form.goal.as_str() {
        "" => None,
        id => Some(crate::service::about::goal(&v.ctx(state)?, circle, id).await?.data.words),
    };
    Ok(EntryFormPage {
        c: Chrome::new(v),
        nav: CircleNav::new(&page.circle, &page.place, "logbook"),
        members: page.data.into_iter().filter(|m| m.id.as_str() != me).collect(),
        form,
        kinds: EntryKind::ALL,
        audiences: Audience::ALL,
        cards: samenspel_core::logbook::Card::ALL,
        goal,
        decides: true,
        chosen_hint: "entry-form-chosen-hint",
        current_audience: String::new(),
        errors,
        files_lost,
    })
}

#[derive(Deserialize, Default)]
pub struct KindQuery {
    #[serde(default)]
    kind: String,
    /// A member to thank (with kind `thanks`), from "Bedank" on a member card.
    #[serde(default)]
    to: String,
    /// A wellbeing goal the entry tells about, from the plan.
    #[serde(default)]
    goal: String,
    /// A first sentence to start from (offering help after a carer's signal).
    #[serde(default)]
    body: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    Query(q): Query<KindQuery>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    let kind = EntryKind::parse(&q.kind).unwrap_or(EntryKind::Update);
    let form = EntryForm {
        kind: kind.as_str().into(),
        audience: "circle".into(),
        recipients: if kind == EntryKind::Thanks && !q.to.is_empty() { vec![q.to] } else { Vec::new() },
        goal: q.goal,
        body: q.body.chars().take(samenspel_core::logbook::MAX_BODY).collect(),
        ..Default::default()
    };
    render(&form_page(&state, &v, &id, form, Errors::default(), false).await?)
}

pub async fn write(
    State(state): State<AppState>,
    v: Visitor,
    Path(circle): Path<String>,
    upload: UploadForm<EntryForm>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
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
    match form_errors(logbook::write(&v.ctx(&state)?, &id, &input, upload.files, idem.as_ref()).await)? {
        Ok(entry) => Ok(see_other(&format!("/circles/{id}/logbook/{entry}?done=notice-entry-saved"))),
        Err(errors) => {
            render_with(StatusCode::UNPROCESSABLE_ENTITY, &form_page(&state, &v, &id, f, errors, had_files).await?)
        }
    }
}

#[derive(Template)]
#[template(path = "entry.html")]
struct EntryPage {
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

async fn entry_page(
    state: &AppState,
    v: &Visitor,
    circle: &CircleId,
    entry: &str,
    reply_text: String,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<EntryPage, PageError> {
    let page = logbook::view(&v.ctx(state)?, circle, entry).await?;
    let view = page.data;
    let me = page.place.member_id.to_string();
    Ok(EntryPage {
        c: Chrome::new(v),
        nav: CircleNav::new(&page.circle, &page.place, "logbook"),
        card: Card::new(v.tr, circle, view.entry),
        replies: view
            .replies
            .into_iter()
            .map(|r| {
                let html = crate::text::to_html(&r.body);
                (r, html)
            })
            .collect(),
        seen_by: view.seen_by,
        can_write: view.can_write,
        can_edit: view.can_edit,
        can_delete: view.can_delete,
        can_close: view.can_close,
        can_moderate: view.can_moderate,
        me,
        reactions: Reaction::ALL,
        reply_text,
        errors,
        notice,
    })
}

pub async fn show(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, entry)): Path<(String, String)>,
    Query(done): Query<Done>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    render(&entry_page(&state, &v, &id, &entry, String::new(), Errors::default(), done.notice()).await?)
}

#[derive(Template)]
#[template(path = "entry_history.html")]
struct HistoryPage {
    c: Chrome,
    nav: CircleNav,
    card: Card,
    revisions: Vec<(Revision, String)>,
}

pub async fn history(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, entry)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    let page = logbook::history(&v.ctx(&state)?, &id, &entry).await?;
    let (e, revisions) = page.data;
    render(&HistoryPage {
        c: Chrome::new(&v),
        nav: CircleNav::new(&page.circle, &page.place, "logbook"),
        card: Card::new(v.tr, &id, e),
        revisions: revisions
            .into_iter()
            .map(|r| {
                let html = crate::text::to_html(&r.body);
                (r, html)
            })
            .collect(),
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
    body: String,
}

async fn edit_page(
    state: &AppState,
    v: &Visitor,
    circle: &CircleId,
    entry: &str,
    body: Option<String>,
    errors: Errors,
) -> Result<EditPage, PageError> {
    let page = logbook::view(&v.ctx(state)?, circle, entry).await?;
    if !page.data.can_edit {
        return Err(PageError::Domain(Error::Forbidden));
    }
    let card = Card::new(v.tr, circle, page.data.entry);
    Ok(EditPage {
        c: Chrome::new(v),
        nav: CircleNav::new(&page.circle, &page.place, "logbook"),
        body: body.unwrap_or_else(|| card.e.body.clone()),
        card,
        errors,
    })
}

pub async fn edit_form(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, entry)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    render(&edit_page(&state, &v, &id, &entry, None, Errors::default()).await?)
}

pub async fn edit(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, entry)): Path<(String, String)>,
    Form(f): Form<BodyForm>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    match form_errors(logbook::edit(&v.ctx(&state)?, &id, &entry, &f.body).await)? {
        Ok(()) => Ok(see_other(&format!("/circles/{id}/logbook/{entry}?done=notice-saved"))),
        Err(errors) => render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &edit_page(&state, &v, &id, &entry, Some(f.body), errors).await?,
        ),
    }
}

pub async fn delete(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, entry)): Path<(String, String)>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    logbook::delete(&v.ctx(&state)?, &id, &entry).await?;
    Ok(see_other(&format!("/circles/{id}/logbook?done=notice-entry-removed")))
}

pub async fn close(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, entry)): Path<(String, String)>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    logbook::close(&v.ctx(&state)?, &id, &entry).await?;
    Ok(see_other(&format!("/circles/{id}/logbook/{entry}?done=notice-entry-closed")))
}

pub async fn reply(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, entry)): Path<(String, String)>,
    Form(f): Form<BodyForm>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    match form_errors(logbook::reply(&v.ctx(&state)?, &id, &entry, &f.body).await)? {
        Ok(reply) => Ok(see_other(&format!("/circles/{id}/logbook/{entry}?done=notice-reply-saved#reply-{reply}"))),
        Err(errors) => render_with(
            StatusCode::UNPROCESSABLE_ENTITY,
            &entry_page(&state, &v, &id, &entry, f.body, errors, None).await?,
        ),
    }
}

pub async fn delete_reply(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, entry, reply)): Path<(String, String, String)>,
    Form(_): Form<Empty>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    logbook::delete_reply(&v.ctx(&state)?, &id, &entry, &reply).await?;
    Ok(see_other(&format!("/circles/{id}/logbook/{entry}?done=notice-reply-removed")))
}

#[derive(Deserialize, Default)]
pub struct ReactForm {
    #[serde(default)]
    reaction: String,
    /// "1" to add, anything else to take back.
    #[serde(default)]
    on: String,
}

pub async fn react(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, entry)): Path<(String, String)>,
    Form(f): Form<ReactForm>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    logbook::react(&v.ctx(&state)?, &id, &entry, &f.reaction, f.on == "1").await?;
    Ok(see_other(&format!("/circles/{id}/logbook/{entry}#reactions")))
}

#[derive(Deserialize, Default)]
pub struct FileQuery {
    thumb: Option<String>,
}

/// A photo or file, only for those who may see its entry. Cached privately
/// by the browser; photos shown inline, other files downloaded.
pub async fn file(
    State(state): State<AppState>,
    v: Visitor,
    Path((circle, entry, attachment)): Path<(String, String, String)>,
    Query(q): Query<FileQuery>,
) -> Result<Response, PageError> {
    let id = path_id(&circle, CircleId::parse)?;
    let f = logbook::file(&v.ctx(&state)?, &id, &entry, &attachment, q.thumb.is_some()).await?;
    let disposition = match f.kind {
        AttachmentKind::Image => "inline",
        AttachmentKind::Pdf => "attachment",
    };
    let encoded: String =
        url::form_urlencoded::byte_serialize(f.file_name.as_bytes()).collect::<String>().replace('+', "%20");
    let mut r = f.data.into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&f.content_type).unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("{disposition}; filename*=UTF-8''{encoded}")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, max-age=3600"));
    Ok(r)
}
