//! What the demo organisation knows and shares (issue 14): its social map,
//! kept by its coordinator, the practice examples its coaches wrote, its FAQ,
//! its locations' placemats and the staff quiz's rounds.

use super::organisation::ctx;
use super::{Seeder, ago};
use samenspel_core::ids::{LocationId, OrganisationId};

/// (name, category, near: 0 the whole area, 1 Stadspark, 2 De Esdoorn, what, when, contact, topics)
type MapLine = (&'static str, &'static str, u8, &'static str, &'static str, &'static str, &'static str);

const SOCIAL_MAP: [MapLine; 9] = [
    (
        "Biljartvereniging De Keu",
        "meeting",
        1,
        "Biljarten en een kop koffie, ook voor beginners en mensen met geheugenproblemen.",
        "di en do 13:30-17:00",
        "Wim, 050 311 22 33",
        "biljart, spel, koffie, ontmoeten",
    ),
    (
        "Wandelgroep Stadspark",
        "exercise",
        1,
        "Een rustig rondje door het park langs de eendenvijver, met een vrijwilliger.",
        "wo 10:00, bij de ingang van het park",
        "wijkcentrum Stadspark",
        "wandel, lopen, natuur, park, eendenvijver",
    ),
    (
        "Ouderenkoor De Zonnebloem",
        "culture",
        0,
        "Samen oude Hollandse liedjes zingen. Niet kunnen zingen mag.",
        "vr 14:00-15:30",
        "zonnebloem.noord@example.org",
        "zing, koor, liedjes, muziek, radio",
    ),
    (
        "Alzheimer Café Noord",
        "support",
        0,
        "Elke maand een avond met uitleg en gesprek voor mensen met dementie en hun naasten.",
        "3e dinsdag van de maand, 19:30",
        "Alzheimer Nederland, 0800 5088",
        "dementie, alzheimer, mantelzorg, lotgenoten",
    ),
    (
        "Repair Café Stadspark",
        "practical",
        1,
        "Vrijwilligers repareren kapotte spullen samen met jou.",
        "1e zaterdag van de maand",
        "repaircafe@example.org",
        "repareren, klussen, techniek",
    ),
    (
        "Automaatje",
        "transport",
        0,
        "Vrijwillige chauffeurs rijden je tegen een kleine vergoeding naar het ziekenhuis of de kapper.",
        "ma t/m vr, een dag vooraf bellen",
        "050 123 99 00",
        "vervoer, ritten, ziekenhuis, boodschappen",
    ),
    (
        "Koffieochtend in het restaurant",
        "meeting",
        2,
        "Koffie, de krant en een praatje voor bewoners en buren.",
        "elke ochtend 10:00-11:30",
        "receptie De Esdoorn",
        "koffie, krant, ontmoeten, praten",
    ),
    (
        "Voorleesuur van de bibliotheek",
        "culture",
        2,
        "Een vrijwilliger van de bibliotheek leest voor uit de krant en uit boeken.",
        "do 15:00",
        "bibliotheek, 050 765 43 21",
        "voorlezen, lezen, boeken, krant",
    ),
    (
        "Steunpunt Mantelzorg",
        "support",
        0,
        "Advies, een luisterend oor en respijtzorg voor mantelzorgers.",
        "ma t/m do 9:00-17:00",
        "steunpunt@example.org",
        "mantelzorg, respijt, advies, ontlasten",
    ),
];

/// The organisation's social map, kept by its coordinator.
pub(super) async fn social_map(
    s: &Seeder<'_>,
    org: &OrganisationId,
    stadspark: &LocationId,
    esdoorn: &LocationId,
) -> anyhow::Result<()> {
    let (_, marieke) = s.user("marieke")?;
    let c = ctx(s, &marieke, ago(s.now, 30));
    for (name, category, near, what, when, contact, topics) in SOCIAL_MAP {
        let location = match near {
            1 => stadspark.to_string(),
            2 => esdoorn.to_string(),
            _ => String::new(),
        };
        let input = samenspel_core::social_map::InitiativeInput {
            name: name.into(),
            category: category.into(),
            description: what.into(),
            opening_hours: when.into(),
            contact: contact.into(),
            topics: topics.into(),
            location_id: location,
            ..Default::default()
        };
        crate::service::social_map::add(&c, org, &input).await?;
    }
    Ok(())
}

