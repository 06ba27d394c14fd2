//! Help requests (hulpvragen) over the API: ask (for yourself or on someone's
//! behalf), offer to help, pick a helper — the task then lands in the
//! helper's agenda — or withdraw. Requests outside the caller's audience do
//! not exist for them. Windows are given in local time (Europe/Amsterdam,
//! `YYYY-MM-DDTHH:MM`) and as RFC 3339 with the offset.

use super::Body;
use super::agenda::AgendaPersonDto;
use super::logbook::{Created, CreatedDto};
use crate::http::api::{CircleApi, Object};
use crate::http::errors::ApiResult;
use crate::http::errors::{ApiError, ErrorBody};
use crate::service::agenda::tz;
use crate::service::help::{self, HelpView};
use axum::Json;
use axum::http::StatusCode;
use jiff::civil::DateTime;
use samenspel_core::help::{Request, RequestInput, Status};
use samenspel_core::ids::MemberId;
use samenspel_core::{Error, Timestamp};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

fn local(d: DateTime) -> String {
    d.strftime("%Y-%m-%dT%H:%M").to_string()
}

/// RFC 3339 with the offset of Europe/Amsterdam.
fn rfc3339(d: DateTime) -> ApiResult<String> {
    let z = d.to_zoned(tz()).map_err(|e| ApiError(Error::internal(format!("help window {d}: {e}"))))?;
    Ok(z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
}

fn person(id: &MemberId, name: &str) -> AgendaPersonDto {
    AgendaPersonDto { member_id: id.to_string(), name: name.to_owned() }
}

/// Someone who offered to help.
#[derive(Serialize, ToSchema)]
pub struct HelpResponseDto {
    pub member_id: String,
    pub name: String,
    pub message: String,
    #[schema(value_type = String)]
    pub at: Timestamp,
}

/// A help request as I may see it.
#[derive(Serialize, ToSchema)]
pub struct HelpRequestDto {
    pub id: String,
    /// ride, shopping, company, respite, chore or other.
    pub template: String,
    pub title: String,
    pub details: String,
    /// The window's start, local time: YYYY-MM-DDTHH:MM.
    pub from: String,
    /// The window's end, local time: YYYY-MM-DDTHH:MM (23:59 for "the whole day").
    pub until: String,
    /// The window's start, RFC 3339 with offset.
    pub start: String,
    /// The window's end, RFC 3339 with offset.
    pub end: String,
    /// Who wrote it.
    pub asked_by: AgendaPersonDto,
    /// Who it is for (the same member, or the one asked on behalf of).
    pub asked_for: AgendaPersonDto,
    /// circle, professionals, informal or chosen.
    pub audience: String,
    /// Member ids, for the chosen audience.
    pub chosen: Vec<String>,
    /// open or confirmed.
    pub status: String,
    /// Once confirmed: the chosen helper.
    pub helper: Option<AgendaPersonDto>,
    /// Once confirmed: the agenda item made for it (null if removed since).
    pub item_id: Option<String>,
    /// Offers, oldest first.
    pub responses: Vec<HelpResponseDto>,
    /// Whether I may choose a helper or withdraw it (whoever asked, whoever
    /// it is for, and managers), while it is open.
    pub may_decide: bool,
    #[schema(value_type = String)]
    pub created_at: Timestamp,
}

fn dto(r: &Request, view: &HelpView) -> ApiResult<HelpRequestDto> {
    let (helper, item_id) = match &r.status {
        Status::Confirmed { helper, helper_name, item } => (Some(person(helper, helper_name)), item.clone()),
        Status::Open | Status::Withdrawn => (None, None),
    };
    Ok(HelpRequestDto {
        id: r.id.clone(),
        template: r.template.as_str().into(),
        title: r.title.clone(),
        details: r.details.clone(),
        from: local(r.from),
        until: local(r.until),
        start: rfc3339(r.from)?,
        end: rfc3339(r.until)?,
        asked_by: person(&r.asked_by, &r.asked_by_name),
        asked_for: person(&r.asked_for, &r.asked_for_name),
        audience: r.audience.as_str().into(),
        chosen: r.chosen.iter().map(ToString::to_string).collect(),
        status: r.status.as_str().into(),
        helper,
        item_id,
        responses: r
            .responses
            .iter()
            .map(|x| HelpResponseDto {
                member_id: x.member_id.to_string(),
                name: x.name.clone(),
                message: x.message.clone(),
                at: x.at,
            })
            .collect(),
        may_decide: view.may_ask && r.status == Status::Open && r.decided_by(&view.me, view.manages),
        created_at: r.created_at,
    })
}

/// The help requests I may see: open ones, and those arranged in the last
/// 30 days; newest first.
#[utoipa::path(get, path = "/circles/{circle_id}/help-requests", tag = "help", params(("circle_id" = String, Path)),
    responses((status = 200, body = [HelpRequestDto]), (status = 404, body = ErrorBody)))]
