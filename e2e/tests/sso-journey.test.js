'use strict';
// Single sign-on (OpenID Connect) against a real OpenID provider on this
// machine: `oidc-provider` (panva's certified implementation) started by
// tools/oidc-provider.js, with one confidential client for Samenspel and the
// package's own development login and consent pages (English: "Sign-in",
// "Continue", "[ Cancel ]"). Whoever logs in there with an e-mail address is
// that address to Samenspel (`email_verified: true`); `unverified:<address>`
// gives the same address unverified. In Dutch, on a phone (390×844,
// isMobile, hasTouch). The provider's port is chosen first, Samenspel starts
// with SAMENSPEL_SSO_ISSUER and the rest (through this process's
// environment, which lib/server.js hands on), and the provider then starts
// with Samenspel's callback and sign-in page registered for the client.
//
// 1. The sign-in page shows "Inloggen met je werkaccount" ("Werk je bij
//    Zorggroep Oost? …") with the link "Inloggen met Zorggroep Oost" to
//    /sign-in/sso?next=/circles. The provider is not running yet: the link
//    answers 502 "We konden de inlogpagina van je organisatie niet
//    bereiken. …". Then the provider starts.
// 2. Fatima El Amrani (wijkverpleegkundige, fatima@samenspel.example) clicks
//    it: /sign-in/sso answers 303 to the provider's authorization endpoint
//    (response_type=code, client_id=samenspel, scope "openid email
//    profile", PKCE S256, state, nonce, the callback as redirect_uri) and
//    sets the cookie samenspel_sso (HttpOnly, SameSite=Lax). She logs in
//    at the provider with her address, gives consent, and comes back to
//    /sign-in/sso/callback: 303 to the second-factor set-up (staff must set
//    one up), the samenspel_sso cookie removed. Samenspel exchanged the code
//    with client_secret_basic and the PKCE verifier (the provider's own
//    record of its token requests). She sets up her authenticator app and
//    lands on /circles with "Henk de Vries".
// 3. Replay: the same callback address again (taken from the network)
//    answers 400 "Inloggen met Zorggroep Oost is niet gelukt" / "Deze
//    inlogpoging is verlopen of al gebruikt. …", also with her browser's
//    samenspel_sso cookie put back: the state is single use. Her session is
//    untouched.
// 4. Another browser (Noor Jansen's login at the provider, her way back
//    held before it reached Samenspel): the genuine callback opened in a
//    fresh browser without the cookie answers 400, and so does it in a
//    browser that started an attempt of its own (cookie, but another one);
//    a made-up state with a real cookie answers 400. None of them is signed
//    in afterwards.
// 5. A code injected into someone else's attempt (Noor's unused code with
//    the state of the other browser's own attempt) is refused by the
//    provider (PKCE: the verifier does not match the challenge): 400 "Het
//    antwoord van je organisatie klopte niet. …", not signed in.
// 6. Someone without a Samenspel account (an address not in the demo) logs
//    in at the provider: 403 "Er is in Samenspel nog geen account met het
//    e-mailadres van je werk. …", not signed in. Nor does an address of the
//    demo that the provider does not vouch for (`email_verified: false`).
// 7. Cancelling at the provider ("[ Cancel ]" on its login page: it sends
//    error=access_denied with the state back): 400 "Het inloggen is
//    afgebroken. …".
// 8. Ans de Vries (family carer: no second factor) starts with
//    /sign-in/sso?next=//elders.example/inloggen: the callback sends her to
//    /circles, not away.
// 9. Fatima signs out ("Afmelden"): 303 to the provider's end_session
//    endpoint with client_id and post_logout_redirect_uri={Samenspel}/sign-in
//    (on a page of Samenspel's own, "Je bent afgemeld", that goes on by a
//    meta refresh: the Content-Security-Policy's form-action 'self' keeps a
//    form's redirect on the site), the browser follows it to the provider's
//    confirmation ("Yes, sign me out") and is back on /sign-in. Her session
//    is gone (/circles sends to the sign-in page, her old session cookie no
//    longer works), and so is the provider's.
// 10. She opens her circle's overview signed out (to /sign-in?next=…),
//    signs in through the provider again, gives the code from her app on
//    /sign-in/code and lands on that overview.
// 11. A provider that keeps to OpenID Connect Core 5.4 (oidc-provider's
//    default `conformIdTokenClaims: true`: in the code flow the email claims
//    come from the userinfo endpoint, not in the ID token; the provider is
//    restarted with that setting, the same port and keys): Noor Jansen signs
//    in (Samenspel asks the userinfo endpoint for the address). Steps 2 to 10
//    run against a provider that puts the claims into the ID token too
//    (`conformIdTokenClaims: false`).
//
// Every Samenspel page: axe-core and screenshots at 390 and 1280 px
// (lib/check.js); the provider's own pages are not checked. The provider's
// events and requests are written to artifacts/sso/provider.log.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { test, before, after } = require('node:test');

