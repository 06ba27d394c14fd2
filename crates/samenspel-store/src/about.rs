//! About the client: "Dit ben ik", empathy maps and the wellbeing plan. A
//! circle has a handful of each, so a read loads the circle's items whole and
//! applies the audience rule here, once, with [`AudienceScope::can_see`].
//! Writers must see what they change: an item outside their audience does
//! not exist for them.

use crate::access::Can;
use crate::db::{Store, Tx, db_err, ms, on_tx, read, ts};
use crate::members::is_active_member;
use jiff::civil::Date;
use samenspel_core::about::{NewSection, Part, Section, Version};
use samenspel_core::access::{act, may_change_about};
use samenspel_core::audience::{Audience, AudienceScope};
use samenspel_core::empathy::{EmpathyMap, NewEmpathyMap};
use samenspel_core::ids::MemberId;
use samenspel_core::wellbeing::{Goal, GoalKind, GoalStatus, NewGoal, Progress};
use samenspel_core::{Error, FieldError, Result, Timestamp};

use crate::sql::NAME;

fn corrupt(what: &str, raw: &str) -> Error {
    Error::internal(format!("about the client: unknown {what} {raw:?}"))
}

fn audience(raw: &str) -> Result<Audience> {
    Audience::parse(raw).ok_or_else(|| corrupt("audience", raw))
}

fn date(raw: &str) -> Result<Date> {
    raw.parse::<Date>().map_err(|_| corrupt("date", raw))
}

/// The chosen members of every item of one kind in the circle, by item id.
async fn chosen_of(
    store: &Store,
    table: &str,
    key: &str,
    parent: &str,
    circle: &str,
) -> Result<Vec<(String, MemberId)>> {
    let rows: Vec<(String, String)> = read!(store, |db| sqlx::query_as(&format!(
        "SELECT c.{key}, c.member_id FROM {table} c JOIN {parent} p ON p.id = c.{key} WHERE p.circle_id = $1"
    ))
    .bind(circle)
    .fetch_all(db)
    .await)
    .map_err(db_err)?;
    Ok(rows.into_iter().map(|(id, m)| (id, MemberId::from_db(m))).collect())
}

/// A "chosen" audience always holds its writer: nobody locks themselves out.
fn with_writer(audience: Audience, chosen: &[MemberId], writer: &MemberId) -> Vec<MemberId> {
    let mut out = chosen.to_vec();
    if audience == Audience::Chosen && !out.contains(writer) {
        out.push(writer.clone());
    }
    out
}

/// The same members, in any order.
fn same_members(a: &[MemberId], b: &[MemberId]) -> bool {
    let set = |v: &[MemberId]| v.iter().map(|m| m.as_str().to_owned()).collect::<std::collections::BTreeSet<_>>();
    set(a) == set(b)
}

fn pick(all: &[(String, MemberId)], id: &str) -> Vec<MemberId> {
    all.iter().filter(|(i, _)| i == id).map(|(_, m)| m.clone()).collect()
}

/// The chosen members of a "chosen" audience must be active members.
async fn check_members(
    tx: &mut Tx,
    circle: &samenspel_core::ids::CircleId,
    field: &'static str,
    members: &[MemberId],
    now: Timestamp,
) -> Result<()> {
    for m in members {
        if !is_active_member(tx, circle, m, now).await? {
            return Err(Error::Validation(vec![FieldError::new(field, "member-not-in-circle")]));
        }
    }
    Ok(())
}

async fn write_pairs(tx: &mut Tx, table: &str, key: &str, id: &str, members: &[MemberId]) -> Result<()> {
    on_tx!(tx, |db| sqlx::query(&format!("DELETE FROM {table} WHERE {key} = $1"))
        .bind(id)
        .execute(db)
        .await
        .map(|r| r.rows_affected()))
    .map_err(db_err)?;
    for m in members {
        on_tx!(tx, |db| sqlx::query(&format!("INSERT INTO {table} ({key}, member_id) VALUES ($1, $2)"))
            .bind(id)
            .bind(m.as_str())
            .execute(db)
            .await
            .map(|r| r.rows_affected()))
        .map_err(db_err)?;
    }
    Ok(())
}

