'use strict';
// The network map (netwerkkaart) in headless Chromium (Dutch), in the circle
// of Henk de Vries:
//
// 1. Fatima El Amrani (district nurse, a professional) adds three contacts in
//    a phone-sized window: first with the group left out (the form answers 422
//    "Kies een groep." and keeps what she typed), then three that differ in
//    group, support, kind of line and closeness. After each one the map shows
//    the person with their category letter, support letters and line type, at
//    the same place in the drawing as their row in the table "De kaart in
//    woorden". The SVG is an image with a text alternative (title and
//    description) and passes axe-core.
// 2. Thijs Bakker (volunteer) sees the same map and table, but has no
//    "Iemand toevoegen" button; /network/new and a posted form answer 403.
//
// Every page visited is screenshotted at 390×844 and 1280×800 and checked with
// axe-core (serious and critical violations fail), like the other journeys.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const path = require('node:path');
const { test, before, after } = require('node:test');
const { AxeBuilder } = require('@axe-core/playwright');

const { createJourney, PHONE } = require('../lib/journey');

// Its own folder, so the other journeys' screenshots and reports stay.
const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts', 'network');
const TEST_TIMEOUT_MS = 240_000;

const CLIENT = 'Henk de Vries';
const NURSE = 'Fatima El Amrani'; // beroepskracht (wijkverpleegkundige): may edit the map
const VOLUNTEER = 'Thijs Bakker'; // vrijwilliger: may only look

// Names longer than this are shortened with "…" in the drawing.
const LABEL_CHARS = 22;

const CATEGORY = {
  G: 'Gezin',
  F: 'Overige familie',
  V: 'Vrienden',
  K: "Kennissen, oude buren, collega's",
  B: 'Buren',
  R: 'Raadslieden',
  Z: 'Zorgverleners',
  W: 'Vrijwilligers',
  I: 'Clubs en initiatieven',
};
const SUPPORT = {
  P: 'Praktische hulp',
  G: 'Gezelschap',
  A: 'Advies en informatie',
  E: 'Steun bij gevoelens',
};
const SUPPORT_ORDER = ['P', 'G', 'A', 'E'];
const TIE = {
  supporting: 'Steunend (dikke lijn)',
  neutral: 'Neutraal (stippellijn)',
  strained: 'Moeizaam (zigzaglijn)',
};
// How each kind of relation is drawn: a thick line, a dotted line, a zigzag.
const TIE_ELEMENT = { supporting: 'line', neutral: 'line', strained: 'polyline' };
const CLOSENESS = { 1: 'Dichtbij', 2: 'Midden', 3: 'Verder weg' };

const T = {
  signInButton: 'Inloggen',
  myCircles: 'Mijn kringen',
  tab: 'Netwerk',
  heading: 'Netwerkkaart',
  add: 'Iemand toevoegen',
  formHeading: 'Iemand op de kaart zetten',
  name: 'Naam',
  category: 'Groep',
  note: 'Wat doet deze persoon? (mag leeg)',
  reach: 'Hoe bereik je deze persoon? (mag leeg)',
  save: 'Opslaan',
  added: 'De persoon staat op de kaart.',
  errorSummary: 'Controleer wat je hebt ingevuld',
  categoryMissing: 'Kies een groep.',
  caption: 'De kaart in woorden',
  mapTitle: `Netwerkkaart van ${CLIENT}`,
  noSupport: 'geen',
  forbidden: 'Dit mag je niet doen in deze kring.',
  col: { category: 'Groep', support: 'Steun', tie: 'Relatie', closeness: 'Afstand', note: 'Wat doet deze persoon', reach: 'Bereikbaar' },
};

// Four random hex characters make the names unique per run, and short enough
// (at most 22 characters) to be drawn in full.
const RUN = crypto.randomBytes(2).toString('hex');
const CONTACTS = [
  {
    // Also the one that is first sent without a group.
    name: `Buurvrouw Els ${RUN}`,
    category: 'B',
    support: ['G', 'P'], // ticked in this order, drawn as "PG"
    tie: 'supporting',
    closeness: 1,
    note: 'Doet op vrijdag de boodschappen',
    reach: '06 98 76 54 32',
  },
  {
    name: `Collega Rob ${RUN}`,
    category: 'K',
    support: ['E', 'A'], // drawn as "AE"
    tie: 'neutral',
    closeness: 2,
    note: 'Oud-collega van de gemeentewerf',
    reach: '',
  },
  {
    name: `Zwager Gert ${RUN}`,
    category: 'F',
    support: [],
    tie: 'strained',
    closeness: 3,
    note: '',
    reach: '',
  },
];

