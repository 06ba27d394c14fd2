//! Demo data in Dutch, inspired by the source documents (all people are
//! made up): one organisation with two locations, three circles of its own
//! with their people, ten more with a year of history for the samenspelmonitor
//! (`organisation`), and one circle that a family started. `samenspel demo` loads it into an empty
//! database and prints a sign-in link for every demo person.

use crate::app::AppState;
use crate::i18n::Tr;
use crate::service::{Ctx, circles, invitations};
use jiff::SignedDuration;

mod about;
mod agenda;
mod agreements;
mod conversations;
mod logbook;
mod network;
mod org_content;
mod organisation;
mod pool;
use samenspel_core::audit::Source;
use samenspel_core::ids::{CircleId, UserId};
use samenspel_core::locale::Locale;
use samenspel_core::role::{OrgRole, Role};
use samenspel_core::{Timestamp, audience::Audience};
use samenspel_store::access::CurrentUser;

pub const DOMAIN: &str = "samenspel.example";

/// Everybody in the demo: (first name, full name).
const PEOPLE: &[(&str, &str)] = &[
    ("marieke", "Marieke Hoekstra"),
    ("frank", "Frank Visser"),
    ("ans", "Ans de Vries"),
    ("ellen", "Ellen de Vries"),
    ("thijs", "Thijs Bakker"),
    ("fatima", "Fatima El Amrani"),
    ("rob", "Rob Mulder"),
    ("sandra", "Sandra Mulder"),
    ("noor", "Noor Jansen"),
    ("lotte", "Lotte de Graaf"),
    ("sem", "Sem Bakker"),
    ("yvonne", "Yvonne Smit"),
    ("jesse", "Jesse Kok"),
    ("karin", "Karin Bakker"),
    ("ingrid", "Ingrid Hendriks"),
    ("bram", "Bram Hendriks"),
    ("joost", "Joost van Dam"),
    ("anouk", "Anouk Peters"),
    ("petra", "Petra Willems"),
    ("sanne", "Sanne de Boer"),
    ("ruud", "Ruud Jansen"),
];

pub fn email(first: &str) -> String {
    format!("{first}@{DOMAIN}")
}

fn ago(now: Timestamp, days: i64) -> Timestamp {
    now.checked_sub(SignedDuration::from_hours(24 * days)).unwrap_or(now)
}

/// `minutes` before `t` (after it, for negative minutes).
fn ago_minutes(t: Timestamp, minutes: i64) -> Timestamp {
    t.checked_sub(SignedDuration::from_mins(minutes)).unwrap_or(t)
}

struct Seeder<'a> {
    state: &'a AppState,
    source: Source,
    now: Timestamp,
    /// Each demo person: first name, account, and the store's actor for them.
    users: Vec<(&'static str, UserId, CurrentUser)>,
}

impl<'a> Seeder<'a> {
    /// A service context for `user`, with the clock at `at`.
    fn ctx<'b>(&'b self, user: &'b CurrentUser, at: Timestamp) -> Ctx<'b> {
        Ctx { state: self.state, user, source: &self.source, now: at, tr: Tr::new(Locale::Nl) }
    }

    /// The member id of a demo person in a circle.
    async fn member_id(&self, circle: &CircleId, first: &str) -> anyhow::Result<samenspel_core::ids::MemberId> {
        let (id, _) = self.user(first)?;
        let m = self.state.store.internal().active_membership(&id, circle, self.now).await?;
        Ok(m.ok_or_else(|| anyhow::anyhow!("{first} is not in the circle"))?.member_id)
    }

    fn user(&self, first: &str) -> anyhow::Result<(UserId, CurrentUser)> {
        let (_, id, user) =
            self.users.iter().find(|(f, _, _)| *f == first).ok_or_else(|| anyhow::anyhow!("no demo person {first}"))?;
        Ok((id.clone(), user.clone()))
    }

