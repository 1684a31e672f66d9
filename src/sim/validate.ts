// The rules a decision must keep, written once: brokenMoveRule checks one move, SeenMoves
// (seen-moves.ts) finds a move planned twice, budgetRefusal checks the total. validateMove and
// validateDecision are made of them, and so is the resolver's tally (resolve/tally.ts), which
// checks each move with the same functions while it adds it up and asks validateDecision for the
// refusal when one fails. A refusal is data (errors.ts); src/app words it.
import { effortAvailable } from './effort';
import { assertNever, type MoveRefusal, type Verdict } from './errors';
import { MOVE_INFO, MOVE_KIND_COUNT, MOVE_TABLE, PRICE_MAX_SHARE, PRICE_MIN_SHARE, type MoveInfo, type MoveKind } from './moves';
import { compile, type Compiled } from './resolve/compile';
import { SeenMoves } from './seen-moves';
import type { AccountState, Decision, GameState, Move, ProductState, Scenario } from './types';

const OK: Verdict = { ok: true };

/**
 * Each kind's number found from its name by a table on its length and first letter and
 * confirmed by comparing the name: validation runs for every move of every quarter, and keyed
 * reads by name were a good part of its time.
 */
const KIND_NAMES: readonly MoveKind[] = MOVE_TABLE.map((row) => row.kind);
/** Each kind's row by number. */
export const KIND_INFO: readonly MoveInfo[] = KIND_NAMES.map((kind) => MOVE_INFO[kind]);
const KIND_TABLE_WIDTH = 26;
const KIND_TABLE = new Int8Array(32 * KIND_TABLE_WIDTH).fill(-1);
/** False if two kinds ever share a length and first letter: then every kind goes through a Map. */
let kindTableWorks = true;
for (let code = 0; code < MOVE_KIND_COUNT; code++) {
  const slot = kindSlot(KIND_NAMES[code]!);
  if (slot < 0 || KIND_TABLE[slot] !== -1) kindTableWorks = false;
  else KIND_TABLE[slot] = code;
}
const KIND_CODES = new Map<string, number>(KIND_NAMES.map((kind, code) => [kind, code]));

function kindSlot(name: string): number {
  const n = name.length;
  const c = name.charCodeAt(0) - 97;
  return n > 0 && n < 32 && c >= 0 && c < KIND_TABLE_WIDTH ? n * KIND_TABLE_WIDTH + c : -1;
}

/**
 * The kind's number, or −1 when `kind` names no kind. A value that is not a string counts as the
 * kind its property key names (Object.hasOwn converts it), so validation and the tally agree on it.
 */
export function kindCode(kind: unknown): number {
  if (typeof kind !== 'string') return Object.hasOwn(MOVE_INFO, kind as PropertyKey) ? MOVE_INFO[kind as MoveKind].code : -1;
  if (!kindTableWorks) return KIND_CODES.get(kind) ?? -1;
  const slot = kindSlot(kind);
  if (slot < 0) return -1;
  const code = KIND_TABLE[slot]!;
  return code >= 0 && KIND_NAMES[code] === kind ? code : -1;
}

/** Index of the first item whose id is `id`, or −1 (a plain loop: this runs for every move). */
export function indexById(items: readonly { id: string }[], id: unknown): number {
  for (let i = 0; i < items.length; i++) if (items[i]!.id === id) return i;
  return -1;
}

/** The codes of the rules one move can break (the refusals a move alone can earn). */
export type MoveRuleCode = Exclude<MoveRefusal['code'], 'game-over' | 'dispute-open' | 'planned-twice' | 'over-budget'>;

/**
 * The rules of one move, in the order they are checked: the kind offered, whole points, a
 * target of the right kind that is still sold or still a customer, a price in range where it
 * takes one. Returns the code of the first rule broken, or null. `code` is kindCode(kind); `at`
 * the target's index in `products` or `accounts` (indexById; −1 or past the end when there is
 * none). The fields come as arguments because moves arrive in several object shapes (bots, the
 * flow, parsed replays): each is read once. It returns a code, not the refusal's data, so that
 * it stays small enough for the compiler to inline into the resolver's tally.
 */
export function brokenMoveRule(
  cs: Compiled,
  scenario: Scenario,
  products: readonly ProductState[],
  accounts: readonly AccountState[],
  code: number,
  points: number,
  target: string | undefined,
  price: number | undefined,
  at: number,
): MoveRuleCode | null {
  if (code < 0) return 'unknown-move';
  const info = KIND_INFO[code]!;
  if (cs.enabled[code] === 0) return 'move-unavailable';
  if (!Number.isInteger(points) || points < 1) return 'bad-points';
  switch (info.target) {
    case 'none':
      if (target !== undefined) return 'target-not-taken';
      break;
    case 'product':
      if (at < 0 || at >= products.length) return 'unknown-product';
      if (!products[at]!.active) return 'product-discontinued';
      break;
    case 'account':
      if (at < 0 || at >= accounts.length) return 'unknown-account';
      if (!accounts[at]!.active) return 'account-lost';
      break;
    default:
      return assertNever(info.target);
  }
  if (info.price) {
    // The state's lines are the scenario's, in its order: `at` is the line's spec too.
    const spec = info.target === 'product' ? scenario.products[at] : undefined;
    if (spec === undefined || price === undefined || !Number.isInteger(price)) return 'price-missing';
    if (price < spec.price * PRICE_MIN_SHARE || price > spec.price * PRICE_MAX_SHARE) return 'price-out-of-range';
  } else if (price !== undefined) {
    return 'price-not-taken';
  }
  return null;
}

