//! How each figure is counted. The parameters are the same in every
//! statement: `$1` the scope's id, `$2` and `$3` the period's first moment
//! and where it stops (milliseconds); a statement about the period's end
//! alone has that as `$2`.
//! Stocks (circles, members, agreements) are what stood at `$3`; flows
//! (changes, help, signals, thanks) what happened in `[$2, $3)`, in every
//! circle of the scope, archived or not.

use super::Scope;
use crate::agenda::{ScheduleRow, schedule_select, series_of};
use crate::db::{Store, ms};
use crate::sql::args;
use samenspel_core::Result;
use samenspel_core::monitor::{Figures, Period, median};
use samenspel_core::role::Role;
use std::collections::HashMap;

/// A circle that stood at `end` (a placeholder): started before it, not archived by then.
fn active_circle(end: &str) -> String {
    format!("c.created_at < {end} AND (c.archived_at IS NULL OR c.archived_at >= {end})")
}

/// A membership that stood at `end`.
const ACTIVE_MEMBER: &str = "m.joined_at < $3 AND (m.ended_at IS NULL OR m.ended_at >= $3) AND (m.access_until IS NULL OR m.access_until >= $3)";

const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 24 * HOUR_MS;

impl Store {
    pub(crate) async fn count_figures(&self, scope: Scope<'_>, period: &Period) -> Result<Figures> {
        let at = |sql: &str| sql.replace("SCOPE", scope.condition());
        // Each statement binds exactly the parameters it uses (PostgreSQL refuses others).
        let p = args![scope.id(), ms(period.from), ms(period.to)];
        let at_end = args![scope.id(), ms(period.to)];
        let mut f = Figures::default();

        let (circles, mapped): (i64, i64) = self
            .one(
                &at(&format!(
                    "SELECT COUNT(*), COUNT(CASE WHEN EXISTS (SELECT 1 FROM network_contacts n \
                     WHERE n.circle_id = c.id AND n.created_at < $2) THEN 1 END) \
                     FROM circles c WHERE SCOPE AND {}",
                    active_circle("$2")
                )),
                at_end,
            )
            .await?;
        f.circles = circles;
        f.circles_mapped = mapped;

        // Members by role, and who of them wrote in the logbook in the period.
        let members: Vec<(String, i64, i64)> = self
            .all(
                &at(&format!(
                    "SELECT m.role, COUNT(*), COUNT(CASE WHEN EXISTS (SELECT 1 FROM entries e \
                     WHERE e.author_member_id = m.id AND e.created_at >= $2 AND e.created_at < $3) THEN 1 END) \
                     FROM memberships m JOIN circles c ON c.id = m.circle_id \
                     WHERE SCOPE AND {} AND {ACTIVE_MEMBER} GROUP BY m.role",
                    active_circle("$3")
                )),
                p,
            )
            .await?;
        for (role, n, active) in members {
            if let Some(i) = Role::parse(&role).and_then(|r| Role::ALL.iter().position(|x| *x == r)) {
                f.members_by_role[i] = n;
                f.active_by_role[i] = active;
            }
        }
        f.informal_members =
            Role::ALL.iter().zip(f.members_by_role).filter(|(r, _)| r.is_informal()).map(|(_, n)| n).sum();

        let agreements: Vec<(i64, i64, i64)> = self
            .all(
                &at(&format!(
                    "SELECT a.step, COUNT(*), COUNT(CASE WHEN a.review_on IS NOT NULL AND a.review_on < $3 THEN 1 END) \
                     FROM agreements a JOIN circles c ON c.id = a.circle_id \
                     WHERE SCOPE AND {} AND a.created_at < $2 GROUP BY a.step",
                    active_circle("$2")
                )),
                args![scope.id(), ms(period.to), period.last_day().to_string()],
            )
            .await?;
        for (step, n, overdue) in agreements {
            if let Some(slot) = usize::try_from(step - 1).ok().and_then(|i| f.agreements_by_step.get_mut(i)) {
                *slot = n;
            }
            f.agreements_overdue += overdue;
        }

        let changes: Vec<(i64, Option<i64>)> = self
            .all(
                &at("SELECT ch.recorded_at, ch.closed_at FROM change_events ch JOIN circles c ON c.id = ch.circle_id \
                     WHERE SCOPE AND ch.recorded_at >= $2 AND ch.recorded_at < $3"),
                p,
            )
            .await?;
        f.changes = changes.len() as i64;
        let review_days: Vec<i64> = changes
            .iter()
            .filter_map(|(at, closed)| closed.filter(|c| *c < ms(period.to)).map(|c| (c - at) / DAY_MS))
            .collect();
        f.changes_reviewed = review_days.len() as i64;
        f.change_review_days_median = median(review_days);

        // An answer is the first offer of help, or someone chosen without one.
        let help: Vec<(i64, Option<i64>, String, Option<i64>)> = self
            .all(
                &at(
                    "SELECT h.created_at, (SELECT MIN(r.created_at) FROM help_responses r WHERE r.request_id = h.id), \
                     h.status, h.decided_at FROM help_requests h JOIN circles c ON c.id = h.circle_id \
                     WHERE SCOPE AND h.created_at >= $2 AND h.created_at < $3",
                ),
                p,
            )
            .await?;
        f.help_requests = help.len() as i64;
        let answer_hours: Vec<i64> = help
            .iter()
            .filter_map(|(asked, offer, status, decided)| {
                let chosen = if status == "confirmed" { *decided } else { None };
                let first = [*offer, chosen].into_iter().flatten().filter(|t| *t < ms(period.to)).min()?;
                Some((first - asked).max(0) / HOUR_MS)
            })
            .collect();
        f.help_answered = answer_hours.len() as i64;
        f.help_answer_hours_median = median(answer_hours);

        let (searches, found): (i64, i64) = self
            .one(
                &at("SELECT COUNT(*), COUNT(CASE WHEN EXISTS (SELECT 1 FROM shift_signups s WHERE s.item_id = cs.item_id \
                     AND s.on_date = cs.on_date AND s.signed_up_at >= cs.started_at AND s.signed_up_at < $3) THEN 1 END) \
                     FROM cover_searches cs JOIN agenda_items i ON i.id = cs.item_id JOIN circles c ON c.id = i.circle_id \
                     WHERE SCOPE AND cs.started_at >= $2 AND cs.started_at < $3"),
                p,
            )
            .await?;
        f.cover_searches = searches;
        f.cover_found = found;

        // Signals the carer took back are not counted: they are theirs.
        let (shared, followed, people): (i64, i64, i64) = self
            .one(
                &at("SELECT COUNT(*), COUNT(CASE WHEN s.followed_up_at IS NOT NULL AND s.followed_up_at < $3 THEN 1 END), \
                     COUNT(DISTINCT s.member_id) FROM care_signals s JOIN circles c ON c.id = s.circle_id \
                     WHERE SCOPE AND s.audience = 'coordinator' AND s.shared_at >= $2 AND s.shared_at < $3 \
                     AND (s.withdrawn_at IS NULL OR s.withdrawn_at >= $3)"),
                p,
            )
            .await?;
        f.signals_shared = shared;
        f.signals_followed_up = followed;
        f.signal_people = people;

        f.thanks = self
            .one(
                &at("SELECT COUNT(*) FROM entries e JOIN circles c ON c.id = e.circle_id WHERE SCOPE \
                     AND e.kind = 'thanks' AND e.created_at >= $2 AND e.created_at < $3 AND e.deleted_at IS NULL \
                    "),
                p,
            )
            .await?;

        (f.shift_places, f.shift_places_filled) = self.shift_coverage(scope, period).await?;
        Ok(f)
    }

