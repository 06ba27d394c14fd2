'use strict';
// Passkeys (issue 15, part 2) in headless Chromium (Dutch), with Chromium's
// virtual authenticator (the DevTools protocol's WebAuthn domain: a platform
// authenticator that keeps discoverable passkeys and verifies its user, as a
// phone with a fingerprint does). Browsers offer passkeys only to a name
// over HTTPS or to localhost, so this demo server is reached at
// http://localhost:{port} (SAMENSPEL_PUBLIC_URL).
//
// 1. Ans de Vries (family carer, no second factor required) signs in with
//    her link on a phone, opens "Tweede stap bij het inloggen", adds a
//    passkey named "Mijn telefoon" (her first factor: ten recovery codes),
//    and sees it listed, "Nog niet gebruikt".
// 2. She signs out and signs in with the passkey alone: "Inloggen met een
//    toegangssleutel" on the sign-in page, "Toegangssleutel gebruiken", and
//    she is on "Mijn kringen"; the list says when it was last used.
// 3. When her device does not confirm her (user verification fails), the
//    page says it did not work and she stays signed out; pressing again
//    after it works signs her in.
// 4. Fatima El Amrani (wijkverpleegkundige: a second factor is required)
//    signs in with her link and is kept on the set-up page; she adds a
//    passkey there instead of an app, and reaches her circles.
// 5. She signs out, asks for a sign-in link by e-mail, and the link alone
//    does not sign her in: the code page offers her passkey (and a recovery
//    code); with the passkey she is in.
// Every page of Samenspel here: axe-core and screenshots at 390 and 1280 px.

const assert = require('node:assert/strict');
const path = require('node:path');
const { test, before, after } = require('node:test');

const { createJourney, PHONE } = require('../lib/journey');
const { waitForMail } = require('../lib/mail');
const { TEXTS_NL, MOBILE } = require('../lib/phone');
const { freePort } = require('../tools/oidc-provider');

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts', 'passkeys');
const TEST_TIMEOUT_MS = 180_000;
const CLIENT = 'Henk de Vries';
const RELATIVE = 'Ans de Vries';
const STAFF = 'Fatima El Amrani';
const STAFF_EMAIL = 'fatima@samenspel.example';

// crates/samenspel/locales/nl/passkeys.ftl, second_factor.ftl, sign_in.ftl
const T = {
  ...TEXTS_NL,
  secondFactorTitle: 'Tweede stap bij het inloggen',
  passkeysHeading: 'Toegangssleutels',
  none: 'Je hebt nog geen toegangssleutel.',
  addLink: 'Toegangssleutel toevoegen',
  addTitle: 'Toegangssleutel toevoegen',
  nameLabel: 'Naam van de sleutel',
  make: 'Toegangssleutel maken',
  codesTitle: 'Je herstelcodes',
  neverUsed: 'Nog niet gebruikt',
  lastUsed: 'Laatst gebruikt op',
  signInTitle: 'Inloggen met een toegangssleutel',
  use: 'Toegangssleutel gebruiken',
  cancelled: 'Het is niet gelukt.',
  mustSetUp: 'Voor jouw account is een tweede stap verplicht.',
  codeTitle: 'Geef je code',
  recoveryLabel: 'Herstelcode',
  checkTitle: 'Bevestig met je toegangssleutel',
  sendLink: 'Stuur mij een inloglink',
  nameMissing: 'Geef de sleutel een naam.',
};

const server = {};
const journey = createJourney({
  artifactsDir: ARTIFACTS,
  client: CLIENT,
  texts: T,
  expectedErrors: /status of 422/,
  server,
});
const { url, goto, expectHeading, check, newContext, expectingError } = journey;

before(async () => {
  const port = await freePort();
  server.bind = `127.0.0.1:${port}`;
  server.publicUrl = `http://localhost:${port}`;
  await journey.start();
});

after(async () => {
  await journey.stop();
});

/**
 * A phone's own authenticator in this page's browser: keeps discoverable
 * passkeys and verifies its user (fingerprint), confirming at once.
 */
async function phoneAuthenticator(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    async credentials() {
      return (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
    },
    async verifies(yes) {
      await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: yes });
    },
  };
}

/** Opens someone's printed sign-in link and presses "Inloggen". */
async function signInByLink(page, name) {
  const link = journey.server.links.get(name);
  assert.ok(link, `no sign-in link printed for ${name}`);
  assert.ok(link.startsWith(url('/')), `the link is at the public address: ${link}`);
  await goto(page, link);
  await page.getByRole('button', { name: T.signInButton, exact: true }).click();
}

async function signOut(page) {
  await page.locator('form[action="/sign-out"] button').first().click();
  await page.waitForURL((u) => u.pathname === '/' || u.pathname === '/sign-in');
}

/** On the add page: names the passkey and makes it; the device confirms. */
async function addPasskey(t, page, name, slug) {
  await expectHeading(page, T.addTitle);
  await check(t, page, `passkey-add-${slug}`);
  await page.getByLabel(T.nameLabel).fill(name);
  await page.getByRole('button', { name: T.make, exact: true }).click();
  await expectHeading(page, T.codesTitle);
  assert.equal(await page.locator('ul.recovery-codes li').count(), 10, 'the first factor comes with recovery codes');
  await check(t, page, `passkey-codes-${slug}`);
}

const state = {};

