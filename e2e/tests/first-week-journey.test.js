'use strict';
// A new member's first week, on a phone (390×844, isMobile, hasTouch), in
// Dutch, in the circle of Henk de Vries — the demo's busiest circle.
//
// 0. The overview of that circle is under 2,000 px tall on a 390 px phone
//    for Ans de Vries (family carer), Thijs Bakker (volunteer), Marieke
//    Hoekstra (coordinator) and Fatima El Amrani (district nurse); the bar at
//    the bottom shows, the tabs do not, "Overzicht" is the current page.
// 1. Ans, on her phone, opens "Meer" → "Uitnodigen" and invites three people
//    by e-mail: a volunteer, a family carer (naaste) and a professional. Each
//    opens the link from the e-mail in a phone of their own (signed out),
//    joins with a name and lands on the overview ("Welkom in de kring!").
// 2. The overview: "Voor jou", "Diensten die nog iemand nodig hebben" (open:
//    they may take shifts) and "Nieuw voor jou" show, the rest is folded and
//    opens with its summary. Ans writes a welcome with "Schrijf"; each
//    newcomer finds it first under "Nieuw voor jou", opens it, and it is no
//    longer new.
// 3. Each writes a message with "Schrijf" in the bar.
// 4. Ans plans a shift with three places ("Agenda" → "Nieuwe dienst"); each
//    newcomer signs up for it with "Ik kom" on the overview: the item
//    page says "Je staat ingeschreven. Dank je wel!" and the time is theirs;
//    the overview no longer offers them that time.
// 5. Each opens "Meer" → "Meldingen per e-mail", keeps "meteen een e-mail"
//    on and empties the quiet hours; Fatima then asks the circle a question
//    (with "Schrijf", kind "Vraag"): the e-mail reaches all three, and its
//    link opens the question.
// 6. "Meer" lists the parts that are not in the bar (and not those that
//    are); "Leden" opens from it (with "Meer" still current) and lists the
//    newcomer; "Woordenlijst" opens /words with the term anchors
//    (#term-schijf-van-vijf).
//
// Every page: the page checker (axe-core and screenshots at both sizes), no
// sideways scrolling on the phone, and the bar: the right item marked
// aria-current="page".

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const path = require('node:path');
const { test, before, after } = require('node:test');

const { createJourney, clean, PHONE } = require('../lib/journey');
const { waitForMail, mailMark, describeMail } = require('../lib/mail');
const { phoneJourney, TEXTS_NL, MOBILE, esc, isoDay } = require('../lib/phone');

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts', 'first-week');
const TEST_TIMEOUT_MS = 240_000;
const MAX_OVERVIEW_HEIGHT = 2000;

const CLIENT = 'Henk de Vries';
const CARER = 'Ans de Vries'; // naaste, manages the circle
const VOLUNTEER = 'Thijs Bakker'; // vrijwilliger
const COORDINATOR = 'Marieke Hoekstra'; // coördinator
const NURSE = 'Fatima El Amrani'; // beroepskracht

const RUN = crypto.randomBytes(3).toString('hex');

const NEWCOMERS = [
  { slug: 'volunteer', role: 'volunteer', name: 'Sanne Visser', relation: 'buurvrouw', email: `sanne.visser.${RUN}@samenspel.example` },
  { slug: 'relative', role: 'relative', name: 'Joost de Vries', relation: 'neef', email: `joost.devries.${RUN}@samenspel.example` },
  { slug: 'professional', role: 'professional', name: 'Iris Bos', relation: 'praktijkondersteuner', email: `iris.bos.${RUN}@samenspel.example` },
];

const T = {
  ...TEXTS_NL,
  invitationTitle: `Uitnodiging voor de kring van ${CLIENT}`,
  folds: ['Open vragen en zorgen', 'Hulpvragen', 'Bedankjes'],
  newBadge: 'Nieuw',
  allNew: (n) => `Alle ${n} nieuwe berichten lezen`,
  newShift: 'Nieuwe dienst',
  glossary: 'Woordenlijst',
  term: { id: 'term-schijf-van-vijf', name: 'Schijf van Vijf' },
};

