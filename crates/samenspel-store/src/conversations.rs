//! Conversations held with a guide. A circle holds a handful a year, so a
//! read loads the circle's conversations whole and the audience rule is
//! applied here, once, with [`AudienceScope::can_see`] — the participants
//! are the chosen members of a "chosen" audience.

use crate::access::Can;
use crate::db::{Store, Tx, ms};
use crate::members::is_active_member;
use jiff::civil::Date;
use samenspel_core::access::act;
use samenspel_core::audience::Audience;
use samenspel_core::conversation::{Conversation, Guide, NewConversation, may_change_conversation};
use samenspel_core::ids::MemberId;
use samenspel_core::{Error, FieldError, Result, Timestamp};
use std::collections::BTreeMap;

use crate::sql::{NAME, args, db_row};

db_row! {
    struct Row {
        id: String,
        guide: String,
        held_on: String,
        audience: String,
        others: String,
        recorded_by: String,
        recorder_name: Option<String>,
    }
}

fn corrupt(what: &str, raw: &str) -> Error {
    Error::internal(format!("conversations holds an unknown {what} {raw:?}"))
}

impl Store {
    /// The conversations the member may read, most recent first.
    pub async fn conversations(&self, cap: &Can<act::ViewConversations>) -> Result<Vec<Conversation>> {
        let circle = cap.circle_id().as_str();
        let rows: Vec<Row> = self
            .all(
                &format!(
                    "SELECT c.id, c.guide, c.held_on, c.audience, c.others, c.recorded_by, {NAME}c.recorded_by) \
             FROM conversations c WHERE c.circle_id = $1 ORDER BY c.held_on DESC, c.id DESC"
                ),
                args![circle],
            )
            .await?;
        let participants: Vec<(String, String, Option<String>)> = self
            .all(
                &format!(
                    "SELECT p.conversation_id, p.member_id, {NAME}p.member_id) FROM conversation_participants p \
             JOIN conversations c ON c.id = p.conversation_id WHERE c.circle_id = $1 ORDER BY 3"
                ),
                args![circle],
            )
            .await?;
        let answers: Vec<(String, String, String)> = self
            .all(
                "SELECT a.conversation_id, a.question, a.answer FROM conversation_answers a \
             JOIN conversations c ON c.id = a.conversation_id WHERE c.circle_id = $1",
                args![circle],
            )
            .await?;
        let agreements: Vec<(String, String, String)> = self
            .all(
                "SELECT l.conversation_id, a.id, a.description FROM conversation_agreements l \
             JOIN agreements a ON a.id = l.agreement_id WHERE a.circle_id = $1 ORDER BY a.created_at, a.id",
                args![circle],
            )
            .await?;
        let scope = cap.audience();
        let mut out = Vec::new();
        for Row { id, guide, held_on, audience, others, recorded_by, recorder_name } in rows {
            let participants: Vec<(MemberId, String)> = participants
                .iter()
                .filter(|p| p.0 == id)
                .map(|p| (MemberId::from_db(p.1.clone()), p.2.clone().unwrap_or_default()))
                .collect();
            let audience = Audience::parse(&audience).ok_or_else(|| corrupt("audience", &audience))?;
            let recorded_by = MemberId::from_db(recorded_by);
            let chosen: Vec<MemberId> = participants.iter().map(|p| p.0.clone()).collect();
            if !scope.can_see(audience, &recorded_by, &chosen) {
                continue;
            }
            out.push(Conversation {
                guide: Guide::parse(&guide).ok_or_else(|| corrupt("guide", &guide))?,
                held_on: held_on.parse::<Date>().map_err(|_| corrupt("date", &held_on))?,
                audience,
                participants,
                others,
                answers: answers.iter().filter(|a| a.0 == id).map(|a| (a.1.clone(), a.2.clone())).collect(),
                recorded_by,
                recorded_by_name: recorder_name.unwrap_or_default(),
                agreements: agreements.iter().filter(|a| a.0 == id).map(|a| (a.1.clone(), a.2.clone())).collect(),
                id,
            });
        }
        Ok(out)
    }

    /// One conversation, when the member may read it.
    pub async fn conversation(&self, cap: &Can<act::ViewConversations>, id: &str) -> Result<Conversation> {
        self.conversations(cap).await?.into_iter().find(|c| c.id == id).ok_or(Error::NotFound)
    }

