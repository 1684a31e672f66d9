// What the rules refuse, as data: each refusal is a code with the figures and names it concerns,
// so the model says *what* was refused and src/app says it in words (move-text.ts). A refusal is
// plain JSON, so the flow can keep it in a saved snapshot. Imports nothing but types.
import type { DisputeOption } from './dispute-options';
import type { MoveKind } from './moves';

/** Why a move or a decision is refused. `kind` is the move refused; `target` as the move gave it. */
export type MoveRefusal =
  | { code: 'game-over' }
  | { code: 'dispute-open' }
  | { code: 'unknown-move'; kind: string }
  | { code: 'move-unavailable'; kind: MoveKind }
  | { code: 'bad-points'; kind: MoveKind }
  | { code: 'target-not-taken'; kind: MoveKind }
  | { code: 'unknown-product'; kind: MoveKind; target: string }
  | { code: 'product-discontinued'; kind: MoveKind; product: string }
  | { code: 'unknown-account'; kind: MoveKind; target: string }
  | { code: 'account-lost'; kind: MoveKind; account: string; name: string }
  | { code: 'price-missing'; kind: MoveKind }
  | { code: 'price-out-of-range'; kind: MoveKind; minShare: number; maxShare: number }
  | { code: 'price-not-taken'; kind: MoveKind }
  | { code: 'planned-twice'; kind: MoveKind; target: string | null }
  | { code: 'over-budget'; planned: number; available: number; reserved: number };

/** Why a way to act on the dispute is refused now. */
export type DisputeRefusal =
  | { code: 'no-open-dispute' }
  | { code: 'unknown-option'; option: string }
  | { code: 'option-over-budget'; option: DisputeOption; needs: number; left: number }
  | { code: 'meeting-held' }
  | { code: 'already-investigated' }
  | { code: 'no-quarter-to-wait' }
  | { code: 'phase-out-too-late' }
  | { code: 'price-at-ceiling' };

export type Refusal = MoveRefusal | DisputeRefusal;
export type RefusalCode = Refusal['code'];

export type Verdict = { ok: true } | { ok: false; refusal: MoveRefusal };
export type DisputeVerdict = { ok: true } | { ok: false; refusal: DisputeRefusal };

/**
 * A decision or a dispute choice the rules refuse. It carries the refusal for the app to word;
 * its message is the refusal's code and figures (refusalSummary), which the layers without the
 * app's words (replay, scoreboard, debrief) pass on.
 */
export class InvalidDecisionError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusalSummary(refusal));
  }
}

/** A refusal as its code and figures in their order, e.g. `over-budget (planned 22, available 20, reserved 0)`. */
export function refusalSummary(refusal: Refusal): string {
  const figures: string[] = [];
  for (const [key, value] of Object.entries(refusal)) if (key !== 'code') figures.push(`${key} ${value === null ? 'none' : String(value)}`);
  return figures.length > 0 ? `${refusal.code} (${figures.join(', ')})` : refusal.code;
}

/** Marks a switch over a union as exhaustive: a new member fails the type check here. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${String(value)}`);
}
