'use strict';
// The carer check-in ("Hoe gaat het met jou? (mantelzorgcheck)", the EDIZ) and
// the carer's signal in headless Chromium (Dutch), in the circle of
// mevrouw Gerda Mulder, where her son Rob Mulder (family carer) has never
// filled it in, Noor Jansen is the professional and Marieke Hoekstra the
// coordinator. Everybody uses a phone-sized window (390×844).
//
// 1. Rob goes from "Leden" to the check-in. He answers eight of the nine
//    statements and sends them: 422, "Kijk nog eens naar wat je hebt ingevuld" with
//    "Beantwoord alle negen de stellingen.", the missing statement marked
//    "Kies een antwoord.", the eight answers still ticked, no score. With the
//    ninth answer the page shows "Je score: N van 9", N being the sum worked
//    out here from the answers and the published scoring rule (Min of meer,
//    Ja and Ja! count one point), the date, and what the score means in plain
//    Dutch. One check-in draws no trend; after a second one (other answers,
//    another score) the trend chart (an SVG with role="img", named by its
//    title, described by its summary) and the table beside it hold both scores, oldest
//    first. His own API key lists the same two scores.
// 2. Noor (professional) and Marieke (coordinator) cannot open the check-in
//    (403), not even by posting to it; Rob's member card, the members list
//    and the overview hold no score and no way to the check-in. Noor goes
//    through every page of the circle she can open and, with an API key of
//    her own, every API route that reads the circle: none holds Rob's score,
//    his answers or his check-ins' ids; the check-in routes answer 403.
// 3. Rob shares "ik kan wel wat hulp gebruiken" with the coordinator (the
//    preselected choice): Marieke sees it on her overview, Noor does not
//    (overview, API). He takes it back and shares it with everybody in the
//    circle, with a message: now Noor sees only the signal — his name, the
//    date, "met iedereen in de kring", the message, "Bied hulp aan in het
//    logboek"; the API's signal has exactly its six fields — and still no
//    score anywhere. She cannot take his signal back (403, page and API).
// 4. The check-in with its chart, Rob's profile page and the member cards
//    pass axe-core, like every other page visited.
//
// Every page visited is screenshotted at 390×844 and 1280×800 and checked with
// axe-core (serious and critical violations fail), like the other journeys.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const path = require('node:path');
const { test, before, after } = require('node:test');
const { AxeBuilder } = require('@axe-core/playwright');

const { createJourney, clean, PHONE } = require('../lib/journey');

// Its own folder, so the other journeys' screenshots and reports stay.
const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts', 'checkin');
const TEST_TIMEOUT_MS = 240_000;

const CLIENT = 'mevrouw Gerda Mulder';
const CARER = 'Rob Mulder'; // naaste: her son, with no check-in of his own yet
const NURSE = 'Noor Jansen'; // beroepskracht (verzorgende IG)
const COORDINATOR = 'Marieke Hoekstra'; // coördinator

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

const T = {
  signInButton: 'Inloggen',
  myCircles: 'Mijn kringen',
  myAccount: 'Mijn account',
  tokensHeading: 'Sleutels voor koppelingen (API)',
  makeToken: 'Sleutel maken',
  membersTab: 'Leden',
  forbidden: 'Dit mag je niet doen in deze kring.',
  errorSummary: 'Kijk nog eens naar wat je hebt ingevuld', // the check-in speaks to the carer with "je", as every screen does
  checkin: {
    link: 'Hoe gaat het met jou? Doe de mantelzorgcheck',
    heading: 'Hoe gaat het met jou? (mantelzorgcheck)',
    privateNote: 'Alleen jij ziet je antwoorden en je score. Niemand anders in de kring, ook de beroepskrachten en de coördinator niet.',
    start: 'De vragen',
    again: 'Opnieuw invullen',
    submit: 'Bekijk mijn score',
    itemMissing: 'Kies een antwoord.',
    answerEvery: 'Beantwoord alle negen de stellingen.',
    saved: 'Je antwoorden zijn bewaard. Alleen jij ziet ze.',
    score: (score, max) => `Je score: ${score} van ${max}`,
    filledIn: (date) => `Ingevuld op ${date}`,
    trend: 'Hoe je score verandert',
    chartTitle: 'Je scores door de tijd',
    chartSummary: (scores) => `${scores.length} keer ingevuld. Scores, van oud naar nieuw: ${scores.join(', ')}.`,
    tableCaption: 'Je scores in een tabel',
    columns: ['Datum', 'Score'],
    cell: (score, max) => `${score} / ${max}`,
  },
  signal: {
    heading: 'Kun je wel wat hulp gebruiken?',
    audience: 'Met wie wil je dit delen?',
    toCoordinator: 'met de coördinator',
    toCircle: 'met iedereen in de kring',
    message: 'Wat wil je erbij zeggen? (mag leeg)',
    noScore: 'We delen alleen dat je hulp kunt gebruiken, met je bericht. Je antwoorden en je score blijven van jou.',
    share: 'Deel: ik kan wel wat hulp gebruiken',
    shared: 'Gedeeld. Hieronder zie je wat je nu kunt doen.',
    sharedCircle: (date) => `Je hebt op ${date} met de kring gedeeld dat je wel wat hulp kunt gebruiken.`,
    sharedCoordinator: (date) => `Je hebt op ${date} met de coördinator gedeeld dat je wel wat hulp kunt gebruiken.`,
    options: 'Wat kun je nu doen?',
    optionRespite: 'Vraag de kring om iemand die het even van je overneemt (respijt)',
    optionCoordinator: (name) => `Praat met ${name} (coördinator)`,
    optionReview: 'Kijk samen opnieuw wie wat doet (evaluatiegesprek)',
    withdraw: 'Ik heb geen hulp meer nodig',
    withdrawn: 'Je bericht is teruggenomen.',
    overviewHeading: 'Hulp gevraagd',
    from: (name) => `${name} kan wel wat hulp gebruiken.`,
    mine: 'Je hebt gedeeld dat je wel wat hulp kunt gebruiken.',
    ownLink: 'Bekijk wat je kunt doen',
    offerHelp: 'Bied hulp aan in het logboek',
    askHelp: (name) => `Vraag hulp voor ${name}`,
    addShifts: (name) => `Diensten toevoegen om ${name} te ontlasten`,
  },
};

