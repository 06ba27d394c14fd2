'use strict';
// "Mijn gegevens en privacy" (GDPR self-service), in Dutch, on a phone
// (390×844, isMobile, hasTouch), in the circle of Henk de Vries.
//
// 1. Thijs Bakker (volunteer; manages no circle, so he may delete his
//    account) writes a message with "Schrijf" in the bar.
// 2. He opens "Mijn account" in the header, its section "Mijn gegevens en
//    privacy" and "Naar mijn gegevens en privacy": /account/privacy with
//    "Download mijn gegevens", "Klopt er iets niet?", "Mijn account
//    verwijderen" (with the tick box and the button) and "Mijn verzoeken"
//    ("Je hebt nog niets gevraagd.").
// 3. "Download mijn gegevens" gives a download (Playwright's download event):
//    samenspel-YYYY-MM-DD.zip. The suite reads the ZIP itself (no
//    dependency: the central directory, each local file header, stored or
//    deflated with node:zlib): my-data.json (his name, the circle, his
//    message, the download request) and my-data.html (the title, his
//    message), and nothing but files/… besides. Back on the page, "Mijn
//    verzoeken" lists "Gegevens downloaden", asked and answered today.
// 4. "Verwijder mijn account" without the tick: 422, "Controleer wat je hebt
//    ingevuld" with "Zet een vinkje …", the box marked invalid and described
//    by the error; nothing deleted. With the tick: 303 to /account/deleted,
//    "Je account is verwijderd", signed out (/account sends him to sign in).
// 5. Ans de Vries then finds his message in the logbook under "Voormalig
//    lid", without his name; "Leden" no longer lists him.
// 6. Ingrid Hendriks, the only manager of the circle of opa Wim Hendriks,
//    sees "Je bent de enige beheerder van deze kringen" and no form.
//
// /account/privacy (before, after the download, with the error, as the only
// manager) and /account/deleted go through the page checker (axe-core and
// screenshots at 390 and 1280 px) and must not scroll sideways on the phone.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { test, before, after } = require('node:test');

const { createJourney, clean, PHONE } = require('../lib/journey');
const { phoneJourney, TEXTS_NL, MOBILE, isoDay } = require('../lib/phone');

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts', 'privacy');
const TEST_TIMEOUT_MS = 120_000;

const CLIENT = 'Henk de Vries';
const VOLUNTEER = 'Thijs Bakker'; // not a manager of any circle
const CARER = 'Ans de Vries';
const SOLE_MANAGER = 'Ingrid Hendriks'; // the only manager of the circle of opa Wim Hendriks
const SOLE_MANAGER_CIRCLE = 'opa Wim Hendriks';

const RUN = crypto.randomBytes(3).toString('hex');
const WORD = `boodschappen-${RUN}`;
const MESSAGE = `Vandaag met Henk naar de markt geweest en de ${WORD} gedaan. Hij genoot van de haring.`;

// crates/samenspel/locales/nl/privacy.ftl, account.ftl, errors.ftl
const T = {
  ...TEXTS_NL,
  myAccount: 'Mijn account',
  siteTitle: (title) => `${title} · Samenspel`,
  privacy: 'Mijn gegevens en privacy',
  privacyLink: 'Naar mijn gegevens en privacy',
  back: 'Terug naar mijn account',
  sections: ['Download mijn gegevens', 'Klopt er iets niet?', 'Mijn account verwijderen', 'Mijn verzoeken'],
  download: 'Download mijn gegevens',
  understood: 'Ik begrijp dat mijn account weg is en niet terug kan komen.',
  deleteButton: 'Verwijder mijn account',
  errorSummary: 'Controleer wat je hebt ingevuld',
  tickRequired: 'Zet een vinkje om te laten zien dat je begrijpt dat je account weg is.',
  noRequests: 'Je hebt nog niets gevraagd.',
  requestColumns: ['Verzoek', 'Gevraagd op', 'Geregeld op'],
  requestExport: 'Gegevens downloaden',
  notAnswered: 'Nog niet geregeld',
  handOver: 'Je bent de enige beheerder van deze kringen. Maak eerst iemand anders beheerder, daarna kun je je account verwijderen.',
  circleOf: (name) => `Kring van ${name}`,
  deleted: 'Je account is verwijderd',
  deletedText: 'Je naam, je e-mailadres en je manieren om in te loggen zijn weg. Je bent overal uitgelogd.',
  deletedStays: "Wat je in een kring schreef, staat er nog, met 'Voormalig lid' erbij.",
  toSignIn: 'Naar de inlogpagina',
  formerMember: 'Voormalig lid',
  exportTitle: 'Mijn gegevens in Samenspel',
};