/** The refusal for a move that broke rule `rule` (brokenMoveRule's arguments): the code with the names and figures it concerns. */
function moveRefusal(rule: MoveRuleCode, products: readonly ProductState[], accounts: readonly AccountState[], code: number, kind: unknown, target: unknown, at: number): MoveRefusal {
  if (rule === 'unknown-move') return { code: rule, kind: String(kind) };
  const name = KIND_NAMES[code]!;
  switch (rule) {
    case 'move-unavailable':
      return { code: rule, kind: name };
    case 'bad-points':
      return { code: rule, kind: name };
    case 'target-not-taken':
      return { code: rule, kind: name };
    case 'price-missing':
      return { code: rule, kind: name };
    case 'price-not-taken':
      return { code: rule, kind: name };
    case 'unknown-product':
      return { code: rule, kind: name, target: String(target) };
    case 'unknown-account':
      return { code: rule, kind: name, target: String(target) };
    case 'product-discontinued':
      return { code: rule, kind: name, product: products[at]!.id };
    case 'account-lost':
      return { code: rule, kind: name, account: accounts[at]!.id, name: accounts[at]!.name };
    case 'price-out-of-range':
      return { code: rule, kind: name, minShare: PRICE_MIN_SHARE, maxShare: PRICE_MAX_SHARE };
    default:
      return assertNever(rule);
  }
}

/** The move's refusal, or null when it keeps every rule of a move. */
function refuseMove(cs: Compiled, scenario: Scenario, state: GameState, move: Move, code: number, at: number): MoveRefusal | null {
  const kind = move.kind;
  const target = move.target;
  const rule = brokenMoveRule(cs, scenario, state.products, state.accounts, code, move.points, target, move.price, at);
  return rule === null ? null : moveRefusal(rule, state.products, state.accounts, code, kind, target, at);
}

/** The index `brokenMoveRule` wants for a move of kind number `code` aimed at `target`. */
export function targetIndex(state: GameState, code: number, target: unknown): number {
  if (code < 0) return -1;
  const aim = KIND_INFO[code]!.target;
  return aim === 'product' ? indexById(state.products, target) : aim === 'account' ? indexById(state.accounts, target) : -1;
}

/** The refusal of a decision planning `planned` points, or null when the quarter has them. */
export function budgetRefusal(scenario: Scenario, state: GameState, planned: number): MoveRefusal | null {
  const available = effortAvailable(scenario, state);
  return planned > available ? { code: 'over-budget', planned, available, reserved: scenario.effortBudget - available } : null;
}

/** Why no decision is taken now (the game is over, the dispute is open), or null. */
export function closedRefusal(state: GameState): MoveRefusal | null {
  if (state.finished) return { code: 'game-over' };
  if (state.dispute !== null && state.dispute.status === 'open') return { code: 'dispute-open' };
  return null;
}

export function validateMove(scenario: Scenario, state: GameState, move: Move): Verdict {
  const code = kindCode(move.kind);
  const refusal = refuseMove(compile(scenario), scenario, state, move, code, targetIndex(state, code, move.target));
  return refusal === null ? OK : { ok: false, refusal };
}

const seen = new SeenMoves();

export function validateDecision(scenario: Scenario, state: GameState, decision: Decision): Verdict {
  const closed = closedRefusal(state);
  if (closed !== null) return { ok: false, refusal: closed };
  const cs = compile(scenario);
  const moves = decision.moves;
  seen.begin(state.products.length, state.accounts.length);
  let effort = 0;
  for (let m = 0; m < moves.length; m++) {
    const move = moves[m]!;
    const kind = move.kind;
    const target = move.target;
    const points = move.points;
    const code = kindCode(kind);
    const at = targetIndex(state, code, target);
    const refusal = refuseMove(cs, scenario, state, move, code, at);
    if (refusal !== null) return { ok: false, refusal };
    if (!seen.firstUse(code, at)) return { ok: false, refusal: { code: 'planned-twice', kind: KIND_NAMES[code]!, target: target ?? null } };
    effort += points;
  }
  const over = budgetRefusal(scenario, state, effort);
  return over === null ? OK : { ok: false, refusal: over };
}
