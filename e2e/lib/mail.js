'use strict';
// Reads the e-mails that samenspel writes as .eml files into <data-dir>/mail/
// when no SMTP server is configured (it writes a hidden temporary file and
// renames it, so a reader never sees half a message).
//
// A test that needs an e-mail waits for it with `waitForMail`, which polls the
// folder until a bounded deadline and then fails with what it expected, to
// whom, after how long, and what did arrive. A test that checks that some
// e-mail is NOT sent first waits for one that must be sent after it (a
// positive control), then looks at `mailsSince`: no fixed waits.

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

/** Decodes RFC 2047 encoded words (`=?utf-8?b?…?=`) in a header, for messages. */
function decodeHeader(value) {
  return (value || '')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, _charset, encoding, text) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
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

/**
 * Parses one .eml file: { file, headers, parts, text, to, subject } where
 * text joins all decoded text parts, `to` lists the bare recipient addresses
 * (lower case) and `subject` is decoded.
 */
function readMail(file) {
  const raw = fs.readFileSync(file, 'utf8');
  const { headers } = splitEntity(raw);
  const parts = textParts(raw);
  return {
    file,
    headers,
    parts,
    text: parts.map((p) => p.text).join('\n'),
    to: addresses(headers.to),
    subject: decodeHeader(headers.subject),
  };
}

/** The bare addresses in an address header ("Name <a@b>, c@d"), lower case. */
function addresses(header) {
  return decodeHeader(header)
    .replace(/"(?:[^"\\]|\\.)*"/g, '""') // a quoted name may hold a comma
    .split(',')
    .map((one) => {
      const angle = /<([^>]+)>/.exec(one);
      return (angle ? angle[1] : one).trim().toLowerCase();
    })
    .filter(Boolean);
}

/** Whether `mail` is addressed to `address` (the whole address, any case). */
function isTo(mail, address) {
  return mail.to.includes(address.toLowerCase());
}

/** "to a@b: "subject" (file)", for messages. */
function describeMail(mail) {
  return `to ${mail.to.join(', ') || '(nobody)'}: "${mail.subject}" (${path.basename(mail.file)})`;
}

/** The .eml files in `mailDir` now, oldest first (their names start with the time). */
function mailFiles(mailDir) {
  if (!fs.existsSync(mailDir)) return [];
  return fs.readdirSync(mailDir).filter((f) => f.endsWith('.eml')).sort();
}

/**
 * Remembers which e-mails the server (`{ mailDir }` from startDemoServer) has
 * written so far; pass it as `since` to look only at the ones after it.
 */
function mailMark(server) {
  return { mailDir: server.mailDir, files: new Set(mailFiles(server.mailDir)) };
}

/** Every e-mail written after `mark` (or all, without a mark), parsed, oldest first. */
function mailsSince(server, mark) {
  return mailFiles(server.mailDir)
    .filter((f) => !(mark && mark.files.has(f)))
    .map((f) => readMail(path.join(server.mailDir, f)));
}

/**
 * Polls the server's mail folder until an e-mail to `to` whose decoded text
 * matches `match` (a RegExp, optional) and that was written after `since` (a
 * mailMark, optional) appears; resolves with { mail, match }. Without one
 * after `timeoutMs` it throws an error that says what was expected (`what`,
 * e.g. "the invitation e-mail"), to whom, after how long, and which e-mails
 * did arrive, so the failing test reads as a sentence.
 */
async function waitForMail(server, { what, to, match = null, since = null, timeoutMs = MAIL_TIMEOUT_MS }) {
  if (!what || !to) throw new Error('waitForMail needs { what, to }');
  const started = Date.now();
  const deadline = started + timeoutMs;
  const parsed = new Map(); // file name -> mail; each file is read once
  for (;;) {
    for (const name of mailFiles(server.mailDir)) {
      if ((since && since.files.has(name)) || parsed.has(name)) continue;
      const mail = readMail(path.join(server.mailDir, name));
      parsed.set(name, mail);
      if (!isTo(mail, to)) continue;
      const found = match ? match.exec(mail.text) : [mail.text];
      if (found) return { mail, match: found };
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  const arrived = [...parsed.values()];
  const toThem = arrived.filter((m) => isTo(m, to));
  throw new Error(
    `Expected ${what} to ${to}${match ? ` (text matching ${match})` : ''}, but none arrived within ` +
      `${(timeoutMs / 1000).toFixed(1)} s (waited ${((Date.now() - started) / 1000).toFixed(1)} s).\n` +
      `  ${since ? 'New' : 'All'} e-mails in ${server.mailDir}:` +
      `${arrived.length ? `\n    ${arrived.map(describeMail).join('\n    ')}` : ' none'}\n` +
      (toThem.length ? `  ${toThem.length} of them to ${to}, but without a match.\n` : '') +
      (server.logFile ? `  The server's log: ${server.logFile}` : ''),
  );
}

module.exports = {
  waitForMail,
  mailMark,
  mailsSince,
  isTo,
  describeMail,
  readMail,
  addresses,
  decodeHeader,
  decodeQuotedPrintable,
};
