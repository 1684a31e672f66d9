// Why each account's relationship moved last quarter, as the planning screen's account list says
// it: "Relationship 61% (−4: decay −7, routine contact +3)". The parts are the model's own
// (src/sim/relationship-parts.ts) on the state the quarter was planned on (the game replayed to
// it); in whole points of the percentages shown, they add up to the change between them.
import type { GameFlowContext } from '../flow/index';
import { decideDispute, playSteps } from '../sim/index';
import { relationshipParts, type RelationshipParts } from '../sim/relationship-parts';
import { formatPercent } from './format';

export interface RelationshipChange {
  /** The change of the percentage shown, signed: "−4", "+3", "±0". */
  change: string;
  down: boolean;
  /** The change in whole points (how much there is to explain). */
  points: number;
  /** Every part that moved it, biggest first, in whole points that add up to `points`. */
  parts: { name: string; points: number }[];
  /** "Relationship 61% (−4: decay −7, routine contact +3)". */
  text: string;
  /** The same without the word, beside the account's name: "61% (−4: decay −7, routine contact +3)". */
  short: string;
}

const PART_NAMES = { decay: 'decay', routine: 'routine contact', calls: 'calls', visits: 'investigation visits' } as const;
type Part = keyof typeof PART_NAMES;
const PARTS = Object.keys(PART_NAMES) as Part[];

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

/** `values` rounded to whole numbers that add up to `total` (each moved off its nearest by as little as it takes). */
export function apportion(values: readonly number[], total: number): number[] {
  const rounded = values.map((v) => Math.round(v));
  let gap = total - rounded.reduce((sum, r) => sum + r, 0);
  while (gap !== 0) {
    const step = Math.sign(gap);
    let best = 0;
    for (let i = 1; i < values.length; i++) if ((values[i]! - rounded[i]!) * step > (values[best]! - rounded[best]!) * step) best = i;
    rounded[best]! += step;
    gap -= step;
  }
  return rounded;
}

/** One account's change in words, from its parts and the relationship the game now shows. */
export function relationshipChangeOf(parts: RelationshipParts, now: number): RelationshipChange {
  const points = Math.round(now * 100) - Math.round(parts.before * 100);
  // What the clamp and the rounding add goes with the biggest part, so the parts explain all of the change.
  const values = PARTS.map((p) => parts[p] * 100);
  const biggest = values.reduce((best, v, i) => (Math.abs(v) > Math.abs(values[best]!) ? i : best), 0);
  values[biggest]! += (now - parts.before - PARTS.reduce((sum, p) => sum + parts[p], 0)) * 100;
  const whole = apportion(values, points);
  const named = PARTS.map((p, i) => ({ name: PART_NAMES[p], points: whole[i]! }))
    .filter((p) => p.points !== 0)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  const why = named.length === 0 ? 'steady' : `${signed(points)}: ${named.map((p) => `${p.name} ${signed(p.points)}`).join(', ')}`;
  const short = `${formatPercent(now)} (${why})`;
  return { change: signed(points), down: points < 0, points, parts: named, text: `Relationship ${short}`, short };
}

/**
 * Each account's change over the last quarter played, by account id; empty before the first. Only
 * the accounts that were customers through it: one won in it has nothing to explain yet.
 */
export function relationshipChanges(context: GameFlowContext): Map<string, RelationshipChange> {
  const out = new Map<string, RelationshipChange>();
  const last = context.steps[context.steps.length - 1];
  if (last === undefined) return out;
  const { scenario, game } = context;
  let planned = playSteps(scenario, game.seed, context.steps.slice(0, -1));
  for (const option of last.dispute ?? []) planned = decideDispute(scenario, planned, option);
  const now = new Map(game.accounts.map((a) => [a.id, a]));
  for (const parts of relationshipParts(scenario, planned, last.moves)) {
    const account = now.get(parts.account);
    if (account?.active) out.set(parts.account, relationshipChangeOf(parts, account.relationship));
  }
  return out;
}
