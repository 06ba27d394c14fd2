//! Draws the network map as an SVG picture, server-side, in the ecogram
//! convention: the client in a circle in the centre; each person a small
//! circle with their category letter, joined to the centre by a line whose
//! style is the kind of relation (thick: supporting, dotted: neutral,
//! jagged: strained) and on which the kinds of support are written (P, G,
//! A, E); closeness is the distance from the centre (three rings).
//!
//! The picture is `role="img"` with a title and a description; the page
//! shows the same data as a table, which is the text alternative.
//! Styling is done with presentation attributes, not `style`, so it passes
//! the Content-Security-Policy and survives being saved on its own.

use samenspel_core::network::{Contact, Tie};
use std::fmt::Write;

/// The sizes of one drawing. A wide screen gets [`WIDE`]: round rings,
/// full names beside each person. A phone gets [`PHONE`]: an upright
/// drawing with oval rings, larger letters and first names above or below
/// each person, so that the text is readable at the width of a phone and
/// nothing sticks out (the table under the map has everything in words).
pub struct Layout {
    width: f64,
    height: f64,
    centre_r: f64,
    node_r: f64,
    /// The rings for closeness 1, 2 and 3: (horizontal, vertical) radius.
    rings: [(f64, f64); 3],
    name_size: f64,
    letter_size: f64,
    support_size: f64,
    client_size: f64,
    /// Names above or below the person (phone) instead of beside them.
    names_upright: bool,
    name_chars: usize,
    /// Appended to the ids of the title and description (two maps on one page).
    id: &'static str,
    class: &'static str,
}

pub const WIDE: Layout = Layout {
    width: 1000.0,
    height: 680.0,
    centre_r: 56.0,
    node_r: 22.0,
    rings: [(125.0, 125.0), (205.0, 205.0), (285.0, 285.0)],
    name_size: 16.0,
    letter_size: 19.0,
    support_size: 17.0,
    client_size: 16.0,
    names_upright: false,
    name_chars: 22,
    id: "",
    class: "network-map",
};

pub const PHONE: Layout = Layout {
    width: 600.0,
    height: 840.0,
    centre_r: 72.0,
    node_r: 30.0,
    rings: [(105.0, 150.0), (165.0, 235.0), (225.0, 320.0)],
    name_size: 30.0,
    letter_size: 28.0,
    support_size: 26.0,
    client_size: 24.0,
    names_upright: true,
    name_chars: 12,
    id: "-phone",
    class: "network-map network-map-phone",
};

impl Layout {
    fn cx(&self) -> f64 {
        self.width / 2.0
    }
    fn cy(&self) -> f64 {
        self.height / 2.0
    }
}

const INK: &str = "#1d2433";
const GREEN: &str = "#1f6b57";
const GREEN_SOFT: &str = "#e3f1ec";
const LINE: &str = "#4a5568";
const RED: &str = "#a3262a";

/// The words the picture needs, in the reader's language.
pub struct Labels<'a> {
    /// "Netwerkkaart van Henk"
    pub title: &'a str,
    /// One sentence saying what is drawn and where the table is.
    pub description: &'a str,
}

