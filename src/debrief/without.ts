// The game played again without some of its moves, on the same luck: what those moves were worth,
// measured by the model rather than guessed. The rule is the luck-or-skill report's transplant
// rule (src/scoreboard/luck.ts) on the game's own seed: the other moves are played quarter by
// quarter, a move that no longer fits is dropped, the points taken out are not re-spent, and the
// dispute gets the game's own choices whenever it opens.
import { MOVE_INFO, type MoveKind, type MoveSide, type Scenario, type Step } from '../sim/index';
import { transplant } from '../scoreboard/luck';

export interface PlayedWithout {
  /** Final score total of the game without the moves. */
  score: number;
  /** Profit summed over the game's quarters. */
  totalProfit: number;
  /** Effort points the moves taken out had. */
  pointsTakenOut: number;
}

/** The steps less every move `leaveOut` picks. */
export function stepsWithout(steps: readonly Step[], leaveOut: (kind: MoveKind) => boolean): Step[] {
  return steps.map((step) => ({ ...step, moves: step.moves.filter((move) => !leaveOut(move.kind)) }));
}

export function playWithout(scenario: Scenario, seed: number, steps: readonly Step[], leaveOut: (kind: MoveKind) => boolean): PlayedWithout {
  let pointsTakenOut = 0;
  for (const step of steps) for (const move of step.moves) if (leaveOut(move.kind)) pointsTakenOut += move.points;
  const game = transplant(scenario, seed, stepsWithout(steps, leaveOut));
  return { score: game.score, totalProfit: game.totalProfit, pointsTakenOut };
}

/** Picks the moves of one side of the firm. */
export const sideMoves = (side: MoveSide) => (kind: MoveKind) => MOVE_INFO[kind].side === side;

/** Picks the moves of one kind. */
export const kindMoves = (only: MoveKind) => (kind: MoveKind) => kind === only;