// The 403 and 422 answers this journey causes on purpose log "Failed to load
// resource" errors; those are expected and left out.
const journey = createJourney({ artifactsDir: ARTIFACTS, client: CLIENT, texts: T, expectedErrors: /status of (403|422)/ });
const { url, circlePath, openSection, goto, expectingError, expectHeading, check, signIn, pageOf, assertNoSidewaysScroll } = journey;

const state = {}; // what the journeys learn along the way

// ---------------------------------------------------------------------------
// Helpers

function shorten(name) {
  const chars = [...name];
  return chars.length <= LABEL_CHARS ? name : `${chars.slice(0, LABEL_CHARS - 1).join('')}…`;
}

function letters(support) {
  return SUPPORT_ORDER.filter((k) => support.includes(k)).join('');
}

/** What the table cell "Steun" reads for these kinds of support. */
function supportText(support) {
  const kinds = SUPPORT_ORDER.filter((k) => support.includes(k));
  return kinds.length ? kinds.map((k) => `${k} ${SUPPORT[k]}`).join(', ') : T.noSupport;
}

/** From the circle's overview through the "Netwerk" tab to the map. */
async function openMapFromOverview(page) {
  await goto(page, circlePath());
  await expectHeading(page, CLIENT);
  const current = await openSection(page, T.tab, '/network');
  await expectHeading(page, T.heading, 2);
  assert.equal(await current.getAttribute('aria-current'), 'page', 'the "Netwerk" tab is not marked as the current page');
}

/**
 * Everything the map page shows, read from the DOM: the table rows (name and
 * cells by their data-label) and the drawing (names, category letters,
 * support letters and lines, each in document order).
 */
async function readMap(page) {
  return page.evaluate(() => {
    const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
    const table = document.querySelector('table.network-table');
    const rows = table
      ? [...table.querySelectorAll('tbody tr')].map((tr) => {
          const th = tr.querySelector('th[scope="row"]');
          const cells = {};
          for (const td of tr.querySelectorAll('td[data-label]')) cells[td.getAttribute('data-label')] = clean(td.textContent);
          return {
            // The name is the header's first text; members get their role below it.
            name: th ? clean(th.firstChild && th.firstChild.textContent) : null,
            member: Boolean(th && th.querySelector('.meta')),
            cells,
            edit: tr.querySelector('a[href*="/network/"]') ? tr.querySelector('a[href*="/network/"]').getAttribute('href') : null,
          };
        })
      : [];
    const svg = document.querySelector('svg.network-map');
    const texts = (cls) => (svg ? [...svg.querySelectorAll(`text.${cls}`)].map((el) => clean(el.textContent)) : []);
    const ties = svg
      ? [...svg.querySelectorAll('.tie-supporting, .tie-neutral, .tie-strained')].map((el) => ({
          tag: el.tagName.toLowerCase(),
          cls: [...el.classList].find((c) => c.startsWith('tie-')),
          dasharray: el.getAttribute('stroke-dasharray'),
          width: Number(el.getAttribute('stroke-width')),
        }))
      : [];
    return {
      caption: table && table.caption ? clean(table.caption.textContent) : null,
      hasSvg: Boolean(svg),
      svg: svg
        ? {
            role: svg.getAttribute('role'),
            labelledby: svg.getAttribute('aria-labelledby'),
            title: clean(svg.querySelector('title') && svg.querySelector('title').textContent),
            titleId: svg.querySelector('title') && svg.querySelector('title').id,
            desc: clean(svg.querySelector('desc') && svg.querySelector('desc').textContent),
            descId: svg.querySelector('desc') && svg.querySelector('desc').id,
            names: texts('network-name'),
            categories: texts('network-category'),
            supports: texts('network-support'),
            ties,
          }
        : null,
      rows,
    };
  });
}

function countBy(list) {
  const counts = new Map();
  for (const x of list) counts.set(x, (counts.get(x) || 0) + 1);
  return counts;
}