/// The SVG element for `client` and the people around them, in the given
/// order (the map keeps categories together when they come together).
pub fn svg(client: &str, contacts: &[Contact], labels: &Labels<'_>, l: &Layout) -> String {
    let (cx, cy) = (l.cx(), l.cy());
    let mut out = String::with_capacity(4096 + contacts.len() * 600);
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="{}" viewBox="0 0 {} {}" role="img" aria-labelledby="network-map-title{id} network-map-desc{id}" font-family="system-ui, sans-serif"><title id="network-map-title{id}">{}</title><desc id="network-map-desc{id}">{}</desc>"##,
        l.class,
        l.width,
        l.height,
        esc(labels.title),
        esc(labels.description),
        id = l.id,
    );
    for (rx, ry) in l.rings {
        let _ = write!(
            out,
            r##"<ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}" fill="none" stroke="#d9d4ca" stroke-width="1" stroke-dasharray="4 6"/>"##
        );
    }
    let n = contacts.len().max(1) as f64;
    let placed: Vec<(f64, f64, f64, &Contact)> = contacts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            // Start at the top and go clockwise.
            let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n;
            let (rx, ry) = l.rings[(c.closeness.clamp(1, 3) - 1) as usize];
            (angle, cx + rx * angle.cos(), cy + ry * angle.sin(), c)
        })
        .collect();
    let scale = l.node_r / WIDE.node_r;
    // Lines first, so circles and letters lie on top of them.
    for (i, (angle, x, y, c)) in placed.iter().enumerate() {
        let (dx, dy) = (x - cx, y - cy);
        let len = (dx * dx + dy * dy).sqrt().max(1.0);
        let (ux, uy) = (dx / len, dy / len);
        // The centre is round; on an oval ring the line still meets it.
        let _ = angle;
        let from = (cx + l.centre_r * ux, cy + l.centre_r * uy);
        let to = (x - l.node_r * ux, y - l.node_r * uy);
        line(&mut out, from, to, c.tie, scale);
        let letters = c.support.letters();
        if !letters.is_empty() {
            // Staggered along the lines, so neighbours' letters do not touch.
            let t = if i % 2 == 0 { 0.45 } else { 0.68 };
            let (lx, ly) = (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
            let _ = write!(
                out,
                r##"<text x="{lx:.1}" y="{:.1}" text-anchor="middle" font-size="{}" font-weight="700" fill="{INK}" stroke="#ffffff" stroke-width="{:.1}" paint-order="stroke" class="network-support">{letters}</text>"##,
                ly + l.support_size * 0.3,
                l.support_size,
                5.0 * scale
            );
        }
    }
    for (i, (angle, x, y, c)) in placed.iter().enumerate() {
        let fill = if c.is_member() { GREEN_SOFT } else { "#ffffff" };
        let _ = write!(
            out,
            r##"<circle cx="{x:.1}" cy="{y:.1}" r="{}" fill="{fill}" stroke="{GREEN}" stroke-width="2"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" font-size="{}" font-weight="700" fill="{INK}" class="network-category">{}</text>"##,
            l.node_r,
            y + l.letter_size * 0.32,
            l.letter_size,
            c.category.letter()
        );
        let name = if l.names_upright {
            shorten_to(c.name.split_whitespace().next().unwrap_or(&c.name), l.name_chars)
        } else {
            shorten_to(&c.name, l.name_chars)
        };
        let (anchor, lx, ly) = name_place(l, *angle, *x, *y, i, &name);
        let _ = write!(
            out,
            r##"<text x="{lx:.1}" y="{ly:.1}" text-anchor="{anchor}" font-size="{}" fill="{INK}" class="network-name">{}</text>"##,
            l.name_size,
            esc(&name)
        );
    }
    let _ = write!(out, r##"<circle cx="{cx}" cy="{cy}" r="{}" fill="{GREEN}"/>"##, l.centre_r);
    // The client's name on up to two lines inside the centre circle.
    let lines = centre_lines(client);
    let step = l.client_size * 1.25;
    let first_y = cy + l.client_size * 0.38 - step / 2.0 * (lines.len() as f64 - 1.0);
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(
            out,
            r##"<text x="{cx}" y="{:.1}" text-anchor="middle" font-size="{}" font-weight="700" fill="#ffffff" class="network-client">{}</text>"##,
            first_y + step * i as f64,
            l.client_size,
            esc(line)
        );
    }
    out.push_str("</svg>");
    out
}

