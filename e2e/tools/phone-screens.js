'use strict';
// Screenshots of what a demo person sees on a phone (390 × 844), full page,
// with each page's height: for comparing a layout before and after a change.
//
//   node tools/phone-screens.js <out-dir> ["Demo Person"] [width]
//
// Starts `samenspel demo` (target/debug/samenspel, or SAMENSPEL_BIN) in a
// fresh data directory and stops it afterwards.

const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { startDemoServer } = require('../lib/server');

async function main() {
  const out = path.resolve(process.argv[2] || 'artifacts/phone');
  const person = process.argv[3] || 'Ans de Vries';
  const width = Number(process.argv[4] || 390);
  fs.mkdirSync(out, { recursive: true });
  const server = await startDemoServer({ logFile: path.join(out, 'server.log') });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width, height: 844 }, isMobile: true, hasTouch: true, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(server.links.get(person));
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.waitForURL(`${server.baseUrl}/circles`);
    const circle = await page.locator('main a[href^="/circles/"]').first().getAttribute('href');
    const pages = ['/circles', circle, `${circle}/agenda`, `${circle}/logbook`, `${circle}/network`, `${circle}/members`, `${circle}/check-in`, `${circle}/more`];
    const rows = [];
    for (const p of pages) {
      const r = await page.goto(`${server.baseUrl}${p}`);
      if (!r || r.status() !== 200) {
        rows.push({ page: p, status: r && r.status() });
        continue;
      }
      const size = await page.evaluate(() => ({
        height: document.documentElement.scrollHeight,
        sideways: document.documentElement.scrollWidth > window.innerWidth,
        mainTop: Math.round(document.querySelector('main h2, main .card, main table')?.getBoundingClientRect().top ?? 0),
      }));
      const name = p.replace(circle, '/circle').replace(/\//g, '_').replace(/^_/, '') || 'root';
      await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
      rows.push({ page: p.replace(circle, '/circles/{id}'), status: 200, ...size });
    }
    console.table(rows);
    fs.writeFileSync(path.join(out, 'sizes.json'), JSON.stringify(rows, null, 2));
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
