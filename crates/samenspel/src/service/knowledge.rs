//! Knowledge (issue 14): the organisation's FAQ with its versions, the staff
//! quiz counted only in aggregate, and each location's placemat.

use super::pool::org_can;
use super::{Ctx, what};
use samenspel_core::access::location::lact;
use samenspel_core::access::{OrgAction, may_org, oact};
use samenspel_core::audit::Operation;
use samenspel_core::ids::{LocationId, OrganisationId};
use samenspel_core::knowledge::faq::{Entry, EntryInput, Topic, Version};
use samenspel_core::knowledge::placemat::{Item, ItemInput};
use samenspel_core::knowledge::quiz::{self, Answered, QUIZ};
use samenspel_core::{Result, monitor::Shown};
use samenspel_store::access::LocationCan;

pub struct FaqView {
    pub organisation: String,
    pub entries: Vec<Entry>,
    pub total: usize,
    pub may_keep: bool,
}

pub async fn faq(ctx: &Ctx<'_>, org: &OrganisationId, query: &str, topic: Option<Topic>) -> Result<FaqView> {
    let cap = org_can::<oact::ReadKnowledge>(ctx, org, "faq.view", Operation::Read).await?;
    let all = ctx.state.store.faq(&cap).await?;
    let total = all.len();
    let entries = all.into_iter().filter(|e| topic.is_none_or(|t| e.topic == t) && e.matches(query)).collect();
    Ok(FaqView {
        organisation: ctx.state.store.organisation_name(&cap).await?,
        entries,
        total,
        may_keep: may_org(cap.standing(), OrgAction::KeepKnowledge),
    })
}

/// One entry with its versions, for its keepers.
pub async fn entry(ctx: &Ctx<'_>, org: &OrganisationId, id: &str) -> Result<(Entry, Vec<Version>)> {
    let cap = org_can::<oact::KeepKnowledge>(ctx, org, "faq.entry.view", Operation::Read).await?;
    ctx.state.store.faq_entry(&cap, id).await
}

pub async fn add(ctx: &Ctx<'_>, org: &OrganisationId, input: &EntryInput) -> Result<String> {
    let cap = org_can::<oact::KeepKnowledge>(ctx, org, "faq.add", Operation::Create).await?;
    let new = input.parse()?;
    ctx.state.store.add_faq_entry(ctx.user, &cap, &new, ctx.source, ctx.now).await
}

pub async fn add_starter_set(ctx: &Ctx<'_>, org: &OrganisationId) -> Result<usize> {
    let cap = org_can::<oact::KeepKnowledge>(ctx, org, "faq.starter", Operation::Create).await?;
    ctx.state.store.add_faq_starter_set(ctx.user, &cap, ctx.source, ctx.now).await
}

pub async fn change(ctx: &Ctx<'_>, org: &OrganisationId, id: &str, input: &EntryInput) -> Result<()> {
    let cap = org_can::<oact::KeepKnowledge>(ctx, org, "faq.change", Operation::Update).await?;
    let new = input.parse()?;
    ctx.state.store.change_faq_entry(ctx.user, &cap, id, &new, ctx.source, ctx.now).await
}

pub async fn remove(ctx: &Ctx<'_>, org: &OrganisationId, id: &str) -> Result<()> {
    let cap = org_can::<oact::KeepKnowledge>(ctx, org, "faq.remove", Operation::Delete).await?;
    ctx.state.store.remove_faq_entry(ctx.user, &cap, id, ctx.source, ctx.now).await
}

/// Opens the quiz (only who may take it).
pub async fn quiz_form(ctx: &Ctx<'_>, org: &OrganisationId) -> Result<String> {
    let cap = org_can::<oact::TakeQuiz>(ctx, org, "quiz.view", Operation::Read).await?;
    ctx.state.store.organisation_name(&cap).await
}

