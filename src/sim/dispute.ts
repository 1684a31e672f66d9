// The discontinuation dispute: opening it, each way to act on it, what a decision schedules into
// the following quarters, and how each leader takes the outcome. Pure, like the rest of the
// model; its constants live in model.ts with the others.
//
// The hidden anchor decides what discontinuing costs: the anchored account's churn rises for
// ANCHOR_CHURN_QUARTERS by ANCHOR_CHURN × anchor (less a relationship shield), and if it leaves
// it takes every line it buys. Each option trades that risk against the line's losses, the
// effort the quarter has, a quarter's delay, and the two sides' morale and collaboration.
import {
  ANCHOR_CHURN_QUARTERS,
  COMPROMISE_COLLABORATION_COST,
  DISCONTINUE_SATISFACTION_HIT,
  INVESTIGATION_NOISE,
  JOINT_MEETING_COLLABORATION,
  MIGRATION_RELIEF,
  MORALE_AFTER,
  MORALE_EFFECT,
  MORALE_MAX,
  MORALE_MIN,
  MORALE_NEUTRAL,
  MORALE_QUARTERS,
  OVERRULE_COLLABORATION_COST,
  REPRICE_SATISFACTION_HIT,
  REPRICE_SHARE,
  REPRICE_STRAIN,
  clamp,
  clamp01,
  fix,
} from './model';
import { PRICE_MAX_SHARE } from './moves';
import { DISPUTE_OPTIONS, DISPUTE_OPTION_INFO, isCompromise } from './dispute-options';
import { effortAvailable, optionEffort } from './effort';
import { InvalidDecisionError, assertNever, type DisputeRefusal, type DisputeVerdict } from './errors';
import type {
  AccountState,
  DisputeOption,
  DisputeState,
  FinalDisputeOption,
  GameState,
  ProductState,
  ReactionKind,
  Scenario,
} from './types';

export type Side = 'marketing' | 'sales';

/** What each side argues for: marketing to drop the line, sales to keep it. */
export const SIDE_WANTS: Record<Side, FinalDisputeOption> = { marketing: 'discontinue', sales: 'keep' };

/** A new dispute over the scenario's line and account, opened by quarter `q`'s events. */
export function openDispute(scenario: Scenario, accounts: readonly AccountState[], q: number): DisputeState {
  const spec = scenario.dispute!;
  const account = accounts.find((a) => a.id === spec.account);
  const anchor = account?.buys.find((b) => b.product === spec.product)?.anchor ?? 0;
  return {
    product: spec.product,
    account: spec.account,
    openedInQuarter: q,
    status: 'open',
    option: null,
    choices: [],
    decidedInQuarter: null,
    jointMeetingQuarter: null,
    investigation: null,
    phaseOutQuarter: null,
    anchorStrength: anchor,
    morale: { marketing: MORALE_NEUTRAL, sales: MORALE_NEUTRAL },
  };
}

/** How hard each side's moves work this quarter: morale counts for MORALE_QUARTERS from the decision. */
export function moraleFactors(state: GameState): { marketing: number; sales: number } {
  // With people, morale is the leads' own stock every quarter (the decision set it; leads.ts moves it).
  const leads = state.morale;
  if (leads !== undefined) {
    return { marketing: 1 + MORALE_EFFECT * (leads.marketing - MORALE_NEUTRAL), sales: 1 + MORALE_EFFECT * (leads.sales - MORALE_NEUTRAL) };
  }
  const d = state.dispute;
  if (d === null || d.decidedInQuarter === null) return NEUTRAL_MORALE;
  const since = state.quarter - d.decidedInQuarter;
  if (since < 0 || since >= MORALE_QUARTERS) return NEUTRAL_MORALE;
  return {
    marketing: 1 + MORALE_EFFECT * (d.morale.marketing - MORALE_NEUTRAL),
    sales: 1 + MORALE_EFFECT * (d.morale.sales - MORALE_NEUTRAL),
  };
}
const NEUTRAL_MORALE = { marketing: 1, sales: 1 } as const;

/**
 * The extra anchor strain a repricing puts on the dispute's account this quarter (the share of
 * its anchor that counts as lost), or 0.
 */
