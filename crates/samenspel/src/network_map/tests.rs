//! The network map's drawing: lines, letters, rings, names, both layouts.

use super::*;
use samenspel_core::network::{Category, Support, SupportKind};

fn contact(name: &str, category: Category, support: &[SupportKind], tie: Tie, closeness: i64) -> Contact {
    Contact {
        id: Some(name.to_owned()),
        member_id: None,
        role: None,
        name: name.to_owned(),
        category,
        support: Support::from_kinds(support.iter().copied()),
        tie,
        closeness,
        note: String::new(),
        reach: String::new(),
    }
}

fn labels() -> Labels<'static> {
    Labels { title: "Netwerkkaart van Henk", description: "Zie de tabel." }
}

#[test]
fn each_relation_has_its_own_line_and_letters() {
    let people = [
        contact("Dokter Jansen", Category::CareProviders, &[SupportKind::Advice], Tie::Supporting, 2),
        contact(
            "Buurvrouw Els",
            Category::Neighbours,
            &[SupportKind::Practical, SupportKind::Company],
            Tie::Neutral,
            1,
        ),
        contact("Neef Karel", Category::OtherRelatives, &[], Tie::Strained, 3),
    ];
    let svg = svg("Henk", &people, &labels(), &WIDE);
    assert_eq!(svg.matches("class=\"tie-supporting\"").count(), 1);
    assert_eq!(svg.matches("class=\"tie-neutral\"").count(), 1);
    assert_eq!(svg.matches("class=\"tie-strained\"").count(), 1);
    for letter in ["Z", "B", "F"] {
        assert!(svg.contains(&format!("class=\"network-category\">{letter}</text>")), "{letter} is drawn");
    }
    assert!(svg.contains(">A</text>") && svg.contains(">PG</text>"), "support letters on the lines");
    assert_eq!(svg.matches("class=\"network-support\"").count(), 2, "no letters where there is no support");
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    assert!(
        svg.contains("role=\"img\"") && svg.contains("<title id=\"network-map-title\">Netwerkkaart van Henk</title>")
    );
    assert!(!svg.contains("style="), "the CSP forbids style attributes");
}

#[test]
fn closeness_is_distance_from_the_centre() {
    let at = |closeness| {
        let svg = svg("Henk", &[contact("Els", Category::Friends, &[], Tie::Neutral, closeness)], &labels(), &WIDE);
        // One person is drawn straight above the centre: the y of their circle tells the ring.
        let tag = svg.split("<circle cx=\"500.0\" cy=\"").nth(1).expect("node circle").to_owned();
        tag.split('"').next().expect("cy").parse::<f64>().expect("number")
    };
    let (near, middle, far) = (at(1), at(2), at(3));
    let cy = WIDE.cy();
    assert!(cy - near < cy - middle && cy - middle < cy - far, "{near} {middle} {far}");
    assert_eq!(cy - far, WIDE.rings[2].1);
}

#[test]
fn names_are_escaped() {
    let people = [contact("<i>Co & \"x\"</i>", Category::Friends, &[], Tie::Neutral, 2)];
    let svg = svg("Henk <b>", &people, &Labels { title: "T\"itle", description: "d<" }, &WIDE);
    assert!(!svg.contains("<i>") && !svg.contains("<b>"));
    assert!(svg.contains("&lt;i&gt;Co &amp; &quot;x&quot;&lt;/i&gt;"), "{svg}");
    assert!(svg.contains("T&quot;itle") && svg.contains("d&lt;"));
}

/// On a phone every name stays inside the picture, whatever its place.
#[test]
fn the_phone_drawing_keeps_every_name_inside() {
    let people: Vec<Contact> = (0..14)
        .map(|i| contact(&format!("Persoon{i} Achternaam"), Category::Friends, &[], Tie::Neutral, 3 - i % 3))
        .collect();
    let svg = svg("Henk de Vries", &people, &labels(), &PHONE);
    assert!(svg.contains("viewBox=\"0 0 600 840\"") && svg.contains("id=\"network-map-title-phone\""));
    for text in svg.split("class=\"network-name\">").skip(1) {
        let name = text.split('<').next().expect("name");
        assert!(name.starts_with("Persoon") && !name.contains("Achternaam"), "first names: {name}");
    }
    let number = |tag: &str, attr: &str| -> f64 {
        tag.split(&format!("{attr}=\"")).nth(1).and_then(|s| s.split('"').next()).expect(attr).parse().expect("number")
    };
    for tag in svg.split("<text ").skip(1).filter(|t| t.contains("network-name")) {
        let (x, y) = (number(tag, "x"), number(tag, "y"));
        let half = 8.0 * PHONE.name_size * 0.3;
        assert!(x - half >= 0.0 && x + half <= PHONE.width, "x {x}");
        assert!(y - PHONE.name_size >= 0.0 && y <= PHONE.height, "y {y}");
    }
}

#[test]
fn a_jagged_line_goes_from_end_to_end_and_zigzags() {
    let points = zigzag((0.0, 0.0), (120.0, 0.0));
    let pts: Vec<(f64, f64)> = points
        .split(' ')
        .map(|p| {
            let (x, y) = p.split_once(',').expect("x,y");
            (x.parse().expect("x"), y.parse().expect("y"))
        })
        .collect();
    assert_eq!(pts.first(), Some(&(0.0, 0.0)));
    assert_eq!(pts.last(), Some(&(120.0, 0.0)));
    let inner = &pts[1..pts.len() - 1];
    assert!(inner.len() >= 8);
    assert!(inner.windows(2).all(|w| w[0].1 == -w[1].1 && w[0].1.abs() == 6.0), "alternates either side");
}

#[test]
fn an_empty_map_is_just_the_client() {
    let svg = svg("Henk", &[], &labels(), &WIDE);
    assert!(svg.contains(">Henk</text>"));
    let two = super::svg("Henk de Vries", &[], &labels(), &WIDE);
    assert!(two.contains(">Henk</text>") && two.contains(">de Vries</text>"), "a long name takes two lines");
    assert_eq!(svg.matches("class=\"network-category\"").count(), 0);
}
