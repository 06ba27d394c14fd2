//! Demo agreements for Henk: who does what, over all five steps of the
//! Schijf van Vijf, made at the start of care and some due for review, and
//! one change that asks to talk about the family's share again.

use super::Seeder;
use crate::service::{agreements, changes};
use samenspel_core::agreement::AgreementInput;
use samenspel_core::change::ChangeInput;
use samenspel_core::ids::CircleId;

/// (maker, domain, step, what, doer, doer's name when not a member, backup, frequency, lead, review in days)
type Line = (
    &'static str,
    &'static str,
    i64,
    &'static str,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
    i64,
);

const HENK: &[Line] = &[
    (
        "fatima",
        "personal_care",
        1,
        "Henk scheert zich zelf; Ans legt de spullen klaar",
        Some("ans"),
        "",
        None,
        "elke ochtend",
        Some("ans"),
        60,
    ),
    ("fatima", "personal_care", 2, "Douchestoel en beugels in de badkamer", None, "", None, "", Some("fatima"), 90),
    ("fatima", "personal_care", 5, "Hulp bij het douchen", Some("fatima"), "", None, "di, do, za", Some("fatima"), 0),
    (
        "fatima",
        "medication",
        2,
        "Medicijnrol van de apotheek met een piepje",
        None,
        "Apotheek Stadspark",
        None,
        "elke week nieuw",
        Some("fatima"),
        45,
    ),
    (
        "ans",
        "medication",
        3,
        "Ans kijkt 's avonds of de medicijnen op zijn",
        Some("ans"),
        "",
        Some("ellen"),
        "dagelijks",
        Some("ans"),
        45,
    ),
    (
        "ans",
        "meals",
        3,
        "Ans kookt; Ellen neemt op zondag eten mee",
        Some("ans"),
        "",
        Some("ellen"),
        "dagelijks",
        Some("ans"),
        90,
    ),
    (
        "ans",
        "household",
        4,
        "Huishoudelijke hulp via de gemeente (Wmo)",
        None,
        "Thuishulp Noord",
        None,
        "woensdagochtend",
        Some("ellen"),
        120,
    ),
    (
        "ellen",
        "finances",
        3,
        "Ellen regelt de rekeningen en de post",
        Some("ellen"),
        "",
        Some("ans"),
        "elke maand",
        Some("ellen"),
        180,
    ),
    ("thijs", "company", 3, "Wandelen bij de eendenvijver", Some("thijs"), "", None, "dinsdagmiddag", Some("ans"), -3),
    (
        "ans",
        "mobility",
        4,
        "Kees brengt Henk naar de biljartclub",
        None,
        "Kees (buurman)",
        Some("ans"),
        "donderdagavond",
        Some("ans"),
        60,
    ),
    (
        "marieke",
        "appointments",
        5,
        "Evaluatie van de zorg met de hele kring",
        Some("marieke"),
        "",
        Some("fatima"),
        "elk half jaar",
        Some("marieke"),
        30,
    ),
];

/// How many of the first lines were agreed in the family start conversation.
const FROM_CONVERSATION: usize = 3;

pub(super) async fn seed(s: &Seeder<'_>, henk: &CircleId) -> anyhow::Result<()> {
    // The first agreements came out of the family start conversation.
    let conversation = super::conversations::family_start(s, henk).await?;
    for (i, (maker, domain, step, what, doer, doer_name, backup, frequency, lead, review_in)) in HENK.iter().enumerate()
    {
        let (_, me) = s.user(maker)?;
        let made = super::ago(s.now, 50);
        let ctx = s.ctx(&me, made);
        let day = |days: i64| {
            crate::i18n::local(&s.now.checked_add(jiff::SignedDuration::from_hours(24 * days)).unwrap_or(s.now))
                .date()
                .to_string()
        };
        let input = AgreementInput {
            domain: (*domain).into(),
            step: *step,
            description: (*what).into(),
            doer: member_of(s, henk, *doer).await?,
            doer_name: (*doer_name).into(),
            backup: member_of(s, henk, *backup).await?,
            backup_name: String::new(),
            frequency: (*frequency).into(),
            since: crate::i18n::local(&made).date().to_string(),
            lead: member_of(s, henk, *lead).await?,
            review_on: day(*review_in),
            conversation_id: if i < FROM_CONVERSATION { conversation.clone() } else { String::new() },
        };
        agreements::add(&ctx, henk, &input).await?;
    }
    // Ans needs a new hip: for six weeks she can do less, so what the family
    // carries is to be talked about again.
    let (_, marieke) = s.user("marieke")?;
    let change = ChangeInput {
        kind: "carer_availability".into(),
        description: "Ans krijgt over twee weken een nieuwe heup. Zes weken lang kan ze weinig tillen en niet fietsen."
            .into(),
        occurred_on: String::new(),
        agreement_ids: None,
    };
    changes::record(&s.ctx(&marieke, super::ago(s.now, 1)), henk, &change).await?;
    Ok(())
}

/// The membership id of a demo person, or empty for nobody.
async fn member_of(s: &Seeder<'_>, circle: &CircleId, first: Option<&str>) -> anyhow::Result<String> {
    match first {
        Some(f) => Ok(s.member_id(circle, f).await?.to_string()),
        None => Ok(String::new()),
    }
}
