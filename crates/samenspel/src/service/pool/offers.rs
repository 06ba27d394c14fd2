//! Offers (issue 14): a circle's coordinator puts an open help request or
//! shift to the organisation's pool, volunteers who fit see it — a first
//! name, the area, what and when, nothing else of the circle — and answer;
//! the coordinator asks one, who accepts on their own page and joins the
//! circle as a volunteer (until the end day, when it is short-term).

use super::{Listed, org_can, pool_mail, today};
use crate::i18n::Tr;
use crate::service::{Ctx, InCircle, in_circle, what};
use samenspel_core::access::{act, oact};
use samenspel_core::audit::Operation;
use samenspel_core::ids::{CircleId, MemberId, OrganisationId};
use samenspel_core::pool::Volunteer;
use samenspel_core::pool::offers::{Answer, Fit, Invitation, Offer, OfferInput, Source, Status, reaches};
use samenspel_core::pool::vog::Rules;
use samenspel_core::{Error, Result};
use samenspel_store::access::{Can, OrgCan};

/// Something of the circle that can go to the pool.
pub struct Choice {
    pub key: String,
    pub title: String,
    pub when: String,
    pub starts: jiff::civil::DateTime,
    pub ends: jiff::civil::DateTime,
}

/// A volunteer as a candidate for one offer.
pub struct Candidate {
    pub listed: Listed,
    pub fit: Fit,
    pub answer: Option<Answer>,
    /// The offer reaches them (free then, taking part, VOG in order).
    pub reached: bool,
    /// May be asked: taking part, VOG in order where required.
    pub askable: bool,
}

pub struct OfferWithCandidates {
    pub offer: Offer,
    pub candidates: Vec<Candidate>,
}

pub struct CirclePool {
    /// None: the circle belongs to no organisation, so there is no pool.
    pub organisation: Option<OrganisationId>,
    pub choices: Vec<Choice>,
    pub offers: Vec<OfferWithCandidates>,
    /// The form's first values: the client's first name, the location.
    pub first_name: String,
    pub area: String,
}

async fn circle_caps(
    ctx: &Ctx<'_>,
    circle: &CircleId,
    action: &'static str,
    op: Operation,
) -> Result<(Can<act::AskPool>, Option<OrgCan<oact::KeepPool>>)> {
    let cap = ctx.can::<act::AskPool>(circle, what(op, action, "circle", circle)).await?;
    let Some(org) = ctx.state.store.circle_organisation(&cap).await? else { return Ok((cap, None)) };
    let keep = org_can::<oact::KeepPool>(ctx, &org, action, op).await?;
    Ok((cap, Some(keep)))
}

/// The circle's open help requests and shifts with a free place (four weeks ahead).
async fn choices(ctx: &Ctx<'_>, cap: &Can<act::AskPool>) -> Result<Vec<Choice>> {
    let mut out = Vec::new();
    for r in crate::service::help::open(ctx, cap).await? {
        let when = ctx.tr.span(&r.from, &r.until);
        out.push(Choice { key: Source::Help(r.id).key(), title: r.title, when, starts: r.from, ends: r.until });
    }
    for slot in crate::service::agenda::gaps(ctx, cap, 28).await? {
        let o = &slot.occurrence;
        out.push(Choice {
            key: Source::Shift { item: slot.item.id.clone(), on: o.original }.key(),
            title: slot.item.title.clone(),
            when: ctx.tr.occurrence(o),
            starts: o.start.datetime(),
            ends: o.end.datetime(),
        });
    }
    out.sort_by_key(|c| c.starts);
    Ok(out)
}

fn candidates(rules: &Rules, offer: &Offer, all: Vec<(Volunteer, Option<Answer>)>, ctx: &Ctx<'_>) -> Vec<Candidate> {
    let today = today(ctx.now);
    let mut out: Vec<Candidate> = all
        .into_iter()
        .map(|(v, answer)| {
            let fit = Fit::of(&v.profile, &offer.area, &offer.what, offer.starts);
            let reached = reaches(v.active, &fit, rules, v.vog_issued_on, today);
            let askable = v.active && rules.placeable(v.vog_issued_on, today);
            Candidate {
                listed: Listed { vog: rules.vog(v.vog_issued_on, today), volunteer: v },
                fit,
                answer,
                reached,
                askable,
            }
        })
        .filter(|c| {
            c.reached || c.answer.is_some() || offer.asked.as_ref().is_some_and(|(id, _)| *id == c.listed.volunteer.id)
        })
        .collect();
    out.sort_by_key(|c| {
        (c.answer != Some(Answer::Yes), std::cmp::Reverse(c.fit.score()), c.listed.volunteer.name.clone())
    });
    out
}

