//! Knowledge an organisation shares: the FAQ with its versions
//! ([`OrgCan<ReadKnowledge>`] to read, [`OrgCan<KeepKnowledge>`] to keep),
//! the quiz's counts, and a location's placemat ([`placemat`]).

pub mod placemat;
pub mod quiz;

use crate::access::{CurrentUser, OrgCan};
use crate::db::{Store, Tx, ms, ts};
use crate::sql::{args, db_row};
use samenspel_core::access::oact;
use samenspel_core::audit::{Operation, Source};
use samenspel_core::knowledge::faq::{Entry, NewEntry, STARTER, Topic, Version};
use samenspel_core::{Error, Result, Timestamp};

db_row! {
    struct EntryRow { id: String, topic: String, question: String, answer: String, starter: bool, version: i64, name: Option<String>, at: i64 }
}

fn entry(r: EntryRow) -> Entry {
    Entry {
        topic: Topic::parse(&r.topic).unwrap_or(Topic::Other),
        id: r.id,
        question: r.question,
        answer: r.answer,
        starter: r.starter,
        version: r.version,
        updated_by: r.name,
        updated_at: ts(r.at),
    }
}

const SELECT: &str = "SELECT f.id, f.topic, f.question, f.answer, f.starter, f.version, u.display_name, f.updated_at \
     FROM faq_entries f LEFT JOIN users u ON u.id = f.updated_by ";

async fn write_version(
    tx: &mut Tx,
    id: &str,
    version: i64,
    new: &NewEntry,
    by: Option<&str>,
    now: Timestamp,
) -> Result<()> {
    tx.exec(
        "INSERT INTO faq_versions (entry_id, version, topic, question, answer, written_by, written_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        args![id, version, new.topic.as_str(), &new.question, &new.answer, by, ms(now)],
    )
    .await?;
    Ok(())
}

impl Store {
    /// The organisation's FAQ, by topic and question.
    pub async fn faq<A: oact::OrgActionMarker>(&self, cap: &OrgCan<A>) -> Result<Vec<Entry>> {
        let rows: Vec<EntryRow> = self
            .all(
                &format!("{SELECT}WHERE f.organisation_id = $1 ORDER BY f.topic, f.question, f.id"),
                args![cap.organisation_id().as_str()],
            )
            .await?;
        Ok(rows.into_iter().map(entry).collect())
    }

    /// One entry and every version of it, newest first.
    pub async fn faq_entry<A: oact::OrgActionMarker>(
        &self,
        cap: &OrgCan<A>,
        id: &str,
    ) -> Result<(Entry, Vec<Version>)> {
        let row: EntryRow = self
            .one(
                &format!("{SELECT}WHERE f.organisation_id = $1 AND f.id = $2"),
                args![cap.organisation_id().as_str(), id],
            )
            .await?;
        db_row! {
            struct VersionRow { version: i64, topic: String, question: String, answer: String, name: Option<String>, at: i64 }
        }
        let versions: Vec<VersionRow> = self
            .all(
                "SELECT v.version, v.topic, v.question, v.answer, u.display_name, v.written_at FROM faq_versions v \
                 LEFT JOIN users u ON u.id = v.written_by WHERE v.entry_id = $1 ORDER BY v.version DESC",
                args![id],
            )
            .await?;
        let versions = versions
            .into_iter()
            .map(|v| Version {
                version: v.version,
                topic: Topic::parse(&v.topic).unwrap_or(Topic::Other),
                question: v.question,
                answer: v.answer,
                written_by: v.name,
                written_at: ts(v.at),
            })
            .collect();
        Ok((entry(row), versions))
    }

    pub async fn add_faq_entry(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::KeepKnowledge>,
        new: &NewEntry,
        source: &Source,
        now: Timestamp,
    ) -> Result<String> {
        let mut tx = self.begin().await?;
        let id = insert(&mut tx, cap, new, false, Some(cap.user_id().as_str()), now).await?;
        crate::audit::record_change(&mut tx, me, Operation::Create, "faq.add", "faq-entry", &id, source, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Adds the starter set, once: refused when the FAQ has entries.
    pub async fn add_faq_starter_set(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::KeepKnowledge>,
        source: &Source,
        now: Timestamp,
    ) -> Result<usize> {
        let mut tx = self.begin().await?;
        let n: i64 = tx
            .one("SELECT COUNT(*) FROM faq_entries WHERE organisation_id = $1", args![cap.organisation_id().as_str()])
            .await?;
        if n > 0 {
            return Err(Error::Conflict("faq-not-empty"));
        }
        for (topic, question, answer) in STARTER {
            let new = NewEntry { topic, question: question.into(), answer: answer.into() };
            insert(&mut tx, cap, &new, true, None, now).await?;
        }
        let org = cap.organisation_id().as_str();
        crate::audit::record_change(&mut tx, me, Operation::Create, "faq.starter", "organisation", org, source, now)
            .await?;
        tx.commit().await?;
        Ok(STARTER.len())
    }

    /// Changes an entry: a new version, no longer the starter text.
    pub async fn change_faq_entry(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::KeepKnowledge>,
        id: &str,
        new: &NewEntry,
        source: &Source,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let version: Option<i64> = tx
            .opt(
                "SELECT version FROM faq_entries WHERE id = $1 AND organisation_id = $2",
                args![id, cap.organisation_id().as_str()],
            )
            .await?;
        let next = version.ok_or(Error::NotFound)? + 1;
        tx.exec(
            "UPDATE faq_entries SET topic = $2, question = $3, answer = $4, starter = FALSE, version = $5, updated_by = $6, \
             updated_at = $7 WHERE id = $1",
            args![id, new.topic.as_str(), &new.question, &new.answer, next, cap.user_id().as_str(), ms(now)],
        )
        .await?;
        write_version(&mut tx, id, next, new, Some(cap.user_id().as_str()), now).await?;
        crate::audit::record_change(&mut tx, me, Operation::Update, "faq.change", "faq-entry", id, source, now).await?;
        tx.commit().await
    }

    pub async fn remove_faq_entry(
        &self,
        me: &CurrentUser,
        cap: &OrgCan<oact::KeepKnowledge>,
        id: &str,
        source: &Source,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let found: Option<String> = tx
            .opt(
                "SELECT id FROM faq_entries WHERE id = $1 AND organisation_id = $2",
                args![id, cap.organisation_id().as_str()],
            )
            .await?;
        found.ok_or(Error::NotFound)?;
        tx.exec("DELETE FROM faq_versions WHERE entry_id = $1", args![id]).await?;
        tx.exec("DELETE FROM faq_entries WHERE id = $1", args![id]).await?;
        crate::audit::record_change(&mut tx, me, Operation::Delete, "faq.remove", "faq-entry", id, source, now).await?;
        tx.commit().await
    }
}

async fn insert(
    tx: &mut Tx,
    cap: &OrgCan<oact::KeepKnowledge>,
    new: &NewEntry,
    starter: bool,
    by: Option<&str>,
    now: Timestamp,
) -> Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    tx.exec(
        "INSERT INTO faq_entries (id, organisation_id, topic, question, answer, starter, version, updated_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $8)",
        args![&id, cap.organisation_id().as_str(), new.topic.as_str(), &new.question, &new.answer, starter, by, ms(now)],
    )
    .await?;
    write_version(tx, &id, 1, new, by, now).await?;
    Ok(id)
}
