// Checks a decision against the rules before it is resolved, with a reason a screen can show.
import { MOVE_INFO, PRICE_MAX_SHARE, PRICE_MIN_SHARE } from './moves';
import type { Decision, GameState, Move, Scenario } from './types';
import { DISPUTE_OPTIONS } from './types';

export type Verdict = { ok: true } | { ok: false; reason: string };

const OK: Verdict = { ok: true };

export function effortOf(decision: Decision): number {
  let total = 0;
  for (const move of decision.moves) total += move.points;
  return total;
}

export function validateMove(scenario: Scenario, state: GameState, move: Move): Verdict {
  if (!Object.hasOwn(MOVE_INFO, move.kind)) {
    return { ok: false, reason: `Unknown move "${String(move.kind)}".` };
  }
  const info = MOVE_INFO[move.kind];
  if (!scenario.moves[move.kind].enabled) {
    return { ok: false, reason: `${info.label} is not available in this scenario.` };
  }
  if (!Number.isInteger(move.points) || move.points < 1) {
    return { ok: false, reason: `${info.label}: effort must be a whole number of points, at least 1.` };
  }
  if (info.target === 'none') {
    if (move.target !== undefined) return { ok: false, reason: `${info.label} takes no target.` };
  } else if (info.target === 'product') {
    const product = state.products.find((p) => p.id === move.target);
    if (!product) return { ok: false, reason: `${info.label}: unknown product line "${String(move.target)}".` };
    if (!product.active) return { ok: false, reason: `${info.label}: "${product.id}" has been discontinued.` };
  } else {
    const account = state.accounts.find((a) => a.id === move.target);
    if (!account) return { ok: false, reason: `${info.label}: unknown account "${String(move.target)}".` };
    if (!account.active) return { ok: false, reason: `${info.label}: "${account.name}" is no longer a customer.` };
  }
  if (move.kind === 'price') {
    const spec = scenario.products.find((p) => p.id === move.target);
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

export function validateDecision(scenario: Scenario, state: GameState, decision: Decision): Verdict {
  if (state.finished) return { ok: false, reason: 'The game is over.' };
  if (state.dispute && state.dispute.status === 'open') {
    return { ok: false, reason: 'The discontinuation dispute must be settled first.' };
  }
  const moves = decision.moves;
  for (let m = 0; m < moves.length; m++) {
    const move = moves[m]!;
    const verdict = validateMove(scenario, state, move);
    if (!verdict.ok) return verdict;
    for (let k = 0; k < m; k++) {
      if (moves[k]!.kind === move.kind && moves[k]!.target === move.target) {
        return { ok: false, reason: `${MOVE_INFO[move.kind].label}${move.target ? ` for "${move.target}"` : ''} is planned twice; plan each move once.` };
      }
    }
  }
  const effort = effortOf(decision);
  if (effort > scenario.effortBudget) {
    return {
      ok: false,
      reason: `Over budget: ${effort} effort points planned, ${scenario.effortBudget} available this quarter.`,
    };
  }
  return OK;
}

export function validateDisputeOption(state: GameState, option: unknown): Verdict {
  if (!state.dispute || state.dispute.status !== 'open') return { ok: false, reason: 'There is no open dispute to settle.' };
  if (!(DISPUTE_OPTIONS as readonly unknown[]).includes(option)) {
    return { ok: false, reason: `Unknown way to settle the dispute: "${String(option)}". Choose one of: ${DISPUTE_OPTIONS.join(', ')}.` };
  }
  return OK;
}
