//! The JSON API: a whole flow, the error format, and the OpenAPI document.

use crate::support::{TestApp, TestDb};
use axum::http::Method;
use serde_json::json;

pub async fn api_flow_and_error_format(db: TestDb) {
    let app = TestApp::new(db).await;
    let ans = app.user("Ans").await;
    let kees = app.user("Kees").await;
    let mut a = app.api_as(&ans).await;
    let mut k = app.api_as(&kees).await;

    let henk = json!({"client_name": "Henk", "my_role": "relative", "my_relation": "echtgenote"});
    let created = a.post_with_key("/api/v1/circles", "api-retry-0001", henk.clone()).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let circle = created.json()["id"].as_str().expect("id").to_owned();
    assert_eq!(created.json()["member_count"], 1);
    let retried = a.post_with_key("/api/v1/circles", "api-retry-0001", henk).await;
    assert_eq!(retried.json()["id"], circle.as_str(), "same key, same circle");
    let mine = a.api(Method::GET, "/api/v1/circles", None).await.json();
    assert_eq!(mine.as_array().expect("list").len(), 1);
    assert_eq!(mine[0]["membership"]["role"], "relative");
    assert_eq!(mine[0]["membership"]["manages"], true);

    let inv = a
        .api(
            Method::POST,
            &format!("/api/v1/circles/{circle}/invitations"),
            Some(json!({"role": "volunteer", "relation": "buurman"})),
        )
        .await;
    assert_eq!(inv.status, 201, "{}", inv.body);
    let link = inv.json()["link"].as_str().expect("link").to_owned();
    let token = link.rsplit('/').next().expect("token").to_owned();
    let preview = app.client().api(Method::GET, &format!("/api/v1/invitations/{token}"), None).await;
    assert_eq!(preview.status, 200);
    assert_eq!(preview.json()["client_name"], "Henk");
    assert_eq!(preview.json()["state"], "open");
    // Before joining, Kees gets nothing of the circle.
    assert_eq!(k.api(Method::GET, &format!("/api/v1/circles/{circle}/members"), None).await.status, 404);
    let joined = k.api(Method::POST, &format!("/api/v1/invitations/{token}/accept"), None).await;
    assert_eq!(joined.status, 200, "{}", joined.body);
    assert_eq!(joined.json()["circle_id"], circle.as_str());
    let members = k.api(Method::GET, &format!("/api/v1/circles/{circle}/members"), None).await.json();
    assert_eq!(members.as_array().expect("members").len(), 2);
    let kees_member = members.as_array().expect("members").iter().find(|m| m["display_name"] == "Kees").expect("kees")
        ["id"]
        .as_str()
        .expect("id")
        .to_owned();
    assert_eq!(k.api(Method::POST, &format!("/api/v1/invitations/{token}/accept"), None).await.status, 409);

    // Kees may not change others; Ans may.
    let ans_member =
        members.as_array().expect("members").iter().find(|m| m["display_name"] == "Ans").expect("ans")["id"]
            .as_str()
            .expect("id")
            .to_owned();
    let forbidden = k
        .api(Method::PATCH, &format!("/api/v1/circles/{circle}/members/{ans_member}"), Some(json!({"relation": "x"})))
        .await;
    assert_eq!(forbidden.status, 403);
    assert_eq!(forbidden.json()["error"]["code"], "forbidden");
    let changed = a
        .api(
            Method::PATCH,
            &format!("/api/v1/circles/{circle}/members/{kees_member}"),
            Some(json!({"contact_person": true, "access_until": "2099-01-01"})),
        )
        .await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.json()["contact_person"], true);
    assert!(
        changed.json()["access_until"].as_str().expect("date").starts_with("2099-01-01T23:00:00"),
        "the last day with access is 1 January: access ends at the midnight after it, in Amsterdam"
    );

    // The error format.
    let invalid = a
        .api(
            Method::POST,
            &format!("/api/v1/circles/{circle}/invitations"),
            Some(json!({"role": "baas", "email": "geen adres"})),
        )
        .await;
    assert_eq!(invalid.status, 422);
    let e = invalid.json();
    assert_eq!(e["error"]["code"], "validation");
    let fields: Vec<&str> =
        e["error"]["fields"].as_array().expect("fields").iter().map(|f| f["field"].as_str().expect("field")).collect();
    assert!(fields.contains(&"role") && fields.contains(&"email"), "{fields:?}");
    assert!(e["error"]["fields"][0]["message"].as_str().expect("message").chars().next().expect("text").is_uppercase());
    let garbage = a
        .send(
            axum::http::Request::builder()
                .method(Method::POST)
                .uri("/api/v1/circles")
                .header("content-type", "application/json")
                .body(axum::body::Body::from("{nope"))
                .expect("request"),
        )
        .await;
    assert_eq!(garbage.status, 422);
    assert_eq!(garbage.json()["error"]["fields"][0]["code"], "body-invalid");
    let missing = a.api(Method::GET, "/api/v1/circles/not-an-id", None).await;
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.json(),
        json!({"error": {"code": "not_found", "message": "Not found, or you have no access to it."}})
    );
    assert_eq!(a.api(Method::GET, "/api/v1/nothing-here", None).await.json()["error"]["code"], "not_found");
    let last = a.api(Method::POST, &format!("/api/v1/circles/{circle}/leave"), None).await;
    assert_eq!(last.status, 409);
    assert_eq!(last.json()["error"]["code"], "last-manager");
    let bad_key = a.post_with_key("/api/v1/circles", "x", json!({})).await;
    assert_eq!(bad_key.status, 422);
    // Removing Kees ends his access at once.
    assert_eq!(
        a.api(Method::DELETE, &format!("/api/v1/circles/{circle}/members/{kees_member}"), None).await.status,
        204
    );
    assert_eq!(k.api(Method::GET, &format!("/api/v1/circles/{circle}"), None).await.status, 404);
    // A method the path does not have is 405, never a server error (schemathesis found a 500 here).
    assert_eq!(a.api(Method::POST, &format!("/api/v1/circles/{circle}"), None).await.status, 405);
    assert_eq!(a.api(Method::PUT, "/api/v1/me", None).await.status, 405);
}

