//! Agreements: who does what. Every query is scoped by the capability's
//! circle; changing one also asks the policy about the agreement's maker.

use crate::access::Can;
use crate::db::{Store, Tx, ms};
use crate::members::is_active_member;
use crate::sql::{args, db_row};
use jiff::civil::Date;
use samenspel_core::access::{act, may_change_agreement};
use samenspel_core::agreement::{Agreement, Domain, NewAgreement, Party, PartyInput, Step};
use samenspel_core::ids::MemberId;
use samenspel_core::role::Role;
use samenspel_core::{Error, Result, Timestamp};

/// A member's display name, by membership id.
macro_rules! member_name {
    ($col:literal) => {
        $crate::sql::member_name!(concat!("a.", $col))
    };
}

db_row! {
    /// An agreement with its parties. A party's name is the member's display
    /// name when it is a member, else the name as entered.
    struct Row {
        id: String,
        domain: String,
        step: i64,
        description: String,
        doer: Option<String>,
        doer_name: String,
        backup: Option<String>,
        backup_name: String,
        frequency: String,
        since: Option<String>,
        lead: Option<String>,
        lead_name: Option<String>,
        review_on: Option<String>,
        needs_review: bool,
        owner: String,
        owner_role: String,
    }
}

const SELECT: &str = concat!(
    "SELECT a.id, a.domain, a.step, a.description, a.doer_member_id, COALESCE(",
    member_name!("doer_member_id"),
    ", a.doer_name), a.backup_member_id, COALESCE(",
    member_name!("backup_member_id"),
    ", a.backup_name), a.frequency, a.since, a.lead_member_id, ",
    member_name!("lead_member_id"),
    ", a.review_on, a.needs_review, a.owner_member_id, a.owner_role FROM agreements a WHERE a.circle_id = $1"
);

fn corrupt(what: &str, raw: &str) -> Error {
    Error::internal(format!("agreements holds an unknown {what} {raw:?}"))
}

fn party(member: Option<String>, name: String) -> Party {
    match member {
        Some(id) => Party::Member { id: MemberId::from_db(id), name },
        None if name.is_empty() => Party::Nobody,
        None => Party::Named(name),
    }
}

fn date(raw: Option<String>) -> Result<Option<Date>> {
    raw.map(|d| d.parse::<Date>().map_err(|_| corrupt("date", &d))).transpose()
}

fn from_row(r: Row) -> Result<Agreement> {
    let Row {
        id,
        domain,
        step,
        description,
        doer,
        doer_name,
        backup,
        backup_name,
        frequency,
        since,
        lead,
        lead_name,
        review_on,
        needs_review,
        owner,
        owner_role,
    } = r;
    Ok(Agreement {
        id,
        domain: Domain::parse(&domain).ok_or_else(|| corrupt("domain", &domain))?,
        step: Step::from_number(step).ok_or_else(|| corrupt("step", &step.to_string()))?,
        description,
        doer: party(doer, doer_name),
        backup: party(backup, backup_name),
        frequency,
        since: date(since)?,
        lead: party(lead, lead_name.unwrap_or_default()),
        review_on: date(review_on)?,
        needs_review,
        owner: MemberId::from_db(owner),
        owner_role: Role::parse(&owner_role).ok_or_else(|| corrupt("role", &owner_role))?,
    })
}

/// By domain (in the fixed order), step and id.
fn sort(agreements: &mut [Agreement]) {
    let rank = |d: &Domain| Domain::ALL.iter().position(|x| x == d).unwrap_or(usize::MAX);
    agreements.sort_by(|a, b| rank(&a.domain).cmp(&rank(&b.domain)).then(a.step.cmp(&b.step)).then(a.id.cmp(&b.id)));
}

/// The (member id, name) columns for a party.
fn party_columns(p: &PartyInput) -> (Option<&str>, &str) {
    match p {
        PartyInput::Nobody => (None, ""),
        PartyInput::Member(m) => (Some(m.as_str()), ""),
        PartyInput::Named(n) => (None, n.as_str()),
    }
}

