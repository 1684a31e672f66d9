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
  INVESTIGATION_EFFORT,
  INSIGHT_BOOST,
  NEW_ACCOUNT_MAX_ANCHOR,
  NEW_ACCOUNT_SECOND_LINE_SHARE,
  NEW_ACCOUNT_RELATIONSHIP,
  NEW_ACCOUNT_SATISFACTION,
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
import { intern } from './init';
import { afterQuarter, disputeEffort, moraleFactors, openDispute, repriceStrain } from './dispute';
import { scoreCard } from './score';
import type {
  AccountLoss,
  AccountState,
  Decision,
  DisputeOption,
  GameState,
  Move,
  ProductLedger,
  ProductState,
  PurchaseState,
  QuarterRecord,
  Scenario,
  ScenarioEvent,
} from './types';
import { InvalidDecisionError, effortAvailable, validateDecision } from './validate';
import { PRICE_MAX_SHARE, PRICE_MIN_SHARE } from './moves';

export { InvalidDecisionError };

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
  /** The lowest fixed cost a portfolio review may cut each line to, in cents. */
  fixedCostFloor: number[];
  /** The scenario's events with their triggers read once (see runEvents). */
  events: CompiledEvent[];
}

/** An event's trigger, decoded once per scenario instead of once per quarter and game. */
interface CompiledEvent {
  event: ScenarioEvent;
  /** The event's id, interned (see init.ts `intern`): fired events are looked up by it every quarter. */
  id: string;
  /** 0: in a quarter; 1: a line's losses in a row; 2: an account's share of revenue. */
  trigger: 0 | 1 | 2;
  quarter: number;
  /** The line whose losses count, or −1 when the scenario has no such line. */
  product: number;
  quarters: number;
  account: string;
  share: number;
  /** Whether opening the dispute is all the event does (true for no effects, as every() gives). */
  onlyDispute: boolean;
}

function compileEvent(event: ScenarioEvent, productIndex: Map<string, number>): CompiledEvent {
  const trigger = event.trigger;
  const compiled: CompiledEvent = { event, id: intern(event.id), trigger: 0, quarter: 0, product: -1, quarters: 0, account: '', share: 0, onlyDispute: event.effects.every((e) => e.type === 'dispute') };
  if ('quarter' in trigger) {
    compiled.quarter = trigger.quarter;
  } else if ('productLossQuarters' in trigger) {
    compiled.trigger = 1;
    compiled.product = productIndex.get(trigger.productLossQuarters.product) ?? -1;
    compiled.quarters = trigger.productLossQuarters.quarters;
  } else {
    compiled.trigger = 2;
    compiled.account = intern(trigger.accountRevenueShare.account);
    compiled.share = trigger.accountRevenueShare.share;
  }
  return compiled;
}

const compiledCache = new WeakMap<Scenario, Compiled>();

