// The state in view on the planning screen, in Chromium against the production build: a move
// with points on a second line shows them as chips beside its slider, prospecting says how many
// prospects the market holds, a price change's slider stops at its one point and says why, the
// accounts say why their relationships moved, and during a phase-out the budget bar's reserved
// points are labelled with the reason.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadShipped, nameOf } from '../support/scenarios';
import { launchChromium } from './chromium';
import { expectNothingCut, openGame, screenshot, sendEvents, view, waitForScene, waitForSettled, type GamePage } from './support';

const twoHats = loadShipped('two-hats');
const houseBlend = nameOf(twoHats.products, 'house-blend');
const coldBrew = nameOf(twoHats.products, 'cold-brew');
const disputed = nameOf(twoHats.products, twoHats.dispute!.product);

/** The row of the move whose slider is named `name`. */
const moveRow = (page: Page, name: RegExp) => page.locator('.move-row', { has: page.getByRole('slider', { name }) });

describe('the state in view on the planning screen, in Chromium', () => {
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

  it('shows points per target, the prospects left, a slider’s stop, why relationships moved and the effort the dispute reserves', async () => {
    game = await openGame(browser, baseUrl);
    const { page, problems } = game;
    await page.evaluate(() => window.marketingAndSales.newGame('two-hats', 1));
    await waitForScene(page, 'Briefing');
    await sendEvents(page, [{ type: 'START' }]);
    await waitForScene(page, 'Planning');

    // Chips: campaign points on two lines, the picker back on the first.
    const campaign = moveRow(page, /Campaign for a product line/);
    const picker = page.getByRole('combobox', { name: /Campaign for a product line: product line/ });
    await picker.selectOption('cold-brew');
    await page.getByRole('slider', { name: /Campaign for a product line/ }).fill('2');
    await picker.selectOption('house-blend');
    const chips = campaign.locator('.move-chips');
    await expect.poll(() => chips.getAttribute('title')).toBe(`Campaign: ${coldBrew} 2`);
    await page.getByRole('slider', { name: /Campaign for a product line/ }).fill('4');
    await expect.poll(() => chips.getAttribute('title')).toBe(`Campaign: ${houseBlend} 4 · ${coldBrew} 2`);
    expect(await chips.locator('.chip-name').allInnerTexts()).toEqual([houseBlend, coldBrew]);
    expect(await chips.locator('.chip-value').allInnerTexts()).toEqual(['4', '2']);
    expect(await chips.locator('.chip.shown .chip-name').innerText()).toBe(houseBlend);
    expect(await chips.isVisible()).toBe(true);

    // Prospects left, beside prospecting.
    expect(await moveRow(page, /^Prospecting/).locator('.move-note').innerText()).toBe(`${twoHats.market.prospects} of ${twoHats.market.prospects} prospects left in the market`);

    // A price change stops at its one point, says why, and a second press adds nothing.
    const price = moveRow(page, /Price change/);
    const morePrice = page.getByRole('button', { name: 'One point more: Price change' });
    expect(await price.locator('.move-note').innerText()).toBe('1 point is all it needs');
    await morePrice.click();
    await expect.poll(async () => (await view(page))?.draft.find((m) => m.kind === 'price')?.points).toBe(1);
    expect(await morePrice.isDisabled()).toBe(true);
    const slider = page.getByRole('slider', { name: /Price change/ });
    expect(await slider.getAttribute('max')).toBe('1');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    expect((await view(page))?.draft.find((m) => m.kind === 'price')?.points).toBe(1);
    expect(await slider.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!.split(' ')[1]!)?.textContent)).toBe('1 point is all a price change needs: more change nothing');
    await waitForSettled(page);
    await screenshot(page, 'planning-state-quarter-1');
    await expectNothingCut(page, 'planning with chips and a stopped slider');

    // Quarters until the dispute opens; then a phase-out.
    for (let quarter = 1; quarter <= 5 && (await view(page))?.phase !== 'dispute'; quarter++) {
      if (quarter > 1) {
        await waitForScene(page, 'Planning');
        await sendEvents(page, [{ type: 'SET_MOVE', move: { kind: 'campaign', target: 'house-blend', points: 4 } }, { type: 'SET_MOVE', move: { kind: 'prospecting', points: 6 } }]);
      }
      await sendEvents(page, [{ type: 'SET_MOVE', move: { kind: 'relationship', target: 'harbor-health', points: 3 } }, { type: 'COMMIT' }]);
      await waitForScene(page, 'QuarterReport');
      await sendEvents(page, [{ type: 'NEXT' }]);
      await page.waitForFunction(() => ['planning', 'dispute'].includes(window.marketingAndSales.view()?.phase ?? ''));
    }
    expect((await view(page))?.phase).toBe('dispute');
    await sendEvents(page, [{ type: 'DISPUTE_NEXT' }, { type: 'DISPUTE_NEXT' }, { type: 'DECIDE_DISPUTE', option: 'phase-out' }, { type: 'DISPUTE_NEXT' }]);
    await waitForScene(page, 'Planning');

    // The reserved points, with their reason, under the budget bar.
    const reserved = page.locator('.budget-reserved');
    expect(await reserved.isVisible()).toBe(true);
    expect(await reserved.innerText()).toBe(`2 reserved: phasing out ${disputed}`);

    // Every account kept through last quarter says how its relationship moved, and the line under the list says why.
    const changes = await page.locator('.account-change').allInnerTexts();
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) expect(change).toMatch(/^(\+\d+|−\d+|±0)$/);
    expect(await page.locator('.account-why').innerText()).toMatch(/^.+: \d+% \((\+\d+|−\d+|±0): .*(decay|routine contact|calls) [+−]\d+/);
    const harbor = page.getByRole('listitem').filter({ hasText: nameOf(twoHats.accounts, 'harbor-health') });
    expect(await harbor.getAttribute('title')).toMatch(/^Relationship \d+% \([+−]\d+: .*calls \+\d+/);
    await harbor.hover();
    expect(await page.locator('.account-why').innerText()).toMatch(new RegExp(`^★ ${nameOf(twoHats.accounts, 'harbor-health')}: `));

    await waitForSettled(page);
    await screenshot(page, 'planning-state-phase-out');
    await expectNothingCut(page, 'planning during a phase-out');
    expect(problems).toEqual([]);
  });
});
