//! Several weeks of logbook history in the demo circles, written through the
//! same services people use (so audiences, notifications and the audit
//! trail behave as they would), with the clock set back.

use super::{Seeder, ago_minutes};
use crate::service::logbook;
use crate::uploads::Upload;
use samenspel_core::ids::CircleId;
use samenspel_core::logbook::EntryKind;

/// One entry: who, how long ago (minutes), kind, audience, text.
struct Line {
    who: &'static str,
    minutes_ago: i64,
    kind: EntryKind,
    audience: &'static str,
    body: &'static str,
    /// Members thanked (first names).
    thanks: &'static [&'static str],
    /// Replies: who, minutes after the entry, text.
    replies: &'static [(&'static str, i64, &'static str)],
    /// Who has seen it (besides the writer and those who replied).
    seen_by: &'static [&'static str],
    /// Reactions: who, which.
    reactions: &'static [(&'static str, &'static str)],
    /// Closed by this person, some minutes after the last reply.
    closed_by: Option<&'static str>,
    photo: bool,
    /// The picture on a thank-you card.
    card: &'static str,
}

const fn line(
    who: &'static str,
    minutes_ago: i64,
    kind: EntryKind,
    audience: &'static str,
    body: &'static str,
) -> Line {
    Line {
        who,
        minutes_ago,
        kind,
        audience,
        body,
        thanks: &[],
        replies: &[],
        seen_by: &[],
        reactions: &[],
        closed_by: None,
        photo: false,
        card: "",
    }
}

const DAY: i64 = 24 * 60;

const HENK: &[Line] = &[
    Line {
        seen_by: &["ans", "ellen", "fatima", "thijs"],
        ..line(
            "marieke",
            40 * DAY,
            EntryKind::Update,
            "circle",
            "Welkom in de kring van Henk!\n\nHier schrijven we wat er gebeurt, wat goed gaat en waar we hulp bij kunnen gebruiken. Zo hoeft niemand alles drie keer te vertellen.\n\nAfspraken voor nu:\n- Ans is het eerste aanspreekpunt\n- Thijs komt op dinsdagmiddag\n- Fatima komt maandag en donderdag",
        )
    },
    Line {
        seen_by: &["marieke", "ellen"],
        ..line(
            "fatima",
            38 * DAY,
            EntryKind::Update,
            "professionals",
            "Bloeddruk 135/85, gewicht stabiel. Medicatie ongewijzigd. Henk was wat onrustig bij het douchen; volgende keer eerst even koffie samen.",
        )
    },
    Line {
        seen_by: &["ellen", "marieke", "thijs"],
        reactions: &[("ellen", "heart"), ("thijs", "heart"), ("marieke", "thanks")],
        ..line(
            "ans",
            33 * DAY,
            EntryKind::Moment,
            "circle",
            "Henk heeft vandaag zelf de koffie gezet en zong mee met de radio. Dat was lang geleden!",
        )
    },
    Line {
        replies: &[
            (
                "marieke",
                95,
                "Op zaterdag is de dagbesteding dicht. Wel is er om de week een inloopochtend in de buurtkamer, van 10 tot 12 uur. Zal ik Henk aanmelden?",
            ),
            ("ans", 180, "Graag! Dan kan ik even boodschappen doen."),
        ],
        seen_by: &["ellen"],
        closed_by: Some("ans"),
        ..line(
            "ans",
            27 * DAY,
            EntryKind::Question,
            "circle",
            "Weet iemand of de dagbesteding ook op zaterdag open is?",
        )
    },
    Line {
        seen_by: &["ans", "ellen", "marieke", "fatima"],
        reactions: &[("ans", "heart"), ("ellen", "thanks")],
        photo: true,
        ..line(
            "thijs",
            20 * DAY,
            EntryKind::Moment,
            "circle",
            "Mooie wandeling naar de eendenvijver. Henk wist nog de namen van alle vogels, en hij lachte om de eendjes die achter elkaar aan zwommen.",
        )
    },
    Line {
        thanks: &["thijs"],
        card: "sun",
        seen_by: &["thijs", "marieke"],
        reactions: &[("thijs", "heart")],
        ..line(
            "ans",
            19 * DAY,
            EntryKind::Thanks,
            "circle",
            "Thijs, dank je wel voor je geduld dinsdag. Henk straalde toen hij thuiskwam.",
        )
    },
    Line {
        replies: &[
            (
                "fatima",
                240,
                "Goed dat je het meldt, Ellen. Dat past bij wat ik ook zie. Ik kom donderdag langs en kijk dan samen met jullie naar de verlichting en de drempels in huis.",
            ),
            ("ellen", 300, "Dank je, ik probeer er donderdag bij te zijn."),
        ],
        seen_by: &["ans", "marieke"],
        ..line(
            "ellen",
            9 * DAY,
            EntryKind::Concern,
            "circle",
            "Mijn vader is de laatste week vaker de weg kwijt, ook in huis. Vannacht stond hij in de gang en wist hij niet waar de wc was. Moeten we iets aanpassen?",
        )
    },
    Line {
        seen_by: &["marieke"],
        ..line(
            "fatima",
            8 * DAY,
            EntryKind::Concern,
            "professionals",
            "Verhoogd valrisico: drempel badkamer en losse kleden. Advies aan familie gegeven. Ergotherapeut ingeschakeld (afspraak volgt).",
        )
    },
    Line {
        seen_by: &["ellen", "thijs", "marieke"],
        ..line(
            "ans",
            3 * DAY,
            EntryKind::Update,
            "circle",
            "Henk sliep slecht deze week. Overdag is hij moe, maar vanmiddag hebben we samen foto's van vroeger bekeken. Daar werd hij rustig van.",
        )
    },
    Line {
        seen_by: &["ellen"],
        ..line(
            "thijs",
            2 * DAY,
            EntryKind::Question,
            "circle",
            "Mag Henk eigenlijk een ijsje als we gaan wandelen? Ik weet niet of er iets is met suiker.",
        )
    },
    line(
        "ellen",
        5 * 60,
        EntryKind::Moment,
        "informal",
        "Vanochtend belde papa mij zelf op, zomaar. Hij vroeg hoe het met de kinderen ging. Zo fijn.",
    ),
    line(
        "marieke",
        90,
        EntryKind::Update,
        "circle",
        "De aanvraag voor de ergotherapeut is goedgekeurd. Zij belt Ans deze week voor een afspraak.",
    ),
];

