'use strict';
// The organisation's own tools (issue 14) in headless Chromium (Dutch): the
// samenspelmonitor, the coach's inbox and the social map. Marieke
// Hoekstra, coordinator of the whole demo organisation, finds the monitor
// from her circles, opens the organisation's figures (this month, the kept
// months as charts with their tables, the locations side by side), downloads
// them as CSV and opens one location. Joost van Dam, coach of Wijkteam
// Stadspark only, opens his location's monitor on a phone: no client's name
// or text is on it, and the other location's monitor does not exist for him.
// Joost then works through his to-do list (the coach's inbox): he takes an
// item on and marks another done. Ans de Vries, family carer at Stadspark,
// is refused the monitor; she finds a choir on the social map and sees what
// fits Henk on his "Dit ben ik". Marieke adds a place to the map, first with
// a web address that is not one. Every page is checked
// with axe-core at 390 and 1280 pixels and screenshotted.

const assert = require('node:assert/strict');
const path = require('node:path');
const { test, before, after } = require('node:test');

const { createJourney, DESKTOP, PHONE } = require('../lib/journey');
const { TEXTS_NL, MOBILE } = require('../lib/phone');

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts', 'organisation');
const TEST_TIMEOUT_MS = 180_000;
const ORG = 'Zorggroep Noorderlicht';
const STADSPARK = 'Wijkteam Stadspark';
const ESDOORN = 'Woonzorgcentrum De Esdoorn';

const T = {
  ...TEXTS_NL,
  monitor: 'Samenspelmonitor',
  circles: 'Actieve kringen',
  counts: 'De monitor telt alleen.',
  compare: 'Locaties vergelijken',
  trend: 'Door de tijd',
  download: 'Download als CSV',
  noMonitor: 'Je werkt niet voor een organisatie of locatie.',
  inbox: 'Te doen',
  claim: 'Ik pak dit op',
  done: 'Klaar',
  claimed: 'Je pakt dit op. Anderen zien dat nu.',
  marked: 'Staat op klaar.',
  onItMe: 'Opgepakt door jou',
  practice: 'Praktijkvoorbeelden',
  socialMap: 'Sociale kaart',
  socialMapOf: 'Sociale kaart van Zorggroep Noorderlicht',
  search: 'Zoek op een woord',
  find: 'Zoeken',
  add: 'Iets toevoegen',
  websiteError: 'Vul een webadres in dat begint met https:// of laat het leeg.',
  added: 'Staat op de sociale kaart.',
  suggestions: 'Iets voor Henk de Vries in de buurt?',
};

const journey = createJourney({
  artifactsDir: ARTIFACTS,
  client: 'Henk de Vries',
  texts: T,
  expectedErrors: /status of (403|404|422)/,
});
const { url, goto, gotoNotFound, expectingError, expectHeading, check, setUpSecondFactor, newContext } = journey;

const state = {};

before(async () => {
  await journey.start();
});

after(async () => {
  await journey.stop();
});