/// The circle's pool page: what can go to the pool, and what went.
pub async fn page(ctx: &Ctx<'_>, circle: &CircleId) -> Result<InCircle<CirclePool>> {
    let (cap, keep) = circle_caps(ctx, circle, "pool.circle.view", Operation::Read).await?;
    let mut pool = CirclePool {
        organisation: None,
        choices: Vec::new(),
        offers: Vec::new(),
        first_name: String::new(),
        area: String::new(),
    };
    if let Some(keep) = &keep {
        let store = &ctx.state.store;
        let rules = store.pool_rules(keep).await?;
        let offers = store.circle_offers(&cap).await?;
        let busy: Vec<String> = offers
            .iter()
            .filter(|o| matches!(o.status, Status::Open | Status::Asked))
            .map(|o| o.source.key())
            .collect();
        pool.choices = choices(ctx, &cap).await?.into_iter().filter(|c| !busy.contains(&c.key)).collect();
        for offer in offers {
            let candidates = if matches!(offer.status, Status::Open | Status::Asked) {
                let (_, all) = store.offer_candidates(&cap, keep, &offer.id).await?;
                candidates(&rules, &offer, all, ctx)
            } else {
                Vec::new()
            };
            pool.offers.push(OfferWithCandidates { offer, candidates });
        }
        pool.organisation = Some(keep.organisation_id().clone());
    }
    let page = in_circle(&cap, pool)?;
    let first = page.circle.client_name.split_whitespace().next().unwrap_or("").to_owned();
    let area = page.circle.location_name.clone().or(page.circle.organisation_name.clone()).unwrap_or_default();
    Ok(InCircle { data: CirclePool { first_name: first, area, ..page.data }, ..page })
}

/// Puts a help request or shift to the pool; its times come from the circle.
pub async fn put(ctx: &Ctx<'_>, circle: &CircleId, input: &OfferInput) -> Result<String> {
    let (cap, keep) = circle_caps(ctx, circle, "pool.offer", Operation::Create).await?;
    let new = input.parse(today(ctx.now))?;
    let keep = keep.ok_or(Error::Conflict("pool-no-organisation"))?;
    let key = new.source.key();
    let choice = choices(ctx, &cap).await?.into_iter().find(|c| c.key == key);
    let choice = choice.ok_or(Error::field("source", "pool-source-gone"))?;
    ctx.state.store.put_to_pool(&cap, &keep, &new, (choice.starts, choice.ends), ctx.now).await
}

/// Asks one volunteer; they get an e-mail and answer on their pool page.
pub async fn ask(ctx: &Ctx<'_>, circle: &CircleId, offer: &str, volunteer: &str) -> Result<()> {
    let (cap, keep) = circle_caps(ctx, circle, "pool.ask", Operation::Update).await?;
    if offer.trim().is_empty() || volunteer.trim().is_empty() {
        return Err(Error::field("volunteer", "pool-volunteer-unknown"));
    }
    let keep = keep.ok_or(Error::NotFound)?;
    let organisation = ctx.state.store.organisation_name(&keep).await?;
    let link = ctx.state.config.link("/pool");
    let now = ctx.now;
    let mails = |v: &Volunteer, o: &Offer| {
        let tr = Tr::new(samenspel_core::locale::Locale::Nl);
        let when = tr.span(&o.starts, &o.ends);
        pool_mail(
            tr,
            &v.email,
            &v.name,
            tr.t("pool-mail-asked-subject"),
            &tr.t2("pool-mail-asked-lead", "name", &o.first_name, "area", &o.area),
            &format!("{}\n{when}", o.what),
            &link,
            &organisation,
        )
        .map(|m| vec![m.into_job(now)])
        .unwrap_or_default()
    };
    ctx.state
        .store
        .ask_volunteer(ctx.user, &cap, &keep, offer.trim(), volunteer.trim(), &mails, ctx.source, ctx.now)
        .await
}

