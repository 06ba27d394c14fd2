//! Demo conversations and collaboration profiles for Henk's circle: the
//! family start conversation Fatima held when care began (three agreements
//! came from it), the perspectives Ellen and Fatima share, Thijs's private
//! one, and the SOFA role Fatima marked for Ans. Ans has not filled in her
//! profile yet, so a visitor can try it as her. And Ans's carer check-ins
//! (with a four-weekly reminder), and Thijs's volunteer check-in, shared
//! with the coordinator.

use super::Seeder;
use crate::service::{checkins, conversations, profiles};
use samenspel_core::conversation::ConversationInput;
use samenspel_core::ids::CircleId;
use samenspel_core::profile::ProfileInput;

const FAMILY_START: &[(&str, &str)] = &[
    (
        "fs_matters",
        "Zijn eigen ritme: rustig opstaan, koffie met de krant. Op dinsdag naar de biljartclub. Dat Ans niet alles alleen hoeft te doen.",
    ),
    ("fs_self", "Henk scheert zich zelf en zet zijn eigen koffie. Hij wil zelf zijn post blijven doen."),
    ("fs_aids", "Een douchestoel en beugels in de badkamer. Een medicijnrol met een piepje."),
    (
        "fs_family",
        "Ans doet het huishouden en kijkt 's avonds naar de medicijnen. Ellen regelt de post en de rekeningen. Tillen kan Ans niet.",
    ),
    ("fs_network", "Buurvrouw Els doet op vrijdag boodschappen. Een maatje van de vrijwilligerscentrale op dinsdag."),
    ("fs_professional", "De wijkverpleging helpt drie keer per week bij het douchen."),
    ("fs_contacts", "Ans is het aanspreekpunt voor de familie; Ellen als Ans er niet is. Bij de zorg is dat Fatima."),
    (
        "fs_expectations",
        "De familie wil horen als er iets verandert, ook als het klein is. Fatima vraagt om het te melden als Ans het te zwaar krijgt.",
    ),
    (
        "fs_informed",
        "Alles in het logboek van Samenspel, geen losse appjes. Wat over de medicijnen gaat, alleen met de professionals en Ellen.",
    ),
];

/// Holds the family start conversation; returns its id for the agreements made from it.
pub(super) async fn family_start(s: &Seeder<'_>, henk: &CircleId) -> anyhow::Result<String> {
    let (_, fatima) = s.user("fatima")?;
    let held = super::ago(s.now, 51);
    let participants = vec![s.member_id(henk, "ans").await?.to_string(), s.member_id(henk, "ellen").await?.to_string()];
    let input = ConversationInput {
        guide: "family_start".into(),
        held_on: crate::i18n::local(&held).date().to_string(),
        participants,
        others: "Henk de Vries".into(),
        audience: "circle".into(),
        answers: FAMILY_START.iter().map(|(k, v)| ((*k).to_string(), (*v).to_string())).collect(),
        closes_changes: Vec::new(),
    };
    Ok(conversations::hold(&s.ctx(&fatima, held), henk, &input).await?)
}

/// (who, six answers, shared)
const PROFILES: &[(&str, [&str; 6], bool)] = &[
    ("ellen", ["prater", "prater", "prater", "kenner", "prater", "prater"], true),
    ("fatima", ["kenner", "kenner", "kenner", "kenner", "luisteraar", "kenner"], true),
    ("thijs", ["verbinder", "verbinder", "verbinder", "verbinder", "verbinder", "luisteraar"], false),
];

pub(super) async fn profiles(s: &Seeder<'_>, henk: &CircleId) -> anyhow::Result<()> {
    for (who, answers, shared) in PROFILES {
        let (_, me) = s.user(who)?;
        let input = ProfileInput { answers: answers.iter().map(|a| (*a).to_string()).collect(), shared: *shared };
        profiles::save(&s.ctx(&me, super::ago(s.now, 30)), henk, &input).await?;
    }
    // Ans knows Henk best: Fatima aligns her care with her.
    let (_, fatima) = s.user("fatima")?;
    let ans = s.member_id(henk, "ans").await?;
    profiles::set_carer_roles(&s.ctx(&fatima, super::ago(s.now, 20)), henk, &ans, &["A".to_string()]).await?;
    Ok(())
}

/// Ans's monthly check-ins over half a year: the strain rises as Henk needs
/// more help (scores 2, 3, 3, 5, 6, 7). Only Ans sees them.
pub(super) async fn check_ins(s: &Seeder<'_>, henk: &CircleId) -> anyhow::Result<()> {
    const MONTHS: [(i64, usize); 6] = [(180, 2), (150, 3), (120, 3), (90, 5), (60, 6), (30, 7)];
    let (_, ans) = s.user("ans")?;
    for (days_ago, heavy) in MONTHS {
        // The first `heavy` statements weigh ("Ja" or "Min of meer"), the rest do not.
        let answers = (1..=9)
            .map(|i| {
                let code = match (i <= heavy, i % 2 == 0) {
                    (true, true) => "ja",
                    (true, false) => "min-of-meer",
                    (false, true) => "nee",
                    (false, false) => "nee!",
                };
                (format!("ediz-{i}"), code.to_string())
            })
            .collect();
        checkins::submit(&s.ctx(&ans, super::ago(s.now, days_ago)), henk, &answers).await?;
    }
    // After the last one she told the coordinator, not the whole circle.
    let message = "Sinds Henk 's nachts onrustig is, slaap ik slecht. Een middag per week vrij zou helpen.";
    checkins::share_signal(&s.ctx(&ans, super::ago(s.now, 29)), henk, "coordinator", message).await?;
    // She asked for a reminder every four weeks.
    crate::service::checkins::set_reminder(&s.ctx(&ans, super::ago(s.now, 20)), henk, Some(4)).await?;

    // Thijs, the volunteer, shared his check-in with Marieke: he feels valued,
    // but hears about changes late.
    let (_, thijs) = s.user("thijs")?;
    let answers = [
        ("wifa-w1", "ja"),
        ("wifa-w2", "ja"),
        ("wifa-i1", "nee"),
        ("wifa-i2", "soms"),
        ("wifa-f1", "ja"),
        ("wifa-f2", "ja"),
        ("wifa-a1", "ja"),
        ("wifa-a2", "soms"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
    .collect();
    crate::service::volunteer_checkins::submit(&s.ctx(&thijs, super::ago(s.now, 12)), henk, &answers, true).await?;
    Ok(())
}
