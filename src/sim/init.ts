// Builds a game's starting state from a scenario and a seed: the firm as the scenario
// describes it, the hidden anchors placed within their ranges, and all of the game's luck.
import { fix } from './model';
import { drawLuck } from './random';
import type { AccountState, GameState, PurchaseState, Scenario } from './types';

export function createGame(scenario: Scenario, seed: number): GameState {
  const specs = scenario.accounts;
  const purchasesPerAccount = new Array<number>(specs.length);
  for (let i = 0; i < specs.length; i++) purchasesPerAccount[i] = specs[i]!.buys.length;
  const luck = drawLuck(scenario.id, seed, {
    quarters: scenario.quarters,
    products: scenario.products.length,
    purchasesPerAccount,
    prospects: scenario.market.prospects,
  });
  const dispute = scenario.dispute;
  // Plain loops rather than map/findIndex closures: a game is created for every game played.
  const productSpecs = scenario.products;
  const accounts: AccountState[] = new Array<AccountState>(specs.length);
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i]!;
    const buySpecs = spec.buys;
    const buys: PurchaseState[] = new Array<PurchaseState>(buySpecs.length);
    for (let j = 0; j < buySpecs.length; j++) {
      const buy = buySpecs[j]!;
      const range =
        dispute && dispute.account === spec.id && dispute.product === buy.product ? dispute.anchor : buy.anchor;
      const draw = dispute && range === dispute.anchor ? luck.disputeAnchor : luck.anchors[i]![j]!;
      let line = 0;
      while (line < productSpecs.length && productSpecs[line]!.id !== buy.product) line++;
      if (line === productSpecs.length) line = -1;
      buys[j] = { product: buy.product, line, units: buy.units, anchor: fix(range.min + (range.max - range.min) * draw) };
    }
    accounts[i] = {
      id: spec.id,
      name: spec.name,
      active: true,
      wonInQuarter: 0,
      lostInQuarter: null,
      key: spec.key,
      relationship: spec.relationship,
      satisfaction: spec.satisfaction,
      buys,
      pulledForward: 0,
    };
  }
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
