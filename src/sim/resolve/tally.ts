// Step 1 of a quarter: the decision's effort added up by kind and target (the catalogue's table
// says each kind's side and target), each move checked by the rules of validate.ts as it goes.
// Price moves go straight onto the copied lines (only active lines take a new price).
import type { Scenario, AccountState, Move, ProductState } from '../types';
import { MOVE_CODE } from '../moves';
import { KIND_INFO, brokenMoveRule, kindCode } from '../validate';
import { assertNever } from '../errors';
import type { Compiled } from './compile';
import { ACCOUNT_KINDS, PRODUCT_KINDS, atLeast, touch, zeroed, type Tally, type Workspace } from './workspace';

const ALIGNMENT = MOVE_CODE.alignment;

/** Index of `id` among `ids`, or −1: a linear scan beats a Map for the handful of lines a firm has. */
function indexOfId(ids: readonly string[], id: unknown): number {
  for (let i = 0; i < ids.length; i++) if (ids[i] === id) return i;
  return -1;
}

/**
 * How a move of no known kind is tallied: its points count as sales effort and, at the sales
 * side's morale, as alignment. Validation refuses such a move, so resolveQuarter never returns a
 * state built on it; resolveValidQuarter trusts its caller and resolves it this way, so that a
 * replay holding one resolves the same everywhere.
 */
function tallyUnknownKind(t: Tally, spent: number, salesMorale: number): void {
  t.effortSales += spent;
  t.points[ALIGNMENT]! += spent * salesMorale;
}

/**
 * Adds up the moves by kind and target. Its own function, like the other steps, so each part of
 * the resolver compiles (and, when its type feedback changes, recompiles) on its own: as one big
 * function the optimizing compiler took most of a second per attempt on this machine, and the
 * benchmark ran unoptimized code meanwhile.
 *
 * It checks each move with brokenMoveRule and the "planned twice" rule, reusing the target it has
 * just looked up (validating first, then tallying, looked every target up twice and was 7–8% of
 * a game's time). `movesValid` is true only for moves validateDecision accepts; when false, the
 * resolver asks validateDecision for the refusal. Without `check` (resolveValidQuarter: bots and
 * replays whose decisions are known to be valid) the rules are not asked and `movesValid` stays
 * true: nothing reads it then, and the rules were most of the tally's time.
 */
export function tallyMoves(
  cs: Compiled,
  scenario: Scenario,
  products: ProductState[],
  accounts: readonly AccountState[],
  moves: readonly Move[],
  marketingMorale: number,
  salesMorale: number,
  check: boolean,
): Tally {
  const ws: Workspace = cs.workspace;
  const t = ws.tally;
  const nProducts = products.length;
  const nAccounts = accounts.length;
  const byTarget = t.byTarget;
  const productIds = cs.productIds;
  for (let k = 0; k < PRODUCT_KINDS.length; k++) {
    const code = PRODUCT_KINDS[k]!;
    byTarget[code] = zeroed(byTarget[code]!, nProducts);
  }
  // One slot more than there are accounts: a move on an unknown account lands there.
  for (let k = 0; k < ACCOUNT_KINDS.length; k++) {
    const code = ACCOUNT_KINDS[k]!;
    const buffer = byTarget[code]!;
    const sized = atLeast(buffer, nAccounts + 1);
    if (sized === buffer) for (let s = 0; s < ws.touchedCount; s++) sized[ws.touched[s]!] = 0;
    byTarget[code] = sized;
  }
  ws.touchedCount = 0;
  const points = t.points;
  for (let c = 0; c < points.length; c++) points[c] = 0;
  t.effortMarketing = t.effortSales = t.effortJoint = t.effort = 0;
  const seen = ws.seen;
  if (check) seen.begin(nProducts, nAccounts);
  let valid = true;
  for (let m = 0; m < moves.length; m++) {
    const move = moves[m]!;
    // Moves arrive in several object shapes (bots, the flow, parsed replays): read each field once.
    const kind = move.kind;
    const spent = move.points;
    const target = move.target;
    const price = move.price;
    t.effort += spent;
    const code = kindCode(kind);
    if (code < 0) {
      tallyUnknownKind(t, spent, salesMorale);
      valid = false;
      continue;
    }
    const info = KIND_INFO[code]!;
    // The effort spent is tallied as planned; what it achieves depends on the side's morale.
    let achieved: number;
    switch (info.side) {
      case 'marketing':
        t.effortMarketing += spent;
        achieved = spent * marketingMorale;
        break;
      case 'sales':
        t.effortSales += spent;
        achieved = spent * salesMorale;
        break;
      case 'joint':
        t.effortJoint += spent;
        achieved = spent;
        break;
      default:
        return assertNever(info.side);
    }
    let at: number;
    switch (info.target) {
      case 'none':
        at = -1;
        points[code]! += achieved;
        break;
      case 'product':
        // The state's lines are the scenario's, in its order: `at` is the line validateMove finds
        // (looked up among the scenario's interned ids, a plain array of strings).
        at = indexOfId(productIds, target);
        if (at >= 0) {
          byTarget[code]![at]! += achieved;
          if (info.price && products[at]!.active) products[at]!.price = price!;
        }
        break;
      case 'account':
        at = 0;
        while (at < nAccounts && accounts[at]!.id !== target) at++;
        touch(ws, at);
        byTarget[code]![at]! += achieved;
        break;
      default:
        return assertNever(info.target);
    }
    if (check && valid) valid = brokenMoveRule(cs, scenario, products, accounts, code, spent, target, price, at) === null && seen.firstUse(code, at);
  }
  t.movesValid = valid;
  return t;
}
