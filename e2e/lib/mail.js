'use strict';
// Reads the e-mails that samenspel writes as .eml files into <data-dir>/mail/
// when no SMTP server is configured.

const fs = require('node:fs');
const path = require('node:path');

const POLL_INTERVAL_MS = 100;
const MAIL_TIMEOUT_MS = 15_000;

function decodeQuotedPrintable(text) {
  const withoutSoftBreaks = text.replace(/=\r?\n/g, '');
  const bytes = [];
  for (let i = 0; i < withoutSoftBreaks.length; i++) {
    const ch = withoutSoftBreaks[i];
    const hex = withoutSoftBreaks.slice(i + 1, i + 3);
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(ch, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Splits a raw MIME entity into its (unfolded) headers and its body. */
function splitEntity(raw) {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : '';
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

/** Returns the decoded text of every text/* part of a message. */
function textParts(raw) {
  const { headers, body } = splitEntity(raw);
  const type = headers['content-type'] || 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type);
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body.split(new RegExp(`\\r?\\n?--${boundary[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?\\s*\\r?\\n`));
    return parts.slice(1).flatMap((part) => (part.trim() ? textParts(part) : []));
  }
  if (!/^text\//i.test(type)) return [];
  const encoding = (headers['content-transfer-encoding'] || '7bit').toLowerCase();
  let text = body;
  if (encoding === 'quoted-printable') text = decodeQuotedPrintable(body);
  else if (encoding === 'base64') text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return [{ type: type.split(';')[0].toLowerCase(), text }];
}

/** Parses one .eml file: { file, headers, text } where text joins all decoded text parts. */
function readMail(file) {
  const raw = fs.readFileSync(file, 'utf8');
  const { headers } = splitEntity(raw);
  const parts = textParts(raw);
  return { file, headers, parts, text: parts.map((p) => p.text).join('\n') };
}

/**
 * Polls `mailDir` until an e-mail addressed to `address` whose decoded text
 * matches `pattern` appears. Returns the parsed mail and the first match.
 */
async function waitForMail(mailDir, address, pattern, { timeoutMs = MAIL_TIMEOUT_MS } = {}) {
  const deadline = Date.now() + timeoutMs;
  const seen = [];
  for (;;) {
    const files = fs.existsSync(mailDir)
      ? fs.readdirSync(mailDir).filter((f) => f.endsWith('.eml')).sort()
      : [];
    for (const name of files) {
      const mail = readMail(path.join(mailDir, name));
      const to = mail.headers.to || '';
      if (!to.toLowerCase().includes(address.toLowerCase())) continue;
      const match = pattern.exec(mail.text);
      if (match) return { mail, match };
      seen.push(name);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `No e-mail to ${address} matching ${pattern} in ${mailDir} within ${timeoutMs} ms ` +
          `(files there: ${files.join(', ') || 'none'}; to that address without a match: ${[...new Set(seen)].join(', ') || 'none'})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

module.exports = { waitForMail, readMail, decodeQuotedPrintable };
