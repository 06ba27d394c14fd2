//! The pictures on thank-you cards: five small drawings, inline SVG so they
//! need no files and scale with the text. They are decoration — the card's
//! words carry the meaning — so each is hidden from screen readers and the
//! name of the picture is given in text where the choice is made.

use samenspel_core::logbook::Card;

/// The drawing for a card, as SVG markup (trusted: it is ours).
pub fn art(card: Card) -> &'static str {
    match card {
        Card::Sun => concat!(
            r##"<svg class="card-art" viewBox="0 0 64 64" width="64" height="64" aria-hidden="true" focusable="false">"##,
            r##"<g stroke="#b35c00" stroke-width="4" stroke-linecap="round">"##,
            r##"<path d="M32 4v8M32 52v8M4 32h8M52 32h8M12 12l6 6M46 46l6 6M12 52l6-6M46 18l6-6"/></g>"##,
            r##"<circle cx="32" cy="32" r="13" fill="#f5b700" stroke="#b35c00" stroke-width="3"/></svg>"##
        ),
        Card::Flower => concat!(
            r##"<svg class="card-art" viewBox="0 0 64 64" width="64" height="64" aria-hidden="true" focusable="false">"##,
            r##"<path d="M32 40v20" stroke="#2e7d32" stroke-width="4"/>"##,
            r##"<g fill="#e57399" stroke="#a2325a" stroke-width="2"><circle cx="32" cy="14" r="9"/><circle cx="46" cy="26" r="9"/>"##,
            r##"<circle cx="18" cy="26" r="9"/><circle cx="24" cy="40" r="9"/><circle cx="40" cy="40" r="9"/></g>"##,
            r##"<circle cx="32" cy="29" r="7" fill="#f5b700"/></svg>"##
        ),
        Card::Heart => concat!(
            r##"<svg class="card-art" viewBox="0 0 64 64" width="64" height="64" aria-hidden="true" focusable="false">"##,
            r##"<path d="M32 56S6 40 6 22a13 13 0 0 1 26-4 13 13 0 0 1 26 4c0 18-26 34-26 34z" "##,
            r##"fill="#d9364f" stroke="#8c1c2e" stroke-width="3"/></svg>"##
        ),
        Card::Coffee => concat!(
            r##"<svg class="card-art" viewBox="0 0 64 64" width="64" height="64" aria-hidden="true" focusable="false">"##,
            r##"<g fill="none" stroke="#6d4c41" stroke-width="3" stroke-linecap="round">"##,
            r##"<path d="M22 6c-3 4 3 6 0 10M32 6c-3 4 3 6 0 10M42 6c-3 4 3 6 0 10"/>"##,
            r##"<path d="M48 28h4a7 7 0 0 1 0 14h-5"/></g>"##,
            r##"<path d="M12 22h38v18a14 14 0 0 1-14 14h-10a14 14 0 0 1-14-14z" fill="#a1887f" stroke="#4e342e" stroke-width="3"/>"##,
            r##"<path d="M6 58h50" stroke="#4e342e" stroke-width="4" stroke-linecap="round"/></svg>"##
        ),
        Card::Star => concat!(
            r##"<svg class="card-art" viewBox="0 0 64 64" width="64" height="64" aria-hidden="true" focusable="false">"##,
            r##"<path d="M32 4l8 18 20 2-15 13 5 20-18-11-18 11 5-20L4 24l20-2z" fill="#f5b700" "##,
            r##"stroke="#8a6100" stroke-width="3" stroke-linejoin="round"/></svg>"##
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_card_is_one_hidden_svg() {
        for card in Card::ALL {
            let svg = art(card);
            assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"), "{card:?}");
            assert_eq!(svg.matches("<svg").count(), 1, "{card:?}");
            assert!(svg.contains(r#"aria-hidden="true""#), "{card:?} is decoration");
        }
    }
}
