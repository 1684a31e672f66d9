// A move's useful maximum against the resolver itself: on the states bots plan on (and the same
// states pushed to the edges where a limit bites: goodwill, quality and insight near 100%, fixed
// costs near their floor, few or no prospects), the quarter resolves to the same state with the
// move at its useful maximum as with more points, and (where the limit is exact) to another one
// with a point less.
import { describe, expect, it } from 'vitest';
import { effortAvailable, effortOf, MOVE_INFO, MOVE_KINDS, resolveQuarter, type GameState, type Move, type MoveKind, type Scenario } from '../../src/sim/index';
import { usefulPoints, type UsefulLimit } from '../../src/sim/useful-points';
import { planningStates } from '../app/planning-states';
import { loadShipped } from '../support/scenarios';

/** The next state less the effort the record counts (points past the maximum are still spent). */
function outcome(scenario: Scenario, state: GameState, moves: Move[]): unknown {
  const next = resolveQuarter(scenario, state, { moves });
  return { ...next, luck: null, history: next.history.map((r) => ({ ...r, effortMarketing: 0, effortSales: 0, effortJoint: 0 })) };
}

/** The moves a limit of `kind` depends on: they stay in the plan when others make room. */
const DEPENDS_ON: Partial<Record<MoveKind, MoveKind>> = { campaign: 'brand', brand: 'campaign', referrals: 'prospecting' };

/** The state at the edges where limits bite. */
function edges(state: GameState): GameState[] {
  const products = (change: (p: GameState['products'][number]) => Partial<GameState['products'][number]>) => state.products.map((p) => ({ ...p, ...change(p) }));
  return [
    { ...state, products: products((p) => ({ goodwill: Math.max(p.goodwill, 0.93) })) },
    { ...state, products: products((p) => ({ quality: Math.max(p.quality, 0.96) })) },
    { ...state, insight: 0.92 },
    { ...state, products: products((p) => ({ fixedCost: Math.round(p.fixedCost * 0.66) })) },
    { ...state, prospectsLeft: Math.min(state.prospectsLeft, 1), leads: Math.max(state.leads, 12) },
    { ...state, prospectsLeft: 0 },
  ];
}

function targetsOf(state: GameState, kind: MoveKind): (string | undefined)[] {
  const aim = MOVE_INFO[kind].target;
  if (aim === 'product') return state.products.filter((p) => p.active).map((p) => p.id);
  if (aim === 'account') return state.accounts.filter((a) => a.active).slice(0, 1).map((a) => a.id);
  return [undefined];
}

function moveOf(scenario: Scenario, state: GameState, kind: MoveKind, target: string | undefined, points: number): Move[] {
  if (points === 0) return [];
  const move: Move = target === undefined ? { kind, points } : { kind, target, points };
  if (kind === 'price') {
    const spec = scenario.products.find((p) => p.id === target)!;
    const current = state.products.find((p) => p.id === target)!.price;
    move.price = current === Math.round(spec.price * 1.1) ? Math.round(spec.price * 0.9) : Math.round(spec.price * 1.1);
  }
  return [move];
}

/** Limits that are the fewest points with that outcome (the prospect limits are sure bounds at any luck, not the fewest). */
const EXACT: readonly UsefulLimit[] = ['price-needs-one', 'goodwill-full', 'quality-full', 'insight-full', 'fixed-costs-at-floor'];

describe('a move’s useful maximum', () => {
  // Solo-founder's 8 points a quarter never fill goodwill or insight, even from the edges.
  const everyLimit: UsefulLimit[] = ['fixed-costs-at-floor', 'goodwill-full', 'insight-full', 'no-prospects', 'plan-wins-every-prospect', 'price-needs-one', 'quality-full', 'wins-every-prospect'];
  const limitsMet: Record<string, UsefulLimit[]> = { 'two-hats': everyLimit, 'solo-founder': everyLimit.filter((l) => l !== 'goodwill-full' && l !== 'insight-full') };
  for (const id of ['two-hats', 'solo-founder'] as const) {
    it(`is where more points stop changing the quarter (${id})`, () => {
      const scenario = loadShipped(id);
      const seen = new Map<UsefulLimit, number>();
      let checked = 0;
      for (const planned of planningStates(scenario, [1, 2]).filter((_, i) => i % 4 === 0)) {
        for (const state of [planned.state, ...edges(planned.state)]) {
          const available = effortAvailable(scenario, state);
          for (const kind of MOVE_KINDS.filter((k) => scenario.moves[k].enabled)) {
            for (const target of targetsOf(state, kind)) {
              let rest = planned.moves.filter((m) => !(m.kind === kind && m.target === target));
              // Room for a point past the limit: moves the limit does not depend on go first.
              const useful = () => usefulPoints(scenario, state, rest, kind, target);
              let found = useful();
              if (found === null) continue;
              while (effortOf({ moves: rest }) + found.points + 1 > available) {
                const drop = rest.map((m) => m.kind !== DEPENDS_ON[kind]).lastIndexOf(true);
                if (drop < 0) break;
                rest = rest.filter((_, i) => i !== drop);
                found = useful();
                if (found === null) break;
              }
              if (found === null || effortOf({ moves: rest }) + found.points + 1 > available) continue;
              const label = `${planned.label}: ${kind}${target ? ` on ${target}` : ''}, ${found.points} (${found.limit})`;
              const more = Math.min(available - effortOf({ moves: rest }), found.points + 3);
              const at = outcome(scenario, state, [...rest, ...moveOf(scenario, state, kind, target, found.points)]);
              expect(outcome(scenario, state, [...rest, ...moveOf(scenario, state, kind, target, more)]), label).toEqual(at);
              if (EXACT.includes(found.limit) && found.points > 0) {
                expect(outcome(scenario, state, [...rest, ...moveOf(scenario, state, kind, target, found.points - 1)]), label).not.toEqual(at);
              }
              seen.set(found.limit, (seen.get(found.limit) ?? 0) + 1);
              checked++;
            }
          }
        }
      }
      expect(checked).toBeGreaterThan(50);
      expect([...seen.keys()].sort()).toEqual(limitsMet[id]);
    });
  }

  it('is one point for a price change, and nothing for the moves that need prospects once none are left', () => {
    const scenario = loadShipped('two-hats');
    const { state } = planningStates(scenario, [1])[0]!;
    expect(usefulPoints(scenario, state, [], 'price', 'decaf')).toEqual({ points: 1, limit: 'price-needs-one' });
    const empty = { ...state, prospectsLeft: 0 };
    expect(usefulPoints(scenario, empty, [], 'prospecting')).toEqual({ points: 0, limit: 'no-prospects' });
    expect(usefulPoints(scenario, empty, [], 'referrals', state.accounts[0]!.id)).toEqual({ points: 0, limit: 'no-prospects' });
    // At the start every other point of these moves counts.
    for (const kind of ['campaign', 'prospecting', 'relationship', 'service', 'closing', 'portfolio-review'] as const) {
      expect(usefulPoints(scenario, state, [], kind, MOVE_INFO[kind].target === 'product' ? 'decaf' : MOVE_INFO[kind].target === 'account' ? state.accounts[0]!.id : undefined), kind).toBeNull();
    }
  });
});