const { createJourney, clean, PHONE } = require('../lib/journey');
const { TEXTS_NL, MOBILE } = require('../lib/phone');
const { startOidcProvider, samenspelEnv, freePort, CLIENT_ID } = require('../tools/oidc-provider');

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts', 'sso');
const PROVIDER_LOG = path.join(ARTIFACTS, 'provider.log');
const TEST_TIMEOUT_MS = 120_000;

const STAFF = 'Fatima El Amrani'; // wijkverpleegkundige in the circle of Henk de Vries (demo/mod.rs)
const STAFF_EMAIL = 'fatima@samenspel.example';
const CLIENT = 'Henk de Vries';
const OTHER_STAFF_EMAIL = 'noor@samenspel.example'; // Noor Jansen, professional in the circle of mevrouw Gerda Mulder
const RELATIVE = 'Ans de Vries'; // echtgenote, mantelzorger in the circle of Henk de Vries
const RELATIVE_EMAIL = 'ans@samenspel.example';
const ELSEWHERE = '//elders.example/inloggen';

const RUN = crypto.randomBytes(3).toString('hex');
const STRANGER_EMAIL = `nieuwe.collega.${RUN}@zorggroep-oost.example`;
const LABEL = 'Zorggroep Oost';
const CLIENT_SECRET = crypto.randomBytes(24).toString('base64url');

const CALLBACK = '/sign-in/sso/callback';

// crates/samenspel/locales/nl/sso.ftl, sign_in.ftl, second_factor.ftl, general.ftl
const T = {
  ...TEXTS_NL,
  signInTitle: 'Inloggen',
  ssoHeading: 'Inloggen met je werkaccount',
  ssoExplain: `Werk je bij ${LABEL}? Log dan in met het account van je werk.`,
  ssoButton: `Inloggen met ${LABEL}`,
  failedTitle: `Inloggen met ${LABEL} is niet gelukt`,
  back: 'Terug naar inloggen',
  attemptGone: 'Deze inlogpoging is verlopen of al gebruikt. Begin opnieuw op de inlogpagina.',
  cancelled: 'Het inloggen is afgebroken. Begin opnieuw op de inlogpagina.',
  refused:
    'Het antwoord van je organisatie klopte niet. Begin opnieuw op de inlogpagina. Lukt het dan nog niet, vraag dan je beheerder om hulp.',
  providerDown: 'We konden de inlogpagina van je organisatie niet bereiken. Probeer het over een paar minuten opnieuw.',
  noAccount:
    'Er is in Samenspel nog geen account met het e-mailadres van je werk. Vraag je beheerder of een coördinator om je uit te nodigen.',
  setUpTitle: 'Tweede stap bij het inloggen',
  codeTitle: 'Geef je code',
  next: 'Verder',
  signOut: 'Afmelden',
  signedOutTitle: 'Je bent afgemeld',
};

// oidc-provider's development pages (lib/views, helpers/defaults.js), in English.
const OP = {
  loginField: 'input[name="login"]',
  signIn: 'Sign-in',
  consent: 'Continue',
  cancel: '[ Cancel ]',
  logoutYes: 'Yes, sign me out',
};

// The provider pages import a web font; nothing leaves this machine.
const FONTS = /^https:\/\/fonts\.(googleapis|gstatic)\.com\//;

// Samenspel reads its SAMENSPEL_* settings from the environment lib/server.js
// hands on (this process's); the provider's port is chosen before either starts.
const state = { provider: null, port: null };

const journey = createJourney({ artifactsDir: ARTIFACTS, client: CLIENT, texts: T, expectedErrors: /status of (400|403|502)/ });
const { url, goto, expectingError, expectHeading, check, setUpSecondFactor, newContext } = journey;

before(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.rmSync(PROVIDER_LOG, { force: true });
  state.port = await freePort();
  Object.assign(process.env, samenspelEnv({ port: state.port, clientSecret: CLIENT_SECRET, label: LABEL }));
  await journey.start();
  // The provider starts in the first test, once it was found missing.
});

