'use strict';
// "Wie ziet wat": consent by kind of information, decided by the client, in
// Dutch, on a phone (390×844, isMobile, hasTouch), in the circle of Sem
// Bakker. Sem is the only client in the demo who is a member and signs in
// with a printed link (the circle of Henk de Vries has no client member);
// Jesse Kok is the circle's volunteer.
//
// 1. Jesse (volunteer) signs in on his phone and opens "Agenda" in the bar:
//    the agenda answers 200. His session stays open for the rest of the
//    journey.
// 2. Sem (client) signs in on his phone and writes a "Zorg" for "alleen
//    beroepskrachten (en de cliënt)" with "Schrijf": a message its writer
//    keeps from volunteers, beside what consent keeps from them.
// 3. Sem opens "Meer" → "Wie ziet wat": "Jij beslist wie wat mag zien in je
//    kring.", one fieldset per kind of information (legend "Agenda en
//    rooster", "Logboek: zorgen", …) with four tick boxes `see`
//    ("naasten", "vrijwilligers", "beroepskrachten", "coördinatoren"), all
//    ticked, and "Bekijk als …" for each of the four roles. He unticks
//    "vrijwilligers" under "Agenda en rooster" and clicks "Opslaan": 303 to
//    `?done=notice-consent-saved`, "Opgeslagen. Dit geldt meteen voor
//    iedereen in de kring.", that box alone unticked, and "Sem Bakker
//    (cliënt) besliste dit op <today>." under the agenda only.
// 4. Jesse's open session loses the agenda at once: reloading the agenda
//    answers 403 "Dit mag je niet doen in deze kring."; on the overview the
//    bar holds no "Agenda" ("Wie doet wat" takes its place), the tabs have no
//    agenda either, and "Meer" links neither to the agenda nor to
//    "Hulpvragen".
// 5. Jesse opens "Meer" → "Wie ziet wat": no form but a list
//    (`dl.consent-list`): "Agenda en rooster" reads "Dit mogen niet zien:
//    vrijwilligers." and who decided, everything else "Iedereen in de kring
//    mag dit zien."; "Alleen Sem Bakker of de vertegenwoordiger kan dit
//    veranderen.". The circle's settings link to it ("Bekijk wie wat ziet").
//    "Bekijk als" (`/consent/as/volunteer`) and a posted form (with a valid
//    CSRF token, ticking everything) answer 403 to him and change nothing.
// 6. Sem clicks "Bekijk als vrijwilliger": "Zo ziet een vrijwilliger de
//    kring", one part (`li#part-<category>`) per kind of information. The
//    agenda is "Verborgen." with who decided; each logbook part reads "Ziet
//    N van de M.", where N is what Jesse's own logbook (`?show=<kind>`) holds
//    of that kind and M what Sem's holds; the concerns say "1 bericht is voor
//    een kleinere groep. …" for Sem's concern. "Nieuwste berichten die deze
//    rol ziet" lists only messages Jesse reads, not the concern.
// 7. Sem goes "Terug naar wie ziet wat", ticks the box again and saves:
//    Jesse's agenda answers 200 again, with "Agenda" back in the bar, and
//    his "Wie ziet wat" reads "Iedereen in de kring mag dit zien." with who
//    decided.
//
// Every page: axe-core and screenshots at 390 and 1280 px (lib/check.js),
// no sideways scrolling on the phone, and the bar at the bottom with the
// right item marked aria-current="page". A kind of information added later
// (not in CATEGORIES) must have a written name; it is not checked further.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const path = require('node:path');
const { test, before, after } = require('node:test');

const { createJourney, clean, PHONE } = require('../lib/journey');
const { phoneJourney, TEXTS_NL, MOBILE } = require('../lib/phone');

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts', 'consent');
const TEST_TIMEOUT_MS = 120_000;

const CLIENT = 'Sem Bakker'; // cliënt, a member of his own circle (demo/mod.rs)
const VOLUNTEER = 'Jesse Kok'; // vrijwilliger in the circle of Sem Bakker

const RUN = crypto.randomBytes(3).toString('hex');
const CONCERN_WORD = `slaapritme-${RUN}`;
const CONCERN = `Ik slaap slecht sinds de nieuwe medicijnen (${CONCERN_WORD}). Kunnen we het daar bij het volgende gesprek over hebben?`;

/** The roles the client decides about, in the form's order (DECIDED_ROLES). */
const ROLES = ['relative', 'volunteer', 'professional', 'coordinator'];
/** The kinds of information, in the form's order (Category::ALL). */
const CATEGORIES = ['updates', 'moments', 'concerns', 'questions', 'thanks', 'agenda', 'about_client', 'agreements', 'network', 'conversations', 'carer_signals'];
/** The logbook's categories and the entry kind each stands for (`?show=<kind>`). */
const LOGBOOK = { updates: 'update', moments: 'moment', concerns: 'concern', questions: 'question', thanks: 'thanks' };

