'use strict';
// The invitation journey in headless Chromium, in Dutch and in English:
// Ans de Vries (who manages the circle of Henk de Vries) invites a new member,
// the new member opens the link from the e-mail, joins and sees the circle and
// its members (on the circle's "Leden" tab; the circle's front page is the
// logbook overview). Every page visited is screenshotted at 390×844 and 1280×800 and
// checked with axe-core (serious and critical violations fail).

const assert = require('node:assert/strict');
const path = require('node:path');
const { test, before, after } = require('node:test');

const { startJourney, stopJourney, openContext } = require('../lib/browser');
const { waitForMail, mailMark } = require('../lib/mail');
const { AxeBuilder } = require('@axe-core/playwright');

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const TEST_TIMEOUT_MS = 240_000;

const INVITER = 'Ans de Vries';
const CLIENT = 'Henk de Vries';

// Everything the journey types or expects to read, per language.
const TEXT = {
  nl: {
    locale: 'nl-NL',
    signInAs: `Inloggen als ${INVITER}`,
    signInButton: 'Inloggen',
    myCircles: 'Mijn kringen',
    myAccount: 'Mijn account',
    tabs: { overview: 'Overzicht', logbook: 'Logboek', members: 'Leden', invite: 'Uitnodigen', settings: 'Instellingen' },
    inviteSomeone: 'Iemand uitnodigen',
    inviteButton: 'Uitnodiging maken',
    inviteCreated: 'De uitnodiging is klaar',
    invitationTitle: `Uitnodiging voor de kring van ${CLIENT}`,
    yourName: 'Je naam',
    email: 'E-mailadres',
    join: 'Meedoen',
    welcome: 'Welkom in de kring!',
    volunteer: 'vrijwilliger',
    signInTitle: 'Inloggen',
    invitee: {
      email: 'nieuw.lid.nl@samenspel.example',
      name: 'Sanne Nieuwenhuis',
      relation: 'buurvrouw',
      message: 'Hoi Sanne, fijn dat je wilt helpen met boodschappen voor Henk!',
    },
  },
  en: {
    locale: 'en-GB',
    signInAs: `Sign in as ${INVITER}`,
    signInButton: 'Sign in',
    myCircles: 'My circles',
    myAccount: 'My account',
    tabs: { overview: 'Overview', logbook: 'Logbook', members: 'Members', invite: 'Invite', settings: 'Settings' },
    inviteSomeone: 'Invite someone',
    inviteButton: 'Make the invitation',
    inviteCreated: 'The invitation is ready',
    invitationTitle: `Invitation to the circle of ${CLIENT}`,
    yourName: 'Your name',
    email: 'E-mail address',
    join: 'Join',
    welcome: 'Welcome to the circle!',
    volunteer: 'volunteer',
    signInTitle: 'Sign in',
    invitee: {
      email: 'nieuw.lid.en@samenspel.example',
      name: 'Oliver Newman',
      relation: 'neighbour',
      message: 'Hi Oliver, thank you for helping Henk with his shopping!',
    },
  },
};

let server;
let browser;
let checker;
let ansContext;
let ansPage;
let circleId;
const contexts = [];
const browserProblems = [];
const newMembers = {}; // lang -> { name, memberId }

function newContext(locale, viewport = DESKTOP) {
  return openContext(browser, contexts, browserProblems, { locale, viewport });
}

async function newPage(context) {
  const page = await context.newPage();
  return page;
}

async function goto(page, url) {
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.ok(response, `no response for ${url}`);
  assert.equal(response.status(), 200, `GET ${url} answered ${response.status()}`);
  return response;
}

async function expectHeading(page, name, level = 1) {
  await page.getByRole('heading', { level, name, exact: true }).waitFor();
}

async function expectText(page, text) {
  await page.getByText(text, { exact: true }).first().waitFor();
}

async function expectLang(page, lang) {
  assert.equal(await page.locator('html').getAttribute('lang'), lang, `<html lang> on ${page.url()}`);
}

/** The links in the member list of a circle page, by name. */
async function memberNames(page) {
  return page.locator('ul.member-list a.member-name').allInnerTexts();
}

before(async () => {
  ({ checker, server, browser } = await startJourney(ARTIFACTS));
});

after(async () => {
  await stopJourney({ contexts, browser, server, checker, browserProblems });
});

