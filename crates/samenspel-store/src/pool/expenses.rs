//! Expense claims: a volunteer claims kilometres (at the organisation's rate
//! of that day) and costs; a keeper of the pool approves or refuses them,
//! never their own.

use crate::access::{CurrentUser, OrgCan};
use crate::db::{Store, ms};
use crate::sql::{args, db_row};
use jiff::civil::Date;
use samenspel_core::access::oact;
use samenspel_core::audit::{Operation, Source};
use samenspel_core::pool::expenses::{Claim, NewClaim, Status};
use samenspel_core::{Error, Result, Timestamp};

db_row! {
    struct ClaimRow {
        id: String, volunteer_id: String, name: String, on_date: String, km: i64, km_cents: i64,
        costs_cents: i64, description: String, status: String, decided_by: Option<String>,
    }
}

const SELECT: &str = "SELECT c.id, c.volunteer_id, u.display_name, c.on_date, c.km, c.km_cents, c.costs_cents, \
     c.description, c.status, d.display_name FROM expense_claims c JOIN pool_volunteers p ON p.id = c.volunteer_id \
     JOIN users u ON u.id = p.user_id LEFT JOIN users d ON d.id = c.decided_by ";

fn claim(r: ClaimRow) -> Result<Claim> {
    Ok(Claim {
        on_date: r.on_date.parse().map_err(|_| Error::internal(format!("claim {} has a bad date", r.id)))?,
        status: Status::parse(&r.status).unwrap_or(Status::Submitted),
        id: r.id,
        volunteer_id: r.volunteer_id,
        volunteer_name: r.name,
        km: r.km,
        km_cents: r.km_cents,
        costs_cents: r.costs_cents,
        description: r.description,
        decided_by_name: r.decided_by,
    })
}

/// Which claims a keeper lists.
#[derive(Clone, Copy, Debug, Default)]
pub struct ClaimFilter {
    pub status: Option<Status>,
    /// Claims on days from (inclusive) to (exclusive).
    pub between: Option<(Date, Date)>,
}

impl Store {
    pub async fn submit_claim(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::VolunteerInPool>,
        new: &NewClaim,
        source: &Source,
        now: Timestamp,
    ) -> Result<String> {
        let org = cap.organisation_id();
        let mut tx = self.begin().await?;
        let volunteer: Option<String> = tx
            .opt(
                "SELECT id FROM pool_volunteers WHERE organisation_id = $1 AND user_id = $2",
                args![org.as_str(), cap.user_id().as_str()],
            )
            .await?;
        let volunteer = volunteer.ok_or(Error::NotFound)?;
        let rules = super::rules_in(&mut tx, org).await?;
        let id = uuid::Uuid::now_v7().to_string();
        tx.exec(
            "INSERT INTO expense_claims (id, volunteer_id, on_date, km, km_cents, costs_cents, description, status, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'submitted', $8)",
            args![
                &id,
                &volunteer,
                new.on_date.to_string(),
                new.km,
                if new.km > 0 { rules.km_cents } else { 0 },
                new.costs_cents,
                &new.description,
                ms(now)
            ],
        )
        .await?;
        crate::audit::record_change(&mut tx, me, Operation::Create, "pool.claim", "expense-claim", &id, source, now)
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The volunteer's own claims, newest first.
    pub async fn my_claims(&self, cap: &OrgCan<oact::VolunteerInPool>) -> Result<Vec<Claim>> {
        let rows: Vec<ClaimRow> = self
            .all(
                &format!("{SELECT}WHERE p.organisation_id = $1 AND p.user_id = $2 ORDER BY c.on_date DESC, c.id DESC LIMIT 100"),
                args![cap.organisation_id().as_str(), cap.user_id().as_str()],
            )
            .await?;
        rows.into_iter().map(claim).collect()
    }

    /// The pool's claims, oldest day first.
    pub async fn claims(&self, cap: &OrgCan<oact::KeepPool>, filter: ClaimFilter) -> Result<Vec<Claim>> {
        let (from, to) = filter.between.map(|(a, b)| (a.to_string(), b.to_string())).unwrap_or_default();
        let rows: Vec<ClaimRow> = self
            .all(
                &format!(
                    "{SELECT}WHERE p.organisation_id = $1 AND ($2 = '' OR c.status = $2) \
                     AND ($3 = '' OR (c.on_date >= $3 AND c.on_date < $4)) ORDER BY c.on_date, u.display_name, c.id"
                ),
                args![cap.organisation_id().as_str(), filter.status.map(|s| s.as_str()).unwrap_or(""), from, to],
            )
            .await?;
        rows.into_iter().map(claim).collect()
    }

    /// Approves or refuses a submitted claim. Nobody decides on their own.
    pub async fn decide_claim(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::KeepPool>,
        id: &str,
        approve: bool,
        source: &Source,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let row: Option<(String, String)> = tx
            .opt(
                "SELECT p.user_id, c.status FROM expense_claims c JOIN pool_volunteers p ON p.id = c.volunteer_id \
                 WHERE c.id = $1 AND p.organisation_id = $2",
                args![id, cap.organisation_id().as_str()],
            )
            .await?;
        let (owner, status) = row.ok_or(Error::NotFound)?;
        if owner == cap.user_id().as_str() {
            return Err(Error::Forbidden);
        }
        if status != Status::Submitted.as_str() {
            return Err(Error::Conflict("pool-claim-decided"));
        }
        let to = if approve { Status::Approved } else { Status::Rejected };
        tx.exec(
            "UPDATE expense_claims SET status = $2, decided_by = $3, decided_at = $4 WHERE id = $1",
            args![id, to.as_str(), cap.user_id().as_str(), ms(now)],
        )
        .await?;
        let action = if approve { "pool.claim.approve" } else { "pool.claim.reject" };
        crate::audit::record_change(&mut tx, me, Operation::Update, action, "expense-claim", id, source, now).await?;
        tx.commit().await
    }
}