// crates/samenspel/locales/nl/consent.ftl, general.ftl, navigation.ftl,
// roles.ftl, errors.ftl, agenda.ftl, agreements.ftl, help.ftl, logbook.ftl
const T = {
  ...TEXTS_NL,
  siteTitle: (title) => `${title} · ${CLIENT} · Samenspel`,
  title: 'Wie ziet wat',
  exportName: 'Overdracht naar een zorgdossier',
  exportEveryone: 'Alle beroepskrachten en coördinatoren mogen dit.',
  moreHint: 'Wie welke informatie over de cliënt mag zien.',
  settings: 'Instellingen',
  settingsLink: 'Bekijk wie wat ziet',
  introOwn: 'Jij beslist wie wat mag zien in je kring.',
  introOther: (client) => `${client} beslist wie wat mag zien in de kring.`,
  clientSide: 'De cliënt en de vertegenwoordiger zien altijd alles.',
  onlyClient: (client) => `Alleen ${client} of de vertegenwoordiger kan dit veranderen.`,
  everyone: 'Iedereen in de kring mag dit zien.',
  notFor: (roles) => `Dit mogen niet zien: ${roles}.`,
  decided: (name, role, date) => `${name} (${role}) besliste dit op ${date}.`,
  roleClient: 'cliënt',
  groups: { relative: 'naasten', volunteer: 'vrijwilligers', professional: 'beroepskrachten', coordinator: 'coördinatoren' },
  categories: {
    updates: 'Logboek: updates',
    moments: 'Logboek: mooie momenten',
    concerns: 'Logboek: zorgen',
    questions: 'Logboek: vragen',
    thanks: 'Logboek: bedankjes',
    agenda: 'Agenda en rooster',
    about_client: 'Dit ben ik en het welzijnsplan',
    agreements: 'Afspraken: wie doet wat',
    network: 'Netwerkkaart',
    conversations: 'Gesprekken',
    carer_signals: 'Signalen van mantelzorgers',
  },
  consentSaved: 'Opgeslagen. Dit geldt meteen voor iedereen in de kring.',
  viewAsHeading: 'Bekijk de kring als een ander',
  viewAs: { relative: 'Bekijk als naaste', volunteer: 'Bekijk als vrijwilliger', professional: 'Bekijk als beroepskracht', coordinator: 'Bekijk als coördinator' },
  seenByVolunteer: 'Zo ziet een vrijwilliger de kring',
  viewAsOther: 'Bekijk ook als:',
  back: 'Terug naar wie ziet wat',
  seesCount: (shown, of) => (of === 0 ? 'Hier staat nog niets.' : `Ziet ${shown} van de ${of}.`),
  hiddenByWriter: (n) =>
    n === 1
      ? '1 bericht is voor een kleinere groep. De schrijver koos wie het mag zien.'
      : `${n} berichten zijn voor een kleinere groep. De schrijver koos wie ze mag zien.`,
  hidden: 'Verborgen.',
  latest: 'Nieuwste berichten die deze rol ziet',
  forbidden: 'Dit mag je niet doen in deze kring.',
  agendaTitle: 'Agenda en rooster',
  agreementsTab: 'Wie doet wat',
  help: 'Hulpvragen',
  kindConcern: 'Zorg',
  audienceProfessionals: 'Zichtbaar voor: alleen beroepskrachten (en de cliënt)',
};

/** The bar of a volunteer without the agenda: "Wie doet wat" takes its place (circle_nav.rs). */
const BAR_WITHOUT_AGENDA = [T.bar.overview, T.bar.logbook, T.bar.write, T.agreementsTab, T.bar.more];

const journey = createJourney({ artifactsDir: ARTIFACTS, client: CLIENT, texts: T, expectedErrors: /status of 403/ });
const { url, circlePath, goto, expectingError, expectHeading, check, signIn, pageOf, submitTo, bottomBar } = journey;
const { assertBar, assertFits, checkPage, barLink } = phoneJourney(journey, T);

const state = {};

/** Today as the pages write it ("6 december 2026"). */
function dutchToday() {
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
}

/** "Sem Bakker (cliënt) besliste dit op <today>." */
function decidedToday() {
  return T.decided(CLIENT, T.roleClient, dutchToday());
}