    async fn circle(
        &self,
        starter: &str,
        org: Option<&samenspel_core::ids::OrganisationId>,
        location: Option<&samenspel_core::ids::LocationId>,
        client: &str,
        description: &str,
        role: Role,
        relation: &str,
        days_ago: i64,
    ) -> anyhow::Result<CircleId> {
        let (_, me) = self.user(starter)?;
        let ctx = Ctx {
            state: self.state,
            user: &me,
            source: &self.source,
            now: ago(self.now, days_ago),
            tr: Tr::new(Locale::Nl),
        };
        let input = circles::StartCircle {
            client_name: client.into(),
            description: description.into(),
            organisation_id: org.map(|o| o.to_string()),
            location_id: location.map(|l| l.to_string()),
            my_role: role.as_str().into(),
            my_relation: relation.into(),
        };
        Ok(circles::start(&ctx, &input, None).await?)
    }

    async fn member(
        &self,
        circle: &CircleId,
        who: &str,
        role: Role,
        relation: &str,
        contact_person: bool,
        manager: bool,
        days_ago: i64,
    ) -> anyhow::Result<()> {
        let (id, _) = self.user(who)?;
        self.state
            .store
            .internal()
            .add_member(circle, &id, role, relation, contact_person, manager, None, ago(self.now, days_ago))
            .await?;
        Ok(())
    }
}

