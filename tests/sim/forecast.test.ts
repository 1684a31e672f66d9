// The forecast (src/sim/forecast.ts): its futures never read the game's own luck or hidden
// anchors, its mean is the mean over futures played by the model, the continuation fits the plan
// to each quarter, and a move's effect shows marketing's lagged payoff and closing's pull-forward.
import { describe, expect, it } from 'vitest';
import {
  InvalidDecisionError,
  botNamed,
  createGame,
  decideDispute,
  fitPlan,
  followPlan,
  forecast,
  forecastPlan,
  forecastQuarter,
  resolveQuarter,
  type GameState,
  type Move,
  type Scenario,
} from '../../src/sim/index';
import { MORALE_NEUTRAL } from '../../src/sim/model';
import { loadShipped } from '../support/scenarios';

const twoHats = loadShipped('two-hats');
const balanced = botNamed('balanced')!;

function firstPlan(scenario: Scenario, state: GameState): Move[] {
  return balanced.decide(scenario, state, () => 0.5).moves;
}

/** The state after `quarters` quarters of the balanced bot, the dispute kept when it opens: ready to plan. */
function after(scenario: Scenario, seed: number, quarters: number): GameState {
  let state = createGame(scenario, seed);
  for (let q = 0; q < quarters; q++) {
    if (state.dispute?.status === 'open') state = decideDispute(scenario, state, 'keep');
    state = resolveQuarter(scenario, state, { moves: firstPlan(scenario, state) });
  }
  return state.dispute?.status === 'open' ? decideDispute(scenario, state, 'keep') : state;
}

describe('the forecast never reveals the game’s luck', () => {
  it('is the same for two seeds at the same visible state (quarter 1: only the luck and the hidden anchors differ)', () => {
    const a = createGame(twoHats, 1);
    const b = createGame(twoHats, 99);
    expect(b.luck).not.toEqual(a.luck);
    const plan = { moves: firstPlan(twoHats, a) };
    expect(forecastPlan(twoHats, b, plan, 40).forecast).toEqual(forecastPlan(twoHats, a, plan, 40).forecast);
  });

  it('does not move when the game’s future luck and hidden anchors are rewritten', () => {
    const state = after(twoHats, 5, 3);
    const plan = { moves: firstPlan(twoHats, state) };
    const before = forecastPlan(twoHats, state, plan, 40).forecast;
    const q = state.quarter - 1;
    const rigged: GameState = {
      ...state,
      luck: {
        ...state.luck,
        market: state.luck.market.map((row, i) => (i >= q ? row.map(() => 0.999) : row)),
        conversion: state.luck.conversion.map((x, i) => (i >= q ? 0 : x)),
        churn: state.luck.churn.map((row, i) => (i >= q ? row.map(() => 0) : row)),
      },
      accounts: state.accounts.map((a) => ({ ...a, buys: a.buys.map((b) => ({ ...b, anchor: 0.99 })) })),
    };
    // The rigged luck does change what the game itself would do…
    expect(resolveQuarter(twoHats, rigged, plan).history.at(-1)!.revenue).not.toBe(resolveQuarter(twoHats, state, plan).history.at(-1)!.revenue);
    // …but not the forecast.
    expect(forecastPlan(twoHats, rigged, plan, 40).forecast).toEqual(before);
  });
});

describe('the forecast’s figures', () => {
  it('are the mean and the 10–90% band over futures, each a game the model plays to the end', () => {
    const state = createGame(twoHats, 3);
    const plan = { moves: firstPlan(twoHats, state) };
    const { forecast: f, outcomes } = forecastPlan(twoHats, state, plan, 50);
    const scores = [...outcomes.score].sort((x, y) => x - y);
    expect(f.end.score.mean).toBeCloseTo(scores.reduce((s, x) => s + x, 0) / scores.length, 9);
    expect(f.end.score.p10).toBeGreaterThanOrEqual(scores[4]!);
    expect(f.end.score.p10).toBeLessThanOrEqual(scores[5]!);
    expect(f.end.score.p90).toBeGreaterThanOrEqual(scores[44]!);
    expect(f.end.score.p90).toBeLessThanOrEqual(scores[45]!);
    expect(new Set(scores).size).toBeGreaterThan(10);
    expect(f.futures).toBe(50);
    expect(f.quartersAhead).toBe(twoHats.quarters);
    // The end of the game is where each future finished: a game played by the same continuation
    // on one of those futures ends inside the spread of the futures.
    expect(f.end.score.p10).toBeLessThan(f.end.score.mean);
    expect(f.end.score.mean).toBeLessThan(f.end.score.p90);
    expect(f.revenue.p10).toBeLessThanOrEqual(f.revenue.mean);
    expect(f.nextRevenue).not.toBeNull();
  });

  it('gives this quarter alone the same band as the whole forecast’s first quarter', () => {
    const state = after(twoHats, 8, 2);
    const plan = { moves: firstPlan(twoHats, state) };
    const whole = forecastPlan(twoHats, state, plan, 60).forecast;
    const quarter = forecastQuarter(twoHats, state, plan, 60);
    expect(quarter.revenue).toEqual(whole.revenue);
    expect(quarter.profit).toEqual(whole.profit);
    expect(quarter.customerEquity).toEqual(whole.customerEquity);
  });

  it('in the last quarter has no next quarter and ends where the quarter ends', () => {
    const state = after(twoHats, 2, twoHats.quarters - 1);
    const f = forecastPlan(twoHats, state, { moves: firstPlan(twoHats, state) }, 30).forecast;
    expect(f.quartersAhead).toBe(1);
    expect(f.nextRevenue).toBeNull();
    expect(f.end.customerEquity).toEqual(f.customerEquity);
  });

  it('refuses a plan the model refuses, with the model’s refusal', () => {
    const state = createGame(twoHats, 1);
    expect(() => forecastPlan(twoHats, state, { moves: [{ kind: 'closing', points: twoHats.effortBudget + 1 }] }, 10)).toThrow(InvalidDecisionError);
  });
});