    /// Records a conversation; closes the changes it discussed (which needs
    /// `closer`, the right to deal with agreements). Returns its id.
    pub async fn add_conversation(
        &self,
        cap: &Can<act::HoldConversations>,
        closer: Option<&Can<act::WriteAgreements>>,
        c: &NewConversation,
        now: Timestamp,
    ) -> Result<String> {
        let id = uuid::Uuid::now_v7().to_string();
        let mut tx = self.begin().await?;
        check_participants(&mut tx, cap, &c.participants, now).await?;
        tx.exec(
            "INSERT INTO conversations (id, circle_id, guide, held_on, audience, others, recorded_by, recorded_at, \
             updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $7)",
            args![
                &id,
                cap.circle_id().as_str(),
                c.guide.as_str(),
                c.held_on.to_string(),
                c.audience.as_str(),
                &c.others,
                cap.member_id().as_str(),
                ms(now)
            ],
        )
        .await?;
        write_parts(&mut tx, &id, c).await?;
        if !c.closes_changes.is_empty() {
            let closer = closer.ok_or(Error::Forbidden)?;
            for change in &c.closes_changes {
                let closed = tx
                    .exec(
                        "UPDATE change_events SET closed_at = $3, closed_by = $4 \
                     WHERE id = $1 AND circle_id = $2 AND closed_at IS NULL",
                        args![change, closer.circle_id().as_str(), ms(now), closer.member_id().as_str()],
                    )
                    .await?;
                if closed == 0 {
                    return Err(Error::field("closes_changes", "change-not-found"));
                }
            }
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Replaces a conversation's date, audience, participants and answers.
    /// `existing` is the conversation as the member may read it.
    pub async fn update_conversation(
        &self,
        cap: &Can<act::HoldConversations>,
        existing: &Conversation,
        c: &NewConversation,
        now: Timestamp,
    ) -> Result<()> {
        may_change(cap, existing)?;
        if c.guide != existing.guide {
            return Err(Error::field("guide", "guide-fixed"));
        }
        let mut tx = self.begin().await?;
        check_participants(&mut tx, cap, &c.participants, now).await?;
        tx.exec_found(
            "UPDATE conversations SET held_on = $3, audience = $4, others = $5, updated_at = $6, updated_by = $7 \
             WHERE id = $1 AND circle_id = $2",
            args![
                &existing.id,
                cap.circle_id().as_str(),
                c.held_on.to_string(),
                c.audience.as_str(),
                &c.others,
                ms(now),
                cap.member_id().as_str()
            ],
        )
        .await?;
        for table in ["conversation_participants", "conversation_answers"] {
            tx.exec(&format!("DELETE FROM {table} WHERE conversation_id = $1"), args![&existing.id]).await?;
        }
        write_parts(&mut tx, &existing.id, c).await?;
        tx.commit().await
    }

    /// Removes a conversation; agreements made from it stay.
    pub async fn delete_conversation(&self, cap: &Can<act::HoldConversations>, existing: &Conversation) -> Result<()> {
        may_change(cap, existing)?;
        self.exec(
            "DELETE FROM conversations WHERE id = $1 AND circle_id = $2",
            args![&existing.id, cap.circle_id().as_str()],
        )
        .await?;
        Ok(())
    }
}

fn may_change(cap: &Can<act::HoldConversations>, c: &Conversation) -> Result<()> {
    if may_change_conversation(&c.recorded_by == cap.member_id(), c.took_part(cap.member_id()), cap.manages()) {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

/// Links a new agreement to the conversation it was made from, in the
/// agreement's transaction. The service has checked the member may read it.
pub(crate) async fn link_agreement(tx: &mut Tx, circle: &str, conversation: &str, agreement: &str) -> Result<()> {
    let linked = tx
        .exec(
            "INSERT INTO conversation_agreements (conversation_id, agreement_id) \
         SELECT id, $3 FROM conversations WHERE id = $1 AND circle_id = $2",
            args![conversation, circle, agreement],
        )
        .await?;
    if linked == 0 { Err(Error::field("conversation_id", "conversation-not-found")) } else { Ok(()) }
}

async fn write_parts(tx: &mut Tx, id: &str, c: &NewConversation) -> Result<()> {
    for member in &c.participants {
        tx.exec(
            "INSERT INTO conversation_participants (conversation_id, member_id) VALUES ($1, $2)",
            args![id, member.as_str()],
        )
        .await?;
    }
    let answers: &BTreeMap<&'static str, String> = &c.answers;
    for (question, answer) in answers {
        tx.exec(
            "INSERT INTO conversation_answers (conversation_id, question, answer) VALUES ($1, $2, $3)",
            args![id, *question, answer],
        )
        .await?;
    }
    Ok(())
}

/// Everyone named as taking part must be an active member of the circle.
async fn check_participants(
    tx: &mut Tx,
    cap: &Can<act::HoldConversations>,
    members: &[MemberId],
    now: Timestamp,
) -> Result<()> {
    for member in members {
        if !is_active_member(tx, cap.circle_id(), member, now).await? {
            return Err(Error::Validation(vec![FieldError::new("participants", "member-not-in-circle")]));
        }
    }
    Ok(())
}
