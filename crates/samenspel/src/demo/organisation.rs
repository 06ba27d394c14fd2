//! The organisation around the demo circles (issue 14): each location has
//! its own coach informele zorg, De Esdoorn a location manager, and five
//! more circles per location with a year of history — members, a network
//! map, agreements over the Schijf van Vijf, changes, help requests, thank-you
//! notes and carers' signals — so the samenspelmonitor has months to show.
//! The monitor's months are then kept as the worker would have kept them.
//!
//! The people in these circles get no printed sign-in link: they are there
//! to be counted. Everything is written through the services, with the
//! clock set to when it happened, like the rest of the demo.

use super::{Seeder, ago, email};
use crate::i18n::Tr;
use crate::service::{Ctx, agreements, changes, checkins, circles, help, logbook, network};
use samenspel_core::agreement::AgreementInput;
use samenspel_core::change::ChangeInput;
use samenspel_core::help::RequestInput;
use samenspel_core::ids::{CircleId, LocationId, MemberId, OrganisationId};
use samenspel_core::locale::Locale;
use samenspel_core::role::{LocationRole, Role};
use samenspel_core::{Timestamp, network::PlacementInput};
use samenspel_store::access::CurrentUser;

/// (client, description, the client takes part themselves)
type CircleLine = (&'static str, &'static str, bool);

const STADSPARK: [CircleLine; 5] = [
    ("Jan Vos", "Jan (77) woont alleen sinds zijn vrouw overleed. Zijn dochters wonen ver weg.", true),
    ("Truus Dekker", "Truus (84) heeft COPD. Haar zoon en de buren helpen met boodschappen.", true),
    ("Kees van Leeuwen", "Kees (69) had een beroerte. Hij oefent thuis met praten en lopen.", true),
    ("Marja Prins", "Marja (58) heeft MS. Haar man werkt en haar zus springt bij.", true),
    ("Bert Huisman", "Bert (88) vergeet steeds meer. Zijn kinderen verdelen de zorg.", false),
];

const ESDOORN: [CircleLine; 5] = [
    ("mevrouw Wil de Boer", "Mevrouw De Boer (91) woont op de tweede etage van De Esdoorn.", false),
    ("meneer Henk Smits", "Meneer Smits (86) woont sinds de zomer in De Esdoorn.", false),
    ("mevrouw Riet Meijer", "Mevrouw Meijer (89) houdt van zingen en van bezoek.", false),
    ("meneer Piet de Groot", "Meneer De Groot (93) is bijna blind en wil graag voorgelezen worden.", false),
    ("mevrouw Co Vermeulen", "Mevrouw Vermeulen (87) heeft dementie. Haar kinderen komen om beurten.", false),
];

const FIRST: [&str; 20] = [
    "Anja", "Bas", "Carla", "Dirk", "Esther", "Freek", "Greet", "Hans", "Iris", "Johan", "Kim", "Leo", "Mieke", "Nico",
    "Olga", "Paul", "Rianne", "Stefan", "Tineke", "Wouter",
];
const LAST: [&str; 10] = ["de Jong", "Jansen", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Vos", "Peters"];

/// A small deterministic sequence, so the demo is the same every time.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: u64) -> i64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n.max(1)) as i64
    }
}

/// One background circle's people.
struct Cast {
    coach: CurrentUser,
    /// (account, member id, role)
    members: Vec<(CurrentUser, MemberId, Role)>,
}

impl Cast {
    fn with(&self, role: Role) -> Vec<&(CurrentUser, MemberId, Role)> {
        self.members.iter().filter(|(_, _, r)| *r == role).collect()
    }
}

pub(super) fn ctx<'a>(s: &'a Seeder<'_>, user: &'a CurrentUser, at: Timestamp) -> Ctx<'a> {
    Ctx { state: s.state, user, source: &s.source, now: at, tr: Tr::new(Locale::Nl) }
}