test('Ans signs in with her demo link and sees her circles (nl)', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  const T = TEXT.nl;
  const link = server.links.get(INVITER);
  assert.ok(link, `no sign-in link printed for ${INVITER}; printed: ${[...server.links.keys()].join(', ')}`);

  ansContext = await newContext(T.locale);
  ansPage = await newPage(ansContext);
  await goto(ansPage, link);
  await expectHeading(ansPage, T.signInAs);
  await expectLang(ansPage, 'nl');
  await checker.check(t, ansPage, { lang: 'nl', name: 'sign-in-link' });

  await ansPage.getByRole('button', { name: T.signInButton, exact: true }).click();
  await ansPage.waitForURL(`${server.baseUrl}/circles`);
  await expectHeading(ansPage, T.myCircles);
  await checker.check(t, ansPage, { lang: 'nl', name: 'circles' });

  const circleLink = ansPage.getByRole('link', { name: CLIENT, exact: true });
  const href = await circleLink.getAttribute('href');
  const match = /^\/circles\/([^/?#]+)$/.exec(href || '');
  assert.ok(match, `the link "${CLIENT}" on /circles points to ${href}, expected /circles/{id}`);
  circleId = match[1];
});

/**
 * The journey itself, the same in both languages: Ans invites, the invitee
 * joins from the e-mail link, both look around, and the new member's page is
 * checked at phone size.
 */
async function invitationJourney(t, lang) {
  const T = TEXT[lang];
  const who = T.invitee;
  assert.ok(ansPage && circleId, 'Ans is not signed in (the sign-in test failed)');
  const circleUrl = `${server.baseUrl}/circles/${circleId}`;

  // Ans opens the circle of Henk: its front page is the logbook overview.
  await goto(ansPage, circleUrl);
  if (lang === 'en') {
    // Signed-in people keep their stored language: switch with the footer.
    await ansPage.getByRole('button', { name: 'English', exact: true }).click();
    await ansPage.waitForFunction(() => document.documentElement.lang === 'en');
    await ansPage.waitForURL(circleUrl);
  }
  await expectLang(ansPage, lang);
  await expectHeading(ansPage, CLIENT);
  const tabs = ansPage.getByRole('navigation').filter({ has: ansPage.getByRole('link', { name: T.tabs.settings, exact: true }) });
  for (const tab of Object.values(T.tabs)) {
    await tabs.getByRole('link', { name: tab, exact: true }).waitFor();
  }
  assert.equal(
    await tabs.getByRole('link', { name: T.tabs.overview, exact: true }).getAttribute('aria-current'),
    'page',
    'the circle\'s front page is not its overview tab',
  );
  await checker.check(t, ansPage, { lang, name: 'circle' });

  // Leden / Members: the member list and the way to invite someone.
  await tabs.getByRole('link', { name: T.tabs.members, exact: true }).click();
  await ansPage.waitForURL(`${circleUrl}/members`);
  assert.ok((await memberNames(ansPage)).includes(INVITER), `${INVITER} is not in the member list`);
  await ansPage.getByRole('link', { name: T.inviteSomeone, exact: true }).waitFor();
  await checker.check(t, ansPage, { lang, name: 'members' });

  if (lang === 'en') {
    // The circles overview was checked in Dutch right after signing in.
    await goto(ansPage, `${server.baseUrl}/circles`);
    await expectHeading(ansPage, T.myCircles);
    await checker.check(t, ansPage, { lang, name: 'circles' });
    await goto(ansPage, circleUrl);
  }

  // Uitnodigen / Invite.
  await tabs.getByRole('link', { name: T.tabs.invite, exact: true }).click();
  await ansPage.waitForURL(`${circleUrl}/invitations`);
  await checker.check(t, ansPage, { lang, name: 'invite-form' });

  await ansPage.locator('#email').fill(who.email);
  await ansPage.locator('#role').selectOption('volunteer');
  await ansPage.locator('#relation').fill(who.relation);
  await ansPage.locator('#message').fill(who.message);
  const mailBefore = mailMark(server);
  await ansPage.getByRole('button', { name: T.inviteButton, exact: true }).click();
  await expectHeading(ansPage, T.inviteCreated, 2);
  const shownLink = await ansPage.locator('#invite-link').inputValue();
  await checker.check(t, ansPage, { lang, name: 'invite-created' });

  // The e-mail.
  const linkPattern = new RegExp(`${server.baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/invitations/[A-Za-z0-9_-]+`);
  const { match } = await waitForMail(server, {
    what: `the invitation e-mail (${lang})`,
    to: who.email,
    match: linkPattern,
    since: mailBefore,
  });
  const invitationUrl = match[0];
  assert.equal(invitationUrl, shownLink, 'the link in the e-mail differs from the one shown to Ans');

  // The invitee, signed out, in a browser of their own language.
  const inviteeContext = await newContext(T.locale);
  const invitee = await newPage(inviteeContext);
  await goto(invitee, invitationUrl);
  await expectLang(invitee, lang);
  await expectHeading(invitee, T.invitationTitle);
  await expectText(invitee, who.message);
  assert.equal(await invitee.getByLabel(T.email, { exact: true }).inputValue(), who.email, 'e-mail field not prefilled');
  await checker.check(t, invitee, { lang, name: 'invitation' });

  await invitee.getByLabel(T.yourName, { exact: true }).fill(who.name);
  await invitee.getByRole('button', { name: T.join, exact: true }).click();
  await invitee.waitForURL(`${circleUrl}?done=notice-joined`);
  await expectLang(invitee, lang);
  await expectHeading(invitee, CLIENT);
  await expectText(invitee, T.welcome);
  await checker.check(t, invitee, { lang, name: 'joined' });

  await invitee.getByRole('link', { name: T.tabs.members, exact: true }).click();
  await invitee.waitForURL(`${circleUrl}/members`);
  const seenByInvitee = await memberNames(invitee);
  for (const name of [INVITER, who.name]) {
    assert.ok(seenByInvitee.includes(name), `${name} is not in the member list the new member sees: ${seenByInvitee.join(', ')}`);
  }
  await checker.check(t, invitee, { lang, name: 'new-member-members' });

  // The new member's own circles overview.
  await goto(invitee, `${server.baseUrl}/circles`);
  await expectHeading(invitee, T.myCircles);
  await invitee.getByRole('link', { name: CLIENT, exact: true }).waitFor();
  await checker.check(t, invitee, { lang, name: 'new-member-circles' });

  // Ans sees the new member too, and looks at settings and her account.
  await goto(ansPage, `${circleUrl}/members`);
  const seenByAns = await memberNames(ansPage);
  assert.ok(seenByAns.includes(who.name), `${who.name} is not in the member list Ans sees: ${seenByAns.join(', ')}`);
  const memberHref = await ansPage
    .locator('ul.member-list a.member-name', { hasText: who.name })
    .first()
    .getAttribute('href');
  const memberMatch = new RegExp(`^/circles/${circleId}/members/([^/?#]+)$`).exec(memberHref || '');
  assert.ok(memberMatch, `member link of ${who.name} is ${memberHref}`);
  newMembers[lang] = { name: who.name, memberId: memberMatch[1] };

  await goto(ansPage, `${circleUrl}/settings`);
  await expectLang(ansPage, lang);
  await expectHeading(ansPage, CLIENT);
  await checker.check(t, ansPage, { lang, name: 'circle-settings' });

  await goto(ansPage, `${server.baseUrl}/account`);
  await expectHeading(ansPage, T.myAccount);
  await checker.check(t, ansPage, { lang, name: 'account' });

  // The sign-in page, signed out.
  const visitor = await newPage(await newContext(T.locale));
  await goto(visitor, `${server.baseUrl}/sign-in`);
  await expectLang(visitor, lang);
  await expectHeading(visitor, T.signInTitle);
  await checker.check(t, visitor, { lang, name: 'sign-in' });

  // The new member's page, on a phone-sized screen (Ans's session).
  const phone = await newPage(ansContext);
  await phone.setViewportSize(PHONE);
  await goto(phone, `${circleUrl}/members/${newMembers[lang].memberId}`);
  await expectLang(phone, lang);
  await expectHeading(phone, CLIENT);
  await phone.locator('#member-name', { hasText: who.name }).waitFor();
  await phone.locator('dl.facts dd', { hasText: T.volunteer }).first().waitFor();
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `the member page is ${width}px wide on a ${PHONE.width}px screen`);
  await checker.check(t, phone, { lang, name: 'member' });
  await phone.close();
}

