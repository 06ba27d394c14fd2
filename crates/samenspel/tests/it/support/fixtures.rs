//! The app on a test database, and quick ways to make people and circles.

use super::{Client, TestDb};
use samenspel::app::{AppState, Background};
use samenspel::config::RawConfig;
use samenspel::crypto;
use samenspel_core::Timestamp;
use samenspel_core::ids::{CircleId, MemberId, UserId};
use samenspel_core::locale::Locale;
use samenspel_core::role::Role;
use std::path::PathBuf;

/// One person to make for [`TestApp::cast`]: a name, a role in the circle,
/// and whether they manage it. Made by [`client`], [`relative`] and the like.
#[derive(Clone, Copy, Debug)]
pub struct Part {
    pub name: &'static str,
    pub role: Role,
    pub manager: bool,
}

impl Part {
    /// The same person, managing the circle.
    pub const fn manager(self) -> Part {
        Part { manager: true, ..self }
    }
}

/// Makes, for each role named, a constructor of a [`Part`]: `name` in that
/// role, not a manager.
macro_rules! parts {
    ($($(#[$doc:meta])* $fn:ident: $role:ident;)*) => {
        $(
            $(#[$doc])*
            pub const fn $fn(name: &'static str) -> Part {
                Part { name, role: Role::$role, manager: false }
            }
        )*
    };
}

parts! {
    /// `name` as the client the circle is for (not a manager).
    client: Client;
    /// `name` as the client's legal representative (not a manager).
    representative: Representative;
    /// `name` as a relative, a family carer (not a manager).
    relative: Relative;
    /// `name` as a volunteer (not a manager).
    volunteer: Volunteer;
    /// `name` as a professional (not a manager).
    professional: Professional;
    /// `name` as a coordinator of informal care (not a manager).
    coordinator: Coordinator;
}

/// A person made by a test.
#[derive(Clone, Debug)]
pub struct TUser {
    pub id: UserId,
    pub email: String,
    pub name: String,
}

pub struct TestApp {
    pub db: TestDb,
    pub state: AppState,
    pub router: axum::Router,
    _background: Background,
}

impl TestApp {
    pub async fn new(db: TestDb) -> TestApp {
        TestApp::with(db, |_| {}).await
    }

    /// With settings changed by `tweak` (for example SMTP for the mail tests).
    pub async fn with(db: TestDb, tweak: impl FnOnce(&mut RawConfig)) -> TestApp {
        let mut raw = RawConfig {
            data_dir: Some(db.dir.display().to_string()),
            database_url: Some(db.url.clone()),
            public_url: Some("http://samenspel.test".into()),
            secret_key: Some("test-secret-key-test-secret-key-test-secret".into()),
            run_worker: Some("false".into()),
            ..Default::default()
        };
        tweak(&mut raw);
        let config = raw.build("the test settings").expect("valid test settings");
        let (state, background) = AppState::new(config, db.store.clone()).expect("app state");
        let router = samenspel::http::router(state.clone());
        TestApp { db, state, router, _background: background }
    }

    /// Sending mail over SMTP to a local sink that records every message.
    pub async fn with_smtp_sink(db: TestDb) -> (TestApp, super::smtp::SmtpSink) {
        let sink = super::smtp::SmtpSink::start().await;
        let port = sink.port.to_string();
        let app = TestApp::with(db, |raw| {
            raw.smtp_host = Some("127.0.0.1".into());
            raw.smtp_port = Some(port);
            raw.smtp_security = Some("none".into());
            raw.mail_from = Some("Samenspel <noreply@samenspel.test>".into());
        })
        .await;
        (app, sink)
    }

    pub fn client(&self) -> Client<'_> {
        Client::new(self)
    }

    /// A new account with a unique address.
    pub async fn user(&self, name: &str) -> TUser {
        let email = format!(
            "{}-{}@test.example",
            name.to_lowercase().replace(' ', "."),
            &uuid::Uuid::new_v4().simple().to_string()[..8]
        );
        let id = self
            .db
            .store
            .internal()
            .create_user(&email, name, None, Locale::Nl, true, Timestamp::now())
            .await
            .expect("create user");
        TUser { id, email, name: name.to_owned() }
    }

    /// A circle whose first member (the starter) manages it, with more members.
    pub async fn circle(&self, client_name: &str, members: &[(&TUser, Role, bool)]) -> CircleId {
        let now = Timestamp::now();
        let (first, rest) = members.split_first().expect("a circle needs a member");
        let circle = self.make_circle(client_name, first.0, first.1, now).await;
        for (u, role, manager) in rest {
            self.db
                .store
                .internal()
                .add_member(&circle, &u.id, *role, "", false, *manager, None, now)
                .await
                .expect("add member");
        }
        circle
    }

    /// Makes the people in `parts` (each a new account, in that order) and a
    /// circle for `client_name` with them as members, as [`TestApp::circle`]
    /// does: the first starts and so manages it, the others manage it where
    /// their part says [`Part::manager`].
    ///
    /// `let (circle, [henk, ans]) = app.cast("Henk de Vries", [client("Henk"), relative("Ans")]).await;`
    pub async fn cast<const N: usize>(&self, client_name: &str, parts: [Part; N]) -> (CircleId, [TUser; N]) {
        let mut people = Vec::with_capacity(N);
        for part in &parts {
            people.push(self.user(part.name).await);
        }
        let people: [TUser; N] = people.try_into().expect("one person a part");
        let members: Vec<(&TUser, Role, bool)> =
            people.iter().zip(&parts).map(|(u, part)| (u, part.role, part.manager)).collect();
        let circle = self.circle(client_name, &members).await;
        (circle, people)
    }

    /// Someone outside the circles under test: "Buiten", a relative who
    /// manages a circle of their own ("Ander"), so that they are a full user
    /// who simply is not a member of the circle a test looks at.
    pub async fn outsider(&self) -> TUser {
        let outsider = self.user("Buiten").await;
        self.circle("Ander", &[(&outsider, Role::Relative, true)]).await;
        outsider
    }

    /// A service context for `user` at `now`, in Dutch, from the tests.
    pub fn ctx<'a>(
        &'a self,
        user: &'a samenspel_store::access::CurrentUser,
        now: Timestamp,
    ) -> samenspel::service::Ctx<'a> {
        static SOURCE: std::sync::LazyLock<samenspel_core::audit::Source> =
            std::sync::LazyLock::new(|| samenspel_core::audit::Source::system("test"));
        samenspel::service::Ctx {
            state: &self.state,
            user,
            source: &SOURCE,
            now,
            tr: samenspel::i18n::Tr::new(Locale::Nl),
        }
    }

    async fn make_circle(&self, client_name: &str, starter: &TUser, role: Role, now: Timestamp) -> CircleId {
        let me = self.acting_as(starter).await;
        let ctx = self.ctx(&me, now);
        let input = samenspel::service::circles::StartCircle {
            client_name: client_name.into(),
            my_role: role.as_str().into(),
            ..Default::default()
        };
        samenspel::service::circles::start(&ctx, &input, None).await.expect("start circle")
    }

    /// A signed-in user object for calling services directly (made by the
    /// store, as for a job: tests go through the store like everyone else).
    pub async fn acting_as(&self, u: &TUser) -> samenspel_store::access::CurrentUser {
        self.db.store.internal().act_as(&u.id, "test").await.expect("authenticated")
    }

    /// The role of the user `user` in `circle`, if they are an active member.
    pub async fn role_in(&self, circle: &CircleId, user: &UserId) -> Option<Role> {
        let membership = self.db.store.internal().active_membership(user, circle, Timestamp::now()).await;
        membership.expect("membership").map(|m| m.facts.role)
    }

    /// The member id of `u` in `circle`.
    pub async fn member_id(&self, circle: &CircleId, u: &TUser) -> MemberId {
        self.db
            .store
            .internal()
            .active_membership(&u.id, circle, Timestamp::now())
            .await
            .expect("membership")
            .expect("is a member")
            .member_id
    }

    /// A browser signed in as `u` (a real session, as after a sign-in link).
    pub async fn signed_in(&self, u: &TUser) -> Client<'_> {
        let source = samenspel_core::audit::Source::default();
        let proof = self.db.store.internal().verified(&u.id);
        let token = samenspel::service::accounts::start_session(&self.state, &proof, &source, Timestamp::now())
            .await
            .expect("session");
        let mut c = self.client();
        c.set_cookie("samenspel_session", &token);
        c
    }

    /// A personal API token for `u`.
    pub async fn token(&self, u: &TUser) -> String {
        let (token, shown) = crypto::new_api_token();
        let me = self.acting_as(u).await;
        self.db
            .store
            .create_my_api_token(&me, "test", &crypto::token_hash(&token), &shown, Timestamp::now())
            .await
            .expect("token");
        token
    }

    /// An API client holding a fresh token of `u`.
    pub async fn api_as(&self, u: &TUser) -> Client<'_> {
        let mut c = self.client();
        c.bearer = Some(self.token(u).await);
        c
    }

    /// Asks for a sign-in link for `u` in a fresh browser, opens it from the
    /// e-mail, and returns the browser and the answer (where it leads).
    pub async fn sign_in_by_link(&self, u: &TUser) -> (Client<'_>, crate::support::Resp) {
        let mut c = self.client();
        c.get("/sign-in").await;
        c.post("/sign-in/link", &[("email", u.email.as_str())]).await;
        self.run_jobs().await;
        let mail = self.mails_to(&u.email).pop().expect("a sign-in mail");
        let base = self.state.config.public_url.as_str().trim_end_matches('/').to_owned();
        let link = link_in(&mail, &format!("{base}/sign-in/link/")).expect("link");
        let r = c.post(link.trim_start_matches(&base), &[]).await;
        (c, r)
    }

    /// Runs the background worker once (sends queued e-mail).
    pub async fn run_jobs(&self) -> usize {
        samenspel::jobs::run_due(&self.state, "test-worker").await.expect("jobs ran")
    }

    /// Runs the jobs due at `at` (mail held for quiet hours goes out when `at` is past them).
    pub async fn run_jobs_at(&self, at: samenspel_core::Timestamp) -> usize {
        samenspel::jobs::run_due_at(&self.state, "test-worker", at).await.expect("jobs ran")
    }

    pub fn mail_dir(&self) -> PathBuf {
        self.state.config.mail_dir()
    }

    /// Every e-mail written to the mail folder so far, decoded to text.
    pub fn mails(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.mail_dir()) else { return Vec::new() };
        let mut files: Vec<PathBuf> =
            entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "eml")).collect();
        files.sort();
        files.iter().map(|p| decode_quoted_printable(&std::fs::read_to_string(p).expect("mail file"))).collect()
    }

    /// The mails to `address`.
    pub fn mails_to(&self, address: &str) -> Vec<String> {
        self.mails().into_iter().filter(|m| m.lines().any(|l| l.starts_with("To:") && l.contains(address))).collect()
    }
}

