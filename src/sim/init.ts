// Builds a game's starting state from a scenario and a seed: the firm as the scenario
// describes it, the hidden anchors placed within their ranges, and all of the game's luck.
import { fix } from './model';
import { startingMorale } from './leads';
import { drawLuck } from './random';
import type { AccountState, GameState, PurchaseState, Scenario } from './types';

/** What createGame reads of a scenario's accounts, worked out once per scenario (scenarios are not changed once loaded). */
export interface AccountLayout {
  /** [account][purchase]: the index of the line bought, or −1 when the scenario has no such line. */
  lines: number[][];
  /** [account][purchase]: whether the purchase is the dispute's (its account and line): its anchor uses the dispute's range and draw. */
  disputed: boolean[][];
  purchasesPerAccount: number[];
  /** The account ids, the purchases' product ids and the line ids, interned (see `intern`). */
  accountIds: string[];
  products: string[][];
  productIds: string[];
}

const layouts = new WeakMap<Scenario, AccountLayout>();

/**
 * The same string, interned by the engine (as property names are). The model compares ids all the
 * time (a move's target against the accounts, the events fired): two interned strings compare by
 * identity, while two strings built apart (parsed from YAML, or `new-3` against `new-4`) are
 * compared character by character when their lengths match. The content is unchanged, so nothing
 * a game computes or stores differs.
 */
export function intern(text: string): string {
  return typeof text === 'string' ? (Object.keys({ [text]: 0 })[0] ?? text) : text;
}

/** The layout of the scenario's accounts: comparing id strings for every purchase of every game was a good part of createGame. */
export function accountLayout(scenario: Scenario): AccountLayout {
  let layout = layouts.get(scenario);
  if (layout) return layout;
  const specs = scenario.accounts;
  const productSpecs = scenario.products;
  const dispute = scenario.dispute;
  layout = { lines: [], disputed: [], purchasesPerAccount: [], accountIds: [], products: [], productIds: productSpecs.map((p) => intern(p.id)) };
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i]!;
    const lines: number[] = [];
    const disputed: boolean[] = [];
    for (const buy of spec.buys) {
      let line = 0;
      while (line < productSpecs.length && productSpecs[line]!.id !== buy.product) line++;
      lines.push(line === productSpecs.length ? -1 : line);
      disputed.push(dispute !== undefined && dispute.account === spec.id && dispute.product === buy.product);
    }
    layout.accountIds.push(intern(spec.id));
    layout.products.push(spec.buys.map((b) => intern(b.product)));
    layout.lines.push(lines);
    layout.disputed.push(disputed);
    layout.purchasesPerAccount.push(spec.buys.length);
  }
  layouts.set(scenario, layout);
  return layout;
}

export function createGame(scenario: Scenario, seed: number): GameState {
  const specs = scenario.accounts;
  const layout = accountLayout(scenario);
  const luck = drawLuck(scenario.id, seed, {
    quarters: scenario.quarters,
    products: scenario.products.length,
    purchasesPerAccount: layout.purchasesPerAccount,
    prospects: scenario.market.prospects,
  });
  const dispute = scenario.dispute;
  // Plain loops rather than map/findIndex closures: a game is created for every game played.
  const accounts: AccountState[] = new Array<AccountState>(specs.length);
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i]!;
    const buySpecs = spec.buys;
    const lines = layout.lines[i]!;
    const disputed = layout.disputed[i]!;
    const products = layout.products[i]!;
    const buys: PurchaseState[] = new Array<PurchaseState>(buySpecs.length);
    for (let j = 0; j < buySpecs.length; j++) {
      const buy = buySpecs[j]!;
      // The dispute's purchase takes the dispute's range, and a purchase with that range the dispute's draw.
      const range = disputed[j] ? dispute!.anchor : buy.anchor;
      const draw = dispute && range === dispute.anchor ? luck.disputeAnchor : luck.anchors[i]![j]!;
      buys[j] = { product: products[j]!, line: lines[j]!, units: buy.units, anchor: fix(range.min + (range.max - range.min) * draw) };
    }
    accounts[i] = {
      id: layout.accountIds[i]!,
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
    products: scenario.products.map((p, i) => ({
      id: layout.productIds[i]!,
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
    // Only a firm with people has the key, so a game without them hashes as it always did.
    ...(scenario.people ? { morale: startingMorale(scenario) } : {}),
    finished: false,
    luck,
  };
}
