// The adaptive bot: reads the state each quarter and spends effort one point at a time where
// the model's own response curves promise the most, over the quarters still to play. It sees
// what a player sees (figures, relationships, goodwill), never the hidden anchors or the luck.
// Skill, in the model's own terms: marginal returns on S-curves, stocks that decay, a horizon.
import {
  ANCHOR_CHURN_QUARTERS,
  BRAND_SHARE,
  CLOSING_PRICE_CONCESSION,
  CONVERSION_COLLABORATION_BASE,
  INSIGHT_BOOST,
  VOLUME_GOODWILL_BASE,
  VOLUME_QUALITY_BASE,
  VOLUME_RELATIONSHIP_BASE,
  adbudg,
  anchorChurn,
  churnProbability,
  volumeFactor,
} from '../model';
import type { AccountState, DisputeOption, GameState, Move, MoveKind, ProductState, Scenario } from '../types';
import { effortAvailable } from '../effort';
import type { Bot } from './bot';

interface Candidate {
  kind: MoveKind;
  target?: string;
  points: number;
  /** Value in cents of profit-equivalent of the next point given the points already placed. */
  marginal: (x: number) => number;
}

/** Sum of a geometric series 1 + k + k² + … over n terms: how long a change in a stock lasts. */
function persistence(carry: number, n: number): number {
  let sum = 0;
  let term = 1;
  for (let i = 0; i < n; i++) {
    sum += term;
    term *= carry;
  }
  return sum;
}

/** Quarterly margin an account brings at current relationship, goodwill and quality. */
function accountMargin(scenario: Scenario, state: GameState, account: AccountState): number {
  let margin = 0;
  for (const buy of account.buys) {
    const product = state.products.find((p) => p.id === buy.product);
    if (!product || !product.active) continue;
    margin += buy.units * volumeFactor(account.relationship, product.goodwill, product.quality) * (product.price - product.unitCost);
  }
  return margin;
}

/** Quarterly contribution (before fixed costs) a product line brings across active accounts. */
function lineContribution(state: GameState, product: ProductState): number {
  let units = 0;
  for (const account of state.accounts) {
    if (!account.active) continue;
    for (const buy of account.buys) {
      if (buy.product === product.id) units += buy.units * volumeFactor(account.relationship, product.goodwill, product.quality);
    }
  }
  return units * (product.price - product.unitCost);
}

function delta(curve: Parameters<typeof adbudg>[1], x: number): number {
  return adbudg(x + 1, curve) - adbudg(x, curve);
}

function candidates(scenario: Scenario, state: GameState): Candidate[] {
  const m = scenario.model;
  const t = scenario.moves;
  const left = scenario.quarters - state.quarter + 1;
  const lines = state.products.filter((p) => p.active);
  const accounts = state.accounts.filter((a) => a.active);
  const margins = new Map(accounts.map((a) => [a.id, accountMargin(scenario, state, a)] as const));
  const averageMargin = accounts.length > 0 ? [...margins.values()].reduce((s, x) => s + x, 0) / accounts.length : 0;
  // A new account is worth about its margin for the quarters left after it is won, ramping up.
  const newAccountValue = 0.6 * averageMargin * Math.max(0, left - 1);
  const collaborationFactor = CONVERSION_COLLABORATION_BASE + (1 - CONVERSION_COLLABORATION_BASE) * state.collaboration;
  const conversionNow = adbudg(0, t.prospecting.response) * collaborationFactor;
  const prospectShare = scenario.market.prospects > 0 ? state.prospectsLeft / scenario.market.prospects : 0;
  const { weights, targets } = scenario.scoring;
  // Converts a change of average collaboration into profit-equivalent cents through the scorecard weights.
  const collaborationCents = weights.profit > 0 ? (weights.collaboration / weights.profit) * targets.profit : 0;

  const out: Candidate[] = [];
  const add = (kind: MoveKind, marginal: (x: number) => number, target?: string) => {
    if (scenario.moves[kind].enabled) out.push(target === undefined ? { kind, points: 0, marginal } : { kind, target, points: 0, marginal });
  };

  // Each line's contribution, worked out once: the brand candidate below needs them again.
  const contributions = lines.map((p) => lineContribution(state, p));
  for (let l = 0; l < lines.length; l++) {
    const p = lines[l]!;
    const contribution = contributions[l]!;
    const goodwillLift = (1 - VOLUME_GOODWILL_BASE) / (VOLUME_GOODWILL_BASE + (1 - VOLUME_GOODWILL_BASE) * p.goodwill);
    const lasting = persistence(1 - m.goodwillDecay, left);
    const leadValue = scenario.market.leadsPerGoodwill * conversionNow * newAccountValue * prospectShare;
    add(
      'campaign',
      (x) => delta(t.campaign.response, x) * (1 + INSIGHT_BOOST * state.insight) * lasting * (contribution * goodwillLift + leadValue),
      p.id,
    );
    const qualityLift = (1 - VOLUME_QUALITY_BASE) / (VOLUME_QUALITY_BASE + (1 - VOLUME_QUALITY_BASE) * p.quality);
    add('improve', (x) => delta(t.improve.response, x) * persistence(0.97, left) * contribution * qualityLift, p.id);
  }
  for (const a of accounts) {
    const margin = margins.get(a.id)!;
    const relationshipLift = (1 - VOLUME_RELATIONSHIP_BASE) / (VOLUME_RELATIONSHIP_BASE + (1 - VOLUME_RELATIONSHIP_BASE) * a.relationship);
    const churnNow = churnProbability(m.baseChurn, a.relationship, a.satisfaction);
    const churnSlope = (churnNow - churnProbability(m.baseChurn, Math.min(1, a.relationship + 0.1), Math.min(1, a.satisfaction + 0.1))) * 10;
    const atRisk = margin * Math.max(0, left - 1);
    add(
      'relationship',
      (x) => {
        const dR = (1 - m.relationshipCarryover) * delta(t.relationship.response, x);
        return dR * (margin * relationshipLift * persistence(m.relationshipCarryover, left) + 0.5 * churnSlope * atRisk);
      },
      a.id,
    );
    add('service', (x) => (1 - m.satisfactionCarryover) * 0.5 * delta(t.service.response, x) * 0.5 * churnSlope * atRisk, a.id);
    add(
      'referrals',
      (x) => scenario.market.referralRate * a.satisfaction * a.relationship * delta(t.referrals.response, x) * prospectShare * conversionNow * newAccountValue,
      a.id,
    );
  }
  add('prospecting', (x) => {
    const expected = state.leads * (1 - scenario.market.leadDecay) + 3;
    const dConversion = delta(t.prospecting.response, x) * collaborationFactor;
    return Math.min(expected * dConversion, state.prospectsLeft) * newAccountValue;
  });
  add('alignment', (x) => {
    const dC = delta(t.alignment.response, x) * (1 - state.collaboration);
    const lasting = persistence(1 - m.collaborationDrift, left);
    const conversionGain = state.leads * adbudg(3, t.prospecting.response) * (1 - CONVERSION_COLLABORATION_BASE) * dC * newAccountValue * prospectShare;
    return conversionGain + (collaborationCents * dC * lasting) / scenario.quarters;
  });
  const fixedCosts = lines.reduce((s, p) => s + p.fixedCost, 0);
  add('portfolio-review', (x) => delta(t['portfolio-review'].response, x) * fixedCosts * left * 0.8);
  let brandBase = 0;
  for (let l = 0; l < lines.length; l++) {
    const lift = (1 - VOLUME_GOODWILL_BASE) / (VOLUME_GOODWILL_BASE + (1 - VOLUME_GOODWILL_BASE) * lines[l]!.goodwill);
    brandBase += contributions[l]! * lift;
  }
  const brandLasting = persistence(1 - m.goodwillDecay, left);
  add('brand', (x) => BRAND_SHARE * delta(t.brand.response, x) * brandLasting * brandBase);
  if (left === 1) {
    // In the last quarter, revenue pulled forward comes from a quarter the game never plays.
    const revenue = accounts.reduce((s, a) => s + margins.get(a.id)!, 0);
    add('closing', (x) => delta(t.closing.response, x) * revenue * (1 - CLOSING_PRICE_CONCESSION) * 0.5);
  }
  return out;
}

