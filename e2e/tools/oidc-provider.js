'use strict';
// A real OpenID provider on this machine for the single sign-on journey:
// `oidc-provider` (panva's certified implementation, version 8.x, which
// supports Node.js 20) on 127.0.0.1, with one confidential client for
// Samenspel and the package's own development login and consent pages
// (`devInteractions`). Whoever types a login there is signed in as that
// login: the ID token and userinfo say `{ sub, email, email_verified: true,
// name }` with `email` = the login. A login that starts with
// `unverified:` gives `email_verified: false` for the address after it.
//
//   node tools/oidc-provider.js <samenspel-address> [port]
//
// starts it by hand for a Samenspel at <samenspel-address> (e.g.
// http://127.0.0.1:8080) and prints the settings to give Samenspel
// (SAMENSPEL_SSO_ISSUER and the rest). A test requires it and calls
// `startOidcProvider`; `freePort` picks the provider's port before
// Samenspel starts (Samenspel needs the issuer, the provider needs
// Samenspel's callback).

const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');

const CLIENT_ID = 'samenspel';

/** A port on 127.0.0.1 that nothing listens on just now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Samenspel's settings for a provider on `port` (SAMENSPEL_SSO_*): known
 * before the provider starts, so Samenspel can start first.
 */
function samenspelEnv({ port, clientSecret, label = 'Zorggroep Oost' }) {
  return {
    SAMENSPEL_SSO_ISSUER: `http://127.0.0.1:${port}`,
    SAMENSPEL_SSO_CLIENT_ID: CLIENT_ID,
    SAMENSPEL_SSO_CLIENT_SECRET: clientSecret,
    SAMENSPEL_SSO_LABEL: label,
  };
}

/** The claims of a login typed at the provider (see the header). */
function claimsOf(login) {
  const unverified = login.startsWith('unverified:');
  const email = unverified ? login.slice('unverified:'.length) : login;
  const local = email.split('@')[0] || email;
  const name = local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
  return { sub: login, email, email_verified: !unverified, name: name || email };
}

/**
 * Starts the provider. Options:
 *
 *   port                    where to listen (0: any free port)
 *   samenspel               Samenspel's address (its public URL, no slash at
 *                           the end): the callback and the page after signing
 *                           out are registered for it
 *   clientSecret            the client's secret (random when left out)
 *   conformIdTokenClaims    oidc-provider's setting (default true, as OpenID
 *                           Connect Core 5.4 says): in the code flow the
 *                           email and profile claims are then only at the
 *                           userinfo endpoint, not in the ID token
 *   keys                    the signing keys (a JWK set; new when left out:
 *                           pass `provider.keys` to a restarted provider so
 *                           the tokens it signs still verify)
 *   logFile                 where the provider's events go (one line each)
 *
 * Resolves with { issuer, port, clientId, clientSecret, env, keys, events,
 * requests, held, holdNextReturn(), stop() }: `env` holds Samenspel's
 * SAMENSPEL_SSO_* settings, `events` the provider's events ({ name, ... }),
 * `requests` every request it answered ({ method, path, query, status,
 * authorization: the scheme of the Authorization header; for the token
 * endpoint also `body`, what was sent, and `idToken`, the payload of the ID
 * token it issued}). After `holdNextReturn()` the next redirect to
 * Samenspel's callback is not sent: the browser gets a page with the link
 * `a#held-callback` instead, and the address is added to `held`.
 */
