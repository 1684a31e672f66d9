// Helpers bots share to turn an intention ("half to marketing, mostly campaigns") into a
// valid decision: integer effort split by weights, accounts and lines ranked by value.
import type { AccountState, GameState, Move, MoveKind, Scenario } from '../types';

/** Splits `points` into integers proportional to `weights` (largest remainder, ties by order). */
export function split(points: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (total <= 0 || points <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (Math.max(0, w) * points) / total);
  const out = exact.map((x) => Math.floor(x));
  let left = points - out.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]! += 1;
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
  const values = new Array<number>(accounts.length);
  for (let j = 0; j < accounts.length; j++) values[j] = accounts[j]!.active ? accountValue(scenario, accounts[j]!) : -1;
  const out: AccountState[] = [];
  // Selection by repeated scans: cheaper than sorting when only the top few are wanted.
  for (let k = 0; k < count; k++) {
    let best = -1;
    for (let j = 0; j < accounts.length; j++) if (values[j]! >= 0 && (best < 0 || values[j]! > values[best]!)) best = j;
    if (best < 0) break;
    out.push(accounts[best]!);
    values[best] = -1;
  }
  return out;
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
