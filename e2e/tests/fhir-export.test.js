'use strict';
// "Overdracht naar een zorgdossier": the circle as a FHIR R4 Bundle, in
// Dutch, on a phone (390×844, isMobile, hasTouch), in the circle of Sem
// Bakker (the demo client who signs in himself; Jesse Kok is his volunteer,
// Karin Bakker his mother, Marieke Hoekstra the circle's coordinator, Yvonne
// Smit its professional). Every Bundle is read by the `fhir` package
// (FHIR.js 4.12.0, R4).
//
// 1. Jesse (volunteer) signs in and opens "Meer" → "Vrijwilligerscheck": he
//    answers every question, ticks "Deel mijn antwoorden met de coördinator"
//    and saves ("Je antwoorden zijn bewaard.", the check-in "gedeeld met de
//    coördinator op <today>"). Only a coordinator's export may hold it.
// 2. Sem (client) signs in, opens "Meer" → "Overdracht naar een zorgdossier"
//    (its hint "De kring downloaden voor een zorgdossier (FHIR).", the
//    page's texts, the link "Download (FHIR, JSON)" with `download` to
//    `/circles/{id}/export/fhir.json`) and clicks it: the browser downloads
//    `samenspel-fhir-<today>.json` (Playwright's download event). The same
//    address answers `application/fhir+json; fhirVersion=4.0`, `attachment;
//    filename="samenspel-fhir-<today>.json"` and `no-store`.
// 3. The file is a Bundle of type `collection`, valid FHIR R4 for
//    `fhir.validate(bundle, { errorOnUnexpected: true })` (no message of
//    severity "error"; the warnings and information about value sets the
//    package does not ship are counted in a diagnostic), and survives the
//    round trips object → XML → object and JSON → XML → JSON unchanged
//    (`deepStrictEqual`). Inside it: every fullUrl unique and ending in
//    `/fhir/<Type>/<id>` of its resource; every `reference` of the form
//    `Type/id` names a resource of the Bundle; Patient, CareTeam, Consent,
//    AuditEvent and Communication are there; the one Patient is named
//    "Sem Bakker"; the CareTeam holds Sem, Jesse, Karin and Marieke; an
//    AuditEvent records this export (`fhir.export`, by Sem); no
//    QuestionnaireResponse (Jesse shared his check-in with the coordinators
//    only); the Communications' texts are the messages of Sem's logbook,
//    and the replies under them are in it too (in response to their message).
// 4. Marieke (coordinator; the shared sign-in sets up her second factor)
//    exports on the same page. If step-up asks for a code on the way, she
//    gives one from her authenticator. Her Bundle passes the same checks,
//    has no AuditEvent, its Communications are the messages of her logbook,
//    and it holds Jesse's check-in as a QuestionnaireResponse (the WIFA
//    questionnaire, author and source Jesse's RelatedPerson, his answers).
//    With a personal API key, `GET /api/v1/circles/{id}/fhir` answers the
//    same Bundle (the same entries) as `application/fhir+json`.
// 5. Yvonne (professional) signs in again by e-mail link, with a code and
//    "Dit apparaat 30 dagen onthouden", and then once more: the remembered
//    phone asks no code, so her session has given none, and the download
//    needs a step-up code ("Geef je code", which leads back to the
//    download; the code page shows, it is not saved as a file). Her Bundle
//    passes the same checks, with neither AuditEvent nor
//    QuestionnaireResponse.
// 6. Jesse gets 403 "Dit mag je niet doen in deze kring." on
//    `/circles/{id}/export` and on the download, and his "Meer" has no link
//    to it; Karin (naaste) gets 403 on both too.
// 7. Sem takes the export from the coordinators on "Wie ziet wat" (unticks
//    "coördinatoren" under "Overdracht naar een zorgdossier"): Marieke's
//    page, download and API call answer 403 and her "Meer" has no link; Sem's
//    next Bundle says so in its Consent (a "deny" for `export`). Sem ticks
//    the box again and Marieke's API call answers 200.
//
// Every page: axe-core and screenshots at 390 and 1280 px (lib/check.js),
// and, for the circle's pages, no sideways scrolling on the phone and the
// bar at the bottom with the right item marked aria-current="page". The
// downloaded files stay in artifacts/fhir/.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { test, before, after } = require('node:test');
const { Fhir } = require('fhir');

const { createJourney, clean, PHONE } = require('../lib/journey');
const { waitForMail, mailMark } = require('../lib/mail');
const { phoneJourney, TEXTS_NL, MOBILE, isoDay } = require('../lib/phone');

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts', 'fhir');
const TEST_TIMEOUT_MS = 180_000;

const CLIENT = 'Sem Bakker'; // cliënt, a member of his own circle (demo/mod.rs)
const VOLUNTEER = 'Jesse Kok'; // vrijwilliger ("maatje") in the circle of Sem Bakker
const RELATIVE = 'Karin Bakker'; // naaste ("moeder")
const COORDINATOR = 'Marieke Hoekstra'; // coördinator of the circle (and of the demo organisation)
const PROFESSIONAL = 'Yvonne Smit'; // beroepskracht ("casemanager")
const PROFESSIONAL_EMAIL = 'yvonne@samenspel.example';

/** The canonical address of the volunteer check-in's questionnaire (fhir/mod.rs). */
const WIFA_QUESTIONNAIRE = 'https://samenspel.nl/fhir/Questionnaire/wifa';
/** A FHIR id (R4 datatype `id`). */
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