// The EDIZ as published (crates/samenspel/instruments/ediz.toml): the
// instruction, the nine statements, the five answers and the scoring rule.
const EDIZ = {
  instruction: 'Geef aan of de afgelopen paar weken de volgende stellingen op u van toepassing waren:',
  interpretation: "De score loopt van 0 tot 9. Hoe hoger de score, hoe meer druk je voelt door de zorg voor je naaste. Er is geen grens waarboven je 'overbelast' heet: kijk vooral hoe de score verandert, en of je zelf hulp wilt.",
  statements: [
    'Door de situatie van mijn naaste kom ik te weinig aan mijn leven toe',
    'Het combineren van de verantwoordelijkheid voor mijn naaste en de verantwoordelijkheid voor mijn werk en/of gezin valt niet mee',
    'Door mijn betrokkenheid bij mijn naaste doe ik anderen tekort',
    'Ik moet altijd maar klaarstaan voor mijn naaste',
    'Mijn zelfstandigheid komt in de knel',
    'De situatie van mijn naaste eist voortdurend mijn aandacht',
    'Door mijn betrokkenheid bij mijn naaste krijg ik conflicten thuis en/of op mijn werk',
    'De situatie van mijn naaste laat mij nooit los',
    'Ik voel me over het geheel genomen erg onder druk staan door de situatie van mijn naaste',
  ],
  // code -> label, in the order the form lists them
  options: { 'nee!': 'Nee!', nee: 'Nee', 'min-of-meer': 'Min of meer', ja: 'Ja', 'ja!': 'Ja!' },
  // "1 point for Ja!, Ja or Min of meer; 0 for Nee! and Nee."
  points: { 'nee!': 0, nee: 0, 'min-of-meer': 1, ja: 1, 'ja!': 1 },
  max: 9,
};

// Rob's two check-ins, statement by statement.
const FIRST = ['ja!', 'nee!', 'min-of-meer', 'nee', 'ja', 'nee!', 'ja!', 'nee', 'min-of-meer'];
const SECOND = ['nee', 'nee!', 'nee', 'ja', 'nee!', 'nee', 'nee!', 'min-of-meer', 'nee'];
// The statement left out of the first try (1-based): one that counts a point.
const LEFT_OUT = 5;

// Four random hex characters make the texts unique per run.
const RUN = crypto.randomBytes(2).toString('hex');
const COORDINATOR_MESSAGE = `Het wordt me even te veel met de bezoeken (${RUN}).`;
const CIRCLE_MESSAGE = `Wie kan zaterdag bij mijn moeder langs? Dan kan ik een dag weg (${RUN}).`;

const journey = createJourney({
  artifactsDir: ARTIFACTS,
  client: CLIENT,
  texts: T,
  expectedErrors: /status of (403|422)/,
});
const { url, circlePath, openSection, goto, expectingError, expectHeading, check, signIn, pageOf, assertNoSidewaysScroll, submitTo, makeToken, api } = journey;

const state = {}; // what the journeys learn along the way

// ---------------------------------------------------------------------------
// Helpers

/** The score worked out by hand: the published points of each answer, added up. */
function scoreOf(answers) {
  assert.equal(answers.length, EDIZ.statements.length);
  return answers.reduce((sum, code) => {
    assert.ok(code in EDIZ.points, `"${code}" is not an EDIZ answer`);
    return sum + EDIZ.points[code];
  }, 0);
}

/** "YYYY-MM-DD" for today, in Amsterdam (the app's time zone). */
function isoToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** How the app writes a day: "2026-09-01" → "1 september 2026". */
function dutchDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The fieldset of statement `n` (1-based), by its legend. */
function statement(page, n) {
  return page.getByRole('group', { name: `${n}. ${EDIZ.statements[n - 1]}`, exact: true });
}

/** Ticks the answers (codes, statement by statement); `skip` leaves one statement (1-based) out. */
async function answer(page, answers, { skip } = {}) {
  for (const [i, code] of answers.entries()) {
    if (i + 1 === skip) continue;
    await statement(page, i + 1).getByLabel(EDIZ.options[code], { exact: true }).check();
  }
}

/** The code ticked at each statement, null where none is. */
async function ticked(page) {
  return page.evaluate((n) => {
    const out = [];
    for (let i = 1; i <= n; i++) {
      const box = document.querySelector(`input[type="radio"][name="ediz-${i}"]:checked`);
      out.push(box ? box.value : null);
    }
    return out;
  }, EDIZ.statements.length);
}

/** "Bekijk mijn score"; resolves with the answer to the POST. */
function sendCheckIn(page) {
  return submitTo(page, page.getByRole('button', { name: T.checkin.submit, exact: true }), circlePath('/check-in'));
}

/** Everything the check-in page shows about the carer's scores, read from the DOM. */
async function readCheckIn(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    const score = document.querySelector('section#score');
    const svg = document.querySelector('svg.trend-chart');
    const table = document.querySelector('table.trend-table');
    const labelled = (el, attr) => (el.getAttribute(attr) || '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id));
    return {
      score: score
        ? {
            heading: clean(score.querySelector('h3') && score.querySelector('h3').textContent),
            labelledBy: score.getAttribute('aria-labelledby'),
            headingId: score.querySelector('h3') && score.querySelector('h3').id,
            paragraphs: [...score.querySelectorAll('p')].map((p) => clean(p.textContent)),
          }
        : null,
      trendHeading: clean(document.querySelector('#trend-heading') && document.querySelector('#trend-heading').textContent),
      chart: svg
        ? {
            role: svg.getAttribute('role'),
            inFigure: Boolean(svg.closest('figure')),
            title: clean(svg.querySelector('title') && svg.querySelector('title').textContent),
            desc: clean(svg.querySelector('desc') && svg.querySelector('desc').textContent),
            labelledBy: labelled(svg, 'aria-labelledby').map((el) => (el ? el.tagName.toLowerCase() : null)),
            describedBy: labelled(svg, 'aria-describedby').map((el) => (el ? el.tagName.toLowerCase() : null)),
            points: [...svg.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cy'))),
            lines: [...svg.querySelectorAll('polyline')].map((p) => p.getAttribute('points').trim().split(/\s+/).length),
            width: svg.getBoundingClientRect().width,
          }
        : null,
      table: table
        ? {
            caption: clean(table.caption && table.caption.textContent),
            head: [...table.querySelectorAll('thead th')].map((th) => ({ text: clean(th.textContent), scope: th.getAttribute('scope') })),
            rows: [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.cells].map((td) => clean(td.textContent))),
            region: (() => {
              const r = table.closest('[role="region"]');
              return r ? { label: clean(labelled(r, 'aria-labelledby').map((el) => el && el.textContent).join(' ')), tabindex: r.getAttribute('tabindex') } : null;
            })(),
          }
        : null,
      formHeading: clean(document.querySelector('#form-heading') && document.querySelector('#form-heading').textContent),
      main: clean(document.querySelector('main').textContent),
    };
  });
}

