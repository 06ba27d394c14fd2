'use strict';
// "Wie doet wat" (agreements), guided conversations, the collaboration
// profile and SOFA roles in headless Chromium (Dutch), in the circle of
// Henk de Vries, everybody in a phone-sized window (390×844):
//
// 1. Fatima El Amrani (district nurse, a professional) makes two agreements
//    with "Afspraak maken". The first try has no description: 422, "Controleer
//    wat je hebt ingevuld", everything typed kept. Agreement A is done by a
//    member (Ans, step 3 "Familie en mantelzorg"), agreement B by someone
//    outside the circle ("Tafeltje-dekje …", step 4 "Netwerk en andere
//    instanties"), both with a frequency and a review date. Each appears under
//    its domain heading with step, doer, frequency and review date, and the
//    count in "Wie draagt wat" goes up by one for its step only (the meters
//    show the shares, summing to 100).
// 2. Fatima holds a family start conversation ("Gesprekken" →
//    "Familiestartgesprek" → "Gesprek beginnen"): ticks who took part, answers
//    two questions, saves; the conversation shows the answers. "Maak hier een
//    afspraak van" under the family answer opens the agreement form filled in
//    from it (description, step 3, "Deze afspraak komt uit een gesprek."); she
//    picks a domain and saves, and the conversation lists the agreement under
//    "Afspraken uit dit gesprek".
// 3. Ans de Vries (family carer) answers the six questions of the
//    collaboration profile ("geen wetenschappelijke test") without sharing:
//    "De rebel", "Alleen jij ziet dit.", and Fatima does not see it on Ans's
//    member card. After "Laat het de kring zien" Fatima does.
// 4. Fatima ticks the SOFA role "Samenwerken: partner in de zorg" on Ans's
//    card. Thijs Bakker (volunteer) sees the roles but no form, and his posted
//    form (with a valid CSRF token) answers 403 and changes nothing.
//
// Every page visited is screenshotted at 390×844 and 1280×800 and checked with
// axe-core (serious and critical violations fail), like the other journeys.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const path = require('node:path');
const { test, before, after } = require('node:test');

const { createJourney, clean, PHONE } = require('../lib/journey');

// Its own folder, so the other journeys' screenshots and reports stay.
const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts', 'agreements');
const TEST_TIMEOUT_MS = 240_000;

const CLIENT = 'Henk de Vries';
const NURSE = 'Fatima El Amrani'; // beroepskracht (wijkverpleegkundige)
const CARER = 'Ans de Vries'; // naaste: his wife, the family carer
const DAUGHTER = 'Ellen de Vries'; // vertegenwoordiger: his daughter
const VOLUNTEER = 'Thijs Bakker'; // vrijwilliger

const STEPS = {
  1: 'Zelf',
  2: 'Hulpmiddelen',
  3: 'Familie en mantelzorg',
  4: 'Netwerk en andere instanties',
  5: 'Beroepskracht',
};
const STEP_QUESTION = {
  1: 'Wat kan de cliënt zelf?',
  2: 'Welke hulpmiddelen helpen?',
  3: 'Wat kan de familie of mantelzorger?',
  4: 'Wat kan het netwerk of een andere instantie?',
  5: 'Wat doet de beroepskracht?',
};
const DOMAIN = {
  household: 'Huishouden',
  meals: 'Eten en drinken',
  company: 'Gezelschap en dagbesteding',
};
const ROLE = { relative: 'naaste', professional: 'beroepskracht' };
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

const T = {
  signInButton: 'Inloggen',
  myCircles: 'Mijn kringen',
  errorSummary: 'Controleer wat je hebt ingevuld',
  saved: 'Opgeslagen.',
  save: 'Opslaan',
  forbidden: 'Dit mag je niet doen in deze kring.',
  agreements: {
    tab: 'Wie doet wat',
    heading: 'Wie doet wat',
    add: 'Afspraak maken',
    formHeading: 'Afspraak maken',
    shares: 'Wie draagt wat',
    due: 'Nu bespreken',
    domain: 'Onderwerp',
    step: 'Wie doet het?',
    description: 'Wat spreken we af?',
    doer: 'Wie doet het',
    member: 'Iemand uit de kring',
    otherName: 'Of de naam van iemand anders (mag leeg)',
    frequency: 'Hoe vaak',
    lead: 'Wie heeft de regie',
    reviewOn: 'Bespreken op',
    descriptionMissing: 'Schrijf op wat jullie afspreken.',
    saved: 'De afspraak is opgeslagen.',
    fromConversation: 'Deze afspraak komt uit een gesprek. Vul aan wat nog ontbreekt.',
    change: 'Aanpassen',
    changeLabel: (what) => `Aanpassen: ${what}`,
  },
  conversations: {
    link: 'Gesprekken',
    heading: 'Gesprekken',
    held: 'Gevoerde gesprekken',
    guide: 'Familiestartgesprek',
    start: 'Gesprek beginnen',
    heldOn: 'Datum van het gesprek',
    participants: 'Wie waren erbij?',
    others: 'Anderen die erbij waren',
    audience: 'Wie mag het verslag lezen?',
    everyone: 'iedereen in de kring',
    recordedBy: 'Opgeschreven door',
    saved: 'Het gesprek is opgeschreven.',
    makeAgreement: 'Maak hier een afspraak van',
    makeAgreementLabel: (q) => `Maak hier een afspraak van (over: ${q})`,
    madeHeading: 'Afspraken uit dit gesprek',
    answered: (n) => (n === 1 ? '1 vraag beantwoord' : `${n} vragen beantwoord`),
    agreementsMade: (n) => (n === 1 ? '1 afspraak gemaakt' : `${n} afspraken gemaakt`),
  },
  profile: {
    tab: 'Leden',
    invite: 'Ontdek hoe jij naar samenwerken kijkt (6 vragen)',
    mine: 'Mijn perspectief op samenwerken',
    heading: 'Hoe kijk jij naar samenwerken?',
    notATest: 'geen wetenschappelijke test',
    shareField: 'Laat mijn uitkomst zien aan de andere leden van de kring',
    submit: 'Bekijk mijn perspectief',
    saved: 'Je antwoorden zijn bewaard.',
    resultOne: 'Dit perspectief past het best bij jou',
    privateNote: 'Alleen jij ziet dit.',
    sharedNote: 'De andere leden van de kring zien dit op je kaartje.',
    share: 'Laat het de kring zien',
    unshare: 'Niet meer laten zien',
    cardHeading: 'Perspectief op samenwerken',
    cardNone: (name) => `${name} heeft (nog) geen perspectief gedeeld.`,
    cardHint: 'Een hulpmiddel voor het gesprek, geen test.',
    onlyYou: '(alleen jij ziet dit)',
  },
  sofa: {
    heading: 'Rol als mantelzorger (SOFA)',
    legend: 'Welke rollen passen nu?',
    short: 'Rol als mantelzorger',
    setBy: (name, date) => `Aangegeven door ${name} op ${date}`,
  },
};

