//! The circle's overview ("de rode draad"): what is new for the reader,
//! what is still open, the month's thanks, and the other parts' open work.

use super::super::{Ctx, InCircle, in_circle, what};
use samenspel_core::Result;
use samenspel_core::access::act;
use samenspel_core::audit::Operation;
use samenspel_core::ids::CircleId;
use samenspel_core::logbook::{Entry, EntryKind};
use samenspel_store::logbook::EntryFilter;

/// The circle's overview: what is new for me, what is still open, recent thanks.
#[derive(Debug)]
pub struct Overview {
    pub unread: i64,
    pub new: Vec<Entry>,
    pub unresolved: Vec<Entry>,
    pub thanks: Vec<Entry>,
    /// Agreements to talk about again: marked by a change, or their review date has come.
    pub due_agreements: Vec<samenspel_core::agreement::Agreement>,
    /// Changes in the situation whose review conversation is still to come.
    pub changes: Vec<samenspel_core::change::Change>,
    /// Carers who shared that they could use some help (never their scores).
    pub signals: Vec<samenspel_core::carer_signal::Signal>,
    /// Shifts in the coming two weeks that still need someone.
    pub gaps: Vec<super::super::agenda::Slot>,
    /// Help requests still waiting for a helper.
    pub help: Vec<samenspel_core::help::Request>,
    /// Swaps other members asked me to accept, with the shift's title.
    pub swaps: Vec<(samenspel_core::agenda::Swap, String)>,
}

/// Unread counts stop here ("99+").
pub const UNREAD_CAP: i64 = 100;

pub async fn overview(ctx: &Ctx<'_>, circle: &CircleId) -> Result<InCircle<Overview>> {
    let cap = ctx.can::<act::ReadLogbook>(circle, what(Operation::Read, "logbook.overview", "circle", circle)).await?;
    let store = &ctx.state.store;
    let unread = store.unread_count(&cap, UNREAD_CAP, ctx.now).await?;
    let month_ago = ctx.now.checked_sub(jiff::SignedDuration::from_hours(24 * 30)).unwrap_or(ctx.now);
    // What is new, what is still open and the month's thanks, with their
    // files and reactions read once for all three.
    let lists = [
        (EntryFilter { unread_as_of: Some(ctx.now), ..Default::default() }, 6),
        (EntryFilter { unresolved_only: true, ..Default::default() }, 10),
        (EntryFilter { kind: Some(EntryKind::Thanks), since: Some(month_ago), ..Default::default() }, 4),
    ];
    let mut lists = store.entry_lists(&cap, &lists).await?.into_iter();
    let (new, unresolved, thanks) =
        (lists.next().unwrap_or_default(), lists.next().unwrap_or_default(), lists.next().unwrap_or_default());
    let thanks = thanks.into_iter().filter(|e| e.deleted.is_none()).collect();
    let (due_agreements, changes) = match cap.also::<act::ViewAgreements>() {
        Some(view) => {
            let today = crate::i18n::local(&ctx.now).date();
            (store.due_agreements(&view, today).await?, store.open_changes(&view).await?)
        }
        None => (Vec::new(), Vec::new()),
    };
    let signals = store.visible_signals(&cap).await?;
    let gaps = super::super::agenda::gaps(ctx, &cap, 14).await?;
    let help = super::super::help::open(ctx, &cap).await?;
    let swaps = super::super::agenda::swaps_asked_of_me(ctx, &cap).await?;
    let overview = Overview { unread, new, unresolved, thanks, due_agreements, changes, signals, gaps, help, swaps };
    in_circle(&cap, overview)
}

/// The unread count alone (for the API and the circle's tabs).
pub async fn unread(ctx: &Ctx<'_>, circle: &CircleId) -> Result<i64> {
    let cap = ctx.can::<act::ReadLogbook>(circle, what(Operation::Read, "logbook.unread", "circle", circle)).await?;
    ctx.state.store.unread_count(&cap, UNREAD_CAP, ctx.now).await
}