export function repriceStrain(dispute: DisputeState | null, q: number): number {
  if (dispute === null || dispute.option !== 'reprice' || dispute.decidedInQuarter === null) return 0;
  return q - dispute.decidedInQuarter < ANCHOR_CHURN_QUARTERS ? dispute.anchorStrength * REPRICE_STRAIN : 0;
}

/** How a side takes the decision: its own recommendation, a compromise, or a loss — heard or not. */
export function reactionOf(dispute: DisputeState, side: Side): ReactionKind | null {
  const option = dispute.option;
  if (option === null) return null;
  if (option === SIDE_WANTS[side]) return 'prevailed';
  if (isCompromise(option)) return 'compromise';
  return dispute.jointMeetingQuarter !== null ? 'heard' : 'overruled';
}

/** The highest price the line may be repriced to, and what repricing would set. */
function repricedPrice(scenario: Scenario, product: ProductState): number {
  const spec = scenario.products.find((p) => p.id === product.id)!;
  return Math.min(Math.round(product.price * (1 + REPRICE_SHARE)), Math.floor(spec.price * PRICE_MAX_SHARE));
}

const OPEN: DisputeVerdict = { ok: true };
const refused = (refusal: DisputeRefusal): DisputeVerdict => ({ ok: false, refusal });

/** Whether `option` may be chosen now, with the refusal when not. */
export function validateDisputeOption(scenario: Scenario, state: GameState, option: unknown): DisputeVerdict {
  const d = state.dispute;
  if (!d || d.status !== 'open') return refused({ code: 'no-open-dispute' });
  if (!(DISPUTE_OPTIONS as readonly unknown[]).includes(option)) return refused({ code: 'unknown-option', option: String(option) });
  const chosen = option as DisputeOption;
  const q = state.quarter;
  const product = state.products.find((p) => p.id === d.product)!;
  const left = effortAvailable(scenario, state);
  const needs = optionEffort(chosen);
  if (needs > left) return refused({ code: 'option-over-budget', option: chosen, needs, left });
  switch (chosen) {
    case 'joint-meeting':
      return d.jointMeetingQuarter !== null ? refused({ code: 'meeting-held' }) : OPEN;
    case 'investigate':
      if (d.investigation !== null) return refused({ code: 'already-investigated' });
      return q >= scenario.quarters ? refused({ code: 'no-quarter-to-wait' }) : OPEN;
    case 'phase-out':
      // The line stops once its migration quarters are over: there must be a quarter after them.
      return q + DISPUTE_OPTION_INFO['phase-out'].quarters > scenario.quarters ? refused({ code: 'phase-out-too-late' }) : OPEN;
    case 'reprice':
      return repricedPrice(scenario, product) <= product.price ? refused({ code: 'price-at-ceiling' }) : OPEN;
    case 'discontinue':
    case 'keep':
      return OPEN;
    default:
      return assertNever(chosen);
  }
}

/** The options open right now, in the order a screen lists them. */
export function availableDisputeOptions(scenario: Scenario, state: GameState): DisputeOption[] {
  return DISPUTE_OPTIONS.filter((o) => validateDisputeOption(scenario, state, o).ok);
}

function withAccount(accounts: readonly AccountState[], id: string, change: (a: AccountState) => AccountState): AccountState[] {
  return accounts.map((a) => (a.id === id && a.active ? change(a) : a));
}

