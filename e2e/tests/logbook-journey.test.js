'use strict';
// The logbook in headless Chromium (Dutch), in the circle of Henk de Vries:
//
// 1. Thijs Bakker (volunteer) writes a "Mooi moment" with a photo in a
//    phone-sized window; Ans de Vries (family carer) finds it on her overview
//    under "Nieuw voor jou", opens it, and Thijs then sees her name under
//    "Gezien door".
// 2. Fatima El Amrani (district nurse) writes a concern for professionals
//    only. Thijs must not find it anywhere: not on his overview, in his unread
//    count, in the logbook, in a search, at its own address, its files and
//    history, nor through the API with a personal token. Ans (a family carer,
//    not a professional) must not see it either, while Fatima does. Its
//    e-mail must reach Marieke Hoekstra (coordinator) and Ellen de Vries
//    (representative), and not Thijs or Ans; all four turn their quiet hours
//    off first, so this holds at any hour.
//
// Every page visited is screenshotted at 390×844 and 1280×800 and checked with
// axe-core (serious and critical violations fail), like the invitation journey.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const path = require('node:path');
const { test, before, after } = require('node:test');

const { createJourney, PHONE, DESKTOP } = require('../lib/journey');
const { waitForMail, mailMark, mailsSince, isTo, describeMail } = require('../lib/mail');

// Its own folder, so the invitation journey's screenshots and report stay.
const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts', 'logbook');
const TEST_TIMEOUT_MS = 240_000;

const CLIENT = 'Henk de Vries';
const VOLUNTEER = 'Thijs Bakker'; // vrijwilliger
const CARER = 'Ans de Vries'; // naaste
const NURSE = 'Fatima El Amrani'; // beroepskracht (wijkverpleegkundige)
const COORDINATOR = 'Marieke Hoekstra'; // coördinator
const REPRESENTATIVE = 'Ellen de Vries'; // vertegenwoordiger
const MAIL = {
  [VOLUNTEER]: 'thijs@samenspel.example',
  [CARER]: 'ans@samenspel.example',
  [COORDINATOR]: 'marieke@samenspel.example',
  [REPRESENTATIVE]: 'ellen@samenspel.example',
};
// Who may see a professionals-only entry and is mailed about it (the writer,
// Fatima, is not), and who may not.
const MAILED = [COORDINATOR, REPRESENTATIVE];
const NOT_MAILED = [VOLUNTEER, CARER];

// Unique per run, so nothing from the demo history (or an earlier run) matches.
const RUN = crypto.randomBytes(4).toString('hex');
const MOMENT_WORD = `zonnebloem-${RUN}`;
const MOMENT_TEXT = `Henk zong vanmiddag bij de eendenvijver "Tulpen uit Amsterdam" helemaal mee (${MOMENT_WORD}).`;
const SECRET_WORD = `valrisico-${RUN}`;
const SECRET_TEXT =
  `Bij het douchen vanochtend was Henk duizelig; ik schat het ${SECRET_WORD} hoog in. ` +
  'Ik bespreek met de huisarts of de bloeddrukmedicatie omlaag kan.';

const T = {
  signInButton: 'Inloggen',
  myCircles: 'Mijn kringen',
  myAccount: 'Mijn account',
  writeHeading: 'Schrijf iets in het logboek',
  writeMoment: 'Mooi moment',
  writeConcern: 'Zorg',
  barWrite: 'Schrijf',
  newHeading: /^Nieuw voor jou/,
  openHeading: 'Open vragen en zorgen',
  newBadge: 'Nieuw',
  body: 'Je bericht',
  post: 'Bericht plaatsen',
  saved: 'Je bericht staat in het logboek.',
  audienceCircle: 'Zichtbaar voor: iedereen in de kring',
  audienceProfessionals: 'Zichtbaar voor: alleen beroepskrachten (en de cliënt)',
  seenHeading: 'Gezien door',
  notSeenYet: 'Nog niet gezien door:',
  searchLabel: 'Zoeken in het logboek',
  searchButton: 'Zoeken',
  resultsFor: (q) => `Gevonden bij "${q}"`,
  noResults: 'Niets gevonden. Probeer een ander woord.',
  tokensHeading: 'Sleutels voor koppelingen (API)',
  makeToken: 'Sleutel maken',
  save: 'Opslaan',
  notificationsSaved: 'Je meldingen zijn opgeslagen.',
};