after(async () => {
  try {
    await journey.stop();
  } finally {
    if (state.provider) await state.provider.stop();
    console.log(`Provider log: ${PROVIDER_LOG}`);
  }
});

/**
 * Starts the provider on the chosen port for this Samenspel. The main
 * journey's provider puts the email claims into the ID token too
 * (`conformIdTokenClaims: false`); see step 11 for the default.
 */
function startProvider({ conformIdTokenClaims = false, keys } = {}) {
  return startOidcProvider({
    port: state.port,
    samenspel: journey.server.baseUrl,
    clientSecret: CLIENT_SECRET,
    label: LABEL,
    conformIdTokenClaims,
    keys,
    logFile: PROVIDER_LOG,
  });
}

/**
 * A new phone (browser context and page) whose provider pages load no web
 * font. Samenspel's service worker is blocked: navigations it answers
 * (`fetch(request)` in sw.js) do not show their redirects and cookies as the
 * page's own requests, and the journey reads those.
 */
async function newPhone() {
  const context = await newContext(PHONE, { ...MOBILE, serviceWorkers: 'block' });
  await context.route(FONTS, (route) => route.fulfill({ status: 200, contentType: 'text/css', body: '' }));
  const page = await context.newPage();
  page.callbacks = [];
  page.on('request', (r) => {
    if (r.isNavigationRequest() && isCallback(r.url())) page.callbacks.push(r);
  });
  return { context, page };
}

function isCallback(u) {
  return u.startsWith(url(CALLBACK));
}

function onProvider(u) {
  return u.startsWith(`http://127.0.0.1:${state.port}/`);
}

/** The values of the Set-Cookie headers of `response` for cookie `name`. */
async function setCookies(response, name) {
  return (await response.headersArray())
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => h.value)
    .filter((v) => v.startsWith(`${name}=`));
}

/** The browser's cookie `name` for Samenspel (undefined without it). */
async function cookieOf(context, name) {
  return (await context.cookies(journey.server.baseUrl)).find((c) => c.name === name);
}

/**
 * On Samenspel's sign-in page: clicks "Inloggen met Zorggroep Oost". Resolves
 * with the attempt: { start, auth, mark, hold }, the answer of /sign-in/sso,
 * the authorization request's URL, and what `atProvider` needs. The browser
 * is then at the provider, or already on its way back (a provider session
 * and an earlier consent skip the provider's pages). With `hold`, the
 * provider does not send the browser back but shows a link to the way back
 * (its code and state stay unused).
 */
async function toProvider(page, { hold = false } = {}) {
  if (hold) state.provider.holdNextReturn();
  const mark = page.callbacks.length;
  const started = page.waitForResponse((r) => r.url().startsWith(url('/sign-in/sso?')) || r.url() === url('/sign-in/sso'));
  await page.getByRole('link', { name: T.ssoButton, exact: true }).click();
  const start = await started;
  return { start, auth: new URL(start.headers().location), mark, hold };
}

/** The first way back to Samenspel's callback after `mark` (a navigation request). */
function callbackAfter(page, mark) {
  if (page.callbacks.length > mark) return Promise.resolve(page.callbacks[mark]);
  return page.waitForEvent('request', { predicate: (r) => r.isNavigationRequest() && isCallback(r.url()) });
}

/**
 * At the provider, for an `attempt` from `toProvider`: logs in as `login`
 * (when it asks) and gives consent (when it asks). Resolves with { callback,
 * response }: the address the provider sent the browser back to, and
 * Samenspel's answer to it (null for a held attempt).
 */
async function atProvider(page, attempt, login) {
  const held = page.locator('a#held-callback');
  const back = attempt.hold ? held.waitFor() : callbackAfter(page, attempt.mark);
  const loginForm = page.locator(OP.loginField);
  const consent = page.getByRole('button', { name: OP.consent, exact: true });
  const either = (...ways) => Promise.race([back.then(() => 'back'), ...ways]);
  let step = await either(loginForm.waitFor().then(() => 'login', () => 'back'), consent.waitFor().then(() => 'consent', () => 'back'));
  if (step === 'login') {
    await loginForm.fill(login);
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: OP.signIn, exact: true }).click();
    step = await either(consent.waitFor().then(() => 'consent', () => 'back'));
  }
  if (step === 'consent') await consent.click();
  const request = await back;
  if (attempt.hold) {
    const callback = await held.getAttribute('href');
    assert.equal(callback, state.provider.held.at(-1), 'the held way back');
    return { callback, response: null };
  }
  const response = await request.response();
  await page.waitForLoadState('load');
  return { callback: request.url(), response };
}