/** The drawing and the table hold the same people, in the same order. */
function assertMapMatchesTable(map, who) {
  assert.ok(map.hasSvg, `${who}: no svg.network-map on the page`);
  assert.equal(map.caption, T.caption, `${who}: the table's caption reads "${map.caption}"`);
  assert.ok(map.rows.length > 0, `${who}: the table has no rows`);
  assert.deepEqual(
    map.svg.names,
    map.rows.map((r) => shorten(r.name)),
    `${who}: the names in the drawing are not the table's rows in the same order`,
  );
  assert.equal(map.svg.categories.length, map.rows.length, `${who}: not one category letter per person`);
  assert.deepEqual(
    map.svg.categories,
    map.rows.map((r) => (r.cells[T.col.category] || '').split(' ')[0]),
    `${who}: the category letters in the drawing differ from the table's "Groep" column`,
  );
  assert.equal(map.svg.ties.length, map.rows.length, `${who}: not one line per person`);
  const tieByLabel = Object.fromEntries(Object.entries(TIE).map(([k, v]) => [v, `tie-${k}`]));
  assert.deepEqual(
    map.svg.ties.map((l) => l.cls),
    map.rows.map((r) => tieByLabel[r.cells[T.col.tie]]),
    `${who}: the kinds of line in the drawing differ from the table's "Relatie" column`,
  );
  const withSupport = map.rows.filter((r) => r.cells[T.col.support] !== T.noSupport);
  assert.deepEqual(
    map.svg.supports,
    withSupport.map((r) => (r.cells[T.col.support].match(/(?:^|, )([PGAE]) /g) || []).map((m) => m.replace(/[, ]/g, '')).join('')),
    `${who}: the support letters in the drawing differ from the table's "Steun" column`,
  );
}

/**
 * One contact, in the table and in the drawing: found by name in the table,
 * the n-th row is the n-th person drawn.
 */
function assertPersonOnMap(map, person, who) {
  const matches = map.rows.map((r, i) => [r, i]).filter(([r]) => r.name === person.name);
  assert.equal(matches.length, 1, `${who}: the table has ${matches.length} rows named "${person.name}" (rows: ${map.rows.map((r) => r.name).join(', ')})`);
  const [[row, i]] = matches;
  assert.ok(!row.member, `${who}: ${person.name} is shown as a member of the circle`);

  // The table, "De kaart in woorden".
  assert.equal(row.cells[T.col.category], `${person.category} ${CATEGORY[person.category]}`, `${who}: "Groep" of ${person.name}`);
  assert.equal(row.cells[T.col.support], supportText(person.support), `${who}: "Steun" of ${person.name}`);
  assert.equal(row.cells[T.col.tie], TIE[person.tie], `${who}: "Relatie" of ${person.name}`);
  assert.equal(row.cells[T.col.closeness], CLOSENESS[person.closeness], `${who}: "Afstand" of ${person.name}`);
  assert.equal(row.cells[T.col.note], person.note, `${who}: "Wat doet deze persoon" of ${person.name}`);
  assert.equal(row.cells[T.col.reach], person.reach, `${who}: "Bereikbaar" of ${person.name}`);

  // The drawing: name, category letter in the circle, the line, the letters on it.
  assert.equal(map.svg.names[i], person.name, `${who}: the ${i + 1}th name drawn is "${map.svg.names[i]}", not ${person.name}`);
  assert.equal(map.svg.categories[i], person.category, `${who}: ${person.name} is drawn with letter "${map.svg.categories[i]}", expected ${person.category}`);
  const line = map.svg.ties[i];
  assert.ok(line, `${who}: no line drawn to ${person.name}`);
  assert.equal(line.cls, `tie-${person.tie}`, `${who}: the line to ${person.name} is ${line.cls}`);
  assert.equal(line.tag, TIE_ELEMENT[person.tie], `${who}: the line to ${person.name} is a <${line.tag}>`);
  if (person.tie === 'neutral') assert.ok(line.dasharray, `${who}: the neutral line to ${person.name} is not dotted (no stroke-dasharray)`);
  else assert.ok(!line.dasharray, `${who}: the ${person.tie} line to ${person.name} is dotted`);
  const before = map.rows.slice(0, i).filter((r) => r.cells[T.col.support] !== T.noSupport).length;
  if (person.support.length) {
    assert.equal(map.svg.supports[before], letters(person.support), `${who}: the letters on the line to ${person.name}`);
  } else {
    const drawn = map.rows.filter((r) => r.cells[T.col.support] !== T.noSupport).length;
    assert.equal(map.svg.supports.length, drawn, `${who}: letters are drawn for a person without support`);
  }
}

/** How often each letter, support text and kind of line occurs in the drawing. */
function svgCounts(map) {
  return {
    categories: countBy(map.svg.categories),
    supports: countBy(map.svg.supports),
    ties: countBy(map.svg.ties.map((l) => `${l.tag}.${l.cls}`)),
    rows: map.rows.length,
  };
}

