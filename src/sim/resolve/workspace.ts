// The resolver's scratch figures, one workspace per compiled scenario (compile.ts keeps it with
// the scenario's tables), reused by every quarter of every game on it: the resolver is
// synchronous and never re-entered, and allocating these every quarter showed up in the
// benchmark. Buffers sized by lines are sized once; those sized by accounts grow (doubling) as
// accounts are won.
import { MOVE_KIND_COUNT, MOVE_TABLE } from '../moves';
import { SeenMoves } from '../seen-moves';
import type { GameState } from '../types';

/** The decision's effort by move and target (see tally.ts). */
export interface Tally {
  /** Points (at the side's morale) by kind number, for the kinds aimed at nothing. */
  points: Float64Array;
  /**
   * Points by kind number and target, for the kinds aimed at a line (indexed like the lines) or
   * an account (like the accounts, with one slot more where an unknown account's points land);
   * null for the kinds aimed at nothing. Between tallies every account slot holds 0 but those
   * listed in `touched`, which the next tally zeroes.
   */
  byTarget: (Float64Array | null)[];
  effortMarketing: number;
  effortSales: number;
  effortJoint: number;
  /** Whether every move kept the rules of validate.ts. Only ever true when validateDecision would accept them. */
  movesValid: boolean;
  /** The points the moves plan, added up as validateDecision adds them (for the budget check). */
  effort: number;
}

/** What a quarter's sales need to know about each line, worked out once per quarter (see accounts.ts). */
export interface Sales {
  unitsFactor: Float64Array;
  unitPrice: Float64Array;
  unitCost: Float64Array;
  closingPull: number;
  /**
   * Each line's units, revenue and variable cost so far this quarter: added up in typed arrays
   * (the same additions in the same order as into the ledgers, which are built from them after).
   */
  lineUnits: Float64Array;
  lineRevenue: Float64Array;
  lineVariableCost: Float64Array;
}

/** What serving the accounts adds up to. */
export interface Served {
  referral: number;
  customerEquity: number;
  activeAccounts: number;
}

/** What the quarter's events leave. */
export interface EventsOut {
  collaboration: number;
  segments: GameState['segments'];
  dispute: GameState['dispute'];
  firedEvents: string[];
  eventTitles: string[];
  cash: number;
}

export interface Workspace {
  tally: Tally;
  /** The account slots of `tally.byTarget` written since they were last zeroed. */
  touched: Int32Array;
  touchedCount: number;
  /** The "planned twice" rule's memory for the tally. */
  seen: SeenMoves;
  /** This quarter's demand on each line. */
  demand: Float64Array;
  sales: Sales;
  served: Served;
  events: EventsOut;
}

/** Kind numbers whose moves are aimed at an account: their buffers grow with the accounts. */
export const ACCOUNT_KINDS: readonly number[] = MOVE_TABLE.flatMap((row, code) => (row.target === 'account' ? [code] : []));
/** Kind numbers whose moves are aimed at a line. */
export const PRODUCT_KINDS: readonly number[] = MOVE_TABLE.flatMap((row, code) => (row.target === 'product' ? [code] : []));

export function createWorkspace(nProducts: number, nAccounts: number): Workspace {
  const lines = Math.max(nProducts, 1);
  const slots = Math.max(2 * (nAccounts + 1), 32);
  const byTarget: (Float64Array | null)[] = new Array<Float64Array | null>(MOVE_KIND_COUNT).fill(null);
  for (const code of PRODUCT_KINDS) byTarget[code] = new Float64Array(lines);
  for (const code of ACCOUNT_KINDS) byTarget[code] = new Float64Array(slots);
  return {
    tally: { points: new Float64Array(MOVE_KIND_COUNT), byTarget, effortMarketing: 0, effortSales: 0, effortJoint: 0, movesValid: true, effort: 0 },
    touched: new Int32Array(32),
    touchedCount: 0,
    seen: new SeenMoves(),
    demand: new Float64Array(lines),
    sales: {
      unitsFactor: new Float64Array(lines),
      unitPrice: new Float64Array(lines),
      unitCost: new Float64Array(lines),
      closingPull: 0,
      lineUnits: new Float64Array(lines),
      lineRevenue: new Float64Array(lines),
      lineVariableCost: new Float64Array(lines),
    },
    served: { referral: 0, customerEquity: 0, activeAccounts: 0 },
    events: { collaboration: 0, segments: [], dispute: null, firedEvents: [], eventTitles: [], cash: 0 },
  };
}

/** `buffer` if it holds `length` figures, else a new zeroed one twice that long. */
export function atLeast(buffer: Float64Array, length: number): Float64Array {
  return buffer.length < length ? new Float64Array(length * 2) : buffer;
}

/** `buffer` (see atLeast) zeroed over `length`. */
export function zeroed(buffer: Float64Array, length: number): Float64Array {
  const out = atLeast(buffer, length);
  // A loop, not fill(): for a handful of elements the builtin call costs more than the work.
  for (let i = 0; i < length; i++) out[i] = 0;
  return out;
}

/** Lists account slot `j` as written (see Tally.byTarget). */
export function touch(ws: Workspace, j: number): void {
  if (ws.touchedCount === ws.touched.length) {
    const grown = new Int32Array(ws.touched.length * 2);
    grown.set(ws.touched);
    ws.touched = grown;
  }
  ws.touched[ws.touchedCount++] = j;
}
