'use strict';
// Help requests and the location's rota in headless Chromium (Dutch), in the
// circle of Henk de Vries. Ans de Vries (family carer, manages the circle),
// Fatima El Amrani (district nurse) and Marieke Hoekstra (coordinator, staff
// of the location "Wijkteam Stadspark") use a desktop window; Thijs Bakker
// (volunteer) a phone (390×844, isMobile, hasTouch); Ellen de Vries
// (representative) a phone-sized window.
//
// 1. The demo's open request "Rit naar het ziekenhuis" (Marieke asked it on
//    Ans's behalf; Thijs offered). Ans finds it on her overview under
//    "Hulpvragen" ("gevraagd door Marieke Hoekstra, voor Ans de Vries",
//    "1 aanbod"), opens it, sees Thijs's offer and chooses him ("Kies Thijs
//    Bakker"); Thijs himself never had that button. After choosing: "Geregeld.
//    Het staat in de agenda van de helper.", "Thijs Bakker helpt", a link
//    "Staat in de agenda", no more choices, and the request is gone from the
//    overview's open ones. Thijs's agenda lists the ride with "Mee: Thijs
//    Bakker".
// 2. Ellen asks for help on Ans's behalf from the "Even vrij" template, four
//    days from today. First with the title emptied: 422, "Schrijf wat er nodig
//    is." in the error summary and at the field, everything else kept. Then
//    sent: "Je vraag staat uit. …", "Ellen de Vries, voor Ans de Vries", no
//    offers. Thijs (phone) finds it on his overview, opens it and offers help
//    with a message; Ellen sees the offer with "Kies Thijs Bakker", Ans (it
//    is for her) too, Fatima (who neither asked nor is it for, nor manages)
//    does not.
// 3. Thijs opens "Rooster en bijeenkomsten van Wijkteam Stadspark" from his
//    overview: the "Familieavond" (Bijeenkomst, 20 plekken open) and the
//    "Duofiets" shift (Dienst voor vrijwilligers, 2 plekken open); no
//    "Nieuwe dienst of bijeenkomst" for him. He joins the family evening
//    ("Ik kom"): "Je staat ingeschreven. Dank je wel!", his name on the card
//    and 19 places open. Ans sees his name there; Marieke (staff) sees
//    "Nieuwe dienst of bijeenkomst". Thijs then leaves again ("Ik kan toch
//    niet"): 20 places open.
//
// Every page visited is screenshotted at 390×844 and 1280×800 and checked with
// axe-core (serious and critical violations fail); Thijs's and Ellen's pages
// must not scroll sideways.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const path = require('node:path');
const { test, before, after } = require('node:test');

const { createJourney, clean, PHONE, DESKTOP } = require('../lib/journey');

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts', 'help');
const TEST_TIMEOUT_MS = 240_000;

const CLIENT = 'Henk de Vries';
const CARER = 'Ans de Vries'; // naaste, manages the circle
const VOLUNTEER = 'Thijs Bakker'; // vrijwilliger
const DAUGHTER = 'Ellen de Vries'; // vertegenwoordiger
const NURSE = 'Fatima El Amrani'; // beroepskracht
const COORDINATOR = 'Marieke Hoekstra'; // coördinator, staff of the location
const LOCATION = 'Wijkteam Stadspark';

const T = {
  signInButton: 'Inloggen',
  myCircles: 'Mijn kringen',
  errorSummary: 'Controleer wat je hebt ingevuld',
  overviewHelp: 'Hulpvragen',
  forMe: 'Voor jou',
  forMeChoose: 'Iemand biedt hulp aan. Kies wie helpt:',
  forMeCanYou: 'Kun jij helpen?',
  askButton: 'Vraag om hulp',
  helpTitle: 'Hulpvragen',
  askHeading: 'Vraag om hulp',
  templates: ['Vervoer', 'Boodschappen', 'Gezelschap', 'Even vrij', 'Klusje', 'Iets anders'],
  respite: 'Even vrij',
  respiteTitle: 'Even vrij voor de mantelzorger',
  send: 'Vraag versturen',
  titleRequired: 'Schrijf wat er nodig is.',
  askedBy: (name) => `gevraagd door ${name}`,
  onBehalf: (by, forWhom) => `${by}, voor ${forWhom}`,
  offers: (n) => (n === 1 ? '1 wil helpen' : `${n} willen helpen`),
  facts: { when: 'Wanneer', asked: 'Gevraagd door', status: 'Hoe staat het ervoor' },
  statusOpen: 'Zoekt nog iemand',
  helpedBy: (name) => `${name} helpt`,
  offersHeading: 'Wie wil helpen',
  noOffers: 'Nog niemand heeft gereageerd.',
  choose: (name) => `Kies ${name}`,
  offer: 'Ik kan helpen',
  inAgenda: 'Staat in de agenda',
  along: (names) => `Mee: ${names}`,
  notice: {
    asked: 'Je vraag staat uit. Wie wil helpen, reageert hier.',
    offered: 'Dank je wel! Je aanbod is doorgegeven.',
    confirmed: 'Geregeld. Het staat in de agenda van de helper.',
    signedUp: 'Je staat ingeschreven. Dank je wel!',
    leftPlace: 'Je plaats is weer vrij voor een ander.',
  },
  locationLink: `Rooster en bijeenkomsten van ${LOCATION}`,
  locationHeading: 'Rooster en bijeenkomsten',
  meeting: 'Bijeenkomst',
  rota: 'Dienst voor vrijwilligers',
  locationNew: 'Nieuwe dienst of bijeenkomst',
  openPlaces: (n) => (n === 1 ? '1 plek open' : `${n} plekken open`),
  join: 'Ik kom',
  leave: 'Ik kan toch niet',
  nobody: 'Nog niemand',
};

