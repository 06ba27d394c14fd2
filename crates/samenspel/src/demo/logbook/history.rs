//! What the demo circles wrote over the past weeks: each entry with its
//! writer, age, kind, audience, replies, thanks, reactions and readers.

use super::{Line, line};
use samenspel_core::logbook::EntryKind;

const DAY: i64 = 24 * 60;

pub(super) const HENK: &[Line] = &[
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

pub(super) const GERDA: &[Line] = &[
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

pub(super) const SEM: &[Line] = &[
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

pub(super) const WIM: &[Line] = &[
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
