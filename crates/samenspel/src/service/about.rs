//! About the client: "Dit ben ik", the empathy maps and the wellbeing plan.
//! Everyone in the circle reads them within their audiences and writes in
//! them; the client side, managers and the writer decide who sees a part.

use super::{Ctx, InCircle, in_circle, what};
use samenspel_core::about::{Part, Section, SectionInput};
use samenspel_core::access::{act, may_change_about};
use samenspel_core::audit::Operation;
use samenspel_core::empathy::{EmpathyMap, EmpathyMapInput};
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::member::Member;
use samenspel_core::wellbeing::{Goal, GoalInput};
use samenspel_core::{Error, Result};
use samenspel_store::access::Can;

/// What every page about the client needs besides its items.
pub struct Writing {
    /// May the reader write here at all?
    pub may_write: bool,
    /// Active members, to choose a "chosen" audience or who helps.
    pub members: Vec<Member>,
}

async fn writing<A>(ctx: &Ctx<'_>, cap: &Can<A>) -> Result<Writing> {
    let may_write = cap.also::<act::WriteAboutClient>().is_some();
    let members = match cap.also::<act::ViewMembers>() {
        Some(view) if may_write => ctx.state.store.members(&view, ctx.now).await?,
        _ => Vec::new(),
    };
    Ok(Writing { may_write, members })
}

/// May the reader change the audience of (or remove) an item started by `author`?
pub fn may_decide(place: &samenspel_store::access::Place, author: &MemberId) -> bool {
    place.may(samenspel_core::access::CircleAction::WriteAboutClient)
        && may_change_about(place.role, place.manager, author == &place.member_id)
}

pub struct AboutPage {
    pub sections: Vec<Section>,
    /// Parts that exist but are outside the reader's audience.
    pub hidden: Vec<Part>,
    pub writing: Writing,
    /// The newest empathy map and the active goals, for the summary.
    pub latest_map: Option<EmpathyMap>,
    pub goals: Vec<Goal>,
    /// Initiatives on the organisation's social map that fit what the
    /// client likes, with the topics that fit.
    pub suggestions: Vec<(samenspel_core::social_map::Initiative, Vec<String>)>,
    /// The circle's organisation, for the way to its whole social map.
    pub organisation: Option<samenspel_core::ids::OrganisationId>,
}

pub async fn page(ctx: &Ctx<'_>, circle: &CircleId) -> Result<InCircle<AboutPage>> {
    let cap = ctx.can::<act::ViewAboutClient>(circle, what(Operation::Read, "about.view", "circle", circle)).await?;
    let store = &ctx.state.store;
    let sections = store.about_sections(&cap).await?;
    let hidden = store.hidden_about_parts(&cap).await?;
    let latest_map = store.empathy_maps(&cap).await?.into_iter().next();
    let goals = store.goals(&cap, None).await?;
    let writing = writing(ctx, &cap).await?;
    let suggestions = super::social_map::suggestions(ctx, &cap, &sections).await?;
    let organisation = store.circle_organisation(&cap).await?;
    in_circle(&cap, AboutPage { sections, hidden, writing, latest_map, goals, suggestions, organisation })
}

/// One part, for its form: the current text when the reader may see it, and
/// whether the part exists but is hidden from them.
pub async fn section(
    ctx: &Ctx<'_>,
    circle: &CircleId,
    part: Part,
) -> Result<InCircle<(Option<Section>, Writing, bool)>> {
    let cap = ctx
        .can::<act::WriteAboutClient>(circle, what(Operation::Read, "about.view", "about_part", part.as_str()))
        .await?;
    let view = cap.also::<act::ViewAboutClient>().ok_or(Error::Forbidden)?;
    let hidden = ctx.state.store.hidden_about_parts(&view).await?.contains(&part);
    let current = ctx.state.store.about_sections(&view).await?.into_iter().find(|s| s.part == part);
    let writing = writing(ctx, &view).await?;
    in_circle(&cap, (current, writing, hidden))
}

pub async fn save_section(ctx: &Ctx<'_>, circle: &CircleId, part: &str, input: &SectionInput) -> Result<()> {
    let part = Part::parse(part).ok_or(Error::NotFound)?;
    let cap = ctx
        .can::<act::WriteAboutClient>(circle, what(Operation::Update, "about.save", "about_part", part.as_str()))
        .await?;
    // Checked after the capability: an outsider hears "not found", whatever was sent.
    let new = input.parse()?;
    let view = cap.also::<act::ViewAboutClient>().ok_or(Error::Forbidden)?;
    if ctx.state.store.hidden_about_parts(&view).await?.contains(&part) {
        return Err(Error::field("text", "about-part-hidden"));
    }
    let existing = ctx.state.store.about_sections(&view).await?.into_iter().find(|s| s.part == part);
    match ctx.state.store.save_about_section(&cap, part, existing.as_ref(), &new, ctx.now).await {
        // Written by someone else meanwhile: said at the text, which the form keeps.
        Err(Error::Conflict(code)) => Err(Error::field("text", code)),
        other => other,
    }
}