// The four SOFA roles, in the order the app lists them.
const SOFA = [
  { letter: 'S', id: 'samenwerken', label: 'Samenwerken: partner in de zorg' },
  { letter: 'O', id: 'ondersteunen', label: 'Ondersteunen: heeft zelf steun nodig' },
  { letter: 'F', id: 'faciliteren', label: 'Faciliteren: de persoonlijke band' },
  { letter: 'A', id: 'afstemmen', label: 'Afstemmen: kent de cliënt het best' },
];

// The six profile questions, and the answer Ans picks for each: four times
// "de rebel", once "de prater", once "de kenner", so the result is one
// perspective, "De rebel".
const PROFILE = [
  { q: 'Wat vind jij het belangrijkst in de samenwerking?', pick: 'rebel', answer: 'Dat zorgverleners van de regels kunnen afwijken als dat beter is voor de cliënt.' },
  { q: 'Wanneer heb jij vertrouwen in iemand met wie je samenwerkt?', pick: 'rebel', answer: 'Als iemand doet wat nodig is, ook als dat niet in de regels staat.' },
  { q: 'Wat doe jij zelf het liefst in de samenwerking?', pick: 'rebel', answer: 'Samen leren, ook van wat de cliënt zelf weet.' },
  { q: 'Waar let jij vooral op?', pick: 'rebel', answer: 'Of regels de cliënt niet in de weg zitten.' },
  { q: 'Wat stoort jou het meest?', pick: 'prater', answer: 'Als er over de cliënt of de mantelzorger wordt beslist zonder overleg.' },
  { q: 'Welke zin past het best bij jou?', pick: 'kenner', answer: 'Zorgverleners weten veel. Die kennis moeten we gebruiken.' },
];
const REBEL = {
  name: 'De rebel',
  line: 'Zet de belangen van de cliënt voorop, ook als een zorgverlener daarvoor van de regels moet afwijken. Wil samen leren van wat cliënt en zorgverlener weten en verwachten.',
};

// Four random hex characters make the texts unique per run.
const RUN = crypto.randomBytes(2).toString('hex');

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

const AGREEMENT_A = {
  domain: 'household',
  step: 3,
  description: `Ans haalt op zaterdag de boodschappen bij de Jumbo ${RUN}`,
  doerMember: CARER,
  frequency: `elke zaterdag (${RUN})`,
  reviewOn: isoDay(90),
};
const AGREEMENT_B = {
  domain: 'meals',
  step: 4,
  description: `Warme maaltijd aan huis op werkdagen ${RUN}`,
  doerName: `Tafeltje-dekje ${RUN}`,
  frequency: 'maandag tot en met vrijdag',
  lead: NURSE,
  reviewOn: isoDay(60),
};

const FAMILY_QUESTION = 'Wat kunnen familie en mantelzorgers doen? En wat liever niet?';
const MATTERS_QUESTION = `Wat is voor ${CLIENT} belangrijk in het dagelijks leven?`;
const CONVERSATION = {
  participants: [CARER, DAUGHTER, NURSE],
  others: CLIENT,
  // In the order of the guide.
  answers: [
    { key: 'fs_matters', q: MATTERS_QUESTION, text: `Zijn krant en de biljartclub; niet te veel mensen tegelijk over de vloer (${RUN}).` },
    { key: 'fs_family', q: FAMILY_QUESTION, text: `Ellen belt elke zondagavond met Ans om de week door te nemen (${RUN}).` },
  ],
  agreementDomain: 'company',
};

// The 403 and 422 answers this journey causes on purpose log "Failed to load
// resource" errors; those are expected and left out.
const journey = createJourney({ artifactsDir: ARTIFACTS, client: CLIENT, texts: T, expectedErrors: /status of (403|422)/ });
const { url, circlePath, openSection, goto, expectingError, expectHeading, check, signIn, pageOf, assertNoSidewaysScroll, submitTo } = journey;

const state = {}; // what the journeys learn along the way

// ---------------------------------------------------------------------------
// Helpers

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

// --- Agreements -------------------------------------------------------------

/**
 * Everything the agreements page shows, read from the DOM: the shares per
 * step ("Wie draagt wat"), the agreements by domain heading, and the
 * "Nu bespreken" list.
 */
async function readAgreements(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    const sharesSection = document.querySelector('section[aria-labelledby="shares-heading"]');
    const shares = sharesSection
      ? [...sharesSection.querySelectorAll('ol.shares > li')].map((li) => {
          const meter = li.querySelector('meter');
          return {
            number: clean(li.querySelector('.step-number') && li.querySelector('.step-number').textContent),
            label: clean(li.querySelector('.share-label') && li.querySelector('.share-label').textContent),
            meter: meter ? { value: Number(meter.getAttribute('value')), min: meter.getAttribute('min'), max: meter.getAttribute('max'), label: meter.getAttribute('aria-label') } : null,
            figure: clean(li.querySelector('.share-figure') && li.querySelector('.share-figure').textContent),
          };
        })
      : null;
    const groups = [...document.querySelectorAll('section.agreement-domain')].map((sec) => ({
      domain: clean(sec.querySelector('h3') && sec.querySelector('h3').textContent),
      labelledBy: sec.getAttribute('aria-labelledby'),
      headingId: sec.querySelector('h3') && sec.querySelector('h3').id,
      items: [...sec.querySelectorAll('li.agreement')].map((li) => {
        const stepP = li.querySelector('.agreement-step');
        const number = stepP && stepP.querySelector('.step-number');
        const facts = {};
        for (const div of li.querySelectorAll('dl.facts > div')) {
          facts[clean(div.querySelector('dt') && div.querySelector('dt').textContent)] = clean(div.querySelector('dd') && div.querySelector('dd').textContent);
        }
        const change = li.querySelector('a[href*="/agreements/"]');
        return {
          id: li.id,
          step: clean(number && number.textContent),
          stepText: stepP ? clean([...stepP.childNodes].filter((n) => n !== number).map((n) => n.textContent).join(' ')) : null,
          what: clean(li.querySelector('.agreement-what') && li.querySelector('.agreement-what').textContent),
          facts,
          // The accessible name is the link's whole text: the visible word
          // and a visually hidden ": <description>" (no aria-label, which
          // would hide the visible word from speech input).
          change: change ? {
            href: change.getAttribute('href'),
            text: clean([...change.childNodes].filter((n) => !(n.classList && n.classList.contains('visually-hidden'))).map((n) => n.textContent).join('')),
            label: clean(change.textContent),
            ariaLabel: change.getAttribute('aria-label'),
          } : null,
        };
      }),
    }));
    const dueSection = document.querySelector('section[aria-labelledby="due-heading"]');
    const due = dueSection ? [...dueSection.querySelectorAll('li a')].map((a) => clean(a.textContent)) : [];
    return { shares, groups, due };
  });
}

