// The leads as people on screen, in Chromium against the production build: on the planning screen
// each lead's chip (portrait, what they ask for and how much the plan gives, bonus and morale)
// opens their cards; "Give Sam the 4 points" puts the ask in the plan; after the quarter the
// report shows how each lead took it, in the scenario's words, with the figures.
import { expect, it, describe } from 'vitest';
import { loadShipped } from '../support/scenarios';
import { expectNothingCut, screenshot, sendEvents, useChromium, waitForScene, waitForSettled } from './support';

const twoHats = loadShipped('two-hats');
const { marketing, sales } = twoHats.people!;
const first = (name: string) => name.split(' ')[0]!;

describe('the leads on screen, in Chromium', () => {
  const chromium = useChromium();

  it('ask before the quarter, take what the plan gives them, and react after it', async () => {
    const { page, problems } = await chromium.open();
    await page.evaluate(() => window.marketingAndSales.newGame('two-hats', 1));
    await waitForScene(page, 'Briefing');
    await sendEvents(page, [{ type: 'START' }]);
    await waitForScene(page, 'Planning');
    await waitForSettled(page);

    // Each side's head has its lead's chip, with a drawn portrait.
    const salesChip = page.locator('.lead-chip.sales');
    const marketingChip = page.locator('.lead-chip.marketing');
    const drawn = (portraits: ReturnType<typeof page.locator>) => portraits.evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0));
    await expect.poll(() => drawn(salesChip.locator('.portrait img'))).toEqual([true]);
    expect(await salesChip.locator('.portrait').getAttribute('data-portrait')).toBe(sales.portrait);
    expect(await salesChip.getAttribute('aria-label')).toContain(`${sales.name}, ${sales.role}:`);
    expect(await salesChip.locator('.lead-chip-ask').innerText()).toBe('Asks 0/4 · Prospecting');
    expect(await marketingChip.locator('.lead-chip-ask').innerText()).toBe('Asks 0/4 · Research');
    expect(await salesChip.innerText()).toContain('morale 60%');
    expect(await salesChip.innerText()).toContain('bonus: no quarter yet');
    await expectNothingCut(page, 'planning with the leads');
    await screenshot(page, 'leads-planning');

    // The cards: the ask in the lead's terms, the bonus plan, morale; Escape closes them.
    await salesChip.click();
    const dialog = page.getByRole('dialog', { name: 'Your leads before this quarter' });
    await dialog.waitFor();
    await waitForSettled(page);
    expect(await dialog.innerText()).toContain(`“${sales.voice.ask}”`);
    expect(await dialog.innerText()).toContain(`4 points of prospecting. ${twoHats.market.prospects} prospects are still out there`);
    expect(await dialog.innerText()).toContain('Bonus paid on this quarter’s revenue 70% · new accounts 30%');
    expect(await dialog.innerText()).toContain('Morale 60%: their side’s moves work at 100%');
    await screenshot(page, 'leads-dialog');
    // Focus starts on the button that gives the lead whose chip was pressed what they asked for.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Give ${first(sales.name)} the 4 points`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await salesChip.click();
    await dialog.getByRole('button', { name: `Give ${first(sales.name)} the 4 points` }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('slider', { name: /^Prospecting/ }).inputValue()).toBe('4');
    await expect.poll(() => salesChip.locator('.lead-chip-ask').innerText()).toBe('Asks 4/4 · Prospecting');

    // Spend the rest, commit, and read the reactions on the report.
    await sendEvents(page, [
      { type: 'SET_MOVE', move: { kind: 'campaign', target: 'house-blend', points: 8 } },
      { type: 'SET_MOVE', move: { kind: 'relationship', target: 'harbor-health', points: 8 } },
      { type: 'COMMIT' },
    ]);
    await waitForScene(page, 'QuarterReport');
    await waitForSettled(page);
    const reactions = page.getByRole('region', { name: 'How your leads took the quarter' });
    const salesReaction = reactions.locator('.lead-reaction.sales');
    const marketingReaction = reactions.locator('.lead-reaction.marketing');
    expect(await salesReaction.innerText()).toMatch(/^Sam: “.+”/);
    expect(await salesReaction.locator('.lead-reaction-facts').innerText()).toMatch(/^Heard 4\/4 · bonus \d+% · morale 60% → \d+%$/);
    expect(await marketingReaction.innerText()).toContain(`“${marketing.voice.unheard}”`);
    expect(await marketingReaction.locator('.lead-reaction-facts').innerText()).toMatch(/^Heard 0\/4 · bonus \d+% · morale 60% → \d+%$/);
    await expect.poll(() => drawn(reactions.locator('.portrait img'))).toEqual([true, true]);
    await expectNothingCut(page, 'the report with the leads');
    await screenshot(page, 'leads-report');
    expect(problems).toEqual([]);
  });
});
