// The two leads as people (a scenario's `people`): what each asks for before a quarter, worked
// out from the state in the terms of their incentive plan; how much of the ask the decision
// heard; what their plan paid out; and the morale that follows. Morale is one stock per lead:
// the dispute's decision sets it (dispute.ts) and every quarter moves it, and it scales that
// side's moves (moraleFactors). Codes and numbers only; the app words the asks and reactions.
import {
  ASK_SHARE,
  ATTAINMENT_MAX,
  MORALE_HEARD,
  MORALE_MAX,
  MORALE_MIN,
  MORALE_NEUTRAL,
  MORALE_PLAN,
  MORALE_PULL,
  MORALE_WAITING,
  NEW_ACCOUNTS_PLAN,
  clamp,
  fix,
} from './model';
import type { Side } from './dispute';
import type {
  GameState,
  IncentiveMeasure,
  LeadAsk,
  LeadQuarter,
  Move,
  PersonSpec,
  ProductState,
  QuarterRecord,
  Scenario,
} from './types';
import { INCENTIVE_MEASURES } from './types';

/** Quarters a plan measured "over the year" looks back (this quarter included). */
export const YEAR_QUARTERS = 4;
/** A line's goodwill counts as sliding once it is this far below where it started. */
export const GOODWILL_SLIDE = 0.02;

export const SIDES: readonly Side[] = ['marketing', 'sales'];

/** Both leads' morale at the start: neutral. */
export function startingMorale(scenario: Scenario): GameState['morale'] {
  return scenario.people ? { marketing: MORALE_NEUTRAL, sales: MORALE_NEUTRAL } : undefined;
}

/** Effort points a lead asks for. */
export function askPoints(scenario: Scenario): number {
  return Math.max(1, Math.round(scenario.effortBudget * ASK_SHARE));
}

const planCache = new WeakMap<Scenario, Record<IncentiveMeasure, number>>();

/** Each measure's plan per quarter, from the scenario's scoring targets (worked out once per scenario). */
export function plans(scenario: Scenario): Record<IncentiveMeasure, number> {
  const cached = planCache.get(scenario);
  if (cached) return cached;
  const profit = scenario.scoring.targets.profit / scenario.quarters;
  const out: Record<IncentiveMeasure, number> = {
    revenue: scenario.scoring.targets.revenue / scenario.quarters,
    newAccounts: NEW_ACCOUNTS_PLAN,
    // Lines' profit is before the firm's overhead.
    lineProfit: profit + scenario.firm.overhead,
    goodwill: 1,
    profit,
  };
  planCache.set(scenario, out);
  return out;
}

const weighs = (person: PersonSpec, measure: IncentiveMeasure) => (person.incentive[measure] ?? 0) > 0;

/** What each lead asks for before the state's quarter, or null for a firm without people. */
export function leadAsks(scenario: Scenario, state: GameState): { marketing: LeadAsk | null; sales: LeadAsk | null } | null {
  const people = scenario.people;
  if (!people || state.finished) return null;
  return { marketing: marketingAsk(scenario, people.marketing, state), sales: salesAsk(scenario, people.sales, state) };
}

function salesAsk(scenario: Scenario, person: PersonSpec, state: GameState): LeadAsk | null {
  const points = askPoints(scenario);
  const moves = scenario.moves;
  const last = state.history[state.history.length - 1];
  const plan = plans(scenario);
  // Closing again while last quarter's pulled-forward orders are still owed back would only
  // borrow from a quarter already short: the lead asks to keep the key accounts warm instead.
  let owed = false;
  for (const a of state.accounts) if (a.active && a.pulledForward > 0) owed = true;
  if (weighs(person, 'revenue') && moves.closing.enabled && last && last.revenue < plan.revenue && !owed) {
    return { kind: 'closing', points, reason: 'revenue-below-plan', value: fix(last.revenue / plan.revenue) };
  }
  if (weighs(person, 'newAccounts') && moves.prospecting.enabled && state.prospectsLeft > 0) {
    return { kind: 'prospecting', points, reason: 'prospects-open', value: state.prospectsLeft };
  }
  if (!moves.relationship.enabled) return null;
  // The coolest key account (any account when the firm has no key account left).
  let pick: { id: string; relationship: number } | null = null;
  for (const keyOnly of [true, false]) {
    for (const a of state.accounts) {
      if (!a.active || (keyOnly && !a.key)) continue;
      if (pick === null || a.relationship < pick.relationship) pick = a;
    }
    if (pick !== null) break;
  }
  return pick === null ? null : { kind: 'relationship', target: pick.id, points, reason: 'key-account-cooling', value: pick.relationship };
}