/** The "Opslaan" button; resolves with the answer to the POST. */
async function submit(page) {
  const posted = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === circlePath('/network'),
  );
  await page.getByRole('button', { name: T.save, exact: true }).click();
  return posted;
}

/** Fills the form "Iemand op de kaart zetten" (all but the group when asked). */
async function fillForm(page, person, { withCategory = true } = {}) {
  await page.getByLabel(T.name, { exact: true }).fill(person.name);
  if (withCategory) await page.getByLabel(T.category, { exact: true }).selectOption(person.category);
  for (const k of person.support) await page.getByLabel(`${k} – ${SUPPORT[k]}`, { exact: true }).check();
  await page.getByLabel(TIE[person.tie], { exact: true }).check();
  await page.getByLabel(CLOSENESS[person.closeness], { exact: true }).check();
  if (person.note) await page.getByLabel(T.note, { exact: true }).fill(person.note);
  if (person.reach) await page.getByLabel(T.reach, { exact: true }).fill(person.reach);
}

/** The map page: "Iemand toevoegen" → the form. */
async function openAddForm(page) {
  await page.getByRole('link', { name: T.add, exact: true }).click();
  await page.waitForURL(url(circlePath('/network/new')));
  await expectHeading(page, T.formHeading, 2);
}

// ---------------------------------------------------------------------------

before(async () => {
  await journey.start();
});

after(async () => {
  await journey.stop();
});

test('Fatima (district nurse) and Thijs (volunteer) sign in, both on a phone', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await signIn(t, NURSE, PHONE, 'nurse');
  await signIn(t, VOLUNTEER, PHONE, 'volunteer');
});