test('Dutch: Ans invites a new member, who joins from the e-mail link', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await invitationJourney(t, 'nl');
});

test('English: Ans invites a new member, who joins from the e-mail link', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await invitationJourney(t, 'en');
});

// Guards against a silent no-op: if the app's Content-Security-Policy kept
// axe-core from running, every page above would "pass". Plant two known
// violations into a real page and make sure axe-core reports them.
test('axe-core runs under the app\'s Content-Security-Policy (planted violations are found)', { timeout: TEST_TIMEOUT_MS }, async () => {
  const page = await newPage(await newContext('nl-NL'));
  const response = await goto(page, `${server.baseUrl}/sign-in`);
  assert.ok(response.headers()['content-security-policy'], 'the app sent no Content-Security-Policy');
  await page.evaluate(() => {
    const main = document.querySelector('main');
    const img = document.createElement('img');
    img.src = document.querySelector('link[rel=icon]').href;
    img.id = 'planted-img';
    main.append(img, Object.assign(document.createElement('button'), { id: 'planted-button' }));
  });
  const { violations, passes } = await new AxeBuilder({ page }).analyze();
  const ids = violations.map((v) => v.id);
  assert.ok(passes.length > 10, `axe-core reported only ${passes.length} passing rules`);
  assert.ok(ids.includes('image-alt'), `planted <img> without alt not reported; violations: ${ids.join(', ')}`);
  assert.ok(ids.includes('button-name'), `planted empty <button> not reported; violations: ${ids.join(', ')}`);
});
