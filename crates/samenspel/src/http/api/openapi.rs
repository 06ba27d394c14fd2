//! The OpenAPI document's finishing touches, applied once to what utoipa
//! generates from the handlers: a description on every response (OpenAPI 3.1
//! requires one), operation ids unique across the API (`{tag}_{handler}`),
//! the 401 and 403 answers every protected route can give, and the closed
//! sets of values (kinds, audiences, roles…) as enums, taken from the
//! domain's own lists so the document cannot drift from what the API
//! accepts. Kept in one place, apart from the handlers' annotations.

use samenspel_core as core;
use serde_json::{Map, Value, json};

/// Finishes the generated document and writes it out as JSON, the form it
/// is served in (kept so, not as utoipa's structs, which take several times
/// the memory). On the (unexpected) failure to write it, the problem is
/// logged and the document is empty.
pub fn finish(doc: utoipa::openapi::OpenApi) -> Vec<u8> {
    let finished = serde_json::to_value(&doc).and_then(|mut v| {
        drop(doc);
        finish_json(&mut v);
        serde_json::to_vec(&v)
    });
    finished.unwrap_or_else(|e| {
        tracing::error!(error = %e, "could not write the OpenAPI document");
        b"{}".to_vec()
    })
}

/// The work of [`finish`], on the document as JSON.
pub fn finish_json(doc: &mut Value) {
    let sets = closed_sets();
    if let Some(schemas) = doc.pointer_mut("/components/schemas").and_then(Value::as_object_mut) {
        for (schema, property, values) in &sets {
            if let Some(p) = schemas.get_mut(*schema).and_then(|s| s.pointer_mut(&format!("/properties/{property}"))) {
                set_enum(p, values);
            }
        }
    }
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else { return };
    for (path, item) in paths.iter_mut() {
        let Some(item) = item.as_object_mut() else { continue };
        for (method, op) in item.iter_mut() {
            if !matches!(method.as_str(), "get" | "put" | "post" | "delete" | "patch") {
                continue;
            }
            let Some(op) = op.as_object_mut() else { continue };
            unique_operation_id(op);
            // Without an operation-level `security`, the document's bearer token applies.
            let anonymous = op
                .get("security")
                .and_then(Value::as_array)
                .is_some_and(|s| s.is_empty() || s.iter().all(|r| r.as_object().is_some_and(Map::is_empty)));
            let has_query = op
                .get("parameters")
                .and_then(Value::as_array)
                .is_some_and(|ps| ps.iter().any(|p| p.get("in").and_then(Value::as_str) == Some("query")));
            let has_body = op.contains_key("requestBody");
            let responses = op.entry("responses").or_insert_with(|| json!({}));
            let Some(responses) = responses.as_object_mut() else { continue };
            // What the shared extractors answer: no token (`Api`), an id that
            // does not parse or is not there (`id`), a body or query string that
            // cannot be read (`Body`, `Query`).
            if !anonymous {
                responses.entry("401").or_insert_with(|| error_response("401"));
            }
            if path.contains('{') {
                responses.entry("404").or_insert_with(|| error_response("404"));
            }
            if has_body || has_query {
                responses.entry("422").or_insert_with(|| error_response("422"));
            }
            if path.starts_with("/circles/{circle_id}") || path.starts_with("/locations/") {
                responses.entry("403").or_insert_with(|| error_response("403"));
            }
            for (status, response) in responses.iter_mut() {
                if let Some(r) = response.as_object_mut()
                    && r.get("description").and_then(Value::as_str).is_none_or(str::is_empty)
                {
                    r.insert("description".into(), Value::String(describe(status).into()));
                }
            }
            for parameter in op.get_mut("parameters").and_then(Value::as_array_mut).into_iter().flatten() {
                let name = parameter.get("name").and_then(Value::as_str).unwrap_or_default().to_owned();
                let values = match name.as_str() {
                    "reaction" => strings(core::logbook::Reaction::ALL.map(|r| r.as_str())),
                    "part" => strings(core::about::Part::ALL.map(|p| p.as_str())),
                    _ => continue,
                };
                if let Some(schema) = parameter.get_mut("schema") {
                    set_enum(schema, &values);
                }
            }
        }
    }
}

/// `list` is a handler name in a dozen modules: ids get their tag in front.
fn unique_operation_id(op: &mut Map<String, Value>) {
    let tag = op.get("tags").and_then(|t| t.get(0)).and_then(Value::as_str).map(|t| t.replace('-', "_"));
    let id = op.get("operationId").and_then(Value::as_str).map(str::to_owned);
    if let (Some(tag), Some(id)) = (tag, id)
        && !id.starts_with(&tag)
    {
        op.insert("operationId".into(), Value::String(format!("{tag}_{id}")));
    }
}

fn error_response(status: &str) -> Value {
    json!({
        "description": describe(status),
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
    })
}

fn describe(status: &str) -> &'static str {
    match status {
        "200" => "OK",
        "201" => "Created",
        "204" => "Done; no content",
        "400" => "The request could not be read",
        "401" => "No valid API token: send `Authorization: Bearer ssp_…`",
        "403" => "Your role here does not allow this",
        "404" => "Not found, or not yours to see",
        "409" => "Conflicts with the current state; `error.code` says how",
        "413" => "The body is too large",
        "422" => "The input was not accepted; `error.fields` names each field and why",
        "429" => "Too many requests; try again later",
        "503" => "Not available right now",
        _ => "See the error body",
    }
}