/** The bar at the bottom holds `items` (in this order) and marks only `current`. */
async function assertBarItems(page, items, current, where) {
  const bar = await bottomBar(page);
  assert.ok(bar.visible, `the bar at the bottom does not show on the phone (${where})`);
  assert.deepEqual(bar.items, items, `the bar on ${where}`);
  assert.deepEqual(bar.current, [current], `the bar marks ${JSON.stringify(bar.current)} as the current page on ${where}, expected "${current}"`);
}

/** The links of the circle's navigation (the bar and the tabs, both in the DOM), as { text, href }. */
function navLinks(page) {
  return page.locator('nav.bottom-bar a, nav.tabs a').evaluateAll((as) =>
    as.map((a) => ({ text: (a.textContent || '').replace(/\s+/g, ' ').trim(), href: a.getAttribute('href') })),
  );
}

/** Clicks `link` and resolves with the answer to the page it opens (`pathname`). */
async function clickTo(page, link, pathname) {
  const answer = page.waitForResponse((r) => r.request().isNavigationRequest() && new URL(r.url()).pathname === pathname);
  await link.click();
  const response = await answer;
  await page.waitForURL((u) => u.pathname === pathname);
  return response;
}

/** Opens "Meer" in the bar, then "Wie ziet wat" in its list (whose hint must be right). */
async function openConsentFromMore(page) {
  await barLink(page, T.bar.more).click();
  await page.waitForURL((u) => u.pathname === circlePath('/more'));
  const item = page.locator('.more-list li').filter({ has: page.getByRole('link', { name: T.title, exact: true }) });
  assert.equal(await item.count(), 1, `"${T.bar.more}" lists "${T.title}" ${await item.count()} times`);
  assert.equal(clean(await item.locator('.hint').innerText()), T.moreHint, `the hint of "${T.title}" under "${T.bar.more}"`);
  await item.getByRole('link', { name: T.title, exact: true }).click();
  await page.waitForURL((u) => u.pathname === circlePath('/consent'));
  await expectHeading(page, T.title, 2);
}

/** The consent form: per fieldset its id, legend, tick boxes (name, value, label, ticked) and whole text. */
function readForm(page) {
  return page.locator('form.consent-form fieldset').evaluateAll((sets) => {
    const c = (s) => (s || '').replace(/\s+/g, ' ').trim();
    return sets.map((f) => ({
      id: f.id,
      legend: c(f.querySelector('legend').textContent),
      boxes: [...f.querySelectorAll('input[type="checkbox"]')].map((i) => ({
        name: i.name,
        value: i.value,
        checked: i.checked,
        label: c((document.querySelector(`label[for="${i.id}"]`) || {}).textContent),
      })),
      text: c(f.innerText),
    }));
  });
}

/** A fieldset's legend or a part's heading is a written name, not a message key. */
function assertTranslated(name, where) {
  assert.ok(name && !/^consent-/.test(name), `${where} is named "${name}", an untranslated message key`);
}

/**
 * The form as it must be: one fieldset per category, the known ones in
 * order, each with the four roles' boxes, ticked unless `[category, role]`
 * is in `hidden`, and the "besliste dit" line under the categories in
 * `decidedFor` only. A category added later (not in CATEGORIES) must have a
 * written legend and boxes for some of the four roles, all ticked.
 */
async function assertForm(page, { hidden = [], decidedFor = [], where }) {
  const sets = await readForm(page);
  const ids = sets.map((s) => s.id.replace(/^consent-/, ''));
  assert.deepEqual(ids.filter((id) => CATEGORIES.includes(id)), CATEGORIES, `the fieldsets on ${where}: ${ids.join(', ')}`);
  for (const set of sets) {
    const category = set.id.replace(/^consent-/, '');
    const known = CATEGORIES.includes(category);
    if (known) assert.equal(set.legend, T.categories[category], `the legend of #${set.id} on ${where}`);
    else assertTranslated(set.legend, `#${set.id} on ${where}`);
    const roles = known ? ROLES : set.boxes.map((b) => b.value.slice(category.length + 1));
    assert.ok(roles.length > 0 && roles.every((r) => ROLES.includes(r)), `the boxes under "${set.legend}" on ${where}: ${JSON.stringify(set.boxes)}`);
    assert.deepEqual(
      set.boxes,
      roles.map((role) => ({
        name: 'see',
        value: `${category}.${role}`,
        checked: !hidden.some(([c, r]) => c === category && r === role),
        label: T.groups[role],
      })),
      `the tick boxes under "${set.legend}" on ${where}`,
    );
    const decided = set.text.includes(decidedToday());
    assert.equal(decided, decidedFor.includes(category), `"${set.legend}" on ${where} ${decided ? 'says' : 'does not say'} "${decidedToday()}": ${set.text}`);
  }
}

