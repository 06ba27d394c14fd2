'use strict';
// Knowledge (issue 14) in headless Chromium (Dutch): Anouk Peters, coach of
// De Esdoorn, reads the organisation's questions and answers (the starter
// set marked as such), changes one answer and sees the earlier versions;
// takes the staff quiz (first leaving a question open, which is named while
// her choices stay), sees her own result with an explanation per answer, and
// the organisation's counts; and prints her location's placemat on A3.
// Marieke Hoekstra, coordinator of a resident's circle, makes a welcome card
// for the family with the invitation link as a QR code. Rob Mulder, a
// resident's son, reads the placemat on his phone.
// Every page is checked with axe-core at 390 and 1280 pixels.

const assert = require('node:assert/strict');
const path = require('node:path');
const { test, before, after } = require('node:test');

const { createJourney, DESKTOP, PHONE } = require('../lib/journey');
const { TEXTS_NL, MOBILE } = require('../lib/phone');

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts', 'knowledge');
const TEST_TIMEOUT_MS = 180_000;

const T = {
  ...TEXTS_NL,
  faq: 'Vragen en antwoorden',
  starterTag: 'startset: pas aan',
  quiz: 'Quiz: samen zorgen',
  chooseAnswer: 'Kies een antwoord.',
  result: 'Jouw uitslag',
  placemat: 'Placemat: wat familie mag doen',
  welcomeCard: 'Welkomstkaart',
};

const journey = createJourney({
  artifactsDir: ARTIFACTS,
  client: 'Henk de Vries',
  texts: T,
  expectedErrors: /status of (403|404|422)/,
});
const { goto, expectingError, expectHeading, check, setUpSecondFactor, newContext } = journey;
const state = {};

before(async () => {
  await journey.start();
});

after(async () => {
  await journey.stop();
});

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

test('Anouk Peters (coach of De Esdoorn) reads and adapts the FAQ and takes the quiz', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = await signIn('Anouk Peters', DESKTOP);
  await page.getByRole('link', { name: /^Vragen en antwoorden: / }).first().click();
  await expectHeading(page, T.faq);
  await check(t, page, 'faq');
  await t.test('the starter set is marked as such', async () => {
    assert.ok(await page.getByText(T.starterTag).count() >= 5);
  });
  const entry = page.locator('details.faq-entry', { hasText: 'Wat mag ik over een cliënt delen met familie?' });
  await entry.locator('summary').click();
  await entry.getByRole('link', { name: /^Aanpassen/ }).click();
  await expectHeading(page, 'Aanpassen');
  await page.getByLabel('Antwoord', { exact: true }).fill('Alleen wat de cliënt goed vindt. Kijk bij Wie ziet wat.');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await page.getByText('Aangepast. De vorige versie blijft bewaard.').waitFor();
  await goto(page, new URL(page.url()).pathname + '/' + (await page.locator('details.faq-entry', { hasText: 'Wat mag ik over een cliënt delen' }).getAttribute('id')).replace('faq-', ''));
  await check(t, page, 'faq-entry');
  await t.test('the earlier version is kept', async () => {
    const text = await page.locator('main').innerText();
    assert.match(text, /versie 2, door Anouk Peters/);
    assert.match(text, /versie 1, uit de startset/);
  });

  await goto(page, '/circles');
  await page.getByRole('link', { name: /^Quiz voor medewerkers/ }).first().click();
  await expectHeading(page, T.quiz);
  await check(t, page, 'quiz');
  await page.getByLabel('Samen bespreken wat ze wil doen en het vastleggen bij Wie doet wat.').check();
  await expectingError(async () => {
    await page.getByRole('button', { name: 'Klaar, laat zien', exact: true }).click();
    await page.getByText(T.chooseAnswer).first().waitFor();
  });
  await check(t, page, 'quiz-invalid');
  await t.test('her choice is still there', async () => {
    assert.ok(await page.getByLabel('Samen bespreken wat ze wil doen en het vastleggen bij Wie doet wat.').isChecked());
  });
  await page.getByLabel('Alleen wat de cliënt goed vindt dat hij weet.').check();
  await page.getByLabel('Ja, als het is afgesproken met de verantwoordelijke beroepskracht en in het zorgplan staat.').check();
  await page.getByLabel('Het doorsturen naar de hele kring.').check();
  await page.getByLabel('Een geldige VOG, zoals de regels van de vrijwilligerspool vragen.').check();
  await page.getByRole('button', { name: 'Klaar, laat zien', exact: true }).click();
  await expectHeading(page, T.result);
  await check(t, page, 'quiz-result');
  await t.test('her own result, with why', async () => {
    const text = await page.locator('main').innerText();
    assert.match(text, /4 van de 5 goed\./);
    assert.match(text, /Vraag eerst of het breder gedeeld mag worden/);
  });
  await goto(page, new URL(page.url()).pathname + '/results');
  await expectHeading(page, 'Quiz: uitslagen van de organisatie');
  await check(t, page, 'quiz-results');
  await t.test('the organisation\'s counts: seven rounds, no one\'s answers', async () => {
    assert.match(await page.locator('main').innerText(), /Aantal keer gedaan: 7/);
  });
  state.anouk = page;
});