// crates/samenspel/locales/nl/fhir.ftl, navigation.ftl, checkins.ftl,
// consent.ftl, errors.ftl, second_factor.ftl, sign_in.ftl, account.ftl
const T = {
  ...TEXTS_NL,
  siteTitle: (title) => `${title} · ${CLIENT} · Samenspel`,
  title: 'Overdracht naar een zorgdossier',
  moreHint: 'De kring downloaden voor een zorgdossier (FHIR).',
  explain: 'Download de kring als bestand voor een zorgdossier of een ander zorgsysteem. Het bestand volgt de norm FHIR R4.',
  onlyYours: 'Er staat alleen in wat jij in de kring mag zien.',
  holds:
    'In het bestand: wie er in de kring zitten, het welzijnsplan en de afspraken, afspraken die opnieuw bekeken moeten worden, het logboek, de agenda van de komende drie maanden, wie wat mag zien, en voor de cliënt en de vertegenwoordiger ook wie er meekeek.',
  download: 'Download (FHIR, JSON)',
  logged: "Het downloaden staat in 'Wie keek mee'.",
  forbidden: 'Dit mag je niet doen in deze kring.',
  volunteerCheckIn: 'Vrijwilligerscheck',
  volunteerFormHeading: 'Vul de vrijwilligerscheck in',
  volunteerShare: 'Deel mijn antwoorden met de coördinator',
  volunteerSaved: 'Je antwoorden zijn bewaard.',
  volunteerSharedOn: (date) => `gedeeld met de coördinator op ${date}`,
  consent: 'Wie ziet wat',
  consentSaved: 'Opgeslagen. Dit geldt meteen voor iedereen in de kring.',
  coordinators: 'coördinatoren',
  stepUpTitle: 'Geef je code',
  stepUpButton: 'Verder',
  stepUpExplain: 'Deze gegevens zijn extra beschermd. Geef daarom nog een keer een code uit je authenticator-app. Daarna kun je 15 minuten verder zonder code.',
  sendLink: 'Stuur mij een inloglink',
  remember: 'Dit apparaat 30 dagen onthouden',
  tokensHeading: 'Sleutels voor koppelingen (API)',
  makeToken: 'Sleutel maken',
  myAccount: 'Mijn account',
};

const CONTENT_TYPE = 'application/fhir+json; fhirVersion=4.0';
/** The API answers exactly its documented media type. */
const API_CONTENT_TYPE = 'application/fhir+json';

const journey = createJourney({ artifactsDir: ARTIFACTS, client: CLIENT, texts: T, expectedErrors: /status of 403/ });
const { url, circlePath, goto, expectingError, expectHeading, check, signIn, pageOf, submitTo, makeToken, api, people } = journey;
const { assertFits, checkPage, barLink } = phoneJourney(journey, T);

const fhir = new Fhir();
const state = {};

/** Today as the pages write it ("6 december 2026"). */
function dutchToday() {
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
}

/** The download's file name for today. */
function fileName() {
  return `samenspel-fhir-${isoDay()}.json`;
}

/** The resources of a Bundle. */
function resources(bundle) {
  return (bundle.entry || []).map((e) => e.resource);
}

/** The resources of one type. */
function ofType(bundle, type) {
  return resources(bundle).filter((r) => r && r.resourceType === type);
}

/** How many resources of each type, for messages. */
function typeCounts(bundle) {
  const counts = {};
  for (const r of resources(bundle)) counts[r.resourceType] = (counts[r.resourceType] || 0) + 1;
  return counts;
}

/** Every `reference` string in `value`, with the path it was found at. */
function references(value, at = 'Bundle', out = []) {
  if (Array.isArray(value)) value.forEach((v, i) => references(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'reference' && typeof v === 'string') out.push({ at: `${at}.reference`, reference: v });
      else references(v, `${at}.${key}`, out);
    }
  }
  return out;
}

/** The RelatedPerson, Practitioner or Patient named `name` (its `name[0].text`). */
function personNamed(bundle, type, name) {
  return ofType(bundle, type).find((r) => (r.name || []).some((n) => n.text === name));
}

/** Opens "Meer" in the bar and returns the list item of `name` (0 or 1 of them). */
async function moreItem(page, name) {
  await goto(page, circlePath());
  await barLink(page, T.bar.more).click();
  await page.waitForURL((u) => u.pathname === circlePath('/more'));
  return page.locator('.more-list li').filter({ has: page.getByRole('link', { name, exact: true }) });
}

/** Opens "Meer" → "Overdracht naar een zorgdossier" (whose hint must be right) and checks the page. */
async function openExport(t, page, slug) {
  const item = await moreItem(page, T.title);
  assert.equal(await item.count(), 1, `"${T.bar.more}" lists "${T.title}" ${await item.count()} times`);
  assert.equal(clean(await item.locator('.hint').innerText()), T.moreHint, `the hint of "${T.title}" under "${T.bar.more}"`);
  await item.getByRole('link', { name: T.title, exact: true }).click();
  await page.waitForURL((u) => u.pathname === circlePath('/export'));
  await expectHeading(page, T.title, 2);
  await t.test(`"${T.title}": its texts, and "${T.download}" links to the file (an attachment; no \`download\` attribute, so a step-up code page shows)`, async () => {
    assert.equal(await page.title(), T.siteTitle(T.title), `the document title of ${new URL(page.url()).pathname}`);
    const text = clean(await page.locator('main').innerText());
    for (const s of [T.explain, T.onlyYours, T.holds, T.logged]) assert.ok(text.includes(s), `"${T.title}" does not say "${s}": ${text}`);
    const link = page.getByRole('link', { name: T.download, exact: true });
    assert.equal(await link.count(), 1, `"${T.title}" has ${await link.count()} links "${T.download}"`);
    assert.equal(await link.getAttribute('href'), circlePath('/export/fhir.json'), `the href of "${T.download}"`);
    assert.equal(await link.getAttribute('download'), null, `"${T.download}" has a download attribute: a step-up redirect would be saved as a file`);
  });
  await checkPage(t, page, { name: `export-${slug}`, current: T.bar.more, where: `"${T.title}" of the ${slug}` });
}

