//! The social map (sociale kaart, issue 14): an organisation's local
//! initiatives, searched and filtered by everyone who stands at the
//! organisation and kept by its managers and its locations' coaches; and
//! the suggestions a circle gets from it that fit what the client likes.

use super::{Ctx, what};
use samenspel_core::about::{Part, Section};
use samenspel_core::access::oact;
use samenspel_core::audit::Operation;
use samenspel_core::ids::OrganisationId;
use samenspel_core::organisation::Location;
use samenspel_core::social_map::{Category, Initiative, InitiativeInput, words};
use samenspel_core::{Error, Result};
use samenspel_store::access::{Can, OrgCan};

/// The map as a page or the API shows it.
pub struct MapView {
    pub organisation: String,
    pub initiatives: Vec<Initiative>,
    /// How many there are without the search.
    pub total: usize,
    pub may_edit: bool,
    pub locations: Vec<Location>,
}

async fn can<A: oact::OrgActionMarker>(
    ctx: &Ctx<'_>,
    org: &OrganisationId,
    action: &'static str,
    op: Operation,
) -> Result<OrgCan<A>> {
    ctx.state
        .store
        .authorize_org::<A>(ctx.user, org, what(op, action, "organisation", org), ctx.source, &ctx.state.audit, ctx.now)
        .await
}

/// The map, searched (`query`: every word must appear) and filtered by category.
pub async fn list(ctx: &Ctx<'_>, org: &OrganisationId, query: &str, category: Option<Category>) -> Result<MapView> {
    let cap = can::<oact::ViewSocialMap>(ctx, org, "social-map.view", Operation::Read).await?;
    let store = &ctx.state.store;
    let all = store.social_map(&cap).await?;
    let total = all.len();
    let initiatives =
        all.into_iter().filter(|i| category.is_none_or(|c| i.category == c) && i.matches(query)).collect();
    let may_edit = samenspel_core::access::may_org(cap.standing(), samenspel_core::access::OrgAction::EditSocialMap);
    let organisation = store.organisation_name(&cap).await?;
    let locations = store.locations(&cap).await?;
    Ok(MapView { organisation, initiatives, total, may_edit, locations })
}

/// One initiative and the organisation's locations, for its form.
pub async fn get(ctx: &Ctx<'_>, org: &OrganisationId, id: &str) -> Result<(Initiative, Vec<Location>)> {
    let cap = can::<oact::EditSocialMap>(ctx, org, "social-map.view", Operation::Read).await?;
    Ok((ctx.state.store.initiative(&cap, id).await?, ctx.state.store.locations(&cap).await?))
}

/// The organisation's locations, for the form of a new initiative.
pub async fn form(ctx: &Ctx<'_>, org: &OrganisationId) -> Result<Vec<Location>> {
    let cap = can::<oact::EditSocialMap>(ctx, org, "social-map.view", Operation::Read).await?;
    ctx.state.store.locations(&cap).await
}

pub async fn add(ctx: &Ctx<'_>, org: &OrganisationId, input: &InitiativeInput) -> Result<String> {
    let cap = can::<oact::EditSocialMap>(ctx, org, "social-map.add", Operation::Create).await?;
    let new = input.parse()?;
    ctx.state.store.add_initiative(ctx.user, &cap, &new, ctx.source, ctx.now).await
}

pub async fn change(ctx: &Ctx<'_>, org: &OrganisationId, id: &str, input: &InitiativeInput) -> Result<()> {
    let cap = can::<oact::EditSocialMap>(ctx, org, "social-map.change", Operation::Update).await?;
    let new = input.parse()?;
    ctx.state.store.change_initiative(ctx.user, &cap, id, &new, ctx.source, ctx.now).await
}

pub async fn remove(ctx: &Ctx<'_>, org: &OrganisationId, id: &str) -> Result<()> {
    let cap = can::<oact::EditSocialMap>(ctx, org, "social-map.remove", Operation::Delete).await?;
    ctx.state.store.remove_initiative(ctx.user, &cap, id, ctx.source, ctx.now).await
}

/// The parts of "Dit ben ik" that say what the client enjoys.
const LIKED: [Part; 4] = [Part::Likes, Part::Hobbies, Part::Matters, Part::Places];

/// Initiatives of the circle's organisation that fit what the client likes,
/// with the topics that fit; from the parts the reader may see only.
pub async fn suggestions(
    ctx: &Ctx<'_>,
    cap: &Can<samenspel_core::access::act::ViewAboutClient>,
    sections: &[Section],
) -> Result<Vec<(Initiative, Vec<String>)>> {
    let text: Vec<&str> = sections.iter().filter(|s| LIKED.contains(&s.part)).map(|s| s.text.as_str()).collect();
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let liked = words(&text.join(" "));
    let map = ctx.state.store.social_map_of_circle(cap).await?;
    Ok(map
        .into_iter()
        .filter_map(|i| {
            let fits = i.fits(&liked);
            (!fits.is_empty()).then_some((i, fits))
        })
        .take(6)
        .collect())
}

/// A category from a form or query; empty is "all".
pub fn category(raw: &str) -> Result<Option<Category>> {
    match raw.trim() {
        "" => Ok(None),
        c => Category::parse(c).map(Some).ok_or(Error::field("category", "social-map-category-error")),
    }
}