/** What losing an account costs beyond the game's remaining quarters, in quarters of its margin (CLV in the scorecard). */
const ACCOUNT_VALUE_QUARTERS = 4;

export const adaptive: Bot = {
  name: 'adaptive',
  description: 'Reads the state each quarter and puts each point where the model’s marginal return is highest.',
  decide(scenario, state) {
    const list = candidates(scenario, state);
    // A candidate's marginal value depends only on its own points, so each value is worked out
    // once and again only for the candidate that just got a point: the same choices as
    // re-evaluating every candidate for every point, at a fraction of the cost.
    const values = new Array<number>(list.length);
    for (let i = 0; i < list.length; i++) values[i] = list[i]!.marginal(list[i]!.points);
    const budget = effortAvailable(scenario, state);
    for (let point = 0; point < budget; point++) {
      let best = -1;
      let bestValue = 0;
      for (let i = 0; i < list.length; i++) {
        if (values[i]! > bestValue) {
          best = i;
          bestValue = values[i]!;
        }
      }
      if (best < 0) break;
      const chosen = list[best]!;
      chosen.points += 1;
      values[best] = chosen.marginal(chosen.points);
    }
    const moves: Move[] = [];
    for (const c of list) {
      if (c.points > 0) moves.push(c.target === undefined ? { kind: c.kind, points: c.points } : { kind: c.kind, target: c.target, points: c.points });
    }
    return { moves };
  },
  settleDispute(scenario, state): DisputeOption {
    const dispute = state.dispute;
    const account = state.accounts.find((a) => a.id === dispute?.account);
    const product = state.products.find((p) => p.id === dispute?.product);
    const last = state.history[state.history.length - 1];
    const ledger = last?.products.find((l) => l.product === dispute?.product);
    if (!account || !account.active || !product || !ledger) return 'discontinue';
    const left = scenario.quarters - state.quarter + 1;
    // Without an investigation's estimate, assume the anchor sits mid-way: the player cannot see it.
    const risk = anchorChurn(dispute?.investigation?.estimate ?? 0.5, account.relationship);
    let survive = 1;
    for (let q = 0; q < ANCHOR_CHURN_QUARTERS; q++) survive *= 1 - risk;
    const accountMarginWithout = accountMargin(scenario, state, account) - (ledger.revenue - ledger.variableCost);
    // A lost account takes its margin for the rest of the game and its lifetime value from the
    // scorecard's customer equity (worth about ACCOUNT_VALUE_QUARTERS more quarters of margin).
    const expectedLoss = (1 - survive) * accountMarginWithout * (Math.max(0, left - 1) + ACCOUNT_VALUE_QUARTERS);
    const saving = -ledger.profit * left;
    return saving > expectedLoss ? 'discontinue' : 'keep';
  },
};