/// Where a person's name goes: (text-anchor, x, y of the baseline).
fn name_place(l: &Layout, angle: f64, x: f64, y: f64, i: usize, name: &str) -> (&'static str, f64, f64) {
    let (dx, dy) = (angle.cos(), angle.sin());
    let gap = l.node_r + 8.0;
    if l.names_upright {
        // Above a person in the top half, below one in the bottom half,
        // moved in from the edges so that it stays inside the picture.
        let half = name.chars().count() as f64 * l.name_size * 0.3;
        let lx = x.clamp(half + 4.0, l.width - half - 4.0);
        let ly = if dy < 0.0 { y - gap } else { y + gap + l.name_size * 0.75 };
        return ("middle", lx, ly);
    }
    // Beside the person, away from the centre.
    let (lx, ly) = (x + gap * dx, y + gap * dy);
    let anchor = if dx > 0.25 {
        "start"
    } else if dx < -0.25 {
        "end"
    } else {
        "middle"
    };
    // Above and below the centre, neighbours' names are side by side:
    // every other one a line further out, so they do not overlap.
    let stagger = if anchor == "middle" && i % 2 == 1 { 18.0 } else { 0.0 };
    let ly = if dy > 0.25 {
        ly + 12.0 + stagger
    } else if dy < -0.25 {
        ly - 2.0 - stagger
    } else {
        ly + 5.0
    };
    (anchor, lx, ly)
}

/// The line from the centre to a person, in the style of the relation.
fn line(out: &mut String, from: (f64, f64), to: (f64, f64), tie: Tie, scale: f64) {
    match tie {
        Tie::Supporting => {
            let _ = write!(
                out,
                r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{GREEN}" stroke-width="{:.1}" stroke-linecap="round" class="tie-supporting"/>"##,
                from.0,
                from.1,
                to.0,
                to.1,
                6.0 * scale
            );
        }
        Tie::Neutral => {
            let _ = write!(
                out,
                r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{LINE}" stroke-width="{:.1}" stroke-linecap="round" stroke-dasharray="0.1 {:.1}" class="tie-neutral"/>"##,
                from.0,
                from.1,
                to.0,
                to.1,
                3.0 * scale,
                8.0 * scale
            );
        }
        Tie::Strained => {
            let _ = write!(
                out,
                r##"<polyline points="{}" fill="none" stroke="{RED}" stroke-width="{:.1}" stroke-linejoin="round" class="tie-strained"/>"##,
                zigzag(from, to),
                2.5 * scale
            );
        }
    }
}

/// Points of a jagged line from `from` to `to`: teeth of about 12 px,
/// 6 px to either side, straight for the last bit so it meets the circle.
fn zigzag(from: (f64, f64), to: (f64, f64)) -> String {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / len, dy / len);
    let (px, py) = (-uy, ux);
    let teeth = ((len / 12.0).floor() as usize).max(2);
    let mut points = vec![format!("{:.1},{:.1}", from.0, from.1)];
    for i in 1..teeth {
        let along = len * i as f64 / teeth as f64;
        let side = if i % 2 == 0 { -6.0 } else { 6.0 };
        points.push(format!("{:.1},{:.1}", from.0 + ux * along + px * side, from.1 + uy * along + py * side));
    }
    points.push(format!("{:.1},{:.1}", to.0, to.1));
    points.join(" ")
}

/// "Henk de Vries" → ["Henk", "de Vries"]: the first word, then the rest,
/// each short enough for the centre circle.
fn centre_lines(client: &str) -> Vec<String> {
    const FITS: usize = 11;
    if client.chars().count() <= FITS {
        return vec![client.to_owned()];
    }
    match client.split_once(' ') {
        Some((first, rest)) => vec![shorten_to(first, FITS), shorten_to(rest.trim(), FITS)],
        None => vec![shorten_to(client, FITS)],
    }
}

fn shorten_to(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_owned()
    } else {
        let mut s: String = name.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

/// Escapes text for XML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    crate::text::escape(s, &mut out);
    out
}

#[cfg(test)]
mod tests;
