//! The route table is the one declaration of every API route: these tests
//! fail when a row declares more or less than one operation, when two rows
//! declare the same one, when a circle, location or organisation route lacks the rule
//! that makes the gate check it, or when the router's OpenAPI document and
//! the gate's table disagree.

use super::{PREFIX, assemble, specs, table::table};
use crate::http::gate;
use crate::http::routes::Access;
use axum::http::Method;
use std::collections::BTreeSet;

#[test]
fn every_row_declares_one_operation_and_none_twice() {
    let mut seen = BTreeSet::new();
    for row in table() {
        let ops = row.operations();
        assert_eq!(ops.len(), 1, "one handler per row, with one method and path: {ops:?}");
        let (method, path) = ops[0].clone();
        assert!(seen.insert((method.to_string(), path.clone())), "{method} {path} is declared twice");
    }
    assert!(seen.len() >= 100, "{} routes", seen.len());
}

#[test]
fn every_circle_and_location_route_is_checked_by_the_gate() {
    for spec in specs() {
        let label = format!("{} {}", spec.method, spec.path);
        match spec.access {
            Access::Circle(_) | Access::CircleObject(_) => {
                assert!(spec.path.starts_with("/circles/{circle_id}"), "{label}: a circle rule needs the circle")
            }
            Access::Location(_) => {
                assert!(spec.path.starts_with("/locations/{location_id}"), "{label}: needs the location")
            }
            Access::Organisation(_) => {
                assert!(spec.path.starts_with("/organisations/{organisation_id}"), "{label}: needs the organisation")
            }
            Access::Public | Access::Token | Access::SignedIn => assert!(
                !spec.path.contains("{circle_id}")
                    && !spec.path.contains("{location_id}")
                    && !spec.path.contains("{organisation_id}"),
                "{label} names a circle, location or organisation, so the gate must check it"
            ),
        }
    }
}

#[test]
fn the_document_and_the_gate_list_the_same_routes() {
    let (_, doc) = assemble(table());
    let doc: serde_json::Value = serde_json::from_slice(&doc).expect("the document is JSON");
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("the document has paths") {
        for method in item.as_object().expect("a path item").keys() {
            if ["get", "put", "post", "delete", "patch", "head", "options", "trace"].contains(&method.as_str()) {
                documented.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    let specs = specs();
    let declared: BTreeSet<_> = specs.iter().map(|s| (s.method.to_string(), s.path.to_owned())).collect();
    assert_eq!(documented, declared);
    let rules = gate::Table::new(&specs, PREFIX);
    for s in &specs {
        assert_eq!(rules.access(&s.method, &format!("{PREFIX}{}", s.path)), Some(s.access));
    }
    // HEAD follows GET; a route the table does not know has no rule (and the
    // API gate refuses it).
    assert_eq!(rules.access(&Method::HEAD, "/api/v1/me"), Some(Access::SignedIn));
    assert_eq!(rules.access(&Method::GET, "/api/v1/not-in-the-table"), None);
    assert_eq!(rules.access(&Method::PATCH, "/api/v1/me"), None);
}