/** Samenspel's failure page: the status, the title, the reason and the way back. */
async function assertFailed(t, page, response, { status, reason, name, where }) {
  await t.test(`${where}: ${status} "${T.failedTitle}" / "${reason.split('. ')[0]}."`, async () => {
    assert.equal(response.status(), status, `${new URL(response.url()).pathname} answered ${response.status()}, expected ${status}`);
    await expectHeading(page, T.failedTitle);
    assert.equal(await page.title(), `${T.failedTitle} · Samenspel`);
    assert.equal(clean(await page.locator('main [role="alert"]').innerText()), reason);
    assert.equal(await page.getByRole('link', { name: T.back, exact: true }).getAttribute('href'), '/sign-in');
    const removed = await setCookies(response, 'samenspel_sso');
    assert.ok(removed.some((v) => /Max-Age=0/.test(v)), `the failure does not remove the samenspel_sso cookie: ${JSON.stringify(removed)}`);
    assert.deepEqual(await setCookies(response, 'samenspel_session'), [], 'the failure sets a session cookie');
  });
  if (name) await check(t, page, name);
}

/** `href` is /sign-in/sso with `next` alone in its query. */
function assertStartLink(href, next) {
  const to = new URL(href, url('/'));
  assert.equal(to.pathname, '/sign-in/sso', `the link "${T.ssoButton}" points to ${href}`);
  assert.deepEqual([...to.searchParams], [['next', next]], `the link "${T.ssoButton}" points to ${href}`);
}

/** Nobody is signed in in this browser: /circles sends to the sign-in page. */
async function assertSignedOut(page, who) {
  const response = await page.goto(url('/circles'));
  assert.equal(new URL(page.url()).pathname, '/sign-in', `${who}: /circles went to ${page.url()} (${response && response.status()})`);
}

/** Opens the sign-in page (signed out) and waits for its heading. */
async function openSignIn(page, target = '/sign-in') {
  await goto(page, target);
  await page.waitForURL((u) => u.pathname === '/sign-in');
  await expectHeading(page, T.signInTitle);
}

/** The provider's token requests since `from` (an index into its request list). */
function tokenRequests(from = 0) {
  return state.provider.requests.slice(from).filter((r) => r.method === 'POST' && r.path === '/token');
}

test(`the sign-in page offers "${T.ssoHeading}" with "${T.ssoButton}"; a provider that cannot be reached: 502`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const phone = await newPhone();
  state.fatima = phone;
  const { page } = phone;
  await openSignIn(page);
  const section = page.getByRole('region', { name: T.ssoHeading, exact: true });
  await t.test(`"${T.ssoHeading}" says "${T.ssoExplain}" and links to /sign-in/sso?next=/circles`, async () => {
    await section.waitFor();
    assert.ok(clean(await section.innerText()).includes(T.ssoExplain), `the section reads "${clean(await section.innerText())}"`);
    const link = section.getByRole('link', { name: T.ssoButton, exact: true });
    assertStartLink(await link.getAttribute('href'), '/circles');
  });
  await check(t, page, 'sign-in-sso');

  try {
    // The provider is not running yet: nothing listens on its port.
    const down = await expectingError(async () => {
      const answer = page.waitForResponse((r) => r.url().startsWith(url('/sign-in/sso')));
      await section.getByRole('link', { name: T.ssoButton, exact: true }).click();
      const response = await answer;
      await page.waitForLoadState('load');
      return response;
    });
    await assertFailed(t, page, down, { status: 502, reason: T.providerDown, name: 'sso-failed-provider-down', where: 'the provider cannot be reached' });
  } finally {
    state.provider = await startProvider();
  }
});

