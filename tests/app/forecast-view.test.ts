// The forecast panel's words (src/app/forecast-view.ts): the continuation it assumes, the expected
// figure with its 8-in-10 range, and what each move adds — a cost (closing's next quarter) never
// hidden among "more moves".
import { describe, expect, it } from 'vitest';
import type { ForecastShown } from '../../src/app/forecast-client';
import { EFFECT_ROWS, forecastPanel } from '../../src/app/forecast-view';
import { formatMoney } from '../../src/app/format';
import { createGame, forecast, type Forecast, type Move } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';

const scenario = loadShipped('two-hats');
const state = createGame(scenario, 1);

function shown(f: Forecast | null, over: Partial<ForecastShown> = {}): ForecastShown {
  return { plan: 'p', quarter: 1, forecast: f, fresh: true, done: true, refused: null, bandMs: 1, doneMs: 1, bandWorkMs: 1, runner: 'worker', ...over };
}

describe('the forecast panel', () => {
  const plan: Move[] = [
    { kind: 'campaign', target: 'house-blend', points: 2 },
    { kind: 'campaign', target: 'espresso-pods', points: 2 },
    { kind: 'brand', points: 2 },
    { kind: 'research', points: 2 },
    { kind: 'prospecting', points: 3 },
    { kind: 'relationship', target: 'harbor-health', points: 2 },
    { kind: 'relationship', target: 'lakeside-offices', points: 2 },
    { kind: 'closing', points: 1 },
  ];
  const f = forecast(scenario, state, { moves: plan }, 40);

  it('says what it assumes and gives each figure as expected with its 8-in-10 range', () => {
    const panel = forecastPanel(scenario, state, shown(f))!;
    expect(panel.assumption).toBe('If this plan is played every quarter (the line kept if the dispute comes), over 40 possible futures:');
    // A scenario without a dispute assumes nothing about one.
    const solo = loadShipped('solo-founder');
    const soloGame = createGame(solo, 1);
    const soloPanel = forecastPanel(solo, soloGame, shown(forecast(solo, soloGame, { moves: [{ kind: 'prospecting', points: 2 }] }, 40)))!;
    expect(soloPanel.assumption).toBe('If this plan is played every quarter, over 40 possible futures:');
    expect(panel.status).toBeNull();
    expect(panel.quarter.map((r) => r.term)).toEqual(['Revenue', 'Profit']);
    expect(panel.end.map((r) => r.term)).toEqual(['Total profit', 'Customer equity', 'Final score']);
    expect(panel.quarter[0]!.value).toBe(formatMoney(f.revenue.mean));
    expect(panel.quarter[0]!.aria).toContain(`between ${formatMoney(f.revenue.p10)} and ${formatMoney(f.revenue.p90)}`);
    expect(panel.end[2]!.range).toMatch(new RegExp(`· par ${scenario.scoring.par}$`));
  });

  it('lists a cost before the gains it would otherwise rank below, and sums the rest', () => {
    const panel = forecastPanel(scenario, state, shown(f))!;
    const closing = f.moves.find((m) => m.kind === 'closing')!;
    expect(closing.nextRevenue!).toBeLessThan(0);
    expect(panel.effects).toHaveLength(EFFECT_ROWS);
    const row = panel.effects.find((e) => e.label.startsWith('Closing'))!;
    expect(row.down.next).toBe(true);
    expect(row.next.startsWith('−')).toBe(true);
    const campaign = panel.effects.find((e) => e.label.startsWith('Campaign · '))!;
    expect(campaign.now).toBe('$0');
    expect(campaign.next.startsWith('+')).toBe(true);
    expect(panel.moreEffects).toMatch(new RegExp(`^${plan.length - EFFECT_ROWS} more moves: [+−±]\\d+\\.\\d on the final score together$`));
  });

  it('says when it is working, stale or refused', () => {
    expect(forecastPanel(scenario, state, shown(null, { fresh: false, done: false }))!.status).toBe('Playing the plan’s futures…');
    expect(forecastPanel(scenario, state, shown(f, { fresh: false, done: false }))!.status).toBe('Updating for the new plan…');
    expect(forecastPanel(scenario, state, shown(f, { done: false }))!.status).toBe('Working out what each move adds…');
    const refused = forecastPanel(scenario, state, shown(null, { refused: { code: 'over-budget', planned: 21, available: 20, reserved: 0 } }))!;
    expect(refused.status).toMatch(/^No forecast: /);
    expect(refused.quarter).toEqual([]);
    expect(forecastPanel(scenario, state, null)).toBeNull();
  });
});