// One place for each newcomer.
const SHIFT = { title: `Wandelen met Henk (${RUN})`, on: isoDay(3), start: '10:00', end: '11:30', places: NEWCOMERS.length };

const WELCOME = `Welkom ${NEWCOMERS.map((n) => n.name.split(' ')[0]).join(', ')}! Fijn dat jullie meedoen (welkom-${RUN}).`;
const QUESTION_WORD = `vraag-${RUN}`;
const QUESTION = `Wie weet nog waar de leesbril van Henk ligt? Hij zoekt hem al sinds gisteren (${QUESTION_WORD}).`;

const journey = createJourney({ artifactsDir: ARTIFACTS, client: CLIENT, texts: T, expectedErrors: /status of (404)/ });
const {
  url, circlePath, goto, expectHeading, check, signIn, pageOf,
  turnOffQuietHours, submitTo, openSection, openFold,
} = journey;
const { assertBar, assertFits, checkPage, barLink, readNew, unreadBadge, readGaps, writeWithBar, inviteByMail, joinOnPhone } = phoneJourney(journey, T);

const state = { newcomers: {} }; // slug -> { page, invitationUrl, memberId }

function newcomer(slug) {
  const n = state.newcomers[slug];
  assert.ok(n && n.page, `the ${slug} has not joined (an earlier test failed)`);
  return n;
}

// ---------------------------------------------------------------------------

before(async () => {
  await journey.start();
});

after(async () => {
  await journey.stop();
});

test(`the busiest overview (${CLIENT}) is under ${MAX_OVERVIEW_HEIGHT} px tall on a 390 px phone for ${CARER}, ${VOLUNTEER}, ${COORDINATOR} and ${NURSE}`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  for (const [name, slug] of [[CARER, 'carer'], [VOLUNTEER, 'volunteer'], [COORDINATOR, 'coordinator'], [NURSE, 'nurse']]) {
    const { page } = await signIn(t, name, PHONE, slug, MOBILE);
    await goto(page, circlePath());
    await expectHeading(page, CLIENT);
    await page.getByRole('region', { name: T.forMe, exact: true }).waitFor();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await t.test(`${name}: the overview is ${height} px tall (under ${MAX_OVERVIEW_HEIGHT})`, () => {
      assert.deepEqual(page.viewportSize(), PHONE);
      assert.ok(height < MAX_OVERVIEW_HEIGHT, `the overview of ${name} is ${height} px tall on a ${PHONE.width} px phone`);
    });
    await checkPage(t, page, { name: `overview-${slug}`, current: T.bar.overview, where: `the overview of ${name}` });
  }
});

test(`${CARER}, on her phone, invites a volunteer, a family carer and a professional by e-mail ("${T.bar.more}" → "${T.invite}")`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const ans = pageOf(CARER);
  await goto(ans, circlePath());
  const current = await openSection(ans, T.invite, '/invitations');
  await t.test(`"${T.invite}" opens from "${T.bar.more}", which stays marked`, async () => {
    assert.equal(clean(await current.textContent()), T.bar.more);
    assert.equal(await current.getAttribute('aria-current'), 'page');
  });
  await checkPage(t, ans, { name: 'invite-form', current: T.bar.more, where: 'the invitation form' });

  for (const who of NEWCOMERS) {
    await goto(ans, circlePath('/invitations'));
    const invitationUrl = await inviteByMail(ans, who, `Hoi ${who.name.split(' ')[0]}, welkom! (${RUN})`);
    if (who === NEWCOMERS[0]) {
      await checkPage(t, ans, { name: 'invite-created', current: T.bar.more, where: 'the invitation made' });
    }
    state.newcomers[who.slug] = { invitationUrl };
  }
});

