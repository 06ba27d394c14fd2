//! The coach's inbox (issue 14): what in a circle needs a person is worked
//! out by the service from the circle itself (signals, reviews, shifts, help,
//! newcomers), each through its own capability and so under the client's
//! consent. Kept here is only who took an item on and when it was done,
//! by the item's key. Marking a carer's signal done also marks it followed
//! up, which the samenspelmonitor counts.

use crate::access::Can;
use crate::db::{Store, ms, ts_opt};
use crate::sql::{args, db_row};
use samenspel_core::access::act;
use samenspel_core::ids::UserId;
use samenspel_core::{Result, Timestamp};

/// Who is on an item, and whether it is done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub key: String,
    /// The account that took it on, and their name.
    pub claimed_by: Option<(UserId, String)>,
    pub done_at: Option<Timestamp>,
}

impl Store {
    /// The marks of the capability's circle.
    pub async fn inbox_marks(&self, cap: &Can<act::KeepInbox>) -> Result<Vec<Mark>> {
        db_row! {
            struct Row { key: String, by: Option<String>, name: Option<String>, done: Option<i64> }
        }
        let rows: Vec<Row> = self
            .all(
                "SELECT i.item_key, i.claimed_by, u.display_name, i.done_at FROM inbox_marks i \
                 LEFT JOIN users u ON u.id = i.claimed_by WHERE i.circle_id = $1",
                args![cap.circle_id().as_str()],
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|Row { key, by, name, done }| Mark {
                key,
                claimed_by: by.map(|b| (UserId::from_db(b), name.unwrap_or_default())),
                done_at: ts_opt(done),
            })
            .collect())
    }

    /// I take the item on (the service checked that it is a current item).
    pub async fn claim_inbox_item(&self, cap: &Can<act::KeepInbox>, key: &str, now: Timestamp) -> Result<()> {
        self.exec(
            "INSERT INTO inbox_marks (circle_id, item_key, claimed_by, claimed_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (circle_id, item_key) DO UPDATE SET claimed_by = excluded.claimed_by, \
             claimed_at = excluded.claimed_at",
            args![cap.circle_id().as_str(), key, cap.user_id().as_str(), ms(now)],
        )
        .await?;
        Ok(())
    }

    /// The item is done; a carer's signal shared with the coordinator is
    /// then followed up. One transaction.
    pub async fn finish_inbox_item(&self, cap: &Can<act::KeepInbox>, key: &str, now: Timestamp) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.exec(
            "INSERT INTO inbox_marks (circle_id, item_key, claimed_by, claimed_at, done_by, done_at) \
             VALUES ($1, $2, $3, $4, $3, $4) ON CONFLICT (circle_id, item_key) DO UPDATE SET \
             claimed_by = COALESCE(inbox_marks.claimed_by, excluded.claimed_by), \
             claimed_at = COALESCE(inbox_marks.claimed_at, excluded.claimed_at), \
             done_by = excluded.done_by, done_at = excluded.done_at",
            args![cap.circle_id().as_str(), key, cap.user_id().as_str(), ms(now)],
        )
        .await?;
        if let Some(signal) = key.strip_prefix("signal:") {
            tx.exec(
                "UPDATE care_signals SET followed_up_at = $3, followed_up_by = $4 WHERE id = $1 AND circle_id = $2 \
                 AND audience = 'coordinator' AND followed_up_at IS NULL",
                args![signal, cap.circle_id().as_str(), ms(now), cap.user_id().as_str()],
            )
            .await?;
        }
        tx.commit().await
    }
}
