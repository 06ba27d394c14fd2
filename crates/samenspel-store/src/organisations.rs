//! Organisations, their locations and their staff.

use crate::access::{CurrentUser, OrgCan};
use crate::db::{Store, ms, ts};
use crate::sql::args;
use samenspel_core::access::oact;
use samenspel_core::ids::{LocationId, OrganisationId, UserId};
use samenspel_core::organisation::{Location, Organisation};
use samenspel_core::role::OrgRole;
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
        let rows: Vec<(String, String, i64, String)> = self.all(
            "SELECT o.id, o.name, o.created_at, s.role FROM organisation_staff s JOIN organisations o ON o.id = s.organisation_id \
             WHERE s.user_id = $1 ORDER BY o.name, o.id",
            args![me.id().as_str()],
        ).await?;
        let mut out: Vec<(Organisation, Vec<OrgRole>)> = Vec::new();
        for (id, name, created, role) in rows {
            let role = OrgRole::parse(&role);
            match out.last_mut() {
                Some((o, roles)) if o.id.as_str() == id => roles.extend(role),
                _ => out.push((
                    Organisation { id: OrganisationId::from_db(id), name, created_at: ts(created) },
                    role.into_iter().collect(),
                )),
            }
        }
        Ok(out)
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
        let rows: Vec<(String, String, i64)> =
            self.all("SELECT id, name, created_at FROM organisations ORDER BY name", args![]).await?;
        Ok(rows
            .into_iter()
            .map(|(id, name, created)| Organisation { id: OrganisationId::from_db(id), name, created_at: ts(created) })
            .collect())
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

    pub async fn add_staff(&self, org: &OrganisationId, user: &UserId, role: OrgRole, now: Timestamp) -> Result<()> {
        self.exec("INSERT INTO organisation_staff (organisation_id, user_id, role, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
            args![org.as_str(), user.as_str(), role.as_str(), ms(now)]).await?;
        Ok(())
    }
}