pub async fn openapi_document_lists_every_route(db: TestDb) {
    let app = TestApp::new(db).await;
    let doc = app.client().get("/api/v1/openapi.json").await;
    assert_eq!(doc.status, 200);
    let doc = doc.json();
    assert!(doc["openapi"].as_str().expect("version").starts_with("3."));
    assert_eq!(doc["servers"][0]["url"], "/api/v1");
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    let mut documented: Vec<(String, String)> = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("item").keys() {
            if ["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                documented.push((method.to_uppercase(), path.clone()));
                let op = &item[method];
                assert!(
                    op["responses"].as_object().is_some_and(|r| !r.is_empty()),
                    "{method} {path} documents its responses"
                );
            }
        }
    }
    let mut declared: Vec<(String, String)> =
        samenspel::http::api::specs().iter().map(|s| (s.method.to_string(), s.path.to_owned())).collect();
    documented.sort();
    declared.sort();
    assert_eq!(documented, declared, "the access table and the OpenAPI document must list the same routes");
    assert!(documented.len() >= 20);
    for required in
        ["/me", "/circles", "/circles/{circle_id}", "/circles/{circle_id}/members", "/circles/{circle_id}/invitations"]
    {
        assert!(documented.iter().any(|(_, p)| p == required), "{required} is documented");
    }
}

