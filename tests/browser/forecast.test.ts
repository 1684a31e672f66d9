// The planning screen's forecast in Chromium against the production build: it is played in a Web
// Worker and its figures are exactly Node's for the same state and plan (the same model, the same
// futures); the panel names its assumption, this quarter and the end of the game, and what each
// move adds — a campaign nothing now but more next quarter, closing more now and less next
// quarter — without running into the score below it.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createGame, forecast, type Move } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';
import { launchChromium } from './chromium';
import { expectNothingCut, openGame, screenshot, sendEvents, view, waitForScene, type GamePage } from './support';

const twoHats = loadShipped('two-hats');

describe('the forecast on the planning screen, in Chromium', () => {
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

  it('plays the plan in a worker, gives Node’s figures, and shows the lagged campaign and the pull-forward of closing', async () => {
    const game = await openGame(browser, baseUrl);
    open.push(game);
    const { page, problems } = game;
    await page.evaluate(() => window.marketingAndSales.newGame('two-hats', 1));
    await sendEvents(page, [{ type: 'START' }]);
    await waitForScene(page, 'Planning');
    const plan: Move[] = [
      { kind: 'campaign', target: 'house-blend', points: 4 },
      { kind: 'closing', points: 4 },
      { kind: 'prospecting', points: 4 },
    ];
    await sendEvents(page, plan.map((move) => ({ type: 'SET_MOVE', move })));
    await page.waitForFunction(() => {
      const v = window.marketingAndSales.view();
      return v?.forecast?.done === true && v.forecast.fresh && v.forecast.plan === JSON.stringify(v.draft.map((m) => [m.kind, m.target ?? null, m.points, null]));
    }, undefined, { timeout: 20_000 });
    const shown = (await view(page))!.forecast!;
    expect(shown.runner).toBe('worker');
    expect(shown.refused).toBeNull();
    // The browser's worker and Node play the same futures with the same model.
    expect(shown.figures).toEqual(forecast(twoHats, createGame(twoHats, 1), { moves: plan }));

    const table = page.getByRole('table', { name: 'Forecast of this plan' });
    const rows = await table.getByRole('row').allInnerTexts();
    expect(rows.map((r) => r.split(/\s+/)[0])).toEqual(['This', 'Revenue', 'Profit', 'End', 'Total', 'Customer', 'Final']);
    await expect.poll(() => page.getByText(/^If this plan is played every quarter \(the line kept if the dispute comes\), over 200 possible futures:$/).count()).toBe(1);
    const effects = page.getByRole('table', { name: /^What each move adds/ });
    const campaign = (await effects.getByRole('row', { name: /^Campaign · House Blend \(4\)/ }).innerText()).split(/\s+/);
    expect(campaign.slice(-3, -2)).toEqual(['$0']);
    expect(campaign.at(-2)!.startsWith('+')).toBe(true);
    const closing = (await effects.getByRole('row', { name: /^Closing \(4\)/ }).innerText()).split(/\s+/);
    expect(closing.at(-3)!.startsWith('+')).toBe(true);
    expect(closing.at(-2)!.startsWith('−')).toBe(true);

    // The panel ends above the foot beneath it (last quarter's events).
    const gap = await page.evaluate(() => {
      const forecast = document.querySelector('.forecast')!.getBoundingClientRect();
      const foot = document.querySelector('.centre-foot')!.getBoundingClientRect();
      return foot.top - forecast.bottom;
    });
    expect(gap).toBeGreaterThanOrEqual(0);
    await expectNothingCut(page, 'planning with a forecast');
    await screenshot(page, 'forecast-planning');
    expect(problems).toEqual([]);
  });
});