/** The signal card on the check-in page. */
async function readSignalCard(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    const card = document.querySelector('section#signal');
    if (!card) return null;
    const form = card.querySelector('form[action$="/check-in/signal"]');
    return {
      heading: clean(card.querySelector('h3') && card.querySelector('h3').textContent),
      paragraphs: [...card.querySelectorAll('p')].map((p) => clean(p.textContent)),
      options: [...card.querySelectorAll('ul li a')].map((a) => ({ text: clean(a.textContent), href: a.getAttribute('href') })),
      form: form
        ? {
            radios: [...form.querySelectorAll('input[type="radio"]')].map((r) => ({ value: r.value, checked: r.checked, label: clean(r.labels[0] && r.labels[0].textContent) })),
          }
        : null,
      withdraw: Boolean(card.querySelector('form[action$="/check-in/signal/withdraw"]')),
    };
  });
}

/** The "Hulp gevraagd" section of an overview: each signal's lines, or null without one. */
async function readOverviewSignals(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    const section = document.querySelector('section[aria-labelledby="signals-heading"]');
    if (!section) return null;
    return {
      heading: clean(section.querySelector('h2').textContent),
      items: [...section.querySelectorAll('li')].map((li) => ({
        who: clean(li.querySelector('strong') && li.querySelector('strong').textContent),
        meta: clean(li.querySelector('.meta') && li.querySelector('.meta').textContent),
        paragraphs: [...li.querySelectorAll('p')].map((p) => clean(p.textContent)),
        links: [...li.querySelectorAll('a')].map((a) => clean(a.textContent)),
      })),
    };
  });
}

/** The carer's own signal on the overview: one line each (`p.own-signal`), its text and links. */
async function readOwnSignal(page) {
  return page.locator('p.own-signal').evaluateAll((ps) => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    return ps.map((p) => ({
      text: clean(p.textContent),
      links: [...p.querySelectorAll('a')].map((a) => ({ text: clean(a.textContent), href: a.getAttribute('href') })),
    }));
  });
}

/** The circle's overview → its "Leden" tab. */
async function openMembers(page) {
  await goto(page, circlePath());
  await expectHeading(page, CLIENT);
  await openSection(page, T.membersTab, '/members');
}

/** The members list: each member's name, card link and what the row says. */
async function readMembers(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    return [...document.querySelectorAll('ul.member-list > li.member')].map((li) => {
      const a = li.querySelector('a.member-name');
      return { name: clean(a && a.textContent), href: a && a.getAttribute('href'), text: clean(li.textContent) };
    });
  });
}

/**
 * What must never reach anyone but the carer, searched for in a page's HTML
 * or an API answer: the scores as the check-in page writes them, the score
 * heading, the chart and the table, the answer codes and statement ids, and
 * the ids of his check-ins.
 */
function leaks(text) {
  const found = [];
  for (const s of state.scores || []) {
    for (const form of [`${s} van ${EDIZ.max}`, T.checkin.cell(s, EDIZ.max)]) if (text.includes(form)) found.push(`"${form}"`);
  }
  for (const marker of ['Je score', 'Scores, van oud naar nieuw', 'trend-chart', 'trend-table', T.checkin.tableCaption, 'min-of-meer', 'ediz-', '"total"']) {
    if (text.includes(marker)) found.push(`"${marker}"`);
  }
  for (const id of state.checkInIds || []) if (text.includes(id)) found.push(`the check-in id ${id}`);
  return found;
}

function assertNoLeak(what, text) {
  const found = leaks(text);
  assert.deepEqual(found, [], `${what} shows the carer's check-in: ${found.join(', ')}`);
}

/** Posts a form to `action` from inside the page, with the page's CSRF token. */
async function postForm(page, action, fields) {
  return expectingError(() =>
    page.evaluate(async ({ action, fields }) => {
      const csrf = document.querySelector('input[name="csrf"]').value;
      const body = new URLSearchParams([['csrf', csrf], ...fields]);
      const res = await fetch(action, { method: 'POST', body, credentials: 'same-origin', redirect: 'manual' });
      return { status: res.status, type: res.type, text: await res.text() };
    }, { action, fields }),
  );
}

/** The answers of a check-in as the API takes them. */
function apiAnswers(codes) {
  return Object.fromEntries(codes.map((code, i) => [`ediz-${i + 1}`, code]));
}

// ---------------------------------------------------------------------------

before(async () => {
  await journey.start();
});

after(async () => {
  await journey.stop();
});

test('Rob (family carer), Noor (professional) and Marieke (coordinator) sign in, all on a phone', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await signIn(t, CARER, PHONE, 'carer');
  await signIn(t, NURSE, PHONE, 'nurse');
  await signIn(t, COORDINATOR, PHONE, 'coordinator');
});

