'use strict';
// The installable app and push notifications in headless Chromium (Dutch),
// in the circle of Henk de Vries. Thijs Bakker (volunteer) on a phone
// (390×844, isMobile, hasTouch) with the notification permission granted.
//
// 1. The service worker registers at /sw.js with scope /, the manifest is
//    valid (name Samenspel, start_url /circles, standalone, its icons load
//    as PNG, one maskable).
// 2. On Mijn account, "Aanzetten op dit apparaat" appears (push.js shows it
//    only where push works). Headless Chromium has no push service of its
//    own, so the suite plays one: a small HTTP server on 127.0.0.1 with a
//    P-256 key pair and auth secret, handed in through the same form
//    push.js submits after `pushManager.subscribe`. The device list shows
//    the browser ("Chrome · Linux").
// 3. Thijs turns on immediate notifications without quiet hours for the
//    circle. Ans writes a concern through the API; the demo's worker sends a
//    push to the suite's push service, which decrypts it (RFC 8291, with
//    node:crypto) and hands the plaintext to the service worker with CDP
//    (ServiceWorker.deliverPushMessage). The notification reads "Samenspel" /
//    "Nieuw in de kring van Henk" and carries none of the concern's text.
// 4. Offline (context.setOffline): reloading the overview Thijs saw shows
//    the kept copy with "Je bent offline — dit is wat je het laatst zag (…)";
//    a page he never opened shows the offline page.
// 5. Thijs removes the device on Mijn account.

const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const http = require('node:http');
const path = require('node:path');
const { test, before, after } = require('node:test');

const { createJourney, PHONE } = require('../lib/journey');

const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts', 'push');
const TEST_TIMEOUT_MS = 180_000;

const CLIENT = 'Henk de Vries';
const CARER = 'Ans de Vries';
const VOLUNTEER = 'Thijs Bakker';
const CONCERN = `Henk at vanmiddag bijna niets (${crypto.randomBytes(2).toString('hex')})`;

const T = {
  signInButton: 'Inloggen',
  myCircles: 'Mijn kringen',
  myAccount: 'Mijn account',
  tokensHeading: 'Sleutels voor koppelingen (API)',
  makeToken: 'Sleutel maken',
  save: 'Opslaan',
  notificationsSaved: 'Je meldingen zijn opgeslagen.',
  devicesHeading: 'Meldingen op je telefoon of computer',
  enable: 'Aanzetten op dit apparaat',
  added: 'Meldingen staan aan op dit apparaat.',
  removed: 'Het apparaat krijgt geen meldingen meer.',
  remove: 'Weghalen',
  pushBody: 'Nieuw in de kring van Henk',
  offline: 'Je bent offline — dit is wat je het laatst zag',
  offlineTitle: 'Je bent offline',
};

const journey = createJourney({ artifactsDir: ARTIFACTS, client: CLIENT, texts: T });
const { url, circlePath, goto, expectHeading, check, signIn, pageOf, makeToken, api } = journey;

/** The suite's push service: keeps what it receives, answers 201. */
function startPushService() {
  const received = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url, headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(201).end();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, received, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

/** RFC 8291 §3.4 / RFC 8188 from the browser's side, one record. */
function decrypt(body, ecdh, auth) {
  const salt = body.subarray(0, 16);
  const idlen = body[20];
  const keyId = body.subarray(21, 21 + idlen);
  const sealed = body.subarray(21 + idlen);
  const secret = ecdh.computeSecret(keyId);
  const info = Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), keyId]);
  const ikm = Buffer.from(crypto.hkdfSync('sha256', secret, auth, info, 32));
  const cek = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = crypto.createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  let end = plain.length;
  while (end > 0 && plain[end - 1] === 0) end -= 1;
  assert.equal(plain[end - 1], 2, 'the last record ends with the delimiter 2');
  return plain.subarray(0, end - 1).toString('utf8');
}

