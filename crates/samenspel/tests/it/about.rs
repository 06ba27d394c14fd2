//! About the client: "Dit ben ik" keeps who wrote each part and every
//! version, and its audiences hold on pages and the API; only the client
//! side, managers and a part's first writer decide who sees it; empathy maps
//! are kept with their dates; goals gather their progress from the logbook,
//! within the reader's logbook audience; thank-you cards reach their
//! recipient and show on the member's page.

use crate::logbook::post_entry;
use crate::support::fixtures::cast;
use crate::support::{TestApp, TestDb, client, professional, relative, volunteer};
use axum::http::{Method, StatusCode};
use serde_json::json;

cast! {
    /// Henk (client), his wife Ans (family carer), nurse Fatima, volunteer
    /// Thijs, and an outsider with a circle of their own.
    struct Henk("Henk de Vries") {
        henk: client("Henk"),
        ans: relative("Ans"),
        fatima: professional("Fatima"),
        thijs: volunteer("Thijs"),
    } + outsider;
    async fn henk;
}

pub async fn dit_ben_ik_keeps_every_version_and_its_audience(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let base = format!("/circles/{}/about", h.circle);
    let mut ans = app.signed_in(&h.ans).await;
    let mut thijs = app.signed_in(&h.thijs).await;
    let mut fatima = app.signed_in(&h.fatima).await;
    let mut henk = app.signed_in(&h.henk).await;
    let thijs_member = app.member_id(&h.circle, &h.thijs).await;
    // Each visits the page first: forms carry the token of the page they came from.
    for client in [&mut ans, &mut thijs, &mut fatima, &mut henk] {
        assert_eq!(client.get(&base).await.status, StatusCode::OK);
    }

    // Ans writes Henk's life story in his own words, for the whole circle.
    let r = ans
        .post(
            &format!("{base}/parts/life_story"),
            &[("text", "Ik was bakker in Zwolle."), ("first_person", "on"), ("audience", "circle")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // Thijs adds to it: the text is written together, and both versions stay.
    let r = thijs
        .post(&format!("{base}/parts/life_story"), &[("text", "Ik was bakker in Zwolle. Ik hou van de IJssel.")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = fatima.get(&base).await;
    assert!(page.body.contains("Ik hou van de IJssel."), "{}", page.body);
    assert!(page.body.contains("Geschreven door Thijs"));
    assert!(!page.body.contains("in de eigen woorden van Henk de Vries"), "Thijs did not tick first person");
    assert!(page.body.contains("1 eerdere versie"), "{}", page.body);
    let api = app.api_as(&h.fatima).await.api(Method::GET, &format!("/api/v1/circles/{}/about", h.circle), None).await;
    let parts = api.json();
    assert_eq!(parts[0]["part"], "life_story");
    assert_eq!(parts[0]["history"][0]["text"], "Ik was bakker in Zwolle.");
    assert_eq!(parts[0]["history"][0]["first_person"], true);

    // Thijs may not make it private, nor remove it: he did not start it.
    let r = thijs.post(&format!("{base}/parts/life_story"), &[("text", "x"), ("audience", "professionals")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = thijs.post(&format!("{base}/parts/life_story"), &[("text", "")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(fatima.get(&base).await.body.contains("Ik hou van de IJssel."), "nothing lost");

    // Henk decides: what he dislikes only the professionals read.
    let r = henk
        .post(
            &format!("{base}/parts/dislikes"),
            &[("text", "Ik wil niet met u aangesproken worden door de zuster."), ("audience", "professionals")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(fatima.get(&base).await.body.contains("niet met u aangesproken"));
    let hidden = thijs.get(&base).await;
    assert!(!hidden.body.contains("niet met u aangesproken"), "a volunteer never sees a professionals-only part");
    let thijs_api =
        app.api_as(&h.thijs).await.api(Method::GET, &format!("/api/v1/circles/{}/about", h.circle), None).await;
    assert!(!thijs_api.body.contains("aangesproken"));
    // The page says a part is there that he cannot read; writing into it
    // does not overwrite it, and his text stays in the form.
    assert!(hidden.body.contains("Hier staat iets dat alleen anderen kunnen lezen."));
    let r = thijs.post(&format!("{base}/parts/dislikes"), &[("text", "Spruitjes")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Dit deel kun jij niet lezen"), "{}", r.body);
    assert!(r.body.contains("Spruitjes"), "nothing typed is lost");
    assert!(fatima.get(&base).await.body.contains("niet met u aangesproken"));

    // Bad input: a clear Dutch message, and the text typed stays in the form.
    let long = "a".repeat(20_001);
    let r = ans.post(&format!("{base}/parts/hobbies"), &[("text", long.as_str())]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Deze tekst is te lang."));
    // Henk reads everything written about him, whatever audience was chosen;
    // a writer who picks people is always among them.
    let r = ans
        .post(
            &format!("{base}/parts/places"),
            &[("text", "De eendenvijver"), ("audience", "chosen"), ("chosen", thijs_member.as_str())],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(henk.get(&base).await.body.contains("De eendenvijver"), "the client reads it");
    // Henk narrows what Ans wrote to Thijs alone: Henk is added, so he keeps reading it.
    let r = henk
        .post(
            &format!("{base}/parts/places"),
            &[("text", "De eendenvijver"), ("audience", "chosen"), ("chosen", thijs_member.as_str())],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let parts =
        app.api_as(&h.henk).await.api(Method::GET, &format!("/api/v1/circles/{}/about", h.circle), None).await.json();
    let places = parts.as_array().and_then(|p| p.iter().find(|p| p["part"] == "places")).cloned().unwrap_or_default();
    let henk_member = app.member_id(&h.circle, &h.henk).await;
    assert!(places["chosen"].as_array().is_some_and(|c| c.iter().any(|m| m == henk_member.as_str())), "{places}");
    assert!(ans.get(&base).await.body.contains("De eendenvijver"), "the writer still reads it");
    assert!(thijs.get(&base).await.body.contains("De eendenvijver"));
    assert!(!fatima.get(&base).await.body.contains("De eendenvijver"));
    // Reciprocity has its own part.
    let r = ans.post(&format!("{base}/parts/gives"), &[("text", "Ik leer de buurjongen schaken.")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(thijs.get(&base).await.body.contains("Wat ik voor anderen doe"));

    // Outsiders get nothing, on the page or the API.
    let mut out = app.signed_in(&h.outsider).await;
    out.get("/circles").await;
    assert_eq!(out.get(&base).await.status, StatusCode::NOT_FOUND);
    let r = app.api_as(&h.outsider).await.api(Method::GET, &format!("/api/v1/circles/{}/about", h.circle), None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = out.post(&format!("{base}/parts/life_story"), &[("text", "")]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

pub async fn empathy_maps_and_goals_follow_their_audience(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let c = &h.circle;
    let mut fatima = app.api_as(&h.fatima).await;
    let mut thijs = app.api_as(&h.thijs).await;

    // Two maps, kept with their dates: newest first.
    for (made_on, says) in [("2026-03-01", "Ik red me wel."), ("2026-09-01", "Ik wil weer naar buiten.")] {
        let r = fatima
            .api(
                Method::POST,
                &format!("/api/v1/circles/{c}/empathy-maps"),
                Some(json!({"made_on": made_on, "says": says, "made_with": "Henk en Ans"})),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    }
    let maps = thijs.api(Method::GET, &format!("/api/v1/circles/{c}/empathy-maps"), None).await.json();
    assert_eq!(maps.as_array().map(Vec::len), Some(2));
    assert_eq!(maps[0]["made_on"], "2026-09-01");
    assert_eq!(maps[1]["says"], "Ik red me wel.");
    let r = fatima.api(Method::POST, &format!("/api/v1/circles/{c}/empathy-maps"), Some(json!({}))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("empathy-empty"), "{}", r.body);

    // A goal for everyone, and one only the professionals see.
    let open = fatima
        .api(
            Method::POST,
            &format!("/api/v1/circles/{c}/goals"),
            Some(json!({"kind": "again", "words": "Weer zelf naar de markt", "review_on": "2027-01-15"})),
        )
        .await;
    assert_eq!(open.status, StatusCode::CREATED, "{}", open.body);
    let open_id = open.json()["id"].as_str().unwrap_or_default().to_string();
    let private = fatima
        .api(
            Method::POST,
            &format!("/api/v1/circles/{c}/goals"),
            Some(json!({"kind": "keep", "words": "Zelf de insuline spuiten", "audience": "professionals"})),
        )
        .await;
    let private_id = private.json()["id"].as_str().unwrap_or_default().to_string();
    let seen = thijs.api(Method::GET, &format!("/api/v1/circles/{c}/goals"), None).await;
    assert!(seen.body.contains("Weer zelf naar de markt"));
    assert!(!seen.body.contains("insuline"), "a volunteer never sees a professionals-only goal");

    // Progress is written in the logbook. Thijs cannot link to a goal he cannot see.
    let r = thijs
        .api(
            Method::POST,
            &format!("/api/v1/circles/{c}/entries"),
            Some(json!({"kind": "update", "body": "Gespoten", "goal": private_id})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("goal-not-found"));
    let r = thijs
        .api(
            Method::POST,
            &format!("/api/v1/circles/{c}/entries"),
            Some(json!({"kind": "moment", "body": "Samen naar de markt gelopen!", "goal": open_id})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    // A professionals-only note about the same goal stays out of Thijs's view of it.
    let r = fatima
        .api(
            Method::POST,
            &format!("/api/v1/circles/{c}/entries"),
            Some(json!({"kind": "update", "audience": "professionals", "body": "Heup doet pijn na het lopen", "goal": open_id})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let goals = fatima.api(Method::GET, &format!("/api/v1/circles/{c}/goals"), None).await.json();
    let mine =
        goals.as_array().and_then(|g| g.iter().find(|g| g["id"] == open_id.as_str())).cloned().unwrap_or_default();
    assert_eq!(mine["progress"].as_array().map(Vec::len), Some(2));
    let goals = thijs.api(Method::GET, &format!("/api/v1/circles/{c}/goals"), None).await;
    assert!(goals.body.contains("Samen naar de markt gelopen!"));
    assert!(!goals.body.contains("Heup"), "progress keeps its own logbook audience");
    let mut page = app.signed_in(&h.thijs).await;
    let plan = page.get(&format!("/circles/{c}/plan")).await;
    assert!(plan.body.contains("Samen naar de markt gelopen!") && !plan.body.contains("Heup"));

    // Only the maker, the client side or a manager removes a goal.
    let r = thijs.api(Method::DELETE, &format!("/api/v1/circles/{c}/goals/{open_id}"), None).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app.api_as(&h.henk).await.api(Method::DELETE, &format!("/api/v1/circles/{c}/goals/{open_id}"), None).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    // Its logbook entries stay.
    let entries = thijs.api(Method::GET, &format!("/api/v1/circles/{c}/entries"), None).await;
    assert!(entries.body.contains("Samen naar de markt gelopen!"));

    // Outsiders: nothing.
    let mut out = app.api_as(&h.outsider).await;
    for path in ["empathy-maps", "goals"] {
        let r = out.api(Method::GET, &format!("/api/v1/circles/{c}/{path}"), None).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
}

pub async fn a_thank_you_card_reaches_its_recipient(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let c = &h.circle;
    let thijs_member = app.member_id(c, &h.thijs).await;
    let mut ans = app.signed_in(&h.ans).await;

    // From Thijs's card: the form opens with him ticked.
    let form = ans.get(&format!("/circles/{c}/logbook/new?kind=thanks&to={thijs_member}")).await;
    assert!(form.body.contains(&format!(r#"value="{thijs_member}" checked"#)), "{}", form.body);
    // A private card: only Thijs (and Ans) see it.
    let r = post_entry(
        &mut ans,
        c,
        &[
            ("kind", "thanks"),
            ("recipients", thijs_member.as_str()),
            ("card", "flower"),
            ("audience", "chosen"),
            ("chosen", thijs_member.as_str()),
            ("body", "Dank je voor de wandeling!"),
        ],
        &[],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let mut thijs = app.signed_in(&h.thijs).await;
    let card = thijs.get(&format!("/circles/{c}/members/{thijs_member}")).await;
    assert!(card.body.contains("Dank je voor de wandeling!"), "the recipient's page shows the thanks");
    assert!(card.body.contains("card-art"), "with its picture");
    let mut fatima = app.signed_in(&h.fatima).await;
    let other = fatima.get(&format!("/circles/{c}/members/{thijs_member}")).await;
    assert!(!other.body.contains("Dank je voor de wandeling!"), "a private card stays private");
    assert!(!fatima.get(&format!("/circles/{c}")).await.body.contains("Dank je voor de wandeling!"));

    // A card for everyone shows on the overview.
    let r = post_entry(
        &mut ans,
        c,
        &[
            ("kind", "thanks"),
            ("recipients", thijs_member.as_str()),
            ("card", "sun"),
            ("audience", "circle"),
            ("body", "Thijs is een topper."),
        ],
        &[],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(fatima.get(&format!("/circles/{c}")).await.body.contains("Thijs is een topper."));
    assert!(fatima.get(&format!("/circles/{c}/members/{thijs_member}")).await.body.contains("Thijs is een topper."));

    // A picture belongs on a thank-you card only: a form switched to an
    // update after one was picked still posts, without it.
    let r = post_entry(
        &mut ans,
        c,
        &[("kind", "update"), ("card", "sun"), ("audience", "circle"), ("body", "Gewoon een update")],
        &[],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let update = ans.get(r.location().unwrap_or_default()).await;
    assert!(update.body.contains("Gewoon een update") && !update.body.contains("card-art"));
    // An unknown picture is refused.
    let r = post_entry(
        &mut ans,
        c,
        &[
            ("kind", "thanks"),
            ("recipients", thijs_member.as_str()),
            ("card", "unicorn"),
            ("audience", "circle"),
            ("body", "x"),
        ],
        &[],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Kies een van de plaatjes."));
}

pub async fn an_intake_starts_dit_ben_ik_and_leaves_written_parts_alone(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let c = &h.circle;
    let ans_member = app.member_id(c, &h.ans).await;
    let mut ans = app.signed_in(&h.ans).await;
    ans.get(&format!("/circles/{c}/about")).await;
    let r = ans.post(&format!("/circles/{c}/about/parts/matters"), &[("text", "Rustig opstaan.")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);

    let mut fatima = app.signed_in(&h.fatima).await;
    let form = fatima.get(&format!("/circles/{c}/conversations/new?guide=intake")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Wat kan de familie, en wat (nog) niet?"), "the intake asks what the family can do");
    let r = fatima
        .post(
            &format!("/circles/{c}/conversations"),
            &[
                ("guide", "intake"),
                ("participants", ans_member.as_str()),
                ("others", "Henk de Vries"),
                ("audience", "circle"),
                ("in_wants", "Thuis blijven wonen."),
                ("in_life", "Henk was bakker in Zwolle."),
                ("in_family_can", "Ans doet de boodschappen; tillen kan ze niet."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let conversation = fatima.get(r.location().unwrap_or_default()).await;
    assert!(conversation.body.contains("Staat ook in Dit ben ik: Mijn levensverhaal"));
    assert!(
        !conversation.body.contains("Staat ook in Dit ben ik: Wat voor mij belangrijk is"),
        "Ans had written that part: the answer was not copied, so the page does not say it was"
    );
    assert!(conversation.body.contains("Maak hier een afspraak van"), "the family's answer can become an agreement");

    let about = app.api_as(&h.thijs).await.api(Method::GET, &format!("/api/v1/circles/{c}/about"), None).await.json();
    let part = |key: &str| about.as_array().and_then(|a| a.iter().find(|p| p["part"] == key)).cloned();
    let life = part("life_story").expect("the intake started the life story");
    assert_eq!(life["text"], "Henk was bakker in Zwolle.");
    assert_eq!(life["written_by_name"], "Fatima");
    assert_eq!(part("matters").expect("matters")["text"], "Rustig opstaan.", "a written part is left alone");
    assert!(part("address").is_none(), "an unanswered question starts nothing");
}