const journey = createJourney({ artifactsDir: ARTIFACTS, client: CLIENT, texts: T });
const { url, circlePath, goto, expectHeading, check, signIn, pageOf, expectingError, submitTo, newContext } = journey;
const { assertFits, writeWithBar } = phoneJourney(journey, T);

const state = {};

/** Today as the pages write it ("6 december 2026"), for the requests table. */
function dutchToday() {
  return new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
}

/**
 * The files in a ZIP archive, read without a dependency: the end of the
 * central directory, every central directory record, and the local file
 * header each points to (its signature and name must agree). Entries stored
 * (method 0) or deflated (method 8) are unpacked. Returns [{ name, data }].
 */
function readZip(buf) {
  assert.ok(buf.length >= 22, `the download is ${buf.length} bytes, too small for a ZIP file`);
  assert.equal(buf.readUInt32LE(0), 0x04034b50, `the download does not start with a ZIP local file header (starts with ${buf.subarray(0, 8).toString('hex')})`);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i -= 1) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'the ZIP file has no end of central directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const files = [];
  for (let k = 0; k < count; k += 1) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, `central directory record ${k} is broken`);
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const unpacked = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    assert.equal(buf.readUInt32LE(local), 0x04034b50, `no local file header for ${name} at byte ${local}`);
    const localNameLength = buf.readUInt16LE(local + 26);
    const localExtraLength = buf.readUInt16LE(local + 28);
    assert.equal(buf.toString('utf8', local + 30, local + 30 + localNameLength), name, `the local file header at byte ${local} names another file`);
    const start = local + 30 + localNameLength + localExtraLength;
    const raw = buf.subarray(start, start + size);
    let data = null;
    if (method === 0) data = raw;
    else if (method === 8) data = zlib.inflateRawSync(raw);
    if (data) assert.equal(data.length, unpacked, `${name} unpacks to ${data.length} bytes, the directory says ${unpacked}`);
    files.push({ name, method, data });
  }
  return files;
}

/** The rows of the table under "Mijn verzoeken" (cell texts), or [] without a table. */
function requestRows(page) {
  return page
    .locator('section#requests table tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent.replace(/\s+/g, ' ').trim())));
}

/** document.title is "<title> · Samenspel" (the page's name for screen readers, tabs and history). */
async function assertTitle(page, title) {
  const actual = await page.title();
  assert.equal(actual, T.siteTitle(title), `the document title of ${new URL(page.url()).pathname} is ${JSON.stringify(actual)}`);
}

/**
 * The tick box's label reads beside the box, not squeezed into a narrow
 * column: at least 70% of the field's width (on the phone, too, and with the
 * error under it).
 */
async function assertLabelBesideBox(page, where) {
  const sizes = await page.locator('.field.checkbox').filter({ has: page.locator('#understood') }).evaluate((field) => ({
    field: field.getBoundingClientRect().width,
    label: field.querySelector('label[for="understood"]').getBoundingClientRect().width,
    error: field.querySelector('.field-error') ? field.querySelector('.field-error').getBoundingClientRect().width : null,
  }));
  assert.ok(sizes.label >= 0.7 * sizes.field, `on ${where} the label of the tick box is ${Math.round(sizes.label)} px wide in a field of ${Math.round(sizes.field)} px (error: ${sizes.error === null ? 'none' : `${Math.round(sizes.error)} px`}): squeezed beside the box`);
}

before(async () => {
  await journey.start();
});

after(async () => {
  await journey.stop();
});

test(`${VOLUNTEER} (volunteer) writes a message with "${T.bar.write}"`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await signIn(t, VOLUNTEER, PHONE, 'volunteer', MOBILE);
  const page = pageOf(VOLUNTEER);
  await goto(page, circlePath());
  state.entryPath = await writeWithBar(t, page, { kind: 'update', kindLabel: T.kindUpdate, text: MESSAGE, slug: 'volunteer' });
  assert.equal(clean(await page.locator('article.entry h2.entry-title a').first().textContent()), VOLUNTEER, 'the new message does not name its writer');
});

