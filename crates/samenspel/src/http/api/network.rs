//! The network map over the API: everybody on it, and placing people.

use super::logbook::{Created, CreatedDto};
use super::{Body, id};
use crate::http::api::{CircleApi, Object};
use crate::http::errors::ApiResult;
use crate::http::errors::ErrorBody;
use crate::service::network;
use axum::Json;
use axum::http::StatusCode;
use samenspel_core::ids::MemberId;
use samenspel_core::network::{Contact, PlacementInput};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Somebody on the map.
#[derive(Serialize, ToSchema)]
pub struct ContactDto {
    /// The contact's id; null for a member nobody has placed yet.
    pub id: Option<String>,
    /// Set when this is a member of the circle.
    pub member_id: Option<String>,
    /// The member's role, for members.
    pub role: Option<String>,
    pub name: String,
    /// Ecogram letter: G (gezin), F (overige familie), V (vrienden), K (kennissen,
    /// oude buren, collega's), B (buren), R (raadslieden), Z (zorgverleners);
    /// Samenspel adds W (vrijwilligers) and I (initiatieven).
    pub category: String,
    /// Letters: P (praktisch), G (gezelschap), A (advies), E (emotioneel).
    pub support: Vec<String>,
    /// supporting, neutral or strained
    pub tie: String,
    /// 1 (close) to 3 (further away)
    pub closeness: i64,
    pub note: String,
    /// How to reach a contact; empty for members.
    pub reach: String,
}

impl From<Contact> for ContactDto {
    fn from(c: Contact) -> Self {
        ContactDto {
            id: c.id,
            member_id: c.member_id.map(|m| m.to_string()),
            role: c.role.map(|r| r.as_str().to_owned()),
            category: c.category.letter().to_owned(),
            support: c.support.kinds().iter().map(|k| k.letter().to_owned()).collect(),
            tie: c.tie.as_str().to_owned(),
            closeness: c.closeness,
            name: c.name,
            note: c.note,
            reach: c.reach,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct NetworkDto {
    /// Whether I may change the map.
    pub may_edit: bool,
    /// By group (in the ecogram's order), closest first, then by name.
    pub contacts: Vec<ContactDto>,
}

/// Where somebody stands on the map. For a member, `name` and `reach` are
/// not used: those come from their account and member card.
#[derive(Deserialize, ToSchema)]
pub struct PlacementDto {
    #[serde(default)]
    pub name: String,
    pub category: String,
    #[serde(default)]
    pub support: Vec<String>,
    pub tie: String,
    pub closeness: i64,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub reach: String,
}

impl PlacementDto {
    fn input(&self) -> PlacementInput {
        PlacementInput {
            name: self.name.clone(),
            category: self.category.clone(),
            support: self.support.concat(),
            tie: self.tie.clone(),
            closeness: self.closeness.to_string(),
            note: self.note.clone(),
            reach: self.reach.clone(),
        }
    }
}

/// The network map: the members (except the client, who is its centre) and
/// the contacts who are not members.
#[utoipa::path(get, path = "/circles/{circle_id}/network", tag = "network", params(("circle_id" = String, Path)),
    responses((status = 200, body = NetworkDto), (status = 404, body = ErrorBody)))]
pub async fn get(c: CircleApi) -> ApiResult<Json<NetworkDto>> {
    let map = network::map(&c.ctx(), &c.circle).await?.data;
    Ok(Json(NetworkDto { may_edit: map.may_edit, contacts: map.contacts.into_iter().map(Into::into).collect() }))
}

/// Puts somebody who is not a member on the map.
#[utoipa::path(post, path = "/circles/{circle_id}/network/contacts", tag = "network", params(("circle_id" = String, Path)),
    request_body = PlacementDto,
    responses((status = 201, body = CreatedDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add(c: CircleApi, Body(body): Body<PlacementDto>) -> ApiResult<Created> {
    let id = network::add(&c.ctx(), &c.circle, &body.input()).await?;
    Ok(Created(id))
}

/// Changes a contact on the map (all fields).
#[utoipa::path(put, path = "/circles/{circle_id}/network/contacts/{contact_id}", tag = "network", params(("circle_id" = String, Path), ("contact_id" = String, Path)),
    request_body = PlacementDto,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn change(c: CircleApi, Object(contact_id): Object, Body(body): Body<PlacementDto>) -> ApiResult<StatusCode> {
    network::change(&c.ctx(), &c.circle, &contact_id, &body.input()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Takes a contact off the map.
#[utoipa::path(delete, path = "/circles/{circle_id}/network/contacts/{contact_id}", tag = "network", params(("circle_id" = String, Path), ("contact_id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn remove(c: CircleApi, Object(contact_id): Object) -> ApiResult<StatusCode> {
    network::remove(&c.ctx(), &c.circle, &contact_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Places a member of the circle on the map, or moves them.
#[utoipa::path(put, path = "/circles/{circle_id}/network/members/{member_id}", tag = "network", params(("circle_id" = String, Path), ("member_id" = String, Path)),
    request_body = PlacementDto,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn place_member(
    c: CircleApi,
    Object(member_id): Object,
    Body(body): Body<PlacementDto>,
) -> ApiResult<StatusCode> {
    let member = id(&member_id, MemberId::parse)?;
    network::place_member(&c.ctx(), &c.circle, &member, &body.input()).await?;
    Ok(StatusCode::NO_CONTENT)
}