test('Journey 1: the family carer fills in the check-in on a phone; a missing answer is named and the others kept; the score is the sum of the answers, explained in plain Dutch; a second check-in draws the trend chart and its table', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const rob = pageOf(CARER);
  const C = T.checkin;
  const first = scoreOf(FIRST);
  const second = scoreOf(SECOND);
  assert.notEqual(first, second, 'the two check-ins must differ in score, or the trend shows nothing');
  state.scores = [first, second];

  // "Leden" → "Hoe gaat het met jou? Doe de mantelzorgcheck".
  await openMembers(rob);
  const link = rob.getByRole('link', { name: C.link, exact: true });
  assert.equal(await link.count(), 1, `the carer's members page does not have one link "${C.link}"`);
  await check(t, rob, 'members-carer');
  await link.click();
  await rob.waitForURL(url(circlePath('/check-in')));
  await expectHeading(rob, C.heading, 2);

  const empty = await readCheckIn(rob);
  await t.test('before: the page says only he sees it, asks the nine published statements with five answers each, and shows no score', async () => {
    assert.ok(empty.main.includes(C.privateNote), `the page does not say "${C.privateNote}"`);
    assert.equal(empty.score, null, 'a score is shown before any check-in');
    assert.equal(empty.chart, null, 'a chart is shown before any check-in');
    assert.equal(empty.formHeading, C.start);
    await rob.getByText(EDIZ.instruction, { exact: true }).waitFor();
    const legends = (await rob.locator('form[action$="/check-in"] fieldset > legend').allTextContents()).map(clean);
    assert.deepEqual(legends, EDIZ.statements.map((s, i) => `${i + 1}. ${s}`), 'the statements differ from the published EDIZ');
    for (const n of [1, 9]) {
      const labels = (await statement(rob, n).locator('label').allTextContents()).map(clean);
      assert.deepEqual(labels, Object.values(EDIZ.options), `the answers of statement ${n}`);
    }
    assert.deepEqual(await ticked(rob), Array(9).fill(null), 'an answer is ticked before he chose one');
  });
  await t.test('the empty check-in does not scroll sideways on the phone', () => assertNoSidewaysScroll(rob, 'the check-in page'));
  await check(t, rob, 'checkin-empty');

  // Eight answers: 422, the ninth named, the eight kept.
  await answer(rob, FIRST, { skip: LEFT_OUT });
  const refused = await expectingError(async () => {
    const response = await sendCheckIn(rob);
    await rob.locator('.error-summary').waitFor();
    return response;
  });
  await t.test(`without statement ${LEFT_OUT} the form answers 422 "${T.errorSummary}", marks the statement and keeps the other answers`, async () => {
    assert.equal(refused.status(), 422, `the form without statement ${LEFT_OUT} answered ${refused.status()}`);
    const summary = rob.getByRole('alert');
    await summary.getByRole('heading', { name: T.errorSummary, exact: true }).waitFor();
    const links = summary.getByRole('link');
    assert.deepEqual((await links.allTextContents()).map(clean), [C.answerEvery], 'the error summary lists something else');
    const target = await links.first().getAttribute('href');
    assert.equal(target, `#ediz-${LEFT_OUT}`, 'the error summary does not lead to the statement left open');
    assert.equal(await rob.locator(target).count(), 1, `the error summary links to ${target}, which is not on the page`);
    const missing = statement(rob, LEFT_OUT);
    assert.equal(clean(await rob.locator(`#ediz-${LEFT_OUT}-error`).textContent()), C.itemMissing);
    assert.equal(await missing.getAttribute('aria-describedby'), `ediz-${LEFT_OUT}-error`, 'the missing statement is not described by its error');
    assert.equal(await rob.locator('.field-error').count(), 1, 'more than the one statement is marked');
    const expected = FIRST.map((code, i) => (i + 1 === LEFT_OUT ? null : code));
    assert.deepEqual(await ticked(rob), expected, 'the answers given are not all ticked again');
    const now = await readCheckIn(rob);
    assert.equal(now.score, null, 'a score is shown after the refused form');
    assert.ok(!now.main.includes('Je score'), 'the refused form shows a score');
  });
  await t.test('the check-in with the error does not scroll sideways on the phone', () => assertNoSidewaysScroll(rob, 'the check-in page'));
  await check(t, rob, 'checkin-error');

  // The ninth answer: saved, the score shown.
  await statement(rob, LEFT_OUT).getByLabel(EDIZ.options[FIRST[LEFT_OUT - 1]], { exact: true }).check();
  const saved = await sendCheckIn(rob);
  assert.equal(saved.status(), 303, `the full check-in answered ${saved.status()}`);
  await rob.waitForURL(url(circlePath('/check-in?done=notice-checkin-saved#score')));
  await rob.getByRole('status').filter({ hasText: C.saved }).waitFor();
  const today = dutchDay(isoToday());
  const one = await readCheckIn(rob);
  await t.test(`the score is "${C.score(first, EDIZ.max)}" (the answers' points added up), dated today, with what it means in plain Dutch`, () => {
    assert.ok(one.score, 'no score section after the check-in');
    assert.equal(one.score.heading, C.score(first, EDIZ.max));
    assert.equal(one.score.labelledBy, one.score.headingId, 'the score section is not labelled by its heading');
    assert.deepEqual(one.score.paragraphs, [C.filledIn(today), EDIZ.interpretation]);
    assert.equal(one.chart, null, 'one check-in draws a chart already');
    assert.equal(one.table, null, 'one check-in has a trend table already');
    assert.equal(one.formHeading, C.again, `the form is not headed "${C.again}"`);
  });
  await t.test('the form starts empty again', async () => assert.deepEqual(await ticked(rob), Array(9).fill(null)));
  await t.test('the check-in with a score does not scroll sideways on the phone', () => assertNoSidewaysScroll(rob, 'the check-in page'));
  await check(t, rob, 'checkin-score');

  // The second check-in: the trend.
  await answer(rob, SECOND);
  const again = await sendCheckIn(rob);
  assert.equal(again.status(), 303, `the second check-in answered ${again.status()}`);
  await rob.waitForURL(url(circlePath('/check-in?done=notice-checkin-saved#score')));
  await rob.getByRole('status').filter({ hasText: C.saved }).waitFor();
  const two = await readCheckIn(rob);
  await t.test(`the latest score is "${C.score(second, EDIZ.max)}"`, () => {
    assert.equal(two.score.heading, C.score(second, EDIZ.max));
    assert.deepEqual(two.score.paragraphs, [C.filledIn(today), EDIZ.interpretation]);
  });
  await t.test(`the trend chart: an SVG image named "${C.chartTitle}" with the summary of both scores, two points, the higher score drawn higher`, async () => {
    assert.equal(two.trendHeading, C.trend);
    assert.ok(two.chart, 'no trend chart after two check-ins');
    assert.equal(two.chart.role, 'img');
    assert.ok(two.chart.inFigure, 'the chart is not in a <figure>');
    assert.equal(two.chart.title, C.chartTitle);
    assert.equal(two.chart.desc, C.chartSummary([first, second]));
    assert.deepEqual(two.chart.labelledBy, ['title'], 'the SVG is not named by its <title>');
    assert.deepEqual(two.chart.describedBy, ['desc'], 'the SVG is not described by its <desc>');
    const img = rob.getByRole('img', { name: C.chartTitle, exact: true });
    assert.equal(await img.count(), 1, 'no image named by the chart\'s title');
    assert.equal(await img.getAttribute('aria-describedby'), 'trend-desc', 'the summary does not describe the image');
    assert.equal(two.chart.points.length, 2, `the chart has ${two.chart.points.length} points`);
    assert.deepEqual(two.chart.lines, [2], 'the line does not join the two points');
    // SVG y grows downwards: the higher score has the smaller y.
    assert.equal(two.chart.points[0] < two.chart.points[1], first > second, `the points' heights ${two.chart.points.join(', ')} do not follow the scores ${first}, ${second}`);
    assert.ok(two.chart.width <= PHONE.width, `the chart is ${two.chart.width}px wide on the phone`);
  });
  await t.test('the table beside the chart holds both scores, oldest first, in a named, focusable region', () => {
    assert.ok(two.table, 'no table beside the chart');
    assert.equal(two.table.caption, C.tableCaption);
    assert.deepEqual(two.table.head, C.columns.map((text) => ({ text, scope: 'col' })));
    assert.deepEqual(two.table.rows, [[today, C.cell(first, EDIZ.max)], [today, C.cell(second, EDIZ.max)]]);
    assert.deepEqual(two.table.region, { label: C.tableCaption, tabindex: '0' });
  });
  await t.test('axe-core checks the chart\'s text alternative and finds nothing', async () => {
    const results = await new AxeBuilder({ page: rob }).include('svg.trend-chart').analyze();
    assert.deepEqual(results.violations.map((v) => `${v.impact} ${v.id}: ${v.help}`), [], 'axe-core finds problems in the chart');
    assert.ok(results.passes.some((r) => r.id === 'svg-img-alt'), `axe-core did not check the SVG's text alternative (passed: ${results.passes.map((r) => r.id).join(', ')})`);
  });
  await t.test('the check-in with the chart does not scroll sideways on the phone', () => assertNoSidewaysScroll(rob, 'the check-in page with the chart'));
  await check(t, rob, 'checkin-trend');

  // His own API key lists the same two scores.
  state.robToken = await makeToken(t, rob, { name: `e2e mantelzorgcheck ${RUN}`, slug: 'carer' });
  const mine = await api(state.robToken, circlePath('/check-ins'));
  await t.test('through the API the carer reads his own two check-ins: the same scores, oldest first', () => {
    assert.equal(mine.status, 200, `GET check-ins answered ${mine.status}: ${mine.text}`);
    assert.ok(Array.isArray(mine.json), `check-ins is no list: ${mine.text.slice(0, 200)}`);
    assert.deepEqual(mine.json.map((c) => ({ instrument: c.instrument, total: c.total, range: c.range })), [first, second].map((total) => ({ instrument: 'ediz', total, range: [0, EDIZ.max] })));
    for (const c of mine.json) assert.match(c.id, /^[0-9a-f-]{36}$/, `a check-in id reads "${c.id}"`);
  });
  state.checkInIds = Array.isArray(mine.json) ? mine.json.map((c) => c.id) : [];

  // The search for leaks must be able to see one: on the carer's own page
  // and in his own API answer it finds what it looks for elsewhere.
  await goto(rob, circlePath('/check-in'));
  const ownPage = leaks(await rob.content());
  await t.test('the leak search finds the scores, answers and ids where they belong: the carer\'s own page and API answer', () => {
    for (const s of state.scores) assert.ok(ownPage.includes(`"${C.cell(s, EDIZ.max)}"`), `"${C.cell(s, EDIZ.max)}" is not found on the carer's page: ${ownPage.join(', ')}`);
    assert.ok(ownPage.includes(`"${second} van ${EDIZ.max}"`), `the score heading is not found: ${ownPage.join(', ')}`);
    for (const marker of ['"trend-chart"', '"min-of-meer"', '"ediz-"']) assert.ok(ownPage.includes(marker), `${marker} is not found on the carer's page`);
    const ownApi = leaks(mine.text);
    assert.ok(ownApi.includes('""total""'), `"total" is not found in the carer's API answer: ${ownApi.join(', ')}`);
    assert.equal(state.checkInIds.length, 2);
    for (const id of state.checkInIds) assert.ok(ownApi.includes(`the check-in id ${id}`), `the id ${id} is not found in the carer's API answer`);
  });

  // His profile page and his own member card.
  await goto(rob, circlePath('/profile'));
  await expectHeading(rob, /./, 2);
  await t.test('the carer\'s profile page holds no score', async () => assertNoLeak('the carer\'s profile page', await rob.content()));
  await t.test('the profile page does not scroll sideways on the phone', () => assertNoSidewaysScroll(rob, 'the profile page'));
  await check(t, rob, 'profile-carer');
  await openMembers(rob);
  const me = (await readMembers(rob)).find((m) => m.name === CARER);
  assert.ok(me, `${CARER} is not on his own members list`);
  state.carerCard = me.href;
  state.carerMemberId = me.href.split('/').pop();
  await goto(rob, me.href);
  await expectHeading(rob, new RegExp(`^${CARER}`), 2);
  await t.test('his own member card links to the check-in but shows no score', async () => {
    assert.equal(await rob.getByRole('link', { name: C.link, exact: true }).count(), 1, `no "${C.link}" on his own card`);
    assertNoLeak('the carer\'s own member card', await rob.content());
  });
  await t.test('his member card does not scroll sideways on the phone', () => assertNoSidewaysScroll(rob, 'the member card'));
  await check(t, rob, 'member-card-carer');
});

