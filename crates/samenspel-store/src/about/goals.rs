//! The wellbeing plan: goals, their helpers and progress from the logbook.

use super::*;

impl Store {
    /// The goals of the wellbeing plan the member may read, active first, and
    /// per goal the logbook entries about it that the member may read.
    pub async fn goals(
        &self,
        cap: &Can<act::ViewAboutClient>,
        log: Option<&Can<act::ReadLogbook>>,
    ) -> Result<Vec<Goal>> {
        let circle = cap.circle_id().as_str();
        db_row! {
            struct Row {
                id: String,
                kind: String,
                words: String,
                steps: String,
                others: String,
                review_on: Option<String>,
                status: String,
                aud: String,
                created_by: String,
                name: Option<String>,
                updated_at: i64,
            }
        }
        let rows: Vec<Row> = self
            .all(
                &format!(
                    "SELECT g.id, g.kind, g.words, g.steps, g.others, g.review_on, g.status, g.audience, g.created_by, \
                 {NAME}g.created_by), g.updated_at FROM wellbeing_goals g WHERE g.circle_id = $1 ORDER BY g.created_at, g.id"
                ),
                args![circle],
            )
            .await?;
        let chosen = chosen_of(self, "goal_chosen", "goal_id", "wellbeing_goals", circle).await?;
        let helpers: Vec<(String, String, Option<String>)> = self
            .all(
                &format!(
                    "SELECT h.goal_id, h.member_id, {NAME}h.member_id) FROM goal_helpers h \
             JOIN wellbeing_goals g ON g.id = h.goal_id WHERE g.circle_id = $1 ORDER BY 3"
                ),
                args![circle],
            )
            .await?;
        let progress = match log {
            Some(log) => self.goal_progress(log).await?,
            None => Vec::new(),
        };
        let scope = cap.audience();
        let mut out = Vec::new();
        for Row { id, kind, words, steps, others, review_on, status, aud, created_by, name, updated_at } in rows {
            let audience = audience(&aud)?;
            let chosen = pick(&chosen, &id);
            let created_by = MemberId::from_db(created_by);
            if !scope.can_see(audience, &created_by, &chosen) {
                continue;
            }
            out.push(Goal {
                kind: GoalKind::parse(&kind).ok_or_else(|| corrupt("goal kind", &kind))?,
                words,
                steps,
                helpers: helpers
                    .iter()
                    .filter(|h| h.0 == id)
                    .map(|h| (MemberId::from_db(h.1.clone()), h.2.clone().unwrap_or_default()))
                    .collect(),
                others,
                review_on: review_on.as_deref().map(date).transpose()?,
                status: GoalStatus::parse(&status).ok_or_else(|| corrupt("goal status", &status))?,
                audience,
                chosen,
                created_by,
                created_by_name: name.unwrap_or_default(),
                updated_at: ts(updated_at),
                progress: progress.iter().filter(|p| p.0 == id).map(|p| p.1.clone()).collect(),
                id,
            });
        }
        out.sort_by_key(|g| g.status != GoalStatus::Active);
        Ok(out)
    }

    /// Logbook entries linked to goals that the reader may read in the
    /// logbook, by goal id.
    async fn goal_progress(&self, log: &Can<act::ReadLogbook>) -> Result<Vec<(String, Progress)>> {
        db_row! {
            struct Row {
                goal: String,
                entry: String,
                at: i64,
                body: String,
                aud: String,
                author: String,
                name: Option<String>,
            }
        }
        let rows: Vec<Row> = self
            .all(
                &format!("SELECT p.goal_id, e.id, e.created_at, e.body, e.audience, e.author_member_id, {NAME}e.author_member_id) FROM goal_progress p \
             JOIN entries e ON e.id = p.entry_id WHERE e.circle_id = $1 AND e.deleted_at IS NULL \
             ORDER BY e.created_at DESC"),
                args![log.circle_id().as_str()],
            )
            .await?;
        let chosen: Vec<(String, String)> = self
            .all(
                "SELECT a.entry_id, a.member_id FROM entry_audience a JOIN goal_progress p ON p.entry_id = a.entry_id \
             JOIN entries e ON e.id = a.entry_id WHERE e.circle_id = $1",
                args![log.circle_id().as_str()],
            )
            .await?;
        let scope: AudienceScope = log.audience();
        let mut out = Vec::new();
        for Row { goal, entry, at, body, aud, author, name } in rows {
            let chosen: Vec<MemberId> =
                chosen.iter().filter(|c| c.0 == entry).map(|c| MemberId::from_db(c.1.clone())).collect();
            if scope.can_see(audience(&aud)?, &MemberId::from_db(author), &chosen) {
                out.push((
                    goal,
                    Progress { entry_id: entry, written_at: ts(at), text: body, author_name: name.unwrap_or_default() },
                ));
            }
        }
        Ok(out)
    }

