//! The network map: members of the circle and contacts who are not, with
//! their place on the map. Every query is scoped by the capability's circle.

use crate::access::Can;
use crate::db::{Store, ms};
use crate::sql::{args, db_row};
use samenspel_core::access::act;
use samenspel_core::ids::MemberId;
use samenspel_core::network::{Category, Contact, Placement, Support, Tie};
use samenspel_core::role::Role;
use samenspel_core::{Error, Result, Timestamp};

db_row! {
    /// A member and, once placed, their contact on the map.
    struct MemberRow {
        member_id: String,
        role_raw: String,
        name: String,
        id: Option<String>,
        cat: Option<String>,
        sup: Option<String>,
        t: Option<String>,
        closeness: Option<i64>,
        note: Option<String>,
    }
}

db_row! {
    /// A contact who is not a member.
    struct ContactRow {
        id: String,
        name: String,
        cat: String,
        sup: String,
        t: String,
        closeness: i64,
        note: String,
        reach: String,
    }
}

fn corrupt(what: &str, raw: &str) -> Error {
    Error::internal(format!("network_contacts holds an unknown {what} {raw:?}"))
}

fn category(raw: &str) -> Result<Category> {
    Category::parse(raw).ok_or_else(|| corrupt("category", raw))
}

fn support(raw: &str) -> Result<Support> {
    Support::parse_letters(raw).ok_or_else(|| corrupt("support", raw))
}

fn tie(raw: &str) -> Result<Tie> {
    Tie::parse(raw).ok_or_else(|| corrupt("tie", raw))
}

fn member_contact(r: MemberRow) -> Result<Contact> {
    let MemberRow { member_id, role_raw, name, id, cat, sup, t, closeness, note } = r;
    let role = Role::parse(&role_raw).ok_or_else(|| corrupt("role", &role_raw))?;
    Ok(Contact {
        id,
        member_id: Some(MemberId::from_db(member_id)),
        role: Some(role),
        name,
        // A member nobody has placed yet stands where their role suggests.
        category: cat.as_deref().map(category).transpose()?.unwrap_or(Category::for_role(role)),
        support: sup.as_deref().map(support).transpose()?.unwrap_or_default(),
        tie: t.as_deref().map(tie).transpose()?.unwrap_or(Tie::Neutral),
        closeness: closeness.unwrap_or(2),
        note: note.unwrap_or_default(),
        reach: String::new(),
    })
}

fn other_contact(r: ContactRow) -> Result<Contact> {
    let ContactRow { id, name, cat, sup, t, closeness, note, reach } = r;
    Ok(Contact {
        id: Some(id),
        member_id: None,
        role: None,
        name,
        category: category(&cat)?,
        support: support(&sup)?,
        tie: tie(&t)?,
        closeness,
        note,
        reach,
    })
}