fn day(d: Option<Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

impl Store {
    /// The circle's agreements, by domain (in the fixed order) and step.
    pub async fn agreements(&self, cap: &Can<act::ViewAgreements>) -> Result<Vec<Agreement>> {
        let rows: Vec<Row> = self.all(SELECT, args![cap.circle_id().as_str()]).await?;
        let mut all = rows.into_iter().map(from_row).collect::<Result<Vec<_>>>()?;
        sort(&mut all);
        Ok(all)
    }

    /// The agreements to talk about again on `today` (see
    /// [`Agreement::due`]), in the order of [`Store::agreements`]: for the
    /// overview, which shows only these. Dates are stored as `YYYY-MM-DD`,
    /// so comparing the text compares the days.
    pub async fn due_agreements(&self, cap: &Can<act::ViewAgreements>, today: Date) -> Result<Vec<Agreement>> {
        let sql = format!("{SELECT} AND (a.needs_review OR a.review_on <= $2)");
        let rows: Vec<Row> = self.all(&sql, args![cap.circle_id().as_str(), today.to_string()]).await?;
        let mut due = rows.into_iter().map(from_row).collect::<Result<Vec<_>>>()?;
        due.retain(|a| a.due(today));
        sort(&mut due);
        Ok(due)
    }

    /// May family carers and volunteers change agreements a professional made?
    pub async fn informal_edits_professional_agreements<A>(&self, cap: &Can<A>) -> Result<bool> {
        let (on,): (bool,) = self
            .one(
                "SELECT informal_edits_professional_agreements FROM circles WHERE id = $1",
                args![cap.circle_id().as_str()],
            )
            .await?;
        Ok(on)
    }

    pub async fn set_informal_edits_professional_agreements(&self, cap: &Can<act::EditCircle>, on: bool) -> Result<()> {
        self.exec(
            "UPDATE circles SET informal_edits_professional_agreements = $2 WHERE id = $1",
            args![cap.circle_id().as_str(), on],
        )
        .await?;
        Ok(())
    }

    pub async fn add_agreement(
        &self,
        cap: &Can<act::WriteAgreements>,
        a: &NewAgreement,
        now: Timestamp,
    ) -> Result<String> {
        let id = uuid::Uuid::now_v7().to_string();
        let mut tx = self.begin().await?;
        check_members(&mut tx, cap, a, now).await?;
        let (doer_id, doer_name) = party_columns(&a.doer);
        let (backup_id, backup_name) = party_columns(&a.backup);
        tx.exec(
            "INSERT INTO agreements (id, circle_id, domain, step, description, doer_member_id, doer_name, backup_member_id, \
             backup_name, frequency, since, lead_member_id, review_on, needs_review, owner_member_id, owner_role, created_at, \
             updated_at, updated_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, FALSE, $14, $15, $16, $16, $14)",
            args![&id, cap.circle_id().as_str(), a.domain.as_str(), a.step.number(), &a.description, doer_id, doer_name, backup_id, backup_name, &a.frequency, day(a.since), a.lead.as_ref().map(MemberId::as_str), day(a.review_on), cap.member_id().as_str(), cap.role().as_str(), ms(now)],
        ).await?;
        if let Some(conversation) = &a.conversation {
            crate::conversations::link_agreement(&mut tx, cap.circle_id().as_str(), conversation, &id).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Changes an agreement; a change counts as its review (the mark goes).
    pub async fn update_agreement(
        &self,
        cap: &Can<act::WriteAgreements>,
        id: &str,
        a: &NewAgreement,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        may_change(&mut tx, cap, id).await?;
        check_members(&mut tx, cap, a, now).await?;
        let (doer_id, doer_name) = party_columns(&a.doer);
        let (backup_id, backup_name) = party_columns(&a.backup);
        tx.exec(
            "UPDATE agreements SET domain = $3, step = $4, description = $5, doer_member_id = $6, doer_name = $7, \
             backup_member_id = $8, backup_name = $9, frequency = $10, since = $11, lead_member_id = $12, review_on = $13, \
             needs_review = FALSE, updated_at = $14, updated_by = $15 WHERE id = $1 AND circle_id = $2",
            args![id, cap.circle_id().as_str(), a.domain.as_str(), a.step.number(), &a.description, doer_id, doer_name, backup_id, backup_name, &a.frequency, day(a.since), a.lead.as_ref().map(MemberId::as_str), day(a.review_on), ms(now), cap.member_id().as_str()],
        ).await?;
        tx.commit().await
    }

    /// Ends an agreement: it no longer applies.
    pub async fn delete_agreement(&self, cap: &Can<act::WriteAgreements>, id: &str) -> Result<()> {
        let mut tx = self.begin().await?;
        may_change(&mut tx, cap, id).await?;
        tx.exec("DELETE FROM agreements WHERE id = $1 AND circle_id = $2", args![id, cap.circle_id().as_str()]).await?;
        tx.commit().await
    }
}

/// Not found outside the circle; forbidden when the policy says no.
async fn may_change(tx: &mut Tx, cap: &Can<act::WriteAgreements>, id: &str) -> Result<()> {
    let (owner, owner_role, allowed): (String, String, bool) = tx
        .one(
            "SELECT a.owner_member_id, a.owner_role, c.informal_edits_professional_agreements \
         FROM agreements a JOIN circles c ON c.id = a.circle_id WHERE a.id = $1 AND a.circle_id = $2",
            args![id, cap.circle_id().as_str()],
        )
        .await?;
    let owner_role = Role::parse(&owner_role).ok_or_else(|| corrupt("role", &owner_role))?;
    if may_change_agreement(cap.role(), owner == cap.member_id().as_str(), owner_role, allowed) {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}

/// Every member an agreement names must be an active member of the circle.
async fn check_members(tx: &mut Tx, cap: &Can<act::WriteAgreements>, a: &NewAgreement, now: Timestamp) -> Result<()> {
    let named = [("doer", a.doer.member()), ("backup", a.backup.member()), ("lead", a.lead.as_ref())];
    let mut fields = Vec::new();
    for (field, member) in named {
        let Some(member) = member else { continue };
        let found = is_active_member(tx, cap.circle_id(), member, now).await?;
        if !found {
            fields.push(samenspel_core::FieldError::new(field, "member-not-in-circle"));
        }
    }
    if fields.is_empty() { Ok(()) } else { Err(Error::Validation(fields)) }
}
