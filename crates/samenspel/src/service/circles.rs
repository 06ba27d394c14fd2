//! Starting, viewing, editing and archiving circles.

use super::{Ctx, what};
use samenspel_core::access::location::lact;
use samenspel_core::access::{act, oact};
use samenspel_core::audit::Operation;
use samenspel_core::circle::{Circle, MyCircle, NewCircle};
use samenspel_core::error::Validator;
use samenspel_core::ids::{CircleId, LocationId, OrganisationId};
use samenspel_core::organisation::{Location, Organisation};
use samenspel_core::role::{OrgRole, Role};
use samenspel_core::validate;
use samenspel_core::{Error, Result};
use samenspel_store::idempotency::IdempotencyKey;

/// What someone typed to start a circle.
#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct StartCircle {
    pub client_name: String,
    #[serde(default)]
    pub description: String,
    /// Start the circle for this organisation (I must be its coordinator or administrator).
    #[serde(default)]
    pub organisation_id: Option<String>,
    #[serde(default)]
    pub location_id: Option<String>,
    /// My own role in the new circle.
    pub my_role: String,
    #[serde(default)]
    pub my_relation: String,
}

pub const MAX_DESCRIPTION: usize = 2000;

pub async fn my_circles(ctx: &Ctx<'_>) -> Result<Vec<MyCircle>> {
    ctx.state.store.my_circles(ctx.user, ctx.now).await
}

pub async fn start(ctx: &Ctx<'_>, input: &StartCircle, idem: Option<&IdempotencyKey>) -> Result<CircleId> {
    let mut v = Validator::new();
    let client_name = v.check(validate::name("client_name", &input.client_name));
    let description = input.description.trim().to_owned();
    if description.chars().count() > MAX_DESCRIPTION {
        v.push("description", "text-too-long");
    }
    let my_role = Role::parse(&input.my_role);
    if my_role.is_none() {
        v.push("my_role", "role-invalid");
    }
    let my_relation = v.check(validate::relation("my_relation", &input.my_relation));
    let org_id = match input.organisation_id.as_deref().filter(|s| !s.is_empty()) {
        Some(raw) => match OrganisationId::parse(raw) {
            Some(id) => Some(id),
            None => {
                v.push("organisation_id", "organisation-unknown");
                None
            }
        },
        None => None,
    };
    let location_id = match input.location_id.as_deref().filter(|s| !s.is_empty()) {
        Some(raw) => match LocationId::parse(raw) {
            Some(id) => Some(id),
            None => {
                v.push("location_id", "location-unknown");
                None
            }
        },
        None => None,
    };
    v.finish()?;
    let (Some(client_name), Some(my_role), Some(my_relation)) = (client_name, my_role, my_relation) else {
        return Err(Error::internal("validated fields missing"));
    };
    // A location's own coordinator starts circles at their location.
    if let (Some(org), Some(location)) = (&org_id, &location_id)
        && !ctx.state.store.my_organisations(ctx.user).await?.iter().any(|(o, _)| &o.id == org)
    {
        let what = what(Operation::Create, "circle.start", "location", location);
        let cap = ctx
            .state
            .store
            .authorize_location::<lact::StartCircleHere>(
                ctx.user,
                location,
                what,
                ctx.source,
                &ctx.state.audit,
                ctx.now,
            )
            .await
            .map_err(|_| Error::field("location_id", "location-unknown"))?;
        if cap.organisation_id() != Some(org) {
            return Err(Error::field("location_id", "location-unknown"));
        }
        let new = NewCircle { client_name, description, location_id, my_role, my_relation };
        let id = ctx.state.store.create_circle_at_location(ctx.user, &cap, &new, idem, ctx.now).await?;
        return started(ctx, id).await;
    }
    let org_cap = match &org_id {
        Some(org) => {
            let what = what(Operation::Create, "circle.start", "organisation", org);
            let cap = ctx.state.store.authorize_org::<oact::StartCircle>(
                ctx.user,
                org,
                what,
                ctx.source,
                &ctx.state.audit,
                ctx.now,
            );
            Some(cap.await.map_err(|_| Error::field("organisation_id", "organisation-unknown"))?)
        }
        None => None,
    };
    let new = NewCircle { client_name, description, location_id, my_role, my_relation };
    let id =
        ctx.state.store.create_circle(ctx.user, org_cap.as_ref(), &new, idem, ctx.now).await.map_err(|e| match e {
            Error::Validation(f) if f.iter().any(|f| f.field == "location") => {
                Error::field("location_id", "location-unknown")
            }
            other => other,
        })?;
    started(ctx, id).await
}

