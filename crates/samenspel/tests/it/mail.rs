//! E-mail through a real SMTP conversation with a local sink: delivered
//! once, retried after a temporary refusal, in the right language.

use crate::support::fixtures::decode_quoted_printable;
use crate::support::{TestApp, TestDb};
use jiff::SignedDuration;
use samenspel::service::invitations::{self, Invite};
use samenspel_core::Timestamp;
use samenspel_core::locale::Locale;
use samenspel_core::role::Role;

async fn invite(
    app: &TestApp,
    from: &crate::support::TUser,
    circle: &samenspel_core::ids::CircleId,
    to: &str,
    locale: Locale,
) {
    let me = app.acting_as(from).await;
    let ctx = samenspel::service::Ctx { tr: samenspel::i18n::Tr::new(locale), ..app.ctx(&me, Timestamp::now()) };
    let input = Invite { email: Some(to.into()), role: "volunteer".into(), ..Default::default() };
    invitations::create(&ctx, circle, &input, None).await.expect("invitation");
}

pub async fn smtp_delivery_once_with_retries(db: TestDb) {
    let (app, sink) = TestApp::with_smtp_sink(db).await;
    let ans = app.user("Ans").await;
    let circle = app.circle("Henk de Vries", &[(&ans, Role::Relative, true)]).await;
    sink.refuse_next(1);
    invite(&app, &ans, &circle, "kees@test.example", Locale::Nl).await;
    assert_eq!(app.run_jobs().await, 1);
    assert!(sink.messages().is_empty(), "the first attempt was refused");
    let (waiting, failed) = app.db.store.job_counts().await.expect("counts");
    assert_eq!((waiting, failed), (1, 0), "kept for a retry");
    // Not due yet: nothing happens.
    assert_eq!(app.run_jobs().await, 0);
    // After the back-off the retry goes through, once.
    let later = Timestamp::now().checked_add(SignedDuration::from_secs(31)).expect("time");
    assert_eq!(samenspel::jobs::run_due_at(&app.state, "w", later).await.expect("run"), 1);
    let got = sink.messages();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].to, vec!["kees@test.example".to_owned()]);
    assert_eq!(got[0].from, "noreply@samenspel.test");
    assert_eq!(samenspel::jobs::run_due_at(&app.state, "w", later).await.expect("run"), 0);
    assert_eq!(sink.messages().len(), 1, "never sent twice");
    assert_eq!(app.db.store.job_counts().await.expect("counts"), (0, 0));
    let body = decode_quoted_printable(&got[0].data);
    assert!(body.contains("Message-ID: <"));
    assert!(body.contains("/invitations/"));
    assert!(app.mails().is_empty(), "with SMTP settings nothing goes to the mail folder");
}

pub async fn mail_text_respects_the_recipient_language_and_hides_the_client_in_the_subject(db: TestDb) {
    let (app, sink) = TestApp::with_smtp_sink(db).await;
    let ans = app.user("Ans").await;
    let circle = app.circle("Henk de Vries", &[(&ans, Role::Relative, true)]).await;
    invite(&app, &ans, &circle, "nl@test.example", Locale::Nl).await;
    invite(&app, &ans, &circle, "en@test.example", Locale::En).await;
    app.run_jobs().await;
    let got = sink.messages();
    assert_eq!(got.len(), 2);
    for m in &got {
        let text = decode_quoted_printable(&m.data);
        let subject = text.lines().find(|l| l.starts_with("Subject:")).expect("subject");
        assert!(!subject.contains("Henk"), "no client name in the subject: {subject}");
        assert!(text.contains("Henk de Vries"), "the body names the circle");
        assert!(text.contains("Content-Type: text/plain") && text.contains("Content-Type: text/html"));
    }
    let en = got.iter().find(|m| m.to[0] == "en@test.example").expect("english");
    assert!(decode_quoted_printable(&en.data).contains("invites you to the circle of Henk de Vries"));
    let nl = got.iter().find(|m| m.to[0] == "nl@test.example").expect("dutch");
    assert!(decode_quoted_printable(&nl.data).contains("nodigt je uit voor de kring van Henk de Vries"));
}