for (const who of NEWCOMERS) {
  test(`the ${who.slug} (${who.name}) opens the invitation on a phone, joins and lands on the overview`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const n = state.newcomers[who.slug];
    assert.ok(n && n.invitationUrl, `no invitation for the ${who.slug}`);
    const page = await joinOnPhone(t, who, n.invitationUrl, { heading: T.invitationTitle, client: CLIENT });
    n.page = page;

    await t.test('the overview: "Voor jou", the open shifts and "Nieuw voor jou" show; the rest is folded and opens with its summary', async () => {
      await page.getByRole('region', { name: T.forMe, exact: true }).waitFor();
      assert.ok(await page.getByRole('region', { name: T.gaps, exact: true }).isVisible(), `"${T.gaps}" is not shown to a ${who.slug}, who may take shifts`);
      assert.ok(await page.getByRole('region', { name: T.newHeading }).isVisible(), '"Nieuw voor jou" is not shown');
      assert.ok(!(await page.locator('section.write-prompt').isVisible()), 'the "Schrijf iets in het logboek" buttons show on the phone');
      const folded = await page.locator('details.fold').evaluateAll((ds) => ds.map((d) => d.open));
      assert.ok(folded.length >= 1 && folded.every((open) => !open), `the folded parts are not all closed: ${JSON.stringify(folded)}`);
      const { fold: open, count } = await openFold(page, T.folds[0]);
      assert.ok(await open.locator('.fold-body').isVisible());
      assert.equal(count, await open.locator('li.entry-summary').count(), `the count of "${T.folds[0]}" is not the number of its items`);
    });
  });
}

test(`${CARER} welcomes them with "${T.bar.write}"; each finds the welcome first under "Nieuw voor jou", opens it, and it is no longer new`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const ans = pageOf(CARER);
  await goto(ans, circlePath());
  state.welcomePath = await writeWithBar(t, ans, { kind: 'update', kindLabel: T.kindUpdate, text: WELCOME, slug: 'welcome' });

  for (const who of NEWCOMERS) {
    const { page } = newcomer(who.slug);
    await barLink(page, T.bar.overview).click();
    await page.waitForURL((u) => u.pathname === circlePath());
    const unread = await unreadBadge(page);
    const items = await readNew(page);
    await t.test(`${who.slug}: the welcome is the first under "Nieuw voor jou", as new, by ${CARER}`, () => {
      assert.ok(items.length >= 1 && items.length <= 3, `"Nieuw voor jou" lists ${items.length} messages (at most three)`);
      assert.equal(items[0].href, state.welcomePath, `the first new message is ${items[0] && items[0].text}`);
      assert.ok(items[0].isNew, 'the welcome has no "Nieuw" badge');
      assert.ok(items[0].text.startsWith(`${CARER}: `), `the link reads "${items[0].text}"`);
      assert.ok(unread >= 1, `the unread count is ${unread}`);
    });
    await t.test(`${who.slug}: on the phone at most two new messages show, and from three unread on a link opens them all`, async () => {
      const shown = items.filter((i) => i.visible).length;
      assert.equal(shown, Math.min(items.length, 2), `${shown} of ${items.length} new messages show`);
      const all = page.locator('section[aria-labelledby="new-heading"]').getByRole('link', { name: T.allNew(Math.min(unread, 99)), exact: true });
      if (unread >= 3) assert.equal(await all.getAttribute('href'), circlePath('/logbook'));
      else assert.equal(await all.count(), 0);
    });
    await checkPage(t, page, { name: `overview-new-${who.slug}`, current: T.bar.overview, where: `the overview of the ${who.slug} with the welcome` });

    await page.locator('section[aria-labelledby="new-heading"] li.entry-summary').first().locator('a.entry-link').click();
    await page.waitForURL((u) => u.pathname === state.welcomePath);
    await page.locator('article.entry .entry-body', { hasText: `welkom-${RUN}` }).waitFor();
    await checkPage(t, page, { name: `entry-welcome-${who.slug}`, current: T.bar.logbook, where: `the welcome, as the ${who.slug} reads it` });

    await barLink(page, T.bar.overview).click();
    await page.waitForURL((u) => u.pathname === circlePath());
    const after = await readNew(page);
    await t.test(`${who.slug}: read, the welcome is no longer new`, async () => {
      assert.ok(!after.some((i) => i.href === state.welcomePath), 'the welcome is still under "Nieuw voor jou"');
      assert.equal(await unreadBadge(page), unread - 1, 'the unread count did not go down by one');
    });
  }
});

