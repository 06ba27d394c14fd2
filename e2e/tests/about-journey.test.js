'use strict';
// About the client in headless Chromium (Dutch), in the circle of
// Henk de Vries: "Dit ben ik", the empathy maps, the wellbeing plan and
// thank-you cards. Everybody uses a phone-sized window (390×844).
//
// 1. "Dit ben ik". Thijs Bakker (volunteer) opens the tab: the life story is
//    in Henk's own words ("Geschreven door Ellen de Vries op …", "in de eigen
//    woorden van Henk de Vries"). The part "Wat ik niet fijn vind" is for
//    professionals only: Fatima El Amrani (district nurse) reads it ("…schaam
//    ik me…"); Thijs sees only that something is there that others can read,
//    and its form answers 409 saying why. Thijs adds to "Hobby's en clubs", a part he
//    started (so he chooses who sees it): the page shows his new text, "Geschreven
//    door Thijs Bakker op <today>" and "1 eerdere versie" with the old text in
//    the closed details. On the life story, which Ellen started, the form has
//    no audience choice, only "Wie ziet dit: iedereen in de kring"; his posted
//    audience change or removal (valid CSRF token) answers 403.
// 2. Ellen de Vries (representative) changes "Belangrijke plekken" (her part)
//    to "alleen de gekozen personen". Without anyone ticked: 422, "Kies wie het
//    mag zien.", her text kept; a text over 20.000 characters: 422, "Deze
//    tekst is te lang…", kept. With Ans ticked it saves: Ans reads it ("Wie
//    ziet dit: alleen Ans de Vries"); Thijs and Fatima see neither the new text
//    nor the earlier version.
// 3. Empathy maps. The list shows the demo's two maps, newest first, each
//    with the six quadrants (Zegt, Denkt, Doet, Voelt, Zorgen en moeite,
//    Wensen en hoop). Fatima makes a new one: sent with every quadrant empty,
//    422 "Vul ten minste één vak in." and the date and names typed are kept;
//    with "Zegt" filled in it saves and is the first map, for Thijs too.
// 4. The wellbeing plan. The market goal lists Thijs's two progress entries.
//    Thijs clicks "Schrijf hoe het gaat" for it; the logbook form says "Dit
//    bericht gaat over het doel: “…”"; after he writes, the goal lists three
//    entries, his new one first. Fatima adds a goal (the first try without its
//    words: 422) for professionals only: Thijs sees neither the goal nor its
//    form or progress form (404), and his goal count stays one lower.
// 5. A thank-you card. Ans de Vries (family carer) opens Thijs's member card
//    and clicks "Bedank Thijs Bakker": the form has "Bedankje" chosen and
//    Thijs ticked. With JavaScript the recipients and the pictures hide for
//    another kind ("Update") and come back for "Bedankje". She picks "Bloem"
//    for the whole circle: the card with that picture is on Fatima's overview
//    under "Bedankjes" and first under "Bedankjes" on Thijs's member card.
//
// Every page visited is screenshotted at 390×844 and 1280×800 and checked with
// axe-core (serious and critical violations fail), like the other journeys.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const path = require('node:path');
const { test, before, after } = require('node:test');

const { createJourney, clean, PHONE } = require('../lib/journey');

// Its own folder, so the other journeys' screenshots and reports stay.
const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts', 'about');
const TEST_TIMEOUT_MS = 240_000;

const CLIENT = 'Henk de Vries';
const VOLUNTEER = 'Thijs Bakker'; // vrijwilliger
const NURSE = 'Fatima El Amrani'; // beroepskracht (wijkverpleegkundige)
const DAUGHTER = 'Ellen de Vries'; // vertegenwoordiger
const CARER = 'Ans de Vries'; // naaste, his wife

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

// The ten parts of "Dit ben ik", in the order the page shows them.
const PARTS = [
  ['life_story', 'Mijn levensverhaal'],
  ['matters', 'Wat voor mij belangrijk is'],
  ['likes', 'Wat ik fijn vind'],
  ['dislikes', 'Wat ik niet fijn vind'],
  ['rhythm', 'Mijn gewoontes en dagritme'],
  ['hobbies', "Hobby's en clubs"],
  ['people', 'Belangrijke mensen'],
  ['places', 'Belangrijke plekken'],
  ['address', 'Hoe ik aangesproken wil worden'],
  ['gives', 'Wat ik voor anderen doe'],
];
const PART = Object.fromEntries(PARTS);
const QUADRANTS = [
  ['says', 'Zegt'],
  ['thinks', 'Denkt'],
  ['does', 'Doet'],
  ['feels', 'Voelt'],
  ['pains', 'Zorgen en moeite'],
  ['gains', 'Wensen en hoop'],
];

const T = {
  signInButton: 'Inloggen',
  myCircles: 'Mijn kringen',
  membersTab: 'Leden',
  forbidden: 'Dit mag je niet doen in deze kring.',
  errorTitle: 'Dat lukte niet',
  errorSummary: 'Controleer wat je hebt ingevuld',
  saved: 'Opgeslagen.',
  save: 'Opslaan',
  change: 'Aanpassen',
  remove: 'Verwijderen',
  audience: {
    legend: 'Wie mag dit zien?',
    circle: 'iedereen in de kring',
    professionals: 'alleen beroepskrachten (en de cliënt)',
    chosen: 'alleen de gekozen personen',
    chosenNames: (names) => `alleen ${names}`,
    chosenLegend: 'Welke personen? (alleen bij "alleen de gekozen personen")',
    chosenEmpty: 'Kies wie het mag zien.',
  },
  about: {
    tab: 'Dit ben ik',
    heading: 'Dit ben ik',
    empty: 'Nog niets ingevuld.',
    write: 'Schrijven',
    addTo: 'Aanvullen of aanpassen',
    writtenBy: (name, date) => `Geschreven door ${name} op ${date}`,
    ownWords: `in de eigen woorden van ${CLIENT}`,
    whoSees: 'Wie ziet dit:',
    earlier: (n) => (n === 1 ? '1 eerdere versie' : `${n} eerdere versies`),
    text: 'Tekst',
    textHint: 'Elke versie blijft bewaard, met wie hem schreef.',
    emptyRemoves: 'Maak het veld leeg om dit deel te verwijderen.',
    firstPerson: `In de ik-vorm: zo zegt ${CLIENT} het zelf`,
    decided: 'De cliënt, de vertegenwoordiger, wie dit deel begon en wie de kring beheert kiezen wie het ziet.',
    tooLong: 'Deze tekst is te lang. Maak hem korter dan 20.000 tekens.',
    hidden: 'Hier staat iets dat alleen anderen kunnen lezen.',
    partHidden: 'Dit deel kun jij niet lezen: de schrijver of de cliënt koos wie het ziet.',
  },
  empathy: {
    link: 'Empathiekaart',
    heading: 'Empathiekaart',
    latest: (date) => `(laatste van ${date})`,
    add: 'Nieuwe empathiekaart maken',
    of: (date) => `Empathiekaart van ${date}`,
    date: 'Datum',
    madeWith: 'Samen gemaakt met',
    madeWithLine: (names) => `Samen gemaakt met ${names}`,
    empty: 'Vul ten minste één vak in.',
  },
  plan: {
    link: 'Welzijnsplan',
    heading: 'Welzijnsplan',
    goals: (n) => (n === 1 ? '(1 doel)' : `(${n} doelen)`),
    add: 'Nieuw doel',
    writeProgress: 'Schrijf hoe het gaat',
    progress: 'Hoe gaat het',
    noProgress: 'Nog niets geschreven over dit doel.',
    kindAgain: 'Dit wil ik weer doen',
    words: `Het doel, in de woorden van ${CLIENT}`,
    steps: 'Stappen',
    wordsRequired: 'Schrijf het doel op.',
  },
  entry: {
    formHeading: 'Schrijf een bericht',
    aboutGoal: (words) => `Dit bericht gaat over het doel: “${words}”`,
    kind: 'Wat voor bericht is het?',
    update: 'Update',
    thanks: 'Bedankje',
    body: 'Je bericht',
    post: 'Bericht plaatsen',
    posted: 'Je bericht staat in het logboek.',
    recipients: 'Wie wil je bedanken? (alleen bij een bedankje)',
    card: 'Plaatje bij het bedankje (hoeft niet)',
    noPicture: 'Geen plaatje',
    flower: 'Bloem',
    thanksTo: (names) => `bedankt ${names}`,
    visibleTo: (who) => `Zichtbaar voor: ${who}`,
  },
  member: {
    thank: (name) => `Bedank ${name}`,
    thanksHeading: 'Bedankjes',
  },
  overviewThanks: 'Bedankjes',
};

