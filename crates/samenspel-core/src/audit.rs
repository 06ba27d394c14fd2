//! The audit trail in the spirit of NEN 7513: who did what to which client's
//! data, when, and from where. Records form a hash chain — each record's hash
//! covers the previous hash — so a changed, removed or inserted record breaks
//! verification. The chain arithmetic lives here; the store appends.

use crate::Timestamp;
use crate::ids::{CircleId, UserId};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The hash that precedes the first record.
/// Actions on a member's own private data — their check-ins, their help
/// signals, their collaboration profile, their check-in reminders. They are
/// logged like every action, but the circle's audit trail, which shows the
/// client who looked at the client's data, leaves them out: that the carer
/// filled in a check-in, or asked the coordinator for help, is theirs to
/// tell.
pub const MEMBERS_OWN_ACTIONS: &[&str] = &[
    "checkins.list",
    "checkins.submit",
    "signals.share",
    "signals.withdraw",
    "profile.view",
    "profile.save",
    "profile.share",
    "profile.remove",
    "volunteer_checkins.list",
    "volunteer_checkins.submit",
    "volunteer_checkins.share",
    "volunteer_checkins.shared",
    "reminders.set",
];

pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// NEN 7513's kinds of action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Operation {
    Create,
    Read,
    Update,
    Delete,
}

impl Operation {
    pub fn as_str(self) -> &'static str {
        match self {
            Operation::Create => "create",
            Operation::Read => "read",
            Operation::Update => "update",
            Operation::Delete => "delete",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Operation::Create, Operation::Read, Operation::Update, Operation::Delete]
            .into_iter()
            .find(|o| o.as_str() == raw)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Allowed,
    Denied,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Allowed => "allowed",
            Outcome::Denied => "denied",
        }
    }
}

/// Which records of a circle's trail to list: a period (from inclusive,
/// until exclusive) and one person who acted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub from: Option<Timestamp>,
    pub until: Option<Timestamp>,
    pub actor: Option<UserId>,
}

/// Where a request came from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Source {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
}

impl Source {
    /// For the command line and background jobs.
    pub fn system(what: &str) -> Self {
        Source { ip: None, user_agent: Some(what.to_owned()), request_id: None }
    }
}

/// What is being done: the operation, a stable action name and the object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct What {
    pub operation: Operation,
    /// A stable name such as `members.list`, shown in the audit view.
    pub action: &'static str,
    pub object_type: &'static str,
    pub object_id: Option<String>,
}

impl What {
    pub fn new(
        operation: Operation,
        action: &'static str,
        object_type: &'static str,
        object_id: impl Into<Option<String>>,
    ) -> Self {
        What { operation, action, object_type, object_id: object_id.into() }
    }
}

/// One audit record before it is chained.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AuditEvent {
    pub at: Timestamp,
    pub actor_user_id: Option<UserId>,
    pub actor_name: String,
    pub circle_id: Option<CircleId>,
    pub operation: Operation,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    pub outcome: Outcome,
    pub source: Source,
}

impl AuditEvent {
    pub fn new(
        actor: Option<(&UserId, &str)>,
        circle_id: Option<&CircleId>,
        what: What,
        outcome: Outcome,
        source: &Source,
        at: Timestamp,
    ) -> Self {
        AuditEvent {
            // Stored with millisecond precision, so hash exactly that.
            at: Timestamp::from_millisecond(at.as_millisecond()).unwrap_or(at),
            actor_user_id: actor.map(|(id, _)| id.clone()),
            actor_name: actor.map(|(_, n)| n.to_owned()).unwrap_or_default(),
            circle_id: circle_id.cloned(),
            operation: what.operation,
            action: what.action.to_owned(),
            object_type: what.object_type.to_owned(),
            object_id: what.object_id,
            outcome,
            source: source.clone(),
        }
    }
}

/// A stored, chained record.
#[derive(Clone, Debug, Serialize)]
pub struct AuditRecord {
    pub seq: i64,
    pub event: AuditEvent,
    pub prev_hash: String,
    pub hash: String,
}

/// Something that durably records audit events. `authorize` takes one, so no
/// capability is handed out without its record.
pub trait AuditSink {
    fn record(&self, event: AuditEvent) -> impl Future<Output = crate::Result<()>> + Send;
}