function marketingAsk(scenario: Scenario, person: PersonSpec, state: GameState): LeadAsk | null {
  const points = askPoints(scenario);
  const moves = scenario.moves;
  const last = state.history[state.history.length - 1];
  // The last record's ledgers are in the order of the lines (one per line).
  const profitPaid = weighs(person, 'lineProfit') && last !== undefined;
  if (weighs(person, 'goodwill') && moves.campaign.enabled) {
    let pick: ProductState | null = null;
    let slide = GOODWILL_SLIDE;
    for (let i = 0; i < state.products.length; i++) {
      const p = state.products[i]!;
      const fall = scenario.products[i]!.goodwill - p.goodwill;
      // A line losing money is one a profit-paid lead would rather drop than promote.
      if (p.active && fall > slide && !(profitPaid && last.products[i]!.profit < 0)) {
        pick = p;
        slide = fall;
      }
    }
    if (pick !== null) return { kind: 'campaign', target: pick.id, points, reason: 'goodwill-sliding', value: pick.goodwill };
  }
  if (profitPaid && moves.improve.enabled) {
    let worst: { product: string; profit: number } | null = null;
    for (let i = 0; i < last.products.length; i++) {
      const ledger = last.products[i]!;
      if (state.products[i]!.active && ledger.profit < 0 && (worst === null || ledger.profit < worst.profit)) worst = ledger;
    }
    if (worst !== null) return { kind: 'improve', target: worst.product, points, reason: 'line-losing', value: worst.profit };
  }
  if (weighs(person, 'profit') && moves['portfolio-review'].enabled && last && last.profit < plans(scenario).profit) {
    return { kind: 'portfolio-review', points, reason: 'profit-below-plan', value: last.profit };
  }
  return moves.research.enabled ? { kind: 'research', points, reason: 'build-insight', value: state.insight } : null;
}

/** The share of an ask the decision's moves meet (0–1); an ask of nothing counts as half heard. */
export function heardShare(ask: LeadAsk | null, moves: readonly Move[]): number {
  if (ask === null) return 0.5;
  let given = 0;
  for (const m of moves) if (m.kind === ask.kind && (ask.target === undefined || m.target === ask.target)) given += m.points;
  return fix(Math.min(1, given / ask.points));
}

/** Each measure's attainment in the quarter just recorded: 1 is on plan, capped at ATTAINMENT_MAX. */
export function attainments(scenario: Scenario, history: readonly QuarterRecord[], products: readonly ProductState[]): Record<IncentiveMeasure, number> {
  const plan = plans(scenario);
  const record = history[history.length - 1]!;
  const first = Math.max(0, history.length - YEAR_QUARTERS);
  const quarters = history.length - first;
  let lineProfit = 0;
  let profit = 0;
  for (let h = first; h < history.length; h++) {
    const r = history[h]!;
    profit += r.profit;
    for (let l = 0; l < r.products.length; l++) lineProfit += r.products[l]!.profit;
  }
  let goodwill = 0;
  let start = 0;
  for (let i = 0; i < products.length; i++) {
    const p = products[i]!;
    if (!p.active) continue;
    goodwill += p.goodwill;
    start += scenario.products[i]!.goodwill;
  }
  return {
    revenue: share(record.revenue, plan.revenue),
    newAccounts: share(record.newAccounts.length, plan.newAccounts),
    lineProfit: share(lineProfit, plan.lineProfit * quarters),
    goodwill: share(goodwill, start),
    profit: share(profit, plan.profit * quarters),
  };
}

/** A measure's value against its plan, capped (no closure: this runs every quarter of every game). */
function share(value: number, target: number): number {
  return fix(clamp(target > 0 ? value / target : 1, 0, ATTAINMENT_MAX));
}

/** A plan's pay-out: the weighted mean of its measures' attainment. */
export function bonusOf(person: PersonSpec, attainment: Record<IncentiveMeasure, number>): number {
  let sum = 0;
  let weights = 0;
  for (const measure of INCENTIVE_MEASURES) {
    const w = person.incentive[measure] ?? 0;
    sum += w * attainment[measure];
    weights += w;
  }
  return fix(weights > 0 ? sum / weights : 1);
}

export function nextMorale(morale: number, heard: number, bonus: number, waiting: boolean): number {
  const moved = morale + MORALE_HEARD * (heard - 0.5) + MORALE_PLAN * (bonus - 1) + MORALE_PULL * (MORALE_NEUTRAL - morale) - (waiting ? MORALE_WAITING : 0);
  return fix(clamp(moved, MORALE_MIN, MORALE_MAX));
}

/**
 * Both leads' quarter once it has resolved: `before` is the state the quarter started from
 * (after any dispute decision), `history` ends with the quarter's record.
 */
export function leadQuarters(
  scenario: Scenario,
  before: GameState,
  moves: readonly Move[],
  history: readonly QuarterRecord[],
  products: readonly ProductState[],
): { marketing: LeadQuarter; sales: LeadQuarter } {
  const people = scenario.people!;
  const asks = leadAsks(scenario, before) ?? { marketing: null, sales: null };
  const attainment = attainments(scenario, history, products);
  const morale = before.morale ?? { marketing: MORALE_NEUTRAL, sales: MORALE_NEUTRAL };
  const waiting = before.dispute?.status === 'investigating';
  return {
    marketing: leadQuarter(people.marketing, asks.marketing, moves, attainment, morale.marketing, waiting),
    sales: leadQuarter(people.sales, asks.sales, moves, attainment, morale.sales, waiting),
  };
}

function leadQuarter(person: PersonSpec, ask: LeadAsk | null, moves: readonly Move[], attainment: Record<IncentiveMeasure, number>, morale: number, waiting: boolean): LeadQuarter {
  const heard = heardShare(ask, moves);
  const bonus = bonusOf(person, attainment);
  return { ask, heard, bonus, morale: nextMorale(morale, heard, bonus, waiting) };
}
