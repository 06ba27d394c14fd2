'use strict';
// The volunteer pool (issue 14) in headless Chromium (Dutch): the
// coordinator's journey from the monitor to a placed volunteer. Marieke
// Hoekstra (coordinator of the demo organisation) opens the monitor, then
// her to-do list, where Ans's request to take Henk to the hairdresser waits
// for someone; she asks the volunteer pool, sees that Sanne de Boer said yes
// and asks her. Sanne, on her phone, sees the request with a first name
// only, accepts, and lands in Henk's circle. Joost van Dam (coach) keeps the
// pool: finds who is free on Wednesday afternoons, sees whose VOG lapses,
// opens a record, and approves an expense claim Sanne made on her phone
// (first with a mistake, which is named while what she typed stays). Every
// page is checked with axe-core at 390 and 1280 pixels and screenshotted.

const assert = require('node:assert/strict');
const path = require('node:path');
const { test, before, after } = require('node:test');

const { createJourney, DESKTOP, PHONE } = require('../lib/journey');
const { TEXTS_NL, MOBILE } = require('../lib/phone');

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts', 'pool');
const TEST_TIMEOUT_MS = 180_000;

const T = {
  ...TEXTS_NL,
  monitor: 'Samenspelmonitor',
  inbox: 'Te doen',
  askPool: 'Vraag de vrijwilligerspool',
  request: 'Met Henk naar de kapper',
  offer: 'Met iemand naar de kapper rijden en weer terug',
  ask: 'Vragen',
  asked: 'Gevraagd. De vrijwilliger krijgt een e-mail en antwoordt op de eigen pagina.',
  saidYes: 'wil dit doen',
  volunteering: 'Vrijwilligerswerk',
  youAreAsked: 'Je bent gevraagd',
  accept: 'Ja, ik doe het',
  welcome: 'Welkom in de kring! Je bent nu vrijwilliger in deze kring.',
  pool: 'Vrijwilligerspool',
  freeAt: 'Kan op',
  lapsing: 'VOG verloopt binnenkort',
  claims: 'Declaraties',
  claimSent: 'Je declaratie is ingediend.',
  descriptionMissing: 'Schrijf waarvoor de kosten waren.',
  approved: 'De declaratie is goedgekeurd.',
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

test('Marieke Hoekstra goes from the monitor to her to-do list and asks the pool for Henk\'s ride', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = await signIn('Marieke Hoekstra', DESKTOP);
  await page.getByRole('link', { name: T.monitor, exact: true }).click();
  await expectHeading(page, T.monitor);
  await goto(page, '/circles');
  await page.getByRole('link', { name: T.inbox, exact: true }).click();
  await expectHeading(page, T.inbox);
  const item = page.locator('li.inbox-item', { has: page.getByRole('heading', { name: T.request, exact: true }) });
  await t.test('the request nobody answered is on her list', async () => {
    assert.equal(await item.count(), 1);
  });
  await item.getByRole('link', { name: new RegExp(`^${T.askPool}`) }).click();
  await expectHeading(page, T.askPool, 2);
  state.henk = new URL(page.url()).pathname.replace(/\/pool$/, '');
  await check(t, page, 'circle-pool');
  const offer = page.locator('section.pool-offer', { has: page.getByRole('heading', { name: T.offer, exact: true }) });
  const sanne = offer.locator('li.pool-candidate', { hasText: 'Sanne de Boer' });
  await t.test('Sanne said yes and is listed first; Gijs, without a VOG, is not offered', async () => {
    assert.match(await sanne.innerText(), new RegExp(T.saidYes));
    const first = (await offer.locator('li.pool-candidate strong').first().innerText()).trim();
    assert.equal(first, 'Sanne de Boer');
    assert.equal(await offer.locator('li.pool-candidate', { hasText: 'Gijs Hoekstra' }).count(), 0);
  });
  await sanne.getByRole('button', { name: new RegExp(`^${T.ask}`) }).click();
  await page.getByText(T.asked).waitFor();
  await check(t, page, 'circle-pool-asked');
  await t.test('the offer says who was asked', async () => {
    assert.match(await offer.innerText(), /Gevraagd: Sanne de Boer/);
  });
  // The pool's rules are the organisation's managers': she opens them from the pool.
  await goto(page, '/circles');
  await page.getByRole('link', { name: /^Vrijwilligerspool: / }).first().click();
  await page.getByRole('link', { name: 'Regels aanpassen', exact: true }).click();
  await expectHeading(page, 'Regels van de pool');
  await check(t, page, 'pool-rules');
});

