//! The glossary ("Woordenlijst"): the words people may not know, each with a
//! short explanation in plain language. Open to everyone, signed in or not,
//! so that every screen and e-mail can link to `/words#term-<key>`; the
//! screens explain a term where it first appears with [`TERMS`]' texts
//! (`explain` in `explain.html`).

use super::{Chrome, render};
use crate::http::context::Visitor;
use crate::http::pages::PageResult;
use askama::Template;

/// Every term, in the order the page lists them: `term-<key>` is its name,
/// `term-<key>-text` its explanation.
pub const TERMS: [&str; 21] = [
    "kring",
    "client",
    "naaste",
    "mantelzorger",
    "vrijwilliger",
    "beroepskracht",
    "coordinator",
    "vertegenwoordiger",
    "rode-draad",
    "schijf-van-vijf",
    "ecogram",
    "sofa",
    "respijt",
    "perspectief",
    "mantelzorgcheck",
    "welzijnsplan",
    "empathiekaart",
    "evaluatiegesprek",
    "dienst",
    "hulpvraag",
    "logboek",
];

#[derive(Template)]
#[template(path = "glossary.html")]
struct GlossaryPage {
    c: Chrome,
    terms: [&'static str; 21],
}

pub async fn show(v: Visitor) -> PageResult {
    render(&GlossaryPage { c: Chrome::new(&v), terms: TERMS })
}
