// Checks a decision against the rules before it is resolved, with a reason a screen can show.
import { MOVE_INFO, PRICE_MAX_SHARE, PRICE_MIN_SHARE } from './moves';
import type { Decision, GameState, Move, Scenario } from './types';
import { disputeEffort } from './dispute';

/** A decision or a dispute choice the rules refuse; the message is the reason a screen shows. */
export class InvalidDecisionError extends Error {}

export type Verdict = { ok: true } | { ok: false; reason: string };

const OK: Verdict = { ok: true };

/** The quarter's effort budget less what the dispute has taken (a meeting, an investigation, a migration plan). */
export function effortAvailable(scenario: Scenario, state: GameState): number {
  if (state.dispute === null) return scenario.effortBudget;
  const taken = disputeEffort(state);
  return scenario.effortBudget - taken.sales - taken.joint;
}

export function effortOf(decision: Decision): number {
  let total = 0;
  for (const move of decision.moves) total += move.points;
  return total;
}

function findById<T extends { id: string }>(items: readonly T[], id: string | undefined): T | undefined {
  for (let i = 0; i < items.length; i++) if (items[i]!.id === id) return items[i];
  return undefined;
}

export function validateMove(scenario: Scenario, state: GameState, move: Move): Verdict {
  // Moves arrive in several object shapes (bots, the flow, parsed replays): read each field once.
  const kind = move.kind;
  const target = move.target;
  const points = move.points;
  if (!Object.hasOwn(MOVE_INFO, kind)) {
    return { ok: false, reason: `Unknown move "${String(kind)}".` };
  }
  const info = MOVE_INFO[kind];
  if (!scenario.moves[kind].enabled) {
    return { ok: false, reason: `${info.label} is not available in this scenario.` };
  }
  if (!Number.isInteger(points) || points < 1) {
    return { ok: false, reason: `${info.label}: effort must be a whole number of points, at least 1.` };
  }
  if (info.target === 'none') {
    if (target !== undefined) return { ok: false, reason: `${info.label} takes no target.` };
  } else if (info.target === 'product') {
    // Plain loops rather than find(): validation runs on every quarter of every game.
    const product = findById(state.products, target);
    if (!product) return { ok: false, reason: `${info.label}: unknown product line "${String(target)}".` };
    if (!product.active) return { ok: false, reason: `${info.label}: "${product.id}" has been discontinued.` };
  } else {
    const account = findById(state.accounts, target);
    if (!account) return { ok: false, reason: `${info.label}: unknown account "${String(target)}".` };
    if (!account.active) return { ok: false, reason: `${info.label}: "${account.name}" is no longer a customer.` };
  }
  if (kind === 'price') {
    const spec = findById(scenario.products, target);
    const price = move.price;
    if (spec === undefined || price === undefined || !Number.isInteger(price)) {
      return { ok: false, reason: 'Price change: give the new price in whole cents.' };
    }
    if (price < spec.price * PRICE_MIN_SHARE || price > spec.price * PRICE_MAX_SHARE) {
      return {
        ok: false,
        reason: `Price change: the price must stay between ${PRICE_MIN_SHARE * 100}% and ${PRICE_MAX_SHARE * 100}% of the list price.`,
      };
    }
  } else if (move.price !== undefined) {
    return { ok: false, reason: `${info.label} takes no price.` };
  }
  return OK;
}

const seenKinds: string[] = [];
const seenTargets: (string | undefined)[] = [];

export function validateDecision(scenario: Scenario, state: GameState, decision: Decision): Verdict {
  if (state.finished) return { ok: false, reason: 'The game is over.' };
  if (state.dispute && state.dispute.status === 'open') {
    return { ok: false, reason: 'The discontinuation dispute must be settled first.' };
  }
  const moves = decision.moves;
  // Each move's kind and target read once into reused arrays, so the check for a move planned
  // twice compares locals instead of re-reading moves of several object shapes.
  const kinds = seenKinds;
  const targets = seenTargets;
  let effort = 0;
  for (let m = 0; m < moves.length; m++) {
    const move = moves[m]!;
    const verdict = validateMove(scenario, state, move);
    if (!verdict.ok) return verdict;
    const kind = move.kind;
    const target = move.target;
    for (let k = 0; k < m; k++) {
      if (kinds[k] === kind && targets[k] === target) {
        return { ok: false, reason: `${MOVE_INFO[kind].label}${target ? ` for "${target}"` : ''} is planned twice; plan each move once.` };
      }
    }
    kinds[m] = kind;
    targets[m] = target;
    effort += move.points;
  }
  const budget = effortAvailable(scenario, state);
  if (effort > budget) {
    return {
      ok: false,
      reason: `Over budget: ${effort} effort points planned, ${budget} available this quarter${budget < scenario.effortBudget ? ' (the dispute takes the rest)' : ''}.`,
    };
  }
  return OK;
}
