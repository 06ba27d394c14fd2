//! The coach's inbox (issue 14): one list, across the circles I coordinate,
//! of what needs a person — carers' signals shared with the coordinator,
//! agreements due for review, shifts in the coming week that still need
//! someone, help requests nobody has answered, and new members to meet —
//! each with who is on it, and a "done" mark. Every part is read through
//! its own capability in that circle, so the client's consent decides what
//! the coach sees; every circle read is audited.

use super::{Ctx, what};
use samenspel_core::access::act;
use samenspel_core::audit::Operation;
use samenspel_core::carer_signal::SignalAudience;
use samenspel_core::ids::{CircleId, UserId};
use samenspel_core::role::Role;
use samenspel_core::{Error, Result, Timestamp};
use samenspel_store::access::Can;

/// How long a new member stays in the inbox (unless marked done first).
pub const NEWCOMER_DAYS: i64 = 30;
/// How far ahead shifts that need someone are listed.
pub const SHIFT_DAYS: i64 = 7;

/// What kind of thing needs a person, in the order the inbox lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Signal,
    Help,
    Shift,
    Review,
    Newcomer,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Signal => "signal",
            Kind::Help => "help",
            Kind::Shift => "shift",
            Kind::Review => "review",
            Kind::Newcomer => "newcomer",
        }
    }
}

/// One thing that needs a person.
#[derive(Clone, Debug)]
pub struct Item {
    pub circle_id: CircleId,
    pub client_name: String,
    pub kind: Kind,
    /// Names the item in its circle: what the marks refer to.
    pub key: String,
    /// What it is about, in the circle's own words (a title, a name).
    pub subject: String,
    /// A line more: the carer's message, the date of the shift or review.
    pub detail: String,
    /// Since when it waits (for ordering; the shift's or review's own date otherwise).
    pub since: Option<Timestamp>,
    /// Who took it on, if anyone.
    pub claimed_by: Option<(UserId, String)>,
}

/// The inbox: its items, and over how many circles.
pub struct Inbox {
    pub items: Vec<Item>,
    pub circles: usize,
}

/// My inbox across the circles I coordinate.
pub async fn mine(ctx: &Ctx<'_>) -> Result<Inbox> {
    let circles: Vec<_> = ctx
        .state
        .store
        .my_circles(ctx.user, ctx.now)
        .await?
        .into_iter()
        .filter(|c| c.my_role == Role::Coordinator && c.circle.archived_at.is_none())
        .collect();
    let mut items = Vec::new();
    for c in &circles {
        let cap = ctx
            .can::<act::KeepInbox>(&c.circle.id, what(Operation::Read, "inbox.circle", "circle", &c.circle.id))
            .await?;
        items.extend(open_items(ctx, &cap, &c.circle.client_name).await?);
    }
    items.sort_by(|a, b| (a.kind, a.since, &a.client_name).cmp(&(b.kind, b.since, &b.client_name)));
    Ok(Inbox { items, circles: circles.len() })
}

/// The circle's items that are not done, with who is on them.
async fn open_items(ctx: &Ctx<'_>, cap: &Can<act::KeepInbox>, client: &str) -> Result<Vec<Item>> {
    let store = &ctx.state.store;
    let marks = store.inbox_marks(cap).await?;
    let mut items = Vec::new();
    let mut push = |kind: Kind, key: String, subject: String, detail: String, since: Option<Timestamp>| {
        let mark = marks.iter().find(|m| m.key == key);
        if mark.is_some_and(|m| m.done_at.is_some()) {
            return;
        }
        items.push(Item {
            circle_id: cap.circle_id().clone(),
            client_name: client.to_owned(),
            kind,
            key,
            subject,
            detail,
            since,
            claimed_by: mark.and_then(|m| m.claimed_by.clone()),
        });
    };

    for s in store.visible_signals(cap).await? {
        if s.audience == SignalAudience::Coordinator && &s.member_id != cap.member_id() {
            push(Kind::Signal, format!("signal:{}", s.id), s.name, s.message, Some(s.shared_at));
        }
    }
    for r in super::help::open(ctx, cap).await? {
        if r.responses.is_empty() {
            push(Kind::Help, format!("help:{}", r.id), r.title, r.asked_for_name, Some(r.created_at));
        }
    }
    for slot in super::agenda::gaps(ctx, cap, SHIFT_DAYS).await? {
        let on = slot.occurrence.original;
        let detail = ctx.tr.occurrence(&slot.occurrence);
        push(Kind::Shift, format!("shift:{}:{on}", slot.item.id), slot.item.title, detail, None);
    }
    if let Some(view) = cap.also::<act::ViewAgreements>() {
        let today = crate::i18n::local(&ctx.now).date();
        for a in store.due_agreements(&view, today).await? {
            let when = a.review_on.map(|d| d.to_string()).unwrap_or_else(|| "change".into());
            let detail = a.review_on.map(|d| ctx.tr.day(&d)).unwrap_or_default();
            push(Kind::Review, format!("review:{}:{when}", a.id), a.description, detail, None);
        }
    }
    if let Some(view) = cap.also::<act::ViewMembers>() {
        let since = ctx.now.checked_sub(jiff::SignedDuration::from_hours(24 * NEWCOMER_DAYS)).unwrap_or(ctx.now);
        for m in store.members(&view, ctx.now).await? {
            if m.joined_at >= since && &m.id != cap.member_id() && m.role != Role::Coordinator {
                let role = ctx.tr.role(&m.role);
                push(Kind::Newcomer, format!("newcomer:{}", m.id), m.display_name, role, Some(m.joined_at));
            }
        }
    }
    Ok(items)
}

/// A mark on one item: I take it on, or it is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Claim,
    Done,
}

/// Marks an item of the circle's inbox. Only a current, open item can be
/// marked: anything else is "not found".
pub async fn mark(ctx: &Ctx<'_>, circle: &CircleId, key: &str, mark: Mark) -> Result<()> {
    let action = if mark == Mark::Claim { "inbox.claim" } else { "inbox.done" };
    let cap = ctx.can::<act::KeepInbox>(circle, what(Operation::Update, action, "circle", circle)).await?;
    let client = ctx.state.store.my_circles(ctx.user, ctx.now).await?;
    let client = client.iter().find(|c| &c.circle.id == circle).map(|c| c.circle.client_name.clone());
    let items = open_items(ctx, &cap, &client.unwrap_or_default()).await?;
    if !items.iter().any(|i| i.key == key) {
        return Err(Error::NotFound);
    }
    match mark {
        Mark::Claim => ctx.state.store.claim_inbox_item(&cap, key, ctx.now).await,
        Mark::Done => ctx.state.store.finish_inbox_item(&cap, key, ctx.now).await,
    }
}
