// Builds a game's starting state from a scenario and a seed: the firm as the scenario
// describes it, the hidden anchors placed within their ranges, and all of the game's luck.
import { fix } from './model';
import { drawLuck } from './random';
import type { AccountState, GameState, Scenario } from './types';

export function createGame(scenario: Scenario, seed: number): GameState {
  const luck = drawLuck(scenario.id, seed, {
    quarters: scenario.quarters,
    products: scenario.products.length,
    purchasesPerAccount: scenario.accounts.map((a) => a.buys.length),
    prospects: scenario.market.prospects,
  });
  const dispute = scenario.dispute;
  const accounts: AccountState[] = scenario.accounts.map((spec, i) => ({
    id: spec.id,
    name: spec.name,
    active: true,
    wonInQuarter: 0,
    lostInQuarter: null,
    key: spec.key,
    relationship: spec.relationship,
    satisfaction: spec.satisfaction,
    buys: spec.buys.map((buy, j) => {
      const range =
        dispute && dispute.account === spec.id && dispute.product === buy.product ? dispute.anchor : buy.anchor;
      const draw = dispute && range === dispute.anchor ? luck.disputeAnchor : luck.anchors[i]![j]!;
      const line = scenario.products.findIndex((p) => p.id === buy.product);
      return { product: buy.product, line, units: buy.units, anchor: fix(range.min + (range.max - range.min) * draw) };
    }),
    pulledForward: 0,
  }));
  return {
    scenarioId: scenario.id,
    seed,
    quarter: 1,
    cash: scenario.firm.cash,
    collaboration: scenario.firm.collaboration,
    insight: 0,
    discountExpectation: 0,
    leads: scenario.market.leads,
    prospectsLeft: scenario.market.prospects,
    segments: scenario.segments.map((s) => ({ id: s.id, demand: s.demand })),
    products: scenario.products.map((p) => ({
      id: p.id,
      active: true,
      discontinuedInQuarter: null,
      price: p.price,
      unitCost: p.unitCost,
      fixedCost: p.fixedCost,
      goodwill: p.goodwill,
      quality: p.quality,
      lossStreak: 0,
    })),
    accounts,
    firedEvents: [],
    dispute: null,
    history: [],
    finished: false,
    luck,
  };
}