// What the demo seeded (crates/samenspel/src/demo/about.rs).
const DEMO = {
  lifeStoryStart: 'Ik ben Henk, geboren in 1941 in Zwolle.',
  // "Wat ik niet fijn vind", for professionals only.
  dislikesWord: 'schaam',
  newestMapSays: 'Ik wil weer zelf naar de markt.',
  oldestMapSays: 'Ik red me wel. Ans moet niet zo moeilijk doen.',
  marketGoal: 'Ik wil op zaterdag weer zelf naar de markt.',
  // Thijs's two progress entries about the market goal, newest first.
  marketProgress: [
    'De hele route naar de markt gelopen, met één pauze op het bankje. Henk kocht zelf zijn kaas.',
    'Vandaag samen tot de brug gelopen en terug. Henk wilde nog verder!',
  ],
};

// Four random hex characters make the texts unique per run.
const RUN = crypto.randomBytes(2).toString('hex');
const HOBBY_ADDITION = `Sinds kort gaat hij op donderdag ook naar de zangmiddag in het buurthuis (${RUN}).`;
const PLACES_ADDITION = `En het bankje aan de IJssel waar ik met Ans zat (${RUN}).`;
const MAP = { madeWith: `Henk en Fatima (${RUN})`, says: `Ik wil weer zingen, net als vroeger in het koor (${RUN}).` };
const PROGRESS_TEXT = `Vandaag liep Henk het laatste stuk naar de markt alleen; ik liep op afstand mee (${RUN}).`;
const PRIVATE_GOAL = { words: `Ik wil zelf mijn insuline spuiten (${RUN}).`, steps: `Eerst samen met de wijkverpleging oefenen (${RUN}).` };
const THANKS_TEXT = `Thijs, dank je wel dat je zaterdag met Henk naar de markt liep (${RUN}).`;

// The 403, 404, 409 and 422 answers this journey causes on purpose log
// "Failed to load resource" errors; those are expected and left out.
const journey = createJourney({ artifactsDir: ARTIFACTS, client: CLIENT, texts: T, expectedErrors: /status of (403|404|409|422)/ });
const { url, circlePath, openSection, goto, gotoNotFound, expectingError, expectHeading, check, signIn, pageOf, assertNoSidewaysScroll, submitTo, openFold } = journey;

const state = {}; // what the journeys learn along the way

// ---------------------------------------------------------------------------
// Helpers

/** "YYYY-MM-DD" for today plus `days`, in Amsterdam (the app's time zone). */
function isoDay(days = 0) {
  const at = new Date(Date.now() + days * 24 * 3600 * 1000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** How the app writes a day: "2026-09-01" → "1 september 2026". */
function dutchDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "1 september 2026" → "2026-09-01"; fails on anything else. */
function isoOf(dutch) {
  const m = /^(\d{1,2}) (\S+) (\d{4})$/.exec(dutch || '');
  assert.ok(m && MONTHS.includes(m[2]), `"${dutch}" is not a Dutch date like "1 september 2026"`);
  return `${m[3]}-${String(MONTHS.indexOf(m[2]) + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

/** A string for a RegExp, its special characters escaped. */
function esc(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The accessible name of a button or link whose visible text is followed by
 * a visually hidden ": <what>" (e.g. "Aanvullen of aanpassen: Hobby's en
 * clubs"). Chromium puts a space before the colon, as the hidden span is
 * positioned absolutely; both forms are accepted.
 */
function withHidden(visible, what) {
  return new RegExp(`^${esc(visible)} ?: ${esc(what)}$`);
}

/** A status notice ("Opgeslagen.") is shown. */
async function expectNotice(page, text) {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

/** The circle's overview → a tab of the circle's navigation. */
async function openTab(page, name, pathname) {
  await goto(page, circlePath());
  await expectHeading(page, CLIENT);
  const current = await openSection(page, name, pathname);
  assert.equal(await current.getAttribute('aria-current'), 'page', `the "${name}" tab is not marked as the current page`);
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

/** The error summary lists exactly these messages, each linking to a target on the page. */
async function assertErrorSummary(page, messages) {
  const summary = page.getByRole('alert');
  await summary.getByRole('heading', { name: T.errorSummary, exact: true }).waitFor();
  const links = summary.getByRole('link');
  assert.deepEqual((await links.allTextContents()).map(clean), messages, 'the error summary lists something else');
  for (const link of await links.all()) {
    const target = await link.getAttribute('href');
    assert.equal(await page.locator(target).count(), 1, `the error summary links to ${target}, which is not on the page`);
    assert.ok(await page.locator(target).isVisible(), `the error summary links to ${target}, which is hidden`);
  }
}

// --- Dit ben ik ---------------------------------------------------------------

/** Every part of "Dit ben ik" as shown, by its key, and the links to the maps and the plan. */
async function readAbout(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    const text = (root, sel) => {
      const el = root.querySelector(sel);
      return el ? clean(el.textContent) : null;
    };
    const parts = {};
    const order = [];
    for (const s of document.querySelectorAll('section.about-part')) {
      const key = s.id.replace(/^part-/, '');
      order.push(key);
      const h = s.querySelector('h3');
      const body = s.querySelector(':scope > .entry-body');
      const details = s.querySelector(':scope > details.history');
      const action = s.querySelector(':scope > p > a.button');
      parts[key] = {
        heading: clean(h && h.textContent),
        labelled: Boolean(h) && s.getAttribute('aria-labelledby') === h.id,
        paragraphs: body ? [...body.children].map((el) => clean(el.textContent)) : null,
        firstPerson: body ? body.classList.contains('first-person') : null,
        meta: text(s, ':scope > p.meta'),
        empty: text(s, ':scope > p.hint'),
        history: details
          ? {
              summary: clean(details.querySelector('summary').textContent),
              open: details.open,
              items: [...details.querySelectorAll('ol > li')].map((li) => ({ meta: text(li, '.meta'), text: li.querySelector('.earlier').textContent })),
            }
          : null,
        action: action ? { text: clean(action.textContent), href: action.getAttribute('href') } : null,
      };
    }
    const links = {};
    for (const li of document.querySelectorAll('ul.link-row > li')) {
      const a = li.querySelector('a');
      links[clean(a.textContent)] = { href: a.getAttribute('href'), meta: text(li, '.meta') };
    }
    return { parts, order, links };
  });
}

/** The audience part of a form: the radios (label → checked) or the fixed line. */
async function readAudience(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    const radios = [...document.querySelectorAll('fieldset#audience input[type="radio"][name="audience"]')].map((r) => ({
      value: r.value,
      checked: r.checked,
    }));
    const chosen = document.querySelector('fieldset#chosen');
    const fixed = document.querySelector('form p.facts-line');
    return {
      radios,
      chosen: chosen
        ? {
            hidden: chosen.hidden,
            ticked: [...chosen.querySelectorAll('input[type="checkbox"]:checked')].map((c) => clean(c.labels[0] && c.labels[0].textContent)),
            error: clean(chosen.querySelector('.field-error') && chosen.querySelector('.field-error').textContent),
          }
        : null,
      fixed: fixed ? clean(fixed.textContent) : null,
      fixedHint: fixed && fixed.nextElementSibling ? clean(fixed.nextElementSibling.textContent) : null,
    };
  });
}

/** The part's form: "Aanvullen of aanpassen: <part>" (or "Schrijven: …") on the about page. */
async function openPartForm(page, key, { empty = false } = {}) {
  const name = withHidden(empty ? T.about.write : T.about.addTo, PART[key]);
  await page.getByRole('link', { name }).click();
  await page.waitForURL(url(circlePath(`/about/parts/${key}`)));
  await expectHeading(page, PART[key], 2);
}

/** "Opslaan" on a part's form; resolves with the answer to the POST. */
function savePart(page, key) {
  return submitTo(page, page.getByRole('button', { name: T.save, exact: true }), circlePath(`/about/parts/${key}`));
}

/** After a saved part: back on "Dit ben ik" at the part, with "Opgeslagen.". */
async function expectPartSaved(page, key, response) {
  assert.equal(response.status(), 303, `saving "${PART[key]}" answered ${response.status()}`);
  await page.waitForURL(url(circlePath(`/about?done=notice-saved#part-${key}`)));
  await expectNotice(page, T.saved);
}

// --- Empathy maps --------------------------------------------------------------

/** The empathy maps as listed: id, heading, "Samen gemaakt met", quadrants, meta, buttons. */
async function readMaps(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    return [...document.querySelectorAll('section.empathy-map')].map((s) => {
      const metas = [...s.querySelectorAll(':scope > p.meta')].map((p) => clean(p.textContent));
      return {
        id: s.id.replace(/^map-/, ''),
        heading: clean(s.querySelector('h3').textContent),
        labelled: s.getAttribute('aria-labelledby') === s.querySelector('h3').id,
        madeWith: metas.find((m) => m.startsWith('Samen gemaakt met')) || null,
        meta: metas[metas.length - 1] || null,
        quadrants: [...s.querySelectorAll('.empathy-grid > .quadrant')].map((q) => ({
          key: (/quadrant-(\w+)/.exec(q.className) || [])[1],
          heading: clean(q.querySelector('h4').textContent),
          text: clean(q.querySelector('p').textContent),
        })),
        buttons: [...s.querySelectorAll('a.button, button')].map((b) => clean(b.textContent)),
      };
    });
  });
}