describe('the continuation', () => {
  it('drops moves whose target is gone and trims the last moves to the budget the dispute leaves', () => {
    let state = after(twoHats, 4, 1);
    const lost = state.accounts.find((a) => !a.key)!;
    state = { ...state, accounts: state.accounts.map((a) => (a === lost ? { ...a, active: false } : a)) };
    const plan: Move[] = [
      { kind: 'relationship', target: lost.id, points: 3 },
      { kind: 'campaign', target: twoHats.products[0]!.id, points: 8 },
      { kind: 'closing', points: 6 },
    ];
    expect(fitPlan(twoHats, state, plan)).toEqual([plan[1], plan[2]]);
    const reserved: GameState = {
      ...state,
      dispute: {
        product: twoHats.dispute!.product,
        account: twoHats.dispute!.account,
        openedInQuarter: state.quarter - 1,
        status: 'decided',
        option: 'phase-out',
        choices: [],
        decidedInQuarter: state.quarter,
        jointMeetingQuarter: null,
        investigation: null,
        phaseOutQuarter: state.quarter + 2,
        anchorStrength: 0.5,
        morale: { marketing: MORALE_NEUTRAL, sales: MORALE_NEUTRAL },
      },
    };
    const budget = twoHats.effortBudget - 2;
    const full: Move[] = [{ kind: 'campaign', target: twoHats.products[0]!.id, points: 12 }, { kind: 'closing', points: twoHats.effortBudget - 12 }];
    const fitted = fitPlan(twoHats, reserved, full);
    expect(fitted.reduce((s, m) => s + m.points, 0)).toBe(budget);
    expect(fitted[0]).toEqual(full[0]);
    expect(fitted[1]!.points).toBe(twoHats.effortBudget - 14);
  });

  it('plays a whole game with the plan every quarter and the dispute kept (what “the plan is followed” means)', () => {
    const state = createGame(twoHats, 11);
    const plan = firstPlan(twoHats, state);
    const end = followPlan(twoHats, state, plan);
    expect(end.finished).toBe(true);
    expect(end.history).toHaveLength(twoHats.quarters);
    if (end.dispute) expect(end.dispute.option).toBe('keep');
  });
});

describe('what a move adds', () => {
  it('shows a campaign’s lagged payoff and closing’s pull-forward cost, on several states of two-hats', () => {
    const house = twoHats.products[0]!.id;
    for (const [seed, quarters] of [[1, 0], [2, 2], [3, 4]] as const) {
      const state = after(twoHats, seed, quarters);
      const plan: Move[] = [
        { kind: 'campaign', target: house, points: 4 },
        { kind: 'closing', points: 4 },
        { kind: 'prospecting', points: 4 },
      ];
      const f = forecast(twoHats, state, { moves: plan }, 60);
      const [campaign, closing] = f.moves;
      expect(campaign!.kind).toBe('campaign');
      // A campaign pays nothing this quarter (goodwill works with a lag) but adds by the end.
      expect(campaign!.quarterRevenue).toBe(0);
      expect(campaign!.nextRevenue!).toBeGreaterThan(0);
      expect(campaign!.score).toBeGreaterThan(0);
      expect(campaign!.totalProfit).toBeGreaterThan(0);
      // Closing brings orders into this quarter that next quarter then lacks.
      expect(closing!.kind).toBe('closing');
      expect(closing!.quarterRevenue).toBeGreaterThan(0);
      expect(closing!.nextRevenue!).toBeLessThan(0);
    }
  });

  it('is measured for every move with points, in the plan’s order', () => {
    const state = createGame(twoHats, 1);
    const plan = firstPlan(twoHats, state);
    const f = forecast(twoHats, state, { moves: plan }, 20);
    expect(f.moves.map((m) => [m.kind, m.target ?? undefined, m.points])).toEqual(plan.map((m) => [m.kind, m.target, m.points]));
  });
});