/** Signs a demo person in with their printed link (setting up the second factor when asked). */
async function signIn(name, viewport, options = {}) {
  const link = journey.server.links.get(name);
  assert.ok(link, `no sign-in link printed for ${name}`);
  const context = await newContext(viewport, options);
  const page = await context.newPage();
  await goto(page, link);
  await page.getByRole('button', { name: T.signInButton, exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/circles' || u.pathname === '/account/second-factor');
  if (new URL(page.url()).pathname === '/account/second-factor') {
    await setUpSecondFactor(page);
    await goto(page, '/circles');
  }
  await expectHeading(page, T.myCircles);
  return page;
}

/** The value in a monitor table's row named `label`. */
async function figure(page, label) {
  const row = page.locator('table.monitor-figures tr', { has: page.getByRole('rowheader', { name: label, exact: true }) });
  return (await row.first().locator('td').textContent()).trim();
}

test('Marieke Hoekstra (organisation coordinator) opens the organisation\'s monitor from her circles', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = await signIn('Marieke Hoekstra', DESKTOP);
  state.marieke = page;
  await page.getByRole('link', { name: T.monitor, exact: true }).click();
  await page.waitForURL(url('/monitor'));
  await expectHeading(page, T.monitor);
  await check(t, page, 'monitor-list');
  const links = await page.locator('main li.card a').evaluateAll((as) => as.map((a) => [a.textContent.trim(), a.getAttribute('href')]));
  state.links = Object.fromEntries(links);
  await t.test('the list has the organisation and both its locations', () => {
    assert.deepEqual(Object.keys(state.links).sort(), [ESDOORN, STADSPARK, ORG].sort());
  });

  await page.getByRole('link', { name: ORG, exact: true }).click();
  await expectHeading(page, `${T.monitor}: ${ORG}`);
  await check(t, page, 'monitor-organisation');
  await t.test('the figures of this month say what they count, with charts and their tables', async () => {
    assert.match(await page.locator('main').innerText(), new RegExp(T.counts));
    const circles = Number(await figure(page, T.circles));
    assert.ok(circles >= 12, `active circles: ${circles}`);
    assert.ok(await page.locator('svg.bar-chart').count() >= 4, 'the trend charts');
    const tables = await page.locator('table.trend-table').count();
    assert.equal(tables, await page.locator('svg.bar-chart').count(), 'every chart has its table');
    await expectHeading(page, T.trend, 2);
  });
  await t.test('the locations side by side', async () => {
    await expectHeading(page, T.compare, 2);
    const head = await page.locator('table.monitor-compare thead').innerText();
    assert.ok(head.includes(STADSPARK) && head.includes(ESDOORN), head);
  });
  await t.test('the CSV has a row per month and one per location', async () => {
    const href = await page.getByRole('link', { name: T.download }).getAttribute('href');
    const response = await page.request.get(url(href));
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /^text\/csv/);
    const lines = (await response.text()).trim().split(/\r\n/);
    assert.match(lines[0], /^\uFEFF?scope,name,month,circles,/);
    assert.ok(lines.some((l) => l.startsWith(`location,${STADSPARK},`)), lines.join('\n'));
    assert.ok(lines.filter((l) => l.startsWith(`organisation,${ORG},`)).length >= 12);
  });

  await goto(page, state.links[STADSPARK]);
  await expectHeading(page, `${T.monitor}: ${STADSPARK}`);
  await check(t, page, 'monitor-location');
});

test('Joost van Dam (coach of Wijkteam Stadspark) sees his location on a phone, and nothing of De Esdoorn', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = await signIn('Joost van Dam', PHONE, MOBILE);
  await page.getByRole('link', { name: T.monitor, exact: true }).click();
  await expectHeading(page, T.monitor);
  await check(t, page, 'monitor-list-coach');
  await t.test('his list has his own location only', async () => {
    const names = await page.locator('main li.card a').allTextContents();
    assert.deepEqual(names.map((n) => n.trim()), [STADSPARK]);
  });
  await page.getByRole('link', { name: STADSPARK, exact: true }).click();
  await expectHeading(page, `${T.monitor}: ${STADSPARK}`);
  await check(t, page, 'monitor-location-coach');
  await t.test('counts only: no client, no message, no other location', async () => {
    const text = await page.locator('main').innerText();
    for (const name of ['Jan Vos', 'Henk de Vries', 'Ans de Vries', 'Dank je wel', 'Het wordt me soms te veel', ESDOORN]) {
      assert.ok(!text.includes(name), `${name} is on the monitor`);
    }
    assert.equal(await page.locator('table.monitor-compare').count(), 0, 'no comparison for one location');
  });
  await t.test('the other location\'s monitor does not exist for him, and the whole organisation\'s is refused', async () => {
    await gotoNotFound(page, state.links[ESDOORN]);
    await expectingError(() => goto(page, state.links[ORG], 403));
  });

  await goto(page, '/monitor');
  await page.getByRole('link', { name: T.practice, exact: true }).click();
  await expectHeading(page, T.practice);
  await check(t, page, 'practice-coach');
  await t.test('the coaches\' practice examples are shared across locations', async () => {
    const titles = (await page.locator('li.practice-example h2').allTextContents()).map((n) => n.trim());
    assert.ok(titles.includes('Als kinderen het niet eens zijn'), titles.join(', '));
  });

  await goto(page, '/circles');
  await page.getByRole('link', { name: T.inbox, exact: true }).click();
  await expectHeading(page, T.inbox);
  await check(t, page, 'inbox-coach');
  const items = page.locator('li.inbox-item');
  const before = await items.count();
  await t.test('his to-do list has what needs a person in his circles', () => {
    assert.ok(before >= 2, `${before} items`);
  });
  const first = items.first();
  const subject = (await first.locator('h3').innerText()).trim();
  await first.getByRole('button', { name: new RegExp(`^${T.claim}`) }).click();
  await page.getByText(T.claimed).waitFor();
  await check(t, page, 'inbox-claimed');
  await t.test('the item he took on says so', async () => {
    const mine = page.locator('li.inbox-item.mine', { has: page.getByRole('heading', { name: subject, exact: true }) });
    assert.equal(await mine.count(), 1);
    assert.match(await mine.innerText(), new RegExp(T.onItMe));
  });
  const last = items.last();
  const lastSubject = (await last.locator('h3').innerText()).trim();
  const lastClient = (await last.locator('.eyebrow').innerText()).trim();
  await last.getByRole('button', { name: new RegExp(`^${T.done}`) }).click();
  await page.getByText(T.marked).waitFor();
  await t.test('the item marked done is gone from the list', async () => {
    assert.equal(await items.count(), before - 1);
    const same = page.locator('li.inbox-item', { hasText: lastClient }).filter({ has: page.getByRole('heading', { name: lastSubject, exact: true }) });
    assert.equal(await same.count(), 0);
  });
});

