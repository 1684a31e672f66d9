// Won accounts by name, in Chromium against the production build: a quarter's report names the
// accounts won from the game's list of business names (two-hats gives no names of its own), never
// "New account N", and the next planning screen lists and targets them by the same names.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_ACCOUNT_NAMES } from '../../src/scenario/account-names';
import { launchChromium } from './chromium';
import { expectNothingCut, openGame, screenshot, sendEvents, view, waitForScene, waitForSettled, type GamePage } from './support';

/** One quarter of prospecting and campaigns, sent through the hook as the scenes send it. */
async function playQuarter(page: Page): Promise<void> {
  await waitForScene(page, 'Planning');
  await sendEvents(page, [
    { type: 'SET_MOVE', move: { kind: 'campaign', target: 'house-blend', points: 4 } },
    { type: 'SET_MOVE', move: { kind: 'campaign', target: 'espresso-pods', points: 4 } },
    { type: 'SET_MOVE', move: { kind: 'prospecting', points: 8 } },
    { type: 'COMMIT' },
  ]);
  await waitForScene(page, 'QuarterReport');
}

describe('won accounts by name, in Chromium', () => {
  const baseUrl = inject('browserBaseUrl');
  let browser: Browser;
  let game: GamePage | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await game?.close();
    await browser?.close();
  });

  it('names them on the quarter report and on the planning screen, from the names list', async () => {
    game = await openGame(browser, baseUrl);
    const { page, problems } = game;
    // Seed 30 starts the names list among its longest names (17–18 characters): they must still fit.
    const seed = 30;
    expect(Math.max(...DEFAULT_ACCOUNT_NAMES.slice(seed, seed + 4).map((n) => n.length))).toBeGreaterThanOrEqual(17);
    await page.evaluate((s) => window.marketingAndSales.newGame('two-hats', s), seed);
    await waitForScene(page, 'Briefing');
    await sendEvents(page, [{ type: 'START' }]);
    let won: string[] = [];
    for (let quarter = 1; quarter <= 4 && won.length === 0; quarter++) {
      if (quarter > 1) await sendEvents(page, [{ type: 'NEXT' }]);
      await playQuarter(page);
      const happened = await page.getByRole('region', { name: 'What happened and why' }).innerText();
      expect(happened).not.toMatch(/New account \d/);
      const line = /Won \d+ new accounts?: ([^\n]+)\./.exec(happened);
      if (line) won = line[1]!.split(', ');
    }
    expect(won.length).toBeGreaterThan(0);
    for (const name of won) expect(DEFAULT_ACCOUNT_NAMES).toContain(name);
    await waitForSettled(page);
    await screenshot(page, 'account-names-quarter-report');
    await expectNothingCut(page, 'the quarter report with accounts won');

    // The next planning screen: in the account list and the relationship move's menu.
    await sendEvents(page, [{ type: 'NEXT' }]);
    await waitForScene(page, 'Planning');
    expect((await view(page))?.phase).not.toBe('finished');
    const listed = await page.locator('.account-name').allInnerTexts();
    for (const name of won) expect(listed).toContain(name);
    const options = await page.getByRole('combobox', { name: /Relationship building: account/ }).locator('option').allInnerTexts();
    for (const name of won) expect(options).toContain(name);
    expect(listed.join('\n')).not.toMatch(/New account \d/);
    // Shown whole, not cut with an ellipsis.
    const cut = await page.locator('.account-name').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));
    expect(cut).toEqual([]);
    // Every name of the list would fit there (each tried in a cell of the list, then put back).
    const wide = await page.locator('.account-name').last().evaluate((el, names) => {
      const before = el.textContent;
      const out = names.filter((name) => {
        el.textContent = name;
        return el.scrollWidth > el.clientWidth + 1;
      });
      el.textContent = before;
      return out;
    }, [...DEFAULT_ACCOUNT_NAMES, 'W'.repeat(30)]);
    // Only the probe, far too long on purpose, is cut: the measure sees a cut name.
    expect(wide).toEqual(['W'.repeat(30)]);
    await screenshot(page, 'account-names-planning');
    await expectNothingCut(page, 'planning with accounts won');
    expect(problems).toEqual([]);
  });
});