for (const who of NEWCOMERS) {
  test(`the ${who.slug} writes a message with "${T.bar.write}" in the bar`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const { page } = newcomer(who.slug);
    const text = `Hallo allemaal, ik ben ${who.name}, ${who.relation} van Henk. Tot snel! (hallo-${who.slug}-${RUN})`;
    const entryPath = await writeWithBar(t, page, { kind: 'update', kindLabel: T.kindUpdate, text, slug: who.slug });
    await t.test('the entry page names the writer', async () => {
      assert.equal(clean(await page.locator('article.entry h2.entry-title a').first().textContent()), who.name);
    });
    await checkPage(t, page, { name: `entry-posted-${who.slug}`, current: T.bar.logbook, where: `the ${who.slug}'s message` });
    state.newcomers[who.slug].entryPath = entryPath;
  });
}

test(`${CARER} plans a shift with ${SHIFT.places} places three days ahead ("${T.bar.agenda}" → "${T.newShift}")`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const ans = pageOf(CARER);
  await goto(ans, circlePath());
  await barLink(ans, T.bar.agenda).click();
  await ans.waitForURL((u) => u.pathname === circlePath('/agenda'));
  await checkPage(t, ans, { name: 'agenda-carer', current: T.bar.agenda, where: 'the agenda of Ans' });
  await ans.getByRole('link', { name: T.newShift, exact: true }).click();
  await ans.waitForURL(url(circlePath('/agenda/new?kind=shift')));
  await ans.locator('#title').fill(SHIFT.title);
  await ans.locator('#date').fill(SHIFT.on);
  await ans.locator('#start_time').fill(SHIFT.start);
  await ans.locator('#end_time').fill(SHIFT.end);
  await ans.locator('#places').fill(String(SHIFT.places));
  await checkPage(t, ans, { name: 'agenda-form-shift', current: T.bar.agenda, where: 'the form for a new shift' });
  const saved = await submitTo(ans, ans.getByRole('button', { name: T.save, exact: true }), circlePath('/agenda'));
  assert.equal(saved.status(), 303, `saving the shift answered ${saved.status()}`);
  await ans.waitForURL(new RegExp(`${esc(circlePath('/agenda/'))}[^/?#]+\\?done=notice-saved$`));
  state.shiftPath = new URL(ans.url()).pathname;
  await expectHeading(ans, SHIFT.title, 2);
  await checkPage(t, ans, { name: 'agenda-item-carer', current: T.bar.agenda, where: 'the new shift' });
});

