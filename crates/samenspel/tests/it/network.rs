//! The network map: contacts and members on it, the picture and its table,
//! who may redraw it, and that nobody outside the circle sees any of it.

use crate::support::fixtures::cast;
use crate::support::{TestApp, TestDb, client, professional, relative, volunteer};
use axum::http::{Method, StatusCode};
use serde_json::json;

cast! {
    /// Henk's circle: a nurse, a daughter, a volunteer, the client himself and
    /// an outsider with a circle of their own.
    struct Henk("Henk de Vries") {
        ans: relative("Ans").manager(),
        fatima: professional("Fatima"),
        thijs: volunteer("Thijs"),
        henk: client("Henk"),
    } + outsider;
    async fn henk;
}

/// The contact with id `id` on a network map read over the API.
fn contact_in(map: &serde_json::Value, id: &str) -> Option<serde_json::Value> {
    map["contacts"].as_array().expect("contacts").iter().find(|c| c["id"] == id).cloned()
}

fn contact(name: &str, category: &str, support: &[&str], tie: &str, closeness: i64) -> serde_json::Value {
    json!({"name": name, "category": category, "support": support, "tie": tie, "closeness": closeness})
}

pub async fn a_professional_maps_the_network(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let mut fatima = app.api_as(&h.fatima).await;
    let base = format!("/api/v1/circles/{}/network", h.circle);
    for body in [
        contact("Buurvrouw Els", "B", &["P", "G"], "supporting", 1),
        contact("Dokter Jansen", "Z", &["A"], "neutral", 2),
        contact("Neef Karel", "F", &[], "strained", 3),
    ] {
        let r = fatima.api(Method::POST, &format!("{base}/contacts"), Some(body)).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    }
    let map = fatima.api(Method::GET, &base, None).await.json();
    assert_eq!(map["may_edit"], true);
    let contacts = map["contacts"].as_array().expect("contacts");
    let find = |name: &str| contacts.iter().find(|c| c["name"] == name).unwrap_or_else(|| panic!("{name} on the map"));
    let els = find("Buurvrouw Els");
    assert_eq!(
        (els["category"].as_str(), els["tie"].as_str(), els["closeness"].as_i64()),
        (Some("B"), Some("supporting"), Some(1))
    );
    assert_eq!(els["support"], json!(["P", "G"]));
    // Members stand on the map too (the client is the centre, not a contact).
    let thijs = find("Thijs");
    assert_eq!(thijs["category"], "W", "a volunteer stands with the volunteers until placed");
    assert!(thijs["member_id"].is_string() && thijs["id"].is_null());
    assert!(contacts.iter().all(|c| c["name"] != "Henk"), "the client is not a contact of himself");
    // By group in the ecogram's order: G (Ans), F (Karel), B (Els), Z (Fatima, Jansen), W (Thijs).
    let order: Vec<&str> = contacts.iter().map(|c| c["category"].as_str().unwrap_or("")).collect();
    assert_eq!(order, ["G", "F", "B", "Z", "Z", "W"]);

    // The page: the picture with its letters and lines, and the table.
    let mut page = app.signed_in(&h.fatima).await;
    let r = page.get(&format!("/circles/{}/network", h.circle)).await;
    assert_eq!(r.status, StatusCode::OK);
    // The wide drawing (the phone's upright one says the same with first names).
    let start = r.body.find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"network-map\"").expect("svg");
    let svg = &r.body[start..start + r.body[start..].find("</svg>").expect("end of svg")];
    let phone = r.body.find("class=\"network-map network-map-phone\"").expect("the phone's drawing");
    let phone = &r.body[phone..phone + r.body[phone..].find("</svg>").expect("end of svg")];
    assert!(phone.contains("Netwerkkaart van Henk de Vries") && phone.contains(">Buurvrouw</text>"), "{phone}");
    assert!(svg.contains("role=\"img\"") && svg.contains("Netwerkkaart van Henk de Vries"));
    for letter in ["B", "Z", "F", "W", "G"] {
        assert!(svg.contains(&format!("class=\"network-category\">{letter}</text>")), "{letter} drawn");
    }
    assert!(svg.contains(">PG</text>") && svg.contains(">A</text>"), "support letters on the lines");
    assert_eq!(svg.matches("tie-strained").count(), 1);
    assert!(r.body.contains(">De kaart in woorden</caption>") && r.body.contains("Buurvrouw Els"));
    assert!(r.body.contains("Moeizaam (zigzaglijn)"), "the table says what the lines mean");

    // Placing a member moves them; the API and the page agree.
    let thijs_id = thijs["member_id"].as_str().expect("id").to_owned();
    let r = fatima
        .api(
            Method::PUT,
            &format!("{base}/members/{thijs_id}"),
            Some(
                json!({"category": "V", "support": ["G"], "tie": "supporting", "closeness": 1, "note": "wandelmaatje"}),
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    let map = fatima.api(Method::GET, &base, None).await.json();
    let thijs =
        map["contacts"].as_array().expect("contacts").iter().find(|c| c["name"] == "Thijs").cloned().expect("Thijs");
    assert_eq!((thijs["category"].as_str(), thijs["note"].as_str()), (Some("V"), Some("wandelmaatje")));
    // A second placement changes the same row rather than adding one.
    fatima
        .api(
            Method::PUT,
            &format!("{base}/members/{thijs_id}"),
            Some(json!({"category": "V", "tie": "neutral", "closeness": 2})),
        )
        .await;
    let count = fatima.api(Method::GET, &base, None).await.json()["contacts"].as_array().expect("contacts").len();
    assert_eq!(count, 6);

    // Changing and removing a contact through the pages.
    let els_id = els["id"].as_str().expect("id").to_owned();
    let edit = format!("/circles/{}/network/contacts/{els_id}", h.circle);
    assert_eq!(page.get(&edit).await.status, StatusCode::OK);
    let r = page
        .post(
            &edit,
            &[
                ("name", "Els Bakker"),
                ("category", "B"),
                ("support", "P"),
                ("support", "E"),
                ("tie", "neutral"),
                ("closeness", "2"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let map = fatima.api(Method::GET, &base, None).await.json();
    let els = contact_in(&map, &els_id).expect("Els");
    assert_eq!((els["name"].as_str(), els["support"].clone()), (Some("Els Bakker"), json!(["P", "E"])));
    page.get(&edit).await;
    let r = page.post(&format!("{edit}/delete"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(page.get(&edit).await.status, StatusCode::NOT_FOUND);
    let map = fatima.api(Method::GET, &base, None).await.json();
    assert!(map["contacts"].as_array().expect("contacts").iter().all(|c| c["id"] != els_id.as_str()));
}

pub async fn bad_placements_are_refused_and_keep_what_was_saved(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let mut ans = app.api_as(&h.ans).await;
    let base = format!("/api/v1/circles/{}/network", h.circle);
    let r = ans
        .api(Method::POST, &format!("{base}/contacts"), Some(contact("Pastor Dijk", "R", &["E"], "supporting", 2)))
        .await;
    let id = r.json()["id"].as_str().expect("id").to_owned();
    let r = ans
        .api(
            Method::PUT,
            &format!("{base}/contacts/{id}"),
            Some(json!({"name": "", "category": "X", "support": ["Q"], "tie": "warm", "closeness": 7})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = r.json();
    let fields: Vec<&str> =
        body["error"]["fields"].as_array().expect("fields").iter().filter_map(|f| f["field"].as_str()).collect();
    assert_eq!(fields, ["name", "category", "support", "tie", "closeness"]);
    let map = ans.api(Method::GET, &base, None).await.json();
    let pastor = contact_in(&map, &id).expect("still there");
    assert_eq!(
        (pastor["name"].as_str(), pastor["category"].as_str()),
        (Some("Pastor Dijk"), Some("R")),
        "nothing was lost"
    );

    // On the page: the form comes back in Dutch with what was typed.
    let mut page = app.signed_in(&h.ans).await;
    page.get(&format!("/circles/{}/network/new", h.circle)).await;
    let r = page
        .post(
            &format!("/circles/{}/network", h.circle),
            &[("name", "De biljartclub"), ("tie", "neutral"), ("closeness", "3")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Kies een groep.") && r.body.contains("value=\"De biljartclub\""), "{}", r.body);
    // A member's place cannot be changed as if it were a contact, nor the client placed.
    let client_member = app.member_id(&h.circle, &h.henk).await;
    let r = ans
        .api(
            Method::PUT,
            &format!("{base}/members/{client_member}"),
            Some(json!({"category": "G", "tie": "neutral", "closeness": 1})),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "the client is the centre of the map");
}

pub async fn only_the_circle_sees_the_map_and_volunteers_do_not_redraw_it(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let base = format!("/api/v1/circles/{}/network", h.circle);
    let mut ans = app.api_as(&h.ans).await;
    let r = ans
        .api(Method::POST, &format!("{base}/contacts"), Some(contact("Huisarts Geheim", "Z", &["A"], "neutral", 2)))
        .await;
    let id = r.json()["id"].as_str().expect("id").to_owned();

    // The volunteer sees the map but may not change it.
    let mut thijs = app.api_as(&h.thijs).await;
    let map = thijs.api(Method::GET, &base, None).await;
    assert_eq!(map.status, StatusCode::OK);
    assert_eq!(map.json()["may_edit"], false);
    let r = thijs.api(Method::POST, &format!("{base}/contacts"), Some(contact("Iemand", "V", &[], "neutral", 2))).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = thijs.api(Method::DELETE, &format!("{base}/contacts/{id}"), None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut thijs_page = app.signed_in(&h.thijs).await;
    let r = thijs_page.get(&format!("/circles/{}/network", h.circle)).await;
    assert!(r.body.contains("Huisarts Geheim") && !r.body.contains("/network/new"), "no add button for a volunteer");

    // An outsider gets nothing: not the map, not the contact, not by guessing ids.
    let mut outsider = app.api_as(&h.outsider).await;
    for (method, path, body) in [
        (Method::GET, base.clone(), None),
        (Method::PUT, format!("{base}/contacts/{id}"), Some(contact("Weg", "V", &[], "neutral", 2))),
        (Method::DELETE, format!("{base}/contacts/{id}"), None),
    ] {
        let r = outsider.api(method, &path, body).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert!(!r.body.contains("Huisarts Geheim"));
    }
    let mut outsider_page = app.signed_in(&h.outsider).await;
    let r = outsider_page.get(&format!("/circles/{}/network", h.circle)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(!r.body.contains("Huisarts Geheim"));
    // The outsider manages a circle of their own: that does not reach this contact.
    let own = app
        .db
        .store
        .my_circles(&app.acting_as(&h.outsider).await, samenspel_core::Timestamp::now())
        .await
        .expect("circles");
    let own_circle = own[0].circle.id.clone();
    let r = outsider
        .api(
            Method::PUT,
            &format!("/api/v1/circles/{own_circle}/network/contacts/{id}"),
            Some(contact("Weg", "V", &[], "neutral", 2)),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "another circle's contact is not found through one's own circle");
    let r = ans.api(Method::GET, &base, None).await.json();
    assert!(r["contacts"].as_array().expect("contacts").iter().any(|c| c["name"] == "Huisarts Geheim"), "untouched");

    // The client sees his own map.
    let mut henk = app.api_as(&h.henk).await;
    assert_eq!(henk.api(Method::GET, &base, None).await.json()["may_edit"], true);
}

pub async fn a_contact_invited_from_the_map_takes_their_place(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let base = format!("/api/v1/circles/{}/network", h.circle);
    let mut ans = app.api_as(&h.ans).await;
    let r = ans
        .api(
            Method::POST,
            &format!("{base}/contacts"),
            Some(contact("Buurman Kees", "B", &["P", "G"], "supporting", 1)),
        )
        .await;
    let kees_contact = r.json()["id"].as_str().expect("id").to_owned();

    // The map offers "Uitnodigen"; the invitation page knows who it is for.
    let mut page = app.signed_in(&h.ans).await;
    let map = page.get(&format!("/circles/{}/network", h.circle)).await;
    let invite_path = format!("/circles/{}/invitations?contact={kees_contact}", h.circle);
    assert!(map.body.contains(&invite_path.replace('&', "&amp;")), "an invite link for the contact");
    let form = page.get(&invite_path).await;
    assert!(form.body.contains("Je nodigt Buurman Kees uit van de netwerkkaart"), "{}", form.body);

    // Another circle's contact cannot be attached to an invitation here.
    let mut outsider = app.api_as(&h.outsider).await;
    let own =
        app.db.store.my_circles(&app.acting_as(&h.outsider).await, samenspel_core::Timestamp::now()).await.expect("c");
    let r = outsider
        .api(
            Method::POST,
            &format!("/api/v1/circles/{}/invitations", own[0].circle.id),
            Some(json!({"role": "relative", "contact": kees_contact})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["error"]["fields"][0]["code"], "contact-not-found");

    let r = ans
        .api(
            Method::POST,
            &format!("/api/v1/circles/{}/invitations", h.circle),
            Some(json!({"role": "relative", "relation": "buurman", "contact": kees_contact})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let link = r.json()["link"].as_str().expect("link").to_owned();
    let token = link.rsplit('/').next().expect("token").to_owned();
    let kees = app.user("Kees").await;
    let mut k = app.api_as(&kees).await;
    let r = k.api(Method::POST, &format!("/api/v1/invitations/{token}/accept"), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);

    // Kees is now a member in the contact's place; the contact is no longer separate.
    let map = ans.api(Method::GET, &base, None).await.json();
    let people = map["contacts"].as_array().expect("contacts");
    assert!(people.iter().all(|c| c["name"] != "Buurman Kees"), "the contact became the member");
    let kees_on_map = people.iter().find(|c| c["name"] == "Kees").expect("Kees on the map");
    assert!(kees_on_map["member_id"].is_string());
    assert_eq!(kees_on_map["id"], kees_contact.as_str(), "the same place on the map");
    assert_eq!((kees_on_map["category"].as_str(), kees_on_map["closeness"].as_i64()), (Some("B"), Some(1)));
    assert_eq!(kees_on_map["support"], json!(["P", "G"]));
    assert_eq!(kees_on_map["reach"], "", "contact details now come from the member card");
}
