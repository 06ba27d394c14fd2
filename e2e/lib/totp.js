'use strict';
// Authenticator-app codes (TOTP, RFC 6238 on HOTP, RFC 4226): six digits,
// HMAC-SHA-1, 30-second steps, computed with node's own crypto so the suite
// needs no TOTP package. The secret is read from the set-up page as base32.

const crypto = require('node:crypto');

const STEP_SECONDS = 30;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Base32 (RFC 4648, any case, spaces ignored) to bytes. */
function fromBase32(text) {
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of text.replace(/[\s=]/g, '').toUpperCase()) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(out);
}

/** The six-digit code of `step` for `secret` (bytes). */
function hotp(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hash = crypto.createHmac('sha1', secret).update(counter).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  const binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
  return String(binary % 1_000_000).padStart(6, '0');
}

/**
 * One person's authenticator app. `await code()` gives a code the server takes
 * for at least the next 30 seconds: the server accepts one step either side of
 * its now, each step once, so this hands out the current step or the next one,
 * never the previous one (a code of the previous step is refused as soon as
 * the clock crosses a step while the request is on its way, which made a slow
 * CI machine fail now and then). When both are used, it waits for the next step.
 */
function authenticator(base32Secret) {
  const secret = fromBase32(base32Secret);
  let last = -Infinity;
  return {
    async code() {
      for (;;) {
        const now = Math.floor(Date.now() / 1000 / STEP_SECONDS);
        const step = Math.max(now, last + 1);
        if (step <= now + 1) {
          last = step;
          return hotp(secret, step);
        }
        const nextStepAt = (now + 1) * STEP_SECONDS * 1000;
        await new Promise((resolve) => setTimeout(resolve, nextStepAt - Date.now() + 50));
      }
    },
  };
}

// RFC 4226 Appendix D: the secret "12345678901234567890" gives 755224 at 0.
if (hotp(Buffer.from('12345678901234567890'), 0) !== '755224') throw new Error('TOTP self-check failed');

module.exports = { authenticator, fromBase32, hotp };