/** Saves a download under the artifacts and reads it: { download, text, bundle } (bundle: the parsed JSON, or null). */
async function readDownload(download, slug) {
  const file = path.join(ARTIFACTS, `${slug}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  const text = fs.readFileSync(file, 'utf8');
  let bundle = null;
  try {
    bundle = JSON.parse(text);
  } catch {
    /* not JSON; the checks say so */
  }
  return { download, text, bundle };
}

/**
 * On the step-up code page: checks it (as `step-up-<slug>`), gives a code
 * from `app` and resolves with the download that follows.
 */
async function giveStepUpCode(t, page, { app, slug }) {
  assert.ok(app, `step-up asked the ${slug} for a code, and the ${slug} has no authenticator`);
  await expectHeading(page, T.stepUpTitle);
  await t.test(`step-up: "${T.stepUpTitle}" says why, and leads back to the download`, async () => {
    assert.ok(clean(await page.locator('main').innerText()).includes(T.stepUpExplain), 'the code page does not say why');
    assert.equal(await page.locator('input[name="next"]').inputValue(), circlePath('/export/fhir.json'), 'where the code page leads back to');
  });
  await check(t, page, `step-up-${slug}`);
  await page.locator('#code').fill(await app.code());
  const after = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('button', { name: T.stepUpButton, exact: true }).click();
  return after;
}

/**
 * Clicks "Download (FHIR, JSON)" on the export page and returns the
 * downloaded file as { download, text, bundle, steppedUp, codePageSaved }.
 * When step-up sends the browser to the code page, gives a code from `app`
 * and waits for the download after it. When the browser instead saved the
 * code page as a file (`codePageSaved`, its name: the link has `download`,
 * so the redirect to the code page is downloaded, not shown), opens the
 * download's address as a page, which shows the code page, and goes on
 * from there.
 */
async function downloadBundle(t, page, { app = null, slug }) {
  const link = page.getByRole('link', { name: T.download, exact: true });
  const downloaded = page.waitForEvent('download', { timeout: 30_000 }).then((d) => ({ download: d }));
  // A download aborts the click's navigation: then this never settles, and
  // the race goes to the download.
  const stepUp = page
    .waitForURL((u) => u.pathname === '/second-factor/check', { timeout: 30_000 })
    .then(() => ({ stepUp: true }), () => new Promise(() => {}));
  await link.click();
  const outcome = await Promise.race([downloaded, stepUp]);
  let steppedUp = Boolean(outcome.stepUp);
  let codePageSaved = null;
  let result = await readDownload(steppedUp ? await giveStepUpCode(t, page, { app, slug }) : outcome.download, slug);
  if (!result.bundle && result.text.includes(`<h1>${T.stepUpTitle}</h1>`)) {
    codePageSaved = result.download.suggestedFilename();
    await goto(page, circlePath('/export/fhir.json'));
    assert.equal(new URL(page.url()).pathname, '/second-factor/check', 'the download\'s address, opened as a page, did not ask for a code');
    steppedUp = true;
    result = await readDownload(await giveStepUpCode(t, page, { app, slug }), slug);
  }
  return { ...result, steppedUp, codePageSaved };
}

/**
 * The checks every exported Bundle gets: FHIR R4 for the `fhir` package, the
 * two round trips, and its inner consistency (fullUrls, references).
 */
async function checkBundle(t, bundle, who) {
  await t.test(`${who}'s Bundle is a Bundle of type "collection" with entries`, (st) => {
    assert.ok(bundle, `${who}'s download is not JSON`);
    assert.equal(bundle.resourceType, 'Bundle');
    assert.equal(bundle.type, 'collection');
    assert.ok(Array.isArray(bundle.entry) && bundle.entry.length > 0, `${who}'s Bundle has no entries`);
    st.diagnostic(`${who}'s Bundle: ${bundle.entry.length} entries ${JSON.stringify(typeCounts(bundle))}`);
  });

  await t.test(`${who}'s Bundle is valid FHIR R4 for the fhir package (errorOnUnexpected)`, (st) => {
    const copy = structuredClone(bundle);
    const result = fhir.validate(bundle, { errorOnUnexpected: true });
    assert.deepStrictEqual(bundle, copy, 'validating changed the Bundle');
    const errors = result.messages.filter((m) => m.severity === 'error');
    const warnings = result.messages.filter((m) => m.severity === 'warning');
    const other = result.messages.filter((m) => m.severity !== 'error' && m.severity !== 'warning');
    const list = (ms) => ms.map((m) => `  [${m.severity}] ${m.location}: ${m.message}`).join('\n');
    const distinct = (ms) => [...new Set(ms.map((m) => `${m.location}: ${m.message}`))];
    if (warnings.length || other.length) {
      st.diagnostic(`${who}'s Bundle: ${warnings.length} warning(s) and ${other.length} other message(s) of the validator (value sets it does not ship), e.g.:\n  ${distinct([...warnings, ...other]).slice(0, 8).join('\n  ')}`);
    }
    assert.deepEqual(errors, [], `${errors.length} validation error(s) in ${who}'s Bundle:\n${list(errors)}`);
    assert.equal(result.valid, true, `the validator calls ${who}'s Bundle invalid:\n${list(result.messages)}`);
  });

  await t.test(`${who}'s Bundle: object → XML → object gives it back unchanged`, () => {
    const xml = fhir.objToXml(bundle);
    assert.ok(/^(<\?xml [^>]*\?>)?<Bundle xmlns="http:\/\/hl7\.org\/fhir">/.test(xml), `the XML does not start with a FHIR Bundle: ${xml.slice(0, 120)}`);
    assert.deepStrictEqual(fhir.xmlToObj(xml), bundle);
  });

  await t.test(`${who}'s Bundle: JSON → XML → JSON gives it back unchanged`, () => {
    assert.deepStrictEqual(JSON.parse(fhir.xmlToJson(fhir.jsonToXml(JSON.stringify(bundle)))), bundle);
  });

  await t.test(`${who}'s Bundle: every fullUrl is unique and ends in /fhir/<Type>/<id> of its resource`, () => {
    const seen = new Map();
    for (const [i, e] of bundle.entry.entries()) {
      const r = e.resource;
      assert.ok(r && r.resourceType && r.id, `entry[${i}] has no resource with a type and an id: ${JSON.stringify(e).slice(0, 200)}`);
      assert.match(r.id, FHIR_ID, `entry[${i}] (${r.resourceType}) has the id "${r.id}", not a FHIR id`);
      assert.ok(/^https?:\/\//.test(e.fullUrl || ''), `entry[${i}] (${r.resourceType}/${r.id}) has the fullUrl "${e.fullUrl}", not an absolute URL`);
      assert.ok(e.fullUrl.endsWith(`/fhir/${r.resourceType}/${r.id}`), `entry[${i}]'s fullUrl "${e.fullUrl}" does not end in /fhir/${r.resourceType}/${r.id}`);
      assert.ok(!seen.has(e.fullUrl), `entry[${i}] repeats the fullUrl of entry[${seen.get(e.fullUrl)}]: ${e.fullUrl}`);
      seen.set(e.fullUrl, i);
    }
  });

  await t.test(`${who}'s Bundle: every reference Type/id names a resource in it`, (st) => {
    const present = new Set(resources(bundle).map((r) => `${r.resourceType}/${r.id}`));
    const refs = references(bundle);
    const local = refs.filter((r) => /^[A-Z][A-Za-z]+\/[^/]+$/.test(r.reference));
    const dangling = local.filter((r) => !present.has(r.reference));
    assert.deepEqual(dangling.map((r) => `${r.at}: ${r.reference}`), [], `references in ${who}'s Bundle to resources it does not hold`);
    const other = refs.filter((r) => !local.includes(r));
    if (other.length) st.diagnostic(`${other.length} reference(s) not of the form Type/id: ${other.slice(0, 5).map((r) => `${r.at}: ${r.reference}`).join(', ')}`);
    st.diagnostic(`${local.length} references checked`);
  });
}