pub(super) async fn seed(
    s: &Seeder<'_>,
    org: &OrganisationId,
    stadspark: &LocationId,
    esdoorn: &LocationId,
) -> anyhow::Result<()> {
    let internal = s.state.store.internal();
    let (joost, _) = s.user("joost")?;
    let (anouk, _) = s.user("anouk")?;
    let (petra, _) = s.user("petra")?;
    let since = ago(s.now, 400);
    internal.add_location_staff(stadspark, &joost, LocationRole::Coordinator, since).await?;
    internal.add_location_staff(esdoorn, &anouk, LocationRole::Coordinator, since).await?;
    internal.add_location_staff(esdoorn, &petra, LocationRole::Manager, since).await?;

    let mut dice = Dice(14);
    let mut n = 0;
    for (location, coach, lines) in [(stadspark, "joost", &STADSPARK), (esdoorn, "anouk", &ESDOORN)] {
        for line in lines.iter() {
            n += 1;
            let cast = circle(s, org, location, coach, line, n, &mut dice).await?;
            history(s, &cast.0, &cast.1, n, &mut dice).await?;
        }
    }
    super::org_content::social_map(s, org, stadspark, esdoorn).await?;
    super::org_content::practice(s, org).await?;
    super::org_content::knowledge(s, org, &[stadspark, esdoorn]).await?;
    // The months the worker would have kept, had it run all year.
    crate::jobs::keep_monitor_months(s.state, s.now, 12).await?;
    Ok(())
}

/// Starts one circle a year ago (give or take a month) with its members.
async fn circle(
    s: &Seeder<'_>,
    org: &OrganisationId,
    location: &LocationId,
    coach: &str,
    (client, description, client_takes_part): &CircleLine,
    n: usize,
    dice: &mut Dice,
) -> anyhow::Result<(CircleId, Cast)> {
    let (_, coach) = s.user(coach)?;
    let age = 335 + dice.roll(30);
    let started = ago(s.now, age);
    let input = circles::StartCircle {
        client_name: (*client).into(),
        description: (*description).into(),
        organisation_id: Some(org.to_string()),
        location_id: Some(location.to_string()),
        my_role: Role::Coordinator.as_str().into(),
        my_relation: "coach informele zorg".into(),
    };
    let circle = circles::start(&ctx(s, &coach, started), &input, None).await?;
    let first = if *client_takes_part { Role::Client } else { Role::Representative };
    let mut roles = vec![first, Role::Relative, Role::Relative, Role::Volunteer, Role::Professional];
    if dice.roll(2) == 0 {
        roles.push(Role::Relative);
    }
    if dice.roll(3) == 0 {
        roles.push(Role::Volunteer);
    }
    let mut members = Vec::new();
    for (i, role) in roles.into_iter().enumerate() {
        let name = format!("{} {}", FIRST[(n * 7 + i * 3) % FIRST.len()], LAST[(n + i) % LAST.len()]);
        let address = email(&format!("kring{n}.{i}"));
        let joined = ago(s.now, age - 1 - dice.roll(20));
        let internal = s.state.store.internal();
        let id = internal.create_user(&address, &name, None, Locale::Nl, true, joined).await?;
        let relation = match role {
            Role::Relative => "familie",
            Role::Volunteer => "vrijwilliger",
            Role::Professional => "verzorgende",
            _ => "",
        };
        internal.add_member(&circle, &id, role, relation, i == 1, false, None, joined).await?;
        let user = internal.act_as(&id, "demo").await?;
        let member =
            internal.active_membership(&id, &circle, s.now).await?.ok_or_else(|| anyhow::anyhow!("{name}"))?.member_id;
        members.push((user, member, role));
    }
    Ok((circle, Cast { coach, members }))
}

