//! The rota over the API: signing up for a shift, giving the place back,
//! confirming, swapping with another member, and hours per helper.

use super::{AgendaOccurrenceDto, AgendaPersonDto, RangeQuery, range, today};
use crate::http::api::Body;
use crate::http::api::Query;
use crate::http::api::logbook::{Created, CreatedDto};
use crate::http::api::{CircleApi, Detail, Object};
use crate::http::errors::ApiResult;
use crate::http::errors::{ApiError, ErrorBody};
use crate::service::agenda::{self, SwapAnswer};
use axum::Json;
use axum::http::StatusCode;
use jiff::Span;
use jiff::civil::Date;
use samenspel_core::agenda::{Item, Swap};
use samenspel_core::ids::MemberId;
use samenspel_core::{Error, Timestamp};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The result of signing up.
#[derive(Serialize, ToSchema)]
pub struct SignUpDto {
    /// My other occurrences at the same time: a warning, not a refusal.
    pub clashes: Vec<AgendaOccurrenceDto>,
}

/// Takes a place in one occurrence of a shift. Of two members taking the
/// last place at once, exactly one gets it; the other hears `shift-full`.
#[utoipa::path(post, path = "/circles/{circle_id}/agenda/items/{item_id}/occurrences/{on}/sign-up", tag = "agenda",
    params(("circle_id" = String, Path), ("item_id" = String, Path), ("on" = String, Path, description = "YYYY-MM-DD")),
    responses((status = 201, body = SignUpDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "shift-full, already-signed-up, shift-over or not-a-shift")))]
pub async fn sign_up(
    c: CircleApi,
    Object(item_id): Object,
    Detail(on): Detail,
) -> ApiResult<(StatusCode, Json<SignUpDto>)> {
    let clashes = agenda::sign_up(&c.ctx(), &c.circle, &item_id, &on).await?;
    Ok((StatusCode::CREATED, Json(SignUpDto { clashes: clashes.iter().map(AgendaOccurrenceDto::from).collect() })))
}

/// Gives my place back: the place is open again, and the planner hears about it.
#[utoipa::path(delete, path = "/circles/{circle_id}/agenda/items/{item_id}/occurrences/{on}/sign-up", tag = "agenda",
    params(("circle_id" = String, Path), ("item_id" = String, Path), ("on" = String, Path, description = "YYYY-MM-DD")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "not-signed-up")))]
pub async fn give_back(c: CircleApi, Object(item_id): Object, Detail(on): Detail) -> ApiResult<StatusCode> {
    agenda::give_back(&c.ctx(), &c.circle, &item_id, &on).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Says "I'll be there" for a shift I signed up for.
#[utoipa::path(post, path = "/circles/{circle_id}/agenda/items/{item_id}/occurrences/{on}/confirm", tag = "agenda",
    params(("circle_id" = String, Path), ("item_id" = String, Path), ("on" = String, Path, description = "YYYY-MM-DD")),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "not-signed-up")))]
pub async fn confirm(c: CircleApi, Object(item_id): Object, Detail(on): Detail) -> ApiResult<StatusCode> {
    agenda::confirm(&c.ctx(), &c.circle, &item_id, &on).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct SwapInput {
    /// The member id of whom I ask to take my place.
    pub to: String,
    /// With `return_on`: one of their occurrences I take in return.
    #[serde(default)]
    pub return_item: Option<String>,
    /// YYYY-MM-DD, the date of that occurrence.
    #[serde(default)]
    pub return_on: Option<String>,
}

/// Asks another member to take my place in this occurrence, maybe for one of
/// theirs. They accept or decline; until then my place stays mine.
#[utoipa::path(post, path = "/circles/{circle_id}/agenda/items/{item_id}/occurrences/{on}/swaps", tag = "agenda",
    params(("circle_id" = String, Path), ("item_id" = String, Path), ("on" = String, Path, description = "YYYY-MM-DD")),
    request_body = SwapInput,
    responses((status = 201, body = CreatedDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "not-signed-up, swap-already-proposed or shift-over"),
        (status = 422, body = ErrorBody)))]
pub async fn propose_swap(
    c: CircleApi,
    Object(item_id): Object,
    Detail(on): Detail,
    Body(body): Body<SwapInput>,
) -> ApiResult<Created> {
    let present = |s: &Option<String>| s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned);
    let in_return = match (present(&body.return_item), present(&body.return_on)) {
        (Some(item), Some(on)) => Some((item, on)),
        (None, None) => None,
        _ => return Err(ApiError(Error::field("in_return", "swap-return-not-theirs"))),
    };
    let id = agenda::propose_swap(
        &c.ctx(),
        &c.circle,
        &item_id,
        &on,
        &body.to,
        in_return.as_ref().map(|(i, d)| (i.as_str(), d.as_str())),
    )
    .await?;
    Ok(Created(id))
}