test('Journey 1: a professional adds three contacts on a phone; the map shows each with its category letter, support letters and line type, and the SVG passes axe-core with its text alternative', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const fatima = pageOf(NURSE);
  assert.deepEqual(fatima.viewportSize(), PHONE);

  // Overview → "Netwerk": the demo map as the nurse drew it.
  await openMapFromOverview(fatima);
  const before = await readMap(fatima);
  assert.ok(before.rows.length >= 5, `the demo map has only ${before.rows.length} people`);
  for (const p of CONTACTS) assert.ok(!before.rows.some((r) => r.name === p.name), `${p.name} is on the map before it was added`);
  await t.test('before: the drawing and the table "De kaart in woorden" show the same people', () => {
    assertMapMatchesTable(before, NURSE);
  });
  await check(t, fatima, 'network-nurse-before');
  const countsBefore = svgCounts(before);

  // The first contact, sent without a group: 422, "Kies een groep.", nothing lost.
  const [first, ...rest] = CONTACTS;
  await openAddForm(fatima);
  await check(t, fatima, 'network-form');
  await fillForm(fatima, first, { withCategory: false });
  const refused = await expectingError(async () => {
    const response = await submit(fatima);
    await fatima.waitForURL(url(circlePath('/network')));
    await fatima.locator('.error-summary').waitFor();
    return response;
  });
  await t.test('without a group the form answers 422 "Kies een groep." and keeps what was typed', async () => {
    assert.equal(refused.status(), 422, `the form without a group answered ${refused.status()}`);
    const summary = fatima.getByRole('alert');
    await summary.getByRole('heading', { name: T.errorSummary, exact: true }).waitFor();
    const link = summary.getByRole('link', { name: T.categoryMissing, exact: true });
    assert.equal(await link.getAttribute('href'), '#category', 'the error summary does not link to the group field');
    assert.equal((await fatima.locator('#category-error').textContent()).trim(), T.categoryMissing);
    const select = fatima.getByLabel(T.category, { exact: true });
    assert.equal(await select.getAttribute('aria-invalid'), 'true', 'the group field is not marked aria-invalid');
    assert.match(await select.getAttribute('aria-describedby'), /\bcategory-error\b/, 'the group field is not described by its error');
    assert.equal(await select.inputValue(), '', 'a group is selected after the error');
    assert.equal(await fatima.getByLabel(T.name, { exact: true }).inputValue(), first.name, 'the typed name is lost');
    assert.equal(await fatima.locator('#name-error').count(), 0, 'the name is reported as wrong');
    for (const k of SUPPORT_ORDER) {
      assert.equal(await fatima.locator(`#support-${k}`).isChecked(), first.support.includes(k), `support ${k} is not kept`);
    }
    assert.ok(await fatima.locator(`#tie-${first.tie}`).isChecked(), 'the kind of relation is not kept');
    assert.ok(await fatima.locator(`#closeness-${first.closeness}`).isChecked(), 'the closeness is not kept');
    assert.equal(await fatima.getByLabel(T.note, { exact: true }).inputValue(), first.note, 'the note is lost');
    assert.equal(await fatima.getByLabel(T.reach, { exact: true }).inputValue(), first.reach, 'how to reach them is lost');
  });
  await check(t, fatima, 'network-form-error');
  await t.test('the refused form added nobody (the map, in a second tab)', async () => {
    const other = await journey.people[NURSE].context.newPage();
    try {
      await goto(other, circlePath('/network'));
      const now = await readMap(other);
      assert.equal(now.rows.length, before.rows.length, 'the table grew after the refused form');
      assert.ok(!now.rows.some((r) => r.name === first.name), `${first.name} is on the map after the refused form`);
    } finally {
      await other.close();
    }
  });

  // Now with the group: saved, and on the map.
  await fatima.getByLabel(T.category, { exact: true }).selectOption(first.category);
  const saved = [];
  const addAndCheck = async (person, n) => {
    const response = await submit(fatima);
    assert.equal(response.status(), 303, `saving ${person.name} answered ${response.status()}`);
    await fatima.waitForURL(url(circlePath('/network?done=notice-contact-added')));
    await fatima.getByRole('status').filter({ hasText: T.added }).waitFor();
    await expectHeading(fatima, T.heading, 2);
    saved.push(person);
    const map = await readMap(fatima);
    await t.test(`contact ${n} (${person.category}, ${letters(person.support) || 'no support'}, ${person.tie}, ${CLOSENESS[person.closeness].toLowerCase()}): in the table and drawn with its letter, support letters and line`, () => {
      for (const p of saved) assertPersonOnMap(map, p, NURSE);
      assert.equal(map.rows.length, before.rows.length + saved.length, 'the table did not grow by one');
      assertMapMatchesTable(map, NURSE);
    });
    await check(t, fatima, `network-nurse-added-${n}`);
    return map;
  };
  let map = await addAndCheck(first, 1);
  for (const [i, person] of rest.entries()) {
    await openAddForm(fatima);
    await fillForm(fatima, person);
    map = await addAndCheck(person, i + 2);
  }
  state.nurseMap = map;

  await t.test('the drawing has one more of each letter, support text and kind of line than before', () => {
    const after = svgCounts(map);
    assert.equal(after.rows, countsBefore.rows + CONTACTS.length);
    const expect = (kind, key, plus) => {
      const was = countsBefore[kind].get(key) || 0;
      const now = after[kind].get(key) || 0;
      assert.equal(now, was + plus, `${kind} "${key}": ${was} before, ${now} after, expected ${was + plus}`);
    };
    for (const [key, plus] of countBy(CONTACTS.map((p) => p.category))) expect('categories', key, plus);
    for (const [key, plus] of countBy(CONTACTS.filter((p) => p.support.length).map((p) => letters(p.support)))) expect('supports', key, plus);
    for (const [key, plus] of countBy(CONTACTS.map((p) => `${TIE_ELEMENT[p.tie]}.tie-${p.tie}`))) expect('ties', key, plus);
    // The strained line is the only zigzag: a polyline, never a straight line.
    assert.equal(after.ties.get('line.tie-strained') || 0, 0, 'a strained relation is drawn as a straight line');
    assert.equal(after.ties.get('polyline.tie-neutral') || 0, 0);
    assert.equal(after.ties.get('polyline.tie-supporting') || 0, 0);
  });

  await t.test('the SVG is an image named by its title, described by its desc, and passes axe-core', async () => {
    const svg = map.svg;
    assert.equal(svg.role, 'img');
    assert.deepEqual(svg.labelledby.split(/\s+/), [svg.titleId, svg.descId], 'aria-labelledby does not point at <title> and <desc>');
    assert.equal(svg.titleId, 'network-map-title');
    assert.equal(svg.title, T.mapTitle);
    const count = /met (\d+) mensen/.exec(svg.desc);
    assert.ok(count, `the description reads "${svg.desc}"`);
    assert.equal(Number(count[1]), map.rows.length, `the description counts ${count[1]} people, the table has ${map.rows.length} rows`);
    assert.match(svg.desc, /tabel/, 'the description does not point to the table');
    // The accessibility tree has it as an image with that name.
    const img = fatima.getByRole('img', { name: new RegExp(`^${T.mapTitle}`) });
    assert.equal(await img.count(), 1, 'no image named after the map\'s title in the accessibility tree');
    assert.equal(await img.evaluate((el) => el.matches('svg.network-map')), true);
    // axe-core on the drawing alone: it did check the text alternative, and found nothing at all.
    const results = await new AxeBuilder({ page: fatima }).include('svg.network-map').analyze();
    assert.deepEqual(
      results.violations.map((v) => `${v.impact} ${v.id}: ${v.help}`),
      [],
      'axe-core finds problems in the SVG',
    );
    assert.ok(results.passes.some((r) => r.id === 'svg-img-alt'), `axe-core did not check the SVG's text alternative (passed: ${results.passes.map((r) => r.id).join(', ')})`);
  });

  await t.test('on the phone the map page does not scroll sideways (the drawing scrolls in its frame)', async () => {
    await assertNoSidewaysScroll(fatima, 'the map page');
    const frame = await fatima.locator('figure.network-figure').evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth, tabindex: el.getAttribute('tabindex') }));
    assert.ok(frame.client <= PHONE.width, `the drawing's frame is ${frame.client}px wide`);
    if (frame.scroll > frame.client) assert.equal(frame.tabindex, '0', 'the scrolling frame cannot be reached with the keyboard');
  });
});