test('Journey 2: the professional and the coordinator in the same circle see neither the answers nor the score: the check-in answers 403, and no page or API route holds them', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const noor = pageOf(NURSE);
  const marieke = pageOf(COORDINATOR);
  assert.ok(state.scores && state.checkInIds && state.checkInIds.length === 2, 'the carer\'s check-ins were not made (journey 1 failed)');

  for (const [name, page, slug] of [[NURSE, noor, 'nurse'], [COORDINATOR, marieke, 'coordinator']]) {
    const response = await expectingError(() => goto(page, circlePath('/check-in'), 403));
    await t.test(`${name}: the check-in page answers 403 "${T.forbidden}" and shows nothing of it`, async () => {
      const html = await response.text();
      assert.ok(html.includes(T.forbidden), `the 403 page does not say "${T.forbidden}"`);
      assertNoLeak(`the 403 page for ${name}`, html);
      assert.ok(!html.includes(EDIZ.statements[0]), 'the 403 page shows the statements');
    });
    await check(t, page, `checkin-forbidden-${slug}`);

    await t.test(`${name}: posting answers, a signal or its withdrawal to the check-in (with a valid CSRF token) answers 403`, async () => {
      const answers = SECOND.map((code, i) => [`ediz-${i + 1}`, code]);
      for (const [action, fields] of [
        [circlePath('/check-in'), answers],
        [circlePath('/check-in/signal'), [['audience', 'circle'], ['message', `niet van ${name}`]]],
        [circlePath('/check-in/signal/withdraw'), []],
      ]) {
        const res = await postForm(page, action, fields);
        assert.equal(res.status, 403, `POST ${action} answered ${res.status} (${res.type})`);
        assert.ok(res.text.includes(T.forbidden), `the 403 of ${action} is not "${T.forbidden}" (a CSRF failure?): ${res.text.slice(0, 200)}`);
        assertNoLeak(`the answer to POST ${action}`, res.text);
      }
    });

    await openMembers(page);
    const members = await readMembers(page);
    const row = members.find((m) => m.name === CARER);
    await t.test(`${name}: the members list has no way to the check-in and no score`, async () => {
      assert.ok(row, `${CARER} is not on the members list of ${name}`);
      assert.equal(row.href, state.carerCard, 'the link to the carer\'s card differs');
      assert.equal(await page.getByRole('link', { name: T.checkin.link, exact: true }).count(), 0, `${name} has a link "${T.checkin.link}"`);
      assert.equal(await page.locator('a[href$="/check-in"]').count(), 0, `${name} has a link to the check-in`);
      assertNoLeak(`the members list of ${name}`, await page.content());
    });
    await check(t, page, `members-${slug}`);

    await page.locator('ul.member-list a.member-name').filter({ hasText: CARER }).click();
    await page.waitForURL(url(state.carerCard));
    await expectHeading(page, new RegExp(`^${CARER}`), 2);
    await t.test(`${name}: the carer's member card has no way to the check-in and no score`, async () => {
      assert.equal(await page.locator('a[href$="/check-in"]').count(), 0, `${name} sees a link to the check-in on ${CARER}'s card`);
      const html = await page.content();
      assertNoLeak(`${CARER}'s card for ${name}`, html);
      assert.ok(!html.includes('mantelzorgcheck'), `${CARER}'s card mentions the check-in to ${name}`);
    });
    await t.test(`${name}: the carer's member card does not scroll sideways on the phone`, () => assertNoSidewaysScroll(page, 'the member card'));
    await check(t, page, `member-card-${slug}`);

    await goto(page, circlePath());
    await expectHeading(page, CLIENT);
    await t.test(`${name}: the overview shows no score and no signal yet`, async () => {
      assertNoLeak(`the overview of ${name}`, await page.content());
      assert.equal(await readOverviewSignals(page), null, `${name} sees "${T.signal.overviewHeading}" before anything was shared`);
    });
    await check(t, page, `overview-${slug}`);
  }

  // Every page of the circle Noor can open, and every API route that reads it.
  await t.test(`${NURSE}: no page of the circle holds the score, the answers or the check-ins`, async () => {
    await sweepPages(noor, NURSE);
  });

  state.nurseToken = await makeToken(t, noor, { name: `e2e mantelzorgcheck ${RUN}`, slug: 'nurse' });
  await t.test(`${NURSE}: the check-in API answers 403 (read and write), her signals list is empty, and no other API route holds the score, the answers or the check-ins`, async () => {
    await sweepApi(state.nurseToken, NURSE);
    const signals = await api(state.nurseToken, circlePath('/signals'));
    assert.equal(signals.status, 200, `GET signals answered ${signals.status}: ${signals.text}`);
    assert.deepEqual(signals.json, [], 'the professional sees a signal before anything was shared');
  });

  await t.test(`${NURSE}: her posts to the check-in API (answers, a signal, a withdrawal) answer 403 and add nothing`, async () => {
    const tries = [
      ['POST', circlePath('/check-ins'), { answers: apiAnswers(SECOND) }],
      ['POST', circlePath('/signals'), { audience: 'circle', message: `niet van ${NURSE}` }],
      ['DELETE', circlePath('/signals/mine'), undefined],
    ];
    for (const [method, pathname, body] of tries) {
      const res = await api(state.nurseToken, pathname, { method, body });
      assert.equal(res.status, 403, `${method} ${pathname} answered ${res.status}: ${res.text}`);
      assertNoLeak(`the answer to ${method} ${pathname}`, res.text);
    }
    const mine = await api(state.robToken, circlePath('/check-ins'));
    assert.deepEqual(mine.json.map((c) => c.total), state.scores, 'the carer\'s check-ins changed after the professional\'s POST');
    const signals = await api(state.nurseToken, circlePath('/signals'));
    assert.deepEqual(signals.json, [], 'the professional\'s POST made a signal');
  });
});