test('Ans de Vries (family carer at Stadspark) has no monitor and is refused the location\'s', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = await signIn('Ans de Vries', PHONE, MOBILE);
  assert.equal(await page.getByRole('link', { name: T.monitor, exact: true }).count(), 0, 'no way to a monitor on her circles');
  await goto(page, '/monitor');
  await expectHeading(page, T.monitor);
  await check(t, page, 'monitor-list-empty');
  assert.match(await page.locator('main').innerText(), new RegExp(T.noMonitor));
  await expectingError(() => goto(page, state.links[STADSPARK], 403));

  await goto(page, '/circles');
  await page.getByRole('link', { name: T.socialMapOf, exact: true }).click();
  await expectHeading(page, T.socialMap);
  await check(t, page, 'social-map');
  await page.getByLabel(T.search).fill('liedjes');
  await page.getByRole('button', { name: T.find, exact: true }).click();
  await page.waitForURL(/q=liedjes/);
  await check(t, page, 'social-map-search');
  await t.test('a search finds the choir and nothing else', async () => {
    const names = (await page.locator('li.initiative h2').allTextContents()).map((n) => n.trim());
    assert.deepEqual(names, ['Ouderenkoor De Zonnebloem']);
    assert.equal(await page.getByRole('link', { name: T.add }).count(), 0, 'a family carer reads the map only');
  });
  const henk = await (async () => {
    await goto(page, '/circles');
    return page.getByRole('link', { name: 'Henk de Vries', exact: true }).getAttribute('href');
  })();
  await goto(page, `${henk}/about`);
  await t.test('"Dit ben ik" suggests what fits what Henk likes', async () => {
    await page.getByRole('heading', { name: T.suggestions }).waitFor();
    const text = await page.locator('main').innerText();
    assert.ok(text.includes('Biljartvereniging De Keu') && text.includes('Ouderenkoor De Zonnebloem'), text);
  });
  await check(t, page, 'about-suggestions');
});

test('Marieke Hoekstra adds a place to the social map; a web address that is not one is named and nothing is lost', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = state.marieke;
  assert.ok(page, 'Marieke signed in in the first test');
  await goto(page, '/circles');
  await page.getByRole('link', { name: T.socialMapOf, exact: true }).click();
  await page.getByRole('link', { name: T.add, exact: true }).click();
  await check(t, page, 'social-map-new');
  await page.getByLabel('Naam', { exact: true }).fill('Moestuin De Groene Vinger');
  await page.getByLabel('Soort').selectOption('exercise');
  await page.getByLabel('Website').fill('moestuin punt nl');
  await page.getByLabel('Onderwerpen').fill('tuin, groente, buiten');
  await expectingError(async () => {
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText(T.websiteError).first().waitFor();
  });
  await check(t, page, 'social-map-invalid');
  await t.test('what she typed is still there', async () => {
    assert.equal(await page.getByLabel('Naam', { exact: true }).inputValue(), 'Moestuin De Groene Vinger');
    assert.equal(await page.getByLabel('Onderwerpen').inputValue(), 'tuin, groente, buiten');
  });
  await page.getByLabel('Website').fill('https://moestuin.example');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await page.getByText(T.added).waitFor();
  await t.test('the new place is on the map', async () => {
    const names = (await page.locator('li.initiative h2').allTextContents()).map((n) => n.trim());
    assert.ok(names.includes('Moestuin De Groene Vinger'), names.join(', '));
  });
});