/** The maps' dates (from their headings), in the order listed. */
function mapDates(maps) {
  return maps.map((m) => isoOf(m.heading.replace(/^Empathiekaart van /, '')));
}

// --- Wellbeing plan ----------------------------------------------------------

/** The goals on the plan: id, kind, words, facts, progress (date, link, author, text), buttons and meta. */
async function readPlan(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    return [...document.querySelectorAll('section.goal')].map((s) => {
      const facts = {};
      for (const dt of s.querySelectorAll('dl.facts > dt')) facts[clean(dt.textContent)] = clean(dt.nextElementSibling && dt.nextElementSibling.textContent);
      const h4 = s.querySelector('h4');
      const none = h4 && h4.nextElementSibling && h4.nextElementSibling.matches('p.hint') ? clean(h4.nextElementSibling.textContent) : null;
      return {
        id: s.id.replace(/^goal-/, ''),
        active: s.classList.contains('goal-active'),
        labelled: s.getAttribute('aria-labelledby') === s.querySelector('h3').id,
        eyebrow: clean(s.querySelector('.eyebrow').textContent),
        words: clean(s.querySelector('h3').textContent),
        facts,
        progressHeading: clean(h4 && h4.textContent),
        none,
        progress: [...s.querySelectorAll('ul.progress-list > li')].map((li) => {
          const a = li.querySelector('a');
          const date = clean(a.textContent);
          // "<date>, <author>: <text>"
          const all = clean(li.textContent);
          const rest = all.startsWith(`${date}, `) ? all.slice(date.length + 2) : all;
          const colon = rest.indexOf(': ');
          return { date, href: a.getAttribute('href'), author: colon < 0 ? null : rest.slice(0, colon), text: colon < 0 ? rest : rest.slice(colon + 2) };
        }),
        buttons: [...s.querySelectorAll('a.button, button')].map((b) => clean(b.textContent)),
        meta: clean(s.querySelector(':scope > p.meta') && s.querySelector(':scope > p.meta').textContent),
      };
    });
  });
}

/** The goal's words as the plan's heading shows them. */
function quoted(words) {
  return `“${words}”`;
}

// --- Logbook, members, overview -------------------------------------------------

/** The author and the text of the entry page that is open. */
async function readEntry(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    const art = document.querySelector('article.entry');
    const thanksCard = art.querySelector('.thanks-card');
    return {
      author: clean(art.querySelector('h2.entry-title a').textContent),
      thanked: clean(art.querySelector('.thanked') && art.querySelector('.thanked').textContent),
      kind: clean(art.querySelector('.kind-badge').textContent),
      body: clean(art.querySelector('.entry-body').textContent),
      art: thanksCard && thanksCard.querySelector(':scope > svg.card-art') ? thanksCard.querySelector(':scope > svg.card-art').outerHTML : null,
      audience: clean(art.querySelector('.entry-foot .audience').textContent),
    };
  });
}

/** The entry summaries in a list (`root`, a selector): kind, link, picture, audience. */
async function readSummaries(page, root) {
  return page.evaluate((root) => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    const section = document.querySelector(root);
    if (!section) return null;
    return [...section.querySelectorAll('li.entry-summary')].map((li) => {
      const a = li.querySelector('a.entry-link');
      const svg = li.querySelector('.summary-art > svg.card-art');
      return {
        kind: clean(li.querySelector('.kind-badge').textContent),
        text: clean(a.textContent),
        href: a.getAttribute('href'),
        art: svg ? svg.outerHTML : null,
        artHidden: svg ? svg.getAttribute('aria-hidden') : null,
        audience: clean(li.querySelector('.audience').textContent),
      };
    });
  }, root);
}

/** From the members list ("Leden") to a member's card; returns its path. */
async function openMemberCard(page, name) {
  await openTab(page, T.membersTab, '/members');
  const link = page.locator('ul.member-list a.member-name').filter({ hasText: name });
  assert.equal(await link.count(), 1, `the members list has ${await link.count()} links named ${name}`);
  const href = await link.getAttribute('href');
  await link.click();
  await page.waitForURL(url(href));
  await expectHeading(page, new RegExp(`^${name}`), 2);
  return href;
}

// ---------------------------------------------------------------------------

before(async () => {
  await journey.start();
});

after(async () => {
  await journey.stop();
});

test('Thijs (volunteer), Fatima (district nurse), Ellen (representative) and Ans (family carer) sign in, all on a phone', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await signIn(t, VOLUNTEER, PHONE, 'volunteer');
  await signIn(t, NURSE, PHONE, 'nurse');
  await signIn(t, DAUGHTER, PHONE, 'representative');
  await signIn(t, CARER, PHONE, 'carer');
});