// The 404 pages this journey opens on purpose log "Failed to load resource"
// errors; those are expected and left out. Each person's sign-in link page is
// checked too.
const journey = createJourney({ artifactsDir: ARTIFACTS, client: CLIENT, texts: T, expectedErrors: /status of 404/, checkSignInLink: true });
const { url, circlePath, goto, gotoNotFound, expectHeading, check, signIn, pageOf, makeToken, api, turnOffQuietHours, openFold } = journey;

const state = {}; // what the journeys learn along the way

// ---------------------------------------------------------------------------
// Helpers

/** The region "Nieuw voor jou" (or another overview section) by its heading. */
function section(page, heading) {
  return page.getByRole('region', { name: heading });
}

/** The unread count shown next to "Nieuw voor jou" (0 when there is no badge). */
async function unreadBadge(page) {
  const badge = page.locator('#new-heading .count-badge');
  if ((await badge.count()) === 0) return 0;
  const text = (await badge.textContent()).trim();
  assert.match(text, /^\d+\+? nieuwe berichten$/, `count badge reads "${text}"`);
  return text.startsWith('99+') ? 100 : parseInt(text, 10);
}

/** The entry id in /circles/{c}/logbook/{entry}[?…]. */
function entryIdFrom(address) {
  const match = new RegExp(`${circlePath('/logbook/')}([^/?#]+)(?:[?#].*)?$`).exec(address);
  assert.ok(match, `${address} is not an entry page of circle ${journey.circleId}`);
  return match[1];
}

/**
 * Writes an entry from the overview: on a wide screen with its "Schrijf iets
 * in het logboek" buttons (which preselect the kind); on a phone, where that
 * row is hidden, with "Schrijf" in the bar at the bottom and then the kind.
 */
