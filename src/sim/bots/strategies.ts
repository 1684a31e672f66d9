// The bot players. Each is a plain strategy that reads the state and returns a decision, so the
// balance tool, the tests and the simulate command can play thousands of games headless.
// Fixed bots spend the same way every quarter; the adaptive one reads the state.
import { adaptive } from './adaptive';
import { availableDisputeOptions } from '../dispute';
import { isFinalOption } from '../dispute-options';
import { effortAvailable } from '../effort';
import { MOVE_INFO, MOVE_KINDS } from '../moves';
import type { Bot } from './bot';
import type { DisputeOption, GameState, Move, ProductState, Scenario } from '../types';
import { concentrateEnabled, push, pushEnabled, split, topAccountIds } from './plan';

export type { Bot } from './bot';

function activeProducts(state: GameState) {
  return state.products.filter((p) => p.active);
}

/** Product ids ranked by their weight in the starting book of business (units × unit margin), each with its index in the scenario's list of lines. */
interface RankedLines {
  ids: string[];
  indices: number[];
}

function rankLines(scenario: Scenario): RankedLines {
  let ranked = rankedLines.get(scenario);
  if (!ranked) {
    const weight = (id: string) => {
      const spec = scenario.products.find((p) => p.id === id)!;
      let units = 0;
      for (const account of scenario.accounts) for (const buy of account.buys) if (buy.product === id) units += buy.units;
      return units * (spec.price - spec.unitCost);
    };
    const ids = scenario.products.map((p) => p.id).sort((a, b) => weight(b) - weight(a) || (a < b ? -1 : 1));
    ranked = { ids, indices: ids.map((id) => scenario.products.findIndex((p) => p.id === id)) };
    rankedLines.set(scenario, ranked);
  }
  return ranked;
}

const rankedLines = new WeakMap<Scenario, RankedLines>();

/**
 * split(points, weights) for the fixed mixes below, worked out once per number of points: split
 * is pure, and the bots ask for the same few splits every quarter. The arrays are only read.
 */
const MARKETING_MIX = [6, 1, 1, 2] as const;
const SALES_MIX = [3, 4, 2, 1] as const;
const marketingSplits: number[][] = [];
const salesSplits: number[][] = [];
function splitOnce(points: number, weights: readonly number[], memo: number[][]): readonly number[] {
  if (!(Number.isInteger(points) && points >= 0 && points <= 1000)) return split(points, weights);
  return (memo[points] ??= split(points, weights));
}

/** Marketing's usual mix: campaigns on every line, some brand, research and improvement. */
export function marketingMoves(scenario: Scenario, state: GameState, points: number, moves: Move[]): void {
  const parts = splitOnce(points, MARKETING_MIX, marketingSplits);
  const products = state.products;
  const tunings = scenario.moves;
  // The ranked lines still sold, and the active line of lowest quality (the first on ties).
  // Plain loops: the filter/some closures they replace showed up in the benchmark.
  const order = rankLines(scenario);
  const ranked: string[] = [];
  for (let r = 0; r < order.ids.length; r++) {
    const id = order.ids[r]!;
    // The line is usually where the scenario lists it: look there first, then everywhere.
    const at = products[order.indices[r]!];
    if (at !== undefined && at.id === id && at.active) {
      ranked.push(id);
      continue;
    }
    for (let i = 0; i < products.length; i++) {
      if (products[i]!.id === id && products[i]!.active) {
        ranked.push(id);
        break;
      }
    }
  }
  concentrateEnabled(moves, tunings.campaign.enabled, 'campaign', parts[0]!, ranked, ranked.length, 2);
  pushEnabled(moves, tunings.brand.enabled, 'brand', parts[1]!);
  pushEnabled(moves, tunings.research.enabled, 'research', parts[2]!);
  let weakest: ProductState | undefined;
  for (let i = 0; i < products.length; i++) {
    const p = products[i]!;
    if (p.active && (weakest === undefined || p.quality < weakest.quality)) weakest = p;
  }
  if (weakest) pushEnabled(moves, tunings.improve.enabled, 'improve', parts[3]!, weakest.id);
}

/** Reused by salesMoves for the ids of the accounts it works on (its first n entries, read before the next call). */
const topIds: string[] = [];

/** Sales' usual mix: prospecting, relationships and service on the biggest accounts, referrals. */
export function salesMoves(scenario: Scenario, state: GameState, points: number, moves: Move[]): void {
  const parts = splitOnce(points, SALES_MIX, salesSplits);
  const tunings = scenario.moves;
  const top = topIds;
  const n = topAccountIds(scenario, state, Math.ceil(points / 2), top);
  pushEnabled(moves, tunings.prospecting.enabled, 'prospecting', parts[0]!);
  concentrateEnabled(moves, tunings.relationship.enabled, 'relationship', parts[1]!, top, n, 2);
  concentrateEnabled(moves, tunings.service.enabled, 'service', parts[2]!, top, n, 2);
  const first = n > 0 ? top[0] : undefined;
  if (first) pushEnabled(moves, tunings.referrals.enabled, 'referrals', parts[3]!, first);
}