async function until(what, fn, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    assert.ok(Date.now() < deadline, `waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const state = {};

before(async () => {
  await journey.start();
  state.push = await startPushService();
  state.ecdh = crypto.createECDH('prime256v1');
  state.ecdh.generateKeys();
  state.auth = crypto.randomBytes(16);
});

after(async () => {
  if (state.push) state.push.server.close();
  await journey.stop();
});

test('push journey', { timeout: TEST_TIMEOUT_MS }, async (t) => {
  await t.test('Thijs signs in on a phone; the service worker and manifest are there', async (t) => {
    const { page } = await signIn(t, VOLUNTEER, PHONE, 'thijs', {
      isMobile: true,
      hasTouch: true,
      permissions: ['notifications'],
    });
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, url('/'));
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]').href;
      const m = await (await fetch(href)).json();
      const icons = [];
      for (const icon of m.icons) {
        const r = await fetch(icon.src);
        icons.push({ purpose: icon.purpose, status: r.status, type: r.headers.get('content-type') });
      }
      return { ...m, loaded: icons };
    });
    assert.equal(manifest.name, 'Samenspel');
    assert.equal(manifest.start_url, '/circles');
    assert.equal(manifest.display, 'standalone');
    for (const icon of manifest.loaded) assert.deepEqual([icon.status, icon.type], [200, 'image/png']);
    assert.ok(manifest.loaded.some((i) => i.purpose === 'maskable'), 'a maskable icon');
  });

  await t.test('Thijs turns push on for this phone; the account page lists it', async (t) => {
    const page = pageOf(VOLUNTEER);
    await goto(page, '/account');
    const section = page.getByRole('region', { name: T.devicesHeading });
    await section.getByRole('button', { name: T.enable }).waitFor();
    // What push.js sends after pushManager.subscribe, with the suite's service and keys.
    await page.evaluate(
      ({ endpoint, p256dh, auth }) => {
        const form = document.getElementById('push-subscribe');
        form.elements.endpoint.value = endpoint;
        form.elements.p256dh.value = p256dh;
        form.elements.auth.value = auth;
        form.submit();
      },
      {
        endpoint: `${state.push.origin}/push/thijs`,
        p256dh: state.ecdh.getPublicKey().toString('base64url'),
        auth: state.auth.toString('base64url'),
      },
    );
    await page.waitForURL(url('/account?done=push-added#push'));
    await page.getByText(T.added, { exact: true }).waitFor();
    await section.getByText('Chrome · Linux', { exact: true }).waitFor();
    await check(t, page, 'account-push-device');

    // Immediate notifications, push on, no quiet hours (the checks then mean the same at any hour).
    await goto(page, circlePath('/notifications'));
    await page.locator('#immediate').check();
    await page.locator('#push').check();
    await page.locator('#quiet_from').fill('');
    await page.locator('#quiet_until').fill('');
    await page.getByRole('button', { name: T.save, exact: true }).click();
    await page.getByText(T.notificationsSaved, { exact: true }).waitFor();
    assert.ok(await page.locator('#push').isChecked());
  });

  await t.test('Thijs opens the overview while online', async () => {
    const page = pageOf(VOLUNTEER);
    await goto(page, circlePath());
    await expectHeading(page, CLIENT);
    // The worker keeps it in the background: wait until it is in the cache.
    await until('the overview in the cache', () =>
      page.evaluate(async (p) => Boolean(await (await caches.open('pages')).match(p)), url(circlePath())),
    );
  });

  await t.test('a concern from Ans reaches Thijs as a push without its content', async (t) => {
    const { page } = await signIn(t, CARER, PHONE, 'ans', {}, { checked: false });
    const token = await makeToken(t, page, { name: 'push', slug: 'ans' });
    const written = await api(token, `/circles/${circlePath().split('/')[2]}/entries`, {
      method: 'POST',
      body: { kind: 'concern', audience: 'circle', body: CONCERN },
    });
    assert.equal(written.status, 201, written.text);

    const message = await until('a push for Thijs', () => state.push.received.find((m) => m.path === '/push/thijs'));
    assert.equal(message.headers['content-encoding'], 'aes128gcm');
    assert.match(message.headers.authorization, /^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
    const text = decrypt(message.body, state.ecdh, state.auth);
    const payload = JSON.parse(text);
    assert.equal(payload.title, 'Samenspel');
    assert.equal(payload.body, T.pushBody);
    for (const secret of [CONCERN, 'bijna niets', 'de Vries', 'Ans']) {
      assert.ok(!text.includes(secret), `the push carries no client data: ${text}`);
    }

    // Deliver it to Thijs's service worker, as a push service would.
    const thijs = pageOf(VOLUNTEER);
    const cdp = await thijs.context().newCDPSession(thijs);
    const registration = new Promise((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const r = registrations.find((x) => x.scopeURL === url('/') && !x.isDeleted);
        if (r) resolve(r.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const registrationId = await registration;
    const notifications = () =>
      thijs.evaluate(async () => {
        const list = await (await navigator.serviceWorker.ready).getNotifications();
        return list.length ? list.map((n) => ({ title: n.title, body: n.body, url: n.data && n.data.url })) : null;
      });
    // A push service retries a message the worker did not take (a worker that is starting on a
    // busy machine can miss one); so does the suite. The payload's tag makes a repeat replace
    // the notification rather than add one, which the count below checks.
    let shown = null;
    for (let attempt = 1; !shown; attempt += 1) {
      await cdp.send('ServiceWorker.deliverPushMessage', { origin: url(''), registrationId, data: text });
      try {
        shown = await until('the notification', notifications, 5_000);
      } catch (error) {
        if (attempt >= 4) throw error;
      }
    }
    assert.equal(shown.length, 1);
    assert.equal(shown[0].title, 'Samenspel');
    assert.equal(shown[0].body, T.pushBody);
    assert.ok(shown[0].url.startsWith(circlePath()), `opens ${shown[0].url}`);
    await cdp.detach();
  });

  await t.test('offline, the overview Thijs saw is shown with a notice', async (t) => {
    const page = pageOf(VOLUNTEER);
    await goto(page, circlePath());
    await page.context().setOffline(true);
    try {
      await page.reload({ waitUntil: 'load' });
      const notice = page.locator('#offline-notice');
      await notice.waitFor();
      assert.match(await notice.innerText(), new RegExp(`^${T.offline} \\(.+\\)\\.$`));
      await expectHeading(page, CLIENT);
      await check(t, page, 'overview-offline');
      // A page he never opened: the offline page.
      await page.goto(url(circlePath('/agreements')), { waitUntil: 'load' });
      await expectHeading(page, T.offlineTitle);
    } finally {
      await page.context().setOffline(false);
    }
  });

  await t.test('Thijs removes the device', async () => {
    const page = pageOf(VOLUNTEER);
    await goto(page, '/account');
    const section = page.getByRole('region', { name: T.devicesHeading });
    await section.getByRole('button', { name: new RegExp(`^${T.remove}`) }).click();
    await page.waitForURL(url('/account?done=push-removed#push'));
    await page.getByText(T.removed, { exact: true }).waitFor();
    assert.equal(await section.getByRole('button', { name: new RegExp(`^${T.remove}`) }).count(), 0);
  });
});