/** Parses "3 afspraken (27%)" into { count, percent }. */
function parseFigure(figure) {
  const m = /^(\d+) afspra(?:ak|ken) \((\d+)%\)$/.exec(figure);
  assert.ok(m, `the share figure reads "${figure}", expected "N afspraken (P%)"`);
  return { count: Number(m[1]), percent: Number(m[2]) };
}

/** The share of each step in whole percent, largest remainder first, summing to 100. */
function expectedPercents(counts) {
  const total = counts.reduce((a, b) => a + b, 0);
  if (!total) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 100) / total);
  const percent = exact.map(Math.floor);
  let left = 100 - percent.reduce((a, b) => a + b, 0);
  const frac = (i) => exact[i] - Math.floor(exact[i]);
  const order = counts.map((_, i) => i).sort((a, b) => frac(b) - frac(a));
  for (const i of order) {
    if (left === 0) break;
    if (counts[i] > 0) {
      percent[i] += 1;
      left -= 1;
    }
  }
  return percent;
}

/**
 * "Wie draagt wat" lists the five steps in order, each with a meter and a
 * figure that agree, the percentages add up to 100 and the counts to the
 * number of agreements on the page. Returns the counts per step (1..5).
 */
function assertShares(list, who) {
  assert.ok(list.shares, `${who}: no "${T.agreements.shares}" section`);
  assert.deepEqual(list.shares.map((s) => s.number), ['1', '2', '3', '4', '5'], `${who}: the shares are not the five steps in order`);
  assert.deepEqual(list.shares.map((s) => s.label), Object.values(STEPS), `${who}: the step names in "${T.agreements.shares}"`);
  const counts = [];
  const percents = [];
  for (const s of list.shares) {
    const { count, percent } = parseFigure(s.figure);
    assert.ok(s.meter, `${who}: step ${s.number} has no <meter>`);
    assert.equal(s.meter.value, percent, `${who}: step ${s.number}: the meter's value ${s.meter.value} differs from the figure "${s.figure}"`);
    assert.equal(s.meter.min, '0');
    assert.equal(s.meter.max, '100');
    assert.equal(s.meter.label, s.label, `${who}: the meter of step ${s.number} is not labelled with the step's name`);
    counts.push(count);
    percents.push(percent);
  }
  const shown = list.groups.reduce((n, g) => n + g.items.length, 0);
  assert.equal(counts.reduce((a, b) => a + b, 0), shown, `${who}: the shares count ${counts.join('+')} agreements, the page shows ${shown}`);
  const perStep = [1, 2, 3, 4, 5].map((n) => list.groups.flatMap((g) => g.items).filter((a) => a.step === String(n)).length);
  assert.deepEqual(counts, perStep, `${who}: the counts per step differ from the agreements shown per step`);
  assert.deepEqual(percents, expectedPercents(counts), `${who}: the percentages ${percents.join(', ')} are not the shares of ${counts.join(', ')}`);
  if (shown) assert.equal(percents.reduce((a, b) => a + b, 0), 100, `${who}: the percentages do not add up to 100`);
  return counts;
}

/** Every domain heading names its section and holds at least one agreement. */
function assertGroups(list, who) {
  for (const g of list.groups) {
    assert.ok(g.items.length > 0, `${who}: the domain "${g.domain}" is shown without agreements`);
    assert.equal(g.labelledBy, g.headingId, `${who}: the section of "${g.domain}" is not labelled by its heading`);
  }
  const domains = list.groups.map((g) => g.domain);
  assert.equal(new Set(domains).size, domains.length, `${who}: a domain heading is shown twice: ${domains.join(', ')}`);
}

/** Finds the one agreement with this description; returns it with its domain heading. */
function findAgreement(list, description, who) {
  const found = list.groups.flatMap((g) => g.items.filter((a) => a.what === description).map((a) => ({ ...a, domain: g.domain })));
  assert.equal(found.length, 1, `${who}: ${found.length} agreements read "${description}"`);
  return found[0];
}

/** The agreement is shown under its domain with its step, doer, frequency, lead and review date. */
function assertAgreementShown(list, a, who) {
  const shown = findAgreement(list, a.description, who);
  assert.equal(shown.domain, DOMAIN[a.domain], `${who}: "${a.description}" is under "${shown.domain}", expected "${DOMAIN[a.domain]}"`);
  assert.equal(shown.step, String(a.step), `${who}: "${a.description}" is in step ${shown.step}`);
  assert.equal(shown.stepText, STEPS[a.step], `${who}: the step of "${a.description}" reads "${shown.stepText}"`);
  const doer = a.doerMember || a.doerName;
  if (doer) assert.equal(shown.facts[T.agreements.doer], doer, `${who}: "${T.agreements.doer}" of "${a.description}"`);
  else assert.ok(!(T.agreements.doer in shown.facts), `${who}: "${a.description}" has a doer: ${shown.facts[T.agreements.doer]}`);
  if (a.frequency) assert.equal(shown.facts[T.agreements.frequency], a.frequency, `${who}: "${T.agreements.frequency}" of "${a.description}"`);
  if (a.lead) assert.equal(shown.facts[T.agreements.lead], a.lead, `${who}: "${T.agreements.lead}" of "${a.description}"`);
  if (a.reviewOn) {
    assert.equal(shown.facts[T.agreements.reviewOn], dutchDay(a.reviewOn), `${who}: "${T.agreements.reviewOn}" of "${a.description}"`);
    assert.ok(!list.due.includes(a.description), `${who}: "${a.description}" (review on ${a.reviewOn}) is under "${T.agreements.due}"`);
  }
  return shown;
}

/** The agreements page: "Afspraak maken" → the form. */
async function openAgreementForm(page) {
  await page.getByRole('link', { name: T.agreements.add, exact: true }).click();
  await page.waitForURL(url(circlePath('/agreements/new')));
  await expectHeading(page, T.agreements.formHeading, 2);
}

function doerGroup(page) {
  return page.getByRole('group', { name: T.agreements.doer, exact: true });
}

/** Fills "Afspraak maken" (all but the description when asked). */
async function fillAgreement(page, a, { withDescription = true } = {}) {
  await page.getByLabel(T.agreements.domain, { exact: true }).selectOption({ label: DOMAIN[a.domain] });
  await page.getByRole('group', { name: T.agreements.step, exact: true }).getByLabel(`${a.step}. ${STEP_QUESTION[a.step]}`, { exact: true }).check();
  if (withDescription) await page.getByLabel(T.agreements.description, { exact: true }).fill(a.description);
  const doer = doerGroup(page);
  if (a.doerMember) await doer.getByLabel(T.agreements.member, { exact: true }).selectOption({ label: `${a.doerMember} (${ROLE.relative})` });
  if (a.doerName) await doer.getByLabel(T.agreements.otherName, { exact: true }).fill(a.doerName);
  if (a.frequency) await page.getByLabel(T.agreements.frequency, { exact: true }).fill(a.frequency);
  if (a.lead) await page.getByLabel(T.agreements.lead, { exact: true }).selectOption({ label: `${a.lead} (${ROLE.professional})` });
  if (a.reviewOn) await page.getByLabel(T.agreements.reviewOn, { exact: true }).fill(a.reviewOn);
}

