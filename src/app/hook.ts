// window.marketingAndSales: a small hook for tests and tools to run the game's core inside the
// page, so a check can compare the browser's result with Node's (DESIGN.md, "Determinism").
import { parseReplay, runReplay } from '../replay/replay';
import type { Scenario } from '../sim/index';

export interface MarketingAndSalesHook {
  /**
   * Plays `replay` (replay JSON, as text or a value) on `scenario` (an already-parsed scenario
   * object) and returns the final-state hash and the total score. Throws a ReplayError when
   * the replay is malformed or belongs to another scenario or version.
   */
  runReplay(scenario: Scenario, replay: unknown): { stateHash: string; score: number };
}

declare global {
  interface Window {
    marketingAndSales: MarketingAndSalesHook;
  }
}

export const hook: MarketingAndSalesHook = {
  runReplay(scenario, replay) {
    // Only the two numbers: the full state is large and a caller compares hashes, not states.
    const { stateHash, score } = runReplay(scenario, parseReplay(replay));
    return { stateHash, score };
  },
};
