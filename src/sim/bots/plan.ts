// Helpers bots share to turn an intention ("half to marketing, mostly campaigns") into a
// valid decision: integer effort split by weights, accounts and lines ranked by value.
import type { AccountState, GameState, Move, MoveKind, PurchaseState, Scenario } from '../types';

/**
 * Splits `points` into integers proportional to `weights` (largest remainder, ties by order).
 * Plain loops over the handful of weights: bots split effort every quarter, and a map, reduce
 * and sort here took a tenth of a bot game's time.
 */
export function split(points: number, weights: readonly number[]): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.max(0, weights[i]!);
  if (total <= 0 || points <= 0) return out;
  const remainder = new Array<number>(n);
  const order = new Array<number>(n);
  let left = points;
  for (let i = 0; i < n; i++) {
    const exact = (Math.max(0, weights[i]!) * points) / total;
    const whole = Math.floor(exact);
    out[i] = whole;
    left -= whole;
    remainder[i] = exact - whole;
    // Insertion into `order`: larger remainder first, then lower index (i is the highest so far).
    let k = i;
    while (k > 0 && remainder[order[k - 1]!]! < remainder[i]!) {
      order[k] = order[k - 1]!;
      k--;
    }
    order[k] = i;
  }
  for (let k = 0; left > 0; k = (k + 1) % n, left--) out[order[k]!]! += 1;
  return out;
}

/** Units an account buys a quarter at list price: a rough value for ranking accounts. */
export function accountValue(scenario: Scenario, account: AccountState): number {
  let value = 0;
  const buys = account.buys;
  for (let b = 0; b < buys.length; b++) value += buys[b]!.units * scenario.products[buys[b]!.line]!.price;
  return value;
}

/** The `count` most valuable active accounts, most valuable first (ties: earlier in the list). */
export function topAccounts(scenario: Scenario, state: GameState, count: number): AccountState[] {
  const accounts = state.accounts;
  const out: AccountState[] = [];
  const values: number[] = [];
  // One pass keeping the best `count` in order (value descending, earlier first on ties) by
  // insertion: cheaper than scanning the whole list once per place, or than splice().
  for (let j = 0; j < accounts.length; j++) {
    const account = accounts[j]!;
    if (!account.active) continue;
    const value = accountValue(scenario, account);
    if (!(value >= 0)) continue;
    let k = out.length;
    if (k === count && !(values[k - 1]! < value)) continue;
    if (k < count) {
      out.push(account);
      values.push(value);
    }
    k = out.length - 1;
    while (k > 0 && values[k - 1]! < value) {
      out[k] = out[k - 1]!;
      values[k] = values[k - 1]!;
      k--;
    }
    out[k] = account;
    values[k] = value;
  }
  return out;
}

/**
 * The ids of topAccounts(scenario, state, count), in its order: the same ranking, written into
 * `out[0..n)` without the account list it would build and copy; returns n. The rest of `out` is
 * left as it was: clearing it (setting its length) was a runtime call every quarter.
 */
export function topAccountIds(scenario: Scenario, state: GameState, count: number, out: string[]): number {
  const accounts = state.accounts;
  const specs = scenario.products;
  const values = topValues;
  if (scenario !== valuedScenario) {
    valuedBuys.length = 0;
    valuedScenario = scenario;
  }
  let n = 0;
  for (let j = 0; j < accounts.length; j++) {
    const account = accounts[j]!;
    if (!account.active) continue;
    // accountValue, inline, unless this slot's purchases were valued already (see valuedBuys).
    const buys = account.buys;
    let value = 0;
    if (valuedBuys[j] === buys) value = buyValues[j]!;
    else {
      for (let b = 0; b < buys.length; b++) value += buys[b]!.units * specs[buys[b]!.line]!.price;
      valuedBuys[j] = buys;
      buyValues[j] = value;
    }
    if (!(value >= 0)) continue;
    let k = n;
    if (k === count && !(values[k - 1]! < value)) continue;
    if (k < count) n++;
    k = n - 1;
    while (k > 0 && values[k - 1]! < value) {
      out[k] = out[k - 1]!;
      values[k] = values[k - 1]!;
      k--;
    }
    out[k] = account.id;
    values[k] = value;
  }
  return n;
}
const topValues: number[] = [];
/**
 * accountValue by account slot, with the purchase list it was worked out from: an account's
 * `buys` array passes unchanged from quarter to quarter (the model replaces it, never changes it),
 * so the same array has the same value and the ranking needs only the accounts won since. Valid
 * for one scenario (its prices): another scenario starts the cache over.
 */
const valuedBuys: (readonly PurchaseState[] | undefined)[] = [];
const buyValues: number[] = [];
let valuedScenario: Scenario | undefined;

/** push, with the move's `enabled` read by the caller (a fixed property there, not a lookup by kind). */
export function pushEnabled(moves: Move[], enabled: boolean, kind: MoveKind, points: number, target?: string): void {
  if (points <= 0 || !enabled) return;
  moves.push(target === undefined ? { kind, points } : { kind, points, target });
}

/** concentrate over the first `count` targets, with the move's `enabled` read by the caller. */
export function concentrateEnabled(moves: Move[], enabled: boolean, kind: MoveKind, points: number, targets: readonly string[], count: number, per: number): void {
  let left = points;
  for (let i = 0; i < count && left > 0; i++) {
    const last = i === count - 1;
    const give = last ? left : Math.min(per, left);
    pushEnabled(moves, enabled, kind, give, targets[i]);
    left -= give;
  }
}

/** Adds a move if it has points and is enabled in the scenario. */
export function push(scenario: Scenario, moves: Move[], kind: MoveKind, points: number, target?: string): void {
  if (points <= 0 || !scenario.moves[kind].enabled) return;
  moves.push(target === undefined ? { kind, points } : { kind, points, target });
}

/** Gives `per` points to each target in order until the points run out (S-curves punish thin spreading). */
export function concentrate(
  scenario: Scenario,
  moves: Move[],
  kind: MoveKind,
  points: number,
  targets: readonly string[],
  per: number,
): void {
  let left = points;
  for (let i = 0; i < targets.length && left > 0; i++) {
    const last = i === targets.length - 1;
    const give = last ? left : Math.min(per, left);
    push(scenario, moves, kind, give, targets[i]);
    left -= give;
  }
}
