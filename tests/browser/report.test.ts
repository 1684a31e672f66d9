// The quarter report in Chromium against the production build: one quarter played through the
// page hook, and the report sets the forecast the planning screen showed at commit (the worker's
// figures, read from the hook) beside the quarter's actual revenue and profit, in the words of
// src/app/forecast-gap-view.ts, says why the quarter fell outside the range, and cuts nothing.
import { describe, expect, it } from 'vitest';
import { forecastGapView } from '../../src/app/forecast-gap-view';
import { quarterFacts } from '../../src/app/quarter-facts';
import { forecastGap } from '../../src/debrief/forecast-gap';
import { botNamed, playBot, playSteps, type Move } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';
import { expectNothingCut, screenshot, sendEvents, useChromium, view, waitForScene, waitForSettled } from './support';

const twoHats = loadShipped('two-hats');
/** A seed whose first quarter, under the plan below, falls outside the forecast's range: an account lost against the odds. */
const SEED = 21;

describe('the quarter report, in Chromium', () => {
  const chromium = useChromium();

  it('sets the forecast shown at commit beside the quarter’s revenue and profit', async () => {
    const game = await chromium.open();
    const { page, problems } = game;
    await page.evaluate((seed) => window.marketingAndSales.newGame('two-hats', seed), SEED);
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
    const gap = forecastGap(twoHats, SEED, [{ moves: plan }])!;
    expect(gap.revenue.forecast).toEqual(shown.revenue);
    expect(gap.profit.forecast).toEqual(shown.profit);
    expect([gap.revenue.actual, gap.profit.actual]).toEqual([record.revenue, record.profit]);
    const played = playSteps(twoHats, SEED, [{ moves: plan }]);
    const words = forecastGapView(twoHats, played, gap);
    const table = page.getByRole('table', { name: 'This quarter against the forecast' });
    const rows = await table.getByRole('row').all();
    expect(rows).toHaveLength(3);
    for (const [i, want] of words.rows.entries()) {
      const row = rows[i + 1]!;
      expect(await row.getByRole('rowheader').innerText()).toBe(want.term);
      expect(await row.getByRole('cell').allInnerTexts(), want.term).toEqual([want.forecast, want.range, want.actual, want.verdict]);
      expect(await row.getAttribute('aria-label')).toBe(want.aria);
    }
    // "What happened": the facts, then — as the quarter fell outside the range — why, biggest part first.
    expect(words.why).not.toBeNull();
    const happened = page.getByRole('region', { name: 'What happened and why' });
    const facts = quarterFacts(twoHats, played, played.history[0]!);
    expect(await happened.getByRole('list').first().getByRole('listitem').allInnerTexts()).toEqual(facts);
    expect(await happened.getByRole('paragraph').first().innerText()).toBe(words.why!.heading);
    const reasons = await happened.getByRole('list', { name: 'Why the quarter fell outside the forecast’s range' }).getByRole('listitem').allInnerTexts();
    expect(reasons).toEqual(words.why!.reasons.map((r) => `${r.amount} ${r.text}`));
    expect(reasons[0]).toMatch(/^−\$[\d,]+ profit Luck: .+ left \((a \d+% risk|risks of [\d%, and]+)\); the futures lost/);
    await expect.poll(() => page.getByText('(What the planning screen forecast for this plan, over 200 possible futures)').count()).toBe(1);

    // Everything fits: the forecast block, and "What happened" with its causes in view.
    await expectNothingCut(page, 'the quarter 1 report');
    // The accounts lost, the reasons' heading and the biggest reason are above the box's fold.
    const fold = await happened.evaluate((el) => el.getBoundingClientRect().bottom);
    const bottom = (text: string) => happened.getByText(text, { exact: true }).evaluate((el) => el.getBoundingClientRect().bottom);
    expect(await bottom(facts[0]!)).toBeLessThanOrEqual(fold);
    expect(await bottom(words.why!.heading)).toBeLessThanOrEqual(fold);
    const first = await happened.getByRole('list', { name: 'Why the quarter fell outside the forecast’s range' }).getByRole('listitem').first().evaluate((el) => el.getBoundingClientRect().bottom);
    expect(first).toBeLessThanOrEqual(fold);
    await screenshot(page, 'report-forecast-q1');

    // Reloaded on the report, the game continues there with the same figures (a fresh worker asked).
    await page.reload({ waitUntil: 'load' });
    await page.getByRole('button', { name: /^Continue: / }).click();
    await waitForScene(page, 'QuarterReport');
    await waitForSettled(page);
    const again = await page.getByRole('table', { name: 'This quarter against the forecast' }).getByRole('row').all();
    for (const [i, want] of words.rows.entries()) expect(await again[i + 1]!.getByRole('cell').allInnerTexts(), want.term).toEqual([want.forecast, want.range, want.actual, want.verdict]);
    expect(problems).toEqual([]);
  });

  it('gives a busy quarter the room it needs: banners, the losses and the first why above the fold, nothing cut', async () => {
    const game = await chromium.open();
    const { page, problems } = game;
    // Two-hats seed 1, the short-run-greedy bot, the line discontinued: quarter 6 loses a key
    // account and another, and fires the cold-brew event.
    const { steps } = playBot(twoHats, 1, botNamed('short-run-greedy')!, { disputeOption: 'discontinue' });
    const busy = playSteps(twoHats, 1, steps.slice(0, 6)).history[5]!;
    expect(busy.lostAccounts.length).toBeGreaterThanOrEqual(2);
    expect(busy.events.length).toBeGreaterThan(0);
    await page.evaluate(() => window.marketingAndSales.newGame('two-hats', 1));
    await sendEvents(page, [{ type: 'START' }]);
    for (const [i, step] of steps.slice(0, 6).entries()) {
      if (i > 0) await sendEvents(page, [{ type: 'NEXT' }]);
      if (step.dispute) {
        expect(step.dispute).toEqual(['discontinue']);
        await waitForScene(page, 'Dispute');
        await sendEvents(page, [{ type: 'DISPUTE_NEXT' }, { type: 'DISPUTE_NEXT' }, { type: 'DECIDE_DISPUTE', option: 'discontinue' }, { type: 'DISPUTE_NEXT' }]);
      }
      await waitForScene(page, 'Planning');
      await sendEvents(page, [...step.moves.map((move) => ({ type: 'SET_MOVE', move })), { type: 'COMMIT' }]);
      await waitForScene(page, 'QuarterReport');
    }
    await waitForSettled(page);
    expect((await view(page))!.history.map((r) => r.revenue)).toEqual(playSteps(twoHats, 1, steps.slice(0, 6)).history.map((r) => r.revenue));
    await expectNothingCut(page, 'the busy quarter 6 report');
    await screenshot(page, 'report-busy-q6');

    const happened = page.getByRole('region', { name: 'What happened and why' });
    expect(await happened.getAttribute('tabindex')).toBe('0');
    const fold = await happened.evaluate((el) => el.getBoundingClientRect().bottom);
    const bottomOf = (el: Element) => el.getBoundingClientRect().bottom;
    // The banners (the lost key account, the event) sit above the box, whole.
    const banners = page.getByRole('region', { name: /^Event in quarter 6: / });
    expect(await banners.count()).toBeGreaterThan(0);
    expect(await page.getByRole('alert').count()).toBeGreaterThan(0);
    const viewport = page.viewportSize()!;
    for (const b of [...(await banners.all()), ...(await page.getByRole('alert').all())]) {
      expect(await b.evaluate(bottomOf)).toBeLessThanOrEqual(viewport.height);
      // Whole inside the banners' own box too: none scrolled out of view under another.
      expect(await b.evaluate((el) => el.getBoundingClientRect().bottom - el.parentElement!.getBoundingClientRect().bottom)).toBeLessThanOrEqual(0.5);
    }
    // Every fact (the accounts lost first) and the first why with its first cause above the box's fold.
    const facts = await happened.getByRole('list').first().getByRole('listitem').all();
    expect(await facts[0]!.innerText()).toMatch(/^Lost: /);
    for (const fact of facts) expect(await fact.evaluate(bottomOf)).toBeLessThanOrEqual(fold);
    expect(await happened.getByRole('paragraph').first().evaluate(bottomOf)).toBeLessThanOrEqual(fold);
    expect(await happened.getByRole('list').nth(1).getByRole('listitem').first().evaluate(bottomOf)).toBeLessThanOrEqual(fold);
    expect(problems).toEqual([]);
  });
});
