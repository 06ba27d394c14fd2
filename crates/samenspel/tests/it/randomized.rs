//! Property test: many random circles with random members and roles, some
//! members removed along the way; no read — page or API, list or item —
//! ever shows anything of a circle the reader is not in.

use crate::support::{TUser, TestApp, TestDb};
use axum::http::Method;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use samenspel_core::Timestamp;
use samenspel_core::ids::CircleId;
use samenspel_core::role::Role;
use std::collections::{BTreeMap, BTreeSet};

pub async fn no_read_crosses_a_circle(db: TestDb) {
    let seed: u64 = std::env::var("SAMENSPEL_TEST_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(rand::random);
    eprintln!("randomized cross-circle test: SAMENSPEL_TEST_SEED={seed}");
    let mut rng = StdRng::seed_from_u64(seed);
    let app = TestApp::new(db).await;
    let mut people: Vec<TUser> = Vec::new();
    for i in 0..14 {
        people.push(app.user(&format!("Persoon{i}")).await);
    }
    let mut tokens = Vec::new();
    for u in &people {
        tokens.push(app.token(u).await);
    }
    // truth: circle -> member indexes
    let mut truth: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    let mut circles: Vec<(CircleId, String)> = Vec::new();
    let now = Timestamp::now();
    for c in 0..8 {
        let name = format!("Cliënt{c}-{seed}");
        let starter = rng.random_range(0..people.len());
        let circle = app.circle(&name, &[(&people[starter], Role::Relative, true)]).await;
        let mut members = BTreeSet::from([starter]);
        let mut has_client = false;
        let extra = rng.random_range(0..6);
        for _ in 0..extra {
            let who = rng.random_range(0..people.len());
            if members.insert(who) {
                let mut role = Role::ALL[rng.random_range(0..Role::ALL.len())];
                // A circle has one client.
                if role == Role::Client && std::mem::replace(&mut has_client, true) {
                    role = Role::Relative;
                }
                let manager = rng.random_bool(0.3);
                app.db
                    .store
                    .internal()
                    .add_member(&circle, &people[who].id, role, "", false, manager, None, now)
                    .await
                    .expect("member");
            }
        }
        truth.insert(circle.to_string(), members);
        circles.push((circle, name));
    }
    // Remove some members through the real route, as the starter would.
    for (circle, _) in &circles {
        let members: Vec<usize> = truth[circle.as_str()].iter().copied().collect();
        if members.len() > 2 && rng.random_bool(0.5) {
            let victim = members[rng.random_range(0..members.len())];
            let member_id = app.member_id(circle, &people[victim]).await;
            // Someone who manages the circle removes them; the policy may
            // refuse (client-side roles, the last manager): then nothing changes.
            let first = first_member(&app, circle, &people).await;
            let mut c = app.signed_in(&people[first]).await;
            c.get(&format!("/circles/{circle}/members/{member_id}")).await;
            let r = c.post(&format!("/circles/{circle}/members/{member_id}/remove"), &[]).await;
            if r.status == 303 {
                truth.get_mut(circle.as_str()).expect("circle").remove(&victim);
            }
        }
    }
    let mut checks = 0;
    for (i, person) in people.iter().enumerate() {
        let mut api = app.client();
        api.bearer = Some(tokens[i].clone());
        let mine: BTreeSet<String> = truth.iter().filter(|(_, m)| m.contains(&i)).map(|(c, _)| c.clone()).collect();
        let listed = api.api(Method::GET, "/api/v1/circles", None).await.json();
        let listed: BTreeSet<String> = listed
            .as_array()
            .expect("list")
            .iter()
            .map(|c| c["circle"]["id"].as_str().expect("id").to_owned())
            .collect();
        assert_eq!(listed, mine, "seed {seed}: {} lists the wrong circles", person.name);
        let mut page = app.signed_in(person).await;
        let home = page.get("/circles").await;
        for (circle, name) in &circles {
            let member = mine.contains(circle.as_str());
            assert_eq!(
                home.body.contains(name.as_str()),
                member,
                "seed {seed}: /circles of {} and {name}",
                person.name
            );
            let r = api.api(Method::GET, &format!("/api/v1/circles/{circle}/members"), None).await;
            if member {
                assert_eq!(r.status, 200);
                let ids: BTreeSet<String> = r
                    .json()
                    .as_array()
                    .expect("members")
                    .iter()
                    .map(|m| m["user_id"].as_str().expect("id").to_owned())
                    .collect();
                let expected: BTreeSet<String> =
                    truth[circle.as_str()].iter().map(|m| people[*m].id.to_string()).collect();
                assert_eq!(ids, expected, "seed {seed}: members of {name} as seen by {}", person.name);
            } else {
                assert_eq!(r.status, 404, "seed {seed}: {} reads members of {name}", person.name);
                assert!(!r.body.contains(name.as_str()));
                let p = page.get(&format!("/circles/{circle}")).await;
                assert_eq!(p.status, 404, "seed {seed}: {} opens {name}", person.name);
                assert!(!p.body.contains(name.as_str()));
                let single = api.api(Method::GET, &format!("/api/v1/circles/{circle}"), None).await;
                assert_eq!(single.status, 404);
            }
            checks += 1;
        }
    }
    assert_eq!(checks, people.len() * circles.len());
}

/// A member with the manager flag (the starter has it).
async fn first_member(app: &TestApp, circle: &CircleId, people: &[TUser]) -> usize {
    for (i, p) in people.iter().enumerate() {
        if let Some(m) = app.db.store.internal().active_membership(&p.id, circle, Timestamp::now()).await.expect("q")
            && m.facts.manager
        {
            return i;
        }
    }
    panic!("circle without a manager flag");
}
