//! The carer check-in: a family carer fills in the EDIZ when they want and
//! sees their score explained and its trend. The answers and scores are the
//! carer's alone — the capability for them exists only for the carer's own
//! membership, and the store binds every query to it.

use super::{Ctx, InCircle, in_circle, what};
use samenspel_core::access::act;
use samenspel_core::audit::Operation;
use samenspel_core::carer_signal::{Signal, SignalAudience, parse_signal};
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::questionnaire::{Answer, AnswerError, Instrument, Score};
use samenspel_core::role::Role;
use samenspel_core::{Error, Result};
use samenspel_store::checkins::{CheckIn, REMINDER_WEEKS};
use std::collections::BTreeMap;

/// The instrument of the check-in.
pub const INSTRUMENT: &str = "ediz";

pub struct CheckIns {
    pub instrument: Instrument,
    /// Oldest first.
    pub history: Vec<CheckIn>,
    /// The carer's shared signal, while it is open.
    pub signal: Option<Signal>,
    /// The circle's coordinators (id, name): someone to share with and talk to.
    pub coordinators: Vec<(MemberId, String)>,
    /// The rhythm of the carer's reminders, if they chose one.
    pub reminder: Option<samenspel_store::checkins::Reminder>,
}

fn instrument(ctx: &Ctx<'_>) -> Result<Instrument> {
    ctx.state.instruments.get(INSTRUMENT).cloned().ok_or_else(|| Error::internal("the EDIZ is not loaded"))
}

pub async fn mine(ctx: &Ctx<'_>, circle: &CircleId) -> Result<InCircle<CheckIns>> {
    let cap = ctx.can::<act::CarerCheckIn>(circle, what(Operation::Read, "checkins.list", "circle", circle)).await?;
    let store = &ctx.state.store;
    let history = store.my_check_ins(&cap, INSTRUMENT).await?;
    let signal = store.visible_signals(&cap).await?.into_iter().find(|s| &s.member_id == cap.member_id());
    let coordinators = match cap.also::<act::ViewMembers>() {
        Some(view) => store
            .members(&view, ctx.now)
            .await?
            .into_iter()
            .filter(|m| m.role == Role::Coordinator)
            .map(|m| (m.id, m.display_name))
            .collect(),
        None => Vec::new(),
    };
    let reminder = store.my_reminder(&cap, INSTRUMENT).await?;
    in_circle(&cap, CheckIns { instrument: instrument(ctx)?, history, signal, coordinators, reminder })
}

/// Scores and keeps a check-in; returns its id and score. `answers` maps
/// each item's link id to an answer code.
pub async fn submit(ctx: &Ctx<'_>, circle: &CircleId, answers: &BTreeMap<String, String>) -> Result<(String, Score)> {
    let cap =
        ctx.can::<act::CarerCheckIn>(circle, what(Operation::Create, "checkins.submit", "circle", circle)).await?;
    let instrument = instrument(ctx)?;
    let (answers, score) = answers_of(&instrument, answers, "checkin-answer-every-item")?;
    let id = ctx.state.store.add_check_in(&cap, INSTRUMENT, &answers, &score, ctx.now).await?;
    Ok((id, score))
}

/// Turns answers as sent (link id → code) into scored answers; a missing
/// item is reported with the message key `missing`.
pub(super) fn answers_of(
    instrument: &Instrument,
    raw: &BTreeMap<String, String>,
    missing: &'static str,
) -> Result<(BTreeMap<String, Answer>, Score)> {
    let answers: BTreeMap<String, Answer> = raw
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k.clone(), Answer::Code(v.trim().into())))
        .collect();
    let score = instrument.score(&answers).map_err(|e| match e {
        AnswerError::Missing(_) => Error::field("answers", missing),
        AnswerError::UnknownItem(_) | AnswerError::UnknownCode { .. } | AnswerError::OutOfScale { .. } => {
            Error::field("answers", "checkin-answer-unknown")
        }
    })?;
    Ok((answers, score))
}

/// Shares "ik kan wel wat hulp gebruiken" with the coordinators or the circle.
pub async fn share_signal(ctx: &Ctx<'_>, circle: &CircleId, audience: &str, message: &str) -> Result<String> {
    let (audience, message) = parse_signal(audience, message)?;
    let cap = ctx.can::<act::CarerCheckIn>(circle, what(Operation::Create, "signals.share", "circle", circle)).await?;
    if audience == SignalAudience::Coordinator && !ctx.state.store.has_coordinator(&cap, ctx.now).await? {
        return Err(Error::field("audience", "signal-no-coordinator"));
    }
    ctx.state.store.share_signal(&cap, audience, &message, ctx.now).await
}

/// Takes the signal back.
pub async fn withdraw_signal(ctx: &Ctx<'_>, circle: &CircleId) -> Result<()> {
    let cap =
        ctx.can::<act::CarerCheckIn>(circle, what(Operation::Delete, "signals.withdraw", "circle", circle)).await?;
    ctx.state.store.withdraw_signal(&cap, ctx.now).await
}

/// The open signals the reader may see (no scores: there are none in them).
pub async fn signals(ctx: &Ctx<'_>, circle: &CircleId) -> Result<Vec<Signal>> {
    let cap = ctx.can::<act::ViewMembers>(circle, what(Operation::Read, "signals.list", "circle", circle)).await?;
    ctx.state.store.visible_signals(&cap).await
}

/// Sets the reminder rhythm: a number of weeks from [`REMINDER_WEEKS`], or none.
pub async fn set_reminder(ctx: &Ctx<'_>, circle: &CircleId, every_weeks: Option<i64>) -> Result<()> {
    let cap = ctx.can::<act::CarerCheckIn>(circle, what(Operation::Update, "reminders.set", "circle", circle)).await?;
    if every_weeks.is_some_and(|n| !REMINDER_WEEKS.contains(&n)) {
        return Err(Error::field("every_weeks", "reminder-weeks-invalid"));
    }
    ctx.state.store.set_reminder(&cap, INSTRUMENT, every_weeks, ctx.now).await
}
