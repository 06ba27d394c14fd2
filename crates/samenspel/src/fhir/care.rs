//! The care around the client: `CarePlan`, `Task`, `Communication`,
//! `Appointment`, `QuestionnaireResponse`, `Consent` and `AuditEvent`.

use super::{Export, Resource, date, instant, member_ref, patient_ref, resource};
use samenspel_core::agreement::{Party, Step};
use samenspel_core::audit::Outcome;
use samenspel_core::consent::Category;
use samenspel_core::logbook::EntryKind;
use samenspel_core::wellbeing::GoalStatus;
use serde_json::{Value, json};

/// Samenspel's own codes, where FHIR has none: the consent categories and
/// the audit actions.
const CONSENT_CATEGORIES: &str = "https://samenspel.nl/fhir/CodeSystem/consent-category";
const AUDIT_ACTIONS: &str = "https://samenspel.nl/fhir/CodeSystem/audit-action";

fn plan_id(x: &Export<'_>) -> String {
    format!("plan-{}", x.circle.id)
}

/// The step of the Schijf van Vijf, in words.
fn step_text(step: Step) -> String {
    let word = match step {
        Step::Client => "wat de cliënt zelf kan",
        Step::Aids => "hulpmiddelen",
        Step::Family => "familie en huisgenoten",
        Step::Network => "het netwerk",
        Step::Professional => "beroepskrachten",
    };
    format!("Schijf van Vijf, stap {}: {word}", step.number())
}

fn party(x: &Export<'_>, p: &Party) -> Option<Value> {
    match p {
        Party::Nobody => None,
        Party::Member { id, .. } => Some(member_ref(x, id)),
        // A person outside the circle: no resource to point to, so a
        // reference that only names them.
        Party::Named(name) => Some(json!({"display": name})),
    }
}

/// One care plan: the wellbeing plan's goals and the agreements, each an activity.
pub(super) fn care_plan(x: &Export<'_>) -> Option<Resource> {
    if x.goals.is_none() && x.agreements.is_none() {
        return None;
    }
    let mut activities = Vec::new();
    for g in x.goals.unwrap_or_default() {
        let status = match g.status {
            GoalStatus::Active => "in-progress",
            GoalStatus::Achieved => "completed",
            GoalStatus::Stopped => "stopped",
        };
        let mut detail = json!({
            "kind": "Task",
            "code": {"text": format!("Welzijnsplan: {}", g.kind.as_str())},
            "status": status,
            "description": g.words,
        });
        let performers: Vec<Value> = g.helpers.iter().map(|(id, _)| member_ref(x, id)).collect();
        if !performers.is_empty() {
            detail["performer"] = performers.into();
        }
        activities.push(json!({"detail": detail}));
    }
    for a in x.agreements.unwrap_or_default() {
        let mut detail = json!({
            "kind": "Task",
            "code": {"text": step_text(a.step)},
            "status": "in-progress",
            "description": a.description,
        });
        if let Some(doer) = party(x, &a.doer) {
            detail["performer"] = json!([doer]);
        }
        if !a.frequency.trim().is_empty() {
            detail["scheduledString"] = a.frequency.trim().into();
        }
        activities.push(json!({"detail": detail}));
    }
    let mut plan = json!({
        "status": "active",
        "intent": "plan",
        "title": format!("Welzijnsplan en afspraken van de kring van {}", x.circle.client_name),
        "subject": patient_ref(x),
        "careTeam": [{"reference": format!("CareTeam/{}", x.circle.id)}],
    });
    if !activities.is_empty() {
        plan["activity"] = activities.into();
    }
    Some(resource(x, "CarePlan", &plan_id(x), plan))
}

/// An agreement due for review: a task to look at it again.
pub(super) fn tasks(x: &Export<'_>) -> Vec<Resource> {
    x.agreements
        .unwrap_or_default()
        .iter()
        .filter(|a| a.due(x.today))
        .map(|a| {
            let mut task = json!({
                "status": "requested",
                "intent": "plan",
                "description": format!("Afspraak opnieuw bekijken: {}", a.description),
                "basedOn": [{"reference": format!("CarePlan/{}", plan_id(x))}],
                "for": patient_ref(x),
                "authoredOn": instant(x.now),
            });
            if let Some(on) = a.review_on {
                task["restriction"] = json!({"period": {"end": date(on)}});
            }
            if let Some(lead) = party(x, &a.lead) {
                task["owner"] = lead;
            }
            resource(x, "Task", &format!("review-{}", a.id), task)
        })
        .collect()
}

/// Logbook entries the exporter may read, and their replies (each in
/// response to its entry); removed ones left out.
pub(super) fn communications(x: &Export<'_>) -> Vec<Resource> {
    x.entries
        .iter()
        .filter(|e| e.deleted.is_none())
        .map(|e| {
            let kind = match e.kind {
                EntryKind::Update => "update",
                EntryKind::Moment => "mooi moment",
                EntryKind::Concern => "zorg",
                EntryKind::Question => "vraag",
                EntryKind::Thanks => "bedankje",
            };
            let mut c = json!({
                "status": "completed",
                "category": [{"text": kind}],
                "subject": patient_ref(x),
                "sent": instant(e.created_at),
                "sender": member_ref(x, &e.author.member_id),
                "payload": [{"contentString": e.body}],
            });
            if !e.recipients.is_empty() {
                c["recipient"] = e.recipients.iter().map(|p| member_ref(x, &p.member_id)).collect::<Vec<_>>().into();
            }
            resource(x, "Communication", &e.id, c)
        })
        .chain(x.replies.iter().flat_map(|(entry, replies)| {
            replies.iter().filter(|r| r.deleted.is_none()).map(move |r| {
                resource(
                    x,
                    "Communication",
                    &format!("reply-{}", r.id),
                    json!({
                        "status": "completed",
                        "inResponseTo": [{"reference": format!("Communication/{entry}")}],
                        "subject": patient_ref(x),
                        "sent": instant(r.created_at),
                        "sender": member_ref(x, &r.author.member_id),
                        "payload": [{"contentString": r.body}],
                    }),
                )
            })
        }))
        .collect()
}

