// The goal in view and the events as banners, in Chromium against the production build: the
// briefing states the scorecard's weights and par, planning shows the score so far against par,
// a report shows each score part's move, and a `news` effect's text shows as a banner on the
// report and on the next planning screen. Two-hats' cold-brew event fires at the end of
// quarter 6 whatever the play (a quarter trigger), so its news text is checked there.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { literal, loadShipped } from '../support/scenarios';
import { launchChromium } from './chromium';
import { SITTING_KEEPING_THE_LINE, expectNothingCut, openGame, screenshot, sendEvents, view, waitForScene, waitForSettled, type GamePage } from './support';

const twoHats = loadShipped('two-hats');
const coldBrew = twoHats.events.find((e) => e.id === 'cold-brew-boom')!;
const news = coldBrew.effects.flatMap((e) => (e.type === 'news' ? [e.text] : []))[0]!;
const { weights, par } = twoHats.scoring;

/** One quarter planned through the hook as the scenes send it, committed; a dispute is settled by keeping the line. */
async function playQuarter(page: Page): Promise<void> {
  if ((await view(page))?.phase === 'dispute') await sendEvents(page, SITTING_KEEPING_THE_LINE);
  await waitForScene(page, 'Planning');
  await sendEvents(page, [
    { type: 'SET_MOVE', move: { kind: 'campaign', target: 'house-blend', points: 4 } },
    { type: 'SET_MOVE', move: { kind: 'prospecting', points: 4 } },
    { type: 'SET_MOVE', move: { kind: 'relationship', target: 'harbor-health', points: 4 } },
    { type: 'COMMIT' },
  ]);
  await waitForScene(page, 'QuarterReport');
}

describe('the goal in view and events as banners, in Chromium', () => {
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

  it('states the scorecard on the briefing, the score against par on planning, the parts’ moves on a report, and the news as a banner', async () => {
    const game = await openGame(browser, baseUrl);
    open.push(game);
    const { page, problems } = game;
    await page.evaluate(() => window.marketingAndSales.newGame('two-hats', 1));
    await waitForScene(page, 'Briefing');

    // The briefing: every part with its weight, the targets, and par.
    const card = page.getByRole('table', { name: 'The scorecard' });
    const rows = await card.getByRole('row').allInnerTexts();
    expect(rows).toHaveLength(6);
    expect(rows[1]).toMatch(new RegExp(`^Profit\\s+× ${weights.profit} · \\d+%`));
    expect(rows[3]).toMatch(new RegExp(`^Customer equity\\s+× ${weights.customerEquity} · \\d+%`));
    expect(rows[5]).toMatch(new RegExp(`^Collaboration\\s+× ${weights.collaboration} · \\d+%`));
    await expect.poll(() => page.getByRole('region', { name: 'How the game is scored' }).innerText()).toContain(`Par: ${par} points`);
    await waitForSettled(page);
    await screenshot(page, 'goal-briefing');
    await expectNothingCut(page, 'the briefing with its scorecard');

    // Planning before a quarter is played: no score yet, par stated.
    await sendEvents(page, [{ type: 'START' }]);
    await waitForScene(page, 'Planning');
    expect(await page.getByRole('group', { name: /^Score so far/ }).getAttribute('aria-label')).toMatch(new RegExp(`no quarter played\\. Par ${par}\\.`));

    // Quarter 1's report: each part's points; quarter 2's: each part's move on quarter 1.
    await playQuarter(page);
    await sendEvents(page, [{ type: 'NEXT' }]);
    await playQuarter(page);
    await waitForSettled(page);
    const strip = page.getByRole('group', { name: /^Score after quarter 2/ });
    const label = (await strip.getAttribute('aria-label'))!;
    expect(label).toMatch(/, [+−±]\d+\.\d on the quarter before; par \d+\. Parts: Profit weight 3 \S+ \([+−±]\d+\.\d\); Revenue weight 1/);
    expect(await strip.innerText()).toMatch(new RegExp(`^Score\\s+\\S+\\s+[+−±]\\d+\\.\\d\\s+par ${par}\\s+Profit ×${weights.profit}`));
    await expectNothingCut(page, 'the quarter 2 report');
    await sendEvents(page, [{ type: 'NEXT' }]);

    // Planning shows the score so far (the model's total after quarter 2) against par.
    await waitForScene(page, 'Planning');
    expect((await view(page))?.history).toHaveLength(2);
    const soFar = page.getByRole('group', { name: /^Score so far/ });
    expect(await soFar.getAttribute('aria-label')).toMatch(new RegExp(`^Score so far −?\\d+\\.\\d after 2 quarters, .*; par ${par}: \\d+\\.\\d (above|below) par\\.$`));
    expect(await soFar.innerText()).toMatch(new RegExp(`Score so far\\s+\\S+\\s+par ${par}`));

    // On to quarter 6, whose end fires the cold-brew event: its news text is a banner on the report…
    for (let q = 3; q <= 6; q++) {
      await playQuarter(page);
      if (q < 6) await sendEvents(page, [{ type: 'NEXT' }]);
    }
    await waitForSettled(page);
    const reportBanner = page.getByRole('region', { name: `Event in quarter 6: ${coldBrew.title}` });
    await expect.poll(() => reportBanner.innerText()).toMatch(new RegExp(`^${literal(coldBrew.title)}\\s+${literal(news)}$`));
    // …not a line of the list, and the report still cuts nothing.
    expect(await page.getByRole('region', { name: 'What happened and why' }).innerText()).not.toContain(coldBrew.title);
    await screenshot(page, 'goal-report-q6');
    await expectNothingCut(page, 'the quarter 6 report with its banners');

    // …and on the next planning screen, with the score so far against par.
    await sendEvents(page, [{ type: 'NEXT' }]);
    if ((await view(page))?.phase === 'dispute') await sendEvents(page, SITTING_KEEPING_THE_LINE);
    await waitForScene(page, 'Planning');
    await waitForSettled(page);
    const planningBanner = page.getByRole('region', { name: `Event in quarter 6: ${coldBrew.title}` });
    expect(await planningBanner.innerText()).toContain(news);
    expect((await view(page))?.history).toHaveLength(6);
    expect(await page.getByRole('group', { name: /^Score so far/ }).getAttribute('aria-label')).toMatch(/^Score so far −?\d+\.\d after 6 quarters/);
    await screenshot(page, 'goal-planning-banner');
    await expectNothingCut(page, 'planning with a banner');
    // A lost key account, when there is one, is an alert apart from the list.
    for (const alert of await page.getByRole('alert').all()) expect(await alert.innerText()).toMatch(/^Key account lost: /);
    expect(problems).toEqual([]);
  }, 120_000);
});
