//! Offers: a circle's help request or open shift put to its organisation's
//! pool. Writing one takes both the circle's `Can<AskPool>` and the
//! organisation's `OrgCan<KeepPool>` (a circle's coordinator who does not
//! keep the pool cannot reach it); answering and accepting take the
//! volunteer's own `OrgCan<VolunteerInPool>`.

use super::rows::{VolunteerRow, volunteer};
use crate::access::{Can, CurrentUser, OrgCan};
use crate::db::{Store, Tx, ms};
use crate::sql::{args, db_row};
use jiff::civil::DateTime;
use samenspel_core::access::{act, oact};
use samenspel_core::audit::{Operation, Source};
use samenspel_core::ids::{CircleId, MemberId, OrganisationId};
use samenspel_core::pool::Volunteer;
use samenspel_core::pool::offers::{Answer, NewOffer, Offer, Source as From, Status, placement_ends};
use samenspel_core::role::Role;
use samenspel_core::{Error, Result, Timestamp};

db_row! {
    struct OfferRow {
        id: String, organisation_id: String, circle_id: String, help: Option<String>, item: Option<String>,
        on: Option<String>, first_name: String, area: String, what: String, starts: String, ends: String,
        until_on: Option<String>, status: String, asked: Option<String>, asked_name: Option<String>,
    }
}

const SELECT: &str = "SELECT o.id, o.organisation_id, o.circle_id, o.help_request_id, o.item_id, o.on_date, \
     o.first_name, o.area, o.what, o.starts_at, o.ends_at, o.until_on, o.status, o.asked_volunteer, u.display_name \
     FROM pool_offers o LEFT JOIN pool_volunteers p ON p.id = o.asked_volunteer LEFT JOIN users u ON u.id = p.user_id ";

fn offer(r: OfferRow) -> Result<Offer> {
    let bad = || Error::internal(format!("pool offer {} is malformed", r.id));
    let source = match (&r.help, &r.item, &r.on) {
        (Some(h), _, _) => From::Help(h.clone()),
        (None, Some(i), Some(on)) => From::Shift { item: i.clone(), on: on.parse().map_err(|_| bad())? },
        _ => return Err(bad()),
    };
    Ok(Offer {
        source,
        organisation_id: OrganisationId::from_db(r.organisation_id.clone()),
        circle_id: CircleId::from_db(r.circle_id.clone()),
        first_name: r.first_name.clone(),
        area: r.area.clone(),
        what: r.what.clone(),
        starts: r.starts.parse::<DateTime>().map_err(|_| bad())?,
        ends: r.ends.parse::<DateTime>().map_err(|_| bad())?,
        until_on: r.until_on.as_deref().and_then(|d| d.parse().ok()),
        status: Status::parse(&r.status).ok_or_else(bad)?,
        asked: r.asked.clone().zip(r.asked_name.clone()),
        id: r.id,
    })
}

/// The circle belongs to the pool's organisation; otherwise the pool does not exist for it.
async fn same_organisation(tx: &mut Tx, circle: &CircleId, org: &OrganisationId) -> Result<()> {
    let of: Option<Option<String>> =
        tx.opt("SELECT organisation_id FROM circles WHERE id = $1", args![circle.as_str()]).await?;
    match of.flatten() {
        Some(o) if o == org.as_str() => Ok(()),
        _ => Err(Error::NotFound),
    }
}

