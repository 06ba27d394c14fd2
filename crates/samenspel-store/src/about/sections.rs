//! "Dit ben ik": the sections about the client, with their versions.

use super::*;

db_row! {
    struct SectionRow {
        id: String,
        part: String,
        body: String,
        first_person: bool,
        aud: String,
        started_by: String,
        written_by: String,
        name: Option<String>,
        written_at: i64,
    }
}

db_row! {
    /// A version of a section; the first (newest) is the section's own text.
    struct VersionRow {
        section: String,
        _version: i64,
        body: String,
        first_person: bool,
        name: Option<String>,
        at: i64,
    }
}

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
        let rows: Vec<SectionRow> = self
            .all(
                &format!(
                    "SELECT s.id, s.part, s.body, s.first_person, s.audience, s.started_by, s.written_by, {NAME}s.written_by), \
             s.written_at FROM about_sections s WHERE s.circle_id = $1"
                ),
                args![circle],
            )
            .await?;
        let chosen = chosen_of(self, "about_chosen", "section_id", "about_sections", circle).await?;
        let versions: Vec<VersionRow> = self
            .all(
                &format!(
                    "SELECT v.section_id, v.version, v.body, v.first_person, {NAME}v.written_by), v.written_at \
                 FROM about_versions v JOIN about_sections s ON s.id = v.section_id WHERE s.circle_id = $1 \
                 ORDER BY v.version DESC"
                ),
                args![circle],
            )
            .await?;
        let scope = cap.audience();
        let mut out = Vec::new();
        for SectionRow { id, part, body, first_person, aud, started_by, written_by, name, written_at } in rows {
            let audience = audience(&aud)?;
            let chosen = pick(&chosen, &id);
            let started_by = MemberId::from_db(started_by);
            let visible = scope.can_see(audience, &started_by, &chosen);
            let history = versions
                .iter()
                .filter(|v| v.section == id)
                .skip(1)
                .map(|v| Version {
                    text: v.body.clone(),
                    first_person: v.first_person,
                    written_by_name: v.name.clone().unwrap_or_default(),
                    written_at: ts(v.at),
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
        let current: Option<(String, String, String)> = tx
            .opt(
                "SELECT id, audience, started_by FROM about_sections WHERE circle_id = $1 AND part = $2",
                args![circle.as_str(), part.as_str()],
            )
            .await?;
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
                let added = tx
                    .exec(
                        "INSERT INTO about_sections (id, circle_id, part, body, first_person, audience, started_by, \
                     written_by, written_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) \
                     ON CONFLICT (circle_id, part) DO NOTHING",
                        args![
                            &id,
                            circle.as_str(),
                            part.as_str(),
                            &s.text,
                            s.first_person,
                            audience.as_str(),
                            cap.member_id().as_str(),
                            ms(now)
                        ],
                    )
                    .await?;
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
                tx.exec("DELETE FROM about_sections WHERE id = $1", args![&id]).await?;
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
                        tx.exec("UPDATE about_sections SET audience = $2 WHERE id = $1", args![&id, audience.as_str()])
                            .await?;
                        write_pairs(&mut tx, "about_chosen", "section_id", &id, chosen).await?;
                    }
                }
                tx.exec(
                    "UPDATE about_sections SET body = $2, first_person = $3, written_by = $4, written_at = $5 WHERE id = $1",
                    args![&id, &s.text, s.first_person, cap.member_id().as_str(), ms(now)],
                )
                .await?;
                let (last,): (i64,) = tx
                    .one("SELECT COALESCE(MAX(version), 0) FROM about_versions WHERE section_id = $1", args![&id])
                    .await?;
                add_version(&mut tx, &id, last + 1, s, cap.member_id(), now).await?;
                tx.commit().await
            }
        }
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
    tx.exec(
        "INSERT INTO about_versions (section_id, version, body, first_person, written_by, written_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
        args![id, version, &s.text, s.first_person, writer.as_str(), ms(now)],
    )
    .await?;
    Ok(())
}