pub async fn list(c: CircleApi) -> ApiResult<Json<Vec<HelpRequestDto>>> {
    let page = help::list(&c.ctx(), &c.circle).await?;
    let view = &page.data;
    Ok(Json(view.requests.iter().map(|r| dto(r, view)).collect::<Result<_, _>>()?))
}

/// Asks for help, for myself or on behalf of another member (`asked_for`).
/// Everyone who sees it and may help hears about it.
#[utoipa::path(post, path = "/circles/{circle_id}/help-requests", tag = "help", params(("circle_id" = String, Path)),
    request_body = RequestInput,
    responses((status = 201, body = CreatedDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn ask(c: CircleApi, Body(body): Body<RequestInput>) -> ApiResult<Created> {
    let id = help::ask(&c.ctx(), &c.circle, &body).await?;
    Ok(Created(id))
}

/// One help request.
#[utoipa::path(get, path = "/circles/{circle_id}/help-requests/{request_id}", tag = "help",
    params(("circle_id" = String, Path), ("request_id" = String, Path)),
    responses((status = 200, body = HelpRequestDto), (status = 404, body = ErrorBody)))]
pub async fn get(c: CircleApi, Object(request_id): Object) -> ApiResult<Json<HelpRequestDto>> {
    let page = help::request(&c.ctx(), &c.circle, &request_id).await?;
    let view = &page.data;
    let r = view.requests.first().ok_or(ApiError(Error::NotFound))?;
    Ok(Json(dto(r, view)?))
}

#[derive(Deserialize, ToSchema)]
pub struct RespondInput {
    /// A short message (at most 500 characters); may be empty.
    #[serde(default)]
    pub message: String,
}

/// Offers to help with an open request. Offering again changes my message.
/// Whoever asked and whoever it is for hear about it.
#[utoipa::path(post, path = "/circles/{circle_id}/help-requests/{request_id}/responses", tag = "help",
    params(("circle_id" = String, Path), ("request_id" = String, Path)),
    request_body = RespondInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "help-not-open"), (status = 422, body = ErrorBody)))]
pub async fn respond(
    c: CircleApi,
    Object(request_id): Object,
    Body(body): Body<RespondInput>,
) -> ApiResult<StatusCode> {
    help::respond(&c.ctx(), &c.circle, &request_id, &body.message).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct ChooseInput {
    /// The member id of someone who offered to help.
    #[serde(default)]
    pub helper: String,
}

/// The agenda item made for a request.
#[derive(Serialize, ToSchema)]
pub struct ChosenDto {
    pub item_id: String,
}

/// Picks a helper from those who offered: the task goes into the agenda,
/// with the helper going along, for the request's audience. Only whoever
/// asked, whoever it is for, and managers; exactly once.
#[utoipa::path(post, path = "/circles/{circle_id}/help-requests/{request_id}/choose", tag = "help",
    params(("circle_id" = String, Path), ("request_id" = String, Path)),
    request_body = ChooseInput,
    responses((status = 200, body = ChosenDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "help-not-open"), (status = 422, body = ErrorBody)))]
pub async fn choose(
    c: CircleApi,
    Object(request_id): Object,
    Body(body): Body<ChooseInput>,
) -> ApiResult<Json<ChosenDto>> {
    let item_id = help::choose(&c.ctx(), &c.circle, &request_id, &body.helper).await?;
    Ok(Json(ChosenDto { item_id }))
}

/// Withdraws an open request. Only whoever asked, whoever it is for, and managers.
#[utoipa::path(post, path = "/circles/{circle_id}/help-requests/{request_id}/withdraw", tag = "help",
    params(("circle_id" = String, Path), ("request_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "help-not-open")))]
pub async fn withdraw(c: CircleApi, Object(request_id): Object) -> ApiResult<StatusCode> {
    help::withdraw(&c.ctx(), &c.circle, &request_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