const RIDE = {
  title: 'Rit naar het ziekenhuis',
  offer: 'Ik kan rijden, en ik wacht wel in de hal.',
};
const FAMILY_EVENING = 'Familieavond';
const DUO_BIKE = 'Duofiets: een rondje met een bewoner';

const RUN = crypto.randomBytes(2).toString('hex');
const RESPITE = {
  title: `Even vrij voor Ans: middag naar de markt (${RUN})`,
  from: '13:00',
  until: '17:00',
  details: `Ans wil een middag naar de markt in de stad. Henk kan niet alleen blijven (${RUN}).`,
  offer: `Ik kan die middag, ik neem een puzzel mee (${RUN}).`,
};

const journey = createJourney({ artifactsDir: ARTIFACTS, client: CLIENT, texts: T, expectedErrors: /status of (404|409|422)/ });
const { url, circlePath, goto, expectingError, expectHeading, check, signIn, pageOf, assertNoSidewaysScroll, submitTo, openFold } = journey;

const state = {};

/** "YYYY-MM-DD" for today plus `days`, in Amsterdam. */
function isoDay(days = 0) {
  const at = new Date(Date.now() + days * 24 * 3600 * 1000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function esc(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A button's accessible name: visible text, then a visually hidden ": …". */
function withHiddenPrefix(visible, what) {
  return new RegExp(`^${esc(visible)} ?: ${esc(what)}`);
}

async function expectNotice(page, text) {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

/**
 * The overview's folded "Hulpvragen" (`details.fold.help-requests`, read from
 * the DOM, open or not): each open request's link, text and badge.
 */
async function readOverviewHelp(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    const section = document.querySelector('details.fold.help-requests');
    if (!section) return null;
    return {
      heading: clean(section.querySelector('summary h2').textContent),
      count: clean(section.querySelector('summary .badge').textContent),
      items: [...section.querySelectorAll('.fold-body li')].map((li) => {
        const a = li.querySelector('a');
        const badge = li.querySelector('.badge');
        return { title: clean(a.textContent), href: a.getAttribute('href'), text: clean(li.textContent), badge: badge ? clean(badge.textContent) : null };
      }),
    };
  });
}

/** The overview's "Voor jou" (`#for-me-heading`): each line's text and links. */
async function readForMe(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    const section = document.querySelector('section[aria-labelledby="for-me-heading"]');
    if (!section) return null;
    return {
      heading: clean(section.querySelector('h2').textContent),
      items: [...section.querySelectorAll('li')].map((li) => ({
        text: clean(li.textContent),
        links: [...li.querySelectorAll('a')].map((a) => ({ title: clean(a.textContent), href: a.getAttribute('href') })),
      })),
    };
  });
}

/** The line of "Voor jou" that links to `href`, or undefined. */
function forMeLine(forMe, href) {
  return forMe && forMe.items.find((i) => i.links.some((l) => l.href === href));
}

/** A request page: its facts, its offers (name, message, buttons), and whether it has the offer form. */
async function readRequest(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    const facts = {};
    for (const dt of document.querySelectorAll('dl.facts > dt')) facts[clean(dt.textContent)] = clean(dt.nextElementSibling && dt.nextElementSibling.textContent);
    const noOffers = [...document.querySelectorAll('p.hint')].map((p) => clean(p.textContent));
    return {
      title: clean((document.querySelector('h2') || {}).textContent),
      facts,
      hints: noOffers,
      offers: [...document.querySelectorAll('ul.offers > li.offer')].map((li) => ({
        text: clean(li.querySelector('p').textContent),
        buttons: [...li.querySelectorAll('button')].map((b) => clean(b.textContent)),
      })),
      chooseButtons: [...document.querySelectorAll('form[action$="/choose"] button')].map((b) => clean(b.textContent)),
      offerForm: Boolean(document.querySelector('form[action$="/respond"]')),
      agendaLink: (() => {
        const a = [...document.querySelectorAll('a')].find((x) => clean(x.textContent) === 'Staat in de agenda');
        return a ? a.getAttribute('href') : null;
      })(),
    };
  });
}

