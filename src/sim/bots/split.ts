// A bot that puts a fixed share of each quarter's effort into marketing and the rest into sales,
// each spread as the balanced bot spreads it: sweeping the share finds where a scenario's best
// split lies, so the balance tools and the tests can compare structures (one person's eight
// points against two leads' twenty) by the model's outcomes, not by a rule.
import { effortAvailable } from '../effort';
import type { Bot } from './bot';
import { balanced, marketingMoves, salesMoves } from './strategies';
import type { Move } from '../types';

export function fixedSplit(marketingShare: number): Bot {
  return {
    name: `split-${Math.round(marketingShare * 100)}`,
    description: `Puts ${Math.round(marketingShare * 100)}% of the effort into marketing and the rest into sales, every quarter.`,
    decide(scenario, state) {
      const moves: Move[] = [];
      const available = effortAvailable(scenario, state);
      const marketing = Math.round(available * marketingShare);
      marketingMoves(scenario, state, marketing, moves);
      salesMoves(scenario, state, available - marketing, moves);
      return { moves };
    },
    settleDispute: (scenario, state, rng) => balanced.settleDispute(scenario, state, rng),
  };
}
