//! The volunteer check-in: a short, non-validated set of questions along
//! the WIFA model (valued, informed, facilitated, aligned). The answers are
//! the volunteer's own until they share a check-in with the coordinators;
//! then the circle's coordinators read that one, and nobody else ever does.

use super::{Ctx, InCircle, in_circle, what};
use samenspel_core::access::act;
use samenspel_core::audit::Operation;
use samenspel_core::ids::CircleId;
use samenspel_core::questionnaire::Instrument;
use samenspel_core::{Error, Result};
use samenspel_store::checkins::VolunteerCheckIn;
use std::collections::BTreeMap;

/// The instrument of the volunteer check-in.
pub const INSTRUMENT: &str = "wifa-volunteer";

pub fn instrument(ctx: &Ctx<'_>) -> Result<Instrument> {
    ctx.state
        .instruments
        .get(INSTRUMENT)
        .cloned()
        .ok_or_else(|| Error::internal("the volunteer check-in is not loaded"))
}

pub struct Mine {
    pub instrument: Instrument,
    /// Newest first.
    pub history: Vec<VolunteerCheckIn>,
    /// Does the circle have a coordinator to share with?
    pub has_coordinator: bool,
}

pub async fn mine(ctx: &Ctx<'_>, circle: &CircleId) -> Result<InCircle<Mine>> {
    let cap = ctx
        .can::<act::VolunteerCheckIn>(circle, what(Operation::Read, "volunteer_checkins.list", "circle", circle))
        .await?;
    let history = ctx.state.store.my_volunteer_check_ins(&cap, INSTRUMENT).await?;
    let has_coordinator = ctx.state.store.has_coordinator(&cap, ctx.now).await?;
    in_circle(&cap, Mine { instrument: instrument(ctx)?, history, has_coordinator })
}

/// Keeps a check-in (and shares it at once when `share`); returns its id.
pub async fn submit(
    ctx: &Ctx<'_>,
    circle: &CircleId,
    answers: &BTreeMap<String, String>,
    share: bool,
) -> Result<String> {
    let cap = ctx
        .can::<act::VolunteerCheckIn>(circle, what(Operation::Create, "volunteer_checkins.submit", "circle", circle))
        .await?;
    let instrument = instrument(ctx)?;
    let (answers, score) = super::checkins::answers_of(&instrument, answers, "volunteer-answer-every-item")?;
    let store = &ctx.state.store;
    let id = store.add_check_in(&cap, INSTRUMENT, &answers, &score, ctx.now).await?;
    if share {
        store.share_volunteer_check_in(&cap, &id, ctx.now).await?;
    }
    Ok(id)
}

/// Shows one of one's own check-ins to the coordinators.
pub async fn share(ctx: &Ctx<'_>, circle: &CircleId, id: &str) -> Result<()> {
    let cap = ctx
        .can::<act::VolunteerCheckIn>(
            circle,
            what(Operation::Update, "volunteer_checkins.share", "questionnaire_response", id),
        )
        .await?;
    ctx.state.store.share_volunteer_check_in(&cap, id, ctx.now).await
}

/// The check-ins volunteers shared with the coordinators: for a coordinator,
/// every one; for anyone else, none.
pub async fn shared(ctx: &Ctx<'_>, circle: &CircleId) -> Result<Vec<VolunteerCheckIn>> {
    let cap = ctx
        .can::<act::ViewMembers>(circle, what(Operation::Read, "volunteer_checkins.shared", "circle", circle))
        .await?;
    ctx.state.store.shared_volunteer_check_ins(&cap, INSTRUMENT).await
}
