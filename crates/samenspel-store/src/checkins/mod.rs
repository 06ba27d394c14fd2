//! Carer check-ins: questionnaire responses that only their author reads.
//! Every query is bound to the capability's own membership, so there is no
//! way to ask for someone else's.

use crate::access::Can;
use crate::db::{Store, Tx, ms, ts};
use crate::sql::{args, db_row};
use samenspel_core::access::act;
use samenspel_core::carer_signal::{Signal, SignalAudience};
use samenspel_core::consent::Category;
use samenspel_core::ids::MemberId;
use samenspel_core::questionnaire::{Answer, Score};
use samenspel_core::role::Role;
use samenspel_core::{Error, Result, Timestamp};
use std::collections::BTreeMap;

/// The capabilities to fill in one's own questionnaire: the carer check-in
/// and the volunteer check-in. Both bind every query to the member's own
/// membership.
pub trait OwnQuestionnaire {}
impl OwnQuestionnaire for act::CarerCheckIn {}
impl OwnQuestionnaire for act::VolunteerCheckIn {}

/// One check-in as its author sees it in the trend.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckIn {
    pub id: String,
    pub authored_at: Timestamp,
    pub total: i64,
    pub range: [i64; 2],
}

impl Store {
    /// Keeps a scored response with its answers; returns its id.
    pub async fn add_check_in<A: OwnQuestionnaire>(
        &self,
        cap: &Can<A>,
        instrument: &str,
        answers: &BTreeMap<String, Answer>,
        score: &Score,
        now: Timestamp,
    ) -> Result<String> {
        let id = uuid::Uuid::now_v7().to_string();
        let mut tx = self.begin().await?;
        tx.exec(
            "INSERT INTO questionnaire_responses (id, circle_id, member_id, instrument, authored_at, total, range_low, range_high) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            args![&id, cap.circle_id().as_str(), cap.member_id().as_str(), instrument, ms(now), score.total, score.range[0], score.range[1]],
        )
        .await?;
        for (link_id, answer) in answers {
            let (code, number) = match answer {
                Answer::Code(c) => (Some(c.as_str()), None),
                Answer::Number(n) => (None, Some(*n)),
            };
            tx.exec(
                "INSERT INTO questionnaire_answers (response_id, link_id, answer_code, answer_number) VALUES ($1, $2, $3, $4)",
                args![&id, link_id, code, number],
            )
            .await?;
        }
        // A check-in filled in is one the reminder need not ask for: the next
        // reminder comes a whole rhythm later.
        tx.exec(
            "UPDATE checkin_reminders SET next_at = $2 + every_weeks * $3 WHERE member_id = $1 AND instrument = $4",
            args![cap.member_id().as_str(), ms(now), weeks(1), instrument],
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The member's own check-ins with this instrument, oldest first.
    pub async fn my_check_ins<A: OwnQuestionnaire>(&self, cap: &Can<A>, instrument: &str) -> Result<Vec<CheckIn>> {
        db_row! {
            struct Row { id: String, at: i64, total: i64, low: i64, high: i64 }
        }
        let rows: Vec<Row> = self
            .all(
                "SELECT id, authored_at, total, range_low, range_high FROM questionnaire_responses \
             WHERE circle_id = $1 AND member_id = $2 AND instrument = $3 ORDER BY authored_at, id",
                args![cap.circle_id().as_str(), cap.member_id().as_str(), instrument],
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|Row { id, at, total, low, high }| CheckIn { id, authored_at: ts(at), total, range: [low, high] })
            .collect())
    }
}

mod reminders;
mod signals;
mod volunteers;

use reminders::weeks;
pub use reminders::{REMINDER_WEEKS, Reminder, ReminderDue};
pub use volunteers::VolunteerCheckIn;
