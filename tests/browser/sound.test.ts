// The game's sounds in Chromium against the production build: no AudioContext before the
// player's first click or key; after it, committing a quarter sounds the commit and the reveal
// (real oscillators start, the synthesiser's chunk is fetched only then); the title's and the
// help's toggle turn sound off, the choice survives a reload, and a muted game starts no sound.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, sendEvents, SITTING_KEEPING_THE_LINE, useChromium, view, waitForScene } from './support';

/** Counts AudioContexts made and oscillators started, from before the page's own scripts run. */
const COUNT_AUDIO = () => {
  const counts = { contexts: 0, oscillators: 0 };
  (window as unknown as { audioCounts: typeof counts }).audioCounts = counts;
  const Original = window.AudioContext;
  window.AudioContext = class extends Original {
    constructor(options?: AudioContextOptions) {
      super(options);
      counts.contexts++;
    }
  };
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: [number?]) {
    counts.oscillators++;
    return start.apply(this, args);
  };
};

const counts = (page: Page) => page.evaluate(() => (window as unknown as { audioCounts: { contexts: number; oscillators: number } }).audioCounts);
const sounds = (page: Page) => page.evaluate(() => window.marketingAndSales.sounds());
const synthLoaded = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /sound-synth/.test(e.name)));

async function commitQuarter(page: Page): Promise<void> {
  await waitForScene(page, 'Planning');
  await sendEvents(page, [{ type: 'SET_MOVE', move: { kind: 'prospecting', points: 4 } }, { type: 'COMMIT' }]);
  await waitForScene(page, 'QuarterReport');
}

describe('sound, in Chromium', () => {
  const chromium = useChromium();

  it('stays silent until the first interaction, then sounds the commit and the reveal; the toggle mutes it, remembered across a reload', async () => {
    const game = await chromium.open();
    const { page, problems } = game;
    await page.addInitScript(COUNT_AUDIO);
    await page.reload();
    await page.getByRole('button', { name: /New game/ }).waitFor();

    // Nothing yet: a quarter played through the hook (no click, no key) makes no sound.
    expect(await sounds(page)).toEqual({ on: true, unlocked: false, played: [] });
    await page.evaluate(() => window.marketingAndSales.newGame('two-hats', 4));
    await sendEvents(page, [{ type: 'START' }]);
    await commitQuarter(page);
    expect(await counts(page)).toEqual({ contexts: 0, oscillators: 0 });
    expect(await synthLoaded(page)).toBe(false);

    // The player clicks (the report's own button, on to the next quarter): sound is allowed now.
    await page.getByRole('button', { name: /Plan quarter 2/ }).click();
    expect((await sounds(page))!.unlocked).toBe(true);
    await commitQuarter(page);
    await page.waitForFunction(() => window.marketingAndSales.sounds()!.played.length >= 2);
    const after = await sounds(page);
    expect(after!.played.slice(0, 2)[0]).toBe('commit');
    expect(['gain', 'loss']).toContain(after!.played[1]);
    expect((await counts(page)).contexts).toBe(1);
    expect((await counts(page)).oscillators).toBeGreaterThanOrEqual(4);
    expect(await synthLoaded(page)).toBe(true);

    // The help dialog's toggle turns it off.
    await page.getByRole('button', { name: /Plan quarter 3/ }).click();
    await waitForScene(page, 'Planning');
    await page.getByRole('button', { name: 'Help' }).click();
    const toggle = page.getByRole('button', { name: 'Sound: on' });
    await toggle.click();
    await expect.poll(() => page.getByRole('button', { name: 'Sound: off' }).getAttribute('aria-pressed')).toBe('false');
    await screenshot(page, 'sound-help-toggle');
    await page.getByRole('button', { name: 'Close help' }).click();
    const oscillators = (await counts(page)).oscillators;
    await commitQuarter(page);
    await page.waitForTimeout(300);
    expect((await counts(page)).oscillators).toBe(oscillators);
    expect((await sounds(page))!.played).toEqual(after!.played);

    // Remembered: after a reload the title's toggle says off, and a click and a commit stay silent.
    await page.reload();
    const titleToggle = page.getByRole('button', { name: 'Sound: off' });
    await titleToggle.waitFor();
    expect(await titleToggle.getAttribute('aria-pressed')).toBe('false');
    await screenshot(page, 'sound-title-toggle');
    await page.getByRole('button', { name: /Continue/ }).first().click();
    await page.waitForFunction(() => window.marketingAndSales.view() !== null);
    if ((await view(page))!.phase === 'review') await sendEvents(page, [{ type: 'NEXT' }]);
    // Two-hats' dispute opens here: its call, muted, is silent too.
    if ((await view(page))!.phase === 'dispute') await sendEvents(page, SITTING_KEEPING_THE_LINE);
    await commitQuarter(page);
    await page.waitForTimeout(300);
    expect((await sounds(page))!.played).toEqual([]);
    expect((await counts(page)).oscillators).toBe(0);
    expect(problems).toEqual([]);
  });
});
