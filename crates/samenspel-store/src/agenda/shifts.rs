//! The rota: who signed up for which shift, taking, giving back and
//! confirming a place, and the hours each member gave.

use super::*;

/// One member's hours on the rota over a period: for the person who set it up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hours {
    pub member_id: MemberId,
    pub name: String,
    pub shifts: u32,
    pub minutes: u64,
}

impl Store {
    /// Sign-ups for the given shifts between two dates (inclusive). A
    /// sign-up is for one of an item's own dates, so its item reaches that
    /// date: the read walks the items that reach `from`, not the circle's
    /// history.
    pub async fn shift_signups(
        &self,
        cap: &Can<act::ViewAgenda>,
        items: &[&Item],
        from: Date,
        to: Date,
    ) -> Result<Vec<SignUp>> {
        db_row! {
            struct Row { item: String, on: String, member: String, name: Option<String>, confirmed: Option<i64> }
        }
        let rows: Vec<Row> = self
            .all(
                &format!(
                    "SELECT s.item_id, s.on_date, s.member_id, {NAME}s.member_id), s.confirmed_at FROM shift_signups s \
                 JOIN agenda_items i ON i.id = s.item_id \
                 WHERE i.circle_id = $1 AND i.reaches_until >= $2 AND s.on_date >= $2 AND s.on_date <= $3 \
                 ORDER BY s.signed_up_at"
                ),
                args![cap.circle_id().as_str(), from.to_string(), to.to_string()],
            )
            .await?;
        let mut out = Vec::new();
        for Row { item, on, member, name, confirmed } in rows {
            if items.iter().any(|i| i.id == item) {
                out.push(SignUp {
                    item_id: item,
                    on: date(&on)?,
                    member_id: MemberId::from_db(member),
                    name: name.unwrap_or_default(),
                    confirmed: confirmed.is_some(),
                });
            }
        }
        Ok(out)
    }

    /// Takes a place in one occurrence of a shift. The caller checked that
    /// the date is an occurrence. Exactly one of two members who take the
    /// last place at the same moment gets it; the other hears "shift-full".
    /// Whether it is a shift and how many places it has are read here, under
    /// the lock, from the capability's own circle.
    pub async fn sign_up_for_shift(
        &self,
        cap: &Can<act::TakeShifts>,
        item: &Item,
        on: Date,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        lock_item(&mut tx, &item.id).await?;
        let places = shift_places(&mut tx, cap.circle_id(), &item.id).await?;
        if signed_up(&mut tx, &item.id, on, cap.member_id()).await? {
            return Err(Error::Conflict("already-signed-up"));
        }
        if taken(&mut tx, &item.id, on).await? >= places {
            return Err(Error::Conflict("shift-full"));
        }
        tx.exec(
            "INSERT INTO shift_signups (item_id, on_date, member_id, signed_up_at) VALUES ($1, $2, $3, $4)",
            args![&item.id, on.to_string(), cap.member_id().as_str(), ms(now)],
        )
        .await?;
        tx.commit().await
    }

    /// Gives one's place in an occurrence back: the shift is open again.
    /// Open swaps of that place lapse.
    pub async fn give_shift_back(&self, cap: &Can<act::TakeShifts>, item: &Item, on: Date) -> Result<()> {
        let mut tx = self.begin().await?;
        lock_item(&mut tx, &item.id).await?;
        let (id, day, me) = (&item.id, on.to_string(), cap.member_id().as_str());
        let n = tx
            .exec(
                "DELETE FROM shift_signups WHERE item_id = $1 AND on_date = $2 AND member_id = $3",
                args![id, &day, me],
            )
            .await?;
        if n == 0 {
            return Err(Error::Conflict("not-signed-up"));
        }
        tx.exec(
            "UPDATE shift_swaps SET status = 'withdrawn' WHERE status = 'open' AND item_id = $1 AND on_date = $2 \
             AND from_member = $3",
            args![id, &day, me],
        )
        .await?;
        tx.commit().await
    }

    /// Says "I'll be there" for a shift one is signed up for.
    pub async fn confirm_shift(&self, cap: &Can<act::TakeShifts>, item: &Item, on: Date, now: Timestamp) -> Result<()> {
        let mut tx = self.begin().await?;
        let n = tx
            .exec(
                "UPDATE shift_signups SET confirmed_at = $4 WHERE item_id = $1 AND on_date = $2 AND member_id = $3",
                args![&item.id, on.to_string(), cap.member_id().as_str(), ms(now)],
            )
            .await?;
        if n == 0 {
            return Err(Error::Conflict("not-signed-up"));
        }
        tx.commit().await
    }

    /// Hours on the rota per member between two dates, from the occurrences
    /// the caller worked out: (item id, date, minutes).
    pub async fn rota_hours(
        &self,
        cap: &Can<act::ViewAgenda>,
        occurrences: &[(String, Date, u32)],
        from: Date,
        to: Date,
    ) -> Result<Vec<Hours>> {
        let rows: Vec<(String, String, String, Option<String>)> = self
            .all(
                &format!(
                    "SELECT s.item_id, s.on_date, s.member_id, {NAME}s.member_id) FROM shift_signups s \
             JOIN agenda_items i ON i.id = s.item_id \
             WHERE i.circle_id = $1 AND i.reaches_until >= $2 AND s.on_date >= $2 AND s.on_date <= $3"
                ),
                args![cap.circle_id().as_str(), from.to_string(), to.to_string()],
            )
            .await?;
        let mut by: BTreeMap<String, Hours> = BTreeMap::new();
        for (item, on, member, name) in rows {
            let on = date(&on)?;
            let Some((_, _, minutes)) = occurrences.iter().find(|(i, d, _)| *i == item && *d == on) else { continue };
            let h = by.entry(member.clone()).or_insert_with(|| Hours {
                member_id: MemberId::from_db(member),
                name: name.unwrap_or_default(),
                shifts: 0,
                minutes: 0,
            });
            h.shifts += 1;
            h.minutes += u64::from(*minutes);
        }
        let mut out: Vec<Hours> = by.into_values().collect();
        out.sort_by(|a, b| b.minutes.cmp(&a.minutes).then_with(|| a.name.cmp(&b.name)));
        Ok(out)
    }
}
