//! The volunteer pool (issue 14): its keepers (the organisation's managers
//! and its locations' coaches) see and keep its volunteers; a volunteer keeps
//! their own availability and answers what is put to the pool.

pub mod expenses;
pub mod offers;

use super::{Ctx, what};
use crate::i18n::Tr;
use samenspel_core::access::oact;
use samenspel_core::audit::Operation;
use samenspel_core::ids::OrganisationId;
use samenspel_core::pool::vog::{Rules, RulesInput, Vog};
use samenspel_core::pool::{Availability, NewVolunteerInput, ProfileInput, RecordInput, TrainingInput, Volunteer};
use samenspel_core::{Result, Timestamp};
use samenspel_store::access::OrgCan;

pub(crate) async fn org_can<A: oact::OrgActionMarker>(
    ctx: &Ctx<'_>,
    org: &OrganisationId,
    action: &'static str,
    op: Operation,
) -> Result<OrgCan<A>> {
    let what = what(op, action, "organisation", org);
    ctx.state.store.authorize_org::<A>(ctx.user, org, what, ctx.source, &ctx.state.audit, ctx.now).await
}

pub(crate) fn today(now: Timestamp) -> jiff::civil::Date {
    crate::i18n::local(&now).date()
}

/// A volunteer with where their VOG stands today.
pub struct Listed {
    pub volunteer: Volunteer,
    pub vog: Vog,
}

/// How the keepers search the pool.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct Search {
    /// Words, each in the name, area, interests, skills or languages.
    pub q: String,
    /// Free then: "wed-afternoon".
    pub slot: String,
    /// Only those whose VOG needs attention.
    pub vog: String,
}

pub struct PoolView {
    pub organisation: String,
    pub rules: Rules,
    pub volunteers: Vec<Listed>,
    pub total: usize,
    /// How many VOGs need attention (lapsing, lapsed or missing while required).
    pub attention: usize,
    pub may_set_rules: bool,
}

fn matches(v: &Volunteer, words: &str) -> bool {
    let p = &v.profile;
    let hay = format!(
        "{} {} {} {} {}",
        v.name,
        p.area.join(" "),
        p.interests.join(" "),
        p.skills.join(" "),
        p.languages.join(" ")
    )
    .to_lowercase();
    words.split_whitespace().all(|w| hay.contains(&w.to_lowercase()))
}

pub async fn list(ctx: &Ctx<'_>, org: &OrganisationId, search: &Search) -> Result<PoolView> {
    let cap = org_can::<oact::KeepPool>(ctx, org, "pool.view", Operation::Read).await?;
    let store = &ctx.state.store;
    let rules = store.pool_rules(&cap).await?;
    let today = today(ctx.now);
    let all: Vec<Listed> = store
        .pool_volunteers(&cap)
        .await?
        .into_iter()
        .map(|v| Listed { vog: rules.vog(v.vog_issued_on, today), volunteer: v })
        .collect();
    let needs = |l: &Listed| l.volunteer.active && l.vog.attention() && (rules.vog_required || l.vog != Vog::Missing);
    let attention = all.iter().filter(|l| needs(l)).count();
    let total = all.len();
    let slot = Availability::from_keys(std::slice::from_ref(&search.slot)).filter(|_| !search.slot.is_empty());
    let volunteers = all
        .into_iter()
        .filter(|l| matches(&l.volunteer, &search.q))
        .filter(|l| slot.is_none_or(|s| l.volunteer.profile.availability.0 & s.0 != 0))
        .filter(|l| search.vog.is_empty() || needs(l))
        .collect();
    let may_set_rules =
        samenspel_core::access::may_org(cap.standing(), samenspel_core::access::OrgAction::SetPoolRules);
    Ok(PoolView {
        organisation: store.organisation_name(&cap).await?,
        rules,
        volunteers,
        total,
        attention,
        may_set_rules,
    })
}

pub async fn volunteer(ctx: &Ctx<'_>, org: &OrganisationId, id: &str) -> Result<(Listed, Rules)> {
    let cap = org_can::<oact::KeepPool>(ctx, org, "pool.volunteer.view", Operation::Read).await?;
    let rules = ctx.state.store.pool_rules(&cap).await?;
    let v = ctx.state.store.pool_volunteer(&cap, id).await?;
    Ok((Listed { vog: rules.vog(v.vog_issued_on, today(ctx.now)), volunteer: v }, rules))
}

