//! Organisations, their locations and their staff.

use crate::access::{CurrentUser, LocationCan, OrgCan};
use crate::db::{Store, ms, ts};
use crate::sql::{args, db_row};
use samenspel_core::access::oact;
use samenspel_core::audit::{AuditEvent, Operation, Outcome, Source, What};
use samenspel_core::ids::{LocationId, OrganisationId, UserId};
use samenspel_core::organisation::{Location, Organisation, Policy};
use samenspel_core::role::{LocationRole, OrgRole};
use samenspel_core::{Result, Timestamp};

impl Store {
    /// A location added by an organisation's administrator.
    pub async fn create_location(
        &self,
        cap: &OrgCan<oact::ManageOrganisation>,
        name: &str,
        now: Timestamp,
    ) -> Result<LocationId> {
        self.internal().create_location(cap.organisation_id(), name, now).await
    }

    /// The organisations I work for, with my roles there.
    pub async fn my_organisations(&self, me: &CurrentUser) -> Result<Vec<(Organisation, Vec<OrgRole>)>> {
        let rows: Vec<(OrgRow, String)> = self.all(
            "SELECT o.id, o.name, o.created_at, o.require_second_factor, o.retention_days, s.role FROM organisation_staff s JOIN organisations o ON o.id = s.organisation_id \
             WHERE s.user_id = $1 ORDER BY o.name, o.id",
            args![me.id().as_str()],
        ).await?;
        let mut out: Vec<(Organisation, Vec<OrgRole>)> = Vec::new();
        for (org, role) in rows {
            let role = OrgRole::parse(&role);
            match out.last_mut() {
                Some((o, roles)) if o.id.as_str() == org.id => roles.extend(role),
                _ => out.push((organisation(org), role.into_iter().collect())),
            }
        }
        Ok(out)
    }

    /// The locations where I am on the location's own staff (coach,
    /// location manager), with my roles there.
    pub async fn my_locations(&self, me: &CurrentUser) -> Result<Vec<(Location, Vec<LocationRole>)>> {
        db_row! {
            struct Row { id: String, org: String, name: String, created: i64, role: String }
        }
        let rows: Vec<Row> = self
            .all(
                "SELECT l.id, l.organisation_id, l.name, l.created_at, s.role FROM location_staff s \
                 JOIN locations l ON l.id = s.location_id WHERE s.user_id = $1 ORDER BY l.name, l.id",
                args![me.id().as_str()],
            )
            .await?;
        let mut out: Vec<(Location, Vec<LocationRole>)> = Vec::new();
        for Row { id, org, name, created, role } in rows {
            let role = LocationRole::parse(&role);
            match out.last_mut() {
                Some((l, roles)) if l.id.as_str() == id => roles.extend(role),
                _ => out.push((
                    Location {
                        id: LocationId::from_db(id),
                        organisation_id: OrganisationId::from_db(org),
                        name,
                        created_at: ts(created),
                    },
                    role.into_iter().collect(),
                )),
            }
        }
        Ok(out)
    }

    /// The organisation a location belongs to.
    pub async fn organisation_of<A>(&self, cap: &LocationCan<A>) -> Result<Organisation> {
        let org = cap.organisation_id().ok_or(samenspel_core::Error::NotFound)?;
        let row: OrgRow = self
            .one(
                "SELECT id, name, created_at, require_second_factor, retention_days FROM organisations WHERE id = $1",
                args![org.as_str()],
            )
            .await?;
        Ok(organisation(row))
    }

    /// The name of the organisation the capability is for.
    pub async fn organisation_name<A>(&self, cap: &OrgCan<A>) -> Result<String> {
        self.one("SELECT name FROM organisations WHERE id = $1", args![cap.organisation_id().as_str()]).await
    }

