// The chips beside a targeted move's slider: every line or account the draft has points on for
// that move. The picker shows one target at a time, so without them a move with points on a
// second line looks empty while its picker shows the first.
import { draftMove, type GameFlowContext } from '../flow/index';
import type { MoveKind } from '../sim/index';
import { formatPrice } from './format';
import { MOVE_SHORT_LABEL } from './move-text';

/** Chips beside a slider: two lines of them fit, so past this many the last says how many more. */
export const MAX_CHIPS = 3;

export interface TargetChip {
  /** The line or account ("Cold Brew Kegs"), or "+2 more" for the targets left out. */
  name: string;
  /** Its points ("2"); a price change's new price ("$28.60"); "" for "+2 more". */
  value: string;
  /** Whether it is the target the picker shows now. */
  shown: boolean;
}

export interface TargetChips {
  chips: TargetChip[];
  /** Every target as one line, for a screen reader and a tooltip: "Campaign: House Blend 4 · Cold Brew Kegs 2". */
  text: string;
}

/**
 * The targets of move `kind` with points in the draft, the picker's own first and then in the
 * picker's order; null when the slider alone tells the whole story (no points, or points only on
 * the target shown).
 */
export function targetChips(context: GameFlowContext, kind: MoveKind, options: readonly { id: string; name: string }[], shown: string | undefined): TargetChips | null {
  const planned = options.flatMap((target) => {
    const move = draftMove(context, { kind, target: target.id });
    return move ? [{ name: target.name, value: move.price !== undefined ? formatPrice(move.price) : String(move.points), shown: target.id === shown }] : [];
  });
  if (!planned.some((chip) => !chip.shown)) return null;
  const all = [...planned.filter((c) => c.shown), ...planned.filter((c) => !c.shown)];
  const chips = all.length <= MAX_CHIPS ? all : [...all.slice(0, MAX_CHIPS - 1), { name: `+${all.length - MAX_CHIPS + 1} more`, value: '', shown: false }];
  return { chips, text: `${MOVE_SHORT_LABEL[kind]}: ${all.map((c) => `${c.name} ${c.value}`).join(' · ')}` };
}
