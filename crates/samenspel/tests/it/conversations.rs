//! Conversation guides, collaboration profiles and SOFA roles: held
//! conversations turn into agreements and close the changes they discussed;
//! an audience holds on pages and the API; a profile is private until shared;
//! SOFA roles are marked by the carer and by professionals only.

use crate::support::fixtures::cast;
use crate::support::{TestApp, TestDb, client, professional, relative, volunteer};
use axum::http::{Method, StatusCode};
use serde_json::json;

cast! {
    /// Henk (client), his daughter Ans and son Kees (family carers), nurse
    /// Fatima, volunteer Thijs, and an outsider with a circle of their own.
    struct Henk("Henk de Vries") {
        henk: client("Henk"),
        ans: relative("Ans"),
        kees: relative("Kees"),
        fatima: professional("Fatima"),
        thijs: volunteer("Thijs"),
    } + outsider;
    async fn henk;
}

/// The id at the end of a redirect to a conversation (before any query).
fn id_from(location: &str) -> String {
    location.rsplit('/').next().unwrap_or("").split('?').next().unwrap_or("").to_string()
}

pub async fn a_family_start_conversation_becomes_agreements(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let (ans_member, kees_member) = (app.member_id(&h.circle, &h.ans).await, app.member_id(&h.circle, &h.kees).await);
    let mut fatima = app.signed_in(&h.fatima).await;
    let base = format!("/circles/{}/conversations", h.circle);

    // The guide asks its questions in order: the five steps of the Schijf van Vijf among them.
    let form = fatima.get(&format!("{base}/new?guide=family_start")).await;
    assert_eq!(form.status, StatusCode::OK);
    let steps: Vec<usize> = [
        "Wat kan Henk de Vries zelf nog?",
        "Welke hulpmiddelen",
        "Wat kunnen familie",
        "Wat kunnen buren",
        "Wat doen de beroepskrachten",
    ]
    .iter()
    .map(|q| form.body.find(q).unwrap_or_else(|| panic!("question {q:?} missing")))
    .collect();
    assert!(steps.windows(2).all(|w| w[0] < w[1]), "the five steps in order");

    // Nothing answered, nobody named: refused with plain Dutch, nothing saved.
    let r = fatima.post(&base, &[("guide", "family_start"), ("fs_self", "   ")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Vul bij minstens één vraag iets in."), "{}", r.body);
    assert!(r.body.contains("Vink aan wie erbij waren"));
    assert!(fatima.get(&base).await.body.contains("Er zijn nog geen gesprekken opgeschreven."));

    let r = fatima
        .post(
            &base,
            &[
                ("guide", "family_start"),
                ("held_on", "2026-11-02"),
                ("participants", ans_member.as_str()),
                ("participants", kees_member.as_str()),
                ("others", "buurvrouw Riet"),
                ("audience", "circle"),
                ("fs_self", "Henk zet zelf koffie.\nHij wil zelf blijven scheren."),
                ("fs_family", "Kees doet op zaterdag de boodschappen."),
                ("fs_contacts", "Ans is het aanspreekpunt voor de familie."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let conversation = id_from(r.location().unwrap_or(""));
    let page = fatima.get(&format!("{base}/{conversation}")).await;
    assert!(page.body.contains("Familiestartgesprek · 2 november 2026"));
    assert!(page.body.contains("Ans, ") || page.body.contains("Kees, "), "participants listed: {}", page.body);
    assert!(page.body.contains("buurvrouw Riet"));
    assert!(page.body.contains("Kees doet op zaterdag de boodschappen."));

    // An answer becomes an agreement: the form starts in the question's step with the answer.
    let new = fatima
        .get(&format!("/circles/{}/agreements/new?conversation={conversation}&question=fs_family", h.circle))
        .await;
    assert_eq!(new.status, StatusCode::OK);
    assert!(new.body.contains("Deze afspraak komt uit een gesprek."));
    assert!(new.body.contains(r#"id="step-3" name="step" value="3" checked"#), "step 3 chosen");
    assert!(new.body.contains(">Kees doet op zaterdag de boodschappen.</textarea>"));
    let r = fatima
        .post(
            &format!("/circles/{}/agreements", h.circle),
            &[
                ("domain", "household"),
                ("step", "3"),
                ("description", "Kees doet op zaterdag de boodschappen."),
                ("doer", kees_member.as_str()),
                ("conversation_id", &conversation),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = fatima.get(&format!("{base}/{conversation}")).await;
    assert!(page.body.contains("Afspraken uit dit gesprek"));

    // The same through the API, as Ans reads it.
    let mut ans = app.api_as(&h.ans).await;
    let got = ans.api(Method::GET, &format!("/api/v1{base}/{conversation}"), None).await.json();
    assert_eq!(got["guide"], "family_start");
    assert_eq!(got["answers"]["fs_contacts"], "Ans is het aanspreekpunt voor de familie.");
    assert_eq!(got["agreements"][0]["description"], "Kees doet op zaterdag de boodschappen.");
    assert_eq!(got["participants"].as_array().map(Vec::len), Some(2));
    let guides = ans.api(Method::GET, "/api/v1/guides", None).await.json();
    let guide =
        |key: &str| guides.as_array().and_then(|g| g.iter().find(|g| g["guide"] == key)).cloned().unwrap_or_default();
    assert_eq!(guide("collaboration")["questions"].as_array().map(Vec::len), Some(8), "the eight In gesprek questions");
    assert_eq!(guide("intake")["questions"].as_array().map(Vec::len), Some(10));

    // A review conversation closes the change it discussed.
    let change = ans
        .api(
            Method::POST,
            &format!("/api/v1/circles/{}/changes", h.circle),
            Some(json!({"kind": "carer_availability"})),
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let review = fatima.get(&format!("{base}/new?guide=review&change={change}")).await;
    assert!(review.body.contains(&format!(r#"value="{change}" checked"#)), "the change is ticked");
    let r = fatima
        .post(
            &base,
            &[
                ("guide", "review"),
                ("participants", ans_member.as_str()),
                ("rv_agreements", "Kees neemt het douchen over zolang Ans herstelt."),
                ("closes_changes", &change),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let open = ans.api(Method::GET, &format!("/api/v1/circles/{}/changes", h.circle), None).await.json();
    assert_eq!(open.as_array().map(Vec::len), Some(0), "the change is dealt with");
    // A change cannot be closed twice, and the failed save keeps nothing.
    let r = ans
        .api(
            Method::POST,
            &format!("/api/v1{base}"),
            Some(json!({"guide": "review", "others": "Riet", "answers": {"rv_next": "Over een maand"}, "closes_changes": [change]})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.json()["error"]["fields"][0]["field"], "closes_changes");
    let all = ans.api(Method::GET, &format!("/api/v1{base}"), None).await.json();
    assert_eq!(all.as_array().map(Vec::len), Some(2));
}

pub async fn only_those_who_took_part_read_a_private_conversation(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let ans_member = app.member_id(&h.circle, &h.ans).await;
    let mut fatima = app.api_as(&h.fatima).await;
    let base = format!("/api/v1/circles/{}/conversations", h.circle);
    let r = fatima
        .api(
            Method::POST,
            &base,
            Some(json!({"guide": "collaboration", "participants": [ans_member.as_str()], "audience": "chosen",
                        "answers": {"ig_hard": "Ans durft niet te zeggen dat het te veel wordt."}})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let private = r.json()["id"].as_str().unwrap_or_default().to_string();
    let r = fatima
        .api(
            Method::POST,
            &base,
            Some(json!({"guide": "review", "others": "wijkteam", "audience": "professionals",
                        "answers": {"rv_hard": "Overdracht tussen de diensten loopt stroef."}})),
        )
        .await;
    let professionals = r.json()["id"].as_str().unwrap_or_default().to_string();

    // Ans took part in the first: she reads it, not the professionals' one, and may add to hers.
    let mut ans = app.api_as(&h.ans).await;
    let list = ans.api(Method::GET, &base, None).await.json();
    let ids: Vec<&str> = list.as_array().into_iter().flatten().filter_map(|c| c["id"].as_str()).collect();
    assert_eq!(ids, [private.as_str()]);
    let r = ans
        .api(
            Method::PUT,
            &format!("{base}/{private}"),
            Some(json!({"guide": "collaboration", "participants": [ans_member.as_str()], "audience": "chosen",
                        "answers": {"ig_hard": "Ans durft niet te zeggen dat het te veel wordt.", "ig_need": "Een vast moment om te praten."}})),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    assert_eq!(ans.api(Method::GET, &format!("{base}/{professionals}"), None).await.status, StatusCode::NOT_FOUND);

    // Henk, the client, reads both: everything about him, whatever the audience.
    let mut client = app.api_as(&h.henk).await;
    for id in [&private, &professionals] {
        assert_eq!(client.api(Method::GET, &format!("{base}/{id}"), None).await.status, StatusCode::OK);
    }

    // Thijs (volunteer) and Kees took part in neither: nothing, on any page or route.
    for who in [&h.thijs, &h.kees, &h.outsider] {
        let mut c = app.api_as(who).await;
        for id in [&private, &professionals] {
            assert_eq!(c.api(Method::GET, &format!("{base}/{id}"), None).await.status, StatusCode::NOT_FOUND);
            let r = c.api(Method::DELETE, &format!("{base}/{id}"), None).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", who.name);
        }
        let mut page = app.signed_in(who).await;
        let list = page.get(&format!("/circles/{}/conversations", h.circle)).await;
        assert!(
            !list.body.contains("te veel wordt") && !list.body.contains("In gesprek over samenwerken ·"),
            "{}",
            who.name
        );
        let r = page.get(&format!("/circles/{}/conversations/{private}", h.circle)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert!(!r.body.contains("te veel wordt"));
        // Nor can an agreement be made from it.
        let r =
            page.get(&format!("/circles/{}/agreements/new?conversation={private}&question=ig_hard", h.circle)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
    let mut thijs = app.api_as(&h.thijs).await;
    let r = thijs
        .api(
            Method::POST,
            &format!("/api/v1/circles/{}/agreements", h.circle),
            Some(json!({"domain": "company", "step": 4, "description": "Praten", "conversation_id": private})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["error"]["fields"][0]["field"], "conversation_id");
    let agreements = thijs.api(Method::GET, &format!("/api/v1/circles/{}/agreements", h.circle), None).await.json();
    assert_eq!(agreements["agreements"].as_array().map(Vec::len), Some(0), "nothing half-saved");

    // Kees is in the circle but not in the conversation: no changes to it.
    let mut kees = app.api_as(&h.kees).await;
    let r = kees
        .api(
            Method::PUT,
            &format!("{base}/{private}"),
            Some(json!({"guide": "collaboration", "others": "Kees", "answers": {"ig_why": "Omdat"}})),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

pub async fn a_collaboration_profile_is_private_until_shared(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let ans_member = app.member_id(&h.circle, &h.ans).await;
    let mut ans = app.signed_in(&h.ans).await;
    let profile = format!("/circles/{}/profile", h.circle);
    let page = ans.get(&profile).await;
    assert!(page.body.contains("geen wetenschappelijke test"), "the screen says it is no test");

    // A missing answer is named; nothing is saved.
    let r = ans
        .post(&profile, &[("q1", "rebel"), ("q2", "rebel"), ("q3", "kenner"), ("q4", "prater"), ("q5", "rebel")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Kies één antwoord."), "question 6 is named");
    assert!(r.body.contains(r##"href="#q6""##), "the summary links to it");
    assert!(r.body.contains(r#"value="rebel" checked"#), "the answers given stay ticked");

    let answers =
        [("q1", "rebel"), ("q2", "rebel"), ("q3", "kenner"), ("q4", "prater"), ("q5", "rebel"), ("q6", "kenner")];
    let r = ans.post(&profile, &answers).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = ans.get(&profile).await;
    assert!(page.body.contains("Dit perspectief past het best bij jou"));
    assert!(page.body.contains("De rebel"));
    assert!(page.body.contains("Alleen jij ziet dit."));
    let card = ans.get(&format!("/circles/{}/members/{ans_member}", h.circle)).await;
    assert!(card.body.contains("De rebel"), "her own card shows it to her");

    // Not shared: Fatima sees nothing of it, on the card, the list or the API.
    let mut fatima = app.signed_in(&h.fatima).await;
    let card = format!("/circles/{}/members/{ans_member}", h.circle);
    assert!(!fatima.get(&card).await.body.contains("De rebel"));
    assert!(!fatima.get(&format!("/circles/{}/members", h.circle)).await.body.contains("De rebel"));
    let mut fatima_api = app.api_as(&h.fatima).await;
    let seen = fatima_api.api(Method::GET, &format!("/api/v1/circles/{}/profiles", h.circle), None).await.json();
    assert_eq!(seen["profiles"].as_array().map(Vec::len), Some(0));

    // Shared: on her card, with the one-line explanation, for the circle only.
    let r = ans.post(&format!("{profile}/share"), &[("shared", "on")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let seen = fatima.get(&card).await;
    assert!(seen.body.contains("De rebel"));
    assert!(seen.body.contains("Zet de belangen van de cliënt voorop"));
    let seen = fatima_api.api(Method::GET, &format!("/api/v1/circles/{}/profiles", h.circle), None).await.json();
    assert_eq!(seen["profiles"][0]["best"], json!(["rebel"]));
    let mut outsider = app.api_as(&h.outsider).await;
    let r = outsider.api(Method::GET, &format!("/api/v1/circles/{}/profiles", h.circle), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    // A tie keeps both; taking it back hides it again.
    let mut thijs = app.api_as(&h.thijs).await;
    let r = thijs
        .api(
            Method::PUT,
            &format!("/api/v1/circles/{}/profile", h.circle),
            Some(json!({"answers": ["luisteraar", "verbinder", "luisteraar", "verbinder", "prater", "kenner"]})),
        )
        .await;
    assert_eq!(r.json()["best"], json!(["verbinder", "luisteraar"]));
    let r = ans.post(&format!("{profile}/share"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(!fatima.get(&card).await.body.contains("De rebel"));
}

pub async fn sofa_roles_are_marked_by_the_carer_and_professionals(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let ans_member = app.member_id(&h.circle, &h.ans).await;
    let thijs_member = app.member_id(&h.circle, &h.thijs).await;
    let card = format!("/circles/{}/members/{ans_member}", h.circle);

    // Fatima (professional) marks Ans as partner in care who needs support herself.
    let mut fatima = app.signed_in(&h.fatima).await;
    let page = fatima.get(&card).await;
    assert!(page.body.contains("De persoonlijke band is er altijd."));
    let r = fatima.post(&format!("{card}/carer-roles"), &[("roles", "S"), ("roles", "O")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // Everyone in the circle sees it; the volunteer cannot change it.
    let mut thijs = app.signed_in(&h.thijs).await;
    let seen = thijs.get(&card).await;
    assert!(seen.body.contains("Samenwerken: partner in de zorg"));
    assert!(seen.body.contains("Ondersteunen: heeft zelf steun nodig"));
    assert!(seen.body.contains("Faciliteren: de persoonlijke band"), "the personal bond is always there");
    assert!(!seen.body.contains("carer-roles"), "no form for the volunteer");
    let r = thijs.post(&format!("{card}/carer-roles"), &[("roles", "A")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // Ans marks her own roles; Kees cannot mark hers; nobody marks a volunteer.
    let mut ans = app.api_as(&h.ans).await;
    let roles = format!("/api/v1/circles/{}/members/{ans_member}/carer-roles", h.circle);
    let r = ans.api(Method::PUT, &roles, Some(json!({"roles": ["afstemmen"]}))).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    let mut kees = app.api_as(&h.kees).await;
    assert_eq!(kees.api(Method::PUT, &roles, Some(json!({"roles": []}))).await.status, StatusCode::FORBIDDEN);
    let mut fatima_api = app.api_as(&h.fatima).await;
    let r = fatima_api
        .api(
            Method::PUT,
            &format!("/api/v1/circles/{}/members/{thijs_member}/carer-roles", h.circle),
            Some(json!({"roles": ["S"]})),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = fatima_api.api(Method::PUT, &roles, Some(json!({"roles": ["zorgen"]}))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

    let seen = fatima_api.api(Method::GET, &format!("/api/v1/circles/{}/profiles", h.circle), None).await.json();
    assert_eq!(seen["carer_roles"][0]["roles"], json!(["faciliteren", "afstemmen"]), "Ans's own marking stands");
    assert_eq!(seen["carer_roles"][0]["set_by"], "Ans");
    let mut outsider = app.api_as(&h.outsider).await;
    assert_eq!(outsider.api(Method::PUT, &roles, Some(json!({"roles": ["S"]}))).await.status, StatusCode::NOT_FOUND);
}

/// An intake for "only those who took part" starts "Dit ben ik" with that
/// audience: the client reads both (everything about the client), a member
/// who was not there reads neither — the conversation and the part it started
/// follow one rule.
pub async fn an_intake_for_those_who_took_part_follows_one_rule(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let c = &h.circle;
    let ans_member = app.member_id(c, &h.ans).await;
    let mut fatima = app.api_as(&h.fatima).await;
    let r = fatima
        .api(
            Method::POST,
            &format!("/api/v1/circles/{c}/conversations"),
            Some(json!({"guide": "intake", "participants": [ans_member.as_str()], "audience": "chosen",
                        "answers": {"in_life": "Henk was bakker in Zwolle."}})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.json()["id"].as_str().unwrap_or_default().to_string();
    let life = |about: serde_json::Value| {
        about.as_array().and_then(|a| a.iter().find(|p| p["part"] == "life_story").cloned()).map(|p| p["text"].clone())
    };
    for (who, reads) in [(&h.henk, true), (&h.ans, true), (&h.thijs, false), (&h.kees, false)] {
        let mut api = app.api_as(who).await;
        let conversation = api.api(Method::GET, &format!("/api/v1/circles/{c}/conversations/{id}"), None).await;
        assert_eq!(conversation.status == StatusCode::OK, reads, "{} and the conversation", who.name);
        let about = api.api(Method::GET, &format!("/api/v1/circles/{c}/about"), None).await.json();
        assert_eq!(
            life(about).is_some_and(|t| t == "Henk was bakker in Zwolle."),
            reads,
            "{} and Dit ben ik",
            who.name
        );
    }
}