/// The hash of record `seq` given the previous record's hash. Every field is
/// length-prefixed so no two different records share an encoding.
pub fn chain_hash(prev_hash: &str, seq: i64, e: &AuditEvent) -> String {
    fn field(h: &mut Sha256, value: Option<&str>) {
        match value {
            None => h.update([0u8]),
            Some(v) => {
                h.update([1u8]);
                h.update((v.len() as u64).to_be_bytes());
                h.update(v.as_bytes());
            }
        }
    }
    let mut h = Sha256::new();
    field(&mut h, Some(prev_hash));
    h.update(seq.to_be_bytes());
    h.update(e.at.as_millisecond().to_be_bytes());
    field(&mut h, e.actor_user_id.as_ref().map(|u| u.as_str()));
    field(&mut h, Some(&e.actor_name));
    field(&mut h, e.circle_id.as_ref().map(|c| c.as_str()));
    field(&mut h, Some(e.operation.as_str()));
    field(&mut h, Some(&e.action));
    field(&mut h, Some(&e.object_type));
    field(&mut h, e.object_id.as_deref());
    field(&mut h, Some(e.outcome.as_str()));
    field(&mut h, e.source.ip.as_deref());
    field(&mut h, e.source.user_agent.as_deref());
    field(&mut h, e.source.request_id.as_deref());
    hex::encode(h.finalize())
}

/// The first problem found when walking a chain, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainBreak {
    /// A sequence number is missing or out of order: records were removed or inserted.
    Gap { expected: i64, found: i64 },
    /// The record does not point to its predecessor.
    BrokenLink { seq: i64 },
    /// The record's content does not match its hash: it was changed.
    Tampered { seq: i64 },
}

/// Checks a run of records that follows `prev` (hash, seq). Returns the last
/// (hash, seq) so a long chain can be verified page by page.
pub fn verify_run(mut prev: (String, i64), records: &[AuditRecord]) -> Result<(String, i64), ChainBreak> {
    for r in records {
        if r.seq != prev.1 + 1 {
            return Err(ChainBreak::Gap { expected: prev.1 + 1, found: r.seq });
        }
        if r.prev_hash != prev.0 {
            return Err(ChainBreak::BrokenLink { seq: r.seq });
        }
        if chain_hash(&r.prev_hash, r.seq, &r.event) != r.hash {
            return Err(ChainBreak::Tampered { seq: r.seq });
        }
        prev = (r.hash.clone(), r.seq);
    }
    Ok(prev)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(action: &'static str) -> AuditEvent {
        AuditEvent::new(
            Some((&UserId::from_db("u1".into()), "Ans")),
            Some(&CircleId::from_db("c1".into())),
            What::new(Operation::Read, action, "circle", Some("c1".to_owned())),
            Outcome::Allowed,
            &Source { ip: Some("127.0.0.1".into()), user_agent: None, request_id: None },
            Timestamp::from_millisecond(1_700_000_000_000).expect("valid"),
        )
    }

    fn chain(n: i64) -> Vec<AuditRecord> {
        let mut prev = GENESIS_HASH.to_owned();
        (1..=n)
            .map(|seq| {
                let e = event("members.list");
                let hash = chain_hash(&prev, seq, &e);
                let r = AuditRecord { seq, event: e, prev_hash: prev.clone(), hash: hash.clone() };
                prev = hash;
                r
            })
            .collect()
    }

    #[test]
    fn intact_chain_verifies() {
        let c = chain(5);
        let end = verify_run((GENESIS_HASH.to_owned(), 0), &c).expect("intact");
        assert_eq!(end.1, 5);
        assert_eq!(end.0, c[4].hash);
    }

    #[test]
    fn changed_record_is_detected() {
        let mut c = chain(5);
        c[2].event.actor_name = "Iemand anders".into();
        assert_eq!(verify_run((GENESIS_HASH.to_owned(), 0), &c), Err(ChainBreak::Tampered { seq: 3 }));
    }

    #[test]
    fn removed_record_is_detected() {
        let mut c = chain(5);
        c.remove(1);
        assert_eq!(verify_run((GENESIS_HASH.to_owned(), 0), &c), Err(ChainBreak::Gap { expected: 2, found: 3 }));
    }

    #[test]
    fn rehashed_record_breaks_the_next_link() {
        let mut c = chain(5);
        c[1].event.action = "members.remove".into();
        c[1].hash = chain_hash(&c[1].prev_hash, 2, &c[1].event);
        assert_eq!(verify_run((GENESIS_HASH.to_owned(), 0), &c), Err(ChainBreak::BrokenLink { seq: 3 }));
    }

    #[test]
    fn field_boundaries_matter() {
        let mut a = event("ab");
        a.object_type = "c".into();
        let mut b = event("a");
        b.object_type = "bc".into();
        assert_ne!(chain_hash(GENESIS_HASH, 1, &a), chain_hash(GENESIS_HASH, 1, &b));
    }
}
