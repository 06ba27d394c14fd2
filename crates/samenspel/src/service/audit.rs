//! The audit view: who looked at or changed the client's data.

use super::{Ctx, InCircle, in_circle, what};
use samenspel_core::Result;
use samenspel_core::access::act;
use samenspel_core::audit::{AuditRecord, Operation};
use samenspel_core::ids::CircleId;

pub const PAGE: i64 = 100;

/// A page of the circle's audit trail, newest first, before `before_seq`.
pub async fn circle_trail(ctx: &Ctx<'_>, circle: &CircleId, before_seq: Option<i64>) -> Result<Vec<AuditRecord>> {
    let cap = ctx.can::<act::ViewAuditTrail>(circle, what(Operation::Read, "audit.view", "circle", circle)).await?;
    ctx.state.store.circle_audit(&cap, before_seq, PAGE).await
}

/// The audit page: the same, with the circle.
pub async fn circle_trail_page(
    ctx: &Ctx<'_>,
    circle: &CircleId,
    before_seq: Option<i64>,
) -> Result<InCircle<Vec<AuditRecord>>> {
    let cap = ctx.can::<act::ViewAuditTrail>(circle, what(Operation::Read, "audit.view", "circle", circle)).await?;
    let records = ctx.state.store.circle_audit(&cap, before_seq, PAGE).await?;
    in_circle(ctx, &cap, records).await
}