test('Journey 1: "Dit ben ik" in Henk\'s own words; the professionals-only part stays hidden from the volunteer; his addition keeps the earlier version; he cannot change who sees a part he did not start', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const thijs = pageOf(VOLUNTEER);
  const fatima = pageOf(NURSE);
  const A = T.about;
  const today = dutchDay(isoDay(0));

  // Fatima, a professional, reads the part for professionals only.
  await openTab(fatima, A.tab, '/about');
  await expectHeading(fatima, A.heading, 2);
  const forNurse = await readAbout(fatima);
  const dislikes = forNurse.parts.dislikes;
  await t.test(`the nurse reads "${PART.dislikes}" (in Henk's words, "${DEMO.dislikesWord}"), marked for professionals only`, () => {
    assert.ok(dislikes && dislikes.paragraphs, `the nurse does not see "${PART.dislikes}"`);
    assert.ok(dislikes.paragraphs.join(' ').includes(DEMO.dislikesWord), `"${PART.dislikes}" reads "${dislikes.paragraphs.join(' ')}"`);
    assert.match(dislikes.meta, new RegExp(`^${A.writtenBy(DAUGHTER, '[^·]+')} · ${A.ownWords} · ${A.whoSees} ${esc(T.audience.professionals)}$`));
  });
  state.dislikesText = dislikes.paragraphs.join(' ');
  await check(t, fatima, 'about-nurse');

  // Thijs: the tab "Dit ben ik".
  await openTab(thijs, A.tab, '/about');
  await expectHeading(thijs, A.heading, 2);
  const before = await readAbout(thijs);
  const life = before.parts.life_story;
  await t.test('the volunteer sees all ten parts in order, each a section named by its heading', () => {
    assert.deepEqual(before.order, PARTS.map(([key]) => key));
    assert.deepEqual(before.order.map((k) => before.parts[k].heading), PARTS.map(([, heading]) => heading));
    for (const k of before.order) assert.ok(before.parts[k].labelled, `the section "${PART[k]}" is not labelled by its heading`);
  });
  await t.test('the life story is in Henk\'s own words: "Geschreven door Ellen de Vries op <date>", "in de eigen woorden van Henk de Vries", for the whole circle', () => {
    assert.ok(life.paragraphs, 'the volunteer does not see the life story');
    assert.ok(life.paragraphs[0].startsWith(DEMO.lifeStoryStart), `the life story starts "${life.paragraphs[0]}"`);
    assert.equal(life.firstPerson, true, 'the life story is not marked as the client\'s own words');
    const m = new RegExp(`^${A.writtenBy(DAUGHTER, '(.+?)')} · ${A.ownWords} · ${A.whoSees} ${T.audience.circle}$`).exec(life.meta);
    assert.ok(m, `the life story's line reads "${life.meta}"`);
    assert.ok(isoOf(m[1]) < isoDay(0), `the demo's life story is dated ${m[1]}, not before today`);
  });
  await t.test(`the volunteer does not see "${PART.dislikes}": not its text, not "${DEMO.dislikesWord}" anywhere on the page`, async () => {
    assert.equal(before.parts.dislikes.paragraphs, null, `the volunteer reads "${PART.dislikes}": ${before.parts.dislikes.paragraphs}`);
    assert.equal(before.parts.dislikes.empty, A.hidden, 'the page does not say that a part is there');
    assert.equal(before.parts.dislikes.action, null, 'the volunteer is offered to write into a part he cannot read');
    const html = await thijs.content();
    assert.ok(!html.toLowerCase().includes(DEMO.dislikesWord), `"${DEMO.dislikesWord}" is on the volunteer's page`);
    assert.ok(!html.includes(state.dislikesText), 'the professionals-only text is on the volunteer\'s page');
  });
  await t.test('"Dit ben ik" does not scroll sideways on the phone', () => assertNoSidewaysScroll(thijs, '"Dit ben ik"'));
  await check(t, thijs, 'about-volunteer');
  state.placesBefore = before.parts.places.paragraphs.join(' ');

  // The hidden part's form is closed to him: it says why, and shows nothing of the text.
  const closed = await expectingError(async () => {
    const response = await goto(thijs, circlePath('/about/parts/dislikes'), 409);
    await expectHeading(thijs, T.errorTitle, 1);
    return response;
  });
  await t.test(`the form of "${PART.dislikes}" answers 409 ("${A.partHidden}") and shows nothing of the hidden text`, async () => {
    assert.equal(closed.status(), 409, `the hidden part's form answered ${closed.status()}`);
    await thijs.getByText(A.partHidden, { exact: true }).waitFor();
    assert.ok(!(await thijs.content()).toLowerCase().includes(DEMO.dislikesWord), `"${DEMO.dislikesWord}" is on the page`);
  });
  await check(t, thijs, 'about-part-hidden-volunteer');

  // "Hobby's en clubs": his own part, so he chooses who sees it.
  await goto(thijs, circlePath('/about'));
  const hobbies = before.parts.hobbies;
  assert.ok(hobbies.paragraphs, `the volunteer does not see "${PART.hobbies}"`);
  await openPartForm(thijs, 'hobbies');
  const oldHobbies = await thijs.getByLabel(A.text, { exact: true }).inputValue();
  const hobbyForm = await readAudience(thijs);
  await t.test(`the form of "${PART.hobbies}" (he started it) holds the current text and lets him choose who sees it`, async () => {
    assert.equal(clean(oldHobbies), hobbies.paragraphs.join(' '), 'the form does not hold the text shown');
    assert.match(hobbies.meta, new RegExp(`^${A.writtenBy(VOLUNTEER, '.+')} · `), `"${PART.hobbies}" was not started by the volunteer in the demo`);
    assert.deepEqual(hobbyForm.radios.map((r) => r.value), ['circle', 'professionals', 'informal', 'chosen']);
    assert.deepEqual(hobbyForm.radios.filter((r) => r.checked).map((r) => r.value), ['circle'], 'the current audience is not the one ticked');
    assert.equal(hobbyForm.chosen.hidden, true, 'the list of people shows while "alleen de gekozen personen" is not chosen');
    assert.equal(hobbyForm.fixed, null);
    assert.equal(clean(await thijs.locator('#text-hint').textContent()), `${A.textHint} ${A.emptyRemoves}`);
  });
  await t.test('the part form does not scroll sideways on the phone', () => assertNoSidewaysScroll(thijs, 'the part form'));
  await check(t, thijs, 'about-part-form-volunteer');
  const newHobbies = `${oldHobbies.trim()} ${HOBBY_ADDITION}`;
  await thijs.getByLabel(A.text, { exact: true }).fill(newHobbies);
  await expectPartSaved(thijs, 'hobbies', await savePart(thijs, 'hobbies'));
  const added = (await readAbout(thijs)).parts.hobbies;
  await t.test(`"${PART.hobbies}" shows his new text, "${A.writtenBy(VOLUNTEER, today)}" and "${A.earlier(1)}" with the old text inside the closed details`, async () => {
    assert.deepEqual(added.paragraphs, [newHobbies]);
    assert.equal(added.firstPerson, false);
    assert.equal(added.meta, `${A.writtenBy(VOLUNTEER, today)} · ${A.whoSees} ${T.audience.circle}`);
    assert.ok(added.history, 'no earlier versions');
    assert.equal(added.history.summary, A.earlier(1));
    assert.equal(added.history.open, false, 'the earlier versions are open from the start');
    assert.deepEqual(added.history.items, [{ meta: hobbies.meta.split(' · ')[0], text: oldHobbies.trim() }]);
    const earlier = thijs.locator('#part-hobbies details.history .earlier');
    assert.equal(await earlier.isVisible(), false, 'the old text shows before the details are opened');
    await thijs.locator('#part-hobbies details.history summary').click();
    await earlier.waitFor({ state: 'visible' });
  });
  await check(t, thijs, 'about-after-addition');

  // The life story: started by Ellen, so no choice of audience for him.
  await openPartForm(thijs, 'life_story');
  const lifeForm = await readAudience(thijs);
  await t.test(`the life story's form has no audience choice: it says "${A.whoSees} ${T.audience.circle}" and who decides`, async () => {
    assert.deepEqual(lifeForm.radios, [], 'the volunteer may choose who sees the life story');
    assert.equal(lifeForm.chosen, null, 'the volunteer gets a list of people to choose');
    assert.equal(lifeForm.fixed, `${A.whoSees} ${T.audience.circle}`);
    assert.equal(lifeForm.fixedHint, A.decided);
    assert.equal(clean(await thijs.locator('#text-hint').textContent()), A.textHint, 'the volunteer is told he can remove the part');
    assert.ok((await thijs.getByLabel(A.text, { exact: true }).inputValue()).startsWith(DEMO.lifeStoryStart), 'the form does not hold the life story');
    assert.ok(await thijs.getByLabel(A.firstPerson, { exact: true }).isChecked(), 'the form does not keep "in de ik-vorm"');
  });
  await check(t, thijs, 'about-part-form-no-audience');
  await t.test('his posted audience change or removal of the life story (valid CSRF token) answers 403 and changes nothing', async () => {
    const action = circlePath('/about/parts/life_story');
    for (const fields of [
      [['text', `${DEMO.lifeStoryStart} (${RUN})`], ['first_person', 'on'], ['audience', 'professionals']],
      [['text', '']],
    ]) {
      const res = await postForm(thijs, action, fields);
      assert.equal(res.status, 403, `POST ${JSON.stringify(fields.map(([k]) => k))} answered ${res.status} (${res.type})`);
      assert.ok(res.text.includes(T.forbidden), `the 403 is not "${T.forbidden}" (a CSRF failure?): ${res.text.slice(0, 200)}`);
    }
    await goto(fatima, circlePath('/about'));
    const now = (await readAbout(fatima)).parts.life_story;
    assert.deepEqual(now.paragraphs, life.paragraphs, 'the life story changed');
    assert.equal(now.meta, life.meta, 'the life story has another writer or audience');
    assert.equal(now.history, null, 'the refused posts left a version');
  });
});