function compile(scenario: Scenario): Compiled {
  let compiled = compiledCache.get(scenario);
  if (!compiled) {
    const productIndex = new Map(scenario.products.map((p, i) => [p.id, i] as const));
    const segmentIndex = new Map(scenario.segments.map((s, i) => [s.id, i] as const));
    compiled = {
      productIndex,
      productIds: scenario.products.map((p) => intern(p.id)),
      segmentOfProduct: scenario.products.map((p) => segmentIndex.get(p.segment) ?? 0),
      disputeProduct: scenario.dispute ? (productIndex.get(scenario.dispute.product) ?? -1) : -1,
      fixedCostFloor: scenario.products.map((p) => Math.round(FIXED_COST_FLOOR * p.fixedCost)),
      events: scenario.events.map((e) => compileEvent(e, productIndex)),
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

/** An account's next state: `a` with the fields a quarter changes (the fields in AccountState's order, as everywhere). */
function nextAccount(
  a: AccountState,
  active: boolean,
  lostInQuarter: number | null,
  relationship: number,
  satisfaction: number,
  pulledForward: number,
): AccountState {
  return {
    id: a.id,
    name: a.name,
    active,
    wonInQuarter: a.wonInQuarter,
    lostInQuarter,
    key: a.key,
    relationship,
    satisfaction,
    buys: a.buys,
    pulledForward,
  };
}


/**
 * Scratch buffers for per-line and per-account figures, reused across calls: the resolver is
 * synchronous and never re-entered, and allocating them every quarter showed up in the
 * benchmark. Each slot holds one figure; `scratch` returns it zeroed over `length`, `buffer`
 * as it is (for figures written in full before they are read).
 */
const SLOT = {
  unitsFactor: 0,
  unitPrice: 1,
  campaign: 2,
  improve: 3,
  demand: 4,
  relationshipCalls: 5,
  serviceCalls: 6,
  referralAsks: 7,
  lineUnits: 8,
  lineRevenue: 9,
  lineVariableCost: 10,
  unitCost: 11,
} as const;
const scratchBuffers: Float64Array[] = Array.from({ length: 12 }, () => new Float64Array(32));
function buffer(slot: number, length: number): Float64Array {
  const buffer = scratchBuffers[slot]!;
  return buffer.length < length ? (scratchBuffers[slot] = new Float64Array(length * 2)) : buffer;
}
function scratch(slot: number, length: number): Float64Array {
  const out = buffer(slot, length);
  // A loop, not fill(): for a handful of elements the builtin call costs more than the work.
  for (let i = 0; i < length; i++) out[i] = 0;
  return out;
}

/**
 * The per-account buffers (calls, service, referral asks) are written only at the accounts the
 * moves aim at, so rather than zeroing them over every account each quarter, the slots written
 * are listed here and only those are zeroed before the next tally (a new, larger buffer starts
 * zeroed). Between tallies every other slot of the three buffers holds 0.
 */
let touched = new Int32Array(32);
let touchedCount = 0;
function touch(j: number): void {
  if (touchedCount === touched.length) {
    const grown = new Int32Array(touched.length * 2);
    grown.set(touched);
    touched = grown;
  }
  touched[touchedCount++] = j;
}

/** An array of length `n` to fill in order; [] (filled in order just the same) for a length no array can have. */
function sized<T>(n: number): T[] {
  return Number.isInteger(n) && n >= 0 && n < 0x10000 ? new Array<T>(n) : [];
}

/** The dispute opens once, over a line still sold, with a quarter left to live with the decision. */
function disputeCanOpen(scenario: Scenario, at: number, products: readonly ProductState[], dispute: GameState['dispute'], q: number): boolean {
  return scenario.dispute !== undefined && dispute === null && at >= 0 && products[at]!.active && q < scenario.quarters;
}

/** Index of a product id; a linear scan beats a Map for the handful of lines a firm has. */
function indexOf(ids: readonly string[], id: string): number {
  for (let i = 0; i < ids.length; i++) if (ids[i] === id) return i;
  return -1;
}

/** The decision's effort by move and target: scratch reused by every call (see `scratch`). */
interface Tally {
  campaign: Float64Array;
  improve: Float64Array;
  relationshipCalls: Float64Array;
  serviceCalls: Float64Array;
  referralAsks: Float64Array;
  research: number;
  brand: number;
  review: number;
  prospecting: number;
  closing: number;
  discounting: number;
  alignment: number;
  effortMarketing: number;
  effortSales: number;
  effortJoint: number;
  /**
   * Whether every move passed the checks validateDecision makes of moves (see tallyMoves). Only
   * ever true when validateDecision would accept the moves; false sends the decision to it.
   */
  movesValid: boolean;
  /** The points the moves plan, added up as validateDecision adds them (for the budget check). */
  effort: number;
}

const tally: Tally = {
  campaign: scratchBuffers[SLOT.campaign]!,
  improve: scratchBuffers[SLOT.improve]!,
  relationshipCalls: scratchBuffers[SLOT.relationshipCalls]!,
  serviceCalls: scratchBuffers[SLOT.serviceCalls]!,
  referralAsks: scratchBuffers[SLOT.referralAsks]!,
  research: 0,
  brand: 0,
  review: 0,
  prospecting: 0,
  closing: 0,
  discounting: 0,
  alignment: 0,
  effortMarketing: 0,
  effortSales: 0,
  effortJoint: 0,
  movesValid: true,
  effort: 0,
};

/**
 * Which (kind, target) pairs the moves so far have used, for the "planned twice" check: a slot
 * holds the stamp of the last call that used it, so nothing needs clearing between calls.
 */
let seenMoves = new Int32Array(13 * 64);
let seenStamp = 0;
/** Kind numbers for `seenMoves` (the order of the catalogue). */
const K_CAMPAIGN = 0;
const K_RESEARCH = 1;
const K_IMPROVE = 2;
const K_PRICE = 3;
const K_BRAND = 4;
const K_REVIEW = 5;
const K_PROSPECTING = 6;
const K_SERVICE = 7;
const K_RELATIONSHIP = 8;
const K_REFERRALS = 9;
const K_CLOSING = 10;
const K_DISCOUNTING = 11;
const K_ALIGNMENT = 12;

/** Marks (kind, slot) as used by this call; false if a move before it used it already. */
function firstUse(kind: number, slot: number, stride: number): boolean {
  const at = kind * stride + slot;
  if (seenMoves[at] === seenStamp) return false;
  seenMoves[at] = seenStamp;
  return true;
}

/**
 * Adds up the moves by kind and target. Its own function, like the other phases below, so each
 * part of the resolver compiles (and, when its type feedback changes, recompiles) on its own:
 * as one big function the optimizing compiler took most of a second per attempt on this machine,
 * and the benchmark ran unoptimized code meanwhile.
 *
 * It also checks each move as validateMove and validateDecision do (kind enabled, whole points,
 * target known and active, price in range, no move planned twice, the budget), reusing the
 * target it has just looked up: validating first, then tallying, looked every target up twice
 * and was 7–8% of a game's time. The check only decides whether the full validator must be
 * asked: `movesValid` is true only for moves it would accept, and any move this check does not
 * pass (including shapes it does not know) goes to validateDecision for the verdict and reason.
 */
function tallyMoves(
  scenario: Scenario,
  productIds: readonly string[],
  products: ProductState[],
  accounts: readonly AccountState[],
  moves: readonly Move[],
  marketingMorale: number,
  salesMorale: number,
): Tally {
  const t = tally;
  const nProducts = products.length;
  const nAccounts = accounts.length;
  const tunings = scenario.moves;
  t.campaign = scratch(SLOT.campaign, nProducts);
  t.improve = scratch(SLOT.improve, nProducts);
  // One slot more than there are accounts: an unknown target lands there, as it did before.
  const relationshipCalls = (t.relationshipCalls = buffer(SLOT.relationshipCalls, nAccounts + 1));
  const serviceCalls = (t.serviceCalls = buffer(SLOT.serviceCalls, nAccounts + 1));
  const referralAsks = (t.referralAsks = buffer(SLOT.referralAsks, nAccounts + 1));
  for (let k = 0; k < touchedCount; k++) {
    const j = touched[k]!;
    relationshipCalls[j] = serviceCalls[j] = referralAsks[j] = 0;
  }
  touchedCount = 0;
  t.research = t.brand = t.review = t.prospecting = t.closing = t.discounting = t.alignment = 0;
  t.effortMarketing = t.effortSales = t.effortJoint = t.effort = 0;
  // The "planned twice" check: a slot per kind and target (slot 0 for the moves without one).
  const stride = Math.max(nProducts, nAccounts, 1);
  if (seenMoves.length < 13 * stride) seenMoves = new Int32Array(26 * stride);
  if (++seenStamp === 0x7fffffff) {
    seenMoves.fill(0);
    seenStamp = 1;
  }
  let valid = true;
  for (let m = 0; m < moves.length; m++) {
    const move = moves[m]!;
    // Moves arrive in several object shapes (bots, the flow, parsed replays): read each field once.
    const kind = move.kind;
    const spent = move.points;
    const target = move.target;
    const price = move.price;
    valid &&= Number.isInteger(spent) && spent >= 1;
    t.effort += spent;
    // The effort spent is tallied as planned; what it achieves depends on the side's morale.
    // One switch on the kind: comparing interned strings beats the keyed lookups it replaces.
    switch (kind) {
      case 'campaign':
      case 'improve':
      case 'price': {
        t.effortMarketing += spent;
        const points = spent * marketingMorale;
        const i = indexOf(productIds, target ?? '');
        // Valid only on a line of this firm that is still sold (the state's lines are the
        // scenario's, in its order, so `i` is the line validateMove finds by id).
        valid &&= typeof target === 'string' && i >= 0 && products[i]!.active;
        if (kind === 'campaign') {
          t.campaign[i]! += points;
          valid &&= tunings.campaign.enabled && price === undefined && firstUse(K_CAMPAIGN, i, stride);
        } else if (kind === 'improve') {
          t.improve[i]! += points;
          valid &&= tunings.improve.enabled && price === undefined && firstUse(K_IMPROVE, i, stride);
        } else {
          if (i >= 0 && products[i]!.active) products[i]!.price = price!;
          valid &&=
            tunings.price.enabled &&
            Number.isInteger(price) &&
            price! >= scenario.products[i]!.price * PRICE_MIN_SHARE &&
            price! <= scenario.products[i]!.price * PRICE_MAX_SHARE &&
            firstUse(K_PRICE, i, stride);
        }
        break;
      }
      case 'service':
      case 'relationship':
      case 'referrals': {
        t.effortSales += spent;
        const points = spent * salesMorale;
        let j = 0;
        while (j < nAccounts && accounts[j]!.id !== target) j++;
        // Valid only on a customer still active (`j` is the first account with the id, as validateMove finds it).
        valid &&= j < nAccounts && accounts[j]!.active && price === undefined;
        touch(j);
        if (kind === 'service') {
          t.serviceCalls[j]! += points;
          valid &&= tunings.service.enabled && firstUse(K_SERVICE, j, stride);
        } else if (kind === 'relationship') {
          t.relationshipCalls[j]! += points;
          valid &&= tunings.relationship.enabled && firstUse(K_RELATIONSHIP, j, stride);
        } else {
          t.referralAsks[j]! += points;
          valid &&= tunings.referrals.enabled && firstUse(K_REFERRALS, j, stride);
        }
        break;
      }
      // The moves aimed at nothing take no target and no price.
      case 'research':
        t.effortMarketing += spent;
        t.research += spent * marketingMorale;
        valid &&= target === undefined && price === undefined && tunings.research.enabled && firstUse(K_RESEARCH, 0, stride);
        break;
      case 'brand':
        t.effortMarketing += spent;
        t.brand += spent * marketingMorale;
        valid &&= target === undefined && price === undefined && tunings.brand.enabled && firstUse(K_BRAND, 0, stride);
        break;
      case 'portfolio-review':
        t.effortMarketing += spent;
        t.review += spent * marketingMorale;
        valid &&= target === undefined && price === undefined && tunings['portfolio-review'].enabled && firstUse(K_REVIEW, 0, stride);
        break;
      case 'prospecting':
        t.effortSales += spent;
        t.prospecting += spent * salesMorale;
        valid &&= target === undefined && price === undefined && tunings.prospecting.enabled && firstUse(K_PROSPECTING, 0, stride);
        break;
      case 'closing':
        t.effortSales += spent;
        t.closing += spent * salesMorale;
        valid &&= target === undefined && price === undefined && tunings.closing.enabled && firstUse(K_CLOSING, 0, stride);
        break;
      case 'discounting':
        t.effortSales += spent;
        t.discounting += spent * salesMorale;
        valid &&= target === undefined && price === undefined && tunings.discounting.enabled && firstUse(K_DISCOUNTING, 0, stride);
        break;
      case 'alignment':
        t.effortJoint += spent;
        t.alignment += spent;
        valid &&= target === undefined && price === undefined && tunings.alignment.enabled && firstUse(K_ALIGNMENT, 0, stride);
        break;
      default:
        // Not a move validation lets through; tallied as the chain this replaced did (sales effort, alignment).
        t.effortSales += spent;
        t.alignment += spent * salesMorale;
        valid = false;
    }
  }
  t.movesValid = valid;
  return t;
}


/** What a quarter's sales need to know about each line, worked out once per quarter. */
interface Sales {
  unitsFactor: Float64Array;
  unitPrice: Float64Array;
  unitCost: Float64Array;
  closingPull: number;
  /**
   * Each line's units, revenue and variable cost so far this quarter: added up in typed arrays
   * (the same additions in the same order as into the ledgers, which are built from them after).
   */
  lineUnits: Float64Array;
  lineRevenue: Float64Array;
  lineVariableCost: Float64Array;
  /** Revenue of the account `sell` booked last (an out-parameter: no object per call). */
  lastRevenue: number;
}

const sales: Sales = {
  unitsFactor: scratchBuffers[SLOT.unitsFactor]!,
  unitPrice: scratchBuffers[SLOT.unitPrice]!,
  unitCost: scratchBuffers[SLOT.unitCost]!,
  closingPull: 0,
  lineUnits: scratchBuffers[SLOT.lineUnits]!,
  lineRevenue: scratchBuffers[SLOT.lineRevenue]!,
  lineVariableCost: scratchBuffers[SLOT.lineVariableCost]!,
  lastRevenue: 0,
};

/**
 * Books one quarter of an account's purchases (at its relationship, less the share `owed` from
 * closing the quarter before) into the line totals; returns its margin. A plain
 * function rather than a closure inside the resolver: a closure there forced every variable it
 * captured into a heap context, which slowed the whole resolver down. The accounts won this
 * quarter buy through it; serveAccounts writes the same steps out for the existing accounts.
 */
function sell(sales: Sales, relationship: number, owed: number, buys: readonly PurchaseState[]): number {
  const unitsFactor = sales.unitsFactor;
  const unitPrice = sales.unitPrice;
  const unitCost = sales.unitCost;
  const closingPull = sales.closingPull;
  const lineUnits = sales.lineUnits;
  const lineRevenue = sales.lineRevenue;
  const lineVariableCost = sales.lineVariableCost;
  const relationshipFactor = relationshipVolumeFactor(relationship);
  let margin = 0;
  let sold = 0;
  for (let b = 0; b < buys.length; b++) {
    const buy = buys[b]!;
    const i = buy.line;
    const factor = unitsFactor[i]!;
    if (factor === 0) continue;
    const base = buy.units * factor * relationshipFactor;
    const regularUnits = base * (1 - owed);
    const pulledUnits = base * closingPull;
    const revenue = Math.round((regularUnits + pulledUnits * (1 - CLOSING_PRICE_CONCESSION)) * unitPrice[i]!);
    const variableCost = Math.round((regularUnits + pulledUnits) * unitCost[i]!);
    lineUnits[i]! += regularUnits + pulledUnits;
    lineRevenue[i]! += revenue;
    lineVariableCost[i]! += variableCost;
    margin += revenue - variableCost;
    sold += revenue;
  }
  sales.lastRevenue = sold;
  return margin;
}

/** A won prospect's id and name by its number: the same few strings every game, built once. */
const wonIds: string[] = [];
const wonNames: string[] = [];
function newAccountId(number: number): string {
  return (wonIds[number] ??= intern(`new-${number}`));
}
function newAccountName(number: number): string {
  return (wonNames[number] ??= `New account ${number}`);
}

/** A won prospect's purchase of line `index`: `share` of its size in units, its anchor from the draw. */
function newPurchase(scenario: Scenario, products: readonly ProductState[], index: number, size: number, share: number, anchorDraw: number): PurchaseState {
  return {
    product: products[index]!.id,
    line: index,
    units: fix(scenario.products[index]!.unitsPerAccount * size * share),
    anchor: fix(NEW_ACCOUNT_MAX_ANCHOR * anchorDraw),
  };
}

/** The `won` prospects next in line become accounts, buying their preferred lines still sold. */
function winAccounts(
  scenario: Scenario,
  state: GameState,
  products: readonly ProductState[],
  won: number,
  firstActive: number,
  newAccounts: AccountState[],
  newAccountIds: string[],
): void {
  const q = state.quarter;
  const firstProspect = scenario.market.prospects - state.prospectsLeft;
  for (let k = 0; k < won; k++) {
    const draw = state.luck.prospects[firstProspect + k]!;
    const size = scenario.market.newAccountSize.min + (scenario.market.newAccountSize.max - scenario.market.newAccountSize.min) * draw.size;
    // The purchases built first and the array made from them at once: pushing into an empty
    // array went through the builtin (it had to grow and change its kind) for every new account.
    const first = draw.preferences[0];
    const second = draw.preferences[1];
    const buyFirst = products[first]!.active ? newPurchase(scenario, products, first, size, 1, draw.anchorDraws[0]!) : null;
    const buySecond = products[second]!.active && second !== first ? newPurchase(scenario, products, second, size, NEW_ACCOUNT_SECOND_LINE_SHARE, draw.anchorDraws[1]!) : null;
    const buys: PurchaseState[] =
      buyFirst !== null
        ? buySecond !== null
          ? [buyFirst, buySecond]
          : [buyFirst]
        : buySecond !== null
          ? [buySecond]
          : [{ product: products[firstActive]!.id, line: firstActive, units: fix(scenario.products[firstActive]!.unitsPerAccount * size), anchor: 0 }];
    const number = firstProspect + k + 1;
    const id = newAccountId(number);
    newAccountIds[k] = id;
    newAccounts[k] = {
      id,
      name: newAccountName(number),
      active: true,
      wonInQuarter: q,
      lostInQuarter: null,
      key: false,
      relationship: NEW_ACCOUNT_RELATIONSHIP,
      satisfaction: NEW_ACCOUNT_SATISFACTION,
      buys,
      pulledForward: 0,
    };
  }
}

/** What serving the accounts adds up to: scratch reused by every call (see `scratch`). */
const served = { referral: 0, customerEquity: 0, activeAccounts: 0 };

/**
 * One pass per account: relationship and satisfaction (calls and service), churn (relationship,
 * satisfaction, lost anchors), referrals, then what it buys of each line; then the accounts won
 * this quarter buy. Writes the next accounts into `accounts` and the lost ones' ids into `lost`.
 */
function serveAccounts(
  scenario: Scenario,
  state: GameState,
  products: readonly ProductState[],
  t: Tally,
  sales: Sales,
  won: number,
  pulledForward: number,
  newAccounts: AccountState[],
  accounts: AccountState[],
  lostAccounts: string[],
  book: { accountRevenue: number[]; accountRelationship: number[]; losses: AccountLoss[] },
): typeof served {
  const params = scenario.model;
  const tunings = scenario.moves;
  // Read once: the loop below stores into objects, so the compiler cannot hoist these loads itself.
  const relationshipCarryover = params.relationshipCarryover;
  const satisfactionCarryover = params.satisfactionCarryover;
  const baseChurn = params.baseChurn;
  const discountRate = params.discountRate;
  const relationshipCurve = tunings.relationship.response;
  const serviceCurve = tunings.service.response;
  const referralsCurve = tunings.referrals.response;
  const referralRate = scenario.market.referralRate;
  const prospectsTotal = scenario.market.prospects;
  const relationshipCalls = t.relationshipCalls;
  const serviceCalls = t.serviceCalls;
  const referralAsks = t.referralAsks;
  const stateAccounts = state.accounts;
  const stateProducts = state.products;
  const unitsFactor = sales.unitsFactor;
  const unitPrice = sales.unitPrice;
  const unitCost = sales.unitCost;
  const lineUnits = sales.lineUnits;
  const lineRevenue = sales.lineRevenue;
  const lineVariableCost = sales.lineVariableCost;
  const q = state.quarter;
  const closingPull = sales.closingPull;
  const nAccounts = stateAccounts.length;
  const churnDraws = state.luck.churn[q - 1]!;
  const prospectsAfter = state.prospectsLeft - won;
  const revenueBefore = state.history.length > 0 ? state.history[state.history.length - 1]!.accountRevenue : null;
  const { accountRevenue, accountRelationship, losses } = book;
  let referral = 0;
  let customerEquity = 0;
  let activeAccounts = 0;
  // A repriced line strains the dispute's account as a partial loss of its anchor.
  const strain = repriceStrain(state.dispute, q);
  const strained = strain > 0 ? state.dispute!.account : null;
  const strainedLine = strain > 0 ? compile(scenario).disputeProduct : -1;
  for (let j = 0; j < nAccounts; j++) {
    const a = stateAccounts[j]!;
    accountRevenue[j] = 0;
    accountRelationship[j] = a.relationship;
    if (!a.active) {
      accounts[j] = a;
      continue;
    }
    const relationship = fix(nextRelationship(a.relationship, relationshipCarryover, adbudg(relationshipCalls[j]!, relationshipCurve)));
    let qualitySum = 0;
    let qualityCount = 0;
    let lostAnchor = 0;
    let anchorLine = -1;
    const buys = a.buys;
    for (let b = 0; b < buys.length; b++) {
      const buy = buys[b]!;
      const product = products[buy.line]!;
      if (product.active) {
        qualitySum += stateProducts[buy.line]!.quality;
        qualityCount += 1;
      } else if (product.discontinuedInQuarter !== null && q - product.discontinuedInQuarter < ANCHOR_CHURN_QUARTERS) {
        if (buy.anchor > lostAnchor) {
          lostAnchor = buy.anchor;
          anchorLine = buy.line;
        }
      }
    }
    if (a.id === strained && strain > lostAnchor) {
      lostAnchor = strain;
      anchorLine = strainedLine;
    }
    // Most accounts buy one or two lines: a division by one is skipped (it gives the sum exactly).
    const quality = qualityCount > 1 ? qualitySum / qualityCount : qualityCount === 1 ? qualitySum : 0;
    const satisfaction = fix(
      clamp01(
        nextSatisfaction(a.satisfaction, satisfactionCarryover, adbudg(serviceCalls[j]!, serviceCurve), quality, relationship) -
          CLOSING_SATISFACTION_COST * closingPull,
      ),
    );
    const ordinaryChurn = churnProbability(baseChurn, relationship, satisfaction);
    const churn = clamp01(ordinaryChurn + anchorChurn(lostAnchor, relationship));
    accountRelationship[j] = relationship;
    // The next account is built once with its final fields (what copying it and setting them gave).
    if (churnDraws[j]! < churn || qualityCount === 0) {
      accounts[j] = nextAccount(a, false, q, relationship, satisfaction, 0);
      lostAccounts.push(a.id);
      losses.push({
        account: a.id,
        ordinaryChurn: fix(ordinaryChurn),
        // With no line left to buy, the account goes for certain: all of that is the lost lines' doing.
        anchorChurn: fix(qualityCount === 0 ? 1 - ordinaryChurn : churn - ordinaryChurn),
        anchorProduct: anchorLine >= 0 ? products[anchorLine]!.id : null,
        revenueBefore: revenueBefore?.[j] ?? 0,
        products: buys.map((b) => b.product),
      });
      continue;
    }
    // Only the accounts asked for referrals give any (with no asks the response is the curve's
    // floor, usually 0, and adding the 0 that referralLeads would give changes nothing).
    const askResponse = adbudg(referralAsks[j]!, referralsCurve);
    if (askResponse !== 0) referral += referralLeads(referralRate, satisfaction, relationship, askResponse, prospectsAfter, prospectsTotal);
    // sell(sales, relationship, owed, buys), written out: as a call the compiler left it out of
    // line (its inlining budget goes on the model's formulas), and every call boxed its numbers.
    const owed = a.pulledForward;
    const relationshipFactor = relationshipVolumeFactor(relationship);
    let margin = 0;
    let sold = 0;
    for (let b = 0; b < buys.length; b++) {
      const buy = buys[b]!;
      const i = buy.line;
      const factor = unitsFactor[i]!;
      if (factor === 0) continue;
      const base = buy.units * factor * relationshipFactor;
      const regularUnits = base * (1 - owed);
      const pulledUnits = base * closingPull;
      const revenue = Math.round((regularUnits + pulledUnits * (1 - CLOSING_PRICE_CONCESSION)) * unitPrice[i]!);
      const variableCost = Math.round((regularUnits + pulledUnits) * unitCost[i]!);
      lineUnits[i]! += regularUnits + pulledUnits;
      lineRevenue[i]! += revenue;
      lineVariableCost[i]! += variableCost;
      margin += revenue - variableCost;
      sold += revenue;
    }
    customerEquity += lifetimeValue(margin, 1 - ordinaryChurn, discountRate);
    accountRevenue[j] = sold;
    accounts[j] = nextAccount(a, a.active, a.lostInQuarter, relationship, satisfaction, pulledForward);
    activeAccounts += 1;
  }
  for (let k = 0; k < newAccounts.length; k++) {
    const account = newAccounts[k]!;
    const retention = 1 - churnProbability(baseChurn, account.relationship, account.satisfaction);
    customerEquity += lifetimeValue(sell(sales, account.relationship, account.pulledForward, account.buys), retention, discountRate);
    accountRevenue[nAccounts + k] = sales.lastRevenue;
    accountRelationship[nAccounts + k] = account.relationship;
    account.pulledForward = pulledForward;
    accounts[nAccounts + k] = account;
    activeAccounts += 1;
  }
  served.referral = referral;
  served.customerEquity = customerEquity;
  served.activeAccounts = activeAccounts;
  return served;
}

/** What the quarter's events leave: scratch reused by every call (see `scratch`). */
const eventsOut = {
  collaboration: 0,
  segments: [] as GameState['segments'],
  dispute: null as GameState['dispute'],
  firedEvents: [] as string[],
  eventTitles: [] as string[],
  cash: 0,
};

/** Fires the scenario's events due this quarter and applies their effects. */
function runEvents(
  scenario: Scenario,
  cs: Compiled,
  state: GameState,
  disputeBefore: GameState['dispute'],
  products: readonly ProductState[],
  accounts: readonly AccountState[],
  accountRevenue: readonly number[],
  revenue: number,
  cashBefore: number,
): typeof eventsOut {
  const q = state.quarter;
  let cash = cashBefore;
  let collaboration = state.collaboration;
  let segments = state.segments;
  let dispute = disputeBefore;
  let firedEvents = state.firedEvents;
  const eventTitles: string[] = [];
  const events = cs.events;
  for (let e = 0; e < events.length; e++) {
    const compiled = events[e]!;
    const event = compiled.event;
    if (firedEvents.includes(compiled.id)) continue;
    let fires = false;
    if (compiled.trigger === 0) fires = compiled.quarter === q;
    else if (compiled.trigger === 1) {
      const i = compiled.product;
      fires = i >= 0 && products[i]!.active && products[i]!.lossStreak >= compiled.quarters;
    } else {
      let j = 0;
      while (j < accounts.length && accounts[j]!.id !== compiled.account) j++;
      fires = j < accounts.length && revenue > 0 && accountRevenue[j]! > compiled.share * revenue;
    }
    // An event whose only effect is to open the dispute stays silent once the dispute cannot open.
    if (fires && compiled.onlyDispute && !disputeCanOpen(scenario, cs.disputeProduct, products, dispute, q)) fires = false;
    if (!fires) continue;
    firedEvents = [...firedEvents, compiled.id];
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
          if (spec && disputeCanOpen(scenario, cs.disputeProduct, products, dispute, q)) dispute = openDispute(scenario, accounts, q);
          break;
        }
      }
    }
  }
  const out = eventsOut;
  out.collaboration = collaboration;
  out.segments = segments;
  out.dispute = dispute;
  out.firedEvents = firedEvents;
  out.eventTitles = eventTitles;
  out.cash = cash;
  return out;
}

