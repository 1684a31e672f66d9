// Replays a game's recorded steps with the model and keeps every intermediate state: the state
// each quarter started in, the state after that quarter's dispute choices, and the state after
// its moves. The debrief reads its explanations from these states and the records in them, so
// it can never say something the model did not do. Same rules as playSteps (src/sim/play.ts);
// a step that does not fit throws a DebriefError naming the quarter.
import { createGame, decideDispute, isFinalOption, resolveQuarter, type DisputeOption, type GameState, type QuarterRecord, type Scenario, type Step } from '../sim/index';

export class DebriefError extends Error {}

export interface PlayedQuarter {
  quarter: number;
  /** Before the dispute choices (if any) of this quarter. */
  start: GameState;
  /** After the dispute choices, before the moves. */
  beforeMoves: GameState;
  /** After the quarter resolved. */
  end: GameState;
  step: Step;
  record: QuarterRecord;
}

export interface ReplayedGame {
  initial: GameState;
  quarters: PlayedQuarter[];
  final: GameState;
}

/** Applies one sitting's dispute choices the way playSteps does: only the last may decide or investigate. */
export function applyChoices(scenario: Scenario, state: GameState, choices: readonly DisputeOption[], where: string): GameState {
  let next = state;
  if (choices.length === 0) throw new DebriefError(`${where}: the step settles the dispute with no choice`);
  choices.forEach((option, k) => {
    const ends = option === 'investigate' || isFinalOption(option);
    if (ends !== (k === choices.length - 1)) {
      throw new DebriefError(`${where}: dispute choice ${k + 1} ("${option}"): only the last choice of a sitting may decide or investigate, and it must`);
    }
    try {
      next = decideDispute(scenario, next, option);
    } catch (error) {
      throw new DebriefError(`${where}: ${(error as Error).message}`);
    }
  });
  return next;
}

/**
 * Replays `steps` from the seed's start; the game must end with the last step, unless `partial`
 * (the quarter report explains a game still being played).
 */
export function replayGame(scenario: Scenario, seed: number, steps: readonly Step[], partial = false): ReplayedGame {
  const prefix = `The steps do not replay on "${scenario.id}" seed ${seed}`;
  const initial = createGame(scenario, seed);
  let state = initial;
  const quarters: PlayedQuarter[] = [];
  for (const [i, step] of steps.entries()) {
    const where = `${prefix}: quarter ${state.quarter}`;
    if (state.finished) throw new DebriefError(`${prefix}: step ${i + 1} comes after the game is over`);
    const open = state.dispute?.status === 'open';
    if (open !== (step.dispute !== undefined)) {
      throw new DebriefError(open ? `${where}: a dispute was open but the step settles none` : `${where}: the step settles a dispute but none was open`);
    }
    const start = state;
    const beforeMoves = step.dispute !== undefined ? applyChoices(scenario, state, step.dispute, where) : state;
    let end: GameState;
    try {
      end = resolveQuarter(scenario, beforeMoves, { moves: step.moves });
    } catch (error) {
      throw new DebriefError(`${where}: ${(error as Error).message}`);
    }
    quarters.push({ quarter: start.quarter, start, beforeMoves, end, step, record: end.history[end.history.length - 1]! });
    state = end;
  }
  if (!state.finished && !partial) {
    throw new DebriefError(`${prefix}: the steps cover ${quarters.length} of ${scenario.quarters} quarters; a debrief needs the whole game`);
  }
  return { initial, quarters, final: state };
}

/** Ids of the scenario events that fired while `played` resolved. */
export function firedDuring(played: PlayedQuarter): string[] {
  return played.end.firedEvents.filter((id) => !played.start.firedEvents.includes(id));
}