/** "Opslaan" on the agreement form; resolves with the answer to the POST. */
function saveAgreement(page) {
  return submitTo(page, page.getByRole('button', { name: T.save, exact: true }), circlePath('/agreements'));
}

/** After a saved agreement: back on the list with the notice. */
async function expectAgreementSaved(page, response) {
  assert.equal(response.status(), 303, `saving the agreement answered ${response.status()}`);
  await page.waitForURL(url(circlePath('/agreements?done=notice-agreement-saved')));
  await expectNotice(page, T.agreements.saved);
  await expectHeading(page, T.agreements.heading, 2);
}

// --- Conversations ----------------------------------------------------------

/** The held conversations on /conversations: link, its text and the meta line. */
async function readHeld(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    const section = document.querySelector('section[aria-labelledby="held-heading"]');
    if (!section) return null;
    return [...section.querySelectorAll('li')].map((li) => {
      const a = li.querySelector('a');
      return { href: a && a.getAttribute('href'), text: clean(a && a.textContent), meta: clean(li.querySelector('.meta') && li.querySelector('.meta').textContent) };
    });
  });
}

/** A held conversation's page: heading, facts, answers and the agreements made from it. */
async function readConversation(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    const facts = {};
    for (const div of document.querySelectorAll('dl.facts > div')) {
      facts[clean(div.querySelector('dt') && div.querySelector('dt').textContent)] = clean(div.querySelector('dd') && div.querySelector('dd').textContent);
    }
    const answers = [...document.querySelectorAll('ol.answers > li')].map((li) => {
      const link = li.querySelector('a[href*="/agreements/new"]');
      return {
        question: clean(li.querySelector('.question') && li.querySelector('.question').textContent),
        answer: clean(li.querySelector('.answer') && li.querySelector('.answer').textContent),
        // The accessible name is the link's whole text (a visually hidden part
        // says which answer); what shows is the text without that part.
        link: link ? {
          text: clean([...link.childNodes].filter((n) => !(n.classList && n.classList.contains('visually-hidden'))).map((n) => n.textContent).join('')),
          label: clean(link.textContent),
          ariaLabel: link.getAttribute('aria-label'),
          href: link.getAttribute('href'),
        } : null,
      };
    });
    const made = document.querySelector('section[aria-labelledby="made-heading"]');
    return {
      heading: clean(document.querySelector('main h2, h2') && document.querySelector('main h2, h2').textContent),
      facts,
      answers,
      made: made
        ? {
            heading: clean(made.querySelector('h3') && made.querySelector('h3').textContent),
            items: [...made.querySelectorAll('li a')].map((a) => ({ text: clean(a.textContent), href: a.getAttribute('href') })),
          }
        : null,
    };
  });
}

// --- Members, profile, SOFA --------------------------------------------------

/** Each member's row on /members: name, link, perspective and SOFA lines. */
async function readMembers(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    return [...document.querySelectorAll('ul.member-list > li.member')].map((li) => {
      const a = li.querySelector('a.member-name');
      return {
        name: clean(a && a.textContent),
        href: a && a.getAttribute('href'),
        me: Boolean(li.querySelector('.you')),
        perspectives: [...li.querySelectorAll('.perspective-name')].map((el) => clean(el.textContent)),
        privateNote: clean(li.querySelector('.private-note') && li.querySelector('.private-note').textContent),
        lines: [...li.querySelectorAll('p.perspective')].map((p) => clean(p.textContent)),
      };
    });
  });
}

/** A member card: the profile section and the SOFA section as shown. */
async function readMemberCard(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    const profile = document.querySelector('section[aria-labelledby="profile-heading"]');
    const sofa = document.querySelector('section#sofa');
    return {
      name: clean(document.querySelector('#member-name') && document.querySelector('#member-name').firstChild.textContent),
      profile: profile
        ? {
            heading: clean(profile.querySelector('h2').textContent),
            names: [...profile.querySelectorAll('.perspective-name')].map((el) => clean(el.textContent)),
            items: [...profile.querySelectorAll('li')].map((li) => clean(li.textContent)),
            text: clean(profile.textContent),
          }
        : null,
      sofa: sofa
        ? {
            heading: clean(sofa.querySelector('h2') && sofa.querySelector('h2').textContent),
            roles: [...sofa.querySelectorAll('ul.plain-list li strong')].map((el) => clean(el.textContent)),
            setBy: clean(sofa.querySelector('p.meta') && sofa.querySelector('p.meta').textContent),
            hasForm: Boolean(sofa.querySelector('form')),
            checkboxes: [...sofa.querySelectorAll('input[type="checkbox"]')].map((el) => ({ id: el.id, checked: el.checked, disabled: el.disabled, name: el.name, value: el.value })),
          }
        : null,
      main: clean(document.querySelector('main') ? document.querySelector('main').textContent : document.body.textContent),
    };
  });
}

/** From the members list ("Leden") to a member's card. */
async function openMemberCard(page, name) {
  await openTab(page, T.profile.tab, '/members');
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

test('Fatima (district nurse), Ans (family carer) and Thijs (volunteer) sign in, all on a phone', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await signIn(t, NURSE, PHONE, 'nurse');
  await signIn(t, CARER, PHONE, 'carer');
  await signIn(t, VOLUNTEER, PHONE, 'volunteer');
});

