//! About the client: "Dit ben ik", empathy maps and the wellbeing plan. A
//! circle has a handful of each, so a read loads the circle's items whole and
//! applies the audience rule here, once, with [`AudienceScope::can_see`].
//! Writers must see what they change: an item outside their audience does
//! not exist for them.

use crate::access::Can;
use crate::db::{Store, Tx, ms, ts};
pub(crate) use crate::members::check_members;
use jiff::civil::Date;
use samenspel_core::about::{NewSection, Part, Section, Version};
use samenspel_core::access::{act, may_change_about};
use samenspel_core::audience::{Audience, AudienceScope};
use samenspel_core::empathy::{EmpathyMap, NewEmpathyMap};
use samenspel_core::ids::MemberId;
use samenspel_core::wellbeing::{Goal, GoalKind, GoalStatus, NewGoal, Progress};
use samenspel_core::{Error, Result, Timestamp};

use crate::sql::{NAME, args, db_row};

fn corrupt(what: &str, raw: &str) -> Error {
    Error::internal(format!("about the client: unknown {what} {raw:?}"))
}

fn audience(raw: &str) -> Result<Audience> {
    Audience::parse(raw).ok_or_else(|| corrupt("audience", raw))
}

fn date(raw: &str) -> Result<Date> {
    raw.parse::<Date>().map_err(|_| corrupt("date", raw))
}

/// The chosen members of every item of one kind in the circle, by item id.
async fn chosen_of(
    store: &Store,
    table: &str,
    key: &str,
    parent: &str,
    circle: &str,
) -> Result<Vec<(String, MemberId)>> {
    let rows: Vec<(String, String)> = store
        .all(
            &format!(
                "SELECT c.{key}, c.member_id FROM {table} c JOIN {parent} p ON p.id = c.{key} WHERE p.circle_id = $1"
            ),
            args![circle],
        )
        .await?;
    Ok(rows.into_iter().map(|(id, m)| (id, MemberId::from_db(m))).collect())
}

/// A "chosen" audience always holds its writer: nobody locks themselves out.
fn with_writer(audience: Audience, chosen: &[MemberId], writer: &MemberId) -> Vec<MemberId> {
    let mut out = chosen.to_vec();
    if audience == Audience::Chosen && !out.contains(writer) {
        out.push(writer.clone());
    }
    out
}

/// The same members, in any order.
fn same_members(a: &[MemberId], b: &[MemberId]) -> bool {
    let set = |v: &[MemberId]| v.iter().map(|m| m.as_str().to_owned()).collect::<std::collections::BTreeSet<_>>();
    set(a) == set(b)
}

fn pick(all: &[(String, MemberId)], id: &str) -> Vec<MemberId> {
    all.iter().filter(|(i, _)| i == id).map(|(_, m)| m.clone()).collect()
}

async fn write_pairs(tx: &mut Tx, table: &str, key: &str, id: &str, members: &[MemberId]) -> Result<()> {
    tx.exec(&format!("DELETE FROM {table} WHERE {key} = $1"), args![id]).await?;
    for m in members {
        tx.exec(&format!("INSERT INTO {table} ({key}, member_id) VALUES ($1, $2)"), args![id, m.as_str()]).await?;
    }
    Ok(())
}

mod empathy;
mod goals;
mod sections;

pub(crate) use goals::link_goal_progress;