/** The slots of an agenda page that link to `href`: day, title and meta lines. */
async function findAgendaSlots(page, href) {
  return page.evaluate((href) => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    const out = [];
    for (const day of document.querySelectorAll('li.agenda-day')) {
      for (const li of day.querySelectorAll('li.slot')) {
        const a = li.querySelector('.slot-title a');
        if (a && a.getAttribute('href') === href) {
          out.push({
            day: day.id.replace(/^day-/, ''),
            title: clean(a.textContent),
            time: clean(li.querySelector('.slot-time').textContent),
            meta: [...li.querySelectorAll('p.meta')].map((p) => clean(p.textContent)),
          });
        }
      }
    }
    return out;
  }, href);
}

/** The cards of the location's agenda. */
async function readLocationCards(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    return [...document.querySelectorAll('li.occurrence')].map((li) => {
      const state = li.querySelector('p.shift-state');
      let people = null;
      let badge = null;
      if (state) {
        const copy = state.cloneNode(true);
        const b = copy.querySelector('.badge');
        badge = b ? clean(b.textContent) : null;
        if (b) b.remove();
        people = clean(copy.textContent);
      }
      return {
        id: li.id,
        eyebrow: clean(li.querySelector('.eyebrow').textContent),
        title: clean(li.querySelector('h3').textContent),
        people,
        badge,
        mine: li.classList.contains('mine'),
        buttons: [...li.querySelectorAll('button')].map((b) => clean(b.textContent)),
        actions: [...li.querySelectorAll('form')].map((f) => f.getAttribute('action')),
      };
    });
  });
}

async function assertErrorSummary(page, messages) {
  const summary = page.getByRole('alert');
  await summary.getByRole('heading', { name: T.errorSummary, exact: true }).waitFor();
  const links = summary.getByRole('link');
  assert.deepEqual((await links.allTextContents()).map(clean), messages, 'the error summary lists something else');
  for (const link of await links.all()) {
    const target = await link.getAttribute('href');
    assert.equal(await page.locator(target).count(), 1, `the error summary links to ${target}, which is not on the page`);
  }
}

/** The circle's overview, its heading waited for. */
async function openOverview(page) {
  await goto(page, circlePath());
  await expectHeading(page, CLIENT);
}

// ---------------------------------------------------------------------------

before(async () => {
  await journey.start();
});

after(async () => {
  await journey.stop();
});

test('Ans (family carer), Thijs (volunteer, on a phone), Ellen (representative), Fatima (district nurse) and Marieke (coordinator) sign in', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await signIn(t, CARER, DESKTOP, 'carer');
  await signIn(t, VOLUNTEER, PHONE, 'volunteer', { isMobile: true, hasTouch: true });
  await signIn(t, DAUGHTER, PHONE, 'representative');
  await signIn(t, NURSE, DESKTOP, 'nurse');
  await signIn(t, COORDINATOR, DESKTOP, 'coordinator');
});

