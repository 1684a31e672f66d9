// The quarter report's causes: the same chain the debrief gives for that quarter, read while
// the game is still being played, with the change figures taken from the records.
import { describe, expect, it } from 'vitest';
import { chainFor } from '../../src/debrief/chains';
import { quarterCauses, replayGame } from '../../src/debrief/index';
import { BOTS, playBot } from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';

const scenario = loadShipped('two-hats');

describe('quarterCauses', () => {
  it('has nothing to compare the first quarter with', () => {
    const { steps } = playBot(scenario, 1, BOTS[0]!);
    expect(quarterCauses(scenario, 1, steps.slice(0, 1))).toBeNull();
  });

  it('gives, for every quarter of many games, the record’s change and the debrief’s first causes', () => {
    for (const bot of BOTS) {
      for (const seed of [1, 2, 3, 4, 5]) {
        const { steps, state } = playBot(scenario, seed, bot, { disputeOption: seed % 2 ? 'discontinue' : 'phase-out' });
        const whole = replayGame(scenario, seed, steps);
        for (let q = 2; q <= scenario.quarters; q++) {
          const why = quarterCauses(scenario, seed, steps.slice(0, q))!;
          const change = state.history[q - 1]!.profit - state.history[q - 2]!.profit;
          expect(why.quarter).toBe(q);
          expect(why.profitChange).toBe(change);
          expect(why.revenueChange).toBe(state.history[q - 1]!.revenue - state.history[q - 2]!.revenue);
          expect(why.headline).toMatch(change >= 0 ? /^Profit rose/ : /^Profit fell/);
          expect(why.causes).toStrictEqual(chainFor(scenario, whole, q, 'profit', change).slice(0, 3));
        }
      }
    }
  });
});