test(`${VOLUNTEER} opens "${T.myAccount}" → "${T.privacy}" on his phone`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = pageOf(VOLUNTEER);
  await page.locator('header nav.site-nav').getByRole('link', { name: T.myAccount, exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/account');
  await expectHeading(page, T.myAccount);
  const section = page.getByRole('region', { name: T.privacy, exact: true });
  await t.test(`"${T.myAccount}" has a section "${T.privacy}" with "${T.privacyLink}"`, async () => {
    assert.equal(await section.count(), 1, `"${T.myAccount}" has ${await section.count()} regions "${T.privacy}"`);
    assert.equal(await section.getByRole('link', { name: T.privacyLink, exact: true }).getAttribute('href'), '/account/privacy');
    await assertFits(page, `"${T.myAccount}"`);
  });
  await t.test(`the document title of "${T.myAccount}" is "${T.siteTitle(T.myAccount)}"`, () => assertTitle(page, T.myAccount));
  await check(t, page, 'account');

  await section.getByRole('link', { name: T.privacyLink, exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/account/privacy');
  await expectHeading(page, T.privacy);
  await t.test(`the page has its four parts, the tick box and the button, and no requests yet`, async () => {
    await assertTitle(page, T.privacy);
    const headings = (await page.locator('main h2, h2').allTextContents()).map(clean);
    for (const heading of T.sections) {
      assert.equal(await page.getByRole('region', { name: heading, exact: true }).count(), 1, `no region "${heading}"; headings: ${headings.join(' | ')}`);
    }
    assert.equal(await page.getByRole('link', { name: T.back, exact: true }).getAttribute('href'), '/account');
    const download = page.getByRole('region', { name: T.sections[0], exact: true }).getByRole('link', { name: T.download, exact: true });
    assert.equal(await download.getAttribute('href'), '/account/privacy/export');
    const box = page.getByRole('checkbox', { name: T.understood, exact: true });
    assert.ok(await box.isVisible(), `no tick box "${T.understood}"`);
    assert.ok(!(await box.isChecked()), 'the tick box is ticked already');
    await assertLabelBesideBox(page, `"${T.privacy}"`);
    assert.ok(await page.getByRole('button', { name: T.deleteButton, exact: true }).isVisible(), `no button "${T.deleteButton}"`);
    assert.equal(await page.getByText(T.handOver).count(), 0, `"${VOLUNTEER}" manages no circle, yet the page says "${T.handOver}"`);
    const requests = page.getByRole('region', { name: T.sections[3], exact: true });
    assert.ok(clean(await requests.innerText()).includes(T.noRequests), `"${T.sections[3]}" reads "${clean(await requests.innerText())}"`);
    assert.deepEqual(await requestRows(page), []);
    await assertFits(page, `"${T.privacy}"`);
  });
  await check(t, page, 'privacy');
});

test(`${VOLUNTEER} downloads his data: a ZIP with my-data.json and my-data.html, listed under "${T.sections[3]}"`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = pageOf(VOLUNTEER);
  assert.equal(new URL(page.url()).pathname, '/account/privacy', 'not on the privacy page (an earlier test failed)');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: T.download, exact: true }).click(),
  ]);
  const name = download.suggestedFilename();
  const failure = await download.failure();
  let bytes = null;
  if (failure === null) bytes = fs.readFileSync(await download.path());
  await t.test('the browser finishes the download', () => {
    assert.equal(failure, null, `Chromium's download of /account/privacy/export failed: "${failure}" (the server log is ${path.join(ARTIFACTS, 'server.log')})`);
  });
  if (bytes === null) {
    // The journey goes on with the same file fetched without compression, so
    // one run also checks what the ZIP holds.
    const answer = await page.request.get(url('/account/privacy/export'), { headers: { 'Accept-Encoding': 'identity' } });
    assert.equal(answer.status(), 200, `GET /account/privacy/export (Accept-Encoding: identity) answered ${answer.status()}`);
    bytes = await answer.body();
    t.diagnostic(`the ZIP below is fetched again with Accept-Encoding: identity (${answer.headers()['content-type']}), as the browser's download failed`);
  }
  fs.writeFileSync(path.join(ARTIFACTS, 'export.zip'), bytes);
  t.diagnostic(`downloaded ${name}, ${bytes.length} bytes (kept as ${path.join(ARTIFACTS, 'export.zip')})`);

  await t.test('the file is samenspel-<today>.zip', () => {
    assert.equal(name, `samenspel-${isoDay()}.zip`);
  });
  const files = readZip(bytes);
  const byName = new Map(files.map((f) => [f.name, f]));
  await t.test('the ZIP holds my-data.json and my-data.html, and nothing else but files/…', () => {
    const names = files.map((f) => f.name);
    assert.ok(byName.has('my-data.json'), `no my-data.json in ${names.join(', ')}`);
    assert.ok(byName.has('my-data.html'), `no my-data.html in ${names.join(', ')}`);
    const other = names.filter((n) => !['my-data.json', 'my-data.html'].includes(n) && !n.startsWith('files/'));
    assert.deepEqual(other, [], 'the ZIP holds more than my-data.json, my-data.html and files/…');
    assert.equal(new Set(names).size, names.length, 'a name occurs twice');
  });
  await t.test('my-data.json: his account, the circle, his message, every file it names, and this download', () => {
    const json = byName.get('my-data.json');
    assert.ok(json && json.data, 'my-data.json is missing or packed in a way the suite does not read');
    const data = JSON.parse(json.data.toString('utf8'));
    assert.equal(data.account.display_name, VOLUNTEER);
    assert.ok(data.memberships.some((m) => m.circle_of === CLIENT && m.role === 'volunteer'), `memberships: ${JSON.stringify(data.memberships)}`);
    const entry = data.entries.find((e) => e.body === MESSAGE);
    assert.ok(entry, `his message is not among the ${data.entries.length} entries`);
    assert.equal(entry.circle_of, CLIENT);
    for (const e of data.entries) {
      for (const f of e.files) {
        assert.ok(byName.has(f), `my-data.json names ${f}, which is not in the ZIP`);
        assert.ok(byName.get(f).data && byName.get(f).data.length > 0, `${f} is empty in the ZIP`);
      }
    }
    // The demo gives Thijs a photo in the logbook (demo/): it must come along.
    const photos = files.filter((f) => f.name.startsWith('files/'));
    assert.ok(photos.length >= 1, 'the ZIP holds no files/…, though Thijs has a photo in the logbook');
    for (const p of photos) assert.ok(data.entries.some((e) => e.files.includes(p.name)), `${p.name} belongs to none of his entries`);
    assert.ok(data.requests.some((r) => /export/i.test(JSON.stringify(r))), `the download is not among the requests: ${JSON.stringify(data.requests)}`);
  });
  await t.test('my-data.html: a page to read with his message', () => {
    const html = byName.get('my-data.html');
    assert.ok(html && html.data, 'my-data.html is missing or packed in a way the suite does not read');
    const text = html.data.toString('utf8');
    assert.match(text, /<html[^>]*\blang="nl"/, 'my-data.html does not say it is Dutch');
    assert.ok(text.includes(T.exportTitle), `my-data.html has no "${T.exportTitle}"`);
    assert.ok(text.includes(WORD), 'my-data.html does not hold his message');
    assert.ok(text.includes(VOLUNTEER), 'my-data.html does not hold his name');
  });

  await goto(page, '/account/privacy');
  await t.test(`"${T.sections[3]}" lists "${T.requestExport}", asked and answered today`, async () => {
    const headers = (await page.locator('section#requests table thead th').allTextContents()).map(clean);
    assert.deepEqual(headers, T.requestColumns);
    const rows = await requestRows(page);
    assert.ok(rows.length >= 1, `"${T.sections[3]}" lists nothing`);
    for (const [what, asked, answered] of rows) {
      assert.equal(what, T.requestExport, `"${T.sections[3]}" lists ${JSON.stringify(rows)}`);
      assert.ok(asked.includes(dutchToday()), `asked "${asked}", expected today (${dutchToday()})`);
      assert.ok(answered !== T.notAnswered && answered.includes(dutchToday()), `answered "${answered}"`);
    }
    assert.equal(await page.getByText(T.noRequests).count(), 0, `"${T.noRequests}" still shows`);
    await assertFits(page, `"${T.privacy}" with a request`);
  });
  await check(t, page, 'privacy-requests');
});