test('Journey 1: a professional makes two agreements on a phone; each is under its domain with step, doer and frequency, and "Wie draagt wat" counts one more for its step', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const fatima = pageOf(NURSE);
  assert.deepEqual(fatima.viewportSize(), PHONE);

  // Overview → "Wie doet wat": the demo's agreements.
  await openTab(fatima, T.agreements.tab, '/agreements');
  await expectHeading(fatima, T.agreements.heading, 2);
  const before = await readAgreements(fatima);
  let counts;
  await t.test('before: "Wie draagt wat" matches the agreements shown, by step', () => {
    assertGroups(before, NURSE);
    counts = assertShares(before, NURSE);
    assert.ok(counts.reduce((a, b) => a + b, 0) >= 5, `the demo has only ${counts.join('+')} agreements`);
    for (const a of [AGREEMENT_A, AGREEMENT_B]) {
      assert.ok(!before.groups.some((g) => g.items.some((i) => i.what === a.description)), `"${a.description}" is there before it was made`);
    }
  });
  await t.test('the agreements page does not scroll sideways on the phone', () => assertNoSidewaysScroll(fatima, 'the agreements page'));
  await check(t, fatima, 'agreements-before');
  state.counts = counts || [0, 0, 0, 0, 0];

  // Agreement A, sent without a description: 422, everything else kept.
  await openAgreementForm(fatima);
  await t.test('the agreement form does not scroll sideways on the phone', () => assertNoSidewaysScroll(fatima, 'the agreement form'));
  await check(t, fatima, 'agreement-form');
  await fillAgreement(fatima, AGREEMENT_A, { withDescription: false });
  const refused = await expectingError(async () => {
    const response = await saveAgreement(fatima);
    await fatima.waitForURL(url(circlePath('/agreements')));
    await fatima.locator('.error-summary').waitFor();
    return response;
  });
  await t.test('without a description the form answers 422 "Controleer wat je hebt ingevuld" and keeps what was typed', async () => {
    assert.equal(refused.status(), 422, `the form without a description answered ${refused.status()}`);
    const summary = fatima.getByRole('alert');
    await summary.getByRole('heading', { name: T.errorSummary, exact: true }).waitFor();
    const link = summary.getByRole('link', { name: T.agreements.descriptionMissing, exact: true });
    assert.equal(await link.getAttribute('href'), '#description', 'the error summary does not link to the description');
    assert.equal(await summary.getByRole('link').count(), 1, 'the error summary lists more than the description');
    assert.equal(clean(await fatima.locator('#description-error').textContent()), T.agreements.descriptionMissing);
    const description = fatima.getByLabel(T.agreements.description, { exact: true });
    assert.equal(await description.getAttribute('aria-invalid'), 'true', 'the description is not marked aria-invalid');
    assert.match(await description.getAttribute('aria-describedby'), /\bdescription-error\b/, 'the description is not described by its error');
    assert.equal(await description.inputValue(), '');
    // What was typed is still there.
    assert.equal(await fatima.getByLabel(T.agreements.domain, { exact: true }).inputValue(), AGREEMENT_A.domain, 'the domain is lost');
    for (const n of [1, 2, 3, 4, 5]) {
      assert.equal(await fatima.locator(`#step-${n}`).isChecked(), n === AGREEMENT_A.step, `step ${n} is ${n === AGREEMENT_A.step ? 'not ' : ''}checked after the error`);
    }
    const doer = doerGroup(fatima).getByLabel(T.agreements.member, { exact: true });
    const chosen = await doer.evaluate((el) => el.selectedOptions[0] && el.selectedOptions[0].textContent.trim());
    assert.equal(chosen, `${CARER} (${ROLE.relative})`, 'the doer is lost');
    assert.equal(await fatima.getByLabel(T.agreements.frequency, { exact: true }).inputValue(), AGREEMENT_A.frequency, 'the frequency is lost');
    assert.equal(await fatima.getByLabel(T.agreements.reviewOn, { exact: true }).inputValue(), AGREEMENT_A.reviewOn, 'the review date is lost');
  });
  await check(t, fatima, 'agreement-form-error');
  await t.test('the refused form made no agreement (the list, in a second tab)', async () => {
    const other = await journey.people[NURSE].context.newPage();
    try {
      await goto(other, circlePath('/agreements'));
      const now = await readAgreements(other);
      assert.deepEqual(assertShares(now, NURSE), state.counts, 'the counts changed after the refused form');
    } finally {
      await other.close();
    }
  });

  // Now with the description: A (a member, step 3), then B (a name, step 4).
  await fatima.getByLabel(T.agreements.description, { exact: true }).fill(AGREEMENT_A.description);
  const addAndCheck = async (a, n) => {
    await expectAgreementSaved(fatima, await saveAgreement(fatima));
    const list = await readAgreements(fatima);
    await t.test(`agreement ${n} (${DOMAIN[a.domain]}, step ${a.step}, ${a.doerMember ? 'a member' : 'not a member'} does it): under its domain with step, doer, frequency and review date; one more in step ${a.step}`, () => {
      assertGroups(list, NURSE);
      const shown = assertAgreementShown(list, a, NURSE);
      assert.ok(shown.change, `${NURSE} cannot change the agreement she just made`);
      assert.equal(shown.change.label, T.agreements.changeLabel(a.description), 'the "Aanpassen" link does not say which agreement');
      assert.equal(shown.change.text, T.agreements.change, 'the "Aanpassen" link shows another text');
      assert.equal(shown.change.ariaLabel, null, 'an aria-label would hide the visible text from speech input (axe label-content-name-mismatch)');
      const now = assertShares(list, NURSE);
      const expected = state.counts.map((c, i) => (i + 1 === a.step ? c + 1 : c));
      assert.deepEqual(now, expected, `the counts per step went from ${state.counts.join(', ')} to ${now.join(', ')}, expected ${expected.join(', ')}`);
      state.counts = now;
    });
    await t.test(`after agreement ${n} the page does not scroll sideways on the phone`, () => assertNoSidewaysScroll(fatima, 'the agreements page'));
    await check(t, fatima, `agreements-added-${n}`);
    return list;
  };
  await addAndCheck(AGREEMENT_A, 1);
  await openAgreementForm(fatima);
  await fillAgreement(fatima, AGREEMENT_B);
  const list = await addAndCheck(AGREEMENT_B, 2);

  await t.test('A names the member, B the name typed, and A is still there after B', () => {
    assertAgreementShown(list, AGREEMENT_A, NURSE);
    assertAgreementShown(list, AGREEMENT_B, NURSE);
  });

  await t.test('the volunteer sees both agreements the same way', async () => {
    const thijs = pageOf(VOLUNTEER);
    await goto(thijs, circlePath('/agreements'));
    const seen = await readAgreements(thijs);
    assertAgreementShown(seen, AGREEMENT_A, VOLUNTEER);
    assertAgreementShown(seen, AGREEMENT_B, VOLUNTEER);
    assert.deepEqual(assertShares(seen, VOLUNTEER), state.counts, 'the volunteer\'s counts differ from the nurse\'s');
  });
});