pub async fn empathy_maps(ctx: &Ctx<'_>, circle: &CircleId) -> Result<InCircle<(Vec<EmpathyMap>, Writing)>> {
    let cap = ctx.can::<act::ViewAboutClient>(circle, what(Operation::Read, "empathy.list", "circle", circle)).await?;
    let maps = ctx.state.store.empathy_maps(&cap).await?;
    let writing = writing(ctx, &cap).await?;
    in_circle(&cap, (maps, writing))
}

pub async fn empathy_map(ctx: &Ctx<'_>, circle: &CircleId, id: &str) -> Result<InCircle<(EmpathyMap, Writing)>> {
    let cap = ctx.can::<act::ViewAboutClient>(circle, what(Operation::Read, "empathy.view", "empathy_map", id)).await?;
    let map = ctx.state.store.empathy_maps(&cap).await?.into_iter().find(|m| m.id == id).ok_or(Error::NotFound)?;
    let writing = writing(ctx, &cap).await?;
    in_circle(&cap, (map, writing))
}

async fn readable_map(ctx: &Ctx<'_>, cap: &Can<act::WriteAboutClient>, id: &str) -> Result<EmpathyMap> {
    let view = cap.also::<act::ViewAboutClient>().ok_or(Error::Forbidden)?;
    ctx.state.store.empathy_maps(&view).await?.into_iter().find(|m| m.id == id).ok_or(Error::NotFound)
}

/// Saves a new map (`id` None) or a correction. Returns its id.
pub async fn save_empathy_map(
    ctx: &Ctx<'_>,
    circle: &CircleId,
    id: Option<&str>,
    input: &EmpathyMapInput,
) -> Result<String> {
    let (op, kind, subject) = match id {
        None => (Operation::Create, "circle", circle.as_str()),
        Some(id) => (Operation::Update, "empathy_map", id),
    };
    let cap = ctx.can::<act::WriteAboutClient>(circle, what(op, "empathy.save", kind, subject)).await?;
    // Checked after the capability: an outsider hears "not found", whatever was sent.
    let new = input.parse(crate::i18n::local(&ctx.now).date())?;
    let existing = match id {
        Some(id) => Some(readable_map(ctx, &cap, id).await?),
        None => None,
    };
    ctx.state.store.save_empathy_map(&cap, existing.as_ref(), &new, ctx.now).await
}

pub async fn remove_empathy_map(ctx: &Ctx<'_>, circle: &CircleId, id: &str) -> Result<()> {
    let cap =
        ctx.can::<act::WriteAboutClient>(circle, what(Operation::Delete, "empathy.remove", "empathy_map", id)).await?;
    let existing = readable_map(ctx, &cap, id).await?;
    ctx.state.store.delete_empathy_map(&cap, &existing).await
}

pub async fn goals(ctx: &Ctx<'_>, circle: &CircleId) -> Result<InCircle<(Vec<Goal>, Writing)>> {
    let cap = ctx.can::<act::ViewAboutClient>(circle, what(Operation::Read, "goals.list", "circle", circle)).await?;
    let log = cap.also::<act::ReadLogbook>();
    let goals = ctx.state.store.goals(&cap, log.as_ref()).await?;
    let writing = writing(ctx, &cap).await?;
    in_circle(&cap, (goals, writing))
}

pub async fn goal(ctx: &Ctx<'_>, circle: &CircleId, id: &str) -> Result<InCircle<Goal>> {
    let cap = ctx.can::<act::ViewAboutClient>(circle, what(Operation::Read, "goal.view", "goal", id)).await?;
    let log = cap.also::<act::ReadLogbook>();
    let goal =
        ctx.state.store.goals(&cap, log.as_ref()).await?.into_iter().find(|g| g.id == id).ok_or(Error::NotFound)?;
    in_circle(&cap, goal)
}

async fn readable_goal(ctx: &Ctx<'_>, cap: &Can<act::WriteAboutClient>, id: &str) -> Result<Goal> {
    let view = cap.also::<act::ViewAboutClient>().ok_or(Error::Forbidden)?;
    ctx.state.store.goals(&view, None).await?.into_iter().find(|g| g.id == id).ok_or(Error::NotFound)
}

/// Saves a new goal (`id` None) or a change. Returns its id.
pub async fn save_goal(ctx: &Ctx<'_>, circle: &CircleId, id: Option<&str>, input: &GoalInput) -> Result<String> {
    let (op, kind, subject) = match id {
        None => (Operation::Create, "circle", circle.as_str()),
        Some(id) => (Operation::Update, "goal", id),
    };
    let cap = ctx.can::<act::WriteAboutClient>(circle, what(op, "goal.save", kind, subject)).await?;
    // Checked after the capability: an outsider hears "not found", whatever was sent.
    let new = input.parse()?;
    let existing = match id {
        Some(id) => Some(readable_goal(ctx, &cap, id).await?),
        None => None,
    };
    ctx.state.store.save_goal(&cap, existing.as_ref(), &new, ctx.now).await
}

pub async fn remove_goal(ctx: &Ctx<'_>, circle: &CircleId, id: &str) -> Result<()> {
    let cap = ctx.can::<act::WriteAboutClient>(circle, what(Operation::Delete, "goal.remove", "goal", id)).await?;
    let existing = readable_goal(ctx, &cap, id).await?;
    ctx.state.store.delete_goal(&cap, &existing).await
}