/** The score a record holds until its own is worked out (never returned). */
const NO_SCORE: QuarterRecord['score'] = Object.freeze({ profit: 0, revenue: 0, customerEquity: 0, portfolioHealth: 0, collaboration: 0, total: 0 });

export function resolveQuarter(scenario: Scenario, state: GameState, decision: Decision): GameState {
  return resolve(scenario, state, decision, true);
}

/** Resolves a quarter whose decision is known to be valid (bots and replays skip re-validation). */
export function resolveValidQuarter(scenario: Scenario, state: GameState, decision: Decision): GameState {
  return resolve(scenario, state, decision, false);
}

/** Throws the validator's reason when it refuses the decision (resolve asks when its own check is not enough). */
function rejectIfInvalid(scenario: Scenario, state: GameState, decision: Decision): void {
  const verdict = validateDecision(scenario, state, decision);
  if (!verdict.ok) throw new InvalidDecisionError(verdict.reason);
}

/**
 * The quarter's resolution. With `check`, the decision is validated as resolveQuarter always
 * did: by tallyMoves' own check of the moves, and by the full validator (for its verdict and
 * reason) whenever that check does not pass them, before anything is returned.
 */
function resolve(scenario: Scenario, state: GameState, decision: Decision, check: boolean): GameState {
  // No decision is valid once the game is over or while the dispute is open.
  if (check && (state.finished || (state.dispute !== null && state.dispute.status === 'open'))) rejectIfInvalid(scenario, state, decision);
  const cs = compile(scenario);
  const { productIds, segmentOfProduct } = cs;
  const q = state.quarter;
  const qi = q - 1;
  const params = scenario.model;
  const tunings = scenario.moves;
  const nProducts = state.products.length;

  // ----- Tally the decision's effort by move and target. Price moves go straight onto the
  // copied lines (only active lines take a new price).
  const products: ProductState[] = new Array<ProductState>(nProducts);
  for (let i = 0; i < nProducts; i++) products[i] = copyProduct(state.products[i]!);
  const morale = moraleFactors(state);
  const t = tallyMoves(scenario, productIds, products, state.accounts, decision.moves, morale.marketing, morale.sales);
  if (check && !(t.movesValid && t.effort <= effortAvailable(scenario, state))) rejectIfInvalid(scenario, state, decision);
  const { research, brand, review, prospecting, closing, discounting, alignment } = t;
  // An investigation's visits to the account are relationship calls on it too.
  if (state.dispute !== null && state.dispute.investigation?.quarter === q) {
    const j = state.accounts.findIndex((a) => a.id === state.dispute!.account);
    if (j >= 0) {
      t.relationshipCalls[j]! += INVESTIGATION_EFFORT * morale.sales;
      touch(j);
    }
  }

  // ----- 1. Goodwill, insight, quality, fixed costs. Marketing works with a lag (Nerlove–Arrow in
  // discrete time): this quarter's leads and sales see the goodwill and quality the quarter
  // started with, and this quarter's campaigns build the stock the next quarters sell on.
  const insight = fix(nextInsight(state.insight, adbudg(research, tunings.research.response)));
  const brandResponse = BRAND_SHARE * adbudg(brand, tunings.brand.response);
  const reviewCut = adbudg(review, tunings['portfolio-review'].response);
  for (let i = 0; i < nProducts; i++) {
    const p = products[i]!;
    if (!p.active) {
      p.goodwill = fix(nextGoodwill(p.goodwill, params.goodwillDecay, 0));
      continue;
    }
    const campaignResponse = adbudg(t.campaign[i]!, tunings.campaign.response) * (1 + INSIGHT_BOOST * state.insight);
    const floor = cs.fixedCostFloor[i]!;
    p.goodwill = nextGoodwill(p.goodwill, params.goodwillDecay, campaignResponse + brandResponse);
    p.quality = clamp01(p.quality * (1 - QUALITY_EROSION) + adbudg(t.improve[i]!, tunings.improve.response));
    p.fixedCost = Math.max(floor, Math.round(p.fixedCost * (1 - reviewCut)));
  }

  // ----- 2. Leads from goodwill and this quarter's demand.
  const marketDraws = state.luck.market[qi]!;
  const demand = buffer(SLOT.demand, nProducts);
  for (let i = 0; i < nProducts; i++) demand[i] = state.segments[segmentOfProduct[i]!]!.demand * demandNoise(marketDraws[i]!);
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
  let firstActive = 0;
  while (firstActive < nProducts && !products[firstActive]!.active) firstActive++;
  if (firstActive === nProducts) won = 0;
  // Sized once and filled in order (pushing onto empty arrays grew them account by account).
  const newAccounts = sized<AccountState>(won);
  const newAccountIds = sized<string>(won);
  winAccounts(scenario, state, products, won, firstActive, newAccounts, newAccountIds);

  // ----- 4–8. One pass per account: relationship and satisfaction (calls and service), churn
  // (relationship, satisfaction, lost anchors), referrals, then what it buys of each line.
  // Everything a line contributes to a purchase is worked out once per line, not per purchase.
  const closingPull = adbudg(closing, tunings.closing.response);
  const discountDepth = adbudg(discounting, tunings.discounting.response);
  const holdback = discountHoldback(state.discountExpectation, discountDepth);
  const promotion = (1 + PROMOTION_ELASTICITY * discountDepth) * holdback;
  const unitsFactor = (sales.unitsFactor = buffer(SLOT.unitsFactor, nProducts));
  const unitPrice = (sales.unitPrice = buffer(SLOT.unitPrice, nProducts));
  const unitCost = (sales.unitCost = buffer(SLOT.unitCost, nProducts));
  sales.lineUnits = scratch(SLOT.lineUnits, nProducts);
  const lineRevenue = (sales.lineRevenue = scratch(SLOT.lineRevenue, nProducts));
  const lineVariableCost = (sales.lineVariableCost = scratch(SLOT.lineVariableCost, nProducts));
  sales.closingPull = closingPull;
  sales.lastRevenue = 0;
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
    unitCost[i] = product.unitCost;
  }
  const lostAccounts: string[] = [];
  const pulledForward = fix(closingPull);
  // Sized once and filled by serveAccounts (every slot: the accounts kept as they were too):
  // a copy pushed onto grew its backing store in every quarter that won an account.
  const nAccountsAfter = state.accounts.length + newAccounts.length;
  const accounts = new Array<AccountState>(nAccountsAfter);
  const book = { accountRevenue: new Array<number>(nAccountsAfter), accountRelationship: new Array<number>(nAccountsAfter), losses: [] as AccountLoss[] };
  const served = serveAccounts(scenario, state, products, t, sales, won, pulledForward, newAccounts, accounts, lostAccounts, book);
  const customerEquity = served.customerEquity;
  const activeAccounts = served.activeAccounts;
  const referral = served.referral;
  leads += referral;

  // ----- 8. Product-line P&L.
  let revenue = 0;
  let costs = scenario.firm.overhead;
  const lineUnits = sales.lineUnits;
  const ledgers: ProductLedger[] = new Array<ProductLedger>(nProducts);
  for (let i = 0; i < nProducts; i++) {
    const product = products[i]!;
    // A line's revenue and costs are whole cents (sums of rounded amounts): what the ledger held.
    const lineRevenueCents = lineRevenue[i]!;
    const variableCost = lineVariableCost[i]!;
    const fixedCost = product.active ? product.fixedCost : 0;
    const ledger: ProductLedger = {
      product: product.id,
      units: fix(lineUnits[i]!),
      revenue: lineRevenueCents,
      variableCost,
      fixedCost,
      profit: lineRevenueCents - variableCost - fixedCost,
    };
    ledgers[i] = ledger;
    revenue += ledger.revenue;
    costs += ledger.variableCost + ledger.fixedCost;
    product.goodwill = fix(product.goodwill);
    product.quality = fix(product.quality);
    product.lossStreak = product.active && ledger.profit < 0 ? product.lossStreak + 1 : 0;
  }
  let cash = state.cash + revenue - costs;

  // ----- 9. Events, after what the dispute schedules (findings in; a phased-out line stops).
  const before = state.dispute === null ? null : afterQuarter(state.dispute, q, products, accounts);
  const events = runEvents(scenario, cs, state, before, products, accounts, book.accountRevenue, revenue, cash);
  let collaboration = events.collaboration;
  const { segments, dispute, firedEvents, eventTitles } = events;
  cash = events.cash;
  const reserved = disputeEffort(state);
  const disputeChoices: DisputeOption[] = [];
  if (state.dispute !== null) for (const c of state.dispute.choices) if (c.quarter === q) disputeChoices.push(c.option);

  // ----- 10. Collaboration drifts down without joint work; alignment meetings raise it.
  collaboration = fix(nextCollaboration(collaboration, params.collaborationDrift, adbudg(alignment, tunings.alignment.response)));

  const record: QuarterRecord = {
    quarter: q,
    effortMarketing: t.effortMarketing,
    effortSales: t.effortSales + reserved.sales,
    effortJoint: t.effortJoint + reserved.joint,
    revenue,
    costs,
    profit: revenue - costs,
    cash,
    leads: fixLeads(leads),
    newAccounts: newAccountIds,
    lostAccounts,
    activeAccounts,
    customerEquity,
    collaboration,
    products: ledgers,
    accountRevenue: book.accountRevenue,
    accountRelationship: book.accountRelationship,
    losses: book.losses,
    events: eventTitles,
    disputeChoices,
    // Replaced just below, once the record is in the history the scorecard reads (its place in the key order is kept).
    score: NO_SCORE,
  };
  // The history, one longer, sized once (a copy then a push grew its backing store every quarter).
  const historyBefore = state.history;
  const history = new Array<QuarterRecord>(historyBefore.length + 1);
  for (let h = 0; h < historyBefore.length; h++) history[h] = historyBefore[h]!;
  history[historyBefore.length] = record;
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
