//! Demo agenda for Henk: two rotas (Tuesday evening company, Saturday
//! groceries) with someone in the coming shifts and a gap the week after;
//! the weekly billiards Thijs goes along to; a GP appointment Ellen goes to
//! with her father; a memory-clinic talk only the professionals see; and
//! Ans's birthday; an open help request, asked on Ans's behalf; and the
//! location's family evening and duo-bike rota.

use super::{Seeder, ago};
use crate::service::agenda;
use jiff::civil::{Date, Weekday};
use samenspel_core::agenda::ItemInput;
use samenspel_core::ids::CircleId;

/// The first `weekday` after `from` (never `from` itself), plus `weeks` weeks.
fn next(from: Date, weekday: Weekday, weeks: i64) -> Date {
    let mut d = from.tomorrow().unwrap_or(from);
    while d.weekday() != weekday {
        d = d.tomorrow().unwrap_or(d);
    }
    d.checked_add(jiff::Span::new().weeks(weeks)).unwrap_or(d)
}

fn item(kind: &str, title: &str, date: Date, times: (&str, &str)) -> ItemInput {
    ItemInput {
        kind: kind.into(),
        title: title.into(),
        date: date.to_string(),
        start_time: times.0.into(),
        end_time: times.1.into(),
        audience: "circle".into(),
        ..Default::default()
    }
}