/// The occurrence a proposer takes in return.
#[derive(Serialize, ToSchema)]
pub struct SwapReturnDto {
    pub item_id: String,
    /// Empty when I cannot see that item.
    pub title: String,
    #[schema(value_type = String)]
    pub on: Date,
}

/// An open swap I proposed or am asked to accept.
#[derive(Serialize, ToSchema)]
pub struct SwapDto {
    pub id: String,
    pub item_id: String,
    /// Empty when I cannot see that item.
    pub title: String,
    /// The occurrence whose place changes hands.
    #[schema(value_type = String)]
    pub on: Date,
    /// Who offers their place.
    pub from: AgendaPersonDto,
    /// Who is asked to take it.
    pub to: AgendaPersonDto,
    /// I am the one asked (accept or decline); otherwise I proposed it (withdraw).
    pub asked: bool,
    pub in_return: Option<SwapReturnDto>,
    #[schema(value_type = String)]
    pub created_at: Timestamp,
}

fn swap_dto(s: Swap, items: &[Item], me: &MemberId) -> SwapDto {
    let title = |id: &str| items.iter().find(|i| i.id == id).map(|i| i.title.clone()).unwrap_or_default();
    SwapDto {
        title: title(&s.item_id),
        asked: me == &s.to,
        in_return: s.in_return.map(|(item, on)| SwapReturnDto { title: title(&item), item_id: item, on }),
        id: s.id,
        item_id: s.item_id,
        on: s.on,
        from: AgendaPersonDto { member_id: s.from.to_string(), name: s.from_name },
        to: AgendaPersonDto { member_id: s.to.to_string(), name: s.to_name },
        created_at: s.created_at,
    }
}

/// Open swaps I proposed or am asked to accept, oldest first.
#[utoipa::path(get, path = "/circles/{circle_id}/swaps", tag = "agenda", params(("circle_id" = String, Path)),
    responses((status = 200, body = [SwapDto]), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn swaps(c: CircleApi) -> ApiResult<Json<Vec<SwapDto>>> {
    let mine = agenda::my_swaps(&c.ctx(), &c.circle).await?;
    Ok(Json(mine.swaps.into_iter().map(|s| swap_dto(s, &mine.items, &mine.me)).collect()))
}

async fn answer(c: &CircleApi, swap_id: &str, answer: SwapAnswer) -> ApiResult<StatusCode> {
    agenda::answer_swap_as(&c.ctx(), &c.circle, swap_id, answer).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Accepts a swap I was asked: the places change hands at once.
#[utoipa::path(post, path = "/circles/{circle_id}/swaps/{swap_id}/accept", tag = "agenda",
    params(("circle_id" = String, Path), ("swap_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "swap-no-longer-open, swap-no-longer-possible or already-signed-up")))]
pub async fn accept_swap(c: CircleApi, Object(swap_id): Object) -> ApiResult<StatusCode> {
    answer(&c, &swap_id, SwapAnswer::Accept).await
}

/// Declines a swap I was asked.
#[utoipa::path(post, path = "/circles/{circle_id}/swaps/{swap_id}/decline", tag = "agenda",
    params(("circle_id" = String, Path), ("swap_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn decline_swap(c: CircleApi, Object(swap_id): Object) -> ApiResult<StatusCode> {
    answer(&c, &swap_id, SwapAnswer::Decline).await
}

/// Withdraws a swap I proposed.
#[utoipa::path(post, path = "/circles/{circle_id}/swaps/{swap_id}/withdraw", tag = "agenda",
    params(("circle_id" = String, Path), ("swap_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn withdraw_swap(c: CircleApi, Object(swap_id): Object) -> ApiResult<StatusCode> {
    answer(&c, &swap_id, SwapAnswer::Withdraw).await
}

/// One helper's hours on the rota.
#[derive(Serialize, ToSchema)]
pub struct RotaHoursDto {
    pub member_id: String,
    pub name: String,
    /// Occurrences signed up for.
    pub shifts: u32,
    pub minutes: u64,
}

/// Hours per helper in the shifts I may change (those I planned; all of
/// them for the client side and managers), in a period (default: this
/// month), most hours first.
#[utoipa::path(get, path = "/circles/{circle_id}/rota/hours", tag = "agenda", params(("circle_id" = String, Path), RangeQuery),
    responses((status = 200, body = [RotaHoursDto]), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn hours(c: CircleApi, Query(q): Query<RangeQuery>) -> ApiResult<Json<Vec<RotaHoursDto>>> {
    let circle = c.circle.clone();
    let first = today(&c.api).first_of_month();
    let (from, to) = range(&q, || (first, first.checked_add(Span::new().months(1)).unwrap_or(first)))?;
    let page = agenda::hours(&c.ctx(), &circle, from, to).await?;
    Ok(Json(
        page.data
            .0
            .into_iter()
            .map(|h| RotaHoursDto {
                member_id: h.member_id.to_string(),
                name: h.name,
                shifts: h.shifts,
                minutes: h.minutes,
            })
            .collect(),
    ))
}
