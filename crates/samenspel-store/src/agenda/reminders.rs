//! Reminders before a shift.

use super::*;

/// A shift someone signed up for that may need its reminder the day before.
#[derive(Clone, Debug)]
pub struct ShiftReminder {
    pub circle_id: CircleId,
    pub client_name: String,
    pub item_id: String,
    pub title: String,
    pub place: String,
    pub series: Series,
    pub on: Date,
    pub member_id: MemberId,
    pub email: String,
    pub name: String,
    pub locale: samenspel_core::locale::Locale,
    pub quiet: Option<(i64, i64)>,
    /// False when the member stopped e-mail about their shifts: the reminder
    /// is then marked done without a mail.
    pub wants_mail: bool,
}

impl crate::Internal<'_> {
    /// Sign-ups on the given dates whose reminder has not gone out, of
    /// active members in circles that are not archived.
    pub async fn shift_reminders_due(&self, from: Date, to: Date, limit: i64) -> Result<Vec<ShiftReminder>> {
        db_row! {
            struct Row { circle: String, client_name: String, item: String, title: String, place: String, on: String, member: String, email: String, name: String, locale: String, saved: Option<String>, qf: Option<i64>, qu: Option<i64>, shifts: Option<bool> }
        }
        let rows: Vec<Row> = self.all(
            "SELECT i.circle_id, c.client_name, i.id, i.title, i.place, s.on_date, s.member_id, u.email, u.display_name, \
             u.locale, n.member_id, n.quiet_from, n.quiet_until, n.shift_mail FROM shift_signups s \
             JOIN agenda_items i ON i.id = s.item_id JOIN circles c ON c.id = i.circle_id \
             JOIN memberships m ON m.id = s.member_id JOIN users u ON u.id = m.user_id \
             LEFT JOIN notification_settings n ON n.member_id = s.member_id \
             WHERE s.reminded_at IS NULL AND s.on_date >= $1 AND s.on_date <= $2 AND m.ended_at IS NULL \
               AND c.archived_at IS NULL AND u.disabled_at IS NULL ORDER BY s.on_date LIMIT $3",
            args![from.to_string(), to.to_string(), limit],
        ).await?;
        let mut out = Vec::new();
        for Row { circle, client_name, item, title, place, on, member, email, name, locale, saved, qf, qu, shifts } in
            rows
        {
            out.push(ShiftReminder {
                series: schedule_of(self, &item).await?,
                circle_id: CircleId::from_db(circle),
                client_name,
                item_id: item,
                title,
                place,
                on: date(&on)?,
                member_id: MemberId::from_db(member),
                email,
                name,
                locale: samenspel_core::locale::Locale::parse(&locale).unwrap_or_default(),
                quiet: quiet_of(saved, qf, qu),
                wants_mail: shifts.unwrap_or(true),
            });
        }
        Ok(out)
    }

    /// Marks a reminder as sent, with its e-mail, once (another worker may
    /// have done it first: then nothing is sent and this answers false).
    pub async fn shift_reminded(
        &self,
        r: &ShiftReminder,
        mail: Option<&crate::jobs::NewJob>,
        now: Timestamp,
    ) -> Result<bool> {
        let mut tx = self.begin().await?;
        let n = tx
            .exec(
                "UPDATE shift_signups SET reminded_at = $4 WHERE item_id = $1 AND on_date = $2 AND member_id = $3 \
             AND reminded_at IS NULL",
                args![&r.item_id, r.on.to_string(), r.member_id.as_str(), ms(now)],
            )
            .await?;
        if n == 0 {
            return Ok(false);
        }
        if let Some(job) = mail {
            crate::jobs::enqueue(&mut tx, job, now).await?;
        }
        tx.commit().await?;
        Ok(true)
    }
}
