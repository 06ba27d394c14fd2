//! Empathy maps.

use super::*;

impl Store {
    /// The empathy maps the member may read, newest first.
    pub async fn empathy_maps(&self, cap: &Can<act::ViewAboutClient>) -> Result<Vec<EmpathyMap>> {
        let circle = cap.circle_id().as_str();
        db_row! {
            struct Row {
                id: String,
                made_on: String,
                says: String,
                thinks: String,
                does: String,
                feels: String,
                pains: String,
                gains: String,
                made_with: String,
                aud: String,
                made_by: String,
                name: Option<String>,
                updated_at: i64,
            }
        }
        let rows: Vec<Row> = self
            .all(
                &format!(
                    "SELECT e.id, e.made_on, e.says, e.thinks, e.does, e.feels, e.pains, e.gains, e.made_with, e.audience, \
                 e.made_by, {NAME}e.made_by), e.updated_at FROM empathy_maps e WHERE e.circle_id = $1 \
                 ORDER BY e.made_on DESC, e.id DESC"
                ),
                args![circle],
            )
            .await?;
        let chosen = chosen_of(self, "empathy_map_chosen", "map_id", "empathy_maps", circle).await?;
        let scope = cap.audience();
        let mut out = Vec::new();
        for Row { id, made_on, says, thinks, does, feels, pains, gains, made_with, aud, made_by, name, updated_at } in
            rows
        {
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
                tx.exec(
                    "INSERT INTO empathy_maps (id, circle_id, made_on, says, thinks, does, feels, pains, gains, \
                     made_with, audience, made_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                    args![&id, cap.circle_id().as_str(), m.made_on.to_string(), &m.texts[0], &m.texts[1], &m.texts[2], &m.texts[3], &m.texts[4], &m.texts[5], &m.made_with, m.audience.as_str(), cap.member_id().as_str(), ms(now)],
                )
                .await?;
                id
            }
            Some(e) => {
                let audience_changes = e.audience != m.audience || !same_members(&e.chosen, &chosen);
                if audience_changes && !may_change_about(cap.role(), cap.manages(), &e.made_by == cap.member_id()) {
                    return Err(Error::Forbidden);
                }
                tx.exec_found(
                    "UPDATE empathy_maps SET made_on = $3, says = $4, thinks = $5, does = $6, feels = $7, pains = $8, \
                     gains = $9, made_with = $10, audience = $11, updated_at = $12 WHERE id = $1 AND circle_id = $2",
                    args![
                        &e.id,
                        cap.circle_id().as_str(),
                        m.made_on.to_string(),
                        &m.texts[0],
                        &m.texts[1],
                        &m.texts[2],
                        &m.texts[3],
                        &m.texts[4],
                        &m.texts[5],
                        &m.made_with,
                        m.audience.as_str(),
                        ms(now)
                    ],
                )
                .await?;
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
        self.exec(
            "DELETE FROM empathy_maps WHERE id = $1 AND circle_id = $2",
            args![&existing.id, cap.circle_id().as_str()],
        )
        .await?;
        Ok(())
    }
}
