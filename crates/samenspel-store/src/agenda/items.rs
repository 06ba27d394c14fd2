//! Agenda items: reading the agenda, saving and removing items, and
//! changing one occurrence of a series.

use super::*;

impl Store {
    /// The circle's items this member may see that can still be going on on
    /// `reaching` or later ([`Series::reaches_until`]): a read of the coming
    /// weeks passes over the items that are past, through the index on
    /// `(circle_id, reaches_until)`; `EARLIEST` reads them all. Three
    /// statements whatever the agenda holds: the items with their series and whether the member
    /// signed up for one of their times; the chosen and the people along; the
    /// changed and cancelled times.
    pub async fn agenda_items(&self, cap: &Can<act::ViewAgenda>, reaching: Date) -> Result<Vec<Item>> {
        db_row! {
            struct Row { item: ItemRow, schedule: ScheduleRow, mine: bool }
        }
        let circle = cap.circle_id().as_str();
        let member = cap.member_id().as_str();
        let reaching = reaching.to_string();
        let rows: Vec<Row> = self
            .all(
                &format!(
                    "SELECT i.id, i.kind, i.title, i.place, i.notes, i.elsewhere, i.places, i.audience, i.created_by, \
             {NAME}i.created_by), i.updated_at, i.revision, {}, \
             EXISTS (SELECT 1 FROM shift_signups s WHERE s.item_id = i.id AND s.member_id = $2) \
             FROM agenda_items i WHERE i.circle_id = $1 AND i.reaches_until >= $3 ORDER BY i.starts_at, i.id",
                    schedule_columns!()
                ),
                args![circle, member, &reaching],
            )
            .await?;
        // Who was chosen for an item and who goes along, by name.
        let people: Vec<(String, String, String, Option<String>)> = self
            .all(
                &format!(
                    "SELECT 'chosen', c.item_id, c.member_id, {NAME}c.member_id) FROM agenda_chosen c \
             JOIN agenda_items i ON i.id = c.item_id WHERE i.circle_id = $1 AND i.reaches_until >= $2 \
             UNION ALL SELECT 'along', c.item_id, c.member_id, {NAME}c.member_id) FROM agenda_along c \
             JOIN agenda_items i ON i.id = c.item_id WHERE i.circle_id = $1 AND i.reaches_until >= $2 ORDER BY 4"
                ),
                args![circle, &reaching],
            )
            .await?;
        let exceptions: Vec<(String, String, bool, Option<String>)> = self
            .all(
                "SELECT e.item_id, e.original_on, e.cancelled, e.moved_to FROM agenda_exceptions e \
             JOIN agenda_items i ON i.id = e.item_id WHERE i.circle_id = $1 AND i.reaches_until >= $2",
                args![circle, &reaching],
            )
            .await?;
        let scope = cap.audience();
        let mut out = Vec::new();
        for Row { item, schedule, mine } in rows {
            let ItemRow {
                id,
                kind,
                title,
                place,
                notes,
                elsewhere,
                places,
                aud,
                created_by,
                name,
                updated_at,
                revision,
            } = item;
            let audience = Audience::parse(&aud).ok_or_else(|| corrupt("audience", &aud))?;
            let of = |list: &str| -> Vec<(MemberId, String)> {
                people
                    .iter()
                    .filter(|(l, i, _, _)| l == list && *i == id)
                    .map(|(_, _, m, n)| (MemberId::from_db(m.clone()), n.clone().unwrap_or_default()))
                    .collect()
            };
            let chosen: Vec<MemberId> = of("chosen").into_iter().map(|(m, _)| m).collect();
            let along = of("along");
            let created_by = MemberId::from_db(created_by);
            let takes_part = along.iter().any(|(m, _)| m == cap.member_id()) || mine;
            if !takes_part && !scope.can_see(audience, &created_by, &chosen) {
                continue;
            }
            out.push(Item {
                series: series_of(&schedule, &exceptions)?,
                kind: Kind::parse(&kind).ok_or_else(|| corrupt("kind", &kind))?,
                title,
                place,
                notes,
                elsewhere,
                places: u32::try_from(places).unwrap_or(0),
                audience,
                chosen,
                along,
                created_by_name: name.unwrap_or_default(),
                created_by,
                updated_at: ts(updated_at),
                revision: u32::try_from(revision).unwrap_or(0),
                id,
            });
        }
        Ok(out)
    }

