'use strict';
// What happens on every page the journey visits: a full-page screenshot and an
// axe-core run at each of the two viewport sizes. Violations with impact
// "serious" or "critical" fail a subtest named after the page; the journey
// itself goes on, so one run reports the problems of every page.

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { AxeBuilder } = require('@axe-core/playwright');

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

function formatViolation(v) {
  const nodes = v.nodes
    .map((n) => {
      const summary = (n.failureSummary || '').replace(/\n/g, '\n        ');
      return `    - target: ${n.target.join(' ')}\n      html:   ${n.html}\n      why:    ${summary}`;
    })
    .join('\n');
  return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl}) — seen at ${v.viewports.join(', ')}\n${nodes}`;
}

class PageChecker {
  constructor({ artifactsDir }) {
    this.shotDir = path.join(artifactsDir, 'screenshots');
    this.reportFile = path.join(artifactsDir, 'axe-report.json');
    fs.rmSync(this.shotDir, { recursive: true, force: true });
    fs.mkdirSync(this.shotDir, { recursive: true });
    this.pages = [];
  }

  /**
   * Screenshots and axe-checks `page` at both viewport sizes, then restores
   * its viewport. `t` is the running node:test context; the axe verdict is a
   * subtest of it. Returns the merged violations.
   */
  async check(t, page, { lang, name }) {
    const original = page.viewportSize();
    const byKey = new Map();
    const screenshots = [];
    const overflow = [];
    try {
      for (const vp of VIEWPORTS) {
        await page.setViewportSize(vp);
        const size = `${vp.width}x${vp.height}`;
        const file = path.join(this.shotDir, `${lang}-${size}-${name}.png`);
        await page.screenshot({ path: file, fullPage: true });
        screenshots.push(file);

        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (scrollWidth > vp.width) overflow.push(`${size}: page is ${scrollWidth}px wide`);

        // Only violations are read (of every impact); without resultTypes axe
        // also details every passed and inapplicable check, which costs time.
        const results = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
        for (const v of results.violations) {
          const key = `${v.id}|${v.nodes.map((n) => n.target.join(' ')).join(',')}`;
          if (byKey.has(key)) byKey.get(key).viewports.push(size);
          else byKey.set(key, { ...v, viewports: [size] });
        }
      }
    } finally {
      if (original) await page.setViewportSize(original);
    }

    const violations = [...byKey.values()];
    const blocking = violations.filter((v) => BLOCKING_IMPACTS.has(v.impact));
    const other = violations.filter((v) => !BLOCKING_IMPACTS.has(v.impact));
    this.pages.push({ lang, name, url: page.url(), screenshots, overflow, violations });
    this.writeReport();

    await t.test(`axe-core: ${lang} ${name} (${new URL(page.url()).pathname})`, (st) => {
      for (const o of overflow) st.diagnostic(`horizontal overflow: ${o}`);
      if (other.length) {
        st.diagnostic(`${other.length} moderate/minor violation(s), not failing:\n${other.map(formatViolation).join('\n')}`);
      }
      assert.equal(
        blocking.length,
        0,
        `${blocking.length} serious/critical axe-core violation(s) on ${page.url()}:\n` +
          blocking.map(formatViolation).join('\n'),
      );
    });
    return violations;
  }

  writeReport() {
    const pages = this.pages.map((p) => ({
      ...p,
      violations: p.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        viewports: v.viewports,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
      })),
    }));
    fs.writeFileSync(this.reportFile, JSON.stringify({ pages }, null, 2));
  }
}

module.exports = { PageChecker, VIEWPORTS };
