// The bot players. Each is a plain strategy that reads the state and returns a decision, so the
// balance tool, the tests and the simulate command can play thousands of games headless.
// Fixed bots spend the same way every quarter; the adaptive one reads the state.
import { adaptive } from './adaptive';
import type { Bot } from './bot';
import type { DisputeOption, GameState, Move, Scenario } from '../types';
import { concentrate, push, split, topAccounts } from './plan';

export type { Bot } from './bot';

function activeProducts(state: GameState) {
  return state.products.filter((p) => p.active);
}

/** Product ids ranked by their weight in the starting book of business (units × unit margin). */
function linesByWeight(scenario: Scenario): string[] {
  let ranked = rankedLines.get(scenario);
  if (!ranked) {
    const weight = (id: string) => {
      const spec = scenario.products.find((p) => p.id === id)!;
      let units = 0;
      for (const account of scenario.accounts) for (const buy of account.buys) if (buy.product === id) units += buy.units;
      return units * (spec.price - spec.unitCost);
    };
    ranked = scenario.products.map((p) => p.id).sort((a, b) => weight(b) - weight(a) || (a < b ? -1 : 1));
    rankedLines.set(scenario, ranked);
  }
  return ranked;
}

const rankedLines = new WeakMap<Scenario, string[]>();

/** Marketing's usual mix: campaigns on every line, some brand, research and improvement. */
function marketingMoves(scenario: Scenario, state: GameState, points: number, moves: Move[]): void {
  const [campaigns = 0, brand = 0, research = 0, improve = 0] = split(points, [6, 1, 1, 2]);
  const lines = activeProducts(state);
  const ranked = linesByWeight(scenario).filter((id) => lines.some((p) => p.id === id));
  concentrate(scenario, moves, 'campaign', campaigns, ranked, 2);
  push(scenario, moves, 'brand', brand);
  push(scenario, moves, 'research', research);
  let weakest = lines[0];
  for (const p of lines) if (weakest && p.quality < weakest.quality) weakest = p;
  if (weakest) push(scenario, moves, 'improve', improve, weakest.id);
}

/** Sales' usual mix: prospecting, relationships and service on the biggest accounts, referrals. */
function salesMoves(scenario: Scenario, state: GameState, points: number, moves: Move[]): void {
  const [prospecting = 0, relationship = 0, service = 0, referrals = 0] = split(points, [3, 4, 2, 1]);
  const top = topAccounts(scenario, state, Math.ceil(points / 2)).map((a) => a.id);
  push(scenario, moves, 'prospecting', prospecting);
  concentrate(scenario, moves, 'relationship', relationship, top, 2);
  concentrate(scenario, moves, 'service', service, top, 2);
  const first = top[0];
  if (first) push(scenario, moves, 'referrals', referrals, first);
}

const keepTheAccount = (): DisputeOption => 'keep';
const dropTheLoss = (): DisputeOption => 'discontinue';

export const allMarketing: Bot = {
  name: 'all-marketing',
  description: 'Puts every point into marketing moves.',
  decide(scenario, state) {
    const moves: Move[] = [];
    marketingMoves(scenario, state, scenario.effortBudget, moves);
    return { moves };
  },
  settleDispute: dropTheLoss,
};

export const allSales: Bot = {
  name: 'all-sales',
  description: 'Puts every point into sales moves.',
  decide(scenario, state) {
    const moves: Move[] = [];
    salesMoves(scenario, state, scenario.effortBudget, moves);
    return { moves };
  },
  settleDispute: keepTheAccount,
};

export const balanced: Bot = {
  name: 'balanced',
  description: 'Splits the budget evenly between marketing and sales, the same way every quarter.',
  decide(scenario, state) {
    const moves: Move[] = [];
    const half = Math.floor(scenario.effortBudget / 2);
    marketingMoves(scenario, state, half, moves);
    salesMoves(scenario, state, scenario.effortBudget - half, moves);
    return { moves };
  },
  settleDispute: keepTheAccount,
};

export const shortRunGreedy: Bot = {
  name: 'short-run-greedy',
  description: 'Chases this quarter’s revenue: closing and discounting.',
  decide(scenario, state) {
    const moves: Move[] = [];
    const [closing = 0, discounting = 0] = split(scenario.effortBudget, [3, 2]);
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
    const kinds = (['campaign', 'research', 'improve', 'brand', 'portfolio-review', 'prospecting', 'service', 'relationship', 'referrals', 'closing', 'discounting', 'alignment'] as const).filter(
      (k) => scenario.moves[k].enabled,
    );
    const lines = activeProducts(state);
    const accounts = state.accounts.filter((a) => a.active);
    const tally = new Map<string, Move>();
    for (let p = 0; p < scenario.effortBudget; p++) {
      const kind = kinds[Math.floor(rng() * kinds.length)]!;
      let target: string | undefined;
      if (kind === 'campaign' || kind === 'improve') target = lines[Math.floor(rng() * lines.length)]?.id;
      else if (kind === 'service' || kind === 'relationship' || kind === 'referrals') target = accounts[Math.floor(rng() * accounts.length)]?.id;
      else rng();
      if ((kind === 'campaign' || kind === 'improve' || kind === 'service' || kind === 'relationship' || kind === 'referrals') && target === undefined) continue;
      const key = `${kind}:${target ?? ''}`;
      const move = tally.get(key);
      if (move) move.points += 1;
      else tally.set(key, target === undefined ? { kind, points: 1 } : { kind, points: 1, target });
    }
    return { moves: [...tally.values()] };
  },
  settleDispute(_scenario, _state, rng) {
    return rng() < 0.5 ? 'keep' : 'discontinue';
  },
};

export const BOTS: readonly Bot[] = [allMarketing, allSales, balanced, shortRunGreedy, random, adaptive];


export function botNamed(name: string): Bot | undefined {
  return BOTS.find((b) => b.name === name);
}
