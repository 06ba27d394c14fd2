//! Help requests on pages: the list of open and recent requests, the form
//! that starts from a ready-made template (for yourself or on someone's
//! behalf), and each request with its offers and the choice of a helper.

use super::Empty;
use super::{Chrome, CirclePage, Errors, Form, render, save_form, see_other};
use super::{CircleNav, Done};
use crate::http::errors::PageError;
use crate::http::pages::AudienceChoice;
use crate::http::pages::{Object, PageResult};
use crate::i18n::Tr;
use crate::service::help;
use askama::Template;
use axum::extract::Query;
use samenspel_core::Error;
use samenspel_core::help::{Request, RequestInput, Status, Template as HelpTemplate};
use samenspel_core::ids::MemberId;
use samenspel_core::member::Member;
use serde::Deserialize;

/// One request as the pages show it.
pub struct RequestView {
    pub id: String,
    pub template: HelpTemplate,
    pub title: String,
    pub details_html: String,
    pub window: String,
    /// "Ans" or "Marieke, voor Ans".
    pub asked: String,
    pub open: bool,
    pub helper: Option<String>,
    pub item: Option<String>,
    pub responses: Vec<(String, String, String)>,
    pub i_responded: bool,
    pub i_decide: bool,
    pub for_me: bool,
}

impl RequestView {
    /// Does this open request wait for me: to choose among the offers, or
    /// (not mine to decide, not offered yet) to say whether I can help?
    pub fn waits_for_me(&self) -> bool {
        self.open && if self.i_decide { !self.responses.is_empty() } else { !self.i_responded }
    }

    pub fn new(tr: &Tr, r: &Request, me: &MemberId, manages: bool) -> Self {
        let asked = if r.asked_by == r.asked_for {
            r.asked_by_name.clone()
        } else {
            tr.t2("help-on-behalf", "by", &r.asked_by_name, "for", &r.asked_for_name)
        };
        let (helper, item) = match &r.status {
            Status::Confirmed { helper_name, item, .. } => (Some(helper_name.clone()), item.clone()),
            _ => (None, None),
        };
        RequestView {
            id: r.id.clone(),
            template: r.template,
            title: r.title.clone(),
            details_html: crate::text::to_html(&r.details),
            window: help::window(tr, r),
            asked,
            open: r.status == Status::Open,
            helper,
            item,
            responses: r
                .responses
                .iter()
                .map(|x| (x.member_id.to_string(), x.name.clone(), x.message.clone()))
                .collect(),
            i_responded: r.responses.iter().any(|x| &x.member_id == me),
            i_decide: r.decided_by(me, manages),
            for_me: &r.asked_for == me,
        }
    }

    pub fn template_key(&self) -> String {
        format!("help-template-{}", self.template.as_str())
    }
}

#[derive(Template)]
#[template(path = "help.html")]
struct ListPage {
    c: Chrome,
    nav: CircleNav,
    open: Vec<RequestView>,
    decided: Vec<RequestView>,
    may_ask: bool,
    templates: [HelpTemplate; 6],
    notice: Option<&'static str>,
}

pub async fn list(p: CirclePage, Query(done): Query<Done>) -> PageResult {
    let page = help::list(&p.ctx(), &p.id).await?;
    let nav = p.nav(&page, "agenda");
    let c = p.chrome();
    let d = page.data;
    let (open, decided): (Vec<RequestView>, Vec<RequestView>) =
        d.requests.iter().map(|r| RequestView::new(&c.tr, r, &d.me, d.manages)).partition(|r| r.open);
    render(&ListPage { nav, open, decided, may_ask: d.may_ask, templates: HelpTemplate::ALL, notice: done.notice(), c })
}

#[derive(Template)]
#[template(path = "help_request.html")]
struct RequestPage {
    c: Chrome,
    nav: CircleNav,
    r: RequestView,
    may_respond: bool,
    message: String,
    errors: Errors,
    notice: Option<&'static str>,
}

