// The parts of a relationship's change against the resolver: on every quarter of every bot's game
// (each first dispute choice, so investigations' visits too), the relationship the parts arrive at
// is the one the resolver leaves, and decay, routine contact, calls and visits add up to the
// change with next to nothing left for the clamp and the rounding.
import { describe, expect, it } from 'vitest';
import { resolveQuarter } from '../../src/sim/index';
import { relationshipParts } from '../../src/sim/relationship-parts';
import { planningStates } from '../app/planning-states';
import { loadShipped } from '../support/scenarios';

describe('the parts of a relationship’s change', () => {
  for (const id of ['two-hats', 'divisions'] as const) {
    it(`add up to the change the resolver makes (${id})`, () => {
      const scenario = loadShipped(id);
      let calls = 0;
      let visits = 0;
      for (const { label, state, moves } of planningStates(scenario, [1, 2, 3])) {
        const next = resolveQuarter(scenario, state, { moves });
        for (const parts of relationshipParts(scenario, state, moves)) {
          const after = next.accounts.find((a) => a.id === parts.account)!.relationship;
          expect(parts.after, `${label}, ${parts.account}`).toBe(after);
          expect(parts.before).toBe(state.accounts.find((a) => a.id === parts.account)!.relationship);
          expect(parts.decay + parts.routine + parts.calls + parts.visits + parts.rounding).toBeCloseTo(after - parts.before, 12);
          expect(Math.abs(parts.rounding)).toBeLessThan(1e-6);
          expect(parts.decay).toBeLessThanOrEqual(0);
          if (parts.calls > 0) calls++;
          if (parts.visits > 0) visits++;
        }
      }
      expect(calls).toBeGreaterThan(100);
      expect(visits).toBeGreaterThan(0);
    });
  }
});
