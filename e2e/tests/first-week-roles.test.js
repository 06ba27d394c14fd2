'use strict';
// The first week on a phone (390×844, isMobile, hasTouch), in Dutch, in the
// circle of Henk de Vries, for the three roles the first-week journey leaves
// out: the client (cliënt), a representative (vertegenwoordiger) and a
// coordinator (coördinator). The demo's circle has no client member yet, and
// Ellen de Vries is its representative.
//
// 1. Who invites whom (service/invitations.rs): once the client or a
//    representative is in a circle, only they give someone a client-side
//    role. So Ellen (representative) invites Henk himself as the client and
//    his son as a second representative, and Ans de Vries (family carer, who
//    manages the circle) invites a coordinator. Each opens the link from the
//    e-mail signed out on a phone of their own, joins with a name and lands
//    on the overview ("Welkom in de kring!").
// 2. The overview: "Voor jou" and "Nieuw voor jou" show, the folded parts are
//    closed and open with their summary. Ans writes a welcome with
//    "Schrijf"; each finds it first under "Nieuw voor jou", opens it, and it
//    is no longer new.
// 3. Each writes a message with "Schrijf" in the bar.
// 4. Ans plans a shift with two places. The representative and the
//    coordinator sign up with "Ik kom" on the overview. The client does not
//    take shifts (access/policy.rs: "Everyone but the client takes shifts"):
//    the open shift shows on the client's overview, item page and agenda
//    without "Ik kom".
// 5. Each opens "Meer" → "Meldingen per e-mail", keeps "meteen een e-mail"
//    on and empties the quiet hours; Ans asks a question: the e-mail reaches
//    all three, and its link opens the question.
// 6. The role's own week: the client finds the circle under "Mijn kringen"
//    as cliënt and reads all of "Dit ben ik", also the part meant for
//    professionals; the representative has the client's "Meer" and reads
//    "Wie keek mee"; the coordinator sees the members with their roles,
//    opens "Uitnodigen" and may not give someone a client-side role, and
//    "Wie keek mee" is not theirs.
//
// Every page: the bar with the right item marked aria-current="page", no
// sideways scrolling, the page checker (axe-core and screenshots).

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const path = require('node:path');
const { test, before, after } = require('node:test');

const { createJourney, clean, PHONE } = require('../lib/journey');
const { waitForMail, mailMark, describeMail } = require('../lib/mail');
const { phoneJourney, TEXTS_NL, MOBILE, esc, isoDay } = require('../lib/phone');

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts', 'first-week-roles');
const TEST_TIMEOUT_MS = 120_000;

const CLIENT = 'Henk de Vries';
const CARER = 'Ans de Vries'; // naaste, manages the circle
const REPRESENTATIVE = 'Ellen de Vries'; // vertegenwoordiger

const RUN = crypto.randomBytes(3).toString('hex');

const NEWCOMERS = [
  { slug: 'client', role: 'client', name: CLIENT, relation: '', email: `henk.devries.${RUN}@samenspel.example`, invitedBy: REPRESENTATIVE, takesShifts: false },
  { slug: 'representative', role: 'representative', name: 'Erik de Vries', relation: 'zoon, gemachtigde', email: `erik.devries.${RUN}@samenspel.example`, invitedBy: REPRESENTATIVE, takesShifts: true },
  { slug: 'coordinator', role: 'coordinator', name: 'Lisa Meijer', relation: 'coördinator informele zorg (invaller)', email: `lisa.meijer.${RUN}@samenspel.example`, invitedBy: CARER, takesShifts: true },
];

const T = {
  ...TEXTS_NL,
  myRole: (role) => `Jouw rol: ${role}`,
  roles: { client: 'cliënt', representative: 'vertegenwoordiger', coordinator: 'coördinator' },
  manages: 'Beheert de kring',
  clientSideOnly: 'Alleen de cliënt of de vertegenwoordiger kan iemand deze rol geven.',
  invitationTitle: `Uitnodiging voor de kring van ${CLIENT}`,
  openFold: 'Open vragen en zorgen',
  nobodyYet: 'Nog niemand',
  findCover: 'Zoek vervanging',
  openPlaces: (n) => (n === 1 ? '1 plek open' : `${n} plekken open`),
  about: 'Dit ben ik',
  aboutHidden: 'Hier staat iets dat alleen anderen kunnen lezen.',
  audit: 'Wie keek mee',
  auditInvited: 'maakte een uitnodiging',
  auditJoined: 'nam een uitnodiging aan',
  checkIns: ['Mantelzorgcheck', 'Vrijwilligerscheck'],
};
// Henk's own words in "Dit ben ik", in the part for professionals only (demo/about.rs).
const PROFESSIONALS_ONLY_PART = { id: 'part-dislikes', text: 'Douchen met iemand die ik niet ken' };

