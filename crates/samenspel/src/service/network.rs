//! The network map: who is around the client, and how they help.

use super::{Ctx, InCircle, in_circle, what};
use samenspel_core::Result;
use samenspel_core::access::act;
use samenspel_core::audit::Operation;
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::network::{Contact, Placement, PlacementInput};

/// Everybody on the map, and whether the visitor may redraw it.
pub struct Network {
    pub contacts: Vec<Contact>,
    pub may_edit: bool,
}

pub async fn map(ctx: &Ctx<'_>, circle: &CircleId) -> Result<InCircle<Network>> {
    let cap = ctx.can::<act::ViewNetwork>(circle, what(Operation::Read, "network.view", "circle", circle)).await?;
    let contacts = ctx.state.store.network(&cap, ctx.now).await?;
    let may_edit = cap.also::<act::EditNetwork>().is_some();
    in_circle(&cap, Network { contacts, may_edit })
}

/// One person on the map, for the form that changes their place: a contact
/// by id, or a member by membership id.
pub async fn one(ctx: &Ctx<'_>, circle: &CircleId, who: Who<'_>) -> Result<InCircle<Contact>> {
    let (object_type, id) = who.object();
    let cap = ctx.can::<act::EditNetwork>(circle, what(Operation::Read, "network.view", object_type, id)).await?;
    let view = cap.also::<act::ViewNetwork>().ok_or(samenspel_core::Error::Forbidden)?;
    let contact = ctx
        .state
        .store
        .network(&view, ctx.now)
        .await?
        .into_iter()
        .find(|c| who.is(c))
        .ok_or(samenspel_core::Error::NotFound)?;
    in_circle(&cap, contact)
}

/// Somebody on the map, as a path names them.
#[derive(Clone, Copy)]
pub enum Who<'a> {
    Contact(&'a str),
    Member(&'a MemberId),
}

impl Who<'_> {
    fn object(self) -> (&'static str, String) {
        match self {
            Who::Contact(id) => ("network_contact", id.to_owned()),
            Who::Member(m) => ("membership", m.as_str().to_owned()),
        }
    }

    fn is(self, c: &Contact) -> bool {
        match self {
            Who::Contact(id) => c.member_id.is_none() && c.id.as_deref() == Some(id),
            Who::Member(m) => c.member_id.as_ref() == Some(m),
        }
    }
}

pub async fn add(ctx: &Ctx<'_>, circle: &CircleId, input: &PlacementInput) -> Result<String> {
    let cap = ctx.can::<act::EditNetwork>(circle, what(Operation::Create, "network.add", "circle", circle)).await?;
    // Checked after the capability: an outsider hears "not found", whatever was sent.
    let placement = Placement::parse(input, false)?;
    ctx.state.store.add_contact(&cap, &placement, ctx.now).await
}

pub async fn change(ctx: &Ctx<'_>, circle: &CircleId, id: &str, input: &PlacementInput) -> Result<()> {
    let cap =
        ctx.can::<act::EditNetwork>(circle, what(Operation::Update, "network.change", "network_contact", id)).await?;
    // Checked after the capability: an outsider hears "not found", whatever was sent.
    let placement = Placement::parse(input, false)?;
    ctx.state.store.update_contact(&cap, id, &placement, ctx.now).await
}

pub async fn remove(ctx: &Ctx<'_>, circle: &CircleId, id: &str) -> Result<()> {
    let cap =
        ctx.can::<act::EditNetwork>(circle, what(Operation::Delete, "network.remove", "network_contact", id)).await?;
    ctx.state.store.delete_contact(&cap, id).await
}

pub async fn place_member(ctx: &Ctx<'_>, circle: &CircleId, member: &MemberId, input: &PlacementInput) -> Result<()> {
    let cap =
        ctx.can::<act::EditNetwork>(circle, what(Operation::Update, "network.place", "membership", member)).await?;
    // Checked after the capability: an outsider hears "not found", whatever was sent.
    let placement = Placement::parse(input, true)?;
    ctx.state.store.place_member(&cap, member, &placement, ctx.now).await
}
