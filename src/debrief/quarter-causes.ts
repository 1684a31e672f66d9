// The quarter report's "why": for the quarter just played, how profit and revenue moved on the
// quarter before and the first causes in the chain the debrief would give for it — the same
// bookkeeping (src/debrief/chains.ts), read while the game is still being played.
import type { Scenario, Step } from '../sim/index';
import { chainFor } from './chains';
import { money } from './format';
import { replayGame } from './replay';
import type { ChainLink } from './types';

export interface QuarterCauses {
  quarter: number;
  /** E.g. "Profit rose by $5,432 on Q3". */
  headline: string;
  profitChange: number;
  revenueChange: number;
  /** The first causes of the profit change, in the chain's order (decisions and losses first). */
  causes: ChainLink[];
}

/** Why the last quarter of `steps` moved profit as it did; null for the first quarter (nothing to compare with). */
export function quarterCauses(scenario: Scenario, seed: number, steps: readonly Step[], limit = 3): QuarterCauses | null {
  if (steps.length < 2) return null;
  const game = replayGame(scenario, seed, steps, true);
  const q = game.quarters.length;
  const now = game.quarters[q - 1]!.record;
  const before = game.quarters[q - 2]!.record;
  const profitChange = now.profit - before.profit;
  const revenueChange = now.revenue - before.revenue;
  const direction = profitChange >= 0 ? 'rose' : 'fell';
  return {
    quarter: q,
    headline: `Profit ${direction} by ${money(Math.abs(profitChange))} on Q${q - 1} (revenue ${revenueChange >= 0 ? 'up' : 'down'} ${money(Math.abs(revenueChange))}).`,
    profitChange,
    revenueChange,
    causes: chainFor(scenario, game, q, 'profit', profitChange).slice(0, limit),
  };
}
