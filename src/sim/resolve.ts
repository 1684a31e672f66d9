// Resolves one quarter: takes the state and the player's decision and returns the next state.
// Pure: the input state is never mutated. The order is fixed and documented in RESOLUTION_ORDER;
// every formula comes from model.ts.
import {
  ANCHOR_CHURN_QUARTERS,
  BRAND_SHARE,
  CLOSING_PRICE_CONCESSION,
  CLOSING_SATISFACTION_COST,
  DISCOUNT_EXPECTATION_CARRYOVER,
  FIXED_COST_FLOOR,
  INSIGHT_BOOST,
  NEW_ACCOUNT_MAX_ANCHOR,
  NEW_ACCOUNT_SECOND_LINE_SHARE,
  NEW_ACCOUNT_RELATIONSHIP,
  NEW_ACCOUNT_SATISFACTION,
  OVERRULE_COLLABORATION_COST,
  PROMOTION_ELASTICITY,
  QUALITY_EROSION,
  adbudg,
  anchorChurn,
  churnProbability,
  clamp01,
  conversionRate,
  demandNoise,
  discountHoldback,
  fix,
  fixLeads,
  lifetimeValue,
  nextCollaboration,
  nextGoodwill,
  nextInsight,
  nextRelationship,
  nextSatisfaction,
  priceFactor,
  referralLeads,
  goodwillQualityFactor,
  relationshipVolumeFactor,
} from './model';
import { MOVE_INFO } from './moves';
import { scoreCard } from './score';
import type {
  AccountState,
  Decision,
  DisputeOption,
  GameState,
  ProductLedger,
  ProductState,
  QuarterRecord,
  Scenario,
} from './types';
import { validateDecision, validateDisputeOption } from './validate';

/** The order in which a quarter resolves. The debrief and the docs quote it. */
export const RESOLUTION_ORDER = [
  'goodwill (campaigns, brand, research insight, quality, portfolio review)',
  'leads (from goodwill and demand)',
  'conversion (leads × prospecting × collaboration → new accounts)',
  'relationships and satisfaction (calls and service)',
  'churn (relationship, satisfaction, lost anchors)',
  'referrals (satisfied accounts asked for leads)',
  'revenue and costs per account and product',
  'product-line P&L',
  'events (demand shifts, the dispute, news)',
  'collaboration and scorecard',
] as const;

/** Lookup tables for a scenario, built once and reused for every quarter of every game. */
interface Compiled {
  productIndex: Map<string, number>;
  productIds: string[];
  segmentOfProduct: number[];
  /** Product indices the dispute uses, or −1. */
  disputeProduct: number;
}

const compiledCache = new WeakMap<Scenario, Compiled>();

function compile(scenario: Scenario): Compiled {
  let compiled = compiledCache.get(scenario);
  if (!compiled) {
    const productIndex = new Map(scenario.products.map((p, i) => [p.id, i] as const));
    const segmentIndex = new Map(scenario.segments.map((s, i) => [s.id, i] as const));
    compiled = {
      productIndex,
      productIds: scenario.products.map((p) => p.id),
      segmentOfProduct: scenario.products.map((p) => segmentIndex.get(p.segment) ?? 0),
      disputeProduct: scenario.dispute ? (productIndex.get(scenario.dispute.product) ?? -1) : -1,
    };
    compiledCache.set(scenario, compiled);
  }
  return compiled;
}

// Copies field by field: V8 clones these far faster than with object spread, and the
// resolver then sets the copy's fields while the input state stays untouched.
function copyProduct(p: ProductState): ProductState {
  return {
    id: p.id,
    active: p.active,
    discontinuedInQuarter: p.discontinuedInQuarter,
    price: p.price,
    unitCost: p.unitCost,
    fixedCost: p.fixedCost,
    goodwill: p.goodwill,
    quality: p.quality,
    lossStreak: p.lossStreak,
  };
}

function copyAccount(a: AccountState): AccountState {
  return {
    id: a.id,
    name: a.name,
    active: a.active,
    wonInQuarter: a.wonInQuarter,
    lostInQuarter: a.lostInQuarter,
    key: a.key,
    relationship: a.relationship,
    satisfaction: a.satisfaction,
    buys: a.buys,
    pulledForward: a.pulledForward,
  };
}

/**
 * Scratch buffers for per-line figures, reused across calls: the resolver is synchronous and
 * never re-entered, and allocating them every quarter showed up in the benchmark.
 */