/// Sets the allowed values of a string property (or of an array's items);
/// a nullable property keeps null.
fn set_enum(property: &mut Value, values: &[Value]) {
    let target = match property.get("items") {
        Some(_) => property.get_mut("items"),
        None => Some(property),
    };
    let Some(Value::Object(target)) = target else { return };
    let nullable = target.get("type").and_then(Value::as_array).is_some_and(|t| t.contains(&json!("null")));
    let mut values = values.to_vec();
    if nullable {
        values.push(Value::Null);
    }
    target.insert("enum".into(), Value::Array(values));
}

fn strings<const N: usize>(values: [&'static str; N]) -> Vec<Value> {
    values.iter().map(|v| Value::String((*v).into())).collect()
}

/// Which properties accept or give a closed set of values: (schema, property, values).
pub fn closed_sets() -> Vec<(&'static str, &'static str, Vec<Value>)> {
    use core::agenda::{Kind, WEEKDAYS};
    use core::audience::Audience;
    use core::role::Role;
    let audiences = strings(Audience::ALL.map(|v| v.as_str()));
    let group_audiences: Vec<Value> = audiences.iter().filter(|a| *a != "chosen").cloned().collect();
    let roles = strings(Role::ALL.map(|v| v.as_str()));
    let mut sets: Vec<(&'static str, &'static str, Vec<Value>)> = Vec::new();
    let mut add = |schemas: &[&'static str], property: &'static str, values: &Vec<Value>| {
        for s in schemas {
            sets.push((s, property, values.clone()));
        }
    };
    add(
        &[
            "AgendaItemDto",
            "AgendaOccurrenceDto",
            "ItemInput",
            "EntryDto",
            "WriteEntry",
            "HelpRequestDto",
            "RequestInput",
            "EmpathyMapInput",
            "GoalInput",
            "SectionInput",
            "ConversationDto",
            "ConversationInput",
            "EmpathyMapDto",
            "GoalDto",
            "SectionDto",
        ],
        "audience",
        &audiences,
    );
    add(&["ContactAudience", "MemberDto"], "contact_audience", &group_audiences);
    add(
        &[
            "MemberDto",
            "MyMembershipDto",
            "Invite",
            "ChangeMember",
            "ContactDto",
            "InvitationDto",
            "InvitationPreviewDto",
            "PersonDto",
        ],
        "role",
        &roles,
    );
    add(&["StartCircle"], "my_role", &roles);
    add(&["AgendaItemDto", "AgendaOccurrenceDto", "ItemInput"], "kind", &strings(Kind::ALL.map(|v| v.as_str())));
    add(&["LocationOccurrenceDto"], "kind", &strings([Kind::Shift.as_str(), Kind::Activity.as_str()]));
    add(&["ItemInput", "RecurrenceDto"], "repeat", &strings(["once", "daily", "weekly", "monthly"]));
    add(&["ItemInput", "RecurrenceDto"], "weekdays", &strings(WEEKDAYS.map(|(code, _)| code)));
    add(&["OccurrenceChangeInput"], "change", &strings(["cancel", "restore", "move"]));
    use core::logbook::{Card, EntryKind, Reaction};
    add(&["EntryDto", "WriteEntry"], "kind", &strings(EntryKind::ALL.map(|v| v.as_str())));
    add(&["EntryDto"], "status", &strings(["none", "open", "answered", "closed"]));
    add(&["WriteEntry"], "card", &strings(Card::ALL.map(|v| v.as_str())));
    add(&["ReactionDto"], "reaction", &strings(Reaction::ALL.map(|v| v.as_str())));
    add(&["AttachmentDto"], "kind", &strings(["image", "pdf"]));
    add(&["AgreementDto", "AgreementInput"], "domain", &strings(core::agreement::Domain::ALL.map(|d| d.as_str())));
    add(&["AuditRecordDto"], "operation", &strings(["create", "read", "update", "delete"]));
    add(&["AuditRecordDto"], "outcome", &strings(["allowed", "denied"]));
    add(&["ChangeDto", "ChangeInput"], "kind", &strings(core::change::ChangeKind::ALL.map(|k| k.as_str())));
    add(&["ContactDto"], "tie", &strings(core::network::Tie::ALL.map(|t| t.as_str())));
    add(&["ConversationInput", "GuideDto"], "guide", &strings(core::conversation::Guide::ALL.map(|g| g.as_str())));
    use core::wellbeing::{GoalKind, GoalStatus};
    add(&["GoalDto", "GoalInput"], "kind", &strings(GoalKind::ALL.map(|v| v.as_str())));
    add(&["GoalDto", "GoalInput"], "status", &strings(GoalStatus::ALL.map(|v| v.as_str())));
    add(&["HelpRequestDto"], "status", &strings(["open", "confirmed"]));
    add(&["HelpRequestDto", "RequestInput"], "template", &strings(core::help::Template::ALL.map(|t| t.as_str())));
    add(&["InvitationDto", "InvitationPreviewDto"], "state", &strings(["open", "accepted", "revoked", "expired"]));
    add(&["MeDto"], "locale", &strings(core::locale::Locale::ALL.map(|l| l.as_str())));
    add(&["NotificationSettingsDto"], "digest", &strings(["off", "daily", "weekly"]));
    add(&["SectionDto"], "part", &strings(core::about::Part::ALL.map(|p| p.as_str())));
    use core::carer_signal::SignalAudience;
    add(&["SignalDto", "SignalInput"], "audience", &strings(SignalAudience::ALL.map(|a| a.as_str())));
    use core::profile::{Perspective, SofaRole};
    add(&["MyProfileDto", "ProfileInput"], "answers", &strings(Perspective::ALL.map(|p| p.as_str())));
    add(&["CarerRolesDto"], "roles", &strings(SofaRole::ALL.map(|r| r.as_str())));
    sets
}