/**
 * What `page`'s reader finds in their own logbook (every page via "Oudere
 * berichten"): the texts of the messages, whitespace collapsed.
 */
async function logbookTexts(page) {
  const texts = [];
  let target = circlePath('/logbook');
  for (let pages = 0; pages < 20; pages++) {
    await goto(page, target);
    texts.push(...(await page.locator('div.entries > article.entry .entry-body').allInnerTexts()).map(clean));
    const older = page.locator('main a.button', { hasText: 'Oudere berichten' });
    if ((await older.count()) === 0) return texts;
    target = await older.getAttribute('href');
  }
  throw new Error('the logbook did not end after 20 pages');
}

/**
 * The replies `page`'s reader finds under the messages of their logbook
 * (each message with "N reacties" opened): their texts, whitespace collapsed.
 */
async function replyTexts(page) {
  const links = [];
  let target = circlePath('/logbook');
  for (let pages = 0; pages < 20 && target; pages++) {
    await goto(page, target);
    links.push(...(await page.locator('div.entries > article.entry a[href$="#replies"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))));
    const older = page.locator('main a.button', { hasText: 'Oudere berichten' });
    target = (await older.count()) === 0 ? null : await older.getAttribute('href');
  }
  const texts = [];
  for (const link of links) {
    await goto(page, link);
    texts.push(...(await page.locator('ul.replies > li.reply .entry-body').allInnerTexts()).map(clean));
  }
  return texts;
}

/** The Communications' texts are exactly the messages of `who`'s logbook (as multisets). */
async function assertCommunications(t, page, bundle, who) {
  const logbook = (await logbookTexts(page)).sort();
  await t.test(`${who}'s Bundle: a Communication for each message of ${who}'s logbook, and no other (replies aside)`, () => {
    const payloads = ofType(bundle, 'Communication')
      .filter((c) => !c.inResponseTo)
      .map((c) => clean(((c.payload || [])[0] || {}).contentString))
      .sort();
    assert.ok(logbook.length > 0, `${who}'s logbook is empty`);
    assert.deepEqual(payloads, logbook, `the Communications of ${who}'s Bundle against the messages of ${who}'s logbook`);
  });
}

/** The circle's Consent in a Bundle: its nested "deny" provisions as [category code, role text]. */
function denials(bundle) {
  const consents = ofType(bundle, 'Consent');
  assert.equal(consents.length, 1, `the Bundle holds ${consents.length} Consents`);
  return ((consents[0].provision || {}).provision || [])
    .filter((p) => p.type === 'deny')
    .flatMap((p) => (p.code || []).flatMap((c) => (c.coding || []).map((coding) => [coding.code, ((p.actor || [])[0] || {}).role && p.actor[0].role.text])));
}

/** Sem ticks or unticks "coördinatoren" under "Overdracht naar een zorgdossier" on "Wie ziet wat" and saves. */
async function setExportForCoordinators(t, page, allowed, slug) {
  await goto(page, circlePath('/consent'));
  const box = page.getByRole('group', { name: T.title, exact: true }).getByRole('checkbox', { name: T.coordinators, exact: true });
  assert.equal(await box.getAttribute('value'), 'export.coordinator', `"${T.coordinators}" under "${T.title}" is another box`);
  assert.equal(await box.isChecked(), !allowed, `"${T.coordinators}" under "${T.title}" is ${allowed ? 'already' : 'not'} ticked`);
  if (allowed) await box.check();
  else await box.uncheck();
  const answer = await submitTo(page, page.getByRole('button', { name: T.save, exact: true }), circlePath('/consent'));
  assert.equal(answer.status(), 303, `saving "${T.consent}" answered ${answer.status()}`);
  await page.waitForURL(url(circlePath('/consent?done=notice-consent-saved')));
  await page.locator('form.consent-form').waitFor();
  await t.test(`saved: "${T.consentSaved}", "${T.coordinators}" under "${T.title}" ${allowed ? '' : 'un'}ticked`, async () => {
    const notices = (await page.getByRole('status').allInnerTexts()).map(clean);
    assert.ok(notices.includes(T.consentSaved), `the saved page shows the notices ${JSON.stringify(notices)}`);
    const saved = page.getByRole('group', { name: T.title, exact: true }).getByRole('checkbox', { name: T.coordinators, exact: true });
    assert.equal(await saved.isChecked(), allowed);
  });
  await checkPage(t, page, { name: `consent-${slug}`, current: T.bar.more, where: `"${T.consent}" of the client, saved` });
}

/** `page` (signed in) gets 403 "Dit mag je niet doen in deze kring." on the export page and on the download. */
async function assertNoExport(t, page, who, slug) {
  await t.test(`${who} gets 403 "${T.forbidden}" on ${circlePath('/export')}`, async () => {
    await expectingError(() => goto(page, circlePath('/export'), 403));
    await page.getByText(T.forbidden, { exact: true }).waitFor();
    assert.equal(await page.getByRole('link', { name: T.download, exact: true }).count(), 0, `the 403 page offers "${T.download}"`);
    await assertFits(page, `the 403 page of "${T.title}"`);
  });
  await check(t, page, `export-forbidden-${slug}`);
  await t.test(`${who} gets 403 on the download, and no Bundle`, async () => {
    const response = await expectingError(() => page.request.get(url(circlePath('/export/fhir.json')), { maxRedirects: 0 }));
    const text = await response.text();
    assert.equal(response.status(), 403, `the download answered ${response.status()} to ${who}`);
    assert.ok(!/fhir\+json/.test(response.headers()['content-type'] || ''), `the 403 is ${response.headers()['content-type']}`);
    assert.ok(!text.includes('"resourceType"'), `the 403 holds FHIR: ${text.slice(0, 200)}`);
    assert.ok(!response.headers()['content-disposition'], `the 403 is an attachment: ${response.headers()['content-disposition']}`);
  });
}

/** "Meer" of `page`'s reader has no link to the export. */
async function assertNoMoreLink(t, page, who) {
  await t.test(`${who}'s "${T.bar.more}" has no link to "${T.title}"`, async () => {
    const item = await moreItem(page, T.title);
    assert.equal(await item.count(), 0, `"${T.bar.more}" of ${who} lists "${T.title}"`);
    const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(!hrefs.some((h) => h && h.startsWith(circlePath('/export'))), `"${T.bar.more}" of ${who} links to the export: ${hrefs.join(', ')}`);
    assert.equal(await page.locator(`a[href^="${circlePath('/export')}"]`).count(), 0, `a page of ${who} links to the export (the tabs?)`);
  });
}

/**
 * Signs `page`'s reader out, asks for a sign-in link by e-mail (`email`),
 * opens it and clicks "Inloggen"; resolves on /circles or the code page.
 */
async function signInAgainByMail(page, email, what) {
  await page.locator('form[action="/sign-out"] button').first().click();
  await page.waitForURL((u) => u.pathname === '/' || u.pathname === '/sign-in');
  await goto(page, '/sign-in');
  await page.locator('form[action="/sign-in/link"] input[name="email"]').fill(email);
  const mark = mailMark(journey.server);
  await page.getByRole('button', { name: T.sendLink, exact: true }).click();
  const { match } = await waitForMail(journey.server, { what, to: email, match: /(https?:\/\/\S+\/sign-in\/link\/[A-Za-z0-9_-]+)/, since: mark });
  await goto(page, match[1]);
  await page.getByRole('button', { name: T.signInButton, exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/circles' || u.pathname === '/sign-in/code');
}

before(async () => {
  await journey.start();
});

after(async () => {
  await journey.stop();
});

test(`${VOLUNTEER} (volunteer) shares his "${T.volunteerCheckIn}" with the coordinators`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await signIn(t, VOLUNTEER, PHONE, 'volunteer', MOBILE);
  const page = pageOf(VOLUNTEER);
  const item = await moreItem(page, T.volunteerCheckIn);
  assert.equal(await item.count(), 1, `"${T.bar.more}" of the volunteer lists "${T.volunteerCheckIn}" ${await item.count()} times`);
  await item.getByRole('link', { name: T.volunteerCheckIn, exact: true }).click();
  await page.waitForURL((u) => u.pathname === circlePath('/volunteer-check-in'));
  await expectHeading(page, T.volunteerFormHeading, 3);
  await checkPage(t, page, { name: 'volunteer-check-in', current: T.bar.more, where: `"${T.volunteerCheckIn}"` });

  // One answer per question, a different option for each (the option index
  // cycles), so a mix-up of answers shows in the QuestionnaireResponse.
  const form = page.locator('form[action$="/volunteer-check-in"]');
  const questions = await form.locator('fieldset').evaluateAll((sets) =>
    sets.map((f) => ({ id: f.id, values: [...f.querySelectorAll('input[type="radio"]')].map((i) => i.value) })),
  );
  assert.ok(questions.length > 0, `"${T.volunteerCheckIn}" asks no questions`);
  const answers = {};
  for (const [i, q] of questions.entries()) {
    assert.ok(q.values.length > 0, `question ${q.id} has no options`);
    answers[q.id] = q.values[i % q.values.length];
    await form.locator(`input[type="radio"][name="${q.id}"][value="${answers[q.id]}"]`).check();
  }
  await page.getByLabel(T.volunteerShare, { exact: true }).check();
  const answer = await submitTo(page, form.getByRole('button', { name: T.save, exact: true }), circlePath('/volunteer-check-in'));
  assert.equal(answer.status(), 303, `saving the check-in answered ${answer.status()}`);
  await page.waitForURL((u) => u.pathname === circlePath('/volunteer-check-in') && u.search === '?done=notice-volunteer-saved');
  await t.test(`"${T.volunteerSaved}", and the check-in is "${T.volunteerSharedOn(dutchToday())}"`, async () => {
    const notices = (await page.getByRole('status').allInnerTexts()).map(clean);
    assert.ok(notices.includes(T.volunteerSaved), `the saved page shows the notices ${JSON.stringify(notices)}`);
    const summary = clean(await page.locator('#history details').first().locator('summary').innerText());
    assert.ok(summary.includes(T.volunteerSharedOn(dutchToday())), `the newest check-in reads "${summary}"`);
  });
  await checkPage(t, page, { name: 'volunteer-check-in-shared', current: T.bar.more, where: `"${T.volunteerCheckIn}", shared` });
  state.answers = answers;
});

test(`${CLIENT} (client) opens "${T.bar.more}" → "${T.title}" and downloads the circle`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await signIn(t, CLIENT, PHONE, 'client', MOBILE);
  const page = pageOf(CLIENT);
  await openExport(t, page, 'client');
  const { download, bundle, text } = await downloadBundle(t, page, { slug: 'client' });
  state.client = bundle;
  await t.test(`the browser saves it as "${fileName()}"`, () => {
    assert.equal(download.suggestedFilename(), fileName());
    assert.ok(bundle, `the download is not JSON: ${text.slice(0, 300)}`);
  });
  await t.test(`the download answers ${CONTENT_TYPE}, as an attachment "${fileName()}", not to be stored`, async () => {
    const response = await page.request.get(url(circlePath('/export/fhir.json')), { maxRedirects: 0 });
    assert.equal(response.status(), 200);
    const headers = response.headers();
    assert.equal(headers['content-type'], CONTENT_TYPE);
    assert.equal(headers['content-disposition'], `attachment; filename="${fileName()}"`);
    assert.equal(headers['cache-control'], 'no-store');
    assert.equal((await response.json()).resourceType, 'Bundle');
  });
});

test(`${CLIENT}'s Bundle: valid FHIR R4, consistent, and his`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const bundle = state.client;
  assert.ok(bundle, 'no Bundle of the client (the download failed)');
  await checkBundle(t, bundle, CLIENT);
  await t.test('it holds Patient, CareTeam, Consent, AuditEvent and Communication', () => {
    const types = new Set(resources(bundle).map((r) => r.resourceType));
    for (const type of ['Patient', 'CareTeam', 'Consent', 'AuditEvent', 'Communication']) {
      assert.ok(types.has(type), `the client's Bundle holds no ${type}: ${JSON.stringify(typeCounts(bundle))}`);
    }
  });
  await t.test(`one Patient, named "${CLIENT}", the subject of the CareTeam and the patient of the Consent`, () => {
    const patients = ofType(bundle, 'Patient');
    assert.equal(patients.length, 1, `${patients.length} Patients`);
    assert.deepEqual(patients[0].name.map((n) => n.text), [CLIENT], 'the Patient\'s name');
    const ref = `Patient/${patients[0].id}`;
    const [team] = ofType(bundle, 'CareTeam');
    assert.equal(team.subject.reference, ref, 'the CareTeam\'s subject');
    assert.equal(ofType(bundle, 'Consent')[0].patient.reference, ref, 'the Consent\'s patient');
  });
  await t.test(`the CareTeam holds ${CLIENT}, ${RELATIVE}, ${VOLUNTEER} and ${COORDINATOR}, each once`, () => {
    const teams = ofType(bundle, 'CareTeam');
    assert.equal(teams.length, 1, `${teams.length} CareTeams`);
    const names = teams[0].participant.map((p) => p.member.display);
    for (const name of [CLIENT, RELATIVE, VOLUNTEER, COORDINATOR]) {
      assert.equal(names.filter((n) => n === name).length, 1, `the CareTeam holds ${name} ${names.filter((n) => n === name).length} times: ${names.join(', ')}`);
    }
    assert.ok(personNamed(bundle, 'RelatedPerson', VOLUNTEER), `no RelatedPerson ${VOLUNTEER}`);
    assert.ok(personNamed(bundle, 'Practitioner', COORDINATOR), `no Practitioner ${COORDINATOR}`);
  });
  await t.test(`an AuditEvent records the export (fhir.export, by ${CLIENT})`, () => {
    const exports = ofType(bundle, 'AuditEvent').filter((a) => (a.subtype || []).some((s) => s.code === 'fhir.export'));
    assert.ok(exports.length >= 1, 'no AuditEvent with the subtype fhir.export');
    assert.ok(exports.some((a) => a.agent.some((g) => g.who && g.who.display === CLIENT)), `no export AuditEvent by ${CLIENT}: ${JSON.stringify(exports[0])}`);
  });
  await t.test(`no QuestionnaireResponse: ${VOLUNTEER} shared his check-in with the coordinators only`, () => {
    assert.deepEqual(ofType(bundle, 'QuestionnaireResponse').map((q) => q.id), [], 'the client\'s Bundle holds check-ins');
  });
  await assertCommunications(t, pageOf(CLIENT), bundle, CLIENT);
  const replies = await replyTexts(pageOf(CLIENT));
  await t.test(
    `the replies under the messages of ${CLIENT}'s logbook are in the Bundle too`,
    () => {
      assert.ok(replies.length > 0, `${CLIENT}'s logbook shows no replies (the demo has two under his question)`);
      const payloads = ofType(bundle, 'Communication').map((c) => clean(((c.payload || [])[0] || {}).contentString));
      const missing = replies.filter((r) => !payloads.includes(r));
      assert.deepEqual(missing, [], `${missing.length} of the ${replies.length} replies ${CLIENT} reads are not in his Bundle (no Communication, e.g. with inResponseTo, holds them)`);
    },
  );
});

test(`${COORDINATOR} (coordinator) downloads the circle too, and through the API`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await signIn(t, COORDINATOR, PHONE, 'coordinator', MOBILE);
  const page = pageOf(COORDINATOR);
  await openExport(t, page, 'coordinator');
  const { download, bundle, text } = await downloadBundle(t, page, { app: people[COORDINATOR].authenticator, slug: 'coordinator' });
  state.coordinator = bundle;
  await t.test(`the browser saves it as "${fileName()}"`, () => {
    assert.equal(download.suggestedFilename(), fileName(), 'the downloaded file (the step-up page?)');
    assert.ok(bundle, `the download is not JSON: ${text.slice(0, 300)}`);
  });
  await checkBundle(t, bundle, COORDINATOR);
  await t.test('no AuditEvent (the audit trail is the client side\'s)', () => {
    assert.equal(ofType(bundle, 'AuditEvent').length, 0, `the coordinator's Bundle holds ${ofType(bundle, 'AuditEvent').length} AuditEvents`);
  });
  await t.test(`the Patient is "${CLIENT}"; the Bundle holds Patient, CareTeam, Consent and Communication`, () => {
    assert.deepEqual(ofType(bundle, 'Patient').map((p) => p.name.map((n) => n.text)), [[CLIENT]]);
    const types = new Set(resources(bundle).map((r) => r.resourceType));
    for (const type of ['Patient', 'CareTeam', 'Consent', 'Communication']) assert.ok(types.has(type), `no ${type}: ${JSON.stringify(typeCounts(bundle))}`);
  });
  await t.test(`${VOLUNTEER}'s shared check-in is a QuestionnaireResponse with his answers`, () => {
    assert.ok(state.answers, 'the volunteer did not fill in his check-in (an earlier test failed)');
    const responses = ofType(bundle, 'QuestionnaireResponse');
    assert.equal(responses.length, 1, `the coordinator's Bundle holds ${responses.length} QuestionnaireResponses`);
    const [q] = responses;
    const jesse = personNamed(bundle, 'RelatedPerson', VOLUNTEER);
    assert.ok(jesse, `no RelatedPerson ${VOLUNTEER}`);
    assert.equal(q.questionnaire, WIFA_QUESTIONNAIRE);
    assert.equal(q.status, 'completed');
    assert.equal(q.author.reference, `RelatedPerson/${jesse.id}`, 'the author');
    assert.equal(q.source.reference, `RelatedPerson/${jesse.id}`, 'the source');
    const age = Date.now() - Date.parse(q.authored);
    assert.ok(age >= -60_000 && age < 15 * 60_000, `authored ${q.authored}, not during this run`);
    const given = Object.fromEntries(q.item.map((i) => [i.linkId, i.answer.map((a) => a.valueString).join('|')]));
    assert.deepEqual(given, state.answers, 'the answers');
  });
  await assertCommunications(t, page, bundle, COORDINATOR);

  state.token = await makeToken(t, page, { name: `fhir-${Date.now()}`, slug: 'coordinator' });
  const answer = await api(state.token, circlePath('/fhir'));
  await t.test(`GET /api/v1${circlePath('/fhir')} answers ${API_CONTENT_TYPE} with the same Bundle`, () => {
    assert.equal(answer.status, 200, `the API answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    assert.equal(answer.type, API_CONTENT_TYPE);
    assert.equal(answer.json.resourceType, 'Bundle');
    // Task.authoredOn is the moment of the export.
    const entries = (b) =>
      b.entry
        .map((e) => (e.resource.resourceType === 'Task' ? { ...e, resource: { ...e.resource, authoredOn: undefined } } : e))
        .sort((a, b2) => a.fullUrl.localeCompare(b2.fullUrl));
    assert.deepStrictEqual(entries(answer.json), entries(bundle), 'the API\'s entries differ from the download\'s');
  });
  if (answer.json) await checkBundle(t, answer.json, `${COORDINATOR} (API)`);
});

test(`${PROFESSIONAL} (professional), signed in on a remembered phone, gives a code before the download`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await signIn(t, PROFESSIONAL, PHONE, 'professional', MOBILE);
  const page = pageOf(PROFESSIONAL);
  const app = people[PROFESSIONAL].authenticator;
  // Signed in again with a code and "Dit apparaat 30 dagen onthouden", then
  // once more: the remembered phone asks no code, so the session has given none.
  await signInAgainByMail(page, PROFESSIONAL_EMAIL, 'a sign-in link');
  assert.equal(new URL(page.url()).pathname, '/sign-in/code', 'a sign-in link alone signed the professional in');
  await page.locator('#code').fill(await app.code());
  await page.getByLabel(T.remember, { exact: true }).check();
  await page.getByRole('button', { name: T.stepUpButton, exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/circles');
  await signInAgainByMail(page, PROFESSIONAL_EMAIL, 'a second sign-in link');
  await t.test('the remembered phone asks no code at sign-in', () => {
    assert.equal(new URL(page.url()).pathname, '/circles', 'the remembered phone was asked for a code');
  });

  await openExport(t, page, 'professional');
  const { download, bundle, text, steppedUp, codePageSaved } = await downloadBundle(t, page, { app, slug: 'professional' });
  await t.test(
    `"${T.download}" shows the code page (it must not be saved as a file)`,
    () => {
      assert.equal(
        codePageSaved,
        null,
        `clicking "${T.download}" saved the step-up code page as "${codePageSaved}" instead of showing it: the link has the download attribute, ` +
          'so Chromium downloads whatever the redirect to /second-factor/check answers; the professional never sees the code page',
      );
    },
  );
  await t.test('step-up asked for a code before the download, and then the browser saved the Bundle', () => {
    assert.ok(steppedUp, 'the download came without a code');
    assert.equal(download.suggestedFilename(), fileName(), 'the downloaded file');
    assert.ok(bundle, `the download is not JSON: ${text.slice(0, 300)}`);
  });
  await checkBundle(t, bundle, PROFESSIONAL);
  await t.test('no AuditEvent, and no QuestionnaireResponse (check-ins are shared with coordinators only)', () => {
    assert.equal(ofType(bundle, 'AuditEvent').length, 0, `the professional's Bundle holds ${ofType(bundle, 'AuditEvent').length} AuditEvents`);
    assert.equal(ofType(bundle, 'QuestionnaireResponse').length, 0, 'the professional\'s Bundle holds a check-in');
  });
});

test(`${VOLUNTEER} and ${RELATIVE} may not export: 403, and no link under "${T.bar.more}"`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = pageOf(VOLUNTEER);
  await assertNoMoreLink(t, page, VOLUNTEER);
  await checkPage(t, page, { name: 'more-volunteer', current: T.bar.more, where: `"${T.bar.more}" of the volunteer` });
  await assertNoExport(t, page, VOLUNTEER, 'volunteer');

  await signIn(t, RELATIVE, PHONE, 'relative', MOBILE, { checked: false });
  const karin = pageOf(RELATIVE);
  await assertNoMoreLink(t, karin, RELATIVE);
  await assertNoExport(t, karin, RELATIVE, 'relative');
});

test(`${CLIENT} takes the export from the coordinators: ${COORDINATOR} gets 403; ticked again, 200`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const sem = pageOf(CLIENT);
  const marieke = pageOf(COORDINATOR);
  assert.ok(state.token, 'the coordinator has no API key (an earlier test failed)');
  await setExportForCoordinators(t, sem, false, 'export-hidden-client');

  await assertNoMoreLink(t, marieke, COORDINATOR);
  await assertNoExport(t, marieke, COORDINATOR, 'coordinator');
  await t.test(`the API answers 403 to ${COORDINATOR}`, async () => {
    const answer = await api(state.token, circlePath('/fhir'));
    assert.equal(answer.status, 403, `the API answered ${answer.status}: ${answer.text.slice(0, 200)}`);
    assert.ok(!answer.text.includes('"resourceType"'), 'the 403 holds FHIR');
  });

  await t.test(`${CLIENT}'s next Bundle: the Consent denies "export" to the coordinators, and nothing else`, async () => {
    const response = await sem.request.get(url(circlePath('/export/fhir.json')), { maxRedirects: 0 });
    assert.equal(response.status(), 200);
    const bundle = await response.json();
    assert.deepEqual(denials(bundle), [['export', 'coördinator']], 'the Consent\'s denials');
    const result = fhir.validate(bundle, { errorOnUnexpected: true });
    const errors = result.messages.filter((m) => m.severity === 'error');
    assert.deepEqual(errors.map((m) => `${m.location}: ${m.message}`), [], 'validation errors');
  });

  await setExportForCoordinators(t, sem, true, 'export-back-client');
  await t.test(`${COORDINATOR} may export again: the API answers 200`, async () => {
    const answer = await api(state.token, circlePath('/fhir'));
    assert.equal(answer.status, 200, `the API answered ${answer.status}: ${answer.text.slice(0, 200)}`);
    assert.deepEqual(denials(answer.json), [], 'the Consent still denies something');
  });
});