const SHIFT = { title: `Koffie drinken met Henk (${RUN})`, on: isoDay(4), start: '14:00', end: '15:00', places: 2 };
const WELCOME = `Welkom Henk, Erik en Lisa! Fijn dat jullie er zijn (welkom-${RUN}).`;
const QUESTION_WORD = `vraag-${RUN}`;
const QUESTION = `Wie kan Henk donderdag naar de kapper brengen? De afspraak is om tien uur (${QUESTION_WORD}).`;

const journey = createJourney({ artifactsDir: ARTIFACTS, client: CLIENT, texts: T });
const { url, circlePath, goto, expectHeading, check, signIn, pageOf, expectingError, turnOffQuietHours, submitTo, openSection, openFold } = journey;
const phone = phoneJourney(journey, T);
const { assertBar, assertFits, checkPage, barLink, toOverview, readNew, unreadBadge, readGaps, writeWithBar, inviteByMail, joinOnPhone } = phone;

const state = { links: {}, pages: {} };

function pageFor(who) {
  assert.ok(state.pages[who.slug], `the ${who.slug} has not joined (an earlier test failed)`);
  return state.pages[who.slug];
}

/** The texts of the links on "Meer" (opened with the bar), checked as `more-<slug>`. */
async function openMore(t, page, slug) {
  await barLink(page, T.bar.more).click();
  await page.waitForURL((u) => u.pathname === circlePath('/more'));
  await expectHeading(page, T.moreTitle, 2);
  await checkPage(t, page, { name: `more-${slug}`, current: T.bar.more, where: `"${T.bar.more}" of the ${slug}` });
  return (await page.locator('.more-list > li > a').allTextContents()).map(clean);
}

before(async () => {
  await journey.start();
});

after(async () => {
  await journey.stop();
});

test(`${REPRESENTATIVE} (representative) invites the client and a second representative; ${CARER} invites a coordinator`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await signIn(t, REPRESENTATIVE, PHONE, 'representative-ellen', MOBILE, { checked: false });
  await signIn(t, CARER, PHONE, 'carer', MOBILE, { checked: false });
  for (const [inviter, slug] of [[REPRESENTATIVE, 'ellen'], [CARER, 'ans']]) {
    const page = pageOf(inviter);
    await goto(page, circlePath());
    const current = await openSection(page, T.invite, '/invitations');
    assert.equal(clean(await current.textContent()), T.bar.more, `"${T.invite}" is not under "${T.bar.more}" for ${inviter}`);
    await checkPage(t, page, { name: `invite-form-${slug}`, current: T.bar.more, where: `the invitation form of ${inviter}` });
    for (const who of NEWCOMERS.filter((n) => n.invitedBy === inviter)) {
      await goto(page, circlePath('/invitations'));
      state.links[who.slug] = await inviteByMail(page, who, `Hoi ${who.name.split(' ')[0]}, doe je mee? (${RUN})`);
    }
  }
});

for (const who of NEWCOMERS) {
  test(`the ${who.slug} (${who.name}) opens the invitation on a phone, joins, lands on the overview and reads it`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
    assert.ok(state.links[who.slug], `no invitation for the ${who.slug}`);
    const page = await joinOnPhone(t, who, state.links[who.slug], { heading: T.invitationTitle, client: CLIENT });
    state.pages[who.slug] = page;
    await t.test('the overview: "Voor jou" and "Nieuw voor jou" show; the rest is folded and opens with its summary', async () => {
      await page.getByRole('region', { name: T.forMe, exact: true }).waitFor();
      assert.ok(await page.getByRole('region', { name: T.newHeading }).isVisible(), '"Nieuw voor jou" is not shown');
      assert.ok(!(await page.locator('section.write-prompt').isVisible()), 'the "Schrijf iets in het logboek" buttons show on the phone');
      const folded = await page.locator('details.fold').evaluateAll((ds) => ds.map((d) => d.open));
      assert.ok(folded.length >= 1 && folded.every((open) => !open), `the folded parts are not all closed: ${JSON.stringify(folded)}`);
      const { fold, count } = await openFold(page, T.openFold);
      assert.equal(count, await fold.locator('li.entry-summary').count(), `the count of "${T.openFold}" is not the number of its items`);
    });
  });
}

