// The most effort points a move can use this quarter, read from the resolver's own rules: past
// them the quarter resolves to the same state, so the planning screen stops the slider there and
// says why. A price change needs one point whatever it costs; the moves that win accounts need
// prospects to win; a stock (goodwill, quality, insight) stops at 100%; a portfolio review stops
// once every line's fixed costs are at their floor. Read only: nothing here changes a result.
import {
  BRAND_SHARE,
  DEMAND_NOISE,
  INSIGHT_BOOST,
  QUALITY_EROSION,
  adbudg,
  clamp01,
  conversionRate,
  fix,
  nextGoodwill,
  nextInsight,
} from './model';
import { moraleFactors } from './dispute';
import { effortAvailable } from './effort';
import { leadAsks, SIDES } from './leads';
import type { MoveKind } from './moves';
import { compile } from './resolve/compile';
import type { GameState, Move, Scenario } from './types';

/** Why more points do nothing: the rule of the model that stops them. */
export type UsefulLimit =
  /** The price is set by the move itself: one point buys it, more buy nothing. */
  | 'price-needs-one'
  /** The market holds no prospects: no new account to win, no referral lead to bring. */
  | 'no-prospects'
  /** These prospecting points win every prospect left even at the lowest demand the quarter can draw. */
  | 'wins-every-prospect'
  /** The plan's prospecting wins every prospect left: referrals could only bring leads for none. */
  | 'plan-wins-every-prospect'
  /** The line's goodwill (for brand building: every line's) reaches 100%. */
  | 'goodwill-full'
  | 'quality-full'
  | 'insight-full'
  /** Every active line's fixed costs reach the floor a review may cut them to. */
  | 'fixed-costs-at-floor';

export interface UsefulPoints {
  /** The most points that still change the quarter (0: none do). */
  points: number;
  limit: UsefulLimit;
  /**
   * With people, when a lead asks for this very move: points up to the ask still count (they are
   * heard, and morale follows), so `points` is the ask's; `limitPoints` is where the move's own
   * effect stops, and `side` whose ask it is.
   */
  ask?: { side: 'marketing' | 'sales'; limitPoints: number };
}

/** The points `moves` put on `kind` (aimed at `target`), 0 when they plan none. */
function plannedPoints(moves: readonly Move[], kind: MoveKind, target?: string): number {
  return moves.find((m) => m.kind === kind && m.target === target)?.points ?? 0;
}

/** The fewest points in 0..most whose outcome equals that of `most` points (outcomes that only grow or only shrink with the points). */
function fewestForSameOutcome(most: number, outcome: (points: number) => readonly number[]): number {
  const last = outcome(most);
  for (let x = 0; x < most; x++) {
    const at = outcome(x);
    if (at.every((v, i) => v === last[i])) return x;
  }
  return most;
}

/** The leads this quarter holds at the least: the carried leads and each active line's, at the lowest demand noise can draw. */
function leastLeads(scenario: Scenario, state: GameState): number {
  const segmentOf = compile(scenario).segmentOfProduct;
  let leads = state.leads * (1 - scenario.market.leadDecay);
  state.products.forEach((p, i) => {
    if (p.active) leads += scenario.market.leadsPerGoodwill * p.goodwill * state.segments[segmentOf[i]!]!.demand * (1 - DEMAND_NOISE);
  });
  return leads;
}

/** Whether `points` of prospecting surely convert every prospect left (the resolver caps the accounts won there). */
function winsEveryProspect(scenario: Scenario, state: GameState, points: number): boolean {
  const conversion = conversionRate(adbudg(points * moraleFactors(state).sales, scenario.moves.prospecting.response), state.collaboration);
  // A hair of margin, so that the products' order of rounding in the resolver cannot undo "surely".
  return leastLeads(scenario, state) * conversion >= state.prospectsLeft * (1 + 1e-9);
}

/**
 * The most points move `kind` on `target` can use in the state's quarter alongside the rest of
 * `moves` (the plan: brand building and campaigns share goodwill, prospecting decides what
 * referrals can bring), or null when every point up to the budget changes something.
 */