    /// Saves a new item (`existing` None) or a change to one the member may
    /// see. Changing someone else's plan needs [`may_change_agenda_item`].
    /// Returns the item's id.
    pub async fn save_agenda_item(
        &self,
        cap: &Can<act::PlanAgenda>,
        existing: Option<&Item>,
        new: &NewItem,
        now: Timestamp,
    ) -> Result<String> {
        let circle = cap.circle_id();
        if let Some(old) = existing
            && !may_change_agenda_item(cap.role(), cap.manages(), &old.created_by == cap.member_id())
        {
            return Err(Error::Forbidden);
        }
        if existing.is_some_and(|old| old.kind != new.kind) {
            return Err(Error::field("kind", "agenda-kind-fixed"));
        }
        let mut tx = self.begin().await?;
        let mut chosen = new.chosen.clone();
        if new.audience == Audience::Chosen && !chosen.contains(cap.member_id()) {
            chosen.push(cap.member_id().clone());
        }
        check_members(&mut tx, circle, "chosen", &chosen, now).await?;
        check_members(&mut tx, circle, "along", &new.along, now).await?;
        let s = &new.series;
        let (minutes, days) = match s.length {
            Length::Minutes(m) => (Some(i64::from(m)), None),
            Length::WholeDays(d) => (None, Some(i64::from(d))),
        };
        let (repeat, every, weekdays, until, times) = repeat_columns(s);
        // A change keeps the occurrences moved and cancelled before it.
        let reaches = match existing {
            Some(old) => {
                Series { moved: old.series.moved.clone(), cancelled: old.series.cancelled.clone(), ..s.clone() }
            }
            None => s.clone(),
        }
        .reaches_until()
        .to_string();
        let id = match existing {
            None => {
                let id = uuid::Uuid::now_v7().to_string();
                tx.exec(
                    "INSERT INTO agenda_items (id, circle_id, kind, title, place, notes, elsewhere, starts_at, \
                     length_minutes, whole_days, repeat, every, weekdays, until_on, times, places, audience, \
                     created_by, created_at, updated_at, revision, reaches_until) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $19, 0, $20)",
                    args![&id, circle.as_str(), new.kind.as_str(), &new.title, &new.place, &new.notes, new.elsewhere, local(s.start), minutes, days, repeat, every, &weekdays, &until, times, i64::from(new.places), new.audience.as_str(), cap.member_id().as_str(), ms(now), &reaches],
                ).await?;
                id
            }
            Some(old) => {
                lock_item(&mut tx, &old.id).await?;
                tx.exec_found(
                    "UPDATE agenda_items SET title = $3, place = $4, notes = $5, elsewhere = $6, starts_at = $7, \
                     length_minutes = $8, whole_days = $9, repeat = $10, every = $11, weekdays = $12, until_on = $13, \
                     times = $14, places = $15, audience = $16, updated_at = $17, revision = revision + 1, \
                     reaches_until = $18 WHERE id = $1 AND circle_id = $2",
                    args![
                        &old.id,
                        circle.as_str(),
                        &new.title,
                        &new.place,
                        &new.notes,
                        new.elsewhere,
                        local(s.start),
                        minutes,
                        days,
                        repeat,
                        every,
                        &weekdays,
                        &until,
                        times,
                        i64::from(new.places),
                        new.audience.as_str(),
                        ms(now),
                        &reaches
                    ],
                )
                .await?;
                old.id.clone()
            }
        };
        for (table, members) in [("agenda_chosen", &chosen), ("agenda_along", &new.along)] {
            tx.exec(&format!("DELETE FROM {table} WHERE item_id = $1"), args![&id]).await?;
            for m in members {
                tx.exec(
                    &format!("INSERT INTO {table} (item_id, member_id) VALUES ($1, $2)"),
                    args![&id, m.to_string()],
                )
                .await?;
            }
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Removes an item with its sign-ups and exceptions.
    pub async fn delete_agenda_item(&self, cap: &Can<act::PlanAgenda>, item: &Item) -> Result<()> {
        if !may_change_agenda_item(cap.role(), cap.manages(), &item.created_by == cap.member_id()) {
            return Err(Error::Forbidden);
        }
        let mut tx = self.begin().await?;
        lock_item(&mut tx, &item.id).await?;
        tx.exec("DELETE FROM shift_swaps WHERE item_id = $1 OR return_item = $1", args![&item.id]).await?;
        tx.exec_found(
            "DELETE FROM agenda_items WHERE id = $1 AND circle_id = $2",
            args![&item.id, cap.circle_id().to_string()],
        )
        .await?;
        tx.commit().await
    }

    /// Cancels, moves or restores one occurrence. A cancelled shift
    /// occurrence loses its sign-ups; the caller tells the people in it.
    pub async fn change_occurrence(
        &self,
        cap: &Can<act::PlanAgenda>,
        item: &Item,
        original: Date,
        change: OccurrenceChange,
        now: Timestamp,
    ) -> Result<()> {
        if !may_change_agenda_item(cap.role(), cap.manages(), &item.created_by == cap.member_id()) {
            return Err(Error::Forbidden);
        }
        let mut tx = self.begin().await?;
        lock_item(&mut tx, &item.id).await?;
        let (id, on) = (&item.id, original.to_string());
        let mut series = item.series.clone();
        series.moved.remove(&original);
        series.cancelled.retain(|d| *d != original);
        tx.exec("DELETE FROM agenda_exceptions WHERE item_id = $1 AND original_on = $2", args![id, &on]).await?;
        match change {
            OccurrenceChange::Restore => {}
            OccurrenceChange::Cancel => {
                tx.exec(
                    "INSERT INTO agenda_exceptions (item_id, original_on, cancelled, moved_to) VALUES ($1, $2, TRUE, NULL)",
                    args![id, &on],
                )
                .await?;
                tx.exec("DELETE FROM shift_signups WHERE item_id = $1 AND on_date = $2", args![id, &on]).await?;
                series.cancelled.push(original);
            }
            OccurrenceChange::Move(to) => {
                series.moved.insert(original, to);
                tx.exec(
                    "INSERT INTO agenda_exceptions (item_id, original_on, cancelled, moved_to) VALUES ($1, $2, FALSE, $3)",
                    args![id, &on, local(to)],
                )
                .await?;
            }
        }
        // Calendar apps see the change through the item's revision; a time
        // moved later makes the item reach further.
        tx.exec(
            "UPDATE agenda_items SET revision = revision + 1, updated_at = $2, reaches_until = $3 WHERE id = $1",
            args![&item.id, ms(now), series.reaches_until().to_string()],
        )
        .await?;
        tx.commit().await
    }
}