test(`${CARER} welcomes them with "${T.bar.write}"; each finds it first under "Nieuw voor jou", opens it, and it is no longer new`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const ans = pageOf(CARER);
  await goto(ans, circlePath());
  const welcomePath = await writeWithBar(t, ans, { kind: 'update', kindLabel: T.kindUpdate, text: WELCOME, slug: 'welcome' });
  for (const who of NEWCOMERS) {
    const page = pageFor(who);
    await toOverview(page);
    const unread = await unreadBadge(page);
    const items = await readNew(page);
    await t.test(`${who.slug}: the welcome is the first under "Nieuw voor jou", as new, by ${CARER}`, () => {
      assert.ok(items.length >= 1, '"Nieuw voor jou" lists nothing');
      assert.equal(items[0].href, welcomePath, `the first new message is ${items[0].text}`);
      assert.ok(items[0].isNew, 'the welcome has no "Nieuw" badge');
      assert.ok(items[0].text.startsWith(`${CARER}: `), `the link reads "${items[0].text}"`);
      assert.ok(unread >= 1, `the unread count is ${unread}`);
    });
    await page.locator('section[aria-labelledby="new-heading"] li.entry-summary').first().locator('a.entry-link').click();
    await page.waitForURL((u) => u.pathname === welcomePath);
    await page.locator('article.entry .entry-body', { hasText: `welkom-${RUN}` }).waitFor();
    await checkPage(t, page, { name: `entry-welcome-${who.slug}`, current: T.bar.logbook, where: `the welcome, as the ${who.slug} reads it` });
    await toOverview(page);
    await t.test(`${who.slug}: read, the welcome is no longer new`, async () => {
      assert.ok(!(await readNew(page)).some((i) => i.href === welcomePath), 'the welcome is still under "Nieuw voor jou"');
      assert.equal(await unreadBadge(page), unread - 1, 'the unread count did not go down by one');
      await assertBar(page, T.bar.overview, `the overview of the ${who.slug}`);
      await assertFits(page, `the overview of the ${who.slug}`);
    });
  }
});

for (const who of NEWCOMERS) {
  test(`the ${who.slug} writes a message with "${T.bar.write}" in the bar`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const page = pageFor(who);
    const text = `Hallo allemaal, hier ${who.name}. Fijn om erbij te zijn! (hallo-${who.slug}-${RUN})`;
    await writeWithBar(t, page, { kind: 'update', kindLabel: T.kindUpdate, text, slug: who.slug });
    await t.test('the entry page names the writer', async () => {
      assert.equal(clean(await page.locator('article.entry h2.entry-title a').first().textContent()), who.name);
    });
    await checkPage(t, page, { name: `entry-posted-${who.slug}`, current: T.bar.logbook, where: `the ${who.slug}'s message` });
  });
}

test(`${CARER} plans a shift with ${SHIFT.places} places`, { timeout: TEST_TIMEOUT_MS }, async () => {
  const ans = pageOf(CARER);
  await goto(ans, circlePath('/agenda/new?kind=shift'));
  await ans.locator('#title').fill(SHIFT.title);
  await ans.locator('#date').fill(SHIFT.on);
  await ans.locator('#start_time').fill(SHIFT.start);
  await ans.locator('#end_time').fill(SHIFT.end);
  await ans.locator('#places').fill(String(SHIFT.places));
  const saved = await submitTo(ans, ans.getByRole('button', { name: T.save, exact: true }), circlePath('/agenda'));
  assert.equal(saved.status(), 303, `saving the shift answered ${saved.status()}`);
  await ans.waitForURL(new RegExp(`${esc(circlePath('/agenda/'))}[^/?#]+\\?done=notice-saved$`));
  state.shiftPath = new URL(ans.url()).pathname;
});