const scratchBuffers: Float64Array[] = [new Float64Array(16), new Float64Array(16)];
function scratch(slot: number, length: number): Float64Array {
  if (scratchBuffers[slot]!.length < length) scratchBuffers[slot] = new Float64Array(length * 2);
  return scratchBuffers[slot]!;
}

/** The dispute opens once, over a line still sold, with a quarter left to live with the decision. */
function disputeCanOpen(scenario: Scenario, products: readonly ProductState[], dispute: GameState['dispute'], q: number): boolean {
  const at = compile(scenario).disputeProduct;
  return scenario.dispute !== undefined && dispute === null && at >= 0 && products[at]!.active && q < scenario.quarters;
}

/** Index of a product id; a linear scan beats a Map for the handful of lines a firm has. */
function indexOf(ids: readonly string[], id: string): number {
  for (let i = 0; i < ids.length; i++) if (ids[i] === id) return i;
  return -1;
}

export class InvalidDecisionError extends Error {}

export function resolveQuarter(scenario: Scenario, state: GameState, decision: Decision): GameState {
  const verdict = validateDecision(scenario, state, decision);
  if (!verdict.ok) throw new InvalidDecisionError(verdict.reason);
  return resolveValidQuarter(scenario, state, decision);
}

/** Resolves a quarter whose decision is known to be valid (bots and replays skip re-validation). */
export function resolveValidQuarter(scenario: Scenario, state: GameState, decision: Decision): GameState {
  const { productIndex, productIds, segmentOfProduct } = compile(scenario);
  const q = state.quarter;
  const qi = q - 1;
  const params = scenario.model;
  const tunings = scenario.moves;
  const nProducts = state.products.length;
  const nAccounts = state.accounts.length;

  // ----- Tally the decision's effort by move and target.
  const campaign = new Array<number>(nProducts).fill(0);
  const improve = new Array<number>(nProducts).fill(0);
  const prices = state.products.map((p) => p.price);
  const relationshipCalls = new Array<number>(nAccounts).fill(0);
  const serviceCalls = new Array<number>(nAccounts).fill(0);
  const referralAsks = new Array<number>(nAccounts).fill(0);
  let research = 0;
  let brand = 0;
  let review = 0;
  let prospecting = 0;
  let closing = 0;
  let discounting = 0;
  let alignment = 0;
  let effortMarketing = 0;
  let effortSales = 0;
  let effortJoint = 0;
  const accounts0 = state.accounts;
  const moves = decision.moves;
  for (let m = 0; m < moves.length; m++) {
    const move = moves[m]!;
    // Moves arrive in several object shapes (bots, the flow, parsed replays): read each field once.
    const kind = move.kind;
    const points = move.points;
    const target = move.target;
    if (kind === 'campaign' || kind === 'improve' || kind === 'price') {
      effortMarketing += points;
      const i = indexOf(productIds, target ?? '');
      if (kind === 'campaign') campaign[i]! += points;
      else if (kind === 'improve') improve[i]! += points;
      else prices[i] = move.price!;
    } else if (kind === 'service' || kind === 'relationship' || kind === 'referrals') {
      effortSales += points;
      let j = 0;
      while (j < nAccounts && accounts0[j]!.id !== target) j++;
      if (kind === 'service') serviceCalls[j]! += points;
      else if (kind === 'relationship') relationshipCalls[j]! += points;
      else referralAsks[j]! += points;
    } else if (kind === 'research') {
      effortMarketing += points;
      research += points;
    } else if (kind === 'brand') {
      effortMarketing += points;
      brand += points;
    } else if (kind === 'portfolio-review') {
      effortMarketing += points;
      review += points;
    } else if (kind === 'prospecting') {
      effortSales += points;
      prospecting += points;
    } else if (kind === 'closing') {
      effortSales += points;
      closing += points;
    } else if (kind === 'discounting') {
      effortSales += points;
      discounting += points;
    } else {
      effortJoint += points;
      alignment += points;
    }
  }

  // ----- 1. Goodwill, insight, quality, fixed costs. Marketing works with a lag (Nerlove–Arrow in
  // discrete time): this quarter's leads and sales see the goodwill and quality the quarter
  // started with, and this quarter's campaigns build the stock the next quarters sell on.
  const insight = fix(nextInsight(state.insight, adbudg(research, tunings.research.response)));
  const brandResponse = BRAND_SHARE * adbudg(brand, tunings.brand.response);
  const reviewCut = adbudg(review, tunings['portfolio-review'].response);
  const products: ProductState[] = state.products.map(copyProduct);
  for (let i = 0; i < nProducts; i++) {
    const p = products[i]!;
    if (!p.active) {
      p.goodwill = fix(nextGoodwill(p.goodwill, params.goodwillDecay, 0));
      continue;
    }
    const campaignResponse = adbudg(campaign[i]!, tunings.campaign.response) * (1 + INSIGHT_BOOST * state.insight);
    const floor = Math.round(FIXED_COST_FLOOR * scenario.products[i]!.fixedCost);
    p.price = prices[i]!;
    p.goodwill = nextGoodwill(p.goodwill, params.goodwillDecay, campaignResponse + brandResponse);
    p.quality = clamp01(p.quality * (1 - QUALITY_EROSION) + adbudg(improve[i]!, tunings.improve.response));
    p.fixedCost = Math.max(floor, Math.round(p.fixedCost * (1 - reviewCut)));
  }

  // ----- 2. Leads from goodwill and this quarter's demand.
  const marketDraws = state.luck.market[qi]!;
  const demand = products.map((p, i) => state.segments[segmentOfProduct[i]!]!.demand * demandNoise(marketDraws[i]!));
  let leads = state.leads * (1 - scenario.market.leadDecay);
  for (let i = 0; i < nProducts; i++) {
    if (products[i]!.active) leads += scenario.market.leadsPerGoodwill * state.products[i]!.goodwill * demand[i]!;
  }

  // ----- 3. Conversion: leads (marketing) × conversion (sales, collaboration) → new accounts.
  const conversion = conversionRate(adbudg(prospecting, tunings.prospecting.response), state.collaboration);
  const expected = Math.min(state.prospectsLeft, leads * conversion);
  let won = Math.floor(expected);
  if (state.luck.conversion[qi]! < expected - won) won += 1;
  won = Math.min(won, state.prospectsLeft);
  leads = Math.max(0, leads - expected);
  const activeProductIds = products.filter((p) => p.active).map((p) => p.id);
  if (activeProductIds.length === 0) won = 0;
  const newAccounts: AccountState[] = [];
  const firstProspect = scenario.market.prospects - state.prospectsLeft;
  for (let k = 0; k < won; k++) {
    const draw = state.luck.prospects[firstProspect + k]!;
    const size = scenario.market.newAccountSize.min + (scenario.market.newAccountSize.max - scenario.market.newAccountSize.min) * draw.size;
    const buys = [];
    for (let pref = 0; pref < 2; pref++) {
      const index = draw.preferences[pref]!;
      if (products[index]!.active && (pref === 0 || index !== draw.preferences[0])) {
        buys.push({
          product: products[index]!.id,
          line: index,
          units: fix(scenario.products[index]!.unitsPerAccount * size * (pref === 0 ? 1 : NEW_ACCOUNT_SECOND_LINE_SHARE)),
          anchor: fix(NEW_ACCOUNT_MAX_ANCHOR * draw.anchorDraws[pref]!),
        });
      }
    }
    if (buys.length === 0) {
      const index = productIndex.get(activeProductIds[0]!)!;
      buys.push({ product: activeProductIds[0]!, line: index, units: fix(scenario.products[index]!.unitsPerAccount * size), anchor: 0 });
    }
    const number = firstProspect + k + 1;
    newAccounts.push({
      id: `new-${number}`,
      name: `New account ${number}`,
      active: true,
      wonInQuarter: q,
      lostInQuarter: null,
      key: false,
      relationship: NEW_ACCOUNT_RELATIONSHIP,
      satisfaction: NEW_ACCOUNT_SATISFACTION,
      buys,
      pulledForward: 0,
    });
  }

  // ----- 4–8. One pass per account: relationship and satisfaction (calls and service), churn
  // (relationship, satisfaction, lost anchors), referrals, then what it buys of each line.
  // Everything a line contributes to a purchase is worked out once per line, not per purchase.
  const closingPull = adbudg(closing, tunings.closing.response);
  const discountDepth = adbudg(discounting, tunings.discounting.response);
  const holdback = discountHoldback(state.discountExpectation, discountDepth);
  const promotion = (1 + PROMOTION_ELASTICITY * discountDepth) * holdback;
  const unitsFactor = scratch(0, nProducts);
  const unitPrice = scratch(1, nProducts);
  for (let i = 0; i < nProducts; i++) {
    const before = state.products[i]!;
    const product = products[i]!;
    // Sales see the goodwill and quality the quarter started with (marketing's lag).
    unitsFactor[i] = product.active
      ? demand[i]! *
        goodwillQualityFactor(before.goodwill, before.quality) *
        priceFactor(product.price, scenario.products[i]!.price, params.priceElasticity) *
        promotion
      : 0;
    unitPrice[i] = product.price * (1 - discountDepth);
  }
  const ledgers: ProductLedger[] = products.map((p) => ({
    product: p.id,
    units: 0,
    revenue: 0,
    variableCost: 0,
    fixedCost: p.active ? p.fixedCost : 0,
    profit: 0,
  }));
  const churnDraws = state.luck.churn[qi]!;
  const lostAccounts: string[] = [];
  const prospectsAfter = state.prospectsLeft - won;
  const pulledForward = fix(closingPull);
  let referral = 0;
  let customerEquity = 0;
  /** Books one quarter of an account's purchases into the ledgers; returns its margin. */
  const sell = (account: AccountState): number => {
    const owed = account.pulledForward;
    const relationshipFactor = relationshipVolumeFactor(account.relationship);
    let margin = 0;
    const buys = account.buys;
    for (let b = 0; b < buys.length; b++) {
      const buy = buys[b]!;
      const i = buy.line;
      if (unitsFactor[i] === 0) continue;
      const base = buy.units * unitsFactor[i]! * relationshipFactor;
      const regularUnits = base * (1 - owed);
      const pulledUnits = base * closingPull;
      const revenue = Math.round((regularUnits + pulledUnits * (1 - CLOSING_PRICE_CONCESSION)) * unitPrice[i]!);
      const variableCost = Math.round((regularUnits + pulledUnits) * products[i]!.unitCost);
      const ledger = ledgers[i]!;
      ledger.units += regularUnits + pulledUnits;
      ledger.revenue += revenue;
      ledger.variableCost += variableCost;
      margin += revenue - variableCost;
    }
    return margin;
  };
  const accounts: AccountState[] = state.accounts.slice();
  for (let j = 0; j < nAccounts; j++) {
    const a = state.accounts[j]!;
    if (!a.active) continue;
    const relationship = fix(nextRelationship(a.relationship, params.relationshipCarryover, adbudg(relationshipCalls[j]!, tunings.relationship.response)));
    let qualitySum = 0;
    let qualityCount = 0;
    let lostAnchor = 0;
    const buys = a.buys;
    for (let b = 0; b < buys.length; b++) {
      const buy = buys[b]!;
      const product = products[buy.line]!;
      if (product.active) {
        qualitySum += state.products[buy.line]!.quality;
        qualityCount += 1;
      } else if (product.discontinuedInQuarter !== null && q - product.discontinuedInQuarter < ANCHOR_CHURN_QUARTERS) {
        lostAnchor = Math.max(lostAnchor, buy.anchor);
      }
    }
    const quality = qualityCount > 0 ? qualitySum / qualityCount : 0;
    const satisfaction = fix(
      clamp01(
        nextSatisfaction(a.satisfaction, params.satisfactionCarryover, adbudg(serviceCalls[j]!, tunings.service.response), quality, relationship) -
          CLOSING_SATISFACTION_COST * closingPull,
      ),
    );
    const ordinaryChurn = churnProbability(params.baseChurn, relationship, satisfaction);
    const churn = clamp01(ordinaryChurn + anchorChurn(lostAnchor, relationship));
    const next = copyAccount(a);
    accounts[j] = next;
    next.relationship = relationship;
    next.satisfaction = satisfaction;
    if (churnDraws[j]! < churn || qualityCount === 0) {
      lostAccounts.push(a.id);
      next.active = false;
      next.lostInQuarter = q;
      next.pulledForward = 0;
      continue;
    }
    referral += referralLeads(
      scenario.market.referralRate,
      satisfaction,
      relationship,
      adbudg(referralAsks[j]!, tunings.referrals.response),
      prospectsAfter,
      scenario.market.prospects,
    );
    customerEquity += lifetimeValue(sell(next), 1 - ordinaryChurn, params.discountRate);
    next.pulledForward = pulledForward;
  }
  for (const account of newAccounts) {
    const retention = 1 - churnProbability(params.baseChurn, account.relationship, account.satisfaction);
    customerEquity += lifetimeValue(sell(account), retention, params.discountRate);
    account.pulledForward = pulledForward;
    accounts.push(account);
  }
  leads += referral;

  // ----- 8. Product-line P&L.
  let revenue = 0;
  let costs = scenario.firm.overhead;
  for (let i = 0; i < nProducts; i++) {
    const ledger = ledgers[i]!;
    ledger.units = fix(ledger.units);
    ledger.profit = ledger.revenue - ledger.variableCost - ledger.fixedCost;
    revenue += ledger.revenue;
    costs += ledger.variableCost + ledger.fixedCost;
    const product = products[i]!;
    product.goodwill = fix(product.goodwill);
    product.quality = fix(product.quality);
    product.lossStreak = product.active && ledger.profit < 0 ? product.lossStreak + 1 : 0;
  }
  let cash = state.cash + revenue - costs;

  // ----- 9. Events.
  let collaboration = state.collaboration;
  let segments = state.segments;
  let dispute = state.dispute;
  let firedEvents = state.firedEvents;
  const eventTitles: string[] = [];
  for (const event of scenario.events) {
    if (firedEvents.includes(event.id)) continue;
    const trigger = event.trigger;
    let fires = false;
    if ('quarter' in trigger) fires = trigger.quarter === q;
    else {
      const i = productIndex.get(trigger.productLossQuarters.product);
      fires = i !== undefined && products[i]!.active && products[i]!.lossStreak >= trigger.productLossQuarters.quarters;
    }
    // An event whose only effect is to open the dispute stays silent once the dispute cannot open.
    if (fires && event.effects.every((e) => e.type === 'dispute') && !disputeCanOpen(scenario, products, dispute, q)) fires = false;
    if (!fires) continue;
    firedEvents = [...firedEvents, event.id];
    eventTitles.push(event.title);
    for (const effect of event.effects) {
      switch (effect.type) {
        case 'shift-demand':
          segments = segments.map((s) => (s.id === effect.segment ? { ...s, demand: effect.demand } : s));
          break;
        case 'collaboration':
          collaboration = clamp01(collaboration + effect.change);
          break;
        case 'cash':
          cash += effect.change;
          break;
        case 'news':
          break;
        case 'dispute': {
          const spec = scenario.dispute;
          if (spec && disputeCanOpen(scenario, products, dispute, q)) {
            dispute = { product: spec.product, account: spec.account, openedInQuarter: q, status: 'open', option: null };
          }
          break;
        }
      }
    }
  }

  // ----- 10. Collaboration drifts down without joint work; alignment meetings raise it.
  collaboration = fix(nextCollaboration(collaboration, params.collaborationDrift, adbudg(alignment, tunings.alignment.response)));

  const record: QuarterRecord = {
    quarter: q,
    effortMarketing,
    effortSales,
    effortJoint,
    revenue,
    costs,
    profit: revenue - costs,
    cash,
    leads: fixLeads(leads),
    newAccounts: newAccounts.map((a) => a.id),
    lostAccounts,
    activeAccounts: accounts.reduce((n, a) => n + (a.active ? 1 : 0), 0),
    customerEquity,
    collaboration,
    products: ledgers,
    events: eventTitles,
    score: { profit: 0, revenue: 0, customerEquity: 0, portfolioHealth: 0, collaboration: 0, total: 0 },
  };
  const history = [...state.history, record];
  record.score = scoreCard(scenario, history);
  return {
    scenarioId: state.scenarioId,
    seed: state.seed,
    quarter: q + 1,
    cash,
    collaboration,
    insight,
    discountExpectation: fix(DISCOUNT_EXPECTATION_CARRYOVER * state.discountExpectation + (1 - DISCOUNT_EXPECTATION_CARRYOVER) * discountDepth),
    leads: fixLeads(leads),
    prospectsLeft: state.prospectsLeft - won,
    segments,
    products,
    accounts,
    firedEvents,
    dispute,
    history,
    finished: q >= scenario.quarters,
    luck: state.luck,
  };
}

/** Settles an open dispute. The full set of options and their staging arrive with the dispute issue. */
export function decideDispute(scenario: Scenario, state: GameState, option: DisputeOption): GameState {
  const verdict = validateDisputeOption(state, option);
  if (!verdict.ok) throw new InvalidDecisionError(verdict.reason);
  const dispute = state.dispute!;
  let products = state.products;
  if (option === 'discontinue') {
    products = products.map((p) =>
      p.id === dispute.product ? { ...p, active: false, discontinuedInQuarter: state.quarter, lossStreak: 0 } : p,
    );
  }
  void scenario;
  return {
    ...state,
    products,
    collaboration: fix(clamp01(state.collaboration - OVERRULE_COLLABORATION_COST)),
    dispute: { ...dispute, status: 'decided', option },
  };
}
