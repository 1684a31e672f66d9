// Shared material for the scoreboard tests: real games of the shipped two-hats scenario played by
// the bots or by random legal moves, and their result codes.
import fc from 'fast-check';
import { makeReplay, runReplay, type Replay } from '../../src/replay/replay';
import { makeResultCode } from '../../src/scoreboard/index';
import {
  BOTS,
  DISPUTE_OPTIONS,
  MOVE_INFO,
  MOVE_KINDS,
  PRICE_MAX_SHARE,
  PRICE_MIN_SHARE,
  createGame,
  effortAvailable,
  decideDispute,
  playBot,
  resolveQuarter,
  validateDisputeOption,
  validateMove,
  type Move,
  type Scenario,
  type Step,
} from '../../src/sim/index';
import { loadShipped } from '../support/scenarios';

export const scenario: Scenario = loadShipped('two-hats');

export function botName(i: number): string {
  return BOTS[i % BOTS.length]!.name;
}

export function botReplay(bot: string, seed = scenario.defaultSeed): Replay {
  const played = playBot(scenario, seed, BOTS.find((b) => b.name === bot)!);
  return makeReplay(scenario, seed, played.steps);
}

export function botCode(bot: string, group: string, seed = scenario.defaultSeed): string {
  return makeResultCode(scenario, botReplay(bot, seed), group);
}

/** One intended move: numbers that are mapped onto a legal move in whatever state the game is in. */
export interface Intent {
  kind: number;
  target: number;
  points: number;
  price: number;
}

export const intentArb: fc.Arbitrary<Intent> = fc.record({
  kind: fc.nat(100),
  target: fc.nat(1000),
  points: fc.integer({ min: 1, max: 25 }),
  price: fc.double({ min: 0, max: 1, noNaN: true }),
});

export const gameArb = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  quarters: fc.array(fc.array(intentArb, { maxLength: 14 }), { minLength: scenario.quarters, maxLength: scenario.quarters }),
  dispute: fc.constantFrom(...DISPUTE_OPTIONS),
});

/** Plays a game of random legal moves (every kind, large points, prices) and returns its replay. */
export function randomGame(seed: number, quarters: readonly (readonly Intent[])[], dispute: (typeof DISPUTE_OPTIONS)[number]): Replay {
  let state = createGame(scenario, seed);
  const steps: Step[] = [];
  const kinds = MOVE_KINDS.filter((k) => scenario.moves[k].enabled);
  for (let q = 0; !state.finished; q++) {
    const step: Step = { moves: [] };
    if (state.dispute?.status === 'open') {
      // The chosen way first when it is open here (a meeting then keeps; a second sitting after an investigation keeps).
      const first = validateDisputeOption(scenario, state, dispute).ok ? dispute : 'keep';
      step.dispute = first === 'joint-meeting' ? [first, 'keep'] : [first];
      for (const option of step.dispute) state = decideDispute(scenario, state, option);
    }
    let budget = effortAvailable(scenario, state);
    for (const intent of quarters[q] ?? []) {
      if (budget === 0) break;
      const kind = kinds[intent.kind % kinds.length]!;
      const move: Move = { kind, points: Math.min(intent.points, budget) };
      const info = MOVE_INFO[kind];
      if (info.target === 'product') {
        const lines = state.products.filter((p) => p.active);
        move.target = lines[intent.target % lines.length]?.id;
      } else if (info.target === 'account') {
        const accounts = state.accounts.filter((a) => a.active);
        move.target = accounts[intent.target % accounts.length]?.id;
      }
      if (kind === 'price' && move.target !== undefined) {
        const spec = scenario.products.find((p) => p.id === move.target)!;
        const low = Math.ceil(spec.price * PRICE_MIN_SHARE);
        const high = Math.floor(spec.price * PRICE_MAX_SHARE);
        move.price = low + Math.floor(intent.price * (high - low));
      }
      if (move.target === undefined) delete move.target;
      if (step.moves.some((m) => m.kind === move.kind && m.target === move.target)) continue;
      if (!validateMove(scenario, state, move).ok) continue;
      step.moves.push(move);
      budget -= move.points;
    }
    state = resolveQuarter(scenario, state, { moves: step.moves });
    steps.push(step);
  }
  return makeReplay(scenario, seed, steps);
}

export function codeOf(replay: Replay, group: string): string {
  return makeResultCode(scenario, replay, group);
}

export function outcomeOf(replay: Replay): { score: number; stateHash: string } {
  const r = runReplay(scenario, replay);
  return { score: r.score, stateHash: r.stateHash };
}