test('Journey 2: the representative makes "Belangrijke plekken" visible to Ans only; bad input is refused in Dutch and kept; Ans reads it, the volunteer and the nurse do not', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const ellen = pageOf(DAUGHTER);
  const ans = pageOf(CARER);
  const thijs = pageOf(VOLUNTEER);
  const fatima = pageOf(NURSE);
  const A = T.about;
  const today = dutchDay(isoDay(0));

  await openTab(ellen, A.tab, '/about');
  const before = (await readAbout(ellen)).parts.places;
  await t.test(`"${PART.places}" was started by the representative, for the whole circle, and the volunteer read it`, () => {
    assert.ok(before.paragraphs, `the representative does not see "${PART.places}"`);
    assert.equal(before.paragraphs.join(' '), state.placesBefore, 'the volunteer saw another text');
    assert.match(before.meta, new RegExp(`^${A.writtenBy(DAUGHTER, '.+')} · ${A.ownWords} · ${A.whoSees} ${T.audience.circle}$`));
  });
  await check(t, ellen, 'about-representative');
  await openPartForm(ellen, 'places');
  const oldText = (await ellen.getByLabel(A.text, { exact: true }).inputValue()).trim();
  const newText = `${oldText} ${PLACES_ADDITION}`;
  const text = ellen.getByLabel(A.text, { exact: true });
  await text.fill(newText);
  const chosenRadio = ellen.getByRole('group', { name: T.audience.legend, exact: true }).getByRole('radio', { name: new RegExp(`^${T.audience.chosen}`) });
  await chosenRadio.check();
  const people = ellen.getByRole('group', { name: T.audience.chosenLegend, exact: true });
  await people.waitFor({ state: 'visible' });

  // Nobody ticked: 422.
  const nobody = await expectingError(async () => {
    const response = await savePart(ellen, 'places');
    await ellen.locator('.error-summary').waitFor();
    return response;
  });
  await t.test(`"${T.audience.chosen}" without anyone ticked: 422 "${T.audience.chosenEmpty}", the text and the choice kept`, async () => {
    assert.equal(nobody.status(), 422, `the form without anyone chosen answered ${nobody.status()}`);
    await assertErrorSummary(ellen, [T.audience.chosenEmpty]);
    const form = await readAudience(ellen);
    assert.equal(form.chosen.error, T.audience.chosenEmpty, 'the list of people does not say what is missing');
    assert.equal(form.chosen.hidden, false, 'the list of people is hidden after the error');
    assert.deepEqual(form.radios.filter((r) => r.checked).map((r) => r.value), ['chosen']);
    assert.equal(await text.inputValue(), newText, 'the text typed is lost');
    assert.ok(await ellen.getByLabel(A.firstPerson, { exact: true }).isChecked(), '"in de ik-vorm" is lost');
  });
  await t.test('the part form with the error does not scroll sideways on the phone', () => assertNoSidewaysScroll(ellen, 'the part form'));
  await check(t, ellen, 'about-part-form-error');

  // Ans ticked, but a text over the limit. The browser's maxlength stops typing
  // at 20.000 characters; the server must refuse a longer text that gets there anyway.
  const ansBox = people.getByRole('checkbox', { name: new RegExp(`^${CARER} \\(`) });
  await ansBox.check();
  const tooLong = `${newText} ${'a'.repeat(20_001 - newText.length - 1)}`;
  assert.equal(tooLong.length, 20_001);
  await text.evaluate((el, value) => {
    el.value = value;
  }, tooLong);
  const long = await expectingError(async () => {
    const response = await savePart(ellen, 'places');
    await ellen.locator('.error-summary').waitFor();
    return response;
  });
  await t.test(`a text of 20.001 characters: 422 "${A.tooLong}", the text and Ans kept`, async () => {
    assert.equal(long.status(), 422, `the long text answered ${long.status()}`);
    await assertErrorSummary(ellen, [A.tooLong]);
    assert.equal(clean(await ellen.locator('#text-error').textContent()), A.tooLong);
    assert.equal(await text.getAttribute('aria-invalid'), 'true');
    assert.match(await text.getAttribute('aria-describedby'), /\btext-error\b/);
    assert.equal((await text.inputValue()).length, tooLong.length, 'the long text was not kept');
    assert.deepEqual((await readAudience(ellen)).chosen.ticked, [`${CARER} (naaste)`], 'Ans is no longer ticked');
  });
  await t.test('the refused forms left the part as it was (the volunteer still reads the old text)', async () => {
    await goto(thijs, circlePath('/about'));
    assert.equal((await readAbout(thijs)).parts.places.paragraphs.join(' '), state.placesBefore);
  });

  await text.fill(newText);
  await expectPartSaved(ellen, 'places', await savePart(ellen, 'places'));
  const saved = (await readAbout(ellen)).parts.places;
  // The writer is always among the chosen (names in alphabetical order).
  const expectedMeta = `${A.writtenBy(DAUGHTER, today)} · ${A.ownWords} · ${A.whoSees} ${T.audience.chosenNames([CARER, DAUGHTER].sort().join(', '))}`;
  await t.test(`saved: her text, "${expectedMeta}", and the earlier version`, () => {
    assert.deepEqual(saved.paragraphs, [newText]);
    assert.equal(saved.meta, expectedMeta);
    assert.equal(saved.history && saved.history.summary, A.earlier(1));
    assert.equal(saved.history.items[0].text.trim(), oldText);
  });
  await check(t, ellen, 'about-chosen-saved');

  await openTab(ans, A.tab, '/about');
  const forAns = (await readAbout(ans)).parts.places;
  await t.test('Ans, the one chosen, reads the part with the same line', () => {
    assert.deepEqual(forAns.paragraphs, [newText], 'Ans does not read the part');
    assert.equal(forAns.meta, expectedMeta);
  });
  await check(t, ans, 'about-carer');

  for (const [name, page] of [[VOLUNTEER, thijs], [NURSE, fatima]]) {
    await goto(page, circlePath('/about'));
    const seen = (await readAbout(page)).parts.places;
    await t.test(`${name}, not chosen, sees neither the new text nor the earlier version, on the page or in the form`, async () => {
      assert.equal(seen.paragraphs, null, `${name} reads the part: ${seen.paragraphs}`);
      assert.equal(seen.empty, A.hidden);
      let html = await page.content();
      assert.ok(!html.includes(PLACES_ADDITION), `${name}'s page holds the new text`);
      assert.ok(!html.includes(oldText), `${name}'s page holds the earlier version`);
      await expectingError(() => goto(page, circlePath('/about/parts/places'), 409));
      await page.getByText(A.partHidden, { exact: true }).waitFor();
      html = await page.content();
      assert.ok(!html.includes(PLACES_ADDITION) && !html.includes(oldText), `${name}'s form holds the part`);
    });
  }
});

