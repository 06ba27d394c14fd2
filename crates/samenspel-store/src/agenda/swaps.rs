//! Swapping a shift with someone else in the circle.

use super::*;

impl Store {
    /// Proposes to hand one's place in an occurrence to `to`, optionally
    /// taking one of their occurrences in return. `to` accepts or declines.
    pub async fn propose_swap(
        &self,
        cap: &Can<act::TakeShifts>,
        item: &Item,
        on: Date,
        to: &MemberId,
        in_return: Option<(&Item, Date)>,
        now: Timestamp,
    ) -> Result<String> {
        if to == cap.member_id() {
            return Err(Error::field("to", "swap-with-yourself"));
        }
        let mut tx = self.begin().await?;
        let role = match target_role(&mut tx, cap.circle_id(), to, now).await {
            Ok(role) => role,
            Err(Error::NotFound) => return Err(Error::field("to", "member-not-in-circle")),
            Err(e) => return Err(e),
        };
        // The asked member must be able to take the place: someone who takes
        // shifts (not the client) and who sees this shift — within its
        // audience, or taking part in it already. Otherwise the swap could
        // never be accepted.
        let sees = AudienceScope::for_role(to.clone(), role, cap.consent()).can_see(
            item.audience,
            &item.created_by,
            &item.chosen,
        ) || item.along.iter().any(|(m, _)| m == to)
            || in_item(&mut tx, &item.id, to).await?;
        if !permitted(role, false, false, cap.consent(), CircleAction::TakeShifts) || !sees {
            return Err(Error::field("to", "swap-member-cannot-take"));
        }
        if !signed_up(&mut tx, &item.id, on, cap.member_id()).await? {
            return Err(Error::Conflict("not-signed-up"));
        }
        if signed_up(&mut tx, &item.id, on, to).await? {
            return Err(Error::field("to", "swap-already-in-shift"));
        }
        if let Some((back, back_on)) = in_return
            && !signed_up(&mut tx, &back.id, back_on, to).await?
        {
            return Err(Error::field("in_return", "swap-return-not-theirs"));
        }
        let open: i64 = tx.one(
            "SELECT COUNT(*) FROM shift_swaps WHERE item_id = $1 AND on_date = $2 AND from_member = $3 AND status = 'open'",
            args![&item.id, on.to_string(), cap.member_id().as_str()],
        )
        .await?;
        if open > 0 {
            return Err(Error::Conflict("swap-already-proposed"));
        }
        let id = uuid::Uuid::now_v7().to_string();
        tx.exec(
            "INSERT INTO shift_swaps (id, item_id, on_date, from_member, to_member, return_item, return_on, status, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8)",
            args![&id, &item.id, on.to_string(), cap.member_id().as_str(), to.as_str(), in_return.map(|(i, _)| i.id.clone()), in_return.map(|(_, d)| d.to_string()), ms(now)],
        ).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Open swaps this member proposed or was asked to accept, in the circle.
    pub async fn open_swaps(&self, cap: &Can<act::TakeShifts>) -> Result<Vec<Swap>> {
        db_row! {
            struct Row {
                id: String,
                item: String,
                on: String,
                from: String,
                from_name: Option<String>,
                to: String,
                to_name: Option<String>,
                back: Option<String>,
                back_on: Option<String>,
                at: i64,
            }
        }
        let rows: Vec<Row> = self
            .all(
                &format!(
                    "SELECT s.id, s.item_id, s.on_date, s.from_member, {NAME}s.from_member), s.to_member, {NAME}s.to_member), \
             s.return_item, s.return_on, s.created_at FROM shift_swaps s JOIN agenda_items i ON i.id = s.item_id \
             WHERE i.circle_id = $1 AND s.status = 'open' AND (s.from_member = $2 OR s.to_member = $2) \
             ORDER BY s.created_at"
                ),
                args![cap.circle_id().as_str(), cap.member_id().as_str()],
            )
            .await?;
        rows.into_iter()
            .map(|Row { id, item, on, from, from_name, to, to_name, back, back_on, at }| {
                Ok(Swap {
                    id,
                    item_id: item,
                    on: date(&on)?,
                    from: MemberId::from_db(from),
                    from_name: from_name.unwrap_or_default(),
                    to: MemberId::from_db(to),
                    to_name: to_name.unwrap_or_default(),
                    in_return: match (back, back_on) {
                        (Some(i), Some(d)) => Some((i, date(&d)?)),
                        _ => None,
                    },
                    created_at: ts(at),
                })
            })
            .collect()
    }

    /// The asked member accepts (the places change hands, in one
    /// transaction) or declines; the proposer may withdraw.
    pub async fn answer_swap(
        &self,
        cap: &Can<act::TakeShifts>,
        swap: &Swap,
        accept: bool,
        now: Timestamp,
    ) -> Result<()> {
        let me = cap.member_id();
        let status = match (accept, &swap.to == me, &swap.from == me) {
            (true, true, _) => "accepted",
            (false, true, _) => "declined",
            (false, false, true) => "withdrawn",
            _ => return Err(Error::Forbidden),
        };
        let mut tx = self.begin().await?;
        // Both shifts of a swap in return are held, always in the same order,
        // so two opposite swaps accepted at once wait for each other instead
        // of deadlocking.
        let mut held: Vec<&str> =
            std::iter::once(swap.item_id.as_str()).chain(swap.in_return.as_ref().map(|(i, _)| i.as_str())).collect();
        held.sort_unstable();
        held.dedup();
        for item in held {
            lock_item(&mut tx, item).await?;
        }
        let n = tx
            .exec(
                "UPDATE shift_swaps SET status = $2, decided_at = $3 WHERE id = $1 AND status = 'open'",
                args![&swap.id, status, ms(now)],
            )
            .await?;
        if n == 0 {
            return Err(Error::Conflict("swap-no-longer-open"));
        }
        if accept {
            if signed_up(&mut tx, &swap.item_id, swap.on, me).await? {
                return Err(Error::Conflict("already-signed-up"));
            }
            move_signup(&mut tx, &swap.item_id, swap.on, &swap.from, me, now).await?;
            if let Some((back, back_on)) = &swap.in_return {
                if signed_up(&mut tx, back, *back_on, &swap.from).await? {
                    return Err(Error::Conflict("already-signed-up"));
                }
                move_signup(&mut tx, back, *back_on, me, &swap.from, now).await?;
            }
        }
        tx.commit().await
    }
}
