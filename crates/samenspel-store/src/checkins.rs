//! Carer check-ins: questionnaire responses that only their author reads.
//! Every query is bound to the capability's own membership, so there is no
//! way to ask for someone else's.

use crate::access::Can;
use crate::db::{Store, Tx, db_err, ms, on_tx, read, ts};
use samenspel_core::access::act;
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

/// A member's chosen rhythm for check-in reminders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    pub every_weeks: i64,
    pub next_at: Timestamp,
}

/// A reminder that is due, with what the e-mail needs.
#[derive(Clone, Debug)]
pub struct ReminderDue {
    pub member_id: MemberId,
    pub circle_id: samenspel_core::ids::CircleId,
    pub email: String,
    pub name: String,
    pub locale: samenspel_core::locale::Locale,
    pub client_name: String,
    pub every_weeks: i64,
    pub next_at: Timestamp,
    pub quiet: Option<(i64, i64)>,
}

/// The rhythms a member may choose, in weeks.
pub const REMINDER_WEEKS: [i64; 5] = [1, 2, 4, 8, 13];

fn weeks(n: i64) -> i64 {
    n * 7 * 24 * 3600 * 1000
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
        // A check-in filled in is one the reminder need not ask for: the next
        // reminder comes a whole rhythm later.
        on_tx!(&mut tx, |db| sqlx::query(
            "UPDATE checkin_reminders SET next_at = $2 + every_weeks * $3 WHERE member_id = $1 AND instrument = $4"
        )
        .bind(cap.member_id().as_str())
        .bind(ms(now))
        .bind(weeks(1))
        .bind(instrument)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        tx.commit().await?;
        Ok(id)
    }

    /// The member's reminder rhythm, if they chose one.
    pub async fn my_reminder<A: OwnQuestionnaire>(&self, cap: &Can<A>, instrument: &str) -> Result<Option<Reminder>> {
        let row: Option<(i64, i64)> = read!(self, |db| sqlx::query_as(
            "SELECT every_weeks, next_at FROM checkin_reminders WHERE member_id = $1 AND instrument = $2"
        )
        .bind(cap.member_id().as_str())
        .bind(instrument)
        .fetch_optional(db)
        .await)
        .map_err(db_err)?;
        Ok(row.map(|(every_weeks, next)| Reminder { every_weeks, next_at: ts(next) }))
    }

    /// Sets the member's reminder rhythm (`None` stops the reminders). The
    /// first reminder comes a whole rhythm after `from`.
    pub async fn set_reminder<A: OwnQuestionnaire>(
        &self,
        cap: &Can<A>,
        instrument: &str,
        every_weeks: Option<i64>,
        from: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        match every_weeks {
            None => on_tx!(&mut tx, |db| sqlx::query("DELETE FROM checkin_reminders WHERE member_id = $1")
                .bind(cap.member_id().as_str())
                .execute(db)
                .await
                .map(|r| r.rows_affected())),
            Some(n) => on_tx!(&mut tx, |db| sqlx::query(
                "INSERT INTO checkin_reminders (member_id, circle_id, instrument, every_weeks, next_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (member_id) DO UPDATE SET instrument = excluded.instrument, \
                 every_weeks = excluded.every_weeks, next_at = excluded.next_at"
            )
            .bind(cap.member_id().as_str())
            .bind(cap.circle_id().as_str())
            .bind(instrument)
            .bind(n)
            .bind(ms(from) + weeks(n))
            .execute(db)
            .await
            .map(|r| r.rows_affected())),
        }
        .map_err(db_err)?;
        tx.commit().await
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
        let rows: Vec<(String, String, Option<String>, i64, Option<i64>)> = read!(self, |db| sqlx::query_as(concat!(
            "SELECT r.id, r.member_id, ",
            crate::sql::member_name!("r.member_id"),
            ", r.authored_at, r.shared_at FROM questionnaire_responses r \
             WHERE r.circle_id = $1 AND r.instrument = $2 AND ($3 = '' OR r.member_id = $3) \
             AND (r.shared_at IS NOT NULL OR $4 = 0) ORDER BY r.authored_at DESC, r.id DESC"
        ))
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
        let rows: Vec<(String, String, Option<String>, String, String, i64)> =
            read!(self, |db| sqlx::query_as(concat!(
                "SELECT s.id, s.member_id, ",
                crate::sql::member_name!("s.member_id"),
                ", s.audience, s.message, s.shared_at FROM care_signals s \
             WHERE s.circle_id = $1 AND s.withdrawn_at IS NULL ORDER BY s.shared_at DESC"
            ))
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

impl crate::Internal<'_> {
    /// Reminders that are due (at most `limit`), for active memberships in
    /// circles that are not archived, of accounts that are not disabled.
    pub async fn reminders_due(&self, now: Timestamp, limit: i64) -> Result<Vec<ReminderDue>> {
        type Row = (String, String, String, String, String, String, i64, i64, Option<String>, Option<i64>, Option<i64>);
        let rows: Vec<Row> = read!(self, |db| sqlx::query_as(
            "SELECT r.member_id, r.circle_id, u.email, u.display_name, u.locale, c.client_name, r.every_weeks, r.next_at, \
             n.member_id, n.quiet_from, n.quiet_until FROM checkin_reminders r JOIN memberships m ON m.id = r.member_id \
             JOIN users u ON u.id = m.user_id JOIN circles c ON c.id = r.circle_id \
             LEFT JOIN notification_settings n ON n.member_id = r.member_id \
             WHERE r.next_at <= $1 AND m.ended_at IS NULL AND (m.access_until IS NULL OR m.access_until > $1) \
               AND c.archived_at IS NULL AND u.disabled_at IS NULL ORDER BY r.next_at LIMIT $2"
        )
        .bind(ms(now))
        .bind(limit)
        .fetch_all(db)
        .await)
        .map_err(db_err)?;
        Ok(rows
            .into_iter()
            .map(|(member, circle, email, name, locale, client_name, every_weeks, next, settings, qf, qu)| {
                ReminderDue {
                    member_id: MemberId::from_db(member),
                    circle_id: samenspel_core::ids::CircleId::from_db(circle),
                    email,
                    name,
                    locale: samenspel_core::locale::Locale::parse(&locale).unwrap_or_default(),
                    client_name,
                    every_weeks,
                    next_at: ts(next),
                    // No settings saved yet: the default quiet hours hold.
                    quiet: match settings {
                        Some(_) => qf.zip(qu),
                        None => crate::logbook::NotificationSettings::default().quiet,
                    },
                }
            })
            .collect())
    }

    /// Records a reminder as sent, with its e-mail, and moves it on one
    /// rhythm — in one transaction, and only if no other worker moved it
    /// first (so nobody gets it twice). Returns whether this call did it.
    pub async fn reminder_done(
        &self,
        due: &ReminderDue,
        mail: Option<&crate::jobs::NewJob>,
        now: Timestamp,
    ) -> Result<bool> {
        // Past reminders are not made up for: the next one is a rhythm after now.
        let mut next = ms(due.next_at) + weeks(due.every_weeks);
        if next <= ms(now) {
            next = ms(now) + weeks(due.every_weeks);
        }
        let mut tx = self.begin().await?;
        let moved = on_tx!(&mut tx, |db| sqlx::query(
            "UPDATE checkin_reminders SET next_at = $3 WHERE member_id = $1 AND next_at = $2"
        )
        .bind(due.member_id.as_str())
        .bind(ms(due.next_at))
        .bind(next)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        if moved == 0 {
            return Ok(false);
        }
        if let Some(job) = mail {
            crate::jobs::enqueue(&mut tx, job, now).await?;
        }
        tx.commit().await?;
        Ok(true)
    }
}