test(`${STAFF} signs in through the provider, sets up her second factor and lands on her circles`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const { page, context } = state.fatima;
  await openSignIn(page);
  const requestsBefore = state.provider.requests.length;
  const attempt = await toProvider(page);
  const { start, auth } = attempt;
  state.fatimaSsoCookie = await cookieOf(context, 'samenspel_sso');

  await t.test('/sign-in/sso sends her to the provider with code, PKCE S256, state and nonce, and a samenspel_sso cookie', async () => {
    assert.equal(start.status(), 303);
    const p = auth.searchParams;
    assert.equal(`${auth.origin}${auth.pathname}`, `${state.provider.issuer}/auth`);
    assert.equal(p.get('response_type'), 'code');
    assert.equal(p.get('client_id'), CLIENT_ID);
    assert.equal(p.get('redirect_uri'), url(CALLBACK));
    assert.deepEqual(new Set(p.get('scope').split(' ')), new Set(['openid', 'email', 'profile']));
    assert.equal(p.get('code_challenge_method'), 'S256');
    assert.match(p.get('code_challenge'), /^[A-Za-z0-9_-]{43}$/);
    assert.ok((p.get('state') || '').length >= 16, `state "${p.get('state')}"`);
    assert.ok((p.get('nonce') || '').length >= 16, `nonce "${p.get('nonce')}"`);
    const [set] = await setCookies(start, 'samenspel_sso');
    assert.ok(set, 'no samenspel_sso cookie');
    assert.match(set, /; HttpOnly/);
    assert.match(set, /; SameSite=Lax/);
    assert.ok(state.fatimaSsoCookie && state.fatimaSsoCookie.value.length >= 16, 'the browser kept no samenspel_sso cookie');
  });

  const { callback, response } = await atProvider(page, attempt, STAFF_EMAIL);
  state.fatimaCallback = callback;
  await t.test(`the provider sends her back to ${CALLBACK} with a code and the same state`, () => {
    const back = new URL(callback);
    assert.ok(back.searchParams.get('code'), `no code in ${callback}`);
    assert.equal(back.searchParams.get('state'), auth.searchParams.get('state'));
  });
  await t.test('the callback signs her in: 303 to the second-factor set-up, the samenspel_sso cookie removed', async () => {
    assert.equal(response.status(), 303, `the callback answered ${response.status()}`);
    assert.equal(response.headers().location, '/account/second-factor');
    const removed = await setCookies(response, 'samenspel_sso');
    assert.ok(removed.some((v) => /Max-Age=0/.test(v)), `samenspel_sso is not removed: ${JSON.stringify(removed)}`);
    assert.equal(await cookieOf(context, 'samenspel_sso'), undefined, 'the browser still has samenspel_sso');
    assert.ok(await cookieOf(context, 'samenspel_session'), 'no session cookie');
  });
  await t.test('Samenspel exchanged the code with client_secret_basic and the PKCE verifier', () => {
    const tokens = tokenRequests(requestsBefore);
    assert.equal(tokens.length, 1, `the provider saw ${tokens.length} token requests`);
    const [token] = tokens;
    assert.equal(token.status, 200, `the token request answered ${token.status}`);
    assert.equal(token.authorization, 'Basic');
    assert.equal(token.body.grant_type, 'authorization_code');
    assert.equal(token.body.code_verifier, '43 characters');
    assert.equal(token.body.redirect_uri, url(CALLBACK));
    assert.equal(token.body.client_secret_in_body, false, 'the secret was also sent in the body');
  });

  await page.waitForURL(url('/account/second-factor'));
  await expectHeading(page, T.setUpTitle);
  state.fatimaApp = await setUpSecondFactor(page, t, 'sso');
  await goto(page, '/circles');
  await expectHeading(page, T.myCircles);
  await t.test(`"${T.myCircles}" lists ${CLIENT}`, async () => {
    const href = await page.getByRole('link', { name: CLIENT, exact: true }).getAttribute('href');
    assert.match(href || '', /^\/circles\/[^/?#]+$/);
    state.circle = href;
  });
  await check(t, page, 'circles-sso');
});

test('the callback address is single use: opened again it answers 400, with the cookie put back too', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const { page, context } = state.fatima;
  assert.ok(state.fatimaCallback, 'the sign-in test failed');
  const again = await expectingError(() => page.goto(state.fatimaCallback));
  await assertFailed(t, page, again, { status: 400, reason: T.attemptGone, name: 'sso-failed-replayed', where: 'the same callback again' });

  await context.addCookies([{ name: 'samenspel_sso', value: state.fatimaSsoCookie.value, url: journey.server.baseUrl }]);
  const withCookie = await expectingError(() => page.goto(state.fatimaCallback));
  await assertFailed(t, page, withCookie, { status: 400, reason: T.attemptGone, where: 'the same callback with the samenspel_sso cookie put back' });

  await t.test(`${STAFF} is still signed in`, async () => {
    await goto(page, '/circles');
    await expectHeading(page, T.myCircles);
  });
});