const GERDA: &[Line] = &[
    Line {
        seen_by: &["sandra", "noor", "marieke"],
        ..line(
            "rob",
            30 * DAY,
            EntryKind::Update,
            "circle",
            "Moeder woont nu twee weken in De Esdoorn. Ze mist haar tuin, maar ze vindt de zangmiddag op woensdag leuk.",
        )
    },
    Line {
        replies: &[
            (
                "noor",
                120,
                "We letten erop: er staat nu altijd een glas water naast haar stoel, en we bieden bij elke ronde iets te drinken aan. Ik schrijf het op in het zorgdossier.",
            ),
            ("rob", 200, "Ik zie het niet zo somber als Sandra, maar goed dat erop gelet wordt."),
        ],
        seen_by: &["marieke"],
        ..line(
            "sandra",
            12 * DAY,
            EntryKind::Concern,
            "circle",
            "Ik maak me zorgen dat moeder te weinig drinkt. Bij mijn bezoek stond haar glas er de hele middag onaangeroerd.",
        )
    },
    Line {
        seen_by: &["rob", "sandra", "noor"],
        reactions: &[("sandra", "heart"), ("rob", "heart")],
        ..line(
            "lotte",
            6 * DAY,
            EntryKind::Moment,
            "circle",
            "Mevrouw Mulder heeft vanmiddag in de huiskamer verteld over de bakkerij van haar vader. Iedereen luisterde ademloos.",
        )
    },
    Line {
        seen_by: &["marieke"],
        ..line(
            "noor",
            2 * DAY,
            EntryKind::Update,
            "professionals",
            "Mevrouw drinkt beter, ongeveer 1,3 liter per dag. Huid en urine zonder bijzonderheden.",
        )
    },
];

const SEM: &[Line] = &[
    Line {
        seen_by: &["sem", "jesse", "karin"],
        reactions: &[("sem", "heart"), ("karin", "heart")],
        ..line(
            "jesse",
            14 * DAY,
            EntryKind::Moment,
            "circle",
            "Vandaag voor het eerst samen naar de sportschool geweest. Sem deed de hele les mee!",
        )
    },
    Line {
        replies: &[
            (
                "yvonne",
                60,
                "Goede vraag, Sem. Bij de werkplaats in de Vlasakker kun je eerst een middag meelopen. Zal ik dat voor je regelen?",
            ),
            ("sem", 120, "Ja graag."),
        ],
        seen_by: &["karin"],
        ..line(
            "sem",
            5 * DAY,
            EntryKind::Question,
            "circle",
            "Kan ik ergens een paar uur per week werken zonder dat het meteen te veel wordt?",
        )
    },
    Line {
        thanks: &["jesse"],
        ..line(
            "karin",
            20 * 60,
            EntryKind::Thanks,
            "circle",
            "Jesse, bedankt dat je er steeds bent. Sem praat thuis vaak over de sportschool.",
        )
    },
];