pub async fn questionnaires_are_listed_with_source_and_licence(db: TestDb) {
    let app = TestApp::new(db).await;
    let u = app.user("Ans").await;
    let all = app.api_as(&u).await.api(Method::GET, "/api/v1/instruments", None).await.json();
    let ediz = all.as_array().into_iter().flatten().find(|i| i["id"] == "ediz").expect("EDIZ is built in");
    assert_eq!(ediz["complete"], true);
    assert_eq!(ediz["items"].as_array().map(Vec::len), Some(9));
    assert_eq!(ediz["range"], serde_json::json!([0, 9]));
    assert!(ediz["source"].as_str().unwrap_or("").starts_with("Pot, A.M."));
    let carerqol = all.as_array().into_iter().flatten().find(|i| i["id"] == "carerqol-7d").expect("structure shipped");
    assert_eq!(carerqol["complete"], false, "not offered without the official text");
    assert!(carerqol["items"].as_array().into_iter().flatten().all(|i| i["text"] == ""));
    assert_eq!(app.client().api(Method::GET, "/api/v1/instruments", None).await.status, 401);
}

/// Issue 17, item 13: the document is valid OpenAPI 3.1 (every response has
/// a description; operation ids are unique), one name is one type, the 401
/// and 403 answers are documented, and closed sets of values are enums.
/// `.ci/reliability` also runs an independent validator over it.
pub async fn openapi_document_is_valid_and_tells_the_contract(db: TestDb) {
    let app = TestApp::new(db).await;
    let doc = app.client().get("/api/v1/openapi.json").await.json();
    let mut ids = std::collections::BTreeMap::<String, String>::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("item") {
            let at = format!("{method} {path}");
            let id = op["operationId"].as_str().unwrap_or_else(|| panic!("{at} has an operationId")).to_owned();
            if let Some(other) = ids.insert(id.clone(), at.clone()) {
                panic!("operationId {id} names both {other} and {at}");
            }
            let responses = op["responses"].as_object().expect("responses");
            for (status, r) in responses {
                assert!(r["description"].as_str().is_some_and(|d| !d.is_empty()), "{at} {status} has a description");
            }
            let anonymous = op["security"]
                .as_array()
                .is_some_and(|s| s.iter().all(|r| r.as_object().is_some_and(|o| o.is_empty())));
            assert_eq!(responses.contains_key("401"), !anonymous, "{at}: 401 for every route that needs a token");
            if path.starts_with("/circles/{circle_id}") {
                assert!(responses.contains_key("403"), "{at} documents 403");
            }
        }
    }
    assert_eq!(ids.get("logbook_list").map(String::as_str), Some("get /circles/{circle_id}/entries"));
    // Agreements' shares and a profile's "share" were one schema, ShareDto.
    let schemas = &doc["components"]["schemas"];
    let share = doc["components"]["schemas"]["AgreementsDto"]["properties"]["shares"]["items"]["$ref"]
        .as_str()
        .expect("shares refer to a schema")
        .rsplit('/')
        .next()
        .expect("name")
        .to_owned();
    let props: Vec<&String> = schemas[&share]["properties"].as_object().expect("properties").keys().collect();
    assert_eq!(props, ["count", "percent", "step"], "{share}");
    assert!(schemas.get("ShareDto").is_none());
    // Closed sets are enums, from the domain's own lists.
    for (schema, property, values) in samenspel::http::api::openapi::closed_sets() {
        let p = &schemas[schema]["properties"][property];
        let p = if p["items"].is_object() { &p["items"] } else { p };
        let listed = p["enum"].as_array().unwrap_or_else(|| panic!("{schema}.{property} is an enum: {p}"));
        for v in values {
            assert!(listed.contains(&v), "{schema}.{property} lists {v}");
        }
    }
    assert_eq!(
        schemas["WriteEntry"]["properties"]["kind"]["enum"],
        serde_json::json!(["update", "moment", "concern", "question", "thanks"])
    );
    let audiences = &schemas["ItemInput"]["properties"]["audience"]["enum"];
    assert_eq!(audiences, &serde_json::json!(["circle", "professionals", "informal", "chosen"]));
}