pub async fn seed(s: &Seeder<'_>, henk: &CircleId, location: &samenspel_core::ids::LocationId) -> anyhow::Result<()> {
    let today = crate::i18n::local(&s.now).date();
    let planned = ago(s.now, 21);
    let (_, marieke) = s.user("marieke")?;
    let (_, ans) = s.user("ans")?;
    let (_, ellen) = s.user("ellen")?;
    let (_, fatima) = s.user("fatima")?;
    let (_, thijs) = s.user("thijs")?;

    // Tuesday evening company: weekly, started three weeks ago.
    let evenings = ItemInput {
        repeat: "weekly".into(),
        weekdays: vec!["tu".into()],
        places: "1".into(),
        place: "Thuis bij Henk en Ans".into(),
        notes: "Koffie, een spelletje rummikub of de krant voorlezen. Ans gaat dan naar haar zangkoor.".into(),
        ..item("shift", "Dinsdagavond gezelschap", next(today, Weekday::Tuesday, -4), ("19:00", "21:30"))
    };
    let evenings = agenda::save(&s.ctx(&marieke, planned), henk, None, &evenings).await?;
    // Saturday groceries: weekly, two people (one drives, one walks with Henk).
    let groceries = ItemInput {
        repeat: "weekly".into(),
        weekdays: vec!["sa".into()],
        places: "2".into(),
        place: "Markt en Albert Heijn Stadspark".into(),
        notes: "Boodschappenlijstje hangt op de koelkast. Henk wil graag zelf zijn kaas kopen.".into(),
        ..item("shift", "Boodschappen op zaterdag", next(today, Weekday::Saturday, -3), ("10:00", "11:30"))
    };
    let groceries = agenda::save(&s.ctx(&ans, planned), henk, None, &groceries).await?;

    // Someone is in the coming shifts; the week after has a gap.
    let tuesday = next(today, Weekday::Tuesday, 0).to_string();
    agenda::sign_up(&s.ctx(&thijs, s.now), henk, &evenings, &tuesday).await?;
    let saturday = next(today, Weekday::Saturday, 0).to_string();
    agenda::sign_up(&s.ctx(&ellen, s.now), henk, &groceries, &saturday).await?;
    agenda::sign_up(&s.ctx(&thijs, s.now), henk, &groceries, &saturday).await?;
    let saturday_after = next(today, Weekday::Saturday, 1).to_string();
    agenda::sign_up(&s.ctx(&ellen, s.now), henk, &groceries, &saturday_after).await?;

    // Billiards on Tuesday afternoon; Thijs goes along.
    let thijs_member = s.member_id(henk, "thijs").await?.to_string();
    let billiards = ItemInput {
        repeat: "weekly".into(),
        weekdays: vec!["tu".into()],
        place: "Biljartclub De Keu, Molenstraat 4".into(),
        along: vec![thijs_member],
        ..item("activity", "Biljarten bij De Keu", next(today, Weekday::Tuesday, -6), ("14:00", "16:30"))
    };
    agenda::save(&s.ctx(&thijs, planned), henk, None, &billiards).await?;

    // The GP, elsewhere; Ellen goes along.
    let ellen_member = s.member_id(henk, "ellen").await?.to_string();
    let gp = ItemInput {
        elsewhere: true,
        place: "Huisartsenpraktijk Stadspark, dr. Bakker".into(),
        notes: "Controle bloeddruk en de nieuwe medicijnen bespreken. Medicijnlijst meenemen.".into(),
        along: vec![ellen_member],
        ..item("appointment", "Huisarts: controle", next(today, Weekday::Thursday, 0), ("10:15", "10:45"))
    };
    agenda::save(&s.ctx(&ellen, ago(s.now, 3)), henk, None, &gp).await?;

    // A talk between professionals only.
    let clinic = ItemInput {
        elsewhere: true,
        audience: "professionals".into(),
        place: "Geheugenpoli, ziekenhuis Isala".into(),
        notes: "Overleg met de casemanager dementie over de zorgbehoefte.".into(),
        ..item("appointment", "Overleg geheugenpoli", next(today, Weekday::Wednesday, 1), ("14:00", "15:00"))
    };
    agenda::save(&s.ctx(&fatima, ago(s.now, 5)), henk, None, &clinic).await?;

    // Ans's birthday: a whole day.
    let birthday = ItemInput {
        days: "1".into(),
        start_time: String::new(),
        end_time: String::new(),
        notes: "Ans wordt 80. Visite vanaf drie uur.".into(),
        ..item("activity", "Verjaardag Ans", next(today, Weekday::Sunday, 1), ("", ""))
    };
    agenda::save(&s.ctx(&ans, ago(s.now, 10)), henk, None, &birthday).await?;

    // An open help request: Marieke asks, on Ans's behalf, for a ride to the
    // hospital; Thijs has offered, Ans has not chosen yet.
    let ans_member = s.member_id(henk, "ans").await?.to_string();
    let ride = samenspel_core::help::RequestInput {
        template: "ride".into(),
        title: "Rit naar het ziekenhuis".into(),
        details: "Henk moet naar de geheugenpoli in het Isala. Ans durft niet meer zelf te rijden. Wie kan rijden en blijven wachten?".into(),
        date: next(today, Weekday::Friday, 1).to_string(),
        from_time: "09:30".into(),
        until_time: "12:00".into(),
        asked_for: ans_member,
        audience: "circle".into(),
        ..Default::default()
    };
    let request = crate::service::help::ask(&s.ctx(&marieke, ago(s.now, 1)), henk, &ride).await?;
    crate::service::help::respond(&s.ctx(&thijs, s.now), henk, &request, "Ik kan rijden, en ik wacht wel in de hal.")
        .await?;

    // The location's own agenda: a monthly family evening with twenty places,
    // and the weekly duo-bike ride that needs two volunteers.
    let family_evening = ItemInput {
        places: "20".into(),
        repeat: "monthly".into(),
        place: "Buurthuis Stadspark, grote zaal".into(),
        notes: "Een avond voor familie en naasten: even bijpraten, ervaringen delen. Dit keer over de overstap naar dagbesteding.".into(),
        ..item("activity", "Familieavond", next(today, Weekday::Thursday, 1), ("19:30", "21:30"))
    };
    crate::service::location_agenda::add(&s.ctx(&marieke, planned), location, &family_evening).await?;
    let duo_bike = ItemInput {
        places: "2".into(),
        repeat: "weekly".into(),
        weekdays: vec!["we".into()],
        place: "Start bij het wijkcentrum".into(),
        ..item("shift", "Duofiets: een rondje met een bewoner", next(today, Weekday::Wednesday, 0), ("10:00", "11:30"))
    };
    crate::service::location_agenda::add(&s.ctx(&marieke, planned), location, &duo_bike).await?;
    Ok(())
}