/// Marks a round and adds it to the organisation's counts; the answers go
/// back to the person only.
pub async fn take_quiz(ctx: &Ctx<'_>, org: &OrganisationId, pairs: &[(String, String)]) -> Result<Vec<Answered>> {
    let cap = org_can::<oact::TakeQuiz>(ctx, org, "quiz.take", Operation::Create).await?;
    let answered = quiz::mark(pairs)?;
    ctx.state.store.count_quiz_round(&cap, &answered).await?;
    Ok(answered)
}

/// One question's result over all rounds: the share that chose right.
pub struct QuestionResult {
    pub question: &'static str,
    pub right: Shown,
}

pub struct QuizResults {
    pub organisation: String,
    pub rounds: Shown,
    pub questions: Vec<QuestionResult>,
}

/// The organisation's counts, for its keepers. Fewer than five rounds are
/// not shown at all: with so few, a result could point at someone.
pub async fn quiz_results(ctx: &Ctx<'_>, org: &OrganisationId) -> Result<QuizResults> {
    let cap = org_can::<oact::KeepKnowledge>(ctx, org, "quiz.results", Operation::Read).await?;
    let tally = ctx.state.store.quiz_tally(&cap).await?;
    let enough = tally.rounds >= 5;
    let questions = QUIZ
        .iter()
        .map(|q| {
            let right = q.options.iter().find(|(_, r)| *r).map(|(o, _)| *o).unwrap_or("");
            let chosen = |option: &str| {
                tally.chosen.iter().find(|(qq, o, _)| qq == q.key && o == option).map(|t| t.2).unwrap_or(0)
            };
            let total: i64 = q.options.iter().map(|(o, _)| chosen(o)).sum();
            let share = if enough && total > 0 {
                Shown::Exact((chosen(right) * 100 + total / 2) / total)
            } else {
                Shown::TooFew
            };
            QuestionResult { question: q.key, right: share }
        })
        .collect();
    let rounds = if enough {
        Shown::Exact(tally.rounds)
    } else if tally.rounds > 0 {
        Shown::FewerThanFive
    } else {
        Shown::None
    };
    Ok(QuizResults { organisation: ctx.state.store.organisation_name(&cap).await?, rounds, questions })
}

async fn location_can<A: lact::LocationActionMarker>(
    ctx: &Ctx<'_>,
    location: &LocationId,
    action: &'static str,
    op: Operation,
) -> Result<LocationCan<A>> {
    let what = what(op, action, "location", location);
    ctx.state.store.authorize_location::<A>(ctx.user, location, what, ctx.source, &ctx.state.audit, ctx.now).await
}

pub struct PlacematView {
    pub location: String,
    pub items: Vec<Item>,
    pub may_keep: bool,
}

pub async fn placemat(ctx: &Ctx<'_>, location: &LocationId) -> Result<PlacematView> {
    let cap = location_can::<lact::ViewPlacemat>(ctx, location, "placemat.view", Operation::Read).await?;
    Ok(PlacematView {
        location: cap.location_name().to_owned(),
        items: ctx.state.store.placemat(&cap).await?,
        may_keep: cap.also::<lact::KeepPlacemat>().is_some(),
    })
}

pub async fn add_placemat_item(ctx: &Ctx<'_>, location: &LocationId, input: &ItemInput) -> Result<()> {
    let cap = location_can::<lact::KeepPlacemat>(ctx, location, "placemat.add", Operation::Update).await?;
    let text = input.parse()?;
    ctx.state.store.add_placemat_items(ctx.user, &cap, &[text], ctx.source, ctx.now).await
}

pub async fn add_placemat_starter(ctx: &Ctx<'_>, location: &LocationId) -> Result<()> {
    let cap = location_can::<lact::KeepPlacemat>(ctx, location, "placemat.starter", Operation::Update).await?;
    ctx.state.store.add_placemat_starter(ctx.user, &cap, ctx.source, ctx.now).await
}

pub async fn remove_placemat_item(ctx: &Ctx<'_>, location: &LocationId, id: &str) -> Result<()> {
    let cap = location_can::<lact::KeepPlacemat>(ctx, location, "placemat.remove", Operation::Delete).await?;
    ctx.state.store.remove_placemat_item(ctx.user, &cap, id, ctx.source, ctx.now).await
}
