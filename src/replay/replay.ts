// Replays: the decisions of a whole game, enough to recompute it exactly anywhere.
// `{format, scenarioId, scenarioHash, seed, decisions}` — the scenario's content hash ties a
// replay to one version of one scenario, so a replay never silently plays a different game.
// zod/mini: the same checks as zod's classic API in a fraction of the page's download.
import * as z from 'zod/mini';
import {
  DISPUTE_OPTIONS,
  MOVE_KINDS,
  ReplayMismatchError,
  hashValue,
  playSteps,
  stateHash,
  type GameState,
  type Refusal,
  type Scenario,
  type Step,
} from '../sim/index';

// The replay format, named and numbered: a step's dispute is the list of choices made before it
// (a joint meeting or an investigation first, then the decision). A replay of any other format is
// refused rather than guessed at, so a code from another version of the game says so.
export const REPLAY_FORMAT = 'marketing-and-sales/replay@2';

const moveSchema = z.strictObject({
  kind: z.enum(MOVE_KINDS),
  target: z.optional(z.string().check(z.maxLength(100))),
  points: z.int().check(z.gte(1), z.lte(1000)),
  price: z.optional(z.int().check(z.gte(0), z.lte(1_000_000_000))),
});

export const stepSchema = z.strictObject({
  dispute: z.optional(z.array(z.enum(DISPUTE_OPTIONS)).check(z.minLength(1), z.maxLength(3))),
  moves: z.array(moveSchema).check(z.maxLength(200)),
});

export const replaySchema = z.strictObject({
  format: z.literal(REPLAY_FORMAT),
  scenarioId: z.string().check(z.minLength(1), z.maxLength(100)),
  scenarioHash: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
  seed: z.int().check(z.gte(0), z.lte(2 ** 31 - 1)),
  decisions: z.array(stepSchema).check(z.maxLength(100)),
});

export type Replay = z.infer<typeof replaySchema>;

/** A replay that does not play; `refused` is the rule the model refused a decision by, and in which quarter, when that is why. */
export class ReplayError extends Error {
  constructor(
    message: string,
    readonly refused: RefusedDecision | null = null,
  ) {
    super(message);
  }
}

/** A decision the model refused: the quarter and the refusal, for a screen or a tool to word. */
export interface RefusedDecision {
  quarter: number;
  refusal: Refusal;
}

// The hash is a canonical JSON walk of the whole scenario, and a scoreboard asks for it once per
// code: it is worked out once per scenario object (a loaded scenario is never mutated).
const hashes = new WeakMap<Scenario, string>();

/** The content hash of a validated scenario: formatting and comments in its file do not count. */
export function scenarioHash(scenario: Scenario): string {
  let hash = hashes.get(scenario);
  if (hash === undefined) {
    hash = hashValue(scenario);
    hashes.set(scenario, hash);
  }
  return hash;
}

export function makeReplay(scenario: Scenario, seed: number, decisions: readonly Step[]): Replay {
  return {
    format: REPLAY_FORMAT,
    scenarioId: scenario.id,
    scenarioHash: scenarioHash(scenario),
    seed,
    decisions: decisions.map((step) => (step.dispute === undefined ? { moves: step.moves } : { dispute: [...step.dispute], moves: step.moves })),
  };
}

/** Parses replay JSON (text or a value), with an error that says what is wrong and where. */
export function parseReplay(input: unknown): Replay {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new ReplayError(`replay is not valid JSON: ${(error as Error).message}`);
    }
  }
  const parsed = replaySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    throw new ReplayError(`replay field ${where}: ${issue.message}`);
  }
  return parsed.data;
}

export interface ReplayResult {
  state: GameState;
  stateHash: string;
  score: number;
}

export function runReplay(scenario: Scenario, replay: Replay): ReplayResult {
  if (replay.scenarioId !== scenario.id) {
    throw new ReplayError(`replay is for scenario "${replay.scenarioId}", not "${scenario.id}"`);
  }
  const expected = scenarioHash(scenario);
  if (replay.scenarioHash !== expected) {
    throw new ReplayError(`replay was recorded on another version of "${scenario.id}" (content hash ${replay.scenarioHash}, this file is ${expected})`);
  }
  let state: GameState;
  try {
    state = playSteps(scenario, replay.seed, replay.decisions);
  } catch (error) {
    if (error instanceof ReplayMismatchError) {
      const refused = error.refusal !== null && error.quarter !== null ? { quarter: error.quarter, refusal: error.refusal } : null;
      throw new ReplayError(`replay does not fit the game at ${error.message}`, refused);
    }
    throw error;
  }
  if (!state.finished) throw new ReplayError(`replay ends after ${replay.decisions.length} of ${scenario.quarters} quarters`);
  const last = state.history[state.history.length - 1]!;
  return { state, stateHash: stateHash(state), score: last.score.total };
}