test('a callback from another browser, or with a made-up state, answers 400 and signs nobody in', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  // Noor's genuine way back, held before it reaches Samenspel.
  const noor = await newPhone();
  await openSignIn(noor.page);
  const { callback } = await atProvider(noor.page, await toProvider(noor.page, { hold: true }), OTHER_STAFF_EMAIL);
  state.heldCallback = callback;
  assert.ok(new URL(callback).searchParams.get('code'), `no code in ${callback}`);

  // A fresh browser without any samenspel_sso cookie.
  const fresh = await newPhone();
  const noCookie = await expectingError(() => fresh.page.goto(callback));
  await assertFailed(t, fresh.page, noCookie, { status: 400, reason: T.attemptGone, where: 'the callback in a browser without the cookie' });
  await t.test('the browser without the cookie is not signed in', () => assertSignedOut(fresh.page, 'the browser without the cookie'));

  // A browser with an attempt of its own: a real cookie, but another one.
  const other = await newPhone();
  state.other = other;
  await openSignIn(other.page);
  await toProvider(other.page);
  await other.page.locator(OP.loginField).waitFor();
  assert.ok(await cookieOf(other.context, 'samenspel_sso'), 'the other browser has no samenspel_sso cookie');
  const otherCookie = await expectingError(() => other.page.goto(callback));
  await assertFailed(t, other.page, otherCookie, {
    status: 400,
    reason: T.attemptGone,
    name: 'sso-failed-other-browser',
    where: 'the callback in a browser with a cookie of its own',
  });
  await t.test('the other browser is not signed in', () => assertSignedOut(other.page, 'the other browser'));

  // A made-up state, with the browser's real cookie.
  await openSignIn(other.page);
  await toProvider(other.page);
  await other.page.locator(OP.loginField).waitFor();
  const madeUp = `${url(CALLBACK)}?code=${crypto.randomBytes(16).toString('base64url')}&state=${crypto.randomBytes(16).toString('base64url')}`;
  const forged = await expectingError(() => other.page.goto(madeUp));
  await assertFailed(t, other.page, forged, { status: 400, reason: T.attemptGone, where: 'a made-up state' });
  await t.test('the browser with the made-up state is not signed in', () => assertSignedOut(other.page, 'the browser with the made-up state'));
});

test('a code injected into another attempt is refused by the provider (PKCE): 400, not signed in', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const { page } = state.other;
  assert.ok(state.heldCallback, 'the previous test failed');
  const code = new URL(state.heldCallback).searchParams.get('code');
  await openSignIn(page);
  const { auth } = await toProvider(page);
  await page.locator(OP.loginField).waitFor();
  const requestsBefore = state.provider.requests.length;
  const injected = `${url(CALLBACK)}?code=${encodeURIComponent(code)}&state=${encodeURIComponent(auth.searchParams.get('state'))}`;
  const response = await expectingError(() => page.goto(injected));
  await assertFailed(t, page, response, { status: 400, reason: T.refused, name: 'sso-failed-refused', where: 'an injected code' });
  await t.test('the provider refused the code exchange (invalid_grant)', () => {
    const tokens = tokenRequests(requestsBefore);
    assert.equal(tokens.length, 1, `the provider saw ${tokens.length} token requests`);
    assert.equal(tokens[0].status, 400, `the token request answered ${tokens[0].status}`);
    const refused = state.provider.events.filter((e) => e.name === 'grant.error').at(-1);
    assert.ok(refused && /invalid_grant/.test(refused.error), `the provider's last grant error: ${JSON.stringify(refused)}`);
  });
  await t.test('that browser is not signed in', () => assertSignedOut(page, 'the browser with the injected code'));
});

test('someone the provider knows but Samenspel does not: 403, not signed in; nor an address the provider did not verify', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const stranger = await newPhone();
  await openSignIn(stranger.page);
  const strangerAttempt = await toProvider(stranger.page);
  const { response } = await expectingError(() => atProvider(stranger.page, strangerAttempt, STRANGER_EMAIL));
  await assertFailed(t, stranger.page, response, { status: 403, reason: T.noAccount, name: 'sso-failed-no-account', where: `${STRANGER_EMAIL}` });
  await t.test(`${STRANGER_EMAIL} is not signed in`, () => assertSignedOut(stranger.page, STRANGER_EMAIL));

  const unverified = await newPhone();
  state.unverified = unverified;
  await openSignIn(unverified.page);
  const unverifiedAttempt = await toProvider(unverified.page);
  const answer = await expectingError(() => atProvider(unverified.page, unverifiedAttempt, `unverified:${RELATIVE_EMAIL}`));
  await assertFailed(t, unverified.page, answer.response, {
    status: 403,
    reason: T.noAccount,
    where: `${RELATIVE_EMAIL} with email_verified false`,
  });
  await t.test(`the unverified ${RELATIVE_EMAIL} is not signed in`, () => assertSignedOut(unverified.page, `unverified ${RELATIVE_EMAIL}`));
});

