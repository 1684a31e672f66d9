// What the final results need besides the scorecard: the finished game's result code (its replay,
// group name and claimed outcome) and a ghost group's figures, recomputed from its code by
// replaying its decisions. Pure: the scenes pass in the snapshot's parts.
import { makeReplay } from '../replay/replay';
import { makeResultCode, verifyResultCode, type QuarterFigures } from '../scoreboard/index';
import { stateHash, type GameState, type Scenario, type Step } from '../sim/index';

/** The result code of a finished game played by `group`. */
export function finishedGameCode(scenario: Scenario, game: GameState, steps: readonly Step[], group: string): string {
  const last = game.history[game.history.length - 1];
  if (!game.finished || !last) throw new Error('a result code is made only for a finished game');
  const replay = makeReplay(scenario, game.seed, steps);
  return makeResultCode(scenario, replay, group, { score: last.score.total, stateHash: stateHash(game) });
}

export type GhostFigures = { ok: true; group: string; quarters: QuarterFigures[]; score: number } | { ok: false; message: string };

const ghostCache = new Map<string, GhostFigures>();

/**
 * A ghost group's figures quarter by quarter, from replaying its code on this scenario and seed
 * (the code's claimed figures are never used: a code that does not verify shows no ghost).
 */
export function ghostFigures(scenario: Scenario, seed: number, code: string): GhostFigures {
  const key = `${scenario.id}:${seed}:${code}`;
  const cached = ghostCache.get(key);
  if (cached) return cached;
  const result = verifyResultCode(code, scenario, { seed });
  const figures: GhostFigures = result.ok ? { ok: true, group: result.group, quarters: result.quarters, score: result.score } : { ok: false, message: result.message };
  if (ghostCache.size > 20) ghostCache.clear();
  ghostCache.set(key, figures);
  return figures;
}