/// Adds someone by name and e-mail; they get an e-mail with a link to their pool page.
pub async fn add(ctx: &Ctx<'_>, org: &OrganisationId, input: &NewVolunteerInput) -> Result<String> {
    let cap = org_can::<oact::KeepPool>(ctx, org, "pool.add", Operation::Create).await?;
    let (name, email) = input.parse()?;
    let organisation = ctx.state.store.organisation_name(&cap).await?;
    let link = ctx.state.config.link("/pool");
    let now = ctx.now;
    let tr = Tr::new(samenspel_core::locale::Locale::Nl);
    let mails = |_: &samenspel_core::ids::UserId, name: &str| {
        pool_mail(
            tr,
            &email,
            name,
            tr.t1("pool-mail-added-subject", "organisation", &organisation),
            &tr.t1("pool-mail-added-lead", "organisation", &organisation),
            &tr.t("pool-mail-added-text"),
            &link,
            &organisation,
        )
        .map(|m| vec![m.into_job(now)])
        .unwrap_or_default()
    };
    ctx.state.store.add_pool_volunteer(ctx.user, &cap, &name, &email, &mails, ctx.source, ctx.now).await
}

pub async fn set_profile(ctx: &Ctx<'_>, org: &OrganisationId, id: &str, input: &ProfileInput) -> Result<()> {
    let cap = org_can::<oact::KeepPool>(ctx, org, "pool.profile", Operation::Update).await?;
    let profile = input.parse()?;
    ctx.state.store.set_pool_profile(ctx.user, &cap, id, &profile, ctx.source, ctx.now).await
}

pub async fn set_record(ctx: &Ctx<'_>, org: &OrganisationId, id: &str, input: &RecordInput) -> Result<()> {
    let cap = org_can::<oact::KeepPool>(ctx, org, "pool.record", Operation::Update).await?;
    let record = input.parse(today(ctx.now))?;
    ctx.state.store.set_pool_record(ctx.user, &cap, id, &record, ctx.source, ctx.now).await
}

pub async fn add_training(ctx: &Ctx<'_>, org: &OrganisationId, id: &str, input: &TrainingInput) -> Result<()> {
    let cap = org_can::<oact::KeepPool>(ctx, org, "pool.training", Operation::Update).await?;
    let training = input.parse(today(ctx.now))?;
    ctx.state.store.add_pool_training(ctx.user, &cap, id, &training, ctx.source, ctx.now).await
}

pub async fn rules(ctx: &Ctx<'_>, org: &OrganisationId) -> Result<(String, Rules)> {
    let cap = org_can::<oact::SetPoolRules>(ctx, org, "pool.rules.view", Operation::Read).await?;
    Ok((ctx.state.store.organisation_name(&cap).await?, ctx.state.store.pool_rules(&cap).await?))
}

pub async fn set_rules(ctx: &Ctx<'_>, org: &OrganisationId, input: &RulesInput) -> Result<()> {
    let cap = org_can::<oact::SetPoolRules>(ctx, org, "pool.rules", Operation::Update).await?;
    let rules = input.parse()?;
    ctx.state.store.set_pool_rules(ctx.user, &cap, &rules, ctx.source, ctx.now).await
}

/// The volunteer's own page: their record in each pool they are in, what
/// reaches them there, and their claims.
pub struct MyPool {
    pub organisation_id: OrganisationId,
    pub organisation: String,
    pub me: Volunteer,
    pub vog: Vog,
    pub rules: Rules,
    pub invitations: Vec<samenspel_core::pool::offers::Invitation>,
    pub claims: Vec<samenspel_core::pool::expenses::Claim>,
}

pub async fn mine(ctx: &Ctx<'_>) -> Result<Vec<MyPool>> {
    let mut out = Vec::new();
    for (org, organisation) in ctx.state.store.my_pools(ctx.user).await? {
        let cap = org_can::<oact::VolunteerInPool>(ctx, &org, "pool.mine", Operation::Read).await?;
        let rules = ctx.state.store.pool_rules(&cap).await?;
        let (me, invitations) = offers::reaching_me(ctx, &cap, &rules).await?;
        let claims = ctx.state.store.my_claims(&cap).await?;
        out.push(MyPool {
            vog: rules.vog(me.vog_issued_on, today(ctx.now)),
            organisation_id: org,
            organisation,
            me,
            rules,
            invitations,
            claims,
        });
    }
    Ok(out)
}

pub async fn set_my_profile(ctx: &Ctx<'_>, org: &OrganisationId, input: &ProfileInput) -> Result<()> {
    let cap = org_can::<oact::VolunteerInPool>(ctx, org, "pool.profile", Operation::Update).await?;
    let profile = input.parse()?;
    ctx.state.store.set_my_pool_profile(ctx.user, &cap, &profile, ctx.source, ctx.now).await
}

pub(crate) use crate::mail::pool_mail;