pub async fn seed(state: &AppState) -> anyhow::Result<()> {
    let now = Timestamp::now();
    let start = ago(now, 60);
    let mut users = Vec::new();
    for (first, name) in PEOPLE {
        let id = state.store.internal().create_user(&email(first), name, None, Locale::Nl, true, start).await?;
        // The demo acts as its people through the store, like a job does.
        let user = state.store.internal().act_as(&id, "demo").await?;
        users.push((*first, id, user));
    }
    let s = Seeder { state, source: Source::system("samenspel demo"), now, users };

    let org = state.store.internal().create_organisation("Zorggroep Noorderlicht", start).await?;
    let wijkteam = state.store.internal().create_location(&org, "Wijkteam Stadspark", start).await?;
    let esdoorn = state.store.internal().create_location(&org, "Woonzorgcentrum De Esdoorn", start).await?;
    state.store.internal().add_staff(&org, &s.user("marieke")?.0, OrgRole::Coordinator, start).await?;
    state.store.internal().add_staff(&org, &s.user("frank")?.0, OrgRole::Admin, start).await?;

    // A man with dementia, cared for at home by his wife, with a volunteer and a district nurse.
    let henk = s
        .circle(
            "marieke",
            Some(&org),
            Some(&wijkteam),
            "Henk de Vries",
            "Henk (81) heeft alzheimer en woont thuis met zijn vrouw Ans. Samen zorgen we dat Henk zo lang mogelijk thuis kan blijven. Ans is het eerste aanspreekpunt.",
            Role::Coordinator,
            "coördinator informele zorg",
            56,
        )
        .await?;
    s.member(&henk, "ans", Role::Relative, "echtgenote, mantelzorger", true, true, 55).await?;
    s.member(&henk, "ellen", Role::Representative, "dochter, mentor", false, false, 54).await?;
    s.member(&henk, "fatima", Role::Professional, "wijkverpleegkundige", true, false, 54).await?;
    s.member(&henk, "thijs", Role::Volunteer, "maatje op dinsdagmiddag", false, false, 40).await?;
    // The neighbour is invited but has not joined yet.
    let (_, ans) = s.user("ans")?;
    let ctx = Ctx { state, user: &ans, source: &s.source, now: ago(now, 2), tr: Tr::new(Locale::Nl) };
    let invite = invitations::Invite {
        email: Some(email("kees")),
        role: Role::Relative.as_str().into(),
        relation: "buurman".into(),
        message: "Kees, wil je meedoen? Dan weet je ook wanneer Henk thuis is.".into(),
        ..Default::default()
    };
    invitations::create(&ctx, &henk, &invite, None).await?;

    // A care-home resident with two children who do not always agree.
    let gerda = s
        .circle(
            "marieke",
            Some(&org),
            Some(&esdoorn),
            "mevrouw Gerda Mulder",
            "Mevrouw Mulder (88) woont sinds het voorjaar in De Esdoorn. Haar kinderen Rob en Sandra komen om beurten langs. Wat we afspreken, zetten we hier neer, zodat iedereen hetzelfde weet.",
            Role::Coordinator,
            "coördinator informele zorg",
            50,
        )
        .await?;
    s.member(&gerda, "rob", Role::Relative, "zoon", true, true, 49).await?;
    s.member(&gerda, "sandra", Role::Relative, "dochter", false, false, 49).await?;
    s.member(&gerda, "noor", Role::Professional, "verzorgende IG, eerste verantwoordelijke", true, false, 48).await?;
    let (lotte, _) = s.user("lotte")?;
    state
        .store
        .internal()
        .add_member(
            &gerda,
            &lotte,
            Role::Volunteer,
            "huiskamervrijwilliger (invaller)",
            false,
            false,
            Some(now.saturating_add(SignedDuration::from_hours(24 * 21))?),
            ago(now, 10),
        )
        .await?;

    // A young adult in mental-health care with a volunteer buddy and a case manager.
    let sem = s
        .circle(
            "marieke",
            Some(&org),
            Some(&wijkteam),
            "Sem Bakker",
            "Sem (23) woont zelfstandig met begeleiding. Hij wil weer aan het werk en zoekt iemand om mee te sporten.",
            Role::Coordinator,
            "coördinator informele zorg",
            45,
        )
        .await?;
    s.member(&sem, "yvonne", Role::Professional, "casemanager", true, true, 45).await?;
    s.member(&sem, "sem", Role::Client, "", false, false, 44).await?;
    s.member(&sem, "jesse", Role::Volunteer, "maatje", false, false, 30).await?;
    s.member(&sem, "karin", Role::Relative, "moeder", false, false, 44).await?;
    // Karin shares her e-mail address with family and volunteers only.
    let (_, karin) = s.user("karin")?;
    let cap_ctx = Ctx { state, user: &karin, source: &s.source, now, tr: Tr::new(Locale::Nl) };
    crate::service::members::set_contact_audience(&cap_ctx, &sem, Audience::Informal.as_str()).await?;

    // A family that started a circle on its own, without an organisation.
    let wim = s
        .circle(
            "ingrid",
            None,
            None,
            "opa Wim Hendriks",
            "Opa Wim (90) woont nog zelfstandig. We verdelen de boodschappen en het bezoek.",
            Role::Relative,
            "dochter",
            20,
        )
        .await?;
    s.member(&wim, "bram", Role::Relative, "kleinzoon", false, false, 19).await?;

    logbook::seed(&s, &[(&henk, "henk"), (&gerda, "gerda"), (&sem, "sem"), (&wim, "wim")]).await?;
    network::seed(&s, &henk, &sem).await?;
    agreements::seed(&s, &henk).await?;
    conversations::profiles(&s, &henk).await?;
    conversations::check_ins(&s, &henk).await?;
    about::seed(&s, &henk).await?;
    agenda::seed(&s, &henk, &wijkteam).await?;
    organisation::seed(&s, &org, &wijkteam, &esdoorn).await?;
    pool::seed(&s, &org, &henk).await?;
    Ok(())
}

/// One-time sign-in links for everybody in the demo, valid for a day.
pub async fn print_sign_in_links(state: &AppState) -> anyhow::Result<()> {
    crate::cli::output::print_line(format_args!("Sign in as a demo person (each link works once, for 24 hours):"));
    for (first, name) in PEOPLE {
        if let Some(user) = state.store.internal().find_user_for_sign_in(&email(first)).await? {
            let link =
                crate::cli::issue_sign_in_link(state, &user.id, SignedDuration::from_hours(24), Timestamp::now())
                    .await?;
            crate::cli::output::print_line(format_args!("  {name:<18} {link}"));
        }
    }
    Ok(())
}
