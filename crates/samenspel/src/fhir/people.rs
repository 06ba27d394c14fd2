//! The client and the people around them: `Patient`, `RelatedPerson`,
//! `Practitioner` with `PractitionerRole`, and the circle as a `CareTeam`.

use super::{Export, Resource, member_ref, patient_ref, resource};
use samenspel_core::ids::MemberId;
use samenspel_core::member::Member;
use samenspel_core::role::Role;
use serde_json::{Value, json};

const NL_CORE: &str = "http://nictiz.nl/fhir/StructureDefinition/";
const ROLE_CODES: &str = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

/// The `PractitionerRole` id of a professional member (the `Practitioner`
/// has the member id itself).
pub(super) fn role_id(member: &MemberId) -> String {
    format!("role-{member}")
}

pub(super) fn patient(x: &Export<'_>) -> Resource {
    resource(
        x,
        "Patient",
        x.circle.id.as_str(),
        json!({
            "meta": {"profile": [format!("{NL_CORE}nl-core-Patient")]},
            "active": x.circle.archived_at.is_none(),
            "name": [{"text": x.circle.client_name}],
        }),
    )
}

/// How a role relates to the client, as an HL7 v3 RoleCode where one fits,
/// always with the Dutch word.
fn relationship(m: &Member) -> Value {
    let (code, display) = match m.role {
        Role::Representative => (Some("GUARD"), "guardian"),
        Role::Relative => (Some("FAMMEMB"), "family member"),
        _ => (None, ""),
    };
    let word = match m.role {
        Role::Representative => "vertegenwoordiger",
        Role::Relative => "naaste",
        _ => "vrijwilliger",
    };
    let text = if m.relation.trim().is_empty() { word.to_owned() } else { format!("{word}: {}", m.relation.trim()) };
    match code {
        Some(code) => json!({"coding": [{"system": ROLE_CODES, "code": code, "display": display}], "text": text}),
        None => json!({"text": text}),
    }
}

/// What each member is on the record: everyone but the client.
pub(super) fn people(x: &Export<'_>) -> Vec<Resource> {
    let mut out = Vec::new();
    for m in x.members.iter().filter(|m| m.role != Role::Client) {
        if m.role.is_professional() {
            out.push(resource(
                x,
                "Practitioner",
                m.id.as_str(),
                json!({
                    "meta": {"profile": [format!("{NL_CORE}nl-core-HealthProfessional-Practitioner")]},
                    "name": [{"text": m.display_name}],
                }),
            ));
            let what = if m.role == Role::Coordinator { "coördinator informele zorg" } else { "beroepskracht" };
            let mut role = json!({
                "meta": {"profile": [format!("{NL_CORE}nl-core-HealthProfessional-PractitionerRole")]},
                "active": true,
                "practitioner": {"reference": format!("Practitioner/{}", m.id), "display": m.display_name},
                "code": [{"text": what}],
                "period": {"start": super::instant(m.joined_at)},
            });
            if let Some(until) = m.access_until {
                role["period"]["end"] = super::instant(until).into();
            }
            out.push(resource(x, "PractitionerRole", &role_id(&m.id), role));
        } else {
            out.push(resource(
                x,
                "RelatedPerson",
                m.id.as_str(),
                json!({
                    "meta": {"profile": [format!("{NL_CORE}nl-core-ContactPerson")]},
                    "active": true,
                    "patient": patient_ref(x),
                    "relationship": [relationship(m)],
                    "name": [{"text": m.display_name}],
                }),
            ));
        }
    }
    out
}

/// The circle: everyone in it, the client first.
pub(super) fn care_team(x: &Export<'_>) -> Resource {
    let participants: Vec<Value> = x
        .members
        .iter()
        .map(|m| {
            let role = if m.role == Role::Client { "cliënt".to_owned() } else { role_word(m.role).to_owned() };
            json!({"role": [{"text": role}], "member": member_ref(x, &m.id)})
        })
        .collect();
    let mut team = json!({
        "status": if x.circle.archived_at.is_some() { "inactive" } else { "active" },
        "name": format!("Kring van {}", x.circle.client_name),
        "subject": patient_ref(x),
        "period": {"start": super::instant(x.circle.created_at)},
        "participant": participants,
    });
    if let Some(org) = &x.circle.organisation_name {
        team["managingOrganization"] = json!([{"display": org}]);
    }
    resource(x, "CareTeam", x.circle.id.as_str(), team)
}

pub(super) fn role_word(role: Role) -> &'static str {
    match role {
        Role::Client => "cliënt",
        Role::Representative => "vertegenwoordiger",
        Role::Relative => "naaste",
        Role::Volunteer => "vrijwilliger",
        Role::Professional => "beroepskracht",
        Role::Coordinator => "coördinator",
    }
}
