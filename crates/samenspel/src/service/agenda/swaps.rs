//! Swaps: proposing to hand one's place to another member (maybe for one
//! of theirs), and answering one.

use super::*;
use crate::service::{Ctx, what};
use samenspel_core::access::act;
use samenspel_core::agenda::{Item, Swap};
use samenspel_core::audit::Operation;
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::{Error, Result};

/// Proposes to hand my place to `to`, maybe for one of theirs (`return_item`, `return_on`).
pub async fn propose_swap(
    ctx: &Ctx<'_>,
    circle: &CircleId,
    id: &str,
    on: &str,
    to: &str,
    in_return: Option<(&str, &str)>,
) -> Result<String> {
    let cap = ctx.can::<act::TakeShifts>(circle, what(Operation::Create, "shift.swap", "agenda_item", id)).await?;
    let item = readable(ctx, &cap, id).await?;
    let on = occurrence_of(&item, on)?;
    still_to_come(ctx, &item, on)?;
    let to = MemberId::parse(to.trim()).ok_or(Error::field("to", "member-not-in-circle"))?;
    let back = match in_return {
        Some((back_id, back_on)) => {
            let back =
                readable(ctx, &cap, back_id).await.map_err(|_| Error::field("in_return", "swap-return-not-theirs"))?;
            let back_on =
                occurrence_of(&back, back_on).map_err(|_| Error::field("in_return", "swap-return-not-theirs"))?;
            Some((back, back_on))
        }
        None => None,
    };
    let swap = ctx.state.store.propose_swap(&cap, &item, on, &to, back.as_ref().map(|(i, d)| (i, *d)), ctx.now).await?;
    tell_one(ctx, &cap, &item, on, &to, SwapNews::Proposed(ctx.user.display_name().to_owned())).await?;
    Ok(swap)
}

/// Open swaps a member proposed or is asked to accept.
pub struct MySwaps {
    pub me: MemberId,
    pub swaps: Vec<Swap>,
    /// The items the member sees, to name the shifts in the swaps.
    pub items: Vec<Item>,
}

/// Open swaps I proposed or am asked to accept (for those who take shifts).
pub async fn my_swaps(ctx: &Ctx<'_>, circle: &CircleId) -> Result<MySwaps> {
    let cap = ctx.can::<act::TakeShifts>(circle, what(Operation::Read, "agenda.view", "circle", circle)).await?;
    let view = cap.also::<act::ViewAgenda>().ok_or(Error::Forbidden)?;
    let swaps = ctx.state.store.open_swaps(&cap).await?;
    let items = ctx.state.store.agenda_items(&view, samenspel_core::recurrence::EARLIEST).await?;
    Ok(MySwaps { me: cap.member_id().clone(), swaps, items })
}

/// What a member answers to a swap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SwapAnswer {
    /// The asked member takes the place (and gives theirs in return, if asked).
    Accept,
    /// The asked member says no.
    Decline,
    /// The proposer takes the proposal back.
    Withdraw,
}

/// As [`answer_swap`], for a caller who says which answer it means: only the
/// asked member accepts or declines, only the proposer withdraws. A swap the
/// member is not part of does not exist for them.
pub async fn answer_swap_as(ctx: &Ctx<'_>, circle: &CircleId, swap_id: &str, answer: SwapAnswer) -> Result<()> {
    let cap = ctx.can::<act::TakeShifts>(circle, what(Operation::Update, "shift.swap_answer", "swap", swap_id)).await?;
    let swap = ctx.state.store.open_swaps(&cap).await?.into_iter().find(|s| s.id == swap_id).ok_or(Error::NotFound)?;
    let me = cap.member_id();
    let theirs = match answer {
        SwapAnswer::Accept | SwapAnswer::Decline => &swap.to == me,
        SwapAnswer::Withdraw => &swap.from == me,
    };
    if !theirs {
        return Err(Error::Forbidden);
    }
    let item = readable(ctx, &cap, &swap.item_id).await?;
    let accept = answer == SwapAnswer::Accept;
    if accept {
        // Nobody takes over an evening that is already over.
        still_to_come(ctx, &item, swap.on)?;
    }
    ctx.state.store.answer_swap(&cap, &swap, accept, ctx.now).await?;
    if &swap.to == me {
        let notice = if accept { SwapNews::Accepted } else { SwapNews::Declined };
        tell_one(ctx, &cap, &item, swap.on, &swap.from, notice(ctx.user.display_name().to_owned())).await?;
    }
    Ok(())
}
