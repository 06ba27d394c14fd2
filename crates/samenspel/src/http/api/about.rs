//! About the client over the API: "Dit ben ik", empathy maps and the
//! wellbeing plan. Each item comes with its audience; items outside the
//! caller's audience do not exist for them.

use super::Body;
use super::logbook::{Created, CreatedDto};
use crate::http::api::{CircleApi, Object};
use crate::http::errors::ApiResult;
use crate::http::errors::ErrorBody;
use crate::service::about;
use axum::Json;
use axum::http::StatusCode;
use samenspel_core::Timestamp;
use samenspel_core::about::{Section, SectionInput};
use samenspel_core::empathy::{EmpathyMap, EmpathyMapInput, Quadrant};
use samenspel_core::ids::MemberId;
use samenspel_core::wellbeing::{Goal, GoalInput};
use serde::Serialize;
use utoipa::ToSchema;

fn ids(members: &[MemberId]) -> Vec<String> {
    members.iter().map(|m| m.to_string()).collect()
}

#[derive(Serialize, ToSchema)]
pub struct VersionDto {
    pub text: String,
    pub first_person: bool,
    pub written_by_name: String,
    #[schema(value_type = String)]
    pub written_at: Timestamp,
}

/// One part of "Dit ben ik".
#[derive(Serialize, ToSchema)]
pub struct SectionDto {
    /// life_story, matters, likes, dislikes, rhythm, hobbies, people, places, address or gives.
    pub part: String,
    pub text: String,
    /// Written in the client's own words.
    pub first_person: bool,
    pub audience: String,
    pub chosen: Vec<String>,
    pub written_by: String,
    pub written_by_name: String,
    #[schema(value_type = String)]
    pub written_at: Timestamp,
    /// Earlier versions, newest first.
    pub history: Vec<VersionDto>,
}

impl From<Section> for SectionDto {
    fn from(s: Section) -> Self {
        SectionDto {
            part: s.part.as_str().into(),
            text: s.text,
            first_person: s.first_person,
            audience: s.audience.as_str().into(),
            chosen: ids(&s.chosen),
            written_by: s.written_by.to_string(),
            written_by_name: s.written_by_name,
            written_at: s.written_at,
            history: s
                .history
                .into_iter()
                .map(|v| VersionDto {
                    text: v.text,
                    first_person: v.first_person,
                    written_by_name: v.written_by_name,
                    written_at: v.written_at,
                })
                .collect(),
        }
    }
}

/// The parts of "Dit ben ik" the caller may read.
#[utoipa::path(get, path = "/circles/{circle_id}/about", tag = "about", params(("circle_id" = String, Path)),
    responses((status = 200, body = [SectionDto]), (status = 404, body = ErrorBody)))]
pub async fn sections(c: CircleApi) -> ApiResult<Json<Vec<SectionDto>>> {
    let page = about::page(&c.ctx(), &c.circle).await?;
    Ok(Json(page.data.sections.into_iter().map(SectionDto::from).collect()))
}

/// Writes one part; an empty text removes it. Leave `audience` empty to keep the current one.
#[utoipa::path(put, path = "/circles/{circle_id}/about/{part}", tag = "about",
    params(("circle_id" = String, Path), ("part" = String, Path)),
    request_body = SectionInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn save_section(c: CircleApi, Object(part): Object, Body(body): Body<SectionInput>) -> ApiResult<StatusCode> {
    about::save_section(&c.ctx(), &c.circle, &part, &body).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct EmpathyMapDto {
    pub id: String,
    #[schema(value_type = String)]
    pub made_on: jiff::civil::Date,
    pub says: String,
    pub thinks: String,
    pub does: String,
    pub feels: String,
    pub pains: String,
    pub gains: String,
    pub made_with: String,
    pub audience: String,
    pub chosen: Vec<String>,
    pub made_by: String,
    pub made_by_name: String,
}

impl From<EmpathyMap> for EmpathyMapDto {
    fn from(m: EmpathyMap) -> Self {
        let t = |q: Quadrant| m.text(q).to_string();
        EmpathyMapDto {
            says: t(Quadrant::Says),
            thinks: t(Quadrant::Thinks),
            does: t(Quadrant::Does),
            feels: t(Quadrant::Feels),
            pains: t(Quadrant::Pains),
            gains: t(Quadrant::Gains),
            id: m.id,
            made_on: m.made_on,
            made_with: m.made_with,
            audience: m.audience.as_str().into(),
            chosen: ids(&m.chosen),
            made_by: m.made_by.to_string(),
            made_by_name: m.made_by_name,
        }
    }
}

/// The empathy maps the caller may read, newest first.
#[utoipa::path(get, path = "/circles/{circle_id}/empathy-maps", tag = "about", params(("circle_id" = String, Path)),
    responses((status = 200, body = [EmpathyMapDto]), (status = 404, body = ErrorBody)))]
