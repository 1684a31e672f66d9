// Plays a whole game headless: a bot (or a list of recorded steps) decides each quarter and
// settles the dispute when one opens. Returns the final state and the steps taken, which are
// exactly what a replay stores.
import type { Bot } from './bots/strategies';
import { createGame } from './init';
import { stream, type Prng } from './random';
import { decideDispute, resolveQuarter } from './resolve';
import type { DisputeOption, GameState, Move, Scenario } from './types';

/** One quarter as played: the dispute settled before it (if one was open), then its moves. */
export interface Step {
  dispute?: DisputeOption;
  moves: Move[];
}

export interface PlayOptions {
  /** Forces the bot's choice when the dispute opens. */
  disputeOption?: DisputeOption;
}

export interface PlayedGame {
  state: GameState;
  steps: Step[];
}

export function playBot(scenario: Scenario, seed: number, bot: Bot, options: PlayOptions = {}): PlayedGame {
  // The bot's stream is seeded on its first draw: most bots never draw, and a seeding costs
  // more than a whole quarter of a fixed bot. The draws are the same either way.
  let botStream: Prng | undefined;
  const rng: Prng = () => (botStream ??= stream(scenario.id, seed, `bot:${bot.name}`))();
  let state = createGame(scenario, seed);
  const steps: Step[] = [];
  while (!state.finished) {
    const step: Step = { moves: [] };
    if (state.dispute?.status === 'open') {
      step.dispute = options.disputeOption ?? bot.settleDispute(scenario, state, rng);
      state = decideDispute(scenario, state, step.dispute);
    }
    step.moves = bot.decide(scenario, state, rng).moves;
    state = resolveQuarter(scenario, state, step);
    steps.push(step);
  }
  return { state, steps };
}

export class ReplayMismatchError extends Error {}

/** Plays recorded steps. Throws a ReplayMismatchError with the quarter when a step does not fit. */
export function playSteps(scenario: Scenario, seed: number, steps: readonly Step[]): GameState {
  let state = createGame(scenario, seed);
  for (const [i, step] of steps.entries()) {
    if (state.finished) throw new ReplayMismatchError(`step ${i + 1}: the game was already over`);
    const open = state.dispute?.status === 'open';
    if (open !== (step.dispute !== undefined)) {
      throw new ReplayMismatchError(
        open ? `quarter ${state.quarter}: a dispute was open but the step settles none` : `quarter ${state.quarter}: the step settles a dispute but none was open`,
      );
    }
    try {
      if (step.dispute !== undefined) state = decideDispute(scenario, state, step.dispute);
      state = resolveQuarter(scenario, state, { moves: step.moves });
    } catch (error) {
      throw new ReplayMismatchError(`quarter ${state.quarter}: ${(error as Error).message}`);
    }
  }
  return state;
}
