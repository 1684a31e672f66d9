// The planning screen's projection ("commit this and expect…"): the model's own resolver run
// on a copy of the state whose luck for the coming quarter is replaced by neutral draws —
// average demand, no surprise churn — so a projection never leaks the seed's future luck.
import { resolveQuarter } from './resolve/index';
import type { Decision, GameState, QuarterRecord, Scenario } from './types';

export function neutralLuck(state: GameState): GameState {
  const q = state.quarter - 1;
  const luck = state.luck;
  const replace = <T>(rows: T[], row: T): T[] => rows.map((r, i) => (i === q ? row : r));
  return {
    ...state,
    luck: {
      ...luck,
      market: replace(luck.market, luck.market[q]?.map(() => 0.5) ?? []),
      conversion: replace(luck.conversion, 0.5),
      churn: replace(luck.churn, luck.churn[q]?.map(() => 1) ?? []),
    },
  };
}

/** What the quarter would look like with this decision and average luck. Throws InvalidDecisionError like resolveQuarter. */
export function projectQuarter(scenario: Scenario, state: GameState, decision: Decision): QuarterRecord {
  const next = resolveQuarter(scenario, neutralLuck(state), decision);
  return next.history[next.history.length - 1]!;
}