async function startOidcProvider({
  port = 0,
  samenspel,
  label = 'Zorggroep Oost',
  clientSecret = crypto.randomBytes(24).toString('base64url'),
  conformIdTokenClaims = true,
  keys,
  logFile,
} = {}) {
  if (!samenspel) throw new Error('startOidcProvider needs Samenspel\'s address (samenspel)');
  const { default: Provider } = await import('oidc-provider');
  const server = http.createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actualPort = server.address().port;
  const issuer = `http://127.0.0.1:${actualPort}`;

  const jwks = keys || { keys: [{ ...crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'e2e-rs256', alg: 'RS256', use: 'sig' }] };
  const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
  const events = [];
  const requests = [];
  const note = (name, detail = {}) => {
    const event = { name, at: new Date().toISOString(), ...detail };
    events.push(event);
    if (log) log.write(`${JSON.stringify(event)}\n`);
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: clientSecret,
        client_name: 'Samenspel',
        redirect_uris: [`${samenspel}/sign-in/sso/callback`],
        post_logout_redirect_uris: [`${samenspel}/sign-in`],
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks,
    cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
    // A code flow without PKCE is refused; only S256.
    pkce: { methods: ['S256'], required: () => true },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    conformIdTokenClaims,
    // Seconds (numbers rather than the package's defaults, which it asks to change).
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    async findAccount(ctx, id) {
      const claims = claimsOf(id);
      return { accountId: id, claims: async () => claims };
    },
    // The development pages and their errors, rather than a stack trace.
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = `<!DOCTYPE html><html lang="en"><head><title>oidc-provider error</title></head><body><h1>${out.error}</h1><p>${out.error_description || ''}</p></body></html>`;
    },
  });

  // "Hold the next way back": the provider's next redirect to Samenspel's
  // callback is answered with a page that only links to it, so a test has a
  // genuine, unused code and state (a browser cannot intercept a redirect).
  const held = [];
  let holding = 0;
  const callback = `${samenspel}/sign-in/sso/callback`;
  provider.use(async (ctx, next) => {
    await next();
    const to = ctx.response.get('location');
    if (holding > 0 && ctx.status >= 300 && ctx.status < 400 && to.startsWith(callback)) {
      holding -= 1;
      held.push(to);
      ctx.remove('location');
      ctx.status = 200;
      ctx.type = 'html';
      const safe = to.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
      ctx.body = `<!DOCTYPE html><html lang="en"><head><title>Held</title></head><body><p><a id="held-callback" href="${safe}">Back to Samenspel</a></p></body></html>`;
    }
  });

  // Every request, with what the token endpoint was sent (how the client
  // authenticated, whether a PKCE verifier came along): Samenspel's own
  // requests do not pass through the browser.
  provider.use(async (ctx, next) => {
    const entry = {
      method: ctx.method,
      path: ctx.path,
      query: { ...ctx.query },
      authorization: (ctx.get('authorization') || '').split(' ')[0],
    };
    requests.push(entry);
    await next();
    entry.status = ctx.status;
    if (ctx.path === '/token' && ctx.oidc && ctx.oidc.params) {
      const p = ctx.oidc.params;
      entry.body = {
        grant_type: p.grant_type,
        code_verifier: p.code_verifier ? `${p.code_verifier.length} characters` : undefined,
        redirect_uri: p.redirect_uri,
        client_secret_in_body: Boolean(p.client_secret),
      };
      const idToken = ctx.body && ctx.body.id_token;
      if (idToken) entry.idToken = JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url').toString('utf8'));
    }
    if (log) {
      const line = { request: `${entry.method} ${entry.path}`, status: entry.status, authorization: entry.authorization || undefined };
      if (entry.idToken) line.idTokenClaims = Object.keys(entry.idToken);
      log.write(`${JSON.stringify(line)}\n`);
    }
  });
  for (const name of [
    'authorization.accepted',
    'authorization.error',
    'authorization.success',
    'grant.success',
    'grant.error',
    'end_session.success',
    'end_session.error',
    'interaction.started',
    'interaction.ended',
    'userinfo.error',
    'server_error',
  ]) {
    provider.on(name, (ctx, arg) => {
      const err = arg instanceof Error ? arg : null;
      note(name, {
        path: ctx && ctx.path,
        error: err ? `${err.error || err.name}: ${err.error_description || err.message}` : undefined,
      });
    });
  }

  server.on('request', provider.callback());
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function stop() {
    await new Promise((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
    if (log) await new Promise((resolve) => log.end(resolve));
  }

  return {
    issuer,
    port: actualPort,
    clientId: CLIENT_ID,
    clientSecret,
    keys: jwks,
    env: samenspelEnv({ port: actualPort, clientSecret, label }),
    events,
    requests,
    held,
    holdNextReturn() {
      holding += 1;
    },
    stop,
  };
}

module.exports = { startOidcProvider, samenspelEnv, freePort, claimsOf, CLIENT_ID };

if (require.main === module) {
  const samenspel = (process.argv[2] || '').replace(/\/$/, '');
  if (!samenspel) {
    console.error('usage: node tools/oidc-provider.js <samenspel-address> [port]');
    process.exit(2);
  }
  startOidcProvider({ samenspel, port: Number(process.argv[3] || 0) }).then(
    (p) => {
      console.log(`oidc-provider listening on ${p.issuer}; sign in with any e-mail address as the login.`);
      for (const [k, v] of Object.entries(p.env)) console.log(`${k}=${v}`);
      const quit = () => p.stop().then(() => process.exit(0));
      process.on('SIGINT', quit);
      process.on('SIGTERM', quit);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