test(`${VOLUNTEER} tries "${T.deleteButton}" without the tick, then with it, and lands on "${T.deleted}"`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = pageOf(VOLUNTEER);
  await goto(page, '/account/privacy');
  const button = page.getByRole('button', { name: T.deleteButton, exact: true });
  const refused = await expectingError(async () => {
    const answer = await submitTo(page, button, '/account/privacy/delete');
    await page.locator('#understood-error').waitFor();
    return answer;
  });
  await t.test(`without the tick: 422, "${T.errorSummary}" with "${T.tickRequired}", the box marked and described`, async () => {
    assert.equal(refused.status(), 422);
    const summary = page.locator('.error-summary');
    assert.equal(clean(await summary.locator('h2').innerText()), T.errorSummary);
    assert.equal(clean(await summary.locator('li').innerText()), T.tickRequired);
    assert.equal(await summary.locator('a').getAttribute('href'), '#understood');
    assert.equal(clean(await page.locator('#understood-error').innerText()), T.tickRequired);
    const box = page.getByRole('checkbox', { name: T.understood, exact: true });
    assert.equal(await box.getAttribute('aria-invalid'), 'true');
    assert.equal(await box.getAttribute('aria-describedby'), 'understood-error');
    assert.ok(!(await box.isChecked()), 'the box is ticked after the error');
    await assertTitle(page, T.privacy);
    await assertFits(page, `"${T.privacy}" with the error`);
  });
  await t.test('with the error under it, the label still reads beside the tick box', () => assertLabelBesideBox(page, `"${T.privacy}" with the error`));
  await check(t, page, 'privacy-error');
  await t.test('nothing was deleted: his message still names him', async () => {
    const other = await newContext(PHONE, MOBILE);
    const probe = await other.newPage();
    // Ans signs in here (her only sign-in link); the last test reuses this page.
    const link = journey.server.links.get(CARER);
    await goto(probe, link);
    await probe.getByRole('button', { name: T.signInButton, exact: true }).click();
    await probe.waitForURL(url('/circles'));
    state.carer = probe;
    await goto(probe, state.entryPath);
    assert.equal(clean(await probe.locator('article.entry h2.entry-title a').first().textContent()), VOLUNTEER);
  });

  await page.getByRole('checkbox', { name: T.understood, exact: true }).check();
  const deleted = await submitTo(page, page.getByRole('button', { name: T.deleteButton, exact: true }), '/account/privacy/delete');
  assert.equal(deleted.status(), 303, `deleting answered ${deleted.status()}`);
  await page.waitForURL((u) => u.pathname === '/account/deleted');
  await expectHeading(page, T.deleted);
  await t.test(`"${T.deleted}": what went, what stays, the way to sign in, and signed out`, async () => {
    await assertTitle(page, T.deleted);
    const text = clean(await page.locator('main').innerText());
    for (const s of [T.deletedText, T.deletedStays]) assert.ok(text.includes(s), `the page does not say "${s}": ${text}`);
    assert.equal(await page.getByRole('link', { name: T.toSignIn, exact: true }).getAttribute('href'), '/sign-in');
    assert.equal(await page.locator('header nav.site-nav').count(), 0, 'the header still shows the signed-in menu');
    await assertFits(page, `"${T.deleted}"`);
  });
  await check(t, page, 'deleted');
  await t.test(`signed out: "${T.myAccount}" and "${T.privacy}" send him to sign in`, async () => {
    for (const target of ['/account', '/account/privacy', circlePath()]) {
      await page.goto(url(target));
      assert.equal(new URL(page.url()).pathname, '/sign-in', `${target} lands on ${page.url()}`);
    }
  });
});

