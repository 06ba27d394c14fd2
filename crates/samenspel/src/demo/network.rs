//! Demo network maps: Henk's is mapped as the district nurse would at the
//! first home visit; Sem's has a few contacts. The others are left for the
//! visitor to draw.

use super::Seeder;
use crate::service::network;
use samenspel_core::ids::CircleId;
use samenspel_core::network::PlacementInput;

/// (name, category, support, tie, closeness, note, reach)
type Line = (&'static str, &'static str, &'static str, &'static str, i64, &'static str, &'static str);

const HENK_CONTACTS: &[Line] = &[
    ("Kees (buurman)", "B", "PG", "supporting", 1, "Maait het gras, komt koffie drinken", "06 12 34 56 78"),
    ("Wilma (zus van Henk)", "G", "GE", "supporting", 2, "Belt elke zondag", "Groningen, 050 312 45 67"),
    ("Neef Peter", "F", "", "strained", 3, "Sinds de erfenis van zijn vader weinig contact", ""),
    ("Dokter Jansen", "Z", "A", "neutral", 2, "Huisarts", "Huisartsenpraktijk Stadspark, 050 123 45 67"),
    ("Pastor Smit", "R", "E", "supporting", 3, "Komt eens per maand", ""),
    ("Biljartclub De Keu", "I", "G", "supporting", 2, "Henk speelt op donderdag, Kees brengt hem", ""),
    ("Jan en Riet", "V", "GE", "neutral", 3, "Oude vrienden van de tennisclub", ""),
];

/// Where the members of Henk's circle stand (first name, category, support, tie, closeness, note).
const HENK_MEMBERS: &[(&str, &str, &str, &str, i64, &str)] = &[
    ("ans", "G", "PGAE", "supporting", 1, "Zijn vrouw; zorgt dag en nacht"),
    ("ellen", "G", "AE", "supporting", 2, "Dochter; regelt de geldzaken"),
    ("fatima", "Z", "PA", "supporting", 2, "Wijkverpleegkundige, drie keer per week"),
    ("thijs", "W", "G", "supporting", 2, "Wandelt op dinsdagmiddag met Henk"),
];

const SEM_CONTACTS: &[Line] = &[
    ("Voetbalvereniging Be Quick", "I", "G", "neutral", 3, "Sem wil weer gaan trainen", ""),
    ("Jobcoach Mirjam", "Z", "PA", "supporting", 2, "Helpt bij het zoeken naar werk", ""),
];

fn input(
    name: &str,
    category: &str,
    support: &str,
    tie: &str,
    closeness: i64,
    note: &str,
    reach: &str,
) -> PlacementInput {
    PlacementInput {
        name: name.into(),
        category: category.into(),
        support: support.into(),
        tie: tie.into(),
        closeness: closeness.to_string(),
        note: note.into(),
        reach: reach.into(),
    }
}

pub(super) async fn seed(s: &Seeder<'_>, henk: &CircleId, sem: &CircleId) -> anyhow::Result<()> {
    let (_, fatima) = s.user("fatima")?;
    let ctx = s.ctx(&fatima, super::ago(s.now, 50));
    for (name, cat, sup, tie, closeness, note, reach) in HENK_CONTACTS {
        network::add(&ctx, henk, &input(name, cat, sup, tie, *closeness, note, reach)).await?;
    }
    for (first, cat, sup, tie, closeness, note) in HENK_MEMBERS {
        let member = s.member_id(henk, first).await?;
        network::place_member(&ctx, henk, &member, &input("", cat, sup, tie, *closeness, note, "")).await?;
    }
    let (_, yvonne) = s.user("yvonne")?;
    let ctx = s.ctx(&yvonne, super::ago(s.now, 40));
    for (name, cat, sup, tie, closeness, note, reach) in SEM_CONTACTS {
        network::add(&ctx, sem, &input(name, cat, sup, tie, *closeness, note, reach)).await?;
    }
    Ok(())
}