/// (id, part, body, first person, audience, started by, written by, name, written at)
type SectionRow = (String, String, String, bool, String, String, String, Option<String>, i64);

impl Store {
    /// The parts of "Dit ben ik" the member may read, in [`Part::ALL`] order,
    /// each with its earlier versions.
    pub async fn about_sections(&self, cap: &Can<act::ViewAboutClient>) -> Result<Vec<Section>> {
        Ok(self.all_sections(cap).await?.into_iter().filter_map(|(s, visible)| visible.then_some(s)).collect())
    }

    /// The parts that exist but that this member may not read: the page says
    /// so, rather than offering to write a part that someone else holds.
    pub async fn hidden_about_parts(&self, cap: &Can<act::ViewAboutClient>) -> Result<Vec<Part>> {
        Ok(self.all_sections(cap).await?.into_iter().filter_map(|(s, visible)| (!visible).then_some(s.part)).collect())
    }

    async fn all_sections(&self, cap: &Can<act::ViewAboutClient>) -> Result<Vec<(Section, bool)>> {
        let circle = cap.circle_id().as_str();
        let rows: Vec<SectionRow> = read!(self, |db| {
            sqlx::query_as(&format!(
            "SELECT s.id, s.part, s.body, s.first_person, s.audience, s.started_by, s.written_by, {NAME}s.written_by), \
             s.written_at FROM about_sections s WHERE s.circle_id = $1"
        ))
        .bind(circle)
        .fetch_all(db)
        .await
        })
        .map_err(db_err)?;
        let chosen = chosen_of(self, "about_chosen", "section_id", "about_sections", circle).await?;
        let versions: Vec<(String, i64, String, bool, Option<String>, i64)> =
            read!(self, |db| sqlx::query_as(&format!(
                "SELECT v.section_id, v.version, v.body, v.first_person, {NAME}v.written_by), v.written_at \
                 FROM about_versions v JOIN about_sections s ON s.id = v.section_id WHERE s.circle_id = $1 \
                 ORDER BY v.version DESC"
            ))
            .bind(circle)
            .fetch_all(db)
            .await)
            .map_err(db_err)?;
        let scope = cap.audience();
        let mut out = Vec::new();
        for (id, part, body, first_person, aud, started_by, written_by, name, written_at) in rows {
            let audience = audience(&aud)?;
            let chosen = pick(&chosen, &id);
            let started_by = MemberId::from_db(started_by);
            let visible = scope.can_see(audience, &started_by, &chosen);
            let history = versions
                .iter()
                .filter(|v| v.0 == id)
                .skip(1)
                .map(|v| Version {
                    text: v.2.clone(),
                    first_person: v.3,
                    written_by_name: v.4.clone().unwrap_or_default(),
                    written_at: ts(v.5),
                })
                .collect();
            out.push((
                Section {
                    part: Part::parse(&part).ok_or_else(|| corrupt("part", &part))?,
                    text: body,
                    first_person,
                    audience,
                    chosen,
                    started_by,
                    written_by: MemberId::from_db(written_by),
                    written_by_name: name.unwrap_or_default(),
                    written_at: ts(written_at),
                    history,
                },
                visible,
            ));
        }
        out.sort_by_key(|(s, _)| s.part);
        Ok(out)
    }