/**
 * Every page of the circle the professional can open, read as HTML: none
 * may hold the score or the answers. The pages she may not open must say no.
 */
async function sweepPages(page, who) {
  const card = state.carerCard;
  const pages = [
    ['/circles', 200],
    ['/account', 200],
    [circlePath(), 200],
    [circlePath('/members'), 200],
    [card, 200],
    [circlePath('/logbook'), 200],
    [circlePath('/logbook/new'), 200],
    [circlePath('/agreements'), 200],
    [circlePath('/agreements/new'), 200],
    [circlePath('/changes/new'), 200],
    [circlePath('/conversations'), 200],
    [circlePath('/conversations/new?guide=review'), 200],
    [circlePath('/network'), 200],
    [circlePath('/network/new'), 200],
    [circlePath('/notifications'), 200],
    [circlePath('/settings'), 200],
    [circlePath('/profile'), 200],
    [circlePath('/check-in'), 403],
    [circlePath('/invitations'), 403],
    [circlePath('/audit'), 403],
  ];
  const problems = [];
  for (const [target, status] of pages) {
    const response = await expectingError(() => page.goto(url(target), { waitUntil: 'load' }));
    if (response.status() !== status) problems.push(`GET ${target} answered ${response.status()}, expected ${status}`);
    const found = leaks(await response.text());
    if (found.length) problems.push(`GET ${target} shows ${found.join(', ')}`);
  }
  assert.deepEqual(problems, [], `${who}:\n${problems.join('\n')}`);
}