/// The agenda's coming occurrences, each an appointment with the client.
pub(super) fn appointments(x: &Export<'_>) -> Vec<Resource> {
    x.appointments
        .unwrap_or_default()
        .iter()
        .map(|(item, o)| {
            let mut participants = vec![json!({"actor": patient_ref(x), "status": "accepted"})];
            participants
                .extend(item.along.iter().map(|(id, _)| json!({"actor": member_ref(x, id), "status": "accepted"})));
            let mut a = json!({
                "status": "booked",
                "serviceCategory": [{"text": item.kind.as_str()}],
                "description": item.title,
                "start": instant(o.start.timestamp()),
                "end": instant(o.end.timestamp()),
                "participant": participants,
            });
            if !item.notes.trim().is_empty() {
                a["comment"] = item.notes.trim().into();
            }
            resource(x, "Appointment", &format!("{}-{}", item.id, o.original), a)
        })
        .collect()
}

/// Volunteer check-ins the volunteer chose to share (with the coordinators,
/// so only a coordinator's export holds any). A family carer's check-in is
/// theirs alone and never exported.
pub(super) fn questionnaire_responses(x: &Export<'_>) -> Vec<Resource> {
    x.check_ins
        .iter()
        .filter(|c| c.shared_at.is_some())
        .map(|c| {
            let items: Vec<Value> = c
                .answers
                .iter()
                .map(|(link, answer)| json!({"linkId": link, "answer": [{"valueString": answer}]}))
                .collect();
            resource(
                x,
                "QuestionnaireResponse",
                &c.id,
                json!({
                    "questionnaire": super::WIFA_QUESTIONNAIRE,
                    "status": "completed",
                    "authored": instant(c.authored_at),
                    "author": member_ref(x, &c.member_id),
                    "source": member_ref(x, &c.member_id),
                    "item": items,
                }),
            )
        })
        .collect()
}

/// The client's decision: everything is permitted to the circle, except
/// each category kept from a role (a nested "deny").
pub(super) fn consent(x: &Export<'_>) -> Resource {
    let consent = x.consent.consent;
    let mut denials = Vec::new();
    for category in Category::ALL {
        for role in consent.hidden_from(category) {
            denials.push(json!({
                "type": "deny",
                "actor": [{
                    "role": {"text": super::people::role_word(role)},
                    "reference": {"reference": format!("CareTeam/{}", x.circle.id), "display": format!("{} in de kring", super::people::role_word(role))},
                }],
                "code": [{"coding": [{"system": CONSENT_CATEGORIES, "code": category.as_str()}]}],
            }));
        }
    }
    let decided = x.consent.decisions.iter().map(|d| d.at).max().unwrap_or(x.circle.created_at);
    let mut provision = json!({"type": "permit"});
    if !denials.is_empty() {
        provision["provision"] = denials.into();
    }
    resource(
        x,
        "Consent",
        &format!("consent-{}", x.circle.id),
        json!({
            "status": "active",
            "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"}]},
            "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0", "display": "Patient Consent"}]}],
            "patient": patient_ref(x),
            "dateTime": instant(decided),
            "performer": [patient_ref(x)],
            "policyRule": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTIN"}]},
            "provision": provision,
        }),
    )
}

/// The audit trail, for the client side only.
pub(super) fn audit_events(x: &Export<'_>) -> Vec<Resource> {
    x.audit
        .unwrap_or_default()
        .iter()
        .map(|r| {
            let e = &r.event;
            let action = match e.operation {
                samenspel_core::audit::Operation::Create => "C",
                samenspel_core::audit::Operation::Read => "R",
                samenspel_core::audit::Operation::Update => "U",
                samenspel_core::audit::Operation::Delete => "D",
            };
            // What was touched, in Samenspel's words (no FHIR resource type fits
            // a circle, a logbook entry or a consent decision one to one).
            let what = match &e.object_id {
                Some(id) => json!({"what": {"display": format!("{} {id}", e.object_type)}}),
                None => json!({"what": {"display": e.object_type}}),
            };
            resource(
                x,
                "AuditEvent",
                &format!("audit-{}", r.seq),
                json!({
                    "type": {"system": "http://terminology.hl7.org/CodeSystem/audit-event-type", "code": "rest", "display": "RESTful Operation"},
                    "subtype": [{"system": AUDIT_ACTIONS, "code": e.action}],
                    "action": action,
                    "recorded": instant(e.at),
                    "outcome": if e.outcome == Outcome::Allowed { "0" } else { "4" },
                    "agent": [{"who": {"display": if e.actor_name.is_empty() { "Samenspel" } else { e.actor_name.as_str() }}, "requestor": true}],
                    "source": {"observer": {"display": "Samenspel"}},
                    "entity": [what],
                }),
            )
        })
        .collect()
}
