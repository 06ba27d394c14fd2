//! The staff quiz: the questions, a round's result with an explanation per
//! answer (shown once, kept nowhere), and the organisation's counts.

use crate::http::pages::monitor::OrganisationPage;
use crate::http::pages::{Chrome, Errors, PageResult, form_errors, render, render_with};
use crate::i18n::Tr;
use crate::service::knowledge as service;
use askama::Template;
use axum::http::StatusCode;
use samenspel_core::knowledge::quiz::QUIZ;
use samenspel_core::monitor::Shown;

pub struct QuestionView {
    pub key: &'static str,
    pub text: String,
    /// (option, its text, chosen in this form)
    pub options: Vec<(&'static str, String, bool)>,
}

fn questions(tr: &Tr, chosen: &[(String, String)]) -> Vec<QuestionView> {
    QUIZ.iter()
        .map(|q| QuestionView {
            key: q.key,
            text: tr.t(&format!("quiz-{}", q.key)),
            options: q
                .options
                .iter()
                .map(|(o, _)| {
                    (*o, tr.t(&format!("quiz-{}-{o}", q.key)), chosen.iter().any(|(k, v)| k == q.key && v == o))
                })
                .collect(),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "quiz.html")]
struct QuizPage {
    c: Chrome,
    org: String,
    organisation: String,
    questions: Vec<QuestionView>,
    errors: Errors,
}

pub async fn form(p: OrganisationPage) -> PageResult {
    let organisation = service::quiz_form(&p.ctx(), &p.id).await?;
    let c = p.chrome();
    render(&QuizPage {
        questions: questions(&c.tr, &[]),
        org: p.id.to_string(),
        organisation,
        errors: Errors::default(),
        c,
    })
}

pub struct ResultView {
    pub question: String,
    pub chosen: String,
    pub correct: bool,
    pub why: String,
    pub right: String,
}

#[derive(Template)]
#[template(path = "quiz_result.html")]
struct ResultPage {
    c: Chrome,
    org: String,
    score: usize,
    results: Vec<ResultView>,
}

pub async fn take(
    p: OrganisationPage,
    crate::http::pages::Form(pairs): crate::http::pages::Form<Vec<(String, String)>>,
) -> PageResult {
    let r = service::take_quiz(&p.ctx(), &p.id, &pairs).await;
    let c = p.chrome();
    match form_errors(r)? {
        Ok(answered) => {
            let tr = &c.tr;
            let results: Vec<ResultView> = answered
                .iter()
                .map(|a| ResultView {
                    question: tr.t(&format!("quiz-{}", a.question)),
                    chosen: tr.t(&format!("quiz-{}-{}", a.question, a.chosen)),
                    correct: a.correct(),
                    why: tr.t(&format!("quiz-{}-{}-why", a.question, a.chosen)),
                    right: tr.t(&format!("quiz-{}-{}", a.question, a.right)),
                })
                .collect();
            let score = results.iter().filter(|r| r.correct).count();
            render(&ResultPage { org: p.id.to_string(), score, results, c })
        }
        Err(errors) => {
            let organisation = service::quiz_form(&p.ctx(), &p.id).await?;
            let questions = questions(&c.tr, &pairs);
            render_with(
                StatusCode::UNPROCESSABLE_ENTITY,
                &QuizPage { questions, org: p.id.to_string(), organisation, errors, c },
            )
        }
    }
}

#[derive(Template)]
#[template(path = "quiz_results.html")]
struct ResultsPage {
    c: Chrome,
    org: String,
    organisation: String,
    rounds: String,
    rows: Vec<(String, String)>,
}

fn shown(tr: &Tr, s: Shown, unit: &str) -> String {
    match s {
        Shown::Exact(n) => format!("{n}{unit}"),
        Shown::FewerThanFive => tr.t("monitor-fewer-than-five"),
        Shown::TooFew => tr.t("monitor-too-few"),
        Shown::None => "0".into(),
    }
}

pub async fn results(p: OrganisationPage) -> PageResult {
    let r = service::quiz_results(&p.ctx(), &p.id).await?;
    let c = p.chrome();
    let rows =
        r.questions.iter().map(|q| (c.tr.t(&format!("quiz-{}", q.question)), shown(&c.tr, q.right, "%"))).collect();
    render(&ResultsPage {
        rounds: shown(&c.tr, r.rounds, ""),
        rows,
        org: p.id.to_string(),
        organisation: r.organisation,
        c,
    })
}