pub async fn close(ctx: &Ctx<'_>, circle: &CircleId, offer: &str) -> Result<()> {
    let (cap, keep) = circle_caps(ctx, circle, "pool.close", Operation::Update).await?;
    if offer.trim().is_empty() {
        return Err(Error::field("offer", "pool-offer-unknown"));
    }
    let keep = keep.ok_or(Error::NotFound)?;
    ctx.state.store.close_offer(&cap, &keep, offer.trim(), ctx.now).await
}

/// What reaches the volunteer: open offers that fit them, and those they
/// were asked for or placed in. Nothing of the circle beyond the offer.
pub(super) async fn reaching_me(
    ctx: &Ctx<'_>,
    cap: &OrgCan<oact::VolunteerInPool>,
    rules: &Rules,
) -> Result<(Volunteer, Vec<Invitation>)> {
    let (me, offers) = ctx.state.store.pool_offers_for_me(cap, ctx.now).await?;
    let today = today(ctx.now);
    let invitations = offers
        .into_iter()
        .filter(|(o, _)| {
            let mine = o.asked.as_ref().is_some_and(|(id, _)| *id == me.id);
            mine || reaches(
                me.active,
                &Fit::of(&me.profile, &o.area, &o.what, o.starts),
                rules,
                me.vog_issued_on,
                today,
            )
        })
        .map(|(o, my_answer)| Invitation {
            asked_me: o.status == Status::Asked && o.asked.as_ref().is_some_and(|(id, _)| *id == me.id),
            placed: o.status == Status::Placed,
            id: o.id,
            organisation_id: o.organisation_id.to_string(),
            first_name: o.first_name,
            area: o.area,
            what: o.what,
            starts: o.starts,
            ends: o.ends,
            until_on: o.until_on,
            my_answer,
        })
        .collect();
    Ok((me, invitations))
}

async fn reachable(
    ctx: &Ctx<'_>,
    org: &OrganisationId,
    id: &str,
    action: &'static str,
) -> Result<OrgCan<oact::VolunteerInPool>> {
    let cap = org_can::<oact::VolunteerInPool>(ctx, org, action, Operation::Update).await?;
    let rules = ctx.state.store.pool_rules(&cap).await?;
    let (_, reaching) = reaching_me(ctx, &cap, &rules).await?;
    if !reaching.iter().any(|i| i.id == id) {
        return Err(Error::NotFound);
    }
    Ok(cap)
}

pub async fn answer(ctx: &Ctx<'_>, org: &OrganisationId, id: &str, answer: &str) -> Result<()> {
    let cap = reachable(ctx, org, id.trim(), "pool.answer").await?;
    let answer = Answer::parse(answer.trim()).ok_or(Error::field("answer", "pool-answer-invalid"))?;
    let me = ctx.state.store.my_pool_record(&cap).await?;
    ctx.state.store.answer_offer(&cap, &me.id, id.trim(), answer, ctx.now).await
}

/// Accepts being asked: returns the circle and the new membership.
pub async fn accept(ctx: &Ctx<'_>, org: &OrganisationId, id: &str) -> Result<(CircleId, MemberId)> {
    if id.trim().is_empty() {
        return Err(Error::field("offer", "pool-offer-unknown"));
    }
    let cap = org_can::<oact::VolunteerInPool>(ctx, org, "pool.accept", Operation::Create).await?;
    ctx.state.store.accept_offer(ctx.user, &cap, id.trim(), ctx.source, ctx.now).await
}

pub async fn decline(ctx: &Ctx<'_>, org: &OrganisationId, id: &str) -> Result<()> {
    if id.trim().is_empty() {
        return Err(Error::field("offer", "pool-offer-unknown"));
    }
    let cap = org_can::<oact::VolunteerInPool>(ctx, org, "pool.decline", Operation::Update).await?;
    ctx.state.store.decline_offer(ctx.user, &cap, id.trim(), ctx.source, ctx.now).await
}
