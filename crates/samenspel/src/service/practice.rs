//! Practice examples (issue 14): coaches of one organisation share short
//! write-ups of what worked, and find them by topic or word.

use super::{Ctx, what};
use samenspel_core::Result;
use samenspel_core::access::oact;
use samenspel_core::audit::Operation;
use samenspel_core::ids::OrganisationId;
use samenspel_core::practice::{Example, ExampleInput};
use samenspel_store::access::OrgCan;

async fn can(
    ctx: &Ctx<'_>,
    org: &OrganisationId,
    action: &'static str,
    op: Operation,
) -> Result<OrgCan<oact::SharePractice>> {
    let what = what(op, action, "organisation", org);
    ctx.state
        .store
        .authorize_org::<oact::SharePractice>(ctx.user, org, what, ctx.source, &ctx.state.audit, ctx.now)
        .await
}

/// The examples, found by words (every word must appear) and by a topic.
pub struct ExamplesView {
    pub organisation: String,
    pub examples: Vec<Example>,
    /// Every topic in use, for finding by topic.
    pub topics: Vec<String>,
    pub total: usize,
}

pub async fn list(ctx: &Ctx<'_>, org: &OrganisationId, query: &str, topic: &str) -> Result<ExamplesView> {
    let cap = can(ctx, org, "practice.view", Operation::Read).await?;
    let all = ctx.state.store.practice_examples(&cap).await?;
    let mut topics: Vec<String> = all.iter().flat_map(|e| e.topics.iter().cloned()).collect();
    topics.sort();
    topics.dedup();
    let total = all.len();
    let topic = topic.trim().to_lowercase();
    let examples =
        all.into_iter().filter(|e| e.matches(query) && (topic.is_empty() || e.topics.contains(&topic))).collect();
    Ok(ExamplesView { organisation: ctx.state.store.organisation_name(&cap).await?, examples, topics, total })
}

/// One example, for its form: its writer's own (or any, for an administrator).
pub async fn own(ctx: &Ctx<'_>, org: &OrganisationId, id: &str) -> Result<Example> {
    let cap = can(ctx, org, "practice.view", Operation::Read).await?;
    let example = ctx.state.store.practice_example(&cap, id).await?;
    let admin = cap.roles().contains(&samenspel_core::role::OrgRole::Admin);
    if example.author.as_ref() != Some(ctx.user.id()) && !admin {
        return Err(samenspel_core::Error::Forbidden);
    }
    Ok(example)
}

pub async fn add(ctx: &Ctx<'_>, org: &OrganisationId, input: &ExampleInput) -> Result<String> {
    let cap = can(ctx, org, "practice.add", Operation::Create).await?;
    let new = input.parse()?;
    ctx.state.store.add_practice_example(ctx.user, &cap, &new, ctx.source, ctx.now).await
}

pub async fn change(ctx: &Ctx<'_>, org: &OrganisationId, id: &str, input: &ExampleInput) -> Result<()> {
    let cap = can(ctx, org, "practice.change", Operation::Update).await?;
    let new = input.parse()?;
    ctx.state.store.change_practice_example(ctx.user, &cap, id, &new, ctx.source, ctx.now).await
}

pub async fn remove(ctx: &Ctx<'_>, org: &OrganisationId, id: &str) -> Result<()> {
    let cap = can(ctx, org, "practice.remove", Operation::Delete).await?;
    ctx.state.store.remove_practice_example(ctx.user, &cap, id, ctx.source, ctx.now).await
}