const WIM: &[Line] = &[
    Line {
        seen_by: &["bram"],
        ..line(
            "ingrid",
            12 * DAY,
            EntryKind::Update,
            "circle",
            "Boodschappenlijst voor deze week:\n- melk en yoghurt\n- bruin brood\n- de sinaasappels die opa lekker vindt",
        )
    },
    Line {
        thanks: &["ingrid"],
        seen_by: &["ingrid"],
        ..line("bram", 4 * DAY, EntryKind::Thanks, "circle", "Mam, fijn dat je alles zo goed regelt voor opa.")
    },
];

pub async fn seed(s: &Seeder<'_>, circles: &[(&CircleId, &'static str)]) -> anyhow::Result<()> {
    for (circle, which) in circles {
        let lines = match *which {
            "henk" => HENK,
            "gerda" => GERDA,
            "sem" => SEM,
            _ => WIM,
        };
        for l in lines {
            write(s, circle, l)
                .await
                .map_err(|e| anyhow::anyhow!("demo entry by {} ({} minutes ago): {e:#}", l.who, l.minutes_ago))?;
        }
    }
    Ok(())
}

async fn write(s: &Seeder<'_>, circle: &CircleId, l: &Line) -> anyhow::Result<()> {
    let at = ago_minutes(s.now, l.minutes_ago);
    let (_, author) = s.user(l.who)?;
    let ctx = s.ctx(&author, at);
    let mut recipients = Vec::new();
    for who in l.thanks {
        recipients.push(s.member_id(circle, who).await?.to_string());
    }
    let input = logbook::WriteEntry {
        kind: l.kind.as_str().into(),
        audience: l.audience.into(),
        chosen: vec![],
        recipients,
        body: l.body.into(),
        card: l.card.into(),
        goal: String::new(),
    };
    let files = if l.photo { vec![Upload::from_bytes("eendenvijver.png", photo())] } else { vec![] };
    let id = logbook::write(&ctx, circle, &input, files, None).await?;
    let mut last = at;
    for (who, after, text) in l.replies {
        let (_, u) = s.user(who)?;
        last = ago_minutes(s.now, l.minutes_ago - after);
        logbook::reply(&s.ctx(&u, last), circle, &id, text).await?;
    }
    if let Some(who) = l.closed_by {
        let (_, u) = s.user(who)?;
        logbook::close(&s.ctx(&u, ago_minutes(last, -30)), circle, &id).await?;
    }
    for (i, who) in l.seen_by.iter().enumerate() {
        let (_, u) = s.user(who)?;
        // Read some time after it was written, each a little later.
        logbook::view(&s.ctx(&u, ago_minutes(at, -(20 + 35 * i as i64))), circle, &id).await?;
    }
    for (who, reaction) in l.reactions {
        let (_, u) = s.user(who)?;
        logbook::react(&s.ctx(&u, ago_minutes(at, -60)), circle, &id, reaction, true).await?;
    }
    Ok(())
}

/// A made-up picture (a pond at sunset), so the demo shows a photo without
/// shipping one.
fn photo() -> Vec<u8> {
    let (w, h) = (960u32, 720u32);
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let fy = y as f32 / h as f32;
        if fy < 0.55 {
            // Sky: from blue to a warm glow near the horizon.
            let t = fy / 0.55;
            image::Rgb([(90.0 + 160.0 * t) as u8, (140.0 + 60.0 * t) as u8, (210.0 - 90.0 * t) as u8])
        } else {
            // Water with soft ripples, and a little sun reflection.
            let ripple = ((x as f32 / 23.0).sin() * (y as f32 / 7.0).cos() * 12.0) as i32;
            let sun = if (x as i32 - 480).abs() < 40 + (y as i32 - 396) / 6 { 60 } else { 0 };
            image::Rgb([
                (40 + ripple + sun).clamp(0, 255) as u8,
                (90 + ripple + sun / 2).clamp(0, 255) as u8,
                (110 + ripple).clamp(0, 255) as u8,
            ])
        }
    });
    let mut out = Vec::new();
    let _ = image::DynamicImage::ImageRgb8(img).write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_demo_photo_is_a_photo() {
        let bytes = super::photo();
        assert_eq!(crate::uploads::detect(&bytes), crate::uploads::Detected::Image(image::ImageFormat::Png));
    }

    #[test]
    fn demo_lines_are_valid_entries() {
        for l in super::HENK.iter().chain(super::GERDA).chain(super::SEM).chain(super::WIM) {
            assert!(samenspel_core::audience::Audience::parse(l.audience).is_some(), "{}", l.body);
            assert!(l.body.chars().count() <= samenspel_core::logbook::MAX_BODY);
            for (_, r) in l.reactions {
                assert!(samenspel_core::logbook::Reaction::parse(r).is_some());
            }
        }
    }
}
