// Editing the quarter's draft: pure list operations behind SET_MOVE and REMOVE_MOVE, and the
// comparison that keeps no-op edits off the undo stack. They decide where a move sits in the
// list, never whether it is allowed — that is the model's validateDecision.
import type { Move, MoveKind } from '../sim/index';

/** A move's slot: one entry per kind and target, so a slider edits its move in place. */
export interface MoveSlot {
  kind: MoveKind;
  target?: string;
}

export function sameSlot(a: MoveSlot, b: MoveSlot): boolean {
  return a.kind === b.kind && a.target === b.target;
}

/**
 * A copy with only a Move's own fields and no undefined ones: whatever object a scene sends,
 * the draft (and so the recorded steps and the replay) holds plain data that survives JSON.
 */
export function cleanMove(move: Move): Move {
  const clean: Move = { kind: move.kind, points: move.points };
  if (move.target !== undefined) clean.target = move.target;
  if (move.price !== undefined) clean.price = move.price;
  return clean;
}

/** The draft with `move` in its slot: replaced in place, appended if new, removed at 0 points. */
export function withMove(draft: readonly Move[], move: Move): Move[] {
  if (move.points === 0) return withoutMove(draft, move);
  const clean = cleanMove(move);
  const at = draft.findIndex((m) => sameSlot(m, clean));
  if (at < 0) return [...draft, clean];
  return draft.map((m, i) => (i === at ? clean : m));
}

export function withoutMove(draft: readonly Move[], slot: MoveSlot): Move[] {
  return draft.filter((m) => !sameSlot(m, slot));
}

function sameMove(a: Move, b: Move): boolean {
  return sameSlot(a, b) && a.points === b.points && a.price === b.price;
}

/** Whether an edit changed anything: a no-op edit leaves nothing to undo. */
export function sameDraft(a: readonly Move[], b: readonly Move[]): boolean {
  return a.length === b.length && a.every((m, i) => sameMove(m, b[i]!));
}