/// A year of what happens in one circle.
async fn history(s: &Seeder<'_>, circle: &CircleId, cast: &Cast, n: usize, dice: &mut Dice) -> anyhow::Result<()> {
    let relatives = cast.with(Role::Relative);
    let volunteers = cast.with(Role::Volunteer);
    let professional = cast.with(Role::Professional)[0];
    let carer = relatives[0];
    let volunteer = volunteers[0];
    let coach = &cast.coach;
    let start = ago(s.now, 320);

    // Most circles drew their network map in the first weeks.
    if !n.is_multiple_of(5) {
        let c = ctx(s, coach, start);
        for (name, category, support) in [("Buurvrouw", "B", "PG"), ("Huisarts", "Z", "A"), ("Kerk", "R", "E")] {
            let input = PlacementInput {
                name: name.into(),
                category: category.into(),
                support: support.into(),
                tie: "supporting".into(),
                closeness: (2 + dice.roll(2)).to_string(),
                note: String::new(),
                reach: String::new(),
            };
            network::add(&c, circle, &input).await?;
        }
    }

    // Agreements over the five steps; one is past its review date.
    let steps: [(i64, &str, &str, &str); 6] = [
        (1, "personal_care", "Wast zich zelf aan de wastafel", "de cliënt zelf"),
        (2, "medication", "Medicijnrol met een piepje", "apotheek"),
        (3, "meals", "Warm eten op werkdagen", "familie"),
        (3, "household", "Boodschappen op zaterdag", "familie"),
        (4, "company", "Wandelen op dinsdag", "vrijwilliger"),
        (5, "personal_care", "Hulp bij het douchen", "thuiszorg"),
    ];
    for (i, (step, domain, what, doer)) in steps.iter().enumerate() {
        let review = if i == n % steps.len() { -10 - dice.roll(20) } else { 30 + dice.roll(90) };
        let day = |days: i64| {
            crate::i18n::local(&s.now.checked_add(jiff::SignedDuration::from_hours(24 * days)).unwrap_or(s.now))
                .date()
                .to_string()
        };
        let input = AgreementInput {
            domain: (*domain).into(),
            step: *step,
            description: (*what).into(),
            doer_name: (*doer).into(),
            frequency: "elke week".into(),
            since: crate::i18n::local(&start).date().to_string(),
            review_on: day(review),
            ..Default::default()
        };
        agreements::add(&ctx(s, coach, start), circle, &input).await?;
    }

    // Month by month: news, thanks, help, changes and signals.
    for month in (0..12).rev() {
        let base = ago(s.now, month * 30 + 1);
        let writer = cast.members[dice.roll(cast.members.len() as u64) as usize].0.clone();
        let update = logbook::WriteEntry {
            kind: "update".into(),
            audience: "circle".into(),
            body: "Het ging goed deze week. We hebben samen koffie gedronken.".into(),
            ..Default::default()
        };
        logbook::write(&ctx(s, &writer, base), circle, &update, vec![], None).await?;
        let thanks = logbook::WriteEntry {
            kind: "thanks".into(),
            audience: "circle".into(),
            recipients: vec![volunteer.1.to_string()],
            body: "Dank je wel voor je hulp!".into(),
            card: "sun".into(),
            ..Default::default()
        };
        logbook::write(&ctx(s, &carer.0, ago(base, 1)), circle, &thanks, vec![], None).await?;

        if (month + n as i64) % 2 == 0 {
            let asked = ago(base, 2);
            let day = crate::i18n::local(&ago(asked, -3)).date().to_string();
            let request = RequestInput {
                template: "ride".into(),
                title: "Rit naar het ziekenhuis".into(),
                date: day,
                ..Default::default()
            };
            let id = help::ask(&ctx(s, &carer.0, asked), circle, &request).await?;
            // Most requests find an answer within a day or two; some do not.
            if dice.roll(5) != 0 {
                let answered = asked.saturating_add(jiff::SignedDuration::from_hours(2 + dice.roll(40)))?;
                help::respond(&ctx(s, &volunteer.0, answered), circle, &id, "Ik kan wel rijden.").await?;
            }
        }
        if (month + n as i64) % 4 == 0 {
            let change = ChangeInput { kind: "more_care".into(), ..Default::default() };
            let recorded = ago(base, 4);
            let id = changes::record(&ctx(s, &professional.0, recorded), circle, &change).await?;
            if month > 0 {
                let closed = recorded.saturating_add(jiff::SignedDuration::from_hours(24 * (2 + dice.roll(20))))?;
                changes::close(&ctx(s, coach, closed), circle, &id).await?;
            }
        }
        if (month + n as i64) % 3 == 0 {
            let who = relatives[dice.roll(relatives.len() as u64) as usize];
            let message = "Het wordt me soms te veel. Kunnen we even praten?";
            checkins::share_signal(&ctx(s, &who.0, ago(base, 6)), circle, "coordinator", message).await?;
        }
    }
    Ok(())
}