/**
 * The read-only list holds the known categories in order, `text(category)`
 * beside each; a category added later has a written name and "Iedereen in
 * de kring mag dit zien." (the export: "Alle beroepskrachten en
 * coördinatoren mogen dit.").
 */
async function assertList(page, text, where) {
  const rows = await readList(page);
  const names = Object.fromEntries(CATEGORIES.map((c) => [T.categories[c], c]));
  assert.deepEqual(
    rows.filter((r) => r.term in names),
    CATEGORIES.map((c) => ({ term: T.categories[c], text: text(c) })),
    `the list on ${where}`,
  );
  for (const row of rows.filter((r) => !(r.term in names))) {
    assertTranslated(row.term, `a category on ${where}`);
    // The export is decided for professionals and coordinators only.
    const everyone = row.term === T.exportName ? T.exportEveryone : T.everyone;
    assert.equal(row.text, everyone, `"${row.term}" on ${where}`);
  }
}

/** The read-only list: [{ term, text }] per category. */
function readList(page) {
  return page.locator('dl.consent-list').evaluate((dl) => {
    const c = (s) => (s || '').replace(/\s+/g, ' ').trim();
    return [...dl.querySelectorAll('dt')].map((dt) => ({ term: c(dt.textContent), text: c(dt.nextElementSibling && dt.nextElementSibling.textContent) }));
  });
}

/** "Bekijk als": per part its id, heading and text. */
function readParts(page) {
  return page.locator('ul.view-as-list > li').evaluateAll((lis) => {
    const c = (s) => (s || '').replace(/\s+/g, ' ').trim();
    return lis.map((li) => ({ id: li.id, heading: c((li.querySelector('h3') || {}).textContent), text: c(li.textContent) }));
  });
}

/**
 * What `page`'s reader finds of one entry kind in their own logbook
 * (`?show=<kind>`, every page via "Oudere berichten"): the texts of the
 * entries (removed ones left out, as "Bekijk als" counts them).
 */
async function logbookTexts(page, kind) {
  const texts = [];
  let target = circlePath(`/logbook?show=${kind}`);
  for (let pages = 0; pages < 20; pages++) {
    await goto(page, target);
    texts.push(...(await page.locator('div.entries > article.entry .entry-body').allInnerTexts()).map(clean));
    const older = page.locator('main a.button', { hasText: 'Oudere berichten' });
    if ((await older.count()) === 0) return texts;
    target = await older.getAttribute('href');
  }
  throw new Error(`the logbook (?show=${kind}) did not end after 20 pages`);
}

/** Sem ticks or unticks "vrijwilligers" under "Agenda en rooster" and saves; checks the answer and the notice. */
async function setAgendaForVolunteers(page, allowed) {
  const box = page.getByRole('group', { name: T.categories.agenda, exact: true }).getByRole('checkbox', { name: T.groups.volunteer, exact: true });
  assert.equal(await box.getAttribute('value'), 'agenda.volunteer', `"${T.groups.volunteer}" under "${T.categories.agenda}" is another box`);
  assert.equal(await box.isChecked(), !allowed, `"${T.groups.volunteer}" under "${T.categories.agenda}" is ${allowed ? 'already' : 'not'} ticked`);
  if (allowed) await box.check();
  else await box.uncheck();
  const answer = await submitTo(page, page.getByRole('button', { name: T.save, exact: true }), circlePath('/consent'));
  assert.equal(answer.status(), 303, `saving "${T.title}" answered ${answer.status()}`);
  await page.waitForURL(url(circlePath('/consent?done=notice-consent-saved')));
  await page.locator('form.consent-form').waitFor();
}

/** After saving: the notice "Opgeslagen. …" (role="status"). */
async function checkSavedNotice(t, page) {
  await t.test(`the notice "${T.consentSaved}" shows`, async () => {
    const notices = (await page.getByRole('status').allInnerTexts()).map(clean);
    assert.ok(notices.includes(T.consentSaved), `the saved page (${page.url()}) shows the notices ${JSON.stringify(notices)}`);
  });
}

before(async () => {
  await journey.start();
});

after(async () => {
  await journey.stop();
});

test(`${VOLUNTEER} (volunteer) signs in on his phone and opens "${T.bar.agenda}" in the bar`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await signIn(t, VOLUNTEER, PHONE, 'volunteer', MOBILE);
  const page = pageOf(VOLUNTEER);
  await goto(page, circlePath());
  await t.test(`the bar holds "${T.bar.agenda}"`, () => assertBar(page, T.bar.overview, 'the overview of the volunteer'));
  const answer = await clickTo(page, barLink(page, T.bar.agenda), circlePath('/agenda'));
  assert.equal(answer.status(), 200, `the agenda answered ${answer.status()}`);
  await expectHeading(page, T.agendaTitle, 2);
  await checkPage(t, page, { name: 'agenda-volunteer', current: T.bar.agenda, where: 'the agenda of the volunteer' });
});

