'use strict';
// The helpers that the journeys in one circle share: signing demo people in
// with their printed links, opening pages with an expected status, waiting
// for headings, the page checker, and a few assertions. `createJourney`
// returns plain functions (no `this`), so a test file can destructure them.

const assert = require('node:assert/strict');

const { startJourney, stopJourney, openContext } = require('./browser');
const { authenticator } = require('./totp');

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/**
 * One test file's journey.
 *
 *   artifactsDir      where screenshots, the axe report and the server log go
 *   client            the name of the circle's client, as linked on /circles
 *   texts             { signInButton, myCircles } in the journey's language
 *   lang, locale      the checker's language tag and the browser's locale
 *   expectedErrors    console errors ("Failed to load resource: … status of
 *                     403") matching this are left out while `expectingError`
 *                     runs: the journey causes them on purpose
 *   checkSignInLink   also check the sign-in link page of every person
 *   server            more options for the demo server ({ bind, publicUrl })
 */
function createJourney({
  artifactsDir,
  client,
  texts,
  lang = 'nl',
  locale = 'nl-NL',
  expectedErrors = /status of (403|404|422)/,
  checkSignInLink = false,
  server = {},
}) {
  const run = { server: null, browser: null, checker: null, circleId: null, expectError: false };
  const contexts = [];
  const browserProblems = [];
  const people = {}; // name -> { context, page }

  async function start() {
    ({ checker: run.checker, server: run.server, browser: run.browser } = await startJourney(artifactsDir, server));
  }

  async function stop() {
    const { browser, server, checker } = run;
    await stopJourney({ contexts, browser, server, checker, browserProblems });
  }

  /**
   * A new browser context (one person's browser) in the journey's locale;
   * `options` are more of Playwright's context options (`isMobile`, `hasTouch`).
   */
  function newContext(viewport, options = {}) {
    const ignore = (text) => run.expectError && expectedErrors.test(text);
    return openContext(run.browser, contexts, browserProblems, { locale, viewport, ignore, options });
  }

  function url(pathname) {
    return `${run.server.baseUrl}${pathname}`;
  }

  function circlePath(suffix = '') {
    return `/circles/${run.circleId}${suffix}`;
  }

  /** Opens `target` (a path or a full URL) and asserts the answer's status. */
  async function goto(page, target, status = 200) {
    const response = await page.goto(target.startsWith('http') ? target : url(target), { waitUntil: 'load' });
    assert.ok(response, `no response for ${target}`);
    assert.equal(response.status(), status, `GET ${target} answered ${response.status()}, expected ${status}`);
    return response;
  }

  /** Runs `fn` while the error answers it causes on purpose are not reported as browser problems. */
  async function expectingError(fn) {
    run.expectError = true;
    try {
      return await fn();
    } finally {
      run.expectError = false;
    }
  }

  /** Opens a page that must not exist for this person: a plain 404. */
  function gotoNotFound(page, target) {
    return expectingError(() => goto(page, target, 404));
  }

  async function expectHeading(page, name, level = 1) {
    await page.getByRole('heading', { level, name, exact: typeof name === 'string' }).first().waitFor();
  }

  /** Screenshots and axe-checks the page at both sizes (a subtest of `t`). */
  async function check(t, page, name) {
    await run.checker.check(t, page, { lang, name });
  }

  /**
   * Signs a demo person in with their printed link; lands on /circles and
   * learns the circle's id. `options`: more context options, as for newContext.
   * `checked: false` leaves out the page checks, for someone a journey only
   * needs in passing (e.g. to change their e-mail settings).
   */
  async function signIn(t, name, viewport, slug, options = {}, { checked = true } = {}) {
    const link = run.server.links.get(name);
    assert.ok(link, `no sign-in link printed for ${name}; printed: ${[...run.server.links.keys()].join(', ')}`);
    const context = await newContext(viewport, options);
    const page = await context.newPage();
    await goto(page, link);
    if (checked && checkSignInLink) await check(t, page, `sign-in-link-${slug}`);
    await page.getByRole('button', { name: texts.signInButton, exact: true }).click();
    // Professionals and coordinators must set up a second factor first (issue 15).
    await page.waitForURL((u) => u.pathname === '/circles' || u.pathname === '/account/second-factor');
    let app = null;
    if (new URL(page.url()).pathname === '/account/second-factor') {
      app = await setUpSecondFactor(page);
      await goto(page, '/circles');
    }
    await expectHeading(page, texts.myCircles);
    if (checked) await check(t, page, `circles-${slug}`);

    const href = await page.getByRole('link', { name: client, exact: true }).getAttribute('href');
    const match = /^\/circles\/([^/?#]+)$/.exec(href || '');
    assert.ok(match, `the link "${client}" on /circles of ${name} points to ${href}, expected /circles/{id}`);
    if (run.circleId) assert.equal(match[1], run.circleId, `${name} sees another circle of ${client}`);
    run.circleId = match[1];
    people[name] = { context, page, authenticator: app };
    return people[name];
  }

  /**
   * On the set-up page: starts setting up, reads the secret the page writes
   * out, confirms with a code computed from it, and waits for the recovery
   * codes. Returns the person's authenticator (`code()` gives a code). With
   * `t`, also checks the set-up and recovery-code pages (`slug` names them).
   */
  async function setUpSecondFactor(page, t = null, slug = '') {
    if (t) await check(t, page, `second-factor-start-${slug}`);
    await page.locator('form[action="/account/second-factor/setup"] button').click();
    const secret = page.locator('code.secret');
    await secret.waitFor();
    if (t) await check(t, page, `second-factor-setup-${slug}`);
    const app = authenticator(await secret.textContent());
    await page.locator('#code').fill(await app.code());
    await page.locator('form[action="/account/second-factor/confirm"] button').click();
    await page.locator('ul.recovery-codes').waitFor();
    if (t) await check(t, page, `second-factor-codes-${slug}`);
    return app;
  }

  function pageOf(name) {
    assert.ok(people[name], `${name} is not signed in (the sign-in test failed)`);
    return people[name].page;
  }

  /**
   * Empties "Rustige uren" on the circle's e-mail settings page and saves:
   * by default no e-mail goes out from 22:00 to 07:00, which would make a
   * journey's e-mail checks depend on the hour it runs. Checks that the saved
   * page shows no quiet hours and the same choices otherwise. Needs
   * texts.save and texts.notificationsSaved.
   */
  async function turnOffQuietHours(page) {
    await goto(page, circlePath('/notifications'));
    const from = page.locator('#quiet_from');
    const until = page.locator('#quiet_until');
    const immediate = await page.locator('#immediate').isChecked();
    const digest = await page.locator('input[name="digest"]:checked').getAttribute('value');
    await from.fill('');
    await until.fill('');
    await page.getByRole('button', { name: texts.save, exact: true }).click();
    await page.waitForURL(url(circlePath('/notifications?done=notice-notifications-saved')));
    await page.getByText(texts.notificationsSaved, { exact: true }).waitFor();
    assert.deepEqual(
      [await from.inputValue(), await until.inputValue()],
      ['', ''],
      `the saved e-mail settings still have quiet hours (${page.url()})`,
    );
    assert.equal(await page.locator('#immediate').isChecked(), immediate, 'saving changed "meteen een e-mail"');
    assert.equal(await page.locator('input[name="digest"]:checked').getAttribute('value'), digest, 'saving changed the summary');
  }

  /** The page is not wider than the phone window (no sideways scrolling). */
  async function assertNoSidewaysScroll(page, what) {
    assert.deepEqual(page.viewportSize(), PHONE);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `${what} is ${width}px wide in a ${PHONE.width}px window`);
  }

  /** Clicks `button` (a locator) and resolves with the answer to the POST to `pathname`. */
  async function submitTo(page, button, pathname) {
    const posted = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === pathname);
    await button.click();
    return posted;
  }

  /**
   * Makes a personal API key on /account (the page is checked before and
   * after); returns its secret. Needs texts.myAccount, .tokensHeading and
   * .makeToken.
   */
  async function makeToken(t, page, { name, slug }) {
    await goto(page, '/account');
    await expectHeading(page, texts.myAccount);
    await page.getByRole('region', { name: texts.tokensHeading }).waitFor();
    await check(t, page, `account-${slug}`);
    await page.locator('#token-name').fill(name);
    await page.getByRole('button', { name: texts.makeToken, exact: true }).click();
    const input = page.locator('#new-token');
    await input.waitFor();
    const token = await input.inputValue();
    assert.match(token, /^ssp_\S+$/, `the new token is "${token}"`);
    assert.ok(await input.evaluate((el) => el.readOnly), '#new-token is not read-only');
    await check(t, page, `account-token-created-${slug}`);
    return token;
  }

  /** Calls the JSON API (`/api/v1` + pathname) with a personal key: { status, json, text, type }. */
  async function api(token, pathname, { method = 'GET', body } = {}) {
    const response = await fetch(url(`/api/v1${pathname}`), {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON; the assertions say so */
    }
    return { status: response.status, json, text, type: response.headers.get('content-type') || '' };
  }

  /**
   * Opens a part of the circle (`name`, the link's text) from the page it is
   * on, as its reader would: the tab on a wide screen; on a phone the bar at
   * the bottom, or "Meer" and then the part. Waits for `circlePath(suffix)`
   * and returns the navigation link that must now be marked as the current
   * page (the tab, the bar's link, or "Meer").
   */
  async function openSection(page, name, suffix) {
    const tab = page.locator('nav.tabs').getByRole('link', { name, exact: true });
    const bar = page.locator('nav.bottom-bar');
    let current;
    if (await tab.isVisible()) {
      await tab.click();
      current = tab;
    } else if (await bar.getByRole('link', { name, exact: true }).isVisible()) {
      current = bar.getByRole('link', { name, exact: true });
      await current.click();
    } else {
      current = bar.getByRole('link', { name: MORE[lang], exact: true });
      await current.click();
      await page.waitForURL((u) => u.pathname === circlePath('/more'));
      await page.locator('.more-list').getByRole('link', { name, exact: true }).click();
    }
    await page.waitForURL((u) => u.pathname === circlePath(suffix));
    return current;
  }

  /**
   * A folded part of the overview (`<details class="fold">`) whose summary's
   * heading reads `heading` exactly (not opened; its content is in the DOM
   * but not visible while closed).
   */
  function fold(page, heading) {
    const exact = new RegExp(`^\\s*${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    return page.locator('details.fold').filter({ has: page.locator('summary h2').filter({ hasText: exact }) });
  }

  /**
   * Opens the folded part `heading` of the overview as its reader would (a
   * click on its summary) and waits until its body is visible. Returns
   * { fold, count }: the `<details>` locator and the count its summary shows.
   */
  async function openFold(page, heading) {
    const details = fold(page, heading);
    assert.equal(await details.count(), 1, `the overview (${page.url()}) has ${await details.count()} folded parts "${heading}", expected one`);
    const summary = details.locator('summary');
    const badge = (await summary.locator('.badge').innerText()).trim();
    assert.match(badge, /^\d+$/, `the summary of "${heading}" shows "${badge}" as its count`);
    if (!(await details.evaluate((el) => el.open))) await summary.click();
    await details.locator('.fold-body').waitFor({ state: 'visible' });
    assert.ok(await details.evaluate((el) => el.open), `clicking the summary did not open "${heading}"`);
    return { fold: details, count: parseInt(badge, 10) };
  }

  /**
   * The phone's bottom bar (`nav.bottom-bar`): the texts of its links and the
   * one marked aria-current="page" (null if none).
   */
  async function bottomBar(page) {
    return page.locator('nav.bottom-bar').evaluate((nav) => {
      const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
      const links = [...nav.querySelectorAll('a')];
      const current = links.filter((a) => a.getAttribute('aria-current') === 'page');
      return {
        visible: getComputedStyle(nav).display !== 'none',
        items: links.map((a) => clean(a.textContent)),
        current: current.map((a) => clean(a.textContent)),
      };
    });
  }

  return {
    start,
    stop,
    openSection,
    fold,
    openFold,
    bottomBar,
    get server() {
      return run.server;
    },
    get circleId() {
      return run.circleId;
    },
    people,
    newContext,
    url,
    circlePath,
    goto,
    gotoNotFound,
    expectingError,
    expectHeading,
    check,
    signIn,
    setUpSecondFactor,
    pageOf,
    assertNoSidewaysScroll,
    turnOffQuietHours,
    submitTo,
    makeToken,
    api,
  };
}

/** The phone bar's "Meer" in each language. */
const MORE = { nl: 'Meer', en: 'More' };

/** Whitespace collapsed, ends trimmed. */
function clean(s) {
  return (s || '').replace(/\s+/g, ' ').trim();
}

module.exports = { createJourney, clean, PHONE, DESKTOP };
