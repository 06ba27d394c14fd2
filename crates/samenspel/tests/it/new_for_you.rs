//! "New for you": what a reader has not seen yet, counted and listed from
//! their own `entry_unseen` rows, so that neither the circle's history nor
//! the reader's own entries are walked to answer the overview.

use crate::logbook::{henk, logbook_cap};
use crate::support::{TUser, TestApp, TestDb};
use jiff::SignedDuration;
use samenspel::service::logbook;
use samenspel_core::Timestamp;
use samenspel_core::ids::CircleId;
use samenspel_store::logbook::EntryFilter;

async fn write_at(app: &TestApp, who: &TUser, circle: &CircleId, at: Timestamp, audience: &str, body: &str) -> String {
    let me = app.acting_as(who).await;
    let input = logbook::WriteEntry {
        kind: "update".into(),
        audience: audience.into(),
        body: body.into(),
        ..Default::default()
    };
    logbook::write(&app.ctx(&me, at), circle, &input, vec![], None).await.expect("written")
}

/// How many "unseen" rows a member has, read around the store.
async fn rows_of(app: &TestApp, who: &TUser) -> i64 {
    app.db
        .count(&format!(
            "SELECT COUNT(*) FROM entry_unseen u JOIN memberships m ON m.id = u.member_id WHERE m.user_id = '{}'",
            who.id
        ))
        .await
}

/// "New for you" counts what the reader has not seen, also an entry stamped
/// earlier than ones they saw, and ends after 90 days.
pub async fn unread_counts_what_the_reader_has_not_seen(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let t0 = Timestamp::now();
    let at = |mins: i64| t0.checked_add(SignedDuration::from_mins(mins)).expect("time");
    let me = app.acting_as(&h.ans).await;
    let write_at = |mins: i64, text: &'static str| {
        let me = &me;
        let app = &app;
        let circle = &h.circle;
        async move {
            let input = logbook::WriteEntry {
                kind: "update".into(),
                audience: "circle".into(),
                body: text.into(),
                ..Default::default()
            };
            logbook::write(&app.ctx(me, at(mins)), circle, &input, vec![], None).await.expect("written")
        }
    };
    let first = write_at(1, "Eerste").await;
    let second = write_at(2, "Tweede").await;
    let cap = logbook_cap(&app, &h.thijs, &h.circle).await;
    let store = &app.db.store;
    assert_eq!(store.unread_count(&cap, 100, at(3)).await.expect("count"), 2);
    // Seeing the newer one leaves the older one new.
    store.mark_seen(&cap, std::slice::from_ref(&second), at(10)).await.expect("seen");
    assert_eq!(store.unread_count(&cap, 100, at(11)).await.expect("count"), 1);
    store.mark_seen(&cap, std::slice::from_ref(&first), at(20)).await.expect("seen");
    assert_eq!(store.unread_count(&cap, 100, at(21)).await.expect("count"), 0);
    // An entry stamped earlier than ones already seen (its transaction was still open) still counts.
    write_at(17, "Laat opgeslagen").await;
    assert_eq!(store.unread_count(&cap, 100, at(22)).await.expect("count"), 1);
    let listed = store
        .entries(&cap, &samenspel_store::logbook::EntryFilter { unread_as_of: Some(at(22)), ..Default::default() }, 10)
        .await
        .expect("list");
    assert_eq!(listed.iter().map(|e| e.body.as_str()).collect::<Vec<_>>(), ["Laat opgeslagen"]);
    // After 90 days nothing is new any more.
    let later = t0.checked_add(SignedDuration::from_hours(24 * 91)).expect("time");
    assert_eq!(store.unread_count(&cap, 100, later).await.expect("count"), 0);
    // Another reader's progress is their own.
    let ellen = logbook_cap(&app, &h.ellen, &h.circle).await;
    assert_eq!(store.unread_count(&ellen, 100, at(22)).await.expect("count"), 3);
}

