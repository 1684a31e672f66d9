// The balance report's page in Chromium: the parts an instructor tunes with are there and
// readable — the score parts table, the quarter-by-quarter charts with bands, the dispute's
// best option by anchor strength with the options never best flagged, the par warning, counts on
// the histograms — nothing runs past the page's edge, and the page asks for nothing from anywhere.
// Screenshot: test-output/browser/balance-report.png.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, playSeed } from '../../src/balance/report';
import { renderHtml } from '../../src/cli/balance-html';
import { loadShipped } from '../support/scenarios';
import { launchChromium } from './chromium';
import { outputDir } from './support';

const SEEDS = 40;

/** 1, 2 or 5 × 10^k. */
function isRound(step: number): boolean {
  const power = 10 ** Math.floor(Math.log10(step) + 1e-9);
  return [1, 2, 5, 10].some((m) => Math.abs(step - m * power) < 1e-9 * step);
}

describe('the balance report in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the score parts, quarter bands, best option by anchor, the par warning and histogram counts, nothing cut', async () => {
    // Par raised past the balanced bot's usual score, so its par rate is far from half.
    const shipped = loadShipped('two-hats');
    const scenario = { ...shipped, scoring: { ...shipped.scoring, par: 92 } };
    const results = Array.from({ length: SEEDS }, (_, i) => playSeed(scenario, i + 1));
    const report = buildReport(scenario, results, { seconds: 1, workers: 1 });
    expect(report.par.far).toBe(true);
    mkdirSync(outputDir, { recursive: true });
    const file = join(outputDir, 'balance-report.html');
    writeFileSync(file, renderHtml(report));

    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url);
    expect(requests).toEqual([url]);

    // Score parts: a row per bot, a column per part with its weight, then the total.
    const parts = page.locator('table.parts');
    await expect.poll(() => parts.count()).toBe(1);
    expect(await parts.locator('thead th').allInnerTexts()).toEqual([
      'bot',
      `Profit (short run)\nweight ${scenario.scoring.weights.profit}`,
      `Revenue (short run)\nweight ${scenario.scoring.weights.revenue}`,
      `Customer equity (long run)\nweight ${scenario.scoring.weights.customerEquity}`,
      `Portfolio health (long run)\nweight ${scenario.scoring.weights.portfolioHealth}`,
      `Collaboration\nweight ${scenario.scoring.weights.collaboration}`,
      'total',
    ]);
    expect(await parts.locator('tbody tr td:first-child').allInnerTexts()).toEqual(report.distributions.map((d) => d.bot));

    // Quarter bands: revenue and profit per bot, each with a shaded band and a median line.
    const charts = page.locator('svg.quarters');
    expect(await charts.count()).toBe(2 * report.distributions.length);
    expect(await page.locator('svg.quarters path[fill-opacity]').count()).toBe(2 * report.distributions.length);
    expect(await page.getByRole('heading', { name: 'Revenue per quarter' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Profit per quarter' }).count()).toBe(1);

    // The dispute: best option by anchor strength, the never-best flagged in words.
    const anchor = page.locator('table.anchor');
    expect(await anchor.count()).toBe(report.dispute!.length);
    for (const [i, d] of report.dispute!.entries()) {
      const flags = await anchor.nth(i).locator('tr.flags td').allInnerTexts();
      expect(flags.filter((t) => t === 'never best')).toHaveLength(d.neverBest.length);
    }
    expect(report.dispute!.some((d) => d.neverBest.length > 0)).toBe(true);
    await expect.poll(() => page.getByText('Never the best option in any band:').count()).toBeGreaterThan(0);

    // Par: the warning in the par section and in the warnings list.
    const parWarning = page.locator('p.par-warning');
    expect(await parWarning.innerText()).toMatch(/^Par is far from about half: the balanced bot reaches it in \d+\.\d% of seeds, outside 35%–65%\. Suggested par: \d+/);
    expect(await page.locator('ul.warnings li').allInnerTexts()).toContainEqual(expect.stringMatching(/^The balanced bot reaches par \(92\) in \d+\.\d% of seeds, far from about half/));

    // Histograms: each bar's count written on it, adding up to the seeds; round ticks.
    const histograms = page.locator('svg.histogram');
    expect(await histograms.count()).toBe(report.distributions.length);
    for (let i = 0; i < report.distributions.length; i++) {
      const counts = (await histograms.nth(i).locator('text.count').allTextContents()).map(Number);
      expect(counts.reduce((s, c) => s + c, 0)).toBe(SEEDS);
      // Two axes of round ticks: counts from 0 up, scores along the bottom, each a multiple of its step (1, 2 or 5 × 10^k).
      const scoreTicks = await histograms.nth(i).locator('text.tick[data-axis="x"]').allTextContents();
      const countTicks = await histograms.nth(i).locator('text.tick[data-axis="y"]').allTextContents();
      for (const axis of [scoreTicks.map(Number), countTicks.map(Number)]) {
        expect(axis.length).toBeGreaterThanOrEqual(2);
        const step = axis[1]! - axis[0]!;
        expect(isRound(step), `${axis}`).toBe(true);
        for (const t of axis) expect(Math.abs(t / step - Math.round(t / step))).toBeLessThan(1e-9);
      }
    }

    // The ideas by name with their definitions.
    expect(await page.locator('dl.ideas dt').allInnerTexts()).toContainEqual(expect.stringMatching(/^Each needs the other \(idea 3\)/));
    expect(await page.locator('dl.ideas dd').first().innerText()).toMatch(/^Sales works on people/);

    // Nothing runs past the page or its column: no horizontal scroll, every table and chart inside the body.
    const overflow = await page.evaluate(() => {
      const body = document.body.getBoundingClientRect();
      const out: string[] = [];
      for (const el of document.querySelectorAll('table, svg, figure, p, li, dl')) {
        const r = el.getBoundingClientRect();
        if (r.right > body.right + 1 || r.left < body.left - 1) out.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ${Math.round(r.left)}–${Math.round(r.right)}`);
      }
      return { scroll: document.documentElement.scrollWidth - window.innerWidth, out };
    });
    expect(overflow).toEqual({ scroll: 0, out: [] });
    // No text inside a chart sits on another (counts, ticks, labels).
    const clashes = await page.evaluate(() => {
      const found: string[] = [];
      for (const svg of document.querySelectorAll('svg')) {
        const boxes = [...svg.querySelectorAll('text')].map((t) => ({ t: t.textContent ?? '', r: t.getBoundingClientRect() }));
        for (let a = 0; a < boxes.length; a++) {
          for (let b = a + 1; b < boxes.length; b++) {
            const p = boxes[a]!.r;
            const q = boxes[b]!.r;
            const dx = Math.min(p.right, q.right) - Math.max(p.left, q.left);
            const dy = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
            if (dx > 1 && dy > 1) found.push(`${svg.getAttribute('class')}: "${boxes[a]!.t}" on "${boxes[b]!.t}"`);
          }
        }
      }
      return found;
    });
    expect(clashes).toEqual([]);

    await page.screenshot({ path: join(outputDir, 'balance-report.png'), fullPage: true });
    await page.close();
  });
});