test(`cancelling at the provider: 400 "${T.cancelled}"`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const { page } = await newPhone();
  await openSignIn(page);
  const { auth } = await toProvider(page);
  await page.locator(OP.loginField).waitFor();
  const { request, response } = await expectingError(async () => {
    const back = page.waitForRequest((r) => r.isNavigationRequest() && isCallback(r.url()));
    await page.getByRole('link', { name: OP.cancel, exact: true }).click();
    const req = await back;
    const res = await req.response();
    await page.waitForLoadState('load');
    return { request: req, response: res };
  });
  await t.test('the provider says access_denied, with the state', () => {
    const q = new URL(request.url()).searchParams;
    assert.equal(q.get('error'), 'access_denied');
    assert.equal(q.get('state'), auth.searchParams.get('state'));
    assert.equal(q.get('code'), null);
  });
  await assertFailed(t, page, response, { status: 400, reason: T.cancelled, name: 'sso-failed-cancelled', where: 'cancelled at the provider' });
  await t.test('cancelled, nobody is signed in', () => assertSignedOut(page, 'the cancelled browser'));
});

test(`${RELATIVE} (family, no second factor) starts with a "next" pointing away and lands on her circles`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const { page } = await newPhone();
  await openSignIn(page);
  const mark = page.callbacks.length;
  // As if the sign-in page had been opened with that "next" and its link clicked.
  await page.goto(url(`/sign-in/sso?next=${encodeURIComponent(ELSEWHERE)}`));
  await page.waitForURL((u) => onProvider(u.href));
  const { response } = await atProvider(page, { mark, hold: false }, RELATIVE_EMAIL);
  await t.test(`the callback sends her to /circles, not to ${ELSEWHERE}`, () => {
    assert.equal(response.status(), 303, `the callback answered ${response.status()}`);
    assert.equal(response.headers().location, '/circles');
  });
  await page.waitForURL(url('/circles'));
  await expectHeading(page, T.myCircles);
  await t.test(`"${T.myCircles}" lists ${CLIENT}`, async () => {
    await page.getByRole('link', { name: CLIENT, exact: true }).waitFor();
  });
  await check(t, page, 'circles-sso-relative');
});