for (const who of NEWCOMERS) {
  const title = who.takesShifts
    ? `the ${who.slug} signs up for the open shift with "${T.signUp}" on the overview`
    : `the ${who.slug} sees the open shift on the overview, its page and the agenda, without "${T.signUp}" (the client takes no shifts)`;
  test(title, { timeout: TEST_TIMEOUT_MS }, async (t) => {
    const page = pageFor(who);
    assert.ok(state.shiftPath, `${CARER} planned no shift (an earlier test failed)`);
    const href = `${state.shiftPath}#on-${SHIFT.on}`;
    await toOverview(page);
    const gaps = await readGaps(page);
    const gap = gaps && gaps.find((g) => g.href === href);
    assert.ok(gap, `"${T.gaps}" does not list the shift on ${SHIFT.on} for the ${who.slug}: ${JSON.stringify(gaps)}`);
    if (!who.takesShifts) {
      await t.test(`the overview lists the shift with its open places, and no "${T.signUp}" anywhere`, async () => {
        assert.ok(gap.text.includes(T.openPlaces(SHIFT.places)), `the shift reads "${gap.text}"`);
        assert.deepEqual(gaps.flatMap((g) => g.buttons), [], `the client is offered ${JSON.stringify(gaps)}`);
      });
      await page.locator(`section.gaps a[href="${href}"]`).click();
      await page.waitForURL((u) => u.pathname === state.shiftPath);
      await t.test(`the shift's page shows the time with "${T.nobodyYet}", and neither "${T.signUp}" nor "${T.findCover}"`, async () => {
        const li = page.locator(`li#on-${SHIFT.on}`);
        assert.ok((await li.innerText()).includes(T.nobodyYet), `the time reads "${clean(await li.innerText())}"`);
        for (const taking of [T.signUp, T.findCover]) {
          assert.equal(await page.getByRole('button', { name: new RegExp(`^${esc(taking)}\\b`) }).count(), 0, `the client is offered "${taking}"`);
        }
      });
      await checkPage(t, page, { name: `shift-${who.slug}`, current: T.bar.agenda, where: `the shift, as the ${who.slug} sees it` });
      await barLink(page, T.bar.agenda).click();
      await page.waitForURL((u) => u.pathname === circlePath('/agenda'));
      await t.test(`the agenda lists the shift on its day, without "${T.signUp}"`, async () => {
        const day = page.locator(`#day-${SHIFT.on}`);
        assert.ok((await day.innerText()).includes(SHIFT.title), `the agenda's ${SHIFT.on} does not list the shift`);
        assert.equal(await page.getByRole('button', { name: new RegExp(`^${esc(T.signUp)}\\b`) }).count(), 0);
      });
      await checkPage(t, page, { name: `agenda-${who.slug}`, current: T.bar.agenda, where: `the agenda of the ${who.slug}` });
      return;
    }
    assert.ok(gap.buttons.some((b) => b.startsWith(T.signUp)), `the shift has no "${T.signUp}" for the ${who.slug}: ${JSON.stringify(gap)}`);
    const button = page.locator('section.gaps li.slot').filter({ has: page.locator(`a[href="${href}"]`) }).getByRole('button', { name: new RegExp(`^${esc(T.signUp)} ?:`) });
    const posted = await submitTo(page, button, `${state.shiftPath}/${SHIFT.on}/sign-up`);
    assert.equal(posted.status(), 303, `"${T.signUp}" answered ${posted.status()}`);
    await page.waitForURL(url(`${state.shiftPath}?done=notice-signed-up`));
    await page.getByRole('status').filter({ hasText: T.signedUp }).waitFor();
    await t.test(`the shift's page: "${T.signedUp}", the time is the ${who.slug}'s`, async () => {
      const li = page.locator(`li#on-${SHIFT.on}`);
      assert.ok(await li.evaluate((el) => el.classList.contains('mine')), 'the time is not marked as theirs');
      assert.ok((await li.innerText()).includes(who.name), `the time does not name ${who.name}`);
    });
    await checkPage(t, page, { name: `shift-${who.slug}`, current: T.bar.agenda, where: `the shift the ${who.slug} signed up for` });
    await barLink(page, T.bar.agenda).click();
    await page.waitForURL((u) => u.pathname === circlePath('/agenda'));
    await t.test(`the agenda shows the time as "${T.yours}"`, async () => {
      assert.ok((await page.locator(`#day-${SHIFT.on}`).innerText()).includes(T.yours), `the agenda's ${SHIFT.on} does not say "${T.yours}"`);
    });
    await checkPage(t, page, { name: `agenda-${who.slug}`, current: T.bar.agenda, where: `the agenda of the ${who.slug}` });
  });
}

test(`each opens "${T.bar.more}" → "${T.notifications}", keeps "meteen een e-mail" on and turns the quiet hours off`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  for (const who of NEWCOMERS) {
    const page = pageFor(who);
    await toOverview(page);
    const current = await openSection(page, T.notifications, '/notifications');
    assert.equal(clean(await current.textContent()), T.bar.more);
    await checkPage(t, page, { name: `notifications-${who.slug}`, current: T.bar.more, where: `the e-mail settings of the ${who.slug}` });
    const immediate = page.locator('#immediate');
    await t.test(`${who.slug}: "meteen een e-mail" is on for a new member`, async () => {
      assert.ok(await immediate.isChecked(), `a new ${who.slug} gets no e-mail at once about a question`);
    });
    await immediate.check();
    await turnOffQuietHours(page);
    assert.ok(await immediate.isChecked(), '"meteen een e-mail" is off after saving');
  }
});

