//! The demo organisation's volunteer pool (issue 14): eight volunteers with
//! their availability, area, skills and languages, VOG and training — one
//! VOG about to lapse, one volunteer without a VOG yet, one who stopped —
//! expense claims to decide, and a help request of Henk's circle put to the
//! pool, which Sanne said yes to.

use super::organisation::ctx;
use super::{Seeder, ago, email};
use crate::service::pool::{self as pool, expenses, offers};
use samenspel_core::help::RequestInput;
use samenspel_core::ids::{CircleId, OrganisationId};
use samenspel_core::pool::expenses::ClaimInput;
use samenspel_core::pool::offers::OfferInput;
use samenspel_core::pool::{NewVolunteerInput, ProfileInput, RecordInput, TrainingInput};

/// (e-mail name, name, slots, area, interests, skills, languages, VOG issued
/// this many days ago, taking part, training)
type Line = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<i64>,
    bool,
    &'static str,
);

const VOLUNTEERS: [Line; 8] = [
    (
        "sanne",
        "Sanne de Boer",
        "wed-afternoon thu-afternoon sat-morning",
        "Stadspark, Centrum",
        "wandelen, muziek",
        "autorijden, boodschappen",
        "Nederlands, Engels",
        Some(400),
        true,
        "Omgaan met dementie",
    ),
    // Issued 36 months ago less 20 days: it lapses within the six weeks' warning.
    (
        "ruud",
        "Ruud Jansen",
        "mon-morning tue-morning wed-morning",
        "Stadspark",
        "klussen, tuin",
        "tuinieren, klussen, autorijden",
        "Nederlands",
        Some(3 * 365 - 20),
        true,
        "Veilig tillen",
    ),
    (
        "mehmet",
        "Mehmet Yilmaz",
        "tue-evening thu-evening",
        "Centrum",
        "voetbal, koken",
        "koken, vertalen",
        "Nederlands, Turks",
        Some(200),
        true,
        "",
    ),
    (
        "ilse",
        "Ilse Verbeek",
        "mon-afternoon wed-afternoon fri-afternoon",
        "De Esdoorn",
        "voorlezen, zingen",
        "voorlezen, spelletjes",
        "Nederlands, Duits",
        Some(700),
        true,
        "Omgaan met dementie",
    ),
    (
        "gijs",
        "Gijs Hoekstra",
        "sat-morning sun-morning",
        "Stadspark",
        "fietsen",
        "fietsen, computer",
        "Nederlands",
        None,
        true,
        "",
    ),
    (
        "fenna",
        "Fenna Dijkstra",
        "wed-afternoon wed-evening",
        "De Esdoorn, Centrum",
        "handwerken, koffie",
        "gezelschap",
        "Nederlands, Fries",
        Some(90),
        true,
        "Gesprekstechnieken",
    ),
    (
        "kaj",
        "Kaj Willemsen",
        "fri-morning",
        "Centrum",
        "schaken",
        "computer",
        "Nederlands, Engels",
        Some(1200),
        false,
        "",
    ),
    (
        "yara",
        "Yara Haddad",
        "tue-afternoon thu-afternoon",
        "Stadspark, Centrum",
        "wandelen, kunst",
        "gezelschap, boodschappen",
        "Nederlands, Arabisch, Engels",
        Some(150),
        true,
        "",
    ),
];

pub(super) async fn seed(s: &Seeder<'_>, org: &OrganisationId, henk: &CircleId) -> anyhow::Result<()> {
    let (_, joost) = s.user("joost")?;
    let today = crate::i18n::local(&s.now).date();
    for (who, name, slots, area, interests, skills, languages, vog, active, training) in VOLUNTEERS {
        let c = ctx(s, &joost, ago(s.now, 30));
        let input = NewVolunteerInput { name: name.into(), email: email(who) };
        let id = pool::add(&c, org, &input).await?;
        let profile = ProfileInput {
            slots: slots.split_whitespace().map(str::to_owned).collect(),
            area: area.into(),
            interests: interests.into(),
            skills: skills.into(),
            languages: languages.into(),
        };
        pool::set_profile(&c, org, &id, &profile).await?;
        let issued = vog.and_then(|days| today.checked_sub(jiff::Span::new().days(days)).ok());
        let record = RecordInput {
            vog_issued_on: issued.map(|d| d.to_string()).unwrap_or_default(),
            insurance: "Vrijwilligersverzekering van de gemeente".into(),
            active: if active { "on".into() } else { String::new() },
        };
        pool::set_record(&c, org, &id, &record).await?;
        if !training.is_empty() {
            let done = today.checked_sub(jiff::Span::new().days(120)).unwrap_or(today).to_string();
            pool::add_training(&c, org, &id, &TrainingInput { title: training.into(), done_on: done }).await?;
        }
    }
    claims(s, org).await?;
    offer(s, org, henk).await
}

/// Sanne's and Ruud's trips: one approved last month, two waiting.
async fn claims(s: &Seeder<'_>, org: &OrganisationId) -> anyhow::Result<()> {
    let lines = [
        ("sanne", 25, "18", "", "Met een bewoner naar de markt"),
        ("sanne", 6, "12", "3,50", "Rit naar het ziekenhuis, parkeren"),
        ("ruud", 4, "", "14,95", "Zakjes tuinaarde voor de moestuinbak"),
    ];
    let mut first = None;
    for (who, days, km, costs, description) in lines {
        let (_, user) = s.user(who)?;
        let on = crate::i18n::local(&ago(s.now, days)).date().to_string();
        let input = ClaimInput { on_date: on, km: km.into(), costs: costs.into(), description: description.into() };
        let id = expenses::submit(&ctx(s, &user, ago(s.now, days - 1)), org, &input).await?;
        first.get_or_insert(id);
    }
    if let Some(id) = first {
        let (_, joost) = s.user("joost")?;
        expenses::decide(&ctx(s, &joost, ago(s.now, 20)), org, &id, "approve").await?;
    }
    Ok(())
}

/// Ans asks for a ride to the hairdresser next Wednesday afternoon; Marieke
/// puts it to the pool, and Sanne (free on Wednesday afternoons) says yes.
async fn offer(s: &Seeder<'_>, org: &OrganisationId, henk: &CircleId) -> anyhow::Result<()> {
    let today = crate::i18n::local(&s.now).date();
    let mut wednesday = today.tomorrow()?;
    while wednesday.weekday() != jiff::civil::Weekday::Wednesday {
        wednesday = wednesday.tomorrow()?;
    }
    let (_, ans) = s.user("ans")?;
    let request = RequestInput {
        template: "ride".into(),
        title: "Met Henk naar de kapper".into(),
        details: "Henk gaat graag, maar vindt de weg niet meer alleen.".into(),
        date: wednesday.to_string(),
        from_time: "14:00".into(),
        until_time: "15:30".into(),
        ..Default::default()
    };
    let help = crate::service::help::ask(&ctx(s, &ans, ago(s.now, 1)), henk, &request).await?;
    let (_, marieke) = s.user("marieke")?;
    let input = OfferInput {
        source: format!("help:{help}"),
        first_name: "Henk".into(),
        area: "Stadspark".into(),
        what: "Met iemand naar de kapper rijden en weer terug".into(),
        until_on: wednesday.to_string(),
    };
    let id = offers::put(&ctx(s, &marieke, s.now), henk, &input).await?;
    let (_, sanne) = s.user("sanne")?;
    offers::answer(&ctx(s, &sanne, s.now), org, &id, "yes").await?;
    Ok(())
}
