//! Changes in the situation: record one, and the agreements it touches are
//! marked for review, the people involved are told by e-mail, and a review
//! conversation is proposed (on the overview, until someone closes it).

use super::{Ctx, notify, what};
use samenspel_core::access::act;
use samenspel_core::agreement::Agreement;
use samenspel_core::audit::Operation;
use samenspel_core::change::{Change, ChangeInput};
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::{Error, Result};

pub async fn record(ctx: &Ctx<'_>, circle: &CircleId, input: &ChangeInput) -> Result<String> {
    let today = crate::i18n::local(&ctx.now).date();
    let cap =
        ctx.can::<act::WriteAgreements>(circle, what(Operation::Create, "changes.record", "circle", circle)).await?;
    // Checked after the capability: an outsider hears "not found", whatever was sent.
    let change = input.parse(today)?;
    let store = &ctx.state.store;
    let view = cap.also::<act::ViewAgreements>().ok_or(Error::Forbidden)?;
    let all = store.agreements(&view).await?;
    let touched: Vec<&Agreement> = match &input.agreement_ids {
        Some(ids) => {
            if ids.iter().any(|id| !all.iter().any(|a| &a.id == id)) {
                return Err(Error::field("agreement_ids", "agreement-not-found"));
            }
            all.iter().filter(|a| ids.contains(&a.id)).collect()
        }
        None => all.iter().filter(|a| change.kind.touches(a)).collect(),
    };
    // Those involved: who does, backs up, leads or made a touched agreement.
    let mut involved: Vec<&MemberId> = touched
        .iter()
        .flat_map(|a| [a.doer.member_id(), a.backup.member_id(), a.lead.member_id(), Some(&a.owner)])
        .flatten()
        .filter(|m| *m != cap.member_id())
        .collect();
    involved.sort();
    involved.dedup();
    let circle_info = cap.also::<act::ViewCircle>().ok_or(Error::Forbidden)?.circle().clone();
    // About one's own agreements even without immediate e-mail; not for
    // someone who turned every e-mail about this circle off.
    let recipients = notify::mail_recipients(ctx, &cap, |r| involved.contains(&&r.member_id)).await?;
    let link = ctx.state.config.link(&format!("/circles/{circle}/agreements"));
    let descriptions: Vec<&str> = touched.iter().map(|a| a.description.as_str()).collect();
    let mails = notify::about_change(
        ctx.state,
        &circle_info.client_name,
        ctx.user.display_name(),
        &change,
        &descriptions,
        &link,
        &recipients,
        ctx.now,
    );
    let ids: Vec<String> = touched.iter().map(|a| a.id.clone()).collect();
    store.record_change(&cap, &change, &ids, &mails, ctx.now).await
}

pub async fn open(ctx: &Ctx<'_>, circle: &CircleId) -> Result<Vec<Change>> {
    let cap = ctx.can::<act::ViewAgreements>(circle, what(Operation::Read, "changes.list", "circle", circle)).await?;
    ctx.state.store.open_changes(&cap).await
}

pub async fn close(ctx: &Ctx<'_>, circle: &CircleId, id: &str) -> Result<()> {
    let cap = ctx.can::<act::WriteAgreements>(circle, what(Operation::Update, "changes.close", "change", id)).await?;
    ctx.state.store.close_change(&cap, id, ctx.now).await
}