test(`${CLIENT} (client) signs in on his phone and writes a "${T.kindConcern}" for professionals only`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await signIn(t, CLIENT, PHONE, 'client', MOBILE);
  const page = pageOf(CLIENT);
  await goto(page, circlePath());
  await barLink(page, T.bar.write).click();
  await page.waitForURL((u) => u.pathname === circlePath('/logbook/new'));
  await page.getByLabel(T.body, { exact: true }).waitFor();
  await checkPage(t, page, { name: 'write-client', current: T.bar.write, where: 'the writing form of the client' });
  await page.locator('#kind-concern').check();
  await page.locator('#audience-professionals').check();
  await page.getByLabel(T.body, { exact: true }).fill(CONCERN);
  await page.getByRole('button', { name: T.post, exact: true }).click();
  await page.waitForURL(/\/logbook\/[^/?#]+\?done=notice-entry-saved$/);
  await page.getByText(T.saved, { exact: true }).waitFor();
  const entry = page.locator('article.entry').first();
  assert.equal(clean(await entry.locator('.entry-body').innerText()), clean(CONCERN), 'the entry page shows another text');
  await entry.getByText(T.audienceProfessionals).waitFor();
});

test(`${CLIENT} opens "${T.bar.more}" → "${T.title}", unticks "${T.groups.volunteer}" under "${T.categories.agenda}" and saves`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = pageOf(CLIENT);
  await goto(page, circlePath());
  await openConsentFromMore(page);

  await t.test(`"${T.title}": his own decision, the form with every box ticked, and "${T.viewAsHeading}"`, async () => {
    assert.equal(await page.title(), T.siteTitle(T.title), `the document title of ${new URL(page.url()).pathname}`);
    const text = clean(await page.locator('main').innerText());
    for (const s of [T.introOwn, T.clientSide]) assert.ok(text.includes(s), `"${T.title}" does not say "${s}": ${text}`);
    assert.equal(await page.locator('dl.consent-list').count(), 0, 'the client gets the read-only list beside the form');
    await assertForm(page, { where: `"${T.title}" before any decision` });
    const viewAs = page.getByRole('region', { name: T.viewAsHeading, exact: true });
    for (const role of ROLES) {
      assert.equal(await viewAs.getByRole('link', { name: T.viewAs[role], exact: true }).getAttribute('href'), circlePath(`/consent/as/${role}`), `the link "${T.viewAs[role]}"`);
    }
  });
  await checkPage(t, page, { name: 'consent-client', current: T.bar.more, where: `"${T.title}" of the client` });

  await setAgendaForVolunteers(page, false);
  await checkSavedNotice(t, page);
  await t.test(`saved: only "${T.groups.volunteer}" under "${T.categories.agenda}" unticked, and "${decidedToday()}" under it alone`, async () => {
    await assertForm(page, { hidden: [['agenda', 'volunteer']], decidedFor: ['agenda'], where: `"${T.title}" after saving` });
  });
  await checkPage(t, page, { name: 'consent-saved-client', current: T.bar.more, where: `"${T.title}" of the client, saved` });
});

test(`${VOLUNTEER}'s open session loses the agenda at once: 403 on its address, no "${T.bar.agenda}" in the bar`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = pageOf(VOLUNTEER);
  assert.equal(new URL(page.url()).pathname, circlePath('/agenda'), 'the volunteer is not on the agenda (an earlier test failed)');
  const answer = await expectingError(async () => {
    const response = await page.reload({ waitUntil: 'load' });
    await page.getByText(T.forbidden, { exact: true }).waitFor();
    return response;
  });
  await t.test(`reloading the agenda answers 403 "${T.forbidden}" and shows nothing of it`, async () => {
    assert.equal(answer.status(), 403, `the reloaded agenda answered ${answer.status()}`);
    assert.equal(await page.getByRole('heading', { name: T.agendaTitle }).count(), 0, 'the 403 page shows the agenda\'s heading');
    await assertFits(page, 'the 403 page of the agenda');
  });
  await check(t, page, 'agenda-forbidden-volunteer');

  await goto(page, circlePath());
  await t.test(`the overview: the bar holds no "${T.bar.agenda}" ("${T.agreementsTab}" takes its place), the tabs neither`, async () => {
    await assertBarItems(page, BAR_WITHOUT_AGENDA, T.bar.overview, 'the overview of the volunteer without the agenda');
    const links = await navLinks(page);
    const agenda = links.filter((l) => l.text === T.bar.agenda || l.href === circlePath('/agenda'));
    assert.deepEqual(agenda, [], 'the circle\'s navigation still links to the agenda');
    assert.equal(await page.locator(`main a[href^="${circlePath('/agenda')}"]`).count(), 0, 'the overview links to the agenda');
    await assertFits(page, 'the overview without the agenda');
  });
  await check(t, page, 'overview-without-agenda-volunteer');

  await barLink(page, T.bar.more).click();
  await page.waitForURL((u) => u.pathname === circlePath('/more'));
  await t.test(`"${T.bar.more}" links neither to the agenda nor to "${T.help}", and still to "${T.title}"`, async () => {
    const hrefs = await page.locator('.more-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const part of ['/agenda', '/help']) {
      assert.ok(!hrefs.some((h) => h.startsWith(circlePath(part))), `"${T.bar.more}" links to ${part}: ${hrefs.join(', ')}`);
    }
    assert.ok(hrefs.includes(circlePath('/consent')), `"${T.bar.more}" does not link to "${T.title}": ${hrefs.join(', ')}`);
    await assertBarItems(page, BAR_WITHOUT_AGENDA, T.bar.more, `"${T.bar.more}" of the volunteer without the agenda`);
    await assertFits(page, `"${T.bar.more}" without the agenda`);
  });
  await check(t, page, 'more-without-agenda-volunteer');
});

