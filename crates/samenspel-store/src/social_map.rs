//! The social map (sociale kaart): an organisation's list of local
//! initiatives. Everyone who stands at the organisation reads it (its staff,
//! its locations' staff, the members of its circles); its managers and its
//! locations' coaches keep it. A circle reads its own organisation's map for
//! suggestions that fit the client.

use crate::access::{Can, CurrentUser, OrgCan};
use crate::db::{Store, ms, ts};
use crate::sql::{args, db_row};
use samenspel_core::access::{act, oact};
use samenspel_core::audit::{Operation, Source};
use samenspel_core::ids::{LocationId, OrganisationId, UserId};
use samenspel_core::social_map::{Category, Initiative, NewInitiative};
use samenspel_core::{Error, Result, Timestamp};

db_row! {
    struct Row {
        id: String,
        location_id: Option<String>,
        location_name: Option<String>,
        name: String,
        category: String,
        description: String,
        address: String,
        opening_hours: String,
        contact: String,
        website: String,
        topics: String,
        updated_by: Option<String>,
        updated_at: i64,
    }
}

const COLUMNS: &str = "SELECT s.id, s.location_id, l.name, s.name, s.category, s.description, s.address, \
     s.opening_hours, s.contact, s.website, s.topics, s.updated_by, s.updated_at FROM social_map s \
     LEFT JOIN locations l ON l.id = s.location_id ";

fn initiative(r: Row) -> Result<Initiative> {
    Ok(Initiative {
        category: Category::parse(&r.category)
            .ok_or_else(|| Error::internal(format!("social_map holds an unknown category {:?}", r.category)))?,
        id: r.id,
        location_id: r.location_id.map(LocationId::from_db),
        location_name: r.location_name,
        name: r.name,
        description: r.description,
        address: r.address,
        opening_hours: r.opening_hours,
        contact: r.contact,
        website: r.website,
        topics: samenspel_core::social_map::topics(&r.topics),
        updated_by: r.updated_by.map(UserId::from_db),
        updated_at: ts(r.updated_at),
    })
}

impl Store {
    /// The organisation's map, by name.
    pub async fn social_map(&self, cap: &OrgCan<oact::ViewSocialMap>) -> Result<Vec<Initiative>> {
        let rows: Vec<Row> = self
            .all(
                &format!("{COLUMNS}WHERE s.organisation_id = $1 ORDER BY s.name, s.id"),
                args![cap.organisation_id().as_str()],
            )
            .await?;
        rows.into_iter().map(initiative).collect()
    }

    /// One initiative of the organisation's map.
    pub async fn initiative<A>(&self, cap: &OrgCan<A>, id: &str) -> Result<Initiative> {
        let row: Row = self
            .one(
                &format!("{COLUMNS}WHERE s.organisation_id = $1 AND s.id = $2"),
                args![cap.organisation_id().as_str(), id],
            )
            .await?;
        initiative(row)
    }

    /// The map of the circle's organisation, for suggestions: what is near
    /// the circle's location or in the whole area. Empty for a circle
    /// without an organisation.
    pub async fn social_map_of_circle(&self, cap: &Can<act::ViewAboutClient>) -> Result<Vec<Initiative>> {
        let rows: Vec<Row> = self
            .all(
                &format!(
                    "{COLUMNS}JOIN circles c ON c.organisation_id = s.organisation_id WHERE c.id = $1 \
                     AND (s.location_id IS NULL OR s.location_id = c.location_id) ORDER BY s.name, s.id"
                ),
                args![cap.circle_id().as_str()],
            )
            .await?;
        rows.into_iter().map(initiative).collect()
    }

    /// The organisation the capability's circle belongs to, if any.
    pub async fn circle_organisation<A>(&self, cap: &Can<A>) -> Result<Option<OrganisationId>> {
        let org: Option<String> =
            self.one("SELECT organisation_id FROM circles WHERE id = $1", args![cap.circle_id().as_str()]).await?;
        Ok(org.map(OrganisationId::from_db))
    }

    /// Adds an initiative; its location must be one of the organisation's.
    pub async fn add_initiative(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::EditSocialMap>,
        new: &NewInitiative,
        source: &Source,
        now: Timestamp,
    ) -> Result<String> {
        let id = uuid::Uuid::now_v7().to_string();
        let mut tx = self.begin().await?;
        check_location(&mut tx, cap.organisation_id(), new.location_id.as_ref()).await?;
        tx.exec(
            "INSERT INTO social_map (id, organisation_id, location_id, name, category, description, address, \
             opening_hours, contact, website, topics, updated_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)",
            args![
                id.as_str(),
                cap.organisation_id().as_str(),
                new.location_id.as_ref().map(|l| l.as_str()),
                &new.name,
                new.category.as_str(),
                &new.description,
                &new.address,
                &new.opening_hours,
                &new.contact,
                &new.website,
                new.topics.join(", "),
                cap.user_id().as_str(),
                ms(now)
            ],
        )
        .await?;
        crate::audit::record_change(&mut tx, me, Operation::Create, "social-map.add", "social-map", &id, source, now)
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes an initiative of the organisation's map.
    pub async fn change_initiative(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::EditSocialMap>,
        id: &str,
        new: &NewInitiative,
        source: &Source,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        check_location(&mut tx, cap.organisation_id(), new.location_id.as_ref()).await?;
        tx.exec_found(
            "UPDATE social_map SET location_id = $3, name = $4, category = $5, description = $6, address = $7, \
             opening_hours = $8, contact = $9, website = $10, topics = $11, updated_by = $12, updated_at = $13 \
             WHERE id = $1 AND organisation_id = $2",
            args![
                id,
                cap.organisation_id().as_str(),
                new.location_id.as_ref().map(|l| l.as_str()),
                &new.name,
                new.category.as_str(),
                &new.description,
                &new.address,
                &new.opening_hours,
                &new.contact,
                &new.website,
                new.topics.join(", "),
                cap.user_id().as_str(),
                ms(now)
            ],
        )
        .await?;
        crate::audit::record_change(&mut tx, me, Operation::Update, "social-map.change", "social-map", id, source, now)
            .await?;
        tx.commit().await
    }

    /// Takes an initiative off the map.
    pub async fn remove_initiative(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::EditSocialMap>,
        id: &str,
        source: &Source,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.exec_found(
            "DELETE FROM social_map WHERE id = $1 AND organisation_id = $2",
            args![id, cap.organisation_id().as_str()],
        )
        .await?;
        crate::audit::record_change(&mut tx, me, Operation::Delete, "social-map.remove", "social-map", id, source, now)
            .await?;
        tx.commit().await
    }
}

async fn check_location(tx: &mut crate::db::Tx, org: &OrganisationId, location: Option<&LocationId>) -> Result<()> {
    if let Some(l) = location {
        let found: Option<String> = tx
            .opt("SELECT id FROM locations WHERE id = $1 AND organisation_id = $2", args![l.as_str(), org.as_str()])
            .await?;
        if found.is_none() {
            return Err(Error::field("location_id", "location-unknown"));
        }
    }
    Ok(())
}
