//! Carer check-ins: questionnaire responses that only their author reads.
//! Every query is bound to the capability's own membership, so there is no
//! way to ask for someone else's.

use crate::db::{Store, Tx, db_err, ms, on_tx, read, ts};
use samenspel_core::access::{Can, act};
use samenspel_core::carer_signal::{Signal, SignalAudience};
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

/// A volunteer check-in: the answers are the result. `shared_at` says when
/// the volunteer showed it to the coordinators.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VolunteerCheckIn {
    pub id: String,
    pub member_id: MemberId,
    pub member_name: String,
    pub authored_at: Timestamp,
    pub answers: BTreeMap<String, String>,
    pub shared_at: Option<Timestamp>,
}

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
        on_tx!(&mut tx, |db| sqlx::query(
            "INSERT INTO questionnaire_responses (id, circle_id, member_id, instrument, authored_at, total, range_low, range_high) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
        )
        .bind(&id)
        .bind(cap.circle_id().as_str())
        .bind(cap.member_id().as_str())
        .bind(instrument)
        .bind(ms(now))
        .bind(score.total)
        .bind(score.range[0])
        .bind(score.range[1])
        .execute(db)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        for (link_id, answer) in answers {
            let (code, number) = match answer {
                Answer::Code(c) => (Some(c.as_str()), None),
                Answer::Number(n) => (None, Some(*n)),
            };
            on_tx!(&mut tx, |db| sqlx::query(
                "INSERT INTO questionnaire_answers (response_id, link_id, answer_code, answer_number) VALUES ($1, $2, $3, $4)"
            )
            .bind(&id)
            .bind(link_id)
            .bind(code)
            .bind(number)
            .execute(db)
            .await
            .map(|r| r.rows_affected()))
            .map_err(db_err)?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// The member's own check-ins with this instrument, oldest first.
    pub async fn my_check_ins<A: OwnQuestionnaire>(&self, cap: &Can<A>, instrument: &str) -> Result<Vec<CheckIn>> {
        let rows: Vec<(String, i64, i64, i64, i64)> = read!(self, |db| sqlx::query_as(
            "SELECT id, authored_at, total, range_low, range_high FROM questionnaire_responses \
             WHERE circle_id = $1 AND member_id = $2 AND instrument = $3 ORDER BY authored_at, id"
        )
        .bind(cap.circle_id().as_str())
        .bind(cap.member_id().as_str())
        .bind(instrument)
        .fetch_all(db)
        .await)
        .map_err(db_err)?;
        Ok(rows
            .into_iter()
            .map(|(id, at, total, low, high)| CheckIn { id, authored_at: ts(at), total, range: [low, high] })
            .collect())
    }

    /// The volunteer's own check-ins with their answers, newest first.
    pub async fn my_volunteer_check_ins(
        &self,
        cap: &Can<act::VolunteerCheckIn>,
        instrument: &str,
    ) -> Result<Vec<VolunteerCheckIn>> {
        self.volunteer_check_ins(cap.circle_id().as_str(), Some(cap.member_id()), instrument, false).await
    }

    /// Shows one of the volunteer's own check-ins to the coordinators.
    pub async fn share_volunteer_check_in(
        &self,
        cap: &Can<act::VolunteerCheckIn>,
        id: &str,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let n = on_tx!(&mut tx, |db| sqlx::query(
            "UPDATE questionnaire_responses SET shared_at = COALESCE(shared_at, $4) \
             WHERE id = $1 AND circle_id = $2 AND member_id = $3"
        )
        .bind(id)
        .bind(cap.circle_id().as_str())
        .bind(cap.member_id().as_str())
        .bind(ms(now))
        .execute(db)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        if n == 0 {
            return Err(Error::NotFound);
        }
        tx.commit().await
    }

    /// The volunteer check-ins shared with the coordinators, newest first.
    /// Only a coordinator gets any; everyone else an empty list.
    pub async fn shared_volunteer_check_ins(
        &self,
        cap: &Can<act::ViewMembers>,
        instrument: &str,
    ) -> Result<Vec<VolunteerCheckIn>> {
        if cap.role() != Role::Coordinator {
            return Ok(Vec::new());
        }
        self.volunteer_check_ins(cap.circle_id().as_str(), None, instrument, true).await
    }

    async fn volunteer_check_ins(
        &self,
        circle: &str,
        member: Option<&MemberId>,
        instrument: &str,
        shared_only: bool,
    ) -> Result<Vec<VolunteerCheckIn>> {
        let rows: Vec<(String, String, Option<String>, i64, Option<i64>)> = read!(self, |db| sqlx::query_as(
            "SELECT r.id, r.member_id, (SELECT u.display_name FROM memberships m JOIN users u ON u.id = m.user_id \
             WHERE m.id = r.member_id), r.authored_at, r.shared_at FROM questionnaire_responses r \
             WHERE r.circle_id = $1 AND r.instrument = $2 AND ($3 = '' OR r.member_id = $3) \
             AND (r.shared_at IS NOT NULL OR $4 = 0) ORDER BY r.authored_at DESC, r.id DESC"
        )
        .bind(circle)
        .bind(instrument)
        .bind(member.map(|m| m.as_str()).unwrap_or(""))
        .bind(i64::from(shared_only))
        .fetch_all(db)
        .await)
        .map_err(db_err)?;
        let answers: Vec<(String, String, Option<String>)> = read!(self, |db| sqlx::query_as(
            "SELECT a.response_id, a.link_id, a.answer_code FROM questionnaire_answers a \
             JOIN questionnaire_responses r ON r.id = a.response_id WHERE r.circle_id = $1 AND r.instrument = $2"
        )
        .bind(circle)
        .bind(instrument)
        .fetch_all(db)
        .await)
        .map_err(db_err)?;
        Ok(rows
            .into_iter()
            .map(|(id, member_id, name, at, shared)| VolunteerCheckIn {
                answers: answers
                    .iter()
                    .filter(|a| a.0 == id)
                    .filter_map(|a| a.2.clone().map(|code| (a.1.clone(), code)))
                    .collect(),
                id,
                member_id: MemberId::from_db(member_id),
                member_name: name.unwrap_or_default(),
                authored_at: ts(at),
                shared_at: shared.map(ts),
            })
            .collect())
    }

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
        on_tx!(&mut tx, |db| sqlx::query(
            "INSERT INTO care_signals (id, circle_id, member_id, audience, message, shared_at) VALUES ($1, $2, $3, $4, $5, $6)"
        )
        .bind(&id)
        .bind(cap.circle_id().as_str())
        .bind(cap.member_id().as_str())
        .bind(audience.as_str())
        .bind(message)
        .bind(ms(now))
        .execute(db)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
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
        let rows: Vec<(String, String, Option<String>, String, String, i64)> = read!(self, |db| sqlx::query_as(
            "SELECT s.id, s.member_id, (SELECT u.display_name FROM memberships m JOIN users u ON u.id = m.user_id \
             WHERE m.id = s.member_id), s.audience, s.message, s.shared_at FROM care_signals s \
             WHERE s.circle_id = $1 AND s.withdrawn_at IS NULL ORDER BY s.shared_at DESC"
        )
        .bind(cap.circle_id().as_str())
        .fetch_all(db)
        .await)
        .map_err(db_err)?;
        let mut out = Vec::new();
        for (id, member, name, audience, message, at) in rows {
            let audience = SignalAudience::parse(&audience)
                .ok_or_else(|| Error::internal(format!("care_signals holds an unknown audience {audience:?}")))?;
            let member_id = MemberId::from_db(member);
            if &member_id == cap.member_id() || audience.reaches(cap.role()) {
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
        let (n,): (i64,) = read!(self, |db| sqlx::query_as(
            "SELECT COUNT(*) FROM memberships WHERE circle_id = $1 AND role = $2 AND ended_at IS NULL \
             AND (access_until IS NULL OR access_until > $3)"
        )
        .bind(cap.circle_id().as_str())
        .bind(Role::Coordinator.as_str())
        .bind(ms(now))
        .fetch_one(db)
        .await)
        .map_err(db_err)?;
        Ok(n > 0)
    }
}

/// Closes the carer's open signal, if any, inside `tx`.
async fn withdraw_open(tx: &mut Tx, cap: &Can<act::CarerCheckIn>, now: Timestamp) -> Result<()> {
    on_tx!(tx, |db| sqlx::query(
        "UPDATE care_signals SET withdrawn_at = $3 WHERE circle_id = $1 AND member_id = $2 AND withdrawn_at IS NULL"
    )
    .bind(cap.circle_id().as_str())
    .bind(cap.member_id().as_str())
    .bind(ms(now))
    .execute(db)
    .await
    .map(|r| r.rows_affected()))
    .map_err(db_err)?;
    Ok(())
}