test('Journey 3: empathy maps are kept by date, newest first; a new map with nothing filled in is refused and keeps its date; saved, it comes first', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const fatima = pageOf(NURSE);
  const thijs = pageOf(VOLUNTEER);
  const E = T.empathy;
  const madeOn = isoDay(-1);

  await openTab(fatima, T.about.tab, '/about');
  const links = (await readAbout(fatima)).links;
  await fatima.getByRole('link', { name: E.link, exact: true }).click();
  await fatima.waitForURL(url(circlePath('/about/empathy')));
  await expectHeading(fatima, E.heading, 2);
  const before = await readMaps(fatima);
  await t.test('the list shows the demo\'s two maps, newest first, each with the six quadrants in order', () => {
    assert.equal(before.length, 2, `the list shows ${before.length} maps`);
    const dates = mapDates(before);
    assert.deepEqual(dates, [...dates].sort().reverse(), `the maps are not newest first: ${dates.join(', ')}`);
    for (const m of before) {
      assert.ok(m.labelled, `the map "${m.heading}" is not labelled by its heading`);
      assert.deepEqual(m.quadrants.map((q) => [q.key, q.heading]), QUADRANTS, `the quadrants of "${m.heading}"`);
    }
    assert.equal(before[0].quadrants[0].text, DEMO.newestMapSays);
    assert.equal(before[1].quadrants[0].text, DEMO.oldestMapSays);
    assert.equal(links[E.link].meta, E.latest(before[0].heading.replace(/^Empathiekaart van /, '')), '"Dit ben ik" does not name the newest map');
  });
  await t.test('the empathy maps do not scroll sideways on the phone', () => assertNoSidewaysScroll(fatima, 'the empathy maps'));
  await check(t, fatima, 'empathy-maps');

  await fatima.getByRole('link', { name: E.add, exact: true }).click();
  await fatima.waitForURL(url(circlePath('/about/empathy/new')));
  await expectHeading(fatima, E.add, 2);
  await t.test('the form has a field for each quadrant, empty', async () => {
    for (const [key, label] of QUADRANTS) {
      assert.equal(await fatima.getByLabel(label, { exact: true }).inputValue(), '', `"${label}" is not empty`);
      assert.equal(await fatima.getByLabel(label, { exact: true }).getAttribute('id'), key);
    }
  });
  await t.test('the empathy form does not scroll sideways on the phone', () => assertNoSidewaysScroll(fatima, 'the empathy form'));
  await check(t, fatima, 'empathy-form');

  await fatima.getByLabel(E.date, { exact: true }).fill(madeOn);
  await fatima.getByLabel(E.madeWith, { exact: true }).fill(MAP.madeWith);
  const save = () => submitTo(fatima, fatima.getByRole('button', { name: T.save, exact: true }), circlePath('/about/empathy'));
  const empty = await expectingError(async () => {
    const response = await save();
    await fatima.locator('.error-summary').waitFor();
    return response;
  });
  await t.test(`all quadrants empty: 422 "${E.empty}", the date and the names kept, no map added`, async () => {
    assert.equal(empty.status(), 422, `the empty map answered ${empty.status()}`);
    await assertErrorSummary(fatima, [E.empty]);
    assert.equal(clean(await fatima.locator('#says-error').textContent()), E.empty);
    assert.equal(await fatima.getByLabel(E.date, { exact: true }).inputValue(), madeOn, 'the date is lost');
    assert.equal(await fatima.getByLabel(E.madeWith, { exact: true }).inputValue(), MAP.madeWith, 'the names are lost');
    const other = await journey.people[NURSE].context.newPage();
    try {
      await goto(other, circlePath('/about/empathy'));
      assert.equal((await readMaps(other)).length, before.length, 'the refused form added a map');
    } finally {
      await other.close();
    }
  });
  await check(t, fatima, 'empathy-form-error');

  await fatima.getByLabel(QUADRANTS[0][1], { exact: true }).fill(MAP.says);
  const saved = await save();
  assert.equal(saved.status(), 303, `saving the map answered ${saved.status()}`);
  await fatima.waitForURL(new RegExp(`${circlePath('/about/empathy')}\\?done=notice-saved#map-[^/?#]+$`));
  const mapId = new URL(fatima.url()).hash.replace(/^#map-/, '');
  await expectNotice(fatima, T.saved);
  const after = await readMaps(fatima);
  await t.test('the new map is first: its date, "Zegt" filled in, the others "—", written by the nurse today for the whole circle', () => {
    assert.equal(after.length, before.length + 1);
    assert.equal(after[0].id, mapId, 'the map saved is not the first one');
    assert.equal(after[0].heading, E.of(dutchDay(madeOn)));
    assert.equal(after[0].madeWith, E.madeWithLine(MAP.madeWith));
    assert.deepEqual(after[0].quadrants.map((q) => q.text), [MAP.says, '—', '—', '—', '—', '—']);
    assert.equal(after[0].meta, `${T.about.writtenBy(NURSE, dutchDay(isoDay(0)))} · ${T.about.whoSees} ${T.audience.circle}`);
    assert.deepEqual(after.slice(1).map((m) => m.id), before.map((m) => m.id), 'the older maps changed place');
    const dates = mapDates(after);
    assert.deepEqual(dates, [...dates].sort().reverse(), `the maps are not newest first: ${dates.join(', ')}`);
  });
  await check(t, fatima, 'empathy-maps-added');

  await goto(thijs, circlePath('/about/empathy'));
  const forThijs = await readMaps(thijs);
  await t.test('the volunteer sees the new map first too; he may correct it but not remove it', () => {
    assert.deepEqual(forThijs.map((m) => m.id), after.map((m) => m.id));
    const label = `${T.change}: ${E.of(dutchDay(madeOn))}`;
    assert.ok(forThijs[0].buttons.includes(label), `the volunteer has no "${label}": ${forThijs[0].buttons.join(', ')}`);
    assert.ok(!forThijs[0].buttons.some((b) => b.startsWith(T.remove)), 'the volunteer may remove the nurse\'s map');
    assert.ok(after[0].buttons.some((b) => b.startsWith(T.remove)), 'the nurse may not remove her own map');
  });
  await goto(thijs, circlePath('/about'));
  await t.test('"Dit ben ik" names the new map as the latest', async () => {
    assert.equal((await readAbout(thijs)).links[E.link].meta, E.latest(dutchDay(madeOn)));
  });
});