    /// Writes one part of "Dit ben ik". An empty text removes the part. A new
    /// audience, or removal, needs [`may_change_about`]; the text itself is
    /// written together, and every version is kept. `existing` is the part as
    /// the member may read it (`None` when it is new to them).
    pub async fn save_about_section(
        &self,
        cap: &Can<act::WriteAboutClient>,
        part: Part,
        existing: Option<&Section>,
        s: &NewSection,
        now: Timestamp,
    ) -> Result<()> {
        let circle = cap.circle_id();
        let mut tx = self.begin().await?;
        let current: Option<(String, String, String)> = on_tx!(&mut tx, |db| sqlx::query_as(
            "SELECT id, audience, started_by FROM about_sections WHERE circle_id = $1 AND part = $2"
        )
        .bind(circle.as_str())
        .bind(part.as_str())
        .fetch_optional(db)
        .await)
        .map_err(db_err)?;
        let manages =
            |started_by: &str| may_change_about(cap.role(), cap.manages(), started_by == cap.member_id().as_str());
        match (current, existing) {
            // Someone else wrote this part meanwhile, or it is outside the member's audience.
            (Some(_), None) => Err(Error::Conflict("about-written-meanwhile")),
            (None, Some(_)) => Err(Error::NotFound),
            (None, None) if s.text.is_empty() => Ok(()),
            (None, None) => {
                let (audience, chosen) = s.audience.clone().unwrap_or((Audience::Circle, Vec::new()));
                let chosen = with_writer(audience, &chosen, cap.member_id());
                check_members(&mut tx, circle, "chosen", &chosen, now).await?;
                let id = uuid::Uuid::now_v7().to_string();
                let added = on_tx!(&mut tx, |db| sqlx::query(
                    "INSERT INTO about_sections (id, circle_id, part, body, first_person, audience, started_by, \
                     written_by, written_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) \
                     ON CONFLICT (circle_id, part) DO NOTHING"
                )
                .bind(&id)
                .bind(circle.as_str())
                .bind(part.as_str())
                .bind(&s.text)
                .bind(s.first_person)
                .bind(audience.as_str())
                .bind(cap.member_id().as_str())
                .bind(ms(now))
                .execute(db)
                .await
                .map(|r| r.rows_affected()))
                .map_err(db_err)?;
                if added == 0 {
                    return Err(Error::Conflict("about-written-meanwhile"));
                }
                write_pairs(&mut tx, "about_chosen", "section_id", &id, &chosen).await?;
                add_version(&mut tx, &id, 1, s, cap.member_id(), now).await?;
                tx.commit().await
            }
            (Some((id, _, started_by)), Some(_)) if s.text.is_empty() => {
                if !manages(&started_by) {
                    return Err(Error::Forbidden);
                }
                on_tx!(&mut tx, |db| sqlx::query("DELETE FROM about_sections WHERE id = $1")
                    .bind(&id)
                    .execute(db)
                    .await
                    .map(|r| r.rows_affected()))
                .map_err(db_err)?;
                tx.commit().await
            }
            (Some((id, current_audience, started_by)), Some(seen)) => {
                if let Some((audience, chosen)) = &s.audience {
                    let chosen = &with_writer(*audience, chosen, cap.member_id());
                    let changes = audience.as_str() != current_audience
                        || (*audience == Audience::Chosen && !same_members(chosen, &seen.chosen));
                    if changes {
                        if !manages(&started_by) {
                            return Err(Error::Forbidden);
                        }
                        check_members(&mut tx, circle, "chosen", chosen, now).await?;
                        on_tx!(&mut tx, |db| sqlx::query("UPDATE about_sections SET audience = $2 WHERE id = $1")
                            .bind(&id)
                            .bind(audience.as_str())
                            .execute(db)
                            .await
                            .map(|r| r.rows_affected()))
                        .map_err(db_err)?;
                        write_pairs(&mut tx, "about_chosen", "section_id", &id, chosen).await?;
                    }
                }
                on_tx!(&mut tx, |db| sqlx::query(
                    "UPDATE about_sections SET body = $2, first_person = $3, written_by = $4, written_at = $5 WHERE id = $1"
                )
                .bind(&id)
                .bind(&s.text)
                .bind(s.first_person)
                .bind(cap.member_id().as_str())
                .bind(ms(now))
                .execute(db)
                .await
                .map(|r| r.rows_affected()))
                .map_err(db_err)?;
                let (last,): (i64,) = on_tx!(&mut tx, |db| sqlx::query_as(
                    "SELECT COALESCE(MAX(version), 0) FROM about_versions WHERE section_id = $1"
                )
                .bind(&id)
                .fetch_one(db)
                .await)
                .map_err(db_err)?;
                add_version(&mut tx, &id, last + 1, s, cap.member_id(), now).await?;
                tx.commit().await
            }
        }
    }

