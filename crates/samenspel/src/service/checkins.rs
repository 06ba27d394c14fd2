//! The carer check-in: a family carer fills in the EDIZ when they want and
//! sees their score explained and its trend. The answers and scores are the
//! carer's alone — the capability for them exists only for the carer's own
//! membership, and the store binds every query to it.

use super::{Ctx, InCircle, in_circle, what};
use samenspel_core::access::act;
use samenspel_core::audit::Operation;
use samenspel_core::ids::CircleId;
use samenspel_core::questionnaire::{Answer, AnswerError, Instrument, Score};
use samenspel_core::{Error, Result};
use samenspel_store::checkins::CheckIn;
use std::collections::BTreeMap;

/// The instrument of the check-in.
pub const INSTRUMENT: &str = "ediz";

pub struct CheckIns {
    pub instrument: Instrument,
    /// Oldest first.
    pub history: Vec<CheckIn>,
}

fn instrument(ctx: &Ctx<'_>) -> Result<Instrument> {
    ctx.state.instruments.get(INSTRUMENT).cloned().ok_or_else(|| Error::internal("the EDIZ is not loaded"))
}

pub async fn mine(ctx: &Ctx<'_>, circle: &CircleId) -> Result<InCircle<CheckIns>> {
    let cap = ctx.can::<act::CarerCheckIn>(circle, what(Operation::Read, "checkins.list", "circle", circle)).await?;
    let history = ctx.state.store.my_check_ins(&cap, INSTRUMENT).await?;
    in_circle(ctx, &cap, CheckIns { instrument: instrument(ctx)?, history }).await
}

/// Scores and keeps a check-in; returns its id and score. `answers` maps
/// each item's link id to an answer code.
pub async fn submit(ctx: &Ctx<'_>, circle: &CircleId, answers: &BTreeMap<String, String>) -> Result<(String, Score)> {
    let cap =
        ctx.can::<act::CarerCheckIn>(circle, what(Operation::Create, "checkins.submit", "circle", circle)).await?;
    let instrument = instrument(ctx)?;
    let answers: BTreeMap<String, Answer> = answers
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k.clone(), Answer::Code(v.trim().into())))
        .collect();
    let score = instrument.score(&answers).map_err(|e| match e {
        AnswerError::Missing(_) => Error::field("answers", "checkin-answer-every-item"),
        AnswerError::UnknownItem(_) | AnswerError::UnknownCode { .. } | AnswerError::OutOfScale { .. } => {
            Error::field("answers", "checkin-answer-unknown")
        }
    })?;
    let id = ctx.state.store.add_check_in(&cap, INSTRUMENT, &answers, &score, ctx.now).await?;
    Ok((id, score))
}
