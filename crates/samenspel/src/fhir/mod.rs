//! A circle as a FHIR R4 `Bundle` (type `collection`), for a care record
//! system: the client (`Patient`), the people around them (`RelatedPerson`,
//! `Practitioner` with `PractitionerRole`), the circle (`CareTeam`), the
//! wellbeing plan and the agreements (`CarePlan`), agreements due for review
//! (`Task`), logbook entries (`Communication`), the agenda (`Appointment`),
//! check-ins a volunteer chose to share (`QuestionnaireResponse`), the
//! client's consent (`Consent`) and the audit trail (`AuditEvent`).
//!
//! The builder is pure: it turns what the service read — through the
//! exporter's own capabilities, so only what they may see — into JSON. Dutch
//! nl-core profiles are named where a resource follows them; identifiers the
//! profiles know (BSN, AGB, UZI) are not kept by Samenspel and so not sent.

mod care;
mod people;

use samenspel_core::Timestamp;
use samenspel_core::agreement::Agreement;
use samenspel_core::audit::AuditRecord;
use samenspel_core::circle::Circle;
use samenspel_core::ids::MemberId;
use samenspel_core::logbook::{Entry, Reply};
use samenspel_core::member::Member;
use samenspel_core::recurrence::Occurrence;
use samenspel_core::wellbeing::Goal;
use samenspel_store::checkins::VolunteerCheckIn;
use samenspel_store::consent::ConsentView;
use serde_json::{Value, json};

/// Everything the exporter may see, read by the service.
pub struct Export<'a> {
    /// The instance's address: every resource's `fullUrl` starts with it.
    pub base: &'a str,
    pub circle: &'a Circle,
    pub members: &'a [Member],
    /// The wellbeing plan's goals (None: the exporter may not see them).
    pub goals: Option<&'a [Goal]>,
    pub agreements: Option<&'a [Agreement]>,
    pub entries: &'a [Entry],
    /// The replies to those entries, by entry id (removed ones left out).
    pub replies: &'a [(String, Vec<Reply>)],
    /// The agenda's coming occurrences, with their item's title and notes.
    pub appointments: Option<&'a [(samenspel_core::agenda::Item, Occurrence)]>,
    pub check_ins: &'a [VolunteerCheckIn],
    pub consent: &'a ConsentView,
    /// The audit trail (None: only the client side reads it).
    pub audit: Option<&'a [AuditRecord]>,
    pub today: jiff::civil::Date,
    pub now: Timestamp,
}

/// The canonical address of the volunteer check-in's questionnaire.
pub const WIFA_QUESTIONNAIRE: &str = "https://samenspel.nl/fhir/Questionnaire/wifa";

/// The Bundle.
pub fn bundle(x: &Export<'_>) -> Value {
    let mut entries = Vec::new();
    entries.push(people::patient(x));
    entries.extend(people::people(x));
    entries.push(people::care_team(x));
    entries.extend(care::care_plan(x));
    entries.extend(care::tasks(x));
    entries.extend(care::communications(x));
    entries.extend(care::appointments(x));
    entries.extend(care::questionnaire_responses(x));
    entries.push(care::consent(x));
    entries.extend(care::audit_events(x));
    json!({
        "resourceType": "Bundle",
        "id": uuid::Uuid::now_v7().to_string(),
        "meta": {"lastUpdated": instant(x.now)},
        "type": "collection",
        "timestamp": instant(x.now),
        "entry": entries.into_iter().map(|(full_url, resource)| json!({"fullUrl": full_url, "resource": resource})).collect::<Vec<_>>(),
    })
}

/// A resource and its `fullUrl`: `{base}/fhir/{type}/{id}`.
type Resource = (String, Value);

fn resource(x: &Export<'_>, kind: &str, id: &str, mut body: Value) -> Resource {
    if let Some(map) = body.as_object_mut() {
        map.insert("resourceType".into(), kind.into());
        map.insert("id".into(), id.into());
    }
    (format!("{}/fhir/{kind}/{id}", x.base.trim_end_matches('/')), body)
}

/// A FHIR `instant`: seconds precision with the zone (`2026-12-04T10:15:00Z`).
fn instant(t: Timestamp) -> String {
    Timestamp::from_second(t.as_second()).unwrap_or(t).to_string()
}

fn date(d: jiff::civil::Date) -> String {
    d.to_string()
}

/// How a member is referred to: professionals and coordinators by their
/// `PractitionerRole`, everyone else by their `RelatedPerson`, the client
/// by the `Patient`.
fn member_ref(x: &Export<'_>, id: &MemberId) -> Value {
    match x.members.iter().find(|m| &m.id == id) {
        Some(m) if m.role == samenspel_core::role::Role::Client => {
            json!({"reference": format!("Patient/{}", x.circle.id), "display": m.display_name})
        }
        Some(m) if m.role.is_professional() => {
            json!({"reference": format!("PractitionerRole/{}", people::role_id(&m.id)), "display": m.display_name})
        }
        Some(m) => json!({"reference": format!("RelatedPerson/{}", m.id), "display": m.display_name}),
        // A former member: named, not referenced.
        None => json!({"display": "Voormalig lid"}),
    }
}

fn patient_ref(x: &Export<'_>) -> Value {
    json!({"reference": format!("Patient/{}", x.circle.id), "display": x.circle.client_name})
}