test('Journey 2: a volunteer sees the same map and table, but cannot add anyone (no "Iemand toevoegen", 403 on /network/new and on a posted form)', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const thijs = pageOf(VOLUNTEER);
  assert.deepEqual(thijs.viewportSize(), PHONE);

  await openMapFromOverview(thijs);
  const map = await readMap(thijs);
  await check(t, thijs, 'network-volunteer');

  await t.test('the volunteer\'s map and table list the same people as the nurse\'s, with the three new contacts', () => {
    assertMapMatchesTable(map, VOLUNTEER);
    for (const p of CONTACTS) assertPersonOnMap(map, p, VOLUNTEER);
    if (state.nurseMap) {
      assert.deepEqual(map.rows.map((r) => ({ name: r.name, cells: r.cells })), state.nurseMap.rows.map((r) => ({ name: r.name, cells: r.cells })), 'the volunteer\'s table differs from the nurse\'s');
      assert.deepEqual(map.svg, state.nurseMap.svg, 'the volunteer\'s drawing differs from the nurse\'s');
    }
  });

  await t.test('no "Iemand toevoegen" and no "Aanpassen" for the volunteer', async () => {
    assert.equal(await thijs.getByRole('link', { name: T.add }).count(), 0, 'the volunteer sees "Iemand toevoegen"');
    assert.equal(await thijs.locator('a[href$="/network/new"]').count(), 0, 'the volunteer\'s map links to the form');
    assert.deepEqual(map.rows.filter((r) => r.edit).map((r) => r.name), [], 'the volunteer\'s table has "Aanpassen" links');
  });

  await t.test('GET /network/new answers 403 with an error page', async (st) => {
    await expectingError(() => goto(thijs, circlePath('/network/new'), 403));
    await thijs.getByText(T.forbidden, { exact: true }).waitFor();
    assert.equal(await thijs.locator('form #name, form #category').count(), 0, 'the 403 page shows the form');
    await check(st, thijs, 'network-new-forbidden-volunteer');
  });

  await t.test('a posted form (with a valid CSRF token) answers 403 and adds nobody', async () => {
    await goto(thijs, circlePath('/network'));
    const name = `Vriend Bas ${RUN}`;
    const answer = await expectingError(() =>
      thijs.evaluate(async ({ action, name }) => {
        const csrf = document.querySelector('input[name="csrf"]').value;
        const body = new URLSearchParams({ csrf, name, category: 'V', tie: 'neutral', closeness: '2', note: '', reach: '' });
        const res = await fetch(action, { method: 'POST', body, credentials: 'same-origin', redirect: 'manual' });
        return { status: res.status, type: res.type, text: await res.text() };
      }, { action: circlePath('/network'), name }),
    );
    assert.equal(answer.status, 403, `the volunteer's POST answered ${answer.status} (${answer.type})`);
    assert.ok(answer.text.includes(T.forbidden), `the 403 is not "${T.forbidden}" (a CSRF failure?): ${answer.text.slice(0, 300)}`);
    await goto(thijs, circlePath('/network'));
    const after = await readMap(thijs);
    assert.ok(!after.rows.some((r) => r.name === name), `${name} is on the map after the volunteer's POST`);
    assert.ok(!after.svg.names.includes(name), `${name} is drawn after the volunteer's POST`);
  });
});
