'use strict';
// The helpers of the journeys on a phone (390×844, isMobile, hasTouch) in
// one circle: the bar at the bottom and its current item, no sideways
// scrolling, the three checks of every page, the overview's "Nieuw voor jou"
// and open shifts, writing with "Schrijf", and inviting someone by e-mail
// who then joins on a phone of their own. `phoneJourney(journey, T)` takes a
// journey from lib/journey.js and the journey's texts:
//
//   T.bar              { overview, logbook, write, agenda, more }: the bar's items
//   T.body, T.post, T.saved            the writing form and its notice
//   T.inviteButton, T.inviteCreated    the invitation form
//   T.invitationTitle, T.email, T.yourName, T.join, T.welcome   joining

const assert = require('node:assert/strict');

const { clean, PHONE } = require('./journey');
const { waitForMail, mailMark } = require('./mail');

/**
 * The Dutch texts the phone journeys share (a journey adds its own with
 * `{ ...TEXTS_NL, … }`); they follow crates/samenspel/locales/nl/.
 */
const TEXTS_NL = {
  signInButton: 'Inloggen',
  myCircles: 'Mijn kringen',
  save: 'Opslaan',
  notificationsSaved: 'Je meldingen zijn opgeslagen.',
  bar: { overview: 'Overzicht', logbook: 'Logboek', write: 'Schrijf', agenda: 'Agenda', more: 'Meer' },
  moreTitle: 'Alles van deze kring',
  invite: 'Uitnodigen',
  inviteButton: 'Uitnodiging maken',
  inviteCreated: 'De uitnodiging is klaar',
  yourName: 'Je naam',
  email: 'E-mailadres',
  join: 'Meedoen',
  welcome: 'Welkom in de kring!',
  forMe: 'Voor jou',
  gaps: 'Diensten die nog iemand nodig hebben',
  newHeading: /^Nieuw voor jou/,
  body: 'Je bericht',
  post: 'Bericht plaatsen',
  saved: 'Je bericht staat in het logboek.',
  kindUpdate: 'Update',
  kindQuestion: 'Vraag',
  signUp: 'Ik kom',
  signedUp: 'Je staat ingeschreven. Dank je wel!',
  yours: 'Jij komt',
  notifications: 'Meldingen per e-mail',
  members: 'Leden',
};

/** A phone's context options (with the PHONE viewport). */
const MOBILE = { isMobile: true, hasTouch: true };