test(`${CARER} finds the message under "${T.formerMember}"; "${T.members}" no longer lists ${VOLUNTEER}`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = state.carer;
  assert.ok(page && state.entryPath, `${CARER} is not signed in, or there is no message (an earlier test failed)`);
  await goto(page, state.entryPath);
  const entry = page.locator('article.entry').first();
  await t.test(`the message reads the same, by "${T.formerMember}", without his name`, async () => {
    assert.equal(clean(await entry.locator('.entry-body').innerText()), MESSAGE);
    assert.equal(clean(await entry.locator('h2.entry-title').innerText()), T.formerMember);
    assert.ok(!(await page.locator('body').innerText()).includes(VOLUNTEER), `the entry page still names ${VOLUNTEER}`);
    await assertFits(page, 'the message of the former member');
  });
  await check(t, page, 'entry-former-member');
  await goto(page, circlePath('/logbook'));
  await t.test(`the logbook shows it by "${T.formerMember}"`, async () => {
    const article = page.locator('article.entry').filter({ hasText: WORD });
    assert.equal(await article.count(), 1, `the logbook shows the message ${await article.count()} times`);
    assert.ok(clean(await article.innerText()).includes(T.formerMember), `the logbook reads "${clean(await article.innerText())}"`);
    assert.ok(!clean(await article.innerText()).includes(VOLUNTEER), `the logbook still names ${VOLUNTEER}`);
  });
  await goto(page, circlePath('/members'));
  await t.test(`"${T.members}" lists neither ${VOLUNTEER} nor "${T.formerMember}"`, async () => {
    const text = clean(await page.locator('main').innerText());
    assert.ok(text.includes(CARER), `"${T.members}" does not list ${CARER}, so it is not the member list`);
    assert.ok(!text.includes(VOLUNTEER) && !text.includes(T.formerMember), `"${T.members}" reads: ${text}`);
  });
});