test(`${STAFF} signs out: through the provider's end-session page and back to /sign-in, her session gone`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const { page, context } = state.fatima;
  await goto(page, '/circles');
  const session = await cookieOf(context, 'samenspel_session');
  assert.ok(session, `${STAFF} has no session cookie`);
  // Samenspel's own answer to the form, read here before the browser acts on
  // it (a browser that refuses to follow it shows no answer at all). The
  // form is sent on with the context's own request client (its cookies;
  // route.fetch() loses the session here and gets 403).
  let answer = null;
  await page.route(url('/sign-out'), async (route) => {
    const request = route.request();
    const response = await page.request.post(request.url(), {
      headers: { 'content-type': request.headers()['content-type'] },
      data: request.postDataBuffer(),
      maxRedirects: 0,
    });
    // A page of Samenspel's own that goes on to the provider (a meta refresh
    // and a link): the form's own redirect may not leave the site.
    const body = response.status() === 200 ? await response.text() : '';
    const link = /<a class="button primary" href="([^"]+)"/.exec(body);
    const unescape = (h) => h.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');
    const location = link ? unescape(link[1]) : response.headers().location;
    answer = { status: response.status(), location, body, cookies: response.headersArray() };
    await route.fulfill({ response });
  });
  const refused = [];
  const onConsole = (msg) => {
    if (/Content Security Policy/.test(msg.text())) refused.push(msg.text());
  };
  page.on('console', onConsole);
  await page.locator('form[action="/sign-out"]').getByRole('button', { name: T.signOut, exact: true }).click();
  const reached = await page.waitForURL((u) => onProvider(u.href), { timeout: 10_000 }).then(() => true, () => false);
  page.off('console', onConsole);
  await page.unroute(url('/sign-out'));

  await t.test("/sign-out answers a page that goes on to the provider's end_session endpoint with client_id and post_logout_redirect_uri", () => {
    assert.ok(answer, 'the form was not sent');
    assert.equal(answer.status, 200);
    assert.match(answer.body, /<meta http-equiv="refresh" content="0; url=/, 'the page does not go on by itself');
    assert.ok(answer.body.includes(T.signedOutTitle), `the page does not say "${T.signedOutTitle}"`);
    const to = new URL(answer.location, url('/'));
    assert.equal(`${to.origin}${to.pathname}`, `${state.provider.issuer}/session/end`, `/sign-out sends to ${answer.location}`);
    assert.equal(to.searchParams.get('client_id'), CLIENT_ID);
    assert.equal(to.searchParams.get('post_logout_redirect_uri'), url('/sign-in'));
    const set = answer.cookies.filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value);
    for (const name of ['samenspel_session', 'samenspel_sso_session']) {
      assert.ok(set.some((v) => v.startsWith(`${name}=;`) && /Max-Age=0/.test(v)), `/sign-out does not remove ${name}: ${JSON.stringify(set)}`);
    }
  });
  await t.test(
    "the browser follows it to the provider's sign-out page",
    () => assert.ok(reached, `the browser stayed on ${page.url()}${refused.length ? `: ${refused.join(' | ')}` : ''}`),
  );
  if (!reached) {
    // Where the browser should have gone, so the rest of the journey runs.
    t.diagnostic(`the browser did not follow /sign-out to the provider; the journey opens ${answer && answer.location} itself`);
    assert.ok(answer && answer.location && onProvider(new URL(answer.location, url('/')).href), 'no way to the provider');
    await page.goto(answer.location);
  }
  await page.getByRole('button', { name: OP.logoutYes, exact: true }).click();
  await page.waitForURL((u) => u.href.startsWith(url('/sign-in')));
  await expectHeading(page, T.signInTitle);
  await check(t, page, 'sign-in-after-sso-sign-out');
  await t.test('the provider ended its session', () => {
    assert.ok(state.provider.events.some((e) => e.name === 'end_session.success'), 'no end_session.success at the provider');
  });
  await t.test('her session is gone: /circles sends to the sign-in page', () => assertSignedOut(page, STAFF));
  await t.test('her old session cookie no longer works', async () => {
    const { context: thief, page: stolen } = await newPhone();
    await thief.addCookies([{ name: 'samenspel_session', value: session.value, url: journey.server.baseUrl }]);
    await assertSignedOut(stolen, 'a browser with her old session cookie');
  });
});

test(`${STAFF} signs in through the provider again, with the code from her app, and lands where she was going`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const { page } = state.fatima;
  assert.ok(state.circle && state.fatimaApp, 'the first sign-in failed');
  await openSignIn(page, state.circle);
  await t.test(`the sign-in page keeps where she was going (${state.circle}) in "${T.ssoButton}"`, async () => {
    assert.equal(new URL(page.url()).searchParams.get('next'), state.circle);
    assertStartLink(await page.getByRole('link', { name: T.ssoButton, exact: true }).getAttribute('href'), state.circle);
  });
  await check(t, page, 'sign-in-sso-next');
  const again = await toProvider(page);
  const { response } = await atProvider(page, again, STAFF_EMAIL);
  await t.test('the callback asks for her code (303 to /sign-in/code)', () => {
    assert.equal(response.status(), 303, `the callback answered ${response.status()}`);
    assert.equal(response.headers().location, '/sign-in/code');
  });
  await page.waitForURL(url('/sign-in/code'));
  await expectHeading(page, T.codeTitle);
  await check(t, page, 'second-factor-code-sso');
  await page.locator('#code').fill(await state.fatimaApp.code());
  await page.getByRole('button', { name: T.next, exact: true }).click();
  await page.waitForURL(url(state.circle));
  await expectHeading(page, CLIENT);
  await check(t, page, 'circle-sso');
});

test('a provider that gives the email claims at userinfo only (OpenID Connect Core 5.4) signs staff in too', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  // The same provider (port, keys, client) with oidc-provider's default.
  const keys = state.provider.keys;
  await state.provider.stop();
  state.provider = null;
  state.provider = await startProvider({ conformIdTokenClaims: true, keys });
  const { page } = await newPhone();
  await openSignIn(page);
  const attempt = await toProvider(page);
  const { response } = await expectingError(() => atProvider(page, attempt, OTHER_STAFF_EMAIL));
  await t.test(
    `${OTHER_STAFF_EMAIL} is signed in (303 to the second-factor set-up), not refused`,
    async () => {
      assert.equal(response.status(), 303, `the callback answered ${response.status()}: ${clean(await page.locator('main').innerText())}`);
      assert.equal(response.headers().location, '/account/second-factor');
    },
  );
});