test(`${CARER} asks a question; the e-mail reaches the client, the representative and the coordinator, and its link opens it`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const ans = pageOf(CARER);
  const mark = mailMark(journey.server);
  await goto(ans, circlePath());
  const questionPath = await writeWithBar(t, ans, { kind: 'question', kindLabel: T.kindQuestion, text: QUESTION, slug: 'question' });
  for (const who of NEWCOMERS) {
    await t.test(`the ${who.slug} gets the question by e-mail, and its link opens it`, async (st) => {
      const { mail } = await waitForMail(journey.server, { what: `the e-mail about ${CARER}'s question`, to: who.email, match: new RegExp(QUESTION_WORD), since: mark });
      st.diagnostic(describeMail(mail));
      const link = new RegExp(`${esc(url(questionPath))}\\b[^\\s"<>)]*`).exec(mail.text);
      assert.ok(link, `the e-mail holds no link to ${questionPath}:\n${mail.text}`);
      const page = pageFor(who);
      await goto(page, link[0]);
      await page.locator('article.entry .entry-body', { hasText: QUESTION_WORD }).waitFor();
      await assertBar(page, T.bar.logbook, 'the question opened from the e-mail');
      await assertFits(page, 'the question opened from the e-mail');
    });
  }
  await check(t, pageFor(NEWCOMERS[0]), 'entry-question-from-mail');
});

/** Opens "Dit ben ik" from "Meer" and checks that every part reads, also the one for professionals only. */
async function readsAllOfAbout(t, page, slug) {
  await page.locator('.more-list').getByRole('link', { name: T.about, exact: true }).click();
  await page.waitForURL((u) => u.pathname === circlePath('/about'));
  await expectHeading(page, T.about, 2);
  await t.test(`the ${slug} reads every part of "${T.about}", also the one for professionals only`, async () => {
    assert.equal(await page.getByText(T.aboutHidden).count(), 0, `"${T.aboutHidden}" shows to the ${slug}`);
    const part = page.locator(`#${PROFESSIONALS_ONLY_PART.id} .entry-body`);
    assert.ok(clean(await part.innerText()).includes(PROFESSIONALS_ONLY_PART.text), `the ${slug} does not read the part for professionals`);
  });
  await checkPage(t, page, { name: `about-${slug}`, current: T.bar.more, where: `"${T.about}" of the ${slug}` });
}

const [CLIENT_NEWCOMER, REP_NEWCOMER, COORDINATOR_NEWCOMER] = NEWCOMERS;

test(`the client finds the circle as "${T.roles.client}", has "${T.about}", "${T.audit}" and "${T.invite}" under "${T.bar.more}", and reads all of "${T.about}"`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = pageFor(CLIENT_NEWCOMER);
  await goto(page, '/circles');
  await expectHeading(page, T.myCircles);
  const card = page.locator('li.card').filter({ has: page.getByRole('link', { name: CLIENT, exact: true }) });
  await t.test(`"${T.myCircles}" lists the circle of ${CLIENT} once, with "${T.myRole(T.roles.client)}"`, async () => {
    assert.equal(await card.count(), 1, `"${T.myCircles}" lists ${await card.count()} circles of ${CLIENT}`);
    assert.ok(clean(await card.innerText()).includes(T.myRole(T.roles.client)), `the card reads "${clean(await card.innerText())}"`);
    await assertFits(page, `"${T.myCircles}"`);
  });
  await check(t, page, 'circles-client');
  await card.getByRole('link', { name: CLIENT, exact: true }).click();
  await page.waitForURL((u) => u.pathname === circlePath());
  const parts = await openMore(t, page, 'client');
  state.clientMore = parts;
  await t.test(`"${T.bar.more}" lists ${T.about}, ${T.members}, ${T.invite} and ${T.audit}, and no check-in`, () => {
    for (const part of [T.about, T.members, T.invite, T.audit, T.notifications]) assert.ok(parts.includes(part), `"${T.bar.more}" lists ${parts.join(', ')}; no "${part}"`);
    for (const part of T.checkIns) assert.ok(!parts.includes(part), `"${T.bar.more}" of the client lists "${part}"`);
  });
  await readsAllOfAbout(t, page, 'client');
});