for (const who of NEWCOMERS) {
  test(`the ${who.slug} signs up for the open shift with "${T.signUp}" on the overview`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const { page } = newcomer(who.slug);
    assert.ok(state.shiftPath, 'Ans planned no shift (an earlier test failed)');
    await barLink(page, T.bar.overview).click();
    await page.waitForURL((u) => u.pathname === circlePath());
    const gaps = await readGaps(page);
    const gap = gaps && gaps.find((g) => g.href === `${state.shiftPath}#on-${SHIFT.on}`);
    assert.ok(gap, `"${T.gaps}" does not list the shift on ${SHIFT.on}: ${JSON.stringify(gaps)}`);
    assert.ok(gap.buttons.some((b) => b.startsWith(T.signUp)), `the shift has no "${T.signUp}" for the ${who.slug}: ${JSON.stringify(gap)}`);
    const [itemPath, on] = gap.href.split('#on-');
    const button = page.locator('section.gaps li.slot').filter({ has: page.locator(`a[href="${gap.href}"]`) }).getByRole('button', { name: new RegExp(`^${esc(T.signUp)} ?:`) });
    const posted = await submitTo(page, button, `${itemPath}/${on}/sign-up`);
    assert.equal(posted.status(), 303, `"${T.signUp}" answered ${posted.status()}`);
    await page.waitForURL(url(`${itemPath}?done=notice-signed-up`));
    await page.getByRole('status').filter({ hasText: T.signedUp }).waitFor();
    await t.test(`the item page: "${T.signedUp}", the time (${on}) is the ${who.slug}'s`, async () => {
      const li = page.locator(`li#on-${on}`);
      await li.waitFor();
      assert.ok(await li.evaluate((el) => el.classList.contains('mine')), `the time ${on} is not marked as the ${who.slug}'s`);
      assert.ok((await li.innerText()).includes(who.name), `the time ${on} does not name ${who.name}`);
    });
    await checkPage(t, page, { name: `shift-signed-up-${who.slug}`, current: T.bar.agenda, where: `the shift the ${who.slug} signed up for` });

    await barLink(page, T.bar.overview).click();
    await page.waitForURL((u) => u.pathname === circlePath());
    const after = await readGaps(page);
    await t.test('the overview no longer offers that time to the newcomer', () => {
      const same = (after || []).find((g) => g.href === gap.href);
      assert.ok(!same || !same.buttons.some((b) => b.startsWith(T.signUp)), `the time still has "${T.signUp}": ${JSON.stringify(same)}`);
    });

    await barLink(page, T.bar.agenda).click();
    await page.waitForURL((u) => u.pathname === circlePath('/agenda'));
    await t.test(`the agenda shows the time as "${T.yours}"`, async () => {
      const day = page.locator(`#day-${on}`);
      await day.waitFor();
      assert.ok((await day.innerText()).includes(T.yours), `the agenda's ${on} does not say "${T.yours}"`);
    });
    await checkPage(t, page, { name: `agenda-${who.slug}`, current: T.bar.agenda, where: `the agenda of the ${who.slug}` });
  });
}

for (const who of NEWCOMERS) {
  test(`the ${who.slug} opens "${T.bar.more}" → "${T.notifications}", keeps "meteen een e-mail" and turns the quiet hours off`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const { page } = newcomer(who.slug);
    await barLink(page, T.bar.overview).click();
    await page.waitForURL((u) => u.pathname === circlePath());
    const current = await openSection(page, T.notifications, '/notifications');
    assert.equal(clean(await current.textContent()), T.bar.more);
    await checkPage(t, page, { name: `notifications-${who.slug}`, current: T.bar.more, where: `the e-mail settings of the ${who.slug}` });
    await t.test('"meteen een e-mail" is on for a new member', async () => {
      assert.ok(await page.locator('#immediate').isChecked(), 'a new member gets no e-mail at once about a question');
    });
    if (!(await page.locator('#immediate').isChecked())) {
      await page.locator('#immediate').check();
      await page.getByRole('button', { name: T.save, exact: true }).click();
      await page.getByText(T.notificationsSaved, { exact: true }).waitFor();
    }
    await turnOffQuietHours(page);
  });
}

test(`${NURSE} asks the circle a question with "${T.bar.write}"; the e-mail reaches the three newcomers and its link opens the question`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const fatima = pageOf(NURSE);
  const mark = mailMark(journey.server);
  await goto(fatima, circlePath());
  const questionPath = await writeWithBar(t, fatima, { kind: 'question', kindLabel: T.kindQuestion, text: QUESTION, slug: 'question' });
  await checkPage(t, fatima, { name: 'entry-question', current: T.bar.logbook, where: 'the question' });

  for (const who of NEWCOMERS) {
    await t.test(`the ${who.slug} gets the question by e-mail, and its link opens it`, async (st) => {
      const { mail } = await waitForMail(journey.server, { what: `the e-mail about ${NURSE}'s question`, to: who.email, match: new RegExp(QUESTION_WORD), since: mark });
      st.diagnostic(describeMail(mail));
      const link = new RegExp(`${esc(url(questionPath))}\\b[^\\s"<>)]*`).exec(mail.text);
      assert.ok(link, `the e-mail holds no link to ${questionPath}:\n${mail.text}`);
      const { page } = newcomer(who.slug);
      await goto(page, link[0]);
      await page.locator('article.entry .entry-body', { hasText: QUESTION_WORD }).waitFor();
      await assertBar(page, T.bar.logbook, 'the question opened from the e-mail');
      await assertFits(page, 'the question opened from the e-mail');
    });
  }
  const { page } = newcomer(NEWCOMERS[0].slug);
  await check(t, page, 'entry-question-from-mail');
});