/// Undoes quoted-printable soft line breaks and escapes (enough for tests).
pub fn decode_quoted_printable(s: &str) -> String {
    let joined = s.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The first link in `text` that starts with `prefix`.
pub fn link_in(text: &str, prefix: &str) -> Option<String> {
    let start = text.find(prefix)?;
    let rest = &text[start..];
    let end = rest.find(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>').unwrap_or(rest.len());
    Some(rest[..end].to_owned())
}

/// A test's cast as one struct and the function that makes it: the circle,
/// one field a part (in the order given to [`TestApp::cast`]) and, with
/// `+ outsider`, someone outside the circle.
///
/// ```ignore
/// cast! {
///     /// Henk's circle.
///     struct Henk("Henk de Vries") { henk: client("Henk"), ans: relative("Ans").manager() } + outsider;
///     async fn henk;
/// }
/// ```
macro_rules! cast {
    ($(#[$m:meta])* $vis:vis struct $name:ident($client:literal) { $($who:ident: $part:expr),+ $(,)? } $(+ $outsider:ident)?; async fn $make:ident;) => {
        $(#[$m])*
        $vis struct $name {
            $vis circle: samenspel_core::ids::CircleId,
            $($vis $who: $crate::support::TUser,)+
            $($vis $outsider: $crate::support::TUser,)?
        }

        $vis async fn $make(app: &$crate::support::TestApp) -> $name {
            let (circle, [$($who),+]) = app.cast($client, [$($part),+]).await;
            $name { circle, $($who,)+ $($outsider: app.outsider().await,)? }
        }
    };
}
pub(crate) use cast;