/** Acts on the open dispute with one option. Pure: returns the next state. */
export function decideDispute(scenario: Scenario, state: GameState, option: DisputeOption): GameState {
  const verdict = validateDisputeOption(scenario, state, option);
  if (!verdict.ok) throw new InvalidDecisionError(verdict.refusal);
  const d = state.dispute!;
  const q = state.quarter;
  const choices = [...d.choices, { quarter: q, option }];
  if (option === 'joint-meeting') {
    return {
      ...state,
      collaboration: fix(clamp01(state.collaboration + JOINT_MEETING_COLLABORATION)),
      dispute: { ...d, choices, jointMeetingQuarter: q },
    };
  }
  if (option === 'investigate') {
    const noise = (2 * state.luck.investigation[q - 1]! - 1) * INVESTIGATION_NOISE;
    const estimate = fix(clamp01(d.anchorStrength + noise));
    return {
      ...state,
      dispute: {
        ...d,
        choices,
        status: 'investigating',
        investigation: { quarter: q, estimate, low: fix(Math.max(0, estimate - INVESTIGATION_NOISE)), high: fix(Math.min(1, estimate + INVESTIGATION_NOISE)) },
      },
    };
  }
  const heard = d.jointMeetingQuarter !== null;
  const decided: DisputeState = { ...d, choices, status: 'decided', option, decidedInQuarter: q };
  decided.morale = { marketing: MORALE_AFTER[reactionOf(decided, 'marketing')!], sales: MORALE_AFTER[reactionOf(decided, 'sales')!] };
  const compromise = isCompromise(option);
  const collaborationCost = heard ? 0 : compromise ? COMPROMISE_COLLABORATION_COST : OVERRULE_COLLABORATION_COST;
  let products = state.products;
  let accounts = state.accounts;
  const anchorHit = (hit: number) => (a: AccountState): AccountState => {
    const anchor = a.buys.find((b) => b.product === d.product)?.anchor ?? 0;
    return { ...a, satisfaction: fix(clamp01(a.satisfaction - hit * anchor)) };
  };
  if (option === 'discontinue') {
    products = products.map((p) => (p.id === d.product ? { ...p, active: false, discontinuedInQuarter: q, lossStreak: 0 } : p));
    accounts = withAccount(accounts, d.account, anchorHit(DISCONTINUE_SATISFACTION_HIT));
  } else if (option === 'reprice') {
    products = products.map((p) => (p.id === d.product ? { ...p, price: repricedPrice(scenario, p) } : p));
    accounts = withAccount(accounts, d.account, anchorHit(REPRICE_SATISFACTION_HIT));
  } else if (option === 'phase-out') {
    decided.phaseOutQuarter = q + DISPUTE_OPTION_INFO['phase-out'].quarters;
  }
  return {
    ...state,
    products,
    accounts,
    collaboration: fix(clamp01(state.collaboration - collaborationCost)),
    dispute: decided,
    // With people the decision moves the leads' own morale by what it does to a neutral lead
    // (a lead already low after unheard quarters sinks further when overruled); from here it
    // moves quarter by quarter.
    ...(state.morale !== undefined
      ? {
          morale: {
            marketing: fix(clamp(state.morale.marketing + decided.morale.marketing - MORALE_NEUTRAL, MORALE_MIN, MORALE_MAX)),
            sales: fix(clamp(state.morale.sales + decided.morale.sales - MORALE_NEUTRAL, MORALE_MIN, MORALE_MAX)),
          },
        }
      : {}),
  };
}

/**
 * What the dispute does once quarter `q` has resolved: an investigation's findings are in, so
 * the decision is due again; a phase-out's last quarter is over, so the line stops, and the
 * migration plan has moved the account off most of its attachment to it.
 */
export function afterQuarter(
  dispute: DisputeState,
  q: number,
  products: ProductState[],
  accounts: AccountState[],
): DisputeState {
  if (dispute.status === 'investigating') return { ...dispute, status: 'open' };
  if (dispute.phaseOutQuarter === q + 1) {
    const i = products.findIndex((p) => p.id === dispute.product);
    const line = products[i];
    if (line && line.active) products[i] = { ...line, active: false, discontinuedInQuarter: q + 1, lossStreak: 0 };
    const j = accounts.findIndex((a) => a.id === dispute.account);
    const account = accounts[j];
    if (account && account.active) {
      let left = 0;
      const buys = account.buys.map((b) => {
        if (b.product !== dispute.product) return b;
        left = fix(b.anchor * (1 - MIGRATION_RELIEF));
        return { ...b, anchor: left };
      });
      accounts[j] = { ...account, buys, satisfaction: fix(clamp01(account.satisfaction - DISCONTINUE_SATISFACTION_HIT * left)) };
    }
  }
  return dispute;
}