    /// The empathy maps the member may read, newest first.
    pub async fn empathy_maps(&self, cap: &Can<act::ViewAboutClient>) -> Result<Vec<EmpathyMap>> {
        let circle = cap.circle_id().as_str();
        #[allow(clippy::type_complexity)]
        let rows: Vec<(
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            String,
            Option<String>,
            i64,
        )> = read!(self, |db| sqlx::query_as(&format!(
            "SELECT e.id, e.made_on, e.says, e.thinks, e.does, e.feels, e.pains, e.gains, e.made_with, e.audience, \
                 e.made_by, {NAME}e.made_by), e.updated_at FROM empathy_maps e WHERE e.circle_id = $1 \
                 ORDER BY e.made_on DESC, e.id DESC"
        ))
        .bind(circle)
        .fetch_all(db)
        .await)
        .map_err(db_err)?;
        let chosen = chosen_of(self, "empathy_map_chosen", "map_id", "empathy_maps", circle).await?;
        let scope = cap.audience();
        let mut out = Vec::new();
        for (id, made_on, says, thinks, does, feels, pains, gains, made_with, aud, made_by, name, updated_at) in rows {
            let audience = audience(&aud)?;
            let chosen = pick(&chosen, &id);
            let made_by = MemberId::from_db(made_by);
            if !scope.can_see(audience, &made_by, &chosen) {
                continue;
            }
            out.push(EmpathyMap {
                made_on: date(&made_on)?,
                texts: [says, thinks, does, feels, pains, gains],
                made_with,
                audience,
                chosen,
                made_by,
                made_by_name: name.unwrap_or_default(),
                updated_at: ts(updated_at),
                id,
            });
        }
        Ok(out)
    }

