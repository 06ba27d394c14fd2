// Starting and stopping what every journey needs: the demo server, Debian's
// Chromium (a test tool's own browser download fails on our machines) and
// the page checker, and cleaning up after them.

const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const { startDemoServer } = require('./server');
const { PageChecker } = require('./check');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Starts the demo server and the browser; artifacts go to `artifactsDir`.
 * `serverOptions` are more of startDemoServer's ({ bind, publicUrl }).
 */
async function startJourney(artifactsDir, serverOptions = {}) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const checker = new PageChecker({ artifactsDir });
  const server = await startDemoServer({ logFile: path.join(artifactsDir, 'server.log'), ...serverOptions });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return { checker, server, browser };
}

/**
 * A new browser context (one person's browser). JavaScript and console
 * errors are no failures of a journey but are collected in `problems` and
 * printed at the end; `ignore(text)` leaves out errors a journey causes on
 * purpose. `options` are more of Playwright's context options (e.g.
 * `{ isMobile: true, hasTouch: true }` for a phone).
 */
async function openContext(browser, contexts, problems, { locale, viewport, ignore = () => false, options = {} }) {
  const context = await browser.newContext({ ...options, locale, viewport });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  context.on('page', (page) => {
    page.on('pageerror', (err) => problems.push(`page error on ${page.url()}: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !ignore(msg.text())) problems.push(`console error on ${page.url()}: ${msg.text()}`);
    });
  });
  contexts.push(context);
  return context;
}

/** Closes the contexts and the browser, stops the server, says where the reports are. */
async function stopJourney({ contexts, browser, server, checker, browserProblems }) {
  for (const context of contexts) await context.close().catch(() => {});
  if (browser) await browser.close().catch(() => {});
  if (server) {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
  if (browserProblems.length) {
    console.log(`Browser console errors seen (not failing the suite):\n  ${browserProblems.join('\n  ')}`);
  }
  if (checker) {
    console.log(`axe-core report: ${checker.reportFile}`);
    console.log(`Screenshots: ${checker.shotDir}`);
  }
}

module.exports = { startJourney, stopJourney, openContext };
