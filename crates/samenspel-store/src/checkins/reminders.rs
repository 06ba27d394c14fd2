//! Reminders to fill in a check-in again.

use super::*;

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

pub(super) fn weeks(n: i64) -> i64 {
    n * 7 * 24 * 3600 * 1000
}

impl Store {
    /// The member's reminder rhythm, if they chose one.
    pub async fn my_reminder<A: OwnQuestionnaire>(&self, cap: &Can<A>, instrument: &str) -> Result<Option<Reminder>> {
        let row: Option<(i64, i64)> = self
            .opt(
                "SELECT every_weeks, next_at FROM checkin_reminders WHERE member_id = $1 AND instrument = $2",
                args![cap.member_id().as_str(), instrument],
            )
            .await?;
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
            None => {
                tx.exec("DELETE FROM checkin_reminders WHERE member_id = $1", args![cap.member_id().as_str()]).await?
            }
            Some(n) => {
                tx.exec(
                    "INSERT INTO checkin_reminders (member_id, circle_id, instrument, every_weeks, next_at) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT (member_id) DO UPDATE SET instrument = excluded.instrument, \
                 every_weeks = excluded.every_weeks, next_at = excluded.next_at",
                    args![cap.member_id().as_str(), cap.circle_id().as_str(), instrument, n, ms(from) + weeks(n)],
                )
                .await?
            }
        };
        tx.commit().await
    }
}

impl Store {
    /// The check-in reminder rhythm of the membership a signed e-mail link
    /// opens (in weeks), if one is set.
    pub async fn reminder_by_link(&self, link: &crate::access::MemberLink) -> Result<Option<i64>> {
        self.opt("SELECT every_weeks FROM checkin_reminders WHERE member_id = $1", args![link.member_id().as_str()])
            .await
    }

    /// Stops the check-in reminders of the membership a signed e-mail link opens.
    pub async fn stop_reminder_by_link(&self, link: &crate::access::MemberLink) -> Result<()> {
        self.exec("DELETE FROM checkin_reminders WHERE member_id = $1", args![link.member_id().as_str()]).await?;
        Ok(())
    }
}

impl crate::Internal<'_> {
    /// Reminders that are due (at most `limit`), for active memberships in
    /// circles that are not archived, of accounts that are not disabled.
    pub async fn reminders_due(&self, now: Timestamp, limit: i64) -> Result<Vec<ReminderDue>> {
        db_row! {
            struct Row { member: String, circle: String, email: String, name: String, locale: String, client_name: String, every_weeks: i64, next: i64, settings: Option<String>, qf: Option<i64>, qu: Option<i64> }
        }
        let rows: Vec<Row> = self.all(
            "SELECT r.member_id, r.circle_id, u.email, u.display_name, u.locale, c.client_name, r.every_weeks, r.next_at, \
             n.member_id, n.quiet_from, n.quiet_until FROM checkin_reminders r JOIN memberships m ON m.id = r.member_id \
             JOIN users u ON u.id = m.user_id JOIN circles c ON c.id = r.circle_id \
             LEFT JOIN notification_settings n ON n.member_id = r.member_id \
             WHERE r.next_at <= $1 AND m.ended_at IS NULL AND (m.access_until IS NULL OR m.access_until > $1) \
               AND c.archived_at IS NULL AND u.disabled_at IS NULL ORDER BY r.next_at LIMIT $2",
            args![ms(now), limit],
        ).await?;
        Ok(rows
            .into_iter()
            .map(|Row { member, circle, email, name, locale, client_name, every_weeks, next, settings, qf, qu }| {
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
        let moved = tx
            .exec(
                "UPDATE checkin_reminders SET next_at = $3 WHERE member_id = $1 AND next_at = $2",
                args![due.member_id.as_str(), ms(due.next_at), next],
            )
            .await?;
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