/**
 * After an investigation, a rule of thumb on the estimate of the anchor: a weak anchor, drop the
 * line; a middling one, phase it out with a migration plan; a strong one, keep it. The
 * thresholds come from the balance runs (npm run balance): where, over many seeds, each option
 * overtakes the next for a bot that splits its effort evenly.
 */
export function findingsRule(state: GameState): DisputeOption | null {
  const estimate = state.dispute?.investigation?.estimate;
  if (estimate === undefined) return null;
  return estimate < 0.35 ? 'discontinue' : 'keep';
}

const keepTheAccount = (_s: Scenario, state: GameState): DisputeOption => findingsRule(state) ?? 'keep';
const dropTheLoss = (_s: Scenario, state: GameState): DisputeOption => findingsRule(state) ?? 'discontinue';

export const allMarketing: Bot = {
  name: 'all-marketing',
  description: 'Puts every point into marketing moves.',
  decide(scenario, state) {
    const moves: Move[] = [];
    marketingMoves(scenario, state, effortAvailable(scenario, state), moves);
    return { moves };
  },
  settleDispute: dropTheLoss,
};

export const allSales: Bot = {
  name: 'all-sales',
  description: 'Puts every point into sales moves.',
  decide(scenario, state) {
    const moves: Move[] = [];
    salesMoves(scenario, state, effortAvailable(scenario, state), moves);
    return { moves };
  },
  settleDispute: keepTheAccount,
};

export const balanced: Bot = {
  name: 'balanced',
  description: 'Splits the budget evenly between marketing and sales, the same way every quarter.',
  decide(scenario, state) {
    const moves: Move[] = [];
    const half = Math.floor(effortAvailable(scenario, state) / 2);
    marketingMoves(scenario, state, half, moves);
    salesMoves(scenario, state, effortAvailable(scenario, state) - half, moves);
    return { moves };
  },
  settleDispute: keepTheAccount,
};

export const shortRunGreedy: Bot = {
  name: 'short-run-greedy',
  description: 'Chases this quarter’s revenue: closing and discounting.',
  decide(scenario, state) {
    const moves: Move[] = [];
    const [closing = 0, discounting = 0] = split(effortAvailable(scenario, state), [3, 2]);
    push(scenario, moves, 'closing', closing);
    push(scenario, moves, 'discounting', discounting);
    return { moves };
  },
  settleDispute: dropTheLoss,
};

export const random: Bot = {
  name: 'random',
  description: 'Spends each point on a move and target picked at random.',
  decide(scenario, state, rng) {
    // Every kind offered but price changes (a random price would only test the price rule), in
    // the catalogue's order: the draws pick kinds by their place in this list.
    const kinds = MOVE_KINDS.filter((k) => k !== 'price' && scenario.moves[k].enabled);
    const lines = activeProducts(state);
    const accounts = state.accounts.filter((a) => a.active);
    // Moves in the order first picked, one per kind and target (a target of '' and none count as
    // the same). A scan of the few moves so far beats building a key string and hashing it for
    // every point.
    const moves: Move[] = [];
    for (let p = 0; p < effortAvailable(scenario, state); p++) {
      const kind = kinds[Math.floor(rng() * kinds.length)]!;
      let target: string | undefined;
      const aim = MOVE_INFO[kind].target;
      if (aim === 'product') target = lines[Math.floor(rng() * lines.length)]?.id;
      else if (aim === 'account') target = accounts[Math.floor(rng() * accounts.length)]?.id;
      else rng();
      if (aim !== 'none' && target === undefined) continue;
      const key = target ?? '';
      let move: Move | undefined;
      for (let m = 0; m < moves.length && move === undefined; m++) {
        if (moves[m]!.kind === kind && (moves[m]!.target ?? '') === key) move = moves[m];
      }
      if (move) move.points += 1;
      else moves.push(target === undefined ? { kind, points: 1 } : { kind, points: 1, target });
    }
    return { moves };
  },
  settleDispute(scenario, state, rng) {
    // Any way open now, meetings and investigations included: random play explores them all.
    const open = availableDisputeOptions(scenario, state);
    const final = open.filter(isFinalOption);
    const pick = open[Math.floor(rng() * open.length)]!;
    return pick ?? final[0] ?? 'keep';
  },
};

export const BOTS: readonly Bot[] = [allMarketing, allSales, balanced, shortRunGreedy, random, adaptive];

