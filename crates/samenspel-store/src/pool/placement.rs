//! The volunteer's side of an offer, with their own `OrgCan<VolunteerInPool>`:
//! what reaches them, answering, and accepting (joining the circle) or
//! declining what they were asked.

use super::offers::{OfferRow, SELECT, offer};
use super::rows::{VolunteerRow, volunteer};
use crate::access::{CurrentUser, OrgCan};
use crate::db::{Store, Tx, ms};
use crate::sql::args;
use samenspel_core::access::oact;
use samenspel_core::audit::{Operation, Source};
use samenspel_core::ids::{CircleId, MemberId};
use samenspel_core::pool::Volunteer;
use samenspel_core::pool::offers::{Answer, Offer, Source as From, Status, placement_ends};
use samenspel_core::role::Role;
use samenspel_core::{Error, Result, Timestamp};

impl Store {
    /// What the pool holds for the volunteer: open offers of the organisation
    /// not yet past, and those they were asked for or placed in (recent ones).
    /// The service decides which open ones reach them.
    pub async fn pool_offers_for_me(
        &self,
        cap: &OrgCan<oact::VolunteerInPool>,
        now: Timestamp,
    ) -> Result<(Volunteer, Vec<(Offer, Option<Answer>)>)> {
        let me = self.my_pool_record(cap).await?;
        let today = crate::db::today(now).to_string();
        let rows: Vec<OfferRow> = self
            .all(
                &format!(
                    "{SELECT}WHERE o.organisation_id = $1 AND o.starts_at >= $3 AND \
                     (o.status = 'open' OR (o.status IN ('asked', 'placed') AND o.asked_volunteer = $2)) \
                     ORDER BY o.starts_at LIMIT 100"
                ),
                args![cap.organisation_id().as_str(), &me.id, today],
            )
            .await?;
        let answers: Vec<(String, String)> =
            self.all("SELECT offer_id, answer FROM pool_answers WHERE volunteer_id = $1", args![&me.id]).await?;
        let offers = rows
            .into_iter()
            .map(|r| {
                let o = offer(r)?;
                let a = answers.iter().find(|(id, _)| *id == o.id).and_then(|(_, a)| Answer::parse(a));
                Ok((o, a))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok((me, offers))
    }

    /// The volunteer's answer to an open offer the service found reaches them.
    pub async fn answer_offer(
        &self,
        cap: &OrgCan<oact::VolunteerInPool>,
        volunteer: &str,
        id: &str,
        answer: Answer,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let status: Option<String> = tx
            .opt(
                "SELECT status FROM pool_offers WHERE id = $1 AND organisation_id = $2",
                args![id, cap.organisation_id().as_str()],
            )
            .await?;
        match status.as_deref() {
            None => return Err(Error::NotFound),
            Some("open") => {}
            Some(_) => return Err(Error::Conflict("pool-offer-not-open")),
        }
        tx.exec(
            "INSERT INTO pool_answers (offer_id, volunteer_id, answer, answered_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (offer_id, volunteer_id) DO UPDATE SET answer = excluded.answer, answered_at = excluded.answered_at",
            args![id, volunteer, answer.as_str(), ms(now)],
        )
        .await?;
        tx.commit().await
    }

    /// The asked volunteer accepts: they become a volunteer in the circle
    /// (until the offer's end day when it is short-term), offer their help
    /// on the request or take the shift's place when one is free.
    pub async fn accept_offer(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::VolunteerInPool>,
        id: &str,
        source: &Source,
        now: Timestamp,
    ) -> Result<(CircleId, MemberId)> {
        let org = cap.organisation_id();
        let mut tx = self.begin().await?;
        let (offer, volunteer) = asked_of_me(&mut tx, cap, id).await?;
        let rules = super::rules_in(&mut tx, org).await?;
        if !rules.placeable(volunteer.vog_issued_on, crate::db::today(now)) {
            return Err(Error::Conflict("pool-vog-needed"));
        }
        let circle = offer.circle_id.clone();
        let user = cap.user_id();
        let existing: Option<String> = tx
            .opt(
                "SELECT id FROM memberships WHERE circle_id = $1 AND user_id = $2 AND ended_at IS NULL",
                args![circle.as_str(), user.as_str()],
            )
            .await?;
        let member = match existing {
            Some(m) => MemberId::from_db(m),
            None => {
                let until = offer.until_on.and_then(placement_ends);
                let by: Option<String> = tx.one("SELECT created_by FROM pool_offers WHERE id = $1", args![id]).await?;
                crate::circles::insert_membership(
                    &mut tx,
                    &circle,
                    user,
                    Role::Volunteer,
                    "",
                    false,
                    false,
                    until,
                    by.as_deref(),
                    now,
                )
                .await?
            }
        };
        match &offer.source {
            From::Help(request) => {
                tx.exec(
                    "INSERT INTO help_responses (request_id, member_id, message, created_at) \
                     SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM help_requests WHERE id = $1 AND status = 'open') \
                     ON CONFLICT (request_id, member_id) DO NOTHING",
                    args![request, member.as_str(), "", ms(now)],
                )
                .await?;
            }
            From::Shift { item, on } => {
                let on = on.to_string();
                tx.exec(
                    "INSERT INTO shift_signups (item_id, on_date, member_id, signed_up_at, confirmed_at) \
                     SELECT $1, $2, $3, $4, $4 WHERE (SELECT COUNT(*) FROM shift_signups WHERE item_id = $1 AND on_date = $2) \
                     < (SELECT places FROM agenda_items WHERE id = $1) ON CONFLICT DO NOTHING",
                    args![item, on, member.as_str(), ms(now)],
                )
                .await?;
            }
        }
        tx.exec(
            "UPDATE pool_offers SET status = 'placed', member_id = $2, decided_at = $3 WHERE id = $1",
            args![id, member.as_str(), ms(now)],
        )
        .await?;
        crate::audit::record_change(&mut tx, me, Operation::Create, "pool.accept", "pool-offer", id, source, now)
            .await?;
        tx.commit().await?;
        Ok((circle, member))
    }

    /// The asked volunteer declines: the offer is open again for others.
    pub async fn decline_offer(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::VolunteerInPool>,
        id: &str,
        source: &Source,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let (_, volunteer) = asked_of_me(&mut tx, cap, id).await?;
        tx.exec(
            "UPDATE pool_offers SET status = 'open', asked_volunteer = NULL, decided_at = $2 WHERE id = $1",
            args![id, ms(now)],
        )
        .await?;
        tx.exec(
            "INSERT INTO pool_answers (offer_id, volunteer_id, answer, answered_at) VALUES ($1, $2, 'no', $3) \
             ON CONFLICT (offer_id, volunteer_id) DO UPDATE SET answer = 'no', answered_at = excluded.answered_at",
            args![id, &volunteer.id, ms(now)],
        )
        .await?;
        crate::audit::record_change(&mut tx, me, Operation::Update, "pool.decline", "pool-offer", id, source, now)
            .await?;
        tx.commit().await
    }
}

/// The offer, asked of the holder and still waiting for them.
async fn asked_of_me(tx: &mut Tx, cap: &OrgCan<oact::VolunteerInPool>, id: &str) -> Result<(Offer, Volunteer)> {
    let org = cap.organisation_id();
    let row: Option<VolunteerRow> = tx
        .opt(
            &format!("{}WHERE p.organisation_id = $1 AND p.user_id = $2", super::rows::SELECT),
            args![org.as_str(), cap.user_id().as_str()],
        )
        .await?;
    let me = volunteer(row.ok_or(Error::NotFound)?, &[]);
    let row: Option<OfferRow> = tx
        .opt(
            &format!("{SELECT}WHERE o.id = $1 AND o.organisation_id = $2 AND o.asked_volunteer = $3"),
            args![id, org.as_str(), &me.id],
        )
        .await?;
    let offer = offer(row.ok_or(Error::NotFound)?)?;
    if offer.status != Status::Asked {
        return Err(Error::Conflict("pool-offer-not-open"));
    }
    Ok((offer, me))
}
