// The leads as people (src/sim/leads.ts): each lead's ask comes from the state in the terms of
// their bonus plan; the share of it a decision meets is "heard"; their morale follows hearing and
// pay-out, the dispute's decision shifts it, and it scales their side's moves. A scenario without
// people has none of it: no morale in the state, no people in the records.
import { describe, expect, it } from 'vitest';
import {
  askPoints,
  createGame,
  decideDispute,
  heardShare,
  leadAsks,
  moraleFactors,
  resolveQuarter,
  type GameState,
  type Move,
  type Scenario,
} from '../../src/sim/index';
import { MORALE_AFTER, MORALE_EFFECT, MORALE_NEUTRAL } from '../../src/sim/model';
import { loadArchived, loadShipped } from '../support/scenarios';

const scenario = loadShipped('two-hats');
const quarter = (s: Scenario, state: GameState, moves: Move[]) => resolveQuarter(s, state, { moves });

describe('the leads’ asks', () => {
  it('come from the state, in the terms of each plan', () => {
    const start = createGame(scenario, 1);
    const asks = leadAsks(scenario, start)!;
    // Nothing is behind plan yet: the sales lead, paid on new accounts too, asks for prospecting.
    expect(asks.sales).toMatchObject({ kind: 'prospecting', points: askPoints(scenario), reason: 'prospects-open', value: start.prospectsLeft });
    // No line has lost goodwill yet and none has lost money: the marketing lead asks for research.
    expect(asks.marketing).toMatchObject({ kind: 'research', reason: 'build-insight' });

    // A quarter with nothing done: revenue below plan, goodwill slid on every line.
    const idle = quarter(scenario, start, []);
    expect(idle.history[0]!.revenue).toBeLessThan(scenario.scoring.targets.revenue / scenario.quarters);
    const next = leadAsks(scenario, idle)!;
    expect(next.sales).toMatchObject({ kind: 'closing', reason: 'revenue-below-plan' });
    expect(next.sales!.value).toBeCloseTo(idle.history[0]!.revenue / (scenario.scoring.targets.revenue / scenario.quarters), 5);
    expect(next.marketing!.kind).toBe('campaign');
    // The line that slid furthest below where it started, among lines that did not lose money.
    const losing = new Set(idle.history[0]!.products.filter((l) => l.profit < 0).map((l) => l.product));
    const slide = (i: number) => scenario.products[i]!.goodwill - idle.products[i]!.goodwill;
    const best = idle.products.map((p, i) => ({ id: p.id, slide: slide(i) })).filter((p) => !losing.has(p.id)).sort((a, b) => b.slide - a.slide)[0]!;
    expect(next.marketing!.target).toBe(best.id);
  });

  it('never asks for closing while last quarter’s pulled orders are still owed back', () => {
    const start = createGame(scenario, 1);
    const closed = quarter(scenario, quarter(scenario, start, []), [{ kind: 'closing', points: 6 }]);
    expect(closed.accounts.some((a) => a.pulledForward > 0)).toBe(true);
    expect(leadAsks(scenario, closed)!.sales!.kind).not.toBe('closing');
  });

  it('follow the plan’s weights: a sales lead paid only on profit never presses for closing or prospecting', () => {
    const people = scenario.people!;
    const profitOnly: Scenario = { ...scenario, people: { ...people, sales: { ...people.sales, incentive: { profit: 1 } } } };
    const idle = quarter(profitOnly, createGame(profitOnly, 1), []);
    expect(leadAsks(profitOnly, idle)!.sales!.kind).toBe('relationship');
  });

  it('are heard in the share of their points a plan gives (on their target)', () => {
    const ask = { kind: 'campaign' as const, target: 'decaf', points: 4, reason: 'goodwill-sliding' as const, value: 0.2 };
    expect(heardShare(ask, [])).toBe(0);
    expect(heardShare(ask, [{ kind: 'campaign', target: 'house-blend', points: 6 }])).toBe(0);
    expect(heardShare(ask, [{ kind: 'campaign', target: 'decaf', points: 2 }])).toBe(0.5);
    expect(heardShare(ask, [{ kind: 'campaign', target: 'decaf', points: 9 }])).toBe(1);
    expect(heardShare(null, [])).toBe(0.5);
  });
});

describe('the leads’ morale', () => {
  const start = createGame(scenario, 2);
  const asks = leadAsks(scenario, start)!;
  const give = (extra: Move[]): Move[] => [
    { kind: asks.sales!.kind, points: asks.sales!.points },
    { kind: asks.marketing!.kind, points: asks.marketing!.points },
    ...extra,
  ];

  it('rises when a lead is heard and falls when not; their side’s moves follow it', () => {
    const heard = quarter(scenario, start, give([]));
    const unheard = quarter(scenario, start, [{ kind: 'brand', points: asks.marketing!.points }, { kind: 'service', target: 'harbor-health', points: asks.sales!.points }]);
    expect(heard.history[0]!.people!.sales.heard).toBe(1);
    expect(unheard.history[0]!.people!.sales.heard).toBe(0);
    for (const side of ['marketing', 'sales'] as const) {
      expect(heard.morale![side]).toBeGreaterThan(unheard.morale![side]);
      expect(heard.morale![side]).toBe(heard.history[0]!.people![side].morale);
      expect(moraleFactors(heard)[side]).toBeCloseTo(1 + MORALE_EFFECT * (heard.morale![side] - MORALE_NEUTRAL), 10);
    }
    expect(moraleFactors(unheard).sales).toBeLessThan(1);
  });

  it('is shifted by the dispute’s decision, from wherever it stood', () => {
    let state = start;
    for (let q = 0; q < 6 && state.dispute?.status !== 'open'; q++) state = quarter(scenario, state, []);
    expect(state.dispute?.status).toBe('open');
    const decided = decideDispute(scenario, state, 'keep');
    // Sales prevailed, marketing was overruled without a hearing.
    expect(decided.morale!.sales).toBeCloseTo(Math.min(0.95, state.morale!.sales + MORALE_AFTER.prevailed - MORALE_NEUTRAL), 6);
    expect(decided.morale!.marketing).toBeCloseTo(Math.max(0.05, state.morale!.marketing + MORALE_AFTER.overruled - MORALE_NEUTRAL), 6);
  });

  it('is not there at all for a scenario without people: it plays and hashes as before', () => {
    const v1 = loadArchived('two-hats', 1);
    const game = createGame(v1, 2);
    expect('morale' in game).toBe(false);
    expect(leadAsks(v1, game)).toBeNull();
    const next = quarter(v1, game, [{ kind: 'prospecting', points: 4 }]);
    expect('morale' in next).toBe(false);
    expect('people' in next.history[0]!).toBe(false);
    expect(moraleFactors(next)).toEqual({ marketing: 1, sales: 1 });
  });
});