/// A reader whose own entries fill the window has no rows for them: the
/// count and the list read one row, and removing, seeing and the 90-day
/// purge each take rows away. Audiences still decide what counts.
pub async fn new_for_you_reads_only_the_readers_own_rows(db: TestDb) {
    let app = TestApp::new(db).await;
    let h = henk(&app).await;
    let t0 = Timestamp::now();
    let at = |mins: i64| t0.checked_add(SignedDuration::from_mins(mins)).expect("time");
    for i in 0..120 {
        write_at(&app, &h.ans, &h.circle, at(i), "circle", &format!("Bericht {i}")).await;
    }
    write_at(&app, &h.ans, &h.circle, at(121), "informal", "Alleen voor familie en vrijwilligers").await;
    let from_thijs = write_at(&app, &h.thijs, &h.circle, at(122), "circle", "Henk heeft goed gegeten").await;
    let store = &app.db.store;
    let ans = logbook_cap(&app, &h.ans, &h.circle).await;
    assert_eq!(rows_of(&app, &h.ans).await, 1, "Ans's own entries leave no rows");
    assert_eq!(store.unread_count(&ans, 100, at(130)).await.expect("count"), 1);
    let new =
        store.entries(&ans, &EntryFilter { unread_as_of: Some(at(130)), ..Default::default() }, 6).await.expect("new");
    assert_eq!(new.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), [from_thijs.as_str()]);

    // Thijs has 121 rows; the count stops at the cap and the list is the newest first.
    let thijs = logbook_cap(&app, &h.thijs, &h.circle).await;
    assert_eq!(rows_of(&app, &h.thijs).await, 121);
    assert_eq!(store.unread_count(&thijs, 100, at(130)).await.expect("count"), 100);
    let new = store
        .entries(&thijs, &EntryFilter { unread_as_of: Some(at(130)), ..Default::default() }, 3)
        .await
        .expect("new");
    let bodies: Vec<&str> = new.iter().map(|e| e.body.as_str()).collect();
    assert_eq!(bodies, ["Alleen voor familie en vrijwilligers", "Bericht 119", "Bericht 118"]);
    // Fatima has a row for the family's entry, but it does not reach her.
    let fatima = logbook_cap(&app, &h.fatima, &h.circle).await;
    assert_eq!(rows_of(&app, &h.fatima).await, 122);
    assert_eq!(store.unread_count(&fatima, 200, at(130)).await.expect("count"), 121);
    let new = store
        .entries(&fatima, &EntryFilter { unread_as_of: Some(at(130)), ..Default::default() }, 200)
        .await
        .expect("new");
    assert_eq!(new.len(), 121);
    assert!(new.iter().all(|e| e.body != "Alleen voor familie en vrijwilligers"));

    // Seeing a page takes its rows away (19 of them: one entry on it is his own).
    let shown: Vec<String> =
        store.entries(&thijs, &EntryFilter::default(), 20).await.expect("page").into_iter().map(|e| e.id).collect();
    store.mark_seen(&thijs, &shown, at(131)).await.expect("seen");
    assert_eq!(rows_of(&app, &h.thijs).await, 102);
    // Removing an entry takes everyone's row for it away.
    let me = app.acting_as(&h.thijs).await;
    logbook::delete(&app.ctx(&me, at(132)), &h.circle, &from_thijs).await.expect("removed");
    assert_eq!(rows_of(&app, &h.ans).await, 0);
    assert_eq!(store.unread_count(&ans, 100, at(133)).await.expect("count"), 0);

    // After 90 days the hourly job forgets the rest.
    let later = t0.checked_add(SignedDuration::from_hours(24 * 91)).expect("time");
    let gone = samenspel::jobs::forget_old_unseen(&app.state, later).await.expect("purge");
    assert_eq!(gone, 102 + 121 + 121, "Thijs's, Fatima's and Ellen's rows");
    assert_eq!(app.db.count("SELECT COUNT(*) FROM entry_unseen").await, 0);
    assert_eq!(store.unread_count(&thijs, 100, later).await.expect("count"), 0);
}