test(`${VOLUNTEER} opens "${T.bar.more}" → "${T.title}" and reads that volunteers may not see the agenda, and who decided`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = pageOf(VOLUNTEER);
  await goto(page, circlePath());
  await openConsentFromMore(page);
  await t.test(`no form, and "${T.categories.agenda}" reads "${T.notFor(T.groups.volunteer)}" with "${decidedToday()}"`, async () => {
    assert.equal(await page.title(), T.siteTitle(T.title), `the document title of ${new URL(page.url()).pathname}`);
    const text = clean(await page.locator('main').innerText());
    for (const s of [T.introOther(CLIENT), T.clientSide, T.onlyClient(CLIENT)]) assert.ok(text.includes(s), `"${T.title}" does not say "${s}": ${text}`);
    assert.equal(await page.locator('form.consent-form').count(), 0, 'the volunteer gets the form');
    assert.equal(await page.locator('main input[type="checkbox"]').count(), 0, 'the volunteer gets tick boxes');
    assert.equal(await page.getByRole('button', { name: T.save, exact: true }).count(), 0, `the volunteer gets "${T.save}"`);
    assert.equal(await page.locator(`a[href^="${circlePath('/consent/as/')}"]`).count(), 0, 'the volunteer gets "Bekijk als" links');
    await assertList(page, (c) => (c === 'agenda' ? `${T.notFor(T.groups.volunteer)} ${decidedToday()}` : T.everyone), `"${T.title}" of the volunteer`);
    await assertBarItems(page, BAR_WITHOUT_AGENDA, T.bar.more, `"${T.title}" of the volunteer`);
    await assertFits(page, `"${T.title}" of the volunteer`);
  });
  await check(t, page, 'consent-volunteer');

  await t.test(`the circle's "${T.settings}" link to it with "${T.settingsLink}"`, async () => {
    await goto(page, circlePath('/settings'));
    const link = page.getByRole('link', { name: T.settingsLink, exact: true });
    assert.equal(await link.getAttribute('href'), circlePath('/consent'));
    await link.click();
    await page.waitForURL((u) => u.pathname === circlePath('/consent'));
    await expectHeading(page, T.title, 2);
  });

  await t.test(`"${T.viewAs.volunteer}" answers 403 to him`, async () => {
    await expectingError(() => goto(page, circlePath('/consent/as/volunteer'), 403));
    await page.getByText(T.forbidden, { exact: true }).waitFor();
    assert.equal(await page.locator('ul.view-as-list').count(), 0, 'the 403 page shows the parts');
  });

  await t.test('a posted form (with a valid CSRF token) ticking everything answers 403 and changes nothing', async () => {
    await goto(page, circlePath('/consent'));
    const see = CATEGORIES.flatMap((c) => ROLES.map((r) => `${c}.${r}`));
    const posted = await expectingError(() =>
      page.evaluate(async ({ action, see }) => {
        const csrf = document.querySelector('input[name="csrf"]').value;
        const body = new URLSearchParams({ csrf });
        for (const s of see) body.append('see', s);
        const res = await fetch(action, { method: 'POST', body, credentials: 'same-origin', redirect: 'manual' });
        return { status: res.status, type: res.type, text: await res.text() };
      }, { action: circlePath('/consent'), see }),
    );
    assert.equal(posted.status, 403, `the volunteer's POST answered ${posted.status} (${posted.type})`);
    assert.ok(posted.text.includes(T.forbidden), `the 403 is not "${T.forbidden}" (a CSRF failure?): ${posted.text.slice(0, 300)}`);
    const agenda = await expectingError(() => page.request.get(url(circlePath('/agenda')), { maxRedirects: 0 }));
    assert.equal(agenda.status(), 403, `after the volunteer's POST the agenda answers ${agenda.status()} to him`);
    await goto(page, circlePath('/consent'));
    const row = (await readList(page)).find((r) => r.term === T.categories.agenda);
    assert.equal(row && row.text, `${T.notFor(T.groups.volunteer)} ${decidedToday()}`, 'the volunteer\'s POST changed the decision');
  });
});

