// The quarter report in Chromium against the production build: one quarter played through the
// page hook, and the report sets the forecast the planning screen showed at commit (the worker's
// figures, read from the hook) beside the quarter's actual revenue and profit, in the words of
// src/app/forecast-gap-view.ts, with nothing cut and "What happened" in view.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { forecastGapView } from '../../src/app/forecast-gap-view';
import { forecastGap } from '../../src/debrief/forecast-gap';
import type { Move } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';
import { launchChromium } from './chromium';
import { expectNothingCut, openGame, screenshot, sendEvents, view, waitForScene, waitForSettled, type GamePage } from './support';

const twoHats = loadShipped('two-hats');

describe('the quarter report, in Chromium', () => {
  const baseUrl = inject('browserBaseUrl');
  let browser: Browser;
  const open: GamePage[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterEach(async () => {
    for (const game of open.splice(0)) await game.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sets the forecast shown at commit beside the quarter’s revenue and profit', async () => {
    const game = await openGame(browser, baseUrl);
    open.push(game);
    const { page, problems } = game;
    await page.evaluate(() => window.marketingAndSales.newGame('two-hats', 4));
    await sendEvents(page, [{ type: 'START' }]);
    await waitForScene(page, 'Planning');
    const plan: Move[] = [
      { kind: 'campaign', target: 'house-blend', points: 4 },
      { kind: 'closing', points: 3 },
      { kind: 'prospecting', points: 4 },
      { kind: 'alignment', points: 1 },
    ];
    await sendEvents(page, plan.map((move) => ({ type: 'SET_MOVE', move })));
    await page.waitForFunction(() => {
      const v = window.marketingAndSales.view();
      return v?.forecast?.fresh === true && v.forecast.figures !== null && v.forecast.plan === JSON.stringify(v.draft.map((m) => [m.kind, m.target ?? null, m.points, null]));
    }, undefined, { timeout: 20_000 });
    const shown = (await view(page))!.forecast!.figures!;
    await sendEvents(page, [{ type: 'COMMIT' }]);
    await waitForScene(page, 'QuarterReport');
    await waitForSettled(page);
    const record = (await view(page))!.history[0]!;

    // The report's forecast is the one the planning screen showed (the worker's figures), its
    // actual the record's.
    const gap = forecastGap(twoHats, 4, [{ moves: plan }])!;
    expect(gap.revenue.forecast).toEqual(shown.revenue);
    expect(gap.profit.forecast).toEqual(shown.profit);
    expect([gap.revenue.actual, gap.profit.actual]).toEqual([record.revenue, record.profit]);
    const words = forecastGapView(gap);
    const table = page.getByRole('table', { name: 'This quarter against the forecast' });
    const rows = await table.getByRole('row').all();
    expect(rows).toHaveLength(3);
    for (const [i, want] of words.rows.entries()) {
      const row = rows[i + 1]!;
      expect(await row.getByRole('rowheader').innerText()).toBe(want.term);
      expect(await row.getByRole('cell').allInnerTexts(), want.term).toEqual([want.forecast, want.range, want.actual, want.verdict]);
      expect(await row.getAttribute('aria-label')).toBe(want.aria);
    }
    await expect.poll(() => page.getByText('(What the planning screen forecast for this plan, over 200 possible futures)').count()).toBe(1);

    // Everything fits: the forecast block, and "What happened" with its causes in view.
    await expectNothingCut(page, 'the quarter 1 report');
    const box = await page.getByRole('region', { name: 'What happened and why' }).evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    expect(box.scroll).toBeLessThanOrEqual(box.client + 2);
    await screenshot(page, 'report-forecast-q1');
    expect(problems).toEqual([]);
  });
});
