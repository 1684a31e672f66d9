// The bot players. Each is a plain strategy that reads the state and returns a decision, so the
// balance tool, the tests and the simulate command can play thousands of games headless.
// Fixed bots spend the same way every quarter; the adaptive one reads the state.
import { adbudg } from '../model';
import type { Prng } from '../random';
import type { Decision, DisputeOption, GameState, Move, Scenario } from '../types';
import { activeAccountsByValue, push, split, spread } from './plan';

export interface Bot {
  name: string;
  description: string;
  decide(scenario: Scenario, state: GameState, rng: Prng): Decision;
  settleDispute(scenario: Scenario, state: GameState, rng: Prng): DisputeOption;
}

function activeProducts(state: GameState) {
  return state.products.filter((p) => p.active);
}

/** Marketing's usual mix: campaigns on every line, some brand, research and improvement. */
function marketingMoves(scenario: Scenario, state: GameState, points: number, moves: Move[]): void {
  const [campaigns = 0, brand = 0, research = 0, improve = 0] = split(points, [6, 1, 1, 2]);
  const lines = activeProducts(state);
  spread(scenario, moves, 'campaign', campaigns, lines.map((p) => ({ id: p.id, weight: 1 })));
  push(scenario, moves, 'brand', brand);
  push(scenario, moves, 'research', research);
  const best = [...lines].sort((a, b) => a.quality - b.quality)[0];
  if (best) push(scenario, moves, 'improve', improve, best.id);
}

/** Sales' usual mix: prospecting, relationships and service on the biggest accounts, referrals. */
function salesMoves(scenario: Scenario, state: GameState, points: number, moves: Move[]): void {
  const [prospecting = 0, relationship = 0, service = 0, referrals = 0] = split(points, [4, 3, 2, 1]);
  const top = activeAccountsByValue(scenario, state);
  push(scenario, moves, 'prospecting', prospecting);
  spread(scenario, moves, 'relationship', relationship, top.slice(0, 4).map((a) => ({ id: a.id, weight: 1 })));
  spread(scenario, moves, 'service', service, top.slice(0, 3).map((a) => ({ id: a.id, weight: 1 })));
  const first = top[0];
  if (first) push(scenario, moves, 'referrals', referrals, first.id);
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

/**
 * Reads the state each quarter: campaigns where goodwill is low and the line earns a margin,
 * calls where relationships are weak on valuable accounts, prospecting in proportion to the
 * leads waiting, alignment when collaboration sags. Skill, not a formula the score rewards.
 */
export const adaptive: Bot = {
  name: 'adaptive',
  description: 'Reads the state each quarter and puts effort where the model’s returns are highest.',
  decide(scenario, state) {
    const moves: Move[] = [];
    const budget = scenario.effortBudget;
    const lines = activeProducts(state);
    const top = activeAccountsByValue(scenario, state);
    const lastRecord = state.history[state.history.length - 1];
    const profitable = lines.filter((p) => {
      const ledger = lastRecord?.products.find((l) => l.product === p.id);
      return !ledger || ledger.profit >= 0 || ledger.revenue > ledger.fixedCost;
    });
    const needAlignment = state.collaboration < 0.5 && scenario.moves.alignment.enabled ? 2 : 0;
    const leadsWaiting = state.leads;
    const prospecting = leadsWaiting > 2 && state.prospectsLeft > 0 ? Math.min(7, 3 + Math.floor(leadsWaiting / 4)) : 2;
    const rest = budget - needAlignment - prospecting;
    const marketingShare = Math.floor(rest / 2);
    const [campaigns = 0, research = 0] = split(marketingShare, [5, 1]);
    spread(
      scenario,
      moves,
      'campaign',
      campaigns,
      profitable.map((p) => ({ id: p.id, weight: 1.2 - p.goodwill })),
    );
    push(scenario, moves, 'research', research);
    const salesPoints = rest - marketingShare;
    const [relationship = 0, service = 0] = split(salesPoints, [3, 2]);
    const weak = top.slice(0, 5).map((a) => ({ id: a.id, weight: 1.1 - a.relationship }));
    spread(scenario, moves, 'relationship', relationship, weak);
    spread(scenario, moves, 'service', service, top.slice(0, 4).map((a) => ({ id: a.id, weight: 1.1 - a.satisfaction })));
    push(scenario, moves, 'prospecting', prospecting);
    push(scenario, moves, 'alignment', needAlignment);
    void adbudg;
    return { moves };
  },
  settleDispute(scenario, state) {
    const dispute = state.dispute;
    const account = state.accounts.find((a) => a.id === dispute?.account);
    // Without an estimate of the anchor, a strong relationship with a big account is worth keeping.
    return account && account.active && account.relationship > 0.4 ? 'keep' : 'discontinue';
  },
};

export const BOTS: readonly Bot[] = [allMarketing, allSales, balanced, shortRunGreedy, random, adaptive];

export function botNamed(name: string): Bot | undefined {
  return BOTS.find((b) => b.name === name);
}