test(`${CLIENT} opens "${T.viewAs.volunteer}": the agenda "${T.hidden}" with who decided, the logbook with counts`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = pageOf(CLIENT);
  const jesse = pageOf(VOLUNTEER);
  // What each of them reads of each kind in their own logbook.
  const mine = {};
  const his = {};
  for (const [category, kind] of Object.entries(LOGBOOK)) {
    mine[category] = await logbookTexts(page, kind);
    his[category] = await logbookTexts(jesse, kind);
  }
  assert.ok(mine.concerns.some((s) => s.includes(CONCERN_WORD)), `${CLIENT}'s logbook does not show his concern`);
  assert.ok(!his.concerns.some((s) => s.includes(CONCERN_WORD)), `${VOLUNTEER}'s logbook shows the concern for professionals only`);

  await goto(page, circlePath('/consent'));
  const viewAs = page.getByRole('region', { name: T.viewAsHeading, exact: true });
  await viewAs.getByRole('link', { name: T.viewAs.volunteer, exact: true }).click();
  await page.waitForURL((u) => u.pathname === circlePath('/consent/as/volunteer'));
  await expectHeading(page, T.seenByVolunteer, 2);

  const parts = await readParts(page);
  const part = (category) => parts.find((p) => p.id === `part-${category}`);
  await t.test('one part per kind of information, each under its heading', async () => {
    assert.equal(await page.title(), T.siteTitle(T.viewAs.volunteer), `the document title of ${new URL(page.url()).pathname}`);
    const ids = parts.map((p) => p.id);
    for (const c of CATEGORIES) {
      assert.equal(ids.filter((id) => id === `part-${c}`).length, 1, `"Bekijk als" has no single part-${c}: ${ids.join(', ')}`);
      assert.equal(part(c).heading, T.categories[c], `the heading of part-${c}`);
    }
    for (const p of parts.filter((x) => !CATEGORIES.includes(x.id.replace(/^part-/, '')))) {
      // A category added later: named, and either counted or hidden.
      assertTranslated(p.heading, `#${p.id}`);
      assert.ok(/Ziet \d+ van de \d+\./.test(p.text) || p.text.includes(T.seesCount(0, 0)) || p.text.includes(T.hidden), `#${p.id} reads "${p.text}"`);
    }
  });
  await t.test(`"${T.categories.agenda}" is "${T.hidden}" with "${decidedToday()}", and no count`, () => {
    const agenda = part('agenda');
    assert.ok(agenda, 'no part-agenda');
    assert.equal(agenda.text, `${T.categories.agenda} ${T.hidden} ${decidedToday()}`, 'part-agenda');
    assert.equal(clean(agenda.text).match(/Ziet \d+ van de \d+/), null, 'the hidden agenda has a count');
  });
  await t.test(`each logbook part reads "${T.seesCount('N', 'M')}": N as in ${VOLUNTEER}'s logbook, M as in ${CLIENT}'s`, () => {
    for (const category of Object.keys(LOGBOOK)) {
      const p = part(category);
      const shown = his[category].length;
      const of = mine[category].length;
      assert.ok(p.text.includes(T.seesCount(shown, of)), `part-${category} reads "${p.text}", expected "${T.seesCount(shown, of)}"`);
      assert.ok(!p.text.includes(T.hidden), `part-${category} is "${T.hidden}"`);
      const kept = of - shown;
      if (kept > 0) assert.match(p.text, new RegExp(`${kept} (bericht|berichten) (is|zijn) voor een kleinere groep\\.`), `part-${category} does not say that ${kept} messages are for a smaller group: ${p.text}`);
      else assert.ok(!p.text.includes('kleinere groep'), `part-${category} speaks of a smaller group: ${p.text}`);
    }
    assert.ok(mine.concerns.length > his.concerns.length, 'the concern for professionals only is not among what the client reads and the volunteer does not');
  });
  await t.test(`one message for a smaller group reads "${T.hiddenByWriter(1)}"`, () => {
    for (const category of Object.keys(LOGBOOK)) {
      const kept = mine[category].length - his[category].length;
      if (kept > 0) assert.ok(part(category).text.includes(T.hiddenByWriter(kept)), `part-${category} reads "${part(category).text}", expected "${T.hiddenByWriter(kept)}"`);
    }
  });
  await t.test('the other parts are not hidden and count what the volunteer sees of all there is', () => {
    for (const category of CATEGORIES.filter((c) => c !== 'agenda' && !(c in LOGBOOK))) {
      const p = part(category);
      const match = /Ziet (\d+) van de (\d+)\./.exec(p.text);
      // An empty part says so instead of "Ziet 0 van de 0.".
      assert.ok(match || p.text.includes(T.seesCount(0, 0)), `part-${category} has no count: ${p.text}`);
      if (match) assert.ok(Number(match[1]) <= Number(match[2]), `part-${category} sees more than there is: ${p.text}`);
      assert.ok(!p.text.includes(T.hidden), `part-${category} is "${T.hidden}"`);
    }
  });
  await t.test(`"${T.latest}" lists only what ${VOLUNTEER} reads, not the concern`, async () => {
    const latest = page.getByRole('region', { name: T.latest, exact: true });
    assert.equal(await latest.count(), 1, `no region "${T.latest}"`);
    const items = (await latest.locator('li').allInnerTexts()).map(clean);
    const visible = Object.values(his).flat();
    assert.equal(items.length, Math.min(5, visible.length), `"${T.latest}" lists ${items.length} messages; ${VOLUNTEER} reads ${visible.length}`);
    for (const item of items) {
      assert.ok(!item.includes(CONCERN_WORD), `"${T.latest}" shows the concern for professionals only: ${item}`);
      assert.ok(visible.some((body) => item.includes(body.slice(0, 30))), `"${T.latest}" lists a message ${VOLUNTEER} does not read: ${item}`);
    }
  });
  await t.test(`"${T.back}" and "${T.viewAsOther}" the three other roles`, async () => {
    assert.equal(await page.getByRole('link', { name: T.back, exact: true }).getAttribute('href'), circlePath('/consent'));
    const other = page.getByRole('navigation', { name: T.viewAsOther, exact: true });
    const links = await other.locator('a').evaluateAll((as) => as.map((a) => [(a.textContent || '').trim(), a.getAttribute('href')]));
    assert.deepEqual(
      links,
      ROLES.filter((r) => r !== 'volunteer').map((r) => [T.groups[r], circlePath(`/consent/as/${r}`)]),
      `"${T.viewAsOther}"`,
    );
  });
  await checkPage(t, page, { name: 'consent-view-as-volunteer', current: T.bar.more, where: `"${T.viewAs.volunteer}"` });
});