test('Anouk prints her location\'s placemat, Marieke makes a welcome card, Rob reads the placemat on his phone', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = state.anouk;
  assert.ok(page, 'Anouk signed in in the first test');
  await goto(page, '/circles');
  await page.getByRole('link', { name: /^Placemat: Woonzorgcentrum De Esdoorn/ }).click();
  await expectHeading(page, T.placemat);
  await page.getByRole('link', { name: 'A3', exact: true }).click();
  await page.waitForURL(/size=a3/);
  await check(t, page, 'placemat');
  state.placemat = new URL(page.url()).pathname;
  await page.getByLabel('Wat mag familie doen?').fill('Samen de krant lezen');
  await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
  await page.getByText('Staat op de placemat.').waitFor();
  await t.test('printed, only the mat is on paper', async () => {
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Toevoegen', exact: true }).isVisible(), false);
    assert.ok(await page.locator('section.placemat').isVisible());
    await page.emulateMedia({ media: 'screen' });
  });

  // The resident's circle's coordinator makes a welcome card from the invitations page.
  const marieke = await signIn('Marieke Hoekstra', DESKTOP);
  await marieke.getByRole('link', { name: 'mevrouw Gerda Mulder', exact: true }).click();
  const circle = new URL(marieke.url()).pathname;
  await goto(marieke, `${circle}/invitations`);
  await marieke.getByRole('link', { name: 'Welkomstkaart printen', exact: true }).click();
  await expectHeading(marieke, T.welcomeCard, 2);
  await check(t, marieke, 'welcome-card-form');
  await marieke.getByLabel('Relatie (niet verplicht)').fill('kleindochter');
  await marieke.getByRole('button', { name: 'Kaart maken', exact: true }).click();
  await marieke.locator('.welcome-qr svg').waitFor();
  await check(t, marieke, 'welcome-card');
  await t.test('the card has a QR code and the written link, which opens the invitation', async () => {
    const link = (await marieke.locator('.welcome-link').innerText()).trim();
    assert.match(link, /\/invitations\/[A-Za-z0-9_-]+$/);
    const response = await marieke.request.get(link);
    assert.equal(response.status(), 200);
  });

  const rob = await signIn('Rob Mulder', PHONE, MOBILE);
  await goto(rob, state.placemat);
  await expectHeading(rob, T.placemat);
  await check(t, rob, 'placemat-family');
  await t.test('a son reads it, and cannot change it', async () => {
    assert.match(await rob.locator('main').innerText(), /Samen de krant lezen/);
    assert.equal(await rob.getByRole('button', { name: 'Toevoegen', exact: true }).count(), 0);
  });
});