test('Sanne de Boer (pool volunteer) accepts on her phone and joins Henk\'s circle', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = await signIn('Sanne de Boer', PHONE, MOBILE);
  await check(t, page, 'circles-volunteer');
  await page.getByRole('link', { name: T.volunteering, exact: true }).click();
  await expectHeading(page, T.volunteering);
  await check(t, page, 'pool-mine');
  const asked = page.locator('li.pool-offer.asked');
  await t.test('she sees what and when, with a first name only', async () => {
    await expectHeading(page, T.youAreAsked, 3);
    const text = await asked.innerText();
    assert.match(text, /Voor Henk in Stadspark/);
    const main = await page.locator('main').innerText();
    for (const hidden of ['de Vries', 'Ans', 'alzheimer']) assert.ok(!main.includes(hidden), `${hidden} on her pool page`);
  });
  await t.test('before she accepts, Henk\'s circle does not exist for her', async () => {
    assert.ok(state.henk, 'Marieke found the circle in the first test');
    await gotoNotFound(page, state.henk);
    await gotoNotFound(page, `${state.henk}/logbook`);
    await goto(page, '/pool');
  });
  // Her expenses, on the phone: a missing description is named, the rest stays.
  await page.getByLabel('Kilometers', { exact: true }).fill('12');
  await expectingError(async () => {
    await page.getByRole('button', { name: 'Declaratie indienen', exact: true }).click();
    await page.getByText(T.descriptionMissing).first().waitFor();
  });
  await check(t, page, 'pool-claim-invalid');
  await t.test('what she typed is still there', async () => {
    assert.equal(await page.getByLabel('Kilometers', { exact: true }).inputValue(), '12');
  });
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  await page.getByLabel('Datum', { exact: true }).fill(today);
  await page.getByLabel('Waarvoor?', { exact: true }).fill('Rit met een bewoner naar de markt');
  await page.getByRole('button', { name: 'Declaratie indienen', exact: true }).click();
  await page.getByText(T.claimSent).waitFor();

  await page.locator('li.pool-offer.asked').getByRole('button', { name: new RegExp(`^${T.accept}`) }).click();
  await page.getByText(T.welcome).waitFor();
  await check(t, page, 'circle-after-accept');
  await t.test('she is in Henk\'s circle now', async () => {
    assert.equal(new URL(page.url()).pathname, state.henk);
  });
});

test('Joost van Dam (coach) keeps the pool: who is free when, whose VOG lapses, and an expense claim', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = await signIn('Joost van Dam', DESKTOP);
  await page.getByRole('link', { name: /^Vrijwilligerspool: / }).first().click();
  await expectHeading(page, T.pool);
  await check(t, page, 'pool');
  await t.test('a VOG about to lapse is shown', async () => {
    const ruud = page.locator('li.pool-volunteer', { hasText: 'Ruud Jansen' });
    assert.match(await ruud.innerText(), new RegExp(T.lapsing));
  });
  await page.getByLabel(T.freeAt).selectOption('wed-afternoon');
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await page.waitForURL(/slot=wed-afternoon/);
  await t.test('only who is free on Wednesday afternoons', async () => {
    const names = (await page.locator('li.pool-volunteer h2 a').allTextContents()).map((n) => n.trim()).sort();
    assert.deepEqual(names, ['Fenna Dijkstra', 'Ilse Verbeek', 'Sanne de Boer']);
  });
  await page.getByRole('link', { name: 'Sanne de Boer', exact: true }).click();
  await expectHeading(page, 'Sanne de Boer');
  await check(t, page, 'pool-volunteer');
  await t.test('her availability is ticked in the grid', async () => {
    assert.ok(await page.getByLabel('woensdag middag', { exact: true }).isChecked());
    assert.ok(!(await page.getByLabel('maandag ochtend', { exact: true }).isChecked()));
  });

  await goto(page, new URL(page.url()).pathname.replace(/\/pool\/.*$/, '/expenses'));
  await expectHeading(page, T.claims);
  await check(t, page, 'pool-claims');
  const row = page.locator('tr', { hasText: 'Rit met een bewoner naar de markt' });
  await row.getByRole('button', { name: /^Goedkeuren/ }).click();
  await page.getByText(T.approved).waitFor();
  await t.test('the claim is no longer waiting', async () => {
    assert.equal(await page.locator('tr', { hasText: 'Rit met een bewoner naar de markt' }).count(), 0);
  });
  await t.test('a coach of the pool is not its volunteer: the volunteer\'s page has no pool for him', async () => {
    await goto(page, '/pool');
    assert.match(await page.locator('main').innerText(), /Je staat nog niet in een vrijwilligerspool/);
  });
  await check(t, page, 'pool-mine-none');
  await goto(page, '/monitor');
  await page.getByRole('link', { name: 'Praktijkvoorbeelden', exact: true }).click();
  await page.getByRole('link', { name: 'Voorbeeld delen', exact: true }).click();
  await check(t, page, 'practice-new');
});
