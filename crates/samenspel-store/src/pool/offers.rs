//! Offers: a circle's help request or open shift put to its organisation's
//! pool. Writing one takes both the circle's `Can<AskPool>` and the
//! organisation's `OrgCan<KeepPool>` (a circle's coordinator who does not
//! keep the pool cannot reach it). The volunteer's side is in [`super::placement`].

use super::rows::{VolunteerRow, volunteer};
use crate::access::{Can, CurrentUser, OrgCan};
use crate::db::{Store, Tx, ms};
use crate::sql::{args, db_row};
use jiff::civil::DateTime;
use samenspel_core::access::{act, oact};
use samenspel_core::audit::{Operation, Source};
use samenspel_core::ids::{CircleId, OrganisationId};
use samenspel_core::pool::Volunteer;
use samenspel_core::pool::offers::{Answer, NewOffer, Offer, Source as From, Status};
use samenspel_core::{Error, Result, Timestamp};

db_row! {
    pub(super) struct OfferRow {
        id: String, organisation_id: String, circle_id: String, help: Option<String>, item: Option<String>,
        on: Option<String>, first_name: String, area: String, what: String, starts: String, ends: String,
        until_on: Option<String>, status: String, asked: Option<String>, asked_name: Option<String>,
    }
}

pub(super) const SELECT: &str = "SELECT o.id, o.organisation_id, o.circle_id, o.help_request_id, o.item_id, o.on_date, \
     o.first_name, o.area, o.what, o.starts_at, o.ends_at, o.until_on, o.status, o.asked_volunteer, u.display_name \
     FROM pool_offers o LEFT JOIN pool_volunteers p ON p.id = o.asked_volunteer LEFT JOIN users u ON u.id = p.user_id ";

pub(super) fn offer(r: OfferRow) -> Result<Offer> {
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
}