    /// Saves a goal: a new one, or (with `existing`, as the member may read
    /// it) a change. Returns its id.
    pub async fn save_goal(
        &self,
        cap: &Can<act::WriteAboutClient>,
        existing: Option<&Goal>,
        g: &NewGoal,
        now: Timestamp,
    ) -> Result<String> {
        let chosen = with_writer(g.audience, &g.chosen, cap.member_id());
        let mut tx = self.begin().await?;
        check_members(&mut tx, cap.circle_id(), "chosen", &chosen, now).await?;
        check_members(&mut tx, cap.circle_id(), "helpers", &g.helpers, now).await?;
        let review_on = g.review_on.map(|d| d.to_string());
        let id = match existing {
            None => {
                let id = uuid::Uuid::now_v7().to_string();
                tx.exec(
                    "INSERT INTO wellbeing_goals (id, circle_id, kind, words, steps, others, review_on, status, audience, \
                     created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
                    args![&id, cap.circle_id().as_str(), g.kind.as_str(), &g.words, &g.steps, &g.others, &review_on, g.status.as_str(), g.audience.as_str(), cap.member_id().as_str(), ms(now)],
                )
                .await?;
                id
            }
            Some(e) => {
                let audience_changes = e.audience != g.audience || !same_members(&e.chosen, &chosen);
                if audience_changes && !may_change_about(cap.role(), cap.manages(), &e.created_by == cap.member_id()) {
                    return Err(Error::Forbidden);
                }
                tx.exec_found(
                    "UPDATE wellbeing_goals SET kind = $3, words = $4, steps = $5, others = $6, review_on = $7, \
                     status = $8, audience = $9, updated_at = $10 WHERE id = $1 AND circle_id = $2",
                    args![
                        &e.id,
                        cap.circle_id().as_str(),
                        g.kind.as_str(),
                        &g.words,
                        &g.steps,
                        &g.others,
                        &review_on,
                        g.status.as_str(),
                        g.audience.as_str(),
                        ms(now)
                    ],
                )
                .await?;
                e.id.clone()
            }
        };
        write_pairs(&mut tx, "goal_chosen", "goal_id", &id, &chosen).await?;
        write_pairs(&mut tx, "goal_helpers", "goal_id", &id, &g.helpers).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Removes a goal (its maker, the client side or a manager). The logbook
    /// entries about it stay.
    pub async fn delete_goal(&self, cap: &Can<act::WriteAboutClient>, existing: &Goal) -> Result<()> {
        if !may_change_about(cap.role(), cap.manages(), &existing.created_by == cap.member_id()) {
            return Err(Error::Forbidden);
        }
        let mut tx = self.begin().await?;
        tx.exec("DELETE FROM goal_progress WHERE goal_id = $1", args![&existing.id]).await?;
        tx.exec(
            "DELETE FROM wellbeing_goals WHERE id = $1 AND circle_id = $2",
            args![&existing.id, cap.circle_id().as_str()],
        )
        .await?;
        tx.commit().await
    }
}

/// Links a new logbook entry to the goal it tells about, in the entry's
/// transaction. The service has checked the writer may read the goal.
pub(crate) async fn link_goal_progress(tx: &mut Tx, circle: &str, goal: &str, entry: &str) -> Result<()> {
    let linked = tx.exec(
        "INSERT INTO goal_progress (goal_id, entry_id) SELECT id, $3 FROM wellbeing_goals WHERE id = $1 AND circle_id = $2",
        args![goal, circle, entry],
    )
    .await?;
    if linked == 0 { Err(Error::field("goal", "goal-not-found")) } else { Ok(()) }
}