test('Journey 4: the wellbeing plan: the volunteer writes progress on the market goal from the plan; a goal for professionals only stays hidden from him', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const thijs = pageOf(VOLUNTEER);
  const fatima = pageOf(NURSE);
  const P = T.plan;
  const today = dutchDay(isoDay(0));

  await openTab(thijs, T.about.tab, '/about');
  const countBefore = (await readAbout(thijs)).links[P.link].meta;
  await thijs.getByRole('link', { name: P.link, exact: true }).click();
  await thijs.waitForURL(url(circlePath('/plan')));
  await expectHeading(thijs, P.heading, 2);
  const plan = await readPlan(thijs);
  const market = plan.find((g) => g.words === quoted(DEMO.marketGoal));
  await t.test('the market goal lists its two progress entries, newest first, linking to the logbook', () => {
    assert.ok(market, `no goal ${quoted(DEMO.marketGoal)}: ${plan.map((g) => g.words).join(', ')}`);
    assert.ok(market.labelled, 'the goal is not labelled by its heading');
    assert.equal(market.progressHeading, P.progress);
    assert.deepEqual(market.progress.map((p) => p.text), DEMO.marketProgress);
    const dates = market.progress.map((p) => isoOf(p.date));
    assert.deepEqual(dates, [...dates].sort().reverse(), `the progress is not newest first: ${dates.join(', ')}`);
    for (const p of market.progress) assert.match(p.href, new RegExp(`^${circlePath('/logbook/')}[^/?#]+$`));
    assert.equal(countBefore, P.goals(plan.filter((g) => g.active).length), '"Dit ben ik" counts other goals than the plan shows');
  });
  await t.test('both progress entries were written by the volunteer (the plan and their entry pages say so)', async () => {
    for (const p of market.progress) {
      assert.equal(p.author, VOLUNTEER, `the plan names ${p.author} as the writer of ${p.href}`);
      await goto(thijs, p.href);
      const entry = await readEntry(thijs);
      assert.equal(entry.author, VOLUNTEER, `${p.href} was written by ${entry.author}`);
      assert.equal(entry.body, p.text);
    }
    await goto(thijs, circlePath('/plan'));
  });
  await t.test('the plan does not scroll sideways on the phone', () => assertNoSidewaysScroll(thijs, 'the plan'));
  await check(t, thijs, 'plan-volunteer');

  // "Schrijf hoe het gaat" → the logbook form about the goal.
  await thijs.getByRole('link', { name: withHidden(P.writeProgress, DEMO.marketGoal) }).click();
  await thijs.waitForURL(url(circlePath(`/logbook/new?goal=${market.id}`)));
  await expectHeading(thijs, T.entry.formHeading, 2);
  await t.test(`the logbook form says "${T.entry.aboutGoal(DEMO.marketGoal)}" and carries the goal`, async () => {
    await thijs.getByText(T.entry.aboutGoal(DEMO.marketGoal), { exact: true }).waitFor();
    assert.equal(await thijs.locator('form.entry-form input[type="hidden"][name="goal"]').inputValue(), market.id);
    assert.ok(await thijs.getByRole('group', { name: T.entry.kind, exact: true }).getByRole('radio', { name: new RegExp(`^${T.entry.update} `) }).isChecked(), `"${T.entry.update}" is not chosen`);
  });
  await t.test('the logbook form about a goal does not scroll sideways on the phone', () => assertNoSidewaysScroll(thijs, 'the logbook form'));
  await check(t, thijs, 'entry-form-goal');
  await thijs.getByLabel(T.entry.body, { exact: true }).fill(PROGRESS_TEXT);
  const posted = await submitTo(thijs, thijs.getByRole('button', { name: T.entry.post, exact: true }), circlePath('/logbook'));
  assert.equal(posted.status(), 303, `posting the progress answered ${posted.status()}`);
  await thijs.waitForURL(/\/logbook\/[^/?#]+\?done=notice-entry-saved$/);
  await expectNotice(thijs, T.entry.posted);
  const entryPath = new URL(thijs.url()).pathname;
  const entry = await readEntry(thijs);
  await t.test('the entry is his, with his text', () => {
    assert.equal(entry.author, VOLUNTEER);
    assert.equal(entry.body, PROGRESS_TEXT);
  });

  await goto(thijs, circlePath('/plan'));
  const afterPlan = await readPlan(thijs);
  const marketAfter = afterPlan.find((g) => g.id === market.id);
  await t.test('back on the plan the market goal lists three entries, his new one first, dated today', () => {
    assert.equal(marketAfter.progress.length, 3, `the goal lists ${marketAfter.progress.length} entries`);
    assert.deepEqual(marketAfter.progress[0], { date: today, href: entryPath, author: VOLUNTEER, text: PROGRESS_TEXT });
    assert.deepEqual(marketAfter.progress.slice(1), market.progress, 'the earlier entries changed');
  });
  await check(t, thijs, 'plan-progress-added');

  // Fatima adds a goal for professionals only.
  await openTab(fatima, T.about.tab, '/about');
  const nurseCountBefore = (await readAbout(fatima)).links[P.link].meta;
  await goto(fatima, circlePath('/plan'));
  const nurseBefore = await readPlan(fatima);
  await fatima.getByRole('link', { name: P.add, exact: true }).click();
  await fatima.waitForURL(url(circlePath('/plan/new')));
  await expectHeading(fatima, P.add, 2);
  await t.test('the goal form does not scroll sideways on the phone', () => assertNoSidewaysScroll(fatima, 'the goal form'));
  await check(t, fatima, 'goal-form');
  await fatima.getByLabel(P.steps, { exact: true }).fill(PRIVATE_GOAL.steps);
  await fatima.getByRole('group', { name: T.audience.legend, exact: true }).getByRole('radio', { name: new RegExp(`^${esc(T.audience.professionals)}`) }).check();
  const saveGoal = () => submitTo(fatima, fatima.getByRole('button', { name: T.save, exact: true }), circlePath('/plan'));
  const noWords = await expectingError(async () => {
    const response = await saveGoal();
    await fatima.locator('.error-summary').waitFor();
    return response;
  });
  await t.test(`without its words: 422 "${P.wordsRequired}", the steps and the audience kept`, async () => {
    assert.equal(noWords.status(), 422, `the goal without words answered ${noWords.status()}`);
    await assertErrorSummary(fatima, [P.wordsRequired]);
    assert.equal(clean(await fatima.locator('#words-error').textContent()), P.wordsRequired);
    assert.equal(await fatima.getByLabel(P.words, { exact: true }).getAttribute('aria-invalid'), 'true');
    assert.equal(await fatima.getByLabel(P.steps, { exact: true }).inputValue(), PRIVATE_GOAL.steps, 'the steps are lost');
    assert.deepEqual((await readAudience(fatima)).radios.filter((r) => r.checked).map((r) => r.value), ['professionals'], 'the audience is lost');
  });
  await check(t, fatima, 'goal-form-error');
  await fatima.getByLabel(P.words, { exact: true }).fill(PRIVATE_GOAL.words);
  const goalSaved = await saveGoal();
  assert.equal(goalSaved.status(), 303, `saving the goal answered ${goalSaved.status()}`);
  await fatima.waitForURL(new RegExp(`${circlePath('/plan')}\\?done=notice-saved#goal-[^/?#]+$`));
  const goalId = new URL(fatima.url()).hash.replace(/^#goal-/, '');
  await expectNotice(fatima, T.saved);
  const nursePlan = await readPlan(fatima);
  const mine = nursePlan.find((g) => g.id === goalId);
  await t.test('the nurse sees the new goal: its kind, words, steps, "alleen beroepskrachten (en de cliënt)", no progress yet', () => {
    assert.ok(mine, 'the goal saved is not on the plan');
    assert.equal(nursePlan.length, nurseBefore.length + 1);
    assert.equal(mine.eyebrow, P.kindAgain);
    assert.equal(mine.words, quoted(PRIVATE_GOAL.words));
    assert.equal(mine.facts[P.steps], PRIVATE_GOAL.steps);
    assert.equal(mine.facts[T.about.whoSees], T.audience.professionals);
    assert.equal(mine.none, P.noProgress);
    assert.deepEqual(mine.progress, []);
    assert.equal(mine.meta, T.about.writtenBy(NURSE, today));
  });
  await check(t, fatima, 'plan-nurse');

  await goto(thijs, circlePath('/plan'));
  const hidden = await readPlan(thijs);
  await t.test('the volunteer does not see the goal for professionals, and his goal count stays one lower than the nurse\'s', async () => {
    assert.ok(!hidden.some((g) => g.id === goalId), 'the volunteer sees the goal on the plan');
    assert.ok(!(await thijs.content()).includes(PRIVATE_GOAL.words), 'the volunteer\'s plan holds the goal\'s words');
    assert.equal(hidden.length, nursePlan.length - 1);
    await goto(thijs, circlePath('/about'));
    const count = (await readAbout(thijs)).links[P.link].meta;
    await goto(fatima, circlePath('/about'));
    const nurseCount = (await readAbout(fatima)).links[P.link].meta;
    const n = (s) => Number((/\((\d+) /.exec(s) || [])[1]);
    assert.equal(n(nurseCount), n(nurseCountBefore) + 1, `the nurse's count went from ${nurseCountBefore} to ${nurseCount}`);
    assert.equal(count, countBefore, `the volunteer's count went from ${countBefore} to ${count}`);
    assert.equal(n(count), n(nurseCount) - 1);
  });
  await t.test('its change form and a progress form about it answer 404 to the volunteer', async () => {
    await gotoNotFound(thijs, circlePath(`/plan/${goalId}`));
    assert.ok(!(await thijs.content()).includes(PRIVATE_GOAL.words));
    await gotoNotFound(thijs, circlePath(`/logbook/new?goal=${goalId}`));
    assert.ok(!(await thijs.content()).includes(PRIVATE_GOAL.words));
  });
});

test('Journey 5: a thank-you card from a member card: Thijs ticked, a picture only for "Bedankje" (with JavaScript), and the card with its picture on the nurse\'s overview and on Thijs\'s card', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const ans = pageOf(CARER);
  const thijs = pageOf(VOLUNTEER);
  const fatima = pageOf(NURSE);
  const E = T.entry;

  // Thijs's own card first: what he has been thanked for so far.
  const ownCard = await openMemberCard(thijs, VOLUNTEER);
  const thanksBefore = await readSummaries(thijs, 'section#thanks');
  assert.ok(thanksBefore, `no "${T.member.thanksHeading}" section on Thijs's card`);
  await t.test('on his own card Thijs cannot thank himself', async () => {
    assert.equal(await thijs.getByRole('link', { name: T.member.thank(VOLUNTEER), exact: true }).count(), 0);
  });

  // Ans: Leden → Thijs → "Bedank Thijs Bakker".
  const cardPath = await openMemberCard(ans, VOLUNTEER);
  assert.equal(cardPath, ownCard, 'Ans\'s link to Thijs\'s card differs from his own');
  const memberId = cardPath.split('/').pop();
  await t.test('the member card does not scroll sideways on the phone', () => assertNoSidewaysScroll(ans, 'the member card'));
  await check(t, ans, 'member-card-carer');
  await ans.getByRole('link', { name: T.member.thank(VOLUNTEER), exact: true }).click();
  await ans.waitForURL(url(circlePath(`/logbook/new?kind=thanks&to=${memberId}`)));
  await expectHeading(ans, E.formHeading, 2);
  const kinds = ans.getByRole('group', { name: E.kind, exact: true });
  const recipients = ans.getByRole('group', { name: E.recipients, exact: true });
  const pictures = ans.getByRole('group', { name: E.card, exact: true });
  const ticked = () => recipients.getByRole('checkbox').evaluateAll((boxes) => boxes.filter((b) => b.checked).map((b) => b.value));
  await t.test(`the form has "${E.thanks}" chosen, only Thijs ticked, "${E.noPicture}" chosen, for the whole circle`, async () => {
    assert.ok(await kinds.getByRole('radio', { name: new RegExp(`^${E.thanks} `) }).isChecked(), `"${E.thanks}" is not chosen`);
    assert.deepEqual(await ticked(), [memberId], 'another recipient is ticked');
    assert.ok(await recipients.getByRole('checkbox', { name: new RegExp(`^${VOLUNTEER} \\(`) }).isChecked());
    assert.ok(await pictures.getByLabel(E.noPicture, { exact: true }).isChecked());
    assert.ok(await recipients.isVisible() && await pictures.isVisible(), 'the recipients or the pictures are hidden for a thank-you');
    assert.deepEqual((await readAudience(ans)).radios.filter((r) => r.checked).map((r) => r.value), ['circle']);
  });
  await t.test('the form with the pictures does not scroll sideways on the phone', () => assertNoSidewaysScroll(ans, 'the logbook form'));
  await check(t, ans, 'entry-form-card');

  await t.test(`with JavaScript the recipients and pictures hide for "${E.update}" and come back for "${E.thanks}", Thijs still ticked`, async () => {
    await kinds.getByRole('radio', { name: new RegExp(`^${E.update} `) }).check();
    await ans.locator('fieldset#card').waitFor({ state: 'hidden' });
    await ans.locator('fieldset#recipients').waitFor({ state: 'hidden' });
    await kinds.getByRole('radio', { name: new RegExp(`^${E.thanks} `) }).check();
    await ans.locator('fieldset#card').waitFor({ state: 'visible' });
    await ans.locator('fieldset#recipients').waitFor({ state: 'visible' });
    assert.deepEqual(await ticked(), [memberId], 'the recipient is lost after switching back');
  });

  await pictures.getByLabel(E.flower, { exact: true }).check();
  const flower = await ans.locator('label[for="card-flower"] svg.card-art').evaluate((svg) => svg.outerHTML);
  await ans.getByRole('group', { name: T.audience.legend, exact: true }).getByRole('radio', { name: new RegExp(`^${T.audience.circle} `) }).check();
  await ans.getByLabel(E.body, { exact: true }).fill(THANKS_TEXT);
  const posted = await submitTo(ans, ans.getByRole('button', { name: E.post, exact: true }), circlePath('/logbook'));
  assert.equal(posted.status(), 303, `posting the thank-you answered ${posted.status()}`);
  await ans.waitForURL(/\/logbook\/[^/?#]+\?done=notice-entry-saved$/);
  await expectNotice(ans, E.posted);
  const entryPath = new URL(ans.url()).pathname;
  const entry = await readEntry(ans);
  await t.test('the entry is a thank-you from Ans to Thijs, with the flower, for the whole circle', () => {
    assert.equal(entry.kind, E.thanks);
    assert.equal(entry.author, CARER);
    assert.equal(entry.thanked, E.thanksTo(VOLUNTEER));
    assert.equal(entry.body, THANKS_TEXT);
    assert.equal(entry.art, flower, 'the card does not carry the picture chosen');
    assert.equal(entry.audience, E.visibleTo(T.audience.circle));
  });
  await check(t, ans, 'entry-thanks');

  await goto(fatima, circlePath());
  await expectHeading(fatima, CLIENT);
  // "Bedankjes" is folded on the overview: she opens it, as a reader would.
  const thanksFold = await openFold(fatima, T.overviewThanks);
  const onOverview = await readSummaries(fatima, 'details.fold.thanks');
  await t.test(`the nurse's overview lists it first under "${T.overviewThanks}" (folded; opened with its summary), with the flower (svg.card-art, hidden from screen readers)`, async () => {
    assert.ok(onOverview, `no "${T.overviewThanks}" on the nurse's overview`);
    assert.ok(onOverview.length >= 1);
    assert.equal(thanksFold.count, onOverview.length, `the summary of "${T.overviewThanks}" counts ${thanksFold.count}, the fold lists ${onOverview.length}`);
    assert.ok(await thanksFold.fold.locator('li.entry-summary a.entry-link').first().isVisible(), 'the newest thank-you is not visible in the opened fold');
    const first = onOverview[0];
    assert.equal(first.href, entryPath, 'the newest thank-you is not the first');
    assert.equal(first.kind, E.thanks);
    assert.equal(first.text, `${CARER} → ${VOLUNTEER}: ${THANKS_TEXT}`);
    assert.equal(first.art, flower, 'the overview does not show the flower');
    assert.equal(first.artHidden, 'true');
    assert.equal(first.audience, T.audience.circle);
  });
  await t.test('the overview with the card does not scroll sideways on the phone', () => assertNoSidewaysScroll(fatima, 'the overview'));
  await check(t, fatima, 'overview-nurse-thanks');

  await goto(thijs, ownCard);
  const thanksAfter = await readSummaries(thijs, 'section#thanks');
  await t.test(`Thijs's card lists it first under "${T.member.thanksHeading}", with the flower, above the ones before`, () => {
    assert.equal(clean(thanksAfter.length ? thanksAfter[0].text : ''), `${CARER} → ${VOLUNTEER}: ${THANKS_TEXT}`);
    assert.equal(thanksAfter[0].href, entryPath);
    assert.equal(thanksAfter[0].art, flower);
    assert.deepEqual(thanksAfter.slice(1), thanksBefore, 'the earlier thank-yous changed');
  });
  await t.test('his card with the thank-yous does not scroll sideways on the phone', () => assertNoSidewaysScroll(thijs, 'the member card'));
  await check(t, thijs, 'member-card-volunteer-thanks');

  // Known problem: a picture picked before switching to another kind still
  // goes with the form, hidden, and the server refuses it (the recipients,
  // hidden the same way, are dropped instead). Kept as a to-do: it passes
  // once the form posts.
  await t.test('a picture picked, then the kind switched to "Update": the update is posted (the hidden picture does not block it)', async () => {
    const other = await journey.people[CARER].context.newPage();
    try {
      await goto(other, circlePath(`/logbook/new?kind=thanks&to=${memberId}`));
      await other.getByRole('group', { name: E.card, exact: true }).getByLabel(E.flower, { exact: true }).check();
      await other.getByRole('group', { name: E.kind, exact: true }).getByRole('radio', { name: new RegExp(`^${E.update} `) }).check();
      await other.locator('fieldset#card').waitFor({ state: 'hidden' });
      await other.getByLabel(E.body, { exact: true }).fill(`Henk heeft vandaag goed gegeten (${RUN}).`);
      const res = await expectingError(async () => {
        const response = await submitTo(other, other.getByRole('button', { name: E.post, exact: true }), circlePath('/logbook'));
        await other.waitForURL((u) => u.pathname !== circlePath('/logbook/new'));
        await other.waitForLoadState('load');
        return response;
      });
      const hiddenErrors = await other.locator('.field-error').evaluateAll((els) => els.filter((el) => !el.checkVisibility()).map((el) => el.textContent.trim()));
      assert.deepEqual(hiddenErrors, [], `errors at fields the writer cannot see: ${hiddenErrors.join(', ')}`);
      assert.equal(res.status(), 303, `the update answered ${res.status()}`);
    } finally {
      await other.close();
    }
  });
});
