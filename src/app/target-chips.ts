// The chips beside a targeted move's slider: every line or account the draft has points on for
// that move. The picker shows one target at a time, so without them a move with points on a
// second line looks empty while its picker shows the first.
import { draftMove, type GameFlowContext } from '../flow/index';
import type { MoveKind } from '../sim/index';
import { formatPrice } from './format';
import { MOVE_SHORT_LABEL } from './move-text';

export interface TargetChip {
  /** "Cold Brew Kegs 2" (a price change names its new price: "Decaf Line $28.60"). */
  text: string;
  /** Whether it is the target the picker shows now. */
  shown: boolean;
}

export interface TargetChips {
  chips: TargetChip[];
  /** The chips as one line, for a screen reader and a tooltip: "Campaign: House Blend 4 · Cold Brew Kegs 2". */
  text: string;
}

/**
 * The targets of move `kind` with points in the draft, in the picker's order; null when the
 * slider alone tells the whole story (no points, or points only on the target shown).
 */
export function targetChips(context: GameFlowContext, kind: MoveKind, options: readonly { id: string; name: string }[], shown: string | undefined): TargetChips | null {
  const planned = options.flatMap((target) => {
    const move = draftMove(context, { kind, target: target.id });
    return move ? [{ target, move }] : [];
  });
  if (!planned.some(({ target }) => target.id !== shown)) return null;
  const chips = planned.map(({ target, move }) => ({
    text: `${target.name} ${move.price !== undefined ? formatPrice(move.price) : move.points}`,
    shown: target.id === shown,
  }));
  return { chips, text: `${MOVE_SHORT_LABEL[kind]}: ${chips.map((c) => c.text).join(' · ')}` };
}