    /// The locations of the organisation the capability is for.
    pub async fn locations<A>(&self, cap: &OrgCan<A>) -> Result<Vec<Location>> {
        let rows: Vec<(String, String, String, i64)> = self
            .all(
                "SELECT id, organisation_id, name, created_at FROM locations WHERE organisation_id = $1 ORDER BY name",
                args![cap.organisation_id().as_str()],
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|(id, org, name, created)| Location {
                id: LocationId::from_db(id),
                organisation_id: OrganisationId::from_db(org),
                name,
                created_at: ts(created),
            })
            .collect())
    }
}

db_row! {
    /// An organisation's columns: id, name, created_at, require_second_factor, retention_days.
    struct OrgRow {
        id: String,
        name: String,
        created: i64,
        require: bool,
        retention: Option<i64>,
    }
}

fn organisation(OrgRow { id, name, created, require, retention }: OrgRow) -> Organisation {
    Organisation {
        id: OrganisationId::from_db(id),
        name,
        created_at: ts(created),
        policy: Policy {
            require_second_factor: require,
            retention_days: retention.and_then(|d| u32::try_from(d).ok()),
        },
    }
}

impl crate::Internal<'_> {
    pub async fn create_organisation(&self, name: &str, now: Timestamp) -> Result<OrganisationId> {
        let id = OrganisationId::generate();
        self.exec(
            "INSERT INTO organisations (id, name, created_at) VALUES ($1, $2, $3)",
            args![id.as_str(), name, ms(now)],
        )
        .await?;
        Ok(id)
    }

    pub async fn list_organisations(&self) -> Result<Vec<Organisation>> {
        let rows: Vec<OrgRow> = self
            .all(
                "SELECT id, name, created_at, require_second_factor, retention_days FROM organisations ORDER BY name",
                args![],
            )
            .await?;
        Ok(rows.into_iter().map(organisation).collect())
    }

    /// Changes what an organisation decided for its circles, with a record
    /// in the audit trail, in one transaction.
    pub async fn set_organisation_policy(
        &self,
        org: &OrganisationId,
        policy: Policy,
        source: &Source,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.exec_found(
            "UPDATE organisations SET require_second_factor = $2, retention_days = $3 WHERE id = $1",
            args![org.as_str(), policy.require_second_factor, policy.retention_days.map(i64::from)],
        )
        .await?;
        let what = What::new(Operation::Update, "organisation.policy", "organisation", Some(org.to_string()));
        crate::audit::append(&mut tx, &[AuditEvent::new(None, None, what, Outcome::Allowed, source, now)]).await?;
        tx.commit().await
    }

    pub async fn create_location(&self, org: &OrganisationId, name: &str, now: Timestamp) -> Result<LocationId> {
        let id = LocationId::generate();
        self.exec(
            "INSERT INTO locations (id, organisation_id, name, created_at) VALUES ($1, $2, $3, $4)",
            args![id.as_str(), org.as_str(), name, ms(now)],
        )
        .await?;
        Ok(id)
    }

    /// Puts someone on one location's own staff.
    pub async fn add_location_staff(
        &self,
        location: &LocationId,
        user: &UserId,
        role: LocationRole,
        now: Timestamp,
    ) -> Result<()> {
        let known: i64 = self.one("SELECT COUNT(*) FROM locations WHERE id = $1", args![location.as_str()]).await?;
        if known == 0 {
            return Err(samenspel_core::Error::NotFound);
        }
        self.exec(
            "INSERT INTO location_staff (location_id, user_id, role, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT DO NOTHING",
            args![location.as_str(), user.as_str(), role.as_str(), ms(now)],
        )
        .await?;
        Ok(())
    }

    pub async fn add_staff(&self, org: &OrganisationId, user: &UserId, role: OrgRole, now: Timestamp) -> Result<()> {
        self.exec("INSERT INTO organisation_staff (organisation_id, user_id, role, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            args![org.as_str(), user.as_str(), role.as_str(), ms(now)]).await?;
        Ok(())
    }
}
