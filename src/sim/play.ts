// Plays a whole game headless: a bot (or a list of recorded steps) decides each quarter and
// settles the dispute when one opens. Returns the final state and the steps taken, which are
// exactly what a replay stores.
import type { Bot } from './bots/strategies';
import { createGame } from './init';
import { stream, type Prng } from './random';
import { decideDispute } from './dispute';
import { isFinalOption } from './dispute-options';
import { InvalidDecisionError, type Refusal } from './errors';
import { resolveQuarter } from './resolve/index';
import type { DisputeOption, GameState, Move, Scenario } from './types';

/**
 * One quarter as played: the choices made on the dispute before it (when one was open: a joint
 * meeting, then a decision or an investigation), then its moves.
 */
export interface Step {
  dispute?: DisputeOption[];
  moves: Move[];
}

export interface PlayOptions {
  /** Forces the bot's first choice when the dispute opens; after an investigation or a meeting the bot decides. */
  disputeOption?: DisputeOption;
}

/** A dispute step ends with a decision or an investigation; a joint meeting comes before either. */
function endsStep(option: DisputeOption): boolean {
  return option === 'investigate' || isFinalOption(option);
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
      const choices: DisputeOption[] = [];
      let forced = state.dispute.choices.length === 0 ? options.disputeOption : undefined;
      for (;;) {
        const option = forced ?? bot.settleDispute(scenario, state, rng);
        forced = undefined;
        choices.push(option);
        state = decideDispute(scenario, state, option);
        if (endsStep(option)) break;
      }
      step.dispute = choices;
    }
    step.moves = bot.decide(scenario, state, rng).moves;
    state = resolveQuarter(scenario, state, step);
    steps.push(step);
  }
  return { state, steps };
}

/** A recorded step that does not fit the game; `refusal` is the model's when a rule refused it, in `quarter`. */
export class ReplayMismatchError extends Error {
  constructor(
    message: string,
    readonly refusal: Refusal | null = null,
    readonly quarter: number | null = null,
  ) {
    super(message);
  }
}

/**
 * Plays one recorded step on a state: its dispute choices (when one is open), then its moves.
 * Throws a ReplayMismatchError (with the model's refusal when a rule refused it) when the step does not fit.
 */
export function playStep(scenario: Scenario, state: GameState, step: Step, label = `quarter ${state.quarter}`): GameState {
  if (state.finished) throw new ReplayMismatchError(`${label}: the game was already over`);
  const open = state.dispute?.status === 'open';
  if (open !== (step.dispute !== undefined)) {
    throw new ReplayMismatchError(
      open ? `quarter ${state.quarter}: a dispute was open but the step settles none` : `quarter ${state.quarter}: the step settles a dispute but none was open`,
    );
  }
  let next = state;
  try {
    if (step.dispute !== undefined) {
      const choices = step.dispute;
      if (choices.length === 0) throw new ReplayMismatchError('the step settles the dispute with no choice');
      choices.forEach((option, k) => {
        if (endsStep(option) !== (k === choices.length - 1)) {
          throw new ReplayMismatchError(`dispute choice ${k + 1} ("${option}"): only the last choice of a quarter may decide or investigate, and it must`);
        }
        next = decideDispute(scenario, next, option);
      });
    }
    return resolveQuarter(scenario, next, { moves: step.moves });
  } catch (error) {
    throw new ReplayMismatchError(`quarter ${next.quarter}: ${(error as Error).message}`, error instanceof InvalidDecisionError ? error.refusal : null, next.quarter);
  }
}

/** Plays recorded steps. Throws a ReplayMismatchError with the quarter when a step does not fit. */
export function playSteps(scenario: Scenario, seed: number, steps: readonly Step[]): GameState {
  let state = createGame(scenario, seed);
  for (const [i, step] of steps.entries()) state = playStep(scenario, state, step, `step ${i + 1}`);
  return state;
}
