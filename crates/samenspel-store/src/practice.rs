//! Practice examples the coaches of one organisation share. Only its staff
//! and its locations' staff read and write them (`OrgCan<SharePractice>`);
//! the writer changes or removes their own, an administrator any.

use crate::access::{CurrentUser, OrgCan};
use crate::db::{Store, ms, ts};
use crate::sql::{args, db_row};
use samenspel_core::access::oact;
use samenspel_core::audit::{Operation, Source};
use samenspel_core::ids::UserId;
use samenspel_core::practice::{Example, NewExample};
use samenspel_core::role::OrgRole;
use samenspel_core::{Error, Result, Timestamp};

db_row! {
    struct Row { id: String, title: String, body: String, topics: String, author: Option<String>, name: Option<String>, updated: i64 }
}

const COLUMNS: &str = "SELECT p.id, p.title, p.body, p.topics, p.author_id, u.display_name, p.updated_at \
     FROM practice_examples p LEFT JOIN users u ON u.id = p.author_id ";

fn example(r: Row) -> Example {
    Example {
        id: r.id,
        title: r.title,
        body: r.body,
        topics: samenspel_core::social_map::topics(&r.topics),
        author: r.author.map(UserId::from_db),
        author_name: r.name,
        updated_at: ts(r.updated),
    }
}

impl Store {
    /// The organisation's examples, newest first.
    pub async fn practice_examples(&self, cap: &OrgCan<oact::SharePractice>) -> Result<Vec<Example>> {
        let rows: Vec<Row> = self
            .all(
                &format!("{COLUMNS}WHERE p.organisation_id = $1 ORDER BY p.updated_at DESC, p.id"),
                args![cap.organisation_id().as_str()],
            )
            .await?;
        Ok(rows.into_iter().map(example).collect())
    }

    pub async fn practice_example(&self, cap: &OrgCan<oact::SharePractice>, id: &str) -> Result<Example> {
        let row: Row = self
            .one(
                &format!("{COLUMNS}WHERE p.organisation_id = $1 AND p.id = $2"),
                args![cap.organisation_id().as_str(), id],
            )
            .await?;
        Ok(example(row))
    }

    pub async fn add_practice_example(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::SharePractice>,
        new: &NewExample,
        source: &Source,
        now: Timestamp,
    ) -> Result<String> {
        let id = uuid::Uuid::now_v7().to_string();
        let mut tx = self.begin().await?;
        tx.exec(
            "INSERT INTO practice_examples (id, organisation_id, title, body, topics, author_id, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
            args![
                id.as_str(),
                cap.organisation_id().as_str(),
                &new.title,
                &new.body,
                new.topics.join(", "),
                cap.user_id().as_str(),
                ms(now)
            ],
        )
        .await?;
        crate::audit::record_change(
            &mut tx,
            me,
            Operation::Create,
            "practice.add",
            "practice-example",
            &id,
            source,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes an example: its writer may, and an administrator.
    pub async fn change_practice_example(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::SharePractice>,
        id: &str,
        new: &NewExample,
        source: &Source,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        own(&mut tx, cap, id).await?;
        tx.exec(
            "UPDATE practice_examples SET title = $3, body = $4, topics = $5, updated_at = $6 \
             WHERE id = $1 AND organisation_id = $2",
            args![id, cap.organisation_id().as_str(), &new.title, &new.body, new.topics.join(", "), ms(now)],
        )
        .await?;
        crate::audit::record_change(
            &mut tx,
            me,
            Operation::Update,
            "practice.change",
            "practice-example",
            id,
            source,
            now,
        )
        .await?;
        tx.commit().await
    }

    /// Removes an example: its writer may, and an administrator.
    pub async fn remove_practice_example(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::SharePractice>,
        id: &str,
        source: &Source,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        own(&mut tx, cap, id).await?;
        tx.exec(
            "DELETE FROM practice_examples WHERE id = $1 AND organisation_id = $2",
            args![id, cap.organisation_id().as_str()],
        )
        .await?;
        crate::audit::record_change(
            &mut tx,
            me,
            Operation::Delete,
            "practice.remove",
            "practice-example",
            id,
            source,
            now,
        )
        .await?;
        tx.commit().await
    }
}

/// The example exists in the organisation and the holder may change it.
async fn own(tx: &mut crate::db::Tx, cap: &OrgCan<oact::SharePractice>, id: &str) -> Result<()> {
    let author: Option<Option<String>> = tx
        .opt(
            "SELECT author_id FROM practice_examples WHERE id = $1 AND organisation_id = $2",
            args![id, cap.organisation_id().as_str()],
        )
        .await?;
    let Some(author) = author else { return Err(Error::NotFound) };
    if author.as_deref() == Some(cap.user_id().as_str()) || cap.roles().contains(&OrgRole::Admin) {
        Ok(())
    } else {
        Err(Error::Forbidden)
    }
}
