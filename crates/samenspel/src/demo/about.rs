//! Demo "Dit ben ik", empathy maps and wellbeing plan for Henk: his
//! daughter Ellen (the representative) wrote most parts with him, in his own
//! words; Ans added his daily rhythm, Thijs the clubs; what he dislikes
//! (shame at being showered by strangers) only the professionals read. Two empathy maps half a
//! year apart show how his world changed, and two goals — one with progress
//! written in the logbook.

use super::{Seeder, ago};
use crate::service::{about, logbook};
use samenspel_core::about::SectionInput;
use samenspel_core::empathy::EmpathyMapInput;
use samenspel_core::ids::CircleId;
use samenspel_core::wellbeing::GoalInput;

/// (writer, days ago, part, text, first person, audience)
const PARTS: &[(&str, i64, &str, &str, bool, &str)] = &[
    (
        "ellen",
        45,
        "life_story",
        "Ik ben Henk, geboren in 1941 in Zwolle. Ik was veertig jaar bakker, eerst bij mijn vader en later in mijn eigen zaak aan de Diezerstraat. Om vier uur op, dat zit er nog steeds in.\n\nIn 1965 trouwde ik met Ans. We kregen twee kinderen, Ellen en Kees, en er zijn nu vier kleinkinderen.",
        true,
        "circle",
    ),
    (
        "ellen",
        45,
        "matters",
        "Dat ik zelf mag kiezen wanneer ik opsta. Dat Ans niet alles alleen hoeft te doen. Koffie met de krant.",
        true,
        "circle",
    ),
    (
        "ellen",
        44,
        "likes",
        "Biljarten, de radio (oude Hollandse liedjes), een stukje lopen naar de eendenvijver, krentenbollen.",
        true,
        "circle",
    ),
    (
        "ellen",
        44,
        "dislikes",
        "Haast. Als mensen over mij praten terwijl ik erbij zit. Douchen met iemand die ik niet ken: dan schaam ik me. Eerst samen koffie helpt.",
        true,
        "professionals",
    ),
    (
        "ans",
        40,
        "rhythm",
        "Henk is vroeg wakker, rond zes uur. Eerst koffie en de krant, daarna pas wassen. Na het eten een uur rust in de stoel. Om half tien naar bed.",
        false,
        "circle",
    ),
    ("thijs", 30, "hobbies", "Dinsdagmiddag naar biljartclub De Keu. Vroeger lid van het mannenkoor.", false, "circle"),
    (
        "ellen",
        44,
        "people",
        "Ans, mijn vrouw. Ellen en Kees. Buurman Gerrit, met wie ik vroeger viste.",
        true,
        "circle",
    ),
    ("ellen", 44, "places", "De eendenvijver in het park. De oude bakkerij aan de Diezerstraat.", true, "circle"),
    ("ellen", 44, "address", "Zeg maar Henk. Geen 'meneer', daar voel ik me oud bij.", true, "circle"),
    (
        "ellen",
        43,
        "gives",
        "Ik leer de buurjongen Daan biljarten. En ik weet nog alle recepten: vraag maar.",
        true,
        "circle",
    ),
];

pub(super) async fn seed(s: &Seeder<'_>, henk: &CircleId) -> anyhow::Result<()> {
    for (who, days, part, text, first_person, audience) in PARTS {
        let (_, u) = s.user(who)?;
        let input = SectionInput {
            text: (*text).into(),
            first_person: *first_person,
            audience: (*audience).into(),
            chosen: vec![],
        };
        about::save_section(&s.ctx(&u, ago(s.now, *days)), henk, part, &input).await?;
    }
    let (_, fatima) = s.user("fatima")?;
    // Two empathy maps, half a year apart.
    let maps = [
        (
            200,
            EmpathyMapInput {
                says: "Ik red me wel. Ans moet niet zo moeilijk doen.".into(),
                thinks: "Ik wil niemand tot last zijn.".into(),
                does: "Gaat nog elke dag alleen naar de eendenvijver. Biljart op dinsdag.".into(),
                feels: "Trots, maar soms onzeker op straat.".into(),
                pains: "Bang om te vallen. Vergeet soms zijn pillen.".into(),
                gains: "Zo lang mogelijk thuis blijven, met Ans.".into(),
                made_with: "Henk, Ans en Ellen".into(),
                ..Default::default()
            },
        ),
        (
            20,
            EmpathyMapInput {
                says: "Ik wil weer zelf naar de markt.".into(),
                thinks: "Zonder hulp lukt het niet meer, en dat is niet erg.".into(),
                does: "Loopt met Thijs naar de eendenvijver. Helpt de buurjongen met biljarten.".into(),
                feels: "Rustiger sinds er vaste mensen komen.".into(),
                pains: "Moe na het douchen. Mist het mannenkoor.".into(),
                gains: "Weer naar de markt op zaterdag. Iets doen voor een ander.".into(),
                made_with: "Henk, Ans, Fatima en Thijs".into(),
                ..Default::default()
            },
        ),
    ];
    for (days, mut map) in maps {
        map.made_on = crate::i18n::local(&ago(s.now, days)).date().to_string();
        about::save_empathy_map(&s.ctx(&fatima, ago(s.now, days)), henk, None, &map).await?;
    }

    // The wellbeing plan: two goals, one with progress in the logbook.
    let thijs_member = s.member_id(henk, "thijs").await?.to_string();
    let ans_member = s.member_id(henk, "ans").await?.to_string();
    let market = GoalInput {
        kind: "again".into(),
        words: "Ik wil op zaterdag weer zelf naar de markt.".into(),
        steps: "1. Eerst samen met Thijs lopen tot de brug.\n2. Dan samen de hele route, met rollator.\n3. Daarna alleen, met de telefoon op zak.".into(),
        helpers: vec![thijs_member],
        others: "Fysiotherapeut Jan".into(),
        review_on: crate::i18n::local(&ago(s.now, -30)).date().to_string(),
        ..Default::default()
    };
    let goal = about::save_goal(&s.ctx(&fatima, ago(s.now, 19)), henk, None, &market).await?;
    let billiards = GoalInput {
        kind: "keep".into(),
        words: "Ik wil blijven biljarten op dinsdag.".into(),
        steps: "Ans brengt hem, Thijs haalt hem op.".into(),
        helpers: vec![ans_member],
        ..Default::default()
    };
    about::save_goal(&s.ctx(&fatima, ago(s.now, 19)), henk, None, &billiards).await?;
    let (_, thijs) = s.user("thijs")?;
    for (days, body) in [
        (12, "Vandaag samen tot de brug gelopen en terug. Henk wilde nog verder!"),
        (5, "De hele route naar de markt gelopen, met één pauze op het bankje. Henk kocht zelf zijn kaas."),
    ] {
        let input = logbook::WriteEntry {
            kind: "moment".into(),
            audience: "circle".into(),
            body: body.into(),
            goal: goal.clone(),
            ..Default::default()
        };
        let id = logbook::write(&s.ctx(&thijs, ago(s.now, days)), henk, &input, vec![], None).await?;
        // Ans, Marieke and Fatima read it the next day (written after the
        // logbook's history, so without this it would be new for everyone).
        for who in ["ans", "marieke", "fatima"] {
            let (_, u) = s.user(who)?;
            logbook::view(&s.ctx(&u, ago(s.now, days - 1).min(s.now)), henk, &id).await?;
        }
    }
    Ok(())
}