/// Practice examples the coaches shared (written from the sources' themes).
pub(super) async fn practice(s: &Seeder<'_>, org: &OrganisationId) -> anyhow::Result<()> {
    let examples: [(&str, &str, &str, &str); 3] = [
        (
            "joost",
            "Buren erbij halen met een kop koffie",
            "Een mantelzorger deed alles alleen. We nodigden de buren uit voor koffie en tekenden samen de netwerkkaart. \
             Twee buren bleken graag te willen helpen, als ze maar wisten wanneer. Nu staan ze in het rooster.",
            "buren, netwerk, netwerkkaart, rooster",
        ),
        (
            "anouk",
            "Als kinderen het niet eens zijn",
            "Twee kinderen van een bewoner dachten heel verschillend over bezoek. Een gesprek met de Schijf van Vijf op \
             tafel hielp: iedereen zag wat de ander al deed. De afspraken staan nu in Samenspel en worden elk kwartaal besproken.",
            "familie, ruzie, afspraken, schijf van vijf",
        ),
        (
            "marieke",
            "Signalen van overbelasting serieus nemen",
            "Na een gedeeld signaal belde ik binnen twee dagen. Vaak is een kleine ontlasting genoeg: een vrijwilliger op \
             dinsdagmiddag, of respijtzorg via het steunpunt. Zet het op klaar in Te doen, dan telt de monitor mee.",
            "overbelasting, mantelzorg, respijt, signalen",
        ),
    ];
    for (who, title, body, topics) in examples {
        let (_, user) = s.user(who)?;
        let input =
            samenspel_core::practice::ExampleInput { title: title.into(), body: body.into(), topics: topics.into() };
        crate::service::practice::add(&ctx(s, &user, ago(s.now, 20)), org, &input).await?;
    }
    Ok(())
}

/// The starter FAQ (one answer adapted by the coordinator, so it has a
/// history), both locations' placemats, and six rounds of the staff quiz.
pub(super) async fn knowledge(s: &Seeder<'_>, org: &OrganisationId, locations: &[&LocationId]) -> anyhow::Result<()> {
    use crate::service::knowledge;
    let (_, marieke) = s.user("marieke")?;
    knowledge::add_starter_set(&ctx(s, &marieke, ago(s.now, 40)), org).await?;
    let (_, joost) = s.user("joost")?;
    let c = ctx(s, &joost, ago(s.now, 12));
    let faq = knowledge::faq(&c, org, "medicijnen", None).await?;
    if let Some(entry) = faq.entries.first() {
        let input = samenspel_core::knowledge::faq::EntryInput {
            topic: "family".into(),
            question: entry.question.clone(),
            answer: format!(
                "{}\n\nBij Zorggroep Noorderlicht: vraag het de eerste verantwoordelijke verzorgende.",
                entry.answer
            ),
        };
        knowledge::change(&c, org, &entry.id, &input).await?;
    }
    for location in locations {
        knowledge::add_placemat_starter(&ctx(s, &marieke, ago(s.now, 30)), location).await?;
    }
    let rounds: [(&str, [&str; 5]); 6] = [
        ("marieke", ["b", "c", "a", "b", "b"]),
        ("joost", ["b", "c", "a", "b", "b"]),
        ("anouk", ["b", "a", "a", "b", "b"]),
        ("petra", ["a", "c", "b", "b", "b"]),
        ("joost", ["b", "c", "a", "a", "b"]),
        ("anouk", ["b", "c", "a", "b", "c"]),
    ];
    for (who, answers) in rounds {
        let (_, user) = s.user(who)?;
        let pairs: Vec<(String, String)> = samenspel_core::knowledge::quiz::QUIZ
            .iter()
            .zip(answers)
            .map(|(q, a)| (q.key.to_owned(), a.to_owned()))
            .collect();
        knowledge::take_quiz(&ctx(s, &user, ago(s.now, 5)), org, &pairs).await?;
    }
    Ok(())
}