/// The order of the map and its table: by category (the ecogram's order),
/// closest first, then by name.
fn sort(contacts: &mut [Contact]) {
    let rank = |c: &Category| Category::ALL.iter().position(|x| x == c).unwrap_or(usize::MAX);
    contacts.sort_by(|a, b| {
        rank(&a.category)
            .cmp(&rank(&b.category))
            .then(a.closeness.cmp(&b.closeness))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
}

impl Store {
    /// Everybody on the map of the capability's circle: the active members
    /// (the client is the centre, not a contact) and the other contacts.
    pub async fn network(&self, cap: &Can<act::ViewNetwork>, now: Timestamp) -> Result<Vec<Contact>> {
        let circle = cap.circle_id().as_str();
        let members: Vec<MemberRow> = self
            .all(
                "SELECT m.id, m.role, u.display_name, c.id, c.category, c.support, c.tie, c.closeness, c.note \
             FROM memberships m JOIN users u ON u.id = m.user_id \
             LEFT JOIN network_contacts c ON c.member_id = m.id \
             WHERE m.circle_id = $1 AND m.ended_at IS NULL AND (m.access_until IS NULL OR m.access_until > $2) \
             AND m.role <> 'client'",
                args![circle, ms(now)],
            )
            .await?;
        let others: Vec<ContactRow> = self
            .all(
                "SELECT id, name, category, support, tie, closeness, note, reach FROM network_contacts \
             WHERE circle_id = $1 AND member_id IS NULL",
                args![circle],
            )
            .await?;
        let mut all = members
            .into_iter()
            .map(member_contact)
            .chain(others.into_iter().map(other_contact))
            .collect::<Result<Vec<_>>>()?;
        sort(&mut all);
        Ok(all)
    }

    /// Adds a contact who is not a member.
    pub async fn add_contact(&self, cap: &Can<act::EditNetwork>, p: &Placement, now: Timestamp) -> Result<String> {
        let id = uuid::Uuid::now_v7().to_string();
        self.exec("INSERT INTO network_contacts (id, circle_id, member_id, name, category, support, tie, closeness, note, reach, \
             created_at, created_by, updated_at, updated_by) VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8, $9, $10, $11, $10, $11)",
            args![&id, cap.circle_id().as_str(), &p.name, p.category.letter(), p.support.letters(), p.tie.as_str(), p.closeness, &p.note, &p.reach, ms(now), cap.member_id().as_str()]).await?;
        Ok(id)
    }

    /// Changes a contact who is not a member. Another circle's contact, or
    /// a member's place, is "not found".
    pub async fn update_contact(
        &self,
        cap: &Can<act::EditNetwork>,
        id: &str,
        p: &Placement,
        now: Timestamp,
    ) -> Result<()> {
        self.exec_found(
            "UPDATE network_contacts SET name = $3, category = $4, support = $5, tie = $6, closeness = $7, note = $8, \
             reach = $9, updated_at = $10, updated_by = $11 WHERE id = $1 AND circle_id = $2 AND member_id IS NULL",
            args![
                id,
                cap.circle_id().as_str(),
                &p.name,
                p.category.letter(),
                p.support.letters(),
                p.tie.as_str(),
                p.closeness,
                &p.note,
                &p.reach,
                ms(now),
                cap.member_id().as_str()
            ],
        )
        .await
    }

    /// Takes a contact who is not a member off the map.
    pub async fn delete_contact(&self, cap: &Can<act::EditNetwork>, id: &str) -> Result<()> {
        self.exec_found(
            "DELETE FROM network_contacts WHERE id = $1 AND circle_id = $2 AND member_id IS NULL",
            args![id, cap.circle_id().as_str()],
        )
        .await
    }

    /// Places an active member of the circle (not the client, who is the
    /// centre) on the map, or moves them.
    pub async fn place_member(
        &self,
        cap: &Can<act::EditNetwork>,
        member: &MemberId,
        p: &Placement,
        now: Timestamp,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let found: Option<(String,)> = tx
            .opt(
                "SELECT id FROM memberships WHERE id = $1 AND circle_id = $2 AND ended_at IS NULL \
             AND (access_until IS NULL OR access_until > $3) AND role <> 'client'",
                args![member.as_str(), cap.circle_id().as_str(), ms(now)],
            )
            .await?;
        if found.is_none() {
            return Err(Error::NotFound);
        }
        tx.exec(
            "INSERT INTO network_contacts (id, circle_id, member_id, name, category, support, tie, closeness, note, reach, \
             created_at, created_by, updated_at, updated_by) VALUES ($1, $2, $3, '', $4, $5, $6, $7, $8, '', $9, $10, $9, $10) \
             ON CONFLICT (member_id) DO UPDATE SET category = excluded.category, support = excluded.support, \
             tie = excluded.tie, closeness = excluded.closeness, note = excluded.note, \
             updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            args![uuid::Uuid::now_v7().to_string(), cap.circle_id().as_str(), member.as_str(), p.category.letter(), p.support.letters(), p.tie.as_str(), p.closeness, &p.note, ms(now), cap.member_id().as_str()],
        )
        .await?;
        tx.commit().await
    }
}
