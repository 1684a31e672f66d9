// Motion and moments in Chromium against the production build: a screen's parts fade in as it
// opens (and nothing animates under prefers-reduced-motion); a game ending above par lands its
// stamp on the final results once the total has counted up, with the margin the model scored, and
// a game below par has none.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { botNamed, playBot } from '../../src/sim/index';
import { eventsFor } from '../flow/support';
import { loadShipped } from '../support/scenarios';
import { screenshot, sendEvents, useChromium, waitForScene, waitForSettled } from './support';

const twoHats = loadShipped('two-hats');
const par = twoHats.scoring.par;

const fadingIn = (page: Page) => page.evaluate(() => document.getAnimations().filter((a) => (a as CSSAnimation).animationName === 'screen-in' && a.playState === 'running').length);

/** Plays a bot's whole game on the page (events as the scenes send them) up to the final results. */
async function playWhole(page: Page, seed: number, bot: string): Promise<number> {
  const played = playBot(twoHats, seed, botNamed(bot)!);
  await page.evaluate((s) => window.marketingAndSales.newGame('two-hats', s), seed);
  await sendEvents(page, eventsFor(played.steps));
  await waitForScene(page, 'FinalResults');
  return played.state.history.at(-1)!.score.total;
}

describe('motion and moments, in Chromium', () => {
  const chromium = useChromium();

  it('fades a screen in as it opens, and lands the par stamp on a game above par', async () => {
    const game = await chromium.open();
    const { page, problems } = game;
    await page.evaluate(() => window.marketingAndSales.newGame('two-hats', 5));
    await waitForScene(page, 'Briefing');
    expect(await fadingIn(page)).toBeGreaterThan(0);
    await waitForSettled(page);
    expect(await fadingIn(page)).toBe(0);

    // A game above par: the adaptive bot's (the balanced split, which ignores the leads, ends below it).
    const total = await playWhole(page, 5, 'adaptive');
    expect(total).toBeGreaterThanOrEqual(par);
    const stamp = page.locator('.par-moment');
    await expect.poll(() => stamp.evaluate((el) => el.classList.contains('landed'))).toBe(true);
    expect(await stamp.innerText()).toBe(`Par beaten by ${(total - par).toFixed(1)} points`);
    await waitForSettled(page);
    expect(await stamp.isVisible()).toBe(true);
    await screenshot(page, 'final-results-par-moment');
    expect(problems).toEqual([]);
  });

  it('a game below par has no stamp; under prefers-reduced-motion nothing animates', async () => {
    const game = await chromium.open({ reducedMotion: 'reduce' });
    const { page, problems } = game;
    await page.evaluate(() => window.marketingAndSales.newGame('two-hats', 5));
    await waitForScene(page, 'Briefing');
    expect(await fadingIn(page)).toBe(0);
    const total = await playWhole(page, 5, 'all-sales');
    expect(total).toBeLessThan(par);
    expect(await page.locator('.par-moment').count()).toBe(0);
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    expect(problems).toEqual([]);
  });
});
