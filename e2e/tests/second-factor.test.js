'use strict';
// The second factor (issue 15) in headless Chromium (Dutch), on a phone
// (390×844): Marieke Hoekstra, coordinator of the demo organisation, signs in
// with her printed link and is kept on the set-up page until she sets up an
// authenticator app. The app's codes are computed here from the secret the
// page writes out (lib/totp.js, RFC 6238 with node's crypto). She keeps the
// recovery codes, signs out, asks for a sign-in link by e-mail, and this time
// the link alone does not sign her in: a wrong code is refused, the code from
// the app lets her in. Every page is checked with axe-core and screenshotted.

const assert = require('node:assert/strict');
const path = require('node:path');
const { test, before, after } = require('node:test');

const { createJourney, PHONE } = require('../lib/journey');
const { waitForMail } = require('../lib/mail');
const { TEXTS_NL, MOBILE } = require('../lib/phone');

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts', 'second-factor');
const TEST_TIMEOUT_MS = 180_000;
const COORDINATOR = 'Marieke Hoekstra';
const EMAIL = 'marieke@samenspel.example';
const CLIENT = 'mevrouw Gerda Mulder';

const T = {
  ...TEXTS_NL,
  setUpTitle: 'Tweede stap bij het inloggen',
  mustSetUp: 'Voor jouw account is een tweede stap verplicht.',
  codesTitle: 'Je herstelcodes',
  codeTitle: 'Geef je code',
  wrongCode: 'Deze code klopt niet.',
  sendLink: 'Stuur mij een inloglink',
  next: 'Verder',
};

const journey = createJourney({ artifactsDir: ARTIFACTS, client: CLIENT, texts: T, expectedErrors: /status of 422/ });
const { url, goto, expectingError, expectHeading, check, setUpSecondFactor, newContext } = journey;

const state = {};

before(async () => {
  await journey.start();
});

after(async () => {
  await journey.stop();
});

test(`${COORDINATOR} (coordinator) signs in with her link on a phone and must set up a second factor first`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const link = journey.server.links.get(COORDINATOR);
  assert.ok(link, `no sign-in link printed for ${COORDINATOR}`);
  const context = await newContext(PHONE, MOBILE);
  const page = await context.newPage();
  state.page = page;
  await goto(page, link);
  await page.getByRole('button', { name: T.signInButton, exact: true }).click();
  await page.waitForURL(url('/account/second-factor'));
  await expectHeading(page, T.setUpTitle);

  await t.test('the set-up page says why, and every other page leads back to it', async () => {
    assert.ok((await page.locator('main').innerText()).includes(T.mustSetUp));
    await goto(page, '/circles');
    assert.equal(new URL(page.url()).pathname, '/account/second-factor', 'the overview of circles waits');
  });

  state.app = await setUpSecondFactor(page, t, 'coordinator');

  await t.test('ten recovery codes are shown once', async () => {
    await expectHeading(page, T.codesTitle);
    assert.equal(await page.locator('ul.recovery-codes li').count(), 10);
    await goto(page, '/account/second-factor');
    assert.equal(await page.locator('ul.recovery-codes').count(), 0, 'not shown again');
  });

  await t.test('then she reaches her circles', async () => {
    await goto(page, '/circles');
    await expectHeading(page, T.myCircles);
  });
});

test(`${COORDINATOR} signs out, asks for a link by e-mail, and needs the code from her app to sign in`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const { page, app } = state;
  assert.ok(page && app, 'the set-up test failed');
  await page.locator('form[action="/sign-out"] button').first().click();
  await page.waitForURL((u) => u.pathname === '/' || u.pathname === '/sign-in');
  await goto(page, '/sign-in');
  await page.locator('form[action="/sign-in/link"] input[name="email"]').fill(EMAIL);
  await page.getByRole('button', { name: T.sendLink, exact: true }).click();
  const { match } = await waitForMail(journey.server, {
    what: 'a sign-in link',
    to: EMAIL,
    match: /(https?:\/\/\S+\/sign-in\/link\/[A-Za-z0-9_-]+)/,
  });
  await goto(page, match[1]);
  await page.getByRole('button', { name: T.signInButton, exact: true }).click();
  await page.waitForURL(url('/sign-in/code'));
  await expectHeading(page, T.codeTitle);
  await check(t, page, 'second-factor-code');

  await t.test('the link alone does not sign her in', async () => {
    const response = await page.goto(url('/circles'));
    assert.equal(new URL(page.url()).pathname, '/sign-in', `went to ${page.url()} (${response && response.status()})`);
    // Back to the code page, loaded afresh (for a current form token).
    await goto(page, '/sign-in/code');
  });

  await page.locator('#code').fill('000000'); // one chance in about 300,000 of being a code the server takes now
  await expectingError(async () => {
    await page.getByRole('button', { name: T.next, exact: true }).click();
    await page.getByText(T.wrongCode).first().waitFor({ timeout: 15_000 });
  });
  await t.test('a wrong code is refused and named, and does not sign her in', async () => {
    assert.equal(new URL(page.url()).pathname, '/sign-in/code');
    assert.ok((await page.locator('.error-summary').innerText()).includes(T.wrongCode));
  });
  await check(t, page, 'second-factor-code-wrong');

  await t.test('the code from her app signs her in', async () => {
    await page.locator('#code').fill(await app.code());
    await page.getByRole('button', { name: T.next, exact: true }).click();
    await page.waitForURL(url('/circles'));
    await expectHeading(page, T.myCircles);
  });
});