test(`the representative has the client's "${T.bar.more}", reads all of "${T.about}" and "${T.audit}"`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = pageFor(REP_NEWCOMER);
  await toOverview(page);
  const parts = await openMore(t, page, 'representative');
  await t.test(`"${T.bar.more}" lists what the client's lists`, () => {
    assert.ok(state.clientMore, 'the client has not opened "Meer" (an earlier test failed)');
    assert.deepEqual(parts, state.clientMore);
  });
  await page.locator('.more-list').getByRole('link', { name: T.audit, exact: true }).click();
  await page.waitForURL((u) => u.pathname === circlePath('/audit'));
  await expectHeading(page, T.audit, 2);
  await t.test(`"${T.audit}" lists ${REPRESENTATIVE}'s invitations and the client joining`, async () => {
    const rows = (await page.locator('table.audit tbody tr').allInnerTexts()).map(clean);
    assert.ok(rows.some((r) => r.includes(REPRESENTATIVE) && r.includes(T.auditInvited)), `no "${REPRESENTATIVE} ${T.auditInvited}" in ${rows.length} rows`);
    assert.ok(rows.some((r) => r.includes(CLIENT) && r.includes(T.auditJoined)), `no "${CLIENT} … ${T.auditJoined}" in: ${rows.filter((r) => r.includes(T.auditJoined)).join(' | ')}`);
  });
  await checkPage(t, page, { name: `audit-representative`, current: T.bar.more, where: `"${T.audit}" of the representative` });
  await barLink(page, T.bar.more).click();
  await page.waitForURL((u) => u.pathname === circlePath('/more'));
  await readsAllOfAbout(t, page, 'representative');
});

test(`the coordinator sees the members with their roles, opens "${T.invite}" and may not give a client-side role; "${T.audit}" is not theirs`, { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const page = pageFor(COORDINATOR_NEWCOMER);
  await toOverview(page);
  const parts = await openMore(t, page, 'coordinator');
  await t.test(`"${T.bar.more}" lists ${T.members} and ${T.invite}, not ${T.audit}`, () => {
    for (const part of [T.members, T.invite, T.about]) assert.ok(parts.includes(part), `"${T.bar.more}" lists ${parts.join(', ')}; no "${part}"`);
    assert.ok(!parts.includes(T.audit), `"${T.bar.more}" of the coordinator lists "${T.audit}"`);
  });
  await page.locator('.more-list').getByRole('link', { name: T.members, exact: true }).click();
  await page.waitForURL((u) => u.pathname === circlePath('/members'));
  await t.test(`"${T.members}" lists the newcomers with their role, each "${T.manages}"`, async () => {
    const rows = (await page.locator('ul.member-list > li.member').allInnerTexts()).map(clean);
    for (const who of NEWCOMERS) {
      const row = rows.find((r) => r.startsWith(who.name));
      assert.ok(row, `"${T.members}" lists no ${who.name}: ${rows.join(' | ')}`);
      assert.ok(row.includes(T.roles[who.role]) && row.includes(T.manages), `${who.name} reads "${row}"`);
    }
  });
  await checkPage(t, page, { name: 'members-coordinator', current: T.bar.more, where: `"${T.members}" of the coordinator` });

  await goto(page, circlePath('/more'));
  await page.locator('.more-list').getByRole('link', { name: T.invite, exact: true }).click();
  await page.waitForURL((u) => u.pathname === circlePath('/invitations'));
  await page.locator('#email').fill(`nog.een.vertegenwoordiger.${RUN}@samenspel.example`);
  await page.locator('#role').selectOption('representative');
  const refused = await expectingError(async () => {
    const answer = await submitTo(page, page.getByRole('button', { name: T.inviteButton, exact: true }), circlePath('/invitations'));
    await page.locator('#role-error').waitFor();
    return answer;
  });
  await t.test(`a representative invited by the coordinator is refused: "${T.clientSideOnly}"`, async () => {
    assert.equal(refused.status(), 422);
    assert.equal(clean(await page.locator('#role-error').innerText()), T.clientSideOnly, 'the role field does not say why');
  });
  await checkPage(t, page, { name: 'invite-refused-coordinator', current: T.bar.more, where: 'the refused invitation of the coordinator' });
  await t.test(`"${T.audit}" answers 403 to the coordinator`, async () => {
    await expectingError(() => goto(page, circlePath('/audit'), 403));
  });
});