test(`${CLIENT} ticks the box again, and ${VOLUNTEER} gets the agenda back`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = pageOf(CLIENT);
  await goto(page, circlePath('/consent/as/volunteer'));
  await page.getByRole('link', { name: T.back, exact: true }).click();
  await page.waitForURL((u) => u.pathname === circlePath('/consent'));
  await setAgendaForVolunteers(page, true);
  await checkSavedNotice(t, page);
  await t.test(`saved: every box ticked, "${decidedToday()}" still under "${T.categories.agenda}"`, () =>
    assertForm(page, { decidedFor: ['agenda'], where: `"${T.title}" after ticking again` }),
  );

  const jesse = pageOf(VOLUNTEER);
  await goto(jesse, circlePath());
  await t.test(`${VOLUNTEER}'s bar holds "${T.bar.agenda}" again`, () => assertBar(jesse, T.bar.overview, 'the overview of the volunteer with the agenda back'));
  const answer = await clickTo(jesse, barLink(jesse, T.bar.agenda), circlePath('/agenda'));
  await t.test('the agenda answers 200 again', async () => {
    assert.equal(answer.status(), 200, `the agenda answered ${answer.status()}`);
    await expectHeading(jesse, T.agendaTitle, 2);
  });
  await checkPage(t, jesse, { name: 'agenda-back-volunteer', current: T.bar.agenda, where: 'the agenda of the volunteer, back' });

  await goto(jesse, circlePath('/consent'));
  await t.test(`${VOLUNTEER}'s "${T.title}" reads "${T.everyone}" everywhere, with who decided about the agenda`, async () => {
    await assertList(jesse, (c) => (c === 'agenda' ? `${T.everyone} ${decidedToday()}` : T.everyone), `"${T.title}" of the volunteer, with the agenda back`);
    await assertBar(jesse, T.bar.more, `"${T.title}" of the volunteer, with the agenda back`);
    await assertFits(jesse, `"${T.title}" of the volunteer, with the agenda back`);
  });
});
