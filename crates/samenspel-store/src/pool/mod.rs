//! The volunteer pool of an organisation: its rules, its volunteers and
//! their records ([`OrgCan<KeepPool>`]); a volunteer's own record
//! ([`OrgCan<VolunteerInPool>`]); the offers put to the pool
//! ([`offers`]) and expense claims ([`expenses`]).

pub mod expenses;
pub mod offers;
pub mod placement;
mod rows;
pub mod vog_warnings;

use crate::access::{CurrentUser, OrgCan};
use crate::db::{Store, Tx, ms};
use crate::sql::args;
use rows::{VolunteerRow, volunteer};
use samenspel_core::access::oact;
use samenspel_core::audit::{Operation, Source};
use samenspel_core::ids::{OrganisationId, UserId};
use samenspel_core::pool::vog::Rules;
use samenspel_core::pool::{Profile, Record, Volunteer};
use samenspel_core::{Error, Result, Timestamp};

pub(crate) async fn rules_in(tx: &mut Tx, org: &OrganisationId) -> Result<Rules> {
    let row: Option<(bool, i64, i64, i64)> = tx
        .opt(
            "SELECT vog_required, vog_months, warn_days, km_cents FROM pool_rules WHERE organisation_id = $1",
            args![org.as_str()],
        )
        .await?;
    Ok(row.map(rules_of).unwrap_or_default())
}

fn rules_of((vog_required, months, warn, km): (bool, i64, i64, i64)) -> Rules {
    Rules {
        vog_required,
        vog_months: i32::try_from(months).unwrap_or(36),
        warn_days: i32::try_from(warn).unwrap_or(42),
        km_cents: km,
    }
}

impl Store {
    /// The organisation's pool rules (the defaults until they are set).
    pub async fn pool_rules<A: oact::OrgActionMarker>(&self, cap: &OrgCan<A>) -> Result<Rules> {
        self.rules_of_org(cap.organisation_id()).await
    }

    pub(crate) async fn rules_of_org(&self, org: &OrganisationId) -> Result<Rules> {
        let row: Option<(bool, i64, i64, i64)> = self
            .opt(
                "SELECT vog_required, vog_months, warn_days, km_cents FROM pool_rules WHERE organisation_id = $1",
                args![org.as_str()],
            )
            .await?;
        Ok(row.map(rules_of).unwrap_or_default())
    }

    pub async fn set_pool_rules(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::SetPoolRules>,
        rules: &Rules,
        source: &Source,
        now: Timestamp,
    ) -> Result<()> {
        let org = cap.organisation_id().as_str();
        let mut tx = self.begin().await?;
        tx.exec(
            "INSERT INTO pool_rules (organisation_id, vog_required, vog_months, warn_days, km_cents, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (organisation_id) DO UPDATE SET \
             vog_required = excluded.vog_required, vog_months = excluded.vog_months, \
             warn_days = excluded.warn_days, km_cents = excluded.km_cents, updated_at = excluded.updated_at",
            args![
                org,
                rules.vog_required,
                i64::from(rules.vog_months),
                i64::from(rules.warn_days),
                rules.km_cents,
                ms(now)
            ],
        )
        .await?;
        crate::audit::record_change(&mut tx, me, Operation::Update, "pool.rules", "organisation", org, source, now)
            .await?;
        tx.commit().await
    }

    /// Every volunteer in the pool, by name, with their training.
    pub async fn pool_volunteers(&self, cap: &OrgCan<oact::KeepPool>) -> Result<Vec<Volunteer>> {
        let rows: Vec<VolunteerRow> = self
            .all(
                &format!("{}WHERE p.organisation_id = $1 ORDER BY u.display_name, p.id", rows::SELECT),
                args![cap.organisation_id().as_str()],
            )
            .await?;
        let trainings: Vec<(String, String, String, String)> = self
            .all(
                "SELECT t.volunteer_id, t.id, t.title, t.done_on FROM pool_trainings t \
                 JOIN pool_volunteers p ON p.id = t.volunteer_id WHERE p.organisation_id = $1 ORDER BY t.done_on DESC",
                args![cap.organisation_id().as_str()],
            )
            .await?;
        Ok(rows.into_iter().map(|r| volunteer(r, &trainings)).collect())
    }

    /// One volunteer of the pool.
    pub async fn pool_volunteer(&self, cap: &OrgCan<oact::KeepPool>, id: &str) -> Result<Volunteer> {
        self.volunteer_where(cap.organisation_id(), "p.id = $2", id).await
    }

    /// The holder's own place in the pool.
    pub async fn my_pool_record(&self, cap: &OrgCan<oact::VolunteerInPool>) -> Result<Volunteer> {
        self.volunteer_where(cap.organisation_id(), "p.user_id = $2", cap.user_id().as_str()).await
    }

    async fn volunteer_where(&self, org: &OrganisationId, filter: &str, value: &str) -> Result<Volunteer> {
        let row: VolunteerRow = self
            .one(&format!("{}WHERE p.organisation_id = $1 AND {filter}", rows::SELECT), args![org.as_str(), value])
            .await?;
        let trainings: Vec<(String, String, String, String)> = self
            .all(
                "SELECT volunteer_id, id, title, done_on FROM pool_trainings WHERE volunteer_id = $1 ORDER BY done_on DESC",
                args![&row.id],
            )
            .await?;
        Ok(volunteer(row, &trainings))
    }

