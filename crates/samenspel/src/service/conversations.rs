//! Conversations held with a guide: the family start conversation, the
//! "In gesprek" questions, the review conversation. Recording a review
//! conversation can close the changes it discussed; answers can become
//! agreements (see [`super::agreements::add`]).

use super::{Ctx, InCircle, in_circle, what};
use samenspel_core::access::act;
use samenspel_core::audit::Operation;
use samenspel_core::change::Change;
use samenspel_core::conversation::{Conversation, ConversationInput, may_change_conversation};
use samenspel_core::ids::CircleId;
use samenspel_core::member::Member;
use samenspel_core::{Error, Result};

/// The circle's conversations and what the reader may do.
pub struct Conversations {
    pub list: Vec<Conversation>,
    /// Active members, to tick who took part.
    pub members: Vec<Member>,
    /// Changes still waiting for their review conversation.
    pub changes: Vec<Change>,
    pub may_hold: bool,
}

pub async fn list(ctx: &Ctx<'_>, circle: &CircleId) -> Result<InCircle<Conversations>> {
    let cap = ctx
        .can::<act::ViewConversations>(circle, what(Operation::Read, "conversations.list", "circle", circle))
        .await?;
    let store = &ctx.state.store;
    let list = store.conversations(&cap).await?;
    let may_hold = cap.also::<act::HoldConversations>().is_some();
    let members = match cap.also::<act::ViewMembers>() {
        Some(view) if may_hold => store.members(&view, ctx.now).await?,
        _ => Vec::new(),
    };
    let changes = match cap.also::<act::ViewAgreements>() {
        Some(view) => store.open_changes(&view).await?,
        None => Vec::new(),
    };
    in_circle(&cap, Conversations { list, members, changes, may_hold })
}

/// One conversation, and whether the reader may change it or make agreements from it.
pub struct ConversationView {
    pub conversation: Conversation,
    pub may_change: bool,
    pub may_make_agreements: bool,
    /// The parts of "Dit ben ik" that hold an answer of this conversation,
    /// as the reader sees them (an answer copied and not changed since).
    pub in_about: Vec<samenspel_core::about::Part>,
}

pub async fn view(ctx: &Ctx<'_>, circle: &CircleId, id: &str) -> Result<InCircle<ConversationView>> {
    let cap = ctx
        .can::<act::ViewConversations>(circle, what(Operation::Read, "conversation.view", "conversation", id))
        .await?;
    let conversation = ctx.state.store.conversation(&cap, id).await?;
    let me = cap.place();
    let may_change = cap.also::<act::HoldConversations>().is_some_and(|hold| {
        may_change_conversation(
            conversation.recorded_by == me.member_id,
            conversation.took_part(&me.member_id),
            hold.manages(),
        )
    });
    let may_make_agreements = cap.also::<act::WriteAgreements>().is_some();
    let in_about = match cap.also::<act::ViewAboutClient>() {
        Some(about) => {
            let sections = ctx.state.store.about_sections(&about).await?;
            conversation
                .guide
                .questions()
                .iter()
                .filter_map(|q| Some((q.fills?, conversation.answers.get(q.key)?)))
                .filter(|(part, answer)| sections.iter().any(|s| s.part == *part && s.text == **answer))
                .map(|(part, _)| part)
                .collect()
        }
        None => Vec::new(),
    };
    in_circle(&cap, ConversationView { conversation, may_change, may_make_agreements, in_about })
}

pub async fn hold(ctx: &Ctx<'_>, circle: &CircleId, input: &ConversationInput) -> Result<String> {
    let cap = ctx
        .can::<act::HoldConversations>(circle, what(Operation::Create, "conversations.hold", "circle", circle))
        .await?;
    // Checked after the capability: an outsider hears "not found", whatever was sent.
    let new = input.parse(crate::i18n::local(&ctx.now).date())?;
    let closer = cap.also::<act::WriteAgreements>();
    let id = ctx.state.store.add_conversation(&cap, closer.as_ref(), &new, ctx.now).await?;
    fill_about(ctx, &cap, &new).await?;
    Ok(id)
}

/// An intake's answers about the client's world start the parts of "Dit ben
/// ik" that nobody wrote yet, with the conversation's audience (its
/// participants, for "only those who took part"). A part that exists — even
/// one the recorder cannot see — is left alone; the answer stays in the
/// conversation.
async fn fill_about(
    ctx: &Ctx<'_>,
    cap: &samenspel_store::access::Can<act::HoldConversations>,
    c: &samenspel_core::conversation::NewConversation,
) -> Result<()> {
    let (Some(write), Some(view)) = (cap.also::<act::WriteAboutClient>(), cap.also::<act::ViewAboutClient>()) else {
        return Ok(());
    };
    let store = &ctx.state.store;
    let taken: Vec<_> = store
        .about_sections(&view)
        .await?
        .into_iter()
        .map(|s| s.part)
        .chain(store.hidden_about_parts(&view).await?)
        .collect();
    for q in c.guide.questions() {
        let (Some(part), Some(answer)) = (q.fills, c.answers.get(q.key)) else { continue };
        if taken.contains(&part) {
            continue;
        }
        let section = samenspel_core::about::NewSection {
            text: answer.clone(),
            first_person: false,
            audience: Some((c.audience, c.participants.clone())),
        };
        match store.save_about_section(&write, part, None, &section, ctx.now).await {
            // Someone wrote it meanwhile: theirs stands.
            Ok(()) | Err(Error::Conflict(_)) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// The conversation as the member may read it, for a change: not found when hidden.
async fn readable(
    ctx: &Ctx<'_>,
    cap: &samenspel_store::access::Can<act::HoldConversations>,
    id: &str,
) -> Result<Conversation> {
    let view = cap.also::<act::ViewConversations>().ok_or(Error::Forbidden)?;
    ctx.state.store.conversation(&view, id).await
}

pub async fn change(ctx: &Ctx<'_>, circle: &CircleId, id: &str, input: &ConversationInput) -> Result<()> {
    let cap = ctx
        .can::<act::HoldConversations>(circle, what(Operation::Update, "conversations.change", "conversation", id))
        .await?;
    // Checked after the capability: an outsider hears "not found", whatever was sent.
    let new = input.parse(crate::i18n::local(&ctx.now).date())?;
    let existing = readable(ctx, &cap, id).await?;
    ctx.state.store.update_conversation(&cap, &existing, &new, ctx.now).await
}

pub async fn remove(ctx: &Ctx<'_>, circle: &CircleId, id: &str) -> Result<()> {
    let cap = ctx
        .can::<act::HoldConversations>(circle, what(Operation::Delete, "conversations.remove", "conversation", id))
        .await?;
    let existing = readable(ctx, &cap, id).await?;
    ctx.state.store.delete_conversation(&cap, &existing).await
}
