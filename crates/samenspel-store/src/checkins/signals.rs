//! Signals: a carer tells the circle (or the coordinators) how they are.

use super::*;

impl Store {
    /// Shares the carer's signal (replacing an earlier open one).
    pub async fn share_signal(
        &self,
        cap: &Can<act::CarerCheckIn>,
        audience: SignalAudience,
        message: &str,
        now: Timestamp,
    ) -> Result<String> {
        let id = uuid::Uuid::now_v7().to_string();
        let mut tx = self.begin().await?;
        withdraw_open(&mut tx, cap, now).await?;
        tx.exec(
            "INSERT INTO care_signals (id, circle_id, member_id, audience, message, shared_at) VALUES ($1, $2, $3, $4, $5, $6)",
            args![&id, cap.circle_id().as_str(), cap.member_id().as_str(), audience.as_str(), message, ms(now)],
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Takes the carer's open signal back (nothing to do when none is open).
    pub async fn withdraw_signal(&self, cap: &Can<act::CarerCheckIn>, now: Timestamp) -> Result<()> {
        let mut tx = self.begin().await?;
        withdraw_open(&mut tx, cap, now).await?;
        tx.commit().await
    }

    /// The open signals the member may see: their own, those shared with the
    /// circle, and — for coordinators — those shared with the coordinators.
    pub async fn visible_signals<A>(&self, cap: &Can<A>) -> Result<Vec<Signal>> {
        db_row! {
            struct Row { id: String, member: String, name: Option<String>, audience: String, message: String, at: i64 }
        }
        let rows: Vec<Row> = self
            .all(
                concat!(
                    "SELECT s.id, s.member_id, ",
                    crate::sql::member_name!("s.member_id"),
                    ", s.audience, s.message, s.shared_at FROM care_signals s \
             WHERE s.circle_id = $1 AND s.withdrawn_at IS NULL ORDER BY s.shared_at DESC"
                ),
                args![cap.circle_id().as_str()],
            )
            .await?;
        let mut out = Vec::new();
        for Row { id, member, name, audience, message, at } in rows {
            let audience = SignalAudience::parse(&audience)
                .ok_or_else(|| Error::internal(format!("care_signals holds an unknown audience {audience:?}")))?;
            let member_id = MemberId::from_db(member);
            // Beyond their own, a carer's signals reach whom they were shared
            // with, when the client's consent lets that role see signals.
            let shared_with_me = audience.reaches(cap.role()) && cap.audience().sees(Category::CarerSignals);
            if &member_id == cap.member_id() || shared_with_me {
                out.push(Signal {
                    id,
                    member_id,
                    name: name.unwrap_or_default(),
                    audience,
                    message,
                    shared_at: ts(at),
                });
            }
        }
        Ok(out)
    }

    /// Does the circle have an active coordinator to share a signal with?
    pub async fn has_coordinator<A>(&self, cap: &Can<A>, now: Timestamp) -> Result<bool> {
        let (n,): (i64,) = self
            .one(
                "SELECT COUNT(*) FROM memberships WHERE circle_id = $1 AND role = $2 AND ended_at IS NULL \
             AND (access_until IS NULL OR access_until > $3)",
                args![cap.circle_id().as_str(), Role::Coordinator.as_str(), ms(now)],
            )
            .await?;
        Ok(n > 0)
    }
}

/// Closes the carer's open signal, if any, inside `tx`.
async fn withdraw_open(tx: &mut Tx, cap: &Can<act::CarerCheckIn>, now: Timestamp) -> Result<()> {
    tx.exec(
        "UPDATE care_signals SET withdrawn_at = $3 WHERE circle_id = $1 AND member_id = $2 AND withdrawn_at IS NULL",
        args![cap.circle_id().as_str(), cap.member_id().as_str(), ms(now)],
    )
    .await?;
    Ok(())
}