for (const who of NEWCOMERS) {
  test(`the ${who.slug}: "${T.bar.more}" leads to the other parts ("${T.members}" lists the newcomer) and to the "${T.glossary}" with its term anchors`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const { page } = newcomer(who.slug);
    await barLink(page, T.bar.overview).click();
    await page.waitForURL((u) => u.pathname === circlePath());
    await barLink(page, T.bar.more).click();
    await page.waitForURL((u) => u.pathname === circlePath('/more'));
    await expectHeading(page, T.moreTitle, 2);
    const parts = (await page.locator('.more-list > li > a').allTextContents()).map(clean);
    await t.test(`"${T.bar.more}" lists ${T.members}, ${T.notifications} and ${T.glossary}, and nothing of the bar`, () => {
      for (const part of [T.members, T.notifications, T.glossary]) assert.ok(parts.includes(part), `"${T.bar.more}" lists ${parts.join(', ')}; no "${part}"`);
      for (const inBar of [T.bar.overview, T.bar.logbook, T.bar.agenda]) assert.ok(!parts.includes(inBar), `"${T.bar.more}" lists "${inBar}", which is in the bar`);
      assert.equal(new Set(parts).size, parts.length, `"${T.bar.more}" lists a part twice: ${parts.join(', ')}`);
    });
    await checkPage(t, page, { name: `more-${who.slug}`, current: T.bar.more, where: `"${T.bar.more}" of the ${who.slug}` });

    await page.locator('.more-list').getByRole('link', { name: T.members, exact: true }).click();
    await page.waitForURL((u) => u.pathname === circlePath('/members'));
    await t.test(`"${T.members}" lists ${who.name} and ${CARER}`, async () => {
      const names = (await page.locator('ul.member-list a.member-name').allInnerTexts()).map(clean);
      for (const name of [who.name, CARER]) assert.ok(names.includes(name), `"${T.members}" lists ${names.join(', ')}`);
    });
    await checkPage(t, page, { name: `members-${who.slug}`, current: T.bar.more, where: `"${T.members}" of the ${who.slug}` });

    await barLink(page, T.bar.more).click();
    await page.waitForURL((u) => u.pathname === circlePath('/more'));
    await page.locator('.more-list').getByRole('link', { name: T.glossary, exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/words');
    await expectHeading(page, T.glossary);
    await t.test(`the glossary has the term anchor #${T.term.id} ("${T.term.name}"), and the address with it shows that term`, async () => {
      const term = page.locator(`#${T.term.id}`);
      assert.equal(await term.count(), 1, `no #${T.term.id} on /words`);
      assert.equal(clean(await term.locator('dt').textContent()), T.term.name);
      assert.ok(clean(await term.locator('dd').textContent()).length > 20, 'the term has no explanation');
      const ids = await page.locator('dl.glossary > div[id^="term-"]').evaluateAll((ds) => ds.map((d) => d.id));
      assert.ok(ids.length >= 5, `the glossary has ${ids.length} terms`);
      assert.equal(new Set(ids).size, ids.length, 'two terms share an anchor');
      // Opened afresh from another page, as a link from an explanation would.
      await goto(page, circlePath('/more'));
      await goto(page, `/words#${T.term.id}`);
      assert.equal(await page.evaluate(() => decodeURIComponent(location.hash)), `#${T.term.id}`);
      assert.ok(await page.locator(`#${T.term.id}`).isVisible());
      const top = await page.locator(`#${T.term.id}`).evaluate((el) => el.getBoundingClientRect().top);
      assert.ok(top >= -1 && top < PHONE.height, `the term is not scrolled into the window (top ${top})`);
      await assertFits(page, 'the glossary');
    });
    await check(t, page, `glossary-${who.slug}`);
  });
}