test('Journey 1: Ans finds the open ride on her overview, chooses Thijs; the request says who helps and Thijs\'s agenda has the ride with him along', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const ans = pageOf(CARER);
  const thijs = pageOf(VOLUNTEER);

  await openOverview(ans);
  await ans.getByRole('region', { name: T.forMe, exact: true }).waitFor();
  // "Hulpvragen" is folded: Ans opens it, as a reader would.
  const helpFold = await openFold(ans, T.overviewHelp);
  const help = await readOverviewHelp(ans);
  const ride = help && help.items.find((i) => i.title === RIDE.title);
  await t.test(`Ans's overview lists "${RIDE.title}" under "${T.overviewHelp}" (folded; opened), "${T.askedBy(T.onBehalf(COORDINATOR, CARER))}", "${T.offers(1)}", and has "${T.askButton}"`, async () => {
    assert.ok(ride, `"${T.overviewHelp}" lists ${help ? help.items.map((i) => i.title).join(', ') : 'nothing'}`);
    assert.match(ride.href, new RegExp(`^${esc(circlePath('/help/'))}[^/?#]+$`));
    assert.ok(ride.text.includes(T.askedBy(T.onBehalf(COORDINATOR, CARER))), `the request reads "${ride.text}"`);
    assert.equal(ride.badge, T.offers(1));
    assert.equal(helpFold.count, help.items.length, `the summary of "${T.overviewHelp}" counts ${helpFold.count}, the fold lists ${help.items.length}`);
    assert.ok(await helpFold.fold.getByRole('link', { name: RIDE.title, exact: true }).isVisible(), 'the ride is not visible in the opened fold');
    const ask = helpFold.fold.getByRole('link', { name: T.askButton, exact: true });
    assert.equal(await ask.getAttribute('href'), circlePath('/help'));
  });
  assert.ok(ride, 'the ride is not on the overview');
  state.ridePath = ride.href;
  // The ride has an offer and is for Ans: it waits for her choice, first on the page.
  const forAns = await readForMe(ans);
  const rideForAns = forMeLine(forAns, state.ridePath);
  await t.test(`"${T.forMe}" asks Ans to choose a helper for "${RIDE.title}"`, () => {
    assert.ok(rideForAns, `"${T.forMe}" holds ${JSON.stringify(forAns && forAns.items)}`);
    assert.ok(rideForAns.text.startsWith(`${T.forMeChoose} ${RIDE.title}`), `the line reads "${rideForAns.text}"`);
  });
  await check(t, ans, 'overview-carer');

  // Thijs, who offered, may not choose himself.
  await goto(thijs, state.ridePath);
  await expectHeading(thijs, RIDE.title, 2);
  const seenByThijs = await readRequest(thijs);
  await t.test('Thijs (who offered) sees his offer and no "Kies …" button; the page does not scroll sideways', async () => {
    assert.deepEqual(seenByThijs.offers.map((o) => o.text), [`${VOLUNTEER}: ${RIDE.offer}`]);
    assert.deepEqual(seenByThijs.chooseButtons, []);
    await assertNoSidewaysScroll(thijs, 'the request page');
  });
  await check(t, thijs, 'help-request-volunteer-offered');

  await ans.getByRole('region', { name: T.forMe, exact: true }).getByRole('link', { name: RIDE.title, exact: true }).click();
  await ans.waitForURL(url(state.ridePath));
  await expectHeading(ans, RIDE.title, 2);
  const before = await readRequest(ans);
  await t.test(`the request page: asked by "${T.onBehalf(COORDINATOR, CARER)}", "${T.statusOpen}", "${T.offersHeading}" with Thijs's offer and "${T.choose(VOLUNTEER)}"`, async () => {
    await ans.getByRole('heading', { level: 3, name: T.offersHeading, exact: true }).waitFor();
    assert.equal(before.facts[T.facts.asked], T.onBehalf(COORDINATOR, CARER));
    assert.equal(before.facts[T.facts.status], T.statusOpen);
    assert.deepEqual(before.offers, [{ text: `${VOLUNTEER}: ${RIDE.offer}`, buttons: [T.choose(VOLUNTEER)] }]);
    assert.equal(before.agendaLink, null);
  });
  await check(t, ans, 'help-request-carer-open');

  const chosen = await submitTo(ans, ans.getByRole('button', { name: T.choose(VOLUNTEER), exact: true }), `${state.ridePath}/choose`);
  await t.test(`"${T.choose(VOLUNTEER)}" answers 303`, () => assert.equal(chosen.status(), 303));
  await ans.waitForURL(url(`${state.ridePath}?done=notice-help-confirmed`));
  await expectNotice(ans, T.notice.confirmed);
  const afterChoice = await readRequest(ans);
  await t.test(`after choosing: "${T.notice.confirmed}", "${T.helpedBy(VOLUNTEER)}", a link "${T.inAgenda}", and no choices left`, () => {
    assert.equal(afterChoice.facts[T.facts.status], T.helpedBy(VOLUNTEER));
    assert.match(afterChoice.agendaLink || '', new RegExp(`^${esc(circlePath('/agenda/'))}[^/?#]+$`), `"${T.inAgenda}" links to ${afterChoice.agendaLink}`);
    assert.deepEqual(afterChoice.chooseButtons, []);
    assert.equal(afterChoice.offerForm, false, 'the offer form is still there');
  });
  await check(t, ans, 'help-request-carer-confirmed');
  state.rideItemPath = afterChoice.agendaLink;

  await openOverview(ans);
  const helpAfter = await readOverviewHelp(ans);
  const forAnsAfter = await readForMe(ans);
  await t.test(`the ride is no longer among the open requests on Ans's overview, nor under "${T.forMe}"`, () => {
    assert.ok(!helpAfter || !helpAfter.items.some((i) => i.href === state.ridePath), 'the ride is still listed as open');
    assert.equal(forMeLine(forAnsAfter, state.ridePath), undefined, `"${T.forMe}" still asks Ans to choose for the ride`);
  });

  assert.ok(state.rideItemPath, 'no agenda item for the ride');
  await goto(thijs, circlePath('/agenda'));
  const slots = await findAgendaSlots(thijs, state.rideItemPath);
  await t.test(`Thijs's agenda lists "${RIDE.title}" (09:30–12:00) with "${T.along(VOLUNTEER)}"; the page does not scroll sideways`, async () => {
    assert.equal(slots.length, 1, `the agenda lists the ride ${slots.length} times`);
    assert.equal(slots[0].title, RIDE.title);
    assert.equal(slots[0].time, '09:30–12:00');
    assert.ok(slots[0].meta.includes(T.along(VOLUNTEER)), `the ride's lines are ${JSON.stringify(slots[0].meta)}`);
    await assertNoSidewaysScroll(thijs, 'the agenda');
  });
  await check(t, thijs, 'agenda-volunteer-ride');
  await goto(thijs, state.rideItemPath);
  await t.test(`the ride's item page opens for Thijs and names him along`, async () => {
    await expectHeading(thijs, RIDE.title, 2);
    assert.ok((await thijs.locator('main').innerText()).includes(T.along(VOLUNTEER)));
    await assertNoSidewaysScroll(thijs, 'the ride\'s item page');
  });
  await check(t, thijs, 'agenda-item-volunteer-ride');
});