export function usefulPoints(scenario: Scenario, state: GameState, moves: readonly Move[], kind: MoveKind, target?: string): UsefulPoints | null {
  const most = effortAvailable(scenario, state);
  let found = limitOf(scenario, state, moves, kind, target, most);
  const asks = found === null ? null : leadAsks(scenario, state);
  if (found !== null && asks !== null) {
    for (const side of SIDES) {
      const ask = asks[side];
      if (ask && ask.kind === kind && ask.target === target && ask.points > found.points) {
        found = { points: ask.points, limit: found.limit, ask: { side, limitPoints: found.points } };
      }
    }
  }
  return found !== null && found.points < most ? found : null;
}

function limitOf(scenario: Scenario, state: GameState, moves: readonly Move[], kind: MoveKind, target: string | undefined, most: number): UsefulPoints | null {
  const tunings = scenario.moves;
  const marketing = moraleFactors(state).marketing;
  const line = target === undefined ? -1 : state.products.findIndex((p) => p.id === target);
  const brandResponse = BRAND_SHARE * adbudg(plannedPoints(moves, 'brand') * marketing, tunings.brand.response);
  const campaignResponse = (points: number) => adbudg(points * marketing, tunings.campaign.response) * (1 + INSIGHT_BOOST * state.insight);
  const goodwill = (i: number, campaign: number, brand: number) => fix(nextGoodwill(state.products[i]!.goodwill, scenario.model.goodwillDecay, campaign + brand));
  switch (kind) {
    case 'price':
      return { points: 1, limit: 'price-needs-one' };
    case 'prospecting': {
      if (state.prospectsLeft <= 0) return { points: 0, limit: 'no-prospects' };
      for (let x = 0; x < most; x++) if (winsEveryProspect(scenario, state, x)) return { points: x, limit: 'wins-every-prospect' };
      return null;
    }
    case 'referrals': {
      if (state.prospectsLeft <= 0) return { points: 0, limit: 'no-prospects' };
      return winsEveryProspect(scenario, state, plannedPoints(moves, 'prospecting')) ? { points: 0, limit: 'plan-wins-every-prospect' } : null;
    }
    case 'campaign': {
      if (line < 0 || !state.products[line]!.active) return null;
      const points = fewestForSameOutcome(most, (x) => [goodwill(line, campaignResponse(x), brandResponse)]);
      return goodwill(line, campaignResponse(points), brandResponse) === 1 ? { points, limit: 'goodwill-full' } : null;
    }
    case 'brand': {
      const lines = state.products.flatMap((p, i) => (p.active ? [i] : []));
      const outcome = (x: number) => lines.map((i) => goodwill(i, campaignResponse(plannedPoints(moves, 'campaign', state.products[i]!.id)), BRAND_SHARE * adbudg(x * marketing, tunings.brand.response)));
      const points = fewestForSameOutcome(most, outcome);
      return outcome(points).every((g) => g === 1) ? { points, limit: 'goodwill-full' } : null;
    }
    case 'improve': {
      if (line < 0 || !state.products[line]!.active) return null;
      const quality = state.products[line]!.quality;
      const outcome = (x: number) => [fix(clamp01(quality * (1 - QUALITY_EROSION) + adbudg(x * marketing, tunings.improve.response)))];
      const points = fewestForSameOutcome(most, outcome);
      return outcome(points)[0] === 1 ? { points, limit: 'quality-full' } : null;
    }
    case 'research': {
      const outcome = (x: number) => [fix(nextInsight(state.insight, adbudg(x * marketing, tunings.research.response)))];
      const points = fewestForSameOutcome(most, outcome);
      return outcome(points)[0] === 1 ? { points, limit: 'insight-full' } : null;
    }
    case 'portfolio-review': {
      const floors = compile(scenario).fixedCostFloor;
      const lines = state.products.flatMap((p, i) => (p.active ? [i] : []));
      const outcome = (x: number) => {
        const cut = adbudg(x * marketing, tunings['portfolio-review'].response);
        return lines.map((i) => Math.max(floors[i]!, Math.round(state.products[i]!.fixedCost * (1 - cut))));
      };
      const points = fewestForSameOutcome(most, outcome);
      return outcome(points).every((cost, k) => cost === floors[lines[k]!]) ? { points, limit: 'fixed-costs-at-floor' } : null;
    }
    default:
      return null;
  }
}