pub async fn maps(c: CircleApi) -> ApiResult<Json<Vec<EmpathyMapDto>>> {
    let page = about::empathy_maps(&c.ctx(), &c.circle).await?;
    Ok(Json(page.data.0.into_iter().map(EmpathyMapDto::from).collect()))
}

/// Makes an empathy map.
#[utoipa::path(post, path = "/circles/{circle_id}/empathy-maps", tag = "about", params(("circle_id" = String, Path)),
    request_body = EmpathyMapInput,
    responses((status = 201, body = CreatedDto), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_map(c: CircleApi, Body(body): Body<EmpathyMapInput>) -> ApiResult<Created> {
    let id = about::save_empathy_map(&c.ctx(), &c.circle, None, &body).await?;
    Ok(Created(id))
}

/// Corrects an empathy map.
#[utoipa::path(put, path = "/circles/{circle_id}/empathy-maps/{map_id}", tag = "about",
    params(("circle_id" = String, Path), ("map_id" = String, Path)),
    request_body = EmpathyMapInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn change_map(
    c: CircleApi,
    Object(map_id): Object,
    Body(body): Body<EmpathyMapInput>,
) -> ApiResult<StatusCode> {
    about::save_empathy_map(&c.ctx(), &c.circle, Some(&map_id), &body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes an empathy map.
#[utoipa::path(delete, path = "/circles/{circle_id}/empathy-maps/{map_id}", tag = "about",
    params(("circle_id" = String, Path), ("map_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn remove_map(c: CircleApi, Object(map_id): Object) -> ApiResult<StatusCode> {
    about::remove_empathy_map(&c.ctx(), &c.circle, &map_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct ProgressDto {
    pub entry_id: String,
    #[schema(value_type = String)]
    pub written_at: Timestamp,
    pub text: String,
    pub author_name: String,
}

#[derive(Serialize, ToSchema)]
pub struct GoalDto {
    pub id: String,
    /// keep, again or new.
    pub kind: String,
    pub words: String,
    pub steps: String,
    pub helpers: Vec<String>,
    pub others: String,
    #[schema(value_type = Option<String>)]
    pub review_on: Option<jiff::civil::Date>,
    /// active, achieved or stopped.
    pub status: String,
    pub audience: String,
    pub chosen: Vec<String>,
    pub created_by: String,
    /// Logbook entries about this goal that the caller may read, newest first.
    pub progress: Vec<ProgressDto>,
}

impl From<Goal> for GoalDto {
    fn from(g: Goal) -> Self {
        GoalDto {
            id: g.id,
            kind: g.kind.as_str().into(),
            words: g.words,
            steps: g.steps,
            helpers: g.helpers.iter().map(|h| h.0.to_string()).collect(),
            others: g.others,
            review_on: g.review_on,
            status: g.status.as_str().into(),
            audience: g.audience.as_str().into(),
            chosen: ids(&g.chosen),
            created_by: g.created_by.to_string(),
            progress: g
                .progress
                .into_iter()
                .map(|p| ProgressDto {
                    entry_id: p.entry_id,
                    written_at: p.written_at,
                    text: p.text,
                    author_name: p.author_name,
                })
                .collect(),
        }
    }
}

/// The wellbeing plan: the goals the caller may read.
#[utoipa::path(get, path = "/circles/{circle_id}/goals", tag = "about", params(("circle_id" = String, Path)),
    responses((status = 200, body = [GoalDto]), (status = 404, body = ErrorBody)))]
pub async fn goals(c: CircleApi) -> ApiResult<Json<Vec<GoalDto>>> {
    let page = about::goals(&c.ctx(), &c.circle).await?;
    Ok(Json(page.data.0.into_iter().map(GoalDto::from).collect()))
}

/// Adds a goal. Progress is written as a logbook entry with `goal` set.
#[utoipa::path(post, path = "/circles/{circle_id}/goals", tag = "about", params(("circle_id" = String, Path)),
    request_body = GoalInput,
    responses((status = 201, body = CreatedDto), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_goal(c: CircleApi, Body(body): Body<GoalInput>) -> ApiResult<Created> {
    let id = about::save_goal(&c.ctx(), &c.circle, None, &body).await?;
    Ok(Created(id))
}

/// Changes a goal (its words, steps, helpers, review date, status).
#[utoipa::path(put, path = "/circles/{circle_id}/goals/{goal_id}", tag = "about",
    params(("circle_id" = String, Path), ("goal_id" = String, Path)),
    request_body = GoalInput,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn change_goal(c: CircleApi, Object(goal_id): Object, Body(body): Body<GoalInput>) -> ApiResult<StatusCode> {
    about::save_goal(&c.ctx(), &c.circle, Some(&goal_id), &body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Removes a goal; the logbook entries about it stay.
#[utoipa::path(delete, path = "/circles/{circle_id}/goals/{goal_id}", tag = "about",
    params(("circle_id" = String, Path), ("goal_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn remove_goal(c: CircleApi, Object(goal_id): Object) -> ApiResult<StatusCode> {
    about::remove_goal(&c.ctx(), &c.circle, &goal_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