test('Journey 2: Ellen asks for "Even vrij" on Ans\'s behalf (first with an empty title: 422, all kept); Thijs offers help from his phone; Ellen and Ans can choose him, Fatima cannot', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const ellen = pageOf(DAUGHTER);
  const thijs = pageOf(VOLUNTEER);
  const ans = pageOf(CARER);
  const fatima = pageOf(NURSE);
  const day = isoDay(4);

  await openOverview(ellen);
  const ellenFold = await openFold(ellen, T.overviewHelp);
  await ellenFold.fold.getByRole('link', { name: T.askButton, exact: true }).click();
  await ellen.waitForURL(url(circlePath('/help')));
  await expectHeading(ellen, T.helpTitle, 2);
  const templates = await ellen.locator('ul.button-row a').allTextContents();
  await t.test(`"${T.helpTitle}" offers the templates ${T.templates.join(', ')}; no sideways scrolling`, async () => {
    assert.deepEqual(templates.map(clean), T.templates);
    await assertNoSidewaysScroll(ellen, 'the help page');
  });
  await check(t, ellen, 'help-representative');

  await ellen.getByRole('link', { name: T.respite, exact: true }).click();
  await ellen.waitForURL(url(circlePath('/help/new?template=respite')));
  await expectHeading(ellen, T.askHeading, 2);
  await t.test(`the form starts from "${T.respite}" with the title "${T.respiteTitle}"`, async () => {
    assert.ok(await ellen.locator('#template-respite').isChecked(), '"Even vrij" is not chosen');
    assert.equal(await ellen.locator('#title').inputValue(), T.respiteTitle);
    await assertNoSidewaysScroll(ellen, 'the help form');
  });
  await check(t, ellen, 'help-form-respite');

  const ansValue = await ellen.locator('#asked_for option').filter({ hasText: new RegExp(`^${esc(CARER)} \\(`) }).getAttribute('value');
  await ellen.locator('#title').fill('');
  await ellen.locator('#asked_for').selectOption(ansValue);
  await ellen.locator('#date').fill(day);
  await ellen.locator('#from_time').fill(RESPITE.from);
  await ellen.locator('#until_time').fill(RESPITE.until);
  await ellen.locator('#details').fill(RESPITE.details);
  const send = () => submitTo(ellen, ellen.getByRole('button', { name: T.send, exact: true }), circlePath('/help'));
  const noTitle = await expectingError(async () => {
    const response = await send();
    await ellen.locator('.error-summary').waitFor();
    return response;
  });
  await t.test(`without a title: 422, "${T.titleRequired}" in the error summary and at the field, everything else kept`, async () => {
    assert.equal(noTitle.status(), 422, `the request without a title answered ${noTitle.status()}`);
    await assertErrorSummary(ellen, [T.titleRequired]);
    assert.equal(clean(await ellen.locator('#title-error').textContent()), T.titleRequired);
    assert.equal(await ellen.locator('#title').getAttribute('aria-invalid'), 'true');
    assert.match(await ellen.locator('#title').getAttribute('aria-describedby'), /\btitle-error\b/);
    assert.ok(await ellen.locator('#template-respite').isChecked(), 'the template is lost');
    assert.equal(await ellen.locator('#asked_for').inputValue(), ansValue, '"Voor wie?" is lost');
    assert.equal(await ellen.locator('#date').inputValue(), day, 'the date is lost');
    assert.equal(await ellen.locator('#from_time').inputValue(), RESPITE.from, 'the start time is lost');
    assert.equal(await ellen.locator('#until_time').inputValue(), RESPITE.until, 'the end time is lost');
    assert.equal(await ellen.locator('#details').inputValue(), RESPITE.details, 'the details are lost');
    await assertNoSidewaysScroll(ellen, 'the help form with an error');
  });
  await check(t, ellen, 'help-form-error');

  await ellen.locator('#title').fill(RESPITE.title);
  const sent = await send();
  assert.equal(sent.status(), 303, `sending the request answered ${sent.status()}`);
  await ellen.waitForURL(new RegExp(`${esc(circlePath('/help/'))}[^/?#]+\\?done=notice-help-asked$`));
  state.respitePath = new URL(ellen.url()).pathname;
  await expectNotice(ellen, T.notice.asked);
  await expectHeading(ellen, RESPITE.title, 2);
  const asked = await readRequest(ellen);
  await t.test(`sent: "${T.notice.asked}", asked by "${T.onBehalf(DAUGHTER, CARER)}", "${T.statusOpen}", "${T.noOffers}"`, async () => {
    assert.equal(asked.facts[T.facts.asked], T.onBehalf(DAUGHTER, CARER));
    assert.equal(asked.facts[T.facts.status], T.statusOpen);
    assert.match(asked.facts[T.facts.when], new RegExp(`${esc(RESPITE.from)}.${esc(RESPITE.until)}`), `"Wanneer" reads "${asked.facts[T.facts.when]}"`);
    assert.ok(asked.hints.includes(T.noOffers));
    assert.deepEqual(asked.offers, []);
    await assertNoSidewaysScroll(ellen, 'the new request');
  });
  await check(t, ellen, 'help-request-representative-new');

  // Thijs on his phone.
  await openOverview(thijs);
  const forThijs = await readForMe(thijs);
  const askedThijs = forMeLine(forThijs, state.respitePath);
  await t.test(`"${T.forMe}" on Thijs's overview asks "${T.forMeCanYou} ${RESPITE.title}", asked by "${T.onBehalf(DAUGHTER, CARER)}"`, () => {
    assert.ok(askedThijs, `"${T.forMe}" holds ${JSON.stringify(forThijs && forThijs.items)}`);
    assert.ok(askedThijs.text.startsWith(`${T.forMeCanYou} ${RESPITE.title}`), `the line reads "${askedThijs.text}"`);
    assert.ok(askedThijs.text.endsWith(T.askedBy(T.onBehalf(DAUGHTER, CARER))), `the line reads "${askedThijs.text}"`);
  });
  const thijsFold = await openFold(thijs, T.overviewHelp);
  const help = await readOverviewHelp(thijs);
  const mine = help && help.items.find((i) => i.href === state.respitePath);
  await t.test(`Thijs's overview lists it under "${T.overviewHelp}" (folded; opened), "${T.askedBy(T.onBehalf(DAUGHTER, CARER))}", without offers`, async () => {
    assert.ok(mine, `"${T.overviewHelp}" lists ${help ? help.items.map((i) => i.title).join(', ') : 'nothing'}`);
    assert.equal(mine.title, RESPITE.title);
    assert.ok(mine.text.includes(T.askedBy(T.onBehalf(DAUGHTER, CARER))), `the request reads "${mine.text}"`);
    assert.equal(mine.badge, null);
    assert.equal(thijsFold.count, help.items.length, `the summary of "${T.overviewHelp}" counts ${thijsFold.count}, the fold lists ${help.items.length}`);
    await assertNoSidewaysScroll(thijs, 'the overview');
  });
  await check(t, thijs, 'overview-volunteer');
  await thijs.getByRole('region', { name: T.forMe, exact: true }).getByRole('link', { name: RESPITE.title, exact: true }).click();
  await thijs.waitForURL(url(state.respitePath));
  await expectHeading(thijs, RESPITE.title, 2);
  await check(t, thijs, 'help-request-volunteer');
  await thijs.locator('#message').fill(RESPITE.offer);
  const offered = await submitTo(thijs, thijs.getByRole('button', { name: T.offer, exact: true }), `${state.respitePath}/respond`);
  assert.equal(offered.status(), 303, `offering answered ${offered.status()}`);
  await thijs.waitForURL(url(`${state.respitePath}?done=notice-help-offered`));
  await expectNotice(thijs, T.notice.offered);
  const afterOffer = await readRequest(thijs);
  await t.test(`"${T.notice.offered}": his offer is listed, without "Kies …" for him; no sideways scrolling`, async () => {
    assert.deepEqual(afterOffer.offers.map((o) => o.text), [`${VOLUNTEER}: ${RESPITE.offer}`]);
    assert.deepEqual(afterOffer.chooseButtons, []);
    await assertNoSidewaysScroll(thijs, 'the request after offering');
  });
  await check(t, thijs, 'help-request-volunteer-offered-respite');
  await openOverview(thijs);
  const forThijsAfter = await readForMe(thijs);
  await t.test(`after offering, "${T.forMe}" no longer asks Thijs`, () => {
    assert.equal(forMeLine(forThijsAfter, state.respitePath), undefined, `"${T.forMe}" still asks Thijs: ${JSON.stringify(forThijsAfter && forThijsAfter.items)}`);
  });
  for (const [name, page] of [[DAUGHTER, ellen], [CARER, ans]]) {
    await openOverview(page);
    const forThem = await readForMe(page);
    await t.test(`"${T.forMe}" on ${name}'s overview asks to choose a helper for it`, () => {
      const line = forMeLine(forThem, state.respitePath);
      assert.ok(line, `"${T.forMe}" of ${name} holds ${JSON.stringify(forThem && forThem.items)}`);
      assert.ok(line.text.startsWith(`${T.forMeChoose} ${RESPITE.title}`), `the line reads "${line.text}"`);
    });
  }
  await openOverview(fatima);
  const forFatima = await readForMe(fatima);
  await t.test(`"${T.forMe}" on Fatima's overview does not ask her to choose`, () => {
    const line = forMeLine(forFatima, state.respitePath);
    assert.ok(!line || !line.text.startsWith(T.forMeChoose), `"${T.forMe}" asks Fatima to choose: "${line && line.text}"`);
  });

  for (const [name, page, slug] of [[DAUGHTER, ellen, 'representative'], [CARER, ans, 'carer']]) {
    await goto(page, state.respitePath);
    const seen = await readRequest(page);
    await t.test(`${name} sees Thijs's offer with "${T.choose(VOLUNTEER)}"`, () => {
      assert.deepEqual(seen.offers, [{ text: `${VOLUNTEER}: ${RESPITE.offer}`, buttons: [T.choose(VOLUNTEER)] }]);
    });
    await check(t, page, `help-request-offer-${slug}`);
  }
  await goto(fatima, state.respitePath);
  const seenByFatima = await readRequest(fatima);
  await t.test('Fatima (neither asker, nor the one it is for, nor a manager) sees the offer but cannot choose', () => {
    assert.deepEqual(seenByFatima.offers.map((o) => o.text), [`${VOLUNTEER}: ${RESPITE.offer}`]);
    assert.deepEqual(seenByFatima.chooseButtons, []);
  });
  await check(t, fatima, 'help-request-offer-nurse');
});

