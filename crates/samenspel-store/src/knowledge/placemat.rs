//! A location's placemat: lines of what relatives may do there, in order.

use crate::access::{CurrentUser, LocationCan};
use crate::db::{Store, ms};
use crate::sql::args;
use samenspel_core::access::location::lact;
use samenspel_core::audit::{Operation, Source};
use samenspel_core::knowledge::placemat::{Item, STARTER};
use samenspel_core::{Error, Result, Timestamp};

impl Store {
    pub async fn placemat<A: lact::LocationActionMarker>(&self, cap: &LocationCan<A>) -> Result<Vec<Item>> {
        let rows: Vec<(String, String)> = self
            .all(
                "SELECT id, text FROM placemat_items WHERE location_id = $1 ORDER BY position, id",
                args![cap.location_id().as_str()],
            )
            .await?;
        Ok(rows.into_iter().map(|(id, text)| Item { id, text }).collect())
    }

    /// Adds a line at the end (or, with `starter`, the starter set to an empty placemat).
    pub async fn add_placemat_items(
        &self,
        me: &CurrentUser,
        cap: &LocationCan<lact::KeepPlacemat>,
        lines: &[String],
        source: &Source,
        now: Timestamp,
    ) -> Result<()> {
        let loc = cap.location_id().as_str();
        let mut tx = self.begin().await?;
        let last: Option<i64> =
            tx.one("SELECT MAX(position) FROM placemat_items WHERE location_id = $1", args![loc]).await?;
        let mut position = last.unwrap_or(0);
        for text in lines {
            position += 1;
            tx.exec(
                "INSERT INTO placemat_items (id, location_id, text, position, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6)",
                args![uuid::Uuid::now_v7().to_string(), loc, text.as_str(), position, cap.user_id().as_str(), ms(now)],
            )
            .await?;
        }
        crate::audit::record_change(&mut tx, me, Operation::Update, "placemat.add", "location", loc, source, now)
            .await?;
        tx.commit().await
    }

    pub async fn add_placemat_starter(
        &self,
        me: &CurrentUser,
        cap: &LocationCan<lact::KeepPlacemat>,
        source: &Source,
        now: Timestamp,
    ) -> Result<()> {
        let n: i64 = self
            .one("SELECT COUNT(*) FROM placemat_items WHERE location_id = $1", args![cap.location_id().as_str()])
            .await?;
        if n > 0 {
            return Err(Error::Conflict("placemat-not-empty"));
        }
        let lines: Vec<String> = STARTER.iter().map(|s| (*s).to_owned()).collect();
        self.add_placemat_items(me, cap, &lines, source, now).await
    }

    pub async fn remove_placemat_item(
        &self,
        me: &CurrentUser,
        cap: &LocationCan<lact::KeepPlacemat>,
        id: &str,
        source: &Source,
        now: Timestamp,
    ) -> Result<()> {
        let loc = cap.location_id().as_str();
        let mut tx = self.begin().await?;
        tx.exec_found("DELETE FROM placemat_items WHERE id = $1 AND location_id = $2", args![id, loc]).await?;
        crate::audit::record_change(&mut tx, me, Operation::Delete, "placemat.remove", "location", loc, source, now)
            .await?;
        tx.commit().await
    }
}
