//! Consent by data category: reading the circle's decision (every member
//! may), changing it (the client, or the representative when the client
//! cannot), and "view as": the circle as another role reads it, with why
//! each hidden thing is hidden and who decided.

use super::{Ctx, InCircle, in_circle, what};
use samenspel_core::access::act;
use samenspel_core::audit::Operation;
use samenspel_core::consent::{Category, Consent, DECIDED_ROLES};
use samenspel_core::ids::CircleId;
use samenspel_core::logbook::Entry;
use samenspel_core::role::Role;
use samenspel_core::{Error, Result};
use samenspel_store::access::Can;
use samenspel_store::consent::{ConsentView, Decision};
use samenspel_store::logbook::{EntryFilter, KindCount};

/// The consent page: the decision, and whether the reader may change it.
pub struct ConsentPage {
    pub view: ConsentView,
    pub may_change: bool,
}

pub async fn show(ctx: &Ctx<'_>, circle: &CircleId) -> Result<InCircle<ConsentPage>> {
    let cap = ctx.can::<act::ViewCircle>(circle, what(Operation::Read, "consent.view", "circle", circle)).await?;
    let view = ctx.state.store.consent(&cap).await?;
    let may_change = cap.place().may(samenspel_core::access::CircleAction::ManageConsent);
    in_circle(&cap, ConsentPage { view, may_change })
}

/// A new decision, as the roles kept out of each category. Categories not
/// named hide nothing. Roles of the client side cannot be kept out.
#[derive(Clone, Debug, Default)]
pub struct ConsentInput {
    pub hidden: Vec<(String, String)>,
}

impl ConsentInput {
    pub fn parse(&self) -> Result<Consent> {
        let mut consent = Consent::default();
        for (category, role) in &self.hidden {
            let c = Category::parse(category).ok_or_else(|| Error::field("hidden", "consent-category-unknown"))?;
            let r = Role::parse(role)
                .filter(|r| c.decided_roles().contains(r))
                .ok_or_else(|| Error::field("hidden", "consent-role-unknown"))?;
            consent = consent.with(c, r, false);
        }
        Ok(consent)
    }
}

/// Saves a new decision; returns the categories that changed. It holds from
/// the next request of every member, token, feed and summary.
pub async fn save(ctx: &Ctx<'_>, circle: &CircleId, input: &ConsentInput) -> Result<Vec<Category>> {
    let cap = ctx.can::<act::ManageConsent>(circle, what(Operation::Update, "consent.save", "circle", circle)).await?;
    // Checked after the capability: a refusal is the same whatever was sent.
    let consent = input.parse()?;
    ctx.state.store.set_consent(&cap, ctx.user.display_name(), consent, ctx.source, ctx.now).await
}

/// One category as the chosen role sees it.
pub struct Part {
    pub category: Category,
    /// How many items the role sees (`None`: consent keeps all of them out).
    pub shown: Option<usize>,
    /// How many items there are (as the client side sees them).
    pub of: usize,
    /// Who last decided about the category, and when.
    pub decision: Option<Decision>,
}

/// The circle as a member with `role` reads it.
pub struct ViewAs {
    pub role: Role,
    pub parts: Vec<Part>,
    /// The logbook per kind: reached by the audience, or not.
    pub logbook: Vec<KindCount>,
    /// The newest entries the role reads.
    pub latest: Vec<Entry>,
}

/// How many items of each non-logbook category a proof reads.
async fn counts(
    ctx: &Ctx<'_>,
    read: impl Fn(Category) -> bool,
    seer: &Seer<'_>,
) -> Result<Vec<(Category, Option<usize>)>> {
    let store = &ctx.state.store;
    let mut out = Vec::new();
    // The export is something one does, not something one sees: "view as"
    // leaves it out (the consent page shows who may do it).
    for category in Category::ALL.into_iter().filter(|c| !c.is_logbook() && *c != Category::Export) {
        let n = if !read(category) {
            None
        } else {
            match category {
                Category::Agenda => match seer.get::<act::ViewAgenda>() {
                    Some(c) => Some(store.agenda_items(&c, samenspel_core::recurrence::EARLIEST).await?.len()),
                    None => None,
                },
                Category::AboutClient => match seer.get::<act::ViewAboutClient>() {
                    Some(c) => Some(store.about_sections(&c).await?.len()),
                    None => None,
                },
                Category::Agreements => match seer.get::<act::ViewAgreements>() {
                    Some(c) => Some(store.agreements(&c).await?.len()),
                    None => None,
                },
                Category::Network => match seer.get::<act::ViewNetwork>() {
                    Some(c) => Some(store.network(&c, ctx.now).await?.len()),
                    None => None,
                },
                Category::Conversations => match seer.get::<act::ViewConversations>() {
                    Some(c) => Some(store.conversations(&c).await?.len()),
                    None => None,
                },
                Category::CarerSignals => match seer.get::<act::ViewCircle>() {
                    Some(c) => Some(store.visible_signals(&c).await?.len()),
                    None => None,
                },
                _ => None,
            }
        };
        out.push((category, n));
    }
    Ok(out)
}

/// Who reads: the client side itself, or a role viewed as.
enum Seer<'a> {
    Me(&'a Can<act::ManageConsent>),
    As(&'a Can<act::ManageConsent>, Role),
}

impl Seer<'_> {
    fn get<B: samenspel_store::access::Reads>(&self) -> Option<Can<B>> {
        match self {
            Seer::Me(cap) => cap.also::<B>(),
            Seer::As(cap, role) => cap.view_as::<B>(*role),
        }
    }
}

pub async fn view_as(ctx: &Ctx<'_>, circle: &CircleId, role: &str) -> Result<InCircle<(ConsentView, ViewAs)>> {
    let role = Role::parse(role).filter(|r| DECIDED_ROLES.contains(r)).ok_or(Error::NotFound)?;
    let cap = ctx.can::<act::ManageConsent>(circle, what(Operation::Read, "consent.view_as", "circle", circle)).await?;
    let store = &ctx.state.store;
    let view_cap = cap.also::<act::ViewCircle>().ok_or(Error::Forbidden)?;
    let consent = store.consent(&view_cap).await?;
    let theirs = counts(ctx, |c| consent.consent.allows(role, c), &Seer::As(&cap, role)).await?;
    let mine = counts(ctx, |_| true, &Seer::Me(&cap)).await?;
    let reader = cap.view_as::<act::ReadLogbook>(role).ok_or(Error::Forbidden)?;
    let logbook = store.entry_counts(&reader).await?;
    let latest = store.entries(&reader, &EntryFilter::default(), 5).await?;
    let mut parts: Vec<Part> = logbook
        .iter()
        .map(|k| Part {
            category: Category::of_kind(k.kind),
            shown: (!k.hidden_by_consent).then_some(k.addressed as usize),
            of: (k.addressed + k.other_audience) as usize,
            decision: consent.decision(Category::of_kind(k.kind)).cloned(),
        })
        .collect();
    for ((category, shown), (_, of)) in theirs.into_iter().zip(mine) {
        parts.push(Part { category, shown, of: of.unwrap_or(0), decision: consent.decision(category).cloned() });
    }
    in_circle(&cap, (consent, ViewAs { role, parts, logbook, latest }))
}