/// Records the start of a circle in its audit trail.
async fn started(ctx: &Ctx<'_>, id: CircleId) -> Result<CircleId> {
    let record = samenspel_core::audit::AuditEvent::new(
        Some((ctx.user.id(), ctx.user.display_name())),
        Some(&id),
        what(Operation::Create, "circle.start", "circle", &id),
        samenspel_core::audit::Outcome::Allowed,
        ctx.source,
        ctx.now,
    );
    samenspel_core::audit::AuditSink::record(&ctx.state.audit, record).await?;
    Ok(id)
}

/// The organisations I may start circles for, with their locations.
pub async fn organisations_to_start_for(ctx: &Ctx<'_>) -> Result<Vec<(Organisation, Vec<Location>)>> {
    let mut out = Vec::new();
    for (org, roles) in ctx.state.store.my_organisations(ctx.user).await? {
        if roles.iter().any(|r| matches!(r, OrgRole::Admin | OrgRole::Coordinator)) {
            let what = what(Operation::Read, "organisation.locations", "organisation", &org.id);
            let cap = ctx
                .state
                .store
                .authorize_org::<oact::StartCircle>(ctx.user, &org.id, what, ctx.source, &ctx.state.audit, ctx.now)
                .await?;
            let locations = ctx.state.store.locations(&cap).await?;
            out.push((org, locations));
        }
    }
    // A location's own coordinator starts circles at that location only.
    for (location, roles) in ctx.state.store.my_locations(ctx.user).await? {
        if !roles.contains(&samenspel_core::role::LocationRole::Coordinator)
            || out.iter().any(|(o, _)| o.id == location.organisation_id)
        {
            continue;
        }
        let what = what(Operation::Read, "organisation.locations", "location", &location.id);
        let cap = ctx
            .state
            .store
            .authorize_location::<lact::StartCircleHere>(
                ctx.user,
                &location.id,
                what,
                ctx.source,
                &ctx.state.audit,
                ctx.now,
            )
            .await?;
        let org = ctx.state.store.organisation_of(&cap).await?;
        match out.iter_mut().find(|(o, _)| o.id == org.id) {
            Some((_, locations)) => locations.push(location),
            None => out.push((org, vec![location])),
        }
    }
    Ok(out)
}

pub async fn view(ctx: &Ctx<'_>, id: &CircleId) -> Result<Circle> {
    let cap = ctx.can::<act::ViewCircle>(id, what(Operation::Read, "circle.view", "circle", id)).await?;
    Ok(cap.circle().clone())
}

/// The circle and my place in it: what the navigation ("Meer") shows.
pub async fn place(ctx: &Ctx<'_>, id: &CircleId) -> Result<super::InCircle<()>> {
    let cap = ctx.can::<act::ViewCircle>(id, what(Operation::Read, "circle.view", "circle", id)).await?;
    super::in_circle(&cap, ())
}

/// The circle's settings page: the circle, my place, and my own membership.
pub async fn settings(ctx: &Ctx<'_>, id: &CircleId) -> Result<super::InCircle<samenspel_core::member::Member>> {
    let cap = ctx.can::<act::ViewCircle>(id, what(Operation::Read, "circle.view", "circle", id)).await?;
    let members = cap.also::<act::ViewMembers>().ok_or(Error::Forbidden)?;
    let me = ctx.state.store.member(&members, cap.member_id(), ctx.now).await?;
    super::in_circle(&cap, me)
}

#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct EditCircle {
    pub client_name: String,
    #[serde(default)]
    pub description: String,
}

pub async fn edit(ctx: &Ctx<'_>, id: &CircleId, input: &EditCircle) -> Result<()> {
    let cap = ctx.can::<act::EditCircle>(id, what(Operation::Update, "circle.edit", "circle", id)).await?;
    let mut v = Validator::new();
    let name = v.check(validate::name("client_name", &input.client_name));
    let description = input.description.trim().to_owned();
    if description.chars().count() > MAX_DESCRIPTION {
        v.push("description", "text-too-long");
    }
    v.finish()?;
    ctx.state.store.update_circle(&cap, &name.unwrap_or_default(), &description).await
}

pub async fn set_archived(ctx: &Ctx<'_>, id: &CircleId, archived: bool) -> Result<()> {
    let action = if archived { "circle.archive" } else { "circle.restore" };
    let cap = ctx.can::<act::ArchiveCircle>(id, what(Operation::Update, action, "circle", id)).await?;
    ctx.state.store.set_circle_archived(&cap, archived, ctx.now).await
}