    /// Adds someone to the pool by e-mail: their account, or a new one (they
    /// sign in with a link sent to that address). Conflict when they are in it.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_pool_volunteer(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::KeepPool>,
        name: &str,
        email: &str,
        mails: &(dyn Fn(&UserId, &str) -> Vec<crate::jobs::NewJob> + Sync),
        source: &Source,
        now: Timestamp,
    ) -> Result<String> {
        let mut tx = self.begin().await?;
        let found: Option<(String, String)> =
            tx.opt("SELECT id, display_name FROM users WHERE email = $1", args![email]).await?;
        let (user, name) = match found {
            Some((id, existing)) => (UserId::from_db(id), existing),
            None => {
                let id = UserId::generate();
                tx.exec(
                    "INSERT INTO users (id, email, display_name, locale, created_at) VALUES ($1, $2, $3, 'nl', $4)",
                    args![id.as_str(), email, name, ms(now)],
                )
                .await?;
                (id, name.to_owned())
            }
        };
        let id = uuid::Uuid::now_v7().to_string();
        let added = tx
            .exec(
                "INSERT INTO pool_volunteers (id, organisation_id, user_id, availability, area, interests, skills, \
                 languages, insurance, active, joined_at, updated_at) \
                 VALUES ($1, $2, $3, 0, '', '', '', '', '', TRUE, $4, $4) ON CONFLICT (organisation_id, user_id) DO NOTHING",
                args![&id, cap.organisation_id().as_str(), user.as_str(), ms(now)],
            )
            .await?;
        if added == 0 {
            return Err(Error::field("email", "pool-already-in"));
        }
        crate::audit::record_change(&mut tx, me, Operation::Create, "pool.add", "pool-volunteer", &id, source, now)
            .await?;
        tx.finish(&mails(&user, &name), now).await?;
        Ok(id)
    }

    /// The coordinators change what a volunteer says about themselves.
    pub async fn set_pool_profile(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::KeepPool>,
        id: &str,
        profile: &Profile,
        source: &Source,
        now: Timestamp,
    ) -> Result<()> {
        self.write_profile(me, cap.organisation_id(), "p.id", id, profile, source, now).await
    }

    /// The volunteer changes their own.
    pub async fn set_my_pool_profile(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::VolunteerInPool>,
        profile: &Profile,
        source: &Source,
        now: Timestamp,
    ) -> Result<()> {
        self.write_profile(me, cap.organisation_id(), "user_id", cap.user_id().as_str(), profile, source, now).await
    }

    #[allow(clippy::too_many_arguments)]
    async fn write_profile(
        &self,
        me: &CurrentUser,
        org: &OrganisationId,
        column: &str,
        value: &str,
        p: &Profile,
        source: &Source,
        now: Timestamp,
    ) -> Result<()> {
        let column = if column == "user_id" { "user_id" } else { "id" };
        let mut tx = self.begin().await?;
        let id: Option<String> = tx
            .opt(
                &format!("SELECT id FROM pool_volunteers WHERE organisation_id = $1 AND {column} = $2"),
                args![org.as_str(), value],
            )
            .await?;
        let id = id.ok_or(Error::NotFound)?;
        tx.exec(
            "UPDATE pool_volunteers SET availability = $2, area = $3, interests = $4, skills = $5, languages = $6, \
             updated_at = $7 WHERE id = $1",
            args![
                &id,
                i64::from(p.availability.0),
                p.area.join(", "),
                p.interests.join(", "),
                p.skills.join(", "),
                p.languages.join(", "),
                ms(now)
            ],
        )
        .await?;
        crate::audit::record_change(&mut tx, me, Operation::Update, "pool.profile", "pool-volunteer", &id, source, now)
            .await?;
        tx.commit().await
    }

    /// What only the coordinators record: VOG date, insurance, taking part.
    pub async fn set_pool_record(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::KeepPool>,
        id: &str,
        record: &Record,
        source: &Source,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.exec_found(
            "UPDATE pool_volunteers SET vog_issued_on = $3, insurance = $4, active = $5, updated_at = $6 \
             WHERE id = $1 AND organisation_id = $2",
            args![
                id,
                cap.organisation_id().as_str(),
                record.vog_issued_on.map(|d| d.to_string()),
                &record.insurance,
                record.active,
                ms(now)
            ],
        )
        .await?;
        crate::audit::record_change(&mut tx, me, Operation::Update, "pool.record", "pool-volunteer", id, source, now)
            .await?;
        tx.commit().await
    }

    pub async fn add_pool_training(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::KeepPool>,
        volunteer: &str,
        training: &(String, jiff::civil::Date),
        source: &Source,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let known: Option<String> = tx
            .opt(
                "SELECT id FROM pool_volunteers WHERE id = $1 AND organisation_id = $2",
                args![volunteer, cap.organisation_id().as_str()],
            )
            .await?;
        known.ok_or(Error::NotFound)?;
        tx.exec(
            "INSERT INTO pool_trainings (id, volunteer_id, title, done_on, created_at) VALUES ($1, $2, $3, $4, $5)",
            args![uuid::Uuid::now_v7().to_string(), volunteer, &training.0, training.1.to_string(), ms(now)],
        )
        .await?;
        crate::audit::record_change(
            &mut tx,
            me,
            Operation::Update,
            "pool.training",
            "pool-volunteer",
            volunteer,
            source,
            now,
        )
        .await?;
        tx.commit().await
    }

    /// The organisations whose pool the user is in: (organisation id, name).
    pub async fn my_pools(&self, me: &CurrentUser) -> Result<Vec<(OrganisationId, String)>> {
        let rows: Vec<(String, String)> = self
            .all(
                "SELECT o.id, o.name FROM pool_volunteers p JOIN organisations o ON o.id = p.organisation_id \
                 WHERE p.user_id = $1 ORDER BY o.name",
                args![me.id().as_str()],
            )
            .await?;
        Ok(rows.into_iter().map(|(id, name)| (OrganisationId::from_db(id), name)).collect())
    }
}
