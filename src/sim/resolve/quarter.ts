// A quarter's resolution, step by step in RESOLUTION_ORDER: takes the state and the player's
// decision and returns the next state. Pure: the input state is never mutated. Each step's work
// is in its own module (tally.ts, accounts.ts, events.ts); every formula comes from model.ts.
import {
  BRAND_SHARE,
  DISCOUNT_EXPECTATION_CARRYOVER,
  INVESTIGATION_EFFORT,
  INSIGHT_BOOST,
  PROMOTION_ELASTICITY,
  QUALITY_EROSION,
  adbudg,
  clamp01,
  conversionRate,
  demandNoise,
  discountHoldback,
  fix,
  fixLeads,
  nextCollaboration,
  nextGoodwill,
  nextInsight,
  priceFactor,
  goodwillQualityFactor,
} from '../model';
import { afterQuarter, moraleFactors } from '../dispute';
import { disputeEffort } from '../effort';
import { InvalidDecisionError } from '../errors';
import { MOVE_CODE } from '../moves';
import { leadQuarters } from '../leads';
import { scoreCard } from '../score';
import type { AccountLoss, AccountState, Decision, DisputeOption, GameState, ProductLedger, ProductState, QuarterRecord, Scenario } from '../types';
import { budgetRefusal, closedRefusal, validateDecision } from '../validate';
import { serveAccounts, winAccounts } from './accounts';
import { compile } from './compile';
import { runEvents } from './events';
import { tallyMoves } from './tally';
import { atLeast, touch, zeroed } from './workspace';

const CAMPAIGN = MOVE_CODE.campaign;
const IMPROVE = MOVE_CODE.improve;
const RESEARCH = MOVE_CODE.research;
const BRAND = MOVE_CODE.brand;
const REVIEW = MOVE_CODE['portfolio-review'];
const PROSPECTING = MOVE_CODE.prospecting;
const CLOSING = MOVE_CODE.closing;
const DISCOUNTING = MOVE_CODE.discounting;
const ALIGNMENT = MOVE_CODE.alignment;
const RELATIONSHIP = MOVE_CODE.relationship;

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

/** An array of length `n` to fill in order; [] (filled in order just the same) for a length no array can have. */
function sized<T>(n: number): T[] {
  return Number.isInteger(n) && n >= 0 && n < 0x10000 ? new Array<T>(n) : [];
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

/** Throws the validator's refusal when it refuses the decision (resolve asks when its own check is not enough). */
function rejectIfInvalid(scenario: Scenario, state: GameState, decision: Decision): void {
  const verdict = validateDecision(scenario, state, decision);
  if (!verdict.ok) throw new InvalidDecisionError(verdict.refusal);
}

/**
 * The quarter's resolution, in RESOLUTION_ORDER. With `check`, the decision is validated: by
 * tallyMoves' check of each move and the budget, and by validateDecision (for its refusal)
 * whenever those do not pass it, before anything is returned.
 */
function resolve(scenario: Scenario, state: GameState, decision: Decision, check: boolean): GameState {
  // No decision is valid once the game is over or while the dispute is open.
  if (check && closedRefusal(state) !== null) rejectIfInvalid(scenario, state, decision);
  const cs = compile(scenario);
  const ws = cs.workspace;
  const segmentOfProduct = cs.segmentOfProduct;
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
  const t = tallyMoves(cs, scenario, products, state.accounts, decision.moves, morale.marketing, morale.sales, check);
  if (check && !(t.movesValid && budgetRefusal(scenario, state, t.effort) === null)) rejectIfInvalid(scenario, state, decision);
  const points = t.points;
  const research = points[RESEARCH]!;
  const brand = points[BRAND]!;
  const review = points[REVIEW]!;
  const prospecting = points[PROSPECTING]!;
  const closing = points[CLOSING]!;
  const discounting = points[DISCOUNTING]!;
  const alignment = points[ALIGNMENT]!;
  const campaign = t.byTarget[CAMPAIGN]!;
  const improve = t.byTarget[IMPROVE]!;
  // An investigation's visits to the account are relationship calls on it too.
  if (state.dispute !== null && state.dispute.investigation?.quarter === q) {
    const j = state.accounts.findIndex((a) => a.id === state.dispute!.account);
    if (j >= 0) {
      t.byTarget[RELATIONSHIP]![j]! += INVESTIGATION_EFFORT * morale.sales;
      touch(ws, j);
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
    const campaignResponse = adbudg(campaign[i]!, tunings.campaign.response) * (1 + INSIGHT_BOOST * state.insight);
    const floor = cs.fixedCostFloor[i]!;
    p.goodwill = nextGoodwill(p.goodwill, params.goodwillDecay, campaignResponse + brandResponse);
    p.quality = clamp01(p.quality * (1 - QUALITY_EROSION) + adbudg(improve[i]!, tunings.improve.response));
    p.fixedCost = Math.max(floor, Math.round(p.fixedCost * (1 - reviewCut)));
  }

  // ----- 2. Leads from goodwill and this quarter's demand.
  const marketDraws = state.luck.market[qi]!;
  const demand = (ws.demand = atLeast(ws.demand, nProducts));
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
  const sales = ws.sales;
  const unitsFactor = (sales.unitsFactor = atLeast(sales.unitsFactor, nProducts));
  const unitPrice = (sales.unitPrice = atLeast(sales.unitPrice, nProducts));
  const unitCost = (sales.unitCost = atLeast(sales.unitCost, nProducts));
  sales.lineUnits = zeroed(sales.lineUnits, nProducts);
  const lineRevenue = (sales.lineRevenue = zeroed(sales.lineRevenue, nProducts));
  const lineVariableCost = (sales.lineVariableCost = zeroed(sales.lineVariableCost, nProducts));
  sales.closingPull = closingPull;
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
  const served = serveAccounts(cs, scenario, state, products, t, sales, won, pulledForward, newAccounts, accounts, lostAccounts, book);
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
  const people = scenario.people ? leadQuarters(scenario, state, decision.moves, history, products) : undefined;
  // Worked out once the history holds the record: plans measured over the year read it.
  if (people) record.people = people;
  const next: GameState = {
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
  // Added only with people, after the literal: a spread in it took the slow path for every game.
  if (people) next.morale = { marketing: people.marketing.morale, sales: people.sales.morale };
  return next;
}