test(`${SOLE_MANAGER}, the only manager of the circle of ${SOLE_MANAGER_CIRCLE}, is told to hand over first and gets no form`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const context = await newContext(PHONE, MOBILE);
  const page = await context.newPage();
  const link = journey.server.links.get(SOLE_MANAGER);
  assert.ok(link, `no sign-in link printed for ${SOLE_MANAGER}`);
  await goto(page, link);
  await page.getByRole('button', { name: T.signInButton, exact: true }).click();
  await page.waitForURL(url('/circles'));
  await goto(page, '/account/privacy');
  await expectHeading(page, T.privacy);
  await t.test(`"${T.sections[2]}" says "${T.handOver}" with "${T.circleOf(SOLE_MANAGER_CIRCLE)}", and has no tick box or button`, async () => {
    const part = page.getByRole('region', { name: T.sections[2], exact: true });
    const text = clean(await part.innerText());
    assert.ok(text.includes(T.handOver), `"${T.sections[2]}" reads: ${text}`);
    assert.deepEqual((await part.locator('li').allTextContents()).map(clean), [T.circleOf(SOLE_MANAGER_CIRCLE)]);
    assert.equal(await page.getByRole('checkbox', { name: T.understood }).count(), 0, 'the tick box shows');
    assert.equal(await page.getByRole('button', { name: T.deleteButton }).count(), 0, `"${T.deleteButton}" shows`);
    await assertFits(page, `"${T.privacy}" of the only manager`);
  });
  await check(t, page, 'privacy-sole-manager');
});