test('Journey 2: a family start conversation: participants and two answers; "Maak hier een afspraak van" fills in the agreement form, and the conversation lists the agreement', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const fatima = pageOf(NURSE);
  const C = T.conversations;
  const today = isoDay(0);

  // The agreements page → "Gesprekken".
  await goto(fatima, circlePath('/agreements'));
  await fatima.getByRole('link', { name: C.link, exact: true }).click();
  await fatima.waitForURL(url(circlePath('/conversations')));
  await expectHeading(fatima, C.heading, 2);
  const heldBefore = await readHeld(fatima);
  assert.ok(heldBefore, `no "${C.held}" section`);
  await t.test('the conversations page does not scroll sideways on the phone', () => assertNoSidewaysScroll(fatima, 'the conversations page'));
  await check(t, fatima, 'conversations-before');

  // "Familiestartgesprek" → "Gesprek beginnen".
  const card = fatima.locator('li.guide').filter({ has: fatima.getByRole('heading', { name: C.guide, exact: true }) });
  assert.equal(await card.count(), 1, `no single card "${C.guide}"`);
  await card.getByRole('link', { name: C.start, exact: true }).click();
  await fatima.waitForURL(url(circlePath('/conversations/new?guide=family_start')));
  await expectHeading(fatima, C.guide, 2);
  await t.test('the form starts on today and asks the questions about Henk', async () => {
    assert.equal(await fatima.getByLabel(C.heldOn, { exact: true }).inputValue(), today, 'the date of the conversation is not today');
    assert.equal(await fatima.getByLabel(MATTERS_QUESTION, { exact: true }).count(), 1, `no field labelled "${MATTERS_QUESTION}"`);
    assert.equal(await fatima.getByLabel(FAMILY_QUESTION, { exact: true }).count(), 1, `no field labelled "${FAMILY_QUESTION}"`);
    assert.equal(await fatima.locator('ol.guide-questions textarea').count(), 9, 'the family start conversation does not have nine questions');
  });
  await t.test('the conversation form does not scroll sideways on the phone', () => assertNoSidewaysScroll(fatima, 'the conversation form'));
  await check(t, fatima, 'conversation-form');

  const who = fatima.getByRole('group', { name: C.participants, exact: true });
  for (const name of CONVERSATION.participants) {
    const box = who.getByRole('checkbox', { name: new RegExp(`^${name} \\(`) });
    assert.equal(await box.count(), 1, `no single checkbox for ${name} under "${C.participants}"`);
    await box.check();
  }
  await fatima.getByLabel(C.others, { exact: true }).fill(CONVERSATION.others);
  for (const a of CONVERSATION.answers) await fatima.getByLabel(a.q, { exact: true }).fill(a.text);
  const held = await submitTo(fatima, fatima.getByRole('button', { name: T.save, exact: true }), circlePath('/conversations'));
  assert.equal(held.status(), 303, `saving the conversation answered ${held.status()}`);
  await fatima.waitForURL(new RegExp(`${circlePath('/conversations/')}[^/?#]+\\?done=notice-conversation-saved$`));
  const conversationPath = new URL(fatima.url()).pathname;
  const conversationId = conversationPath.split('/').pop();
  await expectNotice(fatima, C.saved);
  const conv = await readConversation(fatima);
  await t.test('the conversation shows its date, who took part, who wrote it down and the two answers', () => {
    assert.equal(conv.heading, `${C.guide} · ${dutchDay(today)}`);
    const names = (conv.facts[C.participants] || '').split(', ');
    assert.deepEqual([...names].sort(), [...CONVERSATION.participants, CONVERSATION.others].sort(), `"${C.participants}" reads "${conv.facts[C.participants]}"`);
    assert.equal(conv.facts[C.recordedBy], NURSE);
    assert.equal(conv.facts[C.audience], C.everyone);
    assert.deepEqual(conv.answers.map((a) => ({ question: a.question, answer: a.answer })), CONVERSATION.answers.map((a) => ({ question: a.q, answer: a.text })), 'the answers shown differ from the ones typed (or unanswered questions are shown)');
    for (const a of conv.answers) {
      assert.ok(a.link, `no "${C.makeAgreement}" under "${a.question}"`);
      assert.equal(a.link.text, C.makeAgreement);
      assert.equal(a.link.label, C.makeAgreementLabel(a.question), 'the link does not say which answer it is about');
      assert.equal(a.link.ariaLabel, null, 'an aria-label would hide the visible text from speech input (axe label-content-name-mismatch)');
    }
    assert.equal(conv.made, null, `"${C.madeHeading}" is shown before any agreement was made`);
  });
  await t.test('the conversation does not scroll sideways on the phone', () => assertNoSidewaysScroll(fatima, 'the conversation'));
  await check(t, fatima, 'conversation');

  // "Maak hier een afspraak van" under the family answer.
  const family = CONVERSATION.answers.find((a) => a.key === 'fs_family');
  await fatima.getByRole('link', { name: C.makeAgreementLabel(family.q), exact: true }).click();
  await fatima.waitForURL((u) => u.pathname === circlePath('/agreements/new'));
  const from = new URL(fatima.url()).searchParams;
  await expectHeading(fatima, T.agreements.formHeading, 2);
  await t.test('the agreement form is filled in from the answer: description, step 3, "Deze afspraak komt uit een gesprek."', async () => {
    assert.equal(from.get('conversation'), conversationId);
    assert.equal(from.get('question'), family.key);
    await fatima.getByText(T.agreements.fromConversation, { exact: true }).waitFor();
    assert.equal(await fatima.getByLabel(T.agreements.description, { exact: true }).inputValue(), family.text, 'the description is not the answer');
    for (const n of [1, 2, 3, 4, 5]) assert.equal(await fatima.locator(`#step-${n}`).isChecked(), n === 3, `step ${n} is ${n === 3 ? 'not ' : ''}checked`);
    assert.equal(await fatima.getByLabel(T.agreements.domain, { exact: true }).inputValue(), '', 'a domain is chosen already');
    assert.equal(await fatima.locator('input[type="hidden"][name="conversation_id"]').inputValue(), conversationId);
  });
  await check(t, fatima, 'agreement-form-from-conversation');

  await fatima.getByLabel(T.agreements.domain, { exact: true }).selectOption({ label: DOMAIN[CONVERSATION.agreementDomain] });
  await expectAgreementSaved(fatima, await saveAgreement(fatima));
  const fromAnswer = { domain: CONVERSATION.agreementDomain, step: 3, description: family.text };
  const list = await readAgreements(fatima);
  let agreementId;
  await t.test('the agreement from the answer is under its domain in step 3, which counts one more', () => {
    const shown = assertAgreementShown(list, fromAnswer, NURSE);
    agreementId = shown.id;
    const now = assertShares(list, NURSE);
    if (state.counts) {
      const expected = state.counts.map((c, i) => (i === 2 ? c + 1 : c));
      assert.deepEqual(now, expected, `the counts per step went from ${state.counts.join(', ')} to ${now.join(', ')}`);
    }
    state.counts = now;
  });

  await goto(fatima, conversationPath);
  const after = await readConversation(fatima);
  await t.test('the conversation lists the agreement under "Afspraken uit dit gesprek", linking to it', () => {
    assert.ok(after.made, `no "${C.madeHeading}" on the conversation`);
    assert.equal(after.made.heading, C.madeHeading);
    assert.deepEqual(after.made.items.map((i) => i.text), [family.text]);
    assert.ok(agreementId, 'the agreement has no id on the agreements page');
    assert.equal(after.made.items[0].href, circlePath(`/agreements#${agreementId}`), 'the link does not point at the agreement on the agreements page');
  });
  await t.test('the conversation with its agreement does not scroll sideways on the phone', () => assertNoSidewaysScroll(fatima, 'the conversation'));
  await check(t, fatima, 'conversation-with-agreement');

  await goto(fatima, circlePath('/conversations'));
  const heldAfter = await readHeld(fatima);
  await t.test('"Gevoerde gesprekken" lists the new conversation: two answers, one agreement', () => {
    assert.equal(heldAfter.length, heldBefore.length + 1, 'the list did not grow by one');
    const mine = heldAfter.filter((h) => h.href === conversationPath);
    assert.equal(mine.length, 1, `the list has ${mine.length} links to ${conversationPath}`);
    assert.equal(mine[0].text, `${C.guide} · ${dutchDay(today)}`);
    assert.equal(mine[0].meta, `${C.answered(2)} · ${C.everyone} · ${C.agreementsMade(1)}`);
  });
  await check(t, fatima, 'conversations-after');
});

