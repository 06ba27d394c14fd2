//! Agreements: who does what, in the five steps of the Schijf van Vijf.

use super::{Ctx, InCircle, in_circle, what};
use samenspel_core::access::{act, may_change_agreement};
use samenspel_core::agreement::{Agreement, AgreementInput};
use samenspel_core::audit::Operation;
use samenspel_core::ids::CircleId;
use samenspel_core::member::Member;
use samenspel_core::{Error, Result};

/// The agreements of a circle, and what the reader may do with them.
pub struct Agreements {
    pub list: Vec<Agreement>,
    /// The active members, for the forms' choices of who does what.
    pub members: Vec<Member>,
    /// May family carers and volunteers change what professionals agreed?
    pub informal_edits_professional: bool,
    /// May the reader make agreements (an active circle).
    pub may_write: bool,
    /// May the reader change the circle's setting above.
    pub may_set_policy: bool,
    /// Changes in the situation whose review conversation is still to come.
    pub changes: Vec<samenspel_core::change::Change>,
}

impl Agreements {
    /// May the reader change this agreement?
    pub fn may_change(&self, a: &Agreement, me: &samenspel_store::access::Place) -> bool {
        self.may_write
            && may_change_agreement(me.role, me.member_id == a.owner, a.owner_role, self.informal_edits_professional)
    }
}

pub async fn list(ctx: &Ctx<'_>, circle: &CircleId) -> Result<InCircle<Agreements>> {
    let cap =
        ctx.can::<act::ViewAgreements>(circle, what(Operation::Read, "agreements.list", "circle", circle)).await?;
    let list = ctx.state.store.agreements(&cap).await?;
    let informal_edits_professional = ctx.state.store.informal_edits_professional_agreements(&cap).await?;
    let members = match cap.also::<act::ViewMembers>() {
        Some(view) => ctx.state.store.members(&view, ctx.now).await?,
        None => Vec::new(),
    };
    let may_write = cap.also::<act::WriteAgreements>().is_some();
    let may_set_policy = cap.also::<act::EditCircle>().is_some();
    let changes = ctx.state.store.open_changes(&cap).await?;
    in_circle(&cap, Agreements { list, members, informal_edits_professional, may_write, may_set_policy, changes })
}

pub async fn add(ctx: &Ctx<'_>, circle: &CircleId, input: &AgreementInput) -> Result<String> {
    let cap =
        ctx.can::<act::WriteAgreements>(circle, what(Operation::Create, "agreements.add", "circle", circle)).await?;
    // Checked after the capability: an outsider hears "not found", whatever was sent.
    let new = input.parse()?;
    // Made from a conversation's answer: only one the member may read.
    if let Some(conversation) = &new.conversation {
        let view = cap.also::<act::ViewConversations>().ok_or(Error::Forbidden)?;
        match ctx.state.store.conversation(&view, conversation).await {
            Err(Error::NotFound) => return Err(Error::field("conversation_id", "conversation-not-found")),
            other => other?,
        };
    }
    ctx.state.store.add_agreement(&cap, &new, ctx.now).await
}

pub async fn change(ctx: &Ctx<'_>, circle: &CircleId, id: &str, input: &AgreementInput) -> Result<()> {
    let cap =
        ctx.can::<act::WriteAgreements>(circle, what(Operation::Update, "agreements.change", "agreement", id)).await?;
    // Checked after the capability: an outsider hears "not found", whatever was sent.
    let new = input.parse()?;
    ctx.state.store.update_agreement(&cap, id, &new, ctx.now).await
}

pub async fn end(ctx: &Ctx<'_>, circle: &CircleId, id: &str) -> Result<()> {
    let cap =
        ctx.can::<act::WriteAgreements>(circle, what(Operation::Delete, "agreements.end", "agreement", id)).await?;
    ctx.state.store.delete_agreement(&cap, id).await
}

pub async fn set_policy(ctx: &Ctx<'_>, circle: &CircleId, informal_edits_professional: bool) -> Result<()> {
    let cap =
        ctx.can::<act::EditCircle>(circle, what(Operation::Update, "agreements.policy", "circle", circle)).await?;
    ctx.state.store.set_informal_edits_professional_agreements(&cap, informal_edits_professional).await
}
