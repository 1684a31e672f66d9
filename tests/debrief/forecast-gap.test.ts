// The quarter report's forecast against the actual: the forecast is the very one the planning
// screen showed at commit (the forecast worker's own job on the state the plan was made in, the
// quarter's dispute choices applied, and the plan committed), the actual is the record's, and
// the verdict places the actual against the 10–90% range.
import { describe, expect, it } from 'vitest';
import { ForecastJob } from '../../src/app/forecast-job';
import { forecastGapView } from '../../src/app/forecast-gap-view';
import { forecastGap, positionIn } from '../../src/debrief/forecast-gap';
import { FORECAST_FUTURES, botNamed, decideDispute, playBot, playSteps, type GameState, type Scenario, type Step } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';

/** The state the planning screen of quarter `q` forecast from: the quarters before played, then the quarter's dispute choices. */
function planningState(scenario: Scenario, seed: number, steps: readonly Step[], q: number): GameState {
  let state = playSteps(scenario, seed, steps.slice(0, q - 1));
  for (const option of steps[q - 1]!.dispute ?? []) state = decideDispute(scenario, state, option);
  return state;
}

/** What the forecast worker sends first for a plan: the band over every future. */
function shownAtCommit(scenario: Scenario, state: GameState, step: Step) {
  const result = new ForecastJob(scenario, state, step.moves, FORECAST_FUTURES).step();
  if (result.kind !== 'forecast') throw new Error('the plan was refused');
  return result.forecast;
}

describe('forecastGap', () => {
  it('has nothing to say before the first quarter is played', () => {
    expect(forecastGap(loadShipped('two-hats'), 1, [])).toBeNull();
  });

  it.each([
    ['two-hats', 3, 'balanced', 'discontinue'],
    ['two-hats', 7, 'all-sales', 'phase-out'],
    ['solo-founder', 2, 'balanced', undefined],
    ['divisions', 5, 'short-run-greedy', undefined],
  ] as const)('%s seed %i (%s): every quarter’s forecast is the one shown at commit, set against the record', (id, seed, botName, option) => {
    const scenario = loadShipped(id);
    const bot = botNamed(botName)!;
    const { steps, state: end } = playBot(scenario, seed, bot, option ? { disputeOption: option } : {});
    const quarters = [1, 2, Math.ceil(scenario.quarters / 2), scenario.quarters];
    // The dispute's quarter too, where the plan was made after the sitting's choices.
    const sitting = steps.findIndex((s) => s.dispute !== undefined);
    if (sitting >= 0) quarters.push(sitting + 1);
    for (const q of quarters) {
      const gap = forecastGap(scenario, seed, steps.slice(0, q))!;
      const shown = shownAtCommit(scenario, planningState(scenario, seed, steps, q), steps[q - 1]!);
      const record = end.history[q - 1]!;
      const where = `${id} seed ${seed} Q${q}`;
      expect(gap.quarter, where).toBe(q);
      expect(gap.futures, where).toBe(FORECAST_FUTURES);
      expect(gap.revenue.forecast, where).toEqual(shown.revenue);
      expect(gap.profit.forecast, where).toEqual(shown.profit);
      expect(gap.revenue.actual, where).toBe(record.revenue);
      expect(gap.profit.actual, where).toBe(record.profit);
      expect(gap.revenue.gap, where).toBe(record.revenue - shown.revenue.mean);
      expect(gap.profit.gap, where).toBe(record.profit - shown.profit.mean);
      expect(gap.revenue.position, where).toBe(record.revenue < shown.revenue.p10 ? 'below' : record.revenue > shown.revenue.p90 ? 'above' : 'inside');
      expect(gap.profit.position, where).toBe(record.profit < shown.profit.p10 ? 'below' : record.profit > shown.profit.p90 ? 'above' : 'inside');
    }
  });

  it('counts the ends of the range as inside it', () => {
    const band = { mean: 100, p10: 80, p90: 120 };
    expect([79, 80, 100, 120, 121].map((x) => positionIn(band, x))).toEqual(['below', 'inside', 'inside', 'inside', 'above']);
  });
});

describe('forecastGapView', () => {
  const gap = {
    quarter: 3,
    futures: 200,
    revenue: { forecast: { mean: 10_012_345, p10: 9_210_000, p90: 10_840_000 }, actual: 11_250_000, gap: 1_237_655, position: 'above' as const },
    profit: { forecast: { mean: -120_000, p10: -250_000, p90: 40_000 }, actual: -180_000, gap: -60_000, position: 'inside' as const },
  };

  it('words each measure: the expected figure, the range, the actual and where it fell', () => {
    const view = forecastGapView(gap);
    expect(view.note).toContain('200 possible futures');
    expect(view.columns).toEqual(['', 'Forecast', '8 in 10', 'Actual', '']);
    expect(view.rows.map((r) => [r.term, r.forecast, r.range, r.actual, r.verdict, r.position])).toEqual([
      ['Revenue', '$100,123', '$92.1K–$108K', '$112,500', '$4,100 above it', 'above'],
      ['Profit', '−$1,200', '−$2.5K to $400', '−$1,800', 'inside the range', 'inside'],
    ]);
    expect(view.rows[0]!.aria).toBe('Revenue: the forecast expected $100,123, eight futures in ten between $92,100 and $108,400; the quarter made $112,500, $4,100 above it, outside the range');
  });

  it('says how far below the range a shortfall fell', () => {
    const below = { ...gap, profit: { ...gap.profit, actual: -400_000, gap: -280_000, position: 'below' as const } };
    expect(forecastGapView(below).rows[1]!.verdict).toBe('$1,500 below it');
  });
});