    /// Saves an empathy map: a new one, or (with `existing`, as the member
    /// may read it) a correction of one. Returns its id.
    pub async fn save_empathy_map(
        &self,
        cap: &Can<act::WriteAboutClient>,
        existing: Option<&EmpathyMap>,
        m: &NewEmpathyMap,
        now: Timestamp,
    ) -> Result<String> {
        let chosen = with_writer(m.audience, &m.chosen, cap.member_id());
        let mut tx = self.begin().await?;
        check_members(&mut tx, cap.circle_id(), "chosen", &chosen, now).await?;
        let id = match existing {
            None => {
                let id = uuid::Uuid::now_v7().to_string();
                on_tx!(&mut tx, |db| sqlx::query(
                    "INSERT INTO empathy_maps (id, circle_id, made_on, says, thinks, does, feels, pains, gains, \
                     made_with, audience, made_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
                )
                .bind(&id)
                .bind(cap.circle_id().as_str())
                .bind(m.made_on.to_string())
                .bind(&m.texts[0])
                .bind(&m.texts[1])
                .bind(&m.texts[2])
                .bind(&m.texts[3])
                .bind(&m.texts[4])
                .bind(&m.texts[5])
                .bind(&m.made_with)
                .bind(m.audience.as_str())
                .bind(cap.member_id().as_str())
                .bind(ms(now))
                .execute(db)
                .await
                .map(|r| r.rows_affected()))
                .map_err(db_err)?;
                id
            }
            Some(e) => {
                let audience_changes = e.audience != m.audience || !same_members(&e.chosen, &chosen);
                if audience_changes && !may_change_about(cap.role(), cap.manages(), &e.made_by == cap.member_id()) {
                    return Err(Error::Forbidden);
                }
                let n = on_tx!(&mut tx, |db| {
                    sqlx::query(
                    "UPDATE empathy_maps SET made_on = $3, says = $4, thinks = $5, does = $6, feels = $7, pains = $8, \
                     gains = $9, made_with = $10, audience = $11, updated_at = $12 WHERE id = $1 AND circle_id = $2"
                )
                .bind(&e.id)
                .bind(cap.circle_id().as_str())
                .bind(m.made_on.to_string())
                .bind(&m.texts[0])
                .bind(&m.texts[1])
                .bind(&m.texts[2])
                .bind(&m.texts[3])
                .bind(&m.texts[4])
                .bind(&m.texts[5])
                .bind(&m.made_with)
                .bind(m.audience.as_str())
                .bind(ms(now))
                .execute(db)
                .await
                .map(|r| r.rows_affected())
                })
                .map_err(db_err)?;
                if n == 0 {
                    return Err(Error::NotFound);
                }
                e.id.clone()
            }
        };
        write_pairs(&mut tx, "empathy_map_chosen", "map_id", &id, &chosen).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Removes an empathy map (its maker, the client side or a manager).
    pub async fn delete_empathy_map(&self, cap: &Can<act::WriteAboutClient>, existing: &EmpathyMap) -> Result<()> {
        if !may_change_about(cap.role(), cap.manages(), &existing.made_by == cap.member_id()) {
            return Err(Error::Forbidden);
        }
        let mut tx = self.begin().await?;
        on_tx!(&mut tx, |db| sqlx::query("DELETE FROM empathy_maps WHERE id = $1 AND circle_id = $2")
            .bind(&existing.id)
            .bind(cap.circle_id().as_str())
            .execute(db)
            .await
            .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        tx.commit().await
    }

    /// The goals of the wellbeing plan the member may read, active first, and
    /// per goal the logbook entries about it that the member may read.
    pub async fn goals(
        &self,
        cap: &Can<act::ViewAboutClient>,
        log: Option<&Can<act::ReadLogbook>>,
    ) -> Result<Vec<Goal>> {
        let circle = cap.circle_id().as_str();
        #[allow(clippy::type_complexity)]
        let rows: Vec<(String, String, String, String, String, Option<String>, String, String, String, Option<String>, i64)> =
            read!(self, |db| sqlx::query_as(&format!(
                "SELECT g.id, g.kind, g.words, g.steps, g.others, g.review_on, g.status, g.audience, g.created_by, \
                 {NAME}g.created_by), g.updated_at FROM wellbeing_goals g WHERE g.circle_id = $1 ORDER BY g.created_at, g.id"
            ))
            .bind(circle)
            .fetch_all(db)
            .await)
            .map_err(db_err)?;
        let chosen = chosen_of(self, "goal_chosen", "goal_id", "wellbeing_goals", circle).await?;
        let helpers: Vec<(String, String, Option<String>)> = read!(self, |db| sqlx::query_as(&format!(
            "SELECT h.goal_id, h.member_id, {NAME}h.member_id) FROM goal_helpers h \
             JOIN wellbeing_goals g ON g.id = h.goal_id WHERE g.circle_id = $1 ORDER BY 3"
        ))
        .bind(circle)
        .fetch_all(db)
        .await)
        .map_err(db_err)?;
        let progress = match log {
            Some(log) => self.goal_progress(log).await?,
            None => Vec::new(),
        };
        let scope = cap.audience();
        let mut out = Vec::new();
        for (id, kind, words, steps, others, review_on, status, aud, created_by, name, updated_at) in rows {
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
        let rows: Vec<(String, String, i64, String, String, String, Option<String>)> = read!(self, |db| sqlx::query_as(
            &format!("SELECT p.goal_id, e.id, e.created_at, e.body, e.audience, e.author_member_id, {NAME}e.author_member_id) FROM goal_progress p \
             JOIN entries e ON e.id = p.entry_id WHERE e.circle_id = $1 AND e.deleted_at IS NULL \
             ORDER BY e.created_at DESC")
        )
        .bind(log.circle_id().as_str())
        .fetch_all(db)
        .await)
        .map_err(db_err)?;
        let chosen: Vec<(String, String)> = read!(self, |db| sqlx::query_as(
            "SELECT a.entry_id, a.member_id FROM entry_audience a JOIN goal_progress p ON p.entry_id = a.entry_id \
             JOIN entries e ON e.id = a.entry_id WHERE e.circle_id = $1"
        )
        .bind(log.circle_id().as_str())
        .fetch_all(db)
        .await)
        .map_err(db_err)?;
        let scope: AudienceScope = log.audience();
        let mut out = Vec::new();
        for (goal, entry, at, body, aud, author, name) in rows {
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
                on_tx!(&mut tx, |db| sqlx::query(
                    "INSERT INTO wellbeing_goals (id, circle_id, kind, words, steps, others, review_on, status, audience, \
                     created_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)"
                )
                .bind(&id)
                .bind(cap.circle_id().as_str())
                .bind(g.kind.as_str())
                .bind(&g.words)
                .bind(&g.steps)
                .bind(&g.others)
                .bind(&review_on)
                .bind(g.status.as_str())
                .bind(g.audience.as_str())
                .bind(cap.member_id().as_str())
                .bind(ms(now))
                .execute(db)
                .await
                .map(|r| r.rows_affected()))
                .map_err(db_err)?;
                id
            }
            Some(e) => {
                let audience_changes = e.audience != g.audience || !same_members(&e.chosen, &chosen);
                if audience_changes && !may_change_about(cap.role(), cap.manages(), &e.created_by == cap.member_id()) {
                    return Err(Error::Forbidden);
                }
                let n = on_tx!(&mut tx, |db| sqlx::query(
                    "UPDATE wellbeing_goals SET kind = $3, words = $4, steps = $5, others = $6, review_on = $7, \
                     status = $8, audience = $9, updated_at = $10 WHERE id = $1 AND circle_id = $2"
                )
                .bind(&e.id)
                .bind(cap.circle_id().as_str())
                .bind(g.kind.as_str())
                .bind(&g.words)
                .bind(&g.steps)
                .bind(&g.others)
                .bind(&review_on)
                .bind(g.status.as_str())
                .bind(g.audience.as_str())
                .bind(ms(now))
                .execute(db)
                .await
                .map(|r| r.rows_affected()))
                .map_err(db_err)?;
                if n == 0 {
                    return Err(Error::NotFound);
                }
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
        on_tx!(&mut tx, |db| sqlx::query("DELETE FROM goal_progress WHERE goal_id = $1")
            .bind(&existing.id)
            .execute(db)
            .await
            .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        on_tx!(&mut tx, |db| sqlx::query("DELETE FROM wellbeing_goals WHERE id = $1 AND circle_id = $2")
            .bind(&existing.id)
            .bind(cap.circle_id().as_str())
            .execute(db)
            .await
            .map(|r| r.rows_affected()))
        .map_err(db_err)?;
        tx.commit().await
    }
}

async fn add_version(
    tx: &mut Tx,
    id: &str,
    version: i64,
    s: &NewSection,
    writer: &MemberId,
    now: Timestamp,
) -> Result<()> {
    on_tx!(tx, |db| sqlx::query(
        "INSERT INTO about_versions (section_id, version, body, first_person, written_by, written_at) \
         VALUES ($1, $2, $3, $4, $5, $6)"
    )
    .bind(id)
    .bind(version)
    .bind(&s.text)
    .bind(s.first_person)
    .bind(writer.as_str())
    .bind(ms(now))
    .execute(db)
    .await
    .map(|r| r.rows_affected()))
    .map_err(db_err)?;
    Ok(())
}

/// Links a new logbook entry to the goal it tells about, in the entry's
/// transaction. The service has checked the writer may read the goal.
pub(crate) async fn link_goal_progress(tx: &mut Tx, circle: &str, goal: &str, entry: &str) -> Result<()> {
    let linked = on_tx!(tx, |db| sqlx::query(
        "INSERT INTO goal_progress (goal_id, entry_id) SELECT id, $3 FROM wellbeing_goals WHERE id = $1 AND circle_id = $2"
    )
    .bind(goal)
    .bind(circle)
    .bind(entry)
    .execute(db)
    .await
    .map(|r| r.rows_affected()))
    .map_err(db_err)?;
    if linked == 0 { Err(Error::field("goal", "goal-not-found")) } else { Ok(()) }
}