async function writeEntry(t, page, { button, kind, text, audience, photoName, slug }) {
  await goto(page, circlePath());
  const prompt = section(page, T.writeHeading);
  const bar = page.locator('nav.bottom-bar');
  if (await bar.isVisible()) {
    assert.ok(!(await prompt.isVisible()), 'the overview\'s "Schrijf iets in het logboek" buttons show on a phone, beside the bar');
    await bar.getByRole('link', { name: T.barWrite, exact: true }).click();
    await page.waitForURL(url(circlePath('/logbook/new')));
    await page.getByLabel(button, { exact: false }).and(page.locator(`#kind-${kind}`)).check();
  } else {
    await prompt.getByRole('link', { name: button, exact: true }).click();
    await page.waitForURL(url(circlePath(`/logbook/new?kind=${kind}`)));
  }
  assert.ok(await page.locator(`#kind-${kind}`).isChecked(), `"${button}" did not choose kind ${kind}`);
  assert.ok(await page.locator('#audience-circle').isChecked(), 'the audience is not "iedereen in de kring" by default');
  await check(t, page, `write-${slug}`);

  await page.getByLabel(T.body, { exact: true }).fill(text);
  if (photoName) {
    // A real PNG, made by the browser itself: what the writer sees right now.
    const buffer = await page.screenshot();
    await page.setInputFiles('#files', { name: photoName, mimeType: 'image/png', buffer });
  }
  if (audience) await page.locator(`#audience-${audience}`).check();
  await page.getByRole('button', { name: T.post, exact: true }).click();
  await page.waitForURL(/\/logbook\/[^/?#]+\?done=notice-entry-saved$/);
  await page.getByText(T.saved, { exact: true }).waitFor();
  const entry = page.locator('article.entry').first();
  await entry.locator('.entry-body', { hasText: text.slice(0, 40) }).waitFor();
  assert.equal((await entry.locator('.entry-body').innerText()).trim(), text, 'the entry page shows another text');
  return entryIdFrom(page.url());
}

/** Waits until the photos of the entry on `page` are loaded; returns their src. */
async function loadedPhotos(page) {
  const imgs = page.locator('article.entry .attachments img');
  const count = await imgs.count();
  const srcs = [];
  for (let i = 0; i < count; i++) {
    const img = imgs.nth(i);
    await img.scrollIntoViewIfNeeded(); // loading="lazy"
    await page.waitForFunction((el) => el.complete, await img.elementHandle());
    const { naturalWidth, src, alt } = await img.evaluate((el) => ({
      naturalWidth: el.naturalWidth,
      src: el.getAttribute('src'),
      alt: el.getAttribute('alt'),
    }));
    assert.ok(naturalWidth > 0, `photo ${src} did not load (naturalWidth 0)`);
    assert.ok(alt && alt.trim(), `photo ${src} has no alt text`);
    srcs.push(src);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return srcs;
}

/** The names under "Gezien door" and the text of "Nog niet gezien door: …". */
async function seenBy(page) {
  const region = section(page, T.seenHeading);
  await region.waitFor();
  const seen = (await region.locator('li').allInnerTexts()).map((s) => s.trim());
  const notYet = (await region.locator('p', { hasText: T.notSeenYet }).allInnerTexts()).join(' ');
  return { seen, notYet, text: await region.innerText() };
}

/** Every entry of the API timeline, following next_cursor. */
async function apiAllEntries(token, query = '') {
  const entries = [];
  let cursor = null;
  for (let pages = 0; pages < 50; pages++) {
    const params = new URLSearchParams(query);
    if (cursor) params.set('cursor', cursor);
    const qs = params.toString();
    const res = await api(token, `${circlePath('/entries')}${qs ? `?${qs}` : ''}`);
    assert.equal(res.status, 200, `GET entries?${qs} answered ${res.status}: ${res.text}`);
    assert.ok(Array.isArray(res.json.entries), `entries?${qs} has no "entries" list: ${res.text.slice(0, 200)}`);
    entries.push(...res.json.entries);
    cursor = res.json.next_cursor;
    if (!cursor) return entries;
  }
  throw new Error('the API timeline did not end after 50 pages');
}

function assertNotRevealed(what, text) {
  assert.ok(!text.includes(SECRET_WORD), `${what} reveals the professionals-only text ("${SECRET_WORD}")`);
  assert.ok(!text.includes(state.secretId), `${what} mentions the professionals-only entry ${state.secretId}`);
}

/** Searches the logbook with its search form (on a logbook page). */
async function search(page, word) {
  await page.getByLabel(T.searchLabel, { exact: true }).fill(word);
  await page.getByRole('button', { name: T.searchButton, exact: true }).click();
  await page.waitForURL((u) => u.searchParams.get('q') === word);
  await expectHeading(page, T.resultsFor(word), 2);
}

/** The search page found no entries, and does not mention the secret one. */
async function assertFoundNothing(page) {
  const found = await page.locator('article.entry').allInnerTexts();
  assert.deepEqual(found, [], `the search for "${SECRET_WORD}" shows entries`);
  await page.getByText(T.noResults, { exact: true }).waitFor();
  // The page repeats the query itself, so look for the entry, not the word.
  assert.ok(!(await page.content()).includes(state.secretId), 'the search result page mentions the entry');
}

async function unreadViaApi(token) {
  const res = await api(token, circlePath('/overview'));
  assert.equal(res.status, 200, `GET overview answered ${res.status}: ${res.text}`);
  assert.equal(typeof res.json.unread, 'number', `overview has no unread count: ${res.text.slice(0, 200)}`);
  return res.json;
}

// ---------------------------------------------------------------------------

before(async () => {
  await journey.start();
});

after(async () => {
  await journey.stop();
});

test('Thijs (volunteer, phone), Ans (family carer, phone) and Fatima (nurse) sign in', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await signIn(t, VOLUNTEER, PHONE, 'volunteer');
  await signIn(t, CARER, PHONE, 'carer');
  await signIn(t, NURSE, DESKTOP, 'nurse');
});

test('Thijs, Ans, Marieke (coordinator) and Ellen (representative) turn their quiet hours off, so the concern\'s e-mail goes at once at any hour', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  // Marieke and Ellen are here only for their e-mail: their pages are not checked.
  await signIn(t, COORDINATOR, DESKTOP, 'coordinator', {}, { checked: false });
  await signIn(t, REPRESENTATIVE, DESKTOP, 'representative', {}, { checked: false });
  for (const who of [...NOT_MAILED, ...MAILED]) await turnOffQuietHours(pageOf(who));
  await goto(pageOf(VOLUNTEER), circlePath('/notifications'));
  await check(t, pageOf(VOLUNTEER), 'notifications-volunteer');
});

test('Journey 1: a volunteer posts a "Mooi moment" with a photo from a phone; the family carer sees it as new and opens it; the volunteer sees "Gezien door" with her name', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const thijs = pageOf(VOLUNTEER);
  const ans = pageOf(CARER);
  assert.deepEqual(thijs.viewportSize(), PHONE);

  // Ans's unread count before anything happens (a plain look at the overview).
  await goto(ans, circlePath());
  const ansUnreadBefore = await unreadBadge(ans);

  // Thijs, on his phone: overview → "Mooi moment" → text, photo → post.
  await goto(thijs, circlePath());
  await expectHeading(thijs, CLIENT);
  await section(thijs, T.newHeading).waitFor();
  await check(t, thijs, 'overview-volunteer');

  const momentId = await writeEntry(t, thijs, {
    button: T.writeMoment,
    kind: 'moment',
    text: MOMENT_TEXT,
    photoName: 'wandeling.png',
    slug: 'moment',
  });
  state.momentId = momentId;
  const entry = thijs.locator('article.entry').first();
  await entry.locator('.kind-badge', { hasText: T.writeMoment }).waitFor();
  await entry.getByText(T.audienceCircle).waitFor();
  const photos = await loadedPhotos(thijs);
  assert.equal(photos.length, 1, `expected one photo on the entry page, found ${photos.length}`);
  assert.match(photos[0], new RegExp(`^${circlePath('/logbook/')}${momentId}/files/[^/?#]+\\?thumb=1$`));
  const full = await thijs.request.get(url(photos[0].replace(/\?thumb=1$/, '')));
  assert.equal(full.status(), 200, `the full-size photo answered ${full.status()}`);
  assert.match(full.headers()['content-type'] || '', /^image\//, 'the full-size photo is not an image');

  // Nobody has seen it yet; Ans is waiting to.
  const before = await seenBy(thijs);
  assert.ok(!before.seen.some((s) => s.startsWith(CARER)), `"Gezien door" lists ${CARER} before she opened it: ${before.text}`);
  assert.ok(before.notYet.includes(CARER), `"Nog niet gezien door" does not name ${CARER}: ${before.text}`);
  await check(t, thijs, 'entry-moment-posted');

  // His own moment is not "new" for Thijs himself.
  await goto(thijs, circlePath());
  assert.equal(
    await section(thijs, T.newHeading).locator('li.entry-summary').filter({ hasText: MOMENT_WORD }).count(),
    0,
    'Thijs\'s own moment is listed under "Nieuw voor jou" for him',
  );

  // Ans, on her phone: the overview shows it under "Nieuw voor jou", as new,
  // and her unread count went up by one.
  await goto(ans, circlePath());
  await expectHeading(ans, CLIENT);
  const news = section(ans, T.newHeading);
  await news.waitFor();
  assert.equal(await unreadBadge(ans), ansUnreadBefore + 1, 'Ans\'s unread count did not go up by one');
  const item = news.locator('li.entry-summary').filter({ hasText: MOMENT_WORD });
  assert.equal(await item.count(), 1, `"Nieuw voor jou" of ${CARER} does not list Thijs's moment once`);
  await item.locator('.badge.new', { hasText: T.newBadge }).waitFor();
  const link = item.locator('a.entry-link');
  const linkText = (await link.innerText()).replace(/\s+/g, ' ').trim();
  assert.ok(linkText.startsWith(`${VOLUNTEER}: `), `the link reads "${linkText}", expected "${VOLUNTEER}: …"`);
  assert.ok(linkText.includes(MOMENT_WORD), `the link reads "${linkText}", without the text of the moment`);
  await check(t, ans, 'overview-carer');

  await link.click();
  await ans.waitForURL(url(circlePath(`/logbook/${momentId}`)));
  await ans.locator('article.entry .entry-body', { hasText: MOMENT_WORD }).waitFor();
  assert.equal(await ans.locator('article.entry .attachments img').count(), 1, 'Ans does not see the photo');
  await loadedPhotos(ans);
  await check(t, ans, 'entry-moment-carer');

  // Back on Ans's overview the moment is no longer new.
  await goto(ans, circlePath());
  assert.equal(
    await section(ans, T.newHeading).locator('li.entry-summary').filter({ hasText: MOMENT_WORD }).count(),
    0,
    'the moment is still under "Nieuw voor jou" after Ans opened it',
  );

  // Thijs reloads his entry: "Gezien door Ans de Vries (vandaag om HH:MM)".
  await goto(thijs, circlePath(`/logbook/${momentId}`));
  const after = await seenBy(thijs);
  const ansLine = after.seen.find((s) => s.startsWith(CARER));
  assert.ok(ansLine, `"Gezien door" does not list ${CARER}: ${after.text}`);
  assert.match(ansLine, /^Ans de Vries \(vandaag om \d{1,2}:\d{2}\)$/, `"Gezien door" reads "${ansLine}"`);
  assert.ok(!after.notYet.includes(CARER), `${CARER} is still under "Nog niet gezien door": ${after.text}`);
  await check(t, thijs, 'entry-moment-seen');
});

test('Journey 2: a professionals-only observation is invisible to the volunteer — list, search, counts, overview, entry page, files and API', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const thijs = pageOf(VOLUNTEER);
  const ans = pageOf(CARER);
  const fatima = pageOf(NURSE);

  // Thijs makes a personal API token first (on his phone).
  const token = await makeToken(t, thijs, { name: `e2e logboek ${RUN}`, slug: 'volunteer' });

  // Counts before Fatima writes. (Nothing below may open Thijs's or Ans's
  // logbook before the counts after: listing entries marks them as seen.)
  const apiBefore = await unreadViaApi(token);
  await goto(thijs, circlePath());
  const badgeBefore = await unreadBadge(thijs);
  assert.equal(badgeBefore, Math.min(apiBefore.unread, 100), 'the count badge and the API disagree on Thijs\'s unread count');
  await goto(ans, circlePath());
  const ansBadgeBefore = await unreadBadge(ans);
  const mailBefore = mailMark(journey.server);

  // Fatima writes a concern for professionals only, with a photo.
  const secretId = await writeEntry(t, fatima, {
    button: T.writeConcern,
    kind: 'concern',
    text: SECRET_TEXT,
    audience: 'professionals',
    photoName: 'badkamer.png',
    slug: 'concern',
  });
  state.secretId = secretId;
  await fatima.locator('article.entry').first().getByText(T.audienceProfessionals).waitFor();
  const [secretPhoto] = await loadedPhotos(fatima);
  assert.ok(secretPhoto, 'the photo of Fatima\'s concern is not shown to her');
  const secretAttachment = /\/files\/([^/?#]+)/.exec(secretPhoto)[1];
  await check(t, fatima, 'entry-concern-nurse');

  await t.test('Fatima\'s entry page: "Nog niet gezien door" names neither Thijs nor Ans', async () => {
    const seen = await seenBy(fatima);
    assert.ok(!seen.notYet.includes(VOLUNTEER), `the concern expects ${VOLUNTEER} to see it: ${seen.text}`);
    assert.ok(!seen.notYet.includes(CARER), `the concern expects ${CARER} to see it: ${seen.text}`);
  });

  // --- Thijs: counts first (before anything marks entries as seen). -------
  await t.test('Thijs: the unread count does not grow (API overview and the badge)', async () => {
    const apiAfter = await unreadViaApi(token);
    assert.equal(apiAfter.unread, apiBefore.unread, `Thijs's unread count went from ${apiBefore.unread} to ${apiAfter.unread}`);
    await goto(thijs, circlePath());
    assert.equal(await unreadBadge(thijs), badgeBefore, 'the count badge next to "Nieuw voor jou" changed');
    assertNotRevealed('the API overview', JSON.stringify(apiAfter));
  });

  await t.test('Thijs: his overview ("Nieuw voor jou", "Open vragen en zorgen") does not show it', async (st) => {
    await goto(thijs, circlePath());
    // The whole page, folded parts included (a closed <details> is in the DOM).
    assertNotRevealed('Thijs\'s overview', await thijs.content());
    const { fold: open } = await openFold(thijs, T.openHeading);
    assertNotRevealed('Thijs\'s "Open vragen en zorgen", opened', await open.innerText());
    await check(st, thijs, 'overview-volunteer-after');
  });

  await t.test('Ans (family carer): no count, not on her overview', async (st) => {
    await goto(ans, circlePath());
    assert.equal(await unreadBadge(ans), ansBadgeBefore, 'Ans\'s unread count changed because of a professionals-only entry');
    assertNotRevealed('Ans\'s overview', await ans.content());
    await check(st, ans, 'overview-carer-after');
  });

  // --- Thijs in the browser. -----------------------------------------------
  await t.test('Thijs: the logbook and its "open" filter do not list it', async (st) => {
    await goto(thijs, circlePath('/logbook'));
    await thijs.getByRole('search').waitFor();
    assert.ok((await thijs.locator('article.entry').count()) > 0, 'Thijs\'s logbook is empty');
    assertNotRevealed('Thijs\'s logbook', await thijs.content());
    await check(st, thijs, 'logbook-volunteer');

    await thijs.getByRole('link', { name: T.openHeading, exact: true }).click();
    await thijs.waitForURL(url(circlePath('/logbook?show=open')));
    assertNotRevealed('Thijs\'s logbook (open questions and concerns)', await thijs.content());
    await check(st, thijs, 'logbook-open-volunteer');
  });

  await t.test('Thijs: a search for the word finds nothing', async (st) => {
    await goto(thijs, circlePath('/logbook'));
    await search(thijs, SECRET_WORD);
    await assertFoundNothing(thijs);
    await check(st, thijs, 'search-nothing-volunteer');
  });

  await t.test('Thijs: the entry\'s own address, its history, edit page and photo are "not found"', async (st) => {
    const entryPath = circlePath(`/logbook/${secretId}`);
    await gotoNotFound(thijs, entryPath);
    // (The page names its own address, so look for the text only.)
    assert.ok(!(await thijs.content()).includes(SECRET_WORD), 'the 404 page reveals the text');
    await check(st, thijs, 'entry-not-found-volunteer');

    // A made-up entry answers the same: nothing tells that this one exists.
    const madeUp = secretId.replace(/[0-9a-f]$/, (c) => (c === '0' ? '1' : '0'));
    const reference = await thijs.request.get(url(circlePath(`/logbook/${madeUp}`)));
    for (const suffix of ['', '/history', '/edit', `/files/${secretAttachment}`, `/files/${secretAttachment}?thumb=1`]) {
      const res = await thijs.request.get(url(`${entryPath}${suffix}`));
      assert.equal(res.status(), 404, `GET ${entryPath}${suffix} answered ${res.status()} to Thijs`);
      assert.equal(res.status(), reference.status(), `GET …${suffix} answers differently from a made-up entry`);
      const body = await res.text();
      assert.ok(!body.includes(SECRET_WORD), `GET …${suffix} reveals the text`);
    }
  });

  // --- Thijs through the API. ----------------------------------------------
  await t.test('Thijs via the API: not in the timeline (all pages, open ones, concerns, unread)', async () => {
    for (const query of ['', 'unresolved=true', 'kind=concern', 'unread=true']) {
      const entries = await apiAllEntries(token, query);
      assertNotRevealed(`GET entries?${query}`, JSON.stringify(entries));
      if (query === '') {
        assert.ok(entries.length > 5, `the API timeline has only ${entries.length} entries`);
        assert.ok(entries.some((e) => e.id === state.momentId), 'the API timeline lacks Thijs\'s own moment');
        assert.ok(entries.every((e) => e.audience !== 'professionals'), 'the API timeline has professionals-only entries');
      }
    }
  });

  await t.test('Thijs via the API: a search for the word finds nothing', async () => {
    const res = await api(token, `${circlePath('/entries')}?q=${encodeURIComponent(SECRET_WORD)}`);
    assert.equal(res.status, 200, `search answered ${res.status}: ${res.text}`);
    assert.deepEqual(res.json.entries, [], `the search returned ${res.text.slice(0, 300)}`);
    // The search itself works: his own moment is found.
    const own = await api(token, `${circlePath('/entries')}?q=${encodeURIComponent(MOMENT_WORD)}`);
    assert.deepEqual(own.json.entries.map((e) => e.id), [state.momentId], 'a search for Thijs\'s own moment does not find just it');
  });

  await t.test('Thijs via the API: the entry, its history, photo, reactions and replies are 404', async () => {
    const base = circlePath(`/entries/${secretId}`);
    const calls = [
      ['GET', base],
      ['GET', `${base}/history`],
      ['GET', `${base}/attachments/${secretAttachment}`],
      ['PUT', `${base}/reactions/heart`],
      ['POST', `${base}/replies`, { body: 'Dat wist ik niet!' }],
    ];
    for (const [method, p, body] of calls) {
      const res = await api(token, p, { method, body });
      assert.equal(res.status, 404, `${method} ${p} answered ${res.status} to Thijs: ${res.text.slice(0, 200)}`);
      assert.match(res.type, /json/, `${method} ${p}: the 404 is not JSON`);
      assert.ok(!res.text.includes(SECRET_WORD), `${method} ${p} reveals the text`);
    }
  });

  // --- Ans (family carer, not a professional) neither. ---------------------
  await t.test('Ans: not at its address, not in a search', async (st) => {
    await gotoNotFound(ans, circlePath(`/logbook/${secretId}`));
    await check(st, ans, 'entry-not-found-carer');
    const photo = await ans.request.get(url(circlePath(`/logbook/${secretId}/files/${secretAttachment}?thumb=1`)));
    assert.equal(photo.status(), 404, `Ans gets the concern's photo (${photo.status()})`);
    await goto(ans, circlePath('/logbook'));
    await search(ans, SECRET_WORD);
    await assertFoundNothing(ans);
    await check(st, ans, 'search-nothing-carer');
  });

  // --- Positive control: Fatima does see it everywhere. --------------------
  await t.test('Fatima (nurse) does see it: overview, logbook, search', async (st) => {
    await goto(fatima, circlePath());
    // "Open vragen en zorgen" is folded: she opens it, as a reader would.
    const { fold: open, count } = await openFold(fatima, T.openHeading);
    await open.locator('li.entry-summary', { hasText: SECRET_WORD }).waitFor();
    assert.equal(count, await open.locator('li.entry-summary').count(), 'the count on "Open vragen en zorgen" is not the number of its items');
    await check(st, fatima, 'overview-nurse');

    await goto(fatima, circlePath('/logbook'));
    await fatima.locator(`article.entry[aria-labelledby="entry-${secretId}-title"]`).waitFor();
    await check(st, fatima, 'logbook-nurse');

    await search(fatima, SECRET_WORD);
    const results = fatima.locator('article.entry');
    await results.first().waitFor();
    assert.equal(await results.count(), 1, 'Fatima\'s search does not find just her concern');
    assert.equal(await results.first().getAttribute('aria-labelledby'), `entry-${secretId}-title`);
    await check(st, fatima, 'search-results-nurse');

    // No reply or reaction of Thijs reached it through the API.
    await goto(fatima, circlePath(`/logbook/${secretId}`));
    assert.ok(!(await fatima.locator('#replies').innerText()).includes(VOLUNTEER), 'a reply of Thijs ended up on the concern');
  });

  // --- E-mail: concerns are mailed at once, but only to their audience. ----
  // Quiet hours are off for all four, so this does not depend on the hour.
  // The concern's e-mails are queued together, long before this point; once
  // Marieke's and Ellen's are there, one to Thijs or Ans would be too.
  await t.test(`the concern's e-mail reaches ${MAILED.join(' and ')}`, async (st) => {
    const missing = [];
    for (const who of MAILED) {
      try {
        const { mail } = await waitForMail(journey.server, {
          what: `the e-mail about ${NURSE}'s professionals-only concern ("${SECRET_WORD}")`,
          to: MAIL[who],
          match: new RegExp(SECRET_WORD),
          since: mailBefore,
        });
        st.diagnostic(describeMail(mail));
      } catch (err) {
        missing.push(err.message);
      }
    }
    assert.equal(missing.length, 0, missing.join('\n'));
  });
  await t.test(`no e-mail about the concern goes to ${NOT_MAILED.join(' or ')}`, () => {
    const leaked = mailsSince(journey.server, mailBefore).filter(
      (m) => NOT_MAILED.some((who) => isTo(m, MAIL[who])) && (m.text.includes(SECRET_WORD) || m.text.includes(secretId)),
    );
    assert.deepEqual(leaked.map(describeMail), [], 'e-mail about the professionals-only concern went to someone who may not see it');
  });
});