    /// Places in the scope's rota shifts that fell in the period, and how
    /// many of them were taken (never more than a shift's places).
    async fn shift_coverage(&self, scope: Scope<'_>, period: &Period) -> Result<(i64, i64)> {
        let cond = scope.condition();
        let schedules: Vec<ScheduleRow> = self
            .all(
                &format!(
                    "{}FROM agenda_items WHERE kind = 'shift' AND places > 0 AND circle_id IN \
                     (SELECT c.id FROM circles c WHERE {cond})",
                    schedule_select!()
                ),
                args![scope.id()],
            )
            .await?;
        if schedules.is_empty() {
            return Ok((0, 0));
        }
        let places: HashMap<String, i64> = self
            .all::<(String, i64)>(
                &format!(
                    "SELECT i.id, i.places FROM agenda_items i JOIN circles c ON c.id = i.circle_id \
                     WHERE {cond} AND i.kind = 'shift' AND i.places > 0"
                ),
                args![scope.id()],
            )
            .await?
            .into_iter()
            .collect();
        let exceptions: Vec<(String, String, bool, Option<String>)> = self
            .all(
                &format!(
                    "SELECT e.item_id, e.original_on, e.cancelled, e.moved_to FROM agenda_exceptions e \
                     JOIN agenda_items i ON i.id = e.item_id JOIN circles c ON c.id = i.circle_id \
                     WHERE {cond} AND i.kind = 'shift'"
                ),
                args![scope.id()],
            )
            .await?;
        let first = period.first_day.to_string();
        let last = period.last_day().to_string();
        let taken: HashMap<(String, String), i64> = self
            .all::<(String, String, i64)>(
                &format!(
                    "SELECT s.item_id, s.on_date, COUNT(*) FROM shift_signups s JOIN agenda_items i ON i.id = s.item_id \
                     JOIN circles c ON c.id = i.circle_id WHERE {cond} AND s.on_date >= $2 AND s.on_date <= $3 \
                     AND s.signed_up_at < $4 GROUP BY s.item_id, s.on_date"
                ),
                args![scope.id(), first, last, ms(period.to)],
            )
            .await?
            .into_iter()
            .map(|(item, on, n)| ((item, on), n))
            .collect();
        let from = period.from.to_zoned(period.tz.clone());
        let to = period.to.to_zoned(period.tz.clone());
        let (mut all, mut filled) = (0, 0);
        for row in &schedules {
            let Some(n) = places.get(&row.id).copied() else { continue };
            for occurrence in series_of(row, &exceptions)?.occurrences(&period.tz, &from, &to) {
                // An occurrence belongs to the period it starts in.
                if occurrence.start < from {
                    continue;
                }
                all += n;
                let key = (row.id.clone(), occurrence.original.to_string());
                filled += taken.get(&key).copied().unwrap_or(0).min(n);
            }
        }
        Ok((all, filled))
    }
}
