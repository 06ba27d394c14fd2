//! How each figure is counted. Every statement reads the whole scope once,
//! grouped by the circle's location, so an organisation's page counts its
//! own figures and each location's in one pass. The parameters are the same
//! in every statement: `$1` the scope's id, `$2` and `$3` the period's first
//! moment and where it stops (milliseconds); a statement about the period's
//! end alone has that as `$2`. Stocks (circles, members, agreements) are what
//! stood at the end; flows (changes, help, signals, thanks) what happened in
//! the period, in every circle of the scope, archived or not.

use super::Scope;
use crate::agenda::{ScheduleRow, schedule_select, series_of};
use crate::db::{Store, ms};
use crate::sql::args;
use samenspel_core::Result;
use samenspel_core::monitor::{Figures, Period, median};
use samenspel_core::role::Role;
use std::collections::{BTreeMap, HashMap};

/// A circle that stood at `end` (a placeholder): started before it, not archived by then.
fn active_circle(end: &str) -> String {
    format!("c.created_at < {end} AND (c.archived_at IS NULL OR c.archived_at >= {end})")
}

/// A membership that stood at `end`.
fn active_member(end: &str) -> String {
    format!(
        "m.joined_at < {end} AND (m.ended_at IS NULL OR m.ended_at >= {end}) \
         AND (m.access_until IS NULL OR m.access_until >= {end})"
    )
}

const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 24 * HOUR_MS;

/// One group's counts (a location, or the circles without one), with the
/// values its medians are taken from.
#[derive(Clone, Debug, Default)]
struct Tally {
    f: Figures,
    review_days: Vec<i64>,
    answer_hours: Vec<i64>,
}

impl Tally {
    fn finish(mut self) -> Figures {
        self.f.informal_members =
            Role::ALL.iter().zip(self.f.members_by_role).filter(|(r, _)| r.is_informal()).map(|(_, n)| n).sum();
        self.f.changes_reviewed = self.review_days.len() as i64;
        self.f.change_review_days_median = median(self.review_days);
        self.f.help_answered = self.answer_hours.len() as i64;
        self.f.help_answer_hours_median = median(self.answer_hours);
        self.f
    }
}

/// The figures of a scope: the whole, and each location in it (the key is
/// the location's id; `None` for circles without a location).
pub(crate) struct Counted {
    pub total: Figures,
    pub by_location: BTreeMap<Option<String>, Figures>,
}

fn role_index(role: &str) -> Option<usize> {
    Role::parse(role).and_then(|r| Role::ALL.iter().position(|x| *x == r))
}