/** `s` as a literal part of a RegExp. */
function esc(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "YYYY-MM-DD" for today plus `days`, in Amsterdam. */
function isoDay(days = 0) {
  const at = new Date(Date.now() + days * 24 * 3600 * 1000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function phoneJourney(journey, T) {
  const { url, circlePath, goto, expectHeading, check, newContext, assertNoSidewaysScroll, bottomBar, setUpSecondFactor } = journey;

  /** The bar at the bottom: visible, the five items, and only `current` marked as the current page. */
  async function assertBar(page, current, where) {
    const bar = await bottomBar(page);
    assert.ok(bar.visible, `the bar at the bottom does not show on the phone (${where})`);
    assert.deepEqual(bar.items, [T.bar.overview, T.bar.logbook, T.bar.write, T.bar.agenda, T.bar.more], `the bar on ${where}`);
    assert.deepEqual(bar.current, [current], `the bar marks ${JSON.stringify(bar.current)} as the current page on ${where}, expected "${current}"`);
    assert.ok(!(await page.locator('nav.tabs').isVisible()), `the tabs show on the phone beside the bar (${where})`);
  }

  /** The elements that reach past the right edge of the phone's window, for messages. */
  async function tooWide(page) {
    return page.evaluate((width) => {
      const out = [];
      for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 0.5 && r.width > 0) {
          const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
          out.push(`${name} (${Math.round(r.left)}–${Math.round(r.right)} px)`);
        }
      }
      return out.slice(0, 8).join(', ');
    }, PHONE.width);
  }

  /** No sideways scrolling; the message names what sticks out. */
  async function assertFits(page, where) {
    try {
      await assertNoSidewaysScroll(page, where);
    } catch (err) {
      throw new assert.AssertionError({ message: `${err.message}; too wide: ${await tooWide(page)}` });
    }
  }

  /** The three checks of every page: the bar, no sideways scrolling, axe-core and screenshots. */
  async function checkPage(t, page, { name, current, where }) {
    await t.test(`${where}: the bar marks "${current}"`, () => assertBar(page, current, where));
    await t.test(`${where}: nothing scrolls sideways`, () => assertFits(page, where));
    await check(t, page, name);
  }

  /** A link in the bar at the bottom. */
  function barLink(page, name) {
    return page.locator('nav.bottom-bar').getByRole('link', { name, exact: true });
  }

  /** Goes to the circle's overview with the bar's "Overzicht". */
  async function toOverview(page) {
    await barLink(page, T.bar.overview).click();
    await page.waitForURL((u) => u.pathname === circlePath());
  }

  /** "Nieuw voor jou": its entry summaries (text, link, new badge, visible). */
  async function readNew(page) {
    return page.locator('section[aria-labelledby="new-heading"] li.entry-summary').evaluateAll((lis) =>
      lis.map((li) => {
        const a = li.querySelector('a.entry-link');
        return {
          text: (a.textContent || '').replace(/\s+/g, ' ').trim(),
          href: a.getAttribute('href'),
          isNew: Boolean(li.querySelector('.badge.new')),
          visible: li.getClientRects().length > 0 && getComputedStyle(li).display !== 'none',
        };
      }),
    );
  }

  /** The unread count next to "Nieuw voor jou" (0 without a badge). */
  async function unreadBadge(page) {
    const badge = page.locator('#new-heading .count-badge');
    if ((await badge.count()) === 0) return 0;
    const text = clean(await badge.textContent());
    return text.startsWith('99+') ? 100 : parseInt(text, 10);
  }

  /** The overview's open shifts (`section.gaps`): each time's link, title and "Ik kom" buttons; null without them. */
  async function readGaps(page) {
    return page.evaluate(() => {
      const c = (s) => (s || '').replace(/\s+/g, ' ').trim();
      const section = document.querySelector('section.gaps');
      if (!section) return null;
      return [...section.querySelectorAll('li.slot')].map((li) => {
        const a = li.querySelector('a');
        return { href: a.getAttribute('href'), title: c(a.textContent), text: c(li.querySelector('p').textContent), buttons: [...li.querySelectorAll('button')].map((b) => c(b.textContent)) };
      });
    });
  }

  /** Writes a message with "Schrijf" in the bar (the form is checked as `write-<slug>`); returns the entry's path. */
  async function writeWithBar(t, page, { kind, kindLabel, text, slug }) {
    await barLink(page, T.bar.write).click();
    await page.waitForURL((u) => u.pathname === circlePath('/logbook/new'));
    await page.getByLabel(T.body, { exact: true }).waitFor();
    await checkPage(t, page, { name: `write-${slug}`, current: T.bar.write, where: 'the writing form' });
    if (kind !== 'update') {
      await page.locator(`#kind-${kind}`).check();
    }
    assert.ok(await page.locator(`#kind-${kind}`).isChecked(), `"${kindLabel}" is not chosen`);
    assert.ok(await page.locator('#audience-circle').isChecked(), 'the audience is not "iedereen in de kring" by default');
    await page.getByLabel(T.body, { exact: true }).fill(text);
    await page.getByRole('button', { name: T.post, exact: true }).click();
    await page.waitForURL(/\/logbook\/[^/?#]+\?done=notice-entry-saved$/);
    await page.getByText(T.saved, { exact: true }).waitFor();
    const entry = page.locator('article.entry').first();
    assert.equal(clean(await entry.locator('.entry-body').innerText()), text, 'the entry page shows another text');
    return new URL(page.url()).pathname;
  }

  /**
   * Fills in the invitation form (the page is on it) for `who` ({ email,
   * role, relation, name }) and waits for the e-mail; returns the link in it
   * (the one the page shows, too).
   */
  async function inviteByMail(page, who, message) {
    await page.locator('#email').fill(who.email);
    await page.locator('#role').selectOption(who.role);
    await page.locator('#relation').fill(who.relation);
    await page.locator('#message').fill(message);
    const mark = mailMark(journey.server);
    await page.getByRole('button', { name: T.inviteButton, exact: true }).click();
    await expectHeading(page, T.inviteCreated, 2);
    const shown = await page.locator('#invite-link').inputValue();
    const linkPattern = new RegExp(`${esc(journey.server.baseUrl)}/invitations/[A-Za-z0-9_-]+`);
    const { match } = await waitForMail(journey.server, { what: `the invitation e-mail for the ${who.slug}`, to: who.email, match: linkPattern, since: mark });
    assert.equal(match[0], shown, 'the link in the e-mail differs from the one shown to the inviter');
    return match[0];
  }

  /**
   * `who` opens `link` on a phone of their own (signed out), sees the
   * invitation (`heading`) with their address filled in, joins with their
   * name and lands on the overview with its welcome. The invitation page and
   * the overview are checked. Returns the page.
   */
  async function joinOnPhone(t, who, link, { heading, client }) {
    const context = await newContext(PHONE, MOBILE);
    const page = await context.newPage();
    await goto(page, link);
    await expectHeading(page, heading);
    await t.test('the invitation page has the e-mail address filled in and does not scroll sideways', async () => {
      assert.equal(await page.getByLabel(T.email, { exact: true }).inputValue(), who.email);
      await assertFits(page, 'the invitation page');
    });
    await check(t, page, `invitation-${who.slug}`);
    await page.getByLabel(T.yourName, { exact: true }).fill(who.name);
    await page.getByRole('button', { name: T.join, exact: true }).click();
    const joined = circlePath('?done=notice-joined');
    // A coordinator or professional sets up a second factor before anything else (issue 15).
    await page.waitForURL((u) => `${u.pathname}${u.search}` === joined || u.pathname === '/account/second-factor');
    if (new URL(page.url()).pathname === '/account/second-factor') {
      await setUpSecondFactor(page, t, who.slug);
      await goto(page, joined);
    }
    await expectHeading(page, client);
    await page.getByText(T.welcome, { exact: true }).waitFor();
    await checkPage(t, page, { name: `joined-${who.slug}`, current: T.bar.overview, where: `the overview the ${who.slug} lands on` });
    return page;
  }

  return { assertBar, assertFits, checkPage, barLink, toOverview, readNew, unreadBadge, readGaps, writeWithBar, inviteByMail, joinOnPhone };
}

module.exports = { phoneJourney, TEXTS_NL, MOBILE, esc, isoDay };