test('Journey 3: Thijs opens the location\'s rota from his overview and joins the family evening; the places go down, Ans sees his name, Marieke may plan; he leaves again', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const thijs = pageOf(VOLUNTEER);
  const ans = pageOf(CARER);
  const marieke = pageOf(COORDINATOR);

  await openOverview(thijs);
  const link = thijs.getByRole('link', { name: T.locationLink, exact: true });
  const href = await link.getAttribute('href');
  await t.test(`the overview links "${T.locationLink}" to /locations/{id}/agenda`, () => {
    assert.match(href || '', /^\/locations\/[^/?#]+\/agenda$/);
  });
  await link.click();
  await thijs.waitForURL(url(href));
  state.locationPath = href;
  await expectHeading(thijs, LOCATION);
  await expectHeading(thijs, T.locationHeading, 2);
  const cards = await readLocationCards(thijs);
  const evening = cards.find((c) => c.title === FAMILY_EVENING);
  const bike = cards.find((c) => c.title === DUO_BIKE);
  await t.test(`"${FAMILY_EVENING}" is a "${T.meeting}" with "${T.openPlaces(20)}" and "${T.join}"; "${DUO_BIKE}" a "${T.rota}" with "${T.openPlaces(2)}"; no "${T.locationNew}" for Thijs; no sideways scrolling`, async () => {
    assert.ok(evening, `the rota lists ${cards.map((c) => c.title).join(', ')}`);
    assert.equal(evening.eyebrow, T.meeting);
    assert.equal(evening.people, T.nobody);
    assert.equal(evening.badge, T.openPlaces(20));
    assert.equal(evening.buttons.length, 1);
    assert.match(evening.buttons[0], withHiddenPrefix(T.join, FAMILY_EVENING));
    assert.ok(bike, `the rota lists ${cards.map((c) => c.title).join(', ')}`);
    assert.equal(bike.eyebrow, T.rota);
    assert.equal(bike.badge, T.openPlaces(2));
    assert.equal(await thijs.getByRole('link', { name: T.locationNew, exact: true }).count(), 0);
    await assertNoSidewaysScroll(thijs, 'the location\'s rota');
  });
  await check(t, thijs, 'location-agenda-volunteer');
  assert.ok(evening, 'no family evening');
  state.eveningId = evening.id;

  const card = thijs.locator(`[id="${evening.id}"]`);
  const joinAction = evening.actions[0];
  const joined = await submitTo(thijs, card.getByRole('button', { name: withHiddenPrefix(T.join, FAMILY_EVENING) }), joinAction);
  assert.equal(joined.status(), 303, `joining answered ${joined.status()}`);
  await thijs.waitForURL(url(`${state.locationPath}?done=notice-signed-up`));
  await expectNotice(thijs, T.notice.signedUp);
  const joinedCard = (await readLocationCards(thijs)).find((c) => c.id === evening.id);
  await t.test(`"${T.notice.signedUp}": the card names Thijs, "${T.openPlaces(19)}", and offers "${T.leave}"; no sideways scrolling`, async () => {
    assert.ok(joinedCard, 'the family evening is gone');
    assert.equal(joinedCard.people, VOLUNTEER);
    assert.equal(joinedCard.badge, T.openPlaces(19));
    assert.ok(joinedCard.mine, 'the card is not marked as his');
    assert.equal(joinedCard.buttons.length, 1);
    assert.match(joinedCard.buttons[0], withHiddenPrefix(T.leave, FAMILY_EVENING));
    await assertNoSidewaysScroll(thijs, 'the location\'s rota after joining');
  });
  await check(t, thijs, 'location-agenda-volunteer-joined');

  await goto(ans, circlePath());
  await ans.getByRole('link', { name: T.locationLink, exact: true }).click();
  await ans.waitForURL(url(state.locationPath));
  const ansCard = (await readLocationCards(ans)).find((c) => c.id === evening.id);
  await t.test(`Ans sees Thijs on the family evening, "${T.openPlaces(19)}", and may join herself`, () => {
    assert.ok(ansCard, 'Ans does not see the family evening');
    assert.equal(ansCard.people, VOLUNTEER);
    assert.equal(ansCard.badge, T.openPlaces(19));
    assert.ok(ansCard.buttons.some((b) => withHiddenPrefix(T.join, FAMILY_EVENING).test(b)), `Ans's buttons: ${ansCard.buttons.join(', ')}`);
  });
  await check(t, ans, 'location-agenda-carer');

  await goto(marieke, circlePath());
  await marieke.getByRole('link', { name: T.locationLink, exact: true }).click();
  await marieke.waitForURL(url(state.locationPath));
  const mariekeCard = (await readLocationCards(marieke)).find((c) => c.id === evening.id);
  await t.test(`Marieke (staff) sees "${T.locationNew}" and Thijs on the family evening`, async () => {
    const plan = marieke.getByRole('link', { name: T.locationNew, exact: true });
    assert.equal(await plan.count(), 1);
    assert.equal(await plan.getAttribute('href'), `${state.locationPath}/new`);
    assert.ok(mariekeCard, 'Marieke does not see the family evening');
    assert.equal(mariekeCard.people, VOLUNTEER);
  });
  await check(t, marieke, 'location-agenda-staff');

  const leaveAction = joinedCard.actions[0];
  const left = await submitTo(thijs, thijs.locator(`[id="${evening.id}"]`).getByRole('button', { name: withHiddenPrefix(T.leave, FAMILY_EVENING) }), leaveAction);
  assert.equal(left.status(), 303, `leaving answered ${left.status()}`);
  await thijs.waitForURL(url(`${state.locationPath}?done=notice-left-place`));
  await expectNotice(thijs, T.notice.leftPlace);
  const leftCard = (await readLocationCards(thijs)).find((c) => c.id === evening.id);
  await t.test(`"${T.leave}": "${T.notice.leftPlace}", "${T.openPlaces(20)}" and "${T.join}" again`, () => {
    assert.equal(leftCard.people, T.nobody);
    assert.equal(leftCard.badge, T.openPlaces(20));
    assert.match(leftCard.buttons[0], withHiddenPrefix(T.join, FAMILY_EVENING));
  });
  await check(t, thijs, 'location-agenda-volunteer-left');
});