test('Journey 3: the family carer fills in the collaboration profile; it stays private until she shares it, then the nurse sees it on her card', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const ans = pageOf(CARER);
  const fatima = pageOf(NURSE);
  const P = T.profile;

  // Ans: "Leden" → the link to the questions.
  await openTab(ans, P.tab, '/members');
  const members = await readMembers(ans);
  const me = members.find((m) => m.name === CARER);
  assert.ok(me, `${CARER} is not on her own members list`);
  state.carerCard = me.href;
  const link = ans.locator(`a[href="${circlePath('/profile')}"]`);
  assert.equal(await link.count(), 1, 'the members page does not have one link to the profile questions');
  const linkText = clean(await link.textContent());
  await t.test('the members page invites her to the six questions (or to her perspective, if she has one)', (st) => {
    assert.equal(linkText, me.perspectives.length ? P.mine : P.invite, `the link to the profile reads "${linkText}"`);
    if (me.perspectives.length) st.diagnostic(`${CARER} had a perspective already: ${me.perspectives.join(', ')}`);
  });
  await check(t, ans, 'members-carer');
  await link.click();
  await ans.waitForURL(url(circlePath('/profile')));
  await expectHeading(ans, P.heading, 2);
  await t.test('the profile page says it is no scientific test and asks six questions of five answers', async () => {
    await ans.getByText(P.notATest).first().waitFor();
    const legends = await ans.locator('form.profile-questions fieldset > legend').allTextContents();
    assert.deepEqual(legends.map(clean), PROFILE.map((p, i) => `${i + 1}. ${p.q}`));
    for (const [i, p] of PROFILE.entries()) {
      assert.equal(await ans.getByRole('group', { name: `${i + 1}. ${p.q}`, exact: true }).getByRole('radio').count(), 5, `question ${i + 1} does not have five answers`);
    }
  });
  await t.test('the profile page does not scroll sideways on the phone', () => assertNoSidewaysScroll(ans, 'the profile page'));
  await check(t, ans, 'profile-questions');

  for (const [i, p] of PROFILE.entries()) {
    await ans.getByRole('group', { name: `${i + 1}. ${p.q}`, exact: true }).getByLabel(p.answer, { exact: true }).check();
  }
  const share = ans.getByLabel(P.shareField, { exact: true });
  await share.uncheck();
  assert.equal(await share.isChecked(), false);
  const saved = await submitTo(ans, ans.getByRole('button', { name: P.submit, exact: true }), circlePath('/profile'));
  assert.equal(saved.status(), 303, `saving the profile answered ${saved.status()}`);
  await ans.waitForURL(url(circlePath('/profile?done=notice-profile-saved#result')));
  await expectNotice(ans, P.saved);
  const result = ans.locator('section#result');
  await t.test('the result: "Dit perspectief past het best bij jou", De rebel, "Alleen jij ziet dit."', async () => {
    assert.equal(clean(await result.getByRole('heading', { level: 3 }).textContent()), P.resultOne);
    const items = (await result.locator('li').allTextContents()).map(clean);
    assert.deepEqual(items, [`${REBEL.name} — ${REBEL.line}`]);
    assert.equal(clean(await result.locator('.private-note').textContent()), P.privateNote);
    assert.equal(await result.getByRole('button', { name: P.share, exact: true }).count(), 1, `no "${P.share}" button`);
    for (const [i, p] of PROFILE.entries()) {
      assert.ok(await ans.locator(`#q${i + 1}-${p.pick}`).isChecked(), `question ${i + 1}: the answer given is not ticked on the page again`);
    }
    assert.equal(await share.isChecked(), false, 'the share box is ticked after saving without it');
  });
  await check(t, ans, 'profile-private');

  // Fatima opens Ans's card: nothing to see yet.
  const cardPath = await openMemberCard(fatima, CARER);
  assert.equal(cardPath, state.carerCard, 'the nurse\'s link to Ans\'s card differs from Ans\'s own');
  const hidden = await readMemberCard(fatima);
  await t.test('the nurse does not see the private perspective on Ans\'s card, nor on the members list', async () => {
    assert.ok(hidden.profile, `no "${P.cardHeading}" section on the card`);
    assert.deepEqual(hidden.profile.names, [], `the nurse sees ${hidden.profile.names.join(', ')} on Ans's card`);
    assert.ok(hidden.profile.text.includes(P.cardNone(CARER)), `the card does not say "${P.cardNone(CARER)}": ${hidden.profile.text}`);
    assert.ok(!hidden.main.includes(REBEL.line), 'the perspective\'s explanation is on the nurse\'s view of the card');
    await goto(fatima, circlePath('/members'));
    const list = await readMembers(fatima);
    const row = list.find((m) => m.name === CARER);
    assert.ok(row, `${CARER} is not on the nurse's members list`);
    assert.deepEqual(row.perspectives, [], `the nurse's members list shows ${row.perspectives.join(', ')} for Ans`);
    // Nobody's private perspective but her own is on her list.
    for (const m of list.filter((m) => m.privateNote)) assert.ok(m.me, `the nurse sees ${m.name}'s private perspective (${m.perspectives.join(', ')})`);
  });
  await goto(fatima, cardPath);
  await t.test('the member card does not scroll sideways on the phone', () => assertNoSidewaysScroll(fatima, 'the member card'));
  await check(t, fatima, 'member-card-nurse-private');

  // Ans shares it.
  const shared = await submitTo(ans, result.getByRole('button', { name: P.share, exact: true }), circlePath('/profile/share'));
  assert.equal(shared.status(), 303, `sharing answered ${shared.status()}`);
  await ans.waitForURL(url(circlePath('/profile?done=notice-saved')));
  await expectNotice(ans, T.saved);
  await t.test('after sharing: "De andere leden van de kring zien dit op je kaartje." and "Niet meer laten zien"', async () => {
    assert.equal(clean(await result.locator('.private-note').textContent()), P.sharedNote);
    assert.equal(await result.getByRole('button', { name: P.unshare, exact: true }).count(), 1, `no "${P.unshare}" button`);
    assert.deepEqual((await result.locator('.perspective-name').allTextContents()).map(clean), [REBEL.name]);
  });
  await check(t, ans, 'profile-shared');

  await fatima.reload({ waitUntil: 'load' });
  const visible = await readMemberCard(fatima);
  await t.test('the nurse now sees "De rebel" and its explanation on Ans\'s card, and on the members list', async () => {
    assert.deepEqual(visible.profile.names, [REBEL.name], `the nurse sees ${visible.profile.names.join(', ') || 'nothing'} on Ans's card`);
    assert.deepEqual(visible.profile.items, [`${REBEL.name} — ${REBEL.line}`]);
    assert.ok(visible.profile.text.includes(P.cardHint), `the card does not say "${P.cardHint}"`);
    assert.ok(!visible.profile.text.includes(P.cardNone(CARER)), 'the card still says nothing is shared');
    assert.ok(!visible.profile.text.includes(P.privateNote), 'the nurse\'s view says "Alleen jij ziet dit."');
    await goto(fatima, circlePath('/members'));
    const row = (await readMembers(fatima)).find((m) => m.name === CARER);
    assert.deepEqual(row.perspectives, [REBEL.name], 'the nurse\'s members list does not show Ans\'s perspective');
    assert.equal(row.privateNote, '', 'the shared perspective is marked "alleen jij ziet dit"');
  });
  await goto(fatima, cardPath);
  await check(t, fatima, 'member-card-nurse-shared');
});