/**
 * Every API route that reads the circle (and the user's own ones), with the
 * professional's key: none may hold the score, the answers or a check-in id;
 * the check-ins themselves answer 403.
 */
async function sweepApi(token, who) {
  const routes = [
    ['/me', 200],
    ['/circles', 200],
    [circlePath(), 200],
    [circlePath('/members'), 200],
    [circlePath(`/members/${state.carerMemberId}`), 200],
    [circlePath('/overview'), 200],
    [circlePath('/notification-settings'), 200],
    [circlePath('/agreements'), 200],
    [circlePath('/changes'), 200],
    [circlePath('/conversations'), 200],
    [circlePath('/profiles'), 200],
    [circlePath('/network'), 200],
    [circlePath('/signals'), 200],
    [circlePath('/check-ins'), 403],
    [circlePath('/audit'), 403],
    [circlePath('/invitations'), 403],
  ];
  const problems = [];
  for (const [pathname, status] of routes) {
    const res = await api(token, pathname);
    if (res.status !== status) problems.push(`GET ${pathname} answered ${res.status}, expected ${status}: ${res.text.slice(0, 200)}`);
    const found = leaks(res.text);
    if (found.length) problems.push(`GET ${pathname} holds ${found.join(', ')}`);
  }
  // The logbook's timeline, every page of it.
  let cursor = null;
  for (let n = 0; n < 50; n++) {
    const res = await api(token, `${circlePath('/entries')}${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (res.status !== 200) {
      problems.push(`GET entries answered ${res.status}: ${res.text.slice(0, 200)}`);
      break;
    }
    const found = leaks(res.text);
    if (found.length) problems.push(`GET entries (page ${n + 1}) holds ${found.join(', ')}`);
    cursor = res.json && res.json.next_cursor;
    if (!cursor) break;
  }
  assert.deepEqual(problems, [], `${who}:\n${problems.join('\n')}`);
}

test('Journey 3: the carer shares "ik kan wel wat hulp gebruiken": with the coordinator it does not reach the professional; with the circle she sees the signal and its message, never the score', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const rob = pageOf(CARER);
  const noor = pageOf(NURSE);
  const marieke = pageOf(COORDINATOR);
  const S = T.signal;
  const today = dutchDay(isoToday());

  // To the coordinator: the preselected choice.
  await goto(rob, circlePath('/check-in'));
  await expectHeading(rob, T.checkin.heading, 2);
  const offer = await readSignalCard(rob);
  await t.test('the check-in offers to share a signal with the coordinator (preselected) or the circle, and says the score stays his', () => {
    assert.ok(offer, 'no signal card on the check-in page');
    assert.equal(offer.heading, S.heading);
    assert.ok(offer.form, 'no form to share a signal');
    assert.deepEqual(offer.form.radios, [
      { value: 'coordinator', checked: true, label: S.toCoordinator },
      { value: 'circle', checked: false, label: S.toCircle },
    ]);
    assert.ok(offer.paragraphs.includes(S.noScore), `the card does not say "${S.noScore}"`);
  });
  const card = rob.locator('section#signal');
  await card.getByRole('group', { name: S.audience, exact: true }).getByLabel(S.toCoordinator, { exact: true }).check();
  await card.getByLabel(S.message, { exact: true }).fill(COORDINATOR_MESSAGE);
  const toCoordinator = await submitTo(rob, card.getByRole('button', { name: S.share, exact: true }), circlePath('/check-in/signal'));
  assert.equal(toCoordinator.status(), 303, `sharing with the coordinator answered ${toCoordinator.status()}`);
  await rob.waitForURL(url(circlePath('/check-in?done=notice-signal-shared#signal')));
  await rob.getByRole('status').filter({ hasText: S.shared }).waitFor();
  const sharedCoordinator = await readSignalCard(rob);
  await t.test('shared with the coordinator: the card says so, with the message, and the concrete next steps', () => {
    assert.equal(sharedCoordinator.form, null, 'the share form is still there');
    assert.ok(sharedCoordinator.withdraw, `no "${S.withdraw}"`);
    assert.deepEqual(sharedCoordinator.paragraphs.slice(0, 3), [S.sharedCoordinator(today), COORDINATOR_MESSAGE, S.options]);
    assert.deepEqual(sharedCoordinator.options.map((o) => o.text), [S.optionRespite, S.optionCoordinator(COORDINATOR), S.optionReview]);
    assert.equal(sharedCoordinator.options[1].href.startsWith(circlePath('/members/')), true, 'the coordinator option does not link to her card');
  });
  await check(t, rob, 'checkin-signal-coordinator');

  await goto(marieke, circlePath());
  const forMarieke = await readOverviewSignals(marieke);
  await t.test('the coordinator sees the signal on her overview, with the message and no score', async () => {
    assert.ok(forMarieke, `no "${S.overviewHeading}" on the coordinator's overview`);
    assert.equal(forMarieke.heading, S.overviewHeading);
    assert.equal(forMarieke.items.length, 1);
    assert.equal(forMarieke.items[0].who, S.from(CARER));
    assert.equal(forMarieke.items[0].meta, `${today} · ${S.toCoordinator}`);
    assert.ok(forMarieke.items[0].paragraphs.includes(COORDINATOR_MESSAGE), 'the message is not shown');
    assertNoLeak('the coordinator\'s overview with the signal', await marieke.content());
  });
  await check(t, marieke, 'overview-coordinator-signal');

  await goto(noor, circlePath());
  await t.test('the professional does not see a signal shared with the coordinator (overview, API)', async () => {
    assert.equal(await readOverviewSignals(noor), null, `the professional sees "${S.overviewHeading}"`);
    assert.ok(!(await noor.content()).includes(RUN), 'the professional\'s overview holds the message');
    const signals = await api(state.nurseToken, circlePath('/signals'));
    assert.equal(signals.status, 200);
    assert.deepEqual(signals.json, [], 'the professional reads the coordinator\'s signal through the API');
  });

  // Taken back, then shared with everybody in the circle.
  const withdrawn = await submitTo(rob, card.getByRole('button', { name: S.withdraw, exact: true }), circlePath('/check-in/signal/withdraw'));
  assert.equal(withdrawn.status(), 303, `taking the signal back answered ${withdrawn.status()}`);
  await rob.waitForURL(url(circlePath('/check-in?done=notice-signal-withdrawn#signal')));
  await rob.getByRole('status').filter({ hasText: S.withdrawn }).waitFor();
  await t.test('taken back: the form is there again, and the coordinator no longer sees it', async () => {
    const now = await readSignalCard(rob);
    assert.ok(now.form, 'no share form after taking the signal back');
    await goto(marieke, circlePath());
    assert.equal(await readOverviewSignals(marieke), null, 'the coordinator still sees the signal');
  });

  await card.getByRole('group', { name: S.audience, exact: true }).getByLabel(S.toCircle, { exact: true }).check();
  await card.getByLabel(S.message, { exact: true }).fill(CIRCLE_MESSAGE);
  const toCircle = await submitTo(rob, card.getByRole('button', { name: S.share, exact: true }), circlePath('/check-in/signal'));
  assert.equal(toCircle.status(), 303, `sharing with the circle answered ${toCircle.status()}`);
  await rob.waitForURL(url(circlePath('/check-in?done=notice-signal-shared#signal')));
  await rob.getByRole('status').filter({ hasText: S.shared }).waitFor();
  const sharedCircle = await readSignalCard(rob);
  await t.test('shared with the circle: the card says so, with the message; the score and the chart are still there for him', async () => {
    assert.deepEqual(sharedCircle.paragraphs.slice(0, 2), [S.sharedCircle(today), CIRCLE_MESSAGE]);
    const page = await readCheckIn(rob);
    assert.equal(page.score.heading, T.checkin.score(state.scores[1], EDIZ.max));
    assert.ok(page.chart, 'the chart is gone');
  });
  await t.test('the check-in with the shared signal and the chart does not scroll sideways on the phone', () => assertNoSidewaysScroll(rob, 'the check-in page'));
  await check(t, rob, 'checkin-signal-circle');

  await goto(rob, circlePath());
  await t.test('the carer\'s own overview says he shared it, in one line that leads to his check-in (not the "Hulp gevraagd" card others see)', async () => {
    assert.equal(await readOverviewSignals(rob), null, `the carer's overview shows "${S.overviewHeading}" for his own signal`);
    const own = await readOwnSignal(rob);
    assert.equal(own.length, 1, `the carer's overview has ${own.length} lines about his own signal`);
    assert.equal(own[0].text, `${S.mine} ${S.ownLink}`);
    assert.deepEqual(own[0].links, [{ text: S.ownLink, href: circlePath('/check-in') }], 'the line offers more than the way to his check-in (help for himself?)');
    assert.ok(!own[0].text.includes(CIRCLE_MESSAGE), 'the line repeats his message');
  });
  await t.test('the line\'s link opens his check-in with the shared signal', async () => {
    await rob.locator('p.own-signal').getByRole('link', { name: S.ownLink, exact: true }).click();
    await rob.waitForURL(url(circlePath('/check-in')));
    const card = await readSignalCard(rob);
    assert.equal(card.paragraphs[0], S.sharedCircle(today));
  });

  // The professional: the signal, only the signal.
  await goto(noor, circlePath());
  const forNoor = await readOverviewSignals(noor);
  await t.test('the professional sees the signal on her overview: name, date, "met iedereen in de kring", the message, and offers to help, to ask for help for him, or to add shifts', () => {
    assert.ok(forNoor, `no "${S.overviewHeading}" on the professional's overview`);
    assert.equal(forNoor.heading, S.overviewHeading);
    assert.equal(forNoor.items.length, 1, `the professional sees ${forNoor.items.length} signals`);
    const item = forNoor.items[0];
    assert.equal(item.who, S.from(CARER));
    assert.equal(item.meta, `${today} · ${S.toCircle}`);
    const offers = [S.offerHelp, S.askHelp(CARER), S.addShifts(CARER)];
    assert.deepEqual(item.paragraphs.slice(1), [CIRCLE_MESSAGE, offers.join(' · ')]);
    assert.deepEqual(item.links, offers);
    assert.ok(!item.paragraphs.join(' ').includes(COORDINATOR_MESSAGE), 'the message shared with the coordinator shows');
  });
  await t.test('the professional\'s overview with the signal holds no score', async () => assertNoLeak('the professional\'s overview with the signal', await noor.content()));
  await check(t, noor, 'overview-nurse-signal');

  await t.test('through the API the professional reads the signal with exactly its six fields: no score, no answers', async () => {
    const signals = await api(state.nurseToken, circlePath('/signals'));
    assert.equal(signals.status, 200, `GET signals answered ${signals.status}: ${signals.text}`);
    assert.equal(signals.json.length, 1, `the professional reads ${signals.json.length} signals`);
    const s = signals.json[0];
    assert.deepEqual(Object.keys(s).sort(), ['audience', 'id', 'member_id', 'message', 'name', 'shared_at']);
    assert.equal(s.audience, 'circle');
    assert.equal(s.name, CARER);
    assert.equal(s.member_id, state.carerMemberId);
    assert.equal(s.message, CIRCLE_MESSAGE);
    assert.equal(isoToday(), new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(s.shared_at)), `shared_at is ${s.shared_at}`);
    assertNoLeak('the signal in the API', signals.text);
    state.signalId = s.id;
  });

  await t.test('with the signal shared, still no page of the circle shows the professional the score or the answers', async () => {
    await sweepPages(noor, NURSE);
  });
  await t.test('with the signal shared, still no API route gives the professional the score or the answers', async () => {
    await sweepApi(state.nurseToken, NURSE);
  });

  await t.test('the professional cannot take the carer\'s signal back (page and API: 403), and it stays', async () => {
    await goto(noor, circlePath());
    const res = await postForm(noor, circlePath('/check-in/signal/withdraw'), []);
    assert.equal(res.status, 403, `POST withdraw answered ${res.status}`);
    const del = await api(state.nurseToken, circlePath('/signals/mine'), { method: 'DELETE' });
    assert.equal(del.status, 403, `DELETE signals/mine answered ${del.status}: ${del.text}`);
    const signals = await api(state.nurseToken, circlePath('/signals'));
    assert.deepEqual(signals.json.map((s) => s.id), [state.signalId], 'the signal is gone or another one appeared');
  });
});