impl Store {
    pub(crate) async fn count_figures(&self, scope: Scope<'_>, period: &Period) -> Result<Counted> {
        let at = |sql: &str| sql.replace("SCOPE", scope.condition());
        // Each statement binds exactly the parameters it uses (PostgreSQL refuses others).
        let p = args![scope.id(), ms(period.from), ms(period.to)];
        let at_end = args![scope.id(), ms(period.to)];
        let to = ms(period.to);
        let mut groups: BTreeMap<Option<String>, Tally> = BTreeMap::new();

        let circles: Vec<(Option<String>, i64, i64)> = self
            .all(
                &at(&format!(
                    "SELECT c.location_id, COUNT(*), COUNT(CASE WHEN EXISTS (SELECT 1 FROM network_contacts n \
                     WHERE n.circle_id = c.id AND n.created_at < $2) THEN 1 END) \
                     FROM circles c WHERE SCOPE AND {} GROUP BY c.location_id",
                    active_circle("$2")
                )),
                at_end,
            )
            .await?;
        for (g, n, mapped) in circles {
            let t = groups.entry(g).or_default();
            t.f.circles = n;
            t.f.circles_mapped = mapped;
        }

        let members: Vec<(Option<String>, String, i64)> = self
            .all(
                &at(&format!(
                    "SELECT c.location_id, m.role, COUNT(*) FROM memberships m JOIN circles c ON c.id = m.circle_id \
                     WHERE SCOPE AND {} AND {} GROUP BY c.location_id, m.role",
                    active_circle("$2"),
                    active_member("$2")
                )),
                at_end,
            )
            .await?;
        for (g, role, n) in members {
            if let Some(i) = role_index(&role) {
                groups.entry(g).or_default().f.members_by_role[i] = n;
            }
        }
        // Who of them wrote in the logbook: from the period's entries, not
        // from every member's history.
        let active: Vec<(Option<String>, String, i64)> = self
            .all(
                &at(&format!(
                    "SELECT c.location_id, m.role, COUNT(DISTINCT m.id) FROM circles c \
                     JOIN entries e ON e.circle_id = c.id AND e.created_at >= $2 AND e.created_at < $3 \
                     JOIN memberships m ON m.id = e.author_member_id \
                     WHERE SCOPE AND {} AND {} GROUP BY c.location_id, m.role",
                    active_circle("$3"),
                    active_member("$3")
                )),
                p,
            )
            .await?;
        for (g, role, n) in active {
            if let Some(i) = role_index(&role) {
                groups.entry(g).or_default().f.active_by_role[i] = n;
            }
        }

        let agreements: Vec<(Option<String>, i64, i64, i64)> = self
            .all(
                &at(&format!(
                    "SELECT c.location_id, a.step, COUNT(*), \
                     COUNT(CASE WHEN a.review_on IS NOT NULL AND a.review_on < $3 THEN 1 END) \
                     FROM agreements a JOIN circles c ON c.id = a.circle_id \
                     WHERE SCOPE AND {} AND a.created_at < $2 GROUP BY c.location_id, a.step",
                    active_circle("$2")
                )),
                args![scope.id(), ms(period.to), period.last_day().to_string()],
            )
            .await?;
        for (g, step, n, overdue) in agreements {
            let t = groups.entry(g).or_default();
            if let Some(slot) = usize::try_from(step - 1).ok().and_then(|i| t.f.agreements_by_step.get_mut(i)) {
                *slot = n;
            }
            t.f.agreements_overdue += overdue;
        }

        let changes: Vec<(Option<String>, i64, Option<i64>)> = self
            .all(
                &at("SELECT c.location_id, ch.recorded_at, ch.closed_at FROM change_events ch \
                     JOIN circles c ON c.id = ch.circle_id WHERE SCOPE AND ch.recorded_at >= $2 AND ch.recorded_at < $3"),
                p,
            )
            .await?;
        for (g, recorded, closed) in changes {
            let t = groups.entry(g).or_default();
            t.f.changes += 1;
            if let Some(closed) = closed.filter(|c| *c < to) {
                t.review_days.push((closed - recorded) / DAY_MS);
            }
        }

        // An answer is the first offer of help, or someone chosen without one.
        let help: Vec<(Option<String>, i64, Option<i64>, Option<i64>)> = self
            .all(
                &at("SELECT c.location_id, h.created_at, \
                     (SELECT MIN(r.created_at) FROM help_responses r WHERE r.request_id = h.id), \
                     CASE WHEN h.status = 'confirmed' THEN h.decided_at END \
                     FROM help_requests h JOIN circles c ON c.id = h.circle_id \
                     WHERE SCOPE AND h.created_at >= $2 AND h.created_at < $3"),
                p,
            )
            .await?;
        for (g, asked, offer, chosen) in help {
            let t = groups.entry(g).or_default();
            t.f.help_requests += 1;
            if let Some(first) = [offer, chosen].into_iter().flatten().filter(|t| *t < to).min() {
                t.answer_hours.push((first - asked).max(0) / HOUR_MS);
            }
        }

        let cover: Vec<(Option<String>, i64, i64)> = self
            .all(
                &at("SELECT c.location_id, COUNT(*), COUNT(CASE WHEN EXISTS (SELECT 1 FROM shift_signups s \
                     WHERE s.item_id = cs.item_id AND s.on_date = cs.on_date AND s.signed_up_at >= cs.started_at \
                     AND s.signed_up_at < $3) THEN 1 END) \
                     FROM cover_searches cs JOIN agenda_items i ON i.id = cs.item_id JOIN circles c ON c.id = i.circle_id \
                     WHERE SCOPE AND cs.started_at >= $2 AND cs.started_at < $3 GROUP BY c.location_id"),
                p,
            )
            .await?;
        for (g, searches, found) in cover {
            let t = groups.entry(g).or_default();
            t.f.cover_searches = searches;
            t.f.cover_found = found;
        }

        // Signals the carer took back are not counted: they are theirs.
        let signals: Vec<(Option<String>, i64, i64, i64)> = self
            .all(
                &at("SELECT c.location_id, COUNT(*), \
                     COUNT(CASE WHEN s.followed_up_at IS NOT NULL AND s.followed_up_at < $3 THEN 1 END), \
                     COUNT(DISTINCT s.member_id) FROM care_signals s JOIN circles c ON c.id = s.circle_id \
                     WHERE SCOPE AND s.audience = 'coordinator' AND s.shared_at >= $2 AND s.shared_at < $3 \
                     AND (s.withdrawn_at IS NULL OR s.withdrawn_at >= $3) GROUP BY c.location_id"),
                p,
            )
            .await?;
        for (g, shared, followed, people) in signals {
            let t = groups.entry(g).or_default();
            t.f.signals_shared = shared;
            t.f.signals_followed_up = followed;
            t.f.signal_people = people;
        }

        let thanks: Vec<(Option<String>, i64)> = self
            .all(
                &at("SELECT c.location_id, COUNT(*) FROM entries e JOIN circles c ON c.id = e.circle_id WHERE SCOPE \
                     AND e.kind = 'thanks' AND e.created_at >= $2 AND e.created_at < $3 AND e.deleted_at IS NULL \
                     GROUP BY c.location_id"),
                p,
            )
            .await?;
        for (g, n) in thanks {
            groups.entry(g).or_default().f.thanks = n;
        }

        for (g, (places, filled)) in self.shift_coverage(scope, period).await? {
            let t = groups.entry(g).or_default();
            t.f.shift_places = places;
            t.f.shift_places_filled = filled;
        }

        let mut all = Tally::default();
        for t in groups.values() {
            all.f.add(&t.f);
            all.review_days.extend(&t.review_days);
            all.answer_hours.extend(&t.answer_hours);
        }
        Ok(Counted { total: all.finish(), by_location: groups.into_iter().map(|(g, t)| (g, t.finish())).collect() })
    }