test(`${RELATIVE} adds a passkey on her phone`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const context = await newContext(PHONE, MOBILE);
  const page = await context.newPage();
  state.page = page;
  state.phone = await phoneAuthenticator(context, page);
  await signInByLink(page, RELATIVE);
  await page.waitForURL(url('/circles'));
  await goto(page, '/account/second-factor');
  await expectHeading(page, T.secondFactorTitle);
  await t.test('the page explains passkeys and she has none yet', async () => {
    const region = page.getByRole('region', { name: T.passkeysHeading });
    assert.ok((await region.innerText()).includes(T.none));
  });
  await check(t, page, 'second-factor-without-passkey');
  await page.getByRole('link', { name: T.addLink, exact: true }).click();
  await expectHeading(page, T.addTitle);

  await t.test('a passkey needs a name (said on the page, nothing made)', async () => {
    await page.getByRole('button', { name: T.make, exact: true }).click();
    await page.getByText(T.nameMissing).first().waitFor();
    assert.equal((await state.phone.credentials()).length, 0);
  });

  await addPasskey(t, page, 'Mijn telefoon', 'relative');
  await t.test('the phone keeps one discoverable passkey for this server', async () => {
    const credentials = await state.phone.credentials();
    assert.equal(credentials.length, 1);
    assert.equal(credentials[0].isResidentCredential, true, 'signing in needs no address');
    assert.equal(credentials[0].rpId, 'localhost');
  });
  await goto(page, '/account/second-factor');
  await t.test('it is listed by its name, not used yet', async () => {
    const region = await page.getByRole('region', { name: T.passkeysHeading }).innerText();
    assert.ok(region.includes('Mijn telefoon') && region.includes(T.neverUsed), region);
  });
  await check(t, page, 'second-factor-with-passkey');
});

test(`${RELATIVE} signs in with her passkey alone`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const { page, phone } = state;
  assert.ok(page && phone, 'adding the passkey failed');
  await signOut(page);
  await goto(page, '/sign-in');
  await check(t, page, 'sign-in-with-passkey-option');

  await t.test('when her phone does not confirm her, it says so and she stays signed out', async () => {
    await phone.verifies(false);
    await page.getByRole('button', { name: T.signInTitle, exact: true }).click();
    await expectHeading(page, T.signInTitle);
    await page.getByRole('button', { name: T.use, exact: true }).click();
    await page.getByText(T.cancelled).first().waitFor();
    assert.equal(new URL(page.url()).pathname, '/sign-in/passkey');
    await phone.verifies(true);
  });
  await check(t, page, 'passkey-sign-in');

  await page.getByRole('button', { name: T.use, exact: true }).click();
  await page.waitForURL(url('/circles'));
  await expectHeading(page, T.myCircles);
  await t.test('her circle is there, and the passkey was used', async () => {
    await page.getByRole('link', { name: CLIENT, exact: true }).waitFor();
    await goto(page, '/account/second-factor');
    const region = await page.getByRole('region', { name: T.passkeysHeading }).innerText();
    assert.ok(region.includes(T.lastUsed), region);
  });
});

test(`${STAFF} (professional) sets up a passkey as her second step and signs in with it`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const context = await newContext(PHONE, MOBILE);
  const page = await context.newPage();
  const phone = await phoneAuthenticator(context, page);
  await signInByLink(page, STAFF);
  await page.waitForURL(url('/account/second-factor'));
  assert.ok((await page.locator('main').innerText()).includes(T.mustSetUp));
  await page.getByRole('link', { name: T.addLink, exact: true }).click();
  await addPasskey(t, page, 'Werktelefoon', 'professional');
  await goto(page, '/circles');
  await expectHeading(page, T.myCircles);

  await signOut(page);
  await goto(page, '/sign-in');
  await page.locator('form[action="/sign-in/link"] input[name="email"]').fill(STAFF_EMAIL);
  await page.getByRole('button', { name: T.sendLink, exact: true }).click();
  const { match } = await waitForMail(journey.server, {
    what: 'a sign-in link',
    to: STAFF_EMAIL,
    match: /(https?:\/\/\S+\/sign-in\/link\/[A-Za-z0-9_-]+)/,
  });
  await goto(page, match[1]);
  await page.getByRole('button', { name: T.signInButton, exact: true }).click();
  await page.waitForURL(url('/sign-in/code'));
  await expectHeading(page, T.codeTitle);
  await t.test('the code page offers her passkey, or a recovery code', async () => {
    const main = await page.locator('main').innerText();
    assert.ok(main.includes(T.use) && main.includes(T.recoveryLabel), main);
  });
  await check(t, page, 'second-factor-code-with-passkey');
  await page.getByRole('button', { name: T.use, exact: true }).click();
  await expectHeading(page, T.checkTitle);
  await check(t, page, 'passkey-second-step');
  await page.getByRole('button', { name: T.use, exact: true }).click();
  await page.waitForURL(url('/circles'));
  await expectHeading(page, T.myCircles);
  assert.equal((await phone.credentials())[0].signCount > 0, true, 'the passkey signed');
  // A made-up answer is refused (422), and names what went wrong.
  await t.test('a forged answer to the second step does not sign anyone in', async () => {
    const other = await newContext(PHONE, MOBILE);
    const p = await other.newPage();
    await goto(p, '/sign-in');
    const status = await expectingError(() =>
      p.evaluate(async () => {
        const form = new FormData();
        form.set('csrf', document.querySelector('input[name="csrf"]').value);
        form.set('response', JSON.stringify({ id: 'x', rawId: 'eA', type: 'public-key', response: {} }));
        const r = await fetch('/sign-in/passkey/finish', { method: 'POST', body: new URLSearchParams(form) });
        return r.status;
      }),
    );
    assert.equal(status, 422);
    const cookies = await other.cookies();
    assert.ok(!cookies.some((c) => c.name === 'samenspel_session'), 'no session');
  });
});