test('Journey 4: the nurse marks the SOFA role "Samenwerken" on the family carer\'s card; the volunteer sees the roles but cannot change them (403)', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const fatima = pageOf(NURSE);
  const thijs = pageOf(VOLUNTEER);
  const S = T.sofa;
  const samenwerken = SOFA.find((r) => r.id === 'samenwerken');

  const cardPath = await openMemberCard(fatima, CARER);
  const memberId = cardPath.split('/').pop();
  const before = await readMemberCard(fatima);
  assert.ok(before.sofa, `no "${S.heading}" section on Ans's card`);
  assert.equal(before.sofa.heading, S.heading);
  assert.ok(before.sofa.hasForm, 'the nurse has no form for the SOFA roles');
  const box = (id) => before.sofa.checkboxes.find((c) => c.id === `sofa-${id}`);
  const markedBefore = SOFA.filter((r) => r.id !== 'faciliteren' && box(r.id) && box(r.id).checked).map((r) => r.id);
  // The personal bond (Faciliteren) is always there: listed with whatever else is marked.
  const listed = (ids) => SOFA.filter((r) => r.id === 'faciliteren' || ids.includes(r.id)).map((r) => r.label);
  await t.test('before: the roles shown are the ones ticked, with "Faciliteren" always; "Samenwerken" is not ticked yet', () => {
    for (const r of SOFA) assert.ok(box(r.id), `no checkbox for ${r.label}`);
    assert.ok(box('faciliteren').checked && box('faciliteren').disabled, '"Faciliteren" is not ticked and fixed');
    assert.equal(box('samenwerken').checked, false, `"${samenwerken.label}" is ticked already (demo data?), so ticking it shows nothing`);
    // Nothing marked yet shows no list at all ("Er is nog niets aangegeven.").
    if (before.sofa.roles.length || markedBefore.length) assert.deepEqual(before.sofa.roles, listed(markedBefore), 'the roles listed differ from the ones ticked');
  });
  await check(t, fatima, 'member-card-sofa-before');

  const section = fatima.locator('section#sofa');
  await section.getByRole('group', { name: S.legend, exact: true }).getByLabel(samenwerken.label, { exact: true }).check();
  const saved = await submitTo(fatima, section.getByRole('button', { name: T.save, exact: true }), `${cardPath}/carer-roles`);
  assert.equal(saved.status(), 303, `saving the roles answered ${saved.status()}`);
  await fatima.waitForURL(url(`${cardPath}?done=notice-saved#sofa`));
  await expectNotice(fatima, T.saved);
  const expectedRoles = listed([...markedBefore, 'samenwerken']);
  const after = await readMemberCard(fatima);
  await t.test('the card lists "Samenwerken: partner in de zorg" with the roles ticked before, set by the nurse today', () => {
    assert.deepEqual(after.sofa.roles, expectedRoles);
    assert.equal(after.sofa.setBy, S.setBy(NURSE, dutchDay(isoDay(0))));
    assert.ok(after.sofa.checkboxes.find((c) => c.id === 'sofa-samenwerken').checked, 'the box is not ticked after saving');
  });
  await t.test('the member card with the roles does not scroll sideways on the phone', () => assertNoSidewaysScroll(fatima, 'the member card'));
  await check(t, fatima, 'member-card-sofa-nurse');

  // Thijs: the same roles, no form.
  const thijsCard = await openMemberCard(thijs, CARER);
  assert.equal(thijsCard, cardPath);
  const seen = await readMemberCard(thijs);
  await t.test('the volunteer sees the same roles (and the shared perspective), but no form', async () => {
    assert.ok(seen.sofa, `no "${S.heading}" section for the volunteer`);
    assert.deepEqual(seen.sofa.roles, expectedRoles);
    assert.equal(seen.sofa.setBy, after.sofa.setBy);
    assert.equal(seen.sofa.hasForm, false, 'the volunteer has a form for the SOFA roles');
    assert.deepEqual(seen.sofa.checkboxes, [], 'the volunteer has checkboxes for the SOFA roles');
    assert.equal(await thijs.locator(`form[action$="/members/${memberId}/carer-roles"]`).count(), 0);
    assert.deepEqual(seen.profile.names, [REBEL.name], 'the volunteer does not see Ans\'s shared perspective');
  });
  await check(t, thijs, 'member-card-sofa-volunteer');

  await t.test('a posted form from the volunteer (with a valid CSRF token) answers 403 and changes nothing', async () => {
    const answer = await expectingError(() =>
      thijs.evaluate(async ({ action }) => {
        const csrf = document.querySelector('input[name="csrf"]').value;
        const body = new URLSearchParams([['csrf', csrf], ['roles', 'O'], ['roles', 'S']]);
        const res = await fetch(action, { method: 'POST', body, credentials: 'same-origin', redirect: 'manual' });
        return { status: res.status, type: res.type, text: await res.text() };
      }, { action: `${cardPath}/carer-roles` }),
    );
    assert.equal(answer.status, 403, `the volunteer's POST answered ${answer.status} (${answer.type})`);
    assert.ok(answer.text.includes(T.forbidden), `the 403 is not "${T.forbidden}" (a CSRF failure?): ${answer.text.slice(0, 300)}`);
    await fatima.goto(url(cardPath), { waitUntil: 'load' });
    const now = await readMemberCard(fatima);
    assert.deepEqual(now.sofa.roles, expectedRoles, 'the roles changed after the volunteer\'s POST');
    assert.equal(now.sofa.setBy, after.sofa.setBy, 'the roles were set again by the volunteer\'s POST');
  });

  await t.test('the members list shows Ans\'s roles as "Rol als mantelzorger: …"', async () => {
    await goto(fatima, circlePath('/members'));
    const row = (await readMembers(fatima)).find((m) => m.name === CARER);
    assert.ok(row.lines.includes(`${S.short}: ${expectedRoles.join(', ')}`), `Ans's row reads: ${row.lines.join(' | ')}`);
  });
});