    /// Per location: places in the rota shifts that fell in the period, and
    /// how many of them were taken (never more than a shift's places).
    async fn shift_coverage(&self, scope: Scope<'_>, period: &Period) -> Result<HashMap<Option<String>, (i64, i64)>> {
        let cond = scope.condition();
        let shifts: HashMap<String, (i64, Option<String>)> = self
            .all::<(String, i64, Option<String>)>(
                &format!(
                    "SELECT i.id, i.places, c.location_id FROM agenda_items i JOIN circles c ON c.id = i.circle_id \
                     WHERE {cond} AND i.kind = 'shift' AND i.places > 0"
                ),
                args![scope.id()],
            )
            .await?
            .into_iter()
            .map(|(id, places, g)| (id, (places, g)))
            .collect();
        let mut out = HashMap::new();
        if shifts.is_empty() {
            return Ok(out);
        }
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
        let taken: HashMap<(String, String), i64> = self
            .all::<(String, String, i64)>(
                &format!(
                    "SELECT s.item_id, s.on_date, COUNT(*) FROM shift_signups s JOIN agenda_items i ON i.id = s.item_id \
                     JOIN circles c ON c.id = i.circle_id WHERE {cond} AND s.on_date >= $2 AND s.on_date <= $3 \
                     AND s.signed_up_at < $4 GROUP BY s.item_id, s.on_date"
                ),
                args![scope.id(), period.first_day.to_string(), period.last_day().to_string(), ms(period.to)],
            )
            .await?
            .into_iter()
            .map(|(item, on, n)| ((item, on), n))
            .collect();
        let from = period.from.to_zoned(period.tz.clone());
        let to = period.to.to_zoned(period.tz.clone());
        for row in &schedules {
            let Some((n, group)) = shifts.get(&row.id) else { continue };
            let (all, filled) = out.entry(group.clone()).or_insert((0, 0));
            for occurrence in series_of(row, &exceptions)?.occurrences(&period.tz, &from, &to) {
                // An occurrence belongs to the period it starts in.
                if occurrence.start < from {
                    continue;
                }
                *all += n;
                let key = (row.id.clone(), occurrence.original.to_string());
                *filled += taken.get(&key).copied().unwrap_or(0).min(*n);
            }
        }
        Ok(out)
    }
}
