'use strict';
// Starts `samenspel demo` in a fresh temporary data directory and reads what it
// prints on stdout: the demo people's one-time sign-in links and, last, the
// "listening" line that says the server is ready.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');

const E2E_DIR = path.resolve(__dirname, '..');
const DEFAULT_BIN = path.resolve(E2E_DIR, '..', 'target', 'debug', 'samenspel');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

function binaryPath() {
  const bin = process.env.SAMENSPEL_BIN
    ? path.resolve(E2E_DIR, process.env.SAMENSPEL_BIN)
    : DEFAULT_BIN;
  if (!fs.existsSync(bin)) {
    throw new Error(
      `Samenspel binary not found at ${bin}. Build it with \`cargo build\` ` +
        'or point SAMENSPEL_BIN at it.',
    );
  }
  return bin;
}

// samenspel refuses unknown SAMENSPEL_* settings in its environment, and
// SAMENSPEL_BIN is the suite's own: leave it out of the server's environment.
function serverEnv(publicUrl) {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.SAMENSPEL_BIN;
  if (publicUrl) env.SAMENSPEL_PUBLIC_URL = publicUrl;
  return env;
}

/**
 * Starts the demo server. Resolves with
 *   { baseUrl, dataDir, mailDir, links: Map<name, url>, logFile, stop() }
 * once the server printed "Samenspel listening on ...". `bind` is the
 * address to listen on (a free port by default); `publicUrl` the address
 * people reach it at (SAMENSPEL_PUBLIC_URL), which is then the baseUrl —
 * for passkeys, which browsers offer to a name such as localhost only.
 */
async function startDemoServer({ logFile, bind = '127.0.0.1:0', publicUrl = null } = {}) {
  const bin = binaryPath();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspel-e2e-'));
  const child = spawn(bin, ['demo', '--bind', bind, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: serverEnv(publicUrl),
  });

  // Logs (stderr) and stdout go to a file so a failing run can be read later.
  const log = logFile ? fs.createWriteStream(logFile) : null;
  child.stderr.on('data', (chunk) => log && log.write(chunk));

  const links = new Map();
  const stdoutLines = [];
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });

  const baseUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new Error(
          `samenspel did not print its "listening" line within ${START_TIMEOUT_MS} ms.\n` +
            `stdout so far:\n${stdoutLines.join('\n')}`,
        ),
      );
    }, START_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    exitPromise.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(
        new Error(
          `samenspel exited before it was ready (code ${code}, signal ${signal}).\n` +
            `stdout:\n${stdoutLines.join('\n')}` +
            (logFile ? `\nstderr is in ${logFile}` : ''),
        ),
      );
    });

    const rl = readline.createInterface({ input: child.stdout });
    rl.on('line', (line) => {
      stdoutLines.push(line);
      if (log) log.write(`[stdout] ${line}\n`);
      // "  Ans de Vries       http://127.0.0.1:41234/sign-in/link/TOKEN"
      const person = /^\s+(\S.*?)\s+(https?:\/\/\S+\/sign-in\/link\/\S+)\s*$/.exec(line);
      if (person) {
        links.set(person[1], person[2]);
        return;
      }
      const ready = /Samenspel listening on (https?:\/\/\S+)/.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve((publicUrl || ready[1]).replace(/\/$/, ''));
      }
    });
  }).catch(async (err) => {
    if (!exited) {
      child.kill('SIGKILL');
      await exitPromise;
    }
    if (log) log.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });

  async function stop() {
    if (exited) return exited;
    child.kill('SIGTERM');
    // Cleared once the server is gone: a pending timer would keep the test
    // process alive for the full STOP_TIMEOUT_MS after the last test.
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(resolve, STOP_TIMEOUT_MS, 'timeout');
    });
    const result = await Promise.race([exitPromise, timeout]);
    clearTimeout(timer);
    if (result === 'timeout') {
      child.kill('SIGKILL');
      await exitPromise;
    }
    if (log) await new Promise((resolve) => log.end(resolve));
    return exited;
  }

  return {
    baseUrl,
    dataDir,
    mailDir: path.join(dataDir, 'mail'),
    links,
    logFile,
    stop,
  };
}

module.exports = { startDemoServer };
