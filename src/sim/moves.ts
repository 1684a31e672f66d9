// The catalogue of moves, one table: each kind's side of the firm, what it is aimed at and
// whether it takes a price. A kind's number is its row in the table. MoveKind, the side lists,
// validation, the resolver's tally and the bots all derive from it; the words for each move
// live in src/app (move-text.ts). Imports nothing, so every part of the model can use it.

export type MoveSide = 'marketing' | 'sales' | 'joint';

/** What a move is aimed at: a product line, an account, or the firm as a whole. */
export type MoveTargetKind = 'product' | 'account' | 'none';

export const MOVE_TABLE = [
  { kind: 'campaign', side: 'marketing', target: 'product', price: false },
  { kind: 'research', side: 'marketing', target: 'none', price: false },
  { kind: 'improve', side: 'marketing', target: 'product', price: false },
  { kind: 'price', side: 'marketing', target: 'product', price: true },
  { kind: 'brand', side: 'marketing', target: 'none', price: false },
  { kind: 'portfolio-review', side: 'marketing', target: 'none', price: false },
  { kind: 'prospecting', side: 'sales', target: 'none', price: false },
  { kind: 'service', side: 'sales', target: 'account', price: false },
  { kind: 'relationship', side: 'sales', target: 'account', price: false },
  { kind: 'referrals', side: 'sales', target: 'account', price: false },
  { kind: 'closing', side: 'sales', target: 'none', price: false },
  { kind: 'discounting', side: 'sales', target: 'none', price: false },
  { kind: 'alignment', side: 'joint', target: 'none', price: false },
] as const satisfies readonly { kind: string; side: MoveSide; target: MoveTargetKind; price: boolean }[];

type MoveRow = (typeof MOVE_TABLE)[number];
export type MoveKind = MoveRow['kind'];
export type MarketingMove = Extract<MoveRow, { side: 'marketing' }>['kind'];
export type SalesMove = Extract<MoveRow, { side: 'sales' }>['kind'];
export type JointMove = Extract<MoveRow, { side: 'joint' }>['kind'];

/** Every kind, in the table's order (a kind's index here is its number). */
export const MOVE_KINDS: readonly MoveKind[] = MOVE_TABLE.map((row) => row.kind);
export const MARKETING_MOVES: readonly MarketingMove[] = kindsOf<MarketingMove>('marketing');
export const SALES_MOVES: readonly SalesMove[] = kindsOf<SalesMove>('sales');
export const JOINT_MOVES: readonly JointMove[] = kindsOf<JointMove>('joint');

function kindsOf<K extends MoveKind>(side: MoveSide): K[] {
  return MOVE_TABLE.filter((row) => row.side === side).map((row) => row.kind as K);
}

export interface MoveInfo {
  kind: MoveKind;
  /** The kind's number: its row in MOVE_TABLE. */
  code: number;
  side: MoveSide;
  target: MoveTargetKind;
  /** Whether the move sets a price (and so must carry one). */
  price: boolean;
}

export const MOVE_INFO: Readonly<Record<MoveKind, MoveInfo>> = Object.fromEntries(
  MOVE_TABLE.map((row, code) => [row.kind, { kind: row.kind, code, side: row.side, target: row.target, price: row.price }]),
) as Record<MoveKind, MoveInfo>;

/** Each kind's number by name (MOVE_INFO[kind].code), for code that picks out one kind. */
export const MOVE_CODE: Readonly<Record<MoveKind, number>> = Object.fromEntries(MOVE_TABLE.map((row, code) => [row.kind, code])) as Record<MoveKind, number>;

export const MOVE_KIND_COUNT = MOVE_TABLE.length;

/** A price may be set between these shares of the list price. */
export const PRICE_MIN_SHARE = 0.5;
export const PRICE_MAX_SHARE = 2;
