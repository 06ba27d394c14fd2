//! A member's card, and a manager's changes to a membership.

use super::{Chrome, CirclePage, Errors, Form, path_id, render, save_form, see_other};
use super::{CircleNav, Done};
use crate::http::errors::PageError;
use crate::http::pages::{Object, PageResult};
use crate::service::members;
use askama::Template;
use axum::extract::Query;
use samenspel_core::access::{CircleAction, may_change_member};
use samenspel_core::ids::MemberId;
use samenspel_core::member::Member;
use samenspel_core::profile::SofaRole;
use samenspel_core::role::Role;
use samenspel_store::profiles::{CarerRoles, MemberProfile};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "member.html")]
struct MemberPage {
    c: Chrome,
    nav: CircleNav,
    member: Member,
    profile: Option<MemberProfile>,
    carer_roles: Option<CarerRoles>,
    may_mark_roles: bool,
    sofa_roles: [SofaRole; 4],
    /// Thank-yous to this member the visitor may read.
    thanks: Vec<super::logbook::Card>,
    may_thank: bool,
    /// For a coordinator on a volunteer's card: the check-ins the volunteer shared.
    volunteer_check_ins: Vec<samenspel_store::checkins::VolunteerCheckIn>,
    volunteer_def: Option<samenspel_core::questionnaire::Definition>,
    is_me: bool,
    /// The visitor may change this membership (manager, and the client-side rule allows it).
    can_manage: bool,
    /// Roles the visitor may give this member.
    roles: Vec<Role>,
    form: ChangeForm,
    errors: Errors,
    notice: Option<&'static str>,
}

impl MemberPage {
    /// The label of a volunteer's answer to an item.
    fn volunteer_answer(
        &self,
        check_in: &samenspel_store::checkins::VolunteerCheckIn,
        item: &samenspel_core::questionnaire::ItemDef,
    ) -> String {
        let code = check_in.answers.get(&item.link_id);
        let options = self.volunteer_def.iter().flat_map(|d| d.options.iter());
        code.and_then(|c| options.clone().find(|o| &o.code == c)).map(|o| o.label.clone()).unwrap_or_default()
    }

    /// Is this SOFA role marked for the member now?
    fn marked(&self, role: &SofaRole) -> bool {
        self.carer_roles.as_ref().is_some_and(|r| r.roles.contains(role))
    }
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ChangeForm {
    role: String,
    relation: String,
    contact_person: Option<String>,
    manager: Option<String>,
    access_until: String,
}

impl ChangeForm {
    fn from_member(m: &Member) -> Self {
        ChangeForm {
            role: m.role.as_str().to_owned(),
            relation: m.relation.clone(),
            contact_person: m.contact_person.then(|| "on".to_owned()),
            manager: m.manager.then(|| "on".to_owned()),
            access_until: m.access_until.map(|t| crate::service::members::last_day(&t).to_string()).unwrap_or_default(),
        }
    }
}

async fn page(
    p: &CirclePage,
    member: &MemberId,
    form: Option<ChangeForm>,
    errors: Errors,
    notice: Option<&'static str>,
) -> Result<MemberPage, PageError> {
    let ctx = p.ctx();
    let page = members::get_page(&ctx, &p.id, member).await?;
    let (card, me) = (page.data, page.place);
    let m = card.member;
    let manager = me.may(CircleAction::ManageMembers);
    let is_me = m.id == me.member_id;
    let can_manage = manager && !is_me && may_change_member(me.role, m.role, None);
    let roles = Role::ALL.into_iter().filter(|r| may_change_member(me.role, m.role, Some(*r))).collect();
    Ok(MemberPage {
        c: p.chrome(),
        nav: CircleNav::new(&page.circle, &me, "members"),
        form: form.unwrap_or_else(|| ChangeForm::from_member(&m)),
        member: m,
        profile: card.profile,
        carer_roles: card.carer_roles,
        may_mark_roles: card.may_mark_roles,
        sofa_roles: SofaRole::ALL,
        thanks: super::logbook::cards(p.v.tr, &p.id, card.thanks),
        volunteer_def: (!card.volunteer_check_ins.is_empty())
            .then(|| crate::service::volunteer_checkins::instrument(&ctx).ok().map(|i| i.definition().clone()))
            .flatten(),
        volunteer_check_ins: card.volunteer_check_ins,
        may_thank: !is_me && me.may(CircleAction::WriteLogbook),
        is_me,
        can_manage,
        roles,
        errors,
        notice,
    })
}

pub async fn show(p: CirclePage, Object(member): Object, Query(done): Query<Done>) -> PageResult {
    let member = path_id(&member, MemberId::parse)?;
    render(&page(&p, &member, None, Errors::default(), done.notice()).await?)
}

pub async fn change(p: CirclePage, Object(member): Object, Form(f): Form<ChangeForm>) -> PageResult {
    let member = path_id(&member, MemberId::parse)?;
    let input = members::ChangeMember {
        role: Some(f.role.clone()),
        relation: Some(f.relation.clone()),
        contact_person: Some(f.contact_person.is_some()),
        manager: Some(f.manager.is_some()),
        access_until: Some(f.access_until.clone()),
    };
    save_form(
        members::change(&p.ctx(), &p.id, &member, &input).await,
        |()| p.at(&format!("/members/{member}?done=notice-saved")),
        async |errors| page(&p, &member, Some(f), errors, None).await,
    )
    .await
}

#[derive(Deserialize, Default)]
pub struct Empty {}

pub async fn remove(p: CirclePage, Object(member): Object, Form(_): Form<Empty>) -> PageResult {
    let member = path_id(&member, MemberId::parse)?;
    members::remove(&p.ctx(), &p.id, &member).await?;
    Ok(see_other(&p.at("/members?done=notice-member-removed")))
}
