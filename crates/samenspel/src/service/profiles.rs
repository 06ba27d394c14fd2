//! Collaboration profiles (a member's own; private until shared) and the
//! SOFA roles of family carers.

use super::{Ctx, InCircle, in_circle, what};
use samenspel_core::Result;
use samenspel_core::access::act;
use samenspel_core::audit::Operation;
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::profile::{Profile, ProfileInput, parse_sofa};

pub async fn mine(ctx: &Ctx<'_>, circle: &CircleId) -> Result<InCircle<Option<Profile>>> {
    let cap = ctx.can::<act::KeepOwnProfile>(circle, what(Operation::Read, "profile.view", "circle", circle)).await?;
    let profile = ctx.state.store.my_profile(&cap).await?;
    in_circle(&cap, profile)
}

pub async fn save(ctx: &Ctx<'_>, circle: &CircleId, input: &ProfileInput) -> Result<Profile> {
    let cap = ctx.can::<act::KeepOwnProfile>(circle, what(Operation::Update, "profile.save", "circle", circle)).await?;
    // Checked after the capability: an outsider hears "not found", whatever was sent.
    let profile = input.parse()?;
    ctx.state.store.save_profile(&cap, &profile, ctx.now).await?;
    Ok(profile)
}

pub async fn share(ctx: &Ctx<'_>, circle: &CircleId, shared: bool) -> Result<()> {
    let cap =
        ctx.can::<act::KeepOwnProfile>(circle, what(Operation::Update, "profile.share", "circle", circle)).await?;
    ctx.state.store.share_profile(&cap, shared).await
}

pub async fn remove(ctx: &Ctx<'_>, circle: &CircleId) -> Result<()> {
    let cap =
        ctx.can::<act::KeepOwnProfile>(circle, what(Operation::Delete, "profile.remove", "circle", circle)).await?;
    ctx.state.store.delete_profile(&cap).await
}

/// Marks which SOFA roles apply now to a family carer.
pub async fn set_carer_roles(ctx: &Ctx<'_>, circle: &CircleId, member: &MemberId, roles: &[String]) -> Result<()> {
    let roles = parse_sofa(roles)?;
    let cap =
        ctx.can::<act::MarkCarerRoles>(circle, what(Operation::Update, "carer_roles.set", "member", member)).await?;
    ctx.state.store.set_carer_roles(&cap, member, &roles, ctx.now).await
}

/// The collaboration profiles the reader may see (shared ones and their own)
/// and the SOFA roles marked in the circle.
pub async fn circle_view(
    ctx: &Ctx<'_>,
    circle: &CircleId,
) -> Result<(Vec<samenspel_store::profiles::MemberProfile>, Vec<samenspel_store::profiles::CarerRoles>)> {
    let cap = ctx.can::<act::ViewMembers>(circle, what(Operation::Read, "profiles.list", "circle", circle)).await?;
    Ok((ctx.state.store.visible_profiles(&cap).await?, ctx.state.store.carer_roles(&cap).await?))
}
