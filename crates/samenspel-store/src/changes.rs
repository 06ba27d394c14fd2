//! Changes in the situation: recording one marks agreements for review and
//! queues the e-mails to those involved, in one transaction.

use crate::access::Can;
use crate::db::{Store, ms};
use crate::jobs::{NewJob, enqueue};
use crate::sql::{args, db_row};
use jiff::civil::Date;
use samenspel_core::access::act;
use samenspel_core::change::{Change, ChangeKind, NewChange};
use samenspel_core::{Error, Result, Timestamp};

db_row! {
    struct Row {
        id: String,
        kind: String,
        description: String,
        occurred_on: String,
        review_by: String,
        recorded_by: Option<String>,
        agreements: i64,
    }
}

fn corrupt(what: &str, raw: &str) -> Error {
    Error::internal(format!("change_events holds an unknown {what} {raw:?}"))
}

fn day(raw: &str) -> Result<Date> {
    raw.parse::<Date>().map_err(|_| corrupt("date", raw))
}

impl Store {
    /// Records a change; marks `agreements` (of this circle) for review.
    /// Returns its id.
    pub async fn record_change(
        &self,
        cap: &Can<act::WriteAgreements>,
        change: &NewChange,
        agreements: &[String],
        mails: &[NewJob],
        now: Timestamp,
    ) -> Result<String> {
        let id = uuid::Uuid::now_v7().to_string();
        let mut tx = self.begin().await?;
        tx.exec(
            "INSERT INTO change_events (id, circle_id, kind, description, occurred_on, review_by, recorded_by, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            args![&id, cap.circle_id().as_str(), change.kind.as_str(), &change.description, change.occurred_on.to_string(), change.review_by.to_string(), cap.member_id().as_str(), ms(now)],
        ).await?;
        for agreement in agreements {
            let marked = tx
                .exec(
                    "UPDATE agreements SET needs_review = TRUE WHERE id = $1 AND circle_id = $2",
                    args![agreement, cap.circle_id().as_str()],
                )
                .await?;
            if marked == 0 {
                return Err(Error::field("agreement_ids", "agreement-not-found"));
            }
            tx.exec(
                "INSERT INTO change_event_agreements (change_id, agreement_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                args![&id, agreement],
            )
            .await?;
        }
        for job in mails {
            enqueue(&mut tx, job, now).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// The changes whose review conversation has not taken place yet, newest first.
    pub async fn open_changes(&self, cap: &Can<act::ViewAgreements>) -> Result<Vec<Change>> {
        let rows: Vec<Row> = self
            .all(
                concat!(
                    "SELECT e.id, e.kind, e.description, e.occurred_on, e.review_by, \
             ",
                    crate::sql::member_name!("e.recorded_by"),
                    ", \
             (SELECT COUNT(*) FROM change_event_agreements x WHERE x.change_id = e.id) \
             FROM change_events e WHERE e.circle_id = $1 AND e.closed_at IS NULL ORDER BY e.recorded_at DESC, e.id DESC"
                ),
                args![cap.circle_id().as_str()],
            )
            .await?;
        rows.into_iter()
            .map(|Row { id, kind, description, occurred_on, review_by, recorded_by, agreements }| {
                Ok(Change {
                    id,
                    kind: ChangeKind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?,
                    description,
                    occurred_on: day(&occurred_on)?,
                    review_by: day(&review_by)?,
                    recorded_by: recorded_by.unwrap_or_default(),
                    agreements,
                })
            })
            .collect()
    }

    /// The review conversation took place: the change is dealt with.
    pub async fn close_change(&self, cap: &Can<act::WriteAgreements>, id: &str, now: Timestamp) -> Result<()> {
        self.exec_found("UPDATE change_events SET closed_at = $3, closed_by = $4 WHERE id = $1 AND circle_id = $2 AND closed_at IS NULL",
            args![id, cap.circle_id().as_str(), ms(now), cap.member_id().as_str()]).await
    }
}