async fn request_page(
    p: &CirclePage,
    id: &str,
    message: String,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<RequestPage, PageError> {
    let page = help::request(&p.ctx(), &p.id, id).await?;
    let nav = p.nav(&page, "agenda");
    let c = p.chrome();
    let d = page.data;
    let r = d.requests.first().map(|r| RequestView::new(&c.tr, r, &d.me, d.manages)).ok_or(Error::NotFound)?;
    Ok(RequestPage { nav, may_respond: d.may_respond && !r.for_me, r, message, errors, notice, c })
}

pub async fn show(p: CirclePage, Object(request): Object, Query(done): Query<Done>) -> PageResult {
    render(&request_page(&p, &request, String::new(), Errors::default(), done.notice()).await?)
}

#[derive(Deserialize, Default)]
pub struct RespondForm {
    #[serde(default)]
    message: String,
}

pub async fn respond(p: CirclePage, Object(request): Object, Form(f): Form<RespondForm>) -> PageResult {
    save_form(
        help::respond(&p.ctx(), &p.id, &request, &f.message).await,
        |()| p.at(&format!("/help/{request}?done=notice-help-offered")),
        async |errors| request_page(&p, &request, f.message, errors, None).await,
    )
    .await
}

#[derive(Deserialize, Default)]
pub struct ChooseForm {
    #[serde(default)]
    helper: String,
}

pub async fn choose(p: CirclePage, Object(request): Object, Form(f): Form<ChooseForm>) -> PageResult {
    help::choose(&p.ctx(), &p.id, &request, &f.helper).await?;
    Ok(see_other(&p.at(&format!("/help/{request}?done=notice-help-confirmed"))))
}

pub async fn withdraw(p: CirclePage, Object(request): Object, Form(_): Form<Empty>) -> PageResult {
    help::withdraw(&p.ctx(), &p.id, &request).await?;
    Ok(see_other(&p.at("/help?done=notice-help-withdrawn")))
}

// ---------------------------------------------------------------- asking

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct AskForm {
    template: String,
    title: String,
    details: String,
    date: String,
    from_time: String,
    until_date: String,
    until_time: String,
    asked_for: String,
    audience: String,
    chosen: Vec<String>,
}

super::forms::audience_fields!(AskForm);

impl AskForm {
    fn input(&self) -> RequestInput {
        RequestInput {
            template: self.template.clone(),
            title: self.title.clone(),
            details: self.details.clone(),
            date: self.date.clone(),
            from_time: self.from_time.clone(),
            until_date: self.until_date.clone(),
            until_time: self.until_time.clone(),
            asked_for: self.asked_for.clone(),
            audience: self.audience.clone(),
            chosen: self.chosen.clone(),
        }
    }
}

#[derive(Template)]
#[template(path = "help_form.html")]
struct AskPage {
    /// Who may see it (`audience_fields.html`).
    who: AudienceChoice,
    c: Chrome,
    nav: CircleNav,
    members: Vec<Member>,
    templates: [HelpTemplate; 6],
    form: AskForm,
    errors: Errors,
}

#[derive(Deserialize, Default)]
pub struct AskQuery {
    template: Option<String>,
    #[serde(rename = "for")]
    asked_for: Option<String>,
}

async fn ask_page(p: &CirclePage, form: Option<AskForm>, errors: Errors, q: AskQuery) -> Result<AskPage, PageError> {
    let page = help::form(&p.ctx(), &p.id).await?;
    let nav = p.nav(&page, "agenda");
    let (members, me) = page.data;
    let c = p.chrome();
    let form = form.unwrap_or_else(|| {
        let template = q.template.and_then(|t| HelpTemplate::parse(&t)).unwrap_or(HelpTemplate::Other);
        AskForm {
            template: template.as_str().into(),
            title: if template == HelpTemplate::Other {
                String::new()
            } else {
                c.tr.t(&format!("help-template-{}-title", template.as_str()))
            },
            date: crate::i18n::local(&jiff::Timestamp::now()).date().to_string(),
            asked_for: q.asked_for.unwrap_or_else(|| me.to_string()),
            audience: "circle".into(),
            ..Default::default()
        }
    });
    Ok(AskPage {
        who: AudienceChoice::new("help-chosen-hint"),
        nav,
        members,
        templates: HelpTemplate::ALL,
        form,
        errors,
        c,
    })
}

pub async fn new_form(p: CirclePage, Query(q): Query<AskQuery>) -> PageResult {
    render(&ask_page(&p, None, Errors::default(), q).await?)
}

pub async fn ask(p: CirclePage, Form(f): Form<AskForm>) -> PageResult {
    save_form(
        help::ask(&p.ctx(), &p.id, &f.input()).await,
        |saved| p.at(&format!("/help/{saved}?done=notice-help-asked")),
        async |errors| ask_page(&p, Some(f), errors, AskQuery::default()).await,
    )
    .await
}