impl Store {
    /// Puts a help request or open shift to the pool. The source must be the
    /// circle's own, still open, and not already with the pool.
    pub async fn put_to_pool(
        &self,
        cap: &Can<act::AskPool>,
        keep: &OrgCan<oact::KeepPool>,
        new: &NewOffer,
        (starts, ends): (DateTime, DateTime),
        now: Timestamp,
    ) -> Result<String> {
        let circle = cap.circle_id();
        let mut tx = self.begin().await?;
        same_organisation(&mut tx, circle, keep.organisation_id()).await?;
        let (help, item, on) = match &new.source {
            From::Help(id) => {
                let open: Option<String> = tx
                    .opt(
                        "SELECT id FROM help_requests WHERE id = $1 AND circle_id = $2 AND status = 'open'",
                        args![id, circle.as_str()],
                    )
                    .await?;
                open.ok_or(Error::field("source", "pool-source-gone"))?;
                (Some(id.clone()), None, None)
            }
            From::Shift { item, on } => {
                let shift: Option<String> = tx
                    .opt(
                        "SELECT id FROM agenda_items WHERE id = $1 AND circle_id = $2 AND kind = 'shift'",
                        args![item, circle.as_str()],
                    )
                    .await?;
                shift.ok_or(Error::field("source", "pool-source-gone"))?;
                (None, Some(item.clone()), Some(on.to_string()))
            }
        };
        let already: Option<String> = tx
            .opt(
                "SELECT id FROM pool_offers WHERE circle_id = $1 AND status IN ('open', 'asked') AND \
                 ((help_request_id IS NOT NULL AND help_request_id = $2) OR (item_id = $3 AND on_date = $4))",
                args![circle.as_str(), help.clone(), item.clone(), on.clone()],
            )
            .await?;
        if already.is_some() {
            return Err(Error::Conflict("pool-already-asked"));
        }
        let id = uuid::Uuid::now_v7().to_string();
        tx.exec(
            "INSERT INTO pool_offers (id, organisation_id, circle_id, help_request_id, item_id, on_date, first_name, \
             area, what, starts_at, ends_at, until_on, status, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'open', $13, $14)",
            args![
                &id,
                keep.organisation_id().as_str(),
                circle.as_str(),
                help,
                item,
                on,
                &new.first_name,
                &new.area,
                &new.what,
                starts.to_string(),
                ends.to_string(),
                new.until_on.map(|d| d.to_string()),
                cap.user_id().as_str(),
                ms(now)
            ],
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The circle's offers, the open ones first, newest first.
    pub async fn circle_offers(&self, cap: &Can<act::AskPool>) -> Result<Vec<Offer>> {
        let rows: Vec<OfferRow> = self
            .all(
                &format!(
                    "{SELECT}WHERE o.circle_id = $1 ORDER BY CASE WHEN o.status IN ('open', 'asked') THEN 0 ELSE 1 END, \
                     o.created_at DESC LIMIT 50"
                ),
                args![cap.circle_id().as_str()],
            )
            .await?;
        rows.into_iter().map(offer).collect()
    }

    /// Every volunteer of the pool with their answer to one offer of the circle.
    pub async fn offer_candidates(
        &self,
        cap: &Can<act::AskPool>,
        keep: &OrgCan<oact::KeepPool>,
        id: &str,
    ) -> Result<(Offer, Vec<(Volunteer, Option<Answer>)>)> {
        let row: OfferRow = self
            .one(
                &format!("{SELECT}WHERE o.id = $1 AND o.circle_id = $2 AND o.organisation_id = $3"),
                args![id, cap.circle_id().as_str(), keep.organisation_id().as_str()],
            )
            .await?;
        let offer = offer(row)?;
        let answers: Vec<(String, String)> =
            self.all("SELECT volunteer_id, answer FROM pool_answers WHERE offer_id = $1", args![id]).await?;
        let volunteers = self.pool_volunteers(keep).await?;
        let out = volunteers
            .into_iter()
            .map(|v| {
                let a = answers.iter().find(|(vid, _)| *vid == v.id).and_then(|(_, a)| Answer::parse(a));
                (v, a)
            })
            .collect();
        Ok((offer, out))
    }

    /// Asks one volunteer to take the offer: they accept (or decline) on
    /// their own page. The service checked their VOG; it is checked again here.
    #[allow(clippy::too_many_arguments)]
    pub async fn ask_volunteer(
        &self,
        me: &CurrentUser,
        cap: &Can<act::AskPool>,
        keep: &OrgCan<oact::KeepPool>,
        id: &str,
        volunteer_id: &str,
        mails: &(dyn Fn(&Volunteer, &Offer) -> Vec<crate::jobs::NewJob> + Sync),
        source: &Source,
        now: Timestamp,
    ) -> Result<()> {
        let org = keep.organisation_id();
        let mut tx = self.begin().await?;
        let row: Option<OfferRow> = tx
            .opt(
                &format!("{SELECT}WHERE o.id = $1 AND o.circle_id = $2 AND o.organisation_id = $3"),
                args![id, cap.circle_id().as_str(), org.as_str()],
            )
            .await?;
        let offer = offer(row.ok_or(Error::NotFound)?)?;
        if offer.status != Status::Open {
            return Err(Error::Conflict("pool-offer-not-open"));
        }
        let row: Option<VolunteerRow> = tx
            .opt(
                &format!("{}WHERE p.organisation_id = $1 AND p.id = $2", super::rows::SELECT),
                args![org.as_str(), volunteer_id],
            )
            .await?;
        let v = volunteer(row.ok_or(Error::field("volunteer", "pool-volunteer-unknown"))?, &[]);
        let rules = super::rules_in(&mut tx, org).await?;
        if !v.active || !rules.placeable(v.vog_issued_on, crate::db::today(now)) {
            return Err(Error::field("volunteer", "pool-vog-needed"));
        }
        tx.exec(
            "UPDATE pool_offers SET status = 'asked', asked_volunteer = $2, decided_at = $3 WHERE id = $1",
            args![id, volunteer_id, ms(now)],
        )
        .await?;
        crate::audit::record_change(&mut tx, me, Operation::Update, "pool.ask", "pool-offer", id, source, now).await?;
        tx.finish(&mails(&v, &offer), now).await
    }

    /// Takes an offer back from the pool (open or asked).
    pub async fn close_offer(
        &self,
        cap: &Can<act::AskPool>,
        keep: &OrgCan<oact::KeepPool>,
        id: &str,
        now: Timestamp,
    ) -> Result<()> {
        let n = self
            .exec(
                "UPDATE pool_offers SET status = 'closed', decided_at = $4 \
                 WHERE id = $1 AND circle_id = $2 AND organisation_id = $3 AND status IN ('open', 'asked')",
                args![id, cap.circle_id().as_str(), keep.organisation_id().as_str(), ms(now)],
            )
            .await?;
        if n == 0 { Err(Error::Conflict("pool-offer-not-open")) } else { Ok(()) }
    }

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
